/* SPDX-License-Identifier: MIT */
/*
 * bench.c - pith-bench: how fast is extraction compared with parsing alone?
 *
 * Usage: pith-bench [--pith-only] [DIR [WARC...]]
 *        pith-bench --explain [DIR]
 *        (DIR defaults to ../shared/data/wcxb-dev/html)
 *
 * Loads every DIR/ *.html.gz into memory (decompressed) first, so disk and
 * zlib are not measured, then times on one thread:
 *  (a) libxml2 alone: htmlReadMemory() + xmlFreeDoc() per page, with the
 *      options libpith uses;
 *  (b) pith: pith_extractor_extract() + pith_render_json() + the frees, per
 *      page, with one reused extractor; then where that time went, as
 *      shares of the fastest pass: the library's stages (decode, parse,
 *      extract, metadata, body; lib/stages.h), the JSON rendering, and
 *      the rest (frees, loop).
 * Pages up to 64 MiB are accepted (the CLI's default limit is lower).
 * Each pass over the pages runs 3 times and the fastest counts.  The
 * printed ratio pith/libxml2 is the ratio of those times: how many times
 * longer a full extraction takes than libxml2's parse alone.  --pith-only
 * skips (a): libxml2 alone is quadratic on some pathological pages (many
 * attributes on one tag) that pith defuses before parsing.
 *
 * Each WARC file (bench/run.sh passes WARC files made of DIR's pages by
 * tests/warc/mkwarc.py) is then read with libpith's WARC reader alone,
 * from the file (page cache) through a read(2) callback as the pith tool
 * does, 3 times: records/s, MB/s, and the reading time as a share of (b),
 * the time of extracting the same pages.  Times are wall clock, with the
 * process CPU time next to them: on a busy machine the CPU time is the
 * steadier figure.
 *
 * --explain measures what the decision trace costs instead: each page is
 * timed (CPU time, best of 3) as the tool's normal JSON output does it
 * (extract + pith_render_json), then as --explain=json does it (extract
 * with PITH_OPT_EXPLAIN + pith_render_explain_json) and as --explain does
 * it (the same + pith_render_explain_html).  Printed: the totals and their
 * ratios, and the per-page ratios (median, 95th percentile, largest) over
 * the pages whose normal time is at least 1 ms (shorter times are mostly
 * timer noise), with the slowest page named.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <zlib.h>

#include "pith/pith.h"
#include "stages.h" /* lib/: the extractor's clock between its stages */

#define REPEATS 3

typedef struct {
  char *name;
  char *data;
  size_t len;
} page;

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static double cpu_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static ptrdiff_t read_fd(void *ctx, char *buf, size_t len) {
  int fd = *(int *)ctx;
  for (;;) {
    ssize_t n = read(fd, buf, len);
    if (n < 0 && errno == EINTR)
      continue;
    return n;
  }
}

/* Read a WARC file with the reader alone, REPEATS times; report the best
 * wall and CPU times, and the reading time against `extract_secs` (the
 * time of extracting the pages the file holds). */
static int bench_warc(const char *path, double extract_secs,
                      double extract_cpu) {
  double best = 1e300, best_cpu = 1e300;
  unsigned long long records = 0, errors = 0, bytes_in = 0, bytes_out = 0;
  for (int rep = 0; rep < REPEATS; rep++) {
    int fd = open(path, O_RDONLY);
    if (fd < 0) {
      fprintf(stderr, "pith-bench: cannot open %s\n", path);
      return -1;
    }
    double t0 = now(), c0 = cpu_now();
    pith_warc_reader *r = pith_warc_reader_new(read_fd, &fd);
    if (!r) {
      close(fd);
      return -1;
    }
    records = errors = bytes_out = 0;
    const pith_warc_record *rec;
    pith_status st;
    while ((st = pith_warc_reader_next(r, &rec)), rec) {
      size_t len;
      pith_warc_record_body(rec, &len);
      records++;
      errors += st != PITH_OK;
      bytes_out += len;
    }
    bytes_in = pith_warc_reader_bytes_read(r);
    pith_warc_reader_free(r);
    close(fd);
    double t = now() - t0, c = cpu_now() - c0;
    if (st != PITH_OK) {
      fprintf(stderr, "pith-bench: %s: %s\n", path, pith_strerror(st));
      return -1;
    }
    if (t < best)
      best = t;
    if (c < best_cpu)
      best_cpu = c;
  }
  const char *base = strrchr(path, '/');
  printf("WARC reader alone: %s: %llu records (%llu errors), %.1f MB gzip, "
         "%.1f MB of payloads\n",
         base ? base + 1 : path, records, errors, (double)bytes_in / 1e6,
         (double)bytes_out / 1e6);
  printf("  wall %.3f s: %8.0f records/s %7.1f MB/s in   "
         "%5.1f%% of extract+json\n",
         best, (double)records / best, (double)bytes_in / 1e6 / best,
         100.0 * best / extract_secs);
  printf("  CPU  %.3f s: %8.0f records/s %7.1f MB/s in   "
         "%5.1f%% of extract+json\n",
         best_cpu, (double)records / best_cpu,
         (double)bytes_in / 1e6 / best_cpu, 100.0 * best_cpu / extract_cpu);
  return 0;
}

