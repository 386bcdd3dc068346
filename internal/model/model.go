// Package model is the small learned part of clean: logistic regression (Logistic,
// Newton's method on the L2-regularised log-loss) and gradient-boosted trees (Trees,
// trees.go) over named features, trained reproducibly (full batch, no randomness) and
// stored as text files that the binary embeds.
//
// A caller computes one feature vector per block, trains on labelled blocks from
// ../shared/bench (the HTML block model's command is cleanbench train), and Predict
// scores a block at run time. The same data and options always give the same file, byte
// for byte.
package model

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// Logistic is a trained logistic-regression model. Inputs are standardised with Mean and
// Scale (from the training data) before the weights apply.
type Logistic struct {
	Features []string // the feature names, in vector order
	Mean     []float64
	Scale    []float64
	Weights  []float64
	Bias     float64
}

// Predict returns the probability that x (a vector in Features order) is positive.
func (m *Logistic) Predict(x []float64) float64 {
	return sigmoid(m.Score(x))
}

// Score returns the log-odds of x.
func (m *Logistic) Score(x []float64) float64 {
	z := m.Bias
	for i, w := range m.Weights {
		z += w * (x[i] - m.Mean[i]) / m.Scale[i]
	}
	return z
}

func sigmoid(z float64) float64 {
	if z >= 0 {
		return 1 / (1 + math.Exp(-z))
	}
	e := math.Exp(z)
	return e / (1 + e)
}

// TrainOptions tune training.
type TrainOptions struct {
	L2         float64 // regularisation strength on the standardised weights (default 1)
	Iterations int     // Newton steps at most (default 25)
}

// Example is one labelled training vector; Weight (default 1 when 0) lets a caller
// balance pages of different sizes.
type Example struct {
	X      []float64
	Y      bool
	Weight float64
}

// checkExamples fails when there are no examples or one does not have d features.
func checkExamples(examples []Example, d int) error {
	if len(examples) == 0 {
		return errors.New("model: no examples")
	}
	for i, e := range examples {
		if len(e.X) != d {
			return fmt.Errorf("model: example %d has %d features, want %d", i, len(e.X), d)
		}
	}
	return nil
}

// Train fits a model to the examples. It is deterministic: the same examples in the same
// order give the same model.
func Train(features []string, examples []Example, opts TrainOptions) (*Logistic, error) {
	d := len(features)
	if err := checkExamples(examples, d); err != nil {
		return nil, err
	}
	if opts.L2 <= 0 {
		opts.L2 = 1
	}
	if opts.Iterations <= 0 {
		opts.Iterations = 25
	}
	m := &Logistic{Features: append([]string(nil), features...)}
	m.Mean, m.Scale = standardisation(examples, d)
	z := standardised(examples, m.Mean, m.Scale)
	w := make([]float64, d+1) // the last one is the bias
	for it := 0; it < opts.Iterations; it++ {
		step := newtonStep(z, examples, w, opts.L2)
		maxStep := 0.0
		for i := range w {
			w[i] -= step[i]
			maxStep = math.Max(maxStep, math.Abs(step[i]))
		}
		if maxStep < 1e-9 {
			break
		}
	}
	m.Weights, m.Bias = w[:d], w[d]
	return m, nil
}

func weightOf(e Example) float64 {
	if e.Weight == 0 {
		return 1
	}
	return e.Weight
}

// standardisation returns each feature's weighted mean and standard deviation (1 for a
// constant feature).
func standardisation(examples []Example, d int) (mean, scale []float64) {
	mean, scale = make([]float64, d), make([]float64, d)
	total := 0.0
	for _, e := range examples {
		w := weightOf(e)
		total += w
		for j, v := range e.X {
			mean[j] += w * v
		}
	}
	for j := range mean {
		mean[j] /= total
	}
	for _, e := range examples {
		w := weightOf(e)
		for j, v := range e.X {
			scale[j] += w * (v - mean[j]) * (v - mean[j])
		}
	}
	for j := range scale {
		scale[j] = math.Sqrt(scale[j] / total)
		if scale[j] < 1e-12 {
			scale[j] = 1
		}
	}
	return mean, scale
}

func standardised(examples []Example, mean, scale []float64) [][]float64 {
	out := make([][]float64, len(examples))
	for i, e := range examples {
		row := make([]float64, len(e.X)+1)
		for j, v := range e.X {
			row[j] = (v - mean[j]) / scale[j]
		}
		row[len(e.X)] = 1
		out[i] = row
	}
	return out
}

