package textclass

import (
	"embed"
	"maps"
	"slices"
	"strings"
	"sync"
)

//go:embed stopwords/*.txt
var stopwordFiles embed.FS

// languages are the ISO 639-1 codes of the shipped stop-word lists, in the order of the
// bits of a langMask.
var languages = [...]string{"en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru"}

// numLangs is the number of languages; a langMask holds up to 16.
const numLangs = len(languages)

// langMask has bit i set when a word is a stop word of languages[i].
type langMask uint16

// stopIndex maps a lower-case word to the languages whose stop-word list holds it. Lookups
// go through an open-addressing table hashed with FNV-1a, which lets ASCII words be hashed
// and compared case-insensitively in place: the classifier looks up every word of a page.
type stopIndex struct {
	words  map[string]langMask
	slots  []stopSlot
	arena  string // the keys, one after another
	mask   uint32
	seen   [512]uint64 // a bit per hash & 0x7fff of each key, so that most other words are turned away without reading the table
	maxLen int         // longest stop word in bytes; longer words are not looked up
}

// stopSlot is one entry of the table, 8 bytes: the key is arena[off:off+n] (n 0 for an
// empty slot) and tag the top byte of its hash, to pass over most other keys unread.
type stopSlot struct {
	off   uint32
	langs langMask
	n     uint8
	tag   uint8
}

const (
	fnvOffset = 2166136261
	fnvPrime  = 16777619
)

// buildTable fills the lookup table from words, at most a quarter full. Keys go into the
// arena in sorted order, so the table is the same on every run.
func (idx *stopIndex) buildTable() {
	n := 1
	for n < 4*len(idx.words) {
		n <<= 1
	}
	idx.slots, idx.mask = make([]stopSlot, n), uint32(n-1)
	var arena strings.Builder
	for _, w := range slices.Sorted(maps.Keys(idx.words)) {
		h := uint32(fnvOffset)
		for i := 0; i < len(w); i++ {
			h = (h ^ uint32(w[i])) * fnvPrime
		}
		j := h & idx.mask
		for idx.slots[j].n != 0 {
			j = (j + 1) & idx.mask
		}
		idx.slots[j] = stopSlot{off: uint32(arena.Len()), langs: idx.words[w], n: uint8(len(w)), tag: uint8(h >> 24)}
		idx.seen[h>>6&511] |= 1 << (h & 63)
		arena.WriteString(w)
	}
	idx.arena = arena.String()
}

// mayHold reports whether a word of hash h may be a stop word: most others are turned
// away by one bit, without reading the table.
func (idx *stopIndex) mayHold(h uint32) bool { return idx.seen[h>>6&511]&(1<<(h&63)) != 0 }

// lookupHashed returns the languages of the word w of ASCII letters and apostrophes, in
// any case, given the FNV-1a hash h of w in lower case (mayHold(h) first saves most
// calls).
func (idx *stopIndex) lookupHashed(h uint32, w string) langMask {
	tag := uint8(h >> 24)
	for j := h & idx.mask; ; j = (j + 1) & idx.mask {
		s := idx.slots[j]
		if s.n == 0 {
			return 0
		}
		if s.tag == tag && int(s.n) == len(w) && equalFolded(idx.arena[s.off:s.off+uint32(s.n)], w) {
			return s.langs
		}
	}
}

// lookup returns the languages of the lower-case word w.
func (idx *stopIndex) lookup(w []byte) langMask {
	h := uint32(fnvOffset)
	for _, c := range w {
		h = (h ^ uint32(c)) * fnvPrime
	}
	tag := uint8(h >> 24)
	for j := h & idx.mask; ; j = (j + 1) & idx.mask {
		s := idx.slots[j]
		if s.n == 0 {
			return 0
		}
		if s.tag == tag && idx.arena[s.off:s.off+uint32(s.n)] == string(w) {
			return s.langs
		}
	}
}

func lowerASCII(c byte) byte {
	if 'A' <= c && c <= 'Z' {
		return c + 'a' - 'A'
	}
	return c
}

// equalFolded reports whether the word w of ASCII letters and apostrophes is key in any
// case: each byte | 0x20 (which lowers a letter and keeps an apostrophe) is key's.
func equalFolded(key, w string) bool {
	for i := 0; i < len(w); i++ {
		if key[i] != w[i]|0x20 {
			return false
		}
	}
	return true
}

var loadStopwords = sync.OnceValue(func() *stopIndex {
	idx := &stopIndex{words: make(map[string]langMask)}
	for i, lang := range languages {
		data, err := stopwordFiles.ReadFile("stopwords/" + lang + ".txt")
		if err != nil {
			continue // cannot happen: the lists are embedded at build time (a test checks each)
		}
		for _, line := range strings.Split(string(data), "\n") {
			w := strings.ToLower(strings.TrimSpace(line))
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			w = strings.ReplaceAll(w, "’", "'")
			idx.words[w] |= 1 << i
			idx.maxLen = max(idx.maxLen, len(w))
		}
	}
	idx.buildTable()
	return idx
})

// Languages returns the codes of the languages whose stop words are shipped.
func Languages() []string { return append([]string(nil), languages[:]...) }
