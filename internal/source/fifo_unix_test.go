//go:build unix

package source

import (
	"context"
	"os"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestFIFO: a named pipe that nobody writes to must not hang (it reads as empty, which the
// pipeline refuses as "empty input"); one written to too slowly ends at the time limit.
func TestFIFO(t *testing.T) {
	p := filepath.Join(t.TempDir(), "fifo")
	if err := syscall.Mkfifo(p, 0o600); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	start := time.Now()
	in, err := namedRead(context.Background(), p, Options{Timeout: 2 * time.Second})
	if err != nil || len(in.Data) != 0 {
		t.Errorf("a FIFO without a writer: got %q, %v; want it read as empty", in.Data, err)
	}
	if d := time.Since(start); d > time.Second {
		t.Errorf("a FIFO without a writer took %s", d)
	}

	// A writer that opens the pipe but never finishes: the read must stop at the time limit.
	// (Opening a FIFO read-write does not wait for the other end.)
	w, err := os.OpenFile(p, os.O_RDWR, 0)
	if err != nil {
		t.Fatal(err)
	}
	defer w.Close()
	if _, err := w.Write([]byte("<p>partial")); err != nil {
		t.Fatal(err)
	}
	start = time.Now()
	_, err = namedRead(context.Background(), p, Options{Timeout: 300 * time.Millisecond})
	wantError(t, err, p, "timed out after 300ms (--timeout)")
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("a stalled FIFO took %s with a 300ms limit", d)
	}
}
