package clean_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/source"
)

// Hostile inputs through the whole pipeline: each gives either a clean article or one
// error line naming the input; never a panic, never unbounded time or memory. The small
// fixtures are in testdata/hostile; the big ones are generated here.

const hostileDir = "testdata/hostile"

// article is a paragraph any extractor keeps.
const article = "<p>The committee met on Tuesday to discuss the budget for next year, and after a long " +
	"debate it agreed to raise spending on schools and roads by a tenth.</p><p>Members said the " +
	"decision, which followed months of talks, would be reviewed in the spring when the new " +
	"figures are published.</p>"

// readAndClean reads name as the CLI does and cleans it.
func readAndClean(name string, opts source.Options) (clean.Document, error) {
	in, err := source.Read(context.Background(), name, opts)
	if err != nil {
		return clean.Document{}, clean.Named(name, err)
	}
	return clean.Clean(context.Background(), clean.Input(in), clean.Options{})
}

// checkError fails unless err is one line that starts with the input's name and says want.
func checkError(t *testing.T, err error, name, want string) {
	t.Helper()
	if err == nil {
		t.Fatalf("%s: no error, want %q", name, want)
	}
	msg := err.Error()
	if !strings.HasPrefix(msg, name+": ") || strings.ContainsAny(msg, "\r\n") || !strings.Contains(msg, want) {
		t.Errorf("error %q: want one line starting %q and saying %q", msg, name+": ", want)
	}
}

// checkDoc fails unless every output of doc is printable UTF-8 holding all of want.
func checkDoc(t *testing.T, doc clean.Document, want ...string) {
	t.Helper()
	for format, out := range allOutputs(t, doc) {
		checkPrintable(t, format, []byte(out))
	}
	for _, w := range want {
		if !strings.Contains(doc.Text, w) {
			t.Errorf("%s: %q lost; text is %q", doc.Source, w, doc.Text)
		}
	}
}

func TestHostileFixtures(t *testing.T) {
	errs := map[string]string{
		"empty.html":        "empty input",
		"blank.txt":         "empty input",
		"pixel.png":         "binary content (image/png)",
		"tiny.pdf":          "binary content (application/pdf)",
		"scripts-only.html": clean.ErrNoText.Error(),
	}
	// A word from the middle of the text must come through each encoding.
	words := map[string][]string{
		"invalid-utf8.html":         {"crème brûlée", "«quotes»", "bytes: \ufffd and a lone \ufffd here"},
		"utf16-bom.html":            {"французских булок"},
		"cp1251-declared.html":      {"метрополитен"},
		"cp1251-undeclared.html":    {"метрополитен"},
		"shift_jis-declared.html":   {"交通機関"},
		"shift_jis-undeclared.html": {"交通機関"},
		"gbk-declared.html":         {"名胜古迹"},
		"gbk-undeclared.html":       {"名胜古迹"},
		"control-chars.html":        {"[31mtext", "Bell", "a script link"},
	}
	files, err := filepath.Glob(filepath.Join(hostileDir, "*"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no fixtures in %s: %v", hostileDir, err)
	}
	for _, name := range files {
		base := filepath.Base(name)
		t.Run(base, func(t *testing.T) {
			doc, err := readAndClean(name, source.Options{})
			if want, ok := errs[base]; ok {
				checkError(t, err, name, want)
				return
			}
			want, ok := words[base]
			if !ok {
				t.Fatalf("fixture %s has no expectation here", base)
			}
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, doc, want...)
		})
	}
	if _, err := readAndClean(filepath.Join(hostileDir, "scripts-only.html"), source.Options{}); !errors.Is(err, clean.ErrNoText) {
		t.Errorf("a page of scripts: got %v, want ErrNoText", err)
	}
}

// TestDetectionDeterministic: the same undeclared bytes always decode the same way.
func TestDetectionDeterministic(t *testing.T) {
	for _, base := range []string{"cp1251-undeclared.html", "shift_jis-undeclared.html", "gbk-undeclared.html", "invalid-utf8.html"} {
		data, err := os.ReadFile(filepath.Join(hostileDir, base))
		if err != nil {
			t.Fatal(err)
		}
		first, charset, _ := decode.ToUTF8(data, "")
		for i := 0; i < 30; i++ {
			if got, cs, _ := decode.ToUTF8(data, ""); got != first || cs != charset {
				t.Fatalf("%s: run %d decoded as %s, run 0 as %s", base, i, cs, charset)
			}
		}
	}
}

