package signals

import (
	"slices"
	"unicode/utf8"
)

// token is a span of the tokenised string.
type token struct {
	start, end int32
	ws         bool // a token of whitespace (spaCy keeps those; split_into_words drops them)
}

// tokenizer is a port of spaCy's Tokenizer with the blank English pipeline's rules
// (spacy/tokenizer.pyx, spacy/lang/en, spacy/lang/punctuation.py), which datatrove's
// split_into_words and split_into_sentences use for English. Its buffers are reused.
type tokenizer struct {
	s        string
	toks     []token
	pre, suf []token
	matches  []match
	seen     []bool
	out      []token
}

// tokenize splits s as spaCy's Tokenizer.__call__ does: whitespace-separated spans,
// special cases, affixes, URLs, infixes, then the special cases found across tokens.
func (t *tokenizer) tokenize(s string) []token {
	t.s, t.toks = s, t.toks[:0]
	if s == "" {
		return t.toks
	}
	inWS, _ := spaceAt(s, 0)
	start := 0
	for i := 0; i < len(s); {
		sp, w := spaceAt(s, i)
		if sp != inWS {
			if start < i {
				t.span(start, i, inWS)
			}
			start = i
			if s[i] == ' ' { // a single space after a token belongs to it
				start = i + 1
			}
			inWS = !inWS
		}
		i += w
	}
	if start < len(s) {
		t.span(start, len(s), inWS)
	}
	t.applySpecials()
	return t.toks
}

func (t *tokenizer) push(a, b int, ws bool) {
	t.toks = append(t.toks, token{int32(a), int32(b), ws})
}

// pushSpecial appends the tokens of special case parts, which spell s[a:].
func (t *tokenizer) pushSpecial(a int, parts []string) {
	for _, p := range parts {
		t.push(a, a+len(p), false)
		a += len(p)
	}
}

// span tokenises s[a:b]: a whitespace span is one token; otherwise a special case, or
// Tokenizer._split_affixes and _attach_tokens.
func (t *tokenizer) span(a, b int, ws bool) {
	s := t.s[a:b]
	if ws {
		t.push(a, b, true)
		return
	}
	if parts, ok := special(s); ok {
		t.pushSpecial(a, parts)
		return
	}
	lo, hi, special := t.splitAffixes(a, b)
	t.attach(lo, hi, special)
}

// splitAffixes peels prefixes and suffixes off t.s[a:b] (not a special case) into t.pre
// and t.suf, as _split_affixes does, and returns the rest and whether it is a special
// case. Each string it leaves has been looked up at the top of the loop.
func (t *tokenizer) splitAffixes(a, b int) (int, int, bool) {
	t.pre, t.suf = t.pre[:0], t.suf[:0]
	for first := true; a < b; first = false {
		s := t.s[a:b]
		if !first && isSpecial(s) {
			return a, b, true
		}
		pre := findPrefix(s)
		if pre > 0 && pre < len(s) && isSpecial(s[pre:]) {
			t.pre = append(t.pre, token{int32(a), int32(a + pre), false})
			return a + pre, b, true
		}
		suf := findSuffix(s[pre:])
		if suf > 0 && suf < len(s) && isSpecial(s[:len(s)-suf]) {
			t.suf = append(t.suf, token{int32(b - suf), int32(b), false})
			return a, b - suf, true
		}
		if pre == 0 && suf == 0 {
			break
		}
		if pre > 0 {
			t.pre = append(t.pre, token{int32(a), int32(a + pre), false})
			a += pre
		}
		if suf > 0 {
			t.suf = append(t.suf, token{int32(b - suf), int32(b), false})
			b -= suf
		}
	}
	return a, b, false
}

func isSpecial(s string) bool {
	_, ok := special(s)
	return ok
}

// special returns the parts of special case s, if it is one. The cheap tests first
// also keep a long run of affixes from hashing the whole rest at each step.
func special(s string) ([]string, bool) {
	if len(s) > specialMaxLen || !specialEnds.has(s[0], s[len(s)-1]) {
		return nil, false
	}
	parts, ok := specialCases[s]
	return parts, ok
}

// bytePairs is a set of pairs of bytes, a cheap test before a map lookup.
type bytePairs [256 * 256 / 64]uint64

func (p *bytePairs) add(a, b byte)      { i := int(a)<<8 | int(b); p[i>>6] |= 1 << (i & 63) }
func (p *bytePairs) has(a, b byte) bool { i := int(a)<<8 | int(b); return p[i>>6]&(1<<(i&63)) != 0 }

// specialEnds has the first and last bytes of every special case; specialMaxLen is
// the longest.
var specialEnds, specialMaxLen = func() (*bytePairs, int) {
	p, n := new(bytePairs), 0
	for k := range specialCases {
		p.add(k[0], k[len(k)-1])
		n = max(n, len(k))
	}
	return p, n
}()

// isSpace is is(r, cSpace) with a shortcut for ASCII.
func isSpace(r rune) bool {
	if r < 0x80 {
		return asciiSpace[r]
	}
	return is(r, cSpace)
}

// spaceAt reports whether the character at s[i] is whitespace, and its length.
func spaceAt(s string, i int) (bool, int) {
	if c := s[i]; c < 0x80 {
		return asciiSpace[c], 1
	}
	r, w := utf8.DecodeRuneInString(s[i:])
	return is(r, cSpace), w
}

var asciiSpace = func() (t [128]bool) {
	for c := range t {
		t[c] = is(rune(c), cSpace)
	}
	return t
}()

