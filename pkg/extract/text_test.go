package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cleanhq/clean/pkg/blocks"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestTextDumps runs the plain-text path on hand-written page dumps in several languages
// (testdata/textclass/*.txtar: sections dump, title, keep and drop). Every keep line must
// be in a kept paragraph, no drop line in a kept paragraph or the title.
func TestTextDumps(t *testing.T) {
	files, err := filepath.Glob("../../testdata/textclass/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test dumps found: %v", err)
	}
	for _, file := range files {
		t.Run(strings.TrimSuffix(filepath.Base(file), ".txtar"), func(t *testing.T) {
			sections := readSections(t, file)
			a := Text(sections["dump"])
			if want := strings.TrimSpace(sections["title"]); a.Title != want {
				t.Errorf("title %q, want %q", a.Title, want)
			}
			var kept []string
			for _, leaf := range blocks.Leaves(a.Root) {
				kept = append(kept, blocks.Text(leaf))
			}
			body := strings.Join(kept, "\n\n")
			for _, line := range lines(sections["keep"]) {
				if !strings.Contains(body, line) {
					t.Errorf("dropped article text %q", line)
				}
			}
			for _, line := range lines(sections["drop"]) {
				if strings.Contains(body, line) || strings.Contains(a.Title, line) {
					t.Errorf("kept boilerplate %q", line)
				}
			}
			if t.Failed() {
				t.Logf("kept:\n%s", body)
			}
		})
	}
}

func readSections(t *testing.T, file string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]string{}
	for _, f := range txtar.Parse(data).Files {
		out[f.Name] = string(f.Data)
	}
	for _, name := range []string{"dump", "title", "keep", "drop"} {
		if strings.TrimSpace(out[name]) == "" {
			t.Fatalf("%s: empty or missing section %q", file, name)
		}
	}
	return out
}

func lines(s string) []string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = strings.TrimSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return out
}
