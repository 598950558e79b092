/* SPDX-License-Identifier: MIT */
/*
 * extract.h - the pruning, scoring and selection stages.
 *
 * Given the page's tree, decide which node holds the main content and
 * which of the text blocks inside it are kept.  The decisions are written
 * into a per-node scratch array that the body stage (body.c) reads.
 */
#ifndef PITH_EXTRACT_H
#define PITH_EXTRACT_H

#include <stdint.h>

#include "tree.h"

/* Per-node decision bits (pith_scratch.flags). */
#define PITH_X_REMOVED 1u   /* pruned: neither it nor its subtree is output */
#define PITH_X_LINK 2u      /* inside an <a> */
#define PITH_X_SOFT 4u      /* inside a probably-boilerplate container */
#define PITH_X_COMMENT 8u   /* inside a reader-comments container */
#define PITH_X_GOOD 16u     /* inside a content container */
#define PITH_X_DROP 32u     /* a text block judged boilerplate */
#define PITH_X_BLOCK 64u    /* a block-level element (owns text) */
#define PITH_X_BYLINE 128u  /* inside a byline or author box */
#define PITH_X_CAPTION 256u /* inside an element named like a caption */

/* Scratch space reused across pages by one extractor. */
typedef struct {
  uint16_t *flags;
  uint32_t *owner; /* nearest block ancestor (itself for blocks) */
  uint32_t *raw;   /* subtree visible text length (non-space bytes) */
  uint32_t *rawlink;
  uint32_t *own;     /* blocks: own text length */
  uint32_t *ownlink; /* blocks: own text inside links */
  float *score;      /* subtree score */
  uint32_t *anchor;  /* the nearest <a> ancestor-or-self, 0 if none */
  uint32_t *seq;     /* the kept blocks of the content, in order */
  uint32_t cap;
  /* The page's clock (clock.h), checked by every stage that gets the
   * scratch; NULL: none.  Set by the pipeline for one page. */
  pith_clock *clock;
  /* The decision trace (PITH_XOPT_EXPLAIN only; else why is NULL during
   * extraction): why[n] is the pith_reason (explain.h) of the rule that
   * fired on node n itself, 0 when none did.  Descendants inherit it. */
  uint8_t *why;
  uint32_t whycap;
  int explain;    /* why[] is filled for the current page */
  int fallback;   /* PITH_FALLBACK_*: the selection fallback taken */
  float selected; /* the selected node's subtree score */
  uint32_t lead;  /* the article's lead just before the selection (a
                     standfirst in the header), output first; 0: none */
} pith_scratch;

/* Selection fallbacks, for the trace. */
#define PITH_FALLBACK_NONE 0
#define PITH_FALLBACK_NO_SOFT 1    /* reselected without soft penalties */
#define PITH_FALLBACK_WHOLE_BODY 2 /* the whole visible body */
#define PITH_FALLBACK_PROSE 3      /* the safety net: the class-blind core */

void pith__scratch_free(pith_scratch *s);

/* Options for pith__extract (subset of PITH_OPT_*, same bit values). */
#define PITH_XOPT_NO_FALLBACK 1u
#define PITH_XOPT_KEEP_HIDDEN 2u
#define PITH_XOPT_PRECISION 4u /* drop doubtful blocks */
#define PITH_XOPT_RECALL 8u    /* keep doubtful blocks */
#define PITH_XOPT_EXPLAIN 16u  /* record why[] for the trace */

/* Run pruning, scoring and selection over `t`.  On success returns 0 and
 * sets *root to the node whose subtree holds the main content (0 when the
 * page has none); s->flags tells which nodes inside it to skip.  Returns
 * -1 when out of memory. */
int pith__extract(const pith_tree *t, unsigned opts, pith_scratch *s,
                  uint32_t *root);

/* The weight of block b in the selection (0 for non-blocks), as the
 * scoring pass computed it without soft penalties. */
float pith__block_weight(const pith_tree *t, const pith_scratch *s, uint32_t b);

#endif
