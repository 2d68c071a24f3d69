/*
 * test_delivered.c: whole reports as the providers deliver them, through
 * the daemon and the real channel adapters, with the fake provider
 * behind: a WhatsApp reporter known only by a BSUID who sends a photo
 * with its caption first and a location pin; the same over Twilio's
 * WhatsApp and Twilio SMS; a Kannel SMS in UCS-2 with an emoji and curly
 * quotes.  Each reporter then answers a `ditunda` notice, which must
 * reach the ticket.  On SMS every reply the provider is given must be
 * GSM-7 and at most 2 segments (a split summary: each part).  The log
 * never holds the number or the BSUID in full.
 */
#include <json-c/json.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "base/buf.h"
#include "base/form.h"
#include "base/sms.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_sign.h"

#define WA_SECRET "wa-app-secret-test"
#define TW_TOKEN "twilio-token-test"
#define KS_SECRET "kannel-secret-test"
#define PNID "112233445566778"

#define INA "ID.4471920083316652"
#define INA_DIGITS "4471920083316652"

enum chan { WA, TWWA, TW, KS };
static const char *const chan_name[] = {"wa", "twwa", "tw", "ks"};

static struct fakeprov *fp;
static struct tu_daemon d;
static char *sock;
static int seen;        /* fake provider requests looked at so far */
static const char *terlapor = "Kepala Tata Usaha Puskesmas Sikumana";
static int msgno;       /* inbound message ids */

static void
start(void)
{
  struct buf conf = BUF_INIT;
  int port;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  port = fakeprov_port(fp);
  buf_printf(&conf,
             "[admin]\noperators = tester=0\nrevealers = 0\n"
             "[outbox]\nbackoff_base = 100ms\nbackoff_max = 400ms\n"
             "timeout = 2s\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " WA_SECRET
             "\nverify_token = verify-me\naccess_token = wa-access\n"
             "phone_number_id = " PNID "\n"
             "api_base = http://127.0.0.1:%d/v21.0\n"
             "media_hosts = 127.0.0.1\n"
             "[channel.twwa]\ntype = twilio\naccount_sid = AC123\n"
             "auth_token = " TW_TOKEN "\nfrom = whatsapp:+14155550123\n"
             "api_base = http://127.0.0.1:%d\n"
             "[channel.tw]\ntype = twilio\naccount_sid = AC123\n"
             "auth_token = " TW_TOKEN "\nfrom = +14155550123\n"
             "api_base = http://127.0.0.1:%d\n"
             "[channel.ks]\ntype = kannel\nsecret = " KS_SECRET "\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = pw\nfrom = 1708\n",
             port, port, port, port);
  ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
  sock = tu_path(d.dir, "var/admin.sock");
  buf_free(&conf);
  seen = 0;
}

static void
stop(void)
{
  ck_assert_msg(!tu_daemon_log_now(&d, INA_DIGITS),
                "a BSUID in full in the log");
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
  free(sock);
  sock = NULL;
}

/* ---- Posting as each provider ----------------------------------------- */

static int
wa_post(const char *body)
{
  int status = tu_wa_post(d.port, "/webhook/wa", WA_SECRET, body,
                          strlen(body));

  ck_assert_int_ne(status, -1);
  return status;
}

/* Meta's envelope around one change's members. */
static void
envelope(struct buf *b, const char *items)
{
  tu_wa_envelope(b, PNID, items);
}

/* A message from the BSUID-only reporter: type and its member (JSON). */
static int
wa_bsuid_msg(const char *type, const char *member)
{
  struct buf items = BUF_INIT, b = BUF_INIT;
  int status;

  buf_printf(&items, "\"contacts\":[{\"profile\":{\"name\":\"Ina\","
             "\"username\":\"ina.kupang\"},\"user_id\":\"" INA "\"}],"
             "\"messages\":[{\"from_user_id\":\"" INA "\",\"id\":"
             "\"wamid.q%d\",\"timestamp\":\"1778551200\",\"type\":\"%s\","
             "\"%s\":%s}]", ++msgno, type, type, member);
  envelope(&b, items.data);
  status = wa_post(b.data);
  buf_free(&items);
  buf_free(&b);
  return status;
}

