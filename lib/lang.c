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

int pith__lang_choose(const char *text, size_t len, const char *markup,
                      pith_arena *a, const char **out) {
  if (!markup)
    markup = "";
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
  char *c = pith__arena_strndup(a, code, strlen(code));
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
