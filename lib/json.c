/* SPDX-License-Identifier: MIT */
/*
 * json.c - the JSON renderer: one result (or one failed input) as a single
 * JSON object on one line, the record `pith --json` writes as JSON Lines.
 *
 * The keys always come in the same order (source, url, title, author, date,
 * sitename, description, language, categories, tags, date_modified, image,
 * license, page_type, dateline, text, comments) so the output diffs well;
 * with PITH_RENDER_MARKDOWN_FIELD a "markdown" key follows "text", and
 * "truncated": true ends a record that a bound cut short.  An absent
 * scalar field (the empty string in the result) is written as null, never
 * as "", so consumers can tell "absent" from a value; text is always a
 * string.  dateline is an object {"place", "date", "agency"} or null;
 * comments is a string (one reader comment per paragraph) or null.
 *
 * Strings from the library are valid UTF-8, but `source` usually is a file
 * name from the command line, which can hold any bytes, so the escaper
 * validates as it goes and writes U+FFFD for every invalid sequence: the
 * output is always valid UTF-8 and valid JSON.  U+2028 and U+2029 are
 * escaped too, as they end lines in JavaScript.
 */
#include <stdio.h>
#include <string.h>

#include "pith/pith.h"

#include "alloc.h"
#include "explain.h"
#include "result.h"

/* The length of the valid UTF-8 sequence at s[0..n), or 0 when the bytes
 * there are not one (bad lead byte, bad continuation, overlong form,
 * surrogate, above U+10FFFF or cut short). */
static size_t utf8_seq_len(const unsigned char *s, size_t n) {
  unsigned c = s[0];
  if (c < 0x80)
    return 1;
  if (c < 0xC2)
    return 0;
  if (c < 0xE0)
    return n >= 2 && (s[1] & 0xC0) == 0x80 ? 2 : 0;
  if (c < 0xF0) {
    if (n < 3 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80)
      return 0;
    if (c == 0xE0 && s[1] < 0xA0) /* overlong */
      return 0;
    if (c == 0xED && s[1] >= 0xA0) /* UTF-16 surrogate */
      return 0;
    return 3;
  }
  if (c < 0xF5) {
    if (n < 4 || (s[1] & 0xC0) != 0x80 || (s[2] & 0xC0) != 0x80 ||
        (s[3] & 0xC0) != 0x80)
      return 0;
    if (c == 0xF0 && s[1] < 0x90) /* overlong */
      return 0;
    if (c == 0xF4 && s[1] >= 0x90) /* above U+10FFFF */
      return 0;
    return 4;
  }
  return 0;
}

/* Append s as a quoted JSON string.  Runs of bytes that need no escaping
 * are copied in one append. */
static void put_string(pith_buf *b, const char *str) {
  static const char hex[] = "0123456789abcdef";
  const unsigned char *s = (const unsigned char *)str;
  size_t n = strlen(str);
  size_t i = 0, run = 0;

  pith__buf_putc(b, '"');
  while (i < n) {
    unsigned c = s[i];
    if (c >= 0x20 && c != '"' && c != '\\' && c < 0x80) {
      i++;
      continue;
    }
    size_t len = c < 0x80 ? 1 : utf8_seq_len(s + i, n - i);
    if (len > 1 && !(len == 3 && c == 0xE2 && s[i + 1] == 0x80 &&
                     (s[i + 2] == 0xA8 || s[i + 2] == 0xA9))) {
      i += len; /* valid, and not U+2028 / U+2029: copy as is */
      continue;
    }
    pith__buf_append(b, str + run, i - run);
    if (len == 0) {
      pith__buf_puts(b, "\xEF\xBF\xBD"); /* U+FFFD for one bad byte */
      i++;
    } else if (len == 3) {
      pith__buf_puts(b, s[i + 2] == 0xA8 ? "\\u2028" : "\\u2029");
      i += 3;
    } else {
      switch (c) {
      case '"':
        pith__buf_puts(b, "\\\"");
        break;
      case '\\':
        pith__buf_puts(b, "\\\\");
        break;
      case '\n':
        pith__buf_puts(b, "\\n");
        break;
      case '\t':
        pith__buf_puts(b, "\\t");
        break;
      case '\r':
        pith__buf_puts(b, "\\r");
        break;
      case '\b':
        pith__buf_puts(b, "\\b");
        break;
      case '\f':
        pith__buf_puts(b, "\\f");
        break;
      default: {
        char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
        pith__buf_append(b, esc, sizeof esc);
      }
      }
      i++;
    }
    run = i;
  }
  pith__buf_append(b, str + run, n - run);
  pith__buf_putc(b, '"');
}

/* `"key":` preceded by a comma unless it is the first key. */
static void put_key(pith_buf *b, const char *key) {
  if (b->len > 1)
    pith__buf_putc(b, ',');
  pith__buf_putc(b, '"');
  pith__buf_puts(b, key);
  pith__buf_puts(b, "\":");
}

/* A scalar field: null when absent (NULL or ""), else a string. */
static void put_field(pith_buf *b, const char *key, const char *val) {
  put_key(b, key);
  if (val && *val)
    put_string(b, val);
  else
    pith__buf_puts(b, "null");
}

