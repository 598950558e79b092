/* SPDX-License-Identifier: MIT */
/*
 * pith.h - the one public header of libpith.
 *
 * libpith turns a raw web page (bytes, any common charset) into a clean
 * record: the page's main text without navigation, ads and other
 * boilerplate, plus its metadata (title, author, date, site, language, ...).
 *
 * Conventions, stated once here and again on each function:
 *  - Handles are opaque.  Every *_new has a matching *_free, and *_free(NULL)
 *    is a no-op.
 *  - Getters return borrowed "const char *" strings that stay valid until
 *    the owning object is freed.  They never return NULL for string fields:
 *    an absent value is the empty string "".
 *  - Functions that return "char *" hand ownership to the caller, who frees
 *    it with pith_free() (never free()).
 *  - The library never keeps the caller's input buffer; it copies what it
 *    needs.
 *  - The library never prints, never exits and installs no global handlers.
 *  - Functions that can fail return a pith_status and write results through
 *    out-parameters.  Constructors return NULL only when out of memory.
 *  - Finding no main content is not an error: the result's text is empty.
 */
#ifndef PITH_H
#define PITH_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__) && !defined(PITH_STATIC_BUILD)
#define PITH_EXPORT __attribute__((visibility("default")))
#else
#define PITH_EXPORT
#endif

#define PITH_VERSION_MAJOR 0
#define PITH_VERSION_MINOR 1
#define PITH_VERSION_PATCH 0
#define PITH_VERSION_STRING "0.1.0"
/* MAJOR * 10000 + MINOR * 100 + PATCH */
#define PITH_VERSION                                                           \
  (PITH_VERSION_MAJOR * 10000 + PITH_VERSION_MINOR * 100 + PITH_VERSION_PATCH)

/* Status codes.  The numbers are fixed and never reused. */
typedef enum {
  PITH_OK = 0,
  PITH_ERR_NOMEM = 1,       /* out of memory */
  PITH_ERR_INVALID_ARG = 2, /* a NULL or otherwise invalid argument */
  PITH_ERR_PARSE = 3,       /* the parser could not produce a document */
  PITH_ERR_ENCODING = 4,    /* the input could not be decoded */
  PITH_ERR_TOO_LARGE = 5,   /* the input exceeds the configured size cap */
  PITH_ERR_IO = 6,          /* reserved for I/O helpers */
  PITH_ERR_WARC_FORMAT = 7, /* a malformed WARC record */
  PITH_ERR_EMPTY = 8,       /* the input has no bytes at all */
  PITH_ERR_NOT_HTML = 9     /* binary data (a PDF, an image, an archive,
                             * random bytes...), not a text document */
} pith_status;

/* A short, static English message for a status code; never NULL. */
PITH_EXPORT const char *pith_strerror(pith_status status);

/* The library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
PITH_EXPORT int pith_version(void);
/* The library's version as "MAJOR.MINOR.PATCH"; a static string. */
PITH_EXPORT const char *pith_version_string(void);
/* The HTML parser used when an extractor's options name none: "html5"
 * (pith's own) or "libxml2"; a static string.  Set when libpith is built
 * (CMake option PITH_DEFAULT_PARSER, "html5" unless set otherwise). */
PITH_EXPORT const char *pith_default_parser(void);

/*
 * Initialise libxml2 once for the whole process.  Call it before using the
 * library from several threads; single-threaded callers may skip it (the
 * first extractor initialises lazily).  Safe to call more than once.
 */
PITH_EXPORT pith_status pith_global_init(void);
/* Release libxml2's global state.  Call at most once, at exit, when no
 * extractor is alive. */
PITH_EXPORT void pith_global_cleanup(void);

/* Option bits for extraction. */
#define PITH_OPT_DEFAULT 0u
/* Do not fall back to the whole-page method when the primary method finds
 * too little text. */
