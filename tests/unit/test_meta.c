/* SPDX-License-Identifier: MIT */
/*
 * test_meta.c - unit tests for the metadata stage (lib/meta.c and
 * lib/meta_title.c, meta_author.c, meta_date.c).
 *
 * Each case parses a small HTML string with pith__tree_parse() and checks
 * the fields pith__meta_extract() fills: title choice and site-name
 * stripping, the <title> headline kept beside a contested <h1> and the
 * page-type step that settles between them, authors from JSON-LD / meta /
 * bylines, dates from structured data, the URL and visible text (and the dates
 * that must be rejected), language normalisation, canonical URLs, categories
 * and tags, and hostile input (deep JSON-LD nesting, unterminated strings, huge
 * attributes).
 *
 * "test_meta --seed FILE" checks only the shared seed page FILE (CTest runs
 * it as unit/test_meta_seed with ../shared/fixtures/seed/...): where FILE
 * cannot be read, its one check is a TAP skip and the exit status is 77,
 * which CTest reports as skipped.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "harness.h"
#include "meta.h"
#include "tree.h"

/* One parsed page and its metadata; free with done(). */
typedef struct {
  pith_tree tree;
  pith_arena arena;
  pith_meta m;
  int rc;
} page;

static void run(page *p, const char *html, const char *url) {
  memset(p, 0, sizeof *p);
  pith__arena_init(&p->arena);
  if (pith__tree_parse(&p->tree, html, strlen(html)) < 0) {
    p->rc = -2;
    return;
  }
  /* The content root, as the extract stage would choose it: the first
   * <article>, if any (it bounds where rel=tag links count). */
  uint32_t root = 0;
  for (uint32_t i = 1; i < p->tree.nnodes && !root; i++)
    if (p->tree.nodes[i].tag == PITH_TAG_ARTICLE)
      root = i;
  p->rc =
      pith__meta_extract(&p->tree, NULL, root, url, 0, NULL, &p->arena, &p->m);
}

static void done(page *p) {
  pith__tree_free(&p->tree);
  pith__arena_free(&p->arena);
}

/* A growable string for generated inputs. */
static char *repeat(const char *head, const char *unit, size_t n,
                    const char *tail) {
  size_t hl = strlen(head), ul = strlen(unit), tl = strlen(tail);
  char *s = malloc(hl + ul * n + tl + 1);
  if (!s)
    return NULL;
  memcpy(s, head, hl);
  for (size_t i = 0; i < n; i++)
    memcpy(s + hl + i * ul, unit, ul);
  memcpy(s + hl + ul * n, tail, tl + 1);
  return s;
}

static void test_empty(void) {
  page p;
  run(&p, "", NULL);
  INT_EQ(p.rc, 0, "empty page: ok");
  STR_EQ(p.m.title, "", "empty page: title is \"\"");
  STR_EQ(p.m.author, "", "empty page: author is \"\"");
  STR_EQ(p.m.date, "", "empty page: date is \"\"");
  STR_EQ(p.m.url, "", "empty page: url is \"\"");
  OK(p.m.categories == NULL && p.m.ncategories == 0, "empty page: no cats");
  OK(p.m.tags == NULL && p.m.ntags == 0, "empty page: no tags");
  done(&p);

  run(&p, "<p>just text</p>", "https://example.com/x");
  STR_EQ(p.m.url, "https://example.com/x", "no canonical: the given url");
  done(&p);
}

static void test_title(void) {
  page p;
  run(&p,
      "<html><head><title>Rivers are rising fast - The Daily Example"
      "</title><meta property=\"og:site_name\" content=\"The Daily Example\">"
      "</head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers are rising fast", "title: ' - Site' stripped");
  STR_EQ(p.m.sitename, "The Daily Example", "sitename from og:site_name");
  done(&p);

  run(&p,
      "<html><head><title>Example News: Rivers are rising fast</title>"
      "</head><body></body></html>",
      "https://www.example-news.com/a");
  STR_EQ(p.m.title, "Rivers are rising fast",
         "title: 'Site: ' prefix matched by the domain");
  done(&p);

  run(&p,
      "<html><head><title>Rivers are rising fast | Weather | Example</title>"
      "</head><body></body></html>",
      "https://example.org/");
  STR_EQ(p.m.title, "Rivers are rising fast",
         "title: 'Title | Section | Site' keeps the first part");
  done(&p);

  run(&p,
      "<html><head><title>Rivers are rising \xe2\x80\x94 Example Times</title>"
      "<meta property=\"og:title\" content=\"Rivers are rising\">"
      "</head><body><header><h1><a href=/>Example Times</a></h1></header>"
      "<article><h1>Rivers  are\n rising</h1><p>Text.</p></article>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers are rising",
         "title: article h1 agreeing with og:title, white space collapsed");
  done(&p);

  run(&p,
      "<html><head><title>Short things - Example</title></head><body>"
      "<h1>A much longer headline about short things</h1></body></html>",
      NULL);
  STR_EQ(p.m.title, "A much longer headline about short things",
         "title: the page's only h1 when it shares words with <title>");
  done(&p);

  run(&p,
      "<html><head><title>Quarterly results beat forecasts | Example Corp"
      "</title></head><body><h1 hidden>Hidden headline</h1>"
      "<h1 style='display:none'>Also hidden</h1></body></html>",
      NULL);
  STR_EQ(p.m.title, "Quarterly results beat forecasts",
         "title: hidden h1s are ignored, short trailing site part stripped");
  STR_EQ(p.m.sitename, "Example Corp",
         "sitename: the site part removed from <title>");
  done(&p);

  run(&p,
      "<html><head><title>Caf&eacute; &amp;amp; bar</title></head>"
      "<body></body></html>",
      NULL);
  STR_EQ(p.m.title, "Caf\xc3\xa9 & bar",
         "title: entities decoded, a double-escaped &amp; too");
  done(&p);
}

