package signals

import (
	"strings"
	"unicode/utf8"
)

// urlMatch reports whether spaCy's URL_MATCH (spacy/lang/tokenizer_exceptions.py, a
// re.match anchored at both ends) matches s, a string without whitespace:
//
//	^ (?:[\w+\-.]{2,}://)? (?:\S+(?::\S*)?@)? (?: IP | (?:LABEL\.)+ [ALPHA_LOWER]{2,63} )
//	  (?::\d{2,5})? (?:[/?#]\S*)? $
//
// The regex backtracks; this tries each place the host can start (after the scheme,
// after any "@") and each way the host can end, which decides the same set of strings.
func urlMatch(s string) bool {
	if strings.IndexByte(s, '.') < 0 { // both host forms need a dot
		return false
	}
	for _, a := range [2]int{0, schemeEnd(s)} {
		if a < 0 {
			continue
		}
		if hostMatch(s, a) {
			return true
		}
		for k := a + 1; k < len(s); k++ { // \S+@: at least one character before the "@"
			if s[k] == '@' && hostMatch(s, k+1) {
				return true
			}
		}
	}
	return false
}

// schemeEnd is the offset after "[\w+\-.]{2,}://" at the start of s, or -1.
func schemeEnd(s string) int {
	n, i := 0, 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if r != '+' && r != '-' && r != '.' && !is(r, cWord) {
			break
		}
		i += w
		n++
	}
	if n >= 2 && strings.HasPrefix(s[i:], "://") {
		return i + 3
	}
	return -1
}

// hostMatch reports whether s[h:] is an IP address or a host name, then the tail.
func hostMatch(s string, h int) bool {
	if h >= len(s) {
		return false
	}
	return ipMatch(s, h) || nameMatch(s, h)
}

// urlTail reports whether t matches "(?::\d{2,5})?(?:[/?#]\S*)?$".
func urlTail(t string) bool {
	if t == "" || t[0] == '/' || t[0] == '?' || t[0] == '#' {
		return true
	}
	if t[0] != ':' {
		return false
	}
	n, i := digitRun(t, 1)
	if n < 2 || n > 5 {
		return false
	}
	return i == len(t) || t[i] == '/' || t[i] == '?' || t[i] == '#'
}

// digitRun counts the \d runes of s from i and returns the count and the offset after.
func digitRun(s string, i int) (int, int) {
	n := 0
	for i < len(s) {
		r, w := utf8.DecodeRuneInString(s[i:])
		if !is(r, cDigit) {
			break
		}
		i += w
		n++
	}
	return n, i
}

// isLabelRune is [A-Za-z0-9\u00a1-\uffff].
func isLabelRune(r rune) bool {
	return r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' ||
		r >= 0xA1 && r <= 0xFFFF
}

// nameMatch matches "(?:(?:X[X_-]{0,62})?X\.)+[ALPHA_LOWER]{2,63}" then the tail at s[h:].
// A label runs to the next ".", which ends it (no label character is a dot); after
// each label the top-level domain is tried, and the chain goes on through it.
func nameMatch(s string, h int) bool {
	for i := h; i < len(s); {
		dot, ok := label(s, i)
		if !ok {
			return false
		}
		t := dot + 1
		n, e := 0, t
		for e < len(s) {
			r, w := utf8.DecodeRuneInString(s[e:])
			if !is(r, cALower) {
				break
			}
			e += w
			n++
		}
		if n >= 2 && n <= 63 && urlTail(s[e:]) {
			return true
		}
		i = t
	}
	return false
}

// label checks the label at s[i:] and returns the offset of the "." after it.
func label(s string, i int) (int, bool) {
	n, j := 0, i
	var first, last rune
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !isLabelRune(r) && r != '_' && r != '-' {
			break
		}
		if n == 0 {
			first = r
		}
		last = r
		j += w
		n++
	}
	ok := n >= 1 && n <= 64 && isLabelRune(first) && isLabelRune(last) && j < len(s) && s[j] == '.'
	return j, ok
}

