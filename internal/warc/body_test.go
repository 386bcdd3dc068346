package warc

import (
	"bytes"
	"compress/flate"
	"compress/zlib"
	"net/http"
	"strconv"
	"strings"
	"testing"

	"github.com/andybalholm/brotli"
)

// firstResponse returns the first response record of a test file.
func firstResponse(t *testing.T, name string) *Record {
	t.Helper()
	for _, r := range readFile(t, name).recs {
		if r.Type == "response" {
			return r
		}
	}
	t.Fatalf("%s: no response", name)
	return nil
}

func wantHTML(t *testing.T, r *Record) {
	t.Helper()
	if kind, reason := r.Kind(); kind != KindHTML {
		t.Fatalf("%s: kind %s (%s), want html", r.TargetURI, kind, reason)
	}
	head := strings.ToLower(string(r.Body[:min(len(r.Body), 300)]))
	if !strings.Contains(head, "<html") && !strings.Contains(head, "<!doctype") {
		t.Fatalf("%s: body does not start as HTML: %q", r.TargetURI, head)
	}
}

func TestBodyChunked(t *testing.T) {
	r := firstResponse(t, "example-iana.org-chunked.warc")
	wantHTML(t, r)
	if r.HTTPHeader.Get("Transfer-Encoding") != "chunked" {
		t.Fatal("the test file should be chunked")
	}
	if !bytes.HasPrefix(r.Body, []byte("<!doctype html>")) || !bytes.HasSuffix(r.Body, []byte("</html>\n")) {
		t.Errorf("chunk lines left in the body: %q … %q", r.Body[:40], r.Body[len(r.Body)-40:])
	}
}

func TestBodyGzipAndBrotli(t *testing.T) {
	gz := firstResponse(t, "transfer_compression_gzip.warc.gz")
	br := firstResponse(t, "transfer_compression_brotli.warc.gz")
	if gz.HTTPHeader.Get("Content-Encoding") != "gzip" || br.HTTPHeader.Get("Content-Encoding") != "br" {
		t.Fatal("the test files should be gzip and br encoded")
	}
	wantHTML(t, gz)
	wantHTML(t, br)
	if !bytes.Equal(gz.Body, br.Body) {
		t.Errorf("the same page decodes differently:\n%q\n%q", gz.Body, br.Body)
	}
}

// Common Crawl stores bodies decoded and renames the coding headers:
// decoding again would fail or, worse, mangle the page.
func TestBodyXCrawlerHeaders(t *testing.T) {
	for _, name := range []string{"whirlwind.warc.gz", "warcfile.warc.gz"} {
		n := 0
		for _, r := range readFile(t, name).recs {
			if r.Type != "response" || r.HTTPHeader.Get("X-Crawler-Content-Encoding") == "" && r.HTTPHeader.Get("X-Crawler-Transfer-Encoding") == "" {
				continue
			}
			n++
			wantHTML(t, r)
			if len(r.Warnings) > 0 {
				t.Errorf("%s: warnings %q", r.TargetURI, r.Warnings)
			}
		}
		if n == 0 {
			t.Errorf("%s: no X-Crawler header", name)
		}
	}
}

// A declared gzip body that is not gzip is kept as is, with a warning.
func TestBodyBogusGzipHeader(t *testing.T) {
	for _, name := range []string{"CC-MAIN-20140820021334-00006-ip-10-180-136-8.ec2.internal.warc", "clueweb-quirk.warc.gz"} {
		n := 0
		for _, r := range readFile(t, name).recs {
			if r.Type != "response" || r.HTTPHeader.Get("Content-Encoding") != "gzip" {
				continue
			}
			n++
			wantHTML(t, r)
			if !strings.Contains(strings.Join(r.Warnings, "\n"), "no gzip magic") {
				t.Errorf("%s: no warning: %q", r.TargetURI, r.Warnings)
			}
		}
		if n == 0 {
			t.Errorf("%s: no gzip-declared response", name)
		}
	}
}

