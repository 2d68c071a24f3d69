/*
 * crypto.h: the few primitives aduan needs, on OpenSSL's libcrypto.
 *
 * HMAC for provider signatures, SHA-256 for evidence files, random bytes
 * for ids and handles, encodings, and a comparison whose time does not
 * depend on where two secrets differ.
 */
#ifndef ADUAN_CRYPTO_H
#define ADUAN_CRYPTO_H

#include <stddef.h>
#include <sys/types.h>

#define CRYPTO_SHA256_LEN 32
#define CRYPTO_SHA1_LEN 20

/* Fill p with n random bytes.  Returns 0 or AERR_STATE when the system's
 * random source fails. */
int crypto_random(void *p, size_t n);

/*
 * Random bytes for many small draws (a reporter's handle takes 7), from
 * the same CSPRNG as crypto_random, fetched in blocks: one RAND_bytes
 * call costs about 24 000 instructions whatever its size, so one fills
 * CRYPTO_RAND_BLOCK bytes and the next draws take from them.  The bytes
 * are the CSPRNG's own, as hard to guess; each byte handed out is wiped
 * from the block, and a block filled before a fork() is thrown away in
 * the child, so parent and child never hand out the same bytes.  The
 * state belongs to its owner (one thread at a time); it holds secrets
 * to come: crypto_rand_wipe it before it is freed.
 */
#define CRYPTO_RAND_BLOCK 512

struct crypto_rand {
  unsigned char block[CRYPTO_RAND_BLOCK];
  size_t left;                  /* bytes not yet handed out, at the end */
  pid_t pid;                    /* the process that filled block */
};

/* An empty state: the first draw fills it. */
void crypto_rand_init(struct crypto_rand *r);

/* Fill p with n random bytes.  0 or AERR_STATE (as crypto_random). */
int crypto_rand_bytes(struct crypto_rand *r, void *p, size_t n);

/* Wipe what r holds; it is empty after (as crypto_rand_init). */
void crypto_rand_wipe(struct crypto_rand *r);

/* Lower-case hex of n bytes into out (2n+1 bytes).  Returns out. */
char *crypto_hex(const void *p, size_t n, char *out);

/* 1 when a and b (each of its own length) are equal, else 0; the time
 * taken depends only on the lengths. */
int crypto_equal(const void *a, size_t alen, const void *b, size_t blen);

/* HMAC of msg under key into out (CRYPTO_SHA256_LEN / CRYPTO_SHA1_LEN
 * bytes).  Return 0 or AERR_STATE. */
int crypto_hmac_sha256(const void *key, size_t keylen, const void *msg,
                       size_t len, unsigned char out[CRYPTO_SHA256_LEN]);
int crypto_hmac_sha1(const void *key, size_t keylen, const void *msg,
                     size_t len, unsigned char out[CRYPTO_SHA1_LEN]);

/*
 * An HMAC-SHA256 keyed once and used for many messages: the key's inner
 * and outer pads are hashed when it is made, and each message starts
 * again from that state (in m's own context) instead of setting up
 * OpenSSL's MAC anew.  crypto_mac_new returns NULL when out of memory or
 * when libcrypto fails (the caller may then fall back on
 * crypto_hmac_sha256); the key is not kept.  crypto_mac_sha256 writes
 * the same digest as crypto_hmac_sha256 with that key, whatever the
 * calls before it did (any number of calls, one at a time: m is the
 * working state, so one thread at a time) and returns 0 or AERR_STATE.
 * crypto_mac_free takes NULL.
 */
struct crypto_mac;
struct crypto_mac *crypto_mac_new(const void *key, size_t keylen);
int crypto_mac_sha256(struct crypto_mac *m, const void *msg, size_t len,
                      unsigned char out[CRYPTO_SHA256_LEN]);
void crypto_mac_free(struct crypto_mac *m);

int crypto_sha256(const void *msg, size_t len,
                  unsigned char out[CRYPTO_SHA256_LEN]);

/* SHA-256 over data given in pieces.  crypto_sha256_new returns NULL when
 * out of memory; crypto_sha256_end writes the digest and frees ctx;
 * crypto_sha256_free frees it unfinished (NULL is fine). */
struct crypto_sha256;
struct crypto_sha256 *crypto_sha256_new(void);
int crypto_sha256_update(struct crypto_sha256 *ctx, const void *p, size_t n);
int crypto_sha256_end(struct crypto_sha256 *ctx,
                      unsigned char out[CRYPTO_SHA256_LEN]);
void crypto_sha256_free(struct crypto_sha256 *ctx);

/* Standard base64 (with padding) of n bytes into out, which must hold
 * 4 * ((n + 2) / 3) + 1 bytes.  Returns out. */
char *crypto_base64(const void *p, size_t n, char *out);

#endif
