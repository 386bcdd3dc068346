package batch

import (
	"context"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/cleanhq/clean/internal/source"
)

func testFetcher(retries int) *Fetcher {
	return &Fetcher{Source: source.Options{Client: source.NewClient(2 * time.Second)},
		Retries: retries, Backoff: 5 * time.Millisecond}
}

func TestFetcherRetriesTemporaryErrors(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch calls.Add(1) {
		case 1:
			w.WriteHeader(http.StatusServiceUnavailable)
		case 2:
			w.Header().Set("Retry-After", "1")
			w.WriteHeader(http.StatusTooManyRequests)
		default:
			w.Header().Set("Content-Type", "text/html")
			w.Write([]byte("<p>ok</p>"))
		}
	}))
	defer srv.Close()
	start := time.Now()
	in, err := testFetcher(3).Read(context.Background(), srv.URL+"/a")
	if err != nil {
		t.Fatal(err)
	}
	if string(in.Data) != "<p>ok</p>" || calls.Load() != 3 {
		t.Errorf("data %q after %d calls", in.Data, calls.Load())
	}
	if time.Since(start) < time.Second {
		t.Errorf("Retry-After: 1 not honoured (took %s)", time.Since(start))
	}
}

func TestFetcherGivesUp(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if strings.HasSuffix(r.URL.Path, "/gone") {
			w.WriteHeader(http.StatusNotFound)
			return
		}
		w.WriteHeader(http.StatusBadGateway)
	}))
	defer srv.Close()
	f := testFetcher(2)
	if _, err := f.Read(context.Background(), srv.URL+"/bad"); err == nil || !strings.Contains(err.Error(), "502") {
		t.Errorf("err = %v, want HTTP 502", err)
	}
	if calls.Load() != 3 {
		t.Errorf("%d calls for 2 retries, want 3", calls.Load())
	}
	calls.Store(0)
	if _, err := f.Read(context.Background(), srv.URL+"/gone"); err == nil || calls.Load() != 1 {
		t.Errorf("404 retried: err %v, %d calls", err, calls.Load())
	}
}

func TestFetcherRetriesTimeouts(t *testing.T) {
	var calls atomic.Int32
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if calls.Add(1) == 1 {
			time.Sleep(300 * time.Millisecond)
		}
		w.Write([]byte("late but fine"))
	}))
	defer srv.Close()
	f := testFetcher(1)
	f.Source.Client = source.NewClient(100 * time.Millisecond)
	in, err := f.Read(context.Background(), srv.URL)
	if err != nil || calls.Load() != 2 {
		t.Fatalf("err %v after %d calls", err, calls.Load())
	}
	if string(in.Data) != "late but fine" {
		t.Errorf("data %q", in.Data)
	}
}

// TestFetcherPerHostLimitAndDelay: never more than PerHost requests at once to a host,
// and starts spaced by Delay.
func TestFetcherPerHostLimitAndDelay(t *testing.T) {
	var mu sync.Mutex
	var cur, peak int
	var starts []time.Time
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		mu.Lock()
		cur++
		peak = max(peak, cur)
		starts = append(starts, time.Now())
		mu.Unlock()
		time.Sleep(30 * time.Millisecond)
		mu.Lock()
		cur--
		mu.Unlock()
		w.Write([]byte("x"))
	}))
	defer srv.Close()
	f := testFetcher(0)
	f.PerHost, f.Delay = 2, 10*time.Millisecond
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			if _, err := f.Read(context.Background(), srv.URL); err != nil {
				t.Error(err)
			}
		})
	}
	wg.Wait()
	if peak > 2 {
		t.Errorf("%d requests at once, limit 2", peak)
	}
	// Starts are booked 10ms apart; the server sees them with some network jitter.
	if span := starts[len(starts)-1].Sub(starts[0]); span < 60*time.Millisecond {
		t.Errorf("8 requests within %s, want them spaced by 10ms", span)
	}
}

func TestParseRetryAfter(t *testing.T) {
	now := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for v, want := range map[string]time.Duration{
		"5": 5 * time.Second, "0": 0, "Thu, 01 Jan 2026 00:00:30 GMT": 30 * time.Second,
	} {
		if got, ok := parseRetryAfter(v, now); !ok || got != want {
			t.Errorf("parseRetryAfter(%q) = %v, %v", v, got, ok)
		}
	}
	for _, v := range []string{"", "soon", "-3"} {
		if _, ok := parseRetryAfter(v, now); ok {
			t.Errorf("parseRetryAfter(%q) accepted", v)
		}
	}
}
