package render

import (
	"math/bits"
	"strings"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
)

// The renderers of plain-text articles: paragraphs of lines, as the pipeline keeps a
// plain text's article, rendered as the DOM of <p>s and <br>s they stand for would be.
// Most paragraphs need none of the writers' work (nothing to escape, collapse or trim):
// those are written as they are, the others as the DOM's <p> would be.

// MarkdownParagraphs is Markdown of an article of <p> elements holding these lines of
// text, separated by <br>, without the DOM: each paragraph is gathered as Markdown
// gathers a <p>'s text nodes and line breaks.
func MarkdownParagraphs(paras [][]string) string {
	ls := NewLines(paras)
	return ls.Markdown()
}

// Lines is a plain-text article, paragraphs of lines, with what both its renderers need
// to know of each paragraph read once: whether its lines are simple (simpleLine), as most
// are, and their words. Those are written as they are, in Markdown once escaped. The
// flags of the first 64 paragraphs, most articles', take no allocation. It also tells
// whether every line is clean (see Clean).
type Lines struct {
	paras [][]string
	known []Known   // what the classifier found of each paragraph, or nil
	low   uint64    // bit i: paragraph i's lines are simple, for the first 64
	high  []bool    // the same for paragraphs 64 on
	words int       // the words of those paragraphs (WordCount)
	clean bool      // every line is clean (isClean)
	text  JSONPlain // what Text wrote last, for JSON (TextJSON)
	md    JSONPlain // what Markdown wrote last, for JSON (MarkdownJSON)
	spans [2][]Span // room for the spans of Text and of Markdown, one array for both
}

// JSONPlain tells which parts of a string a JSON string escapes: none but its line breaks
// outside its Spans (in order). Of is the string it tells of, "" when it tells nothing.
type JSONPlain struct {
	Of    string
	Spans []Span
}

// Span is a part of a string, [Start, End) in bytes, that may hold anything JSON escapes,
// or, Quoted, nothing but quotes, backslashes and line breaks.
type Span struct {
	Start, End int
	Quoted     bool
}

// addSpan adds the span [start, end) of a paragraph, merged with the span before it when
// they touch and are of a kind.
func addSpan(spans []Span, start, end int, quoted bool) []Span {
	switch {
	case start == end:
		return spans
	case len(spans) > 0 && spans[len(spans)-1].End == start && spans[len(spans)-1].Quoted == quoted:
		spans[len(spans)-1].End = end
		return spans
	}
	return append(spans, Span{start, end, quoted})
}

// knownSimple reports whether paragraph i is known to be simple (NewLinesKnown): as it is,
// and in Markdown, JSON escapes nothing in it but quotes, backslashes and line breaks.
func (ls *Lines) knownSimple(i int) bool { return ls.known != nil && ls.known[i].Words >= 0 }

// plainJSON reports whether paragraph i is known to be simple and to hold no quote or
// backslash: written as it is, JSON escapes nothing in it but line breaks.
func (ls *Lines) plainJSON(i int) bool { return ls.knownSimple(i) && !ls.known[i].Quotes }

// NewLines reads the paragraphs paras, which it keeps.
func NewLines(paras [][]string) Lines { return NewLinesKnown(paras, nil) }

// Known is what the text classifier found of a paragraph's lines (textclass.Features:
// Simple, Fields, Marks), so that they are not read again for it.
type Known struct {
	Words  int32 // the words of the lines (WordCount) when they are simple, else -1
	Marks  bool  // the lines hold a byte Markdown may escape (mdSpecial), or are not simple
	Quotes bool  // the lines hold " or \\ (which JSON escapes), or are not simple
}

// NewLinesKnown is NewLines of paragraphs some of which are known: known[i] is what is
// known of paragraph i; known nil leaves every paragraph to be read.
func NewLinesKnown(paras [][]string, known []Known) Lines {
	ls := Lines{paras: paras, known: known, clean: true}
	if len(paras) > 64 {
		ls.high = make([]bool, len(paras)-64)
	}
	for i, p := range paras {
		var words int
		var simple bool
		if known != nil && known[i].Words >= 0 {
			words, simple = int(known[i].Words), true
		} else {
			words, simple = simpleLines(p)
		}
		ls.words += words
		ls.clean = ls.clean && (simple || linesClean(p))
		switch {
		case i >= 64:
			ls.high[i-64] = simple
		case simple:
			ls.low |= 1 << i
		}
	}
	if known != nil {
		ls.makeSpans()
	}
	return ls
}

