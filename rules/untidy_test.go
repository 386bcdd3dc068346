package rules

import (
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
)

// TestUntidyLinesMatchAsTidy: a block rule matches the lines of a paragraph that
// paragraphLines leaves untidy (their white space collapsed only when a rule looks past
// their edges) exactly when it matches them tidied first, as blockLines of
// blocks.LinesTexts gives them, on the texts the built-in rules look for with white space
// of every kind between their words.
func TestUntidyLinesMatchAsTidy(t *testing.T) {
	phrases := []string{"Related stories", "Blue Widgets", "Sidebar widget", "Copyright 2020 Example. All rights reserved.",
		"© 2020 Example", "All rights reserved.", "Alle Rechte vorbehalten.", "Share on Facebook", "Twitter Facebook Email",
		"Read more »", "Sign up for our newsletter", "12 comments", "Leave a comment", "Tags: China, Obama",
		"Advertisement", "Video", "More from the author", "Body text that stays, said Ann. It ended.", "↓ Main menu ↓"}
	gaps := []string{" ", " ", " ", " ", "  ", "   ", "\t", "\u00a0", " \t ", "\u2003"}
	rng := rand.New(rand.NewPCG(3, 4))
	var rs []*Rule
	for _, r := range Builtin().Rules {
		if r.Kind == Drop || r.Kind == CutTail || r.Kind == CutHead {
			rs = append(rs, r)
		}
	}
	untidy, matched := 0, 0
	for range 20000 {
		var b strings.Builder
		for i, w := range strings.Fields(phrases[rng.IntN(len(phrases))]) {
			if i > 0 {
				b.WriteString(gaps[rng.IntN(len(gaps))])
			}
			b.WriteString(w)
		}
		p := []string{b.String()}
		if !allSolid(p) {
			continue
		}
		if !blocks.LinesTidy(p) {
			untidy++
		}
		want := blockLines(blocks.LinesTexts([][]string{p}), func(int) bool { return true })[0]
		for _, r := range rs {
			got := slices.Clone(paragraphLines([][]string{p}, nil, new(lineMemory))[0])
			if g, w := r.matchLines(got), r.matchLines(slices.Clone(want)); g != w {
				t.Errorf("%s on %q: untidy %v, tidy %v", r.ID, p[0], g, w)
			} else if g {
				matched++
			}
		}
	}
	if untidy < 1000 || matched < 100 {
		t.Errorf("%d untidy lines, %d matches: the cases miss what they are for", untidy, matched)
	}
}
