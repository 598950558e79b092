/* SPDX-License-Identifier: MIT */
/*
 * body.c - the structuring stage: the chosen subtree becomes a list of
 * blocks (headings, paragraphs, list items, quotes, code, table rows) in
 * document order, with white space normalised.
 *
 * It reads the tree and the extract stage's per-node decisions and knows
 * nothing of how they were made.  The walk is iterative (no recursion), so
 * nesting depth cannot exhaust the stack.
 *
 * Alongside each block's plain text it records the inline structure the
 * Markdown, XML and HTML renderers need (emphasis, code, links, images,
 * line breaks, table cells) as spans over that text, plus the block's list
 * or table, quote depth and code language.  None of it changes the text.
 */
#include "body.h"

#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "explain.h"
#include "vocab.h"

/* Repeats of blocks at least this long (bytes) are dropped. */
#define DEDUPE_MIN 10

typedef struct {
  const pith_tree *t;
  const pith_scratch *s;
  pith_arena *a;
  pith_buf seg;       /* the text of the block being collected */
  int pending;        /* a space is owed before the next visible character */
  int soft;           /* a link boundary: a space if it would join two words */
  int pre;            /* depth of <pre> elements */
  int list;           /* depth of lists */
  int item;           /* depth of list items */
  int quote;          /* depth of block quotes */
  int heading;        /* level of the open heading, 0 if none */
  int ordered;        /* the innermost list is an <ol> */
  unsigned opts;      /* PITH_BODY_* */
  uint32_t list_node; /* the innermost list element, 0 if none */
  const char *lang;   /* language of the open <pre>, or NULL */
  uint32_t pre_node;  /* the outermost open <pre> */
  /* Spans of the block being collected (end == OPEN while open), and the
   * stack of open inline elements with the index of their span. */
  pith_span *sp;
  size_t nsp, capsp;
  struct open_inline {
    uint32_t node;
    size_t span;
  } * open;
  size_t nopen, capopen;
  uint32_t *lists; /* the open list elements, innermost last */
  size_t nlists, caplists;
  pith_block *blocks;
  size_t n, cap;
  uint32_t seg_node; /* the first text node of the block being collected */
  uint32_t cur_node; /* the text node put_text() is given */
  /* With PITH_BODY_EXPLAIN: the blocks dropped here, reason set. */
  pith_block *gone;
  size_t ngone, capgone;
  int oom;
} builder;

