/* SPDX-License-Identifier: MIT */
/*
 * pith.c - the public API: extractor lifecycle, the pipeline that runs the
 * stages in order (decode, parse, extract, body, metadata, text), result
 * getters, status messages and versions.
 */
#include <pith/pith.h>

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <libxml/parser.h>

#include "alloc.h"
#include "body.h"
#include "clock.h"
#include "comments.h"
#include "dateline.h"
#include "decode.h"
#include "explain.h"
#include "extract.h"
#include "gunzip.h"
#include "lang.h"
#include "meta.h"
#include "result.h"
#include "sniff.h"
#include "stages.h"
#include "text.h"
#include "html5.h"
#include "tree.h"
#include "url.h"

/* Defaults of the bounds (see pith.h). */
#define DEFAULT_MAX_NODES (4u * 1024 * 1024)
#define DEFAULT_MAX_DEPTH 512u
#define DEFAULT_TIME_BUDGET_MS 5000u

struct pith_extractor {
  unsigned opts;
  size_t max_input;
  pith_tree_limits limits;
  pith_scratch scratch; /* reused across pages */
  pith_buf utf8;        /* reused decode buffer */
  pith_buf gz;          /* reused gunzip buffer */
  char error[160];      /* why the last extraction failed, or "" */
  uint64_t stage_ns[PITH_STAGE_COUNT]; /* stages.h: time spent per stage */
};

const char *pith__stage_name(unsigned s) {
  static const char *const names[] = {
#define PITH_X_STAGE(e, n) n,
      PITH_STAGE_LIST(PITH_X_STAGE)
#undef PITH_X_STAGE
  };
  return s < PITH_STAGE_COUNT ? names[s] : "";
}

void pith__extractor_stage_ns(const pith_extractor *ex, uint64_t *out) {
  for (unsigned s = 0; s < PITH_STAGE_COUNT; s++)
    out[s] = ex ? ex->stage_ns[s] : 0;
}

/* One table for status names and messages. */
#define PITH_STATUS_LIST(X)                                                    \
  X(PITH_OK, "success")                                                        \
  X(PITH_ERR_NOMEM, "out of memory")                                           \
  X(PITH_ERR_INVALID_ARG, "invalid argument")                                  \
  X(PITH_ERR_PARSE, "the document could not be parsed")                        \
  X(PITH_ERR_ENCODING, "the input could not be decoded")                       \
  X(PITH_ERR_TOO_LARGE, "input too large")                                     \
  X(PITH_ERR_IO, "input/output error")                                         \
  X(PITH_ERR_WARC_FORMAT, "malformed WARC record")                             \
  X(PITH_ERR_EMPTY, "empty input")                                             \
  X(PITH_ERR_NOT_HTML, "not an HTML or text document")

const char *pith_strerror(pith_status status) {
  switch (status) {
#define PITH_X_CASE(code, msg)                                                 \
  case code:                                                                   \
    return msg;
    PITH_STATUS_LIST(PITH_X_CASE)
#undef PITH_X_CASE
  }
  return "unknown error";
}

int pith_version(void) { return PITH_VERSION; }
const char *pith_version_string(void) { return PITH_VERSION_STRING; }

#ifndef PITH_DEFAULT_HTML5
#define PITH_DEFAULT_HTML5 0
#endif
const char *pith_default_parser(void) {
  return PITH_DEFAULT_HTML5 ? "html5" : "libxml2";
}

/* Does this extractor parse with pith's own parser (html5.c)? */
static int uses_html5(unsigned opts) {
  unsigned p = opts & (PITH_OPT_PARSER_HTML5 | PITH_OPT_PARSER_LIBXML2);
  if (p == PITH_OPT_PARSER_HTML5)
    return 1;
  if (p == PITH_OPT_PARSER_LIBXML2)
    return 0;
  return PITH_DEFAULT_HTML5;
}

static pthread_once_t init_once = PTHREAD_ONCE_INIT;
static void init_libxml(void) { xmlInitParser(); }

pith_status pith_global_init(void) {
  pthread_once(&init_once, init_libxml);
  return PITH_OK;
}

