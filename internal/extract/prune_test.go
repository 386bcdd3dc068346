package extract

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// body is an article body long enough that no single boilerplate block holds a large
// share of it.
const body = `<p>The council voted on Tuesday to rebuild the old bridge over the river, ending a debate that had lasted for more than a decade and divided the town into two camps.</p>
<p>Engineers said the work would take three years and cost less than the repairs proposed in earlier plans, because the foundations of the old bridge could be reused.</p>
<p>Residents who spoke at the meeting were mostly in favour, though several asked for a footpath wide enough for bicycles and prams on both sides.</p>`

func articleRoot(t *testing.T, inner string) *html.Node {
	t.Helper()
	nodes, err := html.ParseFragment(strings.NewReader(inner), &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div})
	if err != nil {
		t.Fatal(err)
	}
	root := newRoot()
	for _, n := range nodes {
		root.AppendChild(n)
	}
	return root
}

func TestPruneRemovesBoilerplate(t *testing.T) {
	cases := []struct{ name, html, gone string }{
		{"nav", `<nav><a href="/">Home</a> <a href="/news">News</a></nav>`, "Home"},
		{"site header", `<header><a href="/">Gazette</a> <p>Local news since 1901</p></header>`, "since 1901"},
		{"caption class", `<div class="image-caption">Photo: Town archive</div>`, "Town archive"},
		{"camel-case class", `<div class="shareBar">Share this story</div>`, "Share this story"},
		{"author box", `<div id="post-author"><p>Jane Doe writes about towns.</p></div>`, "Jane Doe writes"},
		{"related links", `<ul><li><a href="/a">Bridge fund launched</a></li><li><a href="/b">Mayor resigns</a></li></ul>`, "Mayor resigns"},
		{"link-only paragraph", `<p><a href="/c">READ MORE: Ferry service ends</a></p>`, "Ferry service ends"},
		{"hidden", `<div style="display: none">Subscribe to read more</div>`, "Subscribe to read more"},
		{"aria-hidden", `<div aria-hidden="true">Advertisement</div>`, "Advertisement"},
		{"newsletter", `<section class="newsletter-signup"><p>Get our daily email.</p></section>`, "daily email"},
		{"dateline", `<p>Updated 10:01 pm, Tuesday, November 19, 2019</p>`, "10:01 pm"},
		{"time element", `<div>Posted <time datetime="2019-11-19">Tuesday</time></div>`, "Posted"},
		{"menu with a submenu", `<ul><li><a href="/news">News</a><ul><li><a href="/local">Local</a></li><li><a href="/world">World</a></li></ul></li><li><a href="/sport">Sport</a></li></ul>`, "World"},
		{"site map with long labels", `<ul><li>Entertainment &amp; Arts<ul><li><a href="/film">Film</a></li><li><a href="/music">Music</a></li></ul></li><li>Science and Technology<ul><li><a href="/space">Space</a></li><li><a href="/health">Health</a></li></ul></li></ul>`, "Health"},
		{"sidebar widgets", `<ul><li>Hello stranger, let's connect :-)</li><li>The brain behind<ul><li><a href="/?page_id=2">Curious about me?</a></li><li><a href="/?page_id=8939">Become a sponsor</a></li></ul></li></ul>`, "Become a sponsor"},
		{"box of stories under its title", `<ol class="grid"><li><div class="title">Don't miss these Health stories</div><ol class="stories"><li><a href="/z">Docs warn of rise in Zumba injuries</a></li><li><a href="/m">Weightlifter's mole</a></li></ol></li></ol>`, "Zumba"},
		{"separator set as a heading", `<h2>______________________________</h2>`, "___"},
		{"links beside a page laid out in a table", `<table><tr><td><h2>Bridge to be rebuilt</h2><p>By our reporter</p></td><td><ul><li><a href="/a">Bridge fund launched</a></li><li><a href="/b">Mayor resigns</a></li></ul></td></tr></table>`, "Mayor resigns"},
		{"menu cell of a layout table", `<table><tr><td><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></td></tr><tr><td><h2>Bridge to be rebuilt</h2><ul><li>Three years</li><li>Less cost</li></ul></td></tr></table>`, "Sport"},
		{"related stories titled", `<ul><li><a href="https://gazette.example/a">https: the bridge fund</a></li><li><a href="/b">Mayor resigns</a></li></ul>`, "Mayor resigns"},
	}
	for _, c := range cases {
		root := articleRoot(t, c.html+body)
		prune(root, "")
		got := blocks.Text(root)
		if strings.Contains(got, c.gone) {
			t.Errorf("%s: %q kept:\n%s", c.name, c.gone, got)
		}
		if !strings.Contains(got, "Residents who spoke") || !strings.Contains(got, "The council voted") {
			t.Errorf("%s: article text lost:\n%s", c.name, got)
		}
	}
}

