package textclass

import (
	"math"
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
// on every block of the shipped dumps, as paragraphs and one block per line, and of their
// first one to nine blocks (a last group of fewer than four).
func TestScoreIsProb(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/bench/scrapinghub/textdumps/*.txt")
	if len(files) == 0 {
		t.Skip("no dumps")
	}
	m := embeddedLinear()
	check := func(name string, blocks []string) {
		res, span := classifyRules(blocks)
		want := make([]float64, len(blocks))
		eachVector(&res, span, func(i int, v []float64) { want[i] = m.prob(v) })
		m.score(&res, span)
		for i, b := range res.Blocks {
			if b.Prob != want[i] {
				t.Errorf("%s block %d: score %v, prob %v", name, i, b.Prob, want[i])
			}
		}
	}
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		var blocks []string
		for _, p := range strings.Split(string(data), "\n\n") {
			blocks = append(blocks, strings.TrimSpace(p))
		}
		check(f, blocks)
		check(f+" by line", strings.Split(string(data), "\n"))
		for n := range min(10, len(blocks)) {
			check(f, blocks[:n])
		}
	}
}

// TestLogTables: the looked-up logarithms are math's, to the bit, in the tables and past
// them.
func TestLogTables(t *testing.T) {
	same := func(a, b float64) bool { return math.Float64bits(a) == math.Float64bits(b) }
	for n := range 2 * len(log1pInts) {
		if got, want := log1pInt(n), math.Log1p(float64(n)); !same(got, want) {
			t.Fatalf("log1pInt(%d) = %v, want %v", n, got, want)
		}
	}
	for n := 1; n < 2*len(logInts); n++ {
		if got, want := logInt(n), math.Log(float64(n)); !same(got, want) {
			t.Fatalf("logInt(%d) = %v, want %v", n, got, want)
		}
	}
	for words := 1; words < 3*ratioWords; words++ {
		for size := range 3 * ratioSizes {
			if got, want := log1pRatio(size, words), math.Log1p(float64(size)/float64(words)); !same(got, want) {
				t.Fatalf("log1pRatio(%d, %d) = %v, want %v", size, words, got, want)
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

// TestVectorsSetEveryFeature: ownVector and positions.vector set every feature (the
// tables they fill are not zeroed first), with and without a language, a title and a
// rule-based span.
func TestVectorsSetEveryFeature(t *testing.T) {
	para := strings.Repeat("The council met on Tuesday and agreed that the plan would go ahead. ", 4)
	for _, blocks := range [][]string{
		{"Home | News", "Council backs the new park", "12 March 2024, 10:31", para, para, "© 2024 Paper"},
		{"東京都の新しい計画", "東京都は新しい計画を発表した。" + strings.Repeat("計画", 100)},
		{"x"},
	} {
		res, span := classifyRules(blocks)
		for _, sp := range []ruleVerdict{span, {-1, -1}} {
			pos := newPositions(&res, sp)
			for i := range res.Blocks {
				var o ownFeatures
				var c contextFeatures
				for k := range o {
					o[k] = math.NaN()
				}
				for k := range c {
					c[k] = math.NaN()
				}
				ownVector(&o, &res, i, sp)
				pos.vector(&c, i)
				if slices.ContainsFunc(o[:], math.IsNaN) || slices.ContainsFunc(c[:], math.IsNaN) {
					t.Errorf("%q block %d: a feature left unset: own %v, context %v", blocks[0], i, o, c)
				}
			}
			pos.release()
		}
	}
}