static int by_name(const void *x, const void *y) {
  return strcmp(((const page *)x)->name, ((const page *)y)->name);
}

/* Read a whole gzip file (all members) into memory. */
static int load_gz(const char *path, page *p) {
  gzFile gz = gzopen(path, "rb");
  if (!gz)
    return -1;
  gzbuffer(gz, 1 << 17);
  size_t cap = 1 << 16, len = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf)
      break;
    if (cap - len < (1 << 16)) {
      char *nbuf = realloc(buf, cap * 2);
      if (!nbuf) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nbuf;
      cap *= 2;
    }
    int n = gzread(gz, buf + len, (unsigned)(cap - len));
    if (n < 0) {
      free(buf);
      buf = NULL;
      break;
    }
    if (n == 0)
      break;
    len += (size_t)n;
  }
  gzclose(gz);
  if (!buf)
    return -1;
  p->data = buf;
  p->len = len;
  return 0;
}

static int ends_with(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  return n >= m && strcmp(s + n - m, suffix) == 0;
}

static void report(const char *what, size_t npages, size_t bytes, double secs) {
  printf("%-24s %9.1f pages/s %8.2f MB/s   (best of %d: %.3f s)\n", what,
         (double)npages / secs, (double)bytes / 1e6 / secs, REPEATS, secs);
}

/* Where the time of the fastest pass went, as shares of it: each stage
 * of the library, the JSON rendering, and what neither clock saw (the
 * frees, the loop). */
static void print_stages(const uint64_t *ns, double render, double total) {
  if (total <= 0)
    return;
  printf("stages (share of pith's time):");
  double seen = render;
  for (unsigned s = 0; s < PITH_STAGE_COUNT; s++) {
    double t = (double)ns[s] / 1e9;
    seen += t;
    printf(" %s %.0f%%,", pith__stage_name(s), 100 * t / total);
  }
  printf(" render %.0f%%, other %.0f%%\n", 100 * render / total,
         100 * (total - seen > 0 ? total - seen : 0) / total);
}

