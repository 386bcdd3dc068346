package clean

import (
	"context"
	"fmt"
	"strings"

	"github.com/cleanhq/clean/internal/decode"
	"github.com/cleanhq/clean/rules"
)

// Kind is the kind of an input document.
type Kind string

// The input kinds. KindAuto (also the zero Kind) tells HTML from text by sniffing.
const (
	KindAuto Kind = "auto"
	KindHTML Kind = "html"
	KindText Kind = "text"
)

// ParseKind checks an input kind name (auto, html or text; case is ignored).
func ParseKind(s string) (Kind, error) {
	k, err := decode.ParseKind(s)
	return Kind(k), err
}

// Input is one document to clean: its bytes and where they came from.
type Input struct {
	Name        string // what the user gave: a path, a URL, "-"; errors and Document.Source name it
	URL         string // the page's address, when known: base of relative links, site of site rules
	ContentType string // the HTTP Content-Type, when fetched: its charset is used
	Data        []byte
}

// Options configure Clean. The zero value cleans with the built-in rules, sniffs the input
// kind and fills in every field of the Document.
type Options struct {
	Kind    Kind       // KindAuto (default), KindHTML or KindText
	Rules   *rules.Set // nil means rules.Builtin()
	Explain bool       // record every removal in Document.Removed
	// Format is the output the Document is for: only what it prints is rendered (no
	// Markdown for FormatText; Document.HTML only for FormatHTML). The zero value renders
	// the Markdown and the text.
	Format Format
	Omit   Omit // what the outputs leave out: tables, images, links
}

// Omit names what the outputs (Markdown, text, HTML) leave out of the article.
type Omit struct {
	Tables bool // tables, with their content (--no-tables)
	Images bool // images and pictures (--no-images)
	Links  bool // link targets: a link gives its text only (--no-links)
}

// Clean runs the pipeline on one input. Its errors are *InputError, naming the input.
func Clean(ctx context.Context, in Input, opts Options) (Document, error) {
	doc, err := newPipeline(in, opts).run(ctx)
	if err != nil {
		return Document{}, Named(in.Name, err)
	}
	return doc, nil
}

// CleanHTML cleans one HTML page with the built-in rules; pageURL, when not "", is its
// address (the base of its relative links). It is Clean for the common case.
func CleanHTML(ctx context.Context, page []byte, pageURL string) (Document, error) {
	name := pageURL
	if name == "" {
		name = "page"
	}
	return Clean(ctx, Input{Name: name, URL: pageURL, Data: page}, Options{Kind: KindHTML})
}

// normalize collapses the white space of metadata such as the title.
func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }

// renderErr wraps a rendering failure.
func renderErr(what string, err error) error { return fmt.Errorf("rendering %s: %w", what, err) }
