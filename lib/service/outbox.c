/*
 * outbox.c: the sender (see outbox.h for the row states).
 *
 * One poll: for every channel that sends through a provider, as many due
 * rows as its token bucket and its in-flight cap allow are taken (marked
 * "sending" inside the store's open batch, so the loop's group commit
 * records them) and each becomes one HTTP request on curlev.  When a
 * request ends, the provider adapter classifies the answer and the row's
 * next state is written, again in the open batch.  Polls happen when the
 * webhook side queued something (outbox_kick), when a send ends, and on a
 * timer set to the next row's due time or the next token.
 */
#include "service/outbox.h"

#include <curl/curl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "io/commit.h"
#include "conf/config.h"
#include "base/crypto.h"
#include "io/curlev.h"
#include "io/request.h"
#include "base/err.h"
#include "base/log.h"
#include "base/metrics.h"
#include "store/store.h"
#include "service/svc.h"

#define OUTBOX_MAX_ANSWER (64 * 1024)   /* bytes of a provider's answer kept */
#define OUTBOX_IDLE_POLL_MS 60000       /* look anyway this often */
#define OUTBOX_FAULT_POLL_MS 1000       /* after the database refused */

/* Sending state of one channel, found by name. */
struct chan {
  char name[64];
  double tokens;
  int64_t refilled_at;
  int inflight;
  struct request_shared *shared;  /* the URL and headers of its last
                                     request, for the next ones */
};

struct job;

struct outbox {
  const struct svc *ctx;
  struct curlev *cv;
  uv_timer_t timer;
  struct chan *chans;
  int nchans;
  int inflight;
  int paused;
  int closing;                    /* claims settled now are not sent */
  struct job *unrecorded;         /* ended sends whose outcome waits to be
                                     committed, oldest first */
  CURL **idle;                    /* easy handles of ended sends, for the
                                     next ones: each set up by job_easy,
                                     with the same callbacks and limits,
                                     so only a request's own options are
                                     set again (request_easy_shared) */
  int nidle;
  int maxidle;                    /* kept no more than this: the channels'
                                     requests in flight (keep_connections) */
  void (*close_cb)(void *arg);
  void *close_arg;
};

/* One send under way. */
struct job {
  struct outbox *ob;
  int64_t id;
  char channel[64];
  char masked[LOG_PHONE_LEN];
  char *kind;
  int attempts;
  int segments;                 /* SMS channels: segments of the text */
  int64_t started;
  struct provider_request req;
  struct request_shared *shared;  /* its URL and headers, held until the
                                     request is over */
  struct buf answer;
  char retry_after[32];
  const char *neterr;           /* why no answer came (request.h), or NULL */
  /* The outcome, kept here until it is committed. */
  struct store_outbox_outcome o;
  char *o_provider_id;          /* owned copies behind o's strings */
  char o_bsuid[PHONE_BSUID_MAX]; /* the recipient's BSUID the answer
                                   named, or "" */
  int linked;                   /* link_bsuid()'s outcome, for the log */
  char *o_last_error;
  long http_status;
  double secs;
  int64_t delay;
  struct job *next;             /* on ob->unrecorded */
};

static void poll_now(struct outbox *ob);
static void job_free(struct job *j);

/* ---- Channel state --------------------------------------------------- */

static struct chan *
chan_get(struct outbox *ob, const char *name)
{
  struct chan *c;
  int i;

  for (i = 0; i < ob->nchans; i++)
    if (strcmp(ob->chans[i].name, name) == 0)
      return &ob->chans[i];
  c = realloc(ob->chans, (size_t)(ob->nchans + 1) * sizeof(*c));
  if (c == NULL)
    return NULL;
  ob->chans = c;
  c = &ob->chans[ob->nchans++];
  memset(c, 0, sizeof(*c));
  snprintf(c->name, sizeof(c->name), "%s", name);
  c->tokens = -1;  /* filled on first use */
  return c;
}

/* Add the tokens earned since the last refill; the bucket holds one
 * second's worth at most. */
