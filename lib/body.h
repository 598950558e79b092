/* SPDX-License-Identifier: MIT */
/*
 * body.h - the structured body (blocks); lib/text.h renders them as plain
 * text.
 */
#ifndef PITH_BODY_H
#define PITH_BODY_H

#include "extract.h"
#include "result.h"

/* Options of pith__body_build. */
#define PITH_BODY_IMAGES 1u    /* keep blocks that hold only images */
#define PITH_BODY_NO_TABLES 2u /* leave out table rows */
#define PITH_BODY_EXPLAIN 4u   /* keep the blocks dropped here, for the trace */

/* Build the blocks of the subtree at `root` (0: none), honouring the
 * extract stage's flags in `s` and `opts` (PITH_BODY_*).  Block texts and
 * spans are allocated in `a`; the array itself too.  Returns 0, or -1 when
 * out of memory. */
int pith__body_build(const pith_tree *t, const pith_scratch *s, uint32_t root,
                     unsigned opts, pith_arena *a, pith_block **blocks,
                     size_t *nblocks, pith_block **gone, size_t *ngone);

#endif
