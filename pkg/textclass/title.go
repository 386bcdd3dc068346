package textclass

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// Title search: a heading sits at most titleWindow blocks before the article (bylines,
// dates, captions, share counters, even a menu may come between), titleNear when it
// shares no word with the lead, and is titleMinWords to titleMaxRunes long.
const (
	titleWindow   = 30
	titleNear     = 2 // a heading sharing no word with the lead must be this near
	titleMinWords = 2
	titleMaxRunes = 150
)

// findTitle returns the index of the heading of the article that starts at block from:
// among the heading-like blocks in the windows before it (and its first block), the one
// sharing the most words of titleWordLen letters or more with the article's first
// titleLeadBlocks kept blocks, as a headline shares words with the lead; on a tie, the
// longer, then the nearer. -1 when there is none.
func findTitle(blocks []string, bs []Block, from int) int {
	lead := leadWords(blocks, bs, from)
	best, bestShared := -1, -1
	for i := from; i >= 0 && i >= from-titleWindow; i-- {
		if !headingLike(blocks[i], &bs[i].Features) || i == from && (from+1 >= len(bs) || !bs[from+1].Keep) {
			continue
		}
		shared := 0
		for _, w := range contentWords(blocks[i]) {
			if lead[w] {
				shared++
			}
		}
		if shared == 0 && from-i > titleNear {
			continue
		}
		if shared > bestShared || shared == bestShared && bs[i].Words > bs[best].Words {
			best, bestShared = i, shared
		}
	}
	return best
}

// Title words: words of titleWordLen letters or more, in lower case, of the article's
// first titleLeadBlocks kept blocks.
const (
	titleWordLen    = 4
	titleLeadBlocks = 3
)

// leadWords returns the content words of the first kept blocks from block from on.
func leadWords(blocks []string, bs []Block, from int) map[string]bool {
	words := map[string]bool{}
	for i, n := from, 0; i < len(bs) && n < titleLeadBlocks; i++ {
		if bs[i].Keep {
			for _, w := range contentWords(blocks[i]) {
				words[w] = true
			}
			n++
		}
	}
	return words
}

// contentWords returns the words of s of titleWordLen letters or more, in lower case.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= titleWordLen {
			out = append(out, strings.ToLower(w))
		}
	}
	return out
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
