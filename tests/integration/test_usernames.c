/*
 * test_usernames.c: WhatsApp usernames through the daemon, with the fake
 * provider behind it.  A reporter known only by a business-scoped user id
 * (BSUID) files a complete report and every reply goes in "recipient";
 * the same reporter arriving by number and BSUID, one way then the other,
 * keeps their draft and tickets; a changed number keeps STATUS working;
 * group messages, reactions and sender-less messages are acknowledged,
 * logged and counted; a status addressed by BSUID moves its row; a BSUID
 * named in a send answer is kept.  The BSUID never reaches the log in
 * full.  Bodies follow Meta's "Business-scoped user IDs" page (see
 * tests/fixtures/README.md).
 */
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "base/buf.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_daemon.h"
#include "tu_sign.h"

#define WA_SECRET "wa-app-secret-test"
#define TW_TOKEN "twilio-token-test"
#define PNID "112233445566778"

/* Ina, who shows the username ina.kupang and no number. */
#define INA "ID.4471920083316652"
#define INA_DIGITS "4471920083316652"
#define INA_MASKED "ID.****6652"

static struct fakeprov *fp;
static struct tu_daemon d;
static char *sock;

static void
start(void)
{
  struct buf conf = BUF_INIT;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  buf_printf(&conf,
             "[admin]\noperators = tester=0\nrevealers = 0\n"
             "metrics_public = yes\n"
             "[outbox]\nbackoff_base = 100ms\nbackoff_max = 400ms\n"
             "timeout = 2s\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " WA_SECRET
             "\nverify_token = verify-me\naccess_token = wa-access\n"
             "phone_number_id = " PNID "\n"
             "api_base = http://127.0.0.1:%d/v21.0\n"
             "[channel.tw]\ntype = twilio\naccount_sid = AC123\n"
             "auth_token = " TW_TOKEN "\nfrom = whatsapp:+14155550123\n"
             "api_base = http://127.0.0.1:%d\n",
             fakeprov_port(fp), fakeprov_port(fp));
  ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
  sock = tu_path(d.dir, "var/admin.sock");
  buf_free(&conf);
}

/* Stop the daemon (SIGTERM: it must exit 0); its whole log must never
 * hold a BSUID in full.  Numbers are checked by tu_daemon_cleanup. */
static void
stop(void)
{
  int st = -1;

  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 30000, &st), 0);
  ck_assert(WIFEXITED(st) && WEXITSTATUS(st) == 0);
  ck_assert_msg(!tu_daemon_log_now(&d, INA_DIGITS),
                "a BSUID in full in the log");
  ck_assert(!tu_daemon_log_now(&d, "8830126645190734"));
  ck_assert(!tu_daemon_log_now(&d, "5520938817364021"));
  ck_assert(!tu_daemon_log_now(&d, "2290417730058813"));
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
  free(sock);
  sock = NULL;
}

/* ---- Posting as Meta ------------------------------------------------ */

static int
wa_post(const char *body)
{
  int status = tu_wa_post(d.port, "/webhook/wa", WA_SECRET, body,
                          strlen(body));

  ck_assert_int_ne(status, -1);
  return status;
}

/* Meta's envelope around the members items of one change. */
static void
envelope(struct buf *b, const char *items)
{
  tu_wa_envelope(b, PNID, items);
}

/* A text from digits (no '+'; NULL: no number, as for a username) and/or
 * bsuid (NULL: none, as before April 2026), with the contact Meta sends. */
static int
wa_say(const char *digits, const char *bsuid, const char *id,
       const char *text)
{
  struct buf items = BUF_INIT, b = BUF_INIT;
  int status;

  buf_puts(&items, "\"contacts\":[{\"profile\":{\"name\":\"Pelapor\"");
  if (digits == NULL)
    buf_puts(&items, ",\"username\":\"pelapor.ntt\"");
  buf_puts(&items, "}");
  if (digits != NULL)
    buf_printf(&items, ",\"wa_id\":\"%s\"", digits);
  if (bsuid != NULL)
    buf_printf(&items, ",\"user_id\":\"%s\"", bsuid);
  buf_puts(&items, "}],\"messages\":[{");
  if (digits != NULL)
    buf_printf(&items, "\"from\":\"%s\",", digits);
  if (bsuid != NULL)
    buf_printf(&items, "\"from_user_id\":\"%s\",", bsuid);
  buf_printf(&items, "\"id\":\"%s\",\"timestamp\":\"1778551200\","
             "\"type\":\"text\",\"text\":{\"body\":", id);
  buf_json_str(&items, text);
  buf_puts(&items, "}}]");
  envelope(&b, items.data);
  status = wa_post(b.data);
  buf_free(&items);
  buf_free(&b);
  return status;
}

