package extract

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/internal/source"
)

// minArticleRunes is the least text (non-space runes) a candidate's article must hold to
// be taken at once; below it the next candidate is asked too.
const minArticleRunes = 200

// HTML extracts the article from a prepared page: the chooser over htmlCandidates. The
// first candidate whose article holds at least minArticleRunes wins. When none does, a
// later candidate's article replaces the best so far when it is the page's declared main
// region or holds at least as much text; it keeps the metadata (title, byline…) found
// before it, and what the earlier candidate removed no longer applies.
func HTML(p *Page) (Article, error) {
	var best Article
	for i, c := range htmlCandidates {
		a, err := c.Extract(p)
		if err != nil {
			return Article{}, err
		}
		a.Candidate = c.Name()
		if i == 0 {
			best = a
		} else if a.Declared || textLen(a.Root) >= textLen(best.Root) {
			best.Root, best.Removed, best.Candidate, best.Declared = a.Root, nil, a.Candidate, a.Declared
		}
		if textLen(best.Root) >= minArticleRunes {
			break
		}
	}
	if best.Title == "" {
		best.Title = p.Title
	}
	return best, nil
}

// documentTitle returns the text of the page's <title>.
func documentTitle(doc *html.Node) string {
	if t := findElement(doc, atom.Title); t != nil {
		return blocks.CollapseSpace(blocks.Text(t))
	}
	return ""
}

// CanonicalHost returns the host of the page's absolute <link rel=canonical>, or "". It
// tells which site a saved page comes from, for site-scoped rules.
func CanonicalHost(doc *html.Node) string {
	return source.Host(canonicalURL(doc, nil))
}

// canonicalURL returns the page's <link rel=canonical> made absolute, else pageURL.
func canonicalURL(doc *html.Node, pageURL *url.URL) string {
	base := ""
	if pageURL != nil {
		base = pageURL.String()
	}
	head := findElement(doc, atom.Head)
	if head == nil {
		return base
	}
	for c := head.FirstChild; c != nil; c = c.NextSibling {
		if c.DataAtom != atom.Link || !strings.EqualFold(attr(c, "rel"), "canonical") {
			continue
		}
		href, err := url.Parse(strings.TrimSpace(attr(c, "href")))
		if err != nil || href.String() == "" {
			continue
		}
		if pageURL != nil {
			href = pageURL.ResolveReference(href)
		}
		if href.Scheme == "http" || href.Scheme == "https" {
			return href.String()
		}
	}
	return base
}

func findElement(n *html.Node, a atom.Atom) *html.Node {
	if n.Type == html.ElementNode && n.DataAtom == a {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if found := findElement(c, a); found != nil {
			return found
		}
	}
	return nil
}

func attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}
