/* SPDX-License-Identifier: MIT */
/*
 * test_sniff.c - input hygiene in the library: binary payloads are
 * PITH_ERR_NOT_HTML with a message naming what they look like, text is
 * not; gzip-compressed pages are decompressed by the library within the
 * size cap; a legacy charset label is overruled by bytes that are UTF-8;
 * an undeclared page in Shift_JIS, GBK, EUC-KR, windows-1251 or
 * ISO-8859-7 (generated here with iconv) is guessed right; the time limit
 * can be turned off.
 */
#include <iconv.h>
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include <pith/pith.h>

#include "harness.h"
#include "sniff.h"

static char *copy(const char *s) {
  size_t n = strlen(s) + 1;
  char *d = malloc(n);
  memcpy(d, s, n);
  return d;
}

/* Extract buf[0..len) with a fresh extractor; returns the status and, on
 * success, a copy of the text in *text (caller frees), else the error
 * message. */
static pith_status run(const char *buf, size_t len, unsigned opts, size_t max,
                       char **text) {
  pith_extractor *ex = pith_extractor_new(opts);
  pith_result *res = NULL;
  if (max)
    pith_extractor_set_max_input(ex, max);
  pith_status st = pith_extractor_extract(ex, buf, len, NULL, NULL, &res);
  const char *s =
      st == PITH_OK ? pith_result_text(res) : pith_extractor_error(ex);
  *text = copy(s);
  pith_result_free(res);
  pith_extractor_free(ex);
  return st;
}

static void expect_not_html(const char *buf, size_t len, const char *what,
                            const char *desc) {
  char *msg = NULL;
  char want[96];
  snprintf(want, sizeof want, "not HTML: %s", what);
  INT_EQ(run(buf, len, 0, 0, &msg), PITH_ERR_NOT_HTML, desc);
  STR_EQ(msg, want, desc);
  free(msg);
}

