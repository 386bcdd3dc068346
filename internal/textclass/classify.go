package textclass

import (
	"hash/maphash"
	"strings"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/model"
)

// Class is what a block is taken for.
type Class int8

// The classes, as in jusText: Good is article text, Bad is boilerplate, Short and NearGood
// are undecided until their neighbours are known.
const (
	Bad Class = iota
	Short
	NearGood
	Good
)

func (c Class) String() string {
	switch c {
	case Good:
		return "good"
	case NearGood:
		return "near-good"
	case Short:
		return "short"
	}
	return "bad"
}

// Block is the verdict on one block.
type Block struct {
	Features
	Initial Class   // from the block alone
	Class   Class   // after context: Good, Bad, or NearGood when only bad blocks surround it
	Keep    bool    // good or near-good, inside the article span, and not the title
	Prob    float64 // the learned model's probability of article text (page dumps only)
	post    int32   // datelines before the block (see isDateline)
}

// Result is the verdict on a document.
type Result struct {
	Language string  // code of the language picked for stop words, "" when none fits
	Blocks   []Block // one per input block, in order
	Title    int     // index of the block taken as the title, -1 when none
	Dump     bool    // the blocks look like a page dump: only the article is kept

	buf buffer[Block] // Blocks' memory, from blocksPool (see Release)
}

// blocksPool holds the verdicts of a document's blocks, reused across documents (a dump's
// blocks take a hundred bytes each), up to 20,000 blocks.
var blocksPool = bufferPool[Block]{max: 20_000}

// Release gives the memory of r.Blocks back for the next document; r.Blocks, and what
// points into it, are not to be used after. A Result not released is collected as any.
func (r *Result) Release() {
	blocksPool.put(r.buf)
	r.Blocks, r.buf = nil, buffer[Block]{}
}

// Classify sorts the blocks of one document (paragraphs, in order) into article and
// boilerplate. When no block is good and most of the text is not bad, every block is kept
// (the input is then not a page dump but a short note, and there is nothing to cut) and a
// heading-like first block is the title.
func Classify(blocks []string) Result {
	return classify(blocks, embeddedLinear())
}

// ClassifyWith is Classify with the block model m (nil: the rules alone decide).
func ClassifyWith(blocks []string, m *model.Logistic) Result {
	return classify(blocks, foldModel(m))
}

func classify(blocks []string, m *linear) Result {
	res, span := classifyRules(blocks)
	if m != nil && res.Dump {
		applyModel(blocks, &res, span, m)
	}
	return res
}

// classifyRules is the rule-based pass, and the article span it chose.
func classifyRules(blocks []string) (Result, ruleVerdict) {
	res := Result{buf: blocksPool.get(len(blocks)), Title: -1}
	res.Blocks = res.buf.s
	reps := findRepeats(blocks)
	defer reps.release()
	lang := measure(blocks, res.Blocks, reps.first)
	if lang >= 0 {
		res.Language = languages[lang]
	}
	countRepeats(res.Blocks, reps)
	lv := levelsFor(res.Blocks, lang >= 0)
	post := int32(0)
	for i := range res.Blocks {
		res.Blocks[i].Initial = initialClass(&res.Blocks[i].Features, lv)
		if isDateline(&res.Blocks[i].Features) {
			post++
		}
		res.Blocks[i].post = post
	}
	smooth(res.Blocks)
	from, to := articleSpan(res.Blocks)
	if from < 0 || !looksLikeDump(res.Blocks) {
		for i := range res.Blocks {
			res.Blocks[i].Keep = true
		}
		if len(blocks) > 1 && headingLike(blocks[0], &res.Blocks[0].Features) {
			res.Title, res.Blocks[0].Keep = 0, false
		}
		return res, ruleVerdict{-1, -1}
	}
	res.Dump = true
	from = extendLead(blocks, res.Blocks, from)
	for i := from; i < to; i++ {
		res.Blocks[i].Keep = res.Blocks[i].Class >= NearGood
	}
	res.Title = findTitle(blocks, res.Blocks, from)
	if res.Title >= 0 {
		res.Blocks[res.Title].Keep = false
	}
	return res, ruleVerdict{from, to}
}

