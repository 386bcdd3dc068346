package clean_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/rules"
)

const examplePage = `<html><head><title>Harbour works start in June | Example News</title><meta property="og:type" content="article"></head><body>
<nav><a href="/">Home</a> <a href="/local">Local</a></nav>
<article><h1>Harbour works start in June</h1>
<p>Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday. <a href="/roads">All road works</a>.</p>
<p>The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.</p>
<p>Tags</p></article>
<footer>© 2026 Example News. All rights reserved.</footer></body></html>`

// CleanHTML is the one call for the common case: a page's HTML and its address.
func ExampleCleanHTML() {
	doc, err := clean.CleanHTML(context.Background(), []byte(examplePage), "https://news.example.org/harbour")
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(doc.Title)
	fmt.Println(doc.Markdown)
	// Output:
	// Harbour works start in June
	// Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday. [All road works](https://news.example.org/roads).
	//
	// The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.
}

// Clean takes any input, HTML or scraped text, with options: here text, explained.
func ExampleClean() {
	dump := "Council approves harbour works\n\n" +
		"Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday. {mosads}\n\n" +
		"The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.\n\n" +
		"Most Popular\n\nLoad more"
	in := clean.Input{Name: "dump.txt", Data: []byte(dump)}
	doc, err := clean.Clean(context.Background(), in, clean.Options{Kind: clean.KindText, Explain: true, Format: clean.FormatText})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%s\n\n%s\n\n", doc.Title, doc.Text)
	for _, r := range doc.Removed {
		fmt.Println(r)
	}
	// Output:
	// Council approves harbour works
	//
	// Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday.
	//
	// The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.
	//
	// removed [cms-ad-token] "{mosads}"
	// removed [label-related] "Most Popular"
	// removed [label-more-link] "Load more"
}

// Errors name the input; errors.Is tells the causes apart.
func ExampleInputError() {
	_, err := clean.Clean(context.Background(), clean.Input{Name: "blank.html", Data: []byte(" \n ")}, clean.Options{})
	fmt.Println(err)
	fmt.Println(errors.Is(err, clean.ErrEmpty))
	var ie *clean.InputError
	if errors.As(err, &ie) {
		fmt.Println(ie.Name)
	}
	// Output:
	// blank.html: empty input
	// true
	// blank.html
}

// Write renders a Document in any of the command's output formats.
func ExampleWrite() {
	doc, _ := clean.CleanHTML(context.Background(), []byte(examplePage), "")
	f, _ := clean.ParseFormat("txt")
	if err := clean.Write(os.Stdout, doc, f, clean.WriteOptions{}); err != nil {
		fmt.Println(err)
	}
	fmt.Println(f.Extension(), f.MediaType())
	// Output:
	// Harbour works start in June
	//
	// Work on the first road starts in June and should be finished before the schools open again in September, the council said on Monday. All road works.
	//
	// The second road follows next spring, after a survey of the cycling routes that cross it, which the council will publish in the autumn.
	// txt text/plain; charset=utf-8
}

// Rules built in Go work exactly like rules from a YAML file.
func ExampleOptions_rules() {
	set := rules.Builtin()
	err := set.Add(rules.Rule{ID: "harbour-survey", Kind: rules.Drop, Regex: `The second road follows .*`,
		Sites: []string{"news.example.org"}})
	if err != nil {
		fmt.Println(err)
		return
	}
	in := clean.Input{Name: "page.html", URL: "https://news.example.org/harbour", Data: []byte(examplePage)}
	doc, err := clean.Clean(context.Background(), in, clean.Options{Rules: set, Explain: true})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(strings.Contains(doc.Text, "second road"))
	for _, r := range doc.Removed {
		fmt.Println(r.Rule)
	}
	// Output:
	// false
	// harbour-survey
	// label-tags
}
