#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh PITH [CASE...] - golden tests: run the pith tool on each case's page
# and diff its output against the stored expectations.
#
# A case is a directory tests/golden/CASE/ holding
#   page.html or page.html.gz   the input (run from inside the case
#                               directory, so "source" is the bare name)
#   expect.txt                  expected `pith PAGE` output
#   expect.json                 expected `pith --json PAGE` output
#   expect.md, expect.xml, expect.html  (optional) expected output of
#                               `pith --format markdown|xml|html PAGE`;
#                               when expect.md is there and cmark-gfm is
#                               installed, the Markdown is also parsed back
#                               (tests/roundtrip.py) and must have the
#                               structure of the HTML output
#   expect.explain  (optional)  expected `pith --explain=json PAGE` as
#                               text (tests/golden/explain.py: each field's
#                               value and source, then each block's
#                               decision, reason code and text; no scores);
#                               skipped, saying so, without python3
#   README                      one line: why the case exists (also listed
#                               in tests/golden/README.md)
#   args        (optional)      extra command-line options, one line
#   xfail       (optional)      a known failure: a mismatch is reported
#                               but does not fail the run
# With no CASE, every case runs.  PITH_UPDATE_GOLDEN=1 rewrites expect.*
# from the current output instead of comparing; review the diff.
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
pith=${1:?usage: run.sh PITH [CASE...]}
shift
case $pith in
/*) ;;
*) pith=$PWD/$pith ;;
esac
if [ ! -x "$pith" ]; then
  echo "run.sh: $pith is not an executable" >&2
  exit 2
fi

if [ $# -gt 0 ]; then
  cases=("$@")
else
  cases=()
  for d in "$here"/*/; do
    cases+=("$(basename "$d")")
  done
fi

# Print the difference.  A JSON record is one long line, so when python3 is
# there both sides are shown one key per line (text split at newlines).
show_diff() {
  local mode=$1 want=$2 got=$3
  if [ "$mode" = json ] && command -v python3 >/dev/null 2>&1; then
    local py='import json, sys
for line in open(sys.argv[1], encoding="utf-8", errors="replace"):
    try:
        rec = json.loads(line)
    except ValueError:
        print(line, end="")
        continue
    for k, v in rec.items():
        if isinstance(v, str) and "\n" in v:
            print(f"{k}:")
            for part in v.split("\n"):
                print("  | " + part)
        else:
            print(f"{k}: {json.dumps(v, ensure_ascii=False)}")'
    diff -u --label "expect.$mode" --label "got.$mode" \
      <(python3 -c "$py" "$want") <(python3 -c "$py" "$got")
  else
    diff -u --label "expect.$mode" --label "got.$mode" "$want" "$got"
  fi
}

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

failures=0
for c in "${cases[@]}"; do
  dir=$here/$c
  if [ -f "$dir/page.html" ]; then
    page=page.html
  elif [ -f "$dir/page.html.gz" ]; then
    page=page.html.gz
  else
    echo "not ok - $c: no page.html or page.html.gz"
    failures=$((failures + 1))
    continue
  fi
  args=()
  if [ -f "$dir/args" ]; then
    read -r -a args <"$dir/args"
  fi

  ok=1
  modes=(txt json)
  for m in md xml html explain; do
    [ -f "$dir/expect.$m" ] && modes+=("$m")
  done
  for mode in "${modes[@]}"; do
    case $mode in
    json) flags=(--json) ;;
    md) flags=(--format markdown) ;;
    xml | html) flags=(--format "$mode") ;;
    explain) flags=(--explain=json) ;;
    *) flags=() ;;
    esac
    if [ "$mode" = explain ] && ! command -v python3 >/dev/null 2>&1; then
      echo "# $c: python3 not installed: expect.explain check skipped"
      continue
    fi
    out=$tmp/$c.$mode
    (cd "$dir" && "$pith" "${flags[@]}" "${args[@]}" "$page") >"$out" 2>"$tmp/err"
    rc=$?
    if [ $rc -ne 0 ]; then
      echo "# $c ($mode): pith exited $rc: $(head -c 300 "$tmp/err")"
      ok=0
      continue
    fi
    if [ "$mode" = explain ]; then
      if ! python3 "$here/explain.py" "$out" >"$out.txt" 2>"$tmp/err"; then
        echo "# $c (explain): explain.py failed: $(head -c 300 "$tmp/err")"
        ok=0
        continue
      fi
      mv "$out.txt" "$out"
    fi
    want=$dir/expect.$mode
    if [ "${PITH_UPDATE_GOLDEN:-0}" = 1 ]; then
      if ! cmp -s "$out" "$want" 2>/dev/null; then
        cp "$out" "$want"
        echo "# $c: updated expect.$mode"
      fi
    elif [ ! -f "$want" ]; then
      echo "# $c: missing expect.$mode (run with PITH_UPDATE_GOLDEN=1)"
      ok=0
    elif ! cmp -s "$want" "$out"; then
      echo "# $c ($mode) differs:"
      show_diff "$mode" "$want" "$out" | head -n 60 | sed 's/^/#   /'
      ok=0
    fi
  done

  # The Markdown must parse back (CommonMark + GFM tables) to the
  # structure of the HTML output: same blocks, inline marks and words.
  if [ $ok = 1 ] && [ -f "$dir/expect.md" ] &&
    [ "${PITH_UPDATE_GOLDEN:-0}" != 1 ]; then
    if command -v cmark-gfm >/dev/null 2>&1 && command -v python3 >/dev/null 2>&1; then
      if ! python3 "$here/../roundtrip.py" "$tmp/$c.md" "$tmp/$c.html" \
        >"$tmp/rt" 2>&1; then
        echo "# $c: Markdown does not round-trip:"
        head -n 20 "$tmp/rt" | sed 's/^/#   /'
        ok=0
      fi
    else
      echo "# $c: cmark-gfm not installed: round-trip check skipped" \
        "(apt-get install cmark-gfm)"
    fi
  fi

  if [ $ok = 1 ]; then
    if [ -f "$dir/xfail" ]; then
      echo "ok - $c # TODO known failure now passes; remove $c/xfail"
    else
      echo "ok - $c"
    fi
  elif [ -f "$dir/xfail" ]; then
    echo "not ok - $c # TODO known failure: $(head -n 1 "$dir/xfail")"
  else
    echo "not ok - $c"
    failures=$((failures + 1))
  fi
done

[ $failures -eq 0 ]
