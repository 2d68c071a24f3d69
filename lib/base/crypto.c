/*
 * crypto.c: HMAC, SHA-256, random bytes and encodings (see crypto.h).
 */
#include "base/crypto.h"

#include <openssl/crypto.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>
#include <openssl/params.h>
#include <openssl/rand.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/err.h"

int
crypto_random(void *p, size_t n)
{
  if (n > 0x7fffffff || RAND_bytes(p, (int)n) != 1)
    return AERR_STATE;
  return 0;
}

void
crypto_rand_init(struct crypto_rand *r)
{
  r->left = 0;
  r->pid = 0;
}

int
crypto_rand_bytes(struct crypto_rand *r, void *p, size_t n)
{
  unsigned char *out = p;
  pid_t pid = getpid();

  if (r->pid != pid)
    crypto_rand_wipe(r);      /* another process's bytes: not ours to use */
  while (n > 0) {
    size_t k, at;

    if (r->left == 0) {
      if (n >= CRYPTO_RAND_BLOCK)
        return crypto_random(out, n);
      if (crypto_random(r->block, sizeof(r->block)) != 0)
        return AERR_STATE;
      r->left = sizeof(r->block);
      r->pid = pid;
    }
    k = n < r->left ? n : r->left;
    at = sizeof(r->block) - r->left;
    memcpy(out, r->block + at, k);
    OPENSSL_cleanse(r->block + at, k);
    r->left -= k;
    out += k;
    n -= k;
  }
  return 0;
}

void
crypto_rand_wipe(struct crypto_rand *r)
{
  OPENSSL_cleanse(r->block, sizeof(r->block));
  crypto_rand_init(r);
}

char *
crypto_hex(const void *p, size_t n, char *out)
{
  static const char hex[] = "0123456789abcdef";
  const unsigned char *b = p;
  size_t i;

  for (i = 0; i < n; i++) {
    out[2 * i] = hex[b[i] >> 4];
    out[2 * i + 1] = hex[b[i] & 15];
  }
  out[2 * n] = '\0';
  return out;
}

int
crypto_equal(const void *a, size_t alen, const void *b, size_t blen)
{
  /* Unequal lengths still cost one comparison of the shorter length, so
   * that the answer's timing says nothing about the content. */
  size_t n = alen < blen ? alen : blen;
  int same = CRYPTO_memcmp(a, b, n) == 0;

  return same && alen == blen;
}

static int
crypto_hmac(const EVP_MD *md, const void *key, size_t keylen,
            const void *msg, size_t len, unsigned char *out)
{
  unsigned int outlen = 0;

  if (keylen > 0x7fffffff)
    return AERR_RANGE;
  if (HMAC(md, key, (int)keylen, msg, len, out, &outlen) == NULL)
    return AERR_STATE;
  return 0;
}

int
crypto_hmac_sha256(const void *key, size_t keylen, const void *msg,
                   size_t len, unsigned char out[CRYPTO_SHA256_LEN])
{
  return crypto_hmac(EVP_sha256(), key, keylen, msg, len, out);
}

int
crypto_hmac_sha1(const void *key, size_t keylen, const void *msg,
                 size_t len, unsigned char out[CRYPTO_SHA1_LEN])
{
  return crypto_hmac(EVP_sha1(), key, keylen, msg, len, out);
}

/* The keyed MAC context.  Each message starts by re-initialising it
 * without a key, which makes OpenSSL reuse the key's hashed pads (the
 * inner state is copied back from the one kept at keying): no context
 * is duplicated and freed per message. */
struct crypto_mac {
  EVP_MAC_CTX *ctx;
};

