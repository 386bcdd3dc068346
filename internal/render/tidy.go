package render

import (
	"strconv"
	"strings"
	"unicode"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Omit names what the outputs leave out of the article.
type Omit struct {
	Tables bool // data tables, with their content (a layout table's cells are the article's blocks)
	Images bool // images and pictures
	Links  bool // link targets: a link gives its text only
}

// Tidy prepares an article DOM for every output, in place: the links a heading carries
// for the page's own use (permalinks "¶" "#", "[edit]") leave it; an image takes its best
// source (the largest srcset candidate, a lazy-loading attribute, a <picture>'s source);
// what omit names goes. Elements made without their atom (readability builds some) get
// it.
func Tidy(root *html.Node, omit Omit) {
	if root == nil {
		return
	}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode && c.DataAtom == 0 {
				c.DataAtom = atom.Lookup([]byte(c.Data))
			}
			if c.Type == html.ElementNode && !tidyElement(c, omit) {
				walk(c)
			}
			c = next
		}
	}
	walk(root)
}

// BeginsWithTitle reports whether the article's first text block is a heading that only
// repeats title (a blog post's linked heading under the page's title, case and spaces
// aside): the outputs then print no title line of their own, so that it is not there
// twice.
func BeginsWithTitle(root *html.Node, title string) bool {
	leaves := blocks.Leaves(root)
	return len(leaves) > 0 && title != "" && headingLevel(leaves[0]) > 0 &&
		strings.EqualFold(blocks.CollapseSpace(blocks.Text(leaves[0])), blocks.CollapseSpace(title))
}

// tidyElement handles one element; it reports true when it is done with it (removed or
// unwrapped), false when its children still need a look.
func tidyElement(n *html.Node, omit Omit) bool {
	switch {
	case omit.Tables && n.DataAtom == atom.Table && !blocks.IsLayoutTable(n),
		omit.Images && (n.DataAtom == atom.Img || n.DataAtom == atom.Picture):
		n.Parent.RemoveChild(n)
		return true
	case omit.Links && n.DataAtom == atom.A:
		first := n.FirstChild
		unwrap(n)
		for c := first; c != nil && c.Parent != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				tidyElement(c, omit)
			}
		}
		return true
	case strings.Contains(blocks.Attr(n, "class"), "editsection"): // MediaWiki's [edit], beside its heading
		n.Parent.RemoveChild(n)
		return true
	case headingLevel(n) > 0:
		stripHeadingLinks(n)
	case n.DataAtom == atom.Picture:
		pictureSource(n)
	case n.DataAtom == atom.Img:
		if src := bestImageSource(n); src != "" {
			setAttr(n, "src", src)
		}
	}
	return false
}

func headingLevel(n *html.Node) int {
	if n.Type == html.ElementNode && len(n.Data) == 2 && n.Data[0] == 'h' && n.Data[1] >= '1' && n.Data[1] <= '6' {
		return int(n.Data[1] - '0')
	}
	return 0
}

// permalinkWords are class words of heading links and wrappers kept for the page's own
// use: Sphinx's headerlink, MediaWiki's editsection, anchor.js and the like.
var permalinkWords = []string{"headerlink", "editsection", "anchor", "permalink", "hash-link", "anchorjs"}

// stripHeadingLinks removes from a heading its permalink and edit links: links (or
// MediaWiki edit sections) marked so by class, links whose text is only a symbol ("¶",
// "#", "§", "🔗"), and edit links (…action=edit), with the brackets around them.
func stripHeadingLinks(h *html.Node) {
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; {
			next := c.NextSibling
			if c.Type == html.ElementNode {
				if isPermalink(c) {
					n.RemoveChild(c)
				} else {
					walk(c)
				}
			}
			c = next
		}
	}
	walk(h)
	trimBrackets(h)
}

