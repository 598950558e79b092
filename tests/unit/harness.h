/* SPDX-License-Identifier: MIT */
/*
 * harness.h - a tiny TAP (Test Anything Protocol) harness for unit tests.
 *
 * Each test program includes this header once, calls OK / INT_EQ / STR_EQ
 * for its checks and ends main() with "return done_testing();".  Every check
 * prints "ok N - desc" or "not ok N - desc" (with the got/want values as "#"
 * diagnostics), and done_testing() prints the "1..N" plan and returns
 * non-zero when any check failed, so CTest sees the failure through the exit
 * status.  Descriptions are plain strings, not printf formats.
 */
#ifndef PITH_TEST_HARNESS_H
#define PITH_TEST_HARNESS_H

#include <stdio.h>
#include <string.h>

static int tap_count;
static int tap_failed;

static inline int tap_ok(int cond, const char *file, int line,
                         const char *desc) {
  tap_count++;
  if (cond) {
    printf("ok %d - %s\n", tap_count, desc);
  } else {
    tap_failed++;
    printf("not ok %d - %s\n#   at %s:%d\n", tap_count, desc, file, line);
  }
  return cond;
}

static inline int tap_int_eq(long long got, long long want, const char *file,
                             int line, const char *desc) {
  int cond = got == want;
  tap_ok(cond, file, line, desc);
  if (!cond)
    printf("#   got:  %lld\n#   want: %lld\n", got, want);
  return cond;
}

static inline int tap_str_eq(const char *got, const char *want,
                             const char *file, int line, const char *desc) {
  int cond = got && want ? strcmp(got, want) == 0 : got == want;
  tap_ok(cond, file, line, desc);
  if (!cond) {
    printf("#   got:  %s%s%s\n", got ? "\"" : "", got ? got : "NULL",
           got ? "\"" : "");
    printf("#   want: %s%s%s\n", want ? "\"" : "", want ? want : "NULL",
           want ? "\"" : "");
  }
  return cond;
}

/* Each macro evaluates its arguments once and returns 1 when the check
 * passed, so a test can stop early: if (!OK(p != NULL, "...")) return 1; */
#define OK(cond, desc) tap_ok(!!(cond), __FILE__, __LINE__, (desc))
#define INT_EQ(got, want, desc)                                                \
  tap_int_eq((long long)(got), (long long)(want), __FILE__, __LINE__, (desc))
#define STR_EQ(got, want, desc)                                                \
  tap_str_eq((got), (want), __FILE__, __LINE__, (desc))

/* A check that could not run here (a fixture is missing, say): TAP's
 * "ok N - desc # SKIP reason", which counts as neither pass nor failure. */
static inline void tap_skip(const char *desc, const char *reason) {
  tap_count++;
  printf("ok %d - %s # SKIP %s\n", tap_count, desc, reason);
}
#define SKIP(desc, reason) tap_skip((desc), (reason))

/* The exit status CTest reads as "skipped" (SKIP_RETURN_CODE 77, as the
 * Automake test drivers use it). */
#define TAP_SKIP_EXIT 77

/* Print the plan; returns 0 when every check passed, 1 otherwise. */
static inline int done_testing(void) {
  printf("1..%d\n", tap_count);
  if (tap_failed)
    printf("# failed %d of %d\n", tap_failed, tap_count);
  return tap_failed != 0;
}

#endif
