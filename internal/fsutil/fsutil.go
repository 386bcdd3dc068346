// Package fsutil holds the small file helpers every part of clean shares: atomic writes,
// path-error unwrapping, gzip sniffing and short name hashes. One copy of each.
package fsutil

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"io/fs"
	"os"
)

// PathErr drops the path from an *fs.PathError (and the two paths from an *os.LinkError),
// for callers that name the file themselves, so that no temporary file's name reaches
// the user; other errors are returned unchanged.
func PathErr(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	var le *os.LinkError
	if errors.As(err, &le) {
		return le.Err
	}
	return err
}

// IsGzip reports whether data starts with the gzip magic bytes.
func IsGzip(data []byte) bool { return len(data) >= 2 && data[0] == 0x1f && data[1] == 0x8b }

// Gunzip returns r expanded when it starts with the gzip magic bytes, whatever its name,
// else r itself (buffered); gz says which. A bad gzip header is an error.
func Gunzip(r io.Reader) (out io.Reader, gz bool, err error) {
	br := bufio.NewReaderSize(r, 64<<10)
	if magic, _ := br.Peek(2); !IsGzip(magic) {
		return br, false, nil
	}
	zr, err := gzip.NewReader(br)
	if err != nil {
		return nil, true, err
	}
	return zr, true, nil
}

// ShortHash is a short, stable hash of s (8 hex digits of its SHA-256), which keeps names
// made from s distinct.
func ShortHash(s string) string {
	sum := sha256.Sum256([]byte(s))
	return hex.EncodeToString(sum[:4])
}
