/*
 * test_provider_twilio.c: the Twilio adapter: webhook signatures, inbound
 * forms (SMS, WhatsApp text, media, location, buttons), status callbacks,
 * the REST send request and the reading of its answers.
 *
 * Inbound bodies are the samples of tests/fixtures, byte for byte.
 * Expected signatures were computed apart from this code with Twilio's
 * algorithm (tests/fixtures/README.md; twilio-python's RequestValidator),
 * under a made-up auth token; the one outside reference is the vector of
 * Twilio's own documentation.
 */
#include <http_parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/crypto.h"
#include "base/err.h"
#include "provider/provider.h"
#include "testutil.h"
#include "tu_request.h"

#define PUBLIC_URL "https://pengaduan.example.go.id"
#define TOKEN "tw-test-token-0001"
#define SID "ACd4f7b2e9a1c3580e6b2d4f6a8c0e1f37"
#define FORM_CT "Content-Type: application/x-www-form-urlencoded"
#define TWIML "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>"

/* The documentation vector (https://www.twilio.com/docs/usage/security). */
#define DOC_BODY "CallSid=CA1234567890ABCDE&Caller=%2B12349013030&" \
  "Digits=1234&From=%2B12349013030&To=%2B18005551212"
#define DOC_SIG "0/KCTR6DLpKmkAf8muzZqo1nDgQ="
#define DOC_SIG_443 "EpDEmp1PyjDYp77YxYU3GILBWzE="   /* URL with :443 */
#define DOC_SIG_HTTP "FYMaGAU6nPbB9h2pncMl4aJ4vns="  /* http://, no port */

struct tw {
  struct config cfg;
  struct config_channel ch;
  const struct provider_ops *ops;
};

static char *
xstrdup(const char *s)
{
  char *p;

  if (s == NULL)
    return NULL;
  p = strdup(s);
  ck_assert_ptr_nonnull(p);
  return p;
}

static void
tw_init(struct tw *t, const char *public_url, const char *token,
        const char *from)
{
  memset(t, 0, sizeof(*t));
  t->cfg.server.public_url = xstrdup(public_url);
  t->ch.name = xstrdup("twilio");
  t->ch.type = CHANNEL_TWILIO;
  t->ch.api_base = xstrdup("https://api.twilio.com");
  t->ch.account_sid = xstrdup(SID);
  t->ch.auth_token = xstrdup(token);
  t->ch.from = xstrdup(from);
  t->ops = provider_for(CHANNEL_TWILIO);
  ck_assert_ptr_nonnull(t->ops);
}

static void
tw_free(struct tw *t)
{
  free(t->cfg.server.public_url);
  free(t->ch.name);
  free(t->ch.api_base);
  free(t->ch.account_sid);
  free(t->ch.auth_token);
  free(t->ch.from);
}

static char *
fixture(const char *name, size_t *len)
{
  char *path = tu_path(ADUAN_FIXTURES_DIR, name);
  char *text = tu_read_file(path, len);

  ck_assert_msg(text != NULL, "cannot read fixture %s", path);
  free(path);
  return text;
}

/* A POST of body to target, form-encoded, with signature sig (or none). */
static struct httpd_request *
form_post(const char *target, const char *body, size_t len, const char *sig)
{
  struct httpd_request *r;
  const char *hdrs[] = {FORM_CT, NULL};

  r = tu_request_new("POST", target, hdrs, body, len);
  if (sig != NULL)
    tu_request_add_header(r, "X-Twilio-Signature", sig);
  return r;
}

/* verify() of body posted to target under public_url and token. */
static int
verify_with(const char *public_url, const char *token, const char *target,
            const char *body, const char *sig)
{
  struct tw t;
  struct httpd_request *r;
  int rc;

  tw_init(&t, public_url, token, "+14155550123");
  r = form_post(target, body, strlen(body), sig);
  rc = t.ops->verify(&t.cfg, &t.ch, r);
  tu_request_free(r);
  tw_free(&t);
  return rc;
}

/* Parse body as a Twilio webhook into set; returns parse()'s code. */
static int
parse_body(const char *body, size_t len, struct inbound_set *set,
           const char **why)
{
  struct tw t;
  struct httpd_request *r;
  int rc;

  tw_init(&t, PUBLIC_URL, TOKEN, "+14155550123");
  r = form_post("/webhook/twilio", body, len, NULL);
  *why = NULL;
  rc = t.ops->parse(&t.ch, r, set, why);
  if (rc != 0)
    ck_assert_msg(*why != NULL && (*why)[0] != '\0', "no reason given");
  tu_request_free(r);
  tw_free(&t);
  return rc;
}

static int
parse_fixture(const char *name, struct inbound_set *set)
{
  size_t len;
  char *body = fixture(name, &len);
  const char *why;
  int rc = parse_body(body, len, set, &why);

  ck_assert_msg(rc == 0, "%s: %s", name, why);
  free(body);
  return rc;
}

/* ---- Signatures -------------------------------------------------------- */

START_TEST(sig_documentation_vector)
{
  ck_assert_int_eq(verify_with("https://mycompany.com", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY, DOC_SIG),
                   0);
}
END_TEST

START_TEST(sig_default_port_both_ways)
{
  /* public_url with :443, Twilio signed without it. */
  ck_assert_int_eq(verify_with("https://mycompany.com:443", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY, DOC_SIG),
                   0);
  /* public_url without a port, Twilio signed with :443. */
  ck_assert_int_eq(verify_with("https://mycompany.com", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY,
                               DOC_SIG_443), 0);
  ck_assert_int_eq(verify_with("https://mycompany.com:443", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY,
                               DOC_SIG_443), 0);
  /* http and :80. */
  ck_assert_int_eq(verify_with("http://mycompany.com:80", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY,
                               DOC_SIG_HTTP), 0);
  ck_assert_int_eq(verify_with("http://mycompany.com", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY,
                               DOC_SIG_HTTP), 0);
  /* Another port is another URL; so is :80 on https and :443 on http. */
  ck_assert_int_eq(verify_with("https://mycompany.com:8443", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY, DOC_SIG),
                   AERR_AUTH);
  ck_assert_int_eq(verify_with("https://mycompany.com:80", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY, DOC_SIG),
                   AERR_AUTH);
  ck_assert_int_eq(verify_with("http://mycompany.com:443", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY,
                               DOC_SIG_HTTP), AERR_AUTH);
  /* The scheme is part of the URL. */
  ck_assert_int_eq(verify_with("http://mycompany.com", "12345",
                               "/myapp.php?foo=1&bar=2", DOC_BODY, DOC_SIG),
                   AERR_AUTH);
}
END_TEST

