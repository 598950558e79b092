/* SPDX-License-Identifier: MIT */
/*
 * test_decode.c - unit tests for the charset stage (lib/decode.c).
 *
 * Each case feeds raw bytes (and maybe a hint) to pith__decode and checks
 * the UTF-8 text and the charset name it reports: byte-order marks, <meta>
 * declarations and their traps (comments, attribute values, missing
 * http-equiv), hints, WHATWG label mapping, iconv charsets, invalid and
 * truncated input.  A seeded random-bytes loop checks that the output is
 * always valid UTF-8 without NULs, whatever the input.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "decode.h"
#include "harness.h"

#define FFFD "\xEF\xBF\xBD"

/* Output is valid UTF-8 with no NUL inside, and out->data is set. */
static int sane(const pith_buf *b) {
  return b->data && strlen(b->data) == b->len &&
         pith__utf8_valid(b->data, b->len);
}

/* Decode in[0..len) with `hint`; check the text, the charset and sanity. */
static void dec(const char *in, size_t len, const char *hint, const char *want,
                const char *want_cs, const char *desc) {
  pith_buf out;
  char cs[32] = "";
  char d[160];
  int r;
  pith__buf_init(&out);
  r = pith__decode(in, len, hint, &out, cs);
  snprintf(d, sizeof d, "%s: text", desc);
  STR_EQ(r == 0 ? out.data : "(error)", want, d);
  snprintf(d, sizeof d, "%s: charset", desc);
  STR_EQ(cs, want_cs, d);
  snprintf(d, sizeof d, "%s: valid UTF-8, no NUL", desc);
  OK(sane(&out), d);
  pith__buf_free(&out);
}

#define DEC(lit, hint, want, cs, desc)                                         \
  dec((lit), sizeof(lit) - 1, (hint), (want), (cs), (desc))

static void test_bom(void) {
  DEC("\xEF\xBB\xBFhi", NULL, "hi", "UTF-8", "UTF-8 BOM removed");
  DEC("\xEF\xBB\xBF<meta charset=koi8-r>\xC3\xA9", "windows-1251",
      "<meta charset=koi8-r>\xC3\xA9", "UTF-8", "UTF-8 BOM beats meta, hint");
  DEC("\xFF\xFEh\0i\0\x3D\xD8\x00\xDE", NULL, "hi\xF0\x9F\x98\x80", "UTF-16LE",
      "UTF-16LE BOM with a surrogate pair");
  DEC("\xFE\xFF\0h\0\xE9\x20\xAC", NULL, "h\xC3\xA9\xE2\x82\xAC", "UTF-16BE",
      "UTF-16BE BOM");
  DEC("\xFF\xFE<\0m\0e\0t\0a\0 \0c\0h\0a\0r\0s\0e\0t\0=\0x\0>\0", "koi8-r",
      "<meta charset=x>", "UTF-16LE", "UTF-16LE BOM beats hint");
  DEC("\xFF\xFE", NULL, "", "UTF-16LE", "UTF-16LE BOM only");
}

static void test_utf16_broken(void) {
  DEC("\xFF\xFE"
      "a\0\x3D\xD8",
      NULL, "a" FFFD, "UTF-16LE", "UTF-16 high surrogate at end");
  DEC("\xFF\xFE"
      "a\0\x3D\xD8"
      "b",
      NULL, "a" FFFD FFFD, "UTF-16LE",
      "UTF-16 truncated: lone high surrogate, odd byte");
  DEC("\xFF\xFE\x3D\xD8"
      "A\0",
      NULL, FFFD "A", "UTF-16LE",
      "UTF-16 unpaired high surrogate keeps next unit");
  DEC("\xFE\xFF\xDE\x00\0B", NULL, FFFD "B", "UTF-16BE",
      "UTF-16 lone low surrogate");
  DEC("\xFF\xFE"
      "a\0\0\0b\0",
      NULL, "a" FFFD "b", "UTF-16LE", "UTF-16 NUL replaced");
}

