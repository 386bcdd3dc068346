package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cleanhq/clean/internal/faultserver"
)

// Faults of files and URLs: each must end in an error that names the input, quickly, and
// without reading more than the size cap.

const faultPage = "<html><body><p>Hello, world.</p></body></html>"

// wantError checks that err is set, names the input first and is one line.
func wantError(t *testing.T, err error, name, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error, want one containing %q", name, want)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, name+": ") || strings.Contains(msg, "\n") {
		t.Errorf("error %q is not one line starting with %q", msg, name+": ")
	}
	if !strings.Contains(msg, want) {
		t.Errorf("error %q does not say %q", msg, want)
	}
}

// gzipped compresses data.
func gzipped(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&b, gzip.BestCompression)
	if _, err := zw.Write(data); err != nil {
		t.Fatal(err)
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestFileFaults(t *testing.T) {
	dir := t.TempDir()
	write := func(name string, data []byte) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, data, 0o644); err != nil {
			t.Fatal(err)
		}
		return p
	}
	full := gzipped(t, bytes.Repeat([]byte("<p>hello world</p>\n"), 5000))
	cases := []struct {
		name, path, want string
	}{
		{"missing", filepath.Join(dir, "missing.html"), "no such file"},
		{"directory", dir, "is a directory"},
		{"truncated gzip", write("cut.html.gz", full[:len(full)/2]), "gzip: unexpected EOF"},
		{"gzip header only", write("head.gz", full[:12]), "gzip:"},
		{"corrupt gzip", write("bad.gz", append([]byte{0x1f, 0x8b, 8, 0}, bytes.Repeat([]byte{0xff}, 64)...)), "gzip:"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			_, err := namedRead(context.Background(), c.path, Options{})
			wantError(t, err, c.path, c.want)
		})
	}
}

func TestUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read a mode-000 file")
	}
	p := filepath.Join(t.TempDir(), "secret.html")
	if err := os.WriteFile(p, []byte(faultPage), 0o000); err != nil {
		t.Fatal(err)
	}
	_, err := namedRead(context.Background(), p, Options{})
	wantError(t, err, p, "permission denied")
}

// TestGzipBomb: a small .gz expanding far past the cap fails with ErrTooLarge after
// expanding no more than the cap.
func TestGzipBomb(t *testing.T) {
	const max = 1 << 20
	bomb := gzipped(t, bytes.Repeat([]byte{'a'}, 64<<20)) // 64 MiB in about 64 KiB
	p := filepath.Join(t.TempDir(), "bomb.html.gz")
	if err := os.WriteFile(p, bomb, 0o644); err != nil {
		t.Fatal(err)
	}
	_, err := namedRead(context.Background(), p, Options{MaxBytes: max})
	wantError(t, err, p, "over the 1048576-byte cap")
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("error %v is not ErrTooLarge", err)
	}
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n int64
}

func (c *countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	c.n += int64(n)
	return n, err
}

// endless is an io.Reader of endless HTML.
type endless struct{}

func (endless) Read(p []byte) (int, error) {
	for i := range p {
		p[i] = "<p>x</p>\n"[i%9]
	}
	return len(p), nil
}

// TestBigStdin: a 50 MB page (here an endless one) on standard input stops at the default
// cap, having read one byte past it.
func TestBigStdin(t *testing.T) {
	cr := &countingReader{r: endless{}}
	_, err := namedRead(context.Background(), "-", Options{Stdin: cr})
	wantError(t, err, "-", "over the 33554432-byte cap (--max-size)")
	if cr.n > DefaultMaxBytes+1 {
		t.Errorf("read %d bytes, more than the cap + 1", cr.n)
	}
}

