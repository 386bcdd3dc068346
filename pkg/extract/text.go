package extract

import (
	"strings"
	"unicode/utf8"
)

// maxTitleRunes bounds the length of a first line taken as the title of plain text.
const maxTitleRunes = 150

// Text turns plain text (for example a scraped page dump) into an Article: one <p> per
// paragraph, and a title when the first paragraph is one short line that looks like one.
func Text(text string) Article {
	paras := Paragraphs(text)
	a := Article{Root: newRoot()}
	if len(paras) > 1 && looksLikeTitle(paras[0]) {
		a.Title = strings.TrimSpace(paras[0][0])
		paras = paras[1:]
	}
	for _, p := range paras {
		a.Root.AppendChild(paragraph(trimLines(p)))
	}
	return a
}

// looksLikeTitle: a single line, short, that does not end like a sentence.
func looksLikeTitle(lines []string) bool {
	if len(lines) != 1 {
		return false
	}
	line := strings.TrimSpace(lines[0])
	n := utf8.RuneCountInString(line)
	if n < 3 || n > maxTitleRunes || len(strings.Fields(line)) < 2 {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(line)
	return !strings.ContainsRune(".,;:", last)
}

func trimLines(lines []string) []string {
	out := make([]string, len(lines))
	for i, l := range lines {
		out[i] = strings.TrimFunc(l, isBlankRune)
	}
	return out
}
