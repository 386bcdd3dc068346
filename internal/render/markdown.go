package render

import (
	"strings"
	"sync"

	"github.com/JohannesKaufmann/html-to-markdown/v2/converter"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/base"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/commonmark"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/strikethrough"
	"github.com/JohannesKaufmann/html-to-markdown/v2/plugin/table"
	"golang.org/x/net/html"
)

// markdownConverter is built once; a Converter is safe for concurrent use.
var markdownConverter = sync.OnceValue(func() *converter.Converter {
	return converter.NewConverter(converter.WithPlugins(
		base.NewBasePlugin(),
		commonmark.NewCommonmarkPlugin(),
		strikethrough.NewStrikethroughPlugin(),
		table.NewTablePlugin(),
	))
})

// Markdown renders an article DOM as Markdown. Links and images with unsafe schemes
// (javascript: and the like) lose their target; relative ones are resolved against
// baseURL when it is set.
func Markdown(root *html.Node, baseURL string) (string, error) {
	if root == nil {
		return "", nil
	}
	DropUnsafeLinks(root)
	if md, ok := paragraphsMarkdown(root); ok { // plain-text articles: see paragraphs.go
		return md, nil
	}
	var opts []converter.ConvertOptionFunc
	if baseURL != "" {
		opts = append(opts, converter.WithDomain(baseURL))
	}
	out, err := markdownConverter().ConvertNode(root, opts...)
	if err != nil {
		return "", err
	}
	return strings.TrimSpace(string(out)), nil
}
