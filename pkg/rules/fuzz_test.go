package rules

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

// FuzzRuleFile feeds arbitrary bytes to the rule-file parser. It must not panic; an error
// must name the file and leave the set as it was; an accepted file's rules must be usable:
// their examples checked and the set applied to a small article. The seed corpus is
// testdata/fuzz/FuzzRuleFile.
func FuzzRuleFile(f *testing.F) {
	f.Add([]byte("rules:\n  - id: x\n    kind: drop\n    pattern: Load more\n    description: d\n    drop: [Load more]\n    keep: [Load more stories about it.]\n"))
	f.Add([]byte("disable: [cms-ad-token]\n"))
	f.Add([]byte("rules:\n  - id: s\n    kind: select\n    selector: 'div.share, nav > a[href^=\"/tag\"]'\n"))
	f.Add([]byte("rules:\n  - &a {id: a, kind: strip, regex: '\\{ad\\}'}\n  - *a\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := Builtin()
		before := len(s.Rules)
		if err := s.AddYAML("fuzz.yaml", data); err != nil {
			if !strings.HasPrefix(err.Error(), "fuzz.yaml") {
				t.Fatalf("error does not name the file: %v", err)
			}
			if len(s.Rules) != before {
				t.Fatalf("failed load changed the set: %d rules, was %d", len(s.Rules), before)
			}
			return
		}
		s.TestExamples()
		page := "<html><body><nav><a href='/tag/x'>x</a></nav><div class=share>Share</div>" +
			"<article><p>{ad}First paragraph.</p><p>Load more</p><p>© 2024 Someone</p></article></body></html>"
		doc, err := html.Parse(strings.NewReader(page))
		if err != nil {
			t.Fatal(err)
		}
		s.RemoveSelected(doc, "www.example.com")
		s.Apply(doc, "www.example.com")
	})
}
