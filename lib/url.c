/* SPDX-License-Identifier: MIT */
/*
 * url.c - every URL of the library is read here: relative URL resolution
 * (RFC 3986, section 5), the page's base URL (<base href>), the scheme
 * check that keeps javascript: and other active URLs out of rendered
 * output, and what the metadata stage asks of an address (its host and
 * main label, whether it is a front page, whether a canonical link can be
 * used at all).
 *
 * References are split into scheme, authority, path, query and fragment
 * without copying; only the merged path is built, in a small buffer, and
 * dot segments are removed from it in one pass.
 */
#include "url.h"

#include <string.h>
#include <strings.h>

#include "chars.h"
#include "datetext.h"
#include "span.h"

typedef struct {
  const char *s;
  size_t n;
  int set; /* the component is present (an empty query differs from none) */
} part;

typedef struct {
  part scheme, auth, path, query, frag;
} url_parts;

/* The length of the scheme of s (without the ':'), or 0 when none. */
static size_t scheme_len(const char *s, size_t n) {
  if (!n || !is_alpha((unsigned char)s[0]))
    return 0;
  for (size_t i = 1; i < n; i++) {
    char c = s[i];
    if (c == ':')
      return i;
    if (!is_alnum((unsigned char)c) && c != '+' && c != '-' && c != '.')
      return 0;
  }
  return 0;
}

static void split(const char *s, size_t n, url_parts *u) {
  memset(u, 0, sizeof *u);
  size_t i = 0, k = scheme_len(s, n);
  if (k) {
    u->scheme = (part){s, k, 1};
    i = k + 1;
  }
  if (n - i >= 2 && s[i] == '/' && s[i + 1] == '/') {
    size_t j = i + 2;
    while (j < n && s[j] != '/' && s[j] != '?' && s[j] != '#')
      j++;
    u->auth = (part){s + i + 2, j - i - 2, 1};
    i = j;
  }
  size_t j = i;
  while (j < n && s[j] != '?' && s[j] != '#')
    j++;
  u->path = (part){s + i, j - i, 1};
  i = j;
  if (i < n && s[i] == '?') {
    j = i + 1;
    while (j < n && s[j] != '#')
      j++;
    u->query = (part){s + i + 1, j - i - 1, 1};
    i = j;
  }
  if (i < n && s[i] == '#')
    u->frag = (part){s + i + 1, n - i - 1, 1};
}

/* RFC 3986 5.2.4: remove "." and ".." segments from p[0..n) into out. */
static void remove_dots(const char *p, size_t n, pith_buf *out) {
  size_t base = out->len;
  size_t i = 0;
  while (i < n) {
    const char *r = p + i;
    size_t left = n - i;
    if (left >= 3 && !strncmp(r, "../", 3)) {
      i += 3;
    } else if (left >= 2 && !strncmp(r, "./", 2)) {
      i += 2;
    } else if ((left >= 3 && !strncmp(r, "/./", 3)) ||
               (left == 2 && !strncmp(r, "/.", 2))) {
      i += 2; /* "/./x" -> "/x", "/." -> "/" */
      if (left == 2) {
        pith__buf_putc(out, '/');
        break;
      }
    } else if ((left >= 4 && !strncmp(r, "/../", 4)) ||
               (left == 3 && !strncmp(r, "/..", 3))) {
      /* Drop the last output segment. */
      while (out->len > base && out->data[out->len - 1] != '/')
        out->len--;
      if (out->len > base)
        out->len--;
      if (out->data)
        out->data[out->len] = '\0';
      i += 3;
      if (left == 3) {
        pith__buf_putc(out, '/');
        break;
      }
    } else if ((left == 1 && r[0] == '.') ||
               (left == 2 && !strncmp(r, "..", 2))) {
      break;
    } else {
      size_t j = r[0] == '/' ? 1 : 0;
      while (j < left && r[j] != '/')
        j++;
      pith__buf_append(out, r, j);
      i += j;
    }
  }
}

