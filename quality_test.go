package clean_test

import (
	"context"
	"testing"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/quality"
	"github.com/cleanhq/clean/rules"
)

// minHTMLF1 is the floor for HTML extraction on the ScrapingHub benchmark (issue 4). The
// figure itself comes from `go run ./cmd/cleanbench -mode html`; this test keeps changes to
// extraction or to the built-in rules from lowering it unnoticed.
const minHTMLF1 = 0.970

func TestBenchmarkQuality(t *testing.T) {
	if testing.Short() {
		t.Skip("cleans the 181 benchmark pages")
	}
	pages, err := quality.LoadCorpus(benchDir, "html")
	if err != nil {
		t.Fatal(err)
	}
	opts := clean.Options{Kind: clean.KindHTML, Rules: rules.Builtin()}
	var matches []quality.Match
	for _, p := range pages {
		doc, err := clean.Clean(context.Background(), clean.Input{Name: p.ID, URL: p.URL, Data: p.Input}, opts)
		if err != nil {
			t.Errorf("%s: %v", p.ID, err)
		}
		matches = append(matches, quality.Compare(p.Truth, doc.Text))
	}
	s := quality.Summarize(matches)
	t.Logf("HTML: precision %.3f, recall %.3f, F1 %.3f on %d pages", s.Precision, s.Recall, s.F1, s.Documents)
	if s.F1 < minHTMLF1 {
		t.Errorf("HTML F1 %.3f, below the floor %.3f (precision %.3f, recall %.3f)", s.F1, minHTMLF1, s.Precision, s.Recall)
	}
}