static void
chan_refill(struct chan *c, int rate, int64_t now)
{
  if (c->tokens < 0) {
    c->tokens = rate;
  } else if (now > c->refilled_at) {
    c->tokens += (double)(now - c->refilled_at) * rate / 1000.0;
    if (c->tokens > rate)
      c->tokens = rate;
  }
  c->refilled_at = now;
}

/* ---- Set-up ---------------------------------------------------------- */

static void
on_timer(uv_timer_t *t)
{
  poll_now(t->data);
}

int
outbox_new(struct outbox **out, const struct svc *ctx, struct curlev *cv)
{
  struct outbox *ob = calloc(1, sizeof(*ob));

  *out = NULL;
  if (ob == NULL)
    return -ENOMEM;
  ob->ctx = ctx;
  ob->cv = cv;
  uv_timer_init(ctx->loop, &ob->timer);
  ob->timer.data = ob;
  *out = ob;
  return 0;
}

int
outbox_start(struct outbox *ob)
{
  int n = 0, rc;

  rc = store_outbox_resume(ob->ctx->store, &n);
  if (rc != 0)
    return rc;
  if (n > 0)
    log_info("event=outbox.resumed rows=%d", n);
  outbox_kick(ob);
  return 0;
}

void
outbox_kick(struct outbox *ob)
{
  if (!ob->paused)
    uv_timer_start(&ob->timer, on_timer, 0, 0);
}

int
outbox_inflight(const struct outbox *ob)
{
  return ob->inflight;
}

void
outbox_pause(struct outbox *ob)
{
  ob->paused = 1;
  uv_timer_stop(&ob->timer);
}

static void
on_closed(uv_handle_t *h)
{
  struct outbox *ob = h->data;
  void (*cb)(void *) = ob->close_cb;
  void *arg = ob->close_arg;
  int i;

  /* Outcomes never committed: their rows stay "sending" and are sent
   * again at the next start. */
  while (ob->unrecorded != NULL) {
    struct job *j = ob->unrecorded;
    ob->unrecorded = j->next;
    job_free(j);
  }
  while (ob->nidle > 0)
    curl_easy_cleanup(ob->idle[--ob->nidle]);
  free(ob->idle);
  for (i = 0; i < ob->nchans; i++)
    request_shared_drop(ob->chans[i].shared);
  free(ob->chans);
  free(ob);
  if (cb != NULL)
    cb(arg);
}

void
outbox_close(struct outbox *ob, void (*cb)(void *arg), void *arg)
{
  ob->paused = 1;
  ob->closing = 1;
  ob->close_cb = cb;
  ob->close_arg = arg;
  uv_timer_stop(&ob->timer);
  /* Claims and outcomes still waiting for their batch are settled now,
   * while ob is there to hear it (claimed rows are not sent any more). */
  commit_now(ob->ctx->commit);
  uv_close((uv_handle_t *)&ob->timer, on_closed);
}

/* ---- Outcomes -------------------------------------------------------- */

/* The delay before attempt number attempts+1: base * 2^(attempts-1),
 * capped, with jitter over its upper half. */
static int64_t
backoff_ms(const struct config *cfg, int attempts)
{
  uint64_t d = cfg->outbox.backoff_base_ms;
  uint32_t r = 0;
  int i;

  for (i = 1; i < attempts && d < cfg->outbox.backoff_max_ms; i++)
    d *= 2;
  if (d > cfg->outbox.backoff_max_ms)
    d = cfg->outbox.backoff_max_ms;
  crypto_random(&r, sizeof(r));
  return (int64_t)(d / 2 + (d / 2) * (r / 4294967296.0));
}

/*
 * Decide what becomes of j's row after res: the outcome is kept in j
 * (with copies of the strings it needs) for settle().
 */
