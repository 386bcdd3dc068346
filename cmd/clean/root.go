package main

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"net/url"
	"os"
	"path/filepath"
	"runtime/debug"
	"strings"
	"time"

	"github.com/spf13/cobra"
	"golang.org/x/term"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/fsutil"
	"github.com/cleanhq/clean/internal/source"
	"github.com/cleanhq/clean/rules"
)

// version is set at build time with -ldflags "-X main.version=…"; when it is not, the
// module version recorded by the go command is used (see buildVersion).
var version = "dev"

// buildVersion is the version --version prints: version, or else the main module's
// version from the build information, followed by the VCS revision the binary was built
// from (and "modified" when the work tree had changes), when the go command recorded it.
func buildVersion() string {
	info, _ := debug.ReadBuildInfo()
	return versionOf(version, info)
}

func versionOf(set string, info *debug.BuildInfo) string {
	v := set
	if info == nil {
		return v
	}
	if v == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		v = info.Main.Version
	}
	var rev, modified string
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			if s.Value == "true" {
				modified = ", modified"
			}
		}
	}
	if rev == "" {
		return v
	}
	return fmt.Sprintf("%s (revision %s%s)", v, rev, modified)
}

// rootOptions are the flags of the clean command.
type rootOptions struct {
	format      string
	input       string
	output      string
	frontMatter bool
	omit        clean.Omit
	explain     bool
	ruleFiles   []string
	noUserRules bool
	userAgent   string
	timeout     time.Duration
	maxSize     int64
	pageURL     string
	stdinJSONL  bool // standard input, an input, holds JSON Lines (sniffed)
	corpus      corpusOptions
	batch       batchOptions
}

const rootExamples = `  clean page.html                      # Markdown of the article
  clean https://example.com/story      # fetch and clean a URL
  curl -s https://example.com/story | clean -
  clean -f json page.html | jq .title
  clean -f text --input text scraped.txt
  clean --explain page.html            # report every removal on stderr
  clean -o story.md page.html.gz       # write atomically to a file`

// newRootCmd builds the command tree, writing to s; every error it reports for a wrong
// command line is a usageError (see typedUsageErrors).
func newRootCmd(s streams) *cobra.Command {
	o := &rootOptions{}
	cmd := &cobra.Command{
		Use:   "clean [flags] INPUT",
		Short: "Turn article HTML or scraped page text into the clean article",
		Long: `clean extracts the article from an HTML page or from text scraped from a web page,
removes boilerplate (ad tokens, layout labels, share buttons, copyright footers…) and prints
the article as Markdown, plain text, HTML or JSON with metadata.

INPUT is a file (plain or .gz), an http(s) URL, or - for standard input (also read when
INPUT is left out and standard input is not a terminal). -o FILE takes the format from
FILE's extension (.md, .txt, .json, .jsonl) unless -f gives it.

Batches: several INPUTs, a directory, --input-list, or JSON Lines input (records
{"id", "url", "html" or "text"}: a .jsonl or .ndjson file, or - or a file whose lines are
JSON objects; --jsonl forces it) are cleaned as a batch, which writes JSON Lines output
(one record per input, to standard output or -o FILE.jsonl) or, with -o DIR, one file per
input.`,
		Example:       rootExamples,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := o.checkValues(); err != nil {
				return err
			}
			args, err := o.defaultInput(cmd, s, args)
			if err != nil {
				return err
			}
			s.in = o.sniffStdin(s.in, args)
			if o.isBatch(args) {
				return o.runBatch(cmd, s, args)
			}
			if err := exactInputs(cmd, args); err != nil {
				return err
			}
			format, err := o.outputFormat(cmd)
			if err != nil {
				return err
			}
			o.warnUnused(cmd, s.err, false, format)
			return o.run(cmd.Context(), s, args[0], format)
		},
	}
	addInputFlags(cmd, o)
	cmd.Flags().StringVar(&o.pageURL, "url", "", "the page's `URL` when INPUT is a file or -: base for relative links and site of site-scoped rules")
	addOutputFlags(cmd, o)
	addFormatFlags(cmd, o)
	addRuleFlags(cmd, o)
	cmd.Flags().BoolVar(&o.explain, "explain", false, "report every removal with its rule (stderr; inside the record for json and jsonl)")
	addNetworkFlags(cmd, o)
	addBatchFlags(cmd, &o.batch)
	addCorpusFlags(cmd, &o.corpus)
	cmd.AddCommand(newRulesCmd(s))
	cmd.AddCommand(newLearnCmd(s))
	cmd.SetIn(s.in)
	cmd.SetOut(s.out)
	cmd.SetErr(s.err)
	typedUsageErrors(cmd)
	groupFlags(cmd)
	return cmd
}

// defaultInput returns the inputs to read: args, or - when there is none and standard
// input is not a terminal. With no input on a terminal it prints the usage.
func (o *rootOptions) defaultInput(cmd *cobra.Command, s streams, args []string) ([]string, error) {
	if len(args) > 0 || o.batch.inputList != "" || o.corpus.pathsFile != "" {
		return args, nil
	}
	if isTerminalReader(s.in) {
		fmt.Fprint(s.err, cmd.UsageString())
		return nil, usagef("want an INPUT (a file, an http(s) URL or -)")
	}
	return []string{"-"}, nil
}

