/* SPDX-License-Identifier: MIT */
/*
 * meta_jsonld.h - reading JSON-LD scripts (internal, not installed): the
 * parse that tolerates the wrappers pages put around a script, and the
 * schema.org @type names of an object.  Used by the metadata stage
 * (meta_jsonld.c) and page-type detection (pagetype.c).
 */
#ifndef PITH_META_JSONLD_H
#define PITH_META_JSONLD_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "jsonparse.h"

/* Parse the text s[0..len) of a JSON-LD script into d, a leading HTML
 * comment ("<!--") or CDATA marker ("//<![CDATA[") skipped; strings go to
 * `strings`.  Returns as pith__json_parse(): 0, -1 (not JSON), -2 (out
 * of memory). */
int pith__jsonld_parse(pith_jdoc *d, pith_arena *strings, const char *s,
                       size_t len);

/* Call fn(name, length, ctx) for each string of object o's "@type" (a
 * string, or the strings among the first `max` items of an array). */
void pith__jsonld_types(const pith_jdoc *d, uint32_t o, int max,
                        void (*fn)(const char *s, size_t n, void *ctx),
                        void *ctx);

#endif
