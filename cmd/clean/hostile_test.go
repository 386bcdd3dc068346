package main

import (
	"bufio"
	"compress/gzip"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cleanhq/clean/internal/faultserver"
)

// Hostile inputs and faults through the command line: exit code, one error line naming
// the input, nothing written on failure, nothing written outside the output directory,
// no control character on the terminal.

const hostileDir = "../../testdata/hostile"

// hostilePage is an article any extractor keeps.
const hostilePage = `<html><head><title>Budget agreed</title></head><body><article>
<p>The committee met on Tuesday to discuss the budget for next year, and after a long debate it agreed to raise spending on schools and roads by a tenth.</p>
<p>Members said the decision, which followed months of talks, would be reviewed in the spring when the new figures are published.</p>
</article></body></html>`

// checkTerminalSafe fails when s holds a control character other than newline and tab.
func checkTerminalSafe(t *testing.T, what, s string) {
	t.Helper()
	for _, r := range s {
		if (r < 0x20 && r != '\n' && r != '\t') || (r >= 0x7f && r < 0xa0) {
			t.Errorf("%s holds control character %U: %q", what, r, s)
			return
		}
	}
}

// checkFailure checks a failed single-input run: exit 1, nothing on stdout, one safe
// stderr line naming the input.
func checkFailure(t *testing.T, name, stdout, stderr string, code int, want string) {
	t.Helper()
	if code != exitFailure {
		t.Errorf("exit %d, want %d (stderr %q)", code, exitFailure, stderr)
	}
	if stdout != "" {
		t.Errorf("stdout %q, want nothing", stdout)
	}
	if !strings.HasPrefix(stderr, "clean: "+name+": ") || strings.Count(stderr, "\n") != 1 || !strings.Contains(stderr, want) {
		t.Errorf("stderr %q: want one line naming %s and saying %q", stderr, name, want)
	}
	checkTerminalSafe(t, "stderr", stderr)
}

// checkNothingWritten fails when dir holds anything.
func checkNothingWritten(t *testing.T, dir string) {
	t.Helper()
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		t.Errorf("left behind: %s", e.Name())
	}
}

// faultCase is a path of faultServer and what its error says.
type faultCase struct{ path, want string }

// faultServer serves a fault per path (see package faultserver) and lists the paths used
// here with what their error says; /ok is a good page.
func faultServer(t *testing.T) (*httptest.Server, []faultCase) {
	srv := faultserver.New(t, hostilePage)
	return srv, []faultCase{
		{"/404", "HTTP 404 Not Found"},
		{"/500", "HTTP 500 Internal Server Error"},
		{"/429", "HTTP 429 Too Many Requests (Retry-After: \"120\")"},
		{"/stall", "timed out after 300ms (--timeout)"},
		{"/trickle", "timed out after 300ms (--timeout)"},
		{"/big", "over the 65536-byte cap (--max-size)"},
		{"/loop", "more than 10 redirects"},
		{"/to-file", `redirect to unsupported scheme "file"`},
		{"/to-ftp", `redirect to unsupported scheme "ftp"`},
		{"/json", `unsupported content type "application/json"`},
		{"/reset", "unexpected EOF"},
		{"/escape-status", "HTTP 404"},
	}
}

func TestCLIURLFaults(t *testing.T) {
	srv, cases := faultServer(t)
	for _, c := range cases {
		t.Run(c.path, func(t *testing.T) {
			dir := t.TempDir()
			u := srv.URL + c.path
			start := time.Now()
			// No retries here (TestSingleURLRetried tests them): the error lines are the point.
			stdout, stderr, code := runCLI(t, "--retries", "0", "--timeout", "300ms", "--max-size", "65536", "-o", filepath.Join(dir, "out.md"), u)
			checkFailure(t, u, stdout, stderr, code, c.want)
			checkNothingWritten(t, dir)
			if d := time.Since(start); d > 10*time.Second {
				t.Errorf("took %s", d)
			}
		})
	}
}

