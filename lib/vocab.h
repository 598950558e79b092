/* SPDX-License-Identifier: MIT */
/*
 * vocab.h - what class, id, role, itemprop and rel values (and a few short
 * interface texts) say about an element: one tokenizer and one table of
 * named rules, shared by the extract, comments, page-type and metadata
 * stages.
 */
#ifndef PITH_VOCAB_H
#define PITH_VOCAB_H

#include <stddef.h>
#include <stdint.h>

/* ------------------------------------------------------------------ */
/* The tokenizer                                                       */

/* An iterator over a (ptr, len) attribute value.  Tokens are the runs
 * between ASCII white space ("entry-content wide").  Words are the runs of
 * ASCII letters, split at every other byte and at a lower-to-upper case
 * change: "td-postBody_2" has the words "td", "post" and "Body". */
typedef struct {
  const char *s;
  size_t n, i;
  int digit; /* a digit came earlier in the current run of letters and
                digits */
} pith_vocab_iter;

void pith__vocab_iter_init(pith_vocab_iter *it, const char *s, size_t n);

/* The next token: *tok and *len set, 1; or 0 at the end. */
int pith__vocab_next_token(pith_vocab_iter *it, const char **tok, size_t *len);

/* The next word: *w and *len set, and *digit (when not NULL) set to 1 when
 * the word touches a digit in its run of letters and digits ("ad4",
 * "b5343ad"), 0 otherwise; returns 1, or 0 at the end. */
int pith__vocab_next_word(pith_vocab_iter *it, const char **w, size_t *len,
                          int *digit);

/* ------------------------------------------------------------------ */
/* The rules                                                           */

/* Every rule: enum suffix, its stable name (what the trace prints), what
 * it reads, and what it means.  The words of each rule are in the one
 * sorted word table of vocab.c; docs/extraction.md lists the rules (a test
 * checks that it names each one). */
#define PITH_VOCAB_RULES(X)                                                    \
  X(BOILERPLATE, "boilerplate", "class and id words",                          \
    "names boilerplate (sidebar, share, cookie, related, ad): the element "    \
    "and all it holds is removed")                                             \
  X(SOFT, "soft-boilerplate", "class and id words",                            \
    "usually boilerplate, but on some pages the name of real content "         \
    "(comments, footer, widget): the element's blocks are scored down")        \
  X(CONTENT, "content", "class and id words",                                  \
    "names the main content's container (entry, content, article): its "       \
    "blocks weigh more")                                                       \
  X(HIDDEN, "hidden-utility", "class and id tokens, exact case",               \
    "a utility class that hides the element (sr-only, d-none)")                \
  X(COMMENTS, "comments", "class and id words",                                \
    "names reader comments: kept apart from the text")                         \
  X(BYLINE, "byline", "class and id words", "names a byline or author box")    \
  X(DISCLOSURE, "disclosure", "class and id words",                            \
    "names a panel a reader opens with a click (accordion, tab): content "     \
    "even while hidden")                                                       \
  X(CAPTION, "caption", "class and id words",                                  \
    "names a figure's caption or credit: its short blocks are dropped from "   \
    "an article written in paragraphs, as <figcaption> is from every page")    \
  X(LAYOUT, "layout", "class and id words",                                    \
    "turns the other words of its token into a description of the layout "     \
    "around the element (has-sidebar, no-comments): they say nothing")         \
  X(ROLE_BOILERPLATE, "role-boilerplate", "role tokens",                       \
    "an ARIA landmark or widget of boilerplate (navigation, banner, dialog): " \
    "the element is removed")                                                  \
  X(ROLE_MAIN, "role-main", "role tokens", "the page's declared main content") \
  X(ROLE_DISCLOSURE, "role-disclosure", "role tokens",                         \
    "a panel a reader opens (tabpanel, region): content even while hidden")    \
  X(ITEMPROP_MAIN, "itemprop-main", "itemprop tokens",                         \
    "microdata of the main text (articleBody, reviewBody)")                    \
  X(COMMENT_TEXT, "comment-text", "class and id words",                        \
    "inside a comment area, names a comment's text (comment-content)")         \
  X(COMMENT_OTHER, "comment-other", "class and id words",                      \
    "inside a comment area, names something else than the text, even next "    \
    "to a comment-text word (comment-meta, comment-form-text)")                \
  X(COMMENT_ITEMPROP, "comment-text-itemprop", "itemprop tokens",              \
    "microdata of a comment's text (text, commentText)")                       \
  X(UI_LABEL, "ui-label", "a short block's letters, case folded",              \
    "an interface or ad label (Share, Advertisement, Read more): dropped")     \
  X(RECS_LABEL, "recommendations-label",                                       \
    "a short block's letters, case folded",                                    \
    "the title of a box of recommendations (Related articles, You may also "   \
    "like): as a heading it takes its box with it")                            \
  X(HEADING_LABEL, "heading-label",                                            \
    "class tokens, or their letters before a -",                               \
    "a label or badge (label, badge-new) set before a headline: not part of "  \
    "the title")                                                               \
  X(PT_PRICE, "pagetype-price", "class words, itemprop tokens",                \
    "page type: a price (product pages)")                                      \
  X(PT_CART, "pagetype-cart", "class words",                                   \
    "page type: a shopping cart control (product pages)")                      \
  X(PT_ADD, "pagetype-add", "class words",                                     \
    "page type: makes a following pagetype-bag word a cart (add-bag)")         \
  X(PT_BAG, "pagetype-bag", "class words",                                     \
    "page type: a cart control, right after a pagetype-add word")              \
  X(PT_PRODUCT, "pagetype-product", "class words",                             \
    "page type: a product (product and collection pages)")                     \
  X(PT_POST, "pagetype-post", "class words",                                   \
    "page type: a post of a thread (forum pages)")                             \
  X(PT_AUTHOR, "pagetype-author", "class words, itemprop and rel tokens",      \
    "page type: an author (article pages)")                                    \
  X(PT_PUBLISHED, "pagetype-published", "itemprop tokens",                     \
    "page type: a publication date (article pages)")