static void
decide(struct job *j, const struct send_result *res, long status,
       double secs)
{
  const struct svc *s = j->ob->ctx;
  const struct config *cfg = s->cfg;
  const struct config_channel *ch = config_channel(cfg, j->channel);
  struct store_outbox_outcome *o = &j->o;
  const char *error = NULL;

  memset(o, 0, sizeof(*o));
  j->http_status = status;
  j->secs = secs;
  j->delay = 0;
  o->now = clock_now(s->clock);
  o->attempts = j->attempts + 1;
  switch (res->outcome) {
  case SEND_OK:
    o->status = "sent";
    /* No report will come: the unconfirmed check need never look. */
    o->no_report = ch == NULL || !provider_reports_delivery(cfg, ch) ||
                   cfg->outbox.unconfirmed_after_ms == 0;
    if (res->provider_id != NULL)
      j->o_provider_id = strdup(res->provider_id);
    o->provider_id = j->o_provider_id;
    if (res->bsuid != NULL)
      snprintf(j->o_bsuid, sizeof(j->o_bsuid), "%s", res->bsuid);
    break;
  case SEND_TEMPLATE:
    if (ch != NULL && ch->template_name != NULL &&
        strcmp(j->kind, "template") != 0) {
      o->status = "queued";
      o->kind = "template";
      o->attempts = j->attempts;
      o->next_attempt_at = o->now;
      error = res->error ? res->error : "24-hour window closed";
      break;
    }
    /* No template to fall back on: a permanent failure.  (The attribute,
     * not a comment, marks the fall-through for gcc and clang alike.) */
    __attribute__((fallthrough));
  case SEND_FAIL:
    o->status = "failed";
    error = res->error ? res->error : "refused";
    break;
  case SEND_RETRY:
  default:
    error = res->error ? res->error : "no answer";
    if (o->attempts >= cfg->outbox.max_attempts) {
      o->status = "dead";
    } else {
      j->delay = backoff_ms(cfg, o->attempts);
      if (res->retry_after_ms > j->delay)
        j->delay = res->retry_after_ms;
      o->status = "queued";
      o->next_attempt_at = o->now + j->delay;
    }
    break;
  }
  if (error != NULL) {
    j->o_last_error = strdup(error);
    o->last_error = j->o_last_error != NULL ? j->o_last_error : "?";
  }
}

/*
 * A send answer or delivery report named bsuid as the recipient of row
 * id: the reporter takes it when they have none (SPEC 2), so that a later
 * message carrying only the BSUID finds them.  Returns 0 or a store
 * error; *linked (0 or 1) says whether the reporter took it, -1 when
 * another reporter holds it.
 */
static int
link_bsuid(const struct svc *s, int64_t id, const char *bsuid, int *linked)
{
  int rc = store_outbox_bsuid(s->store, id, bsuid);

  *linked = rc == 0 ? 1 : rc == AERR_DUP ? -1 : 0;
  return rc == AERR_NOTFOUND || rc == AERR_DUP ? 0 : rc;
}

/* The log line for link_bsuid's outcome. */
static void
log_link(int64_t id, const char *bsuid, int linked)
{
  char mb[LOG_PHONE_LEN];

  if (linked > 0)
    log_info("event=reporter.linked outbox=%lld bsuid=%s", (long long)id,
             log_phone(bsuid, mb));
  else if (linked < 0)
    log_warn("event=reporter.link_conflict outbox=%lld bsuid=%s",
             (long long)id, log_phone(bsuid, mb));
}

