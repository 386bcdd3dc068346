package render

import (
	"math/bits"
	"net/url"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// inline gathers the inline Markdown of one paragraph (or heading, or table cell): text
// with its white space collapsed, a pending space written only before more content, and
// "\n" for a line break.
type inline struct {
	b     strings.Builder
	space bool   // white space seen and not yet written
	lead  bool   // white space seen before any content
	img   string // the URL of an image just written, with no text after it
	shut  string // the closing marker of an emphasis just written, with nothing after it
}

// write writes Markdown s, after the pending space unless at a line start.
func (in *inline) write(s string) {
	if s == "" {
		return
	}
	if in.space && in.b.Len() > 0 && !strings.HasSuffix(in.b.String(), "\n") {
		in.b.WriteByte(' ')
	}
	in.space = false
	in.img, in.shut = "", ""
	in.b.WriteString(s)
}

// text writes a text node's data: runs of HTML white space become one space.
func (in *inline) text(s string) {
	s = escapeText(s)
	if singleSpaced(s) {
		in.write(s) // what the loop below writes, word by word
		return
	}
	in.b.Grow(len(s) + 1) // one allocation for the node, not one per doubling
	for len(s) > 0 {
		i := strings.IndexFunc(s, isHTMLSpace)
		if i < 0 {
			in.write(s)
			return
		}
		if i > 0 {
			in.write(s[:i])
		}
		in.space = true
		in.lead = in.lead || in.b.Len() == 0
		s = strings.TrimLeftFunc(s[i:], isHTMLSpace)
	}
}

// singleSpaced reports whether s is words separated by single spaces: no other HTML white
// space, none at its ends. Most text nodes of plain text are.
func singleSpaced(s string) bool {
	if s == "" || s[0] == ' ' || s[len(s)-1] == ' ' {
		return false
	}
	for i := blocks.SpacedASCII(s); i < len(s); i += 1 + blocks.SpacedASCII(s[i+1:]) {
		if c := s[i]; c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' {
			return false // a second space in a row, or other HTML white space
		}
	}
	return true
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

// lineBreak ends the current line.
func (in *inline) lineBreak() {
	in.space, in.shut = false, ""
	in.b.WriteByte('\n')
}

// paragraph finishes the content as paragraphs: lines trimmed, what would start a block
// escaped, a line break as two spaces and a newline, two in a row (an empty line) as the
// end of a paragraph.
func (in *inline) paragraph() string {
	var b strings.Builder
	b.Grow(in.b.Len() + 16)
	appendParagraph(&b, in.b.String())
	return b.String()
}

// appendParagraph writes to b the content s as paragraph does.
func appendParagraph(b *strings.Builder, s string) {
	sep, start := "", b.Len()
	for more := true; more; {
		var l string
		l, s, more = strings.Cut(s, "\n")
		if l = strings.Trim(l, " "); l == "" {
			if b.Len() > start {
				sep = "\n\n"
			}
			continue
		}
		b.WriteString(sep)
		writeLine(b, l)
		sep = "  \n"
	}
}

// span renders the children of n on their own and writes them between open and close,
// white space at their edges kept outside the markers.
func (w *mdWriter) span(in *inline, n *html.Node, open, close string) {
	var sub inline
	w.inlineChildren(&sub, n)
	s := sub.b.String()
	lead := sub.lead
	inner := strings.Trim(s, " \n")
	if inner == "" {
		in.space = in.space || lead || sub.space
		return
	}
	// Other white space (a no-break space) at the edges goes outside the markers too: an
	// emphasis cannot start or end with it.
	core := strings.TrimFunc(inner, unicode.IsSpace)
	before, after := inner[:strings.Index(inner, core)], inner[strings.Index(inner, core)+len(core):]
	if first := firstRune(core); unicode.IsPunct(first) || unicode.IsSymbol(first) {
		if prev := lastRune(in.b.String()); !in.space && before == "" && wordRune(prev) {
			open, close = "", "" // it could not open here: the text without emphasis
		}
	}
	in.space = in.space || lead
	if open != "" && open == in.shut && !in.space && before == "" {
		// Two emphases of a kind side by side (<em>b</em><em>y</em>) are one: "*b**y*"
		// would not parse back as the two.
		in.unwrite(len(in.shut))
		open = ""
	}
	in.write(before + open + core + close + after)
	if after == "" {
		in.shut = close
	}
	in.space = sub.space || strings.HasSuffix(s, " ")
}

// unwrite takes the last n bytes written back.
func (in *inline) unwrite(n int) {
	s := in.b.String()
	in.b.Reset()
	in.b.WriteString(s[:len(s)-n])
}

func (w *mdWriter) inlineChildren(in *inline, n *html.Node) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.inline(in, c)
	}
}

