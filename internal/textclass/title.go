package textclass

import (
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"
)

// Title search: a heading sits at most titleWindow blocks before the article (bylines,
// dates, captions, share counters, even a menu may come between), titleNear when it
// shares no word with the lead, and is titleMinWords to titleMaxRunes long.
const (
	titleWindow   = 30 // at most 31 candidates, one bit each in a uint32
	titleNear     = 2  // a heading sharing no word with the lead must be this near
	titleMinWords = 2
	titleMaxRunes = 150
)

// findTitle returns the index of the heading of the article that starts at block from:
// among the heading-like blocks in the windows before it (and its first block), the one
// sharing the most words of titleWordLen letters or more with the article's first
// titleLeadBlocks kept blocks, as a headline shares words with the lead; on a tie, the
// longer, then the nearer. -1 when there is none.
func findTitle(blocks []string, bs []Block, from int) int {
	sc := titlePool.Get().(*titleScratch)
	defer sc.release()
	for i := from; i >= 0 && i >= from-titleWindow; i-- {
		if !headingLike(blocks[i], &bs[i].Features) || i == from && (from+1 >= len(bs) || !bs[from+1].Keep) {
			continue
		}
		bit := uint32(1) << len(sc.cands)
		sc.cands = append(sc.cands, i)
		for words := (contentWords{s: blocks[i]}); ; {
			w, ascii, ok := words.next()
			if !ok {
				break
			}
			sc.arena = appendLower(sc.arena, w, ascii)
			sc.found = append(sc.found, titleWord{uint32(len(sc.arena)), bit})
		}
	}
	keys := string(sc.arena) // one string for all the keys
	start := uint32(0)
	for _, w := range sc.found {
		sc.words[keys[start:w.end]] |= w.bit
		sc.filter.add(keys[start:w.end])
		start = w.end
	}
	shared := sharedWithLead(blocks, bs, from, sc)
	cands := sc.cands
	best := -1
	for c, i := range cands {
		switch {
		case shared[c] == 0 && from-i > titleNear:
		case best < 0 || shared[c] > shared[best] || shared[c] == shared[best] && bs[i].Words > bs[cands[best]].Words:
			best = c
		}
	}
	if best < 0 {
		return -1
	}
	return cands[best]
}

// titleScratch is findTitle's memory, reused across documents (titlePool): its sizes are
// bounded by the title window.
type titleScratch struct {
	cands  []int       // candidate blocks, nearest first (at most 31)
	arena  []byte      // the candidates' words, one after another, in lower case
	buf    []byte      // a word of the lead in lower case
	found  []titleWord // the words in arena
	words  map[string]uint32
	filter wordFilter // the keys of words
	shared []int      // per candidate, the words it shares with the lead
}

// titleWord is a word of a candidate: where it ends in the arena, and the candidate's bit.
type titleWord struct{ end, bit uint32 }

var titlePool = sync.Pool{New: func() any {
	return &titleScratch{arena: make([]byte, 0, 512), buf: make([]byte, 0, 64),
		found: make([]titleWord, 0, 64), words: make(map[string]uint32, 64)}
}}

// release empties sc and gives it back to the pool.
func (sc *titleScratch) release() {
	sc.cands, sc.arena, sc.buf, sc.found, sc.shared = sc.cands[:0], sc.arena[:0], sc.buf[:0], sc.found[:0], sc.shared[:0]
	clear(sc.words)
	sc.filter = wordFilter{}
	titlePool.Put(sc)
}

// Title words: words of titleWordLen letters or more, in lower case, of the article's
// first titleLeadBlocks kept blocks, at most titleLeadBytes of them.
const (
	titleWordLen    = 4
	titleLeadBlocks = 3
	titleLeadBytes  = 1000
)

// sharedWithLead counts, for each candidate of sc, the words of sc.words (with one bit
// per candidate) that the lead of the article starting at block from holds. sc.filter
// holds the keys of sc.words, to turn most other words away before the map.
func sharedWithLead(blocks []string, bs []Block, from int, sc *titleScratch) []int {
	shared := append(sc.shared[:0], make([]int, len(sc.cands))...)
	sc.shared = shared
	budget := titleLeadBytes
	for i, kept := from, 0; i < len(bs) && kept < titleLeadBlocks && budget > 0 && len(sc.words) > 0; i++ {
		if !bs[i].Keep {
			continue
		}
		text := blocks[i][:min(len(blocks[i]), budget)]
		for words := (contentWords{s: text}); ; {
			w, ascii, ok := words.next()
			if !ok {
				break
			}
			if ascii && !sc.filter.mayHoldASCII(w) {
				continue // most words: turned away before they are lowered
			}
			sc.buf = appendLower(sc.buf[:0], w, ascii)
			if !ascii && !sc.filter.mayHold(string(sc.buf)) {
				continue
			}
			m, ok := sc.words[string(sc.buf)]
			if !ok {
				continue
			}
			for c := 0; m != 0; c, m = c+1, m>>1 {
				shared[c] += int(m & 1)
			}
			delete(sc.words, string(sc.buf)) // count each word once
		}
		budget -= len(text)
		kept++
	}
	return shared
}