/* Count and log j's outcome, now durable. */
static void
log_outcome(const struct job *j)
{
  const struct svc *s = j->ob->ctx;
  const struct store_outbox_outcome *o = &j->o;
  char q[LOG_QUOTE_LEN], labels[128], lq[64], e[40] = "";

  log_link(j->id, j->o_bsuid, j->linked);
  snprintf(labels, sizeof(labels), "channel=\"%s\",status=\"%s\"",
           metrics_label(j->channel, lq, sizeof(lq)), o->status);
  metrics_add(s->metrics, "aduan_replies_total",
              "Send attempts by outcome (sent, queued again, failed, dead)",
              labels, 1);
  /* A request that got no answer says why, the same for every channel:
   * a refused connection (the gateway is down) is not a timeout. */
  if (j->neterr != NULL)
    snprintf(e, sizeof(e), " error=%s", j->neterr);
  if (strcmp(o->status, "sent") == 0) {
    if (j->segments > 0)
      log_info("event=outbox.sent id=%lld channel=%s to=%s kind=%s "
               "segments=%d ms=%.0f", (long long)j->id, j->channel,
               j->masked, j->kind, j->segments, j->secs * 1000);
    else
      log_info("event=outbox.sent id=%lld channel=%s to=%s kind=%s ms=%.0f",
               (long long)j->id, j->channel, j->masked, j->kind,
               j->secs * 1000);
  } else if (strcmp(o->status, "failed") == 0) {
    log_warn("event=outbox.failed id=%lld channel=%s%s to=%s status=%ld "
             "reason=%s", (long long)j->id, j->channel, e, j->masked,
             j->http_status, log_quote(o->last_error, q, sizeof(q)));
  } else if (strcmp(o->status, "dead") == 0) {
    log_error("event=outbox.dead id=%lld channel=%s%s to=%s attempts=%d "
              "reason=%s", (long long)j->id, j->channel, e, j->masked,
              o->attempts, log_quote(o->last_error, q, sizeof(q)));
  } else if (o->kind != NULL) {
    log_info("event=outbox.template id=%lld channel=%s reason=%s",
             (long long)j->id, j->channel,
             log_quote(o->last_error, q, sizeof(q)));
  } else {
    log_warn("event=outbox.retry id=%lld channel=%s%s status=%ld "
             "attempt=%d in_ms=%lld reason=%s", (long long)j->id,
             j->channel, e, j->http_status, o->attempts, (long long)j->delay,
             log_quote(o->last_error, q, sizeof(q)));
  }
}

/* Keep j (its request over) until a later poll records its outcome. */
static void
keep_unrecorded(struct job *j)
{
  struct outbox *ob = j->ob;
  struct job **tail;

  provider_request_free(&j->req);
  request_shared_drop(j->shared);
  j->shared = NULL;
  buf_free(&j->answer);
  j->next = NULL;
  for (tail = &ob->unrecorded; *tail != NULL; tail = &(*tail)->next)
    ;
  *tail = j;
  if (!ob->paused)
    uv_timer_start(&ob->timer, on_timer, OUTBOX_FAULT_POLL_MS, 0);
}

/* The batch holding j's outcome is durable (rc 0): the log line states a
 * fact; or it failed, and the outcome waits for another try. */
static void
on_settled(void *arg, int rc)
{
  struct job *j = arg;

  if (rc != 0) {
    log_error("event=outbox.record_failed id=%lld err=%s", (long long)j->id,
              err_name(rc));
    keep_unrecorded(j);
    return;
  }
  log_outcome(j);
  job_free(j);
}

/*
 * Write j's outcome into the open batch; once that batch is durable it is
 * logged and j freed (on_settled).  Returns 0 (j is the commit's now), or
 * the store's error, after which j is still the caller's.
 */
static int
settle(struct job *j)
{
  const struct svc *s = j->ob->ctx;
  int rc;

  rc = store_batch_begin(s->store);
  if (rc == 0)
    rc = store_outbox_set(s->store, j->id, &j->o);
  if (rc == 0 && j->o_bsuid[0] != '\0')
    rc = link_bsuid(s, j->id, j->o_bsuid, &j->linked);
  if (rc == 0)
    rc = commit_after(s->commit, on_settled, j);
  if (rc != 0)
    log_error("event=outbox.record_failed id=%lld err=%s msg=%s",
              (long long)j->id, err_name(rc), store_errmsg(s->store));
  return rc;
}

/*
 * Record what became of j's request, and free j once that is durable;
 * or, when the database refuses, keep j until a later poll records it.
 * Takes j.
 */
static void
record(struct job *j, const struct send_result *res, long status,
       double secs)
{
  decide(j, res, status, secs);
  if (settle(j) != 0)
    keep_unrecorded(j);
}

