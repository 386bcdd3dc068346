// Command langidgen writes internal/langid/model.flate, the n-gram model of
// package langid, from the character n-gram models of lingua-go v1.4.0
// (Apache-2.0; trained by its author on the Leipzig Corpora Collection).
//
// For each language that lingua-go models with trigrams, it keeps the
// conditional probabilities P(a), P(b|a), P(c|ab) of letter unigrams, bigrams
// and trigrams (lowercased letters inside words), all of them by default
// (-mintri drops the trigrams of lower joint probability P(abc)), and P(d|abc)
// of the quadrigrams of joint probability P(abcd) of -minquad (1e-5) or more;
// -ln P is quantised to a byte (1/8 nat). Languages written in a script of
// their own (Greek, Hebrew, Thai, Korean, …) need no model: package langid
// decides them by script. The output is deterministic.
//
// Usage, from internal/langid/cmd (or go generate in internal/langid):
//
//	go run ./langidgen -o ../model.flate
package main

import (
	"archive/zip"
	"bytes"
	"compress/flate"
	"encoding/binary"
	"flag"
	"fmt"
	"io"
	"log"
	"math"
	"os"
	"path/filepath"
	"sort"
	"unicode/utf8"

	lingua "github.com/pemistahl/lingua-go"
	"github.com/pemistahl/lingua-go/serialization"
	"google.golang.org/protobuf/proto"
)

// Languages modelled by n-grams, in the order of the model's language index.
// Keep in step with package langid's script tables.
var langs = []string{
	"af", "ar", "az", "be", "bg", "bs", "ca", "cs", "cy", "da", "de", "en", "eo", "es", "et", "eu",
	"fa", "fi", "fr", "ga", "hi", "hr", "hu", "id", "is", "it", "kk", "la", "lg", "lt", "lv", "mi",
	"mk", "mn", "mr", "ms", "nb", "nl", "nn", "pl", "pt", "ro", "ru", "sk", "sl", "sn", "so", "sq",
	"sr", "st", "sv", "sw", "tl", "tn", "tr", "ts", "uk", "ur", "vi", "xh", "yo", "zu",
}

const quant = 8 // cost units per nat

func main() {
	out := flag.String("o", "model.flate", "output file")
	minTri := flag.Float64("mintri", 0, "drop trigrams whose joint probability P(abc) is below this")
	minQuad := flag.Float64("minquad", 1e-5, "keep the quadrigrams whose joint probability P(abcd) is at least this (1 = none)")
	flag.Parse()

	dir, err := linguaModelDir()
	if err != nil {
		log.Fatal(err)
	}
	if len(langs) > 255 {
		log.Fatal("too many languages")
	}
	// key -> list of (lang, cost)
	table := map[uint64][]entry{}
	quads := map[uint64][]entry{}
	for li, code := range langs {
		uni := load(dir, code, "unigrams")
		bi := load(dir, code, "bigrams")
		tri := load(dir, code, "trigrams")
		add := func(g string, p float64) {
			k, ok := pack(g)
			t := table
			if utf8.RuneCountInString(g) == 4 {
				k, ok = pack4(g)
				t = quads
			}
			if !ok {
				return
			}
			c := math.Round(-math.Log(p) * quant)
			if c < 0 {
				c = 0
			}
			if c > 255 {
				c = 255
			}
			t[k] = append(t[k], entry{uint8(li), uint8(c)})
		}
		for g, p := range uni {
			add(g, p)
		}
		for g, p := range bi {
			add(g, p)
		}
		kept, dropped := 0, 0
		for g, p := range tri {
			r := []rune(g)
			joint := uni[string(r[0])] * bi[string(r[:2])] * p
			if joint < *minTri {
				dropped++
				continue
			}
			kept++
			add(g, p)
		}
		qkept, qall := 0, 0
		if *minQuad < 1 {
			quad := load(dir, code, "quadrigrams")
			for g, p := range quad {
				qall++
				r := []rune(g)
				joint := uni[string(r[0])] * bi[string(r[:2])] * tri[string(r[:3])] * p
				if joint >= *minQuad {
					qkept++
					add(g, p)
				}
			}
		}
		log.Printf("%s: %d unigrams, %d bigrams, %d/%d trigrams, %d/%d quadrigrams kept", code, len(uni), len(bi), kept, kept+dropped, qkept, qall)
	}
	var raw bytes.Buffer
	raw.WriteString("LID2")
	putUvarint(&raw, uint64(len(langs)))
	for _, c := range langs {
		raw.WriteByte(byte(len(c)))
		raw.WriteString(c)
	}
	nk1, ne1 := writeTable(&raw, table)
	nk2, ne2 := writeTable(&raw, quads)
	log.Printf("n-grams of 1-3 letters: %d keys, %d entries; quadrigrams: %d keys, %d entries", nk1, ne1, nk2, ne2)
	var z bytes.Buffer
	w, _ := flate.NewWriter(&z, flate.BestCompression)
	w.Write(raw.Bytes())
	w.Close()
	if err := os.WriteFile(*out, z.Bytes(), 0o644); err != nil {
		log.Fatal(err)
	}
	log.Printf("%d bytes raw, %d bytes compressed -> %s", raw.Len(), z.Len(), *out)
}

