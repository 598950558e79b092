#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# seed.sh [PITH] - check the pith tool against the hand-made seed fixture
# (../shared/fixtures/seed/alliance-news.*) with ../shared/bench/seedcheck.py,
# counting only the fields pith supports so far (see seedcheck_core.py).
# PITH defaults to build/pith.  Exits 77 (CTest "skipped") when ../shared,
# relative to the repository root, is absent.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
shared=$root/../shared
pith=${1:-$root/build/pith}

if [ ! -d "$shared" ]; then
  echo "SKIP: ../shared not found"
  exit 77
fi
if ! command -v python3 >/dev/null 2>&1; then
  echo "SKIP: python3 not found"
  exit 77
fi

exec python3 "$root/tests/seedcheck_core.py" "$shared/bench/seedcheck.py" \
  "$pith" "$shared/fixtures/seed/alliance-news.html" \
  "$shared/fixtures/seed/alliance-news.expected.json"
