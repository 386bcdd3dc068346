package signals

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/cputime"
)

// benchDocs are the real texts of texts.jsonl (ScrapingHub article bodies and page
// text dumps) and their size in bytes.
func benchDocs(b *testing.B) ([]string, int64) {
	var docs []string
	var size int64
	for _, r := range readJSONL[textRow](b, "texts.jsonl") {
		if strings.HasPrefix(r.ID, "scrapinghub/") {
			docs = append(docs, r.Text)
			size += int64(len(r.Text))
		}
	}
	return docs, size
}

// BenchmarkCompute computes the signals of the real texts of texts.jsonl in turn; MB/s
// and MB/cpu-s (see internal/cputime) are of their UTF-8 bytes.
func BenchmarkCompute(b *testing.B) {
	docs, size := benchDocs(b)
	b.SetBytes(size)
	b.ReportAllocs()
	cpu := cputime.Start()
	for b.Loop() {
		for _, d := range docs {
			Compute(d, "en")
		}
	}
	cpu.Report(b, size)
}

// BenchmarkTokenize is the word tokenizer alone on the same texts.
func BenchmarkTokenize(b *testing.B) {
	docs, size := benchDocs(b)
	b.SetBytes(size)
	b.ReportAllocs()
	var tk tokenizer
	cpu := cputime.Start()
	for b.Loop() {
		for _, d := range docs {
			tk.tokenize(d)
		}
	}
	cpu.Report(b, size)
}
