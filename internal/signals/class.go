package signals

import "sort"

// rng is an inclusive range of code points.
type rng struct{ lo, hi rune }

// class is a bit set of the character classes of tables_gen.go.
type class uint16

const (
	cSpace        class = 1 << iota // Python str.isspace
	cAlpha                          // Python str.isalpha
	cWord                           // Python re \w
	cDigit                          // Python re \d
	cPunctCat                       // Unicode category P*
	cGopherPunct                    // datatrove PUNCTUATION_SET
	cTerminal                       // datatrove TERMINAL_PUNCTUATION
	cSentPunct                      // spaCy sentencizer punct_chars
	cIcon                           // spaCy ICONS
	cA                              // spaCy ALPHA
	cALower                         // spaCy ALPHA_LOWER
	cAUpper                         // spaCy ALPHA_UPPER
	cLowerQuote                     // spaCy ALPHA_LOWER + CONCAT_QUOTES
	cUpperQuote                     // spaCy ALPHA_UPPER + CONCAT_QUOTES
	cSufDotBefore                   // what may stand before a suffix "." (spaCy suffix rule)
	nClasses      = iota
)

var classRanges = [nClasses][]rng{
	pySpaceRanges, pyAlphaRanges, pyWordRanges, pyDigitRanges, punctCatRanges,
	gopherPunctRanges, terminalPunctRanges, sentPunctRanges, iconRanges, alphaRanges,
	alphaLowerRanges, alphaUpperRanges, lowerQuoteRanges, upperQuoteRanges, sufDotBeforeRanges,
}

// bmp holds the classes of every code point below 0x10000; the rest are looked up in
// classRanges.
var bmp = buildBMP()

func buildBMP() *[0x10000]class {
	t := new([0x10000]class)
	for i, rs := range classRanges {
		for _, r := range rs {
			for c := r.lo; c <= r.hi && c < 0x10000; c++ {
				t[c] |= 1 << i
			}
		}
	}
	return t
}

// is reports whether r is in every class of c (c is a single class in practice).
func is(r rune, c class) bool {
	if uint32(r) < 0x10000 {
		return bmp[r]&c != 0
	}
	return isAstral(r, c)
}

func isAstral(r rune, c class) bool {
	return r >= 0 && inRanges(r, classRanges[classIndex(c)])
}

func classIndex(c class) int {
	i := 0
	for c > 1 {
		c >>= 1
		i++
	}
	return i
}

func inRanges(r rune, rs []rng) bool {
	i := sort.Search(len(rs), func(i int) bool { return rs[i].hi >= r })
	return i < len(rs) && rs[i].lo <= r
}
