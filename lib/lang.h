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
 * declared tag with the same primary language is kept as written (it may
 * carry a region, "pt-BR").  Without a detector or a sure answer, the
 * markup's tag stands.  *out is `markup` or a new string in arena `a`.
 * Returns 0, or -1 when out of memory. */
int pith__lang_choose(const char *text, size_t len, const char *markup,
                      pith_arena *a, const char **out);

/* 1 when the library was built with a language detector (CLD2). */
int pith__lang_have_detector(void);

#endif
