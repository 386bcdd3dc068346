package extract

import (
	"regexp"
	"strings"
	"unicode"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// Pruning removes the boilerplate that readability leaves inside the article it picks:
// navigation, captions and credits, share bars, related-link lists, author boxes, newsletter
// prompts. It judges by structure (element kind, link density) and by the class and id
// tokens page authors give such blocks, never by the words of a particular page, so it
// works the same in any language.

// boilerTags are elements that never hold article body text.
var boilerTags = map[atom.Atom]bool{
	atom.Nav: true, atom.Aside: true, atom.Footer: true,
	atom.Form: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Label: true, atom.Menu: true, atom.Dialog: true,
}

// boilerTokens are class/id words that mark non-article blocks. A class or id is split into
// words at every non-letter and at lower-to-upper case changes ("post-author",
// "shareBar", "article__caption").
var boilerTokens = map[string]bool{
	"caption": true, "captions": true, "credit": true, "credits": true,
	"byline": true, "author": true, "authors": true, "dateline": true, "bio": true,
	"timestamp": true, "date": true, "time": true, "published": true, "updated": true,
	"share": true, "sharing": true, "social": true, "sharebar": true,
	"related": true, "recirc": true, "recommended": true, "recommendations": true, "promo": true,
	"newsletter": true, "subscribe": true, "subscription": true, "signup": true,
	"comment": true, "comments": true, "disqus": true,
	"tags": true, "tag": true, "breadcrumb": true, "breadcrumbs": true,
	"ad": true, "ads": true, "advert": true, "advertisement": true, "sponsor": true, "sponsored": true,
	"meta": true, "toolbar": true, "popup": true, "modal": true, "overlay": true, "cookie": true,
	"gallery": true, "nav": true, "navigation": true, "menu": true, "pagination": true, "pager": true, "print": true, "skip": true, "header": true, "popular": true, "trending": true, "outbrain": true, "taboola": true, "copyright": true, "slideshow": true, "carousel": true, "embed": true,
}

// maxPruneShare bounds what one pruning step may remove: an element holding more than this
// share of the article's text is never removed, however it is marked.
const maxPruneShare = 0.3

// prune removes boilerplate from an article DOM in place and returns the elements it
// removed. byline is the author line readability found, if any: a short block repeating it
// near the start goes too.
func prune(root *html.Node, byline string) []*html.Node {
	total := float64(textLen(root))
	ids := elementIDs(root)
	var doomed []*html.Node
	// inData: n is inside a data table, which is judged as a whole (an infobox holds lists
	// of links); the cells of a layout table are judged like any block.
	var walk func(n *html.Node, inData bool)
	walk = func(n *html.Node, inData bool) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type != html.ElementNode {
				continue
			}
			if isBoilerplate(c, inData) && !isContentsList(c, ids) && float64(textLen(c)) <= maxPruneShare*total {
				doomed = append(doomed, c)
				continue
			}
			walk(c, inData || c.DataAtom == atom.Table && !blocks.IsLayoutTable(c))
		}
	}
	walk(root, false)
	for _, n := range doomed {
		blocks.Remove(n, root)
	}
	return append(doomed, pruneEdges(root, byline)...)
}

// pruneEdges removes, among the leaf blocks near the start or the end of the article,
// datelines, a block repeating the byline, and a heading left last (it heads nothing:
// "Related stories" over a removed link list; a heading over a picture heads that). It
// returns the blocks it removed.
func pruneEdges(root *html.Node, byline string) []*html.Node {
	var removed []*html.Node
	drop := func(n *html.Node) {
		blocks.Remove(n, root)
		removed = append(removed, n)
	}
	leaves := blocks.Leaves(root)
	kept := leaves[:0]
	for i, leaf := range leaves {
		if (i < datelineZone || i >= len(leaves)-datelineZone) && isDatelineBlock(leaf) {
			drop(leaf)
			continue
		}
		kept = append(kept, leaf)
	}
	if i := bylineBlock(kept, byline); i >= 0 {
		drop(kept[i])
		kept = append(kept[:i], kept[i+1:]...)
	}
	if last := len(kept) - 1; last >= 0 && headingLevel(kept[last]) > 0 && !imageAfter(kept[last]) {
		drop(kept[last])
	}
	return removed
}

