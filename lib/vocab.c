/* SPDX-License-Identifier: MIT */
/*
 * vocab.c - what class, id, role, itemprop and rel names say about an
 * element: one tokenizer and one table of named rules.
 *
 * Themes name their boilerplate in a shared vocabulary: "share-buttons",
 * "sidebar", "cookie-notice", "related-posts".  Values are cut into tokens
 * at white space and tokens into words at '-', '_', digits and case
 * changes, and each word (or, for the rules that read whole tokens, each
 * token) is looked up in one sorted table that gives the rules it belongs
 * to.  Words, not substrings, so that "shadow" is not "ad" and "header" is
 * not "head"; a few compound words that themes write run together
 * ("sharedaddy", "adsbygoogle") are listed as they appear.  Each caller
 * reads only the rules it applies (PITH_VOCAB_RULES in vocab.h says which
 * attribute each reads), so one look-up per word serves them all, and the
 * trace names the rule and the word behind a decision.
 */
#include "vocab.h"

#include <string.h>
#include <threads.h>

#include "chars.h"

/* ------------------------------------------------------------------ */
/* The tokenizer                                                       */

void pith__vocab_iter_init(pith_vocab_iter *it, const char *s, size_t n) {
  it->s = s;
  it->n = s ? n : 0;
  it->i = 0;
  it->digit = 0;
}

int pith__vocab_next_token(pith_vocab_iter *it, const char **tok, size_t *len) {
  const char *s = it->s;
  size_t i = it->i, n = it->n;
  while (i < n && is_html_sp((unsigned char)s[i]))
    i++;
  size_t b = i;
  while (i < n && !is_html_sp((unsigned char)s[i]))
    i++;
  it->i = i;
  if (i == b)
    return 0;
  *tok = s + b;
  *len = i - b;
  return 1;
}

int pith__vocab_next_word(pith_vocab_iter *it, const char **w, size_t *len,
                          int *digit) {
  const char *s = it->s;
  size_t i = it->i, n = it->n;
  /* Skip to the next letter; a digit marks the rest of its run of letters
   * and digits, any other byte ends the run. */
  while (i < n && !is_alpha((unsigned char)s[i])) {
    it->digit = is_digit((unsigned char)s[i]);
    i++;
  }
  if (i == n) {
    it->i = i;
    return 0;
  }
  size_t b = i++;
  /* A case change "postBody" starts a new word. */
  while (i < n && is_alpha((unsigned char)s[i]) &&
         !(is_upper((unsigned char)s[i]) && !is_upper((unsigned char)s[i - 1])))
    i++;
  it->i = i;
  *w = s + b;
  *len = i - b;
  if (digit)
    *digit = it->digit || (i < n && is_digit((unsigned char)s[i]));
  return 1;
}

/* ------------------------------------------------------------------ */
/* The rules and the word table                                        */

static const char *const rule_names[PITH_VR_COUNT] = {
#define PITH_X_VOCAB(e, name, reads, doc) name,
    PITH_VOCAB_RULES(PITH_X_VOCAB)
#undef PITH_X_VOCAB
};

static const char *const rule_reads[PITH_VR_COUNT] = {
#define PITH_X_VOCAB(e, name, reads, doc) reads,
    PITH_VOCAB_RULES(PITH_X_VOCAB)
#undef PITH_X_VOCAB
};

static const char *const rule_docs[PITH_VR_COUNT] = {
#define PITH_X_VOCAB(e, name, reads, doc) doc,
    PITH_VOCAB_RULES(PITH_X_VOCAB)
#undef PITH_X_VOCAB
};

const char *pith__vocab_rule_name(unsigned r) {
  return r < PITH_VR_COUNT ? rule_names[r] : "";
}

const char *pith__vocab_rule_reads(unsigned r) {
  return r < PITH_VR_COUNT ? rule_reads[r] : "";
}

const char *pith__vocab_rule_doc(unsigned r) {
  return r < PITH_VR_COUNT ? rule_docs[r] : "";
}

/* Short names of the rule bits, for the table below. */
enum {
#define PITH_X_VOCAB(e, name, reads, doc) e = PITH_VB_##e,
  PITH_VOCAB_RULES(PITH_X_VOCAB)
#undef PITH_X_VOCAB
};

/* Every word and token of every rule, with the rules it belongs to.
 * Sorted by bytes (strcmp), lower case, each once: it is binary-searched.
 * The label words are a short block's letters folded to lower case
 * (ASCII and Latin-1, in UTF-8), so some hold non-ASCII bytes. */
