package rules

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/net/html"

	"github.com/cleanhq/clean/internal/blocks"
)

func TestBuiltinExamples(t *testing.T) {
	s := Builtin()
	if len(s.Rules) == 0 {
		t.Fatal("no built-in rules")
	}
	for _, r := range s.Rules {
		if len(r.DropExamples) == 0 || len(r.Keep) == 0 {
			t.Errorf("rule %s needs both drop: and keep: examples", r.ID)
		}
		if r.Description == "" {
			t.Errorf("rule %s has no description", r.ID)
		}
	}
	for _, f := range s.TestExamples() {
		t.Error(f)
	}
}

// applyTo runs the built-in rules over paragraphs and returns the surviving block texts.
func applyTo(t *testing.T, s *Set, paras ...string) ([]string, []Removal) {
	t.Helper()
	var b strings.Builder
	b.WriteString("<article>")
	for _, p := range paras {
		b.WriteString("<p>" + html.EscapeString(p) + "</p>")
	}
	b.WriteString("</article>")
	doc, err := html.Parse(strings.NewReader(b.String()))
	if err != nil {
		t.Fatal(err)
	}
	removed := s.Apply(doc, "example.com")
	var kept []string
	for _, n := range blocks.Leaves(doc) {
		kept = append(kept, blocks.Text(n))
	}
	return kept, removed
}

// body is a long article paragraph, so that the tests' documents have a realistic shape.
func body(n int) string {
	return fmt.Sprintf("Body paragraph %d: the council met on Tuesday and argued for hours about the budget, "+
		"the new bus lanes and the school that has waited for a new roof since the storm of the winter before last.", n)
}

func bodies(from, to int) []string {
	var out []string
	for i := from; i <= to; i++ {
		out = append(out, body(i))
	}
	return out
}

