/* SPDX-License-Identifier: MIT */
/*
 * args.c - command-line parsing for the pith tool.
 *
 * Hand-written rather than getopt_long(): that is a GNU extension, the
 * option set is small, and this way "--opt=value" and "--opt value" work
 * the same everywhere.  Options may come after file names; "--" ends them.
 */
#include "args.h"

#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

static const char usage_text[] =
    "Usage: pith [OPTIONS] [FILE...]\n"
    "Extract the main text and metadata of web pages.\n"
    "\n"
    "Each FILE is an HTML page, plain or gzip-compressed (detected from its\n"
    "first bytes).  With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Options:\n"
    "  --json             write one JSON object per input (JSON Lines), in\n"
    "                     input order, instead of plain text\n"
    "  --url URL          the page's address, used for metadata (applies to\n"
    "                     every input)\n"
    "  --max-size BYTES   refuse inputs larger than BYTES after gunzip\n"
    "                     (suffixes K, M, G = 1024-based; default 64M)\n"
    "  --no-fallback      do not fall back to whole-page extraction when\n"
    "                     the main method finds too little text\n"
    "  --keep-hidden      keep elements hidden from readers (hidden,\n"
    "                     aria-hidden, display:none)\n"
    "  --no-metadata      skip metadata extraction (text only)\n"
    "  --input-dir DIR    also process every file under DIR (recursively,\n"
    "                     in name order; names starting with '.' skipped)\n"
    "  --input-list FILE  also process the paths listed in FILE, one per\n"
    "                     line (- reads the list from standard input)\n"
    "  -j, --jobs N       extract with N threads (default: one per core);\n"
    "                     the output is the same as with -j 1\n"
    "  --warc             treat every input as a WARC file (WARC files are\n"
    "                     also recognised by their first bytes)\n"
    "  --warc-stats       only read the WARC inputs and count their records\n"
    "  --progress         show progress on stderr and a summary at the end\n"
    "                     (the default when stderr is a terminal)\n"
    "  --quiet            no progress line and no summary\n"
    "  -h, --help         show this help and exit\n"
    "  -V, --version      show the version and exit\n"
    "\n"
    "Text output: the main text of each page, paragraphs separated by a\n"
    "blank line.  With several inputs, the documents are separated by a\n"
    "line holding a single form feed (\\f).  A failed input prints\n"
    "\"pith: FILE: message\" on standard error and no document.\n"
    "\n"
    "JSON output keys, in this order: source, url, title, author, date\n"
    "(YYYY-MM-DD), sitename, description, language, categories (array),\n"
    "tags (array), dateline (null for now), text, comments (null for now).\n"
    "Absent values are null.  A failed input gives the same keys, all null\n"
    "except source and url, plus \"error\": a message.\n"
    "\n"
    "WARC input (WARC/1.0 or 1.1, uncompressed or gzip, e.g. Common Crawl's\n"
    ".warc.gz): each response record with an HTML payload is one document;\n"
    "other records are skipped and counted.  In JSON, its url is the\n"
    "WARC-Target-URI, source the WARC file, and the keys warc_record_id and\n"
    "warc_date follow comments.  A broken record gives an error record and\n"
    "reading goes on at the next record.\n"
    "\n"
    "Exit status: 0 when every input produced a result, 1 when any input\n"
    "failed (the others are still processed) or output could not be\n"
    "written, 2 for a usage error.\n";

enum { ERR_UNKNOWN, ERR_NEEDS_ARG, ERR_NO_ARG, ERR_SIZE, ERR_JOBS };

static void usage_error(int kind, const char *what) {
  switch (kind) {
  case ERR_UNKNOWN:
    fprintf(stderr, "pith: unknown option '%s'\n", what);
    break;
  case ERR_NEEDS_ARG:
    fprintf(stderr, "pith: option '%s' needs an argument\n", what);
    break;
  case ERR_NO_ARG:
    fprintf(stderr, "pith: option '%s' takes no argument\n", what);
    break;
  case ERR_JOBS:
    fprintf(stderr, "pith: invalid thread count '%s' for -j (1 to 1024)\n",
            what);
    break;
  default:
    fprintf(stderr, "pith: invalid size '%s' for --max-size\n", what);
    break;
  }
  fputs("Try 'pith --help' for more information.\n", stderr);
}

/* Parse "123", "64K", "10M", "1G" (1024-based; a trailing "B" or "iB" is
 * allowed).  Returns 0 and stores the value, or -1 when invalid, zero or
 * too big. */
static int parse_size(const char *s, size_t *out) {
  if (*s < '0' || *s > '9')
    return -1;
  errno = 0;
  char *end;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno == ERANGE)
    return -1;
  unsigned long long mult = 1;
  switch (*end) {
  case 'k':
  case 'K':
    mult = 1ull << 10;
    end++;
    break;
  case 'm':
  case 'M':
    mult = 1ull << 20;
    end++;
    break;
  case 'g':
  case 'G':
    mult = 1ull << 30;
    end++;
    break;
  default:
    break;
  }
  if (mult > 1 && *end == 'i' && end[1] == 'B')
    end += 2;
  else if (*end == 'B' || *end == 'b')
    end++;
  if (*end != '\0' || v == 0)
    return -1;
  /* Keep headroom: the reader allows a little more for gzip framing. */
  if (v > (SIZE_MAX / 4) / mult)
    return -1;
  *out = (size_t)(v * mult);
  return 0;
}

