/* SPDX-License-Identifier: MIT */
/*
 * batch.c - extract many inputs on several threads, writing the results in
 * input order.
 *
 * Jobs get sequence numbers from the producer and sit in a ring of K slots
 * (K = 4 x threads + 4).  Workers claim the oldest unclaimed job, extract
 * it with their own pith_extractor (libpith's extractors are independent;
 * libxml2 is initialised once by pith_global_init() before any thread
 * starts), and mark it done.  Whichever worker finishes the job that is
 * next in line writes it and every finished job after it, so the output
 * order is the input order whatever the timing.  The producer blocks
 * while K jobs are unwritten: at most K inputs (each capped by --max-size)
 * are in memory at once, however long the run.  With one thread there are
 * no threads at all: jobs run in the producer, through the same code.
 *
 * The output stage also keeps the counters for the progress line (on
 * stderr, at most 4 times a second) and the summary.
 */
#define _POSIX_C_SOURCE 200809L

#include "batch.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "pith/pith.h"

#include "explain.h"
#include "input.h"
#include "output.h"

struct batch {
  const cli_args *a;
  size_t max;
  int nthreads;
  pthread_t *tids;
  pith_extractor *ex; /* the producer's, for one thread */
  pthread_mutex_t mu;
  pthread_cond_t cv_work, cv_space;
  job **ring;
  size_t k;
  size_t produced, claimed, written;
  int closing;
  int start_failed;
  /* Output and counters, under mu. */
  size_t documents;
  int failed;
  unsigned long long pages, errors, skipped;
  unsigned long long total_inputs, inputs_done, total_bytes, bytes;
  int progress;
  int tty; /* stderr is a terminal: redraw one line with \r */
  double t0, last_shown, last_line;
  int shown;
};

double batch_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* Free a batch whose threads have ended (or never started). */
static void batch_free(batch *b) {
  pthread_mutex_destroy(&b->mu);
  pthread_cond_destroy(&b->cv_work);
  pthread_cond_destroy(&b->cv_space);
  pith_extractor_free(b->ex);
  free(b->tids);
  free(b->ring);
  free(b);
}

char *job_strdup(const char *s) {
  if (!s)
    return NULL;
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  if (d)
    memcpy(d, s, n);
  return d;
}

job *job_new(int kind, const char *source, const char *msg) {
  job *j = calloc(1, sizeof *j);
  if (!j)
    return NULL;
  j->kind = kind;
  j->warc_offset = j->warc_length = -1;
  j->source = job_strdup(source);
  j->msg = job_strdup(msg);
  if ((source && !j->source) || (msg && !j->msg)) {
    free(j->source);
    free(j->msg);
    free(j);
    return NULL;
  }
  return j;
}

static void job_free(job *j) {
  if (!j)
    return;
  free(j->source);
  free(j->url);
  free(j->record_id);
  free(j->date);
  free(j->truncated);
  free(j->charset);
  free(j->data);
  free(j->msg);
  free(j->out);
  pith_free(j->doc);
  free(j->emsg);
  pith_result_free(j->res);
  free(j);
}

/* gzip bytes: the library decompresses them and words its own size
 * message ("over N bytes after gunzip"). */
static int is_gzip_bytes(const char *d, size_t n) {
  return n >= 2 && (unsigned char)d[0] == 0x1f && (unsigned char)d[1] == 0x8b;
}

/* The bounds of the command line, on one extractor. */
static void set_bounds(const batch *b, pith_extractor *ex) {
  pith_extractor_set_max_input(ex, b->max);
  pith_extractor_set_max_nodes(ex, b->a->max_nodes);
  pith_extractor_set_max_depth(ex, b->a->max_depth);
  pith_extractor_set_time_budget(ex, b->a->time_limit);
}

