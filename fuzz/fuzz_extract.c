/* SPDX-License-Identifier: MIT */
/*
 * fuzz_extract.c - libFuzzer target for the whole extraction path: the
 * first 4 bytes are option bits (and a bound to exercise), the rest is the
 * page.  Every result goes through every renderer (JSON, Markdown, XML,
 * HTML, and with PITH_OPT_EXPLAIN the trace's JSON Lines and HTML report)
 * and is freed on every path.
 */
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <pith/pith.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  uint32_t bits = 0;
  if (size >= 4) {
    memcpy(&bits, data, 4);
    data += 4;
    size -= 4;
  }
  unsigned opts =
      bits &
      (PITH_OPT_NO_FALLBACK | PITH_OPT_KEEP_HIDDEN | PITH_OPT_NO_METADATA |
       PITH_OPT_NO_COMMENTS | PITH_OPT_TRUNCATE_INPUT | PITH_OPT_LINKS |
       PITH_OPT_IMAGES | PITH_OPT_FORMATTING | PITH_OPT_NO_TABLES |
       PITH_OPT_EXPLAIN | PITH_OPT_PRECISION | PITH_OPT_RECALL);
  /* Both parsers: bit 21 picks pith's own, otherwise libxml2's. */
  opts |= (bits & (1u << 21)) ? PITH_OPT_PARSER_HTML5 : PITH_OPT_PARSER_LIBXML2;
  pith_extractor *ex = pith_extractor_new(opts);
  if (!ex)
    return 0;
  if (bits & (1u << 16))
    pith_extractor_set_max_nodes(ex, 64);
  if (bits & (1u << 17))
    pith_extractor_set_max_depth(ex, 8);
  if (bits & (1u << 18))
    pith_extractor_set_max_input(ex, 256);
  const char *url = (bits & (1u << 19)) ? "https://example.org/a/b" : NULL;
  const char *hint = (bits & (1u << 20)) ? "shift_jis" : NULL;
  pith_result *res = NULL;
  if (pith_extractor_extract(ex, (const char *)data, size, url, hint, &res) ==
      PITH_OK) {
    pith_free(pith_render_json(res, "fuzz"));
    pith_free(pith_render_json_ex(res, "fuzz", PITH_RENDER_MARKDOWN_FIELD));
    pith_free(pith_render_markdown(res, opts));
    pith_free(pith_render_xml(res, opts));
    pith_free(pith_render_html(res, opts));
    pith_free(pith_render_explain_json(res, "fuzz"));
    pith_free(pith_render_explain_html(res, "fuzz"));
    pith_trace_entry e;
    for (size_t i = 0; i < pith_result_trace_count(res); i++)
      (void)pith_result_trace_entry(res, i, &e);
    (void)pith_result_text(res);
    for (size_t i = 0; i < pith_result_tag_count(res); i++)
      (void)pith_result_tag(res, i);
  }
  pith_result_free(res);
  pith_extractor_free(ex);
  return 0;
}
