/* SPDX-License-Identifier: MIT */
/*
 * output.c - buffered writing of results to standard output.
 *
 * stdout gets a 256 KiB buffer of our own (glibc ignores the size passed to
 * setvbuf() without a buffer), so the many small pieces of text output turn
 * into few large write() calls.  A write error is kept, not reported at
 * once, so that "pith --json *.html | head" stops quietly.
 */
#include "output.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static char out_buffer[1 << 18];
static int out_errno; /* 0, or the errno of the first failed write */

void output_init(void) {
  setvbuf(stdout, out_buffer, _IOFBF, sizeof out_buffer);
}

int output_write(const char *s, size_t n) {
  if (out_errno)
    return -1;
  if (n == 0)
    return 0;
  errno = 0;
  if (fwrite(s, 1, n, stdout) != n) {
    out_errno = errno ? errno : EIO;
    return -1;
  }
  return 0;
}

int output_line(const char *s) {
  size_t n = strlen(s);
  if (output_write(s, n) != 0)
    return -1;
  return output_write("\n", 1);
}

int output_text(const char *s) {
  size_t n = strlen(s);
  if (n == 0)
    return 0;
  if (output_write(s, n) != 0)
    return -1;
  return s[n - 1] == '\n' ? 0 : output_write("\n", 1);
}

int output_failed(void) { return out_errno != 0; }

int output_finish(void) {
  if (!out_errno) {
    errno = 0;
    if (fflush(stdout) != 0)
      out_errno = errno ? errno : EIO;
  }
  /* Close to catch errors only reported on close (e.g. on NFS).  Nothing
   * writes to stdout after this. */
  errno = 0;
  if (fclose(stdout) != 0 && !out_errno)
    out_errno = errno ? errno : EIO;
  if (!out_errno)
    return 0;
  if (out_errno != EPIPE)
    fprintf(stderr, "pith: write error: %s\n", strerror(out_errno));
  return -1;
}
