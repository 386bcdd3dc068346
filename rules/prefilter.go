package rules

import (
	"cmp"
	"regexp/syntax"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
)

// prefilter is a cheap test a line must pass before a rule's regex runs on it. Most lines
// are prose, and most can be turned away by length (block rules match a whole line, and
// most look for short labels) or by a piece of text every match must contain ("all rights
// reserved", "©", an arrow sign) without paying for the regex.
type prefilter struct {
	maxRunes  int         // most runes outside free a match holds, -1 when unbounded
	free      []rune      // ranges of the runes unbounded repetitions match ([\s:]*)
	freeASCII [128]bool   // free, for ASCII runes
	need      [][]literal // every match contains a literal of each of these sets
	solidNeed bool        // no literal of need holds white space (see holdsNeededUntidy)
	leads     leads       // an anchored match starts with one of these texts
	trails    leads       // and ends with one of these
}

// literal is a text a match may contain; fold ones are kept case-folded (see fold).
type literal struct {
	text string
	fold bool
	rare int // the index of the byte of text that prose holds the least (see in)
}

// newPrefilter analyses a rule's final expression; an unparsable one gets a prefilter that
// admits everything.
func newPrefilter(expr string) prefilter {
	re, err := syntax.Parse(expr, syntax.Perl)
	if err != nil {
		return prefilter{maxRunes: -1}
	}
	re = re.Simplify()
	p := prefilter{}
	if p.maxRunes = p.bound(re); len(p.free) > 64 {
		p.maxRunes = -1 // too many free ranges to test cheaply
	}
	for r := range p.freeASCII {
		p.freeASCII[r] = p.maxRunes >= 0 && inRanges(p.free, rune(r)) // for tooLong, once per rule
	}
	top := topConcat(re)
	for _, sub := range top {
		if set, ok := required(sub); ok && selective(set) {
			p.need = append(p.need, set)
		}
	}
	// Sets of exact literals first: they need no folded copy of the line.
	slices.SortStableFunc(p.need, func(a, b []literal) int { return cmp.Compare(folds(a), folds(b)) })
	p.solidNeed = !slices.ContainsFunc(p.need, func(set []literal) bool { return slices.ContainsFunc(set, holdsSpace) })
	if top[0].Op == syntax.OpBeginText {
		p.leads = newLeads(re, false)
	}
	if top[len(top)-1].Op == syntax.OpEndText {
		p.trails = newLeads(re, true)
	}
	return p
}

// folds counts the case-folded literals of a set.
func folds(set []literal) int {
	n := 0
	for _, l := range set {
		if l.fold {
			n++
		}
	}
	return n
}

// subject is a line of text being matched, with its case-folded form made at most once
// whatever the number of rules tried on it.
type subject struct {
	text, folded string
	hasFolded    bool
	untidy       bool // text is a line as it was, its white space not collapsed yet (see tidy); its edges are read
	first, last  rune // the first and last runes of text, folded (see leads)
	second       rune // the rune after first, folded, pairOther when not ASCII or none
	beforeLast   rune // the rune before last, likewise
}

// newSubject reads the edges of text. Most lines start and end with two ASCII bytes,
// whose folds are their upper cases; the others are read rune by rune (edgeSubject).
func newSubject(text string) subject {
	if n := len(text); n >= 2 && text[0]|text[1]|text[n-2]|text[n-1] < utf8.RuneSelf {
		return subject{text: text, first: rune(upperASCII(text[0])), second: rune(upperASCII(text[1])),
			last: rune(upperASCII(text[n-1])), beforeLast: rune(upperASCII(text[n-2]))}
	}
	return edgeSubject(text)
}

// edgeSubject is newSubject for any text.
func edgeSubject(text string) subject {
	return subject{text: text, first: foldRune(edgeRune(text, false)), last: foldRune(edgeRune(text, true)),
		second: pairRune(foldRune(nextRune(text, false))), beforeLast: pairRune(foldRune(nextRune(text, true)))}
}

// textSubject is a subject for strip rules, which look only at the texts it holds
// (holdsNeeded): without its edges, which newSubject reads and folds.
func textSubject(text string) subject { return subject{text: text} }

// pairRune is r as pairBits index it: itself when ASCII, else pairOther.
func pairRune(r rune) rune {
	if r >= utf8.RuneSelf || r < 0 {
		return pairOther
	}
	return r
}

// subjectLines splits a block's text into its trimmed, non-empty lines.
func subjectLines(text string) []subject { return appendLines(nil, text) }

// appendLines appends the trimmed, non-empty lines of text to out.
func appendLines(out []subject, text string) []subject {
	for text != "" {
		l, rest, _ := strings.Cut(text, "\n")
		out = appendLine(out, l)
		text = rest
	}
	return out
}

