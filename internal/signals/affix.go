package signals

import (
	"strings"
	"unicode/utf8"
)

// affixKind is one kind of alternative of spaCy's English prefix and suffix regexes.
type affixKind uint8

const (
	afLiteral       affixKind = iota // the literal string
	afDots                           // \.\.+
	afIcon                           // [ICONS]
	afPlusNotDigit                   // \+(?![0-9]) (prefix)
	afDigitPlus                      // (?<=[0-9])\+ (suffix)
	afDegreeDot                      // (?<=°[FfCcKk])\. (suffix)
	afDigitCurrency                  // (?<=[0-9])(?:CURRENCY) (suffix)
	afDigitUnit                      // (?<=[0-9])(?:UNITS) (suffix)
	afClassDot                       // (?<=[0-9 ALPHA_LOWER %²\-+ PUNCT (?: QUOTES)])\. (suffix)
	afUpperUpperDot                  // (?<=[ALPHA_UPPER][ALPHA_UPPER])\. (suffix)
)

type affix struct {
	kind affixKind
	lit  string
}

// prefixByFirst lists, per first byte, the prefix rules that can match, in rule order.
var prefixByFirst [256][]affix

// suffixByLast lists, per last byte, the literal suffix rules ending with it (plain,
// and after a digit: CURRENCY and UNITS).
var suffixByLast [256][]suffixLit

type suffixLit struct {
	lit        string
	afterDigit bool
}

func init() {
	for _, a := range prefixRules {
		for b := 0; b < 256; b++ {
			if prefixCanStart(a, byte(b)) {
				prefixByFirst[b] = append(prefixByFirst[b], a)
			}
		}
	}
	for _, a := range suffixRules {
		if a.kind == afLiteral {
			addSuffixLiteral(a.lit, false)
		}
	}
	for _, l := range currencyLiterals {
		addSuffixLiteral(l, true)
	}
	for _, l := range unitLiterals {
		addSuffixLiteral(l, true)
	}
}

func addSuffixLiteral(l string, afterDigit bool) {
	b := l[len(l)-1]
	suffixByLast[b] = append(suffixByLast[b], suffixLit{l, afterDigit})
}

func prefixCanStart(a affix, b byte) bool {
	switch a.kind {
	case afLiteral:
		return a.lit[0] == b
	case afDots:
		return b == '.'
	case afPlusNotDigit:
		return b == '+'
	case afIcon:
		return b >= 0xC2
	}
	panic("signals: unknown prefix rule")
}

// findPrefix is spaCy's find_prefix: the byte length of the first prefix rule that
// matches at the start of s, or 0.
func findPrefix(s string) int {
	if s == "" {
		return 0
	}
	for _, a := range prefixByFirst[s[0]] {
		if n := prefixAt(a, s); n > 0 {
			return n
		}
	}
	return 0
}

func prefixAt(a affix, s string) int {
	switch a.kind {
	case afLiteral:
		if strings.HasPrefix(s, a.lit) {
			return len(a.lit)
		}
	case afDots:
		if n := dotRun(s); n >= 2 {
			return n
		}
	case afPlusNotDigit:
		if len(s) < 2 || !isASCIIDigit(s[1]) {
			return 1
		}
	case afIcon:
		if r, w := utf8.DecodeRuneInString(s); is(r, cIcon) {
			return w
		}
	}
	return 0
}

func dotRun(s string) int {
	n := 0
	for n < len(s) && s[n] == '.' {
		n++
	}
	return n
}

func isASCIIDigit(b byte) bool { return b >= '0' && b <= '9' }

