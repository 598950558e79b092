/* SPDX-License-Identifier: MIT */
/*
 * meta_tags.c - reading one <meta> element for the metadata stage: which
 * field its name, property or itemprop feeds (titles, site name,
 * descriptions, canonical address, language, sections and tags, images,
 * license, authors), and the rank of the dates it offers.  The keys are
 * compared in lower case.
 */
#include "meta_int.h"

#include <string.h>

static const char *const meta_pub_keys[] = {"article:published_time",
                                            "og:published_time",
                                            "article:published",
                                            "og:article:published_time",
                                            "published_time",
                                            "datepublished",
                                            "dc.date.issued",
                                            "dcterms.issued",
                                            "dc.date.created",
                                            "dcterms.created",
                                            "pubdate",
                                            "publishdate",
                                            "publish_date",
                                            "publish-date",
                                            "publication_date",
                                            "publication-date",
                                            "sailthru.date",
                                            "parsely-pub-date",
                                            "article.published",
                                            "article_date_original",
                                            "citation_publication_date",
                                            "citation_date",
                                            "citation_online_date",
                                            "original-publish-date",
                                            "originalpublicationdate",
                                            "article.created",
                                            "cxenseparse:recs:publishtime",
                                            "date.published",
                                            "bt:pubdate",
                                            "release_date",
                                            "datecreated",
                                            "published",
                                            "article:published_date",
                                            "article_published_time",
                                            "publication-date",
                                            NULL};

static const char *const meta_weak_date_keys[] = {
    "date",      "dc.date",        "dcterms.date",      "created", "dc.created",
    "timestamp", "date_published", "article:post_date", NULL};

static const char *const meta_mod_keys[] = {"article:modified_time",
                                            "og:updated_time",
                                            "datemodified",
                                            "last-modified",
                                            "dcterms.modified",
                                            "dc.date.modified",
                                            "lastmod",
                                            "article:modified",
                                            "modified",
                                            NULL};

static const char *const meta_author_keys[] = {
    "author",         "article:author",      "og:article:author",
    "dc.creator",     "dcterms.creator",     "citation_author",
    "parsely-author", "sailthru.author",     "byl",
    "author_name",    "article:author_name", NULL};

/* "Doe, Jane" (library catalogue order) -> "Jane Doe". */
static span last_first(mx *x, span v) {
  long c = find_lit(v, ",");
  if (c <= 0 || find_lit(mkspan(v.s + c + 1, v.n - (size_t)c - 1), ",") >= 0)
    return v;
  span last = trim(mkspan(v.s, (size_t)c));
  span first = trim(mkspan(v.s + c + 1, v.n - (size_t)c - 1));
  if (!has(first) || word_count(last) > 3 || word_count(first) > 3)
    return v;
  char *d = tmp_alloc(x, v.n + 2);
  if (!d)
    return v;
  memcpy(d, first.s, first.n);
  d[first.n] = ' ';
  memcpy(d + first.n + 1, last.s, last.n);
  d[first.n + 1 + last.n] = '\0';
  return mkspan(d, first.n + 1 + last.n);
}

/* A date key not in the lists above, by its words: 1 a publication date
 * ("w-published-date", "og:publish_date", "ms.date", "date-pub"), 2 a
 * modification date ("modified-date", "updated_at"), else 0.  `key` is in
 * lower case. */
static int meta_date_key(span key) {
  if (has_lit(key, "modif") || has_lit(key, "updat"))
    return 2;
  if (has_lit(key, "publisher") || has_lit(key, "last") ||
      has_lit(key, "auto") || has_lit(key, "type"))
    return 0;
  if (has_lit(key, "publish") &&
      (has_lit(key, "date") || has_lit(key, "time") || has_lit(key, "_at") ||
       ends_lit(key, "published")))
    return 1;
  if (has_lit(key, "pub") && has_lit(key, "date"))
    return 1;
  /* The last word is "date": "ms.date", "cludo:date". */
  if (key.n > 5 && ends_lit(key, "date")) {
    char c = key.s[key.n - 5];
    return c == '.' || c == ':' || c == '_' || c == '-';
  }
  return 0;
}