/* Extract and render one job; fills j->out / j->doc / j->res / j->emsg. */
static void process(const batch *b, pith_extractor *ex, job *j) {
  const cli_args *a = b->a;
  /* WARC records and --jsonl-input lines carry their own URL. */
  const char *url = j->warc || j->url ? j->url : a->url;
  char msg[256];
  const char *err = NULL;
  pith_result *res = NULL;
  int empty = 0;

  if (j->kind == JOB_NOTE)
    return;
  if (j->kind == JOB_ERROR) {
    err = j->msg ? j->msg : "unknown error";
  } else {
    input_buf in = {NULL, 0, 0};
    const char *data = j->data;
    size_t len = j->len;
    if (j->kind == JOB_FILE) {
      if (input_read(j->source, b->max,
                     (a->opts & PITH_OPT_TRUNCATE_INPUT) != 0, &in, msg,
                     sizeof msg) != 0)
        err = msg;
      data = in.data;
      len = in.len;
    }
    if (!err && j->warc && len == 0) {
      empty = 1; /* a response without a body (a redirect): no text */
    } else if (!err) {
      pith_status st =
          pith_extractor_extract(ex, data, len, url, j->charset, &res);
      if (st == PITH_ERR_TOO_LARGE && !is_gzip_bytes(data, len))
        snprintf(msg, sizeof msg, "input too large (%zu bytes, max %zu)", len,
                 b->max);
      else if (st != PITH_OK)
        snprintf(msg, sizeof msg, "%s", pith_extractor_error(ex));
      if (st != PITH_OK)
        err = msg;
    }
    input_free(&in);
    free(j->data); /* the page is not needed any more */
    j->data = NULL;
  }

  /* An empty response has nothing to explain: it is written as a record
   * with no text, as without --explain. */
  if (a->explain && !empty) {
    explain_job(a, j, res, err);
    return;
  }
  if (err || empty) {
    if (err)
      j->emsg = job_strdup(err);
    if (a->json)
      j->out =
          j->warc
              ? pith_render_json_warc_at(NULL, j->source, j->url, j->record_id,
                                         j->date, j->http_status, j->truncated,
                                         j->warc_offset, j->warc_length, err)
              : pith_render_json_error(j->source, url, err);
    if (empty && a->json && !j->out)
      j->emsg = job_strdup("out of memory");
    return;
  }
  if (a->json) {
    j->out =
        j->warc
            ? pith_render_json_warc_at(res, j->source, j->url, j->record_id,
                                       j->date, j->http_status, j->truncated,
                                       j->warc_offset, j->warc_length, NULL)
        : a->md_field
            ? pith_render_json_ex(res, j->source,
                                  a->opts | PITH_RENDER_MARKDOWN_FIELD)
            : pith_render_json(res, j->source);
    if (!j->out)
      j->emsg = job_strdup("out of memory");
    pith_result_free(res);
  } else if (a->format != FORMAT_TXT) {
    /* Rendered here, on the worker, not under the output lock. */
    j->doc = a->format == FORMAT_MARKDOWN ? pith_render_markdown(res, a->opts)
             : a->format == FORMAT_XML    ? pith_render_xml(res, a->opts)
                                          : pith_render_html(res, a->opts);
    if (!j->doc)
      j->emsg = job_strdup("out of memory");
    pith_result_free(res);
  } else {
    j->res = res;
  }
}

static void show_progress(batch *b, int final) {
  double t = batch_now(), el = t - b->t0;
  if (!final && t - b->last_shown < 0.25)
    return;
  b->last_shown = t;
  double rate = el > 0 ? (double)b->pages / el : 0;
  char eta[48] = "";
  double frac = -1;
  if (b->total_bytes)
    frac = (double)b->bytes / (double)b->total_bytes;
  else if (b->total_inputs)
    frac = (double)b->inputs_done / (double)b->total_inputs;
  if (frac > 0.001 && frac <= 1 && !final) {
    double left = el / frac - el;
    snprintf(eta, sizeof eta, ", ETA %d:%02d:%02d", (int)(left / 3600),
             (int)(left / 60) % 60, (int)left % 60);
  }
  if (b->tty) {
    fprintf(stderr, "\rpith: %llu %s, %.1f pages/s, %llu %s%s\033[K", b->pages,
            b->pages == 1 ? "page" : "pages", rate, b->errors,
            b->errors == 1 ? "error" : "errors", eta);
    b->shown = 1;
  } else if (!final) {
    /* Not a terminal (a log file): one line per update, once a second. */
    if (t - b->last_line < 1.0)
      return;
    b->last_line = t;
    fprintf(stderr, "pith: %llu %s, %.1f pages/s, %llu %s%s\n", b->pages,
            b->pages == 1 ? "page" : "pages", rate, b->errors,
            b->errors == 1 ? "error" : "errors", eta);
  }
}

