/* SPDX-License-Identifier: MIT */
/*
 * dateline.h - recognise the dateline that opens many news articles
 * ("LAKEVIEW, June 16 (Valley Wire):", "WASHINGTON (AP) —",
 * "LONDON, March 3 (Reuters) -", "PARIS —", "NEW DELHI:") and split it into
 * place, date and agency.
 */
#ifndef PITH_DATELINE_H
#define PITH_DATELINE_H

#include <stddef.h>

#include "result.h"

/* Byte ranges into the parsed string; len 0 means the part is absent. */
typedef struct {
  size_t place, place_len;
  size_t date, date_len;
  size_t agency, agency_len;
  size_t end; /* just past the separator (and the spaces after it) */
} pith_dateline_parts;

/* Parse a dateline at the start of `s` (`n` bytes of UTF-8 text, the first
 * paragraph of an article).  Returns 1 and fills *out when the text opens
 * with a dateline, else 0.  Reads at most the first few hundred bytes;
 * never allocates. */
int pith__dateline_parse(const char *s, size_t n, pith_dateline_parts *out);

/* Look for a dateline in the first paragraphs of `blocks` and, when one is
 * found, copy its parts into `m` (dateline_place, dateline_date,
 * dateline_agency, all in arena `a`) and set m->has_dateline.  Returns 0, or
 * -1 when out of memory. */
int pith__dateline_find(const pith_block *blocks, size_t nblocks, pith_arena *a,
                        pith_meta *m);

#endif
