/*
 * test_crypto.c: HMAC, SHA-256, base64, hex and constant-time equality
 * against published vectors; random bytes drawn from blocks.
 */
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/crypto.h"
#include "testutil.h"

START_TEST(hmac_sha256_rfc4231_case2)
{
  unsigned char mac[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1];
  const char *msg = "what do ya want for nothing?";

  ck_assert_int_eq(crypto_hmac_sha256("Jefe", 4, msg, strlen(msg), mac), 0);
  ck_assert_str_eq(crypto_hex(mac, sizeof(mac), hex),
    "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
}
END_TEST

/* A key hashed once serves many messages, each the same as a fresh
 * HMAC: RFC 4231 cases 2 and 6 (a key longer than SHA-256's block), each
 * twice, and one more message checked against crypto_hmac_sha256. */
START_TEST(mac_keyed_once)
{
  static const char msg6[] =
    "Test Using Larger Than Block-Size Key - Hash Key First";
  unsigned char key6[131], mac[CRYPTO_SHA256_LEN], want[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1];
  const char *msg2 = "what do ya want for nothing?";
  struct crypto_mac *jefe = crypto_mac_new("Jefe", 4), *aa;
  int round;

  memset(key6, 0xaa, sizeof(key6));
  aa = crypto_mac_new(key6, sizeof(key6));
  ck_assert_ptr_nonnull(jefe);
  ck_assert_ptr_nonnull(aa);
  for (round = 0; round < 2; round++) {
    ck_assert_int_eq(crypto_mac_sha256(jefe, msg2, strlen(msg2), mac), 0);
    ck_assert_str_eq(crypto_hex(mac, sizeof(mac), hex),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    ck_assert_int_eq(crypto_mac_sha256(aa, msg6, strlen(msg6), mac), 0);
    ck_assert_str_eq(crypto_hex(mac, sizeof(mac), hex),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
  }
  ck_assert_int_eq(crypto_mac_sha256(jefe, "", 0, mac), 0);
  ck_assert_int_eq(crypto_hmac_sha256("Jefe", 4, "", 0, want), 0);
  ck_assert_mem_eq(mac, want, sizeof(mac));
  crypto_mac_free(jefe);
  crypto_mac_free(aa);
  crypto_mac_free(NULL);
}
END_TEST

/* Twilio's documented example signature
 * (https://www.twilio.com/docs/usage/security). */
START_TEST(hmac_sha1_twilio_vector)
{
  const char *s = "https://mycompany.com/myapp.php?foo=1&bar=2"
                  "CallSidCA1234567890ABCDECaller+12349013030Digits1234"
                  "From+12349013030To+18005551212";
  unsigned char mac[CRYPTO_SHA1_LEN];
  char b64[64];

  ck_assert_int_eq(crypto_hmac_sha1("12345", 5, s, strlen(s), mac), 0);
  ck_assert_str_eq(crypto_base64(mac, sizeof(mac), b64),
                   "0/KCTR6DLpKmkAf8muzZqo1nDgQ=");
}
END_TEST

START_TEST(sha256_abc)
{
  unsigned char d[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1];

  ck_assert_int_eq(crypto_sha256("abc", 3, d), 0);
  ck_assert_str_eq(crypto_hex(d, sizeof(d), hex),
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
}
END_TEST

START_TEST(base64_rfc4648)
{
  static const char *const in[] = {"", "f", "fo", "foo", "foob", "fooba",
                                   "foobar"};
  static const char *const out[] = {"", "Zg==", "Zm8=", "Zm9v", "Zm9vYg==",
                                    "Zm9vYmE=", "Zm9vYmFy"};
  char b[32];
  size_t i;

  for (i = 0; i < sizeof(in) / sizeof(in[0]); i++)
    ck_assert_str_eq(crypto_base64(in[i], strlen(in[i]), b), out[i]);
}
END_TEST

START_TEST(equal_compares_length_and_bytes)
{
  ck_assert_int_eq(crypto_equal("secret", 6, "secret", 6), 1);
  ck_assert_int_eq(crypto_equal("secret", 6, "secreT", 6), 0);
  ck_assert_int_eq(crypto_equal("secret", 6, "secret!", 7), 0);
  ck_assert_int_eq(crypto_equal("", 0, "", 0), 1);
  ck_assert_int_eq(crypto_equal("a", 1, "", 0), 0);
}
END_TEST

START_TEST(random_differs)
{
  unsigned char a[16], b[16];

  ck_assert_int_eq(crypto_random(a, sizeof(a)), 0);
  ck_assert_int_eq(crypto_random(b, sizeof(b)), 0);
  ck_assert_int_ne(memcmp(a, b, sizeof(a)), 0);
}
END_TEST

/* 1 when the bytes r has handed out are wiped from its block. */
static int
rand_spent_wiped(const struct crypto_rand *r)
{
  size_t i;

  for (i = 0; i < CRYPTO_RAND_BLOCK - r->left; i++)
    if (r->block[i] != 0)
      return 0;
  return 1;
}

static int
cmp7(const void *a, const void *b)
{
  return memcmp(a, b, 7);
}

/* Small draws across several blocks: none repeats, none is all zero,
 * and what was handed out is no longer in the block. */
START_TEST(rand_draws_from_blocks)
{
  static const unsigned char zero[7];
  unsigned char got[400][7];
  struct crypto_rand r;
  int i;

  crypto_rand_init(&r);
  for (i = 0; i < 400; i++) {
    ck_assert_int_eq(crypto_rand_bytes(&r, got[i], 7), 0);
    ck_assert_int_ne(memcmp(got[i], zero, 7), 0);
    ck_assert(rand_spent_wiped(&r));
  }
  qsort(got, 400, 7, cmp7);
  for (i = 1; i < 400; i++)
    ck_assert_int_ne(memcmp(got[i - 1], got[i], 7), 0);
  /* A draw larger than a block (the block's rest first), then two that
   * end a new block exactly. */
  {
    unsigned char big[2 * CRYPTO_RAND_BLOCK + 3], rest[CRYPTO_RAND_BLOCK];
    ck_assert_uint_gt(r.left, 0);
    ck_assert_int_eq(crypto_rand_bytes(&r, big, sizeof(big)), 0);
    ck_assert_int_ne(memcmp(big, big + CRYPTO_RAND_BLOCK, 16), 0);
    ck_assert_uint_eq(r.left, 0);
    ck_assert(rand_spent_wiped(&r));
    ck_assert_int_eq(crypto_rand_bytes(&r, rest, CRYPTO_RAND_BLOCK - 12), 0);
    ck_assert_uint_eq(r.left, 12);
    ck_assert_int_eq(crypto_rand_bytes(&r, rest, 12), 0);
    ck_assert_uint_eq(r.left, 0);
    ck_assert(rand_spent_wiped(&r));
  }
  crypto_rand_wipe(&r);
  ck_assert_uint_eq(r.left, 0);
  ck_assert(rand_spent_wiped(&r));
}
END_TEST

/* A child forked with a block half spent draws bytes of its own, not
 * the ones its parent draws next. */
START_TEST(rand_fork_draws_anew)
{
  unsigned char first[7], mine[16], child[16];
  struct crypto_rand r;
  int fds[2], status = 0;
  pid_t pid;

  crypto_rand_init(&r);
  ck_assert_int_eq(crypto_rand_bytes(&r, first, sizeof(first)), 0);
  ck_assert_int_eq(pipe(fds), 0);
  pid = fork();
  ck_assert_int_ge(pid, 0);
  if (pid == 0) {
    unsigned char b[16] = {0};
    close(fds[0]);
    if (crypto_rand_bytes(&r, b, sizeof(b)) != 0 ||
        write(fds[1], b, sizeof(b)) != (ssize_t)sizeof(b))
      _exit(1);
    _exit(0);
  }
  close(fds[1]);
  ck_assert_int_eq(crypto_rand_bytes(&r, mine, sizeof(mine)), 0);
  ck_assert_int_eq(read(fds[0], child, sizeof(child)), (ssize_t)sizeof(child));
  close(fds[0]);
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ck_assert_int_ne(memcmp(mine, child, sizeof(mine)), 0);
  crypto_rand_wipe(&r);
}
END_TEST

static Suite *
crypto_suite(void)
{
  Suite *s = suite_create("crypto");
  TCase *tc = tcase_create("vectors");

  tcase_add_test(tc, hmac_sha256_rfc4231_case2);
  tcase_add_test(tc, hmac_sha1_twilio_vector);
  tcase_add_test(tc, mac_keyed_once);
  tcase_add_test(tc, sha256_abc);
  tcase_add_test(tc, base64_rfc4648);
  tcase_add_test(tc, equal_compares_length_and_bytes);
  tcase_add_test(tc, random_differs);
  tcase_add_test(tc, rand_draws_from_blocks);
  tcase_add_test(tc, rand_fork_draws_anew);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(crypto_suite)
