package rules

import (
	"regexp/syntax"
	"strings"
	"unicode/utf8"
)

// prefilter is a cheap test a line must pass before a block rule's regex runs on it. Block
// rules match a whole line and most lines are prose, so most can be turned away by length
// or by a piece of text every match must contain ("all rights reserved", an arrow sign)
// without paying for the regex.
type prefilter struct {
	maxRunes int        // longest match, -1 when unbounded
	literals []string   // texts every match contains (lower-case ASCII when fold)
	fold     bool       // literals are compared ignoring ASCII case
	anyOf    [][]string // per small character class every match uses: its runes
}

// newPrefilter analyses a block rule's final expression; an unparsable one gets a
// prefilter that admits everything.
func newPrefilter(expr string) prefilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return prefilter{maxRunes: -1}
	}
	re = re.Simplify()
	p := prefilter{maxRunes: maxRunes(re)}
	for _, sub := range topConcat(re) {
		switch {
		case sub.Op == syntax.OpLiteral && len(sub.Rune) >= 3 && isASCII(sub.Rune):
			p.fold = p.fold || sub.Flags&syntax.FoldCase != 0
			p.literals = append(p.literals, string(sub.Rune))
		case sub.Op == syntax.OpCharClass && !hasASCII(sub.Rune):
			if runes := classRunes(sub.Rune); runes != nil {
				p.anyOf = append(p.anyOf, runes)
			}
		}
	}
	if p.fold {
		for i, l := range p.literals {
			p.literals[i] = strings.ToLower(l)
		}
	}
	return p
}

// classRunes lists the runes of a character class as strings, nil when there are more
// than a few.
func classRunes(ranges []rune) []string {
	var out []string
	for i := 0; i+1 < len(ranges); i += 2 {
		for r := ranges[i]; r <= ranges[i+1]; r++ {
			if len(out) == 16 {
				return nil
			}
			out = append(out, string(r))
		}
	}
	return out
}

// admits reports whether line may match.
func (p prefilter) admits(line string) bool {
	if p.maxRunes >= 0 && utf8.RuneCountInString(line) > p.maxRunes {
		return false
	}
	for _, runes := range p.anyOf {
		if !containsAny(line, runes) {
			return false
		}
	}
	if p.fold && (strings.Contains(line, "\u017f") || strings.Contains(line, "\u212a")) {
		return true // ſ and the Kelvin sign fold to ASCII letters: leave those to the regex
	}
	for _, l := range p.literals {
		if p.fold && !containsFoldASCII(line, l) || !p.fold && !strings.Contains(line, l) {
			return false
		}
	}
	return true
}

func containsAny(s string, subs []string) bool {
	for _, sub := range subs {
		if strings.Contains(s, sub) {
			return true
		}
	}
	return false
}

// containsFoldASCII reports whether s contains lower (lower-case ASCII), ignoring ASCII case.
func containsFoldASCII(s, lower string) bool {
	if lower == "" {
		return true
	}
	first := lower[0]
	upper := first
	if 'a' <= first && first <= 'z' {
		upper = first - 'a' + 'A'
	}
	for len(s) >= len(lower) {
		i := strings.IndexByte(s, first)
		if j := strings.IndexByte(s, upper); j >= 0 && (i < 0 || j < i) {
			i = j
		}
		if i < 0 || i+len(lower) > len(s) {
			return false
		}
		if equalFoldASCII(s[i:i+len(lower)], lower) {
			return true
		}
		s = s[i+1:]
	}
	return false
}

func equalFoldASCII(s, lower string) bool {
	for k := 0; k < len(lower); k++ {
		if toLowerASCII(s[k]) != lower[k] {
			return false
		}
	}
	return true
}

func toLowerASCII(b byte) byte {
	if 'A' <= b && b <= 'Z' {
		return b + 'a' - 'A'
	}
	return b
}

// topConcat returns the parts of the concatenation re is (inside captures and groups), or
// re alone.
func topConcat(re *syntax.Regexp) []*syntax.Regexp {
	for re.Op == syntax.OpCapture {
		re = re.Sub[0]
	}
	if re.Op != syntax.OpConcat {
		return []*syntax.Regexp{re}
	}
	var out []*syntax.Regexp
	for _, sub := range re.Sub {
		out = append(out, topConcat(sub)...)
	}
	return out
}

func isASCII(rs []rune) bool {
	for _, r := range rs {
		if r >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

func hasASCII(ranges []rune) bool {
	return len(ranges) > 0 && ranges[0] < utf8.RuneSelf
}

// maxRunes returns the most runes a match of re can span, or -1 when that is unbounded.
func maxRunes(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return maxRunes(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		if maxRunes(re.Sub[0]) == 0 {
			return 0
		}
		return -1
	case syntax.OpRepeat:
		n := maxRunes(re.Sub[0])
		if n < 0 || (re.Max < 0 && n > 0) {
			return -1
		}
		return max(re.Max, 0) * n
	case syntax.OpConcat:
		return sumRunes(re.Sub)
	case syntax.OpAlternate:
		longest := 0
		for _, sub := range re.Sub {
			n := maxRunes(sub)
			if n < 0 {
				return -1
			}
			longest = max(longest, n)
		}
		return longest
	}
	return 0 // empty matches, anchors and word boundaries
}

func sumRunes(subs []*syntax.Regexp) int {
	total := 0
	for _, sub := range subs {
		n := maxRunes(sub)
		if n < 0 {
			return -1
		}
		total += n
	}
	return total
}
