package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"strings"
)

// DefaultMaxBody is the MaxBody of a Reader made without WithMaxBody.
const DefaultMaxBody = 32 << 20

// Errors, matched with errors.Is. A per-record error comes with its
// Record; a fatal one without.
var (
	ErrNotWARC   = errors.New("not a WARC file")                         // NewReader: the input does not start with a WARC record
	ErrTooLarge  = errors.New("record larger than MaxBody")              // the block, or the body once decoded, is over MaxBody
	ErrBadHeader = errors.New("bad WARC header")                         // no end of header, no Content-Length…
	ErrTruncated = errors.New("truncated")                               // the file or a gzip member ends inside the record
	ErrCorrupt   = errors.New("corrupt gzip data")                       // a gzip member that does not decompress
	ErrLength    = errors.New("Content-Length does not match the block") // bytes that are not a record separator follow the block
	ErrDecode    = errors.New("body does not decode")                    // a content coding that breaks on the way
)

// Option configures a Reader.
type Option func(*Reader)

// WithMaxBody caps the size of a record's block and of its decoded body
// (bytes); a record over it is an ErrTooLarge error for that record.
func WithMaxBody(n int64) Option { return func(r *Reader) { r.maxBody = n } }

// Reader reads the records of one WARC, WARC.gz or WET stream in order.
type Reader struct {
	name    string
	maxBody int64
	stream  *stream
	data    *bufio.Reader // the uncompressed stream
	fatal   error
	done    bool
}

// NewReader returns a Reader of the WARC stream r, plain or gzip (told
// by the magic bytes, not by the name). name is used in error messages
// and Record.File. It fails with ErrNotWARC when r does not start with a
// WARC record; an empty r gives a Reader with no records.
func NewReader(r io.Reader, name string, opts ...Option) (*Reader, error) {
	rd := &Reader{name: name, maxBody: DefaultMaxBody}
	for _, o := range opts {
		o(rd)
	}
	s, err := newStream(r)
	if err != nil {
		return nil, fmt.Errorf("warc: %s: %w", name, err)
	}
	rd.stream = s
	rd.data = bufio.NewReaderSize(s, 2*maxHeader)
	if err := rd.checkStart(); err != nil {
		return nil, fmt.Errorf("warc: %s: %w", name, err)
	}
	return rd, nil
}

// checkStart fails with ErrNotWARC when the stream, after line breaks
// (a member may start with the end of the record before), does not start
// with "WARC/".
func (r *Reader) checkStart() error {
	buf, err := r.data.Peek(64)
	if len(buf) == 0 && err == io.EOF {
		return nil
	}
	start := bytes.TrimLeft(buf, "\r\n")
	if bytes.HasPrefix(start, warcMagic) {
		return nil
	}
	if err != nil && err != io.EOF {
		return err
	}
	return fmt.Errorf("%w (it starts with %q)", ErrNotWARC, start[:min(len(start), 16)])
}

// Next returns the next record, or io.EOF after the last. An error with
// a non-nil Record is about that record only (its fields tell which):
// call Next again to go on. An error with a nil Record is fatal: the
// stream cannot be read on, and Next returns it again.
func (r *Reader) Next() (*Record, error) {
	if r.fatal != nil {
		return nil, r.fatal
	}
	if r.done {
		return nil, io.EOF
	}
	rec, err := r.next()
	if err == nil || err == io.EOF {
		return rec, err
	}
	if rec == nil {
		r.fatal = fmt.Errorf("warc: %s: %w", r.name, err)
		return nil, r.fatal
	}
	return rec, fmt.Errorf("warc: %s: record at offset %d: %w", r.name, rec.Offset, err)
}

// pos is the position of the next unread byte of the uncompressed stream.
func (r *Reader) pos() int64 { return r.stream.produced - int64(r.data.Buffered()) }

func (r *Reader) next() (*Record, error) {
	if _, _, err := r.seekMagic(); err != nil {
		if err == io.EOF && r.stream.failed() == nil {
			r.done = true
			return nil, io.EOF
		}
		return r.streamError(&Record{File: r.name, Offset: r.stream.rawPos(), StreamOffset: r.pos()}, err)
	}
	start := r.pos()
	rec := &Record{File: r.name, Offset: r.stream.memberOffset(start), StreamOffset: start}
	buf, err := r.data.Peek(maxHeader)
	h, ok := parseHeader(buf)
	if !ok {
		if err != nil {
			return r.streamError(rec, err)
		}
		_, _ = r.data.Discard(1)
		return rec, fmt.Errorf("%w: no end of header in %d bytes", ErrBadHeader, maxHeader)
	}
	rec.setHeader(h)
	if h.length < 0 {
		_, _ = r.data.Discard(h.size)
		return rec, fmt.Errorf("%w: no valid Content-Length", ErrBadHeader)
	}
	if h.length > r.maxBody {
		return r.skipRecord(rec, start+int64(h.size)+h.length,
			fmt.Errorf("%w: Content-Length %d > %d", ErrTooLarge, h.length, r.maxBody))
	}
	return r.parse(rec, h.size)
}

