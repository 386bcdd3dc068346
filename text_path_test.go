package clean_test

import (
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/rules"
)

// Plain text is cleaned without a DOM (rules.Set.ApplyParagraphs, render.TextParagraphs
// and render.MarkdownParagraphs) unless the output is HTML. TestTextPathsAgree checks
// that it gives what the DOM of <p>s and <br>s gives (rules.Set.Apply, render.Text,
// render.Markdown): the same removals, text and Markdown, on every ScrapingHub dump and on
// paragraphs made to hit the edge cases (tokens that empty a line, blank lines inside a
// paragraph, control characters, Markdown syntax, lines the block rules drop or cut at,
// white space to collapse before they match).
func TestTextPathsAgree(t *testing.T) {
	cases := [][][]string{
		{{"Main Area Top ↴"}, {"A first paragraph of the story, long enough to be prose."}, {"Share"}},
		{{"{mosads}"}, {"Text {mosads} with a token", "and a second line"}, {"{mosimage}", "caption"}},
		{{"a", "", "b"}, {"  spaced   out  ", "\u00a0"}, {"\x01code\x02"}, {"tab\there"}},
		{{"# not a heading", "* not a list", "1. nor this"}, {"<b>tags</b> & a_b_c *stars* [link](x)"}},
		{{"Tags: China, Obama"}, {"Prose before the footer, which the cut removes from here on."},
			{"© 2020 Example. All rights reserved."}, {"After the footer"}},
		{{"Related stories"}, {"More from the author"}, {"Body text that stays."}, {"{loadposition ads}"}},
		{{""}, {" "}, {"\u200b"}},
		{{" "}, {"Main Area Top ↴"}, {"Body text that stays."}, {"\u00a0"}, {"Share"}, {"Tags: China, Obama"}},
		{{"a", ""}, {"", "b"}, {"c", "", "", "d"}, {"", "", "e", " "}, {}, {"f"}},
		{{"Related  stories"}, {"Share\ton  Facebook", "Twitter"}, {"More\nfrom the author"}, {"Read more\u00a0..."},
			{"Body text that stays, long enough to be prose before the footer that follows it."},
			{"Copyright  2020  Example.  All  rights  reserved."}, {"Blue  Widgets"}, {"Sidebar\twidget"}},
	}
	dumps, _ := filepath.Glob("testdata/bench/scrapinghub/textdumps/*.txt")
	for _, f := range dumps {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, extract.TextParagraphs(string(data), false).Paragraphs)
	}
	set := rules.Builtin()
	total := 0
	for i, paras := range cases {
		dom := extract.TextArticle{Paragraphs: clone(paras)}.Article()
		domRemoved := set.Apply(dom.Root, "")
		kept, removed := set.ApplyParagraphs(clone(paras), "")
		total += len(removed)
		if !slices.Equal(removed, domRemoved) {
			t.Errorf("case %d: ApplyParagraphs removed %q, Apply %q", i, removed, domRemoved)
		}
		tidyKept, tidyRemoved := set.ApplyTidyParagraphs(clone(paras), func(j int) bool { return linesTidy(paras[j]) }, "")
		if !slices.Equal(tidyRemoved, removed) || !slices.EqualFunc(tidyKept, kept, slices.Equal) {
			t.Errorf("case %d: ApplyTidyParagraphs kept %q, removed %q; ApplyParagraphs %q, %q", i, tidyKept, tidyRemoved, kept, removed)
		}
		if got, want := render.TextParagraphs(kept), render.Text(dom.Root); got != want {
			t.Errorf("case %d: TextParagraphs = %q, Text = %q", i, got, want)
		}
		want, err := render.Markdown(dom.Root, "")
		if err != nil {
			t.Fatal(err)
		}
		if got := render.MarkdownParagraphs(kept); got != want {
			t.Errorf("case %d: MarkdownParagraphs = %q, Markdown = %q", i, got, want)
		}
	}
	if total < 8 {
		t.Errorf("%d removals in all: the rules did not run on the cases made for them", total)
	}
}

// linesTidy reports whether the lines of p are tidy as ApplyTidyParagraphs is told.
func linesTidy(p []string) bool {
	return blocks.LinesTidy(p) && !slices.ContainsFunc(p, func(l string) bool { return strings.Contains(l, "\n") })
}

// TestTidyParagraphsFromTokeniser: told which paragraphs the tokeniser found simple
// (TextArticle.Known), ApplyTidyParagraphs keeps and removes what ApplyParagraphs does, on
// every ScrapingHub dump.
func TestTidyParagraphsFromTokeniser(t *testing.T) {
	dumps, _ := filepath.Glob("testdata/bench/scrapinghub/textdumps/*.txt")
	set := rules.Builtin()
	for _, f := range dumps {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := extract.TextParagraphs(string(data), false)
		kept, removed := set.ApplyParagraphs(clone(a.Paragraphs), "")
		tidyKept, tidyRemoved := set.ApplyTidyParagraphs(clone(a.Paragraphs), func(i int) bool { return a.Known[i].Words >= 0 }, "")
		if !slices.Equal(tidyRemoved, removed) || !slices.EqualFunc(tidyKept, kept, slices.Equal) {
			t.Errorf("%s: ApplyTidyParagraphs removed %q, ApplyParagraphs %q", f, tidyRemoved, removed)
		}
	}
	if len(dumps) == 0 {
		t.Skip("no dumps")
	}
}

func clone(paras [][]string) [][]string {
	out := make([][]string, len(paras))
	for i, p := range paras {
		out[i] = slices.Clone(p)
	}
	return out
}
