/* SPDX-License-Identifier: MIT */
/*
 * comments.c - reader comments, kept apart from the main text.
 *
 * The extract stage flags every node inside an element whose class or id
 * names comments (PITH_X_COMMENT) and drops those blocks from the text.
 * This module reads the same tree and flags and renders the comments
 * themselves:
 *  - a comment's body is an element inside a comment area whose class or
 *    id names its text ("comment-content", "comment-body", "comment__text",
 *    "commentMessage") or that carries itemprop "text" / "commentText"; the
 *    innermost such element is one comment (a "comment-body" wrapper also
 *    holds the author line), and its text (blocks joined by spaces) one
 *    paragraph;
 *  - in a comment area without such markup, each paragraph (<p>) is a
 *    paragraph of the comments, unless its class names something else
 *    ("comments-note", "meta");
 *  - paragraphs made only of links ("Reply", "Flag") are left out, and
 *    forms (the reply form and its messages; not a form of 2,000 visible
 *    bytes or more that wraps the whole list), buttons, hidden elements,
 *    headings ("3 Comments"), header and footer elements (a comment's
 *    author and date), and scripts are never comment text;
 *  - a comment the extract stage kept in the main text (the content is a
 *    forum or Q&A thread, or the whole page) is the page's text and is not
 *    repeated here.
 * Linear passes over the node array, no recursion; the output is
 * capped (COMMENTS_MAX bytes, COMMENT_MAX per comment).
 */
#include "comments.h"

#include <string.h>

#include "chars.h"
#include "vocab.h"

#define COMMENTS_MAX (1u << 20) /* bytes of comments kept */
#define COMMENT_MAX 20000       /* bytes of one comment */
#define FORM_WRAPPER 2000       /* visible bytes of a form that wraps posts */

/* Node marks of this module (a private array, one byte per node). */
#define CM_SKIP 1u  /* never comment text (forms, hidden, headings, ...) */
#define CM_BODY 2u  /* names a comment's text */
#define CM_PARA 4u  /* a paragraph */
#define CM_OUTER 8u /* holds a CM_BODY element below it */

/* What the words of an attribute value name (bits). */
#define NAMES_BODY 1  /* the text: "comment-content" */
#define NAMES_OTHER 2 /* something else: "comment-meta", "comments-note" */

/* Classify a class or id value by the comment-text and comment-other
 * rules of vocab.c ("comment-content" names the text; "comment-form-text"
 * and "comment-meta-content" name something else). */
static int names_of(const char *v, size_t len) {
  int names = 0;
  pith_vocab_iter it;
  const char *w;
  size_t k;
  pith__vocab_iter_init(&it, v, len);
  while (pith__vocab_next_word(&it, &w, &k, NULL)) {
    uint32_t r = pith__vocab_rules(w, k);
    if (r & PITH_VB_COMMENT_TEXT)
      names |= NAMES_BODY;
    else if (r & PITH_VB_COMMENT_OTHER)
      names |= NAMES_OTHER;
  }
  return names;
}

/* Does an attribute value name a comment's text (and nothing else)? */
static int names_body(const char *v, size_t len) {
  return names_of(v, len) == NAMES_BODY;
}

/* The marks of element n (its parent's CM_SKIP is inherited by the
 * caller). */
