# SPDX-License-Identifier: MIT
"""python3 -m pith.dask: extract many WARC files (or lists of page files)
on a Dask cluster, one task per input file.

    python3 -m pith.dask INPUT... --output-dir OUT
        [--scheduler ADDRESS | --workers N] [--threads-per-worker T]

Each task writes ``OUT/<input name>.jsonl.gz``: the JSON Lines
``pith --json INPUT`` writes, gzip-compressed.  It writes under a
temporary name (``OUT/.<input name>.jsonl.gz.part-<random>``) and renames
the file when it is complete, so a rerun skips the inputs that are done,
and a worker that dies leaves no partial output: Dask runs its task again
elsewhere, and leftover temporary files are removed at the end of the run.

An INPUT is a WARC file (WARC/1.0 or 1.1, plain or gzip, recognised by
its first bytes) or a list of page files, one path per line (relative
paths are relative to the list's directory); a directory stands for the
files under it.  With ``--scheduler`` the tasks go to an existing cluster
(``dask scheduler`` on one machine, ``dask worker ADDRESS`` on each of
the others, every machine seeing INPUT and OUT at the same paths, e.g. on
a shared filesystem); without it, to a LocalCluster of ``--workers``
processes started for the run.

One run at a time per output directory: a run removes the temporary files
it finds there for its inputs (left by killed tasks).

Exit status: 0 when every input was processed, 1 when any input failed
(its task raised, after Dask's retries), 2 for a usage error.  Error
records (broken WARC records, pages that failed) are counted in the
summary and do not fail the run.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import resource
import sys
import time
import uuid
import zlib
from typing import Any, Dict, List, Optional

import pith

_PART = ".part-"


def output_name(path: str) -> str:
    """The output file name of an input."""
    return os.path.basename(path) + ".jsonl.gz"


def is_warc(path: str) -> bool:
    """Does the file start like a WARC file, plain or gzip?"""
    with open(path, "rb") as f:
        head = f.read(65536)
    if head[:2] == b"\x1f\x8b":
        try:
            head = zlib.decompressobj(31).decompress(head, 16)
        except zlib.error:
            return False
    return head.startswith(b"WARC/")


def _page_paths(list_path: str) -> List[str]:
    base = os.path.dirname(os.path.abspath(list_path))
    with open(list_path, "rb") as f:
        data = f.read()
    if b"\0" in data[:65536]:
        raise ValueError("%s is neither a WARC file nor a list of page files"
                         % list_path)
    paths = []
    for raw in data.decode("utf-8", "surrogateescape").splitlines():
        line = raw.strip()
        if not line:
            continue
        if not paths and line.startswith("<"):
            raise ValueError("%s is neither a WARC file nor a list of page "
                             "files (it looks like a page)" % list_path)
        paths.append(os.path.normpath(os.path.join(base, line)))
    return paths


def _page_record(ex: "pith.Extractor", path: str,
                 max_size: int) -> "tuple[str, bool]":
    """The JSON line of one listed page, and whether it is an error
    record."""
    try:
        with open(path, "rb") as f:
            data = f.read(max_size + 1)
    except OSError as e:
        return pith._pith.error_record(path, None, "cannot read: %s"
                                       % (e.strerror or e)), True
    if len(data) > max_size and not ex._opts & pith._pith.OPT_TRUNCATE_INPUT:
        return pith._pith.error_record(
            path, None, "input too large (more than %d bytes)"
            % max_size), True
    try:
        return ex._ex.record(data[:max_size], None, None, path), False
    except pith.Error as e:
        return pith._pith.error_record(path, None, e.message), True


def process_input(path: str, out_dir: str,
                  options: Optional[Dict[str, Any]] = None) -> Dict[str, Any]:
    """Extract one input into OUT/<name>.jsonl.gz (the Dask task).

    Returns a summary: input, output, records, errors, seconds (wall),
    cpu_seconds (the task thread's CPU time), skipped (True when the
    output already existed) and the worker's peak RSS (KiB).  Raises on failure, leaving no output file.
    """
    options = dict(options or {})
    final = os.path.join(out_dir, output_name(path))
    summary: Dict[str, Any] = {"input": path, "output": final, "records": 0,
                               "errors": 0, "seconds": 0.0, "skipped": False}
    if os.path.exists(final):
        summary["skipped"] = True
        return summary
    t0 = time.monotonic()
    c0 = time.thread_time()
    ex = pith.Extractor(**options)
    max_size = options.get("max_size") or pith._pith.DEFAULT_MAX_INPUT
    tmp = os.path.join(out_dir, "." + output_name(path) + _PART
                       + uuid.uuid4().hex)
    records = errors = 0
    try:
        with open(tmp, "wb") as raw:
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw,
                               compresslevel=6, mtime=0) as gz:
                if is_warc(path):
                    it = ex.iter_warc(path, raw=True)
                    for line in it:
                        gz.write(line.encode("utf-8") + b"\n")
                    records = it.stats["pages"]
                    errors = it.stats["errors"]
                else:
                    for page in _page_paths(path):
                        line, failed = _page_record(ex, page, max_size)
                        records += 1
                        errors += failed
                        gz.write(line.encode("utf-8") + b"\n")
            raw.flush()
            os.fsync(raw.fileno())
        os.replace(tmp, final)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        raise
    summary.update(records=records, errors=int(errors),
                   seconds=time.monotonic() - t0,
                   cpu_seconds=time.thread_time() - c0,
                   peak_rss_kib=resource.getrusage(
                       resource.RUSAGE_SELF).ru_maxrss)
    return summary


def expand_inputs(args: List[str]) -> List[str]:
    """Absolute paths of the inputs; directories give their files (in name
    order, names starting with '.' skipped)."""
    out = []
    for a in args:
        if os.path.isdir(a):
            for root, dirs, files in os.walk(a):
                dirs[:] = sorted(d for d in dirs if not d.startswith("."))
                out.extend(os.path.abspath(os.path.join(root, f))
                           for f in sorted(files) if not f.startswith("."))
        else:
            out.append(os.path.abspath(a))
    return out


def remove_partial(out_dir: str, names: List[str]) -> int:
    """Remove the temporary files left by killed tasks of these inputs."""
    prefixes = tuple("." + output_name(n) + _PART for n in names)
    removed = 0
    for f in os.listdir(out_dir):
        if f.startswith(prefixes):
            try:
                os.unlink(os.path.join(out_dir, f))
                removed += 1
            except OSError:
                pass
    return removed


class _Progress:
    """A progress bar on stderr: files done, records, errors, pages/s."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.total, self.enabled = total, enabled
        self.t0 = time.monotonic()
        self.last = 0.0

    def show(self, done: int, records: int, errors: int,
             final: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if not final and now - self.last < 0.25:
            return
        self.last = now
        el = now - self.t0
        width = 30
        fill = int(width * done / self.total) if self.total else width
        rate = records / el if el > 0 else 0.0
        sys.stderr.write("\r[%s%s] %d/%d files, %d records, %d errors, "
                         "%.1f pages/s\033[K" % ("#" * fill,
                                                 "." * (width - fill), done,
                                                 self.total, records, errors,
                                                 rate))
        if final:
            sys.stderr.write("\n")
        sys.stderr.flush()


def _size(text: str) -> int:
    """A size as the pith tool reads it: 123, 64K, 10M, 1G (1024-based)."""
    m = re.fullmatch(r"([0-9]+)([kKmMgG]?)(i?B)?", text.strip())
    if not m or int(m.group(1)) == 0:
        raise argparse.ArgumentTypeError("invalid size %r" % text)
    return int(m.group(1)) << {"": 0, "k": 10, "m": 20,
                               "g": 30}[m.group(2).lower()]


def _options(ns: argparse.Namespace) -> Dict[str, Any]:
    return dict(include_comments=not ns.no_comments,
                include_tables=not ns.no_tables,
                favor_precision=ns.precision, favor_recall=ns.recall,
                no_fallback=ns.no_fallback, include_hidden=ns.keep_hidden,
                max_size=ns.max_size, truncate=ns.truncate,
                parser=ns.parser)


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="python3 -m pith.dask",
        description="Extract WARC files (or lists of page files) on a Dask "
        "cluster, one task per input; each writes OUT/<input name>.jsonl.gz "
        "(the records of pith --json), renamed into place when complete, so "
        "a rerun skips finished inputs.",
        epilog="Several machines: run `dask scheduler` on one, `dask worker "
        "tcp://HOST:8786` on each, then this command with --scheduler "
        "tcp://HOST:8786; INPUT and OUT must be at the same paths on every "
        "machine (a shared filesystem).  Exit status: 0, 1 when any input "
        "failed, 2 for a usage error.")
    p.add_argument("inputs", nargs="+", metavar="INPUT",
                   help="a WARC file (.warc, .warc.gz), a list of page "
                   "files (one path per line), or a directory of those")
    p.add_argument("-o", "--output-dir", required=True, metavar="OUT",
                   help="where the .jsonl.gz files go (created if needed)")
    where = p.add_mutually_exclusive_group()
    where.add_argument("--scheduler", metavar="ADDRESS",
                       help="use a running Dask scheduler, e.g. "
                       "tcp://10.0.0.1:8786")
    where.add_argument("--workers", type=int, metavar="N",
                       help="worker processes of the local cluster "
                       "(default: one per core)")
    p.add_argument("--threads-per-worker", type=int, default=1, metavar="T",
                   help="threads per local worker (default 1); the GIL is "
                   "released during extraction, so threads use cores too")
    p.add_argument("--retries", type=int, default=2, metavar="R",
                   help="run a failing task again up to R times (default 2)")
    p.add_argument("--precision", action="store_true",
                   help="drop doubtful blocks (pith --precision)")
    p.add_argument("--recall", action="store_true",
                   help="keep doubtful blocks (pith --recall)")
    p.add_argument("--no-comments", action="store_true",
                   help="do not collect reader comments")
    p.add_argument("--no-tables", action="store_true",
                   help="leave tables out")
    p.add_argument("--no-fallback", action="store_true",
                   help="no whole-page fallback")
    p.add_argument("--keep-hidden", action="store_true",
                   help="keep elements hidden from readers")
    p.add_argument("--max-size", type=_size, default=0, metavar="BYTES",
                   help="refuse pages and records larger than BYTES "
                   "(suffixes K, M, G; default 64M)")
    p.add_argument("--truncate", action="store_true",
                   help="cut pages over --max-size instead of refusing them")
    p.add_argument("--parser", choices=("html5", "libxml2"), default=None,
                   help="the HTML parser (pith --parser; default: the one "
                   "libpith was built with)")
    prog = p.add_mutually_exclusive_group()
    prog.add_argument("--progress", dest="progress", action="store_true",
                      default=None, help="show the progress bar (the "
                      "default when stderr is a terminal)")
    prog.add_argument("--quiet", dest="progress", action="store_false",
                      help="no progress bar and no summary")
    return p


