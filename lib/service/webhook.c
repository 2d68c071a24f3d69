/*
 * webhook.c: from an HTTP request to committed work and an answer.
 *
 *   channel -> method -> verify -> parse -> for each message:
 *   reporter, inbound row (a repeat changes nothing), conversation engine,
 *   outbox rows -> wait for the group commit -> 200 (or 503).
 *
 * Everything a request changes happens inside one savepoint of the
 * store's open batch; a store error rolls that savepoint back and answers
 * 503 at once, so the provider retries.  Answers that change nothing
 * (errors) go out at once.  This file decides what happened and
 * writes one log line per event; the layers below only return codes.
 */
#include "service/webhook.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/clock.h"
#include "io/commit.h"
#include "conf/config.h"
#include "engine/conv.h"
#include "base/err.h"
#include <http_parser.h>
#include "base/log.h"
#include "base/metrics.h"
#include "service/outbox.h"
#include "provider/provider.h"
#include "store/store.h"
#include "service/svc.h"

/* Append the inline replies of inbound_id to the answer body. */
static int
add_replies(const struct webhook *s, int64_t inbound_id, struct buf *body,
            int *first)
{
  struct store_strings r = {0};
  int i, rc;

  rc = store_outbox_replies(s->ctx->store, inbound_id, &r);
  for (i = 0; rc == 0 && i < r.n; i++) {
    if (!*first)
      rc = buf_append(body, ",", 1);
    if (rc == 0)
      rc = buf_json_str(body, r.v[i]);
    *first = 0;
  }
  store_strings_free(&r);
  return rc;
}

/* Count a message received, by channel and kind. */
static void
count_received(const struct webhook *s, const struct config_channel *ch,
               const struct inbound_msg *m)
{
  char labels[128], q[64];

  snprintf(labels, sizeof(labels), "channel=\"%s\",kind=\"%s\"",
           metrics_label(ch->name, q, sizeof(q)), msg_kind_name(m->kind));
  metrics_add(s->ctx->metrics, "aduan_messages_received_total",
              "Messages received from reporters", labels, 1);
}

/* Who sent m, for a log line: the number, else the BSUID (masked alike
 * by log_phone). */
static const char *
sender(const struct inbound_msg *m)
{
  return m->phone[0] != '\0' ? m->phone : m->bsuid;
}

/* Find or create m's reporter (by number, BSUID or both: SPEC 2) into
 * *reporter, and log when its identifiers were linked or disagree. */
static int
identify(const struct webhook *s, const struct httpd_request *req,
         const struct config_channel *ch, const struct inbound_msg *m,
         int64_t now, int64_t *reporter)
{
  enum store_id_how how = STORE_ID_FOUND;
  char mp[LOG_PHONE_LEN], mb[LOG_PHONE_LEN];
  int rc;

  rc = store_reporter_identify(s->ctx->store, m->phone, m->bsuid, now,
                               reporter, &how);
  if (rc == AERR_DUP) {
    /* Both identifiers are known, held by two reporters that another
     * path linked meanwhile: the number's reporter takes the message. */
    how = STORE_ID_CONFLICT;
    rc = store_reporter_identify(s->ctx->store, m->phone, NULL, now,
                                 reporter, NULL);
  }
  if (rc != 0)
    return rc;
  if (how == STORE_ID_LINKED)
    log_info("event=reporter.linked req=%s channel=%s reporter=%lld "
             "phone=%s bsuid=%s", req->id, ch->name, (long long)*reporter,
             log_phone(m->phone, mp), log_phone(m->bsuid, mb));
  else if (how == STORE_ID_CONFLICT)
    log_warn("event=reporter.link_conflict req=%s channel=%s reporter=%lld "
             "phone=%s bsuid=%s", req->id, ch->name, (long long)*reporter,
             log_phone(m->phone, mp), log_phone(m->bsuid, mb));
  return 0;
}

