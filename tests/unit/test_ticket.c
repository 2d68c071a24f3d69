/*
 * test_ticket.c: ticket numbers as reporters type them, the lifecycle
 * table and what a move needs, WITA times.
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

/* Notes and agencies at their limit and one byte over it. */
static char long_a[TICKET_NOTE_MAX + 2], long_b[TICKET_NOTE_MAX + 2];
static char agency_a[TICKET_AGENCY_MAX + 2], agency_b[TICKET_AGENCY_MAX + 2];

static void
fill_long(void)
{
  memset(long_a, 'x', TICKET_NOTE_MAX);
  long_a[TICKET_NOTE_MAX] = '\0';
  memset(long_b, 'x', TICKET_NOTE_MAX + 1);
  long_b[TICKET_NOTE_MAX + 1] = '\0';
  memset(agency_a, 'x', TICKET_AGENCY_MAX);
  agency_a[TICKET_AGENCY_MAX] = '\0';
  memset(agency_b, 'x', TICKET_AGENCY_MAX + 1);
  agency_b[TICKET_AGENCY_MAX + 1] = '\0';
}

#define NOTE_OK long_a        /* exactly TICKET_NOTE_MAX */
#define NOTE_LONG long_b      /* one over */
#define AGENCY_OK agency_a
#define AGENCY_LONG agency_b

/* The operator's messages, as the admin API answers them. */
#define BAD_STATUS "status must be one of diterima, diverifikasi, " \
                   "diproses, selesai, ditunda, ditolak"
#define TOO_LONG "note or agency too long"
#define NO_REASON "ditolak needs a note: the reason"
#define NO_AGENCY "diproses needs the agency"

struct move_case {
  int to;
  const char *note, *agency;
  const char *want;  /* NULL: allowed; else the message */
};

static const struct move_case moves[] = {
  /* Not a status: that first, whatever else is wrong. */
  {-1, NOTE_LONG, NULL, BAD_STATUS},
  {TICKET_STATUS_COUNT, NULL, NULL, BAD_STATUS},
  /* Nothing needed besides the table. */
  {TICKET_DITERIMA, NULL, NULL, NULL},
  {TICKET_DIVERIFIKASI, NULL, NULL, NULL},
  {TICKET_SELESAI, NULL, NULL, NULL},
  {TICKET_DITUNDA, "", "", NULL},
  /* ditolak: a note, the reason the reporter reads. */
  {TICKET_DITOLAK, "bukan_wewenang: wewenang kabupaten.", NULL, NULL},
  {TICKET_DITOLAK, NULL, "Dinas PU", NO_REASON},
  {TICKET_DITOLAK, "", "Dinas PU", NO_REASON},
  /* diproses: the agency it goes to. */
  {TICKET_DIPROSES, NULL, "Dinas PU", NULL},
  {TICKET_DIPROSES, "diteruskan", NULL, NO_AGENCY},
  {TICKET_DIPROSES, "diteruskan", "", NO_AGENCY},
  /* Lengths: up to the limit, for every status, checked before what a
   * status needs. */
  {TICKET_DITOLAK, NOTE_OK, NULL, NULL},
  {TICKET_DIPROSES, NULL, AGENCY_OK, NULL},
  {TICKET_DITOLAK, NOTE_LONG, NULL, TOO_LONG},
  {TICKET_SELESAI, NOTE_LONG, NULL, TOO_LONG},
  {TICKET_DIPROSES, NULL, AGENCY_LONG, TOO_LONG},
  {TICKET_DITUNDA, NULL, AGENCY_LONG, TOO_LONG},
  {TICKET_DIPROSES, NOTE_LONG, NULL, TOO_LONG},
  {TICKET_DITOLAK, NULL, AGENCY_LONG, TOO_LONG},
};

START_TEST(move_check_table)
{
  const struct move_case *c = &moves[_i];
  const char *why = NULL;
  int rc;

  fill_long();
  rc = ticket_move_check(c->to, c->note, c->agency, &why);
  if (c->want == NULL) {
    ck_assert_msg(rc == 0, "case %d: move to %d refused: %s", _i, c->to,
                  why ? why : "(no reason)");
  } else {
    ck_assert_msg(rc == AERR_PARSE, "case %d: move to %d allowed", _i, c->to);
    ck_assert_str_eq(why, c->want);
  }
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
  tcase_add_loop_test(tc, move_check_table, 0,
                      sizeof(moves) / sizeof(moves[0]));
  tcase_add_test(tc, wita_times);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(ticket_suite)
