package batch

import (
	"bytes"
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/cleanhq/clean/internal/source"
)

// TestBatchTimeLimitRecords: inputs over the time limit still get their record, with
// their id, in order.
func TestBatchTimeLimitRecords(t *testing.T) {
	path := filepath.Join(t.TempDir(), "in.jsonl")
	var in strings.Builder
	for _, id := range []string{"a", "b", "c", "d"} {
		in.WriteString(`{"id":"` + id + `","url":"https://x.example/` + id + `","text":"Some text that would be the article."}` + "\n")
	}
	os.WriteFile(path, []byte(in.String()), 0o644)
	var out bytes.Buffer
	b := &Batch{
		Inputs:     &Inputs{Args: []string{path}, JSONL: source.JSONLOptions{Fields: []string{"text"}, IDField: "id", URLField: "url"}},
		Fetch:      &Fetcher{},
		Workers:    2,
		DocTimeout: time.Nanosecond,
		JSONL:      &out,
	}
	st, err := b.Run(context.Background())
	if err != nil || st.Failed != 4 {
		t.Fatalf("stats %+v, err %v", st, err)
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d records:\n%s", len(lines), out.String())
	}
	for i, line := range lines {
		var rec struct{ ID, URL, Error string }
		json.Unmarshal([]byte(line), &rec)
		want := string(rune('a' + i))
		if rec.ID != want || rec.URL != "https://x.example/"+want || !strings.Contains(rec.Error, "time limit") {
			t.Errorf("record %d: %s", i, line)
		}
	}
}
