#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# cli.sh [PITH] - behaviour tests of the pith tool that golden files do not
# cover: exit statuses, usage errors, error messages and records for bad
# input (missing file, directory, empty, truncated or corrupt gzip, too
# large), stdin, multi-member gzip, JSON Lines framing and the text-mode
# separator, and that --help and the manual list the same options.
# PITH defaults to build/pith.  Prints TAP; exits non-zero on failure.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pith=${1:-$root/build/pith}
page=$root/examples/news.html

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

n=0
failed=0
ok() { # ok DESC CMD... : the command must succeed
  local desc=$1
  shift
  n=$((n + 1))
  if "$@"; then
    echo "ok $n - $desc"
  else
    echo "not ok $n - $desc"
    failed=$((failed + 1))
  fi
}
# run ARGS...: run pith, keeping stdout, stderr and the exit status.
run() {
  "$pith" "$@" >out 2>err
  rc=$?
}
has() { grep -qF -- "$1" "$2"; }

cp "$page" page.html
gzip -c -n page.html >page.html.gz
head -c 2000 page.html | gzip -c -n >two.gz
tail -c +2001 page.html | gzip -c -n >>two.gz
# Three members, the last one short (ISIZE, the buffer's size hint, is
# the last member's), and a member with junk after it.
head -c 3000 page.html | gzip -c -n >three.gz
tail -c +3001 page.html | head -c -10 | gzip -c -n >>three.gz
tail -c 10 page.html | gzip -c -n >>three.gz
{ cat page.html.gz; printf 'junk after the member\n'; } >junk.gz
head -c 300 page.html.gz >trunc.gz
cp page.html.gz corrupt.gz
printf '\377\377\377\377\377\377\377\377' |
  dd of=corrupt.gz bs=1 seek=40 conv=notrunc 2>/dev/null
: >empty.html
mkdir adir

# Usage errors: status 2 and a message on stderr.
run --no-such-option page.html
ok "unknown option exits 2" test $rc -eq 2
ok "unknown option is named on stderr" has "unknown option '--no-such-option'" err
run page.html --url
ok "missing argument exits 2" test $rc -eq 2
ok "missing argument message" has "option '--url' needs an argument" err
run --max-size 12Q page.html
ok "bad size exits 2" test $rc -eq 2
run --json=yes page.html
ok "flag with a value exits 2" test $rc -eq 2

# Help and version.
run --help
ok "--help exits 0" test $rc -eq 0
for opt in --json --url --max-size --no-fallback --keep-hidden --no-metadata \
  --format --markdown --links --images --formatting --no-tables \
  --no-comments --markdown-field --help --version; do
  ok "--help lists $opt" has "$opt" out
  ok "the manual lists $opt" grep -qF -- "${opt//-/\\-}" "$root/man/pith.1"
done
ok "--help lists --parser" has "--parser" out
ok "the manual lists --parser" grep -qF -- '\-\-parser' "$root/man/pith.1"
ok "--help names this build's default parser" \
  grep -qE "parses HTML with (html5|libxml2)" out

# Both parsers give a result; an unknown one is a usage error.
for p in html5 libxml2; do
  run --parser "$p" page.html
  ok "--parser $p exits 0 with text" bash -c '[ '$rc' -eq 0 ] && [ -s out ]'
done
run --parser=html5 --json page.html
ok "--parser=html5 --json gives a record" has '"text":' out
run --parser gumbo page.html
ok "unknown parser exits 2" test $rc -eq 2
ok "unknown parser is named" has "unknown --parser 'gumbo'" err

run -V
ok "-V exits 0 and names the version" \
  bash -c '[ '$rc' -eq 0 ] && grep -q "^pith [0-9]*\.[0-9]*\.[0-9]*" out'

# Inputs: plain, gzip, two gzip members, stdin.
run page.html
ok "plain page exits 0" test $rc -eq 0
cp out plain.txt
ok "plain page gives text" test -s plain.txt
run page.html.gz
ok "gzip page gives the same text" cmp -s out plain.txt
run two.gz
ok "two gzip members give the same text" cmp -s out plain.txt
run three.gz
ok "three gzip members give the same text" cmp -s out plain.txt
run junk.gz
ok "junk after a gzip member is ignored" cmp -s out plain.txt
"$pith" <page.html.gz >out 2>err
ok "gzip on stdin gives the same text" cmp -s out plain.txt
"$pith" - <page.html >out 2>err
ok "'-' reads stdin" cmp -s out plain.txt

# Failures: reported, counted in the exit status, never stop the run.
run page.html missing.html adir empty.html trunc.gz corrupt.gz page.html
ok "failed inputs exit 1" test $rc -eq 1
ok "missing file message" has "pith: missing.html: cannot open: No such file or directory" err
ok "directory message" has "pith: adir: cannot read: Is a directory" err
ok "empty input message" has "pith: empty.html: " err
ok "truncated gzip message" has "pith: trunc.gz: gzip: truncated input" err
ok "corrupt gzip message" has "pith: corrupt.gz: gzip: corrupt input" err
# 7 inputs, 2 documents: every input after the first has its form-feed
# line, failed ones too, so the n-th document is the n-th input.
ok "text documents separated by a form-feed line, failed inputs too" \
  test "$(grep -c $'^\f$' out)" -eq 6
run --max-size 1K page.html page.html.gz
ok "too large exits 1" test $rc -eq 1
ok "too large message (plain)" has "pith: page.html: input too large (" err
ok "too large message (gzip)" has "pith: page.html.gz: input too large (" err

