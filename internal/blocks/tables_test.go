package blocks

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// firstTable parses s and returns its first table.
func firstTable(t *testing.T, s string) *html.Node {
	t.Helper()
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		t.Fatal(err)
	}
	var find func(n *html.Node) *html.Node
	find = func(n *html.Node) *html.Node {
		if n.DataAtom == atom.Table {
			return n
		}
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if f := find(c); f != nil {
				return f
			}
		}
		return nil
	}
	return find(doc)
}

func TestLayoutCells(t *testing.T) {
	rows := func(n int, cell string) string {
		return strings.Repeat("<tr><td>"+cell+"</td><td>"+cell+"</td></tr>", n)
	}
	cases := []struct {
		name, html string
		cells      int // 0: a data table
	}{
		{"one cell", `<table><tr><td><p>a</p></td></tr></table>`, 1},
		{"one row of structured cells", `<table><tr><td><h2>a</h2></td><td><ul><li>b</li></ul></td></tr></table>`, 2},
		{"small grid of structured cells", `<table>` + rows(3, "<h3>x</h3>") + `</table>`, 6},
		{"holds a table", `<table><tr><td>a</td><td><table><tr><td>b</td></tr></table></td></tr><tr><td>c</td><td>d</td></tr></table>`, 4},
		{"presentation", `<table role="presentation"><tr><td>a</td><td>b</td></tr></table>`, 2},
		{"inline cells are data", `<table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>`, 0},
		{"header cells are data", `<table><tr><th>a</th><th>b</th></tr><tr><td><ul><li>c</li></ul></td><td>d</td></tr></table>`, 0},
		{"caption is data", `<table><caption>t</caption><tr><td><h2>a</h2></td><td>b</td></tr></table>`, 0},
		{"many rows are data", `<table>` + rows(12, "<ul><li>x</li></ul>") + `</table>`, 0},
		{"presentation with header cells is data", `<table role="presentation"><tr><th>a</th><th>b</th></tr></table>`, 0},
	}
	for _, c := range cases {
		got := LayoutCells(firstTable(t, c.html))
		if len(got) != c.cells {
			t.Errorf("%s: %d layout cells, want %d", c.name, len(got), c.cells)
		}
	}
}

func TestTableGridSpans(t *testing.T) {
	tb := firstTable(t, `<table><tr><td colspan="2">a</td><td rowspan="2">b</td></tr><tr><td>c</td><td>d</td></tr></table>`)
	rows, _, _ := TableRows(tb)
	grid, width := TableGrid(rows)
	if width != 3 || len(grid) != 2 {
		t.Fatalf("grid %dx%d, want 2x3", len(grid), width)
	}
	if grid[0][1] != nil || grid[1][2] != nil || Text(grid[1][0]) != "c" || Text(grid[1][1]) != "d" {
		t.Errorf("spans misplaced: row 1 = %q %q", Text(grid[1][0]), Text(grid[1][1]))
	}
}