func cat(parts ...[]string) []string {
	var out []string
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// TestBuiltinRules runs the built-in rules over whole documents: boilerplate of each
// family goes, and body paragraphs that merely contain the same words stay unchanged.
func TestBuiltinRules(t *testing.T) {
	cases := []struct {
		name      string
		paras     []string
		want      []string // surviving blocks
		removedBy []string // rule ids that must appear in the removals
	}{
		{"ad tokens of the mos family are stripped",
			cat([]string{"{mosads}" + body(1), "<mosads>" + body(2) + "{/mosads}", "{mospagebreak title=Part 2}" + body(3)}),
			bodies(1, 3), []string{"cms-ad-token"}},
		{"layout labels ending in an arrow",
			cat(bodies(1, 2), []string{"Main Area Top ↴", "Sidebar Middle ⤵", "Footer Links ▼"}, bodies(3, 4)),
			bodies(1, 4), []string{"layout-arrow-label"}},
		{"stand-alone labels",
			cat([]string{"Advertisement", "Share"}, bodies(1, 2), []string{"Related", "Read more", "Sign up for our newsletter",
				"Tags", "Most Popular", "Load more", "Video", "See all Video", "Testing Homepage Widget"}, bodies(3, 4)),
			bodies(1, 4), []string{"label-advertisement", "label-share", "label-related", "label-more-link",
				"label-newsletter", "label-tags", "label-media", "layout-widget-label"}},
		{"copyright footer near the end and what follows it",
			cat(bodies(1, 5), []string{"Copyright 2024 Example Media Inc. All rights reserved.",
				"Trending: five things to know this week", "Another teaser headline here", "Privacy policy"}),
			bodies(1, 5), []string{"copyright-footer"}},
		{"© footer followed by a long teaser block",
			cat(bodies(1, 6), []string{"© 2021 Example News", body(99)}),
			bodies(1, 6), []string{"copyright-footer"}},
		{"all rights reserved footer in German",
			cat(bodies(1, 4), []string{"Beispiel Verlag, 2023. Alle Rechte vorbehalten.", "Impressum"}),
			bodies(1, 4), []string{"rights-reserved-footer"}},
		{"a copyright line in the middle of a long article cuts nothing after it",
			cat(bodies(1, 4), []string{"© 2019 Example Photo Agency"}, bodies(5, 9)),
			bodies(1, 9), []string{"copyright-footer"}},
		{"a copyright line at the start cuts nothing",
			cat([]string{"© 2020 Example"}, bodies(1, 2)),
			bodies(1, 2), []string{"copyright-footer"}},
		{"body paragraphs that share words with the labels stay",
			[]string{
				"The video, filmed on Tuesday, shows the officer approaching the car before the shots were fired.",
				"Video footage released by the police on Friday contradicts the officers' account of the arrest.",
				"The notice on the tape read “all rights reserved”, but nobody paid it any attention at all.",
				"In 2019 the label on every box said all rights reserved.",
				"Tags on the luggage were torn off before the flight, the airline said.",
				"Tags",
				"Share prices rose after the announcement, and the company said more news would follow.",
				"Copyright law in the country dates back to 1710, when the first statute was passed.",
				"Copyright 1998 legislation extended the terms by twenty years.",
				"Read more books, the teacher told the class, and watch less television.",
				"Advertisement spending rose by 4% last year, the industry group reported.",
				"Most popular among the voters was the promise to cut the bus fares in half.",
				"Sign up for the course closes on Friday, the university said in a statement.",
				"Related stories of the flood were told by the survivors at the hearing.",
			},
			[]string{
				"The video, filmed on Tuesday, shows the officer approaching the car before the shots were fired.",
				"Video footage released by the police on Friday contradicts the officers' account of the arrest.",
				"The notice on the tape read “all rights reserved”, but nobody paid it any attention at all.",
				"In 2019 the label on every box said all rights reserved.",
				"Tags on the luggage were torn off before the flight, the airline said.",
				"Share prices rose after the announcement, and the company said more news would follow.",
				"Copyright law in the country dates back to 1710, when the first statute was passed.",
				"Copyright 1998 legislation extended the terms by twenty years.",
				"Read more books, the teacher told the class, and watch less television.",
				"Advertisement spending rose by 4% last year, the industry group reported.",
				"Most popular among the voters was the promise to cut the bus fares in half.",
				"Sign up for the course closes on Friday, the university said in a statement.",
				"Related stories of the flood were told by the survivors at the hearing.",
			},
			[]string{"label-tags"}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			kept, removed := applyTo(t, Builtin(), c.paras...)
			if strings.Join(kept, "\n") != strings.Join(c.want, "\n") {
				t.Errorf("kept\n  %q\nwant\n  %q\nremoved %v", kept, c.want, removed)
			}
			by := map[string]bool{}
			for _, r := range removed {
				by[r.Rule] = true
			}
			for _, id := range c.removedBy {
				if !by[id] {
					t.Errorf("no removal by %s in %v", id, removed)
				}
			}
		})
	}
}

// TestBuiltinRulesKeepOtherLanguages: normal sentences in other languages, some of them
// made of the words the labels use, pass every built-in rule unchanged.
func TestBuiltinRulesKeepOtherLanguages(t *testing.T) {
	paras := []string{
		"Die Anzeige wurde am Montag bei der Polizei erstattet, teilte die Staatsanwaltschaft mit.",
		"Werbung im Fernsehen ist seit Jahren rückläufig, sagen die Forscher.",
		"Alle Rechte vorbehalten, schrieb der Verlag 2019 in den Vertrag, doch das Gericht sah es anders.",
		"Le vidéo montre l'arrivée du cortège devant la mairie, à midi.",
		"La publicité a coûté plus cher que prévu, selon le rapport publié mardi.",
		"Tous droits réservés : la mention figurait sur chaque page du manuscrit de 1920.",
		"El video muestra la llegada del presidente al aeropuerto de Madrid.",
		"Compartir es vivir, decía mi abuela cada domingo.",
		"Il video è stato girato a Roma durante la manifestazione di sabato.",
		"O vídeo foi visto por milhões de pessoas em poucas horas.",
		"Reklama w telewizji kosztuje coraz więcej, twierdzą eksperci.",
		"Реклама на телевидении подешевела, сообщили аналитики во вторник.",
		"Видео было снято в понедельник на площади перед вокзалом.",
		"视频显示，事故发生在凌晨两点左右。",
		"広告の費用は昨年より増えた。",
		"الفيديو يظهر لحظة وصول الرئيس إلى المطار.",
	}
	kept, removed := applyTo(t, Builtin(), paras...)
	if strings.Join(kept, "\n") != strings.Join(paras, "\n") {
		t.Errorf("changed:\n got %q\nremoved %v", kept, removed)
	}
}

