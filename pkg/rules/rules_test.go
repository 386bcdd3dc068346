package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
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
	long := strings.Repeat("a", MaxPatternLength+1)
	cases := []struct {
		name, yaml string
		line       int
		id, want   string
	}{
		{"invalid regex", "rules:\n  - id: x\n    kind: drop\n    regex: '(a'\n", 2, "x", `invalid regex "(a": missing closing )`},
		{"look-ahead is not RE2", "rules:\n  - id: x\n    kind: drop\n    regex: '(?=a)b'\n", 2, "x", "patterns are RE2"},
		{"back-reference is not RE2", "rules:\n  - id: x\n    kind: drop\n    regex: '(a)\\1'\n", 2, "x", "invalid regex"},
		{"unknown kind", "rules:\n  - id: x\n    kind: zap\n    pattern: a\n", 2, "x", `unknown kind "zap" (want one of strip, drop, cut-tail, cut-head, select)`},
		{"missing kind", "rules:\n  - id: x\n    pattern: a\n", 2, "x", "missing kind"},
		{"missing pattern", "rules:\n  - id: x\n    kind: drop\n", 2, "x", "missing pattern"},
		{"empty pattern", "rules:\n  - id: x\n    kind: drop\n    pattern: ''\n", 2, "x", "missing pattern"},
		{"pattern and regex", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    regex: b\n", 2, "x", "both pattern and regex"},
		{"missing id", "rules:\n  - kind: drop\n    pattern: a\n", 2, "", "missing id"},
		{"bad id", "rules:\n  - id: 'my rule'\n    kind: drop\n    pattern: a\n", 2, "my rule", "letters, digits"},
		{"duplicate id in file", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n  - id: x\n    kind: drop\n    pattern: b\n", 5, "x", "duplicate id (already defined at line 2)"},
		{"duplicate of a built-in", "rules:\n  - id: label-tags\n    kind: drop\n    pattern: a\n", 2, "label-tags", "duplicate id (already defined at builtin.yaml:"},
		{"unknown field", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    case_sensitve: true\n", 5, "x", `unknown field "case_sensitve"`},
		{"misspelt pattern", "rules:\n  - id: x\n    kind: drop\n    patern: a\n", 4, "x", `unknown field "patern"`},
		{"unknown top-level field", "rule:\n  - id: x\n", 1, "", `unknown field "rule" (want rules or disable)`},
		{"field twice", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    pattern: b\n", 5, "x", `field "pattern" given twice`},
		{"wrong type", "rules:\n  - id: x\n    kind: [drop]\n    pattern: a\n", 3, "x", "kind: want text, not a list"},
		{"bad bool", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    case_sensitive: maybe\n", 5, "x", "want true or false"},
		{"rule not a mapping", "rules:\n  - just text\n", 2, "", "a rule must be a mapping"},
		{"rules not a list", "rules: 3\n", 1, "", "want a list of rules"},
		{"YAML syntax", "rules:\n  - id: x\n    kind: drop\n   pattern: [a\n", 1, "", "YAML syntax"},
		{"tab indentation", "rules:\n\t- id: x\n", 2, "", "YAML syntax"},
		{"two documents", "rules: []\n---\nrules: []\n", 2, "", "more than one YAML document"},
		{"alias", "rules:\n  - id: x\n    kind: drop\n    pattern: &p a\n    keep: [*p]\n", 5, "x", "aliases are not supported"},
		{"pattern too long", "rules:\n  - id: x\n    kind: drop\n    pattern: " + long + "\n", 2, "x", fmt.Sprintf("pattern longer than %d bytes", MaxPatternLength)},
		{"regex too long", "rules:\n  - id: x\n    kind: strip\n    regex: " + long + "\n", 2, "x", "longer than"},
		{"huge repeat", "rules:\n  - id: x\n    kind: drop\n    regex: 'a{5000}'\n", 2, "x", "invalid repeat count"},
		{"strip matching nothing", "rules:\n  - id: x\n    kind: strip\n    regex: 'a*'\n", 2, "x", "matches empty text"},
		{"invalid selector", "rules:\n  - id: x\n    kind: select\n    selector: 'div[['\n", 2, "x", "invalid selector"},
		{"select with pattern", "rules:\n  - id: x\n    kind: select\n    pattern: a\n", 2, "x", "takes selector:, not pattern:"},
		{"selector on drop", "rules:\n  - id: x\n    kind: drop\n    selector: div\n", 2, "x", "selector: is only for kind select"},
		{"bad site", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    sites: ['https://example.com/']\n", 2, "x", "not a host name or host glob"},
		{"bad site glob", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    sites: ['[example.com']\n", 2, "x", "not a host name or host glob"},
		{"disable unknown id", "disable: [nope]\n", 1, "nope", "disable: no rule has this id"},
		{"disable not text", "disable:\n  - {id: x}\n", 2, "", "disable: every item must be text"},
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
			if fe.File != "f.yaml" || fe.Line != c.line || fe.RuleID != c.id {
				t.Errorf("located at %s:%d rule %q, want f.yaml:%d rule %q (%v)", fe.File, fe.Line, fe.RuleID, c.line, c.id, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
			if len(s.Rules) != n {
				t.Error("a failed file changed the set")
			}
		})
	}
}

func TestAddFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		filepath.Join(dir, "missing.yaml"): "missing.yaml: no such file or directory",
		big:                                "big.yaml: larger than",
	} {
		err := (&Set{}).AddFile(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("AddFile(%s) = %v, want %q", name, err, want)
		}
	}
}

func TestEmptyFiles(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n", "rules:\n", "rules: []\ndisable: []\n"} {
		s := &Set{}
		if err := s.AddYAML("f.yaml", []byte(data)); err != nil || len(s.Rules) != 0 {
			t.Errorf("%q: got %v and %d rules", data, err, len(s.Rules))
		}
	}
}
