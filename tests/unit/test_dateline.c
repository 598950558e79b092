/* SPDX-License-Identifier: MIT */
/*
 * test_dateline.c - unit tests for the dateline parser (lib/dateline.c):
 * news datelines in many shapes (agencies, places with spaces, hyphens and
 * diacritics, dates in several languages and formats, every kind of dash
 * and the colon), each split into place, date and agency; and as many
 * look-alike openings of ordinary paragraphs that must not be taken for a
 * dateline.  Then pith__dateline_find() on blocks, and hostile input.
 */
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "dateline.h"
#include "harness.h"

typedef struct {
  const char *text, *place, *date, *agency;
} dl_case;

/* UTF-8 spelled out so the file stays ASCII. */
#define EM "\xe2\x80\x94"
#define EN "\xe2\x80\x93"

static const dl_case good[] = {
    {"LAKEVIEW, June 16 (Valley Wire): The harbour office has said that it "
     "is important.",
     "LAKEVIEW", "June 16", "Valley Wire"},
    {"WASHINGTON (AP) " EM " The Senate passed the bill on Tuesday night.",
     "WASHINGTON", "", "AP"},
    {"LONDON, March 3 (Reuters) - British retail sales fell in February.",
     "LONDON", "March 3", "Reuters"},
    {"PARIS " EM " France's president spoke to reporters on Monday.", "PARIS",
     "", ""},
    {"NEW DELHI: The government announced new measures on Friday.", "NEW DELHI",
     "", ""},
    {"KYIV, Ukraine (AP) " EM " Russian forces shelled the city overnight.",
     "KYIV, Ukraine", "", "AP"},
    {"BEIJING, Jan. 5 (Xinhua) -- China's exports rose sharply last year.",
     "BEIJING", "Jan. 5", "Xinhua"},
    {"NEW YORK, Oct 12 (Reuters) - Wall Street opened higher on Wednesday.",
     "NEW YORK", "Oct 12", "Reuters"},
    {"S\xc3\x83O PAULO (Reuters) - Brazil's central bank held rates steady.",
     "S\xc3\x83O PAULO", "", "Reuters"},
    {"Z\xc3\x9cRICH " EN " Die Schweizer Nationalbank hat den Leitzins erh"
     "\xc3\xb6ht.",
     "Z\xc3\x9cRICH", "", ""},
    {"Berlin (dpa) - Die Bundesregierung will das Gesetz noch "
     "\xc3\xa4ndern.",
     "Berlin", "", "dpa"},
    {"Paris, 16 juin 2022 (AFP) - Le gouvernement a annonc\xc3\xa9 de "
     "nouvelles mesures.",
     "Paris", "16 juin 2022", "AFP"},
    {"M\xc3\xbcnchen, 3. M\xc3\xa4rz (dpa) - Der FC Bayern hat sein Spiel "
     "gewonnen.",
     "M\xc3\xbcnchen", "3. M\xc3\xa4rz", "dpa"},
    {"MADRID, 16 de junio (EFE) - El Gobierno aprob\xc3\xb3 hoy la reforma "
     "laboral.",
     "MADRID", "16 de junio", "EFE"},
    {"ROMA, 16 giugno (ANSA) - Il governo ha approvato il decreto.", "ROMA",
     "16 giugno", "ANSA"},
    {"RIO DE JANEIRO (AP) " EM " Heavy rains caused flooding across the "
     "city.",
     "RIO DE JANEIRO", "", "AP"},
    {"Rio de Janeiro, June 16 (Reuters) - Brazilian police raided offices.",
     "Rio de Janeiro", "June 16", "Reuters"},
    {"LOS ANGELES " EM " A wildfire forced thousands to evacuate on Sunday.",
     "LOS ANGELES", "", ""},
    {"SAN FRANCISCO, Calif. " EM " Tech shares slid in early trading "
     "today.",
     "SAN FRANCISCO, Calif.", "", ""},
    {"WASHINGTON, D.C. " EM " Lawmakers returned from recess this week.",
     "WASHINGTON, D.C.", "", ""},
    {"ST. PETERSBURG, Fla. (AP) " EM " A manatee was rescued from a canal.",
     "ST. PETERSBURG, Fla.", "", "AP"},
    {"PORT-AU-PRINCE, Haiti (AP) " EM " Gangs blocked the main fuel "
     "terminal.",
     "PORT-AU-PRINCE, Haiti", "", "AP"},
    {"N'DJAMENA, Chad (Reuters) - Chad's military council named a prime "
     "minister.",
     "N'DJAMENA, Chad", "", "Reuters"},
    {"TEL AVIV, June 16, 2022 (Reuters) - Israel's parliament voted to "
     "dissolve.",
     "TEL AVIV", "June 16, 2022", "Reuters"},
    {"KUALA LUMPUR, 16 June (Bernama) -- Malaysia will review its fuel "
     "subsidies.",
     "KUALA LUMPUR", "16 June", "Bernama"},
    {"GENEVA, June 16th (AFP) - The WHO said cases were rising again.",
     "GENEVA", "June 16th", "AFP"},
    {"LONDON, Monday (Reuters) - Shares in the group jumped ten percent.",
     "LONDON", "Monday", "Reuters"},
    {"TOKYO, Fri, June 17 (Kyodo) - Japan's cabinet approved the budget.",
     "TOKYO", "Fri, June 17", "Kyodo"},
    {"MUMBAI, 16.06.2022 (PTI): The Sensex closed lower on Thursday.", "MUMBAI",
     "16.06.2022", "PTI"},
    {"CAIRO, 2022-06-16 (MENA) - Egypt signed a gas deal with the EU.", "CAIRO",
     "2022-06-16", "MENA"},
    {"WASHINGTON/LONDON (Reuters) - The two governments agreed on a "
     "framework.",
     "WASHINGTON/LONDON", "", "Reuters"},
    {"NAIROBI (Thomson Reuters Foundation) - Farmers face a fourth failed "
     "rainy season.",
     "NAIROBI", "", "Thomson Reuters Foundation"},
    {"NEW DELHI, June 16 (Press Trust of India): The monsoon reached Kerala "
     "late.",
     "NEW DELHI", "June 16", "Press Trust of India"},
    {"QU\xc3\x89"
     "BEC " EM " Le premier ministre a d\xc3\xa9"
     "clench\xc3\xa9 "
     "des \xc3\xa9lections.",
     "QU\xc3\x89"
     "BEC",
     "", ""},
    {"\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90 " EM " \xd0\x9f\xd1"
     "\x80\xd0\xb5\xd0\xb7\xd0\xb8\xd0\xb4\xd0\xb5\xd0\xbd\xd1\x82 "
     "\xd0\xbf\xd0\xbe\xd0\xb4\xd0\xbf\xd0\xb8\xd1\x81\xd0\xb0\xd0\xbb "
     "\xd1\x83\xd0\xba\xd0\xb0\xd0\xb7.",
     "\xd0\x9c\xd0\x9e\xd0\xa1\xd0\x9a\xd0\x92\xd0\x90", "", ""},
    {"ATHENS" EM "Greece's economy grew faster than expected last quarter.",
     "ATHENS", "", ""},
    {"DUBAI, June 16 " EM " Gulf stocks were mixed in early trade on "
     "Thursday.",
     "DUBAI", "June 16", ""},
    {"Frankfurt am Main (dpa) - Der Dax hat am Donnerstag nachgegeben.",
     "Frankfurt am Main", "", "dpa"},
    {"JOHANNESBURG, Sept. 9 (Reuters) - South Africa's rand firmed early.",
     "JOHANNESBURG", "Sept. 9", "Reuters"},
    {"OTTAWA (The Canadian Press) " EN " The federal government tabled a "
     "bill.",
     "OTTAWA", "", "The Canadian Press"},
    {"\xc3\x85RHUS, 4. juni (Ritzau) - Politiet efterlyser vidner til "
     "ulykken.",
     "\xc3\x85RHUS", "4. juni", "Ritzau"},
    {"HONG KONG, Dec 1 (Reuters Breakingviews) - Investors cheered the "
     "results.",
     "HONG KONG", "Dec 1", "Reuters Breakingviews"},
    {"LISBOA, 16 de junho de 2022 (Lusa) - O Governo aprovou o or\xc3\xa7"
     "amento.",
     "LISBOA", "16 de junho de 2022", "Lusa"},
    {"  BRUSSELS \xc2\xa0" EM " EU leaders met for a summit on energy "
     "prices.",
     "BRUSSELS", "", ""},
    {"THE HAGUE (Reuters) - The court ruled against the government today.",
     "THE HAGUE", "", "Reuters"},
    {"ISLAMABAD:The Supreme Court adjourned the hearing until next week.",
     "ISLAMABAD", "", ""},
};

