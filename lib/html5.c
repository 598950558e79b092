/* SPDX-License-Identifier: MIT */
/*
 * html5.c - the tree builder of pith's own parser: tokens (html5_tok.c)
 * in, pith_tree out.
 *
 * It applies the WHATWG tree-construction rules that decide which text
 * sits under which element: the insertion modes from "initial" to "after
 * after body" (head and body placement, tables with their bodies, rows,
 * cells and captions, select, column groups, templates with their mode
 * stack, framesets), implied end tags (p, li, dd, dt, option, ruby's
 * parts), headings closing headings, the list of active formatting
 * elements with its reconstruction and the adoption agency algorithm for
 * misnested formatting, foster parenting of what is misplaced in a
 * table, foreign content (svg, math) with its integration points and
 * break-out tags, attributes merged from a second <html> or <body>, and
 * quirks mode from the DOCTYPE (where <table> leaves an open <p> open).
 * Left out, as they change no text: the frameset-ok flag, limited-quirks
 * details, the 2025 changes to <select> parsing.
 *
 * One deliberate difference: a noscript element ends where a browser
 * running scripts ends it (its content is raw text up to "</noscript>"),
 * and that text is then parsed as markup under it, as a reader without
 * scripts sees it, above a floor that no token inside can close or reach
 * below (noscript_fragment).  Scripting off would let a tracking
 * "<iframe/>" in a noscript swallow the page; scripting on would lose the
 * pages that put their content in noscript for readers without scripts.
 *
 * Nodes are made as the tokens come; the adoption agency and foster
 * parenting move nodes, after which one pass renumbers the array into
 * document order (tree.h promises it).  The stack of open elements is
 * capped at the depth limit: deeper start tags add nothing and their
 * text goes to the deepest open element, as in the libxml2 parse; what
 * the adoption agency nests deeper than the cap is flattened at the end.
 * The list of active formatting elements is capped too (FMT_MAX).
 */
#define _POSIX_C_SOURCE 200809L
#include "html5.h"

#include <string.h>
#include <strings.h>
#include <threads.h>

#include "alloc.h"
#include "chars.h"
#include "clock.h"

/* Entries of the list of active formatting elements kept at most (the
 * oldest go first): a page that opens formatting elements without end
 * would otherwise have each run of text reopen all of them. */
#define FMT_MAX 256
/* A node flag while parsing: the element is on the stack of open
 * elements (cleared as it leaves). */
#define NF_OPEN 0x8000u

/* ---- the elements the rules name ---------------------------------------- */

/* Element flags. */
#define F_SPECIAL 1u    /* the standard's "special" category */
#define F_FMT 2u        /* formatting: a, b, big, code, em, font, ... */
#define F_VOID 4u       /* no end tag, no content */
#define F_CLOSE_P 8u    /* its start tag closes an open p (button scope) */
#define F_IMPLIED 16u   /* closed by "generate implied end tags" */
#define F_SCOPE 32u     /* bounds the default scope */
#define F_HEADING 64u   /* h1..h6 */
#define F_TABLEISH 128u /* table, tbody, tfoot, thead, tr: foster target */

#define SP F_SPECIAL
#define FM F_FMT
#define VO F_VOID
#define CP F_CLOSE_P
#define IM F_IMPLIED
#define SC F_SCOPE
#define HD F_HEADING
#define TB F_TABLEISH
/* E(id, name, flags) */
#define H5_ELEMENTS(E)                                                         \
  E(A, "a", FM)                                                                \
  E(ADDRESS, "address", SP | CP)                                               \
  E(APPLET, "applet", SP | SC)                                                 \
  E(AREA, "area", SP | VO)                                                     \
  E(ARTICLE, "article", SP | CP)                                               \
  E(ASIDE, "aside", SP | CP)                                                   \
  E(B, "b", FM)                                                                \
  E(BASE, "base", SP | VO)                                                     \
  E(BASEFONT, "basefont", SP | VO)                                             \
  E(BGSOUND, "bgsound", SP | VO)                                               \
  E(BIG, "big", FM)                                                            \
  E(BLOCKQUOTE, "blockquote", SP | CP)                                         \
  E(BODY, "body", SP)                                                          \
  E(BR, "br", SP | VO)                                                         \
  E(BUTTON, "button", SP)                                                      \
  E(CAPTION, "caption", SP | SC)                                               \
  E(CENTER, "center", SP | CP)                                                 \
  E(CODE, "code", FM)                                                          \
  E(COL, "col", SP | VO)                                                       \
  E(COLGROUP, "colgroup", SP)                                                  \
  E(DD, "dd", SP | IM)                                                         \
  E(DETAILS, "details", SP | CP)                                               \
  E(DIALOG, "dialog", CP)                                                      \
  E(DIR, "dir", SP | CP)                                                       \
  E(DIV, "div", SP | CP)                                                       \
  E(DL, "dl", SP | CP)                                                         \
  E(DT, "dt", SP | IM)                                                         \
  E(EM, "em", FM)                                                              \
  E(EMBED, "embed", SP | VO)                                                   \
  E(FIELDSET, "fieldset", SP | CP)                                             \
  E(FIGCAPTION, "figcaption", SP | CP)                                         \
  E(FIGURE, "figure", SP | CP)                                                 \
  E(FONT, "font", FM)                                                          \
  E(FOOTER, "footer", SP | CP)                                                 \
  E(FORM, "form", SP)                                                          \
  E(FRAME, "frame", SP | VO)                                                   \
  E(FRAMESET, "frameset", SP)                                                  \
  E(H1, "h1", SP | CP | HD)                                                    \
  E(H2, "h2", SP | CP | HD)                                                    \
  E(H3, "h3", SP | CP | HD)                                                    \
  E(H4, "h4", SP | CP | HD)                                                    \
  E(H5, "h5", SP | CP | HD)                                                    \
  E(H6, "h6", SP | CP | HD)                                                    \
  E(HEAD, "head", SP)                                                          \
  E(HEADER, "header", SP | CP)                                                 \
  E(HGROUP, "hgroup", SP | CP)                                                 \
  E(HR, "hr", SP | VO)                                                         \
  E(HTML, "html", SP | SC)                                                     \
  E(I, "i", FM)                                                                \
  E(IFRAME, "iframe", SP)                                                      \
  E(IMAGE, "image", 0)                                                         \
  E(IMG, "img", SP | VO)                                                       \
  E(INPUT, "input", SP | VO)                                                   \
  E(KEYGEN, "keygen", SP | VO)                                                 \
  E(LI, "li", SP | IM)                                                         \
  E(LINK, "link", SP | VO)                                                     \
  E(LISTING, "listing", SP | CP)                                               \
  E(MAIN, "main", SP | CP)                                                     \
  E(MARQUEE, "marquee", SP | SC)                                               \
  E(MATH, "math", 0)                                                           \
  E(MENU, "menu", SP | CP)                                                     \
  E(META, "meta", SP | VO)                                                     \
  E(NAV, "nav", SP | CP)                                                       \
  E(NOBR, "nobr", FM)                                                          \
  E(NOEMBED, "noembed", SP)                                                    \
  E(NOFRAMES, "noframes", SP)                                                  \
  E(NOSCRIPT, "noscript", SP)                                                  \
  E(OBJECT, "object", SP | SC)                                                 \
  E(OL, "ol", SP | CP)                                                         \
  E(OPTGROUP, "optgroup", IM)                                                  \
  E(OPTION, "option", IM)                                                      \
  E(P, "p", SP | CP | IM)                                                      \
  E(PARAM, "param", SP | VO)                                                   \
  E(PLAINTEXT, "plaintext", SP | CP)                                           \
  E(PRE, "pre", SP | CP)                                                       \
  E(RB, "rb", IM)                                                              \
  E(RP, "rp", IM)                                                              \
  E(RT, "rt", IM)                                                              \
  E(RTC, "rtc", IM)                                                            \
  E(RUBY, "ruby", 0)                                                           \
  E(S, "s", FM)                                                                \
  E(SCRIPT, "script", SP)                                                      \
  E(SEARCH, "search", SP | CP)                                                 \
  E(SECTION, "section", SP | CP)                                               \
  E(SELECT, "select", SP)                                                      \
  E(SMALL, "small", FM)                                                        \
  E(SOURCE, "source", SP | VO)                                                 \
  E(STRIKE, "strike", FM)                                                      \
  E(STRONG, "strong", FM)                                                      \
  E(STYLE, "style", SP)                                                        \
  E(SUMMARY, "summary", SP | CP)                                               \
  E(SVG, "svg", 0)                                                             \
  E(TABLE, "table", SP | SC | TB)                                              \
  E(TBODY, "tbody", SP | TB)                                                   \
  E(TD, "td", SP | SC)                                                         \
  E(TEMPLATE, "template", SP | SC)                                             \
  E(TEXTAREA, "textarea", SP)                                                  \
  E(TFOOT, "tfoot", SP | TB)                                                   \
  E(TH, "th", SP | SC)                                                         \
  E(THEAD, "thead", SP | TB)                                                   \
  E(TITLE, "title", SP)                                                        \
  E(TR, "tr", SP | TB)                                                         \
  E(TRACK, "track", SP | VO)                                                   \
  E(TT, "tt", FM)                                                              \
  E(U, "u", FM)                                                                \
  E(UL, "ul", SP | CP)                                                         \
  E(WBR, "wbr", SP | VO)                                                       \
  E(XMP, "xmp", SP | CP)

enum {
  EL_OTHER = 0,
#define X_ENUM(e, n, f) EL_##e,
  H5_ELEMENTS(X_ENUM)
#undef X_ENUM
      EL_COUNT
};

static const char *const el_names[EL_COUNT] = {"",
#define X_NAME(e, n, f) n,
                                               H5_ELEMENTS(X_NAME)
#undef X_NAME
};
static const unsigned char el_flags[EL_COUNT] = {0,
#define X_FLAGS(e, n, f) (unsigned char)(f),
                                                 H5_ELEMENTS(X_FLAGS)
#undef X_FLAGS
};
#undef SP
#undef FM
#undef VO
#undef CP
#undef IM
#undef SC
#undef HD
#undef TB

/* Name lookup: FNV-1a into an open-addressed table built once, holding
 * the names above and every other name of pith's tag list, so one lookup
 * gives both a start tag's element id and its pith_tag. */
#define NAME_MAX_ENTRIES (EL_COUNT + PITH_TAG_COUNT)
#define EL_SLOTS 512
_Static_assert(NAME_MAX_ENTRIES * 2 <= EL_SLOTS, "grow EL_SLOTS");
static struct {
  const char *name;
  uint16_t el;  /* EL_OTHER for a pith tag the rules do not name */
  uint16_t tag; /* pith_tag */
} names[NAME_MAX_ENTRIES];
static uint16_t el_slot[EL_SLOTS];     /* index into names + 1; 0: empty */
static uint16_t el_pith_tag[EL_COUNT]; /* pith_tag of each element id */
static once_flag el_once = ONCE_FLAG_INIT;

static uint32_t fnv(const char *s, size_t n) {
  uint32_t h = 2166136261u;
  for (size_t k = 0; k < n; k++)
    h = (h ^ (unsigned char)s[k]) * 16777619u;
  return h;
}

/* The names entry of a lower-case name, or -1. */
static int name_find(const char *name, size_t n, uint32_t h) {
  for (uint32_t k = h & (EL_SLOTS - 1); el_slot[k];
       k = (k + 1) & (EL_SLOTS - 1)) {
    unsigned i = el_slot[k] - 1u;
    if (!strncmp(names[i].name, name, n) && names[i].name[n] == '\0')
      return (int)i;
  }
  return -1;
}

static void name_add(unsigned *count, const char *name, unsigned el,
                     unsigned tag) {
  uint32_t h = fnv(name, strlen(name)) & (EL_SLOTS - 1);
  while (el_slot[h])
    h = (h + 1) & (EL_SLOTS - 1);
  names[*count].name = name;
  names[*count].el = (uint16_t)el;
  names[*count].tag = (uint16_t)tag;
  el_slot[h] = (uint16_t)(++*count);
}