START_TEST(sig_params_in_any_order)
{
  /* The same parameters in another order sign the same. */
  ck_assert_int_eq(verify_with("https://mycompany.com", "12345",
                               "/myapp.php?foo=1&bar=2",
                               "To=%2B18005551212&Digits=1234&"
                               "From=%2B12349013030&CallSid=CA1234567890ABCDE"
                               "&Caller=%2B12349013030", DOC_SIG), 0);
  /* Repeated names: values sorted, exact repeats once. */
  ck_assert_int_eq(verify_with("https://mycompany.com", "12345",
                               "/myapp.php", "B=x&A=2&A=1&A=2",
                               "pDNk2JoEjTdxGpbPvTc/Mofl4R4="), 0);
}
END_TEST

START_TEST(sig_failures)
{
  const char *u = "https://mycompany.com", *t = "/myapp.php?foo=1&bar=2";

  /* A changed parameter. */
  ck_assert_int_eq(verify_with(u, "12345", t,
                               "CallSid=CA1234567890ABCDE&Caller=%2B12349013030"
                               "&Digits=1235&From=%2B12349013030"
                               "&To=%2B18005551212", DOC_SIG), AERR_AUTH);
  /* An added parameter. */
  ck_assert_int_eq(verify_with(u, "12345", t, DOC_BODY "&Extra=1", DOC_SIG),
                   AERR_AUTH);
  /* No header. */
  ck_assert_int_eq(verify_with(u, "12345", t, DOC_BODY, NULL), AERR_AUTH);
  ck_assert_int_eq(verify_with(u, "12345", t, DOC_BODY, ""), AERR_AUTH);
  /* Another token. */
  ck_assert_int_eq(verify_with(u, "12346", t, DOC_BODY, DOC_SIG), AERR_AUTH);
  /* Another URL: path, query, host. */
  ck_assert_int_eq(verify_with(u, "12345", "/other.php?foo=1&bar=2", DOC_BODY,
                               DOC_SIG), AERR_AUTH);
  ck_assert_int_eq(verify_with(u, "12345", "/myapp.php?foo=1&bar=3", DOC_BODY,
                               DOC_SIG), AERR_AUTH);
  ck_assert_int_eq(verify_with(u, "12345", "/myapp.php", DOC_BODY, DOC_SIG),
                   AERR_AUTH);
  ck_assert_int_eq(verify_with("https://evil.example", "12345", t, DOC_BODY,
                               DOC_SIG), AERR_AUTH);
  /* A truncated or padded signature. */
  ck_assert_int_eq(verify_with(u, "12345", t, DOC_BODY,
                               "0/KCTR6DLpKmkAf8muzZqo1nDgQ"), AERR_AUTH);
  ck_assert_int_eq(verify_with(u, "12345", t, DOC_BODY, DOC_SIG " "),
                   AERR_AUTH);
  /* Nothing to check against. */
  ck_assert_int_eq(verify_with(NULL, "12345", t, DOC_BODY, DOC_SIG),
                   AERR_AUTH);
  ck_assert_int_eq(verify_with(u, NULL, t, DOC_BODY, DOC_SIG), AERR_AUTH);
  ck_assert_int_eq(verify_with(u, "", t, DOC_BODY, DOC_SIG), AERR_AUTH);
  /* A body that is not a form cannot be checked. */
  ck_assert_int_eq(verify_with(u, "12345", t, DOC_BODY "&x=%4", DOC_SIG),
                   AERR_AUTH);
}
END_TEST

struct signed_fixture {
  const char *name;
  const char *sig;   /* under TOKEN, for PUBLIC_URL/webhook/twilio */
};

static const struct signed_fixture signed_fixtures[] = {
  {"twilio-sms.form", "fbvgmZf5Ca/haYwHcL35Vdo6PgI="},
  {"twilio-status-delivered.form", "3ufnmlhdsWZ4dMu0DvYiTsdLVq4="},
  {"twilio-status-undelivered.form", "qJAnX/yOcDu0EFqqvvcT0gycGwo="},
  {"twilio-whatsapp-location.form", "DbpCzVL5AS8c9XPgl7zqD4RcDEE="},
  {"twilio-whatsapp-media.form", "vePZEXXtrJPLRWwnZU72Z//SHk4="},
  {"twilio-whatsapp-text.form", "VOrmUcr+7NNhRWazIK4mG9JBDIw="},
};

START_TEST(sig_fixtures)
{
  const struct signed_fixture *f = &signed_fixtures[_i];
  struct httpd_request *r;
  struct tw t;
  size_t len, i;
  char *body = fixture(f->name, &len);

  tw_init(&t, PUBLIC_URL, TOKEN, "+14155550123");
  r = form_post("/webhook/twilio", body, len, f->sig);
  ck_assert_msg(t.ops->verify(&t.cfg, &t.ch, r) == 0, "%s refused", f->name);
  tu_request_free(r);

  /* Any one byte changed (a digit or letter of a value) fails. */
  for (i = len / 3; i < len; i++)
    if ((body[i] >= '0' && body[i] <= '8') ||
        (body[i] >= 'a' && body[i] <= 'y'))
      break;
  ck_assert_uint_lt(i, len);
  body[i]++;
  r = form_post("/webhook/twilio", body, len, f->sig);
  ck_assert_int_eq(t.ops->verify(&t.cfg, &t.ch, r), AERR_AUTH);
  tu_request_free(r);
  body[i]--;

  /* Another token fails. */
  free(t.ch.auth_token);
  t.ch.auth_token = xstrdup("tw-test-token-0002");
  r = form_post("/webhook/twilio", body, len, f->sig);
  ck_assert_int_eq(t.ops->verify(&t.cfg, &t.ch, r), AERR_AUTH);
  tu_request_free(r);
  free(body);
  tw_free(&t);
}
END_TEST

/* ---- Inbound ----------------------------------------------------------- */

