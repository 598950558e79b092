/* SPDX-License-Identifier: MIT */
/*
 * test_pagetype.c - unit tests for the page-type classifier
 * (lib/pagetype.c) through the public API: one small page of each type,
 * built from the signals the classifier reads (schema.org types, og:type,
 * address shapes, cart buttons and prices, posts, code blocks, linked
 * headings, calls to action), and a page with no metadata at all, which
 * stays an article.  Then the signals added later, each shown flipping a
 * page's type: a date above the first paragraph (in several forms, and
 * look-alikes that are not dates), a blog folder and a long slug in the
 * address, a title that reads like a headline, a relative canonical
 * address, a home page, an index of dated links, and a short title, which
 * alone is no evidence.  Also checks that a service page takes <title>
 * over an <h1> it does not agree with, and that a forum's replies become its
 * text when the extract stage missed them.
 */
#include <stdio.h>
#include <string.h>

#include <pith/pith.h>

#include "harness.h"

#define PROSE                                                                  \
  "<p>The harbour ferry went back into service on Wednesday after four "       \
  "months in the boatyard, where workers replaced its engine and most of "     \
  "the wooden deck. Passengers were waiting on the quay before dawn.</p>"

static char page[65536];

static const char *type_of(const char *html, const char *url) {
  static char got[32];
  pith_result *r = NULL;
  got[0] = '\0';
  if (pith_extract(html, strlen(html), url, 0, &r) == PITH_OK) {
    snprintf(got, sizeof got, "%s", pith_result_page_type(r));
    pith_result_free(r);
  }
  return got;
}

/* Append `times` copies of `piece` to page at *n. */
static void repeat(size_t *n, const char *piece, int times) {
  size_t len = strlen(piece);
  for (int i = 0; i < times && *n + len + 1 < sizeof page; i++) {
    memcpy(page + *n, piece, len);
    *n += len;
  }
  page[*n] = '\0';
}

static void put(size_t *n, const char *s) { repeat(n, s, 1); }

/* A small business-like page: a heading, `above` (a dateline, a byline or
 * nothing) before two paragraphs of prose, and a phone link.  `title` and
 * `head` go into the head. */
static const char *small_page(const char *title, const char *head,
                              const char *above) {
  size_t n = 0;
  put(&n, "<html><head><title>");
  put(&n, title);
  put(&n, "</title>");
  put(&n, head);
  put(&n, "</head><body><h1>Harbour ferry</h1>");
  put(&n, above);
  repeat(&n, PROSE, 2);
  put(&n, "<p><a href=\"tel:+15550100\">Call the harbour office</a></p>"
          "</body></html>");
  return page;
}

