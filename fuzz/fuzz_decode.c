/* SPDX-License-Identifier: MIT */
/*
 * fuzz_decode.c - libFuzzer target for the charset stage: any bytes in,
 * and the output must be valid UTF-8 without NUL bytes.  The first byte
 * picks a charset hint.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "decode.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *const hints[] = {NULL,
                                      "utf-8",
                                      "windows-1252",
                                      "shift_jis",
                                      "utf-16le",
                                      "iso-2022-jp",
                                      "gb18030",
                                      "euc-kr",
                                      "koi8-r",
                                      "bogus",
                                      "text/html; charset=utf-16be"};
  const char *hint = NULL;
  if (size) {
    hint = hints[data[0] % (sizeof hints / sizeof hints[0])];
    data++;
    size--;
  }
  pith_buf out;
  pith__buf_init(&out);
  char charset[32];
  if (pith__decode((const char *)data, size, hint, &out, charset) == 0) {
    if (!pith__utf8_valid(out.data, out.len) ||
        memchr(out.data, '\0', out.len) != NULL)
      abort(); /* the stage's contract is broken */
  }
  pith__buf_free(&out);
  return 0;
}
