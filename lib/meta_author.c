/* SPDX-License-Identifier: MIT */
/*
 * meta_author.c - choosing the page's author among what meta.c collected,
 * and cleaning bylines into names; also which elements are bylines (by
 * their class, id or link), which meta.c's tree walk asks as it goes.
 *
 * Structured values come first (a JSON-LD author of the article object,
 * meta name=author and kin, microdata, rel=author), then the byline near
 * the headline (an element whose class names the author or byline, else a
 * "By ..." text right after the headline, else a "Written by ..." text
 * anywhere in the body), then a JSON-LD author of a
 * lesser object, an author box, and last the "Written by" value of the
 * link-preview card (twitter:label1/twitter:data1, as WordPress SEO
 * plugins write it).  A byline that names the same people as
 * the structured value but lists more of them, or writes the list as the
 * page does ("A, B and C"), wins; a value equal to the site's name is kept
 * only when nothing else is found.
 *
 * Every candidate is cleaned the same way: labels ("By", "Written by",
 * "Author:") go, the text is cut at dates, separators, numbers (reading
 * times, reputation scores), job titles after a comma and e-mail
 * addresses, and what is left must look like a name (not "admin", "Share",
 * a weekday, a URL, or a sentence: "By entering your email ..." is not
 * a byline, nor is "Browse our whole team of writers").  Byline text read from
 * an element keeps its element boundaries (SEG), so "By" | "Jane Doe" | "June
 * 5, 2024" gives the first part that is a name, plus further names joined by
 * ",", "and" or "&".
 */
#include "meta_int.h"

/* A byline is a short text: longer runs are sentences. */
#define BYLINE_TEXT_MAX 200
/* Text runs read after the headline when looking for a byline. */
#define BYLINE_SCAN 60
/* Parts (separated names, roles, dates) of one byline read. */
#define BYLINE_PARTS 16

#include "datetext.h"

/* Is a a UTF-8 sequence of trailing punctuation we strip from names:
 * ASCII ",;:-|/" or "»", "›", "•", "·", "–", "—"?  Returns its length. */
static size_t trailing_punct(span a) {
  if (!a.n)
    return 0;
  unsigned char c = (unsigned char)a.s[a.n - 1];
  if (c == ',' || c == ';' || c == ':' || c == '-' || c == '|' || c == '/')
    return 1;
  static const char *const multi[] = {
      "\xc2\xbb", "\xe2\x80\xba", "\xe2\x80\xa2",
      "\xc2\xb7", "\xe2\x80\x93", "\xe2\x80\x94",
      NULL};
  for (const char *const *m = multi; *m; m++)
    if (ends_lit(a, *m))
      return strlen(*m);
  return 0;
}

/* Words that name a job, not a person: a byline part that holds one
 * ("Jane Doe, Senior Editor") ends the name. */
static int has_role_word(span a) {
  static const char *const roles[] = {
      "editor",     "writer",        "reporter",  "journalist", "contributor",
      "analyst",    "expert",        "founder",   "co-founder", "director",
      "manager",    "correspondent", "columnist", "producer",   "specialist",
      "strategist", "officer",       "president", "ceo",        "cto",
      "cmo",        "head",          "lead",      "consultant", "copywriter",
      "researcher", "intern",        "freelance", "staff",      "moderator",
      "member",     "ambassador",    "joined",    "posts",      "reviewer",
      "marketer",   "engineer",      "designer",  "developer",  NULL};
  span w[24];
  int nw = words_of(a, w, 24);
  for (int i = 0; i < nw; i++)
    if (key_in(w[i], roles))
      return 1;
  return 0;
}

/* Is a the bare label of a byline ("By", "Written by", "Author:")? */
static int byline_label(span a) {
  a = trim(a);
  while (a.n && (a.s[a.n - 1] == ':' || is_sp((unsigned char)a.s[a.n - 1])))
    a.n--;
  static const char *const labels[] = {
      "by",           "written by", "posted by", "author",
      "authors",      "words by",   "story by",  "reported by",
      "published by", "text by",    "von",       "par",
      "por",          NULL};
  return key_in(a, labels);
}

/* Is a a sentence rather than a name: three or more words that start
 * with a lower-case word other than "the" or a name particle ("entering
 * your email address ...", from "By entering ..."), or that speak to or
 * for the reader ("Browse our whole team of writers")?  A lower-case name
 * or handle ("jquillfeather", "maren quillby") has fewer words, "van der
 * Berg" starts with a particle, "Your Garden Helper" can be a brand. */
