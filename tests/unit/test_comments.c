/* SPDX-License-Identifier: MIT */
/*
 * test_comments.c - unit tests for reader comments (lib/comments.c)
 * through the public API: comments in WordPress-style markup (a wrapper
 * "comment-body" holding the author line and the "comment-content") come
 * out one per paragraph in page order and never in the text; the reply
 * form, its hidden messages and "Reply" links are left out; a comment area
 * without body markup gives its paragraphs; PITH_OPT_NO_COMMENTS skips
 * them; and a page whose main content is the comment thread keeps the
 * posts in the text without repeating them.
 */
#include <stdio.h>
#include <string.h>

#include <pith/pith.h>

#include "harness.h"

#define PROSE                                                                  \
  "<p>The harbour ferry went back into service on Wednesday after four "       \
  "months in the boatyard, where workers replaced its engine and most of "     \
  "the wooden deck. Passengers were waiting on the quay before dawn.</p>"      \
  "<p>The town council paid for the repairs from its maintenance budget, "     \
  "and the operator says the timetable will stay as it was last summer, "      \
  "with the first crossing at six and the last at eleven at night.</p>"

static const char wp_page[] =
    "<html><body><article><h1>Ferry back in service</h1>" PROSE "</article>"
    "<div id=\"comments\" class=\"comments-area\">"
    "<h2 class=\"comments-title\">2 thoughts on this</h2>"
    "<ol class=\"comment-list\">"
    "<li class=\"comment even depth-1\" id=\"comment-1\">"
    "<article class=\"comment-body\"><footer class=\"comment-meta\">"
    "<b class=\"fn\">Ann</b> <time>June 16, 2022 at 9:00</time></footer>"
    "<div class=\"comment-content\"><p>Finally! I missed the morning "
    "crossing.</p><p>Great news.</p></div>"
    "<div class=\"reply\"><a class=\"comment-reply-link\" href=\"#\">Reply</a>"
    "</div></article>"
    "<ol class=\"children\"><li class=\"comment odd depth-2\">"
    "<article class=\"comment-body\"><footer class=\"comment-meta\">Bob"
    "</footer><div class=\"comment-content\"><p>Me too, the bus takes "
    "ages.</p></div></article></li></ol></li></ol>"
    "<div id=\"respond\" class=\"comment-respond\"><h3>Leave a Reply</h3>"
    "<form class=\"comment-form\"><p class=\"comment-notes\">Your email "
    "address will not be published.</p><textarea name=\"comment\">"
    "</textarea><div class=\"comment-warning\" style=\"display:none\">"
    "Please enter your comment!</div><input type=\"submit\" value=\"Post "
    "Comment\"></form></div></div></body></html>";

static const char plain_page[] =
    "<html><body><article>" PROSE "</article>"
    "<section class=\"comments\"><h3>Comments</h3>"
    "<div><p>Lovely boat, I rode it as a child.</p><p><a href=\"#\">Reply</a>"
    "</p></div><div><p>Is the fare the same?</p></div></section>"
    "</body></html>";

static pith_result *run(const char *html, unsigned opts) {
  pith_result *r = NULL;
  if (pith_extract(html, strlen(html), NULL, opts, &r) != PITH_OK)
    return NULL;
  return r;
}

static void test_wordpress(void) {
  pith_result *r = run(wp_page, 0);
  if (!OK(r != NULL, "wordpress page extracts"))
    return;
  STR_EQ(pith_result_comments(r),
         "Finally! I missed the morning crossing. Great news.\n\n"
         "Me too, the bus takes ages.",
         "one comment per paragraph, in page order, without authors");
  const char *text = pith_result_text(r);
  OK(strstr(text, "harbour ferry") != NULL, "the article is the text");
  OK(strstr(text, "Finally") == NULL, "comments stay out of the text");
  OK(strstr(pith_result_comments(r), "Please enter") == NULL,
     "hidden form messages are not comments");
  OK(strstr(pith_result_comments(r), "Reply") == NULL,
     "reply links and headings are not comments");
  pith_result_free(r);

  r = run(wp_page, PITH_OPT_NO_COMMENTS);
  if (OK(r != NULL, "extracts with PITH_OPT_NO_COMMENTS")) {
    STR_EQ(pith_result_comments(r), "", "PITH_OPT_NO_COMMENTS skips them");
    OK(strstr(pith_result_text(r), "Finally") == NULL,
       "and they are still not text");
    char *json = pith_render_json(r, NULL);
    OK(json && strstr(json, "\"comments\":null"), "JSON comments is null");
    pith_free(json);
  }
  pith_result_free(r);
}

static void test_plain(void) {
  pith_result *r = run(plain_page, 0);
  if (!OK(r != NULL, "plain page extracts"))
    return;
  STR_EQ(pith_result_comments(r),
         "Lovely boat, I rode it as a child.\n\nIs the fare the same?",
         "paragraphs of a comment area without body markup");
  pith_result_free(r);
}

