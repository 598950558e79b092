/* SPDX-License-Identifier: MIT */
/*
 * test_explain.c - the decision trace (PITH_OPT_EXPLAIN): for each reason
 * code a small page where its rule fires and the trace names it (with its
 * detail), the trace getters' edge cases, the metadata sources, and the
 * two renderers of the trace (JSON Lines and the HTML report).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

#include "harness.h"

/* Three paragraphs of prose: enough for any container to be selected. */
#define PROSE                                                                  \
  "<p>The harbour ferry went back into service on Wednesday after four "       \
  "months in the boatyard, where workers replaced its engine and most of "     \
  "the wooden deck. Passengers were waiting on the quay before dawn.</p>"      \
  "<p>The town council paid for the repairs from its maintenance budget, "     \
  "and the operator says the timetable will stay as it was last summer, "      \
  "with the first crossing at six and the last at eleven at night.</p>"        \
  "<p>Fishermen on the north pier said the new engine is much quieter than "   \
  "the old one, which could be heard across the bay every morning, and "       \
  "that the wake no longer rocks their boats at the moorings.</p>"

/* A closing paragraph of prose: what a test puts after the block it looks
 * at, so that the block is not after the article's last paragraph. */
#define CLOSING                                                                \
  "<p>The operator expects the summer timetable to bring more visitors to "    \
  "the island than any year before, and will hire four more deckhands.</p>"

static pith_result *run(const char *html, unsigned opts) {
  pith_result *r = NULL;
  if (pith_extract(html, strlen(html), NULL, opts | PITH_OPT_EXPLAIN, &r) !=
      PITH_OK)
    return NULL;
  return r;
}

/* Print the trace as TAP diagnostics (when a check failed). */
static void dump(const pith_result *r) {
  size_t n = pith_result_trace_count(r);
  for (size_t i = 0; i < n; i++) {
    pith_trace_entry e;
    if (pith_result_trace_entry(r, i, &e) == 0)
      printf("#   [%zu] %d %s (%s) %s: %.60s\n", i, e.decision, e.reason,
             e.detail, e.path, e.text);
  }
}

/* The entry whose text contains `needle`, into *e; 0 when none. */
static int find(const pith_result *r, const char *needle, pith_trace_entry *e) {
  size_t n = pith_result_trace_count(r);
  for (size_t i = 0; i < n; i++)
    if (pith_result_trace_entry(r, i, e) == 0 && strstr(e->text, needle))
      return 1;
  return 0;
}

/* Check that the block holding `needle` has `decision` and `reason`, and
 * that its detail contains `detail` (when not NULL). */
static void expect(const char *name, const char *html, unsigned opts,
                   const char *needle, int decision, const char *reason,
                   const char *detail) {
  char desc[160];
  pith_result *r = run(html, opts);
  snprintf(desc, sizeof desc, "%s: page extracts", name);
  if (!OK(r != NULL, desc))
    return;
  pith_trace_entry e;
  int found = find(r, needle, &e);
  snprintf(desc, sizeof desc, "%s: the block is in the trace", name);
  int ok = OK(found, desc);
  if (found) {
    snprintf(desc, sizeof desc, "%s: decision", name);
    ok &= INT_EQ(e.decision, decision, desc);
    snprintf(desc, sizeof desc, "%s: reason", name);
    ok &= STR_EQ(e.reason, reason, desc);
    if (detail) {
      snprintf(desc, sizeof desc, "%s: detail names the rule's word", name);
      ok &= OK(strstr(e.detail, detail) != NULL, desc);
      if (!strstr(e.detail, detail))
        printf("#   detail: %s\n#   want in it: %s\n", e.detail, detail);
    }
    snprintf(desc, sizeof desc, "%s: the reason is documented", name);
    ok &= OK(*pith_reason_doc(e.reason) != '\0', desc);
  }
  if (!ok)
    dump(r);
  pith_result_free(r);
}

#define K PITH_TRACE_KEPT
#define C PITH_TRACE_COMMENT
#define D PITH_TRACE_DROPPED

