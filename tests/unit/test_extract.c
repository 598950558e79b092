/* SPDX-License-Identifier: MIT */
/*
 * test_extract.c - the tree, vocabulary, extraction and body stages, and
 * the public API around them, on small hand-written pages.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <pith/pith.h>

#include "harness.h"
#include "tree.h"
#include "vocab.h"

/* Extract `html` and return a malloc'd copy of the text (or NULL). */
static char *text_of(const char *html, unsigned opts) {
  pith_result *res = NULL;
  if (pith_extract(html, strlen(html), NULL, opts, &res) != PITH_OK)
    return NULL;
  const char *t = pith_result_text(res);
  char *copy = malloc(strlen(t) + 1);
  if (copy)
    memcpy(copy, t, strlen(t) + 1);
  pith_result_free(res);
  return copy;
}

static int contains(const char *hay, const char *needle) {
  return hay && strstr(hay, needle) != NULL;
}

#define PARA1                                                                  \
  "<p>The council approved the new budget on Tuesday after a long debate, "    \
  "with most members agreeing that the library and the parks would get "       \
  "more money than last year.</p>"
#define PARA2                                                                  \
  "<p>Opponents said the plan relied on optimistic forecasts of tax "          \
  "revenue, and asked for a review in six months, which the mayor "            \
  "accepted before the final vote was taken.</p>"

/* The words of s, joined with '|', each followed by '*' when it touches a
 * digit. */
static void words_of(const char *s, char *out, size_t cap) {
  pith_vocab_iter it;
  const char *w;
  size_t k, o = 0;
  int digit;
  out[0] = '\0';
  pith__vocab_iter_init(&it, s, strlen(s));
  while (pith__vocab_next_word(&it, &w, &k, &digit) && o + k + 3 < cap) {
    if (o)
      out[o++] = '|';
    memcpy(out + o, w, k);
    o += k;
    if (digit)
      out[o++] = '*';
    out[o] = '\0';
  }
}

static void test_tokenizer(void) {
  pith_vocab_iter it;
  const char *tok;
  size_t n;
  char buf[128];
  const char *v = " entry-content\twide\n\fpostBody ";
  pith__vocab_iter_init(&it, v, strlen(v));
  OK(pith__vocab_next_token(&it, &tok, &n) && n == 13 &&
         !memcmp(tok, "entry-content", 13),
     "tokenizer: first token, leading space skipped");
  OK(pith__vocab_next_token(&it, &tok, &n) && n == 4 && !memcmp(tok, "wide", 4),
     "tokenizer: tab separates tokens");
  OK(pith__vocab_next_token(&it, &tok, &n) && n == 8 &&
         !memcmp(tok, "postBody", 8),
     "tokenizer: newline and form feed separate tokens");
  OK(!pith__vocab_next_token(&it, &tok, &n), "tokenizer: end");
  pith__vocab_iter_init(&it, NULL, 5);
  OK(!pith__vocab_next_token(&it, &tok, &n) &&
         !pith__vocab_next_word(&it, &tok, &n, NULL),
     "tokenizer: a NULL value has no tokens");
  words_of("td-post_sharingBar", buf, sizeof buf);
  STR_EQ(buf, "td|post|sharing|Bar", "words: split at - _ and case changes");
  words_of("HTMLParser XMLHttp", buf, sizeof buf);
  STR_EQ(buf, "HTMLParser|XMLHttp", "words: no split inside capitals");
  words_of("col-md-8 w-node-b5343ad4 ad4x fooBar1 x-2ad", buf, sizeof buf);
  STR_EQ(buf, "col|md|w|node|b*|ad*|ad*|x*|foo|Bar*|x|ad*",
         "words: those touching a digit are marked");
}

