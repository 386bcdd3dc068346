package warc

import (
	"bytes"
	"io"
	"os"
	"testing"
)

// BenchmarkRead reads a whole file from memory, bodies decoded, and
// reports records and HTML responses per second.
//
//	go test -run XXX -bench Read -benchtime 20x ./internal/warc
func BenchmarkRead(b *testing.B) {
	for _, name := range []string{"example.warc.gz", "warcfile.warc.gz", "solidaritenum.warc.gz"} {
		b.Run(name, func(b *testing.B) {
			data, err := os.ReadFile(dataFile(b, name))
			if err != nil {
				b.Fatal(err)
			}
			b.SetBytes(int64(len(data)))
			recs, html := 0, 0
			for b.Loop() {
				rd, err := NewReader(bytes.NewReader(data), name)
				if err != nil {
					b.Fatal(err)
				}
				for {
					rec, err := rd.Next()
					if err == io.EOF {
						break
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
			s := b.Elapsed().Seconds()
			b.ReportMetric(float64(recs)/s, "records/s")
			b.ReportMetric(float64(html)/s, "html/s")
		})
	}
}
