/* SPDX-License-Identifier: MIT */
/*
 * filter.c - the decisions about blocks inside the selected content: what
 * the extract stage (extract.c) selected is filtered here, block by block
 * - link lists, comment sections, interface labels, bylines, copyright
 * and date lines, bare text and captions in articles written in
 * paragraphs, inline teasers, cards and boxes of other stories, the lines
 * before the first paragraph - and cut at the end of the article.  The
 * lead set above the selection is found here too.  Reads the flags and
 * measures extract.c computed; writes only PITH_X_DROP and the reasons.
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "chars.h"
#include "datetext.h"
#include "explain.h"
#include "extract_int.h"
#include "vocab.h"

/* Interface labels: the whole text of a block that is a control or the
 * title of a boilerplate box, never article text: the ui-label and
 * recommendations-label rules of vocab.c (ad labels in the languages of
 * the web's larger news markets, "Share", "Read more", ...), compared
 * after folding case (ASCII and Latin-1) and dropping everything but
 * letters (fold_label).  A LABEL_BOX titles recommendations of other
 * pages ("You might also like", "Customers also viewed"): as a heading it
 * takes its box or section with it (drop_more_box). */
enum { LABEL_NONE, LABEL_UI, LABEL_BOX };

/* The kind of folded label text w. */
static int label_kind(const char *w) {
  uint32_t r = pith__vocab_rules(w, strlen(w));
  if (r & PITH_VB_UI_LABEL)
    return LABEL_UI;
  return (r & PITH_VB_RECS_LABEL) ? LABEL_BOX : LABEL_NONE;
}

/* Fold the letters of text node n into w (ASCII and Latin-1 letters in
 * lower case, other non-ASCII characters kept as bytes, white space and
 * punctuation dropped).  Returns
 * 0 when the text cannot be a label (too long, or has digits). */
static int fold_label(const pith_tree *t, uint32_t n, char *w, size_t *k,
                      size_t cap) {
  const char *s = pith__text(t, n);
  for (uint32_t i = 0; i < t->nodes[n].len; i++) {
    unsigned char ch = (unsigned char)s[i];
    if (is_alpha(ch) || ch >= 0x80) {
      if (*k + 1 >= cap)
        return 0;
      /* Latin-1 capitals ("À" to "Þ", but not "×") fold too. */
      if (ch >= 0x80 && ch < 0xc0 && *k && (unsigned char)w[*k - 1] == 0xc3 &&
          ch <= 0x9e && ch != 0x97)
        ch |= 0x20;
      w[(*k)++] = (char)lower(ch);
    } else if (is_digit(ch)) {
      return 0;
    }
  }
  return 1;
}

/* Is the own text of a short block only an interface label ("- Advertisement
 * -", "Related Articles", "Share")?  Reads the block's text nodes and those
 * of its inline children, one level down. */
static int is_ui_label(const pith_tree *t, uint32_t b) {
  char w[32];
  size_t k = 0;
  for (uint32_t c = t->nodes[b].first; c; c = t->nodes[c].next) {
    const pith_node *nd = &t->nodes[c];
    if (nd->tag == PITH_TAG_TEXT) {
      if (!fold_label(t, c, w, &k, sizeof w))
        return 0;
      continue;
    }
    if (!(pith__tag_kind(nd->tag) & PITH_KIND_INLINE))
      continue;
    for (uint32_t g = nd->first; g; g = t->nodes[g].next)
      if (t->nodes[g].tag == PITH_TAG_TEXT &&
          !fold_label(t, g, w, &k, sizeof w))
        return 0;
  }
  w[k] = '\0';
  return label_kind(w) != LABEL_NONE;
}

/* The text nodes of a block, read with a bound: the checks below look at
 * short blocks, and a block of thousands of nodes is none of them.
 * text_next() returns the next text node of the subtree of `root`, or 0
 * at its end or once LABEL_NODES_MAX nodes were read (then `capped`). */
typedef struct {
  uint32_t root, at;
  int visits, capped;
} text_walk;

static void text_start(text_walk *w, uint32_t root) {
  w->root = w->at = root;
  w->visits = w->capped = 0;
}

static uint32_t text_next(text_walk *w, const pith_tree *t) {
  for (;;) {
    uint32_t c = pith__next_node(t, w->root, w->at, 0);
    if (!c)
      return 0;
    if (++w->visits > LABEL_NODES_MAX) {
      w->capped = 1;
      return 0;
    }
    w->at = c;
    if (t->nodes[c].tag == PITH_TAG_TEXT)
      return c;
  }
}

static int is_more_label(const pith_tree *t, uint32_t b) {
  char w[40];
  size_t k = 0;
  text_walk tw;
  text_start(&tw, b);
  for (uint32_t c; (c = text_next(&tw, t));)
    if (!fold_label(t, c, w, &k, sizeof w))
      return 0;
  if (tw.capped)
    return 0;
  w[k] = '\0';
  return label_kind(w) == LABEL_BOX;
}

/* Is the short block b a copyright notice: its text (own and of its
 * inline children, the first COPYRIGHT_READ bytes) starts with "©",
 * "(c)" or "Copyright", or says "all rights reserved"?  Footers that leak
 * into the content end with one; articles do not contain them. */
static int is_copyright(const pith_tree *t, uint32_t b) {
  char w[COPYRIGHT_READ + 1];
  size_t k = 0;
  text_walk tw;
  text_start(&tw, b);
  for (uint32_t c; k < COPYRIGHT_READ && (c = text_next(&tw, t));) {
    const pith_node *nd = &t->nodes[c];
    const char *x = pith__text(t, c);
    for (uint32_t i = 0; i < nd->len && k < COPYRIGHT_READ; i++) {
      unsigned char ch = (unsigned char)x[i];
      if (is_sp(ch)) {
        if (k && w[k - 1] != ' ')
          w[k++] = ' ';
        continue;
      }
      w[k++] = (char)lower(ch);
    }
  }
  w[k] = '\0';
  return !strncmp(w, "\xc2\xa9", 2) || !strncmp(w, "(c)", 3) ||
         !strncmp(w, "copyright", 9) || strstr(w, "all rights reserved");
}

static int in_table(const pith_tree *t, uint32_t i, uint32_t root);