void pith_global_cleanup(void) { xmlCleanupParser(); }

void pith_free(void *ptr) { pith__free(ptr); }

pith_extractor *pith_extractor_new(unsigned opts) {
  pith_global_init();
  pith_extractor *ex = pith__calloc(1, sizeof *ex);
  if (!ex)
    return NULL;
  ex->opts = opts;
  ex->max_input = PITH_DEFAULT_MAX_INPUT;
  ex->limits.max_nodes = DEFAULT_MAX_NODES;
  ex->limits.max_depth = DEFAULT_MAX_DEPTH;
  ex->limits.time_budget_ms = DEFAULT_TIME_BUDGET_MS;
  pith__buf_init(&ex->utf8);
  pith__buf_init(&ex->gz);
  return ex;
}

void pith_extractor_free(pith_extractor *ex) {
  if (!ex)
    return;
  pith__scratch_free(&ex->scratch);
  pith__buf_free(&ex->utf8);
  pith__buf_free(&ex->gz);
  pith__free(ex);
}

void pith_extractor_set_max_input(pith_extractor *ex, size_t max_bytes) {
  if (ex)
    ex->max_input = max_bytes ? max_bytes : PITH_DEFAULT_MAX_INPUT;
}

void pith_extractor_set_max_nodes(pith_extractor *ex, size_t max_nodes) {
  if (!ex)
    return;
  if (!max_nodes)
    max_nodes = DEFAULT_MAX_NODES;
  /* Node indexes are 32-bit. */
  ex->limits.max_nodes =
      max_nodes > UINT32_MAX / 2 ? UINT32_MAX / 2 : (uint32_t)max_nodes;
}

void pith_extractor_set_max_depth(pith_extractor *ex, unsigned max_depth) {
  if (ex)
    ex->limits.max_depth = max_depth ? max_depth : DEFAULT_MAX_DEPTH;
}

void pith_extractor_set_time_budget(pith_extractor *ex, unsigned ms) {
  if (!ex)
    return;
  if (ms == PITH_NO_TIME_LIMIT)
    ex->limits.time_budget_ms = 0; /* no deadline */
  else
    ex->limits.time_budget_ms = !ms               ? DEFAULT_TIME_BUDGET_MS
                                : ms > UINT32_MAX ? UINT32_MAX
                                                  : ms;
}

const char *pith_extractor_error(const pith_extractor *ex) {
  return ex ? ex->error : "";
}

/* Fail with `st`, saying why in ex->error (a message, or the status's). */
static pith_status fail_with(pith_extractor *ex, pith_status st,
                             const char *msg) {
  snprintf(ex->error, sizeof ex->error, "%s",
           msg && *msg ? msg : pith_strerror(st));
  return st;
}

int pith_result_truncated(const pith_result *res) {
  return res ? res->truncated : 0;
}

static void meta_defaults(pith_meta *m) {
  memset(m, 0, sizeof *m);
  m->title = m->author = m->date = m->sitename = "";
  m->description = m->language = m->url = m->url_hint = "";
  m->date_modified = m->image = m->license = m->page_type = "";
  m->dateline_place = m->dateline_date = m->dateline_agency = "";
  m->title_doc = "";
}

