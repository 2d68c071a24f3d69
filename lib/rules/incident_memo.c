/*
 * incident_memo.c: the readings of recent reports, kept (see
 * incident_memo.h).
 *
 * A slot holds its key (the texts, each ended by a NUL, in one block), a
 * hash of it to skip most slots without comparing, the tick of its last
 * use and the pair of readings, packed.  A lookup scans the slots: a scan
 * of a thousand costs far less than one reading.
 *
 * A reading (struct incident, about 9.5 KiB) is mostly zeros: room for
 * specifics a report does not have, cleared by incident_extract().  A
 * pair is kept as its 64-bit words with the runs of zero words left out:
 * runs of (zeros, literals) counts, each followed by its literal words.
 * That keeps any layout of struct incident byte for byte, in about a
 * kilobyte.
 */
#include "rules/incident_memo.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/hash.h"

#define PAIR_SIZE (2 * sizeof(struct incident))
_Static_assert(PAIR_SIZE % sizeof(uint64_t) == 0, "a pair is whole words");

struct memo_slot {
  char *key;                  /* NULL: the slot is free */
  size_t keylen;
  uint64_t hash;
  uint64_t used;              /* m->tick at its last get or put */
  uint64_t *packed;           /* the value, by value_pack() */
};

struct incident_memo {
  struct memo_slot *slot;
  int nslots;
  uint64_t tick;
  size_t words;               /* of a value: 64-bit words */
};

/* The word at i of the value at v. */
static uint64_t
word_at(const unsigned char *v, size_t i)
{
  uint64_t x;

  memcpy(&x, v + i * sizeof(x), sizeof(x));
  return x;
}

/* The value in (nw words) as packed words (malloc'd; *n of them), or
 * NULL. */
static uint64_t *
value_pack(const void *in, size_t nw, size_t *n)
{
  const unsigned char *w = in;
  uint64_t *out;
  size_t i = 0, o = 0, z, l;

  out = malloc((nw + 1) * sizeof(uint64_t));   /* the worst case */
  if (out == NULL)
    return NULL;
  while (i < nw) {
    for (z = 0; i + z < nw && word_at(w, i + z) == 0; z++)
      ;
    i += z;
    for (l = 0; i + l < nw && word_at(w, i + l) != 0; l++)
      ;
    out[o++] = (uint64_t)z << 32 | l;
    memcpy(&out[o], w + i * sizeof(uint64_t), l * sizeof(uint64_t));
    o += l;
    i += l;
  }
  *n = o;
  return out;
}

/* The value packed by value_pack() (nw words) into out. */
static void
value_unpack(const uint64_t *p, size_t nw, void *out)
{
  unsigned char *w = out;
  size_t i = 0, z, l;

  while (i < nw) {
    z = (size_t)(*p >> 32);
    l = (size_t)(*p++ & 0xffffffffu);
    memset(w + i * sizeof(uint64_t), 0, z * sizeof(uint64_t));
    i += z;
    memcpy(w + i * sizeof(uint64_t), p, l * sizeof(uint64_t));
    p += l;
    i += l;
  }
}

int
incident_memo_new(struct incident_memo **out, int slots)
{
  return incident_memo_new_sized(out, slots, PAIR_SIZE);
}

int
incident_memo_new_sized(struct incident_memo **out, int slots, size_t size)
{
  struct incident_memo *m;

  *out = NULL;
  if (size == 0 || size % sizeof(uint64_t) != 0)
    return -EINVAL;
  if (slots < 1)
    slots = 1;
  m = calloc(1, sizeof(*m));
  if (m == NULL)
    return -ENOMEM;
  m->slot = calloc((size_t)slots, sizeof(*m->slot));
  if (m->slot == NULL) {
    free(m);
    return -ENOMEM;
  }
  m->nslots = slots;
  m->words = size / sizeof(uint64_t);
  *out = m;
  return 0;
}