/*
 * Store one message and run the engine on it.  Returns 0 or a store
 * error.  A message seen before is acknowledged without any change.
 */
static int
handle_message(const struct webhook *s, struct httpd_request *req,
               const struct config_channel *ch,
               const struct provider_ops *ops, const struct inbound_set *set,
               const struct inbound_msg *m, struct buf *body, int *first)
{
  struct store_inbound in = {0};
  struct conv_event ev = {0};
  int64_t reporter = 0, inbound = 0, now = clock_now(s->ctx->clock);
  char masked[LOG_PHONE_LEN], tbuf[LOG_QUOTE_LEN];
  int rc, limit, count = 0;

  /* A repeat is recognised first: it must not leave a reporter row for
   * whatever sender it names this time. */
  rc = store_inbound_find(s->ctx->store, ch->name, m->provider_id, &inbound);
  if (rc == 0)
    rc = AERR_DUP;
  else if (rc == AERR_NOTFOUND)
    rc = identify(s, req, ch, m, now, &reporter);
  if (rc != 0 && rc != AERR_DUP)
    return rc;
  in.channel = ch->name;
  in.provider_id = m->provider_id;
  in.reporter_id = reporter;
  in.kind = msg_kind_name(m->kind);
  in.body = m->text;
  in.payload = set->payload != NULL ? set->payload : req->body.data;
  in.payload_len = set->payload != NULL ? set->payload_len : req->body.len;
  in.received_at = now;
  if (rc == 0)
    rc = store_inbound_add(s->ctx->store, &in, &inbound);
  if (rc == AERR_DUP) {
    log_info("event=message.duplicate req=%s channel=%s from=%s",
             req->id, ch->name, log_phone(sender(m), masked));
    return ops->inline_replies ? add_replies(s, inbound, body, first) : 0;
  }
  if (rc != 0)
    return rc;
  log_info("event=message.received req=%s channel=%s from=%s kind=%s",
           req->id, ch->name, log_phone(sender(m), masked),
           msg_kind_name(m->kind));
  count_received(s, ch, m);
  log_debug("event=message.text req=%s text=%s", req->id,
            log_text(m->text, tbuf));

  ev.msg = m;
  ev.channel = ch->name;
  ev.family = ops->family_of != NULL ? ops->family_of(m) : ops->family;
  ev.inline_replies = ops->inline_replies;
  ev.reporter_id = reporter;
  ev.inbound_id = inbound;
  ev.now_ms = now;
  ev.metrics = s->ctx->metrics;
  limit = s->ctx->cfg->limits.messages_per_minute;
  if (limit > 0) {
    /* Over the flood limit the message is kept (nothing is lost) but not
     * answered, except by one notice when the limit is first passed. */
    rc = store_inbound_count_since(s->ctx->store, reporter, now - 60000,
                                   &count);
    if (rc != 0)
      return rc;
    if (count > limit) {
      log_info("event=report.rejected req=%s channel=%s from=%s "
               "reason=flood count=%d", req->id, ch->name,
               log_phone(sender(m), masked), count);
      metrics_add(s->ctx->metrics, "aduan_rejections_total",
                  "Answers and reports turned away, by reason",
                  "reason=\"flood\"", 1);
      if (count == limit + 1)
        rc = conv_notice(s->conv, s->ctx->store, &ev, "flood");
      if (rc == 0 && ops->inline_replies)
        rc = add_replies(s, inbound, body, first);
      return rc;
    }
  }
  rc = conv_handle(s->conv, s->ctx->store, &ev);
  if (rc != 0)
    return rc;
  return ops->inline_replies ? add_replies(s, inbound, body, first) : 0;
}

/*
 * A reporter's number or BSUID changed (WhatsApp's user_changed_number):
 * the reporter known by the old identifiers takes the new ones, so their
 * tickets stay theirs.  Returns 0 or a store error; a change for nobody we
 * know, or to an identifier another reporter holds, is logged and
 * changes nothing.
 */
