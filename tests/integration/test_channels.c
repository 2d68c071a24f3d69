/*
 * test_channels.c: the three real channel types through the daemon, with
 * the fake provider behind them: complete conversations with correct
 * signatures, refused signatures, the WhatsApp handshake, retries after
 * 500 and 429, permanent failures, stalls, a SIGKILL with replies unsent,
 * delivery reports, the rate limit, evidence, and UCS-2 to Kannel.
 */
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/form.h"
#include "ops/ctl_client.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_sign.h"

#define WA_SECRET "wa-app-secret-test"
#define TW_TOKEN "twilio-token-test"
#define KS_SECRET "kannel-secret-test"

static struct fakeprov *fp;
static struct tu_daemon d;

/* Start the fake provider and a daemon with all three channels on it,
 * sending to port (0: the fake provider's), with outbox as the lines of
 * [outbox]. */
static void
start_outbox(const char *outbox, int port)
{
  struct buf conf = BUF_INIT;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  if (port == 0)
    port = fakeprov_port(fp);
  buf_printf(&conf,
             "[outbox]\n%s\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " WA_SECRET
             "\nverify_token = verify-me\naccess_token = wa-access\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\n"
             "media_hosts = 127.0.0.1\n"
             "[channel.tw]\ntype = twilio\naccount_sid = AC123\n"
             "auth_token = " TW_TOKEN "\nfrom = +14155550123\n"
             "api_base = http://127.0.0.1:%d\n"
             "[channel.ks]\ntype = kannel\nsecret = " KS_SECRET "\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = pw\nfrom = 1708\n",
             outbox, port, port, port);
  ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
  buf_free(&conf);
}

/* The same, with short backoffs and more (default: a timeout of 1 s
 * scaled by CK_TIMEOUT_MULTIPLIER) as further lines of [outbox].  The
 * timeout is how long the daemon waits for the fake provider's answer:
 * one that fires because the run is slow (ASan, a busy machine) sends a
 * reply twice and moves every later request of the fake by one. */
static void
start_on(const char *more, int port)
{
  struct buf o = BUF_INIT;

  if (more != NULL)
    buf_printf(&o, "backoff_base = 100ms\nbackoff_max = 400ms\n%s", more);
  else
    buf_printf(&o, "backoff_base = 100ms\nbackoff_max = 400ms\n"
               "timeout = %dms", tu_scaled_ms(1000));
  start_outbox(o.data, port);
  buf_free(&o);
}

static void
start(const char *more)
{
  start_on(more, 0);
}

static void
stop(void)
{
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}

/* ---- Posting as each provider -------------------------------------- */

static int
wa_post_raw(const char *body, const char *sig)
{
  struct tu_resp r;
  struct buf h = BUF_INIT;
  int status;

  buf_printf(&h, "Content-Type: application/json\r\n");
  if (sig != NULL)
    buf_printf(&h, "X-Hub-Signature-256: %s\r\n", sig);
  if (tu_http_ex(d.port, "POST", "/webhook/wa", h.data, body, strlen(body),
                 &r) != 0)
    return -1;
  status = r.status;
  tu_resp_free(&r);
  buf_free(&h);
  return status;
}

/* A WhatsApp text message from digits (no '+'), signed. */
static int
wa_say(const char *from, const char *id, const char *text)
{
  struct buf b = BUF_INIT;
  char *sig;
  int status;

  tu_wa_text_body(&b, from, id, text);
  sig = tu_whatsapp_signature(b.data, b.len, WA_SECRET);
  status = wa_post_raw(b.data, sig);
  free(sig);
  buf_free(&b);
  return status;
}

static int
tw_post(const char *form, const char *token)
{
  struct tu_resp r;
  struct buf h = BUF_INIT;
  char *sig = tu_twilio_signature("http://127.0.0.1/webhook/tw", form, token);
  int status;

  buf_printf(&h, "Content-Type: application/x-www-form-urlencoded\r\n"
             "X-Twilio-Signature: %s\r\n", sig);
  if (tu_http_ex(d.port, "POST", "/webhook/tw", h.data, form, strlen(form),
                 &r) != 0)
    status = -1;
  else
    status = r.status;
  if (status > 0) {
    /* Twilio is answered in TwiML. */
    if (status == 200)
      ck_assert_ptr_nonnull(strstr(r.head, "text/xml"));
    tu_resp_free(&r);
  }
  free(sig);
  buf_free(&h);
  return status;
}

/*
 * End the Twilio inbound form begun in f (its leading fields) with the
 * fields every inbound message carries: status, body text, the numbers,
 * message sid, account and API version.  Post it signed, free f and
 * return the status.
 */
static int
tw_post_message(struct buf *f, const char *from, const char *sid,
                const char *text)
{
  int status;

  buf_puts(f, "&SmsStatus=received&Body=");
  tu_form_enc(f, text);
  buf_puts(f, "&To=%2B14155550123&MessageSid=");
  buf_puts(f, sid);
  buf_puts(f, "&AccountSid=AC123&From=");
  tu_form_enc(f, from);
  buf_puts(f, "&ApiVersion=2010-04-01");
  status = tw_post(f->data, TW_TOKEN);
  buf_free(f);
  return status;
}

/* An SMS through Twilio from an E.164 number. */
static int
tw_say(const char *from, const char *sid, const char *text)
{
  struct buf f = BUF_INIT;

  buf_puts(&f, "ToCountry=US&SmsMessageSid=");
  buf_puts(&f, sid);
  buf_puts(&f, "&NumMedia=0&SmsSid=");
  buf_puts(&f, sid);
  return tw_post_message(&f, from, sid, text);
}