static void test_thread(void) {
  /* A forum: the posts sit in a comment area that is the whole content. */
  char page[4096];
  snprintf(page, sizeof page,
           "<html><body><nav><a href=\"/\">Home</a></nav>"
           "<div class=\"comments\"><h1>Ferry question</h1>"
           "<div class=\"comment\"><div class=\"comment-body\"><p>%s</p>"
           "</div></div><div class=\"comment\"><div class=\"comment-body\">"
           "<p>%s</p></div></div></div></body></html>",
           "Does anyone know whether the harbour ferry takes bicycles now "
           "that it is back in service after the long repairs this spring?",
           "Yes, it does: there is room for six bicycles on the lower deck, "
           "and the fare for a bicycle is the same as last year, two euros.");
  pith_result *r = run(page, 0);
  if (!OK(r != NULL, "thread page extracts"))
    return;
  OK(strstr(pith_result_text(r), "room for six bicycles") != NULL,
     "the posts of a thread are the text");
  OK(strstr(pith_result_comments(r), "six bicycles") == NULL,
     "and are not repeated as comments");
  pith_result_free(r);
}

static void test_notice(void) {
  /* A comment area's notice is not a comment. */
  pith_result *r =
      run("<html><body><article><h1>Ferry back in service</h1>" PROSE
          "</article><section class=\"comments\"><h2>Comments</h2>"
          "<p class=\"comments-note\">Comments are moderated and may take a "
          "few minutes to appear.</p><p>I took the ferry this morning and "
          "it left right on time.</p></section></body></html>",
          0);
  if (!OK(r != NULL, "notice page extracts"))
    return;
  OK(strstr(pith_result_comments(r), "moderated") == NULL,
     "a paragraph classed as the comment area's note is not a comment");
  OK(strstr(pith_result_comments(r), "right on time") != NULL,
     "a plain paragraph of the comment area still is");
  pith_result_free(r);
}

static void test_form_wrapper(void) {
  /* Comments inside a moderation form (a checkbox per post) that wraps
   * the whole list: the form is a wrapper, not the reply form. */
  static const char post[] =
      "<div class=\"comment\"><input type=\"checkbox\" name=\"m\">"
      "<div class=\"comment-content\"><p>The ferry was on time this "
      "morning and the crew had fixed the ramp for wheelchairs, which "
      "many of us had asked for since the spring; thank you to everyone "
      "at the operator who made it happen so quickly.</p></div></div>";
  char page[8192];
  size_t n = (size_t)snprintf(
      page, sizeof page,
      "<html><body><article><h1>Ferry back in service</h1>" PROSE
      "</article><div class=\"comments\"><form method=\"post\">");
  for (int i = 0; i < 16 && n + sizeof post < sizeof page; i++)
    n += (size_t)snprintf(page + n, sizeof page - n, "%s", post);
  snprintf(page + n, sizeof page - n, "</form></div></body></html>");
  pith_result *r = run(page, 0);
  if (!OK(r != NULL, "form-wrapped comments page extracts"))
    return;
  OK(strstr(pith_result_comments(r), "fixed the ramp") != NULL,
     "comments inside a form that wraps the list are comments");
  OK(strstr(pith_result_text(r), "fixed the ramp") == NULL,
     "and stay out of the text");
  pith_result_free(r);
}

static void test_hostile(void) {
  /* Deeply nested comment wrappers: linear and no recursion. */
  static char page[400000];
  size_t n = 0;
  const char open[] = "<div class=\"comment-body\">";
  const char close[] = "</div>";
  for (int i = 0; i < 8000; i++) {
    memcpy(page + n, open, sizeof open - 1);
    n += sizeof open - 1;
  }
  memcpy(page + n, "deep", 4);
  n += 4;
  for (int i = 0; i < 8000; i++) {
    memcpy(page + n, close, sizeof close - 1);
    n += sizeof close - 1;
  }
  page[n] = '\0';
  pith_result *r = run(page, 0);
  OK(r != NULL, "deeply nested comment wrappers do not crash");
  pith_result_free(r);

  /* Class words longer than the word buffer, with case changes. */
  const char longcls[] =
      "<div class=\"comments\"><div class=\"commentContentVeryLongWordThat"
      "GoesOnAndOnBeyondAnyBufferXYZ productPriceAddToCartAndMoreWordsHere"
      "Again\"><p>A comment under a very long class name.</p></div></div>";
  r = run(longcls, 0);
  OK(r != NULL, "long class words do not crash");
  pith_result_free(r);
}

/* A comment's text marked by microdata alone (the comment-text-itemprop
 * rule): the itemprop value is read as tokens, case folded. */
static void test_itemprop(void) {
  static const char page[] =
      "<html><body><article>" PROSE "</article>"
      "<section class=\"comments\"><div class=\"c\"><span>Ann wrote</span>"
      "<div itemprop=\"CommentText\">Nice to see the ferry again.</div>"
      "</div><div class=\"c\"><span>Bob wrote</span>"
      "<div itemprop=\"text about\">Same here, every summer.</div></div>"
      "<div><span>Cy wrote</span><div itemprop=\"texts\">Not a comment "
      "text.</div></div></section></body></html>";
  pith_result *r = run(page, 0);
  if (!OK(r != NULL, "itemprop page extracts"))
    return;
  STR_EQ(pith_result_comments(r),
         "Nice to see the ferry again.\n\nSame here, every summer.",
         "itemprop commentText / text marks a comment's text");
  pith_result_free(r);
}

int main(void) {
  test_wordpress();
  test_itemprop();
  test_plain();
  test_thread();
  test_notice();
  test_form_wrapper();
  test_hostile();
  return done_testing();
}
