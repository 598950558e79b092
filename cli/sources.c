/* SPDX-License-Identifier: MIT */
/*
 * sources.c - the producer side of a run: walk the inputs (command-line
 * files, --input-dir trees, --input-list files) in order, tell WARC files
 * from pages by their first bytes, stream WARC files record by record
 * through libpith's WARC reader, and queue one job per page or HTML
 * record on the batch pipeline (batch.c).  Also --warc-stats, which only
 * reads WARC files and counts their records.
 *
 * A WARC file is never held whole: the reader pulls 64 KiB at a time
 * through read_cb(), and each HTML payload is copied into its job, so
 * memory is bounded by the pipeline's window, not by the file.
 */
#define _GNU_SOURCE /* sched_getaffinity, CPU_COUNT */

#include "sources.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <zlib.h>

#include "pith/pith.h"

#include "batch.h"
#include "input.h"

#define PEEK 65536

/* What --warc-stats counts. */
typedef struct {
  unsigned long long records, html, response, other, errors, garbage;
  unsigned long long bytes_in, bytes_out;
} warc_stats;

typedef struct {
  const cli_args *a;
  batch *b;          /* NULL for --warc-stats */
  warc_stats *stats; /* --warc-stats only */
  size_t max;
  int failed; /* --warc-stats: some input failed */
} run_ctx;

/* The WARC reader's input: a prefix already read (stdin detection), then
 * the file descriptor. */
typedef struct {
  int fd;
  const char *pre;
  size_t plen, ppos;
  int err; /* errno of a failed read */
} fd_source;

static ptrdiff_t read_cb(void *ctx, char *buf, size_t len) {
  fd_source *s = ctx;
  if (s->ppos < s->plen) {
    size_t n = s->plen - s->ppos < len ? s->plen - s->ppos : len;
    memcpy(buf, s->pre + s->ppos, n);
    s->ppos += n;
    return (ptrdiff_t)n;
  }
  for (;;) {
    ssize_t n = read(s->fd, buf, len);
    if (n < 0 && errno == EINTR)
      continue;
    if (n < 0) {
      s->err = errno;
      return -1;
    }
    return (ptrdiff_t)n;
  }
}

/* Do the first bytes d[0..n) start a WARC file, plain or gzip? */
static int looks_like_warc(const char *d, size_t n) {
  if (n >= 5 && memcmp(d, "WARC/", 5) == 0)
    return 1;
  if (n < 3 || (unsigned char)d[0] != 0x1f || (unsigned char)d[1] != 0x8b)
    return 0;
  unsigned char out[8];
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, 15 + 16) != Z_OK)
    return 0;
  zs.next_in = (unsigned char *)d;
  zs.avail_in = (uInt)(n < PEEK ? n : PEEK);
  zs.next_out = out;
  zs.avail_out = sizeof out;
  inflate(&zs, Z_NO_FLUSH);
  size_t got = sizeof out - zs.avail_out;
  inflateEnd(&zs);
  return got >= 5 && memcmp(out, "WARC/", 5) == 0;
}

/* A job reporting "<what>: <strerror(err)>" for source. */
static job *error_job(const char *source, const char *what, int err) {
  char msg[300];
  snprintf(msg, sizeof msg, "%s: %s", what, strerror(err));
  return job_new(JOB_ERROR, source, msg);
}

/* Queue a job; 0, or -1 when the run must stop (out of memory, or the
 * output failed). */
static int submit(run_ctx *c, job *j) {
  if (!j) {
    fputs("pith: out of memory\n", stderr);
    return -1;
  }
  return batch_submit(c->b, j);
}

static char *dup_nonempty(const char *s) {
  return s && *s ? job_strdup(s) : NULL;
}