/* An MMS through Twilio carrying one image at media_url. */
static int
tw_say_image(const char *from, const char *sid, const char *media_url)
{
  struct buf f = BUF_INIT;

  buf_puts(&f, "NumMedia=1&MediaContentType0=image%2Fjpeg&MediaUrl0=");
  tu_form_enc(&f, media_url);
  return tw_post_message(&f, from, sid, "");
}

/* An SMS through Kannel's get-url. */
static int
ks_say(const char *secret, const char *from, const char *id,
       const char *text)
{
  struct buf t = BUF_INIT;
  struct tu_resp r;
  int status;

  buf_puts(&t, "/webhook/ks?secret=");
  tu_form_enc(&t, secret);
  buf_puts(&t, "&sender=");
  tu_form_enc(&t, from);
  buf_puts(&t, "&receiver=1708&text=");
  tu_form_enc(&t, text);
  buf_puts(&t, "&id=");
  tu_form_enc(&t, id);
  buf_puts(&t, "&ts=1773108904&coding=0&charset=UTF-8");
  if (tu_http_ex(d.port, "GET", t.data, NULL, NULL, 0, &r) != 0)
    status = -1;
  else
    status = r.status;
  if (status > 0)
    tu_resp_free(&r);
  buf_free(&t);
  return status;
}

/* The happy path's answers (as in test_conv.c). */
static const char *const story[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas PMPTSP", "Ende",
  "kemarin", ("Petugas loket meminta uang dua ratus ribu rupiah agar izin "
              "usaha saya cepat diproses tanpa kuitansi"),
  "LANJUT", "LEWATI", "3",
  "KIRIM",
};
#define NSTORY ((int)(sizeof(story) / sizeof(story[0])))

/* Request i of the fake provider, checked to exist. */
static void
req_at(int i, struct fp_request *rq)
{
  ck_assert_int_eq(fakeprov_wait(fp, i + 1, 10000), 0);
  ck_assert_int_eq(fakeprov_request(fp, i, rq), 0);
}

START_TEST(whatsapp_conversation)
{
  struct fp_request rq;
  char id[32];
  int i;

  start(NULL);
  for (i = 0; i < NSTORY; i++) {
    snprintf(id, sizeof(id), "wamid.in%d", i);
    ck_assert_int_eq(wa_say("6281234567890", id, story[i]), 200);
    /* Each message is answered by one reply through the Graph API. */
    ck_assert_int_eq(fakeprov_wait(fp, i + 1, 10000), 0);
  }
  req_at(0, &rq);
  ck_assert_str_eq(rq.method, "POST");
  ck_assert_str_eq(rq.path, "/v21.0/112233445566778/messages");
  ck_assert_str_eq(rq.authorization, "Bearer wa-access");
  ck_assert_ptr_nonnull(strstr(rq.body, "\"to\":\"6281234567890\""));
  ck_assert_ptr_nonnull(strstr(rq.body, "\"type\":\"text\""));
  fp_request_free(&rq);
  req_at(NSTORY - 1, &rq);
  ck_assert_ptr_nonnull(strstr(rq.body, "NTT-20"));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "channel = 'wa'"), 1);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 10000), 0);
  stop();
}
END_TEST

START_TEST(twilio_conversation_uses_sms_texts)
{
  struct fp_request rq;
  char sid[40];
  int i;

  start(NULL);
  for (i = 0; i < NSTORY; i++) {
    snprintf(sid, sizeof(sid), "SM%032d", i);
    ck_assert_int_eq(tw_say("+6281234567890", sid, story[i]), 200);
    ck_assert_int_eq(fakeprov_wait(fp, i + 1, 10000), 0);
  }
  req_at(0, &rq);
  ck_assert_str_eq(rq.path, "/2010-04-01/Accounts/AC123/Messages.json");
  /* Basic base64("AC123:twilio-token-test") */
  ck_assert_str_eq(rq.authorization,
                   "Basic QUMxMjM6dHdpbGlvLXRva2VuLXRlc3Q=");
  ck_assert_ptr_nonnull(strstr(rq.body, "To=%2B6281234567890"));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "channel = 'tw'"), 1);
  /* SMS channels log the segments each reply used. */
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "channel=tw to=+62812****7890 "
                                      "kind=text segments=", 10000), 0);
  stop();
}
END_TEST

START_TEST(kannel_conversation)
{
  struct fp_request rq;
  char id[40];
  int i;

  start(NULL);
  fakeprov_default(fp, 202, "0: Accepted for delivery");
  for (i = 0; i < NSTORY; i++) {
    snprintf(id, sizeof(id), "5c1d2e3f-0000-4c6d-8e7f-%012d", i);
    ck_assert_int_eq(ks_say(KS_SECRET, "+6281234567890", id, story[i]), 200);
    ck_assert_int_eq(fakeprov_wait(fp, i + 1, 10000), 0);
  }
  req_at(0, &rq);
  ck_assert_str_eq(rq.method, "GET");
  ck_assert_str_eq(rq.path, "/cgi-bin/sendsms");
  ck_assert_ptr_nonnull(strstr(rq.query, "username=aduan"));
  ck_assert_ptr_nonnull(strstr(rq.query, "coding=0"));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "channel = 'ks'"), 1);
  stop();
}
END_TEST

