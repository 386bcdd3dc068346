package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/fsutil"
)

// JSONLOptions say where a JSONL record keeps its document, id and page URL.
type JSONLOptions struct {
	Fields   []string // the document's field: the first of these present and non-empty
	IDField  string   // carried through to the output record
	URLField string   // the page URL (base for links, site for rules)
	MaxBytes int64    // cap on one record (line), default DefaultMaxBytes
}

// Record is one JSONL record's document. Err is set, and Data empty, when the record is not
// usable (bad JSON, no document field, over the size cap): the caller reports it.
type Record struct {
	Line  int    // 1-based line number in the file
	ID    string // the id field: a JSON string as is, other JSON values as their text
	URL   string
	Field string // which field held the document
	Data  []byte
	Err   error
}

// IsJSONL reports whether a file name looks like JSON Lines (.jsonl, .ndjson, optionally .gz).
func IsJSONL(name string) bool {
	l := strings.TrimSuffix(strings.ToLower(name), ".gz")
	return strings.HasSuffix(l, ".jsonl") || strings.HasSuffix(l, ".ndjson")
}

// SniffWindow is the most of an input SniffJSONL looks at: a first line longer than this
// is not recognised as JSON Lines (--jsonl says it is).
const SniffWindow = 1 << 20

// SniffJSONL reports whether the input br reads is JSON Lines, without consuming it: its
// first non-blank byte is '{', and its first line and every other whole line in the part
// peeked at are JSON objects. It peeks no further than the first line needs, and at most
// br's buffer size (make it SniffWindow).
func SniffJSONL(br *bufio.Reader) bool {
	for n := min(4096, br.Size()); ; n = min(2*n, br.Size()) {
		head, err := br.Peek(n)
		if lead := bytes.TrimLeft(head, " \t\r\n"); len(lead) > 0 && lead[0] != '{' {
			return false
		}
		if err != nil { // the whole input is in head
			return jsonObjects(head)
		}
		if end := bytes.LastIndexByte(head, '\n'); end >= 0 {
			return jsonObjects(head[:end])
		}
		if n == br.Size() {
			return false
		}
	}
}

// SniffJSONLStream reports whether r, plain or gzip-compressed, holds JSON Lines (see
// SniffJSONL), and returns a reader of all of r's bytes as they were. Most inputs are
// told apart by their first bytes: only those that start with '{' are read further, up to
// their first line (at most SniffWindow bytes of it).
func SniffJSONLStream(r io.Reader) (io.Reader, bool) {
	rec := &recorder{r: r}
	replay := func() io.Reader { return io.MultiReader(bytes.NewReader(rec.buf), r) }
	plain, _, err := fsutil.Gunzip(rec)
	if err != nil {
		return replay(), false
	}
	head := make([]byte, 512)
	n, _ := io.ReadFull(plain, head)
	if lead := bytes.TrimLeft(head[:n], " \t\r\n"); n == 0 || (len(lead) > 0 && lead[0] != '{') {
		return replay(), false
	}
	ok := SniffJSONL(bufio.NewReaderSize(io.MultiReader(bytes.NewReader(head[:n]), plain), SniffWindow))
	return replay(), ok
}

// recorder is a reader that keeps what it reads.
type recorder struct {
	r   io.Reader
	buf []byte
}

func (rec *recorder) Read(p []byte) (int, error) {
	n, err := rec.r.Read(p)
	rec.buf = append(rec.buf, p[:n]...)
	return n, err
}

// jsonObjects reports whether b holds at least one line and every non-blank line of b is
// a JSON object.
func jsonObjects(b []byte) bool {
	found := false
	for line := range bytes.SplitSeq(b, []byte("\n")) {
		line = bytes.TrimSpace(line)
		if len(line) == 0 {
			continue
		}
		if line[0] != '{' || !json.Valid(line) {
			return false
		}
		found = true
	}
	return found
}

