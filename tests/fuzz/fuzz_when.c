/*
 * fuzz_when.c: the date parser of the waktu step on fuzzed text.
 *
 * Input: the reporter's text (a NUL-terminated copy; an embedded NUL ends
 * it), parsed as of three fixed clocks (a plain day, the last second of a
 * leap day, the first second of a year, all in WITA) with the default
 * limit of 5 years.  Checked, from when.h: every date given is a real
 * calendar date (of the years 0 to 9999; from 1900 when accepted);
 * WHEN_OK dates are neither after today nor older than the limit;
 * WHEN_INVALID gives an all-zero "unknown"; when_format() writes the
 * documented forms and stays inside its buffer whatever it is given,
 * including a struct when made of the input's own bytes.
 */
#include <stdlib.h>
#include <string.h>

#include "fuzzutil.h"
#include "rules/when.h"

#define WH_MAX_AGE 5

struct wh_clock {
  int64_t now_ms;
  int y, m, d;            /* today in WITA */
  int ly, lm, ld;         /* the oldest day accepted */
};

static const struct wh_clock wh_clocks[] = {
  {1773540000000LL, 2026, 3, 15, 2021, 3, 15},  /* 15-03-2026 10.00 */
  {1835452799000LL, 2028, 2, 29, 2023, 2, 28},  /* 29-02-2028 23.59.59 */
  {1767196800000LL, 2026, 1, 1, 2021, 1, 1},    /* 01-01-2026 00.00 */
};

int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
  (void)argc;
  (void)argv;
  fz_init();
  return 0;
}

static int
days_in_month(int y, int m)
{
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;

  return m == 2 && leap ? 29 : days[m - 1];
}

/* -1, 0 or 1 as the date (y, m, d) is before, on or after (y2, m2, d2). */
static int
cmp(int y, int m, int d, int y2, int m2, int d2)
{
  if (y != y2)
    return y < y2 ? -1 : 1;
  if (m != m2)
    return m < m2 ? -1 : 1;
  if (d != d2)
    return d < d2 ? -1 : 1;
  return 0;
}

/* What when_parse() promises of its answer for clock c. */
static void
check(const struct wh_clock *c, enum when_status st, const struct when *w)
{
  char buf[WHEN_FORMAT_MAX];
  size_t n;

  FZ_CHECK(st >= WHEN_OK && st <= WHEN_INVALID);
  FZ_CHECK(strcmp(when_status_name(st), "?") != 0);
  FZ_CHECK(w->precision >= WHEN_DAY && w->precision <= WHEN_FEAST);
  if (st == WHEN_INVALID)
    FZ_CHECK(w->precision == WHEN_UNKNOWN);
  if (w->precision == WHEN_UNKNOWN ||
      (w->precision == WHEN_FEAST && w->year == 0)) {
    FZ_CHECK(w->year == 0 && w->month == 0 && w->day == 0);
  } else {
    /* A date older than 1900 may be named back (WHEN_TOO_OLD), never
     * accepted. */
    FZ_CHECK(w->year >= 0 && w->year <= 9999);
    if (st == WHEN_OK)
      FZ_CHECK(w->year >= 1900);
    if (w->precision == WHEN_DAY || w->precision == WHEN_MONTH)
      FZ_CHECK(w->month >= 1 && w->month <= 12);
    else
      FZ_CHECK(w->month >= 0 && w->month <= 12);
    if (w->precision == WHEN_DAY)
      FZ_CHECK(w->day >= 1 && w->day <= days_in_month(w->year, w->month));
    else if (w->precision == WHEN_MONTH || w->precision == WHEN_YEAR)
      FZ_CHECK(w->day == 0);
  }
  if (st == WHEN_OK && w->precision == WHEN_DAY) {
    FZ_CHECK(cmp(w->year, w->month, w->day, c->y, c->m, c->d) <= 0);
    FZ_CHECK(cmp(w->year, w->month, w->day, c->ly, c->lm, c->ld) >= 0);
  }
  if (st == WHEN_OK && w->precision == WHEN_MONTH) {
    FZ_CHECK(cmp(w->year, w->month, 1, c->y, c->m, c->d) <= 0);
    FZ_CHECK(cmp(w->year, w->month, days_in_month(w->year, w->month),
                 c->ly, c->lm, c->ld) >= 0);
  }
  FZ_CHECK(when_format(w, buf, sizeof(buf)) == buf);
  n = strlen(buf);
  if (w->precision == WHEN_DAY)
    FZ_CHECK(n == 10 && buf[2] == '-' && buf[5] == '-');
  else if (w->precision == WHEN_MONTH)
    FZ_CHECK(n == 7 && buf[2] == '-');
  else if (w->precision == WHEN_YEAR)
    FZ_CHECK(n == 4);
  else if (w->precision == WHEN_UNKNOWN)
    FZ_CHECK(n == 0);
  else
    FZ_CHECK(n > 0);
}

/* when_format() on fields taken from the input, into short buffers too. */
static void
format_raw(const uint8_t *data, size_t size)
{
  char buf[WHEN_FORMAT_MAX + 8];
  struct when w;
  size_t len;
  int32_t v[3];

  if (size < 1 + sizeof(v))
    return;
  memcpy(v, data + 1, sizeof(v));
  w.precision = (enum when_precision)(data[0] % 3);
  w.year = v[0];
  w.month = v[1];
  w.day = v[2];
  for (len = 1; len <= sizeof(buf); len += 5) {
    memset(buf, 'x', sizeof(buf));
    FZ_CHECK(when_format(&w, buf, len) == buf);
    FZ_CHECK(memchr(buf, '\0', len) != NULL);
  }
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
  char *text = fz_strndup(data, size);
  enum when_status st;
  struct when w;
  size_t i;

  for (i = 0; i < sizeof(wh_clocks) / sizeof(wh_clocks[0]); i++) {
    memset(&w, 0x5a, sizeof(w));
    st = when_parse(text, wh_clocks[i].now_ms, WH_MAX_AGE, &w);
    check(&wh_clocks[i], st, &w);
  }
  format_raw(data, size);
  free(text);
  return 0;
}
