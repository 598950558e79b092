/* SPDX-License-Identifier: MIT */
/*
 * test_lang.c - language tags come out in BCP 47 case, without regions
 * that do not exist, whatever case and separator the page wrote.
 */
#include <string.h>

#include <pith/pith.h>

#include "harness.h"
#include "lang.h"

static void norm(const char *in, const char *want) {
  pith_arena a;
  pith__arena_init(&a);
  char desc[96];
  strcpy(desc, "normalize: ");
  strncat(desc, in, 60);
  STR_EQ(pith__lang_normalize(in, &a), want, desc);
  pith__arena_free(&a);
}

/* The language of a short page (too short for the detector) whose <html>
 * says `lang`. */
static void page(const char *lang, const char *want) {
  char html[256];
  strcpy(html, "<html lang='");
  strncat(html, lang, 40);
  strcat(html, "'><body><p>Short.</p></body></html>");
  pith_result *res = NULL;
  char desc[96];
  strcpy(desc, "page: lang=");
  strncat(desc, lang, 60);
  if (pith_extract(html, strlen(html), NULL, 0, &res) == PITH_OK)
    STR_EQ(pith_result_language(res), want, desc);
  else
    OK(0, desc);
  pith_result_free(res);
}

int main(void) {
  norm("en", "en");
  norm("EN", "en");
  norm("en-us", "en-US");
  norm("en_US", "en-US");
  norm("EN-us", "en-US");
  norm("en-BG", "en-BG"); /* Bulgaria exists */
  norm("en-UK", "en");    /* the United Kingdom is GB */
  norm("en-EN", "en");
  norm("de-XX", "de");
  norm("pt-br", "pt-BR");
  norm("zh-hant", "zh-Hant");
  norm("ZH-HANT-tw", "zh-Hant-TW");
  norm("zh-yue-HK", "zh-yue-HK");
  norm("es-419", "es-419");
  norm("de-CH-1901", "de-CH-1901");
  norm("sr-Latn-RS", "sr-Latn-RS");
  norm("en-US-x-twain", "en-US");
  norm("english", "");
  norm("x-default", "");
  norm("e", "");
  norm("", "");
  page("EN-us", "en-US");
  page("en-UK", "en");
  page("pt_br", "pt-BR");
  return done_testing();
}