/* A message Kannel delivers by GET has no body: its audit copy is the
 * query as received, without the secret. */
START_TEST(kannel_get_keeps_query_as_payload)
{
  char *payload;

  start(NULL);
  fakeprov_default(fp, 202, "0: Accepted for delivery");
  ck_assert_int_eq(ks_say(KS_SECRET, "+6281234567890", "ks-audit-1", "Halo"),
                   200);
  payload = tu_db_text(&d, "SELECT payload FROM inbound "
                           "WHERE channel = 'ks'");
  ck_assert_ptr_nonnull(payload);
  ck_assert_str_eq(payload, "sender=%2B6281234567890&receiver=1708&text=Halo"
                            "&id=ks-audit-1&ts=1773108904&coding=0"
                            "&charset=UTF-8");
  ck_assert_ptr_null(strstr(payload, KS_SECRET));
  free(payload);
  stop();
}
END_TEST

/* SPEC 2: a signed webhook whose content cannot be taken (no usable
 * sender: an operator's promotion, an empty WhatsApp sender) is
 * acknowledged, logged as webhook.ignored and counted, not refused, so
 * the provider does not retry it for days. */
START_TEST(unusable_content_is_acknowledged_and_logged)
{
  struct tu_resp r;

  start("timeout = 1s\n[admin]\nmetrics_public = yes");
  ck_assert_int_eq(wa_say("", "wamid.ign-1", "halo"), 200);
  ck_assert_int_eq(tw_post("Body=promo&From=Telkomsel&MessageSid=SMign1"
                           "&NumMedia=0", TW_TOKEN), 200);
  ck_assert_int_eq(ks_say(KS_SECRET, "TELKOMSEL", "ks-ign-1", "promo"), 200);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox"), 0);
  ck_assert(tu_daemon_log_has(&d, "event=webhook.ignored"));
  ck_assert(tu_daemon_log_has(&d, "channel=ks count=1 "
                                  "reason=\"sender is not a phone number\""));
  ck_assert_int_eq(tu_http(d.port, "GET", "/metrics", NULL, NULL, &r), 0);
  ck_assert_ptr_nonnull(strstr(r.body,
    "aduan_webhook_items_ignored_total{channel=\"tw\"} 1"));
  tu_resp_free(&r);
  stop();
}
END_TEST

START_TEST(wrong_signatures_are_refused)
{
  char *sig;

  start(NULL);
  /* WhatsApp: another secret, no header. */
  sig = tu_whatsapp_signature("{}", 2, "not-the-secret");
  ck_assert_int_eq(wa_post_raw("{}", sig), 401);
  ck_assert_int_eq(wa_post_raw("{}", NULL), 401);
  free(sig);
  /* Twilio: signed with another token. */
  ck_assert_int_eq(tw_post("Body=halo&From=%2B6281234567890&MessageSid=SMx"
                           "&NumMedia=0", "wrong-token"), 401);
  /* Kannel: a wrong secret. */
  ck_assert_int_eq(ks_say("guess", "+6281234567890", "k-1", "halo"), 401);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox"), 0);
  ck_assert(tu_daemon_log_has(&d, "event=webhook.unauthorized"));
  /* The secrets never reach the log. */
  ck_assert(!tu_daemon_log_now(&d, WA_SECRET));
  ck_assert(!tu_daemon_log_now(&d, TW_TOKEN));
  ck_assert(!tu_daemon_log_now(&d, KS_SECRET));
  stop();
}
END_TEST

START_TEST(whatsapp_handshake)
{
  struct tu_resp r;

  start(NULL);
  ck_assert_int_eq(tu_http(d.port, "GET", "/webhook/wa?hub.mode=subscribe&"
                           "hub.challenge=1158201444&hub.verify_token="
                           "verify-me", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_str_eq(r.body, "1158201444");
  tu_resp_free(&r);
  ck_assert_int_eq(tu_http(d.port, "GET", "/webhook/wa?hub.mode=subscribe&"
                           "hub.challenge=1158201444&hub.verify_token=guess",
                           NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 403);
  ck_assert_ptr_null(strstr(r.body, "1158201444"));
  tu_resp_free(&r);
  stop();
}
END_TEST

START_TEST(retries_after_500_and_429)
{
  const char *p;
  long in_ms;

  start(NULL);
  fakeprov_script(fp, 1, 500, NULL, "{\"error\":{\"code\":1}}");
  fakeprov_script(fp, 1, 429, "Retry-After: 1\r\n", "{}");
  ck_assert_int_eq(wa_say("6281234567890", "wamid.r1", "Halo"), 200);
  ck_assert_int_eq(fakeprov_wait(fp, 3, 15000), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 10000), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT attempts FROM outbox WHERE "
                                 "status = 'sent'"), 3);
  /* The 429's Retry-After set the wait: one second at least. */
  ck_assert(tu_daemon_log_has(&d, "status=429 attempt=2 in_ms="));
  /* d.log moves as the reader thread appends: read it under its lock. */
  pthread_mutex_lock(&d.mu);
  p = strstr(d.log, "status=429 attempt=2 in_ms=");
  in_ms = strtol(p + strlen("status=429 attempt=2 in_ms="), NULL, 10);
  pthread_mutex_unlock(&d.mu);
  ck_assert_int_ge(in_ms, 1000);
  ck_assert(tu_daemon_log_has(&d, "status=500 attempt=1"));
  stop();
}
END_TEST

START_TEST(client_error_fails_without_retry)
{
  start(NULL);
  fakeprov_default(fp, 400, "{\"error\":{\"message\":\"Invalid parameter\","
                   "\"code\":100}}");
  ck_assert_int_eq(wa_say("6281234567890", "wamid.f1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.failed", 10000),
                   0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE status = "
                                 "'failed' AND attempts = 1 AND last_error "
                                 "LIKE '100:%'"), 1);
  ck_assert_int_eq(fakeprov_count(fp), 1);
  stop();
}
END_TEST

