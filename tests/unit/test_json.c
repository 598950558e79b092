/* SPDX-License-Identifier: MIT */
/*
 * test_json.c - unit tests for the JSON renderer (lib/json.c).
 *
 * Results are built by hand from arena strings, so these tests pin the
 * record's key order, the null-for-absent rule and the string escaping
 * without depending on the extraction stages.
 */
#include <string.h>

#include "pith/pith.h"

#include "alloc.h"
#include "harness.h"
#include "result.h"

static const char *S(pith_result *r, const char *s) {
  return pith__arena_strndup(&r->arena, s, strlen(s));
}

/* A result whose every field is "" (absent), as a finished empty result. */
static void empty_result(pith_result *r) {
  memset(r, 0, sizeof *r);
  pith__arena_init(&r->arena);
  r->meta.title = r->meta.author = r->meta.date = S(r, "");
  r->meta.sitename = r->meta.description = r->meta.language = S(r, "");
  r->meta.url = S(r, "");
  r->text = S(r, "");
  r->charset = S(r, "UTF-8");
}

static void check(char *got, const char *want, const char *desc) {
  STR_EQ(got, want, desc);
  pith__free(got);
}

static void test_full(void) {
  pith_result r;
  empty_result(&r);
  r.meta.title = S(&r, "Caf\xC3\xA9 \"news\"");
  r.meta.author = S(&r, "A. Writer");
  r.meta.date = S(&r, "2024-03-04");
  r.meta.sitename = S(&r, "Pith Wire");
  r.meta.description = S(&r, "back\\slash");
  r.meta.language = S(&r, "en");
  r.meta.url = S(&r, "https://example.org/a?b=1&c=2");
  const char **cats = pith__arena_alloc(&r.arena, 2 * sizeof *cats);
  cats[0] = S(&r, "World");
  cats[1] = S(&r, "Science");
  r.meta.categories = cats;
  r.meta.ncategories = 2;
  const char **tags = pith__arena_alloc(&r.arena, 1 * sizeof *tags);
  tags[0] = S(&r, "glaciers");
  r.meta.tags = tags;
  r.meta.ntags = 1;
  r.text = S(&r, "First paragraph.\n\nSecond\tone.");
  r.meta.date_modified = S(&r, "2024-03-05");
  r.meta.image = S(&r, "https://example.org/i.jpg");
  r.meta.license = "";
  r.meta.page_type = S(&r, "article");
  r.meta.has_dateline = 1;
  r.meta.dateline_place = S(&r, "LONDON");
  r.meta.dateline_date = "";
  r.meta.dateline_agency = S(&r, "Reuters");
  r.comments = S(&r, "Nice.\n\nAgreed.");
  check(pith_render_json(&r, "examples/news.html"),
        "{\"source\":\"examples/news.html\","
        "\"url\":\"https://example.org/a?b=1&c=2\","
        "\"title\":\"Caf\xC3\xA9 \\\"news\\\"\",\"author\":\"A. Writer\","
        "\"date\":\"2024-03-04\",\"sitename\":\"Pith Wire\","
        "\"description\":\"back\\\\slash\",\"language\":\"en\","
        "\"categories\":[\"World\",\"Science\"],\"tags\":[\"glaciers\"],"
        "\"date_modified\":\"2024-03-05\","
        "\"image\":\"https://example.org/i.jpg\",\"license\":null,"
        "\"page_type\":\"article\","
        "\"dateline\":{\"place\":\"LONDON\",\"date\":null,"
        "\"agency\":\"Reuters\"},"
        "\"text\":\"First paragraph.\\n\\nSecond\\tone.\","
        "\"comments\":\"Nice.\\n\\nAgreed.\"}",
        "full record: key order, arrays, escapes");
  pith__arena_free(&r.arena);
}

