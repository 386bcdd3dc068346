package source

import (
	"context"
	"errors"
	"io"
	"net/http"
	"os"

	"github.com/cleanhq/clean/internal/fsutil"
)

// OpenStream opens a large input (a web archive) for reading as a stream: "-" is
// Options.Stdin, an http(s) URL is fetched with the time limit applying to the answer's
// headers only (the body may take as long as it takes), anything else is a file. No size
// cap applies: the reader of the stream caps what it keeps. The caller closes it.
func OpenStream(ctx context.Context, name string, opts Options) (io.ReadCloser, error) {
	switch {
	case name == "-":
		if opts.Stdin == nil {
			return nil, errors.New("no standard input")
		}
		return io.NopCloser(opts.Stdin), nil
	case IsURL(name):
		return openURLStream(ctx, name, opts)
	}
	f, err := os.Open(name)
	if err != nil {
		return nil, fsutil.PathErr(err)
	}
	return f, nil
}

func openURLStream(ctx context.Context, rawURL string, opts Options) (io.ReadCloser, error) {
	transport := http.DefaultTransport.(*http.Transport).Clone()
	transport.Proxy = proxyFromEnvironment()
	transport.ResponseHeaderTimeout = opts.timeout()
	client := &http.Client{Transport: transport, CheckRedirect: checkRedirect}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, rawURL, nil)
	if err != nil {
		return nil, err
	}
	agent := opts.UserAgent
	if agent == "" {
		agent = DefaultAgent
	}
	req.Header.Set("User-Agent", agent)
	resp, err := client.Do(req)
	if err != nil {
		var te interface{ Timeout() bool }
		if errors.As(err, &te) && te.Timeout() && ctx.Err() == nil {
			return nil, &TimeoutError{Limit: opts.timeout()}
		}
		return nil, unwrapURLError(err)
	}
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		resp.Body.Close()
		return nil, &StatusError{Code: resp.StatusCode, Status: resp.Status, RetryAfter: resp.Header.Get("Retry-After")}
	}
	return resp.Body, nil
}
