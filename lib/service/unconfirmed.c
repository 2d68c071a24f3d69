/*
 * unconfirmed.c: the check for replies without a delivery report (see
 * unconfirmed.h).
 *
 * A check walks the configured channels whose provider reports delivery,
 * in config order.  Each step flags at most STEP_ROWS rows of one channel
 * inside its savepoint (flagged rows drop out of the next read, so no
 * cursor is needed within a channel); the log lines and the counter of a
 * step follow only once its savepoint is kept, so a failed step logs
 * nothing and its rows are flagged by a later check.
 */
#include "service/unconfirmed.h"

#include <stdio.h>
#include <stdlib.h>

#include "base/clock.h"
#include "base/err.h"
#include "base/log.h"
#include "base/metrics.h"
#include "conf/config.h"
#include "provider/provider.h"
#include "service/chore.h"
#include "service/svc.h"
#include "store/store.h"

#define STEP_ROWS 200
#define CHECK_EVERY_MS (60 * 1000)

struct unconfirmed {
  const struct svc *ctx;
  struct chore *chore;
  int chan;                       /* the channel (index in the config) the
                                     next step looks at */
  int64_t now;                    /* the check's clock */
  long long flagged;              /* rows flagged by the check so far */
  struct store_unconfirmed *rows; /* the step's rows */
  int n;
};

static uint64_t
every_ms(void *arg)
{
  const struct unconfirmed *u = arg;
  uint64_t after = u->ctx->cfg->outbox.unconfirmed_after_ms;

  return after < CHECK_EVERY_MS ? after : CHECK_EVERY_MS;
}

/* The first channel from i on whose provider reports delivery, or the
 * number of channels when none is left. */
static int
next_reporting(const struct config *cfg, int i)
{
  while (i < cfg->nchannels &&
         !provider_reports_delivery(cfg, &cfg->channels[i]))
    i++;
  return i;
}

static int
begin_check(void *arg)
{
  struct unconfirmed *u = arg;
  const struct config *cfg = u->ctx->cfg;

  u->now = clock_now(u->ctx->clock);
  u->flagged = 0;
  u->chan = next_reporting(cfg, 0);
  return cfg->outbox.unconfirmed_after_ms > 0 && u->chan < cfg->nchannels;
}

static void
end_check(void *arg, int rc)
{
  struct unconfirmed *u = arg;
  char q[LOG_QUOTE_LEN];

  if (rc != 0)
    log_warn("event=outbox.unconfirmed_check_failed err=%s msg=%s "
             "flagged=%lld", err_name(rc),
             log_quote(store_errmsg(u->ctx->store), q, sizeof(q)),
             u->flagged);
  else
    log_debug("event=outbox.unconfirmed_check flagged=%lld", u->flagged);
}

/* One step, inside its savepoint: flag the next rows of the channel. */
static int
step(struct store *st, void *arg)
{
  struct unconfirmed *u = arg;
  const struct config *cfg = u->ctx->cfg;
  int64_t after = (int64_t)cfg->outbox.unconfirmed_after_ms;

  /* A reload between two steps may have taken channels away. */
  if (u->chan >= cfg->nchannels || after == 0)
    return 0;
  return store_outbox_flag_unconfirmed(st, cfg->channels[u->chan].name,
                                       u->now - after, u->now, STEP_ROWS,
                                       &u->rows, &u->n);
}

/* One log line and one count per row flagged. */
static void
report(const struct unconfirmed *u, const struct store_unconfirmed *r)
{
  char to[LOG_PHONE_LEN], sent[40], labels[128], lq[64];

  log_warn("event=outbox.unconfirmed id=%lld channel=%s to=%s ticket=%s "
           "kind=%s sent=%s waited_s=%lld", (long long)r->id, r->channel,
           log_phone(r->phone, to), r->ticket != NULL ? r->ticket : "-",
           r->kind, wita_format_iso(r->sent_at, sent, sizeof(sent)),
           (long long)((u->now - r->sent_at) / 1000));
  snprintf(labels, sizeof(labels), "channel=\"%s\"",
           metrics_label(r->channel, lq, sizeof(lq)));
  metrics_add(u->ctx->metrics, "aduan_outbox_unconfirmed_total",
              "Replies flagged for having no delivery report within "
              "[outbox] unconfirmed_after", labels, 1);
}

/* The step's savepoint was kept (rc 0): only now are its rows reported.
 * Returns 1 when another step follows. */
static int
after_step(void *arg, int rc)
{
  struct unconfirmed *u = arg;
  const struct config *cfg = u->ctx->cfg;
  int i, more = 0;

  if (rc == 0) {
    for (i = 0; i < u->n; i++)
      report(u, &u->rows[i]);
    u->flagged += u->n;
    if (u->n < STEP_ROWS)
      u->chan = next_reporting(cfg, u->chan + 1);
    more = u->chan < cfg->nchannels;
  }
  store_unconfirmed_free(u->rows, u->n);
  u->rows = NULL;
  u->n = 0;
  return more;
}

static const struct chore_ops unconfirmed_chore = {
  every_ms, begin_check, step, after_step, end_check,
};

int
unconfirmed_new(struct unconfirmed **out, const struct svc *ctx)
{
  struct unconfirmed *u = calloc(1, sizeof(*u));
  int rc;

  *out = NULL;
  if (u == NULL)
    return -ENOMEM;
  u->ctx = ctx;
  rc = chore_new(&u->chore, ctx->loop, ctx->store, &unconfirmed_chore, u);
  if (rc != 0) {
    free(u);
    return rc;
  }
  *out = u;
  return 0;
}

void
unconfirmed_start(struct unconfirmed *u)
{
  chore_schedule(u->chore, CHECK_EVERY_MS);
}

void
unconfirmed_reload(struct unconfirmed *u)
{
  chore_reload(u->chore);
}

void
unconfirmed_pause(struct unconfirmed *u)
{
  chore_pause(u->chore);
}

void
unconfirmed_close(struct unconfirmed *u, void (*cb)(void *arg), void *arg)
{
  unconfirmed_pause(u);
  /* Nothing calls back into u once paused: the chore's timer alone
   * remains to be closed, and cb follows that. */
  chore_close(u->chore, cb, arg);
  free(u->rows);
  free(u);
}