/* The job of a WARC record: an HTML page, or an error. */
static job *record_job(const char *source, const pith_warc_record *rec,
                       pith_status st) {
  job *j;
  if (st != PITH_OK) {
    char msg[300];
    snprintf(msg, sizeof msg, "WARC record at offset %llu: %s",
             pith_warc_record_stored_offset(rec), pith_warc_record_error(rec));
    j = job_new(JOB_ERROR, source, msg);
  } else {
    j = job_new(JOB_PAGE, source, NULL);
  }
  if (!j)
    return NULL;
  j->warc = 1;
  j->url = dup_nonempty(pith_warc_record_target_uri(rec));
  j->record_id = dup_nonempty(pith_warc_record_id(rec));
  j->date = dup_nonempty(pith_warc_record_date(rec));
  j->http_status = pith_warc_record_http_status(rec);
  j->truncated = dup_nonempty(pith_warc_record_truncated(rec));
  j->warc_offset = (long long)pith_warc_record_stored_offset(rec);
  j->warc_length = pith_warc_record_stored_length(rec)
                       ? (long long)pith_warc_record_stored_length(rec)
                       : -1;
  if (st == PITH_OK) {
    size_t len;
    const char *body = pith_warc_record_body(rec, &len);
    j->charset = dup_nonempty(pith_warc_record_charset(rec));
    j->data = malloc(len ? len : 1);
    if (!j->data) {
      j->kind = JOB_ERROR;
      j->msg = dup_nonempty("out of memory");
    } else {
      memcpy(j->data, body, len);
      j->len = len;
    }
  }
  return j;
}

/* Is an oversized record one that would have been a page: a response
 * whose Content-Type is HTML or absent? */
static int oversized_page(const pith_warc_record *rec) {
  const char *mime = pith_warc_record_content_type(rec);
  return strcmp(pith_warc_record_type(rec), "response") == 0 &&
         (!*mime || strcmp(mime, "text/html") == 0 ||
          strcmp(mime, "application/xhtml+xml") == 0);
}

/* Read one WARC stream to its end.  Returns -1 when the run must stop. */
static int do_warc(run_ctx *c, const char *source, int fd, const char *pre,
                   size_t plen) {
  fd_source src = {fd, pre, plen, 0, 0};
  pith_warc_reader *r = pith_warc_reader_new(read_cb, &src);
  if (!r) {
    fputs("pith: out of memory\n", stderr);
    return -1;
  }
  pith_warc_reader_set_max_record(r, c->max);
  unsigned long long seen_bytes = 0, seen_skipped = 0, records = 0;
  int rc = 0;
  for (;;) {
    const pith_warc_record *rec;
    pith_status st = pith_warc_reader_next(r, &rec);
    unsigned long long nb = pith_warc_reader_bytes_read(r);
    unsigned long long sk = pith_warc_reader_skipped_bytes(r);
    if (c->b)
      batch_add_bytes(c->b, nb - seen_bytes);
    else
      c->stats->bytes_in += nb - seen_bytes;
    seen_bytes = nb;
    if (!rec && st == PITH_OK && records == 0 && sk == 0) {
      /* An empty stream: no record, nothing skipped. */
      if (c->b) {
        if (submit(c, job_new(JOB_ERROR, source, "empty input")) < 0)
          rc = -1;
      } else {
        c->failed = 1;
        fprintf(stderr, "pith: %s: empty input\n", source);
      }
      break;
    }
    if (sk != seen_skipped) {
      char msg[160];
      if (!rec && st == PITH_OK && records == 0)
        snprintf(msg, sizeof msg,
                 "not a WARC file (no WARC record in %llu bytes)", sk);
      else
        snprintf(msg, sizeof msg,
                 "skipped %llu bytes that belong to no WARC record",
                 sk - seen_skipped);
      seen_skipped = sk;
      if (c->b) {
        if (submit(c, job_new(JOB_NOTE, source, msg)) < 0) {
          rc = -1;
          break;
        }
      } else {
        c->stats->garbage += 1;
        c->failed = 1;
        fprintf(stderr, "pith: %s: %s\n", source, msg);
      }
    }
    if (!rec) {
      if (st == PITH_OK)
        break;
      char msg[200];
      if (st == PITH_ERR_IO)
        snprintf(msg, sizeof msg, "cannot read: %s", strerror(src.err));
      else
        snprintf(msg, sizeof msg, "%s", pith_strerror(st));
      if (c->b) {
        if (submit(c, job_new(JOB_ERROR, source, msg)) < 0)
          rc = -1;
      } else {
        c->failed = 1;
        fprintf(stderr, "pith: %s: %s\n", source, msg);
      }
      break;
    }
    records++;
    if (!c->b) {
      warc_stats *s = c->stats;
      size_t len;
      pith_warc_record_body(rec, &len);
      s->records++;
      s->bytes_out += len;
      if (st != PITH_OK)
        s->errors++;
      else if (pith_warc_record_is_html(rec))
        s->html++;
      else if (strcmp(pith_warc_record_type(rec), "response") == 0)
        s->response++;
      else
        s->other++;
      continue;
    }
    if (st == PITH_OK && !pith_warc_record_is_html(rec)) {
      batch_count_skipped(c->b, 1);
      continue;
    }
    if (st == PITH_ERR_TOO_LARGE && !oversized_page(rec)) {
      batch_count_skipped(c->b, 1); /* e.g. a video: not a page anyway */
      continue;
    }
    if (submit(c, record_job(source, rec, st)) < 0) {
      rc = -1;
      break;
    }
  }
  pith_warc_reader_free(r);
  return rc;
}

