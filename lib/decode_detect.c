/* SPDX-License-Identifier: MIT */
/*
 * decode_detect.c - the charset of a page that declares none, for the
 * charset stage (decode.c): the caller's hint, UTF-16 by the place of its
 * NUL bytes, Mozilla's universal charset detector (uchardet, when built
 * with it) for the legacy charsets, and the structural checks that rescue
 * double-byte pages (GBK, EUC-KR, Shift_JIS, Big5) and Greek ones the
 * detector gets wrong.
 */
#include "decode_int.h"

#include <stdint.h>
#include <string.h>

#include "chars.h"

#ifdef PITH_HAVE_UCHARDET
#include <uchardet.h>
#endif

/* How much of an undeclared page the charset detector reads. */
#define GUESS_MAX (256 * 1024)

/* ---- detection ---------------------------------------------------------- */

/* The encoding named by the caller's hint: a bare label, or a whole
 * Content-Type value ("text/html; charset=utf-8").  A UTF-16 hint is only
 * believed when the bytes look like UTF-16 (NULs in the first 1 KiB), and
 * then the NULs' positions pick the byte order. */
int pith__hint_encoding(const char *hint, const unsigned char *s, size_t len) {
  const unsigned char *h = (const unsigned char *)hint;
  size_t n = strlen(hint), ls, ll;
  int enc;
  if (pith__content_charset(h, n, &ls, &ll)) {
    h += ls;
    n = ll;
  }
  while (n && (is_html_sp(h[0]) || h[0] == '"' || h[0] == '\'')) {
    h++;
    n--;
  }
  while (n && (is_html_sp(h[n - 1]) || h[n - 1] == '"' || h[n - 1] == '\''))
    n--;
  enc = pith__label_encoding(h, n);
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
int pith__guess_utf16(const unsigned char *s, size_t len) {
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
  int enc = pith__label_encoding(low, n);
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

int pith__guess_legacy(const unsigned char *s, size_t all) {
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