// headingLevel is 1 to 6 for h1 to h6, else 0.
func headingLevel(n *html.Node) int {
	switch n.DataAtom {
	case atom.H1:
		return 1
	case atom.H2:
		return 2
	case atom.H3:
		return 3
	case atom.H4:
		return 4
	case atom.H5:
		return 5
	case atom.H6:
		return 6
	}
	return 0
}

// isBoilerplate judges one element by its kind, visibility, class/id tokens and links;
// inData says it is inside a data table, where links are the table's own.
func isBoilerplate(n *html.Node, inData bool) bool {
	switch {
	case boilerTags[n.DataAtom], isHidden(n):
		return true
	case n.DataAtom == atom.Header:
		return !articleHeader(n)
	case headingLevel(n) > 0:
		return isDrawnRule(blocks.Text(n))
	case hasBoilerToken(n):
		// A cell of a data table marked "date" or "header_cell" is the table's own (a
		// layout table's cells are judged like any block); a block that is all
		// the text of a list item (an image's caption as the item) is that item.
		return !(tablePart[n.DataAtom] && inData) && !isItemText(n)
	case n.DataAtom == atom.Ul || n.DataAtom == atom.Ol:
		return linkDensity(n) > 0.5 && !inData && mostlyLinkItems(n) && !underHeading(n) &&
			!inProseItem(n) && !listsAddresses(n)
	case blocks.IsBlock(n) && !hasBlockChild(n) && !inData && (!linkHolder[n.DataAtom] || isCell(n)):
		return linkDensity(n) > 0.8
	}
	return false
}

// isDrawnRule reports whether a text is a line drawn with punctuation ("______",
// "* * *"): a separator set as a heading, which heads nothing.
func isDrawnRule(text string) bool {
	drawn := false
	for _, r := range text {
		switch {
		case unicode.IsLetter(r), unicode.IsDigit(r):
			return false
		case !unicode.IsSpace(r):
			drawn = true
		}
	}
	return drawn
}

// isCell reports whether n is a table cell.
func isCell(n *html.Node) bool { return n.DataAtom == atom.Td || n.DataAtom == atom.Th }

// isItemText reports whether n holds all the text of the list item it sits in: the item
// is judged with its list, and pruning n would leave an empty bullet.
func isItemText(n *html.Node) bool {
	for p := n.Parent; p != nil; p = p.Parent {
		if p.DataAtom == atom.Li {
			k := textLen(n)
			return k > 0 && k == textLen(p)
		}
	}
	return false
}

// articleHeader reports whether a header is the article's own: it holds the headline
// (a heading) and a standfirst (a paragraph), and is not mostly links.
func articleHeader(n *html.Node) bool {
	return hasElement(n, headingAtoms) && hasElement(n, map[atom.Atom]bool{atom.P: true}) && linkDensity(n) < 0.5
}

var headingAtoms = map[atom.Atom]bool{atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true}

func hasElement(n *html.Node, atoms map[atom.Atom]bool) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type == html.ElementNode && (atoms[c.DataAtom] || hasElement(c, atoms)) {
			return true
		}
	}
	return false
}

// tablePart are the elements inside a table, judged with their table, not by their class.
var tablePart = map[atom.Atom]bool{
	atom.Td: true, atom.Th: true, atom.Tr: true, atom.Thead: true, atom.Tbody: true, atom.Tfoot: true,
	atom.Caption: true, atom.Colgroup: true, atom.Col: true,
}

// linkHolder are the blocks that may be all link and still be article: a heading whose
// text links to itself, a table cell, a caption, an item of a list that was kept (a list
// is judged as a whole, above).
var linkHolder = map[atom.Atom]bool{
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Td: true, atom.Th: true, atom.Caption: true, atom.Figcaption: true, atom.Li: true,
	atom.Dt: true, atom.Dd: true,
}

func isHidden(n *html.Node) bool {
	for _, a := range n.Attr {
		switch a.Key {
		case "hidden":
			return true
		case "aria-hidden": // not for images: a formula's picture is hidden from screen readers only
			if a.Val == "true" && n.DataAtom != atom.Img {
				return true
			}
		case "style":
			s := strings.ReplaceAll(strings.ToLower(a.Val), " ", "")
			if strings.Contains(s, "display:none") || strings.Contains(s, "visibility:hidden") {
				return true
			}
		}
	}
	return false
}

