package extract

import (
	"encoding/json"
	"net/url"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/cleanhq/clean/internal/blocks"
)

// Meta is what a page says about itself outside its article: the titles it gives, its
// site's names, its dates and tags. It is read from <meta> elements, JSON-LD and the
// page's <h1>s (ReadMeta) before any candidate changes the DOM.
type Meta struct {
	Document  string   // the text of <title>
	Titles    []string // <title>, og:title, twitter:title, JSON-LD headline and name
	Headings  []string // the page's first <h1>s
	SiteNames []string // og:site_name, application-name, JSON-LD publisher name, a logo <h1>
	Published string   // the first publication date found, as written (see normalizeDate)
	Modified  string   // the last modification date, likewise
	Tags      []string // article:tag, JSON-LD keywords, news_keywords or keywords

	ArticleBody string // the JSON-LD article's articleBody, white space collapsed
}

// Limits on what ReadMeta keeps of a page, which may hold anything.
const (
	maxHeadings = 5
	maxTags     = 50
	maxTagRunes = 100
)

// The sources of each field, in order of preference: meta keys (property, name or
// itemprop, lower-cased) after the JSON-LD article's own field.
var (
	publishedKeys = []string{"article:published_time", "og:article:published_time", "datepublished",
		"dcterms.created", "dcterms.issued", "dcterms.available", "dc.date.issued", "parsely-pub-date",
		"weibo:article:create_at"}
	modifiedKeys = []string{"article:modified_time", "og:article:modified_time", "datemodified",
		"og:updated_time", "dcterms.modified"}
	titleKeys    = []string{"og:title", "twitter:title", "dc.title", "parsely-title"}
	siteMetaKeys = []string{"og:site_name", "application-name"}
	// tag sources whose value is one list separated by commas, after article:tag (one per meta)
	keywordKeys = []string{"news_keywords", "keywords"}
)

// ReadMeta reads a page's Meta.
func ReadMeta(doc *html.Node) Meta {
	r := metaReader{values: map[string][]string{}}
	r.walk(doc)
	ld := r.ld
	m := Meta{Titles: r.titles, Headings: r.headings, ArticleBody: blocks.CollapseSpace(ld.ArticleBody)}
	if len(r.titles) > 0 {
		m.Document = r.titles[0]
	}
	m.Titles = appendNonEmpty(m.Titles, ld.Headline, ld.Name)
	m.Titles = appendNonEmpty(m.Titles, r.first(titleKeys)...)
	m.SiteNames = appendNonEmpty(ld.publisherNames(), r.first(siteMetaKeys)...)
	m.SiteNames = append(m.SiteNames, r.logos...)
	m.Published = firstDate(append([]string{ld.DatePublished}, r.all(publishedKeys)...))
	m.Modified = firstDate(append([]string{ld.DateModified}, r.all(modifiedKeys)...))
	m.Tags = tagList(r.values["article:tag"])
	for _, list := range append([]string{ld.keywords()}, r.all(keywordKeys)...) {
		if len(m.Tags) > 0 {
			break
		}
		m.Tags = tagList(strings.Split(list, ","))
	}
	return m
}

// metaReader collects what ReadMeta needs in one walk over the DOM.
type metaReader struct {
	values   map[string][]string // meta content by key, in document order
	titles   []string
	headings []string
	logos    []string // <h1>s that are the site's logo (isLogoHeading)
	ld       jsonLD   // the first JSON-LD article
	ldFound  bool
}

func (r *metaReader) walk(n *html.Node) {
	if n.Type == html.ElementNode {
		switch n.DataAtom {
		case atom.Meta:
			r.addMeta(n)
		case atom.Time:
			if strings.EqualFold(blocks.Attr(n, "itemprop"), "datePublished") {
				r.add("datepublished", blocks.Attr(n, "datetime"))
			}
		case atom.Title:
			if len(r.titles) == 0 {
				r.titles = appendNonEmpty(r.titles, blocks.CollapseSpace(blocks.Text(n)))
			}
			return
		case atom.H1:
			text := blocks.CollapseSpace(blocks.Text(n))
			if isLogoHeading(n) {
				r.logos = appendNonEmpty(r.logos, text)
			} else if len(r.headings) < maxHeadings {
				r.headings = appendNonEmpty(r.headings, text)
			}
			return
		case atom.Script:
			if !r.ldFound && strings.EqualFold(strings.TrimSpace(blocks.Attr(n, "type")), "application/ld+json") {
				r.ld, r.ldFound = findArticleLD(textContent(n))
			}
			return
		}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		r.walk(c)
	}
}

func (r *metaReader) addMeta(n *html.Node) {
	content := blocks.Attr(n, "content")
	for _, k := range []string{"property", "name", "itemprop"} {
		if key := blocks.Attr(n, k); key != "" {
			r.add(strings.ToLower(strings.TrimSpace(key)), content)
			return
		}
	}
}

func (r *metaReader) add(key, value string) {
	if value = strings.TrimSpace(html.UnescapeString(value)); value != "" {
		r.values[key] = append(r.values[key], value)
	}
}

// first returns, for each key, its first value (when it has one).
func (r *metaReader) first(keys []string) []string {
	var out []string
	for _, k := range keys {
		if v := r.values[k]; len(v) > 0 {
			out = append(out, v[0])
		}
	}
	return out
}

