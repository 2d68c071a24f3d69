/*
 * sla.h: the service-level timers (SP4N-LAPOR!: verify within 3 working
 * days, follow up within 5).
 *
 * A ticket is overdue when it has stayed in its status longer than the
 * config allows, counted in working days (workday.h has the rule):
 *
 *   diterima                [ticket] verify_within (3)
 *   diverifikasi, diproses  [ticket] follow_up_within (5)
 *   ditunda                 never: the hotline waits for the reporter
 *   selesai, ditolak        never: closed
 *
 * from the time it entered that status (its latest event into the status;
 * see store.h).  A limit of 0 turns the timer of those statuses off.
 *
 * Every [ticket] overdue_check_every (10m; the first a minute after start
 * at the latest) the daemon looks for tickets that became overdue and
 * logs each once per stay in a status (event=ticket.overdue), remembering
 * it in the database so that a restart does not log it again.  Each step
 * of a check is one savepoint in the loop's batch, like the retention
 * purge.
 */
#ifndef ADUAN_SLA_H
#define ADUAN_SLA_H

#include <stddef.h>
#include <stdint.h>

struct config;
struct conv;
struct svc;
struct sla;
struct workday_cal;

/* Working days a ticket may stay in status under cfg, or -1 when the
 * status has no timer (or its limit is 0). */
int sla_allowed_days(const struct config *cfg, const char *status);

/*
 * Whether a ticket in status since since is overdue at now: 1 or 0.
 * When the status has a timer *due is the first millisecond past the
 * deadline and *late_days the working days begun since then; otherwise
 * both are 0.
 */
int sla_overdue(const struct config *cfg, const struct workday_cal *cal,
                const char *status, int64_t since, int64_t now,
                int64_t *due, int *late_days);

/* The timers for the service context ctx (svc.h), with conv's holidays
 * (both borrowed).  0 or -ENOMEM. */
int sla_new(struct sla **out, const struct svc *ctx, struct conv *conv);
void sla_start(struct sla *t);
/* The config was reloaded: follow a changed overdue_check_every. */
void sla_reload(struct sla *t);
void sla_pause(struct sla *t);
void sla_close(struct sla *t, void (*cb)(void *arg), void *arg);

#endif