/* clang-format off */
static const struct {
  const char *w;
  uint32_t rules;
} words[] = {
    {"abouttheauthor", UI_LABEL},
    {"accordion", DISCLOSURE},
    {"action", COMMENT_OTHER},
    {"actions", COMMENT_OTHER},
    {"ad", BOILERPLATE | UI_LABEL},
    {"adbox", BOILERPLATE},
    {"adcontainer", BOILERPLATE},
    {"add", PT_ADD},
    {"addtocart", PT_CART},
    {"ads", BOILERPLATE | UI_LABEL},
    {"adsbygoogle", BOILERPLATE},
    {"adsense", BOILERPLATE},
    {"adslot", BOILERPLATE},
    {"advert", BOILERPLATE},
    {"advertise", BOILERPLATE},
    {"advertisement", BOILERPLATE | UI_LABEL},
    {"advertisements", UI_LABEL},
    {"advertising", BOILERPLATE | UI_LABEL},
    {"adwrap", BOILERPLATE},
    {"alertdialog", ROLE_BOILERPLATE},
    {"alsointhenews", RECS_LABEL},
    {"alsoread", RECS_LABEL},
    {"annonce", UI_LABEL},
    {"answer", PT_POST},
    {"anuncio", UI_LABEL},
    {"anzeige", UI_LABEL},
    {"article", CONTENT},
    {"articlebody", CONTENT | ITEMPROP_MAIN},
    {"articleslespluslus", RECS_LABEL},
    {"articlesliés", RECS_LABEL},
    {"articlessimilaires", RECS_LABEL},
    {"articolicorrelati", RECS_LABEL},
    {"articulosrelacionados", RECS_LABEL},
    {"artigosrelacionados", RECS_LABEL},
    {"artículosrelacionados", RECS_LABEL},
    {"aside", SOFT},
    {"author", SOFT | BYLINE | COMMENT_OTHER | PT_AUTHOR},
    {"authors", PT_AUTHOR},
    {"avatar", COMMENT_OTHER},
    {"backtotop", UI_LABEL},
    {"badge", HEADING_LABEL},
    {"bag", PT_BAG},
    {"banner", SOFT | ROLE_BOILERPLATE},
    {"basket", PT_CART},
    {"bio", SOFT},
    {"blog", CONTENT},
    {"body", CONTENT | COMMENT_TEXT},
    {"breadcrumb", BOILERPLATE},
    {"breadcrumbs", BOILERPLATE},
    {"btn", COMMENT_OTHER},
    {"button", COMMENT_OTHER},
    {"byline", SOFT | BYLINE | PT_AUTHOR},
    {"caption", CAPTION},
    {"cart", PT_CART},
    {"collapse", DISCLOSURE},
    {"collapsible", DISCLOSURE},
    {"comment", SOFT | COMMENTS},
    {"comments", SOFT | COMMENTS | UI_LABEL},
    {"commenttext", COMMENT_ITEMPROP},
    {"complementary", ROLE_BOILERPLATE},
    {"consent", BOILERPLATE},
    {"content", CONTENT | COMMENT_TEXT},
    {"contentinfo", ROLE_BOILERPLATE},
    {"cookie", BOILERPLATE},
    {"cookiebar", BOILERPLATE},
    {"cookies", BOILERPLATE},
    {"copy", COMMENT_TEXT},
    {"copyright", BOILERPLATE},
    {"count", COMMENT_OTHER},
    {"crumb", BOILERPLATE},
    {"crumbs", BOILERPLATE},
    {"customersalsobought", RECS_LABEL},
    {"customersalsoviewed", RECS_LABEL},
    {"d-none", HIDDEN},
    {"daskönntedichauchinteressieren", RECS_LABEL},
    {"daskönnteihnenauchgefallen", RECS_LABEL},
    {"daskönntesieauchinteressieren", RECS_LABEL},
    {"date", COMMENT_OTHER},
    {"datepublished", PT_PUBLISHED},
    {"dialog", ROLE_BOILERPLATE},
    {"disqus", BOILERPLATE},
    {"dropdown", SOFT},
    {"editorspicks", RECS_LABEL},
    {"empfehlungenausderredaktion", RECS_LABEL},
    {"enabled", LAYOUT},
    {"entry", CONTENT | COMMENT_TEXT},
    {"expandable", DISCLOSURE},
    {"field", COMMENT_OTHER},
    {"followus", UI_LABEL},
    {"footer", SOFT | COMMENT_OTHER},
    {"footnote", SOFT},
    {"form", COMMENT_OTHER},
    {"frequentlyboughttogether", RECS_LABEL},
    {"gdpr", BOILERPLATE},
    {"gerelateerdeartikelen", RECS_LABEL},
    {"guidelines", COMMENT_OTHER},
    {"has", LAYOUT},
    {"header", SOFT | COMMENT_OTHER},
    {"heading", COMMENT_OTHER},
    {"headline", COMMENT_OTHER},
    {"hidden", HIDDEN},
    {"icon", COMMENT_OTHER},
    {"input", COMMENT_OTHER},
    {"intro", COMMENT_OTHER},
    {"invisible", HIDDEN},
    {"label", COMMENT_OTHER | HEADING_LABEL},
    {"latest", SOFT},
    {"layout", LAYOUT},
    {"leaveacomment", UI_LABEL},
    {"leaveareply", UI_LABEL},
    {"leesook", RECS_LABEL},
    {"leggianche", RECS_LABEL},
    {"leiatambém", RECS_LABEL},
    {"lesensieauch", RECS_LABEL},
    {"lespluslus", RECS_LABEL},
    {"link", COMMENT_OTHER},
    {"links", COMMENT_OTHER},
    {"loadmore", UI_LABEL},
    {"login", COMMENT_OTHER | UI_LABEL},
    {"lomásleído", RECS_LABEL},
    {"main", CONTENT | ROLE_MAIN},
    {"markdown", CONTENT},
    {"masthead", BOILERPLATE},
    {"mehrzumthema", RECS_LABEL},
    {"meistgelesen", RECS_LABEL},
    {"menu", BOILERPLATE | ROLE_BOILERPLATE},
    {"menubar", BOILERPLATE | ROLE_BOILERPLATE},
    {"message", COMMENT_TEXT | PT_POST},
    {"meta", SOFT | COMMENT_OTHER},
    {"modal", BOILERPLATE},
    {"more", SOFT | COMMENT_OTHER},
    {"morelikethis", RECS_LABEL},
    {"moreonthistopic", RECS_LABEL},
    {"morestories", RECS_LABEL},
    {"mostpopular", RECS_LABEL},
    {"mostread", RECS_LABEL},
    {"msg", COMMENT_TEXT},
    {"nav", BOILERPLATE | COMMENT_OTHER},
    {"navbar", BOILERPLATE},
    {"navi", BOILERPLATE},
    {"navigation", BOILERPLATE | ROLE_BOILERPLATE},
    {"newsletter", BOILERPLATE},
    {"next", SOFT},
    {"no", LAYOUT},
    {"note", COMMENT_OTHER},
    {"notes", COMMENT_OTHER},
    {"noticiasrelacionadas", RECS_LABEL},
    {"number", COMMENT_OTHER},
    {"offcanvas", BOILERPLATE},
    {"outbrain", BOILERPLATE},
    {"pagination", BOILERPLATE},
    {"pane", DISCLOSURE},
    {"peoplealsoviewed", RECS_LABEL},
    {"peoplewhoviewedthisitemalsoviewed", RECS_LABEL},
    {"policy", COMMENT_OTHER},
    {"popular", SOFT},
    {"popup", BOILERPLATE},
    {"post", CONTENT | PT_POST},
    {"posts", PT_POST},
    {"potrebbeinteressarti", RECS_LABEL},
    {"prefix", HEADING_LABEL},
    {"prev", SOFT},
    {"previous", SOFT},
    {"price", PT_PRICE},
    {"print", SOFT | UI_LABEL},
    {"product", PT_PRODUCT},
    {"products", PT_PRODUCT},
    {"promo", BOILERPLATE},
    {"prose", CONTENT},
    {"pubblicità", UI_LABEL},
    {"publicidad", UI_LABEL},
    {"publicidade", UI_LABEL},
    {"publicite", UI_LABEL},
    {"publicité", UI_LABEL},
    {"rating", SOFT},
    {"readmore", UI_LABEL},
    {"readnext", RECS_LABEL},
    {"recent", SOFT},
    {"recirc", BOILERPLATE},
    {"recommended", UI_LABEL},
    {"recommendedforyou", RECS_LABEL},
    {"region", ROLE_DISCLOSURE},
    {"reklama", UI_LABEL},
    {"related", BOILERPLATE | UI_LABEL},
    {"relatedarticles", RECS_LABEL},
    {"relatedcontent", RECS_LABEL},
    {"relatedposts", RECS_LABEL},
    {"relatedproducts", RECS_LABEL},
    {"relatedreading", RECS_LABEL},
    {"relatedstories", RECS_LABEL},
    {"replies", PT_POST},
    {"reply", SOFT | COMMENT_OTHER | PT_POST},
    {"report", COMMENT_OTHER},
    {"respond", COMMENT_OTHER},
    {"reviewbody", ITEMPROP_MAIN},
    {"rules", COMMENT_OTHER},
    {"screen-reader-text", HIDDEN},
    {"search", ROLE_BOILERPLATE},
    {"share", BOILERPLATE | COMMENT_OTHER | UI_LABEL},
    {"sharedaddy", BOILERPLATE},
    {"sharethis", UI_LABEL},
    {"sharethisarticle", UI_LABEL},
    {"sharing", BOILERPLATE},
    {"showmore", UI_LABEL},
    {"sidebar", BOILERPLATE},
    {"signin", UI_LABEL},
    {"signup", BOILERPLATE | UI_LABEL},
    {"similaritems", RECS_LABEL},
    {"similarproducts", RECS_LABEL},
    {"skip", SOFT},
    {"skiptocontent", UI_LABEL},
    {"skiptomaincontent", UI_LABEL},
    {"social", BOILERPLATE},
    {"sponsor", BOILERPLATE},
    {"sponsored", BOILERPLATE | UI_LABEL},
    {"sr-only", HIDDEN},
    {"story", CONTENT},
    {"subscribe", BOILERPLATE | UI_LABEL},
    {"subscription", BOILERPLATE},
    {"surlemêmesujet", RECS_LABEL},
    {"tab", DISCLOSURE},
    {"tableofcontents", UI_LABEL},
    {"taboola", BOILERPLATE},
    {"tabpanel", DISCLOSURE | ROLE_DISCLOSURE},
    {"tabs", DISCLOSURE},
    {"tags", SOFT | UI_LABEL},
    {"tambiénpuedeinteresarte", RECS_LABEL},
    {"tambiéntepuedeinteresar", RECS_LABEL},
    {"teaser", SOFT},
    {"teasers", SOFT},
    {"tepuedeinteresar", RECS_LABEL},
    {"text", CONTENT | ITEMPROP_MAIN | COMMENT_TEXT | COMMENT_ITEMPROP},
    {"thread", PT_POST},
    {"time", COMMENT_OTHER},
    {"title", COMMENT_OTHER},
    {"toolbar", BOILERPLATE | ROLE_BOILERPLATE},
    {"tooltip", BOILERPLATE | ROLE_BOILERPLATE},
    {"topic", PT_POST},
    {"total", COMMENT_OTHER},
    {"trending", SOFT},
    {"trendingnow", RECS_LABEL},
    {"vejatambém", RECS_LABEL},
    {"visually-hidden", HIDDEN},
    {"vote", COMMENT_OTHER},
    {"votes", COMMENT_OTHER},
    {"vousaimerezaussi", RECS_LABEL},
    {"weitereartikel", RECS_LABEL},
    {"weiterethemen", RECS_LABEL},
    {"werbung", UI_LABEL},
    {"widget", SOFT},
    {"widgets", SOFT},
    {"with", LAYOUT},
    {"without", LAYOUT},
    {"youmayalsobeinterestedin", RECS_LABEL},
    {"youmayalsolike", RECS_LABEL},
    {"youmayhavemissed", RECS_LABEL},
    {"youmightalsobeinterestedin", RECS_LABEL},
    {"youmightalsolike", RECS_LABEL},
    {"àlireaussi", RECS_LABEL},
    {"àlireégalement", RECS_LABEL},
    {"ähnlicheartikel", RECS_LABEL},
};
/* clang-format on */