pith_status pith_extractor_extract(pith_extractor *ex, const char *buf,
                                   size_t len, const char *url,
                                   const char *encoding, pith_result **out) {
  if (!out)
    return PITH_ERR_INVALID_ARG;
  *out = NULL;
  if (!ex || (!buf && len))
    return PITH_ERR_INVALID_ARG;
  ex->error[0] = '\0';
  if (len == 0)
    return fail_with(ex, PITH_ERR_EMPTY, NULL);
  /* The clock between stages (stages.h); summed on success. */
  uint64_t mark[PITH_STAGE_COUNT + 1];
  mark[0] = pith__now_ns();
  int cut = 0;
  if (pith__is_gzip(buf, len)) {
    /* A compressed page: the size cap holds for what it inflates to. */
    char msg[128];
    pith_status gst = pith__gunzip(buf, len, ex->max_input,
                                   (ex->opts & PITH_OPT_TRUNCATE_INPUT) != 0,
                                   &ex->gz, &cut, msg, sizeof msg);
    if (gst != PITH_OK)
      return fail_with(ex, gst, msg);
    buf = ex->gz.data;
    len = ex->gz.len;
    if (len == 0)
      return fail_with(ex, PITH_ERR_EMPTY, "empty input (after gunzip)");
  } else if (len > ex->max_input) {
    if (!(ex->opts & PITH_OPT_TRUNCATE_INPUT))
      return fail_with(ex, PITH_ERR_TOO_LARGE, NULL);
    len = ex->max_input; /* the decoder copes with a cut character */
    cut = 1;
  }
  const char *what = pith__sniff_magic((const unsigned char *)buf, len);
  if (what) {
    snprintf(ex->error, sizeof ex->error, "not HTML: %s", what);
    if (ex->gz.cap > ((size_t)8 << 20))
      pith__buf_free(&ex->gz);
    return PITH_ERR_NOT_HTML;
  }

  pith_result *res = pith__calloc(1, sizeof *res);
  if (!res)
    return fail_with(ex, PITH_ERR_NOMEM, NULL);
  pith__arena_init(&res->arena);
  meta_defaults(&res->meta);
  res->text = "";
  res->charset = "";
  res->base = "";
  res->comments = "";
  /* The caller's address is metadata too: no control or invisible
   * characters in it, as in the page's text (tree.h). */
  if (url) {
    char *u = pith__arena_strndup(&res->arena, url, strlen(url));
    if (!u) {
      pith_result_free(res);
      return PITH_ERR_NOMEM;
    }
    u[pith__clean_text(u, strlen(u))] = '\0';
    url = u;
  }

  /* One clock for the whole page.  Parsing may use half of the budget:
   * the later stages are linear in the nodes it kept and take about as
   * long again, and they stop where they are when the clock runs out. */
  pith_clock clock;
  pith__clock_start(&clock, ex->limits.time_budget_ms);
  pith_tree_limits lim = ex->limits;
  lim.clock = &clock;
  lim.parse_deadline =
      clock.deadline ? clock.deadline - (uint64_t)lim.time_budget_ms * 500000u
                     : 0;
  ex->scratch.clock = &clock;

  /* Every failure below is out of memory unless it says otherwise. */
  pith_status st = PITH_ERR_NOMEM;
  uint8_t *cmark = NULL; /* the trace: elements that became comments */
  pith_tree tree;
  memset(&tree, 0, sizeof tree);
  char charset[32] = "";
  pith__buf_reset(&ex->utf8);
  if (pith__decode(buf, len, encoding, &ex->utf8, charset) < 0) {
    if (ex->utf8.toobig)
      st = PITH_ERR_TOO_LARGE; /* the decoded text outgrew a buffer's cap */
    goto fail;
  }
  if (pith__sniff_binary_text(ex->utf8.data, ex->utf8.len)) {
    st = PITH_ERR_NOT_HTML;
    snprintf(ex->error, sizeof ex->error, "not HTML: binary data");
    goto fail;
  }
  res->charset = pith__arena_strndup(&res->arena, charset, strlen(charset));
  if (!res->charset)
    goto fail;
  mark[PITH_STAGE_PARSE] = pith__now_ns();
  int rc;
  if (uses_html5(ex->opts)) {
    rc = pith__html5_parse(&tree, ex->utf8.data ? ex->utf8.data : "",
                           ex->utf8.len, &lim);
  } else {
    if (ex->utf8.data) {
      ex->utf8.len = pith__html_fixup(ex->utf8.data, ex->utf8.len);
      ex->utf8.data[ex->utf8.len] = '\0';
    }
    rc = pith__tree_parse_limited(&tree, ex->utf8.data ? ex->utf8.data : "",
                                  ex->utf8.len, &lim);
  }
  if (rc < 0) {
    st = rc == PITH_TREE_PARSER ? PITH_ERR_PARSE
         : tree.chars.toobig    ? PITH_ERR_TOO_LARGE
                                : PITH_ERR_NOMEM;
    goto fail;
  }

  uint32_t root = 0;
  unsigned xopts = 0;
  int explain = !!(ex->opts & PITH_OPT_EXPLAIN);
  pith_block *gone = NULL;
  size_t ngone = 0;
  int moved = 0;
  if (explain) {
    xopts |= PITH_XOPT_EXPLAIN;
    if (!(cmark = pith__calloc(tree.nnodes ? tree.nnodes : 1, 1)))
      goto fail;
  }
  if (ex->opts & PITH_OPT_NO_FALLBACK)
    xopts |= PITH_XOPT_NO_FALLBACK;
  if (ex->opts & PITH_OPT_KEEP_HIDDEN)
    xopts |= PITH_XOPT_KEEP_HIDDEN;
  /* Both modes at once cancel out: the default balance. */
  unsigned mode = ex->opts & (PITH_OPT_PRECISION | PITH_OPT_RECALL);
  if (mode == PITH_OPT_PRECISION)
    xopts |= PITH_XOPT_PRECISION;
  else if (mode == PITH_OPT_RECALL)
    xopts |= PITH_XOPT_RECALL;
  mark[PITH_STAGE_EXTRACT] = pith__now_ns();
  if (pith__extract(&tree, xopts, &ex->scratch, &root) < 0)
    goto fail;
  mark[PITH_STAGE_META] = pith__now_ns();
  if (!(ex->opts & PITH_OPT_NO_COMMENTS) &&
      pith__comments_build(&tree, &ex->scratch, root, &res->arena,
                           &res->comments, cmark) < 0)
    goto fail;
  /* The metadata, and with it the page type and the title it settles,
   * from the tree and the selection: before the body, whose build the
   * page type steers (the posts of a forum). */
  int with_meta = !(ex->opts & PITH_OPT_NO_METADATA);
  if (with_meta) {
    if (pith__meta_extract(&tree, &ex->scratch, root, url, explain, &clock,
                           &res->arena, &res->meta) < 0)
      goto fail;
  } else if (url) {
    res->meta.url = pith__arena_strndup(&res->arena, url, strlen(url));
    if (!res->meta.url)
      goto fail;
  }
  mark[PITH_STAGE_BODY] = pith__now_ns();
  unsigned bopts = 0;
  if (ex->opts & PITH_OPT_IMAGES)
    bopts |= PITH_BODY_IMAGES;
  if (ex->opts & PITH_OPT_NO_TABLES)
    bopts |= PITH_BODY_NO_TABLES;
  if (explain)
    bopts |= PITH_BODY_EXPLAIN;
  if (pith__body_build(&tree, &ex->scratch, root, bopts, &res->arena,
                       &res->blocks, &res->nblocks, &gone, &ngone) < 0)
    goto fail;
  if (with_meta && pith__dateline_find(res->blocks, res->nblocks, &res->arena,
                                       &res->meta) < 0)
    goto fail;
  /* On a forum or Q&A page the posts are the content.  The extract stage
   * usually keeps them; when the comment thread it left out holds more
   * text than it kept, it missed the thread, which goes into the text.
   * (Comments on the posts of a Q&A page stay comments.) */
  if (with_meta && !strcmp(res->meta.page_type, "forum") &&
      strlen(res->comments) >
          pith__render_text_len(res->blocks, res->nblocks)) {
    if (pith__comments_to_blocks(res->comments, &res->arena, &res->blocks,
                                 &res->nblocks) < 0)
      goto fail;
    res->comments = "";
    moved = 1;
  }
  const char *text = pith__render_text(res->blocks, res->nblocks, &res->arena);
  if (!text)
    goto fail;
  res->text = text;
  if (with_meta) {
    const char *declared = res->meta.language;
    if (pith__lang_choose(res->text, strlen(res->text), res->meta.language,
                          &res->arena, &res->meta.language) < 0)
      goto fail;
    if (strcmp(declared, res->meta.language))
      res->meta.src[PITH_F_LANGUAGE] =
          *res->meta.language ? "detected from the text (CLD2)" : NULL;
    if (res->meta.has_dateline)
      res->meta.src[PITH_F_DATELINE] = "the opening of the text";
  }
  res->base = pith__base_url(&tree, url, res->meta.url, &res->arena);
  if (!res->base)
    goto fail;
  /* A bound cut the page short: its input, the tree, or the clock in a
   * stage after parsing. */
  res->truncated = cut || tree.truncated || clock.hit;
  if (explain) {
    pith_trace_input in = {&tree,       &ex->scratch, root,
                           res->blocks, res->nblocks, gone,
                           ngone,       cmark,        moved};
    res->trace = pith__arena_alloc(&res->arena, sizeof *res->trace);
    if (!res->trace || pith__explain_build(&in, &res->arena, res->trace) < 0)
      goto fail;
  }
  pith__free(cmark);
  pith__tree_free(&tree);
  ex->scratch.clock = NULL;
  mark[PITH_STAGE_COUNT] = pith__now_ns();
  for (unsigned s = 0; s < PITH_STAGE_COUNT; s++)
    ex->stage_ns[s] += mark[s + 1] - mark[s];
  /* Do not let one huge page pin its buffer for the extractor's life. */
  if (ex->utf8.cap > ((size_t)8 << 20))
    pith__buf_free(&ex->utf8);
  if (ex->gz.cap > ((size_t)8 << 20))
    pith__buf_free(&ex->gz);
  *out = res;
  return PITH_OK;

fail:
  ex->scratch.clock = NULL;
  pith__free(cmark);
  pith__tree_free(&tree);
  pith_result_free(res);
  if (ex->gz.cap > ((size_t)8 << 20))
    pith__buf_free(&ex->gz);
  if (!ex->error[0])
    fail_with(ex, st, NULL);
  return st;
}

