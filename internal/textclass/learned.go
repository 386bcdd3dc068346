package textclass

import (
	_ "embed"
	"math"
	"strings"
	"sync"

	"github.com/cleanhq/clean/internal/model"
)

// The learned block model: after the rule-based pass, every block of a page dump gets a
// probability of being article text from a logistic model (package model) over the block's
// own features, its neighbours', its position and the rule-based verdicts. The model is
// trained by `cleanbench train-text` on the benchmark dumps of ../shared/bench and
// embedded (model.txt); the article is then the best region of blocks (see bestRegion).

//go:embed model.txt
var modelText string

// embeddedModel is the shipped text block model, nil if it does not parse (a test
// checks that it does).
var embeddedModel = sync.OnceValue(func() *model.Logistic {
	m, err := model.Read(strings.NewReader(modelText))
	if err != nil || len(m.Features) != len(FeatureNames) {
		return nil
	}
	return m
})

// Model returns the embedded text block model (nil when none is shipped).
func Model() *model.Logistic { return embeddedModel() }

// linear is a logistic model with its standardisation folded into the weights, so that
// scoring a block is one dot product.
type linear struct {
	w []float64
	b float64
}

func foldModel(m *model.Logistic) *linear {
	if m == nil {
		return nil
	}
	l := &linear{w: make([]float64, len(m.Weights)), b: m.Bias}
	for i, w := range m.Weights {
		l.w[i] = w / m.Scale[i]
		l.b -= l.w[i] * m.Mean[i]
	}
	return l
}

// embeddedLinear is the embedded model, folded.
var embeddedLinear = sync.OnceValue(func() *linear { return foldModel(embeddedModel()) })

// prob returns the probability of article text for vector v.
func (l *linear) prob(v []float64) float64 {
	z := l.b
	for i, w := range l.w {
		z += w * v[i]
	}
	return logistic(z)
}

func logistic(z float64) float64 { return 1 / (1 + math.Exp(-z)) }

// own are the per-block features, in vector order; the neighbour features repeat the
// first neighbourFeatures of them for the blocks around.
var own = [...]string{
	"log_size", "stop_ratio", "terminal", "keep_rules", "class_good", "dateline",
	"log_breaks", "caps_ratio", "num_ratio", "link_rate", "has_seps", "log_lines",
	"copyright", "log_words", "title_case", "heading", "repeated", "dup", "init_good",
	"init_near", "init_short", "in_span", "dash", "word_len", "lang_known",
}

// neighbourFeatures: the first this many own features describe each neighbour too.
const neighbourFeatures = 6

// ownPad: the neighbours described are the ownPad blocks before a block and the ownPad
// blocks after it, in document order.
const ownPad = 2

// neighbourOffsets are the neighbours described, relative to the block.
var neighbourOffsets = func() (offs [2 * ownPad]int) {
	for k := range ownPad {
		offs[k], offs[ownPad+k] = k-ownPad, k+1
	}
	return offs
}()

// context features: position in the document and in the rule-based article.
var contextNames = [...]string{
	"position", "text_before", "after_title", "span_distance", "keep_window", "good_window",
	"post_before", "post_after",
}

// numFeatures is the length of a block's vector: its own features, its neighbours' and
// its context features.
const numFeatures = len(own) + len(neighbourOffsets)*neighbourFeatures + len(contextNames)

// FeatureNames are the inputs of the text block model, in vector order.
var FeatureNames = func() []string {
	names := append([]string(nil), own[:]...)
	for _, off := range neighbourOffsets {
		for _, n := range own[:neighbourFeatures] {
			names = append(names, neighbourName(off, n))
		}
	}
	return append(names, contextNames[:]...)
}()

func neighbourName(off int, name string) string {
	prefix := "next"
	if off < 0 {
		prefix, off = "prev", -off
	}
	return prefix + string(rune('0'+off)) + "_" + name
}

// ownFeatures and contextFeatures are the parts of a block's vector that ownVector and
// positions.vector compute.
type (
	ownFeatures     [len(own)]float64
	contextFeatures [len(contextNames)]float64
)

// ruleVerdict is what the rule-based pass left for the model: the article span it chose.
type ruleVerdict struct {
	from, to int
}

