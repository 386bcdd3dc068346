package signals

import (
	"fmt"
	"strings"
)

// Filter is one of datatrove's quality filters with its default thresholds.
type Filter uint8

const (
	GopherRepetition Filter = iota + 1 // GopherRepetitionFilter
	GopherQuality                      // GopherQualityFilter
	C4                                 // C4QualityFilter
	FineWeb                            // FineWebQualityFilter
)

var filterNames = map[Filter]string{
	GopherRepetition: "gopher_repetition", GopherQuality: "gopher_quality", C4: "c4", FineWeb: "fineweb",
}

func (f Filter) String() string {
	if n, ok := filterNames[f]; ok {
		return n
	}
	return fmt.Sprintf("Filter(%d)", uint8(f))
}

// rule is one test of a filter: the document is dropped, for reason, when the signal
// is below (or above) the threshold.
type rule struct {
	reason    string
	signal    func(*Signals) float64
	below     bool
	threshold float64
}

func (r rule) drops(s *Signals) bool {
	v := r.signal(s)
	if r.below {
		return v < r.threshold
	}
	return v > r.threshold
}

// The rules of each filter in the order its filter() tests them, with datatrove's
// default thresholds and reason strings.
var (
	gopherQualityRules = []rule{
		{"gopher_short_doc", func(s *Signals) float64 { return float64(s.GopherWordCount) }, true, 50},
		{"gopher_long_doc", func(s *Signals) float64 { return float64(s.GopherWordCount) }, false, 100000},
		{"gopher_below_avg_threshold", func(s *Signals) float64 { return s.GopherMeanWordLength }, true, 3},
		{"gopher_above_avg_threshold", func(s *Signals) float64 { return s.GopherMeanWordLength }, false, 10},
		{"gopher_too_many_hashes", func(s *Signals) float64 { return s.GopherHashRatio }, false, 0.1},
		{"gopher_too_many_ellipsis", func(s *Signals) float64 { return s.GopherEllipsisRatio }, false, 0.1},
		{"gopher_too_many_bullets", func(s *Signals) float64 { return s.GopherBulletLinesRatio }, false, 0.9},
		{"gopher_too_many_end_ellipsis", func(s *Signals) float64 { return s.GopherEllipsisLinesRatio }, false, 0.3},
		{"gopher_below_alpha_threshold", func(s *Signals) float64 { return s.GopherAlphaWordsRatio }, true, 0.8},
		{"gopher_enough_stop_words", func(s *Signals) float64 { return float64(s.GopherStopWords) }, true, 2},
	}
	gopherRepetitionRules = []rule{
		{"dup_para_frac", func(s *Signals) float64 { return s.GopherDupParaFrac }, false, 0.3},
		{"dup_para_char_frac", func(s *Signals) float64 { return s.GopherDupParaCharFrac }, false, 0.2},
		{"dup_line_frac", func(s *Signals) float64 { return s.GopherDupLineFrac }, false, 0.3},
		{"dup_line_char_frac", func(s *Signals) float64 { return s.GopherDupLineCharFrac }, false, 0.2},
		{"top_2_gram", func(s *Signals) float64 { return s.GopherTop2GramFrac }, false, 0.2},
		{"top_3_gram", func(s *Signals) float64 { return s.GopherTop3GramFrac }, false, 0.18},
		{"top_4_gram", func(s *Signals) float64 { return s.GopherTop4GramFrac }, false, 0.16},
		{"duplicated_5_n_grams", func(s *Signals) float64 { return s.GopherDup5GramFrac }, false, 0.15},
		{"duplicated_6_n_grams", func(s *Signals) float64 { return s.GopherDup6GramFrac }, false, 0.14},
		{"duplicated_7_n_grams", func(s *Signals) float64 { return s.GopherDup7GramFrac }, false, 0.13},
		{"duplicated_8_n_grams", func(s *Signals) float64 { return s.GopherDup8GramFrac }, false, 0.12},
		{"duplicated_9_n_grams", func(s *Signals) float64 { return s.GopherDup9GramFrac }, false, 0.11},
		{"duplicated_10_n_grams", func(s *Signals) float64 { return s.GopherDup10GramFrac }, false, 0.10},
	}
	fineWebRules = []rule{
		{"line_punct_ratio", func(s *Signals) float64 { return s.FineWebLinePunctRatio }, true, 0.12},
		{"short_line_ratio", func(s *Signals) float64 { return s.FineWebShortLineRatio }, false, 0.67},
		{"char_dup_ratio", func(s *Signals) float64 { return s.FineWebCharDupRatio }, false, 0.01},
		{"list_ratio", func(s *Signals) float64 { return s.FineWebListRatio }, false, 0.3},
	}
)