pith_status pith_extract(const char *buf, size_t len, const char *url,
                         unsigned opts, pith_result **out) {
  if (!out)
    return PITH_ERR_INVALID_ARG;
  *out = NULL;
  pith_extractor *ex = pith_extractor_new(opts);
  if (!ex)
    return PITH_ERR_NOMEM;
  pith_status st = pith_extractor_extract(ex, buf, len, url, NULL, out);
  pith_extractor_free(ex);
  return st;
}

void pith_result_free(pith_result *res) {
  if (!res)
    return;
  pith__arena_free(&res->arena);
  pith__free(res);
}

#define GETTER(name, expr)                                                     \
  const char *pith_result_##name(const pith_result *res) {                     \
    const char *v = res ? (expr) : NULL;                                       \
    return v ? v : "";                                                         \
  }
GETTER(text, res->text)
GETTER(title, res->meta.title)
GETTER(author, res->meta.author)
GETTER(date, res->meta.date)
GETTER(sitename, res->meta.sitename)
GETTER(description, res->meta.description)
GETTER(language, res->meta.language)
GETTER(url, res->meta.url)
GETTER(charset, res->charset)
GETTER(date_modified, res->meta.date_modified)
GETTER(image, res->meta.image)
GETTER(license, res->meta.license)
GETTER(page_type, res->meta.page_type)
GETTER(dateline_place, res->meta.dateline_place)
GETTER(dateline_date, res->meta.dateline_date)
GETTER(dateline_agency, res->meta.dateline_agency)
GETTER(comments, res->comments)
#undef GETTER

size_t pith_result_category_count(const pith_result *res) {
  return res ? res->meta.ncategories : 0;
}

const char *pith_result_category(const pith_result *res, size_t i) {
  if (!res || i >= res->meta.ncategories || !res->meta.categories[i])
    return "";
  return res->meta.categories[i];
}

size_t pith_result_tag_count(const pith_result *res) {
  return res ? res->meta.ntags : 0;
}

const char *pith_result_tag(const pith_result *res, size_t i) {
  if (!res || i >= res->meta.ntags || !res->meta.tags[i])
    return "";
  return res->meta.tags[i];
}

int pith_result_has_dateline(const pith_result *res) {
  return res ? res->meta.has_dateline : 0;
}
