/* SPDX-License-Identifier: MIT */
/*
 * tree.h - pith's own compact document tree.
 *
 * The parser stage (tree.c) builds it from libxml2's HTML SAX events, so no
 * other stage depends on libxml2's node types.  Nodes live in one array and
 * refer to each other by index; index 0 is the document root, and 0 in a
 * link field means "none".  Only the attributes later stages use are kept,
 * each as a known PITH_ATTR_* id; everything else is dropped while parsing.
 * Text of text nodes lives in one shared character pool.
 */
#ifndef PITH_TREE_H
#define PITH_TREE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"
#include "clock.h"

/* X(enum name, tag name, kind) where kind: B block, I inline, V void,
 * S content readers never see (script, style, svg, select, the ruby
 * annotations rt and rp, ...): the
 * parser keeps no text of script and style; the rest is pruned later. */
#define PITH_TAG_LIST(X)                                                       \
  X(A, "a", I)                                                                 \
  X(ABBR, "abbr", I)                                                           \
  X(ADDRESS, "address", B)                                                     \
  X(ARTICLE, "article", B)                                                     \
  X(ASIDE, "aside", B)                                                         \
  X(AUDIO, "audio", S)                                                         \
  X(B, "b", I)                                                                 \
  X(BASE, "base", V)                                                           \
  X(BDI, "bdi", I)                                                             \
  X(BDO, "bdo", I)                                                             \
  X(BLOCKQUOTE, "blockquote", B)                                               \
  X(BODY, "body", B)                                                           \
  X(BR, "br", V)                                                               \
  X(BUTTON, "button", S)                                                       \
  X(CANVAS, "canvas", S)                                                       \
  X(CAPTION, "caption", B)                                                     \
  X(CENTER, "center", B)                                                       \
  X(CITE, "cite", I)                                                           \
  X(CODE, "code", I)                                                           \
  X(DD, "dd", B)                                                               \
  X(DEL, "del", I)                                                             \
  X(DETAILS, "details", B)                                                     \
  X(DFN, "dfn", I)                                                             \
  X(DIALOG, "dialog", B)                                                       \
  X(DIV, "div", B)                                                             \
  X(DL, "dl", B)                                                               \
  X(DT, "dt", B)                                                               \
  X(EM, "em", I)                                                               \
  X(EMBED, "embed", S)                                                         \
  X(FIELDSET, "fieldset", B)                                                   \
  X(FIGCAPTION, "figcaption", B)                                               \
  X(FIGURE, "figure", B)                                                       \
  X(FONT, "font", I)                                                           \
  X(FOOTER, "footer", B)                                                       \
  X(FORM, "form", B)                                                           \
  X(FRAME, "frame", S)                                                         \
  X(FRAMESET, "frameset", S)                                                   \
  X(H1, "h1", B)                                                               \
  X(H2, "h2", B)                                                               \
  X(H3, "h3", B)                                                               \
  X(H4, "h4", B)                                                               \
  X(H5, "h5", B)                                                               \
  X(H6, "h6", B)                                                               \
  X(HEAD, "head", B)                                                           \
  X(HEADER, "header", B)                                                       \
  X(HGROUP, "hgroup", B)                                                       \
  X(HR, "hr", V)                                                               \
  X(HTML, "html", B)                                                           \
  X(I, "i", I)                                                                 \
  X(IFRAME, "iframe", S)                                                       \
  X(IMG, "img", V)                                                             \
  X(INPUT, "input", V)                                                         \
  X(INS, "ins", I)                                                             \
  X(KBD, "kbd", I)                                                             \
  X(LABEL, "label", I)                                                         \
  X(LEGEND, "legend", B)                                                       \
  X(LI, "li", B)                                                               \
  X(LINK, "link", V)                                                           \
  X(MAIN, "main", B)                                                           \
  X(MAP, "map", S)                                                             \
  X(MARK, "mark", I)                                                           \
  X(MATH, "math", S)                                                           \
  X(MENU, "menu", B)                                                           \
  X(META, "meta", V)                                                           \
  X(METER, "meter", S)                                                         \
  X(NAV, "nav", B)                                                             \
  X(NOSCRIPT, "noscript", S)                                                   \
  X(OBJECT, "object", S)                                                       \
  X(OL, "ol", B)                                                               \
  X(OPTGROUP, "optgroup", S)                                                   \
  X(OPTION, "option", S)                                                       \
  X(OUTPUT, "output", I)                                                       \
  X(P, "p", B)                                                                 \
  X(PICTURE, "picture", I)                                                     \
  X(PRE, "pre", B)                                                             \
  X(PROGRESS, "progress", S)                                                   \
  X(Q, "q", I)                                                                 \
  X(RP, "rp", S)                                                               \
  X(RT, "rt", S)                                                               \
  X(RUBY, "ruby", I)                                                           \
  X(S, "s", I)                                                                 \
  X(SAMP, "samp", I)                                                           \
  X(SCRIPT, "script", S)                                                       \
  X(SECTION, "section", B)                                                     \
  X(SELECT, "select", S)                                                       \
  X(SMALL, "small", I)                                                         \
  X(SOURCE, "source", V)                                                       \
  X(SPAN, "span", I)                                                           \
  X(STRIKE, "strike", I)                                                       \
  X(STRONG, "strong", I)                                                       \
  X(STYLE, "style", S)                                                         \
  X(SUB, "sub", I)                                                             \
  X(SUMMARY, "summary", B)                                                     \
  X(SUP, "sup", I)                                                             \
  X(SVG, "svg", S)                                                             \
  X(TABLE, "table", B)                                                         \
  X(TBODY, "tbody", B)                                                         \
  X(TD, "td", B)                                                               \
  X(TEMPLATE, "template", S)                                                   \
  X(TEXTAREA, "textarea", S)                                                   \
  X(TFOOT, "tfoot", B)                                                         \
  X(TH, "th", B)                                                               \
  X(THEAD, "thead", B)                                                         \
  X(TIME, "time", I)                                                           \
  X(TITLE, "title", S)                                                         \
  X(TR, "tr", B)                                                               \
  X(TT, "tt", I)                                                               \
  X(U, "u", I)                                                                 \
  X(UL, "ul", B)                                                               \
  X(VAR, "var", I)                                                             \
  X(VIDEO, "video", S)                                                         \
  X(WBR, "wbr", V)

