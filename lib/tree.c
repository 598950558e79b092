/* SPDX-License-Identifier: MIT */
/*
 * tree.c - the parse stage: UTF-8 HTML in, pith_tree out.
 *
 * libxml2's HTML parser does the tokenising and the HTML error recovery
 * (implied and auto-closed elements).  We take its SAX events and build our
 * own compact tree instead of libxml2's DOM: one node array, only the
 * attributes later stages use, and no children under elements whose content
 * readers never see (script, svg, select, ...), which makes parsing cheaper
 * than libxml2's own tree building and keeps libxml2 out of every later
 * stage.
 */
#define _POSIX_C_SOURCE 200809L
#include "tree.h"

#include <time.h>

#include <string.h>
#include <strings.h>
#include <threads.h>

#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include "chars.h"

/* Nesting deeper than this is flattened: deeper elements add no nodes and
 * their text goes to the deepest kept element. */
#define TREE_MAX_DEPTH 512
/* Default cap on nodes of one page (text and elements): about 70 bytes a
 * node through all stages, so some 280 MB at most. */
#define TREE_MAX_NODES (4u * 1024 * 1024)
/* Attributes of one tag beyond this many are blanked before parsing. */
#define MAX_TAG_ATTRS 256

static const char *const tag_names[] = {"", "", "",
#define PITH_X_NAME(e, n, k) n,
                                        PITH_TAG_LIST(PITH_X_NAME)
#undef PITH_X_NAME
};

#define KIND_B PITH_KIND_BLOCK
#define KIND_I PITH_KIND_INLINE
#define KIND_V (PITH_KIND_VOID | PITH_KIND_INLINE)
#define KIND_S PITH_KIND_SKIP
static const unsigned char tag_kinds[] = {KIND_B, 0, KIND_B,
#define PITH_X_KIND(e, n, k) KIND_##k,
                                          PITH_TAG_LIST(PITH_X_KIND)
#undef PITH_X_KIND
};

static const char *const attr_names[] = {"",
#define PITH_X_NAME(e, n) n,
                                         PITH_ATTR_LIST(PITH_X_NAME)
#undef PITH_X_NAME
};

unsigned pith__tag_kind(unsigned tag) {
  return tag < PITH_TAG_COUNT ? tag_kinds[tag] : 0;
}

const char *pith__tag_name(unsigned tag) {
  return tag < PITH_TAG_COUNT ? tag_names[tag] : "";
}

const char *pith__attr_name(unsigned id) {
  return id < PITH_ATTR_COUNT ? attr_names[id] : "";
}

/* Tag and attribute names are looked up in hash tables (FNV-1a, linear
 * probing) built once per process on first use, read-only after: one hash
 * and nearly always one comparison per name. */
#define NAME_SLOTS 512 /* over four times the names of either list */
_Static_assert(PITH_TAG_COUNT * 4 <= NAME_SLOTS, "grow NAME_SLOTS");
_Static_assert((int)PITH_ATTR_COUNT <= (int)PITH_TAG_COUNT,
               "name_table.len is sized by tags");
typedef struct {
  uint16_t slot[NAME_SLOTS]; /* index + 1; 0: empty */
  uint8_t len[PITH_TAG_COUNT];
} name_table;
static name_table tag_table, attr_table;
static once_flag names_once = ONCE_FLAG_INIT;

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static uint32_t name_hash(const char *s, size_t n) {
  uint32_t h = FNV_BASIS;
  for (size_t k = 0; k < n; k++)
    h = (h ^ (unsigned char)s[k]) * FNV_PRIME;
  return h;
}

static void table_build(name_table *tb, const char *const *names, unsigned lo,
                        unsigned hi) {
  for (unsigned i = lo; i < hi; i++) {
    size_t n = strlen(names[i]);
    tb->len[i] = (uint8_t)n;
    uint32_t h = name_hash(names[i], n) & (NAME_SLOTS - 1);
    while (tb->slot[h])
      h = (h + 1) & (NAME_SLOTS - 1);
    tb->slot[h] = (uint16_t)(i + 1);
  }
}

