package render

import (
	"net/url"
	"strconv"
	"strings"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Markdown renders an article DOM as CommonMark with GFM tables and strikethrough,
// walking the DOM itself: headings, paragraphs, lists (nested, ordered with their start),
// block quotes, fenced code with its language, tables (GFM when every cell is one line of
// inline content, else HTML), images and links. Text that would read as Markdown syntax
// is escaped, so that a CommonMark parser gives the text back. Links and images with
// unsafe schemes (javascript: and the like) lose their target; relative ones are resolved
// against baseURL when it is set.
func Markdown(root *html.Node, baseURL string) (string, error) {
	if root == nil {
		return "", nil
	}
	DropUnsafeLinks(root)
	w := &mdWriter{}
	if u, err := url.Parse(baseURL); err == nil && baseURL != "" {
		w.base = u
	}
	return strings.Join(w.blocks(root), "\n\n"), nil
}

// mdWriter holds what rendering one article needs beside the DOM.
type mdWriter struct {
	base *url.URL
}

// blockAtoms are the elements rendered as blocks; everything else is inline content,
// gathered into paragraphs.
var blockAtoms = map[atom.Atom]bool{
	atom.Address: true, atom.Article: true, atom.Aside: true, atom.Blockquote: true,
	atom.Body: true, atom.Caption: true, atom.Center: true, atom.Dd: true, atom.Details: true,
	atom.Dialog: true, atom.Div: true, atom.Dl: true, atom.Dt: true, atom.Fieldset: true,
	atom.Figcaption: true, atom.Figure: true, atom.Footer: true, atom.Form: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Header: true, atom.Hgroup: true, atom.Hr: true, atom.Html: true, atom.Li: true,
	atom.Main: true, atom.Menu: true, atom.Nav: true, atom.Ol: true, atom.P: true, atom.Pre: true,
	atom.Section: true, atom.Summary: true, atom.Table: true, atom.Tbody: true, atom.Td: true,
	atom.Tfoot: true, atom.Th: true, atom.Thead: true, atom.Tr: true, atom.Ul: true,
}

func isBlockNode(n *html.Node) bool {
	return n.Type == html.ElementNode && blockAtoms[n.DataAtom]
}

// blocks renders the children of n as a list of Markdown blocks: runs of inline content
// become paragraphs.
func (w *mdWriter) blocks(n *html.Node) []string {
	var out []string
	var para inline
	lastList := "" // the marker of a list just written: a list right after it alternates
	flush := func() {
		if s := para.paragraph(); s != "" {
			out = append(out, s)
			lastList = ""
		}
		para = inline{}
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if !isBlockNode(c) {
			w.inline(&para, c)
			continue
		}
		flush()
		if c.DataAtom == atom.Ul || c.DataAtom == atom.Ol || c.DataAtom == atom.Menu {
			if s, marker := w.list(c, lastList); s != "" {
				out = append(out, s)
				lastList = marker
			}
			continue
		}
		if bs := w.block(c); len(bs) > 0 {
			out = append(out, bs...)
			lastList = ""
		}
	}
	flush()
	return out
}

// block renders one block element.
func (w *mdWriter) block(n *html.Node) []string {
	switch n.DataAtom {
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6:
		return w.heading(n)
	case atom.Pre:
		return []string{w.codeBlock(n)}
	case atom.Blockquote:
		return prefixBlock(w.blocks(n), "> ", ">")
	case atom.Table:
		return w.table(n)
	case atom.Hr:
		return []string{"---"}
	}
	if blocks.IsInvisible(n) {
		return nil
	}
	return w.blocks(n)
}

// heading renders h1–h6 as an ATX heading on one line.
func (w *mdWriter) heading(n *html.Node) []string {
	var in inline
	w.inlineChildren(&in, n)
	text := strings.Join(strings.Fields(strings.ReplaceAll(in.b.String(), "\n", " ")), " ")
	if text == "" {
		return nil
	}
	level := int(n.Data[1] - '0')
	return []string{strings.Repeat("#", level) + " " + escapeHeadingEnd(text)}
}

// escapeHeadingEnd escapes a closing sequence of #s, which CommonMark would drop.
func escapeHeadingEnd(s string) string {
	t := strings.TrimRight(s, "#")
	if t != s && (t == "" || strings.HasSuffix(t, " ")) {
		return t + `\` + s[len(t):]
	}
	return s
}

// prefixBlock joins blocks and puts first before every line (empty before empty lines).
func prefixBlock(bs []string, first, empty string) []string {
	if len(bs) == 0 {
		return nil
	}
	lines := strings.Split(strings.Join(bs, "\n\n"), "\n")
	for i, l := range lines {
		if l == "" {
			lines[i] = empty
		} else {
			lines[i] = first + l
		}
	}
	return []string{strings.Join(lines, "\n")}
}

// list renders ul, ol or menu; after a list of the same kind, prev, it takes the other
// marker so that the two stay apart. It returns the Markdown and the marker used.
func (w *mdWriter) list(n *html.Node, prev string) (string, string) {
	ordered := n.DataAtom == atom.Ol
	marker := "-"
	if ordered {
		marker = "."
	}
	if prev == marker {
		marker = map[string]string{"-": "*", ".": ")"}[marker]
	}
	num := 1
	if s, err := strconv.Atoi(strings.TrimSpace(blocks.Attr(n, "start"))); err == nil && s >= 0 && s < 1e8 {
		num = s
	}
	var items []string
	loose := false
	for _, item := range listItems(n) {
		bs := w.blocks(item)
		if len(bs) == 0 {
			continue
		}
		body := bs[0]
		for _, b := range bs[1:] {
			if isList(b) { // a nested list keeps the list tight
				body += "\n" + b
			} else {
				body += "\n\n" + b
				loose = true
			}
		}
		m := marker + " "
		if ordered {
			m = strconv.Itoa(num) + marker + " "
			num++
		}
		items = append(items, indentItem(body, m))
	}
	sep := "\n"
	if loose {
		sep = "\n\n"
	}
	return strings.Join(items, sep), marker
}

// isList reports whether a rendered block is a list: paragraphs never start with a
// marker, writeLine sees to it.
func isList(block string) bool {
	if strings.HasPrefix(block, "- ") || strings.HasPrefix(block, "* ") {
		return true
	}
	i := 0
	for i < len(block) && block[i] >= '0' && block[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(block) && (block[i] == '.' || block[i] == ')') && block[i+1] == ' '
}

// listItems gives the items of a list: its li children, with anything else between them
// (a stray nested list, text) attached to the item before it, or an item of its own.
func listItems(n *html.Node) []*html.Node {
	var items []*html.Node
	var loose *html.Node // a wrapper for content outside any li
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Li:
			items = append(items, c)
			loose = nil
		case c.Type == html.TextNode && strings.TrimSpace(c.Data) == "",
			c.Type != html.TextNode && c.Type != html.ElementNode:
		default:
			if loose == nil {
				loose = &html.Node{Type: html.ElementNode, Data: "div", DataAtom: atom.Div}
				items = append(items, loose)
			}
			loose.AppendChild(cloneTree(c))
		}
	}
	return items
}

// cloneTree copies n and its descendants, detached.
func cloneTree(n *html.Node) *html.Node {
	m := &html.Node{Type: n.Type, Data: n.Data, DataAtom: n.DataAtom, Attr: n.Attr}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		m.AppendChild(cloneTree(c))
	}
	return m
}

// indentItem puts the marker before the item's first line and indents the others by its
// width.
func indentItem(body, marker string) string {
	pad := strings.Repeat(" ", len(marker))
	lines := strings.Split(body, "\n")
	for i, l := range lines {
		switch {
		case i == 0:
			lines[i] = marker + l
		case l != "":
			lines[i] = pad + l
		}
	}
	return strings.Join(lines, "\n")
}

// codeBlock renders pre as a fenced code block keeping every line, with the language
// as the info string when the markup names it.
func (w *mdWriter) codeBlock(n *html.Node) string {
	code := strings.TrimRight(strings.Trim(PreText(n), "\n"), " \t\n")
	lines := strings.Split(code, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimRight(l, " \t")
	}
	code = strings.Join(lines, "\n")
	fence := strings.Repeat("`", max(3, longestRun(code, '`')+1))
	return fence + codeLanguage(n) + "\n" + code + "\n" + fence
}

// PreText is the text of a pre element with its line breaks: <br>, and the end of a block
// inside it (highlighters that put each line in a div).
func PreText(n *html.Node) string {
	var b strings.Builder
	var walk func(*html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			switch {
			case c.Type == html.TextNode:
				b.WriteString(strings.ReplaceAll(c.Data, "\r\n", "\n"))
			case c.Type != html.ElementNode || blocks.IsInvisible(c):
			case c.DataAtom == atom.Br:
				b.WriteByte('\n')
			default:
				walk(c)
				if isBlockNode(c) && b.Len() > 0 && !strings.HasSuffix(b.String(), "\n") {
					b.WriteByte('\n')
				}
			}
		}
	}
	walk(n)
	return strings.ReplaceAll(b.String(), "\t", "    ")
}

// longestRun is the length of the longest run of r in s.
func longestRun(s string, r byte) int {
	best, run := 0, 0
	for i := 0; i < len(s); i++ {
		if s[i] == r {
			run++
			best = max(best, run)
		} else {
			run = 0
		}
	}
	return best
}

// codeLanguage finds the language of a code block in the classes or data-lang attribute
// of the pre, its code child or the two elements around it: language-go, lang-go,
// highlight-source-go, highlight-go, "brush: go", "hljs go".
func codeLanguage(pre *html.Node) string {
	nodes := []*html.Node{pre}
	if c := firstElementChild(pre); c != nil && c.DataAtom == atom.Code {
		nodes = append(nodes, c)
	}
	for p, i := pre.Parent, 0; p != nil && i < 2; p, i = p.Parent, i+1 {
		nodes = append(nodes, p)
	}
	for _, n := range nodes {
		for _, key := range []string{"data-lang", "data-language"} {
			if l := cleanLanguage(blocks.Attr(n, key)); l != "" {
				return l
			}
		}
		if l := classLanguage(blocks.Attr(n, "class")); l != "" {
			return l
		}
	}
	return ""
}

func classLanguage(class string) string {
	words := strings.Fields(class)
	for i, c := range words {
		lc := strings.ToLower(c)
		for _, prefix := range []string{"language-", "lang-", "highlight-source-", "highlight-", "brush:"} {
			if rest, ok := strings.CutPrefix(lc, prefix); ok {
				if rest == "" && prefix == "brush:" && i+1 < len(words) {
					rest = words[i+1]
				}
				if l := cleanLanguage(strings.TrimSuffix(rest, ";")); l != "" {
					return l
				}
			}
		}
	}
	if len(words) == 2 && (words[0] == "hljs" || words[1] == "hljs") {
		other := words[0]
		if other == "hljs" {
			other = words[1]
		}
		if !strings.HasPrefix(other, "hljs") && other != "nohighlight" {
			return cleanLanguage(other)
		}
	}
	return ""
}

// cleanLanguage keeps a language name that is safe as an info string.
func cleanLanguage(s string) string {
	s = strings.ToLower(strings.TrimSpace(s))
	if s == "" || len(s) > 30 || s == "none" || s == "text" || s == "plain" || s == "notranslate" {
		return ""
	}
	for _, r := range s {
		if !(r >= 'a' && r <= 'z' || r >= '0' && r <= '9' || strings.ContainsRune("+#._-", r)) {
			return ""
		}
	}
	return s
}

func firstElementChild(n *html.Node) *html.Node {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode {
			return c
		}
		if c.Type == html.TextNode && strings.TrimSpace(c.Data) != "" {
			return nil
		}
	}
	return nil
}
