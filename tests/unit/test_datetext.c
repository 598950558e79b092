/* SPDX-License-Identifier: MIT */
/*
 * test_datetext.c - unit tests for reading dates out of strings
 * (lib/datetext.c): formats and languages, day/month order, and what is
 * not a date.
 */
#include <string.h>

#include "datetext.h"
#include "harness.h"

static const char *in_text(const char *s, int order) {
  static char out[11];
  size_t b, e;
  return pith__date_in_text(s, strlen(s), order, out, &b, &e) ? out : "";
}

static const char *value(const char *s) {
  static char out[11];
  return pith__date_value(s, strlen(s), PITH_DATE_ORDER_UNKNOWN, out) ? out
                                                                      : "";
}

static void test_text(void) {
  static const struct {
    const char *in, *want;
  } cases[] = {
      {"Published June 16, 2022 by staff", "2022-06-16"},
      {"16 June 2022", "2022-06-16"},
      {"the 16th of June 2022", "2022-06-16"},
      {"16. Juni 2022", "2022-06-16"},
      {"16 de junio de 2022", "2022-06-16"},
      {"16 juin 2022", "2022-06-16"},
      {"Jun. 16, 2022", "2022-06-16"},
      {"2022-06-16", "2022-06-16"},
      {"2022/06/16", "2022-06-16"},
      {"16.06.2022", "2022-06-16"},
      {"06/16/2022", "2022-06-16"},
      {"16/06/2022", "2022-06-16"},
      {"11-29-2024", "2024-11-29"},
      {"2022\xE5\xB9\xB4"
       "6\xE6\x9C\x88"
       "16\xE6\x97\xA5",
       "2022-06-16"},
      {"February 30, 2022", ""},
      {"June 16", ""},
      {"1994-06-16", ""},
      {"call 555-1234 now", ""},
      {"", ""},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    STR_EQ(in_text(cases[i].in, PITH_DATE_ORDER_UNKNOWN), cases[i].want,
           cases[i].in);
  STR_EQ(in_text("05/06/2022", PITH_DATE_ORDER_UNKNOWN), "2022-05-06",
         "slashes: month first by default");
  STR_EQ(in_text("05/06/2022", PITH_DATE_ORDER_DMY), "2022-06-05",
         "slashes: a day-first locale decides");
  STR_EQ(in_text("05.06.2022", PITH_DATE_ORDER_MDY), "2022-05-06",
         "dots: an en-US locale decides");
}

static void test_values(void) {
  STR_EQ(value(" 2024-03-05T08:30:00+01:00 "), "2024-03-05", "ISO 8601");
  STR_EQ(value("20220616"), "2022-06-16", "YYYYMMDD");
  STR_EQ(value("1655376137"), "", "a Unix timestamp is not trusted");
  STR_EQ(value("Tue, 05 Mar 2024 08:30:00 GMT"), "2024-03-05",
         "free text inside a value");
  OK(pith__date_machine("2022-06-16", 10), "ISO is machine-readable");
  OK(!pith__date_machine("Jun 16, 2022", 12), "text is not");
  INT_EQ(pith__date_month("Sept", 4), 9, "abbreviation, any case");
  INT_EQ(pith__date_month("m\xC3\xA4rz", 5), 3, "non-ASCII month name");
  INT_EQ(pith__date_month("mayday", 6), 0, "not a month");
  INT_EQ(pith__date_days_in(2024, 2), 29, "leap year");
  INT_EQ(pith__date_days_in(2100, 2), 28, "century, not a leap year");
}

int main(void) {
  test_text();
  test_values();
  return done_testing();
}