static int
tw_post(const char *channel, const char *form)
{
  struct tu_resp r;
  struct buf h = BUF_INIT, url = BUF_INIT, path = BUF_INIT;
  char *sig;
  int status;

  buf_printf(&url, "http://127.0.0.1/webhook/%s", channel);
  buf_printf(&path, "/webhook/%s", channel);
  sig = tu_twilio_signature(url.data, form, TW_TOKEN);
  buf_printf(&h, "Content-Type: application/x-www-form-urlencoded\r\n"
             "X-Twilio-Signature: %s\r\n", sig);
  ck_assert_int_eq(tu_http_ex(d.port, "POST", path.data, h.data, form,
                              strlen(form), &r), 0);
  status = r.status;
  tu_resp_free(&r);
  buf_free(&h);
  buf_free(&url);
  buf_free(&path);
  free(sig);
  return status;
}

/* A Twilio inbound from `from` (as Twilio writes it) with text. */
static int
tw_say(const char *channel, const char *from, const char *text)
{
  struct buf f = BUF_INIT;
  int status;

  buf_printf(&f, "SmsMessageSid=SM%030d&NumMedia=0&ProfileName=Ina"
             "&SmsStatus=received&Body=", ++msgno);
  tu_form_enc(&f, text);
  buf_puts(&f, "&To=");
  tu_form_enc(&f, strncmp(from, "whatsapp:", 9) == 0
                  ? "whatsapp:+14155550123" : "+14155550123");
  buf_printf(&f, "&MessageSid=SM%030d&AccountSid=AC123&From=", msgno);
  tu_form_enc(&f, from);
  if (strncmp(from, "whatsapp:", 9) == 0) {
    buf_puts(&f, "&WaId=");
    tu_form_enc(&f, from + 10);
  }
  buf_puts(&f, "&ApiVersion=2010-04-01");
  status = tw_post(channel, f.data);
  buf_free(&f);
  return status;
}

/* UTF-8 s as UTF-16BE bytes appended to out (BMP and surrogates). */
static void
utf16be(const char *s, struct buf *out)
{
  const unsigned char *p = (const unsigned char *)s;

  while (*p != 0) {
    unsigned cp;
    int n, i;
    if (*p < 0x80) { cp = *p; n = 1; }
    else if (*p < 0xE0) { cp = *p & 0x1F; n = 2; }
    else if (*p < 0xF0) { cp = *p & 0x0F; n = 3; }
    else { cp = *p & 0x07; n = 4; }
    for (i = 1; i < n; i++)
      cp = (cp << 6) | (p[i] & 0x3F);
    p += n;
    if (cp >= 0x10000) {
      unsigned v = cp - 0x10000, hi = 0xD800 + (v >> 10),
               lo = 0xDC00 + (v & 0x3FF);
      char u[4] = {(char)(hi >> 8), (char)hi, (char)(lo >> 8), (char)lo};
      buf_append(out, u, 4);
    } else {
      char u[2] = {(char)(cp >> 8), (char)cp};
      buf_append(out, u, 2);
    }
  }
}

/* An SMS through Kannel's get-url with text=%b: coding 2 (UCS-2, the
 * UTF-16BE bytes) when the text is not GSM-7, else coding 0 UTF-8. */
static int
ks_say(const char *from, const char *text)
{
  struct buf t = BUF_INIT, raw = BUF_INIT;
  struct sms_info si;
  struct tu_resp r;
  int status;

  sms_measure(text, &si);
  buf_puts(&t, "/webhook/ks?secret=" KS_SECRET "&sender=");
  tu_form_enc(&t, from);
  buf_puts(&t, "&receiver=1708&text=");
  if (si.gsm7) {
    tu_form_enc(&t, text);
  } else {
    size_t i;
    utf16be(text, &raw);
    /* As smsbox form-encodes %b: a 0x20 byte as '+', letters and
     * digits as they are, anything else (NUL bytes too) as %XX. */
    for (i = 0; i < raw.len; i++) {
      unsigned char ch = (unsigned char)raw.data[i];
      if (ch == 0x20)
        buf_puts(&t, "+");
      else if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
               (ch >= '0' && ch <= '9'))
        buf_append(&t, (const char *)&ch, 1);
      else
        buf_printf(&t, "%%%02X", ch);
    }
  }
  buf_printf(&t, "&id=ks-%d&ts=1773108904&coding=%s&charset=%s", ++msgno,
             si.gsm7 ? "0" : "2", si.gsm7 ? "UTF-8" : "UTF-16BE");
  ck_assert_int_eq(tu_http_ex(d.port, "GET", t.data, NULL, NULL, 0, &r), 0);
  status = r.status;
  tu_resp_free(&r);
  buf_free(&t);
  buf_free(&raw);
  return status;
}

