package extract

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/cleanhq/clean/internal/cputime"
)

// BenchmarkText is the plain-text extraction (paragraph splitting, the block classifier,
// the article DOM) on all 181 benchmark dumps per iteration; MB/cpu-s as in
// BenchmarkClassify (internal/textclass).
func BenchmarkText(b *testing.B) {
	files, err := filepath.Glob("../../testdata/bench/scrapinghub/textdumps/*.txt")
	if err != nil || len(files) == 0 {
		b.Fatalf("no dumps: %v", err)
	}
	var texts []string
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		texts = append(texts, string(data))
		size += int64(len(data))
	}
	b.SetBytes(size)
	meter := cputime.Start()
	for b.Loop() {
		for _, t := range texts {
			if Text(t, false).Root == nil {
				b.Fatal("no article root")
			}
		}
	}
	meter.Report(b, size)
}
