/* SPDX-License-Identifier: MIT */
/*
 * body.c - the structuring stage: the chosen subtree becomes a list of
 * blocks (headings, paragraphs, list items, quotes, code, table rows) in
 * document order, with white space normalised.
 *
 * It reads the tree and the extract stage's per-node decisions and knows
 * nothing of how they were made.  The walk is iterative (no recursion), so
 * nesting depth cannot exhaust the stack.
 */
#include "body.h"

#include <string.h>

/* Repeats of blocks at least this long (bytes) are dropped. */
#define DEDUPE_MIN 10

typedef struct {
  const pith_tree *t;
  const pith_scratch *s;
  pith_arena *a;
  pith_buf seg; /* the text of the block being collected */
  int pending;  /* a space is owed before the next visible character */
  int soft;     /* a link boundary: a space if it would join two words */
  int pre;      /* depth of <pre> elements */
  int list;     /* depth of lists */
  int item;     /* depth of list items */
  int quote;    /* depth of block quotes */
  int heading;  /* level of the open heading, 0 if none */
  int ordered;  /* the innermost list is an <ol> */
  pith_block *blocks;
  size_t n, cap;
  int oom;
} builder;

static int is_space(unsigned char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
         c == '\v';
}

/* Do the edges of inline element n separate words?  Links, spans, labels
 * and custom elements are laid out as separate boxes far more often than
 * they split a word - except a one-letter span, the drop cap of "The".
 * Emphasis (b, i, em, ...) stays inside words. */
static int word_boundary(const builder *b, uint32_t n) {
  switch (b->t->nodes[n].tag) {
  case PITH_TAG_A:
  case PITH_TAG_LABEL:
  case PITH_TAG_TIME:
    return 1;
  case PITH_TAG_SPAN:
  case PITH_TAG_UNKNOWN:
    return b->s->raw[n] > 1;
  default:
    return 0;
  }
}

static int is_alnum(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         (c >= '0' && c <= '9');
}

static void emit(builder *b, int type, int level) {
  pith_buf *seg = &b->seg;
  /* Trim trailing white space (code keeps its inner lines). */
  while (seg->len && is_space((unsigned char)seg->data[seg->len - 1]))
    seg->len--;
  size_t start = 0;
  while (start < seg->len && (seg->data[start] == '\n' ||
                              (type != PITH_BLOCK_CODE &&
                               is_space((unsigned char)seg->data[start]))))
    start++;
  if (seg->oom)
    b->oom = 1;
  if (start < seg->len && !b->oom) {
    if (b->n == b->cap) {
      size_t cap = b->cap ? b->cap * 2 : 64;
      pith_block *nb = pith__realloc(b->blocks, cap * sizeof *nb);
      if (!nb) {
        b->oom = 1;
        goto out;
      }
      b->blocks = nb;
      b->cap = cap;
    }
    pith_block *blk = &b->blocks[b->n];
    blk->type = type;
    blk->level = level;
    blk->ordered = b->ordered;
    blk->len = seg->len - start;
    blk->text = pith__arena_strndup(b->a, seg->data + start, blk->len);
    if (!blk->text)
      b->oom = 1;
    else
      b->n++;
  }
out:
  pith__buf_reset(seg);
  b->pending = 0;
  b->soft = 0;
}

/* Emit the collected text as a block of the current context's type. */
static void flush(builder *b) {
  if (!b->seg.len)
    return;
  if (b->pre)
    emit(b, PITH_BLOCK_CODE, 0);
  else if (b->heading)
    emit(b, PITH_BLOCK_HEADING, b->heading);
  else if (b->item)
    emit(b, PITH_BLOCK_LIST_ITEM, b->list ? b->list : 1);
  else if (b->quote)
    emit(b, PITH_BLOCK_QUOTE, 0);
  else
    emit(b, PITH_BLOCK_PARAGRAPH, 0);
}

static void put_text(builder *b, const char *s, size_t n) {
  pith_buf *seg = &b->seg;
  if (b->pre) {
    pith__buf_append(seg, s, n);
    return;
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_space(c)) {
      b->pending = 1;
      continue;
    }
    if (b->soft && !b->pending && seg->len && is_alnum(c) &&
        is_alnum((unsigned char)seg->data[seg->len - 1]))
      b->pending = 1; /* "<a>Line</a><a>View</a>" reads as two words */
    if (b->pending && seg->len && seg->data[seg->len - 1] != '\n' &&
        seg->data[seg->len - 1] != ' ')
      pith__buf_putc(seg, ' ');
    b->pending = 0;
    b->soft = 0;
    /* Append the run of non-space bytes in one go. */
    size_t j = i + 1;
    while (j < n && !is_space((unsigned char)s[j]))
      j++;
    pith__buf_append(seg, s + i, j - i);
    i = j - 1;
  }
}

static int kept_text(const builder *b, uint32_t n) {
  uint8_t f = b->s->flags[n];
  if (f & PITH_X_REMOVED)
    return 0;
  return !(b->s->flags[b->s->owner[n]] & PITH_X_DROP);
}

