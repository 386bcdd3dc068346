package textclass_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/cputime"
	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/textclass"
)

// dumpDir holds the 181 text dumps of the ScrapingHub article-extraction benchmark (MIT).
const dumpDir = "../../testdata/bench/scrapinghub/textdumps"

// loadDumps returns each dump split into blocks as extract.Text splits it, and the dumps'
// total size in bytes.
func loadDumps(b *testing.B) ([][]string, int64) {
	b.Helper()
	files, err := filepath.Glob(filepath.Join(dumpDir, "*.txt"))
	if err != nil || len(files) == 0 {
		b.Fatalf("no dumps in %s: %v", dumpDir, err)
	}
	var docs [][]string
	var size int64
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		size += int64(len(data))
		var blocks []string
		for _, p := range extract.Paragraphs(string(data)) {
			blocks = append(blocks, strings.Join(p, "\n"))
		}
		docs = append(docs, blocks)
	}
	return docs, size
}

// BenchmarkClassify is the block classifier alone on all 181 dumps per iteration
// (paragraph splitting done up front); MB/s is megabytes of dump text per second of wall
// time. On a shared machine wall time also counts the time other processes hold the
// core, so the benchmark also reports MB/cpu-s: megabytes per second of CPU time this
// process used (user and system, garbage collection included), where the system tells it.
//
//	go test -bench . -run '^$' -cpu 1 ./internal/textclass ./internal/extract .
func BenchmarkClassify(b *testing.B) {
	docs, size := loadDumps(b)
	b.SetBytes(size)
	kept := 0
	meter := cputime.Start()
	for b.Loop() {
		for _, d := range docs {
			for _, blk := range textclass.Classify(d).Blocks {
				if blk.Keep {
					kept++
				}
			}
		}
	}
	meter.Report(b, size)
	if kept == 0 {
		b.Fatal("no block kept")
	}
}
