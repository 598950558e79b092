/* SPDX-License-Identifier: MIT */
/*
 * explain.h - the tool's --explain mode: the library's decision trace
 * written as an HTML report (one page) or as JSON Lines (any inputs)
 * instead of the normal output.
 */
#ifndef PITH_CLI_EXPLAIN_H
#define PITH_CLI_EXPLAIN_H

#include "pith/pith.h"

#include "args.h"
#include "batch.h"

/* Check the options --explain was given with.  Returns 0, or reports a
 * usage error on stderr and returns -1. */
int explain_check_args(const cli_args *a);

/* Render job j's report from `res` (NULL when the input failed with
 * `err`) into j->out (JSON Lines) or j->doc (HTML), or set j->emsg.
 * Takes ownership of res. */
void explain_job(const cli_args *a, job *j, pith_result *res, const char *err);

#endif