START_TEST(parse_sms_fixture)
{
  struct inbound_set s = {0};
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);

  parse_fixture("twilio-sms.form", &s);
  ck_assert_int_eq(s.n, 1);
  ck_assert_int_eq(s.nstatuses, 0);
  ck_assert_str_eq(s.msgs[0].provider_id,
                   "SM9b2e4c6a8d0f1e3a5c7b9d2f4a6e8c01");
  ck_assert_str_eq(s.msgs[0].phone, "+6281339401122");
  ck_assert_int_eq(s.msgs[0].kind, MSG_TEXT);
  ck_assert_str_eq(s.msgs[0].text,
                   "Lapor: pungli di loket Samsat Kupang, diminta Rp "
                   "50.000 tanpa kuitansi");
  ck_assert_str_eq(ops->family_of(&s.msgs[0]), "sms");
  ck_assert_str_eq(s.ack_type, "text/xml");
  ck_assert_str_eq(s.ack_body, TWIML);
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_whatsapp_text_fixture)
{
  struct inbound_set s = {0};
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);

  parse_fixture("twilio-whatsapp-text.form", &s);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].provider_id,
                   "SM4d6f8a0c2e4b6d8f0a2c4e6b8d0f2a49");
  ck_assert_str_eq(s.msgs[0].phone, "+6281339401122");
  ck_assert_int_eq(s.msgs[0].kind, MSG_TEXT);
  ck_assert_str_eq(s.msgs[0].text,
                   "Kepala sekolah minta uang Rp 250.000 per siswa untuk "
                   "rapor, tanpa dasar");
  ck_assert_str_eq(ops->family_of(&s.msgs[0]), "whatsapp");
  ck_assert_str_eq(s.ack_type, "text/xml");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_whatsapp_media_fixture)
{
  struct inbound_set s = {0};
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);

  parse_fixture("twilio-whatsapp-media.form", &s);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].provider_id,
                   "MMb7d9f1a3c5e7092b4d6f8a1c3e5b7d92");
  ck_assert_str_eq(s.msgs[0].phone, "+6285239107788");
  ck_assert_int_eq(s.msgs[0].kind, MSG_MEDIA);
  ck_assert_str_eq(s.msgs[0].media_url,
                   "https://api.twilio.com/2010-04-01/Accounts/"
                   SID "/Messages/"
                   "MMb7d9f1a3c5e7092b4d6f8a1c3e5b7d92/Media/"
                   "ME3c5e7a9b1d3f5072c4e6a8b0d2f4a6c8");
  ck_assert_str_eq(s.msgs[0].media_mime, "image/jpeg");
  ck_assert_str_eq(s.msgs[0].text, "Ini foto karcis parkir palsunya");
  ck_assert_ptr_null(s.msgs[0].media_id);
  ck_assert_str_eq(ops->family_of(&s.msgs[0]), "whatsapp");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_several_media)
{
  static const char body[] =
    "MessageSid=MM0001&From=whatsapp%3A%2B6285712345678&NumMedia=3&Body=Bukti"
    "&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fm%2F0"
    "&MediaContentType0=image%2Fjpeg"
    "&MediaUrl1=https%3A%2F%2Fapi.twilio.com%2Fm%2F1"
    "&MediaContentType1=application%2Fpdf"
    "&MediaUrl2=https%3A%2F%2Fapi.twilio.com%2Fm%2F2";
  struct inbound_set s = {0};
  const char *why;

  ck_assert_int_eq(parse_body(body, strlen(body), &s, &why), 0);
  ck_assert_int_eq(s.n, 3);
  ck_assert_str_eq(s.msgs[0].provider_id, "MM0001");
  ck_assert_str_eq(s.msgs[1].provider_id, "MM0001/1");
  ck_assert_str_eq(s.msgs[2].provider_id, "MM0001/2");
  ck_assert_str_eq(s.msgs[0].media_url, "https://api.twilio.com/m/0");
  ck_assert_str_eq(s.msgs[1].media_url, "https://api.twilio.com/m/1");
  ck_assert_str_eq(s.msgs[2].media_url, "https://api.twilio.com/m/2");
  ck_assert_str_eq(s.msgs[0].media_mime, "image/jpeg");
  ck_assert_str_eq(s.msgs[1].media_mime, "application/pdf");
  ck_assert_str_eq(s.msgs[2].media_mime, "application/octet-stream");
  ck_assert_str_eq(s.msgs[0].text, "Bukti");
  ck_assert_ptr_null(s.msgs[1].text);
  ck_assert_ptr_null(s.msgs[2].text);
  ck_assert_int_eq(s.msgs[2].kind, MSG_MEDIA);
  ck_assert_str_eq(s.msgs[2].phone, "+6285712345678");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_location_fixture)
{
  struct inbound_set s = {0};
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);

  parse_fixture("twilio-whatsapp-location.form", &s);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].provider_id,
                   "SM0e2c4a6b8d9f1e3c5a7b9d0f2e4c6a85");
  ck_assert_str_eq(s.msgs[0].phone, "+6281339401122");
  ck_assert_int_eq(s.msgs[0].kind, MSG_LOCATION);
  ck_assert_double_eq_tol(s.msgs[0].lat, -10.165423393249, 1e-12);
  ck_assert_double_eq_tol(s.msgs[0].lng, 123.582740783691, 1e-12);
  ck_assert_ptr_null(s.msgs[0].text);   /* Body is empty */
  ck_assert_str_eq(ops->family_of(&s.msgs[0]), "whatsapp");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_button_and_list)
{
  static const char button[] =
    "MessageSid=SM0002&From=whatsapp%3A%2B6281234567890&NumMedia=0"
    "&Body=Kirim&ButtonText=Kirim&ButtonPayload=KIRIM&MessageType=button";
  static const char list[] =
    "MessageSid=SM0003&From=whatsapp%3A%2B6281234567890&NumMedia=0"
    "&Body=Pungli&ListId=kat-3&ListTitle=Pungli&MessageType=interactive";
  struct inbound_set s = {0};
  const char *why;

  ck_assert_int_eq(parse_body(button, strlen(button), &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_int_eq(s.msgs[0].kind, MSG_CHOICE);
  ck_assert_str_eq(s.msgs[0].text, "KIRIM");
  inbound_set_free(&s);

  ck_assert_int_eq(parse_body(list, strlen(list), &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_int_eq(s.msgs[0].kind, MSG_CHOICE);
  ck_assert_str_eq(s.msgs[0].text, "kat-3");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_unsupported_type)
{
  static const char body[] =
    "MessageSid=SM0004&From=whatsapp%3A%2B6281234567890&NumMedia=0"
    "&Body=&MessageType=contacts";
  struct inbound_set s = {0};
  const char *why;

  ck_assert_int_eq(parse_body(body, strlen(body), &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_int_eq(s.msgs[0].kind, MSG_UNSUPPORTED);
  ck_assert_str_eq(s.msgs[0].provider_id, "SM0004");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_status_delivered_fixture)
{
  struct inbound_set s = {0};

  parse_fixture("twilio-status-delivered.form", &s);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(s.nstatuses, 1);
  ck_assert_str_eq(s.statuses[0].provider_id,
                   "SMc8e0a2b4d6f8a1c3e5b7d9f0a2c4e6b3");
  ck_assert_int_eq(s.statuses[0].status, DELIVERY_DELIVERED);
  ck_assert_ptr_null(s.statuses[0].error_code);
  ck_assert_ptr_null(s.statuses[0].error_text);
  ck_assert_str_eq(s.ack_type, "text/xml");
  ck_assert_str_eq(s.ack_body, TWIML);
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_status_undelivered_fixture)
{
  struct inbound_set s = {0};

  parse_fixture("twilio-status-undelivered.form", &s);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(s.nstatuses, 1);
  ck_assert_str_eq(s.statuses[0].provider_id,
                   "SMc8e0a2b4d6f8a1c3e5b7d9f0a2c4e6b3");
  ck_assert_int_eq(s.statuses[0].status, DELIVERY_FAILED);
  ck_assert_str_eq(s.statuses[0].error_code, "30003");
  ck_assert_str_eq(s.statuses[0].error_text, "undelivered");
  ck_assert_str_eq(s.ack_type, "text/xml");
  inbound_set_free(&s);
}
END_TEST

struct status_case {
  const char *status;
  int n;            /* status updates expected */
  enum delivery d;
};

static const struct status_case status_cases[] = {
  {"queued", 0, DELIVERY_SENT},
  {"sending", 0, DELIVERY_SENT},
  {"accepted", 0, DELIVERY_SENT},
  {"scheduled", 0, DELIVERY_SENT},
  {"sent", 1, DELIVERY_SENT},
  {"delivered", 1, DELIVERY_DELIVERED},
  {"read", 1, DELIVERY_READ},
  {"undelivered", 1, DELIVERY_FAILED},
  {"failed", 1, DELIVERY_FAILED},
  {"canceled", 1, DELIVERY_FAILED},
  {"something_new", 0, DELIVERY_SENT},
};

START_TEST(parse_status_table)
{
  const struct status_case *c = &status_cases[_i];
  struct inbound_set s = {0};
  char body[256];
  const char *why;

  snprintf(body, sizeof(body),
           "MessageSid=SM0005&MessageStatus=%s&ErrorCode=63016"
           "&ErrorMessage=Outside+window&To=%%2B6281234567890", c->status);
  ck_assert_int_eq(parse_body(body, strlen(body), &s, &why), 0);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(s.nstatuses, c->n);
  ck_assert_str_eq(s.ack_type, "text/xml");
  if (c->n == 1) {
    ck_assert_str_eq(s.statuses[0].provider_id, "SM0005");
    ck_assert_int_eq(s.statuses[0].status, c->d);
    if (c->d == DELIVERY_FAILED) {
      ck_assert_str_eq(s.statuses[0].error_code, "63016");
      ck_assert_str_eq(s.statuses[0].error_text, "Outside window");
    } else {
      ck_assert_ptr_null(s.statuses[0].error_code);
    }
  }
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_wrong_content_type)
{
  struct tw t;
  struct httpd_request *r;
  struct inbound_set s = {0};
  const char *why = NULL;
  const char *json[] = {"Content-Type: application/json", NULL};
  static const char body[] = "MessageSid=SM1&From=%2B6281234567890&Body=x";

  tw_init(&t, PUBLIC_URL, TOKEN, "+14155550123");
  r = tu_request_new("POST", "/webhook/twilio", json, body, strlen(body));
  ck_assert_int_eq(t.ops->parse(&t.ch, r, &s, &why), AERR_PARSE);
  ck_assert_ptr_nonnull(why);
  ck_assert_int_eq(s.n, 0);
  tu_request_free(r);
  r = tu_request_new("POST", "/webhook/twilio", NULL, body, strlen(body));
  ck_assert_int_eq(t.ops->parse(&t.ch, r, &s, &why), AERR_PARSE);
  tu_request_free(r);
  /* With a charset parameter it is still a form. */
  {
    const char *cs[] = {
      "Content-Type: application/x-www-form-urlencoded; charset=utf-8", NULL
    };
    r = tu_request_new("POST", "/webhook/twilio", cs, body, strlen(body));
    ck_assert_int_eq(t.ops->parse(&t.ch, r, &s, &why), 0);
    ck_assert_int_eq(s.n, 1);
    ck_assert_str_eq(s.msgs[0].text, "x");
    tu_request_free(r);
  }
  inbound_set_free(&s);
  tw_free(&t);
}
END_TEST

START_TEST(parse_invalid_utf8_replaced)
{
  static const char body[] =
    "MessageSid=SM0006&From=%2B6281234567890&Body=ab%FF%00cd%E2%82";
  struct inbound_set s = {0};
  const char *why;

  ck_assert_int_eq(parse_body(body, strlen(body), &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].text, "ab\xef\xbf\xbd\xef\xbf\xbd"
                   "cd\xef\xbf\xbd\xef\xbf\xbd");
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_long_body)
{
  struct buf b = BUF_INIT;
  struct inbound_set s = {0};
  const char *why;
  int i;

  ck_assert_int_eq(buf_puts(&b, "MessageSid=SM0007&From=%2B6281234567890"
                                "&Body="), 0);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_append(&b, i % 2 ? "a" : "+", 1), 0);
  ck_assert_int_eq(parse_body(b.data, b.len, &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_uint_eq(strlen(s.msgs[0].text), 10000);
  ck_assert_int_eq(s.msgs[0].text[0], ' ');
  ck_assert_int_eq(s.msgs[0].text[9999], 'a');
  inbound_set_free(&s);
  buf_free(&b);
}
END_TEST

/* Hostile bodies: each must be refused, skipped or taken without harm. */
#define SKIPPED 1  /* acknowledged, nothing taken, counted as skipped */
struct bad_case {
  const char *body;
  int rc;          /* 0, SKIPPED or AERR_PARSE */
};

static const struct bad_case bad_cases[] = {
  {"", SKIPPED},
  {"%4", AERR_PARSE},
  {"%", AERR_PARSE},
  {"Body=%4", AERR_PARSE},
  {"MessageSid=SM1&From=%2B6281234567890&Body=ab%4", AERR_PARSE},
  {"MessageSid=SM1&From=%2B6281234567890&Body=ab%GG", AERR_PARSE},
  {"&&&===&&", SKIPPED},
  {"=", SKIPPED},
  {"MessageSid=SM1&Body=x", SKIPPED},                  /* no From */
  {"From=%2B6281234567890&Body=x", SKIPPED},          /* no sid */
  {"MessageSid=&From=%2B6281234567890&Body=x", SKIPPED},
  {"MessageSid=S+M&From=%2B6281234567890&Body=x", SKIPPED},
  {"MessageSid=SM1&From=Telkomsel&Body=x", SKIPPED},
  {"MessageSid=SM1&From=whatsapp%3A&Body=x", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890", SKIPPED},  /* no Body */
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=999", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=-1", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=abc", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=99999999999999999999",
   SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=1", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=1"
   "&MediaUrl0=file%3A%2F%2F%2Fetc%2Fpasswd", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&NumMedia=1"
   "&MediaUrl0=https%3A%2F%2Fx%2Fy&MediaContentType0=%00%01", 0},
  {"MessageSid=SM1&From=%2B6281234567890&Latitude=abc&Longitude=1",
   SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&Latitude=91&Longitude=1",
   SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&Latitude=1&Longitude=nan",
   SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&Latitude=1", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890&Latitude=1e999&Longitude=1",
   SKIPPED},
  {"MessageStatus=delivered", SKIPPED},               /* no sid */
  {"MessageStatus=failed&MessageSid=SM1&ErrorCode=%01", 0},
  {"MessageSid=SM1&From=%2B6281234567890&Body=%00", 0},
  {"MessageSid=SM1&From=%2B6281234567890&Body=x&Body=y", 0},
  /* A NUL inside an identifying field does not cut it short. */
  {"MessageSid=SM1%00a&From=%2B6281234567890&Body=x", SKIPPED},
  {"MessageSid=SM1&From=%2B6281234567890%00a&Body=x", SKIPPED},
};

START_TEST(parse_hostile)
{
  const struct bad_case *c = &bad_cases[_i];
  struct inbound_set s = {0};
  const char *why;
  int rc, i;

  rc = parse_body(c->body, strlen(c->body), &s, &why);
  if (c->rc == SKIPPED) {
    ck_assert_msg(rc == 0 && s.n == 0 && s.nstatuses == 0 &&
                  s.skipped == 1 && s.skip_why != NULL,
                  "'%s': %d, %d taken, %d skipped", c->body, rc, s.n,
                  s.skipped);
  } else {
    ck_assert_msg(rc == c->rc, "'%s': %d (%s)", c->body, rc,
                  why != NULL ? why : "-");
  }
  for (i = 0; i < s.n; i++) {
    ck_assert_ptr_nonnull(s.msgs[i].provider_id);
    if (s.msgs[i].text != NULL)
      ck_assert_ptr_null(strchr(s.msgs[i].text, '\x01'));
    if (s.msgs[i].media_mime != NULL)
      ck_assert_str_eq(s.msgs[i].media_mime, "application/octet-stream");
  }
  for (i = 0; i < s.nstatuses; i++)
    ck_assert_ptr_null(s.statuses[i].error_code);  /* "\x01" is refused */
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_hostile_long_values)
{
  static const char *const names[] = {
    "MessageSid", "From", "Body", "NumMedia", "Latitude", "MessageStatus",
    "ButtonPayload", "MessageType", "ErrorCode"
  };
  struct inbound_set s = {0};
  struct buf b = BUF_INIT;
  const char *why;
  size_t k;
  int i, rc;

  static const char *const bases[] = {
    "MessageSid=SM1&From=%2B6281234567890&Body=x",
    "MessageSid=SM1&From=%2B6281234567890&MessageStatus=failed"
  };
  size_t j;

  for (j = 0; j < sizeof(bases) / sizeof(bases[0]); j++)
    for (k = 0; k < sizeof(names) / sizeof(names[0]); k++) {
      buf_reset(&b);
      ck_assert_int_eq(buf_printf(&b, "%s&%s=", bases[j], names[k]), 0);
      for (i = 0; i < 10000; i++)
        ck_assert_int_eq(buf_append(&b, "9", 1), 0);
      rc = parse_body(b.data, b.len, &s, &why);
      ck_assert_msg(rc == 0 || rc == AERR_PARSE, "%s: %d", names[k], rc);
      inbound_set_free(&s);
    }
  buf_free(&b);
}
END_TEST

/* ---- Sending ----------------------------------------------------------- */

/* The body line and the Authorization value of twilio-send-request.txt. */
static void
send_fixture(char **body, char **auth, char **target)
{
  size_t len;
  char *text = fixture("twilio-send-request.txt", &len);
  struct httpd_request *r = tu_request_parse(text, len, NULL);
  const char *p, *e;

  ck_assert_ptr_nonnull(r);
  *auth = xstrdup(httpd_header(r, "Authorization"));
  *target = xstrdup(r->url);
  tu_request_free(r);
  p = strstr(text, "\n\nTo=");
  ck_assert_ptr_nonnull(p);
  p += 2;
  e = strchr(p, '\n');
  *body = strndup(p, e != NULL ? (size_t)(e - p) : strlen(p));
  ck_assert_ptr_nonnull(*body);
  free(text);
}

static const char send_text[] =
  "Laporan ADU-2026-000417 diterima. Balas STOP untuk berhenti.";

START_TEST(send_sms_with_callback)
{
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  char *fbody, *fauth, *ftarget, expect_auth[160], b64[128];
  static const char cred[] = SID ":00000000000000000000000000000000";
  const char *cb;
  struct tw t;

  tw_init(&t, PUBLIC_URL, "00000000000000000000000000000000",
          "+14155550123");
  m.outbox_id = 7;
  m.to = "+6281339401122";
  m.kind = OUT_TEXT;
  m.text = send_text;
  ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req), 0);
  ck_assert_str_eq(req.method, "POST");
  ck_assert_str_eq(req.url, "https://api.twilio.com/2010-04-01/Accounts/"
                   SID "/Messages.json");

  crypto_base64(cred, strlen(cred), b64);
  snprintf(expect_auth, sizeof(expect_auth), "Authorization: Basic %s", b64);
  ck_assert_str_eq(req.headers[0], expect_auth);
  ck_assert_str_eq(req.headers[1],
                   "Content-Type: application/x-www-form-urlencoded");
  ck_assert_str_eq(req.headers[2], "Accept: application/json");
  ck_assert_ptr_null(req.headers[3]);

  /* The fixture agrees on the path, the credentials and every parameter
   * but StatusCallback, which is ours: /webhook/<channel>. */
  send_fixture(&fbody, &fauth, &ftarget);
  ck_assert_str_eq(req.headers[0] + strlen("Authorization: "), fauth);
  ck_assert_str_eq(req.url + strlen("https://api.twilio.com"), ftarget);
  cb = strstr(fbody, "&StatusCallback=");
  ck_assert_ptr_nonnull(cb);
  ck_assert_int_eq(strncmp(req.body.data, fbody, (size_t)(cb - fbody)), 0);
  ck_assert_str_eq(req.body.data + (cb - fbody),
                   "&StatusCallback=https%3A%2F%2Fpengaduan.example.go.id"
                   "%2Fwebhook%2Ftwilio");
  ck_assert_str_eq(req.body.data,
                   "To=%2B6281339401122&From=%2B14155550123&Body=Laporan+"
                   "ADU-2026-000417+diterima.+Balas+STOP+untuk+berhenti."
                   "&StatusCallback=https%3A%2F%2Fpengaduan.example.go.id"
                   "%2Fwebhook%2Ftwilio");
  free(fbody);
  free(fauth);
  free(ftarget);
  provider_request_free(&req);
  tw_free(&t);
}
END_TEST

START_TEST(send_without_public_url)
{
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  struct tw t;

  tw_init(&t, NULL, TOKEN, "+14155550123");
  free(t.ch.api_base);
  t.ch.api_base = xstrdup("http://127.0.0.1:9999/");   /* trailing slash */
  m.to = "+6281234567890";
  m.text = "a b&c=d/\xc3\xa9~%+";
  ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req), 0);
  ck_assert_str_eq(req.url, "http://127.0.0.1:9999/2010-04-01/Accounts/"
                   SID "/Messages.json");
  ck_assert_str_eq(req.body.data,
                   "To=%2B6281234567890&From=%2B14155550123"
                   "&Body=a+b%26c%3Dd%2F%C3%A9~%25%2B");
  provider_request_free(&req);
  tw_free(&t);
}
END_TEST

START_TEST(send_whatsapp)
{
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  struct tw t;

  tw_init(&t, PUBLIC_URL, TOKEN, "whatsapp:+6282110001500");
  free(t.ch.name);
  t.ch.name = xstrdup("wa-twilio");
  m.to = "+6281234567890";
  m.text = "Terima kasih";
  ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req), 0);
  ck_assert_str_eq(req.body.data,
                   "To=whatsapp%3A%2B6281234567890"
                   "&From=whatsapp%3A%2B6282110001500&Body=Terima+kasih"
                   "&StatusCallback=https%3A%2F%2Fpengaduan.example.go.id"
                   "%2Fwebhook%2Fwa-twilio");
  provider_request_free(&req);
  tw_free(&t);
}
END_TEST

/* WhatsApp usernames over Twilio: a From that carries a business-scoped
 * user id instead of a number ("whatsapp:ID.4471920083316652", as the
 * other platforms put the BSUID where the number was) is a reporter known
 * by that id; replies go back to it.  An SMS From never is one. */
START_TEST(whatsapp_bsuid_sender)
{
  static const char wa[] =
    "MessageSid=SM0100&From=whatsapp%3AID.4471920083316652"
    "&To=whatsapp%3A%2B6282110001500&NumMedia=0&Body=mau+lapor";
  static const char media[] =
    "MessageSid=MM0101&From=whatsapp%3AID.4471920083316652&NumMedia=1"
    "&MediaUrl0=https%3A%2F%2Fapi.twilio.com%2Fm%2F1"
    "&MediaContentType0=image%2Fjpeg&Body=foto";
  static const char sms[] =
    "MessageSid=SM0102&From=ID.4471920083316652&NumMedia=0&Body=x";
  static const char parent[] =
    "MessageSid=SM0103&From=whatsapp%3AUS.ENT.11815799212886844830"
    "&NumMedia=0&Body=x";
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);
  struct inbound_set s = {0};
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  const char *why;
  struct tw t;

  ck_assert_int_eq(parse_body(wa, sizeof(wa) - 1, &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].phone, "");
  ck_assert_str_eq(s.msgs[0].bsuid, "ID.4471920083316652");
  ck_assert_str_eq(ops->family_of(&s.msgs[0]), "whatsapp");
  inbound_set_free(&s);

  memset(&s, 0, sizeof(s));
  ck_assert_int_eq(parse_body(media, sizeof(media) - 1, &s, &why), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].bsuid, "ID.4471920083316652");
  ck_assert_int_eq(s.msgs[0].kind, MSG_MEDIA);
  inbound_set_free(&s);

  /* Not a WhatsApp address, or a parent BSUID: acknowledged, skipped. */
  memset(&s, 0, sizeof(s));
  ck_assert_int_eq(parse_body(sms, sizeof(sms) - 1, &s, &why), 0);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(s.skipped, 1);
  inbound_set_free(&s);
  memset(&s, 0, sizeof(s));
  ck_assert_int_eq(parse_body(parent, sizeof(parent) - 1, &s, &why), 0);
  ck_assert_int_eq(s.n, 0);
  inbound_set_free(&s);

  tw_init(&t, PUBLIC_URL, TOKEN, "whatsapp:+6282110001500");
  m.recipient = "ID.4471920083316652";
  m.text = "Terima kasih";
  ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req), 0);
  ck_assert_int_eq(strncmp(req.body.data,
                           "To=whatsapp%3AID.4471920083316652&", 34), 0);
  provider_request_free(&req);
  /* An SMS channel cannot reach a BSUID. */
  free(t.ch.from);
  t.ch.from = xstrdup("+14155550123");
  ck_assert_int_ne(t.ops->build_send(&t.cfg, &t.ch, &m, &req), 0);
  tw_free(&t);
}
END_TEST