// newtonStep returns H⁻¹g for the regularised weighted log-loss at w (the bias is not
// regularised).
func newtonStep(z [][]float64, examples []Example, w []float64, l2 float64) []float64 {
	n := len(w)
	g := make([]float64, n)
	h := make([][]float64, n)
	for i := range h {
		h[i] = make([]float64, n)
	}
	for i, row := range z {
		p := sigmoid(dot(row, w))
		y := 0.0
		if examples[i].Y {
			y = 1
		}
		ew := weightOf(examples[i])
		r, c := ew*(p-y), ew*p*(1-p)
		for a, va := range row {
			g[a] += r * va
			ha := h[a]
			for b := a; b < n; b++ {
				ha[b] += c * va * row[b]
			}
		}
	}
	for a := 0; a < n; a++ {
		for b := 0; b < a; b++ {
			h[a][b] = h[b][a]
		}
		if a < n-1 {
			g[a] += l2 * w[a]
			h[a][a] += l2
		}
		h[a][a] += 1e-9
	}
	return solve(h, g)
}

func dot(a, b []float64) float64 {
	s := 0.0
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

// solve solves the symmetric positive-definite system h x = g by Cholesky decomposition.
func solve(h [][]float64, g []float64) []float64 {
	n := len(g)
	l := make([][]float64, n)
	for i := range l {
		l[i] = make([]float64, n)
		for j := 0; j <= i; j++ {
			s := h[i][j]
			for k := 0; k < j; k++ {
				s -= l[i][k] * l[j][k]
			}
			if i == j {
				l[i][i] = math.Sqrt(math.Max(s, 1e-12))
			} else {
				l[i][j] = s / l[j][j]
			}
		}
	}
	y := make([]float64, n)
	for i := 0; i < n; i++ {
		s := g[i]
		for k := 0; k < i; k++ {
			s -= l[i][k] * y[k]
		}
		y[i] = s / l[i][i]
	}
	x := make([]float64, n)
	for i := n - 1; i >= 0; i-- {
		s := y[i]
		for k := i + 1; k < n; k++ {
			s -= l[k][i] * x[k]
		}
		x[i] = s / l[i][i]
	}
	return x
}

// Write stores the model as text: a header line, then one line per feature
// (name, mean, scale, weight), then the bias. Numbers are printed exactly (shortest
// representation that reads back the same), so the file is reproducible.
func (m *Logistic) Write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# clean logistic model: %d features (name mean scale weight)\n", len(m.Features))
	for i, f := range m.Features {
		fmt.Fprintf(bw, "%s %s %s %s\n", f, num(m.Mean[i]), num(m.Scale[i]), num(m.Weights[i]))
	}
	fmt.Fprintf(bw, "bias %s\n", num(m.Bias))
	return bw.Flush()
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// Read reads a model written by Write.
func Read(r io.Reader) (*Logistic, error) {
	m := &Logistic{}
	sc := bufio.NewScanner(r)
	bias := false
	for line := 1; sc.Scan(); line++ {
		text := strings.TrimSpace(sc.Text())
		if text == "" || strings.HasPrefix(text, "#") {
			continue
		}
		f := strings.Fields(text)
		var err error
		switch {
		case len(f) == 2 && f[0] == "bias":
			m.Bias, err = strconv.ParseFloat(f[1], 64)
			bias = true
		case len(f) == 4:
			err = m.addFeature(f)
		default:
			err = errors.New("want NAME MEAN SCALE WEIGHT or bias B")
		}
		if err != nil {
			return nil, fmt.Errorf("model: line %d: %w", line, err)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if !bias {
		return nil, errors.New("model: no bias line")
	}
	return m, nil
}

func (m *Logistic) addFeature(f []string) error {
	var v [3]float64
	for i := range v {
		x, err := strconv.ParseFloat(f[i+1], 64)
		if err != nil {
			return err
		}
		v[i] = x
	}
	if v[1] == 0 {
		return fmt.Errorf("feature %s: zero scale", f[0])
	}
	m.Features = append(m.Features, f[0])
	m.Mean, m.Scale, m.Weights = append(m.Mean, v[0]), append(m.Scale, v[1]), append(m.Weights, v[2])
	return nil
}
