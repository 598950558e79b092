#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""python.py - the Python package's speed against the C API, threads and
Dask workers, on the dev pages (../shared/data/wcxb-dev/html).

Usage: python3 bench/python.py [--build DIR] [--pages N] [--runs R]
                               [--no-dask] [--shards S]

1. C API against Python, one thread, pages in memory (decompressed
   first): BUILD/pith-bench --pith-only times pith_extractor_extract() +
   pith_render_json() + the frees per page with one extractor, best of 3;
   Python times the same work through the binding
   (Extractor._ex.record(): the same two calls with the GIL released,
   plus the str of the JSON), and pith.extract() (text), best of 3.
   Then the same comparison in CPU time of the calling thread, the C API
   called through ctypes on BUILD/libpith.so (steadier on a busy machine).
2. Threads: pith.extract() over the pages through a
   concurrent.futures.ThreadPoolExecutor with 1 and with 2 threads.
3. Dask: S gzip WARC shards of the pages (tests/warc/mkwarc.py), then
   python3 -m pith.dask with --workers 1 and --workers 2 (fresh output
   each run), timed from the first task to the last (the summary's
   "extracting" time; the cluster's start-up is left out) and end to
   end; then shards 4 times as long, to show the peak RSS per worker
   does not grow with the shard.
Each measurement runs R times (default 3) and all runs are printed.
Run with PYTHONPATH=BUILD/python (bench/python.py sets it itself when
BUILD/python exists).
"""
import argparse
import concurrent.futures
import glob
import gzip
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def best(fn, runs):
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return times


def fmt(times):
    return " ".join("%.3f" % t for t in times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--build", default=os.path.join(ROOT, "build"))
    ap.add_argument("--data", default=os.path.join(
        ROOT, "..", "shared", "data", "wcxb-dev", "html"))
    ap.add_argument("--pages", type=int, default=0,
                    help="use the first N pages (default all)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--shards", type=int, default=8)
    ns = ap.parse_args()
    if not os.path.isdir(ns.data):
        print("SKIP: %s not found" % ns.data)
        return 0
    pydir = os.path.join(ns.build, "python")
    sys.path.insert(0, pydir)
    os.environ["PYTHONPATH"] = pydir + os.pathsep + os.environ.get(
        "PYTHONPATH", "")
    import pith

    files = sorted(glob.glob(os.path.join(ns.data, "*.html.gz")))
    if ns.pages:
        files = files[:ns.pages]
    pages = [gzip.decompress(open(f, "rb").read()) for f in files]
    mb = sum(map(len, pages)) / 1e6
    print("%d pages, %.1f MB" % (len(pages), mb))

    # 1. C API against Python.
    src = ns.data
    if ns.pages:  # pith-bench reads a directory: give it the subset
        src = tempfile.mkdtemp()
        for f in files:
            os.symlink(f, os.path.join(src, os.path.basename(f)))
    c_times = []
    for _ in range(ns.runs):
        out = subprocess.run([os.path.join(ns.build, "pith-bench"),
                              "--pith-only", src], capture_output=True,
                             text=True).stdout
        m = re.search(r"^pith.*best of \d+: ([0-9.]+) s", out, re.M)
        if not m:
            sys.exit("pith-bench printed no timing:\n" + out)
        c_times.append(float(m.group(1)))
    if ns.pages:
        shutil.rmtree(src)
    ex = pith.Extractor()

    def py_record():
        for p in pages:
            ex._ex.record(p)

    def py_extract():
        for p in pages:
            pith.extract(p)

    # The C API again, called through ctypes from this process (a few
    # microseconds of call overhead on pages of milliseconds), timed by
    # this thread's CPU clock, as the binding is: on a busy machine the
    # CPU time of the work is steadier than wall-clock time.
    capi = c_api(ns.build)

    def cpu_of(fn):
        t = time.thread_time()
        fn()
        return time.thread_time() - t

    def c_record():
        for p in pages:
            capi(p)

    cpu_c, cpu_py, cpu_ext = [], [], []
    for _ in range(ns.runs):
        cpu_c.append(min(cpu_of(c_record) for _ in range(3)))
        cpu_py.append(min(cpu_of(py_record) for _ in range(3)))
        cpu_ext.append(min(cpu_of(py_extract) for _ in range(3)))
    rec_runs = [min(best(py_record, 3)) for _ in range(ns.runs)]
    ext_runs = [min(best(py_extract, 3)) for _ in range(ns.runs)]
    n = len(pages)
    print("\n1. one thread, per page (best of 3 passes; %d runs)" % ns.runs)
    print("  C API extract+JSON (pith-bench): %s s  -> %.3f ms/page"
          % (fmt(c_times), min(c_times) / n * 1e3))
    print("  Python record() (same work):     %s s  -> %.3f ms/page"
          % (fmt(rec_runs), min(rec_runs) / n * 1e3))
    print("  Python pith.extract() (text):    %s s  -> %.3f ms/page"
          % (fmt(ext_runs), min(ext_runs) / n * 1e3))
    for i in range(ns.runs):
        print("  run %d: Python/C = %.3f (record), %.3f (extract)"
              % (i + 1, rec_runs[i] / c_times[i], ext_runs[i] / c_times[i]))
    print("  best/best: Python/C = %.3f (record), %.3f (extract)"
          % (min(rec_runs) / min(c_times), min(ext_runs) / min(c_times)))
    print("  CPU time of this thread (best of 3 passes), C API via ctypes "
          "against the binding:")
    for i in range(ns.runs):
        print("  run %d: C %.3f s, record() %.3f s (%.3f), extract() %.3f s "
              "(%.3f)" % (i + 1, cpu_c[i], cpu_py[i], cpu_py[i] / cpu_c[i],
                          cpu_ext[i], cpu_ext[i] / cpu_c[i]))

    # 2. Threads.
    print("\n2. ThreadPoolExecutor, pith.extract() over the pages")
    for i in range(ns.runs):
        t, cpu, work = {}, {}, {}
        for k in (1, 2):
            spent = []

            def timed(p, spent=spent):
                c = time.thread_time()
                pith.extract(p)
                spent.append(time.thread_time() - c)

            with concurrent.futures.ThreadPoolExecutor(k) as pool:
                list(pool.map(pith.extract, pages[:50]))  # warm the threads
                s, c = time.perf_counter(), time.process_time()
                list(pool.map(timed, pages))
                t[k] = time.perf_counter() - s
                cpu[k] = time.process_time() - c
                work[k] = sum(spent)
        # CPU time / wall time: how many cores the process kept busy (2.0
        # at best with 2 threads; 1.0 if the GIL serialised them).  The
        # extraction CPU time per page with 2 threads against 1 says what
        # the threads cost each other (locks, caches): on 2 idle cores the
        # speed-up would be 2 x work[1] / work[2].
        print("  run %d: 1 thread %.3f s, 2 threads %.3f s: %.2fx "
              "(cores busy: %.2f and %.2f; extraction CPU %.3f s and "
              "%.3f s: idle-machine estimate %.2fx)"
              % (i + 1, t[1], t[2], t[1] / t[2], cpu[1] / t[1],
                 cpu[2] / t[2], work[1], work[2],
                 2 * work[1] / work[2]))

    if ns.no_dask:
        return 0
    # 3. Dask.
    try:
        import distributed  # noqa: F401
    except ImportError:
        print("\n3. Dask: SKIP (python3-distributed missing)")
        return 0
    work = tempfile.mkdtemp()
    try:
        dask_runs(ns, files, work)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return 0


def c_api(build):
    """A function page -> None running pith_extractor_extract() +
    pith_render_json() + the frees through ctypes on BUILD/libpith.so."""
    import ctypes

    lib = ctypes.CDLL(os.path.join(build, "libpith.so"))
    lib.pith_extractor_new.restype = ctypes.c_void_p
    lib.pith_extractor_new.argtypes = [ctypes.c_uint]
    lib.pith_extractor_extract.argtypes = [
        ctypes.c_void_p, ctypes.c_char_p, ctypes.c_size_t, ctypes.c_char_p,
        ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p)]
    lib.pith_render_json.restype = ctypes.c_void_p
    lib.pith_render_json.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
    lib.pith_free.argtypes = [ctypes.c_void_p]
    lib.pith_result_free.argtypes = [ctypes.c_void_p]
    ex = lib.pith_extractor_new(0)
    res = ctypes.c_void_p()

    def run(page):
        if lib.pith_extractor_extract(ex, page, len(page), None, None,
                                      ctypes.byref(res)) == 0:
            lib.pith_free(lib.pith_render_json(res, None))
            lib.pith_result_free(res)

    return run


def make_shards(files, work, nshards, repeat, tag):
    per = (len(files) + nshards - 1) // nshards
    shards = []
    for i in range(nshards):
        chunk = files[i * per:(i + 1) * per]
        if not chunk:
            break
        path = os.path.join(work, "%s-%02d.warc.gz" % (tag, i))
        subprocess.run([sys.executable, os.path.join(ROOT, "tests", "warc",
                                                     "mkwarc.py"), path,
                        "--gzip", "--repeat", str(repeat)] + chunk,
                       check=True, stdout=subprocess.DEVNULL)
        shards.append(path)
    return shards


def dask_run(shards, out, workers):
    shutil.rmtree(out, ignore_errors=True)
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "pith.dask"] + shards
                       + ["-o", out, "--workers", str(workers)],
                       capture_output=True, text=True)
    total = time.perf_counter() - t
    m = re.search(r"(\d+) records, (\d+) errors, [0-9.]+ s \(([0-9.]+) s "
                  r"extracting\).*task CPU ([0-9.]+) s, peak worker RSS "
                  r"(\d+) MiB", p.stderr)
    if p.returncode != 0 or not m:
        sys.exit("pith.dask failed:\n" + p.stderr)
    return (int(m.group(1)), float(m.group(3)), total, int(m.group(5)),
            float(m.group(4)))


def dask_runs(ns, files, work):
    shards = make_shards(files, work, ns.shards, 1, "s")
    print("\n3. Dask, %d WARC shards of the pages (gzip)" % len(shards))
    out = os.path.join(work, "out")
    for i in range(ns.runs):
        r = {}
        for k in (1, 2):
            r[k] = dask_run(shards, out, k)
        print("  run %d: 1 worker %.2f s (%.2f s end to end), 2 workers "
              "%.2f s (%.2f s): %.2fx extracting, %.2fx end to end; "
              "%d records; task CPU %.2f s and %.2f s: idle-machine "
              "estimate %.2fx" % (i + 1, r[1][1], r[1][2], r[2][1], r[2][2],
                                  r[1][1] / r[2][1], r[1][2] / r[2][2],
                                  r[1][0], r[1][4], r[2][4],
                                  2 * r[1][4] / r[2][4]))
    for i, s in enumerate(shards):
        os.unlink(s)
    print("  peak RSS per worker as shards grow (2 workers):")
    for repeat in (1, 4):
        shards = make_shards(files, work, ns.shards, repeat, "r%d" % repeat)
        recs, ext, total, rss, _ = dask_run(shards, out, 2)
        print("    shards x%d: %d records, %.2f s, peak worker RSS %d MiB"
              % (repeat, recs, ext, rss))
        for s in shards:
            os.unlink(s)


if __name__ == "__main__":
    sys.exit(main())
