package batch

import (
	"context"
	"errors"
	"math/rand/v2"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/cleanhq/clean/internal/source"
)

// Fetcher reads a batch's inputs. For URLs it limits the requests in flight per host,
// spaces requests to a host by Delay, and retries 429, 5xx and timeouts with exponential
// backoff, honouring Retry-After. It is safe for concurrent use.
type Fetcher struct {
	Source  source.Options // Client should be set, to share connections
	PerHost int            // concurrent requests per host, default 2
	Delay   time.Duration  // minimum time between the starts of two requests to a host
	Retries int            // retries after the first attempt
	Backoff time.Duration  // first retry wait, doubled each time; default 1s
	MaxWait time.Duration  // longest wait before a retry (Retry-After included); default 2m

	mu    sync.Mutex
	hosts map[string]*hostGate
}

type hostGate struct {
	sem  chan struct{}
	mu   sync.Mutex
	next time.Time // no request to the host starts before this
}

// Read reads one input: a file, "-", or a URL (with limits and retries).
func (f *Fetcher) Read(ctx context.Context, name string) (source.Input, error) {
	if !source.IsURL(name) {
		return source.Read(ctx, name, f.Source)
	}
	gate := f.gate(source.Host(name))
	for attempt := 0; ; attempt++ {
		in, err := f.once(ctx, gate, name)
		wait, retry := f.retryWait(err, attempt)
		if !retry || ctx.Err() != nil {
			return in, err
		}
		gate.delayUntil(time.Now().Add(wait))
		if deadline, ok := ctx.Deadline(); ok && time.Now().Add(wait).After(deadline) {
			return in, err
		}
	}
}

// once makes one request, holding a slot of the host and respecting its spacing.
func (f *Fetcher) once(ctx context.Context, gate *hostGate, name string) (source.Input, error) {
	select {
	case gate.sem <- struct{}{}:
	case <-ctx.Done():
		return source.Input{}, ctx.Err()
	}
	defer func() { <-gate.sem }()
	if err := gate.wait(ctx, f.Delay); err != nil {
		return source.Input{}, err
	}
	return source.Read(ctx, name, f.Source)
}

// retryWait says whether err deserves another attempt, and after how long.
func (f *Fetcher) retryWait(err error, attempt int) (time.Duration, bool) {
	if err == nil || attempt >= f.Retries {
		return 0, false
	}
	maxWait := f.MaxWait
	if maxWait <= 0 {
		maxWait = 2 * time.Minute
	}
	var se *source.StatusError
	if errors.As(err, &se) {
		if !se.Temporary() {
			return 0, false
		}
		if d, ok := parseRetryAfter(se.RetryAfter, time.Now()); ok {
			return d, d <= maxWait
		}
	} else if !isTimeout(err) {
		return 0, false
	}
	backoff := f.Backoff
	if backoff <= 0 {
		backoff = time.Second
	}
	d := backoff << attempt
	d += rand.N(d/4 + 1) // jitter, so that many clients do not retry in step
	return min(d, maxWait), true
}

func isTimeout(err error) bool {
	var t interface{ Timeout() bool }
	return errors.As(err, &t) && t.Timeout()
}

// parseRetryAfter reads a Retry-After header: seconds, or an HTTP date.
func parseRetryAfter(v string, now time.Time) (time.Duration, bool) {
	v = strings.TrimSpace(v)
	if v == "" {
		return 0, false
	}
	if s, err := strconv.Atoi(v); err == nil && s >= 0 {
		return time.Duration(s) * time.Second, true
	}
	if t, err := http.ParseTime(v); err == nil {
		return max(t.Sub(now), 0), true
	}
	return 0, false
}

func (f *Fetcher) gate(host string) *hostGate {
	f.mu.Lock()
	defer f.mu.Unlock()
	if f.hosts == nil {
		f.hosts = map[string]*hostGate{}
	}
	g := f.hosts[host]
	if g == nil {
		n := f.PerHost
		if n <= 0 {
			n = 2
		}
		g = &hostGate{sem: make(chan struct{}, n)}
		f.hosts[host] = g
	}
	return g
}

// wait sleeps until the host may be asked again, then books the next slot delay later.
func (g *hostGate) wait(ctx context.Context, delay time.Duration) error {
	g.mu.Lock()
	start := time.Now()
	if g.next.After(start) {
		start = g.next
	}
	g.next = start.Add(delay)
	g.mu.Unlock()
	t := time.NewTimer(time.Until(start))
	defer t.Stop()
	select {
	case <-t.C:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// delayUntil keeps every request to the host from starting before t (a Retry-After, a
// backoff), so that one answer slows down the whole host, not one input.
func (g *hostGate) delayUntil(t time.Time) {
	g.mu.Lock()
	if t.After(g.next) {
		g.next = t
	}
	g.mu.Unlock()
}
