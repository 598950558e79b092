/* SPDX-License-Identifier: MIT */
/*
 * explain_html.c - the decision trace as one self-contained HTML page
 * (pith --explain).
 *
 * The page is written for a person looking for a missing paragraph: a
 * header with the metadata fields and where each came from, the selected
 * element, a table of words per reason (each reason linking to the first
 * blocks it dropped), then the page's text blocks in document order,
 * coloured kept / comment / dropped with the reason, its detail and the
 * element path beside each.  Runs of dropped blocks fold into <details>
 * (the browser's find-in-page opens them), and long texts are cut, the
 * rest in a <details> of its own.
 *
 * Safety, as for pith_render_html(): every element and attribute is
 * written here, none copied from the page, and every string that comes
 * from the page (text, paths, metadata values, the source name) is
 * escaped.  There is no script, no URL that loads anything (metadata URLs
 * are shown as text), only a <style> element written here, and a
 * Content-Security-Policy that forbids every load besides.
 */
#include <stdio.h>
#include <string.h>

#include "pith/pith.h"

#include "explain.h"
#include "render.h"
#include "result.h"

/* Texts longer than this many bytes are cut, near a space. */
#define SHORT_TEXT 420
/* A reason's row in the summary links to at most this many blocks. */
#define INDEX_LINKS 6

static const char *const decision_class[] = {"k", "c", "d"};
static const char *const decision_label[] = {"kept", "comment", "dropped"};
static const char *const block_names[] = {"paragraph", "heading", "list item",
                                          "quote",     "code",    "table row"};

static void esc(pith_buf *b, const char *s) {
  if (s)
    pith__put_escaped(b, s, strlen(s));
}

/* v with one decimal ("12.5"). */
static void put1(pith_buf *b, double v) {
  char num[48];
  snprintf(num, sizeof num, "%.1f", v);
  pith__buf_puts(b, num);
}

static void putz(pith_buf *b, size_t v) {
  char num[24];
  snprintf(num, sizeof num, "%zu", v);
  pith__buf_puts(b, num);
}

/* A count with thin grouping: 12 345. */
static void put_count(pith_buf *b, size_t v) {
  char num[24], out[40];
  int n = snprintf(num, sizeof num, "%zu", v), k = 0;
  for (int i = 0; i < n; i++) {
    if (i && (n - i) % 3 == 0) {
      memcpy(out + k, "\xe2\x80\x89", 3); /* U+2009 thin space */
      k += 3;
    }
    out[k++] = num[i];
  }
  out[k] = '\0';
  pith__buf_puts(b, out);
}

/* The input's name as shown: "-" and none are standard input. */
static const char *source_name(const char *source) {
  return source && *source && strcmp(source, "-") ? source : "(standard input)";
}

static int decision_of(const pith_trace_entry_int *e) {
  return e->decision >= 0 && e->decision <= 2 ? e->decision : 2;
}

static const char *reason_of(const pith_trace_entry_int *e) {
  const char *r = pith__reason_name(e->reason);
  return *r ? r : "unknown";
}

/* Where to cut a text of n bytes: at the last space before SHORT_TEXT -
 * 60 .. SHORT_TEXT - 100, else on a character boundary; n when short. */
static size_t cut_point(const char *s, size_t n) {
  if (n <= SHORT_TEXT)
    return n;
  size_t limit = SHORT_TEXT - 100;
  for (size_t i = limit; i > limit - 80; i--)
    if (s[i] == ' ')
      return i;
  size_t i = limit;
  while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
    i--;
  return i;
}

static void put_text(pith_buf *b, const char *s) {
  size_t n = strlen(s), cut = cut_point(s, n);
  pith__buf_puts(b, "<div class=\"t\">");
  pith__put_escaped(b, s, cut);
  if (cut < n) {
    pith__buf_puts(b, "<details class=\"more\"><summary>\xe2\x80\xa6 ");
    putz(b, n - cut);
    pith__buf_puts(b, " more characters</summary>");
    pith__put_escaped(b, s + cut, n - cut);
    pith__buf_puts(b, "</details>");
  }
  pith__buf_puts(b, "</div>");
}

