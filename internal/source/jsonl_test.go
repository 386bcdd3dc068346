package source

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"encoding/json"
	"errors"
	"io"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"
)

var testOpts = JSONLOptions{Fields: []string{"html", "text"}, IDField: "id", URLField: "url"}

func TestParseRecord(t *testing.T) {
	for _, tc := range []struct {
		line string
		want Record
		err  string
	}{
		{`{"id": 7, "url": "https://x.example/a", "html": "<p>a \"q\" \u00e9</p>"}`,
			Record{ID: "7", URL: "https://x.example/a", Field: "html", Data: []byte(`<p>a "q" é</p>`)}, ""},
		{` { "meta": {"html": "nested, not ours", "list": [1, "]", {"}": 2}]}, "text" : "body" , "id":"x\"y"} `,
			Record{ID: `x"y`, Field: "text", Data: []byte("body")}, ""},
		{`{"html": "", "text": "second choice", "id": null}`, Record{Field: "text", Data: []byte("second choice")}, ""},
		{`{"id": {"a": 1}, "text": "t"}`, Record{ID: `{"a": 1}`, Field: "text", Data: []byte("t")}, ""},
		{`{"html": "dup", "html": "last wins"}`, Record{Field: "html", Data: []byte("last wins")}, ""},
		{`{"id": 1}`, Record{ID: "1"}, "no document"},
		{`{"html": 5}`, Record{}, `field "html" is not a string`},
		{`[1, 2]`, Record{}, "bad JSON record: not a JSON object"},
		{`{"html": "unterminated}`, Record{}, "bad JSON record"},
		{`{}`, Record{}, "no document"},
	} {
		got := ParseRecord(3, []byte(tc.line), testOpts)
		tc.want.Line = 3
		if tc.err != "" {
			if got.Err == nil || !strings.Contains(got.Err.Error(), tc.err) {
				t.Errorf("%s: err %v, want %q", tc.line, got.Err, tc.err)
			}
			continue
		}
		if got.Err != nil || !reflect.DeepEqual(got, tc.want) {
			t.Errorf("%s:\n got %+v (%v)\nwant %+v", tc.line, got, got.Err, tc.want)
		}
	}
}

func TestScanJSONL(t *testing.T) {
	long := `{"text": "` + strings.Repeat("x", 300) + `"}`
	in := "{\"text\":\"a\"}\n\n  \n" + long + "\n{\"text\":\"b\"}" // no final newline
	type got struct {
		n   int
		len int
		err error
	}
	var all []got
	err := ScanJSONL(strings.NewReader(in), 100, func(n int, line []byte, err error) bool {
		all = append(all, got{n, len(line), err})
		return true
	})
	if err != nil {
		t.Fatal(err)
	}
	if len(all) != 3 || all[0].n != 1 || all[1].n != 4 || all[2].n != 5 || all[2].len != 12 {
		t.Fatalf("lines %+v", all)
	}
	if !errors.Is(all[1].err, ErrTooLarge) || all[1].len != 0 {
		t.Errorf("long line: %+v", all[1])
	}
}

func TestScanList(t *testing.T) {
	var names []string
	ScanList(strings.NewReader("# comment\n a.html \n\nhttps://x.example/\n"), func(n int, name string) bool {
		names = append(names, name)
		return true
	})
	if strings.Join(names, "|") != "a.html|https://x.example/" {
		t.Errorf("names %q", names)
	}
}

// TestUnquoteMatchesEncodingJSON: the fast decoder gives what encoding/json gives.
func TestUnquoteMatchesEncodingJSON(t *testing.T) {
	for _, s := range []string{
		`""`, `"plain"`, `"a\"b\\c\/d"`, `"\b\f\n\r\t"`, `"\u00e9\u4e2d"`, `"\ud83d\ude00 emoji"`,
		`"lone \ud83d high"`, `"lone \ude00 low"`, `"\ud83d\u0041"`, `"é direct"`, `"<p class=\"x\">\u003c</p>"`,
	} {
		var want string
		if err := json.Unmarshal([]byte(s), &want); err != nil {
			t.Fatalf("%s: %v", s, err)
		}
		got, ok := unquote([]byte(s))
		if !ok || string(got) != want {
			t.Errorf("unquote(%s) = %q, want %q", s, got, want)
		}
	}
	if _, ok := unquote([]byte("5")); ok {
		t.Error("unquote accepted a number")
	}
}

