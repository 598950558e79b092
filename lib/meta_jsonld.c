/* SPDX-License-Identifier: MIT */
/*
 * meta_jsonld.c - reading the JSON-LD scripts of a page for the metadata
 * stage: headline, name, authors, dates, image, license, section,
 * keywords, publisher and language, each kept from the object whose
 * schema.org @type ranks highest (articles before other creative works
 * before web pages).  Scripts go through the small bounded JSON scanner
 * of jsonparse.c (no recursion, capped depth and size; invalid JSON just
 * drops that script).  Also the parsing and @type reading that page-type
 * detection (pagetype.c) shares (meta_jsonld.h).
 */
#include "meta_int.h"

#include "meta_jsonld.h"

#include <stdint.h>
#include <string.h>

#define JSON_MAX_SCRIPTS 24
#define JSON_MAX_BYTES (4u << 20) /* bigger scripts are skipped */
#define JSON_MAX_IDREFS 32        /* @id look-ups per script */
#define JSON_MAX_TYPES 16         /* @type names read per object */
#define JSON_MAX_AUTHORS 10       /* authors kept from one object */
#define JSON_AUTHOR_MAX 200       /* bytes of one author name read */
#define JSON_MAX_AUTHOR_ITEMS 32  /* author entries read per object */
#define JSON_MAX_LIST 200         /* keyword or section items read */
/* A date with a time ("2024-03-05T10:00"): equal published and modified
 * values this precise mean the page was never updated. */
#define DATETIME_MIN 16

static span jkey(const pith_jnode *v) { return mkspan(v->key, v->keylen); }
static span jstr(const pith_jnode *v) {
  return v->type == PITH_J_STR ? mkspan(v->s, v->len) : nospan();
}

/* Rank of one @type name: 4 articles and postings, 3 other creative works
 * with a headline-like name, 2 web pages, 0 anything else. */
static int type_rank(span ty) {
  /* Drop a "schema:" or URL prefix. */
  for (size_t i = ty.n; i > 0; i--) {
    if (ty.s[i - 1] == '/' || ty.s[i - 1] == ':') {
      ty = mkspan(ty.s + i, ty.n - i);
      break;
    }
  }
  if (ends_lit(ty, "article") || ends_lit(ty, "posting") ||
      eq_lit(ty, "report") || eq_lit(ty, "newsarticle"))
    return eq_lit(ty, "jobposting") ? 3 : 4;
  if (eq_lit(ty, "recipe") || eq_lit(ty, "howto") || eq_lit(ty, "question") ||
      eq_lit(ty, "review") || eq_lit(ty, "course") ||
      eq_lit(ty, "videoobject") || eq_lit(ty, "podcastepisode") ||
      eq_lit(ty, "creativework") || eq_lit(ty, "scholarlyarticle"))
    return 3;
  if (ends_lit(ty, "page"))
    return 2;
  return 0;
}

/* Rank of object o by its @type (a string or an array of strings);
 * *website is set for WebSite objects. */
static int obj_rank(const pith_jdoc *d, uint32_t o, int *website) {
  uint32_t ty = pith__json_get(d, o, "@type");
  int best = 0;
  *website = 0;
  if (!ty)
    return 0;
  uint32_t c = d->v[ty].type == PITH_J_ARR ? d->v[ty].first : ty;
  int cnt = 0;
  for (; c && cnt < JSON_MAX_TYPES; cnt++) {
    span s = jstr(&d->v[c]);
    if (has(s)) {
      int r = type_rank(s);
      if (r > best)
        best = r;
      if (eq_lit(s, "website"))
        *website = 1;
    }
    if (d->v[ty].type != PITH_J_ARR)
      break;
    c = d->v[c].next;
  }
  return best;
}

/* The "name" of object o, following an {"@id": ...} reference to another
 * object of the same document when o has no name. */
static span jname(mx *x, const pith_jdoc *d, uint32_t o, int *idrefs) {
  if (!o)
    return nospan();
  if (d->v[o].type == PITH_J_STR)
    return jstr(&d->v[o]);
  if (d->v[o].type != PITH_J_OBJ)
    return nospan();
  uint32_t nm = pith__json_get(d, o, "name");
  if (nm && has(jstr(&d->v[nm])))
    return jstr(&d->v[nm]);
  uint32_t id = pith__json_get(d, o, "@id");
  span ids = id ? jstr(&d->v[id]) : nospan();
  if (!has(ids) || *idrefs >= JSON_MAX_IDREFS)
    return nospan();
  (*idrefs)++;
  for (uint32_t k = 1; k < d->n; k++) {
    if (k == o || d->v[k].type != PITH_J_OBJ)
      continue;
    uint32_t kid = pith__json_get(d, k, "@id");
    span ks = kid ? jstr(&d->v[kid]) : nospan();
    if (ks.n == ids.n && ks.n && memcmp(ks.s, ids.s, ks.n) == 0) {
      uint32_t kn = pith__json_get(d, k, "name");
      if (kn && has(jstr(&d->v[kn])))
        return jstr(&d->v[kn]);
    }
  }
  (void)x;
  return nospan();
}

