package blocks

import (
	"strings"
	"testing"
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
