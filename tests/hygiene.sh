#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# hygiene.sh [PITH] - every input gets the right answer (issue 16):
#  - 51 non-HTML files written by tests/hygiene/mkbinary.py (PDF, images,
#    archives, compressed data, fonts, audio, video, executables, random
#    bytes) each give an error "not HTML: ..." and exit status 1, while a
#    plain-text file is extracted;
#  - a generated WARC (mkwarc.py --mixed 1000: 1,000 HTML responses, 100
#    without a body, 50 binary payloads labelled HTML, 5 damaged records),
#    gzip and plain: every HTML and empty response out once, every binary
#    and damaged record an error line, and warc_offset/warc_length fetch
#    each record back exactly (each range read alone, and all of them
#    concatenated and read again by pith, give the same records);
#  - the small options: --include, --source-name, --url with a file name,
#    --time-limit 0, --progress to a file, "1 error", -j under taskset,
#    the form feed of failed inputs.
# PITH defaults to build/pith.  Prints TAP; exits non-zero on failure.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pith=${1:-$root/build/pith}
pith=$(cd "$(dirname "$pith")" && pwd)/$(basename "$pith")
command -v python3 >/dev/null 2>&1 || { echo "1..0 # SKIP no python3"; exit 77; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$tmp" || exit 1

n=0
failed=0
ok() {
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
has() { grep -qF -- "$1" "$2"; }

# --- non-HTML files ---------------------------------------------------------
count=$(python3 "$root/tests/hygiene/mkbinary.py" bin)
"$pith" --json -j 2 --input-dir bin >bin.jsonl 2>bin.err
rc=$?
ok "non-HTML files: exit 1" test $rc -eq 1
ok "non-HTML files: one line each ($count)" test "$(wc -l <bin.jsonl)" -eq "$count"
ok "non-HTML files: every one is 'not HTML'" python3 -c '
import json, sys
recs = [json.loads(l) for l in open("bin.jsonl")]
bad = [(r["source"], r.get("error"), r.get("text")) for r in recs
       if not (r.get("error") or "").startswith("not HTML: ")]
assert len(recs) >= 50 and not bad, bad
what = {r["source"].split("/")[-1]: r["error"] for r in recs}
for name, want in (("document.pdf", "PDF document"), ("image.png", "PNG image"),
                   ("page.html.xz", "xz data"), ("page.html.zst", "Zstandard data"),
                   ("random-2M.bin", "binary data"), ("image.png.gz", "PNG image"),
                   ("random.bin.gz", "binary data"), ("font.woff2", "WOFF2 font")):
    assert what[name] == "not HTML: " + want, (name, what[name])
'
"$pith" bin/document.pdf >out 2>err
ok "text mode: the message names the format" has "pith: bin/document.pdf: not HTML: PDF document" err
printf 'A plain text file.\n\nIts second paragraph, with enough words to be kept.\n' >notes.txt
"$pith" notes.txt >out 2>err
rc=$?
ok "plain text is still extracted" bash -c "test $rc -eq 0 && grep -q 'second paragraph' out"

# --- a generated WARC -------------------------------------------------------
for f in mixed.warc.gz mixed.warc; do
  gz=""
  case $f in *.gz) gz=--gzip ;; esac
  python3 "$root/tests/warc/mkwarc.py" $f $gz --mixed 1000 >$f.count
  "$pith" --json -j 2 $f >$f.jsonl 2>$f.err
  rc=$?
  ok "$f: exit 1 (binary and damaged records)" test $rc -eq 1
  ok "$f: records, errors and offsets" python3 - "$f" <<'PY'
import gzip, json, re, sys, zlib
name = sys.argv[1]
counts = dict(kv.split("=") for kv in open(name + ".count").read().split())
recs = [json.loads(l) for l in open(name + ".jsonl")]
good = [r for r in recs if "error" not in r]
errs = [r for r in recs if "error" in r]
pages = [r for r in good if "/page/" in r["url"]]
empty = [r for r in good if "/empty/" in r["url"]]
binary = [r for r in errs if r["error"].startswith("not HTML: ")]
damaged = [r for r in errs if r["error"].startswith("WARC record at offset ")]
assert len(pages) == int(counts["html"]), len(pages)
assert len(empty) == int(counts["empty"]), len(empty)
assert len(good) == len(pages) + len(empty), len(good)
assert len(binary) == int(counts["binary"]), len(binary)
assert all("/bin/" in r["url"] for r in binary)
assert len(damaged) == int(counts["broken"]), [r["error"] for r in errs]
assert len(errs) == len(binary) + len(damaged)
ids = [r["warc_record_id"] for r in good + binary]
assert len(set(ids)) == len(ids), "a record out twice"
for r in pages:
    assert r["http_status"] == 200 and len(r["text"]) > 100, r["url"]
for r in empty:
    assert r["text"] == "" and r["http_status"] in (200, 204, 301, 302, 304), r
data = open(name, "rb").read()
for r in damaged:  # the message gives the stored offset, as the key does
    off = int(re.match(r"WARC record at offset (\d+)", r["error"]).group(1))
    assert off == r["warc_offset"], (off, r["warc_offset"])
    head = data[off:off + 3] if name.endswith(".gz") else data[off:off + 5]
    assert head in (b"\x1f\x8b\x08", b"WARC/"), (r["error"], head)
# Every good or binary record fetched back by its range.
for r in good + binary:
    off, ln = r["warc_offset"], r["warc_length"]
    assert isinstance(off, int) and isinstance(ln, int) and ln > 0, r
    chunk = data[off:off + ln]
    if name.endswith(".gz"):
        d = zlib.decompressobj(16 + 15)
        rec = d.decompress(chunk)
        assert d.eof and not d.unused_data, "not exactly one member"
    else:
        rec = chunk
    assert rec.startswith(b"WARC/1.1\r\n") and rec.endswith(b"\r\n\r\n"), r["url"]
    head, _, rest = rec.partition(b"\r\n\r\n")
    cl = int(re.search(rb"Content-Length: (\d+)", head).group(1))
    assert len(rest) == cl + 4, (r["url"], len(rest), cl)
    assert r["warc_record_id"].encode() in head, r["url"]
with open(name + ".ranges", "wb") as out:
    for r in sorted(good + binary, key=lambda r: r["warc_offset"]):
        out.write(data[r["warc_offset"]:r["warc_offset"] + r["warc_length"]])
PY
  "$pith" --json --warc $f.ranges >$f.again.jsonl 2>/dev/null
  ok "$f: the ranges read again give the same records" python3 - "$f" <<'PY'
import json, sys
name = sys.argv[1]
def key(r):
    r = dict(r)
    for k in ("source", "warc_offset", "warc_length"):
        r.pop(k)
    r["error"] = r.get("error", "")[:30]
    return r
a = sorted((key(json.loads(l)) for l in open(name + ".jsonl")
            if '"error":"WARC record' not in l), key=lambda r: r["warc_record_id"])
b = sorted((key(json.loads(l)) for l in open(name + ".again.jsonl")),
           key=lambda r: r["warc_record_id"])
assert a == b, (len(a), len(b))
PY
  ok "$f: nothing on stderr but the error lines' records" \
    bash -c "! grep -v 'not HTML\|WARC record at offset' $f.err | grep -q ."
done
"$pith" mixed.warc.gz >text.out 2>/dev/null
ok "text mode: a document (or its form feed) for every record" \
  test "$(grep -c $'^\f$' text.out)" -eq 1154

# --- small options ----------------------------------------------------------
mkdir -p site/sub
printf '<p>One page of text for the include test.</p>' >site/a.html
printf '<p>Another page of text, deeper down.</p>' >site/sub/b.html
echo '{"truth": 1}' >site/a.json
echo 'MIT License' >site/LICENSE
"$pith" --json --include '*.html' --input-dir site >inc.jsonl 2>/dev/null
ok "--include: only the matching files" \
  test "$(python3 -c 'import json,sys; print(" ".join(json.loads(l)["source"] for l in open("inc.jsonl")))')" = "site/a.html site/sub/b.html"
"$pith" --json --include '*.json' --include 'LIC*' --input-dir site >inc2.jsonl 2>/dev/null
ok "--include: repeated, any GLOB matches" test "$(wc -l <inc2.jsonl)" -eq 2
"$pith" --json --source-name crawl/page.html <site/a.html >src.jsonl
ok "--source-name names standard input" has '"source":"crawl/page.html"' src.jsonl
"$pith" --json --source-name crawl.warc.gz <mixed.warc.gz 2>/dev/null | head -n 1 >src2.jsonl
ok "--source-name names a WARC on standard input" has '"source":"crawl.warc.gz"' src2.jsonl
"$pith" --url site/a.html site/a.html >out 2>err
rc=$?
ok "--url followed by a file name: usage error" bash -c "test $rc -eq 2 && grep -q 'is not a URL' err"
"$pith" --url https://example.org/a site/a.html >out 2>err
ok "--url with a URL: fine" test $? -eq 0
"$pith" --time-limit 0 site/a.html >out 2>err
ok "--time-limit 0 turns the clock off" bash -c "test $? -eq 0 && grep -q 'include test' out"
"$pith" --progress --json mixed.warc.gz >/dev/null 2>prog.err
ok "--progress to a file: lines, no carriage returns" \
  bash -c "! grep -q $'\r' prog.err && grep -q '^pith: 1155 pages, 51 skipped, 55 errors, .* pages/s, [0-9]* threads\?$' prog.err"
"$pith" --progress bin/document.pdf site/a.html >/dev/null 2>one.err
ok "the summary says '1 error'" grep -q '^pith: 2 pages, 0 skipped, 1 error, .* pages/s, ' one.err
"$pith" --progress -j 1 site/a.html >/dev/null 2>one.err
ok "the summary says '1 page', '1 thread'" grep -q '^pith: 1 page, 0 skipped, 0 errors, .* pages/s, 1 thread$' one.err
if command -v taskset >/dev/null 2>&1 && taskset -c 0 true 2>/dev/null; then
  taskset -c 0 "$pith" --progress site/a.html >/dev/null 2>ts.err
  ok "-j default follows the affinity mask (taskset -c 0: 1 thread)" grep -q ', 1 thread$' ts.err
else
  n=$((n + 1)); echo "ok $n # SKIP taskset not available"
fi
"$pith" site/a.html bin/image.png site/sub/b.html >ff.out 2>/dev/null
ok "text mode: a failed input keeps its form-feed line" \
  test "$(tr '\n' '|' <ff.out)" = $'One page of text for the include test.|\f|\f|Another page of text, deeper down.|'

# --help, the manual and the README name the new options.
"$pith" --help >help.txt
for opt in --include --source-name; do
  ok "--help lists $opt" grep -qF -- "$opt" help.txt
  ok "the manual lists $opt" grep -qF -- "${opt//-/\\-}" "$root/man/pith.1"
  ok "the README lists $opt" grep -qF -- "\`$opt" "$root/README.md"
done
ok "--help says --time-limit 0 turns the clock off" grep -qF "0: no limit" help.txt
ok "the manual names warc_offset" grep -qF "warc_offset" "$root/man/pith.1"

echo "1..$n"
[ "$failed" -eq 0 ]
