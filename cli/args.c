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
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "pith/pith.h"

/* The help text, in parts: C limits one string literal to 4095 bytes. */
static const char *const usage_text[] = {
    "Usage: pith [OPTIONS] [FILE...]\n"
    "Extract the main text and metadata of web pages.\n"
    "\n"
    "Each FILE is an HTML page, plain or gzip-compressed (detected from its\n"
    "first bytes).  With no FILE, or when FILE is -, read standard input.\n"
    "\n"
    "Options:\n"
    "  --format FMT       output format: txt (the default), markdown, json,\n"
    "                     xml or html\n"
    "  --json             write one JSON object per input (JSON Lines), in\n"
    "                     input order, instead of plain text (--format json)\n"
    "  --markdown         write Markdown (--format markdown)\n"
    "  --links            Markdown, XML, HTML: keep links, as absolute URLs\n"
    "  --images           Markdown, XML, HTML: keep images, as absolute URLs\n"
    "  --formatting       Markdown, XML, HTML: keep emphasis, strong and code\n"
    "  --no-tables        leave tables out (of every format)\n"
    "  --no-comments      do not collect reader comments (the \"comments\"\n"
    "                     key is null)\n"
    "  --markdown-field   JSON: add a \"markdown\" key, the body as Markdown\n"
    "  --url URL          the page's address (an absolute URL), used for\n"
    "                     metadata and to resolve relative links (applies\n"
    "                     to every input)\n"
    "  --source-name NAME the \"source\" of standard input (default \"-\")\n"
    "  --max-size BYTES   refuse inputs larger than BYTES after gunzip\n"
    "                     (suffixes K, M, G = 1024-based; default 64M)\n"
    "  --truncate         cut inputs over --max-size to that size (the\n"
    "                     result is flagged \"truncated\") instead of failing\n"
    "  --max-nodes N      keep at most N elements and text runs of a page\n"
    "                     (default 4M); the rest is dropped, flagged\n"
    "  --max-depth N      flatten nesting deeper than N (default 512)\n"
    "  --time-limit MS    spend at most MS milliseconds on a page (every\n"
    "                     stage; parsing gets half), keep what was done by\n"
    "                     then, flagged (default 5000; 0: no limit)\n",
    "  --no-fallback      do not fall back to whole-page extraction when\n"
    "                     the main method finds too little text\n"
    "  --keep-hidden      keep elements hidden from readers (hidden,\n"
    "                     aria-hidden, display:none)\n"
    "  --precision        drop doubtful blocks (for corpora): less\n"
    "                     boilerplate, some article text may go\n"
    "  --recall           keep doubtful blocks (for search and RAG): more\n"
    "                     of the article, more boilerplate\n"
    "  --no-metadata      skip metadata extraction (text only)\n"
    "  --parser NAME      the HTML parser: html5 (pith's own, as browsers\n"
    "                     parse) or libxml2 (HTML 4 error recovery);\n"
    "                     default: the one libpith was built with\n"
    "  --input-dir DIR    also process every file under DIR (recursively,\n"
    "                     in name order; names starting with '.' skipped)\n"
    "  --include GLOB     --input-dir: only files whose name matches GLOB\n"
    "                     (e.g. '*.html*'; may be repeated: any matches;\n"
    "                     default: every file)\n"
    "  --input-list FILE  also process the paths listed in FILE, one per\n"
    "                     line (- reads the list from standard input)\n"
    "  -j, --jobs N       extract with N threads (default: one per CPU the\n"
    "                     process may use: its affinity mask and cgroup CPU\n"
    "                     quota); the output is the same as with -j 1\n"
    "  --warc             treat every input as a WARC file (WARC files are\n"
    "                     also recognised by their first bytes)\n"
    "  --warc-stats       only read the WARC inputs and count their records\n"
    "  --progress         show progress on stderr and a summary at the end\n"
    "                     (the default when stderr is a terminal; to a file\n"
    "                     or pipe, one line a second)\n"
    "  --quiet            no progress line and no summary\n"
    "  --jsonl-input      read pages as JSON Lines on standard input, one\n"
    "                     {\"url\": ..., \"html\": ...} object per line\n"
    "                     (or \"html_base64\": the raw bytes; optional\n"
    "                     \"source\", \"encoding\"), and write one JSON "
    "record\n"
    "                     per line, flushed: a worker for other languages\n"
    "  --explain[=FMT]    instead of the output, write a report of why each\n"
    "                     block was kept or dropped and where each metadata\n"
    "                     field came from: html (the default; one input\n"
    "                     only: pith --explain page.html > report.html) or\n"
    "                     json (JSON Lines, any inputs, see\n"
    "                     docs/extraction.md)\n"
    "  -h, --help         show this help and exit\n"
    "  -V, --version      show the version and exit\n",
    "\n"
    "Text output: the main text of each page, paragraphs separated by a\n"
    "blank line.  With several inputs, the documents are separated by a\n"
    "line holding a single form feed (\\f).  A failed input prints\n"
    "\"pith: FILE: message\" on standard error and an empty document (its\n"
    "form feed is kept, so the n-th document is the n-th input).  Binary\n"
    "files (PDF, images, archives...) fail with \"not HTML: ...\".\n"
    "\n"
    "JSON output keys, in this order: source, url, title, author (names\n"
    "joined by \"; \"), date (YYYY-MM-DD), sitename, description, language\n"
    "(detected from the text), categories (array), tags (array),\n"
    "date_modified, image, license, page_type (article, forum, product,\n"
    "collection, listing, documentation, service), dateline ({place, date,\n"
    "agency} or null), text, comments (one per paragraph, or null); then\n"
    "\"truncated\": true, only when a bound cut the page short.\n"
    "Absent values are null.  A failed input gives the same keys, all null\n"
    "except source and url, plus \"error\": a message.\n"
    "With --markdown-field, \"markdown\" follows \"text\".\n"
    "\n"
    "Markdown is CommonMark with pipe tables; XML follows the schema in\n"
    "docs/formats.md; HTML is a standalone page without scripts.  Several\n"
    "documents are separated as in text output.  Relative URLs are resolved\n"
    "against <base href>, else --url, else the page's canonical URL.\n"
    "\n"
    "WARC input (WARC/1.0 or 1.1, uncompressed or gzip, e.g. Common Crawl's\n"
    ".warc.gz): each response record with an HTML payload is one document;\n"
    "other records are skipped and counted.  In JSON, its url is the\n"
    "WARC-Target-URI, source the WARC file, and the keys warc_record_id,\n"
    "warc_date, http_status (200, 404...: error pages are extracted too) and\n"
    "warc_truncated (WARC-Truncated, e.g. \"length\"), warc_offset and\n"
    "warc_length (where the record, or its gzip member, lies in the file)\n"
    "follow comments.  A response with an empty body (a redirect) gives a\n"
    "record with empty text.  A broken record, or binary data labelled\n"
    "HTML, gives an error record and reading goes on at the next record.\n"
    "\n"
    "Exit status: 0 when every input produced a result, 1 when any input\n"
    "failed (the others are still processed) or output could not be\n"
    "written, 2 for a usage error.\n",
};

