/* SPDX-License-Identifier: MIT */
/*
 * jsonparse.c - the JSON reader behind JSON-LD metadata (see jsonparse.h):
 * one iterative pass, an explicit stack, strings decoded once into the
 * caller's arena.  Lenient where pages are (\b \f \n \r \t become spaces,
 * unknown escapes the character itself, lone surrogates U+FFFD) and strict
 * about structure: anything else is not JSON.
 */
#include "jsonparse.h"

#include <string.h>

#include "chars.h"
#include "tree.h"

static uint32_t jnew(pith_jdoc *d, int type) {
  if (d->n >= PITH_JSON_MAX_NODES)
    return 0;
  if (d->n == d->cap) {
    uint32_t cap = d->cap ? d->cap * 2 : 256;
    pith_jnode *v = pith__realloc(d->v, (size_t)cap * sizeof *v);
    if (!v)
      return 0;
    d->v = v;
    d->cap = cap;
  }
  uint32_t i = d->n++;
  memset(&d->v[i], 0, sizeof d->v[i]);
  d->v[i].type = (uint8_t)type;
  return i;
}

static int hex4(const char *s, unsigned *out) {
  unsigned v = 0;
  for (int k = 0; k < 4; k++) {
    int h = hexval((unsigned char)s[k]);
    if (h < 0)
      return 0;
    v = v * 16 + (unsigned)h;
  }
  *out = v;
  return 1;
}

/* Decode the JSON string starting at s[*pi] == '"'.  The decoded text is
 * never longer than the raw text (\uXXXX is 6 bytes for at most 3, a
 * surrogate pair 12 for 4), so one allocation of the raw length is
 * enough.  Returns -1 for an unterminated string. */
static int json_str(pith_arena *a, const char *s, size_t n, size_t *pi,
                    const char **out, uint32_t *outlen) {
  size_t i = *pi + 1, j = i;
  while (j < n && s[j] != '"') {
    if (s[j] == '\\')
      j++;
    j++;
  }
  if (j >= n)
    return -1;
  if (j - i > UINT32_MAX / 2)
    return -1;
  char *d = pith__arena_alloc(a, j - i + 1);
  if (!d)
    return -2;
  size_t k = 0;
  for (size_t p = i; p < j; p++) {
    unsigned char c = (unsigned char)s[p];
    if (c != '\\') {
      d[k++] = (char)c;
      continue;
    }
    /* p + 1 < j: the scan above never ends right after a backslash. */
    char e = s[++p];
    switch (e) {
    case 'b':
    case 'f':
    case 'n':
    case 'r':
    case 't':
      d[k++] = ' ';
      break;
    case 'u': {
      unsigned cp;
      if (p + 4 >= j || !hex4(s + p + 1, &cp)) {
        d[k++] = 'u';
        break;
      }
      p += 4;
      if (cp >= 0xD800 && cp <= 0xDBFF) {
        unsigned lo;
        if (p + 6 < j && s[p + 1] == '\\' && s[p + 2] == 'u' &&
            hex4(s + p + 3, &lo) && lo >= 0xDC00 && lo <= 0xDFFF) {
          cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
          p += 6;
        } else {
          cp = 0xFFFD;
        }
      } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
        cp = 0xFFFD;
      }
      if (cp == 0)
        break; /* no NUL bytes in our strings */
      k += put_utf8(d + k, cp);
      break;
    }
    default:
      d[k++] = e; /* \" \\ \/ and unknown escapes: the character itself */
      break;
    }
  }
  k = pith__clean_text(d, k); /* as every text of the tree (tree.h) */
  d[k] = '\0';
  *out = d;
  *outlen = (uint32_t)k;
  *pi = j + 1;
  return 0;
}