#define NWORDS (sizeof words / sizeof words[0])

#define KEY_MAX 48 /* longer words are in no rule */

/* The look-up: an open-addressing hash table over the words (FNV-1a of
 * the lower-case word, linear probing), built once per process on first
 * use (call_once: extractors on several threads share it) and read-only
 * after.  One hash and, nearly always, one comparison per word. */
#define HASH_BITS 11 /* 2048 slots: the table stays under a quarter full */
#define HASH_SIZE (1u << HASH_BITS)
_Static_assert(NWORDS * 4 <= HASH_SIZE, "grow HASH_BITS with the table");
static uint16_t hash_slot[HASH_SIZE]; /* word index + 1; 0: empty */
static uint8_t word_len[NWORDS];
static once_flag hash_once = ONCE_FLAG_INIT;

#define FNV_BASIS 2166136261u
#define FNV_PRIME 16777619u

static void hash_build(void) {
  for (size_t i = 0; i < NWORDS; i++) {
    uint32_t h = FNV_BASIS;
    size_t n = strlen(words[i].w);
    for (size_t k = 0; k < n; k++)
      h = (h ^ (unsigned char)words[i].w[k]) * FNV_PRIME;
    word_len[i] = (uint8_t)n;
    h &= HASH_SIZE - 1;
    while (hash_slot[h])
      h = (h + 1) & (HASH_SIZE - 1);
    hash_slot[h] = (uint16_t)(i + 1);
  }
}