#define PITH_OPT_NO_FALLBACK (1u << 0)
/* Keep elements hidden from readers (hidden, aria-hidden, display:none). */
#define PITH_OPT_KEEP_HIDDEN (1u << 1)
/* Skip metadata extraction (text only). */
#define PITH_OPT_NO_METADATA (1u << 2)
/* Do not collect reader comments (pith_result_comments() stays ""). */
#define PITH_OPT_NO_COMMENTS (1u << 3)
/* Precision mode, for corpora: blocks the default keeps on doubtful
 * evidence (inside containers whose class words say "probably
 * boilerplate", a third or more of their text in links, after the
 * element holding the article's prose) are dropped, and no lead is taken
 * from the page header. */
#define PITH_OPT_PRECISION (1u << 5)
/* Recall mode, for search and retrieval: doubtful blocks are kept (no
 * down-scoring of probably-boilerplate containers when selecting, looser
 * link-density limit, no cut after the end of the article).  With
 * PITH_OPT_PRECISION too, neither applies. */
#define PITH_OPT_RECALL (1u << 6)
/* Record the decision trace: why each visible text block was kept or
 * dropped, and where each metadata field came from (pith_result_trace_*,
 * pith_result_field_source(), pith_render_explain_json()).  Without this
 * bit nothing is recorded and the trace getters report an empty trace. */
#define PITH_OPT_EXPLAIN (1u << 7)

/*
 * Bits 8..15: structure and rendering.  The same bits are given to
 * pith_extractor_new() (where they shape what is extracted) and to the
 * renderers pith_render_markdown(), pith_render_xml() and
 * pith_render_html() (where they choose what is written).
 */
/* Renderers: write links, resolved against the page's base URL (<base
 * href>, else the URL given, else the canonical URL). */
#define PITH_OPT_LINKS (1u << 8)
/* Extraction: keep blocks that hold only images (they add no text).
 * Renderers: write images. */
#define PITH_OPT_IMAGES (1u << 9)
/* Renderers: write emphasis, strong emphasis and inline code. */
#define PITH_OPT_FORMATTING (1u << 10)
/* Extraction: leave tables (rows of inline cells) out, of the text too. */
#define PITH_OPT_NO_TABLES (1u << 11)
/* pith_render_json_ex() only: add a "markdown" key after "text". */
#define PITH_RENDER_MARKDOWN_FIELD (1u << 16)

/* Bits 17..18: the HTML parser.  Without either, the library's default
 * (pith_default_parser(); set when libpith is built).  pith's own parser
 * tokenizes as the WHATWG HTML standard says and builds the tree by its
 * tree-construction rules (what browsers build); libxml2's HTML parser
 * follows HTML 4 error recovery.  With both bits, the default. */
#define PITH_OPT_PARSER_HTML5 (1u << 17)
#define PITH_OPT_PARSER_LIBXML2 (1u << 18)

/* Cut input larger than the size cap to the cap (and flag the result as
 * truncated) instead of failing with PITH_ERR_TOO_LARGE. */
#define PITH_OPT_TRUNCATE_INPUT (1u << 4)

/* Default cap on the input size accepted by an extractor (bytes). */
#define PITH_DEFAULT_MAX_INPUT ((size_t)64 * 1024 * 1024)

typedef struct pith_extractor pith_extractor;
typedef struct pith_result pith_result;

/*
 * Create an extractor with option bits `opts` (PITH_OPT_*).  An extractor
 * may be reused for many pages, one at a time; use one per thread.
 * Returns NULL only when out of memory.  Free it with pith_extractor_free().
 */
PITH_EXPORT pith_extractor *pith_extractor_new(unsigned opts);
/* Free an extractor.  Results it produced stay valid.  NULL is a no-op. */
PITH_EXPORT void pith_extractor_free(pith_extractor *ex);
/* Set the input size cap in bytes (0 means PITH_DEFAULT_MAX_INPUT).  For
 * gzip-compressed input the cap holds for the decompressed page. */
