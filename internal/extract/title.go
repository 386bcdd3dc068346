package extract

import (
	"regexp"
	"strings"

	"github.com/cleanhq/clean/internal/blocks"
)

// titleSeparator is what stands between a title and the site name pages add to it
// ("Story | Site", "Site - Story"): a dash, bar, bullet… with a space on each side.
var titleSeparator = regexp.MustCompile(`\s+(?:[|\-–—·•»~/]|::)\s+`)

// maxTitleCuts bounds the affixes taken off a title ("Story | Section | Site" has two).
const maxTitleCuts = 3

// Title returns the article's title from the title the extractor found and what the page
// says: a part before or after a separator goes when it is the site's name (a name the
// page gives its site, siteName, or the host's name: "TheHill" for thehill.com), and the
// part kept is the one that is the page's other title or its <h1> when one side is (the
// <h1> is preferred to the <title> it is part of). A title cut short ("…") gives way to
// the <h1> it begins. When title is a part of the <title> (readability cut the rest by
// its position) that holds a site name, readability cut the wrong side: the <title> is
// cut by the site's names instead.
func (m Meta) Title(title, host, siteName string) string {
	title = blocks.CollapseSpace(title)
	sites := siteKeys(append(m.SiteNames, siteName), host)
	others := map[string]bool{}
	for _, t := range append(m.Headings, m.Titles...) {
		others[titleKey(t)] = true
	}
	cut := cutSites(title, sites)
	if doc := m.Document; cut != title && isTitlePart(title, doc) {
		if c := cutSites(doc, sites); c != doc {
			cut = c
		}
	}
	return m.completed(keepTitle(cut, sites, others), sites)
}

// cutSites takes the site names off title, up to maxTitleCuts of them.
func cutSites(title string, sites map[string]bool) string {
	for range maxTitleCuts {
		cut := cutSite(title, sites)
		if cut == title {
			break
		}
		title = cut
	}
	return title
}

// isTitlePart reports whether part is what comes before or after a separator in title.
func isTitlePart(part, title string) bool {
	for _, s := range titleSeparator.FindAllStringIndex(title, -1) {
		if part == title[:s[0]] || part == title[s[1]:] {
			return true
		}
	}
	return false
}

// cutSite takes one affix off title: the side of a separator that is a site name. It
// returns title unchanged when no side is.
func cutSite(title string, sites map[string]bool) string {
	seps := titleSeparator.FindAllStringIndex(title, -1)
	for _, s := range seps { // "Story - Site", leftmost first: the longest site name
		if before, after := title[:s[0]], title[s[1]:]; isSiteName(after, sites) && hasWord(before) {
			return before
		}
	}
	for i := len(seps) - 1; i >= 0; i-- { // "Site | Story"
		if before, after := title[:seps[i][0]], title[seps[i][1]:]; isSiteName(before, sites) && hasWord(after) {
			return after
		}
	}
	return title
}

// keepTitle returns the side of a separator in title that is the page's other title or
// heading, when it is at least as long as the side dropped; else title.
func keepTitle(title string, sites, others map[string]bool) string {
	for _, s := range titleSeparator.FindAllStringIndex(title, -1) {
		before, after := title[:s[0]], title[s[1]:]
		switch {
		case others[titleKey(before)] && len(before) >= len(after) && !isSiteName(before, sites):
			return before
		case others[titleKey(after)] && len(after) >= len(before) && !isSiteName(after, sites):
			return after
		}
	}
	return title
}

// completed returns the <h1> that title is the start of, when title was cut short (it
// ends in an ellipsis); else title.
func (m Meta) completed(title string, sites map[string]bool) string {
	if !strings.HasSuffix(title, "…") && !strings.HasSuffix(title, "...") {
		return title
	}
	short := titleKey(title)
	for _, h := range m.Headings {
		if k := titleKey(h); len(short) >= 10 && len(k) > len(short) && strings.HasPrefix(k, short) && !isSiteName(h, sites) {
			return h
		}
	}
	return title
}

// titleKey is a title as titles are compared: lower case, words of letters and digits
// separated by one space.
func titleKey(s string) string {
	return strings.Join(strings.FieldsFunc(strings.ToLower(s), func(r rune) bool { return !isLetterOrDigit(r) }), " ")
}

// compactKey is titleKey without spaces: "The Hill", "TheHill" and "thehill" are one name.
func compactKey(s string) string { return strings.ReplaceAll(titleKey(s), " ", "") }

// siteKeys are the compact keys of the site's names: the names the page gives it, the
// host without www., and each of the host's labels but the last (thehill.com: thehill).
func siteKeys(names []string, host string) map[string]bool {
	keys := map[string]bool{}
	for _, n := range names {
		if k := compactKey(n); k != "" {
			keys[k] = true
		}
	}
	host = strings.TrimPrefix(strings.ToLower(host), "www.")
	if host == "" {
		return keys
	}
	keys[compactKey(host)] = true
	labels := strings.Split(host, ".")
	for _, l := range labels[:len(labels)-1] {
		if len(l) >= 2 {
			keys[compactKey(l)] = true
		}
	}
	return keys
}

func isSiteName(s string, sites map[string]bool) bool { return sites[compactKey(s)] }

func hasWord(s string) bool { return titleKey(s) != "" }
