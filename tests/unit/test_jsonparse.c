/* SPDX-License-Identifier: MIT */
/*
 * test_jsonparse.c - unit tests for the JSON reader behind JSON-LD
 * metadata (lib/jsonparse.c): structure, string decoding, the bounds, and
 * what is not JSON.
 */
#include <string.h>

#include "harness.h"
#include "jsonparse.h"

static int parse(pith_jdoc *d, pith_arena *a, const char *s) {
  return pith__json_parse(d, a, s, strlen(s));
}

static const char *str_at(const pith_jdoc *d, uint32_t o, const char *k) {
  uint32_t c = pith__json_get(d, o, k);
  return c && d->v[c].type == PITH_J_STR ? d->v[c].s : NULL;
}

static void test_structure(void) {
  pith_jdoc d;
  memset(&d, 0, sizeof d);
  pith_arena a;
  pith__arena_init(&a);
  INT_EQ(
      parse(&d, &a,
            " {\"@type\": \"NewsArticle\", \"n\": -1.5e3, \"ok\": true,"
            " \"author\": [{\"name\": \"A\"}, {\"name\": \"B\"}], \"x\": null}"
            " trailing bytes are ignored"),
      0, "object parses");
  INT_EQ(d.v[1].type, PITH_J_OBJ, "the value is node 1");
  STR_EQ(str_at(&d, 1, "@type"), "NewsArticle", "string member");
  uint32_t au = pith__json_get(&d, 1, "author");
  OK(au && d.v[au].type == PITH_J_ARR, "array member");
  uint32_t first = d.v[au].first;
  OK(first && str_at(&d, first, "name") &&
         !strcmp(str_at(&d, first, "name"), "A"),
     "first element");
  OK(d.v[first].next && !strcmp(str_at(&d, d.v[first].next, "name"), "B"),
     "second element by sibling link");
  INT_EQ(d.v[pith__json_get(&d, 1, "n")].type, PITH_J_NUM, "number");
  INT_EQ(d.v[pith__json_get(&d, 1, "ok")].type, PITH_J_TRUE, "true");
  INT_EQ(d.v[pith__json_get(&d, 1, "x")].type, PITH_J_NULL, "null");
  INT_EQ(pith__json_get(&d, 1, "missing"), 0, "missing key gives 0");
  INT_EQ(pith__json_get(&d, au, "name"), 0, "get on an array gives 0");
  INT_EQ(pith__json_get(&d, 0, "name"), 0, "get on node 0 gives 0");

  INT_EQ(parse(&d, &a,
               "{\"h\": \"caf\\u00e9 \\ud83d\\ude00 \\ud800 a\\tb\\/c\\q\"}"),
         0, "escapes parse (the doc is reused)");
  STR_EQ(str_at(&d, 1, "h"), "caf\xC3\xA9 \xF0\x9F\x98\x80 \xEF\xBF\xBD a b/cq",
         "escapes decoded: BMP, surrogate pair, lone surrogate, tab, "
         "solidus, unknown escape");
  INT_EQ(parse(&d, &a, "{\"z\": \"a\\u0000b\"}"), 0, "\\u0000 parses");
  STR_EQ(str_at(&d, 1, "z"), "ab", "\\u0000 dropped: no NUL in strings");
  pith__json_free(&d);
  pith__arena_free(&a);
}

static void test_invalid(void) {
  static const char *bad[] = {
      "",    "{",      "{\"a\" 1}", "{\"a\": }", "[1, 2",        "{\"a\": \"x",
      "nul", "{a: 1}", "[1 2]",     "}",         "{\"a\": 1,}x", "tru",
  };
  pith_jdoc d;
  memset(&d, 0, sizeof d);
  pith_arena a;
  pith__arena_init(&a);
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    INT_EQ(parse(&d, &a, bad[i]), -1, bad[i]);

  /* Nesting: PITH_JSON_MAX_DEPTH levels parse, one more does not. */
  char deep[2 * PITH_JSON_MAX_DEPTH + 8];
  size_t k = 0;
  for (int i = 0; i < PITH_JSON_MAX_DEPTH; i++)
    deep[k++] = '[';
  for (int i = 0; i < PITH_JSON_MAX_DEPTH; i++)
    deep[k++] = ']';
  deep[k] = '\0';
  INT_EQ(parse(&d, &a, deep), 0, "nesting at the bound parses");
  memmove(deep + 1, deep, k + 1);
  deep[0] = '[';
  deep[k + 1] = ']';
  deep[k + 2] = '\0';
  INT_EQ(parse(&d, &a, deep), -1, "one level deeper is rejected");
  pith__json_free(&d);
  pith__arena_free(&a);
}

int main(void) {
  test_structure();
  test_invalid();
  return done_testing();
}
