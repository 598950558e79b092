/* SPDX-License-Identifier: MIT */
/*
 * input.c - read a file or standard input into memory.
 *
 * POSIX read() is used rather than stdio so that a regular file is read
 * into a buffer of exactly its size in one go (fstat gives the size), and
 * standard input, pipes and other streams grow a buffer up to the cap.
 * Compressed input is recognised by its magic bytes, not its file name, so
 * "pith < page.html.gz" works too; the library decompresses it (within
 * the size cap), so this file only lets compressed bytes in a little over
 * the cap.
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

/* The bytes read become the page, checked against (or, with `truncate`,
 * cut at) the size cap; gzip bytes are left to the library, which holds
 * what they inflate to to the cap.  Takes buf over. */
static int finish(char *buf, size_t len, size_t max, int truncate, int raw_cut,
                  input_buf *in, char *err, size_t errlen) {
  if (is_gzip(buf, len)) {
    in->data = buf;
    in->len = len;
    in->truncated = raw_cut; /* the compressed bytes were cut here */
    return 0;
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
