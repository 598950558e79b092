/* SPDX-License-Identifier: MIT */
/*
 * extract.c - prune, score and select the main content.
 *
 * The method, in linear passes over the node array (nodes are stored in
 * document pre-order, so a parent always comes before its children):
 *
 *  1. measure (reverse pass): the visible text under every node, and how
 *     much of it sits inside links;
 *  2. prune (forward pass): mark what readers never see or what is
 *     boilerplate by its semantics (nav, aside, footer, roles, hidden
 *     elements, the class/id vocabulary in vocab.c, forms with inputs) -
 *     unless the element holds most of the page's prose, which protects
 *     wrappers with unlucky names;
 *  3. score: every block-level element that owns text gets a weight:
 *     positive for prose (its non-link text, more for paragraphs and inside
 *     content containers), negative for link lists, reduced inside
 *     probably-boilerplate containers; subtree sums are computed in a
 *     reverse pass;
 *  4. select: the node with the largest subtree sum is the main content -
 *     the maximum-weight subtree includes prose and stops where adding a
 *     neighbour would add more boilerplate than prose;
 *  5. filter: inside the chosen node, link-dense blocks, comment sections
 *     and small boilerplate blocks are dropped.
 *  Two fallbacks: selection runs again without the soft penalties when the
 *  first choice holds under half of the page's prose (forum pages, where
 *  the content itself carries "comment" and "reply" classes); and when
 *  nothing scores as prose, or the choice is only a couple of sentences
 *  on a page with much more text, the whole visible body is the content
 *  (product grids, pages of short lines).
 */
#include "extract.h"

#include <string.h>

#include "chars.h"
#include "datetext.h"
#include "explain.h"
#include "vocab.h"

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
/* A card of another story holds at most this much visible text; cards
 * are the content when they hold a third of the selection's text. */
#define CARD_MAX 400
#define CARD_SHARE 6
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

void pith__scratch_free(pith_scratch *s) {
  pith__free(s->flags);
  pith__free(s->owner);
  pith__free(s->raw);
  pith__free(s->rawlink);
  pith__free(s->own);
  pith__free(s->ownlink);
  pith__free(s->score);
  pith__free(s->anchor);
  pith__free(s->why);
  memset(s, 0, sizeof *s);
}

static int scratch_reserve(pith_scratch *s, uint32_t n) {
  if (n <= s->cap)
    return 0;
  uint32_t cap = s->cap ? s->cap : 4096;
  while (cap < n)
    cap = cap > UINT32_MAX / 2 ? n : cap * 2;
  pith_scratch ns;
  memset(&ns, 0, sizeof ns);
  ns.flags = pith__malloc(cap * sizeof *ns.flags);
  ns.owner = pith__malloc(cap * sizeof *ns.owner);
  ns.raw = pith__malloc(cap * sizeof *ns.raw);
  ns.rawlink = pith__malloc(cap * sizeof *ns.rawlink);
  ns.own = pith__malloc(cap * sizeof *ns.own);
  ns.ownlink = pith__malloc(cap * sizeof *ns.ownlink);
  ns.score = pith__malloc(cap * sizeof *ns.score);
  ns.anchor = pith__malloc(cap * sizeof *ns.anchor);
  ns.cap = cap;
  if (!ns.flags || !ns.owner || !ns.raw || !ns.rawlink || !ns.own ||
      !ns.ownlink || !ns.score || !ns.anchor) {
    pith__scratch_free(&ns);
    return -1;
  }
  ns.clock = s->clock;
  ns.why = s->why; /* kept: it has a capacity of its own */
  ns.whycap = s->whycap;
  s->why = NULL;
  pith__scratch_free(s);
  *s = ns;
  return 0;
}

/* The trace's reason array, for n nodes. */
static int why_reserve(pith_scratch *s, uint32_t n) {
  if (n > s->whycap) {
    uint8_t *w = pith__malloc(n);
    if (!w)
      return -1;
    pith__free(s->why);
    s->why = w;
    s->whycap = n;
  }
  memset(s->why, 0, n);
  return 0;
}

/* Record reason r for node n when the trace is on. */
static inline void note(pith_scratch *s, uint32_t n, unsigned r) {
  if (s->explain && !s->why[n])
    s->why[n] = (uint8_t)r;
}

/* Visible length of a text run: bytes that are not ASCII white space. */
static uint32_t visible_len(const char *s, uint32_t n) {
  uint32_t k = 0;
  for (uint32_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    k += !is_html_sp(c);
  }
  return k;
}

