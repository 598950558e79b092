/* SPDX-License-Identifier: MIT */
/*
 * decode_label.c - the names of charsets for the charset stage
 * (decode.c): every charset pith decodes with its canonical and iconv
 * names, the WHATWG label table that maps the labels pages and servers
 * write ("latin1", "x-sjis", "utf8") to them, the charset of a
 * Content-Type value, and the WHATWG "prescan" that finds a <meta>
 * declaration in the first bytes of a page (a small tokenizer that skips
 * comments and other tags' attributes, so no libxml2 is needed this early).
 */
#include "decode_int.h"

#include <stdint.h>
#include <string.h>

#include "chars.h"

const pith_encoding pith__encodings[ENC_COUNT] = {
#define X(id, name, iconv_name) {name, iconv_name},
    ENCODING_LIST(X)
#undef X
};

/* The WHATWG label table, minus the "replacement" labels (ISO-2022-KR,
 * HZ and friends), which are ignored like unknown labels.  x-user-defined
 * is read as windows-1252, which is what the prescan does with it. */
static const struct {
  const char *label;
  unsigned char enc;
} labels[] = {
    {"unicode-1-1-utf-8", ENC_UTF_8},
    {"unicode11utf8", ENC_UTF_8},
    {"unicode20utf8", ENC_UTF_8},
    {"utf-8", ENC_UTF_8},
    {"utf8", ENC_UTF_8},
    {"x-unicode20utf8", ENC_UTF_8},
    {"866", ENC_IBM866},
    {"cp866", ENC_IBM866},
    {"csibm866", ENC_IBM866},
    {"ibm866", ENC_IBM866},
    {"csisolatin2", ENC_ISO_8859_2},
    {"iso-8859-2", ENC_ISO_8859_2},
    {"iso-ir-101", ENC_ISO_8859_2},
    {"iso8859-2", ENC_ISO_8859_2},
    {"iso88592", ENC_ISO_8859_2},
    {"iso_8859-2", ENC_ISO_8859_2},
    {"iso_8859-2:1987", ENC_ISO_8859_2},
    {"l2", ENC_ISO_8859_2},
    {"latin2", ENC_ISO_8859_2},
    {"csisolatin3", ENC_ISO_8859_3},
    {"iso-8859-3", ENC_ISO_8859_3},
    {"iso-ir-109", ENC_ISO_8859_3},
    {"iso8859-3", ENC_ISO_8859_3},
    {"iso88593", ENC_ISO_8859_3},
    {"iso_8859-3", ENC_ISO_8859_3},
    {"iso_8859-3:1988", ENC_ISO_8859_3},
    {"l3", ENC_ISO_8859_3},
    {"latin3", ENC_ISO_8859_3},
    {"csisolatin4", ENC_ISO_8859_4},
    {"iso-8859-4", ENC_ISO_8859_4},
    {"iso-ir-110", ENC_ISO_8859_4},
    {"iso8859-4", ENC_ISO_8859_4},
    {"iso88594", ENC_ISO_8859_4},
    {"iso_8859-4", ENC_ISO_8859_4},
    {"iso_8859-4:1988", ENC_ISO_8859_4},
    {"l4", ENC_ISO_8859_4},
    {"latin4", ENC_ISO_8859_4},
    {"csisolatincyrillic", ENC_ISO_8859_5},
    {"cyrillic", ENC_ISO_8859_5},
    {"iso-8859-5", ENC_ISO_8859_5},
    {"iso-ir-144", ENC_ISO_8859_5},
    {"iso8859-5", ENC_ISO_8859_5},
    {"iso88595", ENC_ISO_8859_5},
    {"iso_8859-5", ENC_ISO_8859_5},
    {"iso_8859-5:1988", ENC_ISO_8859_5},
    {"arabic", ENC_ISO_8859_6},
    {"asmo-708", ENC_ISO_8859_6},
    {"csiso88596e", ENC_ISO_8859_6},
    {"csiso88596i", ENC_ISO_8859_6},
    {"csisolatinarabic", ENC_ISO_8859_6},
    {"ecma-114", ENC_ISO_8859_6},
    {"iso-8859-6", ENC_ISO_8859_6},
    {"iso-8859-6-e", ENC_ISO_8859_6},
    {"iso-8859-6-i", ENC_ISO_8859_6},
    {"iso-ir-127", ENC_ISO_8859_6},
    {"iso8859-6", ENC_ISO_8859_6},
    {"iso88596", ENC_ISO_8859_6},
    {"iso_8859-6", ENC_ISO_8859_6},
    {"iso_8859-6:1987", ENC_ISO_8859_6},
    {"csisolatingreek", ENC_ISO_8859_7},
    {"ecma-118", ENC_ISO_8859_7},
    {"elot_928", ENC_ISO_8859_7},
    {"greek", ENC_ISO_8859_7},
    {"greek8", ENC_ISO_8859_7},
    {"iso-8859-7", ENC_ISO_8859_7},
    {"iso-ir-126", ENC_ISO_8859_7},
    {"iso8859-7", ENC_ISO_8859_7},
    {"iso88597", ENC_ISO_8859_7},
    {"iso_8859-7", ENC_ISO_8859_7},
    {"iso_8859-7:1987", ENC_ISO_8859_7},
    {"sun_eu_greek", ENC_ISO_8859_7},
    {"csiso88598e", ENC_ISO_8859_8},
    {"csisolatinhebrew", ENC_ISO_8859_8},
    {"hebrew", ENC_ISO_8859_8},
    {"iso-8859-8", ENC_ISO_8859_8},
    {"iso-8859-8-e", ENC_ISO_8859_8},
    {"iso-ir-138", ENC_ISO_8859_8},
    {"iso8859-8", ENC_ISO_8859_8},
    {"iso88598", ENC_ISO_8859_8},
    {"iso_8859-8", ENC_ISO_8859_8},
    {"iso_8859-8:1988", ENC_ISO_8859_8},
    {"visual", ENC_ISO_8859_8},
    {"csiso88598i", ENC_ISO_8859_8_I},
    {"iso-8859-8-i", ENC_ISO_8859_8_I},
    {"logical", ENC_ISO_8859_8_I},
    {"csisolatin6", ENC_ISO_8859_10},
    {"iso-8859-10", ENC_ISO_8859_10},
    {"iso-ir-157", ENC_ISO_8859_10},
    {"iso8859-10", ENC_ISO_8859_10},
    {"iso885910", ENC_ISO_8859_10},
    {"l6", ENC_ISO_8859_10},
    {"latin6", ENC_ISO_8859_10},
    {"iso-8859-13", ENC_ISO_8859_13},
    {"iso8859-13", ENC_ISO_8859_13},
    {"iso885913", ENC_ISO_8859_13},
    {"iso-8859-14", ENC_ISO_8859_14},
    {"iso8859-14", ENC_ISO_8859_14},
    {"iso885914", ENC_ISO_8859_14},
    {"csisolatin9", ENC_ISO_8859_15},
    {"iso-8859-15", ENC_ISO_8859_15},
    {"iso8859-15", ENC_ISO_8859_15},
    {"iso885915", ENC_ISO_8859_15},
    {"iso_8859-15", ENC_ISO_8859_15},
    {"l9", ENC_ISO_8859_15},
    {"iso-8859-16", ENC_ISO_8859_16},
    {"cskoi8r", ENC_KOI8_R},
    {"koi", ENC_KOI8_R},
    {"koi8", ENC_KOI8_R},
    {"koi8-r", ENC_KOI8_R},
    {"koi8_r", ENC_KOI8_R},
    {"koi8-ru", ENC_KOI8_U},
    {"koi8-u", ENC_KOI8_U},
    {"csmacintosh", ENC_MACINTOSH},
    {"mac", ENC_MACINTOSH},
    {"macintosh", ENC_MACINTOSH},
    {"x-mac-roman", ENC_MACINTOSH},
    {"dos-874", ENC_WINDOWS_874},
    {"iso-8859-11", ENC_WINDOWS_874},
    {"iso8859-11", ENC_WINDOWS_874},
    {"iso885911", ENC_WINDOWS_874},
    {"tis-620", ENC_WINDOWS_874},
    {"windows-874", ENC_WINDOWS_874},
    {"cp1250", ENC_WINDOWS_1250},
    {"windows-1250", ENC_WINDOWS_1250},
    {"x-cp1250", ENC_WINDOWS_1250},
    {"cp1251", ENC_WINDOWS_1251},
    {"windows-1251", ENC_WINDOWS_1251},
    {"x-cp1251", ENC_WINDOWS_1251},
    {"ansi_x3.4-1968", ENC_WINDOWS_1252},
    {"ascii", ENC_WINDOWS_1252},
    {"cp1252", ENC_WINDOWS_1252},
    {"cp819", ENC_WINDOWS_1252},
    {"csisolatin1", ENC_WINDOWS_1252},
    {"ibm819", ENC_WINDOWS_1252},
    {"iso-8859-1", ENC_WINDOWS_1252},
    {"iso-ir-100", ENC_WINDOWS_1252},
    {"iso8859-1", ENC_WINDOWS_1252},
    {"iso88591", ENC_WINDOWS_1252},
    {"iso_8859-1", ENC_WINDOWS_1252},
    {"iso_8859-1:1987", ENC_WINDOWS_1252},
    {"l1", ENC_WINDOWS_1252},
    {"latin1", ENC_WINDOWS_1252},
    {"us-ascii", ENC_WINDOWS_1252},
    {"windows-1252", ENC_WINDOWS_1252},
    {"x-cp1252", ENC_WINDOWS_1252},
    {"x-user-defined", ENC_WINDOWS_1252},
    {"cp1253", ENC_WINDOWS_1253},
    {"windows-1253", ENC_WINDOWS_1253},
    {"x-cp1253", ENC_WINDOWS_1253},
    {"cp1254", ENC_WINDOWS_1254},
    {"csisolatin5", ENC_WINDOWS_1254},
    {"iso-8859-9", ENC_WINDOWS_1254},
    {"iso-ir-148", ENC_WINDOWS_1254},
    {"iso8859-9", ENC_WINDOWS_1254},
    {"iso88599", ENC_WINDOWS_1254},
    {"iso_8859-9", ENC_WINDOWS_1254},
    {"iso_8859-9:1989", ENC_WINDOWS_1254},
    {"l5", ENC_WINDOWS_1254},
    {"latin5", ENC_WINDOWS_1254},
    {"windows-1254", ENC_WINDOWS_1254},
    {"x-cp1254", ENC_WINDOWS_1254},
    {"cp1255", ENC_WINDOWS_1255},
    {"windows-1255", ENC_WINDOWS_1255},
    {"x-cp1255", ENC_WINDOWS_1255},
    {"cp1256", ENC_WINDOWS_1256},
    {"windows-1256", ENC_WINDOWS_1256},
    {"x-cp1256", ENC_WINDOWS_1256},
    {"cp1257", ENC_WINDOWS_1257},
    {"windows-1257", ENC_WINDOWS_1257},
    {"x-cp1257", ENC_WINDOWS_1257},
    {"cp1258", ENC_WINDOWS_1258},
    {"windows-1258", ENC_WINDOWS_1258},
    {"x-cp1258", ENC_WINDOWS_1258},
    {"x-mac-cyrillic", ENC_X_MAC_CYRILLIC},
    {"x-mac-ukrainian", ENC_X_MAC_CYRILLIC},
    {"chinese", ENC_GBK},
    {"csgb2312", ENC_GBK},
    {"csiso58gb231280", ENC_GBK},
    {"gb2312", ENC_GBK},
    {"gb_2312", ENC_GBK},
    {"gb_2312-80", ENC_GBK},
    {"gbk", ENC_GBK},
    {"iso-ir-58", ENC_GBK},
    {"x-gbk", ENC_GBK},
    {"gb18030", ENC_GB18030},
    {"big5", ENC_BIG5},
    {"big5-hkscs", ENC_BIG5},
    {"cn-big5", ENC_BIG5},
    {"csbig5", ENC_BIG5},
    {"x-x-big5", ENC_BIG5},
    {"cseucpkdfmtjapanese", ENC_EUC_JP},
    {"euc-jp", ENC_EUC_JP},
    {"x-euc-jp", ENC_EUC_JP},
    {"csiso2022jp", ENC_ISO_2022_JP},
    {"iso-2022-jp", ENC_ISO_2022_JP},
    {"csshiftjis", ENC_SHIFT_JIS},
    {"ms932", ENC_SHIFT_JIS},
    {"ms_kanji", ENC_SHIFT_JIS},
    {"shift-jis", ENC_SHIFT_JIS},
    {"shift_jis", ENC_SHIFT_JIS},
    {"sjis", ENC_SHIFT_JIS},
    {"windows-31j", ENC_SHIFT_JIS},
    {"x-sjis", ENC_SHIFT_JIS},
    {"cseuckr", ENC_EUC_KR},
    {"csksc56011987", ENC_EUC_KR},
    {"euc-kr", ENC_EUC_KR},
    {"iso-ir-149", ENC_EUC_KR},
    {"korean", ENC_EUC_KR},
    {"ks_c_5601-1987", ENC_EUC_KR},
    {"ks_c_5601-1989", ENC_EUC_KR},
    {"ksc5601", ENC_EUC_KR},
    {"ksc_5601", ENC_EUC_KR},
    {"windows-949", ENC_EUC_KR},
    {"unicodefffe", ENC_UTF_16BE},
    {"utf-16be", ENC_UTF_16BE},
    {"csunicode", ENC_UTF_16LE},
    {"iso-10646-ucs-2", ENC_UTF_16LE},
    {"ucs-2", ENC_UTF_16LE},
    {"unicode", ENC_UTF_16LE},
    {"unicodefeff", ENC_UTF_16LE},
    {"utf-16", ENC_UTF_16LE},
    {"utf-16le", ENC_UTF_16LE},
};

