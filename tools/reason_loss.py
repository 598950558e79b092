#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""reason_loss.py - which rules cost the most reference words, and which
keeping paths let the most boilerplate through, over a whole split.

    tools/reason_loss.py [--pith build/pith] [-j N] [--top N] SPLIT_DIR...

SPLIT_DIR is a dev split laid out as ../shared/data/<split>/: html/ID.html.gz
and ground-truth/ID.json.  Each page is run through `pith --explain=json
--url URL` (the URL from its ground truth) and its trace is compared with
the reference:

* Splits with a reference text (wcxb-dev: ground_truth.main_content) are
  compared as bags of word trigrams (lower-cased \\w+ tokens), so common
  words alone match nothing.  The kept entries take their trigrams out of
  the reference bag first (in document order), then the dropped and
  comment entries: the words of a dropped entry covered by trigrams still
  in the bag are *reference words lost* to its reason (a repeat of kept
  text finds its trigrams taken); the words of a kept entry no trigram
  covers are *boilerplate kept*, counted against its keeping path.  An
  entry of one or two words matches a reference paragraph of exactly
  those words.
* Snippet splits (trafilatura-eval: `with` and `without` snippets) are
  compared as trafilatura's metric does, on exact substrings (white space
  collapsed): a `with` snippet missing from the text but found in a
  dropped (or comment) entry (or with at least half of its words in one)
  is lost to that entry's reason, its words counted; one that is in no
  entry is "(not in the trace)" (the page holds it only where readers do
  not see it: a script's JSON, an attribute, metadata), or "(kept,
  written otherwise)" when a kept entry has most of its words (white
  space or punctuation differ).
  A `without` snippet found in the text is boilerplate kept by the
  keeping path of the kept entry that holds it (or most of its words),
  else "(across blocks)".

