package model

import (
	"bytes"
	"math"
	"math/rand/v2"
	"testing"
)

// data draws examples from a known logistic model: y ~ sigmoid(2·x0 − 3·x1 + 0.5).
func data(n int) []Example {
	r := rand.New(rand.NewPCG(1, 2))
	out := make([]Example, n)
	for i := range out {
		x := []float64{r.NormFloat64(), r.NormFloat64() * 10, 7} // x2 is constant
		p := sigmoid(2*x[0] - 0.3*x[1] + 0.5)
		out[i] = Example{X: x, Y: r.Float64() < p}
	}
	return out
}

// Training recovers the weights of the model the data came from.
func TestTrainRecoversWeights(t *testing.T) {
	m, err := Train([]string{"a", "b", "c"}, data(20000), TrainOptions{L2: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	// Weights apply to standardised inputs: the raw slope is weight / scale.
	for i, want := range []float64{2, -0.3} {
		if got := m.Weights[i] / m.Scale[i]; math.Abs(got-want) > 0.15*math.Abs(want) {
			t.Errorf("feature %d: slope %.3f, want %.3f", i, got, want)
		}
	}
	if m.Weights[2] != 0 {
		t.Errorf("constant feature got weight %g", m.Weights[2])
	}
	if p := m.Predict([]float64{3, -10, 7}); p < 0.99 {
		t.Errorf("Predict of a clear positive = %.3f", p)
	}
}

// The same examples give the same file, byte for byte, and the file reads back to the
// same predictions.
func TestTrainReproducibleAndRoundTrips(t *testing.T) {
	var files [2]bytes.Buffer
	for i := range files {
		m, err := Train([]string{"a", "b", "c"}, data(3000), TrainOptions{})
		if err != nil {
			t.Fatal(err)
		}
		m.Write(&files[i])
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("two trainings on the same data wrote different files")
	}
	m, err := Read(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	orig, _ := Train([]string{"a", "b", "c"}, data(3000), TrainOptions{})
	for _, e := range data(50) {
		if m.Predict(e.X) != orig.Predict(e.X) {
			t.Fatal("the model read back predicts differently")
		}
	}
}

func TestTrainAndReadErrors(t *testing.T) {
	if _, err := Train([]string{"a"}, nil, TrainOptions{}); err == nil {
		t.Error("no examples accepted")
	}
	if _, err := Train([]string{"a"}, []Example{{X: []float64{1, 2}}}, TrainOptions{}); err == nil {
		t.Error("wrong vector length accepted")
	}
	for _, bad := range []string{"", "a 1 2\nbias 0", "a 1 0 3\nbias 0", "a x 1 1\nbias 0", "a 1 1 1"} {
		if _, err := Read(bytes.NewReader([]byte(bad))); err == nil {
			t.Errorf("Read(%q) accepted", bad)
		}
	}
}
