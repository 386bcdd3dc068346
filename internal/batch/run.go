package batch

import (
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/corpus"
	"github.com/cleanhq/clean/internal/dedup"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/internal/source"
)

// Config is what a batch is made of. Inputs and Sink are required; New fills in the rest.
type Config struct {
	Inputs     Source
	Sink       Sink
	Fetch      *Fetcher // nil: files and stdin only, URLs with the default limits
	Workers    int      // default 1
	Window     int      // in-flight inputs, default 32 × Workers (see Pool)
	DocTimeout time.Duration
	Clean      clean.Options
	Render     clean.WriteOptions
	Progress   Progress // nil for none

	// Web archives' records (corpus records).
	Filters corpus.Filters // quality filters that drop documents (none: keep all)
	MinHash bool           // also mark near duplicates (MinHash), besides exact ones
}

// Batch is one run of the pipeline over many inputs. Make it with New.
type Batch struct {
	cfg         Config
	cleaner     Cleaner
	textCleaner Cleaner // for web archives' records: their corpus records hold plain text only

	exact       *dedup.Exact   // exact duplicates within the current archive
	minhash     *dedup.MinHash // the permutations, read by workers (nil without MinHash)
	minhashSeen *dedup.MinHash // near duplicates within the current archive
}

// New checks the configuration and returns the batch.
func New(cfg Config) (*Batch, error) {
	switch {
	case cfg.Inputs == nil:
		return nil, errors.New("batch: no inputs")
	case cfg.Sink == nil:
		return nil, errors.New("batch: no output")
	case cfg.Workers < 0 || cfg.Window < 0 || cfg.DocTimeout < 0:
		return nil, fmt.Errorf("batch: negative workers (%d), window (%d) or time limit (%s)", cfg.Workers, cfg.Window, cfg.DocTimeout)
	}
	if cfg.Workers == 0 {
		cfg.Workers = 1
	}
	if cfg.Fetch == nil {
		cfg.Fetch = &Fetcher{}
	}
	if cfg.Progress == nil {
		cfg.Progress = LogOnly{W: io.Discard}
	}
	cfg.Clean.Format = cfg.Sink.Format() // only what the output prints is rendered
	b := &Batch{cfg: cfg, cleaner: Cleaner{Fetch: cfg.Fetch, Clean: cfg.Clean}, exact: dedup.NewExact()}
	b.textCleaner = b.cleaner
	b.textCleaner.Clean.Format = clean.FormatText
	if cfg.MinHash {
		b.minhash = dedup.NewMinHash()
		b.minhashSeen = b.minhash.Fresh()
	}
	return b, nil
}

// Run cleans every input and writes one record (or file) per input, in input order. Inputs
// that fail are counted in Stats.Failed and recorded; the error is for the batch itself
// (an output that cannot be written, an *OutputError from the sink's Render or its Emit's
// error, which stop the batch at once; an interruption; an enumeration failure). Run does
// not close the sink.
func (b *Batch) Run(ctx context.Context) (Stats, error) {
	start := time.Now()
	var st Stats
	prog := b.cfg.Progress
	defer prog.Close()
	pool := &Pool{Workers: b.cfg.Workers, Window: b.cfg.Window, DocTimeout: b.cfg.DocTimeout,
		Prepare: (*Task).Decode, Process: b.process,
		Emit: func(t *Task, o Outcome) error { return b.record(&st, prog, t, o) }}
	err := pool.Run(ctx, func(ctx context.Context, yield func(*Task) bool) error {
		var skipErr error
		err := b.cfg.Inputs.Each(ctx, func(t *Task) bool {
			if t.Corpus != nil && t.Corpus.EndOfFile {
				return yield(t) // no record of its own: it ends an archive's part, in order
			}
			skip, err := b.cfg.Sink.Finished(t)
			if err != nil {
				skipErr = err
				return false
			}
			if skip {
				st.Skipped++
				prog.Skipped()
				return true
			}
			return yield(t)
		})
		return errors.Join(skipErr, err)
	})
	st.Elapsed = time.Since(start)
	return st, err
}

// record counts and reports one outcome and emits its record, in input order.
func (b *Batch) record(st *Stats, prog Progress, t *Task, o Outcome) error {
	if t.Corpus != nil {
		return b.recordCorpus(st, prog, t, o)
	}
	sink := b.cfg.Sink
	if o.Skipped {
		st.Skipped++
		prog.Skipped()
		return nil
	}
	var oe *OutputError
	if errors.As(o.Err, &oe) {
		return oe // the output cannot be written: the batch stops here
	}
	if o.Err == nil {
		st.Done++
	} else {
		st.Failed++
		o.Out = sink.Failed(t, o.Err)
		if o.Out == nil {
			prog.Log("clean: " + render.OneLine(o.Err.Error()))
		}
	}
	for _, r := range o.Removed { // --explain, when the output has no place for removals
		prog.Log(render.OneLine(t.Name) + ": " + r.String())
	}
	prog.Finished(o.Err == nil)
	if o.Out == nil {
		return nil
	}
	return sink.Emit(t, o.Out)
}

// process runs in a worker: it cleans t and renders its record, or writes its file.
func (b *Batch) process(ctx context.Context, t *Task) Outcome {
	if t.Corpus != nil {
		return b.corpusOutcome(ctx, t)
	}
	if e, ok := b.cfg.Sink.(interface{ Exists(*Task) bool }); ok && t.Err == nil && e.Exists(t) {
		return Outcome{Skipped: true} // a decoded JSONL record whose file a run wrote
	}
	doc, err := b.cleaner.Document(ctx, t)
	t.Data = nil // the task may wait for its turn: keep only the outcome
	if err != nil {
		return Outcome{Err: err} // its record is made by record, also for time-outs
	}
	out, err := b.cfg.Sink.Render(t, doc, b.cfg.Render)
	o := Outcome{Out: out, Err: err}
	if f := b.cfg.Sink.Format(); f != clean.FormatJSON && f != clean.FormatJSONL {
		o.Removed = doc.Removed
	}
	return o
}

// Cleaner reads and cleans one input: what a batch's workers do, for a command that runs a
// Pool of its own (clean learn).
type Cleaner struct {
	Fetch *Fetcher
	Clean clean.Options
}

// Document reads and cleans the input of t. Errors name the input.
func (c *Cleaner) Document(ctx context.Context, t *Task) (clean.Document, error) {
	t.Decode()
	if t.Err != nil {
		return clean.Document{}, clean.Named(t.Name, t.Err)
	}
	in := clean.Input{Name: t.Name, URL: t.URL, ContentType: t.ContentType, Data: t.Data}
	if t.Data == nil {
		read, err := c.Fetch.Read(ctx, t.Name)
		if err != nil {
			return clean.Document{}, clean.Named(t.Name, err)
		}
		in = clean.Input(read)
	}
	opts := c.Clean
	if opts.Kind == "" || opts.Kind == clean.KindAuto {
		switch {
		case t.Kind != "":
			opts.Kind = clean.Kind(t.Kind)
		case t.Data == nil && t.Corpus == nil && source.IsTextName(t.Name): // a file
			opts.Kind = clean.KindText
		}
	}
	return clean.Clean(ctx, in, opts)
}
