/* SPDX-License-Identifier: MIT */
/*
 * warc_int.h - what the files of the WARC reader share (internal, not
 * installed): the reader and record structs, and the functions one file
 * calls in another.
 *
 *   warc.c         the reader's API, the record layer (finding records,
 *                  resynchronising after broken ones) and the getters
 *   warc_stream.c  the byte layer: the callback's bytes, plain or gzip,
 *                  into the uncompressed window
 *   warc_header.c  WARC header blocks: record starts, fields, blank line
 *   warc_http.c    the HTTP response of a response record: status,
 *                  headers, transfer and content encodings
 */
#ifndef PITH_WARC_INT_H
#define PITH_WARC_INT_H

#include <pith/pith.h>

#include <stddef.h>

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

/* --- warc_stream.c ----------------------------------------------------- */

/* Append more of the uncompressed stream to the window.  Returns FILL_DATA
 * (some bytes added), FILL_EOF, FILL_CUT (a gzip member was damaged or
 * truncated; bytes before the damage may have been added) or FILL_FATAL. */
int pith__warc_fill(pith_warc_reader *r);
/* The member whose output holds stream offset `off`, or NULL. */
const member_span *pith__warc_member_at(const pith_warc_reader *r,
                                        unsigned long long off);
/* Forget the members that ended before stream offset `off`. */
void pith__warc_members_drop_before(pith_warc_reader *r,
                                    unsigned long long off);
/* Set the record's stored place from its stream range [from, to): in a
 * plain file the range itself; in gzip, from the start of the member
 * holding `from` to the end of the one holding to - 1 (0: unknown). */
void pith__warc_set_stored(pith_warc_reader *r, unsigned long long from,
                           unsigned long long to);

/* --- warc_header.c ----------------------------------------------------- */

/* Does s[0..n) start with lower-case `lit` (ASCII case-insensitive)? */
int pith__warc_ieq_prefix(const char *s, size_t n, const char *lit);
/* Does d[i..n) start a record: a line "WARC/1.0" or "WARC/1.1" (any
 * minor digit), then CRLF or LF?  Returns 1 yes, 0 no, -1 when there are
 * too few bytes to tell. */
int pith__warc_record_start_at(const char *d, size_t i, size_t n);
/* Set the record's status to st and its error message from fmt. */
#ifdef __GNUC__
__attribute__((format(printf, 3, 4)))
#endif
void pith__warc_set_error(pith_warc_record *rec, pith_status st,
                          const char *fmt, ...);
/* Trim spaces and tabs from both ends of s[0..*n). */
const char *pith__warc_trim(const char *s, size_t *n);
/* Parse the header block h[0..n) (without the blank line).  Returns 0, or
 * -1 with the record's error set. */
int pith__warc_parse_header(pith_warc_reader *r, const char *h, size_t n,
                            unsigned long long *content_length);
/* Find the end of a header block in d[0..n), scanning from `from` (see
 * warc_header.c): the index just past the blank line, with *hdr_len the
 * header's length without it; 0 when there is none yet, or when a record
 * start comes first (then *next_rec is set to its offset, when next_rec
 * is given). */
size_t pith__warc_header_end(const char *d, size_t n, size_t from,
                             size_t *hdr_len, size_t *next_rec);

/* --- warc_http.c ------------------------------------------------------- */

/* Does the body look like HTML? (For payloads without a Content-Type.) */
int pith__warc_sniff_html(const char *s, size_t n);
/* Parse the HTTP response in block[0..n) of a response record: status,
 * headers, and the body with its transfer and content encodings undone
 * (only the status and headers with head_only).  Returns 0, or -1 with the
 * record's error set. */
int pith__warc_parse_http(pith_warc_reader *r, const char *b, size_t n,
                          int head_only);

#endif