/* Author names of a JSON-LD "author" value: a string, an object with a
 * name, or an array of either, joined with "; ". */
static span ld_authors(mx *x, const pith_jdoc *d, uint32_t a, int *idrefs) {
  span parts[JSON_MAX_AUTHORS];
  int np = 0;
  uint32_t c = d->v[a].type == PITH_J_ARR ? d->v[a].first : a;
  for (int cnt = 0; c && cnt < JSON_MAX_AUTHOR_ITEMS && np < JSON_MAX_AUTHORS;
       cnt++) {
    span nm = pith__meta_clean_span(x, jname(x, d, c, idrefs), JSON_AUTHOR_MAX);
    if (has(nm) && !looks_like_url(nm)) {
      int dup = 0;
      for (int k = 0; k < np; k++)
        dup |= pith__meta_same(x, parts[k], nm);
      if (!dup)
        parts[np++] = nm;
    }
    if (d->v[a].type != PITH_J_ARR)
      break;
    c = d->v[c].next;
  }
  if (np == 0)
    return nospan();
  size_t len = 0;
  for (int k = 0; k < np; k++)
    len += parts[k].n + 2;
  char *out = tmp_alloc(x, len + 1);
  if (!out)
    return nospan();
  size_t o = 0;
  for (int k = 0; k < np; k++) {
    if (k) {
      out[o++] = ';';
      out[o++] = ' ';
    }
    memcpy(out + o, parts[k].s, parts[k].n);
    o += parts[k].n;
  }
  out[o] = '\0';
  return mkspan(out, o);
}

static void ld_list(mx *x, const pith_jdoc *d, uint32_t v, slist *l) {
  if (d->v[v].type == PITH_J_STR) {
    pith__meta_list_add_split(x, l, jstr(&d->v[v]));
    return;
  }
  if (d->v[v].type != PITH_J_ARR)
    return;
  int cnt = 0;
  for (uint32_t c = d->v[v].first; c && cnt < JSON_MAX_LIST;
       c = d->v[c].next, cnt++) {
    if (d->v[c].type == PITH_J_STR)
      pith__meta_list_add(x, l, jstr(&d->v[c]));
    else if (d->v[c].type == PITH_J_OBJ) {
      int idr = JSON_MAX_IDREFS; /* no look-ups here */
      pith__meta_list_add(x, l, jname(x, d, c, &idr));
    }
  }
}

/* Collect fields from every typed object of a parsed JSON-LD document. */
/* The URL of a JSON-LD "image" value: a string, an ImageObject's "url"
 * (or "contentUrl"), or the first of an array of either. */
static span ld_image(const pith_jdoc *d, uint32_t v) {
  if (d->v[v].type == PITH_J_ARR)
    v = d->v[v].first;
  if (!v)
    return nospan();
  if (d->v[v].type == PITH_J_STR)
    return trim(jstr(&d->v[v]));
  if (d->v[v].type == PITH_J_OBJ) {
    uint32_t u = pith__json_get(d, v, "url");
    if (!u)
      u = pith__json_get(d, v, "contenturl");
    if (u && d->v[u].type == PITH_J_STR)
      return trim(jstr(&d->v[u]));
  }
  return nospan();
}