START_TEST(dead_after_max_attempts)
{
  start("timeout = 1s\nmax_attempts = 2");
  fakeprov_default(fp, 503, "{}");
  ck_assert_int_eq(wa_say("6281234567890", "wamid.d1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.dead", 15000), 0);
  ck_assert_int_eq(fakeprov_count(fp), 2);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE status = "
                                 "'dead' AND attempts = 2"), 1);
  stop();
}
END_TEST

START_TEST(stalled_provider_times_out_and_is_retried)
{
  start(NULL);
  fakeprov_stall(fp, 1);
  ck_assert_int_eq(wa_say("6281234567890", "wamid.s1", "Halo"), 200);
  /* [outbox] timeout is 1 s (scaled): the first request is given up, a
   * second comes. */
  ck_assert_int_eq(fakeprov_wait(fp, 2, 15000), 0);
  ck_assert(tu_daemon_log_has(&d, "event=outbox.retry"));
  fakeprov_stall(fp, 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 15000), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE status = "
                                 "'sent'"), 1);
  stop();
}
END_TEST

START_TEST(sigkill_with_replies_unsent_resends_after_restart)
{
  int status;

  start("timeout = 30s");
  fakeprov_stall(fp, 1);
  ck_assert_int_eq(wa_say("6281234567890", "wamid.k1", "Halo"), 200);
  ck_assert_int_eq(fakeprov_wait(fp, 1, 10000), 0);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGKILL), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 10000, &status), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE status = "
                                 "'sending'"), 1);
  fakeprov_stall(fp, 0);
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.resumed rows=1",
                                      10000), 0);
  ck_assert_int_eq(fakeprov_wait(fp, 2, 10000), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 10000), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE status = "
                                 "'sent'"), 1);
  stop();
}
END_TEST

/* One message on each of the three channels, each from its own number,
 * so that each channel has one reply to send. */
static void
say_on_each_channel(void)
{
  ck_assert_int_eq(wa_say("6281234567890", "wamid.n1", "Halo"), 200);
  ck_assert_int_eq(tw_say("+6281234567891",
                          "SM00000000000000000000000000000091", "Halo"),
                   200);
  ck_assert_int_eq(ks_say(KS_SECRET, "+6281234567892", "ks-n1", "Halo"),
                   200);
}

/* Wait for each channel's first retry line to name the failure err. */
static void
wait_send_error(const char *err)
{
  static const char *const chans[] = {"wa", "tw", "ks"};
  char needle[96];
  size_t i;

  for (i = 0; i < sizeof(chans) / sizeof(chans[0]); i++) {
    snprintf(needle, sizeof(needle), "channel=%s error=%s status=0 "
             "attempt=1", chans[i], err);
    ck_assert_msg(tu_daemon_wait_log(&d, 0, needle, 15000) == 0,
                  "no retry line with %s", needle);
  }
}

/* A provider that refuses the connection (nothing listens: Kannel's
 * smsbox down) is logged as such by every channel, not as a timeout. */
START_TEST(refused_connection_is_told_apart)
{
  int fd, port = tu_reserve_port(&fd);

  ck_assert_int_gt(port, 0);
  start_on("timeout = 5s", port);
  say_on_each_channel();
  wait_send_error("connect_refused");
  ck_assert(!tu_daemon_log_now(&d, "error=timeout"));
  stop();
  close(fd);
}
END_TEST

/* A provider that takes the request and never answers is a timeout, for
 * every channel. */
START_TEST(timeout_is_told_apart)
{
  start(NULL);
  fakeprov_stall(fp, 1);
  say_on_each_channel();
  wait_send_error("timeout");
  ck_assert(!tu_daemon_log_now(&d, "error=connect_refused"));
  stop();
}
END_TEST

/* An SMS through Kannel with the channel's secret. */
static int
ks_say_signed(const char *from, const char *id, const char *text)
{
  return ks_say(KS_SECRET, from, id, text);
}

/* Where request rq went and what it carried, as one string. */
static char *
req_text(const struct fp_request *rq)
{
  struct buf b = BUF_INIT;

  buf_printf(&b, "%s?%s\n%s", rq->path, rq->query, rq->body);
  return buf_steal(&b);
}

/*
 * Number a's first reply is refused once with status (and extra headers),
 * so it waits for its retry (backoff 2 to 4 s).  Meanwhile a writes again
 * and number b writes: b's reply leaves at once, not held behind a's;
 * a's second reply leaves only after its first got through.  say posts a
 * message from a number as the channel's provider would (a and b as that
 * provider writes them); num_a and num_b are how the numbers appear in
 * the requests to the provider.
 */