def main(argv: Optional[List[str]] = None) -> int:
    p = _parser()
    ns = p.parse_args(argv)
    if ns.workers is not None and ns.workers < 1:
        p.error("--workers must be at least 1")
    if ns.threads_per_worker < 1:
        p.error("--threads-per-worker must be at least 1")
    if ns.max_size < 0 or ns.retries < 0:
        p.error("--max-size and --retries must not be negative")
    inputs = expand_inputs(ns.inputs)
    for path in inputs:
        if not os.path.isfile(path):
            p.error("%s: no such file" % path)
    names: Dict[str, str] = {}
    for path in inputs:
        other = names.setdefault(output_name(path), path)
        if other != path:
            p.error("%s and %s would both write %s" % (other, path,
                                                       output_name(path)))
    out_dir = os.path.abspath(ns.output_dir)
    os.makedirs(out_dir, exist_ok=True)
    remove_partial(out_dir, inputs)  # left by an earlier, killed run
    todo = [x for x in inputs
            if not os.path.exists(os.path.join(out_dir, output_name(x)))]
    done_before = len(inputs) - len(todo)
    show = ns.progress if ns.progress is not None else sys.stderr.isatty()
    quiet = ns.progress is False

    failed: List[str] = []
    records = errors = 0
    peak = 0
    cpu = 0.0
    t0 = time.monotonic()
    work = 0.0  # seconds from the first task submitted to the last done
    if todo:
        import logging

        from distributed import Client, LocalCluster, as_completed

        if ns.scheduler:
            try:
                client = Client(ns.scheduler, timeout=60)
            except OSError as e:
                sys.stderr.write("pith.dask: cannot reach the scheduler at "
                                 "%s: %s\n" % (ns.scheduler, e))
                return 1
            cluster = None
        else:
            cluster = LocalCluster(
                n_workers=ns.workers or os.cpu_count() or 1,
                threads_per_worker=ns.threads_per_worker, processes=True,
                dashboard_address=None, silence_logs=logging.ERROR)
            client = Client(cluster)
        try:
            bar = _Progress(len(todo), show)
            options = _options(ns)
            futures = [client.submit(process_input, path, out_dir, options,
                                     key="pith-%s-%s" % (
                                         output_name(path), uuid.uuid4().hex),
                                     pure=False, retries=ns.retries)
                       for path in todo]
            done = 0
            for fut in as_completed(futures):
                done += 1
                if fut.status == "finished":
                    s = fut.result()
                    records += s["records"]
                    errors += s["errors"]
                    peak = max(peak, s.get("peak_rss_kib", 0))
                    cpu += s.get("cpu_seconds", 0.0)
                else:
                    path = todo[futures.index(fut)]
                    failed.append(path)
                    if show:
                        sys.stderr.write("\r\033[K")
                    sys.stderr.write("pith.dask: %s: %s\n"
                                     % (path, fut.exception()))
                bar.show(done, records, errors)
            bar.show(done, records, errors, final=True)
            work = time.monotonic() - bar.t0
        finally:
            client.close()
            if cluster is not None:
                cluster.close()
        remove_partial(out_dir, todo)
    el = time.monotonic() - t0
    if not quiet:
        sys.stderr.write(
            "pith.dask: %d files (%d processed, %d done before, %d failed), "
            "%d records, %d errors, %.2f s (%.2f s extracting), %.1f pages/s, "
            "task CPU %.2f s, peak worker RSS %.0f MiB\n"
            % (len(inputs), len(todo) - len(failed), done_before,
               len(failed), records, errors, el, work,
               records / work if work > 0 else 0.0, cpu, peak / 1024))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
