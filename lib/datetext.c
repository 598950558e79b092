/* SPDX-License-Identifier: MIT */
/*
 * datetext.c - dates written in text and in metadata values, read as
 * YYYY-MM-DD: ISO 8601 and its kin, month names in seven languages,
 * numeric dates in either day/month order, CJK dates.  Pure functions on
 * byte strings; which date of a page counts is meta_date.c's business.
 */
#include "datetext.h"

#include <string.h>

#include "chars.h"

/* Is s[0..n) the lower-case word `lit`, ignoring ASCII case? */
static int word_is(const char *s, size_t n, const char *lit) {
  size_t k = 0;
  while (k < n && lit[k] && lower((unsigned char)s[k]) == (unsigned char)lit[k])
    k++;
  return k == n && lit[k] == '\0';
}

int pith__date_days_in(int y, int m) {
  static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return d[m - 1];
}

int pith__date_make(int y, int m, int d, char out[11]) {
  if (y < 1995 || y > 2100 || m < 1 || m > 12 || d < 1 ||
      d > pith__date_days_in(y, m))
    return 0;
  out[0] = (char)('0' + y / 1000);
  out[1] = (char)('0' + y / 100 % 10);
  out[2] = (char)('0' + y / 10 % 10);
  out[3] = (char)('0' + y % 10);
  out[4] = '-';
  out[5] = (char)('0' + m / 10);
  out[6] = (char)('0' + m % 10);
  out[7] = '-';
  out[8] = (char)('0' + d / 10);
  out[9] = (char)('0' + d % 10);
  out[10] = '\0';
  return 1;
}

/* Month names: English, German, French, Spanish, Italian, Dutch and
 * Portuguese, full and common abbreviations, in lower case UTF-8, sorted
 * by first letter (pith__date_month() looks up that letter's run). */
static const struct {
  const char *name;
  int month;
} months[] = {
    {"april", 4},
    {"apr", 4},
    {"august", 8},
    {"aug", 8},
    {"avril", 4},
    {"ao\xc3\xbbt", 8},
    {"abril", 4},
    {"agosto", 8},
    {"aprile", 4},
    {"augustus", 8},
    {"december", 12},
    {"dec", 12},
    {"dezember", 12},
    {"d\xc3\xa9"
     "cembre",
     12},
    {"diciembre", 12},
    {"dicembre", 12},
    {"dezembro", 12},
    {"enero", 1},
    {"february", 2},
    {"feb", 2},
    {"februar", 2},
    {"f\xc3\xa9vrier", 2},
    {"febrero", 2},
    {"febbraio", 2},
    {"februari", 2},
    {"fevereiro", 2},
    {"gennaio", 1},
    {"giugno", 6},
    {"january", 1},
    {"jan", 1},
    {"june", 6},
    {"jun", 6},
    {"july", 7},
    {"jul", 7},
    {"januar", 1},
    {"juni", 6},
    {"juli", 7},
    {"janvier", 1},
    {"juin", 6},
    {"juillet", 7},
    {"junio", 6},
    {"julio", 7},
    {"januari", 1},
    {"janeiro", 1},
    {"junho", 6},
    {"julho", 7},
    {"luglio", 7},
    {"march", 3},
    {"mar", 3},
    {"may", 5},
    {"m\xc3\xa4rz", 3},
    {"mai", 5},
    {"mars", 3},
    {"marzo", 3},
    {"mayo", 5},
    {"maggio", 5},
    {"maart", 3},
    {"mei", 5},
    {"mar\xc3\xa7o", 3},
    {"maio", 5},
    {"november", 11},
    {"nov", 11},
    {"novembre", 11},
    {"noviembre", 11},
    {"novembro", 11},
    {"october", 10},
    {"oct", 10},
    {"oktober", 10},
    {"octobre", 10},
    {"octubre", 10},
    {"ottobre", 10},
    {"outubro", 10},
    {"september", 9},
    {"sept", 9},
    {"sep", 9},
    {"septembre", 9},
    {"septiembre", 9},
    {"setiembre", 9},
    {"settembre", 9},
    {"setembro", 9},
};

