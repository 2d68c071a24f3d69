/*
 * test_form.c: urlencoded data: decoding into pairs, looking values up,
 * and encoding bytes for query strings and form bodies.
 */
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/form.h"
#include "testutil.h"

struct encode_case {
  const char *in;
  size_t len;
  const char *want;
};

static const struct encode_case encode_cases[] = {
  {"", 0, ""},
  {"Laporan", 7, "Laporan"},
  {"a b", 3, "a+b"},
  {"-._~", 4, "-._~"},
  {"AZaz09", 6, "AZaz09"},
  {"+&=%/?#", 7, "%2B%26%3D%25%2F%3F%23"},
  {"!*'()", 5, "%21%2A%27%28%29"},
  {"\0\xff", 2, "%00%FF"},
  {"caf\xc3\xa9", 5, "caf%C3%A9"},
  {"+6281234567890", 14, "%2B6281234567890"},
};

START_TEST(encode_table)
{
  const struct encode_case *c = &encode_cases[_i];
  struct buf b = BUF_INIT;

  ck_assert_int_eq(buf_puts(&b, "x="), 0);
  ck_assert_int_eq(form_encode(&b, c->in, c->len), 0);
  ck_assert_str_eq(b.data + 2, c->want);
  buf_free(&b);
}
END_TEST

/* Every byte value, encoded then decoded, comes back unchanged. */
START_TEST(encode_round_trip)
{
  unsigned char all[256 * 4];
  struct buf b = BUF_INIT;
  const struct form_pair *p;
  struct form f;
  size_t i;

  for (i = 0; i < sizeof(all); i++)
    all[i] = (unsigned char)(i & 0xff);
  ck_assert_int_eq(buf_puts(&b, "v="), 0);
  ck_assert_int_eq(form_encode(&b, all, sizeof(all)), 0);
  ck_assert_int_eq(form_parse(&f, b.data, b.len), 0);
  ck_assert_int_eq(f.n, 1);
  p = form_find(&f, "v");
  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->value_len, sizeof(all));
  ck_assert(memcmp(p->value, all, sizeof(all)) == 0);
  form_free(&f);
  buf_free(&b);
}
END_TEST

/* Past the cap nothing is appended. */
START_TEST(encode_cap_leaves_buffer)
{
  struct buf b;
  char s[400];

  memset(s, '/', sizeof(s));
  buf_init(&b, 100);
  ck_assert_int_eq(buf_puts(&b, "to="), 0);
  ck_assert_int_eq(form_encode(&b, s, sizeof(s)), AERR_TOOBIG);
  ck_assert_uint_eq(b.len, 3);
  ck_assert_str_eq(b.data, "to=");
  buf_free(&b);
}
END_TEST

START_TEST(parse_and_find)
{
  static const char q[] = "a=1&b=x+y%21&a=2&flag&=v&c=%00z&&";
  const struct form_pair *p;
  struct form f;

  ck_assert_int_eq(form_parse(&f, q, strlen(q)), 0);
  ck_assert_int_eq(f.n, 6);
  ck_assert_str_eq(form_get(&f, "a"), "1");
  ck_assert_str_eq(form_get(&f, "b"), "x y!");
  ck_assert_str_eq(form_get(&f, "flag"), "");
  ck_assert_str_eq(form_get(&f, ""), "v");
  ck_assert_ptr_null(form_get(&f, "missing"));
  p = form_find(&f, "c");
  ck_assert_ptr_nonnull(p);
  ck_assert_uint_eq(p->value_len, 2);
  ck_assert(memcmp(p->value, "\0z", 2) == 0);
  /* As a C string, a value with a NUL inside would read short: absent. */
  ck_assert_ptr_null(form_get(&f, "c"));
  ck_assert_ptr_null(form_find(&f, "z"));
  form_free(&f);
}
END_TEST

START_TEST(parse_malformed)
{
  static const char *const bad[] = {"%", "%4", "a=%4", "a=%G1", "a%=1",
                                    "a=1&b=%zz"};
  struct form f;
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    ck_assert_int_eq(form_parse(&f, bad[i], strlen(bad[i])), AERR_PARSE);
    ck_assert_int_eq(f.n, 0);
    ck_assert_ptr_null(f.v);
  }
}
END_TEST

static Suite *
form_suite(void)
{
  Suite *s = suite_create("form");
  TCase *tc = tcase_create("core");

  tcase_add_loop_test(tc, encode_table, 0,
                      sizeof(encode_cases) / sizeof(encode_cases[0]));
  tcase_add_test(tc, encode_round_trip);
  tcase_add_test(tc, encode_cap_leaves_buffer);
  tcase_add_test(tc, parse_and_find);
  tcase_add_test(tc, parse_malformed);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(form_suite)