func hasBoilerToken(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		words := classWords(a.Val)
		if a.Key == "id" && len(words) >= slugWords {
			continue // a heading's text made an id ("sharing-with-a-single-developer"), not a role
		}
		for i, w := range words {
			if i > 0 && (words[i-1] == "no" || words[i-1] == "non") {
				continue // "no_caption": the block says it has none
			}
			if boilerTokens[w] && !(captionTokens[w] && hasElement(n, imageAtoms)) {
				return true
			}
		}
	}
	return false
}

// captionTokens mark captions and credits, which go on their own (measured: keeping those
// next to an image too costs 0.007 of ScrapingHub F1); a block so marked that holds an
// image is the figure itself (WordPress's wp-caption, Blogger's tr-caption-container).
var captionTokens = map[string]bool{"caption": true, "captions": true, "credit": true, "credits": true}

var imageAtoms = map[atom.Atom]bool{atom.Img: true, atom.Picture: true}

// mostlyLinkItems reports whether at least half the items of a list are links and
// nothing else worth reading (navigation, related stories); a list whose items say who
// did what around their links ("Jane fixed [the crash]") is prose.
func mostlyLinkItems(list *html.Node) bool {
	items, linkOnly := 0, 0
	for c := list.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode || c.DataAtom != atom.Li {
			continue
		}
		items++
		if ownText(c) <= maxItemExtra {
			linkOnly++
		}
	}
	return items == 0 || 2*linkOnly >= items
}

// inProseItem reports whether a list is nested in an item that introduces it with words
// of its own and a colon ("In progress:" over a list of bug links), in a list of points
// that are prose (another item says something and opens no list): it is part of that
// item. A menu's items that open a submenu are links or labels ("Sections", a widget's
// title), and a box of stories under its title is a list of one item.
func inProseItem(list *html.Node) bool {
	item := list.Parent
	if item == nil || item.DataAtom != atom.Li || item.Parent == nil || !introduces(item, list) {
		return false
	}
	for c := item.Parent.FirstChild; c != nil; c = c.NextSibling {
		if c != item && c.Type == html.ElementNode && c.DataAtom == atom.Li && ownText(c) > maxItemExtra &&
			!hasElement(c, listAtoms) {
			return true
		}
	}
	return false
}

// introduces reports whether the text of item before its child list, links left out, ends
// with a colon.
func introduces(item, list *html.Node) bool {
	var b strings.Builder
	for c := item.FirstChild; c != nil && c != list; c = c.NextSibling {
		if c.DataAtom != atom.A {
			b.WriteString(blocks.Text(c))
		}
	}
	lead := strings.TrimSpace(b.String())
	return strings.HasSuffix(lead, ":") && len(lead) > 1 || strings.HasSuffix(lead, "：")
}

var listAtoms = map[atom.Atom]bool{atom.Ul: true, atom.Ol: true}

// ownText is how much text (non-space runes) n holds outside its links.
func ownText(n *html.Node) int { return textLen(n) - linkTextLen(n) }

// listsAddresses reports whether most links of a list show their own address
// ("https://nodejs.org/api/inspector.html"): a list of sources, which cites where it
// points; navigation and related-story lists show titles.
func listsAddresses(list *html.Node) bool {
	links, addresses := 0, 0
	for _, a := range descendants(list, atom.A) {
		links++
		if isAddress(blocks.CollapseSpace(blocks.Text(a))) {
			addresses++
		}
	}
	return links > 0 && 2*addresses > links
}

// isAddress reports whether a link's text is a web address.
func isAddress(text string) bool {
	t := strings.ToLower(text)
	return !strings.ContainsAny(t, " \t") && (strings.HasPrefix(t, "http://") || strings.HasPrefix(t, "https://") || strings.HasPrefix(t, "www."))
}

// descendants returns the elements under n of kind a, in document order.
func descendants(n *html.Node, a atom.Atom) []*html.Node {
	var out []*html.Node
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if c.Type != html.ElementNode {
			continue
		}
		if c.DataAtom == a {
			out = append(out, c)
		}
		out = append(out, descendants(c, a)...)
	}
	return out
}

