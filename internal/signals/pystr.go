package signals

import (
	"strings"
	"unicode/utf8"
)

// Python's str methods, as datatrove's filters call them, on UTF-8 text. Lengths are
// in code points, as Python's len.

func runeCount(s string) int { return utf8.RuneCountInString(s) }

// strip, lstrip and rstrip are str.strip(), str.lstrip() and str.rstrip().
func strip(s string) string { return rstrip(lstrip(s)) }

func lstrip(s string) string {
	for s != "" {
		r, w := utf8.DecodeRuneInString(s)
		if !isSpace(r) {
			break
		}
		s = s[w:]
	}
	return s
}

func rstrip(s string) string {
	for s != "" {
		r, w := utf8.DecodeLastRuneInString(s)
		if !isSpace(r) {
			break
		}
		s = s[:len(s)-w]
	}
	return s
}

// lines iterates str.splitlines(): lines end at \n, \r, \r\n, \v, \f, \x1c, \x1d,
// \x1e, \x85, \u2028 and \u2029; a final line ending opens no empty line.
type lines struct {
	s    string
	line string
	off  int // the offset of line in the text
	rest int // the offset of s
}

func (l *lines) next() bool {
	if l.s == "" {
		return false
	}
	i, w := lineBreak(l.s)
	l.line, l.s, l.off = l.s[:i], l.s[i+w:], l.rest
	l.rest += i + w
	return true
}

// lineBreak finds the first line break of s: its offset and byte length, or len(s), 0.
func lineBreak(s string) (int, int) {
	for i := 0; i < len(s); i++ {
		if !breakStart[s[i]] {
			continue
		}
		switch c := s[i]; {
		case c == '\r':
			if i+1 < len(s) && s[i+1] == '\n' {
				return i, 2
			}
			return i, 1
		case c < 0x80:
			return i, 1
		case c == 0xC2 && i+1 < len(s) && s[i+1] == 0x85:
			return i, 2
		case c == 0xE2 && i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xA8 || s[i+2] == 0xA9):
			return i, 3
		}
	}
	return len(s), 0
}

// breakStart marks the bytes a line break starts with.
var breakStart = func() (t [256]bool) {
	for _, c := range []byte("\n\r\v\f\x1c\x1d\x1e\xc2\xe2") {
		t[c] = true
	}
	return t
}()

// hasLongWord reports whether a word of s.split() has more than n code points.
func hasLongWord(s string, n int) bool {
	if len(s) <= n {
		return false
	}
	l := 0
	for _, r := range s {
		if l = l + 1; isSpace(r) {
			l = 0
		}
		if l > n {
			return true
		}
	}
	return false
}

// fewerWords reports whether s.split() has fewer than n words.
func fewerWords(s string, n int) bool {
	in := false
	for i := 0; i < len(s); {
		sp, w := spaceAt(s, i)
		if !sp && !in {
			if n--; n == 0 {
				return false
			}
		}
		in = !sp
		i += w
	}
	return true
}

// lowerForASCII appends to buf a version of s in which every ASCII needle is found
// where it is in Python's s.lower(): ASCII letters are lowered, KELVIN SIGN becomes
// "k", LATIN CAPITAL I WITH DOT ABOVE becomes "i" and COMBINING DOT ABOVE (its full
// lowercase), and every other non-ASCII character stays as it is. No other character
// has a lowercase with an ASCII letter in it (checked in Unicode 14).
func lowerForASCII(buf []byte, s string) []byte {
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'A' && c <= 'Z':
			buf = append(buf, c+'a'-'A')
		case c == 0xE2 && strings.HasPrefix(s[i:], "\u212A"):
			buf = append(buf, 'k')
			i += 2
		case c == 0xC4 && i+1 < len(s) && s[i+1] == 0xB0:
			buf = append(buf, "i\u0307"...)
			i++
		default:
			buf = append(buf, c)
		}
	}
	return buf
}

// hasSuffixRune reports whether the last character of s is in class c.
func hasSuffixRune(s string, c class) bool {
	r, w := utf8.DecodeLastRuneInString(s)
	return w > 0 && is(r, c)
}
