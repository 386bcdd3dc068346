package warc

import (
	"bytes"
	"testing"
)

func TestKind(t *testing.T) {
	tests := []struct {
		rec  []byte
		want string
	}{
		{okResponse("http://a/"), "html "},
		{response("http://x/", "HTTP/1.1 200 OK\nContent-Type: application/xhtml+xml", page), "html "},
		{response("http://x/", "HTTP/1.1 404 Not Found\nContent-Type: text/html", page), "skip status 404"},
		{response("http://x/", "HTTP/1.1 301 Moved\nLocation: /", nil), "skip status 301"},
		{response("http://x/", "HTTP/1.1 200 OK\nContent-Type: text/html", nil), "skip empty body"},
		{response("http://x/", "HTTP/1.1 200 OK\nContent-Type: image/png", []byte("\x89PNG")), "skip not html: image/png"},
		{response("http://x/", "HTTP/1.1 200 OK\nContent-Type: text/plain", page), "html "},
		{response("http://x/", "HTTP/1.1 200 OK\nContent-Type: text/plain", []byte("User-agent: *")), "skip not html: text/plain"},
		{response("http://x/", "garbage line\nContent-Type: text/html", page), "skip unparsable http header"},
		{record("response", []byte("a. 3600 IN A 1.2.3.4"), "Content-Type: text/dns"), "skip not http: text/dns"},
		{record("conversion", []byte("Some text."), "Content-Type: text/plain"), "text "},
		{record("conversion", nil, "Content-Type: text/plain"), "skip empty body"},
		{record("revisit", nil, "WARC-Truncated: length"), "skip revisit"},
		{record("request", []byte("GET / HTTP/1.1\r\n\r\n"), "Content-Type: application/http; msgtype=request"), "skip request"},
		{record("warcinfo", []byte("software: x\r\n"), "Content-Type: application/warc-fields"), "skip warcinfo"},
		{record("metadata", []byte("a: b\r\n"), "Content-Type: application/warc-fields"), "skip metadata"},
		{record("resource", page, "Content-Type: text/html"), "skip resource"},
	}
	for _, tt := range tests {
		res := readAll(t, bytes.NewReader(tt.rec), "kind")
		if len(res.recs) != 1 || res.errs[0] != nil {
			t.Fatalf("%q: %d records, %v", tt.rec, len(res.recs), res.errs)
		}
		if kind, reason := res.recs[0].Kind(); kind+" "+reason != tt.want {
			t.Errorf("%.80q: %s %s, want %s", tt.rec, kind, reason, tt.want)
		}
	}
}

// The fields of the Common Crawl WET and WARC pair, and the WARC-Refers-To
// link between them.
func TestFieldsWETPair(t *testing.T) {
	warc := readFile(t, "whirlwind.warc.gz")
	wet := readFile(t, "whirlwind.warc.wet.gz")
	conv := wet.recs[1]
	if k, _ := conv.Kind(); k != KindText || conv.IdentifiedLanguage != "spa" {
		t.Errorf("conversion: kind %s, language %q", k, conv.IdentifiedLanguage)
	}
	resp := warc.recs[2]
	if resp.Type != "response" || conv.RefersTo != resp.ID || resp.ID == "" {
		t.Errorf("Refers-To %q, response ID %q", conv.RefersTo, resp.ID)
	}
	if resp.TargetURI != "https://an.wikipedia.org/wiki/Escopete" || conv.TargetURI != resp.TargetURI {
		t.Errorf("URIs %q %q", resp.TargetURI, conv.TargetURI)
	}
	if resp.Status != 200 || resp.Charset != "utf-8" || resp.Date == "" || resp.Version != "WARC/1.0" {
		t.Errorf("status %d charset %q date %q version %q", resp.Status, resp.Charset, resp.Date, resp.Version)
	}
	if resp.Header.Get("WARC-Identified-Payload-Type") == "" {
		t.Errorf("WARC header fields: %v", resp.Header)
	}
}

// Dates and truncation as written; the angle brackets of wget's
// WARC-Target-URI removed.
func TestFieldsAsWritten(t *testing.T) {
	res := readFile(t, "clueweb-quirk.warc.gz")
	if d := res.recs[1].Date; d != "2008-10-294T05:21:46-0700" {
		t.Errorf("date %q", d)
	}
	if res.recs[1].Version != "WARC/0.18" || res.recs[1].Charset != "euc-jp" {
		t.Errorf("version %q charset %q", res.recs[1].Version, res.recs[1].Charset)
	}
	n := 0
	for _, r := range readFile(t, "CC-MAIN-20140820021334-00006-ip-10-180-136-8.ec2.internal.warc").recs {
		if r.Truncated == "length" {
			n++
		}
	}
	if n != 2 {
		t.Errorf("%d WARC-Truncated: length, want 2", n)
	}
	r := readAll(t, bytes.NewReader(record("response", nil, "WARC-Target-URI: <http://a/b>")), "wget").recs[0]
	if r.TargetURI != "http://a/b" {
		t.Errorf("target URI %q", r.TargetURI)
	}
}
