package rules

import (
	"regexp/syntax"
	"slices"
	"testing"
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
