package textclass

import (
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// One ordinary sentence per shipped language, written for this test.
var languageSamples = map[string]string{
	"en": "The council said that it would not change the plan before the end of the year, but many of the people who live there are still against it.",
	"de": "Der Rat sagte, dass er den Plan vor dem Ende des Jahres nicht ändern werde, aber viele der Menschen, die dort leben, sind immer noch dagegen.",
	"fr": "Le conseil a dit qu'il ne changerait pas le plan avant la fin de l'année, mais beaucoup des gens qui vivent là sont toujours contre.",
	"es": "El consejo dijo que no cambiaría el plan antes del final del año, pero muchas de las personas que viven allí todavía están en contra.",
	"pt": "O conselho disse que não vai mudar o plano antes do fim do ano, mas muitas das pessoas que vivem lá ainda são contra isso.",
	"it": "Il consiglio ha detto che non cambierà il piano prima della fine dell'anno, ma molte delle persone che vivono lì sono ancora contro.",
	"nl": "De raad zei dat hij het plan voor het einde van het jaar niet zou veranderen, maar veel van de mensen die daar wonen zijn er nog steeds tegen.",
	"pl": "Rada powiedziała, że nie zmieni planu przed końcem roku, ale wielu ludzi, którzy tam mieszkają, nadal jest przeciwko temu.",
	"ru": "Совет сказал, что не будет менять план до конца года, но многие из тех, кто там живёт, всё ещё против этого.",
}

func TestDetectLanguageEachList(t *testing.T) {
	for _, lang := range Languages() {
		text, ok := languageSamples[lang]
		if !ok {
			t.Errorf("no sample sentence for shipped language %q", lang)
			continue
		}
		if got := DetectLanguage(text); got != lang {
			t.Errorf("DetectLanguage(%s sample) = %q, want %q", lang, got, lang)
		}
	}
}

func TestDetectLanguageNone(t *testing.T) {
	for _, text := range []string{
		"", "12 34 56", "東京都は新しい計画を発表した。", "Home About Contact",
		"Kommunfullmäktige beslutade på måndagen att bygga en ny grundskola i centrum.", // Swedish
	} {
		if got := DetectLanguage(text); got != "" {
			t.Errorf("DetectLanguage(%q) = %q, want none", text, got)
		}
	}
}

func TestStopwordListsLoad(t *testing.T) {
	idx := loadStopwords()
	for i, lang := range languages {
		n := 0
		for _, m := range idx.words {
			if m&(1<<i) != 0 {
				n++
			}
		}
		if n < 80 {
			t.Errorf("stop-word list %s has %d words, want at least 80", lang, n)
		}
	}
}

func TestNoArticleKeepsEverything(t *testing.T) {
	res := Classify([]string{"Home", "Shopping list", "milk, eggs"})
	for i, b := range res.Blocks {
		if !b.Keep {
			t.Errorf("block %d dropped from a text with no article", i)
		}
	}
}

func TestEndsSentence(t *testing.T) {
	for s, want := range map[string]bool{
		"He said so.": true, "“Really?”": true, "Ready…": false, "and then...": false,
		"Menu": false, "Read more »": false, "(see above.)": true, "Note:": false, "": false,
	} {
		if got := endsSentence(s); got != want {
			t.Errorf("endsSentence(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestFeatures(t *testing.T) {
	sc := scanner{idx: loadStopwords()}
	var hits [numLangs]int32
	f := sc.scanAll("Home | News | Sport\nMail me: a@b.org or see https://x.org/y in 2024 at 10:31 — don’t", &hits)
	want := Features{Runes: 84, Words: 20, Caps: 4, Numeric: 3, Links: 2, Seps: 2, Lines: 2, Years: 1, Days: 2, Time: true,
		Simple: true, Fields: 14, Marks: true}
	got := f
	got.Stops = 0
	if got != want {
		t.Errorf("features:\n got %+v\nwant %+v", got, want)
	}
	if hits[0] == 0 || !strings.Contains(languages[0], "en") {
		t.Errorf("no English stop words counted in %v", hits)
	}
}

func TestEmptyAndTinyInputs(t *testing.T) {
	for _, blocks := range [][]string{nil, {""}, {" "}, {"Hello"}, {"©", "|||", "http://x.y"}} {
		res := Classify(blocks)
		if len(res.Blocks) != len(blocks) {
			t.Errorf("Classify(%q): %d verdicts for %d blocks", blocks, len(res.Blocks), len(blocks))
		}
		if res.Title >= len(blocks) {
			t.Errorf("Classify(%q): title index %d out of range", blocks, res.Title)
		}
	}
}

// FuzzClassify checks that any text, split at blank lines, is classified without a panic,
// with one verdict per block and the title, when there is one, not kept as a paragraph.
func FuzzClassify(f *testing.F) {
	f.Add("Title\n\nA sentence that is long enough to be a paragraph of an article, and ends well.\n\nHome | News")
	f.Add("2024-05-01 10:15\n\n— Quote (@who) May 1, 2024\n\n東京。大阪。\n\n...")
	f.Add("\xff\xfe broken \u2019 utf8 it’s\n\n© 2024")
	f.Fuzz(func(t *testing.T, text string) {
		blocks := strings.Split(text, "\n\n")
		res := Classify(blocks)
		if len(res.Blocks) != len(blocks) {
			t.Fatalf("%d verdicts for %d blocks", len(res.Blocks), len(blocks))
		}
		if res.Title >= 0 && res.Blocks[res.Title].Keep {
			t.Fatalf("title block %d also kept as a paragraph", res.Title)
		}
		for i, b := range res.Blocks {
			if want := utf8.RuneCountInString(blocks[i]); int(b.Runes) != want {
				t.Fatalf("block %d: %d runes counted, want %d", i, b.Runes, want)
			}
		}
	})
}

// TestConcurrentClassify: the embedded stop-word index is shared, so Classify must be safe
// to call from many goroutines at once (run with -race to check) and give the same result.
func TestConcurrentClassify(t *testing.T) {
	blocks := []string{"Home", "News", "A title for the story",
		"The first paragraph of the story is long enough, and it ends like a sentence should.",
		"The second one is of the same kind, with words that are common in English prose.",
		"© 2024 Someone"}
	want := Classify(blocks)
	done := make(chan Result)
	for range 8 {
		go func() { done <- Classify(blocks) }()
	}
	for range 8 {
		got := <-done
		for i := range want.Blocks {
			if got.Blocks[i] != want.Blocks[i] {
				t.Fatalf("block %d: %+v, want %+v", i, got.Blocks[i], want.Blocks[i])
			}
		}
	}
}

// An apostrophe inside a word is no digit: "don't" and "l'été" are words, not numbers.
func TestApostropheIsNoDigit(t *testing.T) {
	sc := scanner{idx: loadStopwords()}
	for _, s := range []string{"don't", "Don't stop", "l'été", "it's 2024"} {
		var hits [numLangs]int32
		f := sc.scanAll(s, &hits)
		want := int32(0)
		if strings.Contains(s, "2024") {
			want = 1
		}
		if f.Numeric != want {
			t.Errorf("%q: Numeric = %d, want %d", s, f.Numeric, want)
		}
		if s == "Don't stop" && f.Caps != 1 {
			t.Errorf("%q: Caps = %d, want 1", s, f.Caps)
		}
	}
}

// TestWordFilter: the filter holds every word added to it (it may hold others), so that
// sharedWithLead misses no word of the candidates, and it turns most others away.
func TestWordFilter(t *testing.T) {
	var f wordFilter
	var added []string
	for _, s := range languageSamples {
		for _, w := range lowerContentWords(s) {
			f.add(w)
			added = append(added, w)
		}
	}
	for _, w := range added {
		if !f.mayHold(w) {
			t.Errorf("filter lost %q", w)
		}
	}
	var g wordFilter
	g.add("council")
	other := 0
	for _, w := range added {
		if w != "council" && g.mayHold(w) {
			other++
		}
	}
	if 10*other > len(added) {
		t.Errorf("a filter of one word holds %d of %d other words", other, len(added))
	}
}

// TestLookupFolded: every stop word of ASCII letters and apostrophes is found in upper
// case, title case and lower case, with its languages, and each of its letters changed
// to another letter finds what the index holds for that word; lookup finds every stop
// word, non-ASCII ones included, and no word that is not one.
func TestLookupFolded(t *testing.T) {
	idx := loadStopwords()
	for key, langs := range idx.words {
		if got := idx.lookup([]byte(key)); got != langs {
			t.Errorf("lookup(%q) = %b, want %b", key, got, langs)
		}
		if got := idx.lookup([]byte(key + "x")); got != idx.words[key+"x"] {
			t.Errorf("lookup(%q) = %b, want %b", key+"x", got, idx.words[key+"x"])
		}
		if strings.Trim(key, "abcdefghijklmnopqrstuvwxyz'") != "" {
			continue
		}
		for _, w := range []string{key, strings.ToUpper(key), strings.ToUpper(key[:1]) + key[1:]} {
			if got := idx.lookupFolded(w); got != langs {
				t.Errorf("lookupFolded(%q) = %b, want %b", w, got, langs)
			}
		}
		for i := range len(key) {
			if key[i] == '\'' {
				continue
			}
			other := key[:i] + string(rune('a'+(key[i]-'a'+1)%26)) + key[i+1:]
			if got := idx.lookupFolded(strings.ToUpper(other)); got != idx.words[other] {
				t.Errorf("lookupFolded(%q) = %b, want %b", strings.ToUpper(other), got, idx.words[other])
			}
		}
	}
}

// TestWordBytes8 checks the eight-byte word and digit masks against asciiWord and
// isDigit on every byte value at every position.
func TestWordBytes8(t *testing.T) {
	for pos := range 8 {
		for c := range 256 {
			x := uint64(0x2d2d2d2d2d2d2d2d)&^(0xff<<(8*pos)) | uint64(c)<<(8*pos)
			word, digits := wordBytes8(x)
			wantWord, wantDigit := uint64(0), uint64(0)
			if asciiWord[c] {
				wantWord = 0x80 << (8 * pos)
			}
			if isDigit(byte(c)) {
				wantDigit = 0x80 << (8 * pos)
			}
			if word != wantWord || digits != wantDigit {
				t.Errorf("byte %#x at %d: word %#x digits %#x, want %#x %#x", c, pos, word, digits, wantWord, wantDigit)
			}
		}
	}
}

// TestShortWordAgreesWithWord: wherever a word starts, in the sample texts and at every
// offset from the end of a block, shortWord (when it takes the word) ends it where word
// does and counts the same features and stop-word hits.
func TestShortWordAgreesWithWord(t *testing.T) {
	sc := scanner{idx: loadStopwords()}
	texts := []string{"The cat and the dog", "and", "x The", "ABCDEFG and", "Don't 2024 Über l'été и в"}
	for _, s := range languageSamples {
		texts = append(texts, s)
	}
	for _, text := range texts {
		for cut := range len(text) + 1 {
			s := text[:cut]
			for i := range len(s) {
				if !asciiWord[s[i]] || i > 0 && asciiWord[s[i-1]] {
					continue
				}
				var fastF, slowF Features
				var fastH, slowH [numLangs]int32
				sc.field = false
				end, spaced, ok := sc.shortWord(s, i, &fastF, &fastH)
				sc.flushHits(&fastH)
				if !ok {
					continue
				}
				sc.field = false
				want := sc.word(s, i, &slowF, &slowH)
				if spaced != (end < len(s) && s[end] == ' ') {
					t.Fatalf("%q at %d: shortWord says a space follows its word: %v", s, i, spaced)
				}
				if sc.flushHits(&slowH); end != want || fastF != slowF || fastH != slowH {
					t.Fatalf("%q at %d: shortWord ends at %d with %+v %v, word at %d with %+v %v", s, i, end, fastF, fastH, want, slowF, slowH)
				}
			}
		}
	}
}

// TestPunctuationBlock: General Punctuation, which letterOrDigit and goesOn pass over
// without the tables, holds no letter, digit or combining mark.
func TestPunctuationBlock(t *testing.T) {
	for r := rune(0x2000); r <= 0x206f; r++ {
		if !punctuation(r) || unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.Is(unicode.Mn, r) {
			t.Errorf("%U: punctuation %v, a letter, digit or mark", r, punctuation(r))
		}
	}
}

// TestLaneSums: laneSums adds lanes of hits as the hits would add up one by one, full
// lanes, many of them, in every language.
func TestLaneSums(t *testing.T) {
	var a laneSums
	var want [numLangs]int32
	for n := range 3*laneSum + 5 {
		x := uint64(0)
		for l := range numLangs {
			h := uint64(laneMax - (n+l)%3)
			x |= h << (laneBits * l)
			want[l] += int32(h)
		}
		a.add(x)
	}
	a.flush()
	if a.totals != want {
		t.Errorf("laneSums = %v, want %v", a.totals, want)
	}
}

// TestPunctCounts: asciiPunct does nothing for the characters punctCounts leaves out.
func TestPunctCounts(t *testing.T) {
	sc := scanner{idx: loadStopwords()}
	for c := range byte(utf8.RuneSelf) {
		if punctCounts[c] || asciiWord[c] || c == ' ' {
			continue
		}
		for _, s := range []string{"a" + string(c) + "b", string(c), "1" + string(c) + "23", string(c) + " Ab", "x" + string(c) + "//"} {
			for i := range len(s) {
				if s[i] != c {
					continue
				}
				var f Features
				if sc.asciiPunct(s, i, &f); f != (Features{}) {
					t.Errorf("asciiPunct(%q, %d) counts %+v, punctCounts[%q] is false", s, i, f, c)
				}
			}
		}
	}
}
