package signals

import "bytes"

// gopherRepetition computes what GopherRepetitionFilter.filter looks at.
func (sc *scratch) gopherRepetition(s *Signals) {
	text := sc.text
	if text == "" {
		return
	}
	nPara := 0
	dup, chars := sc.dups(func(fn func(string)) {
		nPara = splitNewlines(strip(text), 2, fn) // re.split(r"\n{2,}", text.strip())
	})
	s.GopherDupParaFrac = ratio(dup, nPara)
	s.GopherDupParaCharFrac = ratio(chars, s.Chars)
	nLines := 0
	dup, chars = sc.dups(func(fn func(string)) {
		nLines = splitNewlines(text, 1, fn) // re.split("\n+", text)
	})
	s.GopherDupLineFrac = ratio(dup, nLines)
	s.GopherDupLineCharFrac = ratio(chars, s.Chars)

	g := &sc.ngrams
	g.set(sc)
	top := [...]*float64{&s.GopherTop2GramFrac, &s.GopherTop3GramFrac, &s.GopherTop4GramFrac}
	for i, p := range top {
		*p = ratio(g.top(i+2), s.Chars)
	}
	dupN := [...]*float64{&s.GopherDup5GramFrac, &s.GopherDup6GramFrac, &s.GopherDup7GramFrac,
		&s.GopherDup8GramFrac, &s.GopherDup9GramFrac, &s.GopherDup10GramFrac}
	for i, p := range dupN {
		*p = ratio(g.allDup(i+5), s.Chars)
	}
}

// splitNewlines calls fn with the pieces of s between runs of `least` or more "\n", as
// re.split does (empty pieces included), and returns their number.
func splitNewlines(s string, least int, fn func(string)) int {
	n, start := 0, 0
	for i := 0; i < len(s); {
		if s[i] != '\n' {
			i++
			continue
		}
		j := i
		for j < len(s) && s[j] == '\n' {
			j++
		}
		if j-i >= least {
			fn(s[start:i])
			n++
			start = j
		}
		i = j
	}
	fn(s[start:])
	return n + 1
}

// ngrams finds repeated word n-grams with a polynomial hash of the words' bytes
// (prefix sums at word boundaries, so a window's hash costs O(1)) in an open-addressing
// table; every hash hit is checked on the words themselves.
type ngrams struct {
	words  []word
	text   string
	concat []byte   // the words, joined with nothing
	off    []int32  // word k's offset in concat
	cum    []int32  // code points of the words before word k
	pre    []uint64 // hash of concat[:off[k]]
	pow    []uint64 // base ** bytes before word k
	inv    []uint64 // its inverse
	slots  []slot
	shift  uint    // 64 - log2(len(slots))
	counts []int32 // top: the count of the key first seen at each window

	hashes      []uint64 // the hash of each window
	once, twice []uint64 // markRepeats' bit sets
	bitShift    uint
}

type slot struct {
	tag   uint32 // the top of the key's hash
	first int32  // the first window with this key, plus one (0: empty slot)
}

const (
	hashBase    = 0x100000001B3 // odd, so invertible mod 2**64
	hashBaseInv = 0xCE965057AFF6957B
)

func (g *ngrams) set(sc *scratch) {
	g.words, g.text = sc.words, sc.text
	g.concat, g.off, g.cum = g.concat[:0], g.off[:0], g.cum[:0]
	g.pre, g.pow, g.inv = g.pre[:0], g.pow[:0], g.inv[:0]
	var h, p, q uint64 = 0, 1, 1
	var c int32
	for _, w := range g.words {
		g.off, g.cum = append(g.off, int32(len(g.concat))), append(g.cum, c)
		g.pre, g.pow, g.inv = append(g.pre, h), append(g.pow, p), append(g.inv, q)
		for _, b := range []byte(g.text[w.start:w.end]) {
			h = h*hashBase + uint64(b)
			p *= hashBase
			q *= hashBaseInv
		}
		g.concat = append(g.concat, g.text[w.start:w.end]...)
		c += w.runes
	}
	g.off, g.cum = append(g.off, int32(len(g.concat))), append(g.cum, c)
	g.pre, g.pow, g.inv = append(g.pre, h), append(g.pow, p), append(g.inv, q)
}

// hash is the hash of the concatenation of words [i, i+n).
func (g *ngrams) hash(i, n int) uint64 {
	return g.pre[i+n] - g.pre[i]*(g.pow[i+n]*g.inv[i])
}

// chars is the number of code points of words [i, i+n), without separators.
func (g *ngrams) chars(i, n int) int { return int(g.cum[i+n] - g.cum[i]) }

func (g *ngrams) sameConcat(i, j, n int) bool {
	return bytes.Equal(g.concat[g.off[i]:g.off[i+n]], g.concat[g.off[j]:g.off[j+n]])
}