/* Say text and wait for the reply it brings (request n of the fake, from
 * 1), which is returned. */
static void
say_and_reply(const char *digits, const char *bsuid, const char *id,
              const char *text, int n, struct fp_request *rq)
{
  ck_assert_int_eq(wa_say(digits, bsuid, id, text), 200);
  ck_assert_int_eq(fakeprov_wait(fp, n, 10000), 0);
  ck_assert_int_eq(fakeprov_request(fp, n - 1, rq), 0);
}

/* The happy path's answers (as in test_channels.c), identity RAHASIA so
 * that the identity can be revealed. */
static const char *const story[] = {
  "Halo", "1", "pungli", "Kepala Tata Usaha Puskesmas Sikumana",
  "Kota Kupang", "kemarin",
  ("Petugas loket meminta uang lima puluh ribu rupiah agar surat "
   "keterangan sehat cepat dibuat tanpa kuitansi resmi"),
  "LANJUT", "LEWATI", "2", "Ina Manafe", "KIRIM",
};
#define NSTORY ((int)(sizeof(story) / sizeof(story[0])))

/* Run aduanctl -s sock with the arguments; its stdout in *out. */
static int
ctl(char **out, const char *a1, const char *a2, const char *a3,
    const char *a4, const char *a5)
{
  const char *argv[] = {ADUANCTL_BIN, "-s", sock, a1, a2, a3, a4, a5, NULL};
  int st;

  ck_assert_int_eq(tu_run(argv, NULL, out, NULL, &st), 0);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* ---- Tests -------------------------------------------------------------- */

/* The privacy-minded reporter the hotline most wants to keep: a username,
 * no number.  Every reply goes to the BSUID in "recipient"; the log shows
 * it masked; STATUS and reveal work; the purge would find it in the
 * identity table only. */
START_TEST(bsuid_only_reporter_files_a_report)
{
  struct fp_request rq;
  char id[32], *number, *out = NULL, status_cmd[64];
  int i, n;

  start();
  for (i = 0; i < NSTORY; i++) {
    snprintf(id, sizeof(id), "wamid.ina%d", i);
    say_and_reply(NULL, INA, id, story[i], i + 1, &rq);
    ck_assert_str_eq(rq.path, "/v21.0/" PNID "/messages");
    ck_assert_msg(strstr(rq.body, "\"recipient\":\"" INA "\"") != NULL,
                  "reply %d: %s", i, rq.body);
    ck_assert_msg(strstr(rq.body, "\"to\"") == NULL, "reply %d: %s", i,
                  rq.body);
    fp_request_free(&rq);
  }
  number = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(number);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "bsuid = '" INA "' AND phone LIKE "
                                 "'bsuid:R-%'"), 1);
  /* STATUS answers the reporter for their own ticket. */
  snprintf(status_cmd, sizeof(status_cmd), "STATUS %s", number);
  say_and_reply(NULL, INA, "wamid.ina-status", status_cmd, NSTORY + 1, &rq);
  ck_assert_ptr_nonnull(strstr(rq.body, number));
  ck_assert_ptr_null(strstr(rq.body, "tidak ditemukan"));
  ck_assert_ptr_nonnull(strstr(rq.body, "\"recipient\":\"" INA "\""));
  fp_request_free(&rq);
  /* Every reply was recorded as sent, and logged with the id masked. */
  n = NSTORY + 1;
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 10000), 0);
  ck_assert(tu_daemon_log_has(&d, "from=" INA_MASKED));
  ck_assert(tu_daemon_log_has(&d, "to=" INA_MASKED));
  ck_assert_int_eq(fakeprov_count(fp), n);
  /* An export carries the handle, never the BSUID. */
  ck_assert_int_eq(ctl(&out, "export", "--since", "2000-01-01", "--json",
                       NULL), 0);
  ck_assert_ptr_nonnull(strstr(out, number));
  ck_assert_ptr_null(strstr(out, INA_DIGITS));
  free(out);
  /* The audited reveal shows the identifier there is. */
  ck_assert_int_eq(ctl(&out, "reveal", number, "--reason",
                       "Klarifikasi Inspektorat", NULL), 0);
  ck_assert_msg(strstr(out, "bsuid      " INA) != NULL, "%s", out);
  ck_assert_ptr_nonnull(strstr(out, "Ina Manafe"));
  free(out);
  free(number);
  stop();
}
END_TEST