static void put_entry(pith_buf *b, const pith_trace_entry_int *e, size_t i) {
  int d = decision_of(e);
  const char *r = reason_of(e);
  pith__buf_puts(b, "<div class=\"b ");
  pith__buf_puts(b, decision_class[d]);
  pith__buf_puts(b, "\" id=\"b");
  putz(b, i);
  pith__buf_puts(b, "\"><div class=\"m\"><a class=\"n\" href=\"#b");
  putz(b, i);
  pith__buf_puts(b, "\">#");
  putz(b, i);
  pith__buf_puts(b, "</a> <a class=\"r\" href=\"#why-");
  esc(b, r);
  pith__buf_puts(b, "\" title=\"");
  esc(b, pith__reason_doc(e->reason));
  pith__buf_puts(b, "\">");
  esc(b, d == PITH__TRACE_DROPPED ? r : decision_label[d]);
  pith__buf_puts(b, "</a>");
  if (e->detail && *e->detail) {
    pith__buf_puts(b, " <span class=\"x\">");
    esc(b, e->detail);
    pith__buf_puts(b, "</span>");
  }
  pith__buf_puts(b, " <span class=\"p\">");
  esc(b, e->path);
  pith__buf_puts(b, "</span><span class=\"s\">");
  if (e->block >= 0 && e->block <= PITH_BLOCK_TABLE_ROW) {
    pith__buf_puts(b, block_names[e->block]);
    pith__buf_puts(b, " \xc2\xb7 ");
  }
  putz(b, e->words);
  pith__buf_puts(b, e->words == 1 ? " word" : " words");
  if (e->score != 0) {
    pith__buf_puts(b, " \xc2\xb7 score ");
    put1(b, e->score);
  }
  pith__buf_puts(b, "</span></div>");
  put_text(b, e->text ? e->text : "");
  pith__buf_puts(b, "</div>\n");
}

/* A run of dropped entries [from, to): one entry stands as it is; more
 * fold into a <details> whose summary counts them by reason. */
static void put_run(pith_buf *b, const pith_trace *tr, size_t from, size_t to) {
  if (to - from == 1) {
    put_entry(b, &tr->entries[from], from);
    return;
  }
  size_t words = 0, count[PITH_R_COUNT];
  memset(count, 0, sizeof count);
  for (size_t i = from; i < to; i++) {
    words += tr->entries[i].words;
    count[tr->entries[i].reason < PITH_R_COUNT ? tr->entries[i].reason : 0]++;
  }
  pith__buf_puts(b, "<details class=\"run\" id=\"run");
  putz(b, from);
  pith__buf_puts(b, "\"><summary><span class=\"rn\">");
  putz(b, to - from);
  pith__buf_puts(b, " dropped blocks, ");
  put_count(b, words);
  pith__buf_puts(b, words == 1 ? " word" : " words");
  pith__buf_puts(b, ":</span>");
  /* Reasons by number of blocks, most first. */
  for (;;) {
    size_t best = 0;
    unsigned br = 0;
    for (unsigned r = 0; r < PITH_R_COUNT; r++)
      if (count[r] > best)
        best = count[r], br = r;
    if (!best)
      break;
    pith__buf_puts(b, " <span class=\"rc\">");
    esc(b, *pith__reason_name(br) ? pith__reason_name(br) : "unknown");
    if (best > 1) {
      pith__buf_puts(b, " \xc3\x97");
      putz(b, best);
    }
    pith__buf_puts(b, "</span>");
    count[br] = 0;
  }
  pith__buf_puts(b, " <span class=\"at\">#");
  putz(b, from);
  pith__buf_puts(b, "\xe2\x80\x93");
  putz(b, to - 1);
  pith__buf_puts(b, "</span></summary>\n");
  for (size_t i = from; i < to; i++)
    put_entry(b, &tr->entries[i], i);
  pith__buf_puts(b, "</details>\n");
}

