package render

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCleanString(t *testing.T) {
	in := "a\tb\nc\r\n\x1b[1mbold\x1b[0m\x00\x07\x7f\u0085\u009b\u2028d é “q” 中"
	want := "a\tb\nc\n[1mbold[0m\nd é “q” 中"
	if got := CleanString(in); got != want {
		t.Errorf("CleanString = %q, want %q", got, want)
	}
}

func TestTextRendering(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<h2>Head</h2><p>One  two<br>three</p><ul><li>x</li><li>y</li></ul>` +
		`<table><thead><tr><th>k</th><th>v</th></tr></thead><tbody><tr><td>a</td><td>1</td></tr></tbody></table>` +
		`<script>no()</script><p>last <b>bold</b></p>`))
	if err != nil {
		t.Fatal(err)
	}
	want := "Head\n\nOne two\nthree\n\nx\n\ny\n\nk | v\na | 1\n\nlast bold"
	if got := Text(doc); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// TestTextLayoutTable: a page laid out in a table gives its cells' blocks as paragraphs,
// not one line per row with the cells' text run together.
func TestTextLayoutTable(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<table><tr><td><h2>Story</h2><p>One.</p><p>Two.</p></td>` +
		`<td><ul><li>x</li><li>y</li></ul></td></tr></table>`))
	if err != nil {
		t.Fatal(err)
	}
	want := "Story\n\nOne.\n\nTwo.\n\nx\n\ny"
	if got := Text(doc); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

// TestTextSpacerCells: empty cells leave no " | " behind, empty rows no line.
func TestTextSpacerCells(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p>Top</p><table><tr><td></td><td>a</td><td>&nbsp;</td></tr>` +
		`<tr><td> </td><td><img src="x.gif"></td></tr><tr><td>b</td><td>c</td></tr></table>`))
	if err != nil {
		t.Fatal(err)
	}
	want := "Top\n\na\nb | c"
	if got := Text(doc); got != want {
		t.Errorf("Text = %q, want %q", got, want)
	}
}

func TestMarkdownLinks(t *testing.T) {
	doc, err := html.Parse(strings.NewReader(`<p><a href="/x">rel</a> <a href="javascript:go()">js</a> ` +
		`<a>bare</a> <a href="mailto:a@b.example">mail</a> <img src="data:image/png;base64,AA" alt="d"><img src="i.png" alt="ok"></p>`))
	if err != nil {
		t.Fatal(err)
	}
	got, err := Markdown(doc, "https://site.example/dir/page")
	if err != nil {
		t.Fatal(err)
	}
	want := "[rel](https://site.example/x) js bare [mail](mailto:a@b.example) ![ok](https://site.example/dir/i.png)"
	if got != want {
		t.Errorf("Markdown = %q, want %q", got, want)
	}
}

func TestWordCount(t *testing.T) {
	for s, want := range map[string]int{"": 0, "one two": 2, "a | b — c": 3, "It's 3 o'clock.": 3, " - \n * ": 0,
		// Chinese and Japanese: a word per Han, Hiragana or Katakana character; Korean by fields.
		"北京市今天下雨。": 7, "東京は晴れです。": 7, "コーヒーを飲む": 7, "日本text 2024年": 5,
		"서울은 오늘 맑습니다": 3, "「引用」、と言った": 6, "Ｔｏｋｙｏ タワー": 4,
	} {
		if got := WordCount(s); got != want {
			t.Errorf("WordCount(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestBeginsWithTitle: a blog's post heading that repeats the page title is the title
// (the outputs print it once); a heading that only resembles it, or comes after text, is not.
func TestBeginsWithTitle(t *testing.T) {
	const title = "Minecraft 1.8 - The Bountiful Update"
	cases := []struct {
		name, body string
		want       bool
	}{
		{"linked post heading", `<div id="posts"><h3><a href="/post/1">Minecraft 1.8 -  the Bountiful Update</a></h3><div><p>+ Added Granite</p></div></div>`, true},
		{"after an image", `<p><img src="a.png"></p><h1>Minecraft 1.8 - The Bountiful Update</h1><p>+ Added Granite</p>`, true},
		{"a longer heading", `<h2>Minecraft 1.8 - The Bountiful Update: what changed</h2><p>+ Added Granite</p>`, false},
		{"text before it", `<p>From the blog:</p><h2>Minecraft 1.8 - The Bountiful Update</h2><p>+ Added Granite</p>`, false},
		{"a paragraph, not a heading", `<p>Minecraft 1.8 - The Bountiful Update</p><p>+ Added Granite</p>`, false},
	}
	for _, c := range cases {
		doc, err := html.Parse(strings.NewReader(c.body))
		if err != nil {
			t.Fatal(err)
		}
		if got := BeginsWithTitle(doc, title); got != c.want {
			t.Errorf("%s: BeginsWithTitle = %v, want %v", c.name, got, c.want)
		}
		if c.want && strings.Count(HTMLDocument(doc, title, "", ""), "Bountiful") != 2 { // <title> and the body's heading
			t.Errorf("%s: HTML document repeats the title:\n%s", c.name, HTMLDocument(doc, title, "", ""))
		}
	}
}