static void test_reasons(void) {
  expect("kept", "<html><body><article>" PROSE "</article></body></html>", 0,
         "harbour ferry", K, "kept", NULL);
  expect("hidden",
         "<html><body><article>" PROSE
         "<p style=\"display:none\">Secret draft paragraph nobody sees.</p>"
         "</article></body></html>",
         0, "Secret draft", D, "hidden", "p");
  expect("hidden-class",
         "<html><body><article>" PROSE
         "<span class=\"sr-only\">Skip to the main menu</span>"
         "</article></body></html>",
         0, "Skip to the main", D, "hidden-class",
         "hidden-utility: \"sr-only\" in the class of article > span.sr-only");
  expect("tag",
         "<html><body><nav><a href=\"/a\">Home</a> <a href=\"/b\">World</a>"
         "</nav><article>" PROSE "</article></body></html>",
         0, "Home World", D, "tag", "<nav>");
  expect("role",
         "<html><body><div role=\"navigation\"><a href=\"/a\">Home</a> "
         "<a href=\"/b\">World</a></div><article>" PROSE
         "</article></body></html>",
         0, "Home World", D, "role",
         "role-boilerplate: \"navigation\" in the role of div");
  expect("class-word",
         "<html><body><article>" PROSE "</article><div class=\"sidebar\">"
         "<p>Most read this week in the region and beyond.</p></div>"
         "</body></html>",
         0, "Most read this week", D, "class-word",
         "boilerplate: \"sidebar\" in the class of div.sidebar");
  /* The rule names the word inside the token that gave the decision, and
   * the attribute it was in: here the second class token and a word past
   * a case change, not the first token or the whole token. */
  expect("class-word in a camelCase token",
         "<html><body><article>" PROSE "</article><div class=\"wide "
         "c2 pageShareBar\"><p>Tell your friends about this story now.</p>"
         "</div></body></html>",
         0, "Tell your friends", D, "class-word",
         "boilerplate: \"share\" in the class of div.wide");
  expect("class-word in the id",
         "<html><body><article>" PROSE "</article><div class=\"box\" "
         "id=\"cookie-notice\"><p>We use cookies to run this web site.</p>"
         "</div></body></html>",
         0, "We use cookies", D, "class-word",
         "boilerplate: \"cookie\" in the id of div.box");
  expect("form",
         "<html><body><article>" PROSE "</article><form><p>Get the morning "
         "newsletter in your inbox</p><input type=\"email\"></form>"
         "</body></html>",
         0, "morning newsletter", D, "form", "form");
  expect("outside-main",
         "<html><body><section><p>The Harbour Gazette, since 1887</p>"
         "</section><main>" PROSE "</main></body></html>",
         0, "Harbour Gazette", D, "outside-main", "section");
  expect("outside-selection",
         "<html><body><div><div><p>Opening hours of the ticket office.</p>"
         "</div><article>" PROSE "</article></div><div><p>Weather today: "
         "windy.</p></div></body></html>",
         0, "Weather today", D, "outside-selection", NULL);
  expect("link-list",
         "<html><body><article>" PROSE
         "<ul><li><a href=\"/a\">Ferry timetable for the summer</a></li>"
         "<li><a href=\"/b\">Fares and season tickets</a></li></ul>"
         "</article></body></html>",
         0, "Fares and season", D, "link-list", NULL);
  expect("label",
         "<html><body><article>" PROSE
         "<p>Advertisement</p></article></body></html>",
         0, "Advertisement", D, "label", NULL);
  expect("byline",
         "<html><body><article>" PROSE
         "<div class=\"byline\">By Jane Example</div></article></body></html>",
         0, "Jane Example", D, "byline", NULL);
  expect("copyright",
         "<html><body><article>" PROSE
         "<p>\xc2\xa9 2024 Harbour Gazette. All rights reserved.</p>"
         "</article></body></html>",
         0, "All rights reserved", D, "copyright", NULL);
  expect("before-prose",
         "<html><body><article><p>Wednesday</p>" PROSE
         "</article></body></html>",
         0, "Wednesday", D, "before-prose", NULL);
  /* A page of short lines has no paragraph for them to come before. */
  expect("before-prose (a page of short lines stays)",
         "<html><body><article><h3>Places</h3><p>Harbour: north pier.</p>"
         "<p>Island: east landing.</p><h3>Boats</h3><p>Ferry: the old "
         "paddle steamer.</p><p>Tender: a rowing boat.</p><h3>Times</h3>"
         "<p>First crossing: six.</p><p>Last crossing: eleven.</p>"
         "</article></body></html>",
         0, "Ferry: the old", K, "kept", NULL);
  expect("recommendations",
         "<html><body><article>" PROSE
         "<h3>Related articles</h3><p>New pier opens to walkers after the "
         "storm repairs are finished</p></article></body></html>",
         0, "New pier opens", D, "recommendations", NULL);
  expect("recommendations (German, \"Lesen Sie auch\")",
         "<html><body><article>" PROSE
         "<h3>Lesen Sie auch</h3><p>New pier opens to walkers after the "
         "storm repairs are finished</p></article></body></html>",
         0, "New pier opens", D, "recommendations", NULL);
  expect("comment-section",
         "<html><body><article>" PROSE
         "<div class=\"comments\"><p>Sign in to join the conversation about "
         "this story.</p></div></article></body></html>",
         PITH_OPT_NO_COMMENTS, "Sign in to join", D, "comment-section", NULL);
  expect("doubtful",
         "<html><body><article>" PROSE
         "<div class=\"widget\"><p>A longer sentence in a box that may well "
         "be boilerplate on this page.</p></div></article></body></html>",
         PITH_OPT_PRECISION, "A longer sentence", D, "doubtful", NULL);
  expect("repeated",
         "<html><body><article>" PROSE
         "<p>Ferries run every hour from six in the morning.</p>"
         "<p>Ferries run every hour from six in the morning.</p>" CLOSING
         "</article></body></html>",
         0, "Ferries run every hour", K, "kept", NULL);
  expect("empty-section",
         "<html><body><article>" PROSE
         "<h3>Changes to the timetable</h3><nav><a href=\"/t\">ferries</a>"
         "</nav><h2>Summer crossings</h2>" CLOSING "</article></body></html>",
         0, "Changes to the timetable", D, "empty-section", NULL);
  /* A heading over a removed form titles the form, even before a heading
   * of its own rank; a run of same-rank headings alone stays. */
  expect("empty-section (a form's title)",
         "<html><body><article>" PROSE
         "<h3>Your crossing</h3><form><p>Name</p><input type=\"text\">"
         "<textarea></textarea></form><h3>Summer crossings</h3>" CLOSING
         "</article></body></html>",
         0, "Your crossing", D, "empty-section", NULL);
  expect("empty-section (a run of titles stays)",
         "<html><body><article>" PROSE
         "<h3>Winter crossings</h3><h3>Summer crossings</h3>" CLOSING
         "</article></body></html>",
         0, "Winter crossings", K, "kept", NULL);
  /* A label paragraph ("...:") with nothing left under it heads nothing. */
  expect("empty-section (label)",
         "<html><body><article>" PROSE
         "<p>More on the harbour:</p><ul><li><a href=\"/a\">Pier repairs "
         "start in May</a></li><li><a href=\"/b\">New quay lights</a></li>"
         "</ul><h2>Summer crossings</h2>" CLOSING "</article></body></html>",
         0, "More on the harbour", D, "empty-section", NULL);
  expect("empty-section (label over text stays)",
         "<html><body><article>" PROSE
         "<p>The timetable from June:</p><p>The first crossing leaves at six "
         "and the last at eleven, every day of the week.</p>" CLOSING
         "</article></body></html>",
         0, "The timetable from June", K, "kept", NULL);
  expect("date-line",
         "<html><body><article><p>Updated: 5 March 2024, 10:27</p>" PROSE
         "</article></body></html>",
         0, "Updated: 5 March", D, "date-line", NULL);
  /* Between paragraphs a date is the text's own (an event's date). */
  expect("date-line (inside the text stays)",
         "<html><body><article>" PROSE "<p>Opening: 5 March 2024</p>" CLOSING
         "</article></body></html>",
         0, "Opening: 5 March", K, "kept", NULL);
  expect("bare-text",
         "<html><body><article>" PROSE
         "<div class=\"x\">Sign up for our weekly letter</div>" CLOSING
         "</article></body></html>",
         0, "Sign up for our", D, "bare-text", NULL);
  expect("caption",
         "<html><body><article>" PROSE
         "<p class=\"wp-caption-text\">The ferry at the quay at dawn. "
         "(Photo: A. Example)</p>" CLOSING "</article></body></html>",
         0, "The ferry at the quay", D, "caption", NULL);
  /* A page of captioned pictures is not written in paragraphs. */
  expect("caption (a gallery keeps its captions)",
         "<html><body><div class=\"gallery\">"
         "<div class=\"item\"><img src=\"a.jpg\"><div class=\"caption\">"
         "The north pier in the winter storm of last year</div></div>"
         "<div class=\"item\"><img src=\"b.jpg\"><div class=\"caption\">"
         "Fishing boats moored in the inner harbour at low tide</div></div>"
         "<div class=\"item\"><img src=\"c.jpg\"><div class=\"caption\">"
         "The old ferry waiting for its new engine in the boatyard</div>"
         "</div></div></body></html>",
         0, "Fishing boats moored", K, "kept", NULL);
  /* A menu of links, repeated so that the page holds more than the story
   * (and the story's wrapper is not half of the page). */
#define MENU_ITEMS                                                             \
  "<li><a href=\"/a\">Harbour news from the archive, older stories</a></li>"   \
  "<li><a href=\"/b\">Ferry timetables and fares for every season</a></li>"    \
  "<li><a href=\"/c\">Letters to the editor about the harbour works</a></li>"
  /* An article written in <div>s, inside a wrapper with a boilerplate
   * word: the safety net takes it back. */
  {
    static const char story[] =
        "<html><body><div class=\"modal\">"
        "<div>The harbour ferry went back into service on Wednesday after "
        "four months in the boatyard, where workers replaced its engine and "
        "most of the wooden deck, and passengers were waiting on the quay "
        "before dawn to be the first on board.</div>"
        "<div>The town council paid for the repairs from its maintenance "
        "budget, and the operator says that the timetable will stay as it "
        "was last summer, with the first crossing at six in the morning and "
        "the last one at eleven at night.</div>"
        "<div>Fishermen on the north pier said that the new engine is much "
        "quieter than the old one, which could be heard across the whole bay "
        "every morning, and that its wake no longer rocks their boats at "
        "the moorings of the inner harbour.</div>"
        "<div>The operator expects the summer timetable to bring more "
        "visitors to the island than any year before, and it will hire four "
        "more deckhands and a second ticket clerk for the busiest weeks of "
        "July and August this year.</div>"
        "<div>Repairs to the landing stage on the island side will follow in "
        "the autumn, when fewer passengers travel, and the council has "
        "promised that no crossing will be cancelled while the work goes "
        "on, even on the busiest market days.</div>"
        "<div>Tickets can still be bought on board, and season passes for "
        "island residents will cost the same as last year, the operator "
        "said in a statement published on its website on Tuesday "
        "evening.</div>"
        "<div>Passengers with bicycles are asked to board first and to leave "
        "them on the lower deck, where the crew has fitted new racks that "
        "hold twelve bicycles instead of the eight of last summer.</div>"
        "<div>The old engine will be sold to a museum of maritime history on "
        "the mainland, which plans to show it in a new hall next spring "
        "beside the paddle steamer that crossed the bay a century ago.</div>"
        "<div>Timetables for the winter months will be printed in the "
        "October issue of this paper and posted at both landing stages, "
        "together with the new fares for cars and for delivery vans.</div>"
        "<div>The harbour master thanked the boatyard workers, who finished "
        "the repairs two weeks earlier than planned despite a month of gales "
        "that kept them off the slipway for days at a time.</div>"
        "</div>";
    char page[sizeof story + 16 * sizeof MENU_ITEMS + 64];
    strcpy(page, story);
    strcat(page, "<ul class=\"menu\">");
    for (int k = 0; k < 16; k++)
      strcat(page, MENU_ITEMS);
    strcat(page, "</ul></body></html>");
    pith_result *r = run(page, 0);
    const char *text = r ? pith_result_text(r) : NULL;
    OK(text && strstr(text, "Fishermen on the north pier"),
       "an article in <div>s under a boilerplate class word comes back "
       "(safety net)");
    pith_result_free(r);
  }
  /* A lead set as a sub-heading in the article's header, above the
   * element selected for the body: a sentence is the article's, a long
   * headline (no full stop) is not. */
#define LEAD_PAGE(H2)                                                          \
  "<html><body><div class=\"page\"><nav><a href=\"/a\">Home</a> "              \
  "<a href=\"/b\">World</a></nav><article><header><h1>Ferry back</h1>"         \
  "<div class=\"intro\"><h2>" H2 "</h2></div><div>By A. Writer</div>"          \
  "<div><a href=\"/s1\">Share on a network</a> <a href=\"/s2\">Share by "      \
  "mail</a> <a href=\"/s3\">Print this page</a></div></header>"                \
  "<div class=\"body\">" PROSE CLOSING "</div></article></div></body></html>"
  expect("kept (a lead set as a heading above the selection)",
         LEAD_PAGE("The harbour ferry is running again after four months in "
                   "the boatyard, and the first crossing was full."),
         0, "the first crossing was full", K, "kept", NULL);
  expect("outside-selection (a long headline above the selection is not "
         "the lead)",
         LEAD_PAGE("The Harbour Ferry Is Running Again After Four Months In "
                   "The Boatyard (And The First Crossing Was Full)"),
         0, "First Crossing Was Full", D, "outside-selection", NULL);
#undef LEAD_PAGE
  /* An ad block set inside a paragraph: the HTML5 parser ends the <p>
   * at the <div>, and the rest of the sentence, left in the container,
   * is the paragraph's, not bare text. */
  expect("bare-text (the rest of a paragraph a block closed stays)",
         "<html><body><article>" PROSE
         "<p>The ferry company also said that the new engine<span>"
         "<div><small>Advertisement</small></div></span> uses a third less "
         "fuel than the old one on the same crossing.</p>" CLOSING
         "</article></body></html>",
         PITH_OPT_PARSER_HTML5, "uses a third less", K, "kept", NULL);
  expect("bare-text (a line after a paragraph, in upper case, goes)",
         "<html><body><article>" PROSE
         "<p>The ferry company also said that the new engine is quieter."
         "</p><div>Sign up for our weekly letter</div>" CLOSING
         "</article></body></html>",
         PITH_OPT_PARSER_HTML5, "Sign up for our", D, "bare-text", NULL);
  /* Inside a list item the same <div> is the item's text. */
  expect("bare-text (in a list item stays)",
         "<html><body><article>" PROSE
         "<ul><li><div>Bring a warm coat for the crossing</div></li>"
         "<li><div>Buy tickets on board</div></li></ul>" CLOSING
         "</article></body></html>",
         0, "Bring a warm coat", K, "kept", NULL);
  /* A page written in <div>s is not "written in paragraphs". */
  expect("bare-text (a page of divs stays)",
         "<html><body><div class=\"story\"><div>The harbour ferry went back "
         "into service on Wednesday after four months in the boatyard, "
         "where workers replaced its engine and most of the deck.</div>"
         "<div>Short line in a div</div><div>The town council paid for the "
         "repairs from its maintenance budget, and the timetable will stay "
         "as it was last summer, with crossings from six.</div></div>"
         "</body></html>",
         0, "Short line in a div", K, "kept", NULL);
  expect("card",
         "<html><body><article>" PROSE "<div class=\"x\"><h3><a href=\"/o\">"
         "Harbour walk opens to the public after the works</a></h3><p>Two "
         "years of works end on Friday.</p></div>" PROSE
         "</article></body></html>",
         0, "Harbour walk opens", D, "card", NULL);
  /* A feed of other stories after the article: cards of one shape, each
   * a picture linking elsewhere and a teaser that reads like prose. */
#define FEED_CARD(n)                                                           \
  "<div class=\"story\"><a href=\"/story-" #n "\"><img src=\"" #n ".jpg\">"    \
  "</a><p>The lighthouse keeper of the northern island retired this spring "   \
  "after forty years, and story " #n " tells how the light is kept now "       \
  "that no one lives beside it.</p></div>"
#define FEED FEED_CARD(1) FEED_CARD(2) FEED_CARD(3)
  /* An article long enough to have an end (600 bytes of paragraphs). */
#define STORY                                                                  \
  PROSE CLOSING "<p>Next winter the ferry goes back to the boatyard for two "  \
                "weeks, when "                                                 \
                "the deckhands will paint the hull and the railings of the "   \
                "upper deck.</p>"
  expect("card (a feed after the article)",
         "<html><body><article>" STORY "<div class=\"feed\">" FEED
         "</div></article></body></html>",
         0, "story 3 tells", D, "card", NULL);
  /* Cards of one shape whose class words after the first vary. */
  expect("card (the cards' further class words differ)",
         "<html><body><article>" STORY "<div class=\"feed\">"
         "<div class=\"story story--video\"><a href=\"/story-1\"><img "
         "src=\"1.jpg\"></a><p>The first story of the feed.</p></div>"
         "<div class=\"story\"><a href=\"/story-2\"><img src=\"2.jpg\">"
         "</a><p>The second story of the feed.</p></div>"
         "<div class=\"story is-last\"><a href=\"/story-3\"><img "
         "src=\"3.jpg\"></a><p>The third story of the feed.</p></div>"
         "</div></article></body></html>",
         0, "The third story", D, "card", NULL);
  /* The same cards with more of the page after them: a section of it. */
  expect("card (cards followed by more of the page stay)",
         "<html><body><article>" STORY "<div class=\"feed\">" FEED
         "</div><h2>Opening hours</h2><p>The harbour office opens at eight "
         "every weekday and at nine on Saturdays.</p><p>On Sundays the "
         "ferry company answers the telephone from the quay.</p><p>Tickets "
         "are sold on board, by card or in cash.</p>"
         "</article></body></html>",
         0, "story 3 tells", K, "kept", NULL);
  /* Items of a list are the article's own (a list of sources). */
#define SIDEBAR                                                                \
  "<li><a href=\"/c/1\">Category one</a></li><li><a href=\"/c/2\">"            \
  "Category two</a></li><li><a href=\"/c/3\">Category three</a></li>"          \
  "<li><a href=\"/c/4\">Category four</a></li><li><a href=\"/c/5\">"           \
  "Category five</a></li><li><a href=\"/c/6\">Category six</a></li>"           \
  "<li><a href=\"/c/7\">Category seven</a></li><li><a href=\"/c/8\">"          \
  "Category eight</a></li><li><a href=\"/c/9\">Category nine</a></li>"         \
  "<li><a href=\"/c/10\">Category ten</a></li>"
  /* The cards are most of what is kept: the post, not other stories. */
  expect(
      "card (a short post under its linked title stays)",
      "<html><body><div id=\"wrapper\"><div id=\"content\"><div "
      "class=\"post\"><h2><a href=\"/posts/ferry\">The ferry is "
      "back</a></h2><p>It sailed at six this morning, on time.</p><p>"
      "Nobody was late.</p></div></div><div id=\"sidebar\"><ul>" SIDEBAR SIDEBAR
          SIDEBAR "</ul></div></div><p>Made with a free blog "
      "engine.</p></body></html>",
      0, "It sailed at six", K, "kept", NULL);
#undef SIDEBAR
  expect("card (list items are not cards)",
         "<html><body><article>" STORY "<ul>"
         "<li><a href=\"/s1\"><img src=\"1.jpg\"></a>The harbour master's "
         "report on the engine, with the figures of the last two winters "
         "and the cost of every repair since the ferry was built.</li>"
         "<li><a href=\"/s2\"><img src=\"2.jpg\"></a>The council's budget "
         "for the coming year, with the repairs of the deck and of the "
         "north pier set out line by line for every quarter.</li>"
         "<li><a href=\"/s3\"><img src=\"3.jpg\"></a>The timetable of the "
         "summer crossings, from six in the morning to eleven at night, "
         "with the extra boats of the festival week in August.</li>"
         "</ul></article></body></html>",
         0, "the festival week", K, "kept", NULL);
#undef STORY
#undef FEED
#undef FEED_CARD
  expect("teaser",
         "<html><body><article>" PROSE
         "<p>Also Read: <a href=\"/o\">Mayor opens the new harbour walk "
         "after two years of works</a></p>" PROSE "</article></body></html>",
         0, "Also Read", D, "teaser", NULL);
  expect("appeal",
         "<html><body><article>" PROSE
         "<p>Enjoyed this story? <a href=\"/nl\">Sign up</a> for our "
         "weekly harbour newsletter, with the changes to the timetable, the "
         "council's notices and the week's news from the quay and the "
         "boatyard.</p></article></body></html>",
         0, "Enjoyed this story?", D, "appeal", NULL);
  expect(
      "appeal (only where it closes the text)",
      "<html><body><article>" PROSE
      "<p>The council will send its newsletter to every household.</p>" CLOSING
      "</article></body></html>",
      0, "send its newsletter", K, "kept", NULL);
  /* A modal window goes even when it holds most of the page's prose. */
  expect("role (a modal window)",
         "<html><body><article>" PROSE "</article><div aria-modal=\"true\">"
         "<h2>Terms of use</h2>" PROSE PROSE "</div></body></html>",
         0, "Terms of use", D, "role", "aria-modal");
  /* A page whose only prose is in a modal window: the safety net takes
   * it back (a story viewer that opens over an empty page). */
  expect("role (a modal window that holds the only prose)",
         "<html><body><div aria-modal=\"true\">" PROSE CLOSING
         "<p>The boatyard's foreman said the deck was the hardest part of "
         "the work, because every plank had to be cut by hand from oak "
         "felled on the mainland and seasoned for two winters first.</p>"
         "<p>The old engine will be shown in the harbour museum from May, "
         "next to the ferry's first bell and the logbooks kept by its "
         "captains since the crossing opened a hundred years ago.</p>"
         "<p>Ticket prices stay the same this year, the operator said, and "
         "children under twelve still travel free with an adult on every "
         "crossing of the day, the late boat included.</p>"
         "<p>The council will decide in the autumn whether to buy a second "
         "ferry, which would let the operator run a crossing every half "
         "hour during the summer months and on festival weekends.</p>"
         "<p>Islanders have asked for the first crossing to leave earlier "
         "in winter, so that workers on the mainland can reach the early "
         "shifts at the cannery and the hospital without staying over.</p>"
         "<p>The operator has promised to look at the request once the new "
         "engine has run a full season, and to publish the winter "
         "timetable on the harbour office's board by the end of August.</p>"
         "<p>Until then the old timetable holds, and the harbour master "
         "asks drivers to queue on the quay road, not on the pier.</p>"
         "</div></body></html>",
         0, "second ferry", K, "kept", NULL);
  expect("after-article",
         "<html><body><div class=\"page\"><div class=\"body\">" PROSE
         "</div><p>Topics: budget, council</p></div></body></html>",
         0, "Topics: budget", D, "after-article", NULL);
  expect("after-article (linked headlines end the core)",
         "<html><body><article><div class=\"body\">" PROSE CLOSING
         "<h3>Further stories</h3><p><a href=\"/a\">Pier repairs start in "
         "May after the council agrees the budget</a></p></div><p>The "
         "ferry's timetable for the winter months is printed on the back "
         "of every ticket.</p></article></body></html>",
         0, "Further stories", D, "after-article", NULL);
  /* No core: the paragraphs sit side by side with a box of other
   * stories; the article ends at its last paragraph, plain text stays. */
  expect("after-article (flat)",
         "<html><body><div class=\"row\">" PROSE
         "<h3>Harbour news</h3><ul><li><a href=\"/a\">Pier repairs start "
         "in May</a></li><li><a href=\"/b\">New quay lights</a></li></ul>"
         "</div></body></html>",
         0, "Harbour news", D, "after-article", NULL);
  expect("link-list (linked headlines in an article)",
         "<html><body><article>" PROSE
         "<ul><li><a href=\"/a\">Pier repairs start in May after the "
         "council agrees the budget</a></li></ul>" PROSE
         "</article></body></html>",
         0, "Pier repairs start", D, "link-list", NULL);
  expect("link-list (contents within the page stay)",
         "<html><body><article><ul><li><a href=\"#repairs\">The repairs of "
         "the pier and of the old quay</a></li></ul>" PROSE
         "</article></body></html>",
         0, "The repairs of the pier", K, "kept", NULL);
  /* A headline is a link however long it is; an address written out
   * (a list of references) is not a headline. */
  expect("after-article (flat, long headlines)",
         "<html><body><div class=\"row\">" PROSE
         "<h3>Harbour news</h3><p><a href=\"/a\">Pier repairs start in May "
         "after the council agrees the budget</a></p><p><a href=\"/b\">New "
         "quay lights are switched on for the coming winter crossings</a>"
         "</p></div></body></html>",
         0, "New quay lights", D, "after-article", NULL);
  expect("after-article (flat, written addresses stay)",
         "<html><body><div class=\"row\">" PROSE
         "<ul><li><a href=\"https://example.org/harbour/report-2020.pdf\">"
         "https://example.org/harbour/report-2020.pdf</a></li></ul>"
         "</div></body></html>",
         0, "report-2020.pdf", K, "kept", NULL);
  expect("after-article (flat, the closing line stays)",
         "<html><body><div class=\"row\">" PROSE
         "<p>See you at the quay.</p><p>Contact:</p>"
         "<h3>Harbour news</h3><ul><li><a href=\"/a\">Pier repairs start "
         "in May</a></li><li><a href=\"/b\">New quay lights</a></li></ul>"
         "</div></body></html>",
         0, "See you at the quay.", K, "kept", NULL);
  expect("after-article (flat, a label line goes)",
         "<html><body><div class=\"row\">" PROSE
         "<p>See you at the quay.</p><p>Contact:</p>"
         "<h3>Harbour news</h3><ul><li><a href=\"/a\">Pier repairs start "
         "in May</a></li><li><a href=\"/b\">New quay lights</a></li></ul>"
         "</div></body></html>",
         0, "Contact:", D, "after-article", NULL);
  expect("after-article (flat, a section of teasers goes whole)",
         "<html><body><div class=\"row\">" PROSE
         "<h3>From the region</h3><p><a href=\"/a\">Pier repairs start in "
         "May after the council agrees the budget</a></p><p>The works will "
         "close the north pier to boats for most of the summer season.</p>"
         "</div></body></html>",
         0, "The works will close", D, "after-article", NULL);
  /* A page that writes its paragraphs as divisions has an end too. */
  expect("after-article (flat, paragraphs written as divisions)",
         "<html><body><div class=\"row\">"
         "<div>The harbour ferry went back into service on Wednesday after "
         "four months in the boatyard, where workers replaced its engine "
         "and most of the wooden deck. Passengers were waiting on the quay "
         "before dawn, as they did every summer, with coffee from the kiosk "
         "by the ticket office.</div>"
         "<div>The town council paid for the repairs from its maintenance "
         "budget, and the operator says the timetable will stay as it was "
         "last summer, with the first crossing at six in the morning and the "
         "last at eleven at night, and with two more boats on the weekends "
         "of the festival.</div>"
         "<div>Fishermen on the north pier said the new engine is much "
         "quieter than the old one, which could be heard across the bay "
         "every morning, and that the wake of the ferry no longer rocks "
         "their boats at the moorings when it passes the end of the pier "
         "at full speed.</div>"
         "<h3>Harbour news</h3><p><a href=\"/a\">Pier repairs start in May "
         "after the council agrees the budget</a></p><p><a href=\"/b\">New "
         "quay lights are switched on for the coming winter crossings</a>"
         "</p></div></body></html>",
         0, "New quay lights", D, "after-article", NULL);
  expect("after-article (flat, plain text stays)",
         "<html><body><div class=\"row\">" PROSE
         "<h3>Harbour news</h3><p>Crossings resume at six each morning, and "
         "tickets are sold on board at the usual fares.</p>"
         "</div></body></html>",
         0, "Crossings resume", K, "kept", NULL);
  expect("box-label",
         "<html><body><article>" PROSE
         "<p>Timetables and fares</p><div class=\"sidebar\"><p>The summer "
         "timetable of the harbour ferry starts in June.</p></div>" PROSE
         "</article></body></html>",
         0, "Timetables and fares", D, "box-label", NULL);
  /* A list of short headlines, dropped item by item, is a box too. */
  expect("box-label (over short linked headlines)",
         "<html><body><article>" PROSE
         "<h4>Read also</h4><ul><li><a href=\"/a\">Pier repairs in May</a>"
         "</li><li><a href=\"/b\">New quay lights</a></li><li><a "
         "href=\"/c\">Winter crossings</a></li></ul>" CLOSING
         "</article></body></html>",
         0, "Read also", D, "box-label", NULL);
  /* A heading over short lines that went (a date, a byline) stays. */
  expect("box-label (not over short plain lines)",
         "<html><body><article>" PROSE
         "<h4>The crossing</h4><p>5 March 2024</p><p>By A. Writer</p>" CLOSING
         "</article></body></html>",
         0, "The crossing", K, "kept", NULL);
  expect("table",
         "<html><body><article>" PROSE
         "<table><tr><td>Departure</td><td>06:00</td></tr>"
         "<tr><td>Last crossing</td><td>23:00</td></tr></table>" CLOSING
         "</article></body></html>",
         PITH_OPT_NO_TABLES, "Last crossing", D, "table", NULL);
}

