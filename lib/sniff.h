/* SPDX-License-Identifier: MIT */
/*
 * sniff.h - is a payload a text document at all?  A PDF renamed .html, an
 * image, an archive or random bytes must not come out as pages of
 * mojibake: the pipeline asks these two questions, one on the raw bytes
 * (a binary format's magic number) and one on the decoded text (the share
 * of characters no text document holds), and fails with
 * PITH_ERR_NOT_HTML when either says "binary".
 */
#ifndef PITH_SNIFF_H
#define PITH_SNIFF_H

#include <stddef.h>

/* What the bytes s[0..n) look like when they start with the magic number
 * of a common binary format ("PDF document", "PNG image", "ZIP archive",
 * ...): a static string, or NULL when no binary format matches (which
 * does not mean the bytes are text).  Input that starts with a Unicode
 * byte-order mark is text and never matches. */
const char *pith__sniff_magic(const unsigned char *s, size_t n);

/* 1 when the decoded text s[0..n) (valid UTF-8 from pith__decode()) is
 * binary data read as characters rather than a text document: among the
 * characters of its first 64 KiB (and of 16 KiB from its middle, for a
 * longer text) at least 8, and more than 1 in 40, are ones that text
 * does not hold (a few stray bytes in a short page are not enough): C0
 * controls other than tab, line feed, form feed, carriage return and
 * escape, C1 controls (U+0080..U+009F) and U+FFFD, the replacement for
 * NUL bytes and for bytes the charset does not define.  0 otherwise. */
int pith__sniff_binary_text(const char *s, size_t n);

#endif
