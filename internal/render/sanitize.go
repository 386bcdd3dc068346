package render

import (
	"strings"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// CleanString removes control characters other than newline and tab (terminal escape
// sequences lose their ESC and become harmless text), and the Unicode line and paragraph
// separators that some readers treat as line breaks.
func CleanString(s string) string {
	if isClean(s) {
		return s // the common case, read a byte at a time
	}
	return strings.Map(cleanRune, s)
}

// cleanRune is CleanString for one rune: -1 drops it.
func cleanRune(r rune) rune {
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
}

// isClean reports whether CleanString would leave s as it is: valid UTF-8 without
// control characters (but newline and tab) or line and paragraph separators.
func isClean(s string) bool {
	for i := blocks.PrintableASCII(s); i < len(s); i += blocks.PrintableASCII(s[i:]) {
		switch c := s[i]; {
		case c == '\n' || c == '\t' || c >= 0x80 && c != 0xc2 && c != 0xe2:
		case c < 0x80:
			return false // a control character
		case c == 0xc2: // U+0080 to U+00BF: C1 controls below U+00A0
			if i+1 < len(s) && s[i+1] < 0xa0 {
				return false
			}
		case c == 0xe2: // U+2000 to U+2FFF: U+2028 and U+2029 are E2 80 A8 and A9
			if i+2 < len(s) && s[i+1] == 0x80 && (s[i+2] == 0xa8 || s[i+2] == 0xa9) {
				return false
			}
		}
		i++
	}
	return utf8.ValidString(s)
}

// OneLine makes s safe as one line of a terminal message (an error naming a file or a
// server's status text, say): CleanString, then every run of white space (newlines
// included) one space.
func OneLine(s string) string {
	return strings.Join(strings.Fields(CleanString(s)), " ")
}

// DropUnsafeLinks removes link targets with a scheme other than http(s), mailto or a
// relative reference (javascript:, data:, vbscript:…): such a link is replaced by its
// content, so its text stays, and such an image is removed. Links without any target are
// unwrapped too, as Markdown converters would point them at the page itself.
//
// It runs again at rendering; callers run it before extraction too, as readability turns
// some of these targets into links to the page itself.
func DropUnsafeLinks(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		DropUnsafeLinks(c)
		switch {
		case c.Type != html.ElementNode:
		case c.DataAtom == atom.A && !hasSafeAttr(c, "href"):
			unwrap(c)
		case c.DataAtom == atom.Img && !hasSafeAttr(c, "src") && !hasSafeAttr(c, "srcset") && !hasSafeAttr(c, "data-src"):
			n.RemoveChild(c)
		}
		c = next
	}
}

// hasSafeAttr reports whether n has the attribute key with a non-empty safe URL.
func hasSafeAttr(n *html.Node, key string) bool {
	for _, a := range n.Attr {
		if a.Key == key {
			return strings.TrimSpace(a.Val) != "" && safeURL(a.Val)
		}
	}
	return false
}

// unwrap replaces n by its children.
func unwrap(n *html.Node) {
	for c := n.FirstChild; c != nil; c = n.FirstChild {
		n.RemoveChild(c)
		n.Parent.InsertBefore(c, n)
	}
	n.Parent.RemoveChild(n)
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
