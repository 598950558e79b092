/* SPDX-License-Identifier: MIT */
/*
 * stages.h - where an extractor's time goes, stage by stage: the
 * monotonic clock read between the stages of each page it extracts
 * successfully, summed since it was created.  For the benchmark
 * (bench/bench.c); internal to lib/, never printed by the library.
 */
#ifndef PITH_STAGES_H
#define PITH_STAGES_H

#include <stdint.h>

#include "pith/pith.h"

#define PITH_STAGE_LIST(X)                                                     \
  X(DECODE, "decode")   /* gunzip, sniff, charset, mojibake */                 \
  X(PARSE, "parse")     /* the cut before libxml2, libxml2, the tree */        \
  X(EXTRACT, "extract") /* prune, score, select, filter */                     \
  X(META, "metadata")   /* comments, metadata, page type */                    \
  X(BODY, "body")       /* blocks, dateline, text, language, trace */

typedef enum {
#define PITH_X_STAGE(e, n) PITH_STAGE_##e,
  PITH_STAGE_LIST(PITH_X_STAGE)
#undef PITH_X_STAGE
      PITH_STAGE_COUNT
} pith_stage;

/* The name of stage s ("decode"), "" past the end. */
const char *pith__stage_name(unsigned s);

/* Nanoseconds spent in each stage by `ex` (out[PITH_STAGE_COUNT]). */
void pith__extractor_stage_ns(const pith_extractor *ex, uint64_t *out);

#endif
