#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkwarc.py - write WARC test files from HTML pages (no network, no data
downloads): the project's own generator for the WARC tests and benchmarks.

Usage: mkwarc.py OUT [--gzip] [--repeat N] [--broken] [--uri-base URL]
                  [--cc [--truncate BYTES]] PAGE...
       mkwarc.py OUT [--gzip] --mixed N

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

--cc writes the records the way Common Crawl's WARC files hold them, for
benchmarks that compare with readers measured on those: WARC/1.0; a
warcinfo record with Common Crawl's fields; per page a request record
(crawler request headers), a response record (WARC-Concurrent-To,
WARC-IP-Address, SHA-1 payload and block digests, the identified payload
type; server-like HTTP headers, with Content-Encoding and
Transfer-Encoding renamed X-Crawler-* as Common Crawl does, the payload
being stored decoded) and a metadata record (fetch time, detected charset
and a CLD2 language line).  Payloads over --truncate BYTES (default
1 MiB, Common Crawl's limit; 0: never) are cut there and marked
"WARC-Truncated: length".  No image records are added in this mode.

--mixed N writes what a real crawl holds, from generated pages (no PAGE
arguments): N HTML responses with varied text, N/10 responses without a
body (301/302 redirects with a Location, empty 200s, one 304 without a
Content-Type), N/20 binary payloads labelled text/html (PDF, PNG, ZIP,
gzip of random bytes, random bytes), each followed by an image response
(skipped), and 5 damaged records spread through the file (a gzip member
or block cut short, a Content-Length 25 bytes too short, a payload that
is not HTTP, a gzip member with corrupt data, a WARC header that never
ends); all deterministic.  Prints "html=N empty=E binary=B broken=5
skipped=K".
"""
import base64
import gzip
import io
import random
import struct
import zipfile
import hashlib
import os
import signal
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


def sha1(data):
    return "sha1:" + base64.b32encode(hashlib.sha1(data).digest()).decode()


def rid_of(key):
    return "<urn:uuid:%s>" % uuid.uuid5(uuid.NAMESPACE_URL, key)


def cc_record(rtype, head, block):
    """A record with Common Crawl's header order; head is a list of
    (name, value) after WARC-Type and before Content-Length."""
    lines = ["WARC/1.0", "WARC-Type: " + rtype]
    lines += ["%s: %s" % kv for kv in head]
    return ("\r\n".join(lines) + "\r\n\r\n").encode() + block + b"\r\n\r\n"


def cc_warcinfo(name):
    block = ("isPartOf: CC-MAIN-2024-10\r\npublisher: Common Crawl\r\n"
             "description: Wide crawl of the web (pages written by "
             "mkwarc.py)\r\noperator: Common Crawl Admin "
             "(info@commoncrawl.org)\r\nhostname: ip-10-0-0-1.ec2.internal"
             "\r\nsoftware: Apache Nutch 1.19 (modified, "
             "https://github.com/commoncrawl/nutch/)\r\nrobots: checked via "
             "crawler-commons 1.4 (https://github.com/crawler-commons/"
             "crawler-commons)\r\nformat: WARC File Format 1.1\r\n"
             "conformsTo: https://iipc.github.io/warc-specifications/"
             "specifications/warc-format/warc-1.1/\r\n").encode()
    head = [("WARC-Date", "2024-03-04T10:00:00Z"),
            ("WARC-Filename", name),
            ("WARC-Record-ID", rid_of("warcinfo:" + name)),
            ("Content-Type", "application/warc-fields"),
            ("Content-Length", str(len(block)))]
    return cc_record("warcinfo", head, block), head[2][1]


def cc_page(n, uri, host, path, body, info_id, truncate):
    """The request, response and metadata records of one capture."""
    date = "2024-03-04T10:%02d:%02dZ" % (n // 60 % 60, n % 60)
    ip = "192.0.2.%d" % (n % 254 + 1)
    req = ("GET %s HTTP/1.1\r\nUser-Agent: CCBot/2.0 "
           "(https://commoncrawl.org/faq/)\r\nAccept: text/html,"
           "application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8\r\n"
           "Accept-Language: en-US,en;q=0.5\r\nAccept-Encoding: br,gzip\r\n"
           "Host: %s\r\nConnection: Keep-Alive\r\n\r\n" % (path, host)
           ).encode()
    req_id = rid_of("request:" + uri)
    request = cc_record("request", [
        ("WARC-Date", date), ("WARC-Record-ID", req_id),
        ("Content-Length", str(len(req))),
        ("Content-Type", "application/http; msgtype=request"),
        ("WARC-Warcinfo-ID", info_id), ("WARC-IP-Address", ip),
        ("WARC-Target-URI", uri)], req)
    truncated = truncate and len(body) > truncate
    if truncated:
        body = body[:truncate]
    hdr = ("HTTP/1.1 200 OK\r\nDate: Mon, 04 Mar 2024 10:00:00 GMT\r\n"
           "Server: nginx\r\nContent-Type: text/html; charset=UTF-8\r\n"
           "X-Crawler-Transfer-Encoding: chunked\r\nConnection: keep-alive"
           "\r\nVary: Accept-Encoding\r\nCache-Control: max-age=600\r\n"
           "Last-Modified: Sun, 03 Mar 2024 08:00:00 GMT\r\n"
           "X-Crawler-Content-Encoding: gzip\r\nContent-Length: %d\r\n\r\n"
           % len(body)).encode()
    block = hdr + body
    resp_id = rid_of("response:" + uri)
    head = [("WARC-Date", date), ("WARC-Record-ID", resp_id),
            ("Content-Length", str(len(block))),
            ("Content-Type", "application/http; msgtype=response"),
            ("WARC-Warcinfo-ID", info_id), ("WARC-Concurrent-To", req_id),
            ("WARC-IP-Address", ip), ("WARC-Target-URI", uri),
            ("WARC-Payload-Digest", sha1(body)),
            ("WARC-Block-Digest", sha1(block)),
            ("WARC-Identified-Payload-Type", "text/html")]
    if truncated:
        head.append(("WARC-Truncated", "length"))
    response = cc_record("response", head, block)
    meta = ("fetchTimeMs: %d\r\ncharset-detected: UTF-8\r\n"
            "languages-cld2: {\"reliable\":true,\"text-bytes\":%d,"
            "\"languages\":[{\"code\":\"en\",\"code-iso-639-3\":\"eng\","
            "\"text-covered\":0.99,\"score\":950.0,\"name\":\"ENGLISH\"}]}"
            "\r\n" % (50 + n % 400, len(body) // 10)).encode()
    metadata = cc_record("metadata", [
        ("WARC-Date", date), ("WARC-Record-ID", rid_of("metadata:" + uri)),
        ("Content-Length", str(len(meta))),
        ("Content-Type", "application/warc-fields"),
        ("WARC-Warcinfo-ID", info_id), ("WARC-Concurrent-To", resp_id),
        ("WARC-Target-URI", uri)], meta)
    return [request, response, metadata]


def http(body, ctype="text/html", extra=""):
    return ("HTTP/1.1 200 OK\r\nContent-Type: %s\r\n%sContent-Length: %d\r\n"
            "\r\n" % (ctype, extra, len(body))).encode() + body


def member(data, gz):
    if not gz:
        return data
    # mtime=0 keeps the output reproducible.
    return gzip.compress(data, compresslevel=6, mtime=0)

WORDS = ("river harbour winter council budget museum library station "
         "village farmers schools rainfall bridge festival market doctors "
         "teachers history garden island mountain railway factory theatre "
         "election report season weather science students journey").split()


def mixed_page(rng, n):
    paras = []
    for _ in range(3 + n % 5):
        words = [rng.choice(WORDS) for _ in range(25 + rng.randrange(40))]
        paras.append("<p>" + " ".join(words).capitalize() + ".</p>")
    return ("<!doctype html><html><head><meta charset=utf-8><title>Page %d"
            "</title></head><body><nav><a href=/>Home</a></nav><article>"
            "<h1>Story number %d</h1>%s</article><footer>Footer</footer>"
            "</body></html>" % (n, n, "".join(paras))).encode()


def binary_payload(rng, k):
    def rnd(n):
        return bytes(rng.getrandbits(8) for _ in range(n))
    kind = k % 5
    if kind == 0:
        return b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< >>\nstream\n" + \
            rnd(3000) + b"\nendstream\nendobj\n%%EOF\n"
    if kind == 1:
        ihdr = struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)
        return (b"\x89PNG\r\n\x1a\n" + struct.pack(">I", 13) + b"IHDR" + ihdr +
                struct.pack(">I", zlib.crc32(b"IHDR" + ihdr)) + rnd(2000))
    if kind == 2:
        b = io.BytesIO()
        with zipfile.ZipFile(b, "w") as z:
            z.writestr("page.html", mixed_page(rng, k))
        return b.getvalue()
    if kind == 3:
        return gzip.compress(rnd(4000), mtime=0)
    return rnd(5000)


def http_status(status, body, ctype="text/html", extra=""):
    reason = {200: "OK", 204: "No Content", 301: "Moved Permanently",
              302: "Found", 304: "Not Modified"}[status]
    ct = "Content-Type: %s\r\n" % ctype if ctype else ""
    return ("HTTP/1.1 %d %s\r\n%s%sContent-Length: %d\r\n\r\n"
            % (status, reason, ct, extra, len(body))).encode() + body


def write_mixed(out, n, gz):
    rng = random.Random(16)
    base = "http://mixed.test/"
    nempty, nbin = n // 10, n // 20
    recs = [("ok", member(record("warcinfo", "", b"software: mkwarc.py\r\n"),
                          gz))]
    for i in range(n):
        recs.append(("ok", member(record("response", base + "page/%d" % i,
                                         http(mixed_page(rng, i))), gz)))
    for i in range(nempty):
        uri = base + "empty/%d" % i
        kind = i % 4
        if kind == 0:
            h = http_status(301, b"", "text/html; charset=utf-8",
                            "Location: %spage/%d\r\n" % (base, i))
        elif kind == 1:
            h = http_status(302, b"", None, "Location: /page/%d\r\n" % i)
        elif kind == 2:
            h = http_status(200, b"")
        else:
            h = http_status(304 if i % 8 == 3 else 204, b"", None)
        recs.append(("ok", member(record("response", uri, h), gz)))
    for i in range(nbin):
        recs.append(("ok", member(record("response", base + "bin/%d" % i,
                                         http(binary_payload(rng, i))), gz)))
        png = b"\x89PNG\r\n\x1a\n" + bytes(range(256))
        recs.append(("ok", member(record("response", base + "img/%d.png" % i,
                                         http(png, "image/png")), gz)))
    # Shuffle, deterministically, so every kind is spread through the file.
    head, rest = recs[:1], recs[1:]
    rng.shuffle(rest)
    page = mixed_page(rng, 99999)
    cut = member(record("response", base + "broken/cut", http(page)), gz)
    short = member(record("response", base + "broken/short", http(page),
                          cl_delta=-25), gz)
    nothttp = member(record("response", base + "broken/nothttp", page), gz)
    if gz:
        bad = bytearray(member(record("response", base + "broken/corrupt",
                                      http(page)), gz))
        for k in range(40, len(bad) - 20, 7):
            bad[k] ^= 0x5a
        corrupt = bytes(bad)
    else:
        corrupt = record("response", base + "broken/corrupt",
                         http(page)).replace(b"\r\n\r\nHTTP", b"\r\n\r\nXXXX")
    # A header whose blank line never comes before the next record.
    nohead = member(b"WARC/1.1\r\nWARC-Type: response\r\nWARC-Target-URI: " +
                    base.encode() + b"broken/header\r\nContent-Length: 10\r\n",
                    gz)
    broken = [cut[: len(cut) // 2], short, nothttp, corrupt, nohead]
    step = len(rest) // (len(broken) + 1)
    for j, b in enumerate(broken):
        rest.insert((j + 1) * step + j, ("broken", b))
    with open(out, "wb") as f:
        for _, m in head + rest:
            f.write(m)
    print("html=%d empty=%d binary=%d broken=%d skipped=%d"
          % (n, nempty, nbin, len(broken), 1 + nbin))


def main(argv):
    out, pages, gz, repeat, broken = None, [], False, 1, False
    cc, truncate, mixed = False, 1 << 20, 0
    base = "http://wcxb.test/"
    i = 0
    while i < len(argv):
        a = argv[i]
        if a in ("-h", "--help"):
            signal.signal(signal.SIGPIPE, signal.SIG_DFL)
            print(__doc__)
            return
        if a.startswith("-") and a not in ("--gzip", "--broken", "--cc",
                                           "--truncate", "--repeat",
                                           "--uri-base", "--mixed"):
            sys.exit(f"mkwarc.py: unknown option {a}\n{__doc__}")
        if a == "--gzip":
            gz = True
        elif a == "--broken":
            broken = True
        elif a == "--cc":
            cc = True
        elif a == "--truncate":
            i += 1
            truncate = int(argv[i])
        elif a == "--repeat":
            i += 1
            repeat = int(argv[i])
        elif a == "--mixed":
            i += 1
            mixed = int(argv[i])
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
    if mixed:
        write_mixed(out, mixed, gz)
        return
    html = skipped = nbroken = 0
    if cc:
        info, info_id = cc_warcinfo(os.path.basename(out))
        members = [member(info, gz)]
    else:
        members = [member(record("warcinfo", "", b"software: mkwarc.py\r\n"),
                          gz)]
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
        if cc:
            host = base.split("//", 1)[-1].split("/", 1)[0]
            path = "/" + uri.split("//", 1)[-1].split("/", 1)[-1]
            members += [member(m, gz) for m in
                        cc_page(n, uri, host, path, body, info_id, truncate)]
            skipped += 2
            html += 1
            continue
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