static uint8_t marks_of(const pith_tree *t, const pith_scratch *s, uint32_t n) {
  const pith_node *nd = &t->nodes[n];
  unsigned tag = nd->tag;
  /* A form around a whole thread (a forum's moderation form holding the
   * posts) is a wrapper, not the reply form. */
  if (tag == PITH_TAG_FORM && s->raw[n] >= FORM_WRAPPER &&
      s->rawlink[n] * 2 < s->raw[n])
    return 0;
  if (nd->flags & PITH_NF_HIDDEN)
    return CM_SKIP;
  if (pith__tag_kind(tag) & PITH_KIND_SKIP)
    return CM_SKIP;
  switch (tag) {
  case PITH_TAG_FORM:
  case PITH_TAG_SCRIPT:
  case PITH_TAG_STYLE:
  case PITH_TAG_TEMPLATE:
  case PITH_TAG_NAV:
  case PITH_TAG_H1:
  case PITH_TAG_H2:
  case PITH_TAG_H3:
  case PITH_TAG_H4:
  case PITH_TAG_H5:
  case PITH_TAG_H6:
  case PITH_TAG_FIGCAPTION:
  case PITH_TAG_FOOTER: /* a comment's author, date and links */
  case PITH_TAG_HEADER:
  case PITH_TAG_ASIDE:
    return CM_SKIP;
  default:
    break;
  }
  uint8_t m = 0;
  size_t len;
  const char *v = pith__attr(t, n, PITH_ATTR_CLASS, &len);
  if (tag == PITH_TAG_P) {
    /* A notice of the comment area ("comments-note": "Comments are
     * moderated"), not a comment. */
    if (v && names_of(v, len) == NAMES_OTHER)
      return CM_SKIP;
    m |= CM_PARA;
  }
  if (v && names_body(v, len))
    m |= CM_BODY;
  v = pith__attr(t, n, PITH_ATTR_ID, &len);
  if (v && names_body(v, len))
    m |= CM_BODY;
  v = pith__attr(t, n, PITH_ATTR_ITEMPROP, &len);
  if (v && (pith__vocab_token_rules(v, len) & PITH_VB_COMMENT_ITEMPROP))
    m |= CM_BODY;
  return m;
}

/* Whether some text of the subtree at n (inside the main content's range
 * [root, root_end)) is kept in the main text: not pruned, and its block
 * not dropped.  Then the extract stage took the comments as content (a
 * thread, or the whole-page fallback) and they are not repeated. */
static int in_text(const pith_tree *t, const pith_scratch *s, uint32_t n,
                   uint32_t root, uint32_t root_end) {
  if (!root || n < root || n >= root_end)
    return 0;
  uint32_t i = n;
  while (i) {
    if (t->nodes[i].tag == PITH_TAG_TEXT && !(s->flags[i] & PITH_X_REMOVED) &&
        !(s->flags[s->owner[i]] & (PITH_X_DROP | PITH_X_REMOVED)) &&
        s->raw[i] > 0)
      return 1;
    i = pith__next_node(t, n, i, 0);
  }
  return 0;
}

typedef struct {
  pith_buf out;
  size_t comments;
} sink;

/* Append the visible text of the subtree at `n` as one paragraph: white
 * space collapsed, block boundaries become a space, CM_SKIP subtrees
 * left out. */
static void put_comment(const pith_tree *t, const pith_scratch *sc,
                        const uint8_t *mk, uint32_t n, sink *k) {
  size_t start = k->out.len;
  if (start)
    pith__buf_puts(&k->out, "\n\n");
  size_t text_start = k->out.len;
  int pending = 0;
  size_t unlinked = 0; /* visible bytes outside links */
  uint32_t i = n;
  while (i) {
    const pith_node *nd = &t->nodes[i];
    int skip = 0;
    if (i != n && (mk[i] & CM_SKIP)) {
      skip = 1;
    } else if (nd->tag == PITH_TAG_TEXT) {
      const char *s = pith__text(t, i);
      for (uint32_t j = 0; j < nd->len; j++) {
        unsigned char c = (unsigned char)s[j];
        size_t w = is_sp(c) ? 1 : nb_space(s, nd->len, j);
        if (w) {
          pending = 1;
          j += (uint32_t)w - 1;
          continue;
        }
        if (pending && k->out.len > text_start)
          pith__buf_putc(&k->out, ' ');
        pending = 0;
        pith__buf_putc(&k->out, (char)c);
        if (!(sc->flags[i] & PITH_X_LINK))
          unlinked++;
      }
      if (k->out.len - text_start > COMMENT_MAX)
        break;
    } else if ((pith__tag_kind(nd->tag) & PITH_KIND_BLOCK) ||
               nd->tag == PITH_TAG_BR) {
      pending = 1;
    }
    i = pith__next_node(t, n, i, skip);
  }
  /* Nothing visible, or only links ("Reply", "Flag"): take it back. */
  if (k->out.len == text_start || !unlinked) {
    k->out.len = start;
    if (k->out.data)
      k->out.data[start] = '\0';
    return;
  }
  k->comments++;
}