typedef enum {
  PITH_TAG_ROOT = 0, /* the document node */
  PITH_TAG_TEXT,     /* a text node */
  PITH_TAG_UNKNOWN,  /* an element whose name is not in the list */
#define PITH_X_ENUM(e, n, k) PITH_TAG_##e,
  PITH_TAG_LIST(PITH_X_ENUM)
#undef PITH_X_ENUM
      PITH_TAG_COUNT
} pith_tag;

/* Attributes kept by the parser.  X(enum name, attribute name). */
#define PITH_ATTR_LIST(X)                                                      \
  X(ALT, "alt")                                                                \
  X(ARIA_HIDDEN, "aria-hidden")                                                \
  X(ARIA_LABEL, "aria-label")                                                  \
  X(ARIA_MODAL, "aria-modal")                                                  \
  X(CHARSET, "charset")                                                        \
  X(CLASS, "class")                                                            \
  X(COLSPAN, "colspan")                                                        \
  X(CONTENT, "content")                                                        \
  X(DATA_SRC, "data-src")                                                      \
  X(DATETIME, "datetime")                                                      \
  X(HIDDEN, "hidden")                                                          \
  X(HREF, "href")                                                              \
  X(HTTP_EQUIV, "http-equiv")                                                  \
  X(ID, "id")                                                                  \
  X(ITEMPROP, "itemprop")                                                      \
  X(ITEMTYPE, "itemtype")                                                      \
  X(LANG, "lang")                                                              \
  X(NAME, "name")                                                              \
  X(PROPERTY, "property")                                                      \
  X(REL, "rel")                                                                \
  X(ROLE, "role")                                                              \
  X(ROWSPAN, "rowspan")                                                        \
  X(SRC, "src")                                                                \
  X(STYLE, "style")                                                            \
  X(TITLE, "title")                                                            \
  X(TYPE, "type")                                                              \
  X(VALUE, "value")

typedef enum {
  PITH_ATTR_NONE = 0,
#define PITH_X_ENUM(e, n) PITH_ATTR_##e,
  PITH_ATTR_LIST(PITH_X_ENUM)
#undef PITH_X_ENUM
      PITH_ATTR_COUNT
} pith_attr_id;

/* Tag kinds (bits of pith__tag_kind()). */
#define PITH_KIND_BLOCK 1u
#define PITH_KIND_INLINE 2u
#define PITH_KIND_VOID 4u
#define PITH_KIND_SKIP 8u

