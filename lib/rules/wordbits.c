/*
 * wordbits.c: words and the classes they belong to (wordbits.h), in one
 * open-addressed table with linear probing, kept at most half full.
 */
#include "rules/wordbits.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

static size_t
slot_of(const char *s, size_t n, size_t mask)
{
  uint64_t h = hash_fnv1a(HASH_FNV_OFFSET, s, n);

  return (size_t)(h ^ (h >> 29)) & mask;
}

void
wordbits_init(struct wordbits *m)
{
  memset(m, 0, sizeof(*m));
}

void
wordbits_free(struct wordbits *m)
{
  size_t i;

  if (m->slot != NULL)
    for (i = 0; i <= m->mask; i++)
      free(m->slot[i].key);
  free(m->slot);
  wordbits_init(m);
}

/* The slot of key s[0..n), or the empty slot where it would go. */
static struct wordbits_slot *
probe(const struct wordbits *m, const char *s, size_t n)
{
  size_t i;

  for (i = slot_of(s, n, m->mask); m->slot[i].key != NULL;
       i = (i + 1) & m->mask)
    if (m->slot[i].len == n && memcmp(m->slot[i].key, s, n) == 0)
      break;
  return &m->slot[i];
}

/* Twice the slots (16 at first), every key moved over. */
static int
grow(struct wordbits *m)
{
  size_t size = m->slot == NULL ? 16 : (m->mask + 1) * 2, i;
  struct wordbits old = *m;
  struct wordbits_slot *to;

  m->slot = calloc(size, sizeof(*m->slot));
  if (m->slot == NULL) {
    *m = old;
    return -ENOMEM;
  }
  m->mask = size - 1;
  for (i = 0; old.slot != NULL && i <= old.mask; i++)
    if (old.slot[i].key != NULL) {
      to = probe(m, old.slot[i].key, old.slot[i].len);
      *to = old.slot[i];
    }
  free(old.slot);
  return 0;
}

int
wordbits_add(struct wordbits *m, const char *s, size_t n, unsigned c)
{
  struct wordbits_slot *sl;
  int rc;

  if (c >= WORDBITS_MAX || (s == NULL && n > 0))
    return -EINVAL;
  if (m->slot == NULL || (m->n + 1) * 2 > m->mask + 1) {
    rc = grow(m);
    if (rc != 0)
      return rc;
  }
  sl = probe(m, s, n);
  if (sl->key == NULL) {
    sl->key = malloc(n + 1);
    if (sl->key == NULL)
      return -ENOMEM;
    if (n > 0)
      memcpy(sl->key, s, n);
    sl->key[n] = '\0';
    sl->len = n;
    memset(&sl->set, 0, sizeof(sl->set));
    m->n++;
  }
  sl->set.b[c / 64] |= (uint64_t)1 << (c % 64);
  return 0;
}

void
wordbits_or(const struct wordbits *m, const char *s, size_t n,
            struct wordbits_set *out)
{
  const struct wordbits_slot *sl;
  size_t k;

  if (m->slot == NULL)
    return;
  sl = probe(m, s, n);
  if (sl->key == NULL)
    return;
  for (k = 0; k < WORDBITS_WORDS; k++)
    out->b[k] |= sl->set.b[k];
}
