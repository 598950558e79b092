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
 */
#include <pith/pith.h>

#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <zlib.h>
#ifdef PITH_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

#include "alloc.h"
#include "chars.h"

#define RAW_CHUNK ((size_t)1 << 16) /* bytes asked of the callback */
#define HDR_CAP ((size_t)1 << 16)   /* longest WARC header block */
#define HTTP_HDR_CAP ((size_t)1 << 16)
/* The whole-member path (libdeflate) takes gzip members of at most this
 * many bytes, compressed or not; bigger ones are inflated by zlib as they
 * stream by, so memory does not follow a huge member. */
#define FAST_MEMBER_MAX ((size_t)8 << 20)

struct pith_warc_record {
  pith_status status;
  char error[160];
  const char *type, *target_uri, *record_id, *date;
  const char *truncated; /* WARC-Truncated: "length", "time", ... or "" */
  int http_status;
  char mime[96];
  char charset[48];
  const char *body;
  size_t body_len;
  unsigned long long offset;
  unsigned long long stored_offset, stored_length;
};

/* A gzip member: where it lies in the input and in the uncompressed
 * stream.  The ends are UNKNOWN while it is being inflated; a damaged
 * member gets its output end and no input end. */
#define UNKNOWN ULLONG_MAX
typedef struct {
  unsigned long long raw_start, raw_end, out_start, out_end;
} member_span;

enum { MODE_UNKNOWN, MODE_PLAIN, MODE_GZIP };
enum { FILL_DATA = 1, FILL_EOF = 0, FILL_FATAL = -1, FILL_CUT = 2 };

struct pith_warc_reader {
  pith_read_fn read;
  void *ctx;
  size_t max_record;
  int mode;
  int eof;            /* the callback said end of input */
  pith_status fatal;  /* PITH_OK, or the error that stopped the reader */
  unsigned char *raw; /* compressed input; in gzip mode it keeps the current
                       * member from its start, to rescan it if damaged */
  size_t raw_pos, raw_len, raw_cap;
  size_t mstart;    /* where the current member starts in raw */
  int mstart_valid; /* 0 once a member outgrew what we keep */
  int cut_pending;  /* a cut found after bytes were handed out */
  z_stream zs;
  int zs_init, in_member;
  int read_failed; /* the callback failed: it is not called again */
#ifdef PITH_HAVE_LIBDEFLATE
  struct libdeflate_decompressor *ld;
  int ld_failed; /* allocating it failed: zlib only */
#endif
  char cut_msg[96]; /* why the last cut happened */
  char *d;          /* the uncompressed window */
  size_t dpos, dlen, dcap;
  unsigned long long dbase; /* stream offset of d[0] */
  /* Stream offset up to which the window is known to hold no header
   * terminator (a blank line): a header scan from a later start resumes
   * there, so runs of "WARC/" without blank lines stay linear. */
  unsigned long long noterm_end;
  unsigned long long raw_total, skipped;
  int resync; /* after an error record: skipped bytes are its own */
  unsigned long long member_out; /* bytes the current gzip member gave */
  int cut_after_output;          /* the damaged member had given bytes */
  size_t next_pos;  /* where the record after the current one starts */
  pith_buf strs;    /* the current record's header strings */
  pith_buf body;    /* the decoded HTTP body, when it needed decoding */
  member_span *mem; /* the members whose output is in the window */
  size_t nmem, capmem;
  struct pith_warc_record rec;
};

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

/* ---- byte layer --------------------------------------------------------- */

/* Refill r->raw after keeping its unread bytes (and, inside a gzip member,
 * the member's bytes from its start, up to about max_record).  Returns the
 * number of new bytes, 0 at end of input, -1 on error (r->fatal set). */