/* Node flags set while parsing. */
#define PITH_NF_HIDDEN 1u   /* hidden attr, aria-hidden=true, display:none */
#define PITH_NF_KEEPTEXT 2u /* title, JSON-LD: text kept for metadata */

typedef struct {
  uint32_t parent, first, last, next, prev;
  uint16_t tag;   /* pith_tag */
  uint16_t flags; /* PITH_NF_* */
  uint32_t attr;  /* index of the first attribute in tree->attrs */
  uint32_t nattr; /* number of attributes */
  uint32_t text;  /* text nodes: offset into tree->chars */
  uint32_t len;   /* text nodes: length in bytes */
} pith_node;

typedef struct {
  uint16_t id;    /* pith_attr_id */
  uint32_t value; /* offset into tree->chars of a NUL-terminated value */
  uint32_t len;
} pith_attr;

typedef struct {
  pith_node *nodes;
  uint32_t nnodes, capnodes;
  pith_attr *attrs;
  uint32_t nattrs, capattrs;
  pith_buf chars; /* text and attribute values */
  /* Limits and state while building. */
  uint32_t max_nodes;
  int truncated; /* a limit was hit: the tree is partial */
  int timed_out; /* the time budget ran out (truncated is set too) */
  int oom;
} pith_tree;

/* Prepare UTF-8 HTML in place for libxml2's tokenizer, and return its new
 * length (never longer; the caller terminates it).
 * - libxml2 2.9 gives up on an attribute whose name starts with a
 *   character other than a letter, '_', ':' or '.', and skips to the next
 *   '>' - which for the "@click" and "@focusout" attributes of Alpine.js
 *   and Vue is often inside the attribute's arrow-function value, so the
 *   rest of the tag leaks into the page as text.  Browsers accept such
 *   names; this renames their first character to 'x' so libxml2 does too.
 * - Attributes beyond the 256th of one tag are blanked out: libxml2
 *   compares each attribute with every earlier one of its tag.
 * - What the tree would throw away is cut before libxml2 tokenizes it:
 *   the text of <style> and of every <script> but JSON-LD (up to the
 *   "</script" or "</style" where libxml2, recovering, ends it too; a
 *   "<script/>" opens a script, as in browsers), and attributes the tree
 *   does not keep (srcset, data-*, event handlers, SVG paths, ...) when
 *   written plainly (a name of letters, digits, '-', '_', ':' and '.'
 *   after white space, a quoted value or none, then white space or '>').
 *   Comments are skipped whole.  The tree built from the result is the
 *   tree built from the input (tests/unit/test_extract.c checks).
 * One linear pass. */
size_t pith__html_fixup(char *s, size_t n);

/* Clean s[0..n) of valid UTF-8 in place and return its new length (never
 * longer): C0 and C1 controls other than tab and newline go (a CR before
 * a newline goes, a lone CR becomes a newline, form feed and vertical tab
 * a space); the soft hyphen (U+00AD) and zero-width characters (U+200B,
 * U+200C, U+200D, U+2060, U+FEFF) go.  The parser applies it to every
 * text run and attribute value as they enter the tree, so every stage,
 * renderer and metadata field sees the same clean text; JSON-LD strings
 * get it after their escapes are decoded.
 * No-break spaces (nb_space() in chars.h) stay in the tree, where the
 * extract stage counts them as visible, as it always has; the text
 * writers (body.c, comments.c, and the metadata's cleaning) turn them
 * into plain spaces. */
size_t pith__clean_text(char *s, size_t n);

/* Parse UTF-8 HTML (already decoded, no NUL bytes) into `t`.  Returns 0 on
 * success, -1 when out of memory (t->chars.toobig: a buffer reached its
 * cap) and PITH_TREE_PARSER when libxml2 could not start a parser.  Free
 * the tree with pith__tree_free() in every case. */
#define PITH_TREE_PARSER (-2)
int pith__tree_parse(pith_tree *t, const char *utf8, size_t len);

/* Limits of one parse; 0 in a field keeps its default (4Mi nodes, depth
 * 512, no time budget). */
typedef struct {
  uint32_t max_nodes;      /* nodes past this are dropped: truncated */
  uint32_t max_depth;      /* deeper elements are flattened: no loss */
  uint32_t time_budget_ms; /* parsing stops here: truncated, timed_out */
  /* The page's clock (clock.h), when the parse is one stage of a page:
   * then time_budget_ms is not read, and parsing stops at parse_deadline
   * (CLOCK_MONOTONIC ns; 0: the clock's own deadline). */
  pith_clock *clock;
  uint64_t parse_deadline;
} pith_tree_limits;

