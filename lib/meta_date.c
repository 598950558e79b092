/* SPDX-License-Identifier: MIT */
/*
 * meta_date.c - the publication and modification dates: reading the
 * <time> and date-classed elements meta.c's tree walk meets, ranking the
 * dates the walk offers, and choosing one when the walk is done.
 *
 * Every source has a rank (DP_* in meta_int.h): JSON-LD datePublished of
 * the article object, article:published_time and kin, microdata, a <time>
 * marked as published, the URL, other <time> elements, visible text; the
 * best-ranked date wins.  Strings are read by datetext.c, in the day and
 * month order of the page's locale.  Publication dates from sources readers
 * do not see are noted, so that when the page's hidden sources disagree,
 * the date shown by the headline settles it (date_agreement()); a time in
 * UTC a day off the date shown, or the URL's, gives way to the site's own
 * day.  Without any structured date, the visible text around the headline
 * is read, the words before a date labelling it as the publication, an
 * update or another kind of date ("Joined", "Founded").  Last, a
 * publication date months after the modified date gives way to an earlier
 * one the metadata offered, and a modified date before the publication
 * date is dropped.
 */
#include "meta_int.h"

/* Bounds of the date readers, each a guard against pages that would make
 * a scan long, not a tuned threshold. */
#define LABEL_BYTES 48        /* bytes before a date read for its label */
#define DATES_PER_TEXT 64     /* dates read in one stretch of text */
#define DATES_PER_RUN 16      /* dates read in one text run */
#define AFTER_HEAD_NODES 2000 /* nodes after the headline read for a date */
#define BEFORE_HEAD_TEXTS 30  /* text runs before the headline read */
#define PAGE_TEXT_READ 300000 /* bytes of the page's text read */
#define MONTH_LINE_MAX 2000   /* a "Month YYYY" line is short */
#define DATES_SHOWN_MAX 2000  /* dates read when checking one is shown */

#include "datetext.h"
#include "url.h"

#define DATE_TEXT_MAX 3000 /* bytes of visible text searched for a date */

/* ------------------------------------------------------------------ */
/* Dates offered by the tree walk                                     */

/* The parsing of date strings is datetext.c's; these adapt it to spans. */
int pith__meta_date_value(span v, int order, char out[11]) {
  v = trim(v);
  return has(v) && pith__date_value(v.s, v.n, order, out);
}

int pith__meta_machine_date(span v) {
  v = trim(v);
  return has(v) && pith__date_machine(v.s, v.n);
}

/* Note the order of day and month from a language tag ("en-US",
 * "en_GB", "fr"): the first tag that tells wins. */
void pith__meta_note_order(mx *x, span tag) {
  tag = trim(tag);
  if (x->order || tag.n < 2 || !is_alpha((unsigned char)tag.s[0]) ||
      !is_alpha((unsigned char)tag.s[1]) ||
      (tag.n > 2 && tag.s[2] != '-' && tag.s[2] != '_'))
    return;
  if (lower((unsigned char)tag.s[0]) != 'e' ||
      lower((unsigned char)tag.s[1]) != 'n') {
    x->order = PITH_DATE_ORDER_DMY;
    return;
  }
  if (tag.n < 5 || (tag.n > 5 && is_alpha((unsigned char)tag.s[5])))
    return; /* "en" alone, or a script subtag */
  span r = mkspan(tag.s + 3, 2);
  if (eq_lit(r, "us"))
    x->order = PITH_DATE_ORDER_MDY;
  else if (eq_lit(r, "gb") || eq_lit(r, "uk") || eq_lit(r, "au") ||
           eq_lit(r, "nz") || eq_lit(r, "ie") || eq_lit(r, "in") ||
           eq_lit(r, "za") || eq_lit(r, "sg"))
    x->order = PITH_DATE_ORDER_DMY;
}