static void put_array(pith_buf *b, const char *key, const char *const *items,
                      size_t n) {
  put_key(b, key);
  pith__buf_putc(b, '[');
  size_t written = 0;
  for (size_t i = 0; i < n; i++) {
    if (!items[i] || !*items[i])
      continue;
    if (written++)
      pith__buf_putc(b, ',');
    put_string(b, items[i]);
  }
  pith__buf_putc(b, ']');
}

/* "dateline": {"place", "date", "agency"} (absent parts null), or null
 * when the text opens with no dateline. */
static void put_dateline(pith_buf *b, const pith_meta *m) {
  if (!m->has_dateline) {
    put_field(b, "dateline", NULL);
    return;
  }
  put_key(b, "dateline");
  pith__buf_putc(b, '{');
  /* put_key() adds a comma unless the buffer holds only "{"; here the
   * object starts mid-buffer, so the first key is written by hand. */
  pith__buf_puts(b, "\"place\":");
  if (m->dateline_place && *m->dateline_place)
    put_string(b, m->dateline_place);
  else
    pith__buf_puts(b, "null");
  put_field(b, "date", m->dateline_date);
  put_field(b, "agency", m->dateline_agency);
  pith__buf_putc(b, '}');
}

char *pith_render_json(const pith_result *res, const char *source) {
  return pith_render_json_ex(res, source, 0);
}

/* The keys after "url" of a record that failed: all null. */
static const char *const null_keys[] = {
    "title",    "author",     "date",     "sitename",      "description",
    "language", "categories", "tags",     "date_modified", "image",
    "license",  "page_type",  "dateline", "text",          "comments"};

/* The keys after "url" of a result, in their fixed order.  Returns -1 when
 * out of memory (the Markdown field). */
static int put_result(pith_buf *b, const pith_result *res, unsigned flags) {
  const pith_meta *m = &res->meta;
  put_field(b, "title", m->title);
  put_field(b, "author", m->author);
  put_field(b, "date", m->date);
  put_field(b, "sitename", m->sitename);
  put_field(b, "description", m->description);
  put_field(b, "language", m->language);
  put_array(b, "categories", m->categories, m->categories ? m->ncategories : 0);
  put_array(b, "tags", m->tags, m->tags ? m->ntags : 0);
  put_field(b, "date_modified", m->date_modified);
  put_field(b, "image", m->image);
  put_field(b, "license", m->license);
  put_field(b, "page_type", m->page_type);
  put_dateline(b, m);
  put_key(b, "text");
  put_string(b, res->text ? res->text : "");
  if (flags & PITH_RENDER_MARKDOWN_FIELD) {
    char *md = pith_render_markdown(res, flags);
    if (!md)
      return -1;
    put_key(b, "markdown");
    put_string(b, md);
    pith__free(md);
  }
  put_field(b, "comments", res->comments);
  return 0;
}

static void put_truncated(pith_buf *b, const pith_result *res) {
  if (res->truncated) {
    put_key(b, "truncated");
    pith__buf_puts(b, "true");
  }
}

static void put_nulls(pith_buf *b) {
  for (size_t i = 0; i < sizeof null_keys / sizeof null_keys[0]; i++)
    put_field(b, null_keys[i], NULL);
}

static void put_error(pith_buf *b, const char *message) {
  put_key(b, "error");
  put_string(b, message && *message ? message : "unknown error");
}

char *pith_render_json_ex(const pith_result *res, const char *source,
                          unsigned flags) {
  if (!res)
    return NULL;
  pith_buf b;
  pith__buf_init(&b);
  /* Most of the record is the text; reserve once to avoid regrowth. */
  pith__buf_reserve(&b, (res->text ? strlen(res->text) : 0) + 1024);
  pith__buf_putc(&b, '{');
  put_field(&b, "source", source);
  put_field(&b, "url", res->meta.url);
  if (put_result(&b, res, flags) < 0) {
    pith__buf_free(&b);
    return NULL;
  }
  put_truncated(&b, res);
  pith__buf_putc(&b, '}');
  return pith__buf_steal(&b);
}

char *pith_render_json_error(const char *source, const char *url,
                             const char *message) {
  pith_buf b;
  pith__buf_init(&b);
  pith__buf_putc(&b, '{');
  put_field(&b, "source", source);
  put_field(&b, "url", url);
  put_nulls(&b);
  put_error(&b, message);
  pith__buf_putc(&b, '}');
  return pith__buf_steal(&b);
}

/* WARC records: as above, but "url" is the record's WARC-Target-URI and
 * "warc_record_id", "warc_date", "http_status", "warc_truncated" follow
 * the usual keys (before "truncated" or "error"). */