static int attr_is(const pith_tree *t, uint32_t n, unsigned id,
                   const char *val) {
  size_t len, vl = strlen(val), k;
  const char *v = pith__attr(t, n, id, &len), *tok;
  pith_vocab_iter it;
  /* Case-insensitive match of any space-separated token. */
  pith__vocab_iter_init(&it, v, len);
  while (pith__vocab_next_token(&it, &tok, &k)) {
    if (k != vl)
      continue;
    size_t j = 0;
    while (j < vl && lower((unsigned char)tok[j]) == val[j])
      j++;
    if (j == vl)
      return 1;
  }
  return 0;
}

/* The rules (PITH_VB_*) of the tokens of attribute id of node n: its
 * role, itemprop or rel words. */
static uint32_t attr_rules(const pith_tree *t, uint32_t n, unsigned id) {
  size_t len;
  const char *v = pith__attr(t, n, id, &len);
  return v ? pith__vocab_token_rules(v, len) : 0;
}

/* ARIA roles of boilerplate landmarks and widgets. */
static int role_is_boilerplate(const pith_tree *t, uint32_t n) {
  return (attr_rules(t, n, PITH_ATTR_ROLE) & PITH_VB_ROLE_BOILERPLATE) != 0;
}

/* Is this element the page's declared main content container? */
static int is_main_marker(const pith_tree *t, uint32_t n) {
  unsigned tag = t->nodes[n].tag;
  if (tag == PITH_TAG_MAIN || tag == PITH_TAG_ARTICLE)
    return 1;
  return (attr_rules(t, n, PITH_ATTR_ROLE) & PITH_VB_ROLE_MAIN) ||
         (attr_rules(t, n, PITH_ATTR_ITEMPROP) & PITH_VB_ITEMPROP_MAIN);
}

/* React's streaming server rendering sends late parts of a page as
 * <div hidden id="S:N"> at the end of the body, and a script moves each
 * into its place at once: readers see them, so they are not hidden. */
static int is_streamed_segment(const pith_tree *t, uint32_t n) {
  size_t len;
  const char *id = pith__attr(t, n, PITH_ATTR_ID, &len);
  return t->nodes[n].tag == PITH_TAG_DIV && id && len > 2 && id[0] == 'S' &&
         id[1] == ':' && pith__attr(t, n, PITH_ATTR_HIDDEN, NULL);
}

/* A panel that a reader opens with a click - an accordion's or a tab's
 * (role tabpanel or region, or a class word of one) - is content even
 * while hidden. */
static int is_disclosure(const pith_tree *t, uint32_t n, unsigned v) {
  return (v & PITH_VOCAB_DISCLOSURE) ||
         (attr_rules(t, n, PITH_ATTR_ROLE) & PITH_VB_ROLE_DISCLOSURE);
}

/* Bits the class and id attributes give. */
static unsigned vocab_of(const pith_tree *t, uint32_t n) {
  unsigned bits = 0;
  size_t len;
  const char *v = pith__attr(t, n, PITH_ATTR_CLASS, &len);
  if (v)
    bits |= pith__vocab_classify(v, len);
  v = pith__attr(t, n, PITH_ATTR_ID, &len);
  if (v)
    bits |= pith__vocab_classify(v, len);
  return bits;
}

/* Is n an element of prose (mostly text, not links) whose class names
 * boilerplate? */
static int prose_with_boiler_class(const pith_tree *t, const pith_scratch *s,
                                   uint32_t n) {
  const pith_node *nd = &t->nodes[n];
  if (nd->tag == PITH_TAG_TEXT || (pith__tag_kind(nd->tag) & PITH_KIND_SKIP) ||
      (nd->flags & PITH_NF_HIDDEN) || s->rawlink[n] * 2 >= s->raw[n])
    return 0;
  size_t len;
  const char *v = pith__attr(t, n, PITH_ATTR_CLASS, &len);
  return v && (pith__vocab_classify(v, len) & PITH_VOCAB_HARD);
}

/* Sections of one article that a theme classes like boilerplate
 * ("nav-section" for each topic of a long guide, "nav-source" for the
 * targets of an in-page menu): when two or more children of n do, and
 * together they hold half the page's text, they are the article. */
static void protect_sections(const pith_tree *t, const pith_scratch *s,
                             uint32_t n, uint32_t total, uint8_t *protect) {
  if ((uint64_t)s->raw[n] * 2 < total)
    return; /* the sections are inside n */
  uint64_t sum = 0;
  unsigned count = 0;
  for (uint32_t c = t->nodes[n].first; c; c = t->nodes[c].next)
    if (prose_with_boiler_class(t, s, c)) {
      sum += s->raw[c];
      count++;
    }
  if (count < 2 || sum * 2 < total)
    return;
  for (uint32_t c = t->nodes[n].first; c; c = t->nodes[c].next)
    if (prose_with_boiler_class(t, s, c))
      protect[c] = 1;
  protect[n] = 1;
}

