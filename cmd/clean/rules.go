package main

import (
	"fmt"
	"strings"
	"text/tabwriter"

	"github.com/cleanhq/clean/rules"
	"github.com/spf13/cobra"
)

func newRulesCmd(s streams) *cobra.Command {
	o := &rootOptions{}
	cmd := &cobra.Command{
		Use:   "rules",
		Short: "List the boilerplate rules in force (built-in, user file, --rules)",
		Example: `  clean rules
  clean rules --rules mysite.yaml
  clean rules test mysite.yaml`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			set, err := o.loadRules()
			if err != nil {
				return usageError{err}
			}
			return listRules(s, set)
		},
	}
	addRuleFlags(cmd, o)
	cmd.AddCommand(newRulesTestCmd(s))
	return cmd
}

func listRules(s streams, set *rules.Set) error {
	w := tabwriter.NewWriter(s.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "ID\tKIND\tSCOPE\tDESCRIPTION")
	for _, r := range set.Sorted() {
		scope := "all sites"
		if len(r.Sites) > 0 {
			scope = strings.Join(r.Sites, ",")
		}
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\n", r.ID, r.Kind, scope, r.Description)
	}
	return w.Flush()
}

func newRulesTestCmd(s streams) *cobra.Command {
	return &cobra.Command{
		Use:   "test FILE...",
		Short: "Check the keep: and drop: examples of rule files (builtin for the built-ins)",
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usagef("want at least one rule FILE (or builtin)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return testRuleFiles(s, args)
		},
	}
}

// testRuleFiles checks the examples of each file's rules, printing each failure; it fails
// (exit 1) when any example fails, and is a usage error (exit 2) when a file does not load.
func testRuleFiles(s streams, names []string) error {
	failures, checked := 0, 0
	for _, name := range names {
		set, err := rulesOfFile(name)
		if err != nil {
			return usageError{err}
		}
		for _, f := range set.TestExamples() {
			fmt.Fprintln(s.out, "FAIL "+f.String())
			failures++
		}
		for _, r := range set.Rules {
			n := len(r.Keep) + len(r.DropExamples)
			if n == 0 {
				fmt.Fprintf(s.out, "note %s: rule %q has no keep: or drop: examples\n", r.Origin(), r.ID)
			}
			checked += n
		}
	}
	if failures > 0 {
		return fmt.Errorf("%d of %d rule examples failed", failures, checked)
	}
	fmt.Fprintf(s.out, "ok: %d rule examples pass\n", checked)
	return nil
}

// rulesOfFile loads a rule file on top of the built-ins (so that its disable: list and
// duplicate ids are checked) and returns the file's own rules; "builtin" names the
// built-in set.
func rulesOfFile(name string) (*rules.Set, error) {
	set := rules.Builtin()
	if name == "builtin" {
		return set, nil
	}
	if err := set.AddFile(name); err != nil {
		return nil, err
	}
	own := &rules.Set{}
	for _, r := range set.Rules {
		if r.File == name {
			own.Rules = append(own.Rules, r)
		}
	}
	return own, nil
}
