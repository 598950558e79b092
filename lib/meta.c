/* SPDX-License-Identifier: MIT */
/*
 * meta.c - the metadata stage: title, author, publication date, site name,
 * description, language, canonical URL, categories and tags, read from the
 * parsed tree (never from the extracted body).
 *
 * One linear pass over the node array collects candidates from <meta>,
 * <link>, <title>, headings, microdata, bylines, <time> elements and JSON-LD
 * scripts; <meta> tags are read in meta_tags.c, JSON-LD scripts in
 * meta_jsonld.c.  Each field is then chosen by source priority and by
 * agreement between sources, in a file of its own: the title in
 * meta_title.c (an <h1> that matches og:title or the start of <title>
 * wins, a <title> loses its " | Site" part), the author in meta_author.c
 * (structured data, then the byline near the headline), the dates in
 * meta_date.c (structured data before <time> elements, the URL and finally
 * visible text around the headline).  This file walks the tree, finds the
 * headline's element, picks the site name, description, language,
 * canonical URL, image, license, categories and tags, and assembles the
 * result; the text cleaning, comparison keys and element text the files
 * share are in meta_text.c (meta_int.h).  Scratch data lives in a private arena
 * that is freed before returning; only the chosen strings are copied into the
 * caller's arena.
 */
#include "meta_int.h"
#include "pagetype.h"

#include "url.h"
#include "vocab.h"

#include <stdint.h>
#include <string.h>

#define REGION_UP 2       /* levels of the article's region, see below */
#define HEAD_TEXT_MAX 600 /* bytes of heading text read */
/* A language tag is at most this long (BCP 47 tags in use are shorter). */
#define LANG_TAG_MAX 35

/* ------------------------------------------------------------------ */
/* Character and span helpers (more in meta_int.h)                     */

/* Does the space-separated token list `a` (an itemprop or rel value)
 * contain token `lit`?  Tokens as vocab.c cuts them. */
static int has_token(span a, const char *lit) {
  pith_vocab_iter it;
  const char *tok;
  size_t n;
  pith__vocab_iter_init(&it, a.s, a.n);
  while (pith__vocab_next_token(&it, &tok, &n))
    if (eq_lit(mkspan(tok, n), lit))
      return 1;
  return 0;
}

/* ------------------------------------------------------------------ */
/* The pass over the tree                                              */

/* Fill a from node n's attributes.  `a` is reused from node to node:
 * only the fields the previous node set are cleared, which is much cheaper
 * than clearing the whole struct for every element of a large page. */
static void read_attrs(const pith_tree *t, uint32_t n, attrs *a) {
  if (a->nset > sizeof a->set / sizeof a->set[0]) {
    memset(a, 0, sizeof *a);
  } else {
    for (unsigned k = 0; k < a->nset; k++)
      *a->set[k] = nospan();
    a->nset = 0;
  }
  const pith_node *nd = &t->nodes[n];
  for (uint32_t k = 0; k < nd->nattr; k++) {
    const pith_attr *at = &t->attrs[nd->attr + k];
    span v = mkspan(t->chars.data + at->value, at->len);
    span *f;
    switch (at->id) {
    case PITH_ATTR_CLASS:
      f = &a->cls;
      break;
    case PITH_ATTR_ID:
      f = &a->id;
      break;
    case PITH_ATTR_ITEMPROP:
      f = &a->itemprop;
      break;
    case PITH_ATTR_REL:
      f = &a->rel;
      break;
    case PITH_ATTR_HREF:
      f = &a->href;
      break;
    case PITH_ATTR_CONTENT:
      f = &a->content;
      break;
    case PITH_ATTR_NAME:
      f = &a->name;
      break;
    case PITH_ATTR_PROPERTY:
      f = &a->property;
      break;
    case PITH_ATTR_HTTP_EQUIV:
      f = &a->http_equiv;
      break;
    case PITH_ATTR_DATETIME:
      f = &a->datetime;
      break;
    case PITH_ATTR_TYPE:
      f = &a->type;
      break;
    case PITH_ATTR_LANG:
      f = &a->lang;
      break;
    case PITH_ATTR_ROLE:
      f = &a->role;
      break;
    default:
      f = NULL;
      break;
    }
    if (f) {
      *f = v;
      if (a->nset < sizeof a->set / sizeof a->set[0])
        a->set[a->nset] = f;
      a->nset++;
    }
  }
}

