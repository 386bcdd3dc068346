package textclass

import (
	"strings"
	"unicode/utf8"
)

// Title search: a heading sits at most titleWindow blocks before the article (bylines,
// dates and share counters may come between) and is titleMinWords to titleMaxRunes long.
const (
	titleWindow   = 12
	titleMinWords = 2
	titleMaxRunes = 150
)

// findTitle returns the index of the heading of the article that starts at block from:
// the first block of the article itself when it is heading-like, else the heading-like
// block with the most words in the window before it; -1 when there is none.
func findTitle(blocks []string, bs []Block, from int) int {
	if headingLike(blocks[from], &bs[from].Features) && from+1 < len(bs) && bs[from+1].Keep {
		return from
	}
	best := -1
	for i := from - 1; i >= 0 && i >= from-titleWindow; i-- {
		if headingLike(blocks[i], &bs[i].Features) && (best < 0 || bs[i].Words > bs[best].Words) {
			best = i
		}
	}
	return best
}

// headingLike: one line of a few words (or CJK characters), not mostly numbers nor a
// dateline, not ending like a sentence or a clause (a question or exclamation may), no
// separators or links.
func headingLike(text string, f *Features) bool {
	if f.Lines != 1 || f.Words < titleMinWords && f.Wide < 2*titleMinWords ||
		f.Size() > titleMaxRunes || f.Seps > 0 || f.Links > 0 || f.Copy || f.Repeats > 1 ||
		2*f.Numeric > f.Words || isDateline(f) {
		return false
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return !strings.ContainsRune(".,;:。，；：、", last)
}