/* Choosing among title candidates: site parts, separators, agreement. */
static void test_title_choice(void) {
  page p;
  run(&p,
      "<html><head><title>Rivers are rising fast - Live updates from the "
      "flooded river towns</title>"
      "</head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers are rising fast",
         "title: the first part of 'Headline - Tagline'");
  done(&p);

  run(&p,
      "<html><head><title>News - Rivers are rising fast</title>"
      "</head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "News - Rivers are rising fast",
         "title: a one-word first part is kept with the rest");
  done(&p);

  run(&p,
      "<html><head><title>Best river walks | Top 10 picks | Example</title>"
      "</head><body><article><h1>Best river walks | Top 10 picks</h1>"
      "<p>x</p></article></body></html>",
      NULL);
  STR_EQ(p.m.title, "Best river walks",
         "title: an h1 'Headline | Subtitle' cut where <title> agrees");
  done(&p);

  run(&p,
      "<html><head><title>Rivers rise \xe2\x80\x94 and the town waits"
      "</title></head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers rise \xe2\x80\x94 and the town waits",
         "title: an em dash before a lower-case word is no separator");
  done(&p);

  run(&p,
      "<html><head><title>Plumbing repairs</title>"
      "<script type='application/ld+json'>{\"@type\":\"FAQPage\","
      "\"mainEntity\":[{\"@type\":\"Question\",\"name\":\"How much does a "
      "plumber cost?\"}]}</script></head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Plumbing repairs",
         "title: an FAQ question's name does not beat <title>");
  done(&p);

  run(&p,
      "<html><head><title>Example Times - Rivers are rising fast</title>"
      "<link rel=canonical href='https://www.exampletimes.com/a/rivers'>"
      "</head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers are rising fast",
         "title: the site named by the canonical URL's host is dropped");
  done(&p);

  run(&p,
      "<html><head><title>Example - Tools for river makers</title>"
      "<meta property='og:site_name' content='Example'>"
      "</head><body><p>x</p></body></html>",
      "https://example.com/");
  STR_EQ(p.m.title, "Example - Tools for river makers",
         "title: a front page keeps its leading site name");
  done(&p);

  run(&p,
      "<html><head><title>Men's socks</title>"
      "<meta property='og:site_name' content='Example'>"
      "<meta name='twitter:title' content='Example'>"
      "</head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Men's socks",
         "title: a metadata title that is the site's name loses");
  done(&p);

  run(&p,
      "<html><head><title> | Example Magazine</title></head><body>"
      "<h1>Electronic gadgets</h1><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Electronic gadgets",
         "title: '| Site' is an empty <title>, the h1 wins");
  done(&p);

  run(&p,
      "<html><head><title>Rivers are rising fast | Example</title>"
      "<meta property='og:title' content='Rivers are rising fast'>"
      "</head><body><article><h1>Dec 18 2025 Rivers are rising fast</h1>"
      "<p>x</p></article></body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers are rising fast",
         "title: a date or kicker before the headline in the h1 is dropped");
  done(&p);

  run(&p,
      "<html><head><title>What is ownership? - The Example Book</title>"
      "</head><body><h1>The Example Book</h1><h2>Contents</h2>"
      "<p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "What is ownership?",
         "title: an h1 that is the last part of <title> names the site");
  done(&p);

  run(&p,
      "<html><head><title>Middleware | Docs</title></head><body>"
      "<h1>Middleware<a class=headerlink href='#m'>\xc2\xb6</a></h1>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.title, "Middleware", "title: a heading anchor's pilcrow goes");
  done(&p);

  run(&p,
      "<html><head><title>Outdoor gear \xe2\x80\x93 The Example Shop</title>"
      "</head><body><div itemscope itemtype='https://schema.org/WebPage'>"
      "<p itemprop='headline'><a href='/'>The Example Shop</a></p></div>"
      "<p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Outdoor gear",
         "title: a microdata headline on the logo is not the title");
  done(&p);

  run(&p,
      "<html><head><title>Lakeside Catalog Index</title></head><body>"
      "<main><h1>Lakeside Hardware Catalog</h1><p>x</p></main></body></html>",
      "https://www.lakesidehardware.com/catalog/");
  STR_EQ(p.m.title, "Lakeside Hardware Catalog",
         "title: an h1 merely starting with the host's name is kept");
  done(&p);

  run(&p,
      "<html><head><title>Help - Which tent for winter? | Example Forum"
      "</title></head><body><h1><span class='label label--blue'>Help</span>"
      "<span>&nbsp;</span>Which tent for winter?</h1><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Which tent for winter?",
         "title: a label before the heading's text is not part of it");
  done(&p);

  run(&p,
      "<html><head><title>Rivers rise</title></head><body>"
      "<h1>Rivers <span class=badge>new</span> rise</h1><p>x</p>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers new rise",
         "title: only a leading label is left out of a heading");
  done(&p);

  run(&p,
      "<html><head><title>Which tent for winter in Norway - Camping Forums"
      "</title></head><body><h1><a href='https://example.org/'>Camping in "
      "Norway</a></h1><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Which tent for winter in Norway",
         "title: an h1 that is a link to the front page is a logo");
  done(&p);

  run(&p,
      "<html><head><title>Which tent for winter in Norway - Camping Forums"
      "</title></head><body><h1><a href='/t/which-tent'>Which tent for "
      "winter in Norway?</a></h1><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Which tent for winter in Norway?",
         "title: an h1 linking to the page itself is its headline");
  done(&p);

  run(&p,
      "<html><head><meta property='og:title' content='Rivers and lakes: "
      "a primer'></head><body><h1><a href='#intro'>A primer on rivers</a>"
      "</h1><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "A primer on rivers",
         "title: an h1 linking to its own anchor is not a logo");
  done(&p);

  run(&p,
      "<html><head><title>Why the rivers keep rising | Opinion</title>"
      "</head><body><article><h1>Rivers rise as the ice melts | Opinion</h1>"
      "<p>x</p></article></body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers rise as the ice melts",
         "title: a short tail the h1 shares with <title> is a section");
  done(&p);

  run(&p,
      "<html><head></head><body><h1>Rivers rise as the ice melts"
      "<h3 class=date>Posted on July 1, 2024 by Jo</h3></h1><p>x</p>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.title, "Rivers rise as the ice melts",
         "title: a heading nested in the h1 is not part of it");
  done(&p);

  run(&p,
      "<html><head><title>Tech conferences 2026 / 2027</title></head>"
      "<body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Tech conferences 2026 / 2027",
         "title: ' / ' between numbers is a range, not a separator");
  done(&p);

  run(&p,
      "<html><head><title>Which tent for winter? / Camping / Example Forums"
      "</title></head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Which tent for winter?",
         "title: ' / ' separates a forum's title from its sections");
  done(&p);

  run(&p,
      "<html><head></head><body><h1><span class=label>Notice</span></h1>"
      "<p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.title, "Notice", "title: a heading that is only a label stays");
  done(&p);
}
static void test_jsonld(void) {
  page p;
  run(&p,
      "<html><head><script type=\"application/ld+json\">"
      "{\"@context\":\"https://schema.org\",\"@type\":[\"NewsArticle\"],"
      "\"headline\":\"Caf\\u00e9 \\ud83d\\ude00 \\\"quoted\\\"\","
      "\"author\":[{\"@type\":\"Person\",\"name\":\"Ann Lee\"},"
      "\"Bob Roe\",{\"name\":\"http://example.com/u/1\"}],"
      "\"datePublished\":\"2021-03-04T23:30:00-08:00\","
      "\"dateModified\":\"2022-01-01\","
      "\"articleSection\":[\"Science\",\"Space\"],"
      "\"keywords\":\"mars, rovers , Mars,,nasa\","
      "\"publisher\":{\"@type\":\"Organization\",\"name\":\"Example Wire\"}}"
      "</script></head><body></body></html>",
      NULL);
  STR_EQ(p.m.title, "Caf\xc3\xa9 \xf0\x9f\x98\x80 \"quoted\"",
         "json-ld: headline with \\u escapes and a surrogate pair");
  STR_EQ(p.m.author, "Ann Lee; Bob Roe",
         "json-ld: author array joined, URL names dropped");
  STR_EQ(p.m.date, "2021-03-04",
         "json-ld: datePublished, the date as written (not UTC)");
  STR_EQ(p.m.sitename, "Example Wire", "json-ld: publisher name as sitename");
  INT_EQ(p.m.ncategories, 2, "json-ld: articleSection array");
  if (p.m.ncategories == 2) {
    STR_EQ(p.m.categories[0], "Science", "json-ld: first section");
    STR_EQ(p.m.categories[1], "Space", "json-ld: second section");
  }
  INT_EQ(p.m.ntags, 3, "json-ld: keywords split, empty and duplicates gone");
  if (p.m.ntags == 3) {
    STR_EQ(p.m.tags[0], "mars", "json-ld: keyword 1");
    STR_EQ(p.m.tags[1], "rovers", "json-ld: keyword 2 trimmed");
    STR_EQ(p.m.tags[2], "nasa", "json-ld: keyword 3");
  }
  done(&p);

  /* Yoast-style @graph with @id references. */
  run(&p,
      "<html><head><title>Moon base plans - Orbit Daily</title>"
      "<script type='application/ld+json'>{\"@context\":\"x\",\"@graph\":["
      "{\"@type\":\"WebSite\",\"@id\":\"s#w\",\"name\":\"Orbit Daily\"},"
      "{\"@type\":\"WebPage\",\"@id\":\"s#p\","
      "\"name\":\"Moon base plans - Orbit Daily\","
      "\"datePublished\":\"2019-01-01\"},"
      "{\"@type\":\"Article\",\"author\":{\"@id\":\"s#me\"},"
      "\"headline\":\"Moon base plans\",\"datePublished\":\"2020-02-29\"},"
      "{\"@type\":\"Person\",\"@id\":\"s#me\",\"name\":\"Cy Dee\"}]}"
      "</script></head><body></body></html>",
      NULL);
  STR_EQ(p.m.title, "Moon base plans", "@graph: Article headline");
  STR_EQ(p.m.author, "Cy Dee", "@graph: author resolved through @id");
  STR_EQ(p.m.date, "2020-02-29", "@graph: Article date beats WebPage date");
  STR_EQ(p.m.sitename, "Orbit Daily", "@graph: WebSite name");
  done(&p);

  /* Broken scripts are skipped; good ones after them still count. */
  run(&p,
      "<html><head>"
      "<script type='application/ld+json'>{\"@type\":\"Article\","
      "\"author\":\"Bad One\",\"headline\":\"unterminated</script>"
      "<script type='application/ld+json'>{\"@type\":\"Article\" "
      "\"author\":\"Missing Comma\"}</script>"
      "<script type='application/ld+json'><!-- {\"@type\":\"BlogPosting\","
      "\"author\":{\"name\":\"Good Two\"}} trailing garbage ]]}</script>"
      "</head><body></body></html>",
      NULL);
  STR_EQ(p.m.author, "Good Two",
         "json-ld: invalid scripts dropped, comment and trailing junk ok");
  done(&p);

  /* 100000 nested arrays: rejected by the depth cap, no stack use. */
  char *deep = repeat("<html><head><script type='application/ld+json'>"
                      "{\"@type\":\"Article\",\"author\":\"Deep\",\"x\":",
                      "[", 100000, "</script></head><body></body></html>");
  if (deep) {
    run(&p, deep, NULL);
    INT_EQ(p.rc, 0, "json-ld: 100000-deep arrays ok");
    STR_EQ(p.m.author, "", "json-ld: too-deep script given up");
    done(&p);
    free(deep);
  }
  /* Deep but balanced and within the cap is fine. */
  char *ok = repeat("<html><head><script type='application/ld+json'>"
                    "{\"@type\":\"Article\",\"author\":\"Shallow\",\"x\":",
                    "[", 20, "");
  if (ok) {
    char *full = repeat(ok, "]", 20, "}</script></head></html>");
    if (full) {
      run(&p, full, NULL);
      STR_EQ(p.m.author, "Shallow", "json-ld: 20-deep arrays parsed");
      done(&p);
      free(full);
    }
    free(ok);
  }
  /* A huge string value. */
  char *big = repeat("<script type='application/ld+json'>"
                     "{\"@type\":\"Article\",\"headline\":\"",
                     "abc\\u00e9", 200000, "\",\"author\":\"Big\"}</script>");
  if (big) {
    run(&p, big, NULL);
    INT_EQ(p.rc, 0, "json-ld: 1.8 MB string ok");
    STR_EQ(p.m.author, "Big", "json-ld: fields after a huge string");
    OK(strlen(p.m.title) <= 4096, "json-ld: title length capped");
    done(&p);
    free(big);
  }
}

static void test_author(void) {
  page p;
  /* An unclosed list in the navigation swallows the page: the <main>
   * inside it is still the main region. */
  run(&p,
      "<html><body><nav><ul><li><a href=/>Home</a>"
      "<main><article><h1>Rivers rise as the ice melts</h1>"
      "<p class=byline>By Dana Smith</p><span>Mar 27, 2025</span>"
      "<p>Body text.</p></article></main></body></html>",
      NULL);
  STR_EQ(p.m.author, "Dana Smith", "author: a <main> inside <nav> is main");
  STR_EQ(p.m.date, "2025-03-27", "date: under the headline in that <main>");
  done(&p);
  run(&p,
      "<html><body><article><h1>Headline here</h1>"
      "<p>By handling routine tasks centrally, HR teams focus on people."
      "</p><p>Body.</p></article></body></html>",
      NULL);
  STR_EQ(p.m.author, "", "author: 'By handling ...' starts a sentence");
  done(&p);

  run(&p,
      "<html><body><article><h1>Headline here</h1>"
      "<p><a href='/contributors/'>Browse our whole team of "
      "writers</a></p><p>Body.</p></article></body></html>",
      NULL);
  STR_EQ(p.m.author, "", "author: a link speaking to the reader is no name");
  done(&p);

  run(&p,
      "<html><body><article><h1>Headline here</h1>"
      "<p>By <a href='/author/vdb'>van der Berg</a></p><p>Body.</p>"
      "</article></body></html>",
      NULL);
  STR_EQ(p.m.author, "van der Berg",
         "author: a name may start with a lower-case particle");
  done(&p);

  run(&p,
      "<html><head><meta name='twitter:label1' content='Written by'>"
      "<meta name='twitter:data1' content='Dana Smith'>"
      "<meta name='twitter:label2' content='Est. reading time'>"
      "<meta name='twitter:data2' content='4 minutes'></head>"
      "<body><h1>Headline here</h1><p>Body.</p></body></html>",
      NULL);
  STR_EQ(p.m.author, "Dana Smith",
         "author: a link-preview card's 'Written by' value, last resort");
  done(&p);

  run(&p,
      "<html><head><meta name='twitter:label1' content='Est. reading time'>"
      "<meta name='twitter:data1' content='4 minutes'></head>"
      "<body><h1>Headline here</h1><p>Body.</p></body></html>",
      NULL);
  STR_EQ(p.m.author, "", "author: other card values are not authors");
  done(&p);

  run(&p,
      "<html><body><div class=card><p>Written by Dana Smith</p></div>"
      "<article><h1>Headline here</h1><p>Body.</p></article></body></html>",
      NULL);
  STR_EQ(p.m.author, "Dana Smith",
         "author: 'Written by NAME' anywhere, as a last resort");
  done(&p);

  run(&p,
      "<html><body><article><h1>Headline here</h1>"
      "<p>by: Dana Smith, Dec 17, 2025</p><p>Body.</p></article></body>"
      "</html>",
      NULL);
  STR_EQ(p.m.author, "Dana Smith", "author: 'by:' opens a byline text");
  done(&p);

  run(&p,
      "<html><body><article><h1>Headline here</h1>"
      "<p>By <a href='/u/jquillfeather'>jquillfeather</a></p><p>Body.</p>"
      "</article></body></html>",
      NULL);
  STR_EQ(p.m.author, "jquillfeather", "author: a lower-case handle stays");
  done(&p);
  run(&p,
      "<html><head><meta name=author content='Dana Smith'>"
      "<meta property='og:site_name' content='Example'></head>"
      "<body><h1>Headline here</h1></body></html>",
      NULL);
  STR_EQ(p.m.author, "Dana Smith", "author: meta name=author");
  done(&p);

  run(&p,
      "<html><head><meta property='article:author' "
      "content='https://facebook.com/someone'></head><body>"
      "<article><h1>Headline here</h1>"
      "<div class='post-byline'>By <a href='/author/jo'>Jo March</a> | "
      "<time>June 5, 2024</time></div><p>Body.</p></article></body></html>",
      NULL);
  STR_EQ(p.m.author, "Jo March",
         "author: article:author URL ignored, byline cleaned of By/|/date");
  STR_EQ(p.m.date, "2024-06-05", "date: <time> text in the article");
  done(&p);

  run(&p,
      "<html><body><article><h1>Headline here</h1>"
      "<span class='author-name'>Written by Ann Lee, Senior Editor "
      "ann@example.com</span></article></body></html>",
      NULL);
  STR_EQ(p.m.author, "Ann Lee",
         "author: job title after a comma and e-mail dropped");
  done(&p);

  run(&p,
      "<html><head><script type='application/ld+json'>{\"@type\":\"Article\","
      "\"author\":[{\"name\":\"Ann Lee\"},{\"name\":\"Bob Roe\"}]}</script>"
      "</head><body><article><h1>Headline here</h1>"
      "<p class=byline>By <a>Ann Lee</a> and <a>Bob Roe</a></p>"
      "</article></body></html>",
      NULL);
  STR_EQ(p.m.author, "Ann Lee and Bob Roe",
         "author: byline naming the same people wins over JSON-LD list");
  done(&p);

  run(&p,
      "<html><body><div itemprop=author itemscope><span>Posted by</span>"
      "<span itemprop=name>Lee Park</span></div></body></html>",
      NULL);
  STR_EQ(p.m.author, "Lee Park", "author: itemprop=author > itemprop=name");
  done(&p);

  run(&p,
      "<html><head><meta name=author content='Example News'>"
      "<meta property='og:site_name' content='Example News'></head>"
      "<body><h1>Headline here</h1><p>By Kim Cho</p></body></html>",
      NULL);
  STR_EQ(p.m.author, "Kim Cho",
         "author: site name only as a last resort; 'By X' text after h1");
  done(&p);

  run(&p,
      "<html><head><meta name=author content='Example News'>"
      "<meta property='og:site_name' content='Example News'></head>"
      "<body><h1>Headline here</h1></body></html>",
      NULL);
  STR_EQ(p.m.author, "Example News", "author: site name kept if nothing else");
  done(&p);

  char *longname = repeat("<meta name=author content='", "Word ", 40, "'>");
  if (longname) {
    run(&p, longname, NULL);
    STR_EQ(p.m.author, "", "author: 40 words rejected");
    done(&p);
    free(longname);
  }
}

static void test_date(void) {
  page p;
  run(&p,
      "<html><head><meta property='article:modified_time' "
      "content='2023-05-06T10:00:00Z'><meta property="
      "'article:published_time' content='2022-06-16T05:42:17+00:00'>"
      "</head><body><div class=topbar>Friday, June 17, 2022</div>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.date, "2022-06-16", "date: published beats modified");
  done(&p);

  run(&p, "<html><head><meta name=date content='2022-13-45'></head></html>",
      NULL);
  STR_EQ(p.m.date, "", "date: 2022-13-45 rejected");
  done(&p);

  run(&p,
      "<html><head><meta name=date content='1990-01-01'>"
      "<meta name=pubdate content='2101-01-01'></head></html>",
      "https://example.com/2019/02/29/x");
  STR_EQ(p.m.date, "",
         "date: years before 1995/after 2100 and Feb 29 "
         "of a common year rejected");
  done(&p);

  run(&p, "<html><body><p>x</p></body></html>",
      "https://example.com/news/2022/06/16/some-story/");
  STR_EQ(p.m.date, "2022-06-16", "date: /YYYY/MM/DD/ in the URL");
  done(&p);
  run(&p, "<p>x</p>", "https://example.com/a/20220616/story.html");
  STR_EQ(p.m.date, "2022-06-16", "date: /YYYYMMDD/ in the URL");
  done(&p);
  run(&p, "<p>x</p>", "https://example.com/story-2024-02-29.html");
  STR_EQ(p.m.date, "2024-02-29", "date: -YYYY-MM-DD in the URL, leap day");
  done(&p);
  run(&p, "<p>x</p>", "https://example.com/blog/2023/october/03/wine");
  STR_EQ(p.m.date, "2023-10-03", "date: /YYYY/october/DD/ in the URL");
  done(&p);
  run(&p,
      "<html><head><meta property='og:url' "
      "content='https://example.com/2022/06/16/story/'></head>"
      "<body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2022-06-16", "date: in og:url when no URL is given");
  done(&p);

  /* Date keys known by their words. */
  run(&p,
      "<html><head><meta name='w-published-date' content='2025-05-27'>"
      "</head></html>",
      NULL);
  STR_EQ(p.m.date, "2025-05-27", "date: meta w-published-date");
  done(&p);
  run(&p, "<html><head><meta name='ms.date' content='03/06/2025'></head>",
      NULL);
  STR_EQ(p.m.date, "2025-03-06", "date: meta ms.date, month first");
  done(&p);
  run(&p,
      "<html><head><meta name='modified-date' content='2024-07-30'>"
      "</head></html>",
      NULL);
  STR_EQ(p.m.date_modified, "2024-07-30", "date: meta modified-date");
  done(&p);

  /* Day and month order by the page's locale. */
  run(&p,
      "<html lang=en><head><meta property=og:locale content=en_US>"
      "<meta name='article:published_time' content='03-09-2026'></head>"
      "</html>",
      NULL);
  STR_EQ(p.m.date, "2026-03-09", "date: 03-09-2026 on an en_US page");
  done(&p);
  run(&p,
      "<html lang=fr><head>"
      "<meta name='article:published_time' content='03-09-2026'></head>"
      "</html>",
      NULL);
  STR_EQ(p.m.date, "2026-09-03", "date: 03-09-2026 on a French page");
  done(&p);
  run(&p,
      "<html lang=en-GB><body><h1>Headline</h1><p>03/10/2023</p></body>"
      "</html>",
      NULL);
  STR_EQ(p.m.date, "2023-10-03", "date: 03/10/2023 on an en-GB page");
  done(&p);

  static const struct {
    const char *text, *want;
  } texts[] = {
      {"Posted on June 16, 2022 by staff", "2022-06-16"},
      {"16 June 2022", "2022-06-16"},
      {"16th June, 2022", "2022-06-16"},
      {"Sept. 3rd, 2021", "2021-09-03"},
      {"Updated 2022-06-16T10:00", "2022-06-16"},
      {"16.06.2022", "2022-06-16"},
      {"Jun 16, 2022", "2022-06-16"},
      {"12/25/2023", "2023-12-25"},
      {"25/12/2023", "2023-12-25"},
      {"16. Juni 2022", "2022-06-16"},
      {"16 de junio de 2022", "2022-06-16"},
      {"2022\xe5\xb9\xb4"
       "6\xe6\x9c\x88"
       "16\xe6\x97\xa5",
       "2022-06-16"},
      {"11-29-2024, 09:03 AM", "2024-11-29"},
      {"Joined: May 2, 2019", ""},
      {"Updated: January 2, 2026 | December 22, 2022", "2022-12-22"},
      {"Updated on May 3, 2024", "2024-05-03"},
      {"June 31, 2022", ""},
      {"Version 3.2.1 of 2022 notes", ""},
  };
  for (size_t i = 0; i < sizeof texts / sizeof texts[0]; i++) {
    char html[512];
    snprintf(html, sizeof html,
             "<html><body><h1>Headline</h1><p>%s</p></body></html>",
             texts[i].text);
    run(&p, html, NULL);
    char desc[200];
    snprintf(desc, sizeof desc, "date text: %s", texts[i].text);
    STR_EQ(p.m.date, texts[i].want, desc);
    done(&p);
  }

  /* The header-bar "today" date of the seed page is not the article's. */
  run(&p,
      "<html><body><div class=top><div class=bar><span>Friday, June 17, "
      "2022</span></div></div><div class=a><div class=b><div class=c>"
      "<article><header><h1>Headline</h1></header><p>Text without dates."
      "</p></article></div></div></div></body></html>",
      NULL);
  STR_EQ(p.m.date, "", "date: header bar far above the headline ignored");
  done(&p);

  run(&p,
      "<html><body><article><time datetime='2021-01-02'>Jan 2</time>"
      "<time class='published' datetime='2020-05-06T07:08:09+02:00'>"
      "</time></article></body></html>",
      NULL);
  STR_EQ(p.m.date, "2020-05-06", "date: <time> marked published wins");
  done(&p);

  /* A JSON-LD date written for people comes from a template; the date
   * shown under the headline is the article's. */
  run(&p,
      "<html><head><script type='application/ld+json'>{\"@type\":"
      "\"BlogPosting\",\"datePublished\":\"Jun 24, 2025\"}</script>"
      "</head><body><h1>Headline</h1><p>Jane Doe</p><p>August 25, 2024</p>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.date, "2024-08-25", "date: visible date beats JSON-LD 'Jun 24'");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>{\"@type\":"
      "\"BlogPosting\",\"datePublished\":\"Jun 24, 2025\"}</script>"
      "</head><body><h1>Headline</h1><p>No date here.</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-06-24", "date: JSON-LD 'Jun 24' when alone");
  done(&p);

  /* Hidden sources that disagree: the one shown under the headline wins;
   * a single hidden source stands against the visible date. */
  run(&p,
      "<html><head><meta property='article:published_time' "
      "content='2025-12-19T18:06:00Z'><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2018-04-03\"}"
      "</script></head><body><h1>Headline</h1><p>By Jane Doe</p>"
      "<p>Dec 19, 2025</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-19", "date: hidden sources disagree, shown wins");
  done(&p);
  /* A single hidden source stands when the page shows its date somewhere
   * (here at the foot, or as a <time>'s datetime) or when the date under
   * the headline is the modified date; a date the page never shows gives
   * way to the one under the headline. */
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2018-04-03\"}"
      "</script></head><body><h1>Headline</h1><p>By Jane Doe</p>"
      "<p>Dec 19, 2025</p><p>Text.</p><footer>First published 3 April 2018"
      "</footer></body></html>",
      NULL);
  STR_EQ(p.m.date, "2018-04-03", "date: one hidden source shown below stands");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2018-04-03\"}"
      "</script></head><body><h1>Headline</h1><p>By Jane Doe</p>"
      "<p><time datetime='2018-04-03'>Dec 19, 2025</time></p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2018-04-03", "date: one hidden source as <time> stands");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2018-04-03\","
      "\"dateModified\":\"2025-12-19\"}</script></head><body><h1>Headline"
      "</h1><p>By Jane Doe</p><p>Dec 19, 2025</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2018-04-03", "date: the shown date is the modified one");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2018-04-03\"}"
      "</script></head><body><h1>Headline</h1><p>By Jane Doe</p>"
      "<p>Dec 19, 2025</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-19", "date: a hidden date shown nowhere yields");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":"
      "\"2025-12-20T01:10:00+00:00\"}</script></head><body><h1>Headline"
      "</h1><p>By Jane Doe</p><p>Dec 19, 2025</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-20", "date: a day off a +00:00 time stands");
  done(&p);
  /* A time in UTC written with "Z" or with no zone was converted: the
   * day shown by the headline is the site's. */
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2025-12-20T01:10Z\"}"
      "</script></head><body><h1>Headline</h1><p>By Jane Doe</p>"
      "<p>Dec 19, 2025</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-19", "date: a day off a ...Z time: shown day");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2026-02-15 "
      "03:05:48\"}</script></head><body><h1>Headline</h1><p>Feb 14, 2026 "
      "| 9:05 pm</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2026-02-14", "date: a day off a zoneless time: shown");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"Article\",\"datePublished\":\"2024-09-10\"}"
      "</script></head><body><h1>Headline</h1><p>By Jane Doe</p>"
      "<p>09.10.2024</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2024-09-10", "date: 09.10.2024 shows 2024-09-10 too");
  done(&p);
  /* White space between elements does not use up the reach. */
  {
    char sp[4096];
    snprintf(sp, sizeof sp,
             "<html><head><script type='application/ld+json'>"
             "{\"@type\":\"Article\",\"datePublished\":\"2025-01-01\","
             "\"dateModified\":\"2025-01-01\"}</script></head><body>"
             "<h1>Headline</h1>%*s<div>%*s<p>Jane Doe</p>%*s</div>%*s"
             "<p>24 Apr 2000</p></body></html>",
             300, "", 300, "", 300, "", 300, "");
    run(&p, sp, NULL);
    STR_EQ(p.m.date, "2000-04-24", "date: indentation is one space");
    done(&p);
  }
  /* The same with the date just above the headline in its section. */
  run(&p,
      "<html><head><meta name=date content='2024-07-05'></head><body>"
      "<div class=site><a href=/>Home</a></div><main><div><p>Nutrition "
      "March 1, 2024</p><h1>Headline</h1><p>Text.</p></div></main>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.date, "2024-03-01", "date: shown above the headline wins");
  done(&p);
  /* A build stamp (datePublished = dateModified) with no date by the
   * headline gives way to an earlier date labelled "Published". */
  {
    char st[8192], fill[4096];
    memset(fill, 0, sizeof fill);
    for (size_t i = 0; i + 40 < sizeof fill; i += 35)
      memcpy(fill + i, "<p>Words words words words.</p>    ", 35);
    snprintf(st, sizeof st,
             "<html><head><script type='application/ld+json'>"
             "{\"@type\":\"Article\",\"datePublished\":"
             "\"2025-11-29T12:28:31-05:00\",\"dateModified\":"
             "\"2025-11-29T12:28:31-05:00\"}</script></head><body><h1>"
             "Headline</h1>%s<div>Published <time datetime='2025-08-13'>"
             "August 13, 2025</time></div></body></html>",
             fill);
    run(&p, st, NULL);
    STR_EQ(p.m.date, "2025-08-13", "date: build stamp, 'Published' below");
    done(&p);
  }
  /* A thread's "last post" date is not the page's. */
  run(&p,
      "<html><body><h1>Headline</h1><p>12 replies, last post by bob "
      "Jan 18, 2024</p><p>alice #1 Jan 14, 2024</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2024-01-14", "date: 'last post by NAME' skipped");
  done(&p);
  run(&p,
      "<html><head><script type='application/ld+json'>"
      "{\"@type\":\"BlogPosting\",\"datePublished\":"
      "\"2025-11-20T16:02:46.767Z\",\"dateModified\":"
      "\"2025-11-20T16:02:46.767Z\"}</script></head><body><h1>Headline"
      "</h1><p>Jane Doe</p><p>May 14, 2025</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-05-14",
         "date: datePublished = dateModified is a build stamp");
  done(&p);

  /* A date labelled "Published" far from the headline, and one labelled
   * "Last updated" when there is nothing else; a header bar's unlabelled
   * date is still ignored. */
  char big[8192];
  char filler[4096];
  memset(filler, 0, sizeof filler);
  for (size_t i = 0; i + 40 < sizeof filler; i += 35)
    memcpy(filler + i, "<p>Words words words words.</p>    ", 35);
  snprintf(big, sizeof big,
           "<html><body><div>Friday, June 17, 2022</div><h1>Headline</h1>"
           "%s<p>Published On: 12 August 2025</p></body></html>",
           filler);
  run(&p, big, NULL);
  STR_EQ(p.m.date, "2025-08-12", "date: 'Published On:' far below");
  done(&p);
  snprintf(big, sizeof big,
           "<html><body><h1>Headline</h1>%s<p>Last updated: <b>November "
           "13, 2025</b></p></body></html>",
           filler);
  run(&p, big, NULL);
  STR_EQ(p.m.date, "2025-11-13", "date: 'Last updated:' as a last resort");
  done(&p);
  run(&p,
      "<html><body><h1>Headline</h1><p>Text.</p><div><b>Last Updated: "
      "</b>June 2022</div></body></html>",
      NULL);
  STR_EQ(p.m.date, "2022-06-01", "date: 'Last Updated: June 2022'");
  done(&p);
  run(&p,
      "<html><body><h1>Headline</h1><p>Sales grew in June 2022.</p>"
      "</body></html>",
      NULL);
  STR_EQ(p.m.date, "", "date: an unlabelled month is no date");
  done(&p);
  /* An element whose class calls it the publication date, above the
   * headline in another section. */
  run(&p,
      "<html><body><div><div class='author'>Team</div><div "
      "class='published-date'>September 4, 2025</div></div><div><h1>"
      "Headline</h1><p>Text.</p></div></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-09-04", "date: class=published-date");
  done(&p);
  run(&p,
      "<html><body><div><div class='published-date updated'>September 4, "
      "2025</div></div><div><h1>Headline</h1><p>Text.</p></div></body>"
      "</html>",
      NULL);
  STR_EQ(p.m.date, "", "date: class=published-date updated is no label");
  done(&p);
  /* A page whose header is hidden until a script shows it: its <time>
   * is the last resort. */
  run(&p,
      "<html><body><div hidden><h1>Headline</h1><span><time "
      "datetime='2025-12-18T22:37:57Z'>18th Dec 2025</time></span></div>"
      "<p>Text.</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-18", "date: a hidden <time> as last resort");
  done(&p);
  /* "Written by NAME and NAME DATE" labels the date as published. */
  char big2[12288];
  snprintf(big2, sizeof big2,
           "<html><body><h1>Headline</h1>%s%s<p>Written by Tova Brannick and "
           "Ilse Marwood</p><p>April 8, 2024</p></body></html>",
           filler, filler);
  run(&p, big2, NULL);
  STR_EQ(p.m.date, "2024-04-08", "date: 'Written by NAME' labels a date");
  done(&p);
  snprintf(big2, sizeof big2,
           "<html><body><h1>Headline</h1>%s%s<p>Photo by staff April 8, "
           "2024</p></body></html>",
           filler, filler);
  run(&p, big2, NULL);
  STR_EQ(p.m.date, "", "date: 'Photo by staff' labels nothing");
  done(&p);
}

