package extract

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/rules"
)

// ByReadability is the name under which --explain reports the page's text that
// readability left out of its article.
const ByReadability = "readability"

// visibleBlocks returns the visible text of a page's body, line by line (block
// boundaries and <br> end a line; see blocks.Text). It is what readability starts from,
// read only when Page.Explain is set: it costs a walk over the page.
func visibleBlocks(doc *html.Node) []string {
	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	return strings.Split(blocks.Text(body), "\n")
}

// leftOut returns, as removals by readability, the page's blocks whose text is not in
// its article: readability may split or join blocks, so a block counts as kept when its
// text is anywhere in the article's text. The title, which the article leaves out on
// purpose, is not listed: neither the one readability found nor the page's titles and
// headings (Meta).
func leftOut(page []string, article *html.Node, title string, m Meta) []rules.Removal {
	kept := strings.ReplaceAll(blocks.Text(article), "\n", " ")
	titles := map[string]bool{titleKey(title): true}
	for _, t := range append(m.Titles, m.Headings...) {
		titles[titleKey(t)] = true
	}
	var out []rules.Removal
	for _, b := range page {
		if b != "" && !strings.Contains(kept, b) && !titles[titleKey(b)] {
			out = append(out, rules.NewRemoval(ByReadability, b))
		}
	}
	return out
}