// looksLikeDump reports whether the blocks hold boilerplate to cut: some block is good on
// its own, or most of the text is bad.
func looksLikeDump(bs []Block) bool {
	bad, all := 0, 0
	for _, b := range bs {
		if b.Class == Good {
			return true
		}
		if b.Class == Bad {
			bad += b.Size()
		}
		all += b.Size()
	}
	return 2*bad > all
}

// measure fills in the features of every block and returns the index of the document's
// language in languages, or -1. The language is decided on the document's prose (blocks
// of lenLow characters or more with a sentence break) when it holds minProseWords words,
// else on all its words. A block with the text of an earlier one, first[i] (see
// findRepeats), as menus and share buttons repeat, takes its features without a second
// reading.
func measure(blocks []string, out []Block, first []int32) int {
	sc := scanner{idx: loadStopwords()}
	buf := hitsPool.get(len(blocks))
	defer hitsPool.put(buf)
	hits := buf.s // what the blocks' lanes could not hold, most often nothing
	lbuf := lanesPool.getDirty(len(blocks))
	defer lanesPool.put(lbuf)
	lanes := lbuf.s // the blocks' hits in lanes (scanner.takeLanes)
	var all, prose laneSums
	allWords, proseWords := 0, 0
	for i, b := range blocks {
		full := false // a lane filled: hits[i] holds hits
		if j := first[i]; int(j) != i && blocks[j] == b {
			out[i].Features, lanes[i], hits[i] = out[j].Features, lanes[j], hits[j]
			full = hits[i] != [numLangs]int32{}
		} else {
			out[i].Features = sc.scan(b, &hits[i])
			lanes[i], full = sc.takeLanes(), sc.hit
		}
		f := &out[i].Features
		allWords += int(f.Words)
		all.add(lanes[i])
		isProse := f.hasSentence() && f.Size() >= lenLow
		if isProse {
			proseWords += int(f.Words)
			prose.add(lanes[i])
		}
		if full {
			all.addHits(&hits[i])
			if isProse {
				prose.addHits(&hits[i])
			}
		}
	}
	all.flush()
	prose.flush()
	lang := pickLanguage(&all.totals, allWords, minLangShare)
	if proseWords >= minProseWords {
		lang = pickLanguage(&prose.totals, proseWords, minProseShare)
	}
	if lang >= 0 {
		for i := range out {
			out[i].Stops = hits[i][lang] + int32(lanes[i]>>(laneBits*lang)&laneMax)
		}
	}
	return lang
}

// lanesPool holds measure's lanes of hits per block, up to 20,000 blocks.
var lanesPool = bufferPool[uint64]{max: 20_000}

// hitsPool holds the per-block stop-word hits of measure, up to 20,000 blocks.
var hitsPool = bufferPool[[numLangs]int32]{max: 20_000}

// Stop words say nothing about a text when the best list has fewer than minLangHits hits,
// or covers less than minProseShare of the words of prose (minLangShare of all words, when
// menus and labels are most of them). Prose in a listed language has 20 to 50% stop words.
const (
	minLangHits   = 3
	minLangShare  = 0.05
	minProseShare = 0.12
	minProseWords = 30
)

// pickLanguage returns the language with the most stop-word hits, or -1 when it has too
// few of them or less than minShare of words.
func pickLanguage(total *[numLangs]int32, words int, minShare float64) int {
	best := -1
	for l := range languages {
		if best < 0 || total[l] > total[best] {
			best = l
		}
	}
	if best < 0 || total[best] < minLangHits || float64(total[best]) < minShare*float64(words) {
		return -1
	}
	return best
}

