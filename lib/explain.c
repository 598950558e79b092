/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the decision trace: the page's visible text blocks in
 * document order, each kept, a comment, or dropped with the rule that
 * dropped it.
 *
 * The kept entries are the body stage's blocks themselves, so the kept
 * entries, rendered as text, are the result's text exactly.  The dropped
 * entries come from one pass over the tree: a text node that the extract
 * stage removed (the outermost element a rule removed names the rule), or
 * whose block it dropped, or that lies outside the selected element, joins
 * the entry of its block.  The blocks the body stage dropped (repeats,
 * emptied headings) come with their reason.  Entries are then put in
 * document order by their first text node.
 */
#include "explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "chars.h"
#include "vocab.h"

static const char *const reason_names[PITH_R_COUNT] = {
#define PITH_X_NAME(e, name, doc) name,
    PITH_REASON_LIST(PITH_X_NAME)
#undef PITH_X_NAME
};

static const char *const reason_docs[PITH_R_COUNT] = {
#define PITH_X_DOC(e, name, doc) doc,
    PITH_REASON_LIST(PITH_X_DOC)
#undef PITH_X_DOC
};

const char *pith__reason_name(unsigned r) {
  return r < PITH_R_COUNT ? reason_names[r] : "";
}

const char *pith__reason_doc(unsigned r) {
  return r < PITH_R_COUNT ? reason_docs[r] : "";
}

/* Element path: the last elements up to <body>, each tag.firstclass or
 * tag#id. */
#define PATH_CLASS_MAX 40

static void put_elem(pith_buf *b, const pith_tree *t, uint32_t n) {
  const char *name = pith__tag_name(t->nodes[n].tag);
  pith__buf_append(b, *name ? name : "?", *name ? strlen(name) : 1);
  size_t len;
  const char *v = pith__attr(t, n, PITH_ATTR_CLASS, &len);
  char mark = '.';
  if (!v || !len) {
    v = pith__attr(t, n, PITH_ATTR_ID, &len);
    mark = '#';
  }
  if (!v)
    return;
  size_t i = 0;
  while (i < len && is_sp((unsigned char)v[i]))
    i++;
  size_t j = i;
  while (j < len && !is_sp((unsigned char)v[j]) && j - i < PATH_CLASS_MAX)
    j++;
  if (j > i) {
    pith__buf_putc(b, mark);
    pith__buf_append(b, v + i, j - i);
  }
}

const char *pith__explain_path(const pith_tree *t, uint32_t n, int depth,
                               pith_arena *a) {
  uint32_t chain[16];
  int k = 0;
  if (depth > 16)
    depth = 16;
  for (uint32_t i = n; i && k < depth; i = t->nodes[i].parent) {
    unsigned tag = t->nodes[i].tag;
    if (tag == PITH_TAG_TEXT)
      continue;
    if (tag == PITH_TAG_BODY || tag == PITH_TAG_HTML)
      break;
    chain[k++] = i;
  }
  pith_buf b;
  pith__buf_init(&b);
  while (k-- > 0) {
    put_elem(&b, t, chain[k]);
    if (k)
      pith__buf_append(&b, " > ", 3);
  }
  const char *r = b.oom ? NULL
                        : pith__arena_strndup(a, b.data ? b.data : "body",
                                              b.data ? b.len : 4);
  pith__buf_free(&b);
  return r;
}

/* The detail of reason r, which fired on element c. */
static const char *detail_of(const pith_tree *t, unsigned r, uint32_t c,
                             pith_arena *a) {
  char out[160];
  out[0] = '\0';
  const char *path = pith__explain_path(t, c, 3, a);
  if (!path)
    return NULL;
  size_t len;
  const char *v;
  switch (r) {
  case PITH_R_CLASS_WORD:
  case PITH_R_HIDDEN_CLASS: {
    /* "boilerplate: \"sidebar\" in the class of div.sidebar-wrap" */
    unsigned bit = r == PITH_R_CLASS_WORD ? PITH_VOCAB_HARD : PITH_VOCAB_HIDDEN;
    char w[48];
    const char *attr = "class", *rule = NULL;
    v = pith__attr(t, c, PITH_ATTR_CLASS, &len);
    if (v)
      rule = pith__vocab_explain(v, len, bit, w, sizeof w);
    if (!rule) {
      attr = "id";
      v = pith__attr(t, c, PITH_ATTR_ID, &len);
      if (v)
        rule = pith__vocab_explain(v, len, bit, w, sizeof w);
    }
    if (rule)
      snprintf(out, sizeof out, "%s: \"%s\" in the %s of ", rule, w, attr);
    break;
  }
  case PITH_R_ROLE: {
    /* "role-boilerplate: \"navigation\" in the role of div.menu" */
    char w[48];
    const char *rule = NULL;
    v = pith__attr(t, c, PITH_ATTR_ROLE, &len);
    if (v)
      rule = pith__vocab_explain_token(v, len, PITH_VB_ROLE_BOILERPLATE, w,
                                       sizeof w);
    if (rule)
      snprintf(out, sizeof out, "%s: \"%s\" in the role of ", rule, w);
    else if (pith__attr(t, c, PITH_ATTR_ARIA_MODAL, NULL))
      snprintf(out, sizeof out, "role-boilerplate: aria-modal=\"true\" on ");
    break;
  }
  case PITH_R_TAG:
    snprintf(out, sizeof out, "<%s> at ", pith__tag_name(t->nodes[c].tag));
    break;
  default:
    break;
  }
  size_t k = strlen(out);
  size_t pl = strlen(path);
  char *d = pith__arena_alloc(a, k + pl + 1);
  if (!d)
    return NULL;
  memcpy(d, out, k);
  memcpy(d + k, path, pl + 1);
  return d;
}

