/* SPDX-License-Identifier: MIT */
/*
 * lang.c - the page's language, from the extracted text and the markup.
 *
 * Markup often states a template's language rather than the page's (an
 * English theme around a German article, lang="en" left at its default),
 * so the text decides when it can: CLD2 (through the C++ shim in
 * lang_cld2.cc, built when the PITH_CLD2 CMake option is on and Debian's
 * libcld2-dev is found) reads up to LANG_SAMPLE bytes of the main text and
 * answers only when it is sure.  When both agree on the primary language,
 * the markup's tag is kept since it may name a region ("pt-BR").  Short
 * texts (under LANG_MIN_TEXT bytes) and pages without a detector keep the
 * markup's tag.
 */
#include "lang.h"

#include <stdint.h>
#include <string.h>

#include "chars.h"

#define LANG_SAMPLE 2048 /* bytes of text given to the detector */
#define LANG_MIN_TEXT 80 /* shorter texts are not detected */

#ifdef PITH_HAVE_CLD2
int pith__cld2_detect(const char *text, size_t len, char *code, size_t codecap,
                      int *percent);
#endif

int pith__lang_have_detector(void) {
#ifdef PITH_HAVE_CLD2
  return 1;
#else
  return 0;
#endif
}

#ifdef PITH_HAVE_CLD2
/* Whether two tags have the same primary subtag ("pt-BR" and "pt"). */
static int same_primary(const char *a, const char *b) {
  size_t i = 0;
  for (;; i++) {
    unsigned char x = (unsigned char)a[i], y = (unsigned char)b[i];
    int ex = !x || x == '-' || x == '_', ey = !y || y == '-' || y == '_';
    if (ex || ey)
      return ex && ey && i > 0;
    if (lower(x) != lower(y))
      return 0;
  }
}
#endif

/* ISO 3166-1 alpha-2 region codes in use, one row of 26 bits per first
 * letter (bit k: second letter 'A' + k), generated from Debian's
 * iso-codes (/usr/share/iso-codes/json/iso_3166-1.json, 249 codes). */
static const uint32_t iso3166[26] = {
    0x2df5978, 0x36f7bfb, 0x3f27ded, 0x2005610, 0x00e00d4, 0x0025700, 0x15fb9fb,
    0x01a3400, 0x00f7818, 0x000d010, 0x342b1d0, 0x13e0507, 0x3fffcfd, 0x212c975,
    0x0001000, 0x14e3cf1, 0x0000001, 0x0544010, 0x3ae7fdf, 0x26a7eec, 0x3041041,
    0x0102155, 0x0040020, 0x0000000, 0x0080010, 0x0401001};

static int is_region(char a, char b) {
  return a >= 'A' && a <= 'Z' && b >= 'A' && b <= 'Z' &&
         (iso3166[a - 'A'] >> (b - 'A') & 1u);
}

const char *pith__lang_normalize(const char *tag, pith_arena *a) {
  size_t n = tag ? strlen(tag) : 0;
  if (n == 0 || n > 64)
    return "";
  char *d = pith__arena_alloc(a, n + 1);
  if (!d)
    return NULL;
  size_t k = 0, i = 0;
  int field = 0; /* 0 language, 1 extlang, 2 script, 3 region, 4 variants */
  while (i < n) {
    size_t w = 0, alpha = 0, digit = 0;
    while (i + w < n && tag[i + w] != '-' && tag[i + w] != '_') {
      unsigned char c = (unsigned char)tag[i + w];
      alpha += is_alpha(c);
      digit += is_digit(c);
      w++;
    }
    if (alpha + digit != w)
      break; /* not a subtag: the rest goes */
    const char *s = tag + i;
    int keep = 1, script = 0, upper = 0;
    if (field == 0) {
      if (w < 2 || w > 3 || digit)
        return ""; /* no language ("english", "x-default", "*") */
      field = 1;
    } else if (field <= 1 && w == 3 && !digit) {
      field = 2; /* extended language subtag ("zh-yue") */
    } else if (field <= 2 && w == 4 && !digit) {
      script = 1; /* "Hant" */
      field = 3;
    } else if (field <= 3 && w == 2 && !digit) {
      upper = 1; /* a region that does not exist ("en-UK") goes */
      keep = is_region((char)(lower((unsigned char)s[0]) - 32),
                       (char)(lower((unsigned char)s[1]) - 32));
      field = 4;
    } else if (field <= 3 && w == 3 && digit == 3) {
      field = 4; /* a UN M.49 area ("es-419") */
    } else if ((w >= 5 && w <= 8) ||
               (w == 4 && is_digit((unsigned char)s[0]))) {
      field = 4; /* a variant ("de-1901") */
    } else {
      break; /* extensions, private use, anything else: dropped */
    }
    if (keep) {
      if (k)
        d[k++] = '-';
      for (size_t j = 0; j < w; j++) {
        unsigned char c = lower((unsigned char)s[j]);
        d[k++] = (char)((upper || (script && j == 0)) && c >= 'a' ? c - 32 : c);
      }
    }
    i += w + 1;
  }
  d[k] = '\0';
  return d;
}

int pith__lang_choose(const char *text, size_t len, const char *markup,
                      pith_arena *a, const char **out) {
  markup = pith__lang_normalize(markup, a);
  if (!markup)
    return -1;
  *out = markup;
#ifdef PITH_HAVE_CLD2
  if (!text || len < LANG_MIN_TEXT)
    return 0;
  if (len > LANG_SAMPLE) {
    len = LANG_SAMPLE;
    /* Cut at a character boundary. */
    while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80)
      len--;
  }
  char code[16];
  int pct = 0;
  if (!pith__cld2_detect(text, len, code, sizeof code, &pct))
    return 0;
  /* A page mostly in another language than the detected one: CLD2 names
   * the largest share; under half is not a verdict on the page. */
  if (pct < 50)
    return 0;
  if (*markup && same_primary(markup, code))
    return 0;
  const char *c = pith__lang_normalize(code, a);
  if (!c)
    return -1;
  *out = c;
#else
  (void)text;
  (void)len;
  (void)a;
#endif
  return 0;
}
