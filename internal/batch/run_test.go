package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cleanhq/clean"

	"github.com/cleanhq/clean/internal/source"
)

// TestBatchTimeLimitRecords: inputs over the time limit still get their record, with
// their id, in order.
func TestBatchTimeLimitRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.jsonl")
	var in strings.Builder
	for _, id := range []string{"a", "b", "c", "d"} {
		in.WriteString(`{"id":"` + id + `","url":"https://x.example/` + id + `","text":"Some text that would be the article."}` + "\n")
	}
	os.WriteFile(path, []byte(in.String()), 0o644)
	var out bytes.Buffer
	b, err := New(Config{
		Inputs:     &Inputs{Args: []string{path}, JSONL: source.JSONLOptions{Fields: []string{"text"}, IDField: "id", URLField: "url"}},
		Sink:       Stream{W: &out},
		Workers:    2,
		DocTimeout: time.Nanosecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	st, err := b.Run(context.Background())
	if err != nil || st.Failed != 4 {
		t.Fatalf("stats %+v, err %v", st, err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d records:\n%s", len(lines), out.String())
	}
	for i, line := range lines {
		var rec struct{ ID, URL, Error string }
		json.Unmarshal([]byte(line), &rec)
		want := string(rune('a' + i))
		if rec.ID != want || rec.URL != "https://x.example/"+want || !strings.Contains(rec.Error, "time limit") {
			t.Errorf("record %d: %s", i, line)
		}
	}
}

// New refuses a batch that could not run, instead of a zero value that panics or drops
// records; the defaults it fills in make a minimal batch work.
func TestNewValidates(t *testing.T) {
	in := &Inputs{Args: []string{"x.html"}}
	for name, cfg := range map[string]Config{
		"no inputs":        {Sink: Stream{W: io.Discard}},
		"no output":        {Inputs: in},
		"negative workers": {Inputs: in, Sink: Stream{W: io.Discard}, Workers: -1},
		"negative limit":   {Inputs: in, Sink: Stream{W: io.Discard}, DocTimeout: -time.Second},
	} {
		if _, err := New(cfg); err == nil {
			t.Errorf("%s: accepted", name)
		}
	}
	var out bytes.Buffer
	b, err := New(Config{Inputs: &Inputs{Args: []string{filepath.Join(t.TempDir(), "missing.html")}}, Sink: Stream{W: &out}})
	if err != nil {
		t.Fatal(err)
	}
	st, err := b.Run(context.Background())
	if err != nil || st.Failed != 1 || !strings.Contains(out.String(), `"error":"no such file or directory"`) {
		t.Errorf("minimal batch: %+v, %v, %s", st, err, out.String())
	}
}

// A JSONL corpus into a directory resumes: the second run writes nothing and counts every
// record as skipped; the records are decoded by the workers, never while being read.
func TestDirResumeDecodesInWorkers(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "in.jsonl")
	var in strings.Builder
	for _, id := range []string{"a", "b", "c"} {
		in.WriteString(`{"id":"` + id + `","text":"A paragraph of text that is long enough to be the article, with a full stop."}` + "\n")
	}
	os.WriteFile(path, []byte(in.String()), 0o644)
	for run, want := range []Stats{{Done: 3}, {Skipped: 3}} {
		d, err := OpenDir(filepath.Join(dir, "out"), clean.FormatText)
		if err != nil {
			t.Fatal(err)
		}
		sink := &decodeWatch{Dir: d, t: t}
		b, err := New(Config{Inputs: &Inputs{Args: []string{path}, JSONL: source.JSONLOptions{Fields: []string{"text"}, IDField: "id"}},
			Sink: sink, Workers: 2})
		if err != nil {
			t.Fatal(err)
		}
		st, err := b.Run(context.Background())
		d.Close()
		if err != nil || st.Done != want.Done || st.Skipped != want.Skipped || st.Failed != 0 {
			t.Errorf("run %d: %+v, %v; want %+v", run, st, err, want)
		}
	}
	found := false
	filepath.WalkDir(filepath.Join(dir, "out"), func(p string, _ fs.DirEntry, _ error) error {
		found = found || strings.HasSuffix(filepath.ToSlash(p), "/in/line-2-b.txt")
		return nil
	})
	if !found {
		t.Error("no file in/line-2-b.txt under out/")
	}
}

// decodeWatch fails the test when a JSONL task is decoded by the time Finished returns,
// that is on the goroutine that reads the inputs.
type decodeWatch struct {
	*Dir
	t *testing.T
}

func (w *decodeWatch) Finished(t *Task) (bool, error) {
	done, err := w.Dir.Finished(t)
	if strings.Contains(t.Name, ".jsonl:") && t.record == nil {
		w.t.Errorf("%s decoded while the inputs are read", t.Name)
	}
	return done, err
}