int pith__comments_build(const pith_tree *t, const pith_scratch *s,
                         uint32_t root, pith_arena *a, const char **out,
                         uint8_t *mark) {
  *out = "";
  uint32_t nn = t ? t->nnodes : 0;
  if (nn <= 1 || !s->flags || s->cap < nn)
    return 0;
  uint8_t *mk = pith__malloc(nn);
  if (!mk)
    return -1;
  /* Pass 1: marks, with CM_SKIP inherited; and whether any comment area
   * has a body element. */
  mk[0] = 0;
  int any_body = 0;
  for (uint32_t i = 1; i < nn; i++) {
    const pith_node *nd = &t->nodes[i];
    uint8_t inherited = mk[nd->parent] & CM_SKIP;
    if (nd->tag == PITH_TAG_TEXT || inherited) {
      mk[i] = inherited;
      continue;
    }
    mk[i] = (s->flags[i] & PITH_X_COMMENT) ? marks_of(t, s, i) : 0;
    if (mk[i] & CM_BODY)
      any_body = 1;
  }

  /* Pass 2 (reverse): a body that holds another body is a wrapper
   * ("comment-body" around "comment-content" and the author line); the
   * innermost bodies are the comments. */
  for (uint32_t i = nn; i-- > 1;) {
    uint32_t p = t->nodes[i].parent;
    if ((mk[i] & (CM_BODY | CM_OUTER)) && !(mk[i] & CM_SKIP))
      mk[p] |= CM_OUTER;
  }

  uint32_t root_end = 0;
  if (root) {
    uint32_t e = pith__next_node(t, 0, root, 1);
    root_end = e ? e : nn;
  }

  sink k;
  pith__buf_init(&k.out);
  k.comments = 0;
  uint8_t want = any_body ? CM_BODY : CM_PARA;
  uint32_t i = 1;
  while (i && i < nn && !pith__clock_over(s->clock)) {
    const pith_node *nd = &t->nodes[i];
    if (mk[i] & CM_SKIP) {
      i = pith__next_node(t, 0, i, 1);
      continue;
    }
    if (nd->tag != PITH_TAG_TEXT && (mk[i] & want) &&
        !(want == CM_BODY && (mk[i] & CM_OUTER)) &&
        (s->flags[i] & PITH_X_COMMENT)) {
      if (!in_text(t, s, i, root, root_end)) {
        put_comment(t, s, mk, i, &k);
        if (mark)
          mark[i] = 1;
      }
      if (k.out.len > COMMENTS_MAX)
        break;
      i = pith__next_node(t, 0, i, 1); /* outermost only */
      continue;
    }
    i = pith__next_node(t, 0, i, 0);
  }
  pith__free(mk);
  if (k.out.len) {
    *out = pith__arena_strndup(a, k.out.data, k.out.len);
    pith__buf_free(&k.out);
    return *out ? 0 : -1;
  }
  pith__buf_free(&k.out);
  return 0;
}

int pith__comments_to_blocks(const char *comments, pith_arena *a,
                             pith_block **blocks, size_t *nblocks) {
  if (!comments || !*comments)
    return 0;
  size_t extra = 1;
  for (const char *p = comments; (p = strstr(p, "\n\n")); p += 2)
    extra++;
  size_t n = *nblocks;
  pith_block *nb = pith__arena_alloc(a, (n + extra) * sizeof *nb);
  if (!nb)
    return -1;
  if (n)
    memcpy(nb, *blocks, n * sizeof *nb);
  /* The comments live in the arena already; blocks point into a copy
   * whose separators are turned into terminators. */
  size_t len = strlen(comments);
  char *copy = pith__arena_strndup(a, comments, len);
  if (!copy)
    return -1;
  char *p = copy;
  while (p && *p) {
    char *sep = strstr(p, "\n\n");
    if (sep)
      *sep = '\0';
    memset(&nb[n], 0, sizeof nb[n]); /* no spans, no list or table */
    nb[n].type = PITH_BLOCK_PARAGRAPH;
    nb[n].node = UINT32_MAX; /* after the page's own blocks */
    nb[n].text = p;
    nb[n].len = strlen(p);
    n++;
    p = sep ? sep + 2 : NULL;
  }
  *blocks = nb;
  *nblocks = n;
  return 0;
}