START_TEST(send_refusals)
{
  static const enum outbound_kind kinds[] = {OUT_TEMPLATE, OUT_LIST,
                                             OUT_BUTTONS};
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  struct tw t;
  size_t i;

  tw_init(&t, PUBLIC_URL, TOKEN, "+14155550123");
  m.to = "+6281234567890";
  m.text = "x";
  for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
    m.kind = kinds[i];
    ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req),
                     AERR_UNSUPPORTED);
  }
  m.kind = OUT_TEXT;
  m.text = NULL;
  ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req), AERR_PARSE);
  m.text = "x";
  free(t.ch.account_sid);
  t.ch.account_sid = NULL;
  ck_assert_int_eq(t.ops->build_send(&t.cfg, &t.ch, &m, &req), AERR_CONFIG);
  tw_free(&t);
}
END_TEST

/* ---- Answers ----------------------------------------------------------- */

struct classify_case {
  long status;
  const char *retry_after;
  const char *fixture;      /* body from this fixture, or */
  const char *body;         /* this text */
  enum send_outcome outcome;
  const char *provider_id;
  const char *error;        /* NULL: not checked */
  int64_t retry_ms;
};

static const struct classify_case classify_cases[] = {
  {0, NULL, NULL, "", SEND_RETRY, NULL, "no answer from Twilio", 0},
  {201, NULL, "twilio-send-response.json", NULL, SEND_OK,
   "SMc8e0a2b4d6f8a1c3e5b7d9f0a2c4e6b3", NULL, 0},
  {200, NULL, "twilio-send-response.json", NULL, SEND_OK,
   "SMc8e0a2b4d6f8a1c3e5b7d9f0a2c4e6b3", NULL, 0},
  {201, NULL, NULL, "{}", SEND_FAIL, NULL, "accepted without a message sid",
   0},
  {201, NULL, NULL, "not json", SEND_FAIL, NULL, NULL, 0},
  {201, NULL, NULL, "{\"sid\": 42}", SEND_FAIL, NULL, NULL, 0},
  {429, "7", "twilio-error-20429.json", NULL, SEND_RETRY, NULL,
   "20429: Too Many Requests", 7000},
  {429, NULL, "twilio-error-20429.json", NULL, SEND_RETRY, NULL,
   "20429: Too Many Requests", 0},
  {429, "Wed, 21 Oct 2015 07:28:00 GMT", "twilio-error-20429.json", NULL,
   SEND_RETRY, NULL, NULL, 0},
  {429, "99999999999", "twilio-error-20429.json", NULL, SEND_RETRY, NULL,
   NULL, 86400000},
  {429, " 12 ", NULL, "", SEND_RETRY, NULL, "HTTP 429", 12000},
  {500, NULL, NULL, "<html>oops</html>", SEND_RETRY, NULL, "HTTP 500", 0},
  {503, "3", NULL, "", SEND_RETRY, NULL, "HTTP 503", 3000},
  {400, NULL, "twilio-error-21610.json", NULL, SEND_FAIL, NULL,
   "21610: Attempt to send to unsubscribed recipient", 0},
  {401, NULL, NULL, "{\"code\":20003,\"message\":\"Authenticate\"}",
   SEND_FAIL, NULL, "20003: Authenticate", 0},
  {404, NULL, NULL, "[1,2]", SEND_FAIL, NULL, "HTTP 404", 0},
  {302, NULL, NULL, "", SEND_FAIL, NULL, "HTTP 302", 0},
};

