/* SPDX-License-Identifier: MIT */
/*
 * explain.c - the tool's --explain mode.
 *
 * --explain (or --explain=html) writes pith_render_explain_html() for one
 * page: the report is a whole HTML document, so several inputs would make
 * an invalid file, and they are refused up front.  --explain=json writes
 * pith_render_explain_json() for each input in order, pages and WARC
 * records alike; a failed input gives the usual JSON error object (a line
 * with an "error" key), as --json does.
 */
#include "explain.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

static int explain_usage(const char *msg) {
  fprintf(stderr, "pith: %s\n", msg);
  fputs("Try 'pith --help' for more information.\n", stderr);
  return -1;
}

int explain_check_args(const cli_args *a) {
  if (!a->explain)
    return 0;
  if (a->format != FORMAT_TXT || a->md_field)
    return explain_usage("--explain writes its own report; it does not "
                         "combine with --format, --json, --markdown or "
                         "--markdown-field");
  if (a->warc_stats)
    return explain_usage("--explain and --warc-stats do not combine");
  if (a->explain == EXPLAIN_HTML &&
      (a->ninputs != 1 || a->ninput_dirs || a->ninput_lists || a->warc))
    return explain_usage("--explain=html reports on exactly one HTML page "
                         "(pith --explain page.html > report.html); use "
                         "--explain=json for several inputs or WARC files");
  return 0;
}

void explain_job(const cli_args *a, job *j, pith_result *res, const char *err) {
  if (!err && j->warc && a->explain == EXPLAIN_HTML)
    err = "--explain=html reports on one HTML page, not a WARC file; use "
          "--explain=json";
  if (err) {
    j->emsg = job_strdup(err);
    if (a->explain == EXPLAIN_JSON)
      j->out =
          pith_render_json_error(j->source, j->warc ? j->url : a->url, err);
    pith_result_free(res);
    return;
  }
  if (a->explain == EXPLAIN_JSON) {
    char *s = pith_render_explain_json(res, j->source);
    if (s) {
      /* The output stage ends the record with the newline. */
      size_t n = strlen(s);
      if (n && s[n - 1] == '\n')
        s[n - 1] = '\0';
    }
    j->out = s;
  } else {
    j->doc = pith_render_explain_html(res, j->source);
  }
  if (!j->out && !j->doc)
    j->emsg = job_strdup("out of memory");
  pith_result_free(res);
}
