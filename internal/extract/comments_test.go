package extract

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
)

const commentedPage = `<html><head><title>Harbour works</title><meta property="og:type" content="article"></head><body>
<article><h1>Harbour works</h1><p>Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday.</p>
<p>The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.</p></article>
<div id="comments"><h3>2 comments</h3><ol class="commentlist">
<li><p class="author">Ann, June 3</p><p>About time too. The old road floods every winter and the buses take the long way round.</p><a href="/reply?c=1">Reply</a></li>
<li><p class="author">Bo, June 4</p><p>Will the cycle lane stay open while they work on it?</p><a href="/reply?c=2">Reply</a></li>
</ol></div></body></html>`

// extractComments extracts page as HTML does, with or without its comments.
func extractComments(t *testing.T, page string, comments bool) Article {
	t.Helper()
	p, err := NewPage(page, nil, false, nil)
	if err != nil {
		t.Fatal(err)
	}
	p.Comments = comments
	a, err := HTML(p)
	if err != nil {
		t.Fatal(err)
	}
	return a
}

// With Comments, the thread comes apart from the article, without its reply links.
func TestCommentThread(t *testing.T) {
	for _, want := range []bool{false, true} {
		a := extractComments(t, commentedPage, want)
		if body := blocks.Text(a.Root); strings.Contains(body, "About time") || !strings.Contains(body, "second road") {
			t.Errorf("comments %v: article %q", want, body)
		}
		if !want {
			if a.Comments != nil {
				t.Errorf("comments off: got a thread %q", blocks.Text(a.Comments))
			}
			continue
		}
		if a.Comments == nil {
			t.Fatal("comments on: no thread")
		}
		c := blocks.Text(a.Comments)
		if !strings.Contains(c, "About time too") || !strings.Contains(c, "cycle lane") || strings.Contains(c, "Reply") {
			t.Errorf("thread %q", c)
		}
	}
}

// A region marked as comments that holds most of the page is no thread.
func TestCommentThreadNotWholePage(t *testing.T) {
	page := strings.Replace(commentedPage, "<body>", `<body><div class="comments-open">`, 1)
	page = strings.Replace(page, `<div id="comments">`, `<div>`, 1)
	if a := extractComments(t, page, true); a.Comments != nil {
		t.Errorf("got a thread %q", blocks.Text(a.Comments))
	}
}

// The thread's reply form is no comment; a form around the whole page (ASP.NET's) takes
// nothing from the thread.
func TestCommentThreadReplyForm(t *testing.T) {
	withForm := strings.Replace(commentedPage, "</ol></div>", `</ol><form action="/post"><p>Leave a reply</p><label>Name</label> <input name="n"><p>Your email address will not be published.</p></form></div>`, 1)
	wrapped := strings.Replace(strings.Replace(commentedPage, "<body>", `<body><form action="/page.aspx">`, 1), "</body>", "</form></body>", 1)
	for _, c := range []struct {
		name, page, want, not string
	}{
		{"reply form", withForm, "cycle lane", "email address"},
		{"page form", wrapped, "cycle lane", "Reply"},
	} {
		a := extractComments(t, c.page, true)
		if a.Comments == nil {
			t.Fatalf("%s: no thread", c.name)
		}
		if got := blocks.Text(a.Comments); !strings.Contains(got, c.want) || strings.Contains(got, c.not) {
			t.Errorf("%s: thread %q", c.name, got)
		}
	}
}
