/* SPDX-License-Identifier: MIT */
/*
 * test_render.c - unit tests of URL resolution (RFC 3986's examples), the
 * URL safety check, and the Markdown, XML and HTML renderers on small
 * pages: structure, escaping, hostile markup, and that rendering never
 * changes the plain text.
 */
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

#include "harness.h"
#include "url.h"

static char *resolve(const char *base, const char *ref) {
  pith_buf b;
  pith__buf_init(&b);
  pith__url_resolve(base, ref, &b);
  return pith__buf_steal(&b);
}

static void check_resolve(const char *ref, const char *want) {
  char *got = resolve("http://a/b/c/d;p?q", ref);
  STR_EQ(got, want, ref);
  pith__free(got);
}

static pith_result *extract(const char *html, unsigned opts) {
  pith_result *res = NULL;
  pith_status st = pith_extract(
      html, strlen(html), "https://example.org/dir/page.html", opts, &res);
  return st == PITH_OK ? res : NULL;
}

static int contains(const char *s, const char *needle) {
  return s && strstr(s, needle) != NULL;
}

/* Filler so the extractor keeps the paragraphs. */
#define LONG " with enough words in it to count as the article's own text."

int main(void) {
  /* RFC 3986, section 5.4.1 (normal) and 5.4.2 (abnormal) examples. */
  static const char *const cases[][2] = {
      {"g:h", "g:h"},
      {"g", "http://a/b/c/g"},
      {"./g", "http://a/b/c/g"},
      {"g/", "http://a/b/c/g/"},
      {"/g", "http://a/g"},
      {"//g", "http://g"},
      {"?y", "http://a/b/c/d;p?y"},
      {"g?y", "http://a/b/c/g?y"},
      {"#s", "http://a/b/c/d;p?q#s"},
      {"g#s", "http://a/b/c/g#s"},
      {";x", "http://a/b/c/;x"},
      {"", "http://a/b/c/d;p?q"},
      {".", "http://a/b/c/"},
      {"./", "http://a/b/c/"},
      {"..", "http://a/b/"},
      {"../", "http://a/b/"},
      {"../g", "http://a/b/g"},
      {"../..", "http://a/"},
      {"../../g", "http://a/g"},
      {"../../../g", "http://a/g"},
      {"/./g", "http://a/g"},
      {"/../g", "http://a/g"},
      {"g.", "http://a/b/c/g."},
      {"..g", "http://a/b/c/..g"},
      {"./../g", "http://a/b/g"},
      {"g/./h", "http://a/b/c/g/h"},
      {"g/../h", "http://a/b/c/h"},
      {"g;x=1/../y", "http://a/b/c/y"},
      {"g?y/./x", "http://a/b/c/g?y/./x"},
      {"g#s/../x", "http://a/b/c/g#s/../x"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    check_resolve(cases[i][0], cases[i][1]);

  char *r = resolve(NULL, "  rel/x.html\n");
  STR_EQ(r, "rel/x.html", "no base: the reference, trimmed");
  pith__free(r);
  r = resolve("https://h/x", "java\tscript:alert(1)");
  STR_EQ(r, "javascript:alert(1)", "tabs inside a URL are removed");
  OK(!pith__url_safe(r), "... so javascript: is seen and refused");
  pith__free(r);

  /* Special schemes read one slash, three, or backslashes as "//"
   * (browsers do; a page's "https:/img.example/a.jpg" names a host). */
  r = resolve("https://h/x/", "https:/img.example/a.jpg");
  STR_EQ(r, "https://img.example/a.jpg", "https:/host is https://host");
  pith__free(r);
  r = resolve("https://h/x/", "HTTP:///img.example/a");
  STR_EQ(r, "HTTP://img.example/a", "three slashes read as two");
  pith__free(r);
  r = resolve("https://h/x/", "https:\\\\img.example\\a");
  STR_EQ(r, "https://img.example\\a", "backslashes before the host too");
  pith__free(r);
  r = resolve("https://h/x/", "mailto:/a@b");
  STR_EQ(r, "mailto:/a@b", "other schemes keep their slashes");
  pith__free(r);
  r = resolve("https://h/x/", "https:");
  STR_EQ(r, "https:", "a scheme alone stays");
  pith__free(r);

  OK(pith__url_safe("https://x/y"), "https is safe");
  OK(pith__url_safe("MAILTO:a@b"), "schemes are case-insensitive");
  OK(pith__url_safe("rel/a:b"), "a ':' after '/' is not a scheme");
  OK(!pith__url_safe("JavaScript:x"), "javascript: is refused");
  OK(!pith__url_safe("data:text/html,x"), "data: is refused");
  OK(!pith__url_safe("vbscript:x"), "vbscript: is refused");
  OK(!pith__url_safe("x\001y"), "control characters are refused");

  /* Rendering: structure and escaping. */
  const char *page =
      "<html><head><title>T</title></head><body><article>"
      "<p>One <em>two</em> <a href=\"../a b.html\">three</a>" LONG "</p>"
      "<p>1. not a list * and [x] &amp;amp; &lt;b&gt;" LONG "</p>"
      "<ul><li>a</li><li>b<ol><li>c</li></ol></li></ul>"
      "<pre class=\"language-sh\">x &lt; y &amp;&amp; z</pre>"
      "<table><tr><th>h1</th><th>h|2</th></tr><tr><td>1</td><td>2</td></tr>"
      "</table>"
      "<p><a href=\"javascript:alert(1)\" onclick=\"x()\">bad</a>"
      "<img src=\"x.png\" onerror=\"alert(1)\" alt=\"pic\">" LONG "</p>"
      "<script>alert(1)</script>"
      "</article></body></html>";
  unsigned all = PITH_OPT_LINKS | PITH_OPT_IMAGES | PITH_OPT_FORMATTING;
  pith_result *plain = extract(page, 0);
  pith_result *res = extract(page, all);
  if (!OK(res && plain, "pages extract"))
    return done_testing();
  STR_EQ(pith_result_text(res), pith_result_text(plain),
         "structure options do not change the text");
  OK(contains(pith_result_text(plain), "h1 | h|2"), "the text has the table");

  char *md = pith_render_markdown(res, all);
  OK(contains(md, "One *two* [three](https://example.org/a%20b.html)"),
     "Markdown: emphasis and a resolved link");
  OK(contains(md, "1\\. not a list \\* and \\[x\\] \\&amp; \\<b>"),
     "Markdown: markup characters are escaped");
  OK(contains(md, "- a\n- b\n  1. c\n"), "Markdown: a nested ordered list");
  OK(contains(md, "```sh\nx < y && z\n```"), "Markdown: fenced code, lang");
  OK(contains(md, "| h1 | h\\|2 |\n| --- | --- |\n| 1 | 2 |"),
     "Markdown: a pipe table with an escaped pipe");
  OK(!contains(md, "javascript"), "Markdown: no javascript: link");
  OK(contains(md, "![pic](https://example.org/dir/x.png)"),
     "Markdown: an image with alt text");
  char *md_plain = pith_render_markdown(res, 0);
  OK(contains(md_plain, "One two three") && !contains(md_plain, "]("),
     "Markdown without flags: no links, no emphasis");

  char *xml = pith_render_xml(res, all);
  OK(contains(xml, "<list rend=\"ul\">\n<item>a</item>\n<item>b"
                   "<list rend=\"ol\">\n<item>c</item>\n</list>\n</item>"),
     "XML: nested list/item");
  OK(contains(xml, "<code lang=\"sh\">x &lt; y &amp;&amp; z</code>"),
     "XML: code is escaped");
  OK(contains(xml, "<cell role=\"head\">h|2</cell>"), "XML: head cells");
  OK(contains(xml, "<ref target=\"https://example.org/a%20b.html\">three"),
     "XML: ref");

  char *html = pith_render_html(res, all);
  OK(html && !contains(html, "<script") && !contains(html, "onclick") &&
         !contains(html, "onerror") && !contains(html, "javascript:"),
     "HTML: no script, event attribute or javascript: URL");
  OK(contains(html, "<title>T</title>") && contains(html, "<ol>\n<li>c</li>"),
     "HTML: title in head, nested list");

  char *json = pith_render_json_ex(res, "s", all | PITH_RENDER_MARKDOWN_FIELD);
  OK(contains(json, "\"markdown\":\"One *two*"), "JSON: markdown key");
  char *json0 = pith_render_json(res, "s");
  OK(json0 && !contains(json0, "\"markdown\""), "JSON: no markdown key");

  OK(pith_render_markdown(NULL, 0) == NULL &&
         pith_render_xml(NULL, 0) == NULL && pith_render_html(NULL, 0) == NULL,
     "renderers refuse NULL");

  pith_free(md);
  pith_free(md_plain);
  pith_free(xml);
  pith_free(html);
  pith_free(json);
  pith_free(json0);
  pith_result_free(res);
  pith_result_free(plain);

  /* --no-tables drops the rows, from the text too. */
  res = extract(page, PITH_OPT_NO_TABLES);
  OK(res && !contains(pith_result_text(res), "h|2"), "no tables: no rows");
  pith_result_free(res);

  /* List items outside any list are still list items. */
  res = extract("<html><body><article><div><li>orphan item one" LONG
                "</li><li>orphan item two" LONG "</li></div>"
                "<p>A paragraph" LONG "</p><pre><div>int first_value = "
                "compute_the_first_value(argument_one);</div><div>int "
                "second_value = compute_the_second_value(argument_two);"
                "</div></pre>"
                "</article></body></html>",
                0);
  md = pith_render_markdown(res, 0);
  OK(contains(md, "- orphan item one") && contains(md, "- orphan item two"),
     "orphan list items get a marker");
  OK(md && !memchr(md, 0, strlen(md)) &&
         contains(md, "argument_one);\nint second_value"),
     "the lines of one <pre> make one code block");
  pith_free(md);
  pith_result_free(res);

  /* A link inside a link (libxml2's parser builds one): only the outer is
   * written, as CommonMark and HTML have no nested links. */
  static const char nested[] =
      "<html><body><article><p>A paragraph" LONG "</p>"
      "<a href=\"/outer\"><ul><li><a href=\"/inner\">Inner</a>"
      " and more words to keep this item here</li></ul></a>"
      "</article></body></html>";
  res = extract(nested, PITH_OPT_PARSER_LIBXML2);
  md = pith_render_markdown(res, PITH_OPT_LINKS);
  OK(contains(md, "- [Inner and more words to keep this item here]"
                  "(https://example.org/outer)") &&
         !contains(md, "inner"),
     "nested links: the outer one");
  pith_free(md);
  pith_result_free(res);
  /* pith's own parser builds none: the second <a> closes the first (the
   * adoption agency), so the inner link is a link of its own. */
  res = extract(nested, PITH_OPT_PARSER_HTML5);
  md = pith_render_markdown(res, PITH_OPT_LINKS);
  OK(contains(md, "[Inner](https://example.org/inner)"),
     "nested links: html5 parser, the inner link on its own");
  pith_free(md);
  pith_result_free(res);

  /* An empty page renders to empty Markdown and a valid skeleton. */
  res = extract("<html><body></body></html>", 0);
  md = pith_render_markdown(res, 0);
  STR_EQ(md, "", "empty page: empty Markdown");
  xml = pith_render_xml(res, 0);
  OK(contains(xml, "<main>\n</main>"), "empty page: empty main");
  pith_free(md);
  pith_free(xml);
  pith_result_free(res);
  /* A code language after white space other than space, tab and newline
   * (the scan once spun forever on a \f or \r in the class). */
  pith_result *cr = extract("<html><body><pre class=\"x\fy\"><code class="
                            "\"\f\rlanguage-c\">int x;</code></pre>"
                            "</body></html>",
                            0);
  char *crmd = cr ? pith_render_markdown(cr, 0) : NULL;
  OK(contains(crmd, "```c\nint x;\n```"),
     "code language found after \\f and \\r in class");
  pith_free(crmd);
  pith_result_free(cr);

  return done_testing();
}