static void el_build(void) {
  unsigned count = 0;
  for (unsigned i = 1; i < EL_COUNT; i++) {
    el_pith_tag[i] = (uint16_t)pith__tag_id(el_names[i], strlen(el_names[i]));
    name_add(&count, el_names[i], i, el_pith_tag[i]);
  }
  for (unsigned t = PITH_TAG_UNKNOWN + 1; t < PITH_TAG_COUNT; t++) {
    const char *name = pith__tag_name(t);
    size_t n = strlen(name);
    if (name_find(name, n, fnv(name, n)) < 0)
      name_add(&count, name, EL_OTHER, t);
  }
}

/* The element id of a lower-case name, or EL_OTHER; *hash gets the
 * name's hash (end tags of other elements are matched by it) and *tag
 * (when not NULL) its pith_tag. */
static unsigned el_lookup(const char *name, size_t n, uint32_t *hash,
                          unsigned *tag) {
  uint32_t h = fnv(name, n);
  *hash = h;
  int i = name_find(name, n, h);
  if (tag)
    *tag = i < 0 ? PITH_TAG_UNKNOWN : names[i].tag;
  return i < 0 ? EL_OTHER : names[i].el;
}

/* ---- builder state ------------------------------------------------------ */

enum { NS_HTML = 0, NS_SVG, NS_MATH };

typedef struct {
  uint32_t node;
  uint32_t hash; /* of the name (matches end tags of other elements) */
  uint16_t el;
  uint8_t ns;
  uint8_t ip; /* an HTML or MathML text integration point */
} entry;

/* An entry of the list of active formatting elements (node 0: a
 * marker). */
typedef struct {
  uint32_t node;
  uint32_t hash;
  uint16_t el;
} fmt_entry;

enum {
  M_INITIAL,
  M_BEFORE_HTML,
  M_BEFORE_HEAD,
  M_IN_HEAD,
  M_AFTER_HEAD,
  M_IN_BODY,
  M_IN_TABLE,
  M_IN_CAPTION,
  M_IN_COLGROUP,
  M_IN_TBODY,
  M_IN_ROW,
  M_IN_CELL,
  M_IN_SELECT,
  M_IN_SELECT_TABLE,
  M_AFTER_BODY,
  M_IN_FRAMESET,
  M_AFTER_FRAMESET,
  M_AFTER_AFTER_BODY,
  M_TEXT, /* in a raw text element (title, script, ...) until its end tag */
  M_IN_TEMPLATE
};

/* Noscript content inside noscript content is parsed this deep at most
 * (deeper, it is dropped). */
#define NOSCRIPT_NEST_MAX 8

/* Nested templates whose insertion modes are kept (deeper ones parse as
 * in body). */
#define TMPL_MAX 64

typedef struct {
  pith_tree *t;
  pith_h5_tok *tk;
  entry *st; /* the stack of open elements */
  size_t nst, capst, maxst;
  size_t floor; /* a noscript's content is parsed above this: no token
                 * closes or finds the elements below */
  int nested;   /* noscript fragments being parsed (nesting) */
  fmt_entry *fmt;
  size_t nfmt, capfmt;
  int mode;
  int outer_mode;  /* while a mode borrows another's rules: its own */
  int orig_mode;   /* M_TEXT returns here */
  int text_pushed; /* M_TEXT's element is on the stack */
  unsigned char tmpl[TMPL_MAX]; /* the stack of template insertion modes */
  size_t ntmpl;
  uint32_t html, head, body, form; /* nodes, 0: none */
  int quirks;
  int foster;  /* foster parenting on (in-table "anything else") */
  int skip_lf; /* drop a newline that starts the next text (pre, ...) */
  int moved;   /* nodes were moved: renumber at the end */
  int stop;    /* out of memory, a cap, or the clock: stop reading */
  uint32_t last_text;
  unsigned tok_tag; /* the pith_tag of the current tag token's name */
  pith_clock clock;
} h5b;

#define REPROCESS 1

static entry *cur(h5b *b) { return b->nst ? &b->st[b->nst - 1] : NULL; }

static int cur_is(h5b *b, unsigned el) {
  entry *c = cur(b);
  return c && c->ns == NS_HTML && c->el == el;
}

static int cur_flags(h5b *b) {
  entry *c = cur(b);
  return c && c->ns == NS_HTML ? el_flags[c->el] : 0;
}

/* ---- tree edits --------------------------------------------------------- */

static void detach(pith_tree *t, uint32_t n) {
  pith_node *nd = &t->nodes[n];
  pith_node *p = &t->nodes[nd->parent];
  if (!nd->prev && p->first != n)
    return; /* not linked */
  if (nd->prev)
    t->nodes[nd->prev].next = nd->next;
  else
    p->first = nd->next;
  if (nd->next)
    t->nodes[nd->next].prev = nd->prev;
  else
    p->last = nd->prev;
  nd->prev = nd->next = 0;
}

/* Link the detached node n under parent before ref (0: at the end). */
static void link_before(pith_tree *t, uint32_t parent, uint32_t n,
                        uint32_t ref) {
  pith_node *nd = &t->nodes[n];
  pith_node *p = &t->nodes[parent];
  nd->parent = parent;
  if (!ref) {
    nd->prev = p->last;
    nd->next = 0;
    if (p->last)
      t->nodes[p->last].next = n;
    else
      p->first = n;
    p->last = n;
    return;
  }
  pith_node *r = &t->nodes[ref];
  nd->next = ref;
  nd->prev = r->prev;
  if (r->prev)
    t->nodes[r->prev].next = n;
  else
    p->first = n;
  r->prev = n;
}

static void move_to(h5b *b, uint32_t n, uint32_t parent, uint32_t ref) {
  detach(b->t, n);
  link_before(b->t, parent, n, ref);
  b->moved = 1;
}

/* Where a node goes: under *parent, before *ref (0: appended). */
static void insert_place(h5b *b, uint32_t target, uint32_t *parent,
                         uint32_t *ref) {
  *parent = target;
  *ref = 0;
  if (!b->foster)
    return;
  /* Foster parenting: a target that is a table part puts the node
   * before the last table, in the table's parent. */
  size_t k = b->nst;
  while (k && b->st[k - 1].node != target)
    k--;
  if (!k || b->st[k - 1].ns != NS_HTML ||
      !(el_flags[b->st[k - 1].el] & F_TABLEISH))
    return;
  for (size_t j = b->nst; j; j--) {
    if (b->st[j - 1].ns == NS_HTML && b->st[j - 1].el == EL_TABLE) {
      uint32_t tn = b->st[j - 1].node;
      uint32_t p = b->t->nodes[tn].parent;
      if (p) {
        *parent = p;
        *ref = tn;
      } else if (j >= 2) {
        *parent = b->st[j - 2].node;
      }
      return;
    }
  }
}

static uint32_t current_node(h5b *b) {
  return b->nst ? b->st[b->nst - 1].node : 0;
}

static int over(h5b *b) {
  pith_tree *t = b->t;
  if (t->oom || b->stop)
    return 1;
  if (pith__clock_over(&b->clock)) {
    t->truncated = 1;
    t->timed_out = 1;
    b->stop = 1;
    return 1;
  }
  return 0;
}

static void insert_text(h5b *b, const char *s, size_t n) {
  if (!n || over(b))
    return;
  uint32_t parent, ref;
  insert_place(b, current_node(b), &parent, &ref);
  if (parent == 0)
    return; /* nothing outside <html> */
  pith_tree *t = b->t;
  if (!ref) {
    if (pith__tree_add_text(t, parent, s, n, &b->last_text) < 0)
      b->stop = 1;
    return;
  }
  /* Before `ref`: joined to a text node there when it ends the pool. */
  uint32_t prev = t->nodes[ref].prev;
  uint32_t lt = 0;
  size_t before = t->nodes[parent].last;
  if (pith__tree_add_text(t, parent, s, n, &lt) < 0) {
    b->stop = 1;
    return;
  }
  if (!lt || t->nodes[parent].last == before)
    return; /* nothing visible */
  if (prev && t->nodes[prev].tag == PITH_TAG_TEXT) {
    /* One text node with the one before the table: joined in the pool
     * (copied to its end unless they are neighbours there). */
    pith_node *p = &t->nodes[prev], *nn = &t->nodes[lt];
    if (p->text + p->len != nn->text) {
      size_t start = t->chars.len;
      uint32_t a = p->text, an = p->len, c = nn->text, cn = nn->len;
      if (pith__buf_reserve(&t->chars, (size_t)an + cn + 1)) {
        pith__buf_append(&t->chars, t->chars.data + a, an);
        pith__buf_append(&t->chars, t->chars.data + c, cn);
      }
      if (t->chars.oom) {
        t->oom = 1;
        b->stop = 1;
        return;
      }
      t->chars.data[t->chars.len] = '\0';
      p = &t->nodes[prev];
      p->text = (uint32_t)start;
    }
    p->len += t->nodes[lt].len;
    detach(t, lt); /* an orphan: renumbering drops it */
    b->moved = 1;
    return;
  }
  move_to(b, lt, parent, ref);
}

/* A new element node for a start tag (its kept attributes copied). */
static uint32_t make_node(h5b *b, uint32_t parent, unsigned tag,
                          const pith_h5_token *tok, int *ld_json) {
  pith_tree *t = b->t;
  uint32_t n = pith__tree_add_node(t, parent, tag);
  if (!n) {
    b->stop = 1;
    return 0;
  }
  for (size_t k = 0; tok && k < tok->nattrs; k++) {
    const pith_h5_attr *a = &tok->attrs[k];
    unsigned id = pith__attr_id(a->name, a->name_len);
    if (!id)
      continue;
    int r = pith__tree_add_attr(t, n, id, a->value, a->value_len);
    if (r < 0) {
      b->stop = 1;
      break;
    }
    if (r && ld_json)
      *ld_json = 1;
  }
  return n;
}

/* A second <html> or <body> tag: its attributes the element lacks are
 * added to it.  A node's attributes are contiguous, so the node's are
 * copied to the end of the list first. */
static void merge_attrs(h5b *b, uint32_t node, const pith_h5_token *tok) {
  pith_tree *t = b->t;
  if (!node || over(b))
    return;
  int moved = 0;
  for (size_t k = 0; k < tok->nattrs; k++) {
    const pith_h5_attr *a = &tok->attrs[k];
    unsigned id = pith__attr_id(a->name, a->name_len);
    if (!id || pith__attr(t, node, id, NULL))
      continue;
    if (!moved) {
      uint32_t from = t->nodes[node].attr, na = t->nodes[node].nattr;
      t->nodes[node].attr = t->nattrs;
      t->nodes[node].nattr = 0;
      if (pith__tree_copy_attrs(t, node, from, na) < 0) {
        b->stop = 1;
        return;
      }
      moved = 1;
    }
    if (pith__tree_add_attr(t, node, id, a->value, a->value_len) < 0) {
      b->stop = 1;
      return;
    }
  }
}

static int push(h5b *b, uint32_t node, unsigned el, uint32_t hash, int ns) {
  if (b->nst == b->capst) {
    size_t cap = b->capst ? b->capst * 2 : 64;
    entry *s = pith__realloc(b->st, cap * sizeof *s);
    if (!s) {
      b->t->oom = 1;
      b->stop = 1;
      return -1;
    }
    b->st = s;
    b->capst = cap;
  }
  entry *e = &b->st[b->nst++];
  if (node)
    b->t->nodes[node].flags |= NF_OPEN;
  e->node = node;
  e->hash = hash;
  e->el = (uint16_t)el;
  e->ns = (uint8_t)ns;
  e->ip = 0;
  return 0;
}

/* Insert an element for a start tag at the appropriate place and push it
 * (unless void).  Returns its node (0: nothing made). */