/* The second copy of a repeated paragraph is dropped as "repeated"; the
 * first is kept (expect() finds the first). */
static void test_repeated_second(void) {
  pith_result *r =
      run("<html><body><article>" PROSE
          "<p>Ferries run every hour from six in the morning.</p>"
          "<p>Ferries run every hour from six in the morning.</p>" CLOSING
          "</article></body></html>",
          0);
  if (!OK(r != NULL, "repeated: page extracts"))
    return;
  int kept = 0, dropped = 0;
  for (size_t i = 0; i < pith_result_trace_count(r); i++) {
    pith_trace_entry e;
    pith_result_trace_entry(r, i, &e);
    if (!strstr(e.text, "Ferries run every hour"))
      continue;
    if (e.decision == K)
      kept++;
    else if (e.decision == D && !strcmp(e.reason, "repeated") &&
             !strcmp(e.block, "paragraph"))
      dropped++;
  }
  INT_EQ(kept, 1, "repeated: one copy kept");
  INT_EQ(dropped, 1, "repeated: the other dropped as repeated");
  pith_result_free(r);
}

/* A collected reader comment is in the trace as a comment. */
static void test_comment(void) {
  static const char page[] =
      "<html><body><article>" PROSE "</article>"
      "<div id=\"comments\" class=\"comments-area\"><ol class=\"comment-list\">"
      "<li class=\"comment\" id=\"comment-1\"><article class=\"comment-body\">"
      "<footer class=\"comment-meta\"><b class=\"fn\">Ann</b></footer>"
      "<div class=\"comment-content\"><p>Finally! I missed the morning "
      "crossing.</p></div></article></li></ol></div></body></html>";
  expect("comment", page, 0, "I missed the morning", C, "comment", NULL);
}