/* Is a form one a reader fills in (comments, search, login, newsletter)
 * rather than a page-wide wrapper (ASP.NET wraps whole pages in one)?  It
 * has a field to type into and is not most of the page. */
static int form_is_widget(const pith_tree *t, const pith_scratch *s, uint32_t n,
                          uint32_t total) {
  if (s->raw[n] * 2 >= total && s->raw[n] >= FORM_WRAPPER_MIN)
    return 0;
  for (uint32_t i = n; i; i = pith__next_node(t, n, i, 0)) {
    unsigned tag = t->nodes[i].tag;
    if (tag == PITH_TAG_TEXTAREA || tag == PITH_TAG_SELECT)
      return 1;
    if (tag == PITH_TAG_INPUT && !attr_is(t, i, PITH_ATTR_TYPE, "hidden"))
      return 1;
  }
  return 0;
}

static void measure(const pith_tree *t, pith_scratch *s) {
  uint32_t nn = t->nnodes;
  memset(s->raw, 0, nn * sizeof *s->raw);
  memset(s->rawlink, 0, nn * sizeof *s->rawlink);
  for (uint32_t i = nn; i-- > 1;) {
    const pith_node *nd = &t->nodes[i];
    if (nd->tag == PITH_TAG_TEXT) {
      /* The title and JSON-LD keep their text for metadata only. */
      if (t->nodes[nd->parent].flags & PITH_NF_KEEPTEXT)
        continue;
      s->raw[i] = visible_len(pith__text(t, i), nd->len);
    } else if (nd->tag == PITH_TAG_A) {
      s->rawlink[i] = s->raw[i];
    }
    s->raw[nd->parent] += s->raw[i];
    s->rawlink[nd->parent] += s->rawlink[i];
  }
}

/* Forward pass: removal and context flags. */
static void prune(const pith_tree *t, pith_scratch *s, unsigned opts,
                  uint32_t total, const uint8_t *protect) {
  uint32_t nn = t->nnodes;
  s->flags[0] = 0;
  for (uint32_t i = 1; i < nn; i++) {
    const pith_node *nd = &t->nodes[i];
    uint16_t f = s->flags[nd->parent] &
                 (PITH_X_REMOVED | PITH_X_LINK | PITH_X_SOFT | PITH_X_COMMENT |
                  PITH_X_GOOD | PITH_X_BYLINE | PITH_X_CAPTION);
    unsigned tag = nd->tag;
    if (tag == PITH_TAG_TEXT || f & PITH_X_REMOVED) {
      s->flags[i] = f;
      continue;
    }
    unsigned kind = pith__tag_kind(tag);
    int remove = 0, soft_remove = 0;
    unsigned r = PITH_R_NONE; /* the first rule that fired, for the trace */
    if (kind & PITH_KIND_SKIP)
      soft_remove = 1, r = PITH_R_TAG;
    if (tag == PITH_TAG_SCRIPT || tag == PITH_TAG_STYLE ||
        tag == PITH_TAG_TITLE || tag == PITH_TAG_TEMPLATE ||
        tag == PITH_TAG_HEAD || tag == PITH_TAG_SVG || tag == PITH_TAG_MATH)
      remove = 1, r = PITH_R_TAG;
    /* Hidden elements go, unless one holds most of the page's prose: then
     * it is content that a script reveals (lazy sections, streamed
     * rendering), which readers do see. */
    /* Page-level classes describe the whole layout ("fixed-nav-bar"). */
    unsigned v =
        (tag == PITH_TAG_BODY || tag == PITH_TAG_HTML) ? 0 : vocab_of(t, i);
    if ((nd->flags & PITH_NF_HIDDEN) && !(opts & PITH_XOPT_KEEP_HIDDEN) &&
        !is_streamed_segment(t, i) && !is_disclosure(t, i, v)) {
      soft_remove = 1;
      r = r ? r : PITH_R_HIDDEN;
    }
    if ((v & PITH_VOCAB_HIDDEN) && !(opts & PITH_XOPT_KEEP_HIDDEN)) {
      soft_remove = 1;
      r = r ? r : PITH_R_HIDDEN_CLASS;
    }
    switch (tag) {
    case PITH_TAG_NAV:
    case PITH_TAG_ASIDE:
    case PITH_TAG_FOOTER:
    case PITH_TAG_DIALOG:
    case PITH_TAG_MENU:
      soft_remove = 1;
      r = r ? r : PITH_R_TAG;
      break;
    case PITH_TAG_FORM:
      /* A page-wide form is not removed, even when hidden. */
      soft_remove = form_is_widget(t, s, i, total);
      if (soft_remove)
        r = r ? r : PITH_R_FORM;
      break;
    case PITH_TAG_A:
      f |= PITH_X_LINK;
      break;
    case PITH_TAG_FIGCAPTION:
      remove = 1;
      r = r ? r : PITH_R_TAG;
      break;
    default:
      break;
    }
    if (role_is_boilerplate(t, i)) {
      soft_remove = 1;
      r = r ? r : PITH_R_ROLE;
    }
    if (v & PITH_VOCAB_HARD) {
      soft_remove = 1;
      r = r ? r : PITH_R_CLASS_WORD;
    }
    /* A container with most of the page's prose is not boilerplate,
     * whatever its name. */
    if (soft_remove && !protect[i])
      remove = 1;
    if (v & PITH_VOCAB_SOFT)
      f |= PITH_X_SOFT;
    if (v & PITH_VOCAB_COMMENT)
      f |= PITH_X_COMMENT;
    if (v & PITH_VOCAB_BYLINE)
      f |= PITH_X_BYLINE;
    if (v & PITH_VOCAB_CAPTION)
      f |= PITH_X_CAPTION;
    if ((v & PITH_VOCAB_GOOD) || is_main_marker(t, i))
      f |= PITH_X_GOOD;
    if (remove) {
      f |= PITH_X_REMOVED;
      note(s, i, r);
    }
    if (kind & PITH_KIND_BLOCK)
      f |= PITH_X_BLOCK;
    s->flags[i] = f;
  }
}

