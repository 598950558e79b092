/* SPDX-License-Identifier: MIT */
/*
 * datetext.h - reading dates out of strings (see datetext.c).  Every
 * function that fills `out` writes "YYYY-MM-DD" and a NUL (11 bytes), and
 * only for a real calendar date between 1995 and 2100.
 */
#ifndef PITH_DATETEXT_H
#define PITH_DATETEXT_H

#include <stddef.h>

/* The order of day and month in a page's numeric dates, by its locale. */
enum { PITH_DATE_ORDER_UNKNOWN, PITH_DATE_ORDER_MDY, PITH_DATE_ORDER_DMY };

/* Days in month m (1-12) of year y. */
int pith__date_days_in(int y, int m);

/* Validate y-m-d and format it into out; returns 1 when the date is
 * plausible (1995-2100, a real day), else 0. */
int pith__date_make(int y, int m, int d, char out[11]);

/* The month (1-12) named by s[0..n), in English, German, French, Spanish,
 * Italian, Dutch or Portuguese, full or abbreviated, any ASCII case; else
 * 0. */
int pith__date_month(const char *s, size_t n);

/* Is s[b..e) between two date tokens only spaces, commas and at most one
 * period (e.g. "Jun. 16, 2022", "16. Juni 2022")? */
int pith__date_soft_sep(const char *s, size_t b, size_t e);

/* Find the first date in free text.  Recognises "June 16, 2022",
 * "16 June 2022", "16th of June 2022", "16. Juni 2022", "16 de junio de
 * 2022", "2022-06-16", "2022/06/16", "16.06.2022", "06/16/2022" (M/D/Y
 * unless the first number is above 12; `order`, a PITH_DATE_ORDER_*,
 * decides when both could be the month) and "2022年6月16日".  Returns 1,
 * fills out and sets [*start, *end) to where the date was written; else
 * 0. */
int pith__date_in_text(const char *s, size_t n, int order, char out[11],
                       size_t *start, size_t *end);

/* A date at the start of a machine-readable value (ASCII white space
 * around it ignored): ISO 8601 ("2024-03-05T08:30:00+01:00",
 * "2024-03-05"), "20220616", or else any free-text date in it.  Returns 1
 * and fills out, else 0. */
int pith__date_value(const char *s, size_t n, int order, char out[11]);

/* Does s[0..n) start (after white space) with a machine-readable date,
 * ISO 8601 or YYYYMMDD, as schema.org asks for, rather than a date
 * written for people? */
int pith__date_machine(const char *s, size_t n);

#endif /* PITH_DATETEXT_H */
