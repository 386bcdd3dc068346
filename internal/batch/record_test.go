package batch

import (
	"errors"
	"testing"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/render"
)

// A batch record is the Document with id first and error last, the order README's JSON
// schema gives; a failed input's record names the cause, not the input twice.
func TestRecordLayout(t *testing.T) {
	out, err := render.JSON(Record{ID: "r1", Document: clean.Document{Source: "a.html", Title: "T"}, Error: "e"}, "")
	if err != nil {
		t.Fatal(err)
	}
	want := `{"id":"r1","source":"a.html","title":"T","markdown":"","text":"","word_count":0,"error":"e"}` + "\n"
	if string(out) != want {
		t.Errorf("record %s, want %s", out, want)
	}
	rec := errorRecord(&Task{Name: "x.jsonl:3", ID: "r3"}, clean.Named("x.jsonl:3", errors.New("no text found")))
	if want := `{"id":"r3","source":"x.jsonl:3","markdown":"","text":"","word_count":0,"error":"no text found"}` + "\n"; string(rec) != want {
		t.Errorf("error record %s, want %s", rec, want)
	}
}

// The record of a cleaned input is written without reflection; it must be the bytes
// encoding/json writes for its Record, with or without an id that needs escaping.
func TestRecordJSON(t *testing.T) {
	doc := clean.Document{Source: "a <b>.html", Title: "T \"q\"", Tags: []string{"x"}, Markdown: "m\u2028", Text: "t\x00", WordCount: 2}
	for _, id := range []string{"", "r1", "id \"with\" \\ and \xff"} {
		want, err := render.JSON(Record{ID: id, Document: doc}, "")
		if err != nil {
			t.Fatal(err)
		}
		got, err := jsonlRecord(&Task{Name: doc.Source, ID: id}, doc)
		if err != nil {
			t.Fatal(err)
		}
		if string(got) != string(want) {
			t.Errorf("id %q: record %s, encoding/json %s", id, got, want)
		}
	}
}