/* Openings that look like datelines and are not. */
static const char *const bad[] = {
    "Paris, the capital of France, is home to more than two million people.",
    "However, the company said it would not change its plans this year.",
    "In 2022, the company reported record profits across all divisions.",
    "BREAKING: A strong earthquake has struck the coast of Japan today.",
    "UPDATE: This article has been updated with new figures from the "
    "ministry.",
    "Note: The figures below are estimates and may change without notice.",
    "Monday, June 16 - We met at the station early in the morning.",
    "June 16, 2022 - The day started with rain and ended with sunshine.",
    "FBI: Suspect arrested after a two-week manhunt across three states.",
    "Q: What is the best way to store fresh herbs in the fridge?",
    "EDITOR'S NOTE: This story contains descriptions of violence.",
    "Dear Sir, I am writing to complain about the service I received.",
    "Washington, D.C., is the capital of the United States of America.",
    "London (pictured) is one of the most visited cities in the world.",
    "Smith (2019) argues that the effect is smaller than reported.",
    "Step 1: Preheat the oven to 180 degrees and grease a baking tin.",
    "Ingredients: two eggs, a cup of flour and a pinch of salt.",
    "Chapter 3 " EM " In which our heroes finally reach the mountains.",
    "Summary: The report finds that emissions fell by ten percent.",
    "IMPORTANT " EM " read the instructions before using this product.",
    "WARNING: This product contains chemicals known to cause cancer.",
    "Mr. Smith, 45, said he had never seen anything like it before.",
    "Yesterday, March 3 (Reuters) - nothing happened at all in town.",
    "The Kremlin (Reuters) - this is not how a dateline starts a story.",
    "By Jane Doe (Reuters) - Jane Doe writes about the economy and markets.",
    "Hello, world! This is my first post on the new blog platform.",
    "John, Paul and George went to the shop to buy some more milk.",
    "Apple (AAPL) - shares rose 3% after the company beat estimates.",
    "Berlin is a city of contrasts: old and new stand side by side.",
    "LONDON CALLING is the third album by the Clash, released in 1979.",
    "Tokyo, which hosted the Olympics in 2021, is a huge metropolis.",
    "Click here: the full report is available as a free download.",
    "USA " EM " the team won the final after a penalty shoot-out.",
    "CEO: We will not cut jobs this year, despite the downturn.",
    "Posted on June 16, 2022 - Leave a comment below if you liked it.",
    "Sunday (Reuters) - this opening has a weekday instead of a place.",
    "New York, New York - the song everybody knows by heart, of course.",
    "Pros: fast, light and cheap. Cons: the battery life is short.",
    "Rome, June - the month when the city fills with tourists again.",
    "Price: $499 for the base model, $599 for the one with more storage.",
    "Madrid - a city that never sleeps, or so the saying goes.",
    "I (Reuters) - a pronoun is no place name for any dateline.",
    "NEW DELHI",
    "PARIS " EM " short",
    "LAKEVIEW, June 16 (Valley Wire)",
    "lowercase city, june 16 (reuters) - lower-case words are no place.",
    "WASHINGTON, which has long resisted the plan, changed course.",
    "A B C D E F G H (AP) - too many words are not a place name.",
    "PROJECT: Garden Robot Kit, a write-up of what we built this time.",
    "TLDR: We are moving the planned price change to next year.",
    "DISCLOSURE: Some links on this page pay us a small fee when you "
    "buy.",
    "MongoDB Event MongoDB.local SF, Jan 15: See the speaker lineup today.",
    "Berlin, June 16: Conference on renewable energy opens its doors.",
    "SKU: TXSB06 Made from stainless steel with a lifetime warranty.",
    "QUICK SUMMARY: Dig into some of the best tutorials from the experts.",
    "LAHORE: we are happy to announce the opening of our new branch.",
    "",
};

