package rules

import (
	"fmt"
	"strings"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
)

// ExampleFailure is one rule example that does not behave as the rule says it should.
type ExampleFailure struct {
	Rule    *Rule
	Example string
	Want    string // "drop" or "keep"
	Line    int    // line of the example in its file, or 0
}

func (f ExampleFailure) String() string {
	verb := "does not match"
	if f.Want == "keep" {
		verb = "matches"
	}
	loc := f.Rule.Origin()
	if f.Line > 0 {
		loc = fmt.Sprintf("%s:%d", f.Rule.File, f.Line)
	}
	return fmt.Sprintf("%s: rule %q %s its %s: example %q", loc, f.Rule.ID, verb, f.Want, f.Example)
}

// TestExamples checks every rule's keep: and drop: examples and returns the failures.
func (s *Set) TestExamples() []ExampleFailure {
	var out []ExampleFailure
	for _, r := range s.Rules {
		for i, ex := range r.DropExamples {
			if !r.matchesExample(ex) {
				out = append(out, ExampleFailure{Rule: r, Example: ex, Want: "drop", Line: lineAt(r.dropLines, i)})
			}
		}
		for i, ex := range r.Keep {
			if r.matchesExample(ex) {
				out = append(out, ExampleFailure{Rule: r, Example: ex, Want: "keep", Line: lineAt(r.keepLines, i)})
			}
		}
	}
	return out
}

// matchesExample reports whether the rule acts on an example block: for select rules the
// example is an HTML fragment that must hold a matching element.
func (r *Rule) matchesExample(example string) bool {
	if r.Kind != Select {
		return r.Matches(example)
	}
	doc, err := html.Parse(strings.NewReader(example))
	if err != nil {
		return false
	}
	return cascadia.Query(doc, r.sel) != nil
}

func lineAt(lines []int, i int) int {
	if i < len(lines) {
		return lines[i]
	}
	return 0
}
