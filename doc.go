// Package clean turns raw article HTML, or text scraped from a web page, into the article
// alone: its body as Markdown and plain text, with its metadata.
//
// The common case is one call:
//
//	doc, err := clean.CleanHTML(ctx, page, "https://example.com/story")
//
// Clean takes any Input (HTML or text, its name, its URL) with Options (the rules, the
// input kind, the output the document is for, whether to explain removals). Both run the
// same pipeline, one stage after the other, each once per document:
//
//	decode   bytes to UTF-8; HTML or text (sniffed unless Options.Kind says)
//	prepare  HTML: parse, make links safe and absolute, remove what selector rules select
//	extract  the article: HTML through a chain of candidate extractors (readability, then
//	         the page's visible text) and a chooser; text through the block classifier
//	rules    boilerplate rules (package rules): strip tokens, drop blocks, cut tails
//	render   the body as plain text, and as Markdown when the output needs it
//
// Errors name the input: they are *InputError, and errors.Is tells the common causes
// apart (ErrEmpty, ErrBinary, ErrTooLarge, ErrNoText). Clean is safe for concurrent use;
// a corpus builder runs it from as many goroutines as it likes.
//
// A Document renders to the command's output formats with Write; Formats lists them.
package clean
