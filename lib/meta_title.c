/* SPDX-License-Identifier: MIT */
/*
 * meta_title.c - choosing the page's title among what meta.c collected:
 * <title>, og:title, twitter:title, the JSON-LD headline or name, the
 * microdata headline and the page's <h1>/<h2> headings.
 *
 * Metadata titles first lose the part that names the site ("Headline |
 * Site", "Site: Headline", "Headline - Section - Site"): a part equal to a
 * site name from the metadata, to the URL's host or its main label, or
 * failing that a short trailing part shaped like a name.  What still holds
 * separators keeps its first part, the headline.  A heading that agrees
 * with a metadata title (same words, ignoring case, spaces and
 * punctuation) or with a part of <title> wins; else the main <h1> unless
 * it names the site or shares almost no words with the metadata (a logo, a
 * section label, a slogan); else the metadata title that agrees with
 * another source.  On a service page the headline of <title> may still
 * replace an <h1> no metadata agreed with (pith__meta_settle_title(), once
 * the page type is known).
 */
#include "meta_int.h"

#define LEAD_MIN_WORDS 2 /* words a title's first part needs to stand alone */
/* A site name is short: at most this many words and bytes. */
#define SITE_MAX_WORDS 4
#define SITE_MAX_BYTES 40
/* The <h1> is the title when it shares this share of its words with the
 * metadata title (or there is none). */
#define H1_AGREES_PCT 15

static const char *const title_seps[] = {" | ",
                                         " - ",
                                         " \xe2\x80\x93 ",
                                         " \xe2\x80\x94 ",
                                         " :: ",
                                         " \xc2\xb7 ",
                                         " \xc2\xbb ",
                                         " \xe2\x80\xa2 ",
                                         " ~ ",
                                         " // ",
                                         " / ",
                                         NULL};

/* Split points: positions of separators in a title.  Returns the count;
 * at[i] is the separator start, len[i] its length. */
static int title_splits(span s, size_t *at, size_t *len, int max) {
  int k = 0;
  for (size_t i = 0; i < s.n && k < max; i++) {
    if (s.s[i] != ' ')
      continue;
    for (const char *const *sep = title_seps; *sep; sep++) {
      size_t l = strlen(*sep);
      if (i + l <= s.n && memcmp(s.s + i, *sep, l) == 0) {
        /* An en or em dash before a lower-case word is punctuation
         * inside a sentence ("Rivers rise -- and fall"). */
        if ((unsigned char)(*sep)[1] == 0xe2 && i + l < s.n &&
            s.s[i + l] >= 'a' && s.s[i + l] <= 'z')
          break;
        /* "2026 / 2027" is one range, not two parts. */
        if (l == 3 && (*sep)[1] == '/' && i > 0 && i + l < s.n &&
            is_digit((unsigned char)s.s[i - 1]) &&
            is_digit((unsigned char)s.s[i + l]))
          break;
        at[k] = i;
        len[k] = l;
        k++;
        i += l - 1; /* separators never overlap */
        break;
      }
    }
  }
  return k;
}

/* Does part p name the site: equal to a site name, or to the URL's host or
 * its main label, ignoring case, spaces and punctuation?  Loosely, for a
 * part of a title, also a name that starts or ends with the host's label
 * ("Example Forums" on example.com); strictly (loose == 0), for a heading
 * that could just as well name a product, only the exact forms. */
