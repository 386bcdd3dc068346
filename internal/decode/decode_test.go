package decode

import (
	"errors"
	"strings"
	"testing"
	"unicode/utf8"

	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/japanese"
	"golang.org/x/text/encoding/korean"
	"golang.org/x/text/encoding/unicode"
)

const french = "Le café de la gare a rouvert ses portes après trois ans de travaux. « Nous avons gardé le comptoir d’origine », explique la gérante, qui a refusé de céder le fonds à une chaîne. Les habitués se réjouissent déjà."

func mustEncode(t *testing.T, s string, e *encoding.Encoder) []byte {
	t.Helper()
	b, err := e.Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestToUTF8(t *testing.T) {
	latin1 := mustEncode(t, french, charmap.Windows1252.NewEncoder())
	html := func(head string, body []byte) []byte {
		return append([]byte("<html><head>"+head+"<title>Café</title></head><body><p>"), append(body, "</p></body></html>"...)...)
	}
	utf16 := mustEncode(t, "<p>"+french+"</p>", unicode.UTF16(unicode.LittleEndian, unicode.UseBOM).NewEncoder())
	cases := []struct {
		name, contentType string
		data              []byte
		charset           string
	}{
		{"utf-8 BOM beats the Content-Type", "text/html; charset=iso-8859-1",
			append([]byte("\xef\xbb\xbf"), html("", []byte(french))...), "utf-8"},
		{"utf-16 BOM", "", utf16, "utf-16le"},
		{"Content-Type charset", "text/html; charset=windows-1252", html("", latin1), "windows-1252"},
		{"Content-Type beats meta", "text/html; charset=windows-1252", html(`<meta charset="utf-8">`, latin1), "windows-1252"},
		{"meta charset", "", html(`<meta charset="iso-8859-1">`, latin1), "windows-1252"},
		{"meta http-equiv", "text/html", html(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">`, latin1), "windows-1252"},
		{"undeclared windows-1252 detected", "", html("", latin1), ""},
		{"undeclared utf-8", "", html("", []byte(french)), "utf-8"},
		{"plain text, Content-Type", "text/plain; charset=ISO-8859-1", latin1, "windows-1252"},
		{"plain text undeclared", "", latin1, ""},
	}
	// Bytes that are valid UTF-8 ("été") but declared windows-1252: the bytes win, as a
	// wrong declaration is far likelier than windows-1252 text that is valid UTF-8 (see
	// checkDeclared; pages declared by a server default are common).
	mojibake := []byte("<html><head><meta charset=windows-1252></head><body><p>\xc3\xa9t\xc3\xa9</p></body></html>")
	if got, name, _ := ToUTF8(mojibake, ""); !strings.Contains(got, "été") || name != "utf-8" {
		t.Errorf("valid UTF-8 declared windows-1252 not read as UTF-8: %s %q", name, got)
	}
	if got, _, _ := ToUTF8(mojibake[len("<html><head><meta charset=windows-1252>"):], ""); !strings.Contains(got, "été") {
		t.Errorf("undeclared UTF-8 not detected: %q", got)
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			got, name, err := ToUTF8(c.data, c.contentType)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(got, french) {
				t.Errorf("decoded with %s to %q", name, got)
			}
			if c.charset != "" && name != c.charset {
				t.Errorf("charset %q, want %q", name, c.charset)
			}
			if strings.HasPrefix(got, "\ufeff") {
				t.Error("BOM kept")
			}
		})
	}
}

// TestDetectCJK: undeclared pages in legacy East Asian encodings are detected.
func TestDetectCJK(t *testing.T) {
	ko := "서울시는 올해 여름 한강 공원에 그늘막을 두 배로 늘리고, 폭염 특보가 내려지면 무더위 쉼터를 밤늦게까지 운영하기로 했다. 시는 노인과 어린이가 많은 지역부터 차례로 설치할 계획이다."
	japaneseText := "市は今年の夏、川沿いの公園に日よけを倍に増やし、猛暑の警報が出た日には避暑施設を夜遅くまで開けることにした。高齢者や子どもの多い地区から順に設置する計画だ。"
	for _, c := range []struct {
		text string
		data []byte
	}{
		{ko, mustEncode(t, "<p>"+ko+"</p>", korean.EUCKR.NewEncoder())},
		{japaneseText, mustEncode(t, "<p>"+japaneseText+"</p>", japanese.ShiftJIS.NewEncoder())},
		// A <meta> without a charset, and the word charset elsewhere, is no declaration.
		{ko, mustEncode(t, `<html><head><meta http-equiv="Content-Type" content="text/html"><script>var charset = 1;</script>`+
			"</head><body><p>"+ko+"</p></body></html>", korean.EUCKR.NewEncoder())},
	} {
		got, name, err := ToUTF8(c.data, "")
		if err != nil || !strings.Contains(got, c.text) {
			t.Errorf("detected %s: %q, %v", name, got, err)
		}
	}
}

func TestToUTF8Errors(t *testing.T) {
	for _, data := range [][]byte{nil, []byte(""), []byte(" \n\t\r\n ")} {
		if _, _, err := ToUTF8(data, ""); !errors.Is(err, ErrEmpty) {
			t.Errorf("%q: err = %v, want ErrEmpty", data, err)
		}
	}
	for name, data := range map[string][]byte{
		"image/png":       []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
		"application/pdf": []byte("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj"),
		"application/zip": []byte("PK\x03\x04\x14\x00\x00\x00"),
	} {
		for _, ctype := range []string{"", "text/html; charset=utf-8"} { // mislabelled too
			if _, _, err := ToUTF8(data, ctype); !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), name) {
				t.Errorf("%s as %q: err = %v, want ErrBinary naming it", name, ctype, err)
			}
		}
	}
}

