/* SPDX-License-Identifier: MIT */
/*
 * chars.h - byte classes shared by the scanners of the library: the HTML
 * parse and charset sniffing (tree.c, decode.c), the text stages (body.c,
 * comments.c, extract.c, markdown.c, vocab.c), URLs and WARC records
 * (url.c, warc.c) and the metadata stage (meta*.c, datetext.c,
 * jsonparse.c, dateline.c, pagetype.c, lang.c).  ASCII only unless a name
 * says otherwise, so they never depend on the C locale.  Static inline; a
 * file that includes this header must not define functions of the same
 * names.
 */
#ifndef PITH_CHARS_H
#define PITH_CHARS_H

#include <stddef.h>

/* ASCII white space: space, \t, \n, \r, \f, \v. */
static inline int is_sp(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}
/* HTML's ASCII white space (WHATWG): space, \t, \n, \r, \f - not \v, which
 * HTML treats as an ordinary character, so this is not is_sp. */
static inline int is_html_sp(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}
static inline unsigned char lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}
static inline int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }
static inline int is_upper(unsigned char c) { return c >= 'A' && c <= 'Z'; }
static inline int is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}
static inline int is_alnum(unsigned char c) {
  return is_alpha(c) || is_digit(c);
}
/* A byte that can be part of a word: ASCII letter or digit, or any byte of
 * a non-ASCII UTF-8 character. */
static inline int is_word_byte(unsigned char c) {
  return is_alnum(c) || c >= 0x80;
}
static inline int hexval(unsigned char c) {
  if (is_digit(c))
    return c - '0';
  c = lower(c);
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  return -1;
}

/* Length of a Unicode white-space sequence at s[i] that is not ASCII
 * (U+00A0, U+2000..U+200B, U+202F, U+205F, U+3000, U+FEFF), else 0.
 * i < n. */
static inline size_t uni_space(const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xA0)
    return 2;
  if (i + 2 < n) {
    if (u[i] == 0xE2 && u[i + 1] == 0x80 &&
        ((u[i + 2] >= 0x80 && u[i + 2] <= 0x8B) || u[i + 2] == 0xAF))
      return 3;
    if (u[i] == 0xE2 && u[i + 1] == 0x81 && u[i + 2] == 0x9F)
      return 3;
    if (u[i] == 0xE3 && u[i + 1] == 0x80 && u[i + 2] == 0x80)
      return 3;
    if (u[i] == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
      return 3;
  }
  return 0;
}

/* The length of a no-break space at s[i] (U+00A0, U+2007 figure space,
 * U+202F narrow no-break space), or 0: the text writers make them plain
 * spaces. */
static inline size_t nb_space(const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[i] == 0xC2)
    return i + 1 < n && u[i + 1] == 0xA0 ? 2 : 0;
  if (u[i] == 0xE2 && i + 2 < n && u[i + 1] == 0x80 &&
      (u[i + 2] == 0x87 || u[i + 2] == 0xAF))
    return 3;
  return 0;
}

/* Write code point cp (at most U+10FFFF) as UTF-8 at d; returns the length
 * (1 to 4). */
static inline size_t put_utf8(char *d, unsigned cp) {
  if (cp < 0x80) {
    d[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    d[0] = (char)(0xC0 | (cp >> 6));
    d[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    d[0] = (char)(0xE0 | (cp >> 12));
    d[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    d[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  d[0] = (char)(0xF0 | (cp >> 18));
  d[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  d[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  d[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

#endif /* PITH_CHARS_H */