static void test_meta(void) {
  DEC("<meta charset=\"windows-1251\">\xC0", NULL,
      "<meta charset=\"windows-1251\">\xD0\x90", "WINDOWS-1251",
      "meta charset quoted (iconv)");
  DEC("<META CHARSET = ISO-8859-1 >\x80", NULL,
      "<META CHARSET = ISO-8859-1 >\xE2\x82\xAC", "WINDOWS-1252",
      "meta charset unquoted, upper case, spaces; iso-8859-1 0x80 is euro");
  DEC("<meta charset='latin1'/>\xE9", NULL, "<meta charset='latin1'/>\xC3\xA9",
      "WINDOWS-1252", "meta charset single quotes, self-closing");
  DEC("<meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=Shift_JIS\">\x82\xA0",
      NULL,
      "<meta http-equiv=\"Content-Type\" "
      "content=\"text/html; charset=Shift_JIS\">\xE3\x81\x82",
      "SHIFT_JIS", "http-equiv Shift_JIS (iconv)");
  DEC("<meta content='text/html;charset = \"x-sjis\"' "
      "http-equiv=content-type>\x82\xA0",
      NULL,
      "<meta content='text/html;charset = \"x-sjis\"' "
      "http-equiv=content-type>\xE3\x81\x82",
      "SHIFT_JIS", "http-equiv after content, x-sjis label");
  DEC("<meta content=\"text/html; charset=koi8-r\">\xC3\xA9", NULL,
      "<meta content=\"text/html; charset=koi8-r\">\xC3\xA9", "UTF-8",
      "content charset without http-equiv is ignored");
  DEC("<!-- <meta charset=koi8-r> --><p>\xC3\xA9", NULL,
      "<!-- <meta charset=koi8-r> --><p>\xC3\xA9", "UTF-8",
      "meta inside a comment is ignored");
  DEC("<!--><meta charset=gb2312>\xC4\xE3", NULL,
      "<!--><meta charset=gb2312>\xE4\xBD\xA0", "GBK",
      "<!--> is a whole comment; gb2312 is GBK");
  DEC("<div title=\"<meta charset=koi8-r>\">\xC3\xA9", NULL,
      "<div title=\"<meta charset=koi8-r>\">\xC3\xA9", "UTF-8",
      "meta inside another tag's attribute is ignored");
  DEC("<meta charset=\"utf-16\"><p>\xC3\xA9", NULL,
      "<meta charset=\"utf-16\"><p>\xC3\xA9", "UTF-8",
      "meta utf-16 in an ASCII document means UTF-8");
  DEC("<meta charset=bogus><meta charset=iso-8859-2>\xA1", NULL,
      "<meta charset=bogus><meta charset=iso-8859-2>\xC4\x84", "ISO-8859-2",
      "unknown label skipped, next meta used");
  DEC("<meta name=x charset=utf8>\xC3\xA9", NULL,
      "<meta name=x charset=utf8>\xC3\xA9", "UTF-8", "utf8 label");
  DEC("<meta charset=unicode-1-1-utf-8>", NULL,
      "<meta charset=unicode-1-1-utf-8>", "UTF-8", "unicode-1-1-utf-8 label");
  DEC("<meta charset=gbk>\xC4\xE3", NULL, "<meta charset=gbk>\xE4\xBD\xA0",
      "GBK", "gbk label");
  DEC("<meta charset=\"iso-2022-jp\">\x1B$B$\"\x1B(B!", NULL,
      "<meta charset=\"iso-2022-jp\">\xE3\x81\x82!", "ISO-2022-JP",
      "stateful ISO-2022-JP (iconv)");
}

static void test_meta_limits(void) {
  static char page[6000];
  pith_buf out;
  char cs[32];
  size_t n;
  /* A declaration past the first 4096 bytes is not looked for. */
  memset(page, ' ', sizeof page);
  memcpy(page + 4500, "<meta charset=koi8-r>\xC1", 22);
  n = 4522;
  pith__buf_init(&out);
  INT_EQ(pith__decode(page, n, NULL, &out, cs), 0, "late meta: decodes");
  STR_EQ(cs, "WINDOWS-1252", "late meta: ignored, guessed windows-1252");
  OK(out.len == n + 1 && memcmp(out.data + n - 1, "\xC3\x81", 2) == 0,
     "late meta: 0xC1 read as windows-1252");
  pith__buf_free(&out);
  /* A meta tag cut off by the end of the input declares nothing. */
  DEC("<meta charset=\"koi8-r", NULL, "<meta charset=\"koi8-r", "UTF-8",
      "unterminated meta ignored");
}

