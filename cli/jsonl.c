/* SPDX-License-Identifier: MIT */
/*
 * jsonl.c - pith --jsonl-input: a long-running worker for programs in any
 * language.  Standard input holds JSON Lines, one page per line:
 *
 *   {"url": "https://example.org/a", "html": "<html>...</html>"}
 *   {"url": null, "html_base64": "PGh0bWw+Li4u", "encoding": "latin-1"}
 *
 * and standard output gets one JSON record per line, in input order (the
 * record of --json; a failed line gives the error record, with "error").
 * "html" is text (JSON strings are Unicode, so any charset the markup
 * declares is overridden); "html_base64" is the raw bytes, whose charset
 * is detected as for a file, with "encoding" as a hint.  "source" (a
 * string) names the page in its record; by default "-:N", N the line
 * number.  Other keys are ignored; blank lines are skipped.  Output is
 * flushed after every record, so a client may write a line and wait for
 * its answer.
 *
 * Lines go through the batch pipeline (batch.c) as in-memory pages, so
 * -j N extracts on N threads with the same output as -j 1.
 */
#define _POSIX_C_SOURCE 200809L

#include "jsonl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

#include "batch.h"

/* ---- reading lines ------------------------------------------------------ */

/* Read one line (without its newline) into *buf (grown as needed; NUL
 * bytes are kept, so they cannot merge two lines).  Returns its length,
 * -1 at end of input, or -2 when out of memory.  A line longer than `cap`
 * is read to its end but not stored: *too_long is set and 0 returned. */
static long read_line(FILE *f, char **buf, size_t *size, size_t cap,
                      int *too_long) {
  size_t len = 0;
  int c, any = 0;
  *too_long = 0;
  flockfile(f);
  while ((c = getc_unlocked(f)) != EOF) {
    any = 1;
    if (c == '\n')
      break;
    if (*too_long)
      continue;
    if (len + 2 > *size) {
      size_t nsize = *size ? *size * 2 : 1 << 16;
      char *nb = realloc(*buf, nsize);
      if (!nb) {
        funlockfile(f);
        return -2;
      }
      *buf = nb;
      *size = nsize;
    }
    (*buf)[len++] = (char)c;
    if (len > cap)
      *too_long = 1;
  }
  funlockfile(f);
  if (!any)
    return -1;
  if (*too_long)
    return 0;
  if (len && (*buf)[len - 1] == '\r')
    len--;
  (*buf)[len] = '\0';
  return (long)len;
}

/* ---- a small JSON object reader ------------------------------------ */

typedef struct {
  char *p, *end;
  const char *err;
} jreader;

static void skip_ws(jreader *r) {
  while (r->p < r->end &&
         (*r->p == ' ' || *r->p == '\t' || *r->p == '\n' || *r->p == '\r'))
    r->p++;
}

