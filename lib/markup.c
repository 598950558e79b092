/* SPDX-License-Identifier: MIT */
/*
 * markup.c - the XML and HTML renderers.  They share one walk over the
 * blocks, which opens and closes the containers the flat block list
 * implies (block quotes by depth, lists by level and list, tables by
 * table), and differ only in element names and the document around the
 * body.  docs/formats.md describes the XML schema.
 *
 * The HTML is a standalone document that is safe to open: every element
 * and attribute is written here, none is copied from the page, text and
 * attribute values are escaped, and URLs other than http, https, ftp,
 * mailto, tel or relative ones are dropped, so no script, event handler
 * or javascript: URL can get through.
 */
#include <string.h>

#include "pith/pith.h"

#include "render.h"

#define MAX_LISTS 64

typedef struct {
  pith_buf *out;
  const pith_result *res;
  unsigned flags;
  int html;
  int quote; /* open quote containers */
  struct {
    int level;
    uint32_t group;
    int ordered;
    int item_open;
  } lists[MAX_LISTS];
  int nlists;
  uint32_t table; /* the open table's group, 0 if none */
  int table_open;
  int top; /* the level the top heading is written at */
} mk;

static void put(mk *m, const char *s) { pith__buf_puts(m->out, s); }

static void esc(mk *m, const char *s) {
  pith__put_escaped(m->out, s, strlen(s));
}

static void mk_text(void *ctx, const char *s, size_t n) {
  pith__put_escaped(((mk *)ctx)->out, s, n);
}

static int mk_open(void *ctx, const pith_span *sp, uint32_t s, uint32_t e) {
  mk *m = ctx;
  (void)s;
  (void)e;
  switch (sp->type) {
  case PITH_SPAN_EM:
    put(m, m->html ? "<em>" : "<hi rend=\"#i\">");
    return 1;
  case PITH_SPAN_STRONG:
    put(m, m->html ? "<strong>" : "<hi rend=\"#b\">");
    return 1;
  case PITH_SPAN_CODE:
    put(m, m->html ? "<code>" : "<hi rend=\"#t\">");
    return 1;
  case PITH_SPAN_LINK: {
    pith_buf u;
    pith__buf_init(&u);
    int ok = pith__put_url(&u, m->res, sp->url);
    if (ok) {
      put(m, m->html ? "<a href=\"" : "<ref target=\"");
      pith__put_escaped(m->out, u.data, u.len);
      put(m, "\">");
    }
    pith__buf_free(&u);
    return ok;
  }
  default:
    return 0;
  }
}

static void mk_close(void *ctx, const pith_span *sp) {
  mk *m = ctx;
  switch (sp->type) {
  case PITH_SPAN_EM:
    put(m, m->html ? "</em>" : "</hi>");
    break;
  case PITH_SPAN_STRONG:
    put(m, m->html ? "</strong>" : "</hi>");
    break;
  case PITH_SPAN_CODE:
    put(m, m->html ? "</code>" : "</hi>");
    break;
  case PITH_SPAN_LINK:
    put(m, m->html ? "</a>" : "</ref>");
    break;
  default:
    break;
  }
}

static void mk_point(void *ctx, const pith_span *sp) {
  mk *m = ctx;
  if (sp->type == PITH_SPAN_BREAK) {
    put(m, m->html ? "<br>" : "<lb/>");
    return;
  }
  pith_buf u;
  pith__buf_init(&u);
  if (pith__put_url(&u, m->res, sp->url)) {
    put(m, m->html ? "<img src=\"" : "<graphic src=\"");
    pith__put_escaped(m->out, u.data, u.len);
    put(m, "\" alt=\"");
    if (sp->alt)
      esc(m, sp->alt);
    put(m, m->html ? "\">" : "\"/>");
  }
  pith__buf_free(&u);
}

static const pith_inline_ops mk_ops = {mk_text, mk_open, mk_close, mk_point};

static int inline_run(mk *m, const pith_block *blk, uint32_t from,
                      uint32_t to) {
  return pith__inline_walk(blk, from, to, m->flags, &mk_ops, m);
}