// FuzzUnquote compares unquote with encoding/json on valid JSON strings of valid UTF-8.
func FuzzUnquote(f *testing.F) {
	for _, s := range []string{"a\"b", "\\u00e9", "😀", "\x01\t\n"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		raw, _ := json.Marshal(s)
		var want string
		if json.Unmarshal(raw, &want) != nil || !utf8.ValidString(s) {
			return
		}
		if got, ok := unquote(raw); !ok || string(got) != want {
			t.Errorf("unquote(%s) = %q, want %q", raw, got, want)
		}
	})
}

// FuzzTopFields: on any valid JSON object, topFields finds the same top-level fields and
// values as encoding/json; on anything else it fails without panicking.
func FuzzTopFields(f *testing.F) {
	for _, s := range []string{`{"a":1}`, `{"html":"x\"}","id":[1,{"b":"]"}]}`, ` {} `, `{"a":{"a":{}}, "a" : "last"}`, `[1]`, `{"a":`} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		got, err := topFields([]byte(s))
		var want map[string]json.RawMessage
		if json.Unmarshal([]byte(s), &want) != nil || want == nil {
			if err == nil && json.Valid([]byte(s)) && strings.TrimSpace(s) != "null" {
				t.Fatalf("topFields accepted a non-object %q", s)
			}
			return
		}
		if err != nil {
			t.Fatalf("topFields(%q): %v", s, err)
		}
		if len(got) != len(want) {
			t.Fatalf("topFields(%q) = %d fields, want %d", s, len(got), len(want))
		}
		for k, v := range want {
			if string(got[k]) != string(v) {
				t.Fatalf("topFields(%q)[%q] = %s, want %s", s, k, got[k], v)
			}
		}
	})
}

// JSON Lines are recognised by their content: a first non-blank '{' and JSON objects on
// the lines looked at; a JSON document, a template or a page is not JSONL. Nothing is
// consumed.
func TestSniffJSONL(t *testing.T) {
	long := `{"html":"` + strings.Repeat("x", 600<<10) + `"}`
	for _, c := range []struct {
		in   string
		want bool
	}{
		{`{"url":"u","text":"t"}` + "\n" + `{"id":2}` + "\n", true},
		{`{"url":"u","text":"t"}`, true},
		{"\n  \n" + `{"a":1}` + "\r\n", true},
		{long + "\n" + `{"a":1}` + "\n", true}, // a first line over the first peek
		{`{"a":1}` + "\n" + "not json\n", false},
		{"{\n  \"a\": 1\n}\n", false}, // a JSON document, not JSON Lines
		{"{{ template }}\n", false},
		{`["a"]` + "\n", false},
		{"<html><body>{}</body></html>\n", false},
		{"Title\n\n{\"a\":1}\n", false},
		{"", false},
		{`{"html":"` + strings.Repeat("x", SniffWindow) + `"}` + "\n", false}, // longer than the window
	} {
		br := bufio.NewReaderSize(strings.NewReader(c.in), SniffWindow)
		if got := SniffJSONL(br); got != c.want {
			t.Errorf("SniffJSONL(%.40q) = %v, want %v", c.in, got, c.want)
		}
		if rest, _ := io.ReadAll(br); string(rest) != c.in {
			t.Errorf("SniffJSONL(%.40q) consumed input", c.in)
		}
	}
}

// SniffJSONLStream sees through gzip, and its reader gives back every byte of the input.
func TestSniffJSONLStream(t *testing.T) {
	recs := `{"id":1,"text":"a"}` + "\n" + `{"id":2,"text":"b"}` + "\n"
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte(recs))
	zw.Close()
	for _, c := range []struct {
		name, in string
		want     bool
	}{
		{"plain", recs, true},
		{"gzip", gz.String(), true},
		{"page", "<html><body><p>" + strings.Repeat("text ", 1000) + "</p></body></html>", false},
		{"json document", "{\n  \"a\": 1\n}\n", false},
		{"bad gzip", "\x1f\x8b\x00garbage", false},
	} {
		r, got := SniffJSONLStream(strings.NewReader(c.in))
		if got != c.want {
			t.Errorf("%s: JSONL %v, want %v", c.name, got, c.want)
		}
		if all, _ := io.ReadAll(r); string(all) != c.in {
			t.Errorf("%s: the reader lost or changed bytes", c.name)
		}
	}
}
