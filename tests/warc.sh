#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# warc.sh [PITH] - the tool on WARC files and batches: WARC files written
# by tests/warc/mkwarc.py from the sample, golden and (when ../shared is
# there) 60 wcxb-dev pages, plain and gzip per record, good and broken.
# Checks: one JSON line per HTML response record, equal to extracting the
# page file directly (with --url set to the record's URI); one error line
# per broken record and the reader going on after it; WARC recognised by
# content and from stdin; -j 1 and -j 4 byte-identical; --input-dir and
# --input-list equal to naming the files; --warc-stats counts; progress
# and summary lines; a Common Crawl-like WARC (mkwarc.py --cc) gives the
# same documents.  PITH defaults to build/pith.  Prints TAP.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pith=${1:-$root/build/pith}
pith=$(cd "$(dirname "$pith")" && pwd)/$(basename "$pith")
mkwarc="python3 $root/tests/warc/mkwarc.py"
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

# Pages with distinct names (the URI is derived from the name).
mkdir pages
cp "$root/examples/news.html" pages/news.html
for f in "$root"/tests/golden/*/page.html*; do
  name=$(basename "$(dirname "$f")")
  case $f in *.gz) cp "$f" "pages/$name.html.gz" ;; *) cp "$f" "pages/$name.html" ;; esac
done
data=$root/../shared/data/wcxb-dev/html
if [ -d "$data" ]; then
  ls "$data"/*.html.gz | head -n 60 | while read -r f; do cp "$f" pages/; done
fi

$mkwarc good.warc.gz --gzip pages/* >good.count
$mkwarc good.warc pages/* >/dev/null
$mkwarc bad.warc.gz --gzip --broken pages/* >bad.count
$mkwarc bad.warc --broken pages/* >/dev/null
read -r html_good < <(sed 's/.*html=\([0-9]*\).*/\1/' good.count)
read -r html_bad broken_bad < <(sed 's/.*html=\([0-9]*\) broken=\([0-9]*\).*/\1 \2/' bad.count)

"$pith" --json --warc good.warc.gz >good.jsonl 2>good.err
rc=$?
ok "good WARC exits 0" test $rc -eq 0
ok "one line per HTML response record" test "$(wc -l <good.jsonl)" -eq "$html_good"
ok "nothing on stderr" test ! -s good.err

# Each record's JSON equals direct extraction of its page.
for f in pages/*; do
  name=$(basename "$f")
  name=${name%.gz}
  name=${name%.html}
  "$pith" --json --url "http://wcxb.test/$name" "$f"
done >direct.jsonl
ok "records equal direct extraction (all keys but source, url, warc_*)" python3 -c '
import json, sys
w = [json.loads(l) for l in open("good.jsonl")]
d = [json.loads(l) for l in open("direct.jsonl")]
assert len(w) == len(d), (len(w), len(d))
keys = ["source", "url", "title", "author", "date", "sitename", "description",
        "language", "categories", "tags", "date_modified", "image", "license",
        "page_type", "dateline", "text", "comments",
        "warc_record_id", "warc_date", "http_status", "warc_truncated",
        "warc_offset", "warc_length"]
for a, b in zip(w, d):
    assert list(a) == keys, list(a)
    assert a["source"] == "good.warc.gz"
    assert a["url"].startswith("http://wcxb.test/"), a["url"]
    assert a["warc_record_id"].startswith("<urn:uuid:"), a
    assert a["warc_date"] == "2024-03-04T10:00:00Z"
    assert a["http_status"] == 200, a["http_status"]
    assert a["warc_truncated"] is None, a["warc_truncated"]
    for k in keys[2:17]:
        assert a[k] == b[k], (k, a["url"], a[k], b[k])
'

# The same pages laid out as Common Crawl writes them (WARC/1.0, request,
# response and metadata records, X-Crawler-* headers): the same documents.
$mkwarc cc.warc.gz --gzip --cc --truncate 0 pages/* >cc.count
"$pith" --json cc.warc.gz >cc.jsonl 2>cc.err
rc=$?
ok "Common Crawl-like WARC: exits 0" test $rc -eq 0
ok "Common Crawl-like WARC: nothing on stderr" test ! -s cc.err
ok "Common Crawl-like WARC: the same documents" python3 -c '
import json
w = [json.loads(l) for l in open("good.jsonl")]
c = [json.loads(l) for l in open("cc.jsonl")]
assert len(c) == len(w), (len(c), len(w))
for a, b in zip(c, w):
    assert a["warc_record_id"] != b["warc_record_id"]
    for k in list(b)[1:-6]:
        assert a[k] == b[k], (k, a["url"])
'
"$pith" --warc-stats cc.warc.gz >ccstats.txt 2>/dev/null
# Payloads cut by the crawler (WARC-Truncated: length, as Common Crawl marks
# pages over 1 MiB; here over 4 KiB) say so in their records.
$mkwarc cccut.warc.gz --gzip --cc --truncate 4096 pages/* >/dev/null
"$pith" --json cccut.warc.gz >cccut.jsonl 2>/dev/null
ok "WARC-Truncated records: warc_truncated and truncated" python3 -c '
import glob, gzip, json
big = 0
for f in glob.glob("pages/*"):
    data = open(f, "rb").read()
    big += len(gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data) > 4096
recs = [json.loads(l) for l in open("cccut.jsonl")]
cut = [r for r in recs if r["warc_truncated"] is not None]
assert big and len(cut) == big, (len(cut), big)
for r in cut:
    assert r["warc_truncated"] == "length", r["warc_truncated"]
    assert r["truncated"] is True, r["url"]
'
ok "Common Crawl-like WARC: --warc-stats counts" \
  grep -q "records ($html_good HTML responses, 0 other responses, $((2 * html_good + 1)) other records, 0 errors)" ccstats.txt

# Plain WARC, detection by content, stdin, text mode.
"$pith" --json --warc good.warc >plain.jsonl 2>/dev/null
ok "uncompressed WARC gives the same records" \
  cmp -s <(sed 's/"source":"[^"]*"//; s/"warc_offset":[^}]*//' plain.jsonl) \
    <(sed 's/"source":"[^"]*"//; s/"warc_offset":[^}]*//' good.jsonl)