/* Say text from `who` on channel c. */
static int
say(enum chan c, const char *who, const char *text)
{
  switch (c) {
  case WA: {
    struct buf m = BUF_INIT;
    int st;
    buf_puts(&m, "{\"body\":");
    buf_json_str(&m, text);
    buf_puts(&m, "}");
    st = wa_bsuid_msg("text", m.data);
    buf_free(&m);
    return st;
  }
  case TWWA:
  case TW:
    return tw_say(chan_name[c], who, text);
  case KS:
    return ks_say(who, text);
  }
  return -1;
}

/* ---- What the provider was given ---------------------------------------- */

struct sent {
  char *text;           /* what the reporter reads (NULL: not a send) */
  char *to;             /* the recipient field and value, "to=..." */
};

/* The text and recipient of fake request rq, when it is a send. */
static void
sent_of(const struct fp_request *rq, struct sent *s)
{
  struct form q;

  s->text = s->to = NULL;
  if (strstr(rq->path, "/messages") != NULL && rq->body != NULL) {
    struct json_object *j = json_tokener_parse(rq->body), *o, *t;
    struct buf b = BUF_INIT;
    if (j == NULL)
      return;
    if (json_object_object_get_ex(j, "text", &o) &&
        json_object_object_get_ex(o, "body", &t))
      s->text = strdup(json_object_get_string(t));
    else
      s->text = strdup(rq->body);
    if (json_object_object_get_ex(j, "recipient", &o))
      buf_printf(&b, "recipient=%s", json_object_get_string(o));
    if (json_object_object_get_ex(j, "to", &o))
      buf_printf(&b, "%sto=%s", b.len ? "," : "",
                 json_object_get_string(o));
    s->to = buf_steal(&b);
    json_object_put(j);
  } else if (strstr(rq->path, "Messages.json") != NULL) {
    ck_assert_int_eq(form_parse(&q, rq->body, rq->body_len), 0);
    s->text = strdup(form_get(&q, "Body") ? form_get(&q, "Body") : "");
    s->to = malloc(300);
    snprintf(s->to, 300, "to=%s", form_get(&q, "To"));
    form_free(&q);
  } else if (strstr(rq->path, "sendsms") != NULL) {
    ck_assert_int_eq(form_parse(&q, rq->query, strlen(rq->query)), 0);
    ck_assert_msg(strcmp(form_get(&q, "coding"), "0") == 0,
                  "Kannel reply not GSM-7: %s", rq->query);
    s->text = strdup(form_get(&q, "text"));
    s->to = malloc(300);
    snprintf(s->to, 300, "to=%s", form_get(&q, "to"));
    form_free(&q);
  }
}

/* Wait for the sends that the outbox rows after `before` make and return
 * the last one's text (allocated); check the SMS rules on SMS channels
 * and the recipient field against want_to. */
static char *
replies(enum chan c, long long before, const char *want_to)
{
  long long rows;
  int got = 0;
  char *last = NULL;

  rows = tu_db_int(&d, "SELECT count(*) FROM outbox") - before;
  ck_assert_msg(rows > 0, "no reply at all on %s", chan_name[c]);
  while (got < rows) {
    struct fp_request rq;
    struct sent s;
    ck_assert_int_eq(fakeprov_wait(fp, seen + 1, 10000), 0);
    ck_assert_int_eq(fakeprov_request(fp, seen++, &rq), 0);
    sent_of(&rq, &s);
    fp_request_free(&rq);
    if (s.text == NULL)
      continue;
    got++;
    printf("  [%s %s] %s\n", chan_name[c], s.to, s.text);
    ck_assert_msg(strcmp(s.to, want_to) == 0, "sent %s, wanted %s", s.to,
                  want_to);
    if (c == TW || c == KS) {
      struct sms_info si;
      sms_measure(s.text, &si);
      ck_assert_msg(si.gsm7, "SMS reply not GSM-7: %s", s.text);
      ck_assert_msg(si.segments <= 2, "SMS reply of %d segments: %s",
                    si.segments, s.text);
    }
    free(last);
    last = s.text;
    free(s.to);
  }
  return last;
}

