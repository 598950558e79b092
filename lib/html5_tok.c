/* SPDX-License-Identifier: MIT */
/*
 * html5_tok.c - the HTML tokenizer of pith's own parser (html5.h).
 *
 * It follows the WHATWG HTML tokenization algorithm, state by state, but
 * runs whole stretches of input at once where the states would only copy
 * characters: a run of text is found with memchr and returned as a slice
 * of the input unless it holds a character reference; a tag's name and
 * attribute values are slices too.  The states that decide where a token
 * ends are all here: tag open, end tag open, tag name, the attribute
 * states (duplicate names dropped, '=' and quotes in names, missing
 * white space), self-closing, markup declaration (comments with their
 * abrupt endings, DOCTYPE, CDATA in foreign content, bogus comments),
 * RCDATA, RAWTEXT and PLAINTEXT, and script data with its escaped and
 * double-escaped states.  End of input inside a tag drops the tag, as the
 * standard says.
 *
 * The input is what the decode stage gives: UTF-8 without NUL bytes, so
 * the standard's NUL handling has nothing to do; a CR is white space
 * here and is cleaned out of text by the tree (pith__clean_text).
 */
#include "html5.h"

#include <string.h>

#include "alloc.h"
#include "chars.h"

#include "html5_entities.h"

#define IN_BUF_NAME 1u  /* a lower-cased copy of the name is in buf */
#define IN_BUF_VALUE 2u /* the decoded value is in buf */

struct pith_h5_tok {
  const char *s;
  size_t n, i;
  pith_h5_content content;
  char end_name[16]; /* the appropriate end tag's name */
  size_t end_len;
  int foreign;
  int eof;
  pith_buf buf; /* decoded text, lower-cased names, attribute values */
  /* Attributes of the tag being read, and for each whether its name or
   * value lives in buf (at name_offs/value_offs) rather than the input. */
  pith_h5_attr attrs[PITH_H5_MAX_ATTRS];
  size_t name_offs[PITH_H5_MAX_ATTRS], value_offs[PITH_H5_MAX_ATTRS];
  unsigned char where[PITH_H5_MAX_ATTRS]; /* IN_BUF_* bits */
  size_t name_off; /* tag name in buf, or (size_t)-1: in the input */
};

pith_h5_tok *pith__h5_tok_new(const char *s, size_t n) {
  pith_h5_tok *tk = pith__malloc(sizeof *tk);
  if (!tk)
    return NULL;
  memset(tk, 0, offsetof(pith_h5_tok, attrs));
  tk->s = s;
  tk->n = n;
  pith__buf_init(&tk->buf);
  return tk;
}

void pith__h5_tok_free(pith_h5_tok *tk) {
  if (!tk)
    return;
  pith__buf_free(&tk->buf);
  pith__free(tk);
}

/* ---- character references ---------------------------------------------- */

/* Code points 0x80..0x9F of a numeric reference mean windows-1252's
 * characters (the standard's table); 0 keeps the code point. */
static const uint16_t c1_map[32] = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178};

/* The entity named s[0..n) exactly, or -1. */
static int entity_find(const char *s, size_t n) {
  int lo = 0, hi = H5_ENTITY_COUNT - 1;
  while (lo <= hi) {
    int mid = (lo + hi) / 2;
    size_t m = h5_entities[mid].len;
    int c = memcmp(h5_entities[mid].name, s, m < n ? m : n);
    if (c == 0)
      c = m < n ? -1 : m > n ? 1 : 0;
    if (c == 0)
      return mid;
    if (c < 0)
      lo = mid + 1;
    else
      hi = mid - 1;
  }
  return -1;
}