static int sentence_like(span a) {
  span w[12];
  int nw = words_of(a, w, 12);
  if (nw < 3)
    return 0;
  static const char *const particles[] = {
      "the", "van", "von", "de",  "da",  "di",  "del", "della", "der", "den",
      "du",  "la",  "le",  "ter", "ten", "bin", "al",  "el",    NULL};
  if (w[0].s[0] >= 'a' && w[0].s[0] <= 'z' && !key_in(w[0], particles))
    return 1;
  static const char *const person[] = {"our", "we", "you", "my",
                                       "i",   "us", NULL};
  for (int i = 0; i < nw; i++)
    if (key_in(w[i], person))
      return 1;
  return 0;
}

/* Clean one byline part: drop "By", "Written by", "Author:", cut at dates,
 * separators, numbers (reputation scores, reading times) and e-mail
 * addresses.  Returns an empty span when what is left does not look like
 * a name. */
static span clean_one(span s, size_t maxlen) {
  s = trim(s);
  if (!has(s))
    return nospan();
  static const char *const prefixes[] = {
      "written by",  "posted by",    "published by", "reviewed by",
      "authored by", "submitted by", "reported by",  "story by",
      "words by",    "text by",      "article by",   "post by",
      "posts by",    "a post by",    "by:",          "by ",
      "author:",     "authors:",     "author ",      "autor:",
      "auteur:",     "von ",         "par ",         "por ",
      "di ",         "door ",        "via ",         NULL};
  /* Lines that carry a date, not a name. */
  static const char *const dateline[] = {
      "updated",  "published",     "posted on", "last updated",
      "modified", "last modified", NULL};
  for (const char *const *p = dateline; *p; p++)
    if (starts_lit(s, *p))
      return nospan();
  /* A part that starts with a number or a date ("Dec 17, 2025"). */
  if (is_digit((unsigned char)s.s[0]))
    return nospan();
  {
    size_t e = 0;
    while (e < s.n && is_alpha((unsigned char)s.s[e]))
      e++;
    if (pith__date_month(s.s, e)) {
      while (e < s.n &&
             (s.s[e] == '.' || s.s[e] == ',' || is_sp((unsigned char)s.s[e])))
        e++;
      if (e < s.n && is_digit((unsigned char)s.s[e]))
        return nospan();
    }
  }
  for (int again = 0; again < 2; again++) {
    for (const char *const *p = prefixes; *p; p++) {
      if (starts_lit(s, *p)) {
        s = trim(mkspan(s.s + strlen(*p), s.n - strlen(*p)));
        break;
      }
    }
  }
  /* "Recipe by Jane", "Guide by Jane", "This post was written by Jane". */
  long by = find_lit(s, " by ");
  if (by > 0 && word_count(mkspan(s.s, (size_t)by)) <= 5)
    s = trim(mkspan(s.s + by + 4, s.n - (size_t)by - 4));
  /* A label alone: "Recipe by", "Insights from", "via". */
  if (ends_lit(s, " by") || ends_lit(s, " from") || eq_lit(s, "via") ||
      eq_lit(s, "from") || byline_label(s))
    return nospan();
  /* Cut at separators. */
  static const char *const cuts[] = {" | ",
                                     "|",
                                     " \xe2\x80\x93 ",
                                     " \xe2\x80\x94 ",
                                     " - ",
                                     "\xe2\x80\xa2",
                                     "\xc2\xb7",
                                     " on ",
                                     " at ",
                                     " posted",
                                     " published",
                                     " updated",
                                     " last ",
                                     " in ",
                                     " follow",
                                     " view ",
                                     " read ",
                                     " share",
                                     " \xc2\xbb",
                                     " \xe2\x80\xba",
                                     " sponsored",
                                     " reviewed",
                                     " edited",
                                     " fact checked",
                                     " medically",
                                     " (",
                                     NULL};
  for (const char *const *c = cuts; *c; c++) {
    long p = find_lit(s, *c);
    if (p >= 0)
      s = trim(mkspan(s.s, (size_t)p));
  }
  /* A month name followed by a number starts a date. */
  for (size_t i = 1; i < s.n; i++) {
    if (!is_sp((unsigned char)s.s[i - 1]) || !is_alpha((unsigned char)s.s[i]))
      continue;
    size_t e = i;
    while (e < s.n && is_alpha((unsigned char)s.s[e]))
      e++;
    if (!pith__date_month(s.s + i, e - i))
      continue;
    while (e < s.n &&
           (s.s[e] == '.' || s.s[e] == ',' || is_sp((unsigned char)s.s[e])))
      e++;
    if (e < s.n && is_digit((unsigned char)s.s[e])) {
      s = trim(mkspan(s.s, i));
      break;
    }
  }
  /* A word starting with a digit ends the name: dates, "5 min read",
   * reputation scores. */
  for (size_t i = 1; i < s.n; i++) {
    if (is_digit((unsigned char)s.s[i]) && is_sp((unsigned char)s.s[i - 1])) {
      s = trim(mkspan(s.s, i));
      break;
    }
  }
  /* ", Senior Editor": a job title after a comma. */
  for (long c = find_lit(s, ","); c > 0;) {
    span rest = mkspan(s.s + c + 1, s.n - (size_t)c - 1);
    if (has_role_word(rest)) {
      s = trim(mkspan(s.s, (size_t)c));
      break;
    }
    long nx = find_lit(rest, ",");
    c = nx < 0 ? -1 : c + 1 + nx;
  }
  /* Drop e-mail addresses and @handles (whole words with '@'). */
  for (size_t i = 0; i < s.n; i++) {
    if (s.s[i] != '@')
      continue;
    size_t b = i;
    while (b > 0 && !is_sp((unsigned char)s.s[b - 1]))
      b--;
    if (b == 0)
      return nospan();
    s = trim(mkspan(s.s, b));
    break;
  }
  for (size_t tp; (tp = trailing_punct(s)) > 0;)
    s = trim(mkspan(s.s, s.n - tp));
  while (s.n &&
         (s.s[0] == ',' || s.s[0] == ':' || s.s[0] == '-' || s.s[0] == '|'))
    s = trim(mkspan(s.s + 1, s.n - 1));
  if (!has(s) || s.n > maxlen || looks_like_url(s) || domain_like(s))
    return nospan();
  int letters = 0, dots_inside = 0;
  for (size_t i = 0; i < s.n; i++) {
    letters += is_alpha((unsigned char)s.s[i]) || (unsigned char)s.s[i] >= 0x80;
    /* "page.head.author", "first.last": identifiers, not names. */
    if (s.s[i] == '.' && i > 0 && i + 1 < s.n &&
        !is_sp((unsigned char)s.s[i + 1]) &&
        is_alpha((unsigned char)s.s[i + 1]) &&
        (unsigned char)s.s[i - 1] >= 'a' && (unsigned char)s.s[i - 1] <= 'z')
      dots_inside++;
  }
  if (letters < 2 || dots_inside)
    return nospan();
  static const char *const junk[] = {"by",
                                     "author",
                                     "authors",
                                     "written by",
                                     "posted by",
                                     "admin",
                                     "administrator",
                                     "guest",
                                     "anonymous",
                                     "unknown",
                                     "share",
                                     "follow",
                                     "about the author",
                                     "more",
                                     "sign up",
                                     "sign in",
                                     "log in",
                                     "login",
                                     "register",
                                     "subscribe",
                                     "create account",
                                     "topic author",
                                     "youtube",
                                     "facebook",
                                     "twitter",
                                     "linkedin",
                                     "instagram",
                                     "email",
                                     "print",
                                     "comments",
                                     "reply",
                                     "the author",
                                     "mon",
                                     "tue",
                                     "wed",
                                     "thu",
                                     "fri",
                                     "sat",
                                     "sun",
                                     "monday",
                                     "tuesday",
                                     "wednesday",
                                     "thursday",
                                     "friday",
                                     "saturday",
                                     "sunday",
                                     "my",
                                     "our",
                                     "your",
                                     "we",
                                     "you",
                                     "us",
                                     "me",
                                     NULL};
  if (key_in(s, junk))
    return nospan();
  if (sentence_like(s))
    return nospan();
  /* Two lower-case letters are a unit ("$50/mo"), not a name. */
  if (s.n <= 2 && !(s.s[0] >= 'A' && s.s[0] <= 'Z'))
    return nospan();
  return s;
}

