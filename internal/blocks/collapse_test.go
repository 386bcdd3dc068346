package blocks

import (
	"strings"
	"testing"

	"golang.org/x/net/html"
)

func TestCollapseSpace(t *testing.T) {
	for _, s := range []string{
		"", " ", "a", "a b", " a", "a ", "a  b", "a\tb", "a\u00a0b", "\u00a0a\u3000 b\u200b",
		"Grüße aus Köln", "x\n\ny", "  many   spaces  here  ", "\ufeffBOM",
	} {
		want := strings.Join(strings.FieldsFunc(s, isSpace), " ")
		if got := CollapseSpace(s); got != want {
			t.Errorf("CollapseSpace(%q) = %q, want %q", s, got, want)
		}
	}
}

func TestHasVisibleText(t *testing.T) {
	for _, s := range []string{
		"<p>a</p>", "<p> </p>", "<p>\u00a0\u200b</p>", "<p>\u2028</p>", "<p><script>x</script></p>",
		"<p><!-- c --></p>", "<p><b> </b><i>x</i></p>", "<div><style>p{}</style>\n</div>",
	} {
		doc, err := html.Parse(strings.NewReader(s))
		if err != nil {
			t.Fatal(err)
		}
		want := strings.TrimSpace(Text(doc)) != ""
		if got := hasVisibleText(doc); got != want {
			t.Errorf("hasVisibleText(%q) = %v, want %v", s, got, want)
		}
	}
}

// TestJoinEach: each paragraph's lines joined as strings.Join joins them, into a slice
// of its own or one that held other texts.
func TestJoinEach(t *testing.T) {
	paras := [][]string{{"a"}, nil, {"b", "c"}, {""}, {"", ""}, {"d", "", "e"}, {"f"}}
	dirty := []string{"x", "x", "x", "x", "x", "x", "x", "x"}
	for _, dst := range [][]string{nil, dirty} {
		got := JoinEach(dst, paras)
		for i, p := range paras {
			if want := strings.Join(p, "\n"); got[i] != want {
				t.Errorf("paragraph %d: %q, want %q", i, got[i], want)
			}
		}
	}
}
