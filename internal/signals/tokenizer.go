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
	r, _ := utf8.DecodeRuneInString(s)
	inWS, start := is(r, cSpace), 0
	for i, r := range s {
		if is(r, cSpace) == inWS {
			continue
		}
		if start < i {
			t.span(start, i, inWS)
		}
		start = i
		if r == ' ' { // a single space after a token belongs to it
			start = i + 1
		}
		inWS = !inWS
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
	if parts, ok := specialCases[s]; ok {
		t.pushSpecial(a, parts)
		return
	}
	lo, hi := t.splitAffixes(a, b)
	t.attach(lo, hi)
}

// splitAffixes peels prefixes and suffixes off t.s[a:b] into t.pre and t.suf, as
// _split_affixes does, and returns the rest.
func (t *tokenizer) splitAffixes(a, b int) (int, int) {
	t.pre, t.suf = t.pre[:0], t.suf[:0]
	last := -1
	for a < b && b-a != last {
		s := t.s[a:b]
		if isSpecial(s) {
			break
		}
		last = b - a
		pre := findPrefix(s)
		if pre > 0 && pre < len(s) && isSpecial(s[pre:]) {
			t.pre = append(t.pre, token{int32(a), int32(a + pre), false})
			return a + pre, b
		}
		suf := findSuffix(s[pre:])
		if suf > 0 && suf < len(s) && isSpecial(s[:len(s)-suf]) {
			t.suf = append(t.suf, token{int32(b - suf), int32(b), false})
			return a, b - suf
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
	return a, b
}

func isSpecial(s string) bool {
	_, ok := specialCases[s]
	return ok
}

// attach appends the prefixes, the rest t.s[a:b] (a special case, a URL, or split at
// its infixes), and the suffixes in reverse, as _attach_tokens does.
func (t *tokenizer) attach(a, b int) {
	t.toks = append(t.toks, t.pre...)
	if a < b {
		s := t.s[a:b]
		if parts, ok := specialCases[s]; ok {
			t.pushSpecial(a, parts)
		} else if urlMatch(s) {
			t.push(a, b, false)
		} else {
			t.infixes(a, b)
		}
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

// patternsByFirst maps the first token of each special-case pattern (specialPatterns,
// whitespace ones aside: they map to themselves) to the patterns.
var patternsByFirst = func() map[string][][]string {
	m := map[string][][]string{}
	for key, p := range specialPatterns {
		if r, _ := utf8.DecodeRuneInString(key); !is(r, cSpace) {
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

func (t *tokenizer) findMatches() {
	t.matches = t.matches[:0]
	for i, tk := range t.toks {
		if tk.ws {
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

// sentences is len(datatrove's split_into_sentences(s)) for English: spaCy's
// Sentencizer over the tokens (whitespace tokens included) starts a sentence at the
// first token after a sentence-final character that is neither punctuation nor such
// a character; datatrove counts an empty text as one part.
func (t *tokenizer) sentences(s string) int {
	n, seen := 1, false
	for _, tk := range t.tokenize(s) {
		w := t.text(tk)
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
