# SPDX-License-Identifier: MIT
"""pip install ./python, offline, in a venv that sees the system's
setuptools (python3 -m venv --system-site-packages; pip --no-build-isolation
--no-index), against the build tree's libpith.a; the installed package
then works from outside the source tree."""
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT


def test_pip_install_in_a_venv(tmp_path):
    build = os.environ.get("PITH_BUILD_DIR") or os.path.join(ROOT, "build")
    if not os.path.isfile(os.path.join(build, "libpith.a")):
        pytest.skip("no libpith.a in %s" % build)
    src = tmp_path / "python"
    shutil.copytree(os.path.join(ROOT, "python"), src,
                    ignore=shutil.ignore_patterns("build", "*.egg-info",
                                                  "__pycache__"))
    venv = tmp_path / "venv"
    p = subprocess.run([sys.executable, "-m", "venv", "--system-site-packages",
                        str(venv)], capture_output=True)
    if p.returncode != 0:
        pytest.skip("cannot create a venv (python3-venv missing?): %s"
                    % p.stderr.decode()[-300:])
    env = dict(os.environ, PITH_BUILD_DIR=build,
               PITH_INCLUDE_DIR=os.path.join(ROOT, "include"))
    env.pop("PYTHONPATH", None)
    py = str(venv / "bin" / "python")
    p = subprocess.run([py, "-m", "pip", "install", "-q",
                        "--no-build-isolation", "--no-index", str(src)],
                       capture_output=True, env=env, cwd=str(tmp_path))
    assert p.returncode == 0, p.stderr.decode()[-2000:]
    code = ("import pith, sys\n"
            "assert pith.__file__.startswith(sys.prefix), pith.__file__\n"
            "t = pith.extract('<html><body><article><p>' + 'One line of "
            "text. ' * 20 + '</p></article></body></html>')\n"
            "assert t.startswith('One line of text.'), t\n"
            "print(pith.__version__)\n")
    p = subprocess.run([py, "-c", code], capture_output=True, env=env,
                       cwd=str(tmp_path))
    assert p.returncode == 0, p.stderr.decode()
    assert p.stdout.decode().strip() == __import__("pith").__version__
