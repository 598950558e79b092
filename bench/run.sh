#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh [BUILD_DIR] - speed and memory benchmark on ../shared/data/wcxb-dev.
#
# 1. BUILD_DIR/pith-bench: pages/s and MB/s of libxml2's parse alone and of
#    pith's extract + JSON render, in memory, single thread (see bench.c).
# 2. The CLI end to end: `pith --json` over every page under /usr/bin/time,
#    reporting wall time and peak RSS, and checking that the peak stays
#    within 10 x the largest (decompressed) page + 20 MB, i.e. memory use
#    follows the largest page, not the whole run.
# BUILD_DIR defaults to build/.  Skips (exit 0) when ../shared is absent.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-$root/build}
shared=$(cd "$root/.." && pwd)/shared
data=$shared/data/wcxb-dev/html

if [ ! -d "$shared" ] || [ ! -d "$data" ]; then
  echo "SKIP: ../shared not found"
  exit 0
fi

echo "== in-memory throughput (pith-bench, single thread)"
bench_out=$("$build/pith-bench" "$data")
echo "$bench_out"
largest=$(sed -n 's/.*largest page: \([0-9]*\) bytes.*/\1/p' <<<"$bench_out")

echo
echo "== CLI end to end: pith --json $data/*.html.gz > /dev/null"
if [ ! -x /usr/bin/time ]; then
  echo "SKIP: /usr/bin/time not found (apt-get install time)"
  exit 0
fi
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
rc=0
/usr/bin/time -v "$build/pith" --json "$data"/*.html.gz >/dev/null 2>"$tmp" || rc=$?
# Exit status 1 means some pages failed; their records are still written.
if [ $rc -gt 1 ]; then
  echo "FAIL: pith exited $rc"
  tail -n 30 "$tmp"
  exit 1
fi
wall=$(sed -n 's/.*Elapsed (wall clock) time.*): *//p' "$tmp")
peak_kb=$(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp")
pages=$(ls "$data"/*.html.gz | wc -l)
echo "pages: $pages  wall: $wall  peak RSS: $((peak_kb / 1024)) MB"

limit_kb=$((10 * largest / 1024 + 20 * 1024))
echo "largest page: $largest bytes  limit: 10 x largest + 20 MB = $((limit_kb / 1024)) MB"
if [ "$peak_kb" -gt "$limit_kb" ]; then
  echo "FAIL: peak RSS ${peak_kb} kB exceeds ${limit_kb} kB"
  exit 1
fi
echo "ok: peak RSS within the limit"
