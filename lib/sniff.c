/* SPDX-License-Identifier: MIT */
/*
 * sniff.c - tell a text document from binary data.
 *
 * Two tests, both cheap.  The magic numbers of common binary formats are
 * checked on the raw bytes: a format's signature at offset 0 (257 for tar)
 * names what the payload looks like.  Bytes with no known signature are
 * judged after decoding, on what text never holds: control characters
 * other than white space, C1 controls and U+FFFD (which the decoder puts
 * for NUL bytes and for bytes the charset leaves undefined).  Text in any
 * charset, correctly or wrongly guessed, has almost none of them: real
 * pages hold at most a few stray ones (the 2,318 pages of the two dev
 * splits: at most 1 in 200 characters, most none), while random or
 * compressed bytes read as windows-1252 give about 1 in 8.  The line is
 * drawn at 1 in 40.
 */
#include "sniff.h"

#include <stdint.h>
#include <string.h>

/* s[0..n) starts with the m bytes of `sig` at offset `at`. */
static int at_is(const unsigned char *s, size_t n, size_t at, const char *sig,
                 size_t m) {
  return n >= at + m && memcmp(s + at, sig, m) == 0;
}

#define HAS(at, lit) at_is(s, n, (at), (lit), sizeof(lit) - 1)

/* Formats identified by a fixed signature at a fixed offset. */
static const struct {
  unsigned short at;
  unsigned char len;
  const char *sig;
  const char *what;
} magics[] = {
    {0, 5, "%PDF-", "PDF document"},
    {0, 8, "\x89PNG\r\n\x1a\n", "PNG image"},
    {0, 3, "\xff\xd8\xff", "JPEG image"},
    {0, 6, "GIF87a", "GIF image"},
    {0, 6, "GIF89a", "GIF image"},
    {0, 4, "II*\0", "TIFF image"},
    {0, 4, "MM\0*", "TIFF image"},
    {0, 4, "8BPS", "Photoshop image"},
    {0, 12, "\0\0\0\x0cjP  \r\n\x87\n", "JPEG 2000 image"},
    {0, 4, "\x1a\x45\xdf\xa3", "Matroska or WebM video"},
    {0, 4, "FLV\x01", "Flash video"},
    {0, 8, "\x30\x26\xb2\x75\x8e\x66\xcf\x11", "Windows Media file"},
    {0, 4, "\0\0\x01\xba", "MPEG video"},
    {0, 4, "\0\0\x01\xb3", "MPEG video"},
    {0, 4, "OggS", "Ogg audio or video"},
    {0, 4, "fLaC", "FLAC audio"},
    {0, 4, "MThd", "MIDI file"},
    {0, 4, "caff", "Core Audio file"},
    {0, 4, "PK\x03\x04", "ZIP archive"},
    {0, 4, "PK\x05\x06", "ZIP archive"},
    {0, 4, "PK\x07\x08", "ZIP archive"},
    {0, 2, "\x1f\x8b", "gzip data"},
    {0, 2, "\x1f\x9d", "compress data"},
    {0, 6,
     "\xfd"
     "7zXZ\0",
     "xz data"},
    {0, 4, "\x28\xb5\x2f\xfd", "Zstandard data"},
    {0, 4, "\x04\x22\x4d\x18", "LZ4 data"},
    {0, 4, "LZIP", "lzip data"},
    {0, 6, "7z\xbc\xaf\x27\x1c", "7-Zip archive"},
    {0, 6, "Rar!\x1a\x07", "RAR archive"},
    {0, 4, "MSCF", "CAB archive"},
    {0, 4, "xar!", "XAR archive"},
    {0, 8, "!<arch>\n", "ar archive"},
    {0, 4, "\xed\xab\xee\xdb", "RPM package"},
    {257, 5, "ustar", "tar archive"},
    {0, 4, "wOFF", "WOFF font"},
    {0, 4, "wOF2", "WOFF2 font"},
    {0, 5, "\0\x01\0\0\0", "TrueType font"},
    {0, 5, "OTTO\0", "OpenType font"},
    {0, 4, "ttcf", "TrueType font collection"},
    {0, 4,
     "\x7f"
     "ELF",
     "ELF executable"},
    {0, 4, "\xfe\xed\xfa\xce", "Mach-O executable"},
    {0, 4, "\xfe\xed\xfa\xcf", "Mach-O executable"},
    {0, 4, "\xce\xfa\xed\xfe", "Mach-O executable"},
    {0, 4, "\xcf\xfa\xed\xfe", "Mach-O executable"},
    {0, 4, "\xca\xfe\xba\xbe", "Java class or Mach-O file"},
    {0, 4, "\0asm", "WebAssembly module"},
    {0, 8, "\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "Microsoft Office document"},
    {0, 16, "SQLite format 3\0", "SQLite database"},
};

/* The brand of an ISO base media file (MP4, QuickTime, HEIF, AVIF). */
static const char *ftyp_what(const unsigned char *s, size_t n) {
  if (!HAS(4, "ftyp") || n < 12)
    return NULL;
  if (HAS(8, "avif") || HAS(8, "avis"))
    return "AVIF image";
  if (HAS(8, "heic") || HAS(8, "heix") || HAS(8, "mif1") || HAS(8, "msf1"))
    return "HEIF image";
  if (HAS(8, "qt  "))
    return "QuickTime video";
  if (HAS(8, "M4A ") || HAS(8, "M4B "))
    return "MP4 audio";
  return "MP4 video";
}

/* An MPEG audio frame header (MP3) or an ADTS header (AAC). */
static const char *mpeg_audio_what(const unsigned char *s, size_t n) {
  if (n < 4 || s[0] != 0xff || (s[1] & 0xe0) != 0xe0)
    return NULL;
  if ((s[1] & 0xf6) == 0xf0 && ((s[2] >> 2) & 0x0f) < 13)
    return "AAC audio";
  unsigned version = (s[1] >> 3) & 3, layer = (s[1] >> 1) & 3;
  unsigned bitrate = s[2] >> 4, rate = (s[2] >> 2) & 3;
  if (version == 1 || layer == 0 || bitrate == 15 || rate == 3)
    return NULL;
  return "MP3 audio";
}

/* A Windows (PE) executable: "MZ" and, where its header says, "PE\0\0". */
static const char *pe_what(const unsigned char *s, size_t n) {
  if (!HAS(0, "MZ") || n < 64)
    return NULL;
  size_t pe = (size_t)s[60] | (size_t)s[61] << 8 | (size_t)s[62] << 16 |
              (size_t)s[63] << 24;
  return pe >= 64 && at_is(s, n, pe, "PE\0\0", 4) ? "Windows executable" : NULL;
}

const char *pith__sniff_magic(const unsigned char *s, size_t n) {
  if (!s || n < 2)
    return NULL;
  /* A byte-order mark: text (UTF-16's FF FE would read as an MP3 frame). */
  if (HAS(0, "\xef\xbb\xbf") || HAS(0, "\xff\xfe") || HAS(0, "\xfe\xff"))
    return NULL;
  for (size_t i = 0; i < sizeof magics / sizeof magics[0]; i++)
    if (at_is(s, n, magics[i].at, magics[i].sig, magics[i].len))
      return magics[i].what;
  if (HAS(0, "RIFF") && n >= 12) {
    if (HAS(8, "WEBP"))
      return "WebP image";
    if (HAS(8, "WAVE"))
      return "WAV audio";
    if (HAS(8, "AVI "))
      return "AVI video";
    return "RIFF media file";
  }
  if (HAS(0, "FORM") && (HAS(8, "AIFF") || HAS(8, "AIFC")))
    return "AIFF audio";
  /* BMP: "BM", the file size, then two reserved 16-bit zeros. */
  if (HAS(0, "BM") && n >= 14 && !s[6] && !s[7] && !s[8] && !s[9])
    return "BMP image";
  /* ICO and CUR: reserved zero, type 1 or 2, a non-zero image count. */
  if (n >= 6 && !s[0] && !s[1] && (s[2] == 1 || s[2] == 2) && !s[3] &&
      (s[4] || s[5]))
    return s[2] == 1 ? "ICO image" : "cursor image";
  /* ID3v2 tag of an MP3: "ID3", a major version below 16, flags. */
  if (HAS(0, "ID3") && n >= 10 && s[3] < 16 && s[4] < 16)
    return "MP3 audio";
  /* bzip2: "BZh", the block size 1-9, then a block or end-of-stream. */
  if (HAS(0, "BZh") && n >= 10 && s[3] >= '1' && s[3] <= '9' &&
      (at_is(s, n, 4, "1AY&SY", 6) || at_is(s, n, 4, "\x17rE8P\x90", 6)))
    return "bzip2 data";
  /* Flash: "FWS", "CWS" or "ZWS" and a version byte. */
  if (n >= 8 && (s[0] == 'F' || s[0] == 'C' || s[0] == 'Z') && s[1] == 'W' &&
      s[2] == 'S' && s[3] < 0x40)
    return "Flash (SWF) file";
  const char *w = ftyp_what(s, n);
  if (!w)
    w = mpeg_audio_what(s, n);
  if (!w)
    w = pe_what(s, n);
  return w;
}

#define ONES UINT64_C(0x0101010101010101)
#define HIGH UINT64_C(0x8080808080808080)

/* Count the characters and the non-text ones of UTF-8 s[0..n).  Runs of
 * printable ASCII (most of a page) are skipped 8 bytes at a time. */
static void count_bad(const unsigned char *s, size_t n, size_t *chars,
                      size_t *bad) {
  for (size_t i = 0; i < n; i++) {
    while (i + 8 <= n) {
      uint64_t w;
      memcpy(&w, s + i, 8);
      /* A byte >= 0x80, below 0x20, or 0x7F stops the skip. */
      uint64_t low = (w - 0x20 * ONES) & ~w;
      uint64_t del = ((w ^ 0x7F * ONES) - ONES) & ~(w ^ 0x7F * ONES);
      if ((w | low | del) & HIGH)
        break;
      *chars += 8;
      i += 8;
    }
    if (i >= n)
      break;
    unsigned char c = s[i];
    if (c < 0x80) {
      ++*chars;
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\v' && c != '\f' &&
           c != '\r' && c != 0x1b) ||
          c == 0x7f)
        ++*bad;
    } else if (c >= 0xc0) {
      ++*chars;
      if (c == 0xc2 && i + 1 < n && s[i + 1] >= 0x80 && s[i + 1] <= 0x9f)
        ++*bad; /* C1 control */
      else if (c == 0xef && i + 2 < n && s[i + 1] == 0xbf && s[i + 2] == 0xbd)
        ++*bad; /* U+FFFD */
    }
  }
}

int pith__sniff_binary_text(const char *text, size_t n) {
  const unsigned char *s = (const unsigned char *)text;
  size_t head = 64 * 1024, mid = 16 * 1024, chars = 0, bad = 0;
  if (!s || n == 0)
    return 0;
  count_bad(s, n < head ? n : head, &chars, &bad);
  if (n > head + mid) {
    size_t from = n / 2;
    while (from < n && (s[from] & 0xc0) == 0x80)
      from++; /* start on a character */
    count_bad(s + from, n - from < mid ? n - from : mid, &chars, &bad);
  }
  return bad >= 8 && bad * 40 > chars;
}
