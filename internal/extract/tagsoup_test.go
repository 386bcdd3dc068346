package extract

import (
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/blocks"
)

// TestTagSoup: a page too deep for the HTML parser keeps its text, paragraphs and title,
// and loses what is hidden.
func TestTagSoup(t *testing.T) {
	page := "<html><head><title>Deep &amp; dark</title><style>p { color: red }</style></head><body>" +
		strings.Repeat("<div>", 1000) +
		"<p>First line of a paragraph that is long enough to be kept as article text<br/>and its second line, which goes on &amp; on.</p>" +
		"<script>var s = '<p>not text</p>';</script><svg/><noscript>enable scripts</noscript>" +
		"<p>Another paragraph, after the script, long enough to be kept by the classifier as text.</p>" +
		strings.Repeat("</div>", 1000) + "</body></html>"
	a, err := extractPage(page)
	if err != nil {
		t.Fatal(err)
	}
	if a.Title != "Deep & dark" {
		t.Errorf("title %q", a.Title)
	}
	text := blocks.Text(a.Root)
	for _, want := range []string{"kept as article text\nand its second line, which goes on & on.", "Another paragraph, after the script"} {
		if !strings.Contains(text, want) {
			t.Errorf("lost %q from %q", want, text)
		}
	}
	for _, gone := range []string{"not text", "color", "enable scripts"} {
		if strings.Contains(text, gone) {
			t.Errorf("hidden %q in %q", gone, text)
		}
	}
}