static void test_hint(void) {
  DEC("<p>\xA1", "iso-8859-2", "<p>\xC4\x84", "ISO-8859-2",
      "hint used without declaration");
  DEC("<meta charset=utf-8>\xC3\xA9", "windows-1251",
      "<meta charset=utf-8>\xC3\xA9", "UTF-8", "declaration beats hint");
  DEC("<meta charset=bogus>\xC0", "windows-1251",
      "<meta charset=bogus>\xD0\x90", "WINDOWS-1251",
      "unknown declared label falls through to the hint");
  DEC("\xC4\xE3", " text/html; charset=\"GB2312\" ", "\xE4\xBD\xA0", "GBK",
      "hint as a Content-Type value");
  DEC("\x80", "US-ASCII", "\xE2\x82\xAC", "WINDOWS-1252",
      "us-ascii hint is windows-1252");
  DEC("\x80", "ascii", "\xE2\x82\xAC", "WINDOWS-1252",
      "ascii hint is windows-1252");
  DEC("\x82\xA0", "shift-jis", "\xE3\x81\x82", "SHIFT_JIS", "shift-jis hint");
  DEC("caf\xC3\xA9", "no-such-charset", "caf\xC3\xA9", "UTF-8",
      "unknown hint ignored");
  DEC("caf\xE9", "", "caf\xC3\xA9", "WINDOWS-1252", "empty hint ignored");
  DEC("a\0b\0", "utf-16", "ab", "UTF-16LE", "utf-16 hint on UTF-16 bytes");
  DEC("\0a\0b", "utf-16", "ab", "UTF-16BE", "utf-16 hint, byte order found");
  DEC("plain", "utf-16", "plain", "UTF-8", "utf-16 hint on ASCII ignored");
}

static void test_guess(void) {
  DEC("hello", NULL, "hello", "UTF-8", "ASCII guessed as UTF-8");
  DEC("caf\xC3\xA9", NULL, "caf\xC3\xA9", "UTF-8", "valid UTF-8 guessed");
  DEC("caf\xE9 \x93q\x94", NULL, "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D",
      "WINDOWS-1252", "invalid UTF-8 guessed as windows-1252");
  DEC("\x81\x8D\x8F\x90\x9D\x9F", "windows-1252",
      FFFD FFFD FFFD FFFD FFFD "\xC5\xB8", "WINDOWS-1252",
      "undefined windows-1252 bytes become U+FFFD");
  /* Mostly-ASCII text in a double-byte charset: the detector has too
   * little to go on, the double-byte structure tells. */
  DEC("He said \xa1\xb0hello\xa1\xb1 to us \xa1\xaa and went home.", NULL,
      "He said \xe2\x80\x9chello\xe2\x80\x9d to us \xe2\x80\x94 and went "
      "home.",
      "GBK", "English with GBK quotes and a dash");
  DEC("He said \x81\x67hello\x81\x68 to us \x81\x63 and went home.", NULL,
      "He said \xe2\x80\x9chello\xe2\x80\x9d to us \xe2\x80\xa6 and went "
      "home.",
      "SHIFT_JIS", "English with Shift_JIS quotes and an ellipsis");
  DEC("Caf\xe9 cr\xe8me br\xfbl\xe9"
      "e, \xa9 2024 \xbb more",
      NULL,
      "Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9"
      "e, \xc2\xa9 2024 "
      "\xc2\xbb more",
      "WINDOWS-1252", "Latin accents stay windows-1252");
  DEC("It\xa2s here, isn\xa2t it? Prices: 5\xa2.", NULL,
      "It\xe2\x80\x99s here, isn\xe2\x80\x99t it? Prices: 5\xe2\x80\x99.",
      "ISO-8859-7", "English apostrophes in ISO-8859-7");
  DEC("A 5\xa2 stamp, a 10\xa2 coin.", NULL,
      "A 5\xc2\xa2 stamp, a 10\xc2\xa2 coin.", "WINDOWS-1252",
      "cent signs after digits stay windows-1252");
  DEC("<meta charset=iso-8859-1>caf\xC3\xA9", NULL,
      "<meta charset=iso-8859-1>caf\xC3\xA9", "UTF-8",
      "latin1 label on clearly-UTF-8 bytes is overruled");
  DEC("<meta charset=iso-8859-1>cafe", NULL, "<meta charset=iso-8859-1>cafe",
      "WINDOWS-1252", "latin1 label on ASCII is kept");
}

