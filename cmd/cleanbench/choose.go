package main

// cleanbench choose studies the chooser: for every WCEB development page, the
// bag-of-tokens F1 of readability's article, of the block model's, and which the chooser
// took, with the signals a chooser could read (lengths, their overlap, the title's words
// each covers). One CSV line per page, then how much the chooser loses to the better of
// the two, per dataset.
//
//	go run ./cmd/cleanbench choose > /tmp/choose.csv

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/rules"
)

func chooseCmd(args []string, stdout, stderr io.Writer) int {
	fs := flag.NewFlagSet("choose", flag.ContinueOnError)
	fs.SetOutput(stderr)
	shared := fs.String("shared", "../shared", "the shared folder")
	if err := fs.Parse(args); err != nil {
		return 2
	}
	pages, err := loadBenchPages(*shared)
	if err != nil {
		fmt.Fprintln(stderr, "cleanbench choose:", err)
		return 1
	}
	pages = pages[:countWCEB(pages)]
	rows := make([]string, len(pages))
	type loss struct{ chosen, best float64 }
	losses := make([]loss, len(pages))
	parallel(len(pages), func(i int) {
		p := pages[i]
		page, err := extract.NewPage(p.html, parseURL(p.url), false, nil)
		if err != nil {
			return
		}
		read, block, wins, err := extract.Study(page)
		if err != nil {
			return
		}
		rt, bt := articleText(read), articleText(block)
		fr, fb := bagF1(p.truth, rt), bagF1(p.truth, bt)
		chosen := fr
		if wins {
			chosen = fb
		}
		losses[i] = loss{chosen, max(fr, fb)}
		rows[i] = fmt.Sprintf("%s,%s,%.3f,%.3f,%v,%v,%d,%d,%.3f,%.3f,%.3f,%.3f", p.id[:8], p.dataset, fr, fb, wins, block.Declared,
			len(strings.Fields(rt)), len(strings.Fields(bt)), bagShare(rt, bt), bagShare(bt, rt),
			titleCover(page.Title, rt), titleCover(page.Title, bt))
	})
	fmt.Fprintln(stdout, "page,dataset,f1_read,f1_block,block_wins,declared,words_read,words_block,read_in_block,block_in_read,title_read,title_block")
	sum, best := map[string]float64{}, map[string]float64{}
	for i, r := range rows {
		fmt.Fprintln(stdout, r)
		sum[pages[i].dataset] += losses[i].chosen
		best[pages[i].dataset] += losses[i].best
	}
	for _, d := range wcebDatasets {
		fmt.Fprintf(stderr, "%-16s chosen %.1f, better of the two %.1f (page F1 sums)\n", d, sum[d], best[d])
	}
	return 0
}

// articleText renders a candidate's article as the pipeline does (built-in rules, text).
func articleText(a extract.Article) string {
	if a.Root == nil {
		return ""
	}
	rules.Builtin().Apply(a.Root, "")
	return render.Text(a.Root)
}

// bagShare is the share of a's tokens that b holds (as bags: each token as often).
func bagShare(a, b string) float64 {
	ta := strings.Fields(a)
	if len(ta) == 0 {
		return 0
	}
	bag := map[string]int{}
	for _, x := range strings.Fields(b) {
		bag[x]++
	}
	k := 0
	for _, x := range ta {
		if bag[x] > 0 {
			bag[x]--
			k++
		}
	}
	return float64(k) / float64(len(ta))
}

// titleCover is the share of the title's words that text holds.
func titleCover(title, text string) float64 {
	words := strings.Fields(strings.ToLower(title))
	if len(words) == 0 {
		return 0
	}
	have := map[string]bool{}
	for _, w := range strings.Fields(strings.ToLower(text)) {
		have[w] = true
	}
	k := 0
	for _, w := range words {
		if have[w] {
			k++
		}
	}
	return float64(k) / float64(len(words))
}