/* A table row whose cells hold only inline content becomes one block. */
static int simple_row(const pith_tree *t, const pith_scratch *s, uint32_t tr) {
  for (uint32_t i = pith__next_node(t, tr, tr, 0); i;
       i = pith__next_node(t, tr, i, 0)) {
    unsigned tag = t->nodes[i].tag;
    if ((s->flags[i] & PITH_X_BLOCK) && tag != PITH_TAG_TD &&
        tag != PITH_TAG_TH && tag != PITH_TAG_P)
      return 0;
  }
  return 1;
}

static void table_row(builder *b, uint32_t tr) {
  const pith_tree *t = b->t;
  int cells = 0;
  flush(b);
  for (uint32_t c = t->nodes[tr].first; c; c = t->nodes[c].next) {
    unsigned tag = t->nodes[c].tag;
    if ((tag != PITH_TAG_TD && tag != PITH_TAG_TH) ||
        (b->s->flags[c] & PITH_X_REMOVED))
      continue;
    if (cells++)
      pith__buf_append(&b->seg, " | ", 3);
    b->pending = 0;
    uint32_t i = c;
    while (i) {
      if (b->s->flags[i] & PITH_X_REMOVED) {
        i = pith__next_node(t, c, i, 1);
        continue;
      }
      if (t->nodes[i].tag == PITH_TAG_TEXT) {
        if (kept_text(b, i))
          put_text(b, pith__text(t, i), t->nodes[i].len);
      } else if (t->nodes[i].tag == PITH_TAG_BR ||
                 (b->s->flags[i] & PITH_X_BLOCK)) {
        b->pending = 1; /* lines inside a cell stay apart */
      }
      i = pith__next_node(t, c, i, 0);
    }
  }
  /* A row of empty cells is nothing. */
  int any = 0;
  for (size_t i = 0; i < b->seg.len; i++)
    if (b->seg.data[i] != ' ' && b->seg.data[i] != '|')
      any = 1;
  if (any)
    emit(b, PITH_BLOCK_TABLE_ROW, 0);
  else
    pith__buf_reset(&b->seg);
}

/* Entering an element: update the context; returns 0 to skip its
 * children. */
static int enter(builder *b, uint32_t n) {
  const pith_tree *t = b->t;
  unsigned tag = t->nodes[n].tag;
  uint8_t f = b->s->flags[n];
  if (f & PITH_X_REMOVED)
    return 0;
  if (tag == PITH_TAG_BR) {
    if (b->pre)
      pith__buf_putc(&b->seg, '\n');
    else
      b->pending = 1;
    return 0;
  }
  if (!(f & PITH_X_BLOCK)) {
    if (word_boundary(b, n))
      b->soft = 1;
    return 1;
  }
  flush(b);
  switch (tag) {
  case PITH_TAG_UL:
  case PITH_TAG_OL:
    b->list++;
    b->ordered = tag == PITH_TAG_OL;
    break;
  case PITH_TAG_LI:
    b->item++;
    break;
  case PITH_TAG_BLOCKQUOTE:
    b->quote++;
    break;
  case PITH_TAG_PRE:
    b->pre++;
    break;
  case PITH_TAG_H1:
  case PITH_TAG_H2:
  case PITH_TAG_H3:
  case PITH_TAG_H4:
  case PITH_TAG_H5:
  case PITH_TAG_H6:
    b->heading = (int)(tag - PITH_TAG_H1) + 1;
    break;
  case PITH_TAG_TR:
    if (simple_row(t, b->s, n)) {
      table_row(b, n);
      return 0;
    }
    break;
  default:
    break;
  }
  return 1;
}

static void leave(builder *b, uint32_t n) {
  const pith_tree *t = b->t;
  unsigned tag = t->nodes[n].tag;
  if (!(b->s->flags[n] & PITH_X_BLOCK)) {
    if (word_boundary(b, n))
      b->soft = 1;
    return;
  }
  flush(b);
  switch (tag) {
  case PITH_TAG_UL:
  case PITH_TAG_OL:
    b->list--;
    b->ordered = 0;
    break;
  case PITH_TAG_LI:
    b->item--;
    break;
  case PITH_TAG_BLOCKQUOTE:
    b->quote--;
    break;
  case PITH_TAG_PRE:
    b->pre--;
    break;
  default:
    if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)
      b->heading = 0;
    break;
  }
}

/* FNV-1a, for spotting repeated blocks. */
static uint64_t hash_text(const char *s, size_t n) {
  uint64_t h = 1469598103934665603ull;
  for (size_t i = 0; i < n; i++) {
    h ^= (unsigned char)s[i];
    h *= 1099511628211ull;
  }
  return h;
}

/* Pages often carry the same text twice (a mobile and a desktop version of
 * a description, a repeated call to action); readers see it once.  Drop
 * later copies of a block.  Very short blocks ("Yes", "1") and table rows
 * legitimately repeat and are kept.  Open addressing over a
 * table twice the block count keeps it linear. */