static ptrdiff_t raw_refill(pith_warc_reader *r) {
  if (r->read_failed) {
    r->fatal = PITH_ERR_IO;
    return -1;
  }
  if (r->eof)
    return 0;
  size_t keep = r->raw_pos;
  if (r->in_member && r->mstart_valid)
    keep = r->mstart;
  if (keep > 0) {
    memmove(r->raw, r->raw + keep, r->raw_len - keep);
    r->raw_len -= keep;
    r->raw_pos -= keep;
    if (r->in_member && r->mstart_valid)
      r->mstart = 0;
  }
  if (r->raw_cap - r->raw_len < RAW_CHUNK) {
    size_t ncap = r->raw_cap ? r->raw_cap * 2 : 2 * RAW_CHUNK;
    if (ncap > r->max_record + 2 * RAW_CHUNK && r->raw_cap) {
      /* A huge member: stop keeping its start. */
      r->mstart_valid = 0;
      memmove(r->raw, r->raw + r->raw_pos, r->raw_len - r->raw_pos);
      r->raw_len -= r->raw_pos;
      r->raw_pos = 0;
    } else {
      unsigned char *nr = pith__realloc(r->raw, ncap);
      if (!nr) {
        r->fatal = PITH_ERR_NOMEM;
        return -1;
      }
      r->raw = nr;
      r->raw_cap = ncap;
    }
  }
  size_t want = r->raw_cap - r->raw_len;
  if (want > RAW_CHUNK)
    want = RAW_CHUNK;
  ptrdiff_t n = r->read(r->ctx, (char *)r->raw + r->raw_len, want);
  if (n < 0 || (size_t)n > want) {
    r->read_failed = 1;
    r->fatal = PITH_ERR_IO;
    return -1;
  }
  if (n == 0)
    r->eof = 1;
  r->raw_len += (size_t)n;
  r->raw_total += (unsigned long long)n;
  return n;
}

static int is_gzip_magic(const unsigned char *p) {
  return p[0] == 0x1f && p[1] == 0x8b && p[2] == 8;
}

/* The input offset of raw[i]. */
static unsigned long long raw_abs(const pith_warc_reader *r, size_t i) {
  return r->raw_total - r->raw_len + i;
}

/* A member starts at raw_pos; its output goes at the window's end.
 * Returns 0, or -1 when out of memory (r->fatal set). */
static int member_begin(pith_warc_reader *r) {
  if (r->nmem == r->capmem) {
    size_t ncap = r->capmem ? 2 * r->capmem : 16;
    member_span *m = pith__realloc(r->mem, ncap * sizeof *m);
    if (!m) {
      r->fatal = PITH_ERR_NOMEM;
      return -1;
    }
    r->mem = m;
    r->capmem = ncap;
  }
  member_span *m = &r->mem[r->nmem++];
  m->raw_start = raw_abs(r, r->raw_pos);
  m->raw_end = m->out_end = UNKNOWN;
  m->out_start = r->dbase + r->dlen;
  return 0;
}

/* The current member ended at raw_pos (`whole`), or broke. */
static void member_end_at(pith_warc_reader *r, int whole) {
  if (!r->nmem)
    return;
  member_span *m = &r->mem[r->nmem - 1];
  m->out_end = r->dbase + r->dlen;
  m->raw_end = whole ? raw_abs(r, r->raw_pos) : 0;
}

/* The member whose output holds stream offset `off`, or NULL. */
static const member_span *member_at(const pith_warc_reader *r,
                                    unsigned long long off) {
  for (size_t i = 0; i < r->nmem; i++)
    if (r->mem[i].out_start <= off && off < r->mem[i].out_end)
      return &r->mem[i];
  /* A member that gave nothing there: a damaged one, or an empty one. */
  for (size_t i = r->nmem; i-- > 0;)
    if (r->mem[i].out_start == off)
      return &r->mem[i];
  return NULL;
}

/* Forget the members that ended before stream offset `off`. */
static void members_drop_before(pith_warc_reader *r, unsigned long long off) {
  size_t k = 0;
  /* (One that gave nothing at `off` stays: a damaged member there is the
   * broken record's.) */
  while (k < r->nmem && r->mem[k].out_end != UNKNOWN &&
         r->mem[k].out_end <= off && r->mem[k].out_start < off)
    k++;
  if (k) {
    memmove(r->mem, r->mem + k, (r->nmem - k) * sizeof *r->mem);
    r->nmem -= k;
  }
}

