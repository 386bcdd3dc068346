package quality

import (
	"math"
	"testing"
)

const benchDir = "../../testdata/bench/scrapinghub"

func near(a, b float64) bool { return math.Abs(a-b) < 0.0005 }

// The benchmark's own evaluator gives these figures; the metric must reproduce them.
func TestKnownValues(t *testing.T) {
	dumps, err := LoadCorpus(benchDir, "text")
	if err != nil {
		t.Fatal(err)
	}
	var self, raw []Match
	for _, p := range dumps {
		self = append(self, Compare(p.Truth, p.Truth))
		raw = append(raw, Compare(p.Truth, string(p.Input)))
	}
	if s := Summarize(self); s.F1 != 1 || s.Precision != 1 || s.Recall != 1 || s.Documents != 181 {
		t.Errorf("truth against itself: %+v, want 1.000 on 181 pages", s)
	}
	s := Summarize(raw)
	if !near(s.F1, 0.672) || !near(s.Precision, 0.507) || !near(s.Recall, 0.993) {
		t.Errorf("raw dumps: %+v, want F1 0.672, precision 0.507, recall 0.993", s)
	}
}

func TestCompare(t *testing.T) {
	cases := []struct {
		truth, pred string
		want        Match
	}{
		{"", "", Match{TP: 1}},
		{"a b c d e", "a b c d e", Match{TP: 1}},
		{"a b c d e", "", Match{FN: 1}},
		{"", "a b c d", Match{FP: 1}},
		{"a b c d e", "a b c d x", Match{TP: 1.0 / 3, FP: 1.0 / 3, FN: 1.0 / 3}},
	}
	for _, c := range cases {
		got := Compare(c.truth, c.pred)
		if !near(got.TP, c.want.TP) || !near(got.FP, c.want.FP) || !near(got.FN, c.want.FN) {
			t.Errorf("Compare(%q, %q) = %+v, want %+v", c.truth, c.pred, got, c.want)
		}
	}
	if toks := Tokens("Привет, мир_1! l'été"); len(toks) != 4 || toks[1] != "мир_1" {
		t.Errorf("Tokens = %q", toks)
	}
}