static void test_misc_fields(void) {
  page p;
  run(&p,
      "<html lang='en_US'><head>"
      "<meta name=description content='  A   short\n description. '>"
      "<meta property='og:description' content='Other'>"
      "<link rel=canonical href='/news/a-story?x=1'>"
      "</head><body></body></html>",
      "https://www.example.com/amp/a-story");
  STR_EQ(p.m.language, "en-US", "lang: html lang, '_' normalised");
  STR_EQ(p.m.description, "A short description.",
         "description: meta description, white space collapsed");
  STR_EQ(p.m.url, "https://www.example.com/news/a-story?x=1",
         "url: relative canonical resolved against the page URL");
  done(&p);

  run(&p,
      "<html><head><meta property='og:locale' content='pt_BR'>"
      "<meta property='og:url' content='https://example.com/og'>"
      "<meta property='og:description' content='From OG'></head></html>",
      NULL);
  STR_EQ(p.m.language, "pt-BR", "lang: og:locale pt_BR -> pt-BR");
  STR_EQ(p.m.url, "https://example.com/og", "url: og:url without canonical");
  STR_EQ(p.m.description, "From OG", "description: og:description");
  done(&p);

  run(&p,
      "<html><head><meta http-equiv='Content-Language' content='de-DE, en'>"
      "<link rel=canonical href='//cdn.example.com/x'></head></html>",
      "https://example.com/y");
  STR_EQ(p.m.language, "de-DE", "lang: content-language, first value");
  STR_EQ(p.m.url, "https://cdn.example.com/x", "url: scheme-relative");
  done(&p);

  run(&p, "<html lang='en\" onload=x'><body></body></html>", NULL);
  STR_EQ(p.m.language, "", "lang: junk rejected");
  done(&p);

  run(&p,
      "<html><head><link rel=canonical href='viewtopic.php?id=7'>"
      "<meta property='og:url' content='https://forum.example.org/t/7'>"
      "</head></html>",
      NULL);
  STR_EQ(p.m.url, "https://forum.example.org/t/7",
         "url: relative canonical without a page URL gives way to og:url");
  done(&p);

  run(&p, "<html><head><link rel=canonical href='/a/b'></head></html>", NULL);
  STR_EQ(p.m.url, "", "url: a relative canonical alone is no address");
  done(&p);
}

