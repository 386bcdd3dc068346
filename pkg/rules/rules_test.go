package rules

import (
	"errors"
	"strings"
	"testing"

	"github.com/cleanhq/clean/pkg/blocks"
	"golang.org/x/net/html"
)

func TestBuiltinExamples(t *testing.T) {
	s := Builtin()
	if len(s.Rules) == 0 {
		t.Fatal("no built-in rules")
	}
	for _, r := range s.Rules {
		if len(r.DropExamples) == 0 || len(r.Keep) == 0 {
			t.Errorf("rule %s needs both drop: and keep: examples", r.ID)
		}
		if r.Description == "" {
			t.Errorf("rule %s has no description", r.ID)
		}
	}
	for _, f := range s.TestExamples() {
		t.Error(f)
	}
}

// applyTo runs the built-in rules over paragraphs and returns the surviving block texts.
func applyTo(t *testing.T, s *Set, paras ...string) ([]string, []Removal) {
	t.Helper()
	var b strings.Builder
	b.WriteString("<article>")
	for _, p := range paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	b.WriteString("</article>")
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	removed := s.Apply(doc, "example.com")
	var kept []string
	for _, n := range blocks.Leaves(doc) {
		kept = append(kept, blocks.Text(n))
	}
	return kept, removed
}

func TestApplyKeepsBodyParagraphs(t *testing.T) {
	body := []string{
		"The video, filmed on Tuesday, shows the officer approaching the car before the shots.",
		"The notice on the tape read “all rights reserved”, but nobody paid it any attention at all.",
		"Share prices rose after the announcement, and the company said more news would follow.",
		"Copyright law in the country dates back to 1710, when the first statute was passed.",
	}
	kept, removed := applyTo(t, Builtin(), body...)
	if strings.Join(kept, "\n") != strings.Join(body, "\n") {
		t.Errorf("body changed:\n got %q\nwant %q\nremoved %v", kept, body, removed)
	}
}

func TestApplyRemovesBoilerplate(t *testing.T) {
	paras := []string{
		"{mosads}First body paragraph, long enough to count as the article text here.",
		"Second body paragraph, also long enough to stand as article text on its own.",
		"Third body paragraph: the story goes on, and the reader keeps on reading it.",
		"Tags",
		"Copyright 2024 Example Media Inc. All rights reserved.",
		"Some trailing teaser text that follows the footer and must go with it.",
		"Main Area Top ↴",
	}
	kept, removed := applyTo(t, Builtin(), paras...)
	want := []string{
		"First body paragraph, long enough to count as the article text here.",
		paras[1], paras[2],
	}
	if strings.Join(kept, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q\nwant %q", kept, want)
	}
	ids := map[string]bool{}
	for _, r := range removed {
		ids[r.Rule] = true
	}
	for _, id := range []string{"cms-ad-token", "label-tags", "copyright-footer"} {
		if !ids[id] {
			t.Errorf("no removal by %s in %v", id, removed)
		}
	}
}

func TestCutTailInFirstHalfDropsOnlyItsBlock(t *testing.T) {
	paras := []string{
		"© 2020 Example",
		"A long body paragraph that makes up most of the article and must be kept as it is.",
		"Another long body paragraph that makes up the rest of the article, kept as it is.",
	}
	kept, _ := applyTo(t, Builtin(), paras...)
	if len(kept) != 2 || kept[0] != paras[1] {
		t.Errorf("got %q", kept)
	}
}

func TestUserFile(t *testing.T) {
	s := Builtin()
	err := s.AddYAML("user.yaml", []byte(`
disable: [label-media]
rules:
  - id: site-footer
    kind: cut-tail
    description: example.com footer
    pattern: "About Example.com"
    sites: ["example.com"]
`))
	if err != nil {
		t.Fatal(err)
	}
	kept, _ := applyTo(t, s,
		"Video",
		"A long body paragraph that makes up most of the article and must be kept as it is.",
		"About Example.com", "Contact us")
	if strings.Join(kept, "|") != "Video|A long body paragraph that makes up most of the article and must be kept as it is." {
		t.Errorf("got %q", kept)
	}
	if s.Rules[len(s.Rules)-1].AppliesTo("other.org") {
		t.Error("site-scoped rule applies to another host")
	}
	if !s.Rules[len(s.Rules)-1].AppliesTo("news.example.com") {
		t.Error("site-scoped rule does not apply to a subdomain")
	}
}

func TestFileErrors(t *testing.T) {
	cases := []struct{ name, yaml, want string }{
		{"bad regex", "rules:\n  - id: x\n    kind: drop\n    regex: '(a'\n", `f.yaml:2: rule "x": invalid regex`},
		{"unknown kind", "rules:\n  - id: x\n    kind: zap\n    pattern: a\n", `f.yaml:2: rule "x": unknown kind "zap"`},
		{"missing pattern", "rules:\n  - id: x\n    kind: drop\n", `f.yaml:2: rule "x": missing pattern`},
		{"missing id", "rules:\n  - kind: drop\n    pattern: a\n", `f.yaml:2: missing id`},
		{"duplicate", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n  - id: x\n    kind: drop\n    pattern: b\n", `f.yaml:5: rule "x": duplicate id`},
		{"dup builtin", "rules:\n  - id: label-tags\n    kind: drop\n    pattern: a\n", `f.yaml:2: rule "label-tags": duplicate id`},
		{"unknown field", "rules:\n  - id: x\n    kind: drop\n    patern: a\n", `f.yaml`},
		{"long", "rules:\n  - id: x\n    kind: drop\n    pattern: " + strings.Repeat("a", MaxPatternLength+1) + "\n", "longer than"},
		{"bad selector", "rules:\n  - id: x\n    kind: select\n    selector: 'div[['\n", "invalid selector"},
		{"disable unknown", "disable: [nope]\n", `rule "nope": disable names no known rule`},
		{"not yaml", "rules: [", "f.yaml"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Builtin()
			n := len(s.Rules)
			err := s.AddYAML("f.yaml", []byte(c.yaml))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a FileError", err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if len(s.Rules) != n {
				t.Error("a failed file changed the set")
			}
		})
	}
}
