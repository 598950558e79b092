# SPDX-License-Identifier: MIT
"""The pith package against the pith tool: bare_extraction() equals
`pith --json` and every output_format equals `pith --format`, on the
golden and sample pages and on 200 dev pages; bytes and str agree; the
options map to the tool's; errors raise pith.Error subclasses; threads
give the results of one thread; 10,000 calls leave RSS flat."""
import concurrent.futures
import gzip
import json
import os
import pickle
import resource

import pytest

import pith
from conftest import needs_plain_malloc, dev_pages, golden_pages, read_page, run_cli

FORMATS = ("txt", "markdown", "xml", "html")


def cli_records(paths, *opts):
    """`pith --json [opts] paths...`: one dict per path."""
    out = run_cli(["--json", "-j", "2"] + list(opts) + list(paths))
    lines = out.decode("utf-8").splitlines()
    assert len(lines) == len(paths)
    return [json.loads(l) for l in lines]


def cli_documents(paths, fmt, *opts):
    """`pith --format fmt [opts] paths...`: the document of each path
    (None when the tool wrote none), split at the form-feed lines."""
    docs = []
    for p in paths:  # one run each: empty documents leave no separator
        out = run_cli(["--format", fmt] + list(opts) + [p]).decode("utf-8")
        docs.append(out[:-1] if out.endswith("\n") else (out or None))
    return docs


def same_document(data, got, want, where):
    """extract() equals the tool's document, or is None for a page
    without main text (where the tool may still write an empty frame)."""
    if got is None:
        assert pith.bare_extraction(data)["text"] == "", where
    else:
        assert got == want, where


def check_records(paths):
    want = cli_records(paths)
    for path, rec in zip(paths, want):
        got = pith.bare_extraction(read_page(path), source=path)
        assert got == rec, path
        assert list(got) == list(rec), path  # same keys, same order


def test_bare_extraction_equals_cli_json_golden():
    check_records(golden_pages())


def test_bare_extraction_equals_cli_json_dev():
    check_records(dev_pages(200))


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_formats_equal_cli_golden(fmt):
    paths = golden_pages()
    for path, want in zip(paths, cli_documents(paths, fmt)):
        data = read_page(path)
        got = pith.extract(data, output_format=fmt)
        same_document(data, got, want, (path, fmt))


def test_output_formats_equal_cli_dev():
    paths = dev_pages(200)[::10]  # 20 pages, 4 formats
    for fmt in FORMATS:
        for path, want in zip(paths, cli_documents(paths, fmt)):
            data = read_page(path)
            got = pith.extract(data, output_format=fmt)
            same_document(data, got, want, (path, fmt))


def test_json_format_is_the_record():
    path = golden_pages()[0]
    data = read_page(path)
    line = pith.extract(data, output_format="json")
    assert json.loads(line) == pith.bare_extraction(data)
    assert "\n" not in line


@pytest.mark.parametrize("kwargs,flags", [
    (dict(include_links=True, include_images=True, include_formatting=True),
     ["--links", "--images", "--formatting"]),
    (dict(include_tables=False), ["--no-tables"]),
    (dict(favor_precision=True), ["--precision"]),
    (dict(favor_recall=True), ["--recall"]),
    (dict(parser="html5"), ["--parser=html5"]),
    (dict(parser="libxml2"), ["--parser=libxml2"]),
])
def test_options_map_to_cli_flags(kwargs, flags):
    paths = golden_pages()
    for fmt in ("markdown", "xml"):
        for path, want in zip(paths, cli_documents(paths, fmt, *flags)):
            data = read_page(path)
            got = pith.extract(data, output_format=fmt, **kwargs)
            same_document(data, got, want, (path, fmt, flags))


def test_precision_and_recall_reach_the_library():
    # On the dev pages the modes must change some text, as the tool's do.
    paths = dev_pages(200)[:60]
    default = [pith.extract(read_page(p)) for p in paths]
    prec = [pith.extract(read_page(p), favor_precision=True) for p in paths]
    want = cli_documents(paths, "txt", "--precision")
    assert prec == want
    assert prec != default


