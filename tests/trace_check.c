/* SPDX-License-Identifier: MIT */
/*
 * trace_check.c - the decision trace agrees with the output, on every page
 * of the dev sets.
 *
 *   trace_check DIR...
 *
 * For each page in DIR/html (NAME.html.gz or NAME.html) of each DIR:
 * the kept entries of the trace, joined as pith.h says (a blank line, or
 * one newline between two list items or two table rows), must equal
 * pith_result_text() byte for byte; the text with PITH_OPT_EXPLAIN must
 * equal the text without it; and the HTML report must be safe (no
 * <script, no event-handler attribute, nothing in a tag that loads).
 * Prints one line per failing page and a summary; exits 0 when all pass,
 * 1 when any fails, 77 (CTest "skipped") when no DIR exists.
 */
#define _POSIX_C_SOURCE 200809L

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include <pith/pith.h>

typedef struct {
  char *p;
  size_t n, cap;
} sbuf;

static int sb_add(sbuf *b, const char *s, size_t n) {
  if (b->n + n + 1 > b->cap) {
    size_t cap = (b->n + n + 1) * 2;
    char *q = realloc(b->p, cap);
    if (!q)
      return -1;
    b->p = q;
    b->cap = cap;
  }
  memcpy(b->p + b->n, s, n);
  b->n += n;
  b->p[b->n] = '\0';
  return 0;
}

/* Read a file, gunzipping it when it is gzip (gzread passes plain files
 * through).  Returns 0, or -1. */
static int read_page(const char *path, sbuf *out) {
  gzFile g = gzopen(path, "rb");
  if (!g)
    return -1;
  out->n = 0;
  char chunk[65536];
  int n;
  while ((n = gzread(g, chunk, sizeof chunk)) > 0)
    if (sb_add(out, chunk, (size_t)n) < 0) {
      gzclose(g);
      return -1;
    }
  gzclose(g);
  if (n < 0)
    return -1;
  return sb_add(out, "", 0);
}

/* Non-zero when `what` occurs inside a tag of the report. */
static int tag_has(const char *h, const char *what) {
  size_t wl = strlen(what);
  for (const char *p = strchr(h, '<'); p; p = strchr(p + 1, '<')) {
    const char *e = strchr(p, '>');
    if (!e)
      return 1;
    for (const char *q = p; q + wl <= e; q++)
      if (!strncmp(q, what, wl))
        return 1;
    p = e;
  }
  return 0;
}

/* Non-zero when a tag of `h` has an event-handler attribute (on...=). */
static int tag_has_handler(const char *h) {
  for (const char *p = strchr(h, '<'); p; p = strchr(p + 1, '<')) {
    const char *e = strchr(p, '>');
    if (!e)
      return 1;
    for (const char *q = p; q + 3 < e; q++) {
      if ((*q != ' ' && *q != '\t' && *q != '\n' && *q != '/') ||
          (q[1] | 0x20) != 'o' || (q[2] | 0x20) != 'n')
        continue;
      const char *r = q + 3;
      while (r < e && (*r | 0x20) >= 'a' && (*r | 0x20) <= 'z')
        r++;
      if (r > q + 3 && r < e && *r == '=')
        return 1;
    }
    p = e;
  }
  return 0;
}