// wordFilter is a set of words that may answer "yes" for a word it does not hold: a bit
// per word's first and last byte and length, 1,024 bits.
type wordFilter [16]uint64

// filterBit is the bit of the words that start with byte first, end with byte last and
// are n bytes long.
func filterBit(first, last byte, n int) uint32 {
	return (uint32(first) | uint32(last)<<8 | uint32(n)<<16) * 0x9e3779b1 >> 22
}

// add adds word w, in lower case.
func (f *wordFilter) add(w string) {
	b := filterBit(w[0], w[len(w)-1], len(w))
	f[b>>6] |= 1 << (b & 63)
}

// mayHold reports whether w, in lower case, may be in f: false when it is not.
func (f *wordFilter) mayHold(w string) bool {
	return f.has(filterBit(w[0], w[len(w)-1], len(w)))
}

// mayHoldASCII is mayHold of w in lower case, for a word w of ASCII letters and digits
// in any case (lowered, such a byte is itself | 0x20, and the word as long).
func (f *wordFilter) mayHoldASCII(w string) bool {
	return f.has(filterBit(w[0]|0x20, w[len(w)-1]|0x20, len(w)))
}

func (f *wordFilter) has(b uint32) bool { return f[b>>6]&(1<<(b&63)) != 0 }

// contentWords reads the words of s of titleWordLen letters or more, one after another:
// the runs of letters and digits.
type contentWords struct {
	s string
	i int // where the next word is looked for
}

// next returns the next word as it is in s, and whether it is all ASCII; ok is false
// at the end of s.
func (r *contentWords) next() (w string, ascii, ok bool) {
	s, i := r.s, r.i
	for i < len(s) {
		for i < len(s) && s[i] < utf8.RuneSelf && !asciiWord[s[i]] {
			i++ // spaces and punctuation
		}
		start := i
		ascii = true
		for {
			for i < len(s) && asciiWord[s[i]] {
				i++
			}
			if i == len(s) || s[i] < utf8.RuneSelf {
				break
			}
			c, size := utf8.DecodeRuneInString(s[i:])
			if !unicode.IsLetter(c) && !unicode.IsDigit(c) {
				break
			}
			i, ascii = i+size, false
		}
		if i == start { // a character in no word, not ASCII
			_, size := utf8.DecodeRuneInString(s[i:])
			i += size
			continue
		}
		if w = s[start:i]; len(w) >= titleWordLen && (ascii || utf8.RuneCountInString(w) >= titleWordLen) {
			r.i = i
			return w, ascii, true
		}
	}
	r.i = i
	return "", false, false
}

// appendLower appends word w (from contentWords, all ASCII when ascii) to b in lower
// case.
func appendLower(b []byte, w string, ascii bool) []byte {
	if ascii {
		for i := range len(w) {
			b = append(b, lowerASCII(w[i]))
		}
		return b
	}
	for _, c := range w {
		b = utf8.AppendRune(b, unicode.ToLower(c))
	}
	return b
}

// headingLike: one line of a few words (or CJK characters), not mostly numbers, no date
// or dateline, not starting in lower case, one sentence at most and not ending like one
// or like a clause (a question or exclamation may), no separators or links.
func headingLike(text string, f *Features) bool {
	if f.Lines != 1 || f.Words < titleMinWords && f.Wide < 2*titleMinWords ||
		f.Size() > titleMaxRunes || f.Seps > 0 || f.Links > 0 || f.Copy || f.Repeats > 1 ||
		2*f.Numeric > f.Words || isDateline(f) || f.Breaks > 0 || f.Years > 0 && f.Days > 0 {
		return false
	}
	t := strings.TrimSpace(text)
	first, _ := utf8.DecodeRuneInString(t)
	last, _ := utf8.DecodeLastRuneInString(t)
	return !unicode.IsLower(first) && !strings.ContainsRune(".,;:。，；：、", last)
}
