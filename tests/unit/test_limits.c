/* SPDX-License-Identifier: MIT */
/*
 * test_limits.c - pathological pages: generated worst cases (deep nesting,
 * a million siblings, huge attribute lists, one enormous text run, very
 * wide tables) each get an answer, and the work stays bounded: the checks
 * count nodes and attributes, not seconds, so they cannot be flaky.  The
 * sizes here are a tenth of those bench/pathological.sh times, to keep the
 * suite fast under sanitizers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

#include "harness.h"
#include "tree.h"

typedef struct {
  char *s;
  size_t len, cap;
} sbuf;

static void put(sbuf *b, const char *s) {
  size_t n = strlen(s);
  if (b->len + n + 1 > b->cap) {
    size_t cap = b->cap ? b->cap : 1024;
    while (b->len + n + 1 > cap)
      cap *= 2;
    char *p = realloc(b->s, cap);
    if (!p) {
      fputs("out of memory\n", stderr);
      exit(2);
    }
    b->s = p;
    b->cap = cap;
  }
  memcpy(b->s + b->len, s, n + 1);
  b->len += n;
}

static void repeat(sbuf *b, const char *s, size_t times) {
  for (size_t i = 0; i < times; i++)
    put(b, s);
}

/* Extract with an extractor; returns the status, *text a copy or NULL. */
static pith_status run(pith_extractor *ex, const sbuf *b, char **text,
                       int *truncated) {
  pith_result *res = NULL;
  pith_status st = pith_extractor_extract(ex, b->s, b->len, NULL, NULL, &res);
  *text = NULL;
  *truncated = 0;
  if (st == PITH_OK) {
    const char *t = pith_result_text(res);
    *text = malloc(strlen(t) + 1);
    if (*text)
      memcpy(*text, t, strlen(t) + 1);
    *truncated = pith_result_truncated(res);
  }
  pith_result_free(res);
  return st;
}

static uint32_t max_depth(const pith_tree *t) {
  uint32_t best = 0;
  /* depth[i] = depth[parent] + 1, in one forward pass (pre-order). */
  uint32_t *d = calloc(t->nnodes, sizeof *d);
  if (!d)
    return 0;
  for (uint32_t i = 1; i < t->nnodes; i++) {
    d[i] = d[t->nodes[i].parent] + 1;
    if (d[i] > best)
      best = d[i];
  }
  free(d);
  return best;
}

int main(void) {
  pith_extractor *ex = pith_extractor_new(0);
  /* These checks count nodes, not time: a budget the clock cannot reach
   * on a loaded machine under sanitizers (the clock has test_clock.c). */
  pith_extractor_set_time_budget(ex, 600000);
  sbuf b = {0};
  char *text;
  int cut;
  pith_tree t;

  /* 30,000 nested <div>s: flattened at depth 512, text kept. */
  repeat(&b, "<div>", 30000);
  put(&b, "deep text at the bottom of the nesting");
  repeat(&b, "</div>", 30000);
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "deep nesting answered");
  OK(text && strstr(text, "deep text at the bottom"), "deep text kept");
  OK(!cut, "flattening is not truncation");
  free(text);
  OK(pith__tree_parse(&t, b.s, b.len) == 0, "deep tree parses");
  OK(max_depth(&t) <= 512 + 2, "tree depth capped at 512");
  OK(t.nnodes < 1000, "flattened levels add no nodes");
  pith__tree_free(&t);

  /* 100,000 sibling paragraphs. */
  b.len = 0;
  put(&b, "<body>");
  char para[80];
  for (int i = 0; i < 100000; i++) {
    /* Distinct texts: repeated blocks would be dropped as duplicates. */
    snprintf(para, sizeof para, "<p>Sibling paragraph number %d of prose.</p>",
             i);
    put(&b, para);
  }
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "100k siblings answered");
  OK(text && strlen(text) > 100000 * 36, "sibling text kept");
  free(text);
  /* The node cap: a page cut at 1,000 nodes is flagged. */
  pith_extractor_set_max_nodes(ex, 1000);
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "node-capped page answered");
  OK(cut, "node cap flags the result");
  OK(text && strlen(text) < 1000 * 50, "node cap bounds the text");
  free(text);
  pith_extractor_set_max_nodes(ex, 0);

  /* 20,000 attributes on one element: blanked after the 256th. */
  b.len = 0;
  put(&b, "<body><p ");
  char attr[32];
  for (int i = 0; i < 20000; i++) {
    snprintf(attr, sizeof attr, "data-a%d=\"v\" ", i);
    put(&b, attr);
  }
  put(&b, "class=\"late\">Text of a paragraph with very many attributes on "
          "it, long enough to be prose.</p></body>");
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "20k attributes answered");
  OK(text && strstr(text, "very many attributes"), "its text kept");
  free(text);
  OK(pith__tree_parse(&t, b.s, b.len) == 0, "attribute page parses");
  OK(t.nattrs <= 256, "at most 256 attributes reach the parser");
  pith__tree_free(&t);

  /* A 3 MB run of text without a single tag. */
  b.len = 0;
  repeat(&b, "word ", 600000);
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "3 MB tagless line answered");
  OK(text && strlen(text) >= 600000 * 5 - 1, "all of it kept");
  free(text);

  /* A table row of 5,000 columns. */
  b.len = 0;
  put(&b, "<body><table><tr>");
  repeat(&b, "<td>cell</td>", 5000);
  put(&b, "</tr></table></body>");
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "5,000-column table answered");
  OK(text && strstr(text, "cell | cell"), "row kept as one line");
  free(text);

  /* A huge colspan is just an attribute value: nothing is expanded. */
  b.len = 0;
  put(&b, "<body><table><tr><td colspan=\"2147483647\">wide cell text "
          "here</td></tr></table></body>");
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "huge colspan answered");
  free(text);

  /* Size cap: an error by default, a flagged cut on request. */
  b.len = 0;
  repeat(&b, "<p>More text than the cap allows here.</p>", 1000);
  pith_extractor_set_max_input(ex, 4096);
  INT_EQ(run(ex, &b, &text, &cut), PITH_ERR_TOO_LARGE, "over the size cap");
  pith_extractor_free(ex);
  ex = pith_extractor_new(PITH_OPT_TRUNCATE_INPUT);
  pith_extractor_set_time_budget(ex, 600000);
  pith_extractor_set_max_input(ex, 4096);
  INT_EQ(run(ex, &b, &text, &cut), PITH_OK, "truncate mode answers");
  OK(cut, "and flags the result");
  OK(text && strlen(text) <= 4096, "text from the first 4 KiB only");
  free(text);

  /* Identical input, identical output. */
  b.len = 0;
  put(&b, "<body><article><p>Same input, same output, every time it is "
          "extracted by the library.</p></article></body>");
  char *t1, *t2;
  run(ex, &b, &t1, &cut);
  run(ex, &b, &t2, &cut);
  OK(t1 && t2 && strcmp(t1, t2) == 0, "deterministic");
  free(t1);
  free(t2);

  pith_extractor_free(ex);
  free(b.s);
  return done_testing();
}
