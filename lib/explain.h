/* SPDX-License-Identifier: MIT */
/*
 * explain.h - the decision trace behind --explain.
 *
 * Every decision the pipeline takes about an element or block carries a
 * reason code from one table (PITH_REASON_LIST).  The stages record the
 * codes only when asked (a non-NULL `why` array in the scratch space); the
 * trace stage (explain.c) then reads the tree, the decisions and the
 * finished body and lists the page's visible text blocks in document
 * order, each kept, a comment, or dropped with its reason.  It runs after
 * the body stage and changes nothing the other stages produced.
 */
#ifndef PITH_EXPLAIN_H
#define PITH_EXPLAIN_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "extract.h"
#include "result.h"
#include "tree.h"

/* The reason codes: enum suffix, the name scripts read, and what it means.
 * The names are stable; docs/extraction.md lists them all. */
#define PITH_REASON_LIST(X)                                                    \
  X(NONE, "", "no decision")                                                   \
  X(KEPT, "kept", "main text")                                                 \
  X(COMMENT, "comment", "a reader comment (kept apart, in comments)")          \
  X(HIDDEN, "hidden",                                                          \
    "hidden from readers (hidden or aria-hidden attribute, display:none or "   \
    "visibility:hidden style)")                                                \
  X(HIDDEN_CLASS, "hidden-class", "a utility class that hides the element")    \
  X(TAG, "tag",                                                                \
    "an element readers skip or that holds boilerplate (nav, "                 \
    "aside, footer, dialog, menu, figcaption, button, ...)")                   \
  X(ROLE, "role",                                                              \
    "an ARIA role of boilerplate (navigation, banner, ...) or a modal "        \
    "window (aria-modal)")                                                     \
  X(CLASS_WORD, "class-word", "a class or id word that names boilerplate")     \
  X(FORM, "form", "a form a reader fills in (comment, search, newsletter)")    \
  X(OUTSIDE_MAIN, "outside-main", "outside the page's one <main> region")      \
  X(OUTSIDE_SELECTION, "outside-selection",                                    \
    "outside the element selected as the main content")                        \
  X(LINK_LIST, "link-list", "most of the block's text is links")               \
  X(LABEL, "label", "an interface or ad label (Share, Advertisement, ...)")    \
  X(BYLINE, "byline", "a byline or author box (metadata, not text)")           \
  X(COPYRIGHT, "copyright", "a copyright line")                                \
  X(BEFORE_PROSE, "before-prose",                                              \
    "a short line before the first paragraph (date, kicker, fragment)")        \
  X(CAPTION, "caption",                                                        \
    "a caption or credit (class or id word caption) in an article written in " \
    "paragraphs")                                                              \
  X(DATE_LINE, "date-line",                                                    \
    "a line that only says when the page was published or updated")            \
  X(BARE_TEXT, "bare-text",                                                    \
    "a short run of text outside paragraph markup in an article written in "   \
    "paragraphs")                                                              \
  X(RECOMMENDATIONS, "recommendations",                                        \
    "a box of recommendations under a heading such as Related articles")       \
  X(COMMENT_SECTION, "comment-section",                                        \
    "inside a comment section that is not a collected comment")                \
  X(DOUBTFUL, "doubtful",                                                      \
    "precision mode: inside a probably-boilerplate container")                 \
  X(REPEATED, "repeated", "a repeat of an earlier block")                      \
  X(EMPTY_SECTION, "empty-section",                                            \
    "a heading (or a label line ending in a colon) whose section lost its "    \
    "text")                                                                    \
  X(TABLE, "table", "a table row, left out on request (no tables)")            \
  X(CARD, "card",                                                              \
    "a card of another story: a heading that links elsewhere and its "         \
    "summary, in a page that is not a list of such cards; or one of a run "    \
    "of cards of one shape, each linking elsewhere, that ends an article")     \
  X(BOX_LABEL, "box-label",                                                    \
    "a short line that titles what follows it, which was dropped")             \
  X(TEASER, "teaser",                                                          \
    "a label and a link to another story (Also read: ...) inside the text")    \
  X(APPEAL, "appeal",                                                          \
    "a short call to the reader that closes the text (subscribe to the "       \
    "newsletter, support the site)")                                           \
  X(AFTER_ARTICLE, "after-article",                                            \
    "after the end of the article: outside the element holding its prose, "    \
    "and not prose itself")

typedef enum {
#define PITH_X_REASON(e, name, doc) PITH_R_##e,
  PITH_REASON_LIST(PITH_X_REASON)
#undef PITH_X_REASON
      PITH_R_COUNT
} pith_reason;

/* The stable name of a reason ("class-word"); "" for NONE. */
const char *pith__reason_name(unsigned r);
/* Its one-line description. */
const char *pith__reason_doc(unsigned r);

/* Decisions of a trace entry (the public PITH_TRACE_* values). */
#define PITH__TRACE_KEPT 0
#define PITH__TRACE_COMMENT 1
#define PITH__TRACE_DROPPED 2

typedef struct {
  int decision;       /* PITH__TRACE_* */
  unsigned reason;    /* pith_reason */
  const char *detail; /* the word, tag or role and the element; "" */
  const char *path;   /* element path of the block */
  const char *text;   /* the block's text (white space collapsed) */
  size_t words;       /* words in text */
  float score;        /* the block's weight in the selection */
  uint32_t node;      /* the first text node (document order) */
  size_t seq;         /* order of creation: ties keep it */
  int block;          /* kept and body-stage entries: pith_block_type;
                         -1 for text from the tree */
} pith_trace_entry_int;

typedef struct pith_trace_s {
  pith_trace_entry_int *entries; /* in the result's arena */
  size_t n;
  const char *selected;       /* path of the selected element, or "" */
  float selected_score;       /* its subtree score */
  const char *fallback;       /* "none", "no-soft-penalties", "whole-body" */
  size_t words[PITH_R_COUNT]; /* words per reason */
} pith_trace;

/* What the pipeline hands the trace stage. */
typedef struct {
  const pith_tree *t;
  const pith_scratch *s; /* s->why set: the per-node reasons */
  uint32_t root;         /* the selected element (0: none) */
  const pith_block *blocks;
  size_t nblocks;
  const pith_block *gone; /* blocks the body stage dropped (reason set) */
  size_t ngone;
  const uint8_t *comment_mark; /* nodes that open a collected comment */
  int comments_moved;          /* a forum page's comments are the text */
} pith_trace_input;

/* The name of metadata field i (PITH_F_*: "title", ...). */
const char *pith__field_name(int i);

/* Build the trace into `a`.  Returns 0, or -1 when out of memory. */
int pith__explain_build(const pith_trace_input *in, pith_arena *a,
                        pith_trace *out);

/* The element path of node n ("article.post > div.entry > p"), at most
 * `depth` elements, in `a`; NULL when out of memory. */
const char *pith__explain_path(const pith_tree *t, uint32_t n, int depth,
                               pith_arena *a);

#endif
