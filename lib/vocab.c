/* SPDX-License-Identifier: MIT */
/*
 * vocab.c - what class and id names say about an element.
 *
 * Themes name their boilerplate in a shared vocabulary: "share-buttons",
 * "sidebar", "cookie-notice", "related-posts".  We split class and id
 * values into words (at spaces, '-', '_' and case changes) and look each
 * word up in small tables.  Words, not substrings, so that "shadow" is not
 * "ad" and "header" is not "head"; a few compound words that themes write
 * run together ("sharedaddy", "adsbygoogle") are listed as they appear.
 */
#include "vocab.h"

#include <string.h>

#include "chars.h"

/* Word tables.  Keep each sorted: they are binary-searched. */

/* Boilerplate for sure: the element and everything in it goes. */
static const char *const hard_words[] = {
    "ad",          "adbox",         "adcontainer", "ads",
    "adsbygoogle", "adsense",       "adslot",      "advert",
    "advertise",   "advertisement", "advertising", "adwrap",
    "breadcrumb",  "breadcrumbs",   "consent",     "cookie",
    "cookiebar",   "cookies",       "copyright",   "crumb",
    "crumbs",      "disqus",        "dropdown",    "gdpr",
    "masthead",    "menu",          "menubar",     "modal",
    "nav",         "navbar",        "navi",        "navigation",
    "newsletter",  "offcanvas",     "outbrain",    "pagination",
    "popup",       "print",         "promo",       "rating",
    "recirc",      "related",       "share",       "sharedaddy",
    "sharing",     "sidebar",       "signup",      "social",
    "sponsor",     "sponsored",     "subscribe",   "subscription",
    "taboola",     "toolbar",       "tooltip",
};

/* Usually boilerplate, but also the name of real content on some pages
 * (comments on a forum, "footer" inside an article card): scored down, not
 * removed. */
static const char *const soft_words[] = {
    "aside",    "author",  "banner",   "bio",    "byline",   "comment",
    "comments", "footer",  "footnote", "header", "latest",   "meta",
    "more",     "next",    "popular",  "prev",   "previous", "recent",
    "reply",    "skip",    "tags",     "teaser", "teasers",  "trending",
    "widget",   "widgets",
};

/* Words of the main content's container. */
static const char *const good_words[] = {
    "article", "articlebody", "blog", "body",  "content", "entry",
    "main",    "markdown",    "post", "prose", "story",   "text",
};

/* Words of panels that a reader opens with a click (accordions, tabs). */
static const char *const disclosure_words[] = {
    "accordion", "collapse", "collapsible", "expandable",
    "pane",      "tab",      "tabpanel",    "tabs",
};

/* Words that turn the other words into a description of the layout
 * around them ("has-sidebar", "no-ads", "with-header",
 * "layout-sidebar-left"). */
static const char *const layout_words[] = {
    "has", "layout", "no", "with", "without",
};

static int in_table(const char *const *tab, size_t n, const char *w) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    int c = strcmp(w, tab[mid]);
    if (c == 0)
      return 1;
    if (c < 0)
      hi = mid;
    else
      lo = mid + 1;
  }
  return 0;
}

#define IN(tab, w) in_table(tab, sizeof tab / sizeof tab[0], w)

/* Classify the words of one class token (e.g. "td-post-sharing"). */
static unsigned classify_token(const char *s, size_t n) {
  unsigned bits = 0, layout = 0;
  int digit = 0; /* inside a run of letters and digits that had a digit */
  char w[32];
  size_t k = 0;
  for (size_t i = 0; i <= n; i++) {
    unsigned char c = i < n ? (unsigned char)s[i] : 0;
    int alpha = is_alpha(c);
    /* Digits end a word but are not words ("col-md-8"), and letters
     * next to digits are not words either: hex ids ("w-node-b5343ad4")
     * would otherwise spell "ad". */
    if (is_digit(c)) {
      digit = 1;
      k = 0;
      continue;
    }
    /* A case change "postBody" starts a new word. */
    int split = !alpha || (k > 0 && k <= sizeof w && is_upper(c) &&
                           !is_upper((unsigned char)w[k - 1]));
    if (split && k) {
      if (k < sizeof w) {
        w[k] = '\0';
        for (size_t j = 0; j < k; j++)
          w[j] = (char)(w[j] | 0x20);
        if (IN(layout_words, w))
          layout = 1;
        else if (IN(hard_words, w))
          bits |= PITH_VOCAB_HARD;
        else if (IN(soft_words, w))
          bits |= PITH_VOCAB_SOFT;
        else if (IN(good_words, w))
          bits |= PITH_VOCAB_GOOD;
        if (w[0] == 'c' && !strcmp(w, "comment"))
          bits |= PITH_VOCAB_COMMENT;
        if (w[0] == 'c' && !strcmp(w, "comments"))
          bits |= PITH_VOCAB_COMMENT;
        if (!strcmp(w, "byline") || !strcmp(w, "author"))
          bits |= PITH_VOCAB_BYLINE;
        if (IN(disclosure_words, w))
          bits |= PITH_VOCAB_DISCLOSURE;
      }
      k = 0;
    }
    if (!alpha)
      digit = 0;
    if (alpha && !digit) {
      if (k < sizeof w)
        w[k] = (char)c;
      k++;
    }
  }
  /* "no-comments", "has-author-box": the layout around the element, not
   * the element itself. */
  if (layout)
    bits &= ~(unsigned)(PITH_VOCAB_HARD | PITH_VOCAB_SOFT | PITH_VOCAB_COMMENT |
                        PITH_VOCAB_BYLINE);
  return bits;
}

