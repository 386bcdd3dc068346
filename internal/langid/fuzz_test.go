package langid

import (
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzDetect(f *testing.F) {
	for _, s := range []string{
		"", "a", "The quick brown fox jumps over the lazy dog.",
		"Der schnelle braune Fuchs springt über den faulen Hund.",
		"Быстрая коричневая лиса прыгает через ленивую собаку.",
		"日本語の文章です。", "中文句子。", "한국어 문장", "ภาษาไทย", "עברית", "العربية لغة",
		"हिन्दी भाषा", "12345", "!!!", "\xff\xfe", "e\u0301\u0301\u0301", strings.Repeat("Lorem ipsum dolor sit amet, é. ", 200), strings.Repeat("ab", 50),
		"Ǆǅǆ ǈ ǋ ﬁ ﬂ İı", "\U0001F600 emoji 😀 text", "a\x00b\x00c",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		lang, score := Detect(s)
		if score < 0 || score > 1 || score != score {
			t.Fatalf("score %v out of [0,1]", score)
		}
		if lang != "" && (len(lang) != 2 || score < MinScore) {
			t.Fatalf("lang %q with score %v", lang, score)
		}
		if !utf8.ValidString(lang) {
			t.Fatal("invalid lang")
		}
		if l2, s2 := Detect(s); l2 != lang || s2 != score {
			t.Fatalf("not deterministic: %q %v then %q %v", lang, score, l2, s2)
		}
	})
}