static void test_empty(void) {
  pith_result r;
  empty_result(&r);
  check(
      pith_render_json(&r, NULL),
      "{\"source\":null,\"url\":null,\"title\":null,\"author\":null,"
      "\"date\":null,\"sitename\":null,\"description\":null,"
      "\"language\":null,\"categories\":[],\"tags\":[],\"date_modified\":null,"
      "\"image\":null,\"license\":null,\"page_type\":null,\"dateline\":null,"
      "\"text\":\"\",\"comments\":null}",
      "absent fields are null, text is always a string");
  /* NULL fields (a result still being filled) are treated as absent. */
  memset(&r.meta, 0, sizeof r.meta);
  r.text = NULL;
  check(
      pith_render_json(&r, ""),
      "{\"source\":null,\"url\":null,\"title\":null,\"author\":null,"
      "\"date\":null,\"sitename\":null,\"description\":null,"
      "\"language\":null,\"categories\":[],\"tags\":[],\"date_modified\":null,"
      "\"image\":null,\"license\":null,\"page_type\":null,\"dateline\":null,"
      "\"text\":\"\",\"comments\":null}",
      "NULL fields are null");
  pith__arena_free(&r.arena);
  OK(pith_render_json(NULL, "x") == NULL, "NULL result gives NULL");
}

/* The text of a rendered record for `text`, with the fixed prefix and
 * suffix stripped, for escaping tests. */
static char *text_json(const char *text) {
  pith_result r;
  empty_result(&r);
  r.text = S(&r, text);
  char *json = pith_render_json(&r, NULL);
  pith__arena_free(&r.arena);
  if (!json)
    return NULL;
  const char *start = strstr(json, "\"text\":");
  const char *end = strstr(json, ",\"comments\":null}");
  if (!start || !end || end < start) {
    pith__free(json);
    return NULL;
  }
  start += strlen("\"text\":");
  char *out = pith__strndup(start, (size_t)(end - start));
  pith__free(json);
  return out;
}

static void test_escapes(void) {
  check(text_json("a\"b\\c/d"), "\"a\\\"b\\\\c/d\"", "quote and backslash");
  check(text_json("\n\r\t\b\f"), "\"\\n\\r\\t\\b\\f\"", "short escapes");
  check(text_json("\x01\x1f\x7f"), "\"\\u0001\\u001f\x7f\"",
        "other control characters as \\u00XX, DEL kept");
  check(text_json("x\xE2\x80\xA8y\xE2\x80\xA9z"), "\"x\\u2028y\\u2029z\"",
        "U+2028 and U+2029 escaped");
  check(text_json("\xE2\x80\xA7\xE2\x80\xAA"), "\"\xE2\x80\xA7\xE2\x80\xAA\"",
        "neighbours of U+2028/9 kept");
  check(text_json("\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80"),
        "\"\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\"",
        "2, 3 and 4 byte UTF-8 kept");
  /* Long plain runs are copied in bulk; make sure nothing is lost. */
  char big[5000];
  memset(big, 'x', sizeof big - 1);
  big[sizeof big - 1] = '\0';
  big[2500] = '"';
  char *got = text_json(big);
  OK(got && strlen(got) == sizeof big - 1 + 3 && got[2501] == '\\' &&
         got[2502] == '"',
     "long text with one escape");
  pith__free(got);
}

static void test_invalid_utf8(void) {
  /* Source strings come from file names and may be any bytes. */
  check(pith_render_json_error("a\xFF"
                               "b\xC3",
                               NULL, "m"),
        "{\"source\":\"a\xEF\xBF\xBD"
        "b\xEF\xBF\xBD\",\"url\":null,"
        "\"title\":null,\"author\":null,\"date\":null,\"sitename\":null,"
        "\"description\":null,\"language\":null,\"categories\":null,"
        "\"tags\":null,\"date_modified\":null,\"image\":null,\"license\":null,"
        "\"page_type\":null,\"dateline\":null,\"text\":null,\"comments\":null,"
        "\"error\":\"m\"}",
        "invalid bytes become U+FFFD");
  check(text_json("\xC0\xAF|\xED\xA0\x80|\xF4\x90\x80\x80|\xE0\x80\xAF"),
        "\"\xEF\xBF\xBD\xEF\xBF\xBD|\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD|"
        "\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD\"",
        "overlong, surrogate and out-of-range forms rejected");
}

