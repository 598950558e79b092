#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkwarc.py - write WARC test files from HTML pages (no network, no data
downloads): the project's own generator for the WARC tests and benchmarks.

Usage: mkwarc.py OUT [--gzip] [--repeat N] [--broken] [--uri-base URL] PAGE...

Each PAGE (.html, or .html.gz, which is unpacked) becomes a request record
and a response record ("HTTP/1.1 200 OK", Content-Type: text/html) whose
WARC-Target-URI is URI-BASE + the page's name without .html/.gz.  The file
starts with a warcinfo record, and every 10th page is followed by an image
response (not HTML: skipped by pith).  --gzip writes one gzip member per
record, as Common Crawl does.  --repeat N writes the page set N times; the
copies reuse the first copy's compressed members (so record ids repeat),
which makes big files cheap to generate.  --broken appends, after the good
records: a record cut in the middle of its gzip member (or of its block,
uncompressed), one with a Content-Length 25 bytes too short, a response
whose payload is not HTTP, garbage between two records, and one good
record with Content-Encoding: gzip and a charset in its Content-Type.

Prints one line on stdout: "html=N broken=M skipped=K" - the number of
HTML response records (each must give one good JSON line), of broken
records (each must give one error line) and of records pith skips.
"""
import gzip
import os
import sys
import uuid
import zlib


def record(rtype, uri, block, rid=None, cl_delta=0):
    rid = rid or "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, rtype + uri)
    ctype = {"response": "application/http; msgtype=response",
             "request": "application/http; msgtype=request",
             "warcinfo": "application/warc-fields"}[rtype]
    head = ("WARC/1.1\r\nWARC-Type: %s\r\n" % rtype +
            ("WARC-Target-URI: %s\r\n" % uri if uri else "") +
            "WARC-Date: 2024-03-04T10:00:00Z\r\n"
            "WARC-Record-ID: %s\r\nContent-Type: %s\r\n"
            "Content-Length: %d\r\n\r\n" % (rid, ctype, len(block) + cl_delta))
    return head.encode() + block + b"\r\n\r\n"


def http(body, ctype="text/html", extra=""):
    return ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n"
            "\r\n" % (ctype, extra, len(body))).encode() + body


def member(data, gz):
    if not gz:
        return data
    # mtime=0 keeps the output reproducible.
    return gzip.compress(data, compresslevel=6, mtime=0)


def main(argv):
    out, pages, gz, repeat, broken = None, [], False, 1, False
    base = "http://wcxb.test/"
    i = 0
    while i < len(argv):
        a = argv[i]
        if a == "--gzip":
            gz = True
        elif a == "--broken":
            broken = True
        elif a == "--repeat":
            i += 1
            repeat = int(argv[i])
        elif a == "--uri-base":
            i += 1
            base = argv[i]
        elif out is None:
            out = a
        else:
            pages.append(a)
        i += 1
    if out is None:
        sys.exit(__doc__)
    html = skipped = nbroken = 0
    members = [member(record("warcinfo", "", b"software: mkwarc.py\r\n"), gz)]
    skipped += 1
    for n, path in enumerate(pages):
        with open(path, "rb") as f:
            body = f.read()
        if body[:2] == b"\x1f\x8b":
            body = gzip.decompress(body)
        name = os.path.basename(path)
        for ext in (".gz", ".html", ".htm"):
            if name.endswith(ext):
                name = name[: -len(ext)]
        uri = base + name
        req = ("GET /%s HTTP/1.1\r\nHost: wcxb.test\r\n\r\n" % name).encode()
        members.append(member(record("request", uri, req), gz))
        members.append(member(record("response", uri, http(body)), gz))
        skipped += 1
        html += 1
        if n % 10 == 9:
            png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
            members.append(member(record("response", uri + ".png",
                                         http(png, "image/png")), gz))
            skipped += 1
    total = [html, skipped]
    with open(out, "wb") as f:
        for _ in range(repeat):
            for m in members:
                f.write(m)
        html *= repeat
        skipped *= repeat
        if broken:
            page = b"<html><head><title>Broken</title></head><body><p>" + \
                b"Some words in a paragraph. " * 20 + b"</p></body></html>"
            # 1. Cut in the middle of its member (or block).
            cut = member(record("response", base + "cut", http(page)), gz)
            f.write(cut[: len(cut) // 2])
            nbroken += 1
            # 2. Content-Length 25 bytes too short.
            f.write(member(record("response", base + "short", http(page),
                                  cl_delta=-25), gz))
            nbroken += 1
            # 3. A response record whose payload is not HTTP.
            f.write(member(record("response", base + "nothttp", page), gz))
            nbroken += 1
            # 4. Garbage between records, then a good record with a
            #    gzip Content-Encoding and a charset.
            f.write(b"garbage between records\r\n" * 3)
            zbody = gzip.compress(page.replace(b"Broken", b"Encoded"), mtime=0)
            f.write(member(record("response", base + "encoded",
                                  http(zbody, "text/html; charset=utf-8",
                                       "Content-Encoding: gzip\r\n")), gz))
            html += 1
    del total
    print("html=%d broken=%d skipped=%d" % (html, nbroken, skipped))


if __name__ == "__main__":
    main(sys.argv[1:])
