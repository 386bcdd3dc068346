package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"syscall"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/batch"
	"github.com/cleanhq/clean/internal/source"
	"github.com/spf13/cobra"
	"golang.org/x/term"
)

// batchOptions are the flags of batch mode (several inputs, directories, lists, JSONL).
type batchOptions struct {
	jobs        int
	include     []string
	inputList   string
	jsonl       bool
	jsonlFields []string
	idField     string
	urlField    string
	docTimeout  time.Duration
	perHost     int
	hostDelay   time.Duration
	retries     int
}

func addBatchFlags(cmd *cobra.Command, b *batchOptions) {
	f := cmd.Flags()
	f.IntVarP(&b.jobs, "jobs", "j", runtime.NumCPU(), "batch: inputs cleaned in parallel")
	f.StringSliceVar(&b.include, "include", nil, "batch: only files in directories whose name matches a `GLOB` (repeatable)")
	f.StringVar(&b.inputList, "input-list", "", "batch: read inputs (paths or URLs, one per line) from `FILE` (- for stdin)")
	f.BoolVar(&b.jsonl, "jsonl", false, "batch: read file arguments and - as JSON Lines whatever their names")
	f.StringSliceVar(&b.jsonlFields, "jsonl-field", []string{"html", "text"}, "batch: JSONL fields holding the document; the first non-empty one is used")
	f.StringVar(&b.idField, "id-field", "id", "batch: JSONL field carried through to the record as id")
	f.StringVar(&b.urlField, "url-field", "url", "batch: JSONL field holding the page URL")
	f.DurationVar(&b.docTimeout, "doc-timeout", 2*time.Minute, "batch: time limit per input (fetching and cleaning); 0 for none")
	f.IntVar(&b.perHost, "per-host", 2, "batch: concurrent requests per host")
	f.DurationVar(&b.hostDelay, "host-delay", 0, "batch: minimum time between two requests to one host")
	f.IntVar(&b.retries, "retries", 3, "batch: retries of a URL after 429, 5xx or a timeout (with backoff, honouring Retry-After)")
}

// isBatch reports whether the command line asks for batch mode: several inputs, a
// directory, an input list, a JSONL input, or -o naming an existing directory.
func (o *rootOptions) isBatch(args []string) bool {
	b := &o.batch
	if len(args) == 0 {
		return b.inputList != ""
	}
	if len(args) > 1 || b.inputList != "" || b.jsonl || source.IsJSONL(args[0]) || isDir(args[0]) {
		return true
	}
	return o.output != "" && isDir(o.output)
}

func isDir(name string) bool {
	info, err := os.Stat(name)
	return err == nil && info.IsDir()
}

// runBatch runs batch mode; see README.md, "Batches".
func (o *rootOptions) runBatch(cmd *cobra.Command, s streams, args []string) error {
	b, err := o.newBatch(cmd, s, args)
	if err != nil {
		return err
	}
	ctx, stop := signal.NotifyContext(contextOf(cmd), os.Interrupt, syscall.SIGTERM)
	defer stop()
	tuneGC()
	b.Progress = newProgress(ctx, s.err, b.Inputs)
	st, err := b.Run(ctx)
	if cerr := closeOutputs(b); err == nil {
		err = cerr
	}
	fmt.Fprintln(s.err, "clean: "+st.Summary())
	switch {
	case err != nil && ctx.Err() != nil:
		return fmt.Errorf("interrupted; run the same command again to finish")
	case err != nil:
		return err
	case st.Failed > 0:
		return partialError{failed: st.Failed, total: st.Done + st.Failed}
	}
	return nil
}

// batchGCPercent is the garbage collector's target in batch mode. A batch's live heap is
// small and bounded (the in-flight window), so letting the heap grow by 400% of it between
// collections, instead of 100%, costs little memory (peak RSS ~30 → ~70–80 MB) and cuts the
// collector's share of the CPU from ~12% to ~2% (BenchmarkBatch), CPU that -j 1 would
// otherwise take from the second core. GOGC, when set, wins.
const batchGCPercent = 400

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
}

