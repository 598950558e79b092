/* SPDX-License-Identifier: MIT */
/*
 * gunzip.c - gzip-compressed pages.  The gzip trailer's ISIZE field sizes
 * the output buffer, so the usual single-member page is inflated with one
 * allocation - by one libdeflate call when built with it (whole members,
 * 2 to 3 times faster than zlib), with zlib streaming as the fallback that
 * also names the damage.  The output never grows past the size cap, so a
 * gzip bomb costs no more memory than a page of that size.
 */
#include "gunzip.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <zlib.h>
#ifdef PITH_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

int pith__is_gzip(const char *s, size_t n) {
  return n >= 3 && (unsigned char)s[0] == 0x1f && (unsigned char)s[1] == 0x8b &&
         (unsigned char)s[2] == 8;
}

#ifdef PITH_HAVE_LIBDEFLATE
/* Whole members with libdeflate, one call each, into out's free space.
 * Returns 1 when the input is done (no member follows the last one), 0
 * when zlib takes over at *pos: a member that does not fit (ISIZE was not
 * its size), is damaged or cut short, or has a header CRC (which
 * libdeflate does not check).  libdeflate checks the CRC-32 and length in
 * the trailer as zlib does. */
static int whole_members(const unsigned char *src, size_t n, size_t *pos,
                         pith_buf *out) {
  struct libdeflate_decompressor *ld = libdeflate_alloc_decompressor();
  if (!ld)
    return 0;
  int done = 0;
  while (n - *pos >= 4 && (src[*pos + 3] & 0xe2) == 0) {
    size_t in_used = 0, out_used = 0;
    if (libdeflate_gzip_decompress_ex(
            ld, src + *pos, n - *pos, (unsigned char *)out->data + out->len,
            out->cap - 1 - out->len, &in_used, &out_used) != LIBDEFLATE_SUCCESS)
      break;
    *pos += in_used;
    out->len += out_used;
    if (!pith__is_gzip((const char *)src + *pos, n - *pos)) {
      done = 1;
      break;
    }
  }
  libdeflate_free_decompressor(ld);
  return done;
}
#endif

pith_status pith__gunzip(const char *source, size_t n, size_t max, int truncate,
                         pith_buf *out, int *cut, char *msg, size_t msglen) {
  const unsigned char *src = (const unsigned char *)source;
  pith_status st = PITH_OK;
  *cut = 0;
  msg[0] = '\0';
  if (max > ((size_t)1 << 40))
    max = (size_t)1 << 40; /* room for max + 1; the buffer caps lower */
  pith__buf_reset(out);
  /* ISIZE, the last member's size mod 2^32, is only a hint: wrong for
   * several members, pages over 4 GiB or damaged files, so the buffer
   * still grows as needed, but never past max + 1 bytes. */
  size_t isize = 0, want = 4096;
  if (n >= 18) {
    isize = (size_t)src[n - 4] | (size_t)src[n - 3] << 8 |
            (size_t)src[n - 2] << 16 | (size_t)src[n - 1] << 24;
    if (isize > want)
      want = isize;
  }
  if (want > max + 1)
    want = max + 1;
  if (!pith__buf_reserve(out, want))
    return PITH_ERR_NOMEM;
  size_t pos = 0;
#ifdef PITH_HAVE_LIBDEFLATE
  if (n >= 18 && isize <= max && whole_members(src, n, &pos, out))
    goto done;
#endif
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 16) != Z_OK)
    return PITH_ERR_NOMEM;
  for (;;) {
    if (out->len > max)
      break; /* over the cap: settled below */
    if (out->len + 1 >= out->cap) {
      size_t grow = out->len <= max / 2 ? out->len : max + 1 - out->len;
      if (!pith__buf_reserve(out, grow ? grow : 4096)) {
        st = PITH_ERR_NOMEM;
        break;
      }
    }
    /* zlib counts in uInt: feed and drain at most UINT_MAX at a time, and
     * never more than one byte past the cap. */
    size_t in = n - pos < UINT_MAX ? n - pos : UINT_MAX;
    size_t room = out->cap - 1 - out->len;
    if (room > max + 1 - out->len)
      room = max + 1 - out->len;
    if (room > UINT_MAX)
      room = UINT_MAX;
    zs.next_in = (unsigned char *)(src + pos);
    zs.avail_in = (uInt)in;
    zs.next_out = (unsigned char *)out->data + out->len;
    zs.avail_out = (uInt)room;
    int ret = inflate(&zs, Z_NO_FLUSH);
    pos += in - zs.avail_in;
    out->len += room - zs.avail_out;
    if (ret == Z_STREAM_END) {
      if (pith__is_gzip((const char *)src + pos, n - pos)) {
        inflateReset(&zs);
        continue;
      }
      break; /* anything after the last member is ignored, as gzip -d */
    }
    if (ret == Z_OK || (ret == Z_BUF_ERROR && zs.avail_out == 0))
      continue;
    if (ret == Z_BUF_ERROR && truncate) {
      *cut = 1; /* the compressed data ends early: keep what came out */
      break;
    }
    if (ret == Z_MEM_ERROR) {
      st = PITH_ERR_NOMEM;
    } else {
      st = PITH_ERR_ENCODING;
      if (ret == Z_BUF_ERROR)
        snprintf(msg, msglen, "gzip: truncated input");
      else
        snprintf(msg, msglen, "gzip: corrupt input (%s)",
                 zs.msg ? zs.msg : "invalid data");
    }
    break;
  }
  inflateEnd(&zs);
#ifdef PITH_HAVE_LIBDEFLATE
done:
#endif
  if (st != PITH_OK)
    return st;
  if (out->len > max) {
    if (!truncate) {
      snprintf(msg, msglen, "input too large (over %zu bytes after gunzip)",
               max);
      return PITH_ERR_TOO_LARGE;
    }
    out->len = max;
    *cut = 1;
  }
  out->data[out->len] = '\0';
  return PITH_OK;
}
