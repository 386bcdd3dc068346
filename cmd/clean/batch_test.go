package main

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// writeCorpus writes a JSONL file of n small HTML documents with ids doc-0… and returns
// its path.
func writeCorpus(t *testing.T, dir string, n int) string {
	t.Helper()
	path := filepath.Join(dir, "corpus.jsonl")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	w := bufio.NewWriter(f)
	for i := range n {
		var body strings.Builder
		for p := range 8 {
			fmt.Fprintf(&body, "<p>Paragraph %d of document %d tells a short story about a town, its river and the bridge the council wants to build.</p>", p, i)
		}
		rec, _ := json.Marshal(map[string]any{"id": fmt.Sprintf("doc-%d", i),
			"url":  fmt.Sprintf("https://town%d.example/news/%d", i%7, i),
			"html": "<html><head><title>Story " + fmt.Sprint(i) + "</title></head><body><nav>Home</nav><article>" + body.String() + "</article></body></html>"})
		w.Write(rec)
		w.WriteByte('\n')
	}
	if err := w.Flush(); err != nil {
		t.Fatal(err)
	}
	f.Close()
	return path
}

// proc is a clean command running in the background.
type proc struct {
	cmd    *exec.Cmd
	stderr strings.Builder
	done   chan struct{}
	err    error // once done is closed
}

// startClean starts the clean command (the test binary, see TestMain) in dir.
func startClean(t *testing.T, dir string, args ...string) *proc {
	t.Helper()
	p := &proc{cmd: exec.Command("clean", args...), done: make(chan struct{})}
	p.cmd.Dir = dir
	p.cmd.Stderr = &p.stderr
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { p.err = p.cmd.Wait(); close(p.done) }()
	return p
}

func (p *proc) wait() error {
	<-p.done
	return p.err
}

// waitForOutput waits until path exists and is at least size bytes; the batch must still
// be running then.
func waitForOutput(t *testing.T, p *proc, path string, size int64) {
	t.Helper()
	for {
		if info, err := os.Stat(path); err == nil && info.Size() >= size {
			return
		}
		select {
		case <-p.done:
			t.Fatalf("the batch ended before it could be interrupted (%v: %s)", p.err, p.stderr.String())
		case <-time.After(2 * time.Millisecond):
		}
	}
}

// checkRecords checks that out holds exactly one valid record per input doc-0…doc-(n-1),
// in order.
func checkRecords(t *testing.T, out string, n int) {
	t.Helper()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
	if len(lines) != n {
		t.Fatalf("%d records, want %d", len(lines), n)
	}
	for i, line := range lines {
		var rec struct{ ID, Source, Text, Error string }
		if err := json.Unmarshal([]byte(line), &rec); err != nil {
			t.Fatalf("record %d: %v: %.80s", i, err, line)
		}
		want := fmt.Sprintf("doc-%d", i)
		if rec.ID != want || rec.Error != "" || !strings.Contains(rec.Text, "document "+fmt.Sprint(i)+" tells") {
			t.Fatalf("record %d is %s (%s), want %s", i, rec.ID, rec.Error, want)
		}
	}
}

// TestResumeAfterKill kills a JSONL batch with SIGKILL mid-way (its file then usually ends
// in a partial line), reruns the same command, and checks that every input has exactly one
// record, in order.
func TestResumeAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real batches")
	}
	dir := t.TempDir()
	const n = 3000
	writeCorpus(t, dir, n)
	out := filepath.Join(dir, "out.jsonl")
	args := []string{"-j", "2", "-o", "out.jsonl", "corpus.jsonl"}
	cmd := startClean(t, dir, args...)
	waitForOutput(t, cmd, out, 1)
	cmd.cmd.Process.Kill()
	err := cmd.wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.Sys().(syscall.WaitStatus).Signal() != syscall.SIGKILL {
		t.Fatalf("first run was not killed: %v", err)
	}
	data, _ := os.ReadFile(out)
	if strings.Count(string(data), "\n") >= n {
		t.Fatalf("the killed run had finished")
	}
	t.Logf("killed with %d bytes written, partial last line: %v", len(data), !strings.HasSuffix(string(data), "\n"))

	rerun := startClean(t, dir, args...)
	if err := rerun.wait(); err != nil {
		t.Fatalf("rerun: %v: %s", err, rerun.stderr.String())
	}
	if summary := rerun.stderr.String(); strings.Contains(summary, " 0 skipped") {
		t.Errorf("rerun skipped nothing: %s", summary)
	}
	checkRecords(t, out, n)
}