// TestCLIHostileFiles runs every fixture of testdata/hostile, and a FIFO, as one input.
func TestCLIHostileFiles(t *testing.T) {
	failing := map[string]string{
		"empty.html":        "empty input",
		"blank.txt":         "empty input",
		"pixel.png":         "binary content (image/png)",
		"tiny.pdf":          "binary content (application/pdf)",
		"scripts-only.html": "no text found",
	}
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*"))
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.html")
	if err := mkfifo(fifo); err == nil {
		files = append(files, fifo)
		failing["fifo.html"] = "empty input"
	}
	if len(files) < 10 {
		t.Fatalf("fixtures missing: %v", files)
	}
	for _, name := range files {
		t.Run(filepath.Base(name), func(t *testing.T) {
			out := t.TempDir()
			stdout, stderr, code := runCLI(t, "-o", filepath.Join(out, "out.md"), name)
			if want, ok := failing[filepath.Base(name)]; ok {
				checkFailure(t, name, stdout, stderr, code, want)
				checkNothingWritten(t, out)
				return
			}
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			data, err := os.ReadFile(filepath.Join(out, "out.md"))
			if err != nil || len(data) == 0 {
				t.Fatalf("no output: %v", err)
			}
			checkTerminalSafe(t, "output", string(data))
		})
	}
}

func TestCLIUnreadableFile(t *testing.T) {
	if os.Geteuid() == 0 {
		t.Skip("running as root, which can read a mode-000 file")
	}
	p := filepath.Join(t.TempDir(), "secret.html")
	if err := os.WriteFile(p, []byte(hostilePage), 0o000); err != nil {
		t.Fatal(err)
	}
	stdout, stderr, code := runCLI(t, p)
	checkFailure(t, p, stdout, stderr, code, "permission denied")
}

// TestCLIBatchHostile: a directory of hostile files is a batch that finishes (exit 3), with
// exactly one record per input, an error record naming each bad one, and terminal-safe
// stderr even for a file name holding escape sequences.
func TestCLIBatchHostile(t *testing.T) {
	in := t.TempDir()
	files, _ := filepath.Glob(filepath.Join(hostileDir, "*"))
	for _, f := range files {
		data, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile(filepath.Join(in, filepath.Base(f)), data, 0o644)
	}
	os.WriteFile(filepath.Join(in, "evil-\x1b]0;owned\x07-\x1b[2J.html"), nil, 0o644)
	os.WriteFile(filepath.Join(in, "deep.html"), []byte(strings.Repeat("<div>", 100_000)+hostilePage), 0o644)
	if err := mkfifo(filepath.Join(in, "fifo.html")); err != nil {
		t.Log("no FIFO:", err)
	}
	regular := 0 // a FIFO in a directory is not an input: the walk takes regular files only
	entries, _ := os.ReadDir(in)
	for _, e := range entries {
		if e.Type().IsRegular() {
			regular++
		}
	}

	out := filepath.Join(t.TempDir(), "out.jsonl")
	_, stderr, code := runCLI(t, "-j", "2", "-o", out, in)
	if code != exitPartial {
		t.Errorf("exit %d, want %d; stderr %q", code, exitPartial, stderr)
	}
	checkTerminalSafe(t, "stderr", stderr)
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	records, failed := 0, 0
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 64<<20)
	for sc.Scan() {
		var rec struct{ Source, Text, Error string }
		if err := json.Unmarshal(sc.Bytes(), &rec); err != nil {
			t.Fatalf("bad record %q: %v", sc.Text(), err)
		}
		records++
		switch {
		case rec.Error != "":
			failed++
			checkTerminalSafe(t, "error record", rec.Error)
			if !strings.HasPrefix(rec.Source, in) {
				t.Errorf("error record %q does not name its input: source %q", rec.Error, rec.Source)
			}
		case rec.Text == "":
			t.Errorf("%s: neither text nor error", rec.Source)
		}
	}
	if records != regular {
		t.Errorf("%d records for %d files", records, regular)
	}
	if failed < 6 {
		t.Errorf("only %d error records", failed)
	}

	// One file per input under a directory: failures are stderr lines, safe to print.
	outDir := filepath.Join(t.TempDir(), "out")
	_, stderr, code = runCLI(t, "-o", outDir, "-f", "markdown", in)
	if code != exitPartial {
		t.Errorf("-o DIR: exit %d, want %d", code, exitPartial)
	}
	checkTerminalSafe(t, "stderr", stderr)
	if !strings.Contains(stderr, "evil-") {
		t.Errorf("the file with escapes in its name is not reported: %q", stderr)
	}
}

