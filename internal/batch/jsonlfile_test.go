package batch

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func rec(src string) string { return `{"source":"` + src + `","text":"x"}` + "\n" }

// TestJSONLFileDropsDamagedTail: a partial last line, or a line that is not a record, is
// cut off with everything after it; the complete records before are kept and matched.
func TestJSONLFileDropsDamagedTail(t *testing.T) {
	for name, tc := range map[string]struct {
		content string
		kept    int
	}{
		"empty":            {"", 0},
		"complete":         {rec("a") + rec("b"), 2},
		"partial line":     {rec("a") + rec("b") + `{"source":"c","te`, 2},
		"partial no quote": {rec("a") + `{`, 1},
		"garbage line":     {rec("a") + "\x00\x00\x00\n" + rec("c"), 1},
		"no source":        {rec("a") + `{"text":"x"}` + "\n", 1},
	} {
		t.Run(name, func(t *testing.T) {
			path := filepath.Join(t.TempDir(), "out.jsonl")
			os.WriteFile(path, []byte(tc.content), 0o644)
			j, err := OpenJSONL(path)
			if err != nil {
				t.Fatal(err)
			}
			if j.Kept() != tc.kept {
				t.Errorf("kept %d, want %d", j.Kept(), tc.kept)
			}
			for i, src := range []string{"a", "b"}[:tc.kept] {
				if done, err := j.Done(src); !done || err != nil {
					t.Errorf("input %d: Done = %v, %v", i, done, err)
				}
			}
			if done, err := j.Done("next"); done || err != nil {
				t.Errorf("after the kept records: Done = %v, %v", done, err)
			}
			j.Append([]byte(rec("next")))
			if err := j.Close(); err != nil {
				t.Fatal(err)
			}
			data, _ := os.ReadFile(path)
			lines := strings.Split(strings.TrimSuffix(string(data), "\n"), "\n")
			if len(lines) != tc.kept+1 || lines[tc.kept] != strings.TrimSpace(rec("next")) {
				t.Errorf("file after append:\n%s", data)
			}
		})
	}
}

func TestJSONLFileOtherBatch(t *testing.T) {
	path := filepath.Join(t.TempDir(), "out.jsonl")
	os.WriteFile(path, []byte(rec("a")+rec("b")), 0o644)
	j, err := OpenJSONL(path)
	if err != nil {
		t.Fatal(err)
	}
	defer j.Close()
	j.Done("a")
	if _, err := j.Done("zzz"); err == nil || !strings.Contains(err.Error(), "another batch") {
		t.Errorf("Done on a different input: %v", err)
	}
}
