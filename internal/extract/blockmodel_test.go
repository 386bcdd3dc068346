package extract

import (
	"reflect"
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// keepStructure on page shapes: which blocks (by text) the block model's article holds
// after it, given those the model kept and those readability's article holds.
func TestKeepStructure(t *testing.T) {
	story := `<p>First paragraph of the story, long enough to be kept.</p>`
	more := `<p>Last paragraph of the story, long enough to be kept.</p>`
	tests := []struct {
		name, body string
		kept, read []string // texts of blocks the model kept, and readability holds
		want       []string // texts of blocks kept after
	}{{
		name: "section heading over a carousel button",
		body: story + `<h3>Add-ons</h3><a class="next" href="#x">Next</a>` + more,
		kept: []string{"First", "Last"}, read: []string{"First", "Add-ons", "Last"},
		want: []string{"First", "Add-ons", "Last"},
	}, {
		name: "the short item of a list kept in the most part",
		body: story + `<ul><li>Read the latest news and blogs</li><li>Manage your downloads</li><li>Watch videos</li></ul>` + more,
		kept: []string{"First", "Read", "Manage", "Last"}, read: []string{"First", "Read", "Manage", "Watch", "Last"},
		want: []string{"First", "Read", "Manage", "Watch", "Last"},
	}, {
		name: "a table of contents",
		body: story + `<ul><li><a href="#one">Setting up</a><ul><li><a href="#two">Example 1</a></li></ul></li></ul>` +
			`<div id="one"><div id="two">` + more + `</div></div>`,
		kept: []string{"First", "Last"}, read: []string{"First", "Setting", "Example", "Last"},
		want: []string{"First", "Setting", "Example", "Last"},
	}, {
		name: "related stories stay out",
		body: story + `<h3>Most viewed</h3><ul><li><a href="/a">Bakery closes</a></li><li><a href="/b">Mayor resigns</a></li></ul>` + more,
		kept: []string{"First", "Last"}, read: []string{"First", "Most", "Bakery", "Mayor", "Last"},
		want: []string{"First", "Last"},
	}, {
		name: "a gap where readability holds prose too is the model's",
		body: story + `<h3>Opinion</h3><p>A letter to the editor that the model judged apart.</p>` + more,
		kept: []string{"First", "Last"}, read: []string{"First", "Opinion", "A letter", "Last"},
		want: []string{"First", "Last"},
	}, {
		name: "nothing before the first kept block",
		body: `<h3>Menu</h3>` + story + more,
		kept: []string{"First", "Last"}, read: []string{"Menu", "First", "Last"},
		want: []string{"First", "Last"},
	}}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := html.Parse(strings.NewReader("<html><body>" + tt.body + "</body></html>"))
			if err != nil {
				t.Fatal(err)
			}
			segs := segments(findElement(doc, atom.Body))
			keep, read := make([]bool, len(segs)), make([]bool, len(segs))
			for i, s := range segs {
				keep[i], read[i] = startsWithAny(s.text, tt.kept), startsWithAny(s.text, tt.read)
			}
			var got []string
			for i, k := range keepStructure(segs, keep, read) {
				if k {
					got = append(got, strings.Fields(segs[i].text)[0])
				}
			}
			var want []string
			for _, w := range tt.want {
				want = append(want, strings.Fields(w)[0])
			}
			if !reflect.DeepEqual(got, want) {
				t.Errorf("kept %q, want %q", got, want)
			}
		})
	}
}

func startsWithAny(s string, prefixes []string) bool {
	for _, p := range prefixes {
		if strings.HasPrefix(s, p) {
			return true
		}
	}
	return false
}