/* Kept entries, joined as the header says, are the text; the trace does
 * not change the text. */
static void test_agrees(void) {
  static const char page[] =
      "<html><body><nav><a href=\"/\">Home</a></nav><article><h1>Ferry</h1>"
      "<p>Wednesday</p>" PROSE "<ul><li>First stop: the north pier</li>"
      "<li>Second stop: the old customs house</li></ul>"
      "<table><tr><td>Departure</td><td>06:00</td></tr>"
      "<tr><td>Last crossing</td><td>23:00</td></tr></table>"
      "<p>Advertisement</p></article><footer>Contact us</footer>"
      "</body></html>";
  pith_result *r = run(page, 0), *r0 = NULL;
  if (!OK(r != NULL, "agree: page extracts"))
    return;
  OK(pith_extract(page, strlen(page), NULL, 0, &r0) == PITH_OK,
     "agree: page extracts without explain");
  char joined[4096] = "";
  const char *prev = NULL;
  size_t nk = 0;
  for (size_t i = 0; i < pith_result_trace_count(r); i++) {
    pith_trace_entry e;
    pith_result_trace_entry(r, i, &e);
    if (e.decision != K)
      continue;
    if (prev) {
      int tight = !strcmp(prev, e.block) && (!strcmp(e.block, "list-item") ||
                                             !strcmp(e.block, "table-row"));
      strcat(joined, tight ? "\n" : "\n\n");
    }
    strncat(joined, e.text, sizeof joined - strlen(joined) - 1);
    prev = e.block;
    nk++;
  }
  OK(nk >= 6, "agree: several kept entries");
  STR_EQ(joined, pith_result_text(r), "agree: kept entries give the text");
  if (r0)
    STR_EQ(pith_result_text(r), pith_result_text(r0),
           "agree: explain does not change the text");
  pith_result_free(r);
  pith_result_free(r0);
}