static uint32_t insert_element(h5b *b, const pith_h5_token *tok, unsigned el,
                               uint32_t hash, int ns) {
  if (over(b))
    return 0;
  int is_void = ns == NS_HTML && (el_flags[el] & F_VOID);
  if (!is_void && b->nst >= b->maxst)
    return 0; /* past the depth cap: flattened */
  uint32_t parent, ref;
  insert_place(b, current_node(b), &parent, &ref);
  unsigned tag;
  if (ns == NS_HTML)
    tag = el                     ? el_pith_tag[el]
          : tok && tok->name_len ? b->tok_tag
                                 : PITH_TAG_UNKNOWN;
  else
    tag = (el == EL_SVG || el == EL_MATH) && b->nst &&
                  b->st[b->nst - 1].ns == NS_HTML
              ? el_pith_tag[el]
              : PITH_TAG_UNKNOWN;
  if (el == EL_IMAGE && ns == NS_HTML)
    tag = PITH_TAG_IMG;
  int ld_json = 0;
  uint32_t n = make_node(b, parent, tag, tok, &ld_json);
  if (!n)
    return 0;
  if (ref)
    move_to(b, n, parent, ref);
  if (tag == PITH_TAG_TITLE || (tag == PITH_TAG_SCRIPT && ld_json))
    b->t->nodes[n].flags |= PITH_NF_KEEPTEXT;
  b->last_text = 0;
  if (!is_void && push(b, n, el, hash, ns) < 0)
    return 0;
  return n;
}

/* ---- scopes and implied end tags ---------------------------------------- */

enum { SCOPE_DEFAULT, SCOPE_LIST, SCOPE_BUTTON, SCOPE_TABLE, SCOPE_SELECT };

static int is_boundary(const entry *e, int scope) {
  if (e->ns != NS_HTML)
    return scope != SCOPE_TABLE && scope != SCOPE_SELECT && e->ip;
  unsigned el = e->el;
  switch (scope) {
  case SCOPE_TABLE:
    return el == EL_HTML || el == EL_TABLE || el == EL_TEMPLATE;
  case SCOPE_SELECT:
    return el != EL_OPTGROUP && el != EL_OPTION;
  case SCOPE_LIST:
    if (el == EL_OL || el == EL_UL)
      return 1;
    break;
  case SCOPE_BUTTON:
    if (el == EL_BUTTON)
      return 1;
    break;
  default:
    break;
  }
  return (el_flags[el] & F_SCOPE) != 0;
}

/* The stack index + 1 of an element `el` in the given scope, or 0. */
static size_t in_scope(h5b *b, unsigned el, int scope) {
  for (size_t k = b->nst; k > b->floor; k--) {
    const entry *e = &b->st[k - 1];
    if (e->ns == NS_HTML && e->el == el)
      return k;
    if (is_boundary(e, scope))
      return 0;
  }
  return 0;
}

static size_t heading_in_scope(h5b *b) {
  for (size_t k = b->nst; k > b->floor; k--) {
    const entry *e = &b->st[k - 1];
    if (e->ns == NS_HTML && (el_flags[e->el] & F_HEADING))
      return k;
    if (is_boundary(e, SCOPE_DEFAULT))
      return 0;
  }
  return 0;
}

static void pop(h5b *b) {
  if (b->nst > b->floor)
    b->t->nodes[b->st[--b->nst].node].flags &= (uint16_t)~NF_OPEN;
  b->last_text = 0;
}

/* Pop up to and including stack index k - 1. */
static void pop_to(h5b *b, size_t k) {
  if (k && k <= b->nst)
    while (b->nst >= k && b->nst > b->floor)
      pop(b);
  b->last_text = 0;
}

/* Remove stack index k - 1 (not necessarily the top). */
static void stack_remove(h5b *b, size_t k) {
  if (k <= b->floor || k > b->nst)
    return;
  b->t->nodes[b->st[k - 1].node].flags &= (uint16_t)~NF_OPEN;
  memmove(&b->st[k - 1], &b->st[k], (b->nst - k) * sizeof *b->st);
  b->nst--;
  b->last_text = 0;
}

static int is_open(const h5b *b, uint32_t node) {
  return node && (b->t->nodes[node].flags & NF_OPEN);
}

static void implied_end_tags(h5b *b, unsigned except) {
  while (b->nst > b->floor) {
    entry *c = cur(b);
    if (!c || c->ns != NS_HTML || !(el_flags[c->el] & F_IMPLIED) ||
        c->el == except)
      return;
    pop(b);
  }
}

static void close_p(h5b *b) {
  size_t k = in_scope(b, EL_P, SCOPE_BUTTON);
  if (!k)
    return;
  implied_end_tags(b, EL_P);
  k = in_scope(b, EL_P, SCOPE_BUTTON);
  pop_to(b, k);
}

/* ---- active formatting elements ----------------------------------------- */

static void fmt_remove(h5b *b, size_t k);

static int fmt_push(h5b *b, uint32_t node, unsigned el, uint32_t hash) {
  if (b->nfmt >= FMT_MAX) {
    size_t k = 0;
    while (k < b->nfmt && !b->fmt[k].node)
      k++;
    fmt_remove(b, k < b->nfmt ? k : 0);
  }
  if (b->nfmt == b->capfmt) {
    size_t cap = b->capfmt ? b->capfmt * 2 : 32;
    fmt_entry *f = pith__realloc(b->fmt, cap * sizeof *f);
    if (!f) {
      b->t->oom = 1;
      b->stop = 1;
      return -1;
    }
    b->fmt = f;
    b->capfmt = cap;
  }
  b->fmt[b->nfmt].node = node;
  b->fmt[b->nfmt].hash = hash;
  b->fmt[b->nfmt].el = (uint16_t)el;
  b->nfmt++;
  return 0;
}

static void fmt_marker(h5b *b) { fmt_push(b, 0, 0, 0); }

static void fmt_clear_to_marker(h5b *b) {
  while (b->nfmt) {
    uint32_t n = b->fmt[--b->nfmt].node;
    if (!n)
      return;
  }
}

static void fmt_remove(h5b *b, size_t k) {
  memmove(&b->fmt[k], &b->fmt[k + 1], (b->nfmt - k - 1) * sizeof *b->fmt);
  b->nfmt--;
}

static size_t stack_find(h5b *b, uint32_t node) {
  for (size_t k = b->nst; k > b->floor; k--)
    if (b->st[k - 1].node == node)
      return k;
  return 0;
}

/* Same tag and the same kept attributes (the Noah's Ark clause). */
static int same_element(const pith_tree *t, uint32_t x, uint32_t y) {
  const pith_node *a = &t->nodes[x], *c = &t->nodes[y];
  if (a->tag != c->tag || a->nattr != c->nattr)
    return 0;
  for (uint32_t k = 0; k < a->nattr; k++) {
    const pith_attr *p = &t->attrs[a->attr + k], *q = &t->attrs[c->attr + k];
    if (p->id != q->id || p->len != q->len ||
        memcmp(t->chars.data + p->value, t->chars.data + q->value, p->len))
      return 0;
  }
  return 1;
}

static void fmt_add(h5b *b, uint32_t node, unsigned el, uint32_t hash) {
  size_t same = 0, first = 0;
  for (size_t k = b->nfmt; k; k--) {
    const fmt_entry *f = &b->fmt[k - 1];
    if (!f->node)
      break;
    if (f->el == el && f->hash == hash && same_element(b->t, f->node, node)) {
      same++;
      first = k - 1;
    }
  }
  if (same >= 3)
    fmt_remove(b, first);
  fmt_push(b, node, el, hash);
}

/* A copy of element node `from` (tag, flags, attributes) under parent. */
static uint32_t clone_node(h5b *b, uint32_t from, uint32_t parent) {
  pith_tree *t = b->t;
  uint32_t n = pith__tree_add_node(t, parent, t->nodes[from].tag);
  if (!n) {
    b->stop = 1;
    return 0;
  }
  t->nodes[n].flags = t->nodes[from].flags;
  if (pith__tree_copy_attrs(t, n, t->nodes[from].attr, t->nodes[from].nattr) <
      0)
    b->stop = 1;
  return n;
}

static void reconstruct(h5b *b) {
  if (!b->nfmt)
    return;
  size_t k = b->nfmt - 1;
  const fmt_entry *f = &b->fmt[k];
  if (!f->node || is_open(b, f->node))
    return;
  while (k) {
    f = &b->fmt[k - 1];
    if (!f->node || is_open(b, f->node))
      break;
    k--;
  }
  for (; k < b->nfmt; k++) {
    if (over(b) || b->nst >= b->maxst)
      return;
    uint32_t parent, ref;
    insert_place(b, current_node(b), &parent, &ref);
    uint32_t n = clone_node(b, b->fmt[k].node, parent);
    if (!n)
      return;
    if (ref)
      move_to(b, n, parent, ref);
    if (push(b, n, b->fmt[k].el, b->fmt[k].hash, NS_HTML) < 0)
      return;
    b->fmt[k].node = n;
    b->last_text = 0;
  }
}

static void any_other_end(h5b *b, unsigned el, uint32_t hash);

/* Is element `node` on the stack, in the default scope? */
static int node_in_scope(h5b *b, uint32_t node) {
  for (size_t k = b->nst; k > b->floor; k--) {
    const entry *e = &b->st[k - 1];
    if (e->node == node)
      return 1;
    if (is_boundary(e, SCOPE_DEFAULT))
      return 0;
  }
  return 0;
}

/* The adoption agency algorithm for an end tag (or an <a>/<nobr> start
 * tag) of formatting element `el`.  Returns 1 when "any other end tag"
 * should handle the token instead. */
static int adoption(h5b *b, unsigned el, uint32_t hash) {
  entry *c = cur(b);
  if (c && c->ns == NS_HTML && c->el == el && c->hash == hash) {
    int listed = 0;
    for (size_t k = b->nfmt; k && b->fmt[k - 1].node; k--)
      if (b->fmt[k - 1].node == c->node)
        listed = 1;
    if (!listed) {
      pop(b);
      return 0;
    }
  }
  pith_tree *t = b->t;
  for (int outer = 0; outer < 8; outer++) {
    size_t fi = 0; /* index + 1 in the list */
    for (size_t k = b->nfmt; k && b->fmt[k - 1].node; k--)
      if (b->fmt[k - 1].el == el && b->fmt[k - 1].hash == hash) {
        fi = k;
        break;
      }
    if (!fi)
      return 1;
    uint32_t fe = b->fmt[fi - 1].node;
    size_t si = stack_find(b, fe);
    if (!si) {
      fmt_remove(b, fi - 1);
      return 0;
    }
    if (!node_in_scope(b, fe))
      return 0;
    size_t fb = 0; /* the furthest block's stack index + 1 */
    for (size_t k = si + 1; k <= b->nst; k++) {
      const entry *e = &b->st[k - 1];
      if (e->ns != NS_HTML || (el_flags[e->el] & F_SPECIAL)) {
        fb = k;
        break;
      }
    }
    if (!fb) {
      pop_to(b, si);
      fmt_remove(b, fi - 1);
      return 0;
    }
    uint32_t common = si >= 2 ? b->st[si - 2].node : 0;
    size_t bookmark = fi - 1; /* list position of fe */
    uint32_t furthest = b->st[fb - 1].node;
    uint32_t last = furthest;
    size_t ni = fb; /* stack index + 1 of `node` */
    for (int inner = 1;; inner++) {
      ni--;
      if (ni == si)
        break; /* node is the formatting element */
      uint32_t node = b->st[ni - 1].node;
      size_t li = 0;
      for (size_t k = b->nfmt; k; k--)
        if (b->fmt[k - 1].node == node) {
          li = k;
          break;
        }
      if (inner > 3 && li) {
        fmt_remove(b, li - 1);
        if (li - 1 < bookmark)
          bookmark--;
        li = 0;
      }
      if (!li) {
        stack_remove(b, ni);
        fb--;
        continue;
      }
      uint32_t nn = clone_node(b, node, common ? common : node);
      if (!nn)
        return 0;
      detach(t, nn);
      b->fmt[li - 1].node = nn;
      b->t->nodes[node].flags &= (uint16_t)~NF_OPEN;
      b->t->nodes[nn].flags |= NF_OPEN;
      b->st[ni - 1].node = nn;
      if (last == furthest)
        bookmark = li; /* after the new entry */
      move_to(b, last, nn, 0);
      last = nn;
    }
    /* Insert `last` at the appropriate place for `common`. */
    uint32_t parent, ref;
    insert_place(b, common, &parent, &ref);
    move_to(b, last, parent, ref);
    /* A new element for fe takes the furthest block's children. */
    uint32_t ne = clone_node(b, fe, furthest);
    if (!ne)
      return 0;
    detach(t, ne);
    while (t->nodes[furthest].first)
      move_to(b, t->nodes[furthest].first, ne, 0);
    move_to(b, ne, furthest, 0);
    /* The list: fe goes, the new element takes the bookmark. */
    for (size_t k = b->nfmt; k; k--)
      if (b->fmt[k - 1].node == fe) {
        fi = k;
        break;
      }
    uint16_t fel = b->fmt[fi - 1].el;
    uint32_t fh = b->fmt[fi - 1].hash;
    fmt_remove(b, fi - 1);
    if (bookmark > fi - 1)
      bookmark--;
    if (bookmark > b->nfmt)
      bookmark = b->nfmt;
    if (fmt_push(b, ne, fel, fh) < 0)
      return 0;
    fmt_entry moved_e = b->fmt[b->nfmt - 1];
    memmove(&b->fmt[bookmark + 1], &b->fmt[bookmark],
            (b->nfmt - 1 - bookmark) * sizeof *b->fmt);
    b->fmt[bookmark] = moved_e;
    /* The stack: fe goes, the new element goes right after the furthest
     * block. */
    stack_remove(b, stack_find(b, fe));
    fb = stack_find(b, furthest);
    if (push(b, ne, fel, fh, NS_HTML) < 0)
      return 0;
    entry ent = b->st[b->nst - 1];
    memmove(&b->st[fb + 1], &b->st[fb], (b->nst - 1 - fb) * sizeof *b->st);
    b->st[fb] = ent;
    b->last_text = 0;
  }
  return 0;
}

