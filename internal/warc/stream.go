package warc

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"

	"github.com/klauspost/compress/gzip"
)

var gzipMagic = []byte{0x1f, 0x8b}

// member is a gzip member seen by the stream: where it starts in the
// compressed file and in the uncompressed stream.
type member struct {
	comp, plain int64
}

// stream is the uncompressed WARC byte stream of a file, plain or gzip
// (one member per record, several records per member, or one member for
// the whole file: gzip members are read one after the other, so records
// may span members). It remembers where the recent members start, so a
// position in the uncompressed stream can be mapped back to the
// compressed offset of its member.
type stream struct {
	raw      *bufio.Reader
	count    *countingReader
	gzip     bool
	gz       *gzip.Reader
	inMember bool
	produced int64 // uncompressed bytes handed out so far
	members  []member
	err      error // sticky error of the compressed layer
}

func newStream(r io.Reader) (*stream, error) {
	count := &countingReader{r: r}
	s := &stream{count: count, raw: bufio.NewReaderSize(count, 64<<10)}
	magic, err := s.raw.Peek(2)
	if err != nil && err != io.EOF {
		return nil, err
	}
	s.gzip = bytes.Equal(magic, gzipMagic)
	return s, nil
}

// rawPos is the offset in the file of the next compressed byte to read.
func (s *stream) rawPos() int64 { return s.count.n - int64(s.raw.Buffered()) }

func (s *stream) Read(p []byte) (int, error) {
	if !s.gzip {
		n, err := s.raw.Read(p)
		s.produced += int64(n)
		return n, err
	}
	for {
		if s.err != nil {
			return 0, s.err
		}
		if !s.inMember {
			if s.err = s.startMember(); s.err != nil {
				return 0, s.err
			}
		}
		n, err := s.gz.Read(p)
		s.produced += int64(n)
		if err == io.EOF {
			s.inMember = false
			err = nil
		} else if err != nil {
			s.err = s.memberError(err)
		}
		if n > 0 || err != nil {
			return n, err
		}
	}
}

func (s *stream) startMember() error {
	magic, err := s.raw.Peek(2)
	if len(magic) == 0 && err == io.EOF {
		return io.EOF
	}
	if !bytes.Equal(magic, gzipMagic) {
		return fmt.Errorf("%w: data that is not gzip after the gzip member ending at offset %d", ErrCorrupt, s.rawPos())
	}
	s.members = append(s.members, member{comp: s.rawPos(), plain: s.produced})
	if s.gz == nil {
		s.gz, err = gzip.NewReader(s.raw)
	} else {
		err = s.gz.Reset(s.raw)
	}
	if err != nil {
		return s.memberError(err)
	}
	s.gz.Multistream(false)
	s.inMember = true
	return nil
}

func (s *stream) memberError(err error) error {
	if s.count.err != nil {
		return s.count.err
	}
	start := s.members[len(s.members)-1].comp
	if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fmt.Errorf("%w: gzip member at offset %d ends early", ErrTruncated, start)
	}
	return fmt.Errorf("%w: gzip member at offset %d: %v", ErrCorrupt, start, err)
}

// failed returns the error of the compressed layer, nil at its end.
func (s *stream) failed() error {
	if s.err == io.EOF {
		return nil
	}
	return s.err
}

// resync drops a failed gzip member and goes on at the next gzip magic
// in the file (the next record in a per-record gzip file). It reports
// whether the stream can go on.
func (s *stream) resync() bool {
	if s.failed() == nil {
		return s.err == nil
	}
	s.inMember = false
	if _, err := s.raw.Discard(1); err != nil {
		return false
	}
	for {
		buf, err := s.raw.Peek(s.raw.Size())
		if i := bytes.Index(buf, []byte{0x1f, 0x8b, 0x08}); i >= 0 {
			_, _ = s.raw.Discard(i)
			s.err = nil
			return true
		}
		if err != nil {
			return false
		}
		_, _ = s.raw.Discard(len(buf) - 2)
	}
}

// memberOffset maps a position in the uncompressed stream to the
// compressed offset of the gzip member it lies in (the position itself
// for a plain file), and forgets the members before it.
func (s *stream) memberOffset(plain int64) int64 {
	if !s.gzip {
		return plain
	}
	i := 0
	for i+1 < len(s.members) && s.members[i+1].plain <= plain {
		i++
	}
	s.members = s.members[i:]
	if len(s.members) == 0 {
		return 0
	}
	return s.members[0].comp
}

// countingReader counts the bytes read from the file and keeps its first
// error other than io.EOF: an I/O error, which no resync can get past.
type countingReader struct {
	r   io.Reader
	n   int64
	err error
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	if err != nil && err != io.EOF && c.err == nil {
		c.err = err
	}
	return n, err
}
