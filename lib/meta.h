/* SPDX-License-Identifier: MIT */
/*
 * meta.h - the metadata stage: reads the page's tree (never the extracted
 * body) and fills pith_meta: title, author, date, sitename, description,
 * language, canonical URL, categories and tags.
 */
#ifndef PITH_META_H
#define PITH_META_H

#include "extract.h"
#include "result.h"
#include "tree.h"

/* Fill `m` from tree `t` and the extract stage's decisions `s` (may be
 * NULL: the page type then goes without the selection's measures).
 * `root` is the node the extract stage chose as the main content (0:
 * none): rel=tag and rel=category links count only inside it or the
 * <article> element around it, never in site-wide boxes.  `url` (may be
 * NULL) is the page's address as given by the caller.  The page type is
 * decided here, before the body is built (pagetype.c), and with it the
 * title (pith__meta_settle_title()); with `explain` its scores go to
 * m->src[PITH_F_PAGE_TYPE].  `clock` (may be NULL) is the page's clock:
 * when it runs out, the walk over the tree stops and the fields found so
 * far stand.  All strings are allocated in `a`; absent fields are set to
 * "" (never NULL), arrays to NULL with count 0.  The language and the
 * dateline are read from the body later (lang.c, dateline.c).  Returns
 * 0, or -1 when out of memory. */
int pith__meta_extract(const pith_tree *t, const pith_scratch *s, uint32_t root,
                       const char *url, int explain, pith_clock *clock,
                       pith_arena *a, pith_meta *m);

/* The last step of the title, once m->page_type is set (the page type
 * classifier reads the provisional title, so it cannot come earlier): on
 * a service page, the headline of <title> (m->title_doc) replaces an <h1>
 * that no metadata title agreed with.  See docs/metadata.md "Title".
 * Strings stay in the arena they were allocated in.  Called by
 * pith__meta_extract(). */
void pith__meta_settle_title(pith_meta *m);

#endif
