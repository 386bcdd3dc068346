package warc

import (
	"bytes"
	"net/http"
	"net/textproto"
	"strconv"
	"strings"
)

// maxHeader is the largest WARC header block the reader accepts.
const maxHeader = 64 << 10

var warcMagic = []byte("WARC/")

// header is a WARC header block, parsed from the bytes ahead in the
// stream before its block is read, so that every record,
// even one that fails later, has its fields, as written.
type header struct {
	version string
	fields  http.Header
	size    int   // bytes of the header block, blank line included
	length  int64 // Content-Length, -1 when missing or not a number
}

// parseHeader parses the header block at the start of buf, which starts
// with "WARC/". ok is false when buf holds no complete header block.
func parseHeader(buf []byte) (h header, ok bool) {
	end, sep := headerEnd(buf)
	if end < 0 {
		return h, false
	}
	lines := strings.Split(string(buf[:end]), "\n")
	h = header{version: strings.TrimSpace(lines[0]), fields: parseFields(lines[1:]), size: end + sep, length: -1}
	if n, err := strconv.ParseInt(h.fields.Get("Content-Length"), 10, 64); err == nil && n >= 0 {
		h.length = n
	}
	return h, true
}

// parseFields parses "Name: value" lines, with folded continuation
// lines, leniently: a line without a colon is dropped.
func parseFields(lines []string) http.Header {
	fields := http.Header{}
	var last string
	for _, line := range lines {
		line = strings.TrimRight(line, "\r")
		if line == "" {
			continue
		}
		if (line[0] == ' ' || line[0] == '\t') && last != "" {
			vs := fields[last]
			vs[len(vs)-1] += " " + strings.TrimSpace(line)
			continue
		}
		name, value, found := strings.Cut(line, ":")
		if !found {
			continue
		}
		last = textproto.CanonicalMIMEHeaderKey(strings.TrimSpace(name))
		fields[last] = append(fields[last], strings.TrimSpace(value))
	}
	return fields
}

// parseHTTPHeader parses an HTTP header block leniently, with its
// fields as written. status is the code of a response's status line, 0
// for a request; h is nil when the first line is neither.
func parseHTTPHeader(raw []byte) (status int, h http.Header) {
	lines := strings.Split(string(raw), "\n")
	f := strings.Fields(lines[0])
	switch {
	case len(f) >= 2 && strings.HasPrefix(f[0], "HTTP/"):
		n, err := strconv.Atoi(f[1])
		if err != nil {
			return 0, nil
		}
		return n, parseFields(lines[1:])
	case len(f) == 3 && strings.HasPrefix(f[2], "HTTP/"):
		return 0, parseFields(lines[1:])
	}
	return 0, nil
}

// headerEnd finds the blank line that ends a header block: it returns
// the offset of the line break before it and the length of the break
// and blank line ("\r\n\r\n" or, leniently, "\n\n" and mixes).
func headerEnd(buf []byte) (end, sep int) {
	for i := 0; i < len(buf); {
		j := bytes.IndexByte(buf[i:], '\n')
		if j < 0 {
			return -1, 0
		}
		i += j + 1
		switch {
		case bytes.HasPrefix(buf[i:], []byte("\r\n")):
			return i - 1, 3
		case bytes.HasPrefix(buf[i:], []byte("\n")):
			return i - 1, 2
		}
	}
	return -1, 0
}