// isTerminalReader reports whether r is a terminal, or no standard input at all.
func isTerminalReader(r io.Reader) bool { return r == nil || isTTY(r) }

// isTTY reports whether the stream is a terminal.
func isTTY(stream any) bool {
	f, ok := stream.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

func exactInputs(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef("want one INPUT (a file, an http(s) URL or -), got %d", len(args))
	}
	return nil
}

// outputFormat is the format of one input's output: -f, else the format -o FILE's
// extension names (.md, .txt, .json, .jsonl), else Markdown. An -f and an extension that
// name two formats contradict each other.
func (o *rootOptions) outputFormat(cmd *cobra.Command) (clean.Format, error) {
	format, err := clean.ParseFormat(o.format)
	if err != nil {
		return "", usageError{err}
	}
	named, ok := formatOfName(o.output)
	switch {
	case !ok:
		return format, nil
	case !cmd.Flags().Changed("format"):
		return named, nil
	case named != format:
		return "", usagef("-f %s contradicts -o %s (a %s file): give one", format, o.output, named)
	}
	return format, nil
}

// formatOfName is the output format that a file name's extension names, if any.
func formatOfName(name string) (clean.Format, bool) {
	if source.IsJSONL(name) { // .ndjson too
		return clean.FormatJSONL, true
	}
	ext := strings.TrimPrefix(filepath.Ext(name), ".")
	for _, f := range clean.Formats() {
		if ext != "" && strings.EqualFold(ext, f.Extension()) {
			return f, true
		}
	}
	return "", false
}

func (o *rootOptions) run(ctx context.Context, s streams, name string, format clean.Format) error {
	kind, err := clean.ParseKind(o.input)
	if err != nil {
		return usageError{err}
	}
	if kind == clean.KindAuto && source.IsTextName(name) {
		kind = clean.KindText // a .txt name means text, unless --input html
	}
	set, err := o.loadRules()
	if err != nil {
		return usageError{err}
	}
	if err := checkPageURL(o.pageURL); err != nil {
		return usageError{err}
	}
	fetch := o.fetcher(s)     // URLs are retried after 429 and 5xx, as in a batch...
	fetch.MaxWait = o.timeout // ...but a Retry-After longer than --timeout is not waited for
	read, err := fetch.Read(ctx, name)
	if err != nil {
		return clean.Named(name, err)
	}
	in := clean.Input(read)
	if in.URL == "" {
		in.URL = o.pageURL
	}
	doc, err := clean.Clean(ctx, in, clean.Options{Kind: kind, Rules: set, Explain: o.explain, Format: format, Omit: o.omit})
	if err != nil {
		return err
	}
	if o.explain && format != clean.FormatJSON && format != clean.FormatJSONL {
		writeExplain(s.err, doc.Removed)
	}
	return o.write(s.out, doc, format)
}

// checkPageURL accepts "" or an absolute http(s) URL for --url.
func checkPageURL(s string) error {
	if s == "" {
		return nil
	}
	if u, err := url.Parse(s); err == nil && source.IsURL(s) && u.Host != "" {
		return nil
	}
	return fmt.Errorf("--url %q: want an absolute http(s) URL", s)
}

// write renders doc to -o FILE (atomically) or to standard output.
func (o *rootOptions) write(stdout io.Writer, doc clean.Document, format clean.Format) error {
	var buf bytes.Buffer
	if err := clean.Write(&buf, doc, format, clean.WriteOptions{FrontMatter: o.frontMatter}); err != nil {
		return clean.Named(doc.Source, err)
	}
	if o.output == "" || o.output == "-" {
		_, err := stdout.Write(buf.Bytes())
		return err
	}
	if err := fsutil.WriteFileAtomic(o.output, buf.Bytes()); err != nil {
		return fmt.Errorf("writing %s: %w", o.output, err)
	}
	return nil
}

func writeExplain(w io.Writer, removed []rules.Removal) {
	for _, r := range removed {
		fmt.Fprintf(w, "removed [%s] %q\n", r.Rule, r.Text)
	}
}

// loadRules builds the rule set: built-ins, the user rule file if present, then --rules.
func (o *rootOptions) loadRules() (*rules.Set, error) {
	set := rules.Builtin()
	if !o.noUserRules {
		if p := userRulesPath(); p != "" {
			if _, err := os.Stat(p); err == nil {
				if err := set.AddFile(p); err != nil {
					return nil, err
				}
			}
		}
	}
	for _, f := range o.ruleFiles {
		if err := set.AddFile(f); err != nil {
			return nil, err
		}
	}
	return set, nil
}

// userRulesPath is the default user rule file, or "" when there is no config directory.
func userRulesPath() string {
	dir, err := os.UserConfigDir()
	if err != nil {
		return ""
	}
	return filepath.Join(dir, "clean", "rules.yaml")
}

func userRulesHint() string {
	if p := userRulesPath(); p != "" {
		return p
	}
	return "the user config directory's clean/rules.yaml"
}
