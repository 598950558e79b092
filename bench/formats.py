#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""formats.py PITH DIR - measure the structured output formats on a page set.

DIR holds html/*.html.gz (such as ../shared/data/wcxb-dev).  Reports:
 1. words: word F1 (score.py's tokens) of the Markdown, parsed with
    cmark-gfm and reduced to its text, against `pith --format txt`;
 2. time: CPU time of pith for each format over all pages;
 3. safety: HTML output with a script-like element, an on* attribute or a
    URL attribute with a scheme other than http(s), ftp, mailto, tel;
 4. structure: on the N pages with the most tables and <pre> blocks, how
    many of the page's tables and code blocks whose text the plain output
    keeps come out as pipe tables and fenced code blocks in Markdown.
Needs cmark-gfm.  Prints a summary; exits 1 when a target is missed
(F1 < 0.99, any unsafe HTML, rendering adding more than 10% of time).
"""
import glob
import gzip
import json
import os
import re
import resource
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser

WORD = re.compile(r"\w+", re.UNICODE)
FLAGS = ["--links", "--images", "--formatting"]


def tokens(text):
    return WORD.findall((text or "").lower())


def f1(pred, ref):
    p, r = tokens(pred), tokens(ref)
    if not r and not p:
        return 1.0
    if not r or not p:
        return 0.0
    o = sum((Counter(p) & Counter(r)).values())
    if not o:
        return 0.0
    pp, rr = o / len(p), o / len(r)
    return 2 * pp * rr / (pp + rr)


class Text(HTMLParser):
    """Text of cmark's HTML, plus the texts of table cells and code blocks."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.cells, self.codes = [], [], []
        self.cell = self.code = None

    def handle_starttag(self, tag, attrs):
        if tag in ("td", "th"):
            self.cell = []
        elif tag == "pre":
            self.code = []
        elif tag in ("p", "li", "h1", "h2", "h3", "h4", "h5", "h6", "br",
                     "tr", "blockquote"):
            self.parts.append("\n")

    def handle_endtag(self, tag):
        if tag in ("td", "th") and self.cell is not None:
            self.cells.append(" ".join("".join(self.cell).split()))
            self.cell = None
        elif tag == "pre" and self.code is not None:
            self.codes.append("".join(self.code))
            self.code = None

    def handle_data(self, data):
        self.parts.append(data)
        if self.cell is not None:
            self.cell.append(data)
        if self.code is not None:
            self.code.append(data)


def md_parse(md):
    out = subprocess.run(["cmark-gfm", "-e", "table"], input=md.encode(),
                         capture_output=True, check=True).stdout
    t = Text()
    t.feed(out.decode("utf-8", "replace"))
    return t


BLOCKISH = {"div", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5", "h6",
            "pre", "blockquote", "section", "article", "form", "dl"}


class Source(HTMLParser):
    """Tables (with their cells' texts) and <pre> texts of a page."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tables, self.pres = [], []
        self.stack = []  # open tables: {"cells": [], "layout": bool}
        self.cell = None  # (table, [text]) of the open cell
        self.pre = None
        self.depth_pre = 0
        self.skip = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style"):
            self.skip += 1
        if tag == "table":
            self.stack.append({"cells": [], "layout": False})
        elif tag in ("td", "th") and self.stack:
            self.cell = (self.stack[-1], [])
        elif tag in BLOCKISH and self.cell is not None and tag != "table":
            self.cell[0]["layout"] = True
        if tag == "table" and len(self.stack) > 1:
            self.stack[-2]["layout"] = True
        if tag == "pre":
            self.depth_pre += 1
            if self.depth_pre == 1:
                self.pre = []

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self.skip:
            self.skip -= 1
        if tag in ("td", "th") and self.cell is not None:
            self.cell[0]["cells"].append(" ".join("".join(self.cell[1]).split()))
            self.cell = None
        elif tag == "table" and self.stack:
            self.tables.append(self.stack.pop())
            self.cell = None
        elif tag == "pre" and self.depth_pre:
            self.depth_pre -= 1
            if not self.depth_pre:
                self.pres.append("".join(self.pre))
                self.pre = None

    def handle_data(self, data):
        if self.skip:
            return
        if self.cell is not None:
            self.cell[1].append(data)
        if self.pre is not None:
            self.pre.append(data)


UNSAFE_TAGS = {"script", "iframe", "object", "embed", "style", "frame",
               "form", "base", "applet", "svg", "math"}
OK_SCHEMES = ("http:", "https:", "ftp:", "mailto:", "tel:")


class Safety(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.bad = []

    def handle_starttag(self, tag, attrs):
        if tag in UNSAFE_TAGS:
            self.bad.append("<%s>" % tag)
        for k, v in attrs:
            if k.startswith("on"):
                self.bad.append("%s=" % k)
            if k in ("href", "src", "action", "formaction") and v:
                u = re.sub(r"[\x00-\x20]", "", v).lower()
                m = re.match(r"[a-z][a-z0-9+.-]*:", u)
                if m and not u.startswith(OK_SCHEMES):
                    self.bad.append("%s=%s" % (k, v[:40]))


def run(pith, args, pages):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    out = subprocess.run([pith] + args + pages, capture_output=True).stdout
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return out.decode("utf-8", "replace"), cpu


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    pith, data = sys.argv[1], sys.argv[2]
    top = int(sys.argv[3]) if len(sys.argv) > 3 else 50
    pages = sorted(glob.glob(os.path.join(data, "html", "*.html.gz")))
    failed = False

    # 1. Words: Markdown read back by cmark-gfm against the plain text.
    out, _ = run(pith, ["--json", "--markdown-field"] + FLAGS, pages)
    recs = [json.loads(line) for line in out.split("\n") if line]
    f1s = []
    worst = []
    for r in recs:
        if r.get("error"):
            continue
        t = md_parse(r["markdown"])
        v = f1("".join(t.parts), r["text"])
        f1s.append(v)
        worst.append((v, r["source"]))
    mean = sum(f1s) / len(f1s)
    worst.sort()
    print("words: %d pages, mean word F1 (Markdown->text vs txt) %.4f, "
          "min %.4f (%s)" % (len(f1s), mean, worst[0][0],
                             os.path.basename(worst[0][1])))
    failed |= mean < 0.99

    # 2. Time of each format over all pages (best of two runs).
    times = {}
    for name, args in (("txt", []), ("json", ["--json"]),
                       ("markdown", ["--format", "markdown"] + FLAGS),
                       ("xml", ["--format", "xml"] + FLAGS),
                       ("html", ["--format", "html"] + FLAGS)):
        best = min(run(pith, args, pages)[1] for _ in range(2))
        times[name] = best
    base = times["txt"]
    print("time (CPU s, %d pages): " % len(pages) + ", ".join(
        "%s %.2f (%+.1f%%)" % (k, v, 100 * (v - base) / base)
        for k, v in times.items()))
    failed |= any(v > base * 1.10 for v in times.values())

    # 3. Safety of the HTML output.
    out, _ = run(pith, ["--format", "html"] + FLAGS, pages)
    s = Safety()
    s.feed(out)
    print("safety: %d unsafe items in HTML output of %d pages%s" %
          (len(s.bad), len(pages), (": " + ", ".join(s.bad[:5])) if s.bad
           else ""))
    failed |= bool(s.bad)

    # 4. Tables and code blocks on the pages that have the most.
    counted = []
    for p in pages:
        src = Source()
        src.feed(gzip.open(p).read().decode("utf-8", "replace"))
        counted.append((len(src.tables) + len(src.pres), p, src))
    counted.sort(key=lambda x: -x[0])
    tot = Counter()
    misses = []
    for _, p, src in counted[:top]:
        out, _ = run(pith, ["--json", "--markdown-field"] + FLAGS, [p])
        r = json.loads(out)
        text = " ".join(r["text"].split())
        t = md_parse(r["markdown"])
        cells = set(t.cells)
        codes = [" ".join(c.split()) for c in t.codes]
        for tb in src.tables:
            kind = "layout" if tb["layout"] else "data"
            # A cell long enough not to turn up in the text by chance.
            first = next((c for c in tb["cells"] if len(c) >= 12), None)
            tot["%s tables" % kind] += 1
            if not first or first not in text:
                continue
            tot["%s tables kept" % kind] += 1
            if any(first in c for c in cells):
                tot["%s tables as tables" % kind] += 1
            elif kind == "data":
                misses.append("table %s: %s" % (os.path.basename(p), first[:40]))
        for pre in src.pres:
            first = next((" ".join(ln.split()) for ln in pre.splitlines()
                          if len(ln.strip()) >= 12), None)
            tot["code blocks"] += 1
            if not first or first not in text:
                continue
            tot["code blocks kept"] += 1
            if any(first in c for c in codes):
                tot["code blocks fenced"] += 1
            else:
                misses.append("pre %s: %s" % (os.path.basename(p), first[:40]))
    print("structure (%d pages with the most tables and <pre>): %s" %
          (min(top, len(counted)), json.dumps(dict(sorted(tot.items())))))
    for m in misses[:10]:
        print("  not kept as structure: " + m)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
