package extract

import (
	"strings"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A segment is one block of a page's visible text: a run of inline content between two
// block boundaries (a whole <p>, an <li>, or the loose text and links that sit directly in
// a <div> or a <td> between its block children). The block model (blockmodel.go) judges
// segments one by one; the whole page is their sequence, in document order.
type segment struct {
	parent *html.Node   // the block element the run sits in
	nodes  []*html.Node // the run: consecutive children of parent, inline or text
	text   string       // the run's visible text, lines collapsed

	runes, linkRunes int      // non-space runes of the text, and of those inside links
	path             pathInfo // what the ancestors say about the run
}

// pathInfo is what a segment's ancestors tell about it.
type pathInfo struct {
	boiler, content, comment   bool // an ancestor's class or id marks boilerplate, content, comments
	article, main, articleBody bool // inside <article>, <main> or role=main, itemprop=articleBody
	list, table, form          bool // inside a list, a table, a form
	replyForm                  bool // inside a form inside (or that is) a comment region: the reply form
	caption                    bool // inside a <figcaption>
	pre                        bool // inside a <pre>: its line breaks are the text's
	depth                      int
	tableNode                  *html.Node // the innermost table around the segment
	figure                     *html.Node // the innermost figure around the segment
	commentRoot                *html.Node // the outermost element marked as comments
}

// segments cuts the DOM under root into segments, in document order.
func segments(root *html.Node) []segment {
	s := segmenter{}
	s.walk(root, pathInfo{})
	return s.out
}

type segmenter struct {
	out []segment
}

// walk visits the children of n, gathering runs of inline children into segments and
// descending into block children (and into inline elements that hold blocks).
func (s *segmenter) walk(n *html.Node, path pathInfo) {
	path = path.under(n)
	var run []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && blocks.IsInvisible(c):
			continue
		case c.Type == html.TextNode, c.Type == html.ElementNode && !blocks.IsBlock(c) && !hasBlockChild(c):
			run = append(run, c)
		case c.Type == html.ElementNode:
			s.flush(n, run, path)
			run = nil
			s.walk(c, path)
		}
	}
	s.flush(n, run, path)
}

// flush makes a segment of a run that holds visible text.
func (s *segmenter) flush(parent *html.Node, run []*html.Node, path pathInfo) {
	if len(run) == 0 {
		return
	}
	var b strings.Builder
	runes, links := 0, 0
	for _, n := range run {
		inlineText(&b, n, path.pre)
		runes += textLen(n)
		links += linkTextLen(n)
	}
	text := blocks.TidyLines(b.String())
	if text == "" || runes == 0 {
		return
	}
	s.out = append(s.out, segment{parent: parent, nodes: run, text: text, runes: runes, linkRunes: links, path: path})
}

// under returns the path info of n's children.
func (p pathInfo) under(n *html.Node) pathInfo {
	if n.Type != html.ElementNode {
		return p
	}
	p.depth++
	switch n.DataAtom {
	case atom.Article:
		p.article = true
	case atom.Main:
		p.main = true
	case atom.Ul, atom.Ol, atom.Dl:
		p.list = true
	case atom.Table:
		p.table, p.tableNode = true, n
	case atom.Figcaption:
		p.caption = true
	case atom.Figure:
		p.figure = n
	case atom.Pre:
		p.pre = true
	case atom.Form:
		p.form = true
	}
	if blocks.Attr(n, "role") == "main" {
		p.main = true
	}
	if strings.EqualFold(blocks.Attr(n, "itemprop"), "articleBody") {
		p.articleBody = true
	}
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, w := range classWords(a.Val) {
			switch {
			case isCommentWord(w):
				p.comment = true
				if p.commentRoot == nil {
					p.commentRoot = n
				}
			case contentTokens[w]:
				p.content = true
			case boilerTokens[w]:
				p.boiler = true
			}
		}
	}
	if n.DataAtom == atom.Form && p.commentRoot != nil {
		p.replyForm = true // not a form around the whole page, as ASP.NET's
	}
	return p
}

// contentTokens are class/id words that mark the article's own region.
var contentTokens = map[string]bool{
	"article": true, "content": true, "post": true, "story": true, "entry": true,
	"body": true, "text": true, "main": true, "blog": true, "news": true,
}