// TestTableCellsAreNotLabels: a table's column headings that read like labels stay, so
// the columns do not shift.
func TestTableCellsAreNotLabels(t *testing.T) {
	page := "<article><p>" + body(1) + "</p><table><tr><th>Tag</th><th>Video</th><th>Email</th></tr>" +
		"<tr><td>Montag</td><td>Ja</td><td>a@example.org</td></tr></table><p>Share</p><p>" + body(2) + "</p></article>"
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	removed := Builtin().Apply(doc, "")
	if len(removed) != 1 || removed[0].Text != "Share" {
		t.Errorf("removed %v", removed)
	}
	if got := blocks.Text(doc); !strings.Contains(got, "Tag\nVideo\nEmail\nMontag") {
		t.Errorf("table changed: %q", got)
	}
}

func TestMultiLineBlocksMatchWhenEveryLineDoes(t *testing.T) {
	r := Builtin().byID("layout-arrow-label")
	if !r.Matches("Main Area Middle ↴\nMain Area Bottom ↴") {
		t.Error("two label lines not matched")
	}
	if r.Matches("Main Area Middle ↴\nThe council met on Tuesday.") {
		t.Error("a block with a body line matched")
	}
}

func TestCutHead(t *testing.T) {
	s := &Set{}
	if err := s.AddYAML("u.yaml", []byte("rules:\n  - id: head\n    kind: cut-head\n    pattern: Skip to article\n")); err != nil {
		t.Fatal(err)
	}
	kept, removed := applyTo(t, s, cat([]string{"Home", "News", "Skip to article"}, bodies(1, 3), []string{"Skip to article"})...)
	if want := bodies(1, 3); strings.Join(kept, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q", kept)
	}
	if len(removed) != 4 || removed[0].Rule != "head" || removed[0].Text != "Home" {
		t.Errorf("removed %v", removed)
	}
	kept, _ = applyTo(t, s, cat(bodies(1, 3), []string{"Skip to article"}, bodies(4, 6))...)
	if len(kept) != 6 {
		t.Errorf("a cut-head match in the middle cut: %q", kept)
	}
}

func TestUserFile(t *testing.T) {
	s := Builtin()
	err := s.AddYAML("user.yaml", []byte(`
disable: [label-media]
rules:
  - id: site-footer
    kind: cut-tail
    description: example.com footer
    pattern: "About Example.com"
    sites: ["example.com"]
`))
	if err != nil {
		t.Fatal(err)
	}
	paras := cat([]string{"Video"}, bodies(1, 3), []string{"About Example.com", "Contact us"})
	kept, _ := applyTo(t, s, paras...)
	if want := cat([]string{"Video"}, bodies(1, 3)); strings.Join(kept, "|") != strings.Join(want, "|") {
		t.Errorf("got %q", kept)
	}
	if s.byID("label-media") != nil {
		t.Error("disabled rule still in the set")
	}
	if Builtin().byID("label-media") == nil {
		t.Error("disabling changed the built-in set")
	}
}

func TestDisableTwice(t *testing.T) {
	s := Builtin()
	for _, name := range []string{"user.yaml", "extra.yaml"} {
		if err := s.AddYAML(name, []byte("disable: [label-media]\n")); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
	}
	if s.byID("label-media") != nil {
		t.Error("label-media still in force")
	}
}

