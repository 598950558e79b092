/* SPDX-License-Identifier: MIT */
/*
 * test_html5.c - unit tests for pith's own HTML parser (lib/html5.c).
 *
 * Tree construction: every *.dat file in tests/html5 (or the directory
 * given as the first argument) holds cases in html5lib's tree-construction
 * format, written for pith: "#data" is the input, "#document" the tree an
 * HTML5 browser builds, as pith's tree keeps it (no comments or DOCTYPE,
 * only tree.h's attributes, "<?>" for elements outside tree.h's tag list,
 * no text in script, style and noscript but JSON-LD, adjacent text as one
 * node, text pith__clean_text() empties gives no node; the children of a
 * template sit under it).  Each case is parsed with pith__html5_parse(),
 * the tree dumped in the same format and compared: one check per case.
 *
 * Tokenizer: pith__h5_charref() and pith__h5_tok_next() directly - the
 * spec's character reference rules, token kinds, lower-cased names,
 * decoded and deduplicated attributes, the self-closing flag, comments,
 * EOF inside a tag, content models and byte offsets.
 */
#define _POSIX_C_SOURCE 200809L
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "harness.h"
#include "html5.h"
#include "tree.h"

#ifndef PITH_HTML5_TESTS
#define PITH_HTML5_TESTS "tests/html5"
#endif

/* ---- the tree dump --------------------------------------------------- */

typedef struct {
  const char *name;
  const char *value;
  size_t len;
} dump_attr;

static int cmp_attr(const void *a, const void *b) {
  return strcmp(((const dump_attr *)a)->name, ((const dump_attr *)b)->name);
}

static void indent(pith_buf *out, int depth) {
  if (out->len)
    pith__buf_putc(out, '\n');
  pith__buf_puts(out, "| ");
  for (int i = 0; i < depth; i++)
    pith__buf_puts(out, "  ");
}

/* The children of node `n` at `depth`, one line each ("| " and two spaces
 * a level), attributes sorted by name one level deeper than their
 * element. */
static void dump_children(const pith_tree *t, uint32_t n, int depth,
                          pith_buf *out) {
  for (uint32_t c = t->nodes[n].first; c; c = t->nodes[c].next) {
    const pith_node *nd = &t->nodes[c];
    indent(out, depth);
    if (nd->tag == PITH_TAG_TEXT) {
      pith__buf_putc(out, '"');
      pith__buf_append(out, pith__text(t, c), nd->len);
      pith__buf_putc(out, '"');
      continue;
    }
    const char *name = nd->tag == PITH_TAG_UNKNOWN ? "?"
                       : nd->tag >= PITH_TAG_COUNT ? "!bad-tag"
                                                   : pith__tag_name(nd->tag);
    pith__buf_putc(out, '<');
    pith__buf_puts(out, *name ? name : "!root");
    pith__buf_putc(out, '>');
    if (nd->nattr) {
      dump_attr *as = malloc(nd->nattr * sizeof *as);
      if (!as) {
        out->oom = 1;
        return;
      }
      for (uint32_t i = 0; i < nd->nattr; i++) {
        const pith_attr *a = &t->attrs[nd->attr + i];
        as[i].name = *pith__attr_name(a->id) ? pith__attr_name(a->id) : "?";
        as[i].value = t->chars.data + a->value;
        as[i].len = a->len;
      }
      qsort(as, nd->nattr, sizeof *as, cmp_attr);
      for (uint32_t i = 0; i < nd->nattr; i++) {
        indent(out, depth + 1);
        pith__buf_puts(out, as[i].name);
        pith__buf_puts(out, "=\"");
        pith__buf_append(out, as[i].value, as[i].len);
        pith__buf_putc(out, '"');
      }
      free(as);
    }
    dump_children(t, c, depth + 1, out);
  }
}

/* ---- the .dat files -------------------------------------------------- */

/* A line of the file: s[0..len), without its newline. */
typedef struct {
  const char *s;
  size_t len;
} line;

static int line_is(line l, const char *s) {
  return l.len == strlen(s) && memcmp(l.s, s, l.len) == 0;
}

/* Section headers of the format; a case runs from "#data" to the next
 * "#data" after its "#document". */
