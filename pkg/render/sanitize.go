package render

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// CleanString removes control characters other than newline and tab (terminal escape
// sequences lose their ESC and become harmless text), and the Unicode line and paragraph
// separators that some readers treat as line breaks.
func CleanString(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r == '\r':
			return -1
		case r < 0x20 || r == 0x7f || (r >= 0x80 && r < 0xa0):
			return -1
		case r == '\u2028' || r == '\u2029':
			return '\n'
		}
		return r
	}, s)
}

// Sanitize makes every string of the document safe to print: see CleanString.
func (d *Document) Sanitize() {
	for _, f := range []*string{&d.ID, &d.Source, &d.URL, &d.Title, &d.Byline, &d.SiteName,
		&d.Published, &d.Language, &d.Excerpt, &d.Image, &d.Markdown, &d.Text, &d.Error} {
		*f = CleanString(*f)
	}
	for i := range d.Removed {
		d.Removed[i].Text = CleanString(d.Removed[i].Text)
	}
}

// dropUnsafeLinks removes href and src values with a scheme other than http(s), mailto or
// a relative reference (javascript:, data:, vbscript:…): links lose their target and keep
// their text; images lose their source.
func dropUnsafeLinks(n *html.Node) {
	if n.Type == html.ElementNode && (n.DataAtom == atom.A || n.DataAtom == atom.Img) {
		attrs := n.Attr[:0]
		for _, a := range n.Attr {
			if (a.Key == "href" || a.Key == "src") && !safeURL(a.Val) {
				continue
			}
			attrs = append(attrs, a)
		}
		n.Attr = attrs
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		dropUnsafeLinks(c)
	}
}

func safeURL(u string) bool {
	u = strings.ToLower(strings.Map(func(r rune) rune {
		if r <= ' ' || r == 0x7f {
			return -1 // browsers ignore these inside a scheme: "java\tscript:"
		}
		return r
	}, u))
	i := strings.IndexAny(u, ":/?#")
	if i < 0 || u[i] != ':' {
		return true // relative reference
	}
	switch u[:i] {
	case "http", "https", "mailto":
		return true
	}
	return false
}
