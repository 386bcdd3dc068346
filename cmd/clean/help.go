package main

import (
	"strings"
	"unicode"

	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// flagGroups are the sections of --help, in this order, and the flags in each: the one
// table of which flag goes where, for every command. A new flag gets a line here
// (TestEveryFlagHasAGroup); flags cobra adds itself (--help, --version) come last, under
// "Other flags".
var flagGroups = []struct {
	name, title string
	flags       []string
}{
	{"input", "Input flags", []string{"input", "url", "max-size"}},
	{"output", "Output flags", []string{"format", "output", "front-matter", "no-tables", "no-images", "no-links"}},
	{"rules", "Rule flags", []string{"rules", "no-user-rules", "explain"}},
	{"learn", "Learning flags", []string{"min-pages", "min-share", "max-length"}},
	{"batch", "Batch flags", []string{"jobs", "include", "input-list", "jsonl", "jsonl-field", "id-field",
		"url-field", "doc-timeout", "per-host", "host-delay"}},
	{"corpus", "Corpus flags (web archives)", []string{"warc", "paths-file", "shard", "shard-count", "filter", "dedup"}},
	{"network", "Network flags", []string{"user-agent", "timeout", "retries"}},
}

// groupAnnotation is the flag annotation that holds the name of the flag's group.
const groupAnnotation = "clean_flag_group"

// groupFlags puts every flag of the command tree in its group (an annotation read by the
// usage template) and sets the template, which subcommands inherit.
func groupFlags(root *cobra.Command) {
	group := map[string]string{}
	for _, g := range flagGroups {
		for _, name := range g.flags {
			group[name] = g.name
		}
	}
	var walk func(*cobra.Command)
	walk = func(c *cobra.Command) {
		c.Flags().VisitAll(func(f *pflag.Flag) {
			if g, ok := group[f.Name]; ok {
				c.Flags().SetAnnotation(f.Name, groupAnnotation, []string{g})
			}
		})
		for _, sub := range c.Commands() {
			walk(sub)
		}
	}
	walk(root)
	cobra.AddTemplateFunc("flagSections", flagSections)
	root.SetUsageTemplate(usageTemplate)
}

// flagSections formats the local flags of c for the usage template: one section per
// group that c has flags of, each led by a blank line and its title.
func flagSections(c *cobra.Command) string {
	sets := map[string]*pflag.FlagSet{}
	c.LocalFlags().VisitAll(func(f *pflag.Flag) {
		g := ""
		if v := f.Annotations[groupAnnotation]; len(v) > 0 {
			g = v[0]
		}
		if sets[g] == nil {
			sets[g] = pflag.NewFlagSet(g, pflag.ContinueOnError)
		}
		sets[g].AddFlag(f)
	})
	var b strings.Builder
	section := func(title string, fs *pflag.FlagSet) {
		if usages := strings.TrimRightFunc(fs.FlagUsages(), unicode.IsSpace); usages != "" {
			b.WriteString("\n\n" + title + ":\n" + usages)
		}
	}
	for _, g := range flagGroups {
		if fs := sets[g.name]; fs != nil {
			section(g.title, fs)
		}
	}
	if fs := sets[""]; fs != nil {
		title := "Other flags"
		if b.Len() == 0 {
			title = "Flags"
		}
		section(title, fs)
	}
	return b.String()
}

// usageTemplate is cobra's default usage template (v1.10.2) with the one Flags section
// replaced by the sections of flagSections.
const usageTemplate = `Usage:{{if .Runnable}}
  {{.UseLine}}{{end}}{{if .HasAvailableSubCommands}}
  {{.CommandPath}} [command]{{end}}{{if gt (len .Aliases) 0}}

Aliases:
  {{.NameAndAliases}}{{end}}{{if .HasExample}}

Examples:
{{.Example}}{{end}}{{if .HasAvailableSubCommands}}{{$cmds := .Commands}}{{if eq (len .Groups) 0}}

Available Commands:{{range $cmds}}{{if (or .IsAvailableCommand (eq .Name "help"))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{else}}{{range $group := .Groups}}

{{.Title}}{{range $cmds}}{{if (and (eq .GroupID $group.ID) (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{if not .AllChildCommandsHaveGroup}}

Additional Commands:{{range $cmds}}{{if (and (eq .GroupID "") (or .IsAvailableCommand (eq .Name "help")))}}
  {{rpad .Name .NamePadding }} {{.Short}}{{end}}{{end}}{{end}}{{end}}{{end}}{{if .HasAvailableLocalFlags}}{{flagSections .}}{{end}}{{if .HasAvailableInheritedFlags}}

Global Flags:
{{.InheritedFlags.FlagUsages | trimTrailingWhitespaces}}{{end}}{{if .HasHelpSubCommands}}

Additional help topics:{{range .Commands}}{{if .IsAdditionalHelpTopicCommand}}
  {{rpad .CommandPath .CommandPathPadding}} {{.Short}}{{end}}{{end}}{{end}}{{if .HasAvailableSubCommands}}

Use "{{.CommandPath}} [command] --help" for more information about a command.{{end}}
`