/* Is heading n a logo: all of its text inside one link to the site's
 * front page ("<h1><a href="/">Example</a></h1>")? */
static int logo_heading(const pith_tree *t, uint32_t n) {
  uint32_t link = 0;
  for (uint32_t i = pith__next_node(t, n, n, 0); i;) {
    const pith_node *nd = &t->nodes[i];
    if (nd->tag == PITH_TAG_A && !link) {
      size_t len;
      const char *h = pith__attr(t, i, PITH_ATTR_HREF, &len);
      if (!h || !pith__url_front_page_href(h, len))
        return 0;
      link = i;
      i = pith__next_node(t, n, i, 1); /* past the link */
      continue;
    }
    if (nd->tag == PITH_TAG_TEXT) {
      const char *s = pith__text(t, i);
      for (uint32_t k = 0; k < nd->len; k++)
        if (!is_sp((unsigned char)s[k]))
          return 0; /* text outside the link */
    }
    i = pith__next_node(t, n, i, 0);
  }
  return link != 0;
}

static void record_head(mx *x, head_cand *list, int *count, uint32_t n,
                        unsigned cx) {
  if (*count >= MAX_HEADS || (cx & (CX_HIDDEN | CX_BOILER)))
    return;
  int cut;
  span s = pith__meta_elem_text_mode(x, n, HEAD_TEXT_MAX, &cut, TEXT_HEADING);
  if (!has(s) && !cut) /* nothing but a label */
    s = pith__meta_elem_text(x, n, HEAD_TEXT_MAX, &cut);
  if (!has(s) || cut)
    return;
  head_cand *h = &list[(*count)++];
  h->text = s;
  h->node = n;
  h->in_main = (cx & CX_MAIN) != 0;
  h->logo = logo_heading(x->t, n);
}

static void do_itemprop(mx *x, uint32_t n, const pith_node *nd, const attrs *a,
                        unsigned cx) {
  span ip = a->itemprop;
  if (nd->tag == PITH_TAG_META || nd->tag == PITH_TAG_TIME)
    return; /* handled by do_meta / date_from_time */
  if (has_token(ip, "author") || has_token(ip, "creator")) {
    if (has(x->ip_author) || (cx & CX_HIDDEN))
      return;
    if (has(a->content) && !looks_like_url(a->content)) {
      x->ip_author = trim(a->content);
      return;
    }
    int cut;
    span s = pith__meta_byline_text(x, n, &cut);
    /* A short text is the name; a long one holds a nested itemprop=name
     * that is picked up when the walk reaches it. */
    if (!cut && has(s) && s.n <= MAX_NAME)
      x->ip_author = s;
  } else if (has_token(ip, "name") && (cx & CX_AUTHOR) &&
             !(cx & CX_PUBLISHER)) {
    if (has(x->ip_author))
      return;
    int cut;
    span s =
        has(a->content) ? trim(a->content) : pith__meta_byline_text(x, n, &cut);
    if (has(s))
      x->ip_author = s;
  } else if (has_token(ip, "datepublished") || has_token(ip, "datecreated")) {
    if (has(a->content))
      pith__meta_offer_date(x, a->content, DP_ITEMPROP);
    else if (has(a->datetime))
      pith__meta_offer_date(x, a->datetime, DP_ITEMPROP);
    else {
      int cut;
      pith__meta_offer_date_from(x, pith__meta_elem_text(x, n, 200, &cut),
                                 DP_ITEMPROP - 5, 0);
    }
  } else if (has_token(ip, "headline") && !has(x->ip_headline)) {
    int cut;
    span s = has(a->content) ? a->content
                             : pith__meta_elem_text(x, n, HEAD_TEXT_MAX, &cut);
    if (has(s))
      x->ip_headline = s;
  }
}

