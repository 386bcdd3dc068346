package batch

import (
	"strings"
	"sync"
	"testing"
	"time"
)

// barOutput is a terminal for a bar: the bar redraws from its own goroutine too, so
// writes and reads take turns.
type barOutput struct {
	mu  sync.Mutex
	buf strings.Builder
}

func (o *barOutput) Write(p []byte) (int, error) {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.Write(p)
}

func (o *barOutput) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.buf.String()
}

func TestBarShowsCountsAndFailures(t *testing.T) {
	var out barOutput
	bar := newBar(&out, 0) // redrawn at every change: no timing in the test
	bar.SetTotal(4)
	bar.Finished(true)
	bar.Skipped()
	bar.Finished(false)
	bar.Finished(true)
	got := out.String()
	for _, want := range []string{"(1 failed)", "3/4", "docs/s"} {
		if !strings.Contains(got, want) {
			t.Errorf("bar output lacks %q: %q", want, got)
		}
	}
	bar.Log("clean: x: failed")
	bar.Close()
	if !strings.Contains(out.String(), "clean: x: failed\n") {
		t.Errorf("logged line missing: %q", out.String())
	}
}

// TestBarCountsInputsBeforeTheTotal: inputs skipped before the total is known (a resumed
// batch skips fast, while the inputs are still being counted) are counted in full, so the
// count and the percentage agree.
func TestBarCountsInputsBeforeTheTotal(t *testing.T) {
	var out barOutput
	bar := newBar(&out, 0)
	for range 40 {
		bar.Skipped()
	}
	bar.SetTotal(50)
	bar.Finished(true)
	frames := strings.Split(out.String(), "\r")
	last := frames[len(frames)-1]
	for _, want := range []string{"41/50", " 82% "} {
		if !strings.Contains(last, want) {
			t.Errorf("last frame lacks %q: %q", want, last)
		}
	}
}

func TestSummary(t *testing.T) {
	s := Stats{Done: 90, Failed: 10, Skipped: 5, Elapsed: 2 * time.Second}.Summary()
	if s != "90 done, 10 failed, 5 skipped in 2s (50.0 docs/s)" {
		t.Errorf("summary %q", s)
	}
}