static void names_build(void) {
  table_build(&tag_table, tag_names, PITH_TAG_UNKNOWN + 1, PITH_TAG_COUNT);
  table_build(&attr_table, attr_names, 1, PITH_ATTR_COUNT);
}

/* The index of name[0..n) in names (as built into tb), or 0. */
static unsigned lookup(const name_table *tb, const char *const *names,
                       const char *name, size_t n) {
  call_once(&names_once, names_build);
  uint32_t h = name_hash(name, n) & (NAME_SLOTS - 1);
  for (; tb->slot[h]; h = (h + 1) & (NAME_SLOTS - 1)) {
    unsigned i = tb->slot[h] - 1u;
    if (tb->len[i] == n && !memcmp(names[i], name, n))
      return i;
  }
  return 0;
}

unsigned pith__tag_id(const char *name, size_t n) {
  unsigned t = lookup(&tag_table, tag_names, name, n);
  return t ? t : PITH_TAG_UNKNOWN;
}

unsigned pith__attr_id(const char *name, size_t n) {
  return lookup(&attr_table, attr_names, name, n);
}

/* Builder state carried through the SAX callbacks. */
typedef struct {
  pith_tree *t;
  uint32_t cur;       /* the open element new nodes go under */
  uint32_t depth;     /* depth of `cur` */
  uint32_t flat;      /* open elements above the depth cap (no nodes) */
  uint32_t skip;      /* open elements inside a content-less element */
  uint32_t last_text; /* the text node chars were last appended to */
  uint32_t max_depth;
  pith_clock clock; /* the parse's share of the page's time budget */
  htmlParserCtxtPtr ctxt;
} builder;

uint64_t pith__now_ns(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t)ts.tv_sec * 1000000000u + (uint64_t)ts.tv_nsec;
}

/* Past the time budget?  Then stop libxml2 and keep the partial tree.
 * The clock is read once every 256 events, a few ns of cost per event. */
static int over_budget(builder *b) {
  if (!pith__clock_over(&b->clock))
    return 0;
  if (b->t->timed_out)
    return 1;
  b->t->truncated = 1;
  b->t->timed_out = 1;
  xmlStopParser(b->ctxt);
  return 1;
}

/* ASCII case-insensitive search for `needle` (lower case) in s. */
static int has_ci(const char *s, const char *needle) {
  size_t n = strlen(needle);
  for (; *s; s++) {
    size_t i = 0;
    while (i < n && s[i] && (s[i] | 0x20) == needle[i])
      i++;
    if (i == n)
      return 1;
  }
  return 0;
}

/* Does an inline style hide the element?  White space is ignored so
 * "display: none" and "display:none" both count. */