/* Write job j (under mu). */
static void write_job(batch *b, job *j) {
  const cli_args *a = b->a;
  if (j->kind == JOB_NOTE) {
    if (b->shown)
      fputs("\r\033[K", stderr);
    fprintf(stderr, "pith: %s: %s\n", j->source ? j->source : "-",
            j->msg ? j->msg : "error");
    b->failed = 1;
    b->errors++;
    return;
  }
  b->pages++;
  if (j->emsg) {
    b->failed = 1;
    b->errors++;
  }
  if (j->out) {
    output_line(j->out);
  } else if (j->emsg) {
    /* No document, but its place: the form-feed line that precedes every
     * document after the first, so documents and inputs stay in step. */
    if (b->documents++)
      output_write("\f\n", 2);
    if (b->shown)
      fputs("\r\033[K", stderr);
    if (j->warc)
      fprintf(stderr, "pith: %s: record %s (%s): %s\n", j->source,
              j->record_id && *j->record_id ? j->record_id : "?",
              j->url && *j->url ? j->url : "?", j->emsg);
    else
      fprintf(stderr, "pith: %s: %s\n", j->source, j->emsg);
  } else if (j->doc) {
    if (b->documents++)
      output_write("\f\n", 2);
    output_text(j->doc);
  } else if (!a->json && !j->res) {
    if (b->documents++) /* an empty WARC response: an empty document */
      output_write("\f\n", 2);
  } else if (j->res && !a->json) {
    /* Documents after the first are preceded by a form-feed line. */
    if (b->documents++)
      output_write("\f\n", 2);
    output_text(pith_result_text(j->res));
  }
}

/* Write every finished job that is next in line (under mu). */
static void flush_ready(batch *b) {
  int any = 0;
  while (b->written < b->produced) {
    job *j = b->ring[b->written % b->k];
    if (!j || !j->done)
      break;
    write_job(b, j);
    job_free(j);
    b->ring[b->written % b->k] = NULL;
    b->written++;
    any = 1;
  }
  if (any) {
    if (b->progress)
      show_progress(b, 0);
    pthread_cond_broadcast(&b->cv_space);
  }
}

static void *worker(void *arg) {
  batch *b = arg;
  pith_extractor *ex = pith_extractor_new(b->a->opts);
  if (ex)
    set_bounds(b, ex);
  pthread_mutex_lock(&b->mu);
  for (;;) {
    while (b->claimed == b->produced && !b->closing)
      pthread_cond_wait(&b->cv_work, &b->mu);
    if (b->claimed == b->produced)
      break;
    job *j = b->ring[b->claimed % b->k];
    b->claimed++;
    pthread_mutex_unlock(&b->mu);
    if (ex) {
      process(b, ex, j);
    } else {
      j->kind = JOB_ERROR;
      free(j->msg);
      j->msg = job_strdup("out of memory");
      process(b, ex, j);
    }
    pthread_mutex_lock(&b->mu);
    j->done = 1;
    flush_ready(b);
  }
  pthread_mutex_unlock(&b->mu);
  pith_extractor_free(ex);
  return NULL;
}

