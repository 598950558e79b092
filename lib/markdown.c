/* SPDX-License-Identifier: MIT */
/*
 * markdown.c - the Markdown renderer: a result's blocks as CommonMark,
 * with GitHub-style pipe tables.
 *
 * Headings are ATX headings whose levels are shifted so the article's top
 * heading is "#"; lists nest by indenting to the parent item's content;
 * block quotes prefix every line with "> "; <pre> becomes a fenced block
 * with the language from class="language-..."; table rows become a pipe
 * table (the first row is the header row, colspan and rowspan are
 * expanded into empty cells).  Emphasis, strong and code spans, links and
 * images are written when the flags ask for them; line breaks always.
 *
 * Text is escaped so that a CommonMark parser reads back exactly the
 * words of the plain text: every character that could start markup where
 * it stands (a "1." or "-" at the start of a line, "*", "_" at a word
 * edge, "[", "<" before a tag-like character, "&" before an entity-like
 * one, ...) gets a backslash.  Emphasis that CommonMark's flanking rules
 * would not read back is left out rather than written as stray stars.
 */
#include <string.h>

#include "pith/pith.h"

#include "render.h"

#include "chars.h"

/* Deepest list level given its own indentation. */
#define MAX_LEVEL 16
/* Widest table written; more columns are dropped. */
#define MAX_COLS 256

typedef struct {
  pith_buf *out;
  const pith_result *res;
  const pith_block *blk;
  unsigned flags;
  char cont[160]; /* prefix of continuation lines (quotes, list indent) */
  size_t contlen;
  int line_start; /* the next character starts a line */
  int heading;    /* inside a heading: no line breaks, '#' escaped */
  int table;      /* inside a table cell: '|' escaped, no breaks */
  int code;       /* ticks of the open code span, 0 if none */
  int em, strong; /* open emphasis of each kind */
  size_t opened;  /* output length just after the last opening delimiter */
  char em_char;   /* the delimiter of the open emphasis */
} md;

static int is_punct(unsigned char c) {
  return c < 0x80 && c > 0x20 && !is_word_byte(c);
}

static char last_char(const md *m) {
  return m->out->len ? m->out->data[m->out->len - 1] : '\n';
}

static void md_text(void *ctx, const char *s, size_t n) {
  md *m = ctx;
  pith_buf *o = m->out;
  if (m->code) {
    for (size_t i = 0; i < n; i++) {
      if (s[i] == '|' && m->table)
        pith__buf_putc(o, '\\');
      pith__buf_putc(o, s[i]);
    }
    return;
  }
  size_t escape_at = (size_t)-1; /* the '.' or ')' of "1." at line start */
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)s[i];
    unsigned char next = (unsigned char)s[i + 1]; /* s is NUL-terminated */
    int esc = 0;
    if (m->line_start) {
      m->line_start = 0;
      if (is_digit(c)) {
        size_t j = i;
        while (j < n && j - i < 10 && is_digit((unsigned char)s[j]))
          j++;
        if (j - i <= 9 && j < n && (s[j] == '.' || s[j] == ')'))
          escape_at = j;
      } else if (c == '#' || c == '>' || c == '-' || c == '+' || c == '=' ||
                 c == '~') {
        esc = 1;
      }
    }
    switch (c) {
    case '\\':
    case '`':
    case '*':
    case '[':
    case ']':
    case '~':
      esc = 1;
      break;
    case '|':
      esc |= m->table;
      break;
    case '#':
      esc |= m->heading;
      break;
    case '_': {
      unsigned char prev = (unsigned char)last_char(m);
      esc = !is_word_byte(prev) || !is_word_byte(next);
      break;
    }
    case '<':
      esc = is_alpha(next) || next == '/' || next == '!' || next == '?';
      break;
    case '&':
      esc = is_word_byte(next) || next == '#';
      break;
    default:
      break;
    }
    if (esc || i == escape_at)
      pith__buf_putc(o, '\\');
    pith__buf_putc(o, (char)c);
  }
}