// TestTextLikeASignature: text whose first letters are a file format's signature ("BM"
// for bitmaps, "ID3" for MP3, "GIF89a", "OggS", "MThd") is text, not binary content; the
// same signatures followed by binary bytes are refused.
func TestTextLikeASignature(t *testing.T) {
	for _, text := range []string{
		"BMW unveils its new electric car\n\nThe company said on Tuesday that the model goes on sale next year.",
		"ID3 tags explained: the format stores a song's title inside the file.",
		"GIF89a was the version of the format that added animation.",
		"OggS is the capture pattern that starts every Ogg page.",
		"MThd starts a MIDI file, as any guide to the format says.",
		"BMI: what the body mass index says, and what it does not. " + strings.Repeat("Ünïcödé text. ", 40),
	} {
		got, _, err := ToUTF8([]byte(text), "")
		if err != nil || got != text {
			t.Errorf("%.20q: %q, %v; want the text", text, got, err)
		}
	}
	for name, data := range map[string]string{
		"image/bmp":  "BM\x36\x00\x0c\x00\x00\x00\x00\x00\x36\x00\x00\x00",
		"audio/mpeg": "ID3\x03\x00\x00\x00\x00\x1fvTIT2",
		"image/gif":  "GIF89a\x10\x00\x10\x00\x80\x00\x00",
	} {
		if _, _, err := ToUTF8([]byte(data), ""); !errors.Is(err, ErrBinary) || !strings.Contains(err.Error(), name) {
			t.Errorf("%s: err = %v, want ErrBinary naming it", name, err)
		}
	}
}

func TestToUTF8InvalidBytes(t *testing.T) {
	got, _, err := ToUTF8([]byte("<meta charset=utf-8><p>ok \xff\xfe bad</p>"), "")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(got, "ok \ufffd") || !utf8.ValidString(got) {
		t.Errorf("got %q", got)
	}
}

func TestSniff(t *testing.T) {
	for text, want := range map[string]Kind{
		"<!DOCTYPE html><html><body>x</body></html>": HTML,
		"  \n<html>": HTML,
		"<?xml version=\"1.0\"?><html xmlns=\"...\">":        HTML,
		"junk before <html><body><p>x</p></body></html>":     HTML,
		"<div><p>one</p><p>two</p></div>":                    HTML,
		"Title\n\nA paragraph of text.\n\nAnother one.":      Text,
		"Notes on the <b> element\n\nThe b element marks...": Text,
		"Use <p> for paragraphs and <br> for line breaks.":   Text,
		"<p>Hello</p>":                          HTML,
		"<table><tr><td>a</td></tr></table>":    HTML,
		"<div class=\"x\">one<br/>two":          HTML,
		"<p> marks a paragraph in HTML.":        Text,
		"<b> and <i> are inline elements":       Text,
		"<example> is not an element</example>": Text,
		"":                                      Text,
	} {
		if got := Sniff(text); got != want {
			t.Errorf("Sniff(%q) = %s, want %s", text, got, want)
		}
	}
}

func TestParseKind(t *testing.T) {
	for s, want := range map[string]Kind{"": Auto, "auto": Auto, "HTML": HTML, "text": Text} {
		if got, err := ParseKind(s); err != nil || got != want {
			t.Errorf("ParseKind(%q) = %s, %v", s, got, err)
		}
	}
	if _, err := ParseKind("pdf"); err == nil {
		t.Error("ParseKind(pdf) accepted")
	}
}

// declared skips the HTML prescan when there is neither a BOM nor a <meta> charset; its
// answer must stay what DetermineEncoding's was (taken when certain or when a <meta>
// declares the charset).
func TestDeclaredSkipsPrescan(t *testing.T) {
	for _, data := range []string{
		"Plain text dump\n\nwith caf\xe9 in Latin-1",
		"Plain UTF-8 text: café",
		"\xef\xbb\xbfBOM text",
		"\xff\xfe<\x00p\x00>\x00",
		`<html><head><meta charset="iso-8859-2"></head><body>x</body></html>`,
		`<meta http-equiv="Content-Type" content="text/html; charset=koi8-r"><p>x`,
		`<html><head><meta name="x"></head><body>caf` + "\xe9" + `</body></html>`,
		`<?xml version="1.0" encoding="shift_jis"?><p>x</p>`,
	} {
		enc, name := declared([]byte(data), "")
		wantEnc, wantName, certain := charset.DetermineEncoding([]byte(data), "")
		if !certain && !hasMeta([]byte(data)) {
			wantEnc, wantName = nil, ""
		}
		if (enc == nil) != (wantEnc == nil) || name != wantName {
			t.Errorf("declared(%q) = %v %q, want %v %q", data, enc, name, wantEnc, wantName)
		}
	}
}
