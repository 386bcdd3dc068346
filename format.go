package clean

import (
	"fmt"
	"io"
	"slices"
	"strings"
	"sync"

	"github.com/cleanhq/clean/internal/render"
	"go.yaml.in/yaml/v3"
)

// Format is an output format: a name in the table of formats (see Formats).
type Format string

// The output formats. JSONL is one compact JSON object per line, for batches; HTML is
// the article as one safe, minimal HTML document (see Document.HTML).
const (
	FormatMarkdown Format = "markdown"
	FormatText     Format = "text"
	FormatJSON     Format = "json"
	FormatJSONL    Format = "jsonl"
	FormatHTML     Format = "html"
)

// formatInfo is one row of the table of output formats. A new format is one row here,
// its writer, and its test.
type formatInfo struct {
	name      Format
	aliases   []string
	ext       string // file extension, without the dot
	mediaType string
	markdown  bool // the format prints the Markdown body (the text body is always made)
	// write appends doc in the format to dst
	write func(dst []byte, doc Document, opts WriteOptions) ([]byte, error)
}

var formats = []formatInfo{
	{FormatMarkdown, []string{"md"}, "md", "text/markdown; charset=utf-8", true, writeMarkdown},
	{FormatText, []string{"txt"}, "txt", "text/plain; charset=utf-8", false, writeText},
	{FormatJSON, nil, "json", "application/json", true, writeJSON("  ")},
	{FormatJSONL, nil, "jsonl", "application/jsonl", true, writeJSON("")},
	{FormatHTML, []string{"htm"}, "html", "text/html; charset=utf-8", false, writeHTML},
}

// Formats lists the output formats, in the order help texts give them.
func Formats() []Format {
	out := make([]Format, len(formats))
	for i, f := range formats {
		out[i] = f.name
	}
	return out
}

// ParseFormat checks a format name; "md" and "txt" are accepted as aliases, case is
// ignored, and "" is Markdown.
func ParseFormat(s string) (Format, error) {
	if s == "" {
		return FormatMarkdown, nil
	}
	for _, f := range formats {
		if strings.EqualFold(s, string(f.name)) || containsFold(f.aliases, s) {
			return f.name, nil
		}
	}
	return "", fmt.Errorf("unknown format %q (want markdown, text, json, jsonl or html)", s)
}

func containsFold(list []string, s string) bool {
	for _, x := range list {
		if strings.EqualFold(x, s) {
			return true
		}
	}
	return false
}

func (f Format) info() (formatInfo, bool) {
	for _, fi := range formats {
		if fi.name == f {
			return fi, true
		}
	}
	return formatInfo{}, false
}

// Extension is the format's file extension, without the dot ("md", "txt", "json"…).
func (f Format) Extension() string { fi, _ := f.info(); return fi.ext }

// MediaType is the format's media type.
func (f Format) MediaType() string { fi, _ := f.info(); return fi.mediaType }

// needsMarkdown reports whether documents for f need their Markdown body. The zero
// Format stands for every format.
func (f Format) needsMarkdown() bool {
	fi, ok := f.info()
	return !ok || fi.markdown
}

// WriteOptions adjust the output.
type WriteOptions struct {
	FrontMatter bool // Markdown: put the metadata first as YAML front matter
}

// Write writes doc in format f to w.
func Write(w io.Writer, doc Document, f Format, opts WriteOptions) error {
	fi, ok := f.info()
	if !ok {
		return fmt.Errorf("unknown format %q", f)
	}
	buf := outBuffers.get()
	out, err := fi.write(buf.b[:0], doc, opts)
	if err == nil {
		_, err = w.Write(out)
	}
	outBuffers.put(buf, out)
	return err
}

// outBuffers holds the buffers Write renders a document into: w.Write does not keep
// what it is given (see io.Writer), so the buffer is used again for the next document,
// rather than one of the output's size (the JSON forms hold the body twice) allocated
// and zeroed for each.
var outBuffers outPool

