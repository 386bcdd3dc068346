package rules

import (
	"strings"
	"testing"
)

func TestMaxRunes(t *testing.T) {
	cases := []struct {
		expr string
		want int
	}{
		{`abc`, 3},
		{`(?i)^(?:tags?)$`, 4},
		{`a{2,5}b?`, 6},
		{`(?:share|tweet)[\s:]*`, 5},
		{`(?:ab)*`, -1},
		{`.*x`, -1},
		{`.{0,400}`, 400},
		{`x|yyy|zz`, 3},
		{`\bword\b`, 4},
		{`(?:)*`, 0},
		{`[^.]+`, 0},
		{`é{3}`, 3},
	}
	for _, c := range cases {
		if got := newPrefilter(c.expr).maxRunes; got != c.want {
			t.Errorf("maxRunes(%q) = %d, want %d", c.expr, got, c.want)
		}
	}
}

func TestTooLong(t *testing.T) {
	p := newPrefilter(`(?i)^(?:(?:share|tweet)[\s:]*)$`)
	if p.tooLong("Share   :::   ") || p.tooLong("TWEET") {
		t.Error("a match counted too long")
	}
	if !p.tooLong("Share prices rose on Monday.") {
		t.Error("prose not counted too long")
	}
}

// The prefilter must never turn away a line the regex matches; it may admit lines the
// regex then rejects.
func TestPrefilterAdmitsEveryMatch(t *testing.T) {
	cases := []struct {
		expr  string
		lines []string
	}{
		{`(?i)^(?:.{0,20}\ball rights reserved\b[.!]*)$`, []string{"© 2020 X. All Rights Reserved.", "ALL RIGHTS RESERVED", "Kelvin \u212a. all rights reserved"}},
		{`^(?:[^.!?]{1,60}?\s*[↴⤵↓])$`, []string{"Main Area Top ↴", "Sidebar ↓"}},
		{`(?i)^(?:share(?: on)?[\s:]*)$`, []string{"Share", "SHARE ON:::"}},
		{`(?i)^(?:.{0,20}(?:all rights reserved|все права защищены)\.?)$`, []string{"© X. ВСЕ ПРАВА ЗАЩИЩЕНЫ.", "(c) all rights ReServed"}},
		{`(?i)^(?:.{0,9}(?:©|copyright).{0,30})$`, []string{"© 2020 Example", "COPYRIGHT 2019", "\u212aelvin ©"}},
	}
	for _, c := range cases {
		p := newPrefilter(c.expr)
		for _, l := range c.lines {
			if !p.admits(subjectOf(l)) {
				t.Errorf("prefilter of %q turns away %q", c.expr, l)
			}
		}
	}
	p := newPrefilter(`(?i)^(?:.{0,20}\ball rights reserved\b)$`)
	if p.admits(subjectOf("A long paragraph of prose that says nothing about rights at all.")) {
		t.Error("prefilter admits a line without the required text")
	}
	if p = newPrefilter(`(?i)^(?:.{0,20}(?:all rights reserved|все права защищены))$`); p.admits(subjectOf("Права человека.")) {
		t.Error("prefilter admits a line without any of the required texts")
	}
	if p = newPrefilter(`^(?:[^.!?]{1,60}?\s*[↴⤵↓])$`); p.admits(subjectOf("Prose without arrows.")) {
		t.Error("prefilter admits a line without the required sign")
	}
}

// FuzzPrefilterNeverRejectsAMatch: for the built-in rules and for rules made of arbitrary
// expressions, Matches (prefilter, then regex) agrees with the regex alone.
func FuzzPrefilterNeverRejectsAMatch(f *testing.F) {
	for _, r := range Builtin().Rules {
		for _, ex := range append(append([]string(nil), r.DropExamples...), r.Keep...) {
			f.Add("", false, ex)
		}
	}
	f.Add(`.{0,20}\ball rights reserved\b`, false, "© X. ALL RIGHTS RESERVED")
	f.Add(`sk{1,3}|ſ`, true, "\u212a")
	f.Add(`[a-z]+`, true, "Text [AD] here")
	f.Add(`(?:the )?(?:story|article)s?[.!]?`, false, "The stories!")
	f.Add(`\{(?:load)\}`, true, "x {LOAD} y")
	f.Fuzz(func(t *testing.T, expr string, strip bool, text string) {
		rules := Builtin().Rules
		if expr != "" {
			r := &Rule{ID: "x", Kind: Drop, Regex: expr}
			if strip {
				r.Kind = Strip
			}
			if r.compile() != nil {
				return
			}
			rules = []*Rule{r}
		}
		for _, r := range rules {
			if r.re != nil && r.Matches(text) != regexOnly(r, text) {
				t.Errorf("rule %s (%q): Matches(%q) = %v, the regex alone says %v", r.ID, r.re, text, !regexOnly(r, text), regexOnly(r, text))
			}
		}
	})
}

