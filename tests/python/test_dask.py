# SPDX-License-Identifier: MIT
"""python3 -m pith.dask on a LocalCluster of 2 worker processes over WARC
shards made by tests/warc/mkwarc.py: each OUT/<shard>.jsonl.gz holds what
`pith --json SHARD` writes; a rerun does nothing; a worker killed in the
middle of a task still gives complete outputs, no record twice, no
partial file left."""
import gzip
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, golden_pages, run_cli

pytest.importorskip("distributed")

MKWARC = os.path.join(ROOT, "tests", "warc", "mkwarc.py")


def shards(tmp_path, n, repeat, *args):
    pages = [p for p in golden_pages() if p.endswith(".html")]
    out = []
    for i in range(n):
        path = str(tmp_path / ("shard-%02d.warc.gz" % i))
        subprocess.run([sys.executable, MKWARC, path, "--gzip", "--repeat",
                        str(repeat), "--uri-base",
                        "https://s%d.example.org/" % i] + list(args) + pages,
                       check=True, stdout=subprocess.DEVNULL)
        out.append(path)
    return out


def run_dask(inputs, out, *extra):
    return subprocess.Popen(
        [sys.executable, "-m", "pith.dask"] + inputs
        + ["--output-dir", str(out), "--workers", "2", "--progress"]
        + list(extra), stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def output_lines(out, path):
    with gzip.open(os.path.join(out, os.path.basename(path) + ".jsonl.gz"),
                   "rb") as f:
        return f.read().splitlines()


def cli_lines(path):
    return run_cli(["--json", path]).splitlines()


def test_outputs_equal_cli_and_rerun_does_nothing(tmp_path):
    inputs = shards(tmp_path, 3, 2, "--broken")
    listed = [p for p in golden_pages() if p.endswith(".html")][:4]
    lst = tmp_path / "pages.txt"
    lst.write_text("".join(os.path.relpath(p, tmp_path) + "\n"
                           for p in listed))
    out = tmp_path / "out"
    p = run_dask(inputs + [str(lst)], out)
    _, err = p.communicate(timeout=240)
    assert p.returncode == 0, err.decode()
    assert b"4 files (4 processed" in err
    for path in inputs:
        want = cli_lines(path)
        assert output_lines(out, path) == want
        assert any(b'"error"' in l for l in want)  # the broken records
    # The list: one record per page, the pages' absolute paths as source.
    want = run_cli(["--json"] + listed).splitlines()
    assert output_lines(out, str(lst)) == want
    assert sorted(os.listdir(out)) == sorted(
        os.path.basename(x) + ".jsonl.gz" for x in inputs + [str(lst)])

    mtimes = {f: os.stat(os.path.join(out, f)).st_mtime_ns
              for f in os.listdir(out)}
    p = run_dask(inputs + [str(lst)], out)
    _, err = p.communicate(timeout=240)
    assert p.returncode == 0, err.decode()
    assert b"0 processed, 4 done before" in err
    assert {f: os.stat(os.path.join(out, f)).st_mtime_ns
            for f in os.listdir(out)} == mtimes


def spawned_children(pid):
    """The multiprocessing workers started by process pid."""
    kids = []
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open("/proc/%s/stat" % d) as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open("/proc/%s/cmdline" % d, "rb") as f:
                cmd = f.read()
        except (OSError, ValueError, IndexError):
            continue
        if ppid == pid and b"spawn_main" in cmd:
            kids.append(int(d))
    return kids


def test_killed_worker_still_gives_complete_outputs(tmp_path):
    inputs = shards(tmp_path, 6, 25)
    out = tmp_path / "out"
    p = run_dask(inputs, out)
    killed = None
    deadline = time.monotonic() + 120
    while killed is None and time.monotonic() < deadline:
        if p.poll() is not None:
            break
        parts = [f for f in os.listdir(out) if ".part-" in f] \
            if os.path.isdir(out) else []
        kids = spawned_children(p.pid)
        if parts and len(kids) >= 2:
            killed = kids[0]
            os.kill(killed, signal.SIGKILL)
        else:
            time.sleep(0.05)
    _, err = p.communicate(timeout=300)
    assert killed is not None, "the run ended before a worker could be killed"
    assert p.returncode == 0, err.decode()
    assert not [f for f in os.listdir(out) if ".part-" in f]
    for path in inputs:
        got = output_lines(out, path)
        want = cli_lines(path)
        assert got == want  # complete, and no record twice
        assert len(want) > 100


def test_usage_errors(tmp_path):
    p = subprocess.run([sys.executable, "-m", "pith.dask",
                        str(tmp_path / "missing.warc"), "--output-dir",
                        str(tmp_path / "o")], capture_output=True)
    assert p.returncode == 2 and b"no such file" in p.stderr
    a = tmp_path / "a"
    b = tmp_path / "b"
    a.mkdir()
    b.mkdir()
    (a / "x.warc").write_bytes(b"WARC/1.1\r\n")
    (b / "x.warc").write_bytes(b"WARC/1.1\r\n")
    p = subprocess.run([sys.executable, "-m", "pith.dask", str(a / "x.warc"),
                        str(b / "x.warc"), "-o", str(tmp_path / "o")],
                       capture_output=True)
    assert p.returncode == 2 and b"would both write" in p.stderr


def test_a_failed_input_makes_the_status_1(tmp_path):
    good = shards(tmp_path, 1, 1)[0]
    bad = tmp_path / "page.html"
    bad.write_bytes(b"<html><body><p>a page, not a list</p></body></html>")
    out = tmp_path / "out"
    p = subprocess.run([sys.executable, "-m", "pith.dask", good, str(bad),
                        "-o", str(out), "--workers", "1", "--retries", "0"],
                       capture_output=True, timeout=240)
    assert p.returncode == 1, p.stderr.decode()
    assert b"neither a WARC file nor a list" in p.stderr
    assert b"1 failed" in p.stderr
    assert sorted(os.listdir(out)) == [os.path.basename(good) + ".jsonl.gz"]