enum { ERR_UNKNOWN, ERR_NEEDS_ARG, ERR_NO_ARG, ERR_SIZE, ERR_FORMAT, ERR_JOBS };

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
  case ERR_FORMAT:
    fprintf(stderr,
            "pith: unknown format '%s' (txt, markdown, json, xml, html)\n",
            what);
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

/* An absolute URL: a scheme ("http:", "mailto:"...) - letters first, then
 * letters, digits, '+', '-' or '.' - and something after the colon.  A
 * file name given by mistake ("page.html") has none. */
static int looks_like_url(const char *s) {
  size_t i = 0;
  if (!((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
    return 0;
  while (s[i] &&
         ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
          (s[i] >= '0' && s[i] <= '9') || s[i] == '+' || s[i] == '-' ||
          s[i] == '.'))
    i++;
  return i >= 2 && s[i] == ':' && s[i + 1] != '\0';
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
  free(a->includes);
  a->input_dirs = a->input_lists = a->includes = NULL;
}

int args_parse(int argc, char **argv, cli_args *a) {
  static char *stdin_only[] = {"-", NULL};
  memset(a, 0, sizeof *a);
  a->opts = PITH_OPT_DEFAULT;
  a->progress = -1;
  a->input_dirs = calloc((size_t)argc, sizeof *a->input_dirs);
  a->input_lists = calloc((size_t)argc, sizeof *a->input_lists);
  a->includes = calloc((size_t)argc, sizeof *a->includes);
  if (!a->input_dirs || !a->input_lists || !a->includes) {
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
      for (size_t k = 0; k < sizeof usage_text / sizeof usage_text[0]; k++)
        fputs(usage_text[k], stdout);
      printf("\nThis build parses HTML with %s unless --parser says "
             "otherwise.\n",
             pith_default_parser());
      return ARGS_EXIT;
    }
    if (strcmp(arg, "-V") == 0 || strcmp(arg, "--version") == 0) {
      printf("pith %s (libpith %s, HTML parser %s)\n", PITH_VERSION_STRING,
             pith_version_string(), pith_default_parser());
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
    if (IS("--jobs") || IS("--input-dir") || IS("--input-list") ||
        IS("--include") || IS("--source-name")) {
      if (!value) {
        if (i + 1 >= argc) {
          usage_error(ERR_NEEDS_ARG, arg);
          return ARGS_USAGE;
        }
        value = argv[++i];
      }
      if (IS("--input-dir")) {
        a->input_dirs[a->ninput_dirs++] = (char *)value;
      } else if (IS("--include")) {
        a->includes[a->nincludes++] = (char *)value;
      } else if (IS("--source-name")) {
        a->source_name = value;
      } else if (IS("--input-list")) {
        a->input_lists[a->ninput_lists++] = (char *)value;
      } else if (parse_jobs(value, &a->threads) != 0) {
        usage_error(ERR_JOBS, value);
        return ARGS_USAGE;
      }
      continue;
    }
    if (IS("--explain")) {
      if (!value || strcmp(value, "html") == 0) {
        a->explain = EXPLAIN_HTML;
      } else if (strcmp(value, "json") == 0) {
        a->explain = EXPLAIN_JSON;
      } else {
        fprintf(stderr, "pith: unknown --explain format '%s' (html, json)\n",
                value);
        fputs("Try 'pith --help' for more information.\n", stderr);
        return ARGS_USAGE;
      }
      a->opts |= PITH_OPT_EXPLAIN;
      continue;
    }
    if (IS("--warc") || IS("--warc-stats") || IS("--progress") ||
        IS("--quiet") || IS("--jsonl-input")) {
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
      else if (IS("--jsonl-input"))
        a->jsonl_input = 1;
      else
        a->progress = IS("--progress");
      continue;
    }
    if (IS("--parser")) {
      if (!value) {
        if (i + 1 >= argc) {
          usage_error(ERR_NEEDS_ARG, arg);
          return ARGS_USAGE;
        }
        value = argv[++i];
      }
      a->opts &= ~(PITH_OPT_PARSER_HTML5 | PITH_OPT_PARSER_LIBXML2);
      if (strcmp(value, "html5") == 0) {
        a->opts |= PITH_OPT_PARSER_HTML5;
      } else if (strcmp(value, "libxml2") == 0) {
        a->opts |= PITH_OPT_PARSER_LIBXML2;
      } else {
        fprintf(stderr, "pith: unknown --parser '%s' (html5, libxml2)\n",
                value);
        fputs("Try 'pith --help' for more information.\n", stderr);
        return ARGS_USAGE;
      }
      continue;
    }
    if (IS("--url") || IS("--max-size") || IS("--format") ||
        IS("--max-nodes") || IS("--max-depth") || IS("--time-limit")) {
      if (!value) {
        if (i + 1 >= argc) {
          usage_error(ERR_NEEDS_ARG, arg);
          return ARGS_USAGE;
        }
        value = argv[++i];
      }
      size_t num = 0;
      if (IS("--url")) {
        if (!looks_like_url(value)) {
          fprintf(stderr,
                  "pith: '%s' after --url is not a URL (it needs a scheme, "
                  "as in https://example.org/page)\n",
                  value);
          fputs("Try 'pith --help' for more information.\n", stderr);
          return ARGS_USAGE;
        }
        a->url = value;
      } else if (IS("--time-limit") && strcmp(value, "0") == 0) {
        a->time_limit = PITH_NO_TIME_LIMIT; /* the clock off */
      } else if (IS("--format")) {
        static const char *const names[] = {"txt", "json", "markdown", "xml",
                                            "html"};
        int f = -1;
        for (int k = 0; k < 5; k++)
          if (strcmp(value, names[k]) == 0)
            f = k;
        if (f < 0 && (strcmp(value, "md") == 0 || strcmp(value, "text") == 0))
          f = value[0] == 'm' ? FORMAT_MARKDOWN : FORMAT_TXT;
        if (f < 0) {
          usage_error(ERR_FORMAT, value);
          return ARGS_USAGE;
        }
        a->format = f;
      } else if (IS("--max-size")) {
        if (parse_size(value, &a->max_size) != 0) {
          usage_error(ERR_SIZE, value);
          return ARGS_USAGE;
        }
      } else if (parse_size(value, &num) != 0 || num == 0 ||
                 (!IS("--max-nodes") && num > UINT_MAX)) {
        char name[64];
        snprintf(name, sizeof name, "%.*s", (int)namelen, arg);
        fprintf(stderr, "pith: invalid number '%s' for %s\n", value, name);
        fputs("Try 'pith --help' for more information.\n", stderr);
        return ARGS_USAGE;
      } else if (IS("--max-nodes")) {
        a->max_nodes = num;
      } else if (IS("--max-depth")) {
        a->max_depth = (unsigned)num;
      } else {
        a->time_limit = (unsigned)num;
      }
      continue;
    }
    unsigned bit;
    int format = -1;
    if (IS("--json"))
      bit = 0, format = FORMAT_JSON;
    else if (IS("--markdown"))
      bit = 0, format = FORMAT_MARKDOWN;
    else if (IS("--markdown-field"))
      bit = 0, a->md_field = 1;
    else if (IS("--links"))
      bit = PITH_OPT_LINKS;
    else if (IS("--images"))
      bit = PITH_OPT_IMAGES;
    else if (IS("--formatting"))
      bit = PITH_OPT_FORMATTING;
    else if (IS("--no-tables"))
      bit = PITH_OPT_NO_TABLES;
    else if (IS("--no-comments"))
      bit = PITH_OPT_NO_COMMENTS;
    else if (IS("--no-fallback"))
      bit = PITH_OPT_NO_FALLBACK;
    else if (IS("--keep-hidden"))
      bit = PITH_OPT_KEEP_HIDDEN;
    else if (IS("--precision"))
      bit = PITH_OPT_PRECISION;
    else if (IS("--recall"))
      bit = PITH_OPT_RECALL;
    else if (IS("--no-metadata"))
      bit = PITH_OPT_NO_METADATA;
    else if (IS("--truncate"))
      bit = PITH_OPT_TRUNCATE_INPUT;
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
    else if (format >= 0)
      a->format = format;
  }
  if (a->jsonl_input) {
    const char *clash = n                          ? "FILE arguments"
                        : a->ninput_dirs           ? "--input-dir"
                        : a->ninput_lists          ? "--input-list"
                        : a->warc || a->warc_stats ? "--warc"
                        : a->format != FORMAT_TXT && a->format != FORMAT_JSON
                            ? "--format (its records are JSON)"
                            : NULL;
    if (clash) {
      fprintf(stderr,
              "pith: --jsonl-input reads pages from standard input "
              "only; it takes no %s\n",
              clash);
      fputs("Try 'pith --help' for more information.\n", stderr);
      return ARGS_USAGE;
    }
    a->format = FORMAT_JSON;
  }
  a->json = a->format == FORMAT_JSON;

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
