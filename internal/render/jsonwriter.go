package render

import (
	"math/bits"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
)

// JSONWriter writes one JSON value by hand, byte for byte as JSON (an Encoder with
// SetEscapeHTML(false) and SetIndent("", indent)) writes it, without reflection: the
// Document and the batch record, whose long strings (the body twice) JSON's string
// encoder spent most of its time on. The caller says the shape: Key before an object's
// member, Elem before an array's element, then the value.
type JSONWriter struct {
	buf    []byte
	indent string // "" for one line
	depth  int
	first  bool // nothing written yet in the object or array just opened
}

// NewJSONWriter starts a value, indented by indent ("" for one line), appended to dst
// (whose capacity the caller sizes).
func NewJSONWriter(dst []byte, indent string) *JSONWriter {
	return &JSONWriter{buf: dst, indent: indent}
}

// Bytes ends the value with a newline, as Encoder.Encode does, and returns it: dst and
// the value.
func (w *JSONWriter) Bytes() []byte { return append(w.buf, '\n') }

// Open starts an object ('{') or an array ('[').
func (w *JSONWriter) Open(c byte) {
	w.buf = append(w.buf, c)
	w.depth++
	w.first = true
}

// Close ends the object ('}') or array (']') last opened.
func (w *JSONWriter) Close(c byte) {
	w.depth--
	if !w.first {
		w.newline()
	}
	w.buf = append(w.buf, c)
	w.first = false
}

// Elem starts an array's element.
func (w *JSONWriter) Elem() {
	if !w.first {
		w.buf = append(w.buf, ',')
	}
	w.first = false
	w.newline()
}

// Key starts an object's member named k.
func (w *JSONWriter) Key(k string) {
	w.Elem()
	w.buf = AppendJSONString(w.buf, k)
	w.buf = append(w.buf, ':')
	if w.indent != "" {
		w.buf = append(w.buf, ' ')
	}
}

// String writes s.
func (w *JSONWriter) String(s string) { w.buf = AppendJSONString(w.buf, s) }

// PlainField writes the member k: p.Of, a string that holds nothing JSON escapes but line
// breaks outside p's spans: those parts are read only for their line breaks, the quoted
// spans only for them, quotes and backslashes.
func (w *JSONWriter) PlainField(k string, p JSONPlain) {
	w.Key(k)
	s, at := p.Of, 0
	w.buf = append(w.buf, '"')
	for _, sp := range p.Spans {
		w.buf = appendLines(w.buf, s[at:sp.Start])
		if sp.Quoted {
			w.buf = appendQuoted(w.buf, s[sp.Start:sp.End])
		} else {
			w.buf = appendJSONBody(w.buf, s[sp.Start:sp.End])
		}
		at = sp.End
	}
	w.buf = append(appendLines(w.buf, s[at:]), '"')
}

// appendLines appends s, which holds nothing JSON escapes but line breaks, escaped. The
// line break after one, as between paragraphs, is taken without a search.
func appendLines(dst []byte, s string) []byte {
	for {
		i := strings.IndexByte(s, '\n')
		if i < 0 {
			return append(dst, s...)
		}
		dst = append(append(dst, s[:i]...), '\\', 'n')
		s = s[i+1:]
		for s != "" && s[0] == '\n' {
			dst, s = append(dst, '\\', 'n'), s[1:]
		}
	}
}

// appendQuoted appends s, which holds nothing JSON escapes but quotes, backslashes and
// line breaks, escaped: the quotes and backslashes, which are few, are looked for in the
// whole of s, the line breaks between them by appendLines.
func appendQuoted(dst []byte, s string) []byte {
	quote, slash := strings.IndexByte(s, '"'), strings.IndexByte(s, '\\')
	for quote >= 0 || slash >= 0 {
		i := quote
		if i < 0 || slash >= 0 && slash < i {
			i = slash
		}
		dst = append(appendLines(dst, s[:i]), '\\', s[i])
		s = s[i+1:]
		if quote >= 0 {
			if quote -= i + 1; quote < 0 {
				quote = strings.IndexByte(s, '"')
			}
		}
		if slash >= 0 {
			if slash -= i + 1; slash < 0 {
				slash = strings.IndexByte(s, '\\')
			}
		}
	}
	return appendLines(dst, s)
}

// Int writes n.
func (w *JSONWriter) Int(n int) { w.buf = strconv.AppendInt(w.buf, int64(n), 10) }

// StringField writes the member k: s, left out when s is empty and omitEmpty is set.
func (w *JSONWriter) StringField(k, s string, omitEmpty bool) {
	if s == "" && omitEmpty {
		return
	}
	w.Key(k)
	w.String(s)
}