static void test_rules(void) {
  OK(pith__vocab_tables_sorted(),
     "the word table is sorted, unique, and the look-up finds every word");
  OK(pith__vocab_rules("Sidebar", 7) & PITH_VB_BOILERPLATE,
     "rules: looked up with ASCII case folded");
  OK(pith__vocab_rules("author", 6) ==
         (PITH_VB_SOFT | PITH_VB_BYLINE | PITH_VB_COMMENT_OTHER |
          PITH_VB_PT_AUTHOR),
     "rules: one word, every rule it belongs to");
  OK(!pith__vocab_rules("sidebars", 8) && !pith__vocab_rules("", 0) &&
         !pith__vocab_rules("-ad", 3),
     "rules: no partial or empty matches");
  OK(pith__vocab_rules("publicité", strlen("publicité")) & PITH_VB_UI_LABEL,
     "rules: a folded non-ASCII label");
  OK(pith__vocab_token_rules("presentation navigation", 23) &
         PITH_VB_ROLE_BOILERPLATE,
     "rules: any token of a role value");
  OK(!(pith__vocab_token_rules("main-navigation", 15) &
       PITH_VB_ROLE_BOILERPLATE),
     "rules: role rules read whole tokens, not words");
  OK(!(pith__vocab_classify("Hidden", 6) & PITH_VOCAB_HIDDEN) &&
         (pith__vocab_classify("hidden", 6) & PITH_VOCAB_HIDDEN),
     "hidden-utility tokens match in their exact case");
  /* Every rule has a name, unique, what it reads and what it means, and
   * some word of the table. */
  int named = 1;
  for (unsigned r = 0; r < PITH_VR_COUNT; r++) {
    uint32_t any = 0, rules;
    for (size_t i = 0; pith__vocab_word(i, &rules); i++)
      any |= rules;
    if (!*pith__vocab_rule_name(r) || !*pith__vocab_rule_reads(r) ||
        !*pith__vocab_rule_doc(r) || !(any & (1u << r)))
      named = 0;
    for (unsigned q = 0; q < r; q++)
      if (!strcmp(pith__vocab_rule_name(q), pith__vocab_rule_name(r)))
        named = 0;
  }
  OK(named, "every rule is named (uniquely), documented and has words");
  STR_EQ(pith__vocab_rule_name(PITH_VR_COUNT), "", "rule past the end");
  char w[48];
  const char *rule = pith__vocab_explain("wide c2 pageShareBar", 20,
                                         PITH_VOCAB_HARD, w, sizeof w);
  OK(rule && !strcmp(rule, "boilerplate") && !strcmp(w, "share"),
     "explain: the rule and the word inside the token");
  rule = pith__vocab_explain("x-ad4-sidebar", 13, PITH_VOCAB_HARD, w, sizeof w);
  OK(rule && !strcmp(w, "sidebar"),
     "explain: a word touching a digit is not the one named");
  rule = pith__vocab_explain("a visually-hidden", 17, PITH_VOCAB_HIDDEN, w,
                             sizeof w);
  OK(rule && !strcmp(rule, "hidden-utility") && !strcmp(w, "visually-hidden"),
     "explain: a token rule names the whole token");
  OK(!pith__vocab_explain("has-sidebar", 11, PITH_VOCAB_HARD, w, sizeof w),
     "explain: nothing when no token gives the bit");
  rule = pith__vocab_explain_token("Banner", 6, PITH_VB_ROLE_BOILERPLATE, w,
                                   sizeof w);
  OK(rule && !strcmp(rule, "role-boilerplate") && !strcmp(w, "banner"),
     "explain: a role token, in lower case");
}

/* docs/extraction.md lists every rule of the table, by name. */
static void test_rules_documented(void) {
  char path[4096];
  const char *file = __FILE__;
  const char *tail = strstr(file, "tests/unit/test_extract.c");
  if (!tail || (size_t)(tail - file) + 32 > sizeof path) {
    OK(1, "rules documented # SKIP source path unknown");
    return;
  }
  snprintf(path, sizeof path, "%.*sdocs/extraction.md", (int)(tail - file),
           file);
  FILE *f = fopen(path, "rb");
  if (!f) {
    OK(1, "rules documented # SKIP docs/extraction.md not found");
    return;
  }
  static char doc[1 << 17];
  size_t n = fread(doc, 1, sizeof doc - 1, f);
  fclose(f);
  doc[n] = '\0';
  for (unsigned r = 0; r < PITH_VR_COUNT; r++) {
    char row[128], desc[96];
    snprintf(row, sizeof row, "| `%s` | %s |", pith__vocab_rule_name(r),
             pith__vocab_rule_reads(r));
    snprintf(desc, sizeof desc, "docs/extraction.md lists rule %s",
             pith__vocab_rule_name(r));
    OK(strstr(doc, row) != NULL, desc);
  }
}