uint32_t pith__vocab_rules(const char *s, size_t n) {
  char k[KEY_MAX];
  if (!n || n >= sizeof k)
    return 0;
  /* Every word starts with a letter. */
  unsigned first = lower((unsigned char)s[0]);
  if (first < 'a' || (first > 'z' && first < 0x80))
    return 0;
  uint32_t h = FNV_BASIS;
  for (size_t i = 0; i < n; i++) {
    k[i] = (char)lower((unsigned char)s[i]);
    h = (h ^ (unsigned char)k[i]) * FNV_PRIME;
  }
  call_once(&hash_once, hash_build);
  for (h &= HASH_SIZE - 1; hash_slot[h]; h = (h + 1) & (HASH_SIZE - 1)) {
    size_t i = hash_slot[h] - 1u;
    if (word_len[i] == n && !memcmp(words[i].w, k, n))
      return words[i].rules;
  }
  return 0;
}

uint32_t pith__vocab_token_rules(const char *value, size_t len) {
  uint32_t r = 0;
  pith_vocab_iter it;
  const char *tok;
  size_t n;
  pith__vocab_iter_init(&it, value, len);
  while (pith__vocab_next_token(&it, &tok, &n))
    r |= pith__vocab_rules(tok, n);
  return r;
}

const char *pith__vocab_word(size_t i, uint32_t *rules) {
  if (i >= NWORDS)
    return NULL;
  if (rules)
    *rules = words[i].rules;
  return words[i].w;
}

