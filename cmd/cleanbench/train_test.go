package main

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"testing"
)

// shared is ../shared seen from this package's folder; the tests that need it skip when
// it is absent.
const shared = "../../../shared"

// TestModelsReproduce: the two training commands give, byte for byte, the models that
// are embedded in the binary. A change to features, segmentation, pruning (readability's
// pruned article is a feature of the block model) or the training data shows here, and
// the models are retrained and measured again with it.
func TestModelsReproduce(t *testing.T) {
	if testing.Short() {
		t.Skip("trains both models (about 20 s)")
	}
	if _, err := os.Stat(filepath.Join(shared, "bench", "wceb-dev", "truth.jsonl")); err != nil {
		t.Skip("no ../shared/bench/wceb-dev")
	}
	dir := t.TempDir()
	cases := []struct {
		name, embedded string
		run            func(out string) int
	}{
		{"train", "../../internal/extract/block.model", func(out string) int {
			return trainCmd([]string{"-shared", shared, "-o", out}, io.Discard, os.Stderr)
		}},
		{"train-text", "../../internal/textclass/model.txt", func(out string) int {
			return trainText([]string{"-wceb", filepath.Join(shared, "bench", "wceb-dev"),
				"-scrapinghub", "../../testdata/bench/scrapinghub", "-o", out}, io.Discard, os.Stderr)
		}},
	}
	for _, c := range cases {
		out := filepath.Join(dir, c.name)
		if code := c.run(out); code != 0 {
			t.Fatalf("%s exited with %d", c.name, code)
		}
		got, err := os.ReadFile(out)
		if err != nil {
			t.Fatal(err)
		}
		want, err := os.ReadFile(c.embedded)
		if err != nil {
			t.Fatal(err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("cleanbench %s does not reproduce %s: retrain it (go run ./cmd/cleanbench %s) and measure again", c.name, c.embedded, c.name)
		}
	}
}
