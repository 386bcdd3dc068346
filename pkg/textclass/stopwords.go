package textclass

import (
	"embed"
	"strings"
	"sync"
)

//go:embed stopwords/*.txt
var stopwordFiles embed.FS

// languages are the ISO 639-1 codes of the shipped stop-word lists, in the order of the
// bits of a langMask.
var languages = []string{"en", "de", "fr", "es", "pt", "it", "nl", "pl", "ru"}

// maxLangs bounds the number of languages a langMask can hold.
const maxLangs = 16

// langMask has bit i set when a word is a stop word of languages[i].
type langMask uint16

// stopIndex maps a lower-case word to the languages whose stop-word list holds it.
type stopIndex struct {
	words  map[string]langMask
	maxLen int // longest stop word in bytes; longer words are not looked up
}

var loadStopwords = sync.OnceValue(func() *stopIndex {
	idx := &stopIndex{words: make(map[string]langMask)}
	for i, lang := range languages {
		data, err := stopwordFiles.ReadFile("stopwords/" + lang + ".txt")
		if err != nil {
			continue // cannot happen: the lists are embedded at build time (a test checks each)
		}
		for _, line := range strings.Split(string(data), "\n") {
			w := strings.ToLower(strings.TrimSpace(line))
			if w == "" || strings.HasPrefix(w, "#") {
				continue
			}
			w = strings.ReplaceAll(w, "’", "'")
			idx.words[w] |= 1 << i
			idx.maxLen = max(idx.maxLen, len(w))
		}
	}
	return idx
})

// Languages returns the codes of the languages whose stop words are shipped.
func Languages() []string { return append([]string(nil), languages...) }
