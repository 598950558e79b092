/* SPDX-License-Identifier: MIT */
/*
 * extract_int.h - what the two halves of the extract stage share:
 * extract.c (measure, prune, score, select, the safety net) and filter.c
 * (the decisions about blocks inside the selection).  The thresholds of
 * both, each with its reason, and the few helpers both use.  Internal to
 * lib/.
 */
#ifndef PITH_EXTRACT_INT_H
#define PITH_EXTRACT_INT_H

#include <stdint.h>

#include "explain.h"
#include "extract.h"
#include "tree.h"

/* Anchors with at least this much visible text are teasers, not links. */
#define LONG_ANCHOR 25
#define BYLINE_SHORT 100
/* Block weights (score and select): prose counts its non-link text, more
 * in paragraph markup and inside a container named like content; a link
 * list counts against; fragments count nothing; inside a probably-
 * boilerplate container prose counts against, at a quarter of its size. */
#define W_LINK_LIST (-0.5f) /* per visible byte of a link-heavy block */
#define W_FRAGMENT 20       /* blocks under this many bytes weigh 0 */
#define W_PARAGRAPH 1.5f    /* <p> and <pre> */
#define W_CONTENT 1.25f     /* inside a content-named container */
#define W_SOFT_PENALTY (-0.25f)
/* Link shares, as fractions num/den of a block's text in links: a link
 * list has over half (a third in precision mode, three quarters in recall
 * mode); a paragraph of prose under a third; a page of links a third, a
 * page whose box titles are content a quarter. */
#define LINK_LIST_DEN 2
#define LINK_LIST_PRECISION_DEN 3
#define LINK_PROSE_DEN 3
#define LINK_PAGE_DEN 3
#define LINK_INDEX_DEN 4
/* A list item in an article is one linked headline when four fifths of
 * its text is the words of links to other pages, long links included. */
#define LINKED_ITEM_NUM 4
#define LINKED_ITEM_DEN 5
/* A form holding half the page and this many visible bytes wraps the page
 * (ASP.NET does), it is not a form a reader fills in. */
#define FORM_WRAPPER_MIN 2000
/* Interface labels are short: at most this many visible bytes. */
#define UI_LABEL_MAX 30
/* A heading among paragraphs titles its box up to the next paragraph of
 * prose: a <p> of this many visible bytes. */
#define BOX_END_PROSE 100
/* Siblings looked at to find the first with text (a bound on empty ones). */
#define BOX_SIBLINGS_MAX 64
/* Main content shorter than this (visible bytes) is suspiciously little. */
#define SMALL_CONTENT 250
#define COPYRIGHT_READ 200  /* bytes of a block read for a copyright line */
#define LABEL_NODES_MAX 256 /* nodes of a block read for a label or notice */
/* A paragraph of prose has at least this much visible text (a sentence),
 * and a page with prose at least this much of it (a few paragraphs). */
#define PROSE_PARA 80
#define PROSE_PAGE 600
/* A short line that can title a box: at most this much visible text. */
#define BOX_LABEL_MAX 40
/* A lead above the selection: a paragraph of this much non-link text,
 * found within this many nodes before it and this many levels up. */
#define LEAD_MIN 80
#define LEAD_SCAN 400
#define LEAD_LEVELS 3
/* A heading before the first paragraph with this much non-link text is
 * a lead. */
#define LEAD_HEADING 80
/* An inline teaser: a label of at most this many visible bytes, and a
 * block of at most TEASER_MAX. */
#define TEASER_LABEL 30
#define TEASER_MAX 300
/* A closing call to the reader (subscribe, support) is a short block. */
#define APPEAL_MAX 300
/* A card of another story holds at most this much visible text; cards
 * are the content when they hold a sixth of the selection's text. */
#define CARD_MAX 400
#define CARD_SHARE 6
#define LINK_CARD_RUN 3       /* cards of one shape after the article */
#define LINK_CARD_NODES 256   /* nodes of a card at most */
#define LINK_CARD_RUNS_MAX 64 /* runs of cards looked at */
#define LINK_CARD_TAIL 150    /* kept bytes after cards that end an article */
/* The safety net: a page with this much class-blind prose (some 250
 * words) never comes out with less than NET_KEPT visible bytes; its core
 * holds 60% of that prose. */
