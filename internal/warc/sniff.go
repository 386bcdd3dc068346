package warc

import (
	"bytes"
	"compress/gzip"
	"io"
)

// Sniff reports whether r starts like a WARC file, plain or gzip-compressed: "WARC/"
// after optional line breaks. It reads at most 4 KiB of r.
func Sniff(r io.Reader) bool {
	head := make([]byte, 4096)
	n, _ := io.ReadFull(r, head)
	head = head[:n]
	if len(head) >= 2 && head[0] == 0x1f && head[1] == 0x8b {
		zr, err := gzip.NewReader(bytes.NewReader(head))
		if err != nil {
			return false
		}
		plain := make([]byte, 64)
		m, _ := io.ReadFull(zr, plain)
		head = plain[:m]
	}
	return bytes.HasPrefix(bytes.TrimLeft(head, "\r\n"), []byte("WARC/"))
}
