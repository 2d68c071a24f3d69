/*
 * workday.h: working days in WITA, for the service-level timers.
 *
 * A working day is a calendar day in WITA (Asia/Makassar, UTC+8, no
 * daylight saving time) that is Monday to Friday and not listed in the
 * holidays file.  Days are counted as days since 1970-01-01 in WITA.
 *
 * The deadline rule.  A ticket that entered a status at instant T and may
 * stay there N working days must move on before
 *
 *   the end of the Nth working day after the WITA calendar day of T,
 *
 * that is, before 00:00 WITA of the calendar day that follows that
 * working day.  The day of T itself never counts, whether it is a working
 * day or not and whatever the hour: a ticket filed on Monday at 08:00 or
 * at 23:59 with N = 3 is due by the end of Thursday; one filed on
 * Saturday, Sunday or a holiday starts counting on the next working day
 * all the same (filed Saturday, N = 3: due by the end of Wednesday).
 * N = 0 means the end of the day of T when that is a working day, else
 * the end of the next working day.
 *
 * A ticket is overdue from the due instant on.  How late it is, in
 * working days, is the number of working days that have begun since the
 * due instant: 1 on the first working day after the deadline, and 0 in a
 * weekend or holidays right after it.
 *
 * The holidays file: one date YYYY-MM-DD per line (national holidays and
 * cuti bersama), `#` starts a comment, blank lines are ignored; anything
 * else is reported as FILE:LINE: message, every line of it.  A date that
 * falls on a weekend may be listed; it changes nothing.
 */
#ifndef ADUAN_WORKDAY_H
#define ADUAN_WORKDAY_H

#include <stdint.h>

struct diag;

/* The holidays, read from one file.  NULL is a valid empty calendar. */
struct workday_cal;

#define WORKDAY_FILE_MAX (256 * 1024)

/*
 * Read the holidays file at path.  On success *out is the calendar (free
 * with workday_free) and 0 is returned; otherwise every problem is in
 * diag and AERR_CONFIG (or -errno when the file cannot be read) is
 * returned, *out NULL.
 */
int workday_load(const char *path, struct workday_cal **out,
                 struct diag *diag);
void workday_free(struct workday_cal *c);

/* How many holidays the calendar lists. */
int workday_count(const struct workday_cal *c);

/* The WITA calendar day of ms since the epoch (days since 1970-01-01),
 * and the first millisecond of a WITA day. */
int64_t workday_day(int64_t ms);
int64_t workday_day_start(int64_t day);

/* 1 when day (days since 1970-01-01, WITA) is a working day. */
int workday_is_working(const struct workday_cal *c, int64_t day);

/* The due instant for at_ms and n working days (n >= 0): the first
 * millisecond after the deadline (see the rule above). */
int64_t workday_due(const struct workday_cal *c, int64_t at_ms, int n);

/* Working days begun at or after due_ms and at or before now_ms; 0 when
 * now_ms is before due_ms. */
int workday_late_days(const struct workday_cal *c, int64_t due_ms,
                      int64_t now_ms);

#endif