static int is_header(line l) {
  static const char *const h[] = {"#data",       "#errors",
                                  "#new-errors", "#document",
                                  "#script-on",  "#document-fragment",
                                  "#script-off", NULL};
  for (size_t i = 0; h[i]; i++)
    if (line_is(l, h[i]))
      return 1;
  return 0;
}

/* Join lines[from..to) with newlines into `out` (reset first), dropping
 * trailing empty lines when `trim`. */
static void join_lines(const line *lines, size_t from, size_t to, int trim,
                       pith_buf *out) {
  pith__buf_reset(out);
  while (trim && to > from && lines[to - 1].len == 0)
    to--;
  for (size_t i = from; i < to; i++) {
    if (i > from)
      pith__buf_putc(out, '\n');
    pith__buf_append(out, lines[i].s, lines[i].len);
  }
  pith__buf_append(out, "", 0);
}

/* Print a multi-line string as TAP diagnostics. */
static void diag(const char *label, const char *s) {
  printf("# %s:\n#   ", label);
  for (; *s; s++) {
    if (*s == '\n')
      printf("\n#   ");
    else
      putchar(*s);
  }
  putchar('\n');
}

/* "<file>:<n>: " and the first 40 bytes of the data (whole characters,
 * newlines as \n). */
static void case_name(char *buf, size_t cap, const char *file, int n,
                      const char *data) {
  int k = snprintf(buf, cap, "%s:%d: ", file, n);
  size_t w = k > 0 ? (size_t)k : 0;
  size_t take = strlen(data);
  if (take > 40) {
    take = 40;
    while (take > 0 && ((unsigned char)data[take] & 0xC0) == 0x80)
      take--;
  }
  for (size_t i = 0; i < take && w + 3 < cap; i++) {
    if (data[i] == '\n') {
      buf[w++] = '\\';
      buf[w++] = 'n';
    } else if ((unsigned char)data[i] < 0x20) {
      buf[w++] = ' ';
    } else {
      buf[w++] = data[i];
    }
  }
  buf[w] = '\0';
}

/* Parse one case and compare its dump with the expected document. */
static void run_case(const char *file, int n, const char *data,
                     const char *want) {
  char name[160];
  case_name(name, sizeof name, file, n, data);
  pith_tree t;
  int rc = pith__html5_parse(&t, data, strlen(data), NULL);
  pith_buf got;
  pith__buf_init(&got);
  if (rc == 0)
    dump_children(&t, 0, 0, &got);
  pith__buf_append(&got, "", 0);
  int ok = rc == 0 && !got.oom && strcmp(got.data, want) == 0;
  OK(ok, name);
  if (!ok) {
    if (rc != 0)
      printf("# pith__html5_parse returned %d\n", rc);
    diag("data", data);
    diag("got", got.oom ? "(out of memory)" : got.data);
    diag("want", want);
  }
  pith__buf_free(&got);
  pith__tree_free(&t);
}

static char *read_file(const char *path, size_t *len) {
  FILE *f = fopen(path, "rb");
  if (!f)
    return NULL;
  size_t cap = 8192, n = 0, r;
  char *buf = malloc(cap);
  while (buf && (r = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += r;
    if (n + 1 == cap) {
      char *nb = realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        buf = NULL;
        break;
      }
      buf = nb;
      cap *= 2;
    }
  }
  fclose(f);
  if (buf)
    buf[n] = '\0';
  *len = n;
  return buf;
}