static size_t numeric_ref(const char *s, size_t n, char out[8],
                          size_t *out_len) {
  size_t i = 2; /* "&#" */
  int hex = 0;
  if (i < n && (s[i] == 'x' || s[i] == 'X')) {
    hex = 1;
    i++;
  }
  size_t digits = i;
  uint32_t c = 0;
  int big = 0;
  for (; i < n; i++) {
    int v = hex                             ? hexval((unsigned char)s[i])
            : is_digit((unsigned char)s[i]) ? s[i] - '0'
                                            : -1;
    if (v < 0)
      break;
    if (c > 0x10FFFF)
      big = 1;
    else
      c = c * (hex ? 16u : 10u) + (unsigned)v;
  }
  if (i == digits)
    return 0; /* "&#" or "&#x" with no digits: text */
  if (i < n && s[i] == ';')
    i++;
  if (big || c > 0x10FFFF || c == 0 || (c >= 0xD800 && c <= 0xDFFF))
    c = 0xFFFD;
  else if (c >= 0x80 && c <= 0x9F && c1_map[c - 0x80])
    c = c1_map[c - 0x80];
  *out_len = put_utf8(out, c);
  return i;
}

size_t pith__h5_charref(const char *s, size_t n, int in_attr, char out[8],
                        size_t *out_len) {
  *out_len = 0;
  if (n < 2 || s[0] != '&')
    return 0;
  if (s[1] == '#')
    return numeric_ref(s, n, out, out_len);
  size_t run = 1;
  while (run < n && run - 1 < H5_ENTITY_MAXLEN + 1 &&
         is_alnum((unsigned char)s[run]))
    run++;
  size_t len = run - 1; /* the alphanumerics after '&' */
  if (!len)
    return 0;
  if (run < n && s[run] == ';' && len <= H5_ENTITY_MAXLEN) {
    int e = entity_find(s + 1, len);
    if (e >= 0) {
      memcpy(out, h5_entities[e].utf8, h5_entities[e].ulen);
      *out_len = h5_entities[e].ulen;
      return run + 1;
    }
  }
  /* The longest legacy name (valid without ';') that starts the run. */
  for (size_t k = len < H5_ENTITY_MAXLEN ? len : H5_ENTITY_MAXLEN; k >= 2;
       k--) {
    int e = entity_find(s + 1, k);
    if (e < 0 || !h5_entities[e].legacy)
      continue;
    /* In an attribute value, "&amp=" and "&ampx" stay as written. */
    if (in_attr && k < len)
      return 0;
    if (in_attr && 1 + k < n && s[1 + k] == '=')
      return 0;
    memcpy(out, h5_entities[e].utf8, h5_entities[e].ulen);
    *out_len = h5_entities[e].ulen;
    return 1 + k;
  }
  return 0;
}

/* Append s[0..n) to buf with character references decoded. */
static void decode_into(pith_buf *b, const char *s, size_t n, int in_attr) {
  size_t i = 0;
  while (i < n) {
    const char *amp = memchr(s + i, '&', n - i);
    size_t k = amp ? (size_t)(amp - s) : n;
    pith__buf_append(b, s + i, k - i);
    if (!amp)
      return;
    char out[8];
    size_t olen;
    size_t used = pith__h5_charref(s + k, n - k, in_attr, out, &olen);
    if (used) {
      pith__buf_append(b, out, olen);
      i = k + used;
    } else {
      pith__buf_putc(b, '&');
      i = k + 1;
    }
  }
}

/* ---- text --------------------------------------------------------------- */

/* A text token s[a..e), decoded when it holds a '&' and `refs`. */
static void text_token(pith_h5_tok *tk, pith_h5_token *out, size_t a, size_t e,
                       int refs) {
  out->kind = PITH_H5_TEXT;
  out->offset = a;
  if (refs && memchr(tk->s + a, '&', e - a)) {
    pith__buf_reset(&tk->buf);
    decode_into(&tk->buf, tk->s + a, e - a, 0);
    out->text = tk->buf.data ? tk->buf.data : "";
    out->len = tk->buf.len;
  } else {
    out->text = tk->s + a;
    out->len = e - a;
  }
}

/* Does s[i..) start "</name" for the appropriate end tag, followed by
 * white space, '/' or '>' (so the tag name state would end it)? */