static int hexval(int c) {
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static int read_hex4(const char *s) {
  int v = 0;
  for (int i = 0; i < 4; i++) {
    int h = hexval((unsigned char)s[i]);
    if (h < 0)
      return -1;
    v = v * 16 + h;
  }
  return v;
}

static char *put_utf8(char *o, unsigned cp) {
  if (cp < 0x80) {
    *o++ = (char)cp;
  } else if (cp < 0x800) {
    *o++ = (char)(0xC0 | (cp >> 6));
    *o++ = (char)(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    *o++ = (char)(0xE0 | (cp >> 12));
    *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *o++ = (char)(0x80 | (cp & 0x3F));
  } else {
    *o++ = (char)(0xF0 | (cp >> 18));
    *o++ = (char)(0x80 | ((cp >> 12) & 0x3F));
    *o++ = (char)(0x80 | ((cp >> 6) & 0x3F));
    *o++ = (char)(0x80 | (cp & 0x3F));
  }
  return o;
}

/* Read a string at r->p (on its opening quote), decoding it in place
 * (the decoded form is never longer).  *s and *n get the bytes (also
 * NUL-terminated).  Returns 0, or -1 with r->err set. */
static int read_string(jreader *r, char **s, size_t *n) {
  if (r->p >= r->end || *r->p != '"') {
    r->err = "a string was expected";
    return -1;
  }
  char *in = ++r->p, *out = in;
  *s = out;
  while (in < r->end && *in != '"') {
    unsigned char c = (unsigned char)*in;
    if (c < 0x20) {
      r->err = "a control character inside a string";
      return -1;
    }
    if (c != '\\') {
      *out++ = *in++;
      continue;
    }
    if (in + 1 >= r->end) {
      r->err = "an unfinished escape";
      return -1;
    }
    char e = in[1];
    in += 2;
    switch (e) {
    case '"':
    case '\\':
    case '/':
      *out++ = e;
      break;
    case 'b':
      *out++ = '\b';
      break;
    case 'f':
      *out++ = '\f';
      break;
    case 'n':
      *out++ = '\n';
      break;
    case 'r':
      *out++ = '\r';
      break;
    case 't':
      *out++ = '\t';
      break;
    case 'u': {
      int cp = r->end - in >= 4 ? read_hex4(in) : -1;
      if (cp < 0) {
        r->err = "a bad \\u escape";
        return -1;
      }
      in += 4;
      if (cp >= 0xD800 && cp < 0xDC00 && r->end - in >= 6 && in[0] == '\\' &&
          in[1] == 'u') {
        int lo = read_hex4(in + 2);
        if (lo >= 0xDC00 && lo < 0xE000) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          in += 6;
        }
      }
      if (cp >= 0xD800 && cp < 0xE000)
        cp = 0xFFFD; /* a lone surrogate */
      out = put_utf8(out, (unsigned)cp);
      break;
    }
    default:
      r->err = "a bad escape";
      return -1;
    }
  }
  if (in >= r->end) {
    r->err = "an unterminated string";
    return -1;
  }
  r->p = in + 1;
  *n = (size_t)(out - *s);
  *out = '\0';
  return 0;
}

/* Skip any value (nesting bounded). */
static int skip_value(jreader *r, int depth) {
  skip_ws(r);
  if (r->p >= r->end) {
    r->err = "a value was expected";
    return -1;
  }
  if (depth > 64) {
    r->err = "nesting too deep";
    return -1;
  }
  char c = *r->p;
  if (c == '"') {
    char *s;
    size_t n;
    return read_string(r, &s, &n);
  }
  if (c == '{' || c == '[') {
    char close = c == '{' ? '}' : ']';
    r->p++;
    skip_ws(r);
    if (r->p < r->end && *r->p == close) {
      r->p++;
      return 0;
    }
    for (;;) {
      if (c == '{') {
        char *k;
        size_t kn;
        skip_ws(r);
        if (read_string(r, &k, &kn) != 0)
          return -1;
        skip_ws(r);
        if (r->p >= r->end || *r->p != ':') {
          r->err = "':' was expected";
          return -1;
        }
        r->p++;
      }
      if (skip_value(r, depth + 1) != 0)
        return -1;
      skip_ws(r);
      if (r->p < r->end && *r->p == ',') {
        r->p++;
        continue;
      }
      if (r->p < r->end && *r->p == close) {
        r->p++;
        return 0;
      }
      r->err = "',' or a closing bracket was expected";
      return -1;
    }
  }
  /* A number, true, false or null: its characters. */
  char *start = r->p;
  while (r->p < r->end &&
         (strchr("+-.eE", *r->p) || (*r->p >= '0' && *r->p <= '9') ||
          (*r->p >= 'a' && *r->p <= 'z')))
    r->p++;
  size_t n = (size_t)(r->p - start);
  if (n == 0 || (((*start >= 'a' && *start <= 'z')) &&
                 !((n == 4 && memcmp(start, "true", 4) == 0) ||
                   (n == 5 && memcmp(start, "false", 5) == 0) ||
                   (n == 4 && memcmp(start, "null", 4) == 0)))) {
    r->err = "an invalid value";
    return -1;
  }
  return 0;
}

/* The keys of one input line. */
typedef struct {
  char *url, *html, *b64, *source, *encoding; /* in the line's buffer */
  size_t html_len, b64_len;
} page_line;

/* Read the string (or null) value of a known key into *dst. */
static int read_str_or_null(jreader *r, char **dst, size_t *len) {
  skip_ws(r);
  if (r->end - r->p >= 4 && memcmp(r->p, "null", 4) == 0) {
    r->p += 4;
    *dst = NULL;
    return 0;
  }
  size_t n;
  if (read_string(r, dst, &n) != 0)
    return -1;
  if (len)
    *len = n;
  return 0;
}

/* Read one line's object.  Returns NULL, or what is wrong with it. */
static const char *parse_line(char *s, size_t n, page_line *pl) {
  jreader r = {s, s + n, NULL};
  memset(pl, 0, sizeof *pl);
  skip_ws(&r);
  if (r.p >= r.end || *r.p != '{') {
    r.err = "not a JSON object";
    goto fail;
  }
  r.p++;
  skip_ws(&r);
  if (r.p < r.end && *r.p == '}') {
    r.p++;
  } else {
    for (;;) {
      char *key;
      size_t kn;
      skip_ws(&r);
      if (read_string(&r, &key, &kn) != 0)
        goto fail;
      skip_ws(&r);
      if (r.p >= r.end || *r.p != ':') {
        r.err = "':' was expected";
        goto fail;
      }
      r.p++;
      int rc;
      if (strcmp(key, "url") == 0)
        rc = read_str_or_null(&r, &pl->url, NULL);
      else if (strcmp(key, "html") == 0)
        rc = read_str_or_null(&r, &pl->html, &pl->html_len);
      else if (strcmp(key, "html_base64") == 0)
        rc = read_str_or_null(&r, &pl->b64, &pl->b64_len);
      else if (strcmp(key, "source") == 0)
        rc = read_str_or_null(&r, &pl->source, NULL);
      else if (strcmp(key, "encoding") == 0)
        rc = read_str_or_null(&r, &pl->encoding, NULL);
      else
        rc = skip_value(&r, 1);
      if (rc != 0)
        goto fail;
      skip_ws(&r);
      if (r.p < r.end && *r.p == ',') {
        r.p++;
        continue;
      }
      if (r.p < r.end && *r.p == '}') {
        r.p++;
        break;
      }
      r.err = "',' or '}' was expected";
      goto fail;
    }
  }
  skip_ws(&r);
  if (r.p != r.end) {
    r.err = "text after the JSON object";
    goto fail;
  }
  return NULL;
fail:
  return r.err ? r.err : "invalid JSON";
}

/* Decode base64 (standard or URL-safe alphabet, padding optional,
 * whitespace ignored) into a new buffer.  Returns it, or NULL when the
 * input is not base64 (*bad set) or memory runs out. */
static char *decode_base64(const char *s, size_t n, size_t *out_len, int *bad) {
  char *out = malloc(n / 4 * 3 + 4);
  size_t o = 0;
  unsigned acc = 0;
  int bits = 0, pad = 0;
  *bad = 0;
  if (!out)
    return NULL;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    int v;
    if (c >= 'A' && c <= 'Z')
      v = c - 'A';
    else if (c >= 'a' && c <= 'z')
      v = c - 'a' + 26;
    else if (c >= '0' && c <= '9')
      v = c - '0' + 52;
    else if (c == '+' || c == '-')
      v = 62;
    else if (c == '/' || c == '_')
      v = 63;
    else if (c == '=') {
      pad++;
      continue;
    } else if (c == ' ' || c == '\n' || c == '\r' || c == '\t')
      continue;
    else {
      *bad = 1;
      break;
    }
    if (pad) { /* data after padding */
      *bad = 1;
      break;
    }
    acc = (acc << 6) | (unsigned)v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (char)((acc >> bits) & 0xFF);
    }
  }
  if (bits >= 6) /* a lone sixth bit group: not base64 */
    *bad = 1;
  if (*bad) {
    free(out);
    return NULL;
  }
  *out_len = o;
  return out;
}

