/*
 * server.h: one running aduand.
 *
 * struct server owns everything the daemon has: the loop's handles, the
 * config, the store, the HTTP server and the conversation engine.  It
 * hands the services one struct svc (svc.h) and routes the public port:
 * /healthz (the same handler as the admin socket's), /metrics when
 * [admin] metrics_public is set, and /webhook/NAME to the intake.  The
 * daemon's main is config_load -> server_init -> server_start -> uv_run ->
 * server_free; tests run several servers in one process the same way.
 *
 * Group commit (commit.h): webhook and admin requests do their work
 * inside the store's open batch and are answered after it commits; the
 * server wakes the sender and the downloader after a commit that queued
 * work for them.
 *
 * SIGHUP reloads (server_reload); SIGUSR1 reopens the log file, for
 * logrotate.
 *
 * Stopping (SIGTERM, SIGINT or server_stop): stop accepting, let every
 * request already received be committed and answered, close the store,
 * then close every handle so that uv_run returns.  shutdown_timeout bounds
 * the wait.
 */
#ifndef ADUAN_SERVER_H
#define ADUAN_SERVER_H

#include <stddef.h>
#include <stdint.h>
#include <uv.h>

#include "ops/admin.h"
#include "base/clock.h"
#include "io/commit.h"
#include "conf/config.h"
#include "engine/conv.h"
#include "base/crypto.h"
#include "io/httpd.h"
#include "service/outbox.h"
#include "store/store.h"
#include "service/svc.h"
#include "service/webhook.h"

/* The files besides the config that a reload reads again: the catalogue,
 * places, lexicon, allow-list, stop words, holidays, feasts and threat
 * model. */
#define SERVER_NFILES 8

struct server {
  uv_loop_t *loop;
  struct config *cfg;            /* owned */
  struct store *store;
  struct httpd *httpd;
  struct conv *conv;
  struct curlev *curl;           /* outbound HTTP on the loop */
  struct curlev *evidence_curl;  /* evidence downloads: kept apart, so
                                    they never reuse a connection that
                                    was not opened through their guard */
  struct outbox *outbox;         /* the sender */
  struct evidence *evidence;     /* the evidence downloader */
  struct retention *retention;   /* the retention purge */
  struct sla *sla;               /* the service-level timers */
  struct unconfirmed *unconfirmed; /* replies with no delivery report */
  struct httpd *admin;           /* the admin API on a unix socket */
  struct metrics *metrics;
  struct commit *commit;         /* the group commit (commit.h) */

  uv_signal_t sig_term;
  uv_signal_t sig_int;
  uv_signal_t sig_hup;
  uv_signal_t sig_usr1;          /* reopen the log file (logrotate) */
  uv_timer_t stop_timer;         /* bounds a graceful stop */
  uv_timer_t watchdog;           /* WATCHDOG=1 to systemd */
  uv_async_t index_built;        /* the open tickets' index is built */
  int index_building;            /* index_built is open */

  int stopping;                  /* 1 once a stop began */
  int closing;                   /* 1 once handles are being closed */
  int handles_open;              /* handles not yet closed */
  struct clock clock;            /* "now" for every part */
  struct svc ctx;                /* what the services see; ctx.cfg follows
                                    cfg across reloads */
  struct webhook intake;         /* the webhook intake's parts */
  struct admin ops;              /* the admin API's parts */
  /* SHA-256 of the catalogue and word lists as last loaded, so that a
   * reload can say which of them changed. */
  unsigned char file_sha[SERVER_NFILES][CRYPTO_SHA256_LEN];
};

/*
 * Set up s on loop with cfg (taken: freed by server_free, or by this
 * function on failure).  Opens the store and migrates it.  When
 * clock_offset_file is not NULL the server's clock adds the number of
 * milliseconds that file holds (a test hook, see clock.h).  Returns 0, or
 * a code with a sentence in err.
 */
int server_init(struct server *s, uv_loop_t *loop, struct config *cfg,
                const char *clock_offset_file, char *err, size_t errlen);

/* Listen, install the signal handlers, and log event=server.ready with the
 * address bound.  Returns 0 or a negative libuv error (message in err). */
int server_start(struct server *s, char *err, size_t errlen);

/* Begin a graceful stop (what SIGTERM does). */
void server_stop(struct server *s);

/* Reload the config file, the catalogue and the word lists (what SIGHUP
 * does).  A bad file is refused and the running config kept.  Settings
 * that only a restart applies keep their running values (each is logged
 * as config.restart_needed); the config.reloaded line names every key
 * that changed and every file whose content did.  Returns 0 or
 * AERR_CONFIG. */
int server_reload(struct server *s);

/* Release what is left after uv_run has returned. */
void server_free(struct server *s);


#endif