PITH_EXPORT void pith_extractor_set_max_input(pith_extractor *ex,
                                              size_t max_bytes);

/*
 * Bounds for untrusted input, each with a default that suits a crawl; 0
 * restores the default.  Whatever a page holds, extraction stays within
 * them, and a result that hit one is flagged (pith_result_truncated()).
 *  - max_nodes: elements and text runs kept from one page (default 4Mi);
 *    the rest of the page is dropped.  Working memory grows with the
 *    nodes kept: at the 4Mi cap, 0.5 to 0.7 GB measured on 30 MB pages
 *    built to reach it; real pages hold far fewer nodes (the largest of
 *    the 1,358 dev pages, 5.3 MB, about 45 thousand).
 *  - max_depth: nesting depth of the tree (default 512, as browsers);
 *    deeper elements are flattened into the deepest kept one, their text
 *    kept - this alone does not flag the result.
 *  - time_budget_ms: wall-clock time for one page, every stage included
 *    (default 5000).  Parsing may take half of it; past that the parser
 *    stops and extraction uses the part it has.  The later stages
 *    (selection, body, comments, metadata, page type) check the same
 *    clock and, when it runs out, stop where they are and keep what they
 *    have.  Such a result is flagged and may differ between runs; all
 *    other results are deterministic.
 *    PITH_NO_TIME_LIMIT turns the clock off (results are then always
 *    deterministic).
 */
PITH_EXPORT void pith_extractor_set_max_nodes(pith_extractor *ex,
                                              size_t max_nodes);
PITH_EXPORT void pith_extractor_set_max_depth(pith_extractor *ex,
                                              unsigned max_depth);
PITH_EXPORT void pith_extractor_set_time_budget(pith_extractor *ex,
                                                unsigned ms);
/* The time budget that means "no time limit". */
#define PITH_NO_TIME_LIMIT ((unsigned)-1)

/*
 * Extract one page.  `buf`/`len` is the raw page (the library copies what it
 * needs); gzip-compressed bytes (magic 1f 8b 08) are decompressed first,
 * within the size cap.  `url` (may be NULL) is the page's address, used for
 * metadata.  `encoding` (may be NULL) is a charset hint such as one from an
 * HTTP header; it is used when the page declares none.  On PITH_OK, *out
 * holds a new result the caller frees with pith_result_free(); on error
 * *out is NULL and pith_extractor_error() says why.  Errors:
 * PITH_ERR_EMPTY (no bytes), PITH_ERR_TOO_LARGE (over the size cap, also
 * after gunzip), PITH_ERR_ENCODING (damaged gzip data), PITH_ERR_NOT_HTML
 * (the bytes are binary: the magic number of a PDF, image, archive, font,
 * audio or video file, executable..., or, after decoding, more than 1 in
 * 40 characters that no text holds: NUL and other control characters,
 * bytes the charset leaves undefined), PITH_ERR_NOMEM, and
 * PITH_ERR_INVALID_ARG.  Plain text is accepted: its text is its
 * paragraphs.
 */
PITH_EXPORT pith_status pith_extractor_extract(pith_extractor *ex,
                                               const char *buf, size_t len,
                                               const char *url,
                                               const char *encoding,
                                               pith_result **out);

/* Why the extractor's last pith_extractor_extract() failed: a one-line
 * message more precise than pith_strerror() of the status, e.g. "not
 * HTML: PDF document", "not HTML: binary data" or "gzip: truncated input";
 * "" after a success.  Borrowed, valid until the next call on `ex`. */
PITH_EXPORT const char *pith_extractor_error(const pith_extractor *ex);

/* One-call convenience: a temporary extractor with `opts`.  Same contract
 * as pith_extractor_extract(). */
PITH_EXPORT pith_status pith_extract(const char *buf, size_t len,
                                     const char *url, unsigned opts,
                                     pith_result **out);

/* Free a result.  NULL is a no-op. */
PITH_EXPORT void pith_result_free(pith_result *res);

