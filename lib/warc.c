/* SPDX-License-Identifier: MIT */
/*
 * warc.c - a streaming WARC reader: WARC/1.0 and 1.1 records, uncompressed
 * or gzip-compressed (one or several members, as Common Crawl writes them),
 * pulled in chunks through a caller's read callback, never whole.
 *
 * Two layers.  The byte layer (fill) turns the callback's bytes into the
 * uncompressed WARC stream in a window buffer `d`; in gzip mode it inflates
 * member by member and, when a member is damaged or cut short, flags a
 * "cut", skips to the next gzip header and goes on.  A member is first
 * tried whole (fast_member: read ahead to the next member's header, size
 * from the trailer, one libdeflate call when built with it); one that is
 * too big, damaged or cut short is inflated from its start by zlib as it
 * streams by, and only that path reports cuts.  The record layer
 * (pith_warc_reader_next) finds "WARC/" at a line start, parses the header
 * block, waits until the whole content block and its CRLFCRLF trailer are
 * in the window, and hands out a record that points into the window (no
 * copy).  The window therefore holds one record at most (plus one read
 * chunk, or one gzip member of up to 8 MiB), so memory follows the largest
 * record, capped by max_record: a bigger block is skipped as it streams by
 * and reported as an error record.
 *
 * Every broken record (bad header, wrong Content-Length, truncation, a
 * damaged gzip member) is returned as an error record, and the reader then
 * resynchronises by scanning for the next "WARC/1." at a line start, from
 * just after the broken record's own start, so a too-long Content-Length
 * does not swallow the records it overlaps.  Bytes between records that are
 * not part of any record are counted (pith_warc_reader_skipped_bytes), not
 * returned.  All scanning is bounded by the window's length, so no input
 * can make the reader read out of bounds.
 *
 * This file holds the reader's API, the record layer and the getters; the
 * byte layer is in warc_stream.c, header blocks are parsed in
 * warc_header.c and HTTP responses in warc_http.c (warc_int.h).
 */
#include "warc_int.h"

#include <string.h>

pith_warc_reader *pith_warc_reader_new(pith_read_fn read, void *ctx) {
  if (!read)
    return NULL;
  pith_warc_reader *r = pith__calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->read = read;
  r->ctx = ctx;
  r->max_record = PITH_WARC_DEFAULT_MAX_RECORD;
  pith__buf_init(&r->strs);
  pith__buf_init(&r->body);
  return r;
}

void pith_warc_reader_free(pith_warc_reader *r) {
  if (!r)
    return;
  if (r->zs_init)
    inflateEnd(&r->zs);
#ifdef PITH_HAVE_LIBDEFLATE
  libdeflate_free_decompressor(r->ld);
#endif
  pith__free(r->d);
  pith__free(r->raw);
  pith__buf_free(&r->strs);
  pith__buf_free(&r->body);
  pith__free(r->mem);
  pith__free(r);
}

void pith_warc_reader_set_max_record(pith_warc_reader *r, size_t max_bytes) {
  if (r)
    r->max_record = max_bytes ? max_bytes : PITH_WARC_DEFAULT_MAX_RECORD;
}

unsigned long long pith_warc_reader_bytes_read(const pith_warc_reader *r) {
  return r ? r->raw_total : 0;
}

unsigned long long pith_warc_reader_skipped_bytes(const pith_warc_reader *r) {
  return r ? r->skipped : 0;
}

/* Count d[from..to) as skipped, except CR and LF: blank lines between
 * records are normal, and counting only the other bytes makes the count
 * independent of where the window's chunks happen to end. */
static void count_garbage(pith_warc_reader *r, size_t from, size_t to) {
  if (r->resync)
    return;
  for (size_t i = from; i < to; i++)
    r->skipped += r->d[i] != '\r' && r->d[i] != '\n';
}

static void rec_reset(pith_warc_reader *r) {
  pith_warc_record *rec = &r->rec;
  memset(rec, 0, sizeof *rec);
  rec->type = rec->target_uri = rec->record_id = rec->date = "";
  rec->truncated = "";
  rec->body = "";
}

/* Report the record in progress as broken and arrange to resynchronise
 * from just after its start. */
static pith_status broken(pith_warc_reader *r, const pith_warc_record **out) {
  r->next_pos = r->dpos + 5 <= r->dlen ? r->dpos + 5 : r->dlen;
  r->resync = 1;
  if (r->rec.status == PITH_OK)
    r->rec.status = PITH_ERR_WARC_FORMAT;
  r->rec.body = "";
  r->rec.body_len = 0;
  *out = &r->rec;
  return r->rec.status;
}