static void dedupe(builder *b) {
  if (b->n < 2)
    return;
  size_t cap = 16;
  while (cap < b->n * 2)
    cap *= 2;
  uint64_t *seen = pith__calloc(cap, sizeof *seen);
  if (!seen)
    return; /* keeping duplicates is a safe degradation */
  size_t k = 0;
  for (size_t i = 0; i < b->n; i++) {
    pith_block *blk = &b->blocks[i];
    if (blk->len >= DEDUPE_MIN && blk->type != PITH_BLOCK_TABLE_ROW &&
        blk->type != PITH_BLOCK_CODE) {
      uint64_t h = hash_text(blk->text, blk->len) | 1;
      size_t j = (size_t)h & (cap - 1);
      int dup = 0;
      while (seen[j]) {
        if (seen[j] == h) {
          dup = 1;
          break;
        }
        j = (j + 1) & (cap - 1);
      }
      if (dup)
        continue;
      seen[j] = h;
    }
    b->blocks[k++] = *blk;
  }
  b->n = k;
  pith__free(seen);
}

/* A heading whose section lost all its content to pruning ("Related
 * articles" above a dropped link list, "Tags" above nothing) heads
 * nothing: drop it.  A section is empty when the next block is a heading
 * of a higher rank, or the end.  (A run of same-rank headings is kept: it
 * is a list of titles.) */
static void drop_empty_sections(builder *b) {
  size_t k = b->n;
  /* Walk backwards so a chain of empty headings goes at once. */
  for (size_t i = b->n; i-- > 0;) {
    pith_block *blk = &b->blocks[i];
    if (blk->type != PITH_BLOCK_HEADING)
      continue;
    size_t next = i + 1;
    while (next < b->n && b->blocks[next].type == PITH_BLOCK_HEADING &&
           b->blocks[next].level < 0)
      next++;
    int empty = next >= b->n || (b->blocks[next].type == PITH_BLOCK_HEADING &&
                                 b->blocks[next].level < blk->level);
    if (empty)
      blk->level = -blk->level; /* mark; removed below */
  }
  k = 0;
  for (size_t i = 0; i < b->n; i++)
    if (!(b->blocks[i].type == PITH_BLOCK_HEADING && b->blocks[i].level < 0))
      b->blocks[k++] = b->blocks[i];
  b->n = k;
}

int pith__body_build(const pith_tree *t, const pith_scratch *s, uint32_t root,
                     pith_arena *a, pith_block **blocks, size_t *nblocks) {
  builder b;
  memset(&b, 0, sizeof b);
  b.t = t;
  b.s = s;
  b.a = a;
  pith__buf_init(&b.seg);
  *blocks = NULL;
  *nblocks = 0;
  if (!root)
    return 0;

  uint32_t n = root;
  int descend = t->nodes[n].tag == PITH_TAG_TEXT ? 0 : enter(&b, n);
  for (;;) {
    if (descend && t->nodes[n].first) {
      n = t->nodes[n].first;
    } else {
      /* Leave n and its finished ancestors, then go to the next sibling. */
      for (;;) {
        if (t->nodes[n].tag != PITH_TAG_TEXT && descend)
          leave(&b, n);
        descend = 1;
        if (n == root) {
          n = 0;
          break;
        }
        if (t->nodes[n].next) {
          n = t->nodes[n].next;
          break;
        }
        n = t->nodes[n].parent;
      }
      if (!n)
        break;
    }
    if (t->nodes[n].tag == PITH_TAG_TEXT) {
      if (kept_text(&b, n))
        put_text(&b, pith__text(t, n), t->nodes[n].len);
      descend = 0;
    } else {
      descend = enter(&b, n);
    }
  }
  flush(&b);
  pith__buf_free(&b.seg);
  if (b.oom) {
    pith__free(b.blocks);
    return -1;
  }
  dedupe(&b);
  drop_empty_sections(&b);
  /* The blocks move into the arena so the result frees in one go. */
  if (b.n) {
    pith_block *dst = pith__arena_alloc(a, b.n * sizeof *dst);
    if (!dst) {
      pith__free(b.blocks);
      return -1;
    }
    memcpy(dst, b.blocks, b.n * sizeof *dst);
    *blocks = dst;
    *nblocks = b.n;
  }
  pith__free(b.blocks);
  return 0;
}

char *pith__render_text(const pith_block *blocks, size_t n, pith_arena *a) {
  pith_buf out;
  pith__buf_init(&out);
  for (size_t i = 0; i < n; i++) {
    const pith_block *blk = &blocks[i];
    if (i) {
      int tight = blk->type == blocks[i - 1].type &&
                  (blk->type == PITH_BLOCK_LIST_ITEM ||
                   blk->type == PITH_BLOCK_TABLE_ROW);
      pith__buf_append(&out, "\n\n", tight ? 1 : 2);
    }
    if (blk->type == PITH_BLOCK_LIST_ITEM) {
      for (int d = 1; d < blk->level && d < 8; d++)
        pith__buf_append(&out, "  ", 2);
      pith__buf_append(&out, "- ", 2);
    }
    pith__buf_append(&out, blk->text, blk->len);
  }
  if (out.oom) {
    pith__buf_free(&out);
    return NULL;
  }
  char *s = pith__arena_strndup(a, out.data ? out.data : "", out.len);
  pith__buf_free(&out);
  return s;
}