static void test_getters(void) {
  pith_trace_entry e;
  memset(&e, 0x5a, sizeof e);
  INT_EQ(pith_result_trace_count(NULL), 0, "getters: count of NULL is 0");
  INT_EQ(pith_result_trace_entry(NULL, 0, &e), -1, "getters: entry of NULL");
  STR_EQ(pith_result_trace_selected(NULL), "", "getters: selected of NULL");
  STR_EQ(pith_result_trace_fallback(NULL), "", "getters: fallback of NULL");
  OK(pith_result_trace_selected_score(NULL) == 0, "getters: score of NULL");
  STR_EQ(pith_result_field_source(NULL, "title"), "",
         "getters: source of NULL");

  static const char page[] =
      "<html><head><title>Ferry back | Harbour Gazette</title></head><body>"
      "<article class=\"story\"><h1>Ferry back</h1>" PROSE
      "</article></body></html>";
  pith_result *r0 = NULL;
  if (pith_extract(page, strlen(page), NULL, 0, &r0) == PITH_OK) {
    INT_EQ(pith_result_trace_count(r0), 0, "getters: no trace without opt");
    STR_EQ(pith_result_trace_selected(r0), "", "getters: no selection");
    STR_EQ(pith_result_field_source(r0, "title"), "",
           "getters: no source without explain");
    char *h = pith_render_explain_html(r0, "x.html");
    OK(h && strstr(h, "PITH_OPT_EXPLAIN"), "html: says when there is no trace");
    pith_free(h);
    char *j = pith_render_explain_json(r0, NULL);
    OK(j && !strchr(j, '\n')[1], "json: a header line only without trace");
    pith_free(j);
    pith_result_free(r0);
  }

  pith_result *r = run(page, 0);
  if (!OK(r != NULL, "getters: page extracts"))
    return;
  size_t n = pith_result_trace_count(r);
  OK(n > 0, "getters: entries");
  memset(&e, 0x5a, sizeof e);
  pith_trace_entry before = e;
  INT_EQ(pith_result_trace_entry(r, n, &e), -1, "getters: past the end");
  OK(!memcmp(&e, &before, sizeof e), "getters: *out untouched past the end");
  INT_EQ(pith_result_trace_entry(r, 0, NULL), -1, "getters: NULL out");
  INT_EQ(pith_result_trace_entry(r, (size_t)-1, &e), -1, "getters: SIZE_MAX");
  OK(strstr(pith_result_trace_selected(r), "article") != NULL,
     "getters: the article is selected");
  OK(pith_result_trace_selected_score(r) > 0, "getters: selection scored");
  STR_EQ(pith_result_trace_fallback(r), "none", "getters: no fallback");
  STR_EQ(pith_result_field_source(r, "no-such-field"), "",
         "getters: unknown field");
  STR_EQ(pith_result_field_source(r, NULL), "", "getters: NULL field");
  STR_EQ(pith_result_field_source(r, "author"), "",
         "getters: empty field has no source");
  for (size_t i = 0; i < n; i++) {
    pith_result_trace_entry(r, i, &e);
    if (e.decision == K)
      OK(e.words > 0 && e.score > 0 && *e.block && *e.path,
         "getters: kept entry has words, score, block and path");
  }

  /* The reason table. */
  size_t nr = pith_reason_count();
  OK(nr >= 25, "reasons: the table");
  STR_EQ(pith_reason_name(nr), "", "reasons: past the end");
  STR_EQ(pith_reason_doc("no-such-reason"), "", "reasons: unknown name");
  STR_EQ(pith_reason_doc(NULL), "", "reasons: NULL name");
  STR_EQ(pith_reason_doc(""), "", "reasons: empty name");
  int all_named = 1;
  for (size_t i = 0; i < nr; i++)
    if (!*pith_reason_name(i) || !*pith_reason_doc(pith_reason_name(i)))
      all_named = 0;
  OK(all_named, "reasons: every code has a name and a description");
  pith_result_free(r);
}