// appendLine appends line l, trimmed, to out unless it is then empty.
func appendLine(out []subject, l string) []subject {
	if l = strings.TrimSpace(l); l != "" {
		out = append(out, newSubject(l))
	}
	return out
}

// blockLines returns the lines of each text, as subjectLines, in one array; nil for the
// texts that match is false for.
func blockLines(texts []string, match func(i int) bool) [][]subject {
	all := make([]subject, 0, len(texts)) // most blocks are one line
	ends := make([]int, len(texts)+1)
	for i, t := range texts {
		if match(i) {
			all = appendLines(all, t)
		}
		ends[i+1] = len(all)
	}
	return cutLines(nil, all, ends)
}

// cutLines cuts all into the lines of each block, all[ends[i]:ends[i+1]] for block i (nil
// when it has none), in dst's memory when it has room.
func cutLines(dst [][]subject, all []subject, ends []int) [][]subject {
	lines := slices.Grow(dst[:0], len(ends)-1)[:len(ends)-1]
	for i := range lines {
		lines[i] = nil
		if ends[i+1] > ends[i] {
			lines[i] = all[ends[i]:ends[i+1]:ends[i+1]]
		}
	}
	return lines
}

// paragraphLines is blockLines of blocks.LinesTexts(paras), every paragraph matched,
// without joining the lines of a paragraph and cutting them again where they are tidy
// (blocks.LinesTidy), as most are: its lines are then those of its text. Where every
// line has solid edges (see solidEdges), as most, the lines are not even read for white
// space to collapse until a rule looks past their edges (see tidy): most are turned away
// by their edges.
// The lines of a paragraph known tidy (tidy(i), when tidy is not nil) are taken as they
// are.
//
// The memory is m's, which keeps it for the next document (see lineMemory).
func paragraphLines(paras [][]string, tidy func(i int) bool, m *lineMemory) [][]subject {
	n := 0
	for _, p := range paras {
		n += len(p)
	}
	all := slices.Grow(m.all[:0], n) // as many as the lines, but for the few paragraphs tidied
	ends := slices.Grow(m.ends[:0], len(paras)+1)[:len(paras)+1]
	ends[0] = 0
	for i, p := range paras {
		switch {
		case tidy != nil && tidy(i):
			for _, l := range p {
				all = append(all, newSubject(l))
			}
		case allSolid(p):
			for _, l := range p {
				s := newSubject(l)
				s.untidy = true
				all = append(all, s)
			}
		case blocks.LinesTidy(p):
			for _, l := range p {
				all = appendLine(all, l)
			}
		default:
			all = appendLines(all, blocks.TidyLines(strings.Join(p, "\n")))
		}
		ends[i+1] = len(all)
	}
	m.all, m.ends, m.lines = all, ends, cutLines(m.lines, all, ends)
	return m.lines
}

// lineMemory is the memory of paragraphLines for a document: the subjects of all its
// lines, where each paragraph's end among them, and each paragraph's lines. ApplyParagraphs
// takes one from linePool and gives it back (release) when done with the document.
type lineMemory struct {
	all   []subject
	ends  []int
	lines [][]subject
}

// linePool holds lineMemory; memory for more than maxPooledSubjects lines is not kept.
var linePool = sync.Pool{New: func() any { return new(lineMemory) }}

const maxPooledSubjects = 1 << 16

// release clears m, so that it holds on to no text, and gives it back to linePool.
func (m *lineMemory) release() {
	if cap(m.all) > maxPooledSubjects || cap(m.lines) > maxPooledSubjects {
		return
	}
	clear(m.all)
	clear(m.lines)
	linePool.Put(m)
}

// allSolid reports whether every line of p has solid edges: at least two bytes, the
// first and last printable ASCII other than a space, the second and the last but one
// printable ASCII, and no line break inside. Collapsing its white space (as TidyLines
// does to each line of a paragraph) then leaves it a line with the same edges for
// newSubject: only the inside may change.
func allSolid(p []string) bool {
	for _, l := range p {
		n := len(l)
		if n < 2 || !solidByte(l[0]) || !solidByte(l[n-1]) || !printableByte(l[1]) || !printableByte(l[n-2]) ||
			strings.IndexByte(l, '\n') >= 0 {
			return false
		}
	}
	return true
}

func solidByte(c byte) bool     { return c > ' ' && c < 0x7f }
func printableByte(c byte) bool { return c >= ' ' && c < 0x7f }

// tidy collapses the white space of an untidy subject's text, as TidyLines would have
// before the subject was made; its edges stay (see allSolid).
func (s *subject) tidy() {
	s.text, s.untidy = blocks.CollapseSpace(s.text), false
	s.folded, s.hasFolded = "", false
}

