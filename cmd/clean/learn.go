package main

import (
	"bytes"
	"context"
	"fmt"

	"github.com/spf13/cobra"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/batch"
	"github.com/cleanhq/clean/internal/fsutil"
	"github.com/cleanhq/clean/internal/learn"

	"github.com/cleanhq/clean/internal/render"
)

// learnOptions are the flags of clean learn.
type learnOptions struct {
	root rootOptions // input, rule and batch flags, shared with clean
	opts learn.Options
}

func newLearnCmd(s streams) *cobra.Command {
	o := &learnOptions{opts: learn.DefaultOptions}
	cmd := &cobra.Command{
		Use:   "learn [flags] INPUT...",
		Short: "Learn each site's boilerplate from a corpus and write it as a rule file",
		Long: `learn cleans every input (files, directories, URLs, JSONL, --input-list, as in a batch),
counts the blocks left in each page per site (host of the page URL, the JSONL url field or
the page's canonical link), and writes a YAML rule file with one drop rule, scoped to its
site, for each block found on at least --min-pages pages and --min-share of the site's
pages. Review it, then use it with clean --rules FILE.`,
		Example: `  clean learn -o site-rules.yaml corpus.jsonl
  clean learn --min-pages 20 --min-share 0.3 pages/
  clean rules test site-rules.yaml && clean --rules site-rules.yaml -o out corpus.jsonl`,
		Args: func(_ *cobra.Command, args []string) error {
			if len(args) == 0 && o.root.batch.inputList == "" {
				return usagef("want at least one INPUT (a file, directory, URL or JSONL file) or --input-list")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error { return o.run(cmd, s, args) },
	}
	f := cmd.Flags()
	f.IntVar(&o.opts.MinPages, "min-pages", o.opts.MinPages, "a block must be on at least this many pages of a site")
	f.Float64Var(&o.opts.MinShare, "min-share", o.opts.MinShare, "and on at least this share (0–1) of the site's pages")
	f.IntVar(&o.opts.MaxRunes, "max-length", o.opts.MaxRunes, "blocks longer than this many characters are never boilerplate")
	addInputFlags(cmd, &o.root)
	addOutputFlags(cmd, &o.root)
	setUsage(cmd, "output", "write the rule file to `FILE` (atomically) instead of standard output")
	addRuleFlags(cmd, &o.root)
	setUsage(cmd, "rules", "clean with the rules of a YAML rule `FILE` too (repeatable), so only what they leave is learned")
	addBatchFlags(cmd, &o.root.batch)
	addNetworkFlags(cmd, &o.root)
	return cmd
}

func (o *learnOptions) run(cmd *cobra.Command, s streams, args []string) error {
	if o.opts.MinPages < 1 || o.opts.MinShare < 0 || o.opts.MinShare > 1 || o.opts.MaxRunes < 1 {
		return usagef("want --min-pages ≥ 1, --min-share between 0 and 1, --max-length ≥ 1")
	}
	if err := o.root.checkValues(); err != nil {
		return err
	}
	kind, err := clean.ParseKind(o.root.input)
	if err != nil {
		return usageError{err}
	}
	set, err := o.root.loadRules()
	if err != nil {
		return usageError{err}
	}
	inputs := o.root.inputs(s, args)
	cleaner := &batch.Cleaner{Fetch: o.root.fetcher(s), Clean: clean.Options{Kind: kind, Rules: set, Format: clean.FormatText}}
	counter := learn.NewCounter(o.opts)
	failed := 0
	pool := &batch.Pool{Workers: o.root.batch.jobs, DocTimeout: o.root.batch.docTimeout,
		Prepare: (*batch.Task).Decode,
		Process: func(ctx context.Context, t *batch.Task) batch.Outcome {
			doc, err := cleaner.Document(ctx, t)
			return batch.Outcome{Err: err, Doc: &doc}
		},
		Emit: func(t *batch.Task, out batch.Outcome) error {
			if out.Err != nil {
				failed++
				fmt.Fprintln(s.err, "clean: "+render.OneLine(out.Err.Error()))
				return nil
			}
			p := pageOf(*out.Doc)
			counter.AddPage(p.host, p.blocks)
			return nil
		}}
	tuneGC()
	if err := pool.Run(cmd.Context(), inputs.Each); err != nil {
		return err
	}
	return o.write(s, counter, failed)
}

type page struct {
	host   string
	blocks []string
}

func pageOf(doc clean.Document) page {
	return page{host: learn.Host(doc.URL), blocks: learn.Blocks(doc.Text)}
}

func (o *learnOptions) write(s streams, counter *learn.Counter, failed int) error {
	found := counter.Found()
	pages, sites := counter.Pages()
	header := fmt.Sprintf("Learned by `clean learn` from %d pages of %d sites (--min-pages %d --min-share %g --max-length %d).\n"+
		"Each rule drops a block seen on many pages of one site. Review before use: clean rules test FILE.",
		pages, sites, o.opts.MinPages, o.opts.MinShare, o.opts.MaxRunes)
	var buf bytes.Buffer
	if err := learn.WriteYAML(&buf, found, header); err != nil {
		return err
	}
	if o.root.output == "" || o.root.output == "-" {
		s.out.Write(buf.Bytes())
	} else if err := fsutil.WriteFileAtomic(o.root.output, buf.Bytes()); err != nil {
		return fmt.Errorf("writing %s: %w", o.root.output, err)
	}
	fmt.Fprintf(s.err, "clean: %d rules from %d pages of %d sites (%d inputs failed, %d without a site URL)\n",
		len(found), pages, sites, failed, counter.NoSite())
	if failed > 0 {
		return partialError{failed: failed, total: pages + counter.NoSite() + failed}
	}
	return nil
}
