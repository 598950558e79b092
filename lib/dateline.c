/* SPDX-License-Identifier: MIT */
/*
 * dateline.c - the dateline that opens many news articles, split into
 * place, date and agency:
 *
 *   LAKEVIEW, June 16 (Valley Wire): ...      place, date, agency
 *   WASHINGTON (AP) — ...                     place, agency
 *   KYIV, Ukraine (AP) — ...                  place with region, agency
 *   LONDON, March 3 (Reuters) - ...           place, date, agency
 *   PARIS — ...   NEW DELHI: ...              place only
 *
 * The grammar is PLACE [", " REGION] [", " DATE] [" (" AGENCY ")"]
 * SEPARATOR, where the separator is a dash (em, en, "--" or a spaced
 * hyphen) or a colon, and a sentence must follow it.  A dateline must not
 * be mistaken for an ordinary sentence ("Paris, the capital, ...",
 * "However, ...", "UPDATE: ...", "Monday, June 16 - ..."), so:
 *  - a place written in capitals may stand alone; one in Title Case needs a
 *    date or an agency to count;
 *  - a lone capitalised word needs at least four letters (acronyms such as
 *    "FBI:" open sentences), and labels such as UPDATE, BREAKING or NOTE,
 *    weekdays, months and sentence openers ("The", "On", "Yesterday") are
 *    never places;
 *  - the agency is one to six capitalised words without digits.
 * The parser looks only at the first DL_MAX bytes, one pass, no recursion.
 */
#include "dateline.h"

#include <string.h>

#include "chars.h"

#define DL_MAX 240       /* bytes of the paragraph that may hold it */
#define DL_PLACE_WORDS 5 /* words in a place (or region) */
#define DL_PLACE_MAX 60  /* bytes in a place */
#define DL_AGENCY_MAX 48 /* bytes in an agency */
#define DL_MIN_AFTER 15  /* bytes of sentence that must follow */
#define DL_BLOCKS 6      /* leading blocks searched */
#define DL_PARAS 3       /* leading paragraphs searched */

/* ------------------------------------------------------------------ */
/* Characters                                                          */

/* Decode the UTF-8 sequence at s[i] (i < n); sets *len (>= 1).  Invalid
 * bytes decode as U+FFFD with length 1. */
static unsigned cp_at(const char *str, size_t n, size_t i, size_t *len) {
  const unsigned char *s = (const unsigned char *)str;
  unsigned c = s[i];
  *len = 1;
  if (c < 0x80)
    return c;
  size_t need = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (!need || i + need > n)
    return 0xFFFD;
  unsigned cp = c & (0x3F >> (need - 1));
  for (size_t k = 1; k < need; k++) {
    if ((s[i + k] & 0xC0) != 0x80)
      return 0xFFFD;
    cp = (cp << 6) | (s[i + k] & 0x3F);
  }
  *len = need;
  return cp;
}

/* A letter of a place name: ASCII letters and non-ASCII code points outside
 * the punctuation, symbol and space blocks. */
static int is_letter(unsigned cp) {
  if (cp < 0x80)
    return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z');
  if (cp < 0xC0 || cp == 0xD7 || cp == 0xF7 || cp == 0xFFFD)
    return 0;
  if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows */
    return 0;
  if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
    return 0;
  if (cp >= 0xFE30 && cp <= 0xFF20) /* compatibility forms, fullwidth */
    return 0;
  return 1;
}

/* 1 for an upper-case letter, -1 for a lower-case one, 0 when uncased or
 * unknown.  Covers ASCII, Latin-1, Latin Extended-A, Greek and Cyrillic. */
static int letter_case(unsigned cp) {
  if (cp >= 'A' && cp <= 'Z')
    return 1;
  if (cp >= 'a' && cp <= 'z')
    return -1;
  if (cp >= 0xC0 && cp <= 0xDE && cp != 0xD7)
    return 1;
  if (cp >= 0xDF && cp <= 0xFF && cp != 0xF7)
    return -1;
  if (cp >= 0x100 && cp <= 0x137)
    return (cp & 1) ? -1 : 1;
  if (cp >= 0x139 && cp <= 0x148)
    return (cp & 1) ? 1 : -1;
  if (cp >= 0x14A && cp <= 0x177)
    return (cp & 1) ? -1 : 1;
  if (cp >= 0x391 && cp <= 0x3A9)
    return 1;
  if (cp >= 0x3B1 && cp <= 0x3C9)
    return -1;
  if (cp >= 0x400 && cp <= 0x42F)
    return 1;
  if (cp >= 0x430 && cp <= 0x45F)
    return -1;
  return 0;
}

