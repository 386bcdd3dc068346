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
	"runtime/metrics"
	"testing"

	"github.com/cleanhq/clean/internal/source"
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

// cpuClasses returns the process's GC CPU seconds and total CPU seconds (runtime/metrics
// estimates, excluding idle time).
func cpuClasses() [2]float64 {
	samples := []metrics.Sample{{Name: "/cpu/classes/gc/total:cpu-seconds"}, {Name: "/cpu/classes/total:cpu-seconds"}, {Name: "/cpu/classes/idle:cpu-seconds"}}
	metrics.Read(samples)
	return [2]float64{samples[0].Value.Float64(), samples[1].Value.Float64() - samples[2].Value.Float64()}
}

// BenchmarkBatch runs a whole batch (read JSONL, clean, render records in order) over the
// benchmark pages with 1 and 2 workers and reports documents per second and the share of
// CPU time spent by the garbage collector. Compare j2 with j1 from the same run:
//
//	GOGC=400 go test -run '^$' -bench BenchmarkBatch -benchtime 3x ./internal/batch
//
// (GOGC=400 is what the command sets in batch mode; scripts/batchbench.sh runs this and
// the same figures on the real binary.)
func BenchmarkBatch(b *testing.B) {
	path, n := benchCorpus(b)
	for _, workers := range []int{1, 2} {
		b.Run(fmt.Sprintf("j%d", workers), func(b *testing.B) {
			b.ReportAllocs()
			before := cpuClasses()
			for b.Loop() {
				bt, err := New(Config{
					Inputs:  &Inputs{Args: []string{path}, JSONL: source.JSONLOptions{Fields: []string{"html"}, IDField: "id"}},
					Sink:    Stream{W: io.Discard},
					Workers: workers,
				})
				if err != nil {
					b.Fatal(err)
				}
				st, err := bt.Run(context.Background())
				if err != nil || st.Done+st.Failed != n {
					b.Fatalf("%+v, %v", st, err)
				}
			}
			b.ReportMetric(float64(n*b.N)/b.Elapsed().Seconds(), "docs/s")
			after := cpuClasses()
			gc, total := after[0]-before[0], after[1]-before[1]
			b.ReportMetric(100*gc/total, "%gc-cpu")
		})
	}
}
