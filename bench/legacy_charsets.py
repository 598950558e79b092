#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""legacy_charsets.py - how well pith reads pages in a legacy charset that
declare none (issue 16, item 4b).

Takes the first 100 UTF-8 pages (in name order) of each of
../shared/data/wcxb-dev and ../shared/data/trafilatura-eval, strips every
charset declaration (<meta charset>, <meta http-equiv=Content-Type>, the
XML declaration's encoding, a byte-order mark), and converts each page to
Shift_JIS, GBK, EUC-KR, windows-1251 and ISO-8859-7 where its text fits:
when every character of the text pith extracts from the UTF-8 page exists
in the charset (characters of the markup that do not, in scripts or
attributes, become numeric character references, which leave the page's
meaning as it was).  Then pith reads each converted page with no
declaration and no hint, and its text is compared with the text of the
UTF-8 page.

Usage: bench/legacy_charsets.py [PITH] [--data DIR]    (PITH: build/pith)

Prints per charset: pages whose text fits, how many of them have
non-ASCII text (the others are ASCII in every charset, so trivially
right), and how many come out with exactly the UTF-8 page's text; then
the overall share, which the issue's target puts at 95% or more.
"""
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

CHARSETS = [("Shift_JIS", "shift_jis"), ("GBK", "gbk"), ("EUC-KR", "euc_kr"),
            ("windows-1251", "cp1251"), ("ISO-8859-7", "iso8859_7")]

META = re.compile(rb"<meta\b[^>]*\bcharset\b[^>]*>", re.I)
XMLDECL = re.compile(rb"(<\?xml[^>]*?)\s+encoding\s*=\s*[\"'][^\"']*[\"']", re.I)


def strip_declarations(b):
    if b.startswith(b"\xef\xbb\xbf"):
        b = b[3:]
    b = META.sub(b"", b)
    return XMLDECL.sub(rb"\1", b, count=1)


def pith_texts(pith, directory):
    out = subprocess.run([pith, "--json", "-j", "2", "--quiet",
                          "--input-dir", directory],
                         capture_output=True, check=False).stdout
    texts = {}
    for line in out.decode().splitlines():
        r = json.loads(line)
        texts[os.path.basename(r["source"])] = r.get("text")
    return texts


def main(argv):
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    pith = os.path.join(root, "build", "pith")
    data = os.path.join(root, "..", "shared", "data")
    i = 0
    while i < len(argv):
        if argv[i] == "--data":
            data = argv[i + 1]
            i += 2
            continue
        pith = argv[i]
        i += 1
    pages = {}
    for split in ("wcxb-dev", "trafilatura-eval"):
        d = os.path.join(data, split, "html")
        if not os.path.isdir(d):
            sys.exit("legacy_charsets.py: no %s (../shared is needed)" % d)
        taken = 0
        for name in sorted(os.listdir(d)):
            if taken == 100:
                break
            raw = open(os.path.join(d, name), "rb").read()
            if raw[:2] == b"\x1f\x8b":
                raw = gzip.decompress(raw)
            try:
                raw.decode("utf-8")
            except UnicodeDecodeError:
                continue
            pages["%s-%s" % (split, name.replace(".gz", ""))] = \
                strip_declarations(raw)
            taken += 1
    with tempfile.TemporaryDirectory() as tmp:
        src = os.path.join(tmp, "utf8")
        os.mkdir(src)
        for name, b in pages.items():
            open(os.path.join(src, name), "wb").write(b)
        want = pith_texts(pith, src)
        total = good = 0
        for label, codec in CHARSETS:
            d = os.path.join(tmp, codec)
            os.mkdir(d)
            fits = nonascii = 0
            for name, b in pages.items():
                text = want.get(name)
                if text is None:
                    continue
                try:
                    text.encode(codec)
                except UnicodeEncodeError:
                    continue
                fits += 1
                nonascii += any(ord(c) > 127 for c in text)
                page = b.decode("utf-8").encode(codec, "xmlcharrefreplace")
                open(os.path.join(d, name), "wb").write(page)
            got = pith_texts(pith, d)
            same = sum(got.get(n) == want[n] for n in got)
            same_na = sum(got.get(n) == want[n] for n in got
                          if any(ord(c) > 127 for c in want[n]))
            total += fits
            good += same
            print("%-13s %3d pages fit, %3d with non-ASCII text: %3d same "
                  "text (%d of the non-ASCII ones)"
                  % (label, fits, nonascii, same, same_na))
        print("overall: %d of %d converted pages give the UTF-8 page's text "
              "(%.1f%%)" % (good, total, 100.0 * good / max(total, 1)))


if __name__ == "__main__":
    main(sys.argv[1:])
