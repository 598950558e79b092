/* SPDX-License-Identifier: MIT */
/*
 * text.c - the plain-text renderer: a result's blocks as text, the
 * renderer beside markdown.c, markup.c (XML, HTML) and json.c.
 *
 * Paragraphs are separated by a blank line; consecutive list items and
 * consecutive table rows by one newline.  List items start with "- ",
 * indented two spaces per level below the top; table rows are the
 * "cell | cell" lines the body stage built.  Blocks without text (images
 * only) are skipped.  This text is the result's `text` field, which the
 * JSON record and the --explain trace repeat byte for byte.
 */
#include "text.h"

#include "alloc.h"

static void emit(pith_buf *out, size_t *len, const char *s, size_t n) {
  if (out)
    pith__buf_append(out, s, n);
  *len += n;
}

/* Render into out, or (out NULL) only count the bytes. */
static size_t render(const pith_block *blocks, size_t n, pith_buf *out) {
  size_t len = 0;
  const pith_block *prev = NULL;
  for (size_t i = 0; i < n; i++) {
    const pith_block *blk = &blocks[i];
    if (!blk->len)
      continue; /* an image-only block has no text */
    if (prev) {
      int tight =
          blk->type == prev->type && (blk->type == PITH_BLOCK_LIST_ITEM ||
                                      blk->type == PITH_BLOCK_TABLE_ROW);
      emit(out, &len, "\n\n", tight ? 1 : 2);
    }
    if (blk->type == PITH_BLOCK_LIST_ITEM) {
      for (int d = 1; d < blk->level && d < 8; d++)
        emit(out, &len, "  ", 2);
      emit(out, &len, "- ", 2);
    }
    emit(out, &len, blk->text, blk->len);
    prev = blk;
  }
  return len;
}

size_t pith__render_text_len(const pith_block *blocks, size_t n) {
  return render(blocks, n, NULL);
}

char *pith__render_text(const pith_block *blocks, size_t n, pith_arena *a) {
  pith_buf out;
  pith__buf_init(&out);
  render(blocks, n, &out);
  if (out.oom) {
    pith__buf_free(&out);
    return NULL;
  }
  char *s = pith__arena_strndup(a, out.data ? out.data : "", out.len);
  pith__buf_free(&out);
  return s;
}
