package model

import (
	"bytes"
	"testing"
)

// xorExamples is a problem no linear model solves: positive when exactly one of two
// features is above its threshold (0.3 and 0.6: off-centre, so that a greedy first split gains).
func xorExamples() []Example {
	var ex []Example
	for i := 0; i < 20; i++ {
		for j := 0; j < 20; j++ {
			a, b := float64(i)/19, float64(j)/19
			ex = append(ex, Example{X: []float64{a, b}, Y: (a > 0.3) != (b > 0.6)})
		}
	}
	return ex
}

func TestTreesLearnInteractions(t *testing.T) {
	m, err := TrainTrees([]string{"a", "b"}, xorExamples(), TreeOptions{Trees: 50, Depth: 2, MinLeaf: 0.01})
	if err != nil {
		t.Fatal(err)
	}
	wrong := 0
	for _, e := range xorExamples() {
		if (m.Predict(e.X) > 0.5) != e.Y {
			wrong++
		}
	}
	if wrong > 0 {
		t.Errorf("%d of 400 examples wrong", wrong)
	}
}

// Training twice gives the same file, byte for byte, and the file reads back the same model.
func TestTreesReproducibleAndRoundTrip(t *testing.T) {
	var files [2]bytes.Buffer
	for i := range files {
		m, err := TrainTrees([]string{"a", "b"}, xorExamples(), TreeOptions{Trees: 10})
		if err != nil {
			t.Fatal(err)
		}
		if err := m.Write(&files[i]); err != nil {
			t.Fatal(err)
		}
	}
	if !bytes.Equal(files[0].Bytes(), files[1].Bytes()) {
		t.Fatal("two trainings wrote different files")
	}
	m, err := ReadTrees(bytes.NewReader(files[0].Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	var again bytes.Buffer
	if err := m.Write(&again); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(again.Bytes(), files[0].Bytes()) {
		t.Error("the file read back writes differently")
	}
}

func TestReadTreesRejectsBadFiles(t *testing.T) {
	for _, bad := range []string{
		"features a\nbase 0\ntree\nnode 0 0.5 7 8 0\n", // children out of range
		"features a\nbase x\n",                         // bad number
		"features a\nbase 0\nnode -1 0 0 0 1\n",        // node before any tree
		"features a\nbase 0\ntree\n",                   // empty tree
	} {
		if _, err := ReadTrees(bytes.NewReader([]byte(bad))); err == nil {
			t.Errorf("no error for %q", bad)
		}
	}
}
