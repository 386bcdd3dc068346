package rules

import (
	"fmt"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/andybalholm/cascadia"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/cleanhq/clean/internal/blocks"
)

// Removal records one piece of boilerplate taken out of a document and the rule that took it.
type Removal struct {
	Rule string `json:"rule"`
	Text string `json:"text"`
}

// String is the removal as --explain prints it: removed [rule] "text".
func (r Removal) String() string { return fmt.Sprintf("removed [%s] %q", r.Rule, r.Text) }

// maxRemovalText bounds the text kept in a Removal, in runes.
const maxRemovalText = 120

func removal(rule *Rule, text string) Removal { return NewRemoval(rule.ID, text) }

// NewRemoval records text removed by what (a rule id, or a stage such as the text
// classifier), with the text's spaces collapsed and shortened to maxRemovalText runes.
func NewRemoval(what, text string) Removal {
	text = blocks.CollapseSpace(text)
	if r := []rune(text); len(r) > maxRemovalText {
		text = string(r[:maxRemovalText-1]) + "…"
	}
	return Removal{Rule: what, Text: text}
}

// RemoveSelected removes from a page DOM every element matched by a select rule in scope
// for host. It runs before extraction.
func (s *Set) RemoveSelected(doc *html.Node, host string) []Removal {
	var out []Removal
	byKind := s.forHost(host)
	for _, r := range byKind.of(Select) {
		for _, n := range cascadia.QueryAll(doc, r.sel) {
			if !attached(n, doc) {
				continue // inside an element removed already
			}
			out = append(out, removal(r, blocks.Text(n)))
			n.Parent.RemoveChild(n)
		}
	}
	return out
}

// attached reports whether n is still in the tree under root.
func attached(n, root *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == root {
			return true
		}
	}
	return false
}

// Apply runs the text rules in scope for host over an article DOM: strip rules edit the
// text, then drop, cut-tail and cut-head rules remove blocks. It returns what was removed.
func (s *Set) Apply(root *html.Node, host string) []Removal {
	byKind := s.forHost(host)
	out := strip(root, byKind.of(Strip))
	leaves := blocks.Leaves(root)
	texts := make([]string, len(leaves))
	for i, n := range leaves {
		texts[i] = blocks.Text(n)
	}
	lines := blockLines(texts, func(i int) bool { return !inTable(leaves[i]) }) // each leaf's lines, if rules may match it
	gone := markBlocks(func() []string { return texts }, lines, &byKind)
	for i, n := range leaves {
		if gone[i] != nil {
			out = append(out, removal(gone[i], texts[i]))
			blocks.Remove(n, root)
		}
	}
	return out
}

// ApplyParagraphs is Apply for an article of plain-text paragraphs, each its lines (the
// article of <p> elements whose lines are separated by <br>, without building it): strip
// rules edit the lines in place, then block rules remove paragraphs. It returns the
// paragraphs left (paras, filtered in place) and what was removed, as Apply would: when
// nothing was removed, the paragraphs are as they were (a strip rule's match is a removal).
func (s *Set) ApplyParagraphs(paras [][]string, host string) ([][]string, []Removal) {
	return s.ApplyTidyParagraphs(paras, nil, host)
}

// ApplyTidyParagraphs is ApplyParagraphs of paragraphs some of which are known to be
// tidy, as a tokeniser that read them may know: tidy(i) reports that no line of paras[i]
// is empty, holds a line break, or holds white space other than single spaces between
// words (blocks.LinesTidy, less the reading). The block rules then take those lines as
// they are, without reading them for white space. tidy nil knows no paragraph; what a
// strip rule changes is not known either.
func (s *Set) ApplyTidyParagraphs(paras [][]string, tidy func(i int) bool, host string) ([][]string, []Removal) {
	byKind := s.forHost(host)
	var out []Removal
	if strips := byKind.of(Strip); len(strips) > 0 {
		signs, sure := stripSigns(strips)
		for _, p := range paras {
			for i := range p {
				if !sure || signs.in(p[i]) {
					p[i] = stripText(p[i], strips, &out)
				}
			}
		}
		if len(out) > 0 {
			tidy = nil // lines stripped
		}
	}
	visible, leaves := visibleParagraphs(paras)
	known := tidy // of visible[j]
	if tidy != nil && leaves != nil {
		known = func(j int) bool { return tidy(leaves[j]) }
	}
	var texts []string // the paragraphs' texts, made when a cut or a removal needs them
	textsOf := func() []string {
		if texts == nil {
			texts = blocks.LinesTexts(visible)
		}
		return texts
	}
	mem := linePool.Get().(*lineMemory)
	defer mem.release()
	gone := markBlocks(textsOf, paragraphLines(visible, known, mem), &byKind)
	// kept is paras filtered in place, which visible may be: until the first removal,
	// which makes texts if nothing did before, kept's writes leave paras as it was.
	kept, next := paras[:0], 0
	for i, p := range paras {
		if next < len(visible) && (leaves == nil || leaves[next] == i) {
			if r := gone[next]; r != nil {
				out = append(out, removal(r, textsOf()[next]))
				next++
				continue
			}
			next++
		}
		kept = append(kept, p)
	}
	return kept, out
}

