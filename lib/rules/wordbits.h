/*
 * wordbits.h: a hash of words, each with the set of classes (numbered
 * 0..WORDBITS_MAX-1) it belongs to.  Rule 3 asks "is this word in class
 * c?" thousands of times per text; the word's whole set is looked up once
 * instead, and each question is then one bit.
 *
 * Keys are byte strings (copied in); a word never added has the empty
 * set.  Built once at load, read only after, so readers need no lock.
 */
#ifndef ADUAN_RULES_WORDBITS_H
#define ADUAN_RULES_WORDBITS_H

#include <stddef.h>
#include <stdint.h>

#define WORDBITS_WORDS 2
#define WORDBITS_MAX (64 * WORDBITS_WORDS)

/* A set of classes. */
struct wordbits_set {
  uint64_t b[WORDBITS_WORDS];
};

struct wordbits_slot {
  char *key;     /* NULL: empty slot */
  size_t len;
  struct wordbits_set set;
};

struct wordbits {
  struct wordbits_slot *slot;
  size_t mask;   /* slots - 1; no slots while empty */
  size_t n;      /* keys */
};

/* An empty map (no allocation). */
void wordbits_init(struct wordbits *m);
void wordbits_free(struct wordbits *m);

/* Put class c (< WORDBITS_MAX) in the set of s[0..n).  0, -EINVAL or
 * -ENOMEM. */
int wordbits_add(struct wordbits *m, const char *s, size_t n, unsigned c);

/* Add the set of s[0..n) to *out (the union; nothing when s is not a
 * key). */
void wordbits_or(const struct wordbits *m, const char *s, size_t n,
                 struct wordbits_set *out);

/* Is class c in set s? */
static inline int
wordbits_has(const struct wordbits_set *s, unsigned c)
{
  return c < WORDBITS_MAX && ((s->b[c / 64] >> (c % 64)) & 1u) != 0;
}

#endif
