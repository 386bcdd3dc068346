package clean_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"testing"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/cputime"
	"github.com/cleanhq/clean/internal/quality"
	"github.com/cleanhq/clean/rules"
)

// BenchmarkCleanText is the whole clean path for plain text on the 181 text dumps, one
// iteration = all dumps: decoding, paragraphs, the block classifier (package textclass),
// rules, Markdown and text rendering. Compare with BenchmarkClassify in internal/textclass;
// MB/cpu-s is megabytes per CPU-second (see internal/cputime).
func BenchmarkCleanText(b *testing.B) {
	pages, err := quality.LoadCorpus(benchDir, "text")
	if err != nil {
		b.Fatal(err)
	}
	opts := clean.Options{Kind: clean.KindText, Rules: rules.Builtin()}
	ctx := context.Background()
	meter := cputime.Start()
	for b.Loop() {
		for _, p := range pages {
			if _, err := clean.Clean(ctx, clean.Input{Name: p.ID, URL: p.URL, Data: p.Input}, opts); err != nil {
				b.Fatal(err)
			}
		}
	}
	report(b, pages)
	size := int64(0)
	for _, p := range pages {
		size += int64(len(p.Input))
	}
	meter.Report(b, size)
}

// wcebDumps is the text dumps of the WCEB development pages (1,390 pages of four
// datasets), beside the project.
const wcebDumps = "../shared/bench/wceb-dev/textdumps"

// BenchmarkTextDumps is what `clean --input text -f FORMAT` does in a batch with one
// worker, on the 1,390 WCEB development dumps (one iteration = every dump, read into
// memory up front): clean.Clean with the built-in rules, then clean.Write of the record.
// Besides MB/s (of input, wall time) it reports MB/cpu-s (see internal/cputime) and
// allocs/MB, allocations per megabyte of input. A dump without article text (ErrNoText,
// as the CLI reports it) counts like the others. Run it with
//
//	go test -bench TextDumps -run '^$' -cpu 1 -benchmem .
func BenchmarkTextDumps(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join(wcebDumps, "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("no dumps in " + wcebDumps)
	}
	inputs := make([]clean.Input, len(files))
	size := int64(0)
	for i, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		inputs[i] = clean.Input{Name: f, Data: data}
		size += int64(len(data))
	}
	for _, f := range []clean.Format{clean.FormatJSONL, clean.FormatMarkdown, clean.FormatText} {
		b.Run(string(f), func(b *testing.B) { benchDumps(b, inputs, size, f) })
	}
}

func benchDumps(b *testing.B, inputs []clean.Input, size int64, f clean.Format) {
	opts := clean.Options{Kind: clean.KindText, Rules: rules.Builtin(), Format: f}
	ctx := context.Background()
	b.SetBytes(size)
	b.ReportAllocs()
	allocs := startAllocs()
	meter := cputime.Start()
	for b.Loop() {
		for _, in := range inputs {
			doc, err := clean.Clean(ctx, in, opts)
			if errors.Is(err, clean.ErrNoText) {
				continue // the CLI reports it and goes on
			}
			if err != nil {
				b.Fatal(err)
			}
			if err := clean.Write(io.Discard, doc, f, clean.WriteOptions{}); err != nil {
				b.Fatal(err)
			}
		}
	}
	meter.Report(b, size)
	allocs.report(b, size)
}

// allocCounter counts the heap allocations of the process since it started.
type allocCounter uint64

func startAllocs() allocCounter {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	return allocCounter(m.Mallocs)
}

// report adds the metric "allocs/MB": allocations since the start per megabyte of
// input, bytes being the input of one iteration.
func (c allocCounter) report(b *testing.B, bytes int64) {
	var m runtime.MemStats
	runtime.ReadMemStats(&m)
	b.ReportMetric(float64(m.Mallocs-uint64(c))/(float64(bytes)*float64(b.N)/1e6), "allocs/MB")
}