/* Number and BSUID in one message link them: the reporter then found by
 * either alone is the same, with their draft and tickets. */
START_TEST(same_reporter_one_way_then_the_other)
{
  struct fp_request rq;
  char *number, cmd[64];

  start();
  /* A BSUID-only reporter starts a draft... */
  say_and_reply(NULL, INA, "wamid.w1", "Halo", 1, &rq);
  fp_request_free(&rq);
  say_and_reply(NULL, INA, "wamid.w2", "1", 2, &rq);
  fp_request_free(&rq);
  /* ...which continues when Meta sends the number with the BSUID, and
   * the reply then goes to the number. */
  say_and_reply("6281339401122", INA, "wamid.w3", "pungli", 3, &rq);
  ck_assert_ptr_nonnull(strstr(rq.body, "\"to\":\"6281339401122\""));
  ck_assert_ptr_null(strstr(rq.body, "\"recipient\""));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "step = 'terlapor'"), 1);
  ck_assert(tu_daemon_log_has(&d, "event=reporter.linked"));

  /* The other way: a number files a report, then number and BSUID, then
   * the BSUID alone asks STATUS and is answered. */
  {
    static const char *const rest[] = {
      "1", "pungli", "Kepala Desa Oelnasi", "Kabupaten Kupang", "kemarin",
      ("Kepala desa meminta uang tiga ratus ribu rupiah untuk surat "
       "keterangan tanah tanpa kuitansi resmi"),
      "LANJUT", "LEWATI", "3", "KIRIM",
    };
    char id[32];
    int i, n = 3;

    say_and_reply("6285239107788", NULL, "wamid.y0", "Halo", ++n, &rq);
    fp_request_free(&rq);
    for (i = 0; i < (int)(sizeof(rest) / sizeof(rest[0])); i++) {
      snprintf(id, sizeof(id), "wamid.y%d", i + 1);
      say_and_reply("6285239107788", NULL, id, rest[i], ++n, &rq);
      fp_request_free(&rq);
    }
    number = tu_db_text(&d, "SELECT t.number FROM tickets t JOIN reporters r"
                            " ON r.id = t.reporter_id WHERE r.phone ="
                            " '+6285239107788'");
    ck_assert_ptr_nonnull(number);
    say_and_reply("6285239107788", "ID.8830126645190734", "wamid.y20",
                  "terima kasih", ++n, &rq);
    fp_request_free(&rq);
    snprintf(cmd, sizeof(cmd), "STATUS %s", number);
    say_and_reply(NULL, "ID.8830126645190734", "wamid.y21", cmd, ++n, &rq);
    ck_assert_ptr_nonnull(strstr(rq.body, number));
    ck_assert_ptr_null(strstr(rq.body, "tidak ditemukan"));
    /* The reporter has a number: it keeps "to". */
    ck_assert_ptr_nonnull(strstr(rq.body, "\"to\":\"6285239107788\""));
    fp_request_free(&rq);
    free(number);
  }
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 2);
  stop();
}
END_TEST

/* user_changed_number links the new number (and new BSUID) to the same
 * reporter, so STATUS from the new number still finds their ticket. */
