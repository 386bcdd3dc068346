package render

import "strings"

// The renderers of plain-text articles: paragraphs of lines, as the pipeline keeps a
// plain text's article, rendered as the DOM of <p>s and <br>s they stand for would be.

// MarkdownParagraphs is Markdown of an article of <p> elements holding these lines of
// text, separated by <br>, without the DOM: each paragraph is gathered as Markdown
// gathers a <p>'s text nodes and line breaks.
func MarkdownParagraphs(paras [][]string) string {
	var b strings.Builder
	b.Grow(linesSize(paras, 3))
	for _, p := range paras {
		if plainLines(p) { // what the inline writer makes of them, written as they are
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			for i, l := range p {
				if i > 0 {
					b.WriteString("  \n")
				}
				writeLine(&b, l)
			}
			continue
		}
		var in inline
		for i, l := range p {
			if i > 0 {
				in.lineBreak()
			}
			in.text(l)
		}
		if s := in.paragraph(); s != "" {
			if b.Len() > 0 {
				b.WriteString("\n\n")
			}
			b.WriteString(s)
		}
	}
	return b.String()
}

// plainLines reports whether the lines of p, each a text of a <p> ended by a <br>, are
// Markdown as they are: no character to escape inside a line, words single-spaced, none
// empty; most paragraphs of plain text are.
func plainLines(p []string) bool {
	for _, l := range p {
		if hasSpecial(l) || !singleSpaced(l) {
			return false
		}
	}
	return len(p) > 0
}

// TextParagraphs is Text of an article of <p> elements holding these lines of text,
// separated by <br>, without the DOM. Each paragraph is tidied on its own: Text's pieces
// between blank lines never span two <p>s, each of which it writes between blank lines.
func TextParagraphs(paras [][]string) string {
	var b strings.Builder
	b.Grow(linesSize(paras, 2))
	n := 0
	for _, p := range paras {
		if len(p) == 0 {
			continue
		}
		raw := textMarks.Replace(p[0])
		if len(p) > 1 {
			lines := make([]string, len(p))
			for i, l := range p {
				lines[i] = textMarks.Replace(l)
			}
			raw = strings.Join(lines, "\n")
		}
		n = appendTidy(&b, raw, n)
	}
	return b.String()
}

// linesSize is the length of the lines of paras, with extra bytes for each line.
func linesSize(paras [][]string, extra int) int {
	n := 0
	for _, p := range paras {
		for _, l := range p {
			n += len(l) + extra
		}
	}
	return n
}