// Vectors returns the model's feature vectors for the blocks of one document, with the
// rule-based Result they are computed from (for training: cleanbench train-text).
func Vectors(blocks []string) (Result, [][]float64) {
	res, span := classifyRules(blocks)
	out := make([][]float64, len(blocks))
	eachVector(&res, span, func(i int, v []float64) { out[i] = append([]float64(nil), v...) })
	return res, out
}

// eachVector calls fn with the feature vector of each block of res in turn (the vector is
// reused for the next block).
func eachVector(res *Result, span ruleVerdict, fn func(i int, v []float64)) {
	bv := newBlockVectors(res, span)
	defer bv.release()
	v := make([]float64, 0, numFeatures)
	for i := range res.Blocks {
		v = append(v[:0], bv.ownRow(i)[:]...)
		for _, off := range neighbourOffsets {
			v = append(v, bv.ownRow(i + off)[:neighbourFeatures]...)
		}
		fn(i, append(v, bv.context[i][:]...))
	}
}

// blockVectors are the feature vectors of the blocks of a document in two tables: each
// block's own features, with ownPad rows of zeros before the first block and after the
// last (the neighbours they stand for), and its context features. A block's vector is its
// own row, the first neighbourFeatures of its neighbours' rows, and its context row. The
// tables go on with rows of zeros up to a whole number of groups of four blocks, which
// score sums side by side.
type blockVectors struct {
	own     []ownFeatures
	context []contextFeatures
	ownBuf  buffer[ownFeatures] // from ownPool
	ctxBuf  buffer[contextFeatures]
}

// ownPool and contextPool hold the tables' buffers, reused across documents, up to
// 10,000 rows (a dump of about 10,000 blocks).
var (
	ownPool     = bufferPool[ownFeatures]{max: 10_000}
	contextPool = bufferPool[contextFeatures]{max: 10_000}
)

func newBlockVectors(res *Result, span ruleVerdict) blockVectors {
	n := len(res.Blocks)
	rows := (n + 3) &^ 3
	bv := blockVectors{ownBuf: ownPool.getDirty(rows + 2*ownPad), ctxBuf: contextPool.getDirty(rows)}
	bv.own, bv.context = bv.ownBuf.s, bv.ctxBuf.s
	// the rows of the blocks are set whole below: only the others are zeroed
	clear(bv.own[:ownPad])
	clear(bv.own[n+ownPad:])
	clear(bv.context[n:])
	for i := range n {
		ownVector(bv.ownRow(i), res, i, span)
	}
	pos := newPositions(res, span)
	defer pos.release()
	for i := range n {
		pos.vector(&bv.context[i], i)
	}
	return bv
}

// release gives the buffers back to the pools.
func (bv *blockVectors) release() {
	ownPool.put(bv.ownBuf)
	contextPool.put(bv.ctxBuf)
}

// ownRow is block i's own features; i may be up to ownPad blocks outside the document
// (zeros).
func (bv *blockVectors) ownRow(i int) *ownFeatures { return &bv.own[i+ownPad] }

// score sets the model's probability of every block of res: prob of its vector, read in
// place from the tables, the same sum in the same order, so to the bit the same (a
// neighbour outside the document adds its zeros, as in the vector). Four blocks are
// summed side by side, so that their additions, each waiting for the one before in its
// own block, overlap.
func (l *linear) score(res *Result, span ruleVerdict) {
	bv := newBlockVectors(res, span)
	defer bv.release()
	for i := 0; i < len(res.Blocks); i += 4 {
		z := l.dot4(&bv, i)
		for k := range min(4, len(res.Blocks)-i) {
			res.Blocks[i+k].Prob = logistic(z[k])
		}
	}
}

// dot4 is the model's sum for blocks i to i+3: bias, then each feature times its weight,
// in vector order, for the four side by side.
func (l *linear) dot4(bv *blockVectors, i int) [4]float64 {
	w := l.w[:numFeatures]
	z0, z1, z2, z3 := l.b, l.b, l.b, l.b
	add := func(w, r0, r1, r2, r3 []float64) {
		w, r1, r2, r3 = w[:len(r0)], r1[:len(r0)], r2[:len(r0)], r3[:len(r0)]
		for t, x := range r0 {
			wt := w[t]
			z0 += wt * x
			z1 += wt * r1[t]
			z2 += wt * r2[t]
			z3 += wt * r3[t]
		}
	}
	o := (*[4]ownFeatures)(bv.own[i+ownPad:])
	add(w, o[0][:], o[1][:], o[2][:], o[3][:])
	k := len(own)
	for _, off := range neighbourOffsets {
		o := (*[4]ownFeatures)(bv.own[i+ownPad+off:])
		add(w[k:], o[0][:neighbourFeatures], o[1][:], o[2][:], o[3][:])
		k += neighbourFeatures
	}
	c := (*[4]contextFeatures)(bv.context[i:])
	add(w[k:], c[0][:], c[1][:], c[2][:], c[3][:])
	return [4]float64{z0, z1, z2, z3}
}