struct crypto_mac *
crypto_mac_new(const void *key, size_t keylen)
{
  struct crypto_mac *m = calloc(1, sizeof(*m));
  EVP_MAC *mac = EVP_MAC_fetch(NULL, "HMAC", NULL);
  OSSL_PARAM params[2];
  char digest[] = "SHA256";

  params[0] = OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                               digest, 0);
  params[1] = OSSL_PARAM_construct_end();
  if (m != NULL && mac != NULL)
    m->ctx = EVP_MAC_CTX_new(mac);
  /* The context holds its own reference to the algorithm. */
  EVP_MAC_free(mac);
  if (m == NULL || m->ctx == NULL ||
      EVP_MAC_init(m->ctx, key, keylen, params) != 1) {
    crypto_mac_free(m);
    return NULL;
  }
  return m;
}

int
crypto_mac_sha256(struct crypto_mac *m, const void *msg, size_t len,
                  unsigned char out[CRYPTO_SHA256_LEN])
{
  size_t outlen = 0;
  int ok;

  ok = EVP_MAC_init(m->ctx, NULL, 0, NULL) == 1 &&
       EVP_MAC_update(m->ctx, msg, len) == 1 &&
       EVP_MAC_final(m->ctx, out, &outlen, CRYPTO_SHA256_LEN) == 1 &&
       outlen == CRYPTO_SHA256_LEN;
  return ok ? 0 : AERR_STATE;
}

void
crypto_mac_free(struct crypto_mac *m)
{
  if (m == NULL)
    return;
  EVP_MAC_CTX_free(m->ctx);
  free(m);
}

int
crypto_sha256(const void *msg, size_t len,
              unsigned char out[CRYPTO_SHA256_LEN])
{
  unsigned int outlen = 0;

  if (EVP_Digest(msg, len, out, &outlen, EVP_sha256(), NULL) != 1)
    return AERR_STATE;
  return 0;
}

/* The incremental digest is OpenSSL's EVP context, under our name. */
struct crypto_sha256 *
crypto_sha256_new(void)
{
  EVP_MD_CTX *md = EVP_MD_CTX_new();

  if (md != NULL && EVP_DigestInit_ex(md, EVP_sha256(), NULL) != 1) {
    EVP_MD_CTX_free(md);
    md = NULL;
  }
  return (struct crypto_sha256 *)md;
}

int
crypto_sha256_update(struct crypto_sha256 *ctx, const void *p, size_t n)
{
  return EVP_DigestUpdate((EVP_MD_CTX *)ctx, p, n) == 1 ? 0 : AERR_STATE;
}

int
crypto_sha256_end(struct crypto_sha256 *ctx,
                  unsigned char out[CRYPTO_SHA256_LEN])
{
  unsigned int n = 0;
  int ok = EVP_DigestFinal_ex((EVP_MD_CTX *)ctx, out, &n) == 1;

  EVP_MD_CTX_free((EVP_MD_CTX *)ctx);
  return ok ? 0 : AERR_STATE;
}

void
crypto_sha256_free(struct crypto_sha256 *ctx)
{
  EVP_MD_CTX_free((EVP_MD_CTX *)ctx);
}

char *
crypto_base64(const void *p, size_t n, char *out)
{
  static const char tab[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  const unsigned char *b = p;
  size_t i, o = 0;

  for (i = 0; i + 2 < n; i += 3) {
    out[o++] = tab[b[i] >> 2];
    out[o++] = tab[((b[i] & 3) << 4) | (b[i + 1] >> 4)];
    out[o++] = tab[((b[i + 1] & 15) << 2) | (b[i + 2] >> 6)];
    out[o++] = tab[b[i + 2] & 63];
  }
  if (n - i == 1) {
    out[o++] = tab[b[i] >> 2];
    out[o++] = tab[(b[i] & 3) << 4];
    out[o++] = '=';
    out[o++] = '=';
  } else if (n - i == 2) {
    out[o++] = tab[b[i] >> 2];
    out[o++] = tab[((b[i] & 3) << 4) | (b[i + 1] >> 4)];
    out[o++] = tab[(b[i + 1] & 15) << 2];
    out[o++] = '=';
  }
  out[o] = '\0';
  return out;
}
