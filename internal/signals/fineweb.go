package signals

import "strings"

// FineWebQualityFilter's short_line_length.
const fineWebShortLine = 30

// fineWeb computes what FineWebQualityFilter.filter looks at, over the lines of
// text.split("\n") that are not blank.
func (sc *scratch) fineWeb(s *Signals) {
	var n, punct, short int
	eachLine := func(fn func(string)) {
		for rest, more := sc.text, true; more; {
			var line string
			line, rest, more = strings.Cut(rest, "\n")
			if strip(line) != "" {
				fn(line)
			}
		}
	}
	eachLine(func(line string) {
		n++
		if hasSuffixRune(line, cTerminal) {
			punct++
		}
		if len(line) <= fineWebShortLine || runeCount(line) <= fineWebShortLine {
			short++
		}
	})
	_, dupChars := sc.dups(eachLine)
	newlines := strings.Count(sc.text, "\n")
	s.FineWebLines = n
	s.FineWebLinePunctRatio = ratio(punct, n)
	s.FineWebShortLineRatio = ratio(short, n)
	s.FineWebCharDupRatio = ratio(dupChars, s.Chars-newlines)
	s.FineWebListRatio = ratio(newlines, len(sc.words))
	if n == 0 {
		s.FineWebCharDupRatio, s.FineWebListRatio = 0, 0
	}
}
