package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/model"
	"github.com/cleanhq/clean/internal/quality"
	"github.com/cleanhq/clean/internal/textclass"
)

// trainText is `cleanbench train-text`: it fits the text block model (package textclass)
// on the text dumps of ../shared/bench (WCEB development pages and ScrapingHub), writes it
// to -o, and prints the shingle F1 of the plain-text path per dataset with the rules alone,
// with the model, and (with -lodo) with a model trained without that dataset.
//
//	go run ./cmd/cleanbench train-text -lodo
func trainText(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("train-text", flag.ContinueOnError)
	fs.SetOutput(stderr)
	wceb := fs.String("wceb", "../shared/bench/wceb-dev", "WCEB development pages (textdumps/, truth.jsonl)")
	sh := fs.String("scrapinghub", "testdata/bench/scrapinghub", "ScrapingHub benchmark folder")
	out := fs.String("o", "internal/textclass/model.txt", "model file to write (\"\" for none)")
	lodo := fs.Bool("lodo", false, "also score each dataset with a model trained without it")
	l2 := fs.Float64("l2", 1, "L2 regularisation")
	skip := fs.String("skip", "", "train without this dataset")
	pred := fs.String("lodo-pred", "", "with -lodo, write each page's text from the model trained without its dataset to this JSONL file ({page_id, plaintext}, for wceb_eval.py score)")
	show := fs.String("show", "", "print the blocks of the page with this id (embedded model): probability, kept (+), true text (T), text")
	if fs.Parse(args) != nil {
		return 2
	}
	pages, err := loadTextPages(*wceb, *sh)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench train-text:", err)
		return 1
	}
	if *show != "" {
		return showTextPage(stdout, stderr, pages, *show)
	}
	opts := model.TrainOptions{L2: *l2}
	m, err := fitText(pages, *skip, opts)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench train-text:", err)
		return 1
	}
	fmt.Fprintf(stdout, "%-16s %6s %8s %8s %8s\n", "dataset", "pages", "rules", "model", "LODO")
	var preds []byte
	for _, ds := range datasets(pages) {
		held := m
		if *lodo {
			if held, err = fitText(pages, ds, opts); err != nil {
				fmt.Fprintln(stderr, "cleanbench train-text:", err)
				return 1
			}
		}
		rules, full, lo := scoreText(pages, ds, nil), scoreText(pages, ds, m), textScore{}
		if *lodo {
			lo = scoreText(pages, ds, held)
			preds = appendPredictions(preds, pages, ds, held)
		}
		fmt.Fprintf(stdout, "%-16s %6d %8.3f %8.3f %8.3f   P %.3f→%.3f R %.3f→%.3f\n",
			ds, rules.pages, rules.f1, full.f1, lo.f1, rules.p, full.p, rules.r, full.r)
	}
	if *pred != "" {
		if err := os.WriteFile(*pred, preds, 0o644); err != nil {
			fmt.Fprintln(stderr, "cleanbench train-text:", err)
			return 1
		}
	}
	if *out == "" {
		return 0
	}
	if err := writeModel(*out, m); err != nil {
		fmt.Fprintln(stderr, "cleanbench train-text:", err)
		return 1
	}
	return 0
}

// textPage is one benchmark dump, cut into blocks as the plain-text path cuts it.
type textPage struct {
	dataset, id, truth string
	paras              [][]string
	joined             []string
}

// loadTextPages reads the WCEB development dumps (dataset from truth.jsonl) and the
// ScrapingHub dumps (dataset "scrapinghub"); a folder that does not exist is skipped.
func loadTextPages(wceb, sh string) ([]textPage, error) {
	var pages []textPage
	if truths, err := readTruth(filepath.Join(wceb, "truth.jsonl")); err == nil {
		for _, t := range truths {
			data, err := os.ReadFile(filepath.Join(wceb, "textdumps", t.Dataset, t.PageID+".txt"))
			if err != nil {
				return nil, err
			}
			pages = append(pages, newTextPage(t.Dataset, t.PageID, t.Plaintext, string(data)))
		}
	} else if !errors.Is(err, os.ErrNotExist) {
		return nil, err
	}
	if corpus, err := quality.LoadCorpus(sh, "text"); err == nil {
		for _, p := range corpus {
			pages = append(pages, newTextPage("scrapinghub", p.ID, p.Truth, string(p.Input)))
		}
	}
	if len(pages) == 0 {
		return nil, fmt.Errorf("no pages in %s or %s", wceb, sh)
	}
	return pages, nil
}

func newTextPage(dataset, id, truth, text string) textPage {
	paras, joined := extract.TextBlocks(text)
	return textPage{dataset: dataset, id: id, truth: truth, paras: paras, joined: joined}
}

