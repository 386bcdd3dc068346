package extract

import (
	"math"
	"strings"
	"unicode"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// The block model's features. Each is computed the same way on any page, in any language:
// sizes, link and punctuation shares, stop words of the common Latin-script languages, the
// element and its ancestors' kinds and class/id words, position, whether readability or
// the page's own JSON-LD articleBody holds the text, the same for the neighbours, and for
// the blocks that share the block's tag path (a template's repeats: a list of headlines,
// the paragraphs of a story), and where the block lies from the page's prose and from runs
// of headline links (a related-stories rail after the story).
var blockFeatures = []string{
	"len", "words", "link", "punct", "endpunct", "stop", "digit", "caps", "lines", "share", "pos",
	"tag_p", "tag_li", "tag_td", "tag_h", "tag_pre", "tag_div",
	"boiler", "content", "comment", "article", "main", "itemprop", "list", "table", "form", "depth",
	"inread", "readshort", "ldbody", "title", "inspan", "readdist", "underread",
	"prev_len", "prev_link", "prev_inread", "prev_stop", "next_len", "next_link", "next_inread", "next_stop",
	"win_inread", "win_len", "win_link",
	"path_n", "path_len", "path_link", "path_inread",
	"rail_run", "prose_before", "prose_after", "past_end",
}

// pageContext is what the features need to know about the page as a whole.
type pageContext struct {
	totalRunes int
	readText   map[string]bool // the texts of readability's article's text nodes (textSet)
	readShort  bool            // readability's article is short (under minArticleRunes)
	ldBody     string          // JSON-LD articleBody, collapsed, if the page declares one
	titleWords map[string]bool
}

// featureVectors returns one vector (in blockFeatures order) per segment.
func featureVectors(segs []segment, ctx pageContext) [][]float64 {
	own := make([][]float64, len(segs))
	for i, s := range segs {
		own[i] = ownVector(s, i, len(segs), ctx)
	}
	addReadPlace(segs, own)
	groups := pathGroups(segs, own)
	tail := railPlace(segs, own)
	out := make([][]float64, len(segs))
	for i := range segs {
		v := make([]float64, 0, len(blockFeatures))
		v = append(v, own[i]...)
		v = append(v, neighbour(own, i-1)...)
		v = append(v, neighbour(own, i+1)...)
		v = append(v, window(own, i, 2)...)
		v = append(v, groups[i]...)
		v = append(v, tail[i]...)
		out[i] = v
	}
	return out
}

// pathGroups returns, per segment, what the segments that share its tag path (the tags
// and classes of its block and their ancestors) have in common: how many they are, and
// their mean len, link and inread features. A template's repeats read alike: a list of
// headlines is many short linked blocks, a story many long ones.
func pathGroups(segs []segment, own [][]float64) [][]float64 {
	paths := map[*html.Node]uint64{}
	key := make([]uint64, len(segs))
	sum := map[uint64]*[4]float64{}
	for i, s := range segs {
		key[i] = tagPath(s.parent, paths)
		g := sum[key[i]]
		if g == nil {
			g = new([4]float64)
			sum[key[i]] = g
		}
		g[0]++
		g[1] += own[i][fLen]
		g[2] += own[i][fLink]
		g[3] += own[i][fInread]
	}
	out := make([][]float64, len(segs))
	for i := range segs {
		g := sum[key[i]]
		out[i] = []float64{math.Log1p(g[0]), g[1] / g[0], g[2] / g[0], g[3] / g[0]}
	}
	return out
}

// Blocks of a "related" rail and of the story, as railPlace tells them: a headline link is
// a short block that is mostly one link; a prose block a long one with few links.
const (
	railMaxRunes  = 160
	proseMinRunes = 150
)

// railPlace returns, per segment, where it lies from the page's prose and from runs of
// headline links: the length of the run of consecutive headline links it is part of (0
// when it is none), the shares of the page's prose runes before and after it, and whether
// it comes after the last prose block. A list of related stories after the article is a
// long run past its end; a story's own short paragraphs have prose on both sides.
func railPlace(segs []segment, own [][]float64) [][]float64 {
	linky := func(i int) bool { return segs[i].runes < railMaxRunes && own[i][fLink] >= 0.5 }
	prose := make([]int, len(segs)+1) // prose runes before segment i
	for i, s := range segs {
		prose[i+1] = prose[i]
		if s.runes >= proseMinRunes && own[i][fLink] < 0.2 {
			prose[i+1] += s.runes
		}
	}
	total := float64(max(prose[len(segs)], 1))
	out := make([][]float64, len(segs))
	for i := 0; i < len(segs); {
		j := i
		for j < len(segs) && linky(j) {
			j++
		}
		run := j - i
		if run == 0 {
			j = i + 1
		}
		for k := i; k < j; k++ {
			after := prose[len(segs)] - prose[k+1]
			out[k] = []float64{math.Log1p(float64(run)), float64(prose[k]) / total, float64(after) / total,
				b2f(after == 0 && prose[k] > 0 && prose[k+1] == prose[k])}
		}
		i = j
	}
	return out
}

// tagPath hashes the tags and class attributes of n and its ancestors (memoised in paths).
func tagPath(n *html.Node, paths map[*html.Node]uint64) uint64 {
	if n == nil {
		return 14695981039346656037 // FNV-1a offset basis
	}
	if h, ok := paths[n]; ok {
		return h
	}
	h := tagPath(n.Parent, paths)
	for _, s := range []string{"/", n.Data, ".", blocks.Attr(n, "class")} {
		for i := 0; i < len(s); i++ {
			h = (h ^ uint64(s[i])) * 1099511628211
		}
	}
	paths[n] = h
	return h
}

// Indices into a block's own vector used for its neighbours.
const (
	fLen    = 0
	fLink   = 2
	fStop   = 5
	fInread = 27
)

// addReadPlace adds to each block's own features where it lies from readability's
// article: inside its span (between its first and last block: a hole cut in it, as by an
// ad slot), how many blocks away from it, and whether under the element that holds all of it.
func addReadPlace(segs []segment, own [][]float64) {
	first, last := -1, -1
	var lca *html.Node
	for i, s := range segs {
		if own[i][fInread] < 0.5 {
			continue
		}
		if first < 0 {
			first, lca = i, s.parent
		}
		last = i
		for lca != nil && !contains(lca, s.parent) {
			lca = lca.Parent
		}
	}
	for i, s := range segs {
		dist := 100
		if first >= 0 {
			dist = min(max(first-i, i-last, 0), 100)
		}
		own[i] = append(own[i], b2f(first >= 0 && i >= first && i <= last), math.Log1p(float64(dist)),
			b2f(lca != nil && contains(lca, s.parent)))
	}
}

// contains reports whether n is a or under a.
func contains(a, n *html.Node) bool {
	for ; n != nil; n = n.Parent {
		if n == a {
			return true
		}
	}
	return false
}

func neighbour(own [][]float64, i int) []float64 {
	if i < 0 || i >= len(own) {
		return []float64{0, 1, 0, 0}
	}
	v := own[i]
	return []float64{v[fLen], v[fLink], v[fInread], v[fStop]}
}

// window averages inread, len and link over the blocks within r of i.
func window(own [][]float64, i, r int) []float64 {
	var in, l, k, n float64
	for j := max(0, i-r); j <= min(len(own)-1, i+r); j++ {
		in += own[j][fInread]
		l += own[j][fLen]
		k += own[j][fLink]
		n++
	}
	return []float64{in / n, l / n, k / n}
}

func ownVector(s segment, i, n int, ctx pageContext) []float64 {
	words := strings.Fields(s.text)
	nw := float64(max(len(words), 1))
	var punct, digits, letters, caps, stops float64
	for _, w := range words {
		lw := strings.ToLower(strings.TrimFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }))
		if stopWords[lw] {
			stops++
		}
		if r := []rune(w)[0]; unicode.IsUpper(r) {
			caps++
		}
	}
	for _, r := range s.text {
		switch {
		case strings.ContainsRune(".,;:!?", r):
			punct++
		case unicode.IsDigit(r):
			digits++
		case unicode.IsLetter(r):
			letters++
		}
	}
	tag := s.parent.DataAtom
	p := s.path
	v := []float64{
		math.Log1p(float64(s.runes)), math.Log1p(nw),
		float64(s.linkRunes) / float64(s.runes), punct / nw, b2f(endsSentence(s.text)),
		stops / nw, digits / math.Max(letters+digits, 1), caps / nw,
		math.Log1p(float64(strings.Count(s.text, "\n"))),
		float64(s.runes) / float64(max(ctx.totalRunes, 1)), float64(i) / float64(max(n, 1)),
		b2f(tag == atom.P), b2f(tag == atom.Li || tag == atom.Dd || tag == atom.Dt), b2f(tag == atom.Td || tag == atom.Th),
		b2f(headingLevel(s.parent) > 0), b2f(tag == atom.Pre || tag == atom.Blockquote), b2f(tag == atom.Div || tag == atom.Section || tag == atom.Body),
		b2f(p.boiler), b2f(p.content), b2f(p.comment), b2f(p.article), b2f(p.main), b2f(p.articleBody),
		b2f(p.list), b2f(p.table), b2f(p.form), float64(min(p.depth, 40)) / 40,
		readShare(s, ctx.readText), b2f(ctx.readShort), b2f(inLDBody(s.text, ctx.ldBody)),
		titleShare(words, ctx.titleWords),
	}
	return v
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

