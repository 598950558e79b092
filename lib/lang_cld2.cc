// SPDX-License-Identifier: MIT
//
// lang_cld2.cc - the one C++ file of libpith: a small extern "C" shim over
// CLD2 (Compact Language Detector 2, Debian's libcld2-dev), so the C code
// can ask for the language of the extracted text.  Built only when the
// PITH_CLD2 CMake option is on and the library is found; lang.c falls back
// to the markup's language otherwise.  No exceptions cross the boundary:
// CLD2 does not throw, and the shim catches anything that might.
#include <stddef.h>
#include <stdio.h> // compact_lang_det.h uses FILE without including it
#include <string.h>

#include <cld2/public/compact_lang_det.h>

extern "C" int pith__cld2_detect(const char *text, size_t len, char *code,
                                 size_t codecap, int *percent);

// Detect the language of `len` bytes of UTF-8 plain text.  On a reliable
// answer, writes its code ("en", "pt", "zh-Hant") into code[codecap], the
// share of the text in that language into *percent, and returns 1; else
// returns 0.  Invalid UTF-8 is checked, not trusted.
extern "C" int pith__cld2_detect(const char *text, size_t len, char *code,
                                 size_t codecap, int *percent) {
  try {
    if (!text || !code || codecap < 2)
      return 0;
    if (len > (size_t)1 << 30)
      len = (size_t)1 << 30;
    CLD2::Language lang3[3];
    int pct3[3];
    double scores3[3];
    int text_bytes = 0, valid_prefix = 0;
    bool reliable = false;
    CLD2::Language lang = CLD2::ExtDetectLanguageSummaryCheckUTF8(
        text, (int)len, true, NULL, 0, lang3, pct3, scores3, NULL,
        &text_bytes, &reliable, &valid_prefix);
    if (!reliable || lang == CLD2::UNKNOWN_LANGUAGE ||
        lang == CLD2::TG_UNKNOWN_LANGUAGE)
      return 0;
    const char *c = CLD2::LanguageCode(lang);
    if (!c || !*c || strlen(c) >= codecap)
      return 0;
    memcpy(code, c, strlen(c) + 1);
    *percent = pct3[0];
    return 1;
  } catch (...) {
    return 0;
  }
}
