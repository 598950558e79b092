#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# quality.sh [PITH] - extraction quality regression check: run
# `pith --json` over ../shared/data/wcxb-dev, score the output with
# ../shared/bench/score.py and fail when word F1, title match or date match
# falls below the floors in tests/regress/baseline.json (word_f1_floor,
# title_floor, date_floor), or when the share of pages whose page_type
# agrees with the ground truth's _internal.page_type.primary falls below
# page_type_floor; then over ../shared/data/trafilatura-eval (each page
# with its URL, through --jsonl-input) it fails when trafilatura's snippet
# F1 or precision falls below snippet_f1_floor / snippet_precision_floor.
# PITH defaults to build/pith.  Exits 77 (CTest "skipped") when ../shared,
# relative to the repository root, is absent.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=$root/../shared
data=$shared/data/wcxb-dev
pith=${1:-$root/build/pith}

if [ ! -d "$shared" ]; then
  echo "SKIP: ../shared not found"
  exit 77
fi
if [ ! -d "$data/html" ] || ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: $data or python3 not found"
  exit 77
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# Exit status 1 only means some pages failed: their error records are in
# the output and score as empty extractions.  Anything else is a crash.
rc=0
"$pith" --json "$data"/html/*.html.gz >"$tmp/out.jsonl" 2>"$tmp/err" || rc=$?
if [ $rc -gt 1 ]; then
  echo "FAIL: pith exited $rc"
  tail -n 20 "$tmp/err"
  exit 1
fi

python3 "$shared/bench/score.py" "$tmp/out.jsonl" --data "$data" --json \
  >"$tmp/score.json"

python3 - "$tmp/score.json" "$root/tests/regress/baseline.json" \
  "$tmp/out.jsonl" "$data" <<'PY'
import json, os, sys
score = json.load(open(sys.argv[1]))
base = json.load(open(sys.argv[2]))
# Page type: agreement with the ground truth's label.
agree = total = 0
for line in open(sys.argv[3]):
    doc = json.loads(line)
    page = os.path.basename(doc.get("source") or "").split(".")[0]
    try:
        gt = json.load(open(os.path.join(sys.argv[4], "ground-truth",
                                         page + ".json")))
    except OSError:
        continue
    label = ((gt.get("_internal") or {}).get("page_type") or {}).get("primary")
    if label:
        total += 1
        agree += doc.get("page_type") == label
score["page_type"] = agree / total if total else 0.0
print(json.dumps({k: v for k, v in score.items() if k != "word_f1_by_type"},
                 indent=2))
failed = False
for key, floor_key in (("word_f1", "word_f1_floor"),
                       ("title_match", "title_floor"),
                       ("date_match", "date_floor"),
                       ("page_type", "page_type_floor")):
    got = score.get(key) or 0.0
    floor = float(base.get(floor_key, 0.0))
    status = "ok" if got >= floor else "FAIL"
    failed |= got < floor
    print(f"{status}: {key} {got:.4f} (floor {floor:.4f})")
sys.exit(1 if failed else 0)
PY

# The second dev split: trafilatura's evaluation set and its snippet
# metric, each page given with its URL.
te=$shared/data/trafilatura-eval
if [ ! -d "$te/html" ]; then
  echo "SKIP: $te not found (snippet floors not checked)"
  exit 0
fi
python3 - "$te" >"$tmp/te-in.jsonl" <<'PY'
import base64, glob, json, os, sys
data = sys.argv[1]
for p in sorted(glob.glob(os.path.join(data, "html", "*.html.gz"))):
    page = os.path.basename(p)[:-len(".html.gz")]
    gt = json.load(open(os.path.join(data, "ground-truth", page + ".json")))
    rec = {"source": p, "html_base64": base64.b64encode(open(p, "rb").read())
           .decode("ascii")}
    if gt.get("url"):
        rec["url"] = gt["url"]
    print(json.dumps(rec))
PY
rc=0
"$pith" --jsonl-input <"$tmp/te-in.jsonl" >"$tmp/te.jsonl" 2>"$tmp/err" || rc=$?
if [ $rc -gt 1 ]; then
  echo "FAIL: pith --jsonl-input exited $rc"
  tail -n 20 "$tmp/err"
  exit 1
fi
python3 "$shared/bench/score.py" "$tmp/te.jsonl" --data "$te" --json \
  >"$tmp/te-score.json"
python3 - "$tmp/te-score.json" "$root/tests/regress/baseline.json" <<'PY'
import json, sys
score = json.load(open(sys.argv[1]))
base = json.load(open(sys.argv[2]))
failed = False
for key, floor_key in (("snippet_f1", "snippet_f1_floor"),
                       ("snippet_precision", "snippet_precision_floor")):
    got = score.get(key) or 0.0
    floor = float(base.get(floor_key, 0.0))
    failed |= got < floor
    print(f"{'ok' if got >= floor else 'FAIL'}: trafilatura-eval {key} "
          f"{got:.4f} (floor {floor:.4f})")
sys.exit(1 if failed else 0)
PY
