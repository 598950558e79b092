/* SPDX-License-Identifier: MIT */
/*
 * decode.c - the charset stage: raw page bytes in, valid UTF-8 out.
 *
 * Detection follows the order a browser uses for a page from disk: a
 * byte-order mark, then a <meta> charset found by the WHATWG "prescan" of
 * the first bytes (a small tokenizer that skips comments and other tags'
 * attributes, so no libxml2 is needed this early), then the caller's hint,
 * then a guess.  UTF-8 is by far the most common input, so its path is a
 * validating scan that copies whole valid runs with one memcpy and looks at
 * 16 ASCII bytes per step; windows-1252 and UTF-16 are decoded by hand, and
 * the other legacy charsets go through iconv, whose output is re-checked by
 * the UTF-8 path so the result is valid UTF-8 whatever iconv does.  The
 * decoded text then goes through the mojibake repair (mojibake.c).
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "mojibake.h"

#ifdef PITH_HAVE_UCHARDET
#include <uchardet.h>
#endif

/* How much of the page the <meta> prescan looks at. */
/* How much of an undeclared page the charset detector reads. */
#define GUESS_MAX (256 * 1024)
#define PRESCAN_MAX 4096

/* Input bytes handled per output reservation on the hand-written paths. */
#define BLOCK 4096

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* X(id, canonical name, iconv name): every charset we decode.  The first
 * four are decoded by hand (NULL iconv name).  Legacy charsets use the
 * iconv name of the superset browsers actually decode: Shift_JIS is
 * windows-31j (CP932), EUC-KR is windows-949 (CP949), GBK is GB18030 and
 * Big5 is Big5-HKSCS, as in the WHATWG Encoding standard. */
#define ENCODING_LIST(X)                                                       \
  X(UTF_8, "UTF-8", NULL)                                                      \
  X(UTF_16LE, "UTF-16LE", NULL)                                                \
  X(UTF_16BE, "UTF-16BE", NULL)                                                \
  X(WINDOWS_1252, "WINDOWS-1252", NULL)                                        \
  X(IBM866, "IBM866", "IBM866")                                                \
  X(ISO_8859_2, "ISO-8859-2", "ISO-8859-2")                                    \
  X(ISO_8859_3, "ISO-8859-3", "ISO-8859-3")                                    \
  X(ISO_8859_4, "ISO-8859-4", "ISO-8859-4")                                    \
  X(ISO_8859_5, "ISO-8859-5", "ISO-8859-5")                                    \
  X(ISO_8859_6, "ISO-8859-6", "ISO-8859-6")                                    \
  X(ISO_8859_7, "ISO-8859-7", "ISO-8859-7")                                    \
  X(ISO_8859_8, "ISO-8859-8", "ISO-8859-8")                                    \
  X(ISO_8859_8_I, "ISO-8859-8-I", "ISO-8859-8")                                \
  X(ISO_8859_10, "ISO-8859-10", "ISO-8859-10")                                 \
  X(ISO_8859_13, "ISO-8859-13", "ISO-8859-13")                                 \
  X(ISO_8859_14, "ISO-8859-14", "ISO-8859-14")                                 \
  X(ISO_8859_15, "ISO-8859-15", "ISO-8859-15")                                 \
  X(ISO_8859_16, "ISO-8859-16", "ISO-8859-16")                                 \
  X(KOI8_R, "KOI8-R", "KOI8-R")                                                \
  X(KOI8_U, "KOI8-U", "KOI8-U")                                                \
  X(MACINTOSH, "MACINTOSH", "MACINTOSH")                                       \
  X(WINDOWS_874, "WINDOWS-874", "CP874")                                       \
  X(WINDOWS_1250, "WINDOWS-1250", "CP1250")                                    \
  X(WINDOWS_1251, "WINDOWS-1251", "CP1251")                                    \
  X(WINDOWS_1253, "WINDOWS-1253", "CP1253")                                    \
  X(WINDOWS_1254, "WINDOWS-1254", "CP1254")                                    \
  X(WINDOWS_1255, "WINDOWS-1255", "CP1255")                                    \
  X(WINDOWS_1256, "WINDOWS-1256", "CP1256")                                    \
  X(WINDOWS_1257, "WINDOWS-1257", "CP1257")                                    \
  X(WINDOWS_1258, "WINDOWS-1258", "CP1258")                                    \
  X(X_MAC_CYRILLIC, "X-MAC-CYRILLIC", "MAC-UK")                                \
  X(GBK, "GBK", "GB18030")                                                     \
  X(GB18030, "GB18030", "GB18030")                                             \
  X(BIG5, "BIG5", "BIG5-HKSCS")                                                \
  X(EUC_JP, "EUC-JP", "EUC-JP")                                                \
  X(ISO_2022_JP, "ISO-2022-JP", "ISO-2022-JP")                                 \
  X(SHIFT_JIS, "SHIFT_JIS", "CP932")                                           \
  X(EUC_KR, "EUC-KR", "CP949")