static void any_other_end(h5b *b, unsigned el, uint32_t hash) {
  for (size_t k = b->nst; k > b->floor; k--) {
    const entry *e = &b->st[k - 1];
    if (e->ns == NS_HTML && e->el == el && e->hash == hash) {
      implied_end_tags(b, el);
      pop_to(b, k);
      return;
    }
    if (e->ns == NS_HTML && (el_flags[e->el] & F_SPECIAL))
      return;
  }
}

/* ---- the insertion modes ------------------------------------------------ */

static void tmpl_push(h5b *b, int m) {
  if (b->ntmpl < TMPL_MAX)
    b->tmpl[b->ntmpl] = (unsigned char)m;
  b->ntmpl++;
}

static int tmpl_top(const h5b *b) {
  return b->ntmpl && b->ntmpl <= TMPL_MAX ? b->tmpl[b->ntmpl - 1] : M_IN_BODY;
}

static void tmpl_switch(h5b *b, int m) {
  if (b->ntmpl && b->ntmpl <= TMPL_MAX)
    b->tmpl[b->ntmpl - 1] = (unsigned char)m;
  b->mode = m;
}

static void reset_mode(h5b *b) {
  for (size_t k = b->nst; k > b->floor; k--) { /* (the whole stack) */
    const entry *e = &b->st[k - 1];
    int last = k == 1;
    if (e->ns != NS_HTML)
      continue;
    switch (e->el) {
    case EL_SELECT:
      for (size_t j = k - 1; j; j--)
        if (b->st[j - 1].ns == NS_HTML && b->st[j - 1].el == EL_TABLE) {
          b->mode = M_IN_SELECT_TABLE;
          return;
        }
      b->mode = M_IN_SELECT;
      return;
    case EL_TD:
    case EL_TH:
      if (!last) {
        b->mode = M_IN_CELL;
        return;
      }
      break;
    case EL_TR:
      b->mode = M_IN_ROW;
      return;
    case EL_TBODY:
    case EL_THEAD:
    case EL_TFOOT:
      b->mode = M_IN_TBODY;
      return;
    case EL_CAPTION:
      b->mode = M_IN_CAPTION;
      return;
    case EL_TEMPLATE:
      b->mode = tmpl_top(b);
      return;
    case EL_COLGROUP:
      b->mode = M_IN_COLGROUP;
      return;
    case EL_TABLE:
      b->mode = M_IN_TABLE;
      return;
    case EL_HEAD:
      if (!last) {
        b->mode = M_IN_HEAD;
        return;
      }
      break;
    case EL_BODY:
      b->mode = M_IN_BODY;
      return;
    case EL_FRAMESET:
      b->mode = M_IN_FRAMESET;
      return;
    case EL_HTML:
      b->mode = b->head ? M_AFTER_HEAD : M_BEFORE_HEAD;
      return;
    default:
      break;
    }
  }
  b->mode = M_IN_BODY;
}

/* The length of the HTML white space that starts s[0..n). */
static size_t lead_space(const char *s, size_t n) {
  size_t k = 0;
  while (k < n && is_html_sp((unsigned char)s[k]))
    k++;
  return k;
}

/* The text content model a start tag switches to in HTML content, and
 * whether its text is thrown away. */
static void raw_text(h5b *b, const pith_h5_token *tok, unsigned el,
                     uint32_t node) {
  pith_h5_content c;
  int keep = 1;
  switch (el) {
  case EL_TITLE:
  case EL_TEXTAREA:
    c = PITH_H5_RCDATA;
    break;
  case EL_SCRIPT:
    c = PITH_H5_SCRIPT;
    keep = node && (b->t->nodes[node].flags & PITH_NF_KEEPTEXT);
    break;
  case EL_STYLE:
  case EL_IFRAME:
  case EL_NOEMBED:
  case EL_NOFRAMES:
    c = PITH_H5_RAWTEXT;
    keep = 0;
    break;
  case EL_XMP:
  case EL_NOSCRIPT: /* its text is parsed as a fragment (M_TEXT) */
    c = PITH_H5_RAWTEXT;
    break;
  case EL_PLAINTEXT:
    c = PITH_H5_PLAINTEXT;
    break;
  default:
    return;
  }
  pith__h5_tok_content(b->tk, c, tok->name, tok->name_len);
  if (!keep || !node)
    pith__h5_tok_skip_text(b->tk);
  /* Its text (or nothing) comes next, then the end tag, which pops it. */
  /* Back, at the end tag, to the mode the tree builder is in (not the
   * one whose rules it borrowed). */
  if (b->mode != M_TEXT)
    b->orig_mode = b->outer_mode ? b->outer_mode : b->mode;
  b->mode = M_TEXT;
  b->text_pushed = node != 0;
}

static void insert_raw(h5b *b, const pith_h5_token *tok, unsigned el,
                       uint32_t hash) {
  uint32_t n = insert_element(b, tok, el, hash, NS_HTML);
  raw_text(b, tok, el, n);
}

/* The start tags "in head" handles (used from several modes); returns 1
 * when it took the token. */
static int head_start(h5b *b, const pith_h5_token *tok, unsigned el,
                      uint32_t hash) {
  switch (el) {
  case EL_BASE:
  case EL_BASEFONT:
  case EL_BGSOUND:
  case EL_LINK:
  case EL_META:
    insert_element(b, tok, el, hash, NS_HTML);
    return 1;
  case EL_TITLE:
  case EL_NOFRAMES:
  case EL_STYLE:
  case EL_SCRIPT:
    insert_raw(b, tok, el, hash);
    return 1;
  case EL_NOSCRIPT:
    insert_raw(b, tok, el, hash);
    return 1;
  case EL_TEMPLATE:
    if (insert_element(b, tok, el, hash, NS_HTML)) {
      fmt_marker(b);
      b->mode = M_IN_TEMPLATE;
      tmpl_push(b, M_IN_TEMPLATE);
    }
    return 1;
  default:
    return 0;
  }
}

static void ensure_body(h5b *b) {
  if (b->body)
    return;
  pith_h5_token none;
  memset(&none, 0, sizeof none);
  uint32_t h;
  el_lookup("body", 4, &h, NULL);
  b->body = insert_element(b, &none, EL_BODY, h, NS_HTML);
  b->mode = M_IN_BODY;
}

static void ensure_html(h5b *b) {
  if (b->nst)
    return;
  pith_h5_token none;
  memset(&none, 0, sizeof none);
  uint32_t h;
  el_lookup("html", 4, &h, NULL);
  b->html = insert_element(b, &none, EL_HTML, h, NS_HTML);
}

static void ensure_head(h5b *b, const pith_h5_token *tok) {
  pith_h5_token none;
  memset(&none, 0, sizeof none);
  uint32_t h;
  el_lookup("head", 4, &h, NULL);
  b->head = insert_element(b, tok ? tok : &none, EL_HEAD, h, NS_HTML);
}

static int body_start(h5b *b, const pith_h5_token *tok, unsigned el,
                      uint32_t hash);
static int body_end(h5b *b, const pith_h5_token *tok, unsigned el,
                    uint32_t hash);

/* A newline right after <pre>, <listing> or <textarea> is not text. */
static void strip_lf(h5b *b, const char **s, size_t *n) {
  if (!b->skip_lf)
    return;
  b->skip_lf = 0;
  if (*n && (*s)[0] == '\n') {
    (*s)++;
    (*n)--;
  } else if (*n >= 2 && (*s)[0] == '\r' && (*s)[1] == '\n') {
    *s += 2;
    *n -= 2;
  }
}

static void body_text(h5b *b, const char *s, size_t n) {
  strip_lf(b, &s, &n);
  if (!n)
    return;
  reconstruct(b);
  insert_text(b, s, n);
}

