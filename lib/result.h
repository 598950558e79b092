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

typedef struct {
  int type;         /* pith_block_type */
  int level;        /* heading level, list depth */
  int ordered;      /* list items: 1 when in an <ol> */
  const char *text; /* in the result's arena, NUL-terminated */
  size_t len;
} pith_block;

/* Metadata fields, all arena strings ("" when absent). */
typedef struct {
  const char *title;
  const char *author;
  const char *date; /* YYYY-MM-DD or "" */
  const char *sitename;
  const char *description;
  const char *language;
  const char *url;
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
} pith_meta;

struct pith_result {
  pith_arena arena;
  pith_meta meta;
  pith_block *blocks;
  size_t nblocks;
  const char *text; /* the plain-text rendering of blocks */
  const char *charset;
  const char *comments; /* reader comments, one per paragraph, or "" */
};

#endif