func endsSentence(s string) bool {
	s = strings.TrimRight(s, "\"')]»”’ ")
	return strings.HasSuffix(s, ".") || strings.HasSuffix(s, "!") || strings.HasSuffix(s, "?") || strings.HasSuffix(s, "。")
}

// inLDBody reports whether the first line of text, when long enough to tell, is part of
// the page's declared articleBody.
func inLDBody(text, body string) bool {
	if i := strings.IndexByte(text, '\n'); i >= 0 {
		text = text[:i]
	}
	return body != "" && len(text) >= 20 && strings.Contains(body, text)
}

// readShare is the share of a segment's text (in runes) that sits in text nodes whose
// text readability's article also holds (set: see textSet). Text nodes are compared, not
// lines or blocks: readability regroups a page's runs into paragraphs of its own, but it
// leaves their text as it was.
func readShare(s segment, set map[string]bool) float64 {
	if len(set) == 0 {
		return 0
	}
	in := 0
	for _, n := range s.nodes {
		forTextNodes(n, func(t *html.Node) {
			if set[blocks.CollapseSpace(t.Data)] {
				in += textLen(t)
			}
		})
	}
	return float64(in) / float64(max(s.runes, 1))
}

// textSet returns the set of the visible text nodes' texts under n, white space collapsed.
func textSet(n *html.Node) map[string]bool {
	set := map[string]bool{}
	forTextNodes(n, func(t *html.Node) {
		if k := blocks.CollapseSpace(t.Data); k != "" {
			set[k] = true
		}
	})
	return set
}