/* Set the record's stored place from its stream range [from, to): in a
 * plain file the range itself; in gzip, from the start of the member
 * holding `from` to the end of the one holding to - 1 (0: unknown). */
static void set_stored(pith_warc_reader *r, unsigned long long from,
                       unsigned long long to) {
  pith_warc_record *rec = &r->rec;
  if (r->mode != MODE_GZIP) {
    rec->stored_offset = from;
    rec->stored_length = to > from ? to - from : 0;
    return;
  }
  const member_span *a = member_at(r, from);
  rec->stored_offset = a ? a->raw_start : 0;
  rec->stored_length = 0;
  if (!a || to <= from)
    return;
  const member_span *b = member_at(r, to - 1);
  if (b && b->raw_end != UNKNOWN && b->raw_end > a->raw_start)
    rec->stored_length = b->raw_end - a->raw_start;
}

/* Drop what lies before dpos from the window. */
static void window_compact(pith_warc_reader *r) {
  if (r->dpos > 0) {
    memmove(r->d, r->d + r->dpos, r->dlen - r->dpos);
    r->dbase += r->dpos;
    r->next_pos = r->next_pos >= r->dpos ? r->next_pos - r->dpos : 0;
    r->dlen -= r->dpos;
    r->dpos = 0;
  }
}

/* Grow the window so that `need` bytes are free after dlen.  The window
 * never needs more than one capped record, its header and a chunk of
 * slack; the record layer never asks beyond that.  Returns 0, 1 when that
 * limit does not allow it, or -1 when out of memory (r->fatal set). */
static int window_grow(pith_warc_reader *r, size_t need) {
  if (r->dcap - r->dlen >= need)
    return 0;
  size_t limit = r->max_record + HDR_CAP + 4 * RAW_CHUNK;
  if (need > limit || r->dlen > limit - need)
    return 1;
  size_t ncap = r->dcap ? r->dcap * 2 : 4 * RAW_CHUNK;
  while (ncap - r->dlen < need)
    ncap *= 2;
  if (ncap > limit)
    ncap = limit;
  char *nd = pith__realloc(r->d, ncap);
  if (!nd) {
    r->fatal = PITH_ERR_NOMEM;
    return -1;
  }
  r->d = nd;
  r->dcap = ncap;
  return 0;
}

/* Make room for at least RAW_CHUNK more bytes in the window, dropping what
 * lies before dpos.  Returns 0, or -1 (r->fatal set). */
static int window_room(pith_warc_reader *r) {
  window_compact(r);
  int g = window_grow(r, RAW_CHUNK);
  if (g > 0)
    r->fatal = PITH_ERR_TOO_LARGE;
  return g ? -1 : 0;
}

/* Scan the raw input for the next gzip header, counting what is skipped.
 * Returns 1 when one is at raw_pos, 0 at end of input, -1 on error. */
static int find_member(pith_warc_reader *r) {
  for (;;) {
    while (r->raw_len - r->raw_pos < 3) {
      ptrdiff_t n = raw_refill(r);
      if (n < 0)
        return -1;
      if (n == 0) {
        r->skipped += r->raw_len - r->raw_pos;
        r->raw_pos = r->raw_len;
        return 0;
      }
    }
    size_t i = r->raw_pos;
    while (i + 3 <= r->raw_len && !is_gzip_magic(r->raw + i))
      i++;
    if (!r->resync)
      r->skipped += i - r->raw_pos;
    r->raw_pos = i;
    if (i + 3 <= r->raw_len)
      return 1;
  }
}

#ifdef PITH_HAVE_LIBDEFLATE
/* Can raw_refill() read more while keeping the whole current member (from
 * raw_pos), without giving up on its start? */
