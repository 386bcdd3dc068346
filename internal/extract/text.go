package extract

import (
	"html"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/internal/textclass"
	"github.com/cleanhq/clean/rules"
)

// Text turns plain text (for example a scraped page dump) into an Article: one <p> per
// paragraph the block classifier (package textclass) keeps as article text, and as the
// title the heading-like paragraph it finds just before the article. With explain, the
// blocks left out are listed in Removed. TextBlocks says how the text is cut into blocks.
func Text(text string, explain bool) Article {
	return TextParagraphs(text, explain).Article()
}

// TextArticle is the article of a plain text as Text finds it, before it is made a DOM:
// the paragraphs kept, each as its lines, and its title and language. The pipeline cleans
// and renders the paragraphs as they are, unless an output needs the DOM.
type TextArticle struct {
	Paragraphs [][]string
	// Known holds what the classifier measured of each paragraph's lines for the
	// renderers (textclass.Features.Simple, Fields, Marks): see render.NewLinesKnown.
	Known    []render.Known
	Title    string
	Language string
	Removed  []rules.Removal // with explain: the blocks the classifier left out

	mem *textMemory // the memory Paragraphs' lines are in (see Release)
}

// Release gives the memory of the article's lines back for the next text: t.Paragraphs
// are not to be used after (the strings of the lines stay, as strings do). An article not
// released is collected as any.
func (t *TextArticle) Release() {
	t.mem.release()
	t.Paragraphs, t.mem = nil, nil
}

// textMemory is the memory of a plain text's paragraphs, reused across documents
// (textPool): its lines, and the paragraphs, which are slices of them, as long as the last
// text used them.
type textMemory struct {
	lines  []string
	paras  [][]string
	joined []string // the blocks' texts (joinAll), which only the classification reads
}

// used notes the lines and paragraphs of a text, made from m's memory (or not).
func (m *textMemory) used(lines []string, paras [][]string) {
	if m != nil {
		m.lines, m.paras = lines, paras
	}
}

// textPool holds textMemory; memory for more than maxPooledLines lines is not kept.
var textPool = sync.Pool{New: func() any { return new(textMemory) }}

const maxPooledLines = 1 << 16

// lineBuf returns an empty slice for n lines, from m when m is not nil.
func (m *textMemory) lineBuf(n int) []string {
	if m == nil || n > maxPooledLines {
		return make([]string, 0, n)
	}
	if cap(m.lines) < n {
		return make([]string, 0, n)
	}
	return m.lines[:0]
}

// paraBuf returns an empty slice for n paragraphs, from m when m is not nil.
func (m *textMemory) paraBuf(n int) [][]string {
	if m == nil || n > maxPooledLines {
		return make([][]string, 0, n)
	}
	if cap(m.paras) < n {
		return make([][]string, 0, n)
	}
	return m.paras[:0]
}

// release clears m, so that it holds on to no text, and gives it back to textPool.
func (m *textMemory) release() {
	if m == nil {
		return
	}
	if cap(m.lines) > maxPooledLines || cap(m.paras) > maxPooledLines || cap(m.joined) > maxPooledLines {
		return
	}
	clear(m.lines)
	clear(m.paras)
	clear(m.joined)
	textPool.Put(m)
}

// TextParagraphs is Text without the DOM.
func TextParagraphs(text string, explain bool) TextArticle {
	mem := textPool.Get().(*textMemory)
	paras, joined := textBlocks(text, mem)
	res := textclass.Classify(joined)
	defer res.Release()
	kept := 0
	for _, b := range res.Blocks {
		if b.Keep {
			kept++
		}
	}
	a := TextArticle{Language: res.Language, Paragraphs: make([][]string, 0, kept), Known: make([]render.Known, 0, kept), mem: mem}
	if res.Title >= 0 {
		a.Title = strings.TrimSpace(joined[res.Title])
	}
	for i, p := range paras {
		switch {
		case res.Blocks[i].Keep:
			a.Paragraphs = append(a.Paragraphs, p)
			a.Known = append(a.Known, known(&res.Blocks[i].Features, p))
		case explain && i != res.Title:
			a.Removed = append(a.Removed, rules.NewRemoval(ByTextClassifier, joined[i]))
		}
	}
	return a
}

// known is TextArticle.Known of the paragraph of lines p, whose block has the features f:
// its Fields are its words when it is Simple and has as many lines as p (none of which
// holds a line break then).
func known(f *textclass.Features, p []string) render.Known {
	if f.Simple && int(f.Lines) == len(p) {
		return render.Known{Words: f.Fields, Marks: f.Marks, Quotes: f.Quotes}
	}
	return render.Known{Words: -1, Marks: true, Quotes: true}
}

// Meta is the Article without its body (Root nil).
func (t TextArticle) Meta() Article {
	return Article{Title: t.Title, Language: t.Language, Candidate: "text-classifier", Removed: t.Removed}
}

// Article is the article as a DOM: one <p> per paragraph, its lines separated by <br>.
func (t TextArticle) Article() Article {
	a := t.Meta()
	a.Root = newRoot()
	for _, p := range t.Paragraphs {
		a.Root.AppendChild(paragraph(p))
	}
	return a
}

// TextBlocks cuts plain text into the blocks the classifier sees: paragraphs between
// blank lines (CR LF and CR read as line ends, spaces and NBSP trimmed, HTML entities
// decoded), each as its lines and joined with newlines. Lines wrapped at a fixed width
// are joined again into the paragraph they were cut from. A text of at least
// minLineBlocks lines without any blank line is taken as a dump with one block per line,
// as some scrapers save pages, when the blocks then look like a page dump (and the lines
// do not look hard-wrapped); else it stays one paragraph.
func TextBlocks(text string) (paras [][]string, joined []string) { return textBlocks(text, nil) }