static void test_error(void) {
  check(pith_render_json_error("dir/page.html.gz", "https://e.org/",
                               "gzip: truncated input"),
        "{\"source\":\"dir/page.html.gz\",\"url\":\"https://e.org/\","
        "\"title\":null,\"author\":null,\"date\":null,\"sitename\":null,"
        "\"description\":null,\"language\":null,\"categories\":null,"
        "\"tags\":null,\"date_modified\":null,\"image\":null,\"license\":null,"
        "\"page_type\":null,\"dateline\":null,\"text\":null,\"comments\":null,"
        "\"error\":\"gzip: truncated input\"}",
        "error record");
  char *got = pith_render_json_error(NULL, NULL, NULL);
  OK(got && strstr(got, "\"source\":null,\"url\":null,") &&
         strstr(got, "\"error\":\"unknown error\"}"),
     "error record with all NULL arguments");
  pith__free(got);
}

static void test_warc(void) {
  check(pith_render_json_warc(NULL, "crawl.warc.gz", "http://e.org/x",
                              "<urn:uuid:1>", "2024-03-04T10:00:00Z", 404, NULL,
                              "bad record"),
        "{\"source\":\"crawl.warc.gz\",\"url\":\"http://e.org/x\","
        "\"title\":null,\"author\":null,\"date\":null,\"sitename\":null,"
        "\"description\":null,\"language\":null,\"categories\":null,"
        "\"tags\":null,\"date_modified\":null,\"image\":null,\"license\":null,"
        "\"page_type\":null,\"dateline\":null,\"text\":null,\"comments\":null,"
        "\"warc_record_id\":\"<urn:uuid:1>\","
        "\"warc_date\":\"2024-03-04T10:00:00Z\",\"http_status\":404,"
        "\"warc_truncated\":null,\"warc_offset\":null,\"warc_length\":null,"
        "\"error\":\"bad record\"}",
        "WARC error record with its HTTP status");
  pith_result r;
  empty_result(&r);
  char *got = pith_render_json_warc(&r, "c.warc", "http://e.org/", NULL, NULL,
                                    0, "", NULL);
  OK(got && strstr(got, "\"warc_record_id\":null,\"warc_date\":null,"
                        "\"http_status\":null,\"warc_truncated\":null,"
                        "\"warc_offset\":null,\"warc_length\":null}"),
     "WARC record: unknown status is null, not truncated");
  pith__free(got);
  got = pith_render_json_warc(&r, "c.warc", "http://e.org/", NULL, NULL, 200,
                              "length", NULL);
  OK(got && strstr(got, "\"http_status\":200,\"warc_truncated\":\"length\","
                        "\"warc_offset\":null,\"warc_length\":null,"
                        "\"truncated\":true}"),
     "WARC record cut by the crawler: its reason, and truncated");
  pith__free(got);
  got = pith_render_json_warc_at(&r, "c.warc", "http://e.org/", NULL, NULL, 200,
                                 NULL, 0, 1234, NULL);
  OK(got && strstr(got, "\"warc_offset\":0,\"warc_length\":1234}"),
     "WARC record: its stored offset and length");
  pith__free(got);
  got = pith_render_json_warc_at(NULL, "c.warc", "http://e.org/", "<urn:x>",
                                 NULL, 301, NULL, 98765432101LL, 77, NULL);
  OK(got && strstr(got, "\"categories\":[],\"tags\":[]") &&
         strstr(got, "\"text\":\"\",\"comments\":null,") &&
         strstr(got, "\"http_status\":301,") &&
         strstr(got, "\"warc_offset\":98765432101,\"warc_length\":77}") &&
         !strstr(got, "error"),
     "WARC record without a payload: empty text, no error");
  pith__free(got);
  pith__arena_free(&r.arena);
}

int main(void) {
  test_full();
  test_warc();
  test_empty();
  test_escapes();
  test_invalid_utf8();
  test_error();
  return done_testing();
}