static int can_read_ahead(const pith_warc_reader *r) {
  size_t kept = r->raw_len - r->raw_pos;
  if (kept > FAST_MEMBER_MAX)
    return 0;
  return r->raw_cap - kept >= RAW_CHUNK ||
         2 * r->raw_cap <= r->max_record + 2 * RAW_CHUNK;
}

/* Where does the gzip member at raw_pos end?  Reads ahead until the next
 * member's header ("1f 8b 08" and a flag byte without reserved bits) or
 * the end of input is buffered.  Returns the end's index in raw, or 0 when
 * it is not found within what we may buffer.  A match inside the member's
 * compressed data is possible (about once in 2^27 bytes); it only gives a
 * wrong size hint, which the decompression then rejects. */
static size_t member_end(pith_warc_reader *r) {
  size_t off = 18; /* header 10 + shortest deflate stream 2 + trailer 8 */
  for (;;) {
    while (r->raw_pos + off + 4 <= r->raw_len) {
      const unsigned char *p = r->raw + r->raw_pos + off;
      const unsigned char *q =
          memchr(p, 0x1f, r->raw_len - 3 - (r->raw_pos + off));
      if (!q) {
        off = r->raw_len - 3 - r->raw_pos;
        break;
      }
      off = (size_t)(q - (r->raw + r->raw_pos));
      if (q[1] == 0x8b && q[2] == 8 && (q[3] & 0xe0) == 0)
        return r->raw_pos + off;
      off++;
    }
    if (r->eof)
      return r->raw_len - r->raw_pos >= 20 ? r->raw_len : 0;
    if (!can_read_ahead(r))
      return 0;
    ptrdiff_t n = raw_refill(r);
    if (n < 0) {
      /* Leave the error to the zlib path, which meets it where it would
       * have without the read-ahead (after the bytes before it). */
      r->fatal = PITH_OK;
      return 0;
    }
  }
}

/* Decompress the gzip member at raw_pos whole with libdeflate, into the
 * window, when its bytes are buffered (read ahead to the next member's
 * header) and its size, from its trailer, fits.  Returns 1 when done (the
 * member consumed), 0 when the member is left to zlib: too big, damaged,
 * truncated, or with a header CRC (which libdeflate does not check).
 * libdeflate checks the CRC-32 and length in the trailer as zlib does, so
 * damage is caught; the two differ only on deflate data no compressor
 * writes (libdeflate decodes the reserved distance codes 30 and 31, zlib
 * refuses them), so a crafted member with those codes and a matching CRC
 * is read here where zlib would call it corrupt. */
static int fast_member(pith_warc_reader *r) {
  if (r->ld_failed)
    return 0;
  size_t end = member_end(r);
  if (!end || (r->raw[r->raw_pos + 3] & 0xe2) != 0) /* FHCRC, reserved */
    return 0;
  const unsigned char *t = r->raw + end - 4;
  size_t isize = (size_t)t[0] | (size_t)t[1] << 8 | (size_t)t[2] << 16 |
                 (size_t)t[3] << 24;
  if (isize > FAST_MEMBER_MAX || window_grow(r, isize) != 0) {
    r->fatal = PITH_OK; /* out of memory here is not fatal: zlib goes on */
    return 0;
  }
  if (!r->ld) {
    r->ld = libdeflate_alloc_decompressor();
    if (!r->ld) {
      r->ld_failed = 1;
      return 0;
    }
  }
  size_t in_used = 0, out_used = 0;
  enum libdeflate_result res = libdeflate_gzip_decompress_ex(
      r->ld, r->raw + r->raw_pos, r->raw_len - r->raw_pos, r->d + r->dlen,
      r->dcap - r->dlen, &in_used, &out_used);
  if (res != LIBDEFLATE_SUCCESS)
    return 0;
  r->raw_pos += in_used;
  r->dlen += out_used;
  r->member_out = out_used;
  return 1;
}
#else
static int fast_member(pith_warc_reader *r) {
  (void)r;
  return 0;
}
#endif

