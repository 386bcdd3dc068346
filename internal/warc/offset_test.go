package warc

import (
	"io"
	"os"
	"testing"
)

// Seeking to a record's Offset and reading one record gives that record,
// in plain files and in per-record gzip files (where Offset is the gzip
// member, as in Common Crawl's indexes).
func TestOffsetSeek(t *testing.T) {
	for _, name := range []string{
		"warcfile.warc.gz", "whirlwind.warc.wet.gz", "example-iana.org-chunked.warc",
		"CC-MAIN-20140820021334-00006-ip-10-180-136-8.ec2.internal.warc",
		"example-trunc.warc", "example-wrong-chunks.warc.gz", "clueweb-quirk.warc.gz", "iana.warc.gz",
	} {
		t.Run(name, func(t *testing.T) {
			path := dataFile(t, name)
			res := readFile(t, name)
			f, err := os.Open(path)
			if err != nil {
				t.Fatal(err)
			}
			defer f.Close()
			last := int64(-1)
			for _, want := range res.recs {
				if want.Offset <= last {
					t.Fatalf("offset %d after %d", want.Offset, last)
				}
				last = want.Offset
				got := readAt(t, f, want.Offset)
				if got.ID != want.ID || got.Type != want.Type || len(got.Body) != len(want.Body) {
					t.Errorf("at %d: %s %s, want %s %s", want.Offset, got.Type, got.ID, want.Type, want.ID)
				}
			}
		})
	}
}

func readAt(t *testing.T, f *os.File, off int64) *Record {
	t.Helper()
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		t.Fatal(err)
	}
	r, err := NewReader(f, "seek")
	if err != nil {
		t.Fatalf("at %d: %v", off, err)
	}
	rec, _ := r.Next()
	if rec == nil {
		t.Fatalf("at %d: no record", off)
	}
	return rec
}

// The first offsets of a plain file and of a per-record gzip file, known
// from their bytes.
func TestOffsetValues(t *testing.T) {
	res := readFile(t, "example-iana.org-chunked.warc")
	want := []int64{0, 405, 8379}
	for i, r := range res.recs {
		if r.Offset != want[i] || r.StreamOffset != want[i] {
			t.Errorf("record %d at %d/%d, want %d", i, r.Offset, r.StreamOffset, want[i])
		}
	}
	res = readFile(t, "whirlwind.warc.gz")
	if res.recs[0].Offset != 0 || res.recs[1].Offset == 0 || res.recs[1].Offset >= res.recs[2].Offset {
		t.Errorf("offsets %d %d %d", res.recs[0].Offset, res.recs[1].Offset, res.recs[2].Offset)
	}
	if res.recs[1].StreamOffset <= res.recs[1].Offset {
		t.Errorf("stream offset %d not past the compressed offset %d", res.recs[1].StreamOffset, res.recs[1].Offset)
	}
}

// In a whole-file gzip every record is in the one member at 0; the
// StreamOffset locates it in the uncompressed stream.
func TestOffsetWholeFileGzip(t *testing.T) {
	res := readFile(t, "example-bad-non-chunked.warc.gz")
	if len(res.recs) != 6 {
		t.Fatalf("%d records, want 6", len(res.recs))
	}
	last := int64(-1)
	for _, r := range res.recs {
		if r.Offset != 0 {
			t.Errorf("%s: offset %d, want 0 (the member)", r.ID, r.Offset)
		}
		if r.StreamOffset <= last {
			t.Errorf("%s: stream offset %d after %d", r.ID, r.StreamOffset, last)
		}
		last = r.StreamOffset
	}
}