// attach appends the prefixes, the rest t.s[a:b] (a special case, a URL, or split at
// its infixes), and the suffixes in reverse, as _attach_tokens does.
func (t *tokenizer) attach(a, b int, special bool) {
	t.toks = append(t.toks, t.pre...)
	switch s := t.s[a:b]; {
	case a == b:
	case special:
		t.pushSpecial(a, specialCases[s])
	case urlMatch(s):
		t.push(a, b, false)
	default:
		t.infixes(a, b)
	}
	for i := len(t.suf) - 1; i >= 0; i-- {
		t.toks = append(t.toks, t.suf[i])
	}
}

// infixes splits t.s[a:b] at the matches of infix_finditer; like spaCy, a match at the
// very start is not split off.
func (t *tokenizer) infixes(a, b int) {
	s := t.s[a:b]
	start := 0
	for p := 0; p < len(s); {
		if c := s[p]; c < 0x80 && !infixASCII[c] {
			p++
			continue
		}
		e := infixAt(s, p)
		if e < 0 {
			_, w := utf8.DecodeRuneInString(s[p:])
			p += w
			continue
		}
		if p != 0 {
			if p != start {
				t.push(a+start, a+p, false)
			}
			t.push(a+p, a+e, false)
			start = e
		}
		p = e
	}
	if start < len(s) {
		t.push(a+start, b, false)
	}
}

// match is a run of tokens [start, end) that spells a special-case pattern.
type match struct{ start, end int }

// patternsByFirst maps the first token of each special-case pattern of two tokens or
// more to the patterns (a pattern of one token is the special case itself, which
// changes nothing; so are the whitespace ones).
var patternsByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for _, p := range specialPatterns {
		if len(p) > 1 {
			m[p[0]] = append(m[p[0]], p)
		}
	}
	return m
}()

// applySpecials is Tokenizer._apply_special_cases: the PhraseMatcher finds every token
// run that spells a special-case pattern; the longest (then leftmost) runs whose first
// and last tokens no earlier run covered are kept; a kept run whose text (with the
// whitespace inside) is a special case becomes that special case's tokens.
func (t *tokenizer) applySpecials() {
	t.findMatches()
	if len(t.matches) == 0 {
		return
	}
	slices.SortFunc(t.matches, func(x, y match) int {
		if lx, ly := x.end-x.start, y.end-y.start; lx != ly {
			return ly - lx
		}
		return x.start - y.start
	})
	t.seen = append(t.seen[:0], make([]bool, len(t.toks))...)
	kept := t.matches[:0]
	for _, m := range t.matches {
		if !t.seen[m.start] && !t.seen[m.end-1] {
			kept = append(kept, m)
		}
		for i := m.start; i < m.end; i++ {
			t.seen[i] = true
		}
	}
	slices.SortFunc(kept, func(x, y match) int { return x.start - y.start })
	t.retokenize(kept)
}

// patternStarts has the first bytes of the first two tokens of every pattern.
var patternStarts = func() *bytePairs {
	p := new(bytePairs)
	for _, ps := range patternsByFirst {
		for _, x := range ps {
			p.add(x[0][0], x[1][0])
		}
	}
	return p
}()

func (t *tokenizer) findMatches() {
	t.matches = t.matches[:0]
	for i := 0; i+1 < len(t.toks); i++ {
		tk, next := t.toks[i], t.toks[i+1]
		if tk.ws || next.ws || !patternStarts.has(t.s[tk.start], t.s[next.start]) {
			continue
		}
		for _, p := range patternsByFirst[t.text(tk)] {
			if t.spells(i, p) {
				t.matches = append(t.matches, match{i, i + len(p)})
			}
		}
	}
}

func (t *tokenizer) text(tk token) string { return t.s[tk.start:tk.end] }

// spells reports whether the tokens from i are the pattern p.
func (t *tokenizer) spells(i int, p []string) bool {
	if i+len(p) > len(t.toks) {
		return false
	}
	for k, w := range p {
		if t.toks[i+k].ws || t.text(t.toks[i+k]) != w {
			return false
		}
	}
	return true
}

// retokenize replaces the kept runs that are special cases by their tokens.
func (t *tokenizer) retokenize(kept []match) {
	t.out = t.out[:0]
	i := 0
	for _, m := range kept {
		t.out = append(t.out, t.toks[i:m.start]...)
		a, b := int(t.toks[m.start].start), int(t.toks[m.end-1].end)
		if parts, ok := specialCases[t.s[a:b]]; ok {
			for _, p := range parts {
				t.out = append(t.out, token{int32(a), int32(a + len(p)), false})
				a += len(p)
			}
		} else {
			t.out = append(t.out, t.toks[m.start:m.end]...)
		}
		i = m.end
	}
	t.out = append(t.out, t.toks[i:]...)
	t.toks, t.out = t.out, t.toks
}

// sentences is len(datatrove's split_into_sentences(s)) for English.
func (t *tokenizer) sentences(s string) int { return sentences(s, t.tokenize(s)) }

// sentences counts the sentences of spaCy's Sentencizer over the tokens of s
// (whitespace tokens included): one starts at the first token after a sentence-final
// character that is neither punctuation nor such a character. datatrove counts an
// empty text as one part.
func sentences(s string, toks []token) int {
	n, seen := 1, false
	for _, tk := range toks {
		w := s[tk.start:tk.end]
		final := isSentPunct(w)
		if seen && !final && !isPunctToken(w) {
			n++
			seen = false
		} else if final {
			seen = true
		}
	}
	return n
}

// isSentPunct is `token.text in punct_chars`: the punct_chars are single characters.
func isSentPunct(w string) bool {
	r, n := utf8.DecodeRuneInString(w)
	return n == len(w) && is(r, cSentPunct)
}

// isPunctToken is spaCy's Lexeme.is_punct: every character is in a P* category.
func isPunctToken(w string) bool {
	for _, r := range w {
		if !is(r, cPunctCat) {
			return false
		}
	}
	return true
}
