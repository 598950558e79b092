/* SPDX-License-Identifier: MIT */
/*
 * main.c - the pith tool: extract the main text and metadata of web pages.
 *
 * One extractor is made for the whole run and reused for every input, in
 * command-line order.  Each input is read (and gunzipped) by input.c,
 * extracted, rendered as text or as one JSON line, and freed before the
 * next one is read, so memory use follows the largest page, not the whole
 * run.  A failing input is reported and the run goes on; the exit status
 * says whether any input failed (see usage_text in args.c).
 */
#include <stdio.h>
#include <string.h>

#include "pith/pith.h"

#include "args.h"
#include "input.h"
#include "output.h"

/* Report a failed input: a JSON error record in --json mode (so the output
 * keeps one line per input), else a message on stderr. */
static void report_failure(const cli_args *a, const char *source,
                           const char *msg) {
  if (a->json) {
    char *rec = pith_render_json_error(source, a->url, msg);
    if (rec) {
      output_line(rec);
      pith_free(rec);
    } else {
      fprintf(stderr, "pith: %s: %s\n", source, msg);
    }
  } else {
    fprintf(stderr, "pith: %s: %s\n", source, msg);
  }
}

int main(int argc, char **argv) {
  cli_args a;
  int r = args_parse(argc, argv, &a);
  if (r == ARGS_EXIT)
    return fclose(stdout) == 0 ? 0 : 1;
  if (r != ARGS_RUN)
    return 2;

  size_t max = a.max_size ? a.max_size : PITH_DEFAULT_MAX_INPUT;
  pith_extractor *ex = pith_extractor_new(a.opts);
  if (!ex) {
    fputs("pith: out of memory\n", stderr);
    return 1;
  }
  pith_extractor_set_max_input(ex, max);
  pith_extractor_set_max_nodes(ex, a.max_nodes);
  pith_extractor_set_max_depth(ex, a.max_depth);
  pith_extractor_set_time_budget(ex, a.time_limit);
  output_init();

  int failed = 0;
  size_t documents = 0;
  for (size_t i = 0; i < a.ninputs && !output_failed(); i++) {
    const char *source = a.inputs[i];
    char msg[256];
    input_buf in;
    if (input_read(source, max, (a.opts & PITH_OPT_TRUNCATE_INPUT) != 0, &in,
                   msg, sizeof msg) != 0) {
      report_failure(&a, source, msg);
      failed = 1;
      continue;
    }

    pith_result *res = NULL;
    pith_status st =
        pith_extractor_extract(ex, in.data, in.len, a.url, NULL, &res);
    size_t inlen = in.len;
    input_free(&in);
    if (st != PITH_OK) {
      if (st == PITH_ERR_TOO_LARGE)
        snprintf(msg, sizeof msg, "input too large (%zu bytes, max %zu)", inlen,
                 max);
      else
        snprintf(msg, sizeof msg, "%s", pith_strerror(st));
      report_failure(&a, source, msg);
      failed = 1;
      continue;
    }

    if (a.json) {
      char *rec = a.md_field
                      ? pith_render_json_ex(res, source,
                                            a.opts | PITH_RENDER_MARKDOWN_FIELD)
                      : pith_render_json(res, source);
      if (rec) {
        output_line(rec);
        pith_free(rec);
      } else {
        report_failure(&a, source, "out of memory");
        failed = 1;
      }
    } else if (a.format != FORMAT_TXT) {
      char *doc = a.format == FORMAT_MARKDOWN
                      ? pith_render_markdown(res, a.opts)
                  : a.format == FORMAT_XML ? pith_render_xml(res, a.opts)
                                           : pith_render_html(res, a.opts);
      if (doc) {
        if (documents++)
          output_write("\f\n", 2);
        output_text(doc);
        pith_free(doc);
      } else {
        report_failure(&a, source, "out of memory");
        failed = 1;
      }
    } else {
      /* Documents after the first are preceded by a form-feed line. */
      if (documents++)
        output_write("\f\n", 2);
      output_text(pith_result_text(res));
    }
    pith_result_free(res);
  }

  pith_extractor_free(ex);
  if (output_finish() != 0)
    return 1;
  return failed ? 1 : 0;
}
