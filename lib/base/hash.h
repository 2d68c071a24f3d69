/*
 * hash.h: the 64-bit FNV-1a hash of bytes, which the word lists, the
 * duplicate index and the readings memo key their tables by.
 *
 * A leaf header (it includes only <stddef.h> and <stdint.h>): start with
 * HASH_FNV_OFFSET and feed it the bytes, in one call or several.
 */
#ifndef ADUAN_HASH_H
#define ADUAN_HASH_H

#include <stddef.h>
#include <stdint.h>

#define HASH_FNV_OFFSET 0xcbf29ce484222325ULL
#define HASH_FNV_PRIME 0x100000001b3ULL

/* h with the n bytes at p added. */
static inline uint64_t
hash_fnv1a(uint64_t h, const void *p, size_t n)
{
  const unsigned char *b = p;
  size_t i;

  for (i = 0; i < n; i++) {
    h ^= b[i];
    h *= HASH_FNV_PRIME;
  }
  return h;
}

#endif
