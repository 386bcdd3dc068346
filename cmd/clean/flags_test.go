package main

import (
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// TestSubcommandsShareRootFlags: a flag of clean learn or clean rules that clean has too is
// the same flag (shorthand, type, default and help text), but for the help texts that say
// what the flag does there.
func TestSubcommandsShareRootFlags(t *testing.T) {
	root := newRootCmd(streams{})
	ownUsage := map[string]map[string]bool{"learn": {"output": true, "rules": true}}
	shared := 0
	for _, c := range root.Commands() {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			r := root.Flags().Lookup(f.Name)
			if r == nil {
				return
			}
			shared++
			if f.Shorthand != r.Shorthand || f.Value.Type() != r.Value.Type() || f.DefValue != r.DefValue {
				t.Errorf("%s --%s: -%s %s default %q; clean has -%s %s default %q", c.Name(), f.Name,
					f.Shorthand, f.Value.Type(), f.DefValue, r.Shorthand, r.Value.Type(), r.DefValue)
			}
			if same := f.Usage == r.Usage; same == ownUsage[c.Name()][f.Name] {
				t.Errorf("%s --%s: help %q, clean's %q (own help text expected: %v)", c.Name(), f.Name,
					f.Usage, r.Usage, ownUsage[c.Name()][f.Name])
			}
		})
	}
	if shared < 10 {
		t.Errorf("only %d shared flags", shared)
	}
	learn, _, _ := root.Find([]string{"learn"})
	for _, name := range []string{"input", "max-size", "output", "rules", "no-user-rules", "user-agent", "timeout", "jobs"} {
		if learn.Flags().Lookup(name) == nil {
			t.Errorf("clean learn has no --%s", name)
		}
	}
}

// TestSetUsageUnknownFlag: overriding the help text of a flag the command lacks is a
// programming error, caught at once.
func TestSetUsageUnknownFlag(t *testing.T) {
	defer func() {
		if recover() == nil {
			t.Error("setUsage of a missing flag did not panic")
		}
	}()
	setUsage(&cobra.Command{Use: "x"}, "nosuch", "text")
}
