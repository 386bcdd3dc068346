package warc

import (
	"testing"
)

// The record counts by type and the count of HTML responses (any status)
// of every file of ../shared/bench/warc, as its README gives them.
var fileCounts = []struct {
	name, counts string
	html         int
}{
	{"warcfile.warc.gz", "metadata 16, request 17, response 16, warcinfo 1", 16},
	{"CC-MAIN-20140820021334-00006-ip-10-180-136-8.ec2.internal.warc", "metadata 4, request 4, response 4, warcinfo 1", 3},
	{"CC-MAIN-20140820021334-00006-ip-10-180-136-8.ec2.internal.warc.wet", "conversion 3, warcinfo 1", 0},
	{"CC-MAIN-20140820021334-00006-ip-10-180-136-8.ec2.internal.warc.wat", "metadata 8, warcinfo 1", 0},
	{"whirlwind.warc.gz", "metadata 1, request 1, response 1, warcinfo 1", 1},
	{"whirlwind.warc.wet.gz", "conversion 1, warcinfo 1", 0},
	{"whirlwind.warc.wat.gz", "metadata 1, warcinfo 1", 0},
	{"example.warc.gz", "metadata 261, request 261, response 299, warcinfo 1", 140},
	{"sample-0000.warc.gz", "metadata 1, request 22, resource 2, response 22, warcinfo 1", 22},
	{"sample-0001.warc.gz", "metadata 1, request 15, resource 2, response 15, warcinfo 1", 15},
	{"BL-20140325121225068-00000-32090~opera~8443.warc.gz", "metadata 62, request 62, response 65, warcinfo 1", 36},
	{"BL-20140325122341434-00000-32090~opera~8443.warc.gz", "metadata 62, request 62, response 10, revisit 55, warcinfo 1", 7},
	{"iana.warc.gz", "request 171, response 48, revisit 123, warcinfo 1", 20},
	{"solidaritenum.warc.gz", "request 94, resource 1, response 94, warcinfo 1", 8},
	{"clueweb-quirk.warc.gz", "response 29, warcinfo 1", 29},
	{"clipped.warc.gz", "response 1", 0}, // README: 1, but the record is an error here (truncated), so it has no HTTP layer
	{"example-trunc.warc", "request 1, response 1, warcinfo 2", 1},
	{"example-iana.org-chunked.warc", "request 1, response 1, warcinfo 1", 1},
	{"example-wrong-chunks.warc.gz", "request 1, response 1", 1},
	{"example-bad-non-chunked.warc.gz", "request 2, response 1, revisit 1, warcinfo 2", 1},
	{"transfer_compression_gzip.warc.gz", "metadata 1, request 1, resource 1, response 1, warcinfo 1", 1},
	{"transfer_compression_brotli.warc.gz", "metadata 1, request 1, resource 1, response 1, warcinfo 1", 1},
	{"qsl.net-encoding-alias.warc.gz", "request 2, resource 1, response 2, warcinfo 2", 1},
}

// errorsIn are the files where a record is expected to fail, and how many.
var errorsIn = map[string]int{"clipped.warc.gz": 1, "example-trunc.warc": 1}

func TestCounts(t *testing.T) {
	for _, fc := range fileCounts {
		t.Run(fc.name, func(t *testing.T) {
			res := readFile(t, fc.name)
			if res.fatal != nil {
				t.Fatal(res.fatal)
			}
			if got := res.counts(); got != fc.counts {
				t.Errorf("counts %q, want %q", got, fc.counts)
			}
			if got := htmlResponses(res); got != fc.html {
				t.Errorf("%d HTML responses, want %d", got, fc.html)
			}
			if got := len(res.errors()); got != errorsIn[fc.name] {
				t.Errorf("%d record errors, want %d: %v", got, errorsIn[fc.name], res.errors())
			}
		})
	}
}

// htmlResponses counts as the README does: response records whose HTTP
// Content-Type contains text/html or xhtml, whatever the status.
func htmlResponses(res result) int {
	n := 0
	for _, r := range res.recs {
		if r.Type == "response" && r.HTTPHeader != nil && isHTML(r.ContentType) {
			n++
		}
	}
	return n
}
