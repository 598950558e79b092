# SPDX-License-Identifier: MIT
"""Build of the _pith extension for pip (pyproject.toml holds the rest).

The extension needs libpith.  In order:
 1. a built source tree: PITH_BUILD_DIR, else ../build (what `make`
    builds), holding libpith.a, and the headers in PITH_INCLUDE_DIR,
    else ../include; it is linked in statically, with the
    libraries the CMake cache says it was built with (libxml2, zlib,
    libdeflate, CLD2, uchardet);
 2. an installed libpith found by pkg-config (`make install PREFIX=...`;
    set PKG_CONFIG_PATH=PREFIX/lib/pkgconfig for a non-system prefix),
    linked dynamically, with an rpath to its directory.
`make build` also builds the package itself into build/python (no pip
needed); this file is for venvs.
"""
import os
import re
import shlex
import subprocess

from setuptools import Extension, setup

here = os.path.dirname(os.path.abspath(__file__))
root = os.path.dirname(here)


def version(include_dir):
    try:
        with open(os.path.join(include_dir, "pith", "pith.h")) as f:
            m = re.search(r'#define PITH_VERSION_STRING "([0-9.]+)"', f.read())
        return m.group(1) if m else "0"
    except OSError:
        return "0"


def from_build_tree():
    build = os.environ.get("PITH_BUILD_DIR") or os.path.join(root, "build")
    lib = os.path.join(build, "libpith.a")
    cache = os.path.join(build, "CMakeCache.txt")
    include = os.environ.get("PITH_INCLUDE_DIR") or os.path.join(root,
                                                                 "include")
    if not (os.path.isfile(lib) and os.path.isfile(cache)
            and os.path.isdir(include)):
        return None
    with open(cache) as f:
        entries = dict(re.findall(r"^(\w+):\w+=(.*)$", f.read(), re.M))
    objects = [lib]
    libraries = ["xml2", "z", "m", "pthread"]
    for key in ("PITH_LIBDEFLATE_LIBRARY", "PITH_CLD2_LIBRARY",
                "PITH_UCHARDET_LIBRARY"):
        path = entries.get(key, "")
        if path and os.path.isfile(path):
            objects.append(path)
            if key == "PITH_CLD2_LIBRARY":
                libraries.append("stdc++")
    return dict(include_dirs=[include], extra_objects=objects,
                libraries=libraries), version(include)


def from_pkg_config():
    try:
        flags = subprocess.run(["pkg-config", "--cflags", "--libs", "libpith"],
                               check=True, capture_output=True,
                               text=True).stdout
        ver = subprocess.run(["pkg-config", "--modversion", "libpith"],
                             check=True, capture_output=True,
                             text=True).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return None
    args = dict(include_dirs=[], library_dirs=[], libraries=[],
                runtime_library_dirs=[])
    for tok in shlex.split(flags):
        if tok.startswith("-I"):
            args["include_dirs"].append(tok[2:])
        elif tok.startswith("-L"):
            args["library_dirs"].append(tok[2:])
            args["runtime_library_dirs"].append(tok[2:])
        elif tok.startswith("-l"):
            args["libraries"].append(tok[2:])
    return args, ver


found = from_build_tree() or from_pkg_config()
if not found:
    raise SystemExit(
        "pith: libpith not found.  Build the source tree first (`make` in "
        "the repository, or set PITH_BUILD_DIR to a CMake build directory), "
        "or install libpith (`make install PREFIX=...`) where pkg-config "
        "finds it (PKG_CONFIG_PATH).")
ext_args, pith_version = found

setup(
    version=pith_version,
    ext_modules=[Extension("pith._pith", ["pith/_pith.c"], **ext_args)],
)
