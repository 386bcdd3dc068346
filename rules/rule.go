package rules

import (
	"errors"
	"fmt"
	"path"
	"regexp"
	"regexp/syntax"
	"strings"

	"github.com/andybalholm/cascadia"
)

// Kind says what a rule does with what it matches.
type Kind string

// The rule kinds; see the package documentation.
const (
	Strip   Kind = "strip"
	Drop    Kind = "drop"
	CutTail Kind = "cut-tail"
	CutHead Kind = "cut-head"
	Select  Kind = "select"
)

var kinds = [...]Kind{Strip, Drop, CutTail, CutHead, Select}

// MaxPatternLength bounds a rule's pattern, in bytes.
const MaxPatternLength = 2000

// Rule is one compiled boilerplate rule, as read from a rule file.
type Rule struct {
	ID            string
	Description   string
	Kind          Kind
	Pattern       string   // literal text
	Regex         string   // RE2 regular expression
	Selector      string   // CSS selector, for kind select
	CaseSensitive bool     // patterns ignore case unless set
	Sites         []string // host globs; none means every site
	Keep          []string // examples the rule must leave alone
	DropExamples  []string // examples the rule must act on

	// File and Line say where the rule was defined.
	File string
	Line int

	keepLines, dropLines []int // lines of the examples, when read from a file
	re                   *regexp.Regexp
	pre                  prefilter // a cheap test before the regex
	sel                  cascadia.SelectorGroup
}

// fieldError is a problem with one field of a rule, so that it can be located by that
// field's line.
type fieldError struct {
	field string
	err   error
}

func (e *fieldError) Error() string { return e.err.Error() }
func (e *fieldError) Unwrap() error { return e.err }

func inField(field string, err error) error {
	if err == nil {
		return nil
	}
	return &fieldError{field: field, err: err}
}

// validID is the form of a rule id.
var validID = regexp.MustCompile(`^[A-Za-z0-9][A-Za-z0-9._-]*$`)

// compile checks the rule and prepares its matcher.
func (r *Rule) compile() error {
	switch {
	case r.ID == "":
		return fmt.Errorf("missing id")
	case !validID.MatchString(r.ID):
		return inField("id", fmt.Errorf("id %q: use letters, digits, '.', '_' and '-' only", r.ID))
	case r.Kind == "":
		return fmt.Errorf("missing kind (want one of %s)", kindList())
	case !knownKind(r.Kind):
		return inField("kind", fmt.Errorf("unknown kind %q (want one of %s)", r.Kind, kindList()))
	}
	if err := checkSites(r.Sites); err != nil {
		return inField("sites", err)
	}
	if r.Kind == Select {
		return inField("selector", r.compileSelector())
	}
	field := "regex"
	if r.Pattern != "" {
		field = "pattern"
	}
	return inField(field, r.compilePattern())
}

// checkSites refuses site scopes that are not host globs.
func checkSites(sites []string) error {
	for _, site := range sites {
		if _, err := path.Match(site, ""); err != nil || site == "" || strings.ContainsAny(site, "/: ") {
			return fmt.Errorf("sites: %q is not a host name or host glob (such as example.com or *.example.com)", site)
		}
	}
	return nil
}

func (r *Rule) compileSelector() error {
	switch {
	case r.Pattern != "" || r.Regex != "":
		return fmt.Errorf("kind select takes selector:, not pattern: or regex: fields")
	case r.Selector == "":
		return fmt.Errorf("missing selector (kind select takes selector:, a CSS selector)")
	case len(r.Selector) > MaxPatternLength:
		return fmt.Errorf("selector longer than %d bytes", MaxPatternLength)
	}
	sel, err := cascadia.ParseGroup(r.Selector)
	if err != nil {
		return fmt.Errorf("invalid selector %q: %v", r.Selector, err)
	}
	r.sel = sel
	return nil
}