func datasets(pages []textPage) []string {
	seen := map[string]bool{}
	var out []string
	for _, p := range pages {
		if !seen[p.dataset] {
			seen[p.dataset] = true
			out = append(out, p.dataset)
		}
	}
	sort.Strings(out)
	return out
}

// fitText trains the block model on the page dumps of every dataset but skip. A block is
// article text when most of its word pairs (its word, when it has one) are in the page's
// true text. Pages weigh the same whatever their number of blocks.
func fitText(pages []textPage, skip string, opts model.TrainOptions) (*model.Logistic, error) {
	var examples []model.Example
	for _, p := range pages {
		if p.dataset == skip {
			continue
		}
		res, vs := textclass.Vectors(p.joined)
		if !res.Dump {
			continue
		}
		truth := pairSet(p.truth)
		total := 0.0
		for _, b := range res.Blocks {
			total += blockWeight(b)
		}
		for i, v := range vs {
			examples = append(examples, model.Example{X: v, Y: inTruth(p.joined[i], truth), Weight: blockWeight(res.Blocks[i]) / total})
		}
	}
	return model.Train(textclass.FeatureNames, examples, opts)
}

// blockWeight is a block's share of its page's weight in training: long blocks weigh
// more, as they hold more of the words the scores count.
func blockWeight(b textclass.Block) float64 {
	return math.Sqrt(float64(b.Size() + 40))
}

// pairSet returns the words and adjacent word pairs of text.
func pairSet(text string) map[string]bool {
	toks := quality.Tokens(text)
	set := make(map[string]bool, 2*len(toks))
	for i, t := range toks {
		set[t] = true
		if i > 0 {
			set[toks[i-1]+" "+t] = true
		}
	}
	return set
}

// inTruth reports whether at least half of block's word pairs (or its only word) are in
// the true text.
func inTruth(block string, truth map[string]bool) bool {
	toks := quality.Tokens(block)
	switch len(toks) {
	case 0:
		return false
	case 1:
		return truth[toks[0]]
	}
	found := 0
	for i := 1; i < len(toks); i++ {
		if truth[toks[i-1]+" "+toks[i]] {
			found++
		}
	}
	return 2*found >= len(toks)-1
}

type textScore struct {
	pages    int
	f1, p, r float64 // mean page F1, precision and recall (shingle metric)
}

// keptText is the text of the blocks of p that the classifier keeps with m.
func keptText(p textPage, m *model.Logistic) string {
	res := textclass.ClassifyWith(p.joined, m)
	var kept []string
	for i, b := range res.Blocks {
		if b.Keep {
			kept = append(kept, p.joined[i])
		}
	}
	return strings.Join(kept, "\n")
}

// appendPredictions appends a JSONL record {page_id, plaintext} per page of dataset ds.
func appendPredictions(out []byte, pages []textPage, ds string, m *model.Logistic) []byte {
	for _, p := range pages {
		if p.dataset == ds {
			rec, _ := json.Marshal(map[string]string{"page_id": p.id, "plaintext": keptText(p, m)})
			out = append(append(out, rec...), '\n')
		}
	}
	return out
}

// scoreText runs the block classifier with m (nil: the rules alone) on the pages of
// dataset ds and scores the kept blocks against the truth.
func scoreText(pages []textPage, ds string, m *model.Logistic) textScore {
	var s textScore
	for _, p := range pages {
		if p.dataset != ds {
			continue
		}
		mt := quality.Compare(p.truth, keptText(p, m))
		pr, rc := mt.Precision(), mt.Recall()
		s.p += pr
		s.r += rc
		if pr+rc > 0 {
			s.f1 += 2 * pr * rc / (pr + rc)
		}
		s.pages++
	}
	if s.pages > 0 {
		s.f1 /= float64(s.pages)
		s.p /= float64(s.pages)
		s.r /= float64(s.pages)
	}
	return s
}

// showTextPage prints the blocks of page id as the embedded model judges them.
func showTextPage(stdout, stderr io.Writer, pages []textPage, id string) int {
	for _, p := range pages {
		if p.id != id {
			continue
		}
		res := textclass.Classify(p.joined)
		truth := pairSet(p.truth)
		fmt.Fprintf(stdout, "%s %s dump=%v title=%d lang=%s\n", p.dataset, p.id, res.Dump, res.Title, res.Language)
		for i, b := range res.Blocks {
			mark := []byte("  ")
			if b.Keep {
				mark[0] = '+'
			}
			if inTruth(p.joined[i], truth) {
				mark[1] = 'T'
			}
			text := strings.ReplaceAll(p.joined[i], "\n", " / ")
			fmt.Fprintf(stdout, "%4d %s %.2f %-9s %-9s %.120s\n", i, mark, b.Prob, b.Initial, b.Class, text)
		}
		return 0
	}
	fmt.Fprintln(stderr, "cleanbench train-text: no page", id)
	return 1
}