/* Standard input: read a first chunk to tell WARC from a page. */
static int do_stdin(run_ctx *c) {
  char *pre = malloc(PEEK);
  if (!pre) {
    fputs("pith: out of memory\n", stderr);
    return -1;
  }
  size_t n = 0;
  while (n < PEEK) {
    ssize_t got = read(STDIN_FILENO, pre + n, PEEK - n);
    if (got < 0 && errno == EINTR)
      continue;
    if (got <= 0)
      break;
    n += (size_t)got;
  }
  const char *name = c->a->source_name ? c->a->source_name : "-";
  if (c->a->warc || c->a->warc_stats || looks_like_warc(pre, n)) {
    int rc = do_warc(c, name, STDIN_FILENO, pre, n);
    free(pre);
    return rc;
  }
  input_buf in;
  char msg[256];
  if (input_read_stdin_rest(pre, n, PEEK, c->max,
                            (c->a->opts & PITH_OPT_TRUNCATE_INPUT) != 0, &in,
                            msg, sizeof msg) != 0)
    return submit(c, job_new(JOB_ERROR, name, msg));
  job *j = job_new(JOB_PAGE, name, NULL);
  if (!j) {
    input_free(&in);
    return submit(c, NULL);
  }
  j->data = in.data;
  j->len = in.len;
  return submit(c, j);
}

/* One input path (from the command line, a directory or a list). */
static int do_path(run_ctx *c, const char *path) {
  if (strcmp(path, "-") == 0)
    return do_stdin(c);
  if (!c->a->warc && !c->a->warc_stats) {
    /* Peek at the first bytes; a file that cannot be opened goes to the
     * worker, which reports it like any failed page. */
    int fd = open(path, O_RDONLY);
    if (fd < 0)
      return submit(c, job_new(JOB_FILE, path, NULL));
    char buf[4096];
    ssize_t n = read(fd, buf, sizeof buf);
    close(fd);
    if (n <= 0 || !looks_like_warc(buf, (size_t)n))
      return submit(c, job_new(JOB_FILE, path, NULL));
  }
  int fd = open(path, O_RDONLY);
  if (fd < 0) {
    if (!c->b) {
      fprintf(stderr, "pith: %s: cannot open: %s\n", path, strerror(errno));
      c->failed = 1;
      return 0;
    }
    return submit(c, error_job(path, "cannot open", errno));
  }
  int rc = do_warc(c, path, fd, NULL, 0);
  close(fd);
  return rc;
}

