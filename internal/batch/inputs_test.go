package batch

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cleanhq/clean/internal/source"
)

func TestInputsOrderAndCount(t *testing.T) {
	dir := t.TempDir()
	for name, content := range map[string]string{
		"site/b.html":          "b",
		"site/a/z.txt":         "z",
		"site/.hidden":         "h",
		"site/.git/x.html":     "g",
		"site/skip.md":         "m",
		"site/recs.jsonl":      "{\"text\":\"r1\"}\n\n{\"text\":\"r2\"}\n",
		"list.txt":             "# c\nhttps://x.example/p\n" + filepath.Join(dir, "one.txt") + "\n",
		"one.txt":              "1",
		"site/a/deeper/y.html": "y",
	} {
		p := filepath.Join(dir, name)
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(content), 0o644)
	}
	in := &Inputs{
		Args:    []string{filepath.Join(dir, "site"), "https://y.example/"},
		List:    filepath.Join(dir, "list.txt"),
		Include: []string{"*.html", "*.txt", "*.jsonl"},
		JSONL:   source.JSONLOptions{Fields: []string{"text"}},
	}
	var names []string
	if err := in.Each(context.Background(), func(t *Task) bool {
		names = append(names, strings.TrimPrefix(t.Name, dir+"/"))
		return true
	}); err != nil {
		t.Fatal(err)
	}
	want := "site/a/deeper/y.html site/a/z.txt site/b.html site/recs.jsonl:1 site/recs.jsonl:3 https://y.example/ https://x.example/p one.txt"
	if strings.Join(names, " ") != want {
		t.Errorf("inputs\n got %s\nwant %s", strings.Join(names, " "), want)
	}
	if n, ok := in.Count(context.Background()); !ok || n != len(names) {
		t.Errorf("Count = %d, %v; Each gave %d", n, ok, len(names))
	}
	in.List = "-"
	if _, ok := in.Count(context.Background()); ok {
		t.Error("Count claims to know the size of a list on standard input")
	}
}

func TestInputsMissingList(t *testing.T) {
	in := &Inputs{List: filepath.Join(t.TempDir(), "nope.txt")}
	err := in.Each(context.Background(), func(*Task) bool { return true })
	if err == nil || !strings.Contains(err.Error(), "--input-list") {
		t.Errorf("err = %v", err)
	}
}

func TestInputsMissingFileIsATask(t *testing.T) {
	in := &Inputs{Args: []string{"no/such.html"}}
	var got []*Task
	in.Each(context.Background(), func(t *Task) bool { got = append(got, t); return true })
	if len(got) != 1 || got[0].Name != "no/such.html" {
		t.Errorf("tasks %v", got)
	}
}