func TestSiteScope(t *testing.T) {
	cases := []struct {
		sites []string
		host  string
		want  bool
	}{
		{nil, "", true},
		{nil, "anything.org", true},
		{[]string{"example.com"}, "example.com", true},
		{[]string{"example.com"}, "www.example.com", true},
		{[]string{"example.com"}, "news.example.com", true},
		{[]string{"example.com"}, "EXAMPLE.COM", true},
		{[]string{"example.com"}, "notexample.com", false},
		{[]string{"example.com"}, "example.com.evil.org", false},
		{[]string{"example.com"}, "", false},
		{[]string{"*.example.com"}, "news.example.com", true},
		{[]string{"*.example.com"}, "example.com", false},
		{[]string{"*.example.com"}, "www.example.com", true},
		{[]string{"www.example.com"}, "example.com", false},
		{[]string{"*"}, "", false},
		{[]string{"example.*"}, "example.de", true},
		{[]string{"other.org", "example.*"}, "example.co", true},
		{[]string{"blog?.example.com"}, "blog2.example.com", true},
	}
	for _, c := range cases {
		r := &Rule{Sites: c.sites}
		if got := r.AppliesTo(c.host); got != c.want {
			t.Errorf("sites %q host %q: got %v, want %v", c.sites, c.host, got, c.want)
		}
	}
	s := &Set{}
	if err := s.AddYAML("u.yaml", []byte("rules:\n  - id: x\n    kind: drop\n    pattern: Foo\n    sites: [example.com]\n")); err != nil {
		t.Fatal(err)
	}
	if len(s.ForHost("other.org")[Drop]) != 0 || len(s.ForHost("example.com")[Drop]) != 1 {
		t.Error("ForHost ignores the site scope")
	}
}

func TestCaseSensitivity(t *testing.T) {
	s := &Set{}
	err := s.AddYAML("u.yaml", []byte(`rules:
  - {id: any-case, kind: drop, pattern: "SPONSORED"}
  - {id: exact-case, kind: strip, regex: "\\[AD\\]", case_sensitive: true}
`))
	if err != nil {
		t.Fatal(err)
	}
	kept, removed := applyTo(t, s, "sponsored", "Sponsored", "[AD]Kept text [ad] here.")
	if strings.Join(kept, "|") != "Kept text [ad] here." || len(removed) != 3 {
		t.Errorf("kept %q, removed %v", kept, removed)
	}
}

func TestPatternIsLiteral(t *testing.T) {
	s := &Set{}
	if err := s.AddYAML("u.yaml", []byte("rules:\n  - {id: x, kind: drop, pattern: 'Read more (1/2)'}\n")); err != nil {
		t.Fatal(err)
	}
	kept, _ := applyTo(t, s, "Read more (1/2)", "Read more 1/2", "Read more (1/2) and more")
	if strings.Join(kept, "|") != "Read more 1/2|Read more (1/2) and more" {
		t.Errorf("got %q", kept)
	}
}

func TestRemoveSelected(t *testing.T) {
	s := Builtin()
	err := s.AddYAML("u.yaml", []byte(`rules:
  - {id: promo, kind: select, selector: "div.promo, aside", sites: [example.com]}
`))
	if err != nil {
		t.Fatal(err)
	}
	page := `<html><body><article><p>Text.</p><div class="promo"><p>Buy now</p><aside>Nested</aside></div>` +
		`<ins class="adsbygoogle"></ins><div id="div-gpt-ad-1">Ad</div></article></body></html>`
	for host, want := range map[string]string{"example.com": "Text.", "other.org": "Text.\nBuy now\nNested"} {
		doc, _ := html.Parse(strings.NewReader(page))
		removed := s.RemoveSelected(doc, host)
		if got := blocks.Text(doc); got != want {
			t.Errorf("%s: got %q, want %q (removed %v)", host, got, want, removed)
		}
		if host == "example.com" && (len(removed) != 3 || removed[2] != (Removal{Rule: "promo", Text: "Buy now Nested"})) {
			t.Errorf("removed %v", removed)
		}
	}
}