/* Does a file found under --input-dir pass --include (any GLOB matches
 * its name; no --include: every file)? */
static int included(const cli_args *a, const char *name) {
  if (!a->nincludes)
    return 1;
  for (size_t i = 0; i < a->nincludes; i++)
    if (fnmatch(a->includes[i], name, 0) == 0)
      return 1;
  return 0;
}

static int by_name(const struct dirent **x, const struct dirent **y) {
  return strcmp((*x)->d_name, (*y)->d_name);
}

/* Every file under dir, recursively, in byte order of names; names that
 * start with '.' are skipped, symbolic links to directories are not
 * followed (no loops). */
static int do_dir(run_ctx *c, const char *dir, int depth) {
  struct dirent **names;
  int n = scandir(dir, &names, NULL, by_name);
  if (n < 0) {
    if (!c->b) {
      fprintf(stderr, "pith: %s: cannot read directory: %s\n", dir,
              strerror(errno));
      c->failed = 1;
      return 0;
    }
    return submit(c, error_job(dir, "cannot read directory", errno));
  }
  int rc = 0;
  for (int i = 0; i < n; i++) {
    const char *name = names[i]->d_name;
    if (rc == 0 && name[0] != '.') {
      size_t len = strlen(dir) + strlen(name) + 2;
      char *path = malloc(len);
      if (!path) {
        rc = submit(c, NULL);
      } else {
        snprintf(path, len, "%s%s%s", dir,
                 dir[0] && dir[strlen(dir) - 1] == '/' ? "" : "/", name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
          if (depth < 64)
            rc = do_dir(c, path, depth + 1);
        } else if (stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
                   included(c->a, name)) {
          rc = do_path(c, path);
          if (c->b)
            batch_input_done(c->b);
        }
        free(path);
      }
    }
    free(names[i]);
  }
  free(names);
  return rc;
}

/* Every path listed in `list`, one per line ("-": standard input). */
static int do_list(run_ctx *c, const char *list) {
  int use_stdin = strcmp(list, "-") == 0;
  FILE *f = use_stdin ? stdin : fopen(list, "r");
  if (!f) {
    if (!c->b) {
      fprintf(stderr, "pith: %s: cannot open: %s\n", list, strerror(errno));
      c->failed = 1;
      return 0;
    }
    return submit(c, error_job(list, "cannot open", errno));
  }
  char *line = NULL;
  size_t cap = 0;
  ssize_t n;
  int rc = 0;
  while (rc == 0 && (n = getline(&line, &cap, f)) >= 0) {
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0)
      continue;
    rc = do_path(c, line);
    if (c->b)
      batch_input_done(c->b);
  }
  free(line);
  if (!use_stdin)
    fclose(f);
  return rc;
}

static int count_dir(const cli_args *a, const char *dir, int depth,
                     unsigned long long *n) {
  struct dirent **names;
  int k = scandir(dir, &names, NULL, by_name);
  if (k < 0)
    return 0;
  for (int i = 0; i < k; i++) {
    const char *name = names[i]->d_name;
    if (name[0] != '.') {
      size_t len = strlen(dir) + strlen(name) + 2;
      char *path = malloc(len);
      if (path) {
        snprintf(path, len, "%s/%s", dir, name);
        struct stat st;
        if (lstat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
          if (depth < 64)
            count_dir(a, path, depth + 1, n);
        } else if (included(a, name)) {
          ++*n;
        }
        free(path);
      }
    }
    free(names[i]);
  }
  free(names);
  return 0;
}

