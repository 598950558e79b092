#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""roundtrip.py MD HTML - check that pith's Markdown parses back to the
structure pith writes as HTML.

MD is `pith --format markdown` output, HTML the `pith --format html`
output of the same page with the same options.  MD is parsed with
cmark-gfm (CommonMark plus GFM tables) and both HTML documents are reduced
to a stream of structure tokens - headings, paragraphs, lists and items,
quotes, code blocks (with their language), tables, rows and non-empty
cells, emphasis, strong, code spans, links (with their target), images
(with source and alt), line breaks - and words.  The streams must be equal.
Differences the formats cannot avoid are normalised first: heading levels
(the HTML page may head the article with the title), header versus data
cells and the empty cells Markdown adds for colspan and rowspan.
Exits 0 when equal, 1 with the first difference, 2 on usage errors.
"""
import subprocess
import sys
import urllib.parse
from html.parser import HTMLParser

TAGS = {"p", "ul", "ol", "li", "blockquote", "pre", "table", "tr", "em",
        "strong", "code", "a", "img", "br", "h1", "h2", "h3", "h4", "h5",
        "h6", "th", "td"}
VOID = {"img", "br"}


class Tokens(HTMLParser):
    def __init__(self, article_only):
        super().__init__(convert_charrefs=True)
        self.out = []
        self.inside = not article_only
        self.title = []
        self.in_title = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.inside = True
        if tag == "title":
            self.in_title = True
        if not self.inside or tag not in TAGS:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            tok = "<h"
        elif tag in ("th", "td"):
            tok = "<cell"
        elif tag == "a":
            tok = "<a " + urllib.parse.unquote(a.get("href") or "")
        elif tag == "img":
            tok = "<img %s alt=%s" % (urllib.parse.unquote(a.get("src") or ""),
                                      " ".join((a.get("alt") or "").split()))
        elif tag == "code" and a.get("class"):
            tok = "<code " + a["class"]
        else:
            tok = "<" + tag
        self.out.append(tok)

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside = False
        if tag == "title":
            self.in_title = False
        if not self.inside or tag not in TAGS or tag in VOID:
            return
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            tag = "h"
        elif tag in ("th", "td"):
            tag = "cell"
        self.out.append("</" + tag)

    def handle_data(self, data):
        if self.in_title:
            self.title.extend(data.split())
        if self.inside:
            self.out.extend(data.split())


def drop_empty_cells(toks):
    out = []
    for t in toks:
        if t == "</cell" and out and out[-1] == "<cell":
            out.pop()
            continue
        out.append(t)
    return out


def main():
    if len(sys.argv) != 3:
        print("usage: roundtrip.py MD HTML", file=sys.stderr)
        return 2
    md_html = subprocess.run(["cmark-gfm", "-e", "table", sys.argv[1]],
                             capture_output=True, check=True).stdout
    a = Tokens(False)
    a.feed(md_html.decode("utf-8", "replace"))
    b = Tokens(True)
    with open(sys.argv[2], encoding="utf-8", errors="replace") as f:
        b.feed(f.read())
    got, want = drop_empty_cells(a.out), drop_empty_cells(b.out)
    # The HTML page heads the article with its title when the body does
    # not start with it; Markdown has no such heading.
    head = ["<h"] + b.title + ["</h"]
    if want[:len(head)] == head and got[:len(head)] != head:
        want = want[len(head):]
    if got == want:
        return 0
    i = 0
    while i < min(len(got), len(want)) and got[i] == want[i]:
        i += 1
    print("first difference at token %d:" % i)
    print("  markdown: %s" % " ".join(got[max(0, i - 8):i + 8]))
    print("  html:     %s" % " ".join(want[max(0, i - 8):i + 8]))
    return 1


if __name__ == "__main__":
    sys.exit(main())