// ipMatch matches the dotted-quad alternative, with its negative lookaheads for private
// networks, then the tail.
func ipMatch(s string, h int) bool {
	if privateIP(s, h) {
		return false
	}
	ends := octet(s, h, octetFirst, nil)
	for k := 0; k < 3; k++ {
		kind := octetMiddle
		if k == 2 {
			kind = octetLast
		}
		var next []int
		for _, e := range ends {
			if e < len(s) && s[e] == '.' {
				next = octet(s, e+1, kind, next)
			}
		}
		ends = next
	}
	for _, e := range ends {
		if urlTail(s[e:]) {
			return true
		}
	}
	return false
}

const (
	octetFirst  = iota // [1-9]\d?|1\d\d|2[01]\d|22[0-3]
	octetMiddle        // 1?\d{1,2}|2[0-4]\d|25[0-5]
	octetLast          // [1-9]\d?|1\d\d|2[0-4]\d|25[0-4]
)

// cc is a character class of the octet regexes: an ASCII range, or \d for {0, 0}.
type cc struct{ lo, hi rune }

var ccDigit = cc{}

// octetForms spells out the alternatives of each octet regex.
var octetForms = func() [3][][]cc {
	D, r := ccDigit, func(lo, hi rune) cc { return cc{lo, hi} }
	one, two := r('1', '1'), r('2', '2')
	return [3][][]cc{
		octetFirst:  {{r('1', '9')}, {r('1', '9'), D}, {one, D, D}, {two, r('0', '1'), D}, {two, two, r('0', '3')}},
		octetMiddle: {{D}, {D, D}, {one, D, D}, {two, r('0', '4'), D}, {two, r('5', '5'), r('0', '5')}},
		octetLast:   {{r('1', '9')}, {r('1', '9'), D}, {one, D, D}, {two, r('0', '4'), D}, {two, r('5', '5'), r('0', '4')}},
	}
}()

// octet appends to ends every offset where an octet of the kind starting at i can end.
func octet(s string, i, kind int, ends []int) []int {
	for _, form := range octetForms[kind] {
		if e, ok := matchForm(s, i, form); ok {
			ends = append(ends, e)
		}
	}
	return ends
}

func matchForm(s string, i int, form []cc) (int, bool) {
	for _, c := range form {
		if i >= len(s) {
			return 0, false
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		if c == ccDigit && !is(r, cDigit) || c != ccDigit && (r < c.lo || r > c.hi) {
			return 0, false
		}
		i += w
	}
	return i, true
}

// privateIP is URL_PATTERN's negative lookaheads at s[h:]:
// (?:10|127)(?:\.\d{1,3}){3}, (?:169\.254|192\.168)(?:\.\d{1,3}){2},
// 172\.(?:1[6-9]|2\d|3[0-1])(?:\.\d{1,3}){2}.
func privateIP(s string, h int) bool {
	t := s[h:]
	for _, p := range [...]string{"10", "127"} {
		if strings.HasPrefix(t, p) && dotGroups(t, len(p), 3) {
			return true
		}
	}
	for _, p := range [...]string{"169.254", "192.168"} {
		if strings.HasPrefix(t, p) && dotGroups(t, len(p), 2) {
			return true
		}
	}
	if !strings.HasPrefix(t, "172.") || len(t) < 6 {
		return false
	}
	r, w := utf8.DecodeRuneInString(t[5:])
	ok := t[4] == '1' && r >= '6' && r <= '9' || t[4] == '2' && is(r, cDigit) ||
		t[4] == '3' && (r == '0' || r == '1')
	return ok && dotGroups(t, 5+w, 2)
}

// dotGroups reports whether (?:\.\d{1,3}){n} matches at t[i:] (as a prefix).
func dotGroups(t string, i, n int) bool {
	pos := []int{i}
	for ; n > 0; n-- {
		var next []int
		for _, p := range pos {
			if p >= len(t) || t[p] != '.' {
				continue
			}
			q := p + 1
			for k := 0; k < 3 && q < len(t); k++ {
				r, w := utf8.DecodeRuneInString(t[q:])
				if !is(r, cDigit) {
					break
				}
				q += w
				next = append(next, q)
			}
		}
		if len(next) == 0 {
			return false
		}
		pos = next
	}
	return true
}
