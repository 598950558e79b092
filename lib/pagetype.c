/* SPDX-License-Identifier: MIT */
/*
 * pagetype.c - what kind of page this is: an article (news, blog post,
 * essay), a forum or Q&A thread, a product page, a collection (a shop's
 * category of products), a listing (an index of articles, courses,
 * events), documentation, or a service (a business's landing, pricing or
 * about page).
 *
 * The evidence comes from what pages say about themselves and from their
 * structure, never from particular sites: schema.org types in JSON-LD and
 * microdata, og:type and publication-time meta tags, the shape of the
 * address (/products/x, /collections/x, /questions/123, /docs/, /t/slug/123,
 * a page in /blog/, the words of the slug, dates), markup that shops,
 * forums and documentation generators share (add-to-cart forms, prices,
 * post containers, bylines, code blocks, calls to action, phone links),
 * dates in short texts (one just above the first paragraph of prose is an
 * article's; many make an index), the title (its length, whether it reads
 * like a headline) and the main content's shape (paragraphs, links).  Each
 * type gets a score from these signals and the highest wins; article is
 * the default.  One linear pass over the nodes, each element's attributes
 * read once.
 */
#include "pagetype.h"

#include <stdio.h>
#include <string.h>

#include "chars.h"
#include "datetext.h"
#include "meta_jsonld.h"
#include "url.h"
#include "vocab.h"

#define CAP 1000
/* Text runs of the feature walk: prices and dates are short lines, a
 * button's label shorter; a paragraph counts from P_MIN visible bytes and
 * is long (prose) from LONG_P_MIN; a link of TEASER_LINK_MIN bytes is a
 * teaser's title; text sums stop at TEXT_SUM_CAP (no overflow). */
#define PRICE_TEXT_MAX 400
#define DATE_TEXT_MAX 80
#define BUTTON_TEXT_MAX 40
#define P_MIN 20
#define LONG_P_MIN 150
#define TEASER_LINK_MIN 30
#define TEXT_SUM_CAP 100000000u

static void bump(int *c) {
  if (*c < CAP)
    (*c)++;
}

/* Case-insensitive equality of s[0..n) and a lower-case literal. */
static int eq_ci(const char *s, size_t n, const char *lit) {
  size_t k = 0;
  for (; k < n && lit[k]; k++)
    if (lower((unsigned char)s[k]) != (unsigned char)lit[k])
      return 0;
  return k == n && !lit[k];
}