static void walk(mx *x) {
  const pith_tree *t = x->t;
  uint8_t *ctx = x->ctx;
  attrs a;
  memset(&a, 0, sizeof a);
  ctx[0] = 0;
  for (uint32_t n = 1; n < t->nnodes && !x->oom; n++) {
    if (pith__clock_over(x->clock))
      break; /* out of time: what was found stands */
    const pith_node *nd = &t->nodes[n];
    unsigned cx = ctx[nd->parent];
    if (nd->tag == PITH_TAG_TEXT) {
      ctx[n] = (uint8_t)cx;
      continue;
    }
    if (nd->flags & PITH_NF_HIDDEN)
      cx |= CX_HIDDEN;
    switch (nd->tag) {
    case PITH_TAG_BODY:
      cx |= CX_BODY;
      break;
    case PITH_TAG_MAIN:
      /* The page's main region is never navigation: a <main> inside a
       * <nav> was put there by error recovery (an unclosed list). */
      cx &= ~CX_BOILER;
      /* fall through */
    case PITH_TAG_ARTICLE:
      cx |= CX_MAIN;
      if (!x->first_main && !(cx & CX_HIDDEN))
        x->first_main = n;
      break;
    case PITH_TAG_NAV:
      cx |= CX_BOILER;
      break;
    case PITH_TAG_FOOTER:
    case PITH_TAG_ASIDE:
      /* An article's own aside or footer holds its date, author, tags. */
      if (!(cx & CX_MAIN))
        cx |= CX_BOILER;
      break;
    default:
      break;
    }
    read_attrs(t, n, &a);
    if (has(a.role)) {
      if (eq_lit(a.role, "main") || eq_lit(a.role, "article"))
        cx |= CX_MAIN;
      else if (eq_lit(a.role, "navigation") || eq_lit(a.role, "contentinfo") ||
               eq_lit(a.role, "complementary"))
        cx |= CX_BOILER;
    }
    if (has(a.itemprop)) {
      if (has_token(a.itemprop, "author") || has_token(a.itemprop, "creator"))
        cx |= CX_AUTHOR;
      else if (has_token(a.itemprop, "publisher"))
        cx |= CX_PUBLISHER;
      else if (has_token(a.itemprop, "articlebody") && !x->first_main)
        cx |= CX_MAIN;
    }
    ctx[n] = (uint8_t)cx;

    switch (nd->tag) {
    case PITH_TAG_HTML:
      set_once(&x->lang, a.lang);
      pith__meta_note_order(x, a.lang);
      break;
    case PITH_TAG_META:
      pith__meta_do_meta(x, &a, cx);
      break;
    case PITH_TAG_LINK:
      if (has_token(a.rel, "canonical"))
        set_once(&x->canonical, a.href);
      else if (has_token(a.rel, "image_src"))
        set_once(&x->link_image, a.href);
      else if (has_token(a.rel, "license"))
        set_once(&x->license, a.href);
      break;
    case PITH_TAG_TITLE:
      if (!x->doc_title.s && !(cx & CX_BODY))
        x->doc_title = pith__meta_child_text(x, n, MAX_FIELD);
      break;
    case PITH_TAG_H1:
      record_head(x, x->h1, &x->nh1, n, cx);
      break;
    case PITH_TAG_H2:
      if (x->nh2 < 4)
        record_head(x, x->h2, &x->nh2, n, cx);
      break;
    case PITH_TAG_SCRIPT:
      if (has_lit(a.type, "ld+json"))
        pith__meta_do_ld_json(x, n);
      break;
    case PITH_TAG_TIME:
      pith__meta_date_from_time(x, n, &a, cx);
      break;
    case PITH_TAG_A:
      if (has_token(a.rel, "license") && !(cx & CX_HIDDEN))
        set_once(&x->license, a.href);
      else if (!has(x->cc_link) && has(a.href) &&
               (has_lit(a.href, "creativecommons.org/licenses/") ||
                has_lit(a.href, "creativecommons.org/publicdomain/")))
        x->cc_link = trim(a.href);
      if (has(a.rel) && !(cx & CX_HIDDEN)) {
        /* Tags and categories of the article, not of a site-wide box
         * ("trending tags" beside it). */
        int own = x->region && n > x->region && n <= x->region_end;
        int tag = own && has_token(a.rel, "tag");
        int cat = own && has_token(a.rel, "category");
        slist *l = cat ? &x->rel_cats : &x->rel_tags;
        if ((tag || cat) && l->n < MAX_ITEMS &&
            l->tries < ITEM_TRIES * MAX_ITEMS) {
          int cut;
          span s = pith__meta_elem_text(x, n, MAX_ITEM_LEN, &cut);
          if (!cut)
            pith__meta_list_add(x, l, s);
        } else if (has_token(a.rel, "author") && !has(x->rel_author) &&
                   !(cx & CX_BOILER)) {
          int cut;
          span s = pith__meta_byline_text(x, n, &cut);
          if (!cut && has(s))
            x->rel_author = s;
        }
      }
      break;
    default:
      break;
    }
    if (has(a.itemprop))
      do_itemprop(x, n, nd, &a, cx);
    if (x->date_prio < DP_TIME_PUB && nd->tag != PITH_TAG_TIME)
      pith__meta_date_from_class(x, n, &a, cx);
    int bl = 0;
    if ((cx & CX_BODY) && !(cx & (CX_HIDDEN | CX_BOILER)) &&
        nd->tag != PITH_TAG_BODY && nd->tag != PITH_TAG_HTML &&
        nd->tag != PITH_TAG_META && nd->tag != PITH_TAG_IMG &&
        nd->tag != PITH_TAG_SCRIPT) {
      int bc = pith__meta_byline_name(a.cls), bi = pith__meta_byline_name(a.id);
      bl = bc == 1 || bi == 1 ? 1 : bc == 2 || bi == 2 ? 2 : 0;
      if (nd->tag == PITH_TAG_A &&
          (has_token(a.rel, "author") || pith__meta_author_href(a.href)))
        bl = 1;
    }
    if (bl == 1 && x->nbylines < MAX_BYLINES) {
      /* Skip a nested byline element inside the previous one. */
      int nested = 0;
      if (x->nbylines) {
        uint32_t p = nd->parent;
        for (int up = 0; p && up < 6; up++, p = t->nodes[p].parent)
          if (p == x->byline_node[x->nbylines - 1])
            nested = 1;
      }
      if (!nested) {
        int cut;
        span s = pith__meta_byline_text(x, n, &cut);
        if (!cut && has(s)) {
          x->byline_node[x->nbylines] = n;
          x->bylines[x->nbylines++] = s;
        }
      }
    } else if (bl == 2 && !has(x->author_box)) {
      int cut;
      span s = pith__meta_byline_text(x, n, &cut);
      if (has(s))
        x->author_box = s; /* a bio may be cut: its name comes first */
    }
  }
}