/* Is tag one that writes text as a reader reads it: a paragraph, a
 * heading, a list item or term, a table cell, a quote, preformatted
 * text, a caption? */
static int is_text_markup(unsigned tag) {
  switch (tag) {
  case PITH_TAG_P:
  case PITH_TAG_H1:
  case PITH_TAG_H2:
  case PITH_TAG_H3:
  case PITH_TAG_H4:
  case PITH_TAG_H5:
  case PITH_TAG_H6:
  case PITH_TAG_LI:
  case PITH_TAG_DD:
  case PITH_TAG_DT:
  case PITH_TAG_TD:
  case PITH_TAG_TH:
  case PITH_TAG_BLOCKQUOTE:
  case PITH_TAG_PRE:
  case PITH_TAG_CAPTION:
  case PITH_TAG_FIGCAPTION:
  case PITH_TAG_ADDRESS:
    return 1;
  default:
    return 0;
  }
}

/* Is block b bare text: neither text markup itself nor inside it (a
 * <div> in a list item or a heading is part of that item or heading)? */
static int is_bare_text(const pith_tree *t, uint32_t b, uint32_t root) {
  if (is_text_markup(t->nodes[b].tag))
    return 0;
  for (uint32_t a = t->nodes[b].parent; a && a != root; a = t->nodes[a].parent)
    if (is_text_markup(t->nodes[a].tag))
      return 0;
  return 1;
}

/* Does block b's own text go on with a paragraph that a block closed
 * (an ad set inside a <p>: the HTML5 parser ends the paragraph there, so
 * the rest of its sentence lands in the container)?  Its first own text
 * starts in lower case, and the nearest element before it that is not
 * pruned or dropped and holds more than a label is a <p>. */
static int continues_par(const pith_tree *t, const pith_scratch *s,
                         uint32_t b) {
  uint32_t c = t->nodes[b].first;
  const char *x = NULL;
  uint32_t n = 0, k = 0;
  for (; c; c = t->nodes[c].next) {
    if (t->nodes[c].tag != PITH_TAG_TEXT)
      continue;
    x = pith__text(t, c);
    n = t->nodes[c].len;
    for (k = 0; k < n && (is_sp((unsigned char)x[k]) ||
                          ((unsigned char)x[k] == 0xC2 && k + 1 < n &&
                           (unsigned char)x[k + 1] == 0xA0));)
      k += (unsigned char)x[k] == 0xC2 ? 2 : 1;
    if (k < n)
      break;
  }
  if (!c)
    return 0;
  unsigned char c0 = (unsigned char)x[k];
  unsigned char c1 = k + 1 < n ? (unsigned char)x[k + 1] : 0;
  /* a-z, or a Latin-1 lower-case letter (U+00DF..U+00FF but U+00F7). */
  if (!((c0 >= 'a' && c0 <= 'z') || (c0 == 0xC3 && c1 >= 0x9F && c1 != 0xB7)))
    return 0;
  for (uint32_t p = t->nodes[c].prev; p; p = t->nodes[p].prev) {
    if (t->nodes[p].tag == PITH_TAG_TEXT) {
      const char *y = pith__text(t, p);
      for (uint32_t j = 0; j < t->nodes[p].len; j++)
        if (!is_sp((unsigned char)y[j]))
          return 0;
      continue;
    }
    /* Passed over: what is pruned or dropped, or no more than a label
     * ("Advertisement") around the interruption. */
    if ((s->flags[p] & (PITH_X_REMOVED | PITH_X_DROP)) ||
        s->raw[p] <= UI_LABEL_MAX)
      continue;
    return t->nodes[p].tag == PITH_TAG_P;
  }
  return 0;
}

/* Is the short block b a date line: a date and at most DATE_LINE_WORDS
 * words besides (a label such as "Updated:", a weekday, a category), the
 * rest digits and punctuation (a time, separators)?  Such a line states
 * when the page was published; the metadata stage reads it, readers skip
 * it. */
static int is_date_line(const pith_tree *t, uint32_t b) {
  char w[DATE_LINE_MAX * 2 + 1];
  size_t k = 0;
  text_walk tw;
  text_start(&tw, b);
  for (uint32_t c; (c = text_next(&tw, t));) {
    const char *x = pith__text(t, c);
    for (uint32_t i = 0; i < t->nodes[c].len; i++) {
      if (k == sizeof w - 1)
        return 0;
      unsigned char ch = (unsigned char)x[i];
      w[k++] = is_sp(ch) ? ' ' : (char)ch;
    }
  }
  if (tw.capped)
    return 0;
  char date[11];
  size_t from, to;
  if (!pith__date_in_text(w, k, PITH_DATE_ORDER_UNKNOWN, date, &from, &to))
    return 0;
  /* Count the words with a letter outside [from, to). */
  int words = 0, in_word = 0, letter = 0;
  for (size_t i = 0; i <= k; i++) {
    unsigned char ch =
        i < k && (i < from || i >= to) ? (unsigned char)w[i] : ' ';
    if (ch == ' ') {
      words += in_word && letter;
      in_word = letter = 0;
      continue;
    }
    in_word = 1;
    if (ch >= 0x80 || (lower(ch) >= 'a' && lower(ch) <= 'z'))
      letter = 1;
  }
  return words <= DATE_LINE_WORDS;
}

/* Is block b an inline teaser: a short label ending in a colon ("Also
 * read:", "Lesen Sie auch:", "See also:") and then a link with a
 * headline's worth of text to another page, and nothing else?  Any
 * language: the shape is the evidence, not the words. */
static int is_teaser(const pith_tree *t, const pith_scratch *s, uint32_t b) {
  uint32_t label = 0, linked = 0;
  char last = 0; /* the last visible byte of the label */
  text_walk tw;
  text_start(&tw, b);
  for (uint32_t c; (c = text_next(&tw, t));) {
    const pith_node *nd = &t->nodes[c];
    if (!s->raw[c])
      continue;
    if (s->anchor[c]) {
      linked += s->raw[c];
      continue;
    }
    if (linked)
      return 0; /* text after the link: a sentence, not a teaser */
    label += s->raw[c];
    const char *x = pith__text(t, c);
    for (uint32_t i = nd->len; i-- > 0;)
      if (!is_html_sp((unsigned char)x[i])) {
        last = x[i];
        break;
      }
  }
  return !tw.capped && label >= 3 && label <= TEASER_LABEL &&
         linked >= LONG_ANCHOR && last == ':';
}

