package render

import (
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/textclass"
)

// TestClassifierKnowsSimpleLines: what the classifier measures of a block (Simple,
// Fields, Marks, Quotes) is what simpleLines and hasSpecial read in the block's lines, on every byte value at every
// offset of the eight-byte reads and on random mixes of the characters either treats
// apart, so that the pipeline can take the classifier's word for a paragraph it did not
// change.
func TestClassifierKnowsSimpleLines(t *testing.T) {
	blocks := variants()
	pieces := []string{"a", "Bc", "don't", "l’été", "12", "2024", " ", " ", "  ", "\n", "\n\n", ",", ".", "-", "|",
		"\t", "\u00a0", "\u2028", "\u0085", "\u3000", "\xc2", "\xff", "é", "ü", "日本", "text", "コーヒー", "ー", "〇",
		"\u2e80", "한국어", "e\u0301", "\u0301", "—", "’", "'", "(", "@", ":", "//", "\x7f", "\u0080", "\ufeff",
		"Привет", "abcdefghijk", "😀", "\ufffd", "_", "*", "`", "[", "]", "~", "<", "&", "\\", "#", ">", "a_b", `"`, `\"q\"`}
	rng := rand.New(rand.NewPCG(1, 2))
	for range 20000 {
		var b strings.Builder
		for range 1 + rng.IntN(12) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		blocks = append(blocks, b.String())
	}
	res := textclass.Classify(blocks)
	for i, s := range blocks {
		f := res.Blocks[i].Features
		lines := strings.Split(s, "\n")
		if int(f.Lines) != len(lines) {
			t.Fatalf("%q: %d lines, classifier counts %d", s, len(lines), f.Lines)
		}
		words, simple := simpleLines(lines)
		if f.Simple != simple || simple && int(f.Fields) != words {
			t.Errorf("%q: simpleLines %v with %d words, classifier %v with %d", s, simple, words, f.Simple, f.Fields)
		}
		if marks := hasSpecial(s); f.Marks != marks {
			t.Errorf("%q: hasSpecial %v, classifier's Marks %v", s, marks, f.Marks)
		}
		if quotes := strings.ContainsAny(s, `"\`); f.Quotes != quotes {
			t.Errorf("%q: holds a quote or backslash: %v, classifier's Quotes %v", s, quotes, f.Quotes)
		}
	}
}

// TestLinesJSONPlain: outside the spans TextJSON and MarkdownJSON tell of, the text and
// Markdown of paragraphs the classifier measured hold nothing JSON escapes but line breaks,
// and appendQuoted escapes their quoted spans as AppendJSONString does.
func TestLinesJSONPlain(t *testing.T) {
	pieces := []string{"a", "Bc", "don't", "é", "日本", " ", "  ", "\n", "\t", `"`, `\`, "*", "_", "#", "1.", "-", "\u2028", "\xff", "—"}
	rng := rand.New(rand.NewPCG(5, 6))
	var blocks []string
	for range 3000 {
		var b strings.Builder
		for range 1 + rng.IntN(10) {
			b.WriteString(pieces[rng.IntN(len(pieces))])
		}
		blocks = append(blocks, b.String())
	}
	res := textclass.Classify(blocks)
	plainBytes, quotedBytes := 0, 0
	for start := 0; start < len(blocks); start += 5 {
		var paras [][]string
		var known []Known
		for i := start; i < min(start+5, len(blocks)); i++ {
			p, f := strings.Split(blocks[i], "\n"), res.Blocks[i].Features
			paras = append(paras, p)
			if f.Simple && int(f.Lines) == len(p) {
				known = append(known, Known{Words: f.Fields, Marks: f.Marks, Quotes: f.Quotes})
			} else {
				known = append(known, Known{Words: -1, Marks: true, Quotes: true})
			}
		}
		ls := NewLinesKnown(paras, known)
		text, _ := ls.Text()
		md := ls.Markdown()
		for _, c := range []struct {
			s     string
			plain JSONPlain
		}{{text, ls.TextJSON()}, {md, ls.MarkdownJSON()}} {
			if c.plain.Of != c.s {
				t.Fatalf("JSONPlain of %q tells of %q", c.s, c.plain.Of)
			}
			at := 0
			for k := 0; k <= len(c.plain.Spans); k++ {
				end := len(c.s)
				if k < len(c.plain.Spans) {
					end = c.plain.Spans[k].Start
				}
				part := c.s[at:end]
				if got, want := string(AppendJSONString(nil, part)), `"`+strings.ReplaceAll(part, "\n", `\n`)+`"`; got != want {
					t.Errorf("%q outside the spans %v of %q: JSON %s", part, c.plain.Spans, c.s, got)
				}
				plainBytes += len(part)
				if k == len(c.plain.Spans) {
					break
				}
				sp := c.plain.Spans[k]
				if sp.Quoted {
					part := c.s[sp.Start:sp.End]
					if got, want := string(AppendJSONString(nil, part)), `"`+string(appendQuoted(nil, part))+`"`; got != want {
						t.Errorf("quoted span %q of %q: JSON %s, appendQuoted %s", part, c.s, got, want)
					}
					quotedBytes += len(part)
				}
				at = sp.End
			}
		}
	}
	if plainBytes == 0 || quotedBytes == 0 {
		t.Errorf("%d bytes plain, %d in quoted spans: the cases miss what they are for", plainBytes, quotedBytes)
	}
}
