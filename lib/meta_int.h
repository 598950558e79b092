/* SPDX-License-Identifier: MIT */
/*
 * meta_int.h - what the files of the metadata stage share (internal, not
 * installed): the byte-range type `span` and its small helpers, the
 * collection state `mx` that meta.c's tree walk fills, and the functions
 * one file of the stage calls in another.
 *
 *   meta.c        the tree walk that collects candidates and the assembly
 *                 of pith_meta
 *   meta_text.c   text cleaning, comparison keys, lists of categories/tags,
 *                 the text of elements
 *   meta_tags.c   reading <meta> elements
 *   meta_jsonld.c reading JSON-LD scripts
 *   meta_title.c  choosing the title (site-name parts, heading/metadata
 *                 agreement)
 *   meta_author.c choosing the author, cleaning bylines into names, telling
 *                 byline elements by class, id and link
 *   meta_date.c   reading <time> and date-classed elements, ranking the
 *                 dates the walk offers, choosing the dates
 */
#ifndef PITH_META_INT_H
#define PITH_META_INT_H

#include "meta.h"

#include "chars.h"
#include "span.h"
#include "url.h"

#include <stdint.h>
#include <string.h>

#define MAX_ITEMS 50     /* categories, tags */
#define MAX_HEADS 8      /* h1 / h2 candidates kept */
#define MAX_BYLINES 12   /* class="author|byline" candidates kept */
#define MAX_FIELD 4096   /* bytes of any single-string field */
#define MAX_ITEM_LEN 200 /* bytes of one category or tag */
#define ITEM_TRIES 20    /* category and tag candidates read per item kept */
#define MAX_URL 2048     /* longer URLs are not read (host, author links) */
#define MAX_NAME 80      /* bytes of a person's name written as text */

/* Set *dst to v (trimmed) unless *dst is already set or v is blank. */
static inline void set_once(span *dst, span v) {
  if (!has(*dst) && has(trim(v)))
    *dst = trim(v);
}

/* ------------------------------------------------------------------ */
/* Extraction state                                                    */

typedef struct {
  span v[MAX_ITEMS];
  size_t n;
  size_t tries; /* additions attempted (bounded) */
} slist;

typedef struct {
  span text;
  uint32_t node;
  int in_main;
  int logo; /* all its text is a link to the front page */
} head_cand;

/* Context bits inherited down the tree. */
#define CX_HIDDEN 1u
#define CX_MAIN 2u   /* inside article, main, role=main */
#define CX_BOILER 4u /* inside nav, or a footer/aside outside articles */
#define CX_AUTHOR 8u /* inside itemprop=author */
#define CX_PUBLISHER 16u
#define CX_BODY 32u

/* Date source priorities (higher wins). */
enum {
  DP_NONE = 0,
  DP_MODIFIED = 10,  /* any modified/updated date: last resort */
  DP_LD_TEXT = 25,   /* JSON-LD date written for people ("Jun 24, 2025") */
  DP_TEXT = 30,      /* visible text after the headline */
  DP_TIME_ANY = 40,  /* first <time> in the body */
  DP_TIME_MAIN = 55, /* first <time> inside the article */
  DP_META_WEAK = 60, /* meta name=date and similar */
  DP_URL = 65,
  DP_TIME_PUB = 75, /* <time> marked as published */
  DP_LD_WEAK = 80,  /* JSON-LD dateCreated, WebPage datePublished */
  DP_ITEMPROP = 85,
  DP_META = 90, /* article:published_time and friends */
  DP_LD = 95    /* JSON-LD datePublished of the article object */
};

/* The state of the metadata stage: what meta.c's tree walk collected,
 * read by the files that choose each field, and their scratch memory. */
