// Command cleanbench measures clean's extraction quality and speed on a benchmark folder
// laid out like ScrapingHub's article-extraction benchmark (testdata/bench/scrapinghub):
// precision, recall and F1 with the benchmark's shingle metric (package quality), time
// per page and MB/s, in HTML mode (html/*.html.gz) and plain-text mode (textdumps/*.txt).
//
//	go run ./cmd/cleanbench                 # both modes
//	go run ./cmd/cleanbench -mode text -worst 10
//	go run ./cmd/cleanbench warc            # corpus mode: WARC vs files (warc.go)
//	go run ./cmd/cleanbench train [-lodo]   # fit the HTML block model (train.go)
//	go run ./cmd/cleanbench wceb            # WCEB page score on ../shared/bench/wceb-dev (wceb.go)
//	go run ./cmd/cleanbench train-text      # the text block model (train_text.go); -show ID: one dump's blocks
//	go run ./cmd/cleanbench choose          # the chooser, page by page (choose.go)
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/quality"
	"github.com/cleanhq/clean/rules"
)

func main() {
	if len(os.Args) > 1 && os.Args[1] == "warc" {
		os.Exit(warcBench(os.Args[2:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == "train" {
		os.Exit(trainCmd(os.Args[2:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == "blocks" {
		os.Exit(blocksCmd(os.Args[2:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == "wceb" {
		os.Exit(wcebCmd(os.Args[2:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == "choose" {
		os.Exit(chooseCmd(os.Args[2:], os.Stdout, os.Stderr))
	}
	if len(os.Args) > 1 && os.Args[1] == "train-text" {
		os.Exit(trainText(os.Args[2:], os.Stdout, os.Stderr))
	}
	dir := flag.String("dir", "testdata/bench/scrapinghub", "benchmark folder")
	mode := flag.String("mode", "both", "html, text or both")
	worst := flag.Int("worst", 0, "also list the N pages with the lowest F1")
	show := flag.String("show", "", "print one page's extracted paragraphs, marking junk (-) and lost truth (?)")
	flag.Parse()
	if *show != "" {
		if err := showPage(os.Stdout, *dir, *mode, *show); err != nil {
			fmt.Fprintln(os.Stderr, "cleanbench:", err)
			os.Exit(1)
		}
		return
	}
	modes := []string{*mode}
	if *mode == "both" {
		modes = []string{"html", "text"}
	}
	fmt.Printf("%-6s %6s %9s %7s %7s %10s %8s\n", "mode", "pages", "precision", "recall", "F1", "ms/page", "MB/s")
	for _, m := range modes {
		if err := bench(os.Stdout, *dir, m, *worst); err != nil {
			fmt.Fprintln(os.Stderr, "cleanbench:", err)
			os.Exit(1)
		}
	}
}

type pageScore struct {
	id    string
	match quality.Match
}

func bench(w io.Writer, dir, mode string, worst int) error {
	pages, err := quality.LoadCorpus(dir, mode)
	if err != nil {
		return err
	}
	opts := options(mode)
	var scores []pageScore
	var matches []quality.Match
	var bytes int
	var elapsed time.Duration
	for _, p := range pages {
		start := time.Now()
		doc, err := clean.Clean(context.Background(), clean.Input{Name: p.ID, URL: p.URL, Data: p.Input}, opts)
		elapsed += time.Since(start)
		bytes += len(p.Input)
		if err != nil {
			fmt.Fprintln(os.Stderr, "cleanbench:", err)
		}
		m := quality.Compare(p.Truth, doc.Text)
		matches = append(matches, m)
		scores = append(scores, pageScore{p.ID, m})
	}
	s := quality.Summarize(matches)
	msPerPage := elapsed.Seconds() * 1000 / float64(len(pages))
	mbps := float64(bytes) / 1e6 / elapsed.Seconds()
	fmt.Fprintf(w, "%-6s %6d %9.3f %7.3f %7.3f %10.2f %8.1f\n", mode, s.Documents, s.Precision, s.Recall, s.F1, msPerPage, mbps)
	printWorst(w, scores, worst)
	return nil
}

func printWorst(w io.Writer, scores []pageScore, n int) {
	f1 := func(m quality.Match) float64 {
		p, r := m.Precision(), m.Recall()
		if p+r == 0 {
			return 0
		}
		return 2 * p * r / (p + r)
	}
	sort.SliceStable(scores, func(i, j int) bool { return f1(scores[i].match) < f1(scores[j].match) })
	for _, s := range scores[:min(n, len(scores))] {
		fmt.Fprintf(w, "  %s  F1 %.3f  P %.3f  R %.3f\n", s.id, f1(s.match), s.match.Precision(), s.match.Recall())
	}
}

func options(mode string) clean.Options {
	kind := clean.KindHTML
	if mode == "text" {
		kind = clean.KindText
	}
	return clean.Options{Kind: kind, Rules: rules.Builtin()}
}

// showPage prints the paragraphs clean extracts from one page, each marked with the share
// of its shingles found in the true text ("-" when under half: junk), then the lines of the
// true text mostly missing from the output ("?": lost).
func showPage(w io.Writer, dir, mode, id string) error {
	if mode == "both" {
		mode = "html"
	}
	pages, err := quality.LoadCorpus(dir, mode)
	if err != nil {
		return err
	}
	for _, p := range pages {
		if p.ID != id {
			continue
		}
		doc, err := clean.Clean(context.Background(), clean.Input{Name: p.ID, URL: p.URL, Data: p.Input}, options(mode))
		if err != nil {
			return err
		}
		m := quality.Compare(p.Truth, doc.Text)
		fmt.Fprintf(w, "%s  %s\nP %.3f  R %.3f\n", p.ID, p.URL, m.Precision(), m.Recall())
		markParagraphs(w, strings.Split(doc.Text, "\n"), quality.Shingles(p.Truth), "-", " ")
		fmt.Fprintln(w, "--- lost:")
		markParagraphs(w, strings.Split(p.Truth, "\n"), quality.Shingles(doc.Text), "?", "")
		return nil
	}
	return fmt.Errorf("no page %q", id)
}

func markParagraphs(w io.Writer, paras []string, reference map[string]int, bad, good string) {
	for _, para := range paras {
		if strings.TrimSpace(para) == "" {
			continue
		}
		c := quality.Coverage(para, reference)
		switch {
		case c < 0.5:
			fmt.Fprintf(w, "%s %.2f %s\n", bad, c, para)
		case good != "":
			fmt.Fprintf(w, "%s %.2f %s\n", good, c, para)
		}
	}
}