static int is_prose_par(const pith_tree *t, const pith_scratch *s, uint32_t i,
                        unsigned par);
static unsigned par_tag(const pith_tree *t, const pith_scratch *s,
                        uint32_t root, uint32_t end);
static uint32_t worded_links(const pith_tree *t, const pith_scratch *s,
                             uint32_t i);

/* Is heading h a link to another page: its text all inside one <a> whose
 * address is not a fragment of this page? */
static int linked_heading(const pith_tree *t, const pith_scratch *s,
                          uint32_t h) {
  uint32_t a = 0;
  text_walk tw;
  text_start(&tw, h);
  for (uint32_t c; (c = text_next(&tw, t));) {
    if (!s->raw[c])
      continue;
    if (!s->anchor[c] || (a && s->anchor[c] != a))
      return 0;
    a = s->anchor[c];
  }
  if (tw.capped)
    return 0;
  if (!a) {
    /* The heading inside the link: <a href><h3>...</h3></a>. */
    a = s->anchor[h];
    if (!a)
      return 0;
  }
  const char *href = pith__attr(t, a, PITH_ATTR_HREF, NULL);
  return href && *href && *href != '#';
}

/* The card around linked heading h: the widest ancestor below root that
 * holds at most CARD_MAX visible bytes. */
static uint32_t card_of(const pith_tree *t, const pith_scratch *s,
                        uint32_t root, uint32_t h) {
  uint32_t box = h;
  while (box != root) {
    uint32_t p = t->nodes[box].parent;
    if (p == root || s->raw[p] > CARD_MAX)
      break;
    box = p;
  }
  return box;
}

/* Is element c made like the card of another page: not a list item or
 * a table row, small (CARD_MAX visible bytes, LINK_CARD_NODES nodes at
 * most), holding a link to another page (an <a> whose address is not a
 * fragment of this one) and a picture, or text that is mostly the
 * link's? */
static int is_link_card(const pith_tree *t, const pith_scratch *s, uint32_t c) {
  if (t->nodes[c].tag == PITH_TAG_LI || t->nodes[c].tag == PITH_TAG_TR ||
      s->raw[c] > CARD_MAX)
    return 0;
  uint32_t end = subtree_end(t, c);
  if (end - c > LINK_CARD_NODES)
    return 0;
  int link = 0, img = 0;
  for (uint32_t i = c; i < end; i++)
    if (t->nodes[i].tag == PITH_TAG_A) {
      const char *href = pith__attr(t, i, PITH_ATTR_HREF, NULL);
      if (href && *href && *href != '#')
        link = 1;
    } else if (t->nodes[i].tag == PITH_TAG_IMG)
      img = 1;
  return link && (img || s->rawlink[c] * 2 >= s->raw[c]);
}

/* Are elements a and b of the same shape: one tag, and one first class
 * word (the words after it often vary from card to card: "card
 * card--video", "card is-first")? */
static int same_shape(const pith_tree *t, uint32_t a, uint32_t b) {
  if (t->nodes[a].tag != t->nodes[b].tag)
    return 0;
  const char *ca = pith__attr(t, a, PITH_ATTR_CLASS, NULL);
  const char *cb = pith__attr(t, b, PITH_ATTR_CLASS, NULL);
  if (!ca || !cb)
    return ca == cb;
  while (is_html_sp((unsigned char)*ca))
    ca++;
  while (is_html_sp((unsigned char)*cb))
    cb++;
  size_t na = 0, nb = 0;
  while (ca[na] && !is_html_sp((unsigned char)ca[na]))
    na++;
  while (cb[nb] && !is_html_sp((unsigned char)cb[nb]))
    nb++;
  return na == nb && memcmp(ca, cb, na) == 0;
}

/* Runs of link cards (see drop_link_cards): the nodes first .. end of
 * each. */
typedef struct {
  uint32_t first, end;
} card_run;

static int by_first(const void *a, const void *b) {
  uint32_t x = ((const card_run *)a)->first, y = ((const card_run *)b)->first;
  return (x > y) - (x < y);
}

static void add_run(const pith_tree *t, card_run *runs, unsigned *nruns,
                    uint32_t first, uint32_t last, unsigned n) {
  if (n < LINK_CARD_RUN || *nruns == LINK_CARD_RUNS_MAX)
    return;
  uint32_t end = subtree_end(t, last);
  if (*nruns && runs[*nruns - 1].first <= first && end <= runs[*nruns - 1].end)
    return; /* inside the cards of the run before */
  runs[(*nruns)++] = (card_run){first, end};
}

/* Cards after the article: a run of LINK_CARD_RUN or more sibling
 * elements of one shape, each made like a card (is_link_card), after the
 * article's last paragraph - a feed of other stories, however their
 * headlines are marked up (or when the page fills them in later).  The
 * article's last paragraph is the last paragraph of prose outside such
 * runs: the teaser of a card may read like prose.  The runs stay when
 * they outweigh the article's paragraphs (a listing) or when more than
 * LINK_CARD_TAIL bytes of kept text follow them (a section of the page).
 * Bounded: each element is looked at once as a child, in at most
 * LINK_CARD_NODES steps. */