/* ---- small helpers ------------------------------------------------------ */

/* s[0..n) equals the lower-case ASCII literal `lit` ignoring case. */
static int ieq(const unsigned char *s, size_t n, const char *lit) {
  size_t i;
  for (i = 0; i < n; i++)
    if (lit[i] == '\0' || lower(s[i]) != (unsigned char)lit[i])
      return 0;
  return lit[n] == '\0';
}

/* s[0..n) starts with the lower-case literal `lit` (of length m). */
static int istarts(const unsigned char *s, size_t n, const char *lit,
                   size_t m) {
  size_t i;
  if (n < m)
    return 0;
  for (i = 0; i < m; i++)
    if (lower(s[i]) != (unsigned char)lit[i])
      return 0;
  return 1;
}

/* ---- labels ------------------------------------------------------------- */

/* The encoding for a label (WHATWG "get an encoding"), or -1 if unknown. */
int pith__label_encoding(const unsigned char *s, size_t n) {
  char low[24];
  size_t i;
  while (n && is_html_sp(s[0])) {
    s++;
    n--;
  }
  while (n && is_html_sp(s[n - 1]))
    n--;
  if (n == 0 || n >= sizeof low)
    return -1;
  for (i = 0; i < n; i++)
    low[i] = (char)lower(s[i]);
  low[n] = '\0';
  for (i = 0; i < sizeof labels / sizeof labels[0]; i++)
    if (strcmp(labels[i].label, low) == 0)
      return labels[i].enc;
  return -1;
}

