/* SPDX-License-Identifier: MIT */
/*
 * decode_int.h - what the files of the charset stage share (internal, not
 * installed): the charsets pith decodes and the functions one file calls
 * in another.
 *
 *   decode.c         the stage itself: BOM, declaration, guess, then the
 *                    conversion to UTF-8 (UTF-8, windows-1252 and UTF-16 by
 *                    hand, the rest through iconv)
 *   decode_label.c   the charset names: the WHATWG label table and the
 *                    <meta> prescan
 *   decode_detect.c  the charset of a page that declares none (or a hint)
 */
#ifndef PITH_DECODE_INT_H
#define PITH_DECODE_INT_H

#include <stddef.h>

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

/* The canonical name and the iconv name (NULL: decoded by hand) of every
 * charset, indexed by ENC_*. */
typedef struct {
  const char *name;
  const char *iconv_name;
} pith_encoding;
extern const pith_encoding pith__encodings[ENC_COUNT];

/* --- decode_label.c ---------------------------------------------------- */

/* The encoding for a label (WHATWG "get an encoding"), or -1 if unknown. */
int pith__label_encoding(const unsigned char *s, size_t n);
/* WHATWG "extract a character encoding from a meta element": find
 * `charset = label` in a Content-Type value.  Returns 1 and the label's
 * slice, or 0. */
int pith__content_charset(const unsigned char *s, size_t n, size_t *start,
                          size_t *len);
/* The encoding a <meta> declares in s[0..n) (the WHATWG prescan), or -1. */
int pith__prescan(const unsigned char *s, size_t n);

/* --- decode_detect.c --------------------------------------------------- */

/* The encoding named by the caller's hint (a label or a Content-Type
 * value), or -1; a UTF-16 hint only when the bytes look like UTF-16. */
int pith__hint_encoding(const char *hint, const unsigned char *s, size_t len);
/* UTF-16LE or UTF-16BE when the first 1 KiB of s holds NUL bytes at one
 * parity, else -1. */
int pith__guess_utf16(const unsigned char *s, size_t len);
/* The charset of bytes that are not UTF-8 and declare none. */
int pith__guess_legacy(const unsigned char *s, size_t all);

#endif
