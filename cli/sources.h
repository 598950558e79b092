/* SPDX-License-Identifier: MIT */
/*
 * sources.h - the producer side of a run: walk every input (files,
 * --input-dir, --input-list, standard input), stream WARC files record by
 * record, and feed the batch pipeline; or, with --warc-stats, only count
 * WARC records.
 */
#ifndef PITH_CLI_SOURCES_H
#define PITH_CLI_SOURCES_H

#include "args.h"

/* Process every input of *a and write the results.  Returns the exit
 * status: 0, or 1 when any input failed or output could not be written. */
int sources_run(const cli_args *a);

#endif