/* Say text and return the last reply (allocated). */
static char *
turn(enum chan c, const char *who, const char *text, const char *want_to)
{
  long long before = tu_db_int(&d, "SELECT count(*) FROM outbox");

  printf("> [%s] %s\n", chan_name[c], text);
  ck_assert_int_eq(say(c, who, text), 200);
  return replies(c, before, want_to);
}

/* 1 when reply is the text of key (its SMS form on SMS channels). */
static int
is(enum chan c, const char *reply, const char *key)
{
  char *v[1];
  struct tu_replies r = {200, v, 1};
  int ok;

  v[0] = strdup(reply);
  ok = (c == TW || c == KS) ? tu_is_sms(&r, 0, key) : tu_is(&r, 0, key);
  free(v[0]);
  return ok;
}

/* ---- The report ---------------------------------------------------------- */

/*
 * Drive the conversation from reply `r` (owned, freed here) to a filed
 * ticket, answering each question from the script; returns the ticket
 * number (allocated).  pin: at the place question send a WhatsApp
 * location pin instead of the name.
 */
static char *
to_ticket(enum chan c, const char *who, char *r, const char *want_to,
          int pin, const char *story)
{
  int i;
  char *number;

  for (i = 0; i < 20 && !is(c, r, "ticket.created"); i++) {
    const char *a = NULL;
    if (is(c, r, "menu") || is(c, r, "thanks.reply"))
      a = "1";
    else if (is(c, r, "ask.kategori"))
      a = "pungli";
    else if (is(c, r, "ask.terlapor"))
      a = terlapor;
    else if (is(c, r, "ask.lokasi") && pin && c == WA) {
      long long before = tu_db_int(&d, "SELECT count(*) FROM outbox");
      printf("> [wa] (location pin)\n");
      ck_assert_int_eq(wa_bsuid_msg("location", "{\"latitude\":-10.2012,"
                                    "\"longitude\":123.6101,\"name\":"
                                    "\"Puskesmas\"}"), 200);
      free(r);
      r = replies(c, before, want_to);
      ck_assert_msg(is(c, r, "ask.lokasi.nama"), "after the pin: %s", r);
      continue;
    } else if (is(c, r, "ask.lokasi") || is(c, r, "ask.lokasi.nama"))
      a = "Sikumana, Kota Kupang";
    else if (is(c, r, "ask.waktu"))
      a = "kemarin";
    else if (is(c, r, "ask.kronologi"))
      a = story;
    else if (is(c, r, "kronologi.more") || is(c, r, "story.started") ||
             is(c, r, "story.kept") || is(c, r, "bukti.kept") ||
             is(c, r, "bukti.received") || is(c, r, "ask.bukti"))
      a = "LANJUT";
    else if (is(c, r, "ask.identitas"))
      a = "3";
    else if (is(c, r, "konfirmasi") || strstr(r, "KIRIM") != NULL)
      a = "KIRIM";
    ck_assert_msg(a != NULL, "dead end on %s at: %s", chan_name[c], r);
    free(r);
    r = turn(c, who, a, want_to);
  }
  ck_assert_msg(is(c, r, "ticket.created"), "not filed: %s", r);
  free(r);
  number = tu_db_text(&d, "SELECT number FROM tickets ORDER BY id DESC "
                          "LIMIT 1");
  ck_assert_ptr_nonnull(number);
  return number;
}

/* Run aduanctl with the arguments; 0 on success. */
static int
ctl(const char *a1, const char *a2, const char *a3, const char *a4,
    const char *a5)
{
  const char *argv[] = {ADUANCTL_BIN, "-s", sock, a1, a2, a3, a4, a5, NULL};
  char *out = NULL;
  int st;

  ck_assert_int_eq(tu_run(argv, NULL, &out, NULL, &st), 0);
  free(out);
  return WIFEXITED(st) ? WEXITSTATUS(st) : -1;
}