/* Iterative, with an explicit stack of PITH_JSON_MAX_DEPTH containers. */
int pith__json_parse(pith_jdoc *d, pith_arena *a, const char *s, size_t n) {
  uint32_t stack[PITH_JSON_MAX_DEPTH], last[PITH_JSON_MAX_DEPTH];
  int depth = 0;
  size_t i = 0;
  const char *key = NULL;
  uint32_t keylen = 0;
  enum { ST_VALUE, ST_AFTER, ST_KEY } st = ST_VALUE;
  d->n = 0;
  jnew(d, PITH_J_NULL); /* index 0: unused, so 0 can mean "none" */
  if (d->n != 1)
    return -2;
  for (;;) {
    while (i < n && is_sp((unsigned char)s[i]))
      i++;
    if (st == ST_KEY) {
      if (i >= n || s[i] != '"')
        return -1;
      int rc = json_str(a, s, n, &i, &key, &keylen);
      if (rc < 0)
        return rc;
      while (i < n && is_sp((unsigned char)s[i]))
        i++;
      if (i >= n || s[i] != ':')
        return -1;
      i++;
      st = ST_VALUE;
      continue;
    }
    if (st == ST_AFTER) {
      if (depth == 0)
        return 0;
      if (i >= n)
        return -1;
      int isobj = d->v[stack[depth - 1]].type == PITH_J_OBJ;
      if (s[i] == ',') {
        i++;
        st = isobj ? ST_KEY : ST_VALUE;
        continue;
      }
      if (s[i] == (isobj ? '}' : ']')) {
        i++;
        depth--;
        continue;
      }
      return -1;
    }
    /* ST_VALUE */
    if (i >= n)
      return -1;
    unsigned char c = (unsigned char)s[i];
    int type;
    size_t litlen = 0;
    if (c == '{')
      type = PITH_J_OBJ;
    else if (c == '[')
      type = PITH_J_ARR;
    else if (c == '"')
      type = PITH_J_STR;
    else if (c == '-' || is_digit(c))
      type = PITH_J_NUM;
    else if (n - i >= 4 && memcmp(s + i, "true", 4) == 0)
      type = PITH_J_TRUE, litlen = 4;
    else if (n - i >= 5 && memcmp(s + i, "false", 5) == 0)
      type = PITH_J_FALSE, litlen = 5;
    else if (n - i >= 4 && memcmp(s + i, "null", 4) == 0)
      type = PITH_J_NULL, litlen = 4;
    else
      return -1;
    uint32_t v = jnew(d, type);
    if (!v)
      return d->n >= PITH_JSON_MAX_NODES ? -1 : -2;
    d->v[v].key = key;
    d->v[v].keylen = keylen;
    key = NULL;
    keylen = 0;
    if (depth) {
      uint32_t p = stack[depth - 1];
      if (last[depth - 1])
        d->v[last[depth - 1]].next = v;
      else
        d->v[p].first = v;
      last[depth - 1] = v;
    }
    st = ST_AFTER;
    switch (type) {
    case PITH_J_STR: {
      int rc = json_str(a, s, n, &i, &d->v[v].s, &d->v[v].len);
      if (rc < 0)
        return rc;
    } break;
    case PITH_J_NUM:
      while (i < n &&
             (is_digit((unsigned char)s[i]) || s[i] == '-' || s[i] == '+' ||
              s[i] == '.' || s[i] == 'e' || s[i] == 'E'))
        i++;
      break;
    case PITH_J_OBJ:
    case PITH_J_ARR:
      if (depth >= PITH_JSON_MAX_DEPTH)
        return -1;
      i++;
      stack[depth] = v;
      last[depth] = 0;
      depth++;
      while (i < n && is_sp((unsigned char)s[i]))
        i++;
      if (i < n && s[i] == (type == PITH_J_OBJ ? '}' : ']')) {
        i++;
        depth--;
      } else {
        st = type == PITH_J_OBJ ? ST_KEY : ST_VALUE;
      }
      break;
    default:
      i += litlen;
      break;
    }
  }
}

uint32_t pith__json_get(const pith_jdoc *d, uint32_t o, const char *k) {
  if (!o || d->v[o].type != PITH_J_OBJ)
    return 0;
  size_t kl = strlen(k);
  for (uint32_t c = d->v[o].first; c; c = d->v[c].next)
    if (d->v[c].keylen == kl && memcmp(d->v[c].key, k, kl) == 0)
      return c;
  return 0;
}

void pith__json_free(pith_jdoc *d) {
  pith__free(d->v);
  d->v = NULL;
  d->n = d->cap = 0;
}
