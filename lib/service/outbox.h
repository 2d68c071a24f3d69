/*
 * outbox.h: the sender.  It takes queued replies and notices from the
 * outbox table and sends them through each channel's provider, on the
 * loop, through curlev.
 *
 * Row states (outbox_ is their only writer besides the engine, which
 * creates rows "queued", or "sent" for inline channels):
 *
 *   queued --taken--> sending --accepted--> sent
 *                        |--network error, 5xx, 429--> queued (later,
 *                        |      exponential backoff with jitter, or the
 *                        |      provider's Retry-After) ... --> dead
 *                        |      after [outbox] max_attempts
 *                        |--other 4xx--> failed (the reason kept)
 *                        '--24-hour window closed--> queued as template
 *
 * A row left "sending" by a crash is queued again at start-up, so every
 * reply is sent at least once.  Each channel has a token bucket (rate
 * per second) and a cap on requests in flight.
 */
#ifndef ADUAN_OUTBOX_H
#define ADUAN_OUTBOX_H

#include <stdint.h>

#include "provider/provider.h"

struct svc;
struct outbox;
struct curlev;

/* A sender for the service context ctx (svc.h; borrowed, read at each
 * use), using the curl driver cv (borrowed).  0 or -ENOMEM. */
int outbox_new(struct outbox **out, const struct svc *ctx,
               struct curlev *cv);

/* Queue again what a crash left half sent, and start sending. */
int outbox_start(struct outbox *ob);

/* Something may have been queued: look soon. */
void outbox_kick(struct outbox *ob);

/* A provider's delivery report for one of our messages (from a webhook,
 * inside its savepoint).  Returns 0 or a store error; an unknown message
 * is logged and ignored. */
int outbox_delivery(struct outbox *ob, const char *channel,
                    const struct status_update *u, const char *req_id);

/* Sends in flight. */
int outbox_inflight(const struct outbox *ob);

/* Start no more sends (a stop is under way). */
void outbox_pause(struct outbox *ob);

/* Close the timer; cb(arg) once closed, then ob is freed.  In-flight sends
 * must have ended (or been aborted by closing their curlev first). */
void outbox_close(struct outbox *ob, void (*cb)(void *arg), void *arg);

#endif
