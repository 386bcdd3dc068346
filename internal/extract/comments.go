package extract

import (
	"github.com/cleanhq/clean/internal/blocks"
	"golang.org/x/net/html"
)

// Reader comments (--comments): the blocks of the page's comment thread, after the
// article. A thread is a region whose class or id marks it as comments ("comments",
// "commentlist", "disqus"…) and that does not hold the article itself (a <body
// class="comments-open"> marks no thread). Its blocks are kept but for link lists (the
// reply and share links), the reply form's labels and what the article already holds.

// maxCommentLinkDensity is the most of a comment block's text that may sit in links.
const maxCommentLinkDensity = 0.5

// commentThread returns the page's reader comments as an article body, or nil when it
// has none. inArticle reports whether a segment is already part of the article.
func commentThread(segs []segment, inArticle func(i int) bool) *html.Node {
	article, inRegion := 0, map[*html.Node]int{} // the article's runes, and those in each region
	for i, s := range segs {
		if inArticle(i) {
			article += s.runes
			if s.path.commentRoot != nil {
				inRegion[s.path.commentRoot] += s.runes
			}
		}
	}
	var kept []segment
	for i, s := range segs {
		r := s.path.commentRoot
		if r == nil || 2*inRegion[r] > article || inArticle(i) {
			continue // not in a region, in one that holds most of the article, or article text
		}
		if s.path.replyForm || float64(s.linkRunes) > maxCommentLinkDensity*float64(s.runes) {
			continue // the reply form, or the reply and share links
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