type entry struct{ lang, cost uint8 }

// writeTable writes the number of keys, then for each key in ascending order
// the difference from the previous one, the number of languages having it,
// and (language index, cost) for each.
func writeTable(raw *bytes.Buffer, table map[uint64][]entry) (nKeys, nEntries int) {
	keys := make([]uint64, 0, len(table))
	for k := range table {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return keys[i] < keys[j] })
	putUvarint(raw, uint64(len(keys)))
	var prev uint64
	for _, k := range keys {
		putUvarint(raw, k-prev)
		prev = k
		es := table[k]
		sort.Slice(es, func(i, j int) bool { return es[i].lang < es[j].lang })
		putUvarint(raw, uint64(len(es)))
		for _, e := range es {
			raw.WriteByte(e.lang)
			raw.WriteByte(e.cost)
		}
		nEntries += len(es)
	}
	return len(keys), nEntries
}

// pack4 must match package langid: four runes of 16 bits.
func pack4(g string) (uint64, bool) {
	var k uint64
	n := 0
	for _, r := range g {
		if r <= 0 || r > 0xFFFF || n == 4 {
			return 0, false
		}
		k = k<<16 | uint64(r)
		n++
	}
	return k, n == 4
}

func putUvarint(b *bytes.Buffer, v uint64) {
	var tmp [binary.MaxVarintLen64]byte
	b.Write(tmp[:binary.PutUvarint(tmp[:], v)])
}

// pack must match package langid: up to three runes of 21 bits.
func pack(g string) (uint64, bool) {
	var k uint64
	n := 0
	for _, r := range g {
		if r <= 0 || r > 0x1FFFFF || n == 3 {
			return 0, false
		}
		k = k<<21 | uint64(r)
		n++
	}
	return k, n > 0
}

func load(dir, code, name string) map[string]float64 {
	p := filepath.Join(dir, code, name+".pb.bin.zip")
	zr, err := zip.OpenReader(p)
	if err != nil {
		log.Fatal(err)
	}
	defer zr.Close()
	f, err := zr.File[0].Open()
	if err != nil {
		log.Fatal(err)
	}
	b, err := io.ReadAll(f)
	if err != nil {
		log.Fatal(err)
	}
	var m serialization.SerializableLanguageModel
	if err := proto.Unmarshal(b, &m); err != nil {
		log.Fatal(err)
	}
	out := map[string]float64{}
	for _, s := range m.NgramSets {
		for _, g := range s.Ngrams {
			out[g] = s.Probability
		}
	}
	return out
}

// linguaModelDir finds lingua-go's language-models directory in the module
// cache (the go command downloaded it for this module's go.sum).
func linguaModelDir() (string, error) {
	_ = lingua.English // keep the requirement
	gomodcache := os.Getenv("GOMODCACHE")
	if gomodcache == "" {
		gopath := os.Getenv("GOPATH")
		if gopath == "" {
			home, _ := os.UserHomeDir()
			gopath = filepath.Join(home, "go")
		}
		gomodcache = filepath.Join(gopath, "pkg", "mod")
	}
	d := filepath.Join(gomodcache, "github.com", "pemistahl", "lingua-go@v1.4.0", "language-models")
	if _, err := os.Stat(d); err != nil {
		return "", fmt.Errorf("lingua-go v1.4.0 not in the module cache (run go mod download in internal/langid/cmd): %w", err)
	}
	return d, nil
}
