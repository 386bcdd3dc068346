package model

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"strconv"
	"strings"
)

// A Classifier scores a feature vector: the probability that it is positive.
type Classifier interface {
	Predict(x []float64) float64
}

// Trees is a gradient-boosted ensemble of small regression trees on the log-odds
// (binary log-loss), the HTML block model. Like Logistic it trains without randomness:
// the same examples in the same order give the same trees, and Write prints them exactly.
type Trees struct {
	Features []string
	Base     float64 // the log-odds before any tree
	Trees    [][]Node
}

// A Node is a split (x[Feature] <= Threshold goes Left, else Right) or, when Feature
// is -1, a leaf adding Value to the log-odds.
type Node struct {
	Feature     int
	Threshold   float64
	Left, Right int
	Value       float64
}

// Predict returns the probability that x (in Features order) is positive.
func (m *Trees) Predict(x []float64) float64 { return sigmoid(m.Score(x)) }

// Score returns the log-odds of x.
func (m *Trees) Score(x []float64) float64 {
	z := m.Base
	for _, t := range m.Trees {
		i := 0
		for t[i].Feature >= 0 {
			if x[t[i].Feature] <= t[i].Threshold {
				i = t[i].Left
			} else {
				i = t[i].Right
			}
		}
		z += t[i].Value
	}
	return z
}

// TreeOptions tune boosting.
type TreeOptions struct {
	Trees   int     // number of trees (default 150)
	Depth   int     // depth of each tree (default 4)
	Rate    float64 // learning rate (default 0.1)
	L2      float64 // regularisation of leaf values (default 1)
	MinLeaf float64 // least Hessian weight in a leaf (default 1)
	Bins    int     // candidate thresholds per feature, at quantiles (default 32)
}

func (o *TreeOptions) defaults() {
	if o.Trees <= 0 {
		o.Trees = 150
	}
	if o.Depth <= 0 {
		o.Depth = 4
	}
	if o.Rate <= 0 {
		o.Rate = 0.1
	}
	if o.L2 <= 0 {
		o.L2 = 1
	}
	if o.MinLeaf <= 0 {
		o.MinLeaf = 1
	}
	if o.Bins <= 0 {
		o.Bins = 32
	}
}

// TrainTrees fits a boosted ensemble to the examples, deterministically.
func TrainTrees(features []string, examples []Example, opts TreeOptions) (*Trees, error) {
	opts.defaults()
	d := len(features)
	if err := checkExamples(examples, d); err != nil {
		return nil, err
	}
	b := newBinned(examples, d, opts.Bins)
	m := &Trees{Features: append([]string(nil), features...)}
	pos, all := 0.0, 0.0
	for _, e := range examples {
		all += weightOf(e)
		if e.Y {
			pos += weightOf(e)
		}
	}
	p0 := math.Min(math.Max(pos/all, 1e-6), 1-1e-6)
	m.Base = math.Log(p0 / (1 - p0))
	f := make([]float64, len(examples))
	for i := range f {
		f[i] = m.Base
	}
	g, h := make([]float64, len(examples)), make([]float64, len(examples))
	leaf := make([]int32, len(examples))
	idx := make([]int32, len(examples))
	for i := range idx {
		idx[i] = int32(i)
	}
	for range opts.Trees {
		for i, e := range examples {
			p, w := sigmoid(f[i]), weightOf(e)
			y := 0.0
			if e.Y {
				y = 1
			}
			g[i], h[i] = w*(p-y), w*p*(1-p)
		}
		gr := grower{b: b, g: g, h: h, opts: opts, leaf: leaf}
		gr.grow(append([]int32(nil), idx...), 0)
		for i := range f {
			f[i] += gr.leafValue(i)
		}
		m.Trees = append(m.Trees, gr.nodes)
	}
	return m, nil
}

// binned holds every example's bin per feature, and each feature's thresholds.
type binned struct {
	bins       [][]uint8 // [feature][example]
	thresholds [][]float64
}

func newBinned(examples []Example, d, maxBins int) *binned {
	b := &binned{bins: make([][]uint8, d), thresholds: make([][]float64, d)}
	vals := make([]float64, len(examples))
	for j := 0; j < d; j++ {
		for i, e := range examples {
			vals[i] = e.X[j]
		}
		sorted := append([]float64(nil), vals...)
		sort.Float64s(sorted)
		var th []float64
		for k := 1; k < maxBins; k++ {
			v := sorted[k*len(sorted)/maxBins]
			if (len(th) == 0 || v > th[len(th)-1]) && v < sorted[len(sorted)-1] {
				th = append(th, v)
			}
		}
		b.thresholds[j] = th
		col := make([]uint8, len(examples))
		for i, v := range vals {
			col[i] = uint8(sort.SearchFloat64s(th, v)) // first threshold >= v
		}
		b.bins[j] = col
	}
	return b
}

// grower grows one tree on the gradients g and Hessians h.
type grower struct {
	b     *binned
	g, h  []float64
	opts  TreeOptions
	nodes []Node
	leaf  []int32 // example -> its leaf node
}

func (gr *grower) leafValue(i int) float64 { return gr.nodes[gr.leaf[i]].Value }