static void put_part(pith_buf *out, const char *pre, const part *p) {
  if (!p->set)
    return;
  pith__buf_puts(out, pre);
  pith__buf_append(out, p->s, p->n);
}

static int is_strip(unsigned char c) { return c <= 0x20; }

/* A reference with a special scheme (http, https, ftp, ws, wss) and one,
 * three or more slashes or backslashes after the colon ("https:/host/x",
 * "http:///host/x", "https:\\host") names a host all the same, as
 * browsers read it (the URL Standard's "special authority ignore slashes"
 * state): rewrite it in place as "scheme://host/x". */
static void special_slashes(pith_buf *r) {
  static const char *const special[] = {"http", "https", "ftp", "ws", "wss"};
  const char *s = r->data;
  size_t n = r->len;
  if (!s || r->oom)
    return;
  size_t k = scheme_len(s, n);
  int ok = 0;
  for (size_t i = 0; k && i < sizeof special / sizeof special[0]; i++)
    if (strlen(special[i]) == k && !strncasecmp(s, special[i], k))
      ok = 1;
  if (!ok)
    return;
  size_t j = k + 1;
  while (j < n && (s[j] == '/' || s[j] == '\\'))
    j++;
  size_t slashes = j - k - 1;
  if (!slashes || (slashes == 2 && s[k + 1] == '/' && s[k + 2] == '/') ||
      j == n)
    return;
  pith_buf w;
  pith__buf_init(&w);
  pith__buf_append(&w, s, k);
  pith__buf_append(&w, "://", 3);
  pith__buf_append(&w, s + j, n - j);
  if (w.oom) {
    r->oom = 1;
    pith__buf_free(&w);
    return;
  }
  pith__buf_free(r);
  *r = w;
}

void pith__url_resolve(const char *base, const char *ref, pith_buf *out) {
  /* Clean the reference into a small buffer of its own. */
  pith_buf r;
  pith__buf_init(&r);
  size_t n = strlen(ref);
  while (n && is_strip((unsigned char)ref[n - 1]))
    n--;
  size_t i = 0;
  while (i < n && is_strip((unsigned char)ref[i]))
    i++;
  for (; i < n; i++)
    if (ref[i] != '\t' && ref[i] != '\n' && ref[i] != '\r')
      pith__buf_putc(&r, ref[i]);
  special_slashes(&r);
  const char *rs = r.data ? r.data : "";

  url_parts b, u;
  size_t bn = base ? strlen(base) : 0;
  if (bn)
    split(base, bn, &b);
  split(rs, r.len, &u);
  if (!bn || !b.scheme.set || u.scheme.set) {
    if (u.scheme.set) {
      /* An absolute reference: normalise its path only. */
      put_part(out, "", &u.scheme);
      pith__buf_putc(out, ':');
      put_part(out, "//", &u.auth);
      remove_dots(u.path.s, u.path.n, out);
      put_part(out, "?", &u.query);
      put_part(out, "#", &u.frag);
    } else {
      pith__buf_append(out, rs, r.len);
    }
    pith__buf_free(&r);
    return;
  }

  put_part(out, "", &b.scheme);
  pith__buf_putc(out, ':');
  if (u.auth.set) {
    put_part(out, "//", &u.auth);
    remove_dots(u.path.s, u.path.n, out);
    put_part(out, "?", &u.query);
  } else {
    put_part(out, "//", &b.auth);
    if (!u.path.n) {
      pith__buf_append(out, b.path.s, b.path.n);
      put_part(out, "?", u.query.set ? &u.query : &b.query);
    } else {
      if (u.path.s[0] == '/') {
        remove_dots(u.path.s, u.path.n, out);
      } else {
        /* Merge: the base path up to its last '/', then the reference. */
        pith_buf m;
        pith__buf_init(&m);
        if (b.auth.set && !b.path.n) {
          pith__buf_putc(&m, '/');
        } else {
          size_t k = b.path.n;
          while (k && b.path.s[k - 1] != '/')
            k--;
          pith__buf_append(&m, b.path.s, k);
        }
        pith__buf_append(&m, u.path.s, u.path.n);
        if (m.oom)
          out->oom = 1;
        remove_dots(m.data ? m.data : "", m.len, out);
        pith__buf_free(&m);
      }
      put_part(out, "?", &u.query);
    }
  }
  put_part(out, "#", &u.frag);
  if (r.oom)
    out->oom = 1;
  pith__buf_free(&r);
}

