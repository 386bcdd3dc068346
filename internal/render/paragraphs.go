package render

import "strings"

// MarkdownParagraphs is Markdown of an article of <p> elements holding these lines of
// text, separated by <br>, without the DOM: each paragraph is gathered as Markdown
// gathers a <p>'s text nodes and line breaks.
func MarkdownParagraphs(paras [][]string) string {
	out := make([]string, 0, len(paras))
	for _, p := range paras {
		var in inline
		for i, l := range p {
			if i > 0 {
				in.lineBreak()
			}
			in.text(l)
		}
		if s := in.paragraph(); s != "" {
			out = append(out, s)
		}
	}
	return strings.Join(out, "\n\n")
}