/* Put ticket `number` on hold with a note, take the notice the reporter
 * gets, answer it over the same channel and check the answer reached
 * the ticket. */
static void
ditunda_answered(enum chan c, const char *who, const char *number,
                 const char *want_to)
{
  long long before = tu_db_int(&d, "SELECT count(*) FROM outbox");
  char *r, sql[300];

  ck_assert_int_eq(ctl("status", number, "ditunda", "--note",
                       "Mohon sebutkan nama loketnya."), 0);
  r = replies(c, before, want_to);
  ck_assert_msg(strstr(r, number) != NULL, "notice: %s", r);
  free(r);
  r = turn(c, who, "Loket dua, petugasnya Bapak Yohanes", want_to);
  ck_assert_msg(is(c, r, "note.received"), "answer to ditunda got: %s", r);
  free(r);
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM questions q JOIN tickets "
           "t ON t.id = q.ticket_id WHERE t.number = '%s' AND q.answer "
           "LIKE 'Loket dua%%'", number);
  ck_assert_int_eq(tu_db_int(&d, sql), 1);
}

/* "status laporan saya bagaimana" lists the reporter's own tickets. */
static void
status_in_words(enum chan c, const char *who, const char *number,
                const char *want_to)
{
  char *r = turn(c, who, "status laporan saya bagaimana", want_to);

  ck_assert_msg(is(c, r, "status.mine") && strstr(r, number) != NULL,
                "status in words got: %s", r);
  free(r);
}

/* Kannel's delivery report for the last reply, from its dlr-url: the
 * row becomes delivered. */
static void
kannel_report_for_last_reply(void)
{
  struct fp_request rq;
  struct form q;
  struct buf path = BUF_INIT;
  struct tu_resp r;
  const char *url, *p;
  char sent[64];

  /* Kannel reports once its sendsms answer is recorded. */
  snprintf(sent, sizeof(sent), "event=outbox.sent id=%lld ",
           tu_db_int(&d, "SELECT max(id) FROM outbox"));
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, sent, 30000), 0);
  ck_assert_int_eq(fakeprov_request(fp, seen - 1, &rq), 0);
  ck_assert_int_eq(form_parse(&q, rq.query, strlen(rq.query)), 0);
  url = strstr(form_get(&q, "dlr-url"), "/webhook/");
  ck_assert_ptr_nonnull(url);
  for (p = url; *p != '\0'; p++) {
    if (strncmp(p, "%d", 2) == 0 || strncmp(p, "%A", 2) == 0) {
      buf_puts(&path, p[1] == 'd' ? "1" : "ACK%2F");
      p++;
    } else {
      buf_append(&path, p, 1);
    }
  }
  ck_assert_int_eq(tu_http(d.port, "GET", path.data, NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  tu_resp_free(&r);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "delivery = 'delivered' AND id = (SELECT "
                                 "max(id) FROM outbox)"), 1);
  buf_free(&path);
  form_free(&q);
  fp_request_free(&rq);
}

static const char STORY[] =
  "Petugas loket meminta uang lima puluh ribu rupiah agar surat "
  "keterangan sehat cepat dibuat tanpa kuitansi resmi";

/* ---- Tests ---------------------------------------------------------------- */