// ownVector sets v to block i's own features.
func ownVector(v *ownFeatures, res *Result, i int, span ruleVerdict) {
	b := &res.Blocks[i]
	f := &b.Features
	size, words := f.Size(), max(1, int(f.Words))
	fw := float64(words)
	v[0] = log1pInt(size)
	v[1], v[24] = 0, 0
	if res.Language != "" {
		v[1], v[24] = float64(f.Stops)/fw, 1
	}
	v[2] = flag(f.Terminal)
	v[3] = flag(b.Keep)
	v[4] = flag(b.Class == Good)
	v[5] = flag(isDateline(f))
	v[6] = log1pInt(int(f.Breaks))
	v[7] = float64(f.Caps) / fw
	v[8] = float64(f.Numeric) / fw
	v[9] = min(1, float64(f.Links*linkWords)/fw)
	v[10] = flag(f.Seps > 0)
	v[11] = logInt(max(1, int(f.Lines)))
	v[12] = flag(f.Copy)
	v[13] = log1pInt(int(f.Words))
	v[14] = flag(titleCase(f))
	v[15] = flag(i == res.Title)
	v[16] = flag(f.Repeats > 1)
	v[17] = flag(f.Dup)
	v[18] = flag(b.Initial == Good)
	v[19] = flag(b.Initial == NearGood)
	v[20] = flag(b.Initial == Short)
	v[21] = flag(i >= span.from && i < span.to)
	v[22] = flag(f.Dash)
	v[23] = log1pRatio(size, words)
}

// keepWindow is how many blocks on each side the window features count.
const keepWindow = 3

// positions computes the context features of the blocks of a document from prefix sums,
// so that the text before a block is one lookup and the window features are two
// subtractions each.
type positions struct {
	res  *Result
	span ruleVerdict
	sums []prefix // before each block, and (the last) in all
	buf  buffer[prefix]
}

// prefix counts the blocks before one: their size, how many are kept and how many good.
type prefix struct{ size, keep, good int }

// prefixPool holds the prefix sums, reused across documents, up to 20,000 blocks.
var prefixPool = bufferPool[prefix]{max: 20_000}

func newPositions(res *Result, span ruleVerdict) positions {
	bs := res.Blocks
	p := positions{res: res, span: span, buf: prefixPool.get(len(bs) + 1)}
	p.sums = p.buf.s
	for i := range bs {
		s := p.sums[i]
		s.size += bs[i].Size()
		if bs[i].Keep {
			s.keep++
		}
		if bs[i].Class == Good {
			s.good++
		}
		p.sums[i+1] = s
	}
	return p
}

// release gives the sums back to the pool.
func (p *positions) release() { prefixPool.put(p.buf) }

// vector sets v to block i's context features.
func (p *positions) vector(v *contextFeatures, i int) {
	res, span := p.res, p.span
	n := len(res.Blocks)
	v[0] = float64(i) / float64(max(1, n-1))
	v[1] = float64(p.sums[i].size) / float64(max(1, p.sums[n].size))
	v[2] = flag(res.Title >= 0 && i > res.Title)
	switch {
	case span.from < 0:
		v[3] = log1pInt(n)
	case i < span.from:
		v[3] = log1pInt(span.from - i)
	case i >= span.to:
		v[3] = log1pInt(i - span.to + 1)
	default:
		v[3] = 0
	}
	// the blocks within keepWindow of i, i itself left out
	lo, hi := max(0, i-keepWindow), min(n-1, i+keepWindow)+1
	s := p.sums
	keep := s[hi].keep - s[lo].keep - (s[i+1].keep - s[i].keep)
	good := s[hi].good - s[lo].good - (s[i+1].good - s[i].good)
	v[4], v[5] = 0, 0
	if all := hi - lo - 1; all > 0 {
		v[4], v[5] = float64(keep)/float64(all), float64(good)/float64(all)
	}
	v[6], v[7] = 0, 0
	if span.from >= 0 {
		v[6] = flag(res.Blocks[i].post < res.Blocks[span.from].post)
		v[7] = flag(res.Blocks[i].post > res.Blocks[span.from].post)
	}
}