/* Borrowed strings, valid until pith_result_free(); "" when absent. */
PITH_EXPORT const char *pith_result_text(const pith_result *res);
PITH_EXPORT const char *pith_result_title(const pith_result *res);
PITH_EXPORT const char *pith_result_author(const pith_result *res);
/* Publication date as YYYY-MM-DD, or "". */
PITH_EXPORT const char *pith_result_date(const pith_result *res);
PITH_EXPORT const char *pith_result_sitename(const pith_result *res);
PITH_EXPORT const char *pith_result_description(const pith_result *res);
/* Language of the page: detected from the extracted text with CLD2 when
 * built with it and the detection is reliable (the markup's tag is kept
 * when it names the same language, e.g. "pt-BR"); else the one the markup
 * declares (<html lang>, Content-Language, og:locale, JSON-LD
 * inLanguage); or "". */
PITH_EXPORT const char *pith_result_language(const pith_result *res);
/* The canonical URL if the page names one, else the URL given, or "". */
PITH_EXPORT const char *pith_result_url(const pith_result *res);
/* The charset the input was decoded from (e.g. "UTF-8", "WINDOWS-1252"). */
PITH_EXPORT const char *pith_result_charset(const pith_result *res);

/* 1 when a bound cut the page short (input size with
 * PITH_OPT_TRUNCATE_INPUT, node count or time budget): the result holds
 * what was extracted from the part that was read.  0 otherwise. */
PITH_EXPORT int pith_result_truncated(const pith_result *res);
/* Last-modified date as YYYY-MM-DD, or "". */
PITH_EXPORT const char *pith_result_date_modified(const pith_result *res);
/* The page's main image (absolute URL when the page gives one), or "". */
PITH_EXPORT const char *pith_result_image(const pith_result *res);
/* The URL of the license the page declares (rel=license, Creative Commons
 * links, JSON-LD license), or "". */
PITH_EXPORT const char *pith_result_license(const pith_result *res);
/* The kind of page: "article", "forum", "product", "collection",
 * "listing", "documentation" or "service"; "" when metadata is off. */
PITH_EXPORT const char *pith_result_page_type(const pith_result *res);
/* 1 when the text opens with a news dateline ("LONDON, March 3 (Reuters)
 * -"), else 0.  Its parts are borrowed strings, "" when absent: the place
 * ("LONDON"), the date as written ("March 3") and the agency ("Reuters").
 * The dateline stays in the text. */
PITH_EXPORT int pith_result_has_dateline(const pith_result *res);
PITH_EXPORT const char *pith_result_dateline_place(const pith_result *res);
PITH_EXPORT const char *pith_result_dateline_date(const pith_result *res);
PITH_EXPORT const char *pith_result_dateline_agency(const pith_result *res);
/* Reader comments (not part of the text), one comment per paragraph
 * separated by a blank line, in page order; "" when there are none or
 * PITH_OPT_NO_COMMENTS is set. */
PITH_EXPORT const char *pith_result_comments(const pith_result *res);

/* Categories and tags: counts and borrowed items (index < count). */
PITH_EXPORT size_t pith_result_category_count(const pith_result *res);
PITH_EXPORT const char *pith_result_category(const pith_result *res, size_t i);
PITH_EXPORT size_t pith_result_tag_count(const pith_result *res);
PITH_EXPORT const char *pith_result_tag(const pith_result *res, size_t i);

/*
 * The decision trace (with PITH_OPT_EXPLAIN; otherwise empty).  Entries
 * are the page's visible text blocks in document order.  The kept entries
 * are exactly the blocks of the text, list items with their "- " prefix
 * and indentation: joined with a blank line ("\n\n"), or with a single
 * "\n" between two consecutive list items or two consecutive table rows,
 * they give pith_result_text() byte for byte.
 */