/* Can a delimiter run open before t[s] and close after t[e - 1]
 * (CommonMark's flanking rules, with block edges counting as white
 * space)? */
static int can_emphasise(const pith_block *blk, uint32_t s, uint32_t e,
                         char before) {
  const unsigned char *t = (const unsigned char *)blk->text;
  unsigned char prev = s ? t[s - 1] : ' ';
  unsigned char after = e < blk->len ? t[e] : ' ';
  if (before == '*' || before == '\\')
    return 0; /* would merge with the run before it */
  if (is_punct(t[s]) && !(prev == ' ' || is_punct(prev)))
    return 0;
  if (is_punct(t[e - 1]) && !(after == ' ' || is_punct(after)))
    return 0;
  return 1;
}

static int md_open(void *ctx, const pith_span *sp, uint32_t s, uint32_t e) {
  md *m = ctx;
  m->line_start = 0;
  switch (sp->type) {
  case PITH_SPAN_EM:
  case PITH_SPAN_STRONG: {
    int *open = sp->type == PITH_SPAN_EM ? &m->em : &m->strong;
    /* Right after another opening delimiter, "***" is fine. */
    char before = m->out->len == m->opened ? ' ' : last_char(m);
    if (*open || !can_emphasise(m->blk, s, e, before))
      return 0;
    (*open)++;
    if (sp->type == PITH_SPAN_EM) {
      /* "***x***" reads as <em><strong>: inside a fresh "**" write "_"
       * so the nesting survives. */
      m->em_char = m->out->len == m->opened && m->opened ? '_' : '*';
      pith__buf_putc(m->out, m->em_char);
    } else {
      pith__buf_puts(m->out, "**");
    }
    m->opened = m->out->len;
    return 1;
  }
  case PITH_SPAN_CODE: {
    /* A fence one tick longer than the longest run of ticks inside. */
    int run = 0, max = 0;
    for (uint32_t i = s; i < e; i++) {
      run = m->blk->text[i] == '`' ? run + 1 : 0;
      if (run > max)
        max = run;
    }
    m->code = max + 1;
    for (int i = 0; i < m->code; i++)
      pith__buf_putc(m->out, '`');
    if (m->blk->text[s] == '`' || m->blk->text[e - 1] == '`')
      pith__buf_putc(m->out, ' ');
    return 1;
  }
  case PITH_SPAN_LINK: {
    pith_buf tmp;
    pith__buf_init(&tmp);
    int ok = pith__put_url(&tmp, m->res, sp->url);
    pith__buf_free(&tmp);
    if (ok)
      pith__buf_putc(m->out, '[');
    return ok;
  }
  default:
    return 0;
  }
}

/* A link destination: characters that would end or break it are
 * escaped. */
static void put_dest(md *m, const pith_span *sp) {
  pith_buf u;
  pith__buf_init(&u);
  pith__put_url(&u, m->res, sp->url);
  pith__buf_putc(m->out, '(');
  for (size_t i = 0; i < u.len; i++) {
    char c = u.data[i];
    if (c == ' ')
      pith__buf_puts(m->out, "%20");
    else if (c == '<')
      pith__buf_puts(m->out, "%3C");
    else if (c == '>')
      pith__buf_puts(m->out, "%3E");
    else if (c == '|' && m->table)
      pith__buf_puts(m->out, "%7C");
    else {
      if (c == '(' || c == ')' || c == '\\')
        pith__buf_putc(m->out, '\\');
      pith__buf_putc(m->out, c);
    }
  }
  pith__buf_putc(m->out, ')');
  if (u.oom)
    m->out->oom = 1;
  pith__buf_free(&u);
}

static void md_close(void *ctx, const pith_span *sp) {
  md *m = ctx;
  switch (sp->type) {
  case PITH_SPAN_EM:
    m->em--;
    pith__buf_putc(m->out, m->em_char);
    break;
  case PITH_SPAN_STRONG:
    m->strong--;
    pith__buf_puts(m->out, "**");
    break;
  case PITH_SPAN_CODE: {
    const char *t = m->out->data;
    if (t && t[m->out->len - 1] == '`')
      pith__buf_putc(m->out, ' ');
    for (int i = 0; i < m->code; i++)
      pith__buf_putc(m->out, '`');
    m->code = 0;
    break;
  }
  case PITH_SPAN_LINK:
    pith__buf_putc(m->out, ']');
    put_dest(m, sp);
    break;
  default:
    break;
  }
}