"$pith" --json good.warc.gz >auto.jsonl 2>/dev/null
ok "WARC recognised without --warc" bash -c 'test -s good.jsonl && cmp -s auto.jsonl good.jsonl'
"$pith" --json <good.warc.gz >stdin.jsonl 2>/dev/null
ok "WARC recognised on stdin" \
  cmp -s <(sed 's/"source":"[^"]*"//' stdin.jsonl) <(sed 's/"source":"[^"]*"//' good.jsonl)
ok "stdin records name - as source" grep -q '^{"source":"-"' stdin.jsonl
"$pith" --warc good.warc.gz >text.txt 2>/dev/null
ok "text mode: one document per record" \
  test "$(grep -c $'^\f$' text.txt)" -eq $((html_good - 1))

# Broken WARC files: error lines, and reading goes on.
for f in bad.warc.gz bad.warc; do
  "$pith" --json "$f" >bad.jsonl 2>bad.err
  rc=$?
  ok "$f: exits 1" test $rc -eq 1
  ok "$f: N good + M error lines" test "$(wc -l <bad.jsonl)" -eq $((html_bad + broken_bad))
  ok "$f: errors and the record after them" python3 -c '
import json, sys
recs = [json.loads(l) for l in open("bad.jsonl")]
errs = [r for r in recs if "error" in r]
assert len(errs) == '"$broken_bad"', errs
assert [r["url"] for r in errs] == ["http://wcxb.test/cut", "http://wcxb.test/short", "http://wcxb.test/nothttp"], errs
assert recs[-1]["url"] == "http://wcxb.test/encoded" and recs[-1]["title"] == "Encoded", recs[-1]
assert all(r["text"] for r in recs if "error" not in r)
'
  ok "$f: garbage reported on stderr" grep -q "belong to no WARC record" bad.err
done
"$pith" bad.warc.gz >/dev/null 2>bad.err
ok "text mode: broken records named on stderr" grep -q "record <urn:uuid:.*(http://wcxb.test/short): WARC record at offset" bad.err

