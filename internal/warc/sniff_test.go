package warc

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestSniff(t *testing.T) {
	files, _ := filepath.Glob("../../testdata/warc/*")
	n := 0
	for _, f := range files {
		if strings.HasSuffix(f, ".md") {
			continue
		}
		fh, err := os.Open(f)
		if err != nil {
			t.Fatal(err)
		}
		if !Sniff(fh) {
			t.Errorf("%s: not sniffed as WARC", f)
		}
		fh.Close()
		n++
	}
	if n == 0 {
		t.Fatal("no test files")
	}
	var gz bytes.Buffer
	zw := gzip.NewWriter(&gz)
	zw.Write([]byte("<html><body>WARC/1.0</body></html>"))
	zw.Close()
	for _, not := range [][]byte{nil, []byte("<html>"), gz.Bytes(), {0x1f, 0x8b, 0, 1}, []byte("WARC")} {
		if Sniff(bytes.NewReader(not)) {
			t.Errorf("%q sniffed as WARC", not)
		}
	}
}