void
incident_memo_clear(struct incident_memo *m)
{
  int i;

  if (m == NULL)
    return;
  for (i = 0; i < m->nslots; i++) {
    free(m->slot[i].key);
    free(m->slot[i].packed);
    m->slot[i].key = NULL;
    m->slot[i].packed = NULL;
  }
}

void
incident_memo_free(struct incident_memo *m)
{
  if (m == NULL)
    return;
  incident_memo_clear(m);
  free(m->slot);
  free(m);
}

/* The length of the key of the n texts, and its hash in *hash. */
static size_t
key_measure(const char *const *texts, int n, uint64_t *hash)
{
  uint64_t h = HASH_FNV_OFFSET;
  size_t len = 0, l;
  int i;

  for (i = 0; i < n; i++) {
    const char *t = texts[i] ? texts[i] : "";

    l = strlen(t) + 1;   /* with its '\0': "ab","c" is not "a","bc" */
    h = hash_fnv1a(h, t, l);
    len += l;
  }
  *hash = h;
  return len;
}

/* 1 when slot s holds the key of the n texts. */
static int
key_equal(const struct memo_slot *s, const char *const *texts, int n,
          size_t len, uint64_t hash)
{
  const char *k = s->key;
  int i;

  if (k == NULL || s->hash != hash || s->keylen != len)
    return 0;
  for (i = 0; i < n; i++) {
    const char *t = texts[i] ? texts[i] : "";
    size_t l = strlen(t) + 1;

    if (memcmp(k, t, l) != 0)
      return 0;
    k += l;
  }
  return 1;
}

int
incident_memo_get(struct incident_memo *m, const char *const *texts, int n,
                  struct incident out[2])
{
  if (m == NULL || m->words != PAIR_SIZE / sizeof(uint64_t))
    return 0;
  return incident_memo_find(m, texts, n, out);
}

int
incident_memo_find(struct incident_memo *m, const char *const *texts, int n,
                   void *out)
{
  uint64_t hash;
  size_t len;
  int i;

  if (m == NULL || n < 0 || n > INCIDENT_MEMO_TEXTS)
    return 0;
  len = key_measure(texts, n, &hash);
  for (i = 0; i < m->nslots; i++)
    if (key_equal(&m->slot[i], texts, n, len, hash)) {
      m->slot[i].used = ++m->tick;
      value_unpack(m->slot[i].packed, m->words, out);
      return 1;
    }
  return 0;
}

void
incident_memo_put(struct incident_memo *m, const char *const *texts, int n,
                  const struct incident in[2])
{
  if (m != NULL && m->words == PAIR_SIZE / sizeof(uint64_t))
    incident_memo_keep(m, texts, n, in);
}

void
incident_memo_keep(struct incident_memo *m, const char *const *texts, int n,
                   const void *in)
{
  struct memo_slot *s;
  uint64_t hash, *packed, *fit;
  size_t len, np;
  char *key, *k;
  int i;

  if (m == NULL || n < 0 || n > INCIDENT_MEMO_TEXTS)
    return;
  len = key_measure(texts, n, &hash);
  key = malloc(len > 0 ? len : 1);
  packed = value_pack(in, m->words, &np);
  if (key == NULL || packed == NULL) {
    free(key);
    free(packed);
    return;
  }
  fit = realloc(packed, np * sizeof(uint64_t));
  if (fit != NULL)
    packed = fit;
  for (i = 0, k = key; i < n; i++) {
    const char *t = texts[i] ? texts[i] : "";
    size_t l = strlen(t) + 1;

    memcpy(k, t, l);
    k += l;
  }
  s = &m->slot[0];
  for (i = 0; i < m->nslots; i++) {
    if (key_equal(&m->slot[i], texts, n, len, hash)) {
      s = &m->slot[i];        /* the same texts: replace their reading */
      break;
    }
    if (s->key != NULL &&
        (m->slot[i].key == NULL || m->slot[i].used < s->used))
      s = &m->slot[i];
  }
  free(s->key);
  free(s->packed);
  s->key = key;
  s->keylen = len;
  s->hash = hash;
  s->used = ++m->tick;
  s->packed = packed;
}
