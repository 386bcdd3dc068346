package render

import (
	"math/bits"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text renders an article DOM as plain text: one paragraph per block, separated by a blank
// line; <br> gives a line break; white space inside lines is collapsed.
func Text(root *html.Node) string {
	if root == nil {
		return ""
	}
	var b strings.Builder
	b.Grow(textSize(root))
	writeText(&b, root)
	return tidyText(b.String())
}

// tidyText makes the text writeText wrote the article's text: paragraphs (a blank line
// between) with their white space collapsed, code as it is.
func tidyText(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	appendTidy(&b, s, 0)
	return b.String()
}

// appendTidy writes to b the paragraphs of s, tidied as tidyText does, after the n that
// b holds (a blank line between), and returns how many b then holds.
func appendTidy(b *strings.Builder, s string, n int) int {
	for more := true; more; {
		var p string
		p, s, more = strings.Cut(s, "\n\n")
		if code, ok := strings.CutPrefix(p, preMark); ok {
			p = strings.ReplaceAll(code, preLine, "\n")
		} else if p = blocks.TidyLines(p); p == "" {
			continue
		}
		if n > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(p)
		n++
	}
	return n
}

// textSize is about the length of n's text as writeText writes it: its text nodes and
// four bytes for each element, so that the text is built in one allocation.
func textSize(n *html.Node) int {
	size := len(n.Data)
	if n.Type == html.ElementNode {
		size = 4
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		size += textSize(c)
	}
	return size
}

func writeText(b *strings.Builder, n *html.Node) {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(textMarks.Replace(n.Data))
		return
	case n.Type != html.ElementNode && n.Type != html.DocumentNode:
		return
	case n.DataAtom == atom.Br:
		b.WriteString("\n")
		return
	case blocks.IsInvisible(n):
		return
	case n.DataAtom == atom.Pre:
		writePre(b, n)
		return
	case n.DataAtom == atom.Tr:
		writeRow(b, n)
		return
	case n.DataAtom == atom.Table:
		if cells := blocks.LayoutCells(n); cells != nil {
			for _, c := range cells {
				b.WriteString("\n\n")
				writeText(b, c)
				b.WriteString("\n\n")
			}
			return
		}
	case n.DataAtom == atom.Thead || n.DataAtom == atom.Tbody || n.DataAtom == atom.Tfoot:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			writeText(b, c)
		}
		return
	}
	block := blocks.IsBlock(n)
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
	}
	if block {
		b.WriteString("\n\n")
	}
}

// Code keeps its lines in text: a pre is written as one paragraph that starts with
// preMark, its line breaks as preLine, so that Text leaves it as it is. Both are control
// characters, removed from the text nodes.
const (
	preMark = "\x01"
	preLine = "\x02"
)

// The replacers that take the marks out of text nodes (and their line breaks), of code,
// and of table cells.
var (
	textMarks = strings.NewReplacer("\n", " ", preMark, "", preLine, "")
	codeMarks = strings.NewReplacer(preMark, "", preLine, "")
	cellMarks = strings.NewReplacer(preMark, "", preLine, " ")
)

// writePre writes a pre element's lines, trailing white space and blank edge lines cut.
func writePre(b *strings.Builder, n *html.Node) {
	code := codeMarks.Replace(PreText(n))
	lines := strings.Split(strings.Trim(code, "\n"), "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t\r")
	}
	code = strings.Trim(strings.Join(lines, "\n"), "\n")
	if strings.TrimSpace(code) == "" {
		return
	}
	b.WriteString("\n\n" + preMark + strings.ReplaceAll(code, "\n", preLine) + "\n\n")
}

// writeRow starts a line with a table row, its cells separated by " | ", so that a table
// comes out as one paragraph with a line per row. Empty cells (spacers) are left out, and
// a row without text gives nothing.
func writeRow(b *strings.Builder, tr *html.Node) {
	var cells []string
	for c := tr.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
			continue
		}
		var cell strings.Builder
		writeText(&cell, c)
		if text := strings.Join(strings.Fields(cellMarks.Replace(cell.String())), " "); text != "" {
			cells = append(cells, text)
		}
	}
	if len(cells) > 0 {
		b.WriteString("\n" + strings.Join(cells, " | "))
	}
}

