package langid

import (
	"bytes"
	"compress/flate"
	_ "embed"
	"encoding/binary"
	"errors"
	"io"
	"sync"
)

// model.flate is written by cmd/langidgen (see doc.go): letter unigram to
// quadrigram conditional probabilities of 62 languages, derived from lingua-go
// v1.4.0's models (Apache-2.0).
//
//go:generate sh -c "cd cmd && go run ./langidgen -o ../model.flate"
//go:embed model.flate
var modelData []byte

// maxLangs bounds the number of languages of the model (a power of two: a
// language index masked with maxLangs-1 needs no bounds check).
const maxLangs = 64

// costScale is the number of cost units per nat in the model (cost = -ln P).
const costScale = 8

// A model maps a packed n-gram (one to four lowercase letters) to the
// languages that have it, each with the cost -ln P of its last letter given
// the ones before, in 1/costScale nat.
type model struct {
	langs []string // by model index
	short table    // n-grams of 1 to 3 letters, keys from pack1, pack2, pack3
	quad  table    // quadrigrams, keys from pack4

	// candidates[s] lists the model indexes of the languages written in
	// script s.
	candidates [numScripts][]uint8
}

type table struct {
	keys  []uint64 // sorted packed n-grams
	start []uint32 // entries of keys[i] are ent[start[i]:start[i+1]]
	ent   []uint16 // lang<<8 | cost
	slots []slot   // open addressing table
	shift uint
}

// A slot of the hash table: the entries of key are ent[lo:hi]; hi == 0 for
// an empty slot (every key has at least one entry).
type slot struct {
	key    uint64
	lo, hi uint32
}

var (
	loadOnce sync.Once
	theModel *model
)

func getModel() *model {
	loadOnce.Do(func() {
		m, err := parseModel(modelData)
		if err != nil {
			panic("langid: embedded model: " + err.Error())
		}
		theModel = m
	})
	return theModel
}

// pack packs up to three runes into one key: r1<<42 | r2<<21 | r3. Keys of
// different lengths never collide since no rune is 0.
func pack1(a rune) uint64       { return uint64(a) }
func pack2(a, b rune) uint64    { return uint64(a)<<21 | uint64(b) }
func pack3(a, b, c rune) uint64 { return uint64(a)<<42 | uint64(b)<<21 | uint64(c) }

// pack4 packs four runes of 16 bits each; ok is false if one is wider.
func pack4(a, b, c, d rune) (k uint64, ok bool) {
	if (a|b|c|d)&^0xFFFF != 0 {
		return 0, false
	}
	return uint64(a)<<48 | uint64(b)<<32 | uint64(c)<<16 | uint64(d), true
}

func parseModel(z []byte) (*model, error) {
	raw, err := io.ReadAll(flate.NewReader(bytes.NewReader(z)))
	if err != nil {
		return nil, err
	}
	r := bytes.NewReader(raw)
	magic := make([]byte, 4)
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != "LID2" {
		return nil, errors.New("bad magic")
	}
	nl, err := binary.ReadUvarint(r)
	if err != nil || nl == 0 || nl > maxLangs {
		return nil, errors.New("bad language count")
	}
	m := &model{}
	for range nl {
		n, err := r.ReadByte()
		if err != nil {
			return nil, err
		}
		b := make([]byte, n)
		if _, err := io.ReadFull(r, b); err != nil {
			return nil, err
		}
		m.langs = append(m.langs, string(b))
	}
	if err := m.short.read(r, len(m.langs)); err != nil {
		return nil, err
	}
	if err := m.quad.read(r, len(m.langs)); err != nil {
		return nil, err
	}
	if r.Len() != 0 {
		return nil, errors.New("trailing bytes")
	}
	for i, l := range m.langs {
		s, ok := modelScript[l]
		if !ok {
			s = scLatin
		}
		m.candidates[s] = append(m.candidates[s], uint8(i))
	}
	return m, nil
}

// read reads a table written by langidgen's writeTable and indexes it.
func (m *table) read(r *bytes.Reader, nl int) error {
	nk, err := binary.ReadUvarint(r)
	if err != nil || nk > 1<<24 {
		return errors.New("bad key count")
	}
	m.keys = make([]uint64, nk)
	m.start = make([]uint32, nk+1)
	var k uint64
	for i := range m.keys {
		d, err := binary.ReadUvarint(r)
		if err != nil {
			return err
		}
		k += d
		m.keys[i] = k
		ne, err := binary.ReadUvarint(r)
		if err != nil || ne > uint64(nl) {
			return errors.New("bad entry count")
		}
		m.start[i] = uint32(len(m.ent))
		for range ne {
			l, err1 := r.ReadByte()
			c, err2 := r.ReadByte()
			if err1 != nil || err2 != nil || int(l) >= nl {
				return errors.New("bad entry")
			}
			m.ent = append(m.ent, uint16(l)<<8|uint16(c))
		}
	}
	m.start[nk] = uint32(len(m.ent))
	// Table of at least twice as many slots as keys.
	bits := uint(1)
	for (1 << bits) < 2*len(m.keys) {
		bits++
	}
	m.shift = 64 - bits
	m.slots = make([]slot, 1<<bits)
	mask := uint64(len(m.slots) - 1)
	for i, k := range m.keys {
		if m.start[i+1] == m.start[i] {
			return errors.New("key without entries")
		}
		h := (k * 0x9E3779B97F4A7C15) >> m.shift
		for m.slots[h].hi != 0 {
			h = (h + 1) & mask
		}
		m.slots[h] = slot{k, m.start[i], m.start[i+1]}
	}
	m.keys, m.start = nil, nil // in the slots now
	return nil
}

// lookup returns the entries of key k, nil if the model has none.
func (m *table) lookup(k uint64) []uint16 {
	mask := uint64(len(m.slots) - 1)
	h := (k * 0x9E3779B97F4A7C15) >> m.shift
	for {
		s := &m.slots[h]
		if s.hi == 0 {
			return nil
		}
		if s.key == k {
			return m.ent[s.lo:s.hi]
		}
		h = (h + 1) & mask
	}
}