typedef struct {
  const pith_tree *t;
  pith_arena tmp; /* scratch: freed at the end */
  int oom;
  uint8_t *ctx;
  pith_buf buf; /* scratch text buffer */

  /* Where the chosen title and author came from (static strings, for
   * the trace). */
  const char *src_title, *src_author;

  span host;  /* the URL's host, lower case, without "www." */
  span label; /* the host's main label ("example" of www.example.co.uk) */
  int home;   /* the URL is the site's front page ("/", "/index.html") */

  span doc_title, og_title, tw_title, ip_headline;
  head_cand h1[MAX_HEADS];
  int nh1;
  head_cand h2[MAX_HEADS];
  int nh2;

  span og_site, app_name;
  span meta_author, ip_author, rel_author, author_box;
  /* A link preview's labelled values (twitter:label1 "Written by",
   * twitter:data1 "Jane Doe"), as WordPress SEO plugins write them. */
  span card_label[4], card_data[4];
  span bylines[MAX_BYLINES];
  uint32_t byline_node[MAX_BYLINES];
  int nbylines;

  char date[11];
  int date_prio;
  int date_utc;      /* date's source was a time in UTC ("...Z") or zoneless */
  char date_mod[11]; /* the last-modified date, and its source's rank */
  int date_mod_prio;
  int order; /* ORDER_*: day and month order of the page's locale */
  /* Distinct publication dates offered by sources readers do not see
   * (metadata, JSON-LD, the URL), whatever their rank. */
  char pubs[8][11];
  int npubs;
  int ld_same; /* an article's JSON-LD datePublished is its dateModified */
  /* Dates of the first visible <time datetime> elements: shown to
   * readers whatever their text says. */
  char times[8][11];
  int ntimes;
  char time_hidden[11]; /* the first hidden <time datetime>, or "" */
  span og_image, tw_image, ip_image, link_image, ld_image;
  int ld_image_rank;
  span license; /* rel=license, meta license, JSON-LD license */
  span cc_link; /* a link to a Creative Commons license */
  uint32_t time_main_seen, time_any_seen; /* time_any_seen: its node */
  uint32_t time_any_tries;
  char time_any[11];

  span desc, og_desc, tw_desc;
  span lang, http_lang, og_locale;
  span canonical, og_url;
  slist meta_cats, meta_tags, rel_cats, rel_tags;

  /* JSON-LD, best value per field with the rank of its object. */
  span ld_headline, ld_name, ld_author, ld_lang;
  int ld_headline_rank, ld_name_rank, ld_author_rank, ld_lang_rank;
  span ld_website, ld_publisher;
  slist ld_cats, ld_tags;
  int ld_cats_rank, ld_tags_rank;
  int ld_scripts;

  uint32_t first_main; /* first article/main element, 0 if none */
  /* The article's own region, nodes [region, region_end]: rel=tag and
   * rel=category links count only there (none when region is 0). */
  uint32_t region, region_end;
  pith_clock *clock; /* the page's clock (clock.h), or NULL */
  /* Nodes element-text reads may still visit.  Candidates are read one
   * element at a time (at most meta_text.c's TEXT_NODES_MAX nodes each); this
   * bounds the total on hostile pages with 100000 nested or repeated
   * candidates. */
  size_t budget;
} mx;

/* The node's kept attributes of interest, read in one pass. */
typedef struct {
  span cls, id, itemprop, rel, href, content, name, property, http_equiv,
      datetime, type, lang, role;
  span *set[16]; /* the fields set for the current node */
  unsigned nset;
} attrs;

/* Segment separator inside byline text (element boundaries). */
#define SEG '\x1f'

/* n bytes of scratch memory from x's arena, freed when the stage ends;
 * NULL (and x->oom set) when out of memory. */
static inline void *tmp_alloc(mx *x, size_t n) {
  void *p = pith__arena_alloc(&x->tmp, n);
  if (!p)
    x->oom = 1;
  return p;
}

/* Number of words (runs of non-space) in a. */
static inline size_t word_count(span a) {
  size_t w = 0;
  int in = 0;
  for (size_t i = 0; i < a.n; i++) {
    int s = is_sp((unsigned char)a.s[i]);
    if (!s && !in)
      w++;
    in = !s;
  }
  return w;
}

