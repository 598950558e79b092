/* SPDX-License-Identifier: MIT */
/*
 * input.h - reading one input (a file or standard input) fully into
 * memory; gzip-compressed input is decompressed by the library.
 */
#ifndef PITH_CLI_INPUT_H
#define PITH_CLI_INPUT_H

#include <stddef.h>

typedef struct {
  char *data; /* malloc'd; free with input_free() */
  size_t len;
  int truncated; /* cut at the size cap (truncate mode) */
} input_buf;

/*
 * Read all of `path` (NULL or "-" means standard input) into *in.  `max`
 * caps the size of the page, so a huge file is refused without using more
 * than about `max` bytes of memory - or, with `truncate`, cut to its first
 * `max` bytes (in->truncated set).  Input that starts with the gzip magic
 * bytes 1f 8b is read as it is, up to a little over `max` (gzip framing
 * can make incompressible data larger), for the library to decompress
 * within the same cap.
 * Returns 0 on success.  On failure returns -1, leaves *in empty and
 * writes a one-line message (no file name, no newline) to err[errlen].
 */
int input_read(const char *path, size_t max, int truncate, input_buf *in,
               char *err, size_t errlen);

/* Like input_read() on standard input, when its first `plen` bytes have
 * already been read into `prefix` (malloc'd, `pcap` bytes; taken over
 * whatever happens). */
int input_read_stdin_rest(char *prefix, size_t plen, size_t pcap, size_t max,
                          int truncate, input_buf *in, char *err,
                          size_t errlen);

/* Release the data of *in and leave it empty. */
void input_free(input_buf *in);

#endif