/* Case-insensitive (ASCII) equality of s[0..n) with the literal. */
static int word_is(const char *s, size_t n, const char *lit) {
  size_t k = 0;
  for (; k < n && lit[k]; k++)
    if (lower((unsigned char)s[k]) != (unsigned char)lit[k])
      return 0;
  return k == n && !lit[k];
}

static int word_in(const char *s, size_t n, const char *const *list) {
  for (size_t i = 0; list[i]; i++)
    if (word_is(s, n, list[i]))
      return 1;
  return 0;
}

/* Number of spaces (ASCII and no-break) at s[i]. */
static size_t skip_sp(const char *s, size_t n, size_t i) {
  size_t j = i;
  while (j < n) {
    if (s[j] == ' ' || s[j] == '\t')
      j++;
    else if (j + 1 < n && (unsigned char)s[j] == 0xC2 &&
             (unsigned char)s[j + 1] == 0xA0)
      j += 2;
    else
      break;
  }
  return j - i;
}

/* ------------------------------------------------------------------ */
/* Vocabulary                                                          */

/* Month names (and their usual abbreviations) in English, French, German,
 * Spanish, Italian and Portuguese, lower case. */
static const char *const months[] = {"january",
                                     "february",
                                     "march",
                                     "april",
                                     "may",
                                     "june",
                                     "july",
                                     "august",
                                     "september",
                                     "october",
                                     "november",
                                     "december",
                                     "jan",
                                     "feb",
                                     "mar",
                                     "apr",
                                     "jun",
                                     "jul",
                                     "aug",
                                     "sep",
                                     "sept",
                                     "oct",
                                     "nov",
                                     "dec",
                                     "janvier",
                                     "f\xc3\xa9vrier",
                                     "mars",
                                     "avril",
                                     "mai",
                                     "juin",
                                     "juillet",
                                     "ao\xc3\xbbt",
                                     "septembre",
                                     "octobre",
                                     "novembre",
                                     "d\xc3\xa9"
                                     "cembre",
                                     "januar",
                                     "j\xc3\xa4nner",
                                     "februar",
                                     "m\xc3\xa4rz",
                                     "juni",
                                     "juli",
                                     "oktober",
                                     "dezember",
                                     "enero",
                                     "febrero",
                                     "marzo",
                                     "abril",
                                     "mayo",
                                     "junio",
                                     "julio",
                                     "agosto",
                                     "septiembre",
                                     "octubre",
                                     "noviembre",
                                     "diciembre",
                                     "gennaio",
                                     "febbraio",
                                     "aprile",
                                     "maggio",
                                     "giugno",
                                     "luglio",
                                     "settembre",
                                     "ottobre",
                                     "dicembre",
                                     "janeiro",
                                     "fevereiro",
                                     "mar\xc3\xa7o",
                                     "maio",
                                     "junho",
                                     "julho",
                                     "setembro",
                                     "outubro",
                                     "dezembro",
                                     NULL};

static const char *const weekdays[] = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
    "sunday", "mon",     "tue",       "tues",     "wed",    "thu",
    "thur",   "thurs",   "fri",       "sat",      "sun",    NULL};

/* Words that open sentences or label paragraphs and are never the first
 * word of a place.  Lower case; compared case-insensitively. */