def test_parser_option():
    assert pith.DEFAULT_PARSER in pith.PARSERS
    page = b"<table><tr><td>a cell</td></tr></table>"
    for name in pith.PARSERS:
        assert pith.bare_extraction(page, parser=name)["text"] is not None
    with pytest.raises(ValueError):
        pith.extract(page, parser="gumbo")
    # The default is the build's.
    assert pith.extract(page) == pith.extract(page,
                                              parser=pith.DEFAULT_PARSER)


def test_include_comments_false_drops_the_comments_key():
    for path in golden_pages() + dev_pages(200)[:80]:
        rec = pith.bare_extraction(read_page(path))
        if rec["comments"]:
            assert pith.bare_extraction(read_page(path),
                                        include_comments=False)[
                                            "comments"] is None
            return
    pytest.skip("no page with comments")


def test_with_metadata_front_matter():
    path = os.path.join(os.path.dirname(golden_pages()[-1]), "news.html")
    data = read_page(path)
    rec = pith.bare_extraction(data)
    out = pith.extract(data, with_metadata=True)
    head, _, body = out.partition("\n---\n")
    assert head.startswith("---\n")
    assert "title: %s" % rec["title"] in head.splitlines()
    assert body == rec["text"]
    md = pith.extract(data, output_format="markdown", with_metadata=True)
    assert md.startswith(head + "\n---\n")


def test_bytes_and_str_agree():
    paths = golden_pages() + dev_pages(200)[:100]
    checked = 0
    for path in paths:
        data = read_page(path)
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError:
            continue
        assert pith.bare_extraction(text) == pith.bare_extraction(data), path
        assert (pith.extract(text, output_format="markdown")
                == pith.extract(data, output_format="markdown")), path
        checked += 1
    assert checked >= 5


def test_str_overrides_the_declared_charset():
    body = "<p>" + "Caf\u00e9 cr\u00e8me and na\u00efve r\u00e9sum\u00e9s. " * 10
    page = ('<html><head><meta charset="windows-1252"><title>Men\u00fa'
            "</title></head><body><article>%s</p></article></body></html>"
            % body)
    from_str = pith.bare_extraction(page)
    from_bytes = pith.bare_extraction(page.encode("cp1252"))
    assert "Caf\u00e9 cr\u00e8me" in from_str["text"]
    assert from_str == from_bytes
    # bytearray and memoryview are bytes too.
    assert pith.extract(bytearray(page.encode("cp1252"))) == from_str["text"]
    assert pith.extract(memoryview(page.encode("cp1252"))) == from_str["text"]


def test_encoding_hint():
    page = ("<html><body><article><p>" + "d\u00e9j\u00e0 vu, encore. " * 10
            + "</p></article></body></html>").encode("iso-8859-1")
    assert "d\u00e9j\u00e0" in pith.extract(page, encoding="iso-8859-1")


def test_url_sets_the_url_and_resolves_links():
    page = ('<html><body><article><p>' + "Words of the article. " * 12
            + '<a href="/next">next page</a></p></article></body></html>')
    assert pith.bare_extraction(page, url="https://example.org/a/b")[
        "url"] == "https://example.org/a/b"
    md = pith.extract(page, url="https://example.org/a/b",
                      output_format="markdown", include_links=True)
    assert "(https://example.org/next)" in md


def test_gzip_bytes_are_accepted():
    path = os.path.join(os.path.dirname(golden_pages()[-1]), "news.html")
    data = read_page(path)
    assert pith.extract(gzip.compress(data)) == pith.extract(data)


def test_binary_is_not_html():
    with pytest.raises(pith.NotHTMLError) as e:
        pith.extract(b"%PDF-1.7\n" + bytes(range(256)) * 64)
    assert e.value.status == 9 and "PDF" in str(e.value)


def test_no_text_is_none():
    assert pith.extract("<html><body></body></html>") is None
    rec = pith.bare_extraction("<html><body></body></html>")
    assert rec["text"] == "" and "error" not in rec


