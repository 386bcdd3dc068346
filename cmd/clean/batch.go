package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/debug"
	"slices"
	"strings"
	"time"

	"github.com/cleanhq/clean"
	"github.com/cleanhq/clean/internal/batch"
	"github.com/cleanhq/clean/internal/corpus"
	"github.com/cleanhq/clean/internal/shard"
	"github.com/cleanhq/clean/internal/source"
	"github.com/spf13/cobra"
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
	f.IntVar(&b.retries, "retries", 3, "retries of a URL after 429, 5xx or a timeout (with backoff, honouring Retry-After)")
}

// isBatch reports whether the command line asks for batch mode: several inputs, an input
// list, an input that is a corpus by itself (a directory, a JSONL file), or -o naming an
// existing directory.
func (o *rootOptions) isBatch(args []string) bool {
	b := &o.batch
	if len(args) == 0 {
		return b.inputList != "" || o.corpus.pathsFile != ""
	}
	if len(args) > 1 || b.inputList != "" || o.corpus.pathsFile != "" || b.jsonl || o.corpus.warc || o.stdinJSONL || batch.IsCorpus(args[0], false) {
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
	ctx := cmd.Context()
	if err := o.checkCorpusFlags(); err != nil {
		return err
	}
	sh, err := o.corpus.resolveShard()
	if err != nil {
		return err
	}
	marked := o.corpus.pathsFile != "" && o.output != "" && o.output != "-" && !source.IsJSONL(o.output)
	if marked {
		if _, err := os.Stat(shardMarker(o.output, sh)); err == nil {
			fmt.Fprintf(s.err, "clean: shard %s already finished (%s): nothing to do\n", sh, shardMarker(o.output, sh))
			return nil
		}
	}
	b, sink, err := o.newBatch(ctx, cmd, s, args, sh)
	if err != nil {
		return err
	}
	tuneGC()
	st, err := b.Run(ctx)
	if cerr := sink.Close(); err == nil {
		err = cerr
	}
	if err == nil && marked {
		err = writeShardMarker(o.output, sh, st)
	}
	switch {
	case err != nil && ctx.Err() != nil:
		err = fmt.Errorf("interrupted; run the same command again to finish")
	case err != nil:
	case st.Empty() && o.corpus.pathsFile == "": // a shard of a manifest may be empty
		err = o.noInput(args)
	case st.Failed > 0:
		err = partialError{failed: st.Failed, total: st.Done + st.Failed}
	}
	if err == nil {
		fmt.Fprintln(s.err, "clean: "+st.Summary())
		return nil
	}
	return summarized{err: err, summary: st.Summary()} // the error first, the summary last
}

// noInput is the error of a batch that found no input at all (exit 2): an empty
// directory, an --include that matches nothing, an empty list.
func (o *rootOptions) noInput(args []string) error {
	where := strings.Join(args, ", ")
	if o.batch.inputList != "" {
		where = strings.TrimPrefix(where+", --input-list "+o.batch.inputList, ", ")
	}
	if len(o.batch.include) > 0 {
		return usagef("no input found in %s matching --include %s", where, strings.Join(o.batch.include, ","))
	}
	return usagef("no input found in %s", where)
}

// batchGCPercent is the garbage collector's target in batch mode. A batch's live heap is
// small and bounded (the in-flight window), so letting the heap grow by 400% of it between
// collections, instead of 100%, costs little memory (peak RSS ~30 → ~70–80 MB) and cuts the
// collector's share of the CPU from ~12% to ~2% (BenchmarkBatch), CPU that -j 1 would
// otherwise take from the second core. GOGC, when set, wins.
const batchGCPercent = 400

// batchMemoryLimit is a soft limit on the Go heap in batch mode: corpus runs hold the
// language models (about 20 MB) live, and 400% of that let peak RSS reach 170 MB on a
// WARC of 905 pages at -j 2, against 91 MB at GOGC=100 for the same CPU time; under the
// limit the collector runs sooner only when the heap nears it. GOMEMLIMIT, when set, wins.
const batchMemoryLimit = 96 << 20

func tuneGC() {
	if os.Getenv("GOGC") == "" {
		debug.SetGCPercent(batchGCPercent)
	}
	if os.Getenv("GOMEMLIMIT") == "" {
		debug.SetMemoryLimit(batchMemoryLimit)
	}
}

// newBatch checks the flags, opens the output and makes the batch.
func (o *rootOptions) newBatch(ctx context.Context, cmd *cobra.Command, s streams, args []string, sh shard.Shard) (*batch.Batch, batch.Sink, error) {
	if o.batch.inputList == "-" && slices.Contains(args, "-") {
		return nil, nil, usagef("standard input cannot be both the input list and an input")
	}
	kind, err := clean.ParseKind(o.input)
	if err != nil {
		return nil, nil, usageError{err}
	}
	set, err := o.loadRules()
	if err != nil {
		return nil, nil, usageError{err}
	}
	inputs := o.inputs(s, args)
	if o.output != "" && o.output != "-" {
		inputs.Skip = []string{o.output}
	}
	if o.corpus.pathsFile != "" {
		inputs.List, inputs.ListShard = o.corpus.pathsFile, sh
	}
	filters, _ := corpus.ParseFilters(o.corpus.filter) // checked by checkCorpusFlags
	sink, err := o.openOutput(cmd, s)
	if err != nil {
		return nil, nil, err
	}
	o.warnUnused(cmd, s.err, true, sink.Format())
	if d, ok := sink.(*batch.Dir); ok {
		inputs.DoneFile = d.HasPart // a finished archive is not read again
	}
	b, err := batch.New(batch.Config{
		Inputs:     inputs,
		Sink:       sink,
		Fetch:      o.fetcher(s),
		Workers:    o.batch.jobs,
		DocTimeout: o.batch.docTimeout,
		Clean:      clean.Options{Kind: kind, Rules: set, Explain: o.explain, Omit: o.omit},
		Render:     clean.WriteOptions{FrontMatter: o.frontMatter},
		Progress:   newProgress(ctx, s.err, inputs),
		Filters:    filters,
		MinHash:    o.corpus.dedup == "minhash",
	})
	if err != nil {
		sink.Close()
		return nil, nil, err
	}
	return b, sink, nil
}

func (o *rootOptions) inputs(s streams, args []string) *batch.Inputs {
	return &batch.Inputs{
		Args: args, List: o.batch.inputList, Stdin: s.in, Include: o.batch.include,
		ForceJSON: o.batch.jsonl, ForceWARC: o.corpus.warc, StdinJSONL: o.stdinJSONL,
		UserAgent: o.userAgent, Timeout: o.timeout,
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
// -o naming a file of another format (out.json) is refused: a batch makes many documents.
func (o *rootOptions) openOutput(cmd *cobra.Command, s streams) (batch.Sink, error) {
	format, err := clean.ParseFormat(o.format)
	if err != nil {
		return nil, usageError{err}
	}
	explicit := cmd.Flags().Changed("format")
	toStdout := o.output == "" || o.output == "-"
	named, hasExt := formatOfName(o.output)
	switch {
	case toStdout && !explicit:
		format = clean.FormatJSONL
	case !hasExt || isDir(o.output):
	case named != clean.FormatJSONL:
		return nil, usagef("-o %s names a %s file, but a batch writes many documents: give -o FILE.jsonl (JSON Lines) or -o DIR (one file per input)", o.output, named)
	case explicit && format != named:
		return nil, usagef("-f %s contradicts -o %s (a JSON Lines file): give one", format, o.output)
	default:
		format = clean.FormatJSONL
	}
	switch {
	case format == clean.FormatJSONL && toStdout:
		return batch.Stream{W: s.out}, nil
	case format == clean.FormatJSONL:
		f, err := batch.OpenJSONL(o.output)
		return f, wrapOutputErr(o.output, err)
	case toStdout:
		return nil, usagef("a batch writes -f %s files into a directory: give -o DIR, or use -f jsonl", format)
	}
	d, err := batch.OpenDir(o.output, format)
	return d, wrapOutputErr(o.output, err)
}

func wrapOutputErr(name string, err error) error {
	if err != nil {
		return clean.Named(name, err)
	}
	return nil
}

// newProgress shows a progress bar when w is a terminal (counting the inputs in the
// background for the total), else only logs lines.
func newProgress(ctx context.Context, w io.Writer, in batch.Source) batch.Progress {
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

// isTerminal reports whether w is a terminal that can draw a progress bar.
func isTerminal(w io.Writer) bool {
	return isTTY(w) && !strings.EqualFold(os.Getenv("TERM"), "dumb")
}
