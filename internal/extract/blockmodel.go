package extract

import (
	"bytes"
	_ "embed"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/internal/model"
	"github.com/cleanhq/clean/rules"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The block model is the second candidate: every block of the page (segment.go) judged by
// a small learned model (package model: logistic regression, or boosted trees with
// cleanbench train -kind trees) on features that hold on any page (features.go). It is
// trained by `cleanbench train` on ../shared/bench; the weights are block.model, embedded.
//
//go:embed block.model
var blockModelFile []byte

// BlockModel returns the embedded block model (boosted trees or a logistic model, as
// cleanbench train wrote it), or nil when it does not fit the features.
func BlockModel() model.Classifier {
	return ReadBlockModel(blockModelFile)
}

// ReadBlockModel reads a block model file, or returns nil when it is not one that fits
// the features.
func ReadBlockModel(data []byte) model.Classifier {
	if t, err := model.ReadTrees(bytes.NewReader(data)); err == nil && len(t.Features) == len(blockFeatures) {
		return t
	}
	if l, err := model.Read(bytes.NewReader(data)); err == nil && len(l.Features) == len(blockFeatures) {
		return l
	}
	return nil // no trained model: the chooser goes without it
}

var defaultBlockModel = BlockModel()

// BlockFeatures names the block model's features, in vector order.
func BlockFeatures() []string { return append([]string(nil), blockFeatures...) }

// A Block is one segment of a page with its feature vector: what training reads.
type Block struct {
	Text    string
	X       []float64
	Comment bool // inside a region marked as reader comments
}

// pageBlocks segments doc and computes every block's features; read is readability's
// article (nil when it found none).
func pageBlocks(doc *html.Node, read *html.Node, p *Page) ([]segment, [][]float64) {
	body := findElement(doc, atom.Body)
	if body == nil {
		body = doc
	}
	segs := segments(body)
	ctx := pageContext{readShort: textLen(read) < minArticleRunes, titleWords: wordSet(p.Title), ldBody: p.Meta.ArticleBody}
	if read != nil {
		ctx.readText = textSet(read)
	}
	for _, s := range segs {
		ctx.totalRunes += s.runes
	}
	return segs, featureVectors(segs, ctx)
}

// Blocks runs readability on the page, then segments what is left of its DOM and returns
// every block with its features, in document order (for training and for study).
func Blocks(p *Page) ([]Block, error) {
	read, err := readabilityCandidate{}.Extract(p)
	if err != nil {
		return nil, err
	}
	doc, err := p.readDOM()
	if err != nil {
		return nil, err
	}
	segs, xs := pageBlocks(doc, read.Root, p)
	out := make([]Block, len(segs))
	for i, s := range segs {
		out[i] = Block{Text: s.text, X: xs[i], Comment: s.path.comment}
	}
	return out, nil
}

// blockThreshold is the probability above which a block is article text.
const blockThreshold = 0.5

// classify returns, per segment, whether the model keeps it.
func classify(m model.Classifier, xs [][]float64) []bool {
	keep := make([]bool, len(xs))
	for i, x := range xs {
		keep[i] = m.Predict(x) > blockThreshold
	}
	return keep
}

// blockCandidate is the block model's article: the blocks of the whole page that the
// model keeps, in document order. It reads the DOM readability ran on, and readability's
// article as one of its features, so it runs after the readability candidate.
type blockCandidate struct{}

func (blockCandidate) Name() string { return blockModel }

func (blockCandidate) Extract(p *Page) (Article, error) {
	m := p.BlockModel
	if m == nil {
		m = defaultBlockModel
	}
	if m == nil {
		return Article{}, nil
	}
	doc, err := p.readDOM()
	if err != nil {
		return Article{}, err
	}
	declares := declaresArticle(doc, p.Source) && aboutTitle(p.readRoot, p.Title)
	if declares && !p.Comments && textLen(p.readRoot) >= minArticleRunes {
		// The chooser keeps readability's article (see prefer): no need to judge blocks.
		return Article{agree: agreement{declaresArticle: true}}, nil
	}
	segs, xs := pageBlocks(doc, p.readRoot, p)
	inRead := make([]bool, len(segs))
	for i := range segs {
		inRead[i] = xs[i][fInread] >= 0.5
	}
	keep := keepStructure(segs, keepHeadings(segs, wholeTables(segs, classify(m, xs))), inRead)
	p.segs, p.inKept, p.inRead = segs, keep, inRead
	a := Article{URL: p.Canonical, Title: p.Title}
	a.agree.declaresArticle = declares
	var kept []segment
	var figures []*html.Node
	for i, s := range segs {
		if s.path.caption {
			// A caption goes with its figure: both when the blocks around it are kept.
			keep[i] = s.path.figure != nil && i > 0 && i+1 < len(segs) && keep[i-1] && keep[i+1]
			if keep[i] {
				figures = append(figures, s.path.figure)
			}
		}
		if xs[i][fInread] >= 0.5 {
			a.agree.read += s.runes
			if s.path.article || s.path.main || s.path.articleBody {
				a.agree.declared += s.runes
			}
		}
		if !keep[i] || isTitle(s, p.Title) && len(kept) < 3 {
			if p.Explain {
				a.Removed = append(a.Removed, rules.NewRemoval(ByBlockModel, s.text))
			}
			continue
		}
		kept = append(kept, s)
		a.agree.kept += s.runes
		if xs[i][fInread] >= 0.5 {
			a.agree.inRead += s.runes
		}
	}
	a.Root = keptTree(kept, figures)
	for _, n := range prune(a.Root, p.readByline) {
		if p.Explain {
			a.Removed = append(a.Removed, rules.NewRemoval(ByHTMLPrune, blocks.Text(n)))
		}
	}
	return a, nil
}

// aboutTitle reports whether the article under root holds one of title's content words
// (four letters or more, not a stop word), or the title has fewer than three of them to
// tell by. Readability's article on a page that declares itself an article is trusted
// only when it is about the page's title: one that holds none of its words is not the
// story (a footer's browser notice readability took on a video page).
func aboutTitle(root *html.Node, title string) bool {
	words := titleContentWords(title)
	if len(words) < 3 {
		return true
	}
	if root == nil {
		return false
	}
	return holdsWord(root, words)
}

// holdsWord reports whether a text node under n holds one of words (lower case), in any
// case. The title's words come early in a story: the walk mostly stops in its first lines.
func holdsWord(n *html.Node, words []string) bool {
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		switch c.Type {
		case html.TextNode:
			text := strings.ToLower(c.Data)
			for _, w := range words {
				if strings.Contains(text, w) {
					return true
				}
			}
		case html.ElementNode:
			if !blocks.IsInvisible(c) && holdsWord(c, words) {
				return true
			}
		}
	}
	return false
}

