package rules

import (
	"errors"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// cleanPage cleans an HTML fragment with s and returns the removals and the text left.
func cleanPage(t *testing.T, s *Set, page, host string) ([]Removal, string) {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	removed := append(s.RemoveSelected(doc, host), s.Apply(doc, host)...)
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(doc)
	return removed, b.String()
}

// A rule built in Go with Set.Add acts exactly like the same rule read from YAML.
func TestAddMatchesLikeYAML(t *testing.T) {
	const page = `<article><p>Work on the first road starts in June, the council said on Monday.</p>` +
		`<p>Like this story? Become a member today.</p><p>Example News, 12 Harbour Street</p>` +
		`<div class="promo">Subscribe</div><p>Token {ad-here} inside.</p></article>`
	built := []Rule{
		{ID: "go-footer", Kind: CutTail, Regex: `Like this story\? .*`, Sites: []string{"example.org"}},
		{ID: "go-promo", Kind: Select, Selector: "div.promo"},
		{ID: "go-token", Kind: Strip, Pattern: "{ad-here}"},
	}
	yaml := `rules:
  - id: go-footer
    kind: cut-tail
    regex: 'Like this story\? .*'
    sites: [example.org]
  - id: go-promo
    kind: select
    selector: div.promo
  - id: go-token
    kind: strip
    pattern: "{ad-here}"
`
	fromGo, fromYAML := &Set{}, &Set{}
	for _, r := range built {
		if err := fromGo.Add(r); err != nil {
			t.Fatalf("Add(%s): %v", r.ID, err)
		}
	}
	if err := fromYAML.AddYAML("x.yaml", []byte(yaml)); err != nil {
		t.Fatal(err)
	}
	for _, host := range []string{"news.example.org", "other.example"} {
		gotR, gotText := cleanPage(t, fromGo, page, host)
		wantR, wantText := cleanPage(t, fromYAML, page, host)
		if gotText != wantText || len(gotR) != len(wantR) {
			t.Fatalf("host %s: Go rules left %q (%v), YAML rules %q (%v)", host, gotText, gotR, wantText, wantR)
		}
		for i := range gotR {
			if gotR[i] != wantR[i] {
				t.Errorf("host %s: removal %d: %v from Go, %v from YAML", host, i, gotR[i], wantR[i])
			}
		}
		if strings.Contains(gotText, "Subscribe") || strings.Contains(gotText, "{ad-here}") {
			t.Errorf("host %s: select or strip rule did not act: %q", host, gotText)
		}
	}
	if _, text := cleanPage(t, fromGo, page, "news.example.org"); strings.Contains(text, "Harbour") {
		t.Errorf("site-scoped cut-tail did not cut on its site: %q", text)
	}
	if _, text := cleanPage(t, fromGo, page, "other.example"); !strings.Contains(text, "Harbour") {
		t.Errorf("site-scoped cut-tail cut on another site: %q", text)
	}
}

// Add refuses what a rule file would refuse, with a *FileError, and leaves the set alone.
func TestAddRefusesBadRules(t *testing.T) {
	s := Builtin()
	n := len(s.Rules)
	for _, r := range []Rule{
		{Kind: Drop, Pattern: "x"},                                        // no id
		{ID: "bad id", Kind: Drop, Pattern: "x"},                          // bad id
		{ID: "x", Pattern: "x"},                                           // no kind
		{ID: "x", Kind: Drop, Regex: "(a"},                                // bad regex
		{ID: "x", Kind: Strip, Regex: "a*"},                               // strip matching empty text
		{ID: "x", Kind: Select, Pattern: "x"},                             // select without selector
		{ID: "label-tags", Kind: Drop, Pattern: "Tags"},                   // duplicate of a built-in
		{ID: "x", Kind: Drop, Pattern: "x", Sites: []string{"http://a/"}}, // not a host glob
	} {
		err := s.Add(r)
		var fe *FileError
		if !errors.As(err, &fe) {
			t.Errorf("Add(%+v) = %v, want a *FileError", r, err)
		}
	}
	if len(s.Rules) != n {
		t.Errorf("refused rules changed the set: %d rules, want %d", len(s.Rules), n)
	}
}

// TestStripSigns: the built-in strip rules all need a { or a <, so a line without either
// is left alone unread by them; a strip rule without such a set of signs turns the
// shortcut off, and ApplyParagraphs strips as before either way.
func TestStripSigns(t *testing.T) {
	b := Builtin().forHost("")
	if signs, sure := stripSigns(b.of(Strip)); !sure || string(signs.b[:signs.n]) != "<{" {
		t.Errorf("built-in strip rules: signs %q, sure %v; want \"<{\", true", signs.b[:signs.n], sure)
	}
	set := &Set{}
	for _, r := range []Rule{{ID: "brace", Kind: Strip, Pattern: "{ad-here}"}, {ID: "word", Kind: Strip, Regex: `(?i)\bad-slot\b`}} {
		if err := set.Add(r); err != nil {
			t.Fatal(err)
		}
	}
	byKind := set.forHost("")
	if _, sure := stripSigns(byKind.of(Strip)); sure {
		t.Error("a rule without signs: sure")
	}
	paras := [][]string{{"Text {ad-here} and an AD-SLOT here", "no token"}, {"ad-slot"}}
	kept, removed := set.ApplyParagraphs(paras, "")
	if len(removed) != 3 || kept[0][0] != "Text  and an  here" {
		t.Errorf("kept %q, removed %v", kept, removed)
	}
}