START_TEST(whatsapp_bsuid_photo_first_and_pin)
{
  char *r, *number, meta[256];

  start();
  fakeprov_route(fp, "/media/ina1", 200, "JPEGBYTES!");
  snprintf(meta, sizeof(meta), "{\"url\":\"http://127.0.0.1:%d/media/ina1\","
           "\"mime_type\":\"image/jpeg\",\"sha256\":\"x\",\"file_size\":10,"
           "\"id\":\"777001\",\"messaging_product\":\"whatsapp\"}",
           fakeprov_port(fp));
  fakeprov_route(fp, "/v21.0/777001", 200, meta);
  {
    long long before = tu_db_int(&d, "SELECT count(*) FROM outbox");
    struct buf m = BUF_INIT;
    buf_puts(&m, "{\"mime_type\":\"image/jpeg\",\"sha256\":\"x\",\"id\":"
             "\"777001\",\"caption\":");
    buf_json_str(&m, STORY);
    buf_puts(&m, "}");
    printf("> [wa] (photo with caption)\n");
    ck_assert_int_eq(wa_bsuid_msg("image", m.data), 200);
    buf_free(&m);
    r = replies(WA, before, "recipient=" INA);
  }
  number = to_ticket(WA, NULL, r, "recipient=" INA, 1, STORY);
  /* The photo and the caption are in the ticket. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "ticket_id IS NOT NULL"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "kronologi LIKE '%lima puluh ribu%'"), 1);
  ditunda_answered(WA, NULL, number, "recipient=" INA);
  free(number);
  stop();
}
END_TEST

static void
plain_report(enum chan c, const char *who, const char *want_to,
             const char *story)
{
  char *number;

  start();
  number = to_ticket(c, who, turn(c, who, "Halo", want_to), want_to, 0,
                     story);
  if (c == KS) {
    /* The UCS-2 story is stored as written. */
    ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                     "kronologi LIKE '%\xe2\x80\x9cuang rokok\xe2\x80\x9d%'"
                     " AND kronologi LIKE '%\xf0\x9f\x98\xa1%'"), 1);
  }
  ditunda_answered(c, who, number, want_to);
  status_in_words(c, who, number, want_to);
  if (c == KS)
    kannel_report_for_last_reply();
  free(number);
  stop();
}

START_TEST(twilio_whatsapp_report)
{
  plain_report(TWWA, "whatsapp:+6281339401122",
               "to=whatsapp:+6281339401122", STORY);
}
END_TEST

START_TEST(twilio_sms_report)
{
  plain_report(TW, "+6281339401123", "to=+6281339401123", STORY);
}
END_TEST

START_TEST(kannel_ucs2_report)
{
  plain_report(KS, "+6281339401124", "to=+6281339401124",
               "Petugas loket bilang \xe2\x80\x9cuang rokok\xe2\x80\x9d "
               "dan meminta lima puluh ribu rupiah agar surat keterangan "
               "sehat cepat dibuat \xf0\x9f\x98\xa1 tanpa kuitansi resmi");
}
END_TEST

/* A Twilio WhatsApp photo with its caption, first: kept, and the caption
 * is the story. */
START_TEST(twilio_whatsapp_photo_first)
{
  struct buf f = BUF_INIT, url = BUF_INIT;
  long long before;
  char *r, *number;

  start();
  fakeprov_default(fp, 201, "{\"sid\":\"SMout{n}\",\"status\":\"queued\"}");
  fakeprov_route(fp, "/2010-04-01/Accounts/AC123/Messages/MM1/Media/ME1",
                 200, "JPEGBYTES!");
  buf_printf(&url, "http://127.0.0.1:%d/2010-04-01/Accounts/AC123/Messages/"
             "MM1/Media/ME1", fakeprov_port(fp));
  buf_puts(&f, "NumMedia=1&MediaContentType0=image%2Fjpeg&MediaUrl0=");
  tu_form_enc(&f, url.data);
  buf_puts(&f, "&SmsStatus=received&ProfileName=Ina&WaId=6281339401125"
           "&Body=");
  tu_form_enc(&f, STORY);
  buf_puts(&f, "&To=whatsapp%3A%2B14155550123&MessageSid=MM1&AccountSid=AC123"
           "&From=whatsapp%3A%2B6281339401125&ApiVersion=2010-04-01");
  before = tu_db_int(&d, "SELECT count(*) FROM outbox");
  printf("> [twwa] (photo with caption)\n");
  ck_assert_int_eq(tw_post("twwa", f.data), 200);
  r = replies(TWWA, before, "to=whatsapp:+6281339401125");
  number = to_ticket(TWWA, "whatsapp:+6281339401125", r,
                     "to=whatsapp:+6281339401125", 0, STORY);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "ticket_id IS NOT NULL"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "kronologi LIKE '%lima puluh ribu%'"), 1);
  free(number);
  buf_free(&f);
  buf_free(&url);
  stop();
}
END_TEST

/* Long answers over Twilio SMS: the summary is split, each part at most
 * 2 segments; Twilio's status callback for the last reply moves it. */
