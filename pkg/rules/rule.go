package rules

import (
	"fmt"
	"path"
	"regexp"
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

var kinds = []Kind{Strip, Drop, CutTail, CutHead, Select}

// MaxPatternLength bounds a rule's pattern, in bytes.
const MaxPatternLength = 2000

// Rule is one compiled boilerplate rule.
type Rule struct {
	ID            string   `yaml:"id"`
	Description   string   `yaml:"description"`
	Kind          Kind     `yaml:"kind"`
	Pattern       string   `yaml:"pattern,omitempty"`
	Regex         string   `yaml:"regex,omitempty"`
	Selector      string   `yaml:"selector,omitempty"`
	CaseSensitive bool     `yaml:"case_sensitive,omitempty"`
	Sites         []string `yaml:"sites,omitempty"`
	Keep          []string `yaml:"keep,omitempty"`
	DropExamples  []string `yaml:"drop,omitempty"`

	// File and Line say where the rule was defined.
	File string `yaml:"-"`
	Line int    `yaml:"-"`

	re  *regexp.Regexp
	sel cascadia.SelectorGroup
}

// compile checks the rule and prepares its matcher.
func (r *Rule) compile() error {
	if r.ID == "" {
		return fmt.Errorf("missing id")
	}
	if !knownKind(r.Kind) {
		return fmt.Errorf("unknown kind %q (want one of %s)", r.Kind, kindList())
	}
	if r.Kind == Select {
		return r.compileSelector()
	}
	return r.compilePattern()
}

func (r *Rule) compileSelector() error {
	if r.Selector == "" {
		return fmt.Errorf("missing selector (kind select takes selector:, a CSS selector)")
	}
	if len(r.Selector) > MaxPatternLength {
		return fmt.Errorf("selector longer than %d bytes", MaxPatternLength)
	}
	sel, err := cascadia.ParseGroup(r.Selector)
	if err != nil {
		return fmt.Errorf("invalid selector: %v", err)
	}
	r.sel = sel
	return nil
}

func (r *Rule) compilePattern() error {
	expr := r.Regex
	switch {
	case r.Pattern != "" && r.Regex != "":
		return fmt.Errorf("has both pattern and regex; give one")
	case r.Pattern != "":
		expr = regexp.QuoteMeta(r.Pattern)
	case r.Regex == "":
		return fmt.Errorf("missing pattern (give pattern: for literal text or regex: for RE2)")
	}
	if len(expr) > MaxPatternLength {
		return fmt.Errorf("pattern longer than %d bytes", MaxPatternLength)
	}
	if r.Kind != Strip {
		expr = `^(?:` + expr + `)$`
	}
	if !r.CaseSensitive {
		expr = `(?i)` + expr
	}
	re, err := regexp.Compile(expr)
	if err != nil {
		return fmt.Errorf("invalid regex: %v", strings.TrimPrefix(err.Error(), "error parsing regexp: "))
	}
	r.re = re
	return nil
}

// Origin is where the rule was defined, as "file:line".
func (r *Rule) Origin() string { return fmt.Sprintf("%s:%d", r.File, r.Line) }

// Matches reports whether a block with this text is matched by the rule: for strip rules,
// whether the text holds the token; for block rules, whether every line of it matches.
func (r *Rule) Matches(text string) bool {
	if r.re == nil {
		return false
	}
	if r.Kind == Strip {
		return r.re.MatchString(text)
	}
	found := false
	for _, line := range strings.Split(text, "\n") {
		if line = strings.TrimSpace(line); line == "" {
			continue
		}
		if !r.re.MatchString(line) {
			return false
		}
		found = true
	}
	return found
}

// AppliesTo reports whether the rule is in scope for a page on host. A rule with no sites
// applies everywhere; a site glob is matched against the host, and a glob without a
// wildcard also matches the host's subdomains.
func (r *Rule) AppliesTo(host string) bool {
	if len(r.Sites) == 0 {
		return true
	}
	host = strings.ToLower(strings.TrimPrefix(host, "www."))
	for _, site := range r.Sites {
		site = strings.ToLower(strings.TrimPrefix(site, "www."))
		if ok, _ := path.Match(site, host); ok {
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