/*
 * Try again to record the outcomes the database refused, oldest first.
 * Returns 0 once none is left, or the error that stopped it.
 */
static int
record_again(struct outbox *ob)
{
  int rc;

  while (ob->unrecorded != NULL) {
    struct job *j = ob->unrecorded;
    ob->unrecorded = j->next;
    j->next = NULL;
    rc = settle(j);
    if (rc != 0) {
      j->next = ob->unrecorded;
      ob->unrecorded = j;
      return rc;
    }
  }
  return 0;
}

/* ---- Requests -------------------------------------------------------- */

static size_t
on_answer(char *p, size_t size, size_t n, void *arg)
{
  struct job *j = arg;
  size_t len = size * n;

  /* Keep the start of a long answer; the rest is read and dropped. */
  if (j->answer.len < OUTBOX_MAX_ANSWER) {
    size_t room = OUTBOX_MAX_ANSWER - j->answer.len;
    buf_append(&j->answer, p, len < room ? len : room);
  }
  return len;
}

static size_t
on_header(char *p, size_t size, size_t n, void *arg)
{
  struct job *j = arg;

  request_header_value(p, size * n, "Retry-After:", NULL, j->retry_after,
                       sizeof(j->retry_after));
  return size * n;
}

static void
job_free(struct job *j)
{
  provider_request_free(&j->req);
  request_shared_drop(j->shared);
  buf_free(&j->answer);
  free(j->kind);
  free(j->o_provider_id);
  free(j->o_last_error);
  free(j);
}

/* Keep easy, whose transfer ended, for a later send; or clean it up
 * when ob keeps enough (or has no room). */
static void
keep_easy(struct outbox *ob, CURL *easy)
{
  if (ob->nidle >= ob->maxidle) {
    curl_easy_cleanup(easy);
    return;
  }
  if (ob->idle == NULL) {
    ob->idle = calloc((size_t)ob->maxidle, sizeof(*ob->idle));
    if (ob->idle == NULL) {
      curl_easy_cleanup(easy);
      return;
    }
  }
  ob->idle[ob->nidle++] = easy;
}

static void
on_done(CURL *easy, CURLcode result, void *arg)
{
  struct job *j = arg;
  struct outbox *ob = j->ob;
  struct send_result res = {0};
  const struct config_channel *ch;
  const struct provider_ops *ops;
  struct chan *c = chan_get(ob, j->channel);
  long status = 0;
  double secs = 0;

  ob->inflight--;
  if (c != NULL)
    c->inflight--;
  if (result == CURLE_ABORTED_BY_CALLBACK) {
    /* Closing: the row stays "sending" and is queued again at start. */
    curl_easy_cleanup(easy);
    job_free(j);
    return;
  }
  if (result == CURLE_OK)
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &status);
  curl_easy_getinfo(easy, CURLINFO_TOTAL_TIME, &secs);
  j->neterr = request_error_name(easy, result);
  keep_easy(ob, easy);

  ch = config_channel(ob->ctx->cfg, j->channel);
  ops = ch != NULL ? provider_for(ch->type) : NULL;
  if (ops == NULL || ops->classify == NULL) {
    res.outcome = SEND_RETRY;
    res.error = strdup("channel no longer configured");
  } else {
    ops->classify(ch, status, j->retry_after[0] ? j->retry_after : NULL,
                  j->answer.data ? j->answer.data : "", j->answer.len, &res);
    if (result != CURLE_OK && res.error == NULL)
      res.error = strdup(curl_easy_strerror(result));
  }
  record(j, &res, status, secs);
  send_result_free(&res);
  outbox_kick(ob);
}

/* j's request (built by the adapter) as an easy handle, or NULL.  A
 * kept handle and the channel's URL and headers of its last request are
 * used again where they fit. */
