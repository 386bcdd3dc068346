package main

import (
	"bytes"
	"compress/gzip"
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime/pprof"
	"slices"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/batch"
	"github.com/cleanhq/clean/internal/corpus"
	"github.com/cleanhq/clean/internal/cputime"
	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/quality"
)

// warcBench is `cleanbench warc`: it builds a per-record-gzip WARC of the benchmark's
// HTML pages (repeated to the size asked for), the same pages as files, and cleans them
// in process with one worker (benchRuns), reporting HTML responses per CPU-second and
// the ratios.
//
//	go run ./cmd/cleanbench warc -repeat 10              # 1,810 responses
//	go run ./cmd/cleanbench warc -repeat 6 -rounds 3 -cpuprofile /tmp/warc.prof
//	go run ./cmd/cleanbench warc -repeat 550 -out x.warc.gz -only-build
func warcBench(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("warc", flag.ContinueOnError)
	fs.SetOutput(stderr)
	dir := fs.String("dir", "testdata/bench/scrapinghub", "benchmark folder (html/*.html.gz)")
	repeat := fs.Int("repeat", 10, "how many times the pages are repeated")
	out := fs.String("out", "", "write the WARC here (default: a temporary file)")
	onlyBuild := fs.Bool("only-build", false, "only write the WARC and the page files (next to it, in FILE.pages/)")
	workers := fs.Int("j", 1, "workers")
	files := fs.Bool("files", true, "also write the pages as files (FILE.pages/), and compare")
	profile := fs.String("cpuprofile", "", "write CPU profiles of the first round's runs: the WARC run to this file, the others to FILE.files and FILE.files-corpus")
	rounds := fs.Int("rounds", 1, "run the comparison this many times (the ratios are of the medians)")
	only := fs.String("only", "", "run only this input (warc, files or files-corpus), once: to count its instructions under valgrind (a CGO_ENABLED=0 build, GODEBUG=asyncpreemptoff=1)")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	pages, err := quality.LoadCorpus(*dir, "html")
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench:", err)
		return 1
	}
	name := *out
	if name == "" {
		tmp, err := os.MkdirTemp("", "cleanbench-warc")
		if err != nil {
			fmt.Fprintln(stderr, "cleanbench:", err)
			return 1
		}
		defer os.RemoveAll(tmp)
		name = filepath.Join(tmp, "bench.warc.gz")
	}
	n, err := buildBench(name, pages, *repeat, *files)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench:", err)
		return 1
	}
	fmt.Fprintf(stdout, "built %s: %d responses (and %s.pages/ with the same pages as files)\n", name, n, name)
	if *onlyBuild || !*files {
		return 0
	}
	warmUp(pages[0].Input)
	if *only != "" {
		return onlyRun(stdout, stderr, name, *workers, *only)
	}
	return compareRuns(stdout, stderr, name, *workers, *rounds, *profile)
}

// onlyRun runs one of benchRuns, by name.
func onlyRun(stdout, stderr io.Writer, warc string, workers int, name string) int {
	for _, run := range benchRuns {
		if run.name != name {
			continue
		}
		docs, cpu, _, err := runBench(run.source(warc), workers)
		if err != nil {
			fmt.Fprintln(stderr, "cleanbench:", err)
			return 1
		}
		fmt.Fprintf(stdout, "%s: %d docs, %.1f docs/cpu-s\n", name, docs, float64(docs)/cpu.Seconds())
		return 0
	}
	fmt.Fprintf(stderr, "cleanbench: -only %q: not warc, files or files-corpus\n", name)
	return 2
}

// warmUp pays what a process does once, before the runs are timed: the language model's
// decompression (about 60 ms, which a real run spreads over millions of records), the
// rules' compilation, the first allocations of the pools.
func warmUp(page []byte) {
	doc, err := clean.Clean(context.Background(), clean.Input{Data: page}, clean.Options{Kind: clean.KindHTML, Format: clean.FormatText})
	if err == nil {
		corpus.Annotate(&corpus.Record{Text: doc.Text}, nil)
	}
}

// benchRuns are the runs compared: the WARC to corpus records, the same pages as files
// to documents (what clean does with files), and the files to corpus records (the same
// records as the WARC run, language, signals and duplicates included: only the input
// differs).
var benchRuns = []struct {
	name, suffix string
	source       func(warc string) batch.Source
}{
	{"warc", "", func(w string) batch.Source { return &batch.Inputs{Args: []string{w}} }},
	{"files", ".files", func(w string) batch.Source { return &batch.Inputs{Args: []string{w + ".pages"}} }},
	{"files-corpus", ".files-corpus", func(w string) batch.Source { return pagesSource{dir: w + ".pages"} }},
}