func TestPruneKeepsArticle(t *testing.T) {
	cases := []struct{ name, html, kept string }{
		// A boilerplate-looking class on the block holding most of the text is not trusted.
		{"main block with a meta class", `<div class="post-meta">` + body + `</div>`, "Residents who spoke"},
		{"figure caption", `<figure><img src="a.jpg"><figcaption>The bridge in 1950.</figcaption></figure>`, "The bridge in 1950."},
		{"figure marked as caption", `<div class="wp-caption"><img src="a.jpg"><p>The bridge in 1950.</p></div>`, "The bridge"},
		{"heading that links to itself", `<h2><a href="#rebuild">Why rebuild</a></h2><p>The old piers are sound.</p>`, "Why rebuild"},
		{"table cells of links", `<table><tr><th>Version</th><th>Date</th></tr><tr><td><a href="/v2">2.0</a></td><td>May</td></tr></table>`, "2.0"},
		{"table of contents", `<ul><li><a href="#why">Why</a></li><li><a href="#how">How</a></li></ul><h2 id="why">Why</h2><p>Because.</p><h2 id="how">How</h2>`, "How"},
		{"infobox list", `<table><tr><th>Anthems</th><td><ul><li><a href="/a">God Defend</a></li><li><a href="/b">God Save</a></li></ul></td></tr></table>`, "God Save"},
		{"section id made from its heading", `<div id="sharing-with-a-single-developer"><h2>Sharing with one developer</h2><p>Push and pull between two clones.</p></div>`, "Push and pull"},
		{"formula image hidden from screen readers", `<p>So <img src="f.svg" alt="x^2" aria-hidden="true"> holds.</p>`, "So"},
		{"section that is a list of links", `<h2>See also</h2><ul><li><a href="/x">Ferry routes</a></li><li><a href="/y">River crossings</a></li></ul><h2>Notes</h2><p>Figures are from the council's 2019 survey of the river.</p>`, "River crossings"},
		{"list of links under a term used as a heading", `<h2>External links</h2><dl><dt>Government</dt></dl><ul><li><a href="https://www.govt.nz/">Government portal</a></li><li><a href="https://www.mch.govt.nz/">Ministry for Culture</a></li></ul><dl><dt>Travel</dt></dl><ul><li>Official site of tourism</li></ul>`, "Ministry for Culture"},
		{"list of links under a term used as a heading, ending the article", `<h2>External links</h2><dl><dt>General information</dt></dl><ul><li><a href="https://www.cia.gov/nz">New Zealand</a> at <a href="/wiki/Factbook">The World Factbook</a></li><li><a href="https://curlie.org/nz">New Zealand</a> at <a href="/wiki/Curlie">Curlie</a></li></ul>`, "Curlie"},
		{"negated class", `<div class="list_item no_caption"><h2>The mother described her last hours.</h2><p>She spoke to reporters on Monday.</p></div>`, "The mother described"},
		{"cells marked by class", `<table><tr><td class="header_cell">Version</td><td class="date">Released</td></tr><tr><td class="version"><a href="/v2">2.0</a></td><td class="date">May 2024</td></tr></table>`, "May 2024"},
		{"standfirst in the article's header", `<header><h2>Bridge to be rebuilt</h2><p class="standfirst">The council ends a decade of debate.</p></header>`, "decade of debate"},
		{"list of who did what", `<ul><li>Jane Roe <a href="/b1">fixed the crash on start</a></li><li>John Doe <a href="/b2">removed the old menu</a></li></ul>`, "John Doe"},
		{"list of prose", `<ul><li>Repair the piers before the spring floods arrive.</li><li>Open a temporary ferry for pedestrians.</li></ul>`, "temporary ferry"},
		{"list with one link", `<ul><li>Read the <a href="/r">engineers' report</a> before the meeting on Friday.</li></ul>`, "engineers' report"},
		{"heading with text after it", `<h2>What happens next</h2><p>Work starts in May, weather permitting, and the road will close.</p>`, "What happens next"},
		{"sub-list of an item that says what it lists", `<ul><li>Fixed: the crash on start.</li><li>In progress:<ul><li><a href="/b1">Bug 1 – Fullscreen window moves</a></li><li><a href="/b2">Bug 2 – Telemetry for windows</a></li></ul></li></ul>`, "Telemetry for windows"},
		{"sources that show their addresses, ending the article", `<h2>Sources &amp; links</h2><ul><li><a href="https://nodejs.org/api/inspector.html">https://nodejs.org/api/inspector.html</a></li><li><a href="https://www.npmjs.com/package/inspector-api">https://www.npmjs.com/package/inspector-api</a></li></ul>`, "npmjs.com/package"},
		{"paragraph with a hashed id", `<p id="e1ad">With the inspector module you can do much more, here is a list:</p>`, "here is a list"},
		{"an image's caption as a list item", `<ul><li>Fission is ready.<ul><li><div class="wp-caption"><img src="a.png"><p class="wp-caption-text">Users of many profiles see this less!</p></div></li></ul></li></ul>`, "see this less"},
		{"heading over the article's last picture", `<h2>The bridge at night</h2><img src="night.jpg" alt="lit piers">`, "The bridge at night"},
		{"timeline in the middle", body + `<p>12.03.2019 – first survey</p><p>04.05.2020 – design approved</p>` + body, "design approved"},
	}
	for _, c := range cases {
		root := articleRoot(t, body+c.html)
		prune(root, "")
		if got := blocks.Text(root); !strings.Contains(got, c.kept) {
			t.Errorf("%s: %q removed:\n%s", c.name, c.kept, got)
		}
	}
}