// findSuffix is spaCy's find_suffix: re.search of alternatives that each end at "$"
// finds the leftmost start where any of them matches the rest of s, that is the longest
// matching suffix; its byte length, or 0.
func findSuffix(s string) int {
	if s == "" {
		return 0
	}
	n, last := 0, s[len(s)-1]
	for _, l := range suffixByLast[last] {
		k := len(l.lit)
		if k > n && (!l.afterDigit || len(s) > k && isASCIIDigit(s[len(s)-k-1])) && strings.HasSuffix(s, l.lit) {
			n = k
		}
	}
	switch last {
	case '.':
		if d := trailingDots(s); d >= 2 {
			n = max(n, d)
		} else if dotSuffix(s[:len(s)-1]) {
			n = max(n, 1)
		}
	case '+':
		if len(s) > 1 && isASCIIDigit(s[len(s)-2]) {
			n = max(n, 1)
		}
	}
	if last >= 0x80 {
		if r, w := utf8.DecodeLastRuneInString(s); is(r, cIcon) {
			n = max(n, w)
		}
	}
	return n
}

func trailingDots(s string) int {
	n := 0
	for n < len(s) && s[len(s)-1-n] == '.' {
		n++
	}
	return n
}

// dotSuffix reports whether a final "." after before is a suffix by the degree, class
// or upper-upper rules.
func dotSuffix(before string) bool {
	r1, w1 := utf8.DecodeLastRuneInString(before)
	if w1 == 0 {
		return false
	}
	if is(r1, cSufDotBefore) {
		return true
	}
	r2, w2 := utf8.DecodeLastRuneInString(before[:len(before)-w1])
	if w2 == 0 {
		return false
	}
	if r2 == '°' && strings.ContainsRune("FfCcKk", r1) {
		return true
	}
	return is(r1, cAUpper) && is(r2, cAUpper)
}

// infixAt is one step of spaCy's infix_finditer at s[p:]: the end of the first infix
// rule that matches there, or -1. Rules in order: \.\.+, …, [ICONS],
// (?<=[0-9])[+\-*^](?=[0-9-]), (?<=[al q])\.(?=[au q]), (?<=[a]),(?=[a]),
// (?<=[a0-9])(?:HYPHENS)(?=[a]), (?<=[a0-9])[:<>=/](?=[a]).
func infixAt(s string, p int) int {
	b := s[p]
	if b < 0x80 && !infixASCII[b] {
		return -1
	}
	if b == '.' && p+1 < len(s) && s[p+1] == '.' {
		return p + dotRun(s[p:])
	}
	if strings.HasPrefix(s[p:], "…") {
		return p + len("…")
	}
	if r, w := utf8.DecodeRuneInString(s[p:]); b >= 0x80 && is(r, cIcon) {
		return p + w
	}
	if p == 0 {
		return -1 // every other rule looks behind
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:p])
	return infixLookbehind(s, p, prev)
}

// infixASCII marks the ASCII bytes an infix rule can start with.
var infixASCII = func() (t [128]bool) {
	for _, c := range ".+-*^,~:<>=/" {
		t[c] = true
	}
	return t
}()

func infixLookbehind(s string, p int, prev rune) int {
	b := s[p]
	next := func(i int) rune {
		if i >= len(s) {
			return -1
		}
		r, _ := utf8.DecodeRuneInString(s[i:])
		return r
	}
	digitPrev := prev >= '0' && prev <= '9'
	if digitPrev && strings.IndexByte("+-*^", b) >= 0 {
		if n := next(p + 1); n >= '0' && n <= '9' || n == '-' {
			return p + 1
		}
	}
	if b == '.' && is(prev, cLowerQuote) && is(next(p+1), cUpperQuote) {
		return p + 1
	}
	if b == ',' && is(prev, cA) && is(next(p+1), cA) {
		return p + 1
	}
	if !digitPrev && !is(prev, cA) {
		return -1
	}
	for _, h := range hyphenLiterals {
		if strings.HasPrefix(s[p:], h) && is(next(p+len(h)), cA) {
			return p + len(h)
		}
	}
	if strings.IndexByte(":<>=/", b) >= 0 && is(next(p+1), cA) {
		return p + 1
	}
	return -1
}