static CURL *
job_easy(struct job *j, const struct config *cfg)
{
  struct request_spec spec = {0};
  struct chan *c = chan_get(j->ob, j->channel);
  struct outbox *ob = j->ob;
  CURL *easy;

  spec.method = j->req.method;
  spec.url = j->req.url;
  spec.headers = j->req.headers;
  spec.max_headers = (int)(sizeof(j->req.headers) /
                           sizeof(j->req.headers[0]));
  spec.body = j->req.body.data;
  spec.body_len = j->req.body.len;
  spec.timeout_ms = (long)cfg->outbox.timeout_ms;
  spec.on_body = on_answer;
  spec.on_header = on_header;
  spec.arg = j;
  j->shared = request_shared_for(c != NULL ? c->shared : NULL, &spec);
  if (j->shared == NULL)
    return NULL;
  if (c != NULL && c->shared != j->shared) {
    request_shared_drop(c->shared);
    c->shared = request_shared_ref(j->shared);
  }
  easy = ob->nidle > 0 ? ob->idle[--ob->nidle] : NULL;
  return request_easy_shared(easy, &spec, j->shared);
}

/* Start sending row on ch.  Returns 0, or an error after which the row
 * has been marked failed. */
static int
start(struct outbox *ob, const struct config_channel *ch,
      const struct provider_ops *ops, struct store_outbox_row *row)
{
  const struct svc *s = ob->ctx;
  struct outbound_msg msg = {0};
  const char *params[1];
  struct job *j;
  CURL *easy;
  int rc;
  int64_t now = clock_now(s->clock);

  j = calloc(1, sizeof(*j));
  if (j == NULL)
    return -ENOMEM;
  j->ob = ob;
  j->id = row->id;
  j->attempts = row->attempts;
  j->started = now;
  snprintf(j->channel, sizeof(j->channel), "%s", ch->name);
  log_phone(row->phone != NULL ? row->phone : row->bsuid, j->masked);
  buf_init(&j->answer, 0);

  msg.outbox_id = row->id;
  /* A reporter known only by a BSUID is addressed by it (WhatsApp's
   * "recipient"); a known number keeps going to "to". */
  msg.to = row->phone;
  msg.recipient = row->bsuid;
  msg.text = row->body;
  msg.kind = OUT_TEXT;
  /* Some channels allow free text only for a while after the reporter's
   * last message (WhatsApp: 24 hours); after that only the approved
   * template. */
  if (strcmp(row->kind, "template") == 0 ||
      now > provider_free_form_until(ch, row->last_inbound_at)) {
    msg.kind = OUT_TEMPLATE;
    msg.template_name = ch->template_name;
    msg.template_lang = ch->template_language;
    params[0] = row->body;
    msg.template_params = params;
    msg.ntemplate_params = 1;
  }
  j->kind = strdup(msg.kind == OUT_TEMPLATE ? "template" : "text");
  j->segments = provider_segments(ch, row->body);
  rc = ops->build_send(s->cfg, ch, &msg, &j->req);
  easy = rc == 0 ? job_easy(j, s->cfg) : NULL;
  if (easy == NULL) {
    struct send_result res = {0};
    res.outcome = SEND_FAIL;
    res.error = strdup(rc != 0 ? "cannot render the message" : "no memory");
    record(j, &res, 0, 0);
    send_result_free(&res);
    return rc != 0 ? rc : -ENOMEM;
  }
  rc = curlev_add(ob->cv, easy, on_done, j);
  if (rc != 0) {
    struct send_result res = {0};
    curl_easy_cleanup(easy);
    res.outcome = SEND_RETRY;
    res.error = strdup("cannot start the request");
    record(j, &res, 0, 0);
    send_result_free(&res);
    return rc;
  }
  ob->inflight++;
  return 0;
}

/* ---- Polls ----------------------------------------------------------- */

/* Rows of one channel marked "sending" in the open batch, waiting for it
 * to be durable.  Their tokens and slots are spent already. */
struct claim {
  struct outbox *ob;
  char channel[64];
  struct store_outbox_row *rows;
  int n;
};

/* The claim's batch is durable: send its rows; or it failed and they are
 * still queued, for a later poll. */
