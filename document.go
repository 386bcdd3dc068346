package clean

import (
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/rules"
)

// Document is one cleaned article with its metadata, the record every output format is
// made from. Its JSON form is the schema documented in README.md ("JSON schema"); a batch
// record adds id and error around it. Every string from the page is safe to print
// (control characters removed, see Sanitize); Source is the input's name, exact.
type Document struct {
	Source    string          `json:"source"`              // the input as given: a path, a URL, "-"
	URL       string          `json:"url,omitempty"`       // canonical URL, else the final fetched URL
	Title     string          `json:"title,omitempty"`     // article title
	Byline    string          `json:"byline,omitempty"`    // author line
	SiteName  string          `json:"site_name,omitempty"` // site name
	Published string          `json:"published,omitempty"` // publication time as written: RFC 3339, or without offset, or a day
	Modified  string          `json:"modified,omitempty"`  // last modification, likewise
	Tags      []string        `json:"tags,omitempty"`      // the page's tags or keywords
	Language  string          `json:"language,omitempty"`  // language code
	Excerpt   string          `json:"excerpt,omitempty"`   // short summary
	Image     string          `json:"image,omitempty"`     // lead image URL
	Markdown  string          `json:"markdown"`            // the body as Markdown, without the title
	Text      string          `json:"text"`                // the body as plain text, without the title
	HTML      string          `json:"html,omitempty"`      // for FormatHTML: the article as one safe, minimal HTML document
	WordCount int             `json:"word_count"`          // words in Text
	Comments  string          `json:"comments,omitempty"`  // with Options.Comments: the reader comments as plain text (also after the article in Text and Markdown)
	Removed   []rules.Removal `json:"removed,omitempty"`   // with Options.Explain: every removal
	Extractor string          `json:"extractor,omitempty"` // with Options.Explain: the candidate extractor whose body this is, and why

	titled    bool // the body begins with a heading repeating Title: Write prints no title line of its own
	cleanBody bool // Text and Markdown are made of clean lines (render.Lines.Clean): nothing in them to sanitize

	// plainText and plainMarkdown tell which parts of Text and Markdown hold nothing a
	// JSON string escapes but line breaks (render.Lines.TextJSON): the JSON writer reads
	// those only for their line breaks while they are still the Document's.
	plainText, plainMarkdown render.JSONPlain
}

// sanitize makes every string of the document that comes from the page safe to print:
// control characters other than newline and tab go (terminal escape sequences lose their
// ESC). Source is left exact: it names the input (a batch matches records to inputs by
// it) and appears only in JSON and YAML, which escape control characters.
func (d *Document) sanitize() {
	for _, f := range []*string{&d.URL, &d.Title, &d.Byline, &d.SiteName,
		&d.Published, &d.Modified, &d.Language, &d.Excerpt, &d.Image, &d.HTML, &d.Comments} {
		*f = render.CleanString(*f)
	}
	if !d.cleanBody {
		d.Markdown, d.Text = render.CleanString(d.Markdown), render.CleanString(d.Text)
	}
	for i := range d.Tags {
		d.Tags[i] = render.CleanString(d.Tags[i])
	}
	for i := range d.Removed {
		d.Removed[i].Text = render.CleanString(d.Removed[i].Text)
	}
}
