// Package extract finds the article in a page and gives it one shape whatever the input:
// an article DOM (a container element holding the body) plus metadata. HTML goes through
// go-readability (codeberg.org/readeck/go-readability/v2) with a visible-text fallback;
// plain text becomes one <p> per paragraph.
package extract