func TestURLFaults(t *testing.T) {
	srv := faultserver.New(t, faultPage)

	cases := []struct{ path, want string }{
		{"/404", "HTTP 404"},
		{"/500", "HTTP 500"},
		{"/429", `HTTP 429 Too Many Requests (Retry-After: "120")`},
		{"/loop", "more than 10 redirects"},
		{"/to-file", `redirect to unsupported scheme "file"`},
		{"/to-ftp", `redirect to unsupported scheme "ftp"`},
		{"/png", `unsupported content type "image/png"`},
		{"/pdf", `unsupported content type "application/pdf"`},
		{"/announced-big", "1073741824 bytes announced"},
		{"/reset", "unexpected EOF"},
		{"/bad-gzip", "gzip"},
	}
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			u := srv.URL + c.path
			_, err := namedRead(context.Background(), u, Options{Timeout: 5 * time.Second})
			wantError(t, err, u, c.want)
		})
	}

	t.Run("429 is temporary", func(t *testing.T) {
		_, err := namedRead(context.Background(), srv.URL+"/429", Options{})
		var se *StatusError
		if !errors.As(err, &se) || !se.Temporary() || se.RetryAfter != "120" {
			t.Errorf("got %#v, want a temporary StatusError with Retry-After 120", err)
		}
	})
}

// TestURLTimeouts: a server that never answers and one that trickles its body both end at
// the time limit, which covers the whole fetch, body included.
func TestURLTimeouts(t *testing.T) {
	srv := faultserver.New(t, faultPage)
	for _, path := range []string{"/stall", "/trickle"} {
		t.Run(path, func(t *testing.T) {
			u := srv.URL + path
			start := time.Now()
			_, err := namedRead(context.Background(), u, Options{Timeout: 300 * time.Millisecond})
			wantError(t, err, u, "timed out after 300ms (--timeout)")
			if d := time.Since(start); d > 5*time.Second {
				t.Errorf("took %s with a 300ms limit", d)
			}
		})
	}
	t.Run("context cancelled", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		defer cancel()
		u := srv.URL + "/stall"
		_, err := namedRead(ctx, u, Options{})
		wantError(t, err, u, "context deadline exceeded")
	})
}

// TestURLBodyOverCap: an endless body (plain or gzip-encoded) stops at the cap; the client
// does not read the rest.
func TestURLBodyOverCap(t *testing.T) {
	const max = 256 << 10
	var sent atomic.Int64
	bomb := gzipped(t, bytes.Repeat([]byte("<p>x</p>"), 8<<20)) // 64 MiB expanded
	mux := http.NewServeMux()
	mux.HandleFunc("/endless", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := bytes.Repeat([]byte("<p>x</p>"), 1024)
		for {
			n, err := w.Write(chunk)
			sent.Add(int64(n))
			if err != nil || sent.Load() > 1<<30 {
				return
			}
		}
	})
	mux.HandleFunc("/gzip-bomb", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(bomb)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, path := range []string{"/endless", "/gzip-bomb"} {
		t.Run(path, func(t *testing.T) {
			u := srv.URL + path
			_, err := namedRead(context.Background(), u, Options{MaxBytes: max, Timeout: 10 * time.Second})
			wantError(t, err, u, "over the 262144-byte cap")
			if !errors.Is(err, ErrTooLarge) {
				t.Errorf("error %v is not ErrTooLarge", err)
			}
		})
	}
	if n := sent.Load(); n > 64<<20 {
		t.Errorf("server sent %d bytes before the client hung up; the cap is %d", n, max)
	}
}

// TestURLGzipEncoding: a gzip Content-Encoding is undone.
func TestURLGzipEncoding(t *testing.T) {
	body := gzipped(t, []byte(faultPage))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Content-Encoding", "gzip")
		w.Write(body)
	}))
	defer srv.Close()
	in, err := namedRead(context.Background(), srv.URL, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if string(in.Data) != faultPage {
		t.Errorf("got %q, want %q", in.Data, faultPage)
	}
}

func TestUnsupportedScheme(t *testing.T) {
	for _, name := range []string{"file:///etc/passwd", "ftp://example.com/a.html", "javascript://x"} {
		_, err := namedRead(context.Background(), name, Options{})
		wantError(t, err, name, "unsupported URL scheme")
	}
}