static void test_invalid_utf8(void) {
  /* Each bad byte is read as windows-1252. */
  DEC("<meta charset=utf-8>a\xE9"
      "b\xC3\xA9"
      "c\x80|\xED\xA0\x80|"
      "\xF4\x90\x80\x80|\xC0\xAF|\xE2\x82",
      NULL,
      "<meta charset=utf-8>a\xC3\xA9"
      "b\xC3\xA9"
      "c\xE2\x82\xAC|"
      "\xC3\xAD\xC2\xA0\xE2\x82\xAC|"
      "\xC3\xB4" FFFD "\xE2\x82\xAC\xE2\x82\xAC|\xC3\x80\xC2\xAF|"
      "\xC3\xA2\xE2\x80\x9A",
      "UTF-8", "invalid UTF-8 bytes read as windows-1252");
  DEC("\xEF\xBB\xBF\xF0\x9F\x98\x80\xF0\x9F\x98", NULL,
      "\xF0\x9F\x98\x80\xC3\xB0\xC5\xB8\xCB\x9C", "UTF-8",
      "truncated 4-byte sequence at end");
  DEC("\xEF\xBB\xBF\xFF\xFE\xF5", NULL, "\xC3\xBF\xC3\xBE\xC3\xB5", "UTF-8",
      "bytes never valid in UTF-8");
}

static void test_nul(void) {
  DEC("a\0b", NULL, "a" FFFD "b", "UTF-8", "NUL replaced (UTF-8)");
  DEC("\0", NULL, FFFD, "UTF-8", "lone NUL replaced");
  DEC("a\0\xE9", NULL, "a" FFFD "\xC3\xA9", "WINDOWS-1252",
      "NUL replaced (windows-1252)");
  DEC("<meta charset=koi8-r>\0\xC1", NULL,
      "<meta charset=koi8-r>" FFFD "\xD0\xB0", "KOI8-R",
      "NUL replaced (iconv)");
}

static void test_empty(void) {
  DEC("", NULL, "", "UTF-8", "empty input");
  DEC("", "shift_jis", "", "SHIFT_JIS", "empty input with hint");
  dec(NULL, 0, NULL, "", "UTF-8", "NULL input");
  DEC("\xEF\xBB\xBF", NULL, "", "UTF-8", "UTF-8 BOM only");
}

static void test_appends(void) {
  pith_buf out;
  char cs[32];
  pith__buf_init(&out);
  pith__buf_puts(&out, "x");
  INT_EQ(pith__decode("y\xE9", 2, NULL, &out, cs), 0, "appends: decodes");
  STR_EQ(out.data, "xy\xC3\xA9", "appends after existing buffer content");
  pith__buf_free(&out);
}

/* Every position of a multi-byte char / NUL / bad byte around the 16-byte
 * fast path must come out right. */
static void test_fast_path_edges(void) {
  char in[64], want[80];
  int ok_all = 1;
  size_t n, pos;
  for (n = 1; n <= 40; n++) {
    for (pos = 0; pos + 2 <= n; pos++) {
      pith_buf out;
      char cs[32];
      memset(in, 'a', n);
      memcpy(in + pos, "\xC3\xA9", 2);
      pith__buf_init(&out);
      if (pith__decode(in, n, NULL, &out, cs) != 0 || out.len != n ||
          memcmp(out.data, in, n) != 0 || strcmp(cs, "UTF-8") != 0)
        ok_all = 0;
      pith__buf_free(&out);
      /* Same with a NUL byte then a stray 0x80 after the é. */
      memset(in, 'a', n + 2);
      memcpy(in + pos, "\xC3\xA9\0\x80", 4);
      memset(want, 'a', n + 8);
      memcpy(want + pos, "\xC3\xA9" FFFD "\xE2\x82\xAC", 8);
      pith__buf_init(&out);
      if (pith__decode(in, n + 2, "utf-8", &out, cs) != 0 || out.len != n + 6 ||
          memcmp(out.data, want, n + 6) != 0)
        ok_all = 0;
      pith__buf_free(&out);
    }
  }
  OK(ok_all, "multi-byte, NUL and bad bytes at every offset");
}