func isPermalink(n *html.Node) bool {
	class := strings.ToLower(blocks.Attr(n, "class"))
	if strings.Contains(class, "editsection") {
		return true
	}
	if n.DataAtom != atom.A {
		return false
	}
	href := blocks.Attr(n, "href")
	if strings.Contains(href, "action=edit") {
		return true
	}
	text := strings.TrimSpace(textOf(n))
	for _, r := range text {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			return false
		}
	}
	if text != "" {
		return true
	}
	if hasElement(n, atom.Img) {
		return false
	}
	if strings.Contains(href, "#") {
		return true
	}
	for _, w := range permalinkWords {
		if strings.Contains(class, w) {
			return true
		}
	}
	return false
}

// trimBrackets removes an empty "[]" left at the end of a heading by a removed edit link.
func trimBrackets(h *html.Node) {
	for c := h.LastChild; c != nil; c = c.PrevSibling {
		if c.Type == html.TextNode {
			t := strings.TrimRight(c.Data, " \t\n")
			if s, ok := strings.CutSuffix(t, "[]"); ok {
				c.Data = s
			}
			return
		}
	}
}

func textOf(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(textOf(c))
	}
	return b.String()
}

func hasElement(n *html.Node, a atom.Atom) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (c.DataAtom == a || hasElement(c, a)) {
			return true
		}
	}
	return false
}

// bestImageSource is the URL an image shows at its largest: the largest candidate of its
// srcset (or data-srcset), else a lazy-loading attribute, else src.
func bestImageSource(img *html.Node) string {
	for _, key := range []string{"srcset", "data-srcset"} {
		if u := largestCandidate(blocks.Attr(img, key)); u != "" {
			return u
		}
	}
	src := strings.TrimSpace(blocks.Attr(img, "src"))
	if src != "" && !strings.HasPrefix(strings.ToLower(src), "data:") {
		return src
	}
	for _, key := range []string{"data-src", "data-lazy-src", "data-original", "data-url", "data-hi-res-src"} {
		if u := strings.TrimSpace(blocks.Attr(img, key)); u != "" {
			return u
		}
	}
	return ""
}

// largestCandidate picks from a srcset the candidate with the largest width (w) or
// density (x) descriptor; a candidate without one counts as 1x.
func largestCandidate(srcset string) string {
	best, bestSize := "", -1.0
	for _, cand := range splitSrcset(srcset) {
		fields := strings.Fields(cand)
		if len(fields) == 0 || strings.HasPrefix(strings.ToLower(fields[0]), "data:") {
			continue
		}
		size := 1.0
		if len(fields) > 1 {
			d := fields[1]
			if v, err := strconv.ParseFloat(d[:len(d)-1], 64); err == nil && (strings.HasSuffix(d, "w") || strings.HasSuffix(d, "x")) {
				size = v
				if strings.HasSuffix(d, "x") {
					size *= 1000 // a density beats no width; widths are compared among themselves
				}
			}
		}
		if size > bestSize {
			best, bestSize = fields[0], size
		}
	}
	return best
}

// splitSrcset splits a srcset at the commas that end candidates (a comma inside a URL
// followed by no space is part of it).
func splitSrcset(s string) []string {
	var out []string
	start := 0
	for i := 0; i < len(s); i++ {
		if s[i] == ',' && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n' || s[i+1] == '\t') {
			out = append(out, s[start:i])
			start = i + 1
		}
	}
	return append(out, s[start:])
}

// pictureSource gives a picture's img (adding one when it has none) the largest
// candidate of its first source when the img has no source of its own, and drops the
// source elements.
func pictureSource(p *html.Node) {
	var img *html.Node
	alt := ""
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Img {
			img = c
		}
	}
	if img != nil && bestImageSource(img) != "" {
		return
	}
	for c := p.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && c.DataAtom == atom.Source {
			if u := largestCandidate(blocks.Attr(c, "srcset")); u != "" {
				if img == nil {
					img = &html.Node{Type: html.ElementNode, Data: "img", DataAtom: atom.Img}
					p.AppendChild(img)
				} else {
					alt = blocks.Attr(img, "alt")
				}
				setAttr(img, "src", u)
				setAttr(img, "alt", alt)
				return
			}
		}
	}
}

func setAttr(n *html.Node, key, val string) {
	for i, a := range n.Attr {
		if a.Key == key {
			n.Attr[i].Val = val
			return
		}
	}
	n.Attr = append(n.Attr, html.Attribute{Key: key, Val: val})
}
