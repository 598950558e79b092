/* SPDX-License-Identifier: MIT */
/*
 * mojibake.h - repair of mojibake (mojibake.c): UTF-8 text that was once
 * read as windows-1252 or Latin-1 and encoded again ("â€™" for "’").
 */
#ifndef PITH_MOJIBAKE_H
#define PITH_MOJIBAKE_H

#include <stddef.h>
#include <stdint.h>

#include "alloc.h"

/* windows-1252 bytes 0x80..0x9F; the five undefined ones become U+FFFD.
 * decode.c's windows-1252 decoder reads it too. */
extern const uint16_t pith__cp1252_c1[32];

/* Repair the mojibake in out->data[start..out->len), which must be valid
 * UTF-8, in place, when the text shows enough of it: runs of characters
 * that spell a UTF-8 sequence in windows-1252 or Latin-1 ("â€™", "Ã©",
 * "â" U+0080 U+0099) become the character they encode; a second pass
 * mends text mangled twice.  The text stays valid UTF-8 without NULs and
 * never grows, so nothing is allocated; nothing is done when out->oom is
 * set.  See the top of mojibake.c for the rule. */
void pith__mojibake_repair(pith_buf *out, size_t start);

#endif
