#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh [BUILD_DIR] - speed and memory benchmark on ../shared/data/wcxb-dev.
#
# 1. BUILD_DIR/pith-bench: pages/s and MB/s of libxml2's parse alone and of
#    pith's extract + JSON render, in memory, single thread (see bench.c),
#    and the shares of pith's time its stages take (decode, parse,
#    extract, metadata, body, render); then libpith's WARC reader alone over two gzip WARC files made of the
#    same pages by tests/warc/mkwarc.py (in a temporary directory): the
#    dev-page WARC (request + response per page, an image response every
#    10th page) and a Common Crawl-like one (--cc: warcinfo, then request,
#    response and metadata per page, payloads cut at 1 MiB), so records/s
#    can be set beside figures measured on Common Crawl files.  Reading is
#    also given as a share of the extraction time of the same pages.
# 2. The CLI end to end: `pith --json` over every page under /usr/bin/time,
#    reporting wall time and peak RSS, and checking that the peak stays
#    within 10 x the largest (decompressed) page + 20 MB, i.e. memory use
#    follows the largest page, not the whole run.
# 3. WARC and threads: the reader through the tool (pith --warc-stats, 3
#    runs of each WARC file: lowest, median and highest records/s, wall
#    clock and CPU time), pith --json on the dev-page WARC with -j 1 and
#    -j <all cores> against the page files, the overhead of reading and
#    decompressing the WARC, the speed-up, that -j N output is
#    byte-identical to -j 1, and peak RSS.
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

tmp=$(mktemp)
wdir=$(mktemp -d)
trap 'rm -f "$tmp"; rm -rf "$wdir"' EXIT
warcs=()
if command -v python3 >/dev/null 2>&1; then
  python3 "$root/tests/warc/mkwarc.py" "$wdir/dev.warc.gz" --gzip \
    "$data"/*.html.gz >/dev/null
  python3 "$root/tests/warc/mkwarc.py" "$wdir/cc.warc.gz" --gzip --cc \
    "$data"/*.html.gz >/dev/null
  warcs=("$wdir/dev.warc.gz" "$wdir/cc.warc.gz")
fi

echo "== in-memory throughput (pith-bench, single thread)"
bench_out=$("$build/pith-bench" "$data" "${warcs[@]}")
echo "$bench_out"
largest=$(sed -n 's/.*largest page: \([0-9]*\) bytes.*/\1/p' <<<"$bench_out")

echo
echo "== CLI end to end: pith --json $data/*.html.gz > /dev/null"
if [ ! -x /usr/bin/time ]; then
  echo "SKIP: /usr/bin/time not found (apt-get install time)"
  exit 0
fi
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

echo
echo "== WARC and threads (timings are wall clock; noisy on a shared machine)"
if [ ${#warcs[@]} -eq 0 ]; then
  echo "SKIP: python3 not found"
  exit 0
fi
cores=$(nproc 2>/dev/null || echo 1)
# secs CMD...: wall seconds of a command (output to $wdir/out, stderr kept).
secs() {
  local t0 t1
  t0=$(date +%s.%N)
  "$@" >"$wdir/out" 2>"$wdir/err" || true
  t1=$(date +%s.%N)
  python3 -c "print('%.3f' % ($t1 - $t0))"
}
# The reader through the tool, 3 runs per file: the spread shows how
# much a busy machine moves the wall-clock figure.
for w in "${warcs[@]}"; do
  for i in 1 2 3; do
    "$build/pith" --warc-stats "$w" || true
  done >"$wdir/stats"
  head -n 1 "$wdir/stats" | sed 's/; [0-9.]* MB read.*//'
  python3 - "$(basename "$w")" "$wdir/stats" <<'PY'
import re, sys
wall, cpu = [], []
for line in open(sys.argv[2]):
    m = re.search(r"([0-9]+) records/s, [0-9.]+ MB/s; CPU [0-9.]+ s, "
                  r"([0-9]+) records/s", line)
    if m:
        wall.append(int(m.group(1)))
        cpu.append(int(m.group(2)))
wall.sort()
cpu.sort()
if wall:
    print("%s: --warc-stats records/s, low/median/high of %d runs: wall "
          "%d / %d / %d, CPU %d / %d / %d" % (sys.argv[1], len(wall), wall[0],
          wall[len(wall) // 2], wall[-1], cpu[0], cpu[len(cpu) // 2], cpu[-1]))
PY
done
size_mb=$(python3 -c "import os; print('%.1f' % (os.path.getsize('$wdir/dev.warc.gz') / 1e6))")
t_files1=$(secs "$build/pith" --json -j 1 "$data"/*.html.gz)
t_warc1=$(secs "$build/pith" --json -j 1 "$wdir/dev.warc.gz")
cp "$wdir/out" "$wdir/j1.jsonl"
t_warcn=$(secs "$build/pith" --json -j "$cores" "$wdir/dev.warc.gz")
cp "$wdir/out" "$wdir/jn.jsonl"
t_filesn=$(secs "$build/pith" --json -j "$cores" "$data"/*.html.gz)
python3 - "$pages" "$size_mb" "$t_files1" "$t_warc1" "$t_warcn" "$t_filesn" "$cores" <<'PY'
import sys
pages, mb = int(sys.argv[1]), float(sys.argv[2])
f1, w1, wn, fn, cores = map(float, sys.argv[3:])
print("WARC: %d records, %.1f MB gzip" % (pages, mb))
print("files  -j 1: %6.2f s %7.1f pages/s" % (f1, pages / f1))
print("WARC   -j 1: %6.2f s %7.1f pages/s %6.1f MB/s   overhead vs files: %+.1f%%"
      % (w1, pages / w1, mb / w1, (w1 / f1 - 1) * 100))
print("WARC   -j %d: %6.2f s %7.1f pages/s %6.1f MB/s   speed-up: %.2fx"
      % (cores, wn, pages / wn, mb / wn, w1 / wn))
print("files  -j %d: %6.2f s %7.1f pages/s              speed-up: %.2fx"
      % (cores, fn, pages / fn, f1 / fn))
PY
if cmp -s "$wdir/j1.jsonl" "$wdir/jn.jsonl"; then
  echo "ok: -j $cores output is byte-identical to -j 1"
else
  echo "FAIL: -j $cores output differs from -j 1"
  exit 1
fi
/usr/bin/time -v "$build/pith" --json "$wdir/dev.warc.gz" >/dev/null 2>"$tmp" || true
echo "WARC -j $cores peak RSS: $(( $(sed -n 's/.*Maximum resident set size (kbytes): *//p' "$tmp") / 1024 )) MB"
