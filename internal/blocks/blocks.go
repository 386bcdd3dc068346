// Package blocks finds the text blocks of an HTML DOM: the innermost block-level elements
// (paragraphs, headings, list items, cells…) that the rule stage and the extractors reason
// about, with their visible text.
package blocks

import (
	"math/bits"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Caption: true, atom.Dd: true, atom.Details: true, atom.Div: true, atom.Dl: true,
	atom.Dt: true, atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Li: true, atom.Main: true, atom.Nav: true, atom.Ol: true,
	atom.P: true, atom.Pre: true, atom.Section: true, atom.Summary: true, atom.Table: true,
	atom.Tbody: true, atom.Td: true, atom.Th: true, atom.Thead: true, atom.Tfoot: true,
	atom.Tr: true, atom.Ul: true, atom.Body: true, atom.Html: true,
}

// invisible elements hold no reader-visible text.
var invisible = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Head: true, atom.Iframe: true, atom.Svg: true, atom.Math: true, atom.Select: true,
	atom.Button: true, atom.Input: true, atom.Textarea: true, atom.Object: true,
}

// IsBlock reports whether n is a block-level element.
func IsBlock(n *html.Node) bool {
	return n.Type == html.ElementNode && blockAtoms[n.DataAtom]
}

// IsInvisible reports whether n is an element whose content a reader never sees.
func IsInvisible(n *html.Node) bool {
	return n.Type == html.ElementNode && invisible[n.DataAtom]
}

// Leaves returns, in document order, the innermost block elements under root that hold
// visible text. Text directly inside a block that also has block children is attached to
// no leaf; callers that need every word use Text on the root.
func Leaves(root *html.Node) []*html.Node {
	var out []*html.Node
	var walk func(n *html.Node) bool // reports whether n contains a block
	walk = func(n *html.Node) bool {
		hasBlock := false
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode || IsInvisible(c) {
				continue
			}
			if walk(c) || IsBlock(c) {
				hasBlock = true
			}
		}
		if IsBlock(n) && !hasBlock && hasVisibleText(n) {
			out = append(out, n)
		}
		return hasBlock
	}
	walk(root)
	return out
}

// hasVisibleText reports whether Text(n) would be non-empty, without building it.
func hasVisibleText(n *html.Node) bool {
	switch {
	case n.Type == html.TextNode:
		return visible(n.Data)
	case IsInvisible(n):
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasVisibleText(c) {
			return true
		}
	}
	return false
}

// Text returns the visible text of n: whitespace runs collapsed to one space, <br> and
// block boundaries as newlines, lines trimmed, no empty lines.
func Text(n *html.Node) string {
	if c := n.FirstChild; c != nil && c.NextSibling == nil && c.Type == html.TextNode &&
		n.Type == html.ElementNode && n.DataAtom != atom.Br && !IsInvisible(n) {
		return TidyLines(c.Data) // one line of text, the common case: no copy
	}
	var b strings.Builder
	appendText(&b, n)
	return TidyLines(b.String())
}

// LinesTexts is Text of each block whose content is the lines of one of paras, separated
// by <br>.
func LinesTexts(paras [][]string) []string {
	texts := JoinEach(nil, paras)
	for i, t := range texts {
		texts[i] = TidyLines(t)
	}
	return texts
}

// LinesTidy reports whether TidyLines leaves the lines joined with newlines as they are:
// none is empty, and none has white space to collapse (or a line break inside).
func LinesTidy(lines []string) bool {
	for _, l := range lines {
		if l == "" || !Collapsed(l) {
			return false
		}
	}
	return true
}

// JoinEach returns the lines of each of paras joined with newlines, as strings.Join would
// join them; the paragraphs of several lines are built in one string. The slice returned
// is dst's memory when it has room.
func JoinEach(dst []string, paras [][]string) []string {
	size := 0
	for _, p := range paras {
		if len(p) > 1 {
			for _, l := range p {
				size += len(l) + 1
			}
		}
	}
	var b strings.Builder
	b.Grow(size) // one buffer: the strings taken from it below share it
	joined := slices.Grow(dst[:0], len(paras))[:len(paras)]
	for i, p := range paras {
		if len(p) < 2 {
			joined[i] = ""
			if len(p) == 1 {
				joined[i] = p[0]
			}
			continue
		}
		start := b.Len()
		for j, l := range p {
			if j > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
		}
		joined[i] = b.String()[start:]
	}
	return joined
}