// forTextNodes calls f on every visible text node at or under n.
func forTextNodes(n *html.Node, f func(*html.Node)) {
	switch {
	case n.Type == html.TextNode:
		f(n)
	case n.Type == html.ElementNode && blocks.IsInvisible(n):
	default:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			forTextNodes(c, f)
		}
	}
}

func titleShare(words []string, title map[string]bool) float64 {
	if len(title) == 0 || len(words) == 0 || len(words) > 30 {
		return 0
	}
	k := 0
	for _, w := range words {
		if title[strings.ToLower(w)] {
			k++
		}
	}
	return float64(k) / float64(len(words))
}

func wordSet(text string) map[string]bool {
	set := map[string]bool{}
	for _, w := range strings.Fields(text) {
		set[strings.ToLower(w)] = true
	}
	return set
}

// stopWords are the commonest function words of English, German, French, Spanish,
// Italian, Portuguese, Dutch and Hungarian: prose has many, menus and link lists few.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`the of and to a in is that for it as was with be by on not he
	this are or his from at which but have an they you were her she there been has their we
	der die das und in zu den von mit sich des auf für ist im dem nicht ein eine als auch es an
	le la les de des et un une du en est que qui dans pour pas sur au par il elle ne se
	el los las del y que en un una por con no se para es al lo como su
	il di che e la per un non sono una del della con si da
	o os as do da em um uma com não para por que se
	de het een van en in is dat op te zijn met voor niet
	a az és hogy nem is egy meg de van csak már el ki még`) {
		m[w] = true
	}
	return m
}()
