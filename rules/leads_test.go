package rules

import (
	"regexp/syntax"
	"slices"
	"strings"
	"testing"
	"unicode/utf8"
)

func TestLeads(t *testing.T) {
	cases := []struct {
		expr        string
		end         bool
		want        []string // nil: no leads, every line admitted
		admit, deny []string
	}{
		{`(?i)^(?:share|tweet)[\s:]*$`, false, []string{"SHARE", "TWEET"},
			[]string{"Share:", "TWEET", "ſhare", "Shared values"}, []string{"A share"}},
		{`(?i)^(?:(?:\d+\s+)?comments?)$`, false, []string{"0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "COMMENT"},
			[]string{"12 comments", "Comments"}, []string{"No comments"}},
		{`(?i)^(?:(?:the )?(?:story|article) continues)$`, false, []string{"ARTICLE", "STORY", "THE ARTICLE", "THE STORY"},
			[]string{"The story continues"}, []string{"Then the story"}},
		{`(?i)^(?:.{0,40}all rights reserved[.!]?)$`, true, []string{"ALL RIGHTS RESERVED", "ALL RIGHTS RESERVED!", "ALL RIGHTS RESERVED."},
			[]string{"© X. All rights reserved.", "ALL RIGHTS RESERVED"}, []string{"He ran.", "reserved."}},
		{`^(?:[^.!?]{1,60}?\s*[↴⤵])$`, true, []string{"↴", "⤵"}, []string{"Main Area ↴"}, []string{"Main Area"}},
		// a literal the alternatives share, factored out by the parser: "t(?:ags?|opics?)"
		{`(?i)^(?:(?:tags?|topics?|keywords)(?:\s*:.*)?)$`, false, []string{"KEYWORDS", "TAG", "TOPIC"},
			[]string{"Tags: a, b", "Topics", "KEYWORDS"}, []string{"The tags", "Top"}},
		{`(?i)^(?:.{0,40}(?:reserved|restricted) rights)$`, true, []string{"ERVED RIGHTS", "TRICTED RIGHTS"},
			[]string{"All reserved rights"}, []string{"All rights"}},
		{`(?i)^(?:.{0,20}x)$`, false, nil, []string{"anything"}, nil},
		{`(?i)^(?:\p{L}+)$`, false, nil, []string{"anything"}, nil}, // too many first runes
	}
	for _, c := range cases {
		re, err := syntax.Parse(c.expr, syntax.Perl)
		if err != nil {
			t.Fatal(err)
		}
		l := newLeads(re.Simplify(), c.end)
		if !slices.Equal(l.texts, c.want) {
			t.Errorf("leads of %q (end %v) = %q, want %q", c.expr, c.end, l.texts, c.want)
		}
		for _, s := range c.admit {
			if !l.admits(subjectOf(s)) {
				t.Errorf("leads of %q turn away %q", c.expr, s)
			}
		}
		for _, s := range c.deny {
			if l.admits(subjectOf(s)) {
				t.Errorf("leads of %q admit %q", c.expr, s)
			}
		}
	}
}

// TestHasFoldedEdges checks hasFoldedPrefix and hasFoldedSuffix, which compare ASCII a
// byte at a time, against folding every rune of the line: on texts of ASCII, other
// scripts and runes that fold to ASCII (the Kelvin sign, the long s), at every length.
func TestHasFoldedEdges(t *testing.T) {
	pieces := []string{"", "a", "A", "k", "K", "\u212a", "s", "ſ", "S", "é", "É", "日", ".", " ", "ab", "Ab.", "\xff", "ed.", "RESERVED", "reſerved."}
	var leads, texts []string // leads: two pieces, folded; texts: three
	for _, a := range pieces {
		for _, b := range pieces {
			if utf8.ValidString(a + b) { // a lead is a folded rune sequence
				leads = append(leads, foldRunes([]rune(a+b)))
			}
			for _, c := range pieces {
				texts = append(texts, a+b+c)
			}
		}
	}
	for _, s := range texts {
		folded := []rune(s)
		for i, r := range folded {
			folded[i] = foldRune(r)
		}
		fs := string(folded)
		for _, tf := range leads {
			if got, want := hasFoldedPrefix(s, tf), strings.HasPrefix(fs, tf); got != want {
				t.Errorf("hasFoldedPrefix(%q, %q) = %v, want %v", s, tf, got, want)
			}
			if got, want := hasFoldedSuffix(s, tf), strings.HasSuffix(fs, tf); got != want {
				t.Errorf("hasFoldedSuffix(%q, %q) = %v, want %v", s, tf, got, want)
			}
		}
	}
}
