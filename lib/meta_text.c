/* SPDX-License-Identifier: MIT */
/*
 * meta_text.c - the text helpers of the metadata stage (meta_int.h):
 * strings cleaned for output (white space collapsed, invisible and control
 * characters dropped, leftover character references decoded), the
 * comparison keys by which sources are matched against each other, the
 * bounded lists of categories and tags, and the visible text of an
 * element (bounded by node counts and the stage's budget).  All copies go
 * to the stage's scratch arena.
 */
#include "meta_int.h"

#include "vocab.h"

#include <stdint.h>
#include <string.h>

#define BYLINE_TEXT_MAX 240 /* bytes of byline text read */
#define TEXT_NODES_MAX 400  /* nodes visited when reading an element */

/* Length of an invisible character at s[i] (soft hyphen U+00AD, zero-width
 * space, joiners and U+FEFF), else 0. */
static size_t uni_invisible(const char *s, size_t n, size_t i) {
  const unsigned char *u = (const unsigned char *)s;
  if (u[i] == 0xC2 && i + 1 < n && u[i + 1] == 0xAD)
    return 2;
  if (i + 2 < n) {
    if (u[i] == 0xE2 && u[i + 1] == 0x80 && u[i + 2] >= 0x8B &&
        u[i + 2] <= 0x8D)
      return 3;
    if (u[i] == 0xEF && u[i + 1] == 0xBB && u[i + 2] == 0xBF)
      return 3;
  }
  return 0;
}

/* A leftover character reference at s[i] ("&amp;", "&#38;", "&#x26;",
 * "&quot;", "&lt;", "&gt;", "&apos;", "&#39;"): writes its UTF-8 to out
 * (*outlen bytes, never more than the reference's length) and returns the
 * length of the reference, or 0. */
static size_t entity(const char *s, size_t n, size_t i, char *out,
                     size_t *outlen) {
  static const struct {
    const char *name;
    char c;
  } named[] = {{"&amp;", '&'}, {"&quot;", '"'},  {"&lt;", '<'},
               {"&gt;", '>'},  {"&apos;", '\''}, {NULL, 0}};
  span rest = mkspan(s + i, n - i);
  for (int k = 0; named[k].name; k++) {
    if (starts_lit(rest, named[k].name)) {
      out[0] = named[k].c;
      *outlen = 1;
      return strlen(named[k].name);
    }
  }
  if (rest.n < 4 || rest.s[1] != '#')
    return 0;
  size_t j = 2;
  unsigned cp = 0;
  int hex = rest.s[2] == 'x' || rest.s[2] == 'X';
  if (hex)
    j++;
  size_t start = j;
  while (j < rest.n && j < start + 6) {
    int v = hex ? hexval((unsigned char)rest.s[j])
                : (is_digit((unsigned char)rest.s[j]) ? rest.s[j] - '0' : -1);
    if (v < 0)
      break;
    cp = cp * (hex ? 16u : 10u) + (unsigned)v;
    j++;
  }
  if (j == start || j >= rest.n || rest.s[j] != ';' || cp < 0x20 ||
      cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
    return 0;
  *outlen = put_utf8(out, cp);
  return j + 1;
}

/* A copy of s[0..n) with white space runs collapsed to one space, control
 * characters dropped and the ends trimmed, capped at `max` bytes. */
span pith__meta_clean_mode(mx *x, const char *s, size_t n, size_t max,
                           int keep_seg) {
  if (!s)
    return nospan();
  if (n > max * 2 + 64)
    n = max * 2 + 64;
  char *d = tmp_alloc(x, n + 1);
  if (!d)
    return nospan();
  size_t k = 0;
  int pend = 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    size_t us;
    if (c == (unsigned char)SEG && keep_seg) {
      pend = 2;
      continue;
    }
    if (is_sp(c) || c < 0x20 || c == 0x7F) {
      if (!pend)
        pend = 1;
      continue;
    }
    if (c >= 0xC2 && (us = uni_invisible(s, n, i)) > 0) {
      i += us - 1;
      continue;
    }
    if (c >= 0xC2 && (us = uni_space(s, n, i)) > 0) {
      if (!pend)
        pend = 1;
      i += us - 1;
      continue;
    }
    if (c == '&') {
      /* A second level of escaping ("&amp;amp;") left in by the site.
       * The character is never longer than its reference, so it fits. */
      size_t olen = 0;
      if (pend && k)
        d[k++] = pend == 2 ? SEG : ' ';
      pend = 0;
      if ((us = entity(s, n, i, d + k, &olen)) > 0) {
        k += olen;
        i += us - 1;
        continue;
      }
      d[k++] = (char)c;
      continue;
    }
    if (pend && k)
      d[k++] = pend == 2 ? SEG : ' ';
    pend = 0;
    d[k++] = (char)c;
  }
  d[k] = '\0';
  span r = cap_utf8(mkspan(d, k), max);
  r = trim(r);
  while (r.n && r.s[r.n - 1] == SEG)
    r.n--;
  return r;
}

