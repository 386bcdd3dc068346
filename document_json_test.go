package clean

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"reflect"
	"testing"

	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/rules"
)

// jsonDocs are documents with every field set, none, and the shapes between.
var jsonDocs = []Document{
	{},
	{Source: "-", Markdown: "", Text: ""},
	{Source: "page.html", URL: "https://example.com/a?b=1&c=<2>", Title: "A \"title\"", Byline: "By Ann",
		SiteName: "Example", Published: "2024-01-02", Modified: "2024-01-03T10:00:00Z", Tags: []string{"a", "b & c"},
		Language: "en", Excerpt: "Short\u2028summary", Image: "https://example.com/i.png",
		Markdown: "# Head\n\n*x* <b>\\", Text: "Head\n\nx\tb \xff", HTML: "<!DOCTYPE html><p>x</p>", WordCount: 12,
		Comments: "a comment", Removed: []rules.Removal{{Rule: "ads", Text: "{mosads}"}, {Rule: "copy", Text: "© 2024"}},
		Extractor: "text: the block model", titled: true},
	{Source: "t.txt", Tags: []string{}, Removed: []rules.Removal{}, WordCount: -1},
	{Source: "t.txt", Tags: []string{""}, Removed: []rules.Removal{{}}},
}

// TestDocumentJSON holds the hand-written JSON form of a Document to the bytes of
// encoding/json, in both formats that print it.
func TestDocumentJSON(t *testing.T) {
	for _, d := range jsonDocs {
		checkDocumentJSON(t, d)
	}
}

// TestDocumentJSONEveryField sets every exported field, so that a field added to Document
// without its line in appendJSON fails here.
func TestDocumentJSONEveryField(t *testing.T) {
	var d Document
	v := reflect.ValueOf(&d).Elem()
	for i := range v.NumField() {
		f := v.Field(i)
		if !v.Type().Field(i).IsExported() {
			continue
		}
		switch f.Kind() {
		case reflect.String:
			f.SetString(v.Type().Field(i).Name + " <&>\u2028")
		case reflect.Int:
			f.SetInt(int64(i))
		case reflect.Slice:
			s := reflect.MakeSlice(f.Type(), 2, 2)
			if s.Index(0).Kind() == reflect.String {
				s.Index(0).SetString("first")
			}
			f.Set(s)
		default:
			t.Fatalf("field %s: kind %s not covered by this test", v.Type().Field(i).Name, f.Kind())
		}
	}
	checkDocumentJSON(t, d)
}

// TestDocumentJSONPlain: the documents of the ScrapingHub text dumps, most of whose Text
// and Markdown the pipeline finds plain for JSON (written for their line breaks only),
// have the JSON of encoding/json; and a Text changed after the pipeline is read again.
func TestDocumentJSONPlain(t *testing.T) {
	files, _ := filepath.Glob("testdata/bench/scrapinghub/textdumps/*.txt")
	opts := Options{Kind: KindText, Rules: rules.Builtin(), Format: FormatJSONL}
	plain := 0
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		d, err := Clean(context.Background(), Input{Name: f, Data: data}, opts)
		if err != nil {
			continue
		}
		if d.plainText.Of != "" {
			plain++
			checkDocumentJSON(t, d)
			d.Text = d.Text[:len(d.Text)/2] + "\"" + d.Text[len(d.Text)/2+1:]
		}
		checkDocumentJSON(t, d)
	}
	if plain == 0 {
		t.Error("no document's Text was found plain for JSON")
	}
}

func FuzzDocumentJSON(f *testing.F) {
	f.Add("page.html", "Title <b>", "body\n\ntext \u2029", "tag", "rule", 3)
	f.Add("", "", "", "", "", 0)
	f.Fuzz(func(t *testing.T, source, title, body, tag, rule string, words int) {
		d := Document{Source: source, Title: title, Markdown: body, Text: body, Tags: []string{tag, title},
			WordCount: words, Removed: []rules.Removal{{Rule: rule, Text: body}}, Extractor: rule}
		checkDocumentJSON(t, d)
	})
}

func checkDocumentJSON(t *testing.T, d Document) {
	t.Helper()
	for _, indent := range []string{"", "  "} {
		want, err := render.JSON(d, indent)
		if err != nil {
			t.Fatal(err)
		}
		if got := documentJSON(nil, d, indent); !bytes.Equal(got, want) {
			t.Errorf("indent %q:\n%s\nencoding/json:\n%s", indent, got, want)
		}
	}
}

// BenchmarkDocumentJSON compares the hand-written JSON form with encoding/json on the
// documents of the WCEB development dumps (bytes: of JSON written).
//
//	go test -bench DocumentJSON -run '^$' -cpu 1 -benchmem .
func BenchmarkDocumentJSON(b *testing.B) {
	files, _ := filepath.Glob(filepath.Join("../shared/bench/wceb-dev/textdumps", "*", "*.txt"))
	if len(files) == 0 {
		b.Skip("no WCEB dumps beside the project")
	}
	opts := Options{Kind: KindText, Rules: rules.Builtin(), Format: FormatJSONL}
	var docs []Document
	size := int64(0)
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			b.Fatal(err)
		}
		if d, err := Clean(context.Background(), Input{Name: f, Data: data}, opts); err == nil {
			docs = append(docs, d)
			size += int64(len(documentJSON(nil, d, "")))
		}
	}
	for _, enc := range []struct {
		name  string
		write func(Document) []byte
	}{
		{"encoding-json", func(d Document) []byte { out, _ := render.JSON(d, ""); return out }},
		{"writer", func(d Document) []byte { return documentJSON(nil, d, "") }},
	} {
		b.Run(enc.name, func(b *testing.B) {
			b.SetBytes(size)
			b.ReportAllocs()
			for b.Loop() {
				for _, d := range docs {
					enc.write(d)
				}
			}
		})
	}
}