func firstDrop(rules []rule, s *Signals) string {
	for _, r := range rules {
		if r.drops(s) {
			return r.reason
		}
	}
	return ""
}

// Reason is the reason datatrove's filter gives for dropping a document with these
// signals, or "" if it keeps it.
func (f Filter) Reason(s *Signals) string {
	switch f {
	case GopherQuality:
		return firstDrop(gopherQualityRules, s)
	case GopherRepetition:
		if s.Chars == 0 {
			return "empty"
		}
		return firstDrop(gopherRepetitionRules, s)
	case C4:
		return c4Reason(s)
	case FineWeb:
		if s.FineWebLines == 0 {
			return "empty"
		}
		return firstDrop(fineWebRules, s)
	}
	return ""
}

// c4Reason: the first lorem ipsum or curly bracket line drops the document (lorem ipsum
// is tested first on a line); then fewer than 5 sentences in the kept lines.
func c4Reason(s *Signals) string {
	lorem, curly := s.C4LoremIpsumLine, s.C4CurlyBracketLine
	switch {
	case lorem > 0 && (curly == 0 || lorem <= curly):
		return "lorem_ipsum"
	case curly > 0:
		return "curly_bracket"
	case s.C4Sentences < c4MinSentences:
		return "too_few_sentences"
	}
	return ""
}

// Filters is a list of filters, applied in order.
type Filters []Filter

// ParseFilters parses a comma-separated list of filter names: gopher_repetition,
// gopher_quality, c4, fineweb, and gopher for the two Gopher filters (repetition
// first, as in datatrove's FineWeb pipeline). Order is kept; repeats are dropped.
func ParseFilters(spec string) (Filters, error) {
	var fs Filters
	for _, name := range strings.Split(spec, ",") {
		var add []Filter
		switch name = strings.TrimSpace(name); name {
		case "":
			continue
		case "gopher":
			add = []Filter{GopherRepetition, GopherQuality}
		default:
			f, ok := filterByName(name)
			if !ok {
				return nil, fmt.Errorf("signals: unknown filter %q (want gopher, gopher_repetition, gopher_quality, c4 or fineweb)", name)
			}
			add = []Filter{f}
		}
		for _, f := range add {
			if !fs.has(f) {
				fs = append(fs, f)
			}
		}
	}
	return fs, nil
}

func filterByName(name string) (Filter, bool) {
	for f, n := range filterNames {
		if n == name {
			return f, true
		}
	}
	return 0, false
}

func (fs Filters) has(f Filter) bool {
	for _, g := range fs {
		if g == f {
			return true
		}
	}
	return false
}

func (fs Filters) String() string {
	names := make([]string, len(fs))
	for i, f := range fs {
		names[i] = f.String()
	}
	return strings.Join(names, ",")
}

// Drop says which filter drops a document and for which of its rules.
type Drop struct {
	Filter Filter
	Reason string // datatrove's reason, e.g. "gopher_short_doc", "too_few_sentences"
}

func (d Drop) String() string { return d.Filter.String() + ":" + d.Reason }

// Drop returns the first filter of fs that drops a document with these signals, and
// whether one does. Each filter judges the text as given: datatrove's C4QualityFilter
// also rewrites a kept document to its kept lines before the next filter, which this
// does not do.
func (fs Filters) Drop(s *Signals) (Drop, bool) {
	for _, f := range fs {
		if r := f.Reason(s); r != "" {
			return Drop{f, r}, true
		}
	}
	return Drop{}, false
}