static int style_hides(const char *style) {
  char tmp[256];
  size_t k = 0;
  for (const char *s = style; *s && k + 1 < sizeof tmp; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      tmp[k++] = (char)(*s | ((*s >= 'A' && *s <= 'Z') ? 0x20 : 0));
  tmp[k] = '\0';
  return has_ci(tmp, "display:none") || has_ci(tmp, "visibility:hidden");
}

uint32_t pith__tree_add_node(pith_tree *t, uint32_t parent, unsigned tag) {
  if (t->nnodes >= t->max_nodes) {
    t->truncated = 1;
    return 0;
  }
  if (t->nnodes == t->capnodes) {
    uint32_t cap = t->capnodes ? t->capnodes * 2 : 1024;
    pith_node *n = pith__realloc(t->nodes, (size_t)cap * sizeof *n);
    if (!n) {
      t->oom = 1;
      return 0;
    }
    t->nodes = n;
    t->capnodes = cap;
  }
  uint32_t i = t->nnodes++;
  pith_node *n = &t->nodes[i];
  memset(n, 0, sizeof *n);
  n->tag = (uint16_t)tag;
  n->parent = parent;
  n->attr = t->nattrs;
  pith_node *p = &t->nodes[parent];
  if (p->last) {
    t->nodes[p->last].next = i;
    n->prev = p->last;
  } else {
    p->first = i;
  }
  p->last = i;
  return i;
}

static uint32_t new_node(builder *b, unsigned tag) {
  return pith__tree_add_node(b->t, b->cur, tag);
}

/* Room for one more attribute record; -1 (t->oom) when out of memory. */
static int attr_room(pith_tree *t) {
  if (t->nattrs < t->capattrs)
    return 0;
  uint32_t cap = t->capattrs ? t->capattrs * 2 : 1024;
  pith_attr *a = pith__realloc(t->attrs, (size_t)cap * sizeof *a);
  if (!a) {
    t->oom = 1;
    return -1;
  }
  t->attrs = a;
  t->capattrs = cap;
  return 0;
}

int pith__tree_copy_attrs(pith_tree *t, uint32_t node, uint32_t first,
                          uint32_t n) {
  for (uint32_t k = 0; k < n; k++) {
    if (attr_room(t) < 0)
      return -1;
    t->attrs[t->nattrs++] = t->attrs[first + k];
    t->nodes[node].nattr++;
  }
  return 0;
}

int pith__tree_add_attr(pith_tree *t, uint32_t node, unsigned id,
                        const char *value, size_t len) {
  if (attr_room(t) < 0)
    return -1;
  if (!value)
    len = 0;
  if (len > UINT32_MAX / 2 || t->chars.len > UINT32_MAX / 2) {
    t->truncated = 1;
    return -1;
  }
  size_t start = t->chars.len;
  pith__buf_append(&t->chars, value ? value : "", len);
  pith__buf_putc(&t->chars, '\0');
  if (t->chars.oom) {
    t->oom = 1;
    return -1;
  }
  char *v = t->chars.data + start;
  len = pith__clean_text(v, len);
  t->chars.len = start + len + 1;
  v[len] = '\0';
  pith_attr *a = &t->attrs[t->nattrs++];
  a->id = (uint16_t)id;
  a->value = (uint32_t)start;
  a->len = (uint32_t)len;
  pith_node *nd = &t->nodes[node];
  nd->nattr = t->nattrs - nd->attr;
  if (id == PITH_ATTR_HIDDEN ||
      (id == PITH_ATTR_ARIA_HIDDEN && has_ci(v, "true")) ||
      (id == PITH_ATTR_STYLE && style_hides(v)))
    nd->flags |= PITH_NF_HIDDEN;
  return id == PITH_ATTR_TYPE && has_ci(v, "ld+json");
}

static void on_start(void *ctx, const xmlChar *xname, const xmlChar **atts) {
  builder *b = ctx;
  pith_tree *t = b->t;
  if (over_budget(b)) {
    b->flat++; /* its end event, if any, is balanced */
    return;
  }
  if (b->skip || b->flat) {
    if (b->skip)
      b->skip++;
    else
      b->flat++;
    return;
  }
  if (t->oom || b->depth >= b->max_depth) {
    b->flat++;
    return;
  }
  const char *name = (const char *)xname;
  unsigned tag = pith__tag_id(name, strlen(name));
  uint32_t n = new_node(b, tag);
  if (!n) {
    b->flat++;
    return;
  }
  int ld_json = 0;
  if (atts) {
    for (const xmlChar **a = atts; a[0]; a += 2) {
      const char *an = (const char *)a[0];
      unsigned id = pith__attr_id(an, strlen(an));
      if (!id)
        continue;
      const char *v = (const char *)a[1];
      int r = pith__tree_add_attr(t, n, id, v, v ? strlen(v) : 0);
      if (r < 0)
        break;
      ld_json |= r;
    }
  }
  b->last_text = 0;
  if (tag_kinds[tag] & PITH_KIND_VOID) {
    /* Void elements get no children; libxml2 still sends an end event. */
    b->skip = 1;
    return;
  }
  /* Elements readers never see still get their children: libxml2's error
   * recovery can leave one open (an unclosed <button>), and dropping its
   * children would drop the rest of the page.  The extract stage prunes
   * them.  Only the text of script and style is never kept, except what
   * metadata reads: the title and JSON-LD. */
  if (tag == PITH_TAG_TITLE || (tag == PITH_TAG_SCRIPT && ld_json))
    t->nodes[n].flags |= PITH_NF_KEEPTEXT;
  b->cur = n;
  b->depth++;
}

static void on_end(void *ctx, const xmlChar *name) {
  builder *b = ctx;
  (void)name;
  b->last_text = 0;
  if (b->skip) {
    b->skip--;
    return;
  }
  if (b->flat) {
    b->flat--;
    return;
  }
  if (b->cur) {
    b->cur = b->t->nodes[b->cur].parent;
    b->depth--;
  }
}

/* Bytes that may start something pith__clean_text() changes: C0
 * controls but tab and newline, DEL, and the lead bytes of U+0080..U+00BF,
 * U+2000..U+207F and U+FEFF. */
static const unsigned char clean_lead[256] = {
    [0x01] = 1, [0x02] = 1, [0x03] = 1, [0x04] = 1, [0x05] = 1, [0x06] = 1,
    [0x07] = 1, [0x08] = 1, [0x0B] = 1, [0x0C] = 1, [0x0D] = 1, [0x0E] = 1,
    [0x0F] = 1, [0x10] = 1, [0x11] = 1, [0x12] = 1, [0x13] = 1, [0x14] = 1,
    [0x15] = 1, [0x16] = 1, [0x17] = 1, [0x18] = 1, [0x19] = 1, [0x1A] = 1,
    [0x1B] = 1, [0x1C] = 1, [0x1D] = 1, [0x1E] = 1, [0x1F] = 1, [0x7F] = 1,
    [0xC2] = 1, [0xE2] = 1, [0xEF] = 1};

size_t pith__clean_text(char *s, size_t n) {
  size_t i = 0;
  while (i < n && !clean_lead[(unsigned char)s[i]])
    i++;
  size_t k = i;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (!clean_lead[c]) {
      s[k++] = (char)c;
      i++;
      continue;
    }
    unsigned char c1 = i + 1 < n ? (unsigned char)s[i + 1] : 0;
    unsigned char c2 = i + 2 < n ? (unsigned char)s[i + 2] : 0;
    size_t drop = 0; /* bytes of a character that goes */
    char put = 0;    /* what replaces it, if anything */
    if (c < 0x80) {
      drop = 1;
      if (c == '\r' && c1 != '\n')
        put = '\n';
      else if (c == '\f' || c == '\v')
        put = ' ';
    } else if (c == 0xC2) {
      if ((c1 >= 0x80 && c1 <= 0x9F) || c1 == 0xAD) {
        drop = 2; /* C1 control, soft hyphen */
      }
    } else if (c == 0xE2 && c1 == 0x80 && c2 >= 0x8B && c2 <= 0x8D) {
      drop = 3; /* zero-width space, non-joiner, joiner */
    } else if (c == 0xE2 && c1 == 0x81 && c2 == 0xA0) {
      drop = 3; /* word joiner */
    } else if (c == 0xEF && c1 == 0xBB && c2 == 0xBF) {
      drop = 3; /* zero-width no-break space (a stray byte-order mark) */
    }
    if (!drop) {
      s[k++] = (char)c;
      i++;
      continue;
    }
    if (put)
      s[k++] = put;
    i += drop;
  }
  return k;
}

