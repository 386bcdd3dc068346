package langid

import (
	"math"
	"slices"
	"unicode"
	"unicode/utf8"
)

// MaxBytes is how much of the text Detect looks at: the first MaxBytes bytes
// (cut back to a whole character). Past a few hundred letters the answer
// rarely changes; the cap keeps the cost of a document bounded.
const MaxBytes = 4 << 10

// Early stop: Detect stops reading when, at a check every checkEvery letters,
// the best language leads the runner-up by stopMargin nats.
const (
	checkEvery = 64
	stopMargin = 60
)

// MinScore is the score below which Detect answers "" (unsure).
const MinScore = 0.25

// Costs in 1/costScale nat, added to -ln P(letter | context) when the model of
// a language lacks the trigram (or also the bigram) and falls back on the
// shorter context, and the cost of a letter a language's model never saw.
const (
	backoff0   = 8   // quadrigram -> trigram
	backoff1   = 8   // trigram -> bigram (and, at a word's second letter, bigram -> unigram)
	unseenCost = 128 // letter unknown to the language (16 nats)
)

// Detect returns the ISO 639-1 code of the language of text (one of
// Languages()) and a score in [0,1]: the posterior of that language among
// those written in the same script, times how well the text fits its model
// (random letters fit none), times the share of the letters in that script,
// and lower for very short texts or fewer than 8 different letters. It
// returns "" and the score when the score is below MinScore, and "", 0 when
// text has no letters or its letters are mostly of a script no supported
// language is written in.
//
// Detect looks at the first MaxBytes bytes of text only, and stops earlier
// once a language leads clearly. It is safe for concurrent use, and
// deterministic.
func Detect(text string) (lang string, score float64) {
	if len(text) > MaxBytes {
		text = text[:MaxBytes]
		for len(text) > 0 {
			r, size := utf8.DecodeLastRuneInString(text)
			if r != utf8.RuneError || size != 1 {
				break
			}
			text = text[:len(text)-1] // drop a cut character
		}
	}
	var counts [numScripts]int
	letters := 0
	var distinct [minDistinct]rune // the first different letters
	nd := 0
	for _, r := range text {
		if unicode.IsLetter(r) {
			counts[scriptOf(r)]++
			letters++
			if nd < minDistinct {
				r = unicode.ToLower(r)
				if !slices.Contains(distinct[:nd], r) {
					distinct[nd] = r
					nd++
				}
			}
		}
	}
	if letters == 0 {
		return "", 0
	}
	counts[scHan] += counts[scKana] // decided together
	best := scOther
	for s := scLatin; s < numScripts; s++ {
		if s != scKana && counts[s] > counts[best] {
			best = s
		}
	}
	n := counts[best]
	if best == scOther || n == 0 {
		return "", 0
	}
	// Few different letters ("aaaa", "abab") is no language.
	share := float64(n) / float64(letters) * float64(nd) / minDistinct
	switch best {
	case scLatin, scCyrillic, scArabic, scDevanagari:
		lang, score = detectNgram(text, best)
		score *= share
	case scHan:
		lang = "zh"
		if counts[scKana]*20 >= n { // Japanese writes kana between its kanji
			lang = "ja"
		}
		score = share * lengthFactor(n)
	default:
		lang = scriptLang[best]
		score = share * lengthFactor(n)
	}
	if score < MinScore {
		return "", score
	}
	return lang, score
}

// minDistinct is the number of different letters under which the score is
// scaled down.
const minDistinct = 8

// lengthFactor discounts the score of very short texts.
func lengthFactor(n int) float64 {
	return 1 - math.Exp(-float64(n)/6)
}

