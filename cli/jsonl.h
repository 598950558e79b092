/* SPDX-License-Identifier: MIT */
/*
 * jsonl.h - pith --jsonl-input: pages as JSON Lines on standard input,
 * one JSON record per line on standard output (see jsonl.c).
 */
#ifndef PITH_CLI_JSONL_H
#define PITH_CLI_JSONL_H

#include "args.h"

/* Run the worker until standard input ends.  Returns the exit status: 0,
 * or 1 when any line failed or output could not be written. */
int jsonl_run(const cli_args *a);

#endif
