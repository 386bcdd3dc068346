package batch

import (
	"bytes"
	"compress/gzip"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/cleanhq/clean/pkg/render"
	"github.com/cleanhq/clean/pkg/source"
)

// benchCorpus is a JSONL file of the benchmark pages (testdata/bench), written once.
func benchCorpus(b *testing.B) (string, int) {
	b.Helper()
	files, err := filepath.Glob("../../testdata/bench/scrapinghub/html/*.html.gz")
	if err != nil || len(files) == 0 {
		b.Skip("no benchmark pages")
	}
	var buf bytes.Buffer
	for i, name := range files {
		f, err := os.Open(name)
		if err != nil {
			b.Fatal(err)
		}
		zr, err := gzip.NewReader(f)
		if err != nil {
			b.Fatal(err)
		}
		page, err := io.ReadAll(zr)
		f.Close()
		if err != nil {
			b.Fatal(err)
		}
		rec, _ := json.Marshal(map[string]any{"id": i, "html": string(page)})
		buf.Write(rec)
		buf.WriteByte('\n')
	}
	path := filepath.Join(b.TempDir(), "bench.jsonl")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		b.Fatal(err)
	}
	return path, len(files)
}

// BenchmarkBatch runs a whole batch (read JSONL, clean, render records in order) over the
// benchmark pages with 1 and 2 workers and reports documents per second. Compare j2 with
// j1 from the same run:
//
//	go test -run '^$' -bench BenchmarkBatch -benchtime 3x ./pkg/batch
func BenchmarkBatch(b *testing.B) {
	path, n := benchCorpus(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				bt := &Batch{
					Inputs:  &Inputs{Args: []string{path}, JSONL: source.JSONLOptions{Fields: []string{"html"}, IDField: "id"}},
					Fetch:   &Fetcher{},
					Workers: workers,
					JSONL:   io.Discard,
					Format:  render.FormatJSONL,
				}
				st, err := bt.Run(context.Background())
				if err != nil || st.Done+st.Failed != n {
					b.Fatalf("%+v, %v", st, err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
		})
	}
}
