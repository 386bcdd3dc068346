package batch

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/render"
)

// Batch is one run of the pipeline over many inputs. Set Inputs, Fetch, and one output:
// JSONL (a stream, or a resumable file) or Dir.
type Batch struct {
	Inputs     *Inputs
	Fetch      *Fetcher
	Workers    int
	Window     int // in-flight inputs, default 32 × Workers (see Pool)
	DocTimeout time.Duration
	Clean      clean.Options
	Render     clean.WriteOptions

	JSONL     io.Writer  // JSON Lines records to this stream (no resume)…
	JSONLFile *JSONLFile // …or to this file, resuming…
	Dir       *Dir       // …or one file per input in this format:
	Format    clean.Format

	Progress Progress // nil for none
}

// Run cleans every input and writes one record (or file) per input, in input order. Inputs
// that fail are counted in Stats.Failed and recorded; the error is for the batch itself
// (an output that cannot be written, an interruption, an enumeration failure).
func (b *Batch) Run(ctx context.Context) (Stats, error) {
	start := time.Now()
	var st Stats
	prog := b.Progress
	if prog == nil {
		prog = LogOnly{W: io.Discard}
	}
	defer prog.Close()
	pool := &Pool{Workers: b.Workers, Window: b.Window, DocTimeout: b.DocTimeout,
		Prepare: (*Task).Decode, Process: b.process,
		Emit: func(t *Task, o Outcome) error { return b.record(&st, prog, t, o) }}
	err := pool.Run(ctx, func(ctx context.Context, yield func(*Task) bool) error {
		var skipErr error
		err := b.Inputs.Each(ctx, func(t *Task) bool {
			skip, err := b.finished(t)
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

// record counts and reports one outcome and writes its record, in input order.
func (b *Batch) record(st *Stats, prog Progress, t *Task, o Outcome) error {
	if o.Err == nil {
		st.Done++
	} else {
		st.Failed++
		if b.Dir != nil {
			prog.Log("clean: " + render.OneLine(o.Err.Error()))
		}
	}
	if b.Format != clean.FormatJSON {
		for _, r := range o.Removed { // --explain with Markdown or text files
			prog.Log(fmt.Sprintf("%s: removed [%s] %q", render.OneLine(t.Name), r.Rule, r.Text))
		}
	}
	prog.Finished(o.Err == nil)
	if o.Err != nil && b.Dir == nil {
		o.Out = b.errorRecord(t, o.Err)
	}
	return b.emit(o)
}

// finished reports whether an earlier run wrote t's record or file.
func (b *Batch) finished(t *Task) (bool, error) {
	switch {
	case b.JSONLFile != nil:
		return b.JSONLFile.Done(t.Name)
	case b.Dir != nil:
		t.Decode() // the file name holds the record's id
		return b.Dir.Has(b.Dir.Target(t)), nil
	}
	return false, nil
}

// process runs in a worker: it cleans t and renders its record, or writes its file.
func (b *Batch) process(ctx context.Context, t *Task) Outcome {
	doc, err := b.Document(ctx, t)
	t.Data = nil // the task may wait for its turn: keep only the outcome
	if b.Dir != nil {
		if err == nil {
			err = b.writeFile(t, doc)
		}
		return Outcome{Err: err, Removed: doc.Removed}
	}
	if err != nil {
		return Outcome{Err: err} // its record is made by record, also for time-outs
	}
	out, err := render.JSON(Record{ID: t.ID, Document: doc}, "")
	if err != nil {
		return Outcome{Err: clean.Named(t.Name, err)}
	}
	return Outcome{Out: out}
}

// Record is a batch's JSON Lines record: the Document, with the input's id (a JSONL
// record's) and, for an input that failed, why (and no text).
type Record struct {
	ID string `json:"id,omitempty"`
	clean.Document
	Error string `json:"error,omitempty"`
}

// errorRecord is the JSONL record of a failed input.
func (b *Batch) errorRecord(t *Task, err error) []byte {
	rec := Record{ID: t.ID, Document: clean.Document{Source: t.Name, URL: t.URL},
		Error: render.OneLine(clean.Cause(err).Error())}
	out, _ := render.JSON(rec, "") // a record of strings always encodes
	return out
}

// Document reads and cleans the input of t. Errors name the input.
func (b *Batch) Document(ctx context.Context, t *Task) (clean.Document, error) {
	t.Decode()
	if t.Err != nil {
		return clean.Document{}, clean.Named(t.Name, t.Err)
	}
	in := clean.Input{Name: t.Name, URL: t.URL, Data: t.Data}
	if t.Data == nil {
		read, err := b.Fetch.Read(ctx, t.Name)
		if err != nil {
			return clean.Document{}, clean.Named(t.Name, err)
		}
		in = clean.Input(read)
	}
	opts := b.Clean
	if t.Kind != "" && (opts.Kind == "" || opts.Kind == clean.KindAuto) {
		opts.Kind = clean.Kind(t.Kind)
	}
	return clean.Clean(ctx, in, opts)
}

func (b *Batch) writeFile(t *Task, doc clean.Document) error {
	var buf bytes.Buffer
	if err := clean.Write(&buf, doc, b.Format, b.Render); err != nil {
		return clean.Named(t.Name, err)
	}
	target := b.Dir.Target(t)
	if err := b.Dir.Write(target, buf.Bytes()); err != nil {
		return clean.Named(t.Name, fmt.Errorf("writing %s: %w", target, err))
	}
	return nil
}

// emit writes a record, in input order.
func (b *Batch) emit(o Outcome) error {
	switch {
	case o.Out == nil:
		return nil
	case b.JSONLFile != nil:
		return b.JSONLFile.Append(o.Out)
	case b.JSONL != nil:
		_, err := b.JSONL.Write(o.Out)
		return err
	}
	return nil
}
