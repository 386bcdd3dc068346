package batch

import (
	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/fsutil"

	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSafeRelStaysInside(t *testing.T) {
	long := strings.Repeat("é", 200)
	for _, name := range []string{
		"../../etc/passwd", "/etc/passwd", "a/../../b", "..", ".", "", "a\x00b", "C:\\Windows\\x",
		"con", "NUL.txt", "com1", "lpt9.md", "a/./b", "trailing. ", "q?x*y|z", long, "a\\..\\..\\b",
		"dir/" + long + "/x", "\x01\x7f",
	} {
		got := SafeRel(name)
		if !filepath.IsLocal(filepath.FromSlash(got)) {
			t.Errorf("SafeRel(%q) = %q: not local", name, got)
		}
		for _, c := range strings.Split(got, "/") {
			if c == ".." || c == "." || c == "" || len(c) > maxNameBytes || reservedName(c) ||
				strings.ContainsAny(c, "\x00\\:*?|<>\"") || strings.HasSuffix(c, ".") {
				t.Errorf("SafeRel(%q) = %q: bad component %q", name, got, c)
			}
		}
	}
}

func TestSafeRelKeepsPlainNamesAndSeparatesChangedOnes(t *testing.T) {
	if got := SafeRel("pages/2024/story.html"); got != "pages/2024/story.html" {
		t.Errorf("plain path changed: %q", got)
	}
	if a, b := SafeRel("a?b"), SafeRel("a*b"); a == b {
		t.Errorf("a?b and a*b both map to %q", a)
	}
	if a, b := SafeRel("x/../y"), SafeRel("x/__/y"); a == b {
		t.Errorf("x/../y and x/__/y both map to %q", a)
	}
}

func TestURLName(t *testing.T) {
	for raw, want := range map[string]string{
		"https://News.Example/a/b.html":  "news.example/a/b.html",
		"https://news.example/":          "news.example/index",
		"https://news.example":           "news.example/index",
		"https://news.example/dir/":      "news.example/dir/index",
		"http://news.example/a?id=1#top": "news.example/a-" + fsutil.ShortHash("id=1"),
	} {
		if got := URLName(raw); got != want {
			t.Errorf("URLName(%q) = %q, want %q", raw, got, want)
		}
	}
	for _, raw := range []string{"https://x.example/../../etc/passwd", "https://x.example/%2e%2e/%2e%2e/x", "https://../x", "http://"} {
		if got := SafeRel(URLName(raw)); !filepath.IsLocal(got) || strings.Contains(got, "..") {
			t.Errorf("URL %q gives %q", raw, got)
		}
	}
}

// TestDirNeverWritesOutside plants a symbolic link to a directory outside; writes through
// it must fail rather than land outside.
func TestDirNeverWritesOutside(t *testing.T) {
	base := t.TempDir()
	outside := filepath.Join(base, "outside")
	os.Mkdir(outside, 0o755)
	d, err := OpenDir(filepath.Join(base, "out"), clean.FormatMarkdown)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := os.Symlink(outside, filepath.Join(base, "out", "link")); err != nil {
		t.Skip("no symlinks:", err)
	}
	if err := d.Write("link/x.md", []byte("x")); err == nil {
		t.Error("write through a symlink to outside succeeded")
	}
	if err := d.Write("ok/x.md", []byte("x")); err != nil {
		t.Fatal(err)
	}
	if !d.Has("ok/x.md") || d.Has("link/x.md") {
		t.Error("Has is wrong")
	}
	entries, _ := os.ReadDir(outside)
	if len(entries) != 0 {
		t.Errorf("files outside: %v", entries)
	}
	left, _ := filepath.Glob(filepath.Join(base, "out", "ok", ".*"))
	if len(left) != 0 {
		t.Errorf("temporary files left: %v", left)
	}
}