static void
order_across_retry(int (*say)(const char *, const char *, const char *),
                   const char *a, const char *b, const char *num_a,
                   const char *num_b, int status, const char *headers)
{
  char *t[4];
  int i, n;

  start_outbox("backoff_base = 4s\nbackoff_max = 4s\ntimeout = 5s", 0);
  fakeprov_script(fp, 1, status, headers, "Sending failed.");
  ck_assert_int_eq(say(a, "ord-a1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.retry", 10000),
                   0);
  ck_assert_int_eq(say(a, "ord-a2", "3"), 200);
  ck_assert_int_eq(say(b, "ord-b1", "Halo"), 200);
  ck_assert_int_eq(fakeprov_wait(fp, 4, 20000), 0);
  /* Rows 1 and 2 are a's, 3 is b's. */
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent id=2 ",
                                      10000), 0);
  n = fakeprov_count(fp);
  ck_assert_int_eq(n, 4);
  for (i = 0; i < n; i++) {
    struct fp_request rq;
    req_at(i, &rq);
    t[i] = req_text(&rq);
    fp_request_free(&rq);
  }
  /* a's first (refused), b's reply while a's first waits, a's first
   * again, then a's second. */
  ck_assert_ptr_nonnull(strstr(t[0], num_a));
  ck_assert_msg(strstr(t[1], num_b) != NULL, "held behind another number's "
                "retry: %s", t[1]);
  ck_assert_msg(strcmp(t[2], t[0]) == 0, "a's newer reply overtook its "
                "retried one: %s", t[2]);
  ck_assert_ptr_nonnull(strstr(t[3], num_a));
  ck_assert_str_ne(t[3], t[0]);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "status = 'sent'"), 3);
  for (i = 0; i < n; i++)
    free(t[i]);
  stop();
}

/* Kannel answers 500 ("Sending failed.") once: the retried reply still
 * goes before the newer one to the same number. */
START_TEST(kannel_order_kept_across_retry)
{
  order_across_retry(ks_say_signed, "+6281234567890", "+6281234567899",
                     "to=%2B6281234567890", "to=%2B6281234567899", 500,
                     NULL);
}
END_TEST

/* WhatsApp throttles once (429 with Retry-After): the same. */
START_TEST(whatsapp_order_kept_across_retry)
{
  order_across_retry(wa_say, "6281234567890", "6281234567899",
                     "\"to\":\"6281234567890\"",
                     "\"to\":\"6281234567899\"", 429,
                     "Retry-After: 3\r\n");
}
END_TEST

/* A WhatsApp status callback for message id. */
static int
wa_status(const char *id, const char *status, const char *code)
{
  struct buf b = BUF_INIT;
  char *sig;
  int rc;

  buf_printf(&b, "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
             "\"id\":\"1\",\"changes\":[{\"value\":{\"messaging_product\":"
             "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"62821\","
             "\"phone_number_id\":\"112233445566778\"},\"statuses\":[{"
             "\"id\":\"%s\",\"status\":\"%s\",\"timestamp\":\"1773469800\","
             "\"recipient_id\":\"6281234567890\"%s%s%s}]},\"field\":"
             "\"messages\"}]}]}", id, status,
             code ? ",\"errors\":[{\"code\":" : "", code ? code : "",
             code ? ",\"title\":\"Re-engagement message\"}]" : "");
  sig = tu_whatsapp_signature(b.data, b.len, WA_SECRET);
  rc = wa_post_raw(b.data, sig);
  free(sig);
  buf_free(&b);
  return rc;
}

START_TEST(status_callbacks_move_rows)
{
  struct fp_request rq;

  start(NULL);
  ck_assert_int_eq(wa_say("6281234567890", "wamid.c1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 10000), 0);
  /* The fake answered with id wamid.fake1. */
  ck_assert_int_eq(wa_status("wamid.fake1", "delivered", NULL), 200);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "delivery = 'delivered'"), 1);
  ck_assert_int_eq(wa_status("wamid.fake1", "read", NULL), 200);
  ck_assert_int_eq(wa_status("wamid.fake1", "delivered", NULL), 200);
  /* Never backwards. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "delivery = 'read'"), 1);
  /* A failure for the closed 24-hour window: sent again as the
   * template.  The report names the id of the fake's answer, which the
   * row holds once its send is recorded (event=outbox.sent), not as soon
   * as the fake has the request: a report before that finds no row. */
  ck_assert_int_eq(wa_say("6281234567890", "wamid.c2", "1"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent id=2 ",
                                      10000), 0);
  ck_assert_int_eq(wa_status("wamid.fake2", "failed", "131047"), 200);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "delivery = 'failed'"), 1);
  ck_assert_int_eq(fakeprov_wait(fp, 3, 10000), 0);
  req_at(2, &rq);
  ck_assert_ptr_nonnull(strstr(rq.body, "\"type\":\"template\""));
  ck_assert_ptr_nonnull(strstr(rq.body, "aduan_status_update"));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "kind=template", 10000), 0);
  stop();
}
END_TEST

/* Kannel's delivery report for fake request i, as Kannel would send it
 * from the dlr-url it was given, with status dlr (1: delivered). */