int pith__tree_add_text(pith_tree *t, uint32_t parent, const char *s,
                        size_t len, uint32_t *last_text) {
  if (t->chars.len + len > UINT32_MAX / 2) {
    t->truncated = 1;
    return -1;
  }
  /* Append, then clean the new text in place (it only shrinks). */
  size_t start = t->chars.len;
  pith__buf_append(&t->chars, s, len);
  if (t->chars.oom) {
    t->oom = 1;
    return -1;
  }
  size_t m = pith__clean_text(t->chars.data + start, len);
  t->chars.len = start + m;
  t->chars.data[t->chars.len] = '\0';
  if (!m)
    return 0; /* nothing but invisible characters */
  uint32_t lt = *last_text;
  if (lt && t->nodes[parent].last == lt &&
      t->nodes[lt].text + t->nodes[lt].len == start) {
    t->nodes[lt].len += (uint32_t)m;
    return 0;
  }
  uint32_t n = pith__tree_add_node(t, parent, PITH_TAG_TEXT);
  if (!n) {
    t->chars.len = start;
    t->chars.data[start] = '\0';
    return -1;
  }
  t->nodes[n].text = (uint32_t)start;
  t->nodes[n].len = (uint32_t)m;
  *last_text = n;
  return 0;
}

static void on_text(void *ctx, const xmlChar *ch, int len) {
  builder *b = ctx;
  pith_tree *t = b->t;
  if (len <= 0 || t->oom || over_budget(b))
    return;
  if (b->skip)
    return;
  if (b->cur == 0)
    return; /* text outside <html>: libxml2 wraps real text in body */
  const pith_node *cur = &t->nodes[b->cur];
  if ((cur->tag == PITH_TAG_SCRIPT || cur->tag == PITH_TAG_STYLE) &&
      !(cur->flags & PITH_NF_KEEPTEXT))
    return;
  pith__tree_add_text(t, b->cur, (const char *)ch, (size_t)len, &b->last_text);
}

