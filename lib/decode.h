/* SPDX-License-Identifier: MIT */
/*
 * decode.h - the charset stage: raw page bytes in, valid UTF-8 out.
 *
 * Every page passes through pith__decode() before parsing, so later stages
 * can assume their input is valid UTF-8 without NUL bytes.  The charset is
 * taken from a byte-order mark, else a <meta> declaration in the first
 * 4096 bytes, else the caller's hint, else guessed: UTF-16 when NUL bytes
 * say so, UTF-8 if the bytes are valid UTF-8, else what Mozilla's
 * universal charset detector (uchardet, when built with it) says, else
 * windows-1252.  Labels follow the WHATWG Encoding standard.  UTF-8,
 * windows-1252 and UTF-16 are decoded by hand; other
 * charsets go through iconv.  Mojibake (UTF-8 once read as windows-1252
 * and encoded again) is repaired afterwards (mojibake.c).
 */
#ifndef PITH_DECODE_H
#define PITH_DECODE_H

#include <stddef.h>

#include "alloc.h"

/* Decode raw page bytes into valid UTF-8 that contains no NUL bytes.
 * `hint` (may be NULL) is a charset name from outside (e.g. an HTTP header).
 * On success returns 0, `out` (initialised by caller with pith__buf_init)
 * holds the UTF-8 text, and `charset` receives the canonical upper-case name
 * of the charset decoded from (e.g. "UTF-8", "WINDOWS-1252", "SHIFT_JIS",
 * "UTF-16LE"), NUL-terminated, at most 31 chars.
 * Returns -1 when out of memory (out->oom set).
 *
 * The text is appended to `out`, which the caller still owns and frees with
 * pith__buf_free(); on success out->data is never NULL, even for empty
 * input.  `buf` is only read, never kept.  NUL bytes become U+FFFD; other
 * C0 controls are kept as they are (they are valid UTF-8, and the HTML
 * parser deals with them as a browser does).  Bytes that are invalid for
 * the charset become U+FFFD, except in UTF-8 input, where each invalid byte
 * is read as windows-1252 (pages declared UTF-8 often contain stray cp1252
 * bytes).  A declaration or hint of any legacy charset (windows-1252,
 * gb2312, Shift_JIS, ...) is overridden by UTF-8 when the bytes are valid
 * UTF-8 and contain at least one multi-byte sequence: such pages are
 * mislabelled, and legacy text is practically never valid UTF-8 by
 * accident.  A UTF-16 hint without a BOM
 * is only believed when the first 1 KiB contains NUL bytes, whose positions
 * then pick the byte order.
 *
 * Mojibake is then repaired when the page shows enough of it: runs of
 * characters that spell a UTF-8 sequence in windows-1252 or Latin-1
 * ("â€™", "Ã©", "â" U+0080 U+0099) become the character they encode.  The
 * result is still valid UTF-8 without NULs, and never longer; see
 * mojibake.c for the rule. */
int pith__decode(const char *buf, size_t len, const char *hint, pith_buf *out,
                 char charset[32]);

/* 1 if s[0..len) is valid UTF-8 (no overlongs, no surrogates, nothing above
 * U+10FFFF), 0 otherwise.  NUL bytes count as valid. */
int pith__utf8_valid(const char *s, size_t len);

#endif