// LinesVisible is hasVisibleText of a block whose content is these lines of text.
func LinesVisible(lines []string) bool {
	for _, l := range lines {
		if visible(l) {
			return true
		}
	}
	return false
}

// visible reports whether text holds a character other than white space.
func visible(text string) bool {
	return strings.IndexFunc(text, func(r rune) bool { return !isSpace(r) && !unicode.IsSpace(r) }) >= 0
}

func appendText(b *strings.Builder, n *html.Node) {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
		return
	case n.Type == html.ElementNode && n.DataAtom == atom.Br:
		b.WriteByte('\n')
		return
	case IsInvisible(n):
		return
	}
	block := IsBlock(n)
	if block {
		b.WriteByte('\n')
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		appendText(b, c)
	}
	if block {
		b.WriteByte('\n')
	}
}

// TidyLines collapses white space inside each line and drops empty lines.
func TidyLines(s string) string {
	if t := strings.Trim(s, "\n"); linesTidy(t) {
		return t // the common case: no copy
	}
	lines := strings.Split(s, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = CollapseSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

// linesTidy reports whether TidyLines would leave s, without line breaks at its ends, as
// it is: no line is empty, and none has white space to collapse.
func linesTidy(s string) bool {
	for {
		line, rest, more := strings.Cut(s, "\n")
		if line == "" || !Collapsed(line) {
			return false
		}
		if !more {
			return true
		}
		s = rest
	}
}

// CollapseSpace trims s and turns every run of white space (NBSP included) into one space.
func CollapseSpace(s string) string {
	if Collapsed(s) {
		return s // the common case: no copy
	}
	var b strings.Builder
	b.Grow(len(s))
	gap := false
	for _, r := range s {
		if isSpace(r) {
			gap = b.Len() > 0
			continue
		}
		if gap {
			b.WriteByte(' ')
			gap = false
		}
		b.WriteRune(r)
	}
	return b.String()
}

// Collapsed reports whether s has no white space but single ASCII spaces between words
// (CollapseSpace leaves it as it is).
func Collapsed(s string) bool {
	if s != "" && (s[0] == ' ' || s[len(s)-1] == ' ') {
		return false
	}
	for i := SpacedASCII(s); i < len(s); i += SpacedASCII(s[i:]) {
		switch c := s[i]; {
		case c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v':
			return false // a second space in a row, or other white space
		case c < utf8.RuneSelf:
			i++ // another control character
		default:
			r, size := utf8.DecodeRuneInString(s[i:])
			if isSpace(r) {
				return false
			}
			i += size
		}
	}
	return true
}

// The eight-byte reads of PrintableASCII and SpacedASCII (and render's JSON strings):
// ByteOnes and ByteHighs are 0x01 and 0x80 in every byte.
const (
	ByteOnes  = 0x0101010101010101
	ByteHighs = 0x8080808080808080
)

// Load8 reads the first eight bytes of b as a number, the first byte lowest.
func Load8(b string) uint64 {
	b = b[:8] // one bounds check, one load
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

// unprintable8 marks with a high bit the bytes of x that are not printable ASCII (space
// to ~). For an ASCII byte b, b+0x60 has its high bit set when b >= 0x20, and b+1 when
// b = 0x7f; the sums carry only out of bytes beyond ASCII, which x marks itself, into the
// bytes after them. So the lowest mark is exact (the marks after it may not be), and
// bits.TrailingZeros64 finds the first byte that is not printable.
func unprintable8(x uint64) uint64 {
	return (x | (x + ByteOnes) | ^(x + 0x60*ByteOnes)) & ByteHighs
}

// spaces8 marks with a high bit the spaces of x, exactly up to the first byte beyond
// ASCII (as unprintable8).
func spaces8(x uint64) uint64 {
	return ^((x ^ ' '*ByteOnes) + 0x7f*ByteOnes) & ByteHighs
}

// PrintableASCII returns the length of the run of printable ASCII (space to ~) that s
// starts with, reading eight bytes at a time: most text is that, and the byte-by-byte
// checks of what is not (white space, controls, other scripts) need not look at it.
func PrintableASCII(s string) int {
	i := 0
	for ; i+8 <= len(s); i += 8 {
		if m := unprintable8(Load8(s[i : i+8])); m != 0 {
			return i + bits.TrailingZeros64(m)/8
		}
	}
	for ; i < len(s) && s[i] >= 0x20 && s[i] < 0x7f; i++ {
	}
	return i
}

// SpacedASCII is PrintableASCII without two spaces in a row: the run ends before the
// first byte that is not printable ASCII or is a space after a space.
func SpacedASCII(s string) int {
	i, spaces := 0, uint64(0)
	for ; i+8 <= len(s); i += 8 {
		var stops uint64
		if stops, spaces = SpacedStops8(Load8(s[i:i+8]), spaces); stops != 0 {
			return i + bits.TrailingZeros64(stops)/8
		}
	}
	for ; i < len(s) && s[i] >= 0x20 && s[i] < 0x7f && !(s[i] == ' ' && i > 0 && s[i-1] == ' '); i++ {
	}
	return i
}

// SpacedStops8 is SpacedASCII's reading of the eight bytes x after those whose spaces
// were before (SpacedStops8's second result for them, or 0): it marks with a high bit
// each byte of x that is not printable ASCII or is a space after a space (exact up to the
// lowest mark, as unprintable8), and each space of x.
func SpacedStops8(x, before uint64) (stops, spaces uint64) {
	spaces = spaces8(x)
	return unprintable8(x) | spaces&(spaces<<8|before>>56), spaces
}

// SpaceOrSeparator reports whether the character r, beyond Latin-1 or a no-break space,
// is white space for Collapsed or unicode.IsSpace, or the line or paragraph separator:
// U+00A0, U+1680, U+2000 to U+200B, U+2028, U+2029, U+202F, U+205F, U+3000 and U+FEFF.
func SpaceOrSeparator(r rune) bool {
	switch {
	case r >= 0x2000 && r <= 0x205f:
		return r <= 0x200b || r == 0x2028 || r == 0x2029 || r == 0x202f || r == 0x205f
	case r < 0x2000:
		return r == 0xa0 || r == 0x1680
	}
	return r == 0x3000 || r == 0xfeff
}

// MarkdownSpecial marks the bytes Markdown's escaping of text may escape:
// \ ` * _ [ ] | ~ < &.
var MarkdownSpecial = [256]bool{'\\': true, '`': true, '*': true, '_': true, '[': true, ']': true, '|': true, '~': true, '<': true, '&': true}

// IsCJKChar reports whether r is a character that counts as one word: Han, Hiragana,
// Katakana, and the prolonged sound mark of katakana words (コーヒー is four).
func IsCJKChar(r rune) bool {
	return r >= 0x2E80 && (unicode.Is(unicode.Han, r) || unicode.Is(unicode.Hiragana, r) ||
		unicode.Is(unicode.Katakana, r) || r == 'ー')
}

func isSpace(r rune) bool {
	switch r {
	case ' ', '\t', '\n', '\r', '\f', '\v', '\u00a0', '\u2000', '\u2001', '\u2002', '\u2003',
		'\u2004', '\u2005', '\u2006', '\u2007', '\u2008', '\u2009', '\u200a', '\u202f',
		'\u205f', '\u3000', '\u200b', '\ufeff':
		return true
	}
	return false
}

// Remove detaches n from its parent, then removes each ancestor left without visible
// content, stopping at stop (which is never removed).
func Remove(n, stop *html.Node) {
	for n != nil && n != stop && n.Parent != nil {
		parent := n.Parent
		parent.RemoveChild(n)
		if parent == stop || HasContent(parent) {
			return
		}
		n = parent
	}
}

// HasContent reports whether n holds visible text or an image.
func HasContent(n *html.Node) bool {
	if n.Type == html.TextNode {
		return strings.TrimFunc(n.Data, isSpace) != ""
	}
	if n.Type == html.ElementNode && (n.DataAtom == atom.Img || n.DataAtom == atom.Picture || n.DataAtom == atom.Video) {
		return true
	}
	if IsInvisible(n) {
		return false
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if HasContent(c) {
			return true
		}
	}
	return false
}

// Attr returns the value of n's attribute key, or "" when n has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