static void on_silent(void *ctx, const char *msg, ...) {
  (void)ctx;
  (void)msg;
}

/* Attributes cut from one tag by pith__html_fixup() at most. */
#define FIXUP_DEL_MAX 64

/* Case-insensitive search for the end tag "</name" from s[i]. */
static size_t find_end_tag(const char *s, size_t n, size_t i,
                           const char *name) {
  size_t len = strlen(name);
  for (;;) {
    const char *p = memchr(s + i, '<', n - i);
    if (!p)
      return n;
    i = (size_t)(p - s) + 1;
    if (i < n && s[i] == '/' && n - i - 1 >= len) {
      size_t k = 0;
      while (k < len && (s[i + 1 + k] | 0x20) == name[k])
        k++;
      if (k == len)
        return i - 1;
    }
  }
}

/* Is s[0..n) the name of an attribute the tree keeps (tree.h's list,
 * compared as libxml2 passes names: in lower case)? */
static int attr_kept(const char *s, size_t n) {
  char name[16];
  if (n >= sizeof name)
    return 0;
  for (size_t k = 0; k < n; k++)
    name[k] = (char)((s[k] >= 'A' && s[k] <= 'Z') ? s[k] | 0x20 : s[k]);
  return pith__attr_id(name, n) != 0;
}

/* Does the raw tag text s[0..n) (after the element's name) mark a
 * script whose text the tree keeps (on_start): a JSON-LD type, or an
 * entity that could spell one? */
static int keeps_body(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '&')
      return 1;
    if (i + 7 <= n && !strncasecmp(s + i, "ld+json", 7))
      return 1;
  }
  return 0;
}