pith_status pith_warc_reader_next(pith_warc_reader *r,
                                  const pith_warc_record **out) {
  if (!out)
    return PITH_ERR_INVALID_ARG;
  *out = NULL;
  if (!r)
    return PITH_ERR_INVALID_ARG;
  if (r->fatal)
    return r->fatal;
  rec_reset(r);
  if (r->next_pos > r->dpos && r->next_pos <= r->dlen)
    r->dpos = r->next_pos;
  r->next_pos = r->dpos;

  /* 1. Find the start of the next record. */
  int cut = 0;
  for (;;) {
    while (r->dpos < r->dlen &&
           (r->d[r->dpos] == '\r' || r->d[r->dpos] == '\n'))
      r->dpos++;
    int at = -1;
    if (r->dpos < r->dlen)
      at = pith__warc_record_start_at(r->d, r->dpos, r->dlen);
    if (at == 1)
      break;
    if (at == 0 && r->dpos < r->dlen) {
      /* Garbage: skip to the next "WARC/1." wherever it is, keeping a
       * possible start cut off by the window's end. */
      size_t i = r->dpos + 1;
      for (; i < r->dlen; i++) {
        const char *w = memchr(r->d + i, 'W', r->dlen - i);
        if (!w) {
          i = r->dlen;
          break;
        }
        i = (size_t)(w - r->d);
        if (pith__warc_record_start_at(r->d, i, r->dlen) != 0)
          break;
      }
      count_garbage(r, r->dpos, i);
      r->dpos = i;
      if (i < r->dlen)
        continue;
    }
    int f = pith__warc_fill(r);
    if (f == FILL_FATAL)
      return r->fatal;
    if (f == FILL_CUT) {
      if (r->dpos == r->dlen && r->cut_after_output) {
        /* The member had given a whole record, already returned, and
         * broke after it (a bad CRC or length in its trailer): count the
         * trailer as skipped rather than invent a record. */
        r->skipped += 8;
        continue;
      }
      /* A damaged member with no record started: it held a record we
       * could not read. */
      cut = 1;
      break;
    }
    if (f == FILL_EOF) {
      count_garbage(r, r->dpos, r->dlen);
      r->dpos = r->dlen;
      r->next_pos = r->dpos;
      return PITH_OK; /* end of input: *out stays NULL */
    }
  }
  r->resync = 0;
  r->rec.offset = r->dbase + r->dpos;
  pith__warc_members_drop_before(r, r->rec.offset);
  pith__warc_set_stored(r, r->rec.offset,
                        r->rec.offset); /* the offset; no length */
  if (cut) {
    /* Bytes of the damaged member that came out before the damage may
     * hold a header: use it for the error record's identity. */
    size_t hl, next_rec = 0, avail = r->dlen - r->dpos;
    if (pith__warc_header_end(r->d + r->dpos, avail < HDR_CAP ? avail : HDR_CAP,
                              0, &hl, &next_rec)) {
      unsigned long long cl;
      pith__warc_parse_header(r, r->d + r->dpos, hl, &cl);
    }
    r->rec.status = PITH_ERR_WARC_FORMAT;
    snprintf(r->rec.error, sizeof r->rec.error, "%s", r->cut_msg);
    if (r->dpos == r->dlen) {
      r->resync = 1;
      *out = &r->rec;
      return r->rec.status;
    }
    return broken(r, out);
  }

  /* 2. The header block. */
  /* Each scan resumes where the last one stopped (less the 2 bytes a
   * terminator cut by the window's end may have begun with), also the
   * scan of an earlier start that failed: input that trickles in a few
   * bytes per read, or holds many "WARC/" lines and no blank line, must
   * not make this quadratic. */
  size_t hl = 0, end, scanned = 0, next_rec = 0;
  unsigned long long here = r->dbase + r->dpos;
  if (r->noterm_end > here + 9)
    scanned = (size_t)(r->noterm_end - here) - 9;
  for (;;) {
    size_t avail = r->dlen - r->dpos;
    size_t lim = avail < HDR_CAP ? avail : HDR_CAP;
    end = pith__warc_header_end(r->d + r->dpos, lim,
                                scanned < lim ? scanned : lim, &hl, &next_rec);
    if (end)
      break;
    if (next_rec) {
      /* The next record begins before this header ended: this one is
       * broken, and reading resumes right there. */
      unsigned long long ignored;
      pith__warc_parse_header(r, r->d + r->dpos, next_rec, &ignored);
      if (r->fatal)
        return r->fatal;
      pith__warc_set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                           "WARC header cut short by the next record");
      pith_status st = broken(r, out);
      r->next_pos = r->dpos + next_rec;
      return st;
    }
    scanned = lim > 9 ? lim - 9 : 0;
    if (here + lim > r->noterm_end)
      r->noterm_end = here + lim;
    if (avail >= HDR_CAP) {
      pith__warc_set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                           "WARC header longer than %zu bytes", HDR_CAP);
      return broken(r, out);
    }
    int f = pith__warc_fill(r);
    if (f == FILL_FATAL)
      return r->fatal;
    if (f != FILL_DATA) {
      /* Keep the identity from the complete lines there are (none of
       * them starts a record: the scan above would have stopped there). */
      const char *h = r->d + r->dpos;
      size_t k = r->dlen - r->dpos;
      while (k > 0 && h[k - 1] != '\n')
        k--;
      unsigned long long ignored;
      if (k > 0)
        pith__warc_parse_header(r, h, k, &ignored);
      if (r->fatal)
        return r->fatal;
      pith__warc_set_error(&r->rec, PITH_ERR_WARC_FORMAT, "%s",
                           f == FILL_CUT ? r->cut_msg
                                         : "truncated WARC header");
      pith_status st = broken(r, out);
      /* At the end of input no later "WARC/" in these bytes can start a
       * readable record either (none has a blank line after it): they
       * belong to this broken one, rather than give an error each. */
      if (f == FILL_EOF)
        r->next_pos = r->dlen;
      return st;
    }
  }
  unsigned long long cl;
  if (pith__warc_parse_header(r, r->d + r->dpos, hl, &cl) < 0) {
    if (r->fatal)
      return r->fatal;
    return broken(r, out);
  }

  /* 3. The content block and its trailer. */
  if (cl > r->max_record) {
    /* Too big to hold: let it stream by, after reading the HTTP status
     * and Content-Type of a response, so the caller can tell an oversized
     * page from, say, a video it would skip anyway. */
    if (strcmp(r->rec.type, "response") == 0) {
      size_t want = end + (cl < HTTP_HDR_CAP ? (size_t)cl : HTTP_HDR_CAP);
      int f = FILL_DATA;
      while (r->dlen - r->dpos < want && f == FILL_DATA)
        f = pith__warc_fill(r);
      if (f == FILL_FATAL)
        return r->fatal;
      if (f == FILL_CUT)
        r->cut_pending = 1; /* seen again by the skipping loop below */
      size_t have = r->dlen - r->dpos - end;
      pith__warc_parse_http(r, r->d + r->dpos + end,
                            have < want - end ? have : want - end, 1);
      r->rec.status = PITH_OK;
      r->rec.error[0] = '\0';
      r->rec.body = ""; /* the block is skipped, not kept */
      r->rec.body_len = 0;
    }
    unsigned long long left = cl;
    r->dpos += end;
    while (left) {
      size_t avail = r->dlen - r->dpos;
      size_t take = avail < left ? avail : (size_t)left;
      r->dpos += take;
      left -= take;
      if (!left)
        break;
      int f = pith__warc_fill(r);
      if (f == FILL_FATAL)
        return r->fatal;
      if (f != FILL_DATA) {
        pith__warc_set_error(
            &r->rec, PITH_ERR_WARC_FORMAT,
            "truncated record (%llu of %llu block bytes missing)", left, cl);
        r->resync = 1;
        r->next_pos = r->dpos;
        *out = &r->rec;
        return r->rec.status;
      }
    }
    pith__warc_set_error(&r->rec, PITH_ERR_TOO_LARGE,
                         "record block too large (%llu bytes, max %zu)", cl,
                         r->max_record);
    r->resync = 1; /* the trailer's CRLFs and anything odd are its own */
    r->next_pos = r->dpos;
    *out = &r->rec;
    return r->rec.status;
  }
  size_t need = end + (size_t)cl + 4;
  while (r->dlen - r->dpos < need) {
    int f = pith__warc_fill(r);
    if (f == FILL_FATAL)
      return r->fatal;
    if (f == FILL_DATA)
      continue;
    if (f == FILL_CUT) {
      snprintf(r->rec.error, sizeof r->rec.error, "%s", r->cut_msg);
      return broken(r, out);
    }
    /* End of input: a missing final trailer is tolerated, a short block
     * is not. */
    size_t avail = r->dlen - r->dpos;
    if (avail >= end + (size_t)cl)
      break;
    pith__warc_set_error(
        &r->rec, PITH_ERR_WARC_FORMAT,
        "truncated record (Content-Length %llu, %llu block bytes "
        "present)",
        cl, (unsigned long long)(avail - end));
    return broken(r, out);
  }
  size_t after = r->dpos + end + (size_t)cl;
  size_t tail = r->dlen - after < 4 ? r->dlen - after : 4;
  int trailer_ok = tail == 0 ||
                   (tail == 4 && memcmp(r->d + after, "\r\n\r\n", 4) == 0) ||
                   (tail >= 2 && memcmp(r->d + after, "\n\n", 2) == 0);
  if (!trailer_ok && tail < 4) {
    trailer_ok = 1; /* end of input: only CR/LF may follow */
    for (size_t k = 0; k < tail; k++)
      if (r->d[after + k] != '\r' && r->d[after + k] != '\n')
        trailer_ok = 0;
  }
  if (!trailer_ok) {
    pith__warc_set_error(
        &r->rec, PITH_ERR_WARC_FORMAT,
        "block does not end at Content-Length %llu (no CRLFCRLF "
        "after it)",
        cl);
    return broken(r, out);
  }
  r->next_pos = after; /* the record-start scan skips the CR/LFs */
  size_t trail = 0;
  while (trail < 4 && trail < tail &&
         (r->d[after + trail] == '\r' || r->d[after + trail] == '\n'))
    trail++;
  if (trail == 3 ||
      (trail == 4 && r->d[after + 1] == '\n' && r->d[after + 2] == '\n'))
    trail = 2; /* "\n\n" then the next record's bytes */
  if (r->mode == MODE_GZIP) {
    /* The member holding the record's last byte may not have ended yet
     * (its trailer still to come through zlib): read a little further,
     * without moving the record, which the window keeps from dpos on.
     * Pointers into the window are taken after this. */
    unsigned long long last = r->dbase + after + trail - 1;
    size_t rel = after - r->dpos; /* pith__warc_fill() may move the window */
    for (;;) {
      const member_span *m = pith__warc_member_at(r, last);
      size_t held = r->dlen - r->dpos;
      if (!m || m->out_end != UNKNOWN || held > need + RAW_CHUNK ||
          held + 2 * RAW_CHUNK > r->max_record + HDR_CAP)
        break;
      int f = pith__warc_fill(r);
      if (f == FILL_CUT)
        r->cut_pending = 1;
      if (f != FILL_DATA)
        break;
    }
    after = r->dpos + rel;
  }
  pith__warc_set_stored(r, r->rec.offset, r->dbase + after + trail);
  const char *block = r->d + r->dpos + end;
  r->rec.body = block;
  r->rec.body_len = (size_t)cl;
  if (strcmp(r->rec.type, "response") == 0 &&
      pith__warc_parse_http(r, block, cl, 0) < 0) {
    *out = &r->rec;
    return r->rec.status;
  }
  *out = &r->rec;
  return PITH_OK;
}