/* ---- the run -------------------------------------------------------- */

/* The job of one line (an error job when the line is not a page). */
static job *line_job(char *line, size_t n, unsigned long long lineno) {
  char name[48], msg[160];
  page_line pl;
  snprintf(name, sizeof name, "-:%llu", lineno);
  const char *bad = parse_line(line, n, &pl);
  if (bad) {
    snprintf(msg, sizeof msg, "line %llu: invalid JSON input: %s", lineno, bad);
    return job_new(JOB_ERROR, name, msg);
  }
  const char *source = pl.source ? pl.source : name;
  if (!pl.html && !pl.b64) {
    snprintf(msg, sizeof msg,
             "line %llu: no \"html\" or \"html_base64\" string", lineno);
    job *j = job_new(JOB_ERROR, source, msg);
    if (j && pl.url && !(j->url = job_strdup(pl.url))) {
      free(j->msg);
      j->msg = job_strdup("out of memory");
    }
    return j;
  }
  job *j = job_new(JOB_PAGE, source, NULL);
  if (!j)
    return NULL;
  j->url = job_strdup(pl.url);
  j->charset = job_strdup(pl.encoding);
  if (pl.html) {
    /* Text: UTF-8 behind a byte order mark, which overrides the charset
     * the markup declares. */
    j->data = malloc(pl.html_len + 3);
    if (j->data) {
      memcpy(j->data, "\xEF\xBB\xBF", 3);
      memcpy(j->data + 3, pl.html, pl.html_len);
      j->len = pl.html_len + (pl.html_len ? 3 : 0);
    }
  } else {
    int not_b64;
    j->data = decode_base64(pl.b64, pl.b64_len, &j->len, &not_b64);
    if (!j->data && not_b64) {
      j->kind = JOB_ERROR;
      snprintf(msg, sizeof msg, "line %llu: \"html_base64\" is not base64",
               lineno);
      j->msg = job_strdup(msg);
      return j;
    }
  }
  if (!j->data || (pl.url && !j->url) || (pl.encoding && !j->charset)) {
    j->kind = JOB_ERROR;
    j->msg = job_strdup("out of memory");
  }
  return j;
}