// TestCLIBatchURLNamesStayInside: output files named after hostile URLs all land inside
// the output directory.
func TestCLIBatchURLNamesStayInside(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Write([]byte(hostilePage))
	}))
	defer srv.Close()
	paths := []string{
		"/../../escape.html", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/a/%2e%2e%2f%2e%2e%2fb", "/con", "/NUL.txt",
		"/" + strings.Repeat("long", 100), "/%00nul", "/%1b%5b31m", "/a%5c..%5c..%5cwin", "/C:/x", "/dir/", "/?q=../../x",
	}
	args := []string{"-o", "", "-f", "markdown"}
	for _, p := range paths {
		args = append(args, srv.URL+p)
	}
	base := t.TempDir()
	outDir := filepath.Join(base, "out")
	args[1] = outDir
	_, stderr, code := runCLI(t, args...)
	if code != exitOK {
		t.Fatalf("exit %d; stderr %q", code, stderr)
	}
	entries, _ := os.ReadDir(base)
	if len(entries) != 1 || entries[0].Name() != "out" {
		t.Errorf("files outside the output directory: %v", entries)
	}
	n := 0
	filepath.WalkDir(outDir, func(p string, d fs.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			n++
			if rel, _ := filepath.Rel(outDir, p); !filepath.IsLocal(rel) {
				t.Errorf("%s is outside %s", p, outDir)
			}
		}
		return nil
	})
	if n != len(paths) {
		t.Errorf("%d files for %d URLs", n, len(paths))
	}
}

// TestCLIBatchRecordNamesStayInside: output files named after hostile JSONL ids and
// inputs given with "../" or absolute paths all land inside the output directory.
func TestCLIBatchRecordNamesStayInside(t *testing.T) {
	base := t.TempDir()
	work := filepath.Join(base, "work")
	os.MkdirAll(filepath.Join(work, "sub"), 0o755)
	ids := []string{"../../../escape", "/etc/passwd", "con", "a\x00b", strings.Repeat("x", 300), "\x1b[31m", "..", "C:\\Windows\\win.ini"}
	var lines []string
	for _, id := range ids {
		rec, _ := json.Marshal(map[string]string{"id": id, "html": hostilePage})
		lines = append(lines, string(rec))
	}
	corpus := filepath.Join(work, "corpus.jsonl")
	os.WriteFile(corpus, []byte(strings.Join(lines, "\n")+"\n"), 0o644)
	os.WriteFile(filepath.Join(base, "up.html"), []byte(hostilePage), 0o644)
	abs := filepath.Join(base, "abs.html")
	os.WriteFile(abs, []byte(hostilePage), 0o644)
	t.Chdir(filepath.Join(work, "sub"))

	outDir := filepath.Join(work, "out")
	_, stderr, code := runCLI(t, "-o", outDir, "-f", "markdown", corpus, "../../up.html", abs)
	if code != exitOK {
		t.Fatalf("exit %d; stderr %q", code, stderr)
	}
	n := 0
	filepath.WalkDir(base, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() || !strings.HasSuffix(p, ".md") {
			return nil
		}
		n++
		if rel, err := filepath.Rel(outDir, p); err != nil || !filepath.IsLocal(rel) {
			t.Errorf("%s is outside %s", p, outDir)
		}
		return nil
	})
	if n != len(ids)+2 {
		t.Errorf("%d output files for %d inputs", n, len(ids)+2)
	}
}

