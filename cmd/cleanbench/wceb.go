package main

// cleanbench wceb scores clean on the WCEB development pages (../shared/bench/wceb-dev)
// with WCEB's page score, ROUGE-LSum F1, as ../shared/tools/wceb_eval.py computes it (the
// same score as ../shared/tools/wceb-dev.sh, run in-process rather than on a binary). It
// prints one line per dataset and the micro and macro means; -quick prints a fast
// stand-in instead (bag-of-tokens F1, in Go), for trying changes.
//
//	go run ./cmd/cleanbench wceb [-comments] [-keep DIR] [-quick]

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"net/url"
	"os"
	"os/exec"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/rules"
)

// prediction is one page's extracted text.
type prediction struct {
	page benchPage
	text string
}

func wcebCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("wceb", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared", "the shared folder (bench/wceb-dev, tools)")
	keep := fs.String("keep", "", "keep the predictions and per-page.csv in this folder")
	comments := fs.Bool("comments", false, "keep reader comments (clean --comments)")
	quick := fs.Bool("quick", false, "print bag-of-tokens F1 (fast, in Go) instead of the WCEB score")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	pages, err := loadBenchPages(*shared)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench wceb:", err)
		return 1
	}
	pages = pages[:countWCEB(pages)]
	opts := clean.Options{Kind: clean.KindHTML, Rules: rules.Builtin(), Format: clean.FormatJSON, Comments: *comments}
	preds := make([]prediction, len(pages))
	parallel(len(pages), func(i int) {
		doc, _ := clean.Clean(context.Background(), clean.Input{Name: pages[i].id, Data: []byte(pages[i].html)}, opts)
		preds[i] = prediction{pages[i], doc.Text}
	})
	if *quick {
		quickScore(stdout, preds)
		if *keep != "" {
			return exitOn(stderr, writeQuick(*keep, preds))
		}
		return 0
	}
	dir := *keep
	if dir == "" {
		d, err := os.MkdirTemp("", "cleanbench-wceb")
		if err != nil {
			fmt.Fprintln(stderr, "cleanbench wceb:", err)
			return 1
		}
		defer os.RemoveAll(d)
		dir = d
	}
	if err := scoreWCEB(stdout, *shared, dir, preds); err != nil {
		fmt.Fprintln(stderr, "cleanbench wceb:", err)
		return 1
	}
	return 0
}

// countWCEB is the number of WCEB pages at the start of pages (loadBenchPages puts them first).
func countWCEB(pages []benchPage) int {
	n := 0
	for n < len(pages) && pages[n].dataset != "scrapinghub" {
		n++
	}
	return n
}

// parallel runs f(0..n-1) on two goroutines.
func parallel(n int, f func(i int)) {
	next := make(chan int)
	var wg sync.WaitGroup
	for range 2 {
		wg.Go(func() {
			for i := range next {
				f(i)
			}
		})
	}
	for i := range n {
		next <- i
	}
	close(next)
	wg.Wait()
}

// scoreWCEB writes the predictions and their pages' truth to dir and runs wceb_eval.py on
// them, copying its report to w.
func scoreWCEB(w io.Writer, shared, dir string, preds []prediction) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	truth, pred := filepath.Join(dir, "truth.jsonl"), filepath.Join(dir, "pred.jsonl")
	if err := writeLines(truth, preds, func(p prediction) any {
		return truthLine{PageID: p.page.id, Dataset: p.page.dataset, Plaintext: p.page.truth}
	}); err != nil {
		return err
	}
	if err := writeLines(pred, preds, func(p prediction) any {
		return map[string]string{"page_id": p.page.id, "plaintext": p.text}
	}); err != nil {
		return err
	}
	tools := filepath.Join(shared, "tools")
	cmd := exec.Command("python3", filepath.Join(tools, "wceb_eval.py"), "score", truth, pred, "-j", "2",
		"--per-page", filepath.Join(dir, "per-page.csv"),
		"--punkt", filepath.Join(shared, "bench", "wceb-dev", "punkt-english.pickle"))
	cmd.Stdout, cmd.Stderr = w, os.Stderr
	return cmd.Run()
}

func writeLines(name string, preds []prediction, line func(prediction) any) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	enc := json.NewEncoder(f)
	enc.SetEscapeHTML(false)
	for _, p := range preds {
		if err := enc.Encode(line(p)); err != nil {
			f.Close()
			return err
		}
	}
	return f.Close()
}

// quickScore prints, per dataset and overall, the mean bag-of-tokens F1 (whitespace
// tokens, as WCEB splits them): a fast stand-in that ranks changes like the real score.
func quickScore(w io.Writer, preds []prediction) {
	sums, counts := map[string]float64{}, map[string]int{}
	total := 0.0
	for _, p := range preds {
		f := bagF1(p.page.truth, p.text)
		sums[p.page.dataset] += f
		counts[p.page.dataset]++
		total += f
	}
	var names []string
	for d := range sums {
		names = append(names, d)
	}
	sort.Strings(names)
	for _, d := range names {
		fmt.Fprintf(w, "%-16s docs=%d bagF1=%.3f\n", d, counts[d], sums[d]/float64(counts[d]))
	}
	fmt.Fprintf(w, "docs=%d bagF1=%.3f\n", len(preds), total/float64(max(len(preds), 1)))
}

func bagF1(truth, pred string) float64 {
	t, p := strings.Fields(truth), strings.Fields(pred)
	if len(t) == 0 || len(p) == 0 {
		if len(t) == len(p) {
			return 1
		}
		return 0
	}
	bag := map[string]int{}
	for _, x := range t {
		bag[x]++
	}
	hits := 0
	for _, x := range p {
		if bag[x] > 0 {
			bag[x]--
			hits++
		}
	}
	if hits == 0 {
		return 0
	}
	pr, rc := float64(hits)/float64(len(p)), float64(hits)/float64(len(t))
	return 2 * pr * rc / (pr + rc)
}

func parseURL(s string) *url.URL {
	u, err := url.Parse(s)
	if s == "" || err != nil {
		return nil
	}
	return u
}

// writeQuick writes dir/quick.csv: each page's id, dataset, bag-of-tokens F1 and token counts.
func writeQuick(dir string, preds []prediction) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	var b strings.Builder
	b.WriteString("page_id,dataset,f1,truth_tokens,pred_tokens\n")
	for _, p := range preds {
		fmt.Fprintf(&b, "%s,%s,%.4f,%d,%d\n", p.page.id, p.page.dataset, bagF1(p.page.truth, p.text),
			len(strings.Fields(p.page.truth)), len(strings.Fields(p.text)))
	}
	return os.WriteFile(filepath.Join(dir, "quick.csv"), []byte(b.String()), 0o644)
}

func exitOn(stderr io.Writer, err error) int {
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench:", err)
		return 1
	}
	return 0
}