static void md_point(void *ctx, const pith_span *sp) {
  md *m = ctx;
  if (sp->type == PITH_SPAN_BREAK) {
    if (m->heading || m->table) {
      pith__buf_putc(m->out, ' ');
      return;
    }
    pith__buf_puts(m->out, "\\\n");
    pith__buf_append(m->out, m->cont, m->contlen);
    m->line_start = 1;
    return;
  }
  pith_buf tmp;
  pith__buf_init(&tmp);
  int ok = pith__put_url(&tmp, m->res, sp->url);
  pith__buf_free(&tmp);
  if (!ok)
    return;
  if (is_word_byte((unsigned char)last_char(m)))
    pith__buf_putc(m->out, ' '); /* "here ![..](..)", not "here![..]" */
  pith__buf_puts(m->out, "![");
  m->line_start = 0;
  if (sp->alt) {
    /* Alt text is one line of plain text. */
    size_t n = strlen(sp->alt);
    for (size_t i = 0; i < n; i++) {
      char c = sp->alt[i];
      char one[2] = {c == '\n' || c == '\r' || c == '\t' ? ' ' : c, '\0'};
      md_text(m, one, 1);
    }
  }
  pith__buf_putc(m->out, ']');
  put_dest(m, sp);
}

static const pith_inline_ops md_ops = {md_text, md_open, md_close, md_point};

static void set_cont(md *m, int quote, int indent) {
  size_t k = 0;
  for (int q = 0; q < quote && k + 2 < sizeof m->cont; q++) {
    m->cont[k++] = '>';
    m->cont[k++] = ' ';
  }
  for (int i = 0; i < indent && k + 1 < sizeof m->cont; i++)
    m->cont[k++] = ' ';
  m->contlen = k;
}

static int inline_run(md *m, const pith_block *blk, uint32_t from,
                      uint32_t to) {
  m->blk = blk;
  m->code = m->em = m->strong = 0;
  return pith__inline_walk(blk, from, to, m->flags, &md_ops, m);
}

/* A fenced code block of the n blocks from one <pre> (a <pre> whose
 * lines are elements gives one block per line). */
static void code_block(md *m, const pith_block *blks, size_t n) {
  const pith_block *blk = blks;
  int run = 0, max = 0;
  for (size_t b = 0; b < n; b++, run = 0)
    for (size_t i = 0; i < blks[b].len; i++) {
      run = blks[b].text[i] == '`' ? run + 1 : 0;
      if (run > max)
        max = run;
    }
  int fence = max < 3 ? 3 : max + 1;
  pith_buf *o = m->out;
  for (int i = 0; i < fence; i++)
    pith__buf_putc(o, '`');
  if (blk->lang) {
    for (const char *c = blk->lang; *c; c++)
      if (is_word_byte((unsigned char)*c) || strchr("_+#.-", *c))
        pith__buf_putc(o, *c);
  }
  pith__buf_putc(o, '\n');
  pith__buf_append(o, m->cont, m->contlen);
  for (size_t b = 0; b < n; b++) {
    if (b) {
      pith__buf_putc(o, '\n');
      pith__buf_append(o, m->cont, m->contlen);
    }
    for (size_t i = 0; i < blks[b].len; i++) {
      char c = blks[b].text[i];
      if (c == '\r')
        continue;
      pith__buf_putc(o, c);
      if (c == '\n')
        pith__buf_append(o, m->cont, m->contlen);
    }
  }
  pith__buf_putc(o, '\n');
  pith__buf_append(o, m->cont, m->contlen);
  for (int i = 0; i < fence; i++)
    pith__buf_putc(o, '`');
}