// TestCLIBatchURLFaults: a batch of failing URLs and one good one finishes with exit 3 and
// one record per URL, in order: the good one cleaned, each other an error saying why.
func TestCLIBatchURLFaults(t *testing.T) {
	srv, cases := faultServer(t)
	args := []string{"--retries", "0", "--timeout", "300ms", "--max-size", "65536", "-o", filepath.Join(t.TempDir(), "out.jsonl"), srv.URL + "/ok"}
	for _, c := range cases {
		args = append(args, srv.URL+c.path)
	}
	_, stderr, code := runCLI(t, args...)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitPartial, stderr)
	}
	checkTerminalSafe(t, "stderr", stderr)
	data, err := os.ReadFile(args[7])
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(lines) != len(cases)+1 {
		t.Fatalf("%d records for %d URLs", len(lines), len(cases)+1)
	}
	for i, line := range lines {
		var rec struct{ Source, Text, Error string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatal(err)
		}
		checkTerminalSafe(t, "record", rec.Error)
		if i == 0 {
			if rec.Error != "" || !strings.Contains(rec.Text, "raise spending") {
				t.Errorf("the good URL: %+v", rec)
			}
			continue
		}
		if c := cases[i-1]; rec.Source != srv.URL+c.path || !strings.Contains(rec.Error, c.want) {
			t.Errorf("record %d: source %q error %q; want %s and %q", i, rec.Source, rec.Error, c.path, c.want)
		}
	}
}

// TestCLIHostileFileName: a file name holding escape sequences reaches no output raw (JSON
// and YAML escape it, exactly), and a batch over it can be resumed: its records keep the
// exact name, which the rerun matches against its inputs.
func TestCLIHostileFileName(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "a\x1b]0;owned\x07\x1b[31m.html")
	if err := os.WriteFile(name, []byte(hostilePage), 0o644); err != nil {
		t.Skip("file system refuses the name:", err)
	}
	os.WriteFile(filepath.Join(dir, "b.html"), []byte(hostilePage), 0o644)
	for _, args := range [][]string{{"-f", "json"}, {"--front-matter"}, {"-f", "text"}, {"-f", "jsonl"}} {
		stdout, stderr, code := runCLI(t, append(args, name)...)
		if code != exitOK {
			t.Fatalf("%v: exit %d, %q", args, code, stderr)
		}
		checkTerminalSafe(t, fmt.Sprint(args), stdout)
		if args[0] == "-f" && args[1] == "json" {
			var rec struct{ Source string }
			if err := json.Unmarshal([]byte(stdout), &rec); err != nil || rec.Source != name {
				t.Errorf("source %q, want the exact name %q (%v)", rec.Source, name, err)
			}
		}
	}
	out := filepath.Join(t.TempDir(), "out.jsonl")
	for run := 1; run <= 2; run++ {
		_, stderr, code := runCLI(t, "-o", out, dir)
		if code != exitOK {
			t.Fatalf("run %d: exit %d, %q", run, code, stderr)
		}
		checkTerminalSafe(t, "stderr", stderr)
		if run == 2 && !strings.Contains(stderr, "2 skipped") {
			t.Errorf("rerun did not resume: %q", stderr)
		}
	}
}