START_TEST(classify_table)
{
  const struct classify_case *c = &classify_cases[_i];
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);
  struct send_result r;
  char *body = NULL;
  size_t len = 0;

  if (c->fixture != NULL)
    body = fixture(c->fixture, &len);
  else
    body = xstrdup(c->body);
  if (c->fixture == NULL)
    len = strlen(body);
  ops->classify(NULL, c->status, c->retry_after, body, len, &r);
  ck_assert_msg(r.outcome == c->outcome, "status %ld: outcome %d", c->status,
                r.outcome);
  if (c->provider_id != NULL)
    ck_assert_str_eq(r.provider_id, c->provider_id);
  else
    ck_assert_ptr_null(r.provider_id);
  if (c->outcome != SEND_OK)
    ck_assert_ptr_nonnull(r.error);
  if (c->error != NULL)
    ck_assert_str_eq(r.error, c->error);
  ck_assert_int_eq(r.retry_after_ms, c->retry_ms);
  send_result_free(&r);
  free(body);
}
END_TEST

START_TEST(classify_long_error_is_cut)
{
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);
  struct send_result r;
  struct buf b = BUF_INIT;
  int i;

  ck_assert_int_eq(buf_puts(&b, "{\"code\":21211,\"message\":\""), 0);
  for (i = 0; i < 5000; i++)
    ck_assert_int_eq(buf_puts(&b, "\xc3\xa9"), 0);
  ck_assert_int_eq(buf_puts(&b, "\"}"), 0);
  ops->classify(NULL, 400, NULL, b.data, b.len, &r);
  ck_assert_int_eq(r.outcome, SEND_FAIL);
  ck_assert_uint_le(strlen(r.error), 300);
  ck_assert_int_eq(strncmp(r.error, "21211: \xc3\xa9", 9), 0);
  /* Cut between characters: no replacement character at the end. */
  ck_assert_ptr_null(strstr(r.error, "\xef\xbf\xbd"));
  send_result_free(&r);
  buf_free(&b);
}
END_TEST