static void test_vocab(void) {
  OK(pith__vocab_classify("share-buttons", 13) & PITH_VOCAB_HARD,
     "share-buttons is boilerplate");
  OK(!(pith__vocab_classify("shadow", 6) & PITH_VOCAB_HARD),
     "shadow is not 'ad'");
  OK(!(pith__vocab_classify("has-sidebar", 11) & PITH_VOCAB_HARD),
     "has-sidebar describes a layout");
  OK(!(pith__vocab_classify("box modal-enabled", 17) & PITH_VOCAB_HARD),
     "layout: 'modal-enabled' says what the element can do, not what it is");
  OK(!(pith__vocab_classify("w-node-b5343ad4", 15) & PITH_VOCAB_HARD),
     "letters inside hex ids are not words");
  OK(pith__vocab_classify("postBody", 8) & PITH_VOCAB_GOOD,
     "camelCase splits into words");
  OK(pith__vocab_classify("sr-only", 7) & PITH_VOCAB_HIDDEN, "sr-only hides");
  OK(pith__vocab_classify("comment-list", 12) & PITH_VOCAB_COMMENT,
     "comment-list names comments");
  OK(!(pith__vocab_classify("c-layout-sidebar-left", 21) & PITH_VOCAB_HARD),
     "layout-sidebar-left describes a layout");
  OK(!(pith__vocab_classify("mx-auto print:break-inside-avoid", 32) &
       PITH_VOCAB_HARD),
     "a utility class's variant prefix (print:) is not a name");
  OK(!(pith__vocab_classify("lg:[--sidebar-width:18rem]", 26) &
       PITH_VOCAB_HARD),
     "an arbitrary-value utility class is not a name");
  OK(pith__vocab_classify("print:hidden sidebar", 20) & PITH_VOCAB_HARD,
     "the other tokens of the attribute still count");
  OK(!(pith__vocab_classify("skip-to-content", 15) & PITH_VOCAB_HARD) &&
         (pith__vocab_classify("skip-to-content", 15) & PITH_VOCAB_SOFT),
     "skip (a skip link or its target) is only scored down");
}

static void test_tree(void) {
  const char *html = "<html><head><title>T</title></head><body>"
                     "<div class=a id=b style='display: none'>x</div>"
                     "<p>one<br>two</p><script>var s='<p>no</p>';</script>"
                     "</body></html>";
  pith_tree t;
  OK(pith__tree_parse(&t, html, strlen(html)) == 0, "tree parses");
  uint32_t div = 0, script = 0, title = 0;
  for (uint32_t i = 1; i < t.nnodes; i++) {
    if (t.nodes[i].tag == PITH_TAG_DIV)
      div = i;
    if (t.nodes[i].tag == PITH_TAG_SCRIPT)
      script = i;
    if (t.nodes[i].tag == PITH_TAG_TITLE)
      title = i;
  }
  OK(div && (t.nodes[div].flags & PITH_NF_HIDDEN), "display:none is hidden");
  STR_EQ(pith__attr(&t, div, PITH_ATTR_CLASS, NULL), "a", "class kept");
  OK(script && t.nodes[script].first == 0, "script text is not kept");
  pith_buf b;
  pith__buf_init(&b);
  pith__tree_text(&t, title, &b);
  STR_EQ(b.data, "T", "title text is kept");
  pith__buf_free(&b);
  pith__tree_free(&t);

  /* Alpine.js attributes with "=>" in their value must not end the tag. */
  char fix[] = "<body><ul @click.outside=\"a => b\" x-init=\"m = 1\">"
               "<li>item</li></ul></body>";
  pith__html_fixup(fix, strlen(fix));
  OK(strstr(fix, "<ul xclick.outside=") != NULL, "@ attribute renamed");
  /* Attributes past the 256th of a tag are blanked (libxml2 is quadratic
   * in them). */
  size_t cap = 1000 * 8 + 64, k = 0;
  char *many = malloc(cap);
  if (many) {
    k += (size_t)snprintf(many, cap, "<div ");
    for (int a = 0; a < 1000; a++)
      k += (size_t)snprintf(many + k, cap - k, "a%03d=v ", a);
    snprintf(many + k, cap - k, ">x</div>");
    pith__html_fixup(many, strlen(many));
    int eq = 0;
    for (const char *p = many; *p; p++)
      eq += *p == '=';
    INT_EQ(eq, 256, "attributes capped at 256 per tag");
    free(many);
  }
  char *text =
      text_of("<body><ul @click=\"() => go()\" data-x=\"1 > 0\">"
              "<li>first item of the list here</li></ul>" PARA1 "</body>",
              0);
  OK(text && !contains(text, "go()"), "no attribute text leaks");
  free(text);
}

