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
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/batch"
	"github.com/cleanhq/clean/internal/cputime"
	"github.com/cleanhq/clean/internal/quality"
)

// warcBench is `cleanbench warc`: it builds a per-record-gzip WARC of the benchmark's
// HTML pages (repeated to the size asked for), the same pages as files, and cleans both
// in process with one worker, reporting HTML responses per CPU-second and their ratio.
//
//	go run ./cmd/cleanbench warc -repeat 10              # 1,810 responses
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
	profile := fs.String("cpuprofile", "", "write a CPU profile of the WARC run to this file, and of the files run to FILE.files")
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
	fmt.Fprintf(stdout, "%-6s %9s %12s %12s\n", "input", "docs", "docs/cpu-s", "docs/s")
	var rates [2]float64
	for i, in := range []string{name, name + ".pages"} {
		stop, err := startProfile(*profile, i == 1)
		if err != nil {
			fmt.Fprintln(stderr, "cleanbench:", err)
			return 1
		}
		docs, cpu, wall, err := runBench(in, *workers)
		stop()
		if err != nil {
			fmt.Fprintln(stderr, "cleanbench:", err)
			return 1
		}
		rates[i] = float64(docs) / cpu.Seconds()
		fmt.Fprintf(stdout, "%-6s %9d %12.1f %12.1f\n", []string{"warc", "files"}[i], docs, rates[i], float64(docs)/wall.Seconds())
	}
	fmt.Fprintf(stdout, "warc / files: %.3f (CPU time per document)\n", rates[1]/rates[0])
	return 0
}

// startProfile starts a CPU profile into name (name.files for the files run) when name
// is set, and returns what stops it.
func startProfile(name string, files bool) (stop func(), err error) {
	if name == "" {
		return func() {}, nil
	}
	if files {
		name += ".files"
	}
	f, err := os.Create(name)
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

// runBench cleans input (the WARC, or the directory of pages) into JSON Lines that are
// thrown away, and returns the documents done, the CPU time and the wall time it took.
// Both render plain text only, as corpus records do, so that the ratio is the cost of
// reading WARC records and of the corpus fields (language, signals, duplicates).
func runBench(input string, workers int) (int, time.Duration, time.Duration, error) {
	b, err := batch.New(batch.Config{Inputs: &batch.Inputs{Args: []string{input}}, Sink: batch.Stream{W: io.Discard},
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
