/* SPDX-License-Identifier: MIT */
/*
 * args.h - command-line parsing for the pith tool.
 *
 * args_parse() turns argv into a cli_args and handles --help and --version
 * itself, so main() only sees a ready configuration or an exit status.
 */
#ifndef PITH_CLI_ARGS_H
#define PITH_CLI_ARGS_H

#include <stddef.h>

/* Output formats (--format). */
enum { FORMAT_TXT = 0, FORMAT_JSON, FORMAT_MARKDOWN, FORMAT_XML, FORMAT_HTML };

typedef struct {
  unsigned opts;       /* PITH_OPT_* bits */
  int json;            /* --json: JSON Lines instead of plain text */
  int format;          /* FORMAT_*; json is set too when it is FORMAT_JSON */
  int md_field;        /* --markdown-field: JSON records carry "markdown" */
  const char *url;     /* --url, or NULL; borrowed from argv */
  size_t max_size;     /* --max-size in bytes, or 0 for the library default */
  size_t max_nodes;    /* --max-nodes, or 0 for the library default */
  unsigned max_depth;  /* --max-depth, or 0 for the library default */
  unsigned time_limit; /* --time-limit in ms, 0 for the default, or
                        * PITH_NO_TIME_LIMIT (--time-limit 0) */
  char **inputs;       /* input paths ("-" is standard input); never empty */
  size_t ninputs;
  /* Batches, WARC input and progress. */
  int threads;       /* -j N worker threads; 0 means one per core */
  int warc;          /* --warc: every input is a WARC file */
  int warc_stats;    /* --warc-stats: read WARC records, no extraction */
  int progress;      /* 1 --progress, 0 --quiet, -1 when stderr is a tty */
  char **input_dirs; /* --input-dir DIRs (malloc'd array, argv strings) */
  size_t ninput_dirs;
  char **input_lists; /* --input-list FILEs ("-" is standard input) */
  size_t ninput_lists;
  char **includes; /* --include GLOBs for --input-dir files (argv strings) */
  size_t nincludes;
  const char *source_name; /* --source-name: stdin's "source", or NULL */
  int jsonl_input; /* --jsonl-input: JSON Lines pages on stdin (jsonl.c) */
  int explain;     /* --explain: EXPLAIN_HTML or EXPLAIN_JSON; 0 when off */
} cli_args;

/* --explain report formats (cli/explain.c). */
enum { EXPLAIN_OFF = 0, EXPLAIN_HTML, EXPLAIN_JSON };

/* What main() should do after args_parse(). */
enum {
  ARGS_RUN = 0,  /* go on and process the inputs */
  ARGS_EXIT = 1, /* --help or --version was printed: exit 0 */
  ARGS_USAGE = 2 /* a usage error was reported on stderr: exit 2 */
};

/* Parse argv into *a.  Strings in *a point into argv.  Returns ARGS_RUN,
 * ARGS_EXIT or ARGS_USAGE. */
int args_parse(int argc, char **argv, cli_args *a);

/* Free what args_parse() allocated (the --input-dir/--input-list/--include
 * arrays). */
void args_free(cli_args *a);

#endif
