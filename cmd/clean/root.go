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
	"time"

	"github.com/spf13/cobra"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/fsutil"
	"github.com/cleanhq/clean/internal/source"
	"github.com/cleanhq/clean/rules"
)

// version is set at build time with -ldflags "-X main.version=…"; when it is not, the
// module version recorded by `go install …@version` is used (see buildVersion).
var version = "dev"

// buildVersion returns version, or the main module's version from the build information
// when version was not set and the binary was built from a tagged module.
func buildVersion() string {
	if version != "dev" {
		return version
	}
	if info, ok := debug.ReadBuildInfo(); ok && info.Main.Version != "" && info.Main.Version != "(devel)" {
		return info.Main.Version
	}
	return version
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
the article as Markdown, plain text or JSON with metadata.

INPUT is a file (plain or .gz), an http(s) URL, or - for standard input.`,
		Example:       rootExamples,
		Version:       buildVersion(),
		SilenceUsage:  true,
		SilenceErrors: true,
		Args:          cobra.ArbitraryArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if len(args) == 1 && args[0] == "-" && !o.batch.jsonl && !o.corpus.warc {
				var isWARC bool
				s.in, isWARC = sniffStdin(s.in) // a web archive on stdin is a corpus run
				o.corpus.warc = isWARC
			}
			if o.isBatch(args) {
				return o.runBatch(cmd, s, args)
			}
			if err := exactInputs(cmd, args); err != nil {
				return err
			}
			return o.run(cmd.Context(), s, args[0])
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

func exactInputs(_ *cobra.Command, args []string) error {
	if len(args) != 1 {
		return usagef("want one INPUT (a file, an http(s) URL or -), got %d", len(args))
	}
	return nil
}

func (o *rootOptions) run(ctx context.Context, s streams, name string) error {
	format, err := clean.ParseFormat(o.format)
	if err != nil {
		return usageError{err}
	}
	kind, err := clean.ParseKind(o.input)
	if err != nil {
		return usageError{err}
	}
	set, err := o.loadRules()
	if err != nil {
		return usageError{err}
	}
	if err := checkPageURL(o.pageURL); err != nil {
		return usageError{err}
	}
	read, err := source.Read(ctx, name, source.Options{
		Stdin: s.in, UserAgent: o.userAgent, MaxBytes: o.maxSize, Timeout: o.timeout,
	})
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
