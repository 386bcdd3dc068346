package textclass

import "slices"

// Thresholds of the block classifier. They are generic: lengths in characters as jusText
// uses them, stop-word densities for the embedded lists (function words only, smaller
// than jusText's lists, so the densities are a little lower).
const (
	lenLow      = 70   // below: a short block, decided by its neighbours
	lenHigh     = 200  // above, with enough stop words: good on its own
	stopLow     = 0.22 // stop-word share below which a block is not prose
	stopHigh    = 0.28 // stop-word share of ordinary prose
	maxLinkRate = 0.25 // share of words inside URLs or e-mail addresses
	linkWords   = 4    // words a URL or address is counted as
	menuItemLen = 40   // average characters between menu separators
	maxNumeric  = 0.34 // share of numbers in a short block that makes it a date, time or count
	copyLen     = 400  // a © sign in a block shorter than this makes it a footer
)

// stopLevels are the stop-word densities that tell prose in one document.
type stopLevels struct {
	known     bool // a stop-word list fits the document
	low, high float64
}

// Prose density: the usual share of stop words in prose with the embedded lists is about
// proseDensity. Languages without articles (Russian, Polish) have less. The levels of a
// document scale with the median density of its likely prose (sentence-ended blocks over
// lenHigh characters, at least minProseBlocks of them), never above the defaults nor
// below minScale of them.
const (
	proseDensity   = 0.42
	minProseBlocks = 3
	minScale       = 0.5
)

// levelsFor returns the stop-word levels of a document.
func levelsFor(bs []Block, known bool) stopLevels {
	lv := stopLevels{known: known, low: stopLow, high: stopHigh}
	if !known {
		return lv
	}
	var ds []float64
	for i := range bs {
		if f := &bs[i].Features; f.Terminal && f.Size() >= lenHigh && f.Words > 0 {
			ds = append(ds, float64(f.Stops)/float64(f.Words))
		}
	}
	if len(ds) < minProseBlocks {
		return lv
	}
	slices.Sort(ds)
	scale := min(1, max(minScale, ds[len(ds)/2]/proseDensity))
	lv.low, lv.high = stopLow*scale, stopHigh*scale
	return lv
}

// initialClass classifies a block from its own features.
func initialClass(f *Features, lv stopLevels) Class {
	if f.Words == 0 || f.Copy && f.Size() < copyLen {
		return Bad
	}
	if f.Links > 0 && float64(f.Links*linkWords) > maxLinkRate*float64(f.Words) {
		return Bad
	}
	if f.Seps >= 2 && f.Size() < menuItemLen*int(f.Seps+1) {
		return Bad
	}
	if isDateline(f) {
		return Bad
	}
	if titleCase(f) && f.Size() >= lenLow {
		return Bad // a menu or a list of names on one line (short ones are left to context)
	}
	if f.Dup || f.Repeats > 1 && f.Size() < lenHigh {
		return Bad // menus and labels come twice; a long text counts once
	}
	known := lv.known && 2*f.Unlisted <= f.Words
	if f.Size() < lenLow {
		return shortClass(f, known)
	}
	if !known {
		return proseWithoutStops(f)
	}
	density := float64(f.Stops) / float64(f.Words)
	switch {
	case density >= lv.high && f.Size() >= lenHigh:
		return Good
	case density >= lv.high || density >= lv.low && f.hasSentence():
		return NearGood
	}
	return Bad
}

// shortClass classifies a block below lenLow characters: left to its neighbours unless it
// cannot be a sentence or a heading of an article.
func shortClass(f *Features, hasLang bool) Class {
	if f.Words <= 8 && float64(f.Numeric) >= maxNumeric*float64(f.Words) {
		return Bad // a date, a time, a counter
	}
	if !f.Terminal && (f.Words <= 2 || hasLang && f.Stops == 0) {
		return Bad // a label, a menu item, a name
	}
	return Short
}

// proseWithoutStops classifies a long block when no stop-word list fits the document:
// sentences end with punctuation, labels and lists do not.
func proseWithoutStops(f *Features) Class {
	switch {
	case f.Terminal && f.Size() >= lenHigh:
		return Good
	case f.hasSentence():
		return NearGood
	}
	return Bad
}

// A dateline is a short line giving a date or a time and little else: the head of a post,
// a comment or a teaser, so never inside the run of one article. A line starting with a
// dash is not one: it attributes a quote or an embedded post within the article. Besides
// the numbers, a dateline with a clock time has at most datelineWords words (a name, "at",
// "said"), one with a date only (a year and a day of the month) datelineWords/2 (a
// weekday, a month, "posted on").
const (
	datelineRunes = 80
	datelineWords = 8
)

func isDateline(f *Features) bool {
	if f.Terminal || f.Dash || f.Runes > datelineRunes {
		return false
	}
	words := f.Words - f.Numeric
	return f.Time && words <= datelineWords || f.Years > 0 && f.Days > 0 && words <= datelineWords/2
}

// titleCaseShare: a line that does not end like a sentence, of at least titleCaseWords
// words, whose words other than stop words start with a capital letter this often, is a
// menu, a list of names or a headline in Title Case. Languages that capitalise nouns or
// have no case stay below it.
const (
	titleCaseShare = 0.9
	titleCaseWords = 4
)

func titleCase(f *Features) bool {
	content := f.Words - f.Stops - f.Numeric
	return !f.Terminal && f.Breaks == 0 && f.Words >= titleCaseWords && content > 0 &&
		float64(f.Caps) >= titleCaseShare*float64(content)
}
