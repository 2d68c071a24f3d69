/*
 * clock.c: the clock and WITA times (see clock.h).
 */
#include "base/clock.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <time.h>

int64_t
clock_wall(void)
{
  struct timeval tv;

  gettimeofday(&tv, NULL);
  return (int64_t)tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

int
clock_init(struct clock *c, const char *offset_file)
{
  memset(c, 0, sizeof(*c));
  if (offset_file == NULL)
    return 0;
  c->offset_file = strdup(offset_file);
  return c->offset_file != NULL ? 0 : -ENOMEM;
}

void
clock_free(struct clock *c)
{
  free(c->offset_file);
  c->offset_file = NULL;
}

/* The file is read at every call: a test changes it while the daemon
 * runs. */
int64_t
clock_now(const struct clock *c)
{
  int64_t now = c->now != NULL ? c->now(c->arg) : clock_wall();
  char buf[32];
  FILE *f;

  if (c->offset_file == NULL)
    return now;
  f = fopen(c->offset_file, "r");
  if (f == NULL)
    return now;
  if (fgets(buf, sizeof(buf), f) != NULL)
    now += strtoll(buf, NULL, 10);
  fclose(f);
  return now;
}

int
wita_year(int64_t ms)
{
  time_t t = (time_t)((ms + WITA_OFFSET_MS) / 1000);
  struct tm tm;

  gmtime_r(&t, &tm);
  return tm.tm_year + 1900;
}

/* ms in WITA as text: ISO 8601 with the offset, or as reporters read it. */
static char *
wita_strftime(int64_t ms, int iso, char *out, size_t len)
{
  time_t t = (time_t)((ms + WITA_OFFSET_MS) / 1000);
  struct tm tm;

  gmtime_r(&t, &tm);
  if (strftime(out, len, iso ? "%Y-%m-%dT%H:%M+08:00" : "%d-%m-%Y %H.%M",
               &tm) == 0 && len > 0)
    out[0] = '\0';
  return out;
}

char *
wita_format(int64_t ms, char *out, size_t len)
{
  return wita_strftime(ms, 0, out, len);
}

char *
wita_format_iso(int64_t ms, char *out, size_t len)
{
  return wita_strftime(ms, 1, out, len);
}
