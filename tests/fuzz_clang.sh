#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# fuzz_clang.sh BUILD_DIR - replay every committed fuzz input (and the
# sample and golden pages) under a clang ASan + UBSan build of the targets
# (fuzz/build.sh replay, into BUILD_DIR/fuzz-clang).  clang's UBSan checks
# more than gcc's (a NULL + 0 offset, for one), so a fault the fuzzers
# would stop at at once is seen in `make test`.  Skips (77) without clang.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build=${1:?usage: fuzz_clang.sh BUILD_DIR}
if ! command -v clang >/dev/null 2>&1; then
  echo "SKIP: clang is not installed"
  exit 77
fi
out="$build/fuzz-clang"
"$root/fuzz/build.sh" replay "$out"
failed=0
for f in "$root"/fuzz/fuzz_*.c; do
  t=$(basename "$f" .c)
  t=${t#fuzz_}
  args=("$root/fuzz/corpus/$t")
  if [ "$t" = extract ]; then
    args+=("$root"/examples/*.html "$root"/tests/golden/*/page.html)
  fi
  # The replay binary stops at the first sanitizer report (exit status 1).
  if ! "$out/replay_$t" "${args[@]}"; then
    echo "FAIL: replay_$t under clang ASan + UBSan" >&2
    failed=1
  fi
done
exit $failed
