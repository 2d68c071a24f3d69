/*
 * test_phone.c: E.164 normalisation, table-driven.
 */
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/phone.h"
#include "testutil.h"

struct phone_case {
  const char *in;
  const char *want;  /* NULL: must be refused */
};

static const struct phone_case cases[] = {
  /* The hotline itself, in every form providers use. */
  {"085137377763", "+6285137377763"},
  {"6285137377763", "+6285137377763"},
  {"+6285137377763", "+6285137377763"},
  {"+62 851-3737-7763", "+6285137377763"},
  {"+62 (851) 3737.7763", "+6285137377763"},
  {"whatsapp:+6285137377763", "+6285137377763"},
  {"WhatsApp:+6285137377763", "+6285137377763"},
  {"tel:+6285137377763", "+6285137377763"},
  {"sms:085137377763", "+6285137377763"},
  {"006285137377763", "+6285137377763"},
  {"  0812-3456-7890", "+6281234567890"},
  {"081234567890", "+6281234567890"},
  {"6281234567890", "+6281234567890"},
  {"628123456789", "+628123456789"},
  {"0380123456", "+62380123456"},     /* Kupang landline */
  {"+14155550123", "+14155550123"},   /* Twilio test number */
  {"whatsapp:+14155550123", "+14155550123"},
  /* Refused. */
  {"", NULL},
  {"   ", NULL},
  {"+", NULL},
  {"0812", NULL},                     /* too short */
  {"08123456789012345", NULL},        /* too long */
  {"+62 0812 3456 789", NULL},        /* trunk 0 after the country code */
  {"+1234567890123456", NULL},        /* over 15 digits */
  {"0812abc4567", NULL},
  {"08123456789'; DROP TABLE x", NULL},
  {"12345678", NULL},                 /* no country, not national */
  {"+0123456789", NULL},
  {"whatsapp:", NULL},
  {"x:+6285137377763", NULL},          /* one letter is no scheme */
  {"whatsappwhatsappx:+6285137377763", NULL},  /* over 16 letters */
  {"what sapp:+6285137377763", NULL},
  {"++6281234567890", NULL},
  {"62", NULL},
};

START_TEST(phone_table)
{
  const struct phone_case *c = &cases[_i];
  char out[PHONE_MAX];
  int rc = phone_normalize(c->in, out);

  if (c->want != NULL) {
    ck_assert_msg(rc == 0, "'%s' refused", c->in);
    ck_assert_str_eq(out, c->want);
  } else {
    ck_assert_msg(rc == AERR_PARSE, "'%s' accepted as '%s'", c->in, out);
    ck_assert_str_eq(out, "");
  }
}
END_TEST

START_TEST(phone_null)
{
  char out[PHONE_MAX];

  ck_assert_int_eq(phone_normalize(NULL, out), AERR_PARSE);
}
END_TEST

/* The BSUID form: two letters, a dot, 1 to 128 letters and digits. */
START_TEST(phone_bsuid_form)
{
  static const struct {
    const char *s;
    int ok;
  } t[] = {
    {"ID.4471920083316652", 1}, {"US.13491208655302741918", 1},
    {"br.1502576394655843", 1}, {"ID.a", 1}, {"ID.AbC123", 1},
    {"ID.", 0}, {"I.123", 0}, {"ID123456", 0}, {"1D.123", 0},
    {"ID.12-34", 0}, {"ID.12 34", 0}, {"ID..1234", 0},
    {"US.ENT.11815799212886844830", 0}, {"+6281234567890", 0}, {"", 0},
    {"ID.44719\xc3\xa9" "0083", 0},
  };
  char longest[PHONE_BSUID_MAX + 1];
  size_t i;

  for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
    ck_assert_msg(phone_bsuid_ok(t[i].s, strlen(t[i].s)) == t[i].ok,
                  "%s: want %d", t[i].s, t[i].ok);
  ck_assert_int_eq(phone_bsuid_ok(NULL, 0), 0);
  /* A NUL inside is not part of the form. */
  ck_assert_int_eq(phone_bsuid_ok("ID.12\0" "34", 8), 0);
  memcpy(longest, "ID.", 3);
  memset(longest + 3, '7', 128);
  ck_assert_int_eq(phone_bsuid_ok(longest, 131), 1);
  longest[131] = '7';
  ck_assert_int_eq(phone_bsuid_ok(longest, 132), 0);
}
END_TEST

static Suite *
phone_suite(void)
{
  Suite *s = suite_create("phone");
  TCase *tc = tcase_create("normalize");

  tcase_add_loop_test(tc, phone_table, 0, sizeof(cases) / sizeof(cases[0]));
  tcase_add_test(tc, phone_null);
  tcase_add_test(tc, phone_bsuid_form);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(phone_suite)
