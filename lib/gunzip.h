/* SPDX-License-Identifier: MIT */
/*
 * gunzip.h - gzip-compressed pages, decompressed in the library so every
 * caller (the tool, a program, a binding) gets the same answer.
 */
#ifndef PITH_GUNZIP_H
#define PITH_GUNZIP_H

#include <stddef.h>

#include <pith/pith.h>

#include "alloc.h"

/* 1 when s[0..n) starts with a gzip member's magic bytes (1f 8b 08). */
int pith__is_gzip(const char *s, size_t n);

/*
 * Decompress the gzip members in src[0..n) (several are joined, as gzip -d
 * does; bytes after the last one are ignored) into `out`, which is reset
 * first.  At most `max` bytes come out: past that the input is refused
 * with PITH_ERR_TOO_LARGE, or, with `truncate`, cut to `max` bytes (*cut
 * set); with `truncate` a stream that ends early is also kept as far as it
 * goes (*cut set), since the caller may have cut the compressed bytes.
 * Returns PITH_OK, PITH_ERR_TOO_LARGE, PITH_ERR_ENCODING (damaged or
 * truncated data) or PITH_ERR_NOMEM, and on an error a message without
 * the file name in msg[0..msglen) ("gzip: truncated input").
 */
pith_status pith__gunzip(const char *src, size_t n, size_t max, int truncate,
                         pith_buf *out, int *cut, char *msg, size_t msglen);

#endif
