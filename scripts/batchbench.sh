#!/bin/sh
# Batch figures (issue 6): docs/s with -j 1 and -j 2, and peak memory of a 200- and a
# 20,000-document JSONL batch built from the benchmark pages. Builds the binary, writes the
# corpora (~4 GB) to $TMPDIR/clean-batchbench (kept for reruns), runs them, prints figures.
# Run on a quiet machine; ratios matter, absolute numbers depend on the machine.
set -eu
cd "$(dirname "$0")/.."
CLEAN_BATCHBENCH=1 go test -count=1 -run '^TestBatchFigures$' -v -timeout 2h ./cmd/clean |
	grep -E 'figures_test|^(ok|FAIL|---)'
# The same ratio in process, from a Go benchmark (one run, both sub-benchmarks), with the
# garbage collector set as clean sets it in batch mode:
GOGC=400 go test -count=1 -run '^$' -bench 'BenchmarkBatch' -benchtime 3x ./pkg/batch | grep -E '^Benchmark'