# Threads: byte-identical output.
"$pith" --json -j 1 bad.warc.gz >j1.jsonl 2>/dev/null
"$pith" --json -j 4 bad.warc.gz >j4.jsonl 2>/dev/null
ok "-j 4 WARC output identical to -j 1" bash -c 'test -s j1.jsonl && cmp -s j1.jsonl j4.jsonl'
"$pith" --json -j 1 pages/* missing.html >f1.jsonl 2>/dev/null
"$pith" --json -j 3 pages/* missing.html >f3.jsonl 2>/dev/null
ok "-j 3 file output identical to -j 1" bash -c 'test -s f1.jsonl && cmp -s f1.jsonl f3.jsonl'
"$pith" -j 1 pages/* >t1.txt 2>/dev/null
"$pith" -j 2 pages/* >t2.txt 2>/dev/null
ok "-j 2 text output identical to -j 1" bash -c 'test -s t1.txt && cmp -s t1.txt t2.txt'

# Directories and lists.
mkdir -p tree/sub tree/.hidden
cp pages/news.html tree/a.html
cp pages/news.html tree/sub/b.html
cp pages/news.html tree/.hidden/c.html
"$pith" --json --input-dir tree >dir.jsonl 2>/dev/null
ok "--input-dir: recursive, name order, hidden skipped" \
  test "$(sed 's/{"source":"\([^"]*\)".*/\1/' dir.jsonl | tr '\n' ' ')" = "tree/a.html tree/sub/b.html "
ls pages/* >list.txt
"$pith" --json --input-list list.txt >list.jsonl 2>/dev/null
"$pith" --json pages/* >args.jsonl 2>/dev/null
ok "--input-list equals naming the files" bash -c 'test -s args.jsonl && cmp -s list.jsonl args.jsonl'
"$pith" --json --input-list - <list.txt >list2.jsonl 2>/dev/null
ok "--input-list - reads the list from stdin" cmp -s list2.jsonl args.jsonl
printf 'good.warc.gz\n' | "$pith" --json --input-list - >lw.jsonl 2>/dev/null
ok "a listed WARC file is read as WARC" bash -c 'test -s good.jsonl && cmp -s lw.jsonl good.jsonl'

# --warc-stats, progress and summary.
"$pith" --warc-stats bad.warc.gz >stats.txt 2>/dev/null
ok "--warc-stats counts records" grep -q "HTML responses" stats.txt
ok "--warc-stats: HTML count" grep -q "($html_bad HTML responses" stats.txt
ok "--warc-stats: error count" grep -q ", $broken_bad errors)" stats.txt
"$pith" --json --progress good.warc.gz >/dev/null 2>prog.err
ok "--progress prints a summary" grep -q "pith: $html_good pages, .* skipped, 0 errors, .* pages/s" prog.err
"$pith" --json --quiet bad.warc.gz >/dev/null 2>quiet.err
ok "--quiet prints no summary" bash -c '! grep -q "pages/s" quiet.err'

# Odd WARC inputs: every one gets an answer.
: >empty.warc
"$pith" --json --warc empty.warc "$root/examples/news.html" >odd.jsonl 2>odd.err
ok "odd WARC inputs exit 1" test $? -eq 1
ok "empty WARC file: an error record" grep -q '"source":"empty.warc".*"error":"empty input"' odd.jsonl
ok "a page read as WARC: not a WARC file" grep -q "news.html: not a WARC file (no WARC record in" odd.err
"$pith" --json --max-size 4K good.warc.gz >big.jsonl 2>/dev/null
ok "records over --max-size: one line per record still" test "$(wc -l <big.jsonl)" -eq "$html_good"
ok "records over --max-size: error lines say so" grep -q '"error":"WARC record at offset [0-9]*: record block too large' big.jsonl

"$pith" --json --max-size 200 good.warc.gz >tiny.jsonl 2>/dev/null
ok "oversized non-HTML records are skipped, not errors" \
  bash -c 'test "$(wc -l <tiny.jsonl)" -eq '"$html_good"' && ! grep -q "\.png\"" tiny.jsonl'

# --help and the manual list the new options.
"$pith" --help >help.txt
for opt in --input-dir --input-list --jobs --warc --warc-stats --progress --quiet; do
  ok "--help lists $opt" grep -qF -- "$opt" help.txt
  ok "the manual lists $opt" grep -qF -- "${opt//-/\\-}" "$root/man/pith.1"
done

# Usage errors.
"$pith" -j 0 x >/dev/null 2>err
ok "-j 0 is a usage error" test $? -eq 2
"$pith" --warc=1 x >/dev/null 2>err
ok "--warc takes no argument" test $? -eq 2

echo "1..$n"
[ $failed -eq 0 ]