// detectNgram scores the words of text written in script sc with the letter
// n-gram model of each language of that script.
func detectNgram(text string, sc script) (string, float64) {
	m := getModel()
	cand := m.candidates[sc]
	var acc [maxLangs]int32 // total cost per model language
	positions := 0
	// Letters of the current word: p3 p2 p1 r, pos letters so far.
	var p1, p2, p3 rune
	pos := 0
	skip := false // the word has a letter of another script
	// For each position, the cost of a language is that of the longest
	// n-gram its model has, plus the fallback costs. The lists are applied
	// from the shortest n-gram to the longest, each overriding the one before
	// for the languages it has: cur[l] is the cost so far at this position if
	// stamp[l] == gen, else unseenCost. acc gets only the differences, so
	// the work is the length of the lists, not the number of candidates.
	var cur [maxLangs]int32
	var stamp [maxLangs]uint32
	gen := uint32(0)
	apply := func(list []uint16, add int32) {
		for _, e := range list {
			l := (e >> 8) & (maxLangs - 1)
			v := int32(e&0xFF) + add
			if stamp[l] == gen {
				acc[l] += v - cur[l]
			} else {
				acc[l] += v - unseenCost
				stamp[l] = gen
			}
			cur[l] = v
		}
	}
	step := func(r rune) {
		gen++
		// -ln P(r | p3 p2 p1), falling back on shorter contexts, each
		// fallback at a cost.
		var u, b, t int32
		switch {
		case pos >= 3:
			t = backoff0
			b = t + backoff1
		case pos == 2:
			b = backoff1
		case pos == 1:
			u = backoff1
		}
		// From the third letter on, a language without the bigram has
		// the letter unseen: falling back on the unigram too would cost
		// a third of the time and change no answer that matters (measured:
		// -0.03 points on sentences). The lookups come first, then the
		// lists: the loads of the randomly placed slots can overlap.
		var lu, lb, lt, lq []uint16
		if pos < 2 {
			lu = m.short.lookup(pack1(r))
		}
		if pos >= 1 {
			lb = m.short.lookup(pack2(p1, r))
		}
		if pos >= 2 {
			lt = m.short.lookup(pack3(p2, p1, r))
		}
		if pos >= 3 {
			if k, ok := pack4(p3, p2, p1, r); ok {
				lq = m.quad.lookup(k)
			}
		}
		apply(lu, u)
		apply(lb, b)
		apply(lt, t)
		apply(lq, 0)
		positions++
	}
	var word []rune
	flush := func() {
		if !skip {
			pos = 0
			for _, r := range word {
				step(r)
				p3, p2, p1 = p2, p1, r
				pos++
			}
		}
		word = word[:0]
		skip = false
	}
	buf := make([]rune, 0, 64)
	word = buf
	// decided tells, every checkEvery letters, whether the best language
	// leads the runner-up by stopMargin: the rest of the text would not
	// change the answer (nor the score much), so Detect stops reading.
	nextCheck := checkEvery
	decided := func() bool {
		if positions < nextCheck {
			return false
		}
		nextCheck = positions + checkEvery
		best, second := int32(math.MaxInt32), int32(math.MaxInt32)
		for _, l := range cand {
			switch a := acc[l]; {
			case a < best:
				best, second = a, best
			case a < second:
				second = a
			}
		}
		return second-best >= stopMargin*costScale
	}
	for _, r := range text {
		if !unicode.IsLetter(r) {
			if len(word) > 0 || skip {
				flush()
				if decided() {
					break
				}
			}
			continue
		}
		if scriptOf(r) != sc {
			skip = true
			continue
		}
		word = append(word, unicode.ToLower(r))
	}
	if len(word) > 0 || skip {
		flush()
	}
	if positions == 0 || len(cand) == 0 {
		return "", 0
	}
	for _, l := range cand {
		acc[l] += int32(positions) * unseenCost
	}
	best := int(cand[0])
	for _, l := range cand[1:] {
		if acc[l] < acc[best] {
			best = int(l)
		}
	}
	// Posterior of the best language among the candidates, the costs
	// divided by temperature since overlapping n-grams are not independent
	// evidence.
	temp := temperature
	if float64(positions) > refLetters {
		temp *= math.Sqrt(float64(positions) / refLetters)
	}
	var sum float64
	for _, l := range cand {
		sum += math.Exp(-float64(acc[l]-acc[best]) / (costScale * temp))
	}
	post := 1 / sum
	perLetter := float64(acc[best]) / costScale / float64(positions)
	fit := (badFit - perLetter) / (badFit - goodFit)
	fit = math.Max(0, math.Min(1, fit))
	return m.langs[best], post * fit
}

// Calibration of the score: the temperature of the posterior, which grows as
// the square root of the number of letters past refLetters (a long text of a
// close pair of languages such as bs/hr gains margin without being any
// clearer); an average cost per letter (nats) of goodFit or less fits fully,
// of badFit or more (random letters) not at all.
const (
	temperature = 4.0
	refLetters  = 100.0
	goodFit     = 3.0
	badFit      = 6.0
)

// Languages returns the ISO 639-1 codes Detect can answer, sorted.
func Languages() []string {
	var out []string
	for _, l := range scriptLang {
		if l != "" {
			out = append(out, l)
		}
	}
	out = append(out, "ja", "zh")
	out = append(out, getModel().langs...)
	slices.Sort(out)
	return out
}
