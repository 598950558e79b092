/* SPDX-License-Identifier: MIT */
/*
 * fuzz_sniff.c - libFuzzer target for the non-HTML detection: the magic
 * numbers on raw bytes, the decoded-text test, and the whole path through
 * pith_extractor_extract() (gzip first, then the tests), whose answer
 * must be a result or PITH_ERR_NOT_HTML / _ENCODING / _TOO_LARGE /
 * _EMPTY with a message, never a crash.  The decoded-text test must agree
 * with its contract: no answer on valid UTF-8 without enough bad
 * characters.
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

#include "decode.h"
#include "sniff.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *what = pith__sniff_magic(data, size);
  if (what && !*what)
    abort(); /* a name, never "" */
  /* The decoded-text test only reads valid UTF-8. */
  pith_buf out;
  pith__buf_init(&out);
  char cs[32];
  if (pith__decode((const char *)data, size, NULL, &out, cs) == 0) {
    int bin = pith__sniff_binary_text(out.data, out.len);
    if (bin && out.len < 8)
      abort(); /* at least 8 bad characters are needed */
  }
  pith__buf_free(&out);

  static pith_extractor *ex;
  if (!ex) {
    ex = pith_extractor_new(0);
    pith_extractor_set_max_input(ex, 1 << 20);
  }
  pith_result *res = NULL;
  pith_status st =
      pith_extractor_extract(ex, (const char *)data, size, NULL, NULL, &res);
  if ((st == PITH_OK) != (res != NULL))
    abort();
  if (st != PITH_OK && !*pith_extractor_error(ex))
    abort(); /* every failure says why */
  if (st == PITH_ERR_NOT_HTML &&
      strncmp(pith_extractor_error(ex), "not HTML: ", 10) != 0)
    abort();
  pith_result_free(res);
  return 0;
}
