package batch

import (
	"bytes"
	"io"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/render"
)

// A Sink is where a batch's outputs go: a JSON Lines stream (Stream), a resumable JSON
// Lines file (JSONLFile) or one file per input in a directory (Dir). A new output is one
// Sink and its test.
type Sink interface {
	// Format is the output format of the records or files.
	Format() clean.Format
	// Finished reports whether an earlier run wrote the output of t (resume). It is asked
	// in input order, as the inputs are read, before t is decoded (decoding a JSONL
	// record is a worker's job); a sink that cannot tell before says false, and answers
	// in the worker with an Exists(*Task) bool method.
	Finished(t *Task) (bool, error)
	// Render runs in a worker: it returns the record of a cleaned input, to be emitted
	// in order, or writes the input's own file and returns nil. An error writing the
	// output is an *OutputError, which stops the batch; other errors are the input's.
	Render(t *Task, doc clean.Document, opts clean.WriteOptions) ([]byte, error)
	// Failed returns the record of an input that failed, or nil when the sink keeps no
	// record of failures (the batch then logs them).
	Failed(t *Task, err error) []byte
	// Emit writes the record of t, in input order (for a web archive's records: their
	// corpus record). Its error stops the batch.
	Emit(t *Task, rec []byte) error
	// EndFile is called, in order, after the last record of the web archive file: a
	// sink that writes one part per archive finishes the part.
	EndFile(file string) error
	// Close flushes and closes the output.
	Close() error
}

// Record is a batch's JSON Lines record: the Document, with the input's id (a JSONL
// record's) and, for an input that failed, why (and no text).
type Record struct {
	ID string `json:"id,omitempty"`
	clean.Document
	Error string `json:"error,omitempty"`
}

// jsonlRecord renders the record of a cleaned input: the Document's JSON Lines form,
// with "id" put first when the task has one (the bytes encoding/json writes for a Record,
// which TestRecordJSON checks, without its reflection).
func jsonlRecord(t *Task, doc clean.Document) ([]byte, error) {
	var out bytes.Buffer
	if err := clean.Write(&out, doc, clean.FormatJSONL, clean.WriteOptions{}); err != nil {
		return nil, clean.Named(t.Name, err)
	}
	if t.ID == "" {
		return out.Bytes(), nil
	}
	rec := make([]byte, 0, out.Len()+len(t.ID)+8)
	rec = append(render.AppendJSONString(append(rec, `{"id":`...), t.ID), ',')
	return append(rec, out.Bytes()[1:]...), nil // the Document's object always holds "source"
}

// errorRecord is the JSONL record of a failed input: its cause, not its name again.
func errorRecord(t *Task, err error) []byte {
	rec := Record{ID: t.ID, Document: clean.Document{Source: t.Name, URL: t.URL},
		Error: render.OneLine(clean.Cause(err).Error())}
	out, _ := render.JSON(rec, "") // a record of strings always encodes
	return out
}

// Stream is a Sink writing JSON Lines records to a stream, such as standard output. It
// cannot resume.
type Stream struct{ W io.Writer }

func (Stream) Format() clean.Format             { return clean.FormatJSONL }
func (Stream) Finished(*Task) (bool, error)     { return false, nil }
func (Stream) Failed(t *Task, err error) []byte { return errorRecord(t, err) }
func (Stream) Close() error                     { return nil }

func (Stream) Render(t *Task, doc clean.Document, _ clean.WriteOptions) ([]byte, error) {
	return jsonlRecord(t, doc)
}

func (Stream) EndFile(string) error { return nil }

func (s Stream) Emit(_ *Task, rec []byte) error {
	_, err := s.W.Write(rec)
	return err
}