int jsonl_run(const cli_args *a) {
  /* Line-buffered: each record reaches the client as soon as it is
   * written. */
  setvbuf(stdout, NULL, _IOLBF, 0);
  size_t max = a->max_size ? a->max_size : PITH_DEFAULT_MAX_INPUT;
  /* JSON escapes take up to 6 bytes per byte (\u00XX), base64 4 per 3. */
  size_t cap = max > ((size_t)-1) / 8 ? ((size_t)-1) / 2 : max * 6 + 65536;
  batch *b = batch_start(a, a->threads ? a->threads : 1);
  if (!b) {
    fputs("pith: out of memory\n", stderr);
    return 1;
  }
  char *buf = NULL;
  size_t size = 0;
  unsigned long long lineno = 0;
  int failed = 0;
  for (;;) {
    int too_long;
    long n = read_line(stdin, &buf, &size, cap, &too_long);
    if (n == -1)
      break;
    lineno++;
    job *j;
    if (n == -2) {
      fputs("pith: out of memory\n", stderr);
      failed = 1;
      break;
    } else if (too_long) {
      char name[48], msg[160];
      snprintf(name, sizeof name, "-:%llu", lineno);
      snprintf(msg, sizeof msg, "line %llu: input line too long (max %zu)",
               lineno, cap);
      j = job_new(JOB_ERROR, name, msg);
    } else {
      size_t k = 0;
      while (k < (size_t)n && (buf[k] == ' ' || buf[k] == '\t'))
        k++;
      if (k == (size_t)n)
        continue; /* a blank line */
      j = line_job(buf, (size_t)n, lineno);
    }
    if (!j) {
      fputs("pith: out of memory\n", stderr);
      failed = 1;
      break;
    }
    if (batch_submit(b, j) != 0)
      break;
    if (size > ((size_t)1 << 22) && n >= 0 && (size_t)n < size / 8) {
      /* Give back the memory of one huge line. */
      free(buf);
      buf = NULL;
      size = 0;
    }
  }
  if (ferror(stdin)) {
    fputs("pith: error reading standard input\n", stderr);
    failed = 1;
  }
  free(buf);
  int status = batch_finish(b);
  return status ? status : failed;
}