// TestResumeAfterInterrupt: Ctrl-C (SIGINT) stops a batch cleanly (exit 1, a message to
// run again); the rerun completes it.
func TestResumeAfterInterrupt(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real batches")
	}
	dir := t.TempDir()
	const n = 3000
	writeCorpus(t, dir, n)
	out := filepath.Join(dir, "out.jsonl")
	args := []string{"-j", "2", "-o", "out.jsonl", "corpus.jsonl"}
	cmd := startClean(t, dir, args...)
	waitForOutput(t, cmd, out, 1)
	cmd.cmd.Process.Signal(os.Interrupt)
	err := cmd.wait()
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
		t.Fatalf("interrupted run: %v, want exit 1", err)
	}
	if !strings.Contains(cmd.stderr.String(), "interrupted; run the same command again") {
		t.Errorf("stderr: %s", cmd.stderr.String())
	}
	data, _ := os.ReadFile(out)
	if len(data) > 0 && !strings.HasSuffix(string(data), "\n") {
		t.Errorf("an interrupted run left a partial line")
	}
	if rerun := startClean(t, dir, args...); rerun.wait() != nil {
		t.Fatalf("rerun: %s", rerun.stderr.String())
	}
	checkRecords(t, out, n)
}

// TestResumeDirAfterKill: the same with -o DIR: every input ends with one complete file.
func TestResumeDirAfterKill(t *testing.T) {
	if testing.Short() {
		t.Skip("runs real batches")
	}
	dir := t.TempDir()
	const n = 1500
	writeCorpus(t, dir, n)
	args := []string{"-j", "2", "-f", "text", "-o", "out", "corpus.jsonl"}
	cmd := startClean(t, dir, args...)
	waitForOutput(t, cmd, filepath.Join(dir, "out", "corpus", "line-20-doc-19.txt"), 1)
	cmd.cmd.Process.Kill()
	cmd.wait()
	if rerun := startClean(t, dir, args...); rerun.wait() != nil {
		t.Fatalf("rerun: %s", rerun.stderr.String())
	}
	files, _ := filepath.Glob(filepath.Join(dir, "out", "corpus", "*"))
	if len(files) != n {
		t.Errorf("%d files, want %d", len(files), n)
	}
	for i := range n {
		name := filepath.Join(dir, "out", "corpus", fmt.Sprintf("line-%d-doc-%d.txt", i+1, i))
		data, err := os.ReadFile(name)
		if err != nil || !strings.HasSuffix(string(data), fmt.Sprintf("Paragraph 7 of document %d tells a short story about a town, its river and the bridge the council wants to build.\n", i)) {
			t.Fatalf("%s: %v, incomplete: %.60q", name, err, data)
		}
	}
}

// TestBatchURLs: URLs from an input list are fetched (a 503 with Retry-After is retried),
// each gives its record in list order, and a 404 is an error record (exit 3).
func TestBatchURLs(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/busy":
			if calls.Add(1) == 1 {
				w.Header().Set("Retry-After", "0")
				w.WriteHeader(http.StatusServiceUnavailable)
				return
			}
			fallthrough
		case "/ok":
			w.Header().Set("Content-Type", "text/html")
			fmt.Fprintf(w, "<html><body><article><p>The page at %s has a paragraph long enough to be the article.</p></article></body></html>", r.URL.Path)
		default:
			http.NotFound(w, r)
		}
	}))
	defer srv.Close()
	list := filepath.Join(t.TempDir(), "urls.txt")
	os.WriteFile(list, []byte(srv.URL+"/busy\n"+srv.URL+"/missing\n"+srv.URL+"/ok\n"), 0o644)
	out, stderr, code := runClean(t, "--no-user-rules", "--input-list", list, "--per-host", "1")
	if code != exitPartial {
		t.Fatalf("exit %d, want 3: %s", code, stderr)
	}
	var recs []struct{ Source, Text, Error string }
	for _, line := range strings.Split(strings.TrimSpace(out), "\n") {
		var r struct{ Source, Text, Error string }
		if err := json.Unmarshal([]byte(line), &r); err != nil {
			t.Fatal(err)
		}
		recs = append(recs, r)
	}
	if len(recs) != 3 || !strings.HasSuffix(recs[0].Source, "/busy") || !strings.HasSuffix(recs[2].Source, "/ok") {
		t.Fatalf("records %+v", recs)
	}
	if !strings.Contains(recs[0].Text, "The page at /busy") || calls.Load() != 2 {
		t.Errorf("busy page: %+v after %d calls", recs[0], calls.Load())
	}
	if recs[1].Error != "HTTP 404 Not Found" {
		t.Errorf("missing page: error %q", recs[1].Error)
	}
}
