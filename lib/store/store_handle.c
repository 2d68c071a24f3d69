/*
 * store_handle.c: the pseudonymous handles of reporters.
 *
 * This file owns the shape of a handle and the randomness behind it:
 * the store's own block of the system's CSPRNG (crypto_rand), so that a
 * new reporter costs a copy of 7 bytes rather than a call into OpenSSL.
 */
#include <stdint.h>

#include "store/store_internal.h"

/*
 * "R-" and ten characters of Crockford's base32 (no I, L, O or U, so that
 * operators can read a handle aloud without confusion): 50 random bits.
 */
int
store_handle_new(struct store *st, char out[STORE_HANDLE_LEN])
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  unsigned char raw[7];
  uint64_t bits = 0;
  int i;

  if (crypto_rand_bytes(&st->rand, raw, sizeof(raw)) != 0)
    return -1;
  for (i = 0; i < (int)sizeof(raw); i++)
    bits = (bits << 8) | raw[i];
  out[0] = 'R';
  out[1] = '-';
  for (i = 0; i < 10; i++) {
    out[2 + i] = alphabet[bits & 31];
    bits >>= 5;
  }
  out[12] = '\0';
  return 0;
}
