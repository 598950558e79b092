#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh [SECONDS] [TARGET...] - build the libFuzzer targets with clang
# (ASan + UBSan, fuzz/build.sh) into build-fuzz/ and run each for SECONDS
# (default 60), starting from its saved corpus fuzz/corpus/<target> and
# html.dict.  FUZZ_RUNS=N runs each target N inputs instead (no time
# limit).  New interesting inputs go to build-fuzz/corpus-<target>; crash
# reproducers to build-fuzz/ (copy them into fuzz/corpus/<target> once
# fixed, so the replay tests keep them); each target's full log is
# build-fuzz/fuzz-<target>.log.
#
# Prints each target's runs and seconds, and exits 1 when any target
# crashed, leaked, printed a sanitizer report or stopped before its time
# (or run count) was up - so a broken target cannot pass unseen.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
secs=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/fuzz/fuzz_*.c; do
    t=$(basename "$f" .c)
    targets+=("${t#fuzz_}")
  done
fi
out="$root/build-fuzz"
mkdir -p "$out"
"$root/fuzz/build.sh" fuzzer "$out" "${targets[@]}"
limit=(-max_total_time="$secs")
[ -n "${FUZZ_RUNS:-}" ] && limit=(-runs="$FUZZ_RUNS")
failed=0
for t in "${targets[@]}"; do
  mkdir -p "$out/corpus-$t" "$root/fuzz/corpus/$t"
  seeds=()
  if [ "$t" = extract ]; then
    # The sample and golden pages are seeds too (copied: libFuzzer reads
    # directories).
    mkdir -p "$out/seeds-extract"
    cp "$root"/examples/*.html "$out/seeds-extract/"
    for g in "$root"/tests/golden/*/page.html; do
      cp "$g" "$out/seeds-extract/$(basename "$(dirname "$g")").html"
    done
    seeds=("$out/seeds-extract")
  fi
  log="$out/fuzz-$t.log"
  echo "== fuzz_$t (${FUZZ_RUNS:+$FUZZ_RUNS runs}${FUZZ_RUNS:-${secs}s})"
  rc=0
  (cd "$out" && ./fuzz_"$t" "${limit[@]}" -max_len=65536 \
     -dict="$root/fuzz/html.dict" -print_final_stats=1 \
     "corpus-$t" "$root/fuzz/corpus/$t" "${seeds[@]}") >"$log" 2>&1 || rc=$?
  done_line=$(grep -E '^Done [0-9]+ runs in [0-9]+ second' "$log" | tail -1 || true)
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  echo "   runs: ${runs:-?}  ${done_line:-no 'Done' line}"
  why=""
  if [ "$rc" -ne 0 ]; then
    why="exit status $rc"
  elif grep -qE 'ERROR: |runtime error:|SUMMARY: |WARNING: .*Sanitizer|==[0-9]+==' "$log"; then
    why="sanitizer report"
  elif [ -z "$done_line" ]; then
    why="stopped early (no 'Done' line)"
  elif [ -z "${FUZZ_RUNS:-}" ]; then
    ran=$(sed -E 's/^Done [0-9]+ runs in ([0-9]+) second.*/\1/' <<<"$done_line")
    [ "$ran" -ge $((secs > 2 ? secs - 2 : 0)) ] || why="stopped after ${ran}s of ${secs}s"
  fi
  if [ -n "$why" ]; then
    echo "   FAILED: $why; see $log" >&2
    grep -E 'ERROR|runtime error|SUMMARY|crash-|leak-|timeout-' "$log" | head -20 >&2 || true
    failed=1
  fi
done
exit $failed
