/* SPDX-License-Identifier: MIT */
/*
 * fuzz_warc.c - libFuzzer target for the streaming WARC reader.
 *
 * The first byte picks the chunk size (1..32 bytes) the reader is fed in
 * and whether the record cap is tiny (so the oversized-record path is
 * fuzzed too); the rest is the WARC input, plain or gzip.  Every record is
 * read to the end and every getter called, so ASan sees any out-of-bounds
 * read.  Build by hand (not wired into CMake yet):
 *
 *   clang -g -O1 -fsanitize=fuzzer,address,undefined -Iinclude -Ilib \
 *     fuzz/fuzz_warc.c lib/warc.c lib/alloc.c lib/pith.c ... -lz [-ldeflate]
 *
 * or link against build-asan/libpith.a with -lxml2 -lz -lm.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "pith/pith.h"

typedef struct {
  const uint8_t *d;
  size_t len, pos, chunk;
} src;

static ptrdiff_t feed(void *ctx, char *buf, size_t len) {
  src *s = ctx;
  size_t n = s->len - s->pos;
  if (n > s->chunk)
    n = s->chunk;
  if (n > len)
    n = len;
  memcpy(buf, s->d + s->pos, n);
  s->pos += n;
  return (ptrdiff_t)n;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  src s = {data + 1, size - 1, 0, 1 + (data[0] & 31)};
  pith_warc_reader *r = pith_warc_reader_new(feed, &s);
  if (!r)
    return 0;
  if (data[0] & 0x80)
    pith_warc_reader_set_max_record(r, 64);
  volatile size_t sink = 0;
  for (int guard = 0; guard < 1000000; guard++) {
    const pith_warc_record *rec;
    pith_status st = pith_warc_reader_next(r, &rec);
    if (!rec)
      break;
    size_t len;
    const char *body = pith_warc_record_body(rec, &len);
    for (size_t i = 0; i < len; i++)
      sink += (unsigned char)body[i];
    sink += strlen(pith_warc_record_type(rec)) +
            strlen(pith_warc_record_target_uri(rec)) +
            strlen(pith_warc_record_id(rec)) +
            strlen(pith_warc_record_date(rec)) +
            strlen(pith_warc_record_error(rec)) +
            strlen(pith_warc_record_content_type(rec)) +
            strlen(pith_warc_record_charset(rec)) +
            (size_t)pith_warc_record_http_status(rec) +
            (size_t)pith_warc_record_is_html(rec) + (size_t)st;
  }
  (void)sink;
  pith_warc_reader_free(r);
  return 0;
}
