// Package dedup finds duplicate documents within a run, deterministically: exact duplicates
// by a hash of the normalised text, and near duplicates by MinHash with locality-sensitive
// banding, with FineWeb's parameters (word 5-grams, 14 bands of 8 hashes).
//
// Both are decided in input order: the first document with a text is the original, later
// ones are marked as its duplicates. The same inputs in the same order always give the
// same marks.
package dedup

import (
	"crypto/sha256"
	"encoding/binary"
	"hash/fnv"
	"strings"
	"unicode"
)

// Normalize is the text that exact duplicates share: lower case, letters and digits only,
// words separated by one space (punctuation and white space differences do not count).
func Normalize(text string) string {
	var b strings.Builder
	space := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		default:
			space = true
		}
	}
	return b.String()
}

// Exact remembers the texts it has seen.
type Exact struct {
	seen map[[16]byte]string // hash of the normalised text → the first document's id
}

// NewExact returns an empty exact-duplicate finder.
func NewExact() *Exact { return &Exact{seen: map[[16]byte]string{}} }

// Check returns the id of an earlier document with the same normalised text, or "" (and
// remembers this one as the original). Texts that normalise to nothing are never
// duplicates.
func (e *Exact) Check(id, text string) string {
	norm := Normalize(text)
	if norm == "" {
		return ""
	}
	sum := sha256.Sum256([]byte(norm))
	var key [16]byte
	copy(key[:], sum[:16])
	if first, ok := e.seen[key]; ok {
		return first
	}
	e.seen[key] = id
	return ""
}

// FineWeb's MinHash parameters.
const (
	NGram                = 5
	Bands                = 14
	HashesPerBand        = 8
	numHashes            = Bands * HashesPerBand
	mersennePrime        = (1 << 61) - 1
	maxHash       uint64 = (1 << 32) - 1
)

// MinHash finds near duplicates: documents that agree on all hashes of at least one band.
type MinHash struct {
	a, b    [numHashes]uint64
	buckets [Bands]map[uint64]string // band signature → the first document's id
}

// NewMinHash returns a near-duplicate finder. Its permutations come from a fixed seed,
// so every run uses the same ones.
func NewMinHash() *MinHash {
	m := &MinHash{}
	state := uint64(0x9e3779b97f4a7c15) // splitmix64, fixed seed
	next := func() uint64 {
		state += 0x9e3779b97f4a7c15
		z := state
		z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9
		z = (z ^ (z >> 27)) * 0x94d049bb133111eb
		return z ^ (z >> 31)
	}
	for i := range m.a {
		m.a[i] = next()%(mersennePrime-1) + 1
		m.b[i] = next() % mersennePrime
	}
	for i := range m.buckets {
		m.buckets[i] = map[uint64]string{}
	}
	return m
}

// Signature returns the MinHash signature of text: for each of the 112 hash functions,
// the least hash over the text's word 5-grams (of the normalised text; a text of fewer
// words is one shingle). It is nil for a text without words.
func (m *MinHash) Signature(text string) []uint64 {
	words := strings.Fields(Normalize(text))
	if len(words) == 0 {
		return nil
	}
	sig := make([]uint64, numHashes)
	for i := range sig {
		sig[i] = maxHash
	}
	n := max(len(words)-NGram+1, 1)
	for i := 0; i < n; i++ {
		h := shingleHash(words[i:min(i+NGram, len(words))])
		for j := range sig {
			if p := permute(m.a[j], m.b[j], h); p < sig[j] {
				sig[j] = p
			}
		}
	}
	return sig
}

// permute is the universal hash (a·h + b) mod (2^61 − 1), cut to 32 bits, as datatrove's.
func permute(a, b, h uint64) uint64 {
	return (mulmod61(a, h) + b) % mersennePrime & maxHash
}

// mulmod61 returns a·b mod 2^61 − 1 without overflow.
func mulmod61(a, b uint64) uint64 {
	hi, lo := mul64(a%mersennePrime, b%mersennePrime)
	// a·b = hi·2^64 + lo; 2^64 ≡ 2^3 (mod 2^61 − 1)
	r := (lo & mersennePrime) + (lo >> 61) + (hi << 3)
	for r >= mersennePrime {
		r -= mersennePrime
	}
	return r
}

func mul64(a, b uint64) (hi, lo uint64) {
	const mask32 = 1<<32 - 1
	a0, a1 := a&mask32, a>>32
	b0, b1 := b&mask32, b>>32
	w0 := a0 * b0
	t := a1*b0 + w0>>32
	w1, w2 := t&mask32, t>>32
	w1 += a0 * b1
	return a1*b1 + w2 + w1>>32, a * b
}

func shingleHash(words []string) uint64 {
	h := fnv.New64a()
	for i, w := range words {
		if i > 0 {
			h.Write([]byte{' '})
		}
		h.Write([]byte(w))
	}
	return h.Sum64() & maxHash
}

// Fresh returns a finder with the same permutations and no document seen: Signature
// may run on either (it only reads the permutations), Check on each separately.
func (m *MinHash) Fresh() *MinHash {
	f := &MinHash{a: m.a, b: m.b}
	for i := range f.buckets {
		f.buckets[i] = map[uint64]string{}
	}
	return f
}

// Check returns the id of an earlier document that shares a band with text, or "" (and
// files this one under its bands).
func (m *MinHash) Check(id, text string) string {
	return m.CheckSignature(id, m.Signature(text))
}

// CheckSignature is Check for a signature computed beforehand (by Signature, maybe on
// another goroutine).
func (m *MinHash) CheckSignature(id string, sig []uint64) string {
	if sig == nil {
		return ""
	}
	keys := make([]uint64, Bands)
	for band := range keys {
		h := fnv.New64a()
		var buf [8]byte
		for _, v := range sig[band*HashesPerBand : (band+1)*HashesPerBand] {
			binary.LittleEndian.PutUint64(buf[:], v)
			h.Write(buf[:])
		}
		keys[band] = h.Sum64()
		if first, ok := m.buckets[band][keys[band]]; ok {
			return first
		}
	}
	for band, k := range keys {
		m.buckets[band][k] = id
	}
	return ""
}
