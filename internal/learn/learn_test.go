package learn

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/rules"
)

func TestHostAndBlocks(t *testing.T) {
	for raw, want := range map[string]string{
		"https://WWW.News.Example:8080/a": "news.example", "http://x.example": "x.example", "": "", "not a url": "",
	} {
		if got := Host(raw); got != want {
			t.Errorf("Host(%q) = %q, want %q", raw, got, want)
		}
	}
	got := Blocks("One  block\n\nTwo\n lines \n\n\n  \n")
	if strings.Join(got, "|") != "One block|Two\nlines" {
		t.Errorf("Blocks = %q", got)
	}
}

func TestCounterThresholds(t *testing.T) {
	c := NewCounter(Options{MinPages: 3, MinShare: 0.5, MaxRunes: 40})
	long := strings.Repeat("long block ", 10)
	for i := range 6 {
		page := []string{"Share this", "share THIS", "Unique paragraph " + string(rune('a'+i)), long}
		if i < 3 {
			page = append(page, "Half the pages")
		}
		if i < 2 {
			page = append(page, "Two pages only")
		}
		c.AddPage("a.example", page)
	}
	c.AddPage("", []string{"Share this"})
	found := c.Found()
	var texts []string
	for _, f := range found {
		texts = append(texts, f.Text)
		if f.Site != "a.example" || f.SitePages != 6 || f.Keep == "" || f.Keep == f.Text {
			t.Errorf("found %+v", f)
		}
	}
	// Case variants are one block, spelled the smallest way; counted once per page.
	if strings.Join(texts, "|") != "Half the pages|Share this" {
		t.Errorf("found %q", texts)
	}
	if found[1].Pages != 6 {
		t.Errorf("Share this on %d pages, want 6", found[1].Pages)
	}
	if pages, sites := c.Pages(); pages != 6 || sites != 1 || c.NoSite() != 1 {
		t.Errorf("pages %d sites %d nosite %d", pages, sites, c.NoSite())
	}
}

// TestKeepFromLongBlocks: on a site whose article text is all in long blocks (none
// counted), each rule still gets a keep: example, the shortest such block whatever the
// order of the pages, which the rule leaves alone.
func TestKeepFromLongBlocks(t *testing.T) {
	pages := make([][]string, 6)
	for i := range pages {
		para := strings.Repeat("The council met again on a long evening to discuss the harbour. ", 3+i)
		pages[i] = []string{"Subscribe to our newsletter", para, "Follow us\nOn social media"}
	}
	for _, order := range [][]int{{0, 1, 2, 3, 4, 5}, {5, 3, 1, 0, 2, 4}} {
		c := NewCounter(Options{MinPages: 3, MinShare: 0.5, MaxRunes: 100})
		for _, i := range order {
			c.AddPage("a.example", pages[i])
		}
		found := c.Found()
		if len(found) != 2 {
			t.Fatalf("found %+v", found)
		}
		for _, f := range found {
			if f.Keep != pages[0][1] {
				t.Errorf("rule for %q: keep %q, want the shortest long block", f.Text, f.Keep)
			}
		}
		var b strings.Builder
		if err := WriteYAML(&b, found, "test"); err != nil {
			t.Fatal(err)
		}
		set := &rules.Set{}
		if err := set.AddYAML("learned.yaml", []byte(b.String())); err != nil {
			t.Fatal(err)
		}
		for _, r := range set.Rules {
			if len(r.Keep) != 1 {
				t.Errorf("rule %s has keep examples %q", r.ID, r.Keep)
			}
		}
		if f := set.TestExamples(); len(f) > 0 {
			t.Errorf("examples fail: %v", f)
		}
	}
}

// TestWriteYAMLLoads: the file loads as rules, multi-line blocks included, and every
// example passes.
func TestWriteYAMLLoads(t *testing.T) {
	found := []Found{
		{Site: "a.example", Text: "Main Area Top ↴", Pages: 9, SitePages: 10, Keep: "An article paragraph."},
		{Site: "a.example", Text: "Follow us\nOn (social) media*", Pages: 8, SitePages: 10, Keep: "Follow us\nand more"},
		{Site: "b.example", Text: "It's: \"quoted\" #not a comment", Pages: 5, SitePages: 5},
	}
	var b strings.Builder
	if err := WriteYAML(&b, found, "header line 1\nline 2"); err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(b.String(), "# header line 1\n# line 2\nrules:\n") {
		t.Errorf("header:\n%s", b.String())
	}
	set := &rules.Set{}
	if err := set.AddYAML("learned.yaml", []byte(b.String())); err != nil {
		t.Fatalf("%v\n%s", err, b.String())
	}
	if len(set.Rules) != 3 {
		t.Fatalf("%d rules", len(set.Rules))
	}
	if f := set.TestExamples(); len(f) > 0 {
		t.Errorf("examples fail: %v\n%s", f, b.String())
	}
	if !set.Rules[1].Matches("On (social) media*\nFollow us") || !set.Rules[1].Matches("Follow us") {
		t.Error("multi-line rule does not match its lines")
	}
	if !set.Rules[0].AppliesTo("www.a.example") || set.Rules[0].AppliesTo("b.example") {
		t.Error("site scope wrong")
	}
	var empty strings.Builder
	WriteYAML(&empty, nil, "nothing")
	if err := (&rules.Set{}).AddYAML("empty.yaml", []byte(empty.String())); err != nil {
		t.Errorf("empty file: %v", err)
	}
}
