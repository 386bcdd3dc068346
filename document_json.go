package clean

import (
	"slices"

	"github.com/cleanhq/clean/internal/render"
)

// appendJSON writes the members of d's JSON form to w, in the order and with the
// omissions of its json tags (TestDocumentJSON holds the two to the same bytes as
// encoding/json).
func (d Document) appendJSON(w *render.JSONWriter) {
	w.StringField("source", d.Source, false)
	w.StringField("url", d.URL, true)
	w.StringField("title", d.Title, true)
	w.StringField("byline", d.Byline, true)
	w.StringField("site_name", d.SiteName, true)
	w.StringField("published", d.Published, true)
	w.StringField("modified", d.Modified, true)
	w.StringsField("tags", d.Tags)
	w.StringField("language", d.Language, true)
	w.StringField("excerpt", d.Excerpt, true)
	w.StringField("image", d.Image, true)
	d.stringField(w, "markdown", d.Markdown, d.plainMarkdown)
	d.stringField(w, "text", d.Text, d.plainText)
	w.StringField("html", d.HTML, true)
	w.Key("word_count")
	w.Int(d.WordCount)
	w.StringField("comments", d.Comments, true)
	if len(d.Removed) > 0 {
		w.Key("removed")
		w.Open('[')
		for _, r := range d.Removed {
			w.Elem()
			w.Open('{')
			w.StringField("rule", r.Rule, false)
			w.StringField("text", r.Text, false)
			w.Close('}')
		}
		w.Close(']')
	}
	w.StringField("extractor", d.Extractor, true)
}

// stringField writes the member k: s, whose parts plain tells of when it is plain.Of (the
// same string, not changed since the pipeline said so).
func (d Document) stringField(w *render.JSONWriter, k, s string, plain render.JSONPlain) {
	if s != "" && s == plain.Of {
		w.PlainField(k, plain)
		return
	}
	w.StringField(k, s, false)
}

// jsonSize is a first guess at the size of d's JSON form, a little over most.
func (d Document) jsonSize() int {
	n := len(d.Markdown) + len(d.Text) + len(d.HTML) + len(d.Comments)
	return n + n/8 + 512 // escapes: a newline takes two bytes
}

// documentJSON appends to dst d's JSON form and a newline, as encoding/json writes it
// (HTML characters unescaped, indented by indent, "" for one line).
func documentJSON(dst []byte, d Document, indent string) []byte {
	w := render.NewJSONWriter(slices.Grow(dst, d.jsonSize()), indent)
	w.Open('{')
	d.appendJSON(w)
	w.Close('}')
	return w.Bytes()
}