static int site_part(mx *x, span p, const span *sites, int nsites, int loose) {
  span np = pith__meta_norm(x, p);
  if (np.n == 0)
    return 0;
  if (domain_like(trim(p)))
    return 1;
  for (int i = 0; i < nsites; i++) {
    if (!has(sites[i]))
      continue;
    span ns = pith__meta_norm(x, sites[i]);
    if (ns.n && ns.n == np.n && memcmp(ns.s, np.s, np.n) == 0)
      return 1;
    /* The first word(s) of the site's name: "Example" for "Example
     * Project". */
    if (np.n >= 4 && np.n < ns.n && memcmp(ns.s, np.s, np.n) == 0) {
      span w[8];
      int nw = words_of(sites[i], w, 8);
      size_t acc = 0;
      for (int k = 0; k < nw && acc < np.n; k++)
        acc += pith__meta_norm(x, w[k]).n;
      if (acc == np.n)
        return 1;
    }
  }
  span nh = pith__meta_norm(x, x->host), nl = pith__meta_norm(x, x->label);
  if (nh.n && nh.n == np.n && memcmp(nh.s, np.s, np.n) == 0)
    return 1;
  if (!loose)
    return nl.n >= 3 && nl.n == np.n && memcmp(nl.s, np.s, np.n) == 0;
  if (nl.n >= 3 && np.n >= nl.n && memcmp(np.s, nl.s, nl.n) == 0 &&
      np.n - nl.n <= 7)
    return 1; /* "Example", "Example.com", "Example UK", "Example Forums" */
  if (nl.n >= 4 && np.n >= 4 && np.n <= nl.n && memcmp(np.s, nl.s, np.n) == 0)
    return np.n * 2 >= nl.n; /* "Lakeside" for lakesidegazette */
  if (np.n >= 4 && nl.n >= 4 && np.n > nl.n) {
    /* "The Example Times" for "exampletimes": the label at the end. */
    if (memcmp(np.s + np.n - nl.n, nl.s, nl.n) == 0 && np.n - nl.n <= 3)
      return 1;
  }
  return 0;
}

static int is_site_part(mx *x, span p, const span *sites, int nsites) {
  return site_part(x, p, sites, nsites, 1);
}

/* Does a title part look like a site name by its shape alone: short, few
 * words, no sentence punctuation? */
int pith__meta_site_shaped(span p) {
  size_t w = word_count(p);
  if (w == 0 || w > SITE_MAX_WORDS || p.n > SITE_MAX_BYTES)
    return 0;
  for (size_t i = 0; i < p.n; i++)
    if (p.s[i] == '?' || p.s[i] == ',')
      return 0;
  return 1;
}

/* Strip site-name parts from a title.  *site_out receives the removed
 * part when one was removed. */
static span strip_title(mx *x, span s, const span *sites, int nsites,
                        span *site_out) {
  size_t at[16], len[16];
  if (site_out)
    *site_out = nospan();
  if (!has(s))
    return s;
  /* "| Site": a page that left its own title empty. */
  for (const char *const *sep = title_seps; *sep; sep++)
    if (s.n > strlen(*sep) && memcmp(s.s, *sep + 1, strlen(*sep) - 1) == 0) {
      if (site_out)
        *site_out =
            trim(mkspan(s.s + strlen(*sep) - 1, s.n - strlen(*sep) + 1));
      return nospan();
    }
  int k = title_splits(s, at, len, 16);
  if (k == 0) {
    /* "Site: Title" */
    long c = x->home ? -1 : find_lit(s, ": ");
    if (c > 0) {
      span head = mkspan(s.s, (size_t)c);
      if (is_site_part(x, head, sites, nsites)) {
        if (site_out)
          *site_out = head;
        return trim(mkspan(s.s + c + 2, s.n - (size_t)c - 2));
      }
    }
    return s;
  }
  /* Trailing part(s) that name the site. */
  span last =
      trim(mkspan(s.s + at[k - 1] + len[k - 1], s.n - at[k - 1] - len[k - 1]));
  if (is_site_part(x, last, sites, nsites)) {
    if (site_out)
      *site_out = last;
    /* "Title | Section | Site": the parts between are sections. */
    if (k >= 2 && len[0] == len[k - 1] &&
        memcmp(s.s + at[0], s.s + at[k - 1], len[0]) == 0)
      return trim(mkspan(s.s, at[0]));
    return trim(mkspan(s.s, at[k - 1]));
  }
  /* "Site - Tagline": on the site's front page the name leads the title
   * and stays; elsewhere it is a prefix to drop. */
  span first = trim(mkspan(s.s, at[0]));
  if (x->home && is_site_part(x, first, sites, nsites))
    return s;
  if (is_site_part(x, first, sites, nsites)) {
    if (site_out)
      *site_out = first;
    return trim(mkspan(s.s + at[0] + len[0], s.n - at[0] - len[0]));
  }
  /* Any part that names the site, e.g. "Title | Section | Site Name". */
  for (int i = k - 2; i >= 0; i--) {
    span mid = trim(mkspan(s.s + at[i] + len[i],
                           (i + 1 < k ? at[i + 1] : s.n) - at[i] - len[i]));
    if (is_site_part(x, mid, sites, nsites)) {
      if (site_out)
        *site_out = mid;
      return trim(mkspan(s.s, at[i]));
    }
  }
  /* Failing that, a short trailing part that looks like a site name. */
  span head = trim(mkspan(s.s, at[k - 1]));
  if ((pith__meta_site_shaped(last) && last.n < head.n) || domain_like(last)) {
    if (site_out)
      *site_out = last;
    return head;
  }
  return s;
}

