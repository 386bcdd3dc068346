package render

import (
	"strings"

	"github.com/cleanhq/clean/internal/blocks"
)

// The renderers of plain-text articles: paragraphs of lines, as the pipeline keeps a
// plain text's article, rendered as the DOM of <p>s and <br>s they stand for would be.
// Most paragraphs need none of the writers' work (nothing to escape, collapse or trim):
// those are written as they are, the others as the DOM's <p> would be.

// MarkdownParagraphs is Markdown of an article of <p> elements holding these lines of
// text, separated by <br>, without the DOM: each paragraph is gathered as Markdown
// gathers a <p>'s text nodes and line breaks.
func MarkdownParagraphs(paras [][]string) string {
	var b strings.Builder
	b.Grow(linesSize(paras, 3))
	for _, p := range paras {
		if !plainLines(p) {
			appendMarkdown(&b, p)
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		for i, l := range p {
			if i > 0 {
				b.WriteString("  \n")
			}
			writeLine(&b, escapeText(l))
		}
	}
	return b.String()
}

// appendMarkdown writes the Markdown of the <p> of lines p to b, as the inline writer
// gathers it.
func appendMarkdown(b *strings.Builder, p []string) {
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

// plainLines reports whether the lines of p, each a text of a <p> ended by a <br>, are
// Markdown once escaped: words single-spaced, none empty (escaping adds no space).
func plainLines(p []string) bool {
	for _, l := range p {
		if !singleSpaced(l) {
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
		if !tidyLines(p) {
			n = appendText(&b, p, n)
			continue
		}
		if n > 0 {
			b.WriteString("\n\n")
		}
		for i, l := range p {
			if i > 0 {
				b.WriteByte('\n')
			}
			b.WriteString(l)
		}
		n++
	}
	return b.String()
}

// appendText writes the text of the <p> of lines p to b, after the n pieces b holds, as
// Text tidies it, and returns how many pieces b then holds.
func appendText(b *strings.Builder, p []string, n int) int {
	if len(p) == 0 {
		return n
	}
	raw := textMarks.Replace(p[0])
	if len(p) > 1 {
		lines := make([]string, len(p))
		for i, l := range p {
			lines[i] = textMarks.Replace(l)
		}
		raw = strings.Join(lines, "\n")
	}
	return appendTidy(b, raw, n)
}

// tidyLines reports whether the lines of p are text as they are: none empty, none with
// white space to collapse or trim (blocks.Collapsed), none with a mark to take out.
func tidyLines(p []string) bool {
	for _, l := range p {
		if !tidyLine(l) {
			return false
		}
	}
	return len(p) > 0
}

func tidyLine(l string) bool {
	switch {
	case l == "":
		return false
	case blocks.SpacedASCII(l) == len(l): // printable ASCII, most lines: no mark in it
		return l[0] != ' ' && l[len(l)-1] != ' '
	}
	return blocks.Collapsed(l) && strings.IndexByte(l, preMark[0]) < 0 && strings.IndexByte(l, preLine[0]) < 0
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
