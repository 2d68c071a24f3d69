/*
 * retention.c: the retention purge (see retention.h).
 *
 * A run is a chore (chore.h): a chain of steps on a timer, each removing
 * at most STEP_ROWS rows of each kind inside a savepoint of the store's
 * batch (as a webhook does) and leaving the commit to the loop's group
 * commit; the next step follows on the next turn of the loop.  Requests
 * from admins wait in the group commit's list (commit.h) after the last
 * step, so their answer is only given once what it reports is durable.
 */
#include "service/retention.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "base/clock.h"
#include "service/chore.h"
#include "io/commit.h"
#include "conf/config.h"
#include "base/err.h"
#include "io/httpd.h"
#include "base/log.h"
#include "store/store.h"
#include "service/svc.h"

#define STEP_ROWS 500
#define FIRST_RUN_MS (60 * 1000)
#define WAITERS_MAX 16

struct retention {
  const struct svc *ctx;
  struct chore *chore;
  struct store_purge p;
  long long payloads;               /* removed by the run so far */
  long long reporters;
  struct httpd_request *wait[WAITERS_MAX];
  int nwait;
};

static uint64_t
every_ms(void *arg)
{
  const struct retention *r = arg;

  return r->ctx->cfg->storage.purge_every_ms;
}

/* A run starts: 0 when no retention is configured (nothing to remove). */
static int
begin_run(void *arg)
{
  struct retention *r = arg;
  const struct config *cfg = r->ctx->cfg;
  int64_t now = clock_now(r->ctx->clock);

  memset(&r->p, 0, sizeof(r->p));
  r->p.now = now;
  r->p.limit = STEP_ROWS;
  r->p.draft_keep = (int64_t)cfg->conversation.draft_keep_ms;
  if (cfg->storage.payload_retention_ms > 0)
    r->p.payload_before = now - (int64_t)cfg->storage.payload_retention_ms;
  if (cfg->storage.personal_retention_ms > 0)
    r->p.personal_before = now - (int64_t)cfg->storage.personal_retention_ms;
  r->payloads = 0;
  r->reporters = 0;
  return r->p.payload_before != 0 || r->p.personal_before != 0;
}

/* One step, inside its savepoint: at most STEP_ROWS rows of each kind. */
static int
step(struct store *st, void *arg)
{
  struct retention *r = arg;

  return store_purge_step(st, &r->p);
}

static int
after_step(void *arg, int rc)
{
  struct retention *r = arg;

  if (rc != 0)
    return 0;
  r->payloads += r->p.payloads;
  r->reporters += r->p.reporters;
  return r->p.more;
}

/* The run is over (rc 0) or failed: answer whoever waits, and log. */
static void
end_run(void *arg, int rc)
{
  struct retention *r = arg;
  char body[96], q[LOG_QUOTE_LEN];
  int i;

  if (rc != 0) {
    log_warn("event=retention.failed err=%s msg=%s payloads=%lld "
             "reporters=%lld", err_name(rc),
             log_quote(store_errmsg(r->ctx->store), q, sizeof(q)),
             r->payloads, r->reporters);
  } else if (r->payloads > 0 || r->reporters > 0) {
    log_info("event=retention.purged payloads=%lld reporters=%lld",
             r->payloads, r->reporters);
  } else {
    log_debug("event=retention.nothing");
  }
  snprintf(body, sizeof(body), "{\"payloads\":%lld,\"reporters\":%lld}",
           r->payloads, r->reporters);
  for (i = 0; i < r->nwait; i++) {
    if (rc != 0)
      httpd_respond_error(r->wait[i], 503, "database unavailable");
    else
      commit_defer(r->ctx->commit, r->wait[i], body, 0);
    r->wait[i] = NULL;
  }
  r->nwait = 0;
}

static const struct chore_ops retention_chore = {
  every_ms, begin_run, step, after_step, end_run,
};

int
retention_new(struct retention **out, const struct svc *ctx)
{
  struct retention *r = calloc(1, sizeof(*r));
  int rc;

  *out = NULL;
  if (r == NULL)
    return -ENOMEM;
  r->ctx = ctx;
  rc = chore_new(&r->chore, ctx->loop, ctx->store, &retention_chore, r);
  if (rc != 0) {
    free(r);
    return rc;
  }
  *out = r;
  return 0;
}

void
retention_start(struct retention *r)
{
  chore_schedule(r->chore, FIRST_RUN_MS);
}

void
retention_reload(struct retention *r)
{
  chore_reload(r->chore);
}

void
retention_run_now(struct retention *r, struct httpd_request *req)
{
  if (chore_paused(r->chore)) {
    httpd_respond_error(req, 503, "stopping");
    return;
  }
  if (r->nwait == WAITERS_MAX) {
    httpd_respond_error(req, 503, "too many purge requests waiting");
    return;
  }
  r->wait[r->nwait++] = req;
  chore_run_now(r->chore);
}

void
retention_pause(struct retention *r)
{
  int i;

  chore_pause(r->chore);
  for (i = 0; i < r->nwait; i++)
    httpd_respond_error(r->wait[i], 503, "stopping");
  r->nwait = 0;
}

void
retention_close(struct retention *r, void (*cb)(void *arg), void *arg)
{
  retention_pause(r);
  /* Nothing calls back into r once paused: the chore's timer alone
   * remains to be closed, and cb follows that. */
  chore_close(r->chore, cb, arg);
  free(r);
}