/* Case-insensitive search of a lower-case literal in s[0..n). */
static int has_ci(const char *s, size_t n, const char *lit) {
  size_t m = strlen(lit);
  if (m > n)
    return 0;
  for (size_t i = 0; i + m <= n; i++) {
    size_t k = 0;
    while (k < m && lower((unsigned char)s[i + k]) == (unsigned char)lit[k])
      k++;
    if (k == m)
      return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* The address                                                         */

static int seg_in(const char *s, size_t n, const char *const *list) {
  for (size_t i = 0; list[i]; i++)
    if (eq_ci(s, n, list[i]))
      return 1;
  return 0;
}

/* The words of a path segment (split at '-', '_', '+', '.', ',' and
 * "%20"; a file extension such as ".html" is not one) go to *nwords; the
 * return value counts those in `list`. */
static int seg_words(const char *s, size_t n, const char *const *list,
                     int *nwords) {
  size_t e = n;
  for (size_t i = n; i-- > 0;)
    if (s[i] == '.') {
      e = i;
      break;
    }
  int hits = 0, nw = 0;
  size_t b = 0;
  for (size_t i = 0; i <= e; i++) {
    int sep = i == e || s[i] == '-' || s[i] == '_' || s[i] == '+' ||
              s[i] == '.' || s[i] == ',';
    size_t skip = 0;
    if (!sep && s[i] == '%' && i + 2 < e && s[i + 1] == '2' && s[i + 2] == '0')
      sep = 1, skip = 2;
    if (!sep)
      continue;
    if (i > b) {
      nw++;
      if (list && seg_in(s + b, i - b, list))
        hits++;
    }
    i += skip;
    b = i + 1;
  }
  if (nwords)
    *nwords = nw;
  return hits;
}

static void url_features(const char *url, pith_pagetype_features *f) {
  if (!url || !*url)
    return;
  /* An absolute URL has a host; a relative one (a canonical link written
   * "/t/123" or "viewtopic.php?id=1") is all path. */
  const char *host, *p;
  pith__url_split_host(url, &host, &p);
  size_t hlen = (size_t)(p - host);
  /* Host labels that name a kind of site. */
  static const char *const forum_hosts[] = {
      "forum",     "forums",  "community", "discuss", "discussion",
      "discourse", "answers", "ask",       "talk",    "board",
      "boards",    "bbs",     NULL};
  static const char *const doc_hosts[] = {
      "docs", "doc",    "developer", "developers", "devdocs",
      "wiki", "manual", "learn",     "help",       NULL};
  size_t b = 0;
  int blog_host = 0;
  for (size_t i = 0; i <= hlen; i++) {
    if (i == hlen || host[i] == '.') {
      const char *lab = host + b;
      size_t ln = i - b;
      if (b == 0 && seg_in(lab, ln, forum_hosts))
        f->url_forum += 2;
      if (b == 0 && seg_in(lab, ln, doc_hosts))
        f->url_docs += 2;
      if (b == 0 && eq_ci(lab, ln, "blog"))
        blog_host = 1;
      b = i + 1;
    }
  }
  static const char *const product_segs[] = {"products", "product", "p",
                                             "dp",       "item",    "items",
                                             "produkt",  "produit", NULL};
  static const char *const collection_segs[] = {
      "collections", "collection", "category", "categories", "shop",
      "store",       "c",          "catalog",  "catalogue",  "department",
      "kategorie",   "categorie",  NULL};
  static const char *const forum_segs[] = {"t",
                                           "threads",
                                           "thread",
                                           "questions",
                                           "question",
                                           "forum",
                                           "forums",
                                           "topic",
                                           "topics",
                                           "discussion",
                                           "discussions",
                                           "comments",
                                           "viewtopic.php",
                                           "showthread.php",
                                           "showtopic",
                                           "posts",
                                           NULL};
  static const char *const doc_segs[] = {
      "docs",      "doc",    "documentation", "manual",    "reference",
      "api",       "guide",  "guides",        "handbook",  "usersguide",
      "userguide", "ref",    "tutorial",      "tutorials", "library",
      "en-us",     "latest", "stable",        "html",      NULL};
  static const char *const listing_segs[] = {
      "news",    "blog",     "articles", "events",   "press",     "stories",
      "courses", "programs", "archive",  "insights", "resources", "latest",
      "page",    "search",   "tag",      "tags",     "author",    NULL};
  /* A folder that holds articles, when a page follows it. */
  static const char *const section_segs[] = {
      "blog",  "blogs", "news",    "article",  "articles", "post",
      "posts", "story", "stories", "magazine", NULL};
  static const char *const service_segs[] = {
      "services",  "service",    "pricing",      "plans",
      "about",     "about-us",   "contact",      "contact-us",
      "solutions", "why-us",     "testimonials", "reviews",
      "tuition",   "admissions", "locations",    NULL};
  /* Words of a slug that name what a business offers. */
  static const char *const service_words[] = {
      "services", "service", "consulting", "solutions",
      "pricing",  "plans",   "agency",     NULL};
  f->url_known = 1;
  int nseg = 0, last_listing = 0, last_section = 0, words = 0, digits_seq = 0;
  const char *q = p;
  while (*q && *q != '?' && *q != '#') {
    while (*q == '/')
      q++;
    const char *s = q;
    while (*q && *q != '/' && *q != '?' && *q != '#')
      q++;
    size_t n = (size_t)(q - s);
    if (!n)
      continue;
    nseg++;
    int all_digits = 1;
    for (size_t i = 0; i < n; i++)
      if (!is_digit((unsigned char)s[i]))
        all_digits = 0;
    if (all_digits && (n == 4 || n == 2) && digits_seq < 3)
      digits_seq++;
    else if (!all_digits)
      digits_seq = digits_seq >= 2 ? digits_seq : 0;
    if (seg_in(s, n, product_segs))
      f->url_product++;
    if (seg_in(s, n, collection_segs))
      f->url_collection++;
    if (seg_in(s, n, forum_segs))
      f->url_forum++;
    if (seg_in(s, n, doc_segs))
      f->url_docs++;
    if (seg_in(s, n, service_segs))
      f->url_service++;
    if (last_section)
      f->url_section = 1;
    last_section = seg_in(s, n, section_segs);
    last_listing = seg_in(s, n, listing_segs);
    int w = 0;
    if (seg_words(s, n, service_words, &w) && w <= 6)
      f->url_service_word = 1;
    if (!all_digits)
      words = w;
  }
  if (digits_seq >= 2)
    f->url_date = 1;
  if (nseg == 0 && host != url)
    f->url_root = 1;
  if (blog_host && nseg > 0)
    f->url_section = 1; /* blog.example.com/a-post */
  if (last_listing)
    f->url_listing = 1;
  f->url_words = words;
}

/* ------------------------------------------------------------------ */
/* Structured data                                                     */

/* Count one schema.org type name. */
static void sd_type(const char *s, size_t n, pith_pagetype_features *f) {
  /* "https://schema.org/Product" -> "Product" */
  for (size_t i = n; i-- > 0;)
    if (s[i] == '/' || s[i] == ':') {
      s += i + 1;
      n -= i + 1;
      break;
    }
  if (eq_ci(s, n, "product") || eq_ci(s, n, "productgroup") ||
      eq_ci(s, n, "individualproduct"))
    bump(&f->sd_product);
  else if (eq_ci(s, n, "offer") || eq_ci(s, n, "aggregateoffer"))
    bump(&f->sd_offer);
  else if (eq_ci(s, n, "itemlist") || eq_ci(s, n, "offercatalog"))
    bump(&f->sd_itemlist);
  else if (eq_ci(s, n, "collectionpage") || eq_ci(s, n, "searchresultspage"))
    bump(&f->sd_collection);
  else if (eq_ci(s, n, "qapage")) /* Question and Answer also make FAQs */
    bump(&f->sd_qa);
  else if (eq_ci(s, n, "discussionforumposting") ||
           eq_ci(s, n, "socialmediaposting"))
    bump(&f->sd_forum);
  else if (eq_ci(s, n, "comment"))
    bump(&f->sd_comment);
  else if (eq_ci(s, n, "article") || eq_ci(s, n, "newsarticle") ||
           eq_ci(s, n, "blogposting") || eq_ci(s, n, "reportagenewsarticle") ||
           eq_ci(s, n, "analysisnewsarticle") ||
           eq_ci(s, n, "opinionnewsarticle") || eq_ci(s, n, "report") ||
           eq_ci(s, n, "scholarlyarticle") || eq_ci(s, n, "liveblogposting"))
    bump(&f->sd_article);
  else if (eq_ci(s, n, "techarticle") || eq_ci(s, n, "apireference"))
    bump(&f->sd_techarticle);
  else if (eq_ci(s, n, "service") || eq_ci(s, n, "professionalservice") ||
           eq_ci(s, n, "financialservice") ||
           eq_ci(s, n, "homeandconstructionbusiness") ||
           eq_ci(s, n, "movingcompany") ||
           eq_ci(s, n, "educationalorganization") ||
           eq_ci(s, n, "collegeoruniversity"))
    bump(&f->sd_service);
  else if (eq_ci(s, n, "course") ||
           eq_ci(s, n, "educationalOccupationalProgram"))
    bump(&f->sd_course);
  else if (eq_ci(s, n, "faqpage"))
    bump(&f->sd_faq);
  else if (eq_ci(s, n, "event"))
    bump(&f->sd_event);
  else if (eq_ci(s, n, "localbusiness") || eq_ci(s, n, "store") ||
           eq_ci(s, n, "restaurant"))
    bump(&f->sd_localbusiness);
}

static void sd_type_cb(const char *s, size_t n, void *f) {
  if (n <= 80) /* longer names are not schema.org types */
    sd_type(s, n, f);
}

/* Every "@type": "X" or "@type": ["X", "Y"] (the first 8) of the objects
 * of a JSON-LD script (meta_jsonld.c); nothing when it is not JSON. */
static void scan_ld(const char *s, size_t n, pith_pagetype_features *f) {
  pith_arena a;
  pith_jdoc d;
  pith__arena_init(&a);
  memset(&d, 0, sizeof d);
  if (pith__jsonld_parse(&d, &a, s, n) == 0)
    for (uint32_t o = 1; o < d.n; o++)
      if (d.v[o].type == PITH_J_OBJ)
        pith__jsonld_types(&d, o, 8, sd_type_cb, f);
  pith__json_free(&d);
  pith__arena_free(&a);
}

/* ------------------------------------------------------------------ */
/* Markup                                                              */

enum { CW_PRICE = 1, CW_CART = 2, CW_PRODUCT = 4, CW_POST = 8, CW_AUTHOR = 16 };

/* Classify class words by the pagetype-* rules of vocab.c ("bag" is a
 * cart only right after "add": "add-bag"). */
static unsigned class_words(const char *v, size_t len) {
  unsigned bits = 0;
  int prev_add = 0;
  pith_vocab_iter it;
  const char *w;
  size_t k;
  pith__vocab_iter_init(&it, v, len);
  while (pith__vocab_next_word(&it, &w, &k, NULL)) {
    uint32_t r = pith__vocab_rules(w, k);
    if (r & PITH_VB_PT_PRICE)
      bits |= CW_PRICE;
    if ((r & PITH_VB_PT_CART) || ((r & PITH_VB_PT_BAG) && prev_add))
      bits |= CW_CART;
    if (r & PITH_VB_PT_PRODUCT)
      bits |= CW_PRODUCT;
    if (r & PITH_VB_PT_POST)
      bits |= CW_POST;
    if (r & PITH_VB_PT_AUTHOR)
      bits |= CW_AUTHOR;
    prev_add = (r & PITH_VB_PT_ADD) != 0;
  }
  return bits;
}

/* A currency amount in a text: a currency sign next to a digit. */
static int has_price(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    size_t sl = 0;
    if (c == '$')
      sl = 1;
    else if (c == 0xE2 && i + 2 < n && (unsigned char)s[i + 1] == 0x82 &&
             (unsigned char)s[i + 2] == 0xAC)
      sl = 3; /* euro */
    else if (c == 0xC2 && i + 1 < n &&
             ((unsigned char)s[i + 1] == 0xA3 ||
              (unsigned char)s[i + 1] == 0xA5))
      sl = 2; /* pound, yen */
    if (!sl)
      continue;
    if (i + sl < n && is_digit((unsigned char)s[i + sl]))
      return 1;
    if (i > 0 && is_digit((unsigned char)s[i - 1]))
      return 1;
    if (i > 1 && s[i - 1] == ' ' && is_digit((unsigned char)s[i - 2]))
      return 1;
  }
  return 0;
}

/* A short text that holds a date: a month name with a year ("March 3,
 * 2024", "3 mars 2024"), a numeric date ("2024-03-03", "03/03/2024") or
 * a relative one ("3 days ago").  Month names are looked up only in texts
 * with a year, "ago" only in texts with a number. */
static int has_date_text(const char *s, size_t n) {
  int year = 0, number = 0;
  for (size_t i = 0; i < n;) {
    if (!is_digit((unsigned char)s[i])) {
      i++;
      continue;
    }
    size_t b = i;
    while (i < n && is_digit((unsigned char)s[i]))
      i++;
    size_t d = i - b;
    number = 1;
    if (d == 4 && (s[b] == '1' || s[b] == '2') &&
        (b == 0 || !is_alpha((unsigned char)s[b - 1])))
      year = 1;
    /* d{1,4} sep d{1,2} sep d{2,4}, the same separator twice */
    if (d <= 4 && i + 1 < n && (s[i] == '-' || s[i] == '/' || s[i] == '.') &&
        is_digit((unsigned char)s[i + 1])) {
      char sep = s[i];
      size_t j = i + 1, e = j;
      while (e < n && is_digit((unsigned char)s[e]))
        e++;
      if (e - j <= 2 && e + 1 < n && s[e] == sep &&
          is_digit((unsigned char)s[e + 1])) {
        size_t k = e + 1, g = k;
        while (g < n && is_digit((unsigned char)s[g]))
          g++;
        if ((d == 4 && g - k <= 2) || (d <= 2 && (g - k == 4 || g - k == 2)))
          return 1;
      }
    }
  }
  if (!number)
    return 0;
  for (size_t i = 0; i < n;) {
    if (!is_alpha((unsigned char)s[i])) {
      i++;
      continue;
    }
    size_t b = i;
    while (i < n && is_alpha((unsigned char)s[i]))
      i++;
    if (year && pith__date_month(s + b, i - b))
      return 1;
    if (eq_ci(s + b, i - b, "ago"))
      return 1;
  }
  return 0;
}

static int has_digit(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (is_digit((unsigned char)s[i]))
      return 1;
  return 0;
}

/* The text of a button or a call to action, which starts with the phrase:
 * 1 for buying ("Add to cart"), 2 for contacting a business ("Get a
 * quote"), 3 for a business's "Learn more", else 0. */
static int button_phrase(const char *s, size_t n) {
#define PHRASE(p, w)                                                           \
  { p, sizeof p - 1, w }
  static const struct {
    const char *p;
    size_t len;
    int what;
  } phrases[] = {PHRASE("add to cart", 1),   PHRASE("add to bag", 1),
                 PHRASE("add to basket", 1), PHRASE("buy now", 1),
                 PHRASE("contact us", 2),    PHRASE("get a quote", 2),
                 PHRASE("free quote", 2),    PHRASE("book now", 2),
                 PHRASE("request a", 2),     PHRASE("schedule a", 2),
                 PHRASE("apply now", 2),     PHRASE("get started", 2),
                 PHRASE("enroll", 2),        PHRASE("learn more", 3)};
#undef PHRASE
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
    i++;
  if (i >= n)
    return 0;
  unsigned char c = lower((unsigned char)s[i]);
  if (c != 'a' && c != 'b' && c != 'c' && c != 'g' && c != 'f' && c != 'r' &&
      c != 's' && c != 'e' && c != 'l')
    return 0;
  for (size_t k = 0; k < sizeof phrases / sizeof phrases[0]; k++) {
    size_t m = phrases[k].len;
    if (m <= n - i && phrases[k].p[0] == c && eq_ci(s + i, m, phrases[k].p))
      return phrases[k].what;
  }
  return 0;
}

static int attr_has(const pith_tree *t, uint32_t n, unsigned id,
                    const char *lit) {
  size_t len;
  const char *v = pith__attr(t, n, id, &len);
  return v && has_ci(v, len, lit);
}

/* <meta property|name=...>: og:type and the publication time. */
static void meta_features(const pith_tree *t, uint32_t i,
                          pith_pagetype_features *f) {
  size_t len, cl;
  const char *p = pith__attr(t, i, PITH_ATTR_PROPERTY, &len);
  if (!p)
    p = pith__attr(t, i, PITH_ATTR_NAME, &len);
  if (!p)
    return;
  if (eq_ci(p, len, "og:type")) {
    const char *c = pith__attr(t, i, PITH_ATTR_CONTENT, &cl);
    if (c && has_ci(c, cl, "article"))
      f->og_article = 1;
    else if (c && has_ci(c, cl, "product"))
      f->og_product = 1;
  } else if (eq_ci(p, len, "article:published_time") ||
             eq_ci(p, len, "datepublished") || eq_ci(p, len, "pubdate") ||
             eq_ci(p, len, "publishdate") || eq_ci(p, len, "publish-date") ||
             eq_ci(p, len, "parsely-pub-date") ||
             eq_ci(p, len, "sailthru.date")) {
    bump(&f->n_pub);
  }
}

/* The words of a title, and whether it reads like a headline: a number,
 * a question, or a headline's words ("How to...", "10 best...", "X vs
 * Y"). */
static void title_features(const char *s, pith_pagetype_features *f) {
  static const char *const words[] = {"how",   "what", "why",    "when",
                                      "guide", "tips", "best",   "top",
                                      "vs",    "ways", "review", NULL};
  if (!s)
    return;
  size_t i = 0;
  while (s[i]) {
    unsigned char c = (unsigned char)s[i];
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      i++;
      continue;
    }
    size_t b = i;
    while (s[i] && s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
      i++;
    f->title_words++;
    size_t e = b;
    while (e < i && is_alpha((unsigned char)s[e]))
      e++;
    if (e > b && seg_in(s + b, e - b, words))
      f->title_headline = 1;
    for (size_t k = b; k < i; k++)
      if (is_digit((unsigned char)s[k]) || s[k] == '?')
        f->title_headline = 1;
  }
}

void pith__pagetype_features(const pith_tree *t, const pith_scratch *s,
                             uint32_t root, const pith_meta *m,
                             pith_pagetype_features *f) {
  memset(f, 0, sizeof *f);
  if (m) {
    url_features(m->url && *m->url ? m->url : m->url_hint, f);
    f->has_date = m->date && *m->date;
    f->has_author = m->author && *m->author;
    title_features(m->title, f);
  }
  uint32_t nn = t ? t->nnodes : 0;
  const uint32_t *raw = s && s->raw && s->cap >= nn ? s->raw : NULL;
  const uint32_t *rawlink = raw ? s->rawlink : NULL;
  int prose = 0; /* a paragraph of prose has been seen (document order) */
  /* Nodes are stored in document order, so the main content is the index
   * range from root to its last descendant. */
  uint32_t main_end = root;
  while (root && main_end < nn && t->nodes[main_end].last)
    main_end = t->nodes[main_end].last;
  /* Out of time (clock.h): classify by what has been counted. */
  for (uint32_t i = 1; i < nn && !pith__clock_over(s ? s->clock : NULL); i++) {
    const pith_node *nd = &t->nodes[i];
    unsigned tag = nd->tag;
    if (tag == PITH_TAG_TEXT) {
      uint32_t pa = nd->parent;
      unsigned ptag = t->nodes[pa].tag;
      const char *txt = pith__text(t, i);
      if (ptag == PITH_TAG_SCRIPT) {
        if (attr_has(t, pa, PITH_ATTR_TYPE, "ld+json"))
          scan_ld(txt, nd->len, f);
        continue;
      }
      /* prices and dates hold digits; most texts (menus, labels) have
       * none */
      if (nd->len < PRICE_TEXT_MAX && has_digit(txt, nd->len)) {
        if (has_price(txt, nd->len))
          bump(&f->n_price_text);
        if (nd->len < DATE_TEXT_MAX && has_date_text(txt, nd->len)) {
          bump(&f->n_date_text);
          if (!prose)
            bump(&f->n_date_early);
        }
      }
      if (nd->len < BUTTON_TEXT_MAX) {
        switch (button_phrase(txt, nd->len)) {
        case 1:
          bump(&f->n_cart);
          break;
        case 2:
          bump(&f->n_quote_cta);
          break;
        case 3:
          bump(&f->n_learn_more);
          break;
        default:
          break;
        }
      }
      continue;
    }
    switch (tag) {
    case PITH_TAG_META:
      meta_features(t, i, f);
      break;
    case PITH_TAG_PRE:
      bump(&f->n_pre);
      break;
    case PITH_TAG_CODE:
      bump(&f->n_code);
      break;
    case PITH_TAG_ARTICLE:
      bump(&f->n_article_el);
      break;
    case PITH_TAG_TIME:
      bump(&f->n_time);
      break;
    case PITH_TAG_P:
      if (raw && raw[i] >= LONG_P_MIN && rawlink[i] * 4 < raw[i]) {
        bump(&f->n_long_p);
        prose = 1;
      }
      if (raw && raw[i] >= P_MIN) {
        bump(&f->n_p);
        if (f->p_text < TEXT_SUM_CAP)
          f->p_text += raw[i];
        if (i >= root && i <= main_end && root && f->main_p_text < TEXT_SUM_CAP)
          f->main_p_text += raw[i];
      }
      break;
    case PITH_TAG_A: {
      /* a link inside a heading (up to two levels up): a teaser's title */
      uint32_t pa = nd->parent, gp = t->nodes[pa].parent;
      unsigned pt = t->nodes[pa].tag, gt = t->nodes[gp].tag;
      if ((pt >= PITH_TAG_H2 && pt <= PITH_TAG_H4) ||
          (gt >= PITH_TAG_H2 && gt <= PITH_TAG_H4))
        bump(&f->n_heading_link);
      if (raw && raw[i] >= TEASER_LINK_MIN)
        bump(&f->n_teaser);
      break;
    }
    default:
      break;
    }
    /* One look at each attribute of the element. */
    unsigned cw = 0;
    for (uint32_t k = 0; k < nd->nattr; k++) {
      const pith_attr *a = &t->attrs[nd->attr + k];
      const char *v = t->chars.data + a->value;
      size_t len = a->len;
      switch (a->id) {
      case PITH_ATTR_CLASS:
        cw |= class_words(v, len);
        break;
      case PITH_ATTR_ITEMTYPE:
        sd_type(v, len, f);
        break;
      case PITH_ATTR_ITEMPROP: {
        uint32_t r = pith__vocab_token_rules(v, len);
        if (r & PITH_VB_PT_PRICE)
          bump(&f->n_price_attr);
        else if (r & PITH_VB_PT_PUBLISHED)
          bump(&f->n_pub);
        else if (r & PITH_VB_PT_AUTHOR)
          cw |= CW_AUTHOR;
        break;
      }
      case PITH_ATTR_NAME:
        if (eq_ci(v, len, "add") || has_ci(v, len, "add-to-cart"))
          cw |= CW_CART;
        break;
      case PITH_ATTR_REL:
        if (pith__vocab_token_rules(v, len) & PITH_VB_PT_AUTHOR)
          cw |= CW_AUTHOR;
        break;
      case PITH_ATTR_HREF:
        if (tag == PITH_TAG_A && len > 4 && eq_ci(v, 4, "tel:"))
          bump(&f->n_tel);
        break;
      default:
        break;
      }
    }
    if (!cw)
      continue;
    if (cw & CW_PRICE)
      bump(&f->n_price_attr);
    if (cw & CW_CART)
      bump(&f->n_cart);
    if (cw & CW_PRODUCT)
      bump(&f->n_product_cls);
    if (cw & CW_POST)
      bump(&f->n_post_cls);
    if (cw & CW_AUTHOR)
      bump(&f->n_author);
  }
  if (raw && root) {
    f->main_text = raw[root];
    f->main_link = rawlink[root];
  }
}

/* ------------------------------------------------------------------ */
/* The decision                                                        */

enum {
  T_ARTICLE,
  T_FORUM,
  T_PRODUCT,
  T_COLLECTION,
  T_LISTING,
  T_DOCS,
  T_SERVICE,
  T_COUNT
};

static const char *const type_names[T_COUNT] = {
    "article", "forum",         "product", "collection",
    "listing", "documentation", "service"};

static int min_i(int a, int b) { return a < b ? a : b; }

/*
 * Each type's score is a sum of weighted signals; the highest score wins,
 * and article, listed first, wins ties (a page with no evidence at all is
 * an article).  The signals are the few, general ones above; their weights
 * were fitted by logistic regression to the page types of the wcxb-dev
 * pages (fitting on the even-numbered pages and checking on the odd ones,
 * and the reverse, to choose the signals), then scaled and rounded to
 * small integers.  See docs/metadata.md for the figures.
 */
static void type_scores(const pith_pagetype_features *f, int sc[T_COUNT]) {
  memset(sc, 0, T_COUNT * sizeof *sc);
  int prices = f->n_price_attr + f->n_price_text;
  uint64_t mt = f->main_text ? f->main_text : 1;
  /* most of the main content is paragraphs, or hardly any of it */
  int prose = (uint64_t)f->main_p_text * 10 >= mt * 6;
  int no_prose = (uint64_t)f->main_p_text * 4 < mt;
  int main_links = (uint64_t)f->main_link * 100 > mt * 35;
  /* paragraphs of 150 visible bytes (some 30 words) on average */
  int long_paras = f->n_p > 0 && f->p_text >= 150u * (uint32_t)f->n_p;
  /* a title of one to three words ("Sneakers", "API reference") */
  int short_title = f->title_words >= 1 && f->title_words <= 3;

  /* article: article types, a publication time, a byline, a date before
   * the first paragraph, an address in a blog or news folder or with a
   * long slug, a title that reads like a headline, paragraphs of prose */
  sc[T_ARTICLE] =
      5 * (f->sd_article > 0) + 2 * f->og_article + f->has_date +
      (f->n_pub > 0) + (f->n_author > 0) + f->url_date +
      3 * (f->url_words >= 4) + 2 * (f->url_words >= 6) + 4 * f->url_section +
      4 * (f->n_date_early >= 1 && f->n_date_early <= 2) + (f->n_long_p >= 5) +
      (f->n_long_p >= 10) + 2 * long_paras + 4 * f->title_headline + prose;

  /* forum: forum-posting and Q&A types, comments, forum addresses, many
   * posts and many dates */
  sc[T_FORUM] =
      9 * min_i(f->url_forum, 2) + 4 * (f->sd_qa > 0) + 13 * (f->sd_forum > 0) +
      9 * (f->sd_comment >= 2) + min_i(f->n_post_cls / 5, 3) +
      4 * (f->n_time >= 4 && f->n_post_cls >= 10) + 5 * (f->n_date_text >= 5);

  /* product: one Product, an offer, a cart button */
  sc[T_PRODUCT] = 10 * min_i(f->url_product, 1) + 6 * f->og_product +
                  7 * (f->sd_product == 1) + 8 * (f->sd_offer > 0) +
                  4 * (f->n_cart > 0) + (prices > 0);

  /* collection: many products, prices and cart buttons */
  sc[T_COLLECTION] = 6 * min_i(f->url_collection, 1) +
                     2 * (f->sd_product >= 3) + 10 * (f->sd_collection > 0) +
                     5 * (f->n_product_cls >= 12) + 5 * (prices >= 8) +
                     2 * (f->n_cart >= 4);

  /* listing: an index of teasers, events or courses: linked headings,
   * many dates, main content that is mostly links and not paragraphs */
  sc[T_LISTING] = 11 * f->url_listing + 5 * (f->sd_itemlist > 0) +
                  8 * (f->sd_collection > 0) + 2 * (f->n_heading_link >= 6) +
                  (f->n_teaser >= 15) + (f->n_time >= 6) +
                  7 * (f->sd_event > 1) + 5 * (f->sd_course > 1) +
                  3 * (f->n_date_text >= 5) + (f->n_article_el >= 5) +
                  3 * f->url_root + 5 * main_links + 2 * no_prose;

  /* documentation: code, docs addresses, undated indexes of linked
   * headings */
  sc[T_DOCS] = 6 * min_i(f->url_docs, 2) + 3 * (f->sd_techarticle > 0) +
               5 * (f->n_pre >= 3) + 7 * (f->n_code >= 10) +
               2 * (f->n_heading_link >= 8 && !f->has_date) +
               2 * (f->n_teaser >= 40 && !f->has_date);

  /* A short title is a shop category's, an index's or a reference page's,
   * when the page has something else of one. */
  if (short_title) {
    sc[T_COLLECTION] += sc[T_COLLECTION] ? 6 : 0;
    sc[T_LISTING] += sc[T_LISTING] ? 2 : 0;
    sc[T_DOCS] += sc[T_DOCS] ? 4 : 0;
  }

  /* service: a business's page: a home page, service words in the
   * address, business types, calls to action, phone links, a short
   * slug; no byline and no date speak for it only when something else
   * does too */
  sc[T_SERVICE] = 6 * min_i(f->url_service, 1) + 7 * f->url_service_word +
                  2 * (f->sd_service > 0) + 4 * (f->sd_localbusiness > 0) +
                  4 * (f->n_quote_cta >= 2) + 3 * (f->n_quote_cta >= 4) +
                  4 * (f->sd_faq > 0) + 7 * f->url_root + 2 * (f->n_tel > 0) +
                  3 * (f->n_learn_more >= 2);
  if (sc[T_SERVICE] > 0 && !f->has_date && !f->has_author)
    sc[T_SERVICE] += 1;
  if (f->url_known && f->url_words <= 2)
    sc[T_SERVICE] += 3;
}

const char *pith__pagetype_classify(const pith_pagetype_features *f) {
  int sc[T_COUNT];
  type_scores(f, sc);
  int best = T_ARTICLE;
  for (int i = 1; i < T_COUNT; i++)
    if (sc[i] > sc[best])
      best = i;
  return type_names[best];
}

const char *pith__pagetype_scores(const pith_pagetype_features *f,
                                  pith_arena *a) {
  int sc[T_COUNT];
  type_scores(f, sc);
  /* The types by score, highest first (ties in table order). */
  int order[T_COUNT];
  for (int i = 0; i < T_COUNT; i++) {
    int j = i;
    while (j > 0 && sc[order[j - 1]] < sc[i]) {
      order[j] = order[j - 1];
      j--;
    }
    order[j] = i;
  }
  char out[256];
  size_t k = (size_t)snprintf(out, sizeof out, "signal scores:");
  for (int i = 0; i < T_COUNT && k < sizeof out; i++)
    k += (size_t)snprintf(out + k, sizeof out - k, "%s %s %d", i ? "," : "",
                          type_names[order[i]], sc[order[i]]);
  if (k >= sizeof out)
    k = sizeof out - 1;
  return pith__arena_strndup(a, out, k);
}
