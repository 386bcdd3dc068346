package render

import (
	"strings"

	"github.com/cleanhq/clean/pkg/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Text renders an article DOM as plain text: one paragraph per block, separated by a blank
// line; <br> gives a line break; white space inside lines is collapsed.
func Text(root *html.Node) string {
	if root == nil {
		return ""
	}
	var b strings.Builder
	writeText(&b, root)
	var paras []string
	for _, p := range strings.Split(b.String(), "\n\n") {
		if p = tidyParagraph(p); p != "" {
			paras = append(paras, p)
		}
	}
	return strings.Join(paras, "\n\n")
}

func writeText(b *strings.Builder, n *html.Node) {
	switch {
	case n.Type == html.TextNode:
		b.WriteString(strings.ReplaceAll(n.Data, "\n", " "))
		return
	case n.Type != html.ElementNode && n.Type != html.DocumentNode:
		return
	case n.DataAtom == atom.Br:
		b.WriteString("\n")
		return
	case blocks.IsInvisible(n):
		return
	}
	block := blocks.IsBlock(n)
	if block {
		b.WriteString("\n\n")
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		writeText(b, c)
		if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
			b.WriteString(" ")
		}
	}
	if block {
		b.WriteString("\n\n")
	}
}

func tidyParagraph(p string) string {
	lines := strings.Split(p, "\n")
	out := lines[:0]
	for _, l := range lines {
		if l = blocks.CollapseSpace(l); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
