/*
 * unconfirmed.h: replies the provider accepted but never reported on.
 *
 * A reply is "sent" once the provider accepted it; on channels whose
 * provider reports delivery (provider_reports_delivery: WhatsApp always,
 * Twilio and Kannel when [server] public_url gives them somewhere to
 * report to) a delivery report of some kind (sent, delivered, read,
 * failed) follows.  A reply still without any report [outbox]
 * unconfirmed_after (1h; 0 turns this off) after it was sent may never
 * have left the gateway (a Kannel bearerbox that lost its queue, say).
 * Whether a report is awaited is decided when the reply is sent (the
 * row's report_expected, migration 0025): a reply sent where its
 * provider was not asked for one, or while unconfirmed_after is 0, is
 * never looked at, also after a reload turns the check on.
 *
 * Every minute (or every unconfirmed_after when that is shorter) the
 * daemon looks for such rows and flags each once: unconfirmed_at is set
 * in the database (so a restart does not flag it again), one line
 * event=outbox.unconfirmed is logged, and the counter
 * aduan_outbox_unconfirmed_total{channel} grows.  The flagged rows that
 * still have no report are the gauge aduan_outbox_unconfirmed and the
 * listing `aduanctl outbox --unconfirmed` (admin API GET
 * /outbox/unconfirmed).  Each step of a check is one savepoint in the
 * loop's batch (a chore, chore.h), like the service-level check.
 */
#ifndef ADUAN_UNCONFIRMED_H
#define ADUAN_UNCONFIRMED_H

struct svc;
struct unconfirmed;

/* The check for the service context ctx (svc.h; borrowed).  0 or
 * -ENOMEM. */
int unconfirmed_new(struct unconfirmed **out, const struct svc *ctx);
void unconfirmed_start(struct unconfirmed *u);
/* The config was reloaded: follow a changed unconfirmed_after. */
void unconfirmed_reload(struct unconfirmed *u);
void unconfirmed_pause(struct unconfirmed *u);
/* Pause, then free u; cb(arg), when not NULL, once its timer is closed. */
void unconfirmed_close(struct unconfirmed *u, void (*cb)(void *arg),
                       void *arg);

#endif