// makeSpans makes room for the spans of Text and Markdown in one allocation: a span for
// each paragraph not plain for JSON, and in Markdown for each with marks too (one whose
// lines Markdown escapes at their start, rarely, takes a span more).
func (ls *Lines) makeSpans() {
	text, md := 0, 0
	for i := range ls.paras {
		if !ls.plainJSON(i) {
			text++
			md++
		} else if ls.known[i].Marks {
			md++
		}
	}
	if text+md == 0 {
		return
	}
	buf := make([]Span, 0, text+md)
	ls.spans = [2][]Span{buf[:0:text], buf[text:text]}
}

// isSimple reports whether paragraph i's lines are simple (simpleLine).
func (ls *Lines) isSimple(i int) bool {
	if i < 64 {
		return ls.low>>i&1 != 0
	}
	return ls.high[i-64]
}

// simpleLines reports whether p has lines and they are simple (simpleLine), and if so
// returns their words (WordCount), else 0.
func simpleLines(p []string) (int, bool) {
	words := 0
	for _, l := range p {
		n, ok := simpleLine(l)
		if !ok {
			return 0, false
		}
		words += n
	}
	return words, len(p) > 0
}

// simpleLine reports whether l is simple: neither empty nor with a space at an end,
// valid UTF-8 without control characters, white space but single spaces, or U+2028 and
// U+2029 (the line is then clean, singleSpaced and tidyLine: both writers write it as it
// is). If so it returns its words (WordCount), counted in the same reading: eight bytes
// at a time over ASCII (blocks.SpacedStops8, countWords8, the spaces being the only
// white space there), and by character beyond it. Most lines are simple, and most of
// those ASCII.
func simpleLine(l string) (int, bool) {
	if l == "" || l[0] == ' ' || l[len(l)-1] == ' ' {
		return 0, false
	}
	n, counted := 0, false
	i, spaces := 0, uint64(0) // spaces: those of the eight bytes before i, if read so
	for i < len(l) {
		var j int // where the simple ASCII from i ends
		if i+8 <= len(l) {
			x := blocks.Load8(l[i : i+8])
			stops, sp := blocks.SpacedStops8(x, spaces)
			if stops == 0 {
				if m, c, ok := countWords8(sp, alnum8(x), n, counted); ok {
					n, counted = m, c
				} else {
					n, counted = countMarked8(sp, alnum8(x), n, counted)
				}
				i, spaces = i+8, sp
				continue
			}
			j = i + bits.TrailingZeros64(stops)/8
		} else if j = i + blocks.SpacedASCII(l[i:]); i > 0 && l[i-1] == ' ' && l[i] == ' ' {
			j = i // a space after a space read before
		}
		n, counted, _ = countASCII(l[i:j], n, counted)
		if i = j; i == len(l) {
			break
		}
		if l[i] < utf8.RuneSelf {
			return 0, false // a control character, or a second space
		}
		r, size := utf8.DecodeRuneInString(l[i:])
		if r == utf8.RuneError && size == 1 || r < 0xa0 || blocks.SpaceOrSeparator(r) {
			return 0, false
		}
		n, counted = countRune(r, n, counted)
		i, spaces = i+size, 0
	}
	return n, true
}

// linesClean reports whether CleanString leaves every line of p as it is.
func linesClean(p []string) bool {
	for _, l := range p {
		if !isClean(l) {
			return false
		}
	}
	return true
}

// TextJSON tells which parts of the text Text wrote last a JSON string escapes: those of
// the paragraphs not known to be simple and without quotes (NewLinesKnown); it tells
// nothing when no paragraph is known.
func (ls *Lines) TextJSON() JSONPlain { return ls.text }

// MarkdownJSON is TextJSON for the Markdown written last: the paragraphs known to be
// simple without quotes and without marks to escape, whose lines were not escaped at their
// start, hold nothing JSON escapes but their line breaks.
func (ls *Lines) MarkdownJSON() JSONPlain { return ls.md }

// Clean reports whether CleanString leaves every line as it is (printable ASCII lines
// are): then Markdown and Text, which are made of the lines' characters, ASCII marks and
// line breaks, have nothing to clean either (TestLinesClean).
func (ls *Lines) Clean() bool { return ls.clean }