// titleContentWords returns the words of title, in lower case, of four letters or more
// that are not stop words.
func titleContentWords(title string) []string {
	var words []string
	for _, w := range strings.FieldsFunc(strings.ToLower(title), func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }) {
		if utf8.RuneCountInString(w) >= 4 && !stopWords[w] {
			words = append(words, w)
		}
	}
	return words
}

// declaresArticle reports whether the page declares itself an article: Open Graph's
// og:type article or its article:… properties (article:published_time…), or a
// schema.org Article (NewsArticle, BlogPosting…) in its JSON-LD.
func declaresArticle(doc *html.Node, source string) bool {
	if head := findElement(doc, atom.Head); head != nil {
		for c := head.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Meta {
				continue
			}
			prop := strings.ToLower(blocks.Attr(c, "property"))
			if strings.HasPrefix(prop, "article:") ||
				prop == "og:type" && strings.EqualFold(strings.TrimSpace(blocks.Attr(c, "content")), "article") {
				return true
			}
		}
	}
	return strings.Contains(source, `Article"`) || strings.Contains(source, `"BlogPosting"`)
}

// wholeTables keeps a data table whole: all its cells when the model keeps at least
// half of its text or the blocks on both sides of it (row and column headers read like
// labels, but belong to the table), else none.
func wholeTables(segs []segment, keep []bool) []bool {
	kept, all := map[*html.Node]int{}, map[*html.Node]int{}
	first, last := map[*html.Node]int{}, map[*html.Node]int{}
	data := dataTables{}
	for i, s := range segs {
		t := s.path.tableNode
		if t == nil || !data.is(t) {
			continue
		}
		if _, ok := first[t]; !ok {
			first[t] = i
		}
		last[t] = i
		all[t] += s.runes
		if keep[i] {
			kept[t] += s.runes
		}
	}
	out := append([]bool(nil), keep...)
	for t, i := range first {
		whole := 2*kept[t] >= all[t] || i > 0 && last[t]+1 < len(segs) && keep[i-1] && keep[last[t]+1]
		for j := i; j <= last[t]; j++ {
			if segs[j].path.tableNode == t {
				out[j] = whole
			}
		}
	}
	return out
}