static int
ks_report(int i, int dlr)
{
  struct fp_request rq;
  struct form q;
  struct buf path = BUF_INIT;
  struct tu_resp r;
  const char *url, *p;
  int status = -1;

  req_at(i, &rq);
  ck_assert_int_eq(form_parse(&q, rq.query, strlen(rq.query)), 0);
  url = form_get(&q, "dlr-url");
  ck_assert_ptr_nonnull(url);
  /* The URL under public_url, with Kannel's %d and %A filled in. */
  url = strstr(url, "/webhook/");
  ck_assert_ptr_nonnull(url);
  for (p = url; *p != '\0'; p++) {
    if (strncmp(p, "%d", 2) == 0) {
      buf_printf(&path, "%d", dlr);
      p++;
    } else if (strncmp(p, "%A", 2) == 0) {
      buf_puts(&path, "ACK%2F");
      p++;
    } else {
      buf_append(&path, p, 1);
    }
  }
  if (tu_http(d.port, "GET", path.data, NULL, NULL, &r) == 0) {
    status = r.status;
    tu_resp_free(&r);
  }
  buf_free(&path);
  form_free(&q);
  fp_request_free(&rq);
  return status;
}

/* aduanctl outbox --unconfirmed [--json] against the daemon: its output
 * (the caller frees), after checking that it exited 0. */
static char *
ctl_unconfirmed(int json)
{
  char *sock = tu_path(d.dir, "var/admin.sock"), *out, *err;
  const char *argv[] = {ADUANCTL_BIN, "-s", sock, "outbox", "--unconfirmed",
                        json ? "--json" : NULL, NULL};
  int st;

  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "aduanctl: %s", err);
  free(err);
  free(sock);
  return out;
}

/*
 * A reply a provider accepted and never reported on is flagged once after
 * [outbox] unconfirmed_after: logged, counted, listed by aduanctl, kept
 * in the database across checks.  A reply with a report is not, nor one
 * on a channel without reports (dev); a late report takes a reply off
 * the list.
 */
START_TEST(reply_without_report_is_flagged)
{
  struct tu_resp r;
  char *out;

  start("timeout = 5s\nunconfirmed_after = 2s\n[admin]\nmetrics_public = yes");
  /* Row 1 (WhatsApp) is reported delivered at once. */
  ck_assert_int_eq(wa_say("6281234567890", "wamid.u1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent id=1 ",
                                      10000), 0);
  ck_assert_int_eq(wa_status("wamid.fake1", "delivered", NULL), 200);
  /* Row 2 (Kannel, which was asked for reports) hears nothing. */
  fakeprov_default(fp, 202, "0: Accepted for delivery");
  ck_assert_int_eq(ks_say(KS_SECRET, "+6281234567899", "ks-u1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent id=2 ",
                                      10000), 0);
  /* Row 3: the dev channel, which has no reports. */
  ck_assert_int_eq(tu_dev_say(d.port, "+6281234567898", "Halo", NULL, &r), 0);
  tu_resp_free(&r);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.unconfirmed id=2 "
                                      "channel=ks to=+62812****7899", 15000),
                   0);
  ck_assert_int_eq(tu_http(d.port, "GET", "/metrics", NULL, NULL, &r), 0);
  tu_assert_has_all(r.body, "aduan_outbox_unconfirmed 1\n",
                    "aduan_outbox_unconfirmed_total{channel=\"ks\"} 1\n",
                    NULL);
  tu_resp_free(&r);
  out = ctl_unconfirmed(0);
  tu_assert_has_all(out, "ID ", "REPORTER", "\n2 ", " ks ",
                    "(1 unconfirmed reply)", NULL);
  ck_assert_ptr_null(strstr(out, "+62"));
  free(out);
  /* Row 4, flagged in a later check: by then row 2 was looked at again
   * and is not flagged twice. */
  ck_assert_int_eq(ks_say(KS_SECRET, "+6281234567899", "ks-u2", "3"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.unconfirmed id=4 ",
                                      15000), 0);
  ck_assert_int_eq(tu_daemon_log_count(&d, "event=outbox.unconfirmed "
                                           "id=2 "), 1);
  /* Its flag was committed (with the check's step, long before). */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "unconfirmed_at IS NOT NULL AND id = 2"), 1);
  ck_assert(!tu_daemon_log_now(&d, "event=outbox.unconfirmed id=1 "));
  ck_assert(!tu_daemon_log_now(&d, "event=outbox.unconfirmed id=3 "));
  /* A late report for row 2 (Kannel's request 2): off the list. */
  ck_assert_int_eq(ks_report(1, 1), 200);
  out = ctl_unconfirmed(1);
  ck_assert_ptr_nonnull(strstr(out, "\"id\":4,"));
  ck_assert_ptr_null(strstr(out, "\"id\":2,"));
  free(out);
  stop();
}
END_TEST

static double
now_s(void)
{
  struct timeval tv;

  gettimeofday(&tv, NULL);
  return tv.tv_sec + tv.tv_usec / 1e6;
}

/*
 * With rate = 5 per second, 15 replies queued at once cannot all leave
 * within the first two seconds: the bucket starts with 5 and earns 5 a
 * second.  A slower machine only stretches the span, so the lower bound
 * cannot fail for lack of speed.
 */
START_TEST(rate_limit_holds)
{
  double t0, t1;
  char from[20], id[20];
  int i;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  {
    struct buf conf = BUF_INIT;
    buf_printf(&conf, "[channel.wa]\ntype = whatsapp_cloud\n"
               "app_secret = " WA_SECRET "\nverify_token = v\n"
               "access_token = a\nphone_number_id = 112233445566778\n"
               "api_base = http://127.0.0.1:%d/v21.0\nrate = 5\n",
               fakeprov_port(fp));
    ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
    buf_free(&conf);
  }
  t0 = now_s();
  for (i = 0; i < 15; i++) {
    snprintf(from, sizeof(from), "62812300000%02d", i);
    snprintf(id, sizeof(id), "wamid.rl%d", i);
    ck_assert_int_eq(wa_say(from, id, "Halo"), 200);
  }
  ck_assert_int_eq(fakeprov_wait(fp, 15, 20000), 0);
  t1 = now_s();
  ck_assert_msg(t1 - t0 >= 1.6, "15 sends took only %.2f s", t1 - t0);
  stop();
}
END_TEST

