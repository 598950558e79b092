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
  PITH_ERR_WARC_FORMAT = 7, /* reserved for the WARC reader */
  PITH_ERR_EMPTY = 8        /* the input has no bytes at all */
} pith_status;

/* A short, static English message for a status code; never NULL. */
PITH_EXPORT const char *pith_strerror(pith_status status);

/* The library's version as MAJOR * 10000 + MINOR * 100 + PATCH. */
PITH_EXPORT int pith_version(void);
/* The library's version as "MAJOR.MINOR.PATCH"; a static string. */
PITH_EXPORT const char *pith_version_string(void);

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
/* Set the input size cap in bytes (0 means PITH_DEFAULT_MAX_INPUT). */
PITH_EXPORT void pith_extractor_set_max_input(pith_extractor *ex,
                                              size_t max_bytes);

/*
 * Extract one page.  `buf`/`len` is the raw page (the library copies what it
 * needs).  `url` (may be NULL) is the page's address, used for metadata.
 * `encoding` (may be NULL) is a charset hint such as one from an HTTP
 * header; it is used when the page declares none.  On PITH_OK, *out holds a
 * new result the caller frees with pith_result_free(); on error *out is
 * NULL.
 */
PITH_EXPORT pith_status pith_extractor_extract(pith_extractor *ex,
                                               const char *buf, size_t len,
                                               const char *url,
                                               const char *encoding,
                                               pith_result **out);

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
/* Language of the page from its markup (e.g. "en", "pt-BR"), or "". */
PITH_EXPORT const char *pith_result_language(const pith_result *res);
/* The canonical URL if the page names one, else the URL given, or "". */
PITH_EXPORT const char *pith_result_url(const pith_result *res);
/* The charset the input was decoded from (e.g. "UTF-8", "WINDOWS-1252"). */
PITH_EXPORT const char *pith_result_charset(const pith_result *res);

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

/* Free a string returned by the library.  NULL is a no-op. */
PITH_EXPORT void pith_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif /* PITH_H */
