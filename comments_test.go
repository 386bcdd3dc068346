package clean_test

import (
	"context"
	"strings"
	"testing"

	"github.com/cleanhq/clean"
)

// Options.Comments puts the reader comments in Document.Comments, after the article in
// Text, and in a section of their own in Markdown; without it there are none.
func TestComments(t *testing.T) {
	page := []byte(`<html><head><title>Harbour works</title><meta property="og:type" content="article"></head><body>
<article><p>Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday.</p>
<p>The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.</p></article>
<section class="comments"><p>About time too. The old road floods every winter and the buses take the long way round.</p></section></body></html>`)
	in := clean.Input{Name: "page.html", Data: page}
	doc, err := clean.Clean(context.Background(), in, clean.Options{Kind: clean.KindHTML, Comments: true})
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(doc.Comments, "About time too") || !strings.HasSuffix(doc.Text, doc.Comments) {
		t.Errorf("comments %q, text %q", doc.Comments, doc.Text)
	}
	if !strings.Contains(doc.Markdown, "second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.\n\n## Comments\n\nAbout time too.") {
		t.Errorf("markdown %q", doc.Markdown)
	}
	doc, err = clean.Clean(context.Background(), in, clean.Options{Kind: clean.KindHTML})
	if err != nil {
		t.Fatal(err)
	}
	if doc.Comments != "" || strings.Contains(doc.Text, "About time") {
		t.Errorf("comments off: comments %q, text %q", doc.Comments, doc.Text)
	}
}
