/* SPDX-License-Identifier: MIT */
/*
 * main.c - the pith tool: extract the main text and metadata of web pages.
 *
 * main() parses the command line and hands the run to sources.c, which
 * walks the inputs (files, directories, lists, WARC files, stdin) and
 * queues them on the batch pipeline (batch.c): extraction on -j threads,
 * each with its own extractor, results written in input order.  Each input
 * is freed once written, so memory use follows the largest pages in
 * flight, not the whole run.  A failing input is reported and the run goes
 * on; the exit status says whether any input failed (see usage_text in
 * args.c).  --jsonl-input runs jsonl.c instead: pages as JSON Lines on
 * standard input, through the same pipeline.
 */
#include <stdio.h>

#include "args.h"
#include "jsonl.h"
#include "explain.h"
#include "output.h"
#include "sources.h"

int main(int argc, char **argv) {
  cli_args a;
  int r = args_parse(argc, argv, &a);
  if (r == ARGS_EXIT) {
    args_free(&a);
    return fclose(stdout) == 0 ? 0 : 1;
  }
  if (r == ARGS_RUN && explain_check_args(&a) != 0)
    r = ARGS_USAGE;
  if (r != ARGS_RUN) {
    args_free(&a);
    return 2;
  }
  int status;
  if (a.jsonl_input) {
    status = jsonl_run(&a);
  } else {
    output_init();
    status = sources_run(&a);
  }
  args_free(&a);
  return status;
}