static const char style[] =
    ":root{--k:#1b7f3b;--kb:#eef8f0;--c:#2f5fb3;--cb:#eef3fc;--d:#9a4a3c;"
    "--db:#f7f4f2;--ink:#1d1f21;--mute:#6b6f76;--line:#dcdfe3}"
    "*{box-sizing:border-box}"
    "body{margin:0;font:15px/1.5 system-ui,-apple-system,'Segoe UI',"
    "Roboto,'DejaVu Sans',sans-serif;color:var(--ink);background:#fbfbfc}"
    "main{max-width:1100px;margin:0 auto;padding:18px 24px 60px}"
    "h1{font-size:21px;margin:4px 0 2px}"
    "h2{font-size:16px;margin:26px 0 8px;padding-bottom:4px;"
    "border-bottom:1px solid var(--line)}"
    ".src{color:var(--mute);margin:0 0 10px;overflow-wrap:anywhere}"
    ".bar{display:flex;height:10px;border-radius:5px;overflow:hidden;"
    "background:var(--line);margin:10px 0 4px}"
    ".bar span{display:block;height:100%}"
    ".bk{background:var(--k)}.bc{background:var(--c)}.bd{background:#c9a79f}"
    ".tot{display:flex;gap:18px;flex-wrap:wrap;font-size:14px}"
    ".dot{display:inline-block;width:10px;height:10px;border-radius:2px;"
    "margin-right:5px;vertical-align:-1px}"
    ".grid{display:grid;grid-template-columns:3fr 2fr;gap:0 28px}"
    "@media (max-width:800px){.grid{grid-template-columns:1fr}}"
    "table{border-collapse:collapse;width:100%;font-size:13.5px}"
    "th,td{text-align:left;vertical-align:top;padding:3px 8px 3px 0;"
    "border-bottom:1px solid #eceef0}"
    "th{font-weight:600;color:var(--mute);font-size:12px;"
    "text-transform:uppercase;letter-spacing:.03em}"
    "td.v{overflow-wrap:anywhere}td code{white-space:nowrap}"
    "td .doc{margin-top:1px;line-height:1.35}"
    "td.w{font-variant-numeric:tabular-nums;text-align:right;"
    "padding-right:14px;white-space:nowrap}"
    ".none{color:#a0a4aa}"
    ".sel{font-size:14px}.sel code{background:#eef0f3;padding:1px 5px;"
    "border-radius:4px;overflow-wrap:anywhere}"
    "code,.p,.x{font-family:ui-monospace,'DejaVu Sans Mono',Menlo,"
    "Consolas,monospace}"
    ".doc{color:var(--mute);font-size:12.5px}"
    ".idx a{margin-right:6px;font-size:12.5px;display:inline-block}"
    "td.idx{width:24%}td.r0{min-width:190px}"
    ".jump{font-size:13px;color:var(--mute);margin:8px 0 0}"
    ".jump a{margin-right:12px}"
    "a{color:#2a5db0;text-decoration:none}a:hover{text-decoration:underline}"
    ".hint{color:var(--mute);font-size:13px;margin:0 0 10px}"
    ".b{border-left:4px solid;border-radius:3px;margin:6px 0;"
    "padding:5px 10px 6px}"
    ".b.k{border-color:var(--k);background:var(--kb)}"
    ".b.c{border-color:var(--c);background:var(--cb)}"
    ".b.d{border-color:#c9a79f;background:var(--db);color:#555a60}"
    ".m{font-size:12px;color:var(--mute);display:flex;flex-wrap:wrap;"
    "gap:2px 8px;align-items:baseline}"
    ".m .n{color:#8a8f96}"
    ".m .r{font-weight:600;padding:0 6px;border-radius:9px;color:#fff}"
    ".k .r{background:var(--k)}.c .r{background:var(--c)}"
    ".d .r{background:var(--d)}"
    ".m .x{color:#7a3b2e;overflow-wrap:anywhere}"
    ".m .p{overflow-wrap:anywhere}"
    ".m .s{margin-left:auto;white-space:nowrap}"
    ".t{white-space:pre-wrap;overflow-wrap:anywhere;margin-top:2px}"
    ".d .t{font-size:14px}"
    "details.more{display:inline}"
    "details.more summary{display:inline;cursor:pointer;color:#2a5db0;"
    "font-size:13px}"
    "details.more[open] summary{display:none}"
    "details.run{margin:6px 0;border:1px dashed #d8c7c2;border-radius:4px;"
    "background:#fcfaf9}"
    "details.run>summary{cursor:pointer;padding:4px 10px;font-size:13px;"
    "color:#6d4a42}"
    "details.run[open]{padding:0 8px 4px}"
    "details.run[open]>summary{margin:0 -8px}"
    ".rn{font-weight:600}"
    ".rc{display:inline-block;margin-left:6px;padding:0 6px;"
    "border-radius:9px;background:#efe4e1;font-size:12px}"
    ".at{float:right;color:#a0a4aa;font-size:12px}"
    "@media (prefers-color-scheme:dark){:root{--kb:#15261b;--cb:#17203a;"
    "--db:#221f1e;--ink:#e3e5e8;--mute:#9aa0a8;--line:#33373d}"
    "body{background:#121416}th,td{border-bottom-color:#2a2e33}"
    ".b.d{color:#b9bcc0}.sel code{background:#262a30}"
    "details.run{background:#1b1918;border-color:#4a3a36}"
    "details.run>summary{color:#d5b3aa}.rc{background:#3a2c29}"
    "a{color:#7fa8ef}.m .x{color:#e0a090}}";