int pith__vocab_tables_sorted(void) {
  for (size_t i = 1; i < NWORDS; i++)
    if (strcmp(words[i - 1].w, words[i].w) >= 0)
      return 0;
  for (size_t i = 0; i < NWORDS; i++) {
    unsigned c = (unsigned char)words[i].w[0];
    if (!words[i].rules || strlen(words[i].w) >= KEY_MAX ||
        (c < 'a' || (c > 'z' && c < 0x80)) ||
        pith__vocab_rules(words[i].w, strlen(words[i].w)) != words[i].rules)
      return 0;
  }
  return 1;
}

/* ------------------------------------------------------------------ */
/* Class and id values                                                 */

/* The class rules the words of a token give (what classify reads). */
#define WORD_RULES                                                             \
  (PITH_VB_BOILERPLATE | PITH_VB_SOFT | PITH_VB_CONTENT | PITH_VB_COMMENTS |   \
   PITH_VB_BYLINE | PITH_VB_DISCLOSURE | PITH_VB_CAPTION)
/* What a layout word cancels. */
#define LAYOUT_CANCELS                                                         \
  (PITH_VB_BOILERPLATE | PITH_VB_SOFT | PITH_VB_COMMENTS | PITH_VB_BYLINE |    \
   PITH_VB_CAPTION)
/* Words this long are in no class rule. */
#define WORD_MAX 31

/* Classify the words of one class token (e.g. "td-post-sharing").  Digits
 * end a word but are not words ("col-md-8"), and letters next to digits
 * are not words either: hex ids ("w-node-b5343ad4") would otherwise spell
 * "ad". */