// visibleParagraphs returns the paragraphs of paras with visible text, as blocks.Leaves
// finds them, and their indexes in paras: paras itself and nil when every paragraph has
// some, as in most articles.
func visibleParagraphs(paras [][]string) (visible [][]string, leaves []int) {
	all := true
	for _, p := range paras {
		if !blocks.LinesVisible(p) {
			all = false
			break
		}
	}
	if all {
		return paras, nil
	}
	leaves = make([]int, 0, len(paras))
	visible = make([][]string, 0, len(paras))
	for i, p := range paras {
		if blocks.LinesVisible(p) {
			leaves, visible = append(leaves, i), append(visible, p)
		}
	}
	return visible, leaves
}

// markBlocks returns the rule that removes each block, if any: the drop rules, then the
// cuts. texts returns the blocks' texts, lines are the lines of those rules may match.
func markBlocks(texts func() []string, lines [][]subject, byKind *byKind) []*Rule {
	gone := make([]*Rule, len(lines))
	markDrops(lines, gone, byKind.of(Drop))
	markCuts(texts, lines, gone, byKind.of(CutTail), byKind.of(CutHead))
	return gone
}

// inTable reports whether n is in a table. Block rules do not match table cells, since a
// cell saying "Video" or "Tag" is a column heading, and dropping it would shift the
// columns. A cut can still remove a table that lies beyond its match.
func inTable(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n.Type == html.ElementNode && n.DataAtom == atom.Table {
			return true
		}
	}
	return false
}

// StripText removes from text the tokens of the strip rules in scope for host, for metadata
// such as a title or an excerpt. These removals are not reported: the same tokens are
// reported where Apply strips them from the article.
func (s *Set) StripText(text, host string) string {
	if text == "" || s == nil {
		return text
	}
	changed := false
	subj := textSubject(text)   // folded once for all the rules, again only after a change
	for _, r := range s.Rules { // in order, as ForHost lists them
		if r.Kind != Strip || !r.AppliesTo(host) {
			continue
		}
		if r.pre.holdsNeeded(&subj) && r.re.MatchString(text) {
			text, changed = r.re.ReplaceAllString(text, ""), true
			subj = textSubject(text)
		}
	}
	if changed {
		text = blocks.CollapseSpace(text)
	}
	return text
}

