package clean_test

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"strings"
	"testing"

	readability "codeberg.org/readeck/go-readability/v2"
	"github.com/cleanhq/clean"
)

func cleanString(t *testing.T, name, data, pageURL string) clean.Document {
	t.Helper()
	doc, err := clean.Clean(context.Background(), clean.Input{Name: name, URL: pageURL, Data: []byte(data)}, clean.Options{})
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// allOutputs renders doc in every format; for JSON it also returns the decoded strings, as
// the encoder escapes control characters.
func allOutputs(t *testing.T, doc clean.Document) map[string]string {
	t.Helper()
	out := map[string]string{}
	for _, f := range clean.Formats() {
		for _, fm := range []bool{false, true} {
			var b bytes.Buffer
			if err := clean.Write(&b, doc, f, clean.WriteOptions{FrontMatter: fm}); err != nil {
				t.Fatal(err)
			}
			out[string(f)+map[bool]string{true: "+front-matter"}[fm]] = b.String()
		}
	}
	var fields map[string]any
	if err := json.Unmarshal([]byte(out["json"]), &fields); err != nil {
		t.Fatal(err)
	}
	for k, v := range fields {
		if s, ok := v.(string); ok {
			out["json field "+k] = s
		}
	}
	return out
}

const longPara = "The committee met for the third time this year to discuss the budget for the coming season, and agreed after a long debate to keep the ticket prices where they are."

// TestNoControlCharacters: control characters other than newline and tab never reach any
// output, from the title, the metadata or the body, of HTML or of text.
func TestNoControlCharacters(t *testing.T) {
	const nasty = "\x1b[31mred\x1b[0m \x07bell\x08 \x0bvt\x0c \x7fdel \u0085nel \u009b2Jcsi \u009dosc\r"
	page := `<html><head><title>Title ` + nasty + `</title><meta name="author" content="A. Writer ` + nasty + `">` +
		`<meta name="description" content="` + nasty + `"></head><body><article><h1>Heading</h1>` +
		`<p>` + longPara + ` ` + nasty + `</p><p>` + longPara + `</p><pre>code ` + nasty + `</pre></article></body></html>`
	text := "Title " + nasty + "\n\n" + longPara + " " + nasty + "\n\n" + longPara + "\n"
	for name, data := range map[string]string{"page.html": page, "page.txt": text} {
		doc := cleanString(t, name, data, "")
		for format, out := range allOutputs(t, doc) {
			for _, r := range out {
				if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
					t.Errorf("%s, %s: control character %U in %q", name, format, r, out)
					break
				}
			}
		}
		if !strings.Contains(doc.Title, "[31mred") || !strings.Contains(doc.Text, "bell") {
			t.Errorf("%s: visible text lost with the control characters: %q / %q", name, doc.Title, doc.Text)
		}
	}
}

// TestUnsafeLinksDropped: javascript: (in any disguise), vbscript: and data: targets are
// dropped from links and images; the link text stays.
func TestUnsafeLinksDropped(t *testing.T) {
	page := `<html><body><article><p>` + longPara + `</p><p>Read ` +
		`<a href="javascript:alert(1)">one</a>, <a href="JavaScript:void(0)">two</a>, ` +
		`<a href=" java&#x09;script:alert(1)">three</a>, <a href="vbscript:msgbox">four</a>, ` +
		`<a href="data:text/html;base64,PHNjcmlwdD4=">five</a> and <a href="https://ok.example/six">six</a>.` +
		`<img src="javascript:alert(2)" alt="pic"></p><p>` + longPara + `</p></article></body></html>`
	doc := cleanString(t, "page.html", page, "https://news.example/a/b.html")
	for _, bad := range []string{"javascript", "JavaScript", "script:", "vbscript", "data:"} {
		if strings.Contains(doc.Markdown, bad) {
			t.Errorf("%q left in:\n%s", bad, doc.Markdown)
		}
	}
	if !strings.Contains(doc.Markdown, "Read one, two, three, four, five and [six](https://ok.example/six).") {
		t.Errorf("link texts lost or safe link dropped:\n%s", doc.Markdown)
	}
}

