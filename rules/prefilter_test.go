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
