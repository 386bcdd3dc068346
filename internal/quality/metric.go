// Package quality scores extracted article text against the true text with the
// ScrapingHub article-extraction benchmark's metric: text split into \w+ tokens, bags of
// 4-token shingles, per-document TP/FP/FN normalised to sum 1, precision and recall
// averaged over documents, F1 from the two averages.
package quality

import (
	"strings"
	"unicode"
)

// ShingleSize is the n of the n-token shingles.
const ShingleSize = 4

// Match is one document's TP, FP and FN shares (summing to 1).
type Match struct{ TP, FP, FN float64 }

// Compare scores a predicted text against the true one.
func Compare(truth, pred string) Match {
	t, p := shingles(truth), shingles(pred)
	var m Match
	for k, tc := range t {
		pc := p[k]
		m.TP += float64(min(tc, pc))
		m.FN += float64(max(0, tc-pc))
	}
	for k, pc := range p {
		m.FP += float64(max(0, pc-t[k]))
	}
	sum := m.TP + m.FP + m.FN
	if sum == 0 {
		return Match{TP: 1}
	}
	return Match{m.TP / sum, m.FP / sum, m.FN / sum}
}

// Precision of one document, as the benchmark defines it.
func (m Match) Precision() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0:
		return 0
	}
	return m.TP / (m.TP + m.FP)
}

// Recall of one document, as the benchmark defines it.
func (m Match) Recall() float64 {
	switch {
	case m.FP == 0 && m.FN == 0:
		return 1
	case m.TP == 0:
		return 0
	}
	return m.TP / (m.TP + m.FN)
}

// Score is the benchmark's summary over many documents.
type Score struct {
	Precision, Recall, F1 float64
	Documents             int
}

// Summarize averages precision and recall over documents and takes F1 of the averages.
func Summarize(ms []Match) Score {
	s := Score{Documents: len(ms)}
	if len(ms) == 0 {
		return s
	}
	for _, m := range ms {
		s.Precision += m.Precision()
		s.Recall += m.Recall()
	}
	s.Precision /= float64(len(ms))
	s.Recall /= float64(len(ms))
	if s.Precision+s.Recall > 0 {
		s.F1 = 2 * s.Precision * s.Recall / (s.Precision + s.Recall)
	}
	return s
}

// Tokens splits text into \w+ tokens (letters, digits and underscore, Unicode-aware).
func Tokens(text string) []string {
	return strings.FieldsFunc(text, func(r rune) bool {
		return !(unicode.IsLetter(r) || unicode.IsNumber(r) || r == '_' || unicode.Is(unicode.Mn, r))
	})
}

// Coverage is the share of text's shingles found in the shingle bag of a reference text
// (1 for a text without tokens); cleanbench uses it to mark kept and lost paragraphs.
func Coverage(text string, reference map[string]int) float64 {
	sh := shingles(text)
	if len(sh) == 0 {
		return 1
	}
	found, all := 0, 0
	for k, n := range sh {
		found += min(n, reference[k])
		all += n
	}
	return float64(found) / float64(all)
}

// Shingles counts the ShingleSize-token shingles of text.
func Shingles(text string) map[string]int { return shingles(text) }

// shingles counts the ShingleSize-token shingles of text; a text of fewer tokens is one
// shingle of all of them (none when empty).
func shingles(text string) map[string]int {
	toks := Tokens(text)
	out := map[string]int{}
	for i := 0; i < max(1, len(toks)-ShingleSize+1); i++ {
		if s := strings.Join(toks[i:min(len(toks), i+ShingleSize)], " "); s != "" {
			out[s]++
		}
	}
	return out
}