/* WHATWG "extract a character encoding from a meta element": find
 * `charset = label` in a Content-Type value.  Returns 1 and the label's
 * slice, or 0. */
int pith__content_charset(const unsigned char *s, size_t n, size_t *start,
                          size_t *len) {
  size_t i = 0;
  for (;;) {
    size_t j = i;
    while (j + 7 <= n && !istarts(s + j, n - j, "charset", 7))
      j++;
    if (j + 7 > n)
      return 0;
    i = j + 7;
    while (i < n && is_html_sp(s[i]))
      i++;
    if (i >= n || s[i] != '=') {
      i = j + 7;
      continue;
    }
    i++;
    while (i < n && is_html_sp(s[i]))
      i++;
    if (i >= n)
      return 0;
    if (s[i] == '"' || s[i] == '\'') {
      const unsigned char *q = memchr(s + i + 1, s[i], n - i - 1);
      if (!q)
        return 0;
      *start = i + 1;
      *len = (size_t)(q - (s + i + 1));
      return 1;
    }
    *start = i;
    while (i < n && !is_html_sp(s[i]) && s[i] != ';')
      i++;
    *len = i - *start;
    return 1;
  }
}

/* ---- the <meta> prescan (WHATWG "prescan a byte stream") ---------------- */

typedef struct {
  const unsigned char *name, *value;
  size_t name_len, value_len;
} attr;

