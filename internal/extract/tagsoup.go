package extract

import (
	"strings"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// hidden are the elements whose content tagSoup skips: never visible, and always closed
// (an unclosed one would hide the rest of the page, so void and optional-end elements
// such as <input> or <head> are not listed).
var hidden = map[atom.Atom]bool{
	atom.Script: true, atom.Style: true, atom.Noscript: true, atom.Template: true,
	atom.Textarea: true, atom.Select: true, atom.Iframe: true, atom.Object: true,
	atom.Svg: true, atom.Math: true, atom.Title: true,
}

// TagSoup is the fallback for a page that the HTML parser refuses (x/net/html rejects
// nesting deeper than 512 open elements): its text read token by token, a paragraph
// break at every block-level tag, nothing from hidden elements; the paragraphs are then
// classified as plain text is, and the <title> kept. It takes linear time at any depth.
func TagSoup(page string, explain bool) Article {
	z := html.NewTokenizer(strings.NewReader(page))
	var body, title strings.Builder
	var skip []atom.Atom // the hidden elements we are inside, innermost last
	for {
		tt := z.Next()
		switch tt {
		case html.ErrorToken:
			a := Text(body.String(), explain)
			if t := blocks.CollapseSpace(title.String()); t != "" {
				a.Title = t
			}
			return a
		case html.TextToken:
			text := strings.Map(lineToSpace, string(z.Text()))
			switch {
			case len(skip) == 1 && skip[0] == atom.Title:
				title.WriteString(text)
			case len(skip) == 0:
				body.WriteString(text)
			}
		case html.StartTagToken, html.EndTagToken, html.SelfClosingTagToken:
			name, _ := z.TagName()
			a := atom.Lookup(name)
			switch {
			case hidden[a] && tt == html.StartTagToken:
				skip = append(skip, a)
			case hidden[a] && tt == html.EndTagToken && len(skip) > 0 && skip[len(skip)-1] == a:
				skip = skip[:len(skip)-1]
			case hidden[a]: // <svg/>, or a stray end tag
			case a == atom.Br:
				body.WriteString("\n")
			case blocks.IsBlock(&html.Node{Type: html.ElementNode, DataAtom: a}):
				body.WriteString("\n\n")
			}
		}
	}
}

func lineToSpace(r rune) rune {
	if r == '\n' || r == '\r' || r == '\f' {
		return ' '
	}
	return r
}
