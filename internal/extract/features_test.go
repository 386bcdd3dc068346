package extract

import (
	"math"
	"slices"
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func parseBody(t *testing.T, page string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(page))
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

// A block's lines are the page's <br>s, not the line breaks of its source (HTML white
// space, as in text wrapped at 72 columns by an old editor); a <pre> keeps its own.
func TestSegmentLines(t *testing.T) {
	segs := segments(parseBody(t, "<p>Many people like animals.\nBut, as pet owners can attest,\r\ntaking care of them is hard.<br>A new line.</p><pre>a = 1\nb = 2</pre>"))
	var got []string
	for _, s := range segs {
		got = append(got, s.text)
	}
	want := []string{"Many people like animals. But, as pet owners can attest, taking care of them is hard.\nA new line.", "a = 1\nb = 2"}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("segment texts %q, want %q", got, want)
	}
}

// Blocks that share a tag path (tags and classes up the tree) form one group: a list of
// headlines is one, a story's paragraphs another, whatever sits between them.
func TestPathGroups(t *testing.T) {
	segs := segments(parseBody(t, `<div class="story"><p>One long paragraph of the story.</p><p>Another.</p></div>
<ul class="related"><li><a href="/a">Headline one</a></li><li><a href="/b">Headline two</a></li><li><a href="/c">Headline three</a></li></ul>
<div class="story"><p>The story goes on.</p></div><div class="other"><p>Not the story.</p></div>`))
	own := make([][]float64, len(segs))
	for i, s := range segs {
		own[i] = ownVector(s, i, len(segs), pageContext{})
	}
	addReadPlace(segs, own)
	g := pathGroups(segs, own)
	sizes := []int{}
	for _, v := range g {
		sizes = append(sizes, int(math.Round(math.Expm1(v[0]))))
	}
	if want := []int{3, 3, 3, 3, 3, 3, 1}; !slices.Equal(sizes, want) {
		t.Errorf("group sizes %v, want %v", sizes, want)
	}
	if g[2][2] != 1 || g[0][2] != 0 {
		t.Errorf("link shares: headlines %v, story %v; want 1 and 0", g[2][2], g[0][2])
	}
}

// A run of headline links after the story's last paragraph is a rail past its end; the
// story's paragraphs have prose on both sides, and its one link inside is a run of one.
func TestRailPlace(t *testing.T) {
	long := strings.Repeat("The story tells what happened in the town, and why it matters to the people there. ", 3)
	segs := segments(parseBody(t, `<div><p>`+long+`</p><p>A <a href="/x">short</a> paragraph with one link.</p><p><a href="/y">See also</a></p><p>`+long+`</p></div>
<ul><li><a href="/a">Headline one</a></li><li><a href="/b">Headline two</a></li><li><a href="/c">Headline three</a></li></ul>`))
	own := make([][]float64, len(segs))
	for i, s := range segs {
		own[i] = ownVector(s, i, len(segs), pageContext{})
	}
	got := railPlace(segs, own)
	runs, past := []int{}, []float64{}
	for _, v := range got {
		runs = append(runs, int(math.Round(math.Expm1(v[0]))))
		past = append(past, v[3])
	}
	if want := []int{0, 0, 1, 0, 3, 3, 3}; !slices.Equal(runs, want) {
		t.Errorf("rail runs %v, want %v", runs, want)
	}
	if want := []float64{0, 0, 0, 0, 1, 1, 1}; !slices.Equal(past, want) {
		t.Errorf("past the end %v, want %v", past, want)
	}
	if got[0][1] != 0 || got[0][2] != 0.5 || got[6][1] != 1 {
		t.Errorf("prose before/after: first block %v, last %v", got[0], got[6])
	}
}