static void
on_claimed(void *arg, int rc)
{
  struct claim *cl = arg;
  struct outbox *ob = cl->ob;
  const struct config_channel *ch = config_channel(ob->ctx->cfg,
                                                   cl->channel);
  const struct provider_ops *ops = ch != NULL ? provider_for(ch->type)
                                              : NULL;
  struct chan *c = chan_get(ob, cl->channel);
  int k;

  ob->inflight -= cl->n;
  if (c != NULL)
    c->inflight -= cl->n;
  if (rc == 0 && ob->closing)
    ops = NULL;  /* the rows go after the next start */
  else if (rc == 0 && (ops == NULL || ops->build_send == NULL))
    log_warn("event=outbox.channel_gone channel=%s rows=%d", cl->channel,
             cl->n);  /* still "sending": sent after the next start */
  for (k = 0; rc == 0 && ops != NULL && ops->build_send != NULL &&
              k < cl->n; k++) {
    if (c != NULL)
      c->inflight++;
    if (start(ob, ch, ops, &cl->rows[k]) != 0 && c != NULL)
      c->inflight--;
  }
  if (rc != 0 && !ob->paused)
    uv_timer_start(&ob->timer, on_timer, OUTBOX_FAULT_POLL_MS, 0);
  store_outbox_rows_free(cl->rows, cl->n);
  free(cl);
}

/* Hand rows (taken) of channel c to the commit, spending their tokens
 * and slots now.  Returns 0 or -ENOMEM (rows freed). */
static int
claim(struct outbox *ob, struct chan *c, struct store_outbox_row *rows,
      int n)
{
  struct claim *cl = calloc(1, sizeof(*cl));

  if (cl == NULL || commit_after(ob->ctx->commit, on_claimed, cl) != 0) {
    free(cl);
    store_outbox_rows_free(rows, n);
    return -ENOMEM;
  }
  cl->ob = ob;
  snprintf(cl->channel, sizeof(cl->channel), "%s", c->name);
  cl->rows = rows;
  cl->n = n;
  c->tokens -= n;
  c->inflight += n;
  ob->inflight += n;
  return 0;
}

/* As many idle connections kept as the sending channels may have
 * requests in flight: each send then finds one open, also after a lull,
 * instead of connecting (and, over TLS, shaking hands) again. */
static void
keep_connections(struct outbox *ob, const struct config *cfg)
{
  long n = 0;
  int i;

  for (i = 0; i < cfg->nchannels; i++) {
    const struct provider_ops *ops = provider_for(cfg->channels[i].type);
    if (ops != NULL && ops->build_send != NULL && !ops->inline_replies)
      n += cfg->channels[i].concurrency;
  }
  curlev_keep_connections(ob->cv, n);
  /* The handles kept are counted the same way; a lower count after a
   * reload drops the extra ones as they come back (keep_easy). */
  if (ob->idle == NULL || n <= ob->maxidle)
    ob->maxidle = (int)(n < INT_MAX ? n : INT_MAX);
  while (ob->nidle > ob->maxidle)
    curl_easy_cleanup(ob->idle[--ob->nidle]);
}

