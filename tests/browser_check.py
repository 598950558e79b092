#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""browser_check.py - checks of tests/browser.sh on one --explain report.

    browser_check.py report REPORT.html    the markup: no <script, no
                                           event-handler attribute, nothing
                                           in a tag or the style that loads
    browser_check.py png SHOT.png          the screenshot is not blank
    browser_check.py netlog NET.json       the page made no request

Each prints what it found and exits 0 (pass) or 1 (fail).  The PNG is
decoded with zlib alone (8-bit RGB or RGBA, as Chromium writes them).
"""
import json
import re
import struct
import sys
import zlib

TAG = re.compile(r"<[^>]*>", re.S)
HANDLER = re.compile(r"[\s/]on[a-z]+\s*=", re.I)
LOADS = re.compile(r"\b(src|srcset|poster|data|action|formaction)\s*=|"
                   r"\bhref\s*=\s*[\"']?\s*(https?:|//|javascript:)|url\(",
                   re.I)


def check_report(path):
    with open(path, encoding="utf-8") as f:
        h = f.read()
    bad = []
    if re.search(r"<script", h, re.I):
        bad.append("a <script> element")
    for tag in TAG.findall(h):
        if HANDLER.search(tag):
            bad.append("an event handler: " + tag[:80])
        if LOADS.search(tag):
            bad.append("a tag that loads: " + tag[:80])
    m = re.search(r"<style>(.*?)</style>", h, re.S)
    if m and re.search(r"url\(|@import", m.group(1)):
        bad.append("the style loads something")
    if len(re.findall(r"<style", h)) != 1:
        bad.append("not exactly one <style>")
    for b in bad[:5]:
        print("report:", b)
    if not bad:
        print("report: no script, no handler, nothing that loads")
    return not bad


def png_pixels(path):
    with open(path, "rb") as f:
        data = f.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise ValueError("not a PNG")
    pos, idat, hdr = 8, [], None
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            hdr = struct.unpack(">IIBBBBB", body)
        elif kind == b"IDAT":
            idat.append(body)
        pos += 12 + n
    w, h, depth, ctype = hdr[0], hdr[1], hdr[2], hdr[3]
    if depth != 8 or ctype not in (2, 6):
        raise ValueError("unsupported PNG (depth %d, colour type %d)" %
                         (depth, ctype))
    bpp = 3 if ctype == 2 else 4
    raw = zlib.decompress(b"".join(idat))
    stride = w * bpp
    prev = bytearray(stride)
    rows = []
    p = 0
    for _ in range(h):
        ft = raw[p]
        line = bytearray(raw[p + 1:p + 1 + stride])
        p += 1 + stride
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ft == 1:
                line[i] = (line[i] + a) & 255
            elif ft == 2:
                line[i] = (line[i] + b) & 255
            elif ft == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 255
            elif ft == 4:
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                pr = a if pa <= pb and pa <= pc else b if pb <= pc else c
                line[i] = (line[i] + pr) & 255
        rows.append(bytes(line))
        prev = line
    return w, h, bpp, rows


def check_png(path):
    w, h, bpp, rows = png_pixels(path)
    colours = set()
    non_bg = 0
    bg = rows[0][:3]
    for y in range(0, h, 2):
        row = rows[y]
        for x in range(0, w * bpp, 2 * bpp):
            px = row[x:x + 3]
            colours.add(px)
            if px != bg:
                non_bg += 1
    share = non_bg / float(((h + 1) // 2) * ((w + 1) // 2))
    print("png: %dx%d, %d distinct colours, %.1f%% not background" %
          (w, h, len(colours), 100 * share))
    # Text, badges and tints give hundreds of colours; a blank page one.
    return len(colours) >= 50 and share >= 0.05


def check_netlog(path):
    with open(path, encoding="utf-8") as f:
        d = json.load(f)
    types = {v: k for k, v in d["constants"]["logEventTypes"].items()}
    seen = []
    for e in d.get("events", []):
        if types.get(e.get("type")) != "URL_REQUEST_START_JOB":
            continue
        p = e.get("params") or {}
        # The browser's own requests (updates, time) have no origin; the
        # page's have its origin ("null" for a file).
        if p.get("initiator", "not an origin") != "not an origin":
            seen.append(p.get("url", "?"))
    for u in seen[:5]:
        print("netlog: the page requested", u)
    if not seen:
        print("netlog: no request from the page")
    return not seen


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("report", "png", "netlog"):
        print(__doc__, file=sys.stderr)
        return 2
    fn = {"report": check_report, "png": check_png,
          "netlog": check_netlog}[sys.argv[1]]
    try:
        return 0 if fn(sys.argv[2]) else 1
    except (OSError, ValueError, KeyError, zlib.error) as e:
        print("%s: %s" % (sys.argv[2], e))
        return 1


if __name__ == "__main__":
    sys.exit(main())
