package extract

import (
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// fixAtoms gives every element under root the atom of its tag name. Readability renames
// elements (a <div> of phrasing content becomes a <p>, a <font> a <span>) by their Data
// alone, which leaves the old atom, or none, behind; everything after it (pruning, the
// rules' blocks, rendering) tells elements apart by their atom.
func fixAtoms(root *html.Node) {
	if root.Type == html.ElementNode {
		if a := atom.Lookup([]byte(root.Data)); a != root.DataAtom {
			root.DataAtom = a
		}
	}
	for c := root.FirstChild; c != nil; c = c.NextSibling {
		fixAtoms(c)
	}
}