/* The header: source, totals, metadata, selection. */
static void put_header(pith_buf *b, const pith_result *res, const char *source,
                       const size_t tot[3], const size_t nblk[3]) {
  const pith_trace *tr = res->trace;
  pith__buf_puts(b, "<h1>What pith kept, and why</h1>\n<p class=\"src\">");
  esc(b, source_name(source));
  pith__buf_puts(b, " \xc2\xb7 ");
  putz(b, tr ? tr->n : 0);
  pith__buf_puts(b, " text blocks \xc2\xb7 pith ");
  esc(b, PITH_VERSION_STRING);
  pith__buf_puts(b, "</p>\n");

  size_t all = tot[0] + tot[1] + tot[2];
  pith__buf_puts(b, "<div class=\"bar\">");
  static const char *const bar[] = {"bk", "bc", "bd"};
  for (int d = 0; d < 3 && all; d++) {
    if (!tot[d])
      continue;
    pith__buf_puts(b, "<span class=\"");
    pith__buf_puts(b, bar[d]);
    pith__buf_puts(b, "\" style=\"width:");
    put1(b, 100.0 * (double)tot[d] / (double)all);
    pith__buf_puts(b, "%\"></span>");
  }
  pith__buf_puts(b, "</div>\n<div class=\"tot\">");
  static const char *const dot[] = {"var(--k)", "var(--c)", "#c9a79f"};
  for (int d = 0; d < 3; d++) {
    if (d == PITH__TRACE_COMMENT && !nblk[d])
      continue;
    pith__buf_puts(b, "<span><span class=\"dot\" style=\"background:");
    pith__buf_puts(b, dot[d]);
    pith__buf_puts(b, "\"></span><b>");
    put_count(b, tot[d]);
    pith__buf_puts(b, "</b> words ");
    pith__buf_puts(b, decision_label[d]);
    pith__buf_puts(b, " (");
    putz(b, nblk[d]);
    pith__buf_puts(b, nblk[d] == 1 ? " block)" : " blocks)");
    pith__buf_puts(b, "</span>");
  }
  pith__buf_puts(b, "</div>\n<p class=\"jump\">Jump to: "
                    "<a href=\"#reasons\">words by reason</a>"
                    "<a href=\"#selection\">selection</a>"
                    "<a href=\"#metadata\">metadata</a>"
                    "<a href=\"#blocks\">text blocks</a>");
  for (size_t i = 0; tr && i < tr->n; i++)
    if (tr->entries[i].decision == PITH__TRACE_KEPT) {
      pith__buf_puts(b, "<a href=\"#b");
      putz(b, i);
      pith__buf_puts(b, "\">main text (#");
      putz(b, i);
      pith__buf_puts(b, ")</a>");
      break;
    }
  pith__buf_puts(b, "</p>\n");
}

/* A metadata value, cut after about 160 bytes. */
static void put_value(pith_buf *b, const char *v) {
  size_t n = strlen(v), cut = n;
  if (n > 180) {
    cut = 160;
    while (cut > 0 && ((unsigned char)v[cut] & 0xC0) == 0x80)
      cut--;
  }
  pith__put_escaped(b, v, cut);
  if (cut < n)
    pith__buf_puts(b, "\xe2\x80\xa6");
}

