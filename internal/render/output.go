package render

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"go.yaml.in/yaml/v3"
)

// Format is an output format.
type Format string

// The output formats. JSONL is one compact JSON object per line, for batches.
const (
	FormatMarkdown Format = "markdown"
	FormatText     Format = "text"
	FormatJSON     Format = "json"
	FormatJSONL    Format = "jsonl"
)

// Formats lists the output formats, for help texts.
var Formats = []Format{FormatMarkdown, FormatText, FormatJSON, FormatJSONL}

// ParseFormat checks a --format value; "md" and "txt" are accepted as aliases.
func ParseFormat(s string) (Format, error) {
	switch strings.ToLower(s) {
	case "markdown", "md", "":
		return FormatMarkdown, nil
	case "text", "txt":
		return FormatText, nil
	case "json":
		return FormatJSON, nil
	case "jsonl":
		return FormatJSONL, nil
	}
	return "", fmt.Errorf("unknown format %q (want markdown, text, json or jsonl)", s)
}

// Options adjust the output.
type Options struct {
	FrontMatter bool // Markdown: put the metadata first as YAML front matter
}

// Write writes doc in format f to w.
func Write(w io.Writer, doc Document, f Format, opts Options) error {
	var out []byte
	var err error
	switch f {
	case FormatMarkdown:
		out, err = markdownDocument(doc, opts.FrontMatter)
	case FormatText:
		out = []byte(joinTitle(doc.Title, doc.Text))
	case FormatJSON:
		out, err = marshalJSON(doc, "  ")
	case FormatJSONL:
		out, err = marshalJSON(doc, "")
	default:
		err = fmt.Errorf("unknown format %q", f)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(out)
	return err
}

func joinTitle(title, body string) string {
	var parts []string
	for _, p := range []string{title, body} {
		if p != "" {
			parts = append(parts, p)
		}
	}
	return strings.Join(parts, "\n\n") + "\n"
}

func markdownDocument(doc Document, frontMatter bool) ([]byte, error) {
	var b bytes.Buffer
	if frontMatter {
		meta, err := yaml.Marshal(metadataOf(doc))
		if err != nil {
			return nil, err
		}
		b.WriteString("---\n")
		b.Write(meta)
		b.WriteString("---\n\n")
	}
	title := ""
	if doc.Title != "" {
		title = "# " + strings.Join(strings.Fields(doc.Title), " ")
	}
	b.WriteString(joinTitle(title, doc.Markdown))
	return b.Bytes(), nil
}

// metadata is the front-matter form of a document's metadata; empty fields are left out.
type metadata struct {
	Title     string `yaml:"title,omitempty"`
	Byline    string `yaml:"byline,omitempty"`
	SiteName  string `yaml:"site_name,omitempty"`
	Published string `yaml:"published,omitempty"`
	Language  string `yaml:"language,omitempty"`
	URL       string `yaml:"url,omitempty"`
	Source    string `yaml:"source,omitempty"`
	Excerpt   string `yaml:"excerpt,omitempty"`
	Image     string `yaml:"image,omitempty"`
	WordCount int    `yaml:"word_count"`
}

func metadataOf(d Document) metadata {
	return metadata{Title: d.Title, Byline: d.Byline, SiteName: d.SiteName, Published: d.Published,
		Language: d.Language, URL: d.URL, Source: d.Source, Excerpt: d.Excerpt, Image: d.Image,
		WordCount: d.WordCount}
}

func marshalJSON(doc Document, indent string) ([]byte, error) {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", indent)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}