static void test_magic(void) {
  static const struct {
    const char *bytes;
    size_t len;
    const char *what;
  } cases[] = {
      {"%PDF-1.7\n%\xe2\xe3\n1 0 obj", 19, "PDF document"},
      {"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16, "PNG image"},
      {"\xff\xd8\xff\xe0\0\x10JFIF", 10, "JPEG image"},
      {"GIF89a\x10\0\x10\0", 10, "GIF image"},
      {"RIFF\0\0\0\0WEBPVP8 ", 16, "WebP image"},
      {"PK\x03\x04\x14\0\0\0", 8, "ZIP archive"},
      {"\xfd"
       "7zXZ\0\0\x04",
       8, "xz data"},
      {"\x28\xb5\x2f\xfd\x24\0", 6, "Zstandard data"},
      {"BZh91AY&SY\x01\x02", 12, "bzip2 data"},
      {"7z\xbc\xaf\x27\x1c\0\x04", 8, "7-Zip archive"},
      {"wOF2\0\x01\0\0", 8, "WOFF2 font"},
      {"\0\x01\0\0\0\x0a\0\x80", 8, "TrueType font"},
      {"OTTO\0\x0a\0\x80", 8, "OpenType font"},
      {"ID3\x03\0\0\0\0\0\x10", 10, "MP3 audio"},
      {"\xff\xfb\x90\x64\0\0\0\0", 8, "MP3 audio"},
      {"fLaC\0\0\0\x22", 8, "FLAC audio"},
      {"\0\0\0\x18"
       "ftypmp42\0\0\0\0",
       16, "MP4 video"},
      {"\x7f"
       "ELF\x02\x01\x01\0",
       8, "ELF executable"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char desc[96];
    snprintf(desc, sizeof desc, "magic: %s", cases[i].what);
    expect_not_html(cases[i].bytes, cases[i].len, cases[i].what, desc);
  }
  /* tar: "ustar" at offset 257. */
  char tar[1024];
  memset(tar, 0, sizeof tar);
  memcpy(tar, "page.html", 9);
  memcpy(tar + 257,
         "ustar\0"
         "00",
         8);
  expect_not_html(tar, sizeof tar, "tar archive", "magic: tar archive");

  /* Byte-order marks are text, though FF FE would read as an MP3 frame. */
  const char le[] = "\xff\xfe<\0p\0>\0H\0i\0 \0t\0h\0e\0r\0e\0<\0/\0p\0>\0";
  OK(pith__sniff_magic((const unsigned char *)le, sizeof le - 1) == NULL,
     "a UTF-16LE byte-order mark is not an MP3 frame");
  char *text = NULL;
  INT_EQ(run(le, sizeof le - 1, 0, 0, &text), PITH_OK, "UTF-16LE page: OK");
  STR_EQ(text, "Hi there", "UTF-16LE page: its text");
  free(text);
  /* Text that happens to start like a weak signature is text. */
  OK(pith__sniff_magic((const unsigned char *)"BM is a name", 12) == NULL,
     "'BM' without a BMP header is text");
  OK(pith__sniff_magic((const unsigned char *)"MZ-5 rocket", 11) == NULL,
     "'MZ' without a PE header is text");
}

/* A pseudo-random generator, so the test is the same every run. */
static unsigned long long rng_state = 16;
static unsigned char rng_byte(void) {
  rng_state = rng_state * 6364136223846793005ULL + 1442695040888963407ULL;
  return (unsigned char)(rng_state >> 56);
}

static void test_binary_text(void) {
  size_t n = 200000;
  char *r = malloc(n);
  for (size_t i = 0; i < n; i++)
    r[i] = (char)rng_byte();
  r[0] = '<'; /* no magic number */
  expect_not_html(r, n, "binary data", "random bytes: binary data");
  /* A page with markup, then binary: the middle sample finds it. */
  memcpy(r, "<html><body><p>", 15);
  expect_not_html(r, n, "binary data", "random bytes after markup");
  free(r);

  /* Plain text and a page with a few stray control bytes are text. */
  char *text = NULL;
  const char plain[] = "Just some text.\n\nA second paragraph of text.\n";
  INT_EQ(run(plain, sizeof plain - 1, 0, 0, &text), PITH_OK,
         "plain text is not binary");
  free(text);
  char page[4096];
  size_t len = 0;
  len += (size_t)snprintf(page, sizeof page, "<html><body>");
  for (int i = 0; i < 30; i++)
    len += (size_t)snprintf(page + len, sizeof page - len,
                            "<p>Paragraph %d with a few words%s.</p>", i,
                            i % 3 ? "" : "\x01");
  INT_EQ(run(page, len, 0, 0, &text), PITH_OK,
         "stray control bytes (in every third paragraph) are not binary");
  free(text);
  OK(pith__sniff_binary_text("abc\x01\x02\x03\x04\x05\x06\x07\x08", 11) == 1,
     "8 control characters in 11: binary");
  OK(pith__sniff_binary_text("a\t\n\r\f\x1b[0m b", 11) == 0,
     "white space and escape are text");
}

/* gzip-compress src into a new buffer. */
static unsigned char *gz(const char *src, size_t n, size_t *outlen) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY);
  size_t cap = deflateBound(&zs, (uLong)n) + 32;
  unsigned char *out = malloc(cap);
  zs.next_in = (unsigned char *)src;
  zs.avail_in = (uInt)n;
  zs.next_out = out;
  zs.avail_out = (uInt)cap;
  deflate(&zs, Z_FINISH);
  *outlen = cap - zs.avail_out;
  deflateEnd(&zs);
  return out;
}