// TestRelativeURLsMadeAbsolute: links, images and the lead image are resolved against the
// page URL.
func TestRelativeURLsMadeAbsolute(t *testing.T) {
	page := `<html><head><meta property="og:image" content="/img/lead.jpg"></head><body><article><p>` + longPara +
		` See <a href="/about">about</a>, <a href="next.html">next</a>, <a href="../up/">up</a>, <a href="#notes">notes</a>` +
		` and <a href="//cdn.example/x.pdf">the pdf</a>.</p><p><img src="pics/one.png" alt="one"></p><p>` + longPara + `</p></article></body></html>`
	for _, kind := range []string{"auto", "html"} {
		k, _ := clean.ParseKind(kind)
		doc, err := clean.Clean(context.Background(), clean.Input{Name: "p", URL: "https://news.example/a/b/story.html", Data: []byte(page)}, clean.Options{Kind: k})
		if err != nil {
			t.Fatal(err)
		}
		for _, want := range []string{
			"[about](https://news.example/about)", "[next](https://news.example/a/b/next.html)",
			"[up](https://news.example/a/up/)", "[the pdf](https://cdn.example/x.pdf)",
			"![one](https://news.example/a/b/pics/one.png)",
		} {
			if !strings.Contains(doc.Markdown, want) {
				t.Errorf("missing %s in:\n%s", want, doc.Markdown)
			}
		}
		if doc.Image != "https://news.example/img/lead.jpg" {
			t.Errorf("image = %q", doc.Image)
		}
		if doc.URL != "https://news.example/a/b/story.html" {
			t.Errorf("url = %q", doc.URL)
		}
	}
}

// TestFallbackToVisibleText: pages where readability finds no article still give their
// visible text (script, style and hidden parts excluded).
func TestFallbackToVisibleText(t *testing.T) {
	fallbacks := 0
	for _, c := range []struct{ page, want string }{
		{`<html><head><title>Shopping</title></head><body><ul><li>Milk</li><li>Eggs</li></ul></body></html>`, "Milk\n\nEggs"},
		{`<html><body>Closed for the holidays.<br>Back on 3 January.</body></html>`, "Closed for the holidays.\nBack on 3 January."},
		{`<html><body><aside>Closed for the holidays.</aside></body></html>`, "Closed for the holidays."},
		{`<html><body><header><h1>Shop closed</h1></header><footer>Back on 3 January</footer></body></html>`, "Shop closed\n\nBack on 3 January"},
		{`<html><body><div class="sidebar comment">Closed for the holidays.</div><div class="footer">Call 555 0100</div></body></html>`, "Closed for the holidays.\n\nCall 555 0100"},
		{`<html><body><script>track()</script><style>p{}</style><noscript>Enable JS</noscript><p>Just one line.</p></body></html>`, "Just one line."},
	} {
		doc := cleanString(t, "page.html", c.page, "")
		if doc.Text != c.want {
			t.Errorf("%s:\ntext = %q, want %q", c.page, doc.Text, c.want)
		}
		if doc.Markdown == "" {
			t.Errorf("%s: no markdown", c.page)
		}
		if readabilityAlone(c.page) != c.want {
			fallbacks++
		}
	}
	if fallbacks == 0 {
		t.Error("readability alone finds all these texts: no case exercises the fallback")
	}
}

// readabilityAlone returns the text that go-readability alone extracts from page.
func readabilityAlone(page string) string {
	p := readability.NewParser()
	art, err := p.Parse(strings.NewReader(page), nil)
	if err != nil || art.Node == nil {
		return ""
	}
	var b strings.Builder
	art.RenderText(&b)
	return b.String()
}

// TestNothingToClean: inputs with no text fail with an error naming the input, no panic.
func TestNothingToClean(t *testing.T) {
	for _, c := range []struct {
		data string
		want error
	}{
		{"", clean.ErrEmpty},
		{" \n\t\u00a0\n", clean.ErrEmpty},
		{"<html></html>", clean.ErrNoText},
		{"<html><body></body></html>", clean.ErrNoText},
		{"<html><body><script>x()</script><img src=a.png></body></html>", clean.ErrNoText},
		{"Advertisement\n\nTags\n", clean.ErrNoText},
		{"\u200b\n\n\ufeff\u200b\r\n", clean.ErrNoText}, // not empty: zero-width characters only
		{"&nbsp;\n\n&#160; &#xa0;\n", clean.ErrNoText},  // entities of white space
		// A title over no article (an empty single-page-app shell) is no text, like nothing.
		{`<html><head><title>My App</title></head><body><div id="root"></div><script src="app.js"></script></body></html>`, clean.ErrNoText},
		{`<html><head><title>Story</title><meta property="og:title" content="Story"></head><body><h1>Story</h1></body></html>`, clean.ErrNoText},
		{"\x00\x00\x00", clean.ErrBinary},
	} {
		_, err := clean.Clean(context.Background(), clean.Input{Name: "in.html", Data: []byte(c.data)}, clean.Options{})
		if !errors.Is(err, c.want) || !strings.HasPrefix(err.Error(), "in.html: ") {
			t.Errorf("%q: err = %v, want %v naming the input", c.data, err, c.want)
		}
	}
}

