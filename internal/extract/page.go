package extract

import (
	"net/url"
	"strings"

	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
)

// Prepare is the pipeline's prepare stage for a parsed page: it fixes links and removes
// what selector rules select, and returns those removals. It runs once on every DOM a
// page is parsed into.
type Prepare func(doc *html.Node) []rules.Removal

// Page is a parsed, prepared HTML page: the input every HTML candidate extractor reads.
type Page struct {
	Source  string   // the page's HTML, decoded
	URL     *url.URL // the page's address, when known: the base of relative links
	Explain bool     // record what extraction removes (Article.Removed)

	// Title and Canonical are read from the page before any candidate changes it.
	Title     string // the text of <title>
	Canonical string // <link rel=canonical>, made absolute, else URL
	Meta      Meta   // the titles, site names, dates and tags the page gives

	// Removed is what the prepare stage removed (selector rules) from the latest DOM.
	Removed []rules.Removal

	prepare Prepare
	dom     *html.Node // the prepared DOM, until a candidate takes it
}

// NewPage parses page, removes what is never article text (see preprune) and runs
// prepare on the DOM. It fails only when the HTML parser refuses the page (nesting deeper
// than it allows); the caller then reads it as tag soup (see TagSoup).
func NewPage(page string, pageURL *url.URL, explain bool, prepare Prepare) (*Page, error) {
	p := &Page{Source: page, URL: pageURL, Explain: explain, prepare: prepare}
	doc, err := p.parse(true)
	if err != nil {
		return nil, err
	}
	p.dom = doc
	p.Title = documentTitle(doc)
	p.Canonical = canonicalURL(doc, pageURL)
	p.Meta = ReadMeta(doc)
	return p, nil
}

// DOM hands a candidate the prepared DOM, which it may change at will. The first call
// returns the DOM the page was parsed into, stripped of what is never article text; a
// later one (a second candidate: the visible-text fallback, on the rare pages where
// readability finds too little) parses and prepares all of the page again, unstripped,
// as a shop sign may sit in an <aside>. Cloning every page up front instead would cost
// more than half a parse.
func (p *Page) DOM() (*html.Node, error) {
	if doc := p.dom; doc != nil {
		p.dom = nil
		return doc, nil
	}
	return p.parse(false)
}

// parse parses the page, strips it when strip is set, and runs the prepare stage on it.
func (p *Page) parse(strip bool) (*html.Node, error) {
	doc, err := html.Parse(strings.NewReader(p.Source))
	if err != nil {
		return nil, err
	}
	if strip {
		preprune(doc)
	}
	if p.prepare != nil {
		p.Removed = p.prepare(doc)
	}
	return doc, nil
}
