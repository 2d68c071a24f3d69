/*
 * retention.h: removing what the hotline no longer needs to keep.
 *
 * Raw webhook payloads are kept for audit for [storage] payload_retention;
 * a reporter's number, name and messages for [storage] personal_retention
 * after their last ticket closed and their last message (the reports
 * themselves stay, under the reporter's pseudonymous handle).  A run
 * starts a minute after start-up and every [storage] purge_every (1h)
 * after, and at once when an admin asks (POST /purge on the admin socket,
 * `aduanctl purge`).  It works
 * in small steps, one transaction each, so the loop keeps serving.
 */
#ifndef ADUAN_RETENTION_H
#define ADUAN_RETENTION_H

struct svc;
struct retention;
struct httpd_request;

/* The purge for the service context ctx (svc.h, borrowed).  0 or
 * -ENOMEM. */
int retention_new(struct retention **out, const struct svc *ctx);

/* Arm the first run: a minute after start, or [storage] purge_every when
 * shorter; none when purge_every is 0. */
void retention_start(struct retention *r);

/* The config was reloaded: follow a changed purge_every. */
void retention_reload(struct retention *r);

/* Run now (or join the run under way); req is answered when it ends, with
 * what it removed as JSON: {"payloads": N, "reporters": N}. */
void retention_run_now(struct retention *r, struct httpd_request *req);

/* Stop running; requests waiting for a run are answered 503. */
void retention_pause(struct retention *r);
void retention_close(struct retention *r, void (*cb)(void *arg), void *arg);

#endif
