package render

import (
	"net/url"
	"strings"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The HTML output is the article as safe, minimal HTML: only the elements below, with
// only the attributes listed for them (URLs absolute and safe), no scripts, styles, event
// attributes, classes or ids. Elements not listed give their content (a span, a font);
// invisible ones (script, style, iframe…) are dropped with it.

// keptAttrs are the elements kept, with the attributes each keeps.
var keptAttrs = map[atom.Atom][]string{
	atom.Article: nil, atom.Section: nil, atom.Div: nil, atom.P: nil,
	atom.H1: nil, atom.H2: nil, atom.H3: nil, atom.H4: nil, atom.H5: nil, atom.H6: nil,
	atom.Ul: nil, atom.Ol: {"start", "reversed"}, atom.Li: nil, atom.Dl: nil, atom.Dt: nil, atom.Dd: nil,
	atom.Blockquote: nil, atom.Pre: nil, atom.Code: {"class"}, atom.Hr: nil, atom.Br: nil,
	atom.Table: nil, atom.Caption: nil, atom.Thead: nil, atom.Tbody: nil, atom.Tfoot: nil,
	atom.Tr: nil, atom.Th: {"colspan", "rowspan", "scope"}, atom.Td: {"colspan", "rowspan"},
	atom.Figure: nil, atom.Figcaption: nil, atom.Img: {"src", "alt"}, atom.A: {"href"},
	atom.Em: nil, atom.Strong: nil, atom.B: nil, atom.I: nil, atom.U: nil, atom.S: nil,
	atom.Del: nil, atom.Ins: nil, atom.Sub: nil, atom.Sup: nil, atom.Mark: nil, atom.Small: nil,
	atom.Abbr: {"title"}, atom.Cite: nil, atom.Q: nil, atom.Kbd: nil, atom.Samp: nil,
	atom.Var: nil, atom.Time: {"datetime"},
}

// noText are the elements whose own white-space text shows nothing.
var noText = map[atom.Atom]bool{
	atom.Table: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true, atom.Tr: true,
	atom.Ul: true, atom.Ol: true, atom.Dl: true,
}

// sanitizeTree copies n's children, keeping only what the HTML output allows; resolve
// makes URLs absolute. In pre, white space is kept; elsewhere runs of it become one space.
func sanitizeTree(dst, n *html.Node, resolve func(string) string, inPre bool) {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.TextNode && !inPre && noText[dst.DataAtom] && strings.TrimFunc(c.Data, isHTMLSpace) == "":
			// white space between rows or items: nothing a reader sees
		case c.Type == html.TextNode:
			data := c.Data
			if !inPre {
				data = collapseHTMLSpace(data)
			}
			dst.AppendChild(&html.Node{Type: html.TextNode, Data: data})
		case c.Type != html.ElementNode || blocks.IsInvisible(c):
		default:
			keys, ok := keptAttrs[c.DataAtom]
			if !ok {
				sanitizeTree(dst, c, resolve, inPre)
				continue
			}
			m := &html.Node{Type: html.ElementNode, Data: c.DataAtom.String(), DataAtom: c.DataAtom}
			if !keepAttrs(m, c, keys, resolve) {
				continue
			}
			dst.AppendChild(m)
			sanitizeTree(m, c, resolve, inPre || c.DataAtom == atom.Pre)
		}
	}
}

// keepAttrs copies the allowed attributes of src to m; it reports false for an image
// without a safe source, which is dropped.
func keepAttrs(m, src *html.Node, keys []string, resolve func(string) string) bool {
	for _, k := range keys {
		v := blocks.Attr(src, k)
		switch {
		case v == "":
			continue
		case k == "href" || k == "src":
			if !safeURL(v) || strings.HasPrefix(strings.ToLower(strings.TrimSpace(v)), "data:") {
				continue
			}
			v = resolve(strings.TrimSpace(v))
		case k == "class":
			if v = classLanguage(v); v == "" {
				continue
			}
			v = "language-" + v
		}
		m.Attr = append(m.Attr, html.Attribute{Key: k, Val: v})
	}
	return src.DataAtom != atom.Img || blocks.Attr(m, "src") != ""
}

func collapseHTMLSpace(s string) string {
	if !strings.ContainsFunc(s, isHTMLSpace) {
		return s
	}
	var b strings.Builder
	space := false
	for _, r := range s {
		if isHTMLSpace(r) {
			space = true
			continue
		}
		if space {
			b.WriteByte(' ')
			space = false
		}
		b.WriteRune(r)
	}
	if space {
		b.WriteByte(' ')
	}
	return b.String()
}

// HTMLFragment renders n, sanitized, as HTML on one line (line breaks in code as
// character references), so that it stays one HTML block inside Markdown.
func HTMLFragment(n *html.Node, resolve func(string) string) string {
	wrap := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	holder := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	holder.AppendChild(cloneTree(n))
	sanitizeTree(wrap, holder, resolve, false)
	var b strings.Builder
	for c := wrap.FirstChild; c != nil; c = c.NextSibling {
		_ = html.Render(&b, c)
	}
	return strings.ReplaceAll(b.String(), "\n", "&#10;")
}

// HTMLDocument renders the article as one safe, minimal HTML document with its title
// (as <title>, and as the first heading unless the article begins with it) and language.
func HTMLDocument(root *html.Node, title, lang, baseURL string) string {
	w := &mdWriter{}
	if u, err := url.Parse(baseURL); err == nil && baseURL != "" {
		w.base = u
	}
	DropUnsafeLinks(root)
	article := &html.Node{Type: html.ElementNode, Data: "article", DataAtom: atom.Article}
	if title != "" && !BeginsWithTitle(root, title) {
		h := &html.Node{Type: html.ElementNode, Data: "h1", DataAtom: atom.H1}
		h.AppendChild(&html.Node{Type: html.TextNode, Data: title})
		article.AppendChild(h)
	}
	sanitizeTree(article, root, w.resolve, false)
	var body strings.Builder
	_ = html.Render(&body, article)
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html")
	if lang = cleanLanguage(lang); lang != "" {
		b.WriteString(` lang="` + html.EscapeString(lang) + `"`)
	}
	b.WriteString(">\n<head>\n<meta charset=\"utf-8\">\n<title>" + html.EscapeString(title) + "</title>\n</head>\n<body>\n")
	b.WriteString(body.String())
	b.WriteString("\n</body>\n</html>\n")
	return b.String()
}

// PlainHTMLDocument is an HTML document holding title and body as text (body in a pre),
// for a document that was not cleaned for the HTML output.
func PlainHTMLDocument(title, body string) string {
	root := &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
	if body != "" {
		pre := &html.Node{Type: html.ElementNode, Data: "pre", DataAtom: atom.Pre}
		pre.AppendChild(&html.Node{Type: html.TextNode, Data: body})
		root.AppendChild(pre)
	}
	return HTMLDocument(root, title, "", "")
}
