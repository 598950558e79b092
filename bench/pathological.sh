#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# pathological.sh [BUILD_DIR] - generate the worst cases of the hostile-input
# issue at full size and time each: the library's extraction time with each
# parser (pith-bench: extract + JSON rendering of the page in memory, best of
# 3; the goal is well under a second each), and `pith --json` end to end (reading the file and
# writing the record included) with its peak RSS (under 1 GB for the 30 MB
# page).
# The test suite checks the same shapes at a tenth of the size by counting
# nodes; this script is where the clock is read.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
pith="$build/pith"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$tmp" <<'PY'
import sys
d = sys.argv[1]
def w(name, s):
    with open(f"{d}/{name}.html", "w") as f:
        f.write(s)
w("nested-300k-divs", "<div>" * 300000 + "text" + "</div>" * 300000)
w("siblings-1M", "<body>" + "".join(f"<p>p{i}</p>" for i in range(1000000)))
w("attributes-200k", "<div " + " ".join(f'a{i}="v"' for i in range(200000)) + ">hi</div>")
w("line-30MB", "word " * 6000000)
w("table-50k-columns", "<table><tr>" + "<td>c</td>" * 50000 + "</tr></table>")
w("colspan-huge", '<table><tr><td colspan="2147483647" rowspan="65534">x</td></tr></table>')
# Cheap to parse, costly afterwards while a pass was quadratic (20 s and
# over 60 s): runs of headings with nothing between them.
w("headings-200k", "<h1>x</h1>" * 200000)
w("headings-400k", "<h1>x</h1>" * 400000)
PY
# A WARC file of 10 MB of "WARC/1.0" lines and no blank line: a million
# record starts whose headers never end (timed through --warc-stats).
python3 -c 'import sys; open(sys.argv[1], "wb").write(b"WARC/1.0\r\n" * 1000000)' \
  "$tmp/warc-no-blank-line.warc"

printf '%-22s %10s %12s %12s %10s %10s\n' case bytes html5_ext_s libxml2_ext_s \
  cli_s peak_MB
for f in "$tmp"/*.html; do
  name=$(basename "$f" .html)
  size=$(stat -c %s "$f")
  mkdir "$tmp/$name.d"
  gzip -1 -c "$f" >"$tmp/$name.d/$name.html.gz"
  times=$("$build/pith-bench" --pith-only "$tmp/$name.d")
  ext5=$(sed -n 's/^pith (html5) extract+json.*best of 3: \([0-9.]*\) s.*/\1/p' <<<"$times")
  extx=$(sed -n 's/^pith (libxml2) extract+json.*best of 3: \([0-9.]*\) s.*/\1/p' <<<"$times")
  out=$( { /usr/bin/time -f '%e %M' "$pith" --json --max-size 64M "$f" >/dev/null; } 2>&1 | tail -n 1)
  read -r secs kb <<<"$out"
  printf '%-22s %10s %12s %12s %10s %10s\n' "$name" "$size" "${ext5:-?}" \
    "${extx:-?}" "$secs" "$((kb / 1024))"
done
f="$tmp/warc-no-blank-line.warc"
# (It exits 1: every record is an error.)
/usr/bin/time -o "$tmp/time" -f '%e %M' "$pith" --warc-stats "$f" \
  >/dev/null 2>&1 || true
read -r secs kb < <(tail -n 1 "$tmp/time")
printf '%-22s %10s %12s %12s %10s %10s\n' warc-no-blank-line \
  "$(stat -c %s "$f")" - - "$secs" "$((kb / 1024))"
