/* SPDX-License-Identifier: MIT */
/*
 * jsonparse.h - a small JSON reader for the JSON-LD blocks of pages: the
 * whole value as a flat array of nodes (children and siblings by index),
 * strings decoded to UTF-8.  Bounded: nesting deeper than
 * PITH_JSON_MAX_DEPTH or more than PITH_JSON_MAX_NODES values make the
 * text invalid.
 */
#ifndef PITH_JSONPARSE_H
#define PITH_JSONPARSE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

#define PITH_JSON_MAX_DEPTH 64
#define PITH_JSON_MAX_NODES 200000

enum {
  PITH_J_NULL = 1,
  PITH_J_FALSE,
  PITH_J_TRUE,
  PITH_J_NUM,
  PITH_J_STR,
  PITH_J_ARR,
  PITH_J_OBJ
};

typedef struct {
  uint8_t type;         /* PITH_J_* */
  uint32_t first, next; /* children / siblings, 0 = none */
  const char *key;      /* key in the parent object, or NULL */
  uint32_t keylen;
  const char *s; /* strings: decoded UTF-8, NUL-terminated, no NUL inside */
  uint32_t len;
} pith_jnode;

/* Node 0 is unused (so 0 can mean "none"); the value parsed is node 1. */
typedef struct {
  pith_jnode *v;
  uint32_t n, cap;
} pith_jdoc;

/* Parse one JSON value (bytes after it are ignored) from s[0..n) into `d`,
 * which starts zeroed or holds an earlier parse (its array is reused).
 * Decoded strings and keys are allocated in `strings` and live as long as
 * it.  Returns 0; -1 when the text is not JSON within the bounds; -2 when
 * out of memory.  Free d's array with pith__json_free(). */
int pith__json_parse(pith_jdoc *d, pith_arena *strings, const char *s,
                     size_t n);

/* The child of object node `o` with key `k`, or 0 (also when `o` is 0 or
 * not an object). */
uint32_t pith__json_get(const pith_jdoc *d, uint32_t o, const char *k);

/* Free d's node array (not the strings); d may then be reused. */
void pith__json_free(pith_jdoc *d);

#endif /* PITH_JSONPARSE_H */
