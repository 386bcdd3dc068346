package langid

import (
	"bufio"
	"os"
	"strings"
	"sync"
	"testing"

	"github.com/cleanhq/clean/internal/cputime"
)

// testSentences reads ../../testdata/langid/sentences.tsv: language -> sentences.
func testSentences(t testing.TB) map[string][]string {
	t.Helper()
	f, err := os.Open("../../testdata/langid/sentences.tsv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	out := map[string][]string{}
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		lang, text, ok := strings.Cut(sc.Text(), "\t")
		if !ok {
			t.Fatalf("bad line %q", sc.Text())
		}
		out[lang] = append(out[lang], text)
	}
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// paragraphs joins the sentences of a language five at a time.
func paragraphs(sents []string) []string {
	var out []string
	for i := 0; i+5 <= len(sents); i += 5 {
		out = append(out, strings.Join(sents[i:i+5], " "))
	}
	return out
}

func TestDetectParagraphs(t *testing.T) {
	data := testSentences(t)
	langs := []string{"en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "uk", "cs", "sv",
		"fi", "hu", "tr", "ro", "el", "ar", "fa", "he", "hi", "zh", "ja", "ko", "vi", "th", "bg", "da"}
	for _, lang := range langs {
		ps := paragraphs(data[lang])
		if len(ps) == 0 {
			t.Fatalf("%s: no test paragraphs", lang)
		}
		for _, p := range ps {
			got, score := Detect(p)
			if got != lang || score < 0.5 {
				t.Errorf("%s: Detect = %q, %.2f for %.80q", lang, got, score, p)
			}
		}
	}
}

// TestDetectSentences is a coarse guard over all 75 languages: single
// sentences are harder (and some pairs, bs/hr, ms/id, nb/nn, are close).
func TestDetectSentences(t *testing.T) {
	data := testSentences(t)
	for _, l := range Languages() {
		if len(data[l]) == 0 && !scriptOnly[l] {
			t.Errorf("no test sentences for %s", l)
		}
	}
	ok, n := 0, 0
	for lang, sents := range data {
		for _, s := range sents {
			if got, _ := Detect(s); got == lang {
				ok++
			}
			n++
		}
	}
	if acc := float64(ok) / float64(n); acc < 0.9 {
		t.Errorf("accuracy on %d sentences = %.3f, want >= 0.9", n, acc)
	}
}

// scriptOnly are the languages told by script alone that lingua's test data,
// hence testdata/langid, lacks.
var scriptOnly = map[string]bool{"kn": true, "ml": true, "or": true, "si": true, "km": true, "my": true, "lo": true}

func TestDetectUnsure(t *testing.T) {
	for _, s := range []string{
		"",
		"   \n\t ",
		"12345 678.90 -3,14 2024-01-01",
		"!!! ??? ... --- *** ### @@@ $$$ %%%",
		"aaaaaaaaaaaaaaaaaaaaaaaaaaaa",
		"abababababababababababababab",
		"Hello",
		"xq zvkj wpfq jjxz qqwv zxcv bnmq wqzx",
		"a",
		"ok",
		"ᚠᚢᚦᚨᚱᚲ ᚷᚹᚺᚾᛁᛃ", // runes: no supported language
		"ሰላም ለዓለም ሁሉ",   // Amharic (Ethiopic): not supported
		"\xff\xfe\x00\x01 invalid",
	} {
		got, score := Detect(s)
		if got != "" || score >= MinScore {
			t.Errorf("Detect(%q) = %q, %.2f; want \"\" and a score below %v", s, got, score, MinScore)
		}
		if score < 0 || score > 1 {
			t.Errorf("Detect(%q) score %v out of [0,1]", s, score)
		}
	}
}

func TestDetectScripts(t *testing.T) {
	for _, c := range []struct{ text, lang string }{
		{"Η γρήγορη καφέ αλεπού πηδάει πάνω από τον τεμπέλη σκύλο.", "el"},
		{"שלום עולם, זהו משפט בעברית שנכתב לצורך בדיקה.", "he"},
		{"ภาษาไทยเป็นภาษาราชการของประเทศไทย", "th"},
		{"대한민국의 수도는 서울이며 가장 큰 도시이다.", "ko"},
		{"日本語の文章を判定するためのテストです。", "ja"},
		{"这是一个用于测试语言识别的中文句子。", "zh"},
		{"Это предложение написано на русском языке для проверки.", "ru"},
		{"Ова реченица је написана на српском језику ради провере.", "sr"},
		{"ಕನ್ನಡ ಭಾಷೆಯು ದ್ರಾವಿಡ ಭಾಷೆಗಳಲ್ಲಿ ಒಂದು.", "kn"},
		{"മലയാളം ഒരു ദ്രാവിഡ ഭാഷയാണ്.", "ml"},
		{"සිංහල භාෂාව ශ්\u200dරී ලංකාවේ භාෂාවකි.", "si"},
		{"ភាសាខ្មែរជាភាសាផ្លូវការរបស់ប្រទេសកម្ពុជា។", "km"},
		{"မြန်မာဘာသာစကားသည် မြန်မာနိုင်ငံ၏ ရုံးသုံးဘာသာစကား ဖြစ်သည်။", "my"},
		{"ພາສາລາວແມ່ນພາສາທາງການຂອງປະເທດລາວ", "lo"},
	} {
		if got, score := Detect(c.text); got != c.lang {
			t.Errorf("Detect(%q) = %q, %.2f; want %q", c.text, got, score, c.lang)
		}
	}
}

func TestDetectLooksAtPrefix(t *testing.T) {
	en := strings.Repeat("This is plainly an English sentence about the weather. ", 200)
	de := strings.Repeat("Dies ist eindeutig ein deutscher Satz über das Wetter. ", 200)
	if got, _ := Detect(en + de); got != "en" {
		t.Errorf("English then German: %q, want en (the first MaxBytes)", got)
	}
	// A cut in the middle of a character is harmless.
	s := strings.Repeat("é", MaxBytes)
	if got, _ := Detect("x" + s); got == "" {
		t.Logf("é*: %q", got)
	}
}

func TestDetectDeterministicConcurrent(t *testing.T) {
	data := testSentences(t)
	var texts []string
	for _, l := range Languages() {
		texts = append(texts, paragraphs(data[l])...)
	}
	texts = append(texts, "", "a", "12345", "\xff")
	type res struct {
		lang  string
		score float64
	}
	want := make([]res, len(texts))
	for i, s := range texts {
		want[i].lang, want[i].score = Detect(s)
	}
	var wg sync.WaitGroup
	for range 4 {
		wg.Go(func() {
			for i, s := range texts {
				if l, sc := Detect(s); l != want[i].lang || sc != want[i].score {
					t.Errorf("text %d: %q %v, then %q %v", i, want[i].lang, want[i].score, l, sc)
					return
				}
			}
		})
	}
	wg.Wait()
}

func TestLanguages(t *testing.T) {
	ls := Languages()
	if len(ls) != 82 {
		t.Errorf("%d languages, want 82: %v", len(ls), ls)
	}
	for i, l := range ls {
		if len(l) != 2 || (i > 0 && ls[i-1] >= l) {
			t.Errorf("bad or unsorted code %q", l)
		}
	}
}

func BenchmarkDetectParagraph(b *testing.B) {
	data := testSentences(b)
	var texts []string
	for _, l := range Languages() {
		texts = append(texts, paragraphs(data[l])...)
	}
	n := 0
	for _, s := range texts {
		n += len(s)
	}
	Detect("warm up")
	b.SetBytes(int64(n / len(texts)))
	b.ResetTimer()
	m := cputime.Start()
	i := 0
	for b.Loop() {
		Detect(texts[i%len(texts)])
		i++
	}
	m.Report(b, int64(n/len(texts)))
}

func BenchmarkDetectArticle(b *testing.B) {
	data := testSentences(b)
	text := strings.Join(data["de"], " ") // about 2.5 KB
	for len(text) < 2*MaxBytes {
		text += " " + text
	}
	Detect("warm up")
	b.SetBytes(MaxBytes)
	m := cputime.Start()
	for b.Loop() {
		Detect(text)
	}
	m.Report(b, MaxBytes)
}
