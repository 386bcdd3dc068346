package signals

import "strings"

// gopherQuality computes what GopherQualityFilter.filter looks at.
func (sc *scratch) gopherQuality(s *Signals) {
	var nonSymbol, sumLen, alpha int
	var stop uint8
	for i, w := range sc.words {
		str := sc.word(i)
		symbol, hasAlpha := true, false
		for _, r := range str {
			symbol = symbol && is(r, cGopherPunct)
			hasAlpha = hasAlpha || is(r, cAlpha)
		}
		if !symbol {
			nonSymbol++
			sumLen += int(w.runes)
		}
		if hasAlpha {
			alpha++
		}
		stop |= stopWord(str)
	}
	n, text := len(sc.words), sc.text
	s.GopherTokenCount = n
	s.GopherWordCount = nonSymbol
	s.GopherMeanWordLength = ratio(sumLen, nonSymbol)
	s.GopherHashRatio = ratio(strings.Count(text, "#"), n)
	s.GopherEllipsisRatio = ratio(strings.Count(text, "...")+strings.Count(text, "…"), n)
	s.GopherAlphaWordsRatio = ratio(alpha, n)
	s.GopherStopWords = bitCount(stop)
	sc.gopherLines(s)
}

// gopherLines computes the bullet and ellipsis line ratios over text.splitlines().
func (sc *scratch) gopherLines(s *Signals) {
	var n, bullets, ellipses int
	for l := (lines{s: sc.text}); l.next(); n++ {
		head, tail := lstrip(l.line), rstrip(l.line)
		if strings.HasPrefix(head, "•") || strings.HasPrefix(head, "-") {
			bullets++
		}
		if strings.HasSuffix(tail, "...") || strings.HasSuffix(tail, "…") {
			ellipses++
		}
	}
	s.GopherLines = n
	s.GopherBulletLinesRatio = ratio(bullets, n)
	s.GopherEllipsisLinesRatio = ratio(ellipses, n)
}

// stopWord is the bit of w among Gopher's stop words (case-sensitive, as datatrove's
// set intersection), or 0.
func stopWord(w string) uint8 {
	switch w {
	case "the":
		return 1
	case "be":
		return 2
	case "to":
		return 4
	case "of":
		return 8
	case "and":
		return 16
	case "that":
		return 32
	case "have":
		return 64
	case "with":
		return 128
	}
	return 0
}

func bitCount(b uint8) int {
	n := 0
	for ; b != 0; b &= b - 1 {
		n++
	}
	return n
}