typedef struct {
  pith_trace_entry_int *e;
  size_t n, cap;
  int oom;
} entries;

static pith_trace_entry_int *add_entry(entries *es) {
  if (es->n == es->cap) {
    size_t cap = es->cap ? es->cap * 2 : 64;
    pith_trace_entry_int *ne = pith__realloc(es->e, cap * sizeof *ne);
    if (!ne) {
      es->oom = 1;
      return NULL;
    }
    es->e = ne;
    es->cap = cap;
  }
  pith_trace_entry_int *x = &es->e[es->n];
  memset(x, 0, sizeof *x);
  x->seq = es->n++;
  return x;
}

static size_t count_words(const char *s) {
  size_t w = 0;
  int in = 0;
  for (; *s; s++) {
    unsigned char c = (unsigned char)*s;
    int word = is_alnum(c) || c >= 0x80;
    if (word && !in)
      w++;
    in = word;
  }
  return w;
}

/* The entry being collected from the tree walk. */
typedef struct {
  uint32_t owner, cause, first, last_parent;
  int decision;
  unsigned reason;
  pith_buf text;
  int pending;
} open_entry;

static int flush_open(const pith_trace_input *in, open_entry *o, entries *es,
                      pith_arena *a) {
  if (!o->text.len) {
    pith__buf_reset(&o->text);
    return 0;
  }
  const pith_tree *t = in->t;
  pith_trace_entry_int *e = add_entry(es);
  if (!e)
    return -1;
  e->block = -1;
  e->decision = o->decision;
  e->reason = o->reason;
  e->node = o->first;
  e->text = pith__arena_strndup(a, o->text.data, o->text.len);
  e->path = pith__explain_path(t, o->owner, 4, a);
  e->detail = o->cause ? detail_of(t, o->reason, o->cause, a) : "";
  e->score = o->owner ? pith__block_weight(t, in->s, o->owner) : 0;
  pith__buf_reset(&o->text);
  o->pending = 0;
  if (!e->text || !e->path || !e->detail)
    return -1;
  e->words = count_words(e->text);
  return 0;
}

/* Append a text run, white space collapsed. */
static void put_run(open_entry *o, const char *s, size_t n, int boundary) {
  if (boundary)
    o->pending = 1;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_sp(c)) {
      o->pending = 1;
      continue;
    }
    if (o->pending && o->text.len)
      pith__buf_putc(&o->text, ' ');
    o->pending = 0;
    pith__buf_putc(&o->text, (char)c);
  }
}

/* Elements whose text nobody sees: not part of the trace. */
static int invisible(unsigned tag) {
  return tag == PITH_TAG_SCRIPT || tag == PITH_TAG_STYLE ||
         tag == PITH_TAG_TITLE || tag == PITH_TAG_TEMPLATE ||
         tag == PITH_TAG_HEAD || tag == PITH_TAG_SVG || tag == PITH_TAG_MATH;
}

static int cmp_entry(const void *pa, const void *pb) {
  const pith_trace_entry_int *a = pa, *b = pb;
  if (a->node != b->node)
    return a->node < b->node ? -1 : 1;
  /* Blocks that start in the same text node (lines of one <pre>) keep
   * the order they were made in. */
  return a->seq < b->seq ? -1 : a->seq > b->seq;
}

