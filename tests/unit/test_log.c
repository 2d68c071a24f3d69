/*
 * test_log.c: the log writer's buffering (log.h): lines wait for
 * log_flush() while it is on (or until the buffer is full), go out
 * whole, and go out at once again when it is off.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "base/log.h"
#include "testutil.h"

static int fds[2];

static void
setup(void)
{
  ck_assert_int_eq(pipe(fds), 0);
  ck_assert_int_eq(fcntl(fds[0], F_SETFL, O_NONBLOCK), 0);
  log_setup(LOG_INFO, 0);
  log_set_fd(fds[1]);
}

static void
teardown(void)
{
  log_set_buffered(0);
  log_set_fd(2);
  close(fds[0]);
  close(fds[1]);
}

/* What one read(2) of the pipe gives ("" when it is empty). */
static ssize_t
read_once(char *out, size_t len)
{
  ssize_t n = read(fds[0], out, len - 1);

  if (n < 0) {
    ck_assert_int_eq(errno, EAGAIN);
    n = 0;
  }
  out[n] = '\0';
  return n;
}

static int
lines(const char *s)
{
  int n = 0;

  for (; *s != '\0'; s++)
    n += *s == '\n';
  return n;
}

START_TEST(buffered_lines_wait_for_the_flush)
{
  char got[16384];

  log_set_buffered(1);
  log_info("event=test.one n=%d", 1);
  log_info("event=test.two n=%d", 2);
  log_warn("event=test.three n=%d", 3);
  ck_assert_int_eq(read_once(got, sizeof(got)), 0);
  log_flush();
  ck_assert_int_gt(read_once(got, sizeof(got)), 0);
  ck_assert_int_eq(lines(got), 3);
  tu_assert_has_all(got, "event=test.one n=1\n", "event=test.two n=2\n",
                    "level=warn event=test.three n=3\n", NULL);
  /* Off again: each line at once. */
  log_set_buffered(0);
  log_info("event=test.four");
  ck_assert_int_gt(read_once(got, sizeof(got)), 0);
  ck_assert_ptr_nonnull(strstr(got, "event=test.four\n"));
}
END_TEST

/* An error does not wait for the loop's turn: it goes out at once, after
 * the lines before it, so that a crash right after cannot lose it. */
START_TEST(an_error_goes_out_at_once)
{
  char got[16384];

  log_set_buffered(1);
  log_info("event=test.before n=%d", 1);
  log_error("event=test.broken n=%d", 2);
  ck_assert_int_gt(read_once(got, sizeof(got)), 0);
  ck_assert_int_eq(lines(got), 2);
  ck_assert_ptr_nonnull(strstr(got, "event=test.before n=1\n"));
  ck_assert_ptr_nonnull(strstr(got, "level=error event=test.broken n=2\n"));
  ck_assert(strstr(got, "test.before") < strstr(got, "test.broken"));
  /* Lines after it wait again. */
  log_info("event=test.after");
  ck_assert_int_eq(read_once(got, sizeof(got)), 0);
  log_flush();
  ck_assert_int_gt(read_once(got, sizeof(got)), 0);
  ck_assert_ptr_nonnull(strstr(got, "event=test.after\n"));
}
END_TEST

START_TEST(a_full_buffer_goes_out_in_whole_lines)
{
  char got[16384];
  ssize_t n;
  int i, total = 0;

  log_set_buffered(1);
  for (i = 0; i < 100; i++)
    log_info("event=test.many i=%03d pad=%s", i,
             "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
  /* Most went out already, in whole lines. */
  while ((n = read_once(got, sizeof(got))) > 0) {
    ck_assert_int_eq(got[n - 1], '\n');
    total += lines(got);
  }
  ck_assert_int_gt(total, 0);
  ck_assert_int_lt(total, 100);
  log_flush();
  while (read_once(got, sizeof(got)) > 0)
    total += lines(got);
  ck_assert_int_eq(total, 100);
}
END_TEST

/* The second of a line's "ts=YYYY-MM-DDTHH:MM:SS.mmmZ level=info "
 * start, checked for its exact form; -1 when it is not so. */
static time_t
line_second(const char *line)
{
  struct tm tm = {0};
  int ms = -1, used = 0;

  if (sscanf(line, "ts=%4d-%2d-%2dT%2d:%2d:%2d.%3dZ level=info %n",
             &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min,
             &tm.tm_sec, &ms, &used) != 7 || used != 39 || ms < 0 ||
      ms > 999 || strncmp(line + 39, "event=", 6) != 0)
    return (time_t)-1;
  tm.tm_year -= 1900;
  tm.tm_mon -= 1;
  return timegm(&tm);
}

/* Every line carries the time it was written, to the second, also the
 * first line after the clock's second turned. */
START_TEST(lines_carry_the_current_second)
{
  char got[1024];
  struct timeval before, after;
  int round;

  for (round = 0; round < 2; round++) {
    gettimeofday(&before, NULL);
    log_info("event=test.time round=%d", round);
    gettimeofday(&after, NULL);
    ck_assert_int_gt(read_once(got, sizeof(got)), 0);
    ck_assert_int_ge(line_second(got), before.tv_sec);
    ck_assert_int_le(line_second(got), after.tv_sec);
    /* Wait for the clock's next second (no event to wait on). */
    do
      gettimeofday(&before, NULL);
    while (before.tv_sec == after.tv_sec);
  }
}
END_TEST

static Suite *
log_suite(void)
{
  Suite *s = suite_create("log");
  TCase *tc = tcase_create("core");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, buffered_lines_wait_for_the_flush);
  tcase_add_test(tc, a_full_buffer_goes_out_in_whole_lines);
  tcase_add_test(tc, an_error_goes_out_at_once);
  tcase_add_test(tc, lines_carry_the_current_second);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(log_suite)