/* Parse a -j value: 1 to 1024.  Returns 0, or -1 when invalid. */
static int parse_jobs(const char *s, int *out) {
  if (*s < '0' || *s > '9')
    return -1;
  char *end;
  errno = 0;
  long v = strtol(s, &end, 10);
  if (errno || *end || v < 1 || v > 1024)
    return -1;
  *out = (int)v;
  return 0;
}

void args_free(cli_args *a) {
  free(a->input_dirs);
  free(a->input_lists);
  a->input_dirs = a->input_lists = NULL;
}

int args_parse(int argc, char **argv, cli_args *a) {
  static char *stdin_only[] = {"-", NULL};
  memset(a, 0, sizeof *a);
  a->opts = PITH_OPT_DEFAULT;
  a->progress = -1;
  a->input_dirs = calloc((size_t)argc, sizeof *a->input_dirs);
  a->input_lists = calloc((size_t)argc, sizeof *a->input_lists);
  if (!a->input_dirs || !a->input_lists) {
    fputs("pith: out of memory\n", stderr);
    args_free(a);
    return ARGS_USAGE;
  }
  /* Inputs are collected in place at the front of argv (argv[1..]). */
  size_t n = 0;
  int only_files = 0;

  for (int i = 1; i < argc; i++) {
    char *arg = argv[i];
    if (only_files || arg[0] != '-' || strcmp(arg, "-") == 0) {
      argv[1 + n++] = arg;
      continue;
    }
    if (strcmp(arg, "--") == 0) {
      only_files = 1;
      continue;
    }
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
      fputs(usage_text, stdout);
      return ARGS_EXIT;
    }
    if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
      printf("pith %s (libpith %s)\n", PITH_VERSION_STRING,
             pith_version_string());
      return ARGS_EXIT;
    }
    if (arg[1] == 'j') { /* -j N, -jN */
      const char *v = arg[2] ? arg + 2 : (i + 1 < argc ? argv[++i] : NULL);
      if (!v) {
        usage_error(ERR_NEEDS_ARG, arg);
        return ARGS_USAGE;
      }
      if (parse_jobs(v, &a->threads) != 0) {
        usage_error(ERR_JOBS, v);
        return ARGS_USAGE;
      }
      continue;
    }
    if (arg[1] != '-') {
      usage_error(ERR_UNKNOWN, arg);
      return ARGS_USAGE;
    }

    /* A long option, possibly "--name=value". */
    const char *eq = strchr(arg, '=');
    size_t namelen = eq ? (size_t)(eq - arg) : strlen(arg);
    const char *value = eq ? eq + 1 : NULL;
#define IS(name) (namelen == strlen(name) && strncmp(arg, name, namelen) == 0)
    if (IS("--jobs") || IS("--input-dir") || IS("--input-list")) {
      if (!value) {
        if (i + 1 >= argc) {
          usage_error(ERR_NEEDS_ARG, arg);
          return ARGS_USAGE;
        }
        value = argv[++i];
      }
      if (IS("--input-dir")) {
        a->input_dirs[a->ninput_dirs++] = (char *)value;
      } else if (IS("--input-list")) {
        a->input_lists[a->ninput_lists++] = (char *)value;
      } else if (parse_jobs(value, &a->threads) != 0) {
        usage_error(ERR_JOBS, value);
        return ARGS_USAGE;
      }
      continue;
    }
    if (IS("--warc") || IS("--warc-stats") || IS("--progress") ||
        IS("--quiet")) {
      if (value) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)namelen, arg);
        usage_error(ERR_NO_ARG, name);
        return ARGS_USAGE;
      }
      if (IS("--warc"))
        a->warc = 1;
      else if (IS("--warc-stats"))
        a->warc_stats = 1;
      else
        a->progress = IS("--progress");
      continue;
    }
    if (IS("--url") || IS("--max-size")) {
      if (!value) {
        if (i + 1 >= argc) {
          usage_error(ERR_NEEDS_ARG, arg);
          return ARGS_USAGE;
        }
        value = argv[++i];
      }
      if (IS("--url")) {
        a->url = value;
      } else if (parse_size(value, &a->max_size) != 0) {
        usage_error(ERR_SIZE, value);
        return ARGS_USAGE;
      }
      continue;
    }
    unsigned bit;
    if (IS("--json"))
      bit = 0;
    else if (IS("--no-fallback"))
      bit = PITH_OPT_NO_FALLBACK;
    else if (IS("--keep-hidden"))
      bit = PITH_OPT_KEEP_HIDDEN;
    else if (IS("--no-metadata"))
      bit = PITH_OPT_NO_METADATA;
    else {
      usage_error(ERR_UNKNOWN, arg);
      return ARGS_USAGE;
    }
#undef IS
    if (value) {
      /* Report the option without its "=value". */
      char name[64];
      snprintf(name, sizeof name, "%.*s", (int)namelen, arg);
      usage_error(ERR_NO_ARG, name);
      return ARGS_USAGE;
    }
    if (bit)
      a->opts |= bit;
    else
      a->json = 1;
  }

  if (n) {
    a->inputs = argv + 1;
    a->ninputs = n;
  } else if (a->ninput_dirs || a->ninput_lists) {
    a->inputs = argv + 1;
    a->ninputs = 0;
  } else {
    a->inputs = stdin_only;
    a->ninputs = 1;
  }
  return ARGS_RUN;
}