static int check(const dl_case *c) {
  pith_dateline_parts d;
  size_t n = strlen(c->text);
  if (!pith__dateline_parse(c->text, n, &d))
    return 0;
  return d.place_len == strlen(c->place) &&
         memcmp(c->text + d.place, c->place, d.place_len) == 0 &&
         d.date_len == strlen(c->date) &&
         memcmp(c->text + d.date, c->date, d.date_len) == 0 &&
         d.agency_len == strlen(c->agency) &&
         memcmp(c->text + d.agency, c->agency, d.agency_len) == 0;
}

static void test_cases(void) {
  size_t ng = sizeof good / sizeof good[0], nb = sizeof bad / sizeof bad[0];
  OK(ng >= 40, "at least 40 dateline variants");
  OK(nb >= 40, "at least 40 look-alikes");
  for (size_t i = 0; i < ng; i++) {
    int ok = check(&good[i]);
    if (!ok)
      printf("# dateline not parsed as expected: %s\n", good[i].text);
    OK(ok, "dateline variant parsed");
  }
  for (size_t i = 0; i < nb; i++) {
    pith_dateline_parts d;
    int got = pith__dateline_parse(bad[i], strlen(bad[i]), &d);
    if (got)
      printf("# false dateline: %s\n", bad[i]);
    OK(!got, "look-alike rejected");
  }
  pith_dateline_parts d;
  const char *s = "LONDON, March 3 (Reuters) - Shares fell sharply today.";
  OK(pith__dateline_parse(s, strlen(s), &d) &&
         strcmp(s + d.end, "Shares "
                           "fell sharply today.") == 0,
     "end points past the separator");
}