/* Forward pass: the block that owns each text node, and own text sums. */
static void own_text(const pith_tree *t, pith_scratch *s) {
  uint32_t nn = t->nnodes;
  memset(s->own, 0, nn * sizeof *s->own);
  memset(s->ownlink, 0, nn * sizeof *s->ownlink);
  s->owner[0] = 0;
  s->anchor[0] = 0;
  for (uint32_t i = 1; i < nn; i++) {
    const pith_node *nd = &t->nodes[i];
    uint16_t f = s->flags[i];
    s->owner[i] = (f & PITH_X_BLOCK) ? i : s->owner[nd->parent];
    s->anchor[i] = nd->tag == PITH_TAG_A ? i : s->anchor[nd->parent];
    if (nd->tag != PITH_TAG_TEXT || (f & PITH_X_REMOVED))
      continue;
    uint32_t o = s->owner[i];
    s->own[o] += s->raw[i];
    /* Only short anchors are navigation.  A link wrapped around a whole
     * teaser (headline and summary) reads as text. */
    if ((f & PITH_X_LINK) && s->raw[s->anchor[i]] < LONG_ANCHOR)
      s->ownlink[o] += s->raw[i];
  }
}

/* The weight of one text block. */
static float block_weight(const pith_tree *t, const pith_scratch *s, uint32_t b,
                          int soft_penalty) {
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

float pith__block_weight(const pith_tree *t, const pith_scratch *s,
                         uint32_t b) {
  return (s->flags[b] & PITH_X_BLOCK) ? block_weight(t, s, b, 0) : 0;
}

/* Score every node and return the best one (0 if none is positive). */
static uint32_t select_best(const pith_tree *t, pith_scratch *s,
                            int soft_penalty) {
  uint32_t nn = t->nnodes;
  for (uint32_t i = 0; i < nn; i++)
    s->score[i] = 0;
  for (uint32_t i = nn; i-- > 1;) {
    uint16_t f = s->flags[i];
    if (f & PITH_X_REMOVED)
      continue;
    if (f & PITH_X_BLOCK)
      s->score[i] += block_weight(t, s, i, soft_penalty);
    s->score[t->nodes[i].parent] += s->score[i];
  }
  uint32_t best = 0;
  float bs = 0;
  /* Pre-order and ">=": on a tie the deeper node wins. */
  for (uint32_t i = 1; i < nn; i++) {
    if (t->nodes[i].tag == PITH_TAG_TEXT || (s->flags[i] & PITH_X_REMOVED))
      continue;
    if (s->score[i] >= bs && s->score[i] > 0) {
      bs = s->score[i];
      best = i;
    }
  }
  return best;
}

/* Positive (prose) weight inside a subtree, without soft penalties. */
static float prose_in(const pith_tree *t, const pith_scratch *s,
                      uint32_t root) {
  float sum = 0;
  uint32_t i = root;
  while (i) {
    uint16_t f = s->flags[i];
    if (f & PITH_X_REMOVED) {
      i = pith__next_node(t, root, i, 1);
      continue;
    }
    if (f & PITH_X_BLOCK) {
      float w = block_weight(t, s, i, 0);
      if (w > 0)
        sum += w;
    }
    i = pith__next_node(t, root, i, 0);
  }
  return sum;
}

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

static uint32_t subtree_end(const pith_tree *t, uint32_t n);
static int is_prose_par(const pith_tree *t, const pith_scratch *s, uint32_t i);

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

/* Cards of other stories inside the selection (a heading that links
 * elsewhere, a summary, a date) go, unless the cards are the page: a
 * listing's index of stories.  Cards after the last paragraph of an
 * article do not count towards that. */
static void drop_cards(const pith_tree *t, pith_scratch *s, uint32_t root) {
  uint32_t end = subtree_end(t, root);
  uint64_t in_cards = 0;
  /* The article's prose: its paragraphs, and where the last one ends.
   * Cards after an article of PROSE_PAGE or more are not the page. */
  uint64_t prose = 0;
  uint32_t after = end;
  for (uint32_t i = root; i < end; i++)
    if ((s->flags[i] & PITH_X_BLOCK) &&
        !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP)) &&
        is_prose_par(t, s, i)) {
      prose += s->own[i];
      after = subtree_end(t, i);
    }
  if (prose < PROSE_PAGE)
    after = end;
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
    /* A page of cards: they are its content. */
    if (pass == 0 && in_cards * CARD_SHARE >= s->raw[root])
      return;
  }
}

