package source

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
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

// ScanJSONL reads JSON Lines from r, one record per non-blank line, and calls yield for
// each, in order, holding one line in memory at a time. It stops early when yield returns
// false. The error is for reading r; a bad record is reported in Record.Err.
func ScanJSONL(r io.Reader, opts JSONLOptions, yield func(Record) bool) error {
	max := opts.MaxBytes
	if max <= 0 {
		max = DefaultMaxBytes
	}
	br := bufio.NewReaderSize(r, 64<<10)
	for n := 1; ; n++ {
		line, tooLong, err := readLine(br, max)
		if len(bytes.TrimSpace(line)) > 0 || tooLong {
			rec := Record{Line: n}
			if tooLong {
				rec.Err = fmt.Errorf("%w: record over the %d-byte cap (--max-size)", ErrTooLarge, max)
			} else {
				rec = parseRecord(n, line, opts)
			}
			if !yield(rec) {
				return nil
			}
		}
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("line %d: %w", n, err)
		}
	}
}

// readLine reads one line (without its newline). Past max bytes it discards the rest of
// the line and reports tooLong.
func readLine(br *bufio.Reader, max int64) (line []byte, tooLong bool, err error) {
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if int64(len(line)+len(chunk)) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if err == bufio.ErrBufferFull {
			continue
		}
		return bytes.TrimSuffix(line, []byte("\n")), tooLong, err
	}
}

func parseRecord(n int, line []byte, opts JSONLOptions) Record {
	rec := Record{Line: n}
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(line, &fields); err != nil {
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
		var s string
		if err := json.Unmarshal(raw, &s); err != nil {
			rec.Err = fmt.Errorf("field %q is not a string", f)
			return rec
		}
		if s != "" {
			rec.Field, rec.Data = f, []byte(s)
			return rec
		}
	}
	rec.Err = errors.New("no document: fields " + strings.Join(opts.Fields, ", ") + " missing or empty (--jsonl-field)")
	return rec
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