def test_errors_raise_error_subclasses():
    with pytest.raises(pith.EmptyInputError) as e:
        pith.extract(b"")
    assert e.value.status == 8 and isinstance(e.value, pith.Error)
    assert isinstance(e.value, ValueError)
    with pytest.raises(pith.EmptyInputError):
        pith.bare_extraction("")
    with pytest.raises(pith.TooLargeError) as e:
        pith.extract(b"<p>" + b"x" * 5000 + b"</p>", max_size=1000)
    assert e.value.status == 5 and "too large" in str(e.value)
    assert pith.extract(b"<p>" + b"word " * 1000 + b"</p>", max_size=1000,
                        truncate=True).startswith("word")
    with pytest.raises(TypeError):
        pith.extract(12)
    with pytest.raises(ValueError):
        pith.extract("<p>x</p>", output_format="pdf")
    with pytest.raises(ValueError):
        pith.Extractor(max_size=-1)
    # Errors survive pickling (Dask moves them between processes).
    err = pickle.loads(pickle.dumps(pith.TooLargeError(5, "too large")))
    assert type(err) is pith.TooLargeError and err.status == 5


def test_unknown_status_gets_the_fallback_class():
    err = pith._make_error(1000, "a status from a newer library")
    assert type(err) is pith.UnknownStatusError and err.status == 1000
    for status in range(1, 9):
        assert type(pith._make_error(status, "m")) is not \
            pith.UnknownStatusError


def test_threads_give_the_results_of_one_thread():
    paths = golden_pages() + dev_pages(200)[:60]
    pages = [read_page(p) for p in paths]
    one = [pith.bare_extraction(p) for p in pages]
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        many = list(pool.map(pith.bare_extraction, pages))
    assert many == one
    # One Extractor shared by threads: calls are serialised, not mixed.
    ex = pith.Extractor(output_format="json")
    with concurrent.futures.ThreadPoolExecutor(4) as pool:
        shared = list(pool.map(ex.extract, pages))
    assert [json.loads(s) if s else None for s in shared] == [
        r if r["text"] else None for r in one]


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


@needs_plain_malloc
def test_no_leak_over_10000_calls():
    small = ("<html><head><title>T</title></head><body><article><p>"
             + "A sentence of the article, long enough. " * 20
             + "</p></article></body></html>")
    data = small.encode()

    def calls(n):
        for i in range(n):
            k = i % 5
            if k == 0:
                pith.extract(data)
            elif k == 1:
                pith.bare_extraction(small)
            elif k == 2:
                pith.extract(data, output_format="markdown")
            elif k == 3:
                pith.extract(small, output_format="xml")
            else:
                try:
                    pith.extract(b"")
                except pith.EmptyInputError:
                    pass

    calls(2000)  # warm up: caches, allocator arenas
    before = rss_kib()
    calls(10000)
    grown = rss_kib() - before
    assert grown < 4096, "RSS grew by %d KiB over 10,000 calls" % grown


def test_help_reads_well():
    doc = pith.extract.__doc__
    for word in ("output_format", "favor_precision", "include_links",
                 "with_metadata", "None", "pith.Error", "GIL"):
        assert word in doc
    assert "keys" in pith.bare_extraction.__doc__
    assert "WARC" in pith.iter_warc.__doc__
    assert pith.__version__ == pith._pith.version


def test_the_gil_is_released_during_extraction():
    import threading

    page = ("<html><body><article>" + "".join(
        "<p>Paragraph %d of a long article, with words enough to keep.</p>"
        % i for i in range(20000)) + "</article></body></html>").encode()
    ex = pith.Extractor()
    ex.extract(page)  # warm up
    count = [0]
    done = threading.Event()

    def spin():
        while not done.is_set():
            count[0] += 1

    # A long switch interval: a thread holding the GIL keeps it for 0.2 s,
    # longer than the call, so only a released GIL lets the counter run.
    import sys
    interval = sys.getswitchinterval()
    sys.setswitchinterval(0.2)
    t = threading.Thread(target=spin)
    t.start()
    try:
        moved = []
        for _ in range(3):
            before = count[0]
            ex.extract(page)
            moved.append(count[0] - before)
    finally:
        done.set()
        t.join()
        sys.setswitchinterval(interval)
    assert min(moved) > 1000, moved


def test_bare_extraction_options_equal_cli_json_options():
    paths = golden_pages()
    for kwargs, flags in ((dict(include_images=True), ["--images"]),
                          (dict(include_comments=False), ["--no-comments"]),
                          (dict(include_tables=False, favor_recall=True),
                           ["--no-tables", "--recall"])):
        for path, rec in zip(paths, cli_records(paths, *flags)):
            got = pith.bare_extraction(read_page(path), source=path,
                                       with_metadata=True, **kwargs)
            assert got == rec, (path, flags)