int pith__date_month(const char *s, size_t n) {
  /* First letters of the names below. */
  static const unsigned char first[256] = {
      ['a'] = 1, ['d'] = 1, ['e'] = 1, ['f'] = 1, ['g'] = 1, ['j'] = 1,
      ['l'] = 1, ['m'] = 1, ['n'] = 1, ['o'] = 1, ['s'] = 1};
  if (n < 3 || n > 12 || !first[lower((unsigned char)s[0])])
    return 0;
  unsigned char c = lower((unsigned char)s[0]);
  size_t lo = 0, hi = sizeof months / sizeof months[0];
  while (lo < hi) { /* the first name starting with c */
    size_t mid = (lo + hi) / 2;
    if ((unsigned char)months[mid].name[0] < c)
      lo = mid + 1;
    else
      hi = mid;
  }
  for (size_t i = lo; i < sizeof months / sizeof months[0] &&
                      (unsigned char)months[i].name[0] == c;
       i++) {
    const char *m = months[i].name;
    size_t k = 0;
    while (k < n && m[k] && lower((unsigned char)s[k]) == (unsigned char)m[k])
      k++;
    if (k == n && m[k] == '\0')
      return months[i].month;
  }
  return 0;
}

/* A token of the date scanner. */
typedef struct {
  int kind; /* 1 number, 2 word */
  size_t b, e;
  int val;  /* numbers: value (capped); words: month number or 0 */
  int ndig; /* numbers: digit count */
  int ord;  /* numbers: an ordinal suffix (st, nd, rd, th) followed */
  int of;   /* words: "of" / "de" */
} dtok;

int pith__date_soft_sep(const char *s, size_t b, size_t e) {
  if (e - b > 4)
    return 0;
  int dots = 0, commas = 0;
  for (size_t i = b; i < e; i++) {
    unsigned char c = (unsigned char)s[i];
    if (c == '.')
      dots++;
    else if (c == ',')
      commas++;
    else if (!is_sp(c))
      return 0;
  }
  return dots <= 1 && commas <= 1;
}

/* The single separator character between two number tokens, or 0. */
static char hard_sep(const char *s, size_t b, size_t e) {
  if (e != b + 1)
    return 0;
  char c = s[b];
  return (c == '-' || c == '/' || c == '.') ? c : 0;
}

