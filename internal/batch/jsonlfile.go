package batch

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/fsutil"
)

// JSONLFile is a batch's JSON Lines output file, opened to resume.
//
// Resume works because a batch writes its records in input order: whatever a killed run
// left is the records of a prefix of the inputs, maybe followed by a partial line. Opening
// the file keeps every complete, valid record and cuts the file after the last one (a
// partial or damaged line, and anything after it, is dropped and will be redone); the
// rerun then checks that the kept records are those of its first inputs (by source) and
// appends the records of the rest. Memory stays constant, whatever the file's size.
type JSONLFile struct {
	name   string
	f      *os.File
	w      *bufio.Writer
	kept   *bufio.Reader // the kept records, read again to match them with the inputs
	keptF  *os.File
	left   int // kept records not yet matched with an input
	index  int // records matched so far
	synced time.Time
}

// syncEvery bounds how much a power loss can take back (a kill -9 takes nothing written).
const syncEvery = 2 * time.Second

// OpenJSONL opens (creating it if need be) a JSONL output file for appending, after
// cutting off a damaged tail.
func OpenJSONL(name string) (*JSONLFile, error) {
	f, err := os.OpenFile(name, os.O_RDWR|os.O_CREATE, 0o644)
	if err != nil {
		return nil, fsutil.PathErr(err)
	}
	good, n, err := validPrefix(f)
	if err == nil {
		err = f.Truncate(good)
	}
	if err == nil {
		_, err = f.Seek(good, io.SeekStart)
	}
	var keptF *os.File
	if err == nil {
		keptF, err = os.Open(name)
	}
	if err != nil {
		f.Close()
		return nil, err
	}
	return &JSONLFile{
		name: name, f: f, w: bufio.NewWriterSize(f, 256<<10), synced: time.Now(),
		kept: bufio.NewReaderSize(io.LimitReader(keptF, good), 64<<10), keptF: keptF, left: n,
	}, nil
}

// validPrefix returns the length of the longest prefix of r made of complete lines that
// are JSON records with a source, and how many there are.
func validPrefix(r io.Reader) (int64, int, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var good int64
	n := 0
	for {
		line, err := br.ReadBytes('\n')
		if err == io.EOF {
			return good, n, nil // a last line without newline is partial
		}
		if err != nil {
			return 0, 0, err
		}
		if _, ok := recordSource(line); !ok {
			return good, n, nil
		}
		good += int64(len(line))
		n++
	}
}

func recordSource(line []byte) (string, bool) {
	var rec struct {
		Source *string `json:"source"`
	}
	if json.Unmarshal(bytes.TrimSpace(line), &rec) != nil || rec.Source == nil {
		return "", false
	}
	return *rec.Source, true
}

// Kept is the number of records kept from an earlier run.
func (j *JSONLFile) Kept() int { return j.left + j.index }

// Done reports whether the next input, named source, already has its record. Inputs must
// be asked about in order; an input that differs from the kept record in its place means
// the file is from another batch, which is an error.
func (j *JSONLFile) Done(source string) (bool, error) {
	if j.left == 0 {
		return false, nil
	}
	line, err := j.kept.ReadBytes('\n')
	if err != nil {
		return false, fmt.Errorf("%s: reading kept records: %w", j.name, err)
	}
	got, _ := recordSource(line)
	j.left--
	j.index++
	if got != source {
		return false, fmt.Errorf("%s: record %d is for %q but input %d is %q: the file holds another batch's output (remove it or choose another -o)",
			j.name, j.index, got, j.index, source)
	}
	return true, nil
}

// Append writes one record (a complete line).
func (j *JSONLFile) Append(rec []byte) error {
	if _, err := j.w.Write(rec); err != nil {
		return err
	}
	if time.Since(j.synced) < syncEvery {
		return nil
	}
	j.synced = time.Now()
	if err := j.w.Flush(); err != nil {
		return err
	}
	return j.f.Sync()
}

// Close flushes, syncs and closes the file.
func (j *JSONLFile) Close() error {
	err := j.w.Flush()
	if err == nil {
		err = j.f.Sync()
	}
	if err = errors.Join(err, j.f.Close(), j.keptF.Close()); err != nil {
		return &OutputError{Name: j.name, Err: fsutil.PathErr(err)}
	}
	return nil
}

// Format is JSON Lines.
func (j *JSONLFile) Format() clean.Format { return clean.FormatJSONL }

// Finished reports whether t already has its record (see Done).
func (j *JSONLFile) Finished(t *Task) (bool, error) { return j.Done(t.Name) }

// Render returns the record of a cleaned input.
func (j *JSONLFile) Render(t *Task, doc clean.Document, _ clean.WriteOptions) ([]byte, error) {
	return jsonlRecord(t, doc)
}

// Failed returns the record of a failed input.
func (j *JSONLFile) Failed(t *Task, err error) []byte { return errorRecord(t, err) }

// Emit appends a record; an error writing it is an *OutputError.
func (j *JSONLFile) Emit(_ *Task, rec []byte) error {
	if err := j.Append(rec); err != nil {
		return &OutputError{Name: j.name, Err: fsutil.PathErr(err)}
	}
	return nil
}

// EndFile has nothing to do: the records of archives are lines like the others.
func (j *JSONLFile) EndFile(string) error { return nil }
