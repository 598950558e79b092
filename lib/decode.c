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
 *
 * This file holds the stage and the conversions; charset labels and the
 * <meta> prescan are in decode_label.c, the guess for undeclared pages in
 * decode_detect.c (decode_int.h).
 */
#include "decode.h"

#include <errno.h>
#include <iconv.h>
#include <stdint.h>
#include <string.h>

#include "chars.h"
#include "decode_int.h"
#include "mojibake.h"

/* How much of the page the <meta> prescan looks at. */
#define PRESCAN_MAX 4096

/* Input bytes handled per output reservation on the hand-written paths. */
#define BLOCK 4096

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

static void buf_put_cp(pith_buf *out, uint32_t cp) {
  unsigned char tmp[4];
  size_t n = put_utf8((char *)tmp, cp);
  pith__buf_append(out, (const char *)tmp, n);
}

/* The code point of a byte >= 0x80 read as windows-1252. */
static uint32_t cp1252(unsigned c) {
  return c < 0xA0 ? pith__cp1252_c1[c - 0x80] : c;
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
    enc = pith__prescan(s, len < PRESCAN_MAX ? len : PRESCAN_MAX);
    if (enc < 0 && hint)
      enc = pith__hint_encoding(hint, s, len);
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
    int cls = enc < 0 && (enc = pith__guess_utf16(s, len)) >= 0
                  ? 0
                  : utf8_classify(s, len, &clean);
    if (enc < 0)
      enc = cls >= 0 ? ENC_UTF_8 : pith__guess_legacy(s, len);
    else if (declared && cls > 0)
      enc = ENC_UTF_8;
  }

  pith__buf_append(out, "", 0); /* out->data is never NULL on success */
  if (pith__encodings[enc].iconv_name &&
      decode_iconv(pith__encodings[enc].iconv_name, s, len, out) < 0)
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

  memcpy(charset, pith__encodings[enc].name,
         strlen(pith__encodings[enc].name) + 1);
  return out->oom ? -1 : 0;
}
