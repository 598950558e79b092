#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# run.sh [SECONDS] [TARGET...] - build the libFuzzer targets with clang
# (ASan + UBSan) into build-fuzz/ and run each for SECONDS (default 60),
# starting from its saved corpus fuzz/corpus/<target> and html.dict.  New
# interesting inputs go to build-fuzz/corpus-<target>; crash reproducers to
# build-fuzz/ (copy them into fuzz/corpus/<target> once fixed, so the
# replay test keeps them).  Prints each target's execution count.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
secs=${1:-60}
shift || true
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/fuzz/fuzz_*.c; do
    t=$(basename "$f" .c)
    targets+=("${t#fuzz_}")
  done
fi
out="$root/build-fuzz"
mkdir -p "$out"
cflags=(-std=c11 -g -O1 -fsanitize=fuzzer,address,undefined
        -fno-sanitize-recover=all -I"$root/include" -I"$root/lib"
        $(xml2-config --cflags))
libs=($(xml2-config --libs) -lz -lpthread)
# libdeflate (the WARC reader's whole-member path), as in the CMake build.
if [ -e /usr/include/libdeflate.h ]; then
  cflags+=(-DPITH_HAVE_LIBDEFLATE)
  libs+=(-ldeflate)
fi
# The CLD2 shim is C++: where libcld2-dev is installed it is fuzzed too.
extra=()
if [ -e /usr/include/cld2/public/compact_lang_det.h ]; then
  clang++ -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
    -fno-sanitize-recover=all -c "$root/lib/lang_cld2.cc" -o "$out/lang_cld2.o"
  cflags+=(-DPITH_HAVE_CLD2)
  extra=("$out/lang_cld2.o" -lcld2 -lstdc++)
fi
for t in "${targets[@]}"; do
  clang "${cflags[@]}" "$root"/lib/*.c "$root/fuzz/fuzz_$t.c" "${extra[@]}" \
    "${libs[@]}" -o "$out/fuzz_$t"
  mkdir -p "$out/corpus-$t" "$root/fuzz/corpus/$t"
  seeds=()
  if [ "$t" = extract ]; then
    # The sample and golden pages are seeds too (copied: libFuzzer reads
    # directories).
    mkdir -p "$out/seeds-extract"
    cp "$root"/examples/*.html "$out/seeds-extract/"
    for g in "$root"/tests/golden/*/page.html; do
      cp "$g" "$out/seeds-extract/$(basename "$(dirname "$g")").html"
    done
    seeds=("$out/seeds-extract")
  fi
  echo "== fuzz_$t for ${secs}s"
  (cd "$out" && ./fuzz_"$t" -max_total_time="$secs" -max_len=65536 \
     -dict="$root/fuzz/html.dict" -print_final_stats=1 \
     "corpus-$t" "$root/fuzz/corpus/$t" "${seeds[@]}" 2>&1 |
     grep -E "stat::number_of_executed_units|ERROR|SUMMARY|crash-|leak" || true)
done