static void drop_link_cards(const pith_tree *t, pith_scratch *s, uint32_t root,
                            uint32_t end) {
  card_run runs[LINK_CARD_RUNS_MAX];
  unsigned nruns = 0;
  for (uint32_t p = root; p < end; p++) {
    if (t->nodes[p].tag == PITH_TAG_TEXT || (s->flags[p] & PITH_X_REMOVED))
      continue;
    uint32_t first = 0, last = 0;
    unsigned n = 0;
    for (uint32_t c = t->nodes[p].first; c; c = t->nodes[c].next) {
      if (t->nodes[c].tag == PITH_TAG_TEXT || (s->flags[c] & PITH_X_REMOVED) ||
          !s->raw[c])
        continue; /* the spacing between cards */
      int card = is_link_card(t, s, c);
      if (card && n && same_shape(t, first, c)) {
        n++;
        last = c;
        continue;
      }
      add_run(t, runs, &nruns, first, last, n);
      n = card;
      first = last = c;
    }
    add_run(t, runs, &nruns, first, last, n);
  }
  if (!nruns)
    return;
  qsort(runs, nruns, sizeof *runs, by_first);
  uint32_t from = root;
  uint64_t prose = 0, cards = 0;
  unsigned r = 0;
  for (uint32_t i = root; i < end; i++) {
    while (r < nruns && runs[r].end <= i)
      r++;
    if (r < nruns && runs[r].first <= i) {
      i = runs[r].end - 1;
      continue;
    }
    if ((s->flags[i] & PITH_X_BLOCK) &&
        !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP)) &&
        is_prose_par(t, s, i, PITH_TAG_P)) {
      from = subtree_end(t, i);
      prose += s->own[i];
    }
  }
  /* Kept text after the article outside the cards, in all and before
   * each run. */
  uint64_t other = 0, before[LINK_CARD_RUNS_MAX];
  r = 0;
  for (uint32_t i = from; i < end; i++) {
    while (r < nruns && runs[r].end <= i)
      r++;
    if (r < nruns && runs[r].first <= i) {
      /* (and the runs inside it, decided with it) */
      for (unsigned k = r; k < nruns && runs[k].first < runs[r].end; k++)
        before[k] = other;
      for (uint32_t c = i; c && c < runs[r].end; c = t->nodes[c].next)
        cards += s->raw[c];
      i = runs[r].end - 1;
      continue;
    }
    if ((s->flags[i] & PITH_X_BLOCK) &&
        !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP)))
      other += s->own[i];
  }
  /* Cards that outweigh the article are the page: a listing. */
  if (prose < PROSE_PAGE || cards > prose)
    return;
  for (r = 0; r < nruns; r++) {
    /* Cards with more of the page after them are a section of it. */
    if (runs[r].first < from || other - before[r] > LINK_CARD_TAIL)
      continue;
    for (uint32_t i = runs[r].first; i < runs[r].end; i++)
      if ((s->flags[i] & PITH_X_BLOCK) &&
          !(s->flags[i] & (PITH_X_DROP | PITH_X_REMOVED))) {
        s->flags[i] |= PITH_X_DROP;
        note(s, i, PITH_R_CARD);
      }
  }
}

/* Cards of other stories inside the selection (a heading that links
 * elsewhere, a summary, a date) go, unless the cards are the page: a
 * listing's index of stories.  Cards after the last paragraph of an
 * article do not count towards that. */
void pith__drop_cards(const pith_tree *t, pith_scratch *s, uint32_t root) {
  uint32_t end = subtree_end(t, root);
  uint64_t in_cards = 0;
  /* The article's prose: its paragraphs, and where the last one ends.
   * Cards after an article of PROSE_PAGE or more are not the page. */
  uint64_t prose = 0, kept = 0;
  uint32_t after = end;
  for (uint32_t i = root; i < end; i++)
    if ((s->flags[i] & PITH_X_BLOCK) &&
        !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP))) {
      kept += s->own[i];
      if (is_prose_par(t, s, i, PITH_TAG_P)) {
        prose += s->own[i];
        after = subtree_end(t, i);
      }
    }
  if (prose < PROSE_PAGE)
    after = end;
  else
    drop_link_cards(t, s, root, end);
  for (int pass = 0; pass < 2; pass++) {
    for (uint32_t i = root; i < end;) {
      uint16_t f = s->flags[i];
      unsigned tag = t->nodes[i].tag;
      if (f & PITH_X_REMOVED) {
        i = subtree_end(t, i);
        continue;
      }
      if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6 && s->raw[i] &&
          linked_heading(t, s, i)) {
        uint32_t box = card_of(t, s, root, i);
        uint32_t box_end = subtree_end(t, box);
        if (pass == 0) {
          if (box < after)
            in_cards += s->raw[box];
        } else {
          for (uint32_t c = box; c < box_end; c++)
            if ((s->flags[c] & PITH_X_BLOCK) && !(s->flags[c] & PITH_X_DROP)) {
              s->flags[c] |= PITH_X_DROP;
              note(s, c, PITH_R_CARD);
            }
        }
        i = box_end > i ? box_end : i + 1;
        continue;
      }
      i++;
    }
    /* A page of cards: they are its content - and so are cards that
     * hold half of what the other rules kept (a short post under its
     * linked title). */
    if (pass == 0 &&
        (in_cards * CARD_SHARE >= s->raw[root] || in_cards * 2 >= kept))
      return;
  }
}

/* Drop the box that heading h titles as recommendations: the widest
 * ancestor that h opens (its first child with text, up to a box with
 * half the root's text), or, for a heading among paragraphs, h and its
 * siblings up to the next heading of its level or above, or the next
 * paragraph of prose.  Returns the node to go on with (0 at the end of
 * root). */
static uint32_t drop_more_box(const pith_tree *t, pith_scratch *s,
                              uint32_t root, uint32_t h) {
  uint32_t raw = s->raw[root];
  uint32_t box = h;
  while (box != root) {
    uint32_t p = t->nodes[box].parent, first = 0;
    int seen = 0; /* bounded: empty siblings are no reason to scan long */
    for (uint32_t c = t->nodes[p].first; c && seen < BOX_SIBLINGS_MAX;
         c = t->nodes[c].next, seen++)
      if (s->raw[c]) {
        first = c;
        break;
      }
    if (first != box || p == root || (uint64_t)s->raw[p] * 2 > raw)
      break;
    box = p;
  }
  uint32_t end = 0;
  if (box != h) {
    end = subtree_end(t, box);
  } else {
    unsigned level = t->nodes[h].tag;
    for (uint32_t c = t->nodes[h].next; c && !end; c = t->nodes[c].next) {
      unsigned tag = t->nodes[c].tag;
      if ((tag >= PITH_TAG_H1 && tag <= level) ||
          (tag == PITH_TAG_P && s->raw[c] >= BOX_END_PROSE &&
           s->rawlink[c] * LINK_PROSE_DEN < s->raw[c]))
        end = c;
    }
    if (!end)
      end = subtree_end(t, t->nodes[t->nodes[h].parent].last);
  }
  for (uint32_t c = h; c < end; c++)
    if (s->flags[c] & PITH_X_BLOCK) {
      s->flags[c] |= PITH_X_DROP;
      note(s, c, PITH_R_RECOMMENDATIONS);
    }
  return end < subtree_end(t, root) ? end : 0;
}

