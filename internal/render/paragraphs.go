package render

import "strings"

// MarkdownParagraphs is Markdown of an article of <p> elements holding these lines of
// text, separated by <br>, without the DOM: each paragraph is gathered as Markdown
// gathers a <p>'s text nodes and line breaks.
func MarkdownParagraphs(paras [][]string) string {
	size := 0
	for _, p := range paras {
		for _, l := range p {
			size += len(l) + 3
		}
	}
	var b strings.Builder
	b.Grow(size)
	for _, p := range paras {
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
