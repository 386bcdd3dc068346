package textclass

import (
	"math/rand/v2"
	"testing"
)

// plainHeaviestRun is maxRun as one loop over weights: the run [from, to) of the highest
// total weight, the first found, from -1 when no weight is above nothing.
func plainHeaviestRun(ws []int, lo int) (weight, from, to int) {
	weight, from, to = 0, -1, -1
	sum, start := 0, lo
	for k, w := range ws {
		i := lo + k
		if sum <= 0 {
			sum, start = 0, i
		}
		sum += w
		if sum > weight {
			weight, from, to = sum, start, i+1
		}
	}
	return weight, from, to
}

// bruteHeaviest is the highest total weight of a run of ws, by trying every run, and
// whether [from, to) has it.
func bruteHeaviest(ws []int) int {
	best := 0
	for i := range ws {
		sum := 0
		for j := i; j < len(ws); j++ {
			sum += ws[j]
			best = max(best, sum)
		}
	}
	return best
}

// TestMaxRun: maxRun finds a run of the highest weight (as trying every run does), the
// same as the loop it replaces, on random weights with ties and zeros.
func TestMaxRun(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for range 5000 {
		n, lo := rng.IntN(20), rng.IntN(3)
		ws := make([]int, n)
		for i := range ws {
			ws[i] = rng.IntN(11) - 6
		}
		r := newMaxRun(lo)
		for k, w := range ws {
			r.add(lo+k, w)
		}
		weight, from, to := plainHeaviestRun(ws, lo)
		if r.weight != weight || r.from != from || r.to != to {
			t.Fatalf("%v from %d: maxRun %d [%d, %d), want %d [%d, %d)", ws, lo, r.weight, r.from, r.to, weight, from, to)
		}
		if best := bruteHeaviest(ws); r.weight != best {
			t.Fatalf("%v: weight %d, the heaviest run weighs %d", ws, r.weight, best)
		}
		if r.from >= 0 {
			sum := 0
			for _, w := range ws[r.from-lo : r.to-lo] {
				sum += w
			}
			if sum != r.weight {
				t.Fatalf("%v: [%d, %d) weighs %d, not %d", ws, r.from, r.to, sum, r.weight)
			}
		}
	}
}

// plainArticleSpan is articleSpan as it was written before maxRun: the heaviest run of
// each post (plainHeaviestRun), then the first that weighs enough.
func plainArticleSpan(bs []Block) (from, to int) {
	type run struct{ weight, from, to int }
	var runs []run
	start, heaviest := 0, 0
	for i := 0; i <= len(bs); i++ {
		if i < len(bs) && !isDateline(&bs[i].Features) {
			continue
		}
		ws := make([]int, i-start)
		for j := range ws {
			ws[j] = ruleWeight(&bs[start+j])
		}
		if w, f, t := plainHeaviestRun(ws, start); f >= 0 {
			runs = append(runs, run{w, f, t})
			heaviest = max(heaviest, w)
		}
		start = i + 1
	}
	for _, r := range runs {
		if r.weight == heaviest || r.from > openingBlocks && float64(r.weight) >= firstPostShare*float64(heaviest) {
			return r.from, r.to
		}
	}
	return -1, -1
}

// TestArticleSpan: articleSpan picks the span the loop over posts picked, on random
// blocks of every class with datelines among them.
func TestArticleSpan(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 5000 {
		bs := make([]Block, rng.IntN(25))
		for i := range bs {
			bs[i].Class = Class(rng.IntN(4))
			bs[i].Runes = int32(rng.IntN(300))
			if rng.IntN(6) == 0 { // a dateline
				bs[i].Runes, bs[i].Time, bs[i].Words = 20, true, 2
			}
		}
		from, to := articleSpan(bs)
		if wf, wt := plainArticleSpan(bs); from != wf || to != wt {
			t.Fatalf("span [%d, %d), want [%d, %d)", from, to, wf, wt)
		}
	}
}
