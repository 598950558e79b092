#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh PYTHON BUILD_DIR PITH [--needs MODULE] TEST... - run the Python package's pytest
# files (tests/python/TEST) against the package in BUILD_DIR/python.
# Exits 77 (CTest: skipped), saying why, when the package was not built
# (python3-dev missing at configure time) or pytest is missing; pytest's
# "no tests collected" (5) counts as skipped too.  --needs MODULE skips
# the same way when MODULE cannot be imported (e.g. distributed).
set -uo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
if [ $# -lt 4 ]; then
  echo "usage: run.sh PYTHON BUILD_DIR PITH [--needs MODULE] TEST..." >&2
  exit 2
fi
python=$1
build=$2
pith=$3
shift 3

if [ -z "$python" ] || ! "$python" -c 'import sys' 2>/dev/null; then
  echo "SKIP: no Python interpreter (install python3-dev, then reconfigure)"
  exit 77
fi
if ! ls "$build"/python/pith/_pith*.so >/dev/null 2>&1; then
  echo "SKIP: the Python package is not built (python3-dev was not found" \
    "when CMake configured $build)"
  exit 77
fi
if ! "$python" -c 'import pytest' 2>/dev/null; then
  echo "SKIP: pytest is missing for $python (apt-get install python3-pytest)"
  exit 77
fi
export PYTHONPATH=$build/python${PYTHONPATH:+:$PYTHONPATH}
export PITH_CLI=$pith PITH_BUILD_DIR=$build PYTHONDONTWRITEBYTECODE=1
if [ "${1:-}" = --needs ]; then
  if ! "$python" -c "import $2" 2>/dev/null; then
    echo "SKIP: Python module $2 is missing (see the Makefile's DEB_PACKAGES)"
    exit 77
  fi
  shift 2
fi
tests=()
for t in "$@"; do
  case $t in -*) tests+=("$t") ;; *) tests+=("$here/$t") ;; esac
done
cd "$build" || exit 1
"$python" -m pytest -q -p no:cacheprovider -rs "${tests[@]}"
rc=$?
if [ $rc -eq 5 ]; then
  echo "SKIP: pytest collected no tests"
  exit 77
fi
exit $rc
