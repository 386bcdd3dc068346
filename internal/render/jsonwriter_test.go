package render

import (
	"bytes"
	"strings"
	"testing"
)

// jsonStrings are strings whose escaping differs between JSON encoders: HTML characters,
// quotes and backslashes, control characters, U+2028 and U+2029, invalid UTF-8, and
// runs of plain ASCII on both sides of an 8-byte word.
var jsonStrings = []string{
	"",
	"plain",
	"exactly8",
	"sixteen bytes ok",
	`<p class="x">a & b</p> > c`,
	"tab\tline\nreturn\r back\b feed\f nul\x00 esc\x1b del\x7f unit\x1f",
	`back\slash "quoted" \\ \"`,
	"line\u2028separator and paragraph\u2029separator at the end\u2029",
	"bad \xff byte, cut \xe2\x80 rune, lone \x80, surrogate \xed\xa0\x80",
	"Ünïcödé — “quotes” ’ 日本語のテキスト 한국어 текст ¡olé!",
	"0123456789abcdef0123456789abcdef\"0123456789abcdef0123456789abcdef\n",
}

func TestAppendJSONString(t *testing.T) {
	for _, s := range jsonStrings {
		checkJSONString(t, s)
	}
}

func FuzzAppendJSONString(f *testing.F) {
	for _, s := range jsonStrings {
		f.Add(s)
	}
	f.Fuzz(checkJSONString)
}

// checkJSONString compares AppendJSONString with encoding/json as JSON uses it.
func checkJSONString(t *testing.T, s string) {
	want, err := JSON(s, "")
	if err != nil {
		t.Fatal(err)
	}
	got := append(AppendJSONString(nil, s), '\n')
	if !bytes.Equal(got, want) {
		t.Errorf("AppendJSONString(%q) = %s, encoding/json: %s", s, got, want)
	}
}

// TestJSONWriterShapes checks nesting, empty containers and indentation against
// encoding/json.
func TestJSONWriterShapes(t *testing.T) {
	type item struct {
		A string `json:"a"`
	}
	type shape struct {
		S     string   `json:"s"`
		List  []string `json:"list"`
		Empty []string `json:"empty"`
		Items []item   `json:"items"`
		None  []item   `json:"none"`
		N     int      `json:"n"`
	}
	v := shape{S: "x", List: []string{"a", "b"}, Empty: []string{}, Items: []item{{"1"}, {"2"}}, None: []item{}, N: -3}
	for _, indent := range []string{"", "  ", "\t"} {
		w := NewJSONWriter(nil, indent)
		w.Open('{')
		w.StringField("s", v.S, false)
		w.Key("list")
		w.Open('[')
		for _, s := range v.List {
			w.Elem()
			w.String(s)
		}
		w.Close(']')
		w.Key("empty")
		w.Open('[')
		w.Close(']')
		w.Key("items")
		w.Open('[')
		for _, it := range v.Items {
			w.Elem()
			w.Open('{')
			w.StringField("a", it.A, false)
			w.Close('}')
		}
		w.Close(']')
		w.Key("none")
		w.Open('[')
		w.Close(']')
		w.Key("n")
		w.Int(v.N)
		w.Close('}')
		want, err := JSON(v, indent)
		if err != nil {
			t.Fatal(err)
		}
		if got := w.Bytes(); !bytes.Equal(got, want) {
			t.Errorf("indent %q:\n%s\nencoding/json:\n%s", indent, got, want)
		}
	}
}

// TestPlainRun: plainRun is the byte loop it stands for (plainByte), from every start,
// with every byte value at every offset of the eight- and sixteen-byte reads, after and
// before a byte beyond ASCII (whose carries must not hide a byte before it).
func TestPlainRun(t *testing.T) {
	for n := range 34 {
		base := strings.Repeat("Plain ASCII, 0-9 ~}", 2)[:n]
		for b := range 256 {
			for at := range n + 1 {
				for _, s := range []string{
					base[:at] + string([]byte{byte(b)}) + base[at:],
					base[:at] + string([]byte{byte(b), 0xff}) + base[at:],
					base[:at] + string([]byte{0xa0 + byte(b)%0x60, byte(b)}) + base[at:],
				} {
					for i := range len(s) + 1 {
						want := 0
						for i+want < len(s) && plainByte(s[i+want]) {
							want++
						}
						if got := plainRun(s, i); got != want {
							t.Fatalf("plainRun(%q, %d) = %d, want %d", s, i, got, want)
						}
					}
				}
			}
		}
	}
}

// TestAppendQuoted holds appendQuoted, and appendLines where there is no quote or
// backslash, to AppendJSONString on texts of lines, blank lines, quotes and backslashes
// at every place.
func TestAppendQuoted(t *testing.T) {
	for _, s := range []string{
		"", "\n", "\n\n", "a", "a\n", "\na", "a\n\nb", "a\n\n\nb\n", `"`, `\`, `\"`, "\"\n\\",
		"say \"hi\"\n\nand \\ so\n\"", "a\\\nb\"\n\n\"c\"", "\n\"\n\n\\\n",
	} {
		want := string(AppendJSONString(nil, s))
		if got := `"` + string(appendQuoted(nil, s)) + `"`; got != want {
			t.Errorf("appendQuoted(%q) = %s, want %s", s, got, want)
		}
		if !strings.ContainsAny(s, "\"\\") {
			if got := `"` + string(appendLines(nil, s)) + `"`; got != want {
				t.Errorf("appendLines(%q) = %s, want %s", s, got, want)
			}
		}
	}
}