static const char *const not_place[] = {
    "the", "a", "an", "on", "in", "at", "by", "since", "until", "from", "as",
    "for", "last", "next", "this", "that", "these", "those", "today",
    "yesterday", "tomorrow", "tonight", "earlier", "later", "now", "then",
    "however", "meanwhile", "but", "and", "or", "so", "if", "when", "while",
    "after", "before", "during", "updated", "update", "posted", "published",
    "dated", "filed", "breaking", "news", "note", "editor", "editors",
    "exclusive", "warning", "alert", "live", "watch", "listen", "read", "video",
    "photo", "photos", "analysis", "opinion", "editorial", "correction",
    "clarification", "summary", "disclaimer", "abstract", "introduction",
    "background", "important", "notice", "spoiler", "step", "chapter", "part",
    "section", "question", "answer", "q", "tl", "faq", "ingredients",
    "directions", "method", "source", "sources", "via", "by", "dear", "hello",
    "hi", "mr", "mrs", "ms", "dr", "prof", "sir", "madam", "i", "we", "you",
    "he", "she", "it", "they", "my", "our", "your", "his", "her", "its",
    "their", "what", "why", "how", "who", "where", "which", "is", "are", "was",
    "were", "do", "does", "did", "not", "no", "yes", "here", "there", "every",
    "all", "some", "one", "two", "first", "second", "third", "finally", "also",
    "again", "still", "just", "only", "more", "most", "good", "great", "thanks",
    "thank", "please", "sponsored", "advertisement", "ad", "ads", "related",
    "see", "click", "tip", "tips", "bonus", "example", "result", "results",
    "conclusion", "verdict", "pros", "cons", "price", "features", "overview",
    "description", "specs", "reply", "comment", "comments", "edit", "edited",
    "quote", "re", "fwd",
    /* labels that open paragraphs in capitals ("SKU:", "SUMMARY:") */
    "quick", "tldr", "disclosure", "project", "date", "time", "location",
    "venue", "author", "title", "subject", "topic", "category", "tags",
    "status", "version", "notes", "nb", "ps", "fyi", "psa", "caveat", "context",
    "recap", "takeaway", "takeaways", "announcement", "reminder", "attention",
    "caution", "danger", "hint", "trigger", "content", "objective", "purpose",
    "scope", "problem", "solution", "issue", "fix", "bug", "feature", "release",
    "changelog", "goal", "goals", "agenda", "transcript", "synopsis", "plot",
    "review", "rating", "score", "spoilers", "credit", "credits", "image",
    "caption", "illustration", "courtesy", "file", "sku", "upc", "ean", "isbn",
    "mfr", "model", "size", "color", "colour", "weight", "material", "brand",
    "condition", "shipping", "availability", "stock", "sale", "free", "buy",
    "shop", "order", "deal", "deals", "offer", "win", "event", "events",
    "webinar", "podcast", "episode", "season", "guest", "host", "interview",
    "transcription", "welcome", "intro", "outro", "faqs", "contents", "index",
    "appendix", "references", "bibliography", NULL};

/* Words that open the sentence after a label rather than after a place:
 * a bare place (no date, no agency) must not be followed by them. */
static const char *const label_followers[] = {
    "i", "we", "you", "my", "our", "your", "if", "please", "click", NULL};

/* Lower-case connectors allowed between the words of a place
 * ("Rio de Janeiro", "Stratford-upon-Avon", "Frankfurt am Main"). */
static const char *const connectors[] = {
    "de",   "la",  "del", "da", "do", "dos", "das", "di", "du",
    "le",   "les", "el",  "al", "am", "an",  "der", "of", "on",
    "upon", "sur", "en",  "y",  "im", "ob",  "bei", NULL};

/* ------------------------------------------------------------------ */
/* Pieces                                                              */

typedef struct {
  size_t end;     /* just past the last letter of the run */
  int cased_up;   /* cased letters that are upper case */
  int cased_low;  /* cased letters that are lower case */
  int first_case; /* letter_case of the first letter */
  size_t letters; /* letters (code points) */
} word_info;

/* A word of a place: letters with inner '.', '-', '\'' or U+2019, and an
 * optional final '.' ("St.", "D.C.").  Returns 0 when s[i] starts none. */
static int scan_word(const char *s, size_t n, size_t i, word_info *w) {
  memset(w, 0, sizeof *w);
  size_t j = i;
  while (j < n) {
    size_t len;
    unsigned cp = cp_at(s, n, j, &len);
    if (is_letter(cp)) {
      int c = letter_case(cp);
      if (!w->letters)
        w->first_case = c;
      w->letters++;
      if (c > 0)
        w->cased_up++;
      else if (c < 0)
        w->cased_low++;
      j += len;
      continue;
    }
    /* Inner punctuation: only between letters (or a final period). */
    if (w->letters && (cp == '.' || cp == '-' || cp == '\'' || cp == 0x2019)) {
      size_t l2;
      unsigned next = j + len < n ? cp_at(s, n, j + len, &l2) : 0;
      if (is_letter(next)) {
        j += len;
        continue;
      }
      if (cp == '.') /* an abbreviation's final period */
        j += len;
    }
    break;
  }
  w->end = j;
  return w->letters > 0;
}