/* The leading part of a title that still holds separators once the
 * site's name is gone: "Headline - Tagline", "Headline | Section".  Sites
 * put the page's own name first and qualifiers, sections and slogans
 * after it, so the first part is the headline -- unless it is too short
 * to be one (a lone word like "News" or an acronym before the name). */
static span lead_part(mx *x, span s, const span *sites, int nsites) {
  size_t at[16], len[16];
  if (!has(s))
    return s;
  int k = title_splits(s, at, len, 16);
  if (k == 0)
    return s;
  span head = trim(mkspan(s.s, at[0]));
  if (word_count(head) < LEAD_MIN_WORDS || is_site_part(x, head, sites, nsites))
    return s;
  return head;
}

/* A heading with separators ("Headline | Subtitle") whose first part is
 * the first part of <title> (doc) too: the two sources agree on the
 * shorter headline, the rest is a subtitle. */
static span heading_lead(mx *x, span h, span doc, const span *sites,
                         int nsites) {
  span lead = lead_part(x, h, sites, nsites);
  if (lead.n < h.n && pith__meta_same(x, lead, doc))
    return lead;
  return h;
}

static int word_eq(span a, span b);

/* Is heading h the last part of title s, "Headline - Name", where the
 * first part does not name the site?  Sites end their titles with their
 * own name, so such a heading is the site's (or the book's, the forum's)
 * name in a banner, even when no metadata says so. */
static int is_title_tail(mx *x, span h, span s, const span *sites, int nsites) {
  size_t at[16], len[16];
  int k = title_splits(s, at, len, 16);
  if (k == 0)
    return 0;
  span last =
      mkspan(s.s + at[k - 1] + len[k - 1], s.n - at[k - 1] - len[k - 1]);
  return pith__meta_same(x, h, last) &&
         !is_site_part(x, trim(mkspan(s.s, at[0])), sites, nsites);
}

/* Does heading h end with the words of title m, after a few words of its
 * own (no more than m has)?  "Review: Title", "Dec 18 2025 Title", "Brand
 * Title": a kicker, date or label set before the headline in the same
 * element.  A longer lead-in makes a different sentence. */
static int ends_with_title(span h, span m) {
  span wh[48], wm[48];
  int nh = words_of(h, wh, 48), nm = words_of(m, wm, 48);
  if (nm == 0 || nm >= nh || nh == 48 || nh - nm > nm)
    return 0;
  for (int i = 0; i < nm; i++)
    if (!word_eq(wh[nh - nm + i], wm[i]))
      return 0;
  return 1;
}

/* Is h the first part (before a separator) of title s? */
static int is_prefix_part(mx *x, span h, span s) {
  size_t at[16], len[16];
  int k = title_splits(s, at, len, 16);
  for (int i = 0; i < k; i++) {
    if (pith__meta_same(x, h, mkspan(s.s, at[i])))
      return 1;
    /* The trailing parts too: "Site | Title". */
    if (pith__meta_same(x, h,
                        mkspan(s.s + at[i] + len[i], s.n - at[i] - len[i])))
      return 1;
  }
  return 0;
}

static int word_eq(span a, span b) {
  if (a.n != b.n)
    return 0;
  for (size_t i = 0; i < a.n; i++)
    if (lower((unsigned char)a.s[i]) != lower((unsigned char)b.s[i]))
      return 0;
  return 1;
}

/* Share of words in common (|A and B| / |A or B|, in percent). */
static int overlap_pct(span a, span b) {
  span wa[48], wb[48];
  int na = words_of(a, wa, 48), nb = words_of(b, wb, 48);
  if (na == 0 || nb == 0)
    return 0;
  int common = 0;
  for (int i = 0; i < na; i++) {
    int dup = 0;
    for (int k = 0; k < i && !dup; k++)
      dup = word_eq(wa[i], wa[k]);
    if (dup)
      continue;
    for (int k = 0; k < nb; k++)
      if (word_eq(wa[i], wb[k])) {
        common++;
        break;
      }
  }
  int uni = na + nb - common;
  return uni > 0 ? common * 100 / uni : 0;
}

