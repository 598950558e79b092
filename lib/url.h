/* SPDX-License-Identifier: MIT */
/*
 * url.h - resolving relative URLs (RFC 3986) and telling which URLs are
 * safe to write into Markdown, XML and HTML output.
 */
#ifndef PITH_URL_H
#define PITH_URL_H

#include "alloc.h"

/* Append to `out` the reference `ref` resolved against `base` (RFC 3986,
 * section 5.2).  As browsers do, ASCII white space and control characters
 * at either end of `ref` are stripped and tabs and newlines inside it are
 * removed.  When `base` is NULL, empty or not absolute, the cleaned `ref`
 * is appended as is. */
void pith__url_resolve(const char *base, const char *ref, pith_buf *out);

/* Non-zero when `url` (as resolved above) is relative or uses one of the
 * schemes http, https, ftp, mailto or tel; zero for javascript:, data:,
 * vbscript: and every other scheme, and for URLs holding control
 * characters. */
int pith__url_safe(const char *url);

#endif