static void
poll_now(struct outbox *ob)
{
  const struct svc *s = ob->ctx;
  const struct config *cfg = s->cfg;
  int64_t now = clock_now(s->clock), next = 0, wait = OUTBOX_IDLE_POLL_MS;
  int i, throttled = 0, rc;

  if (ob->paused)
    return;
  /* Outcomes the database refused come first; while it still refuses,
   * nothing new is taken. */
  rc = record_again(ob);
  if (rc != 0) {
    uv_timer_start(&ob->timer, on_timer, OUTBOX_FAULT_POLL_MS, 0);
    return;
  }
  rc = store_outbox_next(s->store, &next);
  log_debug("event=outbox.poll rc=%d next_in_ms=%lld inflight=%d", rc,
            (long long)(rc == 0 ? next - now : -1), ob->inflight);
  if (rc == AERR_NOTFOUND) {
    uv_timer_start(&ob->timer, on_timer, OUTBOX_IDLE_POLL_MS, 0);
    return;
  }
  if (rc == 0 && next > now) {
    wait = next - now;
    uv_timer_start(&ob->timer, on_timer, (uint64_t)wait, 0);
    return;
  }
  keep_connections(ob, cfg);
  for (i = 0; rc == 0 && i < cfg->nchannels; i++) {
    const struct config_channel *ch = &cfg->channels[i];
    const struct provider_ops *ops = provider_for(ch->type);
    struct store_outbox_row *rows = NULL;
    struct chan *c;
    int n = 0, room;

    if (ops == NULL || ops->build_send == NULL || ops->inline_replies)
      continue;
    c = chan_get(ob, ch->name);
    if (c == NULL)
      break;
    chan_refill(c, ch->rate, now);
    room = ch->concurrency - c->inflight;
    if ((int)c->tokens < room)
      room = (int)c->tokens;
    if (room <= 0) {
      throttled = 1;
      continue;
    }
    rc = store_batch_begin(s->store);
    if (rc == 0)
      rc = store_outbox_take(s->store, ch->name, now, room, &rows, &n);
    /* "sending" must be durable before a request goes out (see the top):
     * the requests start once the batch is (on_claimed). */
    if (rc == 0 && n > 0)
      rc = claim(ob, c, rows, n);
    else
      store_outbox_rows_free(rows, n);
    if (n == room)
      throttled = 1;
  }
  if (rc != 0 && rc != AERR_NOTFOUND) {
    log_warn("event=outbox.poll_failed err=%s msg=%s", err_name(rc),
             store_errmsg(s->store));
    wait = OUTBOX_FAULT_POLL_MS;
  } else if (throttled) {
    wait = 100;  /* a token or a slot comes back soon */
  }
  uv_timer_start(&ob->timer, on_timer, (uint64_t)wait, 0);
}

/* ---- Delivery reports ------------------------------------------------ */

int
outbox_delivery(struct outbox *ob, const char *channel,
                const struct status_update *u, const char *req_id)
{
  const struct svc *s = ob->ctx;
  const struct config_channel *ch = config_channel(s->cfg, channel);
  char *kind = NULL, q[LOG_QUOTE_LEN];
  int64_t id = 0, now = clock_now(s->clock);
  int rc;

  rc = store_outbox_delivery(s->store, channel, u->provider_id,
                             delivery_name(u->status), u->error_text, now,
                             &id, &kind);
  if (rc == 0 && u->bsuid[0] != '\0') {
    int linked = 0;
    rc = link_bsuid(s, id, u->bsuid, &linked);
    log_link(id, u->bsuid, linked);
  }
  if (rc == AERR_NOTFOUND) {
    log_info("event=outbox.delivery_unknown req=%s channel=%s status=%s",
             req_id, channel, delivery_name(u->status));
    return 0;
  }
  if (rc != 0) {
    free(kind);
    return rc;
  }
  log_info("event=outbox.delivery req=%s id=%lld channel=%s status=%s%s%s",
           req_id, (long long)id, channel, delivery_name(u->status),
           u->error_code ? " code=" : "", u->error_code ? u->error_code : "");
  /* WhatsApp refuses free text after 24 hours with 131047, reported as a
   * failed delivery: send it again as the approved template. */
  if (u->status == DELIVERY_FAILED && u->error_code != NULL &&
      strcmp(u->error_code, "131047") == 0 && ch != NULL &&
      ch->template_name != NULL && kind != NULL &&
      strcmp(kind, "template") != 0) {
    struct store_outbox_outcome o = {0};
    o.status = "queued";
    o.kind = "template";
    o.attempts = -1;
    o.next_attempt_at = now;
    o.last_error = "131047: re-engagement window closed";
    o.now = now;
    rc = store_outbox_set(s->store, id, &o);
    if (rc == 0) {
      log_info("event=outbox.template id=%lld channel=%s reason=%s",
               (long long)id, channel,
               log_quote(o.last_error, q, sizeof(q)));
      outbox_kick(ob);
    }
  }
  free(kind);
  return rc;
}