static int end_tag_at(const pith_h5_tok *tk, size_t i) {
  const char *s = tk->s;
  size_t n = tk->n, len = tk->end_len;
  if (i + 2 + len >= n || s[i] != '<' || s[i + 1] != '/')
    return 0;
  for (size_t k = 0; k < len; k++)
    if (lower((unsigned char)s[i + 2 + k]) != (unsigned char)tk->end_name[k])
      return 0;
  unsigned char c = (unsigned char)s[i + 2 + len];
  return is_html_sp(c) || c == '/' || c == '>';
}

/* Does s[i..) start "script" followed by white space, '/' or '>'? */
static int script_word_at(const char *s, size_t n, size_t i) {
  static const char w[] = "script";
  if (i + 6 >= n)
    return 0;
  for (size_t k = 0; k < 6; k++)
    if (lower((unsigned char)s[i + k]) != (unsigned char)w[k])
      return 0;
  unsigned char c = (unsigned char)s[i + 6];
  return is_html_sp(c) || c == '/' || c == '>';
}

/* Where the text of a raw text element that starts at i ends: at its
 * appropriate end tag, or the end of input. */
static size_t raw_end(const pith_h5_tok *tk, size_t i) {
  const char *s = tk->s;
  size_t n = tk->n;
  if (tk->content == PITH_H5_PLAINTEXT)
    return n;
  /* RCDATA and RAWTEXT end at the first appropriate end tag.  Script
   * data too, but "<!--" enters the escaped state, where "<script" enters
   * the double-escaped one, in which "</script" only leaves it (back to
   * escaped) instead of ending the script; "-->" returns to plain script
   * data from either. */
  int script = tk->content == PITH_H5_SCRIPT;
  enum { PLAIN, ESCAPED, DOUBLE } st = PLAIN;
  while (i < n) {
    if (st == PLAIN) {
      const char *p = memchr(s + i, '<', n - i);
      if (!p)
        return n;
      i = (size_t)(p - s);
      if (end_tag_at(tk, i))
        return i;
      if (script && i + 3 < n && s[i + 1] == '!' && s[i + 2] == '-' &&
          s[i + 3] == '-') {
        st = ESCAPED;
        i += 2; /* at the "--": "<!-->" ends the escape at once */
        continue;
      }
      i++;
      continue;
    }
    unsigned char c = (unsigned char)s[i];
    if (c == '-' && i + 2 < n && s[i + 1] == '-') {
      /* A run of dashes, then '>' leaves the escape. */
      size_t k = i + 1;
      while (k < n && s[k] == '-')
        k++;
      if (k < n && s[k] == '>') {
        st = PLAIN;
        i = k + 1;
      } else {
        i = k;
      }
      continue;
    }
    if (c == '<') {
      if (st == ESCAPED && end_tag_at(tk, i))
        return i;
      if (st == ESCAPED && script_word_at(s, n, i + 1)) {
        st = DOUBLE;
        i += 7;
        continue;
      }
      if (st == DOUBLE && i + 1 < n && s[i + 1] == '/' &&
          script_word_at(s, n, i + 2)) {
        st = ESCAPED;
        i += 8;
        continue;
      }
    }
    i++;
  }
  return n;
}

/* ---- tags --------------------------------------------------------------- */

/* Read a tag from s[i] == '<' (start) or the '<' of "</" (end); the name
 * starts at `name`.  Fills out and returns 1, or 0 at end of input inside
 * the tag (no token; the rest of the input is consumed). */