/* "in body" start tags. */
static int body_start(h5b *b, const pith_h5_token *tok, unsigned el,
                      uint32_t hash) {
  unsigned fl = el_flags[el];
  switch (el) {
  case EL_HTML:
    if (!b->ntmpl)
      merge_attrs(b, b->html, tok);
    return 0;
  case EL_BODY:
    if (!b->ntmpl && b->body && stack_find(b, b->body) == 2)
      merge_attrs(b, b->body, tok);
    return 0;
  case EL_FRAMESET:
  case EL_CAPTION:
  case EL_COL:
  case EL_COLGROUP:
  case EL_FRAME:
  case EL_HEAD:
  case EL_TBODY:
  case EL_TD:
  case EL_TFOOT:
  case EL_TH:
  case EL_THEAD:
  case EL_TR:
    return 0; /* ignored */
  case EL_BASE:
  case EL_BASEFONT:
  case EL_BGSOUND:
  case EL_LINK:
  case EL_META:
  case EL_NOFRAMES:
  case EL_SCRIPT:
  case EL_STYLE:
  case EL_TEMPLATE:
  case EL_TITLE:
    head_start(b, tok, el, hash);
    return 0;
  case EL_H1:
  case EL_H2:
  case EL_H3:
  case EL_H4:
  case EL_H5:
  case EL_H6:
    close_p(b);
    if (cur_flags(b) & F_HEADING)
      pop(b);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_PRE:
  case EL_LISTING:
    close_p(b);
    insert_element(b, tok, el, hash, NS_HTML);
    b->skip_lf = 1;
    return 0;
  case EL_FORM:
    if (b->form)
      return 0;
    close_p(b);
    b->form = insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_LI:
  case EL_DD:
  case EL_DT:
    for (size_t k = b->nst; k > b->floor; k--) {
      const entry *e = &b->st[k - 1];
      if (e->ns != NS_HTML)
        continue;
      int match =
          el == EL_LI ? e->el == EL_LI : (e->el == EL_DD || e->el == EL_DT);
      if (match) {
        implied_end_tags(b, e->el);
        pop_to(b, stack_find(b, e->node));
        break;
      }
      if ((el_flags[e->el] & F_SPECIAL) && e->el != EL_ADDRESS &&
          e->el != EL_DIV && e->el != EL_P)
        break;
    }
    close_p(b);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_PLAINTEXT:
    close_p(b);
    insert_raw(b, tok, el, hash);
    return 0;
  case EL_BUTTON:
    if (in_scope(b, EL_BUTTON, SCOPE_DEFAULT)) {
      implied_end_tags(b, 0);
      pop_to(b, in_scope(b, EL_BUTTON, SCOPE_DEFAULT));
    }
    reconstruct(b);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_A:
    for (size_t k = b->nfmt; k && b->fmt[k - 1].node; k--) {
      if (b->fmt[k - 1].el == EL_A) {
        uint32_t old = b->fmt[k - 1].node;
        adoption(b, EL_A, hash);
        for (size_t j = b->nfmt; j; j--)
          if (b->fmt[j - 1].node == old) {
            fmt_remove(b, j - 1);
            break;
          }
        stack_remove(b, stack_find(b, old));
        break;
      }
    }
    reconstruct(b);
    {
      uint32_t n = insert_element(b, tok, el, hash, NS_HTML);
      if (n)
        fmt_add(b, n, el, hash);
    }
    return 0;
  case EL_NOBR:
    reconstruct(b);
    if (in_scope(b, EL_NOBR, SCOPE_DEFAULT)) {
      adoption(b, EL_NOBR, hash);
      reconstruct(b);
    }
    {
      uint32_t n = insert_element(b, tok, el, hash, NS_HTML);
      if (n)
        fmt_add(b, n, el, hash);
    }
    return 0;
  case EL_APPLET:
  case EL_MARQUEE:
  case EL_OBJECT:
    reconstruct(b);
    insert_element(b, tok, el, hash, NS_HTML);
    fmt_marker(b);
    return 0;
  case EL_TABLE:
    if (!b->quirks)
      close_p(b);
    insert_element(b, tok, el, hash, NS_HTML);
    b->mode = M_IN_TABLE;
    return 0;
  case EL_AREA:
  case EL_BR:
  case EL_EMBED:
  case EL_IMG:
  case EL_IMAGE:
  case EL_KEYGEN:
  case EL_WBR:
  case EL_INPUT:
    reconstruct(b);
    insert_element(b, tok, el == EL_IMAGE ? EL_IMG : el, hash, NS_HTML);
    return 0;
  case EL_PARAM:
  case EL_SOURCE:
  case EL_TRACK:
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_HR:
    close_p(b);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_TEXTAREA:
    insert_raw(b, tok, el, hash);
    b->skip_lf = 1;
    return 0;
  case EL_XMP:
    close_p(b);
    reconstruct(b);
    insert_raw(b, tok, el, hash);
    return 0;
  case EL_IFRAME:
  case EL_NOEMBED:
  case EL_NOSCRIPT:
    insert_raw(b, tok, el, hash);
    return 0;
  case EL_SELECT:
    reconstruct(b);
    if (insert_element(b, tok, el, hash, NS_HTML)) {
      int m = b->mode == M_IN_BODY && b->outer_mode ? b->outer_mode : b->mode;
      b->mode = (m == M_IN_TABLE || m == M_IN_CAPTION || m == M_IN_TBODY ||
                 m == M_IN_ROW || m == M_IN_CELL)
                    ? M_IN_SELECT_TABLE
                    : M_IN_SELECT;
    }
    return 0;
  case EL_OPTGROUP:
  case EL_OPTION:
    if (cur_is(b, EL_OPTION))
      pop(b);
    reconstruct(b);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_RB:
  case EL_RTC:
    if (in_scope(b, EL_RUBY, SCOPE_DEFAULT))
      implied_end_tags(b, 0);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_RP:
  case EL_RT:
    if (in_scope(b, EL_RUBY, SCOPE_DEFAULT))
      implied_end_tags(b, EL_RTC);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  case EL_MATH:
  case EL_SVG:
    reconstruct(b);
    if (insert_element(b, tok, el, hash, el == EL_SVG ? NS_SVG : NS_MATH) &&
        tok->self_closing)
      pop(b);
    return 0;
  default:
    break;
  }
  if (fl & F_CLOSE_P) {
    close_p(b);
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  }
  reconstruct(b);
  uint32_t n = insert_element(b, tok, el, hash, NS_HTML);
  if (n && (fl & F_FMT))
    fmt_add(b, n, el, hash);
  return 0;
}

/* "in body" end tags. */
static int body_end(h5b *b, const pith_h5_token *tok, unsigned el,
                    uint32_t hash) {
  (void)tok;
  unsigned fl = el_flags[el];
  size_t k;
  switch (el) {
  case EL_TEMPLATE:
    if ((k = in_scope(b, EL_TEMPLATE, SCOPE_TABLE))) {
      implied_end_tags(b, 0);
      pop_to(b, in_scope(b, EL_TEMPLATE, SCOPE_TABLE));
      fmt_clear_to_marker(b);
      if (b->ntmpl)
        b->ntmpl--;
      reset_mode(b);
    }
    return 0;
  case EL_BODY:
  case EL_HTML:
    if (!in_scope(b, EL_BODY, SCOPE_DEFAULT))
      return 0;
    b->mode = M_AFTER_BODY;
    return el == EL_HTML ? REPROCESS : 0;
  case EL_FORM:
    if (b->form) {
      uint32_t f = b->form;
      b->form = 0;
      if (stack_find(b, f) && in_scope(b, EL_FORM, SCOPE_DEFAULT)) {
        implied_end_tags(b, 0);
        stack_remove(b, stack_find(b, f));
      }
    }
    return 0;
  case EL_P:
    if (!in_scope(b, EL_P, SCOPE_BUTTON)) {
      pith_h5_token none;
      memset(&none, 0, sizeof none);
      insert_element(b, &none, EL_P, hash, NS_HTML);
    }
    close_p(b);
    return 0;
  case EL_LI:
    if ((k = in_scope(b, EL_LI, SCOPE_LIST))) {
      implied_end_tags(b, EL_LI);
      pop_to(b, in_scope(b, EL_LI, SCOPE_LIST));
    }
    return 0;
  case EL_DD:
  case EL_DT:
    if ((k = in_scope(b, el, SCOPE_DEFAULT))) {
      implied_end_tags(b, el);
      pop_to(b, in_scope(b, el, SCOPE_DEFAULT));
    }
    return 0;
  case EL_H1:
  case EL_H2:
  case EL_H3:
  case EL_H4:
  case EL_H5:
  case EL_H6:
    if (heading_in_scope(b)) {
      implied_end_tags(b, 0);
      pop_to(b, heading_in_scope(b));
    }
    return 0;
  case EL_APPLET:
  case EL_MARQUEE:
  case EL_OBJECT:
    if ((k = in_scope(b, el, SCOPE_DEFAULT))) {
      implied_end_tags(b, 0);
      pop_to(b, in_scope(b, el, SCOPE_DEFAULT));
      fmt_clear_to_marker(b);
    }
    return 0;
  case EL_BR: {
    pith_h5_token none;
    memset(&none, 0, sizeof none);
    reconstruct(b);
    insert_element(b, &none, EL_BR, hash, NS_HTML);
    return 0;
  }
  default:
    break;
  }
  if (fl & F_FMT) {
    if (adoption(b, el, hash))
      any_other_end(b, el, hash);
    return 0;
  }
  if (el == EL_BUTTON || (fl & F_CLOSE_P)) {
    if ((k = in_scope(b, el, SCOPE_DEFAULT))) {
      implied_end_tags(b, 0);
      pop_to(b, in_scope(b, el, SCOPE_DEFAULT));
    }
    return 0;
  }
  any_other_end(b, el, hash);
  return 0;
}

static void clear_to(h5b *b, int what) {
  while (b->nst > b->floor) {
    entry *c = cur(b);
    if (!c)
      return;
    unsigned el = c->ns == NS_HTML ? c->el : EL_OTHER;
    if (el == EL_HTML || el == EL_TEMPLATE)
      return;
    if (what == EL_TABLE && el == EL_TABLE)
      return;
    if (what == EL_TBODY &&
        (el == EL_TBODY || el == EL_TFOOT || el == EL_THEAD))
      return;
    if (what == EL_TR && el == EL_TR)
      return;
    pop(b);
  }
}

static void close_cell(h5b *b) {
  implied_end_tags(b, 0);
  for (size_t k = b->nst; k > b->floor; k--) {
    const entry *e = &b->st[k - 1];
    if (e->ns == NS_HTML && (e->el == EL_TD || e->el == EL_TH)) {
      pop_to(b, k);
      break;
    }
  }
  fmt_clear_to_marker(b);
  b->mode = M_IN_ROW;
}

static size_t tbody_in_scope(h5b *b) {
  size_t k = in_scope(b, EL_TBODY, SCOPE_TABLE);
  if (!k)
    k = in_scope(b, EL_THEAD, SCOPE_TABLE);
  if (!k)
    k = in_scope(b, EL_TFOOT, SCOPE_TABLE);
  return k;
}

static int in_table(h5b *b, const pith_h5_token *tok, unsigned el,
                    uint32_t hash);

static int in_table_text(h5b *b, const char *s, size_t n) {
  if (lead_space(s, n) == n) {
    insert_text(b, s, n);
    return 0;
  }
  b->foster = 1;
  body_text(b, s, n);
  b->foster = 0;
  return 0;
}

static int in_table(h5b *b, const pith_h5_token *tok, unsigned el,
                    uint32_t hash) {
  int start = tok->kind == PITH_H5_START;
  uint32_t h;
  if (start) {
    switch (el) {
    case EL_CAPTION:
      clear_to(b, EL_TABLE);
      fmt_marker(b);
      insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_CAPTION;
      return 0;
    case EL_COLGROUP:
      clear_to(b, EL_TABLE);
      insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_COLGROUP;
      return 0;
    case EL_COL: {
      pith_h5_token none;
      memset(&none, 0, sizeof none);
      clear_to(b, EL_TABLE);
      el_lookup("colgroup", 8, &h, NULL);
      insert_element(b, &none, EL_COLGROUP, h, NS_HTML);
      b->mode = M_IN_COLGROUP;
      return REPROCESS;
    }
    case EL_TBODY:
    case EL_TFOOT:
    case EL_THEAD:
      clear_to(b, EL_TABLE);
      insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_TBODY;
      return 0;
    case EL_TD:
    case EL_TH:
    case EL_TR: {
      pith_h5_token none;
      memset(&none, 0, sizeof none);
      clear_to(b, EL_TABLE);
      el_lookup("tbody", 5, &h, NULL);
      insert_element(b, &none, EL_TBODY, h, NS_HTML);
      b->mode = M_IN_TBODY;
      return REPROCESS;
    }
    case EL_TABLE: {
      size_t k = in_scope(b, EL_TABLE, SCOPE_TABLE);
      if (!k)
        return 0;
      pop_to(b, k);
      reset_mode(b);
      return REPROCESS;
    }
    case EL_STYLE:
    case EL_SCRIPT:
    case EL_TEMPLATE:
      head_start(b, tok, el, hash);
      return 0;
    case EL_INPUT: {
      int hidden = 0;
      for (size_t k = 0; k < tok->nattrs; k++)
        if (tok->attrs[k].name_len == 4 &&
            !memcmp(tok->attrs[k].name, "type", 4) &&
            tok->attrs[k].value_len == 6 &&
            !strncasecmp(tok->attrs[k].value, "hidden", 6))
          hidden = 1;
      if (hidden) {
        insert_element(b, tok, el, hash, NS_HTML);
        return 0;
      }
      break;
    }
    case EL_FORM:
      if (!b->form) {
        b->form = insert_element(b, tok, el, hash, NS_HTML);
        if (b->form)
          pop(b);
      }
      return 0;
    default:
      break;
    }
  } else {
    switch (el) {
    case EL_TABLE: {
      size_t k = in_scope(b, EL_TABLE, SCOPE_TABLE);
      if (k) {
        pop_to(b, k);
        reset_mode(b);
      }
      return 0;
    }
    case EL_BODY:
    case EL_CAPTION:
    case EL_COL:
    case EL_COLGROUP:
    case EL_HTML:
    case EL_TBODY:
    case EL_TD:
    case EL_TFOOT:
    case EL_TH:
    case EL_THEAD:
    case EL_TR:
      return 0;
    case EL_TEMPLATE:
      return body_end(b, tok, el, hash);
    default:
      break;
    }
  }
  /* Anything else: as in body, with foster parenting. */
  b->foster = 1;
  int r = start ? body_start(b, tok, el, hash) : body_end(b, tok, el, hash);
  b->foster = 0;
  return r;
}

