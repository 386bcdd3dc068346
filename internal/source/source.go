// Package source reads documents: files (plain or gzip-compressed), http(s) URLs and
// standard input. It is the only part of the pipeline that does input I/O.
package source

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"syscall"
	"time"

	"github.com/cleanhq/clean/internal/fsutil"
)

// Input is one document as read: its bytes and where they came from.
type Input struct {
	Name        string // what the user gave: a path, a URL, "-"
	URL         string // the page URL (final URL after redirects), when known
	ContentType string // the HTTP Content-Type, when fetched
	Data        []byte
}

// Default limits.
const (
	DefaultMaxBytes = 32 << 20
	DefaultTimeout  = 30 * time.Second
	DefaultAgent    = "clean/1 (+https://github.com/cleanhq/clean)"
)

// Options set the limits and the means of reading.
type Options struct {
	Stdin     io.Reader    // read for "-"
	Client    *http.Client // for URLs; nil means a client built from Timeout
	UserAgent string
	MaxBytes  int64         // cap on a document's size, after decompression
	Timeout   time.Duration // per URL fetch, when Client is nil
}

func (o Options) maxBytes() int64 {
	if o.MaxBytes > 0 {
		return o.MaxBytes
	}
	return DefaultMaxBytes
}

func (o Options) timeout() time.Duration {
	if o.Timeout > 0 {
		return o.Timeout
	}
	return DefaultTimeout
}

// ErrTooLarge is returned for a document over the size cap.
var ErrTooLarge = errors.New("too large")

// Host is the host of an http(s) URL, in lower case and without port: the site, for
// site-scoped rules, per-host limits and learned rules. It is "" for anything else.
func Host(rawURL string) string {
	if !IsURL(rawURL) {
		return ""
	}
	u, err := url.Parse(rawURL)
	if err != nil {
		return ""
	}
	return strings.ToLower(u.Hostname())
}

// IsURL reports whether name is an http(s) URL.
func IsURL(name string) bool {
	l := strings.ToLower(name)
	return strings.HasPrefix(l, "http://") || strings.HasPrefix(l, "https://")
}

// IsTextName reports whether name is a file whose name says it is plain text (.txt,
// optionally .gz): read as text even when it holds something like a tag ("<3", "<b>").
// URLs are not: their server says what they are.
func IsTextName(name string) bool {
	return !IsURL(name) && strings.HasSuffix(strings.TrimSuffix(strings.ToLower(name), ".gz"), ".txt")
}

// Read reads the document name: "-" for Options.Stdin, an http(s) URL, or a file path.
// Errors do not name the input: the caller does (clean.Named).
func Read(ctx context.Context, name string, opts Options) (Input, error) {
	var in Input
	var err error
	switch {
	case name == "-":
		in, err = readStream(name, opts.Stdin, opts.maxBytes())
	case IsURL(name):
		in, err = fetch(ctx, name, opts)
	case strings.Contains(name, "://"):
		err = fmt.Errorf("unsupported URL scheme (only http and https)")
	default:
		in, err = readFile(name, opts)
	}
	if err != nil {
		return Input{}, err
	}
	return in, nil
}

func readStream(name string, r io.Reader, max int64) (Input, error) {
	return readSized(name, r, max, 0)
}

// readSized is readStream for a stream of about size bytes (0 when unknown, as for a
// pipe), read into a buffer of that size rather than one grown by doubling.
func readSized(name string, r io.Reader, max, size int64) (Input, error) {
	if r == nil {
		return Input{}, errors.New("no standard input")
	}
	data, err := readCapped(r, max, size)
	if err != nil {
		return Input{}, err
	}
	data, err = gunzipIfCompressed(data, max)
	return Input{Name: name, Data: data}, err
}

// readFile reads a file. A named pipe or device is opened without waiting for a writer
// (a FIFO nobody writes to reads as empty) and must deliver within the time limit, so
// that such an input can never hang the tool.
func readFile(name string, opts Options) (Input, error) {
	info, err := os.Stat(name)
	if err != nil {
		return Input{}, fsutil.PathErr(err)
	}
	if info.IsDir() {
		return Input{}, errors.New("is a directory")
	}
	flag := os.O_RDONLY
	if !info.Mode().IsRegular() {
		flag |= syscall.O_NONBLOCK
	}
	f, err := os.OpenFile(name, flag, 0)
	if err != nil {
		return Input{}, fsutil.PathErr(err)
	}
	defer f.Close()
	if !info.Mode().IsRegular() {
		f.SetReadDeadline(time.Now().Add(opts.timeout())) // fails harmlessly where unsupported
	}
	size := int64(0)
	if info.Mode().IsRegular() {
		size = info.Size()
	}
	in, err := readSized(name, f, opts.maxBytes(), size)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return Input{}, fmt.Errorf("timed out after %s (--timeout)", opts.timeout())
	}
	return in, fsutil.PathErr(err)
}

// readCapped reads all of r, about size bytes (0 when unknown), failing with ErrTooLarge
// past max bytes.
func readCapped(r io.Reader, max, size int64) ([]byte, error) {
	var buf bytes.Buffer
	buf.Grow(int(min(size, max)) + bytes.MinRead) // room for the read that finds the end
	if _, err := buf.ReadFrom(io.LimitReader(r, max+1)); err != nil {
		return nil, err
	}
	data := buf.Bytes()
	if int64(len(data)) > max {
		return nil, fmt.Errorf("%w: over the %d-byte cap (--max-size)", ErrTooLarge, max)
	}
	return data, nil
}

// gunzipIfCompressed expands gzip data (recognised by its magic bytes, whatever the file
// name), capping the expanded size.
func gunzipIfCompressed(data []byte, max int64) ([]byte, error) {
	if !fsutil.IsGzip(data) {
		return data, nil
	}
	zr, _, err := fsutil.Gunzip(bytes.NewReader(data))
	if err != nil {
		return nil, fmt.Errorf("gzip: %w", err)
	}
	out, err := readCapped(zr, max, 0)
	if err != nil {
		if errors.Is(err, ErrTooLarge) {
			return nil, fmt.Errorf("gzip: expanded size %w", err)
		}
		return nil, fmt.Errorf("gzip: %w", err)
	}
	return out, nil
}