#define PITH_TRACE_KEPT 0    /* main text */
#define PITH_TRACE_COMMENT 1 /* a reader comment (pith_result_comments()) */
#define PITH_TRACE_DROPPED 2 /* left out; `reason` says why */

typedef struct {
  int decision;       /* PITH_TRACE_* */
  const char *reason; /* reason code: "kept", "comment", "class-word", ...
                         (pith_reason_name() lists them) */
  const char *detail; /* the rule's word, tag or role and the element it
                         fired on ("word \"sidebar\" in the class of
                         div.main-sidebar"); "" when the reason says all */
  const char *path;   /* the block's element path ("div.entry > p") */
  const char *text;   /* the block's text, white space collapsed */
  size_t words;       /* words in text */
  double score;       /* the block's weight in the selection: prose > 0,
                         link lists < 0 */
  const char *block;  /* kept entries, and those the structuring stage
                         dropped: the block type ("paragraph", "heading",
                         "list-item", "quote", "code", "table-row"); ""
                         for other dropped text */
} pith_trace_entry;

/* Entries in the trace (0 without PITH_OPT_EXPLAIN). */
PITH_EXPORT size_t pith_result_trace_count(const pith_result *res);
/* Fill *out with entry i (< count); its strings are borrowed, valid until
 * pith_result_free().  Returns 0, or -1 when i or an argument is out of
 * range (*out is then untouched). */
PITH_EXPORT int pith_result_trace_entry(const pith_result *res, size_t i,
                                        pith_trace_entry *out);
/* The element selected as the main content ("article.post"), "" when
 * none; its subtree score; and the fallback taken: "none",
 * "no-soft-penalties" (selected again without down-scoring probably-
 * boilerplate containers), "whole-body" or "prose-net" (the text came out
 * too short for the page's prose: the element holding most of that prose
 * was taken, its class rules lifted).  Borrowed strings. */
PITH_EXPORT const char *pith_result_trace_selected(const pith_result *res);
PITH_EXPORT double pith_result_trace_selected_score(const pith_result *res);
PITH_EXPORT const char *pith_result_trace_fallback(const pith_result *res);
/* Where a metadata field came from, for "title", "author", "date",
 * "sitename", "description", "language", "url", "image", "page_type" and
 * "dateline" (e.g. "<h1> (the main heading)", "og:site_name", "JSON-LD
 * datePublished"); "" when the field is empty, unknown, or the result was
 * made without PITH_OPT_EXPLAIN.  Borrowed. */
PITH_EXPORT const char *pith_result_field_source(const pith_result *res,
                                                 const char *field);
/* The reason codes: their number, the name of code i ("" past the end)
 * and a one-line description of a named code ("" when unknown).  Static
 * strings. */
PITH_EXPORT size_t pith_reason_count(void);
PITH_EXPORT const char *pith_reason_name(size_t i);
PITH_EXPORT const char *pith_reason_doc(const char *name);

/*
 * Render the trace as JSON Lines (docs/extraction.md): a first line with
 * "source", "selected", "selected_score", "fallback", "fields" (each
 * metadata field's value and source) and "words" (words per reason), then
 * one line per entry with "i", "decision" ("kept", "comment", "dropped"),
 * "reason", "detail", "path", "score", "words" and "text".  Every line
 * ends in a newline.  `source` may be NULL.  Returns a new string freed
 * with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_explain_json(const pith_result *res,
                                           const char *source);

/*
 * Render the trace as one self-contained HTML page (what `pith --explain`
 * writes): the metadata fields with their sources, the selected element,
 * words kept / comment / dropped per reason, then the page's text blocks
 * in document order, coloured by decision, each with its reason, detail
 * and element path; runs of dropped blocks fold into <details>.  The page
 * is safe to open: no script, nothing that loads (a Content-Security-
 * Policy forbids it too), every element written by pith and every string
 * from the page escaped.  A result made without PITH_OPT_EXPLAIN gives a
 * page that says so.  `source` (the input's name) may be NULL.  Returns a
 * new string freed with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_explain_html(const pith_result *res,
                                           const char *source);

/*
 * Render a result as one JSON object on one line (no trailing newline).
 * `source` (may be NULL, written as null) names the input.  Returns a new
 * string the caller frees with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_json(const pith_result *res, const char *source);

/*
 * Render the JSON record of an input that failed: the same keys as
 * pith_render_json() with null values plus "error": `message`.  `source`,
 * `url` may be NULL.  Returns a new string freed with pith_free(), or NULL
 * when out of memory.
 */