enum {
#define PITH_X_VOCAB(e, name, reads, doc) PITH_VR_##e,
  PITH_VOCAB_RULES(PITH_X_VOCAB)
#undef PITH_X_VOCAB
      PITH_VR_COUNT
};

/* One bit per rule: PITH_VB_BOILERPLATE, ... */
enum {
#define PITH_X_VOCAB(e, name, reads, doc) PITH_VB_##e = 1u << PITH_VR_##e,
  PITH_VOCAB_RULES(PITH_X_VOCAB)
#undef PITH_X_VOCAB
};

/* The rule name of rule index r ("boilerplate"), what it reads and what
 * it means; "" when r is out of range. */
const char *pith__vocab_rule_name(unsigned r);
const char *pith__vocab_rule_reads(unsigned r);
const char *pith__vocab_rule_doc(unsigned r);

/* The rules (PITH_VB_* bits) whose table holds the word or token s[0, n),
 * compared after folding ASCII case; 0 when none does. */
uint32_t pith__vocab_rules(const char *s, size_t n);

/* The rules of all the tokens of a value (a role, itemprop or rel
 * attribute): the union of pith__vocab_rules() over its tokens. */
uint32_t pith__vocab_token_rules(const char *value, size_t len);

/* For the documentation and its test: word i of the sorted word table
 * (NULL past the end) and its rules. */
const char *pith__vocab_word(size_t i, uint32_t *rules);

/* 1 when the word table is sorted, has no duplicates, holds only words
 * of the right shape (lower case, starting with a letter, short) and the
 * look-up finds each of them (a test checks it after every edit of the
 * table). */
int pith__vocab_tables_sorted(void);

/* ------------------------------------------------------------------ */
/* Class and id values                                                 */

/* What the extract stage reads in a class or id value: the bits of the
 * first seven rules keep their old names. */
#define PITH_VOCAB_HARD PITH_VB_BOILERPLATE /* boilerplate: remove */
#define PITH_VOCAB_SOFT PITH_VB_SOFT        /* probably boilerplate */
#define PITH_VOCAB_GOOD PITH_VB_CONTENT     /* a content container */
#define PITH_VOCAB_HIDDEN PITH_VB_HIDDEN    /* a utility class that hides */
#define PITH_VOCAB_COMMENT PITH_VB_COMMENTS /* reader comments */
#define PITH_VOCAB_BYLINE PITH_VB_BYLINE    /* a byline or author box */
#define PITH_VOCAB_DISCLOSURE PITH_VB_DISCLOSURE /* a panel a reader opens */
#define PITH_VOCAB_CAPTION PITH_VB_CAPTION       /* a caption or credit */

/* Classify a class or id attribute value: the PITH_VOCAB_* bits its
 * tokens give. */
unsigned pith__vocab_classify(const char *value, size_t len);

/* For the trace: the first word of a class or id value that gives it
 * `bit` (one PITH_VOCAB_* bit), written NUL-terminated into word[cap] (the
 * whole token for a token rule).  Returns the name of the rule behind the
 * bit, or NULL when no token gives the bit. */
const char *pith__vocab_explain(const char *value, size_t len, unsigned bit,
                                char *word, size_t cap);

/* For the trace: the first token of a role (or itemprop, rel) value whose
 * rules include `bit`, written into word[cap] in lower case.  Returns the
 * rule's name, or NULL when no token has the bit. */
const char *pith__vocab_explain_token(const char *value, size_t len,
                                      unsigned bit, char *word, size_t cap);

#endif