/* Is a byline part only a list joiner: ",", "and", "&", ", and"? */
static int is_joiner(span a) {
  a = trim(a);
  if (a.n && (a.s[0] == ',' || a.s[0] == '&' || a.s[0] == ';')) {
    a = trim(mkspan(a.s + 1, a.n - 1));
  }
  return !has(a) || eq_lit(a, "and") || eq_lit(a, "&") || eq_lit(a, "und") ||
         eq_lit(a, "et") || eq_lit(a, "y") || eq_lit(a, "e");
}

/* Clean a byline.  Text from a page element comes in parts split at
 * element boundaries (SEG): "By" | "Jane Doe" | "June 5, 2024", or
 * "Jane Doe" | ", " | "John Roe".  The name is the first part that looks
 * like one, plus further names joined by ",", "and" or "&". */
static span clean_author(mx *x, span s) {
  s = s.s ? pith__meta_clean_mode(x, s.s, s.n, 400, 1) : s;
  if (!has(s))
    return nospan();
  if (!memchr(s.s, SEG, s.n)) {
    span r = clean_one(s, 100);
    return (has(r) && word_count(r) <= 8) ? r : nospan();
  }
  span part[BYLINE_PARTS];
  int np = 0;
  size_t b = 0;
  for (size_t i = 0; i <= s.n && np < BYLINE_PARTS; i++) {
    if (i == s.n || s.s[i] == SEG) {
      span p = trim(mkspan(s.s + b, i - b));
      if (has(p))
        part[np++] = p;
      b = i + 1;
    }
  }
  char *out = tmp_alloc(x, s.n + 1);
  if (!out)
    return nospan();
  size_t o = 0;
  int k = 0, names = 0;
  /* The first name among the first parts ("By" alone cleans to nothing). */
  for (; k < np && k < 4 && !names; k++) {
    if (has_role_word(part[k]) && word_count(part[k]) <= 3 &&
        find_lit(part[k], ",") < 0)
      continue; /* "Staff Writer" above the name */
    span c = clean_one(part[k], 80);
    if (has(c) && word_count(c) <= 6) {
      memcpy(out, c.s, c.n);
      o = c.n;
      names = 1;
    }
  }
  /* More names joined by "," / "and" / "&". */
  while (names && k + 1 < np && is_joiner(part[k])) {
    span c = clean_one(part[k + 1], 80);
    if (!has(c) || word_count(c) > 6)
      break;
    span j = trim(part[k]);
    if (j.n && j.s[0] != ',' && j.s[0] != ';')
      out[o++] = ' ';
    memcpy(out + o, j.s, j.n);
    o += j.n;
    out[o++] = ' ';
    memcpy(out + o, c.s, c.n);
    o += c.n;
    k += 2;
  }
  if (!names)
    return nospan();
  out[o] = '\0';
  return mkspan(out, o);
}

