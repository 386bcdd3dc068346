package extract

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func readMeta(t *testing.T, page string) Meta {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return ReadMeta(doc)
}

// TestTitleSiteAffix: a site name before or after a separator goes, whether the page
// names its site (og:site_name, JSON-LD publisher, a logo <h1>) or only its host does; a
// part that is no site name stays.
func TestTitleSiteAffix(t *testing.T) {
	for _, c := range []struct{ head, title, host, want string }{
		{`<meta property="og:site_name" content="Site Name">`, "Story title | Site Name", "", "Story title"},
		{``, "Story title - Site", "www.site.example", "Story title"},
		{``, "New York man pleads guilty | TheHill", "thehill.com", "New York man pleads guilty"},
		{``, "TechCrunch – Startup raises money", "techcrunch.com", "Startup raises money"},
		{`<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","publisher":{"@type":"Organization","name":"The Daily Planet"}}</script>`,
			"Storm hits the coast — The Daily Planet", "", "Storm hits the coast"},
		// A site name that holds a separator itself goes whole.
		{`<meta property="og:site_name" content="Remember 80/90 - Memorabilia">`, "Black Friday - Remember 80/90 - Memorabilia", "", "Black Friday"},
		// Section and site: both go when the page says which is the title.
		{`<meta property="og:site_name" content="the Guardian"></head><body><h1>The Guardian view on Hong Kong</h1>`,
			"The Guardian view on Hong Kong | Editorial | the Guardian", "", "The Guardian view on Hong Kong"},
		// A logo <h1> (a link to the home page) names the site.
		{`</head><body><h1 id="banner-header"><a href="http://blog.example/blt/">The Blog of Legal Times</a></h1>`,
			"The Morning Wrap - The Blog of Legal Times", "", "The Morning Wrap"},
		// Readability kept the site's side of the <title>: the <title> is cut instead.
		{`<title>Hawk Photo » Blog Archive » An interview</title></head><body><h1><a href="/">Hawk Photo</a></h1>`,
			"Hawk Photo » Blog Archive", "", "Blog Archive » An interview"},
		// Readability kept the story's side: it stays.
		{`<title>Fishtail bun tutorial | Hair ideas | Once Wed</title><meta property="og:site_name" content="Once Wed">`,
			"Fishtail bun tutorial", "", "Fishtail bun tutorial"},
		// Nothing to go on: the title stays, separators and all.
		{``, "Dare to Play 3 / October pack", "games.example", "Dare to Play 3 / October pack"},
		{``, "Star Wars review – shoots for the moon", "", "Star Wars review – shoots for the moon"},
		// A title that is only the site's name stays.
		{``, "Example", "example.com", "Example"},
	} {
		m := readMeta(t, "<html><head>"+c.head+"</head><body></body></html>")
		if got := m.Title(c.title, c.host, ""); got != c.want {
			t.Errorf("Title(%q, host %q) with %s = %q, want %q", c.title, c.host, c.head, got, c.want)
		}
	}
}

// TestTitlePrefersHeading: the <h1> wins over the <title> it is part of; the <h1> does not
// win when it is the shorter part; a title cut short gives way to the <h1> it starts.
func TestTitlePrefersHeading(t *testing.T) {
	for _, c := range []struct{ h1, title, want string }{
		{"Republicans Are Following Trump to Nowhere", "Opinion | Republicans Are Following Trump to Nowhere", "Republicans Are Following Trump to Nowhere"},
		{"Managing the Gamer Generation", "Managing the Gamer Generation - HBS Working Knowledge", "Managing the Gamer Generation"},
		{"Opinion", "Opinion | Republicans Are Following Trump to Nowhere", "Opinion | Republicans Are Following Trump to Nowhere"},
		{"A very long headline that the site cut short in its title", "A very long headline that the site cut…", "A very long headline that the site cut short in its title"},
		{"Something else entirely", "Story - Section", "Story - Section"},
	} {
		m := readMeta(t, "<html><head></head><body><h1>"+c.h1+"</h1></body></html>")
		if got := m.Title(c.title, "", ""); got != c.want {
			t.Errorf("Title(%q) with <h1> %q = %q, want %q", c.title, c.h1, got, c.want)
		}
	}
}