size_t pith__html_fixup(char *s, size_t n) {
  size_t i = 0;
  /* The compaction: s[0..w) is final; s[r..i) is still to be copied. */
  size_t w = 0, r = 0;
  while (i < n) {
    char *p = memchr(s + i, '<', n - i);
    if (!p)
      break;
    i = (size_t)(p - s) + 1;
    /* A comment is skipped whole, as libxml2 reads it: a "<script" inside
     * is no element. */
    if (i + 2 < n && s[i] == '!' && s[i + 1] == '-' && s[i + 2] == '-') {
      const char *e = NULL;
      for (size_t k = i + 3; k + 2 < n; k++)
        if (s[k] == '-' && s[k + 1] == '-' && s[k + 2] == '>') {
          e = s + k;
          break;
        }
      i = e ? (size_t)(e - s) + 3 : n;
      continue;
    }
    if (i >= n || !is_alpha((unsigned char)s[i]))
      continue;
    size_t name = i;
    while (i < n && !is_html_sp((unsigned char)s[i]) && s[i] != '>' &&
           s[i] != '/')
      i++;
    size_t nlen = i - name;
    int raw = (nlen == 6 && !strncasecmp(s + name, "script", 6)) ||
              (nlen == 5 && !strncasecmp(s + name, "style", 5));
    const char *raw_name = nlen == 6 ? "script" : "style";
    size_t attrs = i;
    /* Attributes up to the end of the tag; those the tree would not keep
     * (srcset, data-*, event handlers, an SVG path's d, ...) are cut
     * (`del`) when written plainly: a name of letters, digits, '-', '_',
     * ':' or '.', after white space, with a quoted value or none. */
    size_t nattr = 0, cut = 0, ndel = 0;
    size_t del[2 * FIXUP_DEL_MAX];
    while (i < n && s[i] != '>') {
      unsigned char c = (unsigned char)s[i];
      if (is_html_sp(c) || c == '/') {
        i++;
        continue;
      }
      size_t at = i;
      int plain = is_html_sp((unsigned char)s[i - 1]) && is_alpha(c);
      /* libxml2 checks each attribute against all earlier ones of the
       * tag, which is quadratic; no real element has this many. */
      if (++nattr == MAX_TAG_ATTRS + 1)
        cut = i;
      if (!is_alpha(c) && c != '_' && c != ':' && c != '.' && c != '"' &&
          c != '\'' && c != '=' && c < 0x80)
        s[i] = 'x';
      while (i < n && !is_html_sp((unsigned char)s[i]) && s[i] != '=' &&
             s[i] != '>') {
        unsigned char d = (unsigned char)s[i];
        if (!is_alnum(d) && d != '-' && d != '_' && d != ':' && d != '.')
          plain = 0;
        i++;
      }
      size_t name_end = i, end;
      while (i < n && is_html_sp((unsigned char)s[i]))
        i++;
      end = name_end;
      if (i < n && s[i] == '=') {
        i++;
        while (i < n && is_html_sp((unsigned char)s[i]))
          i++;
        if (i < n && (s[i] == '"' || s[i] == '\'')) {
          const char *q = memchr(s + i + 1, s[i], n - i - 1);
          i = q ? (size_t)(q - s) + 1 : n;
          if (!q)
            plain = 0;
        } else {
          while (i < n && !is_html_sp((unsigned char)s[i]) && s[i] != '>')
            i++;
          plain = 0;
        }
        end = i;
      }
      /* What follows must end the attribute for libxml2 too. */
      if (plain && end < n && !is_html_sp((unsigned char)s[end]) &&
          s[end] != '>')
        plain = 0;
      if (plain && !cut && ndel < FIXUP_DEL_MAX &&
          !attr_kept(s + at, name_end - at)) {
        del[2 * ndel] = at;
        del[2 * ndel + 1] = end;
        ndel++;
      }
    }
    if (cut)
      memset(s + cut, ' ', i - cut);
    int keep = raw && nlen == 6 && keeps_body(s + attrs, i - attrs);
    for (size_t k = 0; k < ndel; k++) {
      memmove(s + w, s + r, del[2 * k] - r);
      w += del[2 * k] - r;
      r = del[2 * k + 1];
    }
    if (raw && i < n) {
      size_t body = i + 1;
      i = find_end_tag(s, n, i, raw_name);
      /* The text of a style or of a script the tree does not keep goes
       * before libxml2 sees it (it would tokenize it only to have it
       * thrown away): libxml2, recovering, ends the element at the same
       * "</script" or "</style". */
      if (!keep && i > body) {
        memmove(s + w, s + r, body - r);
        w += body - r;
        r = i;
      }
    }
  }
  if (r == 0)
    return n;
  memmove(s + w, s + r, n - r);
  return w + n - r;
}

int pith__tree_parse(pith_tree *t, const char *utf8, size_t len) {
  return pith__tree_parse_limited(t, utf8, len, NULL);
}

int pith__tree_begin(pith_tree *t, size_t len, const pith_tree_limits *lim,
                     pith_clock *clock, uint32_t *max_depth) {
  memset(t, 0, sizeof *t);
  pith__buf_init(&t->chars);
  t->max_nodes = lim && lim->max_nodes ? lim->max_nodes : TREE_MAX_NODES;
  *max_depth = lim && lim->max_depth ? lim->max_depth : TREE_MAX_DEPTH;
  memset(clock, 0, sizeof *clock);
  if (lim && lim->clock)
    clock->deadline =
        lim->parse_deadline ? lim->parse_deadline : lim->clock->deadline;
  else if (lim)
    pith__clock_start(clock, lim->time_budget_ms);
  /* The root node, index 0. */
  t->nodes = pith__malloc(1024 * sizeof *t->nodes);
  if (!t->nodes)
    return -1;
  t->capnodes = 1024;
  t->nnodes = 1;
  memset(&t->nodes[0], 0, sizeof t->nodes[0]);
  t->nodes[0].tag = PITH_TAG_ROOT;
  pith__buf_reserve(&t->chars, len / 2 + 64);
  return 0;
}

