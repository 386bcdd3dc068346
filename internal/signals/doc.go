// Package signals computes, on a document's plain text, the quality signals of the
// published heuristic filters as datatrove 0.10.1 implements them (GopherQualityFilter,
// GopherRepetitionFilter, C4QualityFilter, FineWebQualityFilter), as numbers, and
// applies those filters with datatrove's default thresholds.
//
//	s := signals.Compute(text, "en")
//	fs, _ := signals.ParseFilters("gopher,c4,fineweb")
//	if d, drop := fs.Drop(&s); drop {
//		fmt.Println(d) // e.g. "c4:too_few_sentences"
//	}
//
// # Words
//
// datatrove splits English words (split_into_words) and sentences
// (split_into_sentences) with a blank spaCy "en" pipeline (tokenizer and sentencizer;
// spaCy 3.8.18 in the agreement test), not with nltk. This package ports that
// tokenizer: text is split at whitespace (Python's str.isspace), each piece is tried
// as one of spaCy's 1347 English special cases ("don't" = do + n't, "U.S.", ":)", ...),
// else prefixes and suffixes are peeled off by spaCy's rules, the rest is kept whole if
// it matches spaCy's URL pattern or else split at its infixes (hyphens between
// letters, "..." and so on); last, special cases that span several tokens are merged
// as spaCy's special-case matcher does. Whitespace tokens are dropped from the words,
// as datatrove's strip_strings does, and kept for the sentencizer. The regexes are
// hand-written matchers (no regexp runs on the words); the Unicode classes, affix lists
// and special cases are generated from CPython 3.11 and spaCy (tables_gen.go). Known
// differences: only English is ported, and Compute uses it whatever lang says
// (datatrove picks a tokenizer per language); text must be UTF-8 (an invalid byte
// counts as one character, U+FFFD); the Unicode classes are Unicode 14.0's.
//
// Lengths ("chars", word lengths) are in code points, as Python's len.
//
// # Signals
//
// Signals has one field per signal; its JSON name is given here. Ratios over an empty
// set are 0 (datatrove never divides by zero there: an earlier rule drops the text).
//
// chars: len(text).
//
// GopherQualityFilter (datatrove/pipeline/filters/gopher_quality_filter.py), on
// words = split_into_words(text) and lines = text.splitlines():
//
//   - gopher_token_count: len(words).
//   - gopher_word_count: the words with a character not in datatrove's
//     PUNCTUATION_SET (non-symbol words). Rules: gopher_short_doc (< 50),
//     gopher_long_doc (> 100000).
//   - gopher_mean_word_length: mean length of the non-symbol words.
//     gopher_below_avg_threshold (< 3), gopher_above_avg_threshold (> 10).
//   - gopher_hash_ratio: text.count("#") / len(words). gopher_too_many_hashes (> 0.1).
//   - gopher_ellipsis_ratio: (text.count("...") + text.count("…")) / len(words).
//     gopher_too_many_ellipsis (> 0.1).
//   - gopher_lines: len(lines).
//   - gopher_bullet_lines_ratio: lines whose lstrip() starts with "•" or "-", over
//     lines. gopher_too_many_bullets (> 0.9).
//   - gopher_ellipsis_lines_ratio: lines whose rstrip() ends with "..." or "…", over
//     lines. gopher_too_many_end_ellipsis (> 0.3).
//   - gopher_alpha_words_ratio: words with a str.isalpha character, over words.
//     gopher_below_alpha_threshold (< 0.8).
//   - gopher_stop_words: how many of the stop words the, be, to, of, and, that, have,
//     with occur among the words (distinct, case-sensitive). gopher_enough_stop_words
//     (< 2).
//
// GopherRepetitionFilter (gopher_repetition_filter.py); every *_char_frac and n-gram
// fraction is over len(text). An empty text is dropped as "empty".
//
//   - gopher_dup_para_frac: find_duplicates(paragraphs) count over len(paragraphs),
//     paragraphs = re.split(r"\n{2,}", text.strip()). dup_para_frac (> 0.3).
//   - gopher_dup_para_char_frac: their characters. dup_para_char_frac (> 0.2).
//   - gopher_dup_line_frac, gopher_dup_line_char_frac: the same over
//     re.split("\n+", text). dup_line_frac (> 0.3), dup_line_char_frac (> 0.2).
//   - gopher_top_N_gram_frac, N = 2, 3, 4: find_top_duplicate: the length of the most
//     frequent word N-gram (words joined with spaces; the first seen among equals)
//     times its count. top_N_gram (> 0.2, 0.18, 0.16).
//   - gopher_dup_N_gram_frac, N = 5..10: find_all_duplicate: scanning the N-grams
//     (words joined with nothing), each repeat of an earlier one adds its length and
//     the scan jumps past it. duplicated_N_n_grams (> 0.15, 0.14, 0.13, 0.12, 0.11,
//     0.10).
//
// C4QualityFilter (c4_filters.py, defaults: split_paragraph, remove_citations, ...). Each
// line of text.splitlines() is stripped and judged by the first rule that removes it;
// the filter returns at the first lorem ipsum or curly bracket line, the signals go on
// to the end:
//
//   - c4_lines: the lines.
//   - c4_lines_too_long_word: lines with a word (str.split) over 1000 characters.
//   - c4_lines_no_terminal_punct: then, citations ([1], [edit], [citation needed])
//     removed, lines not ending in . ? ! " ' or ending in "...".
//   - c4_lines_too_few_words: then lines of fewer than 3 words.
//   - c4_lorem_ipsum_line: then the number (from 1) of the first line whose lower()
//     has "lorem ipsum", or 0. The document is dropped: lorem_ipsum.
//   - c4_lines_javascript: then lines whose lower() has "javascript".
//   - c4_curly_bracket_line: then the number of the first line with "{", or 0. The
//     document is dropped: curly_bracket (or lorem_ipsum if that line comes first).
//   - c4_lines_policy: then lines with "terms of use", "privacy policy", "cookie
//     policy", "uses cookies", "use of cookies" or "use cookies".
//   - c4_lines_kept: the other lines; c4_kept_lines_frac: c4_lines_kept / c4_lines.
//   - c4_sentences: the sentences of the kept lines (split_into_sentences of each).
//     too_few_sentences (< 5).
//
// FineWebQualityFilter (fineweb_quality_filter.py), on the lines of text.split("\n")
// that are not blank (none: "empty"):
//
//   - fineweb_lines: those lines.
//   - fineweb_line_punct_ratio: lines ending with a TERMINAL_PUNCTUATION character.
//     line_punct_ratio (< 0.12).
//   - fineweb_short_line_ratio: lines of at most 30 characters. short_line_ratio
//     (> 0.67).
//   - fineweb_char_dup_ratio: find_duplicates(lines) characters over the characters
//     of the text that are not "\n". char_dup_ratio (> 0.01).
//   - fineweb_list_ratio: text.count("\n") / len(words). list_ratio (> 0.3).
//
// # Filters
//
// Filter.Reason applies one filter's rules in datatrove's order and returns its reason
// string ("" keeps the document); Filters.Drop returns the first filter of a list that
// drops it. Each filter judges the text as given: in a datatrove pipeline,
// C4QualityFilter also rewrites a document it keeps to its kept lines before the next
// filter sees it.
//
// # Agreement with datatrove
//
// TestSignalsAgree checks every signal (counts exactly, ratios within 1e-9; they agree
// bit for bit) and every decision and reason of the four filters on the 75 texts of
// testdata/signals/texts.jsonl (ScrapingHub article bodies and page dumps, and edge
// cases) against testdata/signals/datatrove.jsonl, and that each reason of each filter
// is datatrove's verdict on at least one text. TestTokensAgree checks the word lists of
// those texts (but the 100001 words of crafted/long_doc), and the words and sentence
// counts of some 19000 tokenizer edge cases, against testdata/signals/tokens.jsonl.
// Those files come from datatrove itself, by
// scripts/datatrove_signals.py (versions pinned in scripts/requirements-signals.txt):
//
//	python3 -m venv /tmp/dt && /tmp/dt/bin/pip install -r scripts/requirements-signals.txt
//	/tmp/dt/bin/python scripts/datatrove_signals.py texts   # testdata/signals/texts.jsonl
//	/tmp/dt/bin/python scripts/datatrove_signals.py values  # datatrove.jsonl, tokens.jsonl
//	/tmp/dt/bin/python scripts/datatrove_signals.py tables  # internal/signals/tables_gen.go
//
// The Go tests read only the committed files.
package signals