static void test_sources(void) {
  static const char og[] =
      "<html><head><title>Ferry back | Harbour Gazette</title>"
      "<meta property=\"og:title\" content=\"The ferry is back\">"
      "<meta property=\"og:site_name\" content=\"Harbour Gazette\">"
      "<script type=\"application/ld+json\">{\"@type\":\"NewsArticle\","
      "\"headline\":\"The ferry is back\",\"datePublished\":"
      "\"2024-03-04T09:00:00Z\",\"author\":{\"@type\":\"Person\",\"name\":"
      "\"Jane Example\"}}</script></head><body><article>" PROSE
      "</article></body></html>";
  pith_result *r = run(og, 0);
  if (!OK(r != NULL, "sources: page extracts"))
    return;
  const char *s = pith_result_field_source(r, "title");
  OK(*s != '\0', "sources: title has a source");
  OK(strstr(s, "og:title") || strstr(s, "headline"),
     "sources: title from og:title or the JSON-LD headline");
  if (!strstr(s, "og:title") && !strstr(s, "headline"))
    printf("#   title source: %s\n", s);
  s = pith_result_field_source(r, "date");
  OK(strstr(s, "JSON-LD") != NULL, "sources: date from JSON-LD");
  s = pith_result_field_source(r, "author");
  OK(strstr(s, "JSON-LD") != NULL, "sources: author from JSON-LD");
  s = pith_result_field_source(r, "sitename");
  OK(strstr(s, "og:site_name") != NULL, "sources: site name from og");
  s = pith_result_field_source(r, "page_type");
  OK(strstr(s, "article") != NULL, "sources: page type with its scores");
  pith_result_free(r);

  static const char plain[] =
      "<html><head><title>Ferry back in service - Harbour Gazette</title>"
      "</head><body><div>" PROSE "</div></body></html>";
  r = run(plain, 0);
  if (!OK(r != NULL, "sources: plain page extracts"))
    return;
  s = pith_result_field_source(r, "title");
  OK(strstr(s, "<title>") != NULL, "sources: title from <title>");
  if (!strstr(s, "<title>"))
    printf("#   title source: %s\n", s);
  STR_EQ(pith_result_title(r), "Ferry back in service",
         "sources: the site part is cut");
  pith_result_free(r);

  static const char h1[] =
      "<html><head><title>Ferry back in service | Gazette</title></head>"
      "<body><article><h1>Ferry back in service</h1>" PROSE
      "</article></body></html>";
  r = run(h1, 0);
  if (!OK(r != NULL, "sources: h1 page extracts"))
    return;
  OK(strstr(pith_result_field_source(r, "title"), "<h1>") != NULL,
     "sources: title from <h1>");
  pith_result_free(r);
}