int pith__explain_build(const pith_trace_input *in, pith_arena *a,
                        pith_trace *out) {
  memset(out, 0, sizeof *out);
  out->selected = "";
  out->fallback = "none";
  const pith_tree *t = in->t;
  const pith_scratch *s = in->s;
  uint32_t nn = t->nnodes;
  entries es;
  memset(&es, 0, sizeof es);

  /* Kept blocks, and those the body stage dropped. */
  for (int pass = 0; pass < 2; pass++) {
    const pith_block *bl = pass ? in->gone : in->blocks;
    size_t nb = pass ? in->ngone : in->nblocks;
    for (size_t i = 0; i < nb; i++) {
      if (!bl[i].len)
        continue;
      pith_trace_entry_int *e = add_entry(&es);
      if (!e)
        goto oom;
      uint32_t node = bl[i].node;
      int comment = node == UINT32_MAX;
      e->decision = pass ? PITH__TRACE_DROPPED : PITH__TRACE_KEPT;
      e->reason = pass      ? (unsigned)bl[i].reason
                  : comment ? PITH_R_COMMENT
                            : PITH_R_KEPT;
      /* Comments moved into the text (a forum's posts) sort after the
       * page's blocks, in their order. */
      e->node = comment ? UINT32_MAX - (uint32_t)(in->nblocks - i) : node;
      e->block = bl[i].type;
      e->text = bl[i].text;
      if (bl[i].type == PITH_BLOCK_LIST_ITEM) {
        /* As the text writes it: indented by depth, then "- ". */
        int depth = bl[i].level < 1 ? 1 : bl[i].level > 8 ? 8 : bl[i].level;
        size_t pre = 2 * (size_t)depth;
        char *x = pith__arena_alloc(a, pre + bl[i].len + 1);
        if (!x)
          goto oom;
        memset(x, ' ', pre - 2);
        memcpy(x + pre - 2, "- ", 2);
        memcpy(x + pre, bl[i].text, bl[i].len);
        x[pre + bl[i].len] = '\0';
        e->text = x;
      }
      e->words = count_words(bl[i].text);
      uint32_t owner = !comment && node < nn ? s->owner[node] : 0;
      e->path = comment ? "comments" : pith__explain_path(t, owner, 4, a);
      e->detail = "";
      e->score = owner ? pith__block_weight(t, s, owner) : 0;
      if (!e->path)
        goto oom;
    }
  }

  /* The rest of the visible text, from the tree.  cause[n]: the outermost
   * element a rule removed, among n and its ancestors. */
  uint32_t *cause = pith__malloc((size_t)nn * sizeof *cause);
  uint8_t *cmt = pith__malloc(nn);
  if (!cause || !cmt) {
    pith__free(cause);
    pith__free(cmt);
    goto oom;
  }
  uint32_t root = in->root, root_end = 0;
  if (root) {
    uint32_t e = pith__next_node(t, 0, root, 1);
    root_end = e ? e : nn;
  }
  uint32_t lead_end = s->lead ? pith__next_node(t, 0, s->lead, 1) : 0;
  if (s->lead && !lead_end)
    lead_end = nn;
  open_entry o;
  memset(&o, 0, sizeof o);
  pith__buf_init(&o.text);
  cause[0] = 0;
  cmt[0] = 0;
  int failed = 0;
  for (uint32_t i = 1; i < nn && !failed; i++) {
    const pith_node *nd = &t->nodes[i];
    uint32_t p = nd->parent;
    cause[i] = cause[p];
    cmt[i] = cmt[p] || (in->comment_mark && in->comment_mark[i]);
    if (!cause[i] && s->why[i] && (s->flags[i] & PITH_X_REMOVED))
      cause[i] = i;
    if (nd->tag != PITH_TAG_TEXT)
      continue;
    if (t->nodes[p].flags & PITH_NF_KEEPTEXT)
      continue;
    int in_sel = (root && i > root && i < root_end) ||
                 (s->lead && i > s->lead && i < lead_end);
    int kept_here = !(s->flags[i] & PITH_X_REMOVED) && in_sel &&
                    !(s->flags[s->owner[i]] & PITH_X_DROP);
    if (kept_here)
      continue; /* a kept block (or one the body stage dropped) has it */
    uint32_t c = cause[i];
    if (c && invisible(t->nodes[c].tag))
      continue;
    const char *txt = pith__text(t, i);
    size_t len = nd->len, k = 0;
    while (k < len && is_sp((unsigned char)txt[k]))
      k++;
    if (k == len)
      continue;
    int decision = PITH__TRACE_DROPPED;
    unsigned reason;
    uint32_t owner = s->owner[i];
    if (cmt[i]) {
      if (in->comments_moved)
        continue; /* the comments are kept blocks now */
      decision = PITH__TRACE_COMMENT;
      reason = PITH_R_COMMENT;
      c = 0;
    } else if (c) {
      reason = s->why[c];
    } else if (s->flags[i] & PITH_X_REMOVED) {
      reason = PITH_R_TAG; /* no rule recorded: removed with its parent */
    } else if (!in_sel) {
      reason = PITH_R_OUTSIDE_SELECTION;
    } else {
      reason = s->why[owner] ? s->why[owner] : PITH_R_LINK_LIST;
    }
    if (o.text.len && (o.owner != owner || o.cause != c ||
                       o.decision != decision || o.reason != reason)) {
      if (flush_open(in, &o, &es, a) < 0)
        failed = 1;
    }
    if (!o.text.len) {
      o.owner = owner;
      o.cause = c;
      o.decision = decision;
      o.reason = reason;
      o.first = i;
      o.last_parent = p;
    }
    put_run(&o, txt, len, o.last_parent != p);
    o.last_parent = p;
  }
  if (!failed && flush_open(in, &o, &es, a) < 0)
    failed = 1;
  pith__buf_free(&o.text);
  pith__free(cause);
  pith__free(cmt);
  if (failed || es.oom)
    goto oom;

  if (es.n) { /* qsort(NULL, 0, ...) is undefined */
    qsort(es.e, es.n, sizeof *es.e, cmp_entry);
    out->entries = pith__arena_alloc(a, es.n * sizeof *out->entries);
    if (!out->entries)
      goto oom;
    memcpy(out->entries, es.e, es.n * sizeof *es.e);
  }
  out->n = es.n;
  for (size_t i = 0; i < es.n; i++)
    out->words[es.e[i].reason < PITH_R_COUNT ? es.e[i].reason : 0] +=
        es.e[i].words;
  pith__free(es.e);

  if (root) {
    out->selected = pith__explain_path(t, root, 6, a);
    if (!out->selected)
      return -1;
    out->selected_score = s->selected;
  }
  out->fallback = s->fallback == PITH_FALLBACK_NO_SOFT ? "no-soft-penalties"
                  : s->fallback == PITH_FALLBACK_WHOLE_BODY ? "whole-body"
                  : s->fallback == PITH_FALLBACK_PROSE      ? "prose-net"
                                                            : "none";
  return 0;

oom:
  pith__free(es.e);
  return -1;
}