/* Append more of the uncompressed stream to the window.  Returns FILL_DATA
 * (some bytes added), FILL_EOF, FILL_CUT (a gzip member was damaged or
 * truncated; bytes before the damage may have been added) or FILL_FATAL. */
static int fill(pith_warc_reader *r) {
  if (r->fatal)
    return FILL_FATAL;
  if (window_room(r) < 0)
    return FILL_FATAL;
  if (r->mode == MODE_UNKNOWN) {
    while (r->raw_len < 3) {
      ptrdiff_t n = raw_refill(r);
      if (n < 0)
        return FILL_FATAL;
      if (n == 0)
        break;
    }
    r->mode = r->raw_len >= 3 && is_gzip_magic(r->raw) ? MODE_GZIP : MODE_PLAIN;
  }
  if (r->mode == MODE_PLAIN) {
    if (r->raw_pos == r->raw_len) {
      ptrdiff_t n = raw_refill(r);
      if (n < 0)
        return FILL_FATAL;
      if (n == 0)
        return FILL_EOF;
    }
    size_t n = r->raw_len - r->raw_pos;
    if (n > r->dcap - r->dlen)
      n = r->dcap - r->dlen;
    memcpy(r->d + r->dlen, r->raw + r->raw_pos, n);
    r->dlen += n;
    r->raw_pos += n;
    return FILL_DATA;
  }

  if (!r->zs_init) {
    memset(&r->zs, 0, sizeof r->zs);
    if (inflateInit2(&r->zs, 15 + 16) != Z_OK) {
      r->fatal = PITH_ERR_NOMEM;
      return FILL_FATAL;
    }
    r->zs_init = 1;
  }
  if (r->cut_pending) {
    r->cut_pending = 0;
    return FILL_CUT;
  }
  size_t before = r->dlen;
  for (;;) {
    if (!r->in_member) {
      int f = find_member(r);
      if (f < 0)
        return FILL_FATAL;
      if (f == 0)
        return r->dlen > before ? FILL_DATA : FILL_EOF;
      r->in_member = 1;
      r->member_out = 0;
      r->mstart = r->raw_pos;
      r->mstart_valid = 1;
      if (member_begin(r) < 0)
        return FILL_FATAL;
      if (fast_member(r)) {
        r->in_member = 0;
        member_end_at(r, 1);
        if (r->dlen > before)
          return FILL_DATA;
        continue;
      }
      /* zlib, from the member's start (the read-ahead moved nothing). */
      inflateReset(&r->zs);
    }
    if (r->raw_pos == r->raw_len) {
      ptrdiff_t n = raw_refill(r);
      if (n < 0)
        return FILL_FATAL;
      if (n == 0) {
        r->in_member = 0;
        member_end_at(r, 0);
        r->cut_after_output = r->member_out > 0;
        snprintf(r->cut_msg, sizeof r->cut_msg, "truncated gzip member");
        if (r->mstart_valid)
          r->raw_pos = r->mstart + 1;
        if (r->dlen > before) {
          r->cut_pending = 1;
          return FILL_DATA;
        }
        return FILL_CUT;
      }
    }
    size_t in = r->raw_len - r->raw_pos, out = r->dcap - r->dlen;
    r->zs.next_in = r->raw + r->raw_pos;
    r->zs.avail_in = (uInt)in;
    r->zs.next_out = (unsigned char *)r->d + r->dlen;
    r->zs.avail_out = (uInt)(out < UINT_MAX ? out : UINT_MAX);
    uInt avail_out = r->zs.avail_out;
    int ret = inflate(&r->zs, Z_NO_FLUSH);
    r->raw_pos += in - r->zs.avail_in;
    r->dlen += avail_out - r->zs.avail_out;
    r->member_out += avail_out - r->zs.avail_out;
    if (ret == Z_STREAM_END) {
      r->in_member = 0;
      member_end_at(r, 1);
      if (r->dlen > before)
        return FILL_DATA;
      continue;
    }
    if (ret == Z_OK || ret == Z_BUF_ERROR) {
      if (r->dlen > before)
        return FILL_DATA;
      continue;
    }
    if (ret == Z_MEM_ERROR) {
      r->fatal = PITH_ERR_NOMEM;
      return FILL_FATAL;
    }
    /* Z_DATA_ERROR, Z_NEED_DICT, Z_STREAM_ERROR: give up on this member
     * and look for the next one from here. */
    snprintf(r->cut_msg, sizeof r->cut_msg, "corrupt gzip member (%s)",
             r->zs.msg ? r->zs.msg : "invalid data");
    r->in_member = 0;
    member_end_at(r, 0);
    r->cut_after_output = r->member_out > 0;
    /* Look for the next member from just after this one's start: the
     * damage may have made inflate run into the members after it. */
    if (r->mstart_valid)
      r->raw_pos = r->mstart + 1;
    else if (r->raw_pos < r->raw_len)
      r->raw_pos++;
    if (r->dlen > before) {
      r->cut_pending = 1; /* hand out the bytes first */
      return FILL_DATA;
    }
    return FILL_CUT;
  }
}