static int
handle_change(const struct webhook *s, const struct httpd_request *req,
              const struct config_channel *ch, const struct id_change *c)
{
  char op[LOG_PHONE_LEN], np[LOG_PHONE_LEN], nb[LOG_PHONE_LEN];
  int64_t reporter = 0;
  int rc;

  rc = store_reporter_renumber(s->ctx->store, c->old_phone, c->old_bsuid,
                               c->new_phone, c->new_bsuid, &reporter);
  log_phone(c->old_phone[0] != '\0' ? c->old_phone : c->old_bsuid, op);
  log_phone(c->new_phone, np);
  log_phone(c->new_bsuid, nb);
  if (rc == AERR_NOTFOUND || rc == AERR_DUP) {
    log_info("event=reporter.renumber_skipped req=%s channel=%s from=%s "
             "to=%s bsuid=%s reason=%s", req->id, ch->name, op, np, nb,
             rc == AERR_DUP ? "taken" : "unknown");
    return 0;
  }
  if (rc != 0)
    return rc;
  log_info("event=reporter.renumbered req=%s channel=%s reporter=%lld "
           "from=%s to=%s bsuid=%s", req->id, ch->name, (long long)reporter,
           op, np, nb);
  return 0;
}

static void
answer_unavailable(struct httpd_request *req, int rc)
{
  log_warn("event=store.unavailable req=%s err=%s", req->id, err_name(rc));
  httpd_respond_error(req, 503, "temporarily unavailable, retry later");
}

/* Items of a signed webhook that the adapter could not take: the body is
 * still acknowledged (SPEC 2), and they are logged and counted here. */
static void
log_ignored(const struct webhook *s, const struct httpd_request *req,
            const struct config_channel *ch, const struct inbound_set *set)
{
  char q[LOG_QUOTE_LEN], labels[96], name[64];

  log_warn("event=webhook.ignored req=%s channel=%s count=%d reason=%s",
           req->id, ch->name, set->skipped,
           log_quote(set->skip_why != NULL ? set->skip_why : "?", q,
                     sizeof(q)));
  snprintf(labels, sizeof(labels), "channel=\"%s\"",
           metrics_label(ch->name, name, sizeof(name)));
  metrics_add(s->ctx->metrics, "aduan_webhook_items_ignored_total",
              "Items of signed webhooks acknowledged but not taken",
              labels, set->skipped);
}

/* One request's messages and delivery reports, for its savepoint. */
struct intake {
  const struct webhook *s;
  struct httpd_request *req;
  const struct config_channel *ch;
  const struct provider_ops *ops;
  const struct inbound_set *set;
  struct buf *body;               /* the inline replies go here */
  int first;
};

static int
intake_step(struct store *st, void *arg)
{
  struct intake *in = arg;
  const struct inbound_set *set = in->set;
  int i, rc = 0;

  (void)st;  /* the handlers reach it through in->s */
  for (i = 0; rc == 0 && i < set->n; i++)
    rc = handle_message(in->s, in->req, in->ch, in->ops, set, &set->msgs[i],
                        in->body, &in->first);
  for (i = 0; rc == 0 && i < set->nstatuses; i++)
    rc = outbox_delivery(in->s->outbox, in->ch->name, &set->statuses[i],
                         in->req->id);
  for (i = 0; rc == 0 && i < set->nchanges; i++)
    rc = handle_change(in->s, in->req, in->ch, &set->changes[i]);
  return rc;
}

/* The answer to a request whose work is stored: the inline replies
 * already in w's body, else the provider's own form of "received"
 * (TwiML, plain text) or JSON; and what the commit is to wake. */
