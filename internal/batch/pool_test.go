package batch

import (
	"context"
	"errors"
	"fmt"
	"math/rand/v2"
	"strconv"
	"sync/atomic"
	"testing"
	"time"
)

func numbered(n int) func(context.Context, func(*Task) bool) error {
	return func(ctx context.Context, yield func(*Task) bool) error {
		for i := range n {
			if !yield(&Task{Name: strconv.Itoa(i)}) {
				return nil
			}
		}
		return nil
	}
}

// TestPoolOrderAndWindow: outcomes come out in input order whatever the finishing order,
// and never more than Window tasks are in flight.
func TestPoolOrderAndWindow(t *testing.T) {
	var inFlight, peak atomic.Int64
	var got []string
	p := &Pool{Workers: 4, Window: 6,
		Process: func(ctx context.Context, t *Task) Outcome {
			time.Sleep(time.Duration(rand.IntN(300)) * time.Microsecond)
			return Outcome{Out: []byte(t.Name)}
		},
		Emit: func(t *Task, o Outcome) error {
			got = append(got, string(o.Out))
			inFlight.Add(-1)
			return nil
		}}
	each := func(ctx context.Context, yield func(*Task) bool) error {
		return numbered(500)(ctx, func(t *Task) bool {
			if n := inFlight.Add(1); n > peak.Load() {
				peak.Store(n)
			}
			return yield(t)
		})
	}
	if err := p.Run(context.Background(), each); err != nil {
		t.Fatal(err)
	}
	if len(got) != 500 {
		t.Fatalf("%d outcomes, want 500", len(got))
	}
	for i, s := range got {
		if s != strconv.Itoa(i) {
			t.Fatalf("outcome %d is %s", i, s)
		}
	}
	// The test counts a task before the feeder waits for its slot, and uncounts it only
	// after the collector has freed the slot: two more than the window may be counted.
	if peak.Load() > 8 {
		t.Errorf("peak in flight %d, window 6", peak.Load())
	}
}

func TestPoolTimeLimit(t *testing.T) {
	var errs []error
	p := &Pool{Workers: 2, DocTimeout: 20 * time.Millisecond,
		Process: func(ctx context.Context, t *Task) Outcome {
			if t.Name == "1" {
				time.Sleep(time.Second) // ignores ctx, like a long computation
			}
			return Outcome{}
		},
		Emit: func(t *Task, o Outcome) error { errs = append(errs, o.Err); return nil }}
	start := time.Now()
	if err := p.Run(context.Background(), numbered(3)); err != nil {
		t.Fatal(err)
	}
	if time.Since(start) > 500*time.Millisecond {
		t.Errorf("took %s: the time limit did not cut the slow task", time.Since(start))
	}
	if errs[0] != nil || errs[2] != nil || !errors.Is(errs[1], ErrTimeLimit) {
		t.Errorf("errors %v, want only the second to be over the limit", errs)
	}
}

// TestPoolInterrupt: after ctx ends nothing more is emitted, and Run says why.
func TestPoolInterrupt(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	emitted := 0
	p := &Pool{Workers: 2,
		Process: func(ctx context.Context, t *Task) Outcome {
			if t.Name == "10" {
				cancel()
			}
			return Outcome{Err: ctx.Err()}
		},
		Emit: func(t *Task, o Outcome) error {
			if o.Err != nil {
				return fmt.Errorf("emitted an interrupted task %s", t.Name)
			}
			emitted++
			return nil
		}}
	err := p.Run(ctx, numbered(1000))
	if !errors.Is(err, context.Canceled) {
		t.Errorf("Run = %v, want context.Canceled", err)
	}
	if emitted > 10 {
		t.Errorf("%d emitted, want at most the 10 before the interruption", emitted)
	}
}

func TestPoolEmitErrorStops(t *testing.T) {
	boom := errors.New("disk full")
	n := 0
	p := &Pool{Workers: 3,
		Process: func(ctx context.Context, t *Task) Outcome { return Outcome{} },
		Emit: func(t *Task, o Outcome) error {
			n++
			if n == 5 {
				return boom
			}
			return nil
		}}
	if err := p.Run(context.Background(), numbered(10000)); !errors.Is(err, boom) {
		t.Errorf("Run = %v, want the emit error", err)
	}
	if n != 5 {
		t.Errorf("emitted %d after the error", n-5)
	}
}