START_TEST(adapter_registered)
{
  const struct provider_ops *ops = provider_for(CHANNEL_TWILIO);
  struct inbound_msg m;

  ck_assert_ptr_nonnull(ops);
  ck_assert_int_eq(ops->type, CHANNEL_TWILIO);
  ck_assert_str_eq(ops->family, "sms");
  ck_assert_int_eq(ops->inline_replies, 0);
  ck_assert(ops->handshake == NULL);
  ck_assert(ops->media_request != NULL);
  memset(&m, 0, sizeof(m));
  ck_assert_str_eq(ops->family_of(&m), "sms");
}
END_TEST

/* Media: Basic auth only to api_base's scheme, host and port. */
START_TEST(media_auth_only_to_api_base)
{
  static const struct {
    const char *base;
    const char *url;
    int auth;
  } cases[] = {
    {"https://api.twilio.com", "https://api.twilio.com/2010-04-01/Accounts/"
     SID "/Messages/MM1/Media/ME1", 1},
    {"https://api.twilio.com", "https://API.Twilio.com:443/x", 1},
    {"https://api.twilio.com", "http://api.twilio.com/x", 0},
    {"https://api.twilio.com", "https://api.twilio.com:8443/x", 0},
    {"https://api.twilio.com", "https://media.twiliocdn.com/x", 0},
    {"https://api.twilio.com", "https://api.twilio.com.evil.example/x", 0},
    {"https://api.twilio.com", "https://api.twilio.com@evil.example/x", 0},
    {"http://127.0.0.1:9999/", "http://127.0.0.1:9999/x", 1},
    {"http://127.0.0.1:9999", "http://127.0.0.1:9998/x", 0},
    {"http://10.0.0.5", "http://10.0.0.5/x", 0},    /* not https */
  };
  struct tw t;
  struct inbound_msg m;
  struct provider_request r;
  char url[256];
  size_t i;

  tw_init(&t, "https://pengaduan.example.go.id", "tok", "+14155550123");
  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    free(t.ch.api_base);
    t.ch.api_base = xstrdup(cases[i].base);
    snprintf(url, sizeof(url), "%s", cases[i].url);
    memset(&m, 0, sizeof(m));
    m.media_url = url;
    memset(&r, 0, sizeof(r));
    ck_assert_int_eq(t.ops->media_request(&t.ch, &m, 0, NULL, 0, &r), 0);
    ck_assert_str_eq(r.method, "GET");
    ck_assert_str_eq(r.url, cases[i].url);
    ck_assert_ptr_null(r.headers[0]);
    if (cases[i].auth)
      ck_assert_str_eq(r.userpwd, SID ":tok");
    else
      ck_assert_msg(r.userpwd == NULL, "%s: credentials sent",
                    cases[i].url);
    provider_request_free(&r);
    ck_assert_int_eq(t.ops->media_request(&t.ch, &m, 1, "x", 1, &r), 1);
    ck_assert_ptr_null(r.url);
  }
  memset(&m, 0, sizeof(m));
  ck_assert_int_eq(t.ops->media_request(&t.ch, &m, 0, NULL, 0, &r),
                   AERR_PARSE);
  snprintf(url, sizeof(url), "ftp://api.twilio.com/x");
  m.media_url = url;
  ck_assert_int_eq(t.ops->media_request(&t.ch, &m, 0, NULL, 0, &r),
                   AERR_PARSE);
  ck_assert_ptr_null(r.url);
  tw_free(&t);
}
END_TEST

