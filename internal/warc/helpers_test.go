package warc

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"testing"

	"github.com/klauspost/compress/gzip"
)

// The small test files are in testdata/warc; the large ones are read from
// the shared bench folder when it is there.
var dataDirs = []string{"../../testdata/warc", "../../../shared/bench/warc"}

// dataFile returns the path of a test file, or skips the test.
func dataFile(t testing.TB, name string) string {
	t.Helper()
	for _, dir := range dataDirs {
		p := filepath.Join(dir, name)
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	t.Skipf("%s: not in %v", name, dataDirs)
	return ""
}

// result is what reading a whole stream gave.
type result struct {
	recs  []*Record
	errs  []error // per record, nil when fine
	fatal error
}

func readAll(t testing.TB, r io.Reader, name string, opts ...Option) result {
	t.Helper()
	rd, err := NewReader(r, name, opts...)
	if err != nil {
		t.Fatalf("NewReader: %v", err)
	}
	return drain(t, rd)
}

func drain(t testing.TB, rd *Reader) result {
	var res result
	for i := 0; ; i++ {
		if i > 1e6 {
			t.Fatal("Next does not end")
		}
		rec, err := rd.Next()
		if err == io.EOF {
			if rec != nil {
				t.Fatal("a record with io.EOF")
			}
			return res
		}
		if rec == nil {
			res.fatal = err
			return res
		}
		res.recs = append(res.recs, rec)
		res.errs = append(res.errs, err)
	}
}

func readFile(t testing.TB, name string, opts ...Option) result {
	t.Helper()
	f, err := os.Open(dataFile(t, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	return readAll(t, f, name, opts...)
}

// counts is "type n, type n…" in sorted order, as the README writes it.
func (res result) counts() string {
	m := map[string]int{}
	for _, r := range res.recs {
		m[r.Type]++
	}
	var out []string
	for k, v := range m {
		out = append(out, fmt.Sprintf("%s %d", k, v))
	}
	sort.Strings(out)
	return strings.Join(out, ", ")
}

func (res result) errors() []error {
	var out []error
	for _, e := range res.errs {
		if e != nil {
			out = append(out, e)
		}
	}
	return out
}

// record builds a WARC/1.0 record; fields are "Name: value" lines.
func record(typ string, block []byte, fields ...string) []byte {
	var b bytes.Buffer
	b.WriteString("WARC/1.0\r\nWARC-Type: " + typ + "\r\n")
	b.WriteString("WARC-Record-ID: <urn:uuid:" + typ + fmt.Sprint(len(block)) + ">\r\n")
	b.WriteString("WARC-Date: 2024-01-02T03:04:05Z\r\n")
	for _, f := range fields {
		b.WriteString(f + "\r\n")
	}
	fmt.Fprintf(&b, "Content-Length: %d\r\n\r\n", len(block))
	b.Write(block)
	b.WriteString("\r\n\r\n")
	return b.Bytes()
}

// response builds a response record of an HTTP message.
func response(uri, httpHeader string, body []byte) []byte {
	block := append([]byte(strings.ReplaceAll(httpHeader, "\n", "\r\n")+"\r\n\r\n"), body...)
	return record("response", block, "WARC-Target-URI: "+uri, "Content-Type: application/http; msgtype=response")
}

func gzipped(b []byte) []byte {
	var out bytes.Buffer
	w := gzip.NewWriter(&out)
	_, _ = w.Write(b)
	_ = w.Close()
	return out.Bytes()
}

// gzipEach compresses each record as its own member, as Common Crawl does.
func gzipEach(recs ...[]byte) []byte {
	var out []byte
	for _, r := range recs {
		out = append(out, gzipped(r)...)
	}
	return out
}

func must(t testing.TB, err error, target error) {
	t.Helper()
	if !errors.Is(err, target) {
		t.Fatalf("error %v, want %v", err, target)
	}
}

func newGzipWriter(w io.Writer) *gzip.Writer {
	zw, _ := gzip.NewWriterLevel(w, gzip.BestSpeed)
	return zw
}
