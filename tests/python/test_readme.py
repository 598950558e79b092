# SPDX-License-Identifier: MIT
"""The README's examples run as written: every ```python block of its
"Python" section, in a directory holding examples/ and a crawl.warc.gz
made of those pages, and the `pith --jsonl-input` shell example."""
import glob
import os
import re
import shutil
import subprocess
import sys

from conftest import ROOT, pith_cli


def section(text, title):
    start = text.index("\n## " + title)
    end = text.find("\n## ", start + 1)
    return text[start:end if end > 0 else len(text)]


def blocks(text, lang):
    return re.findall(r"```%s\n(.*?)```" % lang, text, re.S)


def readme():
    with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as f:
        return f.read()


def test_python_examples_run(tmp_path):
    shutil.copytree(os.path.join(ROOT, "examples"), tmp_path / "examples")
    pages = sorted(glob.glob(os.path.join(ROOT, "examples", "*.html")))
    subprocess.run([sys.executable, os.path.join(ROOT, "tests", "warc",
                                                 "mkwarc.py"),
                    str(tmp_path / "crawl.warc.gz"), "--gzip"] + pages,
                   check=True, stdout=subprocess.DEVNULL)
    code = blocks(section(readme(), "Python"), "python")
    assert len(code) >= 3
    for block in code:
        p = subprocess.run([sys.executable, "-c", block], cwd=str(tmp_path),
                           capture_output=True, text=True)
        assert p.returncode == 0, block + p.stderr
        assert "Traceback" not in p.stderr


def test_jsonl_example_runs(tmp_path):
    sh = blocks(section(readme(), "Other languages"), "sh")
    assert sh
    env = dict(os.environ, PATH=os.path.dirname(pith_cli()) + os.pathsep
               + os.environ["PATH"])
    p = subprocess.run(["bash", "-c", sh[0]], capture_output=True,
                       text=True, env=env, cwd=str(tmp_path))
    assert p.returncode == 0, p.stderr
    assert '"text":"Hello, world."' in p.stdout
