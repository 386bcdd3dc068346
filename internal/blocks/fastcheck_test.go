package blocks

import (
	"strings"
	"testing"
)

func TestPrintableASCII(t *testing.T) {
	for n := range 20 {
		base := strings.Repeat("Ab~ 9", 4)[:n]
		if got := PrintableASCII(base); got != n {
			t.Errorf("PrintableASCII(%q) = %d, want %d", base, got, n)
		}
		for b := range 256 {
			if b >= 0x20 && b < 0x7f {
				continue
			}
			for at := range n + 1 {
				s := base[:at] + string([]byte{byte(b)}) + base[at:]
				if got := PrintableASCII(s); got != at {
					t.Errorf("PrintableASCII(%q) = %d, want %d", s, got, at)
				}
			}
		}
	}
}

// TestCollapsed checks Collapsed against its definition: CollapseSpace leaves s as it is.
func TestCollapsed(t *testing.T) {
	inserts := []string{"  ", " ", "\t", "\n", "\u00a0", "\u200b", "\u3000", "é", "\x01", "\x7f", "\xff", "\xe3\x80"}
	for n := range 18 {
		base := strings.Repeat("ab cd", 4)[:n]
		for _, ins := range append(inserts, "") {
			for at := range n + 1 {
				s := base[:at] + ins + base[at:]
				want := strings.Join(strings.FieldsFunc(s, isSpace), " ") == s
				if got := Collapsed(s); got != want {
					t.Errorf("Collapsed(%q) = %v, want %v", s, got, want)
				}
			}
		}
	}
}

func TestSpacedASCII(t *testing.T) {
	for n := range 20 {
		base := strings.Repeat("a b c d e", 3)[:n] // single spaces: the whole run
		if got := SpacedASCII(base); got != n {
			t.Errorf("SpacedASCII(%q) = %d, want %d", base, got, n)
		}
		for at := range n + 1 {
			s := strings.ReplaceAll(base, " ", "x")
			s = s[:at] + "  " + s[at:]
			if got := SpacedASCII(s); got != at+1 {
				t.Errorf("SpacedASCII(%q) = %d, want %d (the second space)", s, got, at+1)
			}
			if s = base[:at] + "\x01" + base[at:]; SpacedASCII(s) != at {
				t.Errorf("SpacedASCII(%q) = %d, want %d", s, SpacedASCII(s), at)
			}
		}
	}
}

// TestSpacedASCIIBytes: SpacedASCII and PrintableASCII are their byte loops, with every
// byte value, alone and before a space, at every offset of the eight-byte reads, after
// single and double spaces, and after a byte beyond ASCII (whose carries must not hide a
// byte before it).
func TestSpacedASCIIBytes(t *testing.T) {
	spaced := func(s string) int {
		i := 0
		for ; i < len(s) && s[i] >= 0x20 && s[i] < 0x7f && !(s[i] == ' ' && i > 0 && s[i-1] == ' '); i++ {
		}
		return i
	}
	printable := func(s string) int {
		i := 0
		for ; i < len(s) && s[i] >= 0x20 && s[i] < 0x7f; i++ {
		}
		return i
	}
	for n := range 26 {
		for _, base := range []string{strings.Repeat("ab cd e", 4)[:n], strings.Repeat("x", n)} {
			for b := range 256 {
				for at := range n + 1 {
					for _, ins := range []string{string([]byte{byte(b)}), string([]byte{byte(b), ' '}), string([]byte{0xff, byte(b)}), string([]byte{byte(b), ' ', ' '})} {
						s := base[:at] + ins + base[at:]
						if got, want := SpacedASCII(s), spaced(s); got != want {
							t.Fatalf("SpacedASCII(%q) = %d, want %d", s, got, want)
						}
						if got, want := PrintableASCII(s), printable(s); got != want {
							t.Fatalf("PrintableASCII(%q) = %d, want %d", s, got, want)
						}
					}
				}
			}
		}
	}
}
