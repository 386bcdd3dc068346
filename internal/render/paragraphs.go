package render

import (
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// paragraphsMarkdown renders, without the converter, an article that is only paragraphs
// of plain lines (text and <br>, as extract.Text builds them) when no character of them
// could need Markdown escaping: paragraphs apart by a blank line, <br> as two spaces and
// a newline, the same bytes the converter writes. ok is false for anything else, which
// then goes through the converter.
func paragraphsMarkdown(root *html.Node) (md string, ok bool) {
	var b strings.Builder
	for p := root.FirstChild; p != nil; p = p.NextSibling {
		if p.Type != html.ElementNode || p.DataAtom != atom.P || len(p.Attr) > 0 || p.FirstChild == nil {
			return "", false
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		if !writePlainLines(&b, p) {
			return "", false
		}
	}
	return b.String(), b.Len() > 0
}

// writePlainLines writes the lines of paragraph p, or reports false when p holds more
// than text nodes between <br>s or a line that is not plain.
func writePlainLines(b *strings.Builder, p *html.Node) bool {
	lineStart := true
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Br && c.FirstChild == nil && !lineStart:
			b.WriteString("  \n")
			lineStart = true
		case c.Type == html.TextNode && lineStart && plainLine(c.Data):
			b.WriteString(c.Data)
			lineStart = false
		default:
			return false
		}
	}
	return !lineStart
}

// plainLine reports whether the converter would write line unchanged: no Markdown
// punctuation that it escapes (or might: links, emphasis, code, HTML), no whitespace it
// would collapse or trim (spaces and NBSPs only single, inside), nothing at the start that
// reads as a heading, list item or quote.
func plainLine(line string) bool {
	if line == "" || strings.ContainsAny(line[:1], "#+-=>0123456789") {
		return false // a heading, a list item (numbered ones too), a rule, a quote
	}
	prevSpace := true // no leading space
	for _, r := range line {
		switch {
		case r == ' ' || r == '\u00a0':
			if prevSpace {
				return false
			}
			prevSpace = true
			continue
		case r < 0x80 && strings.ContainsRune("*<>\\_`~[]", r),
			r != '\u00a0' && unicode.IsSpace(r), unicode.IsControl(r),
			r == '\ufffd' || unicode.Is(unicode.Cf, r):
			return false
		}
		prevSpace = false
	}
	return !prevSpace // no trailing space
}