/* The tree of `html` parsed as is and after pith__html_fixup() (which
 * cuts the attributes the tree drops and the text of style and of
 * scripts other than JSON-LD): the same nodes, attributes and text. */
static int same_tree_fixed(const char *html) {
  size_t n = strlen(html);
  char *fixed = malloc(n + 1);
  if (!fixed)
    return 0;
  memcpy(fixed, html, n + 1);
  size_t m = pith__html_fixup(fixed, n);
  fixed[m] = '\0';
  pith_tree a, b;
  int ok = pith__tree_parse(&a, html, n) == 0 &&
           pith__tree_parse(&b, fixed, m) == 0 && a.nnodes == b.nnodes &&
           a.nattrs == b.nattrs;
  for (uint32_t i = 1; ok && i < a.nnodes; i++) {
    const pith_node *x = &a.nodes[i], *y = &b.nodes[i];
    ok = x->tag == y->tag && x->parent == y->parent && x->nattr == y->nattr &&
         x->len == y->len && x->flags == y->flags &&
         (x->tag != PITH_TAG_TEXT ||
          !memcmp(pith__text(&a, i), pith__text(&b, i), x->len));
    for (uint32_t k = 0; ok && k < x->nattr; k++) {
      const pith_attr *p = &a.attrs[x->attr + k], *q = &b.attrs[y->attr + k];
      ok = p->id == q->id && p->len == q->len &&
           !memcmp(a.chars.data + p->value, b.chars.data + q->value, p->len);
    }
  }
  pith__tree_free(&a);
  pith__tree_free(&b);
  free(fixed);
  return ok;
}

static void test_fixup_same_tree(void) {
  static const char *const pages[] = {
      "<p class=a srcset=\"x.jpg 1x, y.jpg 2x\" data-x='1 > 0' id=b>t</p>",
      "<P CLASS=\"A\" DATA-Y=\"v\" ONCLICK=\"go('<p>')\">t</P>",
      "<div data-a=\"1\"data-b=\"2\" class=c>glued attributes</div>",
      "<div title=\"x\" data-q=\"&quot;&amp;\" lang=de>entities</div>",
      "<div data-open=\"unterminated>text</div><p>after</p>",
      "<div data-bare class=k data-v = \"spaced\" role=main>x</div>",
      "<svg><path d=\"M0 0L10 10\" fill=\"red\"/></svg><p>after svg</p>",
      "<head><style>p { color: red } </style><script>var a = '<p>x</p>';"
      "</script><script type=\"application/ld+json\">{\"@type\":\"News"
      "Article\"}</script></head><body><p>body text</p></body>",
      "<script>document.write('</scr' + 'ipt>')</script><p>text</p>",
      "<script>if (a </b) x()</script><p>still script?</p></script><p>x</p>",
      "<!-- <script> --><p>commented script tag</p><!-- </script> -->",
      "<style>/* </styles> */ a{}</style><p>styled</p>",
      "<SCRIPT TYPE=\"text/javascript\">x = 1</SCRIPT><p>upper</p>",
      "<script type=ld&#43;json>{\"a\":1}</script><p>entity type</p>",
      "<p>no end<script>never closed",
      "<div a=\"1\" b=\"2\"/><p>self-closing div</p>",
      "<title>T <script>x</script></title><textarea><script>var a = 1;"
      "</script></textarea><p>in textarea</p>",
      "<p data-x=\"<script>\">quoted tag</p><script>y</script><p>z</p>",
  };
  for (size_t i = 0; i < sizeof pages / sizeof pages[0]; i++) {
    char desc[160];
    snprintf(desc, sizeof desc, "fixup keeps the tree: %.120s", pages[i]);
    OK(same_tree_fixed(pages[i]), desc);
  }
  /* Far fewer bytes reach libxml2: the cut attributes and script. */
  char cut[] = "<img src=a.jpg srcset=\"a.jpg 1x, b.jpg 2x\" data-l=\"y\">"
               "<script>var big = 1;</script>";
  size_t m = pith__html_fixup(cut, strlen(cut));
  cut[m] = '\0';
  STR_EQ(cut, "<img src=a.jpg  ><script></script>",
         "unread attributes and script text are cut");
  /* "<script/>" opens a script in a browser (the slash means nothing);
   * libxml2 would close it and show the code as text. */
  char *text = text_of("<body><script type=\"text/javascript\"/>var shown "
                       "= document.title;</script>" PARA1 "</body>",
                       0);
  OK(text && !contains(text, "document.title") && contains(text, "council"),
     "the code after <script/> is script, not text");
  free(text);
}