/* 161 GSM-7 characters, one more than a single SMS holds: two segments. */
#define TEXT_161 \
  "Laporan Anda sudah kami terima dan sedang diperiksa oleh petugas. " \
  "Kami akan memberi kabar lagi setelah ada keputusan dari dinas yang " \
  "berwenang, terima kasih, ya."

/* What the channel sends follows its `from`: SMS is billed by the
 * segment, WhatsApp not; either way the webhook parses POST only and the
 * channel is no console. */
START_TEST(facts_send_family)
{
  struct tw t;

  ck_assert_uint_eq(strlen(TEXT_161), 161);
  tw_init(&t, PUBLIC_URL, TOKEN, "+14155550123");
  ck_assert_str_eq(provider_send_family(&t.ch), "sms");
  ck_assert_int_eq(provider_segments(&t.ch, TEXT_161), 2);
  ck_assert_int_eq(provider_segments(&t.ch, "halo"), 1);
  free(t.ch.from);
  t.ch.from = xstrdup("whatsapp:+14155550123");
  ck_assert_str_eq(provider_send_family(&t.ch), "whatsapp");
  ck_assert_int_eq(provider_segments(&t.ch, TEXT_161), 0);
  ck_assert_int_eq(provider_takes_method(t.ops, HTTP_POST), 1);
  ck_assert_int_eq(provider_takes_method(t.ops, HTTP_GET), 0);
  ck_assert_int_eq(t.ops->console, 0);
  /* The sender sends no template on Twilio: free text at any time. */
  ck_assert(provider_free_form_until(&t.ch, 0) == INT64_MAX);
  tw_free(&t);
}
END_TEST

