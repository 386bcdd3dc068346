package main

import (
	"bytes"
	"context"
	"errors"
	"net/http"
	"net/http/httptest"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"testing"
	"time"
)

// TestContextReachesCommands: the context given to execute (in run, the one a signal
// cancels) is the one every command works in: cancelling it stops a fetch that would
// otherwise wait for --timeout.
func TestContextReachesCommands(t *testing.T) {
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-r.Context().Done():
		case <-time.After(20 * time.Second):
		}
	}))
	defer srv.Close()
	for _, args := range [][]string{
		{srv.URL + "/page"}, // one document
		{"-o", t.TempDir(), srv.URL + "/a", srv.URL + "/b"}, // a batch
		{"learn", srv.URL + "/page"},                        // learning
	} {
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		var out, errb bytes.Buffer
		start := time.Now()
		code := execute(ctx, append(args, "--timeout", "15s"), streams{in: strings.NewReader(""), out: &out, err: &errb})
		cancel()
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("clean %q went on for %s after its context was cancelled", args, d)
		}
		t.Logf("clean %q: exit %d, stderr %q", args, code, errb.String())
		if code == exitOK {
			t.Errorf("clean %q: exit 0 although cancelled", args)
		}
	}
}

// TestInterruptCancels: SIGINT cancels the context of a single-document run too: a fetch
// that would wait for --timeout stops at once, with the usual one-line error (the cause: the signal) and exit 1.
func TestInterruptCancels(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("no SIGINT to send on Windows")
	}
	asked := make(chan struct{}, 1)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		asked <- struct{}{}
		select {
		case <-r.Context().Done():
		case <-time.After(20 * time.Second):
		}
	}))
	defer srv.Close()
	var stderr bytes.Buffer
	cmd := exec.Command("clean", "--timeout", "15s", srv.URL+"/page") // the test binary, see TestMain
	cmd.Stderr = &stderr
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	select {
	case <-asked:
	case <-time.After(10 * time.Second):
		cmd.Process.Kill()
		t.Fatal("clean never fetched the page")
	}
	start := time.Now()
	cmd.Process.Signal(os.Interrupt)
	err := cmd.Wait()
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("clean took %s to stop after SIGINT", d)
	}
	var ee *exec.ExitError
	if !errors.As(err, &ee) || ee.ExitCode() != exitFailure {
		t.Errorf("interrupted: %v, want exit 1", err)
	}
	if want := "clean: " + srv.URL + "/page: interrupt signal received\n"; stderr.String() != want {
		t.Errorf("stderr %q, want %q", stderr.String(), want)
	}
}