// log1pInts holds math.Log1p of the small counts, which most features are.
var log1pInts = func() (t [4096]float64) {
	for n := range t {
		t[n] = math.Log1p(float64(n))
	}
	return t
}()

// logInts holds math.Log of the small counts.
var logInts = func() (t [256]float64) {
	for n := range t {
		t[n] = math.Log(float64(n))
	}
	return t
}()

// logInt is math.Log(float64(n)), the same value, looked up when n is small.
func logInt(n int) float64 {
	if n >= 0 && n < len(logInts) {
		return logInts[n]
	}
	return math.Log(float64(n))
}

// log1pInt is math.Log1p(float64(n)), the same value, looked up when n is small.
func log1pInt(n int) float64 {
	if n >= 0 && n < len(log1pInts) {
		return log1pInts[n]
	}
	return math.Log1p(float64(n))
}

// log1pRatios holds math.Log1p(float64(size)/float64(words)) for sizes under ratioSizes
// and word counts under ratioWords (at words*ratioSizes + size; no words, no value): most
// blocks (88% of those of the WCEB dumps) are that small.
const ratioSizes, ratioWords = 128, 32

var log1pRatios = func() (t [ratioWords * ratioSizes]float64) {
	for i := ratioSizes; i < len(t); i++ {
		t[i] = math.Log1p(float64(i%ratioSizes) / float64(i/ratioSizes))
	}
	return t
}()

// log1pRatio is math.Log1p(float64(size) / float64(words)), the same value, looked up
// when both are small; words > 0.
func log1pRatio(size, words int) float64 {
	if uint(size) < ratioSizes && uint(words) < ratioWords && words > 0 {
		return log1pRatios[words*ratioSizes+size]
	}
	return math.Log1p(float64(size) / float64(words))
}

func flag(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// Region choice: a block's weight is (p − keepThreshold) × (its size + sizeBase), so
// confident long blocks weigh most; the article is the contiguous run of blocks of the
// highest total weight (the blocks of low probability inside it cost their weight, so a
// short gap is crossed and a long one is not), and of that run the blocks with
// p ≥ keepThreshold are kept. A link list or a rail of teasers, whatever its length,
// weighs little because its blocks score low.
const (
	keepThreshold = 0.5
	sizeBase      = 40
)

// A block the rules kept needs only ruleKeptThreshold; a label (a block bad on its own,
// of at most labelWords words, not ending like a sentence) needs labelThreshold.
const (
	ruleKeptThreshold = 0.35
	labelThreshold    = 0.8
	labelWords        = 3
)

// threshold returns the probability block b needs to be kept inside the region.
func threshold(b *Block) float64 {
	switch {
	case b.Initial == Bad && !b.Terminal && (b.Words <= labelWords || b.Links > 0 || b.Dup):
		return labelThreshold
	case b.Keep:
		return ruleKeptThreshold
	}
	return keepThreshold
}

// applyModel scores the blocks of a page dump with m and replaces the rule-based choice
// of the article by the best region. Datelines are never kept (they head posts). The
// rules' title stays when it is in or just before the region; else it is looked for
// again before the region.
func applyModel(blocks []string, res *Result, span ruleVerdict, m *linear) {
	m.score(res, span)
	from, to := bestRegion(res.Blocks)
	for i := range res.Blocks {
		b := &res.Blocks[i]
		b.Keep = i >= from && i < to && b.Prob >= threshold(b) && !isDateline(&b.Features)
	}
	if from < 0 {
		res.Title = -1
		return
	}
	if t := res.Title; t < 0 || t >= to || t < from-titleWindow {
		res.Title = findTitle(blocks, res.Blocks, from)
	}
	if res.Title >= 0 {
		res.Blocks[res.Title].Keep = false
	}
}

// bestRegion returns the article's run [from, to) by the model's weights, or -1, -1
// when no block reaches the threshold.
func bestRegion(bs []Block) (from, to int) {
	r := newMaxRun(0)
	for i := range bs {
		b := &bs[i]
		r.add(i, int((b.Prob-threshold(b))*float64(b.Size()+sizeBase)))
	}
	return r.from, r.to
}
