package blocks

// The shape of a table: its rows, their cells on a grid (colspan and rowspan honoured),
// and whether it is a layout table, a page laid out in cells rather than data in rows and
// columns. Rendering (GFM or HTML tables, or a layout table's cells as blocks) and pruning
// (a data table is judged whole; a layout table's cells like any block) both ask here.

import (
	"strconv"
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// maxSpan bounds colspan and rowspan, as browsers do (1000 and 65534 there).
const maxSpan = 100

// structural elements make a cell more than a line of text: a GFM cell cannot hold them.
var structural = map[atom.Atom]bool{
	atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Pre: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Dl: true, atom.Hr: true, atom.Menu: true,
}

// TableRows gives the rows of t (not of tables inside it), its caption, and how many of
// the first rows are in thead.
func TableRows(t *html.Node) (rows []*html.Node, caption *html.Node, headRows int) {
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Caption:
			caption = c
		case atom.Tr:
			rows = append(rows, c)
		case atom.Thead, atom.Tbody, atom.Tfoot:
			for r := c.FirstChild; r != nil; r = r.NextSibling {
				if r.DataAtom == atom.Tr {
					rows = append(rows, r)
					if c.DataAtom == atom.Thead && len(rows) == headRows+1 {
						headRows++
					}
				}
			}
		}
	}
	return rows, caption, headRows
}

// maxGrid bounds the places of a table laid out as GFM (spans included); a larger one,
// real or hostile (a thousand cells spanning a hundred rows and columns each), stays HTML.
const maxGrid = 20000

// TableGrid places the cells of rows on a grid, honouring colspan and rowspan: a cell sits
// at its top-left position, the rest of its span is nil. A grid over maxGrid places gives
// nil.
func TableGrid(rows []*html.Node) (grid [][]*html.Node, width int) {
	taken := map[[2]int]bool{}
	area := 0
	for r, tr := range rows {
		col := 0
		grid = append(grid, nil)
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom != atom.Td && c.DataAtom != atom.Th {
				continue
			}
			for taken[[2]int{r, col}] {
				col++
			}
			cs, rs := span(c, "colspan"), span(c, "rowspan")
			if rs > len(rows)-r {
				rs = len(rows) - r
			}
			if area += rs * cs; area > maxGrid || col+cs > maxGrid/len(rows)+1 {
				return nil, 0
			}
			for dr := 0; dr < rs; dr++ {
				for dc := 0; dc < cs; dc++ {
					taken[[2]int{r + dr, col + dc}] = true
				}
			}
			grid[r] = place(grid[r], col, c)
			col += cs
			width = max(width, col)
		}
	}
	for r := range grid {
		for len(grid[r]) < width {
			grid[r] = append(grid[r], nil)
		}
	}
	return grid, width
}

func place(row []*html.Node, col int, n *html.Node) []*html.Node {
	for len(row) <= col {
		row = append(row, nil)
	}
	row[col] = n
	return row
}

func span(n *html.Node, key string) int {
	v, err := strconv.Atoi(strings.TrimSpace(Attr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}

// isLayoutTable reports whether table t, of rows, is there for the page's layout
// rather than for data: a table of one cell; or one without the marks of data (a
// caption, a header section or cell, a summary) that says it is presentation
// (role="presentation" or "none"), holds another table, or has cells holding structure
// (headings, lists, code, quotes) and is too small for data: one row or column, or at
// most ten cells, as Readability tells them.
func isLayoutTable(t *html.Node, rows []*html.Node) bool {
	height, width, cells := len(rows), 0, 0
	for _, tr := range rows {
		w := 0
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Td || c.DataAtom == atom.Th {
				w += span(c, "colspan")
				cells++
			}
		}
		width = max(width, w)
	}
	switch {
	case cells == 0:
		return false
	case height == 1 && width == 1:
		return true
	case hasDataMarks(t, rows):
		return false
	}
	switch role := strings.TrimSpace(Attr(t, "role")); {
	case role == "presentation" || role == "none":
		return true
	case cellsHold(rows, func(n *html.Node) bool { return n.DataAtom == atom.Table }):
		return true
	case !CellsHoldStructure(rows):
		return false
	}
	return height == 1 || width == 1 || height < 10 && width <= 4 && height*width <= 10
}

// hasDataMarks reports whether table t, of rows, has what only data tables have: a
// caption, a thead, tfoot or colgroup, a header cell, or a summary.
func hasDataMarks(t *html.Node, rows []*html.Node) bool {
	if Attr(t, "summary") != "" {
		return true
	}
	for c := t.FirstChild; c != nil; c = c.NextSibling {
		switch c.DataAtom {
		case atom.Caption, atom.Thead, atom.Tfoot, atom.Colgroup:
			return true
		}
	}
	for _, tr := range rows {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if c.DataAtom == atom.Th {
				return true
			}
		}
	}
	return false
}

// IsLayoutTable reports whether t is a layout table (see isLayoutTable).
func IsLayoutTable(t *html.Node) bool {
	rows, _, _ := TableRows(t)
	return isLayoutTable(t, rows)
}

// LayoutCells returns the cells of t in reading order when t is a layout table, else
// nil.
func LayoutCells(t *html.Node) []*html.Node {
	rows, _, _ := TableRows(t)
	if !isLayoutTable(t, rows) {
		return nil // most tables: told without laying out their grid
	}
	grid, width := TableGrid(rows)
	if width == 0 {
		return nil
	}
	return readingOrder(grid)
}

// readingOrder lists the cells of grid in reading order, row after row.
func readingOrder(grid [][]*html.Node) []*html.Node {
	var cells []*html.Node
	for _, row := range grid {
		for _, n := range row {
			if n != nil {
				cells = append(cells, n)
			}
		}
	}
	return cells
}

// CellsHoldStructure reports whether a cell of rows (a table's, see TableRows) holds a
// structural element (a table, list, heading, code, quote…), which a cell of a GFM
// table cannot.
func CellsHoldStructure(rows []*html.Node) bool {
	return cellsHold(rows, func(n *html.Node) bool { return structural[n.DataAtom] })
}

// cellsHold reports whether a cell of rows holds an element for which is reports true.
func cellsHold(rows []*html.Node, is func(*html.Node) bool) bool {
	var has func(n *html.Node) bool
	has = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (is(c) || has(c)) {
				return true
			}
		}
		return false
	}
	for _, tr := range rows {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && has(c) {
				return true
			}
		}
	}
	return false
}
