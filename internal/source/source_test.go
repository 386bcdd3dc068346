package source

import (
	"bytes"
	"compress/gzip"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func gz(t *testing.T, data []byte) []byte {
	t.Helper()
	var b bytes.Buffer
	zw := gzip.NewWriter(&b)
	zw.Write(data)
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func TestReadFile(t *testing.T) {
	dir := t.TempDir()
	plain := filepath.Join(dir, "page.html")
	os.WriteFile(plain, []byte(page), 0o644)
	packed := filepath.Join(dir, "page.html.gz")
	os.WriteFile(packed, gz(t, []byte(page)), 0o644)
	for _, name := range []string{plain, packed} {
		in, err := namedRead(context.Background(), name, Options{})
		if err != nil {
			t.Fatal(err)
		}
		if string(in.Data) != page || in.Name != name || in.URL != "" {
			t.Errorf("%s: got %+v", name, in)
		}
	}
}

func TestReadStdin(t *testing.T) {
	for _, data := range [][]byte{[]byte(page), gz(t, []byte(page))} {
		in, err := namedRead(context.Background(), "-", Options{Stdin: bytes.NewReader(data)})
		if err != nil || string(in.Data) != page || in.Name != "-" {
			t.Errorf("got %+v, %v", in, err)
		}
	}
	if _, err := namedRead(context.Background(), "-", Options{}); err == nil || err.Error() != "-: no standard input" {
		t.Errorf("no stdin: err = %v", err)
	}
}

func TestReadErrorsNameTheInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.gz")
	os.WriteFile(bad, append([]byte{0x1f, 0x8b, 8, 0}, "not really gzip"...), 0o644)
	cases := map[string]string{
		filepath.Join(dir, "missing.html"): "no such file or directory",
		dir:                                "is a directory",
		bad:                                "gzip: ",
	}
	for name, want := range cases {
		_, err := namedRead(context.Background(), name, Options{})
		if err == nil || !strings.HasPrefix(err.Error(), name+": ") || !strings.Contains(err.Error(), want) {
			t.Errorf("%s: err = %v, want %q naming the input", name, err, want)
		}
	}
}

func TestSizeCapAppliesAfterDecompression(t *testing.T) {
	big := bytes.Repeat([]byte("a"), 10000)
	packed := gz(t, big)
	if len(packed) > 1000 {
		t.Fatalf("test data compressed to %d bytes", len(packed))
	}
	_, err := namedRead(context.Background(), "-", Options{Stdin: bytes.NewReader(packed), MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("err = %v, want ErrTooLarge", err)
	}
	_, err = namedRead(context.Background(), "-", Options{Stdin: bytes.NewReader(big), MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) {
		t.Errorf("plain: err = %v, want ErrTooLarge", err)
	}
}

func TestIsURL(t *testing.T) {
	for name, want := range map[string]bool{
		"http://a.example/": true, "HTTPS://A.EXAMPLE/x": true, "page.html": false,
		"ftp://a.example/": false, "-": false, "http:/odd": false,
	} {
		if got := IsURL(name); got != want {
			t.Errorf("IsURL(%q) = %v", name, got)
		}
	}
}

// namedRead is Read with the error named as its callers name it (clean.Named), so that the
// tests check whole error lines.
func namedRead(ctx context.Context, name string, opts Options) (Input, error) {
	in, err := Read(ctx, name, opts)
	if err != nil {
		return in, fmt.Errorf("%s: %w", name, err)
	}
	return in, nil
}
