/* SPDX-License-Identifier: MIT */
/*
 * vocab.h - classification of class/id attribute values into what they say
 * about an element (boilerplate, content container, hidden, comments).
 */
#ifndef PITH_VOCAB_H
#define PITH_VOCAB_H

#include <stddef.h>

#define PITH_VOCAB_HARD 1u     /* boilerplate: remove */
#define PITH_VOCAB_SOFT 2u     /* probably boilerplate: score down */
#define PITH_VOCAB_GOOD 4u     /* names a content container */
#define PITH_VOCAB_HIDDEN 8u   /* a utility class that hides the element */
#define PITH_VOCAB_COMMENT 16u /* names reader comments */
#define PITH_VOCAB_BYLINE 32u  /* names a byline or author box */
/* names a panel a reader opens (an accordion's, a tab's): hidden until a
 * click, but content */
#define PITH_VOCAB_DISCLOSURE 64u

/* Classify a class or id attribute value (space-separated tokens). */
unsigned pith__vocab_classify(const char *value, size_t len);

/* For the trace: the first word of a class or id value that gives it
 * `bit` (PITH_VOCAB_*), written NUL-terminated into word[cap] (a whole
 * token when no single word of it does).  Returns 1, or 0 when no token
 * gives the bit. */
int pith__vocab_explain(const char *value, size_t len, unsigned bit, char *word,
                        size_t cap);

/* 1 when the word tables are sorted, as the binary search needs (a test
 * checks it after every edit of the tables). */
int pith__vocab_tables_sorted(void);

#endif