func TestIsLogoHeading(t *testing.T) {
	for h1, want := range map[string]bool{
		`<h1><a href="/">Site</a></h1>`:                                            true,
		`<h1> <a href="https://blog.example/">Blog</a> </h1>`:                      true,
		`<h1 id="banner-header"><a href="https://blog.example/blt/">Blog</a></h1>`: true,
		`<h1><a href="https://blog.example/post-title/">Post title</a></h1>`:       false,
		`<h1 class="site-title">Site</h1>`:                                         true,
		`<h1><a href="/2019/11/story-title/">Story</a></h1>`:                       false,
		`<h1><a href="/story.html">Story</a></h1>`:                                 false,
		`<h1>Story <a href="/">link</a></h1>`:                                      false,
		`<h1>Story</h1>`:                                                           false,
	} {
		m := readMeta(t, "<html><body>"+h1+"</body></html>")
		if got := len(m.SiteNames) == 1; got != want {
			t.Errorf("%s: logo %v, want %v (meta %+v)", h1, got, want, m)
		}
	}
}

// TestNormalizeDate: a date keeps the offset it was written with (not converted to UTC);
// a time without one stays without; a day stays a day; junk is no date.
func TestNormalizeDate(t *testing.T) {
	for in, want := range map[string]string{
		"2017-02-23T17:18:13-08:00":       "2017-02-23T17:18:13-08:00",
		"2017-02-23T17:18:13+0530":        "2017-02-23T17:18:13+05:30",
		"2019-11-21T10:00:00.123Z":        "2019-11-21T10:00:00Z",
		"2019-11-21T10:00-05:00":          "2019-11-21T10:00:00-05:00",
		"2017-02-23 17:18:13":             "2017-02-23T17:18:13",
		"2017-02-23":                      "2017-02-23",
		"November 21, 2019":               "2019-11-21",
		"Mon, 25 Nov 2019 10:00:00 -0500": "2019-11-25T10:00:00-05:00",
		"26 Nov 2019 10:05 GMT":           "2019-11-26T10:05:00Z",
		"November 20, 2019, 12:30 PM EST": "2019-11-20T12:30:00-05:00",
		"{{post_date}}":                   "",
		"":                                "",
		"0000-00-00 00:00:00":             "",
	} {
		if got := normalizeDate(in); got != want {
			t.Errorf("normalizeDate(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestReadMeta: dates and tags from JSON-LD first, then meta elements; keywords split on
// commas, deduplicated; a JSON-LD @graph is searched for the article.
func TestReadMeta(t *testing.T) {
	m := readMeta(t, `<html><head><title>T</title>
<meta property="og:title" content="OG title">
<meta property="article:published_time" content="2020-01-02T03:04:05+01:00">
<meta property="article:modified_time" content="2020-01-03T00:00:00+01:00">
<meta property="article:tag" content="Harbour"><meta property="article:tag" content="ferries">
<meta property="article:tag" content="harbour"><meta name="keywords" content="ignored, as article:tag is given">
<script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"Page"},
 {"@type":["NewsArticle"],"headline":"LD headline","datePublished":"2020-01-01T12:00:00-05:00","publisher":{"name":"Pub"},
  "articleBody":"Work starts\n  in June."}]}</script>
</head><body><h1>Heading</h1></body></html>`)
	want := Meta{
		Document: "T", Titles: []string{"T", "LD headline", "OG title"}, Headings: []string{"Heading"}, SiteNames: []string{"Pub"},
		Published: "2020-01-01T12:00:00-05:00", Modified: "2020-01-03T00:00:00+01:00", Tags: []string{"Harbour", "ferries"},
		ArticleBody: "Work starts in June.",
	}
	if !reflect.DeepEqual(m, want) {
		t.Errorf("ReadMeta =\n%+v, want\n%+v", m, want)
	}
	m = readMeta(t, `<html><head><meta name="keywords" content="one, two,, One , &quot;, three">
<meta itemprop="dateModified" content="2021-05-06"></head><body><time itemprop="datePublished" datetime="2021-05-05T10:00:00Z">May 5</time></body></html>`)
	if fmt := strings.Join(m.Tags, "|"); fmt != "one|two|three" || m.Published != "2021-05-05T10:00:00Z" || m.Modified != "2021-05-06" {
		t.Errorf("keywords and itemprop dates: %+v", m)
	}
	m = readMeta(t, `<script type="application/ld+json">{"@type":"BlogPosting","keywords":["a,b","c"],"dateModified":"bogus"}</script>`)
	if strings.Join(m.Tags, "|") != "a b|c" || m.Modified != "" {
		t.Errorf("JSON-LD keywords list: %+v", m)
	}
}
