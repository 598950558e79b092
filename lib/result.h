/* SPDX-License-Identifier: MIT */
/*
 * result.h - the layout of pith_result, shared by the stages that fill it
 * (pith.c, meta.c, body.c) and the renderers that read it (json.c, text).
 *
 * Every string in a result lives in the result's arena and is never NULL
 * once the result is complete: absent values are "".
 */
#ifndef PITH_RESULT_H
#define PITH_RESULT_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

/* Block types of the structured body, in document order. */
typedef enum {
  PITH_BLOCK_PARAGRAPH = 0,
  PITH_BLOCK_HEADING,   /* level 1..6 */
  PITH_BLOCK_LIST_ITEM, /* level = nesting depth, 1 = top level */
  PITH_BLOCK_QUOTE,
  PITH_BLOCK_CODE,      /* preformatted: text keeps its line breaks */
  PITH_BLOCK_TABLE_ROW, /* cells joined by " | " */
} pith_block_type;

/* Inline structure of a block: a span of the block's text, [start, end)
 * in bytes.  Spans come in document order (by start; an enclosing span
 * before the spans inside it) and nest properly.  IMAGE and BREAK spans are
 * points (start == end); a BREAK sits on the space that stands for a <br>
 * in the plain text.  CELL spans split a table row's text into its cells
 * (the " | " between them is outside every cell). */
typedef enum {
  PITH_SPAN_EM = 0, /* i, em, cite, dfn, var */
  PITH_SPAN_STRONG, /* b, strong */
  PITH_SPAN_CODE,   /* code, kbd, samp, tt outside <pre> */
  PITH_SPAN_LINK,   /* a href: url is the href as written */
  PITH_SPAN_IMAGE,  /* img: url is src (or data-src), alt its alt text */
  PITH_SPAN_BREAK,  /* br */
  PITH_SPAN_CELL,   /* a table cell: cols/rows, head for <th> */
} pith_span_type;

typedef struct {
  int type; /* pith_span_type */
  uint32_t start, end;
  const char *url;     /* links and images, in the arena; else NULL */
  const char *alt;     /* images: alt text or NULL */
  uint16_t cols, rows; /* cells: colspan and rowspan (>= 1) */
  uint8_t head;        /* cells: a <th> */
} pith_span;

typedef struct {
  int type;         /* pith_block_type */
  int level;        /* heading level, list depth */
  int ordered;      /* list items: 1 when in an <ol> */
  const char *text; /* in the result's arena, NUL-terminated */
  size_t len;
  /* Structure carried for the Markdown, XML and HTML renderers; the
   * plain-text rendering ignores it. */
  uint32_t group;   /* list items: the list's node; table rows: the table's
                       node (tells adjacent lists and tables apart); code:
                       the <pre> (whose lines may be several blocks) */
  int quote;        /* depth of enclosing block quotes */
  int header;       /* table rows: a header row (in <thead> or all <th>) */
  const char *lang; /* code: language from class="language-..." or NULL */
  const pith_span *spans; /* in the arena */
  size_t nspans;
  /* For the decision trace: the block's first text node (its place in
   * document order; UINT32_MAX for blocks made of comments), and for a
   * block the body stage dropped, why (a pith_reason, explain.h). */
  uint32_t node;
  int reason;
  /* Headings: a form the extraction removed came right after it (the
   * heading titles that form: "Leave a reply"). */
  int titles_form;
} pith_block;

/* The metadata fields whose source the trace reports. */
enum {
  PITH_F_TITLE,
  PITH_F_AUTHOR,
  PITH_F_DATE,
  PITH_F_SITENAME,
  PITH_F_DESCRIPTION,
  PITH_F_LANGUAGE,
  PITH_F_URL,
  PITH_F_IMAGE,
  PITH_F_PAGE_TYPE,
  PITH_F_DATELINE,
  PITH_F_COUNT
};

/* Metadata fields, all arena strings ("" when absent). */
typedef struct {
  const char *title;
  const char *author;
  const char *date; /* YYYY-MM-DD or "" */
  const char *sitename;
  const char *description;
  const char *language;
  const char *url;      /* absolute, or "" */
  const char *url_hint; /* not output: the address as the page gives it,
                           possibly relative (its path is evidence for
                           the page type); "" when absent */
  const char **categories;
  size_t ncategories;
  const char **tags;
  size_t ntags;
  /* Added by issue 3 (metadata, news structure, comments). */
  const char *date_modified;   /* YYYY-MM-DD or "" */
  const char *image;           /* main image URL */
  const char *license;         /* license URL (e.g. Creative Commons) */
  const char *page_type;       /* article, forum, product, ... or "" */
  int has_dateline;            /* 1 when the text opens with a dateline */
  const char *dateline_place;  /* "" when absent */
  const char *dateline_date;   /* as written, e.g. "June 16" */
  const char *dateline_agency; /* e.g. "Reuters" */
  /* Internal, not part of the output: the headline of <title> (its site
   * name and tail removed) when the title is an <h1> that no metadata
   * title agreed with and <title> names the page otherwise; "" else.
   * pith__meta_settle_title() reads it once the page type is known. */
  const char *title_doc;
  /* Where each field came from (PITH_F_*): static strings such as "<h1>"
   * or "JSON-LD headline"; NULL when the field is empty. */
  const char *src[PITH_F_COUNT];
} pith_meta;

struct pith_trace_s; /* explain.h */

struct pith_result {
  pith_arena arena;
  pith_meta meta;
  pith_block *blocks;
  size_t nblocks;
  const char *text; /* the plain-text rendering of blocks */
  const char *charset;
  int truncated; /* a bound cut the page short */
  /* The base for relative URLs of links and images: <base href>, else the
   * URL given, else the canonical URL; "" when none is known. */
  const char *base;
  const char *comments;       /* reader comments, one per paragraph, or "" */
  struct pith_trace_s *trace; /* PITH_OPT_EXPLAIN: the decision trace */
};

#endif