enum {
#define X(id, name, iconv_name) ENC_##id,
  ENCODING_LIST(X)
#undef X
      ENC_COUNT
};

static const struct {
  const char *name;
  const char *iconv_name;
} encodings[ENC_COUNT] = {
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

static void buf_put_cp(pith_buf *out, uint32_t cp) {
  unsigned char tmp[4];
  size_t n = put_utf8((char *)tmp, cp);
  pith__buf_append(out, (const char *)tmp, n);
}

/* The code point of a byte >= 0x80 read as windows-1252. */
static uint32_t cp1252(unsigned c) {
  return c < 0xA0 ? pith__cp1252_c1[c - 0x80] : c;
}

/* ---- labels ------------------------------------------------------------- */

/* The encoding for a label (WHATWG "get an encoding"), or -1 if unknown. */
static int label_encoding(const unsigned char *s, size_t n) {
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
static int content_charset(const unsigned char *s, size_t n, size_t *start,
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
      if (content_charset(a.value, a.value_len, &ls, &ll)) {
        int e = label_encoding(a.value + ls, ll);
        if (e >= 0) {
          enc = e;
          have = 1;
          need_pragma = 1;
        }
      }
    } else if (ieq(a.name, a.name_len, "charset")) {
      if (seen_charset++)
        continue;
      enc = label_encoding(a.value, a.value_len);
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
static int prescan(const unsigned char *s, size_t n) {
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

/* ---- UTF-8 -------------------------------------------------------------- */

/* For a word of bytes, a mask with the top bit set in each byte that is
 * NUL or >= 0x80.  Bytes below the first flagged one are 0x01..0x7F, so
 * x - 1 cannot borrow across them and the lowest flag is exact. */
static uint64_t stop_mask(uint64_t w) { return (w | (w - ONES)) & HIGH; }

#if defined(__GNUC__) && defined(__BYTE_ORDER__) &&                            \
    __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
#define FIRST_FLAGGED(m) ((size_t)__builtin_ctzll(m) >> 3)
#elif defined(__GNUC__) && defined(__BYTE_ORDER__) &&                          \
    __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
#define FIRST_FLAGGED(m) ((size_t)__builtin_clzll(m) >> 3)
#endif

/* The number of leading bytes of s[0..len) in 0x01..0x7F. */
static size_t ascii_run(const unsigned char *s, size_t len) {
  size_t i = 0;
  while (len - i >= 16) {
    uint64_t a, b, ma, mb;
    memcpy(&a, s + i, 8);
    memcpy(&b, s + i + 8, 8);
    ma = stop_mask(a);
    mb = stop_mask(b);
    if (ma | mb) {
#ifdef FIRST_FLAGGED
      return i + (ma ? FIRST_FLAGGED(ma) : 8 + FIRST_FLAGGED(mb));
#else
      break;
#endif
    }
    i += 16;
  }
  while (i < len && s[i] - 1u < 0x7Fu)
    i++;
  return i;
}

/* The length of the longest prefix of s[0..len) that is valid UTF-8 and
 * has no NUL byte.  Sets *multi when it passes a multi-byte sequence. */
static size_t utf8_span(const unsigned char *s, size_t len, int *multi) {
  size_t i = 0;
  for (;;) {
    i += ascii_run(s + i, len - i);
    if (i >= len)
      return len;
    /* A run of multi-byte sequences, as in Cyrillic or CJK text. */
    for (;;) {
      unsigned c = s[i], c1, lo, hi;
      if (c < 0x80)
        break;
      if (c < 0xC2) /* continuation byte, or overlong 2-byte lead */
        return i;
      if (c < 0xE0) {
        if (len - i < 2 || (s[i + 1] & 0xC0) != 0x80)
          return i;
        i += 2;
      } else if (c < 0xF0) {
        if (len - i < 3)
          return i;
        c1 = s[i + 1];
        lo = c == 0xE0 ? 0xA0 : 0x80; /* overlong */
        hi = c == 0xED ? 0x9F : 0xBF; /* surrogates */
        if (c1 < lo || c1 > hi || (s[i + 2] & 0xC0) != 0x80)
          return i;
        i += 3;
      } else if (c < 0xF5) {
        if (len - i < 4)
          return i;
        c1 = s[i + 1];
        lo = c == 0xF0 ? 0x90 : 0x80; /* overlong */
        hi = c == 0xF4 ? 0x8F : 0xBF; /* above U+10FFFF */
        if (c1 < lo || c1 > hi || (s[i + 2] & 0xC0) != 0x80 ||
            (s[i + 3] & 0xC0) != 0x80)
          return i;
        i += 4;
      } else {
        return i;
      }
      *multi = 1;
      if (i >= len)
        return len;
    }
    if (s[i] == 0)
      return i;
  }
}

/* -1 if s[0..len) is not valid UTF-8, 0 if it is pure ASCII, 1 if it is
 * valid UTF-8 with at least one multi-byte sequence.  NULs are allowed.
 * *clean gets the length of the leading part that is valid and NUL-free,
 * which decode_utf8 then need not check again. */
static int utf8_classify(const unsigned char *s, size_t len, size_t *clean) {
  int multi = 0;
  size_t i = utf8_span(s, len, &multi);
  *clean = i;
  for (;;) {
    if (i >= len)
      return multi;
    if (s[i] != 0)
      return -1;
    i++;
    i += utf8_span(s + i, len - i, &multi);
  }
}

int pith__utf8_valid(const char *s, size_t len) {
  size_t clean;
  return len == 0 || utf8_classify((const unsigned char *)s, len, &clean) >= 0;
}

/* Valid runs are copied whole; a NUL becomes U+FFFD and every other byte
 * that does not start a valid sequence is read as windows-1252.  The first
 * `clean` bytes are already known to be valid and NUL-free. */
static void decode_utf8(const unsigned char *s, size_t len, size_t clean,
                        pith_buf *out) {
  size_t i = clean;
  int multi = 0;
  pith__buf_reserve(out, len);
  pith__buf_append(out, (const char *)s, clean);
  while (i < len && !out->oom) {
    size_t n = utf8_span(s + i, len - i, &multi);
    pith__buf_append(out, (const char *)s + i, n);
    i += n;
    if (i >= len)
      break;
    buf_put_cp(out, s[i] ? cp1252(s[i]) : 0xFFFD);
    i++;
  }
}

/* ---- windows-1252 and UTF-16 -------------------------------------------- */

static void decode_cp1252(const unsigned char *s, size_t len, pith_buf *out) {
  size_t i = 0;
  while (i < len) {
    size_t blk = len - i < BLOCK ? len - i : BLOCK;
    const unsigned char *p = s + i, *e = p + blk;
    unsigned char *o;
    if (!pith__buf_reserve(out, blk * 3))
      return;
    o = (unsigned char *)out->data + out->len;
    while (p < e) {
      unsigned c;
      while (e - p >= 8) {
        uint64_t w;
        memcpy(&w, p, 8);
        if ((w | (w - ONES)) & HIGH)
          break;
        memcpy(o, &w, 8);
        o += 8;
        p += 8;
      }
      if (p >= e)
        break;
      c = *p++;
      if (c >= 0x80)
        o += put_utf8((char *)o, cp1252(c));
      else if (c == 0)
        o += put_utf8((char *)o, 0xFFFD);
      else
        *o++ = (unsigned char)c;
    }
    out->len = (size_t)(o - (unsigned char *)out->data);
    out->data[out->len] = '\0';
    i += blk;
  }
}

static void decode_utf16(const unsigned char *s, size_t len, int be,
                         pith_buf *out) {
  size_t i = 0, end = len & ~(size_t)1;
  int h = be ? 0 : 1; /* index of the high byte in a code unit */
  while (i < end) {
    size_t stop = end - i < BLOCK ? end : i + BLOCK;
    unsigned char *o;
    /* <= 3 bytes out per 2 in, plus one surrogate pair past `stop`. */
    if (!pith__buf_reserve(out, 2 * (stop - i) + 8))
      return;
    o = (unsigned char *)out->data + out->len;
    while (i < stop) {
      uint32_t u = (uint32_t)s[i + h] << 8 | s[i + 1 - h];
      i += 2;
      if (u - 0xD800u < 0x800u) {
        uint32_t lead = u;
        u = 0xFFFD;
        if (lead < 0xDC00 && i < end) {
          uint32_t u2 = (uint32_t)s[i + h] << 8 | s[i + 1 - h];
          if (u2 - 0xDC00u < 0x400u) {
            u = 0x10000 + ((lead - 0xD800) << 10) + (u2 - 0xDC00);
            i += 2;
          }
        }
      } else if (u == 0) {
        u = 0xFFFD;
      }
      o += put_utf8((char *)o, u);
    }
    out->len = (size_t)(o - (unsigned char *)out->data);
    out->data[out->len] = '\0';
  }
  if (len & 1)
    buf_put_cp(out, 0xFFFD);
}

/* ---- iconv -------------------------------------------------------------- */

/* Decode through iconv.  Returns 0, or -1 if iconv cannot open the
 * charset (nothing is written then).  A byte iconv rejects becomes U+FFFD
 * and decoding resumes at the next byte. */
static int decode_iconv(const char *name, const unsigned char *s, size_t len,
                        pith_buf *out) {
  char tmp[8192];
  char *in = (char *)s, *o;
  size_t inleft = len, oleft;
  iconv_t cd = iconv_open("UTF-8", name);
  if (cd == (iconv_t)-1)
    return -1;
  pith__buf_reserve(out, len + len / 2);
  while (inleft > 0 && !out->oom) {
    size_t r;
    int err;
    o = tmp;
    oleft = sizeof tmp;
    errno = 0;
    r = iconv(cd, &in, &inleft, &o, &oleft);
    err = errno;
    /* Re-check iconv's output: it also turns NULs into U+FFFD. */
    decode_utf8((const unsigned char *)tmp, (size_t)(o - tmp), 0, out);
    if (r == (size_t)-1 && err != E2BIG && inleft > 0) {
      /* EILSEQ, EINVAL (truncated at the end) or anything else. */
      buf_put_cp(out, 0xFFFD);
      in++;
      inleft--;
    }
  }
  o = tmp;
  oleft = sizeof tmp;
  iconv(cd, NULL, NULL, &o, &oleft); /* flush shift state */
  decode_utf8((const unsigned char *)tmp, (size_t)(o - tmp), 0, out);
  iconv_close(cd);
  return 0;
}

/* ---- detection ---------------------------------------------------------- */

/* The encoding named by the caller's hint: a bare label, or a whole
 * Content-Type value ("text/html; charset=utf-8").  A UTF-16 hint is only
 * believed when the bytes look like UTF-16 (NULs in the first 1 KiB), and
 * then the NULs' positions pick the byte order. */
static int hint_encoding(const char *hint, const unsigned char *s, size_t len) {
  const unsigned char *h = (const unsigned char *)hint;
  size_t n = strlen(hint), ls, ll;
  int enc;
  if (content_charset(h, n, &ls, &ll)) {
    h += ls;
    n = ll;
  }
  while (n && (is_html_sp(h[0]) || h[0] == '"' || h[0] == '\'')) {
    h++;
    n--;
  }
  while (n && (is_html_sp(h[n - 1]) || h[n - 1] == '"' || h[n - 1] == '\''))
    n--;
  enc = label_encoding(h, n);
  if (enc == ENC_UTF_16LE || enc == ENC_UTF_16BE) {
    size_t i, zero[2] = {0, 0};
    for (i = 0; i < len && i < 1024; i++)
      zero[i & 1] += s[i] == 0;
    if (zero[0] == zero[1])
      return -1;
    enc = zero[0] > zero[1] ? ENC_UTF_16BE : ENC_UTF_16LE;
  }
  return enc;
}

/* UTF-16 without a byte-order mark: in the first 1 KiB, at least 3 in 4
 * bytes of one parity are NUL and few of the other (markup and Latin text
 * in UTF-16 have a NUL high byte).  Returns the encoding, or -1. */
static int guess_utf16(const unsigned char *s, size_t len) {
  size_t i, zero[2] = {0, 0}, n = len < 1024 ? len : 1024;
  if (n < 16)
    return -1;
  for (i = 0; i < n; i++)
    zero[i & 1] += s[i] == 0;
  if (zero[1] * 8 >= n * 3 && zero[0] * 8 < zero[1])
    return ENC_UTF_16LE;
  if (zero[0] * 8 >= n * 3 && zero[1] * 8 < zero[0])
    return ENC_UTF_16BE;
  return -1;
}

#ifdef PITH_HAVE_UCHARDET
/* The encoding of a charset name that uchardet gives, or -1: its names
 * are WHATWG labels but for a few. */
static int detected_encoding(const char *name) {
  if (!name || !*name || !strcmp(name, "UTF-8"))
    return -1; /* the bytes are not UTF-8: the windows-1252 reading */
  if (!strcmp(name, "MAC-CYRILLIC"))
    return ENC_X_MAC_CYRILLIC;
  if (!strcmp(name, "ISO-8859-11"))
    return ENC_WINDOWS_874;
  if (!strcmp(name, "UHC"))
    return ENC_EUC_KR; /* Unified Hangul Code: CP949, what EUC-KR decodes */
  unsigned char low[32];
  size_t n = strlen(name);
  if (n >= sizeof low)
    return -1;
  for (size_t i = 0; i < n; i++)
    low[i] = lower((unsigned char)name[i]);
  int enc = label_encoding(low, n);
  switch (enc) {
  case ENC_UTF_16LE:
  case ENC_UTF_16BE:
  /* The Latin charsets differ from windows-1252 in a few letters, which
   * the detector tells apart poorly on short or mostly-English text: the
   * windows-1252 reading (what browsers do) is kept for them. */
  case ENC_ISO_8859_2:
  case ENC_ISO_8859_3:
  case ENC_ISO_8859_4:
  case ENC_ISO_8859_10:
  case ENC_ISO_8859_13:
  case ENC_ISO_8859_14:
  case ENC_ISO_8859_15:
  case ENC_ISO_8859_16:
  case ENC_MACINTOSH:
  case ENC_WINDOWS_1250:
  case ENC_WINDOWS_1254:
  case ENC_WINDOWS_1257:
  case ENC_WINDOWS_1258:
    return -1;
  default:
    return enc;
  }
}
#endif

/* The charset of bytes that are not UTF-8 and declare none: Mozilla's
 * universal charset detector (uchardet) when built with it, over the
 * first GUESS_MAX bytes; windows-1252 when it has no answer, or one we do
 * not decode. */
/* ---- double-byte rescue ------------------------------------------------ */

/* A page in a double-byte charset whose text is mostly ASCII (an English
 * page served as GBK or Shift_JIS, with curly quotes and dashes as its
 * only non-ASCII characters) gives the statistical detector too little to
 * go on, and it answers with a Latin charset, or a wrong Asian one.  Read as
 * windows-1252, such bytes are implausible: bytes 1252 leaves undefined
 * (Shift_JIS's lead 0x81), or two symbols in a row ("\xa1\xb0" for GBK's left
 * double quote).  When that happens often, the structure of each double-byte
 * charset is checked instead: the bytes must form valid characters only,
 * and those are scored by how common they are (symbols, kana, hangul, the
 * frequent hanzi and kanji); the best scorer wins. */

/* The five bytes windows-1252 leaves undefined. */
static int w1252_undefined(unsigned c) {
  return c == 0x81 || c == 0x8D || c == 0x8F || c == 0x90 || c == 0x9D;
}

/* How many places in s[0..len) are implausible as windows-1252. */
static size_t w1252_implausible(const unsigned char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++) {
    if (s[i] < 0x80)
      continue;
    if (w1252_undefined(s[i]))
      n++;
    else if (i + 1 < len && s[i] <= 0xBF && s[i + 1] >= 0x80 &&
             s[i + 1] <= 0xBF) {
      n++;
      i++;
    }
  }
  return n;
}

enum { DB_GBK, DB_EUC_KR, DB_SHIFT_JIS, DB_BIG5, DB_COUNT };

/* Read s[0..len) as double-byte charset `cs`: 0 with *common and *rare
 * counted (common: symbols, kana, hangul, the frequent hanzi and kanji;
 * rare: extension areas, half-width katakana), or -1 when the bytes are
 * not valid in it. */
static int db_count(int cs, const unsigned char *s, size_t len, long *common,
                    long *rare, long *letters) {
  *common = *rare = *letters = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned a = s[i], b = i + 1 < len ? s[i + 1] : 0;
    if (a < 0x80)
      continue;
    int ok = 0, usual = 0;
    switch (cs) {
    case DB_GBK: /* GB2312's area (both bytes A1..FE), GBK's symbols */
      ok = a >= 0x81 && a <= 0xFE && b >= 0x40 && b <= 0xFE && b != 0x7F;
      usual = (a >= 0xA1 && a <= 0xF7 && b >= 0xA1) ||
              ((a == 0xA8 || a == 0xA9) && b < 0xA1);
      break;
    case DB_EUC_KR: /* KS X 1001: both A1..FE; CP949 adds 81..C6 leads */
      ok = a >= 0x81 && a <= 0xFE && b >= 0x41 && b <= 0xFE &&
           (b >= 0x81 || b <= 0x5A || (b >= 0x61 && b <= 0x7A));
      usual = a >= 0xA1 && b >= 0xA1;
      break;
    case DB_SHIFT_JIS:
      if (a >= 0xA1 && a <= 0xDF) { /* half-width katakana: one byte */
        ++*rare;
        continue;
      }
      ok = ((a >= 0x81 && a <= 0x9F) || (a >= 0xE0 && a <= 0xFC)) &&
           b >= 0x40 && b <= 0xFC && b != 0x7F;
      usual = (a >= 0x81 && a <= 0x84) || (a >= 0x88 && a <= 0x9F);
      break;
    default: /* Big5 */
      ok = a >= 0xA1 && a <= 0xF9 &&
           ((b >= 0x40 && b <= 0x7E) || (b >= 0xA1 && b <= 0xFE));
      usual = a <= 0xC6;
      break;
    }
    if (!ok)
      return -1;
    ++*(usual ? common : rare);
    /* Past the symbol rows: hanzi, hangul, kanji - real text. */
    *letters += a >= (cs == DB_BIG5        ? 0xA4u
                      : cs == DB_SHIFT_JIS ? 0x88u
                                           : 0xB0u);
    i++;
  }
  return 0;
}

/* The double-byte charset s[0..len) is written in, when windows-1252 is
 * implausible for it: the one in which the bytes are valid with the most
 * common characters (at least 2, and no fewer than rare ones).  A tie
 * (GBK and EUC-KR share their byte structure, and punctuation rows with
 * Big5) goes to the detector's answer `detected` when there is real text
 * (10 characters or more past the symbol rows), else to the first of GBK,
 * EUC-KR, Shift_JIS and Big5: on symbols alone the detector guesses.
 * -1 when none. */
static int double_byte_rescue(const unsigned char *s, size_t len,
                              int detected) {
  static const int encs[DB_COUNT] = {ENC_GBK, ENC_EUC_KR, ENC_SHIFT_JIS,
                                     ENC_BIG5};
  if (w1252_implausible(s, len) < 2)
    return -1;
  long best = 1;
  int enc = -1;
  for (int cs = 0; cs < DB_COUNT; cs++) {
    long common, rare, letters;
    if (db_count(cs, s, len, &common, &rare, &letters) < 0 || common < rare)
      continue;
    int named = encs[cs] == detected ||
                (encs[cs] == ENC_GBK && detected == ENC_GB18030);
    if (common > best || (common == best && named && letters >= 10)) {
      best = common;
      enc = encs[cs];
    }
  }
  if (enc == ENC_GBK && detected == ENC_GB18030)
    enc = ENC_GB18030; /* the same bytes; keep the detector's name */
  return enc;
}

/* ISO-8859-7 puts the right single quote, the apostrophe of English
 * text, at 0xA2, which windows-1252 reads as a cent sign: "don\xa2t".
 * A cent sign between two ASCII letters, at least twice, is that
 * apostrophe; no Latin charset writes it there. */
static int greek_apostrophes(const unsigned char *s, size_t len) {
  size_t n = 0;
  for (size_t i = 1; i + 1 < len; i++)
    if (s[i] == 0xA2 && is_alpha(s[i - 1]) && is_alpha(s[i + 1]))
      n++;
  return n >= 2;
}

static int guess_legacy(const unsigned char *s, size_t all) {
  int enc = -1;
  size_t len = all < GUESS_MAX ? all : GUESS_MAX;
#ifdef PITH_HAVE_UCHARDET
  uchardet_t ud = uchardet_new();
  if (ud) {
    if (uchardet_handle_data(ud, (const char *)s,
                             len < GUESS_MAX ? len : GUESS_MAX) == 0) {
      uchardet_data_end(ud);
      enc = detected_encoding(uchardet_get_charset(ud));
    }
    uchardet_delete(ud);
  }
#endif
  int db = double_byte_rescue(s, len, enc);
  if (db >= 0)
    enc = db;
  else if ((enc < 0 || enc == ENC_WINDOWS_1252) && greek_apostrophes(s, all))
    enc = ENC_ISO_8859_7;
  return enc >= 0 ? enc : ENC_WINDOWS_1252;
}

int pith__decode(const char *buf, size_t len, const char *hint, pith_buf *out,
                 char charset[32]) {
  const unsigned char *s = (const unsigned char *)buf;
  int enc = -1, declared = 0;
  size_t clean = 0; /* leading bytes known to be valid, NUL-free UTF-8 */
  size_t start = out->len;
  if (!s || len == 0) {
    s = (const unsigned char *)""; /* no arithmetic on a NULL pointer */
    len = 0;
  }
  if (len >= 3 && s[0] == 0xEF && s[1] == 0xBB && s[2] == 0xBF) {
    enc = ENC_UTF_8;
    s += 3;
    len -= 3;
  } else if (len >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    enc = ENC_UTF_16LE;
    s += 2;
    len -= 2;
  } else if (len >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    enc = ENC_UTF_16BE;
    s += 2;
    len -= 2;
  } else {
    enc = prescan(s, len < PRESCAN_MAX ? len : PRESCAN_MAX);
    if (enc < 0 && hint)
      enc = hint_encoding(hint, s, len);
    declared = enc >= 0;
  }

  /* Guess; or overrule a legacy label on bytes that are clearly UTF-8
   * (common with server defaults and copied templates: a page that says
   * gb2312 or windows-1252 but is written in UTF-8; legacy text with
   * bytes over 0x7F is practically never valid UTF-8 by accident).
   * `clean` remembers how much the check proved valid, so that part is
   * not checked twice. */
  if (enc < 0 || (declared && enc != ENC_UTF_8 && enc != ENC_UTF_16LE &&
                  enc != ENC_UTF_16BE)) {
    int cls = enc < 0 && (enc = guess_utf16(s, len)) >= 0
                  ? 0
                  : utf8_classify(s, len, &clean);
    if (enc < 0)
      enc = cls >= 0 ? ENC_UTF_8 : guess_legacy(s, len);
    else if (declared && cls > 0)
      enc = ENC_UTF_8;
  }

  pith__buf_append(out, "", 0); /* out->data is never NULL on success */
  if (encodings[enc].iconv_name &&
      decode_iconv(encodings[enc].iconv_name, s, len, out) < 0)
    enc = utf8_classify(s, len, &clean) >= 0 ? ENC_UTF_8 : ENC_WINDOWS_1252;
  switch (enc) {
  case ENC_UTF_8:
    decode_utf8(s, len, clean, out);
    break;
  case ENC_WINDOWS_1252:
    decode_cp1252(s, len, out);
    break;
  case ENC_UTF_16LE:
  case ENC_UTF_16BE:
    decode_utf16(s, len, enc == ENC_UTF_16BE, out);
    break;
  default:
    break; /* done by iconv above */
  }

  pith__mojibake_repair(out, start);

  memcpy(charset, encodings[enc].name, strlen(encodings[enc].name) + 1);
  return out->oom ? -1 : 0;
}
