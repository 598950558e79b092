/* SPDX-License-Identifier: MIT */
/*
 * warc_http.c - the HTTP response inside a WARC response record: the
 * status line, Content-Type (media type and charset), and the body with
 * Transfer-Encoding: chunked and a gzip or deflate Content-Encoding
 * undone, within the reader's record size cap; and a sniff for HTML
 * payloads that have no Content-Type.
 */
#include "warc_int.h"

/* Inflate src[0..n) (gzip, zlib or raw deflate) into r->body, at most
 * r->max_record bytes.  Returns 0 or -1 with the record's error set. */
static int inflate_body(pith_warc_reader *r, const char *src, size_t n,
                        int deflate_raw) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, deflate_raw ? -15 : 15 + 32) != Z_OK) {
    pith__warc_set_error(&r->rec, PITH_ERR_NOMEM, "out of memory");
    return -1;
  }
  pith__buf_reset(&r->body);
  zs.next_in = (unsigned char *)src;
  zs.avail_in = (uInt)n;
  int ret = Z_OK;
  while (ret == Z_OK) {
    if (r->body.len >= r->max_record) {
      inflateEnd(&zs);
      pith__warc_set_error(
          &r->rec, PITH_ERR_TOO_LARGE,
          "payload too large after Content-Encoding (over %zu bytes)",
          r->max_record);
      return -1;
    }
    if (!pith__buf_reserve(&r->body, RAW_CHUNK)) {
      inflateEnd(&zs);
      pith__warc_set_error(&r->rec, PITH_ERR_NOMEM, "out of memory");
      return -1;
    }
    zs.next_out = (unsigned char *)r->body.data + r->body.len;
    zs.avail_out = (uInt)(r->body.cap - r->body.len - 1);
    uInt before = zs.avail_out;
    ret = inflate(&zs, Z_NO_FLUSH);
    r->body.len += before - zs.avail_out;
    r->body.data[r->body.len] = '\0';
    if (ret == Z_BUF_ERROR && zs.avail_in == 0)
      break; /* truncated: keep what came out */
    if (ret == Z_BUF_ERROR)
      ret = Z_OK;
  }
  inflateEnd(&zs);
  if (ret != Z_STREAM_END && ret != Z_BUF_ERROR) {
    if (!deflate_raw && r->body.len == 0)
      return inflate_body(r, src, n, 1); /* "deflate" sent raw */
    pith__warc_set_error(&r->rec, PITH_ERR_ENCODING,
                         "payload Content-Encoding could not be decoded");
    return -1;
  }
  return 0;
}

/* Undo Transfer-Encoding: chunked from src[0..n) into r->body.  Returns 0
 * or -1 with the record's error set. */
static int dechunk(pith_warc_reader *r, const char *src, size_t n) {
  pith__buf_reset(&r->body);
  size_t i = 0;
  for (;;) {
    unsigned long long size = 0;
    size_t digits = 0;
    while (i < n && digits < 16) {
      int v = hexval((unsigned char)src[i]);
      if (v < 0)
        break;
      size = size * 16 + (unsigned)v;
      digits++;
      i++;
    }
    while (i < n && src[i] != '\n')
      i++; /* chunk extensions */
    if (digits == 0 || i >= n) {
      pith__warc_set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                           "bad chunked payload");
      return -1;
    }
    i++;
    if (size == 0)
      break;
    if (size > n - i) {
      pith__warc_set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                           "truncated chunked payload");
      return -1;
    }
    pith__buf_append(&r->body, src + i, (size_t)size);
    i += (size_t)size;
    if (i < n && src[i] == '\r')
      i++;
    if (i < n && src[i] == '\n')
      i++;
  }
  if (r->body.oom) {
    pith__warc_set_error(&r->rec, PITH_ERR_NOMEM, "out of memory");
    return -1;
  }
  return 0;
}

/* Copy the lower-cased value of a Content-Type's media type and charset. */
static void parse_content_type(pith_warc_record *rec, const char *v, size_t n) {
  size_t i = 0, m = 0;
  while (i < n && v[i] != ';' && m + 1 < sizeof rec->mime) {
    char c = v[i++];
    if (c == ' ' || c == '\t')
      continue;
    rec->mime[m++] = (char)lower((unsigned char)c);
  }
  rec->mime[m] = '\0';
  while (i < n) {
    if (i + 8 <= n && pith__warc_ieq_prefix(v + i, n - i, "charset=")) {
      i += 8;
      if (i < n && (v[i] == '"' || v[i] == '\''))
        i++;
      size_t c = 0;
      while (i < n && v[i] != '"' && v[i] != '\'' && v[i] != ';' &&
             v[i] != ' ' && c + 1 < sizeof rec->charset)
        rec->charset[c++] = v[i++];
      rec->charset[c] = '\0';
      return;
    }
    i++;
  }
}

