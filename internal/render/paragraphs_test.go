package render

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// viaConverter renders root the slow way, as Markdown does without paragraphsMarkdown.
func viaConverter(t testing.TB, root *html.Node) string {
	t.Helper()
	out, err := markdownConverter().ConvertNode(root)
	if err != nil {
		t.Fatal(err)
	}
	return strings.TrimSpace(string(out))
}

// checkSame fails when the fast path renders root differently from the converter.
func checkSame(t testing.TB, root *html.Node) bool {
	t.Helper()
	fast, ok := paragraphsMarkdown(root)
	if ok {
		if slow := viaConverter(t, root); fast != slow {
			t.Fatalf("fast path differs from the converter:\nfast %q\nslow %q", fast, slow)
		}
	}
	return ok
}

// TestParagraphsMarkdownDumps: on every benchmark text dump, as the plain-text path
// cleans it, the fast path writes what the converter writes, and takes most of them.
func TestParagraphsMarkdownDumps(t *testing.T) {
	files, err := filepath.Glob("../../testdata/bench/scrapinghub/textdumps/*.txt")
	if err != nil || len(files) == 0 {
		t.Fatalf("no dumps: %v", err)
	}
	taken := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := extract.Text(string(data), false)
		rules.Builtin().Apply(a.Root, "")
		if checkSame(t, a.Root) {
			taken++
		}
	}
	t.Logf("fast path taken for %d of %d dumps", taken, len(files))
	if taken == 0 {
		t.Error("fast path never taken")
	}
}

func TestParagraphsMarkdownCases(t *testing.T) {
	for _, text := range []string{
		"One line.", "Two\nlines", "Para one.\n\nPara two, with “quotes” — and – dashes… €5 50% (yes)",
		"1. a list?", "12) item", "- dash", "+ plus", "# hash", "> quote", "=== rule", "a *star*",
		"snake_case", "a <tag>", "back\\slash", "`code`", "~tilde", "[link](x)", "a  double", "tab\there",
		"Café, naïve, Ærø; Москва. 東京。", "AT&T", "price: $5", "2024. A year", "ends with space ",
		"nbsp\u00a0inside", "zero\u200bwidth", "A 1.5 m wall", "Mr. Smith", "a|b",
	} {
		root := &html.Node{Type: html.ElementNode, Data: "article"}
		for _, para := range strings.Split(text, "\n\n") {
			root.AppendChild(paragraphNode(strings.Split(para, "\n")))
		}
		checkSame(t, root)
	}
}

// FuzzParagraphsMarkdown: whatever the text, the fast path writes what the converter
// writes, or steps aside.
func FuzzParagraphsMarkdown(f *testing.F) {
	f.Add("Para one.\nline two\n\nPara two")
	f.Add("1) x\n\n- y\n\n*z*")
	f.Fuzz(func(t *testing.T, text string) {
		root := &html.Node{Type: html.ElementNode, Data: "article"}
		for _, para := range strings.Split(text, "\n\n") {
			root.AppendChild(paragraphNode(strings.Split(para, "\n")))
		}
		checkSame(t, root)
	})
}

// paragraphNode builds a <p> of lines separated by <br>, as extract.Text does.
func paragraphNode(lines []string) *html.Node {
	p := &html.Node{Type: html.ElementNode, Data: "p", DataAtom: atom.P}
	for i, l := range lines {
		if i > 0 {
			p.AppendChild(&html.Node{Type: html.ElementNode, Data: "br", DataAtom: atom.Br})
		}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: l})
	}
	return p
}
