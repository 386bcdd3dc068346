package textclass

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

// TestEmbeddedModel: the shipped model parses and has the features Vectors computes, in
// the same order.
func TestEmbeddedModel(t *testing.T) {
	m := Model()
	if m == nil {
		t.Fatal("the embedded text block model does not parse or does not fit FeatureNames")
	}
	if !slices.Equal(m.Features, FeatureNames) {
		t.Errorf("model features %v, want %v", m.Features, FeatureNames)
	}
	_, vs := Vectors([]string{"Home", "A title", "A paragraph of prose that ends like a sentence."})
	for i, v := range vs {
		if len(v) != len(FeatureNames) {
			t.Errorf("vector %d has %d features, want %d", i, len(v), len(FeatureNames))
		}
	}
}

// TestBestRegion: a long run of teasers that each score a little above the threshold,
// away from the article, does not win over the article's confident paragraphs, and a
// short gap (a caption) inside the article is crossed.
func TestBestRegion(t *testing.T) {
	var bs []Block
	add := func(n, size int, p float64) {
		for range n {
			bs = append(bs, Block{Features: Features{Runes: int32(size), Words: 10}, Prob: p, Initial: Short})
		}
	}
	add(3, 10, 0.05)  // menu
	add(2, 400, 0.95) // article
	add(1, 60, 0.3)   // caption
	add(3, 400, 0.9)  // article
	add(4, 20, 0.05)  // share bar
	add(12, 60, 0.6)  // related stories
	from, to := bestRegion(bs)
	if from != 3 || to != 9 {
		t.Errorf("region [%d, %d), want the article [3, 9)", from, to)
	}
}

// TestModelKeepsNoDateline: a dateline right before the article is never kept, however
// the model scores it.
func TestModelKeepsNoDateline(t *testing.T) {
	para := strings.Repeat("The council met on Tuesday and agreed that the plan would go ahead in the spring. ", 3)
	blocks := []string{"Home", "News", "Council backs the new park", "12 March 2024, 10:31", para, para + "Later.", "© 2024 Paper"}
	res := Classify(blocks)
	if res.Blocks[3].Keep {
		t.Error("dateline kept")
	}
	if !res.Blocks[4].Keep || !res.Blocks[5].Keep {
		t.Error("article paragraphs dropped")
	}
}

// TestScoreIsProb: scoring the blocks from the tables in place, four side by side, gives
// exactly the probability of each block's whole vector (the same sum, in the same order),
// on every block of 60 shipped dumps.
func TestScoreIsProb(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/bench/scrapinghub/textdumps/*.txt")
	if len(files) == 0 {
		t.Skip("no dumps")
	}
	m := embeddedLinear()
	for _, f := range files[:min(len(files), 60)] {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []string
		for _, p := range strings.Split(string(data), "\n\n") {
			blocks = append(blocks, strings.TrimSpace(p))
		}
		res, span := classifyRules(blocks)
		want := make([]float64, len(blocks))
		eachVector(&res, span, func(i int, v []float64) { want[i] = m.prob(v) })
		m.score(&res, span)
		for i, b := range res.Blocks {
			if b.Prob != want[i] {
				t.Errorf("%s block %d: score %v, prob %v", f, i, b.Prob, want[i])
			}
		}
	}
}

// TestTextTable: the table finds the first block of each text, spaces trimmed, as a map
// from text to index does, whatever the collisions (more texts than half the slots would
// hold without the doubling).
func TestTextTable(t *testing.T) {
	var blocks []string
	for i := range 500 {
		blocks = append(blocks, strings.Repeat("x", i%37)+" ", " "+strings.Repeat("x", i%37))
	}
	tab := newTextTable(blocks)
	firstOf := map[string]int32{}
	for i, b := range blocks {
		k := strings.TrimSpace(b)
		want, wantSeen := firstOf[k]
		if !wantSeen {
			want, firstOf[k] = int32(i), int32(i)
		}
		if got, seen := tab.add(k, int32(i)); got != want || seen != wantSeen {
			t.Fatalf("block %d %q: add = %d, %v; want %d, %v", i, b, got, seen, want, wantSeen)
		}
	}
}