// inline renders one node as inline content; a block nested inside inline content (a div
// in a link) is flattened, set apart by a space.
func (w *mdWriter) inline(in *inline, n *html.Node) {
	switch {
	case n.Type == html.TextNode:
		in.text(n.Data)
		return
	case n.Type != html.ElementNode || blocks.IsInvisible(n):
		return
	}
	switch n.DataAtom {
	case atom.Br:
		in.lineBreak()
	case atom.Strong, atom.B:
		w.span(in, n, "**", "**")
	case atom.Em, atom.I, atom.Cite, atom.Dfn, atom.Var:
		w.span(in, n, "*", "*")
	case atom.Del, atom.S, atom.Strike:
		w.span(in, n, "~~", "~~")
	case atom.Code, atom.Kbd, atom.Samp, atom.Tt:
		in.write(codeSpan(PreText(n)))
	case atom.A:
		w.link(in, n)
	case atom.Img:
		w.image(in, n)
	case atom.Wbr:
	default:
		if isBlockNode(n) {
			in.space = true
			w.inlineChildren(in, n)
			in.space = true
			return
		}
		w.inlineChildren(in, n)
	}
}

// codeSpan renders code as a code span, its backtick fence longer than any run inside.
func codeSpan(code string) string {
	code = strings.Join(strings.FieldsFunc(code, isHTMLSpace), " ")
	if code == "" {
		return ""
	}
	fence := strings.Repeat("`", longestRun(code, '`')+1)
	if code[0] == '`' || code[len(code)-1] == '`' {
		code = " " + code + " "
	}
	return fence + code + fence
}

// link renders a link as [text](target); a link without text is left out, one without
// a target keeps its text.
func (w *mdWriter) link(in *inline, n *html.Node) {
	href := strings.TrimSpace(blocks.Attr(n, "href"))
	if href == "" {
		w.inlineChildren(in, n)
		return
	}
	var sub inline
	w.inlineChildren(&sub, n)
	text := strings.Join(strings.Fields(strings.ReplaceAll(sub.b.String(), "\n", " ")), " ")
	if text == "" {
		return
	}
	if strings.HasPrefix(sub.b.String(), " ") {
		in.space = true
	}
	in.write("[" + text + "](" + destination(w.resolve(href)) + ")")
	in.space = sub.space
}

// image renders an img as ![alt](src); the same image right after it (a lazy image's
// <noscript> copy) is left out.
func (w *mdWriter) image(in *inline, n *html.Node) {
	src := strings.TrimSpace(blocks.Attr(n, "src"))
	if src == "" || !safeURL(src) || strings.HasPrefix(strings.ToLower(src), "data:") {
		return
	}
	src = w.resolve(src)
	if in.img == src {
		return
	}
	alt := escapeText(strings.Join(strings.Fields(blocks.Attr(n, "alt")), " "))
	in.write("![" + alt + "](" + destination(src) + ")")
	in.img = src
}

// resolve makes ref absolute against the base URL, leaving it as it is otherwise.
func (w *mdWriter) resolve(ref string) string {
	if w.base == nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil || r.IsAbs() {
		return ref
	}
	return w.base.ResolveReference(r).String()
}

