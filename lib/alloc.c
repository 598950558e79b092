/* SPDX-License-Identifier: MIT */
/*
 * alloc.c - allocation wrappers, the growable buffer and the arena.
 */
#include "alloc.h"

#include <stdlib.h>
#include <string.h>

/* Hard cap on any single buffer: 1 GiB.  Nothing legitimate gets close. */
#define PITH_BUF_MAX ((size_t)1 << 30)

/* Allocation-failure testing: whether it is on, allocations counted, and
 * the first one that fails (0: none).  Plain statics: only a
 * single-threaded test sets them; otherwise they are only read. */
static int torture_on;
static unsigned long alloc_count, fail_at;

void pith__alloc_torture_start(unsigned long n) {
  alloc_count = 0;
  fail_at = n;
  torture_on = 1;
}

unsigned long pith__alloc_torture_stop(void) {
  torture_on = 0;
  fail_at = 0;
  return alloc_count;
}

/* Should this allocation fail? */
static int torture(void) {
  if (!torture_on)
    return 0;
  alloc_count++;
  return fail_at && alloc_count >= fail_at;
}

void *pith__malloc(size_t n) { return torture() ? NULL : malloc(n ? n : 1); }
void *pith__calloc(size_t n, size_t size) {
  return torture() ? NULL : calloc(n ? n : 1, size ? size : 1);
}
void *pith__realloc(void *p, size_t n) {
  return torture() ? NULL : realloc(p, n ? n : 1);
}
void pith__free(void *p) { free(p); }

char *pith__strndup(const char *s, size_t n) {
  char *d = pith__malloc(n + 1);
  if (!d)
    return NULL;
  if (n)
    memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

void pith__buf_init(pith_buf *b) { memset(b, 0, sizeof *b); }

void pith__buf_free(pith_buf *b) {
  pith__free(b->data);
  pith__buf_init(b);
}

void pith__buf_reset(pith_buf *b) {
  b->len = 0;
  b->oom = 0;
  b->toobig = 0;
  if (b->data)
    b->data[0] = '\0';
}

int pith__buf_reserve(pith_buf *b, size_t extra) {
  if (b->oom)
    return 0;
  if (extra > PITH_BUF_MAX - b->len - 1) {
    b->oom = 1;
    b->toobig = 1;
    return 0;
  }
  size_t need = b->len + extra + 1;
  if (need <= b->cap)
    return 1;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap = cap > PITH_BUF_MAX / 2 ? PITH_BUF_MAX : cap * 2;
  char *d = pith__realloc(b->data, cap);
  if (!d) {
    b->oom = 1;
    return 0;
  }
  b->data = d;
  b->cap = cap;
  return 1;
}

void pith__buf_append(pith_buf *b, const char *s, size_t n) {
  if (!pith__buf_reserve(b, n))
    return;
  if (n)
    memcpy(b->data + b->len, s, n);
  b->len += n;
  b->data[b->len] = '\0';
}

void pith__buf_puts(pith_buf *b, const char *s) {
  pith__buf_append(b, s, strlen(s));
}

void pith__buf_putc(pith_buf *b, char c) {
  if (b->len + 1 < b->cap && !b->oom) {
    b->data[b->len++] = c;
    b->data[b->len] = '\0';
    return;
  }
  pith__buf_append(b, &c, 1);
}

char *pith__buf_steal(pith_buf *b) {
  if (b->oom) {
    pith__buf_free(b);
    return NULL;
  }
  char *d = b->data;
  if (!d)
    d = pith__strndup("", 0);
  pith__buf_init(b);
  return d;
}

struct pith_arena_block {
  pith_arena_block *next;
  size_t used, size;
  /* max_align_t-ish alignment for the payload that follows */
  union {
    long double ld;
    void *p;
    long long ll;
  } align[];
};

#define ARENA_BLOCK 16384

void pith__arena_init(pith_arena *a) { a->head = NULL; }

void pith__arena_free(pith_arena *a) {
  pith_arena_block *b = a->head;
  while (b) {
    pith_arena_block *n = b->next;
    pith__free(b);
    b = n;
  }
  a->head = NULL;
}

void *pith__arena_alloc(pith_arena *a, size_t n) {
  n = (n + 7) & ~(size_t)7;
  pith_arena_block *b = a->head;
  if (!b || b->size - b->used < n) {
    size_t size = n > ARENA_BLOCK ? n : ARENA_BLOCK;
    pith_arena_block *nb = pith__malloc(sizeof *nb + size);
    if (!nb)
      return NULL;
    nb->used = 0;
    nb->size = size;
    if (b && n > ARENA_BLOCK) {
      /* A big one-off: keep the current block on top for small ones. */
      nb->next = b->next;
      b->next = nb;
      nb->used = n;
      return (char *)nb->align;
    }
    nb->next = b;
    a->head = b = nb;
  }
  void *p = (char *)b->align + b->used;
  b->used += n;
  return p;
}

char *pith__arena_strndup(pith_arena *a, const char *s, size_t n) {
  char *d = pith__arena_alloc(a, n + 1);
  if (!d)
    return NULL;
  if (n)
    memcpy(d, s, n);
  d[n] = '\0';
  return d;
}
