package source

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"net/http"
	"net/url"
	"strings"
	"time"

	"golang.org/x/net/http/httpproxy"
)

// maxRedirects bounds a redirect chain.
const maxRedirects = 10

// NewClient returns the HTTP client used for URLs: it honours HTTP_PROXY, HTTPS_PROXY and
// NO_PROXY as they are when it is called, follows at most 10 redirects and only to http(s)
// URLs, and gives up after timeout.
func NewClient(timeout time.Duration) *http.Client {
	if timeout <= 0 {
		timeout = DefaultTimeout
	}
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.Proxy = proxyFromEnvironment()
	return &http.Client{
		Timeout:       timeout,
		Transport:     transport,
		CheckRedirect: checkRedirect,
	}
}

// proxyFromEnvironment is http.ProxyFromEnvironment, but reading the environment now rather
// than once per process (so that a client made after a change of HTTP_PROXY follows it).
func proxyFromEnvironment() func(*http.Request) (*url.URL, error) {
	proxy := httpproxy.FromEnvironment().ProxyFunc()
	return func(req *http.Request) (*url.URL, error) { return proxy(req.URL) }
}

func checkRedirect(req *http.Request, via []*http.Request) error {
	if len(via) >= maxRedirects {
		return fmt.Errorf("more than %d redirects", maxRedirects)
	}
	if req.URL.Scheme != "http" && req.URL.Scheme != "https" {
		return fmt.Errorf("redirect to unsupported scheme %q", req.URL.Scheme)
	}
	return nil
}

// acceptedTypes are the content types fetched pages may have (or none at all).
var acceptedTypes = []string{"text/html", "application/xhtml+xml", "text/plain", "application/xml", "text/xml"}

func fetch(ctx context.Context, rawURL string, opts Options) (Input, error) {
	client := opts.Client
	if client == nil {
		client = NewClient(opts.Timeout)
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return Input{}, err
	}
	agent := opts.UserAgent
	if agent == "" {
		agent = DefaultAgent
	}
	req.Header.Set("User-Agent", agent)
	req.Header.Set("Accept", "text/html,application/xhtml+xml,text/plain;q=0.9,*/*;q=0.1")
	resp, err := client.Do(req)
	if err != nil {
		return Input{}, fetchError(ctx, client, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		return Input{}, &StatusError{Code: resp.StatusCode, Status: resp.Status, RetryAfter: resp.Header.Get("Retry-After")}
	}
	ctype := resp.Header.Get("Content-Type")
	if !acceptedType(ctype) {
		return Input{}, fmt.Errorf("unsupported content type %q (want HTML or text)", ctype)
	}
	if resp.ContentLength > opts.maxBytes() {
		return Input{}, fmt.Errorf("%w: %d bytes announced, over the %d-byte cap (--max-size)", ErrTooLarge, resp.ContentLength, opts.maxBytes())
	}
	data, err := readCapped(resp.Body, opts.maxBytes(), 0)
	if err != nil {
		return Input{}, fetchError(ctx, client, err)
	}
	data, err = gunzipIfCompressed(data, opts.maxBytes())
	if err != nil {
		return Input{}, err
	}
	return Input{Name: rawURL, URL: resp.Request.URL.String(), ContentType: ctype, Data: data}, nil
}

func acceptedType(ctype string) bool {
	if strings.TrimSpace(ctype) == "" {
		return true
	}
	mt, _, err := mime.ParseMediaType(ctype)
	if err != nil {
		return false
	}
	for _, t := range acceptedTypes {
		if mt == t {
			return true
		}
	}
	return false
}

// StatusError is a non-2xx HTTP answer.
type StatusError struct {
	Code       int
	Status     string
	RetryAfter string
}

func (e *StatusError) Error() string {
	if e.RetryAfter != "" {
		return fmt.Sprintf("HTTP %s (Retry-After: %q)", e.Status, e.RetryAfter)
	}
	return "HTTP " + e.Status
}

// Temporary reports whether trying again later may succeed (429 and 5xx).
func (e *StatusError) Temporary() bool { return e.Code == http.StatusTooManyRequests || e.Code >= 500 }

// fetchError words a failed request or body read: a client time-out says so and names
// the limit; other errors lose the "Get URL:" prefix.
func fetchError(ctx context.Context, client *http.Client, err error) error {
	var te interface{ Timeout() bool }
	if errors.As(err, &te) && te.Timeout() && ctx.Err() == nil && client.Timeout > 0 {
		return &TimeoutError{Limit: client.Timeout}
	}
	return unwrapURLError(err)
}

// unwrapURLError drops the request that net/http's *url.Error names ("Get \"URL\": "),
// as the caller names the input.
func unwrapURLError(err error) error {
	var ue *url.Error
	if errors.As(err, &ue) {
		return ue.Err
	}
	return err
}
