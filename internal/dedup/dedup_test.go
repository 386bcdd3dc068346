package dedup

import (
	"fmt"
	"strings"
	"testing"
)

func article(n int, seed string) string {
	var b strings.Builder
	for i := 0; i < n; i++ {
		fmt.Fprintf(&b, "The council met on day %d of the %s session and agreed on the road works plan number %d. ", i, seed, i*7)
	}
	return b.String()
}

func TestExact(t *testing.T) {
	e := NewExact()
	if d := e.Check("a", "Hello, World!  Again."); d != "" {
		t.Fatalf("first text marked duplicate of %q", d)
	}
	if d := e.Check("b", "hello world again"); d != "a" {
		t.Errorf("same words, other case and punctuation: duplicate of %q, want a", d)
	}
	if d := e.Check("c", "hello world, once more"); d != "" {
		t.Errorf("other text marked duplicate of %q", d)
	}
	if d := e.Check("d", " … "); d != "" || e.Check("e", "!!") != "" {
		t.Error("texts without words marked duplicates")
	}
}

func TestMinHashNearDuplicates(t *testing.T) {
	m := NewMinHash()
	base := article(60, "spring")
	if d := m.Check("a", base); d != "" {
		t.Fatalf("first text marked duplicate of %q", d)
	}
	// The same article with its last sentence changed: Jaccard ≈ 0.97.
	near := strings.TrimSuffix(base, "plan number 413. ") + "plan that nobody liked. "
	if d := m.Check("b", near); d != "a" {
		t.Errorf("near duplicate: %q, want a", d)
	}
	if d := m.Check("c", article(60, "autumn")); d != "" {
		t.Errorf("another article marked duplicate of %q", d)
	}
}

// The same text gives the same signature in every finder: the permutations are fixed.
func TestMinHashDeterministic(t *testing.T) {
	a, b := NewMinHash().Signature(article(10, "x")), NewMinHash().Signature(article(10, "x"))
	if fmt.Sprint(a) != fmt.Sprint(b) {
		t.Fatal("signatures differ between finders")
	}
	if NewMinHash().Signature("…") != nil {
		t.Error("a text without words has a signature")
	}
}

func TestMulmod61(t *testing.T) {
	const p = mersennePrime
	for _, c := range [][3]uint64{{2, 3, 6}, {p - 1, p - 1, 1}, {1 << 60, 4, 2}, {p, 5, 0}} {
		if got := mulmod61(c[0], c[1]); got != c[2] {
			t.Errorf("mulmod61(%d, %d) = %d, want %d", c[0], c[1], got, c[2])
		}
	}
}
