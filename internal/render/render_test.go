package render

import (
	"bufio"
	"bytes"
	"encoding/json"
	"os"
	"regexp"
	"strings"
	"testing"

	"github.com/cleanhq/clean/rules"
	"go.yaml.in/yaml/v3"
	"golang.org/x/net/html"
)

func fullDocument() Document {
	return Document{
		ID: "rec-1", Source: "page.html", URL: "https://news.example/a", Title: "A title: with a colon",
		Byline: "Jo Writer", SiteName: "News", Published: "2024-01-02T03:04:05Z", Language: "en",
		Excerpt: `He said "no" # twice`, Image: "https://news.example/a.jpg", Markdown: "Body *one*.\n\n- two",
		Text: "Body one.\n\ntwo", WordCount: 3, Removed: []rules.Removal{{Rule: "r", Text: "Tags"}}, Error: "e",
	}
}

// readmeSchema returns the field → type table of README.md's "JSON schema" section.
func readmeSchema(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("../../README.md")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	row := regexp.MustCompile("^\\| `([a-z_]+)` \\| ([a-z]+) \\|")
	fields := map[string]string{}
	in := false
	for sc := bufio.NewScanner(f); sc.Scan(); {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "#"):
			in = strings.Contains(line, "JSON schema")
		case in:
			if m := row.FindStringSubmatch(line); m != nil {
				fields[m[1]] = m[2]
			}
		}
	}
	if len(fields) == 0 {
		t.Fatal("no JSON schema table in README.md")
	}
	return fields
}

func jsonType(v any) string {
	switch v.(type) {
	case string:
		return "string"
	case float64:
		return "number"
	case []any:
		return "array"
	case map[string]any:
		return "object"
	}
	return "?"
}

// TestJSONSchemaMatchesREADME: the JSON record has exactly the fields, and types, that
// README.md documents.
func TestJSONSchemaMatchesREADME(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fullDocument(), FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	var got map[string]any
	if err := json.Unmarshal(b.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	want := readmeSchema(t)
	for k, v := range got {
		if want[k] == "" {
			t.Errorf("field %q is not in README.md's JSON schema", k)
		} else if jsonType(v) != want[k] {
			t.Errorf("field %q is a JSON %s, README.md says %s", k, jsonType(v), want[k])
		}
	}
	for k := range want {
		if _, ok := got[k]; !ok {
			t.Errorf("README.md documents %q, the record has no such field", k)
		}
	}
	for _, k := range []string{"source", "url", "title", "byline", "site_name", "published", "language",
		"excerpt", "image", "markdown", "text", "word_count"} {
		if want[k] == "" {
			t.Errorf("README.md lacks the required field %q", k)
		}
	}
}

// TestJSONOmitsEmpty: empty metadata is left out; markdown, text and word_count stay.
func TestJSONOmitsEmpty(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, Document{Source: "-"}, FormatJSON, Options{}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"source\": \"-\",\n  \"markdown\": \"\",\n  \"text\": \"\",\n  \"word_count\": 0\n}\n"
	if b.String() != want {
		t.Errorf("got %s", b.String())
	}
	b.Reset()
	if err := Write(&b, Document{Source: "-", Text: "<a> & b"}, FormatJSONL, Options{}); err != nil {
		t.Fatal(err)
	}
	if want := `{"source":"-","markdown":"","text":"<a> & b","word_count":0}` + "\n"; b.String() != want {
		t.Errorf("jsonl: got %s, want %s", b.String(), want)
	}
}

func TestMarkdownAndText(t *testing.T) {
	doc := fullDocument()
	for f, want := range map[Format]string{
		FormatMarkdown: "# A title: with a colon\n\nBody *one*.\n\n- two\n",
		FormatText:     "A title: with a colon\n\nBody one.\n\ntwo\n",
	} {
		var b bytes.Buffer
		if err := Write(&b, doc, f, Options{}); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got %q, want %q", f, b.String(), want)
		}
	}
	var b bytes.Buffer
	Write(&b, Document{Markdown: "Body"}, FormatMarkdown, Options{})
	if b.String() != "Body\n" {
		t.Errorf("no title: got %q", b.String())
	}
}

// TestFrontMatter: the metadata comes first as YAML that parses back to the same values.
func TestFrontMatter(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fullDocument(), FormatMarkdown, Options{FrontMatter: true}); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	if !strings.HasPrefix(out, "---\n") {
		t.Fatalf("no front matter: %q", out)
	}
	yml, body, ok := strings.Cut(out[4:], "\n---\n\n")
	if !ok || body != "# A title: with a colon\n\nBody *one*.\n\n- two\n" {
		t.Fatalf("bad layout: %q", out)
	}
	var meta map[string]any
	if err := yaml.Unmarshal([]byte(yml), &meta); err != nil {
		t.Fatal(err)
	}
	doc := fullDocument()
	for k, want := range map[string]any{"title": doc.Title, "byline": doc.Byline, "site_name": doc.SiteName,
		"published": doc.Published, "language": doc.Language, "url": doc.URL, "source": doc.Source,
		"excerpt": doc.Excerpt, "image": doc.Image, "word_count": 3} {
		if meta[k] != want {
			t.Errorf("%s = %#v, want %#v", k, meta[k], want)
		}
	}
}

func TestParseFormat(t *testing.T) {
	for s, want := range map[string]Format{"": FormatMarkdown, "md": FormatMarkdown, "Markdown": FormatMarkdown,
		"txt": FormatText, "text": FormatText, "json": FormatJSON, "jsonl": FormatJSONL} {
		if got, err := ParseFormat(s); err != nil || got != want {
			t.Errorf("ParseFormat(%q) = %s, %v", s, got, err)
		}
	}
	if _, err := ParseFormat("yaml"); err == nil {
		t.Error("yaml accepted")
	}
}

func TestCleanString(t *testing.T) {
	in := "a\tb\nc\r\n\x1b[1mbold\x1b[0m\x00\x07\x7f\u0085\u009b\u2028d é “q” 中"
	want := "a\tb\nc\n[1mbold[0m\nd é “q” 中"
	if got := CleanString(in); got != want {
		t.Errorf("CleanString = %q, want %q", got, want)
	}
}

func TestWordCount(t *testing.T) {
	for s, want := range map[string]int{"": 0, "one two": 2, "a | b — c": 3, "It's 3 o'clock.": 3, " - \n * ": 0} {
		if got := WordCount(s); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

func TestTextRendering(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h2>Head</h2><p>One  two<br>three</p><ul><li>x</li><li>y</li></ul>` +
		`<table><thead><tr><th>k</th><th>v</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>` +
		`<script>no()</script><p>last <b>bold</b></p>`))
	if err != nil {
		t.Fatal(err)
	}
	want := "Head\n\nOne two\nthree\n\nx\n\ny\n\nk | v\na | 1\n\nlast bold"
	if got := Text(doc); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestMarkdownLinks(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p><a href="/x">rel</a> <a href="javascript:go()">js</a> ` +
		`<a>bare</a> <a href="mailto:a@b.example">mail</a> <img src="data:image/png;base64,AA" alt="d"><img src="i.png" alt="ok"></p>`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Markdown(doc, "https://site.example/dir/page")
	if err != nil {
		t.Fatal(err)
	}
	want := "[rel](https://site.example/x) js bare [mail](mailto:a@b.example) ![ok](https://site.example/dir/i.png)"
	if got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}