/* Walk a table's rows, placing cells in columns: rowspan leaves empty
 * cells below, colspan empty cells to the right.  With `cols` 0 it only
 * returns the number of columns; else it writes the rows. */
static size_t table_pass(md *m, const pith_block *rows, size_t nrows,
                         size_t cols) {
  uint16_t carry[MAX_COLS];
  memset(carry, 0, sizeof carry);
  size_t width = 0;
  for (size_t r = 0; r < nrows; r++) {
    const pith_block *blk = &rows[r];
    size_t col = 0, si = 0;
    if (cols)
      pith__buf_putc(m->out, '|');
    for (;;) {
      /* The next cell span of this row, if any. */
      while (si < blk->nspans && blk->spans[si].type != PITH_SPAN_CELL)
        si++;
      const pith_span *cell = si < blk->nspans ? &blk->spans[si++] : NULL;
      while (col < MAX_COLS && carry[col]) {
        carry[col]--;
        if (cols && col < cols)
          pith__buf_puts(m->out, "  |");
        col++;
      }
      if (!cell || col >= MAX_COLS)
        break;
      for (uint16_t k = 0; k < cell->cols && col < MAX_COLS; k++, col++) {
        carry[col] = (uint16_t)(cell->rows - 1);
        if (!cols || col >= cols)
          continue;
        pith__buf_putc(m->out, ' ');
        if (k == 0)
          inline_run(m, blk, cell->start, cell->end);
        pith__buf_puts(m->out, " |");
      }
    }
    if (col > width)
      width = col;
    if (cols) {
      for (; col < cols; col++)
        pith__buf_puts(m->out, "  |");
      pith__buf_putc(m->out, '\n');
      pith__buf_append(m->out, m->cont, m->contlen);
      if (r == 0) {
        pith__buf_putc(m->out, '|');
        for (size_t c = 0; c < cols; c++)
          pith__buf_puts(m->out, " --- |");
        pith__buf_putc(m->out, '\n');
        pith__buf_append(m->out, m->cont, m->contlen);
      }
    }
  }
  return width;
}

static void table(md *m, const pith_block *rows, size_t nrows) {
  size_t cols = table_pass(m, rows, nrows, 0);
  if (!cols)
    return;
  m->table = 1;
  table_pass(m, rows, nrows, cols);
  m->table = 0;
  /* Drop the continuation prefix after the last row and its newline. */
  m->out->len -= m->contlen + 1;
  if (m->out->data)
    m->out->data[m->out->len] = '\0';
}