/* Walk a WhatsApp reporter to the evidence step, until the fake provider
 * has had the 8 replies. */
static void
wa_walk_to_bukti(const char *from)
{
  int i;

  for (i = 0; i < 7; i++) {
    char id[32];
    snprintf(id, sizeof(id), "wamid.e%d", i);
    ck_assert_int_eq(wa_say(from, id, story[i == 2 ? 2 : i]), 200);
  }
  ck_assert_int_eq(wa_say(from, "wamid.e7", "LANJUT"), 200);
  ck_assert_int_eq(fakeprov_wait(fp, 8, 10000), 0);
}

/* Post a signed image message from `from` with media id 1234567890, whose
 * look-up the fake provider answers with media_url. */
static void
wa_send_image(const char *from, const char *media_url)
{
  struct buf meta = BUF_INIT, img = BUF_INIT;
  char *sig;

  buf_printf(&meta, "{\"url\":\"%s\","
             "\"mime_type\":\"image/jpeg\",\"sha256\":\"x\",\"file_size\":"
             "10,\"id\":\"1234567890\",\"messaging_product\":\"whatsapp\"}",
             media_url);
  fakeprov_route(fp, "/v21.0/1234567890", 200, meta.data);
  buf_printf(&img, "{\"object\":\"whatsapp_business_account\",\"entry\":"
    "[{\"id\":\"1\",\"changes\":[{\"value\":{\"messaging_product\":"
    "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"62821\","
    "\"phone_number_id\":\"112233445566778\"},\"messages\":[{\"from\":"
    "\"%s\",\"id\":\"wamid.img\",\"timestamp\":\"1773469800\","
    "\"type\":\"image\",\"image\":{\"mime_type\":\"image/jpeg\","
    "\"sha256\":\"x\",\"id\":\"1234567890\"}}]},\"field\":\"messages\"}]}]}",
    from);
  sig = tu_whatsapp_signature(img.data, img.len, WA_SECRET);
  ck_assert_int_eq(wa_post_raw(img.data, sig), 200);
  free(sig);
  buf_free(&img);
  buf_free(&meta);
}

/*
 * Walk the WhatsApp reporter from to the evidence step and send an image
 * whose Graph look-up names http://HOST:PORT/media/abc on the fake
 * provider (which serves it as "JPEGBYTES!"); wait for the daemon to log
 * event about the download.
 */
static void
wa_image_via_host(const char *from, const char *host, const char *event)
{
  char url[128];

  snprintf(url, sizeof(url), "http://%s:%d/media/abc", host,
           fakeprov_port(fp));
  wa_walk_to_bukti(from);
  fakeprov_route(fp, "/media/abc", 200, "JPEGBYTES!");
  wa_send_image(from, url);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, event, 15000), 0);
}

START_TEST(whatsapp_image_is_downloaded_and_linked)
{
  start(NULL);
  /* The media look-up, then the file; then replies as usual. */
  wa_image_via_host("6281234567891", "127.0.0.1", "event=evidence.stored");
  ck_assert_int_eq(wa_say("6281234567891", "wamid.e9", "LANJUT"), 200);
  ck_assert_int_eq(wa_say("6281234567891", "wamid.e10", "3"), 200);
  ck_assert_int_eq(wa_say("6281234567891", "wamid.e11", "KIRIM"), 200);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence e JOIN "
                                 "tickets t ON t.id = e.ticket_id WHERE "
                                 "e.status = 'stored' AND e.size = 10 AND "
                                 "length(e.sha256) = 64"), 1);
  stop();
}
END_TEST

/* The Graph answer names a media URL on a host outside media_hosts: the
 * access token must not go there, so nothing is fetched from it and the
 * download fails for good, naming the host. */
START_TEST(whatsapp_media_elsewhere_gets_no_token)
{
  int i, n;

  start(NULL);
  wa_image_via_host("6281234567893", "localhost", "event=evidence.failed");
  ck_assert(tu_daemon_log_now(&d, "reason=\"media host not allowed: "
                                  "localhost\""));
  ck_assert(!tu_daemon_log_now(&d, "wa-access"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "status = 'failed' AND last_error = "
                                 "'media host not allowed: localhost'"), 1);
  n = fakeprov_count(fp);
  for (i = 0; i < n; i++) {
    struct fp_request rq;
    req_at(i, &rq);
    ck_assert_msg(strncmp(rq.path, "/media/", 7) != 0, "%s was fetched",
                  rq.path);
    fp_request_free(&rq);
  }
  stop();
}
END_TEST

/*
 * Twilio media URLs are on api_base (api.twilio.com) and answer with a
 * redirect to Twilio's file store.  The account's Basic auth goes with the
 * first request, so that accounts requiring auth for media work, and not
 * to the host (here: another port) the redirect leads to.
 */