/* Does a look like a person's or organisation's name: mostly capitalised
 * words ("Jane van der Berg", "ACME Labs"), not a sentence fragment? */
static int name_like(span a) {
  span w[10];
  int nw = words_of(a, w, 10), caps = 0;
  if (nw == 0 || nw > 6)
    return 0;
  for (int i = 0; i < nw; i++) {
    unsigned char c = (unsigned char)w[i].s[0];
    caps += (c >= 'A' && c <= 'Z') || c >= 0x80;
  }
  return caps * 3 >= nw * 2 &&
         (a.n == 0 || a.s[a.n - 1] != '.' ||
          (a.n >= 2 && is_alpha((unsigned char)a.s[a.n - 2]) &&
           (a.n == 2 || !is_alpha((unsigned char)a.s[a.n - 3]))));
}

/* Does byline b name every author of the "; "-joined list a? */
static int names_all(span b, span a) {
  size_t i = 0;
  int parts = 0;
  while (i < a.n) {
    size_t e = i;
    while (e < a.n && a.s[e] != ';')
      e++;
    span part = trim(mkspan(a.s + i, e - i));
    if (has(part)) {
      char key[128];
      if (part.n >= sizeof key)
        return 0;
      for (size_t k = 0; k < part.n; k++)
        key[k] = (char)lower((unsigned char)part.s[k]);
      key[part.n] = '\0';
      if (!has_lit(b, key))
        return 0;
      parts++;
    }
    i = e + 1;
  }
  return parts > 0;
}

/* A byline in the visible text right after the headline: a text that
 * starts with "By " / "Written by ", or a bare "By" label followed by the
 * name in the next text. */
/* "Written by NAME" anywhere in the visible body, not in a link (a
 * teaser's): an explicit label is evidence wherever the theme put it (an
 * author box after the article). */