// TestPruneRelatedAtTheEnd: a list of links under a heading that ends the article is
// "Related stories", removed with its heading.
func TestPruneRelatedAtTheEnd(t *testing.T) {
	root := articleRoot(t, body+`<h3>More stories</h3><ul><li><a href="/a">Bridge fund launched</a></li><li><a href="/b">Mayor resigns</a></li></ul>`)
	prune(root, "")
	if got := blocks.Text(root); strings.Contains(got, "Mayor resigns") || strings.Contains(got, "More stories") {
		t.Errorf("related list kept:\n%s", got)
	}
}

func TestPruneBylineAndTrailingHeading(t *testing.T) {
	root := articleRoot(t, `<p>By Jane Doe</p>`+body+`<h3>More from the town</h3>`)
	prune(root, "Jane Doe")
	got := blocks.Text(root)
	for _, gone := range []string{"By Jane Doe", "More from the town"} {
		if strings.Contains(got, gone) {
			t.Errorf("%q kept:\n%s", gone, got)
		}
	}
}

// A short page of headings over pictures keeps them: the visible text holds no more than
// readability's article, which has the structure.
func TestFallbackTieKeepsStructure(t *testing.T) {
	a, err := extractPage(`<html><body><article><h2>Test Case 1</h2><img data-src="https://example.com/a.jpg" alt="a">
<h2>Test Case 2</h2><img data-src="https://example.com/b.png" alt="b"></article></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	if a.Candidate == visibleText {
		t.Fatalf("candidate %s (%s), want the structured article", a.Candidate, a.Why)
	}
	if got := len(descendants(a.Root, atom.H2)); got != 2 {
		t.Errorf("%d headings kept, want 2", got)
	}
	if got := len(descendants(a.Root, atom.Img)); got != 2 {
		t.Errorf("%d images kept, want 2", got)
	}
}

func TestClassWords(t *testing.T) {
	got := strings.Join(classWords("article__image-caption shareBar  ad2 HTMLBody e1ad 3c5b div-gpt-ad-300x250"), ",")
	if want := "article,image,caption,share,bar,ad,htmlbody,e,div,gpt,ad"; got != want {
		t.Errorf("classWords = %s, want %s", got, want)
	}
}

func TestPrepruneKeepsJSONLD(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<html><head><script type="application/ld+json">{"author":"X"}</script><script>track()</script><style>p{}</style></head>
<body><nav>Menu</nav><!-- c --><div hidden>Secret</div><p>Text</p></body></html>`))
	if err != nil {
		t.Fatal(err)
	}
	preprune(doc)
	var b strings.Builder
	if err := html.Render(&b, doc); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	for _, gone := range []string{"track()", "p{}", "Menu", "<!--", "Secret"} {
		if strings.Contains(out, gone) {
			t.Errorf("%q kept: %s", gone, out)
		}
	}
	if !strings.Contains(out, `{"author":"X"}`) || !strings.Contains(out, "<p>Text</p>") {
		t.Errorf("JSON-LD or text lost: %s", out)
	}
}

func TestPrepruneLandmarkRoles(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<body><div role="banner">Site name</div><div role="navigation">Menu</div><div role="main"><p>Story text.</p></div><div role="contentinfo">Imprint</div></body>`))
	if err != nil {
		t.Fatal(err)
	}
	preprune(doc)
	got := blocks.Text(doc)
	if got != "Story text." {
		t.Errorf("text after preprune = %q, want only the story", got)
	}
}

// When readability gives up, the fallback takes the visible text of the page's main region
// if it has one, else of the whole body.
func TestFallbackPrefersMainRegion(t *testing.T) {
	page := `<html><body><div class="menu"><a href="/">Home</a> <a href="/shop">Shop</a></div>
<main><p>Closed for the holidays.</p></main><div>Call 555 0100 · Imprint</div></body></html>`
	a, err := extractPage(page)
	if err != nil {
		t.Fatal(err)
	}
	if got := blocks.Text(a.Root); got != "Closed for the holidays." {
		t.Errorf("fallback text = %q, want the main region only", got)
	}
	a, err = extractPage(`<html><body><div>Closed for the holidays.</div><div>Call 555 0100</div></body></html>`)
	if err != nil {
		t.Fatal(err)
	}
	if got := blocks.Text(a.Root); got != "Closed for the holidays.\nCall 555 0100" {
		t.Errorf("fallback text = %q, want all of the body", got)
	}
}