START_TEST(twilio_media_auth_only_to_api_base)
{
  static const char media_path[] =
    "/2010-04-01/Accounts/AC123/Messages/MM0001/Media/ME0001";
  struct fakeprov *cdn;
  struct fp_request rq;
  char sid[40], url[256], loc[160];
  int i, n, seen = 0;

  start(NULL);
  ck_assert_int_eq(fakeprov_start(&cdn), 0);
  fakeprov_default(cdn, 200, "TWILIOIMG!");
  snprintf(loc, sizeof(loc), "Location: http://127.0.0.1:%d/file/ME0001\r\n",
           fakeprov_port(cdn));
  fakeprov_route_headers(fp, media_path, 307, loc, "");
  for (i = 0; i < 7; i++) {
    snprintf(sid, sizeof(sid), "SM%032d", i);
    ck_assert_int_eq(tw_say("+6281234567894", sid, story[i == 2 ? 2 : i]),
                     200);
  }
  ck_assert_int_eq(tw_say("+6281234567894", "SM000000000000000000000000000"
                          "00099", "LANJUT"), 200);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d%s", fakeprov_port(fp),
           media_path);
  ck_assert_int_eq(tw_say_image("+6281234567894", "MM0001", url), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.stored", 15000),
                   0);
  n = fakeprov_count(fp);
  for (i = 0; i < n; i++) {
    req_at(i, &rq);
    if (strcmp(rq.path, media_path) == 0) {
      /* Basic base64("AC123:twilio-token-test") */
      ck_assert_str_eq(rq.authorization,
                       "Basic QUMxMjM6dHdpbGlvLXRva2VuLXRlc3Q=");
      seen++;
    }
    fp_request_free(&rq);
  }
  ck_assert_int_eq(seen, 1);
  ck_assert_int_eq(fakeprov_count(cdn), 1);
  ck_assert_int_eq(fakeprov_request(cdn, 0, &rq), 0);
  ck_assert_str_eq(rq.path, "/file/ME0001");
  ck_assert_str_eq(rq.authorization, "");
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "status = 'stored' AND size = 10"), 1);
  stop();
  fakeprov_stop(cdn);
}
END_TEST

START_TEST(kannel_non_gsm_notice_goes_as_ucs2)
{
  struct fp_request rq;
  char *sock, path[128], *answer = NULL, *num;
  long status = 0;
  int i, n;
  FILE *devnull = fopen("/dev/null", "w");

  start(NULL);
  fakeprov_default(fp, 202, "0: Accepted for delivery");
  for (i = 0; i < NSTORY; i++) {
    char id[40];
    snprintf(id, sizeof(id), "ks-%d", i);
    ck_assert_int_eq(ks_say(KS_SECRET, "+6281234567892", id, story[i]), 200);
  }
  ck_assert_int_eq(fakeprov_wait(fp, NSTORY, 10000), 0);
  num = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(num);
  sock = tu_path(d.dir, "var/admin.sock");
  snprintf(path, sizeof(path), "/tickets/%s/status", num);
  ck_assert_int_eq(ctl_admin(sock, "POST", path,
                             "{\"status\":\"diverifikasi\",\"note\":"
                             "\"Terima kasih, laporan \\u2116 1 lengkap.\"}",
                             &status, &answer, devnull), 0);
  ck_assert_int_eq(status, 200);
  n = NSTORY + 1;
  req_at(n - 1, &rq);
  ck_assert_ptr_nonnull(strstr(rq.query, "coding=2"));
  ck_assert_ptr_nonnull(strstr(rq.query, "charset=UTF-16BE"));
  /* "L" "a" of "Laporan" in UTF-16BE, percent-encoded. */
  ck_assert_ptr_nonnull(strstr(rq.query, "text=%00L%00a"));
  fp_request_free(&rq);
  free(answer);
  free(sock);
  free(num);
  fclose(devnull);
  stop();
}
END_TEST

static Suite *
channels_suite(void)
{
  Suite *s = suite_create("channels");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, whatsapp_conversation);
  tcase_add_test(tc, twilio_conversation_uses_sms_texts);
  tcase_add_test(tc, kannel_conversation);
  tcase_add_test(tc, kannel_get_keeps_query_as_payload);
  tcase_add_test(tc, unusable_content_is_acknowledged_and_logged);
  tcase_add_test(tc, wrong_signatures_are_refused);
  tcase_add_test(tc, whatsapp_handshake);
  tcase_add_test(tc, retries_after_500_and_429);
  tcase_add_test(tc, client_error_fails_without_retry);
  tcase_add_test(tc, dead_after_max_attempts);
  tcase_add_test(tc, stalled_provider_times_out_and_is_retried);
  tcase_add_test(tc, refused_connection_is_told_apart);
  tcase_add_test(tc, timeout_is_told_apart);
  tcase_add_test(tc, kannel_order_kept_across_retry);
  tcase_add_test(tc, whatsapp_order_kept_across_retry);
  tcase_add_test(tc, sigkill_with_replies_unsent_resends_after_restart);
  tcase_add_test(tc, status_callbacks_move_rows);
  tcase_add_test(tc, reply_without_report_is_flagged);
  tcase_add_test(tc, rate_limit_holds);
  tcase_add_test(tc, whatsapp_image_is_downloaded_and_linked);
  tcase_add_test(tc, whatsapp_media_elsewhere_gets_no_token);
  tcase_add_test(tc, twilio_media_auth_only_to_api_base);
  tcase_add_test(tc, kannel_non_gsm_notice_goes_as_ucs2);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(channels_suite)
