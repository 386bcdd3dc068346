// Package rules is the boilerplate rule engine: rules are data (an id, a kind, a pattern,
// an optional site scope, examples), loaded from YAML files. The built-in set is embedded
// from builtin.yaml; users add files of the same form.
//
// Kinds:
//
//	strip     remove an inline token (pattern matched anywhere in the text)
//	drop      remove a block whose whole text matches (every line of it, for multi-line blocks)
//	cut-tail  remove a matching block in the second half of the article and all that follows
//	cut-head  remove a matching block in the first half of the article and all that precedes
//	select    HTML only: remove elements matching a CSS selector before extraction
//
// Patterns are RE2 regular expressions (regex:) or literal text (pattern:), case-insensitive
// unless case_sensitive is set. For drop, cut-tail and cut-head they are anchored: they must
// match the whole block text (white space trimmed and collapsed). For strip they match
// anywhere.
package rules
