package extract

import (
	"net/url"
	"strings"
	"time"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// minArticleRunes is the least text (non-space runes) a readability result must hold to be
// taken; below it the page's visible text is used instead.
const minArticleRunes = 200

// HTML extracts the article from a page. The parsed page first loses what is never article
// text (see preprune); prepare, when not nil, is then called on the DOM before extraction
// (the rule stage removes selected elements there); it may be called a second time on a
// fresh, unstripped parse when the visible-text fallback is needed. pageURL, when not
// nil, is the base for relative links. A new readability parser is made per call, as a
// parser must not be shared between goroutines.
func HTML(page string, pageURL *url.URL, prepare func(*html.Node)) (Article, error) {
	doc, err := parse(page, prepare, true)
	if err != nil {
		return tagSoup(page), nil // refused by the parser: nested deeper than it allows
	}
	canonical := canonicalURL(doc, pageURL)
	title := documentTitle(doc)
	parser := readability.NewParser()
	parser.KeepClasses = true
	a := Article{URL: canonical, Title: title}
	if art, err := parser.ParseAndMutate(doc, pageURL); err == nil {
		a = fromReadability(art, canonical)
		if a.Root != nil {
			for _, n := range prune(a.Root, a.Byline) {
				a.Dropped = append(a.Dropped, Drop{By: ByHTMLPrune, Node: n})
			}
		}
	}
	if got := textLen(a.Root); got < minArticleRunes {
		doc, err := parse(page, prepare, false) // all of the page: a shop sign may sit in an <aside>
		if err != nil {
			return Article{}, err
		}
		// The page's own main region wins; else the visible text when it holds more.
		if fallback, main := visibleText(doc); main || textLen(fallback) >= got {
			a.Root, a.Dropped = fallback, nil
		}
	}
	if a.Title == "" {
		a.Title = title
	}
	return a, nil
}

// parse parses a page, then strips what is never article text when strip is set (see
// preprune), then calls prepare.
func parse(page string, prepare func(*html.Node), strip bool) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		return nil, err
	}
	if strip {
		preprune(doc)
	}
	if prepare != nil {
		prepare(doc)
	}
	return doc, nil
}

// documentTitle returns the text of the page's <title>.
func documentTitle(doc *html.Node) string {
	if t := findElement(doc, atom.Title); t != nil {
		return blocks.CollapseSpace(blocks.Text(t))
	}
	return ""
}

func fromReadability(art readability.Article, canonical string) Article {
	a := Article{
		Root:     art.Node,
		Title:    strings.TrimSpace(art.Title()),
		Byline:   strings.TrimSpace(art.Byline()),
		SiteName: strings.TrimSpace(art.SiteName()),
		Language: strings.TrimSpace(art.Language()),
		Excerpt:  strings.TrimSpace(art.Excerpt()),
		Image:    strings.TrimSpace(art.ImageURL()),
		URL:      canonical,
	}
	if t, err := art.PublishedTime(); err == nil {
		a.Published = t.UTC().Format(time.RFC3339)
	}
	return a
}

// visibleText copies the visible text blocks of the page's main content into a paragraph
// DOM, the fallback when readability finds no article, and reports whether that content
// is a main region. The main content is the page's <main> (or role="main") element when
// it holds text, else the body: a page marked up with a main region says where its
// content is, and its menus and footers stay out.
func visibleText(doc *html.Node) (root *html.Node, main bool) {
	root = newRoot()
	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	if m := findMain(body); m != nil && textLen(m) > 0 {
		body, main = m, true
	}
	for _, leaf := range blocks.Leaves(body) {
		if lines := strings.Split(blocks.Text(leaf), "\n"); len(lines) > 0 && lines[0] != "" {
			root.AppendChild(paragraph(lines))
		}
	}
	return root, main
}

// findMain returns the first <main> or role="main" element under n, or nil.
func findMain(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Main || attr(n, "role") == "main") {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findMain(c); m != nil {
			return m
		}
	}
	return nil
}

// CanonicalHost returns the host of the page's absolute <link rel=canonical>, or "". It
// tells which site a saved page comes from, for site-scoped rules.
func CanonicalHost(doc *html.Node) string {
	u, err := url.Parse(canonicalURL(doc, nil))
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return ""
	}
	return u.Hostname()
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
