/* SPDX-License-Identifier: MIT */
/*
 * fuzz_tokenize.c - libFuzzer target for the HTML tokenizer
 * (lib/html5_tok.c) alone, checking its own invariants on every token:
 * tokens come in input order and inside the input; a tag has a non-empty
 * lower-case name and at most PITH_H5_MAX_ATTRS attributes, each name once
 * and lower case; character references decode to valid UTF-8 of at most 8
 * bytes.  The first byte picks a content model to start in (as the tree builder
 * would after a start tag) and whether the input is foreign content; the rest
 * is the input, with NUL bytes made spaces (the decode stage never passes NUL).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html5.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Is s[0..n) valid UTF-8 (RFC 3629: no overlongs, no surrogates)? */
static int valid_utf8(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    unsigned c = s[i];
    size_t len = c < 0x80             ? 1
                 : (c & 0xE0) == 0xC0 ? 2
                 : (c & 0xF0) == 0xE0 ? 3
                 : (c & 0xF8) == 0xF0 ? 4
                                      : 0;
    if (!len || i + len > n || (len == 2 && c < 0xC2) || c > 0xF4)
      return 0;
    for (size_t k = 1; k < len; k++)
      if ((s[i + k] & 0xC0) != 0x80)
        return 0;
    if (len == 3 &&
        ((c == 0xE0 && s[i + 1] < 0xA0) || (c == 0xED && s[i + 1] >= 0xA0)))
      return 0;
    if (len == 4 &&
        ((c == 0xF0 && s[i + 1] < 0x90) || (c == 0xF4 && s[i + 1] >= 0x90)))
      return 0;
    i += len;
  }
  return 1;
}

static int lower_name(const char *s, size_t n) {
  for (size_t k = 0; k < n; k++)
    if (s[k] >= 'A' && s[k] <= 'Z')
      return 0;
  return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  unsigned mode = data[0];
  data++;
  size--;
  char *s = malloc(size + 1);
  if (!s)
    return 0;
  memcpy(s, data, size);
  for (size_t k = 0; k < size; k++)
    if (!s[k])
      s[k] = ' ';
  int input_utf8 = valid_utf8((const unsigned char *)s, size);
  pith_h5_tok *tk = pith__h5_tok_new(s, size);
  if (!tk) {
    free(s);
    return 0;
  }
  static const char *const names[] = {"title", "style", "script", "x"};
  if (mode & 7) {
    pith_h5_content c = (pith_h5_content)((mode & 7) % 5);
    pith__h5_tok_content(tk, c, names[(mode >> 3) & 3],
                         strlen(names[(mode >> 3) & 3]));
    if (mode & 0x40)
      pith__h5_tok_skip_text(tk);
  }
  pith__h5_tok_foreign(tk, (mode & 0x80) != 0);
  size_t last = 0;
  for (size_t steps = 0;; steps++) {
    pith_h5_token t;
    if (pith__h5_tok_next(tk, &t) < 0)
      break;
    if (t.offset < last || t.offset > size)
      abort(); /* out of order, or past the input */
    last = t.offset;
    if (t.kind == PITH_H5_EOF)
      break;
    if (steps > size + 1)
      abort(); /* every token but EOF consumes input */
    switch (t.kind) {
    case PITH_H5_TEXT:
      if (!t.len)
        abort(); /* no empty text tokens */
      if (input_utf8 && !valid_utf8((const unsigned char *)t.text, t.len))
        abort();
      break;
    case PITH_H5_START:
    case PITH_H5_END:
      if (!t.name_len || !lower_name(t.name, t.name_len) ||
          t.nattrs > PITH_H5_MAX_ATTRS || (t.kind == PITH_H5_END && t.nattrs))
        abort();
      for (size_t a = 0; a < t.nattrs; a++) {
        if (!t.attrs[a].name_len ||
            !lower_name(t.attrs[a].name, t.attrs[a].name_len))
          abort();
        if (input_utf8 && !valid_utf8((const unsigned char *)t.attrs[a].value,
                                      t.attrs[a].value_len))
          abort();
        for (size_t b = 0; b < a; b++)
          if (t.attrs[b].name_len == t.attrs[a].name_len &&
              !memcmp(t.attrs[b].name, t.attrs[a].name, t.attrs[a].name_len))
            abort(); /* a duplicate attribute */
      }
      break;
    default:
      break;
    }
  }
  /* A character reference at every '&': valid UTF-8 out, no overrun. */
  for (size_t k = 0; k < size; k++) {
    if (s[k] != '&')
      continue;
    char out[8];
    size_t olen = 0;
    size_t used = pith__h5_charref(s + k, size - k, (int)(k & 1), out, &olen);
    if (used > size - k || olen > 8 || (used && !olen) ||
        !valid_utf8((const unsigned char *)out, olen))
      abort();
  }
  pith__h5_tok_free(tk);
  free(s);
  return 0;
}