START_TEST(changed_number_keeps_the_tickets)
{
  static const char *const rest[] = {
    "Halo", "1", "pungli", "Kepala Desa Oelnasi", "Kabupaten Kupang",
    "kemarin",
    ("Kepala desa meminta uang tiga ratus ribu rupiah untuk surat keterangan "
     "tanah tanpa kuitansi resmi"),
    "LANJUT", "LEWATI", "3", "KIRIM",
  };
  struct fp_request rq;
  struct buf b = BUF_INIT;
  char id[32], *number, cmd[64];
  int i, n = 0;

  start();
  for (i = 0; i < (int)(sizeof(rest) / sizeof(rest[0])); i++) {
    snprintf(id, sizeof(id), "wamid.c%d", i);
    say_and_reply("6285239107788", "ID.8830126645190734", id, rest[i], ++n,
                  &rq);
    fp_request_free(&rq);
  }
  number = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(number);
  envelope(&b, "\"messages\":[{\"from\":\"6285239107788\",\"from_user_id\":"
           "\"ID.8830126645190734\",\"id\":\"wamid.sys1\",\"timestamp\":"
           "\"1778637600\",\"type\":\"system\",\"system\":{\"body\":\"User "
           "Pelapor changed from 6285239107788 to 6285239105566\",\"wa_id\":"
           "\"6285239105566\",\"type\":\"user_changed_number\",\"user_id\":"
           "\"ID.5520938817364021\",\"previous_user_id\":"
           "\"ID.8830126645190734\"}}]");
  ck_assert_int_eq(wa_post(b.data), 200);
  ck_assert(tu_daemon_log_has(&d, "event=reporter.renumbered"));
  /* The same change again (Meta retries) changes nothing more. */
  ck_assert_int_eq(wa_post(b.data), 200);
  buf_free(&b);
  snprintf(cmd, sizeof(cmd), "STATUS %s", number);
  say_and_reply("6285239105566", NULL, "wamid.c20", cmd, ++n, &rq);
  ck_assert_ptr_nonnull(strstr(rq.body, number));
  ck_assert_ptr_null(strstr(rq.body, "tidak ditemukan"));
  ck_assert_ptr_nonnull(strstr(rq.body, "\"to\":\"6285239105566\""));
  fp_request_free(&rq);
  /* And from the new BSUID alone. */
  say_and_reply(NULL, "ID.5520938817364021", "wamid.c21", cmd, ++n, &rq);
  ck_assert_ptr_null(strstr(rq.body, "tidak ditemukan"));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "phone = '+6285239107788'"), 0);
  free(number);
  stop();
}
END_TEST

/* What aduan will not take is acknowledged, logged and counted, and
 * never costs the usable message beside it. */