/* Keep a copy of a dropped block for the trace. */
static void keep_gone(builder *b, const pith_block *blk, int reason) {
  if (!(b->opts & PITH_BODY_EXPLAIN))
    return;
  if (b->ngone == b->capgone) {
    size_t cap = b->capgone ? b->capgone * 2 : 16;
    pith_block *ng = pith__realloc(b->gone, cap * sizeof *ng);
    if (!ng) {
      b->oom = 1;
      return;
    }
    b->gone = ng;
    b->capgone = cap;
  }
  b->gone[b->ngone] = *blk;
  b->gone[b->ngone++].reason = reason;
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

#define OPEN UINT32_MAX

/* The span type an inline element records, or -1. */
static int span_type(const builder *b, uint32_t n) {
  switch (b->t->nodes[n].tag) {
  case PITH_TAG_I:
  case PITH_TAG_EM:
  case PITH_TAG_CITE:
  case PITH_TAG_DFN:
  case PITH_TAG_VAR:
    return PITH_SPAN_EM;
  case PITH_TAG_B:
  case PITH_TAG_STRONG:
    return PITH_SPAN_STRONG;
  case PITH_TAG_CODE:
  case PITH_TAG_KBD:
  case PITH_TAG_SAMP:
  case PITH_TAG_TT:
    return b->pre ? -1 : PITH_SPAN_CODE;
  case PITH_TAG_A:
    return pith__attr(b->t, n, PITH_ATTR_HREF, NULL) ? PITH_SPAN_LINK : -1;
  default:
    return -1;
  }
}

/* Append a span of type `type` starting at the current end of the text;
 * returns its index, or (size_t)-1 when out of memory. */
static size_t add_span(builder *b, int type, uint32_t end) {
  if (b->nsp == b->capsp) {
    size_t cap = b->capsp ? b->capsp * 2 : 16;
    pith_span *ns = pith__realloc(b->sp, cap * sizeof *ns);
    if (!ns) {
      b->oom = 1;
      return (size_t)-1;
    }
    b->sp = ns;
    b->capsp = cap;
  }
  pith_span *sp = &b->sp[b->nsp];
  memset(sp, 0, sizeof *sp);
  sp->type = type;
  sp->start = (uint32_t)b->seg.len;
  sp->end = end == OPEN ? OPEN : (uint32_t)b->seg.len;
  sp->cols = sp->rows = 1;
  return b->nsp++;
}

/* Fill a link's or image's URL fields from node n. */
static void span_attrs(builder *b, size_t i, uint32_t n) {
  if (i == (size_t)-1)
    return;
  pith_span *sp = &b->sp[i];
  size_t len;
  const char *v;
  if (sp->type == PITH_SPAN_LINK) {
    v = pith__attr(b->t, n, PITH_ATTR_HREF, &len);
    sp->url = v ? pith__arena_strndup(b->a, v, len) : NULL;
  } else if (sp->type == PITH_SPAN_IMAGE) {
    /* Lazy-loading pages put the real address in data-src and a
     * placeholder (often a data: URL) in src. */
    v = pith__attr(b->t, n, PITH_ATTR_DATA_SRC, &len);
    if (v && len) {
      /* Some pages put a srcset list ("a.jpg 1x, b.jpg 2x") in data-src:
       * its first URL is the image. */
      size_t lead = strspn(v, " \t\n\r\f"); /* values end in a NUL */
      v += lead;
      len = strcspn(v, " \t\n\r\f");
    }
    if (!v || !len)
      v = pith__attr(b->t, n, PITH_ATTR_SRC, &len);
    sp->url = v ? pith__arena_strndup(b->a, v, len) : NULL;
    v = pith__attr(b->t, n, PITH_ATTR_ALT, &len);
    char *alt = v ? pith__arena_strndup(b->a, v, len) : NULL;
    if (alt) {
      /* Text like any other: no-break spaces are plain spaces. */
      size_t k = 0;
      for (size_t j = 0; j < len; j++) {
        size_t w = nb_space(alt, len, j);
        alt[k++] = w ? ' ' : alt[j];
        j += w ? w - 1 : 0;
      }
      alt[k] = '\0';
    }
    sp->alt = alt;
  }
}

/* An inline element n is entered: open its span. */
static void inline_enter(builder *b, uint32_t n) {
  unsigned tag = b->t->nodes[n].tag;
  if (tag == PITH_TAG_IMG) {
    size_t len;
    const char *src = pith__attr(b->t, n, PITH_ATTR_DATA_SRC, &len);
    if (!src || !len)
      src = pith__attr(b->t, n, PITH_ATTR_SRC, &len);
    if (src && len)
      span_attrs(b, add_span(b, PITH_SPAN_IMAGE, 0), n);
    return;
  }
  int type = span_type(b, n);
  if (type < 0)
    return;
  if (b->nopen == b->capopen) {
    size_t cap = b->capopen ? b->capopen * 2 : 16;
    struct open_inline *no = pith__realloc(b->open, cap * sizeof *no);
    if (!no) {
      b->oom = 1;
      return;
    }
    b->open = no;
    b->capopen = cap;
  }
  size_t i = add_span(b, type, OPEN);
  span_attrs(b, i, n);
  b->open[b->nopen].node = n;
  b->open[b->nopen].span = i;
  b->nopen++;
}

/* An inline element n is left: close its span if it is the open one. */
static void inline_leave(builder *b, uint32_t n) {
  if (b->nopen && b->open[b->nopen - 1].node == n) {
    size_t i = b->open[--b->nopen].span;
    if (i != (size_t)-1 && i < b->nsp)
      b->sp[i].end = (uint32_t)b->seg.len;
  }
}

/* Copy the collected spans of a block whose text is seg[start, start+len)
 * into the arena, clipped to the text; then start the next block's spans
 * with the inline elements still open. */
static void finish_spans(builder *b, pith_block *blk, size_t start,
                         size_t len) {
  blk->spans = NULL;
  blk->nspans = 0;
  size_t k = 0;
  for (size_t i = 0; i < b->nsp; i++) {
    pith_span *sp = &b->sp[i];
    size_t e = sp->end == OPEN ? start + len : sp->end;
    size_t st = sp->start < start ? 0 : sp->start - start;
    e = e < start ? 0 : e - start;
    if (st > len)
      st = len;
    if (e > len)
      e = len;
    int point = sp->type == PITH_SPAN_IMAGE || sp->type == PITH_SPAN_BREAK;
    if (point ? (sp->type == PITH_SPAN_BREAK && (st == 0 || st >= len))
              : st >= e)
      continue;
    sp->start = (uint32_t)st;
    sp->end = (uint32_t)(point ? st : e);
    b->sp[k++] = *sp;
  }
  if (k) {
    pith_span *dst = pith__arena_alloc(b->a, k * sizeof *dst);
    if (!dst) {
      b->oom = 1;
    } else {
      memcpy(dst, b->sp, k * sizeof *dst);
      blk->spans = dst;
      blk->nspans = k;
    }
  }
}

static void restart_spans(builder *b) {
  b->nsp = 0;
  for (size_t i = 0; i < b->nopen; i++) {
    uint32_t n = b->open[i].node;
    size_t j = add_span(b, span_type(b, n), OPEN);
    span_attrs(b, j, n);
    b->open[i].span = j;
  }
}

static int has_image(const builder *b) {
  for (size_t i = 0; i < b->nsp; i++)
    if (b->sp[i].type == PITH_SPAN_IMAGE)
      return 1;
  return 0;
}

/* The language named by class="language-x" or "lang-x" on node n. */
static const char *code_lang(builder *b, uint32_t n) {
  size_t len, w;
  const char *c = pith__attr(b->t, n, PITH_ATTR_CLASS, &len), *tok;
  pith_vocab_iter it;
  pith__vocab_iter_init(&it, c, len);
  while (pith__vocab_next_token(&it, &tok, &w)) {
    size_t skip = 0;
    if (w > 9 && strncmp(tok, "language-", 9) == 0)
      skip = 9;
    else if (w > 5 && strncmp(tok, "lang-", 5) == 0)
      skip = 5;
    if (skip)
      return pith__arena_strndup(b->a, tok + skip, w - skip);
  }
  return NULL;
}

static void emit(builder *b, int type, int level) {
  pith_buf *seg = &b->seg;
  /* Trim trailing white space (code keeps its inner lines). */
  while (seg->len && is_sp((unsigned char)seg->data[seg->len - 1]))
    seg->len--;
  size_t start = 0;
  while (start < seg->len &&
         (seg->data[start] == '\n' ||
          (type != PITH_BLOCK_CODE && is_sp((unsigned char)seg->data[start]))))
    start++;
  if (seg->oom)
    b->oom = 1;
  /* A block with no text is kept only for its images, when asked to. */
  int image_only = start >= seg->len && (b->opts & PITH_BODY_IMAGES) &&
                   type != PITH_BLOCK_CODE && type != PITH_BLOCK_TABLE_ROW &&
                   has_image(b);
  if (image_only)
    start = seg->len;
  if ((start < seg->len || image_only) && !b->oom) {
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
    blk->text =
        pith__arena_strndup(b->a, seg->data ? seg->data + start : "", blk->len);
    blk->group = type == PITH_BLOCK_LIST_ITEM ? b->list_node
                 : type == PITH_BLOCK_CODE    ? b->pre_node
                                              : 0;
    blk->quote = b->quote;
    blk->header = 0;
    blk->lang = type == PITH_BLOCK_CODE ? b->lang : NULL;
    blk->node = b->seg_node;
    blk->reason = 0;
    blk->titles_form = 0;
    finish_spans(b, blk, start, blk->len);
    if (!blk->text)
      b->oom = 1;
    else
      b->n++;
  }
out:
  pith__buf_reset(seg);
  b->seg_node = 0;
  restart_spans(b);
  b->pending = 0;
  b->soft = 0;
}

/* Emit the collected text as a block of the current context's type. */
static void flush(builder *b) {
  if (!b->seg.len) {
    if (!b->nsp)
      return;
    if (!(b->opts & PITH_BODY_IMAGES) || !has_image(b)) {
      restart_spans(b); /* drop marks of a block that has no text */
      return;
    }
  }
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

/* Is s[i] white space, a no-break space included?  Its length, or 0. */
static size_t space_at(const char *s, size_t n, size_t i) {
  unsigned char c = (unsigned char)s[i];
  return is_sp(c) ? 1 : c == 0xC2 || c == 0xE2 ? nb_space(s, n, i) : 0;
}

static void put_text(builder *b, const char *s, size_t n) {
  pith_buf *seg = &b->seg;
  if (!b->seg_node)
    for (size_t i = 0; i < n; i++)
      if (!is_sp((unsigned char)s[i]) || b->pre) {
        b->seg_node = b->cur_node;
        break;
      }
  if (b->pre) {
    /* Code keeps its spacing; a no-break space is a plain space. */
    size_t from = 0;
    for (size_t i = 0; i < n; i++) {
      unsigned char c = (unsigned char)s[i];
      size_t w = c == 0xC2 || c == 0xE2 ? nb_space(s, n, i) : 0;
      if (w) {
        pith__buf_append(seg, s + from, i - from);
        pith__buf_putc(seg, ' ');
        from = i + w;
        i += w - 1;
      }
    }
    pith__buf_append(seg, s + from, n - from);
    return;
  }
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    size_t w = space_at(s, n, i);
    if (w) {
      b->pending = 1;
      i += w - 1;
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
    while (j < n && !space_at(s, n, j))
      j++;
    pith__buf_append(seg, s + i, j - i);
    i = j - 1;
  }
}

static int kept_text(const builder *b, uint32_t n) {
  uint16_t f = b->s->flags[n];
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

/* A colspan or rowspan value: 1..1000, 1 when absent or invalid. */
static uint16_t span_count(const pith_tree *t, uint32_t n, unsigned id) {
  const char *v = pith__attr(t, n, id, NULL);
  if (!v)
    return 1;
  long k = strtol(v, NULL, 10);
  return k < 1 ? 1 : k > 1000 ? 1000 : (uint16_t)k;
}

/* The text of one table cell: its text nodes in order, lines inside it
 * kept apart by a space, with the inline spans of the elements inside. */
static void cell_text(builder *b, uint32_t c) {
  const pith_tree *t = b->t;
  uint32_t n = c;
  for (;;) {
    int descend = 0;
    if (!(b->s->flags[n] & PITH_X_REMOVED)) {
      if (t->nodes[n].tag == PITH_TAG_TEXT) {
        if (kept_text(b, n)) {
          b->cur_node = n;
          put_text(b, pith__text(t, n), t->nodes[n].len);
        }
      } else {
        if (t->nodes[n].tag == PITH_TAG_BR || (b->s->flags[n] & PITH_X_BLOCK))
          b->pending = 1; /* lines inside a cell stay apart */
        else
          inline_enter(b, n);
        descend = 1;
      }
    }
    if (descend && t->nodes[n].first) {
      n = t->nodes[n].first;
      continue;
    }
    for (;;) {
      if (descend || n != c)
        inline_leave(b, n);
      descend = 1;
      if (n == c)
        return;
      if (t->nodes[n].next) {
        n = t->nodes[n].next;
        break;
      }
      n = t->nodes[n].parent;
    }
  }
}

static void table_row(builder *b, uint32_t tr) {
  const pith_tree *t = b->t;
  int cells = 0, heads = 0;
  flush(b);
  for (uint32_t c = t->nodes[tr].first; c; c = t->nodes[c].next) {
    unsigned tag = t->nodes[c].tag;
    if ((tag != PITH_TAG_TD && tag != PITH_TAG_TH) ||
        (b->s->flags[c] & PITH_X_REMOVED))
      continue;
    if (cells++)
      pith__buf_append(&b->seg, " | ", 3);
    b->pending = 0;
    size_t cell = add_span(b, PITH_SPAN_CELL, OPEN);
    cell_text(b, c);
    if (cell != (size_t)-1) {
      pith_span *sp = &b->sp[cell];
      sp->end = (uint32_t)b->seg.len;
      sp->cols = span_count(t, c, PITH_ATTR_COLSPAN);
      sp->rows = span_count(t, c, PITH_ATTR_ROWSPAN);
      sp->head = tag == PITH_TAG_TH;
    }
    heads += tag == PITH_TAG_TH;
  }
  /* A row of empty cells is nothing. */
  int any = 0;
  for (size_t i = 0; i < b->seg.len; i++)
    if (b->seg.data[i] != ' ' && b->seg.data[i] != '|')
      any = 1;
  if (any) {
    size_t before = b->n;
    emit(b, PITH_BLOCK_TABLE_ROW, 0);
    if (b->n > before) {
      pith_block *blk = &b->blocks[b->n - 1];
      uint32_t p = t->nodes[tr].parent;
      blk->header =
          (heads && heads == cells) || (p && t->nodes[p].tag == PITH_TAG_THEAD);
      while (p && t->nodes[p].tag != PITH_TAG_TABLE)
        p = t->nodes[p].parent;
      blk->group = p;
    }
  } else {
    pith__buf_reset(&b->seg);
    b->seg_node = 0;
    restart_spans(b);
  }
}

static int push_list(builder *b, uint32_t n) {
  if (b->nlists == b->caplists) {
    size_t cap = b->caplists ? b->caplists * 2 : 8;
    uint32_t *nl = pith__realloc(b->lists, cap * sizeof *nl);
    if (!nl) {
      b->oom = 1;
      return -1;
    }
    b->lists = nl;
    b->caplists = cap;
  }
  b->lists[b->nlists++] = n;
  b->list_node = n;
  return 0;
}

/* Entering an element: update the context; returns 0 to skip its
 * children. */
static int enter(builder *b, uint32_t n) {
  const pith_tree *t = b->t;
  unsigned tag = t->nodes[n].tag;
  uint16_t f = b->s->flags[n];
  if (f & PITH_X_REMOVED) {
    /* A form with text right after a heading, nothing between. */
    if (tag == PITH_TAG_FORM && b->s->raw[n] && !b->seg.len && b->n &&
        b->blocks[b->n - 1].type == PITH_BLOCK_HEADING)
      b->blocks[b->n - 1].titles_form = 1;
    return 0;
  }
  if (tag == PITH_TAG_BR) {
    if (b->pre) {
      pith__buf_putc(&b->seg, '\n');
    } else {
      b->pending = 1;
      add_span(b, PITH_SPAN_BREAK, 0);
    }
    return 0;
  }
  if (!(f & PITH_X_BLOCK)) {
    if (word_boundary(b, n))
      b->soft = 1;
    inline_enter(b, n);
    if (tag == PITH_TAG_CODE && b->pre && !b->lang)
      b->lang = code_lang(b, n);
    return 1;
  }
  flush(b);
  switch (tag) {
  case PITH_TAG_UL:
  case PITH_TAG_OL:
    b->list++;
    b->ordered = tag == PITH_TAG_OL;
    if (push_list(b, n) < 0)
      return 0;
    break;
  case PITH_TAG_LI:
    b->item++;
    break;
  case PITH_TAG_BLOCKQUOTE:
    b->quote++;
    break;
  case PITH_TAG_PRE:
    if (!b->pre++) {
      b->lang = code_lang(b, n);
      b->pre_node = n;
    }
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
      if (!(b->opts & PITH_BODY_NO_TABLES)) {
        table_row(b, n);
      } else if (b->opts & PITH_BODY_EXPLAIN) {
        /* Built only to show in the trace what was left out. */
        size_t before = b->n;
        table_row(b, n);
        if (b->n > before)
          keep_gone(b, &b->blocks[--b->n], PITH_R_TABLE);
      }
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
    inline_leave(b, n);
    return;
  }
  flush(b);
  switch (tag) {
  case PITH_TAG_UL:
  case PITH_TAG_OL:
    b->list--;
    /* Back to the enclosing list, if any. */
    if (b->nlists)
      b->nlists--;
    b->list_node = b->nlists ? b->lists[b->nlists - 1] : 0;
    b->ordered = b->list_node && t->nodes[b->list_node].tag == PITH_TAG_OL;
    break;
  case PITH_TAG_LI:
    b->item--;
    break;
  case PITH_TAG_BLOCKQUOTE:
    b->quote--;
    break;
  case PITH_TAG_PRE:
    if (!--b->pre)
      b->lang = NULL;
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
      if (dup) {
        keep_gone(b, blk, PITH_R_REPEATED);
        continue;
      }
      seen[j] = h;
    }
    b->blocks[k++] = *blk;
  }
  b->n = k;
  pith__free(seen);
}

/* A label paragraph: a short line that ends in a colon ("More on this
 * topic:", "Contact:") announces what follows, as a heading does, one rank
 * below the lowest heading. */
#define LABEL_MAX_BYTES 80 /* longer lines ending in ':' are sentences */
#define LABEL_RANK 7       /* below <h6> */

static int is_label(const pith_block *blk) {
  if (blk->type != PITH_BLOCK_PARAGRAPH || blk->quote || blk->len == 0 ||
      blk->len > LABEL_MAX_BYTES)
    return 0;
  size_t n = blk->len;
  while (n > 0 && (blk->text[n - 1] == ' ' || blk->text[n - 1] == '\n'))
    n--;
  if (n >= 1 && blk->text[n - 1] == ':')
    return 1;
  /* U+FF1A FULLWIDTH COLON */
  return n >= 3 && memcmp(blk->text + n - 3, "\xef\xbc\x9a", 3) == 0;
}

/* The rank of a block that opens a section: a heading's level, a label's
 * LABEL_RANK, 0 for any other block. */
static int section_rank(const pith_block *blk) {
  if (blk->type == PITH_BLOCK_HEADING)
    return blk->level;
  return is_label(blk) ? LABEL_RANK : 0;
}

/* A heading whose section lost all its content to pruning ("Related
 * articles" above a dropped link list, "Tags" above nothing) heads
 * nothing: drop it.  A section is empty when the next block is a heading
 * of a higher rank, or the end.  (A run of same-rank headings is kept: it
 * is a list of titles - but not a heading whose removed form came right
 * after it: its section was that form.)  A label opens a section too, at
 * LABEL_RANK. */
static void drop_empty_sections(builder *b) {
  /* Walk backwards so a chain of empty headings goes at once.  `next` is
   * the first block after i that stays: the headings dropped on the way
   * are passed over once, not again for every heading before them (a run
   * of 200,000 empty headings took 20 s that way). */
  size_t next = b->n;
  for (size_t i = b->n; i-- > 0;) {
    pith_block *blk = &b->blocks[i];
    int rank = section_rank(blk);
    int next_rank = next < b->n ? section_rank(&b->blocks[next]) : 0;
    if (rank && (next >= b->n ||
                 (next_rank && (next_rank < rank ||
                                (blk->titles_form && next_rank <= rank)))))
      blk->level = -1 - blk->level; /* mark (a label's level is 0) */
    else
      next = i;
  }
  size_t k = 0;
  for (size_t i = 0; i < b->n; i++) {
    pith_block *blk = &b->blocks[i];
    if (blk->level >= 0) {
      b->blocks[k++] = *blk;
    } else if (b->opts & PITH_BODY_EXPLAIN) {
      blk->level = -1 - blk->level;
      keep_gone(b, blk, PITH_R_EMPTY_SECTION);
    }
  }
  b->n = k;
}

/* Turn the subtree of root into blocks (iterative, pre-order). */
static void walk(builder *bp, uint32_t root) {
  const pith_tree *t = bp->t;
  uint32_t n = root;
  int descend = t->nodes[n].tag == PITH_TAG_TEXT ? 0 : enter(bp, n);
  for (;;) {
    if (descend && t->nodes[n].first) {
      n = t->nodes[n].first;
    } else {
      /* Leave n and its finished ancestors, then go to the next sibling. */
      for (;;) {
        if (t->nodes[n].tag != PITH_TAG_TEXT && descend)
          leave(bp, n);
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
    /* Out of time (clock.h): keep the blocks so far. */
    if (pith__clock_over(bp->s->clock))
      break;
    if (t->nodes[n].tag == PITH_TAG_TEXT) {
      if (kept_text(bp, n)) {
        bp->cur_node = n;
        put_text(bp, pith__text(t, n), t->nodes[n].len);
      }
      descend = 0;
    } else {
      descend = enter(bp, n);
    }
  }
  flush(bp);
}

int pith__body_build(const pith_tree *t, const pith_scratch *s, uint32_t root,
                     unsigned opts, pith_arena *a, pith_block **blocks,
                     size_t *nblocks, pith_block **gone, size_t *ngone) {
  builder b;
  memset(&b, 0, sizeof b);
  b.t = t;
  b.s = s;
  b.a = a;
  b.opts = opts;
  pith__buf_init(&b.seg);
  *blocks = NULL;
  *nblocks = 0;
  if (gone) {
    *gone = NULL;
    *ngone = 0;
  }
  if (!root)
    return 0;
  /* The article's lead, when the extract stage found it just before the
   * selected element, comes first. */
  if (s->lead)
    walk(&b, s->lead);
  walk(&b, root);
  pith__buf_free(&b.seg);
  pith__free(b.sp);
  pith__free(b.open);
  pith__free(b.lists);
  dedupe(&b);
  drop_empty_sections(&b);
  if (b.oom) {
    pith__free(b.blocks);
    pith__free(b.gone);
    return -1;
  }
  if (b.ngone && gone) {
    pith_block *dst = pith__arena_alloc(a, b.ngone * sizeof *dst);
    if (!dst) {
      pith__free(b.blocks);
      pith__free(b.gone);
      return -1;
    }
    memcpy(dst, b.gone, b.ngone * sizeof *dst);
    *gone = dst;
    *ngone = b.ngone;
  }
  pith__free(b.gone);
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
