#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
#
# build.sh MODE OUT [TARGET...] - compile the fuzz targets with clang, ASan
# and UBSan (-fno-sanitize-recover=all: the first report aborts) into OUT.
#   MODE fuzzer: libFuzzer binaries OUT/fuzz_<target> (fuzz/run.sh);
#   MODE replay: OUT/replay_<target>, the same target linked with
#                fuzz/replay.c instead of libFuzzer, to run saved inputs
#                (tests/fuzz_clang.sh, in `make test`).
# The library's objects are compiled once into OUT/obj-MODE and only again
# when a source or header is newer than they are.  Used by the two scripts
# above; it exits 77 when clang is not installed.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
mode=$1
out=$2
shift 2
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  for f in "$root"/fuzz/fuzz_*.c; do
    t=$(basename "$f" .c)
    targets+=("${t#fuzz_}")
  done
fi
command -v clang >/dev/null 2>&1 || { echo "build.sh: clang not found" >&2; exit 77; }
case "$mode" in
  fuzzer) san=fuzzer,address,undefined; objsan=fuzzer-no-link,address,undefined ;;
  replay) san=address,undefined; objsan=$san ;;
  *) echo "build.sh: MODE is fuzzer or replay" >&2; exit 2 ;;
esac
obj="$out/obj-$mode"
mkdir -p "$obj"
cflags=(-std=c11 -g -O1 -fno-sanitize-recover=all -I"$root/include"
        -I"$root/lib" $(xml2-config --cflags))
libs=($(xml2-config --libs) -lz -lpthread)
# libdeflate (the WARC reader's whole-member path), as in the CMake build.
if [ -e /usr/include/libdeflate.h ]; then
  cflags+=(-DPITH_HAVE_LIBDEFLATE)
  libs+=(-ldeflate)
fi
# Optional libraries the CMake build links when they are installed.
if [ -e /usr/include/uchardet/uchardet.h ] && grep -q uchardet "$root/lib/decode_detect.c"; then
  cflags+=(-DPITH_HAVE_UCHARDET $(pkg-config --cflags uchardet 2>/dev/null))
  libs+=(-luchardet -lstdc++)
fi
# The CLD2 shim is C++: where libcld2-dev is installed it is built too.
cxx=()
if [ -e /usr/include/cld2/public/compact_lang_det.h ] && command -v clang++ >/dev/null; then
  cflags+=(-DPITH_HAVE_CLD2)
  cxx=("$root/lib/lang_cld2.cc")
  libs+=(-lcld2 -lstdc++)
fi
# The tokenizer's generated entity table (as CMakeLists.txt makes it).
mkdir -p "$obj/gen"
if [ ! -e "$obj/gen/html5_entities.h" ] || [ "$root/tools/gen_entities.py" -nt "$obj/gen/html5_entities.h" ]; then
  python3 "$root/tools/gen_entities.py" "$obj/gen/html5_entities.h"
fi
cflags+=(-I"$obj/gen")
# Rebuild the objects when any library source or header is newer.
stamp="$obj/.stamp"
if [ ! -e "$stamp" ] || [ -n "$(find "$root/lib" "$root/include" -newer "$stamp" -type f | head -1)" ]; then
  rm -f "$obj"/*.o
  printf '%s\n' "$root"/lib/*.c |
    xargs -P "${JOBS:-2}" -I{} sh -c \
      's=$1; shift; exec clang "$@" -c "$s" -o "$0/$(basename "$s").o"' \
      "$obj" {} "${cflags[@]}" -fsanitize="$objsan"
  for c in "${cxx[@]}"; do
    clang++ -g -O1 -fno-sanitize-recover=all -fsanitize="$objsan" \
      -I"$root/lib" -c "$c" -o "$obj/$(basename "$c").o"
  done
  touch "$stamp"
fi
for t in "${targets[@]}"; do
  bin="$out/${mode/fuzzer/fuzz}_$t"
  srcs=("$root/fuzz/fuzz_$t.c")
  [ "$mode" = replay ] && srcs+=("$root/fuzz/replay.c")
  if [ ! -e "$bin" ] || [ -n "$(find "$stamp" "${srcs[@]}" -newer "$bin" | head -1)" ]; then
    clang "${cflags[@]}" -fsanitize="$san" "${srcs[@]}" "$obj"/*.o \
      "${libs[@]}" -o "$bin"
  fi
done