// StringsField writes the member k: list, left out when list is empty.
func (w *JSONWriter) StringsField(k string, list []string) {
	if len(list) == 0 {
		return
	}
	w.Key(k)
	w.Open('[')
	for _, s := range list {
		w.Elem()
		w.String(s)
	}
	w.Close(']')
}

func (w *JSONWriter) newline() {
	if w.indent == "" {
		return
	}
	w.buf = append(w.buf, '\n')
	for range w.depth {
		w.buf = append(w.buf, w.indent...)
	}
}

// escapeBytes marks with a high bit the bytes of x that may need escaping: control
// characters, '"', '\\' and everything beyond ASCII. For an ASCII byte b, b+0x60 has its
// high bit set when b >= 0x20, and (b^'"')+0x7f when b != '"'; the sums carry only out of
// bytes beyond ASCII, which x marks itself, into the bytes after them. So the lowest mark
// is exact (the marks after it may not be).
func escapeBytes(x uint64) uint64 {
	const ones = blocks.ByteOnes
	plain := (x + 0x60*ones) & ((x ^ '"'*ones) + 0x7f*ones) & ((x ^ '\\'*ones) + 0x7f*ones)
	return (x | ^plain) & blocks.ByteHighs
}

// plainByte reports whether JSON keeps the byte b of a string as it is.
func plainByte(b byte) bool {
	return b >= 0x20 && b != '"' && b != '\\' && b < utf8.RuneSelf
}

// plainRun returns how many bytes of s from i on JSON keeps as they are, reading sixteen
// bytes a turn while it can, in a loop of its own, and going to the first byte that needs
// escaping by the lowest mark of escapeBytes: most of a Document's JSON is such runs, a
// few hundred bytes long.
func plainRun(s string, i int) int {
	start := i
	for ; i+16 <= len(s); i += 16 {
		a, b := escapeBytes(blocks.Load8(s[i:i+8])), escapeBytes(blocks.Load8(s[i+8:i+16]))
		switch {
		case a != 0:
			return i + bits.TrailingZeros64(a)/8 - start
		case b != 0:
			return i + 8 + bits.TrailingZeros64(b)/8 - start
		}
	}
	if i+8 <= len(s) {
		if a := escapeBytes(blocks.Load8(s[i : i+8])); a != 0 {
			return i + bits.TrailingZeros64(a)/8 - start
		}
		i += 8
	}
	for i < len(s) && plainByte(s[i]) {
		i++
	}
	return i - start
}

// AppendJSONString appends s as a JSON string, escaped as encoding/json escapes it without
// HTML escaping: \" \\ \b \f \n \r \t, other control characters as \u00XX, invalid UTF-8
// as \ufffd, U+2028 and U+2029 as \u2028 and \u2029. Runs of plain ASCII are passed over
// eight bytes at a time (plainRun).
func AppendJSONString(dst []byte, s string) []byte {
	return append(appendJSONBody(append(dst, '"'), s), '"')
}

// appendJSONBody is AppendJSONString without the quotes around s.
func appendJSONBody(dst []byte, s string) []byte {
	start, i := 0, 0
	for {
		if i += plainRun(s, i); i >= len(s) {
			break
		}
		if b := s[i]; b < utf8.RuneSelf {
			dst = appendEscape(append(dst, s[start:i]...), b)
			i++
			start = i
			continue
		}
		c, size := utf8.DecodeRuneInString(s[i:])
		switch {
		case c == utf8.RuneError && size == 1:
			dst = append(append(dst, s[start:i]...), `\ufffd`...)
		case c == '\u2028' || c == '\u2029':
			dst = append(append(dst, s[start:i]...), '\\', 'u', '2', '0', '2', hexDigits[c&0xF])
		default:
			i += size
			continue
		}
		i += size
		start = i
	}
	return append(dst, s[start:]...)
}

const hexDigits = "0123456789abcdef"

// appendEscape appends the escape of the ASCII byte b: a quote, a backslash or a control
// character.
func appendEscape(dst []byte, b byte) []byte {
	switch b {
	case '\\', '"':
		return append(dst, '\\', b)
	case '\b':
		return append(dst, '\\', 'b')
	case '\f':
		return append(dst, '\\', 'f')
	case '\n':
		return append(dst, '\\', 'n')
	case '\r':
		return append(dst, '\\', 'r')
	case '\t':
		return append(dst, '\\', 't')
	}
	return append(dst, '\\', 'u', '0', '0', hexDigits[b>>4], hexDigits[b&0xF])
}
