/*
 * test_ticket.c: ticket numbers as reporters type them, the lifecycle
 * table, WITA times.
 */
#include <stdlib.h>
#include <string.h>

#include "base/clock.h"
#include "base/err.h"
#include "testutil.h"
#include "rules/ticket.h"

struct num_case {
  const char *in;
  const char *want;  /* NULL: refused */
};

static const struct num_case nums[] = {
  {"NTT-2026-00042", "NTT-2026-00042"},
  {"ntt-2026-00042", "NTT-2026-00042"},
  {"NTT 2026 00042", "NTT-2026-00042"},
  {"ntt 2026 42", "NTT-2026-00042"},
  {"NTT202600042", "NTT-2026-00042"},
  {"NTT-2026-42", "NTT-2026-00042"},
  {"2026-00042", "NTT-2026-00042"},
  {"2026 42", "NTT-2026-00042"},
  {" NTT.2026.00042. ", "NTT-2026-00042"},
  {"#NTT-2026-7", "NTT-2026-00007"},
  {"NTT-2027-123456", "NTT-2027-123456"},
  {"", NULL},
  {"NTT", NULL},
  {"NTT-2026", NULL},
  {"NTT-26-42", NULL},
  {"ABC-2026-00042", NULL},
  {"NTT-2026-00042x", NULL},
  {"NTT-2026-12345678", NULL},
  {"NTT-1999-00001", NULL},
  {"NTT-2026-00042'; --", NULL},
  {"halo", NULL},
};

START_TEST(number_parse_table)
{
  const struct num_case *c = &nums[_i];
  char out[TICKET_NUMBER_MAX];
  int rc = ticket_number_parse("NTT", c->in, out);

  if (c->want != NULL) {
    ck_assert_msg(rc == 0, "'%s' refused", c->in);
    ck_assert_str_eq(out, c->want);
  } else {
    ck_assert_msg(rc == AERR_PARSE, "'%s' accepted as '%s'", c->in, out);
  }
}
END_TEST

START_TEST(number_format)
{
  char out[TICKET_NUMBER_MAX];

  ck_assert_int_eq(ticket_number_format("NTT", 2026, 42, out), 0);
  ck_assert_str_eq(out, "NTT-2026-00042");
  ck_assert_int_eq(ticket_number_format("LAPOR", 2027, 100000, out), 0);
  ck_assert_str_eq(out, "LAPOR-2027-100000");
  ck_assert_int_eq(ticket_number_format("NTT", 2026, 0, out), AERR_RANGE);
}
END_TEST

START_TEST(lifecycle)
{
  ck_assert(ticket_transition_ok(TICKET_DITERIMA, TICKET_DIVERIFIKASI));
  ck_assert(ticket_transition_ok(TICKET_DIVERIFIKASI, TICKET_DIPROSES));
  ck_assert(ticket_transition_ok(TICKET_DIPROSES, TICKET_SELESAI));
  ck_assert(ticket_transition_ok(TICKET_DIPROSES, TICKET_DITUNDA));
  ck_assert(ticket_transition_ok(TICKET_DITUNDA, TICKET_DIPROSES));
  ck_assert(ticket_transition_ok(TICKET_DITERIMA, TICKET_DITOLAK));
  ck_assert(!ticket_transition_ok(TICKET_SELESAI, TICKET_DIPROSES));
  ck_assert(!ticket_transition_ok(TICKET_DITOLAK, TICKET_DITERIMA));
  ck_assert(!ticket_transition_ok(TICKET_DIPROSES, TICKET_DITERIMA));
  ck_assert(!ticket_transition_ok(TICKET_DITERIMA, TICKET_SELESAI));
  ck_assert(!ticket_transition_ok(TICKET_DITUNDA, TICKET_DITUNDA));
  ck_assert(ticket_status_closed(TICKET_SELESAI));
  ck_assert(!ticket_status_closed(TICKET_DITUNDA));
  ck_assert_int_eq(ticket_status_parse("diproses"), TICKET_DIPROSES);
  ck_assert_int_eq(ticket_status_parse("open"), -1);
}
END_TEST

START_TEST(wita_times)
{
  char b[40];
  /* 2026-12-31 16:30:00 UTC is 2027-01-01 00:30 WITA. */
  int64_t ms = 1798734600000LL;

  ck_assert_int_eq(wita_year(ms), 2027);
  ck_assert_str_eq(wita_format(ms, b, sizeof(b)), "01-01-2027 00.30");
  ck_assert_int_eq(wita_year(ms - 3600000LL), 2026);
}
END_TEST

static Suite *
ticket_suite(void)
{
  Suite *s = suite_create("ticket");
  TCase *tc = tcase_create("core");

  tcase_add_loop_test(tc, number_parse_table, 0,
                      sizeof(nums) / sizeof(nums[0]));
  tcase_add_test(tc, number_format);
  tcase_add_test(tc, lifecycle);
  tcase_add_test(tc, wita_times);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(ticket_suite)