// holdsNeededUntidy is holdsNeeded of an untidy line as it will be once tidy, when the
// literals needed hold no white space (solidNeed), else true: collapsing white space
// neither makes nor breaks a text without any (nor does folding, which keeps white space
// and all else apart). Most lines are turned away so, without collapsing them first.
func (p *prefilter) holdsNeededUntidy(line *subject) bool {
	return !p.solidNeed || p.holdsNeeded(line)
}

// holdsSpace reports whether the literal holds white space as blocks.CollapseSpace
// collapses it.
func holdsSpace(l literal) bool {
	for _, r := range l.text {
		if r < utf8.RuneSelf && strings.IndexByte(" \t\n\r\f\v", byte(r)) >= 0 || r >= utf8.RuneSelf && blocks.SpaceOrSeparator(r) {
			return true
		}
	}
	return false
}

func (s *subject) fold() string {
	if !s.hasFolded {
		s.folded, s.hasFolded = fold(s.text), true
	}
	return s.folded
}

// admits reports whether line may match.
func (p *prefilter) admits(line *subject) bool {
	if !p.leads.admits(line) || !p.trails.admits(line) || p.maxRunes >= 0 && p.tooLong(line.text) {
		return false
	}
	return p.holdsNeeded(line)
}

// holdsNeeded reports whether line holds a literal of each of the sets every match
// contains. It is all the prefilter of a strip rule tests (a strip rule matches inside
// longer text: no bound, no leads), so a strip rule's line needs no edges (see textSubject).
func (p *prefilter) holdsNeeded(line *subject) bool {
	for _, set := range p.need {
		found := false
		for i := range set {
			l := &set[i]
			if l.fold {
				found = l.in(line.fold())
			} else {
				found = l.in(line.text)
			}
			if found {
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// required returns literals one of which every match of re contains, if it can tell.
func required(re *syntax.Regexp) ([]literal, bool) {
	switch re.Op {
	case syntax.OpLiteral:
		return []literal{newLiteral(string(re.Rune), re.Flags&syntax.FoldCase != 0 && hasCase(re.Rune))}, true
	case syntax.OpCharClass:
		var out []literal
		for i := 0; i+1 < len(re.Rune); i += 2 {
			for r := re.Rune[i]; r <= re.Rune[i+1]; r++ {
				if len(out) == 16 {
					return nil, false
				}
				out = append(out, newLiteral(string(r), false))
			}
		}
		return out, len(out) > 0
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []literal
		for _, sub := range re.Sub {
			if set, ok := required(sub); ok && shortest(set) > shortest(best) {
				best = set
			}
		}
		return best, best != nil
	case syntax.OpAlternate:
		var out []literal
		for _, sub := range re.Sub {
			set, ok := required(sub)
			if !ok {
				return nil, false
			}
			out = append(out, set...)
		}
		return out, true
	}
	return nil, false
}

// hasCase reports whether some rune of rs has other cases.
func hasCase(rs []rune) bool {
	return slices.ContainsFunc(rs, func(r rune) bool { return unicode.SimpleFold(r) != r })
}

func newLiteral(text string, folded bool) literal {
	if folded {
		text = fold(text)
	}
	l := literal{text: text, fold: folded}
	for i := range len(text) {
		if commonness(text[i]) < commonness(text[l.rare]) {
			l.rare = i
		}
	}
	return l
}

// in reports whether s holds l.text (s folded, for a fold literal). It looks for the
// literal's rarest byte with strings.IndexByte and compares the text around each one
// found: a line holds few of them, where strings.Index would stop at each of its first
// byte (the i of "idget", the A of "ALL RIGHTS") before it falls back to comparing the
// literal at every offset.
func (l *literal) in(s string) bool {
	t, k := l.text, l.rare
	if len(t) == 1 {
		return strings.IndexByte(s, t[0]) >= 0
	}
	end := len(s) - (len(t) - 1 - k) // the rare byte lies before end
	for i := k; i < end; i++ {
		j := strings.IndexByte(s[i:end], t[k])
		if j < 0 {
			return false
		}
		if i += j; s[i-k:i-k+len(t)] == t {
			return true
		}
	}
	return false
}

// commonness ranks bytes by how often prose holds them, for literal.in: the letters by
// their frequency in English text (per thousand letters, upper case as lower case, since
// fold literals and the lines they are looked for in are upper case), the space and the
// commonest signs high, other signs and digits low.
func commonness(c byte) int {
	switch {
	case 'A' <= c && c <= 'Z':
		return letterFreq[c-'A']
	case 'a' <= c && c <= 'z':
		return letterFreq[c-'a']
	case c == ' ':
		return 200
	case c == '.' || c == ',' || c >= utf8.RuneSelf: // bytes of other scripts are common in theirs
		return 30
	}
	return 5
}

var letterFreq = [26]int{82, 15, 28, 43, 127, 22, 20, 61, 70, 2, 8, 40, 24, 67, 75, 19, 1, 60, 63, 91, 28, 10, 24, 2, 20, 1}

// selective reports whether a set is worth testing: each literal is three bytes or more
// (a non-ASCII sign such as © or ↴ counts), or the set is of rare ASCII signs such as {
// or <, which text seldom holds and strings.Contains finds fast.
func selective(set []literal) bool {
	return shortest(set) >= 3 || len(set) <= 4 && !slices.ContainsFunc(set, notRare)
}

// notRare reports whether l is other than one rare ASCII sign: letters, digits, space and
// the punctuation of sentences are common.
func notRare(l literal) bool {
	return l.fold || len(l.text) != 1 || l.text[0] >= utf8.RuneSelf ||
		!unicode.IsPunct(rune(l.text[0])) && !unicode.IsSymbol(rune(l.text[0])) ||
		strings.Contains(".,;:!?'\"()-/", l.text)
}

func shortest(set []literal) int {
	if len(set) == 0 {
		return 0
	}
	n := len(set[0].text)
	for _, l := range set[1:] {
		n = min(n, len(l.text))
	}
	return n
}

// fold maps every rune to the smallest rune it matches case-insensitively (as regexp's
// (?i) does), so folded texts compare with strings.Contains.
func fold(s string) string {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			table := foldTable()
			return strings.Map(func(r rune) rune {
				if r < foldTableSize {
					return table[r]
				}
				return leastFold(r)
			}, s)
		}
	}
	return strings.ToUpper(s) // ASCII: the smallest of a and A is A
}

// foldTableSize covers Latin, Greek, Cyrillic, Armenian and Hebrew.
const foldTableSize = 0x600

var foldTable = sync.OnceValue(func() []rune {
	t := make([]rune, foldTableSize)
	for r := range t {
		t[r] = leastFold(rune(r))
	}
	return t
})

func leastFold(r rune) rune {
	least := r
	for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
		least = min(least, f)
	}
	return least
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

// tooLong reports whether line holds more runes outside the free ranges than a match can.
func (p *prefilter) tooLong(line string) bool {
	if len(line) <= p.maxRunes { // bytes: at least as many as runes
		return false
	}
	n := 0
	for _, r := range line {
		if r < utf8.RuneSelf && !p.freeASCII[r] || r >= utf8.RuneSelf && !inRanges(p.free, r) {
			if n++; n > p.maxRunes {
				return true
			}
		}
	}
	return false
}

func inRanges(ranges []rune, r rune) bool {
	for i := 0; i+1 < len(ranges); i += 2 {
		if ranges[i] <= r && r <= ranges[i+1] {
			return true
		}
	}
	return false
}

// bound returns the most runes a match of re can hold outside the character classes of
// its unbounded repetitions, which it adds to p.free; -1 when that is unbounded (an
// unbounded repetition of anything but a character class).
func (p *prefilter) bound(re *syntax.Regexp) int {
	switch re.Op {
	case syntax.OpLiteral:
		return len(re.Rune)
	case syntax.OpCharClass, syntax.OpAnyChar, syntax.OpAnyCharNotNL:
		return 1
	case syntax.OpCapture, syntax.OpQuest:
		return p.bound(re.Sub[0])
	case syntax.OpStar, syntax.OpPlus:
		return p.unbounded(re.Sub[0])
	case syntax.OpRepeat:
		if re.Max < 0 {
			return p.unbounded(re.Sub[0])
		}
		n := p.bound(re.Sub[0])
		if n < 0 {
			return -1
		}
		return re.Max * n
	case syntax.OpConcat:
		total := 0
		for _, sub := range re.Sub {
			n := p.bound(sub)
			if n < 0 {
				return -1
			}
			total += n
		}
		return total
	case syntax.OpAlternate:
		longest := 0
		for _, sub := range re.Sub {
			n := p.bound(sub)
			if n < 0 {
				return -1
			}
			longest = max(longest, n)
		}
		return longest
	}
	return 0 // empty matches, anchors and word boundaries
}

// unbounded handles sub repeated without limit: a character class or single rune becomes
// free; anything else leaves the match unbounded.
func (p *prefilter) unbounded(sub *syntax.Regexp) int {
	switch {
	case sub.Op == syntax.OpCharClass:
		p.free = append(p.free, sub.Rune...)
		return 0
	case sub.Op == syntax.OpLiteral && len(sub.Rune) == 1 && sub.Flags&syntax.FoldCase == 0:
		p.free = append(p.free, sub.Rune[0], sub.Rune[0])
		return 0
	case p.bound(sub) == 0:
		return 0
	}
	return -1
}