/* Non-zero when `what` occurs inside a tag of `h` (between '<' and '>';
 * text outside tags has no raw '<' as everything is escaped). */
static int tag_has(const char *h, const char *what) {
  for (const char *p = strchr(h, '<'); p; p = strchr(p + 1, '<')) {
    const char *e = strchr(p, '>');
    if (!e)
      return 1;
    for (const char *q = p; q + strlen(what) <= e; q++)
      if (!strncmp(q, what, strlen(what)))
        return 1;
    p = e;
  }
  return 0;
}

/* Non-zero when a tag of `h` has an event-handler attribute (on...=). */
static int tag_has_handler(const char *h) {
  for (const char *p = strchr(h, '<'); p; p = strchr(p + 1, '<')) {
    const char *e = strchr(p, '>');
    if (!e)
      return 1;
    for (const char *q = p; q + 3 < e; q++) {
      if ((*q != ' ' && *q != '\t' && *q != '\n' && *q != '/') ||
          (q[1] | 0x20) != 'o' || (q[2] | 0x20) != 'n')
        continue;
      const char *r = q + 3;
      while (r < e && (*r | 0x20) >= 'a' && (*r | 0x20) <= 'z')
        r++;
      if (r > q + 3 && r < e && *r == '=')
        return 1;
    }
    p = e;
  }
  return 0;
}

