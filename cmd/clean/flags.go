package main

import (
	"fmt"
	"io"
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
	f.BoolVar(&o.omit.Tables, "no-tables", false, "leave data tables out (a layout table's cells stay)")
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

// checkValues refuses flag values that mean nothing (a negative number of jobs, a zero
// size cap, a negative time limit) rather than letting them fall back silently to a
// default.
func (o *rootOptions) checkValues() error {
	b := &o.batch
	switch {
	case b.jobs < 1:
		return usagef("-j %d: want at least 1", b.jobs)
	case o.maxSize < 1:
		return usagef("--max-size %d: want at least 1 byte", o.maxSize)
	case b.retries < 0:
		return usagef("--retries %d: want 0 or more", b.retries)
	case o.timeout <= 0:
		return usagef("--timeout %s: want a positive duration", o.timeout)
	case b.docTimeout < 0:
		return usagef("--doc-timeout %s: want 0 (none) or a positive duration", b.docTimeout)
	case b.perHost < 1:
		return usagef("--per-host %d: want at least 1", b.perHost)
	case b.hostDelay < 0:
		return usagef("--host-delay %s: want 0 or a positive duration", b.hostDelay)
	}
	return nil
}

// batchOnlyFlags are the flags that only a batch (or a corpus run) reads.
var batchOnlyFlags = []string{"jobs", "include", "jsonl-field", "id-field", "url-field", "doc-timeout",
	"per-host", "host-delay", "shard", "shard-count", "filter", "dedup"}

// warnUnused says once, on w, which of the flags given cannot apply to this run and are
// ignored: batch flags on one input, --url in a batch, --front-matter when the output
// (in format) is not Markdown.
func (o *rootOptions) warnUnused(cmd *cobra.Command, w io.Writer, isBatch bool, format clean.Format) {
	var notes, flags []string
	for _, name := range batchOnlyFlags {
		if !isBatch && cmd.Flags().Changed(name) {
			flags = append(flags, "--"+name)
		}
	}
	switch {
	case len(flags) == 1:
		notes = append(notes, flags[0]+" applies to batches only")
	case len(flags) > 1:
		notes = append(notes, strings.Join(flags, ", ")+" apply to batches only")
	}
	if isBatch && cmd.Flags().Changed("url") {
		notes = append(notes, "--url applies to one INPUT only (JSONL records give theirs with --url-field)")
	}
	if o.frontMatter && format != clean.FormatMarkdown {
		notes = append(notes, "--front-matter applies to Markdown output only")
	}
	if len(notes) > 0 {
		fmt.Fprintf(w, "clean: warning: %s: ignored\n", strings.Join(notes, "; "))
	}
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