func (g *ngrams) sameWords(i, j, n int) bool {
	for k := 0; k < n; k++ {
		a, b := g.words[i+k], g.words[j+k]
		if g.text[a.start:a.end] != g.text[b.start:b.end] {
			return false
		}
	}
	return true
}

// reset empties the table for m keys.
func (g *ngrams) reset(m int) {
	size, bits := 16, uint(4)
	for size < 2*m {
		size, bits = size*2, bits+1
	}
	if cap(g.slots) < size {
		g.slots = make([]slot, size)
	}
	g.slots, g.shift = g.slots[:size], 64-bits
	clear(g.slots)
}

// lookup finds the slot of the key of window [i, i+n): words joined with spaces, or
// with nothing (concat); or the empty slot where it goes.
func (g *ngrams) lookup(i, n int, concat bool) *slot {
	h := g.hashes[i]
	mask := len(g.slots) - 1
	for k := int(h * 0x9E3779B97F4A7C15 >> g.shift); ; k = (k + 1) & mask {
		sl := &g.slots[k]
		if sl.first == 0 {
			sl.tag = uint32(h >> 32)
			return sl
		}
		if sl.tag == uint32(h>>32) && g.same(i, int(sl.first-1), n, concat) {
			return sl
		}
	}
}

func (g *ngrams) same(i, j, n int, concat bool) bool {
	if concat {
		return g.sameConcat(i, j, n)
	}
	return g.sameWords(i, j, n)
}

// markRepeats sets g.hashes to the hashes of the windows of n words, and g.twice for
// the hashes that two or more windows have: a window whose bit is not in it has a key
// no other window has. It returns whether any is set.
func (g *ngrams) markRepeats(m, n int) bool {
	bits, lg := 64, uint(6)
	for bits < 8*m {
		bits, lg = bits*2, lg+1
	}
	g.once = append(g.once[:0], make([]uint64, bits/64)...)
	g.twice = append(g.twice[:0], make([]uint64, bits/64)...)
	g.hashes = g.hashes[:0]
	shift := 64 - lg
	any := false
	for i := 0; i < m; i++ {
		h := g.hash(i, n)
		g.hashes = append(g.hashes, h)
		b := h * 0xC2B2AE3D27D4EB4F >> shift
		if g.once[b>>6]&(1<<(b&63)) != 0 {
			g.twice[b>>6] |= 1 << (b & 63)
			any = true
		}
		g.once[b>>6] |= 1 << (b & 63)
	}
	g.bitShift = shift
	return any
}

// maybeRepeated reports whether window i's key may occur in another window.
func (g *ngrams) maybeRepeated(i int) bool {
	b := g.hashes[i] * 0xC2B2AE3D27D4EB4F >> g.bitShift
	return g.twice[b>>6]&(1<<(b&63)) != 0
}

// top is find_top_duplicate(get_n_grams(words, n)): the length of the most frequent
// n-gram (words joined with spaces; the first seen among equals) times its count, or 0
// without n-grams. Without a repeat, that is the first n-gram.
func (g *ngrams) top(n int) int {
	m := len(g.words) - n + 1
	if m <= 0 {
		return 0
	}
	best, first := int32(1), 0
	if g.markRepeats(m, n) {
		best, first = g.topRepeated(m, n)
	}
	return (g.chars(first, n) + n - 1) * int(best)
}

// topRepeated counts the windows whose key may repeat; it returns the highest count
// and the first window of its key, or 1 and window 0 if no key repeats.
func (g *ngrams) topRepeated(m, n int) (int32, int) {
	g.reset(m)
	g.counts = append(g.counts[:0], make([]int32, m)...)
	best, bestFirst := int32(1), int32(1)
	for i := 0; i < m; i++ {
		if !g.maybeRepeated(i) {
			continue
		}
		sl := g.lookup(i, n, false)
		if sl.first == 0 {
			sl.first = int32(i + 1)
		}
		c := &g.counts[sl.first-1]
		*c++
		if *c > best || *c == best && *c > 1 && sl.first < bestFirst {
			best, bestFirst = *c, sl.first
		}
	}
	return best, int(bestFirst - 1)
}

// allDup is find_all_duplicate(words, n): scanning the n-grams (words joined with
// nothing), a repeat of an earlier one adds its length and skips past it. A window
// whose key occurs once is never a repeat, nor looked up later: it is passed over.
func (g *ngrams) allDup(n int) int {
	m := len(g.words) - n + 1
	if m <= 0 || !g.markRepeats(m, n) {
		return 0
	}
	g.reset(m)
	repeated := 0
	for i := 0; i < m; {
		if !g.maybeRepeated(i) {
			i++
			continue
		}
		sl := g.lookup(i, n, true)
		if sl.first != 0 {
			repeated += g.chars(i, n)
			i += n
			continue
		}
		sl.first = int32(i + 1)
		i++
	}
	return repeated
}