func TestStripText(t *testing.T) {
	s := Builtin()
	for in, want := range map[string]string{
		"{mosads}The city council voted.": "The city council voted.",
		"Title <mosads> here":             "Title here",
		"  No token,  spacing kept ":      "  No token,  spacing kept ",
	} {
		if got := s.StripText(in, ""); got != want {
			t.Errorf("StripText(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestRemovalTextIsShortened(t *testing.T) {
	long := strings.Repeat("word ", 100) + "© 2024 Example"
	r := removal(&Rule{ID: "x"}, "  "+long+"\n")
	if n := len([]rune(r.Text)); n != maxRemovalText || !strings.HasSuffix(r.Text, "…") || strings.Contains(r.Text, "\n") {
		t.Errorf("got %d runes: %q", n, r.Text)
	}
	if r := removal(&Rule{ID: "x"}, "short\ntext"); r.Text != "short text" {
		t.Errorf("got %q", r.Text)
	}
}

func TestFileErrors(t *testing.T) {
	long := strings.Repeat("a", MaxPatternLength+1)
	cases := []struct {
		name, yaml string
		line       int
		id, want   string
	}{
		{"invalid regex", "rules:\n  - id: x\n    kind: drop\n    regex: '(a'\n", 4, "x", `invalid regex "(a": missing closing )`},
		{"look-ahead is not RE2", "rules:\n  - id: x\n    kind: drop\n    regex: '(?=a)b'\n", 4, "x", "patterns are RE2"},
		{"back-reference is not RE2", "rules:\n  - id: x\n    kind: drop\n    regex: '(a)\\1'\n", 4, "x", "invalid regex"},
		{"unknown kind", "rules:\n  - id: x\n    kind: zap\n    pattern: a\n", 3, "x", `unknown kind "zap" (want one of strip, drop, cut-tail, cut-head, select)`},
		{"missing kind", "rules:\n  - id: x\n    pattern: a\n", 2, "x", "missing kind"},
		{"missing pattern", "rules:\n  - id: x\n    kind: drop\n", 2, "x", "missing pattern"},
		{"empty pattern", "rules:\n  - id: x\n    kind: drop\n    pattern: ''\n", 2, "x", "missing pattern"},
		{"pattern and regex", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    regex: b\n", 4, "x", "both pattern and regex"},
		{"missing id", "rules:\n  - kind: drop\n    pattern: a\n", 2, "", "missing id"},
		{"bad id", "rules:\n  - id: 'my rule'\n    kind: drop\n    pattern: a\n", 2, "my rule", "letters, digits"},
		{"duplicate id in file", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n  - id: x\n    kind: drop\n    pattern: b\n", 5, "x", "duplicate id (already defined at line 2)"},
		{"duplicate of a built-in", "rules:\n  - id: label-tags\n    kind: drop\n    pattern: a\n", 2, "label-tags", "duplicate id (already defined at builtin.yaml:"},
		{"unknown field", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    case_sensitve: true\n", 5, "x", `unknown field "case_sensitve"`},
		{"misspelt pattern", "rules:\n  - id: x\n    kind: drop\n    patern: a\n", 4, "x", `unknown field "patern"`},
		{"unknown top-level field", "rule:\n  - id: x\n", 1, "", `unknown field "rule" (want rules or disable)`},
		{"field twice", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    pattern: b\n", 5, "x", `field "pattern" given twice`},
		{"wrong type", "rules:\n  - id: x\n    kind: [drop]\n    pattern: a\n", 3, "x", "kind: want text, not a list"},
		{"bad bool", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    case_sensitive: maybe\n", 5, "x", "want true or false"},
		{"rule not a mapping", "rules:\n  - just text\n", 2, "", "a rule must be a mapping"},
		{"rules not a list", "rules: 3\n", 1, "", "want a list of rules"},
		{"YAML syntax", "rules:\n  - id: x\n    kind: drop\n   pattern: [a\n", 1, "", "YAML syntax"},
		{"tab indentation", "rules:\n\t- id: x\n", 2, "", "YAML syntax"},
		{"two documents", "rules: []\n---\nrules: []\n", 2, "", "more than one YAML document"},
		{"alias", "rules:\n  - id: x\n    kind: drop\n    pattern: &p a\n    keep: [*p]\n", 5, "x", "aliases are not supported"},
		{"pattern too long", "rules:\n  - id: x\n    kind: drop\n    pattern: " + long + "\n", 4, "x", fmt.Sprintf("pattern longer than %d bytes", MaxPatternLength)},
		{"regex too long", "rules:\n  - id: x\n    kind: strip\n    regex: " + long + "\n", 4, "x", "regex longer than"},
		{"huge repeat", "rules:\n  - id: x\n    kind: drop\n    regex: 'a{5000}'\n", 4, "x", "invalid repeat count"},
		{"strip matching nothing", "rules:\n  - id: x\n    kind: strip\n    regex: 'a*'\n", 4, "x", "matches empty text"},
		{"invalid selector", "rules:\n  - id: x\n    kind: select\n    selector: 'div[['\n", 4, "x", "invalid selector"},
		{"select with pattern", "rules:\n  - id: x\n    kind: select\n    pattern: a\n", 2, "x", "takes selector:, not pattern:"},
		{"selector on drop", "rules:\n  - id: x\n    kind: drop\n    selector: div\n", 2, "x", "selector: is only for kind select"},
		{"bad site", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    sites: ['https://example.com/']\n", 5, "x", "not a host name or host glob"},
		{"bad site glob", "rules:\n  - id: x\n    kind: drop\n    pattern: a\n    sites: ['[example.com']\n", 5, "x", "not a host name or host glob"},
		{"disable unknown id", "disable: [nope]\n", 1, "nope", "disable: no rule has this id"},
		{"disable not text", "disable:\n  - {id: x}\n", 2, "", "disable: every item must be text"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			s := Builtin()
			n := len(s.Rules)
			err := s.AddYAML("f.yaml", []byte(c.yaml))
			var fe *FileError
			if !errors.As(err, &fe) {
				t.Fatalf("got %v, want a FileError", err)
			}
			if fe.File != "f.yaml" || fe.Line != c.line || fe.RuleID != c.id {
				t.Errorf("located at %s:%d rule %q, want f.yaml:%d rule %q (%v)", fe.File, fe.Line, fe.RuleID, c.line, c.id, err)
			}
			if !strings.Contains(err.Error(), c.want) {
				t.Errorf("error %q does not contain %q", err, c.want)
			}
			if strings.Contains(err.Error(), "\n") {
				t.Errorf("error %q spans lines", err)
			}
			if len(s.Rules) != n {
				t.Error("a failed file changed the set")
			}
		})
	}
}

func TestAddFileErrors(t *testing.T) {
	dir := t.TempDir()
	big := filepath.Join(dir, "big.yaml")
	if err := os.WriteFile(big, make([]byte, MaxFileSize+1), 0o644); err != nil {
		t.Fatal(err)
	}
	for name, want := range map[string]string{
		filepath.Join(dir, "missing.yaml"): "missing.yaml: no such file or directory",
		big:                                "big.yaml: larger than",
	} {
		err := (&Set{}).AddFile(name)
		if err == nil || !strings.Contains(err.Error(), want) {
			t.Errorf("AddFile(%s) = %v, want %q", name, err, want)
		}
	}
}

func TestEmptyFiles(t *testing.T) {
	for _, data := range []string{"", "# only a comment\n", "rules:\n", "rules: []\ndisable: []\n"} {
		s := &Set{}
		if err := s.AddYAML("f.yaml", []byte(data)); err != nil || len(s.Rules) != 0 {
			t.Errorf("%q: got %v and %d rules", data, err, len(s.Rules))
		}
	}
}

// FuzzAddYAML: any rule file either loads or fails with a FileError that names the file
// and leaves the set as it was; never a panic. The rules it loads can be applied (select
// rules included) and their examples tested. Seeds: testdata/fuzz/FuzzAddYAML.
func FuzzAddYAML(f *testing.F) {
	f.Add(builtinYAML)
	f.Add([]byte("disable: [label-tags]\nrules:\n  - {id: a, kind: strip, regex: 'x+'}\n"))
	f.Add([]byte("rules:\n  - &r {id: a, kind: drop, pattern: b}\n  - *r\n"))
	f.Add([]byte("rules:\n  - {id: s, kind: select, selector: 'p:nth-child(2n+1)', sites: ['*.x']}\n"))
	f.Add([]byte("rules: [\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		s := Builtin()
		before := len(s.Rules)
		err := s.AddYAML("f.yaml", data)
		var fe *FileError
		if err != nil && !errors.As(err, &fe) {
			t.Fatalf("error %v is not a FileError", err)
		}
		if err != nil {
			if !strings.HasPrefix(err.Error(), "f.yaml") || len(s.Rules) != before {
				t.Fatalf("error %q does not name the file, or the failed load changed the set", err)
			}
			return
		}
		s.TestExamples()
		applyTo(t, s, "Tags", "A body paragraph that the rules may or may not keep.", "© 2024 X")
		page, _ := html.Parse(strings.NewReader("<nav><a href='/tag/x'>x</a></nav><div class=share>Share</div><p>Text.</p>"))
		s.RemoveSelected(page, "www.example.com")
	})
}