// DetectLanguage returns the code of the shipped stop-word list that fits the prose text
// best, or "" when none does.
func DetectLanguage(text string) string {
	sc := scanner{idx: loadStopwords()}
	var hits [numLangs]int32
	f := sc.scanAll(text, &hits)
	if l := pickLanguage(&hits, int(f.Words), minProseShare); l >= 0 {
		return languages[l]
	}
	return ""
}

// repeats are the blocks of a document that share their text, spaces trimmed, case kept:
// for each block the first with its text, and for that one how many have it.
type repeats struct {
	first, count []int32
	buf          buffer[int32] // from repeatPool
}

// findRepeats finds the repeated texts of blocks; release gives its memory back.
func findRepeats(blocks []string) repeats {
	texts := newTextTable(blocks)
	defer repeatPool.put(texts.buf)
	r := repeats{buf: repeatPool.get(2 * len(blocks))}
	r.first, r.count = r.buf.s[:len(blocks)], r.buf.s[len(blocks):]
	for i, b := range blocks {
		j, _ := texts.add(trimSpace(b), int32(i))
		r.first[i] = j
		r.count[j]++
	}
	return r
}

func (r *repeats) release() { repeatPool.put(r.buf) }

// trimSpace is strings.TrimSpace, without a call for a text that starts and ends with
// visible ASCII, as the blocks do (their lines are trimmed).
func trimSpace(s string) string {
	if s != "" && s[0] > ' ' && s[0] < utf8.RuneSelf && s[len(s)-1] > ' ' && s[len(s)-1] < utf8.RuneSelf {
		return s
	}
	return strings.TrimSpace(s)
}

// countRepeats sets Repeats (how many blocks share each block's text, spaces trimmed,
// case kept) and Dup: a block is a duplicate when an earlier block has its text, or when
// it repeats next to another repeated block of lenLow characters or more (a list shown
// twice, such as a carousel of teasers).
func countRepeats(out []Block, r repeats) {
	for i := range out {
		out[i].Repeats = r.count[r.first[i]]
		out[i].Dup = int(r.first[i]) != i
	}
	longRepeat := func(i int) bool {
		return i >= 0 && i < len(out) && out[i].Repeats > 1 && out[i].Size() >= lenLow
	}
	for i := range out {
		if longRepeat(i) && (longRepeat(i-1) || longRepeat(i+1)) {
			out[i].Dup = true
		}
	}
}

// textTable finds the first of equal texts: an open-addressing table of block indices,
// which does what a map from text to index does with one allocation for the table.
type textTable struct {
	slots  []int32 // 1 + the index of the first block of a text, 0 when free
	blocks []string
	mask   uint64
	buf    buffer[int32] // slots' memory, from repeatPool
}

// repeatPool holds countRepeats' tables and counts, reused across documents, up to
// 80,000 entries (a dump of 20,000 blocks).
var repeatPool = bufferPool[int32]{max: 80_000}

// textSeed hashes the texts of textTables (the table's order is not observable).
var textSeed = maphash.MakeSeed()

// newTextTable makes a table for the texts of blocks, spaces trimmed.
func newTextTable(blocks []string) textTable {
	size := 1
	for size < 2*len(blocks) {
		size <<= 1
	}
	buf := repeatPool.get(size)
	return textTable{slots: buf.s, blocks: blocks, mask: uint64(size - 1), buf: buf}
}

// add records block i, of text k (its text trimmed), and returns the index of the first
// block with text k, and whether that is an earlier block.
func (t *textTable) add(k string, i int32) (first int32, seen bool) {
	for h := maphash.String(textSeed, k) & t.mask; ; h = (h + 1) & t.mask {
		e := t.slots[h]
		if e == 0 {
			t.slots[h] = i + 1
			return i, false
		}
		if trimSpace(t.blocks[e-1]) == k {
			return e - 1, true
		}
	}
}

// LooksLikeDump reports whether the blocks look like a page dump to the rules: an article
// among boilerplate, rather than a short note to keep whole.
func LooksLikeDump(blocks []string) bool {
	res, _ := classifyRules(blocks)
	defer res.Release()
	return res.Dump
}
