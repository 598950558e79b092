#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""explain.py - `pith --explain=json` output as plain text for the golden
tests: one line per metadata field that has a value (value and source),
the selected element and fallback, then one line per trace entry
(decision, reason code, detail, element path, text).  The selection
scores are left out, so the expectation changes when a rule or a source
changes, not when a weight moves a score.

Usage: explain.py FILE  (the JSON Lines of one input; - for stdin)"""
import json
import sys


def main():
    src = sys.stdin if sys.argv[1:] in ([], ["-"]) else open(
        sys.argv[1], encoding="utf-8")
    out = []
    for line in src:
        rec = json.loads(line)
        if "error" in rec:
            out.append(f"error: {rec['error']}")
        elif "fields" in rec:
            for name, f in rec["fields"].items():
                if f["value"] is not None:
                    v = json.dumps(f["value"], ensure_ascii=False)
                    out.append(f"{name}: {v} <- {f['source']}")
            out.append(f"selected: {rec['selected'] or '(none)'}"
                       f" (fallback: {rec['fallback']})")
        else:
            head = rec["decision"]
            if rec["reason"] != rec["decision"]:
                head += " " + rec["reason"]
            if rec["block"]:
                head += " " + rec["block"]
            if rec["detail"]:
                head += f" [{rec['detail']}]"
            out.append(f"{head} at {rec['path']}: {rec['text']}")
    sys.stdout.write("".join(s + "\n" for s in out))


if __name__ == "__main__":
    main()