static void test_lists(void) {
  page p;
  run(&p,
      "<html><head><meta property='article:section' content='World'>"
      "<meta property='article:tag' content='Harbours'>"
      "<meta property='article:tag' content='ferries'>"
      "<meta property='article:tag' content='Ferries'>"
      "</head><body><a rel='category tag' href=/c>Ignored</a></body></html>",
      NULL);
  INT_EQ(p.m.ncategories, 1, "lists: article:section");
  INT_EQ(p.m.ntags, 2, "lists: article:tag deduplicated case-insensitively");
  if (p.m.ntags == 2) {
    STR_EQ(p.m.tags[0], "Harbours", "lists: order kept (1)");
    STR_EQ(p.m.tags[1], "ferries", "lists: order kept, first spelling (2)");
  }
  done(&p);

  run(&p,
      "<html><body><article><p>Text.</p><footer>"
      "<a rel='category tag' href='/c/news'>News</a>"
      "<a rel=tag href='/t/a'>Alpha</a><a rel=tag href='/t/b'> Beta </a>"
      "</footer></article></body></html>",
      NULL);
  INT_EQ(p.m.ncategories, 1, "lists: WordPress rel='category tag'");
  INT_EQ(p.m.ntags, 2, "lists: rel=tag links in the article's footer");
  if (p.m.ntags == 2)
    STR_EQ(p.m.tags[1], "Beta", "lists: link text trimmed");
  done(&p);

  /* A site-wide "trending" box beside the article, and one in a plain
   * div after it: their tags are not the article's. */
  run(&p,
      "<html><body><div class=trending><a rel=tag href='/t/x'>Elections</a>"
      "<a rel=tag href='/t/y'>Weather</a></div>"
      "<article><p>Text.</p><a rel=tag href='/t/a'>Alpha</a></article>"
      "<aside><a rel=tag href='/t/z'>Football</a></aside>"
      "<div><a rel=tag href='/t/w'>Recipes</a></div></body></html>",
      NULL);
  INT_EQ(p.m.ntags, 1, "lists: rel=tag only from the article's region");
  if (p.m.ntags == 1)
    STR_EQ(p.m.tags[0], "Alpha", "lists: the article's own tag");
  done(&p);

  /* Without a content root (none found), no rel=tag link counts. */
  run(&p, "<html><body><a rel=tag href='/t/x'>Elections</a></body></html>",
      NULL);
  INT_EQ(p.m.ntags, 0, "lists: no content region, no rel=tag links");
  done(&p);

  /* 60 distinct tags: capped at 50. */
  char html[8192];
  size_t o = 0;
  o += (size_t)snprintf(html + o, sizeof html - o, "<html><head>");
  for (int i = 0; i < 60 && o < sizeof html - 100; i++)
    o += (size_t)snprintf(html + o, sizeof html - o,
                          "<meta property='article:tag' content='tag%d'>", i);
  run(&p, html, NULL);
  INT_EQ(p.m.ntags, 50, "lists: capped at 50 items");
  done(&p);
}

