/* SPDX-License-Identifier: MIT */
/*
 * text.h - the plain-text renderer (text.c).
 */
#ifndef PITH_TEXT_H
#define PITH_TEXT_H

#include <stddef.h>

#include "alloc.h"
#include "result.h"

/* Plain text of the blocks: paragraphs separated by a blank line, list
 * items ("- ") and table rows one per line; blocks without text (images
 * only) are skipped.  Allocated in `a`; NULL when
 * out of memory. */
char *pith__render_text(const pith_block *blocks, size_t n, pith_arena *a);

/* The length in bytes of pith__render_text()'s text (without its NUL). */
size_t pith__render_text_len(const pith_block *blocks, size_t n);

#endif