// strip removes inline tokens from every text node under root.
func strip(root *html.Node, rules []*Rule) []Removal {
	if len(rules) == 0 {
		return nil
	}
	var out []Removal
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			n.Data = stripText(n.Data, rules, &out)
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

// stripSigns returns, when each of the strip rules needs one of a few rare ASCII signs
// in every match (a set of its prefilter's need of single exact bytes, such as [{<]),
// those signs, and sure: a text holding none of them is one that none of the rules
// changes (stripText tries each rule's prefilter first), found with a search per sign
// rather than per rule and sign.
func stripSigns(rules []*Rule) (s signs, sure bool) {
	for _, r := range rules {
		i := slices.IndexFunc(r.pre.need, signSet)
		if i < 0 {
			return signs{}, false
		}
		for _, l := range r.pre.need[i] {
			if !s.add(l.text[0]) {
				return signs{}, false
			}
		}
	}
	return s, true
}

// signs are the bytes stripSigns looks for: at most as many as b holds, since more
// searches can cost more than the rules' prefilters.
type signs struct {
	b [4]byte
	n int
}

// add adds c unless s holds it already, and reports whether s had room.
func (s *signs) add(c byte) bool {
	switch {
	case slices.Contains(s.b[:s.n], c):
	case s.n == len(s.b):
		return false
	default:
		s.b[s.n], s.n = c, s.n+1
	}
	return true
}

// in reports whether text holds a byte of s.
func (s *signs) in(text string) bool {
	for _, c := range s.b[:s.n] {
		if strings.IndexByte(text, c) >= 0 {
			return true
		}
	}
	return false
}

// signSet reports whether a need set is of single bytes, exact (not case-folded).
func signSet(set []literal) bool {
	return !slices.ContainsFunc(set, func(l literal) bool { return l.fold || len(l.text) != 1 })
}

// stripText removes the tokens of the strip rules from one text (a text node, a line),
// recording each in out.
func stripText(text string, rules []*Rule, out *[]Removal) string {
	subj := textSubject(text) // folded once for all the rules
	for _, r := range rules {
		if !r.pre.holdsNeeded(&subj) {
			continue
		}
		for _, tok := range r.re.FindAllString(text, -1) {
			*out = append(*out, removal(r, tok))
		}
		if data := r.re.ReplaceAllString(text, ""); data != text {
			text, subj = data, textSubject(data)
		}
	}
	return text
}

func markDrops(lines [][]subject, gone []*Rule, rules []*Rule) {
	for i, l := range lines {
		if r := firstMatch(rules, l); r != nil {
			gone[i] = r
		}
	}
}

// Cuts act only near the edge of the article: a cut-tail match cuts when what follows it
// is at most a third of the text, or holds no prose paragraph (see isProse); cut-head
// likewise for what precedes it. A cut rule that matches elsewhere,
// for example a copyright line in the middle of an article, drops only its own block.
const (
	edgeShare      = 3
	proseRunes     = 200 // a block this long is prose
	sentenceRunes  = 80  // a block this long that ends like a sentence is prose
	sentenceEnders = ".!?。！？…\"”»’)"
)

// isProse tells a body paragraph from the short labels and teaser headlines of page chrome.
func isProse(runes int, text string) bool {
	if runes >= proseRunes {
		return true
	}
	last, _ := utf8.DecodeLastRuneInString(strings.TrimSpace(text))
	return runes >= sentenceRunes && strings.ContainsRune(sentenceEnders, last)
}

// markCuts applies the first cut-tail match near the end (removing it and all that
// follows) and the last cut-head match near the start (removing it and all that precedes).
// texts returns the blocks' texts (called only when a rule matches), lines are the lines
// of those rules may match.
func markCuts(texts func() []string, lines [][]subject, gone []*Rule, tail, head []*Rule) {
	if len(tail) == 0 && len(head) == 0 {
		return
	}
	var e *edges // made at the first match: most articles have none
	edgesOf := func() *edges {
		if e == nil {
			e = newEdges(texts())
		}
		return e
	}
	cutFrom, cutTo := len(lines), -1
	var tailRule, headRule *Rule
	for i, t := range lines {
		if r := firstMatch(tail, t); r != nil {
			if i < cutFrom && edgesOf().nearEnd(i) {
				cutFrom, tailRule = i, r
			} else if gone[i] == nil {
				gone[i] = r
			}
		}
		if r := firstMatch(head, t); r != nil {
			if edgesOf().nearStart(i) {
				cutTo, headRule = i, r
			} else if gone[i] == nil {
				gone[i] = r
			}
		}
	}
	for i := 0; i <= cutTo; i++ {
		if gone[i] == nil {
			gone[i] = headRule
		}
	}
	for i := cutFrom; i < len(lines); i++ {
		if gone[i] == nil {
			gone[i] = tailRule
		}
	}
}

// edges knows, for each block, how much text and prose lies before and after it.
type edges struct {
	before, after           []int  // runes in the blocks before and after block i
	proseBefore, proseAfter []bool // whether a prose block lies before or after block i
	total                   int
}

func newEdges(texts []string) *edges {
	n := len(texts)
	e := &edges{before: make([]int, n), after: make([]int, n), proseBefore: make([]bool, n), proseAfter: make([]bool, n)}
	runes, prose := make([]int, n), make([]bool, n)
	for i, t := range texts {
		runes[i] = utf8.RuneCountInString(t)
		prose[i] = isProse(runes[i], t)
		e.total += runes[i]
	}
	for i := 1; i < n; i++ {
		e.before[i] = e.before[i-1] + runes[i-1]
		e.proseBefore[i] = e.proseBefore[i-1] || prose[i-1]
	}
	for i := n - 2; i >= 0; i-- {
		e.after[i] = e.after[i+1] + runes[i+1]
		e.proseAfter[i] = e.proseAfter[i+1] || prose[i+1]
	}
	return e
}

func (e *edges) nearEnd(i int) bool {
	return !e.proseAfter[i] || edgeShare*e.after[i] <= e.total
}

func (e *edges) nearStart(i int) bool {
	return !e.proseBefore[i] || edgeShare*e.before[i] <= e.total
}

// firstMatch returns the first of the block rules that matches a block's lines.
func firstMatch(rules []*Rule, lines []subject) *Rule {
	if len(lines) == 0 {
		return nil
	}
	for _, r := range rules {
		// edgesAdmit, spelled out so that it is inlined: most rules cost no call on most lines
		if r.pre.leads.mayAdmit(&lines[0]) && r.pre.trails.mayAdmit(&lines[0]) && r.matchLines(lines) {
			return r
		}
	}
	return nil
}
