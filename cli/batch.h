/* SPDX-License-Identifier: MIT */
/*
 * batch.h - the tool's pipeline for many inputs: a producer (the main
 * thread, see sources.c) turns inputs into jobs, worker threads extract
 * them, and an ordered output stage writes the results in job order, so
 * the output of -j N is byte-identical to that of -j 1.
 */
#ifndef PITH_CLI_BATCH_H
#define PITH_CLI_BATCH_H

#include <stddef.h>

#include "args.h"

typedef struct batch batch;

enum {
  JOB_FILE,  /* a page file (or "-"): read and gunzip it in the worker */
  JOB_PAGE,  /* a page already in memory (a WARC record's payload) */
  JOB_ERROR, /* an input that failed before extraction: report `msg` */
  JOB_NOTE   /* no document: a problem to report on stderr only */
};

typedef struct job {
  int kind;
  int warc;        /* from a WARC file: JSON gets the WARC keys */
  char *source;    /* the input's name (malloc'd) */
  char *url;       /* WARC-Target-URI, or NULL for --url */
  char *record_id; /* WARC keys, or NULL */
  char *date;
  int http_status; /* WARC responses: the HTTP status; else 0 */
  char *truncated; /* WARC-Truncated value, or NULL */
  long long warc_offset, warc_length; /* where the record is stored; -1 */
  char *charset;                      /* encoding hint, or NULL */
  char *data;                         /* JOB_PAGE: the page (malloc'd) */
  size_t len;
  char *msg; /* JOB_ERROR, JOB_NOTE: the message */
  /* Filled in by the worker. */
  char *out;  /* JSON line, or NULL */
  char *doc;  /* Markdown, XML or HTML document (pith_free), or NULL */
  void *res;  /* text mode: the pith_result, freed after writing */
  char *emsg; /* failure message, or NULL */
  int done;
} job;

/* A new zeroed job, or NULL when out of memory.  Strings given to it are
 * copied; NULL stays NULL. */
job *job_new(int kind, const char *source, const char *msg);

/* A malloc'd copy of s; NULL when s is NULL or memory runs out. */
char *job_strdup(const char *s);

/* Seconds on the monotonic clock (for progress and rates). */
double batch_now(void);

/* Start the pipeline: `threads` workers (1: no threads, jobs run in the
 * caller).  Returns NULL when out of memory or threads cannot start. */
batch *batch_start(const cli_args *a, int threads);

/* Queue a job (taking ownership).  Blocks while the window of jobs not yet
 * written is full, which keeps memory flat.  Returns 0, or -1 once output
 * has failed (the job is freed). */
int batch_submit(batch *b, job *j);

/* Progress accounting from the producer: a record that was skipped (not a
 * page), and raw bytes read out of a total (for the ETA; total 0 when
 * unknown). */
void batch_count_skipped(batch *b, unsigned long long n);
void batch_set_total(batch *b, unsigned long long inputs,
                     unsigned long long bytes);
void batch_add_bytes(batch *b, unsigned long long n);
void batch_input_done(batch *b);

/* Wait for every job, stop the workers, print the summary (when progress
 * is on), flush the output and free the pipeline.  Returns the exit
 * status: 0, or 1 when any input failed or output could not be written. */
int batch_finish(batch *b);

#endif
