#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# keep.sh [MAX_LEN] [TARGET...] - fold what the fuzzers found into the
# committed corpus: a libFuzzer merge of build-fuzz/corpus-<target> into
# fuzz/corpus/<target>, which adds only the inputs that reach coverage the
# committed ones do not, each cut to MAX_LEN bytes (default 2048) so the
# repository stays small.  Run fuzz/run.sh first (it builds the targets).
# The replay tests (ctest fuzz/*) then run every committed input under gcc.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
max=${1:-2048}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/fuzz/fuzz_*.c; do
    t=$(basename "$f" .c)
    targets+=("${t#fuzz_}")
  done
fi
out="$root/build-fuzz"
for t in "${targets[@]}"; do
  if [ ! -x "$out/fuzz_$t" ] || [ ! -d "$out/corpus-$t" ]; then
    echo "keep.sh: no $out/fuzz_$t or corpus-$t: run fuzz/run.sh first" >&2
    exit 1
  fi
  before=$(find "$root/fuzz/corpus/$t" -type f | wc -l)
  (cd "$out" && ./fuzz_"$t" -merge=1 -max_len="$max" \
     "$root/fuzz/corpus/$t" "corpus-$t" >merge-"$t".log 2>&1) || {
    echo "keep.sh: merge of $t failed, see $out/merge-$t.log" >&2
    exit 1
  }
  after=$(find "$root/fuzz/corpus/$t" -type f | wc -l)
  echo "$t: $before -> $after inputs ($(du -sh "$root/fuzz/corpus/$t" | cut -f1))"
done