static void close_list(mk *m) {
  int i = --m->nlists;
  if (m->lists[i].item_open)
    put(m, m->html ? "</li>\n" : "</item>\n");
  if (m->html)
    put(m, m->lists[i].ordered ? "</ol>\n" : "</ul>\n");
  else
    put(m, "</list>\n");
}

static void close_table(mk *m) {
  if (m->table_open)
    put(m, "</table>\n");
  m->table_open = 0;
  m->table = 0;
}

static void list_item(mk *m, const pith_block *blk) {
  int l = blk->level < 1 ? 1 : blk->level;
  while (m->nlists && m->lists[m->nlists - 1].level > l)
    close_list(m);
  if (m->nlists && m->lists[m->nlists - 1].level == l) {
    if (m->lists[m->nlists - 1].group != blk->group) {
      close_list(m);
    } else if (m->lists[m->nlists - 1].item_open) {
      put(m, m->html ? "</li>\n" : "</item>\n");
      m->lists[m->nlists - 1].item_open = 0;
    }
  }
  if (!m->nlists || m->lists[m->nlists - 1].level < l) {
    if (m->nlists == MAX_LISTS) {
      /* Too deep: the item joins the deepest list. */
      if (m->lists[m->nlists - 1].item_open)
        put(m, m->html ? "</li>\n" : "</item>\n");
    } else {
      if (m->nlists && !m->lists[m->nlists - 1].item_open) {
        put(m, m->html ? "<li>" : "<item>");
        m->lists[m->nlists - 1].item_open = 1;
      }
      int i = m->nlists++;
      m->lists[i].level = l;
      m->lists[i].group = blk->group;
      m->lists[i].ordered = blk->ordered;
      m->lists[i].item_open = 0;
      if (m->html)
        put(m, blk->ordered ? "<ol>\n" : "<ul>\n");
      else
        put(m, blk->ordered ? "<list rend=\"ol\">\n" : "<list rend=\"ul\">\n");
    }
  }
  put(m, m->html ? "<li>" : "<item>");
  m->lists[m->nlists - 1].item_open = 1;
  inline_run(m, blk, 0, (uint32_t)blk->len);
}

static void table_row(mk *m, const pith_block *blk) {
  if (!m->table_open || m->table != blk->group) {
    close_table(m);
    put(m, "<table>\n");
    m->table_open = 1;
    m->table = blk->group;
  }
  put(m, m->html ? "<tr>" : (blk->header ? "<row role=\"head\">" : "<row>"));
  for (size_t i = 0; i < blk->nspans; i++) {
    const pith_span *c = &blk->spans[i];
    if (c->type != PITH_SPAN_CELL)
      continue;
    const char *tag = m->html ? (c->head || blk->header ? "th" : "td") : "cell";
    pith__buf_putc(m->out, '<');
    put(m, tag);
    if (!m->html && (c->head || blk->header))
      put(m, " role=\"head\"");
    char num[16];
    const char *names[2] = {m->html ? "colspan" : "cols",
                            m->html ? "rowspan" : "rows"};
    unsigned vals[2] = {c->cols, c->rows};
    for (int k = 0; k < 2; k++) {
      if (vals[k] <= 1)
        continue;
      size_t nd = 0;
      char d[8];
      unsigned v = vals[k];
      while (v && nd < sizeof d) {
        d[nd++] = (char)('0' + v % 10);
        v /= 10;
      }
      size_t j = 0;
      while (nd)
        num[j++] = d[--nd];
      num[j] = '\0';
      pith__buf_putc(m->out, ' ');
      put(m, names[k]);
      put(m, "=\"");
      put(m, num);
      pith__buf_putc(m->out, '"');
    }
    pith__buf_putc(m->out, '>');
    inline_run(m, blk, c->start, c->end);
    put(m, "</");
    put(m, tag);
    pith__buf_putc(m->out, '>');
  }
  put(m, m->html ? "</tr>\n" : "</row>\n");
}