/* Run every case of one file; returns how many it had. */
static int run_file(const char *dir, const char *file) {
  char path[4096];
  snprintf(path, sizeof path, "%s/%s", dir, file);
  size_t len;
  char *text = read_file(path, &len);
  if (!text) {
    OK(0, path);
    printf("# cannot read %s\n", path);
    return 0;
  }
  /* Split into lines (the last one may lack its newline). */
  size_t cap = 64, nl = 0;
  line *lines = malloc(cap * sizeof *lines);
  for (size_t i = 0; lines && i < len;) {
    const char *e = memchr(text + i, '\n', len - i);
    size_t end = e ? (size_t)(e - text) : len;
    if (nl == cap) {
      line *nb = realloc(lines, cap * 2 * sizeof *lines);
      if (!nb) {
        free(lines);
        lines = NULL;
        break;
      }
      lines = nb;
      cap *= 2;
    }
    lines[nl].s = text + i;
    lines[nl].len = end - i;
    nl++;
    i = end + 1;
  }
  if (!lines) {
    OK(0, "the lines of a .dat file in memory");
    free(text);
    return 0;
  }
  pith_buf data, doc;
  pith__buf_init(&data);
  pith__buf_init(&doc);
  int cases = 0;
  size_t i = 0;
  while (i < nl && !line_is(lines[i], "#data"))
    i++;
  while (i < nl) {
    /* lines[i] is "#data". */
    size_t d0 = ++i;
    while (i < nl && !is_header(lines[i]))
      i++;
    join_lines(lines, d0, i, 0, &data);
    if (data.oom) {
      OK(0, "a case in memory");
      break;
    }
    /* Skip to "#document" (past "#errors" and the like). */
    while (i < nl && !line_is(lines[i], "#document")) {
      if (line_is(lines[i], "#data"))
        break;
      i++;
    }
    cases++;
    if (i >= nl || !line_is(lines[i], "#document")) {
      char name[160];
      case_name(name, sizeof name, file, cases, data.data);
      OK(0, name);
      printf("# no #document section\n");
      continue;
    }
    size_t c0 = ++i;
    while (i < nl && !line_is(lines[i], "#data"))
      i++;
    join_lines(lines, c0, i, 1, &doc);
    if (doc.oom) {
      OK(0, "a case in memory");
      break;
    }
    run_case(file, cases, data.data, doc.data);
  }
  pith__buf_free(&data);
  pith__buf_free(&doc);
  free(lines);
  free(text);
  return cases;
}

static int cmp_str(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every *.dat file of `dir`, in name order. */
static void test_tree_files(const char *dir) {
  DIR *d = opendir(dir);
  if (!OK(d != NULL, "the tree-construction cases' directory opens")) {
    printf("# cannot open %s\n", dir);
    return;
  }
  char **names = NULL;
  size_t n = 0, cap = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL) {
    size_t l = strlen(e->d_name);
    if (e->d_name[0] == '.' || l < 5 || strcmp(e->d_name + l - 4, ".dat"))
      continue;
    if (n == cap) {
      cap = cap ? cap * 2 : 16;
      char **nb = realloc(names, cap * sizeof *names);
      if (!nb)
        break;
      names = nb;
    }
    names[n] = malloc(l + 1);
    if (!names[n])
      break;
    memcpy(names[n++], e->d_name, l + 1);
  }
  closedir(d);
  if (n)
    qsort(names, n, sizeof *names, cmp_str);
  int total = 0;
  for (size_t i = 0; i < n; i++)
    total += run_file(dir, names[i]);
  OK(total > 0, "the .dat files hold cases");
  printf("# %d tree-construction cases in %zu files\n", total, n);
  for (size_t i = 0; i < n; i++)
    free(names[i]);
  free(names);
}

/* ---- character references -------------------------------------------- */

/* Decode the reference at the start of s[0..n) and check what was consumed
 * and what came out (`want` NULL: nothing, consumed must be 0). */
static void charref_n(const char *s, size_t n, int in_attr, size_t consumed,
                      const char *want, const char *desc) {
  char out[8 + 1];
  size_t out_len = 0;
  char d[160];
  memset(out, 0, sizeof out);
  size_t got = pith__h5_charref(s, n, in_attr, out, &out_len);
  snprintf(d, sizeof d, "charref %s: consumed", desc);
  INT_EQ(got, consumed, d);
  if (!want)
    return;
  snprintf(d, sizeof d, "charref %s: output", desc);
  if (out_len > 8)
    out_len = 8;
  out[out_len] = '\0';
  STR_EQ(out, want, d);
}

static void charref(const char *s, int in_attr, size_t consumed,
                    const char *want, const char *desc) {
  charref_n(s, strlen(s), in_attr, consumed, want, desc);
}

#define FFFD "\xEF\xBF\xBD"