/* Does the body look like HTML? (For payloads without a Content-Type.) */
int pith__warc_sniff_html(const char *s, size_t n) {
  if (n > 1024)
    n = 1024;
  for (size_t i = 0; i + 5 <= n; i++)
    if (s[i] == '<' && (pith__warc_ieq_prefix(s + i, n - i, "<html") ||
                        pith__warc_ieq_prefix(s + i, n - i, "<!doctype html")))
      return 1;
  return 0;
}

/* Parse the HTTP response in block[0..n) of a response record: status,
 * headers, and the body with its transfer and content encodings undone. */
int pith__warc_parse_http(pith_warc_reader *r, const char *b, size_t n,
                          int head_only) {
  pith_warc_record *rec = &r->rec;
  rec->body = b;
  rec->body_len = n;
  if (n < 12 || memcmp(b, "HTTP/", 5) != 0) {
    pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT,
                         "response record payload is not an HTTP response");
    return -1;
  }
  size_t hl;
  size_t scan = n < HTTP_HDR_CAP ? n : HTTP_HDR_CAP;
  size_t end = pith__warc_header_end(b, scan, 0, &hl, NULL);
  if (!end) {
    pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT,
                         "HTTP headers do not end with a blank line");
    return -1;
  }
  size_t i = 5;
  while (i < hl && b[i] != ' ')
    i++;
  int status = 0, digits = 0;
  if (i < hl)
    i++;
  while (i < hl && digits < 3 && is_digit((unsigned char)b[i])) {
    status = status * 10 + (b[i++] - '0');
    digits++;
  }
  if (digits != 3) {
    pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT, "bad HTTP status line");
    return -1;
  }
  rec->http_status = status;
  int gz = 0, raw_deflate = 0, chunked = 0;
  char unsupported[32] = "";
  while (i < hl) {
    while (i < hl && b[i] != '\n')
      i++;
    i++;
    size_t s = i;
    while (i < hl && b[i] != '\n')
      i++;
    if (s >= hl)
      break;
    const char *line = b + s;
    size_t ll = i - s;
    const char *colon = memchr(line, ':', ll);
    if (!colon)
      continue;
    size_t klen = (size_t)(colon - line);
    size_t vl = ll - klen - 1;
    const char *val = pith__warc_trim(colon + 1, &vl);
    if (klen == 12 && pith__warc_ieq_prefix(line, klen, "content-type")) {
      parse_content_type(rec, val, vl);
    } else if (klen == 16 &&
               pith__warc_ieq_prefix(line, klen, "content-encoding")) {
      if (vl == 0 || (vl == 8 && pith__warc_ieq_prefix(val, vl, "identity")))
        continue;
      if ((vl == 4 && pith__warc_ieq_prefix(val, vl, "gzip")) ||
          (vl == 6 && pith__warc_ieq_prefix(val, vl, "x-gzip")))
        gz = 1;
      else if (vl == 7 && pith__warc_ieq_prefix(val, vl, "deflate"))
        raw_deflate = 1;
      else
        snprintf(unsupported, sizeof unsupported, "%.*s",
                 (int)(vl < 24 ? vl : 24), val);
    } else if (klen == 17 &&
               pith__warc_ieq_prefix(line, klen, "transfer-encoding")) {
      if (vl == 7 && pith__warc_ieq_prefix(val, vl, "chunked"))
        chunked = 1;
    }
  }
  if (head_only)
    return 0;
  const char *body = b + end;
  size_t blen = n - end;
  if (chunked && blen) {
    if (dechunk(r, body, blen) < 0)
      return -1;
    body = r->body.data ? r->body.data : "";
    blen = r->body.len;
  }
  if (unsupported[0]) {
    rec->body = body;
    rec->body_len = blen;
    rec->status = PITH_ERR_ENCODING;
    snprintf(rec->error, sizeof rec->error,
             "unsupported HTTP Content-Encoding: %s", unsupported);
    return -1;
  }
  if ((gz || raw_deflate) && blen) {
    /* Copy a de-chunked body first: inflate_body writes into r->body. */
    pith_buf src;
    pith__buf_init(&src);
    if (body == r->body.data) {
      src = r->body;
      pith__buf_init(&r->body);
      body = src.data;
    }
    int rc = inflate_body(r, body, blen, 0);
    pith__buf_free(&src);
    if (rc < 0)
      return -1;
    body = r->body.data ? r->body.data : "";
    blen = r->body.len;
  }
  rec->body = body;
  rec->body_len = blen;
  return 0;
}