#define NET_PROSE 1500
#define NET_KEPT 300
#define NET_SHARE10 6
/* The core of the selection holds at least this share of its prose (0.7
 * to 0.9 measured: lower keeps a little less after the article). */
#define CORE_SHARE 0.75f
/* After the core, a paragraph that weighs this much (some 130 visible
 * bytes of non-link text) is prose and stays. */
#define TAIL_PROSE 200.0f
/* A page whose paragraphs of prose hold this share (%) of the selected
 * text is an article, and ends at its last paragraph (50 and 60 measured
 * alike; 40 costs listing and service pages). */
#define ARTICLE_PROSE_PCT 50
/* After an article's last paragraph, plain text of this many visible
 * bytes (some ten words) stays. */
#define TAIL_PLAIN 60
/* A date line: a block of at most DATE_LINE_MAX visible bytes holding a
 * date and at most DATE_LINE_WORDS other words ("Updated: 5 March 2024,
 * 10:27", "Published 2024-03-05"). */
#define DATE_LINE_MAX 80
#define DATE_LINE_WORDS 2
/* An article written in paragraphs: at least PARA_SHARE_PCT of the
 * selection's own text sits in paragraph markup; there, a block of bare
 * text (a <div> or <span> owning text) shorter than BARE_SHORT visible
 * bytes is a widget, a label or a teaser, not a paragraph. */
#define PARA_SHARE_PCT 75
#define BARE_SHORT 200

/* Record reason r for node n when the trace is on. */
static inline void note(pith_scratch *s, uint32_t n, unsigned r) {
  if (s->explain && !s->why[n])
    s->why[n] = (uint8_t)r;
}

/* The weight of one text block. */
static inline float block_weight(const pith_tree *t, const pith_scratch *s,
                                 uint32_t b, int soft_penalty) {
  uint32_t own = s->own[b], link = s->ownlink[b];
  if (!own)
    return 0;
  unsigned tag = t->nodes[b].tag;
  uint16_t f = s->flags[b];
  if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)
    return 0;
  float w;
  if (link * LINK_LIST_DEN > own)
    w = W_LINK_LIST * (float)own;
  else if (own < W_FRAGMENT)
    w = 0;
  else {
    w = (float)(own - link);
    if (tag == PITH_TAG_P || tag == PITH_TAG_PRE)
      w *= W_PARAGRAPH;
    if (f & PITH_X_GOOD)
      w *= W_CONTENT;
  }
  if (soft_penalty && w > 0 && (f & (PITH_X_SOFT | PITH_X_COMMENT)))
    w *= W_SOFT_PENALTY;
  return w;
}

/* The index just past the subtree of n (nn when it runs to the end):
 * pre-order numbering makes every subtree a contiguous range. */
static inline uint32_t subtree_end(const pith_tree *t, uint32_t n) {
  uint32_t e = pith__next_node(t, 0, n, 1);
  return e ? e : t->nnodes;
}

/* filter.c: inside the selection rooted at root, mark the blocks dropped
 * from the output (PITH_X_DROP, with their reasons): link lists, comment
 * sections, labels, bylines, copyright and date lines, bare text,
 * captions, teasers, recommendation boxes and the lines before the first
 * paragraph. */
void pith__filter(const pith_tree *t, pith_scratch *s, uint32_t root,
                  unsigned opts);

/* filter.c: drop the cards of other stories inside root, unless they are
 * the page. */
void pith__drop_cards(const pith_tree *t, pith_scratch *s, uint32_t root);

/* filter.c: drop the short lines that title a box the filter dropped. */
void pith__drop_box_labels(const pith_tree *t, pith_scratch *s, uint32_t root);

/* filter.c: the article's lead set above the selection, or 0. */
uint32_t pith__find_lead(const pith_tree *t, const pith_scratch *s,
                         uint32_t root);

/* filter.c: drop the calls to the reader that close the text of root. */
void pith__drop_appeals(const pith_tree *t, pith_scratch *s, uint32_t root);

/* filter.c: drop what follows the end of the article inside root. */
void pith__trim_tail(const pith_tree *t, pith_scratch *s, uint32_t root,
                     unsigned opts);

#endif /* PITH_EXTRACT_INT_H */