static void test_gzip(void) {
  char page[8192];
  size_t len = 0;
  len += (size_t)snprintf(page, sizeof page,
                          "<html><head><title>T</title></head><body>");
  for (int i = 0; i < 40; i++)
    len +=
        (size_t)snprintf(page + len, sizeof page - len,
                         "<p>Sentence number %d of a compressed page.</p>", i);
  size_t zlen;
  unsigned char *z = gz(page, len, &zlen);
  char *plain = NULL, *text = NULL;
  INT_EQ(run(page, len, 0, 0, &plain), PITH_OK, "gzip: the plain page");
  INT_EQ(run((char *)z, zlen, 0, 0, &text), PITH_OK,
         "gzip: pith_extractor_extract decompresses");
  STR_EQ(text, plain, "gzip: the same text as the plain page");
  free(text);
  INT_EQ(run((char *)z, zlen, 0, len / 2, &text), PITH_ERR_TOO_LARGE,
         "gzip: the size cap holds after gunzip");
  char want[96];
  snprintf(want, sizeof want, "input too large (over %zu bytes after gunzip)",
           len / 2);
  STR_EQ(text, want, "gzip: the size cap's message");
  free(text);
  pith_extractor *ex = pith_extractor_new(PITH_OPT_TRUNCATE_INPUT);
  pith_extractor_set_max_input(ex, len / 2);
  pith_result *res = NULL;
  INT_EQ(pith_extractor_extract(ex, (char *)z, zlen, NULL, NULL, &res), PITH_OK,
         "gzip: cut at the cap with PITH_OPT_TRUNCATE_INPUT");
  OK(res && pith_result_truncated(res) &&
         strstr(pith_result_text(res), "Sentence number 3 ") &&
         !strstr(pith_result_text(res), "Sentence number 39"),
     "gzip: the cut result holds the first part, flagged");
  pith_result_free(res);
  pith_extractor_free(ex);
  INT_EQ(run((char *)z, zlen / 2, 0, 0, &text), PITH_ERR_ENCODING,
         "gzip: truncated data");
  STR_EQ(text, "gzip: truncated input", "gzip: truncated data's message");
  free(text);
  z[zlen / 2] ^= 0xff;
  z[zlen / 2 + 1] ^= 0xff;
  INT_EQ(run((char *)z, zlen, 0, 0, &text), PITH_ERR_ENCODING,
         "gzip: corrupt data");
  OK(text && !strncmp(text, "gzip: corrupt input", 19),
     "gzip: corrupt data's message");
  free(text);
  free(z);
  free(plain);
}

/* iconv `utf8` into charset `cs` (a new NUL-terminated buffer), or NULL
 * when a character does not fit. */
static char *to_charset(const char *utf8, const char *cs, size_t *outlen) {
  iconv_t cd = iconv_open(cs, "UTF-8");
  if (cd == (iconv_t)-1)
    return NULL;
  size_t inleft = strlen(utf8), cap = 4 * inleft + 16, outleft = cap;
  char *out = malloc(cap), *in = (char *)utf8, *o = out;
  size_t r = iconv(cd, &in, &inleft, &o, &outleft);
  iconv_close(cd);
  if (r == (size_t)-1 || inleft) {
    free(out);
    return NULL;
  }
  *outlen = cap - outleft;
  out[*outlen] = '\0';
  return out;
}

