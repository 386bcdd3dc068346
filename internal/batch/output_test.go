package batch

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"

	"github.com/cleanhq/clean"
)

// fullDisk is a Dir on a disk that fills up after `room` files: the next write fails as
// a full disk does.
type fullDisk struct {
	*Dir
	room int
}

func (f *fullDisk) Render(t *Task, doc clean.Document, opts clean.WriteOptions) ([]byte, error) {
	if f.room == 0 {
		return nil, &OutputError{Name: f.Target(t), Err: syscall.ENOSPC}
	}
	f.room--
	return f.Dir.Render(t, doc, opts)
}

// An output that cannot be written stops the batch at once, with that one error: it is
// not one failure per input. The files written before stay whole.
func TestOutputErrorStopsTheBatch(t *testing.T) {
	dir := t.TempDir()
	var args []string
	for i := range 20 {
		p := filepath.Join(dir, "in", strconv.Itoa(100+i)+".txt")
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte("Title\n\nA paragraph of text that is long enough to be the article, with a full stop.\n"), 0o644)
		args = append(args, p)
	}
	d, err := OpenDir(filepath.Join(dir, "out"), clean.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	b, err := New(Config{Inputs: &Inputs{Args: args}, Sink: &fullDisk{Dir: d, room: 3}, Workers: 1})
	if err != nil {
		t.Fatal(err)
	}
	st, err := b.Run(context.Background())
	var oe *OutputError
	if !errors.As(err, &oe) || !errors.Is(err, syscall.ENOSPC) || !strings.Contains(err.Error(), "no space left on device") {
		t.Fatalf("error %v, want the full disk's", err)
	}
	if st.Done != 3 || st.Failed != 0 {
		t.Errorf("stats %+v, want 3 done and no input failed", st)
	}
	for _, a := range args[:3] {
		data, err := d.root.ReadFile(filepath.FromSlash(d.Target(&Task{Rel: filepath.ToSlash(a)})))
		if err != nil || !strings.Contains(string(data), "with a full stop.") {
			t.Errorf("%s: finished output lost: %q, %v", a, data, err)
		}
	}
}

// A vanished output directory is an OutputError naming the file, and no temporary name.
func TestDirVanished(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out")
	d, err := OpenDir(out, clean.FormatText)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := os.RemoveAll(out); err != nil {
		t.Fatal(err)
	}
	_, err = d.Render(&Task{Name: "a.txt", Rel: "a.txt"}, clean.Document{Text: "x"}, clean.WriteOptions{})
	var oe *OutputError
	want := "writing " + filepath.Join(out, "a.txt.txt") + ": no such file or directory"
	if !errors.As(err, &oe) || err.Error() != want {
		t.Errorf("error %v, want %s", err, want)
	}
	// A web archive's part too: named by the part, not its temporary file.
	err = d.Emit(&Task{Name: "crawl.warc.gz", Corpus: &Corpus{File: "crawl.warc.gz"}}, []byte("{}\n"))
	want = "writing " + filepath.Join(out, "crawl.warc.gz.jsonl.gz") + ": no such file or directory"
	if !errors.As(err, &oe) || err.Error() != want {
		t.Errorf("part error %v, want %s", err, want)
	}
}