/* ------------------------------------------------------------------ */
/* The public getters                                                  */

#include <pith/pith.h>

static const char *const field_names[PITH_F_COUNT] = {
    "title",    "author", "date",  "sitename",  "description",
    "language", "url",    "image", "page_type", "dateline"};

size_t pith_result_trace_count(const pith_result *res) {
  return res && res->trace ? res->trace->n : 0;
}

int pith_result_trace_entry(const pith_result *res, size_t i,
                            pith_trace_entry *out) {
  if (!res || !res->trace || i >= res->trace->n || !out)
    return -1;
  const pith_trace_entry_int *e = &res->trace->entries[i];
  out->decision = e->decision;
  out->reason = pith__reason_name(e->reason);
  out->detail = e->detail ? e->detail : "";
  out->path = e->path ? e->path : "";
  out->text = e->text ? e->text : "";
  out->words = e->words;
  out->score = e->score;
  static const char *const block_names[] = {
      "paragraph", "heading", "list-item", "quote", "code", "table-row"};
  out->block = e->block >= 0 && e->block <= PITH_BLOCK_TABLE_ROW
                   ? block_names[e->block]
                   : "";
  return 0;
}

const char *pith_result_trace_selected(const pith_result *res) {
  return res && res->trace ? res->trace->selected : "";
}

double pith_result_trace_selected_score(const pith_result *res) {
  return res && res->trace ? res->trace->selected_score : 0;
}

const char *pith_result_trace_fallback(const pith_result *res) {
  return res && res->trace ? res->trace->fallback : "";
}

const char *pith_result_field_source(const pith_result *res,
                                     const char *field) {
  if (!res || !res->trace || !field)
    return "";
  for (int i = 0; i < PITH_F_COUNT; i++)
    if (!strcmp(field, field_names[i]))
      return res->meta.src[i] ? res->meta.src[i] : "";
  return "";
}

const char *pith__field_name(int i) {
  return i >= 0 && i < PITH_F_COUNT ? field_names[i] : "";
}

size_t pith_reason_count(void) { return PITH_R_COUNT - 1; }

const char *pith_reason_name(size_t i) {
  return i + 1 < PITH_R_COUNT ? reason_names[i + 1] : "";
}

const char *pith_reason_doc(const char *name) {
  if (!name || !*name)
    return "";
  for (unsigned r = 1; r < PITH_R_COUNT; r++)
    if (!strcmp(name, reason_names[r]))
      return reason_docs[r];
  return "";
}
