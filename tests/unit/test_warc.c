/* SPDX-License-Identifier: MIT */
/*
 * test_warc.c - unit tests of the streaming WARC reader (lib/warc.c).
 *
 * WARC files are built in memory (uncompressed, and gzip with one member
 * per record), including broken ones: garbage between records, a wrong
 * Content-Length either way, truncation, a damaged or cut gzip member, a
 * payload that is not HTTP, an oversized record.  Each is fed to the
 * reader in chunks of 1 to 20 bytes as well as whole, and the sequence of
 * records it returns must be the same every time.  Random mutations of a
 * good file check that every input ends in a bounded number of records
 * (under ASan: without reading out of bounds).
 */
#include <stdlib.h>
#include <string.h>

#include <zlib.h>

#include "harness.h"
#include "pith/pith.h"

typedef struct {
  char *d;
  size_t len, cap;
} sbuf;

static void sb_add(sbuf *b, const char *s, size_t n) {
  if (b->len + n + 1 > b->cap) {
    b->cap = (b->len + n + 1) * 2;
    b->d = realloc(b->d, b->cap);
    if (!b->d)
      abort();
  }
  memcpy(b->d + b->len, s, n);
  b->len += n;
  b->d[b->len] = '\0';
}
static void sb_puts(sbuf *b, const char *s) { sb_add(b, s, strlen(s)); }

/* Append one WARC record; `cl_delta` falsifies its Content-Length. */
static void add_record(sbuf *b, const char *type, const char *uri,
                       const char *id, const char *block, size_t blen,
                       long cl_delta) {
  char h[512];
  snprintf(h, sizeof h,
           "WARC/1.1\r\nWARC-Type: %s\r\nWARC-Target-URI: %s\r\n"
           "WARC-Date: 2024-03-04T10:00:00Z\r\nWARC-Record-ID: %s\r\n"
           "Content-Type: application/http; msgtype=response\r\n"
           "Content-Length: %ld\r\n\r\n",
           type, uri, id, (long)blen + cl_delta);
  sb_puts(b, h);
  sb_add(b, block, blen);
  sb_puts(b, "\r\n\r\n");
}

