package rules

import (
	"strings"

	"github.com/andybalholm/cascadia"
	"github.com/cleanhq/clean/pkg/blocks"
	"golang.org/x/net/html"
)

// Removal records one piece of boilerplate taken out of a document and the rule that took it.
type Removal struct {
	Rule string `json:"rule"`
	Text string `json:"text"`
}

// maxRemovalText bounds the text kept in a Removal, in runes.
const maxRemovalText = 120

func removal(rule *Rule, text string) Removal {
	text = blocks.CollapseSpace(text)
	if r := []rune(text); len(r) > maxRemovalText {
		text = string(r[:maxRemovalText-1]) + "…"
	}
	return Removal{Rule: rule.ID, Text: text}
}

// RemoveSelected removes from a page DOM every element matched by a select rule in scope
// for host. It runs before extraction.
func (s *Set) RemoveSelected(doc *html.Node, host string) []Removal {
	var out []Removal
	for _, r := range s.ForHost(host)[Select] {
		for _, n := range cascadia.QueryAll(doc, r.sel) {
			if n.Parent == nil {
				continue // inside an element removed already
			}
			out = append(out, removal(r, blocks.Text(n)))
			n.Parent.RemoveChild(n)
		}
	}
	return out
}

// Apply runs the text rules in scope for host over an article DOM: strip rules edit the
// text, then drop, cut-tail and cut-head rules remove blocks. It returns what was removed.
func (s *Set) Apply(root *html.Node, host string) []Removal {
	byKind := s.ForHost(host)
	out := strip(root, byKind[Strip])
	leaves := blocks.Leaves(root)
	texts := make([]string, len(leaves))
	for i, n := range leaves {
		texts[i] = blocks.Text(n)
	}
	gone := make([]*Rule, len(leaves)) // the rule that removes each leaf, if any
	markDrops(texts, gone, byKind[Drop])
	markCuts(texts, gone, byKind[CutTail], byKind[CutHead])
	for i, n := range leaves {
		if gone[i] != nil {
			out = append(out, removal(gone[i], texts[i]))
			blocks.Remove(n, root)
		}
	}
	return out
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
			for _, r := range rules {
				for _, tok := range r.re.FindAllString(n.Data, -1) {
					out = append(out, removal(r, tok))
				}
				n.Data = r.re.ReplaceAllString(n.Data, "")
			}
			return
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(root)
	return out
}

func markDrops(texts []string, gone []*Rule, rules []*Rule) {
	for i, t := range texts {
		if r := firstMatch(rules, t); r != nil {
			gone[i] = r
		}
	}
}

// markCuts applies cut-tail rules (the first match in the second half of the text, and
// everything after it) and cut-head rules (the last match in the first half, and everything
// before it). A cut rule matching on the wrong side of the middle drops only its own block.
func markCuts(texts []string, gone []*Rule, tail, head []*Rule) {
	if len(tail) == 0 && len(head) == 0 {
		return
	}
	total := 0
	for _, t := range texts {
		total += len(t)
	}
	offset, cutFrom, cutTo := 0, -1, -1
	var tailRule, headRule *Rule
	for i, t := range texts {
		secondHalf := 2*offset >= total
		offset += len(t)
		if r := firstMatch(tail, t); r != nil {
			if secondHalf && cutFrom < 0 {
				cutFrom, tailRule = i, r
			} else if gone[i] == nil {
				gone[i] = r
			}
		}
		if r := firstMatch(head, t); r != nil {
			if 2*offset <= total {
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
	for i := cutFrom; cutFrom >= 0 && i < len(texts); i++ {
		if gone[i] == nil {
			gone[i] = tailRule
		}
	}
}

func firstMatch(rules []*Rule, text string) *Rule {
	if strings.TrimSpace(text) == "" {
		return nil
	}
	for _, r := range rules {
		if r.Matches(text) {
			return r
		}
	}
	return nil
}
