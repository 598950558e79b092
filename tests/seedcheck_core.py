#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""seedcheck_core.py SEEDCHECK PITH PAGE EXPECTED.json

Run ../shared/bench/seedcheck.py and keep only the failures of the fields
pith supports now: text, title, sitename, author, date, categories, tags,
dateline and must_not_contain.  Failures of reader comments (not in this
fixture) are listed as ignored.  Exit 0 when no kept
failure remains.

seedcheck.py prints its failures on one line joined by "; ".  A message can
itself contain "; " (inside a quoted excerpt of text), so the pieces are
re-joined unless a piece starts like a new failure.
"""
import subprocess
import sys

# How each seedcheck.py failure message starts.
KNOWN = ("text differs", "leaks ", "title ", "sitename ", "author ", "date ",
         "categories ", "tags ", "dateline.", "pith exited ")
IGNORED = ()


def is_comments_failure(msg):
    return "reader comments missing" in msg


def main():
    if len(sys.argv) != 5:
        sys.exit(__doc__)
    seedcheck, pith, page, expected = sys.argv[1:]
    p = subprocess.run([sys.executable, seedcheck, pith, page, expected],
                       capture_output=True, text=True, timeout=120)
    out = p.stdout.strip()
    if p.returncode == 0:
        print(out or "all fields match")
        return 0
    if not out:
        print(f"seedcheck.py exited {p.returncode}: {p.stderr.strip()[-500:]}")
        return 1

    failures = []
    for piece in out.split("; "):
        if failures and not piece.startswith(KNOWN) and not is_comments_failure(piece):
            failures[-1] += "; " + piece
        else:
            failures.append(piece)
    kept = [f for f in failures
            if not (IGNORED and f.startswith(IGNORED)) and not is_comments_failure(f)]
    for f in failures:
        print(("FAIL: " if f in kept else "ignored (not yet required): ") + f)
    if not kept:
        print("all required fields match")
    return 1 if kept else 0


if __name__ == "__main__":
    sys.exit(main())
