#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""mkbinary.py - write a set of non-HTML files (no downloads, nothing
copied): documents, images, archives, compressed data, fonts, audio,
video, executables and random bytes, each built from its format's
structure (a real header, then content) with Python's standard library or
by hand, deterministically (a fixed random seed).  pith must answer every
one with PITH_ERR_NOT_HTML ("not HTML: ...").

Usage: mkbinary.py DIR      writes the files into DIR, prints their count
"""
import bz2
import gzip
import io
import lzma
import os
import random
import sqlite3
import struct
import sys
import tarfile
import wave
import zipfile
import zlib

rng = random.Random(16)


def rnd(n):
    return bytes(rng.getrandbits(8) for _ in range(n))


PAGE = (b"<!doctype html><html><head><title>A page</title></head><body>"
        + b"<p>Words of an article, in a paragraph of some length.</p>" * 40
        + b"</body></html>")


def png(w=16, h=16):
    raw = b"".join(b"\0" + rnd(w * 3) for _ in range(h))
    def chunk(t, d):
        return (struct.pack(">I", len(d)) + t + d +
                struct.pack(">I", zlib.crc32(t + d) & 0xffffffff))
    return (b"\x89PNG\r\n\x1a\n" +
            chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b""))


def pdf():
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>",
            b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Contents 4 0 R >>"]
    stream = zlib.compress(b"BT /F1 12 Tf 72 712 Td (A PDF page) Tj ET" * 50)
    objs.append(b"<< /Length %d /Filter /FlateDecode >>\nstream\n" %
                len(stream) + stream + b"\nendstream")
    out = io.BytesIO()
    out.write(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offs = []
    for i, o in enumerate(objs, 1):
        offs.append(out.tell())
        out.write(b"%d 0 obj\n" % i + o + b"\nendobj\n")
    x = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for o in offs:
        out.write(b"%010d 00000 n \n" % o)
    out.write(b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n"
              % (len(objs) + 1, x))
    return out.getvalue()


def jpeg():
    app0 = b"\xff\xe0" + struct.pack(">H", 16) + b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0"
    return b"\xff\xd8" + app0 + b"\xff\xdb\x00\x43\x00" + rnd(64) + \
        b"\xff\xda\x00\x08\x01\x01\x00\x00\x3f\x00" + rnd(3000) + b"\xff\xd9"


def gif():
    return (b"GIF89a" + struct.pack("<HHBBB", 16, 16, 0xf7, 0, 0) + rnd(768) +
            b"\x2c" + struct.pack("<HHHHB", 0, 0, 16, 16, 0) + b"\x08" +
            b"\xff" + rnd(255) + b"\x00\x3b")


def riff(form, body):
    return b"RIFF" + struct.pack("<I", len(body) + 4) + form + body


def zipped():
    b = io.BytesIO()
    with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("index.html", PAGE)
        z.writestr("image.png", png())
    return b.getvalue()


def tarred():
    b = io.BytesIO()
    with tarfile.open(fileobj=b, mode="w", format=tarfile.USTAR_FORMAT) as t:
        for name, data in (("index.html", PAGE), ("a.bin", rnd(2000))):
            info = tarfile.TarInfo(name)
            info.size = len(data)
            info.mtime = 0
            t.addfile(info, io.BytesIO(data))
    return b.getvalue()


def sfnt(tag):
    n = 10
    head = tag + struct.pack(">HHHH", n, 128, 3, 32)
    table = b"".join(t + struct.pack(">III", rng.getrandbits(32),
                                     12 + 16 * n + 100 * i, 100)
                     for i, t in enumerate([b"cmap", b"glyf", b"head", b"hhea",
                                            b"hmtx", b"loca", b"maxp", b"name",
                                            b"OS/2", b"post"]))
    return head + table + rnd(1000)


def woff(tag):
    return tag + b"\x00\x01\x00\x00" + struct.pack(">IHH", 3000, 10, 0) + \
        rnd(3000)


def wav():
    b = io.BytesIO()
    with wave.open(b, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(8000)
        w.writeframes(rnd(8000))
    return b.getvalue()


def mp3(id3):
    frame = b"\xff\xfb\x90\x64" + rnd(413)
    tag = b"ID3\x03\x00\x00\x00\x00\x00\x10" + rnd(16) if id3 else b""
    return tag + frame * 8


def box(t, d):
    return struct.pack(">I", len(d) + 8) + t + d


def isobmff(brand):
    return box(b"ftyp", brand + b"\0\0\0\0" + brand + b"mp41") + \
        box(b"mdat", rnd(4000))


def sqlite_db(path):
    db = sqlite3.connect(path)
    db.execute("create table pages(url text, html text)")
    db.execute("insert into pages values (?, ?)", ("http://e.test/", PAGE))
    db.commit()
    db.close()


def elf():
    return (b"\x7fELF\x02\x01\x01\0" + b"\0" * 8 +
            struct.pack("<HHIQQQIHHHHHH", 2, 62, 1, 0x401000, 64, 0, 0, 64,
                        56, 1, 64, 0, 0) + rnd(2000))


def pe():
    dos = bytearray(b"MZ" + b"\x90\0" + b"\0" * 56 + struct.pack("<I", 128))
    dos += rnd(64)
    return bytes(dos) + b"PE\0\0" + rnd(2000)


FILES = {
    "document.pdf": pdf,
    "image.png": png,
    "photo.jpg": jpeg,
    "anim.gif": gif,
    "image.webp": lambda: riff(b"WEBP", b"VP8L" + struct.pack("<I", 500) +
                               rnd(500)),
    "image.bmp": lambda: b"BM" + struct.pack("<IHHI", 1078, 0, 0, 54) +
    struct.pack("<IiiHHIIiiII", 40, 8, 8, 1, 24, 0, 192, 0, 0, 0, 0) +
    rnd(192),
    "image.tif": lambda: b"II*\0" + struct.pack("<I", 8) + rnd(1000),
    "favicon.ico": lambda: b"\0\0\x01\0\x01\0" + rnd(1000),
    "image.psd": lambda: b"8BPS\0\x01" + rnd(1000),
    "image.avif": lambda: isobmff(b"avif"),
    "image.heic": lambda: isobmff(b"heic"),
    "archive.zip": zipped,
    "archive.tar": tarred,
    "page.html.bz2": lambda: bz2.compress(PAGE),
    "page.html.xz": lambda: lzma.compress(PAGE),
    "data.lzma": lambda: lzma.compress(PAGE, format=lzma.FORMAT_ALONE),
    # zstd, 7z, rar, lz4: a frame header of the format, then data
    "page.html.zst": lambda: b"\x28\xb5\x2f\xfd\x24\x00" + rnd(1500),
    "archive.7z": lambda: b"7z\xbc\xaf\x27\x1c\x00\x04" + rnd(1500),
    "archive.rar": lambda: b"Rar!\x1a\x07\x01\x00" + rnd(1500),
    "data.lz4": lambda: b"\x04\x22\x4d\x18\x64\x40\xa7" + rnd(1500),
    "random.bin.gz": lambda: gzip.compress(rnd(50000), mtime=0),
    "image.png.gz": lambda: gzip.compress(png(), mtime=0),
    "page.html.gz.gz": lambda: gzip.compress(gzip.compress(PAGE, mtime=0),
                                             mtime=0),
    "font.woff": lambda: woff(b"wOFF"),
    "font.woff2": lambda: woff(b"wOF2"),
    "font.ttf": lambda: sfnt(b"\0\x01\0\0"),
    "font.otf": lambda: sfnt(b"OTTO"),
    "song.mp3": lambda: mp3(True),
    "frames.mp3": lambda: mp3(False),
    "sound.ogg": lambda: b"OggS\0\x02" + rnd(2000),
    "sound.wav": wav,
    "sound.flac": lambda: b"fLaC\0\0\0\x22" + rnd(2000),
    "song.mid": lambda: b"MThd\0\0\0\x06\0\x01\0\x02\x01\xe0" + rnd(500),
    "sound.aiff": lambda: b"FORM" + struct.pack(">I", 1000) + b"AIFF" +
    rnd(1000),
    "video.mp4": lambda: isobmff(b"isom"),
    "video.mov": lambda: isobmff(b"qt  "),
    "video.webm": lambda: b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01" + rnd(2000),
    "video.avi": lambda: riff(b"AVI ", b"LIST" + rnd(2000)),
    "video.flv": lambda: b"FLV\x01\x05\0\0\0\x09" + rnd(2000),
    "program": elf,
    "program.exe": pe,
    "Main.class": lambda: b"\xca\xfe\xba\xbe\0\0\0\x34" + rnd(1000),
    "module.wasm": lambda: b"\0asm\x01\0\0\0" + rnd(1000),
    "document.doc": lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + rnd(3000),
    "package.deb": lambda: b"!<arch>\ndebian-binary   " + rnd(1000),
    "random-2M.bin": lambda: rnd(2 << 20),
    "random-64K.bin": lambda: rnd(65536),
    "random-1K.html": lambda: rnd(1024),
    "random-text-head.html": lambda: b"<html><body><p>Hello</p>" + rnd(20000),
    "nul-padded.dat": lambda: b"\0" * 5000 + rnd(100),
}


def main(argv):
    if len(argv) != 1:
        sys.exit(__doc__)
    out = argv[0]
    os.makedirs(out, exist_ok=True)
    for name, make in FILES.items():
        with open(os.path.join(out, name), "wb") as f:
            f.write(make())
    sqlite_db(os.path.join(out, "pages.sqlite"))
    print(len(FILES) + 1)


if __name__ == "__main__":
    main(sys.argv[1:])
