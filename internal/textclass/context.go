package textclass

// smooth decides the short and near-good blocks from their neighbours, as jusText does,
// and sets Class on every block: Good, Bad, or NearGood for a near-good block between bad
// ones, which the article span decides.
func smooth(bs []Block) {
	cls := make([]Class, len(bs))
	for i := range bs {
		cls[i] = bs[i].Initial
	}
	promoteProseRuns(cls, bs)
	cls = resolveShort(cls, bs)
	for i, c := range cls {
		bs[i].Class = c
		if c == NearGood && (neighbour(cls, i, -1, true) != Bad || neighbour(cls, i, 1, true) != Bad) {
			bs[i].Class = Good
		}
	}
}

// resolveShort returns cls with every short block made good or bad: good between good
// blocks, bad between bad ones; between a good and a bad one, good next to a near-good
// block or when it is a sentence (at the edge of the article), else bad.
func resolveShort(cls []Class, bs []Block) []Class {
	out := make([]Class, len(cls))
	copy(out, cls)
	for i, c := range cls {
		if c != Short {
			continue
		}
		prev, after := neighbour(cls, i, -1, true), neighbour(cls, i, 1, true)
		switch {
		case prev == Good && after == Good:
			out[i] = Good
		case prev == Bad && after == Bad:
			out[i] = Bad
		case prev == Bad && neighbour(cls, i, -1, false) == NearGood,
			after == Bad && neighbour(cls, i, 1, false) == NearGood,
			isSentence(Short, &bs[i].Features):
			out[i] = Good
		default:
			out[i] = Bad
		}
	}
	return out
}

// Prose runs: an article of short paragraphs has no block long enough to be good on its
// own. A run of at least proseRunBlocks sentences (near-good blocks, or short ones ending
// like a sentence and holding a stop word) between bad or good blocks, with proseRunRunes
// characters in those sentences, is article text all the same.
const (
	proseRunBlocks = 3
	proseRunRunes  = 2 * lenHigh
)

// promoteProseRuns turns the sentences of such runs good.
func promoteProseRuns(cls []Class, bs []Block) {
	start := 0
	for i := 0; i <= len(cls); i++ {
		if i < len(cls) && cls[i] != Bad && cls[i] != Good {
			continue
		}
		n, runes := 0, 0
		for j := start; j < i; j++ {
			if isSentence(cls[j], &bs[j].Features) {
				n++
				runes += bs[j].Size()
			}
		}
		if n >= proseRunBlocks && runes >= proseRunRunes {
			for j := start; j < i; j++ {
				if isSentence(cls[j], &bs[j].Features) {
					cls[j] = Good
				}
			}
		}
		start = i + 1
	}
}

func isSentence(c Class, f *Features) bool {
	return c == NearGood || c == Short && f.hasSentence() && f.Stops > 0
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

// Span weights: a good block counts for its length (Size), a near-good one for
// nearGoodPercent of it, a bad one against it, at least minPenalty characters, so that a
// long menu of one-word items between two good runs splits them.
const (
	minPenalty      = 40
	nearGoodPercent = 50
)

// Datelines split a document into posts (the article, then comments or teasers, each
// headed by a date or time). The article is the first post whose best run weighs at least
// firstPostShare of the heaviest post's: comments and teasers follow the article. A run
// opening the document (starting in its first openingBlocks+1 blocks) is not preferred so,
// only the heaviest run may start there: a dump that starts with prose rather than with
// its menu or title starts with a notice, such as a cookie banner.
const (
	firstPostShare = 0.25
	openingBlocks  = 1
)

// articleSpan returns the article's run of blocks [from, to) by the weights of ruleWeight:
// the heaviest run of the first post that weighs enough (see firstPostShare), or -1, -1
// when no block weighs more than nothing.
func articleSpan(bs []Block) (from, to int) {
	type run struct{ weight, from, to int }
	var runs []run // each post's heaviest (small: the first is on the stack)
	heaviest := 0
	post := newMaxRun(0)
	for i := 0; i <= len(bs); i++ {
		if i < len(bs) && !isDateline(&bs[i].Features) {
			post.add(i, ruleWeight(&bs[i]))
			continue
		}
		if post.from >= 0 {
			runs = append(runs, run{post.weight, post.from, post.to})
			heaviest = max(heaviest, post.weight)
		}
		post = newMaxRun(i + 1)
	}
	for _, r := range runs {
		if r.weight == heaviest || r.from > openingBlocks && float64(r.weight) >= firstPostShare*float64(heaviest) {
			return r.from, r.to
		}
	}
	return -1, -1
}

// ruleWeight is a block's weight in the rule-based span: its size when good, part of it
// when near-good, against it otherwise.
func ruleWeight(b *Block) int {
	switch b.Class {
	case Good:
		return b.Size()
	case NearGood:
		return b.Size() * nearGoodPercent / 100
	}
	return -max(b.Size(), minPenalty)
}

// maxRun finds the run of blocks [from, to) with the highest total weight (Kadane's
// maximum subarray), given the blocks' weights in order with add; from is -1 while no
// block weighs more than nothing. The callers weigh the blocks themselves, so that the
// weight of a block is an inlined call, not a call through a function value.
type maxRun struct {
	weight, from, to int
	sum, start       int // the best run ending at the last block added
}

// newMaxRun starts a maxRun at block lo.
func newMaxRun(lo int) maxRun { return maxRun{from: -1, to: -1, start: lo} }

// add adds block i, of weight w, the block after the last one added.
func (r *maxRun) add(i, w int) {
	if r.sum <= 0 {
		r.sum, r.start = 0, i
	}
	r.sum += w
	if r.sum > r.weight {
		r.weight, r.from, r.to = r.sum, r.start, i+1
	}
}

// Lead: the first paragraphs of an article are often cut from the rest by a picture's
// caption or an advertisement label, too heavy for the span. The span grows backwards
// over prose (near-good or good blocks, short sentences) across at most leadGapBlocks bad
// blocks at a time, and stops at a dateline or a heading.
const leadGapBlocks = 3

// extendLead returns the new start of the article that starts at block from.
func extendLead(blocks []string, bs []Block, from int) int {
	gap := 0
	for j := from - 1; j >= 0 && gap <= leadGapBlocks; j-- {
		f := &bs[j].Features
		switch {
		case isDateline(f) || headingLike(blocks[j], f) && !f.Terminal:
			return from
		case bs[j].Class >= NearGood || bs[j].Initial == Short && isSentence(Short, f):
			from, gap = j, 0
			bs[j].Class = max(bs[j].Class, NearGood)
		default:
			gap++
		}
	}
	return from
}
