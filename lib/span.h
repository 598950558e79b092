/* SPDX-License-Identifier: MIT */
/*
 * span.h - byte ranges of a string that is not copied (`span`) and their
 * small helpers: ASCII case-insensitive comparison with lower-case
 * literals, search, trimming and a cut that keeps UTF-8 sequences whole.
 * Used by the metadata stage and the URL helpers (internal, not
 * installed).
 */
#ifndef PITH_SPAN_H
#define PITH_SPAN_H

#include "chars.h"

#include <stddef.h>
#include <string.h>

/* A byte range; s == NULL means absent. */
typedef struct {
  const char *s;
  size_t n;
} span;

static inline span mkspan(const char *s, size_t n) {
  span r;
  r.s = s;
  r.n = n;
  return r;
}
static inline span nospan(void) { return mkspan(NULL, 0); }
static inline int has(span a) { return a.s != NULL && a.n > 0; }

/* Case-insensitive (ASCII) equality with a lower-case literal. */
static inline int eq_lit(span a, const char *lit) {
  /* The first byte rejects most keys before strlen(). */
  if (!a.s || !a.n || lower((unsigned char)a.s[0]) != (unsigned char)lit[0])
    return 0;
  size_t n = strlen(lit);
  if (a.n != n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (lower((unsigned char)a.s[i]) != (unsigned char)lit[i])
      return 0;
  return 1;
}

static inline int starts_lit(span a, const char *lit) {
  size_t n = strlen(lit);
  if (!a.s || a.n < n)
    return 0;
  for (size_t i = 0; i < n; i++)
    if (lower((unsigned char)a.s[i]) != (unsigned char)lit[i])
      return 0;
  return 1;
}

static inline int ends_lit(span a, const char *lit) {
  size_t n = strlen(lit);
  if (!a.s || a.n < n)
    return 0;
  return starts_lit(mkspan(a.s + a.n - n, n), lit);
}

/* Position of lower-case `needle` in a (ASCII case-insensitive), or -1. */
static inline long find_lit(span a, const char *needle) {
  size_t n = strlen(needle);
  if (!a.s || n == 0 || a.n < n)
    return n == 0 ? 0 : -1;
  unsigned char first = (unsigned char)needle[0];
  for (size_t i = 0; i + n <= a.n; i++) {
    if (lower((unsigned char)a.s[i]) != first)
      continue;
    size_t k = 1;
    while (k < n &&
           lower((unsigned char)a.s[i + k]) == (unsigned char)needle[k])
      k++;
    if (k == n)
      return (long)i;
  }
  return -1;
}
static inline int has_lit(span a, const char *needle) {
  return find_lit(a, needle) >= 0;
}

static inline span trim(span a) {
  if (!a.s)
    return a;
  while (a.n && is_sp((unsigned char)a.s[0])) {
    a.s++;
    a.n--;
  }
  while (a.n && is_sp((unsigned char)a.s[a.n - 1]))
    a.n--;
  return a;
}

/* Cut a span to at most `max` bytes without splitting a UTF-8 sequence. */
static inline span cap_utf8(span a, size_t max) {
  if (a.n <= max)
    return a;
  size_t n = max;
  while (n > 0 && ((unsigned char)a.s[n] & 0xC0) == 0x80)
    n--;
  a.n = n;
  return a;
}

#endif
