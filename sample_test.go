package clean_test

import (
	"context"
	"os"
	"slices"
	"strings"
	"testing"

	"github.com/cleanhq/clean"
)

// TestSample checks the sample scraped page that started the project: the output is its
// first line as the title and its next 15 paragraphs unchanged (only the leading {mosads}
// token and the trailing white space go), and none of the page furniture that follows.
func TestSample(t *testing.T) {
	const path = "testdata/samples/thehill-obama-china.txt"
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	doc, err := clean.Clean(context.Background(), clean.Input{Name: path, Data: data}, clean.Options{})
	if err != nil {
		t.Fatal(err)
	}
	paras := strings.Split(string(data), "\n\n")
	if doc.Title != paras[0] {
		t.Errorf("title = %q, want %q", doc.Title, paras[0])
	}
	var want []string
	for _, p := range paras[1:16] {
		want = append(want, strings.TrimSpace(strings.TrimPrefix(p, "{mosads}")))
	}
	if got := strings.Split(doc.Text, "\n\n"); !slices.Equal(got, want) {
		t.Errorf("body: got %d paragraphs, want the %d of the sample:\ngot:\n%s\nwant:\n%s",
			len(got), len(want), strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if doc.Markdown != doc.Text {
		t.Errorf("markdown differs from text for plain paragraphs:\n%s", doc.Markdown)
	}
	for _, keep := range []string{"the other other", "“This is something that I’ve raised", "industry groups’ argument"} {
		if !strings.Contains(doc.Text, keep) {
			t.Errorf("lost %q", keep)
		}
	}
	for _, gone := range []string{"mosads", "Tags", "Copyright", "Nexstar", "All rights reserved", "Main Area",
		"↴", "Testing Homepage Widget", "Most Popular", "Load more", "Video"} {
		if strings.Contains(doc.Markdown, gone) || strings.Contains(doc.Text, gone) {
			t.Errorf("output still holds %q", gone)
		}
	}
}
