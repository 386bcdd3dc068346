package extract

import (
	"strings"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A Candidate is one way of finding the article in a page. The chooser (HTML) asks the
// candidates in order; a new way is one more Candidate in htmlCandidates and its test.
type Candidate interface {
	Name() string
	Extract(p *Page) (Article, error)
}

// htmlCandidates are the candidate extractors of HTML pages, in the order they are asked.
var htmlCandidates = []Candidate{readabilityCandidate{}, blockCandidate{}, visibleTextCandidate{}}

// The names under which extraction's own removals are reported (--explain).
const (
	ByTextClassifier = "text-classifier" // a plain-text block the classifier judged boilerplate
	ByHTMLPrune      = "html-prune"      // an element pruned from readability's article
	ByBlockModel     = "block-model"     // a block of the page the block model judged not article text
)

// readabilityCandidate is go-readability's article on the stripped page (see NewPage),
// pruned of share bars, captions, related links… (see prune).
type readabilityCandidate struct{}

func (readabilityCandidate) Name() string { return "readability" }

func (readabilityCandidate) Extract(p *Page) (Article, error) {
	doc, err := p.DOM()
	if err != nil {
		return Article{}, err
	}
	parser := readability.NewParser() // a parser must not be shared between goroutines
	parser.KeepClasses = true
	a := Article{URL: p.Canonical, Title: p.Title}
	var page []string
	if p.Explain {
		page = visibleBlocks(doc) // before readability changes the DOM
	}
	art, err := parser.ParseAndMutate(doc, p.URL)
	p.read = doc
	if err != nil {
		return a, nil // no article: the chooser asks the next candidate
	}
	a = fromReadability(art, p.Canonical)
	if a.Root != nil {
		fixAtoms(a.Root)
		if p.Explain {
			a.Removed = leftOut(page, a.Root, a.Title, p.Meta)
		}
		for _, n := range prune(a.Root, a.Byline) {
			if p.Explain {
				a.Removed = append(a.Removed, rules.NewRemoval(ByHTMLPrune, blocks.Text(n)))
			}
		}
	}
	p.readRoot, p.readByline = a.Root, a.Byline
	return a, nil
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
	return a // dates: ApplyMeta
}

// visibleTextCandidate is the page's visible text, block by block, from its declared main
// region (<main>, role=main) when it has one holding text, else from the whole body.
type visibleTextCandidate struct{}

// The candidates' names.
const (
	visibleText = "visible-text"
	blockModel  = "block-model"
)

func (visibleTextCandidate) Name() string { return visibleText }

func (visibleTextCandidate) Extract(p *Page) (Article, error) {
	doc, err := p.DOM()
	if err != nil {
		return Article{}, err
	}
	root := newRoot()
	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	main := false
	if m := findMain(body); m != nil && textLen(m) > 0 {
		body, main = m, true
	}
	for _, leaf := range blocks.Leaves(body) {
		if lines := strings.Split(blocks.Text(leaf), "\n"); len(lines) > 0 && lines[0] != "" {
			root.AppendChild(paragraph(lines))
		}
	}
	return Article{Root: root, URL: p.Canonical, Title: p.Title, Declared: main}, nil
}

// findMain returns the first <main> or role="main" element under n, or nil.
func findMain(n *html.Node) *html.Node {
	if n.Type == html.ElementNode && (n.DataAtom == atom.Main || blocks.Attr(n, "role") == "main") {
		return n
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if m := findMain(c); m != nil {
			return m
		}
	}
	return nil
}

// Study runs the readability and block-model candidates on a page and returns both
// articles (the block model's also on a page that declares itself an article, where the
// chooser does not run it), and whether the chooser takes the block model's (for
// cleanbench choose, which studies the chooser page by page).
func Study(p *Page) (read, block Article, blockWins bool, err error) {
	if read, err = (readabilityCandidate{}).Extract(p); err != nil {
		return
	}
	p.Comments = true // the block candidate then judges the blocks of a declared article too
	if block, err = (blockCandidate{}).Extract(p); err != nil {
		return
	}
	read.Candidate, block.Candidate = "readability", blockModel
	blockWins, _ = prefer(block, read)
	block.Declared = block.agree.declaresArticle
	return
}
