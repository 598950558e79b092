/* SPDX-License-Identifier: MIT */
/*
 * warc_stream.c - the byte layer of the WARC reader (warc.c): it turns
 * the caller's read callback's bytes into the uncompressed WARC stream in
 * the reader's window.  In gzip mode it inflates member by member; a
 * member is first tried whole (fast_member: read ahead to the next
 * member's header, size from the trailer, one libdeflate call when built
 * with it); one that is too big, damaged or cut short is inflated from its
 * start by zlib as it streams by, and only that path reports cuts.  It
 * also keeps where each member lies, to give records their stored place.
 */
#include "warc_int.h"

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
const member_span *pith__warc_member_at(const pith_warc_reader *r,
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
void pith__warc_members_drop_before(pith_warc_reader *r,
                                    unsigned long long off) {
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
void pith__warc_set_stored(pith_warc_reader *r, unsigned long long from,
                           unsigned long long to) {
  pith_warc_record *rec = &r->rec;
  if (r->mode != MODE_GZIP) {
    rec->stored_offset = from;
    rec->stored_length = to > from ? to - from : 0;
    return;
  }
  const member_span *a = pith__warc_member_at(r, from);
  rec->stored_offset = a ? a->raw_start : 0;
  rec->stored_length = 0;
  if (!a || to <= from)
    return;
  const member_span *b = pith__warc_member_at(r, to - 1);
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
int pith__warc_fill(pith_warc_reader *r) {
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