// underHeading reports whether a list comes right after a heading of the article (its
// previous element, a heading or a term used as one) and is not the article's end: a
// section that is a list of links ("See also", "Sources"). A list that ends the article
// under its heading is left to the other rules: that is where "Related stories" sit;
// but not under a term used as a heading (MediaWiki's ";General information" over the
// last list of its external links): recirculation boxes are titled by headings.
func underHeading(n *html.Node) bool {
	for p := n.PrevSibling; p != nil; p = p.PrevSibling {
		switch {
		case p.Type == html.TextNode && strings.TrimSpace(p.Data) == "", p.Type == html.CommentNode:
		case p.Type == html.ElementNode:
			return isTermHeading(p) || headingLevel(p) > 1 && textAfter(n)
		default:
			return false
		}
	}
	return false
}

// isTermHeading reports whether n is a definition list of terms only, which pages use as
// a small heading (MediaWiki's ";Government" over a list of links).
func isTermHeading(n *html.Node) bool {
	if n.DataAtom != atom.Dl {
		return false
	}
	terms := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch {
		case c.Type == html.ElementNode && c.DataAtom == atom.Dt:
			terms++
		case c.Type == html.ElementNode, c.Type == html.TextNode && strings.TrimSpace(c.Data) != "":
			return false
		}
	}
	return terms > 0
}

// textAfter reports whether visible text follows n inside the article.
func textAfter(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if textLen(s) > 0 {
				return true
			}
		}
	}
	return false
}

// imageAfter reports whether an image follows n inside the article.
func imageAfter(n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		for s := n.NextSibling; s != nil; s = s.NextSibling {
			if imageAtoms[s.DataAtom] || hasElement(s, imageAtoms) {
				return true
			}
		}
	}
	return false
}

// maxItemExtra is how much text (in non-space runes) besides its links a list item may
// hold and still count as a bare link: a bullet, a separator, a count.
const maxItemExtra = 6

// slugWords is how many words an id has from which on it is read as made from text.
const slugWords = 4

// elementIDs collects the ids of the elements under root.
func elementIDs(root *html.Node) map[string]bool {
	ids := map[string]bool{}
	var walk func(n *html.Node)
	walk = func(n *html.Node) {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode {
				if id := blocks.Attr(c, "id"); id != "" {
					ids[id] = true
				}
				walk(c)
			}
		}
	}
	walk(root)
	return ids
}

// isContentsList reports whether n is a list of links most of which point into the
// article itself (a table of contents, footnotes): the article's own, not navigation.
func isContentsList(n *html.Node, ids map[string]bool) bool {
	if n.DataAtom != atom.Ul && n.DataAtom != atom.Ol {
		return false
	}
	links, inside := 0, 0
	for _, a := range descendants(n, atom.A) {
		links++
		if _, frag, ok := strings.Cut(blocks.Attr(a, "href"), "#"); ok && ids[frag] {
			inside++
		}
	}
	return links > 0 && 2*inside >= links
}

// classWords splits a class or id value into lower-case words: runs of letters, cut at
// every other character and at lower-to-upper case changes ("post-author", "shareBar",
// "article__caption"). Letters that follow a digit inside a run of letters and digits are
// a generated code, not a word: "ad2" gives "ad", but "e1ad" (a hashed id) gives only "e",
// not "ad".
func classWords(s string) []string {
	var out []string
	start := -1
	prevLower, code := false, false
	flush := func(i int) {
		if start >= 0 {
			out = append(out, strings.ToLower(s[start:i]))
		}
		start = -1
	}
	for i, r := range s {
		switch {
		case unicode.IsDigit(r):
			flush(i)
			code = true
		case !unicode.IsLetter(r):
			flush(i)
			code = false
		case code:
		case unicode.IsUpper(r) && prevLower:
			flush(i)
			start = i
		case start < 0:
			start = i
		}
		prevLower = unicode.IsLower(r)
	}
	flush(len(s))
	return out
}

// linkDensity is the share of n's text that sits inside links.
func linkDensity(n *html.Node) float64 {
	all := textLen(n)
	if all == 0 {
		return 0
	}
	return float64(linkTextLen(n)) / float64(all)
}

func linkTextLen(n *html.Node) int {
	if n.Type == html.ElementNode && n.DataAtom == atom.A {
		return textLen(n)
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += linkTextLen(c)
	}
	return total
}