static void test_charref(void) {
  charref("&amp;", 0, 5, "&", "&amp;");
  charref("&amp;x", 1, 5, "&", "&amp; in an attribute");
  charref("&lt;b", 0, 4, "<", "&lt; followed by text");
  charref("&notit;", 0, 4, "\xC2\xAC", "&notit; is &not then it;");
  charref("&notin;", 0, 7, "\xE2\x88\x89", "&notin;");
  charref("&copy 2024", 0, 5, "\xC2\xA9", "legacy &copy without ;");
  charref("&AMP;", 0, 5, "&", "&AMP;");
  charref("&ampamp;", 0, 4, "&", "&ampamp; is &amp then amp;");
  charref("&NotEqualTilde;", 0, 15, "\xE2\x89\x82\xCC\xB8", "two code points");
  charref("&nosuch;", 0, 0, NULL, "unknown name");
  charref("&", 0, 0, NULL, "a lone &");
  charref("& x", 0, 0, NULL, "& before a space");
  charref("&am", 0, 0, NULL, "a prefix of no name");
  /* Attributes: a legacy name without ';' before '=' or an alphanumeric
   * stays text; before anything else it is decoded. */
  charref("&amp=", 1, 0, NULL, "&amp= in an attribute");
  charref("&amp=", 0, 4, "&", "&amp= in text");
  charref("&copyx", 1, 0, NULL, "&copyx in an attribute");
  charref("&copyx", 0, 5, "\xC2\xA9", "&copyx in text");
  charref("&lt>", 1, 3, "<", "&lt before > in an attribute");
  charref("&amp;=", 1, 5, "&", "&amp;= in an attribute");
  /* The length bounds the input. */
  charref_n("&amp;", 4, 0, 4, "&", "&amp; cut to &amp");
  charref_n("&lt;", 2, 0, 0, NULL, "&lt; cut to &l");
  /* Numeric references. */
  charref("&#65;", 0, 5, "A", "&#65;");
  charref("&#x42;", 0, 6, "B", "&#x42;");
  charref("&#X43;", 0, 6, "C", "&#X43;");
  charref("&#68x", 0, 4, "D", "&#68 without ;");
  charref("&#x41g", 0, 5, "A", "&#x41 then g");
  charref("&#128512;", 0, 9, "\xF0\x9F\x98\x80", "four-byte character");
  charref("&#x80;", 0, 6, "\xE2\x82\xAC", "&#x80; is the euro sign");
  charref("&#150;", 0, 6, "\xE2\x80\x93", "&#150; is the en dash");
  charref("&#x9F;", 0, 6, "\xC5\xB8", "&#x9F; is Y with diaeresis");
  charref("&#x81;", 0, 6, "\xC2\x81", "&#x81; has no windows-1252 mapping");
  charref("&#0;", 0, 4, FFFD, "&#0;");
  charref("&#x110000;", 0, 10, FFFD, "&#x110000; past Unicode");
  charref("&#xD800;", 0, 8, FFFD, "&#xD800; a surrogate");
  charref("&#xFFFFFFFFFFFF;", 0, 16, FFFD, "&#x overflowing 32 bits");
  charref("&#99999999999999999999;", 0, 23, FFFD,
          "decimal overflowing 64 bits");
  charref("&#;", 0, 0, NULL, "&#; has no digits");
  charref("&#x;", 0, 0, NULL, "&#x; has no digits");
  charref("&#xg;", 0, 0, NULL, "&#xg; has no digits");
}

/* ---- the tokenizer ----------------------------------------------------- */

/* Serialize the tokens of `in` into `out`: <name a="v"/> for a start tag
 * ("/" when self-closing), </name>, "text" (adjacent text tokens joined),
 * <!--comment-->, <!DOCTYPE>, and "@offset" after each non-text token when
 * `offsets`.  With `content`, a title/textarea start tag switches to
 * RCDATA, style to RAWTEXT, script to script data and plaintext to
 * PLAINTEXT, as the tree builder would.  Returns 0, or -1 when the
 * tokenizer failed or did not end. */
