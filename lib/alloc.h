/* SPDX-License-Identifier: MIT */
/*
 * alloc.h - the library's allocation wrappers, growable buffer and arena.
 *
 * All allocation inside libpith goes through pith__malloc and friends so a
 * debug build can count allocations or fail the Nth one.  pith_buf is a
 * NUL-terminated growable byte string with a hard cap; pith_arena hands out
 * many small blocks that are all released by one pith__arena_free().
 */
#ifndef PITH_ALLOC_H
#define PITH_ALLOC_H

#include <stddef.h>
#include <stdint.h>

void *pith__malloc(size_t n);
void *pith__calloc(size_t n, size_t size);
void *pith__realloc(void *p, size_t n);
void pith__free(void *p);
/* A copy of s[0..n) with a NUL appended, or NULL when out of memory. */
char *pith__strndup(const char *s, size_t n);

/* Allocation-failure testing (curl's torture mode), for the test suite.
 * pith__alloc_torture_start(n) starts counting the allocations made
 * through pith__malloc, _calloc and _realloc; with n > 0 the nth of them
 * and every one after it fail (return NULL).  pith__alloc_torture_stop()
 * ends that and returns how many were attempted.  Not thread-safe: a test
 * uses it with one thread running; otherwise it costs one untaken branch
 * per allocation. */
void pith__alloc_torture_start(unsigned long n);
unsigned long pith__alloc_torture_stop(void);

/* A growable NUL-terminated string.  `data` is NULL until the first append;
 * `oom` is set (and later appends become no-ops) once an allocation fails
 * or the cap is reached, so callers check it once at the end; `toobig`
 * tells the cap (PITH_ERR_TOO_LARGE) from a failed allocation. */
typedef struct {
  char *data;
  size_t len, cap;
  int oom;
  int toobig;
} pith_buf;

void pith__buf_init(pith_buf *b);
void pith__buf_free(pith_buf *b);
void pith__buf_reset(pith_buf *b); /* keep the storage, length 0 */
int pith__buf_reserve(pith_buf *b, size_t extra);
void pith__buf_append(pith_buf *b, const char *s, size_t n);
void pith__buf_puts(pith_buf *b, const char *s);
void pith__buf_putc(pith_buf *b, char c);
/* Take the buffer's string (caller frees with pith__free); the buffer is
 * left empty.  Returns "" allocated when the buffer is empty, NULL on OOM. */
char *pith__buf_steal(pith_buf *b);

/* Arena: blocks of at least 16 KiB; allocations are 8-byte aligned. */
typedef struct pith_arena_block pith_arena_block;
typedef struct {
  pith_arena_block *head;
} pith_arena;

void pith__arena_init(pith_arena *a);
void pith__arena_free(pith_arena *a);
void *pith__arena_alloc(pith_arena *a, size_t n); /* NULL on OOM */
/* A NUL-terminated copy of s[0..n) in the arena, or NULL on OOM. */
char *pith__arena_strndup(pith_arena *a, const char *s, size_t n);

#endif
