/*
 * test_workday.c: working days in WITA, deadlines and lateness, and the
 * holidays file.
 *
 * Instants are built with timegm(), which workday.c does not use, so the
 * module's calendar is checked against an independent one.  Weekdays in
 * the comments were checked with `date -d`: 2026-11-23 is a Monday,
 * 2026-12-24 a Thursday, 2027-01-01 a Friday.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/diag.h"
#include "testutil.h"
#include "rules/workday.h"

/* ms since the epoch of a time of day in WITA (UTC+8). */
static int64_t
wita_ms(int y, int mo, int d, int h, int mi)
{
  struct tm tm;

  memset(&tm, 0, sizeof(tm));
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  return ((int64_t)timegm(&tm) - 8 * 3600) * 1000;
}

/* A calendar from text written to a temporary file; NULL on error, with
 * the problems in d when d is not NULL. */
static struct workday_cal *
cal_from(const char *text, struct diag *d, char **pathp)
{
  char *dir = tu_tmpdir();
  char *path = tu_path(dir, "holidays.txt");
  struct workday_cal *c = NULL;

  ck_assert_int_eq(tu_write_file(path, text), 0);
  workday_load(path, &c, d);
  tu_rmrf(dir);
  free(dir);
  if (pathp != NULL)
    *pathp = path;
  else
    free(path);
  return c;
}

static const char christmas[] =
  "# test holidays\n"
  "2026-12-24  # cuti bersama\n"
  "\n"
  "2026-12-25\n"
  "   2027-01-01\t# Tahun Baru\r\n";

struct due_case {
  const char *what;
  int y, mo, d, h, mi;   /* the event, WITA */
  int n;
  int dy, dmo, dd;       /* due: 00:00 WITA of this day */
};

static const struct due_case due_cases[] = {
  {"weekday, early", 2026, 11, 23, 8, 0, 3, 2026, 11, 27},
  {"weekday, last minute", 2026, 11, 23, 23, 59, 3, 2026, 11, 27},
  {"weekday, midnight", 2026, 11, 23, 0, 0, 3, 2026, 11, 27},
  {"over a weekend", 2026, 11, 26, 10, 0, 3, 2026, 12, 2},
  {"follow-up over a weekend", 2026, 11, 26, 10, 0, 5, 2026, 12, 4},
  {"event on a Saturday", 2026, 11, 28, 10, 0, 3, 2026, 12, 3},
  {"event on a Sunday", 2026, 11, 29, 22, 0, 1, 2026, 12, 1},
  {"Friday, one day", 2026, 11, 27, 16, 0, 1, 2026, 12, 1},
  {"N=0 on a weekday", 2026, 11, 24, 9, 0, 0, 2026, 11, 25},
  {"N=0 on a Saturday", 2026, 11, 28, 9, 0, 0, 2026, 12, 1},
  {"N=0 on a holiday", 2026, 12, 25, 9, 0, 0, 2026, 12, 29},
  {"N=0 before a holiday", 2026, 12, 23, 9, 0, 0, 2026, 12, 24},
  {"across two holidays", 2026, 12, 23, 10, 0, 3, 2026, 12, 31},
  {"event on a holiday", 2026, 12, 25, 10, 0, 1, 2026, 12, 29},
  {"year end and new year's day", 2026, 12, 30, 10, 0, 3, 2027, 1, 6},
  {"event on new year's day", 2027, 1, 1, 10, 0, 1, 2027, 1, 5},
  {"leap day", 2028, 2, 28, 10, 0, 1, 2028, 3, 1},
};

START_TEST(workday_deadlines)
{
  struct workday_cal *c = cal_from(christmas, NULL, NULL);
  size_t i;

  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(workday_count(c), 3);
  for (i = 0; i < sizeof(due_cases) / sizeof(due_cases[0]); i++) {
    const struct due_case *k = &due_cases[i];
    int64_t due = workday_due(c, wita_ms(k->y, k->mo, k->d, k->h, k->mi),
                              k->n);
    int64_t want = wita_ms(k->dy, k->dmo, k->dd, 0, 0);

    ck_assert_msg(due == want, "%s: due %lld, want %lld (%+lld h)",
                  k->what, (long long)due, (long long)want,
                  (long long)(due - want) / 3600000);
  }
  workday_free(c);
}
END_TEST

