package source

import (
	"bufio"
	"fmt"
	"io"
	"strings"
)

// maxListLine bounds one line of an input list.
const maxListLine = 1 << 20

// ScanList reads an input list: one path or URL per line; surrounding white space is
// trimmed, and blank lines and lines starting with # are skipped. It calls yield for each
// entry with its line number, and stops early when yield returns false.
func ScanList(r io.Reader, yield func(line int, name string) bool) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64<<10), maxListLine)
	for n := 1; sc.Scan(); n++ {
		name := strings.TrimSpace(sc.Text())
		if name == "" || strings.HasPrefix(name, "#") {
			continue
		}
		if !yield(n, name) {
			return nil
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("reading list: %w", err)
	}
	return nil
}