int pith__url_safe(const char *url) {
  static const char *const ok[] = {"http", "https", "ftp", "mailto", "tel"};
  size_t n = strlen(url);
  for (size_t i = 0; i < n; i++)
    if ((unsigned char)url[i] < 0x20 || url[i] == 0x7f)
      return 0;
  size_t k = scheme_len(url, n);
  if (!k) {
    /* No scheme: relative - unless a ':' before any '/', '?' or '#' makes
     * a browser read one anyway. */
    size_t j = strcspn(url, ":/?#");
    return url[j] != ':';
  }
  for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
    size_t m = strlen(ok[i]);
    if (k == m) {
      size_t j = 0;
      while (j < m && (url[j] | 0x20) == ok[i][j])
        j++;
      if (j == m)
        return 1;
    }
  }
  return 0;
}

const char *pith__base_url(const pith_tree *t, const char *url,
                           const char *canonical, pith_arena *a) {
  const char *doc = url && *url               ? url
                    : canonical && *canonical ? canonical
                                              : "";
  for (uint32_t i = 1; i < t->nnodes; i++) {
    if (t->nodes[i].tag == PITH_TAG_BODY)
      break; /* <base> belongs in the head */
    size_t len;
    const char *href;
    if (t->nodes[i].tag != PITH_TAG_BASE ||
        !(href = pith__attr(t, i, PITH_ATTR_HREF, &len)) || !len)
      continue;
    pith_buf out;
    pith__buf_init(&out);
    pith__url_resolve(doc, href, &out);
    const char *r =
        out.oom ? NULL
                : pith__arena_strndup(a, out.data ? out.data : "", out.len);
    pith__buf_free(&out);
    return r;
  }
  return pith__arena_strndup(a, doc, strlen(doc));
}

/* ------------------------------------------------------------------ */
/* Addresses as the metadata stage reads them                          */

/* Is the path of a URL (without query or fragment) a site's front
 * page: empty, "/", or an index file ("/index.html")? */
static int front_page_path(span path) {
  if (path.n && path.s[0] == '/')
    path = mkspan(path.s + 1, path.n - 1);
  return path.n == 0 || starts_lit(path, "index.");
}

int pith__url_front_page_href(const char *h, size_t n) {
  span v = trim(mkspan(h, n));
  size_t i = 0;
  if (starts_lit(v, "https://"))
    i = 8;
  else if (starts_lit(v, "http://"))
    i = 7;
  else if (starts_lit(v, "//"))
    i = 2;
  if (i) { /* skip the host */
    while (i < v.n && v.s[i] != '/' && v.s[i] != '?' && v.s[i] != '#')
      i++;
  } else if (v.n && (v.s[0] == '#' || v.s[0] == '?')) {
    return 0; /* "#section": this page, not the front page */
  }
  size_t e = i;
  while (e < v.n && v.s[e] != '?' && v.s[e] != '#')
    e++;
  return front_page_path(mkspan(v.s + i, e - i));
}