// regexOnly is Rule.Matches without the prefilter.
func regexOnly(r *Rule, text string) bool {
	if r.Kind == Strip {
		return r.re.MatchString(text)
	}
	found := false
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if !r.re.MatchString(line) {
			return false
		}
		found = true
	}
	return found
}

func subjectOf(text string) *subject {
	s := newSubject(text)
	return &s
}

// TestEdgesAdmit: the inline first look at a line's edges turns away only lines the
// prefilter turns away, for every built-in rule and lines starting and ending with every
// ASCII byte and a few other runes.
func TestEdgesAdmit(t *testing.T) {
	edges := []string{"é", "©", "↴", "»", "日"}
	for c := 0x20; c < 0x7f; c++ {
		edges = append(edges, string(rune(c)))
	}
	for _, r := range Builtin().Rules {
		for _, a := range edges {
			for _, b := range edges {
				for _, mid := range []string{"", "x", "Share ", " all rights reserved ", "Related"} {
					s := subjectOf(a + mid + b)
					if !r.edgesAdmit(s) && r.pre.admits(s) {
						t.Errorf("%s: %q turned away by its edges, admitted by the prefilter", r.ID, s.text)
					}
				}
			}
		}
	}
}

// TestNewSubject: the ASCII shortcut of newSubject reads the same edges as edgeSubject,
// on texts of one to four pieces of ASCII, other scripts, runes that fold to ASCII and
// invalid UTF-8.
func TestNewSubject(t *testing.T) {
	pieces := []string{"", "a", "Z", "k", " ", ".", "\x7f", "\x00", "é", "\u212a", "ſ", "日", "\xff", "ab"}
	var texts []string
	for _, a := range pieces {
		for _, b := range pieces {
			for _, c := range pieces {
				for _, d := range pieces {
					texts = append(texts, a+b+c+d)
				}
			}
		}
	}
	for _, s := range texts {
		if got, want := newSubject(s), edgeSubject(s); got != want {
			t.Errorf("newSubject(%q) = %+v, want %+v", s, got, want)
		}
	}
}

// TestLiteralIn checks literal.in against strings.Contains, with the rare byte at every
// index of the literal, on texts holding the literal, parts of it and other bytes at
// every offset up to past 64 bytes (the lengths at which strings.IndexByte changes how
// it reads), in ASCII and other scripts.
func TestLiteralIn(t *testing.T) {
	lits := []string{"ab", "aab", "idget", "{", "©", "ALL RIGHTS", "все права", "xyzzy", "aaaa"}
	fills := []string{"", "a", "ab", "b", " ", "é", "idge", "dget", "ALL", "все"}
	for _, text := range lits {
		for k := range len(text) {
			l := newLiteral(text, false)
			l.rare = k
			for _, fill := range fills {
				for pre := range 70 {
					for _, post := range []int{0, 1, 7, 8, 9} {
						for _, mid := range []string{"", text, text[:len(text)-1], text[1:], fill} {
							s := strings.Repeat("x", pre) + fill + mid + strings.Repeat(fill, post)
							if got, want := l.in(s), strings.Contains(s, text); got != want {
								t.Fatalf("literal %q (rare byte %d) in %q = %v, want %v", text, k, s, got, want)
							}
						}
					}
				}
			}
		}
	}
	if l := newLiteral("idget", false); l.text[l.rare] != 'g' {
		t.Errorf("rarest byte of idget: %q, want g", l.text[l.rare])
	}
}