batch *batch_start(const cli_args *a, int threads) {
  batch *b = calloc(1, sizeof *b);
  if (!b)
    return NULL;
  b->a = a;
  b->max = a->max_size ? a->max_size : PITH_DEFAULT_MAX_INPUT;
  b->nthreads = threads < 1 ? 1 : threads;
  b->k = 4 * (size_t)b->nthreads + 4;
  b->ring = calloc(b->k, sizeof *b->ring);
  b->tty = isatty(STDERR_FILENO);
  b->progress = a->progress < 0 ? b->tty : a->progress;
  b->t0 = batch_now();
  pthread_mutex_init(&b->mu, NULL);
  pthread_cond_init(&b->cv_work, NULL);
  pthread_cond_init(&b->cv_space, NULL);
  /* libxml2's global state is set up once, before any thread uses it. */
  pith_global_init();
  if (!b->ring)
    goto fail;
  if (b->nthreads == 1) {
    b->ex = pith_extractor_new(a->opts);
    if (!b->ex)
      goto fail;
    set_bounds(b, b->ex);
    return b;
  }
  b->tids = calloc((size_t)b->nthreads, sizeof *b->tids);
  if (!b->tids)
    goto fail;
  for (int i = 0; i < b->nthreads; i++) {
    if (pthread_create(&b->tids[i], NULL, worker, b) != 0) {
      /* Run with the threads that did start. */
      b->nthreads = i;
      break;
    }
  }
  if (b->nthreads == 0)
    goto fail;
  return b;
fail:
  batch_free(b);
  return NULL;
}

int batch_submit(batch *b, job *j) {
  pthread_mutex_lock(&b->mu);
  while (b->produced - b->written >= b->k)
    pthread_cond_wait(&b->cv_space, &b->mu);
  if (output_failed()) {
    pthread_mutex_unlock(&b->mu);
    job_free(j);
    return -1;
  }
  b->ring[b->produced % b->k] = j;
  b->produced++;
  if (b->tids) {
    pthread_cond_signal(&b->cv_work);
    pthread_mutex_unlock(&b->mu);
    return 0;
  }
  /* One thread: run it here. */
  b->claimed++;
  pthread_mutex_unlock(&b->mu);
  process(b, b->ex, j);
  pthread_mutex_lock(&b->mu);
  j->done = 1;
  flush_ready(b);
  pthread_mutex_unlock(&b->mu);
  return 0;
}

void batch_count_skipped(batch *b, unsigned long long n) {
  pthread_mutex_lock(&b->mu);
  b->skipped += n;
  pthread_mutex_unlock(&b->mu);
}

void batch_set_total(batch *b, unsigned long long inputs,
                     unsigned long long bytes) {
  pthread_mutex_lock(&b->mu);
  b->total_inputs = inputs;
  b->total_bytes = bytes;
  pthread_mutex_unlock(&b->mu);
}

void batch_add_bytes(batch *b, unsigned long long n) {
  pthread_mutex_lock(&b->mu);
  b->bytes += n;
  pthread_mutex_unlock(&b->mu);
}

void batch_input_done(batch *b) {
  pthread_mutex_lock(&b->mu);
  b->inputs_done++;
  pthread_mutex_unlock(&b->mu);
}

int batch_finish(batch *b) {
  pthread_mutex_lock(&b->mu);
  b->closing = 1;
  pthread_cond_broadcast(&b->cv_work);
  pthread_mutex_unlock(&b->mu);
  for (int i = 0; b->tids && i < b->nthreads; i++)
    pthread_join(b->tids[i], NULL);
  if (b->progress) {
    double el = batch_now() - b->t0;
    if (b->shown)
      fputs("\r\033[K", stderr);
    fprintf(stderr,
            "pith: %llu %s, %llu skipped, %llu %s, %.2f s, %.1f "
            "pages/s, %d %s\n",
            b->pages, b->pages == 1 ? "page" : "pages", b->skipped, b->errors,
            b->errors == 1 ? "error" : "errors", el,
            el > 0 ? (double)b->pages / el : 0.0, b->nthreads,
            b->nthreads == 1 ? "thread" : "threads");
  }
  int failed = b->failed;
  batch_free(b);
  if (output_finish() != 0)
    return 1;
  return failed ? 1 : 0;
}