static void test_hostile(void) {
  page p;
  /* A 2 MB attribute value. */
  char *huge =
      repeat("<html><head><meta name=description content='", "x", 2u << 20,
             "'><meta name=author content='Al Bo'>"
             "</head></html>");
  if (huge) {
    run(&p, huge, NULL);
    INT_EQ(p.rc, 0, "hostile: 2 MB attribute ok");
    OK(strlen(p.m.description) <= 4096, "hostile: description capped");
    STR_EQ(p.m.author, "Al Bo", "hostile: fields after a huge attribute");
    done(&p);
    free(huge);
  }
  /* 100000 nested elements with a class that looks like a byline. */
  char *nest = repeat("<html><body><h1>Title</h1>", "<div class=author>",
                      100000, "By Deep Name</body>");
  if (nest) {
    run(&p, nest, NULL);
    INT_EQ(p.rc, 0, "hostile: 100000-deep nesting ok");
    done(&p);
    free(nest);
  }
  /* Many bylines and headings: bounded work, no crash. */
  char *wide = repeat("<html><body>",
                      "<h1>Same</h1><span class=byline>By A B</span>"
                      "<time datetime=2020-01-01></time>",
                      20000, "</body></html>");
  if (wide) {
    run(&p, wide, NULL);
    INT_EQ(p.rc, 0, "hostile: 20000 headings and bylines ok");
    STR_EQ(p.m.title, "Same", "hostile: first heading");
    done(&p);
    free(wide);
  }
  /* Invalid bytes and stray NUL-free binary junk in attributes. */
  run(&p,
      "<html><head><title>\xff\xfe bad \xc3</title>"
      "<meta property='og:title' content='\x01\x02\x7f ok'></head></html>",
      NULL);
  INT_EQ(p.rc, 0, "hostile: invalid UTF-8 and control bytes ok");
  done(&p);
}