static void note_pub(mx *x, const char d[11]) {
  for (int i = 0; i < x->npubs; i++)
    if (memcmp(x->pubs[i], d, 10) == 0)
      return;
  if (x->npubs < 8)
    memcpy(x->pubs[x->npubs++], d, 11);
}

/* Is v an ISO 8601 date and time in UTC written with "Z", or with no
 * zone at all ("2026-02-15 03:05:48")?  Such a time is often converted
 * from the site's own zone, so its date may be a day off the one shown.
 * A time with an explicit offset (even "+00:00") gives the site's zone. */
static int utc_time(span v) {
  v = trim(v);
  if (v.n < 16 || v.s[4] != '-' || (v.s[10] != 'T' && v.s[10] != ' ') ||
      !is_digit((unsigned char)v.s[11]))
    return 0;
  char last = v.s[v.n - 1];
  if (last == 'Z' || last == 'z')
    return 1;
  for (size_t i = 11; i < v.n; i++)
    if (v.s[i] == '+' || v.s[i] == '-' || is_alpha((unsigned char)v.s[i]))
      return 0;
  return 1;
}

/* Offer a date of rank `prio`; `hidden`: from a source readers do not
 * see (noted for date_agreement()). */
void pith__meta_offer_date_from(mx *x, span v, int prio, int hidden) {
  char d[11];
  if (!has(v) || (prio <= x->date_prio && (!hidden || prio <= DP_MODIFIED)))
    return;
  if (!pith__meta_date_value(v, x->order, d))
    return;
  if (hidden && prio > DP_MODIFIED)
    note_pub(x, d);
  if (prio > x->date_prio) {
    memcpy(x->date, d, 11);
    x->date_prio = prio;
    x->date_utc = utc_time(v);
  }
}

void pith__meta_offer_date(mx *x, span v, int prio) {
  pith__meta_offer_date_from(x, v, prio,
                             prio != DP_TEXT && prio != DP_TIME_ANY);
}

