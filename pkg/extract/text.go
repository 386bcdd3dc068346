package extract

import (
	"strings"

	"github.com/cleanhq/clean/pkg/textclass"
)

// Text turns plain text (for example a scraped page dump) into an Article: one <p> per
// paragraph the block classifier (package textclass) keeps as article text, and as the
// title the heading-like paragraph it finds just before the article.
func Text(text string) Article {
	paras := Paragraphs(text)
	joined := make([]string, len(paras))
	for i, p := range paras {
		paras[i] = trimLines(p)
		joined[i] = strings.Join(paras[i], "\n")
	}
	res := textclass.Classify(joined)
	a := Article{Root: newRoot()}
	if res.Title >= 0 {
		a.Title = strings.TrimSpace(joined[res.Title])
	}
	for i, p := range paras {
		if res.Blocks[i].Keep {
			a.Root.AppendChild(paragraph(p))
		}
	}
	return a
}

func trimLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimFunc(l, isBlankRune)
	}
	return out
}