/* Split a into lower-case words (ASCII letters and digits, non-ASCII
 * bytes); returns the count, at most max. */
static inline int words_of(span a, span *w, int max) {
  int k = 0;
  size_t i = 0;
  while (i < a.n && k < max) {
    while (i < a.n && !is_word_byte((unsigned char)a.s[i]))
      i++;
    size_t b = i;
    while (i < a.n && is_word_byte((unsigned char)a.s[i]))
      i++;
    if (i > b)
      w[k++] = mkspan(a.s + b, i - b);
  }
  return k;
}

/* "example.com", "Example.co.uk": one word ending in a dot and 2-6
 * letters. */
static inline int domain_like(span p) {
  if (!has(p) || p.n > 64 || word_count(p) != 1)
    return 0;
  size_t i = p.n, letters = 0;
  while (i > 0 && is_alpha((unsigned char)p.s[i - 1])) {
    i--;
    letters++;
  }
  return i > 1 && p.s[i - 1] == '.' && letters >= 2 && letters <= 6;
}

/* Is k one of the lower-case literals of the NULL-terminated `list`
 * (ASCII case-insensitive)? */
static inline int key_in(span k, const char *const *list) {
  for (; *list; list++)
    if (eq_lit(k, *list))
      return 1;
  return 0;
}

/* Is text node n one readers see in the page: not hidden, not in
 * navigation or footer boilerplate, not in an element whose text is
 * skipped (script, style and the like)? */
static inline int text_node_ok(mx *x, uint32_t n) {
  const pith_tree *t = x->t;
  const pith_node *nd = &t->nodes[n];
  if (nd->tag != PITH_TAG_TEXT || (x->ctx[n] & (CX_HIDDEN | CX_BOILER)))
    return 0;
  return !(pith__tag_kind(t->nodes[nd->parent].tag) & PITH_KIND_SKIP);
}

/* --- meta_text.c ------------------------------------------------------ */

/* A copy of s[0..n) cleaned for output (white space collapsed, control and
 * invisible characters dropped, leftover character references decoded,
 * trimmed), capped at `max` bytes, in x's scratch arena.  keep_seg keeps
 * element boundaries (SEG) in byline text. */
span pith__meta_clean_mode(mx *x, const char *s, size_t n, size_t max,
                           int keep_seg);
/* pith__meta_clean_mode() of a span without SEG; an absent span stays
 * absent. */
span pith__meta_clean_span(mx *x, span a, size_t max);
/* The comparison key of a: lower-case ASCII letters and digits plus
 * non-ASCII letters, in x's scratch arena. */
span pith__meta_norm(mx *x, span a);
/* Does a's key equal the key nb (from pith__meta_norm())?  No allocation. */
int pith__meta_norm_eq(span a, span nb);
/* Do a and b (both present) have the same comparison key? */
int pith__meta_same(mx *x, span a, span b);
/* Add v, cleaned, to l unless l is full, v looks like a URL or l holds it
 * already (ASCII case-insensitive). */
void pith__meta_list_add(mx *x, slist *l, span v);
/* pith__meta_list_add() of each comma- or semicolon-separated part of v. */
void pith__meta_list_add_split(mx *x, slist *l, span v);

/* Text modes of pith__meta_elem_text_mode(). */
enum {
  TEXT_PLAIN = 0,
  TEXT_SPACED = 1, /* every element boundary is a segment break */
  TEXT_HEADING = 2 /* leading labels and badges are left out */
};
/* The collapsed visible text of element n, at most `max` bytes and 400
 * nodes (and within x->budget), read in `mode`; *cut (if non-NULL) is set
 * when a limit was hit. */
span pith__meta_elem_text_mode(mx *x, uint32_t n, size_t max, int *cut,
                               int mode);
/* pith__meta_elem_text_mode() in TEXT_PLAIN. */
span pith__meta_elem_text(mx *x, uint32_t n, size_t max, int *cut);
/* The text of a byline element, at most 240 bytes, in TEXT_SPACED. */
span pith__meta_byline_text(mx *x, uint32_t n, int *cut);
/* Text of the direct text children of n (for <title> and scripts). */
span pith__meta_child_text(mx *x, uint32_t n, size_t max);

