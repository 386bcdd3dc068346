package render

import (
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
// the columns and rows they cover are left empty. A layout table (blocks.LayoutCells: a page
// laid out in cells rather than data in rows and columns) is unwrapped: its cells' content
// is rendered as blocks, cell after cell, row after row.

// padWidth is the widest column that is padded to line up.
const padWidth = 40

func (w *mdWriter) table(t *html.Node) []string {
	rows, caption, headRows := blocks.TableRows(t)
	grid, width := blocks.TableGrid(rows)
	if width == 0 {
		if len(rows) > 0 && grid == nil { // too large to lay out
			return []string{HTMLFragment(t, w.resolve)}
		}
		return nil
	}
	if cells := blocks.LayoutCells(t); cells != nil {
		var out []string
		for _, cell := range cells {
			out = append(out, w.blocks(cell)...)
		}
		return out
	}
	var out []string
	if blocks.CellsHoldStructure(rows) {
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