/* ---- foreign content ---------------------------------------------------- */

/* Start tags that break out of svg and math into HTML. */
static int breaks_out(const pith_h5_token *tok, unsigned el) {
  switch (el) {
  case EL_B:
  case EL_BIG:
  case EL_BLOCKQUOTE:
  case EL_BODY:
  case EL_BR:
  case EL_CENTER:
  case EL_CODE:
  case EL_DD:
  case EL_DIV:
  case EL_DL:
  case EL_DT:
  case EL_EM:
  case EL_EMBED:
  case EL_H1:
  case EL_H2:
  case EL_H3:
  case EL_H4:
  case EL_H5:
  case EL_H6:
  case EL_HEAD:
  case EL_HR:
  case EL_I:
  case EL_IMG:
  case EL_LI:
  case EL_LISTING:
  case EL_MENU:
  case EL_META:
  case EL_NOBR:
  case EL_OL:
  case EL_P:
  case EL_PRE:
  case EL_RUBY:
  case EL_S:
  case EL_SMALL:
  case EL_STRIKE:
  case EL_STRONG:
  case EL_TABLE:
  case EL_TT:
  case EL_U:
  case EL_UL:
    return 1;
  case EL_FONT:
    for (size_t k = 0; k < tok->nattrs; k++) {
      const pith_h5_attr *a = &tok->attrs[k];
      if ((a->name_len == 5 && !memcmp(a->name, "color", 5)) ||
          (a->name_len == 4 &&
           (!memcmp(a->name, "face", 4) || !memcmp(a->name, "size", 4))))
        return 1;
    }
    return 0;
  default:
    return 0;
  }
}

/* Is a foreign element with this name an integration point, where
 * tokens follow the HTML rules again? */
static int integration_point(int ns, const char *name, size_t n,
                             const pith_h5_token *tok) {
  if (ns == NS_SVG)
    return (n == 13 && !memcmp(name, "foreignobject", 13)) ||
           (n == 4 && !memcmp(name, "desc", 4)) ||
           (n == 5 && !memcmp(name, "title", 5));
  if ((n == 2 && (!memcmp(name, "mi", 2) || !memcmp(name, "mo", 2) ||
                  !memcmp(name, "mn", 2) || !memcmp(name, "ms", 2))) ||
      (n == 5 && !memcmp(name, "mtext", 5)))
    return 1;
  if (n == 14 && !memcmp(name, "annotation-xml", 14)) {
    for (size_t k = 0; k < tok->nattrs; k++) {
      const pith_h5_attr *a = &tok->attrs[k];
      if (a->name_len == 8 && !memcmp(a->name, "encoding", 8) &&
          ((a->value_len == 9 && !strncasecmp(a->value, "text/html", 9)) ||
           (a->value_len == 21 &&
            !strncasecmp(a->value, "application/xhtml+xml", 21))))
        return 1;
    }
  }
  return 0;
}

/* Does this token go by the foreign-content rules? */
static int use_foreign(h5b *b, const pith_h5_token *tok, unsigned el) {
  entry *c = cur(b);
  if (!c || c->ns == NS_HTML)
    return 0;
  if (tok->kind == PITH_H5_EOF)
    return 0;
  if (c->ip) {
    /* At an integration point HTML rules apply, except for svg inside
     * annotation-xml and the MathML glyphs (left foreign). */
    if (tok->kind == PITH_H5_TEXT)
      return 0;
    if (tok->kind == PITH_H5_START)
      return 0;
  }
  (void)el;
  return 1;
}

static int foreign(h5b *b, const pith_h5_token *tok, unsigned el,
                   uint32_t hash) {
  if (tok->kind == PITH_H5_TEXT) {
    insert_text(b, tok->text, tok->len);
    return 0;
  }
  if (tok->kind == PITH_H5_START) {
    if (breaks_out(tok, el)) {
      while (b->nst > b->floor + 1 && b->st[b->nst - 1].ns != NS_HTML &&
             !b->st[b->nst - 1].ip)
        pop(b);
      return REPROCESS;
    }
    int ns = cur(b)->ns;
    uint32_t n = insert_element(b, tok, EL_OTHER, hash, ns);
    if (n && b->nst && b->st[b->nst - 1].node == n) {
      b->st[b->nst - 1].ip =
          (uint8_t)integration_point(ns, tok->name, tok->name_len, tok);
      /* An svg element named like an HTML one is still foreign: its
       * element id stays OTHER, the hash tells end tags apart. */
      if (tok->self_closing)
        pop(b);
    }
    return 0;
  }
  if (tok->kind == PITH_H5_END) {
    if (el == EL_BR || el == EL_P) {
      while (b->nst > b->floor + 1 && b->st[b->nst - 1].ns != NS_HTML &&
             !b->st[b->nst - 1].ip)
        pop(b);
      return REPROCESS;
    }
    for (size_t k = b->nst; k > b->floor; k--) {
      const entry *e = &b->st[k - 1];
      if (e->ns == NS_HTML)
        return -1; /* the insertion mode handles it */
      if (e->hash == hash) {
        pop_to(b, k);
        return 0;
      }
    }
  }
  return 0;
}

/* ---- dispatch ----------------------------------------------------------- */

static int process(h5b *b, pith_h5_token *tok, unsigned el, uint32_t hash);

/* Insert (keep) or drop the white space that starts a text token, and
 * take it off the token; returns 1 when nothing else is left. */
static int take_space(h5b *b, pith_h5_token *tok, int keep) {
  size_t sp = lead_space(tok->text, tok->len);
  if (sp && keep)
    insert_text(b, tok->text, sp);
  tok->text += sp;
  tok->len -= sp;
  return tok->len == 0;
}

static int in_head_mode(h5b *b, pith_h5_token *tok, unsigned el,
                        uint32_t hash) {
  if (tok->kind == PITH_H5_TEXT) {
    if (take_space(b, tok, 1))
      return 0;
  } else if (tok->kind == PITH_H5_START) {
    if (el == EL_HTML)
      merge_attrs(b, b->html, tok);
    if (el == EL_HTML || el == EL_HEAD)
      return 0;
    if (head_start(b, tok, el, hash))
      return 0;
  } else if (tok->kind == PITH_H5_END) {
    if (el == EL_HEAD) {
      pop(b);
      b->mode = M_AFTER_HEAD;
      return 0;
    }
    if (el == EL_TEMPLATE)
      return body_end(b, tok, el, hash);
    if (el != EL_BODY && el != EL_HTML && el != EL_BR)
      return 0;
  }
  pop(b); /* the head */
  b->mode = M_AFTER_HEAD;
  return REPROCESS;
}

/* The DOCTYPE's effect: quirks mode (where <table> leaves an open <p>
 * open) for a name other than "html" and for the legacy HTML 2, 3.2 and
 * 4.0 public identifiers, and 4.01 Transitional or Frameset ones without
 * a system identifier. */
static int doctype_quirks(const char *d, size_t n) {
  size_t sp = lead_space(d, n);
  d += sp;
  n -= sp;
  if (n < 4 || strncasecmp(d, "html", 4) ||
      (n > 4 && !strchr(" \t\n\r\f", d[4])))
    return 1;
  static const char *const legacy[] = {
      "-//W3C//DTD HTML 4.0 Transitional", "-//W3C//DTD HTML 4.0 Frameset",
      "-//W3C//DTD HTML 3.2", "-//IETF//DTD HTML", "-//W3C//DTD HTML 3"};
  static const char *const no_system[] = {"-//W3C//DTD HTML 4.01 Transitional",
                                          "-//W3C//DTD HTML 4.01 Frameset"};
  for (size_t k = 0; k < n; k++) {
    if (d[k] != '-')
      continue;
    for (size_t j = 0; j < sizeof legacy / sizeof *legacy; j++) {
      size_t m = strlen(legacy[j]);
      if (k + m <= n && !strncasecmp(d + k, legacy[j], m))
        return 1;
    }
    for (size_t j = 0; j < sizeof no_system / sizeof *no_system; j++) {
      size_t m = strlen(no_system[j]);
      if (k + m > n || strncasecmp(d + k, no_system[j], m))
        continue;
      /* A system identifier is a second quoted string after it. */
      size_t quotes = 0;
      for (size_t q = k + m; q < n; q++)
        quotes += d[q] == '"' || d[q] == '\'';
      return quotes < 3;
    }
    return 0;
  }
  return 0;
}

static int close_caption(h5b *b) {
  size_t k = in_scope(b, EL_CAPTION, SCOPE_TABLE);
  if (!k)
    return 0;
  implied_end_tags(b, 0);
  pop_to(b, in_scope(b, EL_CAPTION, SCOPE_TABLE));
  fmt_clear_to_marker(b);
  b->mode = M_IN_TABLE;
  return 1;
}

static int leave_tbody(h5b *b) {
  if (!tbody_in_scope(b))
    return 0;
  clear_to(b, EL_TBODY);
  pop(b);
  b->mode = M_IN_TABLE;
  return REPROCESS;
}

static int leave_row(h5b *b) {
  if (!in_scope(b, EL_TR, SCOPE_TABLE))
    return 0;
  clear_to(b, EL_TR);
  pop(b);
  b->mode = M_IN_TBODY;
  return REPROCESS;
}

/* Process the token with the rules of mode m, staying in the present mode
 * unless those rules switch to another. */
static int process_as(h5b *b, int m, pith_h5_token *tok, unsigned el,
                      uint32_t hash) {
  int keep = b->mode, outer = b->outer_mode;
  b->mode = m;
  b->outer_mode = keep;
  int r = process(b, tok, el, hash);
  b->outer_mode = outer;
  if (b->mode == m)
    b->mode = keep;
  return r;
}

static int is_table_part(unsigned el) {
  return el == EL_CAPTION || el == EL_COL || el == EL_COLGROUP ||
         el == EL_TBODY || el == EL_TD || el == EL_TFOOT || el == EL_TH ||
         el == EL_THEAD || el == EL_TR;
}

static int mode_in_body(h5b *b, pith_h5_token *tok, unsigned el,
                        uint32_t hash) {
  if (tok->kind == PITH_H5_TEXT) {
    body_text(b, tok->text, tok->len);
    return 0;
  }
  if (tok->kind == PITH_H5_START)
    return body_start(b, tok, el, hash);
  if (tok->kind == PITH_H5_END)
    return body_end(b, tok, el, hash);
  return 0;
}

