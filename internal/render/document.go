// Package render turns a cleaned article into its output forms: Markdown (through
// html-to-markdown v2), plain text and JSON. Output is deterministic: the same Document
// gives the same bytes.
package render

import "github.com/cleanhq/clean/rules"

// Document is one cleaned article with its metadata: the record that every output format
// is made from. Its JSON form is the schema documented in README.md.
type Document struct {
	ID        string          `json:"id,omitempty"`
	Source    string          `json:"source"`
	URL       string          `json:"url,omitempty"`
	Title     string          `json:"title,omitempty"`
	Byline    string          `json:"byline,omitempty"`
	SiteName  string          `json:"site_name,omitempty"`
	Published string          `json:"published,omitempty"`
	Language  string          `json:"language,omitempty"`
	Excerpt   string          `json:"excerpt,omitempty"`
	Image     string          `json:"image,omitempty"`
	Markdown  string          `json:"markdown"`
	Text      string          `json:"text"`
	WordCount int             `json:"word_count"`
	Removed   []rules.Removal `json:"removed,omitempty"`
	Error     string          `json:"error,omitempty"`
}
