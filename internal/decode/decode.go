// Package decode turns input bytes into UTF-8 text and tells HTML from plain text. It does
// no I/O.
package decode

import (
	"bytes"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
)

// Kind is the kind of an input document.
type Kind string

// The input kinds. Auto asks Sniff to decide.
const (
	Auto Kind = "auto"
	HTML Kind = "html"
	Text Kind = "text"
)

// ParseKind checks a --input value.
func ParseKind(s string) (Kind, error) {
	switch k := Kind(strings.ToLower(s)); k {
	case Auto, HTML, Text:
		return k, nil
	case "":
		return Auto, nil
	}
	return "", fmt.Errorf("unknown input kind %q (want auto, html or text)", s)
}

// ErrBinary is returned for content that is not text: images, PDFs, archives and the like.
var ErrBinary = errors.New("binary content")

// ErrEmpty is returned for input with no bytes, or only white space.
var ErrEmpty = errors.New("empty input")

// ToUTF8 converts data to valid UTF-8. The charset is taken from, in order: a byte-order
// mark, the HTTP Content-Type (contentType, may be empty), an HTML <meta> declaration,
// then detection. It returns the text and the name of the charset used.
func ToUTF8(data []byte, contentType string) (string, string, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return "", "", ErrEmpty
	}
	enc, name := declared(data, contentType)
	// Binary content is refused even when declared as text (servers mislabel downloads),
	// unless it is UTF-16, whose text holds NUL bytes.
	if !strings.HasPrefix(name, "utf-16") {
		if kind := binaryType(data); kind != "" {
			return "", "", fmt.Errorf("%w (%s)", ErrBinary, kind)
		}
	}
	valid := false // data is known to be valid UTF-8
	if enc == nil {
		enc, name, valid = detect(data)
	} else if !hasBOM(data) {
		enc, name, valid = checkDeclared(data, enc, name)
	}
	if (enc == encoding.Nop || name == "utf-8") && (valid || utf8.Valid(data)) {
		// Valid UTF-8 needs no decoding: one copy instead of a decode and a re-validation.
		return string(bytes.TrimPrefix(data, []byte("\ufeff"))), name, nil
	}
	out, err := enc.NewDecoder().Bytes(data)
	if err != nil {
		return "", "", fmt.Errorf("decoding %s: %w", name, err)
	}
	out = bytes.TrimPrefix(out, []byte("\ufeff"))
	return strings.ToValidUTF8(string(out), "\ufffd"), name, nil
}

// declared returns the encoding named by a BOM, the Content-Type or a <meta> tag, if any.
func declared(data []byte, contentType string) (encoding.Encoding, string) {
	if _, params, err := mime.ParseMediaType(contentType); err == nil && params["charset"] != "" {
		if enc, err := htmlindex.Get(params["charset"]); err == nil && !hasBOM(data) {
			name, _ := htmlindex.Name(enc)
			return enc, name
		}
	}
	// Without a content type, DetermineEncoding is certain of a BOM only, and its answer
	// otherwise counts only when a <meta> declares a charset: other inputs (text dumps,
	// most pages) skip its HTML prescan.
	if !hasBOM(data) && !hasMeta(data) {
		return nil, ""
	}
	enc, name, _ := charset.DetermineEncoding(data, "")
	return enc, name
}

func hasBOM(data []byte) bool {
	return bytes.HasPrefix(data, []byte("\xef\xbb\xbf")) || bytes.HasPrefix(data, []byte("\xfe\xff")) || bytes.HasPrefix(data, []byte("\xff\xfe"))
}

// metaCharset matches a <meta> tag that declares a charset, in either form:
// <meta charset=…> or <meta http-equiv=Content-Type content="…; charset=…">.
var metaCharset = regexp.MustCompile(`(?i)<meta\s[^>]*charset\s*=\s*["']?\s*[a-z0-9_:.-]`)

// hasMeta reports whether the first 1024 bytes (where HTML parsers look) declare a charset
// in a <meta> tag.
func hasMeta(data []byte) bool {
	return metaCharset.Match(data[:min(len(data), 1024)])
}

// detect guesses the charset of undeclared data: UTF-8 when it is valid (valid is then
// true) or holds more multi-byte characters than invalid bytes, else a statistical guess,
// else windows-1252.
func detect(data []byte) (enc encoding.Encoding, name string, valid bool) {
	if utf8.Valid(data) {
		return encoding.Nop, "utf-8", true
	}
	if multi, invalid := utf8Counts(data[:min(len(data), 64<<10)]); multi > invalid {
		return encoding.Nop, "utf-8", false // UTF-8 with a few stray bytes, which become U+FFFD
	}
	if res, ok := bestGuess(data[:min(len(data), 64<<10)]); ok && res.Confidence >= 30 {
		if enc, err := htmlindex.Get(res.Charset); err == nil {
			name, _ := htmlindex.Name(enc)
			return enc, name, false
		}
	}
	enc, _ = htmlindex.Get("windows-1252")
	return enc, "windows-1252", false
}