char *pith_render_markdown(const pith_result *res, unsigned flags) {
  if (!res)
    return NULL;
  pith_buf out;
  pith__buf_init(&out);
  md m;
  memset(&m, 0, sizeof m);
  m.out = &out;
  m.res = res;
  m.flags = flags;
  const pith_block *blocks = res->blocks;
  size_t n = res->blocks ? res->nblocks : 0;
  int min = pith__min_heading(blocks, n);
  /* List state per level: content column, marker width, list, count. */
  int col[MAX_LEVEL + 2], width[MAX_LEVEL + 2], count[MAX_LEVEL + 2];
  uint32_t group[MAX_LEVEL + 2];
  char bullet[MAX_LEVEL + 2];
  memset(group, 0, sizeof group);
  memset(bullet, 0, sizeof bullet);
  const pith_block *prev = NULL;
  int oom = 0;

  for (size_t i = 0; i < n; i++) {
    const pith_block *blk = &blocks[i];
    if (!blk->len && !(flags & PITH_OPT_IMAGES))
      continue;
    /* Rows of one table, lines of one <pre>, go together. */
    size_t nrows = 1;
    if ((blk->type == PITH_BLOCK_TABLE_ROW || blk->type == PITH_BLOCK_CODE) &&
        blk->group)
      while (i + nrows < n && blocks[i + nrows].type == blk->type &&
             blocks[i + nrows].group == blk->group &&
             blocks[i + nrows].quote == blk->quote)
        nrows++;
    /* Lines of nothing but no-break spaces, tables of empty cells. */
    if (blk->len && blk->type != PITH_BLOCK_CODE && pith__blank(blk, nrows)) {
      i += nrows - 1;
      continue;
    }
    int item = blk->type == PITH_BLOCK_LIST_ITEM;
    int in_list = item && prev && prev->type == PITH_BLOCK_LIST_ITEM &&
                  prev->quote == blk->quote;
    size_t mark = out.len;
    if (prev) {
      pith__buf_putc(&out, '\n');
      if (!in_list) {
        /* A blank line, inside the quote both blocks share. */
        int q = prev->quote < blk->quote ? prev->quote : blk->quote;
        for (int k = 0; k < q; k++)
          pith__buf_putc(&out, '>');
        pith__buf_putc(&out, '\n');
      }
    }
    if (!in_list) {
      memset(group, 0, sizeof group);
      memset(bullet, 0, sizeof bullet);
    }
    set_cont(&m, blk->quote, 0);
    pith__buf_append(&out, m.cont, m.contlen);
    m.line_start = 1;
    size_t body = out.len;
    switch (blk->type) {
    case PITH_BLOCK_HEADING: {
      int l = pith__heading_level(blk, min, 1);
      for (int k = 0; k < l; k++)
        pith__buf_putc(&out, '#');
      pith__buf_putc(&out, ' ');
      m.heading = 1;
      oom |= inline_run(&m, blk, 0, (uint32_t)blk->len);
      m.heading = 0;
      break;
    }
    case PITH_BLOCK_LIST_ITEM: {
      int l = blk->level < 1           ? 1
              : blk->level > MAX_LEVEL ? MAX_LEVEL
                                       : blk->level;
      if (l == 1) {
        col[1] = 0;
      } else if (group[l - 1]) {
        col[l] = col[l - 1] + width[l - 1];
      } else {
        int c = 0;
        for (int k = 1; k < l; k++)
          c += group[k] ? width[k] : 2;
        col[l] = c;
      }
      if (group[l] != blk->group || !bullet[l]) {
        /* A new list: a different marker tells it from a list just
         * before it at the same level. */
        bullet[l] = bullet[l] ? (char)(bullet[l] == '-' ? '*' : '-') : '-';
        group[l] = blk->group;
        count[l] = 0;
      }
      for (int k = l + 1; k <= MAX_LEVEL; k++)
        group[k] = 0;
      for (int k = 0; k < col[l]; k++)
        pith__buf_putc(&out, ' ');
      char marker[16];
      size_t ml;
      if (blk->ordered) {
        int v = ++count[l];
        char digits[12];
        size_t nd = 0;
        do {
          digits[nd++] = (char)('0' + v % 10);
          v /= 10;
        } while (v && nd < sizeof digits);
        ml = 0;
        while (nd)
          marker[ml++] = digits[--nd];
        marker[ml++] = bullet[l] == '-' ? '.' : ')';
      } else {
        marker[0] = bullet[l];
        ml = 1;
      }
      marker[ml++] = ' ';
      pith__buf_append(&out, marker, ml);
      width[l] = (int)ml;
      set_cont(&m, blk->quote, col[l] + (int)ml);
      oom |= inline_run(&m, blk, 0, (uint32_t)blk->len);
      break;
    }
    case PITH_BLOCK_CODE:
      code_block(&m, blk, nrows);
      i += nrows - 1;
      break;
    case PITH_BLOCK_TABLE_ROW:
      table(&m, blk, nrows);
      i += nrows - 1;
      break;
    default:
      oom |= inline_run(&m, blk, 0, (uint32_t)blk->len);
      break;
    }
    if (out.len == body) {
      out.len = mark; /* nothing written (an image-only block) */
      if (out.data)
        out.data[out.len] = '\0';
      continue;
    }
    prev = &blocks[i];
  }
  if (out.len)
    pith__buf_putc(&out, '\n');
  if (oom || out.oom) {
    pith__buf_free(&out);
    return NULL;
  }
  return pith__buf_steal(&out);
}