/* Mark blocks inside the chosen root that are dropped from the output:
 * link lists (unless the content is itself a page of links), comment
 * sections, ad and interface labels, and the bylines, dates and headline
 * fragments before the first real paragraph. */
void pith__filter(const pith_tree *t, pith_scratch *s, uint32_t root,
                  unsigned opts) {
  uint16_t rootf = s->flags[root];
  uint32_t raw = s->raw[root] ? s->raw[root] : 1;
  int root_links = s->rawlink[root] * LINK_PAGE_DEN > raw; /* page of links */
  int seen_prose = 0;
  /* The last block of prose: date lines are read before the first and
   * after the last, not between (an event's date inside the text). */
  uint32_t last_prose = 0, end = subtree_end(t, root);
  /* A paragraph of prose (a <p> of a sentence) for short lines to come
   * before: a page of short lines has none, and keeps them. */
  int has_paragraph = 0;
  /* And how much of the text sits in text markup (see in_paragraphs). */
  uint64_t para = 0, all = 0;
  for (uint32_t j = root; j < end; j++) {
    if (!(s->flags[j] & PITH_X_BLOCK) || (s->flags[j] & PITH_X_REMOVED) ||
        !s->own[j])
      continue;
    all += s->own[j];
    if (is_text_markup(t->nodes[j].tag))
      para += s->own[j];
    float w = block_weight(t, s, j, 0);
    if (w > 0)
      last_prose = j;
    if (w >= PROSE_PARA * W_PARAGRAPH)
      has_paragraph = 1;
  }
  int in_paragraphs = all && para * 100 >= all * PARA_SHARE_PCT;
  uint32_t i = root;
  while (i) {
    uint16_t f = s->flags[i];
    if (f & PITH_X_REMOVED) {
      i = pith__next_node(t, root, i, 1);
      continue;
    }
    if ((f & PITH_X_BLOCK) && s->own[i]) {
      uint32_t own = s->own[i], link = s->ownlink[i];
      int drop = 0;
      /* Link-heavy: over half of the text in links; a third in precision
       * mode, three quarters in recall mode. */
      if (!root_links &&
          ((opts & PITH_XOPT_PRECISION) ? link * LINK_LIST_PRECISION_DEN > own
           : (opts & PITH_XOPT_RECALL)  ? link * 4 > own * 3
                                        : link * LINK_LIST_DEN > own))
        drop = PITH_R_LINK_LIST;
      /* In an article written in paragraphs, a list item that is all
       * one link to another page (a related story's headline, however
       * long) is not the article's text; a written-out address (a
       * reference) or a link within the page (contents) is. */
      if (!drop && !root_links && in_paragraphs && has_paragraph &&
          t->nodes[i].tag == PITH_TAG_LI && s->rawlink[i] > link &&
          s->raw[i] == own &&
          worded_links(t, s, i) * LINKED_ITEM_DEN >= own * LINKED_ITEM_NUM)
        drop = PITH_R_LINK_LIST;
      /* Precision mode: a block inside a probably-boilerplate container
       * that the content root is not inside goes. */
      if (!drop && (opts & PITH_XOPT_PRECISION) && (f & PITH_X_SOFT) &&
          !(rootf & PITH_X_SOFT))
        drop = PITH_R_DOUBTFUL;
      if (!drop && (f & PITH_X_COMMENT) && !(rootf & PITH_X_COMMENT))
        drop = PITH_R_COMMENT_SECTION;
      /* The byline and the author box are metadata, not text. */
      if (!drop && (f & PITH_X_BYLINE) && !(rootf & PITH_X_BYLINE) &&
          own < BYLINE_SHORT)
        drop = PITH_R_BYLINE;
      if (!drop && own <= UI_LABEL_MAX && is_ui_label(t, i))
        drop = PITH_R_LABEL;
      if (!drop && own <= COPYRIGHT_READ && t->nodes[i].tag != PITH_TAG_PRE &&
          is_copyright(t, i))
        drop = PITH_R_COPYRIGHT;
      if (!drop && in_paragraphs && own < BARE_SHORT &&
          is_bare_text(t, i, root) && !continues_par(t, s, i))
        drop = PITH_R_BARE_TEXT;
      if (!drop && in_paragraphs && own < BARE_SHORT && (f & PITH_X_CAPTION) &&
          !(rootf & PITH_X_CAPTION))
        drop = PITH_R_CAPTION;
      if (!drop && (!seen_prose || i > last_prose) && own <= DATE_LINE_MAX &&
          t->nodes[i].tag != PITH_TAG_LI && !in_table(t, i, root) &&
          is_date_line(t, i))
        drop = PITH_R_DATE_LINE;
      if (!drop && own <= TEASER_MAX && s->ownlink[i] < own &&
          is_teaser(t, s, i))
        drop = PITH_R_TEASER;
      if (own <= BOX_LABEL_MAX && t->nodes[i].tag >= PITH_TAG_H1 &&
          t->nodes[i].tag <= PITH_TAG_H6 && is_more_label(t, i)) {
        i = drop_more_box(t, s, root, i);
        continue;
      }
      if (!drop && !seen_prose && has_paragraph) {
        unsigned tag = t->nodes[i].tag;
        if (block_weight(t, s, i, 0) > 0)
          seen_prose = 1;
        /* A sub-heading of a sentence or more before the first paragraph
         * is the article's lead set as a heading; the headline (h1) and
         * short kickers are not text. */
        else if (!(tag > PITH_TAG_H1 && tag <= PITH_TAG_H6 &&
                   own - link >= LEAD_HEADING))
          drop = PITH_R_BEFORE_PROSE;
      }
      if (drop) {
        s->flags[i] |= PITH_X_DROP;
        note(s, i, (unsigned)drop);
      }
    }
    i = pith__next_node(t, root, i, 0);
  }
}

/* The last character of the own text of block b (through one level of
 * inline markup), 0 when it has none. */
