package textclass

import (
	"slices"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// lowerContentWords returns the words contentWords reads from s, in lower case
// (appendLower).
func lowerContentWords(s string) []string {
	var out []string
	for words := (contentWords{s: s}); ; {
		w, ascii, ok := words.next()
		if !ok {
			return out
		}
		if ascii != (strings.IndexFunc(w, func(r rune) bool { return r >= utf8.RuneSelf }) < 0) {
			panic("contentWords: ascii is wrong for " + w)
		}
		out = append(out, string(appendLower(nil, w, ascii)))
	}
}

// plainContentWords is what contentWords and appendLower do, rune by rune: the runs of
// letters and digits of titleWordLen runes or more, in lower case.
func plainContentWords(s string) []string {
	var out []string
	var word []rune
	flush := func() {
		if len(word) >= titleWordLen {
			out = append(out, string(word))
		}
		word = word[:0]
	}
	for _, r := range s {
		if unicode.IsLetter(r) || unicode.IsDigit(r) {
			word = append(word, unicode.ToLower(r))
		} else {
			flush()
		}
	}
	flush()
	return out
}

// TestContentWords: contentWords reads the words rune-by-rune reading finds, in every
// sample and every cut of it (words that end at every offset, the text's end included),
// non-ASCII letters, marks, digits and invalid UTF-8 among them.
func TestContentWords(t *testing.T) {
	samples := []string{"", "a", "abc", "abcd", "ABCD", "Straße ÉCOLE naïve", "İstanbul ΣΟΦΙΑ",
		"東京都の新しい計画", "word\xffword \xe2\x80 ab\u0301cd", "x2024 12:31 don't l'homme — “quoted”",
		strings.Repeat("Eight by eight, ", 5), "a\u00a0bcdef\tghij\nklmn",
		"emoji 😀😀 x😀y 𝐀𝐁𝐂𝐃 mathematical", "\xf0\x9f\x98 cut", "nonword 🙂🙂🙂🙂"}
	for _, s := range languageSamples {
		samples = append(samples, s)
	}
	for _, s := range samples {
		for cut := range len(s) + 1 {
			for _, part := range []string{s[:cut], s[cut:]} {
				if got, want := lowerContentWords(part), plainContentWords(part); !slices.Equal(got, want) {
					t.Fatalf("%q: words %q, want %q", part, got, want)
				}
			}
		}
	}
}

// TestMayHoldASCII: a word of ASCII letters and digits in any case is looked up as its
// lower case is.
func TestMayHoldASCII(t *testing.T) {
	for _, w := range []string{"Council", "COUNCIL", "council", "2024", "Year2024", "abcD"} {
		var f wordFilter
		lower := strings.ToLower(w)
		f.add(lower)
		if !f.mayHoldASCII(w) || !f.mayHold(lower) {
			t.Errorf("%q: filter of %q does not hold it", w, lower)
		}
	}
}