/* The side column: the selection, then the metadata with sources. */
static void put_side(pith_buf *b, const pith_result *res) {
  const pith_trace *tr = res->trace;
  const char *vals[PITH_F_COUNT] = {
      res->meta.title,         res->meta.author,      res->meta.date,
      res->meta.sitename,      res->meta.description, res->meta.language,
      res->meta.url,           res->meta.image,       res->meta.page_type,
      res->meta.dateline_place};
  pith__buf_puts(b, "<section><h2 id=\"selection\">Selection</h2>\n"
                    "<div class=\"sel\">");
  if (tr && tr->selected && *tr->selected) {
    pith__buf_puts(b, "<p>Main content: <code>");
    esc(b, tr->selected);
    pith__buf_puts(b, "</code></p><p>Score ");
    put1(b, tr->selected_score);
    pith__buf_puts(b, " \xc2\xb7 fallback <code>");
    esc(b, tr->fallback);
    pith__buf_puts(b, "</code></p>");
    for (size_t i = 0; i < tr->n; i++)
      if (tr->entries[i].decision == PITH__TRACE_KEPT) {
        pith__buf_puts(b, "<p>The main text starts at <a href=\"#b");
        putz(b, i);
        pith__buf_puts(b, "\">#");
        putz(b, i);
        pith__buf_puts(b, "</a>.</p>");
        break;
      }
  } else {
    pith__buf_puts(b, "<p>No element was selected as the main content.</p>"
                      "<p>Fallback <code>");
    esc(b, tr ? tr->fallback : "none");
    pith__buf_puts(b, "</code></p>");
  }
  pith__buf_puts(
      b, "<p class=\"doc\">The selected element is the one whose text scored "
         "best; blocks outside it are dropped as "
         "<a href=\"#why-outside-selection\">outside-selection</a>. "
         "Fallback <code>no-soft-penalties</code>: selected again without "
         "down-scoring doubtful containers; <code>whole-body</code>: the "
         "selection held too little text, so the whole page was used; "
         "<code>prose-net</code>: the text came out too short for the page's "
         "prose, so the element holding most of it was taken.</p>"
         "</div>\n");
  pith__buf_puts(b, "<h2 id=\"metadata\">Metadata</h2>\n<table>");
  for (int i = 0; i < PITH_F_COUNT; i++) {
    pith__buf_puts(b, "<tr><td>");
    esc(b, pith__field_name(i));
    pith__buf_puts(b, "</td><td class=\"v\">");
    if (vals[i] && *vals[i]) {
      put_value(b, vals[i]);
      if (tr && res->meta.src[i]) {
        pith__buf_puts(b, "<div class=\"doc\">from ");
        esc(b, res->meta.src[i]);
        pith__buf_puts(b, "</div>");
      }
    } else {
      pith__buf_puts(b, "<span class=\"none\">\xe2\x80\x94</span>");
    }
    pith__buf_puts(b, "</td></tr>\n");
  }
  pith__buf_puts(b, "</table></section>\n");
}

/* Words per reason and decision, reasons by dropped words, each linking
 * to its first blocks. */
static void put_summary(pith_buf *b, const pith_trace *tr) {
  size_t w[PITH_R_COUNT][3], nb[PITH_R_COUNT];
  memset(w, 0, sizeof w);
  memset(nb, 0, sizeof nb);
  for (size_t i = 0; tr && i < tr->n; i++) {
    unsigned r =
        tr->entries[i].reason < PITH_R_COUNT ? tr->entries[i].reason : 0;
    w[r][decision_of(&tr->entries[i])] += tr->entries[i].words;
    nb[r]++;
  }
  int comments = nb[PITH_R_COMMENT] > 0;
  pith__buf_puts(b, "<section><h2 id=\"reasons\">Words by reason</h2>\n"
                    "<table><tr><th>Reason</th><th class=\"w\">Kept</th>");
  if (comments)
    pith__buf_puts(b, "<th class=\"w\">Comment</th>");
  pith__buf_puts(b, "<th class=\"w\">Dropped</th><th class=\"w\">Blocks</th>"
                    "<th>First blocks</th></tr>\n");
  unsigned order[PITH_R_COUNT];
  int no = 0;
  /* Kept and comment first, then the rules by dropped words. */
  order[no++] = PITH_R_KEPT;
  if (nb[PITH_R_COMMENT])
    order[no++] = PITH_R_COMMENT;
  int used[PITH_R_COUNT] = {0};
  used[PITH_R_KEPT] = used[PITH_R_COMMENT] = used[PITH_R_NONE] = 1;
  for (;;) {
    int best = -1;
    for (unsigned r = 0; r < PITH_R_COUNT; r++)
      if (!used[r] && nb[r] &&
          (best < 0 || w[r][2] > w[best][2] ||
           (w[r][2] == w[best][2] && nb[r] > nb[best])))
        best = (int)r;
    if (best < 0)
      break;
    used[best] = 1;
    order[no++] = (unsigned)best;
  }
  if (nb[PITH_R_NONE])
    order[no++] = PITH_R_NONE;
  for (int k = 0; k < no; k++) {
    unsigned r = order[k];
    const char *name = *pith__reason_name(r) ? pith__reason_name(r) : "unknown";
    pith__buf_puts(b, "<tr id=\"why-");
    esc(b, name);
    pith__buf_puts(b, "\"><td class=\"r0\"><code>");
    esc(b, name);
    pith__buf_puts(b, "</code><div class=\"doc\">");
    esc(b, pith__reason_doc(r));
    pith__buf_puts(b, "</div></td>");
    for (int d = 0; d < 3; d++) {
      if (d == PITH__TRACE_COMMENT && !comments)
        continue;
      pith__buf_puts(b, "<td class=\"w\">");
      if (w[r][d])
        put_count(b, w[r][d]);
      else
        pith__buf_puts(b, "<span class=\"none\">\xc2\xb7</span>");
      pith__buf_puts(b, "</td>");
    }
    pith__buf_puts(b, "<td class=\"w\">");
    putz(b, nb[r]);
    pith__buf_puts(b, "</td><td class=\"idx\">");
    int links = 0;
    for (size_t i = 0; tr && i < tr->n && links < INDEX_LINKS; i++) {
      if (tr->entries[i].reason != r)
        continue;
      pith__buf_puts(b, "<a href=\"#b");
      putz(b, i);
      pith__buf_puts(b, "\">#");
      putz(b, i);
      pith__buf_puts(b, "</a>");
      links++;
    }
    if (nb[r] > INDEX_LINKS)
      pith__buf_puts(b, "\xe2\x80\xa6");
    pith__buf_puts(b, "</td></tr>\n");
  }
  pith__buf_puts(b, "</table></section>\n");
}