The keeping path of a kept entry is "selection" or "fallback:<kind>"
(the trace header's fallback), then its block type: "selection/paragraph",
"fallback:whole-body/list-item".

Prints, per split, the reasons by reference words lost (with the pages
they cost words on), the keeping paths by boilerplate kept, and the rules
in detail (reason plus the word, tag or role it fired on) that cost most.
"""
import argparse
import collections
import concurrent.futures
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"\w+", re.UNICODE)
SPACE = re.compile(r"\s+")
# The rule and its word ('boilerplate: "sidebar" in the class of ...'),
# or the tag ("<nav>").
QUOTED = re.compile(r'^([a-z-]+: "[^"]*"|<[a-z0-9]+>)')


def words(s):
    return [w.lower() for w in WORD.findall(s or "")]


def squash(s):
    return SPACE.sub(" ", s or "").strip()


def detail_key(e):
    """The reason with the rule and its word, or the tag ("class-word:
    boilerplate: "sidebar"", "tag: <nav>"), or the reason alone."""
    m = QUOTED.match(e.get("detail") or "")
    return e["reason"] + (": " + m.group(1) if m else "")


def keep_path(head, e):
    fb = head.get("fallback") or "none"
    how = "selection" if fb == "none" else "fallback:" + fb
    return how + "/" + (e.get("block") or "?")


def run_pith(pith, path, url):
    cmd = [pith, "--explain=json", "--quiet"]
    if url:
        cmd += ["--url", url]
    cmd.append(path)
    p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                       check=False)
    lines = [json.loads(x) for x in p.stdout.decode("utf-8").split("\n")
             if x.strip()]
    if not lines or "error" in lines[0]:
        return None
    return lines[0], lines[1:]


class Tally:
    def __init__(self):
        self.lost = collections.Counter()       # reason -> ref words lost
        self.lost_pages = collections.Counter()  # reason -> pages
        self.lost_detail = collections.Counter()
        self.kept_bp = collections.Counter()     # path -> boilerplate words
        self.kept_bp_pages = collections.Counter()
        self.kept_bp_snips = collections.Counter()
        self.lost_snips = collections.Counter()
        self.pages = 0
        self.failed = 0
        self.ref_words = 0
        self.ref_snips = 0
        self.bp_snips = 0


def page_text(entries):
    """The text as the trace gives it (kept entries joined)."""
    out, prev = [], None
    for e in entries:
        if e["decision"] != "kept":
            continue
        if prev is not None:
            tight = prev == e.get("block") and prev in ("list-item",
                                                         "table-row")
            out.append("\n" if tight else "\n\n")
        out.append(e["text"])
        prev = e.get("block")
    return "".join(out)


def grams(toks):
    return [tuple(toks[i:i + 3]) for i in range(len(toks) - 2)]


def take(bag, lines, toks):
    """Take toks's trigrams out of the reference bag; return how many of
    its words they cover.  An entry of one or two words counts when the
    reference has a paragraph of exactly those words."""
    if len(toks) < 3:
        key = tuple(toks)
        if toks and lines[key] > 0:
            lines[key] -= 1
            return len(toks)
        return 0
    covered = [False] * len(toks)
    for i, g in enumerate(grams(toks)):
        if bag[g] > 0:
            bag[g] -= 1
            covered[i] = covered[i + 1] = covered[i + 2] = True
    return sum(covered)


def tally_text(t, head, entries, reference):
    ref = words(reference)
    t.ref_words += len(ref)
    bag = collections.Counter(grams(ref))
    lines = collections.Counter(tuple(words(x))
                                for x in re.split(r"\n\s*\n|\n", reference))
    bp = collections.Counter()
    for e in entries:
        if e["decision"] != "kept":
            continue
        toks = words(e["text"])
        miss = len(toks) - take(bag, lines, toks)
        if miss:
            bp[keep_path(head, e)] += miss
    lost = collections.Counter()
    lost_d = collections.Counter()
    for e in entries:
        if e["decision"] == "kept":
            continue
        n = take(bag, lines, words(e["text"]))
        if n:
            lost[e["reason"]] += n
            lost_d[detail_key(e)] += n
    t.lost.update(lost)
    t.lost_detail.update(lost_d)
    for r in lost:
        t.lost_pages[r] += 1
    t.kept_bp.update(bp)
    for k in bp:
        t.kept_bp_pages[k] += 1


def best_entry(s, pool):
    """The entry holding s, else the one holding most of its words (at
    least half), else None."""
    hit = next((e for e in pool if s in squash(e["text"])), None)
    if hit:
        return hit
    sw = set(words(s))
    best, most = None, 0
    for e in pool:
        n = len(sw & set(words(e["text"])))
        if n > most:
            best, most = e, n
    return best if sw and most * 2 >= len(sw) else None


def tally_snippets(t, head, entries, with_, without):
    text = squash(page_text(entries))
    kept = [e for e in entries if e["decision"] == "kept"]
    other = [e for e in entries if e["decision"] != "kept"]
    lost_here, bp_here = set(), set()
    for s in with_:
        s = squash(s)
        if not s:
            continue
        t.ref_snips += 1
        t.ref_words += len(words(s))
        if s in text:
            continue
        hit = best_entry(s, other)
        if hit:
            key, dkey = hit["reason"], detail_key(hit)
        elif best_entry(s, kept):
            key = dkey = "(kept, written otherwise)"
        else:
            key = dkey = "(not in the trace)"
        t.lost[key] += len(words(s))
        t.lost_detail[dkey] += len(words(s))
        t.lost_snips[key] += 1
        lost_here.add(key)
    for s in without:
        s = squash(s)
        if not s:
            continue
        t.bp_snips += 1
        if s not in text:
            continue
        hit = best_entry(s, kept)
        key = keep_path(head, hit) if hit else "(across blocks)"
        t.kept_bp[key] += len(words(s))
        t.kept_bp_snips[key] += 1
        bp_here.add(key)
    for k in lost_here:
        t.lost_pages[k] += 1
    for k in bp_here:
        t.kept_bp_pages[k] += 1


def one_page(pith, split, name):
    gt_path = os.path.join(split, "ground-truth", name.split(".")[0] + ".json")
    try:
        with open(gt_path, encoding="utf-8") as f:
            gt = json.load(f)
    except (OSError, ValueError):
        return None
    out = run_pith(pith, os.path.join(split, "html", name), gt.get("url"))
    return gt, out


def run_split(pith, split, jobs):
    names = sorted(n for n in os.listdir(os.path.join(split, "html"))
                   if ".html" in n and not n.startswith("."))
    t = Tally()
    snippets = None
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        for res in pool.map(lambda n: one_page(pith, split, n), names):
            if res is None or res[1] is None:
                t.failed += 1
                continue
            gt, (head, entries) = res
            g = gt.get("ground_truth") or {}
            t.pages += 1
            if g.get("main_content"):
                snippets = False if snippets is None else snippets
                tally_text(t, head, entries, g["main_content"])
            elif g.get("with") is not None or g.get("without") is not None:
                snippets = True if snippets is None else snippets
                tally_snippets(t, head, entries, g.get("with") or [],
                               g.get("without") or [])
    return t, bool(snippets)


def table(title, counter, pages, extra, top, unit):
    print(title)
    total = sum(counter.values()) or 1
    w = max([len(k) for k, _ in counter.most_common(top)] + [12])
    hdr = "  %-*s %9s %6s %6s" % (w, "", unit, "share", "pages")
    if extra is not None:
        hdr += " %8s" % "snippets"
    print(hdr)
    for k, v in counter.most_common(top):
        line = "  %-*s %9d %5.1f%% %6d" % (w, k, v, 100.0 * v / total, pages[k])
        if extra is not None:
            line += " %8d" % extra[k]
        print(line)
    if not counter:
        print("  (none)")
    print()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("splits", nargs="+", metavar="SPLIT_DIR")
    ap.add_argument("--pith", default=os.path.join(
        os.path.dirname(os.path.abspath(__file__)), "..", "build", "pith"))
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 2)
    ap.add_argument("--top", type=int, default=5)
    a = ap.parse_args()
    if not os.access(a.pith, os.X_OK):
        sys.exit("reason_loss.py: %s is not executable (make build?)" % a.pith)
    status = 0
    for split in a.splits:
        if not os.path.isdir(os.path.join(split, "html")):
            print("reason_loss.py: %s: no html/ directory" % split,
                  file=sys.stderr)
            status = 1
            continue
        t, snip = run_split(a.pith, split, a.jobs)
        name = os.path.basename(os.path.normpath(split))
        print("== %s: %d pages (%d failed), %s" % (
            name, t.pages, t.failed,
            "%d with snippets (%d words), %d without snippets" % (
                t.ref_snips, t.ref_words, t.bp_snips) if snip else
            "%d reference words" % t.ref_words))
        print()
        extra = t.lost_snips if snip else None
        table("Reasons by reference words lost%s:" % (
            " (with snippets missing from the text)" if snip else ""),
            t.lost, t.lost_pages, extra, a.top, "words")
        table("Keeping paths by boilerplate kept%s:" % (
            " (without snippets in the text)" if snip else
            " (kept words not in the reference)"),
            t.kept_bp, t.kept_bp_pages, t.kept_bp_snips if snip else None,
            a.top, "words")
        print("Rules in detail, by reference words lost:")
        for k, v in t.lost_detail.most_common(2 * a.top):
            print("  %7d  %s" % (v, k))
        print()
    return status


if __name__ == "__main__":
    sys.exit(main())
