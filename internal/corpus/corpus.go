// Package corpus is the record a corpus run writes for each document of a web archive:
// where it comes from (WARC file, offset, record id, date), what became of it (ok,
// skipped with a reason, error), its plain text, its language, and the quality signals
// of the published filters computed on that text. README.md documents the schema
// ("Corpus records"); the record is the same whatever machine or shard writes it.
package corpus

import (
	"fmt"
	"math"
	"strings"

	"github.com/cleanhq/clean/internal/langid"
	"github.com/cleanhq/clean/internal/render"
	"github.com/cleanhq/clean/internal/signals"
)

// The statuses of a record.
const (
	OK      = "ok"      // cleaned: text holds the article
	Skipped = "skipped" // not cleaned, or dropped by a filter: reason says why
	Error   = "error"   // the record could not be read or cleaned: reason says why
)

// Record is one line of a corpus run's JSON Lines output.
type Record struct {
	ID            string           `json:"id,omitempty"`                // WARC-Record-ID
	Source        string           `json:"source"`                      // FILE#N: the Nth record of the archive
	URL           string           `json:"url,omitempty"`               // WARC-Target-URI
	Date          string           `json:"date,omitempty"`              // WARC-Date, as written
	WARCFile      string           `json:"warc_file"`                   // the archive, as given
	WARCOffset    int64            `json:"warc_offset"`                 // where the record starts in it
	Truncated     string           `json:"truncated,omitempty"`         // WARC-Truncated, when the crawler cut the record
	Status        string           `json:"status"`                      // ok, skipped or error
	Reason        string           `json:"reason,omitempty"`            // why skipped or error
	Title         string           `json:"title,omitempty"`             // the article's title
	Text          string           `json:"text"`                        // the article as plain text (never Markdown)
	Language      string           `json:"language,omitempty"`          // ISO 639-1 code of the text
	LanguageScore float64          `json:"language_score"`              // confidence of language, 0–1
	WordCount     int              `json:"word_count"`                  // words in text
	DuplicateOf   string           `json:"duplicate_of,omitempty"`      // source of an earlier record with the same normalised text
	NearDupOf     string           `json:"near_duplicate_of,omitempty"` // with --dedup minhash: source of an earlier near duplicate
	Signals       *signals.Signals `json:"signals,omitempty"`           // quality signals of the text (see package signals)
}

// Encode renders the record as one JSON line.
func (r *Record) Encode() []byte {
	out, _ := render.JSON(r, "") // strings and numbers always encode
	return out
}

// Filters are the quality filters a run applies (--filter): signals.Filters.
type Filters = signals.Filters

// ParseFilters reads --filter: a comma-separated list of gopher, c4 and fineweb (see
// signals.ParseFilters).
func ParseFilters(s string) (Filters, error) {
	if strings.TrimSpace(s) == "" {
		return nil, nil
	}
	f, err := signals.ParseFilters(s)
	if err != nil {
		return nil, fmt.Errorf("--filter: %w", err)
	}
	return f, nil
}

// Annotate adds the language and the quality signals to a cleaned record, and drops it
// (status skipped, reason "filter" and the filter's rule, text left out) when one of
// filters says so, with the published default thresholds.
func Annotate(rec *Record, filters Filters) {
	rec.Language, rec.LanguageScore = langid.Detect(rec.Text)
	rec.LanguageScore = math.Round(rec.LanguageScore*1e4) / 1e4
	sig := signals.Compute(rec.Text, rec.Language)
	rec.Signals = &sig
	if d, drop := filters.Drop(&sig); drop {
		rec.Status, rec.Reason, rec.Text = Skipped, "filter "+d.String(), ""
	}
}