START_TEST(unusable_items_are_acknowledged)
{
  struct buf b = BUF_INIT;
  struct tu_resp r;
  struct fp_request rq;

  start();
  /* A body with only a sender-less message. */
  envelope(&b, "\"contacts\":[{\"profile\":{\"name\":\"Ina\"}}],"
           "\"messages\":[{\"id\":\"wamid.u0\",\"timestamp\":\"1\","
           "\"type\":\"text\",\"text\":{\"body\":\"Halo?\"}}]");
  ck_assert_int_eq(wa_post(b.data), 200);
  ck_assert(tu_daemon_log_has(&d, "event=webhook.ignored"));
  ck_assert(tu_daemon_log_has(&d, "reason=\"message without a sender\""));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 0);
  buf_reset(&b);
  /* A group message, a reaction, a sender-less message and a good one. */
  envelope(&b, "\"messages\":["
           "{\"from\":\"6281339401122\",\"group_id\":\"120363049182736451\","
           "\"id\":\"wamid.u1\",\"type\":\"text\",\"text\":{\"body\":\"x\"}},"
           "{\"from_user_id\":\"" INA "\",\"id\":\"wamid.u2\",\"type\":"
           "\"reaction\",\"reaction\":{\"message_id\":\"wamid.fake9\","
           "\"emoji\":\"\\ud83d\\udc4d\"}},"
           "{\"id\":\"wamid.u3\",\"type\":\"text\",\"text\":{\"body\":\"y\"}},"
           "{\"from_user_id\":\"" INA "\",\"id\":\"wamid.u4\",\"type\":"
           "\"text\",\"text\":{\"body\":\"Halo\"}}]");
  ck_assert_int_eq(wa_post(b.data), 200);
  buf_free(&b);
  ck_assert(tu_daemon_log_has(&d, "count=3 reason=\"group message\""));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound WHERE "
                                 "provider_id = 'wamid.u4'"), 1);
  ck_assert_int_eq(fakeprov_wait(fp, 1, 10000), 0);
  ck_assert_int_eq(tu_http(d.port, "GET", "/metrics", NULL, NULL, &r), 0);
  ck_assert_ptr_nonnull(strstr(r.body,
    "aduan_webhook_items_ignored_total{channel=\"wa\"} 4"));
  tu_resp_free(&r);
  /* The reply's status comes back addressed by the BSUID only. */
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.sent", 10000), 0);
  ck_assert_int_eq(fakeprov_request(fp, 0, &rq), 0);
  ck_assert_ptr_nonnull(strstr(rq.body, "\"recipient\":\"" INA "\""));
  fp_request_free(&rq);
  b = (struct buf)BUF_INIT;
  envelope(&b, "\"statuses\":[{\"id\":\"wamid.fake1\",\"status\":"
           "\"delivered\",\"timestamp\":\"1778551500\",\"recipient_user_id\":"
           "\"" INA "\",\"pricing\":{\"billable\":true,\"pricing_model\":"
           "\"PMP\",\"category\":\"service\"}}]");
  ck_assert_int_eq(wa_post(b.data), 200);
  buf_free(&b);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "delivery = 'delivered'"), 1);
  /* Twilio's WhatsApp webhook whose From carries the BSUID instead of a
   * number is a message from that reporter (TwiML acknowledged), and the
   * reply goes back to the BSUID. */
  {
    const char *form = "Body=halo&From=whatsapp%3A" INA "&MessageSid="
                       "SMu1&NumMedia=0&To=whatsapp%3A%2B14155550123";
    int seen = fakeprov_count(fp);
    char *sig = tu_twilio_signature("http://127.0.0.1/webhook/tw", form,
                                    TW_TOKEN);
    struct buf h = BUF_INIT;
    buf_printf(&h, "Content-Type: application/x-www-form-urlencoded\r\n"
               "X-Twilio-Signature: %s\r\n", sig);
    ck_assert_int_eq(tu_http_ex(d.port, "POST", "/webhook/tw", h.data, form,
                                strlen(form), &r), 0);
    ck_assert_int_eq(r.status, 200);
    tu_resp_free(&r);
    buf_free(&h);
    free(sig);
    ck_assert(tu_daemon_log_has(&d, "channel=tw from=" INA_MASKED));
    ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox o JOIN "
                                   "reporters r ON r.id = o.reporter_id "
                                   "WHERE o.channel = 'tw' AND r.bsuid = '"
                                   INA "'"), 1);
    /* The reply reaches the fake Twilio, addressed to the BSUID. */
    ck_assert_int_eq(fakeprov_wait(fp, seen + 1, 10000), 0);
    ck_assert_int_eq(fakeprov_request(fp, seen, &rq), 0);
    ck_assert_ptr_nonnull(strstr(rq.body, "To=whatsapp%3A" INA "&"));
    fp_request_free(&rq);
  }
  stop();
}
END_TEST

/* A send answer that names the recipient's BSUID links it to the
 * reporter, so a later message with the BSUID alone finds them. */
START_TEST(send_answer_bsuid_is_recorded)
{
  struct fp_request rq;

  start();
  fakeprov_default(fp, 200, "{\"messaging_product\":\"whatsapp\","
                   "\"contacts\":[{\"input\":\"6281339401122\",\"wa_id\":"
                   "\"6281339401122\",\"user_id\":\"ID.2290417730058813\"}],"
                   "\"messages\":[{\"id\":\"wamid.fake{n}\"}]}");
  say_and_reply("6281339401122", NULL, "wamid.s1", "Halo", 1, &rq);
  fp_request_free(&rq);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=reporter.linked",
                                      10000), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "bsuid = 'ID.2290417730058813' AND phone = "
                                 "'+6281339401122'"), 1);
  say_and_reply(NULL, "ID.2290417730058813", "wamid.s2", "1", 2, &rq);
  ck_assert_ptr_nonnull(strstr(rq.body, "\"to\":\"6281339401122\""));
  fp_request_free(&rq);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE "
                                 "step = 'kategori'"), 1);
  stop();
}
END_TEST

static Suite *
usernames_suite(void)
{
  Suite *s = suite_create("usernames");
  TCase *tc = tcase_create("whatsapp");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, bsuid_only_reporter_files_a_report);
  tcase_add_test(tc, same_reporter_one_way_then_the_other);
  tcase_add_test(tc, changed_number_keeps_the_tickets);
  tcase_add_test(tc, unusable_items_are_acknowledged);
  tcase_add_test(tc, send_answer_bsuid_is_recorded);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(usernames_suite)
