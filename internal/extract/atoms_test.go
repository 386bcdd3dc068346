package extract

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
)

// TestReadabilityBlocksHaveAtoms: the <p> readability makes of a <div> of phrasing
// content is a block like any <p>, so rules, pruning and rendering see it on its own.
func TestReadabilityBlocksHaveAtoms(t *testing.T) {
	para := "<p>The harbour board met on Tuesday to hear the engineers, who said the outer wall would need another season of work before the ferries could use the northern berth again.</p>"
	page := "<html><body><article>" + para + "<div>Get the <b>Morning Brief</b> in your inbox</div>" + para +
		"<div>Sponsored by Harbour Bank<div>Open an account <i>today</i></div></div>" + para + "</article></body></html>"
	p, err := NewPage(page, nil, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	a, err := readabilityCandidate{}.Extract(p)
	if err != nil || a.Root == nil {
		t.Fatalf("no article: %v", err)
	}
	var texts []string
	for _, n := range blocks.Leaves(a.Root) {
		texts = append(texts, blocks.Text(n))
	}
	got := strings.Join(texts, "|")
	for _, want := range []string{"|Get the Morning Brief in your inbox|", "|Sponsored by Harbour Bank|Open an account today|"} {
		if !strings.Contains(got, want) {
			t.Errorf("blocks %q lack %q", got, want)
		}
	}
}
