package signals

import (
	"bytes"
	"strings"
	"unicode/utf8"
)

// C4QualityFilter's defaults (split_paragraph=True).
const (
	c4MaxWordLength   = 1000
	c4MinWordsPerLine = 3
	c4MinSentences    = 5
)

var c4Policy = [...][]byte{
	[]byte("terms of use"), []byte("privacy policy"), []byte("cookie policy"),
	[]byte("uses cookies"), []byte("use of cookies"), []byte("use cookies"),
}

// c4 runs C4QualityFilter.filter's line loop over every line (the filter stops at a
// lorem ipsum or curly bracket line; the signals go on).
func (sc *scratch) c4(s *Signals) {
	next := 0 // the first token not before the line
	for l := (lines{s: sc.text}); l.next(); {
		s.C4Lines++
		line := lstrip(l.line)
		start := l.off + len(l.line) - len(line)
		for next < len(sc.toks) && int(sc.toks[next].start) < start {
			next++
		}
		sc.c4Line(s, rstrip(line), next)
	}
	s.C4KeptLinesFrac = ratio(s.C4LinesKept, s.C4Lines)
}

// c4Line judges a stripped line, whose tokens start at sc.toks[first].
func (sc *scratch) c4Line(s *Signals, line string, first int) {
	if hasLongWord(line, c4MaxWordLength) {
		s.C4LinesTooLongWord++
		return
	}
	orig := line
	line = sc.removeCitations(line)
	if !c4Terminal(line) {
		s.C4LinesNoTerminalPunct++
		return
	}
	if fewerWords(orig, c4MinWordsPerLine) {
		s.C4LinesTooFewWords++
		return
	}
	sc.lowered = lowerForASCII(sc.lowered[:0], line)
	low := sc.lowered
	switch {
	case bytes.Contains(low, []byte("lorem ipsum")):
		s.C4LoremIpsumLine = firstLine(s.C4LoremIpsumLine, s.C4Lines)
	case bytes.Contains(low, []byte("javascript")):
		s.C4LinesJavascript++
	case strings.IndexByte(line, '{') >= 0:
		s.C4CurlyBracketLine = firstLine(s.C4CurlyBracketLine, s.C4Lines)
	case c4HasPolicy(low):
		s.C4LinesPolicy++
	default:
		s.C4Sentences += sc.lineSentences(line, orig, first)
		s.C4LinesKept++
	}
}

// lineSentences counts the sentences of a kept line. Tokenisation is local to
// whitespace-separated spans, and special cases never match across a line break (a
// whitespace token), so a line the citations left as it was has the text's tokens.
func (sc *scratch) lineSentences(line, orig string, first int) int {
	if line != orig {
		return sc.tok.sentences(line)
	}
	if line == "" {
		return 1
	}
	start := sc.toks[first].start
	end := first
	for end < len(sc.toks) && int(sc.toks[end].end-start) <= len(line) {
		end++
	}
	return sentences(sc.text, sc.toks[first:end])
}

func firstLine(old, n int) int {
	if old != 0 {
		return old
	}
	return n
}

func c4HasPolicy(low []byte) bool {
	for _, p := range c4Policy {
		if bytes.Contains(low, p) {
			return true
		}
	}
	return false
}

// c4Terminal is `line.endswith(END_PUNCTUATION) and not line.endswith("...")`.
func c4Terminal(line string) bool {
	if line == "" || strings.HasSuffix(line, "...") {
		return false
	}
	return strings.IndexByte(`.?!"'`, line[len(line)-1]) >= 0
}

// removeCitations is CITATION_REGEX.sub("", line) for \[\d*]|\[edit]|\[citation needed].
func (sc *scratch) removeCitations(line string) string {
	i := strings.IndexByte(line, '[')
	if i < 0 {
		return line
	}
	buf := append(sc.line[:0], line[:i]...)
	for i < len(line) {
		if n := citationAt(line[i:]); n > 0 {
			i += n
			continue
		}
		buf = append(buf, line[i])
		i++
	}
	sc.line = buf
	return string(buf)
}

// citationAt is the length of a citation at the start of s, or 0.
func citationAt(s string) int {
	if s[0] != '[' {
		return 0
	}
	j := 1
	for j < len(s) {
		r, w := utf8.DecodeRuneInString(s[j:])
		if !is(r, cDigit) {
			break
		}
		j += w
	}
	if j < len(s) && s[j] == ']' {
		return j + 1
	}
	for _, c := range [...]string{"[edit]", "[citation needed]"} {
		if strings.HasPrefix(s, c) {
			return len(c)
		}
	}
	return 0
}
