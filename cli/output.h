/* SPDX-License-Identifier: MIT */
/*
 * output.h - buffered writing of the tool's results to standard output.
 *
 * The first write error is remembered and makes later writes no-ops, so the
 * main loop checks output_failed() once per input and output_finish() once
 * at the end.
 */
#ifndef PITH_CLI_OUTPUT_H
#define PITH_CLI_OUTPUT_H

#include <stddef.h>

/* Give standard output a large buffer; call before the first write. */
void output_init(void);

/* Write s[0..n).  Returns 0, or -1 once any write has failed. */
int output_write(const char *s, size_t n);

/* Write a NUL-terminated string followed by a newline. */
int output_line(const char *s);

/* Write a document's text, ending it with a newline if it has none; an
 * empty text writes nothing. */
int output_text(const char *s);

/* Non-zero once a write has failed. */
int output_failed(void);

/* Flush and close standard output.  Returns 0, or -1 when any write failed;
 * the error is reported on stderr unless it is EPIPE (the reader went
 * away, as with "pith ... | head"), which is not worth a message. */
int output_finish(void);

#endif