// TestWrongDeclaredCharset: a declaration the bytes contradict loses no text, either way.
func TestWrongDeclaredCharset(t *testing.T) {
	cp1251, err := os.ReadFile(filepath.Join(hostileDir, "cp1251-undeclared.html"))
	if err != nil {
		t.Fatal(err)
	}
	utf8Page := "<html><body><article><p>Москва — столица России, и метрополитен перевозит миллионы пассажиров каждый день, в любую погоду, с раннего утра до поздней ночи.</p></article></body></html>"
	cases := []struct {
		name, contentType string
		body              []byte
	}{
		{"UTF-8 served as ISO-8859-1", "text/html; charset=iso-8859-1", []byte(utf8Page)},
		{"UTF-8 served as Shift_JIS", "text/html; charset=shift_jis", []byte(utf8Page)},
		{"windows-1251 served as UTF-8", "text/html; charset=utf-8", cp1251},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				w.Header().Set("Content-Type", c.contentType)
				w.Write(c.body)
			}))
			defer srv.Close()
			doc, err := readAndClean(srv.URL+"/page", source.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, doc, "метрополитен")
		})
	}
}

// nested returns a page with the article inside n nested open/close tag pairs.
func nested(open, close string, n int) string {
	return "<html><head><title>Budget agreed</title></head><body>" + strings.Repeat(open, n) +
		article + strings.Repeat(close, n) + "</body></html>"
}

// TestDeepNesting: tags nested 100,000 deep (closed or never closed), which the HTML
// parser refuses past 512, still give the article's text, in bounded time.
func TestDeepNesting(t *testing.T) {
	const depth = 100_000
	cases := map[string]string{
		"div":        nested("<div>", "</div>", depth),
		"span":       nested("<span>", "</span>", depth),
		"b":          nested("<b>", "</b>", depth),
		"table":      nested("<table><tr><td>", "</td></tr></table>", depth/3),
		"unclosed":   nested("<div><section>", "", depth/2),
		"blockquote": nested("<blockquote>", "", depth),
	}
	for name, page := range cases {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			doc, err := clean.Clean(context.Background(), clean.Input{Name: name, Data: []byte(page)}, clean.Options{})
			if err != nil {
				t.Fatal(err)
			}
			checkDoc(t, doc, "raise spending on schools", "reviewed in the spring")
			if doc.Title != "Budget agreed" {
				t.Errorf("title %q", doc.Title)
			}
			if d := time.Since(start); d > 30*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// TestManyLinks: a page of 100,000 links, alone or after an article, is cleaned in
// bounded time.
func TestManyLinks(t *testing.T) {
	var links strings.Builder
	links.WriteString("<ul>")
	for i := 0; i < 100_000; i++ {
		fmt.Fprintf(&links, `<li><a href="/tag/%d">tag %d</a></li>`, i, i)
	}
	links.WriteString("</ul>")
	for name, page := range map[string]string{
		"links only":    "<html><body>" + links.String() + "</body></html>",
		"article+links": "<html><body><article>" + article + "</article><footer>" + links.String() + "</footer></body></html>",
	} {
		t.Run(name, func(t *testing.T) {
			start := time.Now()
			doc, err := clean.Clean(context.Background(), clean.Input{Name: name, Data: []byte(page)}, clean.Options{})
			if d := time.Since(start); d > 60*time.Second {
				t.Errorf("took %s", d)
			}
			if err != nil {
				t.Fatal(err)
			}
			want := []string{"tag 99999"}
			if name == "article+links" {
				want = []string{"raise spending on schools"}
			}
			checkDoc(t, doc, want...)
		})
	}
}

// TestBigPage: a 50 MB page is refused at the size cap (32 MiB by default), reading no
// more than the cap; memory stays within a small multiple of the cap, not of the file.
func TestBigPage(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.html")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	para := strings.Repeat(article, 20)
	for written := 0; written < 50<<20; written += len(para) {
		io.WriteString(f, para)
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
	_, err = readAndClean(p, source.Options{})
	checkError(t, err, p, "over the 33554432-byte cap (--max-size)")

	const small = 1 << 20
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, err = readAndClean(p, source.Options{MaxBytes: small})
	runtime.ReadMemStats(&after)
	checkError(t, err, p, "over the 1048576-byte cap")
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 8*small {
		t.Errorf("reading with a 1 MiB cap allocated %d bytes", alloc)
	}
}
