package textclass

// smooth decides the short and near-good blocks from their neighbours, as jusText does,
// and sets Class on every block to Good or Bad.
func smooth(bs []Block) {
	cls := make([]Class, len(bs))
	for i := range bs {
		cls[i] = bs[i].Initial
	}
	promoteProseRuns(cls, bs)
	next := make([]Class, len(bs))
	copy(next, cls)
	for i, c := range cls {
		if c != Short {
			continue
		}
		prev, after := neighbour(cls, i, -1, true), neighbour(cls, i, 1, true)
		switch {
		case prev == Good && after == Good:
			next[i] = Good
		case prev == Bad && after == Bad:
			next[i] = Bad
		case prev == Bad && neighbour(cls, i, -1, false) == NearGood,
			after == Bad && neighbour(cls, i, 1, false) == NearGood:
			next[i] = Good
		default:
			next[i] = Bad
		}
	}
	cls, next = next, cls
	copy(next, cls)
	for i, c := range cls {
		if c != NearGood {
			continue
		}
		if neighbour(cls, i, -1, true) == Bad && neighbour(cls, i, 1, true) == Bad {
			next[i] = Bad
		} else {
			next[i] = Good
		}
	}
	for i := range bs {
		bs[i].Class = next[i]
	}
}

// Prose runs: an article of short paragraphs has no block long enough to be good on its
// own. A run of at least proseRunBlocks near-good blocks (short ones between them allowed)
// holding proseRunRunes characters is article text all the same.
const (
	proseRunBlocks = 3
	proseRunRunes  = 2 * lenHigh
)

// promoteProseRuns turns the near-good blocks of such runs good.
func promoteProseRuns(cls []Class, bs []Block) {
	start := 0
	for i := 0; i <= len(cls); i++ {
		if i < len(cls) && cls[i] != Bad && cls[i] != Good {
			continue
		}
		n, runes := 0, 0
		for j := start; j < i; j++ {
			if cls[j] == NearGood {
				n++
				runes += bs[j].Runes
			}
		}
		if n >= proseRunBlocks && runes >= proseRunRunes {
			for j := start; j < i; j++ {
				if cls[j] == NearGood {
					cls[j] = Good
				}
			}
		}
		start = i + 1
	}
}

// neighbour returns the class of the nearest block from i in direction step that is not
// short (nor near-good, when skipNear); the document's edges count as bad.
func neighbour(cls []Class, i, step int, skipNear bool) Class {
	for j := i + step; j >= 0 && j < len(cls); j += step {
		if c := cls[j]; c != Short && !(skipNear && c == NearGood) {
			return c
		}
	}
	return Bad
}

// Span weights: a good block counts for its length, a bad one against it, at least
// minPenalty characters, so that a long menu between two good runs splits them.
const minPenalty = 25

// articleSpan returns the run of blocks [from, to) with the highest total weight
// (Kadane's maximum subarray), or -1, -1 when no block is good.
func articleSpan(bs []Block) (from, to int) {
	best, bestFrom, bestTo := 0, -1, -1
	sum, start := 0, 0
	for i := range bs {
		w := -max(bs[i].Runes, minPenalty)
		if bs[i].Class == Good {
			w = bs[i].Runes
		}
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += w
		if sum > best {
			best, bestFrom, bestTo = sum, start, i+1
		}
	}
	return bestFrom, bestTo
}