/* ------------------------------------------------------------------ */
/* The headline's element, URLs, language, output                      */

/* The element holding the headline when no heading matched the title: the
 * first visible text in the body that equals the title (a styled <p>, <h4>
 * or <strong>). */
static uint32_t find_headline(mx *x, span title) {
  const pith_tree *t = x->t;
  if (!has(title) || !x->ctx)
    return 0;
  span key = pith__meta_norm(x, title);
  if (!key.n)
    return 0;
  for (uint32_t n = 1; n < t->nnodes; n++) {
    if (!(x->ctx[n] & CX_BODY) || !text_node_ok(x, n))
      continue;
    span s = trim(mkspan(pith__text(t, n), t->nodes[n].len));
    if (s.n + 16 < title.n || s.n > title.n + 16)
      continue;
    if (pith__meta_norm_eq(s, key))
      return t->nodes[n].parent;
  }
  return 0;
}

/* A language tag: "en_US" -> "en-US"; only letters, digits and '-'. */
static span norm_lang(mx *x, span l) {
  l = trim(l);
  if (!has(l))
    return nospan();
  size_t n = 0;
  while (n < l.n && n < LANG_TAG_MAX && l.s[n] != ',' && l.s[n] != ';' &&
         !is_sp((unsigned char)l.s[n]))
    n++;
  char *d = tmp_alloc(x, n + 1);
  if (!d)
    return nospan();
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)l.s[i];
    if (c == '_')
      c = '-';
    if (!(is_alpha(c) || is_digit(c) || c == '-'))
      return nospan();
    d[i] = (char)c;
  }
  d[n] = '\0';
  if (n < 2)
    return nospan();
  return mkspan(d, n);
}

