package batch

import (
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// FuzzSafeRel: whatever a URL, a title or a record id holds, the output name made from it
// is a local path of safe components, so that no file is written outside the output
// directory. Seeds: testdata/fuzz/FuzzSafeRel.
func FuzzSafeRel(f *testing.F) {
	for _, s := range []string{"../../etc/passwd", "https://x.example/%2e%2e/%2e%2e/x?q=1", "C:\\Windows\\con.txt", "a\x00b/\x1b[31m", "/", strings.Repeat("é", 300)} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, name string) {
		for _, got := range []string{SafeRel(name), SafeRel(URLName(name))} {
			if !filepath.IsLocal(filepath.FromSlash(got)) || !utf8.ValidString(got) {
				t.Fatalf("%q gives %q: not a local UTF-8 path", name, got)
			}
			for _, c := range strings.Split(got, "/") {
				if c == "" || c == "." || c == ".." || len(c) > maxNameBytes || reservedName(c) ||
					strings.ContainsAny(c, "\x00\\:*?|<>\"") || strings.HasSuffix(c, ".") || strings.HasSuffix(c, " ") {
					t.Fatalf("%q gives %q: bad component %q", name, got, c)
				}
				for _, r := range c {
					if r < 0x20 || r == 0x7f {
						t.Fatalf("%q gives %q: control character in %q", name, got, c)
					}
				}
			}
		}
	})
}