// textBlocks is TextBlocks, the memory of the paragraphs from mem when mem is not nil.
func textBlocks(text string, mem *textMemory) (paras [][]string, joined []string) {
	paras = paragraphs(text, mem)
	for i, p := range paras {
		paras[i] = tidyLines(p)
	}
	if w := wrapWidth(paras); w > 0 {
		for i, p := range paras {
			paras[i] = unwrap(p, w)
		}
	}
	if len(paras) == 1 && len(paras[0]) >= minLineBlocks && !hardWrapped(paras[0]) {
		lines := make([][]string, len(paras[0]))
		for i := range paras[0] {
			lines[i] = paras[0][i : i+1 : i+1]
		}
		if j := mem.joinAll(lines); textclass.LooksLikeDump(j) {
			return lines, j
		}
	}
	return paras, mem.joinAll(paras)
}

// joinAll joins the lines of each paragraph with newlines; the paragraphs of several
// lines share one string. The slice of them is m's memory when m is not nil, good until
// the next joinAll.
func (m *textMemory) joinAll(paras [][]string) []string {
	if m == nil {
		return blocks.JoinEach(nil, paras)
	}
	m.joined = blocks.JoinEach(m.joined, paras)
	return m.joined
}

// minLineBlocks is the fewest lines a text without blank lines needs to be tried as a
// dump of one block per line.
const minLineBlocks = 8

// hardWrapped reports whether lines look like prose wrapped at a fixed width rather than
// one block per line: more than a third of them go on in lower case.
func hardWrapped(lines []string) bool {
	lower := 0
	for _, l := range lines {
		if r, _ := utf8.DecodeRuneInString(l); unicode.IsLower(r) {
			lower++
		}
	}
	return 3*lower > len(lines)
}

// Hard wrapping: a dump whose longest line is at most maxWrapWidth characters, and whose
// paragraphs of several lines mostly have all but their last line within wrapSlack of that
// width (minWrapped lines at least), was wrapped at that width (by a scraper, or by a tool
// such as fold or fmt).
const (
	maxWrapWidth = 100
	minWrapWidth = 40
	wrapSlack    = 25
	minWrapped   = 4
)

// wrapWidth returns the width the text was wrapped at, or 0 when it does not look wrapped.
func wrapWidth(paras [][]string) int {
	width := widestLine(paras)
	if width < minWrapWidth {
		return 0
	}
	wrapped, multi, lines := 0, 0, 0
	for _, p := range paras {
		if len(p) < 2 {
			continue
		}
		multi++
		if wrappedAt(p, width) {
			wrapped++
			lines += len(p) - 1
		}
	}
	if lines < minWrapped || 2*wrapped <= multi {
		return 0
	}
	return width
}

// widestLine returns the number of runes of the widest line, or 0 when one has more than
// maxWrapWidth. It counts the runes of a line only when its length in bytes leaves the
// answer in doubt.
func widestLine(paras [][]string) int {
	width := 0
	for _, p := range paras {
		for _, l := range p {
			switch {
			case len(l) <= width: // no wider: it has no more runes than bytes
			case len(l) >= utf8.UTFMax*(maxWrapWidth+1): // too wide: no rune is longer than UTFMax bytes
				return 0
			default:
				if width = max(width, utf8.RuneCountInString(l)); width > maxWrapWidth {
					return 0
				}
			}
		}
	}
	return width
}

// wrappedAt reports whether every line of p but the last is near width.
func wrappedAt(p []string, width int) bool {
	for _, l := range p[:len(p)-1] {
		if utf8.RuneCountInString(l) < width-wrapSlack {
			return false
		}
	}
	return true
}

// unwrap joins with spaces the lines of p that were cut at width: each line near the
// width goes on on the next.
func unwrap(p []string, width int) []string {
	out := p[:1]
	for _, l := range p[1:] {
		last := &out[len(out)-1]
		if utf8.RuneCountInString(*last) >= width-wrapSlack {
			*last += " " + l
			continue
		}
		out = append(out, l)
	}
	return out
}

// tidyLines trims the lines of a paragraph (spaces, tabs, NBSP) in place and decodes the
// HTML entities a scraper left in them (&amp;, &nbsp;, &#8217;…).
func tidyLines(lines []string) []string {
	for i, l := range lines {
		if l == "" || !visibleASCII(l[0]) || !visibleASCII(l[len(l)-1]) {
			l = strings.TrimFunc(l, isBlankRune) // else nothing to trim, the common case
		}
		if i := strings.IndexByte(l, '&'); i >= 0 {
			if mayHoldEntity(l[i:]) {
				l = html.UnescapeString(l)
			}
			l = strings.TrimFunc(strings.ReplaceAll(l, "\u00a0", " "), isBlankRune)
		}
		lines[i] = l
	}
	return lines
}

// mayHoldEntity reports whether s, from its first &, may hold a character reference:
// an & before # or an ASCII letter or digit. Else html.UnescapeString leaves s as it is
// (and need not copy it).
func mayHoldEntity(s string) bool {
	for i := strings.IndexByte(s, '&'); i >= 0 && i+1 < len(s); {
		if c := s[i+1]; c == '#' || asciiAlnum(c) {
			return true
		}
		j := strings.IndexByte(s[i+1:], '&')
		if j < 0 {
			return false
		}
		i += 1 + j
	}
	return false
}

func asciiAlnum(c byte) bool {
	return '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z'
}

// visibleASCII reports whether c is a printable ASCII character other than the space.
func visibleASCII(c byte) bool { return c > ' ' && c < 0x7f }