static char last_char(const pith_tree *t, uint32_t b) {
  char last = 0;
  for (uint32_t c = t->nodes[b].first; c; c = t->nodes[c].next) {
    uint32_t x = c;
    if (t->nodes[x].tag != PITH_TAG_TEXT) {
      /* one level of inline markup: <p><strong>Label</strong></p> */
      if (!(pith__tag_kind(t->nodes[x].tag) & PITH_KIND_INLINE))
        continue;
      x = t->nodes[x].last;
      if (!x || t->nodes[x].tag != PITH_TAG_TEXT)
        continue;
    }
    const char *s = pith__text(t, x);
    for (uint32_t i = t->nodes[x].len; i-- > 0;)
      if (!is_html_sp((unsigned char)s[i])) {
        last = s[i];
        break;
      }
  }
  return last;
}

/* Does the text of block b end a sentence: its last character, past
 * closing quotes and brackets, a full stop, an exclamation or question
 * mark, or an ellipsis? */
static int ends_sentence(const pith_tree *t, uint32_t b) {
  uint32_t end = subtree_end(t, b);
  for (uint32_t x = end; x-- > b;) {
    if (t->nodes[x].tag != PITH_TAG_TEXT)
      continue;
    const unsigned char *s = (const unsigned char *)pith__text(t, x);
    uint32_t i = t->nodes[x].len;
    while (i > 0) {
      unsigned char c = s[i - 1];
      if (is_html_sp(c) || c == '"' || c == '\'' || c == ')' || c == ']') {
        i--;
      } else if (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 &&
                 (c == 0x9D || c == 0x99)) {
        i -= 3; /* right double or single quotation mark */
      } else if (i >= 2 && s[i - 2] == 0xC2 && c == 0xBB) {
        i -= 2; /* right-pointing guillemet */
      } else {
        return c == '.' || c == '!' || c == '?' ||
               (i >= 3 && s[i - 3] == 0xE2 && s[i - 2] == 0x80 && c == 0xA6);
      }
    }
  }
  return 0;
}

/* Does the own text of block b end like a title of what follows: no
 * sentence end, or a colon or question mark? */
static int title_like(const pith_tree *t, uint32_t b) {
  char last = last_char(t, b);
  return last && last != '.' && last != '!' && last != ')' && last != '"';
}

/* A short line that titles a box ("More on this:", "Don't miss") whose
 * content the rules above dropped is part of the box: it goes too.  The
 * blocks in order are read off the text nodes of root. */
void pith__drop_box_labels(const pith_tree *t, pith_scratch *s, uint32_t root) {
  /* On a page of links (an index, a listing), the titles of its lists
   * are its content. */
  if ((uint64_t)s->rawlink[root] * LINK_INDEX_DEN > s->raw[root])
    return;
  uint32_t end = subtree_end(t, root);
  uint32_t prev = 0; /* the last kept short block, waiting for its next */
  uint32_t cur = 0;
  uint64_t gone = 0; /* the text of the dropped blocks after prev */
  for (uint32_t i = root; i < end; i++) {
    if (t->nodes[i].tag != PITH_TAG_TEXT || !s->raw[i] ||
        (t->nodes[t->nodes[i].parent].flags & PITH_NF_KEEPTEXT))
      continue;
    uint32_t o = s->owner[i];
    if (o == cur)
      continue;
    cur = o;
    int kept = !(s->flags[i] & PITH_X_REMOVED) && !(s->flags[o] & PITH_X_DROP);
    /* What the label titles is a box with some text, not a button: a
     * dropped block of BOX_LABEL_MAX bytes, or dropped links that hold
     * as much together (a list of short headlines). */
    if (prev && !kept) {
      if (s->raw[o] < BOX_LABEL_MAX && s->rawlink[o] * 2 <= s->raw[o]) {
        prev = 0;
        continue;
      }
      gone += s->raw[o];
      if (gone >= BOX_LABEL_MAX) {
        s->flags[prev] |= PITH_X_DROP;
        note(s, prev, PITH_R_BOX_LABEL);
        prev = 0;
      }
      continue;
    }
    gone = 0;
    prev = kept && o != root && s->own[o] <= BOX_LABEL_MAX &&
                   s->ownlink[o] == 0 && title_like(t, o)
               ? o
               : 0;
  }
}

/* The article's lead (standfirst), when the page sets it in the header
 * above the element selected for the body: the nearest block before the
 * selection, passing over at most two short lines (a byline, a date) but
 * not over a heading, that is a paragraph of prose, within a few levels
 * of the selection.  0 when there is none. */
uint32_t pith__find_lead(const pith_tree *t, const pith_scratch *s,
                         uint32_t root) {
  int passed = 0;
  for (uint32_t i = root; i-- > 1 && root - i <= LEAD_SCAN;) {
    uint16_t f = s->flags[i];
    if (subtree_end(t, i) > root) {
      /* An ancestor of the selection: the lead may be no further up. */
      int depth = 0;
      for (uint32_t a = root; a && a != i; a = t->nodes[a].parent)
        depth++;
      if (depth > LEAD_LEVELS)
        return 0;
      continue;
    }
    if (!(f & PITH_X_BLOCK) || (f & PITH_X_REMOVED) || !s->own[i])
      continue;
    unsigned tag = t->nodes[i].tag;
    uint32_t own = s->own[i], link = s->ownlink[i];
    if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)
      /* A sub-heading of a sentence or more is the lead set as a heading
       * (as in the before-prose rule); a headline (a long one ends
       * without a full stop) or a short one stops. */
      return tag > PITH_TAG_H1 && own - link >= LEAD_HEADING &&
                     link * LINK_PROSE_DEN < own && ends_sentence(t, i)
                 ? i
                 : 0;
    if ((tag == PITH_TAG_P || tag == PITH_TAG_DIV) && own - link >= LEAD_MIN &&
        link * LINK_PROSE_DEN < own && !(f & (PITH_X_BYLINE | PITH_X_COMMENT)))
      return i;
    if (++passed > 2 || own > LEAD_MIN * 2)
      return 0;
  }
  return 0;
}

/* Is block i a paragraph of prose: a block of the page's paragraph tag
 * (par_tag) of real length with few links? */
static int is_prose_par(const pith_tree *t, const pith_scratch *s, uint32_t i,
                        unsigned par) {
  return t->nodes[i].tag == par && block_weight(t, s, i, 0) >= TAIL_PROSE;
}

/* The tag of the paragraphs of the text in [root, end): <p>, or <div>
 * when no kept <p> there is a paragraph of prose (a page that writes its
 * paragraphs as divisions, or as lines of one). */