/* Up to DL_PLACE_WORDS words separated by single spaces or '/'.  `caps`
 * is set when every word (connectors aside) is in capitals.  Returns the
 * end of the place, or 0 when there is none. */
static size_t scan_place(const char *s, size_t n, size_t i, int *caps,
                         size_t *cased) {
  size_t end = 0, words = 0;
  int all_caps = 1, all_title = 1;
  size_t p = i;
  *cased = 0;
  while (p < n && words < DL_PLACE_WORDS) {
    word_info w;
    if (!scan_word(s, n, p, &w))
      break;
    size_t wl = w.end - p;
    int conn = words > 0 && w.first_case < 0 && word_in(s + p, wl, connectors);
    if (!conn) {
      if (w.first_case <= 0 && !(w.first_case == 0 && w.cased_low == 0))
        break; /* a lower-case word ends the place */
      if (w.cased_low > 0)
        all_caps = 0;
      if (w.first_case < 0)
        all_title = 0;
      if (w.cased_up > 2 && w.cased_low > 0)
        all_title = 0; /* brand-like mixed case ("MongoDB") is no place */
      if (w.cased_up > 1 && w.cased_low > 0 && w.cased_low < w.cased_up)
        all_title = 0; /* mixed case such as "McDONALD" is no place */
    }
    *cased += (size_t)(w.cased_up + w.cased_low);
    words++;
    end = w.end;
    if (end - i > DL_PLACE_MAX)
      return 0;
    /* Another word follows after one space or a slash. */
    if (end < n && (s[end] == ' ' || s[end] == '/') && end + 1 < n) {
      size_t l2;
      unsigned next = cp_at(s, n, end + 1, &l2);
      if (is_letter(next) && letter_case(next) >= 0) {
        p = end + 1;
        continue;
      }
      if (is_letter(next) && s[end] == ' ') {
        /* a lower-case connector may follow */
        word_info w2;
        scan_word(s, n, end + 1, &w2);
        if (word_in(s + end + 1, w2.end - end - 1, connectors) &&
            w2.end + 1 < n && s[w2.end] == ' ') {
          p = end + 1;
          continue;
        }
      }
    }
    break;
  }
  if (!words || !all_title)
    return 0;
  *caps = all_caps;
  return end;
}

/* A day number 1..31 with an optional English ordinal suffix or a period;
 * returns the end or 0. */
static size_t scan_day(const char *s, size_t n, size_t i) {
  size_t j = i;
  int v = 0;
  while (j < n && is_digit((unsigned char)s[j]) && j - i < 2)
    v = v * 10 + (s[j++] - '0');
  if (j == i || v < 1 || v > 31 || (j < n && is_digit((unsigned char)s[j])))
    return 0;
  if (j + 1 < n && (word_is(s + j, 2, "st") || word_is(s + j, 2, "nd") ||
                    word_is(s + j, 2, "rd") || word_is(s + j, 2, "th")))
    j += 2;
  else if (j < n && s[j] == '.')
    j++;
  return j;
}

/* A four-digit year 1900..2099; returns the end or 0. */
static size_t scan_year(const char *s, size_t n, size_t i) {
  if (i + 4 > n)
    return 0;
  for (size_t k = 0; k < 4; k++)
    if (!is_digit((unsigned char)s[i + k]))
      return 0;
  if (i + 4 < n && is_digit((unsigned char)s[i + 4]))
    return 0;
  int y = (s[i] - '0') * 1000 + (s[i + 1] - '0') * 100 + (s[i + 2] - '0') * 10 +
          (s[i + 3] - '0');
  return y >= 1900 && y <= 2099 ? i + 4 : 0;
}

/* A month or weekday name at s[i] (from `list`), with an optional period;
 * returns the end or 0. */
static size_t scan_name(const char *s, size_t n, size_t i,
                        const char *const *list) {
  word_info w;
  if (!scan_word(s, n, i, &w))
    return 0;
  size_t len = w.end - i;
  if (len && s[w.end - 1] == '.')
    len--;
  if (!word_in(s + i, len, list))
    return 0;
  return w.end;
}