/* The evidence row keeps the media's URL; fetching it from that alone
 * gives the same request as from the message. */
START_TEST(facts_media_from_stored_url)
{
  struct tw t;
  struct provider_request r;
  char url[] = "https://api.twilio.com/2010-04-01/Accounts/" SID
               "/Messages/MM1/Media/ME1";
  char mime[] = "image/jpeg";

  tw_init(&t, PUBLIC_URL, "tok", "+14155550123");
  memset(&r, 0, sizeof(r));
  ck_assert_int_eq(provider_media_request(&t.ch, url, mime, 0, NULL, 0, &r),
                   0);
  ck_assert_str_eq(r.method, "GET");
  ck_assert_str_eq(r.url, url);
  ck_assert_str_eq(r.userpwd, SID ":tok");
  provider_request_free(&r);
  ck_assert_int_eq(provider_media_request(&t.ch, url, mime, 1, "x", 1, &r),
                   1);
  ck_assert_ptr_null(r.url);
  tw_free(&t);
}
END_TEST

static Suite *
provider_twilio_suite(void)
{
  Suite *s = suite_create("provider_twilio");
  TCase *sig = tcase_create("signature");
  TCase *in = tcase_create("inbound");
  TCase *out = tcase_create("send");

  tcase_add_test(sig, sig_documentation_vector);
  tcase_add_test(sig, sig_default_port_both_ways);
  tcase_add_test(sig, sig_params_in_any_order);
  tcase_add_test(sig, sig_failures);
  tcase_add_loop_test(sig, sig_fixtures, 0,
                      sizeof(signed_fixtures) / sizeof(signed_fixtures[0]));
  suite_add_tcase(s, sig);

  tcase_add_test(in, parse_sms_fixture);
  tcase_add_test(in, parse_whatsapp_text_fixture);
  tcase_add_test(in, whatsapp_bsuid_sender);
  tcase_add_test(in, parse_whatsapp_media_fixture);
  tcase_add_test(in, parse_several_media);
  tcase_add_test(in, parse_location_fixture);
  tcase_add_test(in, parse_button_and_list);
  tcase_add_test(in, parse_unsupported_type);
  tcase_add_test(in, parse_status_delivered_fixture);
  tcase_add_test(in, parse_status_undelivered_fixture);
  tcase_add_loop_test(in, parse_status_table, 0,
                      sizeof(status_cases) / sizeof(status_cases[0]));
  tcase_add_test(in, parse_wrong_content_type);
  tcase_add_test(in, parse_invalid_utf8_replaced);
  tcase_add_test(in, parse_long_body);
  tcase_add_loop_test(in, parse_hostile, 0,
                      sizeof(bad_cases) / sizeof(bad_cases[0]));
  tcase_add_test(in, parse_hostile_long_values);
  suite_add_tcase(s, in);

  tcase_add_test(out, send_sms_with_callback);
  tcase_add_test(out, send_without_public_url);
  tcase_add_test(out, send_whatsapp);
  tcase_add_test(out, send_refusals);
  tcase_add_loop_test(out, classify_table, 0,
                      sizeof(classify_cases) / sizeof(classify_cases[0]));
  tcase_add_test(out, classify_long_error_is_cut);
  tcase_add_test(out, adapter_registered);
  tcase_add_test(out, media_auth_only_to_api_base);
  tcase_add_test(out, facts_send_family);
  tcase_add_test(out, facts_media_from_stored_url);
  suite_add_tcase(s, out);
  return s;
}

UNIT_MAIN(provider_twilio_suite)