static unsigned par_tag(const pith_tree *t, const pith_scratch *s,
                        uint32_t root, uint32_t end) {
  for (uint32_t i = root; i < end; i++)
    if ((s->flags[i] & PITH_X_BLOCK) &&
        !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP)) &&
        is_prose_par(t, s, i, PITH_TAG_P))
      return PITH_TAG_P;
  return PITH_TAG_DIV;
}

/* Is node i inside a table below root? */
static int in_table(const pith_tree *t, uint32_t i, uint32_t root) {
  for (uint32_t a = t->nodes[i].parent; a && a != root; a = t->nodes[a].parent)
    if (t->nodes[a].tag == PITH_TAG_TABLE)
      return 1;
  return 0;
}

/* The text of block i inside links to other pages whose text is words (a
 * headline), not an address written out (a reference list's "https://...",
 * "www...") nor a link within the page ("#section", scripts). */
static uint32_t worded_links(const pith_tree *t, const pith_scratch *s,
                             uint32_t i) {
  uint32_t sum = 0, end = subtree_end(t, i);
  /* A headline is small: a larger block is none (and, read once per
   * block, nested blocks cost no more than LINK_CARD_NODES each). */
  if (end - i > LINK_CARD_NODES)
    return 0;
  for (uint32_t a = i; a < end; a++) {
    if (t->nodes[a].tag != PITH_TAG_A || (s->flags[a] & PITH_X_REMOVED))
      continue;
    uint32_t ae = subtree_end(t, a), j = a + 1;
    size_t hl;
    const char *href = pith__attr(t, a, PITH_ATTR_HREF, &hl);
    if (!href || !hl || href[0] == '#' ||
        (hl >= 11 && strncasecmp(href, "javascript:", 11) == 0)) {
      a = ae - 1;
      continue;
    }
    while (j < ae && (t->nodes[j].tag != PITH_TAG_TEXT || !s->raw[j]))
      j++;
    if (j < ae) {
      const char *x = pith__text(t, j);
      uint32_t n = t->nodes[j].len, k = 0;
      while (k < n && (x[k] == ' ' || x[k] == '\n' || x[k] == '\t'))
        k++;
      int addr = (n - k >= 4 && strncmp(x + k, "http", 4) == 0) ||
                 (n - k >= 4 && strncmp(x + k, "www.", 4) == 0);
      if (!addr)
        sum += s->raw[a];
    }
    a = ae - 1;
  }
  return sum;
}

/* A block's text in links, long worded links (headlines) included when
 * they are most of it. */
static uint32_t linked_text(const pith_tree *t, const pith_scratch *s,
                            uint32_t i) {
  uint32_t own = s->own[i], link = s->ownlink[i];
  if (s->rawlink[i] > link && s->rawlink[i] * 2 > own &&
      worded_links(t, s, i) * 2 > own)
    link = own;
  return link;
}

/* After the article's last paragraph, the sections of [from, end) - a
 * heading and the blocks up to the next heading - whose text is a third
 * or more linked headlines are boxes of other stories, their teasers
 * included: the whole section goes. */
static void drop_linked_sections(const pith_tree *t, pith_scratch *s,
                                 uint32_t from, uint32_t end) {
  uint32_t h = 0;
  uint64_t text = 0, link = 0;
  for (uint32_t i = from; i <= end; i++) {
    int kept = i < end && (s->flags[i] & PITH_X_BLOCK) &&
               !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP)) && s->own[i];
    unsigned tag = kept ? t->nodes[i].tag : 0;
    if (i == end || (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)) {
      if (h && link && link * 3 >= text)
        for (uint32_t j = h; j < i; j++)
          if ((s->flags[j] & PITH_X_BLOCK) &&
              !(s->flags[j] & (PITH_X_REMOVED | PITH_X_DROP)) && s->own[j]) {
            s->flags[j] |= PITH_X_DROP;
            note(s, j, PITH_R_AFTER_ARTICLE);
          }
      h = i;
      text = link = 0;
    } else if (kept) {
      text += s->own[i];
      link += linked_text(t, s, i);
    }
  }
}

/* The end of an article without a core: its paragraphs sit side by side
 * with the boxes of the page's layout (a flat row of components), so no
 * one element holds its prose.  Its paragraphs are of the page's
 * paragraph tag (par_tag).  When paragraphs of prose hold at least
 * half of the selection's text, the article ends at the last of them;
 * after it, only plain text stays (preformatted text, or a block of
 * TAIL_PLAIN visible bytes with under a quarter in links, plain list
 * items and tables, and a heading over such text): the headings, short
 * lines and linked lists there title and fill boxes of other pages.  A
 * block that is mostly worded links (headlines, however long) counts as
 * linked here.  A short paragraph without links beside the last one (in
 * the same element) is the article's own closing line ("See you
 * tomorrow."), unless it ends in a colon: a label of what follows.  A
 * section there that is a third linked headlines goes whole
 * (drop_linked_sections). */
static void trim_after_prose(const pith_tree *t, pith_scratch *s, uint32_t root,
                             uint32_t end) {
  uint64_t prose = 0, all = 0;
  uint32_t last = 0;
  unsigned par = par_tag(t, s, root, end);
  for (uint32_t i = root; i < end; i++) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)))
      continue;
    all += s->own[i];
    if (is_prose_par(t, s, i, par)) {
      prose += s->own[i];
      last = i;
    }
  }
  if (!last || prose * 100 < all * ARTICLE_PROSE_PCT)
    return;
  uint32_t from = subtree_end(t, last);
  drop_linked_sections(t, s, from, end);
  /* Backwards, so that a heading over plain text stays with it. */
  int next_plain = 0;
  for (uint32_t i = end; i-- > from;) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)) ||
        !s->own[i])
      continue;
    unsigned tag = t->nodes[i].tag;
    /* Here a long link is a link too: a block that is mostly one
     * headline of another story is not the article's text. */
    uint32_t own = s->own[i], link = linked_text(t, s, i);
    int plain;
    if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)
      plain = next_plain && !link;
    else
      plain =
          tag == PITH_TAG_PRE || (tag == PITH_TAG_LI && !link) ||
          in_table(t, i, root) || (own >= TAIL_PLAIN && link * 4 < own) ||
          (tag == par && !link && t->nodes[i].parent == t->nodes[last].parent &&
           last_char(t, i) != ':');
    next_plain = plain;
    if (!plain) {
      s->flags[i] |= PITH_X_DROP;
      note(s, i, PITH_R_AFTER_ARTICLE);
    }
  }
}