/* Optional ", YYYY" or " YYYY" after a day-month date. */
static size_t scan_opt_year(const char *s, size_t n, size_t j) {
  size_t k = j;
  if (k < n && s[k] == ',')
    k++;
  k += skip_sp(s, n, k);
  if (k > j) {
    size_t y = scan_year(s, n, k);
    if (y)
      return y;
  }
  return j;
}

/* A date as datelines write it: "June 16", "Jun. 16, 2022", "16 June",
 * "16 de junio", "16. Juni 2022", "Monday", "Mon, June 16", "16.06.2022",
 * "2022-06-16".  Returns the end or 0. */
static size_t scan_date(const char *s, size_t n, size_t i) {
  size_t j = scan_name(s, n, i, weekdays);
  if (j) {
    size_t k = j;
    if (k < n && s[k] == ',')
      k++;
    k += skip_sp(s, n, k);
    if (k > j) {
      size_t d = scan_date(s, n, k);
      if (d)
        return d;
    }
    return j; /* the weekday alone */
  }
  /* Month day [year] */
  j = scan_name(s, n, i, months);
  if (j) {
    size_t k = j + skip_sp(s, n, j);
    if (k == j)
      return 0;
    size_t d = scan_day(s, n, k);
    if (!d)
      return 0;
    return scan_opt_year(s, n, d);
  }
  /* ISO date */
  j = scan_year(s, n, i);
  if (j) {
    if (j + 6 <= n && s[j] == '-' && is_digit((unsigned char)s[j + 1]) &&
        is_digit((unsigned char)s[j + 2]) && s[j + 3] == '-' &&
        is_digit((unsigned char)s[j + 4]) && is_digit((unsigned char)s[j + 5]))
      return j + 6;
    return 0;
  }
  /* day month [year], or a numeric day.month.year */
  size_t d = 0, v = i;
  while (v < n && v - i < 2 && is_digit((unsigned char)s[v]))
    v++;
  if (v > i && v < n && (s[v] == '.' || s[v] == '/')) {
    char sep = s[v];
    size_t m = v + 1, me = m;
    while (me < n && me - m < 2 && is_digit((unsigned char)s[me]))
      me++;
    if (me > m && me < n && s[me] == sep) {
      size_t y = me + 1, ye = y;
      while (ye < n && ye - y < 4 && is_digit((unsigned char)s[ye]))
        ye++;
      if ((ye - y == 4 || ye - y == 2) &&
          !(ye < n && is_digit((unsigned char)s[ye])))
        return ye;
    }
  }
  d = scan_day(s, n, i);
  if (!d)
    return 0;
  size_t k = d + skip_sp(s, n, d);
  if (k + 3 < n && word_is(s + k, 2, "de") && s[k + 2] == ' ')
    k += 3;
  j = scan_name(s, n, k, months);
  if (!j)
    return 0;
  size_t e = j;
  size_t k2 = j + skip_sp(s, n, j);
  if (k2 + 3 < n && word_is(s + k2, 2, "de") && s[k2 + 2] == ' ') {
    size_t y = scan_year(s, n, k2 + 3);
    if (y)
      return y;
  }
  return scan_opt_year(s, n, e);
}

/* "(Agency)": one to six capitalised words, no digits, no nesting.
 * Returns the end (past ')') or 0; *a, *alen get the inner name. */
static size_t scan_agency(const char *s, size_t n, size_t i, size_t *a,
                          size_t *alen) {
  if (i >= n || s[i] != '(')
    return 0;
  size_t j = i + 1, words = 0;
  while (j < n && s[j] != ')') {
    if (j - i > DL_AGENCY_MAX)
      return 0;
    size_t len;
    unsigned cp = cp_at(s, n, j, &len);
    if (cp == '(' || is_digit((unsigned char)s[j]) || cp == ',' || cp == ';' ||
        cp == ':' || cp == '"')
      return 0;
    if (is_letter(cp) && (j == i + 1 || s[j - 1] == ' ')) {
      /* a word starts: its first letter must not be lower case, except
       * for short joiners ("Agence France-Presse", "Press Trust of
       * India") */
      if (letter_case(cp) < 0) {
        word_info w;
        scan_word(s, n, j, &w);
        /* Some agencies write their short name in lower case ("dpa"):
         * accept one lower-case word of two to four letters. */
        int short_name = j == i + 1 && w.end < n && s[w.end] == ')' &&
                         w.letters >= 2 && w.letters <= 4 && !w.cased_up;
        if (!short_name &&
            (j == i + 1 || !word_in(s + j, w.end - j, connectors)))
          return 0;
      }
      words++;
    }
    j += len;
  }
  if (j >= n || !words || words > 6 || s[i + 1] == ' ' || s[j - 1] == ' ')
    return 0;
  *a = i + 1;
  *alen = j - i - 1;
  return j + 1;
}

