package main

// cleanbench train fits the HTML block model (internal/extract, block.model) on the
// benchmark pages of ../shared/bench: the four WCEB development datasets and ScrapingHub's
// pages. A block is labelled article text when at least half of its shingles are in the
// page's true text. With -lodo it also reports leave-one-dataset-out scores: for each WCEB
// dataset, a model trained on the other three (and ScrapingHub) extracts that dataset's
// pages, scored with the WCEB page score (wceb.go); with -cv, two-fold scores over pages
// (half of every dataset trains, the other half is scored: as for pages kept back).
//
//	go run ./cmd/cleanbench train                  # writes internal/extract/block.model
//	go run ./cmd/cleanbench train -lodo -o /tmp/m  # and the leave-one-out scores
//	go run ./cmd/cleanbench train -cv -quick -o /tmp/m

import (
	"bufio"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/model"
	"github.com/cleanhq/clean/internal/quality"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/internal/source"
	"github.com/cleanhq/clean/rules"
)

// benchPage is one labelled page of any of the benchmark datasets.
type benchPage struct {
	dataset, id, url, truth string
	html                    string // decoded to UTF-8
}

// wcebDatasets are the WCEB development datasets, the folds of leave-one-dataset-out.
var wcebDatasets = []string{"cleaneval", "cleanportaleval", "dragnet", "l3s-gn1"}

func trainCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared", "the shared folder (bench/wceb-dev, bench/scrapinghub, tools)")
	out := fs.String("o", "internal/extract/block.model", "where to write the model")
	lodo := fs.Bool("lodo", false, "also report leave-one-dataset-out scores (WCEB page score)")
	cv := fs.Bool("cv", false, "also report two-fold scores: half of every dataset's pages (by id) trains, the other half is scored")
	keep := fs.String("keep", "", "with -lodo: keep each fold's predictions and scores in this folder")
	kind := fs.String("kind", "logistic", "the model: logistic, or trees (boosted trees)")
	quick := fs.Bool("quick", false, "with -lodo: bag-of-tokens F1 (fast, in Go) instead of the WCEB score")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	pages, err := loadBenchPages(*shared)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench train:", err)
		return 1
	}
	blocks := pageBlockSets(pages)
	m, err := fitBlockModel(pages, blocks, func(benchPage) bool { return false }, *kind)
	if err == nil {
		err = writeModel(*out, m)
	}
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench train:", err)
		return 1
	}
	fmt.Fprintf(stdout, "block model: %d pages, %d blocks -> %s\n", len(pages), countBlocks(blocks), *out)
	var folds []fold
	if *lodo {
		for _, d := range wcebDatasets {
			folds = append(folds, fold{"left out " + d + " (trained on the others)", func(p benchPage) bool { return p.dataset == d }})
		}
	}
	if *cv {
		half := func(p benchPage) bool { return p.id[0] < '8' }
		folds = append(folds, fold{"two-fold: ids 0-7 scored, 8-f trained", half},
			fold{"two-fold: ids 8-f scored, 0-7 trained", func(p benchPage) bool { return !half(p) }})
	}
	if err := heldOut(stdout, *shared, *keep, *kind, *quick, folds, pages, blocks); err != nil {
		fmt.Fprintln(stderr, "cleanbench train:", err)
		return 1
	}
	return 0
}

// loadBenchPages reads the WCEB development pages and ScrapingHub's, in a fixed order.
func loadBenchPages(shared string) ([]benchPage, error) {
	dev := filepath.Join(shared, "bench", "wceb-dev")
	truths, err := readTruth(filepath.Join(dev, "truth.jsonl"))
	if err != nil {
		return nil, err
	}
	sort.Slice(truths, func(i, j int) bool { return truths[i].PageID < truths[j].PageID })
	var pages []benchPage
	for _, t := range truths {
		in, err := source.Read(context.Background(), filepath.Join(dev, "html", t.Dataset, t.PageID+".html.gz"), source.Options{})
		if err != nil {
			return nil, err
		}
		pages = append(pages, benchPage{dataset: t.Dataset, id: t.PageID, truth: t.Plaintext, html: utf8Page(in.Data)})
	}
	sh, err := quality.LoadCorpus(filepath.Join(shared, "bench", "scrapinghub"), "html")
	if err != nil {
		return nil, err
	}
	for _, p := range sh {
		pages = append(pages, benchPage{dataset: "scrapinghub", id: p.ID, url: p.URL, truth: p.Truth, html: utf8Page(p.Input)})
	}
	return pages, nil
}

type truthLine struct {
	PageID    string `json:"page_id"`
	Dataset   string `json:"dataset"`
	Plaintext string `json:"plaintext"`
}

// readTruth reads WCEB's truth.jsonl, in the file's order.
func readTruth(name string) ([]truthLine, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []truthLine
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<26)
	for sc.Scan() {
		var t truthLine
		if err := json.Unmarshal(sc.Bytes(), &t); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		out = append(out, t)
	}
	return out, sc.Err()
}

func utf8Page(raw []byte) string {
	text, _, err := decode.ToUTF8(raw, "")
	if err != nil {
		return string(raw)
	}
	return text
}

// labelledBlock is one block with its label.
type labelledBlock struct {
	x       []float64
	y       bool
	tokens  int
	comment bool // inside a region marked as reader comments
}

// pageBlockSets segments every page and labels its blocks, two pages at a time.
func pageBlockSets(pages []benchPage) [][]labelledBlock {
	out := make([][]labelledBlock, len(pages))
	var wg sync.WaitGroup
	next := make(chan int)
	for range 2 {
		wg.Go(func() {
			for i := range next {
				out[i] = labelBlocks(pages[i])
			}
		})
	}
	for i := range pages {
		next <- i
	}
	close(next)
	wg.Wait()
	return out
}

