/* SPDX-License-Identifier: MIT */
/*
 * mojibake.c - repair of mojibake, after the charset stage (decode.c).
 *
 * Pages are often "double-encoded": UTF-8 text that was once read as
 * windows-1252 (or Latin-1) and encoded to UTF-8 again, so "editor's"
 * with a curly apostrophe (E2 80 99) shows as "editorâ€™s" (or, read as
 * Latin-1, as "â" U+0080 U+0099) and "café" as "cafÃ©".  After decoding we
 * look for runs of characters that each stand for one byte and whose bytes
 * form one complete, valid UTF-8 sequence, and put back the character.
 *
 * Which characters stand for a byte: U+00A0..U+00FF for bytes A0..FF (the
 * same in Latin-1 and windows-1252); the 27 windows-1252 specials (€ ‚ ƒ „
 * … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ) for their bytes 80..9F; and
 * the C1 controls U+0080..U+009F for bytes 80..9F, which is what a Latin-1
 * reading gives, and what Windows gives for the five bytes windows-1252
 * leaves undefined (81 8D 8F 90 9D).  The lead must stand for C2..F4 and
 * the continuations for 80..BF, with UTF-8's own limits (no overlongs, no
 * surrogates, nothing above U+10FFFF), so a repaired page is still valid.
 *
 * Legitimate text has such runs too: "FLORÉ®" (C9 AE), "Rosa × hybrid"
 * with no-break spaces (D7 A0), French "café »" with the no-break space
 * typography wants (E9 A0 BB).  So the page must first show evidence, and
 * then every run on it is repaired:
 *  - a run holding a C1 control counts 3: those are never text;
 *  - a 3- or 4-byte run without a no-break space counts 2 (an accented
 *    lower-case letter followed by two symbols, as in "â€™");
 *  - a 2-byte run led by "Â" or "Ã", again without a no-break space,
 *    counts 1 ("Ã©"), since other upper-case letters end words in capitals;
 *  - anything else counts 0.
 * The page is repaired when the count reaches 3.  Text that quotes one or
 * two mojibake examples ('I saw "Ã¤" instead of "ä"') stays as it is.
 * Repair runs on the whole decoded page, so attribute values and JSON-LD
 * are mended as well as the text; script code only matters as far as it
 * is text, and there the repair is just as right.
 *
 * Text that was mangled twice ("Ã¢â‚¬â„¢") is mended by a second pass.
 *
 * Every candidate run starts with a lead in U+00C2..U+00F4, whose UTF-8
 * starts with the byte C3, so the scans jump from one C3 to the next with
 * memchr and cost nothing on ASCII.  The repaired text is never longer
 * than the run it replaces (each character of a run is at least 2 bytes,
 * its repair one byte per character), so the work is done in place.
 */
#include "mojibake.h"

#include <string.h>

const uint16_t pith__cp1252_c1[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178};

/* Evidence a page needs, and the most passes made over it. */
#define MOJIBAKE_EVIDENCE 3
#define MOJIBAKE_PASSES 2

/* What one character at s[0..n) stands for: its byte (0x80..0xFF) or -1,
 * its length in *len, and in *kind 1 for a C1 control, 2 for U+00A0, 0
 * otherwise.  s is valid UTF-8 and not ASCII at s[0]. */
static int moji_byte(const unsigned char *s, size_t n, size_t *len, int *kind) {
  uint32_t cp;
  int i;
  *kind = 0;
  if (s[0] == 0xC2 || s[0] == 0xC3) {
    if (n < 2 || (s[1] & 0xC0) != 0x80)
      return -1;
    *len = 2;
    cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
    if (cp < 0xA0)
      *kind = 1;
    else if (cp == 0xA0)
      *kind = 2;
    return (int)cp;
  }
  /* The specials' UTF-8 leads: C5 (Œœ Šš Ÿ Žž), C6 (ƒ), CB (ˆ ˜), E2. */
  if (s[0] == 0xC5 || s[0] == 0xC6 || s[0] == 0xCB) {
    if (n < 2 || (s[1] & 0xC0) != 0x80)
      return -1;
    *len = 2;
    cp = (uint32_t)(s[0] & 0x1F) << 6 | (s[1] & 0x3F);
  } else if (s[0] == 0xE2) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
      return -1;
    *len = 3;
    cp = (uint32_t)(s[1] & 0x3F) << 6 | (s[2] & 0x3F) | 0x2000;
  } else {
    return -1;
  }
  for (i = 0; i < 32; i++)
    if (pith__cp1252_c1[i] == cp)
      return 0x80 + i;
  return -1;
}

