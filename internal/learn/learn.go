// Package learn finds a site's own boilerplate in a corpus: blocks of text (after
// cleaning) that recur on many pages of one site, such as a layout label or a newsletter
// plug, and writes them as a rule file that package rules loads (drop rules scoped to
// the site, with a drop: example, the block, and a keep: example, article text of the
// same site that the rule spares: a block too long to be counted, else a rare one).
//
// Counting is per site (the page's host without "www."): each page counts a block once,
// blocks are compared by their white-space-collapsed, case-folded text, and only blocks of
// at most Options.MaxRunes runes are counted, as long ones are article text. The result is
// deterministic: the same pages, in any order, give the same file.
package learn

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/internal/source"
)

// Options are the thresholds of learning.
type Options struct {
	MinPages int     // a block must be on at least this many pages of its site
	MinShare float64 // and on at least this share (0–1) of the site's pages
	MaxRunes int     // longer blocks are not counted
}

// DefaultOptions are the thresholds of `clean learn` without flags.
var DefaultOptions = Options{MinPages: 5, MinShare: 0.5, MaxRunes: 200}

// maxBlocksPerSite bounds the memory a site takes: past it, blocks seen on one page only
// are forgotten (a block that recurs on many pages is seen again soon enough).
const maxBlocksPerSite = 200_000

// Counter counts blocks per site. The zero value is ready; it is not safe for concurrent
// use (a batch feeds it from one goroutine, in input order).
type Counter struct {
	sites  map[string]*site
	opts   Options
	noSite int
}

type site struct {
	pages  int
	blocks map[string]*block // by key (normalised text)
	long   []string          // the shortest blocks over MaxRunes: article text, for keep: examples
}

// maxKeep is how many candidates for keep: examples a site holds.
const maxKeep = 8

type block struct {
	pages int
	text  string // the smallest of its spellings, so that the result does not depend on order
}

// NewCounter returns a counter that keeps blocks of at most opts.MaxRunes runes.
func NewCounter(opts Options) *Counter {
	return &Counter{sites: map[string]*site{}, opts: opts}
}

// Host is the site of a page URL: its host (source.Host) without "www."; "" when the
// URL has none.
func Host(rawURL string) string {
	return strings.TrimPrefix(source.Host(rawURL), "www.")
}

// Blocks splits a cleaned document's text (paragraphs separated by blank lines) into
// blocks, each with its white space collapsed line by line.
func Blocks(text string) []string {
	var out []string
	for _, p := range strings.Split(text, "\n\n") {
		var lines []string
		for _, l := range strings.Split(p, "\n") {
			if l = blocks.CollapseSpace(l); l != "" {
				lines = append(lines, l)
			}
		}
		if len(lines) > 0 {
			out = append(out, strings.Join(lines, "\n"))
		}
	}
	return out
}

// AddPage counts the blocks of one page of host (each block once per page).
func (c *Counter) AddPage(host string, pageBlocks []string) {
	if host == "" {
		c.noSite++
		return
	}
	s := c.sites[host]
	if s == nil {
		s = &site{blocks: map[string]*block{}}
		c.sites[host] = s
	}
	s.pages++
	seen := map[string]bool{}
	for _, text := range pageBlocks {
		if utf8.RuneCountInString(text) > c.opts.MaxRunes {
			s.addLong(text)
			continue
		}
		key := strings.ToLower(text)
		if seen[key] {
			continue
		}
		seen[key] = true
		b := s.blocks[key]
		if b == nil {
			b = &block{text: text}
			s.blocks[key] = b
		} else if text < b.text {
			b.text = text
		}
		b.pages++
	}
	if len(s.blocks) > maxBlocksPerSite {
		s.forgetRare()
	}
}

// addLong keeps a block too long to be boilerplate among the site's maxKeep shortest
// (then smallest) ones, so that the choice does not depend on the order of the pages.
func (s *site) addLong(text string) {
	i := sort.Search(len(s.long), func(i int) bool { return longLess(text, s.long[i]) })
	if i == len(s.long) && len(s.long) == maxKeep || i < len(s.long) && s.long[i] == text {
		return
	}
	s.long = append(s.long, "")
	copy(s.long[i+1:], s.long[i:])
	s.long[i] = text
	if len(s.long) > maxKeep {
		s.long = s.long[:maxKeep]
	}
}

func longLess(a, b string) bool {
	if len(a) != len(b) {
		return len(a) < len(b)
	}
	return a < b
}

func (s *site) forgetRare() {
	for k, b := range s.blocks {
		if b.pages == 1 {
			delete(s.blocks, k)
		}
	}
}

// Pages returns the number of pages counted and of sites they came from.
func (c *Counter) Pages() (pages, sites int) {
	for _, s := range c.sites {
		pages += s.pages
	}
	return pages, len(c.sites)
}

// NoSite is the number of pages left out because they had no site (no page URL).
func (c *Counter) NoSite() int { return c.noSite }

// Found is one learned block: boilerplate of Site.
type Found struct {
	Site      string
	Text      string // the block, lines separated by "\n"
	Pages     int    // pages of the site it is on
	SitePages int    // pages of the site counted
	Keep      string // article text of the same site that the rule spares, for the keep: example
}

// Found returns the blocks over both thresholds, sorted by site, then text.
func (c *Counter) Found() []Found {
	var out []Found
	for host, s := range c.sites {
		var found []Found
		for _, b := range s.blocks {
			if b.pages >= c.opts.MinPages && float64(b.pages) >= c.opts.MinShare*float64(s.pages) {
				found = append(found, Found{Site: host, Text: b.text, Pages: b.pages, SitePages: s.pages})
			}
		}
		keep := slices.Concat(s.long, s.keepCandidates(c.opts.MinPages))
		for i := range found {
			found[i].Keep = firstNotMatched(keep, found[i].Text)
		}
		out = append(out, found...)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Site != out[j].Site {
			return out[i].Site < out[j].Site
		}
		return out[i].Text < out[j].Text
	})
	return out
}

// keepCandidates are the site's blocks below the page threshold, rarest and then
// longest first, at most a few: the keep: examples of a site whose article text is in
// short blocks only (the long blocks come first).
func (s *site) keepCandidates(minPages int) []string {
	var cands []*block
	for _, b := range s.blocks {
		if b.pages < minPages {
			cands = append(cands, b)
		}
	}
	sort.Slice(cands, func(i, j int) bool {
		a, b := cands[i], cands[j]
		if a.pages != b.pages {
			return a.pages < b.pages
		}
		if len(a.text) != len(b.text) {
			return len(a.text) > len(b.text)
		}
		return a.text < b.text
	})
	var out []string
	for i := 0; i < len(cands) && i < maxKeep; i++ {
		out = append(out, cands[i].text)
	}
	return out
}

// firstNotMatched returns the first candidate that a drop rule for text leaves alone: one
// with a line that is not a line of text (rules match block lines case-insensitively).
func firstNotMatched(cands []string, text string) string {
	lines := map[string]bool{}
	for _, l := range strings.Split(text, "\n") {
		lines[strings.ToLower(l)] = true
	}
	for _, c := range cands {
		for _, l := range strings.Split(c, "\n") {
			if !lines[strings.ToLower(l)] {
				return c
			}
		}
	}
	return ""
}
