/* SPDX-License-Identifier: MIT */
/*
 * test_clock.c - the time budget covers every stage, not only the parse.
 *
 * Each stage after parsing is run on a parsed page twice: without a clock,
 * and with a clock whose time is already up, as when a page was cheap to
 * parse but costly for a later stage.  With the clock, the stage stops
 * early (fewer blocks, the last tag unread) and says so (clock.hit); the
 * pipeline flags such a result truncated.  Then the page shape that was
 * cheap to parse and quadratic afterwards (a long run of empty headings)
 * goes through the public API.  No check here depends on how fast the
 * machine is, except the last one, whose bound is 10 times what the page
 * takes under sanitizers.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

#include "body.h"
#include "clock.h"
#include "extract.h"
#include "harness.h"
#include "meta.h"
#include "tree.h"

/* A page of `n` paragraphs (numbered, so none is a repeat) inside an
 * article that ends with a tag link. */
static char *article_page(size_t n) {
  size_t cap = 200 + n * 120, len = 0;
  char *s = malloc(cap);
  if (!s)
    return NULL;
  len += (size_t)snprintf(s, cap,
                          "<html><head><title>T</title></head>"
                          "<body><article>");
  for (size_t i = 0; i < n; i++)
    len += (size_t)snprintf(s + len, cap - len,
                            "<p>Paragraph %zu of ordinary prose, long enough "
                            "to be kept in the article's text.</p>",
                            i);
  snprintf(s + len, cap - len,
           "<a rel=tag href='/t/last'>Last</a>"
           "</article></body></html>");
  return s;
}

/* A clock whose deadline has passed. */
static void expired(pith_clock *c) {
  c->deadline = 1; /* 1 ns after the monotonic clock's start */
  c->ticks = 0;
  c->hit = 0;
}

static void stages(void) {
  char *html = article_page(2000);
  if (!OK(html != NULL, "clock: page built"))
    return;
  pith_tree t;
  if (!OK(pith__tree_parse(&t, html, strlen(html)) == 0, "clock: parsed")) {
    free(html);
    return;
  }
  pith_scratch s;
  memset(&s, 0, sizeof s);
  uint32_t root = 0;
  pith_arena a;
  pith__arena_init(&a);

  /* Without a clock: every paragraph, and the tag. */
  INT_EQ(pith__extract(&t, 0, &s, &root), 0, "clock: extract, no clock");
  OK(root != 0, "clock: content found");
  pith_block *blocks = NULL, *gone = NULL;
  size_t ngone = 0;
  size_t full = 0, part = 0;
  INT_EQ(pith__body_build(&t, &s, root, 0, &a, &blocks, &full, &gone, &ngone),
         0, "clock: body, no clock");
  OK(full >= 1000, "clock: the paragraphs are blocks");
  pith_meta m;
  INT_EQ(pith__meta_extract(&t, NULL, root, NULL, 0, NULL, &a, &m), 0,
         "clock: metadata, no clock");
  INT_EQ(m.ntags, 1, "clock: the tag at the end is read");

  /* The body stage with the time up: it stops within 256 nodes. */
  pith_clock c;
  expired(&c);
  s.clock = &c;
  INT_EQ(pith__body_build(&t, &s, root, 0, &a, &blocks, &part, &gone, &ngone),
         0, "clock: body, time up");
  OK(part < full / 4, "clock: the body stage stops early");
  OK(c.hit, "clock: the body stage saw the time up");

  /* The metadata stage: the walk stops before the tag at the end. */
  expired(&c);
  INT_EQ(pith__meta_extract(&t, NULL, root, NULL, 0, &c, &a, &m), 0,
         "clock: metadata, time up");
  INT_EQ(m.ntags, 0, "clock: the metadata walk stops early");
  OK(c.hit, "clock: the metadata stage saw the time up");

  /* The extract stage: the pruned body, without scoring and selection. */
  expired(&c);
  INT_EQ(pith__extract(&t, 0, &s, &root), 0, "clock: extract, time up");
  OK(root != 0 && t.nodes[root].tag == PITH_TAG_BODY,
     "clock: the extract stage answers with the body");
  OK(c.hit, "clock: the extract stage saw the time up");

  s.clock = NULL;
  pith__scratch_free(&s);
  pith__arena_free(&a);
  pith__tree_free(&t);
  free(html);
}

static double seconds(void) { return (double)pith__now_ns() / 1e9; }

/* 200,000 empty headings (2 MB): the pass that drops headings heading
 * nothing used to walk back over every heading it had dropped (20 s). */
static void headings(void) {
  size_t n = 200000;
  const char *unit = "<h1>x</h1>";
  size_t ul = strlen(unit);
  char *html = malloc(ul * n + 1);
  if (!OK(html != NULL, "headings: page built"))
    return;
  for (size_t i = 0; i < n; i++)
    memcpy(html + i * ul, unit, ul);
  html[ul * n] = '\0';
  pith_extractor *ex = pith_extractor_new(PITH_OPT_DEFAULT);
  pith_extractor_set_time_budget(ex, 60000);
  pith_result *res = NULL;
  double t0 = seconds();
  pith_status st = pith_extractor_extract(ex, html, ul * n, NULL, NULL, &res);
  double took = seconds() - t0;
  INT_EQ(st, PITH_OK, "headings: extracted");
  STR_EQ(pith_result_text(res), "", "headings: none heads anything");
  OK(took < 10.0, "headings: linear (under 10 s; it took 20 s before)");
  printf("# 200,000 empty headings: %.2f s\n", took);
  pith_result_free(res);

  /* The same page with a budget that runs out: flagged truncated. */
  pith_extractor_set_time_budget(ex, 1);
  st = pith_extractor_extract(ex, html, ul * n, NULL, NULL, &res);
  INT_EQ(st, PITH_OK, "headings: extracted within 1 ms of budget");
  OK(pith_result_truncated(res), "headings: cut by the clock, flagged");
  pith_result_free(res);
  pith_extractor_free(ex);
  free(html);
}

int main(void) {
  stages();
  headings();
  return done_testing();
}