/* The index just past the subtree of n (nn when it runs to the end):
 * pre-order numbering makes every subtree a contiguous range. */
static uint32_t subtree_end(const pith_tree *t, uint32_t n) {
  uint32_t e = pith__next_node(t, 0, n, 1);
  return e ? e : t->nnodes;
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
static void filter(const pith_tree *t, pith_scratch *s, uint32_t root,
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
  for (uint32_t j = root; j < end; j++)
    if ((s->flags[j] & PITH_X_BLOCK) && !(s->flags[j] & PITH_X_REMOVED) &&
        s->own[j]) {
      float w = block_weight(t, s, j, 0);
      if (w > 0)
        last_prose = j;
      if (w >= PROSE_PARA * W_PARAGRAPH)
        has_paragraph = 1;
    }
  uint64_t para = 0, all = 0;
  for (uint32_t j = root; j < end; j++)
    if ((s->flags[j] & PITH_X_BLOCK) && !(s->flags[j] & PITH_X_REMOVED)) {
      all += s->own[j];
      if (is_text_markup(t->nodes[j].tag))
        para += s->own[j];
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
          is_bare_text(t, i, root))
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

/* Does the own text of block b end like a title of what follows: no
 * sentence end, or a colon or question mark? */
static int title_like(const pith_tree *t, uint32_t b) {
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
  return last && last != '.' && last != '!' && last != ')' && last != '"';
}

/* A short line that titles a box ("More on this:", "Don't miss") whose
 * content the rules above dropped is part of the box: it goes too.  The
 * blocks in order are read off the text nodes of root. */
static void drop_box_labels(const pith_tree *t, pith_scratch *s,
                            uint32_t root) {
  /* On a page of links (an index, a listing), the titles of its lists
   * are its content. */
  if ((uint64_t)s->rawlink[root] * LINK_INDEX_DEN > s->raw[root])
    return;
  uint32_t end = subtree_end(t, root);
  uint32_t prev = 0; /* the last kept short block, waiting for its next */
  uint32_t cur = 0;
  for (uint32_t i = root; i < end; i++) {
    if (t->nodes[i].tag != PITH_TAG_TEXT || !s->raw[i] ||
        (t->nodes[t->nodes[i].parent].flags & PITH_NF_KEEPTEXT))
      continue;
    uint32_t o = s->owner[i];
    if (o == cur)
      continue;
    cur = o;
    int kept = !(s->flags[i] & PITH_X_REMOVED) && !(s->flags[o] & PITH_X_DROP);
    /* What the label titles is a box with some text, not a button. */
    if (prev && !kept && s->raw[o] >= BOX_LABEL_MAX) {
      s->flags[prev] |= PITH_X_DROP;
      note(s, prev, PITH_R_BOX_LABEL);
    }
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
static uint32_t find_lead(const pith_tree *t, const pith_scratch *s,
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
    if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)
      return 0;
    uint32_t own = s->own[i], link = s->ownlink[i];
    if ((tag == PITH_TAG_P || tag == PITH_TAG_DIV) && own - link >= LEAD_MIN &&
        link * LINK_PROSE_DEN < own && !(f & (PITH_X_BYLINE | PITH_X_COMMENT)))
      return i;
    if (++passed > 2 || own > LEAD_MIN * 2)
      return 0;
  }
  return 0;
}

/* Is block i a paragraph of prose: a <p> of real length with few links? */
static int is_prose_par(const pith_tree *t, const pith_scratch *s, uint32_t i) {
  return t->nodes[i].tag == PITH_TAG_P &&
         block_weight(t, s, i, 0) >= TAIL_PROSE;
}

/* Is node i inside a table below root? */
static int in_table(const pith_tree *t, uint32_t i, uint32_t root) {
  for (uint32_t a = t->nodes[i].parent; a && a != root; a = t->nodes[a].parent)
    if (t->nodes[a].tag == PITH_TAG_TABLE)
      return 1;
  return 0;
}

/* The end of an article without a core: its paragraphs sit side by side
 * with the boxes of the page's layout (a flat row of components), so no
 * one element holds its prose.  When paragraphs of prose hold at least
 * half of the selection's text, the article ends at the last of them;
 * after it, only plain text stays (preformatted text, or a block of
 * TAIL_PLAIN visible bytes with under a quarter in links, plain list
 * items and tables, and a heading over such text): the headings, short
 * lines and linked lists there title and fill boxes of other pages. */
static void trim_after_prose(const pith_tree *t, pith_scratch *s, uint32_t root,
                             uint32_t end) {
  uint64_t prose = 0, all = 0;
  uint32_t last = 0;
  for (uint32_t i = root; i < end; i++) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)))
      continue;
    all += s->own[i];
    if (is_prose_par(t, s, i)) {
      prose += s->own[i];
      last = i;
    }
  }
  if (!last || prose * 100 < all * ARTICLE_PROSE_PCT)
    return;
  /* Backwards, so that a heading over plain text stays with it. */
  uint32_t from = subtree_end(t, last);
  int next_plain = 0;
  for (uint32_t i = end; i-- > from;) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & (PITH_X_REMOVED | PITH_X_DROP)) ||
        !s->own[i])
      continue;
    unsigned tag = t->nodes[i].tag;
    uint32_t own = s->own[i], link = s->ownlink[i];
    int plain;
    if (tag >= PITH_TAG_H1 && tag <= PITH_TAG_H6)
      plain = next_plain && !link;
    else
      plain = tag == PITH_TAG_PRE || (tag == PITH_TAG_LI && !link) ||
              in_table(t, i, root) || (own >= TAIL_PLAIN && link * 4 < own);
    next_plain = plain;
    if (!plain) {
      s->flags[i] |= PITH_X_DROP;
      note(s, i, PITH_R_AFTER_ARTICLE);
    }
  }
}