/* pith__tree_parse() with limits (`lim` may be NULL). */
int pith__tree_parse_limited(pith_tree *t, const char *utf8, size_t len,
                             const pith_tree_limits *lim);
void pith__tree_free(pith_tree *t);

/* Building a tree (both parsers).  The tag id of name[0..n) (lower
 * case; PITH_TAG_UNKNOWN when not in the list) and the attribute id (0:
 * not kept). */
unsigned pith__tag_id(const char *name, size_t n);
unsigned pith__attr_id(const char *name, size_t n);
/* A new node of `tag` as the last child of `parent`; 0 when the node cap
 * is reached (t->truncated) or out of memory (t->oom).  Its attributes
 * must be added next, before any other node. */
uint32_t pith__tree_add_node(pith_tree *t, uint32_t parent, unsigned tag);
/* Add attribute `id` with value[0..len) (cleaned as text) to `node`, the
 * node added last, setting PITH_NF_HIDDEN when it hides the element.
 * Returns 1 when it is a JSON-LD type, 0 otherwise, -1 on failure (oom or
 * truncated set). */
int pith__tree_add_attr(pith_tree *t, uint32_t node, unsigned id,
                        const char *value, size_t len);
/* Append copies of the attribute records [first, first + n) to `node`,
 * the node whose attributes are being added (the records may be another
 * node's, or its own moved to the end).  Returns 0, or -1 (t->oom). */
int pith__tree_copy_attrs(pith_tree *t, uint32_t node, uint32_t first,
                          uint32_t n);
/* Start a parse: `t` empty but for its root node (index 0), the node cap
 * and *max_depth from `lim` (defaults where 0 or NULL), *clock set to the
 * parse's share of the time budget.  Returns 0, or -1 out of memory (free
 * the tree with pith__tree_free() in every case). */
int pith__tree_begin(pith_tree *t, size_t len, const pith_tree_limits *lim,
                     pith_clock *clock, uint32_t *max_depth);
/* Append text s[0..len) (cleaned) as the last child of `parent`: to the
 * text node *last_text when it is that last child and ends the character
 * pool, else as a new text node, whose index goes to *last_text.  Returns
 * 0, or -1 on failure (oom or truncated set). */
int pith__tree_add_text(pith_tree *t, uint32_t parent, const char *s,
                        size_t len, uint32_t *last_text);

/* The kind bits of a tag. */
unsigned pith__tag_kind(unsigned tag);
/* The lower-case name of a tag ("" for ROOT/TEXT/UNKNOWN). */
const char *pith__tag_name(unsigned tag);
/* The name of a kept attribute ("" for PITH_ATTR_NONE or out of range). */
const char *pith__attr_name(unsigned id);

static inline pith_node *pith__node(const pith_tree *t, uint32_t i) {
  return &t->nodes[i];
}

/* The value of attribute `id` on node `n`, or NULL when absent.  The string
 * is NUL-terminated and lives as long as the tree; *len (if non-NULL)
 * receives its length. */
const char *pith__attr(const pith_tree *t, uint32_t n, unsigned id,
                       size_t *len);

/* The text of a text node (not NUL-terminated; length in node->len). */
static inline const char *pith__text(const pith_tree *t, uint32_t n) {
  return t->chars.data + t->nodes[n].text;
}

/* Append the text content of node `n` (all descendant text, skipping
 * PITH_KIND_SKIP elements) to `out`, with runs of white space collapsed to
 * one space and no leading/trailing space.  Block boundaries become one
 * space too. */
void pith__tree_text(const pith_tree *t, uint32_t n, pith_buf *out);

/* Depth-first pre-order walk: the node after `n` within the subtree of
 * `root` (returns 0 when done).  With skip_children, `n`'s children are
 * skipped. */
static inline uint32_t pith__next_node(const pith_tree *t, uint32_t root,
                                       uint32_t n, int skip_children) {
  const pith_node *nd = &t->nodes[n];
  if (!skip_children && nd->first)
    return nd->first;
  while (n && n != root) {
    if (t->nodes[n].next)
      return t->nodes[n].next;
    n = t->nodes[n].parent;
  }
  return 0;
}

#endif