// checkDeclared overrules a declared charset that the bytes contradict, so that a wrong
// declaration loses no text: valid UTF-8 holding multi-byte characters is UTF-8 whatever
// was declared (servers and templates often claim ISO-8859-1 by default), and data
// declared UTF-8 that is mostly not (at least 10 invalid bytes, more than its multi-byte
// characters) is detected; a few stray bytes in UTF-8 become U+FFFD. The bool is detect's:
// whether the data was found valid UTF-8 on the way.
func checkDeclared(data []byte, enc encoding.Encoding, name string) (encoding.Encoding, string, bool) {
	multi, invalid := utf8Counts(data[:min(len(data), 64<<10)])
	switch {
	case name != "utf-8" && !strings.HasPrefix(name, "utf-16") && multi > 0 && invalid == 0:
		return encoding.Nop, "utf-8", false
	case name == "utf-8" && invalid > multi && invalid >= 10:
		return detect(data)
	}
	return enc, name, false
}

// utf8Counts counts the multi-byte UTF-8 characters and the invalid bytes in data; a
// character cut off at the end counts as neither.
func utf8Counts(data []byte) (multi, invalid int) {
	for i := 0; i < len(data); {
		if data[i] < utf8.RuneSelf {
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1 && !utf8.FullRune(data[i:]):
			return multi, invalid
		case r == utf8.RuneError && size == 1:
			invalid++
		default:
			multi++
		}
		i += size
	}
	return multi, invalid
}

// bestGuess is chardet's most confident charset, ties broken by name. chardet's own
// DetectBest is not used: it runs its recognizers concurrently and breaks ties by which
// finishes first, so the same bytes could decode differently from one run to the next.
func bestGuess(data []byte) (chardet.Result, bool) {
	all, err := chardet.NewHtmlDetector().DetectAll(data)
	if err != nil || len(all) == 0 {
		return chardet.Result{}, false
	}
	best := all[0]
	for _, r := range all[1:] {
		if r.Confidence > best.Confidence || (r.Confidence == best.Confidence && r.Charset < best.Charset) {
			best = r
		}
	}
	return best, true
}

// sniffLen is how many leading bytes tell text from binary content, as for
// http.DetectContentType.
const sniffLen = 512

// binaryType names the media type of data that is not text, or returns "". Text that
// only starts like a file signature ("BMW unveils…" like a bitmap's "BM", "ID3 tags…" like
// an MP3's) is text: a signature counts when the bytes after it are not text (a NUL, a
// control character, invalid UTF-8), or when it names a format written in ASCII (PDF,
// PostScript).
func binaryType(data []byte) string {
	head := data[:min(len(data), sniffLen)]
	if looksText(head) && !bytes.HasPrefix(head, []byte("%PDF-")) && !bytes.HasPrefix(head, []byte("%!PS-Adobe-")) {
		return ""
	}
	t := http.DetectContentType(data)
	switch {
	case strings.HasPrefix(t, "text/"):
		return ""
	case t == "application/octet-stream" && !bytes.ContainsRune(data[:min(len(data), 512)], 0):
		return "" // control bytes but no NUL: treat as damaged text
	}
	return strings.SplitN(t, ";", 2)[0]
}

// looksText reports whether head is text: valid UTF-8 (a character cut off at its end
// aside) without a NUL, DEL or a control character other than tab, line breaks, form
// feed and escape.
func looksText(head []byte) bool {
	for _, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != '\v' && c != 0x1b || c == 0x7f {
			return false
		}
	}
	for i := len(head) - 1; i >= 0 && i >= len(head)-utf8.UTFMax; i-- {
		if utf8.RuneStart(head[i]) {
			if !utf8.FullRune(head[i:]) {
				head = head[:i] // the sniffed bytes end inside a character
			}
			break
		}
	}
	return utf8.Valid(head)
}

// leadingTag matches a start tag at the beginning of a text.
var leadingTag = regexp.MustCompile(`^<([a-z][a-z0-9]*)[\s/>]`)

// fragmentElements are the elements an HTML fragment commonly starts with.
var fragmentElements = map[string]bool{
	"a": true, "article": true, "aside": true, "b": true, "blockquote": true, "dl": true,
	"div": true, "em": true, "figure": true, "footer": true, "form": true, "h1": true, "h2": true,
	"h3": true, "h4": true, "h5": true, "h6": true, "header": true, "i": true, "img": true,
	"link": true, "main": true, "meta": true, "nav": true, "ol": true, "p": true, "pre": true,
	"script": true, "section": true, "span": true, "strong": true, "style": true, "svg": true,
	"table": true, "title": true, "ul": true,
}

// Sniff tells HTML from plain text: HTML starts with a doctype or a document tag, holds a
// <html>/<body> element, starts with a common element and closes one, or holds several
// common tags near its start.
func Sniff(text string) Kind {
	head := strings.ToLower(text[:min(len(text), 4096)])
	trimmed := strings.TrimLeft(head, " \t\r\n\ufeff")
	for _, p := range []string{"<!doctype html", "<html", "<head", "<body", "<?xml", "<!--"} {
		if strings.HasPrefix(trimmed, p) {
			return HTML
		}
	}
	if strings.Contains(head, "<html") || strings.Contains(head, "<body") {
		return HTML
	}
	if m := leadingTag.FindStringSubmatch(trimmed); m != nil && fragmentElements[m[1]] &&
		(strings.Contains(head, "</") || strings.Contains(head, "/>")) {
		return HTML // a fragment such as <p>…</p> or <div class=…>…</div>
	}
	tags := 0
	for _, t := range []string{"<p>", "<p ", "</p>", "<div", "</div>", "<br", "<a href", "<h1", "<h2", "<li>", "<span", "<table"} {
		tags += strings.Count(head, t)
	}
	if tags >= 3 {
		return HTML
	}
	return Text
}