// grow adds the node for the examples idx at depth and returns its index.
func (gr *grower) grow(idx []int32, depth int) int {
	me := len(gr.nodes)
	gr.nodes = append(gr.nodes, Node{Feature: -1})
	G, H := 0.0, 0.0
	for _, i := range idx {
		G += gr.g[i]
		H += gr.h[i]
	}
	feature, bin, gain := -1, 0, 0.0
	if depth < gr.opts.Depth {
		feature, bin, gain = gr.bestSplit(idx, G, H)
	}
	if feature < 0 || gain <= 1e-9 {
		gr.nodes[me].Value = -gr.opts.Rate * G / (H + gr.opts.L2)
		for _, i := range idx {
			gr.leaf[i] = int32(me)
		}
		return me
	}
	var left, right []int32
	col := gr.b.bins[feature]
	for _, i := range idx {
		if int(col[i]) <= bin {
			left = append(left, i)
		} else {
			right = append(right, i)
		}
	}
	gr.nodes[me].Feature, gr.nodes[me].Threshold = feature, gr.b.thresholds[feature][bin]
	l := gr.grow(left, depth+1)
	r := gr.grow(right, depth+1)
	gr.nodes[me].Left, gr.nodes[me].Right = l, r
	return me
}

// bestSplit returns the feature and bin (x <= thresholds[bin] goes left) of the split
// with the largest gain, or feature -1.
func (gr *grower) bestSplit(idx []int32, G, H float64) (int, int, float64) {
	lambda, minLeaf := gr.opts.L2, gr.opts.MinLeaf
	parent := G * G / (H + lambda)
	bestF, bestB, bestGain := -1, 0, 0.0
	var hg, hh [256]float64
	for j, col := range gr.b.bins {
		nth := len(gr.b.thresholds[j])
		if nth == 0 {
			continue
		}
		for k := 0; k <= nth; k++ {
			hg[k], hh[k] = 0, 0
		}
		for _, i := range idx {
			hg[col[i]] += gr.g[i]
			hh[col[i]] += gr.h[i]
		}
		gl, hl := 0.0, 0.0
		for k := 0; k < nth; k++ {
			gl += hg[k]
			hl += hh[k]
			gr, hr := G-gl, H-hl
			if hl < minLeaf || hr < minLeaf {
				continue
			}
			if gain := gl*gl/(hl+lambda) + gr*gr/(hr+lambda) - parent; gain > bestGain {
				bestF, bestB, bestGain = j, k, gain
			}
		}
	}
	return bestF, bestB, bestGain
}

// Write stores the ensemble as text: a header, the feature names, the base log-odds,
// then each tree's nodes ("node FEATURE THRESHOLD LEFT RIGHT VALUE", feature -1 a leaf).
func (m *Trees) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# clean boosted trees: %d features, %d trees\n", len(m.Features), len(m.Trees))
	fmt.Fprintf(bw, "features %s\n", strings.Join(m.Features, " "))
	fmt.Fprintf(bw, "base %s\n", num(m.Base))
	for _, t := range m.Trees {
		fmt.Fprintln(bw, "tree")
		for _, n := range t {
			fmt.Fprintf(bw, "node %d %s %d %d %s\n", n.Feature, num(n.Threshold), n.Left, n.Right, num(n.Value))
		}
	}
	return bw.Flush()
}

// ReadTrees reads an ensemble written by Write.
func ReadTrees(r io.Reader) (*Trees, error) {
	m := &Trees{}
	sc := bufio.NewScanner(r)
	for line := 1; sc.Scan(); line++ {
		f := strings.Fields(sc.Text())
		if len(f) == 0 || strings.HasPrefix(f[0], "#") {
			continue
		}
		if err := m.readLine(f); err != nil {
			return nil, fmt.Errorf("model: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	return m, m.check()
}

func (m *Trees) readLine(f []string) error {
	switch {
	case f[0] == "features":
		m.Features = append([]string(nil), f[1:]...)
	case f[0] == "base" && len(f) == 2:
		v, err := strconv.ParseFloat(f[1], 64)
		m.Base = v
		return err
	case f[0] == "tree":
		m.Trees = append(m.Trees, nil)
	case f[0] == "node" && len(f) == 6 && len(m.Trees) > 0:
		var n Node
		var err [5]error
		n.Feature, err[0] = strconv.Atoi(f[1])
		n.Threshold, err[1] = strconv.ParseFloat(f[2], 64)
		n.Left, err[2] = strconv.Atoi(f[3])
		n.Right, err[3] = strconv.Atoi(f[4])
		n.Value, err[4] = strconv.ParseFloat(f[5], 64)
		if e := errors.Join(err[:]...); e != nil {
			return e
		}
		t := len(m.Trees) - 1
		m.Trees[t] = append(m.Trees[t], n)
	default:
		return fmt.Errorf("unknown line %q", strings.Join(f, " "))
	}
	return nil
}

// check verifies that every split points at nodes of its tree and features in range.
func (m *Trees) check() error {
	for ti, t := range m.Trees {
		if len(t) == 0 {
			return fmt.Errorf("model: tree %d is empty", ti)
		}
		for _, n := range t {
			if n.Feature < 0 {
				continue
			}
			if n.Feature >= len(m.Features) || n.Left <= 0 || n.Right <= 0 || n.Left >= len(t) || n.Right >= len(t) {
				return fmt.Errorf("model: tree %d has a bad node", ti)
			}
		}
	}
	return nil
}
