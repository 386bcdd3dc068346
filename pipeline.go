package clean

import (
	"context"
	"net/url"
	"strings"
	"unicode"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/internal/source"
	"github.com/cleanhq/clean/rules"
)

// pipeline is one document on its way through the stages; each stage reads what the
// ones before it left and adds its own part.
type pipeline struct {
	in   Input
	opts Options
	set  *rules.Set

	pageURL *url.URL // the input's http(s) URL, if any
	host    string   // the site, for site-scoped rules

	text    string          // decode: the document as UTF-8
	kind    decode.Kind     // decode: HTML or text
	page    *extract.Page   // prepare: the parsed, prepared HTML page (nil for text or tag soup)
	art     extract.Article // extract: the article
	paras   [][]string      // extract: a plain text's article as paragraphs of lines, when plain
	known   []render.Known  // extract: what the classifier found of each of paras (TextArticle.Known); nil when rules changed paras
	plain   bool            // the article is paras (art.Root is empty): no output needs its DOM
	lines   render.Lines    // render: paras, read once for both renderers, when plain
	removed []rules.Removal // every stage: what it removed (kept only with Explain)
	doc     Document        // render: the result
	release func()          // run: what gives memory of the document back when it is done
}

// stages are the pipeline, in order. A new stage is one more line here and its method.
var stages = []struct {
	name string
	run  func(*pipeline) error
}{
	{"decode", (*pipeline).decode},
	{"prepare", (*pipeline).prepare},
	{"extract", (*pipeline).extract},
	{"rules", (*pipeline).applyRules},
	{"render", (*pipeline).render},
}

func newPipeline(in Input, opts Options) *pipeline {
	p := &pipeline{in: in, opts: opts, set: opts.Rules, pageURL: parseURL(in.URL)}
	if p.set == nil {
		p.set = rules.Builtin()
	}
	p.host = source.Host(in.URL)
	return p
}

// run runs the stages in order, each once, checking ctx before each.
func (p *pipeline) run(ctx context.Context) (Document, error) {
	defer func() {
		if p.release != nil {
			p.release()
		}
	}()
	for _, s := range stages {
		if err := ctx.Err(); err != nil {
			return Document{}, err
		}
		if err := s.run(p); err != nil {
			return Document{}, err
		}
	}
	return p.doc, nil
}

// decode converts the bytes to UTF-8 and settles the input kind.
func (p *pipeline) decode() error {
	text, _, err := decode.ToUTF8(p.in.Data, p.in.ContentType)
	if err != nil {
		return err
	}
	p.text, p.kind = text, decode.Kind(p.opts.Kind)
	if p.kind == "" || p.kind == decode.Auto {
		p.kind = decode.Sniff(text)
	}
	return nil
}

// prepare parses an HTML page and runs prepareDOM on it. A page the HTML parser refuses
// (nested deeper than it allows) is left to extract, which reads it as tag soup.
func (p *pipeline) prepare() error {
	if p.kind != decode.HTML {
		return nil
	}
	page, err := extract.NewPage(p.text, p.pageURL, p.opts.Explain, p.prepareDOM)
	if err == nil {
		page.Comments = p.opts.Comments
		p.page = page
	}
	return nil
}

// prepareDOM is the prepare stage on one parsed DOM: unsafe link targets go (before
// readability, which would point them at the page), relative links become absolute (so
// that <base href> is honoured), a saved page's site is read from its canonical URL, and
// what selector rules select is removed.
func (p *pipeline) prepareDOM(doc *html.Node) []rules.Removal {
	render.DropUnsafeLinks(doc)
	absolutizeLinks(doc, p.pageURL)
	if p.pageURL == nil {
		p.host = extract.CanonicalHost(doc)
	}
	return p.set.RemoveSelected(doc, p.host)
}

// extract finds the article: the candidate chain for HTML, the block classifier for text.
func (p *pipeline) extract() error {
	switch {
	case p.page != nil:
		art, err := extract.HTML(p.page)
		if err != nil {
			return err
		}
		extract.ApplyMeta(&art, p.page.Meta, p.host)
		p.art, p.removed = art, p.page.Removed
	case p.kind == decode.HTML:
		p.art = extract.TagSoup(p.text, p.opts.Explain)
	case p.opts.Format == FormatHTML:
		p.art = extract.Text(p.text, p.opts.Explain)
	default: // plain text for text outputs: its paragraphs go through rules and render as they are
		t := extract.TextParagraphs(p.text, p.opts.Explain)
		p.art, p.paras, p.known, p.plain = t.Meta(), t.Paragraphs, t.Known, true
		p.release = t.Release
	}
	if p.art.Root == nil { // nothing found at all, not even visible text; or plain text, whose body is p.paras
		p.art.Root = &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article}
	}
	p.removed = append(p.removed, p.art.Removed...)
	return nil
}

// applyRules runs the boilerplate rules on the article, and strips inline tokens such as
// {mosads} from the metadata, where they leak too.
func (p *pipeline) applyRules() error {
	if p.plain {
		var removed []rules.Removal
		var tidy func(i int) bool
		if known := p.known; known != nil {
			tidy = func(i int) bool { return known[i].Words >= 0 } // the tokeniser's Simple lines are tidy
		}
		p.paras, removed = p.set.ApplyTidyParagraphs(p.paras, tidy, p.host)
		if len(removed) > 0 {
			p.known = nil // paragraphs removed or lines stripped: render reads them again
		}
		p.removed = append(p.removed, removed...)
	} else {
		p.removed = append(p.removed, p.set.Apply(p.art.Root, p.host)...)
	}
	for _, field := range []*string{&p.art.Title, &p.art.Byline, &p.art.Excerpt} {
		*field = p.set.StripText(*field, p.host)
	}
	return nil
}