/* ---- record getters ----------------------------------------------------- */

const char *pith_warc_record_type(const pith_warc_record *rec) {
  return rec ? rec->type : "";
}
const char *pith_warc_record_target_uri(const pith_warc_record *rec) {
  return rec ? rec->target_uri : "";
}
const char *pith_warc_record_truncated(const pith_warc_record *rec) {
  return rec ? rec->truncated : "";
}

const char *pith_warc_record_id(const pith_warc_record *rec) {
  return rec ? rec->record_id : "";
}
const char *pith_warc_record_date(const pith_warc_record *rec) {
  return rec ? rec->date : "";
}
const char *pith_warc_record_error(const pith_warc_record *rec) {
  return rec ? rec->error : "";
}
int pith_warc_record_http_status(const pith_warc_record *rec) {
  return rec ? rec->http_status : 0;
}
const char *pith_warc_record_content_type(const pith_warc_record *rec) {
  return rec ? rec->mime : "";
}
const char *pith_warc_record_charset(const pith_warc_record *rec) {
  return rec ? rec->charset : "";
}
const char *pith_warc_record_body(const pith_warc_record *rec, size_t *len) {
  if (len)
    *len = rec ? rec->body_len : 0;
  return rec ? rec->body : "";
}
unsigned long long pith_warc_record_offset(const pith_warc_record *rec) {
  return rec ? rec->offset : 0;
}
unsigned long long pith_warc_record_stored_offset(const pith_warc_record *rec) {
  return rec ? rec->stored_offset : 0;
}
unsigned long long pith_warc_record_stored_length(const pith_warc_record *rec) {
  return rec ? rec->stored_length : 0;
}

int pith_warc_record_is_html(const pith_warc_record *rec) {
  if (!rec || rec->status != PITH_OK || strcmp(rec->type, "response") != 0)
    return 0;
  if (strcmp(rec->mime, "text/html") == 0 ||
      strcmp(rec->mime, "application/xhtml+xml") == 0)
    return 1;
  /* No Content-Type: HTML by its first bytes, or no payload at all (a
   * redirect), which gives a record with empty text. */
  return rec->mime[0] == '\0' &&
         (rec->body_len == 0 ||
          pith__warc_sniff_html(rec->body, rec->body_len));
}