// keepHeadings keeps a heading inside the article: one that follows a kept block and
// heads one, as a heading belongs to the text it heads.
func keepHeadings(segs []segment, keep []bool) []bool {
	seen := false
	for i, s := range segs {
		if !keep[i] && seen && i+1 < len(segs) && keep[i+1] && headingLevel(s.parent) > 0 {
			keep[i] = true
		}
		seen = seen || keep[i]
	}
	return keep
}

// keepStructure keeps structure of readability's article that sits in a gap of the block
// model's, between two blocks it keeps, when headings and list items are all that
// readability holds in that gap: there the two articles agree on the text and differ
// only in structure, which readability's, built from the page's own elements, keeps. Of
// those, it keeps a heading that heads kept text (the next block either article holds is
// kept), and a list item of a list the model keeps the most of, or of a table of contents
// (links into the page). A gap where readability holds other text too is a real
// disagreement, left to the model; so are lists of links of their own (related stories).
func keepStructure(segs []segment, keep, inRead []bool) []bool {
	lists := keptLists(segs, keep)
	var ids map[string]bool // read only when a gap holds a list no kept block is in
	start := -1             // the first block of the current gap, after a kept block
	for i := range segs {
		if !keep[i] {
			continue
		}
		if start >= 0 && onlyStructure(segs[start:i], inRead[start:i]) {
			for j := start; j < i; j++ {
				switch s := segs[j]; {
				case !inRead[j]:
				case headingLevel(s.parent) > 0:
					keep[j] = headsKept(j, keep, inRead)
				default:
					l := outerList(s.parent)
					if !lists[l] && ids == nil {
						ids = elementIDs(root(l))
					}
					keep[j] = lists[l] || isContentsList(l, ids)
				}
			}
		}
		start = i + 1
	}
	return keep
}

// onlyStructure reports whether the blocks of a gap that readability holds are all
// headings or list items, and there is at least one.
func onlyStructure(gap []segment, inRead []bool) bool {
	n := 0
	for i, s := range gap {
		if !inRead[i] {
			continue
		}
		if headingLevel(s.parent) == 0 && outerList(s.parent) == nil {
			return false
		}
		n++
	}
	return n > 0
}

// headsKept reports whether the first block after block i that the model keeps or
// readability holds is one the model keeps.
func headsKept(i int, keep, inRead []bool) bool {
	for j := i + 1; j < len(keep); j++ {
		if keep[j] || inRead[j] {
			return keep[j]
		}
	}
	return false
}

// keptLists returns the outermost lists (ul, ol) of which the model keeps at least half
// the text.
func keptLists(segs []segment, keep []bool) map[*html.Node]bool {
	kept, all := map[*html.Node]int{}, map[*html.Node]int{}
	for i, s := range segs {
		if l := outerList(s.parent); l != nil {
			all[l] += s.runes
			if keep[i] {
				kept[l] += s.runes
			}
		}
	}
	out := map[*html.Node]bool{}
	for l, n := range kept {
		out[l] = 2*n >= all[l]
	}
	return out
}

// outerList returns the outermost ul or ol around n (n included), or nil.
func outerList(n *html.Node) *html.Node {
	var l *html.Node
	for ; n != nil; n = n.Parent {
		if n.DataAtom == atom.Ul || n.DataAtom == atom.Ol {
			l = n
		}
	}
	return l
}

// root returns the top of n's tree.
func root(n *html.Node) *html.Node {
	for n.Parent != nil {
		n = n.Parent
	}
	return n
}

// dataTables tells whether tables hold data (header cells, or a caption) rather than the
// page's layout, looking into each table once: a layout table of thousands of blocks is
// asked about for each of them.
type dataTables map[*html.Node]bool

func (d dataTables) is(t *html.Node) bool {
	is, ok := d[t]
	if !ok {
		is = findElement(t, atom.Th) != nil || findElement(t, atom.Caption) != nil
		d[t] = is
	}
	return is
}

// isTitle reports whether a segment is a heading that repeats the page's title: the
// title is metadata, not part of the body.
func isTitle(s segment, title string) bool {
	if headingLevel(s.parent) == 0 || title == "" {
		return false
	}
	t := blocks.CollapseSpace(s.text)
	return t != "" && strings.Contains(blocks.CollapseSpace(title), t)
}
