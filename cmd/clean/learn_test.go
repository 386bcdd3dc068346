package main

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cleanhq/clean/rules"
)

// Generated corpus: two sites with their own repeated lines, one line common to both,
// a rare line, and one site's line appearing on a few pages of the other.
const (
	alphaPlug   = "Alpha Daily: subscribe for the morning briefing"
	alphaSponso = "Sponsored by Alpha Partners"
	betaPlug    = "Beta Weekly — read the archive"
	bothLine    = "Follow us on Mastodon"
	rareLine    = "Correction appended"
)

func sitePage(host string, i int, extra ...string) map[string]any {
	var b strings.Builder
	b.WriteString("<html><head><title>Report " + fmt.Sprint(i) + "</title></head><body><article>")
	fmt.Fprintf(&b, "<p>The %s report number %d describes the harbour, the ferries and the new timetable in plenty of detail.</p>", host, i)
	for _, line := range extra {
		b.WriteString("<p>" + line + "</p>")
	}
	fmt.Fprintf(&b, "<p>Residents interviewed for story %d said the changes would help commuters, though some worried about cost.</p>", i)
	b.WriteString("</article></body></html>")
	return map[string]any{"id": fmt.Sprintf("%s-%d", host, i), "url": fmt.Sprintf("https://www.%s/news/%d", host, i), "html": b.String()}
}