// compareRuns runs benchRuns rounds times, printing each run and the ratios of the
// median CPU time per document.
func compareRuns(stdout, stderr io.Writer, warc string, workers, rounds int, profile string) int {
	fmt.Fprintf(stdout, "%-13s %6s %12s %12s\n", "input", "docs", "docs/cpu-s", "docs/s")
	rates := make([][]float64, len(benchRuns))
	for round := 0; round < max(rounds, 1); round++ {
		for i, run := range benchRuns {
			stop, err := startProfile(profile, run.suffix, round == 0)
			if err != nil {
				fmt.Fprintln(stderr, "cleanbench:", err)
				return 1
			}
			docs, cpu, wall, err := runBench(run.source(warc), workers)
			stop()
			if err != nil {
				fmt.Fprintln(stderr, "cleanbench:", err)
				return 1
			}
			rate := float64(docs) / cpu.Seconds()
			rates[i] = append(rates[i], rate)
			fmt.Fprintf(stdout, "%-13s %6d %12.1f %12.1f\n", run.name, docs, rate, float64(docs)/wall.Seconds())
		}
	}
	med := make([]float64, len(rates))
	for i, r := range rates {
		slices.Sort(r)
		med[i] = r[len(r)/2]
	}
	fmt.Fprintf(stdout, "median docs/cpu-s: warc %.1f, files %.1f, files-corpus %.1f\n", med[0], med[1], med[2])
	fmt.Fprintf(stdout, "warc / files: %.3f, warc / files-corpus: %.3f (CPU time per document)\n", med[1]/med[0], med[2]/med[0])
	return 0
}

// pagesSource yields the page files of dir, in name order, as the records of one
// archive, so that the batch makes corpus records of them. Each file is read as the
// enumerator reads a WARC record, before the task goes to a worker.
type pagesSource struct{ dir string }

func (s pagesSource) Count(context.Context) (int, bool) { return 0, false }

func (s pagesSource) Each(ctx context.Context, yield func(*batch.Task) bool) error {
	names, err := filepath.Glob(filepath.Join(s.dir, "*.html"))
	if err != nil {
		return err
	}
	for i, name := range names {
		data, err := os.ReadFile(name)
		if err != nil {
			return err
		}
		t := &batch.Task{Name: fmt.Sprintf("%s#%d", s.dir, i+1), Kind: decode.HTML, Data: data,
			Corpus: &batch.Corpus{File: s.dir, Offset: int64(i)}}
		if ctx.Err() != nil || !yield(t) {
			return ctx.Err()
		}
	}
	yield(&batch.Task{Name: s.dir, Corpus: &batch.Corpus{File: s.dir, EndOfFile: true}})
	return nil
}

// startProfile starts a CPU profile into name+suffix when name is set and on is true, and
// returns what stops it.
func startProfile(name, suffix string, on bool) (stop func(), err error) {
	if name == "" || !on {
		return func() {}, nil
	}
	f, err := os.Create(name + suffix)
	if err != nil {
		return nil, err
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, err
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// buildBench writes the WARC (one gzip member per record: a response with HTTP headers
// for each page) and the pages as files, and returns the number of responses.
func buildBench(name string, pages []quality.Page, repeat int, files bool) (int, error) {
	f, err := os.Create(name)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	pagesDir := name + ".pages"
	if files {
		if err := os.MkdirAll(pagesDir, 0o755); err != nil {
			return 0, err
		}
	}
	n := 0
	for r := 0; r < repeat; r++ {
		for _, p := range pages {
			n++
			url := fmt.Sprintf("%s?copy=%d", p.URL, r)
			if err := writeResponse(f, n, url, p.Input); err != nil {
				return 0, err
			}
			if !files {
				continue
			}
			file := filepath.Join(pagesDir, fmt.Sprintf("%06d.html", n))
			if err := os.WriteFile(file, p.Input, 0o644); err != nil {
				return 0, err
			}
		}
	}
	return n, f.Close()
}

// writeResponse writes one WARC response record as its own gzip member.
func writeResponse(w io.Writer, n int, url string, html []byte) error {
	var http bytes.Buffer
	fmt.Fprintf(&http, "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n", len(html))
	http.Write(html)
	var rec bytes.Buffer
	fmt.Fprintf(&rec, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-%012d>\r\n"+
		"WARC-Date: 2026-12-01T00:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\nWARC-Identified-Payload-Type: text/html\r\n"+
		"Content-Length: %d\r\n\r\n", n, url, http.Len())
	rec.Write(http.Bytes())
	rec.WriteString("\r\n\r\n")
	zw := gzip.NewWriter(w)
	if _, err := zw.Write(rec.Bytes()); err != nil {
		return err
	}
	return zw.Close()
}

// runBench cleans input into JSON Lines that are thrown away, and returns the documents
// done, the CPU time and the wall time it took. Every run renders plain text only, as
// corpus records do: warc / files is the cost of reading WARC records and of the corpus
// fields (language, signals, duplicates); warc / files-corpus that of the input alone.
func runBench(input batch.Source, workers int) (int, time.Duration, time.Duration, error) {
	b, err := batch.New(batch.Config{Inputs: input, Sink: batch.Stream{W: io.Discard},
		Workers: workers, Clean: clean.Options{Kind: clean.KindHTML, Format: clean.FormatText}})
	if err != nil {
		return 0, 0, 0, err
	}
	cpu0, _ := cputime.Used()
	start := time.Now()
	st, err := b.Run(context.Background())
	cpu1, _ := cputime.Used()
	return st.Done + st.NotCleaned, cpu1 - cpu0, time.Since(start), err
}