static void test_utf8_valid(void) {
  OK(pith__utf8_valid("", 0), "utf8_valid: empty");
  OK(pith__utf8_valid("a\0b", 3), "utf8_valid: NUL is valid");
  OK(pith__utf8_valid("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xF4\x8F\xBF\xBF",
                      13),
     "utf8_valid: 2, 3, 4 bytes and U+10FFFF");
  OK(!pith__utf8_valid("\xC0\xAF", 2), "utf8_valid: overlong 2-byte");
  OK(!pith__utf8_valid("\xE0\x80\xAF", 3), "utf8_valid: overlong 3-byte");
  OK(!pith__utf8_valid("\xF0\x80\x80\xAF", 4), "utf8_valid: overlong 4-byte");
  OK(!pith__utf8_valid("\xED\xA0\x80", 3), "utf8_valid: surrogate");
  OK(!pith__utf8_valid("\xF4\x90\x80\x80", 4), "utf8_valid: above U+10FFFF");
  OK(!pith__utf8_valid("ab\xE2\x82", 4), "utf8_valid: truncated");
  OK(!pith__utf8_valid("\x80", 1), "utf8_valid: lone continuation");
}

/* Random bytes under every decoding path: the output must be sane. */
/* Mojibake repair: UTF-8 read as windows-1252 or Latin-1 and encoded
 * again.  MOJI cases are repaired, KEEP cases are legitimate text (or too
 * little evidence) and come out as they went in. */
#define MOJI(lit, want, desc) DEC(lit, NULL, want, "UTF-8", "mojibake: " desc)
#define KEEP(lit, desc) DEC(lit, NULL, lit, "UTF-8", "not mojibake: " desc)

