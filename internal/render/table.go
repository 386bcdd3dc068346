package render

import (
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// A table is written as a GFM table when every cell is inline content (text, links,
// images, line breaks, several paragraphs joined by <br>), else as HTML inside the
// Markdown, so it is never flattened. Cells spanning columns or rows keep their place:
// the columns and rows they cover are left empty. A table of one cell is layout: its
// content is rendered as blocks.

// maxSpan bounds colspan and rowspan, as browsers do (1000 and 65534 there).
const maxSpan = 100

// padWidth is the widest column that is padded to line up.
const padWidth = 40

// structural elements cannot live in a GFM cell.
var structural = map[atom.Atom]bool{
	atom.Table: true, atom.Ul: true, atom.Ol: true, atom.Pre: true, atom.Blockquote: true,
	atom.H1: true, atom.H2: true, atom.H3: true, atom.H4: true, atom.H5: true, atom.H6: true,
	atom.Dl: true, atom.Hr: true, atom.Menu: true,
}

func (w *mdWriter) table(t *html.Node) []string {
	rows, caption, headRows := tableRows(t)
	grid, width := layout(rows)
	if width == 0 {
		if len(rows) > 0 && grid == nil { // too large to lay out
			return []string{HTMLFragment(t, w.resolve)}
		}
		return nil
	}
	if len(grid) == 1 && width == 1 && grid[0][0] != nil {
		return w.blocks(grid[0][0])
	}
	var out []string
	if !fitsGFM(t) {
		return []string{HTMLFragment(t, w.resolve)}
	}
	if caption != nil {
		var in inline
		w.inlineChildren(&in, caption)
		if s := in.paragraph(); s != "" {
			out = append(out, s)
		}
	}
	cells := make([][]string, len(grid))
	empty := true
	for r, row := range grid {
		cells[r] = make([]string, width)
		for c, n := range row {
			if n != nil {
				cells[r][c] = w.cell(n)
				empty = empty && strings.TrimFunc(cells[r][c], unicode.IsSpace) == ""
			}
		}
	}
	if empty {
		return out // a layout table of spacers: nothing to print but its caption
	}
	header := isHeaderRow(grid[0]) || headRows > 0
	if !header {
		cells = append([][]string{make([]string, width)}, cells...)
	}
	return append(out, gfmTable(cells, width))
}

// tableRows gives the rows of t (not of tables inside it), its caption, and how many of
// the first rows are in thead.
func tableRows(t *html.Node) (rows []*html.Node, caption *html.Node, headRows int) {
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

// layout places the cells of rows on a grid, honouring colspan and rowspan: a cell sits
// at its top-left position, the rest of its span is nil. A grid over maxGrid places gives
// nil.
func layout(rows []*html.Node) (grid [][]*html.Node, width int) {
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
	v, err := strconv.Atoi(strings.TrimSpace(blocks.Attr(n, key)))
	if err != nil || v < 1 {
		return 1
	}
	return min(v, maxSpan)
}

func isHeaderRow(row []*html.Node) bool {
	seen := false
	for _, n := range row {
		if n != nil {
			if n.DataAtom != atom.Th {
				return false
			}
			seen = true
		}
	}
	return seen
}

// fitsGFM reports whether no cell of t holds a structural element.
func fitsGFM(t *html.Node) bool {
	var has func(n *html.Node) bool
	has = func(n *html.Node) bool {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			if c.Type == html.ElementNode && (structural[c.DataAtom] || has(c)) {
				return true
			}
		}
		return false
	}
	for _, tr := range allRows(t) {
		for c := tr.FirstChild; c != nil; c = c.NextSibling {
			if (c.DataAtom == atom.Td || c.DataAtom == atom.Th) && has(c) {
				return false
			}
		}
	}
	return true
}

func allRows(t *html.Node) []*html.Node {
	rows, _, _ := tableRows(t)
	return rows
}

// cell renders a cell's content on one line, breaks as <br>, pipes escaped.
func (w *mdWriter) cell(n *html.Node) string {
	s := strings.Join(w.blocks(n), "<br>")
	s = strings.ReplaceAll(strings.ReplaceAll(s, "  \n", "<br>"), "\n", " ")
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] == '|' && (i == 0 || s[i-1] != '\\') {
			b.WriteByte('\\')
		}
		b.WriteByte(s[i])
	}
	return b.String()
}

// gfmTable writes cells, the first row the header, as a GFM table.
func gfmTable(cells [][]string, width int) string {
	widths := make([]int, width)
	for c := range widths {
		widths[c] = 3
	}
	for _, row := range cells {
		for c, s := range row {
			if n := utf8.RuneCountInString(s); n <= padWidth {
				widths[c] = max(widths[c], n)
			}
		}
	}
	var b strings.Builder
	writeRow := func(row []string) {
		b.WriteString("|")
		for c, s := range row {
			b.WriteString(" " + s + strings.Repeat(" ", max(0, widths[c]-utf8.RuneCountInString(s))) + " |")
		}
		b.WriteString("\n")
	}
	writeRow(cells[0])
	b.WriteString("|")
	for _, wd := range widths {
		b.WriteString(" " + strings.Repeat("-", wd) + " |")
	}
	b.WriteString("\n")
	for _, row := range cells[1:] {
		writeRow(row)
	}
	return strings.TrimSuffix(b.String(), "\n")
}
