/* SPDX-License-Identifier: MIT */
/*
 * lang.h - the page's language: detected from the extracted text (CLD2,
 * when built with it), reconciled with the language the markup declares.
 */
#ifndef PITH_LANG_H
#define PITH_LANG_H

#include <stddef.h>

#include "alloc.h"

/* Choose the language of a page whose main text is `text` (`len` bytes of
 * UTF-8) and whose markup declares `markup` ("" when it declares none).
 * The text decides when it is long enough and the detector is sure; a
 * declared tag with the same primary language is kept (it may carry a
 * region, "pt-BR").  Without a detector or a sure answer, the markup's
 * tag stands.  Either way *out is in BCP 47 case, with pith__lang_normalize
 * (below), in arena `a`.  Returns 0, or -1 when out of memory. */
int pith__lang_choose(const char *text, size_t len, const char *markup,
                      pith_arena *a, const char **out);

/* A language tag in BCP 47's case ("en", "en-US", "pt-BR", "zh-Hant",
 * "es-419"): the language lower case, a script title case, a region upper
 * case; "_" reads as "-".  A region that is not an ISO 3166-1 code in use
 * ("en-UK", "en-EN") is dropped, and so is whatever follows a subtag that
 * is not one (extensions, private use).  A tag whose language is not two
 * or three letters ("english", "x-default") gives "".  The result is in
 * arena `a` (or a literal ""); NULL when out of memory. */
const char *pith__lang_normalize(const char *tag, pith_arena *a);

/* 1 when the library was built with a language detector (CLD2). */
int pith__lang_have_detector(void);

#endif