/* Non-zero when the <style> element of `h` loads anything. */
static int style_loads(const char *h) {
  const char *s = strstr(h, "<style>"), *e = s ? strstr(s, "</style>") : NULL;
  if (!s || !e)
    return 0;
  for (const char *q = s; q < e; q++)
    if (!strncmp(q, "url(", 4) || !strncmp(q, "@import", 7))
      return 1;
  return 0;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Check one page; returns the problem, or NULL when it passes. */
static const char *check(pith_extractor *ex, pith_extractor *ex0,
                         const sbuf *page, const char *name, sbuf *joined) {
  pith_result *r = NULL, *r0 = NULL;
  const char *bad = NULL;
  if (pith_extractor_extract(ex, page->p, page->n, NULL, NULL, &r) != PITH_OK)
    return "extraction with explain failed";
  if (pith_extractor_extract(ex0, page->p, page->n, NULL, NULL, &r0) !=
      PITH_OK) {
    pith_result_free(r);
    return "extraction without explain failed";
  }
  joined->n = 0;
  sb_add(joined, "", 0);
  const char *prev = NULL;
  size_t n = pith_result_trace_count(r);
  for (size_t i = 0; i < n; i++) {
    pith_trace_entry e;
    if (pith_result_trace_entry(r, i, &e) != 0) {
      bad = "a trace entry cannot be read";
      break;
    }
    if (e.decision != PITH_TRACE_KEPT)
      continue;
    if (prev) {
      int tight = !strcmp(prev, e.block) && (!strcmp(e.block, "list-item") ||
                                             !strcmp(e.block, "table-row"));
      sb_add(joined, "\n\n", tight ? 1 : 2);
    }
    sb_add(joined, e.text, strlen(e.text));
    prev = e.block;
  }
  if (!bad && strcmp(joined->p, pith_result_text(r)))
    bad = "kept entries differ from the text";
  if (!bad && strcmp(pith_result_text(r), pith_result_text(r0)))
    bad = "explain changes the text";
  if (!bad && *pith_result_text(r) && !n)
    bad = "text but no trace";
  if (!bad) {
    char *h = pith_render_explain_html(r, name);
    char *j = pith_render_explain_json(r, name);
    if (!h || !j)
      bad = "a report cannot be rendered";
    else if (strstr(h, "<script") || tag_has_handler(h) || tag_has(h, "src=") ||
             tag_has(h, "://") || style_loads(h))
      bad = "the HTML report is not safe";
    pith_free(h);
    pith_free(j);
  }
  pith_result_free(r);
  pith_result_free(r0);
  return bad;
}

int main(int argc, char **argv) {
  pith_extractor *ex = pith_extractor_new(PITH_OPT_EXPLAIN);
  pith_extractor *ex0 = pith_extractor_new(PITH_OPT_DEFAULT);
  if (!ex || !ex0) {
    fprintf(stderr, "trace_check: out of memory\n");
    return 1;
  }
  /* A page that runs out of the time budget (5 s by default; possible
   * under sanitizers on a busy machine) may come out differently from
   * run to run; the budget is lifted so the comparison stays exact. */
  pith_extractor_set_time_budget(ex, 600000);
  pith_extractor_set_time_budget(ex0, 600000);
  sbuf page = {0}, joined = {0};
  size_t pages = 0, failed = 0, dirs = 0;
  for (int a = 1; a < argc; a++) {
    char path[4096];
    snprintf(path, sizeof path, "%s/html", argv[a]);
    DIR *d = opendir(path);
    if (!d) {
      printf("# %s: absent\n", argv[a]);
      continue;
    }
    dirs++;
    char **names = NULL;
    size_t nn = 0, cap = 0;
    struct dirent *de;
    while ((de = readdir(d))) {
      const char *s = strstr(de->d_name, ".html");
      if (de->d_name[0] == '.' || !s)
        continue;
      if (nn == cap) {
        cap = cap ? cap * 2 : 1024;
        char **q = realloc(names, cap * sizeof *names);
        if (!q)
          return 1;
        names = q;
      }
      names[nn] = malloc(strlen(de->d_name) + 1);
      if (!names[nn])
        return 1;
      strcpy(names[nn++], de->d_name);
    }
    closedir(d);
    qsort(names, nn, sizeof *names, cmp_str);
    size_t before = failed;
    for (size_t i = 0; i < nn; i++) {
      snprintf(path, sizeof path, "%s/html/%s", argv[a], names[i]);
      const char *bad = read_page(path, &page) < 0
                            ? "cannot be read"
                            : check(ex, ex0, &page, names[i], &joined);
      pages++;
      if (bad) {
        failed++;
        printf("FAIL %s: %s\n", path, bad);
      }
      free(names[i]);
    }
    free(names);
    printf("# %s: %zu pages, %zu failed\n", argv[a], nn, failed - before);
  }
  free(page.p);
  free(joined.p);
  pith_extractor_free(ex);
  pith_extractor_free(ex0);
  if (!dirs) {
    printf("SKIP: no data directory (../shared absent)\n");
    return 77;
  }
  printf("%zu pages, %zu failed\n", pages, failed);
  return failed != 0;
}