static double page_cpu(pith_extractor *ex, const page *p, int mode) {
  double best = 1e300;
  for (int rep = 0; rep < REPEATS; rep++) {
    double c0 = cpu_now();
    pith_result *res = NULL;
    if (pith_extractor_extract(ex, p->data, p->len, NULL, NULL, &res) !=
        PITH_OK)
      return -1;
    char *out = mode == 0   ? pith_render_json(res, p->name)
                : mode == 1 ? pith_render_explain_json(res, p->name)
                            : pith_render_explain_html(res, p->name);
    pith_free(out);
    pith_result_free(res);
    double c = cpu_now() - c0;
    if (c < best)
      best = c;
  }
  return best;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

/* pith-bench --explain: the cost of the trace, per page. */
static int bench_explain(const page *pages, size_t npages) {
  pith_extractor *ex = pith_extractor_new(PITH_OPT_DEFAULT);
  pith_extractor *exx = pith_extractor_new(PITH_OPT_EXPLAIN);
  double *ratio = malloc(2 * npages * sizeof *ratio);
  if (!ex || !exx || !ratio) {
    fputs("pith-bench: out of memory\n", stderr);
    return 1;
  }
  pith_extractor_set_max_input(ex, (size_t)64 << 20);
  pith_extractor_set_max_input(exx, (size_t)64 << 20);
  double tot[3] = {0, 0, 0}, worst = 0;
  size_t nr = 0, worst_i = 0;
  for (size_t i = 0; i < npages; i++) {
    double t0 = page_cpu(ex, &pages[i], 0);
    double t1 = page_cpu(exx, &pages[i], 1);
    double t2 = page_cpu(exx, &pages[i], 2);
    if (t0 < 0 || t1 < 0 || t2 < 0)
      continue;
    tot[0] += t0;
    tot[1] += t1;
    tot[2] += t2;
    if (t0 >= 1e-3) {
      double r = (t2 > t1 ? t2 : t1) / t0;
      ratio[nr++] = r;
      if (r > worst)
        worst = r, worst_i = i;
    }
  }
  printf("normal (extract + JSON):            %.3f s CPU\n", tot[0]);
  printf("--explain=json (explain + trace JSON): %.3f s CPU, x%.2f\n", tot[1],
         tot[1] / tot[0]);
  printf("--explain (explain + HTML report):  %.3f s CPU, x%.2f\n", tot[2],
         tot[2] / tot[0]);
  if (nr) {
    qsort(ratio, nr, sizeof *ratio, cmp_double);
    printf("per page (%zu pages of >= 1 ms; the slower of the two reports):\n"
           "  median x%.2f, 95th percentile x%.2f, largest x%.2f (%s)\n",
           nr, ratio[nr / 2], ratio[nr * 95 / 100], worst, pages[worst_i].name);
  }
  free(ratio);
  pith_extractor_free(ex);
  pith_extractor_free(exx);
  return 0;
}

/* Time pith_extractor_extract() + pith_render_json() over the pages with
 * parser option `popt` (best of REPEATS); prints the throughput and the
 * stage shares.  Returns 0, or -1 when out of memory. */
static int bench_pith(const page *pages, size_t npages, size_t bytes,
                      unsigned popt, const char *pname, double *best_out,
                      double *cpu_out) {
  pith_extractor *ex = pith_extractor_new(popt);
  if (!ex) {
    fputs("pith-bench: out of memory\n", stderr);
    return -1;
  }
  /* The pathological pages of bench/pathological.sh reach 30 MB; the
   * default input limit would refuse them rather than time them. */
  pith_extractor_set_max_input(ex, (size_t)64 << 20);
  double best_pith = 1e300, best_pith_cpu = 1e300;
  size_t failures = 0;
  /* The stages of the fastest pass: the extractor's own clock
   * (lib/stages.h) and the JSON rendering, timed here. */
  uint64_t best_stage[PITH_STAGE_COUNT] = {0};
  double best_render = 0;
  for (int rep = 0; rep < REPEATS; rep++) {
    failures = 0;
    uint64_t st0[PITH_STAGE_COUNT], st1[PITH_STAGE_COUNT];
    pith__extractor_stage_ns(ex, st0);
    double render = 0;
    double t0 = now(), c0 = cpu_now();
    for (size_t i = 0; i < npages; i++) {
      pith_result *res = NULL;
      if (pith_extractor_extract(ex, pages[i].data, pages[i].len, NULL, NULL,
                                 &res) != PITH_OK) {
        failures++;
        continue;
      }
      double r0 = now();
      char *json = pith_render_json(res, pages[i].name);
      pith_free(json);
      render += now() - r0;
      pith_result_free(res);
    }
    double t = now() - t0, c = cpu_now() - c0;
    pith__extractor_stage_ns(ex, st1);
    if (t < best_pith) {
      best_pith = t;
      best_render = render;
      for (unsigned s = 0; s < PITH_STAGE_COUNT; s++)
        best_stage[s] = st1[s] - st0[s];
    }
    if (c < best_pith_cpu)
      best_pith_cpu = c;
  }
  pith_extractor_free(ex);
  char what[64];
  snprintf(what, sizeof what, "pith (%s) extract+json", pname);
  report(what, npages, bytes, best_pith);
  if (failures)
    printf("pith failed on %zu pages\n", failures);
  print_stages(best_stage, best_render, best_pith);
  printf("pith (%s) extract+json CPU time (best of %d): %.3f s\n", pname,
         REPEATS, best_pith_cpu);
  *best_out = best_pith;
  *cpu_out = best_pith_cpu;
  return 0;
}

int main(int argc, char **argv) {
  int explain = argc > 1 && strcmp(argv[1], "--explain") == 0;
  if (explain) {
    argc--;
    argv++;
  }
  int pith_only = argc > 1 && strcmp(argv[1], "--pith-only") == 0;
  if (pith_only) {
    argc--;
    argv++;
  }
  const char *dir = argc > 1 ? argv[1] : "../shared/data/wcxb-dev/html";
  DIR *d = opendir(dir);
  if (!d) {
    fprintf(stderr, "pith-bench: cannot open %s\n", dir);
    return 1;
  }
  page *pages = NULL;
  size_t npages = 0, cap = 0, bytes = 0, largest = 0;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (!ends_with(e->d_name, ".html.gz"))
      continue;
    if (npages == cap) {
      cap = cap ? cap * 2 : 256;
      page *np = realloc(pages, cap * sizeof *pages);
      if (!np) {
        fputs("pith-bench: out of memory\n", stderr);
        return 1;
      }
      pages = np;
    }
    size_t plen = strlen(dir) + strlen(e->d_name) + 2;
    char *path = malloc(plen);
    if (!path) {
      fputs("pith-bench: out of memory\n", stderr);
      return 1;
    }
    snprintf(path, plen, "%s/%s", dir, e->d_name);
    page *p = &pages[npages];
    p->name = path;
    if (load_gz(path, p) != 0) {
      fprintf(stderr, "pith-bench: cannot read %s\n", path);
      free(path);
      continue;
    }
    bytes += p->len;
    if (p->len > largest)
      largest = p->len;
    npages++;
  }
  closedir(d);
  if (npages == 0) {
    fprintf(stderr, "pith-bench: no *.html.gz pages in %s\n", dir);
    return 1;
  }
  qsort(pages, npages, sizeof *pages, by_name);
  printf("pages: %zu, %.1f MB decompressed, largest page: %zu bytes\n", npages,
         (double)bytes / 1e6, largest);

  pith_global_init();
  if (explain) {
    int erc = bench_explain(pages, npages);
    for (size_t i = 0; i < npages; i++) {
      free(pages[i].name);
      free(pages[i].data);
    }
    free(pages);
    return erc;
  }
  const int opts = HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                   HTML_PARSE_NOWARNING | HTML_PARSE_NONET;

  double best_xml = 1e300;
  for (int rep = 0; rep < REPEATS && !pith_only; rep++) {
    double t0 = now();
    for (size_t i = 0; i < npages; i++) {
      if (pages[i].len > 0x7fffffff)
        continue;
      htmlDocPtr doc =
          htmlReadMemory(pages[i].data, (int)pages[i].len, NULL, NULL, opts);
      if (doc)
        xmlFreeDoc(doc);
    }
    double t = now() - t0;
    if (t < best_xml)
      best_xml = t;
  }
  if (!pith_only)
    report("libxml2 parse+free", npages, bytes, best_xml);

  /* Both parsers, each timed the same way; the WARC shares below are
   * taken against the default one. */
  double best_pith = 0, best_pith_cpu = 0;
  static const struct {
    unsigned opt;
    const char *name;
  } parsers[] = {{PITH_OPT_PARSER_HTML5, "html5"},
                 {PITH_OPT_PARSER_LIBXML2, "libxml2"}};
  for (size_t k = 0; k < sizeof parsers / sizeof parsers[0]; k++) {
    double t, c;
    if (bench_pith(pages, npages, bytes, parsers[k].opt, parsers[k].name, &t,
                   &c) < 0)
      return 1;
    if (!pith_only)
      printf("ratio pith/libxml2 (time), parser %s: %.2f (%.2fx the "
             "libxml2 parse's speed)\n",
             parsers[k].name, t / best_xml, best_xml / t);
    if (!strcmp(parsers[k].name, pith_default_parser())) {
      best_pith = t;
      best_pith_cpu = c;
    }
  }

  int rc = 0;
  for (int i = 2; i < argc; i++)
    if (bench_warc(argv[i], best_pith, best_pith_cpu) < 0)
      rc = 1;

  for (size_t i = 0; i < npages; i++) {
    free(pages[i].name);
    free(pages[i].data);
  }
  free(pages);
  pith_global_cleanup();
  return rc;
}