int pith__date_in_text(const char *s, size_t n, int order, char out[11],
                       size_t *start, size_t *end) {
  dtok w[6];
  int nw = 0;
  size_t i = 0;
  while (i < n) {
    unsigned char c = (unsigned char)s[i];
    if (!is_word_byte(c)) {
      i++;
      continue;
    }
    dtok k;
    memset(&k, 0, sizeof k);
    k.b = i;
    if (is_digit(c)) {
      k.kind = 1;
      long v = 0;
      while (i < n && is_digit((unsigned char)s[i])) {
        if (v < 100000)
          v = v * 10 + (s[i] - '0');
        k.ndig++;
        i++;
      }
      k.val = (int)v;
      k.e = i;
      /* An ordinal suffix directly attached. */
      if (i + 1 < n && is_alpha((unsigned char)s[i]) &&
          is_alpha((unsigned char)s[i + 1]) &&
          (i + 2 >= n || !is_word_byte((unsigned char)s[i + 2]))) {
        if (word_is(s + i, 2, "st") || word_is(s + i, 2, "nd") ||
            word_is(s + i, 2, "rd") || word_is(s + i, 2, "th")) {
          k.ord = 1;
          i += 2;
          k.e = i;
        }
      }
      /* CJK: 2022年6月16日 */
      if (k.ndig == 4 && i + 3 <= n && memcmp(s + i, "\xe5\xb9\xb4", 3) == 0) {
        size_t j = i + 3;
        int m = 0, d = 0, md = 0, dd = 0;
        while (j < n && is_digit((unsigned char)s[j]) && md < 2) {
          m = m * 10 + (s[j++] - '0');
          md++;
        }
        if (md && j + 3 <= n && memcmp(s + j, "\xe6\x9c\x88", 3) == 0) {
          j += 3;
          while (j < n && is_digit((unsigned char)s[j]) && dd < 2) {
            d = d * 10 + (s[j++] - '0');
            dd++;
          }
          if (dd && pith__date_make(k.val, m, d, out)) {
            *start = k.b;
            *end = j;
            return 1;
          }
        }
      }
    } else {
      k.kind = 2;
      /* Words: ASCII letters and non-ASCII bytes. */
      while (i < n &&
             (is_alpha((unsigned char)s[i]) || (unsigned char)s[i] >= 0x80)) {
        if (uni_space(s, n, i))
          break;
        i++;
      }
      k.e = i;
      if (k.e == k.b) { /* a lone byte we cannot classify */
        i++;
        continue;
      }
      k.val = pith__date_month(s + k.b, k.e - k.b);
      k.of = word_is(s + k.b, k.e - k.b, "of") ||
             word_is(s + k.b, k.e - k.b, "de");
    }
    if (nw == 6) {
      memmove(w, w + 1, 5 * sizeof w[0]);
      nw = 5;
    }
    w[nw++] = k;
    dtok *t0 = &w[nw - 1];
    dtok *t1 = nw >= 2 ? &w[nw - 2] : NULL;
    dtok *t2 = nw >= 3 ? &w[nw - 3] : NULL;
    dtok *t3 = nw >= 4 ? &w[nw - 4] : NULL;
    dtok *t4 = nw >= 5 ? &w[nw - 5] : NULL;
    /* Patterns end with the year or (ISO) with the day. */
    if (t0->kind == 1 && t1 && t2) {
      if (t0->ndig == 4 && !t0->ord) {
        int y = t0->val;
        /* Month D, YYYY */
        if (t2->kind == 2 && t2->val && t1->kind == 1 && t1->ndig <= 2 &&
            pith__date_soft_sep(s, t2->e, t1->b) &&
            pith__date_soft_sep(s, t1->e, t0->b) &&
            pith__date_make(y, t2->val, t1->val, out))
          return (*start = t2->b), (*end = t0->e), 1;
        /* D Month YYYY */
        if (t2->kind == 1 && t2->ndig <= 2 && t1->kind == 2 && t1->val &&
            pith__date_soft_sep(s, t2->e, t1->b) &&
            pith__date_soft_sep(s, t1->e, t0->b) &&
            pith__date_make(y, t1->val, t2->val, out))
          return (*start = t2->b), (*end = t0->e), 1;
        /* D of Month YYYY, D de Month de YYYY */
        if (t3 && t3->kind == 1 && t3->ndig <= 2 && t2->kind == 2 && t2->of &&
            t1->kind == 2 && t1->val && pith__date_soft_sep(s, t3->e, t2->b) &&
            pith__date_soft_sep(s, t2->e, t1->b) &&
            pith__date_soft_sep(s, t1->e, t0->b) &&
            pith__date_make(y, t1->val, t3->val, out))
          return (*start = t3->b), (*end = t0->e), 1;
        if (t4 && t4->kind == 1 && t4->ndig <= 2 && t3->kind == 2 && t3->of &&
            t2->kind == 2 && t2->val && t1->kind == 2 && t1->of &&
            pith__date_soft_sep(s, t4->e, t3->b) &&
            pith__date_soft_sep(s, t2->e, t1->b) &&
            pith__date_make(y, t2->val, t4->val, out))
          return (*start = t4->b), (*end = t0->e), 1;
        /* D.M.YYYY, M/D/YYYY */
        if (t2->kind == 1 && t1->kind == 1 && t2->ndig <= 2 && t1->ndig <= 2 &&
            !t2->ord && !t1->ord) {
          char c1 = hard_sep(s, t2->e, t1->b), c2 = hard_sep(s, t1->e, t0->b);
          if (c1 && c1 == c2) {
            /* Month first with '/' unless the first number is above
             * 12, day first otherwise unless the second is above 12
             * (11-29-2024); when both could be the month, the page's
             * locale decides (PITH_DATE_ORDER_MDY: en-US, PITH_DATE_ORDER_DMY:
             * others). */
            int a = t2->val, b = t1->val;
            int mfirst = c1 == '/' ? a <= 12 : b > 12;
            if (a <= 12 && b <= 12 && order)
              mfirst = order == PITH_DATE_ORDER_MDY;
            if (mfirst ? pith__date_make(y, a, b, out)
                       : pith__date_make(y, b, a, out))
              return (*start = t2->b), (*end = t0->e), 1;
          }
        }
      }
      /* YYYY-MM-DD, YYYY/MM/DD, YYYY.MM.DD */
      if (t2->kind == 1 && t2->ndig == 4 && t1->kind == 1 && t1->ndig <= 2 &&
          t0->ndig <= 2 && !t1->ord) {
        char c1 = hard_sep(s, t2->e, t1->b), c2 = hard_sep(s, t1->e, t0->b);
        if (c1 && c1 == c2 && pith__date_make(t2->val, t1->val, t0->val, out))
          return (*start = t2->b), (*end = t0->e), 1;
      }
    }
    /* Month D YYYY written without a year on the same token list is not a
     * full date; nothing to do. */
  }
  return 0;
}

