package extract

import (
	"html"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/rogpeppe/go-internal/txtar"
)

// TestTextDumps runs the plain-text path on hand-written page dumps in several languages
// (testdata/textclass/*.txtar: sections dump, title, keep and drop), as written (blocks
// between blank lines) and with one block per line. Every keep line must be in a kept
// paragraph, no drop line in a kept paragraph or the title.
func TestTextDumps(t *testing.T) {
	files, err := filepath.Glob("../../testdata/textclass/*.txtar")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test dumps found: %v", err)
	}
	for _, file := range files {
		name := strings.TrimSuffix(filepath.Base(file), ".txtar")
		sections := readSections(t, file)
		t.Run(name, func(t *testing.T) { checkDump(t, sections, sections["dump"]) })
		// The same page saved with one block per line and no blank lines.
		oneLine := strings.Join(lines(sections["dump"]), "\n")
		t.Run(name+"-lines", func(t *testing.T) { checkDump(t, sections, oneLine) })
	}
}

// TestTextHardWrapped: prose wrapped at a fixed width, without blank lines, stays one
// paragraph, its lines joined again.
func TestTextHardWrapped(t *testing.T) {
	text := `The committee met on Tuesday to discuss the proposal for a new park
on the site of the old gasworks. Members agreed that the land would
need to be cleaned before any work could start, and that the cost of
doing so should be shared with the company that owns the site. Several
residents spoke at the meeting, most of them in favour of the plan,
although some worried about parking and noise in the evenings. The
chairman said that a final decision would be taken in the spring,
after a survey of the soil and a public consultation. Until then the
site will remain closed to the public for safety reasons.`
	a := Text(text, false)
	leaves := blocks.Leaves(a.Root)
	if a.Title != "" || len(leaves) != 1 || blocks.Text(leaves[0]) != strings.ReplaceAll(text, "\n", " ") {
		t.Errorf("hard-wrapped prose changed: title %q, %d paragraphs", a.Title, len(leaves))
	}
}

// checkDump runs Text on dump and checks the title, keep and drop sections.
func checkDump(t *testing.T, sections map[string]string, dump string) {
	t.Helper()
	a := Text(dump, false)
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

// FuzzText: any text, with or without blank lines, becomes an article without a panic;
// every kept paragraph is text of the input, and so is the title.
func FuzzText(f *testing.F) {
	f.Add("Title\n\nA paragraph of the article, long enough to count, ending in a full stop.\n\nHome | News")
	f.Add("one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine")
	f.Add("\r\n\u00a0\n\xff\n\n©")
	f.Fuzz(func(t *testing.T, text string) {
		a := Text(text, false)
		if a.Root == nil {
			t.Fatal("no article root")
		}
		if a.Title != "" && !strings.Contains(text, a.Title) {
			t.Fatalf("title %q is not in the input", a.Title)
		}
	})
}

// TestParagraphsSplit checks Paragraphs against the plain reading of its doc (lines split
// on LF, CR LF or CR, trailing blanks trimmed, runs of lines between blank lines) on every
// text of up to seven characters drawn from letters, spaces, NBSP and line ends, and
// that each paragraph is capped at its own end.
func TestParagraphsSplit(t *testing.T) {
	alphabet := []string{"a", " ", "\n", "\r", "\u00a0"}
	var texts func(prefix string, n int)
	texts = func(prefix string, n int) {
		got, want := Paragraphs(prefix), plainParagraphs(prefix)
		if !reflect.DeepEqual(got, want) {
			t.Fatalf("Paragraphs(%q) = %q, want %q", prefix, got, want)
		}
		for _, p := range got {
			if cap(p) != len(p) {
				t.Fatalf("Paragraphs(%q): paragraph %q has room for %d lines", prefix, p, cap(p))
			}
		}
		if n == 0 {
			return
		}
		for _, c := range alphabet {
			texts(prefix+c, n-1)
		}
	}
	texts("", 7)
}

func plainParagraphs(text string) [][]string {
	text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	var out [][]string
	var para []string
	for _, l := range strings.Split(text, "\n") {
		if l = strings.TrimRightFunc(l, isBlankRune); l != "" {
			para = append(para, l)
			continue
		}
		if para != nil {
			out, para = append(out, para), nil
		}
	}
	if para != nil {
		out = append(out, para)
	}
	if out == nil {
		out = [][]string{}
	}
	return out
}

// TestMayHoldEntity: where mayHoldEntity says no, html.UnescapeString leaves the text as
// it is, for every byte after an & (alone, after another &, and before an entity's end).
func TestMayHoldEntity(t *testing.T) {
	for b := range 256 {
		for _, s := range []string{"&" + string([]byte{byte(b)}), "a & b &" + string([]byte{byte(b)}) + "amp;", "&&" + string([]byte{byte(b)}) + "x;", "x&"} {
			if !mayHoldEntity(s) && html.UnescapeString(s) != s {
				t.Errorf("mayHoldEntity(%q) = false, but UnescapeString makes it %q", s, html.UnescapeString(s))
			}
		}
	}
	for _, s := range []string{"AT&T", "&amp;", "a &#8217; b", "& &lt;"} {
		if !mayHoldEntity(s) {
			t.Errorf("mayHoldEntity(%q) = false", s)
		}
	}
}

// TestTrimRightBlank: trimRightBlank, which decodes no rune when the last byte cannot end
// a blank character, trims what strings.TrimRightFunc with isBlankRune trims: after
// every rune of the first planes and every single byte (invalid UTF-8 included), alone
// and after text, and after runs of blank characters.
func TestTrimRightBlank(t *testing.T) {
	var ends []string
	for r := rune(0); r < 0x10000; r++ {
		ends = append(ends, string(r))
	}
	for b := range 256 {
		ends = append(ends, string([]byte{byte(b)}))
	}
	for _, end := range ends {
		for _, s := range []string{end, "text" + end, "日本" + end, end + " \u00a0", end + "\u200b\ufeff\t"} {
			if got, want := trimRightBlank(s), strings.TrimRightFunc(s, isBlankRune); got != want {
				t.Fatalf("trimRightBlank(%q) = %q, want %q", s, got, want)
			}
		}
	}
}

// TestWidestLine checks widestLine, which counts the runes of a line only when its length
// in bytes leaves the widest line in doubt, against counting every line (widestLineSimple),
// on wrapped paragraphs of ASCII, of two-, three- and four-byte runes and of invalid
// bytes, with lines around the widths where the answer changes.
func TestWidestLine(t *testing.T) {
	runes := []string{"a", "é", "日", "𝄞", "\xff"}
	widths := []int{0, 1, 39, 40, 41, 60, 99, 100, 101, 102, 200, 403, 404, 405}
	for _, r := range runes {
		for _, w := range widths {
			for _, last := range []int{1, 20, w, 101} {
				line := strings.Repeat(r, w)
				for _, paras := range [][][]string{
					{{line, line, strings.Repeat("a", last)}, {line, line, line, "end"}},
					{{strings.Repeat("b", 70), line, "x"}, {strings.Repeat("c", 75), strings.Repeat("d", 80), "y"}, {line}},
					{{line}},
				} {
					if got, want := widestLine(paras), widestLineSimple(paras); got != want {
						t.Errorf("widestLine(%q) = %d, want %d", paras, got, want)
					}
				}
			}
		}
	}
}

// widestLineSimple is widestLine counting the runes of every line.
func widestLineSimple(paras [][]string) int {
	width := 0
	for _, p := range paras {
		for _, l := range p {
			if width = max(width, utf8.RuneCountInString(l)); width > maxWrapWidth {
				return 0
			}
		}
	}
	return width
}
