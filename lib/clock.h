/* SPDX-License-Identifier: MIT */
/*
 * clock.h - the time budget of one page, shared by every stage.
 *
 * pith_extractor_extract() starts one clock per page; the parse stage and
 * every later stage (extract, comments, body, metadata, page type) check
 * it, so a page that is cheap to parse but costly for a later stage is
 * bounded too.  A stage that finds the time up stops where it is and keeps
 * what it has; the result is then flagged truncated.
 *
 * The clock is read once every 256 checks (pith__clock_over), a few
 * nanoseconds per check, or at once between passes (pith__clock_expired).
 */
#ifndef PITH_CLOCK_H
#define PITH_CLOCK_H

#include <stdint.h>

typedef struct {
  uint64_t deadline; /* CLOCK_MONOTONIC ns; 0: no budget */
  uint32_t ticks;    /* checks since the clock was last read */
  int hit;           /* the deadline has passed */
} pith_clock;

/* CLOCK_MONOTONIC in nanoseconds (tree.c, which has the POSIX headers). */
uint64_t pith__now_ns(void);

/* A clock that runs out `ms` milliseconds from now (never when ms is 0). */
static inline void pith__clock_start(pith_clock *c, uint32_t ms) {
  c->deadline = ms ? pith__now_ns() + (uint64_t)ms * 1000000u : 0;
  c->ticks = 0;
  c->hit = 0;
}

/* Has the time run out?  Reads the clock now.  NULL: no clock. */
static inline int pith__clock_expired(pith_clock *c) {
  if (!c || !c->deadline)
    return 0;
  if (!c->hit && pith__now_ns() >= c->deadline)
    c->hit = 1;
  return c->hit;
}

/* The same, for loops: reads the clock once every 256 calls. */
static inline int pith__clock_over(pith_clock *c) {
  if (!c || !c->deadline)
    return 0;
  if (c->hit)
    return 1;
  if (++c->ticks < 256)
    return 0;
  c->ticks = 0;
  return pith__clock_expired(c);
}

#endif
