package warc

import (
	"bufio"
	"bytes"
	"compress/flate"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"net/http/httputil"
	"strconv"
	"strings"

	"github.com/andybalholm/brotli"
	"github.com/klauspost/compress/gzip"
	"github.com/klauspost/compress/zstd"
)

// decodeBody removes the transfer and content codings that the HTTP
// headers declare from body. Common Crawl stores bodies already decoded
// and renames the headers that declared the codings to
// X-Crawler-Transfer-Encoding and X-Crawler-Content-Encoding: their
// presence means there is nothing to undo. A declared coding that the
// body does not start with (no gzip magic, no chunk size line…) is left
// alone with a warning: the crawler decoded it but kept the header. A
// coding that starts well but breaks on the way is an error.
func decodeBody(h http.Header, body []byte, max int64) ([]byte, []string, error) {
	var warns []string
	if h.Get("X-Crawler-Transfer-Encoding") == "" && hasToken(h.Values("Transfer-Encoding"), "chunked") {
		out, err := dechunk(body, max)
		body, warns, err = settle("Transfer-Encoding: chunked", body, out, warns, err)
		if err != nil {
			return nil, warns, err
		}
	}
	if h.Get("X-Crawler-Content-Encoding") != "" {
		return body, warns, nil
	}
	codings := tokens(h.Values("Content-Encoding"))
	for i := len(codings) - 1; i >= 0; i-- {
		r, err := decoder(codings[i], body)
		if r == nil && err == nil {
			continue
		}
		var out []byte
		if err == nil {
			out, err = readMax(r, max)
		}
		body, warns, err = settle("Content-Encoding: "+codings[i], body, out, warns, err)
		if err != nil {
			return nil, warns, err
		}
	}
	return body, warns, nil
}

// settle chooses between a body and its decoding out after a decoding
// error err: nothing decoded means the body was not coded at all (kept,
// with a warning); a decoding that ends early is kept, with a warning
// (the record was truncated); a decoding that breaks on the way, or
// grows past MaxBody, is an error.
func settle(coding string, body, out []byte, warns []string, err error) ([]byte, []string, error) {
	switch {
	case err == nil:
		return out, warns, nil
	case errors.Is(err, ErrTooLarge):
		return nil, warns, err
	case len(out) == 0:
		return body, append(warns, coding+" declared, body kept as is: "+err.Error()), nil
	case errors.Is(err, io.ErrUnexpectedEOF):
		return out, append(warns, coding+": the body ends early"), nil
	}
	return nil, warns, fmt.Errorf("%w: %s: %w", ErrDecode, coding, err)
}

// decoder returns a reader that decodes body, nil with no error for a
// coding that means no change, and nil with an error when the body does
// not start as the coding says.
func decoder(coding string, body []byte) (io.Reader, error) {
	switch coding {
	case "", "identity", "none", "utf-8":
		return nil, nil
	case "gzip", "x-gzip":
		if !bytes.HasPrefix(body, gzipMagic) {
			return nil, errors.New("no gzip magic")
		}
		return gzip.NewReader(bytes.NewReader(body))
	case "deflate":
		if zr, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
			return zr, nil
		}
		return flate.NewReader(bytes.NewReader(body)), nil
	case "br":
		return brotli.NewReader(bytes.NewReader(body)), nil
	case "zstd":
		zr, err := zstd.NewReader(bytes.NewReader(body), zstd.WithDecoderConcurrency(1))
		if err != nil {
			return nil, err
		}
		return zr.IOReadCloser(), nil
	}
	return nil, errors.New("unknown coding")
}

// dechunk removes the chunked transfer coding.
func dechunk(body []byte, max int64) ([]byte, error) {
	return readMax(httputil.NewChunkedReader(bufio.NewReader(bytes.NewReader(body))), max)
}

// readMax reads r to the end, or to ErrTooLarge past max bytes.
func readMax(r io.Reader, max int64) ([]byte, error) {
	out, err := io.ReadAll(io.LimitReader(r, max+1))
	if int64(len(out)) > max {
		return nil, fmt.Errorf("%w: more than %d bytes once decoded", ErrTooLarge, max)
	}
	if c, ok := r.(io.Closer); ok {
		_ = c.Close()
	}
	return out, err
}

func hasToken(values []string, token string) bool {
	for _, t := range tokens(values) {
		if t == token {
			return true
		}
	}
	return false
}

// tokens splits comma-separated header values into lower-case tokens.
func tokens(values []string) []string {
	var out []string
	for _, v := range values {
		for t := range strings.SplitSeq(v, ",") {
			if t = strings.ToLower(strings.TrimSpace(t)); t != "" {
				out = append(out, t)
			}
		}
	}
	return out
}

// mediaType is the lower-case media type of a Content-Type value.
func mediaType(contentType string) string {
	t, _, _ := strings.Cut(contentType, ";")
	return strings.ToLower(strings.TrimSpace(t))
}

// charset is the lower-case charset parameter of a Content-Type value.
func charset(contentType string) string {
	if _, params, err := mime.ParseMediaType(contentType); err == nil {
		return strings.ToLower(params["charset"])
	}
	lower := strings.ToLower(contentType)
	i := strings.Index(lower, "charset=")
	if i < 0 {
		return ""
	}
	v := lower[i+len("charset="):]
	if j := strings.IndexAny(v, "; ,"); j >= 0 {
		v = v[:j]
	}
	return strings.Trim(v, `"' `)
}

func itoa(n int) string { return strconv.Itoa(n) }