static void test_mojibake(void) {
  MOJI("caf\xC3\x83\xC2\xA9 cr\xC3\x83\xC2\xA8me br\xC3\x83\xC2\xBBl\xC3\x83"
       "\xC2\xA9"
       "e",
       "caf\xC3\xA9 cr\xC3\xA8me br\xC3\xBBl\xC3\xA9"
       "e",
       "2-byte runs");
  MOJI("editor\xC3\xA2\xE2\x82\xAC\xE2\x84\xA2s \xC3\xA2\xE2\x82\xAC\xC5\x93"
       "guide\xC3\xA2\xE2\x82\xAC\xC2\x9D",
       "editor\xE2\x80\x99s \xE2\x80\x9Cguide\xE2\x80\x9D",
       "3-byte, windows-1252");
  MOJI("editor\xC3\xA2\xC2\x80\xC2\x99s", "editor\xE2\x80\x99s",
       "3-byte, Latin-1 (C1 controls), one is enough");
  MOJI("smile \xC3\xB0\xC5\xB8\xCB\x9C\xE2\x82\xAC \xC3\xB0\xC5\xB8\xCB\x9C\xE2"
       "\x82\xAC",
       "smile \xF0\x9F\x98\x80 \xF0\x9F\x98\x80", "4-byte");
  MOJI("na\xC3\xAFve caf\xC3\xA9 \xE2\x80\x94 it\xC3\xA2\xE2\x82\xAC\xE2\x84"
       "\xA2s \xC3\xA2\xE2\x82\xAC\xC5\x93"
       "done\xC3\xA2\xE2\x82\xAC\xC2\x9D \xC3\xA2\xE2\x82\xAC\xE2\x80\x9D ok",
       "na\xC3\xAFve caf\xC3\xA9 \xE2\x80\x94 it\xE2\x80\x99s \xE2\x80\x9C"
       "done\xE2\x80\x9D \xE2\x80\x94 ok",
       "mixed with good text");
  MOJI("don\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80\x9E\xC2"
       "\xA2t won\xC3\x83\xC2\xA2\xC3\xA2\xE2\x80\x9A\xC2\xAC\xC3\xA2\xE2\x80"
       "\x9E\xC2\xA2t",
       "don\xE2\x80\x99t won\xE2\x80\x99t", "mangled twice");
  MOJI("\xC3\x83\xC2\x81vila \xC3\xA2\xE2\x82\xAC\xC5\x93x\xC3\xA2\xE2\x82\xAC"
       "\xC2\x9D",
       "\xC3\x81vila \xE2\x80\x9Cx\xE2\x80\x9D",
       "undefined windows-1252 byte as a C1 control");
  MOJI(
      "\xC3\xA0\xC2\x80\xC2\x80 \xC3\xAD\xC2\xA0\xC2\x80 it\xC3\xA2\xC2\x80\xC2"
      "\x99s \xC3\xA2\xC2\x80",
      "\xC3\xA0\xC2\x80\xC2\x80 \xC3\xAD\xC2\xA0\xC2\x80 it\xE2\x80\x99s \xC3"
      "\xA2\xC2\x80",
      "overlong, surrogate and cut-off runs stay");
  DEC("<meta charset=windows-1252>it\xE2\x80\x99s caf\xE9, don\xE2\x80\x99t",
      NULL,
      "<meta charset=windows-1252>it\xE2\x80\x99s caf\xC3\xA9, don\xE2"
      "\x80\x99t",
      "WINDOWS-1252", "mojibake: UTF-8 bytes on a windows-1252 page");

  KEEP("\xC3\x82 alone", "A circumflex alone");
  KEEP("\xC3\xA0 \xC2\xAB guillemets", "a grave, space, guillemet");
  KEEP("\xC3\xA0\xC2\xA0\xC2\xAB guillemets", "a grave, no-break space");
  KEEP(
      "\xC2\xAB caf\xC3\xA9\xC2\xA0\xC2\xBB \xC2\xAB th\xC3\xA9\xC2\xA0\xC2\xBB"
      " \xC2\xAB \xC3\xA9t\xC3\xA9\xC2\xA0\xC2\xBB",
      "French quotes with no-break spaces");
  KEEP("isolated \xC3\x83 here", "isolated A tilde");
  KEEP("FLOR\xC3\x89\xC2\xAE FLOR\xC3\x89\xC2\xAE FLOR\xC3\x89\xC2\xAE "
       "FLOR\xC3\x89\xC2\xAE",
       "capital E acute before a registered sign");
  KEEP("Rosa \xC3\x97\xC2\xA0hybrida, Rosa \xC3\x97\xC2\xA0"
       "alba, Rosa \xC3\x97\xC2\xA0"
       "centifolia",
       "multiplication sign before a no-break space");
  KEEP("the \xE2\x80\x98\xC3\x9F\xE2\x80\x99 and \xE2\x80\x98\xE1\xBA\x9E\xE2"
       "\x80\x99 masks",
       "sharp s in quotes");
  KEEP("N\xC3\x83O S\xC3\x83O IRM\xC3\x83\xC2\xA0\xC2\xBB a\xC3\xA7\xC3\xA3o",
       "Portuguese capitals");
  KEEP("GRO\xC3\x9F\xE2\x80\x9C \xC2\xBBStra\xC3\x9F"
       "e\xC2\xAB \xC3\x96l",
       "German quotes");
  KEEP("A\xC3\x91O\xC2\xBB \xC2\xA1Ol\xC3\xA9! \xC2\xBFqu\xC3\xA9?", "Spanish");
  KEEP("I saw \"\xC3\x83\xC2\xA4\" instead of \"\xC3\xA4\", and \"\xC3\x83\xC2"
       "\xB6\" for \"\xC3\xB6\"",
       "text that quotes two examples");
  KEEP("caf\xC3\x83\xC2\xA9 once", "a single 2-byte run");
}

/* Random strings of characters that can spell mojibake (leads, both
 * kinds of continuation, no-break space, ASCII), cut anywhere: the
 * repair keeps the output valid UTF-8 without NULs and never longer. */