static const char *out_str(pith_arena *a, span s, int *oom) {
  const char *r = pith__arena_strndup(a, s.s ? s.s : "", s.s ? s.n : 0);
  if (!r)
    *oom = 1;
  return r ? r : "";
}

static const char **out_list(pith_arena *a, const slist *l, size_t *count,
                             int *oom) {
  *count = 0;
  if (l->n == 0)
    return NULL;
  const char **v = pith__arena_alloc(a, l->n * sizeof *v);
  if (!v) {
    *oom = 1;
    return NULL;
  }
  for (size_t i = 0; i < l->n; i++)
    v[i] = out_str(a, l->v[i], oom);
  *count = l->n;
  return v;
}

static const slist *first_list(const slist *a, const slist *b, const slist *c) {
  if (a->n)
    return a;
  if (b->n)
    return b;
  return c;
}

/* Where a publication date of rank prio (DP_*) comes from. */
static const char *date_source(int prio) {
  switch (prio) {
  case DP_LD:
    return "JSON-LD datePublished";
  case DP_META:
    return "<meta property=article:published_time> or similar";
  case DP_ITEMPROP:
    return "microdata datePublished";
  case DP_LD_WEAK:
    return "JSON-LD dateCreated or a page's datePublished";
  case DP_TIME_PUB:
    return "<time> marked as published";
  case DP_URL:
    return "the date in the URL";
  case DP_META_WEAK:
    return "<meta name=date> or similar";
  case DP_TIME_MAIN:
    return "the first <time> in the article";
  case DP_TIME_ANY:
    return "the first <time> in the body";
  case DP_TEXT:
    return "a date in the text after the headline";
  case DP_LD_TEXT:
    return "a JSON-LD date written for people";
  default:
    return prio > 0 ? "a modified date (last resort)" : NULL;
  }
}