/* Non-zero when the <style> element of `h` loads anything. */
static int style_loads(const char *h) {
  const char *s = strstr(h, "<style>"), *e = s ? strstr(s, "</style>") : NULL;
  if (!s || !e)
    return 0;
  for (const char *q = s; q < e; q++)
    if (!strncmp(q, "url(", 4) || !strncmp(q, "@import", 7))
      return 1;
  return 0;
}

/* The HTML report holds nothing of the page's markup and loads nothing. */
static void test_html_safety(void) {
  static const char hostile[] =
      "<html><head><title>x</title><style>body{background:url(http://"
      "evil.example/a.png)}</style></head><body><article>" PROSE
      "<p>A paragraph about &lt;script&gt;alert(1)&lt;/script&gt; and "
      "&lt;/style&gt;&lt;img src=x onerror=alert(2)&gt; in the text.</p>"
      "<p><a href=\"javascript:alert(3)\">javascript:alert(3) link</a></p>"
      "<script>alert(4)</script><img src=\"http://evil.example/i.png\" "
      "onerror=\"alert(5)\"><iframe src=\"https://evil.example/\"></iframe>"
      "</article><div class=\"sidebar\" onclick=\"alert(6)\"><p>"
      "\"><svg onload=alert(7)> sidebar text</p></div></body></html>";
  /* The checks themselves see what they look for. */
  OK(tag_has_handler("<p><img src=x onerror=\"a()\">") &&
         !tag_has_handler("<p title=\"left out on request\">on=</p>"),
     "html safety: the handler check works");
  OK(style_loads("<style>a{background:url(x)}</style>") &&
         !style_loads("<style>a{}</style>url(x)"),
     "html safety: the style check works");
  pith_result *r = run(hostile, 0);
  if (!OK(r != NULL, "html safety: page extracts"))
    return;
  char *h = pith_render_explain_html(r, "<b>name\".html");
  if (!OK(h != NULL, "html safety: renders"))
    return;
  OK(!strstr(h, "<script"), "html safety: no <script");
  OK(!strstr(h, "<img") && !strstr(h, "<iframe") && !strstr(h, "<svg"),
     "html safety: no element of the page");
  OK(!tag_has_handler(h), "html safety: no event handler attribute");
  OK(!strstr(h, "</style>&lt;") && strstr(h, "&lt;/style&gt;"),
     "html safety: </style> in the text is escaped");
  OK(!strstr(h, "href=\"javascript"), "html safety: no javascript: link");
  OK(!tag_has(h, "src=") && !tag_has(h, "url(") && !tag_has(h, "://"),
     "html safety: no tag loads anything");
  OK(!style_loads(h), "html safety: the style loads nothing");
  OK(strstr(h, "&lt;b&gt;name&quot;.html") != NULL,
     "html safety: the source name is escaped");
  OK(strstr(h, "Content-Security-Policy") != NULL, "html safety: a CSP");
  /* Exactly one <style> element, written by pith. */
  const char *st = strstr(h, "<style");
  OK(st && !strstr(st + 1, "<style"), "html safety: one style element");
  pith_free(h);
  pith_result_free(r);
}

static void test_html_report(void) {
  static const char page[] =
      "<html><body><nav><a href=\"/a\">Home</a> <a href=\"/b\">World</a></nav>"
      "<div class=\"sidebar\"><p>Most read this week in the region.</p></div>"
      "<article>" PROSE "</article></body></html>";
  pith_result *r = run(page, 0);
  if (!OK(r != NULL, "html: page extracts"))
    return;
  char *h = pith_render_explain_html(r, "page.html");
  if (!OK(h != NULL, "html: renders"))
    return;
  OK(!strncmp(h, "<!DOCTYPE html>", 15), "html: a document");
  OK(strstr(h, "2 dropped blocks") != NULL, "html: a run of dropped folds");
  OK(strstr(h, "id=\"why-class-word\"") && strstr(h, "id=\"why-tag\""),
     "html: the summary has a row per reason");
  OK(strstr(h, "href=\"#why-class-word\"") != NULL,
     "html: a block links to its reason");
  OK(strstr(h, "The harbour ferry went back") != NULL, "html: kept text");
  OK(strstr(h, "Most read this week") != NULL, "html: dropped text");
  pith_free(h);

  /* A long text is cut and the rest is in a <details>. */
  char big[8192];
  snprintf(big, sizeof big, "<html><body><article>%s<p>", PROSE);
  for (int i = 0; i < 40; i++)
    strcat(big, "A long sentence about the ferry and the pier. ");
  strcat(big, "THE-END</p></article></body></html>");
  pith_result_free(r);
  r = run(big, 0);
  if (!OK(r != NULL, "html: long page extracts"))
    return;
  h = pith_render_explain_html(r, NULL);
  const char *more = h ? strstr(h, "more characters</summary>") : NULL;
  OK(more != NULL, "html: a long text is cut");
  OK(more && strstr(more, "THE-END"), "html: the rest is in the details");
  OK(h && strstr(h, "(standard input)"), "html: NULL source");
  pith_free(h);
  pith_result_free(r);
  OK(pith_render_explain_html(NULL, "x") == NULL, "html: NULL result");
}

int main(void) {
  test_reasons();
  test_repeated_second();
  test_comment();
  test_agrees();
  test_getters();
  test_sources();
  test_html_safety();
  test_html_report();
  return done_testing();
}