START_TEST(twilio_sms_long_answers_and_callback)
{
  struct buf f = BUF_INIT;
  char *number, sid[40];
  long long last;

  start();
  fakeprov_default(fp, 201, "{\"sid\":\"SMout{n}\",\"status\":\"queued\"}");
  terlapor = "Kepala Tata Usaha Puskesmas Sikumana bersama bendahara "
             "puskesmas, petugas loket pendaftaran pasien umum, seorang "
             "satpam yang berjaga di pintu depan, dan sopir ambulans yang "
             "ikut menagih uang kepada keluarga pasien setiap pagi";
  number = to_ticket(TW, "+6281339401126",
                     turn(TW, "+6281339401126", "Halo", "to=+6281339401126"),
                     "to=+6281339401126", 0, STORY);
  terlapor = "Kepala Tata Usaha Puskesmas Sikumana";
  last = tu_db_int(&d, "SELECT max(id) FROM outbox");
  {
    char sent[64];
    /* Its send answer (with the sid) recorded. */
    snprintf(sent, sizeof(sent), "event=outbox.sent id=%lld ", last);
    ck_assert_int_eq(tu_daemon_wait_log(&d, 0, sent, 30000), 0);
  }
  {
    char *pid = tu_db_text(&d, "SELECT provider_id FROM outbox WHERE id = "
                               "(SELECT max(id) FROM outbox)");
    ck_assert_ptr_nonnull(pid);
    snprintf(sid, sizeof(sid), "%s", pid);
    free(pid);
  }
  buf_printf(&f, "SmsSid=%s&SmsStatus=delivered&MessageStatus=delivered"
             "&To=%%2B6281339401126&MessageSid=%s&AccountSid=AC123"
             "&From=%%2B14155550123&ApiVersion=2010-04-01", sid, sid);
  ck_assert_int_eq(tw_post("tw", f.data), 200);
  {
    char sql[200];
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM outbox WHERE id = %lld"
             " AND delivery = 'delivered'", last);
    ck_assert_int_eq(tu_db_int(&d, sql), 1);
  }
  buf_free(&f);
  free(number);
  stop();
}
END_TEST

/* A ditunda notice arrives while the reporter has begun a new draft:
 * their answer reaches the ticket (not "kategori tidak dikenali"), and
 * the draft goes on afterwards. */
START_TEST(ditunda_answered_during_a_draft)
{
  char *number, *r, sql[300];
  long long before;

  start();
  number = to_ticket(KS, "+6281339401127",
                     turn(KS, "+6281339401127", "Halo", "to=+6281339401127"),
                     "to=+6281339401127", 0, STORY);
  r = turn(KS, "+6281339401127", "1", "to=+6281339401127");
  free(r);
  before = tu_db_int(&d, "SELECT count(*) FROM outbox");
  ck_assert_int_eq(ctl("status", number, "ditunda", "--note",
                       "Mohon sebutkan nama loketnya."), 0);
  free(replies(KS, before, "to=+6281339401127"));
  r = turn(KS, "+6281339401127", "Loket dua, petugasnya Bapak Yohanes",
           "to=+6281339401127");
  ck_assert_msg(is(KS, r, "note.received"), "answer in a draft got: %s", r);
  free(r);
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM questions q JOIN tickets "
           "t ON t.id = q.ticket_id WHERE t.number = '%s' AND q.answer "
           "LIKE 'Loket dua%%'", number);
  ck_assert_int_eq(tu_db_int(&d, sql), 1);
  r = turn(KS, "+6281339401127", "pungli", "to=+6281339401127");
  ck_assert_msg(is(KS, r, "ask.terlapor"), "draft after the answer: %s", r);
  free(r);
  free(number);
  stop();
}
END_TEST

static Suite *
delivered_suite(void)
{
  Suite *s = suite_create("delivered");
  TCase *tc = tcase_create("channels");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, whatsapp_bsuid_photo_first_and_pin);
  tcase_add_test(tc, twilio_whatsapp_report);
  tcase_add_test(tc, twilio_sms_report);
  tcase_add_test(tc, kannel_ucs2_report);
  tcase_add_test(tc, twilio_whatsapp_photo_first);
  tcase_add_test(tc, twilio_sms_long_answers_and_callback);
  tcase_add_test(tc, ditunda_answered_during_a_draft);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(delivered_suite)
