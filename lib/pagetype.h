/* SPDX-License-Identifier: MIT */
/*
 * pagetype.h - what kind of page this is: article, forum, product,
 * collection, listing, documentation or service.
 */
#ifndef PITH_PAGETYPE_H
#define PITH_PAGETYPE_H

#include <stdint.h>

#include "extract.h"
#include "result.h"
#include "tree.h"

/* The evidence the classifier weighs; counts are capped at 1000. */
typedef struct {
  /* the address (canonical URL, else the one given) */
  int url_product, url_collection, url_forum, url_docs, url_listing, url_date,
      url_service, url_root;
  int url_known;        /* an address is known */
  int url_words;        /* words of the last path segment (its slug) */
  int url_section;      /* a page inside /blog/, /news/, /articles/... */
  int url_service_word; /* "services", "consulting", ... in a segment */
  /* structured data: JSON-LD @type and microdata itemtype */
  int sd_product, sd_offer, sd_itemlist, sd_collection, sd_qa, sd_forum,
      sd_comment, sd_article, sd_techarticle, sd_service, sd_course, sd_faq,
      sd_event, sd_localbusiness;
  int og_article, og_product;
  /* markup */
  int n_price_attr;     /* itemprop=price and price-classed elements */
  int n_price_text;     /* text nodes holding a currency amount */
  int n_cart;           /* add-to-cart buttons, forms and classes */
  int n_product_cls;    /* elements classed product / products */
  int n_post_cls;       /* elements classed post / message / reply / topic */
  int n_pre, n_code;    /* code blocks and inline code */
  int n_article_el;     /* <article> elements */
  int n_heading_link;   /* headings that are (or hold) links */
  int n_time;           /* <time> elements */
  int n_quote_cta;      /* "contact us", "get a quote", "book now" texts */
  int n_teaser;         /* links with a headline's worth of text */
  int n_long_p;         /* paragraphs of prose (150 visible bytes, few links) */
  int n_pub;            /* publication-time markup (article:published_time,
                           itemprop=datePublished) */
  int n_author;         /* elements classed author / byline, rel=author */
  int n_tel;            /* tel: links */
  int n_date_text;      /* short texts holding a date */
  int n_date_early;     /* of which before the first paragraph of prose */
  int n_learn_more;     /* "Learn more" links and buttons */
  int n_p;              /* paragraphs with some text */
  uint32_t p_text;      /* their visible bytes */
  uint32_t main_p_text; /* of which inside the main content */
  /* the main content the extract stage chose */
  uint32_t main_text; /* its visible bytes */
  uint32_t main_link; /* of which inside links */
  /* metadata found by meta.c */
  int has_date, has_author;
  int title_words;    /* words of the title */
  int title_headline; /* a number, a '?', "how", "best", "vs"... in it */
} pith_pagetype_features;

/* Gather the evidence from tree `t`, the extract stage's scratch `s` and
 * chosen root, and the metadata already found in `m` (url, title, date,
 * author).  One pass over the nodes; no allocation. */
void pith__pagetype_features(const pith_tree *t, const pith_scratch *s,
                             uint32_t root, const pith_meta *m,
                             pith_pagetype_features *f);

/* The page type for the evidence: a static string, one of "article",
 * "forum", "product", "collection", "listing", "documentation",
 * "service". */
const char *pith__pagetype_classify(const pith_pagetype_features *f);

/* For the trace: every type's score, highest first ("signal scores:
 * article 14, listing 9, ..."), in `a`; NULL when out of memory. */
const char *pith__pagetype_scores(const pith_pagetype_features *f,
                                  pith_arena *a);

#endif