// commentTokens are class/id words that mark a reader-comment thread.
var commentTokens = map[string]bool{
	"comment": true, "comments": true, "disqus": true, "reply": true, "replies": true,
	"respond": true, "discussion": true, "talkback": true,
}

// isCommentWord reports whether a class/id word marks comments ("comments",
// "commentlist", "comment_body", "disqus"…).
func isCommentWord(w string) bool {
	return commentTokens[w] || strings.HasPrefix(w, "comment")
}

// inlineText appends the visible text of an inline node: a <br> as a newline, and the
// line breaks of the source as spaces (HTML white space), but inside a <pre>.
func inlineText(b *strings.Builder, n *html.Node, pre bool) {
	switch {
	case n.Type == html.TextNode && !pre:
		b.WriteString(strings.Map(sourceBreak, n.Data))
	case n.Type == html.TextNode:
		b.WriteString(n.Data)
	case n.Type != html.ElementNode:
	case n.DataAtom == atom.Br:
		b.WriteByte('\n')
	case blocks.IsInvisible(n):
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			inlineText(b, c, pre)
		}
	}
}

// sourceBreak maps a line break of the page's source to a space.
func sourceBreak(r rune) rune {
	if r == '\n' || r == '\r' {
		return ' '
	}
	return r
}

// keptTree returns an article root holding the page's structure around the kept
// segments: a copy of the tree with every kept run, the elements that contain one (so
// lists, tables and quotes keep their shape), and the images beside them, and nothing else.
// Figures are kept (their images, not their captions) when they are given in figures.
func keptTree(kept []segment, figures []*html.Node) *html.Node {
	root := newRoot()
	if len(kept) == 0 {
		return root
	}
	in := map[*html.Node]bool{}   // the nodes of kept runs
	live := map[*html.Node]bool{} // their ancestors
	var top *html.Node
	mark := func(n *html.Node) {
		for a := n; a != nil && !live[a]; a = a.Parent {
			live[a] = true
			top = a
		}
	}
	for _, s := range kept {
		for _, n := range s.nodes {
			in[n] = true
		}
		mark(s.parent)
	}
	for _, f := range figures {
		mark(f)
	}
	for top.Parent != nil && live[top.Parent] {
		top = top.Parent
	}
	data := dataTables{}
	for c := top.FirstChild; c != nil; c = c.NextSibling {
		if k := keptCopy(c, in, live, data); k != nil {
			root.AppendChild(k)
		}
	}
	return root
}

// keptCopy copies n for keptTree, or returns nil when n has no part in it.
func keptCopy(n *html.Node, in, live map[*html.Node]bool, data dataTables) *html.Node {
	switch {
	case in[n]:
		return cloneNode(n)
	case live[n]:
		c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
			Attr: append([]html.Attribute(nil), n.Attr...)}
		if isLayoutTablePart(n, data) {
			c = element(atom.Div) // a table that lays out the page is no table in the article
		}
		for k := n.FirstChild; k != nil; k = k.NextSibling {
			if kc := keptCopy(k, in, live, data); kc != nil {
				c.AppendChild(kc)
			}
		}
		return c
	case n.Type == html.ElementNode && textLen(n) == 0 && blocks.HasContent(n):
		return cloneNode(n) // an image beside kept text
	}
	return nil
}

// isLayoutTablePart reports whether n is a table, or a part of one, that holds no data
// (no header cells, no caption): a table that lays the page out.
func isLayoutTablePart(n *html.Node, data dataTables) bool {
	switch n.DataAtom {
	case atom.Table, atom.Tbody, atom.Thead, atom.Tfoot, atom.Tr, atom.Td, atom.Th:
	default:
		return false
	}
	for t := n; t != nil; t = t.Parent {
		if t.DataAtom == atom.Table {
			return !data.is(t)
		}
	}
	return false
}

// cloneNode deep-copies n, detached.
func cloneNode(n *html.Node) *html.Node {
	c := &html.Node{Type: n.Type, DataAtom: n.DataAtom, Data: n.Data, Namespace: n.Namespace,
		Attr: append([]html.Attribute(nil), n.Attr...)}
	for k := n.FirstChild; k != nil; k = k.NextSibling {
		c.AppendChild(cloneNode(k))
	}
	return c
}