// destination writes a link target as CommonMark reads it back unchanged: in <…> when
// it holds spaces or parentheses, with only what cannot stand there percent-encoded.
func destination(u string) string {
	u = strings.NewReplacer("\n", "%0A", "\r", "%0D", "<", "%3C", ">", "%3E").Replace(u)
	if strings.ContainsAny(u, " ()\\") || u == "" {
		return "<" + strings.ReplaceAll(u, `\`, `%5C`) + ">"
	}
	return u
}

// escapeText escapes what CommonMark or GFM would read as syntax inside a line of text:
// backslashes, emphasis, code, links, tables, strikethrough, HTML tags and entities.
// Characters that cannot start syntax where they stand are left alone (an underscore
// inside a word, a < before a space). Invalid UTF-8 comes out as U+FFFD, as a range loop
// reads it, in a line that has something to escape.
func escapeText(s string) string {
	i := specialAt(s, 0)
	if i == len(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/8 + 1) // room for the escapes of most lines: one allocation
	appendEscaped(&b, s, 0, i)
	return b.String()
}

// appendEscaped writes s[from:] to b escaped as escapeText escapes s, i being the first
// byte of mdSpecial from from on (specialAt).
func appendEscaped(b *strings.Builder, s string, from, i int) {
	if i == len(s) {
		b.WriteString(s[from:])
		return
	}
	start := from
	for ; i < len(s); i = specialAt(s, i+1) {
		if escapes(s, i) {
			writeRunes(b, s[start:i])
			b.WriteByte('\\')
			start = i
		}
	}
	writeRunes(b, s[start:])
}

// escapes reports whether escapeText puts a backslash before s[i], a byte of mdSpecial.
func escapes(s string, i int) bool {
	switch s[i] {
	case '_':
		return !wordRune(lastRune(s[:i])) || !wordRune(firstRune(s[i+1:]))
	case '<':
		next := firstRune(s[i+1:])
		return next == utf8.RuneError || next < unicode.MaxASCII && (unicode.IsLetter(next) || strings.ContainsRune("/!?", next))
	case '&':
		return entityAt(s[i+1:])
	}
	return true // \ ` * [ ] | ~
}

// writeRunes writes s to b as a range loop reads it: invalid UTF-8 as U+FFFD. The pieces
// of a line escapeText writes are cut before ASCII bytes, which no UTF-8 sequence holds,
// so that they read as the whole line does.
func writeRunes(b *strings.Builder, s string) {
	if utf8.ValidString(s) {
		b.WriteString(s)
		return
	}
	for _, r := range s {
		b.WriteRune(r)
	}
}

// mdSpecial marks the bytes escapeText may escape: \ ` * _ [ ] | ~ < & (the table the text
// classifier notes them by, Features.Marks).
var mdSpecial = blocks.MarkdownSpecial

// hasSpecial reports whether s holds a byte of mdSpecial (strings.ContainsAny).
func hasSpecial(s string) bool { return specialAt(s, 0) < len(s) }

// specialAt returns the index of the first byte of mdSpecial in s from i on, or len(s).
// It reads eight bytes at a time: mayBeSpecial8 marks the bytes to look up, most words of
// text have none.
func specialAt(s string, i int) int {
	for ; i+8 <= len(s); i += 8 {
		x := blocks.Load8(s[i : i+8])
		m := mayBeSpecial8(x)
		if x&blocks.ByteHighs != 0 {
			m = blocks.ByteHighs // beyond ASCII the sums carry: look every byte up
		}
		for ; m != 0; m &= m - 1 {
			if j := i + bits.TrailingZeros64(m)/8; mdSpecial[s[j]] {
				return j
			}
		}
	}
	for ; i < len(s) && !mdSpecial[s[i]]; i++ {
	}
	return i
}

// mayBeSpecial8 marks with a high bit the bytes of x, all ASCII, that may be in mdSpecial:
// [ \ ] ^ _ ` (b+0x25 has its high bit set and b+0x1f not), { | } ~ DEL (b+5 has), & * <.
// The sums of ASCII bytes do not carry.
func mayBeSpecial8(x uint64) uint64 {
	const ones = blocks.ByteOnes
	brackets := (x + 0x25*ones) &^ (x + 0x1f*ones)
	above := x + 5*ones
	marks := ((x ^ '&'*ones) + 0x7f*ones) & ((x ^ '*'*ones) + 0x7f*ones) & ((x ^ '<'*ones) + 0x7f*ones)
	return (brackets | above | ^marks) & blocks.ByteHighs
}

// entityAt reports whether s (after an &) starts like a character reference.
func entityAt(s string) bool {
	if strings.HasPrefix(s, "#") {
		return true
	}
	for i, r := range s {
		switch {
		case r == ';':
			return i > 0
		case r > unicode.MaxASCII || !(unicode.IsLetter(r) || unicode.IsDigit(r)):
			return false
		}
	}
	return false
}

func wordRune(r rune) bool {
	return r != utf8.RuneError && (unicode.IsLetter(r) || unicode.IsDigit(r))
}

func firstRune(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

func lastRune(s string) rune {
	if s == "" {
		return utf8.RuneError
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	return r
}

// writeLine writes line l of text to b, escaped where it would start a block: a heading,
// a quote, a list item, a thematic break or setext underline.
func writeLine(b *strings.Builder, l string) {
	if i := lineStartEscape(l); i >= 0 {
		b.WriteString(l[:i])
		b.WriteByte('\\')
		l = l[i:]
	}
	b.WriteString(l)
}

// writeTextLine is writeLine of escapeText(l), written to b without the escaped line in
// between: escapeText puts no backslash before the bytes lineStartEscape reads (digits,
// '.', ')', # > - + = and spaces), nor changes whether l is all one of - + = and spaces,
// so that the line's start is escaped where the escaped line's is (TestWriteTextLine).
func writeTextLine(b *strings.Builder, l string) { writeLineMarked(b, l, true) }

// writeLineMarked is writeTextLine of l, which holds no byte of mdSpecial unless marked
// (then l is not read for them). It reports whether it escaped the line's start.
func writeLineMarked(b *strings.Builder, l string, marked bool) (startEscaped bool) {
	from := 0
	if from = lineStartEscape(l); from >= 0 {
		b.WriteString(l[:from])
		b.WriteByte('\\')
		startEscaped = true
	} else {
		from = 0
	}
	special := len(l)
	if marked {
		special = specialAt(l, from)
	}
	appendEscaped(b, l, from, special)
	return startEscaped
}

// lineStartEscape returns where writeLine puts a backslash in l, or -1.
func lineStartEscape(l string) int {
	switch l[0] {
	case '#', '>':
		return 0
	case '-', '+', '=':
		if len(l) == 1 || l[1] == ' ' || strings.Trim(l, string(l[0])+" ") == "" {
			return 0
		}
	}
	i := 0
	for i < len(l) && i < 10 && l[i] >= '0' && l[i] <= '9' {
		i++
	}
	if i > 0 && i < 10 && i < len(l) && (l[i] == '.' || l[i] == ')') && (i+1 == len(l) || l[i+1] == ' ') {
		return i
	}
	return -1
}

// EscapeLine escapes one line of plain text (a title) for Markdown.
func EscapeLine(s string) string {
	return escapeHeadingEnd(escapeText(strings.Join(strings.Fields(s), " ")))
}
