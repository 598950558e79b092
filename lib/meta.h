/* SPDX-License-Identifier: MIT */
/*
 * meta.h - the metadata stage: reads the page's tree (never the extracted
 * body) and fills pith_meta: title, author, date, sitename, description,
 * language, canonical URL, categories and tags.
 */
#ifndef PITH_META_H
#define PITH_META_H

#include "result.h"
#include "tree.h"

/* Fill `m` from tree `t`.  `root` is the node the extract stage chose as
 * the main content (0: none): rel=tag and rel=category links count only
 * inside it or the <article> element around it, never in site-wide
 * boxes.  `url` (may be NULL) is the page's address as given by the
 * caller.  `clock` (may be NULL) is the page's clock: when it runs out,
 * the walk over the tree stops and the fields found so far stand.  All
 * strings are allocated in `a`; absent fields are set to "" (never NULL),
 * arrays to NULL with count 0.  Returns 0, or -1 when out of memory. */
int pith__meta_extract(const pith_tree *t, uint32_t root, const char *url,
                       pith_clock *clock, pith_arena *a, pith_meta *m);

/* The last step of the title, once m->page_type is set (the page type
 * classifier reads the provisional title, so it cannot come earlier): on
 * a service page, the headline of <title> (m->title_doc) replaces an <h1>
 * that no metadata title agreed with.  See docs/metadata.md "Title".
 * Strings stay in the arena they were allocated in. */
void pith__meta_settle_title(pith_meta *m);

#endif
