/*
 * svc.h: what a service of the daemon gets instead of the whole server.
 *
 * The sender (outbox), the evidence downloader, the retention purge, the
 * service-level timers, the webhook intake and the admin API each keep a
 * pointer to one struct svc that the server owns.  The server swaps cfg
 * on a reload, so a service reads ctx->cfg afresh each time and never
 * keeps a pointer into the config across turns of the loop.  Whatever
 * else a service needs (the conversation engine, the sender, the purge)
 * is handed to its constructor.
 *
 * Tests build a struct svc from the parts alone: a loop, a config, a
 * temporary store, metrics, a clock with a fixed now and a commit module.
 */
#ifndef ADUAN_SVC_H
#define ADUAN_SVC_H

#include <uv.h>

struct clock;
struct commit;
struct config;
struct metrics;
struct store;

struct svc {
  uv_loop_t *loop;
  const struct config *cfg;      /* the running config */
  struct store *store;
  struct metrics *metrics;
  const struct clock *clock;     /* clock_now(ctx->clock) is now */
  struct commit *commit;         /* the group commit */
};

#endif