/* Without a calendar only weekends are off. */
START_TEST(workday_no_holidays)
{
  /* Wednesday 2026-12-23, three days: Thursday, Friday, Monday. */
  ck_assert_int_eq(workday_due(NULL, wita_ms(2026, 12, 23, 10, 0), 3),
                   wita_ms(2026, 12, 29, 0, 0));
  ck_assert_int_eq(workday_count(NULL), 0);
}
END_TEST

/* The day is the WITA day: 16.30 UTC on a Sunday is already Monday. */
START_TEST(workday_wita_boundary)
{
  int64_t monday_0030 = wita_ms(2026, 11, 23, 0, 30);
  int64_t sunday_2359 = wita_ms(2026, 11, 22, 23, 59);

  ck_assert_int_eq(workday_day(monday_0030) - workday_day(sunday_2359), 1);
  ck_assert_int_eq(workday_due(NULL, monday_0030, 1),
                   wita_ms(2026, 11, 25, 0, 0));
  ck_assert_int_eq(workday_due(NULL, sunday_2359, 1),
                   wita_ms(2026, 11, 24, 0, 0));
  ck_assert_int_eq(workday_day_start(workday_day(monday_0030)),
                   wita_ms(2026, 11, 23, 0, 0));
  /* Before the epoch the day still starts at midnight WITA. */
  ck_assert_int_eq(workday_day_start(workday_day(wita_ms(1969, 12, 31,
                                                         3, 0))),
                   wita_ms(1969, 12, 31, 0, 0));
}
END_TEST

START_TEST(workday_lateness)
{
  struct workday_cal *c = cal_from(christmas, NULL, NULL);
  /* Monday 23 November, three days: due at Friday 27 00:00. */
  int64_t due = workday_due(c, wita_ms(2026, 11, 23, 9, 0), 3);

  ck_assert_int_eq(workday_late_days(c, due, due - 1), 0);
  ck_assert_int_eq(workday_late_days(c, due, due), 1);
  ck_assert_int_eq(workday_late_days(c, due, wita_ms(2026, 11, 28, 12, 0)),
                   1);
  ck_assert_int_eq(workday_late_days(c, due, wita_ms(2026, 11, 30, 9, 0)),
                   2);
  /* Due at Saturday 00:00: overdue all weekend, late 0 days until
   * Monday begins. */
  due = workday_due(c, wita_ms(2026, 11, 24, 9, 0), 3);
  ck_assert_int_eq(due, wita_ms(2026, 11, 28, 0, 0));
  ck_assert_int_eq(workday_late_days(c, due, wita_ms(2026, 11, 29, 23, 0)),
                   0);
  ck_assert_int_eq(workday_late_days(c, due, wita_ms(2026, 11, 30, 0, 0)),
                   1);
  /* Holidays do not count as late days: due Thursday 24 December 00:00,
   * then 24, 25 off and the weekend; Monday 28 is the first. */
  due = workday_due(c, wita_ms(2026, 12, 22, 9, 0), 1);
  ck_assert_int_eq(due, wita_ms(2026, 12, 24, 0, 0));
  ck_assert_int_eq(workday_late_days(c, due, wita_ms(2026, 12, 27, 9, 0)),
                   0);
  ck_assert_int_eq(workday_late_days(c, due, wita_ms(2027, 1, 4, 9, 0)), 5);
  workday_free(c);
}
END_TEST

/* Monday to Friday against libc's weekday, over several years. */
START_TEST(workday_weekdays_against_libc)
{
  int64_t day, first = workday_day(wita_ms(2024, 1, 1, 12, 0));

  for (day = first; day < first + 4 * 366; day++) {
    time_t t = (time_t)(workday_day_start(day) / 1000 + 12 * 3600);
    struct tm tm;

    gmtime_r(&t, &tm);
    ck_assert_int_eq(workday_is_working(NULL, day),
                     tm.tm_wday >= 1 && tm.tm_wday <= 5);
  }
}
END_TEST