int pith__url_host(const char *url, span *host_out, span *label_out,
                   int *home) {
  if (!url)
    return 0;
  const char *p = strstr(url, "://");
  const char *h = p ? p + 3 : url;
  if (!p && url[0] == '/')
    return 0;
  size_t n = 0;
  while (h[n] && h[n] != '/' && h[n] != '?' && h[n] != '#' && h[n] != ':')
    n++;
  /* Skip user info. */
  for (size_t i = 0; i < n; i++)
    if (h[i] == '@') {
      h += i + 1;
      n -= i + 1;
      i = 0;
    }
  /* The path: empty or "/" (or an index file) is the site's home page,
   * whatever the query string says. */
  size_t pn = 0;
  while (h[n + pn] && h[n + pn] != '?' && h[n + pn] != '#')
    pn++;
  span path = mkspan(h + n, pn);
  if (has(path) && path.s[0] == ':') { /* skip a port */
    size_t i = 0;
    while (i < path.n && path.s[i] != '/')
      i++;
    path = mkspan(path.s + i, path.n - i);
  }
  *home = front_page_path(path);
  span host = mkspan(h, n);
  if (starts_lit(host, "www.") || starts_lit(host, "www2.") ||
      starts_lit(host, "m.")) {
    const char *dot = memchr(h, '.', n);
    size_t d = (size_t)(dot - h) + 1;
    host = mkspan(h + d, n - d);
  }
  *host_out = host;
  /* The main label: the longest label that is not a public suffix-ish
   * short label (com, co, org, net, uk, ...). */
  span best = nospan();
  size_t b = 0;
  for (size_t i = 0; i <= host.n; i++) {
    if (i == host.n || host.s[i] == '.') {
      span l = mkspan(host.s + b, i - b);
      int suffix = i == host.n || l.n <= 3 || eq_lit(l, "info") ||
                   eq_lit(l, "blog") || eq_lit(l, "news") ||
                   eq_lit(l, "online") || eq_lit(l, "site");
      if (!suffix && (!has(best) || l.n >= best.n))
        best = l;
      if (!suffix)
        break; /* the first real label from the left */
      b = i + 1;
    }
  }
  if (!has(best) && host.n) {
    /* example.com: the first label. */
    size_t i = 0;
    while (i < host.n && host.s[i] != '.')
      i++;
    best = mkspan(host.s, i);
  }
  *label_out = best;
  return 1;
}

int pith__url_usable(span u) {
  u = trim(u);
  if (!has(u) || u.n > 8192)
    return 0;
  for (size_t i = 0; i < u.n; i++)
    if ((unsigned char)u.s[i] <= 0x20)
      return 0;
  long p = find_lit(u, "://");
  int scheme = p > 0;
  for (long i = 0; i < p && scheme; i++)
    scheme = is_alpha((unsigned char)u.s[i]) || u.s[i] == '+' ||
             u.s[i] == '-' || u.s[i] == '.';
  if (scheme)
    return (size_t)p + 3 < u.n && u.s[p + 3] != '/';
  if (starts_lit(u, "javascript:") || starts_lit(u, "data:") ||
      starts_lit(u, "about:"))
    return 0;
  return 1;
}

int pith__url_is_absolute(span u) {
  u = trim(u);
  long p = find_lit(u, "://");
  if (p <= 0 || !is_alpha((unsigned char)u.s[0]))
    return 0;
  for (long i = 1; i < p; i++)
    if (!is_alpha((unsigned char)u.s[i]) && !is_digit((unsigned char)u.s[i]) &&
        u.s[i] != '+' && u.s[i] != '-' && u.s[i] != '.')
      return 0;
  return 1;
}

/* n bytes of a, or NULL with *oom set. */
static char *scratch(pith_arena *a, int *oom, size_t n) {
  char *p = pith__arena_alloc(a, n);
  if (!p)
    *oom = 1;
  return p;
}