static int mode_after_head(h5b *b, pith_h5_token *tok, unsigned el,
                           uint32_t hash) {
  int kind = tok->kind;
  if (kind == PITH_H5_TEXT) {
    if (take_space(b, tok, 1))
      return 0;
  } else if (kind == PITH_H5_START) {
    if (el == EL_HTML)
      merge_attrs(b, b->html, tok);
    if (el == EL_HTML || el == EL_HEAD)
      return 0;
    if (el == EL_BODY) {
      b->body = insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_BODY;
      return 0;
    }
    if (el == EL_FRAMESET) {
      insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_FRAMESET;
      return 0;
    }
    if (el == EL_BASE || el == EL_BASEFONT || el == EL_BGSOUND ||
        el == EL_LINK || el == EL_META || el == EL_NOFRAMES ||
        el == EL_SCRIPT || el == EL_STYLE || el == EL_TEMPLATE ||
        el == EL_TITLE) {
      /* Back into the head for this element; the head then leaves the
       * stack again (from under a raw text element, which its end tag
       * pops). */
      if (b->head && push(b, b->head, EL_HEAD, 0, NS_HTML) == 0) {
        int m = b->mode;
        b->mode = M_IN_HEAD;
        head_start(b, tok, el, hash);
        if (b->mode == M_IN_HEAD)
          b->mode = m;
        else if (b->mode == M_TEXT)
          b->orig_mode = m;
        stack_remove(b, stack_find(b, b->head));
      }
      return 0;
    }
  } else if (kind == PITH_H5_END) {
    if (el == EL_TEMPLATE)
      return body_end(b, tok, el, hash);
    if (el != EL_BODY && el != EL_HTML && el != EL_BR)
      return 0;
  }
  ensure_body(b);
  return kind == PITH_H5_EOF ? 0 : REPROCESS;
}

static int mode_table_parts(h5b *b, pith_h5_token *tok, unsigned el,
                            uint32_t hash) {
  int kind = tok->kind;
  int start = kind == PITH_H5_START, end = kind == PITH_H5_END;
  switch (b->mode) {
  case M_IN_TABLE:
    if (kind == PITH_H5_TEXT) {
      if (cur_flags(b) & F_TABLEISH)
        return in_table_text(b, tok->text, tok->len);
      body_text(b, tok->text, tok->len);
      return 0;
    }
    if (kind == PITH_H5_EOF)
      return 0;
    return in_table(b, tok, el, hash);
  case M_IN_CAPTION:
    if ((start && is_table_part(el)) || (end && el == EL_TABLE))
      return close_caption(b) ? REPROCESS : 0;
    if (end && el == EL_CAPTION) {
      close_caption(b);
      return 0;
    }
    if (end && (el == EL_BODY || el == EL_HTML || is_table_part(el)))
      return 0;
    return process_as(b, M_IN_BODY, tok, el, hash);
  case M_IN_COLGROUP:
    if (kind == PITH_H5_TEXT) {
      if (take_space(b, tok, 1))
        return 0;
    } else if (start && el == EL_COL) {
      insert_element(b, tok, el, hash, NS_HTML);
      return 0;
    } else if (start && el == EL_TEMPLATE) {
      head_start(b, tok, el, hash);
      return 0;
    } else if (end && el == EL_COLGROUP) {
      if (cur_is(b, EL_COLGROUP)) {
        pop(b);
        b->mode = M_IN_TABLE;
      }
      return 0;
    } else if ((end && el == EL_COL) || kind == PITH_H5_EOF) {
      return 0;
    }
    if (!cur_is(b, EL_COLGROUP))
      return 0;
    pop(b);
    b->mode = M_IN_TABLE;
    return REPROCESS;
  case M_IN_TBODY:
    if (start && el == EL_TR) {
      clear_to(b, EL_TBODY);
      insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_ROW;
      return 0;
    }
    if (start && (el == EL_TH || el == EL_TD)) {
      pith_h5_token none;
      memset(&none, 0, sizeof none);
      uint32_t h;
      clear_to(b, EL_TBODY);
      el_lookup("tr", 2, &h, NULL);
      insert_element(b, &none, EL_TR, h, NS_HTML);
      b->mode = M_IN_ROW;
      return REPROCESS;
    }
    if ((start && (el == EL_CAPTION || el == EL_COL || el == EL_COLGROUP ||
                   el == EL_TBODY || el == EL_TFOOT || el == EL_THEAD)) ||
        (end && el == EL_TABLE))
      return leave_tbody(b);
    if (end && (el == EL_TBODY || el == EL_TFOOT || el == EL_THEAD)) {
      if (in_scope(b, el, SCOPE_TABLE)) {
        clear_to(b, EL_TBODY);
        pop(b);
        b->mode = M_IN_TABLE;
      }
      return 0;
    }
    if (end && (el == EL_BODY || el == EL_CAPTION || el == EL_COL ||
                el == EL_COLGROUP || el == EL_HTML || el == EL_TD ||
                el == EL_TH || el == EL_TR))
      return 0;
    return process_as(b, M_IN_TABLE, tok, el, hash);
  case M_IN_ROW:
    if (start && (el == EL_TH || el == EL_TD)) {
      clear_to(b, EL_TR);
      insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_IN_CELL;
      fmt_marker(b);
      return 0;
    }
    if ((start &&
         (el == EL_CAPTION || el == EL_COL || el == EL_COLGROUP ||
          el == EL_TBODY || el == EL_TFOOT || el == EL_THEAD || el == EL_TR)) ||
        (end && el == EL_TABLE))
      return leave_row(b);
    if (end && el == EL_TR) {
      leave_row(b);
      return 0;
    }
    if (end && (el == EL_TBODY || el == EL_TFOOT || el == EL_THEAD))
      return in_scope(b, el, SCOPE_TABLE) ? leave_row(b) : 0;
    if (end &&
        (el == EL_BODY || el == EL_CAPTION || el == EL_COL ||
         el == EL_COLGROUP || el == EL_HTML || el == EL_TD || el == EL_TH))
      return 0;
    return process_as(b, M_IN_TABLE, tok, el, hash);
  case M_IN_CELL:
    if (end && (el == EL_TD || el == EL_TH)) {
      if (in_scope(b, el, SCOPE_TABLE))
        close_cell(b);
      return 0;
    }
    if (start && is_table_part(el)) {
      if (!in_scope(b, EL_TD, SCOPE_TABLE) && !in_scope(b, EL_TH, SCOPE_TABLE))
        return 0;
      close_cell(b);
      return REPROCESS;
    }
    if (end && (el == EL_BODY || el == EL_CAPTION || el == EL_COL ||
                el == EL_COLGROUP || el == EL_HTML))
      return 0;
    if (end && (el == EL_TABLE || el == EL_TBODY || el == EL_TFOOT ||
                el == EL_THEAD || el == EL_TR)) {
      if (!in_scope(b, el, SCOPE_TABLE))
        return 0;
      close_cell(b);
      return REPROCESS;
    }
    return process_as(b, M_IN_BODY, tok, el, hash);
  default:
    return 0;
  }
}

static int mode_select(h5b *b, pith_h5_token *tok, unsigned el, uint32_t hash) {
  int kind = tok->kind;
  if (b->mode == M_IN_SELECT_TABLE &&
      (el == EL_CAPTION || el == EL_TABLE || el == EL_TBODY || el == EL_TFOOT ||
       el == EL_THEAD || el == EL_TR || el == EL_TD || el == EL_TH) &&
      (kind == PITH_H5_START ||
       (kind == PITH_H5_END && in_scope(b, el, SCOPE_TABLE)))) {
    size_t k = in_scope(b, EL_SELECT, SCOPE_SELECT);
    if (!k)
      return 0;
    pop_to(b, k);
    reset_mode(b);
    return REPROCESS;
  }
  if (kind == PITH_H5_TEXT) {
    insert_text(b, tok->text, tok->len);
    return 0;
  }
  if (kind == PITH_H5_START) {
    switch (el) {
    case EL_OPTION:
      if (cur_is(b, EL_OPTION))
        pop(b);
      insert_element(b, tok, el, hash, NS_HTML);
      return 0;
    case EL_OPTGROUP:
      if (cur_is(b, EL_OPTION))
        pop(b);
      if (cur_is(b, EL_OPTGROUP))
        pop(b);
      insert_element(b, tok, el, hash, NS_HTML);
      return 0;
    case EL_SELECT:
    case EL_INPUT:
    case EL_KEYGEN:
    case EL_TEXTAREA: {
      size_t k = in_scope(b, EL_SELECT, SCOPE_SELECT);
      if (!k)
        return 0;
      pop_to(b, k);
      reset_mode(b);
      return el == EL_SELECT ? 0 : REPROCESS;
    }
    case EL_SCRIPT:
    case EL_TEMPLATE:
      head_start(b, tok, el, hash);
      return 0;
    default:
      return 0;
    }
  }
  if (kind == PITH_H5_END) {
    switch (el) {
    case EL_OPTGROUP:
      if (cur_is(b, EL_OPTION) && b->nst >= 2 &&
          b->st[b->nst - 2].ns == NS_HTML &&
          b->st[b->nst - 2].el == EL_OPTGROUP)
        pop(b);
      if (cur_is(b, EL_OPTGROUP))
        pop(b);
      return 0;
    case EL_OPTION:
      if (cur_is(b, EL_OPTION))
        pop(b);
      return 0;
    case EL_SELECT: {
      size_t k = in_scope(b, EL_SELECT, SCOPE_SELECT);
      if (k) {
        pop_to(b, k);
        reset_mode(b);
      }
      return 0;
    }
    case EL_TEMPLATE:
      return body_end(b, tok, el, hash);
    default:
      return 0;
    }
  }
  return 0;
}

/* "in template": table parts switch to the table mode they belong in. */
static int mode_template(h5b *b, pith_h5_token *tok, unsigned el,
                         uint32_t hash) {
  int kind = tok->kind;
  if (kind == PITH_H5_TEXT)
    return process_as(b, M_IN_BODY, tok, el, hash);
  if (kind == PITH_H5_START) {
    switch (el) {
    case EL_BASE:
    case EL_BASEFONT:
    case EL_BGSOUND:
    case EL_LINK:
    case EL_META:
    case EL_NOFRAMES:
    case EL_SCRIPT:
    case EL_STYLE:
    case EL_TEMPLATE:
    case EL_TITLE:
      head_start(b, tok, el, hash);
      return 0;
    case EL_CAPTION:
    case EL_COLGROUP:
    case EL_TBODY:
    case EL_TFOOT:
    case EL_THEAD:
      tmpl_switch(b, M_IN_TABLE);
      return REPROCESS;
    case EL_COL:
      tmpl_switch(b, M_IN_COLGROUP);
      return REPROCESS;
    case EL_TR:
      tmpl_switch(b, M_IN_TBODY);
      return REPROCESS;
    case EL_TD:
    case EL_TH:
      tmpl_switch(b, M_IN_ROW);
      return REPROCESS;
    default:
      tmpl_switch(b, M_IN_BODY);
      return REPROCESS;
    }
  }
  if (kind == PITH_H5_END)
    return el == EL_TEMPLATE ? body_end(b, tok, el, hash) : 0;
  if (kind == PITH_H5_EOF) {
    size_t k = in_scope(b, EL_TEMPLATE, SCOPE_TABLE);
    if (!k)
      return 0;
    pop_to(b, k);
    fmt_clear_to_marker(b);
    if (b->ntmpl)
      b->ntmpl--;
    reset_mode(b);
    return REPROCESS;
  }
  return 0;
}

static int mode_frameset(h5b *b, pith_h5_token *tok, unsigned el,
                         uint32_t hash) {
  int kind = tok->kind, in = b->mode == M_IN_FRAMESET;
  if (kind == PITH_H5_START && in && (el == EL_FRAMESET || el == EL_FRAME)) {
    insert_element(b, tok, el, hash, NS_HTML);
    return 0;
  }
  if (kind == PITH_H5_START && el == EL_NOFRAMES) {
    insert_raw(b, tok, el, hash);
    return 0;
  }
  if (kind == PITH_H5_END && in && el == EL_FRAMESET) {
    if (b->nst > 1 && cur_is(b, EL_FRAMESET))
      pop(b);
    if (!cur_is(b, EL_FRAMESET))
      b->mode = M_AFTER_FRAMESET;
  }
  return 0;
}

static void run_tokens(h5b *b);

/* The text of a noscript element, which the tokenizer reads as raw text
 * (as a browser running scripts does, so it ends at the first
 * "</noscript>"), is parsed as markup under the element (what a reader
 * without scripts sees): in body, above a floor that no token inside can
 * close or reach below. */
