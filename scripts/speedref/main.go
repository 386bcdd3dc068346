// Command speedref measures clean against go-trafilatura side by side, in one process, on
// the ScrapingHub article benchmark: CPU time per page of each extractor (one core,
// each page through every extractor in turn, as BenchmarkCleanVsParse does; the median of
// several rounds) as a multiple of golang.org/x/net/html's parse time,
// and each extractor's shingle F1 with the benchmark's metric.
//
// It is its own Go module so that go-trafilatura stays out of clean's dependencies:
//
//	cd scripts/speedref && go run . -dir ../../../shared/bench/scrapinghub
package main

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/url"
	"os"
	"runtime"
	"sort"
	"syscall"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/quality"
	trafilatura "github.com/markusmobius/go-trafilatura"
	"golang.org/x/net/html"
)

// extractor turns one page into its article text.
type extractor struct {
	name string
	run  func(p quality.Page) string
}

func main() {
	dir := flag.String("dir", "../../../shared/bench/scrapinghub", "benchmark folder (ground-truth.json, html/)")
	rounds := flag.Int("rounds", 5, "alternating rounds; the median round's CPU time is reported")
	flag.Parse()
	runtime.GOMAXPROCS(1)
	pages, err := quality.LoadCorpus(*dir, "html")
	if err != nil {
		fmt.Fprintln(os.Stderr, "speedref:", err)
		os.Exit(1)
	}
	extractors := []extractor{
		{"x/net/html parse", parseOnly},
		{"clean", cleanText},
		{"go-trafilatura", trafilaturaText(false)},
		{"go-trafilatura + fallback", trafilaturaText(true)},
	}
	times := make([][]time.Duration, len(extractors))
	scores := make([]quality.Score, len(extractors))
	matches := make([][]quality.Match, len(extractors))
	for r := 0; r < *rounds; r++ {
		spent := make([]time.Duration, len(extractors))
		for _, p := range pages {
			for i, e := range extractors {
				start := cpuTime()
				out := e.run(p)
				spent[i] += cpuTime() - start
				if r == 0 {
					matches[i] = append(matches[i], quality.Compare(p.Truth, out))
				}
			}
		}
		for i := range extractors {
			times[i] = append(times[i], spent[i])
		}
	}
	for i := range extractors {
		scores[i] = quality.Summarize(matches[i])
	}
	parse := median(times[0])
	fmt.Printf("%d pages, %d rounds, one core, CPU time of the median round\n", len(pages), *rounds)
	fmt.Printf("%-28s %8s %10s %10s %8s\n", "extractor", "F1", "ms/page", "x parse", "x clean")
	for i, e := range extractors {
		t := median(times[i])
		f1 := fmt.Sprintf("%.3f", scores[i].F1)
		if i == 0 {
			f1 = "-"
		}
		fmt.Printf("%-28s %8s %10.2f %10.2f %8.2f\n", e.name, f1,
			t.Seconds()*1000/float64(len(pages)), t.Seconds()/parse.Seconds(), t.Seconds()/median(times[1]).Seconds())
	}
}

func parseOnly(p quality.Page) string {
	if _, err := html.Parse(bytes.NewReader(p.Input)); err != nil {
		return ""
	}
	return ""
}

func cleanText(p quality.Page) string {
	doc, err := clean.CleanHTML(context.Background(), p.Input, p.URL)
	if err != nil {
		return ""
	}
	return doc.Text
}

func trafilaturaText(fallback bool) func(quality.Page) string {
	return func(p quality.Page) string {
		u, _ := url.Parse(p.URL)
		res, err := trafilatura.Extract(bytes.NewReader(p.Input), trafilatura.Options{OriginalURL: u, EnableFallback: fallback})
		if err != nil || res == nil {
			return ""
		}
		return res.ContentText
	}
}

// cpuTime is the CPU time (user and system) the process has used so far.
func cpuTime() time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func median(ts []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ts...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}
