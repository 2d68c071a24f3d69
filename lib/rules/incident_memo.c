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

#define PAIR_WORDS (2 * sizeof(struct incident) / sizeof(uint64_t))

struct memo_slot {
  char *key;                  /* NULL: the slot is free */
  size_t keylen;
  uint64_t hash;
  uint64_t used;              /* m->tick at its last get or put */
  uint64_t *packed;           /* the pair, by pair_pack() */
};

struct incident_memo {
  struct memo_slot *slot;
  int nslots;
  uint64_t tick;
};

/* The pair in as packed words (malloc'd; *n of them), or NULL. */
static uint64_t *
pair_pack(const struct incident in[2], size_t *n)
{
  uint64_t w[PAIR_WORDS], *out;
  size_t i = 0, o = 0, z, l;

  memcpy(w, in, sizeof(w));
  out = malloc(sizeof(w) + sizeof(uint64_t));   /* the worst case */
  if (out == NULL)
    return NULL;
  while (i < PAIR_WORDS) {
    for (z = 0; i + z < PAIR_WORDS && w[i + z] == 0; z++)
      ;
    i += z;
    for (l = 0; i + l < PAIR_WORDS && w[i + l] != 0; l++)
      ;
    out[o++] = (uint64_t)z << 32 | l;
    memcpy(&out[o], &w[i], l * sizeof(uint64_t));
    o += l;
    i += l;
  }
  *n = o;
  return out;
}

/* The pair packed by pair_pack() into out. */
static void
pair_unpack(const uint64_t *p, struct incident out[2])
{
  unsigned char *w = (unsigned char *)out;
  size_t i = 0, z, l;

  while (i < PAIR_WORDS) {
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
  struct incident_memo *m;

  *out = NULL;
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
  uint64_t hash;
  size_t len;
  int i;

  if (m == NULL || n < 0 || n > INCIDENT_MEMO_TEXTS)
    return 0;
  len = key_measure(texts, n, &hash);
  for (i = 0; i < m->nslots; i++)
    if (key_equal(&m->slot[i], texts, n, len, hash)) {
      m->slot[i].used = ++m->tick;
      pair_unpack(m->slot[i].packed, out);
      return 1;
    }
  return 0;
}

void
incident_memo_put(struct incident_memo *m, const char *const *texts, int n,
                  const struct incident in[2])
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
  packed = pair_pack(in, &np);
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
