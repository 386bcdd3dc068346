package quality

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/cleanhq/clean/internal/source"
)

// Page is one benchmark page: its id, URL, true article body and the raw input.
type Page struct {
	ID, URL, Truth string
	Input          []byte
}

// truthFile is the benchmark's ground-truth.json: {id: {articleBody, url}}.
type truthFile map[string]struct {
	ArticleBody string `json:"articleBody"`
	URL         string `json:"url"`
}

// LoadCorpus reads a benchmark folder laid out like ScrapingHub's: ground-truth.json, and
// per page html/ID.html.gz (mode "html") or textdumps/ID.txt (mode "text"). Pages come
// sorted by id.
func LoadCorpus(dir, mode string) ([]Page, error) {
	data, err := os.ReadFile(filepath.Join(dir, "ground-truth.json"))
	if err != nil {
		return nil, err
	}
	var truth truthFile
	if err := json.Unmarshal(data, &truth); err != nil {
		return nil, fmt.Errorf("%s: %w", filepath.Join(dir, "ground-truth.json"), err)
	}
	var pages []Page
	for id, t := range truth {
		name := filepath.Join(dir, "html", id+".html.gz")
		if mode == "text" {
			name = filepath.Join(dir, "textdumps", id+".txt")
		}
		in, err := source.Read(context.Background(), name, source.Options{})
		if err != nil {
			return nil, err
		}
		pages = append(pages, Page{ID: id, URL: t.URL, Truth: t.ArticleBody, Input: in.Data})
	}
	sort.Slice(pages, func(i, j int) bool { return pages[i].ID < pages[j].ID })
	return pages, nil
}