/* If a run starts at s[0..n), return its length in the text, put the bytes
 * it encodes in b[0..*blen) and its evidence (as above) in *score;
 * else return 0.  s[0] is 0xC3. */
static size_t moji_run(const unsigned char *s, size_t n, unsigned char b[4],
                       size_t *blen, int *score) {
  size_t len, at, need, k;
  int kind, c1 = 0, nbsp = 0, lead = moji_byte(s, n, &len, &kind);
  if (lead < 0xC2 || lead > 0xF4)
    return 0;
  need = lead < 0xE0 ? 1 : lead < 0xF0 ? 2 : 3;
  b[0] = (unsigned char)lead;
  at = len;
  for (k = 1; k <= need; k++) {
    int c;
    if (at >= n || s[at] < 0x80)
      return 0;
    c = moji_byte(s + at, n - at, &len, &kind);
    if (c < 0x80 || c > 0xBF)
      return 0;
    b[k] = (unsigned char)c;
    c1 |= kind == 1;
    nbsp |= kind == 2;
    at += len;
  }
  /* The second byte's range, as in utf8_span. */
  if ((lead == 0xE0 && b[1] < 0xA0) || (lead == 0xED && b[1] > 0x9F) ||
      (lead == 0xF0 && b[1] < 0x90) || (lead == 0xF4 && b[1] > 0x8F))
    return 0;
  *blen = need + 1;
  *score = c1                             ? 3
           : nbsp                         ? 0
           : need >= 2                    ? 2
           : lead == 0xC2 || lead == 0xC3 ? 1
                                          : 0;
  return at;
}

/* 1 if s[0..n) shows enough evidence of mojibake to be repaired. */
static int moji_evident(const unsigned char *s, size_t n) {
  const unsigned char *p = s, *end = s + n;
  int total = 0;
  while ((p = memchr(p, 0xC3, (size_t)(end - p))) != NULL) {
    unsigned char b[4];
    size_t blen, len;
    int score;
    len = moji_run(p, (size_t)(end - p), b, &blen, &score);
    if (len == 0) {
      p++;
      continue;
    }
    total += score;
    if (total >= MOJIBAKE_EVIDENCE)
      return 1;
    p += len;
  }
  return 0;
}

/* Repair every run in out->data[start..out->len), in place. */
static void moji_repair(pith_buf *out, size_t start) {
  unsigned char *s = (unsigned char *)out->data + start;
  size_t n = out->len - start, r = 0, w = 0;
  for (;;) {
    const unsigned char *p = memchr(s + r, 0xC3, n - r);
    size_t at = p ? (size_t)(p - s) : n, len = 0, blen = 0;
    unsigned char b[4];
    int score;
    if (p)
      len = moji_run(s + at, n - at, b, &blen, &score);
    if (p && len == 0)
      at++; /* a plain C3 character: copy it with the text before */
    memmove(s + w, s + r, at - r);
    w += at - r;
    r = at;
    if (!p)
      break;
    if (len) {
      memcpy(s + w, b, blen);
      w += blen;
      r += len;
    }
  }
  out->len = start + w;
  out->data[out->len] = '\0';
}

void pith__mojibake_repair(pith_buf *out, size_t start) {
  size_t pass;
  for (pass = 0; pass < MOJIBAKE_PASSES && !out->oom; pass++) {
    if (!moji_evident((const unsigned char *)out->data + start,
                      out->len - start))
      break;
    moji_repair(out, start);
  }
}