// outPool is a pool of output buffers, each at most maxPooledOut bytes, so that one huge
// document's is not kept alive.
type outPool struct{ pool sync.Pool }

// outBuffer is a buffer of outPool.
type outBuffer struct{ b []byte }

const maxPooledOut = 4 << 20

func (p *outPool) get() *outBuffer {
	if buf, _ := p.pool.Get().(*outBuffer); buf != nil {
		return buf
	}
	return new(outBuffer)
}

// put gives buf back, holding out, what was written into it (grown when it was too
// small); neither is to be used after.
func (p *outPool) put(buf *outBuffer, out []byte) {
	if cap(out) <= maxPooledOut {
		buf.b = out[:0]
		p.pool.Put(buf)
	}
}

func writeText(dst []byte, doc Document, _ WriteOptions) ([]byte, error) {
	title := ""
	if doc.hasTitleLine() {
		title = doc.Title
	}
	return appendTitled(dst, title, doc.Text), nil
}

// hasTitleLine reports whether a writer prints a title line before the body: not when
// there is no title, nor when the body begins with the title as its heading.
func (d Document) hasTitleLine() bool { return d.Title != "" && !d.titled }

// writeHTML writes the document's HTML body, made when the Document was cleaned for
// FormatHTML; a Document from elsewhere gets its Markdown escaped in a pre.
func writeHTML(dst []byte, doc Document, _ WriteOptions) ([]byte, error) {
	if doc.HTML == "" {
		return append(dst, render.PlainHTMLDocument(doc.Title, doc.Markdown)...), nil
	}
	return append(dst, doc.HTML...), nil
}

func writeJSON(indent string) func([]byte, Document, WriteOptions) ([]byte, error) {
	return func(dst []byte, doc Document, _ WriteOptions) ([]byte, error) {
		return documentJSON(dst, doc, indent), nil
	}
}

// appendTitled appends to dst the title and the body that are not empty, a blank line
// between them, and a newline: the whole output of the text and Markdown writers, in one
// allocation of its size (the body is most of it).
func appendTitled(dst []byte, title, body string) []byte {
	dst = slices.Grow(dst, len(title)+len(body)+3)
	dst = append(dst, title...)
	if title != "" && body != "" {
		dst = append(dst, "\n\n"...)
	}
	dst = append(dst, body...)
	return append(dst, '\n')
}

func writeMarkdown(dst []byte, doc Document, opts WriteOptions) ([]byte, error) {
	out := dst
	if opts.FrontMatter {
		meta, err := yaml.Marshal(metadataOf(doc))
		if err != nil {
			return nil, err
		}
		out = append(append(append(out, "---\n"...), meta...), "---\n\n"...)
	}
	title := ""
	if doc.hasTitleLine() {
		title = "# " + render.EscapeLine(doc.Title)
	}
	return appendTitled(out, title, doc.Markdown), nil
}

// metadata is the front-matter form of a document's metadata; empty fields are left out.
type metadata struct {
	Title     string   `yaml:"title,omitempty"`
	Byline    string   `yaml:"byline,omitempty"`
	SiteName  string   `yaml:"site_name,omitempty"`
	Published string   `yaml:"published,omitempty"`
	Modified  string   `yaml:"modified,omitempty"`
	Tags      []string `yaml:"tags,omitempty"`
	Language  string   `yaml:"language,omitempty"`
	URL       string   `yaml:"url,omitempty"`
	Source    string   `yaml:"source,omitempty"`
	Excerpt   string   `yaml:"excerpt,omitempty"`
	Image     string   `yaml:"image,omitempty"`
	WordCount int      `yaml:"word_count"`
}

func metadataOf(d Document) metadata {
	return metadata{Title: d.Title, Byline: d.Byline, SiteName: d.SiteName, Published: d.Published,
		Modified: d.Modified, Tags: d.Tags, Language: d.Language, URL: d.URL, Source: d.Source, Excerpt: d.Excerpt, Image: d.Image,
		WordCount: d.WordCount}
}