func TestCancelledContext(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := clean.Clean(ctx, clean.Input{Name: "x", Data: []byte("Hello there\n\nworld")}, clean.Options{})
	if !errors.Is(err, context.Canceled) {
		t.Errorf("err = %v", err)
	}
}

// TestTextExcludesTitle: the text and markdown fields hold the body only.
func TestTextExcludesTitle(t *testing.T) {
	doc := cleanString(t, "page.html", `<html><head><title>Budget agreed</title></head><body><article><h1>Budget agreed</h1><p>`+
		longPara+`</p><p>`+longPara+`</p></article></body></html>`, "")
	if doc.Title != "Budget agreed" || strings.Contains(doc.Text, "Budget agreed") || strings.Contains(doc.Markdown, "Budget agreed") {
		t.Errorf("title %q; text %q; markdown %q", doc.Title, doc.Text, doc.Markdown)
	}
	if doc.WordCount != 2*len(strings.Fields(longPara)) {
		t.Errorf("word_count = %d", doc.WordCount)
	}
}

// TestBaseHref: a <base href> (absolute, or relative to the page URL) is the base for
// relative links and images.
func TestBaseHref(t *testing.T) {
	body := `<body><article><p>` + longPara + ` See <a href="prices.html">prices</a> and <a href="#top">top</a>.</p><p>` +
		longPara + `</p><p><img src="img/p.png" alt="p"></p></article></body></html>`
	for _, c := range []struct{ base, pageURL, want string }{
		{"https://cdn.example/docs/", "", "https://cdn.example/docs/"},
		{"/docs/", "https://news.example/a/story.html", "https://news.example/docs/"},
		{"", "https://news.example/a/story.html", "https://news.example/a/"},
	} {
		page := `<html><head><base href="` + c.base + `"><title>T</title></head>` + body
		if c.base == "" {
			page = `<html><head><title>T</title></head>` + body
		}
		doc := cleanString(t, "page.html", page, c.pageURL)
		for _, want := range []string{"[prices](" + c.want + "prices.html)", "![p](" + c.want + "img/p.png)"} {
			if !strings.Contains(doc.Markdown, want) {
				t.Errorf("base %q, page %q: missing %s in\n%s", c.base, c.pageURL, want, doc.Markdown)
			}
		}
	}
}

// TestTitleOnce: when the body begins with a heading repeating the title (a blog post's
// linked heading), the outputs print the title once, as the body's heading; the body
// itself is left whole.
func TestTitleOnce(t *testing.T) {
	page := `<html><head><title>The Bountiful Update</title></head><body><div id="posts">` +
		`<h3><a href="https://blog.example/post/1">The Bountiful Update</a></h3><div><p>` + longPara + `</p><p>` + longPara + `</p></div></div></body></html>`
	doc := cleanString(t, "page.html", page, "")
	if !strings.Contains(doc.Markdown, "[The Bountiful Update](https://blog.example/post/1)") {
		t.Fatalf("the post heading left the body:\n%s", doc.Markdown)
	}
	outs := allOutputs(t, doc)
	htmlDoc, err := clean.Clean(context.Background(), clean.Input{Name: "page.html", Data: []byte(page)}, clean.Options{Format: clean.FormatHTML})
	if err != nil {
		t.Fatal(err)
	}
	outs["html"] = htmlDoc.HTML
	for format, out := range outs {
		if strings.HasPrefix(format, "json") || format == "html+front-matter" {
			continue
		}
		if n := strings.Count(out, "The Bountiful Update") - strings.Count(out, "title: The Bountiful Update") -
			strings.Count(out, "<title>The Bountiful Update"); n != 1 {
			t.Errorf("%s: the title printed %d times:\n%s", format, n, out)
		}
	}
}