/* The separator after the dateline: returns the end (past the following
 * spaces) or 0. */
static size_t scan_separator(const char *s, size_t n, size_t i) {
  size_t sp = skip_sp(s, n, i);
  size_t j = i + sp;
  if (j >= n)
    return 0;
  unsigned char c = (unsigned char)s[j];
  size_t e = 0;
  if (j + 3 <= n && c == 0xE2 && (unsigned char)s[j + 1] == 0x80 &&
      ((unsigned char)s[j + 2] == 0x94 || (unsigned char)s[j + 2] == 0x93))
    e = j + 3; /* em or en dash, spaced or not */
  else if (c == '-' && j + 1 < n && s[j + 1] == '-')
    e = j + 2;
  else if (c == '-' && sp > 0)
    e = j + 1; /* a hyphen must be spaced before and after */
  else if (c == ':' && sp <= 1)
    e = j + 1;
  else
    return 0;
  size_t after = skip_sp(s, n, e);
  if (!after && c == '-')
    return 0;
  if (!after && c == ':') {
    /* "NEW DELHI:The ..." - a colon may touch a capital letter. */
    size_t len;
    if (e >= n || letter_case(cp_at(s, n, e, &len)) <= 0)
      return 0;
  }
  return e + after;
}

/* Number of spaces (ASCII and no-break) just before s[i]. */
static size_t skip_sp_back(const char *s, size_t i) {
  size_t j = i;
  while (j > 0) {
    if (s[j - 1] == ' ' || s[j - 1] == '\t')
      j--;
    else if (j >= 2 && (unsigned char)s[j - 2] == 0xC2 &&
             (unsigned char)s[j - 1] == 0xA0)
      j -= 2;
    else
      break;
  }
  return i - j;
}

/* The length of the word s[b..e) without a final period or a possessive
 * "'s" / U+2019 "s" ("EDITOR'S" -> "EDITOR"). */
static size_t base_len(const char *s, size_t b, size_t e) {
  size_t n = e - b;
  if (n && s[e - 1] == '.')
    return n - 1;
  if (n > 2 && s[e - 2] == '\'' && lower((unsigned char)s[e - 1]) == 's')
    return n - 2;
  if (n > 4 && (unsigned char)s[e - 4] == 0xE2 &&
      (unsigned char)s[e - 3] == 0x80 && (unsigned char)s[e - 2] == 0x99 &&
      lower((unsigned char)s[e - 1]) == 's')
    return n - 4;
  return n;
}

/* Whether a word of the place s[b..e) is in not_place (a leading "the" is
 * skipped when `skip_the`). */
static int place_has_stopword(const char *s, size_t b, size_t e, int skip_the) {
  size_t p = b;
  int first = 1;
  while (p < e) {
    word_info w;
    if (!scan_word(s, e, p, &w))
      break;
    size_t len = base_len(s, p, w.end);
    if (!(first && skip_the) && word_in(s + p, len, not_place))
      return 1;
    first = 0;
    p = w.end;
    while (p < e && (s[p] == ' ' || s[p] == '/'))
      p++;
  }
  return 0;
}

/* ------------------------------------------------------------------ */
/* Dateline                                                            */