static void test_boilerplate(void) {
  const char *html =
      "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
      "<div class=sidebar><p>Sidebar text that is long enough to be a "
      "paragraph but sits in a sidebar widget area.</p></div>"
      "<article><h1>Budget passes</h1>"
      "<div class=byline>By Jane Roe</div>" PARA1
      "<div class=ad-label>Advertisement</div>" PARA2
      "<figure><img src=x.jpg><figcaption>The council chamber.</figcaption>"
      "</figure>"
      "<div class=share-buttons><a href=#>Share on social media now</a></div>"
      "<form class=comment-form><textarea></textarea>"
      "<div style='display:none'>Please enter your comment!</div>"
      "<input type=submit value='Post Comment'></form>"
      "</article><footer><p>Copyright 2024 Example News. All rights "
      "reserved by the publisher.</p></footer></body></html>";
  char *text = text_of(html, 0);
  OK(contains(text, "The council approved"), "first paragraph kept");
  OK(contains(text, "Opponents said"), "second paragraph kept");
  OK(contains(text, "year.\n\nOpponents"), "paragraphs split by blank line");
  OK(!contains(text, "Home"), "navigation dropped");
  OK(!contains(text, "Sidebar"), "sidebar dropped");
  OK(!contains(text, "Advertisement"), "ad label dropped");
  OK(!contains(text, "Please enter"), "hidden form message dropped");
  OK(!contains(text, "Share"), "share bar dropped");
  OK(!contains(text, "Copyright"), "footer dropped");
  OK(!contains(text, "Jane Roe"), "byline dropped");
  OK(!contains(text, "council chamber"), "image caption dropped");
  OK(!contains(text, "Budget passes"), "headline left to metadata");
  free(text);

  text = text_of(html, PITH_OPT_KEEP_HIDDEN);
  OK(text != NULL, "keep-hidden extracts");
  free(text);

  /* An article whose theme classes each section like a skip link. */
  const char *sections =
      "<html><body><nav><a href=/>Home</a> <a href=/n>News</a></nav>"
      "<div class=guide><div class=nav-section>" PARA1 "</div>"
      "<div class=nav-section>" PARA2 "</div></div>"
      "<div class=share-bar><a href=#>Share this guide</a></div>"
      "</body></html>";
  text = text_of(sections, 0);
  OK(contains(text, "The council approved") && contains(text, "Opponents"),
     "sections classed like boilerplate that hold the text stay");
  OK(!contains(text, "Share this"), "a share bar beside them still goes");
  free(text);

  /* Boxes titled as recommendations go with their title. */
  const char *more =
      "<html><body><article>" PARA1 PARA2
      "<section><h2>You might also like</h2><ul>"
      "<li><p>Parks department plans a new summer festival for families "
      "across the city</p></li><li><p>Library opening hours extended on "
      "weekends after a vote</p></li></ul></section></article>"
      "</body></html>";
  text = text_of(more, 0);
  OK(contains(text, "Opponents"), "article before a recommendation box kept");
  OK(!contains(text, "You might also like") && !contains(text, "festival"),
     "a box titled 'You might also like' goes");
  free(text);

  const char *inline_more =
      "<html><body><article>" PARA1
      "<h2>Related articles</h2><ul><li>Parks department plans a new "
      "summer festival</li><li>Library hours extended</li></ul>" PARA2
      "<h2>What comes next</h2><p>The budget takes effect in January, and "
      "the first payments to the parks department follow in March.</p>"
      "</article></body></html>";
  text = text_of(inline_more, 0);
  OK(!contains(text, "Related articles") && !contains(text, "festival"),
     "a 'Related articles' section inside the article goes");
  OK(contains(text, "Opponents"), "the prose after it stays");
  OK(contains(text, "takes effect"), "so does the next section");
  free(text);

  /* A copyright line that leaks from the footer into the content. */
  const char *copy =
      "<html><body><div>" PARA1 PARA2
      "<p>\xc2\xa9 2025 Example News, Inc. All rights reserved.</p>"
      "<p>Copyright 2025 Example News</p></div></body></html>";
  text = text_of(copy, 0);
  OK(contains(text, "Opponents"), "text before a copyright line kept");
  OK(!contains(text, "rights reserved") && !contains(text, "Copyright"),
     "copyright lines dropped");
  free(text);

  /* Labels fold Latin-1 capitals: "Ähnliche Artikel". */
  const char *de =
      "<html><body><article>" PARA1 PARA2
      "<h2>\xc3\x84hnliche Artikel</h2><ul><li><p>Parks department plans "
      "a new summer festival for families</p></li></ul></article>"
      "</body></html>";
  text = text_of(de, 0);
  OK(!contains(text, "Artikel") && !contains(text, "festival"),
     "a box titled 'Ähnliche Artikel' goes");
  free(text);

  /* One such element among others is still boilerplate. */
  const char *one =
      "<html><body><article>" PARA1 PARA2 "</article>"
      "<div class=sidebar><p>Sidebar text that is long enough to be a "
      "paragraph but sits in a sidebar widget area.</p></div>"
      "<div class=sidebar><p>A second sidebar block, also long enough to be "
      "a paragraph of its own.</p></div></body></html>";
  text = text_of(one, 0);
  OK(contains(text, "The council approved"), "article kept");
  OK(!contains(text, "Sidebar text") && !contains(text, "second sidebar"),
     "boilerplate blocks under half the page's text still go");
  free(text);
}

