package main

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"

	"github.com/cleanhq/clean/internal/batch"
	"github.com/cleanhq/clean/internal/corpus"
	"github.com/cleanhq/clean/internal/fsutil"
	"github.com/cleanhq/clean/internal/shard"
	"github.com/cleanhq/clean/internal/source"
	"github.com/cleanhq/clean/internal/warc"
	"github.com/spf13/cobra"
)

// corpusOptions are the flags of corpus runs over web archives (README: "Corpus mode").
type corpusOptions struct {
	warc       bool
	pathsFile  string
	shard      string
	shardCount int
	filter     string
	dedup      string
}

func addCorpusFlags(cmd *cobra.Command, c *corpusOptions) {
	f := cmd.Flags()
	f.BoolVar(&c.warc, "warc", false, "corpus: read file arguments and - as web archives (WARC, WET) whatever their names")
	f.StringVar(&c.pathsFile, "paths-file", "", "corpus: a manifest `FILE` of WARC paths or URLs, one per line, split by --shard")
	f.StringVar(&c.shard, "shard", "", "corpus: take shard `I/N` of --paths-file (default: from SLURM_ARRAY_TASK_ID or JOB_COMPLETION_INDEX)")
	f.IntVar(&c.shardCount, "shard-count", 0, "corpus: the number of shards, with JOB_COMPLETION_INDEX (Kubernetes) or to override Slurm's")
	f.StringVar(&c.filter, "filter", "", "corpus: drop documents by the published filters' default thresholds: gopher, c4, fineweb (comma-separated)")
	f.StringVar(&c.dedup, "dedup", "", "corpus: minhash also marks near duplicates (exact ones are always marked)")
}

// resolveShard returns the shard of --paths-file to take: --shard, else the cluster's
// environment, else all of it.
func (c *corpusOptions) resolveShard() (shard.Shard, error) {
	if c.shard != "" {
		s, err := shard.Parse(c.shard)
		if err != nil {
			return shard.Shard{}, usageError{err}
		}
		return s, nil
	}
	if c.shardCount < 0 {
		return shard.Shard{}, usagef("--shard-count must be at least 1")
	}
	s, found, err := shard.FromEnv(os.Getenv, c.shardCount)
	switch {
	case err != nil:
		return shard.Shard{}, usageError{err}
	case !found:
		return shard.All, nil
	}
	return s, nil
}

// check refuses corpus flags that contradict each other or that nothing uses.
func (o *rootOptions) checkCorpusFlags() error {
	c := &o.corpus
	switch {
	case c.pathsFile != "" && o.batch.inputList != "":
		return usagef("give --paths-file or --input-list, not both")
	case (c.shard != "" || c.shardCount != 0) && c.pathsFile == "":
		return usagef("--shard and --shard-count split a --paths-file manifest: give one")
	case c.dedup != "" && c.dedup != "minhash":
		return usagef("--dedup %q: the only method is minhash", c.dedup)
	case c.warc && o.batch.jsonl:
		return usagef("--warc and --jsonl both say what the inputs are: give one")
	}
	if _, err := corpus.ParseFilters(c.filter); err != nil {
		return usageError{err}
	}
	return nil
}

// sniffStdin looks at standard input when it is an input (-) whose kind no flag gives: a
// web archive as the only input makes a corpus run, JSON Lines a batch of their records.
// Nothing is lost: the reader to use instead of stdin is returned.
func (o *rootOptions) sniffStdin(in io.Reader, args []string) io.Reader {
	if in == nil || !slices.Contains(args, "-") || o.batch.jsonl || o.corpus.warc || o.batch.inputList == "-" {
		return in
	}
	br := bufio.NewReaderSize(in, 64<<10)
	head, _ := br.Peek(4096)
	if len(args) == 1 && warc.Sniff(bytes.NewReader(head)) {
		o.corpus.warc = true
		return br
	}
	r, isJSONL := source.SniffJSONLStream(br)
	o.stdinJSONL = isJSONL
	return r
}

// shardMarker is the completion marker of a shard's run under -o DIR.
func shardMarker(dir string, s shard.Shard) string {
	return filepath.Join(dir, "_SUCCESS."+s.Name())
}

// writeShardMarker records that the shard's run finished: every archive of the shard has
// its part.
func writeShardMarker(dir string, s shard.Shard, st batch.Stats) error {
	body := fmt.Sprintf("shard %s finished: %s\n", s, st.Summary())
	return fsutil.WriteFileAtomic(shardMarker(dir, s), []byte(body))
}