PITH_EXPORT char *pith_render_json_error(const char *source, const char *url,
                                         const char *message);

/*
 * pith_render_json() with render `flags`: PITH_RENDER_MARKDOWN_FIELD adds
 * "markdown": the body as pith_render_markdown() writes it with the same
 * `flags` (so PITH_OPT_LINKS, _IMAGES and _FORMATTING apply to it).
 * Returns a new string freed with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_json_ex(const pith_result *res,
                                      const char *source, unsigned flags);

/*
 * Render the body as CommonMark Markdown (with GitHub pipe tables):
 * headings relative to the article's top heading ("#"), paragraphs,
 * nested lists, block quotes, fenced code blocks, tables and line breaks;
 * with the PITH_OPT_LINKS, _IMAGES and _FORMATTING bits of `flags` also
 * links, images and emphasis.  Text is escaped so that it parses back to
 * the same words.  Returns a new string (ending in a newline unless empty)
 * that the caller frees with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_markdown(const pith_result *res, unsigned flags);

/*
 * Render the result as an XML document (docs/formats.md gives the
 * schema): a <doc> element with the metadata as attributes, holding a
 * <main> of head, p, list/item, quote, code, table/row/cell, and inline hi,
 * ref, graphic and lb.  `flags` as for pith_render_markdown().  Returns a
 * new string freed with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_xml(const pith_result *res, unsigned flags);

/*
 * Render the result as a standalone HTML5 document: the metadata in
 * <head>, the body in <article>.  It is safe to open: no scripts, no
 * event-handler attributes, no style, and only http, https, ftp, mailto
 * and tel URLs (or relative ones).  `flags` as for pith_render_markdown().
 * Returns a new string freed with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_html(const pith_result *res, unsigned flags);

/* Free a string returned by the library.  NULL is a no-op. */
PITH_EXPORT void pith_free(void *ptr);

/*
 * Threads.  libpith has no global state of its own; the only process-wide
 * state is libxml2's, set up once by pith_global_init() (pthread_once; the
 * first pith_extractor_new() calls it too).  Extractors, results and WARC
 * readers are independent objects: each may be used by one thread at a
 * time, and any number may be used in parallel, e.g. one extractor per
 * worker thread (what the pith tool does with -j).  Results may be passed
 * between threads and freed by any of them.
 */

/*
 * Streaming WARC reader (WARC/1.0 and 1.1; uncompressed, or gzip with one
 * or more members, e.g. Common Crawl's one member per record).
 *
 * The reader pulls bytes through `read`: it calls read(ctx, buf, len) for
 * up to `len` bytes, which returns how many it stored (> 0), 0 at end of
 * input, or a negative value on error.  It never holds more than one
 * record (capped, see pith_warc_reader_set_max_record) plus a 64 KiB read
 * chunk, or for gzip input one member of up to 8 MiB (its compressed bytes
 * and their output), whatever the input's size.  With gzip input it may
 * read a member to its end, and the next member's first bytes, before
 * handing out the member's records.  A reader is used from one thread at a
 * time; different readers are independent.
 */
typedef ptrdiff_t (*pith_read_fn)(void *ctx, char *buf, size_t len);
typedef struct pith_warc_reader pith_warc_reader;
typedef struct pith_warc_record pith_warc_record;

/* Default cap on a record's content block and decoded payload (bytes). */
#define PITH_WARC_DEFAULT_MAX_RECORD ((size_t)64 * 1024 * 1024)