static void test_structure(void) {
  const char *html =
      "<body><article>" PARA1 "<h2>What comes next</h2>" PARA2
      "<ul><li>Libraries open longer</li><li>New park benches</li></ul>"
      "<blockquote><p>We listened to residents and changed the plan.</p>"
      "</blockquote><pre>total = 42\n  carried  = yes</pre>"
      "<table><tr><th>Item</th><th>Cost</th></tr>"
      "<tr><td>Parks</td><td><p>1.2m</p><p>approx.</p></td></tr></table>" PARA1
      "</article></body>";
  char *text = text_of(html, 0);
  OK(contains(text, "\n\nWhat comes next\n\n"), "heading is its own block");
  OK(contains(text, "- Libraries open longer\n- New park benches"),
     "list items one per line");
  OK(contains(text, "We listened to residents"), "quote kept");
  OK(contains(text, "total = 42\n  carried  = yes"),
     "preformatted text keeps its lines and spaces");
  OK(contains(text, "Item | Cost\nParks | 1.2m approx."),
     "table rows, cells apart");
  /* PARA1 twice: the repeat is dropped. */
  const char *first = text ? strstr(text, "The council approved") : NULL;
  OK(first && !strstr(first + 1, "The council approved"),
     "repeated paragraph dropped");
  free(text);

  text = text_of("<body><p><span class=dropcap>T</span>he cat "
                 "<a href=a>sat</a><a href=b>down</a> on the mat, and "
                 "<a href=c>stayed</a>. It was a long afternoon for "
                 "everybody in the house.</p></body>",
                 0);
  OK(contains(text, "The cat sat down on the mat, and stayed."),
     "words joined and split like a reader sees them");
  free(text);
}

static void test_fallback_and_errors(void) {
  /* A page of short lines only: nothing scores as prose, but the text is
   * not lost. */
  char *text = text_of("<body><div>Red</div><div>Green</div>"
                       "<div>Blue</div></body>",
                       0);
  OK(contains(text, "Red") && contains(text, "Blue"),
     "fallback keeps short-line pages");
  free(text);
  text = text_of("<body><div>Red</div><div>Green</div></body>",
                 PITH_OPT_NO_FALLBACK);
  STR_EQ(text, "", "no fallback: empty text, not an error");
  free(text);

  pith_result *res = (pith_result *)1;
  INT_EQ(pith_extract("", 0, NULL, 0, &res), PITH_ERR_EMPTY, "empty input");
  OK(res == NULL, "no result on error");
  INT_EQ(pith_extract(NULL, 5, NULL, 0, &res), PITH_ERR_INVALID_ARG,
         "NULL buffer");
  pith_extractor *ex = pith_extractor_new(0);
  pith_extractor_set_max_input(ex, 10);
  INT_EQ(pith_extractor_extract(ex, "<p>0123456789</p>", 17, NULL, NULL, &res),
         PITH_ERR_TOO_LARGE, "size cap");
  pith_extractor_free(ex);
  STR_EQ(pith_strerror(PITH_ERR_TOO_LARGE), "input too large",
         "status message");
  OK(pith_version() == PITH_VERSION, "version number");
  STR_EQ(pith_version_string(), PITH_VERSION_STRING, "version string");

  /* A few stray binary bytes and NULs in a short page still give a
   * result with valid text (binary data is refused in test_sniff.c). */
  const char junk[] = "\x00\xff\xfe<p>\x80\x81 caf\xe9</p>\x00<div";
  INT_EQ(pith_extract(junk, sizeof junk - 1, NULL, 0, &res), PITH_OK,
         "junk input answered");
  pith_result_free(res);
  pith_result_free(NULL);
  pith_extractor_free(NULL);
  pith_free(NULL);
}

