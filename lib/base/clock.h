/*
 * clock.h: what time it is, and WITA.
 *
 * struct clock is the one source of "now" for everything that keeps
 * time against the wall: the daemon's parts read it through clock_now().
 * Its source is the system's wall clock unless a test puts a function of
 * its own in (now, arg), and it may add a test offset read from a file:
 * the daemon gets that file's name from ADUAN_CLOCK_OFFSET_FILE (read in
 * daemon/aduand.c, never here), so that an integration test moves the
 * daemon into the future by writing a number of milliseconds into it.
 *
 * WITA (Asia/Makassar, UTC+8, no daylight saving time) is the zone every
 * date the daemon shows or counts is in.
 */
#ifndef ADUAN_CLOCK_H
#define ADUAN_CLOCK_H

#include <stddef.h>
#include <stdint.h>

struct clock {
  /* ms since the epoch, UTC; NULL means the system's wall clock. */
  int64_t (*now)(void *arg);
  void *arg;
  char *offset_file;   /* owned; NULL: no test offset */
};

/* A wall clock, plus the offset in offset_file when it is not NULL.
 * Returns 0 or -ENOMEM. */
int clock_init(struct clock *c, const char *offset_file);

/* Release what clock_init took. */
void clock_free(struct clock *c);

/* Milliseconds since the epoch, UTC: the source's time plus the number
 * in the offset file (0 when it is missing or unreadable). */
int64_t clock_now(const struct clock *c);

/* The system's wall clock, ms since the epoch. */
int64_t clock_wall(void);

#define WITA_OFFSET_MS (8LL * 3600 * 1000)

/* The calendar year in WITA at ms since the epoch. */
int wita_year(int64_t ms);

/* "28-11-2026 17.10" (WITA; the texts name the zone) into out (at least
 * 32 bytes). */
char *wita_format(int64_t ms, char *out, size_t len);

/* "2026-12-03T00:00+08:00" (ISO 8601, WITA) into out (at least 32 bytes),
 * for the log. */
char *wita_format_iso(int64_t ms, char *out, size_t len);

#endif
