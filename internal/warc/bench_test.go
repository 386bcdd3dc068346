package warc

import (
	"bufio"
	"bytes"
	"io"
	"os"
	"testing"

	"github.com/klauspost/compress/gzip"
	gowarc "github.com/nlnwa/gowarc/v3"
)

var benchFiles = []string{"example.warc.gz", "warcfile.warc.gz", "solidaritenum.warc.gz"}

// BenchmarkRead reads a whole file from memory, bodies decoded, and
// reports records and HTML responses per second.
//
//	go test -run XXX -bench Read -benchtime 20x ./internal/warc
func BenchmarkRead(b *testing.B) {
	for _, name := range benchFiles {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile(dataFile(b, name))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			recs, html := 0, 0
			for b.Loop() {
				n, h := readRecords(b, data, name)
				recs, html = recs+n, html+h
			}
			s := b.Elapsed().Seconds()
			b.ReportMetric(float64(recs)/s, "records/s")
			b.ReportMetric(float64(html)/s, "html/s")
		})
	}
}

func readRecords(b *testing.B, data []byte, name string) (recs, html int) {
	rd, err := NewReader(bytes.NewReader(data), name)
	if err != nil {
		b.Fatal(err)
	}
	for {
		rec, err := rd.Next()
		if err == io.EOF {
			return recs, html
		}
		if rec == nil {
			b.Fatal(err)
		}
		recs++
		if k, _ := rec.Kind(); k == KindHTML {
			html++
		}
	}
}

// BenchmarkRecords compares the cost of the records alone, on the
// uncompressed files, between the package's reader and
// github.com/nlnwa/gowarc/v3's Unmarshaler as the package used it before
// (validation on: gowarc copies every block into its buffer and computes
// its block and payload digests; its no-validation mode empties the
// bodies). The measurement is why the package reads blocks itself:
//
//	go test -run XXX -bench Records -cpu 1 ./internal/warc
func BenchmarkRecords(b *testing.B) {
	for _, name := range benchFiles {
		gz, err := os.ReadFile(dataFile(b, name))
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(bytes.NewReader(gz))
		if err != nil {
			b.Fatal(err)
		}
		plain, err := io.ReadAll(zr)
		if err != nil {
			b.Fatal(err)
		}
		b.Run(name+"/clean", func(b *testing.B) {
			b.SetBytes(int64(len(plain)))
			for b.Loop() {
				readRecords(b, plain, name)
			}
		})
		b.Run(name+"/gowarc", func(b *testing.B) {
			b.SetBytes(int64(len(plain)))
			for b.Loop() {
				gowarcRecords(b, plain)
			}
		})
	}
}

// gowarcRecords reads every record and its payload with gowarc, as the
// package did before.
func gowarcRecords(b *testing.B, plain []byte) {
	um := gowarc.NewUnmarshaler(gowarc.WithBlockErrorPolicy(gowarc.ErrWarn), gowarc.WithBufferMaxMemBytes(DefaultMaxBody))
	br := bufio.NewReaderSize(bytes.NewReader(plain), 2*maxHeader)
	for {
		rec, _, _, err := um.Unmarshal(br)
		if err == io.EOF {
			return
		}
		if err != nil {
			b.Fatal(err)
		}
		var payload io.Reader
		switch blk := rec.Block().(type) {
		case gowarc.PayloadBlock:
			payload, err = blk.PayloadBytes()
		default:
			payload, err = blk.RawBytes()
		}
		if err == nil {
			_, err = io.ReadAll(payload)
		}
		if err != nil {
			b.Fatal(err)
		}
		_ = rec.Close()
	}
}