/* The shared seed page FILE.  Returns 0 when it was checked, 1 when it could
 * not be read (the one check is then a TAP skip). */
static int test_seed(const char *path) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    char reason[4200];
    snprintf(reason, sizeof reason, "seed page %s not found", path);
    SKIP("seed: metadata of the shared seed page", reason);
    return 1;
  }
  char *buf = malloc(1u << 22);
  size_t n = buf ? fread(buf, 1, (1u << 22) - 1, f) : 0;
  fclose(f);
  if (!OK(buf != NULL, "seed: buffer allocated"))
    return 0;
  buf[n] = '\0';
  page p;
  run(&p, buf, NULL);
  STR_EQ(p.m.title,
         "Relations and dialogue with the United States should continue, "
         "Russia",
         "seed: title without the site name");
  STR_EQ(p.m.sitename, "Alliance News", "seed: sitename");
  STR_EQ(p.m.author, "News Desk", "seed: author");
  STR_EQ(p.m.date, "2022-06-16", "seed: publication date, not the top bar");
  INT_EQ(p.m.ncategories, 1, "seed: one category");
  if (p.m.ncategories == 1)
    STR_EQ(p.m.categories[0], "International", "seed: category");
  INT_EQ(p.m.ntags, 3, "seed: three tags");
  if (p.m.ntags == 3) {
    STR_EQ(p.m.tags[0], "Kremlin", "seed: tag 1");
    STR_EQ(p.m.tags[1], "Russia", "seed: tag 2");
    STR_EQ(p.m.tags[2], "United States", "seed: tag 3");
  }
  STR_EQ(p.m.language, "en-US", "seed: language");
  done(&p);
  free(buf);
  return 0;
}