/* The chosen heading, trimmed where metadata shows where the headline
 * is: a metadata title (meta[0..nmeta): og:title, JSON-LD, twitter:title,
 * <title>, microdata; their first parts) that ends the heading after a
 * short kicker or label; else the heading's first part when <title>
 * (doc) starts with it too.  A heading that agreed with metadata as a
 * whole is only checked against <title> (nmeta == 0). */
/* The last part of s after its last separator ("" when it has none). */
static span last_part(span s) {
  size_t at[16], len[16];
  int k = title_splits(s, at, len, 16);
  if (k == 0)
    return nospan();
  return trim(
      mkspan(s.s + at[k - 1] + len[k - 1], s.n - at[k - 1] - len[k - 1]));
}

static span refine_heading(mx *x, span h, const span *meta, int nmeta, span doc,
                           const span *sites, int nsites) {
  /* "Headline | Opinion" under <title> "Other words | Opinion": a short
   * part both end with is a section or the site, not the headline's. */
  span tail = last_part(h);
  if (has(tail) && word_count(tail) <= 3 && has(x->doc_title) &&
      !pith__meta_same(x, h, x->doc_title) &&
      pith__meta_same(x, tail, last_part(x->doc_title))) {
    size_t at[16], len[16];
    int k = title_splits(h, at, len, 16);
    span head = trim(mkspan(h.s, at[k - 1]));
    if (word_count(head) >= LEAD_MIN_WORDS)
      h = head;
  }
  for (int k = 0; k < nmeta; k++)
    if (has(meta[k]) && ends_with_title(h, meta[k]))
      return meta[k];
  return heading_lead(x, h, doc, sites, nsites);
}

/* The title.  Headings are what readers see as the headline, metadata is
 * what the site wants in search results and link previews (often with the
 * site's name).  Metadata titles lose their site part and whatever follows
 * their first separator; those that only name the site are set aside.  A
 * heading that agrees with any metadata title wins; else the main <h1>
 * unless it names the site (or repeats the site-name end of <title>) or
 * shares almost no words with the metadata (a logo, a section label, a
 * marketing slogan); else the metadata titles, preferring ones that agree
 * with each other.  A chosen heading is then trimmed (refine_heading).
 *
 * *doc_alt receives the headline of <title> when it differs from a main
 * <h1> chosen only for sharing words with the metadata: the two compete,
 * and which one a page goes by depends on its type (an article's headline
 * is its <h1>, a service page's <h1> is often a slogan), which is only
 * known later; pith__meta_settle_title() decides. */
