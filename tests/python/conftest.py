# SPDX-License-Identifier: MIT
"""Fixtures of the Python package's tests (tests/python/run.sh runs them
with PYTHONPATH=build/python and PITH_CLI=build/pith).

The pages: the golden pages (tests/golden/*/page.html*), the sample pages
(examples/*.html) and, when ../shared is present, the first 200 dev pages
(../shared/data/wcxb-dev/html, gzip files; the tests that need them skip
without it).
"""
import glob
import gzip
import os
import subprocess

import pytest

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__))))
SHARED = os.environ.get("PITH_SHARED") or os.path.join(ROOT, "..", "shared")
DEV_HTML = os.path.join(SHARED, "data", "wcxb-dev", "html")


def pith_cli():
    path = os.environ.get("PITH_CLI") or os.path.join(ROOT, "build", "pith")
    if not os.access(path, os.X_OK):
        pytest.skip("the pith tool is not built (%s)" % path)
    return path


def run_cli(args, **kw):
    """Run the pith tool; returns its stdout (bytes)."""
    p = subprocess.run([pith_cli()] + list(args), stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, **kw)
    return p.stdout


def read_page(path):
    """A page's bytes, unpacked if it is a .gz file."""
    with open(path, "rb") as f:
        data = f.read()
    return gzip.decompress(data) if path.endswith(".gz") else data


def golden_pages():
    pages = sorted(glob.glob(os.path.join(ROOT, "tests", "golden", "*",
                                          "page.html*")))
    return pages + sorted(glob.glob(os.path.join(ROOT, "examples",
                                                 "*.html")))


def dev_pages(n=200):
    """The first n dev pages; a quarter of them under ASan (make asan),
    which is there for memory errors, not for coverage of pages."""
    if not os.path.isdir(DEV_HTML):
        pytest.skip("../shared is absent (no dev pages at %s)" % DEV_HTML)
    if os.environ.get("PITH_SANITIZED"):
        n = max(n // 4, 1)
    return sorted(glob.glob(os.path.join(DEV_HTML, "*.html.gz")))[:n]


@pytest.fixture(scope="session")
def cli():
    return pith_cli()


@pytest.fixture(scope="session")
def root():
    return ROOT


# Under ASan (make asan) freed memory sits in quarantine: RSS says nothing.
needs_plain_malloc = pytest.mark.skipif(
    bool(os.environ.get("PITH_SANITIZED")),
    reason="RSS is not meaningful under ASan (quarantine)")