static void test_legacy(void) {
  /* Made-up news paragraphs, several per page, as real pages hold. */
  static const struct {
    const char *charset, *want, *para;
  } pages[] = {
      {"SHIFT_JIS", "SHIFT_JIS",
       "東京の小さな町で、新しい図書館が今月開館しました。地元の住民は"
       "長い間この施設を待っていたと話しています。館内には子ども向けの"
       "本が多く並び、週末には読み聞かせの会も開かれる予定です。"},
      {"GBK", "GB18030", /* the detector names GBK's superset */
       "这座城市的新图书馆本月正式开放，当地居民表示他们期待这一天已经"
       "很久了。馆内设有儿童阅览区，周末还将举办读书会和讲座，欢迎市民"
       "参加。图书馆的开放时间为每天上午九点到晚上八点。"},
      {"EUC-KR", "EUC-KR",
       "이 도시의 새 도서관이 이번 달에 문을 열었습니다. 지역 주민들은 "
       "오랫동안 이 시설을 기다려 왔다고 말했습니다. 도서관에는 어린이를 "
       "위한 책이 많이 있으며 주말에는 독서 모임도 열릴 예정입니다."},
      {"WINDOWS-1251", "WINDOWS-1251",
       "В нашем городе в этом месяце открылась новая библиотека. Жители "
       "говорят, что давно ждали этого события. В библиотеке много книг "
       "для детей, а по выходным будут проходить встречи с писателями."},
      {"ISO-8859-7", "ISO-8859-7",
       "Η νέα βιβλιοθήκη της πόλης άνοιξε αυτόν τον μήνα. Οι κάτοικοι "
       "λένε ότι περίμεναν πολύ καιρό αυτή τη μέρα. Η βιβλιοθήκη έχει "
       "πολλά βιβλία για παιδιά και τα Σαββατοκύριακα θα γίνονται "
       "εκδηλώσεις για όλη την οικογένεια."},
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char utf8[8192];
    size_t len = (size_t)snprintf(utf8, sizeof utf8,
                                  "<html><head><title>News</title></head>"
                                  "<body><article>");
    for (int k = 0; k < 4; k++)
      len += (size_t)snprintf(utf8 + len, sizeof utf8 - len, "<p>%s</p>",
                              pages[i].para);
    snprintf(utf8 + len, sizeof utf8 - len, "</article></body></html>");
    size_t blen = 0;
    char *bytes = to_charset(utf8, pages[i].charset, &blen);
    char desc[96];
    snprintf(desc, sizeof desc, "undeclared %s: converted", pages[i].charset);
    if (!OK(bytes != NULL, desc))
      continue;
    char *want = NULL;
    run(utf8, strlen(utf8), 0, 0, &want);
    pith_extractor *ex = pith_extractor_new(0);
    pith_result *res = NULL;
    pith_extractor_extract(ex, bytes, blen, NULL, NULL, &res);
    snprintf(desc, sizeof desc, "undeclared %s: guessed", pages[i].charset);
    STR_EQ(pith_result_charset(res), pages[i].want, desc);
    snprintf(desc, sizeof desc, "undeclared %s: the UTF-8 page's text",
             pages[i].charset);
    STR_EQ(pith_result_text(res), want, desc);
    /* The same bytes with a wrong charset label: the label wins (the
     * detector only guesses when nothing is declared). */
    pith_result_free(res);
    pith_extractor_free(ex);
    free(want);
    free(bytes);
  }

  /* Item 4: valid UTF-8 with multi-byte characters under a gb2312 label
   * is UTF-8; a Latin label likewise. */
  static const char *const labels[] = {"gb2312", "shift_jis", "koi8-r",
                                       "iso-8859-1"};
  for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++) {
    char page[512];
    snprintf(page, sizeof page,
             "<html><head><meta charset=\"%s\"><title>x</title></head>"
             "<body><p>Caf\xc3\xa9 na pra\xc3\xa7"
             "a, \xe4\xb8\xad\xe6\x96"
             "\x87 and \xd0\xbc\xd0\xb8\xd1\x80.</p></body></html>",
             labels[i]);
    char *text = NULL;
    char desc[96];
    snprintf(desc, sizeof desc, "UTF-8 bytes under a %s label: UTF-8",
             labels[i]);
    INT_EQ(run(page, strlen(page), 0, 0, &text), PITH_OK, desc);
    STR_EQ(text,
           "Caf\xc3\xa9 na pra\xc3\xa7"
           "a, \xe4\xb8\xad\xe6\x96\x87 and "
           "\xd0\xbc\xd0\xb8\xd1\x80.",
           desc);
    free(text);
  }
  /* A real Shift_JIS page under its own label stays Shift_JIS. */
  size_t blen;
  char *sj = to_charset("<html><head><meta charset=shift_jis></head><body>"
                        "<p>日本語の文章です。</p></body></html>",
                        "SHIFT_JIS", &blen);
  char *text = NULL;
  INT_EQ(run(sj, blen, 0, 0, &text), PITH_OK, "declared Shift_JIS: OK");
  STR_EQ(text, "日本語の文章です。", "declared Shift_JIS: decoded");
  free(text);
  free(sj);
}

static void test_time_limit(void) {
  pith_extractor *ex = pith_extractor_new(0);
  pith_extractor_set_time_budget(ex, PITH_NO_TIME_LIMIT);
  pith_result *res = NULL;
  const char page[] = "<p>No clock at all.</p>";
  INT_EQ(pith_extractor_extract(ex, page, sizeof page - 1, NULL, NULL, &res),
         PITH_OK, "PITH_NO_TIME_LIMIT: extracts");
  STR_EQ(pith_result_text(res), "No clock at all.", "PITH_NO_TIME_LIMIT: text");
  STR_EQ(pith_extractor_error(ex), "", "no error message after a success");
  pith_result_free(res);
  INT_EQ(pith_extractor_extract(ex, "", 0, NULL, NULL, &res), PITH_ERR_EMPTY,
         "empty input");
  STR_EQ(pith_extractor_error(ex), "empty input", "empty input's message");
  pith_extractor_free(ex);
  STR_EQ(pith_strerror(PITH_ERR_NOT_HTML), "not an HTML or text document",
         "PITH_ERR_NOT_HTML's message");
  INT_EQ(PITH_ERR_NOT_HTML, 9, "PITH_ERR_NOT_HTML is 9");
}

int main(void) {
  test_magic();
  test_binary_text();
  test_gzip();
  test_legacy();
  test_time_limit();
  return done_testing();
}
