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
#include <strings.h>

#include "chars.h"
#include "explain.h"
#include "extract_int.h"
#include "vocab.h"

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

/* Does element n say it is a modal dialog (aria-modal="true")? */
static int aria_modal(const pith_tree *t, uint32_t n) {
  size_t len;
  const char *v = pith__attr(t, n, PITH_ATTR_ARIA_MODAL, &len);
  return v && len == 4 && strncasecmp(v, "true", 4) == 0;
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
    /* aria-modal="true" marks a dialog as the role does (a policy or
     * sign-up window that opens over the page). */
    int modal = aria_modal(t, i);
    if (modal || role_is_boilerplate(t, i)) {
      soft_remove = 1;
      r = r ? r : PITH_R_ROLE;
    }
    if (v & PITH_VOCAB_HARD) {
      soft_remove = 1;
      r = r ? r : PITH_R_CLASS_WORD;
    }
    /* A container with most of the page's prose is not boilerplate,
     * whatever its name - unless it is a modal window: it lies over the
     * page while open, and what it holds (terms of use, a policy, a form
     * to republish the story) is not the page's text, however long. */
    if (soft_remove && (!protect[i] || modal))
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
  pith__filter(t, s, net, opts);
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
  pith__filter(t, s, best, opts);
  pith__drop_cards(t, s, best);
  pith__drop_box_labels(t, s, best);
  if (!(opts & PITH_XOPT_PRECISION) && s->fallback == PITH_FALLBACK_NONE)
    s->lead = pith__find_lead(t, s, best);
  if (!(opts & PITH_XOPT_RECALL)) {
    pith__trim_tail(t, s, best, opts);

    pith__drop_appeals(t, s, best);
  }
  if (nets && net && kept_len(t, s, best) < NET_KEPT)
    best = prose_net(t, s, net, opts);
  *root = best;
  return 0;
}
