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
