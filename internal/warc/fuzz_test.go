package warc

import (
	"bytes"
	"io"
	"testing"
)

// FuzzReader reads any input to the end: never a panic, an end always
// comes, per-record errors come with their record, and Kind works on
// every record. Its seeds are in testdata/fuzz/FuzzReader; more below.
func FuzzReader(f *testing.F) {
	f.Add(okResponse("http://a/"))
	f.Add(gzipEach(okResponse("http://a/"), record("conversion", []byte("text"))))
	f.Add(response("http://c/", "HTTP/1.1 200 OK\nTransfer-Encoding: chunked\nContent-Encoding: gzip", chunk(gzipped(page))))
	f.Add(gzipped(bytes.Join([][]byte{okResponse("http://a/"), record("revisit", nil)}, nil)))
	f.Fuzz(func(t *testing.T, in []byte) {
		rd, err := NewReader(bytes.NewReader(in), "fuzz", WithMaxBody(1<<20))
		if err != nil {
			return
		}
		for i := 0; ; i++ {
			if i > len(in)+1 {
				t.Fatalf("%d records from %d bytes", i, len(in))
			}
			rec, err := rd.Next()
			if err == io.EOF {
				return
			}
			if rec == nil {
				if _, again := rd.Next(); again == nil {
					t.Fatal("Next goes on after a fatal error")
				}
				return
			}
			rec.Kind()
			if int64(len(rec.Body)) > 1<<20 {
				t.Fatalf("body of %d bytes over MaxBody", len(rec.Body))
			}
		}
	})
}
