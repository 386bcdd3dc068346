package clean_test

import (
	"context"
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
