/* SPDX-License-Identifier: MIT */
/*
 * input.c - read a file or standard input into memory and gunzip it.
 *
 * POSIX read() is used rather than stdio so that a regular file is read
 * into a buffer of exactly its size in one go (fstat gives the size), and
 * standard input, pipes and other streams grow a buffer up to the cap.
 * Compressed input is recognised by its magic bytes, not its file name, so
 * "pith < page.html.gz" works too.  The gzip trailer's ISIZE field sizes
 * the output buffer, so the usual single-member file is inflated with one
 * allocation and no copying - by one libdeflate call when built with it
 * (whole members, 2 to 3 times faster than zlib), with zlib streaming as
 * the fallback that also gives the error messages.
 */
#define _POSIX_C_SOURCE 200809L

#include "input.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <zlib.h>

#ifdef PITH_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
static void
set_err(char *err, size_t errlen, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* A compressed page can be a little larger than the page itself (gzip
 * framing around incompressible data), so the raw read is allowed some
 * slack over the cap; the decompressed size is then held to `max`. */
static size_t raw_cap_for(size_t max) {
  size_t slack = max / 8 + 65536;
  return max > SIZE_MAX - 1 - slack ? SIZE_MAX - 1 : max + slack;
}

static int is_gzip(const char *d, size_t n) {
  return n >= 2 && (unsigned char)d[0] == 0x1f && (unsigned char)d[1] == 0x8b;
}

#ifdef PITH_HAVE_LIBDEFLATE
/* Decompress whole gzip members from src[*pos..srclen) into buf[*len..cap)
 * with libdeflate, one call a member, advancing *pos and *len past each.
 * Returns 1 when the input is done (no gzip member follows the last one;
 * anything else after it is ignored, as gzip -d does), 0 when a member is
 * left to zlib at *pos: one that does not fit in the buffer (ISIZE was
 * not its size: several members, or a corrupt trailer), is damaged or cut
 * short (zlib then says how), or has a header CRC (which libdeflate does
 * not check).  libdeflate checks the CRC-32 and length in the trailer as
 * zlib does; the two differ only on deflate data no compressor writes
 * (libdeflate decodes the reserved distance codes 30 and 31, zlib refuses
 * them), so a crafted member with those codes and a matching CRC is read
 * here where zlib would call it corrupt. */
static int whole_members(const unsigned char *src, size_t srclen, size_t *pos,
                         unsigned char *buf, size_t cap, size_t *len) {
  struct libdeflate_decompressor *ld = libdeflate_alloc_decompressor();
  if (!ld)
    return 0;
  int done = 0;
  /* The flag byte: FHCRC (0x02) or reserved bits set go to zlib. */
  while (srclen - *pos >= 4 && (src[*pos + 3] & 0xe2) == 0) {
    size_t in_used = 0, out_used = 0;
    if (libdeflate_gzip_decompress_ex(ld, src + *pos, srclen - *pos, buf + *len,
                                      cap - *len, &in_used,
                                      &out_used) != LIBDEFLATE_SUCCESS)
      break;
    *pos += in_used;
    *len += out_used;
    if (!is_gzip((const char *)src + *pos, srclen - *pos)) {
      done = 1;
      break;
    }
  }
  libdeflate_free_decompressor(ld);
  return done;
}
#endif

/* Inflate the gzip members from src[pos..srclen) with zlib, appending to
 * *buf (*cap bytes, *len used), which grows as needed up to max + 1 bytes.
 * Returns 0, or 1 with a message written. */
static int inflate_members(const unsigned char *src, size_t srclen, size_t pos,
                           unsigned char **bufp, size_t *capp, size_t *lenp,
                           size_t max, int truncate, input_buf *out, char *err,
                           size_t errlen) {
  unsigned char *buf = *bufp;
  size_t cap = *capp, len = *lenp;
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  /* 15 + 32: the largest window, and detect the gzip (or zlib) header. */
  if (inflateInit2(&zs, 15 + 32) != Z_OK) {
    set_err(err, errlen, "gzip: cannot initialise zlib");
    return 1;
  }

  int failed = 0;
  for (;;) {
    if (len == cap) {
      if (cap > max) {
        if (truncate)
          break; /* enough: the rest is cut */
        set_err(err, errlen, "input too large (over %zu bytes after gunzip)",
                max);
        failed = 1;
        break;
      }
      size_t ncap = cap <= (max + 1) / 2 ? cap * 2 : max + 1;
      unsigned char *nbuf = realloc(buf, ncap);
      if (!nbuf) {
        set_err(err, errlen, "out of memory");
        failed = 1;
        break;
      }
      buf = nbuf;
      cap = ncap;
    }
    /* zlib counts in uInt, so feed and drain at most UINT_MAX at a time. */
    size_t in_chunk = srclen - pos < UINT_MAX ? srclen - pos : UINT_MAX;
    size_t out_chunk = cap - len < UINT_MAX ? cap - len : UINT_MAX;
    zs.next_in = (unsigned char *)(src + pos);
    zs.avail_in = (uInt)in_chunk;
    zs.next_out = buf + len;
    zs.avail_out = (uInt)out_chunk;
    int ret = inflate(&zs, Z_NO_FLUSH);
    pos += in_chunk - zs.avail_in;
    len += out_chunk - zs.avail_out;

    if (ret == Z_STREAM_END) {
      /* Another member follows: go on.  Anything else after a complete
       * member (padding, junk) is ignored, as gzip -d does. */
      if (is_gzip((const char *)src + pos, srclen - pos)) {
        inflateReset(&zs);
        continue;
      }
      break;
    }
    if (ret == Z_OK)
      continue;
    if (ret == Z_BUF_ERROR && zs.avail_out == 0)
      continue; /* the output buffer is full: grow it */
    if (ret == Z_BUF_ERROR && truncate > 1) {
      out->truncated = 1; /* we cut the compressed data ourselves */
      break;
    }
    if (ret == Z_BUF_ERROR)
      set_err(err, errlen, "gzip: truncated input");
    else if (ret == Z_MEM_ERROR)
      set_err(err, errlen, "out of memory");
    else /* Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR */
      set_err(err, errlen, "gzip: corrupt input (%s)",
              zs.msg ? zs.msg : "invalid data");
    failed = 1;
    break;
  }
  inflateEnd(&zs);

  *bufp = buf;
  *capp = cap;
  *lenp = len;
  return failed;
}

/* Gunzip src[0..srclen) into *out, at most `max` bytes. */
static int gunzip(const unsigned char *src, size_t srclen, size_t max,
                  int truncate, input_buf *out, char *err, size_t errlen) {
  /* ISIZE, the last member's uncompressed size mod 2^32, is only a hint:
   * it is wrong for several members, pages over 4 GiB or corrupt files, so
   * the buffer still grows as needed, but never beyond max + 1 bytes. */
  size_t cap = 4096, isize = 0;
  if (srclen >= 18) {
    isize = (size_t)src[srclen - 4] | (size_t)src[srclen - 3] << 8 |
            (size_t)src[srclen - 2] << 16 | (size_t)src[srclen - 1] << 24;
    if (isize > cap)
      cap = isize;
  }
  if (cap > max + 1)
    cap = max + 1;

  unsigned char *buf = malloc(cap);
  if (!buf) {
    set_err(err, errlen, "out of memory");
    return -1;
  }
  size_t pos = 0, len = 0;
  int done = 0, failed = 0;
#ifdef PITH_HAVE_LIBDEFLATE
  /* A plausible ISIZE (a whole trailer, a size within the cap) makes the
   * buffer fit the usual single member: decompress it in one call.  What
   * libdeflate leaves, zlib takes up from that member's start, exactly as
   * if it had inflated the members before it itself. */
  if (srclen >= 18 && isize <= max)
    done = whole_members(src, srclen, &pos, buf, cap, &len);
#endif
  if (!done)
    failed = inflate_members(src, srclen, pos, &buf, &cap, &len, max, truncate,
                             out, err, errlen);

  if (!failed && len > max) {
    if (truncate) {
      len = max + 1; /* the library cuts it to max and flags the result */
      out->truncated = 1;
    } else {
      set_err(err, errlen, "input too large (over %zu bytes after gunzip)",
              max);
      failed = 1;
    }
  }
  if (failed) {
    free(buf);
    return -1;
  }
  out->data = (char *)buf;
  out->len = len;
  return 0;
}

/* Read fd to its end into *buf (malloc'd, *cap bytes, *len used), growing
 * it up to raw_cap.  Past raw_cap the input is too large - or, with
 * `truncate`, cut (*raw_cut set).  On failure *buf is freed and a message
 * written.  Returns 0 or -1. */
static int read_rest(int fd, char **buf, size_t *len, size_t *cap,
                     size_t raw_cap, size_t max, int truncate, int *raw_cut,
                     char *err, size_t errlen) {
  for (;;) {
    if (*len == *cap) {
      if (*cap > raw_cap) {
        if (truncate) {
          *raw_cut = 1;
          return 0; /* enough: the rest is cut */
        }
        set_err(err, errlen, "input too large (more than %zu bytes, max %zu)",
                raw_cap, max);
        break;
      }
      size_t ncap = *cap <= (raw_cap + 1) / 2 ? *cap * 2 : raw_cap + 1;
      char *nbuf = realloc(*buf, ncap);
      if (!nbuf) {
        set_err(err, errlen, "out of memory");
        break;
      }
      *buf = nbuf;
      *cap = ncap;
    }
    size_t want = *cap - *len < SSIZE_MAX ? *cap - *len : SSIZE_MAX;
    ssize_t n = read(fd, *buf + *len, want);
    if (n < 0) {
      if (errno == EINTR)
        continue;
      set_err(err, errlen, "cannot read: %s", strerror(errno));
      break;
    }
    if (n == 0)
      return 0;
    *len += (size_t)n;
  }
  free(*buf);
  *buf = NULL;
  return -1;
}

/* The bytes read become the page: gunzipped when they are gzip, checked
 * against (or, with `truncate`, cut at) the size cap.  Takes buf over. */
static int finish(char *buf, size_t len, size_t max, int truncate, int raw_cut,
                  input_buf *in, char *err, size_t errlen) {
  if (is_gzip(buf, len)) {
    /* truncate 2: the compressed data was cut here, its end is expected. */
    int rc = gunzip((const unsigned char *)buf, len, max,
                    truncate ? 1 + raw_cut : 0, in, err, errlen);
    free(buf);
    return rc;
  }
  if (len > max) {
    if (!truncate) {
      set_err(err, errlen, "input too large (%zu bytes, max %zu)", len, max);
      free(buf);
      return -1;
    }
    len = max + 1; /* the library cuts it to max and flags the result */
    in->truncated = 1;
  }
  in->data = buf;
  in->len = len;
  return 0;
}

int input_read(const char *path, size_t max, int truncate, input_buf *in,
               char *err, size_t errlen) {
  in->data = NULL;
  in->len = 0;
  in->truncated = 0;
  int use_stdin = !path || strcmp(path, "-") == 0;
  int fd = use_stdin ? STDIN_FILENO : open(path, O_RDONLY);
  if (fd < 0) {
    set_err(err, errlen, "cannot open: %s", strerror(errno));
    return -1;
  }

  size_t raw_cap = raw_cap_for(max);
  size_t cap = 65536;
  struct stat st;
  int regular = fstat(fd, &st) == 0 && S_ISREG(st.st_mode);
  if (regular) {
    if ((unsigned long long)st.st_size > raw_cap && !truncate) {
      set_err(err, errlen, "input too large (%llu bytes, max %zu)",
              (unsigned long long)st.st_size, max);
      if (!use_stdin)
        close(fd);
      return -1;
    }
    /* One byte more than the size, so the read that returns 0 (end of
     * file) needs no growth.  Files that report size 0 but have content
     * (/proc) still start with a sensible buffer. */
    cap = (unsigned long long)st.st_size < raw_cap ? (size_t)st.st_size + 1
                                                   : raw_cap + 1;
    if (cap < 4096)
      cap = 4096;
  }

  char *buf = malloc(cap);
  size_t len = 0;
  int raw_cut = 0, rc = -1;
  if (!buf)
    set_err(err, errlen, "out of memory");
  else
    rc = read_rest(fd, &buf, &len, &cap, raw_cap, max, truncate, &raw_cut, err,
                   errlen);
  if (!use_stdin)
    close(fd);
  if (rc != 0)
    return -1;
  return finish(buf, len, max, truncate, raw_cut, in, err, errlen);
}

void input_free(input_buf *in) {
  free(in->data);
  in->data = NULL;
  in->len = 0;
}

int input_read_stdin_rest(char *prefix, size_t plen, size_t pcap, size_t max,
                          int truncate, input_buf *in, char *err,
                          size_t errlen) {
  in->data = NULL;
  in->len = 0;
  in->truncated = 0;
  int raw_cut = 0;
  char *buf = prefix;
  size_t len = plen, cap = pcap;
  if (read_rest(STDIN_FILENO, &buf, &len, &cap, raw_cap_for(max), max, truncate,
                &raw_cut, err, errlen) != 0)
    return -1;
  return finish(buf, len, max, truncate, raw_cut, in, err, errlen);
}
