package extract

import (
	"fmt"
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

// HTML extracts the article from a prepared page: the chooser over htmlCandidates.
// Readability's article comes first; the block model's article (which reads it as one of
// its features) replaces it when the chooser prefers it (see prefer). When neither holds
// minArticleRunes, the visible-text fallback replaces the best so far when it is the
// page's declared main region or holds more text (on a tie the article found keeps its
// headings and images). A later body keeps the
// metadata (title, byline…) found before it, and what the earlier candidate removed no
// longer applies.
func HTML(p *Page) (Article, error) {
	var best Article
	for i, c := range htmlCandidates {
		if i > 0 && c.Name() == visibleText && textLen(best.Root) >= minArticleRunes {
			break
		}
		a, err := c.Extract(p)
		if err != nil {
			return Article{}, err
		}
		a.Candidate = c.Name()
		if i == 0 {
			best = a
			best.Why = "first candidate"
			continue
		}
		if ok, why := prefer(a, best); ok {
			best.Root, best.Removed, best.Candidate, best.Declared, best.Why = a.Root, nil, a.Candidate, a.Declared, why
		} else if why != "" {
			best.Why = why
		}
	}
	if best.Title == "" {
		best.Title = p.Title
	}
	if p.Comments {
		in := p.inRead
		if best.Candidate == blockModel {
			in = p.inKept
		}
		best.Comments = commentThread(p.segs, func(i int) bool { return in[i] })
	}
	return best, nil
}

// prefer reports whether a later candidate's article a should replace best, and why.
//
// The block model's article replaces readability's unless the page declares itself an
// article (og:type, a schema.org Article): such a page has one marked-up story, which
// readability finds and prunes precisely, while the block model also keeps what sits
// around it (tables, headings, link lists) when they read like text. On pages that make
// no such claim (portals, forums, blogs, older sites) the block model, which weighs
// readability's choice as one of its features, finds more of the text and less of the
// rest. Either way readability's article stands when it has enough text and the block
// model's has less than minArticleRunes.
func prefer(a, best Article) (bool, string) {
	n, have := textLen(a.Root), textLen(best.Root)
	switch {
	case a.agree.declaresArticle && have >= minArticleRunes:
		return false, "the page declares itself an article: readability's boundaries"
	case a.Root == nil:
		return false, ""
	case a.Candidate == visibleText:
		if a.Declared || n > have {
			return true, "readability and the block model found too little"
		}
		return false, "the page's visible text holds no more than the article found"
	case have >= minArticleRunes && a.agree.withinDeclared():
		return false, fmt.Sprintf("the block model's article lies in readability's (%.0f%%), which is the page's declared article: readability's structure", 100*a.agree.share())
	case have >= minArticleRunes && a.agree.agrees():
		return false, fmt.Sprintf("the block model agrees with readability (%.0f%% of its text in readability's article): readability's structure", 100*a.agree.share())
	case n >= minArticleRunes:
		return true, fmt.Sprintf("blocks judged article text: %d runes, %.0f%% in readability's article", n, 100*a.agree.share())
	case n > have:
		return true, "readability found less"
	}
	return false, ""
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
		if c.DataAtom != atom.Link || !strings.EqualFold(blocks.Attr(c, "rel"), "canonical") {
			continue
		}
		href, err := url.Parse(strings.TrimSpace(blocks.Attr(c, "href")))
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