static void test_mojibake_random(void) {
  static const char *const parts[] = {"\xC3\x83",
                                      "\xC3\x82",
                                      "\xC3\xA2",
                                      "\xC3\xB0",
                                      "\xC3\xAD",
                                      "\xC3\xA0",
                                      "\xC3\xB4",
                                      "\xC3\x9F",
                                      "\xE2\x82\xAC",
                                      "\xE2\x80\x99",
                                      "\xC5\xB8",
                                      "\xCB\x9C",
                                      "\xC2\x80",
                                      "\xC2\x99",
                                      "\xC2\xA0",
                                      "\xC2\xA9",
                                      "\xC2\xBF",
                                      "a",
                                      " "};
  unsigned long x = 777;
  int ok_all = 1, iter;
  char in[300];
  for (iter = 0; iter < 3000; iter++) {
    size_t n = 0;
    pith_buf out;
    char cs[32];
    for (;;) {
      const char *p;
      size_t k;
      x = x * 6364136223846793005UL + 1442695040888963407UL;
      p = parts[(x >> 33) % (sizeof parts / sizeof parts[0])];
      k = strlen(p);
      if (n + k > sizeof in || (x >> 20) % 64 == 0)
        break;
      memcpy(in + n, p, k);
      n += k;
    }
    if (n && iter % 3 == 0)
      n--; /* cut inside a character */
    pith__buf_init(&out);
    if (pith__decode(in, n, NULL, &out, cs) != 0 || !sane(&out) ||
        (strcmp(cs, "UTF-8") == 0 && out.len > n))
      ok_all = 0;
    pith__buf_free(&out);
  }
  OK(ok_all, "3000 random mojibake strings give valid UTF-8, never longer");
}

static void test_random(void) {
  static const char *const prefixes[] = {
      "",
      "\xEF\xBB\xBF",
      "\xFF\xFE",
      "\xFE\xFF",
      "<meta charset=utf-8>",
      "<meta charset=windows-1252>",
      "<meta charset=shift_jis>",
      "<meta charset=euc-jp>",
      "<meta charset=iso-2022-jp>",
      "<meta charset=big5>",
      "<meta charset=euc-kr>",
      "<meta charset=gb18030>",
      "<meta charset=windows-1258>",
      "<meta charset=koi8-u>",
  };
  static const char *const hints[] = {NULL, "utf-16", "utf-16be",
                                      "windows-1255"};
  unsigned long x = 12345;
  int ok_all = 1, iter;
  char in[600];
  for (iter = 0; iter < 4000; iter++) {
    size_t np = (size_t)iter % (sizeof prefixes / sizeof prefixes[0]);
    size_t plen = strlen(prefixes[np]), n, i;
    const char *hint = hints[(size_t)iter / 16 % 4];
    pith_buf out;
    char cs[32];
    memcpy(in, prefixes[np], plen);
    x = x * 6364136223846793005UL + 1442695040888963407UL;
    n = plen + (size_t)(x >> 33) % (sizeof in - plen);
    for (i = plen; i < n; i++) {
      x = x * 6364136223846793005UL + 1442695040888963407UL;
      /* Mostly high bytes, with ASCII, NULs and ESCs mixed in. */
      in[i] = (char)(iter & 1        ? (x >> 40)
                     : (x >> 40) % 4 ? 0x80 | (x >> 44)
                                     : (x >> 48) % 40);
    }
    pith__buf_init(&out);
    if (pith__decode(in, n, hint, &out, cs) != 0 || !sane(&out) ||
        strlen(cs) == 0 || strlen(cs) > 31)
      ok_all = 0;
    pith__buf_free(&out);
  }
  OK(ok_all, "4000 random inputs give valid UTF-8 without NULs");
}

int main(void) {
  test_bom();
  test_utf16_broken();
  test_meta();
  test_meta_limits();
  test_hint();
  test_guess();
  test_invalid_utf8();
  test_nul();
  test_empty();
  test_appends();
  test_fast_path_edges();
  test_utf8_valid();
  test_mojibake();
  test_mojibake_random();
  test_random();
  return done_testing();
}
