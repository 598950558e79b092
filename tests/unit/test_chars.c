/* SPDX-License-Identifier: MIT */
/*
 * test_chars.c - control and invisible characters never reach the output:
 * C0 and C1 controls (other than tab and newline), soft hyphens and
 * zero-width characters go, no-break spaces become spaces, ruby
 * annotations are not text - in the text, the comments and the metadata,
 * in every output format.  JSON escapes U+2028 and U+2029.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

#include "harness.h"
#include "tree.h"

/* The characters that must not appear, as UTF-8. */
static const char *const banned[] = {"\x01",
                                     "\x08",
                                     "\x0b",
                                     "\x0c",
                                     "\x0d",
                                     "\x1b",
                                     "\x7f",
                                     "\xc2\x80",
                                     "\xc2\x85",
                                     "\xc2\x9f", /* C1 controls */
                                     "\xc2\xa0",
                                     "\xe2\x80\x87",
                                     "\xe2\x80\xaf", /* no-break spaces */
                                     "\xc2\xad",     /* soft hyphen */
                                     "\xe2\x80\x8b",
                                     "\xe2\x80\x8c",
                                     "\xe2\x80\x8d",
                                     "\xe2\x81\xa0",
                                     "\xef\xbb\xbf", /* zero-width */
                                     NULL};

static int clean(const char *s) {
  if (!s)
    return 0;
  for (size_t i = 0; banned[i]; i++)
    if (strstr(s, banned[i]))
      return 0;
  return 1;
}

/* Every kind of character, in the text, the title, a description, the
 * JSON-LD author (as \u escapes), an image's alt text and a comment. */
static const char page[] =
    "<html><head><title>Ti\x01tle&nbsp;of\xc2\xadthe&#x200B;page</title>"
    "<meta name=description content='De&#8203;scrip&#160;tion\x7f'>"
    "<script type='application/ld+json'>{\"@type\":\"NewsArticle\","
    "\"author\":{\"@type\":\"Person\",\"name\":\"Ann\\u00a0Lee\\u200b"
    "\\u0007\"}}</script></head><body><article>"
    "<h1>Ti\x01tle&nbsp;of\xc2\xadthe&#x200B;page</h1>"
    "<p>Zero&#8203;width, joiner&#8205;s, soft&shy;hyphen, word&#8288;joiner,"
    " bom&#xFEFF;, no&nbsp;break, figure&#8199;space, narrow&#8239;space, "
    "bell\x07, escape\x1b, C1\xc2\x85next, line&#8232;separator, and enough "
    "other words to make this paragraph the article's main text.</p>"
    "<p>A <ruby>漢<rp>(</rp><rt>kan</rt><rp>)</rp></ruby> reading, and an "
    "image <img src=a.png alt='al&#173;t&nbsp;text'> inside a sentence "
    "that goes on for a while longer.</p>"
    "<pre>code\r\nline\rtwo\fthree&nbsp;four</pre>"
    "</article><div id=comments><div class=comment><p>A com&#8203;ment with"
    " a no&nbsp;break space and a bell\x07 in it, long enough.</p></div>"
    "</div></body></html>";

int main(void) {
  pith_result *res = NULL;
  pith_extractor *ex = pith_extractor_new(PITH_OPT_IMAGES | PITH_OPT_LINKS |
                                          PITH_OPT_FORMATTING);
  INT_EQ(pith_extractor_extract(ex, page, sizeof page - 1,
                                "https://example.org/a\x01\xe2\x80\x8b", NULL,
                                &res),
         PITH_OK, "extracted");
  if (!res)
    return done_testing();
  const char *text = pith_result_text(res);
  OK(clean(text), "text: clean");
  OK(strstr(text, "Zerowidth, joiners, softhyphen, wordjoiner, bom, "
                  "no break, figure space, narrow space, bell, escape, "
                  "C1next") != NULL,
     "text: invisible characters gone, no-break spaces are spaces");
  OK(strstr(text, "A 漢 reading") != NULL, "text: ruby annotations left out");
  OK(strstr(text, "code\nline\ntwo") != NULL && strstr(text, "three four"),
     "text: CR LF and lone CR are newlines, in code too");
  OK(clean(pith_result_title(res)), "title: clean");
  STR_EQ(pith_result_title(res), "Title ofthepage", "title: as read");
  OK(clean(pith_result_description(res)), "description: clean");
  OK(clean(pith_result_author(res)), "author (JSON-LD escapes): clean");
  STR_EQ(pith_result_author(res), "Ann Lee", "author: as read");
  OK(clean(pith_result_url(res)), "url given by the caller: clean");
  OK(clean(pith_result_comments(res)), "comments: clean");
  OK(strstr(pith_result_comments(res), "A comment with a no break space") !=
         NULL,
     "comments: as read");
  char *s = pith_render_json(res, "page");
  OK(clean(s), "JSON: clean");
  OK(s && strstr(s, "line\\u2028separator") != NULL, "JSON: U+2028 escaped");
  OK(s && !strstr(s, "\xe2\x80\xa8"), "JSON: no raw U+2028");
  pith_free(s);
  s = pith_render_markdown(res, PITH_OPT_IMAGES | PITH_OPT_LINKS);
  OK(clean(s), "Markdown: clean");
  OK(s && strstr(s, "alt text") != NULL, "Markdown: alt text clean");
  pith_free(s);
  s = pith_render_xml(res, PITH_OPT_IMAGES | PITH_OPT_FORMATTING);
  OK(clean(s), "XML: clean");
  pith_free(s);
  s = pith_render_html(res, PITH_OPT_IMAGES | PITH_OPT_FORMATTING);
  OK(clean(s), "HTML: clean");
  pith_free(s);
  pith_result_free(res);
  pith_extractor_free(ex);

  /* The cleaner itself: it only shrinks, and leaves other text alone. */
  char buf[] = "a\r\nb\rc\x0c"
               "d\xc2\x85"
               "e\xe2\x80\x94"
               "f\xc3\xa9";
  size_t n = pith__clean_text(buf, strlen(buf));
  buf[n] = '\0';
  STR_EQ(buf,
         "a\nb\nc de\xe2\x80\x94"
         "f\xc3\xa9",
         "clean_text: controls go, other characters stay");
  return done_testing();
}