#define PARA3                                                                  \
  "<p>The new budget also sets aside money for repairs to the old bridge, "    \
  "which engineers have warned about for years, and for two more buses on "    \
  "the routes that serve the northern villages.</p>"

/* Issue 12's failure classes, each on a small made-up page. */
static void test_article_edges(void) {
  /* A class word on the wrapper of the whole article is evidence, not a
   * verdict: the article stays. */
  char *text = text_of(
      "<html><body><nav><a href=/>Home</a></nav>"
      "<div class=\"print-area\"><div class=\"story\">" PARA1 PARA2 PARA3
      "</div></div>"
      "<div class=\"sidebar\"><p>Sidebar text</p></div>"
      "</body></html>",
      0);
  OK(contains(text, "The council approved") && contains(text, "old bridge"),
     "an article inside a 'print' wrapper is kept");
  OK(!contains(text, "Sidebar text"), "the real sidebar still goes");
  free(text);

  /* "no-comments" describes the layout: the article is not a comment. */
  pith_result *res = NULL;
  const char *page =
      "<html><body><div class=\"entry-content no-comments\">" PARA1 PARA2
      "</div></body></html>";
  OK(pith_extract(page, strlen(page), NULL, 0, &res) == PITH_OK &&
         contains(pith_result_text(res), "Opponents said") &&
         !*pith_result_comments(res),
     "an entry-content no-comments wrapper is the text, not comments");
  pith_result_free(res);

  /* An inline teaser between paragraphs goes; a sentence with a link
   * stays. */
  text = text_of("<html><body><article>" PARA1
                 "<p>Also Read: <a href=\"/other\">Mayor opens the new "
                 "harbour walk after two years of works</a></p>" PARA2
                 "<p>Details are on <a href=\"/budget\">the city's budget "
                 "page for the coming year</a> and in the library.</p>" PARA3
                 "</article></body></html>",
                 0);
  OK(text && !contains(text, "Also Read") && !contains(text, "harbour walk"),
     "an 'Also Read:' teaser inside the body is dropped");
  OK(contains(text, "Details are on the city"), "a linked sentence stays");
  OK(contains(text, "Opponents said"), "the paragraph after the teaser stays");
  free(text);

  /* What follows the article's own container inside the selection: cards
   * of other stories and a tag list go; the article stays whole. */
  text = text_of(
      "<html><body><div class=\"page\"><div class=\"body\">" PARA1 PARA2 PARA3
      "</div><div class=\"more\"><h3>Latest</h3>"
      "<div class=\"card\"><a href=\"/a\">Harbour walk opens</a><span>2 "
      "hours ago</span></div>"
      "<div class=\"card\"><a href=\"/b\">School term starts</a><span>3 "
      "hours ago</span></div></div>"
      "<p>Topics: budget, council</p></div></body></html>",
      0);
  OK(contains(text, "The council approved") && contains(text, "old bridge"),
     "the article is whole");
  OK(!contains(text, "Latest") && !contains(text, "hours ago") &&
         !contains(text, "Topics"),
     "the blocks after the article's container are dropped");
  free(text);
}

int main(void) {
  test_article_edges();
  test_tokenizer();
  test_rules();
  test_rules_documented();
  test_vocab();
  test_tree();
  test_fixup_same_tree();
  test_boilerplate();
  test_structure();
  test_fallback_and_errors();
  return done_testing();
}