static void
set_answer(struct commit_wait *w, const struct provider_ops *ops,
           const struct inbound_set *set)
{
  int i;

  if (!ops->inline_replies) {
    buf_reset(&w->body);
    w->ctype = set->ack_type != NULL ? set->ack_type : "application/json";
    buf_puts(&w->body, set->ack_body != NULL ? set->ack_body
                                             : "{\"status\":\"ok\"}");
  }
  if (!ops->inline_replies && set->n > 0)
    w->flags |= COMMIT_QUEUED;
  for (i = 0; i < set->n; i++)
    if (set->msgs[i].kind == MSG_MEDIA)
      w->flags |= COMMIT_MEDIA;
}

/*
 * Store what a verified request brought, in one savepoint of the open
 * batch, and queue its answer for after the group commit (which the
 * loop's prepare handle runs before it next blocks); when the store
 * refuses, answer 503 at once.  Frees set.
 */
static void
take_set(const struct webhook *s, struct httpd_request *req,
         const struct config_channel *ch, const struct provider_ops *ops,
         struct inbound_set *set)
{
  struct intake in = {s, req, ch, ops, set, NULL, 1};
  struct commit_wait *w = commit_wait_new(req);
  int rc;

  if (w == NULL) {
    inbound_set_free(set);
    httpd_respond_error(req, 503, "out of memory");
    return;
  }
  in.body = &w->body;
  rc = buf_puts(&w->body, "{\"replies\":[");
  if (rc == 0)
    rc = store_sp_run(s->ctx->store, intake_step, &in);
  if (rc == 0)
    rc = buf_puts(&w->body, "]}");
  if (rc != 0) {
    inbound_set_free(set);
    commit_wait_free(w);
    answer_unavailable(req, rc);
    return;
  }
  set_answer(w, ops, set);
  inbound_set_free(set);
  commit_queue(s->ctx->commit, w);
}

void
webhook_intake(const struct webhook *s, struct httpd_request *req,
               const char *name)
{
  const struct config_channel *ch = config_channel(s->ctx->cfg, name);
  const struct provider_ops *ops;
  struct inbound_set set = {0};
  const char *why = "malformed request";
  int rc;
  char qname[LOG_QUOTE_LEN];

  if (ch == NULL) {
    log_info("event=webhook.unknown_channel req=%s channel=%s", req->id,
             log_quote(name, qname, sizeof(qname)));
    httpd_respond_error(req, 404, "unknown channel");
    return;
  }
  ops = provider_for(ch->type);
  if (ops == NULL) {
    log_warn("event=webhook.unsupported req=%s channel=%s type=%s", req->id,
             ch->name, channel_type_name(ch->type));
    httpd_respond_error(req, 404, "channel type not available");
    return;
  }
  if (req->method == HTTP_GET && ops->handshake != NULL) {
    char *body = NULL;
    int status = ops->handshake(ch, req, &body);
    log_info("event=webhook.handshake req=%s channel=%s status=%d", req->id,
             ch->name, status);
    httpd_respond(req, status, status == 200 ? "text/plain" :
                  "application/json", NULL, body, body ? strlen(body) : 0);
    free(body);
    return;
  }
  if (!provider_takes_method(ops, req->method)) {
    httpd_respond(req, 405, "application/json", "Allow: POST\r\n",
                  "{\"error\":\"method not allowed\"}", 30);
    return;
  }
  if (ops->verify(s->ctx->cfg, ch, req) != 0) {
    log_warn("event=webhook.unauthorized req=%s channel=%s", req->id,
             ch->name);
    httpd_respond_error(req, 401, "bad signature or token");
    return;
  }
  rc = ops->parse(ch, req, &set, &why);
  if (rc != 0) {
    inbound_set_free(&set);
    log_info("event=webhook.bad_request req=%s channel=%s reason=%s",
             req->id, ch->name, log_quote(why, qname, sizeof(qname)));
    httpd_respond_error(req, rc == -ENOMEM ? 503 : 400, why);
    return;
  }
  if (set.skipped > 0)
    log_ignored(s, req, ch, &set);

  take_set(s, req, ch, ops, &set);
}
