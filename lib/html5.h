/* SPDX-License-Identifier: MIT */
/*
 * html5.h - pith's own HTML parser: a tokenizer that follows the WHATWG
 * HTML tokenization algorithm, and a tree builder that applies the parts
 * of HTML5 tree construction that decide which text sits under which
 * element, building the same compact tree (tree.h) as the libxml2 parse.
 */
#ifndef PITH_HTML5_H
#define PITH_HTML5_H

#include <stddef.h>
#include <stdint.h>

#include "tree.h"

/* ---- tokenizer ----------------------------------------------------------
 *
 * The tokenizer reads UTF-8 without NUL bytes (what the decode stage
 * gives) and returns one token at a time.  Token text points into the
 * input when it needs no decoding, or into the tokenizer's scratch buffer
 * (valid until the next call) when character references were decoded. */

typedef enum {
  PITH_H5_EOF = 0,
  PITH_H5_TEXT,    /* characters, references decoded */
  PITH_H5_START,   /* a start tag */
  PITH_H5_END,     /* an end tag */
  PITH_H5_COMMENT, /* a comment (text: its data) */
  PITH_H5_DOCTYPE  /* a DOCTYPE (text: what follows "<!DOCTYPE") */
} pith_h5_kind;

/* Attributes of one tag beyond this many are read but not returned. */
#define PITH_H5_MAX_ATTRS 256

typedef struct {
  const char *name; /* lower case (ASCII), NUL-free, not terminated */
  size_t name_len;
  const char *value; /* references decoded; not terminated */
  size_t value_len;
} pith_h5_attr;

typedef struct {
  pith_h5_kind kind;
  const char *text; /* TEXT, COMMENT, DOCTYPE */
  size_t len;
  const char *name; /* START, END: lower case */
  size_t name_len;
  int self_closing;    /* START: "<br/>" */
  pith_h5_attr *attrs; /* START: first occurrence of each name only */
  size_t nattrs;
  size_t offset; /* byte offset of the token's first byte in the input */
} pith_h5_token;

/* Content models the tree builder switches the tokenizer into after a
 * start tag (the spec's RCDATA, RAWTEXT, script data and PLAINTEXT). */
typedef enum {
  PITH_H5_DATA = 0,
  PITH_H5_RCDATA,   /* title, textarea: references decoded, no tags */
  PITH_H5_RAWTEXT,  /* style, xmp, iframe, noembed, noframes, noscript */
  PITH_H5_SCRIPT,   /* script: with the spec's escaped states */
  PITH_H5_PLAINTEXT /* everything to the end is text */
} pith_h5_content;

typedef struct pith_h5_tok pith_h5_tok;

/* A tokenizer over s[0..n), or NULL when out of memory.  The input must
 * outlive the tokenizer.  Free with pith__h5_tok_free(). */
pith_h5_tok *pith__h5_tok_new(const char *s, size_t n);
void pith__h5_tok_free(pith_h5_tok *tk);
/* The next token into *out (borrowed: valid until the next call).
 * Returns 0, or -1 when out of memory.  After PITH_H5_EOF it keeps
 * returning EOF. */
int pith__h5_tok_next(pith_h5_tok *tk, pith_h5_token *out);
/* Switch the content model for the text that follows the start tag just
 * returned; `name` is that tag's name (the appropriate end tag). */
void pith__h5_tok_content(pith_h5_tok *tk, pith_h5_content c, const char *name,
                          size_t name_len);
/* Inside foreign content (svg, math) "<![CDATA[" opens a CDATA section;
 * elsewhere it is a bogus comment.  The tree builder says which. */
void pith__h5_tok_foreign(pith_h5_tok *tk, int foreign);
/* Skip the text of the element just opened without returning it (a
 * script or style whose text the tree does not keep): the next token is
 * its end tag (or EOF).  Same end as pith__h5_tok_content() finds. */
void pith__h5_tok_skip_text(pith_h5_tok *tk);

/* Decode one character reference at s[0..n) (s[0] == '&'), as the spec's
 * character reference state does; in_attr selects the attribute rules
 * (a legacy name without ';' before '=' or an alphanumeric stays text).
 * Writes at most 8 bytes of UTF-8 to out and returns how many input bytes
 * were consumed (0: not a reference, '&' is text); *out_len gets the
 * output length. */
size_t pith__h5_charref(const char *s, size_t n, int in_attr, char out[8],
                        size_t *out_len);

/* ---- tree builder ------------------------------------------------------- */

/* Parse UTF-8 HTML (already decoded, no NUL bytes) into `t` with pith's
 * own tokenizer and tree builder.  The contract is pith__tree_parse_limited's
 * (tree.h): 0 on success, -1 out of memory; the tree is in document order;
 * free it with pith__tree_free() in every case. */
int pith__html5_parse(pith_tree *t, const char *utf8, size_t len,
                      const pith_tree_limits *lim);

#endif