int pith__tree_parse_limited(pith_tree *t, const char *utf8, size_t len,
                             const pith_tree_limits *lim) {
  builder b;
  memset(&b, 0, sizeof b);
  b.t = t;
  if (pith__tree_begin(t, len, lim, &b.clock, &b.max_depth) < 0)
    return -1;
  if (len == 0)
    return 0;
  if (len > INT32_MAX) {
    t->truncated = 1;
    len = INT32_MAX;
  }

  htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(utf8, (int)len);
  if (!ctxt)
    return PITH_TREE_PARSER;
  b.ctxt = ctxt;
  htmlSAXHandler sax;
  memset(&sax, 0, sizeof sax);
  sax.startElement = on_start;
  sax.endElement = on_end;
  sax.characters = on_text;
  sax.cdataBlock = on_text;
  sax.ignorableWhitespace = on_text;
  sax.warning = on_silent;
  sax.error = on_silent;
  sax.fatalError = on_silent;
  htmlSAXHandler *old = (htmlSAXHandler *)ctxt->sax;
  ctxt->sax = &sax;
  ctxt->userData = &b;
  htmlCtxtUseOptions(ctxt, HTML_PARSE_RECOVER | HTML_PARSE_NOERROR |
                               HTML_PARSE_NOWARNING | HTML_PARSE_NONET |
                               HTML_PARSE_IGNORE_ENC);
  xmlSwitchEncoding(ctxt, XML_CHAR_ENCODING_UTF8);
  htmlParseDocument(ctxt);
  ctxt->sax = old;
  ctxt->userData = NULL;
  if (ctxt->myDoc) {
    xmlFreeDoc(ctxt->myDoc);
    ctxt->myDoc = NULL;
  }
  htmlFreeParserCtxt(ctxt);
  return t->oom ? -1 : 0;
}

void pith__tree_free(pith_tree *t) {
  pith__free(t->nodes);
  pith__free(t->attrs);
  pith__buf_free(&t->chars);
  memset(t, 0, sizeof *t);
}

const char *pith__attr(const pith_tree *t, uint32_t n, unsigned id,
                       size_t *len) {
  const pith_node *nd = &t->nodes[n];
  for (uint32_t i = 0; i < nd->nattr; i++) {
    const pith_attr *a = &t->attrs[nd->attr + i];
    if (a->id == id) {
      if (len)
        *len = a->len;
      return t->chars.data + a->value;
    }
  }
  return NULL;
}

/* Append text with white space collapsed; `*pending` carries a space owed
 * between pieces. */
static void append_collapsed(pith_buf *out, const char *s, size_t n,
                             int *pending) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    if (is_sp(c)) {
      *pending = 1;
      continue;
    }
    /* U+00A0 no-break space counts as white space. */
    if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] == 0xA0) {
      *pending = 1;
      i++;
      continue;
    }
    if (*pending && out->len)
      pith__buf_putc(out, ' ');
    *pending = 0;
    pith__buf_putc(out, (char)c);
  }
}

void pith__tree_text(const pith_tree *t, uint32_t root, pith_buf *out) {
  int pending = 0;
  size_t start = out->len;
  uint32_t n = root;
  if (t->nodes[root].tag == PITH_TAG_TEXT) {
    append_collapsed(out, pith__text(t, root), t->nodes[root].len, &pending);
    return;
  }
  n = pith__next_node(t, root, root, 0);
  while (n) {
    const pith_node *nd = &t->nodes[n];
    int skip = 0;
    if (nd->tag == PITH_TAG_TEXT) {
      if (out->len == start)
        pending = 0;
      append_collapsed(out, pith__text(t, n), nd->len, &pending);
    } else if (tag_kinds[nd->tag] & PITH_KIND_SKIP) {
      skip = 1;
    } else if (tag_kinds[nd->tag] & PITH_KIND_BLOCK || nd->tag == PITH_TAG_BR) {
      pending = 1;
    }
    n = pith__next_node(t, root, n, skip);
  }
}
