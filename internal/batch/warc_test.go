package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"golang.org/x/text/encoding/charmap"
)

// The charset of a WARC response's HTTP header decodes its body: an ISO-8859-2 page that
// says so only there (no <meta>, no BOM), which detection alone takes for windows-1252,
// comes out as the Polish it is.
func TestWARCCharsetFromHTTP(t *testing.T) {
	pl := "Zażółć gęślą jaźń. Pchnąć w tę łódź jeża lub ośm skrzyń fig. Łódź jest piękna, a źródło czyste."
	page, err := charmap.ISO8859_2.NewEncoder().String("<html><body><article><h1>Łódź</h1><p>" +
		strings.Repeat(pl+" ", 3) + "</p><p>" + pl + "</p></article></body></html>")
	if err != nil {
		t.Fatal(err)
	}
	http := "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=iso-8859-2\r\n\r\n" + page
	var rec bytes.Buffer
	fmt.Fprintf(&rec, "WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: 2024-01-01T00:00:00Z\r\n"+
		"WARC-Target-URI: http://pl.example/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
		len(http), http)
	name := filepath.Join(t.TempDir(), "pl.warc")
	if err := os.WriteFile(name, rec.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var out bytes.Buffer
	b, err := New(Config{Inputs: &Inputs{Args: []string{name}}, Sink: Stream{W: &out}})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := b.Run(context.Background()); err != nil {
		t.Fatal(err)
	}
	var got struct{ Status, Text string }
	if err := json.Unmarshal(out.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, out.Bytes())
	}
	if got.Status != "ok" || !strings.Contains(got.Text, "Zażółć gęślą jaźń") {
		t.Errorf("status %s, text %q", got.Status, got.Text)
	}
}