static void body(mk *m) {
  const pith_result *res = m->res;
  size_t n = res->blocks ? res->nblocks : 0;
  int min = pith__min_heading(res->blocks, n);
  for (size_t i = 0; i < n; i++) {
    const pith_block *blk = &res->blocks[i];
    if (!blk->len && !(m->flags & PITH_OPT_IMAGES))
      continue;
    /* Lines of nothing but no-break spaces, rows of empty cells. */
    if (blk->len && blk->type != PITH_BLOCK_CODE && pith__blank(blk, 1))
      continue;
    if (blk->type != PITH_BLOCK_LIST_ITEM || blk->quote != m->quote)
      while (m->nlists)
        close_list(m);
    if (blk->type != PITH_BLOCK_TABLE_ROW || blk->quote != m->quote)
      close_table(m);
    while (m->quote > blk->quote) {
      put(m, m->html ? "</blockquote>\n" : "</quote>\n");
      m->quote--;
    }
    while (m->quote < blk->quote) {
      put(m, m->html ? "<blockquote>\n" : "<quote>\n");
      m->quote++;
    }
    switch (blk->type) {
    case PITH_BLOCK_HEADING: {
      int l = pith__heading_level(blk, min, m->top);
      char open[24], close[16];
      if (m->html) {
        memcpy(open, "<h0>", 5);
        open[2] = (char)('0' + l);
        memcpy(close, "</h0>\n", 7);
        close[3] = (char)('0' + l);
      } else {
        memcpy(open, "<head rend=\"h0\">", 17);
        open[13] = (char)('0' + l);
        memcpy(close, "</head>\n", 9);
      }
      put(m, open);
      inline_run(m, blk, 0, (uint32_t)blk->len);
      put(m, close);
      break;
    }
    case PITH_BLOCK_LIST_ITEM:
      list_item(m, blk);
      break;
    case PITH_BLOCK_CODE:
      if (m->html) {
        put(m, "<pre><code");
        if (blk->lang) {
          put(m, " class=\"language-");
          esc(m, blk->lang);
          pith__buf_putc(m->out, '"');
        }
        pith__buf_putc(m->out, '>');
      } else {
        put(m, "<code");
        if (blk->lang) {
          put(m, " lang=\"");
          esc(m, blk->lang);
          pith__buf_putc(m->out, '"');
        }
        pith__buf_putc(m->out, '>');
      }
      pith__put_escaped(m->out, blk->text, blk->len);
      /* The other lines of the same <pre>. */
      while (blk->group && i + 1 < n &&
             res->blocks[i + 1].type == PITH_BLOCK_CODE &&
             res->blocks[i + 1].group == blk->group &&
             res->blocks[i + 1].quote == blk->quote) {
        blk = &res->blocks[++i];
        pith__buf_putc(m->out, '\n');
        pith__put_escaped(m->out, blk->text, blk->len);
      }
      put(m, m->html ? "</code></pre>\n" : "</code>\n");
      break;
    case PITH_BLOCK_TABLE_ROW:
      table_row(m, blk);
      break;
    default:
      put(m, "<p>");
      inline_run(m, blk, 0, (uint32_t)blk->len);
      put(m, "</p>\n");
      break;
    }
  }
  while (m->nlists)
    close_list(m);
  close_table(m);
  while (m->quote) {
    put(m, m->html ? "</blockquote>\n" : "</quote>\n");
    m->quote--;
  }
}

static void init(mk *m, pith_buf *out, const pith_result *res, unsigned flags,
                 int html) {
  memset(m, 0, sizeof *m);
  pith__buf_init(out);
  m->out = out;
  m->res = res;
  m->flags = flags;
  m->html = html;
  m->top = 1;
}

static void attr(mk *m, const char *name, const char *val) {
  if (!val || !*val)
    return;
  pith__buf_putc(m->out, ' ');
  put(m, name);
  put(m, "=\"");
  esc(m, val);
  pith__buf_putc(m->out, '"');
}

