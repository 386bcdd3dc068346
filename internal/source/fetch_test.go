package source

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

const page = "<html><head><title>T</title></head><body><p>Hello</p></body></html>"

func serve(t *testing.T, h http.HandlerFunc) *httptest.Server {
	t.Helper()
	srv := httptest.NewServer(h)
	t.Cleanup(srv.Close)
	return srv
}

func TestFetchFollowsRedirectsToFinalURL(t *testing.T) {
	var srv *httptest.Server
	srv = serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/old":
			http.Redirect(w, r, "/moved", http.StatusMovedPermanently)
		case "/moved":
			http.Redirect(w, r, srv.URL+"/articles/2024/story.html", http.StatusFound)
		case "/articles/2024/story.html":
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			io.WriteString(w, page)
		default:
			http.NotFound(w, r)
		}
	})
	in, err := namedRead(context.Background(), srv.URL+"/old", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if in.Name != srv.URL+"/old" {
		t.Errorf("Name = %q, want the URL as given", in.Name)
	}
	if want := srv.URL + "/articles/2024/story.html"; in.URL != want {
		t.Errorf("URL = %q, want the final URL %q", in.URL, want)
	}
	if string(in.Data) != page || in.ContentType != "text/html; charset=utf-8" {
		t.Errorf("got %q (%q)", in.Data, in.ContentType)
	}
}

func TestFetchRedirectLimits(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		switch r.URL.Path {
		case "/loop":
			http.Redirect(w, r, "/loop", http.StatusFound)
		case "/ftp":
			http.Redirect(w, r, "ftp://example.com/file", http.StatusFound)
		}
	})
	for path, want := range map[string]string{
		"/loop": "more than 10 redirects",
		"/ftp":  `redirect to unsupported scheme "ftp"`,
	} {
		_, err := namedRead(context.Background(), srv.URL+path, Options{})
		if err == nil || !strings.Contains(err.Error(), want) || !strings.HasPrefix(err.Error(), srv.URL+path+": ") {
			t.Errorf("%s: err = %v, want %q naming the input", path, err, want)
		}
	}
}

func TestFetchRefusesNonHTML(t *testing.T) {
	for _, ctype := range []string{"image/png", "application/pdf", "application/octet-stream", "video/mp4"} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header().Set("Content-Type", ctype)
			w.Write([]byte("%PDF-1.4 or some image bytes"))
		})
		_, err := namedRead(context.Background(), srv.URL+"/file", Options{})
		want := `unsupported content type "` + ctype + `" (want HTML or text)`
		if err == nil || err.Error() != srv.URL+"/file: "+want {
			t.Errorf("%s: err = %v, want %q", ctype, err, want)
		}
	}
}

func TestFetchAcceptsTextTypes(t *testing.T) {
	for _, ctype := range []string{"", "text/html", "TEXT/HTML; charset=ISO-8859-1", "application/xhtml+xml", "text/plain; charset=utf-8"} {
		srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
			w.Header()["Content-Type"] = []string{ctype} // "" stays empty: no sniffing by the server
			io.WriteString(w, page)
		})
		if _, err := namedRead(context.Background(), srv.URL, Options{}); err != nil {
			t.Errorf("%q: %v", ctype, err)
		}
	}
}

func TestFetchSizeCap(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, strings.Repeat("x", 2000))
	})
	_, err := namedRead(context.Background(), srv.URL, Options{MaxBytes: 1000})
	if !errors.Is(err, ErrTooLarge) || !strings.Contains(err.Error(), "1000-byte cap") {
		t.Errorf("err = %v, want ErrTooLarge naming the cap", err)
	}
	if _, err := namedRead(context.Background(), srv.URL, Options{MaxBytes: 2000}); err != nil {
		t.Errorf("exactly at the cap: %v", err)
	}
}

func TestFetchTimeout(t *testing.T) {
	release := make(chan struct{})
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		if r.URL.Path == "/slow-body" { // headers at once, then the body stalls
			w.Header().Set("Content-Type", "text/html")
			io.WriteString(w, "<html><body>")
			w.(http.Flusher).Flush()
		}
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	defer close(release)
	for _, path := range []string{"/slow-headers", "/slow-body"} {
		start := time.Now()
		_, err := namedRead(context.Background(), srv.URL+path, Options{Timeout: 50 * time.Millisecond})
		if want := srv.URL + path + ": timed out after 50ms (--timeout)"; err == nil || err.Error() != want {
			t.Errorf("err = %v, want %q", err, want)
		}
		if d := time.Since(start); d > 5*time.Second {
			t.Errorf("%s: gave up after %v", path, d)
		}
	}
}