static int tokens(const char *in, size_t n, int content, int offsets,
                  pith_buf *out) {
  pith__buf_reset(out);
  pith_h5_tok *tk = pith__h5_tok_new(in, n);
  if (!tk)
    return -1;
  int in_text = 0, rc = -1;
  for (int k = 0; k < 10000; k++) {
    pith_h5_token tok;
    memset(&tok, 0, sizeof tok);
    if (pith__h5_tok_next(tk, &tok) != 0)
      break;
    if (tok.kind == PITH_H5_TEXT) {
      if (!in_text)
        pith__buf_putc(out, '"');
      in_text = 1;
      pith__buf_append(out, tok.text, tok.len);
      continue;
    }
    if (in_text)
      pith__buf_putc(out, '"');
    in_text = 0;
    if (tok.kind == PITH_H5_EOF) {
      /* After EOF, EOF again. */
      memset(&tok, 0, sizeof tok);
      if (pith__h5_tok_next(tk, &tok) == 0 && tok.kind == PITH_H5_EOF)
        rc = 0;
      else
        pith__buf_puts(out, "(no EOF after EOF)");
      break;
    }
    char num[32];
    switch (tok.kind) {
    case PITH_H5_START:
      pith__buf_putc(out, '<');
      pith__buf_append(out, tok.name, tok.name_len);
      for (size_t i = 0; i < tok.nattrs; i++) {
        pith__buf_putc(out, ' ');
        pith__buf_append(out, tok.attrs[i].name, tok.attrs[i].name_len);
        pith__buf_puts(out, "=\"");
        pith__buf_append(out, tok.attrs[i].value, tok.attrs[i].value_len);
        pith__buf_putc(out, '"');
      }
      pith__buf_puts(out, tok.self_closing ? "/>" : ">");
      break;
    case PITH_H5_END:
      pith__buf_puts(out, "</");
      pith__buf_append(out, tok.name, tok.name_len);
      pith__buf_putc(out, '>');
      break;
    case PITH_H5_COMMENT:
      pith__buf_puts(out, "<!--");
      pith__buf_append(out, tok.text, tok.len);
      pith__buf_puts(out, "-->");
      break;
    case PITH_H5_DOCTYPE:
      pith__buf_puts(out, "<!DOCTYPE>");
      break;
    default:
      pith__buf_puts(out, "(bad kind)");
      break;
    }
    if (offsets) {
      snprintf(num, sizeof num, "@%zu", tok.offset);
      pith__buf_puts(out, num);
    }
    if (content && tok.kind == PITH_H5_START) {
      static const struct {
        const char *name;
        pith_h5_content c;
      } models[] = {{"title", PITH_H5_RCDATA},
                    {"textarea", PITH_H5_RCDATA},
                    {"style", PITH_H5_RAWTEXT},
                    {"script", PITH_H5_SCRIPT},
                    {"plaintext", PITH_H5_PLAINTEXT}};
      for (size_t i = 0; i < sizeof models / sizeof models[0]; i++)
        if (tok.name_len == strlen(models[i].name) &&
            memcmp(tok.name, models[i].name, tok.name_len) == 0)
          pith__h5_tok_content(tk, models[i].c, tok.name, tok.name_len);
    }
  }
  pith__h5_tok_free(tk);
  pith__buf_append(out, "", 0);
  return rc;
}

static void tok_check(const char *in, int content, int offsets,
                      const char *want, const char *desc) {
  pith_buf out;
  pith__buf_init(&out);
  int rc = tokens(in, strlen(in), content, offsets, &out);
  char d[160];
  snprintf(d, sizeof d, "tokens %s", desc);
  STR_EQ(rc == 0 ? out.data : "(tokenizer failed)", want, d);
  pith__buf_free(&out);
}

#define TOK(in, want, desc) tok_check((in), 0, 0, (want), (desc))
#define TOKC(in, want, desc) tok_check((in), 1, 0, (want), (desc))
#define TOKO(in, want, desc) tok_check((in), 0, 1, (want), (desc))