/* The end of the article.  Inside the selected element, the article's own
 * prose usually sits in one descendant (the "core": the deepest element
 * holding nearly all of the kept prose); what follows the core inside the
 * selection - lists of other stories, tags, share and promo boxes, author
 * boxes - is not the article unless it is prose itself: a paragraph of
 * real length with few links.  Precision mode drops everything after the
 * core.  s->score is reused for the kept prose of each subtree. */
static void trim_tail(const pith_tree *t, pith_scratch *s, uint32_t root,
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
  int ended = !!(opts & PITH_XOPT_PRECISION);
  for (uint32_t i = core_end; i < end; i++) {
    uint16_t f = s->flags[i];
    if (!(f & PITH_X_BLOCK) || (f & PITH_X_REMOVED) || !s->own[i])
      continue;
    /* The first block after the core that is not prose ends the
     * article: a box of teasers may hold prose-like summaries. */
    int prose = !ended && !(f & PITH_X_DROP) && is_prose_par(t, s, i);
    if (!prose)
      ended = 1;
    if (!prose && !(f & PITH_X_DROP)) {
      s->flags[i] |= PITH_X_DROP;
      note(s, i, PITH_R_AFTER_ARTICLE);
    }
  }
}

/* Is node i inside an <a>? */
static int in_link(const pith_tree *t, uint32_t i) {
  for (uint32_t a = t->nodes[i].parent; a; a = t->nodes[a].parent)
    if (t->nodes[a].tag == PITH_TAG_A)
      return 1;
  return 0;
}

/* The page's prose, blind to class names, into prose[] (per node, summed
 * over its subtree): the non-link text of paragraphs of a sentence or
 * more that are not mostly links; with `runs`, the runs of text of a
 * sentence or more outside links, wherever they sit. */
static void prose_runs(const pith_tree *t, const pith_scratch *s,
                       uint32_t *prose, int runs) {
  uint32_t nn = t->nnodes;
  memset(prose, 0, nn * sizeof *prose);
  for (uint32_t i = nn; i-- > 1;) {
    unsigned tag = t->nodes[i].tag;
    if (runs ? (tag == PITH_TAG_TEXT && s->raw[i] >= PROSE_PARA &&
                !in_link(t, i))
             : (tag == PITH_TAG_P && s->raw[i] >= PROSE_PARA &&
                s->rawlink[i] * LINK_PROSE_DEN < s->raw[i]))
      prose[i] = s->raw[i] - s->rawlink[i];
    prose[t->nodes[i].parent] += prose[i];
  }
}