static int read_tag(pith_h5_tok *tk, pith_h5_token *out, size_t i, size_t name,
                    int end) {
  const char *s = tk->s;
  size_t n = tk->n;
  pith__buf_reset(&tk->buf);
  size_t k = name;
  int upper = 0;
  while (k < n && !is_html_sp((unsigned char)s[k]) && s[k] != '/' &&
         s[k] != '>') {
    if (s[k] >= 'A' && s[k] <= 'Z')
      upper = 1;
    k++;
  }
  out->kind = end ? PITH_H5_END : PITH_H5_START;
  out->offset = i;
  out->name = s + name;
  out->name_len = k - name;
  out->self_closing = 0;
  out->nattrs = 0;
  out->attrs = tk->attrs;
  tk->name_off = (size_t)-1;
  if (upper) {
    tk->name_off = tk->buf.len;
    for (size_t j = name; j < k; j++)
      pith__buf_putc(&tk->buf, (char)lower((unsigned char)s[j]));
  }
  size_t nattrs = 0;
  uint64_t seen = 0; /* a bit per name hash: most tags need no compare */
  for (;;) {
    while (k < n && is_html_sp((unsigned char)s[k]))
      k++;
    if (k >= n)
      goto eof;
    if (s[k] == '>') {
      k++;
      break;
    }
    if (s[k] == '/') {
      /* Self-closing start tag state: '/' then '>' ends the tag; a '/'
       * before anything else is dropped. */
      k++;
      if (k < n && s[k] == '>') {
        out->self_closing = 1;
        k++;
        break;
      }
      continue;
    }
    /* Attribute name: up to white space, '/', '>' or '=' (a '=' first
     * belongs to the name). */
    size_t an = k;
    k++;
    int aupper = an < n && s[an] >= 'A' && s[an] <= 'Z';
    while (k < n && !is_html_sp((unsigned char)s[k]) && s[k] != '/' &&
           s[k] != '>' && s[k] != '=') {
      if (s[k] >= 'A' && s[k] <= 'Z')
        aupper = 1;
      k++;
    }
    size_t ae = k;
    while (k < n && is_html_sp((unsigned char)s[k]))
      k++;
    size_t va = 0, ve = 0;
    int has_value = 0;
    if (k < n && s[k] == '=') {
      k++;
      while (k < n && is_html_sp((unsigned char)s[k]))
        k++;
      if (k >= n)
        goto eof;
      if (s[k] == '"' || s[k] == '\'') {
        const char *q = memchr(s + k + 1, s[k], n - k - 1);
        if (!q)
          goto eof;
        va = k + 1;
        ve = (size_t)(q - s);
        k = ve + 1;
        has_value = 1;
      } else if (s[k] != '>') {
        va = k;
        while (k < n && !is_html_sp((unsigned char)s[k]) && s[k] != '>')
          k++;
        ve = k;
        has_value = 1;
      }
    }
    /* Otherwise what follows the name starts the next attribute. */
    /* Keep the first attribute of each name. */
    if (nattrs >= PITH_H5_MAX_ATTRS)
      continue;
    const char *aname = s + an;
    size_t alen = ae - an;
    uint32_t h = 2166136261u;
    for (size_t j = an; j < ae; j++)
      h = (h ^ lower((unsigned char)s[j])) * 16777619u;
    uint64_t bit = (uint64_t)1 << (h & 63);
    int dup = 0;
    for (size_t j = 0; (seen & bit) && j < nattrs && !dup; j++) {
      if (tk->attrs[j].name_len != alen)
        continue;
      const char *o = (tk->where[j] & IN_BUF_NAME)
                          ? tk->buf.data + tk->name_offs[j]
                          : tk->attrs[j].name;
      size_t q = 0;
      while (q < alen &&
             lower((unsigned char)o[q]) == lower((unsigned char)aname[q]))
        q++;
      dup = q == alen;
    }
    if (dup)
      continue;
    seen |= bit;
    pith_h5_attr *a = &tk->attrs[nattrs];
    tk->where[nattrs] = 0;
    a->name = aname;
    a->name_len = alen;
    if (aupper) {
      tk->where[nattrs] |= IN_BUF_NAME;
      tk->name_offs[nattrs] = tk->buf.len;
      for (size_t j = an; j < ae; j++)
        pith__buf_putc(&tk->buf, (char)lower((unsigned char)s[j]));
    }
    a->value = has_value ? s + va : "";
    a->value_len = has_value ? ve - va : 0;
    if (has_value && memchr(s + va, '&', ve - va)) {
      tk->where[nattrs] |= IN_BUF_VALUE;
      tk->value_offs[nattrs] = tk->buf.len;
      decode_into(&tk->buf, s + va, ve - va, 1);
      a->value_len = tk->buf.len - tk->value_offs[nattrs];
    }
    nattrs++;
  }
  if (tk->buf.oom)
    return -1;
  /* Names and values kept in buf are resolved now: buf may have moved
   * while it grew. */
  for (size_t j = 0; j < nattrs; j++) {
    if (tk->where[j] & IN_BUF_NAME)
      tk->attrs[j].name = tk->buf.data + tk->name_offs[j];
    if (tk->where[j] & IN_BUF_VALUE)
      tk->attrs[j].value = tk->buf.data + tk->value_offs[j];
  }
  if (tk->name_off != (size_t)-1)
    out->name = tk->buf.data + tk->name_off;
  out->nattrs = end ? 0 : nattrs;
  tk->i = k;
  return 1;
eof:
  tk->i = n;
  return 0;
}