static unsigned classify_token(const char *s, size_t n, uint32_t token_rules) {
  unsigned bits = 0;
  int layout = 0;
  pith_vocab_iter it;
  const char *w;
  size_t k;
  int digit;
  pith__vocab_iter_init(&it, s, n);
  while (pith__vocab_next_word(&it, &w, &k, &digit)) {
    if (digit || k > WORD_MAX)
      continue;
    /* A token of one word was looked up already. */
    uint32_t r = k == n ? token_rules : pith__vocab_rules(w, k);
    if (r & PITH_VB_LAYOUT)
      layout = 1;
    bits |= r & WORD_RULES;
  }
  /* "no-comments", "has-author-box": the layout around the element, not
   * the element itself. */
  if (layout)
    bits &= ~(unsigned)LAYOUT_CANCELS;
  return bits;
}

/* Does token tok[0, n), whose rules are r, hide the element (a
 * hidden-utility token, in the exact case of the table)? */
static int hides(const char *tok, size_t n, uint32_t r) {
  if (!(r & PITH_VB_HIDDEN))
    return 0;
  for (size_t i = 0; i < n; i++)
    if (is_upper((unsigned char)tok[i]))
      return 0;
  return 1;
}

/* The bits of one token of a class or id value. */
static unsigned classify_class_token(const char *tok, size_t n) {
  /* Utility classes that hide: "sr-only", "visually-hidden",
   * "screen-reader-text", "d-none", "hidden" and friends. */
  uint32_t r = pith__vocab_rules(tok, n);
  if (hides(tok, n, r))
    return PITH_VOCAB_HIDDEN;
  /* Utility CSS: "print:break-inside-avoid", "lg:[--sidebar-w]". */
  if (memchr(tok, ':', n) || memchr(tok, '[', n))
    return 0;
  return classify_token(tok, n, r);
}

/* Very long class lists (utility-class CSS) are capped: the first tokens
 * carry the component name. */
#define VALUE_MAX 512

unsigned pith__vocab_classify(const char *value, size_t len) {
  unsigned bits = 0;
  pith_vocab_iter it;
  const char *tok;
  size_t n;
  pith__vocab_iter_init(&it, value, len > VALUE_MAX ? VALUE_MAX : len);
  while (pith__vocab_next_token(&it, &tok, &n))
    bits |= classify_class_token(tok, n);
  return bits;
}

/* Copy s[0, n) into word[cap] in lower case, NUL-terminated. */
static void copy_word(char *word, size_t cap, const char *s, size_t n) {
  if (n >= cap)
    n = cap - 1;
  for (size_t i = 0; i < n; i++)
    word[i] = (char)lower((unsigned char)s[i]);
  word[n] = '\0';
}

/* The name of the one rule behind bit (a power of two), or NULL. */
static const char *rule_of_bit(unsigned bit) {
  for (unsigned r = 0; r < PITH_VR_COUNT; r++)
    if (bit == 1u << r)
      return rule_names[r];
  return NULL;
}

const char *pith__vocab_explain(const char *value, size_t len, unsigned bit,
                                char *word, size_t cap) {
  const char *rule = rule_of_bit(bit);
  if (!cap || !rule)
    return NULL;
  pith_vocab_iter it;
  const char *tok;
  size_t n;
  pith__vocab_iter_init(&it, value, len > VALUE_MAX ? VALUE_MAX : len);
  while (pith__vocab_next_token(&it, &tok, &n)) {
    if (!(classify_class_token(tok, n) & bit))
      continue;
    /* The token gives the bit: find the word in it that does. */
    if (bit != PITH_VOCAB_HIDDEN) {
      pith_vocab_iter wi;
      const char *w;
      size_t k;
      int digit;
      pith__vocab_iter_init(&wi, tok, n);
      while (pith__vocab_next_word(&wi, &w, &k, &digit))
        if (!digit && k <= WORD_MAX && (pith__vocab_rules(w, k) & bit)) {
          copy_word(word, cap, w, k);
          return rule;
        }
    }
    copy_word(word, cap, tok, n);
    return rule;
  }
  return NULL;
}

const char *pith__vocab_explain_token(const char *value, size_t len,
                                      unsigned bit, char *word, size_t cap) {
  const char *rule = rule_of_bit(bit);
  if (!cap || !rule)
    return NULL;
  pith_vocab_iter it;
  const char *tok;
  size_t n;
  pith__vocab_iter_init(&it, value, len);
  while (pith__vocab_next_token(&it, &tok, &n))
    if (pith__vocab_rules(tok, n) & bit) {
      copy_word(word, cap, tok, n);
      return rule;
    }
  return NULL;
}