/* WHATWG "get an attribute" starting at *pos.  Returns 1 with an attribute,
 * 0 at a '>' (no more attributes; *pos points at it), -1 when the input
 * ends first.  Names and values are slices of the input; callers compare
 * them ignoring case. */
static int get_attr(const unsigned char *s, size_t n, size_t *pos, attr *a) {
  size_t i = *pos, start;
  unsigned q;
  while (i < n && (is_html_sp(s[i]) || s[i] == '/'))
    i++;
  if (i >= n)
    return -1;
  if (s[i] == '>') {
    *pos = i;
    return 0;
  }
  a->name = s + i;
  a->name_len = 0;
  a->value = s + i;
  a->value_len = 0;
  for (;;) {
    if (i >= n)
      return -1;
    if (s[i] == '=' && a->name_len > 0) {
      i++;
      goto value;
    }
    if (is_html_sp(s[i]))
      break;
    if (s[i] == '/' || s[i] == '>') {
      *pos = i;
      return 1;
    }
    a->name_len++;
    i++;
  }
  while (i < n && is_html_sp(s[i]))
    i++;
  if (i >= n)
    return -1;
  if (s[i] != '=') {
    *pos = i;
    return 1;
  }
  i++;
value:
  while (i < n && is_html_sp(s[i]))
    i++;
  if (i >= n)
    return -1;
  q = s[i];
  if (q == '"' || q == '\'') {
    start = ++i;
    while (i < n && s[i] != q)
      i++;
    if (i >= n)
      return -1;
    a->value = s + start;
    a->value_len = i - start;
    *pos = i + 1;
    return 1;
  }
  if (q == '>') {
    *pos = i;
    return 1;
  }
  start = i++;
  while (i < n && !is_html_sp(s[i]) && s[i] != '>')
    i++;
  if (i >= n)
    return -1;
  a->value = s + start;
  a->value_len = i - start;
  *pos = i;
  return 1;
}

