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
 * microdata, og:type, the shape of the address (/products/x,
 * /collections/x, /questions/123, /docs/, /t/slug/123, dates), markup that
 * shops, forums and documentation generators share (add-to-cart forms,
 * prices, post containers, code blocks, tables of contents), and the
 * extracted text (its size, its share of the page, the byline and date
 * metadata found).  Each type gets a score from these signals and the
 * highest wins; article is the default.  One linear pass over the nodes.
 */
#include "pagetype.h"

#include <string.h>

#define CAP 1000
#define WORD_MAX 24

static void bump(int *c) {
  if (*c < CAP)
    (*c)++;
}

static unsigned char lower(unsigned char c) {
  return (c >= 'A' && c <= 'Z') ? (unsigned char)(c | 0x20) : c;
}

static int is_alpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static int is_digit(unsigned char c) { return c >= '0' && c <= '9'; }

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

static void url_features(const char *url, pith_pagetype_features *f) {
  if (!url || !*url)
    return;
  const char *p = strstr(url, "://");
  p = p ? p + 3 : url;
  const char *host = p;
  while (*p && *p != '/' && *p != '?' && *p != '#')
    p++;
  size_t hlen = (size_t)(p - host);
  /* Host labels that name a kind of site. */
  static const char *const forum_hosts[] = {
      "forum",   "forums", "community", "discuss", "discussion", "discourse",
      "answers", "ask",    "talk",      "board",   "boards",     NULL};
  static const char *const doc_hosts[] = {
      "docs", "doc",    "developer", "developers", "devdocs",
      "wiki", "manual", "learn",     "help",       NULL};
  size_t b = 0;
  for (size_t i = 0; i <= hlen; i++) {
    if (i == hlen || host[i] == '.') {
      const char *lab = host + b;
      size_t ln = i - b;
      if (b == 0 && seg_in(lab, ln, forum_hosts))
        f->url_forum += 2;
      if (b == 0 && seg_in(lab, ln, doc_hosts))
        f->url_docs += 2;
      if (eq_ci(lab, ln, "readthedocs") || eq_ci(lab, ln, "gitbook"))
        f->url_docs += 2;
      if (eq_ci(lab, ln, "stackexchange") || eq_ci(lab, ln, "stackoverflow"))
        f->url_forum += 2;
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
  static const char *const service_segs[] = {
      "services",  "service",    "pricing",      "plans",
      "about",     "about-us",   "contact",      "contact-us",
      "solutions", "why-us",     "testimonials", "reviews",
      "tuition",   "admissions", "locations",    NULL};
  int nseg = 0, last_listing = 0, last_long = 0, digits_seq = 0;
  const char *q = p;
  while (*q == '/') {
    q++;
    const char *s = q;
    while (*q && *q != '/' && *q != '?' && *q != '#')
      q++;
    size_t n = (size_t)(q - s);
    if (!n)
      continue;
    nseg++;
    int all_digits = 1, dashes = 0;
    for (size_t i = 0; i < n; i++) {
      if (!is_digit((unsigned char)s[i]))
        all_digits = 0;
      if (s[i] == '-' || s[i] == '_')
        dashes++;
    }
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
    last_listing = seg_in(s, n, listing_segs);
    last_long = dashes >= 3;
  }
  if (digits_seq >= 2)
    f->url_date = 1;
  if (nseg == 0)
    f->url_root = 1;
  if (last_listing)
    f->url_listing = 1;
  if (last_long)
    f->url_slug = 1;
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
  else if (eq_ci(s, n, "qapage") || eq_ci(s, n, "question") ||
           eq_ci(s, n, "answer"))
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
  else if (eq_ci(s, n, "howto"))
    bump(&f->sd_howto);
  else if (eq_ci(s, n, "recipe"))
    bump(&f->sd_recipe);
  else if (eq_ci(s, n, "event"))
    bump(&f->sd_event);
  else if (eq_ci(s, n, "localbusiness") || eq_ci(s, n, "store") ||
           eq_ci(s, n, "restaurant"))
    bump(&f->sd_localbusiness);
  else if (eq_ci(s, n, "webpage") || eq_ci(s, n, "aboutpage") ||
           eq_ci(s, n, "contactpage"))
    bump(&f->sd_webpage);
}

/* Every "@type": "X" or "@type": ["X", "Y"] of a JSON-LD text. */
static void scan_ld(const char *s, size_t n, pith_pagetype_features *f) {
  const char key[] = "\"@type\"";
  size_t kl = sizeof key - 1;
  for (size_t i = 0; i + kl < n; i++) {
    if (s[i] != '"' || memcmp(s + i, key, kl) != 0)
      continue;
    size_t j = i + kl;
    while (j < n &&
           (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
      j++;
    if (j >= n || s[j] != ':')
      continue;
    j++;
    while (j < n &&
           (s[j] == ' ' || s[j] == '\n' || s[j] == '\t' || s[j] == '\r'))
      j++;
    int array = j < n && s[j] == '[';
    size_t k = j + (size_t)array;
    int items = 0;
    while (k < n && items < 8) {
      while (k < n && (s[k] == ' ' || s[k] == ',' || s[k] == '\n' ||
                       s[k] == '\t' || s[k] == '\r'))
        k++;
      if (k >= n || s[k] != '"')
        break;
      size_t b = ++k;
      while (k < n && s[k] != '"' && k - b < 80)
        k++;
      if (k >= n || s[k] != '"')
        break;
      sd_type(s + b, k - b, f);
      k++;
      items++;
      if (!array)
        break;
    }
    i = k > i ? k - 1 : i;
  }
}

/* ------------------------------------------------------------------ */
/* Markup                                                              */

enum {
  CW_PRICE = 1,
  CW_CART = 2,
  CW_PRODUCT = 4,
  CW_POST = 8,
  CW_TOC = 16,
  CW_BREADCRUMB = 32
};

/* Class and id words and what they name ("bag" only after "add"), sorted
 * by first letter: word_range() gives each letter's slice. */
static const struct class_word {
  const char *w;
  size_t len;
  unsigned bits;
} class_table[] = {
#define CWORD(w, b)                                                            \
  { w, sizeof w - 1, b }
    CWORD("addtocart", CW_CART),         /* 0 a */
    CWORD("answer", CW_POST),            /* 1 */
    CWORD("api", CW_TOC),                /* 2 */
    CWORD("bag", CW_CART),               /* 3 b */
    CWORD("basket", CW_CART),            /* 4 */
    CWORD("breadcrumb", CW_BREADCRUMB),  /* 5 */
    CWORD("breadcrumbs", CW_BREADCRUMB), /* 6 */
    CWORD("cart", CW_CART),              /* 7 c */
    CWORD("docs", CW_TOC),               /* 8 d */
    CWORD("documentation", CW_TOC),      /* 9 */
    CWORD("docusaurus", CW_TOC),         /* 10 */
    CWORD("md", CW_TOC),                 /* 11 m */
    CWORD("message", CW_POST),           /* 12 */
    CWORD("post", CW_POST),              /* 13 p */
    CWORD("posts", CW_POST),             /* 14 */
    CWORD("price", CW_PRICE),            /* 15 */
    CWORD("product", CW_PRODUCT),        /* 16 */
    CWORD("products", CW_PRODUCT),       /* 17 */
    CWORD("replies", CW_POST),           /* 18 r */
    CWORD("reply", CW_POST),             /* 19 */
    CWORD("rst", CW_TOC),                /* 20 */
    CWORD("sphinxsidebar", CW_TOC),      /* 21 s */
    CWORD("thread", CW_POST),            /* 22 t */
    CWORD("toc", CW_TOC),                /* 23 */
    CWORD("topic", CW_POST),             /* 24 */
    CWORD("wy", CW_TOC),                 /* 25 w */
#undef CWORD
};

/* The slice [*b, *e) of class_table whose words start with c. */
static void word_range(char c, size_t *b, size_t *e) {
  switch (c) {
  case 'a':
    *b = 0;
    *e = 3;
    break;
  case 'b':
    *b = 3;
    *e = 7;
    break;
  case 'c':
    *b = 7;
    *e = 8;
    break;
  case 'd':
    *b = 8;
    *e = 11;
    break;
  case 'm':
    *b = 11;
    *e = 13;
    break;
  case 'p':
    *b = 13;
    *e = 18;
    break;
  case 'r':
    *b = 18;
    *e = 21;
    break;
  case 's':
    *b = 21;
    *e = 22;
    break;
  case 't':
    *b = 22;
    *e = 25;
    break;
  case 'w':
    *b = 25;
    *e = 26;
    break;
  default:
    *b = *e = 0;
    break;
  }
}

/* Classify class/id words (split at non-letters and case changes). */
static unsigned class_words(const char *v, size_t len) {
  char w[WORD_MAX + 1];
  size_t k = 0;
  unsigned bits = 0;
  int prev_add = 0;
  unsigned char prev = 0;
  for (size_t i = 0; i <= len; i++) {
    unsigned char c = i < len ? (unsigned char)v[i] : ' ';
    int alpha = is_alpha(c);
    /* prev: the letter before c (words longer than w are not stored) */
    int split = !alpha || (k > 0 && c >= 'A' && c <= 'Z' &&
                           !(prev >= 'A' && prev <= 'Z'));
    prev = c;
    if (split && k) {
      if (k <= WORD_MAX) {
        for (size_t j = 0; j < k; j++)
          w[j] = (char)lower((unsigned char)w[j]);
        size_t jb = 0, je = 0;
        if (k >= 2 && k <= 13)
          word_range(w[0], &jb, &je);
        for (size_t j = jb; j < je; j++) {
          const struct class_word *cw = &class_table[j];
          if (cw->len == k && cw->w[0] == w[0] && !memcmp(cw->w, w, k)) {
            if (cw->bits != CW_CART || strcmp(cw->w, "bag") || prev_add)
              bits |= cw->bits;
            break;
          }
        }
        prev_add = k == 3 && !memcmp(w, "add", 3);
      }
      k = 0;
    }
    if (alpha) {
      if (k < WORD_MAX)
        w[k] = (char)c;
      k++;
    }
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

/* The text of a button or a call to action, which starts with the phrase:
 * 1 for buying ("Add to cart"), 2 for contacting a business ("Get a
 * quote"), else 0. */
static int button_phrase(const char *s, size_t n) {
  static const struct {
    const char *p;
    int what;
  } phrases[] = {{"add to cart", 1}, {"add to bag", 1}, {"add to basket", 1},
                 {"buy now", 1},     {"contact us", 2}, {"get a quote", 2},
                 {"free quote", 2},  {"book now", 2},   {"request a", 2},
                 {"schedule a", 2},  {"apply now", 2},  {"get started", 2},
                 {"enroll", 2},      {NULL, 0}};
  size_t i = 0;
  while (i < n && (s[i] == ' ' || s[i] == '\n' || s[i] == '\t' || s[i] == '\r'))
    i++;
  if (i >= n)
    return 0;
  unsigned char c = lower((unsigned char)s[i]);
  if (c != 'a' && c != 'b' && c != 'c' && c != 'g' && c != 'f' && c != 'r' &&
      c != 's' && c != 'e')
    return 0;
  for (size_t k = 0; phrases[k].p; k++) {
    size_t m = strlen(phrases[k].p);
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

void pith__pagetype_features(const pith_tree *t, const pith_scratch *s,
                             uint32_t root, const pith_meta *m,
                             pith_pagetype_features *f) {
  memset(f, 0, sizeof *f);
  if (m) {
    url_features(m->url, f);
    f->has_date = m->date && *m->date;
    f->has_author = m->author && *m->author;
    f->has_dateline = m->has_dateline;
  }
  uint32_t nn = t ? t->nnodes : 0;
  uint32_t body = 0;
  for (uint32_t i = 1; i < nn; i++) {
    const pith_node *nd = &t->nodes[i];
    unsigned tag = nd->tag;
    if (tag == PITH_TAG_BODY && !body)
      body = i;
    if (tag == PITH_TAG_TEXT) {
      uint32_t pa = nd->parent;
      unsigned ptag = t->nodes[pa].tag;
      const char *txt = pith__text(t, i);
      if (ptag == PITH_TAG_SCRIPT) {
        if (attr_has(t, pa, PITH_ATTR_TYPE, "ld+json"))
          scan_ld(txt, nd->len, f);
        continue;
      }
      if (nd->len < 400 && has_price(txt, nd->len))
        bump(&f->n_price_text);
      if (nd->len < 40) {
        int what = button_phrase(txt, nd->len);
        if (what == 1)
          bump(&f->n_cart);
        else if (what == 2)
          bump(&f->n_quote_cta);
      }
      continue;
    }
    switch (tag) {
    case PITH_TAG_META: {
      size_t len;
      const char *p = pith__attr(t, i, PITH_ATTR_PROPERTY, &len);
      if (p && eq_ci(p, len, "og:type")) {
        const char *c = pith__attr(t, i, PITH_ATTR_CONTENT, &len);
        if (c && has_ci(c, len, "article"))
          f->og_article = 1;
        else if (c && has_ci(c, len, "product"))
          f->og_product = 1;
        else if (c && has_ci(c, len, "website"))
          f->og_website = 1;
      }
      break;
    }
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
    case PITH_TAG_INPUT:
    case PITH_TAG_TEXTAREA:
    case PITH_TAG_SELECT:
      bump(&f->n_input);
      break;
    case PITH_TAG_H2:
    case PITH_TAG_H3:
      bump(&f->n_h2);
      break;
    case PITH_TAG_IMG:
      bump(&f->n_img);
      break;
    case PITH_TAG_P:
      if (s && s->raw && s->cap >= nn && s->raw[i] >= 150 &&
          (s->rawlink[i] * 4 < s->raw[i]))
        bump(&f->n_long_p);
      break;
    case PITH_TAG_A: {
      /* a link inside a heading (up to two levels up): a teaser's title */
      uint32_t pa = nd->parent, gp = t->nodes[pa].parent;
      unsigned pt = t->nodes[pa].tag, gt = t->nodes[gp].tag;
      if ((pt >= PITH_TAG_H2 && pt <= PITH_TAG_H4) ||
          (gt >= PITH_TAG_H2 && gt <= PITH_TAG_H4))
        bump(&f->n_heading_link);
      if (s && s->raw && s->cap >= nn && s->raw[i] >= 30)
        bump(&f->n_teaser);
      break;
    }
    default:
      break;
    }
    size_t len;
    const char *ip = pith__attr(t, i, PITH_ATTR_ITEMTYPE, &len);
    if (ip)
      sd_type(ip, len, f);
    ip = pith__attr(t, i, PITH_ATTR_ITEMPROP, &len);
    if (ip && eq_ci(ip, len, "price"))
      bump(&f->n_price_attr);
    unsigned cw = 0;
    const char *v = pith__attr(t, i, PITH_ATTR_CLASS, &len);
    if (v)
      cw |= class_words(v, len);
    v = pith__attr(t, i, PITH_ATTR_NAME, &len);
    if (v && (eq_ci(v, len, "add") || has_ci(v, len, "add-to-cart")))
      cw |= CW_CART;
    if (cw & CW_PRICE)
      bump(&f->n_price_attr);
    if (cw & CW_CART)
      bump(&f->n_cart);
    if (cw & CW_PRODUCT)
      bump(&f->n_product_cls);
    if (cw & CW_POST)
      bump(&f->n_post_cls);
    if (cw & CW_TOC)
      bump(&f->n_toc);
    if (cw & CW_BREADCRUMB)
      bump(&f->n_breadcrumb);
  }
  if (s && s->raw && s->cap >= nn && nn > 1) {
    f->all_text = s->raw[body];
    f->link_text = s->rawlink[body];
    f->main_text = root ? s->raw[root] : 0;
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

const char *pith__pagetype_classify(const pith_pagetype_features *f) {
  int sc[T_COUNT] = {0};
  int prices = f->n_price_attr + f->n_price_text;
  int undated = !f->has_date && !f->has_author;
  int link_heavy = f->all_text && f->link_text * 100 > f->all_text * 35;

  /* article: the default, and what bylines, dates, datelines, article
   * types and paragraphs of prose speak for */
  sc[T_ARTICLE] = 2 + 3 * (f->sd_article > 0) + 2 * f->og_article +
                  2 * f->has_date + 2 * f->has_author + 3 * f->url_date +
                  f->url_slug + 3 * f->has_dateline +
                  (f->n_long_p >= 5 ? 2 : 0) + (f->n_long_p >= 10 ? 1 : 0);

  /* forum: Q&A and forum-posting types, forum addresses, many posts
   * with their own times */
  sc[T_FORUM] = 3 * min_i(f->url_forum, 2) +
                5 * (f->sd_qa > 0 && f->sd_product == 0) +
                5 * (f->sd_forum > 0) + 3 * (f->sd_comment >= 2) +
                min_i(f->n_post_cls / 5, 3) +
                (f->n_time >= 4 && f->n_post_cls >= 10 ? 3 : 0) +
                (f->sd_comment >= 2 ? 2 : 0);

  /* product: one Product, an offer, a cart button */
  sc[T_PRODUCT] = 3 * min_i(f->url_product, 1) + 4 * f->og_product +
                  (f->sd_product == 1 ? 5 : 0) + (f->sd_offer > 0 ? 2 : 0) +
                  (f->n_cart > 0 ? 3 : 0) + (prices > 0 ? 1 : 0);

  /* collection: many products, prices and cart buttons */
  sc[T_COLLECTION] =
      4 * min_i(f->url_collection, 1) + (f->sd_product >= 3 ? 4 : 0) +
      (f->sd_collection > 0 ? 2 : 0) + (f->n_product_cls >= 12 ? 3 : 0) +
      (prices >= 8 ? 3 : 0) + (f->n_cart >= 4 ? 2 : 0);

  /* listing: an index of teasers (linked headings, many links, little
   * prose of its own) */
  sc[T_LISTING] = 3 * f->url_listing + (f->sd_itemlist > 0 ? 1 : 0) +
                  (f->sd_collection > 0 ? 2 : 0) +
                  (f->n_heading_link >= 6 ? 3 : 0) +
                  (f->n_teaser >= 15 ? 2 : 0) + (link_heavy ? 2 : 0) +
                  (f->n_teaser >= 20 && f->n_long_p < 10 ? 2 : 0) +
                  (f->n_time >= 6 ? 1 : 0) + 2 * (f->sd_event > 1) +
                  (f->sd_course > 1 ? 2 : 0);

  /* documentation: code, tables of contents, undated reference pages */
  sc[T_DOCS] = 3 * min_i(f->url_docs, 2) + 4 * (f->sd_techarticle > 0) +
               (f->n_pre >= 3 ? 3 : 0) + (f->n_code >= 10 ? 3 : 0) +
               (f->n_toc >= 3 ? 2 : 0) +
               (f->n_heading_link >= 8 && !f->has_date ? 2 : 0) +
               (f->n_teaser >= 40 && !f->has_date ? 2 : 0);

  /* service: a business's page, with calls to action and no byline */
  sc[T_SERVICE] = 3 * min_i(f->url_service, 1) + 3 * (f->sd_service > 0) +
                  2 * (f->sd_localbusiness > 0) +
                  (f->n_quote_cta >= 2 ? 2 : 0) +
                  (f->n_quote_cta >= 4 ? 2 : 0) + (f->sd_course == 1 ? 2 : 0) +
                  (f->sd_faq > 0 ? 1 : 0) + (f->url_root ? 2 : 0);
  /* No byline and no date speak for a business page only when something
   * else does too. */
  if (undated && sc[T_SERVICE] > 0)
    sc[T_SERVICE] += 3;

  int best = T_ARTICLE;
  for (int i = 1; i < T_COUNT; i++)
    if (sc[i] > sc[best])
      best = i;
  return type_names[best];
}
