// Package rules is the boilerplate rule engine: rules are data (an id, a kind, a pattern,
// an optional site scope, examples), loaded from YAML files. The built-in set is embedded
// from builtin.yaml; users add files of the same form, which may disable earlier rules by
// id. Every problem in a file is a *FileError naming file, line and rule.
//
// Kinds:
//
//	strip     remove an inline token (pattern matched anywhere in the text)
//	drop      remove a block whose whole text matches (every line of it, for multi-line blocks)
//	cut-tail  remove a matching block near the end of the article and all that follows
//	cut-head  remove a matching block near the start of the article and all that precedes
//	select    HTML only: remove elements matching a CSS selector before extraction
//
// Patterns are RE2 regular expressions (regex:) or literal text (pattern:), at most
// MaxPatternLength bytes, case-insensitive unless case_sensitive is set. For drop, cut-tail
// and cut-head they are anchored: they must match the whole block text (white space trimmed
// and collapsed); table cells are never matched. For strip they match anywhere. A cut acts only near the edge: when what
// lies beyond the match is at most a third of the text or holds no prose; elsewhere the
// rule drops only its own block.
//
// Sites are host globs; a site without wildcards also covers its subdomains. Each rule's
// keep: and drop: examples are checked by Set.TestExamples.
package rules
