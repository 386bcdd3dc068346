// Package faultserver is an httptest server with one fault per path, shared by the tests
// of package source (fetching) and of the clean command (exit codes, error lines, batches).
//
//	/404 /500 /429 (Retry-After: 120)     HTTP errors
//	/stall /trickle                        no answer; a body a few bytes at a time, forever
//	/big                                   an 8 MiB body
//	/announced-big                         a Content-Length of 1 GiB
//	/loop /to-file /to-ftp                 a redirect loop; redirects to other schemes
//	/json /png /pdf                        content types that are not pages
//	/reset                                 the connection closed mid-body (60,000 bytes announced)
//	/bad-gzip                              a gzip Content-Encoding that is not gzip
//	/escape-status                         terminal escape sequences in the status line
//	/ok                                    the page given to New
package faultserver

import (
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
	"time"
)

// New starts the server, closed (and its stalled handlers released) when t ends.
func New(t testing.TB, page string) *httptest.Server {
	release := make(chan struct{})
	mux := http.NewServeMux()
	mux.HandleFunc("/404", http.NotFound)
	mux.HandleFunc("/500", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "boom", 500) })
	mux.HandleFunc("/429", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Retry-After", "120")
		http.Error(w, "slow down", http.StatusTooManyRequests)
	})
	mux.HandleFunc("/stall", func(w http.ResponseWriter, r *http.Request) {
		select {
		case <-release:
		case <-r.Context().Done():
		}
	})
	mux.HandleFunc("/trickle", func(w http.ResponseWriter, r *http.Request) { trickle(w, r, release) })
	mux.HandleFunc("/big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html")
		chunk := []byte(strings.Repeat("<p>x</p>", 1024))
		for range 1024 {
			if _, err := w.Write(chunk); err != nil {
				return
			}
		}
	})
	mux.HandleFunc("/announced-big", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Length", fmt.Sprint(1<<30))
		w.Write([]byte(page))
	})
	mux.HandleFunc("/loop", func(w http.ResponseWriter, r *http.Request) { http.Redirect(w, r, "/loop", http.StatusFound) })
	mux.HandleFunc("/to-file", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "file:///etc/passwd", http.StatusFound)
	})
	mux.HandleFunc("/to-ftp", func(w http.ResponseWriter, r *http.Request) {
		http.Redirect(w, r, "ftp://example.com/a.html", http.StatusMovedPermanently)
	})
	serveType(mux, "/json", "application/json", `{"a": 1}`)
	serveType(mux, "/png", "image/png", "\x89PNG\r\n\x1a\n")
	serveType(mux, "/pdf", "application/pdf", "%PDF-1.4\n")
	mux.HandleFunc("/reset", func(w http.ResponseWriter, r *http.Request) {
		hijack(w, "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 60000\r\n\r\n<html><body><p>cut off")
	})
	mux.HandleFunc("/bad-gzip", func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Encoding", "gzip")
		w.Header().Set("Content-Type", "text/html")
		w.Write([]byte("this is not gzip at all"))
	})
	mux.HandleFunc("/escape-status", func(w http.ResponseWriter, r *http.Request) {
		hijack(w, "HTTP/1.1 404 Not \x1b[2J\x1b]0;owned\x07Found\r\nContent-Length: 0\r\n\r\n")
	})
	serveType(mux, "/ok", "text/html; charset=utf-8", page)
	srv := httptest.NewServer(mux)
	t.Cleanup(func() {
		close(release)
		srv.Close()
	})
	return srv
}

// trickle writes a few bytes every 20ms until the client or the test gives up.
func trickle(w http.ResponseWriter, r *http.Request, release <-chan struct{}) {
	w.Header().Set("Content-Type", "text/html")
	for {
		if _, err := w.Write([]byte("<p>x</p>")); err != nil {
			return
		}
		w.(http.Flusher).Flush()
		select {
		case <-release:
			return
		case <-r.Context().Done():
			return
		case <-time.After(20 * time.Millisecond):
		}
	}
}

func serveType(mux *http.ServeMux, path, contentType, body string) {
	mux.HandleFunc(path, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", contentType)
		w.Write([]byte(body))
	})
}

// hijack writes raw bytes on the connection and closes it.
func hijack(w http.ResponseWriter, raw string) {
	conn, buf, err := w.(http.Hijacker).Hijack()
	if err != nil {
		return
	}
	buf.WriteString(raw)
	buf.Flush()
	conn.Close()
}
