/*
 * sla.c: the service-level timers (see sla.h).
 *
 * A check is a chain of steps on a timer, as the retention purge is: each
 * step opens the store's batch, reads at most STEP_ROWS tickets in a timed
 * status not yet logged in their current stay (in id order, after the
 * last one seen), records those that are overdue inside a savepoint, and
 * leaves the commit to the loop's group commit.  The log lines of a step
 * are written only once its savepoint is released, so a step that fails
 * logs nothing and is tried again by the next check.
 */
#include "service/sla.h"

#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "base/clock.h"
#include "conf/config.h"
#include "engine/conv.h"
#include "base/err.h"
#include "base/log.h"
#include "store/store.h"
#include "service/svc.h"
#include "rules/ticket.h"
#include "rules/workday.h"

#define STEP_ROWS 200
#define FIRST_CHECK_MS (60 * 1000)

struct sla {
  const struct svc *ctx;
  struct conv *conv;      /* for its holidays */
  uv_timer_t timer;
  int running;
  int paused;
  int64_t after_id;       /* where the check is */
  int64_t now;            /* the check's clock */
  long long checked;      /* tickets looked at by the check so far */
  long long overdue;      /* of which newly overdue */
  void (*close_cb)(void *arg);
  void *close_arg;
};

static void on_timer(uv_timer_t *t);

int
sla_allowed_days(const struct config *cfg, const char *status)
{
  int days;

  switch (ticket_status_parse(status != NULL ? status : "")) {
  case TICKET_DITERIMA:
    days = cfg->ticket.verify_within;
    break;
  case TICKET_DIVERIFIKASI:
  case TICKET_DIPROSES:
    days = cfg->ticket.follow_up_within;
    break;
  default:
    return -1;
  }
  return days > 0 ? days : -1;
}

int
sla_overdue(const struct config *cfg, const struct workday_cal *cal,
            const char *status, int64_t since, int64_t now, int64_t *due,
            int *late_days)
{
  int days = sla_allowed_days(cfg, status);

  *due = 0;
  *late_days = 0;
  if (days < 0)
    return 0;
  *due = workday_due(cal, since, days);
  *late_days = workday_late_days(cal, *due, now);
  return now >= *due;
}

int
sla_new(struct sla **out, const struct svc *ctx, struct conv *conv)
{
  struct sla *t = calloc(1, sizeof(*t));

  *out = NULL;
  if (t == NULL)
    return -ENOMEM;
  t->ctx = ctx;
  t->conv = conv;
  uv_timer_init(ctx->loop, &t->timer);
  t->timer.data = t;
  *out = t;
  return 0;
}

/* Arm the next check, first_ms from now at the latest. */
static void
schedule(struct sla *t, uint64_t first_ms)
{
  uint64_t every = t->ctx->cfg->ticket.overdue_check_every_ms;

  uv_timer_stop(&t->timer);
  if (t->paused || t->running)
    return;
  uv_timer_start(&t->timer, on_timer, every < first_ms ? every : first_ms, 0);
}

void
sla_start(struct sla *t)
{
  schedule(t, FIRST_CHECK_MS);
}

void
sla_reload(struct sla *t)
{
  uint64_t every = t->ctx->cfg->ticket.overdue_check_every_ms;

  /* A check under way schedules the next by the new interval itself. */
  if (t->running)
    return;
  if (!uv_is_active((uv_handle_t *)&t->timer) ||
      uv_timer_get_due_in(&t->timer) > every)
    schedule(t, every);
}

/* The check is over (rc 0) or failed: log and arm the next. */
static void
end_check(struct sla *t, int rc)
{
  char q[LOG_QUOTE_LEN];

  t->running = 0;
  if (rc != 0)
    log_warn("event=ticket.overdue_check_failed err=%s msg=%s checked=%lld "
             "overdue=%lld", err_name(rc),
             log_quote(store_errmsg(t->ctx->store), q, sizeof(q)),
             t->checked, t->overdue);
  else
    log_debug("event=ticket.overdue_check checked=%lld overdue=%lld",
              t->checked, t->overdue);
  schedule(t, UINT64_MAX);
}

/* One log line per ticket newly found overdue. */
static void
log_overdue(const struct store_sla_row *r, int64_t due, int late)
{
  char when[40];

  log_info("event=ticket.overdue ticket=%s status=%s due=%s late_days=%d",
           r->number, r->status, wita_format_iso(due, when, sizeof(when)),
           late);
}

/* One step: sets *more when there may be more tickets to look at. */
static int
step(struct sla *t, int *more)
{
  struct store *st = t->ctx->store;
  const struct config *cfg = t->ctx->cfg;
  const struct workday_cal *cal = conv_holidays(t->conv);
  struct store_sla_row *rows = NULL;
  int64_t *due = NULL;
  int *late = NULL;
  int rc, n = 0, i;

  *more = 0;
  rc = store_batch_begin(st);
  if (rc != 0)
    return rc;
  rc = store_sp_begin(st);
  if (rc != 0)
    return rc;
  rc = store_sla_pending(st, t->after_id, STEP_ROWS, &rows, &n);
  if (rc == 0 && n > 0) {
    due = calloc((size_t)n, sizeof(*due));
    late = calloc((size_t)n, sizeof(*late));
    if (due == NULL || late == NULL)
      rc = -ENOMEM;
  }
  for (i = 0; rc == 0 && i < n; i++) {
    if (!sla_overdue(cfg, cal, rows[i].status, rows[i].since, t->now,
                     &due[i], &late[i])) {
      due[i] = 0;
      continue;
    }
    rc = store_sla_mark(st, rows[i].id, rows[i].status, rows[i].since,
                        due[i], t->now);
  }
  if (rc == 0)
    rc = store_sp_release(st);
  else
    store_sp_rollback(st);
  if (rc == 0) {
    for (i = 0; i < n; i++) {
      if (due[i] == 0)
        continue;
      log_overdue(&rows[i], due[i], late[i]);
      t->overdue++;
    }
    t->checked += n;
    if (n > 0)
      t->after_id = rows[n - 1].id;
    *more = n == STEP_ROWS;
  }
  free(due);
  free(late);
  store_sla_rows_free(rows, n);
  return rc;
}

static void
on_timer(uv_timer_t *h)
{
  struct sla *t = h->data;
  int rc, more;

  if (t->paused)
    return;
  if (!t->running) {
    t->running = 1;
    t->after_id = 0;
    t->checked = 0;
    t->overdue = 0;
    t->now = clock_now(t->ctx->clock);
  }
  rc = step(t, &more);
  if (rc != 0 || !more) {
    end_check(t, rc);
    return;
  }
  /* The next step on the next turn, after this one's commit. */
  uv_timer_start(&t->timer, on_timer, 0, 0);
}

void
sla_pause(struct sla *t)
{
  t->paused = 1;
  t->running = 0;
  uv_timer_stop(&t->timer);
}

static void
on_closed(uv_handle_t *h)
{
  struct sla *t = h->data;
  void (*cb)(void *) = t->close_cb;
  void *arg = t->close_arg;

  free(t);
  if (cb != NULL)
    cb(arg);
}

void
sla_close(struct sla *t, void (*cb)(void *arg), void *arg)
{
  sla_pause(t);
  t->close_cb = cb;
  t->close_arg = arg;
  uv_close((uv_handle_t *)&t->timer, on_closed);
}
