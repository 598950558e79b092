/* SPDX-License-Identifier: MIT */
/*
 * comments.h - reader comments: found in the tree through the extract
 * stage's PITH_X_COMMENT flags and rendered as text, one comment per
 * paragraph, kept apart from the main text.
 */
#ifndef PITH_COMMENTS_H
#define PITH_COMMENTS_H

#include "alloc.h"
#include "extract.h"
#include "result.h"
#include "tree.h"

/* Render the reader comments of tree `t` (as flagged in `s` by
 * pith__extract(), whose chosen main-content node is `root`) into a new
 * string in arena `a`: one comment per paragraph, paragraphs separated by
 * a blank line, in page order; *out is "" when the page has none.  When
 * the main content itself is a comment thread (a forum), its posts are the
 * text and are not repeated here.  `mark` (may be NULL; one byte per
 * node, zeroed by the caller) receives 1 at each element whose text
 * became a comment, for the trace.  Returns 0, or -1 when out of memory. */
int pith__comments_build(const pith_tree *t, const pith_scratch *s,
                         uint32_t root, pith_arena *a, const char **out,
                         uint8_t *mark);

/* Move the comments `comments` (as built above) into the main text: each
 * paragraph becomes a paragraph block appended to *blocks (a new array in
 * `a`; the old one stays in the arena).  For forum and Q&A pages, whose
 * posts are the content.  Returns 0, or -1 when out of memory. */
int pith__comments_to_blocks(const char *comments, pith_arena *a,
                             pith_block **blocks, size_t *nblocks);

#endif