/* Gzip s[0..n) as one member appended to out. */
static void gzip_member(sbuf *out, const char *s, size_t n) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (deflateInit2(&zs, 6, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    abort();
  size_t cap = deflateBound(&zs, n);
  char *tmp = malloc(cap);
  zs.next_in = (unsigned char *)s;
  zs.avail_in = (uInt)n;
  zs.next_out = (unsigned char *)tmp;
  zs.avail_out = (uInt)cap;
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
    abort();
  sb_add(out, tmp, cap - zs.avail_out);
  deflateEnd(&zs);
  free(tmp);
}

/* Gzip s[0..n) as one member with the header flags `flg` (FHCRC: a header
 * CRC, wrong when `bad_hcrc`; FEXTRA, FNAME, FCOMMENT: dummy fields). */
static void gzip_member_flags(sbuf *out, const char *s, size_t n, int flg,
                              int bad_hcrc) {
  unsigned char hdr[64] = {0x1f, 0x8b, 8,  (unsigned char)flg, 0, 0, 0,
                           0,    0,    255};
  size_t hl = 10;
  if (flg & 4) {
    memcpy(hdr + hl,
           "\x03\x00"
           "abc",
           5);
    hl += 5;
  }
  if (flg & 8) {
    memcpy(hdr + hl, "name", 5);
    hl += 5;
  }
  if (flg & 16) {
    memcpy(hdr + hl, "comment", 8);
    hl += 8;
  }
  if (flg & 2) {
    unsigned long c = crc32(0, hdr, (uInt)hl) ^ (bad_hcrc ? 1u : 0u);
    hdr[hl++] = (unsigned char)(c & 255);
    hdr[hl++] = (unsigned char)(c >> 8 & 255);
  }
  sb_add(out, (const char *)hdr, hl);
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (deflateInit2(&zs, 6, Z_DEFLATED, -15, 8, Z_DEFAULT_STRATEGY) != Z_OK)
    abort();
  size_t cap = deflateBound(&zs, n);
  char *tmp = malloc(cap);
  zs.next_in = (unsigned char *)s;
  zs.avail_in = (uInt)n;
  zs.next_out = (unsigned char *)tmp;
  zs.avail_out = (uInt)cap;
  if (deflate(&zs, Z_FINISH) != Z_STREAM_END)
    abort();
  sb_add(out, tmp, cap - zs.avail_out);
  deflateEnd(&zs);
  free(tmp);
  unsigned long c = crc32(0, (const unsigned char *)s, (uInt)n);
  unsigned char tr[8];
  for (int i = 0; i < 4; i++) {
    tr[i] = (unsigned char)(c >> (8 * i) & 255);
    tr[4 + i] = (unsigned char)((unsigned long)n >> (8 * i) & 255);
  }
  sb_add(out, (const char *)tr, 8);
}

static const char page[] =
    "<!DOCTYPE html><html><head><title>T</title></head><body><p>Hello "
    "world, this is a page.</p></body></html>";

/* An HTTP response around `body`, with extra header lines `hdrs`. */
static void http(sbuf *b, const char *hdrs, const char *body, size_t blen) {
  b->len = 0;
  sb_puts(b, "HTTP/1.1 200 OK\r\n");
  sb_puts(b, hdrs);
  sb_puts(b, "\r\n");
  sb_add(b, body, blen);
}

/* The reader's callback: serve src in chunks whose sizes cycle from 1 up
 * to `chunk` (0: everything at once); fail with -1 after `fail_at` bytes
 * when fail_at is set. */
typedef struct {
  const char *src;
  size_t len, pos, chunk, turn, fail_at;
} feeder;

static ptrdiff_t feed(void *ctx, char *buf, size_t len) {
  feeder *f = ctx;
  if (f->fail_at && f->pos >= f->fail_at)
    return -1;
  size_t n = f->len - f->pos;
  if (f->chunk) {
    size_t c = 1 + f->turn++ % f->chunk;
    if (n > c)
      n = c;
  }
  if (n > len)
    n = len;
  memcpy(buf, f->src + f->pos, n);
  f->pos += n;
  return (ptrdiff_t)n;
}

/* Read everything; return a summary line per record ("status type uri id
 * http mime charset bodylen html | error") and the final status. */
static char *read_all(const char *src, size_t len, size_t chunk,
                      size_t max_record, pith_status *last,
                      unsigned long long *skipped) {
  feeder f = {src, len, 0, chunk, 0, 0};
  pith_warc_reader *r = pith_warc_reader_new(feed, &f);
  if (!r)
    abort();
  if (max_record)
    pith_warc_reader_set_max_record(r, max_record);
  sbuf out = {0};
  sb_puts(&out, "");
  pith_status st;
  for (int guard = 0; guard < 100000; guard++) {
    const pith_warc_record *rec;
    st = pith_warc_reader_next(r, &rec);
    if (!rec)
      break;
    size_t blen;
    pith_warc_record_body(rec, &blen);
    char line[1024];
    snprintf(line, sizeof line, "%d %s %s %s %d %s %s %zu %d | %s\n", (int)st,
             pith_warc_record_type(rec), pith_warc_record_target_uri(rec),
             pith_warc_record_id(rec), pith_warc_record_http_status(rec),
             pith_warc_record_content_type(rec), pith_warc_record_charset(rec),
             blen, pith_warc_record_is_html(rec), pith_warc_record_error(rec));
    sb_puts(&out, line);
  }
  *last = st;
  if (skipped)
    *skipped = pith_warc_reader_skipped_bytes(r);
  pith_warc_reader_free(r);
  return out.d;
}

static int count_lines(const char *s) {
  int n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

/* Read src whole and in chunks of 1..k for several k: all must agree. */
static char *read_checked(const char *desc, const char *src, size_t len,
                          size_t max_record, unsigned long long *skipped) {
  pith_status st;
  char *whole = read_all(src, len, 0, max_record, &st, skipped);
  int same = st == PITH_OK;
  static const size_t chunks[] = {1, 2, 3, 7, 13, 20};
  for (size_t i = 0; i < sizeof chunks / sizeof chunks[0]; i++) {
    unsigned long long sk;
    pith_status st2;
    char *c = read_all(src, len, chunks[i], max_record, &st2, &sk);
    if (strcmp(c, whole) != 0 || st2 != st || (skipped && sk != *skipped)) {
      same = 0;
      printf("# chunk %zu differs:\n# %s\n# vs whole:\n# %s\n", chunks[i], c,
             whole);
    }
    free(c);
  }
  OK(same, desc);
  return whole;
}

/* Hostile input: 30 MB of "WARC/1.0" lines and no blank line.  Each is a
 * record start whose header never ends; every start's scan resumes where
 * the last one stopped, so this is linear (well under a second; a rescan
 * per start took minutes, which the test's time-out would catch). */
static void test_no_blank_line(void) {
  const size_t unit = 10, n = 3000000;
  char *src = malloc(unit * n);
  if (!src)
    abort();
  for (size_t i = 0; i < n; i++)
    memcpy(src + i * unit, "WARC/1.0\r\n", unit);
  feeder f = {src, unit * n, 0, 0, 0, 0};
  pith_warc_reader *r = pith_warc_reader_new(feed, &f);
  if (!r)
    abort();
  size_t records = 0, good = 0;
  for (;;) {
    const pith_warc_record *rec;
    pith_status st = pith_warc_reader_next(r, &rec);
    if (!rec)
      break;
    records++;
    good += st == PITH_OK;
  }
  pith_warc_reader_free(r);
  free(src);
  INT_EQ(good, 0, "no blank line: no good record");
  OK(records > n * 9 / 10 && records <= n,
     "no blank line: an error per start, the tail as one");
}

/* Stored offsets: every record of a .warc.gz with one member per record
 * (and a big member that zlib streams), and of the same records
 * uncompressed, is found back at its member's (or its own) offset and
 * length, whatever the chunks the input comes in. */
static void test_stored_offsets(void) {
  enum { N = 6 };
  sbuf plain = {0}, gz = {0}, body = {0}, rec = {0};
  size_t poff[N], plen[N], goff[N], glen[N];
  /* A record over 8 MiB: its member is inflated by zlib as it streams
   * by, not whole, so its end may come after the record's last byte. */
  const size_t bigsz = (size_t)9 << 20;
  char *big = malloc(bigsz);
  unsigned long long x = 16;
  for (size_t i = 0; i < bigsz; i++) {
    x = x * 6364136223846793005ULL + 1442695040888963407ULL;
    big[i] = (char)('a' + (x >> 59));
  }
  sb_puts(&plain, "");
  sb_puts(&gz, "");
  for (int i = 0; i < N; i++) {
    char uri[64], id[64];
    snprintf(uri, sizeof uri, "http://e.test/%d", i);
    snprintf(id, sizeof id, "<urn:uuid:%d>", i);
    if (i == 3)
      http(&body, "Content-Type: text/html\r\n", big, bigsz);
    else if (i == 4)
      http(&body, "Content-Type: text/html\r\n", "", 0); /* no body */
    else
      http(&body, "Content-Type: text/html\r\n", page, sizeof page - 1);
    rec.len = 0;
    sb_puts(&rec, "");
    add_record(&rec, "response", uri, id, body.d, body.len, 0);
    poff[i] = plain.len;
    plen[i] = rec.len;
    sb_add(&plain, rec.d, rec.len);
    goff[i] = gz.len;
    gzip_member(&gz, rec.d, rec.len);
    glen[i] = gz.len - goff[i];
  }
  static const size_t chunks[] = {0, 7, 4096};
  for (int g = 0; g < 2; g++) {
    const sbuf *src = g ? &gz : &plain;
    const size_t *off = g ? goff : poff, *len = g ? glen : plen;
    int all = 1;
    for (size_t c = 0; c < sizeof chunks / sizeof chunks[0]; c++) {
      feeder f = {src->d, src->len, 0, chunks[c], 0, 0};
      pith_warc_reader *r = pith_warc_reader_new(feed, &f);
      int n = 0;
      for (;;) {
        const pith_warc_record *wr;
        pith_status st = pith_warc_reader_next(r, &wr);
        if (!wr)
          break;
        if (n >= N || st != PITH_OK ||
            pith_warc_record_stored_offset(wr) != off[n] ||
            pith_warc_record_stored_length(wr) != len[n] ||
            pith_warc_record_is_html(wr) != 1) {
          printf("# %s chunk %zu record %d: %llu+%llu, want %zu+%zu\n",
                 g ? "gzip" : "plain", chunks[c], n,
                 pith_warc_record_stored_offset(wr),
                 pith_warc_record_stored_length(wr), n < N ? off[n] : 0,
                 n < N ? len[n] : 0);
          all = 0;
        }
        n++;
      }
      all &= n == N;
      pith_warc_reader_free(r);
    }
    OK(all, g ? "stored offsets: each gzip member, in any chunks"
              : "stored offsets: each record, in any chunks");
  }
  /* A damaged member: an error record at the member's offset. */
  sbuf bad = {0};
  sb_add(&bad, gz.d, goff[2]);
  size_t at = bad.len;
  sb_add(&bad, gz.d + goff[2], glen[2]);
  for (size_t k = at + 30; k < bad.len - 10; k += 5)
    bad.d[k] ^= 0x55;
  sb_add(&bad, gz.d + goff[3], gz.len - goff[3]);
  feeder f = {bad.d, bad.len, 0, 0, 0, 0};
  pith_warc_reader *r = pith_warc_reader_new(feed, &f);
  int seen = 0;
  for (;;) {
    const pith_warc_record *wr;
    pith_status st = pith_warc_reader_next(r, &wr);
    if (!wr)
      break;
    if (st != PITH_OK) {
      seen = pith_warc_record_stored_offset(wr) == at;
      if (!seen)
        printf("# damaged member: error at %llu (%s), want %zu\n",
               pith_warc_record_stored_offset(wr), pith_warc_record_error(wr),
               at);
    }
  }
  pith_warc_reader_free(r);
  OK(seen, "stored offsets: a damaged member's error record");
  free(big);
  free(plain.d);
  free(gz.d);
  free(body.d);
  free(rec.d);
  free(bad.d);
}

int main(void) {
  test_stored_offsets();
  sbuf h = {0}, w = {0}, gz = {0}, body = {0};
  test_no_blank_line();

  /* A small WARC: warcinfo, request, an HTML response with a charset, an
   * image response, a resource; plain and gzip per record. */
  const char *info = "software: test\r\n";
  const char *req = "GET / HTTP/1.1\r\nHost: example.org\r\n\r\n";
  sbuf recs[5];
  memset(recs, 0, sizeof recs);
  add_record(&recs[0], "warcinfo", "", "<urn:uuid:0>", info, strlen(info), 0);
  add_record(&recs[1], "request", "http://example.org/", "<urn:uuid:1>", req,
             strlen(req), 0);
  http(&h, "Content-Type: text/html; charset=\"ISO-8859-1\"\r\n", page,
       strlen(page));
  add_record(&recs[2], "response", "<http://example.org/>", "<urn:uuid:2>", h.d,
             h.len, 0);
  http(&h, "Content-Type: image/png\r\n", "\x89PNG\r\n", 6);
  add_record(&recs[3], "response", "http://example.org/a.png", "<urn:uuid:3>",
             h.d, h.len, 0);
  add_record(&recs[4], "resource", "file:///x", "<urn:uuid:4>", page,
             strlen(page), 0);
  for (int i = 0; i < 5; i++) {
    sb_add(&w, recs[i].d, recs[i].len);
    gzip_member(&gz, recs[i].d, recs[i].len);
  }

  unsigned long long sk;
  char *plain = read_checked("plain WARC reads the same in any chunking", w.d,
                             w.len, 0, &sk);
  INT_EQ(count_lines(plain), 5, "five records");
  char want2[256];
  snprintf(want2, sizeof want2,
           "0 response http://example.org/ <urn:uuid:2> 200 text/html "
           "ISO-8859-1 %zu 1 | \n",
           strlen(page));
  OK(strstr(plain, want2) != NULL,
     "response record: URI without brackets, status, mime, charset, body");
  OK(strstr(plain, "0 response http://example.org/a.png <urn:uuid:3> 200 "
                   "image/png  6 0 | \n") != NULL,
     "image response: not HTML");
  OK(strstr(plain, "0 warcinfo  <urn:uuid:0> 0   16 0 | ") != NULL,
     "warcinfo record: block as body, no HTTP");
  INT_EQ(sk, 0, "nothing skipped");

  char *zipped = read_checked("gzip WARC reads the same in any chunking", gz.d,
                              gz.len, 0, &sk);
  STR_EQ(zipped, plain, "gzip per record gives the same records as plain");
  free(zipped);

  /* One gzip member for the whole file gives the same, too. */
  sbuf one = {0};
  gzip_member(&one, w.d, w.len);
  zipped = read_checked("single-member gzip WARC", one.d, one.len, 0, NULL);
  STR_EQ(zipped, plain, "one member for all records: same records");
  free(zipped);

  /* Two records per member, and gzip headers with optional fields. */
  {
    sbuf b = {0};
    for (int i = 0; i < 5; i += 2) {
      sbuf two = {0};
      sb_add(&two, recs[i].d, recs[i].len);
      if (i + 1 < 5)
        sb_add(&two, recs[i + 1].d, recs[i + 1].len);
      gzip_member(&b, two.d, two.len);
      free(two.d);
    }
    zipped = read_checked("two records per gzip member", b.d, b.len, 0, NULL);
    STR_EQ(zipped, plain, "two records per member: same records");
    free(zipped);
    b.len = 0;
    static const int flags[] = {0, 2, 4, 8, 16, 30};
    for (int i = 0; i < 5; i++)
      gzip_member_flags(&b, recs[i].d, recs[i].len, flags[i], 0);
    zipped = read_checked("gzip headers with FHCRC, FEXTRA, FNAME, FCOMMENT",
                          b.d, b.len, 0, &sk);
    STR_EQ(zipped, plain, "optional gzip header fields: same records");
    INT_EQ(sk, 0, "optional gzip header fields: nothing skipped");
    free(zipped);
    /* A wrong header CRC: the member is damaged (zlib checks it). */
    b.len = 0;
    for (int i = 0; i < 5; i++)
      gzip_member_flags(&b, recs[i].d, recs[i].len, i == 2 ? 2 : 0, i == 2);
    zipped = read_checked("wrong gzip header CRC", b.d, b.len, 0, NULL);
    INT_EQ(count_lines(zipped), 5, "wrong header CRC: one line per record");
    OK(strstr(zipped, "7 warcinfo") == NULL &&
           strstr(zipped, "corrupt gzip member (header crc mismatch)"),
       "wrong header CRC: an error record for that member only");
    free(zipped);
    /* A wrong CRC-32 or length in a member's trailer, after a whole
     * record: the record is read, and the rescan for the next member
     * (from just after the damaged one's start) counts skipped bytes. */
    for (int which = 0; which < 2; which++) {
      b.len = 0;
      size_t end3 = 0;
      for (int i = 0; i < 5; i++) {
        gzip_member(&b, recs[i].d, recs[i].len);
        if (i == 2)
          end3 = b.len;
      }
      b.d[end3 - (which ? 2 : 6)] ^= 0x40;
      zipped = read_checked(which ? "wrong ISIZE in a gzip trailer"
                                  : "wrong CRC-32 in a gzip trailer",
                            b.d, b.len, 0, &sk);
      STR_EQ(zipped, plain, "bad trailer: the same records");
      OK(sk >= 8 && sk < end3, "bad trailer: skipped bytes counted");
      free(zipped);
    }
    free(b.d);
  }

  /* A read error between gzip members: the records before it come out,
   * then PITH_ERR_IO. */
  for (int at = 0; at < 3; at++) {
    size_t starts[6];
    sbuf b = {0};
    for (int i = 0; i < 5; i++) {
      starts[i] = b.len;
      gzip_member(&b, recs[i].d, recs[i].len);
    }
    starts[5] = b.len;
    for (size_t chunk = 1; chunk < 20; chunk += 7) {
      feeder f = {b.d, b.len, 0, chunk, 0, starts[3] + (size_t)at * 2};
      pith_warc_reader *r = pith_warc_reader_new(feed, &f);
      const pith_warc_record *rec;
      pith_status st;
      int n = 0;
      while ((st = pith_warc_reader_next(r, &rec)) == PITH_OK && rec)
        n++;
      char desc[96];
      snprintf(desc, sizeof desc,
               "read error %d bytes into member 4 (chunks %zu): 3 records, "
               "then PITH_ERR_IO",
               at * 2, chunk);
      OK(n == 3 && st == PITH_ERR_IO, desc);
      pith_warc_reader_free(r);
    }
    free(b.d);
  }

  /* A record bigger than the whole-member path takes (8 MiB): zlib
   * streams it. */
  {
    size_t big = (size_t)9 << 20;
    char *html = malloc(big);
    for (size_t i = 0; i < big; i++)
      html[i] = "<p>Some words of a big page.</p>\n"[i % 33];
    sbuf b = {0}, hb = {0};
    sb_add(&b, recs[0].d, recs[0].len);
    http(&hb, "Content-Type: text/html\r\n", html, big);
    add_record(&b, "response", "http://big/", "<urn:uuid:big>", hb.d, hb.len,
               0);
    sb_add(&b, recs[2].d, recs[2].len);
    sbuf bz = {0};
    gzip_member(&bz, recs[0].d, recs[0].len);
    gzip_member(&bz, b.d + recs[0].len, b.len - recs[0].len - recs[2].len);
    gzip_member(&bz, recs[2].d, recs[2].len);
    pith_status st;
    char *p1 = read_all(b.d, b.len, 0, 0, &st, NULL);
    char *p2 = read_all(bz.d, bz.len, 0, 0, &st, NULL);
    STR_EQ(p2, p1, "9 MiB record in a gzip member: as uncompressed");
    OK(strstr(p2, "0 response http://big/ <urn:uuid:big> 200 text/html  "
                  "9437184 1") != NULL,
       "9 MiB record: read whole");
    free(p1);
    free(p2);
    free(html);
    free(b.d);
    free(hb.d);
    free(bz.d);
  }

  /* The body of a response is the HTTP payload. */
  {
    feeder f = {w.d, w.len, 0, 5, 0, 0};
    pith_warc_reader *r = pith_warc_reader_new(feed, &f);
    const pith_warc_record *rec = NULL;
    for (int i = 0; i < 3; i++)
      pith_warc_reader_next(r, &rec);
    size_t blen;
    const char *b = pith_warc_record_body(rec, &blen);
    OK(blen == strlen(page) && memcmp(b, page, blen) == 0,
       "body is exactly the HTML page");
    STR_EQ(pith_warc_record_date(rec), "2024-03-04T10:00:00Z", "WARC-Date");
    pith_warc_reader_free(r);
  }

  /* Garbage between records: skipped and counted, records intact. */
  sbuf g = {0};
  sb_add(&g, recs[0].d, recs[0].len);
  sb_puts(&g, "this is not a record\r\nnor WARC/1.0 this\r\n");
  sb_add(&g, recs[2].d, recs[2].len);
  sb_puts(&g, "junk");
  sb_add(&g, recs[3].d, recs[3].len);
  char *s = read_checked("garbage between records", g.d, g.len, 0, &sk);
  INT_EQ(count_lines(s), 3, "garbage: all three records");
  OK(strstr(s, " | \n") && !strstr(s, "| b") && !strstr(s, "| t"),
     "garbage: no error records");
  OK(sk >= 40, "garbage: skipped bytes counted");
  free(s);

  /* Wrong Content-Length, too short and too long: an error record each,
   * and the following records survive. */
  for (int delta = -10; delta <= 10; delta += 20) {
    sbuf b = {0};
    sb_add(&b, recs[0].d, recs[0].len);
    http(&h, "Content-Type: text/html\r\n", page, strlen(page));
    add_record(&b, "response", "http://bad/", "<urn:uuid:bad>", h.d, h.len,
               delta);
    sb_add(&b, recs[2].d, recs[2].len);
    sb_add(&b, recs[3].d, recs[3].len);
    s = read_checked(delta < 0 ? "Content-Length too short"
                               : "Content-Length too long",
                     b.d, b.len, 0, NULL);
    INT_EQ(count_lines(s), 4, "wrong length: one line per record");
    OK(strstr(s, "7 response http://bad/ <urn:uuid:bad>") != NULL,
       "wrong length: error record keeps its identity");
    OK(strstr(s, want2) != NULL, "wrong length: next record intact");
    free(s);
    /* The same, gzip per record. */
    sbuf bz = {0};
    gzip_member(&bz, recs[0].d, recs[0].len);
    sbuf badrec = {0};
    add_record(&badrec, "response", "http://bad/", "<urn:uuid:bad>", h.d, h.len,
               delta);
    gzip_member(&bz, badrec.d, badrec.len);
    gzip_member(&bz, recs[2].d, recs[2].len);
    gzip_member(&bz, recs[3].d, recs[3].len);
    s = read_checked("wrong length, gzip", bz.d, bz.len, 0, NULL);
    INT_EQ(count_lines(s), 4, "wrong length gzip: one line per record");
    OK(strstr(s, want2) != NULL, "wrong length gzip: next record intact");
    free(s);
    free(bz.d);
    free(badrec.d);
    free(b.d);
  }

  /* Truncated at the end. */
  s = read_checked("truncated last record", w.d, w.len - 40, 0, NULL);
  INT_EQ(count_lines(s), 5, "truncated: one line per record");
  OK(strstr(s, "7 resource file:///x <urn:uuid:4>") != NULL,
     "truncated: error record for the cut record");
  free(s);

  /* A damaged gzip member in the middle, and one cut short. */
  {
    sbuf b = {0};
    size_t starts[6];
    for (int i = 0; i < 5; i++) {
      starts[i] = b.len;
      gzip_member(&b, recs[i].d, recs[i].len);
    }
    starts[5] = b.len;
    sbuf bad = {0};
    sb_add(&bad, b.d, b.len);
    memset(bad.d + starts[2] + 20, 0xff, 12); /* inside member 3's data */
    s = read_checked("damaged gzip member", bad.d, bad.len, 0, NULL);
    INT_EQ(count_lines(s), 5, "damaged member: one line per record");
    OK(strstr(s, "corrupt gzip member") != NULL,
       "damaged member: error record says so");
    OK(strstr(s, "0 response http://example.org/a.png") != NULL,
       "damaged member: the next member is read");
    free(s);
    sbuf cut = {0};
    sb_add(&cut, b.d, starts[2] + (starts[3] - starts[2]) / 2);
    sb_add(&cut, b.d + starts[3], b.len - starts[3]);
    s = read_checked("gzip member cut short", cut.d, cut.len, 0, NULL);
    INT_EQ(count_lines(s), 5, "cut member: one line per record");
    OK(strstr(s, "0 response http://example.org/a.png") != NULL,
       "cut member: the next member is read");
    free(s);
    s = read_checked("file ends inside a gzip member", b.d, starts[4] + 30, 0,
                     NULL);
    INT_EQ(count_lines(s), 5, "cut at end: one line per record");
    OK(strstr(s, "truncated gzip member") != NULL, "cut at end: says so");
    free(s);
    free(bad.d);
    free(cut.d);
    free(b.d);
  }

  /* A response record whose payload is not HTTP; an oversized record. */
  {
    sbuf b = {0};
    add_record(&b, "response", "http://x/", "<urn:uuid:x>", page, strlen(page),
               0);
    sb_add(&b, recs[2].d, recs[2].len);
    s = read_checked("non-HTTP payload", b.d, b.len, 0, NULL);
    OK(strstr(s, "7 response http://x/ <urn:uuid:x> 0   105 0 | response "
                 "record payload is not an HTTP response") != NULL,
       "non-HTTP payload: error record");
    OK(strstr(s, want2) != NULL, "non-HTTP payload: next record intact");
    free(s);
    s = read_checked("oversized record", w.d, w.len, 100, NULL);
    OK(strstr(s, "5 response http://example.org/ <urn:uuid:2> 200 text/html "
                 "ISO-8859-1 0 0 | record block too large") != NULL,
       "oversized: PITH_ERR_TOO_LARGE error record, with HTTP status and "
       "Content-Type");
    OK(strstr(s, "5 response http://example.org/a.png <urn:uuid:3>") == NULL,
       "oversized: the small image record is not too large");
    INT_EQ(count_lines(s), 5, "oversized: the rest is read");
    free(s);
    free(b.d);
  }

  /* Content-Encoding gzip and Transfer-Encoding chunked payloads. */
  {
    sbuf zb = {0}, b = {0};
    gzip_member(&zb, page, strlen(page));
    http(&h, "Content-Type: text/html\r\nContent-Encoding: gzip\r\n", zb.d,
         zb.len);
    add_record(&b, "response", "http://z/", "<urn:uuid:z>", h.d, h.len, 0);
    body.len = 0;
    char sz[32];
    snprintf(sz, sizeof sz, "%zx\r\n", (size_t)10);
    sb_puts(&body, sz);
    sb_add(&body, page, 10);
    snprintf(sz, sizeof sz, "\r\n%zx;ext=1\r\n", strlen(page) - 10);
    sb_puts(&body, sz);
    sb_puts(&body, page + 10);
    sb_puts(&body, "\r\n0\r\n\r\n");
    http(&h, "Content-Type: text/html\r\nTransfer-Encoding: chunked\r\n",
         body.d, body.len);
    add_record(&b, "response", "http://c/", "<urn:uuid:c>", h.d, h.len, 0);
    http(&h, "Content-Type: text/html\r\nContent-Encoding: br\r\n", "xx", 2);
    add_record(&b, "response", "http://br/", "<urn:uuid:br>", h.d, h.len, 0);
    feeder f = {b.d, b.len, 0, 3, 0, 0};
    pith_warc_reader *r = pith_warc_reader_new(feed, &f);
    const pith_warc_record *rec;
    size_t blen;
    const char *bd;
    INT_EQ(pith_warc_reader_next(r, &rec), PITH_OK, "gzip payload: ok");
    bd = pith_warc_record_body(rec, &blen);
    OK(blen == strlen(page) && memcmp(bd, page, blen) == 0,
       "Content-Encoding gzip is undone");
    INT_EQ(pith_warc_reader_next(r, &rec), PITH_OK, "chunked payload: ok");
    bd = pith_warc_record_body(rec, &blen);
    OK(blen == strlen(page) && memcmp(bd, page, blen) == 0,
       "Transfer-Encoding chunked is undone");
    INT_EQ(pith_warc_reader_next(r, &rec), PITH_ERR_ENCODING,
           "unsupported Content-Encoding: PITH_ERR_ENCODING");
    OK(strstr(pith_warc_record_error(rec), "br") != NULL,
       "unsupported Content-Encoding is named");
    INT_EQ(pith_warc_reader_next(r, &rec), PITH_OK, "end: PITH_OK");
    OK(rec == NULL, "end: no record");
    pith_warc_reader_free(r);
    free(zb.d);
    free(b.d);
  }

  /* A failing read callback stops the reader with PITH_ERR_IO. */
  {
    feeder f = {w.d, w.len, 0, 20, 0, 300};
    pith_warc_reader *r = pith_warc_reader_new(feed, &f);
    const pith_warc_record *rec;
    pith_status st;
    int n = 0;
    while ((st = pith_warc_reader_next(r, &rec)) == PITH_OK && rec)
      n++;
    INT_EQ(st, PITH_ERR_IO, "read error: PITH_ERR_IO");
    INT_EQ(pith_warc_reader_next(r, &rec), PITH_ERR_IO, "and it stays");
    pith_warc_reader_free(r);
  }
  OK(pith_warc_reader_new(NULL, NULL) == NULL, "NULL callback: NULL reader");
  pith_warc_reader_free(NULL);

  /* Empty and tiny inputs. */
  s = read_checked("empty input", "", 0, 0, NULL);
  INT_EQ(count_lines(s), 0, "empty input: no records");
  free(s);
  s = read_checked("just 'WARC/'", "WARC/", 5, 0, NULL);
  free(s);
  s = read_checked("a gzip header only", "\x1f\x8b\x08", 3, 0, NULL);
  free(s);

  /* Random mutations of plain and gzip files: every one ends, in any
   * chunking, with a bounded number of records. */
  {
    srand(12345);
    int fine = 1;
    for (int iter = 0; iter < 300 && fine; iter++) {
      sbuf *src = iter % 2 ? &gz : &w;
      sbuf m = {0};
      sb_add(&m, src->d, src->len);
      int edits = 1 + rand() % 8;
      for (int e = 0; e < edits; e++) {
        size_t at = (size_t)rand() % m.len;
        switch (rand() % 3) {
        case 0:
          m.d[at] = (char)rand();
          break;
        case 1:
          m.len = at + 1; /* truncate */
          break;
        default:
          memmove(m.d + at, m.d + at + 1, m.len - at - 1); /* delete */
          m.len--;
        }
        if (m.len == 0)
          break;
      }
      pith_status st;
      char *a = read_all(m.d, m.len, 0, 0, &st, NULL);
      char *b = read_all(m.d, m.len, 1 + (size_t)iter % 20, 0, &st, NULL);
      if (strcmp(a, b) != 0 || count_lines(a) > 64) {
        fine = 0;
        printf("# mutation %d differs\n", iter);
      }
      free(a);
      free(b);
      free(m.d);
    }
    OK(fine, "300 random mutations: same records in any chunking, bounded");
  }

  free(plain);
  for (int i = 0; i < 5; i++)
    free(recs[i].d);
  free(h.d);
  free(w.d);
  free(gz.d);
  free(one.d);
  free(g.d);
  free(body.d);
  return done_testing();
}