func contextOf(cmd *cobra.Command) context.Context {
	if ctx := cmd.Context(); ctx != nil {
		return ctx
	}
	return context.Background()
}

// newBatch checks the flags and opens the output.
func (o *rootOptions) newBatch(cmd *cobra.Command, s streams, args []string) (*batch.Batch, error) {
	if o.batch.inputList == "-" && slices.Contains(args, "-") {
		return nil, usagef("standard input cannot be both the input list and an input")
	}
	if o.batch.jobs < 1 {
		return nil, usagef("-j must be at least 1")
	}
	kind, err := clean.ParseKind(o.input)
	if err != nil {
		return nil, usageError{err}
	}
	set, err := o.loadRules()
	if err != nil {
		return nil, usageError{err}
	}
	inputs := o.inputs(s, args)
	if o.output != "" && o.output != "-" {
		inputs.Skip = []string{o.output}
	}
	b := &batch.Batch{
		Inputs:     inputs,
		Fetch:      o.fetcher(s),
		Workers:    o.batch.jobs,
		DocTimeout: o.batch.docTimeout,
		Clean:      clean.Options{Kind: kind, Rules: set, Explain: o.explain},
		Render:     clean.WriteOptions{FrontMatter: o.frontMatter},
	}
	return b, o.openOutput(cmd, s, b)
}

func (o *rootOptions) inputs(s streams, args []string) *batch.Inputs {
	return &batch.Inputs{
		Args: args, List: o.batch.inputList, Stdin: s.in, Include: o.batch.include,
		ForceJSON: o.batch.jsonl,
		JSONL: source.JSONLOptions{Fields: o.batch.jsonlFields, IDField: o.batch.idField,
			URLField: o.batch.urlField, MaxBytes: o.maxSize},
	}
}

func (o *rootOptions) fetcher(s streams) *batch.Fetcher {
	return &batch.Fetcher{
		Source: source.Options{Stdin: s.in, Client: source.NewClient(o.timeout), UserAgent: o.userAgent,
			MaxBytes: o.maxSize, Timeout: o.timeout},
		PerHost: o.batch.perHost, Delay: o.batch.hostDelay, Retries: o.batch.retries,
	}
}

// openOutput chooses the output: JSON Lines (the default without -o, or -f jsonl, or -o
// FILE.jsonl) to standard output or a resumable file, else one file per input in -o DIR.
func (o *rootOptions) openOutput(cmd *cobra.Command, s streams, b *batch.Batch) error {
	format, err := clean.ParseFormat(o.format)
	if err != nil {
		return usageError{err}
	}
	explicit := cmd.Flags().Changed("format")
	toStdout := o.output == "" || o.output == "-"
	if !explicit && (toStdout || source.IsJSONL(o.output)) {
		format = clean.FormatJSONL
	}
	if format == clean.FormatJSONL {
		if toStdout {
			b.JSONL = s.out
			return nil
		}
		b.JSONLFile, err = batch.OpenJSONL(o.output)
		return wrapOutputErr(o.output, err)
	}
	if toStdout {
		return usagef("a batch writes -f %s files into a directory: give -o DIR, or use -f jsonl", format)
	}
	b.Format = format
	b.Clean.Format = format
	b.Dir, err = batch.OpenDir(o.output, format.Extension())
	return wrapOutputErr(o.output, err)
}

func wrapOutputErr(name string, err error) error {
	if err != nil {
		return fmt.Errorf("%s: %w", name, err)
	}
	return nil
}

func closeOutputs(b *batch.Batch) error {
	if b.JSONLFile != nil {
		return b.JSONLFile.Close()
	}
	if b.Dir != nil {
		return b.Dir.Close()
	}
	return nil
}

// newProgress shows a progress bar when w is a terminal (counting the inputs in the
// background for the total), else only logs lines.
func newProgress(ctx context.Context, w io.Writer, in *batch.Inputs) batch.Progress {
	if !isTerminal(w) {
		return batch.LogOnly{W: w}
	}
	bar := batch.NewBar(w)
	go func() {
		if n, ok := in.Count(ctx); ok {
			bar.SetTotal(n)
		}
	}()
	return bar
}

func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd())) && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}