/* Create a reader that pulls its input through read(ctx, ...).  Returns
 * NULL when out of memory or `read` is NULL.  The reader does not own ctx.
 * Free it with pith_warc_reader_free(). */
PITH_EXPORT pith_warc_reader *pith_warc_reader_new(pith_read_fn read,
                                                   void *ctx);
/* Free a reader and its current record.  NULL is a no-op. */
PITH_EXPORT void pith_warc_reader_free(pith_warc_reader *r);
/* Cap a record's content block, and its payload after HTTP
 * Content-Encoding, at `max_bytes` (0: PITH_WARC_DEFAULT_MAX_RECORD).
 * Bigger records are skipped as they stream by and returned as
 * PITH_ERR_TOO_LARGE error records. */
PITH_EXPORT void pith_warc_reader_set_max_record(pith_warc_reader *r,
                                                 size_t max_bytes);

/*
 * Read the next record into *rec, which is borrowed from the reader and
 * valid until the next call or pith_warc_reader_free().  Returns
 *  - PITH_OK with *rec set: a well-formed record;
 *  - PITH_OK with *rec NULL: the end of the input;
 *  - PITH_ERR_WARC_FORMAT, PITH_ERR_TOO_LARGE or PITH_ERR_ENCODING with
 *    *rec set: a broken record (malformed header, wrong Content-Length,
 *    truncation, damaged gzip member, payload not HTTP, undecodable
 *    Content-Encoding, too large).  pith_warc_record_error() says why;
 *    the fields that could be read are set.  The reader has already
 *    resynchronised: call again for the next record;
 *  - PITH_ERR_IO (the read callback failed), PITH_ERR_NOMEM or
 *    PITH_ERR_INVALID_ARG with *rec NULL: the reader cannot go on, and
 *    later calls return the same status.
 */
PITH_EXPORT pith_status pith_warc_reader_next(pith_warc_reader *r,
                                              const pith_warc_record **rec);
/* Bytes obtained from the read callback so far (compressed size). */
PITH_EXPORT unsigned long long
pith_warc_reader_bytes_read(const pith_warc_reader *r);
/* Bytes skipped because they belonged to no record (garbage between
 * records, or the damaged trailer of a gzip member after a good record). */
PITH_EXPORT unsigned long long
pith_warc_reader_skipped_bytes(const pith_warc_reader *r);

/* Record fields: borrowed strings valid as long as the record; "" when
 * absent.  WARC-Type ("response", "request", "warcinfo", ...): */
PITH_EXPORT const char *pith_warc_record_type(const pith_warc_record *rec);
/* WARC-Target-URI (without the angle brackets WARC/1.0 allowed). */
PITH_EXPORT const char *
pith_warc_record_target_uri(const pith_warc_record *rec);
/* WARC-Record-ID, as written (e.g. "<urn:uuid:...>"). */
PITH_EXPORT const char *pith_warc_record_id(const pith_warc_record *rec);
/* WARC-Date, as written (e.g. "2024-03-04T10:00:00Z"). */
PITH_EXPORT const char *pith_warc_record_date(const pith_warc_record *rec);
/* WARC-Truncated, as written ("length", "time", "disconnect",
 * "unspecified"): the crawler cut the payload short, e.g. Common Crawl at
 * 1 MiB; "" when absent. */
PITH_EXPORT const char *pith_warc_record_truncated(const pith_warc_record *rec);
/* Why the record is broken; "" for a good record. */
PITH_EXPORT const char *pith_warc_record_error(const pith_warc_record *rec);
/* Response records: the HTTP status code (e.g. 200); else 0. */
PITH_EXPORT int pith_warc_record_http_status(const pith_warc_record *rec);
/* Response records: the HTTP Content-Type's media type, lower-cased and
 * without parameters ("text/html"), and its charset parameter as written
 * ("ISO-8859-1"); "" when absent. */
