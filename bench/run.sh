#!/usr/bin/env bash
# Benchmark: halint against the cost of parsing alone and against cfn-lint, on the same
# inputs in the same run. Usage: bench/run.sh [BUILD_DIR] [CORPUS_DIR]
# Defaults: build-bench (a Release build made here) and ../shared/corpus/cloudformation.
# Prints a Markdown table; wall-clock times are the median of RUNS runs (default 5).
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build-bench}
corpus=${2:-../shared/corpus/cloudformation}
runs=${RUNS:-5}

cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DHALINT_BUILD_TESTS=OFF >/dev/null
cmake --build "$build" --target halint halint_parse_bench >/dev/null

# The CloudFormation templates of the corpus (what both tools are given).
mapfile -t files < <(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) | sort)
bytes=$(cat "${files[@]}" | wc -c)

median() { sort -n | awk '{a[NR]=$1} END {print (NR%2) ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2}'; }
time_of() {  # seconds for one run of "$@", output discarded, exit status ignored
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  echo "$end - $start" | bc -l
}
measure() { for _ in $(seq "$runs"); do time_of "$@"; done | median; }

parse=$(for _ in $(seq "$runs"); do "$build/halint_parse_bench" "${files[@]}" | sed 's/.*seconds=//'; done | median)
halint1=$(measure "$build/halint" --jobs 1 --quiet "${files[@]}")
halintn=$(measure "$build/halint" --quiet "${files[@]}")
# cfn-lint is slow: one run unless CFN_LINT_RUNS says otherwise.
cfnlint=$(RUNS=${CFN_LINT_RUNS:-1}; for _ in $(seq "$RUNS"); do time_of cfn-lint "${files[@]}"; done | median)

printf '| what | files | MB | seconds (median of %s) | MB/s |\n|---|---|---|---|---|\n' "$runs"
row() { printf '| %s | %s | %.1f | %.3f | %.2f |\n' "$1" "${#files[@]}" "$(echo "$bytes/1048576" | bc -l)" "$2" "$(echo "$bytes/1048576/$2" | bc -l)"; }
row "read + parse only (halint_parse_bench)" "$parse"
row "halint --jobs 1" "$halint1"
row "halint --jobs $(nproc)" "$halintn"
row "cfn-lint $(cfn-lint --version | awk '{print $2}') (1 process)" "$cfnlint"
