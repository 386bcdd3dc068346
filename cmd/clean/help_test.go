package main

import (
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// helpSections parses the flag sections of a --help output: section title → long flag
// names, in the order printed.
func helpSections(t *testing.T, help string) (titles []string, flags map[string][]string) {
	t.Helper()
	flags = map[string][]string{}
	long := regexp.MustCompile(`^ +(?:-\w, )?--([\w-]+) `)
	title := ""
	for _, line := range strings.Split(help, "\n") {
		switch {
		case strings.HasSuffix(line, "flags:") || line == "Flags:":
			title = strings.TrimSuffix(line, ":")
			titles = append(titles, title)
		case line == "":
			title = ""
		case title != "":
			m := long.FindStringSubmatch(line)
			if m == nil {
				t.Fatalf("section %s: not a flag line: %q", title, line)
			}
			flags[title] = append(flags[title], m[1])
		}
	}
	return titles, flags
}

// TestHelpFlagSections: --help shows the flags in sections (input, output, rules, batch,
// network), each with its flags, for clean, clean learn and clean rules.
func TestHelpFlagSections(t *testing.T) {
	batch := []string{"doc-timeout", "host-delay", "id-field", "include", "input-list", "jobs", "jsonl",
		"jsonl-field", "per-host", "url-field"}
	for _, c := range []struct {
		args   []string
		titles []string
		flags  map[string][]string
	}{
		{[]string{"--help"},
			[]string{"Input flags", "Output flags", "Rule flags", "Batch flags", "Network flags", "Other flags"},
			map[string][]string{
				"Input flags":   {"input", "max-size", "url"},
				"Output flags":  {"format", "front-matter", "no-images", "no-links", "no-tables", "output"},
				"Rule flags":    {"explain", "no-user-rules", "rules"},
				"Batch flags":   batch,
				"Network flags": {"retries", "timeout", "user-agent"},
				"Other flags":   {"help", "version"},
			}},
		{[]string{"learn", "--help"},
			[]string{"Input flags", "Output flags", "Rule flags", "Learning flags", "Batch flags", "Network flags", "Other flags"},
			map[string][]string{
				"Input flags":    {"input", "max-size"},
				"Output flags":   {"output"},
				"Rule flags":     {"no-user-rules", "rules"},
				"Learning flags": {"max-length", "min-pages", "min-share"},
				"Batch flags":    batch,
				"Network flags":  {"retries", "timeout", "user-agent"},
				"Other flags":    {"help"},
			}},
		{[]string{"rules", "--help"},
			[]string{"Rule flags", "Other flags"},
			map[string][]string{"Rule flags": {"no-user-rules", "rules"}, "Other flags": {"help"}}},
		{[]string{"rules", "test", "-h"}, []string{"Flags"}, map[string][]string{"Flags": {"help"}}},
	} {
		t.Run(strings.Join(c.args, " "), func(t *testing.T) {
			out, stderr, code := runCLI(t, c.args...)
			if code != exitOK || stderr != "" {
				t.Fatalf("exit %d, stderr %q", code, stderr)
			}
			titles, flags := helpSections(t, out)
			if !slices.Equal(titles, c.titles) {
				t.Errorf("sections %q, want %q", titles, c.titles)
			}
			for title, want := range c.flags {
				if !slices.Equal(flags[title], want) {
					t.Errorf("%s: %q, want %q", title, flags[title], want)
				}
			}
			if !strings.Contains(out, "\nUsage:\n") && !strings.HasPrefix(out, "Usage:\n") {
				t.Errorf("no Usage section:\n%s", out)
			}
		})
	}
}

// TestEveryFlagHasAGroup: every flag of every command is in a group of help.go's table,
// and every name in the table is a flag of some command.
func TestEveryFlagHasAGroup(t *testing.T) {
	root := newRootCmd(streams{})
	used := map[string]bool{}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		if c.Name() == "completion" || c.HasParent() && c.Parent().Name() == "completion" {
			return // cobra's
		}
		c.Flags().VisitAll(func(f *pflag.Flag) {
			used[f.Name] = true
			if len(f.Annotations[groupAnnotation]) == 0 {
				t.Errorf("%s --%s is in no group of flagGroups (help.go)", c.CommandPath(), f.Name)
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	for _, g := range flagGroups {
		for _, name := range g.flags {
			if !used[name] {
				t.Errorf("group %s lists --%s, which no command has", g.name, name)
			}
		}
	}
}

// TestCompleteEnumFlags: the shells complete the values of -f and --input (bash, zsh and
// fish all ask cobra's hidden __complete command).
func TestCompleteEnumFlags(t *testing.T) {
	formats := "markdown\ntext\njson\njsonl\nhtml\n:4\n" // :4 is ShellCompDirectiveNoFileComp
	kinds := "auto\nhtml\ntext\n:4\n"
	for _, c := range []struct {
		args []string
		want string
	}{
		{[]string{"__complete", "-f", ""}, formats},
		{[]string{"__complete", "--format", ""}, formats},
		{[]string{"__complete", "--format=j"}, formats}, // the shells keep the values that fit
		{[]string{"__complete", "page.html", "--input", ""}, kinds},
		{[]string{"__complete", "learn", "--input", ""}, kinds},
		{[]string{"__completeNoDesc", "-f", "t"}, formats},
	} {
		out, stderr, code := runCLI(t, c.args...)
		if code != exitOK || out != c.want {
			t.Errorf("clean %q: exit %d, stdout %q, want %q (stderr %q)", c.args, code, out, c.want, stderr)
		}
	}
}
