package batch

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/fsutil"
	"github.com/cleanhq/clean/internal/source"
	"github.com/cleanhq/clean/internal/warc"
)

// Corpus is where a task read from a web archive comes from: the fields of its corpus
// record (see package corpus) that the archive gives.
type Corpus struct {
	File      string // the archive, as given (path or URL)
	RecordID  string // WARC-Record-ID
	Date      string // WARC-Date, as written
	Offset    int64  // where the record starts in the file (see warc.Record.Offset)
	Truncated string // WARC-Truncated, "" when whole
	Language  string // WARC-Identified-Content-Language (WET), as written
	Skip      string // why the record is not cleaned ("revisit", "status 404"…); "" to clean it

	// EndOfFile marks a task that is no record but the end of File: every record of it
	// was emitted before. A sink writing one part per archive closes the part then.
	EndOfFile bool

	notDocuments int // on the EndOfFile task: the archive's records that stand for no document
}

// warcTypes are the records that stand for a document: each gets a task, and a record in
// the output, even when it is skipped (a revisit, a 404, an image). The others (request,
// metadata, warcinfo) are counted only.
var warcTypes = map[string]bool{"response": true, "resource": true, "conversion": true, "revisit": true}

// IsWARCName reports whether a file name or URL path says WARC or WET: .warc, .wet,
// .arc, optionally .gz (as in .warc.gz, .warc.wet.gz).
func IsWARCName(name string) bool {
	if source.IsURL(name) {
		name = strings.SplitN(strings.SplitN(name, "?", 2)[0], "#", 2)[0]
	}
	l := strings.TrimSuffix(strings.ToLower(name), ".gz")
	return strings.HasSuffix(l, ".warc") || strings.HasSuffix(l, ".wet") || strings.HasSuffix(l, ".wat")
}

// sniffWARC reports whether the regular file name starts like a WARC file (plain or
// gzip), for archives whose name does not say so. Names that say HTML, text or JSON are
// not opened.
func sniffWARC(name string) bool {
	if e := ext(name); pageName(name) || e == ".json" || e == ".jsonl" || e == ".ndjson" {
		return false
	}
	f, err := os.Open(name)
	if err != nil {
		return false
	}
	defer f.Close()
	return warc.Sniff(bufio.NewReaderSize(f, 4096))
}

// warcFile emits one task per document record of an archive, then its EndOfFile task.
// The archive is read as a stream (a file, "-", or an http(s) URL), one record at a time.
func (e *enumerator) warcFile(name string) error {
	if e.countOnly {
		e.uncountable = true // counting would read the whole archive once more
		return nil
	}
	if e.in.DoneFile != nil && e.in.DoneFile(name) {
		e.emit(&Task{Name: name, Corpus: &Corpus{File: name, EndOfFile: true}, Err: ErrFileDone})
		return nil
	}
	end := &Task{Name: name, Corpus: &Corpus{File: name, EndOfFile: true}}
	seen := e.notDocuments
	defer func() {
		end.Corpus.notDocuments = e.notDocuments - seen
		e.emit(end)
	}()
	r, err := source.OpenStream(e.ctx, name, source.Options{Stdin: e.in.Stdin, UserAgent: e.in.UserAgent, Timeout: e.in.Timeout})
	if err != nil {
		e.emit(warcErrorTask(name, 0, err))
		return nil
	}
	defer r.Close()
	wr, err := warc.NewReader(r, name, warc.WithMaxBody(e.in.maxBytes()))
	if err != nil {
		e.emit(warcErrorTask(name, 0, err))
		return nil
	}
	return e.warcRecords(name, wr)
}

// warcRecords emits the tasks of the records of an open archive.
func (e *enumerator) warcRecords(name string, wr *warc.Reader) error {
	for n := 1; !e.stopped; n++ {
		rec, err := wr.Next()
		switch {
		case errors.Is(err, io.EOF):
			return nil
		case rec == nil: // fatal: the rest of the archive cannot be read
			e.emit(warcErrorTask(name, n, err))
			return nil
		case err != nil:
			t := recordTask(name, n, rec)
			t.Err = err
			e.emit(t)
		case warcTypes[rec.Type]:
			e.emit(recordTask(name, n, rec))
		default:
			e.notDocuments++
		}
	}
	return nil
}

// recordTask is the task of WARC record number n of the archive name.
func recordTask(name string, n int, rec *warc.Record) *Task {
	c := &Corpus{File: name, RecordID: rec.ID, Date: rec.Date, Offset: rec.Offset,
		Truncated: rec.Truncated, Language: rec.IdentifiedLanguage}
	t := &Task{Name: fmt.Sprintf("%s#%d", name, n), URL: rec.TargetURI, Rel: fmt.Sprintf("%s/record-%d", name, n), Corpus: c}
	switch kind, reason := rec.Kind(); kind {
	case warc.KindHTML:
		t.Kind, t.Data, t.ContentType = decode.HTML, rec.Body, rec.ContentType
	case warc.KindText:
		t.Kind, t.Data = decode.Text, rec.Body
	default:
		c.Skip = reason
	}
	return t
}

// warcErrorTask is the error of an archive that cannot be read (further): after record
// n−1, or not at all when n is 0.
func warcErrorTask(name string, n int, err error) *Task {
	c := &Corpus{File: name}
	task := &Task{Name: name, Corpus: c, Err: fsutil.PathErr(err)}
	if n > 0 {
		task.Name = fmt.Sprintf("%s#%d", name, n)
	}
	return task
}

// ErrFileDone marks the EndOfFile task of an archive that an earlier run finished: its
// records are not read again.
var ErrFileDone = errors.New("finished by an earlier run")

// maxBytes caps one record's body, as --max-size caps a document.
func (in *Inputs) maxBytes() int64 {
	if in.JSONL.MaxBytes > 0 {
		return in.JSONL.MaxBytes
	}
	return source.DefaultMaxBytes
}