/* The safety net.  The class-blind estimate of the article: the deepest
 * element holding most of the page's prose (prose[], before pruning), on
 * a page with a few hundred words of it; 0 when the page has too little. */
static uint32_t prose_core(const pith_tree *t, const uint32_t *prose,
                           uint32_t body) {
  if (!body || prose[body] < NET_PROSE)
    return 0;
  uint32_t core = body;
  for (;;) {
    uint32_t next = 0;
    for (uint32_t c = t->nodes[core].first; c; c = t->nodes[c].next)
      if (!(t->nodes[c].flags & PITH_NF_HIDDEN) &&
          (uint64_t)prose[c] * 10 >= (uint64_t)prose[core] * NET_SHARE10) {
        next = c;
        break;
      }
    if (!next)
      return core;
    core = next;
  }
}

/* Visible text of the blocks kept inside root (and the lead). */
static uint64_t kept_len(const pith_tree *t, const pith_scratch *s,
                         uint32_t root) {
  uint64_t k = 0;
  for (int pass = 0; pass < 2; pass++) {
    uint32_t r = pass ? s->lead : root;
    if (!r)
      continue;
    uint32_t end = subtree_end(t, r);
    for (uint32_t i = r; i < end; i++)
      if ((s->flags[i] & PITH_X_BLOCK) &&
          !(s->flags[i] & (PITH_X_REMOVED | PITH_X_DROP)))
        k += s->own[i];
  }
  return k;
}

/* The text came out nearly empty while the page holds prose: take the
 * class-blind core instead, with every rule but hidden-by-markup and the
 * elements nobody sees lifted inside it, and filter it again.  Returns
 * the new root. */
static uint32_t prose_net(const pith_tree *t, pith_scratch *s, uint32_t net,
                          unsigned opts) {
  uint32_t end = subtree_end(t, net);
  for (uint32_t i = net; i < end; i++) {
    const pith_node *nd = &t->nodes[i];
    uint16_t f = s->flags[i] & (uint16_t) ~(PITH_X_REMOVED | PITH_X_DROP |
                                            PITH_X_SOFT | PITH_X_COMMENT);
    int gone = i > net && (s->flags[nd->parent] & PITH_X_REMOVED);
    if (nd->tag != PITH_TAG_TEXT) {
      unsigned tag = nd->tag;
      if (tag == PITH_TAG_SCRIPT || tag == PITH_TAG_STYLE ||
          tag == PITH_TAG_TEMPLATE || tag == PITH_TAG_SVG ||
          tag == PITH_TAG_MATH || (pith__tag_kind(tag) & PITH_KIND_SKIP) ||
          ((nd->flags & PITH_NF_HIDDEN) && !(opts & PITH_XOPT_KEEP_HIDDEN)))
        gone = 1;
      if (s->explain && !gone)
        s->why[i] = 0;
    }
    s->flags[i] = gone ? (uint16_t)(f | PITH_X_REMOVED) : f;
  }
  own_text(t, s);
  s->lead = 0;
  s->fallback = PITH_FALLBACK_PROSE;
  s->selected = 0;
  filter(t, s, net, opts);
  return net;
}