func labelBlocks(p benchPage) []labelledBlock {
	page, err := extract.NewPage(p.html, parseURL(p.url), false, nil)
	if err != nil {
		return nil
	}
	bs, err := extract.Blocks(page)
	if err != nil {
		return nil
	}
	ref := quality.Shingles(p.truth)
	out := make([]labelledBlock, len(bs))
	for i, b := range bs {
		in := quality.Coverage(b.Text, ref) >= 0.5
		out[i] = labelledBlock{x: b.X, y: in, tokens: len(strings.Fields(b.Text)), comment: b.Comment}
	}
	return out
}

// fitBlockModel trains on every page not of the dataset left out. Each page weighs the
// same in all (its blocks by their share of its words); reader comments that a dataset's
// truth includes (Dragnet's) are left out, as the article model must not learn them.
func fitBlockModel(pages []benchPage, blocks [][]labelledBlock, held func(benchPage) bool, kind string) (blockModel, error) {
	var ex []model.Example
	for i, p := range pages {
		if held(p) || strings.ContainsRune(p.truth, 0) {
			continue // held out, or a truth file read in the wrong encoding
		}
		total := 0
		for _, b := range blocks[i] {
			total += b.tokens
		}
		for _, b := range blocks[i] {
			if b.comment && b.y {
				continue
			}
			w := 100 * float64(b.tokens) / float64(max(total, 1))
			if w > 0 {
				ex = append(ex, model.Example{X: b.x, Y: b.y, Weight: math.Max(w, 0.01)})
			}
		}
	}
	if kind == "logistic" {
		return model.Train(extract.BlockFeatures(), ex, model.TrainOptions{})
	}
	return model.TrainTrees(extract.BlockFeatures(), ex, model.TreeOptions{})
}

func countBlocks(blocks [][]labelledBlock) int {
	n := 0
	for _, b := range blocks {
		n += len(b)
	}
	return n
}

// blockModel is a trained block model that can be written to a file.
type blockModel interface {
	model.Classifier
	Write(w io.Writer) error
}

// writeModel writes a trained model (the block model, or textclass's) to name.
func writeModel(name string, m interface{ Write(io.Writer) error }) error {
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := m.Write(f); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// A fold holds out the pages for which held is true: a model trained on the others
// extracts the held-out WCEB pages, and they are scored.
type fold struct {
	name string
	held func(benchPage) bool
}

// heldOut scores each fold.
func heldOut(w io.Writer, shared, keep, kind string, quick bool, folds []fold, pages []benchPage, blocks [][]labelledBlock) error {
	if keep == "" {
		dir, err := os.MkdirTemp("", "cleanbench-heldout")
		if err != nil {
			return err
		}
		defer os.RemoveAll(dir)
		keep = dir
	}
	for k, f := range folds {
		m, err := fitBlockModel(pages, blocks, f.held, kind)
		if err != nil {
			return err
		}
		var preds []prediction
		for _, p := range pages[:countWCEB(pages)] {
			if f.held(p) {
				preds = append(preds, prediction{page: p})
			}
		}
		parallel(len(preds), func(i int) { preds[i].text = extractWith(preds[i].page, m) })
		fmt.Fprintf(w, "%s:\n", f.name)
		if quick {
			quickScore(w, preds)
			continue
		}
		if err := scoreWCEB(w, shared, filepath.Join(keep, fmt.Sprint("fold", k)), preds); err != nil {
			return err
		}
	}
	return nil
}

// extractWith extracts a page's text the way the pipeline does (without its selector
// rules and link fixes, which do not change the text), with block model m.
func extractWith(p benchPage, m model.Classifier) string {
	page, err := extract.NewPage(p.html, parseURL(p.url), false, nil)
	if err != nil {
		return ""
	}
	page.BlockModel = m
	art, err := extract.HTML(page)
	if err != nil || art.Root == nil {
		return ""
	}
	rules.Builtin().Apply(art.Root, "")
	return render.Text(art.Root)
}

// blocksCmd prints one benchmark page's blocks: the label, the embedded model's
// probability, C for a comment region, and the text (for studying the worst pages).
//
//	go run ./cmd/cleanbench blocks PAGE_ID
func blocksCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("blocks", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared", "the shared folder")
	if err := fs.Parse(args); err != nil || fs.NArg() != 1 {
		fmt.Fprintln(stderr, "usage: cleanbench blocks [-shared DIR] PAGE_ID")
		return 2
	}
	pages, err := loadBenchPages(*shared)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench blocks:", err)
		return 1
	}
	m := extract.BlockModel()
	for _, p := range pages {
		if p.id != fs.Arg(0) {
			continue
		}
		page, err := extract.NewPage(p.html, parseURL(p.url), false, nil)
		if err != nil {
			fmt.Fprintln(stderr, "cleanbench blocks:", err)
			return 1
		}
		bs, _ := extract.Blocks(page)
		ref := quality.Shingles(p.truth)
		for _, b := range bs {
			label, c := "-", " "
			if quality.Coverage(b.Text, ref) >= 0.5 {
				label = "+"
			}
			if b.Comment {
				c = "C"
			}
			text := strings.ReplaceAll(b.Text, "\n", " | ")
			if len(text) > 110 {
				text = text[:110]
			}
			fmt.Fprintf(stdout, "%s %.2f %s r%.0f %s\n", label, m.Predict(b.X), c, b.X[27], text)
		}
		return 0
	}
	fmt.Fprintln(stderr, "cleanbench blocks: no page", fs.Arg(0))
	return 1
}
