#!/usr/bin/env bash
# Regenerates cmd/clean/default.pgo, the CPU profile `go build ./cmd/clean` optimises the
# binary with (profile-guided optimisation: hot calls inlined past the usual budget). The
# profile is the text path on the 1,390 WCEB dumps (BenchmarkTextDumps) merged with the
# HTML path on the ScrapingHub pages (BenchmarkCleanHTML), so that neither path is
# favoured alone. Needs ../shared beside the repository. Run from anywhere:
#   bash scripts/pgo.sh
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
go test -run '^$' -bench 'TextDumps' -cpu 1 -benchtime 4x -cpuprofile "$tmp/text.prof" . >/dev/null
go test -run '^$' -bench 'CleanHTML' -cpu 1 -benchtime 3x -cpuprofile "$tmp/html.prof" . >/dev/null
go tool pprof -proto "$tmp/text.prof" "$tmp/html.prof" >cmd/clean/default.pgo
echo "wrote cmd/clean/default.pgo ($(wc -c <cmd/clean/default.pgo) bytes)"