span pith__meta_choose_title(mx *x, span sitename_guess[], int nsites,
                             span *title_site, span *doc_alt) {
  *doc_alt = nospan();
  span doc = strip_title(x, x->doc_title, sitename_guess, nsites, title_site);
  span og = strip_title(x, x->og_title, sitename_guess, nsites, NULL);
  span tw = strip_title(x, x->tw_title, sitename_guess, nsites, NULL);
  span ldh = has(x->ld_headline)    ? x->ld_headline
             : x->ld_name_rank >= 3 ? x->ld_name
                                    : nospan();
  ldh = strip_title(x, ldh, sitename_guess, nsites, NULL);
  doc = lead_part(x, doc, sitename_guess, nsites);
  og = lead_part(x, og, sitename_guess, nsites);
  tw = lead_part(x, tw, sitename_guess, nsites);
  ldh = lead_part(x, ldh, sitename_guess, nsites);
  span iph = pith__meta_clean_span(x, x->ip_headline, MAX_FIELD);
  /* A metadata title that is just the site's name ("Example", "| Example";
   * a microdata headline on the logo that is the "Name" of a <title>
   * "Headline - Name") says nothing about the page: a last resort only. */
  span site_only = nospan();
  span *mt[5] = {&doc, &og, &tw, &ldh, &iph};
  for (int k = 0; k < 5; k++)
    if (has(*mt[k]) && (pith__meta_norm(x, *mt[k]).n == 0 ||
                        site_part(x, *mt[k], sitename_guess, nsites, 0) ||
                        (k == 4 && is_title_tail(x, *mt[k], x->doc_title,
                                                 sitename_guess, nsites)))) {
      if (!has(site_only) && pith__meta_norm(x, *mt[k]).n)
        site_only = *mt[k];
      *mt[k] = nospan();
    }

  span meta[7] = {og, ldh, tw, doc, iph, x->og_title, x->tw_title};
  /* Headings that agree with metadata: h1 in article/main first. */
  for (int pass = 0; pass < 2; pass++) {
    for (int i = 0; i < x->nh1; i++) {
      if (pass == 0 && !x->h1[i].in_main)
        continue;
      span h = x->h1[i].text;
      if (x->h1[i].logo ||
          is_title_tail(x, h, x->doc_title, sitename_guess, nsites))
        continue;
      x->src_title = "<h1> (agrees with a metadata title)";
      for (int k = 0; k < 7; k++)
        if (pith__meta_same(x, h, meta[k]))
          return refine_heading(x, h, meta, 0, doc, sitename_guess, nsites);
      x->src_title = "<h1> (a part of <title>)";
      /* A part of <title>, unless it is the part naming the site. */
      if (has(x->doc_title) && is_prefix_part(x, h, x->doc_title) &&
          !is_site_part(x, h, sitename_guess, nsites))
        return refine_heading(x, h, meta, 0, doc, sitename_guess, nsites);
    }
  }
  for (int i = 0; i < x->nh2; i++) {
    span h = x->h2[i].text;
    for (int k = 0; k < 7; k++)
      if (pith__meta_same(x, h, meta[k])) {
        x->src_title = "<h2> (agrees with a metadata title)";
        return h;
      }
  }
  /* The best metadata title: one that agrees with another source. */
  span best = nospan();
  const char *best_src = "<title> (site part cut)";
  if (has(og) && (pith__meta_same(x, og, doc) || pith__meta_same(x, og, ldh) ||
                  pith__meta_same(x, og, tw)))
    best = og, best_src = "og:title";
  else if (has(ldh) &&
           (pith__meta_same(x, ldh, doc) || pith__meta_same(x, ldh, tw)))
    best = ldh, best_src = "JSON-LD headline";
  else if (has(ldh) && has(x->ld_headline))
    best = ldh, best_src = "JSON-LD headline";
  else if (has(og))
    best = og, best_src = "og:title";
  else if (has(ldh) && !has(doc)) /* a name: of an FAQ question, a video */
    best = ldh, best_src = "JSON-LD name";
  else if (has(iph))
    best = iph, best_src = "microdata headline";
  else if (has(tw))
    best = tw, best_src = "twitter:title";
  else
    best = doc;
  /* The main h1: in article/main first; not the site's name. */
  span h1 = nospan();
  for (int pass = 0; pass < 2 && !has(h1); pass++) {
    for (int i = 0; i < x->nh1; i++) {
      if (pass == 0 && !x->h1[i].in_main)
        continue;
      span h = x->h1[i].text;
      if (x->h1[i].logo || site_part(x, h, sitename_guess, nsites, 0) ||
          is_title_tail(x, h, x->doc_title, sitename_guess, nsites))
        continue;
      h1 = h;
      break;
    }
  }
  if (has(h1) && (!has(best) || overlap_pct(h1, best) >= H1_AGREES_PCT)) {
    span h = refine_heading(x, h1, meta, 5, doc, sitename_guess, nsites);
    if (has(doc) && !pith__meta_same(x, h, doc))
      *doc_alt = doc;
    x->src_title = "<h1> (the main heading)";
    return h;
  }
  x->src_title = best_src;
  if (has(best))
    return best;
  x->src_title = "<h1> (the first)";
  if (x->nh1 > 0)
    return x->h1[0].text;
  x->src_title = "a metadata title that names only the site";
  return site_only;
}

void pith__meta_settle_title(pith_meta *m) {
  /* A service (a business's landing page) states what it offers in
   * <title>, the words it wants found by, and greets visitors with a
   * slogan in its <h1> ("Invoicing software that keeps you paid" over
   * "Small Business Invoicing Software").  An article's <h1> is its
   * headline, and shops, listings and documentation name the page in
   * theirs (a category's "Rain Jackets" under "Rain Jackets: Shop Jackets
   * for ... | Store"), so elsewhere the <h1> stays.  Only an <h1> that no
   * metadata title agreed with is open to this (title_doc is "" else). */
  if (m->title_doc && *m->title_doc && m->page_type &&
      !strcmp(m->page_type, "service")) {
    m->title = m->title_doc;
    m->src[PITH_F_TITLE] = "<title> (site part cut; a service page)";
  }
}