func TestDecodeBody(t *testing.T) {
	page := []byte("<html><body>" + strings.Repeat("hello world ", 100) + "</body></html>")
	var zl, fl, br bytes.Buffer
	zw := zlib.NewWriter(&zl)
	_, _ = zw.Write(page)
	_ = zw.Close()
	fw, _ := flate.NewWriter(&fl, 5)
	_, _ = fw.Write(page)
	_ = fw.Close()
	bw := brotli.NewWriter(&br)
	_, _ = bw.Write(page)
	_ = bw.Close()
	chunked := []byte("10\r\n" + string(page[:16]) + "\r\n" + "0\r\n\r\n")
	corrupt := gzipped(page)
	corrupt[len(corrupt)/2] ^= 0xff
	corrupt[len(corrupt)/2+1] ^= 0xff
	tests := []struct {
		name   string
		header http.Header
		body   []byte
		want   []byte
		err    error
		warn   string
	}{
		{"identity", http.Header{"Content-Encoding": {"identity"}}, page, page, nil, ""},
		{"gzip", http.Header{"Content-Encoding": {"gzip"}}, gzipped(page), page, nil, ""},
		{"x-gzip", http.Header{"Content-Encoding": {"x-gzip"}}, gzipped(page), page, nil, ""},
		{"deflate zlib", http.Header{"Content-Encoding": {"deflate"}}, zl.Bytes(), page, nil, ""},
		{"deflate raw", http.Header{"Content-Encoding": {"deflate"}}, fl.Bytes(), page, nil, ""},
		{"br", http.Header{"Content-Encoding": {"br"}}, br.Bytes(), page, nil, ""},
		{"gzip then br", http.Header{"Content-Encoding": {"gzip, br"}}, brotliOf(gzipped(page)), page, nil, ""},
		{"chunked", http.Header{"Transfer-Encoding": {"chunked"}}, chunked, page[:16], nil, ""},
		{"chunked gzip", http.Header{"Transfer-Encoding": {"chunked"}, "Content-Encoding": {"gzip"}}, chunk(gzipped(page)), page, nil, ""},
		{"X-Crawler-Transfer-Encoding", http.Header{"Transfer-Encoding": {"chunked"}, "X-Crawler-Transfer-Encoding": {"chunked"}}, chunked, chunked, nil, ""},
		{"X-Crawler-Content-Encoding", http.Header{"Content-Encoding": {"gzip"}, "X-Crawler-Content-Encoding": {"gzip"}}, gzipped(page), gzipped(page), nil, ""},
		{"not gzip", http.Header{"Content-Encoding": {"gzip"}}, page, page, nil, "no gzip magic"},
		{"not chunked", http.Header{"Transfer-Encoding": {"chunked"}}, page, page, nil, "kept as is"},
		{"not br", http.Header{"Content-Encoding": {"br"}}, page, page, nil, "kept as is"},
		{"unknown coding", http.Header{"Content-Encoding": {"compress"}}, page, page, nil, "unknown coding"},
		{"gzip ends early", http.Header{"Content-Encoding": {"gzip"}}, gzipped(page)[:60], nil, nil, "ends early"},
		{"corrupt gzip", http.Header{"Content-Encoding": {"gzip"}}, corrupt, nil, ErrDecode, ""},
		{"gzip bomb", http.Header{"Content-Encoding": {"gzip"}}, gzipped(make([]byte, 10<<20)), nil, ErrTooLarge, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, warns, err := decodeBody(tt.header, tt.body, 1<<20)
			if tt.err != nil {
				must(t, err, tt.err)
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if tt.want != nil && !bytes.Equal(got, tt.want) {
				t.Errorf("body %q, want %q", trim(got), trim(tt.want))
			}
			if tt.want == nil && (len(got) == 0 || !bytes.HasPrefix(page, got)) {
				t.Errorf("body %q, want a prefix of the page", trim(got))
			}
			if w := strings.Join(warns, "\n"); tt.warn == "" && w != "" || !strings.Contains(w, tt.warn) {
				t.Errorf("warnings %q, want %q", w, tt.warn)
			}
		})
	}
}

func brotliOf(b []byte) []byte {
	var out bytes.Buffer
	w := brotli.NewWriter(&out)
	_, _ = w.Write(b)
	_ = w.Close()
	return out.Bytes()
}

// chunk writes b in the chunked transfer coding, in chunks of 100 bytes.
func chunk(b []byte) []byte {
	var out bytes.Buffer
	for len(b) > 0 {
		n := min(len(b), 100)
		out.WriteString(strconv.FormatInt(int64(n), 16) + "\r\n")
		out.Write(b[:n])
		out.WriteString("\r\n")
		b = b[n:]
	}
	out.WriteString("0\r\n\r\n")
	return out.Bytes()
}

func trim(b []byte) []byte { return b[:min(len(b), 60)] }

func TestCharset(t *testing.T) {
	for in, want := range map[string]string{
		"text/html; charset=UTF-8":                 "utf-8",
		`text/html; charset="gb2312"`:              "gb2312",
		"text/html;charset=EUC-JP;":                "euc-jp",
		"text/html; charset=iso-8859-1, text/html": "iso-8859-1",
		"text/html": "",
		"":          "",
	} {
		if got := charset(in); got != want {
			t.Errorf("charset(%q) = %q, want %q", in, got, want)
		}
	}
}
