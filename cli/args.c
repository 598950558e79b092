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
    "  --no-comments      do not collect reader comments\n"
    "  -h, --help         show this help and exit\n"
    "  -V, --version      show the version and exit\n"
    "\n"
    "Text output: the main text of each page, paragraphs separated by a\n"
    "blank line.  With several inputs, the documents are separated by a\n"
    "line holding a single form feed (\\f).  A failed input prints\n"
    "\"pith: FILE: message\" on standard error and no document.\n"
    "\n"
    "JSON output keys, in this order: source, url, title, author (names\n"
    "joined by \"; \"), date (YYYY-MM-DD), sitename, description, language\n"
    "(detected from the text), categories (array), tags (array),\n"
    "date_modified, image, license, page_type (article, forum, product,\n"
    "collection, listing, documentation, service), dateline ({place, date,\n"
    "agency} or null), text, comments (one per paragraph, or null).\n"
    "Absent values are null.  A failed input gives the same keys, all null\n"
    "except source and url, plus \"error\": a message.\n"
    "\n"
    "Exit status: 0 when every input produced a result, 1 when any input\n"
    "failed (the others are still processed) or output could not be\n"
    "written, 2 for a usage error.\n";

enum { ERR_UNKNOWN, ERR_NEEDS_ARG, ERR_NO_ARG, ERR_SIZE };

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

int args_parse(int argc, char **argv, cli_args *a) {
  static char *stdin_only[] = {"-", NULL};
  memset(a, 0, sizeof *a);
  a->opts = PITH_OPT_DEFAULT;
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
    if (arg[1] != '-') {
      usage_error(ERR_UNKNOWN, arg);
      return ARGS_USAGE;
    }

    /* A long option, possibly "--name=value". */
    const char *eq = strchr(arg, '=');
    size_t namelen = eq ? (size_t)(eq - arg) : strlen(arg);
    const char *value = eq ? eq + 1 : NULL;
#define IS(name) (namelen == strlen(name) && strncmp(arg, name, namelen) == 0)
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
    else if (IS("--no-comments"))
      bit = PITH_OPT_NO_COMMENTS;
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
  } else {
    a->inputs = stdin_only;
    a->ninputs = 1;
  }
  return ARGS_RUN;
}
