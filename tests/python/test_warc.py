# SPDX-License-Identifier: MIT
"""pith.iter_warc against `pith --json FILE.warc`: the same records (HTML
responses and error records for broken ones), from a path or a file
object, plain or gzip; errors for inputs that hold no WARC record; flat
memory over a long file; the input is released when the iterator is."""
import gc
import io
import json
import os
import subprocess
import sys
import warnings

import pytest

import pith
from conftest import needs_plain_malloc, ROOT, golden_pages, run_cli

MKWARC = os.path.join(ROOT, "tests", "warc", "mkwarc.py")


def mkwarc(path, *args, pages=None):
    pages = pages or [p for p in golden_pages() if p.endswith(".html")]
    subprocess.run([sys.executable, MKWARC, str(path)] + list(args) + pages,
                   check=True, stdout=subprocess.DEVNULL)
    return str(path)


def cli_lines(path):
    return [json.loads(l) for l in
            run_cli(["--json", path]).decode("utf-8").splitlines()]


@pytest.mark.parametrize("args", [[], ["--gzip"], ["--broken"],
                                  ["--gzip", "--broken"], ["--cc"]])
def test_iter_warc_equals_cli(tmp_path, args):
    path = mkwarc(tmp_path / "t.warc", *args)
    want = cli_lines(path)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # --broken garbage
        got = list(pith.iter_warc(path))
        with open(path, "rb") as f:
            from_file = list(pith.iter_warc(f))
        with open(path, "rb") as f:  # read() only, no readinto()
            from_reader = list(pith.iter_warc(io.BytesIO(f.read()),
                                              source=path))
    assert got == want
    assert from_file == want
    assert from_reader == want
    assert any("warc_record_id" in r for r in got)
    if "--broken" in args:
        assert sum("error" in r for r in got) >= 3


def test_iter_warc_stats_and_raw(tmp_path):
    path = mkwarc(tmp_path / "t.warc.gz", "--gzip")
    it = pith.iter_warc(path, raw=True)
    lines = list(it)
    assert all(isinstance(l, str) and l.startswith("{") for l in lines)
    s = it.stats
    assert s["pages"] == len(lines) and s["errors"] == 0
    assert s["records"] > s["pages"] and s["skipped"] > 0
    assert s["bytes_read"] == os.path.getsize(path)


def test_garbage_between_records_warns(tmp_path):
    path = mkwarc(tmp_path / "t.warc", "--broken")
    with pytest.warns(RuntimeWarning, match="belong to no WARC record"):
        list(pith.iter_warc(path))


def test_not_a_warc_and_empty_raise(tmp_path):
    page = tmp_path / "page.html"
    page.write_bytes(b"<html><body><p>not a WARC file</p></body></html>")
    with pytest.raises(pith.WarcFormatError) as e:
        list(pith.iter_warc(str(page)))
    assert "not a WARC file" in str(e.value) and e.value.status == 7
    empty = tmp_path / "empty.warc"
    empty.write_bytes(b"")
    with pytest.raises(pith.EmptyInputError):
        list(pith.iter_warc(str(empty)))
    with pytest.raises(FileNotFoundError):
        pith.iter_warc(str(tmp_path / "missing.warc"))


def test_read_errors_propagate():
    class Broken(io.RawIOBase):
        def readable(self):
            return True

        def readinto(self, b):
            raise OSError(5, "device on fire")

    with pytest.raises(OSError, match="device on fire"):
        list(pith.iter_warc(Broken()))


def test_abandoned_iterator_closes_its_file(tmp_path):
    path = mkwarc(tmp_path / "t.warc")
    fds = len(os.listdir("/proc/self/fd"))
    for _ in range(50):
        it = pith.iter_warc(path)
        next(it)
        del it
    gc.collect()
    assert len(os.listdir("/proc/self/fd")) <= fds
    with pith.iter_warc(path) as it:
        next(it)
    with pytest.raises(StopIteration):
        next(it)


def rss_kib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    return 0


@needs_plain_malloc
def test_memory_stays_flat_over_a_long_warc(tmp_path):
    path = mkwarc(tmp_path / "big.warc.gz", "--gzip", "--repeat", "60")
    it = pith.iter_warc(path, raw=True)
    n = 0
    for _ in it:
        n += 1
        if n == 100:
            base = rss_kib()
    assert n > 300
    assert rss_kib() - base < 8192


def test_one_iterator_shared_by_threads_does_not_crash(tmp_path):
    import threading

    path = mkwarc(tmp_path / "t.warc.gz", "--gzip", "--repeat", "5")
    it = pith.iter_warc(path, raw=True)
    got, refused = [], []

    def pull():
        while True:
            try:
                got.append(next(it))
            except StopIteration:
                return
            except ValueError:  # "already executing": try again
                refused.append(1)

    threads = [threading.Thread(target=pull) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(got) == sorted(cli_lines_raw(path))


def cli_lines_raw(path):
    return run_cli(["--json", path]).decode("utf-8").splitlines()