/* ---- the token loop ----------------------------------------------------- */

static void eof_token(pith_h5_tok *tk, pith_h5_token *out) {
  memset(out, 0, sizeof *out);
  out->kind = PITH_H5_EOF;
  out->offset = tk->n;
  tk->eof = 1;
  tk->i = tk->n;
}

/* A comment from s[i] == '<' of "<!--". */
static void read_comment(pith_h5_tok *tk, pith_h5_token *out, size_t i) {
  const char *s = tk->s;
  size_t n = tk->n, a = i + 4, k = a;
  out->kind = PITH_H5_COMMENT;
  out->offset = i;
  /* "<!-->" and "<!--->" are empty comments (abrupt closing). */
  if (k < n && s[k] == '>') {
    out->text = s + a;
    out->len = 0;
    tk->i = k + 1;
    return;
  }
  if (k + 1 < n && s[k] == '-' && s[k + 1] == '>') {
    out->text = s + a;
    out->len = 0;
    tk->i = k + 2;
    return;
  }
  for (;;) {
    const char *p = k < n ? memchr(s + k, '-', n - k) : NULL;
    if (!p) {
      out->text = s + a;
      out->len = n - a;
      tk->i = n;
      return;
    }
    k = (size_t)(p - s);
    if (k + 2 < n && s[k + 1] == '-' && s[k + 2] == '>') {
      out->text = s + a;
      out->len = k - a;
      tk->i = k + 3;
      return;
    }
    if (k + 3 < n && s[k + 1] == '-' && s[k + 2] == '!' && s[k + 3] == '>') {
      out->text = s + a;
      out->len = k - a;
      tk->i = k + 4;
      return;
    }
    k++;
  }
}

/* Up to the next '>' (bogus comments, DOCTYPE): text s[a..'>'). */
static void read_to_gt(pith_h5_tok *tk, pith_h5_token *out, size_t i, size_t a,
                       pith_h5_kind kind) {
  const char *s = tk->s;
  size_t n = tk->n;
  const char *p = a < n ? memchr(s + a, '>', n - a) : NULL;
  size_t e = p ? (size_t)(p - s) : n;
  out->kind = kind;
  out->offset = i;
  out->text = s + (a < n ? a : n);
  out->len = e > a ? e - a : 0;
  tk->i = p ? e + 1 : n;
}

static int ci_prefix(const char *s, size_t n, size_t i, const char *w) {
  size_t len = strlen(w);
  if (i + len > n)
    return 0;
  for (size_t k = 0; k < len; k++)
    if (lower((unsigned char)s[i + k]) != (unsigned char)w[k])
      return 0;
  return 1;
}