func TestFetchUserAgent(t *testing.T) {
	got := make(chan string, 1)
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		got <- r.Header.Get("User-Agent")
		io.WriteString(w, page)
	})
	for _, agent := range []string{"", "my-crawler/2.0"} {
		if _, err := namedRead(context.Background(), srv.URL, Options{UserAgent: agent}); err != nil {
			t.Fatal(err)
		}
		want := agent
		if want == "" {
			want = DefaultAgent
		}
		if ua := <-got; ua != want {
			t.Errorf("User-Agent = %q, want %q", ua, want)
		}
	}
}

func TestFetchHTTPStatus(t *testing.T) {
	srv := serve(t, func(w http.ResponseWriter, r *http.Request) {
		http.Error(w, "gone", http.StatusNotFound)
	})
	_, err := namedRead(context.Background(), srv.URL+"/x", Options{})
	var se *StatusError
	if !errors.As(err, &se) || se.Code != 404 || err.Error() != srv.URL+"/x: HTTP 404 Not Found" {
		t.Errorf("err = %v, want HTTP 404 naming the input", err)
	}
}

func TestOnlyHTTPSchemes(t *testing.T) {
	for _, name := range []string{"ftp://example.com/a.html", "file:///etc/passwd", "gopher://x/"} {
		_, err := namedRead(context.Background(), name, Options{})
		if err == nil || err.Error() != name+": unsupported URL scheme (only http and https)" {
			t.Errorf("%s: err = %v", name, err)
		}
	}
}

// TestFetchHonoursProxy: with HTTP_PROXY set, the request for a (non-local) page goes to
// the proxy, which answers it.
func TestFetchHonoursProxy(t *testing.T) {
	seen := make(chan string, 1)
	proxy := serve(t, func(w http.ResponseWriter, r *http.Request) {
		seen <- r.URL.String() // a proxy gets the absolute URL
		w.Header().Set("Content-Type", "text/html")
		io.WriteString(w, page)
	})
	t.Setenv("HTTP_PROXY", proxy.URL)
	t.Setenv("http_proxy", proxy.URL)
	t.Setenv("NO_PROXY", "")
	t.Setenv("no_proxy", "")
	const target = "http://news.invalid/story.html"
	in, err := namedRead(context.Background(), target, Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := <-seen; got != target {
		t.Errorf("proxy saw %q, want %q", got, target)
	}
	if string(in.Data) != page {
		t.Errorf("data = %q", in.Data)
	}
}

// TestFetchHonoursHTTPSProxy: an https URL is tunnelled through HTTPS_PROXY (a CONNECT to
// the proxy), and NO_PROXY exempts hosts from it.
func TestFetchHonoursHTTPSProxy(t *testing.T) {
	seen := make(chan string, 1)
	proxy := serve(t, func(w http.ResponseWriter, r *http.Request) {
		seen <- r.Method + " " + r.Host
		http.Error(w, "no tunnels here", http.StatusForbidden)
	})
	for _, k := range []string{"HTTPS_PROXY", "https_proxy"} {
		t.Setenv(k, proxy.URL)
	}
	for _, k := range []string{"NO_PROXY", "no_proxy"} {
		t.Setenv(k, "")
	}
	if _, err := namedRead(context.Background(), "https://news.invalid/story.html", Options{}); err == nil {
		t.Error("the proxy refused the tunnel, yet the fetch succeeded")
	}
	select {
	case got := <-seen:
		if got != "CONNECT news.invalid:443" {
			t.Errorf("proxy saw %q", got)
		}
	default:
		t.Error("the proxy was not asked")
	}

	for _, k := range []string{"NO_PROXY", "no_proxy"} {
		t.Setenv(k, "news.invalid")
	}
	Read(context.Background(), "https://news.invalid/story.html", Options{Timeout: time.Second})
	select {
	case got := <-seen:
		t.Errorf("NO_PROXY host went through the proxy: %s", got)
	default:
	}
}