/* Move a YYYY-MM-DD date one day back (delta -1) or forward (+1). */
static void shift_day(char d[11], int delta) {
  int y = (d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
          (d[3] - '0');
  int m = (d[5] - '0') * 10 + (d[6] - '0');
  int day = (d[8] - '0') * 10 + (d[9] - '0') + delta;
  if (day < 1) {
    if (--m < 1) {
      m = 12;
      y--;
    }
    day = pith__date_days_in(y, m);
  } else if (day > pith__date_days_in(y, m)) {
    day = 1;
    if (++m > 12) {
      m = 1;
      y++;
    }
  }
  char out[11];
  if (pith__date_make(y, m, day, out))
    memcpy(d, out, 11);
}

/* Months since year 0 of a YYYY-MM-DD date. */
static int month_index(const char d[11]) {
  return ((d[0] - '0') * 1000 + (d[1] - '0') * 100 + (d[2] - '0') * 10 +
          (d[3] - '0')) *
             12 +
         (d[5] - '0') * 10 + (d[6] - '0');
}

/* Is date b the day after date a? */
static int next_day(const char a[11], const char b[11]) {
  char d[11];
  memcpy(d, a, 11);
  shift_day(d, +1);
  return memcmp(d, b, 10) == 0;
}

/* A last-modified date from a source of rank `prio` (1 visible <time>,
 * 2 meta, 3 JSON-LD): the best-ranked source wins. */
void pith__meta_offer_mod(mx *x, span v, int prio) {
  char d[11];
  if (prio <= x->date_mod_prio || !has(v))
    return;
  if (pith__meta_date_value(v, x->order, d)) {
    memcpy(x->date_mod, d, 11);
    x->date_mod_prio = prio;
  }
}

/* A date in the path of the canonical link or og:url (absolute URLs
 * only: a relative one has no host to skip). */
static int url_date(mx *x, char out[11]) {
  span c[2] = {x->canonical, x->og_url};
  for (int i = 0; i < 2; i++) {
    span u = trim(c[i]);
    if (!has(u) || u.n > MAX_URL || !has_lit(u, "://"))
      continue;
    char buf[2049];
    memcpy(buf, u.s, u.n);
    buf[u.n] = '\0';
    if (pith__url_date(buf, out))
      return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Dates in visible text                                              */

/* Dates in visible text right after the headline (or the start of the
 * article): the last resort before giving up. */

/* What the words just before a date in visible text call it. */
enum { DL_NONE, DL_PUB, DL_MOD, DL_OTHER };

static const char *const date_pub_words[] = {"published",
                                             "posted",
                                             "publish",
                                             "released",
                                             "written",
                                             "publi\xc3\xa9",
                                             "publi\xc3\xa9"
                                             "e",
                                             "ver\xc3\xb6"
                                             "ffentlicht",
                                             "publicado",
                                             "publicada",
                                             "pubblicato",
                                             "gepubliceerd",
                                             NULL};
static const char *const date_mod_words[] = {
    "updated",    "update",       "modified",    "edited",      "revised",
    "reviewed",   "aktualisiert", "actualizado", "actualizada", "jour",
    "aggiornato", "bijgewerkt",   "atualizado",  NULL};
/* Dates that are not the page's: a member's, a company's, a deadline. */
static const char *const date_other_words[] = {
    "joined",     "since", "founded",   "established", "expires", "born",
    "registered", "until", "copyright", "deadline",    NULL};
/* Small words between a label and its date: "Posted on the", "mis à
 * jour le", "veröffentlicht am". */
static const char *const date_filler_words[] = {"on", "the", "at", "le", "el",
                                                "il", "am",  "op", "em", NULL};

/* The label of the date starting at s[start]: the last words of
 * s[from..start).  Letters are ASCII letters and non-ASCII characters
 * other than the punctuation of U+0080-U+00BF and U+2000-U+2BFF. */
static int date_label(const char *s, size_t from, size_t start) {
  if (start - from > LABEL_BYTES)
    from = start - LABEL_BYTES;
  span w[8];
  int nw = 0;
  size_t i = from;
  while (i < start && ((unsigned char)s[i] & 0xc0) == 0x80)
    i++; /* the window began inside a character */
  while (i < start) {
    size_t b = i;
    while (i < start) {
      unsigned char c = (unsigned char)s[i];
      size_t len = c < 0x80 ? 1 : c >= 0xf0 ? 4 : c >= 0xe0 ? 3 : 2;
      int letter = c < 0x80 ? is_alpha(c) : c >= 0xc3 && c != 0xe2;
      if (!letter || i + len > start)
        break;
      i += len;
    }
    if (i > b) {
      if (nw == 8) {
        memmove(w, w + 1, 7 * sizeof w[0]);
        nw = 7;
      }
      w[nw++] = mkspan(s + b, i - b);
    } else {
      i++;
    }
  }
  /* "last post by NAME", "latest reply": a thread's newest activity. */
  static const char *const last_words[] = {"last", "latest", NULL};
  static const char *const activity_words[] = {"post",     "reply",   "comment",
                                               "activity", "message", NULL};
  for (int k = 0; k + 1 < nw; k++)
    if (key_in(w[k], last_words) && key_in(w[k + 1], activity_words))
      return DL_OTHER;
  /* "Written by Jane Doe and John Roe": the byline's verb labels it. */
  for (int k = nw - 2; k >= 1; k--) {
    if (!eq_lit(w[k], "by"))
      continue;
    int names = 1;
    for (int j = k + 1; j < nw; j++)
      names &= (w[j].s[0] >= 'A' && w[j].s[0] <= 'Z') || eq_lit(w[j], "and");
    if (names && key_in(w[k - 1], date_pub_words))
      return DL_PUB;
    break;
  }
  for (int k = nw - 1, skipped = 0; k >= 0; k--) {
    if (key_in(w[k], date_filler_words) && skipped++ < 2)
      continue;
    if (key_in(w[k], date_pub_words))
      return DL_PUB;
    if (key_in(w[k], date_mod_words))
      return DL_MOD;
    if (key_in(w[k], date_other_words))
      return DL_OTHER;
    break;
  }
  return DL_NONE;
}

/* The date to take from the dates of s[0..n): the first one not labelled
 * as an update (or as another kind of date), else the first update.  An
 * unlabelled date long after an update's is the text's, not the page's.
 * Returns the label of the date taken, or -1 when there is none. */
static int pick_text_date(const char *s, size_t n, int order, char out[11]) {
  size_t pos = 0, mod_end = 0;
  int have_mod = 0, tries = 0;
  char d[11];
  while (pos < n && tries++ < DATES_PER_TEXT) {
    size_t start, end;
    if (!pith__date_in_text(s + pos, n - pos, order, d, &start, &end))
      break;
    int label = date_label(s, pos, pos + start);
    size_t at = pos + start;
    pos += end;
    if (label == DL_OTHER)
      continue;
    if (label == DL_MOD) {
      if (!have_mod) {
        memcpy(out, d, 11);
        have_mod = 1;
        mod_end = pos;
      }
      continue;
    }
    if (have_mod && label != DL_PUB && at > mod_end + 150)
      break;
    memcpy(out, d, 11);
    return label;
  }
  return have_mod ? DL_MOD : -1;
}

/* The date in the visible text after node `head`, within `limit` bytes
 * of text (see pick_text_date): returns its label, or -1. */
static int date_after(mx *x, uint32_t head, size_t limit, char out[11]) {
  const pith_tree *t = x->t;
  pith_buf *b = &x->buf;
  pith__buf_reset(b);
  uint32_t seen = 0;
  for (uint32_t n = head + 1; n < t->nnodes && seen < AFTER_HEAD_NODES;
       n++, seen++) {
    if (!text_node_ok(x, n))
      continue;
    /* Runs of white space count as one space (indentation between
     * elements would otherwise use up the limit). */
    const char *s = pith__text(t, n);
    for (size_t i = 0, len = t->nodes[n].len; i < len; i++) {
      if (!is_sp((unsigned char)s[i]))
        pith__buf_putc(b, s[i]);
      else if (b->len && !is_sp((unsigned char)b->data[b->len - 1]))
        pith__buf_putc(b, ' ');
    }
    if (b->len && !is_sp((unsigned char)b->data[b->len - 1]))
      pith__buf_putc(b, ' ');
    if (b->len > limit)
      break;
  }
  if (b->oom) {
    x->oom = 1;
    return -1;
  }
  if (!b->len)
    return -1;
  return pick_text_date(b->data, b->len > limit ? limit : b->len, x->order,
                        out);
}

/* Does s[0..n) hold four digits in a row (the year every date has)? */
static int has_year(const char *s, size_t n) {
  for (size_t i = 0, run = 0; i < n; i++) {
    run = is_digit((unsigned char)s[i]) ? run + 1 : 0;
    if (run == 4)
      return 1;
  }
  return 0;
}

/* A month and year without a day ("June 2022") in s[0..n) whose label
 * (date_label) is DL_PUB or DL_MOD: the first day of that month.  Returns
 * the label, or 0. */
static int month_year(const char *s, size_t n, char out[11]) {
  size_t i = 0, prev_end = 0;
  int prev_num = 0;
  while (i < n) {
    if (!is_alpha((unsigned char)s[i]) && (unsigned char)s[i] < 0x80) {
      if (is_digit((unsigned char)s[i])) {
        while (i < n && is_digit((unsigned char)s[i]))
          i++;
        prev_num = 1;
        prev_end = i;
      } else {
        i++;
      }
      continue;
    }
    size_t b = i;
    while (i < n &&
           (is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80))
      i++;
    int m = pith__date_month(s + b, i - b);
    /* "16 June 2022" is a full date, read elsewhere. */
    int after_day = prev_num && pith__date_soft_sep(s, prev_end, b);
    prev_num = 0;
    if (!m || after_day)
      continue;
    size_t j = i;
    while (j < n && j < i + 3 && (is_sp((unsigned char)s[j]) || s[j] == ','))
      j++;
    if (j + 4 > n || j == i)
      continue;
    int ok = 1, y = 0;
    for (size_t k = j; k < j + 4; k++) {
      ok &= is_digit((unsigned char)s[k]);
      y = y * 10 + (s[k] - '0');
    }
    if (!ok || (j + 4 < n && is_digit((unsigned char)s[j + 4])))
      continue;
    int label = date_label(s, 0, b);
    if ((label == DL_PUB || label == DL_MOD) && pith__date_make(y, m, 1, out))
      return label;
  }
  return 0;
}

/* A date labelled as the publication date ("Published", "Posted on")
 * anywhere in the visible text, or failing that (want == DL_MOD) one
 * labelled as an update ("Last updated:"), or failing that a labelled
 * month ("Last updated: June 2022", taken as its first day). */
static int date_labelled(mx *x, int want, char out[11]) {
  const pith_tree *t = x->t;
  pith_buf *b = &x->buf;
  char tail[48], month[11];
  size_t ntail = 0, bytes = 0;
  int found = 0, found_month = 0;
  for (uint32_t n = 1; n < t->nnodes && bytes < PAGE_TEXT_READ; n++) {
    if (!(x->ctx[n] & CX_BODY) || !text_node_ok(x, n))
      continue;
    const char *s = pith__text(t, n);
    size_t len = t->nodes[n].len;
    bytes += len;
    if (!has_year(s, len)) {
      /* No date here: its end may label a date in the next text. */
      char tmp[2 * sizeof tail + 1];
      size_t k = len < sizeof tail ? len : sizeof tail;
      memcpy(tmp, tail, ntail);
      tmp[ntail] = ' ';
      memcpy(tmp + ntail + 1, s + len - k, k);
      size_t m = ntail + 1 + k;
      ntail = m < sizeof tail ? m : sizeof tail;
      memcpy(tail, tmp + m - ntail, ntail);
      continue;
    }
    pith__buf_reset(b);
    pith__buf_append(b, tail, ntail);
    pith__buf_putc(b, ' ');
    pith__buf_append(b, s, len);
    if (b->oom) {
      x->oom = 1;
      return 0;
    }
    size_t pos = 0;
    for (int tries = 0; pos < b->len && tries < DATES_PER_RUN; tries++) {
      size_t start, end;
      char d[11];
      if (!pith__date_in_text(b->data + pos, b->len - pos, x->order, d, &start,
                              &end))
        break;
      int label = date_label(b->data, pos, pos + start);
      pos += end;
      if (label == DL_PUB) {
        memcpy(out, d, 11);
        return 1;
      }
      if (label == DL_MOD && want == DL_MOD && !found) {
        memcpy(out, d, 11);
        found = 1;
      }
    }
    if (!found && !found_month && pos == 0 && b->len < MONTH_LINE_MAX) {
      int label = month_year(b->data, b->len, month);
      found_month = label == DL_PUB || (label == DL_MOD && want == DL_MOD);
    }
    /* Keep the end of this text (after its last date) for the label of
     * a date in the next one. */
    size_t keep = b->len - pos;
    if (keep > sizeof tail)
      keep = sizeof tail;
    memcpy(tail, b->data + b->len - keep, keep);
    ntail = keep;
  }
  if (!found && found_month)
    memcpy(out, month, 11);
  return found || found_month;
}

/* The date just before node `head` within its own section (a date above
 * the headline in the article header, but not the site header's "today"
 * date): the nearest one not labelled as an update, else the nearest
 * update.  Returns its label, or -1. */
static int date_before(mx *x, uint32_t head, char out[11]) {
  const pith_tree *t = x->t;
  uint32_t anc = head;
  for (int up = 0; up < 3; up++) {
    uint32_t p = t->nodes[anc].parent;
    if (!p || t->nodes[p].tag == PITH_TAG_BODY ||
        t->nodes[p].tag == PITH_TAG_HTML)
      break;
    anc = p;
  }
  int texts = 0, have_mod = 0;
  char d[11];
  for (uint32_t n = head; n > anc + 1 && texts < BEFORE_HEAD_TEXTS;) {
    n--;
    if (!text_node_ok(x, n))
      continue;
    texts++;
    int label = pick_text_date(pith__text(t, n), t->nodes[n].len, x->order, d);
    if (label == DL_MOD && !have_mod) {
      memcpy(out, d, 11);
      have_mod = 1;
    } else if (label >= 0 && label != DL_MOD) {
      memcpy(out, d, 11);
      return label;
    }
  }
  return have_mod ? DL_MOD : -1;
}

/* Dates in visible text around the headline: right after it, then just
 * before it within its own section (a date above the headline in the
 * article header, but not the site header's "today" date), then further
 * down, then one labelled "Published" anywhere.  The last resort before
 * giving up. */
static void date_from_text(mx *x, uint32_t head) {
  char d[11];
  if (head) {
    if (date_after(x, head, 600, d) >= 0) {
      pith__meta_offer_date(x, mkspan(d, 10), DP_TEXT);
      return;
    }
    if (date_before(x, head, d) >= 0) {
      pith__meta_offer_date(x, mkspan(d, 10), DP_TEXT);
      return;
    }
    if (date_after(x, head, DATE_TEXT_MAX, d) >= 0) {
      pith__meta_offer_date(x, mkspan(d, 10), DP_TEXT);
      return;
    }
  }
  if (date_labelled(x, DL_MOD, d))
    pith__meta_offer_date(x, mkspan(d, 10), DP_TEXT);
}

/* Is date d shown to readers: written in the page's visible text
 * (navigation and footers included), or the datetime of a visible <time>?
 * Reads at most 300000 bytes of text. */
static int date_shown(mx *x, const char d[11]) {
  const pith_tree *t = x->t;
  for (int i = 0; i < x->ntimes; i++)
    if (memcmp(x->times[i], d, 10) == 0)
      return 1;
  pith_buf *b = &x->buf;
  pith__buf_reset(b);
  for (uint32_t n = 1; n < t->nnodes && b->len < PAGE_TEXT_READ; n++) {
    const pith_node *nd = &t->nodes[n];
    if (nd->tag != PITH_TAG_TEXT || !(x->ctx[n] & CX_BODY) ||
        (x->ctx[n] & CX_HIDDEN) ||
        (pith__tag_kind(t->nodes[nd->parent].tag) & PITH_KIND_SKIP))
      continue;
    pith__buf_append(b, pith__text(t, n), nd->len);
    pith__buf_putc(b, ' ');
  }
  if (b->oom) {
    x->oom = 1;
    return 1;
  }
  /* Numeric dates are read both ways: "09.10.2024" shows 2024-09-10 as
   * well as 2024-10-09. */
  int orders[2] = {PITH_DATE_ORDER_MDY, PITH_DATE_ORDER_DMY};
  for (int o = 0; o < 2; o++) {
    size_t pos = 0;
    for (int tries = 0; pos < b->len && tries < DATES_SHOWN_MAX; tries++) {
      size_t start, end;
      char v[11];
      if (!pith__date_in_text(b->data + pos, b->len - pos, orders[o], v, &start,
                              &end))
        break;
      if (memcmp(v, d, 10) == 0)
        return 1;
      pos += end;
    }
  }
  return 0;
}

/* When the page's hidden sources disagree on the publication date, the
 * one shown right after the headline (unless labelled as an update) is
 * the publication date.  So is an earlier date shown there when the
 * article's JSON-LD datePublished is its dateModified to the second: a
 * stamp of the last build, not of the first publication. */
static void date_agreement(mx *x, uint32_t head) {
  char d[11];
  int label;
  int stamp = x->ld_same && x->date_prio == DP_LD;
  label = date_after(x, head, 400, d);
  if (label < 0)
    label = date_before(x, head, d);
  if (label != DL_NONE && label != DL_PUB) {
    /* A build stamp with no date by the headline: a date labelled
     * "Published" further down, when earlier. */
    if (stamp && date_labelled(x, DL_PUB, d) && memcmp(d, x->date, 10) < 0)
      memcpy(x->date, d, 11);
    return;
  }
  if (memcmp(d, x->date, 10) == 0)
    return;
  if (x->date_utc && (next_day(x->date, d) || next_day(d, x->date))) {
    memcpy(x->date, d, 11); /* the site's own day */
    return;
  }
  if (x->npubs < 2 && !stamp) {
    if (!next_day(x->date, d) && !next_day(d, x->date) &&
        !(x->date_mod_prio && memcmp(d, x->date_mod, 10) == 0) &&
        !date_shown(x, x->date))
      memcpy(x->date, d, 11);
    return;
  }
  if (stamp && memcmp(d, x->date, 10) < 0) {
    memcpy(x->date, d, 11);
    return;
  }
  for (int i = 0; i < x->npubs; i++)
    if (memcmp(x->pubs[i], d, 10) == 0) {
      memcpy(x->date, d, 11);
      return;
    }
}

/* ------------------------------------------------------------------ */
/* Choosing                                                           */

/* The date: structured sources first (offered during the walk), then the
 * URL (the page's, else its canonical or og:url), then the text. */
void pith__meta_choose_dates(mx *x, const char *url, uint32_t head_node,
                             span *date, span *mod) {
  /* The URL (the page's, else its canonical or og:url). */
  {
    char d[11];
    if ((url && pith__url_date(url, d)) || url_date(x, d)) {
      note_pub(x, d);
      if (x->date_prio < DP_URL) {
        memcpy(x->date, d, 11);
        x->date_prio = DP_URL;
        x->date_utc = 0;
      } else if (next_day(x->date, d) || next_day(d, x->date)) {
        /* A timestamp a day off the URL's date: the site put the page
         * under the day of its own time zone. */
        memcpy(x->date, d, 11);
        x->date_utc = 0;
      }
    }
  }
  /* The first <time> outside an article counts only after the headline,
   * or anywhere when there is no headline to go by. */
  if (x->time_any_seen && x->date_prio < DP_TIME_ANY &&
      (!head_node || x->time_any_seen > head_node))
    pith__meta_offer_date(x, mkspan(x->time_any, 10), DP_TIME_ANY);
  if (x->date_prio < DP_TEXT && x->ctx)
    date_from_text(x, head_node ? head_node : x->first_main);
  else if (x->ctx && head_node)
    date_agreement(x, head_node);
  if (x->time_any_seen)
    pith__meta_offer_date(x, mkspan(x->time_any, 10), DP_MODIFIED - 5);
  if (x->time_hidden[0])
    pith__meta_offer_date(x, mkspan(x->time_hidden, 10), DP_MODIFIED - 6);
  /* A publication date months after the modified date is impossible (a
   * scheduled post can be edited the day before it goes out, not a
   * season before): when the page's metadata offered another publication
   * date no later than the modification, that one is the publication,
   * and the first was a build stamp or a republication time. */
  if (x->date_mod_prio && x->date_prio &&
      month_index(x->date) - month_index(x->date_mod) >= 2) {
    int best = -1;
    for (int i = 0; i < x->npubs; i++)
      if (memcmp(x->pubs[i], x->date_mod, 10) <= 0 &&
          (best < 0 || memcmp(x->pubs[i], x->pubs[best], 10) > 0))
        best = i;
    if (best >= 0)
      memcpy(x->date, x->pubs[best], 11);
  }
  /* A modified date before the publication date is a wrong one. */
  *mod = nospan();
  if (x->date_mod_prio &&
      !(x->date_prio && memcmp(x->date_mod, x->date, 10) < 0))
    *mod = mkspan(x->date_mod, 10);
  *date = x->date_prio ? mkspan(x->date, 10) : nospan();
}

/* ------------------------------------------------------------------ */
/* Date elements, as the tree walk (meta.c) meets them                 */

void pith__meta_date_from_time(mx *x, uint32_t n, const attrs *a, unsigned cx) {
  span hint = a->cls;
  span ip = a->itemprop;
  int prio;
  if (!(cx & CX_HIDDEN) && (cx & CX_BODY) && x->ntimes < 8 &&
      pith__meta_date_value(a->datetime, x->order, x->times[x->ntimes]))
    x->ntimes++;
  if (has_lit(ip, "datepublished") || has_lit(ip, "datecreated")) {
    prio = DP_ITEMPROP;
  } else if (has_lit(ip, "datemodified")) {
    prio = DP_MODIFIED;
    span mv = has(a->datetime) ? a->datetime : nospan();
    pith__meta_offer_mod(x, mv, 1);
  } else if (cx & CX_HIDDEN) {
    /* Kept for a page whose whole header is hidden (shown by script). */
    if (!x->time_hidden[0] && (cx & CX_BODY) &&
        !pith__meta_date_value(a->datetime, x->order, x->time_hidden))
      x->time_hidden[0] = '\0';
    return;
  } else {
    int pub = has_lit(hint, "publish") || has_lit(hint, "posted") ||
              has_lit(hint, "pubdate") || has_lit(hint, "created");
    int mod = has_lit(hint, "modified") || has_lit(hint, "updated");
    if (pub && !mod)
      prio = DP_TIME_PUB;
    else if (mod && !pub)
      prio = DP_MODIFIED;
    else if ((cx & CX_MAIN) && !(cx & CX_BOILER))
      prio = x->time_main_seen++ ? 0 : DP_TIME_MAIN;
    else if ((cx & CX_BODY) && !(cx & CX_BOILER) && !x->time_any_seen &&
             x->time_any_tries++ < 8)
      prio = DP_TIME_ANY;
    else
      return;
  }
  /* Read the element only when its date could still be used. */
  if (prio <= x->date_prio && prio != DP_TIME_ANY)
    return;
  span v = has(a->datetime) ? a->datetime : nospan();
  if (!has(v)) {
    int cut;
    v = pith__meta_elem_text(x, n, 200, &cut);
  }
  if (prio == DP_TIME_ANY) {
    /* Outside any article: kept aside until the headline is known (a
     * "today" date in the site header is not the publication date). */
    char d[11];
    if (pith__meta_date_value(v, x->order, d)) {
      x->time_any_seen = n;
      memcpy(x->time_any, d, 11);
    }
    return;
  }
  pith__meta_offer_date_from(x, v, prio, 0);
}

/* An element whose class calls it the publication date
 * ("published-date", "date-published", "publish_date") and whose short
 * text is a date: ranked as a <time> marked published. */
void pith__meta_date_from_class(mx *x, uint32_t n, const attrs *a,
                                unsigned cx) {
  span c = a->cls;
  if (!(cx & CX_BODY) || (cx & (CX_HIDDEN | CX_BOILER)) || !has(c) ||
      !has_lit(c, "publish") || !has_lit(c, "date") || has_lit(c, "update") ||
      has_lit(c, "modified"))
    return;
  int cut;
  span v = pith__meta_elem_text(x, n, 80, &cut);
  if (!cut)
    pith__meta_offer_date_from(x, v, DP_TIME_PUB, 0);
}