func (r *Rule) compilePattern() error {
	switch {
	case r.Selector != "":
		return fmt.Errorf("selector: is only for kind select")
	case r.Pattern != "" && r.Regex != "":
		return fmt.Errorf("has both pattern and regex; give one")
	case r.Pattern == "" && r.Regex == "":
		return fmt.Errorf("missing pattern (give pattern: for literal text or regex: for an RE2 regular expression)")
	}
	field, src, expr := "regex", r.Regex, r.Regex
	if r.Pattern != "" {
		field, src, expr = "pattern", r.Pattern, regexp.QuoteMeta(r.Pattern)
	}
	if len(src) > MaxPatternLength {
		return fmt.Errorf("%s longer than %d bytes (%d)", field, MaxPatternLength, len(src))
	}
	if _, err := regexp.Compile(expr); err != nil {
		why := err.Error()
		var se *syntax.Error
		if errors.As(err, &se) { // without its "error parsing regexp: "
			why = fmt.Sprintf("%s: `%s`", se.Code, se.Expr)
		}
		return fmt.Errorf("invalid regex %q: %s (patterns are RE2: no look-around or back-references)", src, why)
	}
	if r.Kind != Strip {
		expr = `^(?:` + expr + `)$`
	}
	if !r.CaseSensitive {
		expr = `(?i)` + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return fmt.Errorf("invalid regex %q: %v", src, err)
	}
	if r.Kind == Strip && re.MatchString("") {
		return fmt.Errorf("regex %q matches empty text; a strip pattern must match at least one character", src)
	}
	r.re = re
	r.pre = newPrefilter(expr)
	if r.Kind == Strip { // a strip rule matches inside longer text
		r.pre.maxRunes, r.pre.leads, r.pre.trails = -1, leads{}, leads{}
	}
	return nil
}

// Origin is where the rule was defined, as "file:line", or "file" for a rule built in Go
// without a line.
func (r *Rule) Origin() string {
	if r.Line == 0 {
		return r.File
	}
	return fmt.Sprintf("%s:%d", r.File, r.Line)
}

// Matches reports whether a block with this text is matched by the rule: for strip rules,
// whether the text holds the token; for block rules, whether every line of it matches.
func (r *Rule) Matches(text string) bool {
	if r.Kind == Strip {
		subj := textSubject(text)
		return r.re != nil && r.pre.holdsNeeded(&subj) && r.re.MatchString(text)
	}
	return r.matchLines(subjectLines(text))
}

// matchLines is Matches for a block rule, with the block's lines prepared once for all
// the rules tried on it. The edges of the first line are not looked at again: firstMatch
// has looked, and admits, which turns away all that edgesAdmit does, follows.
func (r *Rule) matchLines(lines []subject) bool {
	if r.re == nil {
		return false
	}
	for i := range lines {
		line := &lines[i]
		if i > 0 && !r.edgesAdmit(line) {
			return false
		}
		if line.untidy {
			if !r.pre.leads.admitsUntidy(line) || !r.pre.trails.admitsUntidy(line) || !r.pre.holdsNeededUntidy(line) {
				return false
			}
			line.tidy()
		}
		if !r.pre.admits(line) || !r.re.MatchString(line.text) {
			return false
		}
	}
	return len(lines) > 0
}

// edgesAdmit is the first look of the prefilter at a line, inline: its first and last
// runes (see leads.mayAdmit).
func (r *Rule) edgesAdmit(line *subject) bool {
	return r.pre.leads.mayAdmit(line) && r.pre.trails.mayAdmit(line)
}

// AppliesTo reports whether the rule is in scope for a page on host. A rule with no sites
// applies everywhere. A site is a host glob (path.Match syntax, case-insensitive) matched
// against the whole host; a site without wildcards also matches its subdomains, so
// example.com covers www.example.com and news.example.com.
func (r *Rule) AppliesTo(host string) bool {
	if len(r.Sites) == 0 {
		return true
	}
	host = strings.ToLower(strings.TrimSuffix(host, "."))
	for _, site := range r.Sites {
		site = strings.ToLower(site)
		if ok, _ := path.Match(site, host); ok && host != "" {
			return true
		}
		if !strings.ContainsAny(site, "*?[") && strings.HasSuffix(host, "."+site) {
			return true
		}
	}
	return false
}

func knownKind(k Kind) bool {
	for _, known := range kinds {
		if k == known {
			return true
		}
	}
	return false
}

func kindList() string {
	names := make([]string, len(kinds))
	for i, k := range kinds {
		names[i] = string(k)
	}
	return strings.Join(names, ", ")
}
