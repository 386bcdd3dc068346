package langid

import "unicode"

// script is the writing system of a letter, as far as language
// identification cares.
type script uint8

const (
	scOther script = iota // a script no supported language is written in
	scLatin
	scCyrillic
	scArabic
	scDevanagari
	scGreek
	scArmenian
	scGeorgian
	scHebrew
	scThai
	scHangul
	scKana // Hiragana and Katakana
	scHan
	scBengali
	scGurmukhi
	scGujarati
	scTamil
	scTelugu
	scKannada
	scMalayalam
	scOriya
	scSinhala
	scKhmer
	scMyanmar
	scLao
	numScripts
)

// scriptLang is the language of a script that only one supported language is
// written in; "" for scripts that need the n-gram model (or are not
// supported). Han and Kana are decided together (zh or ja).
var scriptLang = [numScripts]string{
	scGreek:    "el",
	scArmenian: "hy",
	scGeorgian: "ka",
	scHebrew:   "he",
	scThai:     "th",
	scHangul:   "ko",
	scBengali:  "bn",
	scGurmukhi: "pa",
	scGujarati: "gu",
	scTamil:    "ta",
	scTelugu:   "te",
	// Scripts of one language each that lingua-go has no model of.
	scKannada:   "kn",
	scMalayalam: "ml",
	scOriya:     "or",
	scSinhala:   "si",
	scKhmer:     "km",
	scMyanmar:   "my",
	scLao:       "lo",
}

// modelScript tells the script each n-gram-modelled language is written in
// (lingua-go's training data: Serbian is Cyrillic, Azerbaijani Latin).
var modelScript = map[string]script{
	"ar": scArabic, "fa": scArabic, "ur": scArabic,
	"hi": scDevanagari, "mr": scDevanagari,
	"be": scCyrillic, "bg": scCyrillic, "kk": scCyrillic, "mk": scCyrillic,
	"mn": scCyrillic, "ru": scCyrillic, "sr": scCyrillic, "uk": scCyrillic,
	// every other modelled language: Latin
}

// scriptOf returns the script of letter r.
func scriptOf(r rune) script {
	switch {
	case r < 0x250:
		return scLatin // Basic Latin to Latin Extended-B
	case r >= 0x370 && r < 0x400:
		return scGreek
	case r >= 0x400 && r < 0x530:
		return scCyrillic
	case r >= 0x530 && r < 0x590:
		return scArmenian
	case r >= 0x590 && r < 0x600:
		return scHebrew
	case r >= 0x600 && r < 0x700, r >= 0x750 && r < 0x780, r >= 0x8A0 && r < 0x900,
		r >= 0xFB50 && r < 0xFE00, r >= 0xFE70 && r < 0xFF00:
		return scArabic
	case r >= 0x900 && r < 0x980:
		return scDevanagari
	case r >= 0x980 && r < 0xA00:
		return scBengali
	case r >= 0xA00 && r < 0xA80:
		return scGurmukhi
	case r >= 0xA80 && r < 0xB00:
		return scGujarati
	case r >= 0xB00 && r < 0xB80:
		return scOriya
	case r >= 0xB80 && r < 0xC00:
		return scTamil
	case r >= 0xC00 && r < 0xC80:
		return scTelugu
	case r >= 0xC80 && r < 0xD00:
		return scKannada
	case r >= 0xD00 && r < 0xD80:
		return scMalayalam
	case r >= 0xD80 && r < 0xE00:
		return scSinhala
	case r >= 0xE00 && r < 0xE80:
		return scThai
	case r >= 0xE80 && r < 0xF00:
		return scLao
	case r >= 0x1000 && r < 0x10A0, r >= 0xA9E0 && r < 0xAA00, r >= 0xAA60 && r < 0xAA80:
		return scMyanmar
	case r >= 0x1780 && r < 0x1800, r >= 0x19E0 && r < 0x1A00:
		return scKhmer
	case r >= 0x10A0 && r < 0x1100, r >= 0x1C90 && r < 0x1CC0, r >= 0x2D00 && r < 0x2D30:
		return scGeorgian
	case r >= 0x1100 && r < 0x1200, r >= 0x3130 && r < 0x3190, r >= 0xA960 && r < 0xA980,
		r >= 0xAC00 && r < 0xD7B0, r >= 0xD7B0 && r < 0xD800:
		return scHangul
	case r >= 0x1E00 && r < 0x1F00, r >= 0x2C60 && r < 0x2C80, r >= 0xA720 && r < 0xA800,
		r >= 0xAB30 && r < 0xAB70, r >= 0xFF21 && r < 0xFF5B:
		return scLatin
	case r >= 0x1F00 && r < 0x2000:
		return scGreek
	case r >= 0x3040 && r < 0x3100, r >= 0x31F0 && r < 0x3200, r >= 0xFF66 && r < 0xFFA0:
		return scKana
	case r >= 0x4E00 && r < 0xA000, r >= 0x3400 && r < 0x4DC0, r >= 0xF900 && r < 0xFB00,
		r >= 0x20000 && r < 0x32000:
		return scHan
	case unicode.Is(unicode.Latin, r):
		return scLatin
	case unicode.Is(unicode.Cyrillic, r):
		return scCyrillic
	case unicode.Is(unicode.Han, r):
		return scHan
	}
	return scOther
}