static span written_by_anywhere(mx *x) {
  const pith_tree *t = x->t;
  if (!x->ctx)
    return nospan();
  for (uint32_t n = 1; n < t->nnodes; n++) {
    const pith_node *nd = &t->nodes[n];
    if (nd->tag != PITH_TAG_TEXT || !(x->ctx[n] & CX_BODY) ||
        (x->ctx[n] & (CX_HIDDEN | CX_BOILER)) || nd->len > BYLINE_TEXT_MAX ||
        t->nodes[nd->parent].tag == PITH_TAG_A)
      continue; /* not a teaser's link */
    span s = trim(mkspan(pith__text(t, n), nd->len));
    if (starts_lit(s, "written by ")) {
      span c = clean_author(x, s);
      if (has(c))
        return c;
    }
  }
  return nospan();
}

static span byline_from_text(mx *x, uint32_t head) {
  const pith_tree *t = x->t;
  if (!head || !x->ctx)
    return nospan();
  int texts = 0, label = 0;
  for (uint32_t n = head + 1; n < t->nnodes && texts < BYLINE_SCAN; n++) {
    const pith_node *nd = &t->nodes[n];
    if (nd->tag != PITH_TAG_TEXT || (x->ctx[n] & (CX_HIDDEN | CX_BOILER)))
      continue;
    unsigned ptag = t->nodes[nd->parent].tag;
    if (pith__tag_kind(ptag) & PITH_KIND_SKIP)
      continue;
    span s = trim(mkspan(pith__text(t, n), nd->len));
    if (!has(s))
      continue;
    texts++;
    if (s.n > BYLINE_TEXT_MAX) {
      label = 0;
      continue;
    }
    if (label) {
      span c = clean_author(x, s);
      if (has(c))
        return c;
    }
    label = byline_label(s);
    if (!label && (starts_lit(s, "by ") || starts_lit(s, "by:") ||
                   starts_lit(s, "written by ") ||
                   starts_lit(s, "posted by ") || starts_lit(s, "author: "))) {
      span c = clean_author(x, s);
      if (has(c))
        return c;
    }
  }
  return nospan();
}

/* The author: structured data first (JSON-LD, meta, microdata, rel=author),
 * then the byline near the headline.  A byline that names the same
 * people as the structured value but lists more of them, or writes the
 * list as the page does ("A, B and C"), wins.  A value equal to the site
 * name is kept only when nothing else is found. */
span pith__meta_choose_author(mx *x, span sitename, uint32_t head_node) {
  span byline = nospan();
  for (int i = 0; i < x->nbylines && !has(byline); i++) {
    /* Bylines near the headline: after it, or shortly before it. */
    uint32_t bn = x->byline_node[i];
    if (head_node && bn + 200 < head_node)
      continue;
    byline = clean_author(x, x->bylines[i]);
  }
  if (!has(byline))
    byline = byline_from_text(x, head_node);
  if (!has(byline))
    byline = written_by_anywhere(x);
  span cands[9];
  const char *srcs[9]; /* where each candidate comes from, for the trace */
  int nc = 0;
  if (x->ld_author_rank >= 3)
    srcs[nc] = "JSON-LD author", cands[nc++] = x->ld_author;
  srcs[nc] = "<meta name=author>", cands[nc++] = x->meta_author;
  srcs[nc] = "microdata author", cands[nc++] = x->ip_author;
  srcs[nc] = "rel=author link", cands[nc++] = x->rel_author;
  srcs[nc] = "byline", cands[nc++] = byline;
  if (x->ld_author_rank < 3)
    srcs[nc] = "JSON-LD author", cands[nc++] = x->ld_author;
  span box = clean_author(x, x->author_box);
  if (name_like(box))
    srcs[nc] = "author box", cands[nc++] = box;
  /* Last, the "Written by" value of the link-preview card. */
  static const char *const card_labels[] = {
      "written by", "author",          "by",          "autor",
      "auteur",     "geschrieben von", "escrito por", "scritto da",
      "écrit par",  "geschreven door", NULL};
  for (int i = 0; i < 4; i++)
    if (has(x->card_data[i]) && key_in(trim(x->card_label[i]), card_labels)) {
      srcs[nc] = "link-preview card (twitter:data)";
      cands[nc++] = x->card_data[i];
      break;
    }
  span fallback = nospan();
  const char *fallback_src = NULL;
  for (int i = 0; i < nc; i++) {
    span c = cands[i].s == byline.s ? byline : clean_author(x, cands[i]);
    if (!has(c))
      continue;
    if (has(sitename) && pith__meta_same(x, c, sitename)) {
      if (!has(fallback))
        fallback = c, fallback_src = srcs[i];
      continue;
    }
    if (has(byline) && c.s != byline.s && byline.n > c.n &&
        names_all(byline, c) &&
        (has_lit(byline, ",") || has_lit(byline, " and ") ||
         has_lit(byline, "&"))) {
      x->src_author = "byline (names more of the authors)";
      return byline;
    }
    x->src_author = srcs[i];
    return c;
  }
  x->src_author = fallback_src;
  return fallback;
}

