package clean_test

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/cleanhq/clean"
	"github.com/rogpeppe/go-internal/diff"
)

var update = flag.Bool("update", false, "rewrite the golden .out.md and .out.json files")

const goldenDir = "testdata/golden"

// goldenCase is one testdata/golden/<name>.in.html (or .in.txt) with its expected outputs.
// An optional <name>.url file holds the URL the page is taken to come from, as after a fetch.
type goldenCase struct {
	name, inPath string
}

func goldenCases(t *testing.T) []goldenCase {
	t.Helper()
	var cases []goldenCase
	for _, pattern := range []string{"*.in.html", "*.in.txt"} {
		paths, err := filepath.Glob(filepath.Join(goldenDir, pattern))
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range paths {
			name := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(p), ".html"), ".txt")
			cases = append(cases, goldenCase{name: strings.TrimSuffix(name, ".in"), inPath: p})
		}
	}
	if len(cases) == 0 {
		t.Fatal("no golden cases in " + goldenDir)
	}
	return cases
}

// cleanCase runs the pipeline on a golden input and returns its Markdown and JSON outputs.
func cleanCase(t *testing.T, c goldenCase) (md, js []byte) {
	t.Helper()
	md, js, err := cleanGolden(c)
	if err != nil {
		t.Fatal(err)
	}
	return md, js
}

// cleanGolden is cleanCase for any goroutine: it returns its error.
func cleanGolden(c goldenCase) (md, js []byte, err error) {
	data, err := os.ReadFile(c.inPath)
	if err != nil {
		return nil, nil, err
	}
	in := clean.Input{Name: filepath.Base(c.inPath), Data: data}
	if u, err := os.ReadFile(filepath.Join(goldenDir, c.name+".url")); err == nil {
		in.URL = strings.TrimSpace(string(u))
	}
	doc, err := clean.Clean(context.Background(), in, clean.Options{})
	if err != nil {
		return nil, nil, err
	}
	var m, j bytes.Buffer
	if err := clean.Write(&m, doc, clean.FormatMarkdown, clean.WriteOptions{}); err != nil {
		return nil, nil, err
	}
	if err := clean.Write(&j, doc, clean.FormatJSON, clean.WriteOptions{}); err != nil {
		return nil, nil, err
	}
	return m.Bytes(), j.Bytes(), nil
}

// TestGolden compares the Markdown and JSON of every golden input with its .out.md and
// .out.json; `go test . -update` rewrites them.
func TestGolden(t *testing.T) {
	for _, c := range goldenCases(t) {
		t.Run(c.name, func(t *testing.T) {
			md, js := cleanCase(t, c)
			checkGolden(t, filepath.Join(goldenDir, c.name+".out.md"), md)
			checkGolden(t, filepath.Join(goldenDir, c.name+".out.json"), js)
		})
	}
}

func checkGolden(t *testing.T, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run `go test . -update` to create it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("output differs from %s (- want, + got; `go test . -update` accepts it):\n%s",
			path, goldenDiff(want, got))
	}
}

// goldenDiff shows how got differs from want: for two JSON objects, a line diff of each
// field that differs (long string fields such as markdown split at their newlines);
// otherwise a line diff of the whole.
func goldenDiff(want, got []byte) string {
	var w, g map[string]any
	if json.Unmarshal(want, &w) != nil || json.Unmarshal(got, &g) != nil {
		return string(diff.Diff("want", want, "got", got))
	}
	keys := map[string]bool{}
	for k := range w {
		keys[k] = true
	}
	for k := range g {
		keys[k] = true
	}
	var out strings.Builder
	for _, k := range slices.Sorted(maps.Keys(keys)) {
		if reflect.DeepEqual(w[k], g[k]) {
			continue
		}
		fmt.Fprintf(&out, "field %q:\n%s", k, diff.Diff("want", fieldLines(w[k]), "got", fieldLines(g[k])))
	}
	return out.String()
}

func fieldLines(v any) []byte {
	if v == nil {
		return []byte("(absent)\n")
	}
	if s, ok := v.(string); ok {
		return []byte(s + "\n")
	}
	b, _ := json.Marshal(v)
	return append(b, '\n')
}

// TestDeterministic: cleaning the same input twice gives the same bytes.
func TestDeterministic(t *testing.T) {
	for _, c := range goldenCases(t) {
		md1, js1 := cleanCase(t, c)
		md2, js2 := cleanCase(t, c)
		if !bytes.Equal(md1, md2) || !bytes.Equal(js1, js2) {
			t.Errorf("%s: two runs gave different output", c.name)
		}
	}
}

// TestMarkdownStructureKept: whatever extraction improvements change in the golden
// outputs, the hand-written features page keeps every kind of Markdown structure, with
// relative targets made absolute, and loses its navigation, aside and footer.
func TestMarkdownStructureKept(t *testing.T) {
	md, _ := cleanCase(t, goldenCase{name: "features", inPath: filepath.Join(goldenDir, "features.in.html")})
	out := string(md)
	for _, want := range []string{
		"# How the river town rebuilt its library\n",
		"\n## What was saved\n",
		"\n- About 41,000 books, of 44,500 before the flood\n",
		"\n1. Construction starts in May.\n2. The building",
		"\n| Adult fiction    | 18,200 | 17,650 |\n",
		"\n> A library is the one building in town",
		"\n```\ncatalog export --branch mill-street --format marc > records.mrc\n```\n",
		"[damage report](https://valley-courier.example/reports/flood-damage.pdf)",
		"![Volunteers passing boxes of books](https://valley-courier.example/news/2024/03/images/volunteers.jpg)",
		"[the library office](mailto:library@council.example)",
		"or sign up for updates by e-mail",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %q", want)
		}
	}
	for _, gone := range []string{"javascript", "Flood insurance claims rise", "Privacy", "All rights reserved", "Search", "Opinion"} {
		if strings.Contains(out, gone) {
			t.Errorf("still holds %q", gone)
		}
	}
}

// TestConcurrentClean: Clean shares no parser or other state between calls: cleaning all
// golden inputs at once, twice each, gives the same bytes as one at a time.
func TestConcurrentClean(t *testing.T) {
	cases := goldenCases(t)
	want := make([][]byte, len(cases))
	for i, c := range cases {
		want[i], _ = cleanCase(t, c)
	}
	got := make([][]byte, 2*len(cases))
	var wg sync.WaitGroup
	for i := range got {
		wg.Add(1)
		go func() {
			defer wg.Done()
			var err error
			if got[i], _, err = cleanGolden(cases[i%len(cases)]); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	for i := range got {
		if !bytes.Equal(got[i], want[i%len(cases)]) {
			t.Errorf("%s: concurrent run differs", cases[i%len(cases)].name)
		}
	}
}