int pith__extract(const pith_tree *t, unsigned opts, pith_scratch *s,
                  uint32_t *root) {
  *root = 0;
  uint32_t nn = t->nnodes;
  if (nn <= 1)
    return 0;
  if (scratch_reserve(s, nn) < 0)
    return -1;
  s->explain = !!(opts & PITH_XOPT_EXPLAIN);
  s->lead = 0;
  s->fallback = PITH_FALLBACK_NONE;
  s->selected = 0; /* the scratch is reused: no score of the last page */
  if (s->explain && why_reserve(s, nn) < 0)
    return -1;
  uint32_t body = 0;
  for (uint32_t i = 1; i < nn; i++)
    if (t->nodes[i].tag == PITH_TAG_BODY) {
      body = i;
      break;
    }
  measure(t, s);
  uint32_t total = s->raw[body];

  /* Protection: containers holding most of the page's prose, and the
   * ancestors of a declared main container of real size.  `own` is free
   * until own_text() runs, so it carries the bits. */
  uint8_t *protect = (uint8_t *)s->own;
  memset(protect, 0, nn);
  /* The page's prose, blind to class names: the non-link text of
   * paragraphs of a sentence or more that are not mostly links.  `ownlink`
   * is free until own_text() too. */
  uint32_t *prose = s->ownlink;
  prose_runs(t, s, prose, 0);
  uint32_t all_prose = prose[body];
  uint32_t net = prose_core(t, prose, body);
  if (!net) {
    /* A page that writes its article without <p> (text in <div>s, lines
     * broken with <br>): for the safety net its prose is its long runs
     * of text outside links, wherever they sit.  Protection below still
     * reads the paragraphs. */
    prose_runs(t, s, prose, 1);
    net = prose_core(t, prose, body);
    prose_runs(t, s, prose, 0);
  }
  for (uint32_t i = nn; i-- > 1;) {
    const pith_node *nd = &t->nodes[i];
    if (nd->tag == PITH_TAG_TEXT)
      continue;
    protect_sections(t, s, i, total, protect);
    /* Class words are evidence, not verdicts: an element that holds most
     * of the page's prose stays, whatever its name. */
    if (!protect[i] && all_prose >= PROSE_PAGE &&
        (uint64_t)prose[i] * 2 > all_prose)
      protect[i] = 1;
    if (!protect[i] && s->raw[i] * 4 >= total && is_main_marker(t, i))
      protect[i] = 1;
    if (!protect[i] && s->raw[i] * 2 >= total && s->rawlink[i] * 2 < s->raw[i])
      protect[i] = 1;
    if (protect[i])
      protect[nd->parent] = 1;
  }
  /* prune() reads protect[] (aliasing own[]) before own_text() resets it. */
  prune(t, s, opts, total, protect);
  own_text(t, s);
  /* Out of time (clock.h): the pruned body is the answer. */
  if (pith__clock_expired(s->clock)) {
    *root = body;
    return 0;
  }

  /* A page that declares its main region once confines the search.  A
   * subtree is a contiguous range of the pre-order node array. */
  uint32_t main_node = 0, main_end = 0, nmain = 0;
  for (uint32_t i = 1; i < nn; i++) {
    if (t->nodes[i].tag == PITH_TAG_TEXT || (s->flags[i] & PITH_X_REMOVED))
      continue;
    if (main_node && i < main_end)
      continue;
    if (t->nodes[i].tag == PITH_TAG_MAIN ||
        (attr_rules(t, i, PITH_ATTR_ROLE) & PITH_VB_ROLE_MAIN)) {
      main_node = i;
      main_end = subtree_end(t, i);
      nmain++;
    }
  }
  if (nmain == 1 && s->raw[main_node] * 4 >= total) {
    for (uint32_t i = 1; i < nn; i++)
      if (i < main_node || i >= main_end)
        s->flags[i] |= PITH_X_REMOVED;
    for (uint32_t a = t->nodes[main_node].parent; a; a = t->nodes[a].parent)
      s->flags[a] &= (uint16_t)~PITH_X_REMOVED;
    /* The trace names the outermost elements left out (the children of
     * main's ancestors). */
    if (s->explain)
      for (uint32_t i = 1; i < nn; i++)
        if ((i < main_node || i >= main_end) &&
            !(s->flags[t->nodes[i].parent] & PITH_X_REMOVED))
          note(s, i, PITH_R_OUTSIDE_MAIN);
  }

  /* Recall mode selects without the soft penalties from the start. */
  uint32_t best = select_best(t, s, !(opts & PITH_XOPT_RECALL));
  if (!(opts & PITH_XOPT_NO_FALLBACK)) {
    /* Fallback: less than half of the page's prose in the first choice. */
    float all = prose_in(t, s, body);
    float got = best ? prose_in(t, s, best) : 0;
    if (all > 0 && got < all * 0.5f) {
      uint32_t alt = select_best(t, s, 0);
      if (alt) {
        best = alt;
        s->fallback = PITH_FALLBACK_NO_SOFT;
      }
    }
  }
  /* The second method, when the first found nothing that scores as prose
   * (a page of short lines, a page of links) or too little to be a page's
   * main content (a couple of sentences, and under a quarter of the
   * page's text): all the visible text of the body. */
  if (best && s->raw[best] < SMALL_CONTENT && s->raw[best] * 4 < total)
    best = 0;
  int nets = !(opts & PITH_XOPT_NO_FALLBACK);
  if (!best && nets && body && total) {
    *root = body;
    s->fallback = PITH_FALLBACK_WHOLE_BODY;
    if (net && kept_len(t, s, body) < NET_KEPT)
      *root = prose_net(t, s, net, opts);
    return 0;
  }
  if (!best)
    return 0;
  s->selected = s->score[best];
  /* Out of time (clock.h): the selection unfiltered. */
  if (pith__clock_expired(s->clock)) {
    *root = best;
    return 0;
  }
  filter(t, s, best, opts);
  drop_cards(t, s, best);
  drop_box_labels(t, s, best);
  if (!(opts & PITH_XOPT_PRECISION) && s->fallback == PITH_FALLBACK_NONE)
    s->lead = find_lead(t, s, best);
  if (!(opts & PITH_XOPT_RECALL))
    trim_tail(t, s, best, opts);
  if (nets && net && kept_len(t, s, best) < NET_KEPT)
    best = prose_net(t, s, net, opts);
  *root = best;
  return 0;
}
