/* SPDX-License-Identifier: MIT */
/*
 * test_alloc.c - allocation-failure testing in the style of curl's torture
 * tests: for a few pages and a small WARC file, the whole path (extract,
 * every renderer; read every record and extract its page) is run once
 * counting the library's allocations, then again once for every N, with
 * the Nth allocation and all after it failing.  Each run must answer
 * PITH_ERR_NOMEM or a result, and never crash; under ASan (make asan) a
 * leak on any failure path fails the run too.  Only the library's own
 * allocations fail (libxml2 allocates through its own functions).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

#include "alloc.h"
#include "harness.h"

static const char *const pages[] = {
    /* Metadata of every kind, a table, a list, code, comments. */
    "<html lang=en-us><head><title>A page &ndash; Site</title>"
    "<meta property='og:site_name' content='Site'>"
    "<meta name=description content='What the page is about.'>"
    "<meta property='article:tag' content='alpha'>"
    "<link rel=canonical href='/a/page'>"
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
    "\"headline\":\"A page\",\"author\":{\"@type\":\"Person\",\"name\":"
    "\"Ann Lee\"},\"datePublished\":\"2024-03-01\",\"keywords\":[\"b\"]}"
    "</script></head><body><nav><a href=/>Home</a></nav><article>"
    "<h1>A page</h1><p class=byline>By Ann Lee, March 1, 2024</p>"
    "<p>LONDON (Reuters) - The first paragraph has <b>bold</b> and "
    "<a href='/x'>a link</a> and enough words to count as prose.</p>"
    "<ul><li>One item</li><li>Two items</li></ul><pre><code "
    "class=language-c>int x;</code></pre><table><tr><th>A</th><th>B</th>"
    "</tr><tr><td>1</td><td>2</td></tr></table><img src=i.png alt=pic>"
    "<a rel=tag href=/t/c>c</a></article><div id=comments><div "
    "class=comment><p>A reader's comment, long enough to be kept.</p>"
    "</div></div></body></html>",
    /* A forum-like page and a charset to convert. */
    "<html><head><meta charset=windows-1252><title>Thread</title></head>"
    "<body><div class=post><p>First post text with caf\xe9 in it and "
    "more words.</p></div><div class=post><p>Second post, a reply with "
    "more words in it.</p></div></body></html>",
};

/* One record of a WARC file: a response carrying `html`. */
static size_t warc_record(char *out, size_t cap, const char *uri,
                          const char *html) {
  char http[1024];
  int hl = snprintf(http, sizeof http,
                    "HTTP/1.1 200 OK\r\nContent-Type: text/html; "
                    "charset=utf-8\r\nContent-Length: %zu\r\n\r\n%s",
                    strlen(html), html);
  int n = snprintf(out, cap,
                   "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: %s\r\n"
                   "WARC-Record-ID: <urn:uuid:1>\r\nWARC-Date: "
                   "2024-01-01T00:00:00Z\r\nContent-Type: application/http; "
                   "msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n",
                   uri, hl, http);
  return n > 0 ? (size_t)n : 0;
}

typedef struct {
  const char *s;
  size_t len, pos;
} mem;

static ptrdiff_t mem_read(void *ctx, char *buf, size_t len) {
  mem *m = ctx;
  size_t n = m->len - m->pos < len ? m->len - m->pos : len;
  memcpy(buf, m->s + m->pos, n);
  m->pos += n;
  return (ptrdiff_t)n;
}

/* Extract a page and render it every way; 1 when every step answered
 * (a result, or PITH_ERR_NOMEM). */
static int extract_all(const char *html, size_t len, const char *url) {
  pith_extractor *ex = pith_extractor_new(PITH_OPT_IMAGES | PITH_OPT_LINKS);
  if (!ex)
    return 1; /* NULL only when out of memory: an answer */
  pith_result *res = NULL;
  pith_status st = pith_extractor_extract(ex, html, len, url, NULL, &res);
  int ok = st == PITH_OK ? res != NULL : st == PITH_ERR_NOMEM && !res;
  if (res) {
    pith_free(pith_render_json(res, "page"));
    pith_free(pith_render_json_ex(res, "page", PITH_RENDER_MARKDOWN_FIELD));
    pith_free(pith_render_markdown(res, PITH_OPT_IMAGES | PITH_OPT_LINKS));
    pith_free(pith_render_xml(res, PITH_OPT_FORMATTING));
    pith_free(pith_render_html(res, PITH_OPT_FORMATTING));
  }
  pith_result_free(res);
  pith_extractor_free(ex);
  return ok;
}

/* Read every record of a WARC file and extract its page. */
static int warc_all(const char *warc, size_t len) {
  mem m = {warc, len, 0};
  pith_warc_reader *r = pith_warc_reader_new(mem_read, &m);
  if (!r)
    return 1;
  int ok = 1;
  for (int guard = 0; guard < 100; guard++) {
    const pith_warc_record *rec = NULL;
    pith_status st = pith_warc_reader_next(r, &rec);
    if (st == PITH_ERR_NOMEM) {
      ok = !rec;
      break;
    }
    if (st != PITH_OK) {
      /* A broken record or a fatal status other than out of memory: the
       * input is well formed, so only memory can be the cause. */
      ok = 0;
      break;
    }
    if (!rec)
      break;
    size_t blen = 0;
    const char *body = pith_warc_record_body(rec, &blen);
    if (body && blen)
      ok &= extract_all(body, blen, pith_warc_record_target_uri(rec));
  }
  pith_warc_reader_free(r);
  return ok;
}

/* Run `fn` once counting, then once per failing allocation. */
static void torture(const char *name, int (*fn)(const char *, size_t),
                    const char *in, size_t len) {
  pith__alloc_torture_start(0);
  int ok = fn(in, len);
  unsigned long total = pith__alloc_torture_stop();
  char desc[128];
  snprintf(desc, sizeof desc, "%s: runs without failures", name);
  OK(ok, desc);
  snprintf(desc, sizeof desc, "%s: allocates (%lu allocations)", name, total);
  OK(total > 10, desc);
  unsigned long bad = 0;
  for (unsigned long n = 1; n <= total; n++) {
    pith__alloc_torture_start(n);
    int r = fn(in, len);
    pith__alloc_torture_stop();
    if (!r && !bad)
      bad = n;
  }
  snprintf(desc, sizeof desc,
           "%s: every failing allocation gives a result or "
           "PITH_ERR_NOMEM (first wrong: %lu)",
           name, bad);
  OK(bad == 0, desc);
}

static int page_fn(const char *in, size_t len) {
  return extract_all(in, len, "https://example.org/a/page");
}

int main(void) {
  pith_global_init();
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char name[32];
    snprintf(name, sizeof name, "page %zu", i + 1);
    torture(name, page_fn, pages[i], strlen(pages[i]));
  }
  static char warc[8192];
  size_t wl = warc_record(warc, sizeof warc, "https://example.org/1",
                          "<title>One</title><p>The first page's text, with "
                          "enough words to be kept.</p>");
  wl += warc_record(warc + wl, sizeof warc - wl, "https://example.org/2",
                    pages[1]);
  torture("WARC", warc_all, warc, wl);
  return done_testing();
}
