#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# jsonl.sh [PITH] - pith --jsonl-input: JSON Lines pages on stdin, one
# record per line out.  Checks that a record equals the one --json writes
# for the same page, that "html" (text) overrides the charset the markup
# declares while "html_base64" (bytes) is detected, error records for bad
# lines, -j 2 output equal to -j 1, that each answer is written before the
# next line is read (a client can wait for it), and the usage errors.
# Needs python3 (a build dependency).  Prints TAP; exits non-zero on
# failure.
set -uo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
pith=${1:-$root/build/pith}
case $pith in /*) ;; *) pith=$PWD/$pith ;; esac

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

cp "$root/examples/news.html" page.html
# A windows-1252 page declaring its charset, and the same text as UTF-8.
python3 - <<'PY'
import base64, json
body = "<p>" + "Caf\u00e9 cr\u00e8me and na\u00efve r\u00e9sum\u00e9s, sold daily. " * 8 + "</p>"
page = ("<html><head><meta charset=\"windows-1252\"><title>Men\u00fa</title>"
        "</head><body><article>%s</article></body></html>" % body)
raw = open("page.html", "rb").read()
lines = [
    {"url": "https://example.org/news", "html_base64":
     base64.b64encode(raw).decode(), "source": "page.html"},
    {"html": page, "url": "https://example.org/menu"},
    {"html_base64": base64.b64encode(page.encode("cp1252")).decode()},
]
with open("in.jsonl", "w") as f:
    for l in lines:
        f.write(json.dumps(l) + "\n")
    f.write("\n")                     # blank: skipped
    f.write("[1, 2]\n")               # not an object
    f.write('{"url": "https://example.org/x"}\n')  # no html
    f.write('{"html_base64": "***"}\n')            # not base64
    f.write('{"html": "<p>cut\n')                   # unterminated string
    f.write('{"html": "", "extra": [1, {"a": null}]}\n')  # empty page
with open("many.jsonl", "w") as f:
    for i in range(24):
        f.write(json.dumps({"html": page.replace("daily", "daily %d" % i),
                            "url": "https://example.org/%d" % i}) + "\n")
PY

"$pith" --jsonl-input <in.jsonl >out.jsonl 2>err
rc=$?
ok "a bad line makes the exit status 1" test $rc -eq 1
ok "one record per non-blank line" test "$(wc -l <out.jsonl)" -eq 8
"$pith" --json --url https://example.org/news page.html >want.json
ok "a page's record equals the --json record of the same file" \
  test "$(head -n 1 out.jsonl)" = "$(cat want.json)"
check() { python3 -c "import json,sys; r=[json.loads(l) for l in open('out.jsonl')]; sys.exit(0 if ($1) else 1)"; }
ok "\"html\" text overrides the declared charset" \
  check '"Café crème" in r[1]["text"] and r[1]["title"] == "Menú"'
ok "\"html_base64\" bytes are decoded by their declared charset" \
  check 'r[2]["text"] == r[1]["text"] and r[2]["source"] == "-:3"'
ok "the line's url is the record's url" \
  check 'r[1]["url"] == "https://example.org/menu"'
ok "a line that is not an object gives an error record" \
  check '"not a JSON object" in r[3]["error"] and r[3]["source"] == "-:5"'
ok "a line without html gives an error record with its url" \
  check '"html" in r[4]["error"] and r[4]["url"] == "https://example.org/x"'
ok "bad base64 gives an error record" check '"base64" in r[5]["error"]'
ok "an unterminated string gives an error record" \
  check '"unterminated string" in r[6]["error"]'
ok "an empty page gives the library's error" \
  check 'r[7]["error"] == "empty input" and r[0].get("error") is None'

"$pith" --jsonl-input -j 1 <many.jsonl >j1 2>/dev/null
"$pith" --jsonl-input -j 2 <many.jsonl >j2 2>/dev/null
ok "-j 2 writes what -j 1 writes" cmp -s j1 j2
ok "24 lines, 24 records" test "$(wc -l <j1)" -eq 24

# A client that writes a line and waits for its answer before the next.
ok "each answer comes before the next line is written" python3 - "$pith" <<'PY'
import json, select, subprocess, sys
p = subprocess.Popen([sys.argv[1], "--jsonl-input", "-j", "2"],
                     stdin=subprocess.PIPE, stdout=subprocess.PIPE)
for i in range(3):
    p.stdin.write((json.dumps({"html": "<p>page %d</p>" % i}) + "\n").encode())
    p.stdin.flush()
    if not select.select([p.stdout], [], [], 20)[0]:
        sys.exit("no answer to line %d" % (i + 1))
    rec = json.loads(p.stdout.readline())
    if rec["source"] != "-:%d" % (i + 1) or "page %d" % i not in rec["text"]:
        sys.exit("wrong answer: %r" % rec)
p.stdin.close()
sys.exit(p.wait())
PY

printf '{"html": "<p>a\0b</p>"}\n{"html": "<p>two</p>"}\n{"html": "<p>three</p>"}' |
  "$pith" --jsonl-input >nul.jsonl 2>/dev/null
ok "a NUL byte does not merge lines; a last line without newline counts" \
  test "$(wc -l <nul.jsonl)" -eq 3
ok "the line with a NUL byte is an error record" \
  python3 -c "import json,sys; r=[json.loads(l) for l in open('nul.jsonl')]; sys.exit(0 if 'control character' in r[0]['error'] and r[2]['text'] == 'three' else 1)"

"$pith" --jsonl-input page.html </dev/null >/dev/null 2>err
ok "--jsonl-input with a file is a usage error" test $? -eq 2
ok "the usage error says why" grep -q "standard input only" err
"$pith" --jsonl-input --format markdown </dev/null >/dev/null 2>err
ok "--jsonl-input with --format markdown is a usage error" test $? -eq 2
"$pith" --jsonl-input </dev/null >out 2>err
ok "empty input: no records, status 0" test $? -eq 0 -a ! -s out

echo "1..$n"
[ "$failed" -eq 0 ]