/* The attributes of one <meta> tag, *pos just after "<meta".  Returns the
 * declared encoding, -1 when this tag declares none, -2 when the input
 * ends inside the tag. */
static int prescan_meta(const unsigned char *s, size_t n, size_t *pos) {
  int seen_equiv = 0, seen_content = 0, seen_charset = 0;
  int got_pragma = 0, need_pragma = -1; /* -1: null, 0: false, 1: true */
  int enc = -1, have = 0;               /* have: 0 null, 1 set, -1 failure */
  attr a;
  int r;
  while ((r = get_attr(s, n, pos, &a)) == 1) {
    if (ieq(a.name, a.name_len, "http-equiv")) {
      if (seen_equiv++)
        continue;
      if (ieq(a.value, a.value_len, "content-type"))
        got_pragma = 1;
    } else if (ieq(a.name, a.name_len, "content")) {
      size_t ls, ll;
      if (seen_content++ || have != 0)
        continue;
      if (pith__content_charset(a.value, a.value_len, &ls, &ll)) {
        int e = pith__label_encoding(a.value + ls, ll);
        if (e >= 0) {
          enc = e;
          have = 1;
          need_pragma = 1;
        }
      }
    } else if (ieq(a.name, a.name_len, "charset")) {
      if (seen_charset++)
        continue;
      enc = pith__label_encoding(a.value, a.value_len);
      have = enc >= 0 ? 1 : -1;
      need_pragma = 0;
    }
  }
  if (r < 0)
    return -2;
  if (need_pragma < 0 || (need_pragma == 1 && !got_pragma) || have != 1)
    return -1;
  /* A document that can declare itself in ASCII is not UTF-16. */
  if (enc == ENC_UTF_16LE || enc == ENC_UTF_16BE)
    enc = ENC_UTF_8;
  return enc;
}

/* The encoding declared by a <meta> tag in s[0..n), or -1. */
int pith__prescan(const unsigned char *s, size_t n) {
  size_t i = 0;
  while (i < n) {
    const unsigned char *lt = memchr(s + i, '<', n - i);
    if (!lt)
      return -1;
    i = (size_t)(lt - s);
    if (istarts(s + i, n - i, "<!--", 4)) {
      /* Skip to the end of the comment; "<!-->" is a whole comment. */
      size_t j = i + 2;
      while (j + 3 <= n && !(s[j] == '-' && s[j + 1] == '-' && s[j + 2] == '>'))
        j++;
      if (j + 3 > n)
        return -1;
      i = j + 3;
      continue;
    }
    if (istarts(s + i, n - i, "<meta", 5) && i + 5 < n &&
        (is_html_sp(s[i + 5]) || s[i + 5] == '/')) {
      int enc;
      i += 5;
      enc = prescan_meta(s, n, &i);
      if (enc >= 0)
        return enc;
      if (enc == -2)
        return -1;
      i++;
      continue;
    }
    if (i + 1 < n && (is_alpha(s[i + 1]) ||
                      (s[i + 1] == '/' && i + 2 < n && is_alpha(s[i + 2])))) {
      /* Another tag: skip its attributes, whose values may contain '<'. */
      attr a;
      int r;
      i++;
      while (i < n && !is_html_sp(s[i]) && s[i] != '>')
        i++;
      while ((r = get_attr(s, n, &i, &a)) == 1)
        ;
      if (r < 0)
        return -1;
      i++;
      continue;
    }
    if (i + 1 < n && (s[i + 1] == '!' || s[i + 1] == '/' || s[i + 1] == '?')) {
      const unsigned char *gt = memchr(s + i + 1, '>', n - i - 1);
      if (!gt)
        return -1;
      i = (size_t)(gt - s) + 1;
      continue;
    }
    i++;
  }
  return -1;
}