/* The fields read from the tree (all but the page type). */
static int read_fields(const pith_tree *t, uint32_t root, const char *url,
                       pith_clock *clock, pith_arena *a, pith_meta *m) {
  memset(m, 0, sizeof *m);
  m->title = m->author = m->date = m->sitename = "";
  m->description = m->language = m->url = m->url_hint = "";
  m->date_modified = m->image = m->license = m->page_type = "";
  m->dateline_place = m->dateline_date = m->dateline_agency = "";
  m->title_doc = "";
  mx *x = pith__calloc(1, sizeof *x);
  if (!x)
    return -1;
  x->t = t;
  pith__arena_init(&x->tmp);
  pith__buf_init(&x->buf);
  int oom = 0;
  if (url && !*url)
    url = NULL;
  pith__url_host(url, &x->host, &x->label, &x->home);

  x->budget = 2 * (size_t)(t ? t->nnodes : 0) + 100000;
  x->clock = clock;
  if (t && root && root < t->nnodes) {
    /* The article's region: the <article> around the content, else the
     * content itself, and two levels of the page around that (the column
     * that holds the article and its header and footer; site-wide boxes
     * sit beside it).  A subtree is a range of the pre-order node array. */
    uint32_t r = root;
    while (r && t->nodes[r].tag != PITH_TAG_ARTICLE)
      r = t->nodes[r].parent;
    if (!r)
      r = root;
    for (int up = 0; up < REGION_UP && t->nodes[r].tag != PITH_TAG_BODY &&
                     t->nodes[t->nodes[r].parent].tag != PITH_TAG_BODY &&
                     t->nodes[r].parent;
         up++)
      r = t->nodes[r].parent;
    x->region = x->region_end = r;
    while (t->nodes[x->region_end].last)
      x->region_end = t->nodes[x->region_end].last;
  }
  if (t && t->nodes && t->nnodes > 1) {
    x->ctx = pith__malloc(t->nnodes);
    if (!x->ctx) {
      oom = 1;
      goto done;
    }
    walk(x);
  }
  if (x->oom) {
    oom = 1;
    goto done;
  }

  /* Site name candidates from metadata (before looking at the title). */
  span site = pith__meta_clean_span(x, x->og_site, 300);
  const char *site_src = "og:site_name";
  if (!has(site))
    site = x->ld_website, site_src = "JSON-LD WebSite name";
  if (!has(site))
    site = x->ld_publisher, site_src = "JSON-LD publisher";
  if (!has(site))
    site = pith__meta_clean_span(x, x->app_name, 300),
    site_src = "<meta name=application-name>";
  span sites[4] = {site, x->ld_website, x->ld_publisher,
                   pith__meta_clean_span(x, x->app_name, 300)};
  /* Without the caller's URL, the page's own canonical address names the
   * host, which a title's site part often repeats. */
  if (!has(x->host)) {
    span u = has(x->canonical) ? trim(x->canonical) : trim(x->og_url);
    char *z = has(u) && u.n < MAX_URL ? tmp_alloc(x, u.n + 1) : NULL;
    if (z) {
      memcpy(z, u.s, u.n);
      z[u.n] = '\0';
      if (strstr(z, "://"))
        pith__url_host(z, &x->host, &x->label, &x->home);
    }
  }
  span title_site, title_doc;
  x->doc_title = pith__meta_clean_span(x, x->doc_title, MAX_FIELD);
  x->og_title = pith__meta_clean_span(x, x->og_title, MAX_FIELD);
  x->tw_title = pith__meta_clean_span(x, x->tw_title, MAX_FIELD);
  span title = pith__meta_choose_title(x, sites, 4, &title_site, &title_doc);
  /* The pilcrow of a heading's anchor link ("Middleware¶"). */
  while (ends_lit(title, "\xc2\xb6"))
    title = trim(mkspan(title.s, title.n - 2));
  if (!has(site) && has(title_site) && pith__meta_site_shaped(title_site))
    site = title_site, site_src = "the site part of <title>";

  uint32_t head_node = 0;
  for (int i = 0; i < x->nh1 && !head_node; i++)
    if (pith__meta_same(x, x->h1[i].text, title))
      head_node = x->h1[i].node;
  for (int i = 0; i < x->nh2 && !head_node; i++)
    if (pith__meta_same(x, x->h2[i].text, title))
      head_node = x->h2[i].node;
  if (!head_node)
    head_node = find_headline(x, title);
  if (!head_node && x->nh1)
    head_node = x->h1[0].node;
  span date, mod;
  pith__meta_choose_dates(x, url, head_node, &date, &mod);

  span author = pith__meta_choose_author(x, site, head_node);

  span desc = has(x->desc)      ? x->desc
              : has(x->og_desc) ? x->og_desc
                                : x->tw_desc;
  const char *desc_src = has(x->desc)      ? "<meta name=description>"
                         : has(x->og_desc) ? "og:description"
                                           : "twitter:description";
  desc = pith__meta_clean_span(x, desc, MAX_FIELD);

  span lang = norm_lang(x, x->lang);
  const char *lang_src = "<html lang>";
  if (!has(lang))
    lang = norm_lang(x, x->http_lang), lang_src = "Content-Language";
  if (!has(lang))
    lang = norm_lang(x, x->og_locale), lang_src = "og:locale";
  if (!has(lang))
    lang = norm_lang(x, x->ld_lang), lang_src = "JSON-LD inLanguage";

  /* The page's address: its canonical link, else og:url, else the
   * caller's URL - absolute only.  A relative link is resolved against the
   * caller's URL; without one it cannot be, and the next source is tried
   * (a relative address is not one a record can be looked up by). */
  span u = pith__url_usable(x->canonical)
               ? pith__url_resolve_simple(&x->tmp, &x->oom, x->canonical, url)
               : nospan();
  const char *url_src = "<link rel=canonical>";
  span hint = has(u)                        ? u
              : pith__url_usable(x->og_url) ? trim(x->og_url)
                                            : nospan();
  hint = cap_utf8(hint, 8192);
  if (!pith__url_is_absolute(u) && pith__url_usable(x->og_url))
    u = pith__url_resolve_simple(&x->tmp, &x->oom, x->og_url, url),
    url_src = "og:url";
  if (!pith__url_is_absolute(u) && url)
    u = mkspan(url, strlen(url)), url_src = "the URL given";
  if (!pith__url_is_absolute(u))
    u = nospan();
  u = cap_utf8(u, 8192);

  /* The main image and the license, absolute against the page's URL. */
  span img = has(x->og_image)   ? x->og_image
             : has(x->ld_image) ? x->ld_image
             : has(x->tw_image) ? x->tw_image
             : has(x->ip_image) ? x->ip_image
                                : x->link_image;
  const char *img_src = has(x->og_image)   ? "og:image"
                        : has(x->ld_image) ? "JSON-LD image"
                        : has(x->tw_image) ? "twitter:image"
                        : has(x->ip_image) ? "microdata image"
                                           : "<link rel=image_src>";
  img = trim(img);
  const char *base = url;
  if (has(u)) {
    char *b = tmp_alloc(x, u.n + 1);
    if (b) {
      memcpy(b, u.s, u.n);
      b[u.n] = '\0';
      base = b;
    }
  }
  if (has(img) && !starts_lit(img, "data:"))
    img = cap_utf8(pith__url_resolve_simple(&x->tmp, &x->oom, img, base), 8192);
  else
    img = nospan();
  span lic = has(x->license) ? x->license : x->cc_link;
  lic = trim(lic);
  if (has(lic) && (looks_like_url(lic) || lic.s[0] == '/'))
    lic = cap_utf8(pith__url_resolve_simple(&x->tmp, &x->oom, lic, base), 8192);
  else if (has(lic))
    lic = pith__meta_clean_span(x, lic, 300);
  const slist *cats = first_list(&x->meta_cats, &x->ld_cats, &x->rel_cats);
  const slist *tags = first_list(&x->meta_tags, &x->ld_tags, &x->rel_tags);

  if (x->oom) {
    oom = 1;
    goto done;
  }
  m->title = out_str(a, title, &oom);
  m->title_doc = out_str(a, title_doc, &oom);
  m->author = out_str(a, author, &oom);
  m->date = out_str(a, date, &oom);
  m->sitename = out_str(a, site, &oom);
  m->description = out_str(a, desc, &oom);
  m->language = out_str(a, lang, &oom);
  m->url = out_str(a, u, &oom);
  m->url_hint = has(u) ? m->url : out_str(a, hint, &oom);
  m->categories = out_list(a, cats, &m->ncategories, &oom);
  m->tags = out_list(a, tags, &m->ntags, &oom);
  m->date_modified = out_str(a, mod, &oom);
  m->image = out_str(a, img, &oom);
  m->license = out_str(a, lic, &oom);
  m->src[PITH_F_TITLE] = *m->title ? x->src_title : NULL;
  m->src[PITH_F_AUTHOR] = *m->author ? x->src_author : NULL;
  m->src[PITH_F_DATE] = *m->date ? date_source(x->date_prio) : NULL;
  m->src[PITH_F_SITENAME] = *m->sitename ? site_src : NULL;
  m->src[PITH_F_DESCRIPTION] = *m->description ? desc_src : NULL;
  m->src[PITH_F_LANGUAGE] = *m->language ? lang_src : NULL;
  m->src[PITH_F_URL] = *m->url ? url_src : NULL;
  m->src[PITH_F_IMAGE] = *m->image ? img_src : NULL;

done:
  pith__free(x->ctx);
  pith__buf_free(&x->buf);
  pith__arena_free(&x->tmp);
  pith__free(x);
  return oom ? -1 : 0;
}

int pith__meta_extract(const pith_tree *t, const pith_scratch *s, uint32_t root,
                       const char *url, int explain, pith_clock *clock,
                       pith_arena *a, pith_meta *m) {
  if (read_fields(t, root, url, clock, a, m) < 0)
    return -1;
  /* The page type, from the tree, the selection's measures and the fields
   * read so far (the provisional title among them); then the title it
   * settles. */
  pith_pagetype_features pf;
  pith__pagetype_features(t, s, root, m, &pf);
  m->page_type = pith__pagetype_classify(&pf);
  if (explain && !(m->src[PITH_F_PAGE_TYPE] = pith__pagetype_scores(&pf, a)))
    return -1;
  pith__meta_settle_title(m);
  return 0;
}