/* ------------------------------------------------------------------ */
/* Byline elements, as the tree walk (meta.c) meets them               */

/* Does a class or id name a byline?  "author", "byline", "writer",
 * "contributor": 1; an author box or bio (a last resort, usually after the
 * article): 2; avatars, comments, share links and the like: 0. */
int pith__meta_byline_name(span v) {
  if (!has(v))
    return 0;
  /* One pass for the five keywords: this runs on every class and id. */
  static const unsigned char first[256] = {
      ['a'] = 1, ['A'] = 1, ['b'] = 1, ['B'] = 1,
      ['w'] = 1, ['W'] = 1, ['c'] = 1, ['C'] = 1};
  int hit = 0;
  for (size_t i = 0; i + 5 < v.n + 1 && !hit; i++) {
    if (!first[(unsigned char)v.s[i]])
      continue;
    unsigned char c = lower((unsigned char)v.s[i]);
    unsigned char c1 = lower((unsigned char)v.s[i + 1]);
    if (c1 != (c == 'a' ? 'u' : c == 'b' ? 'y' : c == 'w' ? 'r' : 'o'))
      continue;
    span r = mkspan(v.s + i, v.n - i);
    hit = (c == 'a' && starts_lit(r, "author")) ||
          (c == 'b' && (starts_lit(r, "byline") || starts_lit(r, "by-line"))) ||
          (c == 'w' && starts_lit(r, "writer")) ||
          (c == 'c' && starts_lit(r, "contributor"));
  }
  if (!hit)
    return 0;
  if (has_lit(v, "box") || has_lit(v, "bio") || has_lit(v, "about"))
    return has_lit(v, "avatar") || has_lit(v, "comment") ? 0 : 2;
  if (has_lit(v, "avatar") || has_lit(v, "comment") ||
      has_lit(v, "description") || has_lit(v, "image") || has_lit(v, "img") ||
      has_lit(v, "photo") || has_lit(v, "social") || has_lit(v, "more") ||
      has_lit(v, "title") || has_lit(v, "label") || has_lit(v, "widget") ||
      has_lit(v, "list") || has_lit(v, "posts") || has_lit(v, "email") ||
      has_lit(v, "follow") || has_lit(v, "share"))
    return 0;
  return 1;
}

/* Links to an author's or member's page: /author/jane-doe, /authors/,
 * /writers/, /contributors/, /people/, /staff/, forum profiles. */
int pith__meta_author_href(span h) {
  if (!has(h) || h.n > MAX_URL)
    return 0;
  static const char *const pats[] = {
      "/author/",       "/authors/", "/author-",
      "/writer/",       "/writers/", "/contributor/",
      "/contributors/", "/people/",  "/staff/",
      "/by/",           "?author=",  "&author=",
      "/user/",         "/users/",   "/u/",
      "/members/",      "/member/",  "=viewprofile",
      "/profile/",      NULL};
  /* Every pattern starts with '/', '?', '&' or '=': one pass over h. */
  static const unsigned char first[256] = {
      ['/'] = 1, ['?'] = 1, ['&'] = 1, ['='] = 1};
  for (size_t i = 0; i < h.n; i++) {
    char c = h.s[i];
    if (!first[(unsigned char)c])
      continue;
    if (i + 1 >= h.n)
      break;
    span r = mkspan(h.s + i, h.n - i);
    unsigned char c1 = lower((unsigned char)h.s[i + 1]);
    for (const char *const *p = pats; *p; p++)
      if ((*p)[0] == c && (unsigned char)(*p)[1] == c1 && starts_lit(r, *p))
        return 1;
  }
  return 0;
}
