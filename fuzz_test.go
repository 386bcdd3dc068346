package clean_test

import (
	"bytes"
	"context"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/cleanhq/clean"
)

// FuzzClean runs the whole pipeline (decode, extract, rules, render) on arbitrary bytes.
// Whatever the input, Clean must not panic; an error must be one line naming the input; a
// result must render in every format as valid UTF-8 free of control characters, and the
// same input must give the same bytes. The seed corpus is testdata/fuzz/FuzzClean.
func FuzzClean(f *testing.F) {
	f.Add([]byte("<html><head><title>T</title></head><body><article><p>Hello, world.</p></article></body></html>"), uint8(0), "text/html; charset=utf-8")
	f.Add([]byte("Title line\n\nFirst paragraph of the text.\n\n{mosads}Second one."), uint8(2), "")
	f.Add([]byte("<p>\x1b[31mred\x1b]0;title\x07 \xc2\x9b2J</p>"), uint8(1), "text/html; charset=windows-1252")
	f.Fuzz(func(t *testing.T, data []byte, kind uint8, contentType string) {
		kinds := []clean.Kind{clean.KindAuto, clean.KindHTML, clean.KindText}
		in := clean.Input{Name: "fuzz-input", URL: "https://example.com/a/b.html", ContentType: contentType, Data: data}
		opts := clean.Options{Kind: kinds[int(kind)%len(kinds)], Explain: true}
		first := renderAll(t, in, opts)
		if second := renderAll(t, in, opts); second != first {
			t.Fatalf("not deterministic:\n%q\n%q", first, second)
		}
	})
}

// renderAll cleans in and renders the result in every format, checking each output; it
// returns the outputs joined, or the error text.
func renderAll(t *testing.T, in clean.Input, opts clean.Options) string {
	t.Helper()
	doc, err := clean.Clean(context.Background(), in, opts)
	if err != nil {
		msg := err.Error()
		if !strings.HasPrefix(msg, in.Name+": ") || strings.ContainsAny(msg, "\n\r") {
			t.Fatalf("error is not one line naming the input: %q", msg)
		}
		return "error: " + msg
	}
	var all strings.Builder
	for _, format := range clean.Formats() {
		for _, fm := range []bool{false, true} {
			var b bytes.Buffer
			if err := clean.Write(&b, doc, format, clean.WriteOptions{FrontMatter: fm}); err != nil {
				t.Fatalf("render %s: %v", format, err)
			}
			checkPrintable(t, string(format), b.Bytes())
			all.Write(b.Bytes())
		}
	}
	return all.String()
}

// checkPrintable fails when out is not UTF-8 or holds a control character (C0 other than
// newline and tab, DEL, C1): such bytes could drive a terminal.
func checkPrintable(t *testing.T, what string, out []byte) {
	t.Helper()
	if !utf8.Valid(out) {
		t.Fatalf("%s output is not valid UTF-8: %q", what, out)
	}
	for _, r := range string(out) {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			t.Fatalf("%s output holds control character %U: %q", what, r, out)
		}
	}
}
