package clean

import (
	"net/url"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// absolutizeLinks resolves the relative link and image targets of a page against its base
// URL: the <base href> of the page (itself resolved against pageURL), else pageURL. It
// leaves fragment-only links ("#notes") alone, and does nothing when there is no base.
func absolutizeLinks(doc *html.Node, pageURL *url.URL) {
	base := pageURL
	if b := baseElementHref(doc); b != "" {
		if ref, err := url.Parse(b); err == nil {
			if base != nil {
				ref = base.ResolveReference(ref)
			}
			if ref.Scheme == "http" || ref.Scheme == "https" {
				base = ref
			}
		}
	}
	if base == nil {
		return
	}
	walkElements(doc, func(n *html.Node) {
		key := ""
		switch n.DataAtom {
		case atom.A:
			key = "href"
		case atom.Img:
			key = "src"
		}
		for i, a := range n.Attr {
			if a.Key != key || key == "" {
				continue
			}
			v := strings.TrimSpace(a.Val)
			if v == "" || strings.HasPrefix(v, "#") {
				continue
			}
			if ref, err := url.Parse(v); err == nil && !ref.IsAbs() {
				n.Attr[i].Val = base.ResolveReference(ref).String()
			}
		}
	})
}

// baseElementHref returns the href of the page's first <base> element, or "".
func baseElementHref(doc *html.Node) string {
	href := ""
	walkElements(doc, func(n *html.Node) {
		if href != "" || n.DataAtom != atom.Base {
			return
		}
		for _, a := range n.Attr {
			if a.Key == "href" {
				href = strings.TrimSpace(a.Val)
			}
		}
	})
	return href
}

func walkElements(n *html.Node, f func(*html.Node)) {
	if n.Type == html.ElementNode {
		f(n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		walkElements(c, f)
	}
}
