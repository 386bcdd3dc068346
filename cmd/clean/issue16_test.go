package main

import (
	"bytes"
	"context"
	"io"
	"net/http"
	"net/http/httptest"
	"runtime/debug"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cleanhq/clean/internal/faultserver"
)

// A single URL is retried after 429 and 5xx as a batch's URLs are, --retries times.
func TestSingleURLRetried(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) <= 2 {
			w.Header().Set("Retry-After", "0")
			http.Error(w, "busy", http.StatusServiceUnavailable)
			return
		}
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, article)
	}))
	defer srv.Close()

	out, stderr, code := runCLI(t, srv.URL+"/story")
	if code != exitOK || !strings.Contains(out, "# The lighthouse keeper's log") || calls.Load() != 3 {
		t.Errorf("exit %d after %d requests: %s%s", code, calls.Load(), stderr, out)
	}
	calls.Store(0)
	_, stderr, code = runCLI(t, "--retries", "1", srv.URL+"/story")
	if code != exitFailure || stderr != "clean: "+srv.URL+"/story: HTTP 503 Service Unavailable (Retry-After: \"0\")\n" || calls.Load() != 2 {
		t.Errorf("--retries 1: exit %d after %d requests, stderr %q", code, calls.Load(), stderr)
	}
}

// A Retry-After longer than --timeout is not waited for by a single URL: the error says
// when to come back.
func TestSingleURLLongRetryAfter(t *testing.T) {
	srv := faultserver.New(t, article)
	start := time.Now()
	_, stderr, code := runCLI(t, "--timeout", "5s", srv.URL+"/429")
	if code != exitFailure || !strings.HasSuffix(stderr, `: HTTP 429 Too Many Requests (Retry-After: "120")`+"\n") {
		t.Errorf("exit %d, stderr %q", code, stderr)
	}
	if d := time.Since(start); d > 4*time.Second {
		t.Errorf("took %s", d)
	}
}

// With no INPUT and no standard input to read (a terminal), the usage is printed and
// the exit code is 2.
func TestNoInputOnATerminal(t *testing.T) {
	var out, errb bytes.Buffer
	code := execute(context.Background(), nil, streams{in: nil, out: &out, err: &errb})
	if code != exitUsage || out.Len() != 0 || !strings.HasPrefix(errb.String(), "Usage:\n  clean [flags] INPUT") ||
		!strings.HasSuffix(errb.String(), "\nclean: want an INPUT (a file, an http(s) URL or -)\n") {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out.String(), errb.String())
	}
}

// --version gives the module version and the VCS revision the go command recorded.
func TestVersionOf(t *testing.T) {
	rev := []debug.BuildSetting{{Key: "vcs.revision", Value: "9a8faef5d8b1"}, {Key: "vcs.modified", Value: "true"}}
	for _, c := range []struct {
		set  string
		info *debug.BuildInfo
		want string
	}{
		{"dev", nil, "dev"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}}, "v1.4.0"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "(devel)"}, Settings: rev}, "dev (revision 9a8faef5d8b1, modified)"},
		{"dev", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.1-0.20261203-9a8faef5d8b1"}, Settings: rev[:1]},
			"v1.4.1-0.20261203-9a8faef5d8b1 (revision 9a8faef5d8b1)"},
		{"v2.0.0", &debug.BuildInfo{Main: debug.Module{Version: "v1.4.0"}, Settings: rev[:1]}, "v2.0.0 (revision 9a8faef5d8b1)"},
	} {
		if got := versionOf(c.set, c.info); got != c.want {
			t.Errorf("versionOf(%q, %+v) = %q, want %q", c.set, c.info, got, c.want)
		}
	}
}
