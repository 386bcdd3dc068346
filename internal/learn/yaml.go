package learn

import (
	"fmt"
	"io"
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/cleanhq/clean/internal/fsutil"
	cleanrules "github.com/cleanhq/clean/rules"
)

// rule is the YAML form of a learned rule, in the format of package rules.
type rule struct {
	ID          string   `yaml:"id"`
	Kind        string   `yaml:"kind"`
	Description string   `yaml:"description"`
	Sites       []string `yaml:"sites,flow"`
	Pattern     string   `yaml:"pattern,omitempty"`
	Regex       string   `yaml:"regex,omitempty"`
	Drop        []string `yaml:"drop"`
	Keep        []string `yaml:"keep,omitempty"`
}

// WriteYAML writes the found blocks as a rule file: one drop rule per block, scoped to its
// site, with a literal pattern (a block of several lines gets a regex matching any of
// them, as a drop rule matches a block when every line matches). header becomes a comment.
func WriteYAML(w io.Writer, found []Found, header string) error {
	rules := make([]rule, 0, len(found))
	for _, f := range found {
		if r := toRule(f); len(r.Pattern)+len(r.Regex) <= cleanrules.MaxPatternLength {
			rules = append(rules, r)
		}
	}
	var b strings.Builder
	for _, line := range strings.Split(strings.TrimSpace(header), "\n") {
		b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
	}
	if len(rules) == 0 {
		b.WriteString("rules: []\n")
		_, err := io.WriteString(w, b.String())
		return err
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(map[string][]rule{"rules": rules}); err != nil {
		return err
	}
	if err := enc.Close(); err != nil {
		return err
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func toRule(f Found) rule {
	r := rule{
		ID:          "learned-" + slug(f.Site) + "-" + fsutil.ShortHash(f.Site+"\n"+f.Text),
		Kind:        "drop",
		Description: fmt.Sprintf("on %d of %d pages of %s (clean learn)", f.Pages, f.SitePages, f.Site),
		Sites:       []string{f.Site},
		Drop:        []string{f.Text},
	}
	if f.Keep != "" {
		r.Keep = []string{f.Keep}
	}
	lines := strings.Split(f.Text, "\n")
	if len(lines) == 1 {
		r.Pattern = f.Text
		return r
	}
	quoted := make([]string, len(lines))
	for i, l := range lines {
		quoted[i] = regexp.QuoteMeta(l)
	}
	r.Regex = strings.Join(quoted, "|")
	return r
}

func slug(host string) string {
	return strings.Map(func(r rune) rune {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			return r
		}
		return '-'
	}, host)
}