# JSON Lines: one record per input, in order, errors as records.
run --json page.html missing.html trunc.gz page.html.gz
ok "JSON run with failures exits 1" test $rc -eq 1
ok "one line per input" test "$(wc -l <out)" -eq 4
ok "nothing on stderr in JSON mode" test ! -s err
if command -v python3 >/dev/null 2>&1; then
  ok "records are valid JSON, in input order, with errors" python3 -c '
import json, sys
recs = [json.loads(l) for l in open("out", encoding="utf-8")]
keys = ["source", "url", "title", "author", "date", "sitename",
        "description", "language", "categories", "tags", "date_modified",
        "image", "license", "page_type", "dateline",
        "text", "comments"]
assert [r["source"] for r in recs] == ["page.html", "missing.html",
                                      "trunc.gz", "page.html.gz"], recs
assert list(recs[0]) == keys, list(recs[0])
assert list(recs[1]) == keys + ["error"], list(recs[1])
assert recs[1]["error"] == "cannot open: No such file or directory"
assert recs[2]["error"] == "gzip: truncated input"
assert recs[1]["text"] is None and isinstance(recs[0]["text"], str)
assert recs[0]["text"] == recs[3]["text"] and recs[0]["text"]
'
fi
run --json --url https://example.org/x missing.html
ok "--url is kept in error records" has '"url":"https://example.org/x"' out

# Structured formats.
run --format yaml page.html
ok "unknown format exits 2" test $rc -eq 2
ok "unknown format is named" has "unknown format 'yaml'" err
run --format markdown page.html
cp out fmt.md
run --markdown page.html
ok "--markdown is --format markdown" cmp -s out fmt.md
run --format=json page.html
cp out fmt.json
run --json page.html
ok "--format=json is --json" cmp -s out fmt.json
run --format xml page.html page.html
ok "two XML documents are separated by a form feed line" \
  test "$(grep -c "$(printf '^\f$')" out)" -eq 1
run --format html --links --images page.html
ok "HTML output has no script" bash -c '! grep -qi "<script" out'
if command -v python3 >/dev/null 2>&1; then
  run --format xml --links --images --formatting page.html
  ok "XML output is well-formed" python3 -c '
import xml.etree.ElementTree as ET
root = ET.parse("out").getroot()
assert root.tag == "doc" and root.find("main") is not None'
  run --json --markdown-field page.html
  ok "--markdown-field adds markdown after text" python3 -c '
import json
r = json.loads(open("out", encoding="utf-8").read())
keys = list(r)
assert keys.index("markdown") == keys.index("text") + 1, keys
assert r["markdown"] == open("fmt.md", encoding="utf-8").read(), r["markdown"]'
fi
run --no-tables page.html
ok "--no-tables runs" test $rc -eq 0
run --no-comments page.html
ok "--no-comments leaves the text alone (comments never enter it)" cmp -s out plain.txt

# --explain: the HTML report of one page, the JSON Lines trace of any.
run --explain page.html
ok "--explain exits 0" test $rc -eq 0
ok "--explain writes an HTML report" has "<!DOCTYPE html>" out
ok "--explain reports the reasons" has 'id="why-outside-main"' out
ok "--explain writes no script" sh -c '! grep -qi "<script" out'
run --explain=html page.html.gz
ok "--explain=html reads gzip" has "words by reason" out
run --explain page.html page.html
ok "--explain with two inputs is a usage error" test $rc -eq 2
ok "--explain with two inputs says why" has "exactly one HTML page" err
run --explain --input-dir adir
ok "--explain with --input-dir is a usage error" test $rc -eq 2
run --explain=yaml page.html
ok "--explain=yaml is a usage error" test $rc -eq 2
ok "--explain=yaml is named" has "unknown --explain format 'yaml'" err
run --explain --json page.html
ok "--explain with --json is a usage error" test $rc -eq 2
run --explain=json page.html page.html.gz
ok "--explain=json on two inputs exits 0" test $rc -eq 0
ok "--explain=json writes a header line per input" test \
  "$(grep -c '"selected"' out)" -eq 2
if command -v python3 >/dev/null 2>&1; then
  ok "--explain=json lines are JSON, kept entries give the text" python3 -c '
import json, subprocess, sys
lines = [json.loads(l) for l in open("out", encoding="utf-8").read().split("\n") if l]
heads = [i for i, l in enumerate(lines) if "selected" in l]
assert heads == [0, len(lines) // 2], heads
first = lines[1:heads[1]]
assert all(e["decision"] in ("kept", "comment", "dropped") for e in first)
assert [e["i"] for e in first] == list(range(len(first)))
kept = [e for e in first if e["decision"] == "kept"]
text = open("plain.txt", encoding="utf-8").read().rstrip("\n")
out, prev = [], None
for e in kept:
    if prev is not None:
        tight = prev == e["block"] and prev in ("list-item", "table-row")
        out.append("\n" if tight else "\n\n")
    out.append(e["text"])
    prev = e["block"]
assert "".join(out) == text, ("".join(out)[:200], text[:200])'
fi
run --explain=json -j 2 page.html missing.html page.html
ok "--explain=json with a missing input exits 1" test $rc -eq 1
ok "--explain=json writes an error record for it, as --json does" \
  has '"source":"missing.html"' out
ok "--explain=json: the error record has the message" has '"error":' out
ok "--explain=json keeps going after it" test \
  "$(grep -c '"selected"' out)" -eq 2

# Output errors.
"$pith" page.html >/dev/full 2>err
rc=$?
ok "write error exits 1" test $rc -eq 1
ok "write error is reported" has "write error" err

echo "1..$n"
[ $failed -eq 0 ]
