package signals

import "sync"

// Signals are the quality signals of one document. See the package doc for each one.
type Signals struct {
	Chars int `json:"chars"`

	// GopherQualityFilter
	GopherTokenCount         int     `json:"gopher_token_count"`
	GopherWordCount          int     `json:"gopher_word_count"`
	GopherMeanWordLength     float64 `json:"gopher_mean_word_length"`
	GopherHashRatio          float64 `json:"gopher_hash_ratio"`
	GopherEllipsisRatio      float64 `json:"gopher_ellipsis_ratio"`
	GopherLines              int     `json:"gopher_lines"`
	GopherBulletLinesRatio   float64 `json:"gopher_bullet_lines_ratio"`
	GopherEllipsisLinesRatio float64 `json:"gopher_ellipsis_lines_ratio"`
	GopherAlphaWordsRatio    float64 `json:"gopher_alpha_words_ratio"`
	GopherStopWords          int     `json:"gopher_stop_words"`

	// GopherRepetitionFilter
	GopherDupParaFrac     float64 `json:"gopher_dup_para_frac"`
	GopherDupParaCharFrac float64 `json:"gopher_dup_para_char_frac"`
	GopherDupLineFrac     float64 `json:"gopher_dup_line_frac"`
	GopherDupLineCharFrac float64 `json:"gopher_dup_line_char_frac"`
	GopherTop2GramFrac    float64 `json:"gopher_top_2_gram_frac"`
	GopherTop3GramFrac    float64 `json:"gopher_top_3_gram_frac"`
	GopherTop4GramFrac    float64 `json:"gopher_top_4_gram_frac"`
	GopherDup5GramFrac    float64 `json:"gopher_dup_5_gram_frac"`
	GopherDup6GramFrac    float64 `json:"gopher_dup_6_gram_frac"`
	GopherDup7GramFrac    float64 `json:"gopher_dup_7_gram_frac"`
	GopherDup8GramFrac    float64 `json:"gopher_dup_8_gram_frac"`
	GopherDup9GramFrac    float64 `json:"gopher_dup_9_gram_frac"`
	GopherDup10GramFrac   float64 `json:"gopher_dup_10_gram_frac"`

	// C4QualityFilter
	C4Lines                int     `json:"c4_lines"`
	C4LinesKept            int     `json:"c4_lines_kept"`
	C4KeptLinesFrac        float64 `json:"c4_kept_lines_frac"`
	C4LinesTooLongWord     int     `json:"c4_lines_too_long_word"`
	C4LinesNoTerminalPunct int     `json:"c4_lines_no_terminal_punct"`
	C4LinesTooFewWords     int     `json:"c4_lines_too_few_words"`
	C4LinesJavascript      int     `json:"c4_lines_javascript"`
	C4LinesPolicy          int     `json:"c4_lines_policy"`
	C4LoremIpsumLine       int     `json:"c4_lorem_ipsum_line"`
	C4CurlyBracketLine     int     `json:"c4_curly_bracket_line"`
	C4Sentences            int     `json:"c4_sentences"`

	// FineWebQualityFilter
	FineWebLines          int     `json:"fineweb_lines"`
	FineWebLinePunctRatio float64 `json:"fineweb_line_punct_ratio"`
	FineWebShortLineRatio float64 `json:"fineweb_short_line_ratio"`
	FineWebCharDupRatio   float64 `json:"fineweb_char_dup_ratio"`
	FineWebListRatio      float64 `json:"fineweb_list_ratio"`
}

// word is a word of split_into_words: a span of the text and its length in code points.
type word struct {
	start, end, runes int32
}

// scratch holds the buffers of one Compute; they are pooled.
type scratch struct {
	tok     tokenizer
	text    string
	toks    []token // the text's tokens, whitespace ones included
	words   []word
	strs    map[string]struct{}
	ngrams  ngrams
	lowered []byte
	line    []byte
}

var pool = sync.Pool{New: func() any {
	return &scratch{strs: map[string]struct{}{}}
}}

// Compute returns the signals of a document's plain text. lang is its language; this
// port has datatrove's English word tokenizer only (spaCy's blank "en" tokenizer), and
// uses it for every language, as datatrove does for English ("en", "eng").
func Compute(text, lang string) Signals {
	_ = lang
	sc := pool.Get().(*scratch)
	defer pool.Put(sc)
	sc.setText(text)
	s := Signals{Chars: runeCount(text)}
	sc.gopherQuality(&s)
	sc.gopherRepetition(&s)
	sc.c4(&s)
	sc.fineWeb(&s)
	return s
}

// setText tokenises text into sc.words.
func (sc *scratch) setText(text string) {
	sc.text = text
	sc.words = sc.words[:0]
	sc.toks = append(sc.toks[:0], sc.tok.tokenize(text)...)
	for _, tk := range sc.toks {
		if !tk.ws {
			n := runeCount(text[tk.start:tk.end])
			sc.words = append(sc.words, word{tk.start, tk.end, int32(n)})
		}
	}
}

func (sc *scratch) word(i int) string {
	w := sc.words[i]
	return sc.text[w.start:w.end]
}

// ratio is a / b, or 0 when b is 0 (where datatrove's filter never divides).
func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

// dups is datatrove's find_duplicates over the strings that each calls fn with: how
// many are a repeat of an earlier one, and their total length in code points.
func (sc *scratch) dups(each func(fn func(string))) (n, chars int) {
	clear(sc.strs)
	each(func(x string) {
		if _, ok := sc.strs[x]; ok {
			n++
			chars += runeCount(x)
		} else {
			sc.strs[x] = struct{}{}
		}
	})
	return n, chars
}