static int walk(run_ctx *c) {
  const cli_args *a = c->a;
  for (size_t i = 0; i < a->ninputs; i++) {
    if (do_path(c, a->inputs[i]) < 0)
      return -1;
    if (c->b)
      batch_input_done(c->b);
  }
  for (size_t i = 0; i < a->ninput_dirs; i++)
    if (do_dir(c, a->input_dirs[i], 0) < 0)
      return -1;
  for (size_t i = 0; i < a->ninput_lists; i++)
    if (do_list(c, a->input_lists[i]) < 0)
      return -1;
  return 0;
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int run_warc_stats(const cli_args *a, size_t max) {
  warc_stats s;
  memset(&s, 0, sizeof s);
  run_ctx c = {a, NULL, &s, max, 0};
  double t0 = batch_now(), c0 = cpu_now();
  int rc = walk(&c);
  double el = batch_now() - t0, cpu = cpu_now() - c0;
  printf("warc-stats: %llu records (%llu HTML responses, %llu other "
         "responses, %llu other records, %llu errors), %llu garbage "
         "regions; %.1f MB read, %.1f MB of payloads; %.3f s, %.0f "
         "records/s, %.1f MB/s; CPU %.3f s, %.0f records/s\n",
         s.records, s.html, s.response, s.other, s.errors, s.garbage,
         (double)s.bytes_in / 1e6, (double)s.bytes_out / 1e6, el,
         el > 0 ? (double)s.records / el : 0.0,
         el > 0 ? (double)s.bytes_in / 1e6 / el : 0.0, cpu,
         cpu > 0 ? (double)s.records / cpu : 0.0);
  if (fflush(stdout) != 0 || fclose(stdout) != 0) {
    fprintf(stderr, "pith: write error: %s\n", strerror(errno));
    return 1;
  }
  return rc < 0 || c.failed || s.errors ? 1 : 0;
}

/* Read a small file whole into buf (NUL-terminated); 0, or -1. */
static int read_small(const char *path, char *buf, size_t cap) {
  int fd = open(path, O_RDONLY);
  if (fd < 0)
    return -1;
  ssize_t n = read(fd, buf, cap - 1);
  close(fd);
  if (n < 0)
    return -1;
  buf[n] = '\0';
  return 0;
}

/* The CPU quota of cgroup directory `dir` (v2 cpu.max "QUOTA PERIOD", or
 * v1 cpu.cfs_quota_us and cpu.cfs_period_us) in CPUs, rounded up; 0 when
 * there is none. */
static int cgroup_quota(const char *dir) {
  char path[4200], buf[128];
  long long quota = -1, period = 0;
  snprintf(path, sizeof path, "%s/cpu.max", dir);
  if (read_small(path, buf, sizeof buf) == 0) {
    if (sscanf(buf, "%lld %lld", &quota, &period) != 2)
      quota = -1; /* "max PERIOD": no limit */
  } else {
    snprintf(path, sizeof path, "%s/cpu.cfs_quota_us", dir);
    if (read_small(path, buf, sizeof buf) == 0)
      quota = atoll(buf);
    snprintf(path, sizeof path, "%s/cpu.cfs_period_us", dir);
    if (read_small(path, buf, sizeof buf) == 0)
      period = atoll(buf);
  }
  if (quota <= 0 || period <= 0)
    return 0;
  long long n = (quota + period - 1) / period;
  return n > 1024 ? 1024 : (int)n;
}

/* The smallest CPU quota on the way from the process's cgroup up to the
 * root of the hierarchy mounted at `mount` (the tightest limit holds). */
static int cgroup_limit(const char *mount, const char *rel) {
  char dir[4096];
  int best = 0;
  snprintf(dir, sizeof dir, "%s%s", mount, rel);
  for (;;) {
    int q = cgroup_quota(dir);
    if (q > 0 && (best == 0 || q < best))
      best = q;
    char *slash = strrchr(dir, '/');
    if (!slash || (size_t)(slash - dir) < strlen(mount))
      break;
    *slash = '\0';
  }
  return best;
}

/* The CPU quota of the process's cgroup (v2, or v1's cpu controller), in
 * whole CPUs; 0 when there is none. */
static int cgroup_cpus(void) {
  FILE *f = fopen("/proc/self/cgroup", "r");
  if (!f)
    return 0;
  char line[4096];
  int best = 0;
  while (fgets(line, sizeof line, f)) {
    line[strcspn(line, "\n")] = '\0';
    char *c1 = strchr(line, ':'), *c2 = c1 ? strchr(c1 + 1, ':') : NULL;
    if (!c2)
      continue;
    *c2 = '\0';
    const char *ctrl = c1 + 1, *rel = c2 + 1;
    if (strcmp(rel, "/") == 0)
      rel = "";
    int q = 0;
    if (strcmp(line, "0") == 0 && !*ctrl) {
      q = cgroup_limit("/sys/fs/cgroup", rel);
    } else if (strstr(ctrl, "cpu") && !strstr(ctrl, "cpuset")) {
      /* v1: "cpu,cpuacct" or "cpu"; the mount may be named either way.
       * In a container the path is often the host's: try the mount root
       * too. */
      char mount[256];
      snprintf(mount, sizeof mount, "/sys/fs/cgroup/%s", ctrl);
      q = cgroup_limit(mount, rel);
      if (!q)
        q = cgroup_limit("/sys/fs/cgroup/cpu", rel);
      if (!q)
        q = cgroup_quota(mount);
    }
    if (q > 0 && (best == 0 || q < best))
      best = q;
  }
  fclose(f);
  return best;
}

/* The default -j: the CPUs this process may run on (its affinity mask, as
 * taskset sets it), capped by its cgroup's CPU quota (a container's
 * --cpus); the online CPUs when neither can be read. */
static int usable_cpus(void) {
  long n = sysconf(_SC_NPROCESSORS_ONLN);
  cpu_set_t set;
  if (sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0)
    n = CPU_COUNT(&set);
  int q = cgroup_cpus();
  if (q > 0 && q < n)
    n = q;
  return n > 0 ? (n > 1024 ? 1024 : (int)n) : 1;
}

int sources_run(const cli_args *a) {
  size_t max = a->max_size ? a->max_size : PITH_DEFAULT_MAX_INPUT;
  if (a->warc_stats)
    return run_warc_stats(a, max);

  int threads = a->threads > 0 ? a->threads : usable_cpus();
  batch *b = batch_start(a, threads);
  if (!b) {
    fputs("pith: out of memory\n", stderr);
    return 1;
  }
  /* What the ETA is measured against: the bytes of the WARC files when
   * every input is one (a regular file), else the number of inputs when
   * no list is read (a list's length is not known in advance). */
  unsigned long long inputs = a->ninputs, bytes = 0;
  int all_warc = a->ninputs > 0 && !a->ninput_dirs && !a->ninput_lists &&
                 a->ninputs <= 4096;
  for (size_t i = 0; i < a->ninputs && all_warc; i++) {
    struct stat st;
    if (stat(a->inputs[i], &st) != 0 || !S_ISREG(st.st_mode)) {
      all_warc = 0;
      break;
    }
    bytes += (unsigned long long)st.st_size;
    if (!a->warc) {
      char buf[4096];
      ssize_t n = -1;
      int fd = open(a->inputs[i], O_RDONLY);
      if (fd >= 0) {
        n = read(fd, buf, sizeof buf);
        close(fd);
      }
      all_warc = n > 0 && looks_like_warc(buf, (size_t)n);
    }
  }
  for (size_t i = 0; i < a->ninput_dirs; i++)
    count_dir(a, a->input_dirs[i], 0, &inputs);
  if (all_warc)
    batch_set_total(b, 0, bytes);
  else if (!a->ninput_lists)
    batch_set_total(b, inputs, 0);

  run_ctx c = {a, b, NULL, max, 0};
  int rc = walk(&c);
  int status = batch_finish(b);
  return rc < 0 ? 1 : status;
}