func writeSites(t *testing.T, dir string) string {
	t.Helper()
	var lines []string
	add := func(rec map[string]any) {
		data, _ := json.Marshal(rec)
		lines = append(lines, string(data))
	}
	for i := range 12 {
		extra := []string{alphaPlug, bothLine}
		if i < 9 {
			extra = append(extra, alphaSponso)
		}
		if i < 2 {
			extra = append(extra, rareLine)
		}
		add(sitePage("alpha.example", i, extra...))
		if i < 10 {
			extra := []string{betaPlug, bothLine}
			if i < 2 {
				extra = append(extra, alphaPlug)
			}
			add(sitePage("beta.example", i, extra...))
		}
	}
	path := filepath.Join(dir, "sites.jsonl")
	if err := os.WriteFile(path, []byte(strings.Join(lines, "\n")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

func runClean(t *testing.T, args ...string) (string, string, int) {
	t.Helper()
	var out, errb strings.Builder
	code := run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

func TestLearnTwoSites(t *testing.T) {
	dir := t.TempDir()
	corpus := writeSites(t, dir)
	learned := filepath.Join(dir, "learned.yaml")
	_, stderr, code := runClean(t, "learn", "--no-user-rules", "--min-pages", "5", "--min-share", "0.5", "-o", learned, corpus)
	if code != 0 {
		t.Fatalf("learn: exit %d: %s", code, stderr)
	}
	set := &rules.Set{}
	if err := set.AddFile(learned); err != nil {
		t.Fatalf("learned file does not load: %v", err)
	}
	got := map[string][]string{} // pattern → sites
	for _, r := range set.Rules {
		if r.Kind != rules.Drop || len(r.DropExamples) == 0 {
			t.Errorf("rule %s: kind %s, drop examples %v", r.ID, r.Kind, r.DropExamples)
		}
		got[r.Pattern] = append(got[r.Pattern], r.Sites...)
	}
	want := map[string][]string{
		alphaPlug:   {"alpha.example"},
		alphaSponso: {"alpha.example"},
		bothLine:    {"alpha.example", "beta.example"},
		betaPlug:    {"beta.example"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("learned %v\nwant    %v", got, want)
	}
	if failures := set.TestExamples(); len(failures) > 0 {
		t.Errorf("examples fail: %v", failures)
	}
	if out, stderr, code := runClean(t, "rules", "test", learned); code != 0 {
		t.Errorf("clean rules test: exit %d: %s%s", code, out, stderr)
	}

	// Deterministic: the same file from the inputs in another order, with more workers.
	reversed := filepath.Join(dir, "reversed.jsonl")
	data, _ := os.ReadFile(corpus)
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	for i, j := 0, len(lines)-1; i < j; i, j = i+1, j-1 {
		lines[i], lines[j] = lines[j], lines[i]
	}
	os.WriteFile(reversed, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	again, _, _ := runClean(t, "learn", "--no-user-rules", "-j", "3", reversed)
	first, _ := os.ReadFile(learned)
	if again != string(first) {
		t.Errorf("learn is not deterministic:\n%s\n---\n%s", first, again)
	}
}

// TestLearnedRulesApply: clean --rules learned.yaml removes each site's lines from its own
// pages only.
func TestLearnedRulesApply(t *testing.T) {
	dir := t.TempDir()
	corpus := writeSites(t, dir)
	learned := filepath.Join(dir, "learned.yaml")
	if _, stderr, code := runClean(t, "learn", "--no-user-rules", "-o", learned, corpus); code != 0 {
		t.Fatalf("learn: %s", stderr)
	}
	out, stderr, code := runClean(t, "--no-user-rules", "--rules", learned, "--explain", corpus)
	if code != 0 {
		t.Fatalf("clean: exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct {
			ID, Text string
			Removed  []rules.Removal
		}
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		for _, gone := range []string{bothLine, alphaSponso, betaPlug} {
			if strings.Contains(rec.Text, gone) {
				t.Errorf("%s still has %q", rec.ID, gone)
			}
		}
		// Alpha's plug goes from alpha's pages; the two beta pages that carry it keep it.
		betaWithPlug := rec.ID == "beta.example-0" || rec.ID == "beta.example-1"
		if strings.Contains(rec.Text, alphaPlug) != betaWithPlug {
			t.Errorf("%s: alpha's line %q wrongly kept or removed:\n%s", rec.ID, alphaPlug, rec.Text)
		}
		if !strings.Contains(rec.Text, "said the changes would help commuters") {
			t.Errorf("%s lost article text:\n%s", rec.ID, rec.Text)
		}
		for _, r := range rec.Removed {
			if strings.HasPrefix(r.Rule, "learned-") && !strings.Contains(r.Rule, strings.SplitN(rec.ID, ".", 2)[0]) {
				t.Errorf("%s: removed by another site's rule %s", rec.ID, r.Rule)
			}
		}
	}
}

// divSitePage is a page whose boilerplate sits in <div> blocks of several shapes (phrasing
// only, text beside a block child, lines split by <br>), which readability rewrites (into
// <p>, or wrapping the loose text), and whose article text is long paragraphs only.
func divSitePage(i int) map[string]any {
	var b strings.Builder
	b.WriteString("<html><head><title>Harbour story " + fmt.Sprint(i) + "</title></head><body><article>")
	for p := range 3 {
		fmt.Fprintf(&b, "<p>Story %d, part %d: the harbour board met on Tuesday to hear the engineers, who said the outer wall would need another season of work before the ferries could use the northern berth again, and the fishermen asked who would pay for the lost weeks.</p>", i, p)
		if p == 0 {
			b.WriteString(`<div>Get the <b>Morning Brief</b> in your inbox</div>`)
		}
		if p == 1 {
			b.WriteString(`<div>Sponsored by Harbour Bank<div>Open an account <i>today</i></div></div>`)
		}
	}
	b.WriteString(`<div>Tips: tips@coast.example<br>Call 555 0100</div>`)
	b.WriteString("</article></body></html>")
	return map[string]any{"id": fmt.Sprint(i), "url": fmt.Sprintf("https://coast.example/news/%d", i), "html": b.String()}
}

// TestLearnDivBoilerplate: boilerplate in <div> blocks is learned from the cleaned text,
// and the learned rules, applied to the article DOM after readability has rewritten those
// blocks, still remove it, and only it. Each rule has a keep: example from the site's
// article text (long paragraphs here: no short block is article text), and clean rules
// test passes.
func TestLearnDivBoilerplate(t *testing.T) {
	dir := t.TempDir()
	var lines []string
	for i := range 8 {
		data, _ := json.Marshal(divSitePage(i))
		lines = append(lines, string(data))
	}
	corpus := filepath.Join(dir, "coast.jsonl")
	os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	boilerplate := []string{"Get the Morning Brief in your inbox", "Sponsored by Harbour Bank", "Open an account today",
		"Tips: tips@coast.example", "Call 555 0100"}

	plain, _, _ := runClean(t, "--no-user-rules", corpus)
	for _, s := range boilerplate {
		if !strings.Contains(plain, s) {
			t.Fatalf("without rules, %q is not in the output: nothing to learn", s)
		}
	}
	learned := filepath.Join(dir, "learned.yaml")
	if _, stderr, code := runClean(t, "learn", "--no-user-rules", "-o", learned, corpus); code != 0 {
		t.Fatalf("learn: exit %d: %s", code, stderr)
	}
	set := &rules.Set{}
	if err := set.AddFile(learned); err != nil {
		t.Fatal(err)
	}
	if len(set.Rules) == 0 {
		t.Fatal("nothing learned")
	}
	for _, r := range set.Rules {
		if len(r.Keep) == 0 || !strings.Contains(r.Keep[0], "the harbour board met") {
			t.Errorf("rule %s (%s%s): keep examples %q, want article text", r.ID, r.Pattern, r.Regex, r.Keep)
		}
	}
	if out, stderr, code := runClean(t, "rules", "test", learned); code != 0 {
		t.Errorf("clean rules test: exit %d: %s%s", code, out, stderr)
	}
	out, stderr, code := runClean(t, "--no-user-rules", "--rules", learned, corpus)
	if code != 0 {
		t.Fatalf("clean: exit %d: %s", code, stderr)
	}
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var rec struct{ ID, Text string }
		json.Unmarshal([]byte(line), &rec)
		for _, s := range boilerplate {
			if strings.Contains(rec.Text, s) {
				t.Errorf("page %s still has %q after the learned rules:\n%s", rec.ID, s, rec.Text)
			}
		}
		if strings.Count(rec.Text, "the harbour board met") != 3 {
			t.Errorf("page %s lost article text:\n%s", rec.ID, rec.Text)
		}
	}
}