// all returns every value of the keys, key by key.
func (r *metaReader) all(keys []string) []string {
	var out []string
	for _, k := range keys {
		out = append(out, r.values[k]...)
	}
	return out
}

// logoHint is the mark of a site's logo in an element's id or class.
var logoHint = regexp.MustCompile(`(?i)logo|banner|masthead|branding|(?:site|blog)-?(?:title|name)`)

// isLogoHeading reports whether an <h1> is the site's name rather than the article's
// title: marked as a logo, banner, site or blog title, or wholly a link to the site's
// home page (path "/"; a blog's "/blog/" may as well be a post's permalink, "/post/").
func isLogoHeading(h *html.Node) bool {
	if logoHint.MatchString(blocks.Attr(h, "id") + " " + blocks.Attr(h, "class")) {
		return true
	}
	var link *html.Node
	for c := h.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.A && link == nil:
			link = c
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "":
		default:
			return false
		}
	}
	if link == nil {
		return false
	}
	u, err := url.Parse(strings.TrimSpace(blocks.Attr(link, "href")))
	if err != nil || u.RawQuery != "" || u.Fragment != "" {
		return false
	}
	return u.Path == "" || u.Path == "/"
}

func textContent(n *html.Node) string {
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.TextNode {
			b.WriteString(c.Data)
		}
	}
	return b.String()
}

// jsonLD is the part of a schema.org article that Meta reads.
type jsonLD struct {
	Type          any    `json:"@type"`
	Headline      string `json:"headline"`
	Name          string `json:"name"`
	DatePublished string `json:"datePublished"`
	DateModified  string `json:"dateModified"`
	Keywords      any    `json:"keywords"` // "a, b" or ["a", "b"]
	Publisher     any    `json:"publisher"`
	ArticleBody   string `json:"articleBody"`
}

// findArticleLD returns the first article in a JSON-LD script: the top object, an item of
// a top array, or an item of an @graph, whose @type is an article type.
func findArticleLD(script string) (jsonLD, bool) {
	script = strings.TrimSpace(strings.TrimSuffix(strings.TrimPrefix(strings.TrimSpace(script), "<![CDATA["), "]]>"))
	var raw any
	if json.Unmarshal([]byte(script), &raw) != nil {
		return jsonLD{}, false
	}
	var items []any
	switch v := raw.(type) {
	case []any:
		items = v
	case map[string]any:
		items = []any{v}
		if g, ok := v["@graph"].([]any); ok {
			items = append(items, g...)
		}
	}
	for _, it := range items {
		obj, ok := it.(map[string]any)
		if !ok || !isArticleType(obj["@type"]) {
			continue
		}
		data, _ := json.Marshal(obj)
		var ld jsonLD
		if json.Unmarshal(data, &ld) == nil {
			return ld, true
		}
	}
	return jsonLD{}, false
}

// isArticleType reports whether a JSON-LD @type (a name or a list) names an article:
// Article and its kinds (NewsArticle…), postings (BlogPosting…), Report, APIReference.
func isArticleType(t any) bool {
	switch v := t.(type) {
	case string:
		return strings.HasSuffix(v, "Article") || strings.HasSuffix(v, "Posting") || v == "Report" || v == "APIReference"
	case []any:
		for _, x := range v {
			if isArticleType(x) {
				return true
			}
		}
	}
	return false
}

func (ld jsonLD) publisherNames() []string {
	switch p := ld.Publisher.(type) {
	case map[string]any:
		name, _ := p["name"].(string)
		return appendNonEmpty(nil, strings.TrimSpace(name))
	case []any:
		var out []string
		for _, x := range p {
			out = append(out, jsonLD{Publisher: x}.publisherNames()...)
		}
		return out
	}
	return nil
}

// keywords returns the article's keywords as one comma-separated list.
func (ld jsonLD) keywords() string {
	switch k := ld.Keywords.(type) {
	case string:
		return k
	case []any:
		var words []string
		for _, x := range k {
			if s, ok := x.(string); ok {
				words = append(words, strings.ReplaceAll(s, ",", " "))
			}
		}
		return strings.Join(words, ",")
	}
	return ""
}

// tagList trims the tags, drops those without a letter or digit, overlong and repeated
// ones (case aside), and keeps
// at most maxTags.
func tagList(tags []string) []string {
	var out []string
	seen := map[string]bool{}
	for _, t := range tags {
		t = blocks.CollapseSpace(t)
		key := strings.ToLower(t)
		if !hasWord(t) || seen[key] || utf8.RuneCountInString(t) > maxTagRunes {
			continue
		}
		seen[key] = true
		if out = append(out, t); len(out) == maxTags {
			break
		}
	}
	return out
}

func appendNonEmpty(list []string, values ...string) []string {
	for _, v := range values {
		if v = strings.TrimSpace(v); v != "" {
			list = append(list, v)
		}
	}
	return list
}

// ApplyMeta settles an HTML article's metadata with what the page says about itself: the
// title loses a site name around it (see Meta.Title), and dates and tags come from Meta.
// host is the page's site.
func ApplyMeta(a *Article, m Meta, host string) {
	a.Title = m.Title(a.Title, host, a.SiteName)
	a.Published, a.Modified, a.Tags = m.Published, m.Modified, m.Tags
}

// isLetterOrDigit is the rune class that titles are compared on.
func isLetterOrDigit(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }
