#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# Run the pith tool under valgrind over the golden pages, the sample page
# and (when ../shared is there) the seed page, in text and JSON mode.  Any
# leak or memory error fails the run.
#
# Usage: tests/leakcheck.sh [BUILD_DIR]   (default: build)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:-build}
case "$build" in /*) ;; *) build="$root/$build" ;; esac
pith="$build/pith"
if ! command -v valgrind >/dev/null 2>&1; then
  echo "leakcheck: valgrind is not installed" >&2
  exit 1
fi
pages=("$root"/tests/golden/*/page.html* "$root"/examples/*.html)
seed="$root/../shared/fixtures/seed/alliance-news.html"
[ -f "$seed" ] && pages+=("$seed")
vg=(valgrind --quiet --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --error-exitcode=99)
fail=0
all="--links --images --formatting"
for mode in "" "--json" "--format markdown $all" "--format xml $all" \
  "--format html $all" "--json --markdown-field $all" "--explain=json"; do
  # shellcheck disable=SC2086
  if ! "${vg[@]}" "$pith" $mode "${pages[@]}" >/dev/null; then
    echo "leakcheck: valgrind reported errors (mode: ${mode:-text})" >&2
    fail=1
  fi
done
# The --explain HTML report takes one page at a time.
for p in "${pages[@]}"; do
  if ! "${vg[@]}" "$pith" --explain "$p" >/dev/null; then
    echo "leakcheck: valgrind reported errors (--explain $p)" >&2
    fail=1
  fi
done
# The error paths: a missing file and an empty input.
if "${vg[@]}" "$pith" --json /nonexistent/page.html </dev/null >/dev/null; then
  :
else
  [ $? -eq 99 ] && { echo "leakcheck: errors on the missing-file path" >&2; fail=1; }
fi
# WARC input (good and broken records, gzip and plain) on 2 threads.
if command -v python3 >/dev/null 2>&1; then
  wtmp=$(mktemp -d)
  python3 "$root/tests/warc/mkwarc.py" "$wtmp/t.warc.gz" --gzip --broken \
    "$root"/examples/*.html "$root"/tests/golden/*/page.html* >/dev/null
  python3 "$root/tests/warc/mkwarc.py" "$wtmp/t.warc" --broken \
    "$root"/examples/*.html >/dev/null
  for args in "--json -j 2 $wtmp/t.warc.gz" "-j 1 $wtmp/t.warc" \
    "--warc-stats $wtmp/t.warc.gz" "--json -j 2 --input-dir $root/tests/golden" \
    "--explain=json -j 2 $wtmp/t.warc.gz"; do
    # shellcheck disable=SC2086
    rc=0
    "${vg[@]}" "$pith" $args >/dev/null 2>&1 || rc=$?
    if [ $rc -eq 99 ]; then
      echo "leakcheck: valgrind reported errors (pith $args)" >&2
      fail=1
    fi
  done
  # --jsonl-input: pages as text and base64, and bad lines, on 2 threads.
  python3 - "$wtmp/in.jsonl" "$root"/examples/*.html <<'PY'
import base64, json, sys
with open(sys.argv[1], "w") as f:
    for p in sys.argv[2:]:
        raw = open(p, "rb").read()
        f.write(json.dumps({"url": "https://example.org/", "html":
                            raw.decode("utf-8", "replace")}) + "\n")
        f.write(json.dumps({"html_base64": base64.b64encode(raw).decode(),
                            "source": p, "encoding": "utf-8"}) + "\n")
    f.write('not json\n{"html": "\\ud800 lone"}\n{"html_base64": "@"}\n')
    f.write('{"x": [1, {"y": [true, null, -1.5e3]}], "html": "<p>x</p>"}\n')
    f.write('{"html": "<p>cut\n')
PY
  rc=0
  "${vg[@]}" "$pith" --jsonl-input -j 2 <"$wtmp/in.jsonl" >/dev/null 2>&1 ||
    rc=$?
  if [ $rc -eq 99 ]; then
    echo "leakcheck: valgrind reported errors (pith --jsonl-input)" >&2
    fail=1
  fi
  rm -rf "$wtmp"
fi
if [ $fail -eq 0 ]; then
  echo "leakcheck: ${#pages[@]} pages, no leaks or memory errors"
fi
exit $fail