/* Links that end the article's own element: the last blocks of [from,
 * to) that are each mostly the words of links to other pages (headlines
 * of other stories under a "Read more:" label), with the heading or label
 * line just above them, are not the article. */
static void trim_linked_end(const pith_tree *t, pith_scratch *s, uint32_t root,
                            uint32_t from, uint32_t to) {
  unsigned run = 0;
  uint32_t first = to;
  for (uint32_t i = to; i-- > from;) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)) ||
        !s->own[i])
      continue;
    uint32_t own = s->own[i];
    unsigned tag = t->nodes[i].tag;
    if (s->rawlink[i] * 2 > own && !in_table(t, i, root) &&
        worded_links(t, s, i) * 2 > own) {
      run++;
      first = i;
      continue;
    }
    if (run && own <= BOX_LABEL_MAX && !s->ownlink[i] &&
        ((tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6) || title_like(t, i)))
      first = i;
    break;
  }
  if (!run)
    return;
  for (uint32_t i = first; i < to; i++) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)) ||
        !s->own[i])
      continue;
    s->flags[i] |= PITH_X_DROP;
    note(s, i, PITH_R_AFTER_ARTICLE);
  }
}

/* The end of the article.  Inside the selected element, the article's own
 * prose usually sits in one descendant (the "core": the deepest element
 * holding nearly all of the kept prose); what follows the core inside the
 * selection - lists of other stories, tags, share and promo boxes, author
 * boxes - is not the article unless it is prose itself: a paragraph of
 * real length with few links.  Nor are linked headlines that end the core
 * (trim_linked_end).  Precision mode drops everything after the core.  s->score
 * is reused for the kept prose of each subtree. */
void pith__trim_tail(const pith_tree *t, pith_scratch *s, uint32_t root,
                     unsigned opts) {
  uint32_t end = subtree_end(t, root);
  for (uint32_t i = root; i < end; i++)
    s->score[i] = 0;
  for (uint32_t i = end; i-- > root;) {
    uint16_t f = s->flags[i];
    if ((f & PITH_X_BLOCK) && !(f & (PITH_X_REMOVED | PITH_X_DROP))) {
      float w = block_weight(t, s, i, 0);
      if (w > 0)
        s->score[i] += w;
    }
    if (i > root && !(f & PITH_X_REMOVED))
      s->score[t->nodes[i].parent] += s->score[i];
  }
  float all = s->score[root];
  if (all <= 0)
    return;
  uint32_t core = root;
  for (;;) {
    uint32_t next = 0;
    for (uint32_t c = t->nodes[core].first; c; c = t->nodes[c].next)
      if (!(s->flags[c] & PITH_X_REMOVED) &&
          s->score[c] >= s->score[core] * CORE_SHARE) {
        next = c;
        break;
      }
    if (!next || t->nodes[next].tag == PITH_TAG_TEXT ||
        ((s->flags[next] & PITH_X_BLOCK) && !t->nodes[next].first))
      break;
    core = next;
  }
  if (core == root) {
    trim_after_prose(t, s, root, end);
    return;
  }
  uint32_t core_end = subtree_end(t, core);
  trim_linked_end(t, s, root, core, core_end);
  int ended = !!(opts & PITH_XOPT_PRECISION);
  for (uint32_t i = core_end; i < end; i++) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & PITH_X_REMOVED) || !s->own[i])
      continue;
    /* The first block after the core that is not prose ends the
     * article: a box of teasers may hold prose-like summaries. */
    int prose =
        !ended && !(f & PITH_X_DROP) && is_prose_par(t, s, i, PITH_TAG_P);
    if (!prose)
      ended = 1;
    if (!prose && !(f & PITH_X_DROP)) {
      s->flags[i] |= PITH_X_DROP;
      note(s, i, PITH_R_AFTER_ARTICLE);
    }
  }
}

/* Calls to the reader that close an article: subscribe to a newsletter,
 * support or join the publication, write to the editor.  Stems of such
 * calls in the languages of the web's larger news markets, compared with
 * the block's text folded to lower case (ASCII; other bytes as they are).
 * A stem must name the call, not its topic: "newsletter" alone is a
 * call, "support" alone is not. */
static const char *const appeal_stems[] = {
    "newsletter",
    "subscribe",
    "sign up",
    "signing up",
    "support our",
    "support us",
    "supporting our",
    "become a member",
    "letter to the editor",
    "abonnier",
    "abonnez",
    "unterstütze",
    "unterstützen sie",
    "werden sie mitglied",
    "suscríbete",
    "suscribirse",
    "iscriviti",
    "zapisz się",
    "subskrypcj",
    "assine",
};

static int is_appeal(const pith_tree *t, uint32_t b) {
  char w[APPEAL_MAX + 1];
  size_t k = 0;
  text_walk tw;
  text_start(&tw, b);
  for (uint32_t c; (c = text_next(&tw, t));) {
    const char *x = pith__text(t, c);
    for (uint32_t i = 0; i < t->nodes[c].len; i++) {
      if (k == APPEAL_MAX)
        return 0;
      w[k++] = (char)lower((unsigned char)x[i]);
    }
  }
  if (tw.capped)
    return 0;
  w[k] = '\0';
  for (size_t j = 0; j < sizeof appeal_stems / sizeof *appeal_stems; j++)
    if (strstr(w, appeal_stems[j]))
      return 1;
  return 0;
}

/* The last blocks kept in root, when each is a short call to the reader
 * (is_appeal) with a link to answer it, close the page's text but are not
 * the article. */
void pith__drop_appeals(const pith_tree *t, pith_scratch *s, uint32_t root) {
  uint32_t end = subtree_end(t, root);
  for (uint32_t i = end; i-- > root;) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)) ||
        !s->own[i])
      continue;
    if (s->raw[i] > APPEAL_MAX || !s->rawlink[i] || !is_appeal(t, i))
      return;
    s->flags[i] |= PITH_X_DROP;
    note(s, i, PITH_R_APPEAL);
  }
}