// parse reads the block of the record whose header block, of size bytes,
// is ahead in the stream, and fills rec from it. The block is read into
// one slice of its Content-Length, which the Body of an HTTP message
// shares when no coding is to be removed.
func (r *Reader) parse(rec *Record, size int) (*Record, error) {
	_, _ = r.data.Discard(size) // peeked: it is buffered
	block := make([]byte, rec.Length)
	if _, err := io.ReadFull(r.data, block); err != nil {
		return r.streamError(rec, err)
	}
	err := r.fillBlock(rec, block)
	if gapErr := r.checkGap(); err == nil {
		err = gapErr
	}
	return rec, err
}

// skipRecord goes past the block ending at end and returns err for rec.
func (r *Reader) skipRecord(rec *Record, end int64, err error) (*Record, error) {
	if n := end - r.pos(); n > 0 {
		if _, derr := r.data.Discard(int(min(n, 1<<62))); derr != nil && r.stream.failed() != nil {
			return r.streamError(rec, derr)
		}
	}
	return rec, err
}

// streamError handles an error of the stream under rec: the end of the
// input, a truncated or corrupt gzip member (an error for rec, then the
// reader goes on at the next gzip member when there is one), or a read
// error (fatal).
func (r *Reader) streamError(rec *Record, err error) (*Record, error) {
	if ioErr := r.stream.count.err; ioErr != nil {
		return nil, ioErr
	}
	if serr := r.stream.failed(); serr != nil {
		if !r.stream.resync() {
			r.done = true
		}
		r.data.Reset(r.stream)
		return rec, serr
	}
	if errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) {
		r.done = true
		return rec, fmt.Errorf("%w: the file ends inside the record", ErrTruncated)
	}
	return nil, err
}

// seekMagic skips to the next "WARC/" in the stream and tells how many
// bytes it skipped and whether they were all line breaks.
func (r *Reader) seekMagic() (skipped int64, blank bool, err error) {
	blank = true
	for {
		buf, err := r.data.Peek(len(warcMagic))
		if bytes.Equal(buf, warcMagic) {
			return skipped, blank, nil
		}
		if err != nil {
			blank = blank && isBlank(buf)
			n, _ := r.data.Discard(len(buf))
			return skipped + int64(n), blank, err
		}
		avail, _ := r.data.Peek(r.data.Buffered())
		i := bytes.Index(avail, warcMagic)
		if i < 0 {
			i = len(avail) - len(warcMagic) + 1
		}
		blank = blank && isBlank(avail[:i])
		n, _ := r.data.Discard(i)
		skipped += int64(n)
	}
}

// checkGap goes to the next record and fails when what it skipped is
// not only the line breaks that end a record: then the block was longer
// than its Content-Length says.
func (r *Reader) checkGap() error {
	skipped, blank, _ := r.seekMagic()
	if blank {
		return nil
	}
	return fmt.Errorf("%w: %d stray bytes before the next record", ErrLength, skipped)
}

func isBlank(b []byte) bool {
	return len(bytes.Trim(b, "\r\n")) == 0
}

func (rec *Record) setHeader(h header) {
	rec.Version = h.version
	rec.Header = h.fields
	rec.Length = h.length
	rec.Type = strings.ToLower(h.fields.Get("WARC-Type"))
	rec.ID = h.fields.Get("WARC-Record-ID")
	rec.TargetURI = strings.Trim(h.fields.Get("WARC-Target-URI"), "<>")
	rec.Date = h.fields.Get("WARC-Date")
	rec.Truncated = h.fields.Get("WARC-Truncated")
	rec.RefersTo = h.fields.Get("WARC-Refers-To")
	rec.IdentifiedLanguage = h.fields.Get("WARC-Identified-Content-Language")
	rec.ContentType = h.fields.Get("Content-Type")
	for _, f := range requiredFields {
		if len(h.fields.Values(f)) == 0 {
			rec.Warnings = append(rec.Warnings, "missing required field "+f)
		}
	}
}

// requiredFields are the WARC fields every record must have (WARC 1.1, 5.1).
var requiredFields = []string{"WARC-Record-ID", "Content-Length", "WARC-Date", "WARC-Type"}