START_TEST(workday_file_errors)
{
  struct diag d;
  char *path = NULL, want[512];
  struct workday_cal *c;

  diag_init(&d);
  c = cal_from("2026-01-01\n"
               "2026-13-01\n"
               "2026-02-30\n"
               "hari raya\n"
               "2026-1-5\n"
               "2026-01-02 extra\n"
               "1969-12-31\n"
               "# fine\n", &d, &path);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(d.errors, 6);
  snprintf(want, sizeof(want), "%s:2: no such date: 2026-13-01", path);
  ck_assert_msg(strstr(d.text.data, want) != NULL, "%s", d.text.data);
  snprintf(want, sizeof(want), "%s:3: no such date", path);
  ck_assert_ptr_nonnull(strstr(d.text.data, want));
  snprintf(want, sizeof(want), "%s:4: expected a date as YYYY-MM-DD", path);
  ck_assert_ptr_nonnull(strstr(d.text.data, want));
  snprintf(want, sizeof(want), "%s:5: expected", path);
  ck_assert_ptr_nonnull(strstr(d.text.data, want));
  snprintf(want, sizeof(want), "%s:6: expected", path);
  ck_assert_ptr_nonnull(strstr(d.text.data, want));
  snprintf(want, sizeof(want), "%s:7: no such date", path);
  ck_assert_ptr_nonnull(strstr(d.text.data, want));
  ck_assert_ptr_null(strstr(d.text.data, ":1:"));
  ck_assert_ptr_null(strstr(d.text.data, ":8:"));
  diag_free(&d);
  free(path);

  /* A missing file is an error that names it. */
  diag_init(&d);
  c = NULL;
  ck_assert_int_ne(workday_load("/nonexistent/holidays.txt", &c, &d), 0);
  ck_assert_ptr_null(c);
  ck_assert_int_eq(d.errors, 1);
  ck_assert_ptr_nonnull(strstr(d.text.data, "/nonexistent/holidays.txt"));
  diag_free(&d);
}
END_TEST

/* Comments only (or nothing at all) is an empty calendar, not an error;
 * a byte-order mark and repeated dates are fine. */
START_TEST(workday_file_forms)
{
  struct diag d;
  struct workday_cal *c;

  diag_init(&d);
  c = cal_from("# nothing yet\n\n", &d, NULL);
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(workday_count(c), 0);
  workday_free(c);
  c = cal_from("", &d, NULL);
  ck_assert_ptr_nonnull(c);
  workday_free(c);
  c = cal_from("\xef\xbb\xbf" "2026-12-25\n2026-12-25\n2026-12-24", &d,
               NULL);
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(workday_count(c), 2);
  ck_assert_int_eq(workday_is_working(c, workday_day(wita_ms(2026, 12, 24,
                                                             1, 0))), 0);
  ck_assert_int_eq(workday_is_working(c, workday_day(wita_ms(2026, 12, 23,
                                                             1, 0))), 1);
  workday_free(c);
  ck_assert_int_eq(d.errors, 0);
  diag_free(&d);
}
END_TEST

/* The shipped list reads cleanly: the 25 days of the 2026 decree. */
START_TEST(workday_shipped_file)
{
  struct diag d;
  struct workday_cal *c = NULL;

  diag_init(&d);
  ck_assert_int_eq(workday_load(ADUAN_SOURCE_DIR "/config/holidays.txt", &c,
                                &d), 0);
  ck_assert_int_eq(d.errors, 0);
  ck_assert_int_eq(workday_count(c), 25);
  /* Nyepi and Idulfitri: a ticket filed on Tuesday 17 March has its one
   * working day on Wednesday 25 (18 to 24 March are all off). */
  ck_assert_int_eq(workday_due(c, wita_ms(2026, 3, 17, 10, 0), 1),
                   wita_ms(2026, 3, 26, 0, 0));
  workday_free(c);
  diag_free(&d);
}
END_TEST

static Suite *
workday_suite(void)
{
  Suite *s = suite_create("workday");
  TCase *tc = tcase_create("days");
  TCase *tf = tcase_create("file");

  tcase_add_test(tc, workday_deadlines);
  tcase_add_test(tc, workday_no_holidays);
  tcase_add_test(tc, workday_wita_boundary);
  tcase_add_test(tc, workday_lateness);
  tcase_add_test(tc, workday_weekdays_against_libc);
  suite_add_tcase(s, tc);
  tcase_add_test(tf, workday_file_errors);
  tcase_add_test(tf, workday_file_forms);
  tcase_add_test(tf, workday_shipped_file);
  suite_add_tcase(s, tf);
  return s;
}

UNIT_MAIN(workday_suite)
