/* SPDX-License-Identifier: MIT */
/*
 * fuzz_html5.c - libFuzzer target for pith's HTML parser (lib/html5.c):
 * the page is parsed, under a small node and depth cap when the first
 * byte asks, and the tree is checked: every link agrees with its
 * counterpart (parent's first and last child, siblings both ways), the
 * array is in document order (a preorder walk visits indices 0, 1, 2,
 * ...), no element is nested deeper than the depth cap allows, text and
 * attribute values lie inside the character pool, and no parse-time flag
 * is left on a node.  NUL bytes are made spaces (the decode stage never
 * passes NUL).
 */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "html5.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static void check(const pith_tree *t, uint32_t max_depth) {
  if (!t->nnodes || t->nodes[0].tag != PITH_TAG_ROOT || t->nodes[0].parent)
    abort();
  uint32_t expect = 0, i = 0, depth = 0;
  for (;;) {
    if (i != expect++)
      abort(); /* not in document order */
    const pith_node *nd = &t->nodes[i];
    if (nd->flags & ~(uint16_t)(PITH_NF_HIDDEN | PITH_NF_KEEPTEXT))
      abort();
    if (nd->tag == PITH_TAG_TEXT &&
        ((size_t)nd->text + nd->len > t->chars.len || nd->first))
      abort();
    if ((size_t)nd->attr + nd->nattr > t->nattrs)
      abort();
    for (uint32_t a = 0; a < nd->nattr; a++) {
      const pith_attr *at = &t->attrs[nd->attr + a];
      if ((size_t)at->value + at->len >= t->chars.len + 1 ||
          t->chars.data[at->value + at->len] != '\0')
        abort();
    }
    if (nd->first) {
      if (t->nodes[nd->first].prev || t->nodes[nd->first].parent != i ||
          !nd->last || t->nodes[nd->last].next ||
          t->nodes[nd->last].parent != i)
        abort();
    } else if (nd->last) {
      abort();
    }
    if (nd->next && (t->nodes[nd->next].prev != i ||
                     t->nodes[nd->next].parent != nd->parent))
      abort();
    if (nd->tag != PITH_TAG_TEXT && depth > max_depth)
      abort(); /* an element deeper than the cap */
    if (nd->first) {
      i = nd->first;
      depth++;
      continue;
    }
    while (i && !t->nodes[i].next) {
      i = t->nodes[i].parent;
      depth--;
    }
    if (!i)
      break;
    i = t->nodes[i].next;
  }
  if (expect != t->nnodes)
    abort(); /* nodes outside the tree */
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  if (size < 1)
    return 0;
  unsigned mode = data[0];
  data++;
  size--;
  char *s = malloc(size + 1);
  if (!s)
    return 0;
  memcpy(s, data, size);
  for (size_t k = 0; k < size; k++)
    if (!s[k])
      s[k] = ' ';
  s[size] = '\0';
  pith_tree_limits lim;
  memset(&lim, 0, sizeof lim);
  if (mode & 1)
    lim.max_nodes = 64;
  if (mode & 2)
    lim.max_depth = 8;
  pith_tree t;
  if (pith__html5_parse(&t, s, size, &lim) == 0)
    check(&t, lim.max_depth ? lim.max_depth : 512);
  pith__tree_free(&t);
  free(s);
  return 0;
}
