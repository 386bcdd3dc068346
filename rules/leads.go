package rules

import (
	"regexp/syntax"
	"slices"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
)

// leads are the texts one of which starts every match of an anchored rule (a block rule
// matches whole lines), case-folded (see fold); or, for a rule anchored at the end, the
// texts one of which ends every match. A line that starts (ends) with none of them cannot
// match: one look at its first (last) rune turns most lines away, however many
// alternatives the rule has. A rule whose matches may start with anything has no leads.
type leads struct {
	texts []string                // nil: any line may match
	ascii [utf8.RuneSelf][]string // the texts by their folded first (last) rune, when ASCII
	other []string                // the texts starting (ending) with a rune of 128 or more
	end   bool                    // the texts end matches
	reach int                     // the most bytes of a line admits reads where they are ASCII: the longest text's
	bar   [utf8.RuneSelf]pairBits // by ASCII first (last) rune, the next runes no text goes on with
}

// pairBits has a bit for each ASCII rune, and one (pairOther) for any other rune or none.
type pairBits [3]uint64

const pairOther = 128

func (b *pairBits) set(r rune)      { b[r>>6] |= 1 << (r & 63) }
func (b *pairBits) has(r rune) bool { return b[r>>6]>>(r&63)&1 != 0 }

// maxLeads bounds the texts of a rule; a rule with more has none.
const maxLeads = 64

// newLeads returns the leads of re, which is anchored at the start of the text (at its
// end, with end).
func newLeads(re *syntax.Regexp, end bool) leads {
	texts, _, ok := leadTexts(re, end)
	if !ok || len(texts) == 0 || len(texts) > maxLeads {
		return leads{}
	}
	slices.Sort(texts)
	l := leads{texts: slices.Compact(texts), end: end}
	for _, t := range l.texts {
		l.reach = max(l.reach, len(t)) // an ASCII byte of the line is compared with a byte of the text at most
		if r := edgeRune(t, end); r < utf8.RuneSelf {
			l.ascii[r] = append(l.ascii[r], t)
		} else {
			l.other = append(l.other, t)
		}
	}
	for r, ts := range l.ascii {
		var next pairBits // the runes the texts starting (ending) with r go on with
		for _, t := range ts {
			switch n := nextRune(t, end); {
			case n == utf8.RuneError: // r alone: any line starting (ending) with it may match
				next = pairBits{^uint64(0), ^uint64(0), ^uint64(0)}
			case n < utf8.RuneSelf:
				next.set(n)
			default:
				next.set(pairOther)
			}
		}
		for i := range next {
			l.bar[r][i] = ^next[i]
		}
	}
	return l
}

// nextRune returns the second rune of s (its last but one, with end), or RuneError.
func nextRune(s string, end bool) rune {
	if end {
		_, n := utf8.DecodeLastRuneInString(s)
		return edgeRune(s[:len(s)-n], true)
	}
	_, n := utf8.DecodeRuneInString(s)
	return edgeRune(s[n:], false)
}

// leadTexts returns the folded texts one of which starts (with end, ends) every non-empty
// match of re, whether re may match the empty text, and false when it cannot tell (re may
// start with any rune, or with too many).
func leadTexts(re *syntax.Regexp, end bool) (texts []string, empty, ok bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []string{foldRunes(re.Rune)}, false, true
	case syntax.OpCharClass:
		return classTexts(re.Rune)
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText,
		syntax.OpEndText, syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return nil, true, true
	case syntax.OpCapture, syntax.OpPlus:
		return leadTexts(re.Sub[0], end)
	case syntax.OpQuest, syntax.OpStar:
		texts, _, ok = leadTexts(re.Sub[0], end)
		return texts, true, ok
	case syntax.OpRepeat:
		texts, empty, ok = leadTexts(re.Sub[0], end)
		return texts, empty || re.Min == 0, ok
	case syntax.OpConcat:
		subs := slices.Clone(re.Sub)
		if end {
			slices.Reverse(subs)
		}
		var opt []string // the texts of an optional rune or literal just before (after)
		lit := ""        // the literals the concatenation starts (ends) with, folded
		for _, sub := range subs {
			if sub.Op == syntax.OpLiteral && texts == nil && opt == nil {
				lit = joinEdge(lit, foldRunes(sub.Rune), end)
				continue
			}
			t, e, ok := leadTexts(sub, end)
			if lit != "" { // every match starts (ends) with lit, then with one of t
				if !ok || e {
					return []string{lit}, false, true
				}
				for i := range t {
					t[i] = joinEdge(lit, t[i], end)
				}
				return t, false, true
			}
			switch {
			case !ok:
				return nil, false, false
			case e && opt == nil && optionalExact(sub):
				opt = t
				continue
			case opt != nil && !e:
				t = withOptional(t, opt, end)
			case opt != nil:
				t = append(t, opt...)
			}
			opt = nil
			if texts = append(texts, t...); len(texts) > maxLeads {
				return nil, false, false
			}
			if !e {
				return texts, false, true
			}
		}
		if lit != "" {
			return []string{lit}, false, true
		}
		return append(texts, opt...), true, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			t, e, ok := leadTexts(sub, end)
			if !ok || len(texts)+len(t) > maxLeads {
				return nil, false, false
			}
			texts, empty = append(texts, t...), empty || e
		}
		return texts, empty, true
	}
	return nil, false, false
}

