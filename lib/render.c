/* SPDX-License-Identifier: MIT */
/*
 * render.c - helpers shared by the structured renderers (markdown.c,
 * markup.c for XML and HTML): the walk over a block's inline spans, resolving
 * and vetting URLs, and escaping for XML and HTML.
 */
#include "render.h"

#include <string.h>

#include "pith/pith.h"
#include "url.h"

/* Nesting deeper than this is flattened (the text is kept). */
#define MAX_DEPTH 32

typedef struct {
  const pith_span *sp;
  uint32_t start, end;
} trimmed;

static int wanted(const pith_span *sp, unsigned flags) {
  switch (sp->type) {
  case PITH_SPAN_EM:
  case PITH_SPAN_STRONG:
  case PITH_SPAN_CODE:
    return (flags & PITH_OPT_FORMATTING) != 0;
  case PITH_SPAN_LINK:
    return (flags & PITH_OPT_LINKS) != 0;
  case PITH_SPAN_IMAGE:
    return (flags & PITH_OPT_IMAGES) != 0;
  case PITH_SPAN_BREAK:
    return 1;
  default:
    return 0;
  }
}

int pith__inline_walk(const pith_block *blk, uint32_t from, uint32_t to,
                      unsigned flags, const pith_inline_ops *ops, void *ctx) {
  const char *t = blk->text;
  if (to > blk->len)
    to = (uint32_t)blk->len;
  if (from > to)
    from = to;
  /* Trim and order the spans that apply.  Text is white-space normalised,
   * so trimming moves a bound by at most one byte and the order by start
   * changes little: insertion sort is linear here. */
  trimmed *v = NULL;
  size_t nv = 0;
  if (blk->nspans) {
    v = pith__malloc(blk->nspans * sizeof *v);
    if (!v)
      return -1;
  }
  for (size_t i = 0; i < blk->nspans; i++) {
    const pith_span *sp = &blk->spans[i];
    if (!wanted(sp, flags))
      continue;
    uint32_t s = sp->start, e = sp->end;
    if (sp->type == PITH_SPAN_IMAGE || sp->type == PITH_SPAN_BREAK) {
      if (s < from || s > to ||
          (sp->type == PITH_SPAN_BREAK &&
           (s >= to || s == from || t[s] != ' ')))
        continue;
      e = s;
    } else {
      if (s < from)
        s = from;
      if (e > to)
        e = to;
      while (s < e && t[s] == ' ')
        s++;
      while (e > s && t[e - 1] == ' ')
        e--;
      if (s >= e)
        continue;
    }
    size_t j = nv++;
    while (j && v[j - 1].start > s) {
      v[j] = v[j - 1];
      j--;
    }
    v[j] = (trimmed){sp, s, e};
  }

  trimmed stack[MAX_DEPTH];
  size_t depth = 0;
  int links = 0; /* open links: a link inside a link is not written */
  uint32_t pos = from;
  for (size_t i = 0; i <= nv; i++) {
    uint32_t at = i < nv ? v[i].start : to;
    /* Close what ends before `at`, writing the text up to each end. */
    while (depth && stack[depth - 1].end <= at) {
      uint32_t e = stack[depth - 1].end;
      if (e > pos) {
        ops->text(ctx, t + pos, e - pos);
        pos = e;
      }
      links -= stack[depth - 1].sp->type == PITH_SPAN_LINK;
      ops->close(ctx, stack[--depth].sp);
    }
    if (at > pos) {
      ops->text(ctx, t + pos, at - pos);
      pos = at;
    }
    if (i == nv)
      break;
    const pith_span *sp = v[i].sp;
    int in_code = depth && stack[depth - 1].sp->type == PITH_SPAN_CODE;
    if (in_code)
      continue;
    if (sp->type == PITH_SPAN_BREAK) {
      if (at < pos)
        continue; /* two breaks on one space */
      ops->point(ctx, sp);
      pos = at + 1; /* the space the break stands on */
      continue;
    }
    if (sp->type == PITH_SPAN_IMAGE) {
      ops->point(ctx, sp);
      continue;
    }
    uint32_t e = v[i].end;
    if (depth && e > stack[depth - 1].end)
      e = stack[depth - 1].end;
    if (depth == MAX_DEPTH || e <= at || at < pos ||
        (sp->type == PITH_SPAN_LINK && links))
      continue;
    if (ops->open(ctx, sp, at, e)) {
      stack[depth++] = (trimmed){sp, at, e};
      links += sp->type == PITH_SPAN_LINK;
    }
  }
  pith__free(v);
  return 0;
}

int pith__put_url(pith_buf *out, const pith_result *res, const char *url) {
  if (!url || !*url)
    return 0;
  pith_buf r;
  pith__buf_init(&r);
  pith__url_resolve(res->base, url, &r);
  int ok = !r.oom && r.len && pith__url_safe(r.data);
  /* Spaces are percent-encoded, as a browser's URL parser does. */
  for (size_t i = 0, run = 0; ok && i <= r.len; i++) {
    if (i == r.len || r.data[i] == ' ') {
      pith__buf_append(out, r.data + run, i - run);
      if (i < r.len)
        pith__buf_puts(out, "%20");
      run = i + 1;
    }
  }
  if (r.oom)
    out->oom = 1;
  pith__buf_free(&r);
  return ok;
}

void pith__put_escaped(pith_buf *out, const char *s, size_t n) {
  size_t run = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    const char *rep;
    switch (c) {
    case '&':
      rep = "&amp;";
      break;
    case '<':
      rep = "&lt;";
      break;
    case '>':
      rep = "&gt;";
      break;
    case '"':
      rep = "&quot;";
      break;
    case '\'':
      rep = "&#39;";
      break;
    default:
      rep = c < 0x20 && c != '\t' && c != '\n' && c != '\r' ? "" : NULL;
      break;
    }
    if (!rep)
      continue;
    pith__buf_append(out, s + run, i - run);
    pith__buf_puts(out, rep);
    run = i + 1;
  }
  pith__buf_append(out, s + run, n - run);
}

int pith__blank(const pith_block *blocks, size_t n) {
  for (size_t b = 0; b < n; b++) {
    const unsigned char *t = (const unsigned char *)blocks[b].text;
    size_t len = blocks[b].len;
    for (size_t i = 0; i < len; i++) {
      if (t[i] == ' ' || t[i] == '|')
        continue;
      if (t[i] == 0xC2 && i + 1 < len && t[i + 1] == 0xA0) {
        i++;
        continue;
      }
      if (t[i] == 0xE2 && i + 2 < len && t[i + 1] == 0x80 && t[i + 2] == 0x8B) {
        i += 2;
        continue;
      }
      return 0;
    }
  }
  return 1;
}

int pith__min_heading(const pith_block *blocks, size_t n) {
  int min = 7;
  for (size_t i = 0; i < n; i++)
    if (blocks[i].type == PITH_BLOCK_HEADING && blocks[i].level < min &&
        blocks[i].level > 0)
      min = blocks[i].level;
  return min == 7 ? 1 : min;
}

int pith__heading_level(const pith_block *blk, int min_level, int top_to) {
  int l = blk->level - min_level + top_to;
  return l < 1 ? 1 : l > 6 ? 6 : l;
}
