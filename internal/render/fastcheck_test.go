package render

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// variants puts each byte value, and some characters, at several places of ASCII text of
// several lengths, where the eight-byte reads of blocks.PrintableASCII start and end.
func variants() []string {
	var out []string
	inserts := []string{"\u2028", "\u2029", "\u00a0", "\u0085", "é", "日本", "  ", " \n", "\xc2", "\xe2\x80", "\xff"}
	for b := range 256 {
		inserts = append(inserts, string([]byte{byte(b)}))
	}
	for _, n := range []int{0, 1, 7, 8, 9, 15, 16, 17} {
		base := strings.Repeat("ab cd", 4)[:n]
		for _, ins := range inserts {
			for _, at := range []int{0, n / 2, n} {
				out = append(out, base[:at]+ins+base[at:])
			}
		}
	}
	return out
}

func TestIsClean(t *testing.T) {
	for _, s := range variants() {
		if got, want := isClean(s), strings.Map(cleanRune, s) == s; got != want {
			t.Errorf("isClean(%q) = %v, CleanString changes it: %v", s, got, !want)
		}
	}
}

func TestSingleSpaced(t *testing.T) {
	for _, s := range variants() {
		want := s != "" && strings.Join(strings.FieldsFunc(s, isHTMLSpace), " ") == s
		if got := singleSpaced(s); got != want {
			t.Errorf("singleSpaced(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestHasSpecial(t *testing.T) {
	for _, s := range variants() {
		if got, want := hasSpecial(s), strings.ContainsAny(s, "\\`*_[]|~<&"); got != want {
			t.Errorf("hasSpecial(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestWordCountFields: WordCount is its definition, the fields of strings.Fields holding a
// letter or digit, on text without Han, Hiragana or Katakana (counted per character), on
// every byte value at every offset of the eight-byte reads.
func TestWordCountFields(t *testing.T) {
	for _, s := range variants() {
		if strings.ContainsAny(s, "日本") {
			continue
		}
		want := 0
		for _, f := range strings.Fields(s) {
			if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
				want++
			}
		}
		if got := WordCount(s); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestParagraphsAsWritten: a paragraph written as it is (plainLines, tidyLines) comes out
// as the inline writer and Text's tidying make it, for lines of every byte value at every
// offset, one and two lines to a paragraph, after another paragraph and first.
func TestParagraphsAsWritten(t *testing.T) {
	vs := variants()
	for i, a := range vs {
		for _, p := range [][]string{{a}, {a, vs[(i*7)%len(vs)]}, {"Lead.", a}} {
			for _, before := range [][]string{nil, {"First."}} {
				paras := [][]string{p}
				var md, txt strings.Builder
				n := 0
				if before != nil {
					paras = [][]string{before, p}
					appendMarkdown(&md, before)
					n = appendText(&txt, before, n)
				}
				appendMarkdown(&md, p)
				appendText(&txt, p, n)
				if got := MarkdownParagraphs(paras); got != md.String() {
					t.Errorf("MarkdownParagraphs(%q) = %q, want %q", paras, got, md.String())
				}
				if got := TextParagraphs(paras); got != txt.String() {
					t.Errorf("TextParagraphs(%q) = %q, want %q", paras, got, txt.String())
				}
			}
		}
	}
}

// TestCountASCII8: countASCII over eight bytes is its byte loop, from either state, on
// every ASCII byte at every offset of eight bytes of each kind (letter, digit, space,
// other), and on every eight bytes drawn from a letter, a digit, a space, a tab, a
// newline and two marks.
func TestCountASCII8(t *testing.T) {
	check := func(s string) {
		for _, counted := range []bool{false, true} {
			n, c := counted8ByBytes(s, counted)
			if gotN, gotC, read := countASCII(s, 0, counted); gotN != n || gotC != c || read != 8 {
				t.Fatalf("countASCII(%q, 0, %v) = %d, %v, %d, want %d, %v, 8", s, counted, gotN, gotC, read, n, c)
			}
		}
	}
	for _, fill := range []string{"aaaaaaaa", "Z9Z9Z9Z9", "        ", "--------", "a- -a\t.,"} {
		for b := range 128 {
			for at := range 8 {
				check(fill[:at] + string(rune(b)) + fill[at+1:])
			}
		}
	}
	alphabet := "a0 \t\n-("
	var each func(prefix string)
	each = func(prefix string) {
		if len(prefix) == 8 {
			check(prefix)
			return
		}
		for i := range len(alphabet) {
			each(prefix + alphabet[i:i+1])
		}
	}
	each("")
}

// counted8ByBytes is the byte loop of countASCII over s, words counted from 0.
func counted8ByBytes(s string, counted bool) (int, bool) {
	n := 0
	for i := range len(s) {
		switch asciiKind[s[i]] {
		case 1:
			if !counted {
				n++
			}
			counted = true
		case 2:
			counted = false
		}
	}
	return n, counted
}

// TestLinesSimple: a paragraph NewLines finds simple is one both writers would write as
// it is (plainLines, tidyLines), and clean, for lines of every byte value and character
// of variants at every offset, alone and after another line.
func TestLinesSimple(t *testing.T) {
	vs := variants()
	for i, a := range vs {
		for _, p := range [][]string{{a}, {"Lead.", a}, {a, vs[(i*7)%len(vs)]}, {"“Quoted” — text", a}} {
			ls := NewLines([][]string{{"First."}, p})
			if ls.isSimple(1) && (!plainLines(p) || !tidyLines(p) || !linesClean(p)) {
				t.Errorf("%q: simple, but plainLines %v, tidyLines %v, clean %v", p, plainLines(p), tidyLines(p), linesClean(p))
			}
		}
	}
}

// TestLinesClean: when NewLines finds every line clean, Markdown and Text need no
// cleaning, for lines of every byte value and character of variants at every offset,
// alone and after another line, after a paragraph of printable ASCII and of other text.
func TestLinesClean(t *testing.T) {
	vs := variants()
	for i, a := range vs {
		for _, p := range [][]string{{a}, {"Lead.", a}, {a, vs[(i*7)%len(vs)]}, {"“Quoted”  text", a}} {
			for _, first := range []string{"First.", "Übung — “Zitat”"} {
				ls := NewLines([][]string{{first}, p})
				if want := isClean(first) && isClean(strings.Join(p, "\n")); ls.Clean() != want {
					t.Errorf("%q: Clean() = %v, want %v", p, ls.Clean(), want)
				}
				text, words := ls.Text()
				if ls.Clean() && (!isClean(ls.Markdown()) || !isClean(text)) {
					t.Errorf("%q: clean lines, but Markdown %q or Text %q is not", p, ls.Markdown(), text)
				}
				if want := WordCount(text); words != want {
					t.Errorf("%q: Text has %d words, WordCount %d", p, words, want)
				}
			}
		}
	}
}

// TestLinesMany: the flags of paragraphs past the first 64 are kept as those before.
func TestLinesMany(t *testing.T) {
	var paras [][]string
	for i := range 150 {
		paras = append(paras, []string{[]string{"Plain words.", "Two  spaces", "Naïve café", "| a *b*"}[i*7%4]})
	}
	ls := NewLines(paras)
	var md, txt strings.Builder
	n := 0
	for i, p := range paras {
		if _, simple := simpleLines(p); ls.isSimple(i) != simple {
			t.Errorf("paragraph %d %q: isSimple %v", i, p, ls.isSimple(i))
		}
		appendMarkdown(&md, p)
		n = appendText(&txt, p, n)
	}
	text, words := ls.Text()
	if ls.Markdown() != md.String() || text != txt.String() {
		t.Errorf("Markdown or Text of 150 paragraphs differs from the inline writer's")
	}
	if words != WordCount(text) {
		t.Errorf("Text of 150 paragraphs: %d words, WordCount %d", words, WordCount(text))
	}
}

// TestSimpleLine: simpleLine is its definition, and when a line is simple it returns
// its WordCount, on lines of every byte value and character of variants at every offset
// of the eight-byte reads, after ASCII and other text, and on lines of words, marks,
// spaces and characters beyond ASCII whose fields start and end on either side of
// eight-byte boundaries.
func TestSimpleLine(t *testing.T) {
	notSimple := func(r rune) bool {
		return r < 0x20 || r == 0x7f || r != ' ' && (unicode.IsSpace(r) || r == '\u200b' || r == '\ufeff')
	}
	check := func(l string) {
		wantOK := l != "" && l[0] != ' ' && l[len(l)-1] != ' ' && isClean(l) &&
			!strings.Contains(l, "  ") && strings.IndexFunc(l, notSimple) < 0
		want := 0
		if wantOK {
			want = WordCount(l)
		}
		if got, ok := simpleLine(l); got != want || ok != wantOK {
			t.Fatalf("simpleLine(%q) = %d, %v, want %d, %v", l, got, ok, want, wantOK)
		}
	}
	for _, s := range variants() {
		check(s)
		check("Lead-in words: " + s)
		check("Übung “macht” den Meister — " + s)
	}
	pieces := []string{"a", "word", "(a", "-", "\"x\"", "9.5", "--", "e-mail", "|", "  ", "é", "日本", "“a”", "\u00a0", "\u2009", "\u1680"}
	for n := range 24 {
		for _, p := range pieces {
			for _, q := range pieces {
				l := strings.Repeat("x", n%8) + " " + p + " " + q + strings.Repeat(" y", n/8)
				for k := range len(l) + 1 {
					check(l[:k])
					check(l[k:])
				}
			}
		}
	}
}

// escapeTextByRune is escapeText as it was written first, rune by rune: TestEscapeText
// holds the two to the same output.
func escapeTextByRune(s string) string {
	if !strings.ContainsAny(s, "\\`*_[]|~<&") {
		return s
	}
	var b strings.Builder
	for i, r := range s {
		switch r {
		case '\\', '`', '*', '[', ']', '|', '~':
			b.WriteByte('\\')
		case '_':
			if !wordRune(lastRune(s[:i])) || !wordRune(firstRune(s[i+1:])) {
				b.WriteByte('\\')
			}
		case '<':
			next := firstRune(s[i+1:])
			if next == utf8.RuneError || next < unicode.MaxASCII && (unicode.IsLetter(next) || strings.ContainsRune("/!?", next)) {
				b.WriteByte('\\')
			}
		case '&':
			if entityAt(s[i+1:]) {
				b.WriteByte('\\')
			}
		}
		b.WriteRune(r)
	}
	return b.String()
}

// TestEscapeText: escapeText and hasSpecial on every byte value and character of variants
// at every offset, and on each byte after and before a byte beyond ASCII, invalid UTF-8
// and a mark to escape, at every offset of the eight-byte reads.
func TestEscapeText(t *testing.T) {
	check := func(s string) {
		if got, want := escapeText(s), escapeTextByRune(s); got != want {
			t.Fatalf("escapeText(%q) = %q, want %q", s, got, want)
		}
		if got, want := hasSpecial(s), strings.ContainsAny(s, "\\`*_[]|~<&"); got != want {
			t.Fatalf("hasSpecial(%q) = %v, want %v", s, got, want)
		}
	}
	for _, s := range variants() {
		check(s)
		check(s + " a_b <a &amp; *x*")
	}
	for n := range 18 {
		base := strings.Repeat("ab_c d", 3)[:n]
		for b := range 256 {
			for at := range n + 1 {
				for _, ins := range []string{string([]byte{byte(b)}), string([]byte{0xff, byte(b)}), "é" + string([]byte{byte(b)}), string([]byte{byte(b), '*', 0xe2})} {
					check(base[:at] + ins + base[at:])
				}
			}
		}
	}
}

// TestWriteTextLine: writeTextLine is writeLine of the escaped line, on lines of every
// byte value and character of variants at every offset, after each start of a line that
// writeLine escapes or nearly does.
func TestWriteTextLine(t *testing.T) {
	starts := []string{"", "#", ">", "-", "- ", "--", "+", "=", "1.", "1. ", "12)", "1234567890.", "123456789) ", "1*", "*", "_", "<a", "&amp;", "\\", "- - -", "-*"}
	for _, s := range variants() {
		for _, start := range starts {
			l := start + s
			if l == "" {
				continue
			}
			var got, want strings.Builder
			writeTextLine(&got, l)
			writeLine(&want, escapeText(l))
			if got.String() != want.String() {
				t.Fatalf("writeTextLine(%q) = %q, want %q", l, got.String(), want.String())
			}
		}
	}
}