static void test_tokens(void) {
  TOK("", "", "empty input");
  TOK("a&lt;b", "\"a<b\"", "text with a reference");
  TOK("<P ID=X Class='y'>z</P>", "<p id=\"X\" class=\"y\">\"z\"</p>",
      "names lower-cased, values kept");
  TOK("<a href=\"x&amp;y&copy=z&copy;\">", "<a href=\"x&y&copy=z\xC2\xA9\">",
      "attribute values decoded");
  TOK("<a href=x&lt>", "<a href=\"x<\">", "unquoted value, legacy before >");
  TOK("<p a=1 A=2 b c=\"\">", "<p a=\"1\" b=\"\" c=\"\">",
      "duplicate attributes dropped");
  TOK("<p class=\"a\"id='b'>", "<p class=\"a\" id=\"b\">",
      "no space between attributes");
  TOK("<br/><br /><br/ ><img src=a/>", "<br/><br/><br><img src=\"a/\">",
      "self-closing flag");
  TOK("</p class=x>", "</p>", "end tag attributes ignored");
  TOK("<!--x-->", "<!--x-->", "comment");
  TOK("<!---->", "<!---->", "empty comment");
  TOK("<!-->a", "<!---->\"a\"", "abruptly closed comment");
  TOK("<!--a--!>b", "<!--a-->\"b\"", "comment closed by --!>");
  TOK("<!--a-b--c-->", "<!--a-b--c-->", "dashes inside a comment");
  TOK("<!x>", "<!--x-->", "bogus comment <!");
  TOK("<?xml v?>", "<!--?xml v?-->", "bogus comment <?");
  TOK("</ x>", "<!-- x-->", "bogus comment </ and a space");
  TOK("a</>b", "\"ab\"", "</> is dropped");
  TOK("<!--ab", "<!--ab-->", "EOF in a comment");
  TOK("<!DOCTYPE html><p>", "<!DOCTYPE><p>", "DOCTYPE");
  TOK("<![CDATA[x]]>", "<!--[CDATA[x]]-->", "CDATA outside foreign content");
  TOK("a<div class=\"x", "\"a\"", "EOF in an attribute value: no tag");
  TOK("a<div", "\"a\"", "EOF in a tag name: no tag");
  TOK("a<div ", "\"a\"", "EOF before an attribute: no tag");
  TOK("a</div", "\"a\"", "EOF in an end tag: no tag");
  TOK("a<", "\"a<\"", "< at EOF is text");
  TOK("a</", "\"a</\"", "</ at EOF is text");
  TOK("a < b <3", "\"a < b <3\"", "< not before a letter is text");
  TOK("<p>a<b>c", "<p>\"a\"<b>\"c\"", "no content model: <b> is a tag");
  /* Content models, switched as the tree builder does. */
  TOKC("<title>a&amp;<b></title>c", "<title>\"a&<b>\"</title>\"c\"",
       "RCDATA: references, no tags");
  TOKC("<textarea>x</TEXTAREA>", "<textarea>\"x\"</textarea>",
       "RCDATA end tag in upper case");
  TOKC("<title>x</titlex>y</title>", "<title>\"x</titlex>y\"</title>",
       "RCDATA: only the appropriate end tag ends it");
  TOKC("<style>a&amp;<b></style>", "<style>\"a&amp;<b>\"</style>",
       "RAWTEXT: no references");
  TOKC("<script>a=\"</scr\"+\"ipt>\"</script>",
       "<script>\"a=\"</scr\"+\"ipt>\"\"</script>",
       "script data: </scr is text");
  TOKC("<script><!--<script>x</script>y</script>z",
       "<script>\"<!--<script>x</script>y\"</script>\"z\"",
       "script data double escaped");
  TOKC("<script>a<!--b</script>c", "<script>\"a<!--b\"</script>\"c\"",
       "script data escaped: </script> ends it");
  TOKC("<plaintext></plaintext><p>", "<plaintext>\"</plaintext><p>\"",
       "PLAINTEXT to the end");
  TOKC("<script>abc", "<script>\"abc\"", "EOF in script data");
  /* Offsets: the first byte of each token. */
  TOKO("ab<p class=x>cd</p><!--e-->",
       "\"ab\"<p class=\"x\">@2\"cd\"</p>@15<!--e-->@19", "offsets");
  TOKO("x&amp;<b>y</b >", "\"x&\"<b>@6\"y\"</b>@10",
       "offsets after a reference");
}

/* pith__h5_tok_skip_text() (after pith__h5_tok_content(), which names the
 * end tag), pith__h5_tok_foreign() and the attribute limit: checked token
 * by token. */