/* ---- record layer ------------------------------------------------------- */

static int ieq_prefix(const char *s, size_t n, const char *lit) {
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
static int record_start_at(const char *d, size_t i, size_t n) {
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
static void
set_error(pith_warc_record *rec, pith_status st, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  rec->status = st;
  vsnprintf(rec->error, sizeof rec->error, fmt, ap);
  va_end(ap);
}

/* Trim spaces and tabs from both ends of s[0..*n). */
static const char *trim(const char *s, size_t *n) {
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
static int parse_header(pith_warc_reader *r, const char *h, size_t n,
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
  const char *v = trim(h, &vlen);
  if (!(vlen == 8 &&
        (memcmp(v, "WARC/1.0", 8) == 0 || memcmp(v, "WARC/1.1", 8) == 0))) {
    set_error(rec, PITH_ERR_WARC_FORMAT, "unsupported WARC version line");
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
    const char *val = trim(colon + 1, &vl);
#define KEY(lit) (klen == sizeof lit - 1 && ieq_prefix(line, klen, lit))
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
        set_error(rec, PITH_ERR_WARC_FORMAT, "invalid Content-Length");
        break;
      }
    }
#undef KEY
  }
  if (r->strs.oom) {
    r->fatal = PITH_ERR_NOMEM;
    set_error(rec, PITH_ERR_NOMEM, "out of memory");
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
    set_error(rec, PITH_ERR_WARC_FORMAT, "missing Content-Length");
    return -1;
  }
  if (!*rec->type) {
    set_error(rec, PITH_ERR_WARC_FORMAT, "missing WARC-Type");
    return -1;
  }
  *content_length = len;
  return 0;
}

/* Find the end of a header block in d[0..n), scanning from `from`: the
 * index just past the blank line ("\r\n\r\n" or "\n\n"), with *hdr_len
 * the header's length without it; 0 when there is none yet.  With
 * `next_rec` (WARC headers), a record start ("WARC/1.N" and a line break,
 * as record_start_at() finds them, anywhere past d[0]) ends the search
 * first - no header holds one, so the header in hand was cut short: then 0
 * is returned and *next_rec is set to the start's offset (else it is left
 * alone).  A scan that fails may resume 9 bytes before n. */
static size_t header_end(const char *d, size_t n, size_t from, size_t *hdr_len,
                         size_t *next_rec) {
  for (size_t i = from; i + 1 < n; i++) {
    char c = d[i];
    if (c == 'W' && next_rec && i > 0) {
      int at = record_start_at(d, i, n);
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

/* Inflate src[0..n) (gzip, zlib or raw deflate) into r->body, at most
 * r->max_record bytes.  Returns 0 or -1 with the record's error set. */
static int inflate_body(pith_warc_reader *r, const char *src, size_t n,
                        int deflate_raw) {
  z_stream zs;
  memset(&zs, 0, sizeof zs);
  if (inflateInit2(&zs, deflate_raw ? -15 : 15 + 32) != Z_OK) {
    set_error(&r->rec, PITH_ERR_NOMEM, "out of memory");
    return -1;
  }
  pith__buf_reset(&r->body);
  zs.next_in = (unsigned char *)src;
  zs.avail_in = (uInt)n;
  int ret = Z_OK;
  while (ret == Z_OK) {
    if (r->body.len >= r->max_record) {
      inflateEnd(&zs);
      set_error(&r->rec, PITH_ERR_TOO_LARGE,
                "payload too large after Content-Encoding (over %zu bytes)",
                r->max_record);
      return -1;
    }
    if (!pith__buf_reserve(&r->body, RAW_CHUNK)) {
      inflateEnd(&zs);
      set_error(&r->rec, PITH_ERR_NOMEM, "out of memory");
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
    set_error(&r->rec, PITH_ERR_ENCODING,
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
      set_error(&r->rec, PITH_ERR_WARC_FORMAT, "bad chunked payload");
      return -1;
    }
    i++;
    if (size == 0)
      break;
    if (size > n - i) {
      set_error(&r->rec, PITH_ERR_WARC_FORMAT, "truncated chunked payload");
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
    set_error(&r->rec, PITH_ERR_NOMEM, "out of memory");
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
    if (i + 8 <= n && ieq_prefix(v + i, n - i, "charset=")) {
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
static int sniff_html(const char *s, size_t n) {
  if (n > 1024)
    n = 1024;
  for (size_t i = 0; i + 5 <= n; i++)
    if (s[i] == '<' && (ieq_prefix(s + i, n - i, "<html") ||
                        ieq_prefix(s + i, n - i, "<!doctype html")))
      return 1;
  return 0;
}

/* Parse the HTTP response in block[0..n) of a response record: status,
 * headers, and the body with its transfer and content encodings undone. */
static int parse_http(pith_warc_reader *r, const char *b, size_t n,
                      int head_only) {
  pith_warc_record *rec = &r->rec;
  rec->body = b;
  rec->body_len = n;
  if (n < 12 || memcmp(b, "HTTP/", 5) != 0) {
    set_error(rec, PITH_ERR_WARC_FORMAT,
              "response record payload is not an HTTP response");
    return -1;
  }
  size_t hl;
  size_t scan = n < HTTP_HDR_CAP ? n : HTTP_HDR_CAP;
  size_t end = header_end(b, scan, 0, &hl, NULL);
  if (!end) {
    set_error(rec, PITH_ERR_WARC_FORMAT,
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
    set_error(rec, PITH_ERR_WARC_FORMAT, "bad HTTP status line");
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
    const char *val = trim(colon + 1, &vl);
    if (klen == 12 && ieq_prefix(line, klen, "content-type")) {
      parse_content_type(rec, val, vl);
    } else if (klen == 16 && ieq_prefix(line, klen, "content-encoding")) {
      if (vl == 0 || (vl == 8 && ieq_prefix(val, vl, "identity")))
        continue;
      if ((vl == 4 && ieq_prefix(val, vl, "gzip")) ||
          (vl == 6 && ieq_prefix(val, vl, "x-gzip")))
        gz = 1;
      else if (vl == 7 && ieq_prefix(val, vl, "deflate"))
        raw_deflate = 1;
      else
        snprintf(unsupported, sizeof unsupported, "%.*s",
                 (int)(vl < 24 ? vl : 24), val);
    } else if (klen == 17 && ieq_prefix(line, klen, "transfer-encoding")) {
      if (vl == 7 && ieq_prefix(val, vl, "chunked"))
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
      at = record_start_at(r->d, r->dpos, r->dlen);
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
        if (record_start_at(r->d, i, r->dlen) != 0)
          break;
      }
      count_garbage(r, r->dpos, i);
      r->dpos = i;
      if (i < r->dlen)
        continue;
    }
    int f = fill(r);
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
  members_drop_before(r, r->rec.offset);
  set_stored(r, r->rec.offset, r->rec.offset); /* the offset; no length */
  if (cut) {
    /* Bytes of the damaged member that came out before the damage may
     * hold a header: use it for the error record's identity. */
    size_t hl, next_rec = 0, avail = r->dlen - r->dpos;
    if (header_end(r->d + r->dpos, avail < HDR_CAP ? avail : HDR_CAP, 0, &hl,
                   &next_rec)) {
      unsigned long long cl;
      parse_header(r, r->d + r->dpos, hl, &cl);
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
    end = header_end(r->d + r->dpos, lim, scanned < lim ? scanned : lim, &hl,
                     &next_rec);
    if (end)
      break;
    if (next_rec) {
      /* The next record begins before this header ended: this one is
       * broken, and reading resumes right there. */
      unsigned long long ignored;
      parse_header(r, r->d + r->dpos, next_rec, &ignored);
      if (r->fatal)
        return r->fatal;
      set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                "WARC header cut short by the next record");
      pith_status st = broken(r, out);
      r->next_pos = r->dpos + next_rec;
      return st;
    }
    scanned = lim > 9 ? lim - 9 : 0;
    if (here + lim > r->noterm_end)
      r->noterm_end = here + lim;
    if (avail >= HDR_CAP) {
      set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                "WARC header longer than %zu bytes", HDR_CAP);
      return broken(r, out);
    }
    int f = fill(r);
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
        parse_header(r, h, k, &ignored);
      if (r->fatal)
        return r->fatal;
      set_error(&r->rec, PITH_ERR_WARC_FORMAT, "%s",
                f == FILL_CUT ? r->cut_msg : "truncated WARC header");
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
  if (parse_header(r, r->d + r->dpos, hl, &cl) < 0) {
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
        f = fill(r);
      if (f == FILL_FATAL)
        return r->fatal;
      if (f == FILL_CUT)
        r->cut_pending = 1; /* seen again by the skipping loop below */
      size_t have = r->dlen - r->dpos - end;
      parse_http(r, r->d + r->dpos + end, have < want - end ? have : want - end,
                 1);
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
      int f = fill(r);
      if (f == FILL_FATAL)
        return r->fatal;
      if (f != FILL_DATA) {
        set_error(&r->rec, PITH_ERR_WARC_FORMAT,
                  "truncated record (%llu of %llu block bytes missing)", left,
                  cl);
        r->resync = 1;
        r->next_pos = r->dpos;
        *out = &r->rec;
        return r->rec.status;
      }
    }
    set_error(&r->rec, PITH_ERR_TOO_LARGE,
              "record block too large (%llu bytes, max %zu)", cl,
              r->max_record);
    r->resync = 1; /* the trailer's CRLFs and anything odd are its own */
    r->next_pos = r->dpos;
    *out = &r->rec;
    return r->rec.status;
  }
  size_t need = end + (size_t)cl + 4;
  while (r->dlen - r->dpos < need) {
    int f = fill(r);
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
    set_error(&r->rec, PITH_ERR_WARC_FORMAT,
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
    set_error(&r->rec, PITH_ERR_WARC_FORMAT,
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
    size_t rel = after - r->dpos; /* fill() may move the window */
    for (;;) {
      const member_span *m = member_at(r, last);
      size_t held = r->dlen - r->dpos;
      if (!m || m->out_end != UNKNOWN || held > need + RAW_CHUNK ||
          held + 2 * RAW_CHUNK > r->max_record + HDR_CAP)
        break;
      int f = fill(r);
      if (f == FILL_CUT)
        r->cut_pending = 1;
      if (f != FILL_DATA)
        break;
    }
    after = r->dpos + rel;
  }
  set_stored(r, r->rec.offset, r->dbase + after + trail);
  const char *block = r->d + r->dpos + end;
  r->rec.body = block;
  r->rec.body_len = (size_t)cl;
  if (strcmp(r->rec.type, "response") == 0 && parse_http(r, block, cl, 0) < 0) {
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
         (rec->body_len == 0 || sniff_html(rec->body, rec->body_len));
}