static void joined_attr(mk *m, const char *name, const char **items, size_t n) {
  size_t w = 0;
  for (size_t i = 0; items && i < n; i++) {
    if (!items[i] || !*items[i])
      continue;
    put(m, w++ ? "; " : " ");
    if (w == 1) {
      put(m, name);
      put(m, "=\"");
    }
    esc(m, items[i]);
  }
  if (w)
    pith__buf_putc(m->out, '"');
}

char *pith_render_xml(const pith_result *res, unsigned flags) {
  if (!res)
    return NULL;
  pith_buf out;
  mk m;
  init(&m, &out, res, flags, 0);
  const pith_meta *md = &res->meta;
  put(&m, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<doc");
  attr(&m, "url", md->url);
  attr(&m, "title", md->title);
  attr(&m, "author", md->author);
  attr(&m, "date", md->date);
  attr(&m, "sitename", md->sitename);
  attr(&m, "description", md->description);
  attr(&m, "language", md->language);
  joined_attr(&m, "categories", md->categories, md->ncategories);
  joined_attr(&m, "tags", md->tags, md->ntags);
  put(&m, ">\n<main>\n");
  body(&m);
  put(&m, "</main>\n</doc>\n");
  return pith__buf_steal(&out);
}

static void meta_tag(mk *m, const char *name, const char *val) {
  if (!val || !*val)
    return;
  put(m, "<meta name=\"");
  put(m, name);
  put(m, "\" content=\"");
  esc(m, val);
  put(m, "\">\n");
}

char *pith_render_html(const pith_result *res, unsigned flags) {
  if (!res)
    return NULL;
  pith_buf out;
  mk m;
  init(&m, &out, res, flags, 1);
  const pith_meta *md = &res->meta;
  put(&m, "<!DOCTYPE html>\n<html");
  attr(&m, "lang", md->language);
  put(&m, ">\n<head>\n<meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\""
          "default-src 'none'; img-src http: https: data:\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n");
  put(&m, "<title>");
  esc(&m, md->title);
  put(&m, "</title>\n");
  meta_tag(&m, "author", md->author);
  meta_tag(&m, "date", md->date);
  meta_tag(&m, "description", md->description);
  meta_tag(&m, "generator", "pith " PITH_VERSION_STRING);
  if (md->sitename && *md->sitename) {
    put(&m, "<meta property=\"og:site_name\" content=\"");
    esc(&m, md->sitename);
    put(&m, "\">\n");
  }
  for (int k = 0; k < 2; k++) {
    const char **items = k ? md->tags : md->categories;
    size_t cnt = k ? md->ntags : md->ncategories;
    size_t mark = out.len;
    put(&m, "<meta name=\"keywords\" content=\"");
    size_t start = out.len;
    for (size_t i = 0; items && i < cnt; i++) {
      if (!items[i] || !*items[i])
        continue;
      if (out.len > start)
        put(&m, ", ");
      esc(&m, items[i]);
    }
    if (out.len == start) {
      out.len = mark;
      if (out.data)
        out.data[mark] = '\0';
    } else {
      put(&m, "\">\n");
    }
  }
  pith_buf u;
  pith__buf_init(&u);
  if (md->url && *md->url && pith__put_url(&u, res, md->url)) {
    put(&m, "<link rel=\"canonical\" href=\"");
    pith__put_escaped(&out, u.data, u.len);
    put(&m, "\">\n");
  }
  pith__buf_free(&u);
  put(&m, "</head>\n<body>\n<article>\n");
  /* The title heads the article unless the body starts with it. */
  const pith_block *first = NULL;
  for (size_t i = 0; res->blocks && i < res->nblocks && !first; i++)
    if (res->blocks[i].len)
      first = &res->blocks[i];
  if (md->title && *md->title &&
      !(first && first->type == PITH_BLOCK_HEADING &&
        strcmp(first->text, md->title) == 0)) {
    m.top = 2;
    put(&m, "<h1>");
    esc(&m, md->title);
    put(&m, "</h1>\n");
  }
  body(&m);
  put(&m, "</article>\n</body>\n</html>\n");
  return pith__buf_steal(&out);
}