void pith__meta_do_meta(mx *x, const attrs *a, unsigned cx) {
  span content = a->content;
  if (!content.s)
    return;
  span key = has(a->property) ? a->property
             : has(a->name)   ? a->name
                              : a->itemprop;
  key = trim(key);
  if (has(a->http_equiv)) {
    if (eq_lit(trim(a->http_equiv), "content-language")) {
      set_once(&x->http_lang, content);
      pith__meta_note_order(x, content);
    }
    return;
  }
  if (!has(key) || key.n >= 64)
    return; /* every key we know is short */
  /* Compare a lower-case copy: eq_lit() below then only sees short keys. */
  char kb[64];
  for (size_t i = 0; i < key.n; i++)
    kb[i] = (char)lower((unsigned char)key.s[i]);
  kb[key.n] = '\0';
  key = mkspan(kb, key.n);
  /* A property like "og:title" may be combined with a name attribute. */
  if (eq_lit(key, "og:title"))
    set_once(&x->og_title, content);
  else if (eq_lit(key, "twitter:title"))
    set_once(&x->tw_title, content);
  else if (key.n == 14 && starts_lit(key, "twitter:label") &&
           key.s[13] >= '1' && key.s[13] <= '4')
    x->card_label[key.s[13] - '1'] = content;
  else if (key.n == 13 && starts_lit(key, "twitter:data") && key.s[12] >= '1' &&
           key.s[12] <= '4')
    x->card_data[key.s[12] - '1'] = content;
  else if (eq_lit(key, "og:site_name"))
    set_once(&x->og_site, content);
  else if (eq_lit(key, "application-name") ||
           eq_lit(key, "apple-mobile-web-app-title"))
    set_once(&x->app_name, content);
  else if (eq_lit(key, "description"))
    set_once(&x->desc, content);
  else if (eq_lit(key, "og:description"))
    set_once(&x->og_desc, content);
  else if (eq_lit(key, "twitter:description"))
    set_once(&x->tw_desc, content);
  else if (eq_lit(key, "og:url"))
    set_once(&x->og_url, content);
  else if (eq_lit(key, "og:locale") || eq_lit(key, "language") ||
           eq_lit(key, "dc.language")) {
    set_once(&x->og_locale, content);
    pith__meta_note_order(x, content);
  } else if (eq_lit(key, "article:section") ||
             eq_lit(key, "og:article:section"))
    pith__meta_list_add(x, &x->meta_cats, content);
  else if (eq_lit(key, "article:tag") || eq_lit(key, "og:article:tag"))
    pith__meta_list_add_split(x, &x->meta_tags, content);
  else if (eq_lit(key, "headline") && a->itemprop.s)
    set_once(&x->ip_headline, content);
  else if (key_in(key, meta_pub_keys))
    pith__meta_offer_date(x, content, a->itemprop.s ? DP_ITEMPROP : DP_META);
  else if (key_in(key, meta_weak_date_keys))
    pith__meta_offer_date(x, content, DP_META_WEAK);
  else if (key_in(key, meta_mod_keys)) {
    pith__meta_offer_date(x, content, DP_MODIFIED);
    pith__meta_offer_mod(x, content, 2);
  } else if (eq_lit(key, "og:image") || eq_lit(key, "og:image:url") ||
             eq_lit(key, "og:image:secure_url"))
    set_once(&x->og_image, content);
  else if (eq_lit(key, "twitter:image") || eq_lit(key, "twitter:image:src"))
    set_once(&x->tw_image, content);
  else if (eq_lit(key, "image") && a->itemprop.s)
    set_once(&x->ip_image, content);
  else if (eq_lit(key, "license") || eq_lit(key, "dcterms.license") ||
           eq_lit(key, "dc.rights.license"))
    set_once(&x->license, content);
  else if (key_in(key, meta_author_keys)) {
    span v = trim(content);
    if (has(v) && !looks_like_url(v) && !has(x->meta_author)) {
      x->meta_author = v;
      if (starts_lit(key, "citation_") || starts_lit(key, "dc"))
        x->meta_author = last_first(x, v);
    }
  } else if (eq_lit(key, "name") && (cx & CX_AUTHOR) && !(cx & CX_PUBLISHER)) {
    set_once(&x->ip_author, content);
  } else {
    int dk = meta_date_key(key);
    if (dk == 1) {
      pith__meta_offer_date(x, content, DP_META_WEAK);
    } else if (dk == 2) {
      pith__meta_offer_date(x, content, DP_MODIFIED);
      pith__meta_offer_mod(x, content, 2);
    }
  }
}