/* Fill the fields a dateline search reads; the rest stay zero. */
static void set_block(pith_block *b, int type, int level, const char *text) {
  b->type = type;
  b->level = level;
  b->text = text;
  b->len = strlen(text);
}

static void test_find(void) {
  pith_arena a;
  pith__arena_init(&a);
  pith_meta m;
  memset(&m, 0, sizeof m);
  const char *t1 = "A heading";
  const char *t2 = "WASHINGTON (AP) " EM " The Senate passed the bill.";
  pith_block b[2];
  memset(b, 0, sizeof b);
  set_block(&b[0], PITH_BLOCK_HEADING, 2, t1);
  set_block(&b[1], PITH_BLOCK_PARAGRAPH, 0, t2);
  INT_EQ(pith__dateline_find(b, 2, &a, &m), 0, "find returns 0");
  INT_EQ(m.has_dateline, 1, "dateline found after a heading");
  STR_EQ(m.dateline_place, "WASHINGTON", "place copied");
  STR_EQ(m.dateline_date, "", "absent date is empty");
  STR_EQ(m.dateline_agency, "AP", "agency copied");

  const char *t3 = "An ordinary opening sentence, nothing more to it.";
  pith_block c[4];
  memset(c, 0, sizeof c);
  for (int i = 0; i < 3; i++)
    set_block(&c[i], PITH_BLOCK_PARAGRAPH, 0, t3);
  set_block(&c[3], PITH_BLOCK_PARAGRAPH, 0, t2);
  pith__dateline_find(c, 4, &a, &m);
  INT_EQ(m.has_dateline, 0, "a dateline deep in the text is not one");
  pith__dateline_find(NULL, 0, &a, &m);
  INT_EQ(m.has_dateline, 0, "no blocks, no dateline");
  pith__arena_free(&a);
}

static void test_hostile(void) {
  static char big[100000];
  memset(big, 'A', sizeof big - 1);
  pith_dateline_parts d;
  OK(!pith__dateline_parse(big, sizeof big - 1, &d), "long capitals");
  for (size_t i = 0; i + 1 < sizeof big; i++)
    big[i] = (char)(0x80 | (i % 64));
  OK(!pith__dateline_parse(big, sizeof big - 1, &d), "invalid UTF-8");
  const char cut[] = "PARIS \xe2\x80";
  OK(!pith__dateline_parse(cut, sizeof cut - 1, &d), "truncated dash");
  const char paren[] = "PARIS (AP";
  OK(!pith__dateline_parse(paren, sizeof paren - 1, &d), "open paren");
  OK(!pith__dateline_parse(NULL, 0, &d), "NULL text");
}

int main(void) {
  test_cases();
  test_find();
  test_hostile();
  return done_testing();
}
