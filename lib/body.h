/* SPDX-License-Identifier: MIT */
/*
 * body.h - the structured body (blocks) and its plain-text rendering.
 */
#ifndef PITH_BODY_H
#define PITH_BODY_H

#include "extract.h"
#include "result.h"

/* Build the blocks of the subtree at `root` (0: none), honouring the
 * extract stage's flags in `s`.  Block texts are allocated in `a`; the
 * array itself too.  Returns 0, or -1 when out of memory. */
int pith__body_build(const pith_tree *t, const pith_scratch *s, uint32_t root,
                     pith_arena *a, pith_block **blocks, size_t *nblocks);

/* Plain text of the blocks: paragraphs separated by a blank line, list
 * items ("- ") and table rows one per line.  Allocated in `a`; NULL when
 * out of memory. */
char *pith__render_text(const pith_block *blocks, size_t n, pith_arena *a);

#endif
