/* SPDX-License-Identifier: MIT */
/*
 * warc_header.c - WARC header blocks for the reader (warc.c): where a
 * record starts ("WARC/1.N" at a line start), where its header block ends
 * (the blank line), and its fields (type, target URI, record id, date,
 * truncation, Content-Length), kept as strings of the reader.  Also the
 * small helpers of header lines the HTTP parser uses.
 */
#include "warc_int.h"

/* ---- record layer ------------------------------------------------------- */

int pith__warc_ieq_prefix(const char *s, size_t n, const char *lit) {
  size_t m = strlen(lit);
  if (n < m)
    return 0;
  for (size_t i = 0; i < m; i++) {
    if (lower((unsigned char)s[i]) != (unsigned char)lit[i])
      return 0;
  }
  return 1;
}

/* Does d[i..n) start a record: a line "WARC/1.0" or "WARC/1.1" (any
 * minor digit), then CRLF or LF?  Returns 1 yes, 0 no, -1 when there are
 * too few bytes to tell. */
int pith__warc_record_start_at(const char *d, size_t i, size_t n) {
  static const char lit[] = "WARC/1.";
  for (size_t k = 0; k < 9; k++) {
    if (i + k >= n)
      return -1;
    char c = d[i + k];
    int ok = k < 7    ? c == lit[k]
             : k == 7 ? is_digit((unsigned char)c)
                      : c == '\r' || c == '\n';
    if (!ok)
      return 0;
  }
  return 1;
}

#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
void pith__warc_set_error(pith_warc_record *rec, pith_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rec->status = st;
  vsnprintf(rec->error, sizeof rec->error, fmt, ap);
  va_end(ap);
}

/* Trim spaces and tabs from both ends of s[0..*n). */
const char *pith__warc_trim(const char *s, size_t *n) {
  while (*n && (*s == ' ' || *s == '\t')) {
    s++;
    (*n)--;
  }
  while (*n && (s[*n - 1] == ' ' || s[*n - 1] == '\t' || s[*n - 1] == '\r'))
    (*n)--;
  return s;
}

/* Header strings are kept in r->strs as offsets (the buffer may move) and
 * turned into pointers once every field is in. */
typedef struct {
  size_t type, uri, id, date, truncated;
} str_offsets;

static size_t keep_str(pith_warc_reader *r, const char *s, size_t n) {
  size_t off = r->strs.len;
  pith__buf_append(&r->strs, s, n);
  pith__buf_putc(&r->strs, '\0');
  return off;
}

/* Parse the header block h[0..n) (without the blank line).  Returns 0, or
 * -1 with the record's error set. */
int pith__warc_parse_header(pith_warc_reader *r, const char *h, size_t n,
                            unsigned long long *content_length) {
  pith_warc_record *rec = &r->rec;
  str_offsets o = {0, 0, 0, 0, 0};
  pith__buf_reset(&r->strs);
  pith__buf_putc(&r->strs, '\0'); /* offset 0 is "" */
  int have_len = 0;
  unsigned long long len = 0;
  size_t i = 0;
  /* The version line. */
  while (i < n && h[i] != '\n')
    i++;
  size_t vlen = i;
  const char *v = pith__warc_trim(h, &vlen);
  if (!(vlen == 8 &&
        (memcmp(v, "WARC/1.0", 8) == 0 || memcmp(v, "WARC/1.1", 8) == 0))) {
    pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT,
                         "unsupported WARC version line");
    return -1;
  }
  while (i < n) {
    i++; /* past '\n' */
    size_t s = i;
    while (i < n && h[i] != '\n')
      i++;
    const char *line = h + s;
    size_t ll = i - s;
    const char *colon = memchr(line, ':', ll);
    if (!colon)
      continue; /* continuation or junk line: ignore */
    size_t klen = (size_t)(colon - line);
    size_t vl = ll - klen - 1;
    const char *val = pith__warc_trim(colon + 1, &vl);
#define KEY(lit)                                                               \
  (klen == sizeof lit - 1 && pith__warc_ieq_prefix(line, klen, lit))
    if (KEY("warc-type")) {
      o.type = keep_str(r, val, vl);
    } else if (KEY("warc-target-uri")) {
      /* WARC/1.0 examples wrap the URI in angle brackets. */
      if (vl >= 2 && val[0] == '<' && val[vl - 1] == '>') {
        val++;
        vl -= 2;
      }
      o.uri = keep_str(r, val, vl);
    } else if (KEY("warc-record-id")) {
      o.id = keep_str(r, val, vl);
    } else if (KEY("warc-date")) {
      o.date = keep_str(r, val, vl);
    } else if (KEY("warc-truncated")) {
      o.truncated = keep_str(r, val, vl);
    } else if (KEY("content-length")) {
      len = 0;
      have_len = vl > 0 && vl <= 19;
      for (size_t k = 0; k < vl && have_len; k++) {
        if (val[k] < '0' || val[k] > '9')
          have_len = 0;
        else
          len = len * 10 + (unsigned)(val[k] - '0');
      }
      if (!have_len) {
        pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT,
                             "invalid Content-Length");
        break;
      }
    }
#undef KEY
  }
  if (r->strs.oom) {
    r->fatal = PITH_ERR_NOMEM;
    pith__warc_set_error(rec, PITH_ERR_NOMEM, "out of memory");
    return -1;
  }
  rec->type = r->strs.data + o.type;
  rec->target_uri = r->strs.data + o.uri;
  rec->record_id = r->strs.data + o.id;
  rec->date = r->strs.data + o.date;
  rec->truncated = r->strs.data + o.truncated;
  if (rec->status != PITH_OK)
    return -1;
  if (!have_len) {
    pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT, "missing Content-Length");
    return -1;
  }
  if (!*rec->type) {
    pith__warc_set_error(rec, PITH_ERR_WARC_FORMAT, "missing WARC-Type");
    return -1;
  }
  *content_length = len;
  return 0;
}

/* Find the end of a header block in d[0..n), scanning from `from`: the
 * index just past the blank line ("\r\n\r\n" or "\n\n"), with *hdr_len
 * the header's length without it; 0 when there is none yet.  With
 * `next_rec` (WARC headers), a record start ("WARC/1.N" and a line break,
 * as pith__warc_record_start_at() finds them, anywhere past d[0]) ends the
 * search first - no header holds one, so the header in hand was cut short: then
 * 0 is returned and *next_rec is set to the start's offset (else it is left
 * alone).  A scan that fails may resume 9 bytes before n. */
size_t pith__warc_header_end(const char *d, size_t n, size_t from,
                             size_t *hdr_len, size_t *next_rec) {
  for (size_t i = from; i + 1 < n; i++) {
    char c = d[i];
    if (c == 'W' && next_rec && i > 0) {
      int at = pith__warc_record_start_at(d, i, n);
      if (at < 0)
        break; /* cut by the window's end: decided on the next scan */
      if (at) {
        *next_rec = i;
        return 0;
      }
      continue;
    }
    if (c != '\n')
      continue;
    if (d[i + 1] == '\n') {
      *hdr_len = i;
      return i + 2;
    }
    if (d[i + 1] == '\r' && i + 2 < n && d[i + 2] == '\n') {
      *hdr_len = i;
      return i + 3;
    }
  }
  return 0;
}