// TestCLIBatchHostileJSONL: a JSONL corpus of broken and hostile records finishes with
// exit 3 and one record per line, in order: the good lines cleaned, each bad one an error.
func TestCLIBatchHostileJSONL(t *testing.T) {
	good, _ := json.Marshal(map[string]string{"id": "good", "html": hostilePage})
	big, _ := json.Marshal(map[string]string{"id": "big", "html": hostilePage + strings.Repeat("<p>more</p>", 10_000)})
	objectID, _ := json.Marshal(map[string]any{"id": map[string]any{"a": []any{1, 2}}, "html": hostilePage})
	lines := []struct{ line, want string }{
		{string(good), ""},
		{"this is not JSON", "error"},
		{string(big), "over the 65536-byte cap"},
		{`{"id": "none"}`, "error"},
		{`{"id": "nul", "html": "\u0000\u0001\u001b[2J"}`, "error"},
		{strings.Repeat("[", 100_000) + strings.Repeat("]", 100_000), "error"},
		{`{"id": "cut", "html": "<p>unterminated`, "error"},
		{`{"id": "text", "text": "The committee met on Tuesday to discuss the budget for next year, and after a long debate it agreed to raise spending on schools and roads by a tenth."}`, ""},
		{string(objectID), ""},
		{`{"html": "<p>first</p>", "html": ` + string(mustJSON(t, hostilePage)) + `}`, ""},
		{`{"id": "esc\u001b[31m", "html": "\u001b]0;owned\u0007"}`, ""}, // cleaned: the escape sequence loses its ESC and BEL
	}
	var corpus strings.Builder
	for _, l := range lines {
		corpus.WriteString(l.line + "\n")
	}
	dir := t.TempDir()
	in := filepath.Join(dir, "corpus.jsonl")
	os.WriteFile(in, []byte(corpus.String()), 0o644)
	out := filepath.Join(dir, "out.jsonl")
	start := time.Now()
	_, stderr, code := runCLI(t, "--max-size", "65536", "-o", out, in)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitPartial, stderr)
	}
	if d := time.Since(start); d > 30*time.Second {
		t.Errorf("took %s", d)
	}
	checkTerminalSafe(t, "stderr", stderr)
	data, _ := os.ReadFile(out)
	recs := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(recs) != len(lines) {
		t.Fatalf("%d records for %d lines:\n%s", len(recs), len(lines), data)
	}
	for i, r := range recs {
		var rec struct{ Source, Text, Error string }
		if err := json.Unmarshal([]byte(r), &rec); err != nil {
			t.Fatalf("record %d: %v", i+1, err)
		}
		checkTerminalSafe(t, "record", rec.Error+rec.Text)
		if rec.Source != fmt.Sprintf("%s:%d", in, i+1) {
			t.Errorf("record %d: source %q", i+1, rec.Source)
		}
		switch want := lines[i].want; {
		case want == "" && (rec.Error != "" || rec.Text == ""):
			t.Errorf("line %d: want text, got error %q", i+1, rec.Error)
		case want != "" && (rec.Error == "" || (want != "error" && !strings.Contains(rec.Error, want))):
			t.Errorf("line %d: want an error saying %q, got %q (text %q)", i+1, want, rec.Error, rec.Text)
		}
	}
}

func mustJSON(t *testing.T, v any) []byte {
	t.Helper()
	b, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestCLIBatchJSONLGzipBomb: a record expanding far past the cap inside a .jsonl.gz fails
// alone; the record after it is cleaned.
func TestCLIBatchJSONLGzipBomb(t *testing.T) {
	dir := t.TempDir()
	in := filepath.Join(dir, "corpus.jsonl.gz")
	f, err := os.Create(in)
	if err != nil {
		t.Fatal(err)
	}
	zw := gzip.NewWriter(f)
	zw.Write([]byte(`{"id": "bomb", "html": "`))
	chunk := []byte(strings.Repeat("a", 1<<20))
	for i := 0; i < 64; i++ {
		zw.Write(chunk)
	}
	zw.Write([]byte("\"}\n"))
	zw.Write(append(mustJSON(t, map[string]string{"id": "good", "html": hostilePage}), '\n'))
	zw.Close()
	f.Close()
	out := filepath.Join(dir, "out.jsonl")
	_, stderr, code := runCLI(t, "--max-size", "1048576", "-o", out, in)
	if code != exitPartial {
		t.Fatalf("exit %d, want %d; stderr %q", code, exitPartial, stderr)
	}
	data, _ := os.ReadFile(out)
	recs := strings.Split(strings.TrimSpace(string(data)), "\n")
	if len(recs) != 2 || !strings.Contains(recs[0], "cap") || !strings.Contains(recs[1], "raise spending") {
		t.Errorf("records:\n%.500s", data)
	}
}
