package main

import (
	"strings"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/source"
	"github.com/spf13/cobra"
)

// The flag families. Each function defines one family's flags once, for every command that
// takes them (clean, clean learn, clean rules); a command where a shared flag does
// something more specific says so with setUsage. Flags that only one command has are
// defined with that command; addBatchFlags is in batch.go. Which --help section each flag
// is in is decided in help.go.

// addInputFlags adds what to read and how much: --input and --max-size. The input kinds
// complete in the shells.
func addInputFlags(cmd *cobra.Command, o *rootOptions) {
	f := cmd.Flags()
	f.StringVar(&o.input, "input", "auto", "input kind: auto, html or text")
	f.Int64Var(&o.maxSize, "max-size", source.DefaultMaxBytes, "largest document accepted, in bytes (after decompression)")
	completeValues(cmd, "input", kindNames())
}

// addOutputFlags adds where to write: -o.
func addOutputFlags(cmd *cobra.Command, o *rootOptions) {
	cmd.Flags().StringVarP(&o.output, "output", "o", "", "write to `FILE` (atomically) instead of standard output")
}

// addFormatFlags adds what to write, for the commands that write cleaned documents:
// -f (its values complete in the shells) and --front-matter.
func addFormatFlags(cmd *cobra.Command, o *rootOptions) {
	f := cmd.Flags()
	f.StringVarP(&o.format, "format", "f", "markdown", "output format: "+strings.Join(formatNames(), ", "))
	f.BoolVar(&o.frontMatter, "front-matter", false, "Markdown: put the metadata first as YAML front matter")
	f.BoolVar(&o.omit.Tables, "no-tables", false, "leave tables out")
	f.BoolVar(&o.omit.Images, "no-images", false, "leave images out")
	f.BoolVar(&o.omit.Links, "no-links", false, "print links as their text only")
	completeValues(cmd, "format", formatNames())
}

// addRuleFlags adds the flags that choose rule files: --rules and --no-user-rules.
func addRuleFlags(cmd *cobra.Command, o *rootOptions) {
	f := cmd.Flags()
	f.StringArrayVar(&o.ruleFiles, "rules", nil, "add the rules of a YAML rule `FILE` (repeatable)")
	f.BoolVar(&o.noUserRules, "no-user-rules", false, "do not load the user rule file ("+userRulesHint()+")")
}

// addNetworkFlags adds how URLs are fetched: --user-agent and --timeout.
func addNetworkFlags(cmd *cobra.Command, o *rootOptions) {
	f := cmd.Flags()
	f.StringVar(&o.userAgent, "user-agent", source.DefaultAgent, "User-Agent header for URLs")
	f.DurationVar(&o.timeout, "timeout", source.DefaultTimeout, "time limit for fetching a URL")
}

// setUsage replaces the help text of cmd's flag --name, already defined by a family. As
// in a definition, a `QUOTED` word names the flag's value.
func setUsage(cmd *cobra.Command, name, usage string) {
	f := cmd.Flags().Lookup(name)
	if f == nil {
		panic("setUsage: " + cmd.Name() + " has no flag --" + name)
	}
	f.Usage = usage
}

// completeValues makes the shells (bash, zsh, fish and PowerShell, through cobra's
// __complete command) complete the values of flag --name from a fixed list.
func completeValues(cmd *cobra.Command, name string, values []string) {
	if err := cmd.RegisterFlagCompletionFunc(name, cobra.FixedCompletions(values, cobra.ShellCompDirectiveNoFileComp)); err != nil {
		panic(err)
	}
}

// formatNames are the values of -f: the names in the table of output formats.
func formatNames() []string {
	var names []string
	for _, f := range clean.Formats() {
		names = append(names, string(f))
	}
	return names
}

// kindNames are the values of --input.
func kindNames() []string {
	return []string{string(clean.KindAuto), string(clean.KindHTML), string(clean.KindText)}
}
