package extract

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/textclass"
	"github.com/cleanhq/clean/rules"
)

// Text turns plain text (for example a scraped page dump) into an Article: one <p> per
// paragraph the block classifier (package textclass) keeps as article text, and as the
// title the heading-like paragraph it finds just before the article. A text of at least
// minLineBlocks lines without any blank line is first tried as a dump with one block per
// line, as some scrapers save pages (unless it looks hard-wrapped); it stays one paragraph
// unless that looks like a dump. With explain, the blocks left out are listed in Removed.
func Text(text string, explain bool) Article {
	paras := Paragraphs(text)
	for i, p := range paras {
		paras[i] = trimLines(p)
	}
	if len(paras) == 1 && len(paras[0]) >= minLineBlocks && !hardWrapped(paras[0]) {
		lines := make([][]string, len(paras[0]))
		for i, l := range paras[0] {
			lines[i] = []string{l}
		}
		if a, dump := article(lines, explain); dump {
			return a
		}
	}
	a, _ := article(paras, explain)
	return a
}

// minLineBlocks is the fewest lines a text without blank lines needs to be tried as a
// dump of one block per line.
const minLineBlocks = 8

// hardWrapped reports whether lines look like prose wrapped at a fixed width rather than
// one block per line: more than a third of them go on in lower case.
func hardWrapped(lines []string) bool {
	lower := 0
	for _, l := range lines {
		if r, _ := utf8.DecodeRuneInString(l); unicode.IsLower(r) {
			lower++
		}
	}
	return 3*lower > len(lines)
}

// article builds the Article from the paragraphs the classifier keeps, and reports
// whether it took them for a page dump.
func article(paras [][]string, explain bool) (Article, bool) {
	joined := make([]string, len(paras))
	for i, p := range paras {
		joined[i] = strings.Join(p, "\n")
	}
	res := textclass.Classify(joined)
	a := Article{Root: newRoot(), Language: res.Language, Candidate: "text-classifier"}
	if res.Title >= 0 {
		a.Title = strings.TrimSpace(joined[res.Title])
	}
	for i, p := range paras {
		switch {
		case res.Blocks[i].Keep:
			a.Root.AppendChild(paragraph(p))
		case explain && i != res.Title:
			a.Removed = append(a.Removed, rules.NewRemoval(ByTextClassifier, joined[i]))
		}
	}
	return a, res.Dump
}

func trimLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimFunc(l, isBlankRune)
	}
	return out
}