char *pith_render_explain_html(const pith_result *res, const char *source) {
  if (!res)
    return NULL;
  const pith_trace *tr = res->trace;
  size_t tot[3] = {0, 0, 0}, nblk[3] = {0, 0, 0};
  for (size_t i = 0; tr && i < tr->n; i++) {
    tot[decision_of(&tr->entries[i])] += tr->entries[i].words;
    nblk[decision_of(&tr->entries[i])]++;
  }
  pith_buf b;
  pith__buf_init(&b);
  pith__buf_puts(
      &b, "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
          "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src "
          "'none'; style-src 'unsafe-inline'; img-src 'none'; form-action "
          "'none'; base-uri 'none'\">\n"
          "<meta name=\"referrer\" content=\"no-referrer\">\n"
          "<meta name=\"viewport\" content=\"width=device-width, "
          "initial-scale=1\">\n<meta name=\"generator\" content=\"pith ");
  esc(&b, PITH_VERSION_STRING);
  pith__buf_puts(&b, "\">\n<title>pith explain: ");
  esc(&b, source_name(source));
  pith__buf_puts(&b, "</title>\n<style>");
  pith__buf_puts(&b, style);
  pith__buf_puts(&b, "</style>\n</head>\n<body><main>\n");

  put_header(&b, res, source, tot, nblk);
  pith__buf_puts(&b, "<div class=\"grid\">");
  put_summary(&b, tr);
  put_side(&b, res);
  pith__buf_puts(&b, "</div>\n");

  pith__buf_puts(&b, "<h2 id=\"blocks\">Text blocks in document order</h2>\n");
  if (!tr) {
    pith__buf_puts(&b, "<p>No trace: the result was made without "
                       "PITH_OPT_EXPLAIN.</p>\n");
  } else if (!tr->n) {
    pith__buf_puts(&b, "<p>The page has no visible text.</p>\n");
  } else {
    pith__buf_puts(
        &b, "<p class=\"hint\">Looking for a missing paragraph? Search for "
            "a few of its words (Ctrl+F): folded runs of dropped blocks open "
            "by themselves. The badge names the rule (click it for its "
            "meaning), then comes the word or element it fired on, and the "
            "block's element path.</p>\n");
    size_t i = 0;
    while (i < tr->n) {
      if (decision_of(&tr->entries[i]) != PITH__TRACE_DROPPED) {
        put_entry(&b, &tr->entries[i], i);
        i++;
        continue;
      }
      size_t j = i;
      while (j < tr->n && decision_of(&tr->entries[j]) == PITH__TRACE_DROPPED)
        j++;
      put_run(&b, tr, i, j);
      i = j;
    }
  }
  pith__buf_puts(&b, "</main></body></html>\n");
  if (b.oom) {
    pith__buf_free(&b);
    return NULL;
  }
  return pith__buf_steal(&b);
}
