package render

import (
	"strconv"
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

// NewJSONWriter starts a value, indented by indent ("" for one line).
func NewJSONWriter(indent string, sizeHint int) *JSONWriter {
	return &JSONWriter{buf: make([]byte, 0, sizeHint), indent: indent}
}

// Bytes ends the value with a newline, as Encoder.Encode does, and returns it.
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

// plainWord reports whether the 8 bytes of x need no escaping: no control character, no
// '"', no '\\' and nothing beyond ASCII (exact for "any byte", the classic SWAR tests).
func plainWord(x uint64) bool {
	below := (x - 0x20*blocks.ByteOnes) &^ x // a high bit where a byte is below 0x20 (or above 0x7f)
	quote := x ^ '"'*blocks.ByteOnes
	slash := x ^ '\\'*blocks.ByteOnes
	zero := (quote-blocks.ByteOnes)&^quote | (slash-blocks.ByteOnes)&^slash
	return (below|zero|x)&blocks.ByteHighs == 0
}

// AppendJSONString appends s as a JSON string, escaped as encoding/json escapes it without
// HTML escaping: \" \\ \b \f \n \r \t, other control characters as \u00XX, invalid UTF-8
// as \ufffd, U+2028 and U+2029 as \u2028 and \u2029. Runs of plain ASCII are passed over 8
// bytes at a time.
func AppendJSONString(dst []byte, s string) []byte {
	dst = append(dst, '"')
	start, i := 0, 0
	for i < len(s) {
		if i+8 <= len(s) && plainWord(blocks.Load8(s[i:])) {
			i += 8
			continue
		}
		b := s[i]
		if b >= 0x20 && b != '"' && b != '\\' && b < utf8.RuneSelf {
			i++
			continue
		}
		if b < utf8.RuneSelf {
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
	dst = append(dst, s[start:]...)
	return append(dst, '"')
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
