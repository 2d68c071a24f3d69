/*
 * workday.c: working days in WITA and the holidays file (see workday.h).
 *
 * The calendar is a sorted array of day numbers; a look-up is a binary
 * search.  Deadlines walk day by day, which is cheap for the handful of
 * working days a service level spans (a year of holidays in a row would
 * still be only a few hundred steps).
 */
#include "rules/workday.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "base/diag.h"
#include "base/err.h"
#include "base/lines.h"
#include "base/units.h"
#include "rules/when.h"

struct workday_cal {
  int64_t *days;   /* sorted, no repeats */
  int n;
};

static int
day_cmp(const void *a, const void *b)
{
  int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;

  return x < y ? -1 : x > y;
}

/* Floor division, for instants before the epoch. */
static int64_t
floor_div(int64_t a, int64_t b)
{
  int64_t q = a / b;

  return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q;
}

int64_t
workday_day(int64_t ms)
{
  return floor_div(ms + WITA_OFFSET_MS, DAY_MS);
}

int64_t
workday_day_start(int64_t day)
{
  return day * DAY_MS - WITA_OFFSET_MS;
}

static int
is_holiday(const struct workday_cal *c, int64_t day)
{
  return c != NULL && c->n > 0 &&
         bsearch(&day, c->days, (size_t)c->n, sizeof(*c->days),
                 day_cmp) != NULL;
}

int
workday_is_working(const struct workday_cal *c, int64_t day)
{
  /* 1970-01-01 was a Thursday: day 0 has weekday 3 counting Monday as 0. */
  int64_t wd = ((day % 7) + 7 + 3) % 7;

  return wd < 5 && !is_holiday(c, day);
}

int64_t
workday_due(const struct workday_cal *c, int64_t at_ms, int n)
{
  int64_t day = workday_day(at_ms);

  if (n <= 0) {
    while (!workday_is_working(c, day))
      day++;
  } else {
    while (n > 0) {
      day++;
      if (workday_is_working(c, day))
        n--;
    }
  }
  return workday_day_start(day + 1);
}

int
workday_late_days(const struct workday_cal *c, int64_t due_ms,
                  int64_t now_ms)
{
  int64_t day, last;
  int late = 0;

  if (now_ms < due_ms)
    return 0;
  /* The first day that begins at or after due_ms. */
  day = workday_day(due_ms);
  if (workday_day_start(day) < due_ms)
    day++;
  last = workday_day(now_ms);
  for (; day <= last; day++)
    if (workday_is_working(c, day))
      late++;
  return late;
}

int
workday_count(const struct workday_cal *c)
{
  return c != NULL ? c->n : 0;
}

void
workday_free(struct workday_cal *c)
{
  if (c == NULL)
    return;
  free(c->days);
  free(c);
}

/* Digits at s[0..n), into *v; 0 when one is not a digit. */
static int
digits(const char *s, int n, int *v)
{
  int i;

  *v = 0;
  for (i = 0; i < n; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    *v = *v * 10 + (s[i] - '0');
  }
  return 1;
}

/*
 * One line of the file (trimmed, without its comment, not empty).  A
 * date is added to *days; a problem goes to diag.  Returns 0, or -ENOMEM.
 */
static int
read_line(const char *path, int lineno, const char *p, size_t len,
          struct diag *diag, int64_t **days, int *n, int *cap)
{
  int y, m, d, cy_m, cy_d;
  int64_t day, cy;

  if (len != 10 || p[4] != '-' || p[7] != '-' || !digits(p, 4, &y) ||
      !digits(p + 5, 2, &m) || !digits(p + 8, 2, &d)) {
    diag_error(diag, path, lineno, "expected a date as YYYY-MM-DD");
    return 0;
  }
  day = when_days_from_civil(y, m, d);
  when_civil_from_days(day, &cy, &cy_m, &cy_d);
  if (y < 1970 || m < 1 || m > 12 || d < 1 || cy != y || cy_m != m ||
      cy_d != d) {
    diag_error(diag, path, lineno, "no such date: %.10s", p);
    return 0;
  }
  if (*n == *cap) {
    int ncap = *cap ? *cap * 2 : 32;
    int64_t *nv = realloc(*days, (size_t)ncap * sizeof(*nv));
    if (nv == NULL)
      return -ENOMEM;
    *days = nv;
    *cap = ncap;
  }
  (*days)[(*n)++] = day;
  return 0;
}

int
workday_load(const char *path, struct workday_cal **out, struct diag *diag)
{
  struct workday_cal *c = NULL;
  struct diag local;
  struct lines ls;
  const char *p;
  size_t len;
  int64_t *days = NULL;
  int rc, n = 0, cap = 0, errors, i, j;

  if (out == NULL || path == NULL)
    return -EINVAL;
  *out = NULL;
  diag_init(&local);
  if (diag == NULL)
    diag = &local;
  errors = diag->errors;
  rc = lines_open(&ls, path, WORKDAY_FILE_MAX,
                  LINES_COMMENT_ANY | LINES_TRIM | LINES_SKIP_BLANK, diag);
  if (rc != 0) {
    lines_close(&ls);
    goto done;
  }
  while (rc == 0 && lines_next(&ls, &p, &len))
    rc = read_line(path, ls.lineno, p, len, diag, &days, &n, &cap);
  lines_close(&ls);
  if (rc == 0 && diag->errors > errors)
    rc = AERR_CONFIG;
  if (rc == 0) {
    c = calloc(1, sizeof(*c));
    if (c == NULL)
      rc = -ENOMEM;
  }
  if (rc != 0) {
    if (rc == -ENOMEM)
      diag_error(diag, path, 0, "out of memory");
    free(days);
    goto done;
  }
  if (n > 0)
    qsort(days, (size_t)n, sizeof(*days), day_cmp);
  for (i = 0, j = 0; i < n; i++)
    if (j == 0 || days[j - 1] != days[i])
      days[j++] = days[i];
  c->days = days;
  c->n = j;
  *out = c;
done:
  diag_free(&local);
  return rc;
}
