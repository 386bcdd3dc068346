package textclass

import (
	"embed"
	"maps"
	"math/bits"
	"slices"
	"strings"
	"sync"

	"github.com/cleanhq/clean/internal/blocks"
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
// go through an open-addressing table, which lets ASCII words be hashed and compared
// case-insensitively in place: the classifier looks up every word of a page. A word of up
// to eight bytes is its key: its bytes as a number, the first lowest (packWord), so that
// it is hashed by one multiplication and compared in one step; a longer word is hashed
// from its first and last eight bytes and its length (hashLong) and compared byte by byte.
type stopIndex struct {
	words  map[string]langMask
	slots  []stopSlot
	arena  string // the keys of more than eight bytes, one after another
	mask   uint32
	seen   [512]uint64 // a bit per hash & 0x7fff of each key, so that most other words are turned away without reading the table
	maxLen int         // longest stop word in bytes; longer words are not looked up
}

// stopSlot is one entry of the table, 16 bytes: a word of up to eight bytes is key, a
// longer one arena[off:off+n] (key 0); n is 0 for an empty slot, and tag the top byte of
// a long word's hash, to pass over most other long keys unread.
type stopSlot struct {
	key   uint64
	off   uint32
	langs langMask
	n     uint8
	tag   uint8
}

const (
	// packMul spreads a packed word's bits over the top half of the product (the 64-bit
	// golden ratio, as in Fibonacci hashing).
	packMul = 0x9e3779b97f4a7c15
)

// packWord returns the bytes of w (at most eight) as a number, the first byte lowest:
// the key of a short word, never 0 for a word.
func packWord(w []byte) uint64 {
	k := uint64(0)
	for i := len(w) - 1; i >= 0; i-- {
		k = k<<8 | uint64(w[i])
	}
	return k
}

// hashPacked is the hash of a word of up to eight bytes, given its key.
func hashPacked(key uint64) uint32 { return uint32(key * packMul >> 32) }

// hashLong is the hash of a word of more than eight bytes, in lower case: of its first
// and its last eight bytes (which overlap in words under sixteen bytes) and its length,
// read as numbers (see hashEnds), so that a word costs the same whatever its length.
func hashLong(w string) uint32 {
	return hashEnds(blocks.Load8(w), blocks.Load8(w[len(w)-8:]), len(w))
}

// hashEnds is hashLong of the word of n bytes whose first eight bytes are first and last
// eight bytes last, as numbers, the first byte lowest.
func hashEnds(first, last uint64, n int) uint32 {
	return hashPacked(first ^ bits.RotateLeft64(last*packMul, 29) ^ uint64(n))
}

// buildTable fills the lookup table from words, at most a quarter full. Long keys go into
// the arena in sorted order, so the table is the same on every run.
func (idx *stopIndex) buildTable() {
	n := 1
	for n < 4*len(idx.words) {
		n <<= 1
	}
	idx.slots, idx.mask = make([]stopSlot, n), uint32(n-1)
	var arena strings.Builder
	for _, w := range slices.Sorted(maps.Keys(idx.words)) {
		slot := stopSlot{langs: idx.words[w], n: uint8(len(w))}
		var h uint32
		if len(w) <= 8 {
			slot.key = packWord([]byte(w))
			h = hashPacked(slot.key)
		} else {
			h = hashLong(w)
			slot.off, slot.tag = uint32(arena.Len()), uint8(h>>24)
			arena.WriteString(w)
		}
		j := h & idx.mask
		for idx.slots[j].n != 0 {
			j = (j + 1) & idx.mask
		}
		idx.slots[j] = slot
		idx.seen[h>>6&511] |= 1 << (h & 63)
	}
	idx.arena = arena.String()
}

// mayHold reports whether a word of hash h may be a stop word: most others are turned
// away by one bit, without reading the table.
func (idx *stopIndex) mayHold(h uint32) bool { return idx.seen[h>>6&511]&(1<<(h&63)) != 0 }

// lookupPacked returns the languages of the word of up to eight bytes, in lower case,
// whose key is key and hash h (mayHold(h) first saves most calls).
func (idx *stopIndex) lookupPacked(h uint32, key uint64) langMask {
	for j := h & idx.mask; ; j = (j + 1) & idx.mask {
		s := &idx.slots[j]
		if s.key == key {
			return s.langs
		}
		if s.n == 0 {
			return 0
		}
	}
}

// lookupLong returns the languages of the word w of more than eight bytes, given the
// hash h of w in lower case; same reports whether a key equals w (lower case, or ASCII
// letters and apostrophes in any case, see equalFolded).
func (idx *stopIndex) lookupLong(h uint32, w string, same func(key, w string) bool) langMask {
	tag := uint8(h >> 24)
	for j := h & idx.mask; ; j = (j + 1) & idx.mask {
		s := &idx.slots[j]
		if s.n == 0 {
			return 0
		}
		if s.key == 0 && s.tag == tag && int(s.n) == len(w) && same(idx.arena[s.off:s.off+uint32(s.n)], w) {
			return s.langs
		}
	}
}

// lookupFolded returns the languages of the word w of ASCII letters and apostrophes, in
// any case.
func (idx *stopIndex) lookupFolded(w string) langMask {
	if len(w) > idx.maxLen {
		return 0
	}
	var buf [8]byte
	if len(w) <= 8 {
		for i := range len(w) {
			buf[i] = w[i] | 0x20
		}
		key := packWord(buf[:len(w)])
		return idx.lookupPacked(hashPacked(key), key)
	}
	const lower = blocks.ByteOnes * 0x20 // lowers ASCII letters, keeps apostrophes
	h := hashEnds(blocks.Load8(w)|lower, blocks.Load8(w[len(w)-8:])|lower, len(w))
	if !idx.mayHold(h) {
		return 0
	}
	return idx.lookupLong(h, w, equalFolded)
}

// lookup returns the languages of the lower-case word w.
func (idx *stopIndex) lookup(w []byte) langMask {
	if len(w) <= 8 {
		key := packWord(w)
		return idx.lookupPacked(hashPacked(key), key)
	}
	return idx.lookupLong(hashLong(string(w)), string(w), func(key, w string) bool { return key == w })
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
