package clean_test

import (
	"bytes"
	"context"
	"net/url"
	"testing"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/cputime"
	"github.com/cleanhq/clean/internal/quality"
	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
)

// benchDir is the ScrapingHub article-extraction benchmark (181 pages, MIT).
const benchDir = "testdata/bench/scrapinghub"

// The benchmarks below share one unit: one b.N iteration handles all 181 benchmark pages,
// decompressed up front (b.Loop keeps that outside the timer), so ns/op of BenchmarkCleanHTML divided by ns/op
// of BenchmarkParse is the clean/parse ratio, read off one run:
//
//	go test -bench . -run '^$' .

func loadPages(b *testing.B) []quality.Page {
	b.Helper()
	pages, err := quality.LoadCorpus(benchDir, "html")
	if err != nil {
		b.Fatal(err)
	}
	return pages
}

// report adds ms/page and MB/s.
func report(b *testing.B, pages []quality.Page) {
	perPage := b.Elapsed().Seconds() * 1000 / float64(b.N*len(pages))
	b.ReportMetric(perPage, "ms/page")
	b.SetBytes(corpusSize(pages))
}

// reportCPU also adds MB/cpu-s, megabytes per CPU-second of the process, which other
// programs on a busy machine do not lower (see internal/cputime).
func reportCPU(b *testing.B, pages []quality.Page, cpu cputime.Meter) {
	report(b, pages)
	cpu.Report(b, corpusSize(pages))
}

func corpusSize(pages []quality.Page) int64 {
	size := int64(0)
	for _, p := range pages {
		size += int64(len(p.Input))
	}
	return size
}

// BenchmarkParse is the anchor: golang.org/x/net/html.Parse alone.
func BenchmarkParse(b *testing.B) {
	pages := loadPages(b)
	cpu := cputime.Start()
	for b.Loop() {
		for _, p := range pages {
			if _, err := html.Parse(bytes.NewReader(p.Input)); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, pages, cpu)
}

// BenchmarkReadability is go-readability alone, the second anchor: html.Parse then
// Parser.ParseAndMutate, the cheapest way to use it (Parser.Parse adds charset detection).
func BenchmarkReadability(b *testing.B) {
	pages := loadPages(b)
	cpu := cputime.Start()
	urls := make([]*url.URL, len(pages))
	for i, p := range pages {
		urls[i], _ = url.Parse(p.URL)
	}
	for b.Loop() {
		for i, p := range pages {
			// A page without an article is a result too, not a failure of the benchmark.
			doc, err := html.Parse(bytes.NewReader(p.Input))
			if err != nil {
				b.Fatal(err)
			}
			parser := readability.NewParser()
			_, _ = parser.ParseAndMutate(doc, urls[i])
		}
	}
	reportCPU(b, pages, cpu)
}

// BenchmarkCleanHTML is the whole clean path: decoding, extraction, rules, Markdown and
// text rendering.
func BenchmarkCleanHTML(b *testing.B) {
	pages := loadPages(b)
	cpu := cputime.Start()
	opts := clean.Options{Kind: clean.KindHTML, Rules: rules.Builtin()}
	ctx := context.Background()
	for b.Loop() {
		for _, p := range pages {
			if _, err := clean.Clean(ctx, clean.Input{Name: p.ID, URL: p.URL, Data: p.Input}, opts); err != nil {
				b.Fatal(err)
			}
		}
	}
	reportCPU(b, pages, cpu)
}

// BenchmarkCleanVsParse alternates, page by page, parsing alone and the whole clean path,
// timing each, and reports clean time over parse time: "x-parse" in wall time and, where
// the system tells, "x-parse-cpu" in the process's CPU time, which other programs on a busy
// machine do not inflate. Alternating keeps both honest while the load changes.
func BenchmarkCleanVsParse(b *testing.B) {
	pages := loadPages(b)
	opts := clean.Options{Kind: clean.KindHTML, Rules: rules.Builtin()}
	ctx := context.Background()
	var parse, whole, parseCPU, wholeCPU time.Duration
	for b.Loop() {
		for _, p := range pages {
			start, startCPU := time.Now(), cpuUsed()
			if _, err := html.Parse(bytes.NewReader(p.Input)); err != nil {
				b.Fatal(err)
			}
			mid, midCPU := time.Now(), cpuUsed()
			if _, err := clean.Clean(ctx, clean.Input{Name: p.ID, URL: p.URL, Data: p.Input}, opts); err != nil {
				b.Fatal(err)
			}
			parse += mid.Sub(start)
			whole += time.Since(mid)
			parseCPU += midCPU - startCPU
			wholeCPU += cpuUsed() - midCPU
		}
	}
	b.ReportMetric(float64(whole)/float64(parse), "x-parse")
	if _, ok := cputime.Used(); ok && parseCPU > 0 {
		b.ReportMetric(float64(wholeCPU)/float64(parseCPU), "x-parse-cpu")
	}
	b.ReportMetric(parse.Seconds()*1000/float64(b.N*len(pages)), "parse-ms/page")
	b.ReportMetric(whole.Seconds()*1000/float64(b.N*len(pages)), "clean-ms/page")
}

func cpuUsed() time.Duration {
	t, _ := cputime.Used()
	return t
}