// textLen counts the non-space runes of n's visible text (0 for nil).
func textLen(n *html.Node) int {
	switch {
	case n == nil:
		return 0
	case n.Type == html.TextNode:
		k := 0
		for _, r := range n.Data {
			if !unicode.IsSpace(r) {
				k++
			}
		}
		return k
	case blocks.IsInvisible(n):
		return 0
	}
	total := 0
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		total += textLen(c)
	}
	return total
}

func hasBlockChild(n *html.Node) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if blocks.IsBlock(c) || hasBlockChild(c) {
			return true
		}
	}
	return false
}

// strippedTags are removed from the whole page before readability runs: they never hold
// article text, and every element readability need not score saves time.
var strippedTags = map[atom.Atom]bool{
	atom.Style: true, atom.Svg: true, atom.Template: true, atom.Nav: true, atom.Aside: true,
	atom.Footer: true, atom.Button: true, atom.Select: true, atom.Textarea: true,
	atom.Input: true, atom.Dialog: true, atom.Iframe: true,
}

// strippedRoles are the ARIA landmark roles of page furniture: the site's header
// (banner) and footer (contentinfo), navigation, sidebars (complementary), search forms
// and dialogs.
var strippedRoles = map[string]bool{
	"banner": true, "contentinfo": true, "navigation": true, "complementary": true,
	"search": true, "dialog": true, "alertdialog": true,
}

// preprune removes from a page what is never article text: the elements above, scripts
// other than JSON-LD metadata (which readability reads), comments and hidden elements.
func preprune(n *html.Node) {
	for c := n.FirstChild; c != nil; {
		next := c.NextSibling
		switch {
		case c.Type == html.CommentNode,
			c.Type == html.ElementNode && (strippedTags[c.DataAtom] || strippedRoles[blocks.Attr(c, "role")] || isHidden(c) || isPlainScript(c)):
			n.RemoveChild(c)
		case c.Type == html.ElementNode:
			preprune(c)
		}
		c = next
	}
}

func isPlainScript(n *html.Node) bool {
	return n.DataAtom == atom.Script && !strings.EqualFold(strings.TrimSpace(blocks.Attr(n, "type")), "application/ld+json")
}

// A dateline is a short block that carries a timestamp: a time of day next to a year, or
// a numeric date. It is page furniture ("Updated 10:01 pm, Nov 19, 2019"), in any language.
var (
	clockRe       = regexp.MustCompile(`\b\d{1,2}[:h.]\d{2}\b`)
	yearRe        = regexp.MustCompile(`\b(?:19|20)\d{2}\b`)
	numericDateRe = regexp.MustCompile(`\b(?:\d{1,2}[./-]\d{1,2}[./-](?:19|20)?\d{2}|(?:19|20)\d{2}-\d{2}-\d{2})\b`)
)

// maxDatelineWords bounds the length of a dateline.
const maxDatelineWords = 12

func isDateline(text string) bool {
	if len(strings.Fields(text)) > maxDatelineWords {
		return false
	}
	return numericDateRe.MatchString(text) || clockRe.MatchString(text) && yearRe.MatchString(text)
}

// datelineZone is how many leaf blocks at each end of the article may be datelines (and
// at the start, a byline): a timeline or a schedule in the body keeps its dates.
const datelineZone = 3

// isDatelineBlock reports whether a leaf block is a dateline or holds a <time> element
// and little else.
func isDatelineBlock(leaf *html.Node) bool {
	text := blocks.Text(leaf)
	return isDateline(text) || hasTimeElement(leaf) && len(strings.Fields(text)) <= maxDatelineWords
}

func hasTimeElement(n *html.Node) bool {
	if n.Type == html.ElementNode && n.DataAtom == atom.Time {
		return true
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		if hasTimeElement(c) {
			return true
		}
	}
	return false
}

// bylineBlock returns the index of a short block among the first leaves that holds the
// byline ("By Jane Doe", "Jane Doe, Staff Writer"), or -1. The byline is metadata, kept in
// Article.Byline.
func bylineBlock(leaves []*html.Node, byline string) int {
	byline = blocks.CollapseSpace(byline)
	if byline == "" {
		return -1
	}
	for i, leaf := range leaves[:min(len(leaves), datelineZone)] {
		text := blocks.CollapseSpace(blocks.Text(leaf))
		if strings.Contains(text, byline) && len(strings.Fields(text)) <= len(strings.Fields(byline))+maxDatelineWords/2 {
			return i
		}
	}
	return -1
}