static span clean(mx *x, const char *s, size_t n, size_t max) {
  return pith__meta_clean_mode(x, s, n, max, 0);
}

span pith__meta_clean_span(mx *x, span a, size_t max) {
  return a.s ? clean(x, a.s, a.n, max) : a;
}

/* One step of the comparison key below: consumes the character at a.s[*i]
 * and returns the byte it contributes, or -1 when it contributes none. */
static int norm_step(span a, size_t *i) {
  unsigned char c = (unsigned char)a.s[*i];
  if (c < 0x80) {
    (*i)++;
    return (is_alpha(c) || is_digit(c)) ? lower(c) : -1;
  }
  size_t us = uni_space(a.s, a.n, *i);
  if (us) {
    *i += us;
    return -1;
  }
  /* Punctuation and symbols are not part of the key: U+00A0..U+00BF (the
   * Latin-1 signs: the pilcrow of heading anchors, (c), (R), guillemets),
   * U+2000..U+206F (dashes, quotes, bullets) and U+2122 (TM). */
  unsigned char c1 = *i + 1 < a.n ? (unsigned char)a.s[*i + 1] : 0;
  unsigned char c2 = *i + 2 < a.n ? (unsigned char)a.s[*i + 2] : 0;
  if (c == 0xC2 && c1 >= 0xA0 && c1 <= 0xBF) {
    *i += 2;
    return -1;
  }
  if (c == 0xE2 && (((c1 == 0x80 || c1 == 0x81) && c2 >= 0x80 && c2 <= 0xBF) ||
                    (c1 == 0x84 && c2 == 0xA2))) {
    *i += 3;
    return -1;
  }
  (*i)++;
  return c; /* other non-ASCII bytes are kept as they are */
}

/* Key used to compare strings: lower-case ASCII letters and digits plus
 * non-ASCII letters; punctuation and spaces are dropped.  Written to a
 * scratch copy; returns an empty span for empty input. */
span pith__meta_norm(mx *x, span a) {
  if (!has(a))
    return mkspan("", 0);
  char *d = tmp_alloc(x, a.n + 1);
  if (!d)
    return mkspan("", 0);
  size_t k = 0;
  for (size_t i = 0; i < a.n;) {
    int c = norm_step(a, &i);
    if (c >= 0)
      d[k++] = (char)c;
  }
  d[k] = '\0';
  return mkspan(d, k);
}

/* Does a's key equal the key nb (from pith__meta_norm())?  No allocation. */
int pith__meta_norm_eq(span a, span nb) {
  size_t k = 0;
  for (size_t i = 0; i < a.n;) {
    int c = norm_step(a, &i);
    if (c < 0)
      continue;
    if (k >= nb.n || (unsigned char)nb.s[k] != (unsigned)c)
      return 0;
    k++;
  }
  return k == nb.n && k > 0;
}

int pith__meta_same(mx *x, span a, span b) {
  if (!has(a) || !has(b))
    return 0;
  return pith__meta_norm_eq(a, pith__meta_norm(x, b));
}

/* ------------------------------------------------------------------ */
/* Lists (categories, tags)                                            */

static int in_list(const slist *l, span v) {
  for (size_t i = 0; i < l->n; i++) {
    if (l->v[i].n != v.n)
      continue;
    size_t k = 0;
    while (k < v.n &&
           lower((unsigned char)l->v[i].s[k]) == lower((unsigned char)v.s[k]))
      k++;
    if (k == v.n)
      return 1;
  }
  return 0;
}

void pith__meta_list_add(mx *x, slist *l, span v) {
  /* Pages that repeat a tag thousands of times get a bounded number of
   * looks; a repeat of a kept item is found before any copying. */
  if (l->n >= MAX_ITEMS || l->tries++ >= ITEM_TRIES * MAX_ITEMS ||
      in_list(l, trim(v)))
    return;
  v = pith__meta_clean_span(x, v, MAX_ITEM_LEN);
  if (!has(v) || looks_like_url(v) || in_list(l, v))
    return;
  l->v[l->n++] = v;
}

/* Add each comma-separated part of v. */
void pith__meta_list_add_split(mx *x, slist *l, span v) {
  size_t i = 0, b = 0;
  for (; i <= v.n; i++) {
    if (i == v.n || v.s[i] == ',' || v.s[i] == ';') {
      if (i > b)
        pith__meta_list_add(x, l, mkspan(v.s + b, i - b));
      b = i + 1;
    }
  }
}

/* ------------------------------------------------------------------ */
/* Text of elements                                                    */

