package signals

import (
	"bufio"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"testing"
)

// The files scripts/datatrove_signals.py wrote with datatrove (see the package doc).
var testdata = filepath.Join("..", "..", "testdata", "signals")

type textRow struct {
	ID   string `json:"id"`
	Text string `json:"text"`
}

type decision struct {
	Keep   bool   `json:"keep"`
	Reason string `json:"reason"`
}

type valueRow struct {
	ID        string              `json:"id"`
	Signals   map[string]any      `json:"signals"`
	Decisions map[string]decision `json:"decisions"`
}

type tokenRow struct {
	ID        string   `json:"id"`
	Text      *string  `json:"text"`
	Words     []string `json:"words"`
	Sentences int      `json:"sentences"`
}

func readJSONL[T any](t testing.TB, name string) []T {
	t.Helper()
	f, err := os.Open(filepath.Join(testdata, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var rows []T
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var r T
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		rows = append(rows, r)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return rows
}

func texts(t testing.TB) map[string]string {
	m := map[string]string{}
	for _, r := range readJSONL[textRow](t, "texts.jsonl") {
		m[r.ID] = r.Text
	}
	return m
}

func words(text string) []string {
	var tk tokenizer
	var out []string
	for _, x := range tk.tokenize(text) {
		if !x.ws {
			out = append(out, text[x.start:x.end])
		}
	}
	return out
}

// TestTokensAgree checks the word lists (split_into_words) of every text and of the
// tokeniser edge cases, and the sentence counts (split_into_sentences) of the latter.
func TestTokensAgree(t *testing.T) {
	all := texts(t)
	bad := 0
	rows := readJSONL[tokenRow](t, "tokens.jsonl")
	for _, r := range rows {
		text := all[r.ID]
		if r.Text != nil {
			text = *r.Text
		} else if _, ok := all[r.ID]; !ok {
			t.Fatalf("tokens.jsonl: no text %q", r.ID)
		}
		got := words(text)
		if !slices.Equal(got, r.Words) && bad < 20 {
			bad++
			t.Errorf("words(%q):\n got %q\nwant %q", clip(text), clip(strings.Join(got, "|")), clip(strings.Join(r.Words, "|")))
		}
		if r.Text == nil {
			continue
		}
		var tk tokenizer
		if n := tk.sentences(text); n != r.Sentences && bad < 20 {
			bad++
			t.Errorf("sentences(%q) = %d, want %d", clip(text), n, r.Sentences)
		}
	}
	if len(rows) < 10000 {
		t.Fatalf("tokens.jsonl has %d rows", len(rows))
	}
}

func clip(s string) string {
	if len(s) > 300 {
		return s[:300] + "…"
	}
	return s
}

// TestSignalsAgree checks every signal and every filter decision against datatrove's,
// and that the texts make every rule of every filter drop one.
func TestSignalsAgree(t *testing.T) {
	all := texts(t)
	seen := map[string]bool{}
	rows := readJSONL[valueRow](t, "datatrove.jsonl")
	if len(rows) != len(all) || len(rows) < 30 {
		t.Fatalf("%d rows of datatrove values for %d texts", len(rows), len(all))
	}
	for _, r := range rows {
		text, ok := all[r.ID]
		if !ok {
			t.Fatalf("datatrove.jsonl: no text %q", r.ID)
		}
		s := Compute(text, "en")
		compareSignals(t, r.ID, s, r.Signals)
		for name, want := range r.Decisions {
			seen[name+":"+want.Reason] = true
			f, ok := filterByName(name)
			if !ok {
				t.Fatalf("unknown filter %q", name)
			}
			if got := f.Reason(&s); got != want.Reason || want.Keep != (want.Reason == "") {
				t.Errorf("%s: %s: reason %q, datatrove %+v", r.ID, name, got, want)
			}
		}
	}
	for _, r := range allReasons() {
		if !seen[r] {
			t.Errorf("no text gets %s from datatrove", r)
		}
	}
}

// allReasons lists filter:reason for every rule of every filter, and keeping.
func allReasons() []string {
	var out []string
	add := func(f Filter, rules []rule, more ...string) {
		for _, r := range rules {
			more = append(more, r.reason)
		}
		for _, r := range append(more, "") {
			out = append(out, f.String()+":"+r)
		}
	}
	add(GopherQuality, gopherQualityRules)
	add(GopherRepetition, gopherRepetitionRules, "empty")
	add(C4, nil, "lorem_ipsum", "curly_bracket", "too_few_sentences")
	add(FineWeb, fineWebRules, "empty")
	return out
}

func compareSignals(t *testing.T, id string, s Signals, want map[string]any) {
	t.Helper()
	var got map[string]any
	b, _ := json.Marshal(s)
	if err := json.Unmarshal(b, &got); err != nil {
		t.Fatal(err)
	}
	if k1, k2 := keys(got), keys(want); !slices.Equal(k1, k2) {
		t.Fatalf("signal names:\n got %v\nwant %v", k1, k2)
	}
	for k, w := range want {
		g, wf := got[k].(float64), w.(float64)
		tol := 1e-9
		if isCount(k) {
			tol = 0
		}
		if math.Abs(g-wf) > tol {
			t.Errorf("%s: %s = %v, datatrove %v", id, k, g, wf)
		}
	}
}

// isCount tells the integer signals, which must agree exactly.
func isCount(k string) bool {
	for _, f := range []string{"_frac", "_ratio", "_length"} {
		if strings.HasSuffix(k, f) {
			return false
		}
	}
	return true
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	return ks
}
