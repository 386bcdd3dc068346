package main

import (
	"bytes"
	"io"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// article is a page long enough for readability, with relative links and an image.
const article = `<html><head><title>The lighthouse keeper's log</title></head><body>
<article><h1>The lighthouse keeper's log</h1>
<p>For forty years the keepers of the island light wrote the weather, the ships and the state of the lamp into a leather log, one line every four hours, through storms that kept them from the mainland for weeks.</p>
<p>The logs are now at the county archive, which has put the first ten volumes <a href="../archive/volumes.html">online</a>, with a <a href="guide.html">reading guide</a> and <a href="/about">notes</a> on the handwriting.</p>
<p><img src="images/log-1911.jpg" alt="A page of the 1911 log"></p>
<p>Volunteers are transcribing the rest, a page at a time, and expect to finish in about two years.</p>
</article></body></html>`

func runCLI(t *testing.T, args ...string) (stdout, stderr string, code int) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, strings.NewReader(""), &out, &errb)
	return out.String(), errb.String(), code
}

// TestURLFinalURLIsBase: after redirects, relative links are resolved against the final
// URL, not the one given.
func TestURLFinalURLIsBase(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/s/abc", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "/news/2024/keepers/story.html", http.StatusMovedPermanently)
	})
	mux.HandleFunc("/news/2024/keepers/story.html", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		io.WriteString(w, article)
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()

	out, stderr, code := runCLI(t, srv.URL+"/s/abc")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	for _, want := range []string{
		"[online](" + srv.URL + "/news/2024/archive/volumes.html)",
		"[reading guide](" + srv.URL + "/news/2024/keepers/guide.html)",
		"[notes](" + srv.URL + "/about)",
		"![A page of the 1911 log](" + srv.URL + "/news/2024/keepers/images/log-1911.jpg)",
	} {
		if !strings.Contains(out, want) {
			t.Errorf("missing %s in:\n%s", want, out)
		}
	}
	js, _, _ := runCLI(t, "-f", "json", srv.URL+"/s/abc")
	if !strings.Contains(js, `"source": "`+srv.URL+`/s/abc"`) || !strings.Contains(js, `"url": "`+srv.URL+`/news/2024/keepers/story.html"`) {
		t.Errorf("json source/url wrong:\n%s", js)
	}
}

// TestURLCharsetFromContentType: a windows-1252 page with no <meta charset> is decoded by
// the charset of its Content-Type.
func TestURLCharsetFromContentType(t *testing.T) {
	body := []byte(strings.ReplaceAll(article, "leather log", "leather log at the caf\xe9 \x93Phare\x94"))
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=windows-1252")
		w.Write(body)
	}))
	defer srv.Close()
	out, stderr, code := runCLI(t, "-f", "text", srv.URL)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if !strings.Contains(out, "leather log at the café “Phare”") {
		t.Errorf("not decoded as windows-1252:\n%s", out)
	}
}

func TestURLUserAgentFlag(t *testing.T) {
	var got string
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		got = r.Header.Get("User-Agent")
		io.WriteString(w, article)
	}))
	defer srv.Close()
	if _, stderr, code := runCLI(t, "--user-agent", "research-bot/0.1", srv.URL); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr)
	}
	if got != "research-bot/0.1" {
		t.Errorf("User-Agent = %q", got)
	}
}

func TestURLErrors(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/logo.png", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "image/png")
		w.Write([]byte("\x89PNG\r\n\x1a\n"))
	})
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		io.WriteString(w, strings.Repeat("<p>words</p>", 1000))
	})
	srv := httptest.NewServer(mux)
	defer srv.Close()
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{srv.URL + "/logo.png"}, `clean: ` + srv.URL + `/logo.png: unsupported content type "image/png" (want HTML or text)`},
		{[]string{"--max-size", "1000", srv.URL + "/big"}, "clean: " + srv.URL + "/big: too large: over the 1000-byte cap (--max-size)"},
		{[]string{srv.URL + "/missing"}, "clean: " + srv.URL + "/missing: HTTP 404 Not Found"},
	} {
		out, stderr, code := runCLI(t, c.args...)
		if code != exitFailure || out != "" || stderr != c.want+"\n" {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 1 and %q", c.args, code, out, stderr, c.want)
		}
	}
}