span pith__url_resolve_simple(pith_arena *a, int *oom, span href,
                              const char *base) {
  href = trim(href);
  if (!has(href) || !base || !*base || !strstr(base, "://"))
    return href;
  char *ref = scratch(a, oom, href.n + 1);
  if (!ref)
    return href;
  memcpy(ref, href.s, href.n);
  ref[href.n] = '\0';
  pith_buf out;
  pith__buf_init(&out);
  pith__url_resolve(base, ref, &out);
  span r = href;
  if (out.oom)
    *oom = 1;
  else if (out.len) {
    char *d = scratch(a, oom, out.len + 1);
    if (d) {
      memcpy(d, out.data, out.len);
      d[out.len] = '\0';
      r = mkspan(d, out.len);
    }
  }
  pith__buf_free(&out);
  return r;
}

/* ------------------------------------------------------------------ */
/* What an address says of its page                                   */

int pith__url_date(const char *url, char out[11]) {
  size_t n = strlen(url);
  /* Skip scheme and host. */
  size_t i = 0;
  const char *p = strstr(url, "://");
  if (p)
    i = (size_t)(p - url) + 3;
  while (i < n && url[i] != '/')
    i++;
  for (; i + 8 < n + 1; i++) {
    unsigned char prev = (unsigned char)url[i];
    if (prev != '/' && prev != '-' && prev != '_')
      continue;
    size_t j = i + 1;
    if (j + 8 > n)
      break;
    const char *s = url + j;
    if (!(is_digit((unsigned char)s[0]) && is_digit((unsigned char)s[1]) &&
          is_digit((unsigned char)s[2]) && is_digit((unsigned char)s[3])))
      continue;
    int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
            (s[3] - '0');
    if (y < 1995 || y > 2100)
      continue;
    size_t rest = n - j;
    /* YYYY/MM/DD or YYYY-MM-DD */
    if (rest >= 10 && (s[4] == '/' || s[4] == '-') && s[7] == s[4] &&
        is_digit((unsigned char)s[5]) && is_digit((unsigned char)s[6]) &&
        is_digit((unsigned char)s[8]) && is_digit((unsigned char)s[9]) &&
        (rest == 10 || !is_digit((unsigned char)s[10]))) {
      if (pith__date_make(y, (s[5] - '0') * 10 + (s[6] - '0'),
                          (s[8] - '0') * 10 + (s[9] - '0'), out))
        return 1;
    }
    /* YYYY/october/03/ */
    if (rest > 5 && s[4] == '/') {
      size_t k = 5;
      while (k < rest && k < 16 && is_alpha((unsigned char)s[k]))
        k++;
      int m = pith__date_month(s + 5, k - 5);
      size_t e = k + 1;
      while (e < rest && e < k + 3 && is_digit((unsigned char)s[e]))
        e++;
      if (m && k < rest && s[k] == '/' && e > k + 1 &&
          (e == rest || s[e] == '/')) {
        int d = s[k + 1] - '0';
        if (e == k + 3)
          d = d * 10 + (s[k + 2] - '0');
        if (pith__date_make(y, m, d, out))
          return 1;
      }
    }
    /* YYYYMMDD as a whole path segment or a dash-delimited part */
    if (rest >= 8) {
      int ok = 1;
      for (int k = 4; k < 8; k++)
        ok &= is_digit((unsigned char)s[k]);
      if (ok && (rest == 8 || s[8] == '/' || s[8] == '-' || s[8] == '_' ||
                 s[8] == '.')) {
        if (pith__date_make(y, (s[4] - '0') * 10 + (s[5] - '0'),
                            (s[6] - '0') * 10 + (s[7] - '0'), out))
          return 1;
      }
    }
  }
  return 0;
}

void pith__url_split_host(const char *url, const char **host,
                          const char **path) {
  const char *p = strstr(url, "://");
  const char *h = url;
  if (p)
    h = p + 3;
  else if (url[0] == '/' && url[1] == '/')
    h = url + 2;
  p = h;
  if (h != url)
    while (*p && *p != '/' && *p != '?' && *p != '#')
      p++;
  *host = h;
  *path = p;
}
