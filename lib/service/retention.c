/*
 * retention.c: the retention purge (see retention.h).
 *
 * A run is a chain of steps on a timer: each step opens the store's batch
 * (as a webhook does), removes at most STEP_ROWS rows of each kind inside
 * a savepoint, and leaves the commit to the loop's group commit; the next
 * step follows on the next turn of the loop.  Requests from admins wait in
 * the group commit's list (commit.h) after the last step, so their answer
 * is only given once what it reports is durable.
 */
#include "service/retention.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "base/clock.h"
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
  uv_timer_t timer;
  int running;
  int paused;
  struct store_purge p;
  long long payloads;               /* removed by the run so far */
  long long reporters;
  struct httpd_request *wait[WAITERS_MAX];
  int nwait;
  void (*close_cb)(void *arg);
  void *close_arg;
};

static void on_timer(uv_timer_t *t);

int
retention_new(struct retention **out, const struct svc *ctx)
{
  struct retention *r = calloc(1, sizeof(*r));

  *out = NULL;
  if (r == NULL)
    return -ENOMEM;
  r->ctx = ctx;
  uv_timer_init(ctx->loop, &r->timer);
  r->timer.data = r;
  *out = r;
  return 0;
}

/* Arm the next scheduled run, first_ms from now at the latest. */
static void
schedule(struct retention *r, uint64_t first_ms)
{
  uint64_t every = r->ctx->cfg->storage.purge_every_ms;

  uv_timer_stop(&r->timer);
  if (r->paused || r->running || every == 0)
    return;
  uv_timer_start(&r->timer, on_timer, every < first_ms ? every : first_ms,
                 0);
}

void
retention_start(struct retention *r)
{
  schedule(r, FIRST_RUN_MS);
}

void
retention_reload(struct retention *r)
{
  uint64_t every = r->ctx->cfg->storage.purge_every_ms;
  uint64_t due = uv_timer_get_due_in(&r->timer);

  /* A shorter or restored interval applies now; a run under way ends
   * first and schedules by the new one itself. */
  if (r->running)
    return;
  if (every == 0) {
    uv_timer_stop(&r->timer);
    return;
  }
  if (!uv_is_active((uv_handle_t *)&r->timer) || due > every)
    schedule(r, every);
}

static void
begin_run(struct retention *r)
{
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
  r->running = 1;
}

/* The run is over (rc 0) or failed: answer whoever waits, log, and arm
 * the next run. */
static void
end_run(struct retention *r, int rc)
{
  char body[96], q[LOG_QUOTE_LEN];
  int i;

  r->running = 0;
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
  schedule(r, UINT64_MAX);
}

static int
step(struct retention *r)
{
  struct store *st = r->ctx->store;
  int rc = store_batch_begin(st);

  if (rc != 0)
    return rc;
  rc = store_sp_begin(st);
  if (rc != 0)
    return rc;
  rc = store_purge_step(st, &r->p);
  if (rc == 0)
    rc = store_sp_release(st);
  else
    store_sp_rollback(st);
  if (rc == 0) {
    r->payloads += r->p.payloads;
    r->reporters += r->p.reporters;
  }
  return rc;
}

static void
on_timer(uv_timer_t *t)
{
  struct retention *r = t->data;
  int rc;

  if (r->paused)
    return;
  if (!r->running)
    begin_run(r);
  if (r->p.payload_before == 0 && r->p.personal_before == 0) {
    end_run(r, 0);
    return;
  }
  rc = step(r);
  if (rc != 0 || !r->p.more) {
    end_run(r, rc);
    return;
  }
  /* The next step on the next turn, after this one's commit. */
  uv_timer_start(&r->timer, on_timer, 0, 0);
}

void
retention_run_now(struct retention *r, struct httpd_request *req)
{
  if (r->paused) {
    httpd_respond_error(req, 503, "stopping");
    return;
  }
  if (r->nwait == WAITERS_MAX) {
    httpd_respond_error(req, 503, "too many purge requests waiting");
    return;
  }
  r->wait[r->nwait++] = req;
  if (!r->running)
    uv_timer_start(&r->timer, on_timer, 0, 0);
}

void
retention_pause(struct retention *r)
{
  int i;

  r->paused = 1;
  uv_timer_stop(&r->timer);
  for (i = 0; i < r->nwait; i++)
    httpd_respond_error(r->wait[i], 503, "stopping");
  r->nwait = 0;
  r->running = 0;
}

static void
on_closed(uv_handle_t *h)
{
  struct retention *r = h->data;
  void (*cb)(void *) = r->close_cb;
  void *arg = r->close_arg;

  free(r);
  if (cb != NULL)
    cb(arg);
}

void
retention_close(struct retention *r, void (*cb)(void *arg), void *arg)
{
  retention_pause(r);
  r->close_cb = cb;
  r->close_arg = arg;
  uv_close((uv_handle_t *)&r->timer, on_closed);
}