int pith__dateline_parse(const char *s, size_t n, pith_dateline_parts *out) {
  memset(out, 0, sizeof *out);
  if (!s)
    return 0;
  size_t lim = n < DL_MAX ? n : DL_MAX;
  size_t i = skip_sp(s, lim, 0);
  int caps = 0;
  size_t cased = 0;
  size_t pe = scan_place(s, lim, i, &caps, &cased);
  if (!pe)
    return 0;
  /* The first word decides whether this can be a place at all. */
  word_info w0;
  scan_word(s, lim, i, &w0);
  if (word_in(s + i, base_len(s, i, w0.end), weekdays) ||
      word_in(s + i, base_len(s, i, w0.end), months))
    return 0;
  /* No word of the place may be a label or a sentence opener; "The" may
   * start one ("THE HAGUE") when a date or an agency confirms it. */
  int lead_the = word_is(s + i, w0.end - i, "the");
  if (place_has_stopword(s, i, pe, lead_the))
    return 0;

  size_t place_end = pe, p = pe;
  size_t date = 0, date_end = 0, ag = 0, aglen = 0;
  if (p + 1 < lim && s[p] == ',') {
    size_t q = p + 1 + skip_sp(s, lim, p + 1);
    size_t d = scan_date(s, lim, q);
    if (d) {
      date = q;
      date_end = d;
      p = d;
    } else {
      /* ", Region" (a state, country or abbreviation), then perhaps a
       * date. */
      int rcaps = 0;
      size_t rcased = 0;
      size_t re = scan_place(s, lim, q, &rcaps, &rcased);
      if (!re)
        return 0;
      word_info rw;
      scan_word(s, lim, q, &rw);
      if (word_in(s + q, rw.end - q, not_place))
        return 0;
      place_end = re;
      p = re;
      if (p + 1 < lim && s[p] == ',') {
        size_t q2 = p + 1 + skip_sp(s, lim, p + 1);
        size_t d2 = scan_date(s, lim, q2);
        if (d2) {
          date = q2;
          date_end = d2;
          p = d2;
        }
      }
    }
  }
  {
    size_t q = p + skip_sp(s, lim, p);
    size_t a = scan_agency(s, lim, q, &ag, &aglen);
    if (a)
      p = a;
  }
  if (lead_the && !(caps && (date || aglen)))
    return 0;
  size_t sep = scan_separator(s, lim, p);
  if (!sep)
    return 0;
  /* A sentence must follow, starting with a letter, a digit or a quote. */
  if (n - sep < DL_MIN_AFTER)
    return 0;
  {
    size_t len;
    unsigned cp = cp_at(s, n, sep, &len);
    if (!(is_letter(cp) || is_digit((unsigned char)s[sep]) || cp == '"' ||
          cp == 0x201C || cp == 0x2018 || cp == 0xAB || cp == '\''))
      return 0;
    if (letter_case(cp) < 0) /* a new sentence starts after a dateline */
      return 0;
  }
  if (!date && !aglen) {
    /* A bare place must be in capitals, long enough not to be an
     * acronym, and a region needs the same; the sentence after it must
     * not speak to or for the reader, as text after a label does. */
    if (!caps || cased < 4)
      return 0;
    word_info wf;
    if (scan_word(s, n, sep, &wf) &&
        word_in(s + sep, base_len(s, sep, wf.end), label_followers))
      return 0;
  } else if (!caps && !aglen && s[sep - 1 - skip_sp_back(s, sep)] == ':') {
    /* "Berlin, June 16: ..." is how events are announced; a place in
     * Title Case with a date needs a dash, as datelines use. */
    return 0;
  }
  out->place = i;
  out->place_len = place_end - i;
  if (date) {
    out->date = date;
    out->date_len = date_end - date;
  }
  if (aglen) {
    out->agency = ag;
    out->agency_len = aglen;
  }
  out->end = sep;
  return 1;
}

int pith__dateline_find(const pith_block *blocks, size_t nblocks, pith_arena *a,
                        pith_meta *m) {
  m->has_dateline = 0;
  m->dateline_place = m->dateline_date = m->dateline_agency = "";
  size_t paras = 0;
  for (size_t b = 0; b < nblocks && b < DL_BLOCKS && paras < DL_PARAS; b++) {
    if (blocks[b].type != PITH_BLOCK_PARAGRAPH)
      continue;
    paras++;
    pith_dateline_parts d;
    if (!pith__dateline_parse(blocks[b].text, blocks[b].len, &d))
      continue;
    const char *t = blocks[b].text;
    m->dateline_place = pith__arena_strndup(a, t + d.place, d.place_len);
    m->dateline_date = pith__arena_strndup(a, t + d.date, d.date_len);
    m->dateline_agency = pith__arena_strndup(a, t + d.agency, d.agency_len);
    if (!m->dateline_place || !m->dateline_date || !m->dateline_agency)
      return -1;
    m->has_dateline = 1;
    return 0;
  }
  return 0;
}
