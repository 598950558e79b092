#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# check_exports.sh LIBPITH.so - check that the shared library exports the
# public pith_* API and nothing else: no pith__* internals, no helper
# symbols.  Exits 77 (CTest "skipped") when nm is not installed.
set -euo pipefail

lib=${1:?usage: check_exports.sh LIBPITH.so}
if ! command -v nm >/dev/null 2>&1; then
  echo "SKIP: nm not found"
  exit 77
fi

syms=$(nm -D --defined-only "$lib" | awk 'NF >= 3 { print $3 }' | sort)
if ! grep -qx 'pith_extract' <<<"$syms"; then
  echo "FAIL: pith_extract is not exported by $lib"
  exit 1
fi
bad=$(grep -v '^pith_[a-z]' <<<"$syms" || true)
bad+=$(grep '^pith__' <<<"$syms" || true)
if [ -n "$bad" ]; then
  echo "FAIL: unexpected exports from $lib:"
  echo "$bad"
  exit 1
fi
echo "ok: $(wc -l <<<"$syms") exported symbols, all pith_*"