// render makes the Document: the body as text (always: the word count and the no-text
// check read it) and as Markdown when the output prints it. A document without article
// text is ErrNoText, whatever its title: a page's title alone (an empty app shell, a
// headline over nothing, the title repeated as the only text) is no article.
func (p *pipeline) render() error {
	// Relative links are resolved against the page's own (final) URL when it is known,
	// else against its canonical URL; the record's url is the canonical one.
	base := p.in.URL
	if base == "" {
		base = p.art.URL
	}
	pageURL := p.art.URL
	if pageURL == "" {
		pageURL = p.in.URL
	}
	a := p.art
	var body string
	var words int
	if p.plain { // paragraphs of text: nothing to tidy
		p.lines = render.NewLinesKnown(p.paras, p.known)
		body, words = p.lines.Text()
	} else {
		render.Tidy(a.Root, render.Omit(p.opts.Omit))
		body = render.Text(a.Root)
		words = render.WordCount(body)
	}
	doc := Document{
		Source: p.in.Name, URL: pageURL, Title: normalize(a.Title), Byline: a.Byline,
		SiteName: a.SiteName, Published: a.Published, Modified: a.Modified, Tags: a.Tags,
		Language: a.Language, Excerpt: a.Excerpt,
		Image: absoluteURL(base, a.Image), Text: body, WordCount: words,
		titled: render.BeginsWithTitle(a.Root, a.Title),
	}
	if p.opts.Format.needsMarkdown() {
		if err := p.renderMarkdown(&doc, base); err != nil {
			return err
		}
	}
	if p.opts.Format == FormatHTML {
		doc.HTML = render.HTMLDocument(a.Root, doc.Title, doc.Language, base)
	}
	if err := p.renderComments(&doc, base); err != nil {
		return err
	}
	doc.cleanBody = p.plain && p.lines.Clean() && doc.Comments == ""
	if p.plain && doc.Comments == "" {
		doc.plainText, doc.plainMarkdown = p.lines.TextJSON(), p.lines.MarkdownJSON()
	}
	if p.opts.Explain {
		doc.Removed = p.removed
		if a.Candidate != "" {
			doc.Extractor = a.Candidate + ": " + a.Why
		}
	}
	doc.sanitize()
	if doc.Text == "" || sameText(doc.Text, doc.Title) {
		return ErrNoText
	}
	p.doc = doc
	return nil
}

// renderMarkdown makes the article's Markdown.
func (p *pipeline) renderMarkdown(doc *Document, base string) error {
	if p.plain {
		doc.Markdown = p.lines.Markdown()
		return nil
	}
	md, err := render.Markdown(p.art.Root, base)
	if err != nil {
		return renderErr("markdown", err)
	}
	doc.Markdown = md
	return nil
}

// renderComments adds the reader comments (Options.Comments) to the document: the
// Comments field, and after the article in Text and, under a "Comments" heading, Markdown.
func (p *pipeline) renderComments(doc *Document, base string) error {
	if p.art.Comments == nil {
		return nil
	}
	doc.Comments = render.Text(p.art.Comments)
	if doc.Comments == "" {
		return nil
	}
	doc.Text = strings.TrimSpace(doc.Text + "\n\n" + doc.Comments)
	doc.WordCount = render.WordCount(doc.Text)
	if p.opts.Format.needsMarkdown() {
		md, err := render.Markdown(p.art.Comments, base)
		if err != nil {
			return renderErr("markdown", err)
		}
		doc.Markdown = strings.TrimSpace(doc.Markdown + "\n\n## Comments\n\n" + md)
	}
	return nil
}

// sameText reports whether a and b are the same text, white space and case aside: the
// same words (strings.Fields), each the same but for case (strings.EqualFold), in order.
// It reads the words in place, since a is a whole article and b mostly a short title.
func sameText(a, b string) bool {
	for {
		wa, ra := nextField(a)
		wb, rb := nextField(b)
		switch {
		case wa == "" || wb == "":
			return wa == wb
		case !strings.EqualFold(wa, wb):
			return false
		}
		a, b = ra, rb
	}
}

// nextField returns the first white-space separated word of s (as strings.Fields reads
// them) and what follows it.
func nextField(s string) (field, rest string) {
	s = strings.TrimLeftFunc(s, unicode.IsSpace)
	if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
		return s[:i], s[i:]
	}
	return s, ""
}

// absoluteURL resolves ref against base; it returns ref unchanged when either does not parse.
func absoluteURL(base, ref string) string {
	if base == "" || ref == "" {
		return ref
	}
	b, err := url.Parse(base)
	if err != nil {
		return ref
	}
	r, err := url.Parse(ref)
	if err != nil {
		return ref
	}
	return b.ResolveReference(r).String()
}

func parseURL(s string) *url.URL {
	if s == "" {
		return nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") {
		return nil
	}
	return u
}