/* --- meta_tags.c ------------------------------------------------------ */

/* Read the <meta> element whose attributes are a, in context cx (CX_*). */
void pith__meta_do_meta(mx *x, const attrs *a, unsigned cx);

/* --- meta_jsonld.c ---------------------------------------------------- */

/* Read the JSON-LD script element n (at most 24 scripts a page). */
void pith__meta_do_ld_json(mx *x, uint32_t n);

/* --- meta_author.c ---------------------------------------------------- */

/* Does a class or id name a byline?  1 a byline ("author", "byline",
 * "writer", "contributor"), 2 an author box or bio (a last resort), 0 not
 * one (avatars, comments, share links and the like). */
int pith__meta_byline_name(span v);
/* Is h a link to an author's or member's page (/author/jane-doe,
 * /writers/, /people/, forum profiles)? */
int pith__meta_author_href(span h);

/* The author, from the structured values and bylines collected in x;
 * head_node is the headline's element (0 if unknown), sitename the site's
 * name (a value equal to it is a last resort).  The string lives in x's
 * scratch arena or the tree; absent when none is found. */
span pith__meta_choose_author(mx *x, span sitename, uint32_t head_node);

/* --- meta_date.c ------------------------------------------------------ */

/* Read the <time> element n (attributes a, context cx) as the walk meets
 * it: note its datetime, offer its date with the rank its itemprop, class
 * and place give it. */
void pith__meta_date_from_time(mx *x, uint32_t n, const attrs *a, unsigned cx);
/* Offer the short text of element n as a published date when its class
 * calls it one ("published-date", "date-published"). */
void pith__meta_date_from_class(mx *x, uint32_t n, const attrs *a, unsigned cx);

/* Read date string v ("2024-06-05T10:00:00Z", "June 5, 2024", ...; day
 * and month in `order` when numeric) into out ("YYYY-MM-DD"); 0 if none. */
int pith__meta_date_value(span v, int order, char out[11]);
/* Is v a machine-readable (ISO 8601) date, not one written for people? */
int pith__meta_machine_date(span v);
/* Note the page's day and month order from a language tag ("en-US",
 * "en_GB", "fr"): the first tag that tells wins. */
void pith__meta_note_order(mx *x, span tag);
/* Offer publication date v from a source of rank prio (DP_*); hidden: the
 * source is one readers do not see. */
void pith__meta_offer_date_from(mx *x, span v, int prio, int hidden);
/* pith__meta_offer_date_from(), hidden unless prio is DP_TEXT or
 * DP_TIME_ANY. */
void pith__meta_offer_date(mx *x, span v, int prio);
/* Offer a last-modified date from a source of rank prio (1 visible <time>,
 * 2 meta, 3 JSON-LD). */
void pith__meta_offer_mod(mx *x, span v, int prio);
/* Once the walk is done and the headline's element (head_node, 0 if
 * unknown) is found: settle the dates, with `url` the caller's (may be
 * NULL).  *date and *mod receive "YYYY-MM-DD" spans into x, or absent
 * spans. */
void pith__meta_choose_dates(mx *x, const char *url, uint32_t head_node,
                             span *date, span *mod);

/* --- meta_title.c ----------------------------------------------------- */

/* The title, from the headings and metadata titles collected in x, with
 * site-name candidates sites[0..nsites).  *title_site receives the part of
 * <title> that names the site (or an absent span); *doc_alt the headline of
 * <title> when it competes with the chosen <h1> (see
 * pith__meta_settle_title()).  Strings live in x's scratch arena or the
 * tree. */
span pith__meta_choose_title(mx *x, span sitename_guess[], int nsites,
                             span *title_site, span *doc_alt);
/* Does a title part look like a site name by its shape alone: short, few
 * words, no sentence punctuation? */
int pith__meta_site_shaped(span p);

#endif