char *pith_render_json_warc(const pith_result *res, const char *source,
                            const char *url, const char *record_id,
                            const char *date, int http_status,
                            const char *warc_truncated, const char *message) {
  pith_buf b;
  pith__buf_init(&b);
  if (res)
    pith__buf_reserve(&b, (res->text ? strlen(res->text) : 0) + 1024);
  pith__buf_putc(&b, '{');
  put_field(&b, "source", source);
  put_field(&b, "url", url);
  if (res)
    put_result(&b, res, 0); /* no Markdown field: cannot fail */
  else
    put_nulls(&b);
  put_field(&b, "warc_record_id", record_id);
  put_field(&b, "warc_date", date);
  if (http_status > 0) {
    /* Digits by hand: json.c keeps clear of stdio. */
    char num[32] = ",\"http_status\":";
    size_t n = strlen(num);
    char digits[12];
    size_t nd = 0;
    for (unsigned v = (unsigned)http_status; v; v /= 10)
      digits[nd++] = (char)('0' + v % 10);
    while (nd)
      num[n++] = digits[--nd];
    pith__buf_append(&b, num, n);
  } else {
    pith__buf_append(&b, ",\"http_status\":null", 19);
  }
  put_field(&b, "warc_truncated", warc_truncated);
  if (res && !res->truncated && warc_truncated && *warc_truncated) {
    /* The crawler cut the page short: as much a cut page as our bounds'. */
    put_key(&b, "truncated");
    pith__buf_puts(&b, "true");
  } else if (res) {
    put_truncated(&b, res);
  } else
    put_error(&b, message);
  pith__buf_putc(&b, '}');
  return pith__buf_steal(&b);
}

/* ------------------------------------------------------------------ */
/* The decision trace as JSON Lines                                    */

static void put_number(pith_buf *b, const char *key, double v) {
  char num[32];
  put_key(b, key);
  snprintf(num, sizeof num, "%.1f", v);
  pith__buf_puts(b, num);
}

static void put_count(pith_buf *b, const char *key, size_t v) {
  char num[24];
  put_key(b, key);
  snprintf(num, sizeof num, "%zu", v);
  pith__buf_puts(b, num);
}

static const char *const decision_names[] = {"kept", "comment", "dropped"};

char *pith_render_explain_json(const pith_result *res, const char *source) {
  if (!res)
    return NULL;
  pith_buf out, line;
  pith__buf_init(&out);
  pith__buf_init(&line);
  const pith_trace *tr = res->trace;

  /* The header line. */
  pith__buf_putc(&line, '{');
  put_field(&line, "source", source);
  put_field(&line, "selected", tr ? tr->selected : NULL);
  put_number(&line, "selected_score", tr ? tr->selected_score : 0);
  put_field(&line, "fallback", tr ? tr->fallback : NULL);
  put_key(&line, "fields");
  pith__buf_putc(&line, '{');
  const char *vals[PITH_F_COUNT] = {
      res->meta.title,         res->meta.author,      res->meta.date,
      res->meta.sitename,      res->meta.description, res->meta.language,
      res->meta.url,           res->meta.image,       res->meta.page_type,
      res->meta.dateline_place};
  for (int i = 0; i < PITH_F_COUNT; i++) {
    if (i)
      pith__buf_putc(&line, ',');
    put_string(&line, pith__field_name(i));
    pith__buf_puts(&line, ":{\"value\":");
    if (vals[i] && *vals[i])
      put_string(&line, vals[i]);
    else
      pith__buf_puts(&line, "null");
    pith__buf_puts(&line, ",\"source\":");
    if (tr && res->meta.src[i])
      put_string(&line, res->meta.src[i]);
    else
      pith__buf_puts(&line, "null");
    pith__buf_putc(&line, '}');
  }
  pith__buf_putc(&line, '}');
  put_key(&line, "words");
  pith__buf_putc(&line, '{');
  int first = 1;
  for (unsigned r = 1; tr && r < PITH_R_COUNT; r++) {
    if (!tr->words[r])
      continue;
    if (!first)
      pith__buf_putc(&line, ',');
    first = 0;
    char num[24];
    put_string(&line, pith__reason_name(r));
    snprintf(num, sizeof num, ":%zu", tr->words[r]);
    pith__buf_puts(&line, num);
  }
  pith__buf_puts(&line, "}}\n");
  pith__buf_append(&out, line.data, line.len);

  for (size_t i = 0; tr && i < tr->n; i++) {
    const pith_trace_entry_int *e = &tr->entries[i];
    pith__buf_reset(&line);
    pith__buf_putc(&line, '{');
    put_count(&line, "i", i);
    put_field(
        &line, "decision",
        decision_names[e->decision >= 0 && e->decision <= 2 ? e->decision : 2]);
    put_field(&line, "reason", pith__reason_name(e->reason));
    put_field(&line, "detail", e->detail);
    put_field(&line, "path", e->path);
    put_field(&line, "block",
              e->block >= 0
                  ? (const char *[]){"paragraph", "heading", "list-item",
                                     "quote", "code", "table-row"}[e->block % 6]
                  : NULL);
    put_number(&line, "score", e->score);
    put_count(&line, "words", e->words);
    put_key(&line, "text");
    put_string(&line, e->text ? e->text : "");
    pith__buf_puts(&line, "}\n");
    pith__buf_append(&out, line.data, line.len);
  }
  int oom = out.oom || line.oom;
  pith__buf_free(&line);
  if (oom) {
    pith__buf_free(&out);
    return NULL;
  }
  return pith__buf_steal(&out);
}
