package extract

import (
	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
)

// Reader comments (--comments): the blocks of the page's comment thread, after the
// article. A thread is a region whose class or id marks it as comments ("comments",
// "commentlist", "disqus"…) and that is not most of the page (a <body
// class="comments-open"> marks no thread). Its blocks are kept but for link lists (the
// reply and share links) and what the article already holds.

// maxThreadShare is the largest share of the page's text a comment region may hold.
const maxThreadShare = 0.8

// maxCommentLinkDensity is the most of a comment block's text that may sit in links.
const maxCommentLinkDensity = 0.5

// commentThread returns the page's reader comments as an article body, or nil when it
// has none. inArticle reports whether a segment is already part of the article.
func commentThread(segs []segment, inArticle func(i int) bool) *html.Node {
	regions, total := map[*html.Node]int{}, 0
	for _, s := range segs {
		total += s.runes
		if s.path.commentRoot != nil {
			regions[s.path.commentRoot] += s.runes
		}
	}
	var kept []segment
	for i, s := range segs {
		r := s.path.commentRoot
		if r == nil || float64(regions[r]) > maxThreadShare*float64(total) || inArticle(i) {
			continue
		}
		if float64(s.linkRunes) > maxCommentLinkDensity*float64(s.runes) {
			continue
		}
		kept = append(kept, s)
	}
	if len(kept) == 0 {
		return nil
	}
	root := keptTree(kept, nil)
	if !blocks.HasContent(root) {
		return nil
	}
	return root
}