// WordCount counts the words of s: its white-space separated fields holding a letter or a
// digit (so that separators such as "|" or "—" are not counted), and every Han, Hiragana
// and Katakana character, as word processors count Chinese and Japanese, which put no
// spaces between words. Korean is written with spaces and counted by its fields.
func WordCount(s string) int {
	n := 0
	counted := false // the current field has been counted (a space starts a new one)
	for i := 0; i < len(s); {
		if s[i] < utf8.RuneSelf { // ASCII, most text: the same cases, by byte, without branches
			var k int
			n, counted, k = countASCII(s[i:], n, counted)
			i += k
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		i += size
		if unicode.IsSpace(r) {
			counted = false
			continue
		}
		n, counted = countRune(r, n, counted)
	}
	return n
}

// countRune is WordCount's step over a character r beyond ASCII that is not white space,
// from n words and the current field's state.
func countRune(r rune, n int, counted bool) (int, bool) {
	switch {
	case blocks.IsCJKChar(r):
		return n + 1, false // "日本text": 日, 本, text
	case !counted && (unicode.IsLetter(r) || unicode.IsDigit(r)):
		return n + 1, true
	}
	return n, counted
}

// countASCII is WordCount over the ASCII bytes s starts with, from n words and the
// current field's state: it returns them after those bytes, and how many bytes it read.
// It reads eight bytes at a time while they are ASCII (countWords8), then by byte.
func countASCII(s string, n int, counted bool) (int, bool, int) {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		x := blocks.Load8(s[i:])
		if x&blocks.ByteHighs != 0 {
			break
		}
		space, word := inRange8(x, '\t', '\r')|inRange8(x, ' ', ' '), alnum8(x) // a high bit per byte
		if m, c, ok := countWords8(space, word, n, counted); ok {
			n, counted = m, c
		} else {
			n, counted = countMarked8(space, word, n, counted)
		}
	}
	c := 0 // counted, as 0 or 1
	if counted {
		c = 1
	}
	for ; i < len(s) && s[i] < utf8.RuneSelf; i++ {
		k := asciiKind[s[i]] // 1: a letter or digit, 2: white space
		n += int(k) & (c ^ 1)
		c = (c | int(k&1)) &^ int(k>>1)
	}
	return n, c == 1, i
}

// countWords8 is countASCII over eight ASCII bytes whose white space and letters or digits
// are the high bits of space and word, in the common case, which ok reports: a letter or
// digit starts a word when the last letter, digit or white space before it (in those
// bytes, or the state they start from) is white space, and most fields start with a
// letter or digit; when every byte after white space (or after the state of a field yet
// without a letter or digit) is one, those bytes are the words' starts. Else the caller
// calls countMarked8. It is small enough to be inlined in the callers' loops.
func countWords8(space, word uint64, n int, counted bool) (int, bool, bool) {
	starts := space<<8 | fresh8(counted)
	return n + bits.OnesCount64(starts), space>>63 == 0, starts&^word == 0
}

// fresh8 is the state of a field, counted or not, as the high bit of a byte before eight:
// set when the field holds no letter or digit yet.
func fresh8(counted bool) uint64 {
	if counted {
		return 0
	}
	return 0x80
}

// countMarked8 is countWords8 in every case, without a branch: a prefix scan of the
// bytes' fields.
func countMarked8(space, word uint64, n int, counted bool) (int, bool) {
	// fresh: after each byte, whether its field holds no letter or digit so far, as the
	// last space or word byte at or before it says (windows of 2, 4, 8)
	in := fresh8(counted)
	fresh, known := space, space|word
	fresh, known = fresh|fresh<<8&^known, known|known<<8
	fresh, known = fresh|fresh<<16&^known, known|known<<16
	fresh, known = fresh|fresh<<32&^known, known|known<<32
	fresh |= ^known & blocks.ByteHighs & -(in >> 7) // no space or word byte yet
	return n + bits.OnesCount64(word&(fresh<<8|in)), fresh>>63 == 0
}

// alnum8 marks with a high bit the ASCII letters and digits of the ASCII bytes x.
func alnum8(x uint64) uint64 {
	return inRange8(x, '0', '9') | inRange8(x|blocks.ByteOnes*0x20, 'a', 'z')
}

// inRange8 marks with its high bit each byte of x (all ASCII) from lo to hi.
func inRange8(x uint64, lo, hi byte) uint64 {
	atLeast := x + blocks.ByteOnes*uint64(0x80-lo)
	above := x + blocks.ByteOnes*uint64(0x7f-hi)
	return atLeast &^ above & blocks.ByteHighs
}

var asciiKind = func() (t [utf8.RuneSelf]uint8) {
	for c := range rune(utf8.RuneSelf) {
		switch {
		case unicode.IsSpace(c):
			t[c] = 2
		case unicode.IsLetter(c) || unicode.IsDigit(c):
			t[c] = 1
		}
	}
	return t
}()