// ScanJSONL reads JSON Lines from r and calls yield for each non-blank line, in order,
// with its 1-based number and its bytes (the caller's to keep); a line over max bytes
// (default DefaultMaxBytes) comes with a nil line and an ErrTooLarge error. Decoding is
// left to ParseRecord, so that it can run in parallel. ScanJSONL stops early when yield
// returns false; its error is for reading r.
func ScanJSONL(r io.Reader, max int64, yield func(n int, line []byte, err error) bool) error {
	if max <= 0 {
		max = DefaultMaxBytes
	}
	lr := lineReader{br: bufio.NewReaderSize(r, 256<<10), max: max}
	for n := 1; ; n++ {
		line, tooLong, err := lr.next()
		if tooLong {
			if !yield(n, nil, fmt.Errorf("%w: record over the %d-byte cap (--max-size)", ErrTooLarge, max)) {
				return nil
			}
		} else if len(bytes.TrimSpace(line)) > 0 && !yield(n, bytes.Clone(line), nil) {
			return nil
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
}

// lineReader reads lines, holding a long line in a scratch buffer it reuses.
type lineReader struct {
	br      *bufio.Reader
	max     int64
	scratch []byte
}

// next returns the next line without its newline, valid until the next call. Past max
// bytes it discards the rest of the line and reports tooLong.
func (lr *lineReader) next() (line []byte, tooLong bool, err error) {
	chunk, err := lr.br.ReadSlice('\n')
	if err != bufio.ErrBufferFull {
		return bytes.TrimSuffix(chunk, []byte("\n")), int64(len(chunk)) > lr.max+1, err
	}
	lr.scratch = append(lr.scratch[:0], chunk...)
	for err == bufio.ErrBufferFull {
		chunk, err = lr.br.ReadSlice('\n')
		if !tooLong && int64(len(lr.scratch)+len(chunk)) > lr.max+1 {
			tooLong = true
		}
		if !tooLong {
			lr.scratch = append(lr.scratch, chunk...)
		}
	}
	if cap(lr.scratch) > 4<<20 && tooLong {
		lr.scratch = nil // do not keep a huge buffer for one bad line
	}
	return bytes.TrimSuffix(lr.scratch, []byte("\n")), tooLong, err
}

// ParseRecord decodes line n of a JSONL file. A record that is not usable (bad JSON, no
// document field) is returned with Err set.
func ParseRecord(n int, line []byte, opts JSONLOptions) Record {
	return parseRecord(n, line, opts)
}

func parseRecord(n int, line []byte, opts JSONLOptions) Record {
	rec := Record{Line: n}
	fields, err := topFields(line)
	if err != nil {
		rec.Err = fmt.Errorf("bad JSON record: %v", err)
		return rec
	}
	rec.ID = rawText(fields[opts.IDField])
	rec.URL = rawText(fields[opts.URLField])
	for _, f := range opts.Fields {
		raw, ok := fields[f]
		if !ok {
			continue
		}
		data, ok := unquote(raw)
		if !ok {
			rec.Err = fmt.Errorf("field %q is not a string", f)
			return rec
		}
		if len(data) > 0 {
			rec.Field, rec.Data = f, data
			return rec
		}
	}
	rec.Err = errors.New("no document: fields " + strings.Join(opts.Fields, ", ") + " missing or empty (--jsonl-field)")
	return rec
}

// topFields returns the top-level values of a JSON object by key, as slices of data (no
// copy: documents are large). The last of duplicate keys wins, as in encoding/json.
func topFields(data []byte) (map[string][]byte, error) {
	var probe any
	if !json.Valid(data) {
		return nil, json.Unmarshal(data, &probe) // for its error message
	}
	data = bytes.TrimSpace(data)
	if len(data) == 0 || data[0] != '{' {
		return nil, errors.New("not a JSON object")
	}
	out := map[string][]byte{}
	i := 1
	for {
		i = skipSpace(data, i)
		if data[i] == '}' {
			return out, nil
		}
		end := skipValue(data, i) // the key
		var key string
		if err := json.Unmarshal(data[i:end], &key); err != nil {
			return nil, err
		}
		i = skipSpace(data, end) + 1 // past ':'
		i = skipSpace(data, i)
		end = skipValue(data, i)
		out[key] = data[i:end]
		i = skipSpace(data, end)
		if data[i] == ',' {
			i++
		}
	}
}

func skipSpace(data []byte, i int) int {
	for i < len(data) && (data[i] == ' ' || data[i] == '\t' || data[i] == '\n' || data[i] == '\r') {
		i++
	}
	return i
}

// skipValue returns the end of the (valid) JSON value starting at i.
func skipValue(data []byte, i int) int {
	depth := 0
	for j := i; j < len(data); j++ {
		switch c := data[j]; c {
		case '"':
			j = skipString(data, j)
			if depth == 0 {
				return j + 1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return j
			}
			depth--
			if depth == 0 {
				return j + 1
			}
		case ',':
			if depth == 0 {
				return j
			}
		}
	}
	return len(data)
}

// skipString returns the index of the closing quote of the string opening at i.
func skipString(data []byte, i int) int {
	for j := i + 1; j < len(data); j++ {
		switch data[j] {
		case '\\':
			j++
		case '"':
			return j
		}
	}
	return len(data)
}

// unquote decodes a (valid) JSON string into new bytes, with one allocation: documents
// are large, and encoding/json would copy them three times.
func unquote(raw []byte) ([]byte, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return nil, false
	}
	raw = raw[1 : len(raw)-1]
	if bytes.IndexByte(raw, '\\') < 0 {
		return bytes.Clone(raw), true
	}
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '\\' {
			out = append(out, c)
			continue
		}
		i++
		switch raw[i] {
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'u':
			r, n := unicodeEscape(raw[i-1:])
			out = utf8.AppendRune(out, r)
			i += n - 2
		default: // " \ /
			out = append(out, raw[i])
		}
	}
	return out, true
}

// unicodeEscape decodes \uXXXX at the start of b, with a following low surrogate if
// XXXX is a high one; it returns the rune (U+FFFD for a lone surrogate) and the bytes used.
func unicodeEscape(b []byte) (rune, int) {
	r1 := hex4(b[2:6])
	if !utf16.IsSurrogate(r1) {
		return r1, 6
	}
	if len(b) >= 12 && b[6] == '\\' && b[7] == 'u' {
		if r := utf16.DecodeRune(r1, hex4(b[8:12])); r != utf8.RuneError {
			return r, 12
		}
	}
	return utf8.RuneError, 6
}

func hex4(b []byte) rune {
	var r rune
	for _, c := range b {
		switch {
		case c >= '0' && c <= '9':
			c -= '0'
		case c >= 'a' && c <= 'f':
			c -= 'a' - 10
		case c >= 'A' && c <= 'F':
			c -= 'A' - 10
		}
		r = r<<4 | rune(c)
	}
	return r
}

// rawText is a JSON string's value, or another JSON value's text ("" for null or absent).
func rawText(raw json.RawMessage) string {
	if len(raw) == 0 || string(raw) == "null" {
		return ""
	}
	var s string
	if json.Unmarshal(raw, &s) == nil {
		return s
	}
	return string(raw)
}
