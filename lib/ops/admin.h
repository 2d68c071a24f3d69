/*
 * admin.h: the admin API, HTTP on a unix socket (aduanctl speaks it; so
 * does `curl --unix-socket`).  The socket's mode decides who may use it;
 * the peer's uid (SO_PEERCRED) names the operator on every change.
 *
 *   GET  /healthz                       {"status":"ok"} (the server's
 *                                       health handler, as on the
 *                                       public port)
 *   GET  /metrics                       Prometheus text
 *   GET  /tickets?status=&category=&kabupaten=&since=&until=&open=1&limit=
 *   GET  /tickets/NUMBER                one ticket, its events and evidence
 *   POST /tickets/NUMBER/status         {"status","note","agency"}
 *   GET  /export?since=&until=&format=csv|json
 *
 * Dates in queries are YYYY-MM-DD, days in WITA.  Every listing carries
 * the reporter's pseudonymous handle, never a phone number or a name.
 */
#ifndef ADUAN_ADMIN_H
#define ADUAN_ADMIN_H

#include "io/httpd.h"

struct conv;
struct retention;
struct svc;

struct admin {
  const struct svc *ctx;         /* loop, config, store, metrics, clock */
  struct conv *conv;             /* notices to reporters, holidays */
  struct retention *retention;   /* POST /purge */
};

/* The handler for requests on the admin socket (arg: a struct admin).
 * A path it does not know is 404; a known path with another method is
 * 405 for tickets, 404 otherwise. */
void admin_handle(struct httpd_request *req, void *arg);

/* The Prometheus text of s into out (also served on the public port when
 * [admin] metrics_public is set). */
int admin_metrics(const struct admin *s, struct buf *out);

/* "2026-03-12" as the first millisecond of that day in WITA.  0 or
 * AERR_PARSE. */
int admin_parse_date(const char *s, int64_t *ms);

#endif