int pith__date_value(const char *s, size_t n, int order, char out[11]) {
  while (n && is_sp((unsigned char)*s))
    s++, n--;
  while (n && is_sp((unsigned char)s[n - 1]))
    n--;
  if (!n)
    return 0;
  if (n >= 8 && is_digit((unsigned char)s[0]) &&
      is_digit((unsigned char)s[1]) && is_digit((unsigned char)s[2]) &&
      is_digit((unsigned char)s[3])) {
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    size_t i = 4;
    if (is_digit((unsigned char)s[4])) {
      /* YYYYMMDD, then nothing or a time. */
      int ok = 1;
      for (size_t k = 4; k < 8; k++)
        ok &= is_digit((unsigned char)s[k]);
      if (ok && (n == 8 || !is_digit((unsigned char)s[8]))) {
        int m = (s[4] - '0') * 10 + (s[5] - '0');
        int d = (s[6] - '0') * 10 + (s[7] - '0');
        return pith__date_make(y, m, d, out);
      }
      /* A Unix timestamp or other number: not a date we can trust. */
      return 0;
    }
    char sep = s[i];
    if (sep == '-' || sep == '/' || sep == '.') {
      int m = 0, d = 0, md = 0, dd = 0;
      i++;
      while (i < n && is_digit((unsigned char)s[i]) && md < 3) {
        m = m * 10 + (s[i++] - '0');
        md++;
      }
      if (md >= 1 && md <= 2 && i < n && s[i] == sep) {
        i++;
        while (i < n && is_digit((unsigned char)s[i]) && dd < 3) {
          d = d * 10 + (s[i++] - '0');
          dd++;
        }
        if (dd >= 1 && dd <= 2)
          return pith__date_make(y, m, d, out);
      }
      return 0;
    }
  }
  size_t start, end;
  return pith__date_in_text(s, n, order, out, &start, &end);
}

int pith__date_machine(const char *s, size_t n) {
  while (n && is_sp((unsigned char)*s))
    s++, n--;
  if (n < 8)
    return 0;
  for (size_t i = 0; i < 4; i++)
    if (!is_digit((unsigned char)s[i]))
      return 0;
  return s[4] == '-' || s[4] == '/' || s[4] == '.' ||
         is_digit((unsigned char)s[4]);
}