int main(void) {
  size_t n = 0;
  put(&n, "<html><head><meta property=\"og:type\" content=\"article\">"
          "<meta name=\"author\" content=\"Jane Doe\">"
          "<meta property=\"article:published_time\" "
          "content=\"2023-04-12T08:00:00Z\"></head><body><article>"
          "<h1>Ferry back</h1>");
  repeat(&n, PROSE, 6);
  put(&n, "</article></body></html>");
  STR_EQ(type_of(page, "https://news.example/2023/04/12/ferry-back-in-"
                       "service"),
         "article", "a dated, signed story is an article");

  n = 0;
  put(&n, "<html><body><article><h1>Ferry back</h1>");
  repeat(&n, PROSE, 3);
  put(&n, "</article></body></html>");
  STR_EQ(type_of(page, NULL), "article", "no evidence: article");

  n = 0;
  put(&n, "<html><head><script type=\"application/ld+json\">{\"@context\":"
          "\"https://schema.org\",\"@type\":\"Product\",\"name\":\"Wool "
          "runner\",\"offers\":{\"@type\":\"Offer\",\"price\":\"98.00\"}}"
          "</script></head><body><h1>Wool runner</h1><p class=\"price\">"
          "$98.00</p><form><button name=\"add\">Add to cart</button></form>");
  put(&n, PROSE);
  put(&n, "</body></html>");
  STR_EQ(type_of(page, "https://shop.example/products/wool-runner"), "product",
         "one Product with a cart button is a product page");

  n = 0;
  put(&n, "<html><body><h1>Sneakers</h1><div class=\"grid\">");
  repeat(&n,
         "<div class=\"product-card\" itemscope itemtype=\"https://schema.org/"
         "Product\"><a href=\"/products/x\">Runner</a><span class=\"price\">"
         "$98</span><button class=\"add-to-cart\">Add to cart</button></div>",
         20);
  put(&n, "</div></body></html>");
  STR_EQ(type_of(page, "https://shop.example/collections/sneakers"),
         "collection", "a grid of products is a collection");

  n = 0;
  put(&n, "<html><head><script type=\"application/ld+json\">{\"@type\":"
          "\"QAPage\",\"mainEntity\":{\"@type\":\"Question\"}}</script>"
          "</head><body><h1>How do I book a ferry?</h1>");
  repeat(&n, "<div class=\"post\"><time>2023</time>" PROSE "</div>", 6);
  put(&n, "</body></html>");
  STR_EQ(type_of(page, "https://ask.example/questions/12/how-do-i-book"),
         "forum", "a Q&A page is a forum");

  n = 0;
  put(&n, "<html><body><div class=\"sphinxsidebar toc\"></div>"
          "<div class=\"documentation\"><h1>Quickstart</h1>");
  repeat(&n,
         "<p>Call <code>connect()</code> first:</p><pre>conn = "
         "connect(url)\nconn.send(data)</pre>",
         6);
  put(&n, "</div></body></html>");
  STR_EQ(type_of(page, "https://lib.example/docs/quickstart.html"),
         "documentation", "code and a docs address are documentation");

  n = 0;
  put(&n, "<html><body><h1>News</h1>");
  repeat(&n,
         "<div class=\"teaser\"><h3><a href=\"/a\">A headline long "
         "enough to be a teaser's title</a></h3><p>Short.</p></div>",
         12);
  put(&n, "</body></html>");
  STR_EQ(type_of(page, "https://site.example/news"), "listing",
         "an index of linked headlines is a listing");

  n = 0;
  put(&n, "<html><body><h1>Residential moving</h1>");
  repeat(&n, PROSE, 2);
  put(&n, "<a href=\"/quote\">Get a quote</a> <a href=\"/contact\">Contact "
          "us</a></body></html>");
  STR_EQ(type_of(page, "https://movers.example/services/residential"),
         "service",
         "an undated business page with calls to action is a "
         "service");

  /* A date above the first paragraph speaks for an article; without it
   * the phone link makes a business page. */
  STR_EQ(type_of(small_page("Harbour ferry", "", ""),
                 "https://harbour.example/ferry-crossing-times"),
         "service", "an undated page with a phone link is a service");
  static const char *const dates[] = {
      "<p class=\"meta\">March 3, 2024</p>", "<div>3 mars 2024</div>",
      "<span>2024-03-03</span>", "<span>03/03/2024</span>",
      "<span>Posted 3 days ago</span>"};
  for (size_t i = 0; i < sizeof dates / sizeof dates[0]; i++)
    STR_EQ(type_of(small_page("Harbour ferry", "", dates[i]),
                   "https://harbour.example/ferry-crossing-times"),
           "article", "a date above the prose makes it an article");
  static const char *const not_dates[] = {
      "<p>Call 555-1234</p>", "<p>Version 2.0.1</p>", "<p>From $19.99</p>",
      "<p>Open 7 days</p>"};
  for (size_t i = 0; i < sizeof not_dates / sizeof not_dates[0]; i++)
    STR_EQ(type_of(small_page("Harbour ferry", "", not_dates[i]),
                   "https://harbour.example/ferry-crossing-times"),
           "service", "numbers that are not dates are not a date");

  /* The address: a page in a blog folder, with a long slug. */
  STR_EQ(type_of(small_page("Harbour ferry", "", ""),
                 "https://harbour.example/blog/"
                 "the-ferry-returns-after-four-months"),
         "article", "a long slug in a blog folder is an article");
  /* A title that reads like a headline. */
  STR_EQ(type_of(small_page("How the ferry got its new engine", "", ""),
                 "https://harbour.example/ferry-crossing-times"),
         "article", "a headline title speaks for an article");
  /* A home page with calls to action is a business's page. */
  n = 0;
  put(&n, "<html><head><title>Harbour Movers</title></head><body>"
          "<h1>Moving made easy</h1>");
  put(&n, PROSE);
  put(&n, "<a href=\"/quote\">Get a quote</a></body></html>");
  STR_EQ(type_of(page, "https://movers.example/"), "service",
         "a home page with a call to action is a service page");
  /* A relative canonical address is a path: viewtopic.php names a
   * forum. */
  STR_EQ(type_of(small_page("Harbour ferry",
                            "<link rel=\"canonical\" "
                            "href=\"viewtopic.php?id=12\">",
                            ""),
                 NULL),
         "forum", "a relative canonical address is read as a path");

  /* An index of dated links, with no prose of its own. */
  n = 0;
  put(&n, "<html><head><title>Harbour news</title></head><body>"
          "<h1>Harbour news</h1><ul>");
  repeat(&n,
         "<li><a href=\"/a\">The ferry is back in service after four "
         "months</a> <span>March 3, 2024</span></li>",
         10);
  put(&n, "</ul></body></html>");
  STR_EQ(type_of(page, NULL), "listing",
         "dated links and no prose make a listing");

  /* A short title is evidence only next to something else. */
  n = 0;
  put(&n, "<html><head><title>Ferry</title></head><body>");
  repeat(&n, PROSE, 3);
  put(&n, "</body></html>");
  STR_EQ(type_of(page, NULL), "article", "a short title alone: article");

  /* A forum whose replies sit in comment markup and outweigh the text
   * kept: they become the text. */
  n = 0;
  put(&n, "<html><head><script type=\"application/ld+json\">{\"@type\":"
          "\"DiscussionForumPosting\"}</script></head><body><article>"
          "<h1>Ferry timetable</h1>");
  put(&n, PROSE);
  put(&n, "</article><div id=\"comments\">");
  repeat(&n,
         "<div class=\"comment-content\"><p>The winter timetable "
         "starts in October, and the last crossing is at nine in the "
         "evening on weekdays and at ten on Saturdays.</p></div>",
         3);
  put(&n, "</div></body></html>");
  pith_result *r = NULL;
  if (OK(pith_extract(page, strlen(page), "https://forum.example/t/ferry/1", 0,
                      &r) == PITH_OK,
         "forum page extracts")) {
    STR_EQ(pith_result_page_type(r), "forum", "forum page type");
    OK(strstr(pith_result_text(r), "winter timetable") != NULL,
       "a forum's replies are part of its text");
    STR_EQ(pith_result_comments(r), "", "and not comments");
  }
  pith_result_free(r);

  /* The page type settles the title: a service page whose <h1> only
   * shares a word with <title> goes by <title>, an article by its <h1>. */
  n = 0;
  put(&n, "<html><head><title>Ferry crossings and timetables | Harbour"
          "</title></head><body><h1>Your harbour ferry</h1>");
  repeat(&n, PROSE, 2);
  put(&n, "<p><a href=\"tel:+15550100\">Call the harbour office</a></p>"
          "</body></html>");
  r = NULL;
  if (OK(pith_extract(page, strlen(page), "https://harbour.example/ferry", 0,
                      &r) == PITH_OK,
         "service page extracts")) {
    STR_EQ(pith_result_page_type(r), "service", "service page type");
    STR_EQ(pith_result_title(r), "Ferry crossings and timetables",
           "a service page goes by <title>");
  }
  pith_result_free(r);
  n = 0;
  put(&n, "<html><head><title>Ferry crossings and timetables | Harbour"
          "</title></head><body><h1>Your harbour ferry</h1>"
          "<p class=\"meta\">March 3, 2024</p>");
  repeat(&n, PROSE, 2);
  put(&n, "<p><a href=\"tel:+15550100\">Call the harbour office</a></p>"
          "</body></html>");
  r = NULL;
  if (OK(pith_extract(page, strlen(page), "https://harbour.example/ferry", 0,
                      &r) == PITH_OK,
         "dated page extracts")) {
    STR_EQ(pith_result_page_type(r), "article", "dated page type");
    STR_EQ(pith_result_title(r), "Your harbour ferry",
           "an article goes by its <h1>");
  }
  pith_result_free(r);

  r = NULL;
  if (OK(pith_extract(page, strlen(page), NULL, PITH_OPT_NO_METADATA, &r) ==
             PITH_OK,
         "extracts without metadata"))
    STR_EQ(pith_result_page_type(r), "", "no page type without metadata");
  pith_result_free(r);
  return done_testing();
}