static void noscript_fragment(h5b *b, const char *s, size_t n) {
  if (b->nested >= NOSCRIPT_NEST_MAX || over(b))
    return;
  pith_h5_tok *tk = pith__h5_tok_new(s, n);
  if (!tk) {
    b->t->oom = 1;
    b->stop = 1;
    return;
  }
  pith_h5_tok *outer = b->tk;
  size_t floor = b->floor, base = b->nst;
  int orig = b->orig_mode, pushed = b->text_pushed, skip_lf = b->skip_lf;
  uint32_t form = b->form;
  b->tk = tk;
  b->floor = base;
  b->nested++;
  b->mode = M_IN_BODY;
  b->skip_lf = 0;
  fmt_marker(b);
  run_tokens(b);
  while (b->nst > base)
    pop(b);
  fmt_clear_to_marker(b);
  b->nested--;
  b->floor = floor;
  b->tk = outer;
  pith__h5_tok_free(tk);
  b->mode = M_TEXT;
  b->orig_mode = orig;
  b->text_pushed = pushed;
  b->skip_lf = skip_lf;
  b->form = form;
  b->last_text = 0;
}

static int process(h5b *b, pith_h5_token *tok, unsigned el, uint32_t hash) {
  int kind = tok->kind;
  if (kind == PITH_H5_COMMENT)
    return 0;
  if (kind == PITH_H5_DOCTYPE) {
    if (b->mode == M_INITIAL) {
      b->quirks = doctype_quirks(tok->text, tok->len);
      b->mode = M_BEFORE_HTML;
    }
    return 0;
  }
  if (b->mode != M_TEXT && use_foreign(b, tok, el)) {
    int r = foreign(b, tok, el, hash);
    if (r >= 0)
      return r;
  }
  switch (b->mode) {
  case M_INITIAL:
    b->quirks = 1; /* no DOCTYPE */
    b->mode = M_BEFORE_HTML;
    return REPROCESS;
  case M_BEFORE_HTML:
    if (kind == PITH_H5_TEXT && take_space(b, tok, 0))
      return 0;
    if (kind == PITH_H5_END && el != EL_HEAD && el != EL_BODY &&
        el != EL_HTML && el != EL_BR)
      return 0;
    if (kind == PITH_H5_START && el == EL_HTML) {
      b->html = insert_element(b, tok, el, hash, NS_HTML);
      b->mode = M_BEFORE_HEAD;
      return 0;
    }
    ensure_html(b);
    b->mode = M_BEFORE_HEAD;
    return REPROCESS;
  case M_BEFORE_HEAD:
    if (kind == PITH_H5_TEXT && take_space(b, tok, 0))
      return 0;
    if (kind == PITH_H5_START && el == EL_HTML) {
      merge_attrs(b, b->html, tok);
      return 0;
    }
    if (kind == PITH_H5_START && el == EL_HEAD) {
      ensure_head(b, tok);
      b->mode = M_IN_HEAD;
      return 0;
    }
    if (kind == PITH_H5_END && el != EL_HEAD && el != EL_BODY &&
        el != EL_HTML && el != EL_BR)
      return 0;
    ensure_head(b, NULL);
    b->mode = M_IN_HEAD;
    return REPROCESS;
  case M_IN_HEAD:
    return in_head_mode(b, tok, el, hash);
  case M_AFTER_HEAD:
    return mode_after_head(b, tok, el, hash);
  case M_IN_BODY:
    return mode_in_body(b, tok, el, hash);
  case M_TEXT:
    if (kind == PITH_H5_TEXT) {
      const char *t = tok->text;
      size_t n = tok->len;
      strip_lf(b, &t, &n);
      if (b->text_pushed && cur_is(b, EL_NOSCRIPT))
        noscript_fragment(b, t, n);
      else
        insert_text(b, t, n);
      return 0;
    }
    /* Its end tag, or the end of input: the element closes. */
    if (b->text_pushed)
      pop(b);
    b->text_pushed = 0;
    b->mode = b->orig_mode;
    return kind == PITH_H5_END ? 0 : REPROCESS;
  case M_IN_TABLE:
  case M_IN_CAPTION:
  case M_IN_COLGROUP:
  case M_IN_TBODY:
  case M_IN_ROW:
  case M_IN_CELL:
    return mode_table_parts(b, tok, el, hash);
  case M_IN_SELECT:
  case M_IN_SELECT_TABLE:
    return mode_select(b, tok, el, hash);
  case M_AFTER_BODY:
  case M_AFTER_AFTER_BODY:
    if (kind == PITH_H5_TEXT && lead_space(tok->text, tok->len) == tok->len) {
      body_text(b, tok->text, tok->len);
      return 0;
    }
    if (kind == PITH_H5_START && el == EL_HTML) {
      merge_attrs(b, b->html, tok);
      return 0;
    }
    if (kind == PITH_H5_END && el == EL_HTML) {
      b->mode = M_AFTER_AFTER_BODY;
      return 0;
    }
    if (kind == PITH_H5_EOF)
      return 0;
    b->mode = M_IN_BODY;
    return REPROCESS;
  case M_IN_FRAMESET:
  case M_AFTER_FRAMESET:
    return mode_frameset(b, tok, el, hash);
  case M_IN_TEMPLATE:
    return mode_template(b, tok, el, hash);
  default:
    return 0;
  }
}

/* Read tokens to the end of b->tk's input (or a stop) and build. */
static void run_tokens(h5b *b) {
  pith_h5_token tok;
  for (;;) {
    if (pith__h5_tok_next(b->tk, &tok) < 0) {
      b->t->oom = 1;
      break;
    }
    unsigned el = EL_OTHER;
    uint32_t hash = 0;
    if (tok.kind == PITH_H5_START || tok.kind == PITH_H5_END)
      el = el_lookup(tok.name, tok.name_len, &hash, &b->tok_tag);
    for (int guard = 0; guard < 16; guard++)
      if (process(b, &tok, el, hash) != REPROCESS)
        break;
    if (!(tok.kind == PITH_H5_TEXT ||
          (tok.kind == PITH_H5_START &&
           (el == EL_PRE || el == EL_LISTING || el == EL_TEXTAREA))))
      b->skip_lf = 0;
    if (tok.kind == PITH_H5_EOF || b->stop || b->t->oom)
      break;
    entry *c = cur(b);
    pith__h5_tok_foreign(b->tk, c && c->ns != NS_HTML);
  }
}

/* ---- renumbering -------------------------------------------------------- */

/* Is the array in document order, with every node in the tree?  *depth
 * gets the depth of the deepest element (the root's children: 1). */
static int in_order(const pith_tree *t, uint32_t *depth) {
  uint32_t expect = 0, i = 0, d = 0, deepest = 0;
  int ok = 1;
  for (;;) {
    if (i != expect++)
      ok = 0;
    if (t->nodes[i].tag != PITH_TAG_TEXT && d > deepest)
      deepest = d;
    if (t->nodes[i].first) {
      i = t->nodes[i].first;
      d++;
      continue;
    }
    while (i && !t->nodes[i].next) {
      i = t->nodes[i].parent;
      d--;
    }
    if (!i)
      break;
    i = t->nodes[i].next;
  }
  *depth = deepest;
  return ok && expect == t->nnodes;
}

/* Elements deeper than max_depth go, their children taking their place
 * (as the libxml2 parse flattens them): the adoption agency and foster
 * parenting can nest what the stack of open elements never held that
 * deep.  The removed nodes are left out of the tree for renumber(). */
static void flatten_deep(pith_tree *t, uint32_t max_depth) {
  uint32_t i = t->nodes[0].first, d = 1;
  while (i) {
    pith_node *nd = &t->nodes[i];
    int climb = 0;
    if (nd->tag != PITH_TAG_TEXT && d > max_depth) {
      uint32_t p = nd->parent, prev = nd->prev, next = nd->next;
      uint32_t f = nd->first, l = nd->last;
      for (uint32_t c = f; c; c = t->nodes[c].next)
        t->nodes[c].parent = p;
      uint32_t head = f ? f : next, tail = f ? l : prev;
      if (f) {
        t->nodes[f].prev = prev;
        t->nodes[l].next = next;
      }
      if (prev)
        t->nodes[prev].next = head;
      else
        t->nodes[p].first = head;
      if (next)
        t->nodes[next].prev = tail;
      else
        t->nodes[p].last = tail;
      nd->first = nd->last = nd->prev = nd->next = nd->parent = 0;
      if (f) {
        i = f; /* the same depth */
        continue;
      }
      if (next) {
        i = next;
        continue;
      }
      i = p; /* its parent's later siblings come next */
      d--;
      climb = 1;
    }
    if (!climb && t->nodes[i].first) {
      i = t->nodes[i].first;
      d++;
      continue;
    }
    while (i && !t->nodes[i].next) {
      i = t->nodes[i].parent;
      d--;
    }
    if (!i)
      break;
    i = t->nodes[i].next;
  }
}

/* Put the nodes in document order again (after moves), dropping nodes no
 * longer in the tree. */
static int renumber(pith_tree *t) {
  uint32_t n = t->nnodes;
  uint32_t *map = pith__malloc((size_t)n * sizeof *map);
  pith_node *nodes = pith__malloc((size_t)n * sizeof *nodes);
  if (!map || !nodes) {
    pith__free(map);
    pith__free(nodes);
    t->oom = 1;
    return -1;
  }
  memset(map, 0, (size_t)n * sizeof *map);
  /* Preorder over the links. */
  uint32_t count = 0, i = 0;
  for (;;) {
    map[i] = count;
    nodes[count++] = t->nodes[i];
    if (t->nodes[i].first) {
      i = t->nodes[i].first;
      continue;
    }
    while (i && !t->nodes[i].next)
      i = t->nodes[i].parent;
    if (!i)
      break;
    i = t->nodes[i].next;
  }
  for (uint32_t k = 0; k < count; k++) {
    pith_node *nd = &nodes[k];
    nd->parent = k ? map[nd->parent] : 0;
    nd->first = nd->first ? map[nd->first] : 0;
    nd->last = nd->last ? map[nd->last] : 0;
    nd->next = nd->next ? map[nd->next] : 0;
    nd->prev = nd->prev ? map[nd->prev] : 0;
  }
  pith__free(map);
  pith__free(t->nodes);
  t->nodes = nodes;
  t->nnodes = count;
  t->capnodes = n;
  return 0;
}

/* ---- the parse ---------------------------------------------------------- */

int pith__html5_parse(pith_tree *t, const char *utf8, size_t len,
                      const pith_tree_limits *lim) {
  h5b b;
  memset(&b, 0, sizeof b);
  b.t = t;
  uint32_t max_depth;
  if (pith__tree_begin(t, len, lim, &b.clock, &max_depth) < 0)
    return -1;
  b.maxst = max_depth;
  if (len == 0)
    return 0;
  call_once(&el_once, el_build);
  b.tk = pith__h5_tok_new(utf8, len);
  if (!b.tk) {
    t->oom = 1;
    return -1;
  }
  run_tokens(&b);
  for (size_t k = 0; k < b.nst; k++)
    t->nodes[b.st[k].node].flags &= (uint16_t)~NF_OPEN;
  pith__h5_tok_free(b.tk);
  pith__free(b.st);
  pith__free(b.fmt);
  /* Moves (foster parenting, the adoption agency) and insertions into an
   * element reopened out of order (the head, after it closed) leave the
   * array out of document order, and moves can nest elements deeper than
   * the cap: one walk checks, and flattening and renumbering put it
   * right. */
  uint32_t deepest = 0;
  if (!t->oom && (!in_order(t, &deepest) || b.moved || deepest > b.maxst)) {
    if (deepest > b.maxst)
      flatten_deep(t, (uint32_t)b.maxst);
    renumber(t);
  }
  return t->oom ? -1 : 0;
}