static void ld_walk(mx *x, const pith_jdoc *d) {
  int idrefs = 0;
  for (uint32_t o = 1; o < d->n; o++) {
    if (d->v[o].type != PITH_J_OBJ)
      continue;
    int website;
    int rank = obj_rank(d, o, &website);
    if (rank >= 3) {
      uint32_t dp = pith__json_get(d, o, "datePublished");
      uint32_t dm = pith__json_get(d, o, "dateModified");
      if (dp && dm && d->v[dp].type == PITH_J_STR &&
          d->v[dm].type == PITH_J_STR) {
        span a = jstr(&d->v[dp]), b = jstr(&d->v[dm]);
        if (a.n >= DATETIME_MIN && a.n == b.n && memcmp(a.s, b.s, a.n) == 0)
          x->ld_same = 1;
      }
    }
    if (website && !has(x->ld_website)) {
      uint32_t nm = pith__json_get(d, o, "name");
      if (nm)
        x->ld_website = pith__meta_clean_span(x, jstr(&d->v[nm]), 300);
    }
    if (rank == 0)
      continue;
    for (uint32_t c = d->v[o].first; c; c = d->v[c].next) {
      span k = jkey(&d->v[c]);
      span sv = jstr(&d->v[c]);
      if (eq_lit(k, "headline")) {
        if (has(sv) && rank > x->ld_headline_rank) {
          x->ld_headline = pith__meta_clean_span(x, sv, MAX_FIELD);
          x->ld_headline_rank = rank;
        }
      } else if (eq_lit(k, "name")) {
        if (has(sv) && rank > x->ld_name_rank) {
          x->ld_name = pith__meta_clean_span(x, sv, MAX_FIELD);
          x->ld_name_rank = rank;
        }
      } else if (eq_lit(k, "author") || (eq_lit(k, "creator") && rank >= 3)) {
        if (rank > x->ld_author_rank) {
          span a = ld_authors(x, d, c, &idrefs);
          if (has(a)) {
            x->ld_author = a;
            x->ld_author_rank = rank;
          }
        }
      } else if (eq_lit(k, "datepublished")) {
        /* A date written for people in JSON-LD comes from a template
         * (often the page's last build): a date shown by the headline
         * is the better one. */
        pith__meta_offer_date(x, sv,
                              !pith__meta_machine_date(sv) ? DP_LD_TEXT
                              : rank >= 3                  ? DP_LD
                                                           : DP_LD_WEAK);
      } else if (eq_lit(k, "datecreated") || eq_lit(k, "uploaddate")) {
        pith__meta_offer_date(x, sv,
                              !pith__meta_machine_date(sv) ? DP_LD_TEXT - 1
                              : rank >= 3                  ? DP_LD_WEAK
                                                           : DP_LD_WEAK - 5);
      } else if (eq_lit(k, "datemodified")) {
        pith__meta_offer_date(x, sv, DP_MODIFIED);
        if (rank >= 3)
          pith__meta_offer_mod(x, sv, 3);
      } else if (eq_lit(k, "image") || eq_lit(k, "thumbnailurl")) {
        if (rank > x->ld_image_rank) {
          span im = ld_image(d, c);
          if (has(im)) {
            x->ld_image = im;
            x->ld_image_rank = rank;
          }
        }
      } else if (eq_lit(k, "license")) {
        if (!has(x->license) && has(sv))
          x->license = sv;
      } else if (eq_lit(k, "articlesection")) {
        if (rank >= 3 && rank >= x->ld_cats_rank) {
          x->ld_cats_rank = rank;
          ld_list(x, d, c, &x->ld_cats);
        }
      } else if (eq_lit(k, "keywords")) {
        if (rank >= 3 && rank >= x->ld_tags_rank) {
          x->ld_tags_rank = rank;
          ld_list(x, d, c, &x->ld_tags);
        }
      } else if (eq_lit(k, "publisher")) {
        if (!has(x->ld_publisher)) {
          uint32_t p = d->v[c].type == PITH_J_ARR ? d->v[c].first : c;
          x->ld_publisher =
              pith__meta_clean_span(x, jname(x, d, p, &idrefs), 300);
        }
      } else if (eq_lit(k, "inlanguage")) {
        if (has(sv) && rank > x->ld_lang_rank) {
          x->ld_lang = sv;
          x->ld_lang_rank = rank;
        }
      }
    }
  }
}

void pith__meta_do_ld_json(mx *x, uint32_t n) {
  if (x->ld_scripts >= JSON_MAX_SCRIPTS)
    return;
  x->ld_scripts++;
  const pith_tree *t = x->t;
  /* The script's text: usually one text node; join several. */
  const char *s = NULL;
  size_t len = 0;
  uint32_t c = t->nodes[n].first;
  if (c && t->nodes[c].tag == PITH_TAG_TEXT && !t->nodes[c].next) {
    s = pith__text(t, c);
    len = t->nodes[c].len;
  } else if (c) {
    pith_buf *b = &x->buf;
    pith__buf_reset(b);
    for (; c && b->len <= JSON_MAX_BYTES; c = t->nodes[c].next)
      if (t->nodes[c].tag == PITH_TAG_TEXT)
        pith__buf_append(b, pith__text(t, c), t->nodes[c].len);
    if (b->oom) {
      x->oom = 1;
      return;
    }
    s = b->data;
    len = b->len;
  }
  if (!s || len == 0 || len > JSON_MAX_BYTES)
    return;
  pith_jdoc d;
  memset(&d, 0, sizeof d);
  int rc = pith__jsonld_parse(&d, &x->tmp, s, len);
  if (rc == 0)
    ld_walk(x, &d);
  else if (rc == -2)
    x->oom = 1;
  pith__json_free(&d);
}

int pith__jsonld_parse(pith_jdoc *d, pith_arena *strings, const char *s,
                       size_t len) {
  /* Tolerate a leading HTML comment or CDATA marker. */
  size_t i = 0;
  while (i < len && is_sp((unsigned char)s[i]))
    i++;
  if (len - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
    i += 4;
  else if (len - i >= 12 && memcmp(s + i, "//<![CDATA[", 11) == 0)
    i += 11;
  return pith__json_parse(d, strings, s + i, len - i);
}

void pith__jsonld_types(const pith_jdoc *d, uint32_t o, int max,
                        void (*fn)(const char *s, size_t n, void *ctx),
                        void *ctx) {
  uint32_t ty = pith__json_get(d, o, "@type");
  if (!ty)
    return;
  uint32_t c = d->v[ty].type == PITH_J_ARR ? d->v[ty].first : ty;
  for (int cnt = 0; c && cnt < max; cnt++) {
    if (d->v[c].type == PITH_J_STR)
      fn(d->v[c].s, d->v[c].len, ctx);
    if (d->v[ty].type != PITH_J_ARR)
      break;
    c = d->v[c].next;
  }
}