/* Does a class attribute name a label or badge: a token of the
 * heading-label rule of vocab.c ("label", "badge", "prefix"), or one that
 * starts with such a word and '-' ("label label--primary", "badge-new")? */
static int label_class(const char *c, size_t n) {
  pith_vocab_iter it;
  const char *tok;
  size_t k;
  pith__vocab_iter_init(&it, c, n);
  while (pith__vocab_next_token(&it, &tok, &k)) {
    size_t w = 0;
    while (w < k && is_alpha((unsigned char)tok[w]))
      w++;
    if ((w == k || tok[w] == '-') &&
        (pith__vocab_rules(tok, w) & PITH_VB_HEADING_LABEL))
      return 1;
  }
  return 0;
}

/* The collapsed visible text of element n, at most `max` bytes and
 * TEXT_NODES_MAX nodes.  *cut (if non-NULL) is set when a limit was hit. */
span pith__meta_elem_text_mode(mx *x, uint32_t n, size_t max, int *cut,
                               int mode) {
  int spaced = mode == TEXT_SPACED;
  const pith_tree *t = x->t;
  pith_buf *b = &x->buf;
  pith__buf_reset(b);
  if (cut)
    *cut = 0;
  int pend = 0, visited = 0;
  uint32_t last_parent = 0;
  uint32_t i = pith__next_node(t, n, n, 0);
  while (i) {
    const pith_node *nd = &t->nodes[i];
    int skip = 0;
    if (++visited > TEXT_NODES_MAX || b->len > max || x->budget == 0) {
      if (cut)
        *cut = 1;
      break;
    }
    x->budget--;
    if (nd->tag == PITH_TAG_TEXT) {
      const char *s = pith__text(t, i);
      /* Bylines: text under another element starts a new segment. */
      if (spaced && last_parent && nd->parent != last_parent)
        pend = 2;
      last_parent = nd->parent;
      for (uint32_t k = 0; k < nd->len && b->len <= max; k++) {
        unsigned char c = (unsigned char)s[k];
        if (is_sp(c)) {
          if (!pend)
            pend = 1;
          continue;
        }
        if (pend && b->len)
          pith__buf_putc(b, pend == 2 ? SEG : ' ');
        pend = 0;
        pith__buf_putc(b, (char)c);
      }
    } else if ((pith__tag_kind(nd->tag) & PITH_KIND_SKIP) ||
               (nd->flags & PITH_NF_HIDDEN)) {
      skip = 1;
    } else if (mode == TEXT_HEADING && i != n && nd->tag >= PITH_TAG_H1 &&
               nd->tag <= PITH_TAG_H6) {
      /* A heading inside the heading (a date line in an <h3>, which
       * parsers nest when the <h1> is left open) is not the headline. */
      skip = 1;
    } else if (mode == TEXT_HEADING && b->len == 0 && i != n) {
      /* "<span class=label>News</span> Headline": a forum's thread
       * prefix or a "New" badge set before the headline. */
      size_t cl;
      const char *c = pith__attr(t, i, PITH_ATTR_CLASS, &cl);
      skip = c && label_class(c, cl);
    } else if (spaced) {
      pend = 2;
    } else if ((pith__tag_kind(nd->tag) & PITH_KIND_BLOCK) ||
               nd->tag == PITH_TAG_BR) {
      pend = 1;
    }
    i = pith__next_node(t, n, i, skip);
  }
  if (b->oom) {
    x->oom = 1;
    return nospan();
  }
  if (b->len > max && cut)
    *cut = 1;
  if (!b->data)
    return mkspan("", 0);
  return pith__meta_clean_mode(x, b->data, b->len, max, spaced);
}

span pith__meta_elem_text(mx *x, uint32_t n, size_t max, int *cut) {
  return pith__meta_elem_text_mode(x, n, max, cut, TEXT_PLAIN);
}

/* Bylines: every element boundary counts as a space, so "Jane Doe" and a
 * following "June 5, 2024" in separate spans stay apart. */
span pith__meta_byline_text(mx *x, uint32_t n, int *cut) {
  return pith__meta_elem_text_mode(x, n, BYLINE_TEXT_MAX, cut, TEXT_SPACED);
}

/* Text of the direct text children of n (for <title> and scripts). */
span pith__meta_child_text(mx *x, uint32_t n, size_t max) {
  const pith_tree *t = x->t;
  pith_buf *b = &x->buf;
  pith__buf_reset(b);
  for (uint32_t c = t->nodes[n].first; c; c = t->nodes[c].next) {
    if (t->nodes[c].tag == PITH_TAG_TEXT)
      pith__buf_append(b, pith__text(t, c), t->nodes[c].len);
    if (b->len > max)
      break;
  }
  if (b->oom) {
    x->oom = 1;
    return nospan();
  }
  if (!b->data)
    return mkspan("", 0);
  return pith__meta_clean_mode(x, b->data, b->len, max, 0);
}
