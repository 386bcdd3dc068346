package warc

import (
	"bytes"
	"errors"
	"io"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

var page = []byte("<!doctype html><html><head><title>t</title></head><body><p>Hello.</p></body></html>")

func okResponse(uri string) []byte {
	return response(uri, "HTTP/1.1 200 OK\nContent-Type: text/html; charset=UTF-8", page)
}

// A gzip member cut short: one error record that still has its WARC
// fields, then the end.
func TestTruncatedGzip(t *testing.T) {
	res := readFile(t, "clipped.warc.gz")
	if len(res.recs) != 1 || res.fatal != nil {
		t.Fatalf("%d records, fatal %v", len(res.recs), res.fatal)
	}
	must(t, res.errs[0], ErrTruncated)
	r := res.recs[0]
	if r.ID == "" || !strings.Contains(r.TargetURI, "houstonpress.com") || r.Type != "response" {
		t.Errorf("the error record lost its fields: %+v", r)
	}
}

// A per-record gzip file cut inside the second of three records.
func TestTruncatedGzipMiddle(t *testing.T) {
	one, two := gzipped(okResponse("http://a/")), gzipped(okResponse("http://b/"))
	in := append(append([]byte{}, one...), two[:len(two)-20]...)
	res := readAll(t, bytes.NewReader(in), "cut")
	if len(res.recs) != 2 || res.errs[0] != nil {
		t.Fatalf("%d records, errors %v", len(res.recs), res.errs)
	}
	must(t, res.errs[1], ErrTruncated)
}

// A plain file that ends inside a block.
func TestTruncatedPlain(t *testing.T) {
	in := append(okResponse("http://a/"), okResponse("http://b/")...)
	res := readAll(t, bytes.NewReader(in[:len(in)-30]), "cut")
	if len(res.recs) != 2 || res.errs[0] != nil {
		t.Fatalf("%d records, errors %v", len(res.recs), res.errs)
	}
	must(t, res.errs[1], ErrTruncated)
	if res.recs[1].TargetURI != "http://b/" {
		t.Errorf("the error record lost its fields: %+v", res.recs[1])
	}
}

// A corrupt gzip member in the middle: an error for that record, and the
// reader goes on at the next member.
func TestCorruptGzipMember(t *testing.T) {
	two := gzipped(okResponse("http://b/"))
	for i := 20; i < len(two)-10; i++ {
		two[i] ^= 0x55
	}
	in := append(append(gzipped(okResponse("http://a/")), two...), gzipped(okResponse("http://c/"))...)
	res := readAll(t, bytes.NewReader(in), "corrupt")
	if res.fatal != nil {
		t.Fatal(res.fatal)
	}
	var uris []string
	for i, r := range res.recs {
		if res.errs[i] == nil {
			uris = append(uris, r.TargetURI)
		}
	}
	if strings.Join(uris, " ") != "http://a/ http://c/" || len(res.errors()) == 0 {
		t.Errorf("good records %q, errors %v", uris, res.errors())
	}
	for _, err := range res.errors() {
		if !errors.Is(err, ErrCorrupt) && !errors.Is(err, ErrTruncated) {
			t.Errorf("error %v", err)
		}
	}
}

// A Content-Length 2 bytes short (warcio's example-trunc.warc): one
// error for that record, and all 4 records read.
func TestWrongContentLength(t *testing.T) {
	res := readFile(t, "example-trunc.warc")
	if len(res.recs) != 4 {
		t.Fatalf("%d records, want 4", len(res.recs))
	}
	if errs := res.errors(); len(errs) != 1 {
		t.Fatalf("errors %v, want one", errs)
	}
	for i, err := range res.errs {
		if err != nil {
			must(t, err, ErrLength)
			if res.recs[i].Type != "response" {
				t.Errorf("the error is on the %s", res.recs[i].Type)
			}
		}
	}
}

// A Content-Length too long swallows the next record's start: an error
// for that record, and the reader finds the record after. One past the
// end of the file is a truncated record.
func TestContentLengthTooLong(t *testing.T) {
	bad := longer(okResponse("http://a/"), 100)
	in := bytes.Join([][]byte{bad, okResponse("http://b/"), okResponse("http://c/")}, nil)
	res := readAll(t, bytes.NewReader(in), "long")
	if len(res.recs) != 2 || res.recs[1].TargetURI != "http://c/" || res.errs[1] != nil {
		t.Fatalf("%d records, errors %v", len(res.recs), res.errs)
	}
	must(t, res.errs[0], ErrLength)

	res = readAll(t, bytes.NewReader(longer(okResponse("http://a/"), 10000)), "past the end")
	if len(res.recs) != 1 {
		t.Fatalf("%d records", len(res.recs))
	}
	must(t, res.errs[0], ErrTruncated)
}

// longer adds n to the Content-Length of a record.
func longer(rec []byte, n int) []byte {
	h, ok := parseHeader(rec)
	if !ok {
		panic("bad record")
	}
	old := "Content-Length: " + itoa(int(h.length))
	return bytes.Replace(rec, []byte(old), []byte("Content-Length: "+itoa(int(h.length)+n)), 1)
}

func TestNotWARC(t *testing.T) {
	for name, in := range map[string][]byte{
		"html":      page,
		"gzip html": gzipped(page),
		"binary":    randomBytes(4096, 1),
		"json":      []byte(`{"url": "http://a/"}`),
		"WARC text": []byte("WARC/ files are archives\n"),
	} {
		_, err := NewReader(bytes.NewReader(in), name)
		if name == "WARC text" {
			if err != nil {
				t.Errorf("%s: %v", name, err)
			}
			continue
		}
		must(t, err, ErrNotWARC)
	}
	res := readAll(t, bytes.NewReader(nil), "empty")
	if len(res.recs) != 0 || res.fatal != nil {
		t.Errorf("empty input: %d records, %v", len(res.recs), res.fatal)
	}
}

// Garbage that looks like a record start but is not: errors, never a
// panic, and the end comes.
func TestNotWARCAfterMagic(t *testing.T) {
	in := append([]byte("WARC/1.0\r\n"), randomBytes(200000, 2)...)
	res := readAll(t, bytes.NewReader(in), "garbage")
	if res.fatal != nil || len(res.errors()) == 0 {
		t.Errorf("fatal %v, errors %v", res.fatal, res.errors())
	}
}

func TestMissingHeaders(t *testing.T) {
	noLength := []byte("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:x>\r\n\r\nsome block\r\n\r\n")
	noType := bytes.Replace(okResponse("http://t/"), []byte("WARC-Type: response\r\n"), nil, 1)
	noID := bytes.Replace(okResponse("http://i/"), []byte("WARC-Record-ID: "), []byte("X-Other: "), 1)
	in := bytes.Join([][]byte{noLength, noType, noID, okResponse("http://ok/")}, nil)
	res := readAll(t, bytes.NewReader(in), "missing")
	if len(res.recs) != 4 {
		t.Fatalf("%d records, want 4", len(res.recs))
	}
	must(t, res.errs[0], ErrBadHeader)
	if res.recs[0].ID != "<urn:x>" {
		t.Errorf("the error record lost its ID")
	}
	if kind, reason := res.recs[1].Kind(); kind != KindSkip || reason != "no WARC-Type" {
		t.Errorf("no WARC-Type: %s %s", kind, reason)
	}
	if res.recs[2].ID != "" || len(res.recs[2].Warnings) == 0 {
		t.Errorf("no WARC-Record-ID: ID %q, warnings %q", res.recs[2].ID, res.recs[2].Warnings)
	}
	if kind, _ := res.recs[3].Kind(); kind != KindHTML || res.errs[3] != nil {
		t.Errorf("the good record after: %s %v", kind, res.errs[3])
	}
}

func TestNoEndOfHeader(t *testing.T) {
	in := append([]byte("WARC/1.0\r\nWARC-Type: response\r\n"), bytes.Repeat([]byte("X-Long: yes\r\n"), maxHeader/10)...)
	in = append(in, okResponse("http://ok/")...)
	res := readAll(t, bytes.NewReader(in), "long header")
	must(t, res.errs[0], ErrBadHeader)
	if last := res.recs[len(res.recs)-1]; last.TargetURI != "http://ok/" {
		t.Errorf("last record %q", last.TargetURI)
	}
}

// Binary payloads are read whole and skipped by Kind; an unknown type
// sniffs as HTML only when it is.
func TestBinaryPayloads(t *testing.T) {
	png := append([]byte("\x89PNG\r\n\x1a\n"), randomBytes(50000, 3)...)
	in := bytes.Join([][]byte{
		response("http://png/", "HTTP/1.1 200 OK\nContent-Type: image/png", png),
		response("http://bin/", "HTTP/1.1 200 OK\nContent-Type: application/octet-stream", randomBytes(3000, 4)),
		response("http://sniff/", "HTTP/1.1 200 OK", page),
		record("resource", randomBytes(1000, 5), "Content-Type: application/octet-stream"),
	}, nil)
	res := readAll(t, bytes.NewReader(in), "binary")
	want := []string{"skip not html: image/png", "skip not html: application/octet-stream", "html ", "skip resource"}
	for i, r := range res.recs {
		if res.errs[i] != nil {
			t.Errorf("%s: %v", r.TargetURI, res.errs[i])
		}
		if kind, reason := r.Kind(); kind+" "+reason != want[i] {
			t.Errorf("%s: %s %s, want %s", r.TargetURI, kind, reason, want[i])
		}
	}
	if !bytes.Equal(res.recs[0].Body, png) {
		t.Errorf("the PNG body changed")
	}
}

// A record over MaxBody is an error for it alone: the reader skips it
// streaming (memory stays far below the record's size) and goes on.
func TestHugeRecord(t *testing.T) {
	const size = 100 << 20
	for _, gz := range []bool{false, true} {
		in := hugeStream(size, gz)
		var before, after runtime.MemStats
		runtime.GC()
		runtime.ReadMemStats(&before)
		res := readAll(t, in, "huge", WithMaxBody(8<<20))
		runtime.ReadMemStats(&after)
		if len(res.recs) != 3 || res.fatal != nil {
			t.Fatalf("gzip %v: %d records, fatal %v", gz, len(res.recs), res.fatal)
		}
		must(t, res.errs[1], ErrTooLarge)
		if res.errs[0] != nil || res.errs[2] != nil || res.recs[2].TargetURI != "http://after/" {
			t.Errorf("gzip %v: errors %v", gz, res.errs)
		}
		if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 16<<20 {
			t.Errorf("gzip %v: %d MB allocated reading a 100 MB record", gz, alloc>>20)
		}
	}
}

// hugeStream is a response, a response of size bytes of body, and a
// response, generated as it is read.
func hugeStream(size int64, gz bool) io.Reader {
	head := []byte("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:huge>\r\n" +
		"Content-Type: application/http; msgtype=response\r\nContent-Length: " + itoa(int(size)+38) + "\r\n\r\n" +
		"HTTP/1.1 200 OK\r\nContent-Type: x/y\r\n\r\n")
	body := io.LimitReader(zeros{}, size)
	tail := bytes.NewReader([]byte("\r\n\r\n"))
	first, last := okResponse("http://before/"), okResponse("http://after/")
	if !gz {
		return io.MultiReader(bytes.NewReader(first), bytes.NewReader(head), body, tail, bytes.NewReader(last))
	}
	pr, pw := io.Pipe()
	go func() {
		_, _ = pw.Write(gzipped(first))
		w := newGzipWriter(pw)
		_, _ = io.Copy(w, io.MultiReader(bytes.NewReader(head), body, tail))
		_ = w.Close()
		_, _ = pw.Write(gzipped(last))
		_ = pw.Close()
	}()
	return pr
}

type zeros struct{}

func (zeros) Read(p []byte) (int, error) {
	clear(p)
	return len(p), nil
}

// An I/O error of the input is fatal, and stays so.
func TestReadErrorFatal(t *testing.T) {
	for _, start := range [][]byte{okResponse("http://a/"), gzipped(okResponse("http://a/"))} {
		in := io.MultiReader(bytes.NewReader(start), errReader{})
		rd, err := NewReader(in, "failing")
		if err != nil {
			t.Fatal(err)
		}
		res := drain(t, rd)
		if res.fatal == nil || !errors.Is(res.fatal, errBroken) || len(res.recs) != 1 {
			t.Fatalf("%d records, fatal %v", len(res.recs), res.fatal)
		}
		if rec, err := rd.Next(); rec != nil || !errors.Is(err, errBroken) {
			t.Errorf("Next after a fatal error: %v %v", rec, err)
		}
	}
}

var errBroken = errors.New("broken disk")

type errReader struct{}

func (errReader) Read([]byte) (int, error) { return 0, errBroken }

func randomBytes(n int, seed uint64) []byte {
	r := rand.New(rand.NewPCG(seed, seed))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}