/* date_modified, image and license (issue 3). */
static void test_image_license_modified(void) {
  page p;
  run(&p,
      "<html><head><meta property=\"og:image\" content=\"/img/a.jpg\">"
      "<meta property=\"article:published_time\" content=\"2022-06-16\">"
      "<meta property=\"article:modified_time\" "
      "content=\"2022-06-18T10:00:00Z\">"
      "<link rel=\"license\" href=\"/licence.html\"></head>"
      "<body><p>x</p></body></html>",
      "https://example.com/news/a");
  STR_EQ(p.m.image, "https://example.com/img/a.jpg", "og:image, made absolute");
  STR_EQ(p.m.date, "2022-06-16", "publication date kept apart");
  STR_EQ(p.m.date_modified, "2022-06-18", "article:modified_time");
  STR_EQ(p.m.license, "https://example.com/licence.html", "rel=license");
  done(&p);

  run(&p,
      "<html><head><script type=\"application/ld+json\">{\"@type\":"
      "\"NewsArticle\",\"datePublished\":\"2022-06-16\",\"dateModified\":"
      "\"2022-06-10\",\"image\":[{\"@type\":\"ImageObject\",\"url\":"
      "\"https://cdn.example/b.png\"}]}</script></head><body>"
      "<p>Text <a href=\"https://creativecommons.org/licenses/by/4.0/\">"
      "CC BY 4.0</a></p></body></html>",
      NULL);
  STR_EQ(p.m.image, "https://cdn.example/b.png", "JSON-LD ImageObject url");
  STR_EQ(p.m.date_modified, "",
         "a modified date before publication is rejected");
  STR_EQ(p.m.license, "https://creativecommons.org/licenses/by/4.0/",
         "a Creative Commons link is the license");
  done(&p);

  /* A publication time months after the modification is a build stamp
   * when another publication date precedes the modification. */
  run(&p,
      "<html><head><meta name=published-time content='2026-03-09T08:45:32Z'>"
      "<meta name=modified-date content='2024-07-30'>"
      "<meta name=published-date content='2021-02-16'></head>"
      "<body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2021-02-16",
         "a publication date months after the modification gives way");
  STR_EQ(p.m.date_modified, "2024-07-30", "and the modified date stands");
  done(&p);

  run(&p,
      "<html><head><meta name=published-time content='2026-03-09T08:45:32Z'>"
      "<meta name=modified-date content='2024-07-30'></head>"
      "<body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2026-03-09",
         "without another publication date, the first one stands");
  done(&p);

  /* A UTC publication time is taken as written, unless the URL puts the
   * page under the day before or after (the day of the site's zone). */
  run(&p,
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2025-12-19T02:41:41+00:00\"></head><body><article>"
      "<time datetime=\"2025-12-18T21:46:01-05:00\">Dec 18</time>"
      "<p>x</p></article></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-19", "UTC time as written");
  done(&p);
  run(&p,
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2025-12-19T02:41:41+00:00\"><link rel=canonical "
      "href=\"https://example.com/2025/12/18/story/\"></head><body>"
      "<p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.date, "2025-12-18", "the URL's day, a day before the UTC time");
  done(&p);
  run(&p,
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2024-12-31T23:30:00Z\"></head><body><p>x</p></body></html>",
      "https://example.com/2025/01/01/story/");
  STR_EQ(p.m.date, "2025-01-01", "and the day after, across a year");
  done(&p);
  run(&p,
      "<html><head><meta property=\"article:published_time\" "
      "content=\"2024-12-20T23:30:00Z\"></head><body><p>x</p></body></html>",
      "https://example.com/2024/11/03/story/");
  STR_EQ(p.m.date, "2024-12-20", "a URL date further off is not the day");
  done(&p);

  run(&p,
      "<html><head><meta property=\"og:image\" content=\"data:x\">"
      "</head><body><p>x</p></body></html>",
      NULL);
  STR_EQ(p.m.image, "", "data: URLs are no image address");
  STR_EQ(p.m.license, "", "no license");
  done(&p);
}

/* A main <h1> chosen for sharing words with <title> alone competes with
 * <title>'s headline (title_doc); pith__meta_settle_title(), which
 * pith__meta_extract() calls once it knows the page type, picks <title>'s
 * on a service page. */
static void test_title_settle(void) {
  page p;
  const char *landing =
      "<html><head><title>Small Business Invoicing Software | Example"
      "</title></head><body><h1>Invoicing software that keeps you paid"
      "</h1><p>x</p></body></html>";
  run(&p, landing, "https://example.com/invoicing");
  STR_EQ(p.m.page_type, "service", "settle: a landing page is a service");
  STR_EQ(p.m.title, "Small Business Invoicing Software",
         "settle: the metadata stage settles a service page's title");
  STR_EQ(p.m.title_doc, "Small Business Invoicing Software",
         "settle: <title>'s headline is kept beside the h1");
  /* The settling step on its own, from the provisional title (the h1). */
  const char *h1 = "Invoicing software that keeps you paid";
  p.m.title = h1;
  p.m.page_type = "article";
  pith__meta_settle_title(&p.m);
  STR_EQ(p.m.title, h1, "settle: an article keeps its h1");
  p.m.page_type = "collection";
  pith__meta_settle_title(&p.m);
  STR_EQ(p.m.title, h1, "settle: a collection keeps its h1");
  p.m.page_type = "service";
  pith__meta_settle_title(&p.m);
  STR_EQ(p.m.title, "Small Business Invoicing Software",
         "settle: a service page goes by <title>");
  done(&p);

  /* An h1 that og:title agrees with is not in question. */
  run(&p,
      "<html><head><title>Small Business Invoicing Software | Example"
      "</title><meta property=\"og:title\" content=\"Invoicing software that "
      "keeps you paid\"></head><body><h1>Invoicing software that keeps "
      "you paid</h1><p>x</p></body></html>",
      "https://example.com/invoicing");
  STR_EQ(p.m.title_doc, "", "settle: nothing competes with an agreed h1");
  p.m.page_type = "service";
  pith__meta_settle_title(&p.m);
  STR_EQ(p.m.title, "Invoicing software that keeps you paid",
         "settle: an agreed h1 stays on a service page");
  done(&p);

  /* Nor is an h1 that says what <title> says. */
  run(&p,
      "<html><head><title>Invoicing Software | Example</title></head>"
      "<body><h1>Invoicing software</h1><p>x</p></body></html>",
      "https://example.com/invoicing");
  STR_EQ(p.m.title_doc, "", "settle: nothing competes with an equal h1");
  done(&p);

  /* Without an h1 there is nothing to settle. */
  run(&p,
      "<html><head><title>Small Business Invoicing Software | Example"
      "</title></head><body><p>x</p></body></html>",
      "https://example.com/invoicing");
  STR_EQ(p.m.title, "Small Business Invoicing Software", "settle: no h1");
  STR_EQ(p.m.title_doc, "", "settle: no h1, no competitor");
  done(&p);
}

int main(int argc, char **argv) {
  if (argc == 3 && strcmp(argv[1], "--seed") == 0) {
    int skipped = test_seed(argv[2]);
    int rc = done_testing();
    return skipped ? TAP_SKIP_EXIT : rc;
  }
  if (argc != 1) {
    fprintf(stderr, "usage: test_meta [--seed FILE]\n");
    return 2;
  }
  test_image_license_modified();
  test_empty();
  test_title();
  test_title_choice();
  test_title_settle();
  test_jsonld();
  test_author();
  test_date();
  test_misc_fields();
  test_lists();
  test_hostile();
  return done_testing();
}
