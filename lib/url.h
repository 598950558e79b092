/* SPDX-License-Identifier: MIT */
/*
 * url.h - resolving relative URLs (RFC 3986), the page's base URL,
 * telling which URLs are safe to write into Markdown, XML and HTML output,
 * and reading an address's host for the metadata stage.
 */
#ifndef PITH_URL_H
#define PITH_URL_H

#include "alloc.h"
#include "span.h"
#include "tree.h"

/* Append to `out` the reference `ref` resolved against `base` (RFC 3986,
 * section 5.2).  As browsers do, ASCII white space and control characters
 * at either end of `ref` are stripped and tabs and newlines inside it are
 * removed, and a special scheme (http, https, ftp, ws, wss) followed by
 * one, three or more slashes or backslashes names a host as if followed
 * by "//" ("https:/img.example/a" is https://img.example/a).  When `base`
 * is NULL, empty or not absolute, the cleaned `ref` is appended as is. */
void pith__url_resolve(const char *base, const char *ref, pith_buf *out);

/* Non-zero when `url` (as resolved above) is relative or uses one of the
 * schemes http, https, ftp, mailto or tel; zero for javascript:, data:,
 * vbscript: and every other scheme, and for URLs holding control
 * characters. */
int pith__url_safe(const char *url);

/* The base URL for relative links: the page's <base href> resolved
 * against `url` (else `canonical`), else `url`, else `canonical`, else "".
 * Allocated in `a`; NULL when out of memory. */
const char *pith__base_url(const pith_tree *t, const char *url,
                           const char *canonical, pith_arena *a);

/* Is href[0..n) the address of a site's front page: "/", "", "index.html",
 * "https://example.com", "//example.com/"? */
int pith__url_front_page_href(const char *h, size_t n);

/* The host of `url` (lower or mixed case as written, without user info,
 * port and a leading "www.", "www2." or "m."), its main label ("example"
 * of www.example.co.uk: the first label from the left that is not a
 * suffix-like short one) and whether its path is a front page ("",
 * "/", "/index.html"), as spans into `url`.  Returns 0 and sets nothing
 * when url is NULL or a path ("/x"), else 1. */
int pith__url_host(const char *url, span *host, span *label, int *home);

/* Does a look like a URL ("http:", "//", "www.", "://" inside)? */
static inline int looks_like_url(span a) {
  return starts_lit(a, "http:") || starts_lit(a, "https:") ||
         starts_lit(a, "//") || starts_lit(a, "www.") || has_lit(a, "://");
}

/* Can a canonical / og:url value be used: no white space or control
 * characters inside, and an absolute URL has a host ("https:///x" is a
 * broken template)? */
int pith__url_usable(span u);

/* Does `u` start with a scheme and "://" (after trimming)? */
int pith__url_is_absolute(span u);

/* pith__url_resolve() for the metadata stage: the canonical link, image
 * or license href `href` resolved against the page's URL `base`, into
 * `a` (*oom set and href returned when out of memory); href, trimmed,
 * when it is blank, base is NULL or empty or has no "://". */
span pith__url_resolve_simple(pith_arena *a, int *oom, span href,
                              const char *base);

/* A date in a URL path: /2022/06/16/, /2022-06-16, /20220616/,
 * -2022-06-16.html, /2022/june/16/ (the scheme and host, when "://" is
 * there, skipped), written to out as "YYYY-MM-DD"; 0 if none. */
int pith__url_date(const char *url, char out[11]);

/* Where the host and the path of `url` start: an absolute URL
 * ("https://host/x") or a network-path one ("//host/x") has a host, which
 * ends at the first '/', '?' or '#'; a relative one ("/t/123",
 * "viewtopic.php?id=1") is all path, and *host == *path == url. */
void pith__url_split_host(const char *url, const char **host,
                          const char **path);

#endif