PITH_EXPORT const char *
pith_warc_record_content_type(const pith_warc_record *rec);
PITH_EXPORT const char *pith_warc_record_charset(const pith_warc_record *rec);
/* The payload: for response records the HTTP body, with Transfer-Encoding
 * chunked and Content-Encoding gzip/deflate undone; for other records the
 * whole content block.  Borrowed, valid as long as the record; stores its
 * length in *len (len may be NULL).  Not NUL-terminated in general. */
PITH_EXPORT const char *pith_warc_record_body(const pith_warc_record *rec,
                                              size_t *len);
/* Offset of the record's "WARC/" line in the uncompressed stream. */
PITH_EXPORT unsigned long long
pith_warc_record_offset(const pith_warc_record *rec);
/* Where the record is stored in the input as read through the callback,
 * so that it can be fetched again by range, as CDX indexes do: the byte
 * offset and length of the record from its "WARC/" line to the end of its
 * trailing CRLFCRLF in an uncompressed file, or of the gzip member that
 * holds it in a .warc.gz (from the member holding its first byte to the
 * end of the one holding its last, should it span several).  A range read
 * there gives input that a new reader returns the same record from (with
 * the other records of a shared member).  The offset is always set; the
 * length is 0 when unknown (a broken record whose member could not be
 * delimited, or one cut by the end of input). */
PITH_EXPORT unsigned long long
pith_warc_record_stored_offset(const pith_warc_record *rec);
PITH_EXPORT unsigned long long
pith_warc_record_stored_length(const pith_warc_record *rec);
/* 1 for a good response record whose payload is HTML: Content-Type
 * text/html or application/xhtml+xml, or no Content-Type and a payload
 * that starts like HTML or is empty (a redirect without a body); else 0.
 * The payload may still turn out to be binary data under an HTML label:
 * pith_extractor_extract() then returns PITH_ERR_NOT_HTML. */
PITH_EXPORT int pith_warc_record_is_html(const pith_warc_record *rec);

/*
 * Render the JSON line of one WARC record: the keys of pith_render_json()
 * in the same order, with "url" set to `url` (the WARC-Target-URI) rather
 * than the page's canonical URL, then "warc_record_id", "warc_date",
 * "http_status" (`http_status`, e.g. 200 or 404, as a number; null when
 * 0, i.e. unknown) and "warc_truncated" (`warc_truncated`, the record's
 * WARC-Truncated value such as "length"; null when NULL or ""), then
 * "warc_offset" and "warc_length" as null (pith_render_json_warc_at()
 * fills them in).  A record
 * the crawler truncated is also marked "truncated": true.  With `res` NULL
 * it renders a failed record instead (the keys of
 * pith_render_json_error(), then the four WARC keys, then "error":
 * `message`).  Any string may be NULL (written as null).  Returns a new
 * string freed with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *pith_render_json_warc(const pith_result *res,
                                        const char *source, const char *url,
                                        const char *record_id, const char *date,
                                        int http_status,
                                        const char *warc_truncated,
                                        const char *message);

/*
 * pith_render_json_warc() with the record's place in its file: after
 * "warc_truncated" come "warc_offset" and "warc_length" (what
 * pith_warc_record_stored_offset() and _stored_length() give; null when
 * negative).  With `res` and `message` both NULL it renders a record with
 * no content, for a response whose payload is empty (a redirect, an empty
 * 200): "text" is "", "categories" and "tags" are [], the other keys of
 * pith_render_json() null, and no "error".  Returns a new string freed
 * with pith_free(), or NULL when out of memory.
 */
PITH_EXPORT char *
pith_render_json_warc_at(const pith_result *res, const char *source,
                         const char *url, const char *record_id,
                         const char *date, int http_status,
                         const char *warc_truncated, long long warc_offset,
                         long long warc_length, const char *message);

#ifdef __cplusplus
}
#endif

#endif /* PITH_H */