// Markdown is MarkdownParagraphs of the lines.
func (ls *Lines) Markdown() string {
	var b strings.Builder
	b.Grow(linesSize(ls.paras, 3))
	spans := ls.spans[1][:0]
	for i, p := range ls.paras {
		start := b.Len()
		if !ls.isSimple(i) && !plainLines(p) {
			appendMarkdown(&b, p)
			spans = addSpan(spans, start, b.Len(), false)
			continue
		}
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		marked := ls.known == nil || ls.known[i].Marks
		escaped := false
		for i, l := range p {
			if i > 0 {
				b.WriteString("  \n")
			}
			escaped = writeLineMarked(&b, l, marked) || escaped
		}
		if marked || escaped || !ls.plainJSON(i) {
			spans = addSpan(spans, start, b.Len(), ls.knownSimple(i))
		}
	}
	md := b.String()
	if ls.known != nil {
		ls.md = JSONPlain{Of: md, Spans: spans}
	}
	return md
}

// appendMarkdown writes the Markdown of the <p> of lines p to b, as the inline writer
// gathers it.
func appendMarkdown(b *strings.Builder, p []string) {
	var in inline
	for i, l := range p {
		if i > 0 {
			in.lineBreak()
		}
		in.text(l)
	}
	if s := in.paragraph(); s != "" {
		if b.Len() > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(s)
	}
}

// plainLines reports whether the lines of p, each a text of a <p> ended by a <br>, are
// Markdown once escaped: words single-spaced, none empty (escaping adds no space).
func plainLines(p []string) bool {
	for _, l := range p {
		if !singleSpaced(l) {
			return false
		}
	}
	return len(p) > 0
}

// TextParagraphs is Text of an article of <p> elements holding these lines of text,
// separated by <br>, without the DOM. Each paragraph is tidied on its own: Text's pieces
// between blank lines never span two <p>s, each of which it writes between blank lines.
func TextParagraphs(paras [][]string) string {
	ls := NewLines(paras)
	text, _ := ls.Text()
	return text
}

// Text is TextParagraphs of the lines, and its words (WordCount): those of the simple
// paragraphs NewLines counted, and those of the others as written.
func (ls *Lines) Text() (string, int) {
	var b strings.Builder
	b.Grow(linesSize(ls.paras, 2))
	n, words := 0, ls.words
	spans := ls.spans[0][:0]
	for i, p := range ls.paras {
		simple := ls.isSimple(i)
		start := b.Len()
		switch {
		case simple || tidyLines(p):
			if n > 0 {
				b.WriteString("\n\n")
			}
			for i, l := range p {
				if i > 0 {
					b.WriteByte('\n')
				}
				b.WriteString(l)
			}
			n++
		default:
			n = appendText(&b, p, n)
		}
		if !simple {
			words += WordCount(b.String()[start:])
		}
		if !ls.plainJSON(i) {
			spans = addSpan(spans, start, b.Len(), ls.knownSimple(i))
		}
	}
	text := b.String()
	if ls.known != nil {
		ls.text = JSONPlain{Of: text, Spans: spans}
	}
	return text, words
}

// appendText writes the text of the <p> of lines p to b, after the n pieces b holds, as
// Text tidies it, and returns how many pieces b then holds.
func appendText(b *strings.Builder, p []string, n int) int {
	if len(p) == 0 {
		return n
	}
	raw := textMarks.Replace(p[0])
	if len(p) > 1 {
		lines := make([]string, len(p))
		for i, l := range p {
			lines[i] = textMarks.Replace(l)
		}
		raw = strings.Join(lines, "\n")
	}
	return appendTidy(b, raw, n)
}

// tidyLines reports whether the lines of p are text as they are: none empty, none with
// white space to collapse or trim (blocks.Collapsed), none with a mark to take out.
func tidyLines(p []string) bool {
	for _, l := range p {
		if !tidyLine(l) {
			return false
		}
	}
	return len(p) > 0
}

func tidyLine(l string) bool {
	switch {
	case l == "":
		return false
	case blocks.SpacedASCII(l) == len(l): // printable ASCII, most lines: no mark in it
		return l[0] != ' ' && l[len(l)-1] != ' '
	}
	return blocks.Collapsed(l) && strings.IndexByte(l, preMark[0]) < 0 && strings.IndexByte(l, preLine[0]) < 0
}

// linesSize is the length of the lines of paras, with extra bytes for each line.
func linesSize(paras [][]string, extra int) int {
	n := 0
	for _, p := range paras {
		for _, l := range p {
			n += len(l) + extra
		}
	}
	return n
}
