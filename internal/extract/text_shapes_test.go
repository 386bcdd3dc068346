package extract

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
)

// shapes are the ways scrapers save the same page dump, each made from the dump as
// written (a blank line between blocks).
var shapes = map[string]func(string) string{
	// (b) one newline between blocks
	"one-newline": func(s string) string { return strings.Join(lines(s), "\n") },
	// (c) CR LF line ends
	"crlf": func(s string) string { return strings.ReplaceAll(s, "\n", "\r\n") },
	// (d) lines hard-wrapped at 80 columns
	"wrapped-80": func(s string) string {
		var out []string
		for _, l := range strings.Split(s, "\n") {
			out = append(out, wrapLine(l, 80)...)
		}
		return strings.Join(out, "\n")
	},
	// (e) NBSP and trailing spaces around lines
	"nbsp-trailing": func(s string) string {
		var out []string
		for i, l := range strings.Split(s, "\n") {
			switch {
			case l == "" && i%2 == 0:
				out = append(out, " \u00a0 ")
			case l != "":
				out = append(out, "\u00a0"+l+"  \t")
			default:
				out = append(out, l)
			}
		}
		return strings.Join(out, "\n")
	},
	// (f) HTML entities left in by the scraper
	"entities": func(s string) string {
		return strings.NewReplacer("&", "&amp;", "’", "&#8217;", "“", "&ldquo;", "”", "&#x201D;", "\"", "&quot;").Replace(s)
	},
}

// wrapLine cuts l at spaces into lines of at most width characters, as fold -s or fmt do.
func wrapLine(l string, width int) []string {
	var out []string
	for len([]rune(l)) > width {
		r := []rune(l)
		cut := strings.LastIndex(string(r[:width+1]), " ")
		if cut <= 0 {
			break
		}
		out = append(out, l[:cut])
		l = l[cut+1:]
	}
	return append(out, l)
}

// TestTextShapes: the seed sample and every hand-written dump of testdata/textclass give
// the same title and paragraphs in each shape a scraper may save them in.
func TestTextShapes(t *testing.T) {
	pages := map[string]string{}
	seed, err := os.ReadFile("../../testdata/samples/thehill-obama-china.txt")
	if err != nil {
		t.Fatal(err)
	}
	pages["seed"] = string(seed)
	files, _ := filepath.Glob("../../testdata/textclass/*.txtar")
	for _, f := range files {
		pages[strings.TrimSuffix(filepath.Base(f), ".txtar")] = readSections(t, f)["dump"]
	}
	for name, dump := range pages {
		want := textArticle(dump)
		if len(want) < 2 {
			t.Fatalf("%s: no article found in the dump as written: %q", name, want)
		}
		for shape, make := range shapes {
			t.Run(name+"/"+shape, func(t *testing.T) {
				got := textArticle(make(dump))
				if strings.Join(got, "\n\n") != strings.Join(want, "\n\n") {
					t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n\n"), strings.Join(want, "\n\n"))
				}
			})
		}
	}
}

// textArticle returns the title, then the kept paragraphs, of Text on dump.
func textArticle(dump string) []string {
	a := Text(dump, false)
	out := []string{a.Title}
	for _, leaf := range blocks.Leaves(a.Root) {
		out = append(out, blocks.Text(leaf))
	}
	return out
}
