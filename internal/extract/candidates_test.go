package extract

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
)

// extractPage runs extraction as the pipeline does, without a prepare stage: a page the
// parser refuses is read as tag soup.
func extractPage(page string) (Article, error) {
	p, err := NewPage(page, nil, false, nil)
	if err != nil {
		return TagSoup(page, false), nil
	}
	return HTML(p)
}

const longStory = `<html><head><title>Harbour works</title><meta property="og:type" content="article"></head><body><nav><a href="/">Home</a></nav>
<article><h1>Harbour works</h1><p>Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday.</p>
<p>The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.</p></article></body></html>`

// A page that declares itself an article is readability's; the prepare stage then ran once, on the one DOM.
func TestChooserTakesReadabilityWhenEnough(t *testing.T) {
	calls := 0
	p, err := NewPage(longStory, nil, false, func(*html.Node) []rules.Removal { calls++; return nil })
	if err != nil {
		t.Fatal(err)
	}
	a, err := HTML(p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Candidate != "readability" || calls != 1 {
		t.Errorf("candidate %q after %d prepare calls, want readability after 1", a.Candidate, calls)
	}
	if !strings.Contains(renderText(a), "second road") {
		t.Errorf("article lost its text: %q", renderText(a))
	}
}

// A page with too little for readability is read again for the visible-text candidate,
// which wins with its declared main region; the title found first is kept.
func TestChooserFallsBackToVisibleText(t *testing.T) {
	calls := 0
	page := `<html><head><title>Shop</title></head><body><div>Menu</div><main><p>Closed for the holidays.</p></main></body></html>`
	p, err := NewPage(page, nil, true, func(*html.Node) []rules.Removal {
		calls++
		return []rules.Removal{{Rule: "x", Text: "y"}}
	})
	if err != nil {
		t.Fatal(err)
	}
	a, err := HTML(p)
	if err != nil {
		t.Fatal(err)
	}
	if a.Candidate != "visible-text" || !a.Declared || a.Title != "Shop" {
		t.Errorf("got candidate %q declared %v title %q", a.Candidate, a.Declared, a.Title)
	}
	if calls != 2 || len(p.Removed) != 1 {
		t.Errorf("prepare ran %d times (want 2: one per DOM) and left %d removals (want the last run's 1)", calls, len(p.Removed))
	}
}

func renderText(a Article) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		if n.Type == html.TextNode {
			b.WriteString(n.Data)
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			walk(c)
		}
	}
	walk(a.Root)
	return b.String()
}

// The block model's article of a page that declares nothing: both stories, in page
// order, and not the menu.
func TestBlockCandidate(t *testing.T) {
	page := `<html><head><title>Parish news</title></head><body>
<div class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/contact">Contact</a></div>
<table><tr><td><h2>Harvest supper</h2><p>The harvest supper is on Saturday in the church hall, with soup, bread and apple pie, and everyone in the village is welcome to come along.</p></td>
<td><h2>Bell ringing</h2><p>The bell ringers practise on Thursday evenings and would like new members. No experience is needed, only a head for heights and an ear for rhythm, they say.</p>
<p>Lessons are free, and the tower has been made safe after last winter's repairs to the stairs and the old oak floor of the ringing chamber.</p></td></tr></table>
</body></html>`
	p, err := NewPage(page, nil, true, nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := (readabilityCandidate{}).Extract(p); err != nil {
		t.Fatal(err)
	}
	a, err := blockCandidate{}.Extract(p)
	if err != nil {
		t.Fatal(err)
	}
	text := renderText(a)
	if !strings.Contains(text, "harvest supper") || !strings.Contains(text, "bell ringers") || strings.Contains(text, "Contact") {
		t.Errorf("block model's article: %q", text)
	}
	if len(a.Removed) == 0 || a.Removed[0].Rule != ByBlockModel {
		t.Errorf("removals %v, want the menu's blocks under %s", a.Removed, ByBlockModel)
	}
}

// The chooser: readability's article on a declared article, when the block model's
// mostly agrees with it, and when the block model's lies in readability's, the region the
// page declares as its article; the block model's when they differ.
func TestPrefer(t *testing.T) {
	long := newRoot()
	long.AppendChild(paragraph([]string{strings.Repeat("words and more words ", 20)}))
	read := Article{Root: long, Candidate: "readability"}
	for _, c := range []struct {
		name  string
		agree agreement
		want  bool
	}{
		{"declared", agreement{kept: 1000, inRead: 100, read: 900, declaresArticle: true}, false},
		{"agreeing", agreement{kept: 1000, inRead: 950, read: 1000}, false},
		{"more than readability", agreement{kept: 2000, inRead: 1000, read: 1000}, true},
		{"another block", agreement{kept: 1000, inRead: 50, read: 900}, true},
		{"part of the declared article", agreement{kept: 400, inRead: 400, read: 1000, declared: 1000}, false},
		{"part of an undeclared article", agreement{kept: 400, inRead: 400, read: 1000, declared: 0}, true},
		{"partly beyond the declared article", agreement{kept: 1000, inRead: 500, read: 1000, declared: 1000}, true},
	} {
		b := Article{Root: long, Candidate: blockModel, agree: c.agree}
		if got, why := prefer(b, read); got != c.want || why == "" {
			t.Errorf("%s: prefer = %v (%q), want %v with a reason", c.name, got, why, c.want)
		}
	}
}

// TestAboutTitle: a declared article is trusted when it holds a word of the page's title,
// or the title has too few content words to tell.
func TestAboutTitle(t *testing.T) {
	story := articleRoot(t, `<p>Scott and Kathy Cleveland from Idaho are among the thousands making the trip to London.</p>`)
	notice := articleRoot(t, `<p>This page is best viewed in an up-to-date web browser with style sheets enabled.</p>`)
	title := "Scott and Kathy Cleveland are coming to the Olympics"
	for _, c := range []struct {
		name  string
		root  *html.Node
		title string
		want  bool
	}{
		{"story", story, title, true},
		{"footer notice", notice, title, false},
		{"short title", notice, "Home page", true},
		{"no article", nil, title, false},
		{"case and punctuation", story, "CLEVELAND: a trip, Olympics!", true},
		{"none of three words", story, "Olympics: Games, Stadium", false},
	} {
		if got := aboutTitle(c.root, c.title); got != c.want {
			t.Errorf("%s: aboutTitle = %v, want %v", c.name, got, c.want)
		}
	}
}
