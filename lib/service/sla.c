/*
 * sla.c: the service-level timers (see sla.h).
 *
 * A check is a chore (chore.h), as the retention purge is: each step
 * reads at most STEP_ROWS tickets in a timed status not yet logged in
 * their current stay (in id order, after the last one seen), records
 * those that are overdue inside a savepoint of the store's batch, and
 * leaves the commit to the loop's group commit.  The log lines of a step
 * are written only once its savepoint is released, so a step that fails
 * logs nothing and is tried again by the next check.
 */
#include "service/sla.h"

#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "base/clock.h"
#include "service/chore.h"
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
  struct chore *chore;
  int64_t after_id;       /* where the check is */
  int64_t now;            /* the check's clock */
  long long checked;      /* tickets looked at by the check so far */
  long long overdue;      /* of which newly overdue */
  /* The step under way: the tickets it read and, for each, its due time
   * when newly overdue (else 0) and its working days late. */
  struct store_sla_row *rows;
  int n;
  int64_t *due;
  int *late;
};

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

static uint64_t
every_ms(void *arg)
{
  const struct sla *t = arg;

  return t->ctx->cfg->ticket.overdue_check_every_ms;
}

static int
begin_check(void *arg)
{
  struct sla *t = arg;

  t->after_id = 0;
  t->checked = 0;
  t->overdue = 0;
  t->now = clock_now(t->ctx->clock);
  return 1;
}

/* The check is over (rc 0) or failed: log it. */
static void
end_check(void *arg, int rc)
{
  struct sla *t = arg;
  char q[LOG_QUOTE_LEN];

  if (rc != 0)
    log_warn("event=ticket.overdue_check_failed err=%s msg=%s checked=%lld "
             "overdue=%lld", err_name(rc),
             log_quote(store_errmsg(t->ctx->store), q, sizeof(q)),
             t->checked, t->overdue);
  else
    log_debug("event=ticket.overdue_check checked=%lld overdue=%lld",
              t->checked, t->overdue);
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

/* One step, inside its savepoint: read the next tickets and record those
 * newly overdue. */
static int
step(struct store *st, void *arg)
{
  struct sla *t = arg;
  const struct config *cfg = t->ctx->cfg;
  const struct workday_cal *cal = conv_holidays(t->conv);
  int rc, i;

  rc = store_sla_pending(st, t->after_id, STEP_ROWS, &t->rows, &t->n);
  if (rc == 0 && t->n > 0) {
    t->due = calloc((size_t)t->n, sizeof(*t->due));
    t->late = calloc((size_t)t->n, sizeof(*t->late));
    if (t->due == NULL || t->late == NULL)
      rc = -ENOMEM;
  }
  for (i = 0; rc == 0 && i < t->n; i++) {
    const struct store_sla_row *r = &t->rows[i];
    if (!sla_overdue(cfg, cal, r->status, r->since, t->now, &t->due[i],
                     &t->late[i])) {
      t->due[i] = 0;
      continue;
    }
    rc = store_sla_mark(st, r->id, r->status, r->since, t->due[i], t->now);
  }
  return rc;
}

/* The step's savepoint was kept (rc 0): only now are its log lines
 * written.  Returns 1 when there may be more tickets to look at. */
static int
after_step(void *arg, int rc)
{
  struct sla *t = arg;
  int i, more = 0;

  if (rc == 0) {
    for (i = 0; i < t->n; i++) {
      if (t->due[i] == 0)
        continue;
      log_overdue(&t->rows[i], t->due[i], t->late[i]);
      t->overdue++;
    }
    t->checked += t->n;
    if (t->n > 0)
      t->after_id = t->rows[t->n - 1].id;
    more = t->n == STEP_ROWS;
  }
  free(t->due);
  free(t->late);
  store_sla_rows_free(t->rows, t->n);
  t->due = NULL;
  t->late = NULL;
  t->rows = NULL;
  t->n = 0;
  return more;
}

static const struct chore_ops sla_chore = {
  every_ms, begin_check, step, after_step, end_check,
};

int
sla_new(struct sla **out, const struct svc *ctx, struct conv *conv)
{
  struct sla *t = calloc(1, sizeof(*t));
  int rc;

  *out = NULL;
  if (t == NULL)
    return -ENOMEM;
  t->ctx = ctx;
  t->conv = conv;
  rc = chore_new(&t->chore, ctx->loop, ctx->store, &sla_chore, t);
  if (rc != 0) {
    free(t);
    return rc;
  }
  *out = t;
  return 0;
}

void
sla_start(struct sla *t)
{
  chore_schedule(t->chore, FIRST_CHECK_MS);
}

void
sla_reload(struct sla *t)
{
  chore_reload(t->chore);
}

void
sla_pause(struct sla *t)
{
  chore_pause(t->chore);
}

void
sla_close(struct sla *t, void (*cb)(void *arg), void *arg)
{
  sla_pause(t);
  /* Nothing calls back into t once paused: the chore's timer alone
   * remains to be closed, and cb follows that. */
  chore_close(t->chore, cb, arg);
  free(t);
}