// joinEdge returns text after edge, the text a match starts with (before it, with end).
func joinEdge(edge, text string, end bool) string {
	if end {
		return text + edge
	}
	return edge + text
}

// optionalExact reports whether re is an optional literal or character class, whose
// texts are then all it matches, or nothing.
func optionalExact(re *syntax.Regexp) bool {
	return re.Op == syntax.OpQuest && (re.Sub[0].Op == syntax.OpLiteral || re.Sub[0].Op == syntax.OpCharClass)
}

// withOptional returns the texts that start (end) a match of an element with texts,
// preceded (followed) by an optional element matching one of opt: each text, and each
// text with each of opt before (after) it.
func withOptional(texts, opt []string, end bool) []string {
	out := texts
	for _, t := range texts {
		for _, o := range opt {
			if end {
				out = append(out, t+o)
			} else {
				out = append(out, o+t)
			}
		}
	}
	return out
}

// classTexts returns the folded runes of a character class (pairs of range ends).
func classTexts(ranges []rune) (texts []string, empty, ok bool) {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i+1]-ranges[i] >= maxLeads {
			return nil, false, false
		}
		for r := ranges[i]; r <= ranges[i+1] && len(texts) <= maxLeads; r++ {
			texts = append(texts, string(foldRune(r)))
		}
	}
	return texts, false, len(texts) > 0 && len(texts) <= maxLeads
}

// foldRunes returns the runes folded, as a string.
func foldRunes(rs []rune) string {
	b := make([]byte, 0, len(rs))
	for _, r := range rs {
		b = utf8.AppendRune(b, foldRune(r))
	}
	return string(b)
}

// edgeRune returns the first rune of s, or its last with end.
func edgeRune(s string, end bool) rune {
	if end {
		r, _ := utf8.DecodeLastRuneInString(s)
		return r
	}
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// mayAdmit is the first look of admits, cheap enough to inline: false when the line's
// first (last) rune is ASCII and no text starts (ends) with it and its next rune.
func (l *leads) mayAdmit(s *subject) bool {
	f, n := s.first, s.second
	if l.end {
		f, n = s.last, s.beforeLast
	}
	return f >= utf8.RuneSelf || !l.bar[f].has(n)
}

// admits reports whether line may match: it starts (ends) with one of the texts,
// case-folded.
func (l *leads) admits(s *subject) bool {
	line, f := s.text, s.first
	if l.end {
		f = s.last
	}
	if l.texts == nil || line == "" {
		return true
	}
	cands := l.other
	if f < utf8.RuneSelf {
		cands = l.ascii[f]
	}
	for _, t := range cands {
		if l.end && hasFoldedSuffix(line, t) || !l.end && hasFoldedPrefix(line, t) {
			return true
		}
	}
	return false
}

// admitsUntidy is admits of an untidy line as it will be once tidy (subject.tidy), or
// true when it cannot tell: it can when the reach of admits at the line's edge is printable
// ASCII without two spaces in a row, which collapsing white space leaves as it is (and
// admits reads no further into ASCII than the texts are long).
func (l *leads) admitsUntidy(s *subject) bool {
	if l.texts == nil {
		return true
	}
	edge := s.text
	if len(edge) > l.reach {
		if l.end {
			edge = edge[len(edge)-l.reach:]
		} else {
			edge = edge[:l.reach]
		}
	}
	return blocks.SpacedASCII(edge) < len(edge) || l.admits(s)
}

// hasFoldedPrefix reports whether s, folded, starts with the folded text t. The ASCII
// both start with is compared a byte at a time; from the first other byte on, rune by rune
// (a rune of 128 or more may fold to an ASCII one, as the Kelvin sign K does).
func hasFoldedPrefix(s, t string) bool {
	i := 0
	for ; i < len(t) && i < len(s) && s[i]|t[i] < utf8.RuneSelf; i++ {
		if upperASCII(s[i]) != t[i] {
			return false
		}
	}
	for _, tr := range t[i:] {
		if i == len(s) {
			return false
		}
		r, n := utf8.DecodeRuneInString(s[i:])
		if foldRune(r) != tr {
			return false
		}
		i += n
	}
	return true
}

// hasFoldedSuffix reports whether s, folded, ends with the folded text t, comparing the
// ASCII both end with a byte at a time as hasFoldedPrefix does.
func hasFoldedSuffix(s, t string) bool {
	for len(t) > 0 && len(s) > 0 && s[len(s)-1]|t[len(t)-1] < utf8.RuneSelf {
		if upperASCII(s[len(s)-1]) != t[len(t)-1] {
			return false
		}
		s, t = s[:len(s)-1], t[:len(t)-1]
	}
	for t != "" {
		tr, tn := utf8.DecodeLastRuneInString(t)
		r, n := utf8.DecodeLastRuneInString(s)
		if s == "" || foldRune(r) != tr {
			return false
		}
		s, t = s[:len(s)-n], t[:len(t)-tn]
	}
	return true
}

// upperASCII is foldRune for an ASCII byte.
func upperASCII(c byte) byte {
	if 'a' <= c && c <= 'z' {
		return c - 'a' + 'A'
	}
	return c
}

// foldRune is fold for one rune.
func foldRune(r rune) rune {
	switch {
	case r < utf8.RuneSelf:
		if 'a' <= r && r <= 'z' {
			return r - 'a' + 'A'
		}
		return r
	case r < foldTableSize:
		return foldTable()[r]
	}
	return leastFold(r)
}
