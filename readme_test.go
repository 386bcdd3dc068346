package clean_test

import (
	"os"
	"strings"
	"testing"
)

// TestREADMEQuotesExamples: every line of the Go code in README's "Use as a library"
// section is a line of the example tests, so that what README shows runs and its output
// is checked.
func TestREADMEQuotesExamples(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	var examples strings.Builder
	for _, f := range []string{"example_test.go", "rules/example_test.go"} {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		examples.Write(data)
	}
	have := map[string]bool{}
	for _, l := range strings.Split(examples.String(), "\n") {
		have[strings.TrimSpace(l)] = true
	}
	_, section, ok := strings.Cut(string(readme), "\n## Use as a library\n")
	if !ok {
		t.Fatal(`README.md has no "Use as a library" section`)
	}
	section, _, _ = strings.Cut(section, "\n## ")
	blocks := strings.Split(section, "```go\n")[1:]
	if len(blocks) < 3 {
		t.Fatalf("the section quotes %d Go blocks, want the examples", len(blocks))
	}
	for _, b := range blocks {
		code, _, _ := strings.Cut(b, "```")
		for _, l := range strings.Split(strings.TrimSpace(code), "\n") {
			if !have[strings.TrimSpace(l)] {
				t.Errorf("README line %q is not in the example tests", l)
			}
		}
	}
}
