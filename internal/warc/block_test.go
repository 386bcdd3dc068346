package warc

import (
	"bytes"
	"testing"
)

// The block of a record, split by the record's type and WARC
// Content-Type: an HTTP message gives its header and its payload as
// Body; a revisit, a WET conversion or a resource keeps its whole block.
func TestBlocks(t *testing.T) {
	httpType := "Content-Type: application/http; msgtype=response"
	cases := []struct {
		name   string
		rec    []byte
		status int
		body   string
		warn   bool // a warning expected
	}{
		{"response", response("http://a/", "HTTP/1.1 200 OK\nContent-Type: text/html", []byte("<p>a</p>")), 200, "<p>a</p>", false},
		{"LF only", record("response", []byte("HTTP/1.0 404 Not Found\nX: y\n\nnone"), httpType), 404, "none", false},
		{"no blank line", record("response", []byte("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n"), httpType), 200, "", true},
		{"request", record("request", []byte("GET / HTTP/1.1\r\nHost: a\r\n\r\n"), "Content-Type: application/http; msgtype=request"), 0, "", false},
		{"revisit", record("revisit", []byte("HTTP/1.1 200 OK\r\n\r\n"), httpType), 0, "HTTP/1.1 200 OK\r\n\r\n", false},
		{"conversion", record("conversion", []byte("plain text"), "Content-Type: text/plain"), 0, "plain text", false},
		{"empty block", record("response", nil, httpType), 0, "", true},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			res := readAll(t, bytes.NewReader(c.rec), c.name)
			if len(res.recs) != 1 || res.errs[0] != nil {
				t.Fatalf("%d records, errors %v", len(res.recs), res.errs)
			}
			r := res.recs[0]
			if r.Status != c.status || string(r.Body) != c.body {
				t.Errorf("status %d body %q, want %d %q", r.Status, r.Body, c.status, c.body)
			}
			if got := len(r.Warnings) > 0; got != c.warn {
				t.Errorf("warnings %q", r.Warnings)
			}
		})
	}
}
