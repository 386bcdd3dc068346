package clean

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
)

func fullDocument() Document {
	return Document{
		Source: "page.html", URL: "https://news.example/a", Title: "A title: with a colon",
		Byline: "Jo Writer", SiteName: "News", Published: "2024-01-02T03:04:05Z", Language: "en",
		Modified: "2024-01-03T04:05:06-08:00", Tags: []string{"news", "harbour"},
		Excerpt: `He said "no" # twice`, Image: "https://news.example/a.jpg", Markdown: "Body *one*.\n\n- two",
		Text: "Body one.\n\ntwo", WordCount: 3, Removed: []rules.Removal{{Rule: "r", Text: "Tags"}},
		Extractor: "readability: first candidate", Comments: "Nice piece.",
	}
}

// readmeSchema returns the field → type table of README.md's "JSON schema" section.
func readmeSchema(t *testing.T) map[string]string {
	t.Helper()
	f, err := os.Open("README.md")
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

// batchOnly are the fields a batch record adds around the Document (internal/batch
// checks them).
var batchOnly = map[string]bool{"id": true, "error": true}

// TestJSONSchemaMatchesREADME: the JSON record has exactly the fields, and types, that
// README.md documents.
func TestJSONSchemaMatchesREADME(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fullDocument(), FormatJSON, WriteOptions{}); err != nil {
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
		if _, ok := got[k]; !ok && !batchOnly[k] {
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
	if err := Write(&b, Document{Source: "-"}, FormatJSON, WriteOptions{}); err != nil {
		t.Fatal(err)
	}
	want := "{\n  \"source\": \"-\",\n  \"markdown\": \"\",\n  \"text\": \"\",\n  \"word_count\": 0\n}\n"
	if b.String() != want {
		t.Errorf("got %s", b.String())
	}
	b.Reset()
	if err := Write(&b, Document{Source: "-", Text: "<a> & b"}, FormatJSONL, WriteOptions{}); err != nil {
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
		if err := Write(&b, doc, f, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		if b.String() != want {
			t.Errorf("%s: got %q, want %q", f, b.String(), want)
		}
	}
	var b bytes.Buffer
	Write(&b, Document{Markdown: "Body"}, FormatMarkdown, WriteOptions{})
	if b.String() != "Body\n" {
		t.Errorf("no title: got %q", b.String())
	}
}

// TestFrontMatter: the metadata comes first as YAML that parses back to the same values.
func TestFrontMatter(t *testing.T) {
	var b bytes.Buffer
	if err := Write(&b, fullDocument(), FormatMarkdown, WriteOptions{FrontMatter: true}); err != nil {
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

// TestAppendTitled: the text and Markdown writers' output is the title and the body that
// are not empty, a blank line between them, and a newline.
func TestAppendTitled(t *testing.T) {
	for _, c := range []struct{ title, body, want string }{
		{"", "", "\n"},
		{"T", "", "T\n"},
		{"", "B", "B\n"},
		{"T", "B\n\nC", "T\n\nB\n\nC\n"},
	} {
		if got := string(appendTitled(nil, c.title, c.body)); got != c.want {
			t.Errorf("appendTitled(%q, %q) = %q, want %q", c.title, c.body, got, c.want)
		}
		if got := string(appendTitled([]byte("---\n"), c.title, c.body)); got != "---\n"+c.want {
			t.Errorf("appendTitled after front matter (%q, %q) = %q", c.title, c.body, got)
		}
	}
}

// TestWriteReusesBuffer: Write renders into a buffer it uses again for the next
// document (outBuffers); what it wrote before, longer or shorter, leaves no trace.
func TestWriteReusesBuffer(t *testing.T) {
	long, short := fullDocument(), Document{Source: "s", Markdown: "Body", Text: "Body"}
	long.Markdown, long.Text = strings.Repeat("Body line.\n", 500), strings.Repeat("Body line.\n", 500)
	for _, f := range Formats() {
		var want bytes.Buffer
		if err := Write(&want, short, f, WriteOptions{}); err != nil {
			t.Fatal(err)
		}
		for range 3 {
			var b bytes.Buffer
			if err := Write(&b, long, f, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			b.Reset()
			if err := Write(&b, short, f, WriteOptions{}); err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(b.Bytes(), want.Bytes()) {
				t.Errorf("%s after a longer document: got %q, want %q", f, b.Bytes(), want.Bytes())
			}
		}
	}
}