int pith__h5_tok_next(pith_h5_tok *tk, pith_h5_token *out) {
  const char *s = tk->s;
  size_t n = tk->n;
  memset(out, 0, sizeof *out);
  if (tk->eof || tk->i >= n) {
    eof_token(tk, out);
    return 0;
  }
  if (tk->content != PITH_H5_DATA) {
    size_t a = tk->i, e = raw_end(tk, a);
    int refs = tk->content == PITH_H5_RCDATA;
    tk->content = PITH_H5_DATA;
    if (e > a) {
      text_token(tk, out, a, e, refs);
      tk->i = e;
      return tk->buf.oom ? -1 : 0;
    }
  }
  for (;;) {
    size_t i = tk->i;
    if (i >= n) {
      eof_token(tk, out);
      return 0;
    }
    /* Data state: text up to a '<' that starts something. */
    size_t k = i;
    for (;;) {
      const char *p = memchr(s + k, '<', n - k);
      if (!p) {
        k = n;
        break;
      }
      k = (size_t)(p - s);
      if (k + 1 >= n) {
        k = n; /* a '<' at the end is text */
        break;
      }
      unsigned char c = (unsigned char)s[k + 1];
      if (is_alpha(c) || c == '!' || c == '?' || c == '/')
        break;
      k++;
    }
    if (k > i) {
      text_token(tk, out, i, k, 1);
      tk->i = k;
      return tk->buf.oom ? -1 : 0;
    }
    /* s[i] == '<' and something follows. */
    unsigned char c = (unsigned char)s[i + 1];
    if (is_alpha(c)) {
      int r = read_tag(tk, out, i, i + 1, 0);
      if (r < 0)
        return -1;
      if (!r) {
        eof_token(tk, out);
        return 0;
      }
      return 0;
    }
    if (c == '/') {
      if (i + 2 >= n) {
        /* "</" at the end of input is text. */
        text_token(tk, out, i, n, 0);
        tk->i = n;
        return 0;
      }
      unsigned char d = (unsigned char)s[i + 2];
      if (is_alpha(d)) {
        int r = read_tag(tk, out, i, i + 2, 1);
        if (r < 0)
          return -1;
        if (!r)
          eof_token(tk, out);
        return 0;
      }
      if (d == '>') {
        tk->i = i + 3; /* "</>" is nothing */
        continue;
      }
      read_to_gt(tk, out, i, i + 2, PITH_H5_COMMENT);
      return 0;
    }
    if (c == '?') {
      read_to_gt(tk, out, i, i + 1, PITH_H5_COMMENT);
      return 0;
    }
    /* "<!" */
    if (i + 3 < n && s[i + 2] == '-' && s[i + 3] == '-') {
      read_comment(tk, out, i);
      return 0;
    }
    if (ci_prefix(s, n, i + 2, "doctype")) {
      read_to_gt(tk, out, i, i + 9, PITH_H5_DOCTYPE);
      return 0;
    }
    if (tk->foreign && i + 9 <= n && !memcmp(s + i + 2, "[CDATA[", 7)) {
      size_t a = i + 9, e = a;
      while (e + 2 < n && !(s[e] == ']' && s[e + 1] == ']' && s[e + 2] == '>'))
        e++;
      if (e + 2 >= n)
        e = n;
      tk->i = e < n ? e + 3 : n;
      if (e == a)
        continue;
      out->kind = PITH_H5_TEXT;
      out->offset = i;
      out->text = s + a;
      out->len = e - a;
      return 0;
    }
    read_to_gt(tk, out, i, i + 2, PITH_H5_COMMENT);
    return 0;
  }
}

void pith__h5_tok_content(pith_h5_tok *tk, pith_h5_content c, const char *name,
                          size_t name_len) {
  tk->content = c;
  if (name_len >= sizeof tk->end_name)
    name_len = sizeof tk->end_name - 1;
  for (size_t k = 0; k < name_len; k++)
    tk->end_name[k] = (char)lower((unsigned char)name[k]);
  tk->end_len = name_len;
}

void pith__h5_tok_foreign(pith_h5_tok *tk, int foreign) {
  tk->foreign = foreign;
}

void pith__h5_tok_skip_text(pith_h5_tok *tk) {
  if (tk->content == PITH_H5_DATA)
    return;
  tk->i = raw_end(tk, tk->i);
  tk->content = PITH_H5_DATA;
}
