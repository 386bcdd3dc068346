package signals

import (
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestParseFilters(t *testing.T) {
	for spec, want := range map[string]string{
		"gopher,c4,fineweb":         "gopher_repetition,gopher_quality,c4,fineweb",
		"fineweb, c4":               "fineweb,c4",
		"gopher_quality,gopher":     "gopher_quality,gopher_repetition",
		"c4,c4,":                    "c4",
		"":                          "",
		"gopher_repetition":         "gopher_repetition",
		"fineweb,gopher_quality,c4": "fineweb,gopher_quality,c4",
	} {
		fs, err := ParseFilters(spec)
		if err != nil || fs.String() != want {
			t.Errorf("ParseFilters(%q) = %v, %v; want %s", spec, fs, err, want)
		}
	}
	if _, err := ParseFilters("gopher,nope"); err == nil || !strings.Contains(err.Error(), `"nope"`) {
		t.Errorf("ParseFilters(nope): %v", err)
	}
}

func TestDrop(t *testing.T) {
	fs, _ := ParseFilters("gopher,c4,fineweb")
	s := Compute("", "en")
	if d, _ := fs.Drop(&s); d.String() != "gopher_repetition:empty" {
		t.Errorf("Drop(empty) = %v", d)
	}
	s = Compute("Hello there. How are you?", "en")
	if d, _ := (Filters{GopherQuality, C4}).Drop(&s); d != (Drop{GopherQuality, "gopher_short_doc"}) {
		t.Errorf("Drop(short) = %v", d)
	}
	if d, _ := (Filters{C4, GopherQuality}).Drop(&s); d.String() != "c4:too_few_sentences" {
		t.Errorf("Drop(short) = %v", d)
	}
	s = Compute(texts(t)["scrapinghub/articleBody/042bb7b5feda"], "en")
	if d, drop := fs.Drop(&s); drop {
		t.Errorf("an article kept by datatrove is dropped: %v", d)
	}
	if Filter(9).String() != "Filter(9)" || Filter(9).Reason(&s) != "" {
		t.Error("unknown filter")
	}
}

// TestSignalsJSON pins the JSON names of the signals.
func TestSignalsJSON(t *testing.T) {
	b, _ := json.Marshal(Signals{})
	var m map[string]any
	json.Unmarshal(b, &m)
	if len(m) != 40 {
		t.Errorf("%d JSON fields", len(m))
	}
	for _, k := range []string{"chars", "gopher_word_count", "gopher_dup_10_gram_frac", "c4_sentences", "fineweb_list_ratio"} {
		if _, ok := m[k]; !ok {
			t.Errorf("no %s", k)
		}
	}
}

// checkTokens checks that the tokens of s cover it in order, with only single spaces
// between them, and that Compute does not panic.
func checkTokens(t *testing.T, s string) {
	var tk tokenizer
	at := 0
	for _, x := range tk.tokenize(s) {
		if int(x.start) == at+1 && s[at] == ' ' {
			at++
		}
		if int(x.start) != at || x.end <= x.start {
			t.Fatalf("%q: token %d-%d after %d", s, x.start, x.end, at)
		}
		at = int(x.end)
	}
	if at != len(s) && !(at == len(s)-1 && s[at] == ' ') {
		t.Fatalf("%q: tokens end at %d", s, at)
	}
	Compute(s, "en")
}

func FuzzTokens(f *testing.F) {
	for _, s := range []string{"", " ", "Hello, world! Don't.", "a  b\t\nc", "x:) (e.g.) http://a-b.cd/x-y",
		"\xff\xfe a\xc3", "[1] {x} lorem ipsum.", "....--..", "1.2.3.4:80/a-b user@a.bc"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if !utf8.ValidString(s) {
			Compute(s, "en") // must not panic
			return
		}
		checkTokens(t, s)
	})
}
