package extract

import (
	"strings"

	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Article is the extracted article: its body as a DOM and its metadata. Root is an element
// whose children are the body; the title is not part of it.
type Article struct {
	Root      *html.Node
	Title     string
	Byline    string
	SiteName  string
	Published string   // as the page wrote it: RFC 3339 with its offset, else without, or a day
	Modified  string   // likewise, the last modification
	Tags      []string // the page's tags or keywords
	Language  string
	Excerpt   string
	Image     string
	URL       string // canonical URL, else the page URL

	Candidate string          // the candidate extractor whose body this is
	Declared  bool            // the body is a region the page declares as its main content
	Why       string          // why the chooser took this candidate's body (--explain)
	Comments  *html.Node      // with Page.Comments: the reader comments, nil when none
	Removed   []rules.Removal // with Page.Explain: what extraction took out as boilerplate, in document order

	agree agreement // the block model's article: how much of it readability's holds
}

// share is the share of the block model's article that readability's holds.
func (a agreement) share() float64 {
	if a.kept == 0 {
		return 0
	}
	return float64(a.inRead) / float64(a.kept)
}

// minAgreement is the share of each article that the other must hold for the two to agree.
const minAgreement = 0.9

// agrees reports whether the block model's article and readability's hold mostly the
// same text: then readability's, with its finer structure, stands.
func (a agreement) agrees() bool {
	return a.kept > 0 && a.read > 0 && a.share() >= minAgreement && float64(a.inRead) >= minAgreement*float64(a.read)
}

// withinDeclared reports whether the block model's article lies in readability's, and
// readability's in the region the page declares as its article (<article>, <main>,
// articleBody): both then find the same story, and readability's keeps its structure
// (headings, lists, quotes, figures) where the model reads short blocks as not text.
func (a agreement) withinDeclared() bool {
	return a.kept > 0 && a.share() >= minAgreement && float64(a.declared) >= minAgreement*float64(a.read)
}

// agreement is how the block model's article overlaps readability's, in runes.
type agreement struct {
	kept   int // the block model's article
	inRead int // of which readability's article holds

	read     int // readability's article, as found among the page's blocks
	declared int // of which inside a region the page declares (<article>, <main>, articleBody)

	declaresArticle bool // the page declares itself an article (og:type, JSON-LD)
}

// newRoot returns an empty <article> element.
func newRoot() *html.Node {
	return &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article}
}

func element(a atom.Atom) *html.Node {
	return &html.Node{Type: html.ElementNode, Data: a.String(), DataAtom: a}
}

// paragraph builds a <p> holding lines separated by <br>.
func paragraph(lines []string) *html.Node {
	p := element(atom.P)
	for i, l := range lines {
		if i > 0 {
			p.AppendChild(element(atom.Br))
		}
		p.AppendChild(&html.Node{Type: html.TextNode, Data: l})
	}
	return p
}

// Paragraphs splits plain text into paragraphs (runs of lines between blank lines; a line
// of only spaces or NBSP is blank), each a list of lines with trailing space removed.
//
// It reads the text in one pass: the lines are substrings of text, held in one slice that
// the paragraphs share (each capped at its own end). An empty line in that slice marks
// the end of a paragraph, so that the paragraphs are counted, and their slice made to
// size, before they are cut.
func Paragraphs(text string) [][]string { return paragraphs(text, nil) }

// paragraphs is Paragraphs, its memory from mem when mem is not nil.
func paragraphs(text string, mem *textMemory) [][]string {
	if strings.IndexByte(text, '\r') >= 0 {
		text = strings.ReplaceAll(strings.ReplaceAll(text, "\r\n", "\n"), "\r", "\n")
	}
	lines := mem.lineBuf(strings.Count(text, "\n") + 1) // the lines, and one "" after each paragraph
	n := 0
	for text != "" {
		line := text
		if i := strings.IndexByte(text, '\n'); i >= 0 {
			line, text = text[:i], text[i+1:]
		} else {
			text = ""
		}
		if line = trimRightBlank(line); line != "" {
			lines = append(lines, line)
		} else if len(lines) > 0 && lines[len(lines)-1] != "" {
			lines, n = append(lines, ""), n+1
		}
	}
	if len(lines) > 0 && lines[len(lines)-1] != "" {
		n++
	}
	out := mem.paraBuf(n)
	start := 0
	for i, l := range lines {
		if l == "" {
			out = append(out, lines[start:i:i])
			start = i + 1
		}
	}
	if start < len(lines) {
		out = append(out, lines[start:len(lines):len(lines)])
	}
	mem.used(lines, out)
	return out
}

// trimRightBlank removes trailing blank characters (see isBlankRune) from s. It is small
// enough to be inlined for the common cases, an empty line and a line ending in a visible
// character.
func trimRightBlank(s string) string {
	if s != "" && blankEnds[s[len(s)-1]] {
		return trimRightBlankRunes(s)
	}
	return s
}

// trimRightBlankRunes is trimRightBlank of a line that may end in a blank character (not
// inlined, so that trimRightBlank is).
//
//go:noinline
func trimRightBlankRunes(s string) string { return strings.TrimRightFunc(s, isBlankRune) }

// blankEnds marks the bytes that may be the last of a blank character: ASCII space or
// below, or the last byte of NBSP (C2 A0), U+200B (E2 80 8B) or U+FEFF (EF BB BF). The
// lines of other scripts end in other bytes, and need no rune decoded.
var blankEnds = func() (t [256]bool) {
	for c := range t {
		t[c] = c <= ' ' || c == 0xa0 || c == 0x8b || c == 0xbf
	}
	return t
}()

func isBlankRune(r rune) bool {
	return r == ' ' || r == '\t' || r == '\u00a0' || r == '\u200b' || r == '\ufeff' || r == '\f' || r == '\v'
}
