/* SPDX-License-Identifier: MIT */
/*
 * render.h - what the Markdown, XML and HTML renderers share: a walk over
 * a block's inline spans, URL output and markup escaping.
 */
#ifndef PITH_RENDER_H
#define PITH_RENDER_H

#include "pith/pith.h"

#include "alloc.h"
#include "result.h"

/* Callbacks of pith__inline_walk().  `text` gets runs of the block's text
 * (pointers into it, so s[n] can be read as look-ahead).  `open` gets a
 * range span with its trimmed bounds and returns non-zero when it wrote
 * an opening (then `close` follows); `point` gets an image or a line
 * break. */
typedef struct {
  void (*text)(void *ctx, const char *s, size_t n);
  int (*open)(void *ctx, const pith_span *sp, uint32_t start, uint32_t end);
  void (*close)(void *ctx, const pith_span *sp);
  void (*point)(void *ctx, const pith_span *sp);
} pith_inline_ops;

/* Walk blk's text [from, to) with its spans, calling `ops`.  Spans are
 * trimmed of white space at their edges and clipped to the enclosing
 * span; emphasis, strong and code spans are passed on only with
 * PITH_OPT_FORMATTING in `flags`, links only with PITH_OPT_LINKS, images
 * only with PITH_OPT_IMAGES; breaks always (the space they stand on is not
 * passed as text).  Nothing nests inside a code span, and no link inside
 * a link (the outer one is kept).  Table-cell spans
 * are the caller's business and are skipped.  Returns 0, or -1 when out of
 * memory. */
int pith__inline_walk(const pith_block *blk, uint32_t from, uint32_t to,
                      unsigned flags, const pith_inline_ops *ops, void *ctx);

/* Append `url` resolved against res->base to `out` and return 1 when the
 * result is safe to write (see pith__url_safe()); else append nothing and
 * return 0.  An empty URL is never written. */
int pith__put_url(pith_buf *out, const pith_result *res, const char *url);

/* Append s[0..n) escaped for XML and HTML text and attribute values
 * (&, <, >, " and '); characters XML 1.0 forbids (C0 controls other than
 * tab, newline and carriage return) are dropped. */
void pith__put_escaped(pith_buf *out, const char *s, size_t n);

/* The heading level the renderers write for blk: levels are shifted so
 * the blocks' top heading becomes `top_to` (clamped to 1..6). */
int pith__heading_level(const pith_block *blk, int min_level, int top_to);

/* Non-zero when the blocks[0..n) hold no visible character: only spaces,
 * no-break spaces (U+00A0), zero-width spaces and the " | " between table
 * cells.  The structured renderers skip such blocks and tables. */
int pith__blank(const pith_block *blocks, size_t n);

/* The smallest heading level among the blocks, or 1 when none. */
int pith__min_heading(const pith_block *blocks, size_t n);

#endif
