// Package clean is the library's front door: Clean turns one input document (HTML or
// scraped text) into a cleaned article with metadata, running the whole pipeline:
//
//	decode → extract → rules → render
//
// Reading inputs is the job of package source; writing outputs, of package render.
package clean

import (
	"context"
	"errors"
	"fmt"
	"net/url"
	"strings"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/internal/extract"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/rules"
	"github.com/cleanhq/clean/internal/source"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Document is a cleaned article; see render.Document.
type Document = render.Document

// Input is one document to clean; see source.Input.
type Input = source.Input

// Options configure Clean. The zero value cleans with the built-in rules and sniffs the
// input kind.
type Options struct {
	Kind    decode.Kind // auto (default), html or text
	Rules   *rules.Set  // nil means rules.Builtin()
	Explain bool        // record every removal in Document.Removed
}

// Clean runs the pipeline on one input. Errors name the input.
func Clean(ctx context.Context, in Input, opts Options) (Document, error) {
	doc, err := cleanInput(ctx, in, opts)
	if err != nil {
		return Document{}, fmt.Errorf("%s: %w", in.Name, err)
	}
	return doc, nil
}

func cleanInput(ctx context.Context, in Input, opts Options) (Document, error) {
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	text, _, err := decode.ToUTF8(in.Data, in.ContentType)
	if err != nil {
		return Document{}, err
	}
	kind := opts.Kind
	if kind == "" || kind == decode.Auto {
		kind = decode.Sniff(text)
	}
	set := opts.Rules
	if set == nil {
		set = rules.Builtin()
	}
	pageURL := parseURL(in.URL)
	host := ""
	if pageURL != nil {
		host = pageURL.Hostname()
	}

	var art extract.Article
	var removed []rules.Removal
	if kind == decode.HTML {
		art, err = extract.HTML(text, pageURL, func(doc *html.Node) {
			render.DropUnsafeLinks(doc)   // before readability, which would point them at the page
			absolutizeLinks(doc, pageURL) // so that <base href> is honoured
			// A file or stdin: site-scoped rules go by the page's canonical URL.
			if pageURL == nil {
				host = extract.CanonicalHost(doc)
			}
			removed = set.RemoveSelected(doc, host)
		})
		if err != nil {
			return Document{}, err
		}
	} else {
		art = extract.Text(text)
	}
	if err := ctx.Err(); err != nil {
		return Document{}, err
	}
	if art.Root == nil { // nothing found at all, not even visible text
		art.Root = &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article}
	}
	if opts.Explain {
		for _, d := range art.Dropped {
			removed = append(removed, rules.NewRemoval(d.By, d.String()))
		}
	}
	removed = append(removed, set.Apply(art.Root, host)...)
	for _, field := range []*string{&art.Title, &art.Byline, &art.Excerpt} {
		*field = set.StripText(*field, host) // inline tokens such as {mosads} leak into metadata
	}
	doc, err := build(in, art, removed, opts.Explain)
	if err == nil && doc.Title == "" && doc.Text == "" {
		return Document{}, ErrNoText
	}
	return doc, err
}

// ErrNoText is returned for a document in which no text is left: no title and no body.
var ErrNoText = errors.New("no text found")

// build renders the article and fills in the document record.
func build(in Input, art extract.Article, removed []rules.Removal, explain bool) (Document, error) {
	// Relative links are resolved against the page's own (final) URL when it is known,
	// else against its canonical URL; the record's url is the canonical one.
	base := in.URL
	if base == "" {
		base = art.URL
	}
	pageURL := art.URL
	if pageURL == "" {
		pageURL = in.URL
	}
	body := render.Text(art.Root)
	md, err := render.Markdown(art.Root, base)
	if err != nil {
		return Document{}, fmt.Errorf("rendering markdown: %w", err)
	}
	doc := Document{
		Source:    in.Name,
		URL:       pageURL,
		Title:     strings.Join(strings.Fields(art.Title), " "),
		Byline:    art.Byline,
		SiteName:  art.SiteName,
		Published: art.Published,
		Language:  art.Language,
		Excerpt:   art.Excerpt,
		Image:     absoluteURL(base, art.Image),
		Markdown:  md,
		Text:      body,
		WordCount: render.WordCount(body),
	}
	if explain {
		doc.Removed = removed
	}
	doc.Sanitize()
	return doc, nil
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
