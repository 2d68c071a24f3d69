/*
 * tu_svc.h: the parts a service runs on, without a server, for unit
 * suites of the services: a loop, a temporary folder with a SQLite store,
 * the default config, metrics, a clock standing still at a set time, and
 * the group commit (not started: a test commits with commit_now(), or
 * starts it).  ctx is the struct svc to hand to a service.
 *
 * tu_svc_http() sends one request to an httpd on the fixture's loop from
 * another thread and runs the loop until the answer has come back, so a
 * test can see what a handler answered.
 */
#ifndef ADUAN_TU_SVC_H
#define ADUAN_TU_SVC_H

#include <stdint.h>
#include <uv.h>

#include "base/clock.h"
#include "service/svc.h"
#include "tu_daemon.h"

struct curlev;
struct fakeprov;

struct tu_svc {
  char *dir;                 /* temporary; removed by tu_svc_close() */
  uv_loop_t loop;
  struct config *cfg;        /* config_defaults(), a test may change it */
  struct store *st;
  struct metrics *metrics;
  struct clock clock;        /* reads now */
  int64_t now;               /* ms since the epoch */
  struct commit *commit;
  struct svc ctx;
  struct fakeprov *fp;       /* tu_svc_open_net() only */
  struct curlev *cv;         /* tu_svc_open_net() only */
};

/* Set every part up (aborts the test on failure). */
void tu_svc_open(struct tu_svc *t, int64_t now);

/* tu_svc_open() with a fake provider started (t->fp) and curl on t's
 * loop (t->cv), for a service that talks to a provider. */
void tu_svc_open_net(struct tu_svc *t, int64_t now);

/* The same with curl on a thread of its own (curlev_new_thread), as the
 * daemon's sender has it. */
void tu_svc_open_net_thread(struct tu_svc *t, int64_t now);

/* Close curl and stop the fake provider (the service using them closed
 * first), then tu_svc_close(). */
void tu_svc_close_net(struct tu_svc *t);

/* The id of the reporter phone, added (seen at) if new. */
int64_t tu_svc_reporter(struct tu_svc *t, const char *phone, int64_t at);

/* Replace t's config with text, loaded from a file in t->dir (aborts the
 * test, with the loader's diagnostics, when it does not load). */
void tu_svc_config(struct tu_svc *t, const char *text);

/* Close the commit module, run the loop dry, and free everything. */
void tu_svc_close(struct tu_svc *t);

/* Run the loop until done(arg) returns non-zero; 0, or -1 after
 * timeout_ms (scaled by CK_TIMEOUT_MULTIPLIER). */
int tu_svc_run_until(struct tu_svc *t, int (*done)(void *arg), void *arg,
                     int timeout_ms);

/* The same on any loop. */
int tu_loop_run_until(uv_loop_t *loop, int (*done)(void *arg), void *arg,
                      int timeout_ms);

/* One request to port (an httpd on t's loop); 0 and the answer in r, or
 * -1. */
int tu_svc_http(struct tu_svc *t, int port, const char *method,
                const char *path, const char *body, struct tu_resp *r);

#endif
