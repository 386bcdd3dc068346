package batch

import (
	"context"

	"errors"
	"fmt"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/corpus"
	"github.com/cleanhq/clean/rules"
)

// Outcome is what a worker made of one task.
type Outcome struct {
	Out     []byte          // the rendered record, if any
	Err     error           // the input failed (reported in its record, never fatal)
	Removed []rules.Removal // with --explain and one file per input: the removals, for stderr
	Doc     *clean.Document // the document itself, for a caller that reads it (clean learn)
	Skipped bool            // an earlier run finished the input (found out in the worker)
	Corpus  *corpus.Record  // a web archive record's corpus record, to be marked and emitted in order

	signature []uint64 // the MinHash signature of Corpus.Text, with --dedup minhash
}

// Pool runs Process on tasks with Workers goroutines and hands the outcomes to Emit in
// task order, from one goroutine. At most Workers+1 tasks are read and not yet processed
// (the feeder waits for a free worker), and at most Window tasks are in flight in all
// (being processed, or finished and waiting for an earlier one to be emitted), which
// bounds memory whatever the number of inputs. A finished task should hold only its
// outcome (the rendered record), so a wide window costs little and keeps one slow input
// from stalling the others.
type Pool struct {
	Workers    int
	Window     int           // default 32 × Workers
	DocTimeout time.Duration // per-task time limit; 0 for none
	Prepare    func(t *Task) // optional; runs in the worker before the time limit starts
	Process    func(ctx context.Context, t *Task) Outcome
	Emit       func(t *Task, o Outcome) error // an error stops the batch
}

type done struct {
	seq  int
	task *Task
	out  Outcome
}

// Run feeds the tasks of each (see Inputs.Each) through the pool. It returns the first
// error of each or Emit, or ctx's error when ctx ends first; outcomes of tasks cut short
// by ctx are not emitted, so that an interrupted batch never records them as done.
func (p *Pool) Run(ctx context.Context, each func(context.Context, func(*Task) bool) error) error {
	workers := max(p.Workers, 1)
	window := p.Window
	if window <= 0 {
		window = 32 * workers
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	slots := make(chan struct{}, window)
	jobs := make(chan done)
	results := make(chan done, window)
	feedEnd := make(chan fed, 1)
	go func() { feedEnd <- p.feed(ctx, each, slots, jobs) }()
	for range workers {
		go func() {
			for j := range jobs {
				if p.Prepare != nil {
					p.Prepare(j.task)
				}
				j.out = p.run(ctx, j.task)
				results <- j
			}
		}()
	}
	return p.collect(ctx, cancel, slots, results, feedEnd)
}

// feed enumerates tasks, taking a window slot for each before handing it to the workers.
func (p *Pool) feed(ctx context.Context, each func(context.Context, func(*Task) bool) error, slots chan struct{}, jobs chan<- done) fed {
	defer close(jobs)
	seq := 0
	err := each(ctx, func(t *Task) bool {
		select {
		case slots <- struct{}{}:
		case <-ctx.Done():
			return false
		}
		select {
		case jobs <- done{seq: seq, task: t}:
			seq++
			return true
		case <-ctx.Done():
			return false
		}
	})
	if err == nil {
		err = ctx.Err()
	}
	return fed{n: seq, err: err}
}

// fed is the end of the enumeration: how many tasks were fed, and why it stopped.
type fed struct {
	n   int
	err error
}

// collect emits outcomes in order and returns once every fed task is emitted.
func (p *Pool) collect(ctx context.Context, cancel func(), slots chan struct{}, results chan done, feedEnd chan fed) error {
	pending := map[int]done{}
	next, total := 0, -1
	var endErr error
	for total < 0 || next < total {
		select {
		case r := <-results:
			pending[r.seq] = r
		case f := <-feedEnd:
			total = f.n
			if endErr == nil {
				endErr = f.err
			}
			continue
		}
		for {
			r, ok := pending[next]
			if !ok {
				break
			}
			delete(pending, next)
			next++
			<-slots
			if ctx.Err() != nil {
				continue // interrupted: drain without recording
			}
			if err := p.Emit(r.task, r.out); err != nil {
				cancel()
				endErr = err
			}
		}
	}
	if endErr != nil && !errors.Is(endErr, context.Canceled) {
		return endErr
	}
	if endErr != nil || ctx.Err() != nil {
		return context.Cause(ctx)
	}
	return nil
}

// run processes one task under the per-task time limit. A task that overruns is reported
// as failed at once; its goroutine is left to finish in the background, as Go cannot
// stop a computation from outside.
func (p *Pool) run(ctx context.Context, t *Task) Outcome {
	if p.DocTimeout <= 0 {
		return p.Process(ctx, t)
	}
	tctx, cancel := context.WithTimeout(ctx, p.DocTimeout)
	defer cancel()
	ch := make(chan Outcome, 1)
	go func() { ch <- p.Process(tctx, t) }()
	select {
	case o := <-ch:
		if o.Err != nil && ctx.Err() == nil && errors.Is(tctx.Err(), context.DeadlineExceeded) {
			o.Err = clean.Named(t.Name, ErrTimeLimit)
		}
		return o
	case <-tctx.Done():
		if ctx.Err() != nil {
			return Outcome{Err: ctx.Err()}
		}
		return Outcome{Err: clean.Named(t.Name, fmt.Errorf("%w (%s)", ErrTimeLimit, p.DocTimeout))}
	}
}

// ErrTimeLimit is the error of an input that took longer than the per-document limit.
var ErrTimeLimit = errors.New("per-document time limit exceeded")