unsigned pith__vocab_classify(const char *value, size_t len) {
  unsigned bits = 0;
  size_t i = 0;
  /* Very long class lists (utility-class CSS) are capped: the first
   * tokens carry the component name. */
  if (len > 512)
    len = 512;
  while (i < len) {
    while (i < len && (value[i] == ' ' || value[i] == '\t' ||
                       value[i] == '\n' || value[i] == '\r'))
      i++;
    size_t start = i;
    while (i < len && value[i] != ' ' && value[i] != '\t' && value[i] != '\n' &&
           value[i] != '\r')
      i++;
    if (i > start) {
      size_t n = i - start;
      const char *tok = value + start;
      /* Utility classes that hide: "sr-only", "visually-hidden",
       * "screen-reader-text", "d-none", "hidden-xs" and friends. */
      if ((n == 7 && !memcmp(tok, "sr-only", 7)) ||
          (n == 15 && !memcmp(tok, "visually-hidden", 15)) ||
          (n == 18 && !memcmp(tok, "screen-reader-text", 18)) ||
          (n == 6 && !memcmp(tok, "d-none", 6)) ||
          (n == 6 && !memcmp(tok, "hidden", 6)) ||
          (n == 9 && !memcmp(tok, "invisible", 9)))
        bits |= PITH_VOCAB_HIDDEN;
      else if (memchr(tok, ':', n) || memchr(tok, '[', n))
        ; /* utility CSS: "print:break-inside-avoid", "lg:[--sidebar-w]" */
      else
        bits |= classify_token(tok, n);
    }
  }
  return bits;
}

static void copy_word(char *word, size_t cap, const char *s, size_t n) {
  if (n >= cap)
    n = cap - 1;
  for (size_t i = 0; i < n; i++)
    word[i] = (char)(s[i] | (is_alpha((unsigned char)s[i]) ? 0x20 : 0));
  word[n] = '\0';
}

int pith__vocab_explain(const char *value, size_t len, unsigned bit, char *word,
                        size_t cap) {
  if (!cap)
    return 0;
  if (len > 512)
    len = 512;
  size_t i = 0;
  while (i < len) {
    while (i < len && is_sp((unsigned char)value[i]))
      i++;
    size_t start = i;
    while (i < len && !is_sp((unsigned char)value[i]))
      i++;
    if (i == start || !(pith__vocab_classify(value + start, i - start) & bit))
      continue;
    /* The token gives the bit: find the word in it that does alone. */
    const char *tok = value + start;
    size_t n = i - start;
    for (size_t a = 0; a < n;) {
      while (a < n && !is_alpha((unsigned char)tok[a]))
        a++;
      size_t b = a + 1;
      while (b < n && is_alpha((unsigned char)tok[b]) &&
             !(is_upper((unsigned char)tok[b]) &&
               !is_upper((unsigned char)tok[b - 1])))
        b++;
      if (a < n && (classify_token(tok + a, b - a) & bit)) {
        copy_word(word, cap, tok + a, b - a);
        return 1;
      }
      a = b;
    }
    copy_word(word, cap, tok, n);
    return 1;
  }
  return 0;
}

static int sorted(const char *const *tab, size_t n) {
  for (size_t i = 1; i < n; i++)
    if (strcmp(tab[i - 1], tab[i]) >= 0)
      return 0;
  return 1;
}

int pith__vocab_tables_sorted(void) {
  return sorted(hard_words, sizeof hard_words / sizeof hard_words[0]) &&
         sorted(soft_words, sizeof soft_words / sizeof soft_words[0]) &&
         sorted(good_words, sizeof good_words / sizeof good_words[0]) &&
         sorted(layout_words, sizeof layout_words / sizeof layout_words[0]) &&
         sorted(disclosure_words,
                sizeof disclosure_words / sizeof disclosure_words[0]);
}