static void test_tok_api(void) {
  const char *s = "<script>var x=\"</scr\";</script>y";
  pith_h5_tok *tk = pith__h5_tok_new(s, strlen(s));
  if (OK(tk != NULL, "tokenizer for skip_text")) {
    pith_h5_token t;
    int rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_START && t.name_len == 6 &&
           memcmp(t.name, "script", 6) == 0,
       "skip_text: the script start tag");
    pith__h5_tok_content(tk, PITH_H5_SCRIPT, "script", 6);
    pith__h5_tok_skip_text(tk);
    rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_END && t.name_len == 6 &&
           memcmp(t.name, "script", 6) == 0,
       "skip_text: next comes the script end tag");
    INT_EQ(rc == 0 ? (long long)t.offset : -1, 22,
           "skip_text: the end tag's offset");
    rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_TEXT && t.len == 1 && t.text[0] == 'y',
       "skip_text: then the text after it");
    pith__h5_tok_free(tk);
  }

  s = "<style>a</style>";
  tk = pith__h5_tok_new(s, strlen(s));
  if (OK(tk != NULL, "tokenizer for skip_text at EOF")) {
    pith_h5_token t;
    pith__h5_tok_next(tk, &t);
    pith__h5_tok_content(tk, PITH_H5_RAWTEXT, "style", 5);
    pith__h5_tok_skip_text(tk);
    int rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_END && t.name_len == 5,
       "skip_text: style end tag");
    rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_EOF, "skip_text: then EOF");
    pith__h5_tok_free(tk);
  }

  s = "<script>abc";
  tk = pith__h5_tok_new(s, strlen(s));
  if (OK(tk != NULL, "tokenizer for skip_text without an end tag")) {
    pith_h5_token t;
    pith__h5_tok_next(tk, &t);
    pith__h5_tok_content(tk, PITH_H5_SCRIPT, "script", 6);
    pith__h5_tok_skip_text(tk);
    int rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_EOF, "skip_text: EOF when unclosed");
    pith__h5_tok_free(tk);
  }

  /* CDATA in foreign content is text; elsewhere a bogus comment. */
  s = "<svg><![CDATA[a<b>]]></svg>";
  tk = pith__h5_tok_new(s, strlen(s));
  if (OK(tk != NULL, "tokenizer for CDATA")) {
    pith_h5_token t;
    pith__h5_tok_next(tk, &t);
    pith__h5_tok_foreign(tk, 1);
    pith_buf text;
    pith__buf_init(&text);
    int rc;
    while ((rc = pith__h5_tok_next(tk, &t)) == 0 && t.kind == PITH_H5_TEXT)
      pith__buf_append(&text, t.text, t.len);
    pith__buf_append(&text, "", 0);
    STR_EQ(text.data, "a<b>", "CDATA in foreign content is text");
    OK(rc == 0 && t.kind == PITH_H5_END && t.name_len == 3,
       "CDATA: then the svg end tag");
    pith__buf_free(&text);
    pith__h5_tok_free(tk);
  }

  /* Attributes past PITH_H5_MAX_ATTRS are read but not returned. */
  pith_buf big;
  pith__buf_init(&big);
  pith__buf_puts(&big, "<p");
  for (int i = 0; i < PITH_H5_MAX_ATTRS + 44; i++) {
    char a[32];
    snprintf(a, sizeof a, " a%d=%d", i, i);
    pith__buf_puts(&big, a);
  }
  pith__buf_puts(&big, ">x");
  tk = big.oom ? NULL : pith__h5_tok_new(big.data, big.len);
  if (OK(tk != NULL, "tokenizer for many attributes")) {
    pith_h5_token t;
    int rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_START, "many attributes: the tag");
    INT_EQ(rc == 0 ? (long long)t.nattrs : -1, PITH_H5_MAX_ATTRS,
           "many attributes: the first PITH_H5_MAX_ATTRS returned");
    OK(rc == 0 && t.nattrs > 0 && t.attrs[0].name_len == 2 &&
           memcmp(t.attrs[0].name, "a0", 2) == 0,
       "many attributes: in order");
    rc = pith__h5_tok_next(tk, &t);
    OK(rc == 0 && t.kind == PITH_H5_TEXT && t.len == 1 && t.text[0] == 'x',
       "many attributes: the text after the tag");
    pith__h5_tok_free(tk);
  }
  pith__buf_free(&big);
}

int main(int argc, char **argv) {
  test_tree_files(argc > 1 ? argv[1] : PITH_HTML5_TESTS);
  test_charref();
  test_tokens();
  test_tok_api();
  return done_testing();
}
