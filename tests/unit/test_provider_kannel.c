/*
 * test_provider_kannel.c: the Kannel adapter: the shared secret, inbound
 * SMS by get-url and post-url (GSM-7, UCS-2, Latin-1, broken text),
 * delivery reports, the sendsms request and the reading of its answers.
 *
 * The fixtures are Kannel's own requests as its code writes them; where
 * their URLs were made for another application (paths, a dlr-url of its
 * own), the test says what it takes from them.  Expected UTF-16BE bytes,
 * encodings and the derived id were computed apart from this code.
 */
#include <http_parser.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "base/form.h"
#include "provider/provider.h"
#include "testutil.h"
#include "tu_request.h"

#define PUBLIC_URL "https://pengaduan.example.go.id"
#define SECRET "s3cr+t"
#define SECRET_Q "secret=s3cr%2Bt"
#define SENDSMS "http://127.0.0.1:13013/cgi-bin/sendsms"
#define FFFD "\xef\xbf\xbd"

/* “Laporan” diterima 🙏 */
#define CURLY_TEXT "\xe2\x80\x9cLaporan\xe2\x80\x9d diterima \xf0\x9f\x99\x8f"
/* The same as UTF-16BE bytes, form-encoded. */
#define CURLY_UCS2 "+%1C%00L%00a%00p%00o%00r%00a%00n+%1D%00+%00d%00i%00t%00e" \
  "%00r%00i%00m%00a%00+%D8%3D%DEO"

/* HMAC-SHA256(SECRET, "dlr\nsms\n42") in hex: the signature of the
 * delivery reports of outbox 42 on channel "sms". */
#define SIG_42 "37810673e16636f6d60132d6a7b9df7074dafceae1384f5200300698f8dff4ed"

/* The dlr-url for outbox 42 on channel "sms", form-encoded: signed, and
 * without the channel's secret. */
#define DLR_URL_42 "https%3A%2F%2Fpengaduan.example.go.id%2Fwebhook%2Fsms" \
  "%3Ftype%3Ddlr%26outbox%3D42%26sig%3D" SIG_42 "%26status%3D%25d" \
  "%26answer%3D%25A"

struct ka {
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
ka_init(struct ka *k, const char *public_url)
{
  memset(k, 0, sizeof(*k));
  k->cfg.server.public_url = xstrdup(public_url);
  k->ch.name = xstrdup("sms");
  k->ch.type = CHANNEL_KANNEL;
  k->ch.secret = xstrdup(SECRET);
  k->ch.sendsms_url = xstrdup(SENDSMS);
  k->ch.username = xstrdup("pengaduan");
  k->ch.password = xstrdup("rahasia123");
  k->ch.from = xstrdup("1708");
  k->ops = provider_for(CHANNEL_KANNEL);
  ck_assert_ptr_nonnull(k->ops);
}

static void
ka_free(struct ka *k)
{
  free(k->cfg.server.public_url);
  free(k->ch.name);
  free(k->ch.secret);
  free(k->ch.sendsms_url);
  free(k->ch.username);
  free(k->ch.password);
  free(k->ch.from);
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

/* Verify and parse r; returns parse()'s code, or AERR_AUTH. */
static int
run(struct httpd_request *r, struct inbound_set *set)
{
  struct ka k;
  const char *why = NULL;
  int rc;

  ka_init(&k, PUBLIC_URL);
  rc = k.ops->verify(&k.cfg, &k.ch, r);
  if (rc == 0) {
    rc = k.ops->parse(&k.ch, r, set, &why);
    if (rc != 0)
      ck_assert_msg(why != NULL && why[0] != '\0', "no reason given");
  }
  ka_free(&k);
  return rc;
}

/* A GET of /webhook/sms?<query> run through verify and parse. */
static int
run_get(const char *query, struct inbound_set *set)
{
  struct httpd_request *r;
  struct buf t = BUF_INIT;
  int rc;

  ck_assert_int_eq(buf_printf(&t, "/webhook/sms?%s", query), 0);
  r = tu_request_new("GET", t.data, NULL, NULL, 0);
  rc = run(r, set);
  tu_request_free(r);
  buf_free(&t);
  return rc;
}

/* ---- Secret ------------------------------------------------------------ */

static int
verify_target(const char *target, const char *header)
{
  struct httpd_request *r = tu_request_new("GET", target, NULL, NULL, 0);
  struct ka k;
  int rc;

  if (header != NULL)
    tu_request_add_header(r, "X-Aduan-Secret", header);
  ka_init(&k, PUBLIC_URL);
  rc = k.ops->verify(&k.cfg, &k.ch, r);
  ka_free(&k);
  tu_request_free(r);
  return rc;
}

START_TEST(secret_checks)
{
  ck_assert_int_eq(verify_target("/webhook/sms?" SECRET_Q "&sender=1", NULL),
                   0);
  ck_assert_int_eq(verify_target("/webhook/sms?sender=1&" SECRET_Q, NULL), 0);
  /* Not decoded, '+' is a space: not the secret. */
  ck_assert_int_eq(verify_target("/webhook/sms?secret=s3cr+t", NULL),
                   AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?secret=s3cr%2Bu", NULL),
                   AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?secret=", NULL), AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?secret", NULL), AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?xsecret=s3cr%2Bt", NULL),
                   AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?secret=s3cr%2Bt%00", NULL),
                   AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms", NULL), AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?secret=%4", NULL), AERR_AUTH);
  /* The header, instead of the query. */
  ck_assert_int_eq(verify_target("/webhook/sms", SECRET), 0);
  ck_assert_int_eq(verify_target("/webhook/sms", "s3cr+u"), AERR_AUTH);
  ck_assert_int_eq(verify_target("/webhook/sms?" SECRET_Q, "wrong"),
                   AERR_AUTH);
  /* A malformed escape elsewhere is no reason to refuse the secret. */
  ck_assert_int_eq(verify_target("/webhook/sms?" SECRET_Q "&text=%4", NULL),
                   0);
}
END_TEST

START_TEST(secret_unset_refuses)
{
  struct httpd_request *r;
  struct ka k;

  ka_init(&k, PUBLIC_URL);
  free(k.ch.secret);
  k.ch.secret = NULL;
  r = tu_request_new("GET", "/webhook/sms?secret=", NULL, NULL, 0);
  ck_assert_int_eq(k.ops->verify(&k.cfg, &k.ch, r), AERR_AUTH);
  tu_request_free(r);
  k.ch.secret = xstrdup("");
  r = tu_request_new("GET", "/webhook/sms?secret=", NULL, NULL, 0);
  ck_assert_int_eq(k.ops->verify(&k.cfg, &k.ch, r), AERR_AUTH);
  tu_request_free(r);
  ka_free(&k);
}
END_TEST

/* ---- Inbound SMS ------------------------------------------------------- */

START_TEST(get_url_fixture)
{
  struct inbound_set s = {0};
  struct httpd_request *r;
  size_t len;
  char *text = fixture("kannel-get-url.txt", &len);

  r = tu_request_parse(text, len, NULL);
  ck_assert_ptr_nonnull(r);
  ck_assert_str_eq(r->method_name, "GET");
  /* As written for another application, without our secret: refused. */
  ck_assert_int_eq(run(r, &s), AERR_AUTH);
  ck_assert_int_eq(s.n, 0);
  /* With it (the header form), everything is read from the query. */
  tu_request_add_header(r, "X-Aduan-Secret", SECRET);
  ck_assert_int_eq(run(r, &s), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_int_eq(s.nstatuses, 0);
  ck_assert_str_eq(s.msgs[0].provider_id,
                   "9d4e7b21-3c5a-4f86-b0d2-6e8a1c3f5b79");
  ck_assert_str_eq(s.msgs[0].phone, "+6281339401122");
  ck_assert_int_eq(s.msgs[0].kind, MSG_TEXT);
  ck_assert_str_eq(s.msgs[0].text, "Ada pungli di loket Samsat Kupang, "
                   "diminta Rp 50.000 tanpa kuitansi #PUNGLI");
  ck_assert_ptr_null(s.msgs[0].family);
  ck_assert_str_eq(s.ack_type, "text/plain");
  ck_assert_str_eq(s.ack_body, "");
  inbound_set_free(&s);
  tu_request_free(r);
  free(text);
}
END_TEST

START_TEST(post_url_fixture)
{
  struct inbound_set s = {0}, again = {0};
  struct httpd_request *r;
  size_t len;
  char *text = fixture("kannel-post-url.txt", &len);

  r = tu_request_parse(text, len, NULL);
  ck_assert_ptr_nonnull(r);
  ck_assert_str_eq(r->method_name, "POST");
  ck_assert_int_eq(run(r, &s), AERR_AUTH);
  /* Our post-url carries the secret in the query (SPEC §10). */
  tu_request_set_target(r, "/webhook/sms?" SECRET_Q);
  ck_assert_int_eq(run(r, &s), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].phone, "+6285239107788");
  ck_assert_str_eq(s.msgs[0].text, "Petugas parkir di Pasar Inpres Naikoten "
                   "minta Rp 10.000 tanpa karcis");
  /* No %I: the id is derived from sender, X-Kannel-Time and text. */
  ck_assert_str_eq(s.msgs[0].provider_id,
                   "derived:aac0776eba0cb2cb0b2534c5cb137b59");
  ck_assert_str_eq(s.ack_type, "text/plain");
  ck_assert_str_eq(s.ack_body, "");
  /* The same delivery again gives the same id. */
  ck_assert_int_eq(run(r, &again), 0);
  ck_assert_str_eq(again.msgs[0].provider_id, s.msgs[0].provider_id);
  inbound_set_free(&again);
  /* With %I in the query, that is the id. */
  tu_request_set_target(r, "/webhook/sms?" SECRET_Q "&id=abc-123");
  ck_assert_int_eq(run(r, &again), 0);
  ck_assert_str_eq(again.msgs[0].provider_id, "abc-123");
  inbound_set_free(&again);
  inbound_set_free(&s);
  tu_request_free(r);
  free(text);
}
END_TEST

START_TEST(derived_ids_differ)
{
  struct inbound_set a = {0}, b = {0}, c = {0}, d = {0};

  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6281234567890&text=1"
                           "&ts=1773108904", &a), 0);
  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6281234567890&text=1"
                           "&ts=1773108905", &b), 0);
  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6281234567890&text=2"
                           "&ts=1773108904", &c), 0);
  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6285712345678&text=1"
                           "&ts=1773108904", &d), 0);
  ck_assert_int_eq(strncmp(a.msgs[0].provider_id, "derived:", 8), 0);
  ck_assert_uint_eq(strlen(a.msgs[0].provider_id), 8 + 32);
  ck_assert_str_ne(a.msgs[0].provider_id, b.msgs[0].provider_id);
  ck_assert_str_ne(a.msgs[0].provider_id, c.msgs[0].provider_id);
  ck_assert_str_ne(a.msgs[0].provider_id, d.msgs[0].provider_id);
  inbound_set_free(&a);
  inbound_set_free(&b);
  inbound_set_free(&c);
  inbound_set_free(&d);
}
END_TEST

/* An id with a NUL inside is not read as the part before the NUL: two
 * different messages whose ids share that part are not one message
 * delivered twice. */
START_TEST(nul_in_id_is_not_a_prefix)
{
  struct inbound_set a = {0}, b = {0}, c = {0};

  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6281234567890&text=satu"
                           "&ts=1773108904&id=abc%00def", &a), 0);
  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6281234567890&text=dua"
                           "&ts=1773108904&id=abc%00xyz", &b), 0);
  ck_assert_int_eq(a.n, 1);
  ck_assert_int_eq(b.n, 1);
  ck_assert_str_ne(a.msgs[0].provider_id, b.msgs[0].provider_id);
  ck_assert_str_ne(a.msgs[0].provider_id, "abc");
  /* A sender with a NUL inside is no sender: nothing taken. */
  ck_assert_int_eq(run_get(SECRET_Q "&sender=%2B6281234567890%00x&text=x"
                           "&ts=1773108904&id=n1", &c), 0);
  ck_assert_int_eq(c.n, 0);
  ck_assert_int_eq(c.skipped, 1);
  inbound_set_free(&a);
  inbound_set_free(&b);
  inbound_set_free(&c);
}
END_TEST

struct text_case {
  const char *name;
  const char *query;   /* after the secret */
  const char *want;    /* the text as UTF-8 */
};

static const struct text_case text_cases[] = {
  {"gsm-7 as utf-8", "text=Laporan+Anda+diterima&coding=0&charset=UTF-8",
   "Laporan Anda diterima"},
  {"ucs-2 utf-16be", "text=" CURLY_UCS2 "&coding=2&charset=UTF-16BE",
   CURLY_TEXT},
  {"ucs-2 without charset", "text=" CURLY_UCS2 "&coding=2", CURLY_TEXT},
  {"ucs-2 recoded to utf-8 by smsbox",
   "text=%E2%80%9CLaporan%E2%80%9D&coding=2&charset=UTF-8",
   "\xe2\x80\x9cLaporan\xe2\x80\x9d"},
  {"utf-16 with byte order mark", "text=%FE%FF%00O%00K&charset=UTF-16",
   "OK"},
  {"utf-16 little endian mark", "text=%FF%FEO%00K%00&charset=UTF-16", "OK"},
  {"lone high surrogate", "text=%D8%3D%00A&coding=2&charset=UTF-16BE",
   FFFD "A"},
  {"lone low surrogate", "text=%DE%4F%00A&coding=2&charset=UTF-16BE",
   FFFD "A"},
  {"odd last byte", "text=%00A%00&coding=2&charset=UTF-16BE", "A" FFFD},
  {"utf-16 nul", "text=%00%00%00A&coding=2&charset=UTF-16BE", FFFD "A"},
  {"latin-1", "text=caf%E9+%A3&coding=0&charset=ISO-8859-1",
   "caf\xc3\xa9 \xc2\xa3"},
  {"windows-1252 quotes", "text=%93biaya%94+%96+%80&charset=WINDOWS-1252",
   "\xe2\x80\x9c" "biaya" "\xe2\x80\x9d \xe2\x80\x93 \xe2\x82\xac"},
  {"windows-1252 hole", "text=a%81b&charset=windows-1252", "a" FFFD "b"},
  {"invalid utf-8", "text=ab%FFcd%C3&coding=0&charset=UTF-8",
   "ab" FFFD "cd" FFFD},
  {"overlong utf-8", "text=%C0%AF&charset=UTF-8", FFFD FFFD},
  {"nul byte", "text=a%00b&coding=0", "a" FFFD "b"},
  {"unknown charset", "text=ok%FF&charset=KOI8-R", "ok" FFFD},
  {"empty text", "text=&coding=0", ""},
  {"gsm charset label", "text=Halo&charset=GSM", "Halo"},
  /* What Kannel 1.4.5's smsbox sends for %b (captured from bearerbox,
   * smsbox and fakesmsc): spaces as '+', a run of them kept; UCS-2 as
   * the raw UTF-16BE bytes, its 0x20 bytes as '+' too. */
  {"kannel %b gsm", "text=Saya++mau+lapor%2C+100%25+ok&coding=0"
   "&charset=UTF-8", "Saya  mau lapor, 100% ok"},
  {"kannel %b ucs-2", "text=%00S%00a%00y%00a%00++%1C%00m%00a%00u+%1D%00+"
   "%00l%00a%00p%00o%00r%00+%26%3A%00+%00%E9&coding=2&charset=UTF-16BE",
   "Saya \xe2\x80\x9cmau\xe2\x80\x9d lapor \xe2\x98\xba \xc3\xa9"},
};

START_TEST(text_decoding)
{
  const struct text_case *c = &text_cases[_i];
  struct inbound_set s = {0};
  char q[512];

  snprintf(q, sizeof(q), "%s&sender=6281234567890&id=m1&%s", SECRET_Q,
           c->query);
  ck_assert_msg(run_get(q, &s) == 0, "%s refused", c->name);
  ck_assert_int_eq(s.n, 1);
  ck_assert_msg(strcmp(s.msgs[0].text, c->want) == 0, "%s: got '%s'",
                c->name, s.msgs[0].text);
  ck_assert_str_eq(s.msgs[0].phone, "+6281234567890");
  inbound_set_free(&s);
}
END_TEST

START_TEST(post_ucs2_body)
{
  static const unsigned char body[] = {
    0x20, 0x1C, 0x00, 'L', 0x00, 'a', 0x00, 'p', 0x00, 'o', 0x00, 'r',
    0x00, 'a', 0x00, 'n', 0x20, 0x1D, 0x00, ' ', 0x00, 'd', 0x00, 'i',
    0x00, 't', 0x00, 'e', 0x00, 'r', 0x00, 'i', 0x00, 'm', 0x00, 'a',
    0x00, ' ', 0xD8, 0x3D, 0xDE, 0x4F
  };
  const char *hdrs[] = {
    "Content-Type: text/plain; charset=\"UTF-16BE\"",
    "X-Kannel-From: 085712345678", "X-Kannel-To: 1708",
    "X-Kannel-Time: 2026-03-10 03:41:00", "X-Kannel-Coding: 2", NULL
  };
  struct httpd_request *r;
  struct inbound_set s = {0};

  r = tu_request_new("POST", "/webhook/sms?" SECRET_Q, hdrs, body,
                     sizeof(body));
  ck_assert_int_eq(run(r, &s), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_str_eq(s.msgs[0].text, CURLY_TEXT);
  ck_assert_str_eq(s.msgs[0].phone, "+6285712345678");
  inbound_set_free(&s);
  tu_request_free(r);
}
END_TEST

/* Hostile queries: refused, skipped or taken, never harmful. */
#define SKIPPED 1  /* acknowledged, nothing taken, counted as skipped */
struct bad_case {
  const char *query;   /* after the secret */
  int rc;              /* 0, SKIPPED or AERR_PARSE */
};

static const struct bad_case bad_cases[] = {
  {"", SKIPPED},
  {"%4", AERR_PARSE},
  {"text=%4", AERR_PARSE},
  {"sender=%2B6281234567890&id=1&text=ab%4", AERR_PARSE},
  {"sender=%2B6281234567890&id=1&text=ab%", AERR_PARSE},
  {"sender=%2B6281234567890&id=1&text=%ZZ", AERR_PARSE},
  {"&&&&==", SKIPPED},
  {"sender=&id=1&text=x", SKIPPED},
  {"sender=TELKOMSEL&id=1&text=x", SKIPPED},
  {"sender=%2B6281234567890&id=1", SKIPPED},          /* no text */
  {"sender=%2B6281234567890&text=x", AERR_PARSE},        /* no id, no ts */
  {"sender=%2B6281234567890&text=x&ts=%01", AERR_PARSE},
  {"sender=%2B6281234567890&text=x&id=a+b", SKIPPED},
  {"sender=%2B6281234567890&text=x&id=%00", AERR_PARSE},
  {"sender=%2B6281234567890&text=x&time=2026-03-10+02:15:04", 0},
  {"sender=%2B6281234567890&text=x&id=1&coding=9&charset=%00", 0},
  {"type=dlr", SKIPPED},
  {"type=dlr&outbox=%4&status=1", AERR_PARSE},
  {"type=dlr&outbox=1&status=", SKIPPED},
  {"type=dlr&outbox=1&status=-1", SKIPPED},
  {"type=dlr&outbox=0&status=1", SKIPPED},
  {"type=dlr&outbox=abc&status=1", SKIPPED},
  {"type=dlr&outbox=99999999999999999999&status=1", SKIPPED},
  {"type=dlr&outbox=1&status=99999999999999999999", SKIPPED},
  {"type=dlr&outbox=1&status=1&answer=%FF%00", 0},
  {"type=dlr&outbox=1&status=2&answer=%FF%00", 0},
};

START_TEST(parse_hostile)
{
  const struct bad_case *c = &bad_cases[_i];
  struct inbound_set s = {0};
  char q[256];
  int rc, i;

  snprintf(q, sizeof(q), "%s&%s", SECRET_Q, c->query);
  rc = run_get(q, &s);
  if (c->rc == SKIPPED)
    ck_assert_msg(rc == 0 && s.n == 0 && s.nstatuses == 0 &&
                  s.skipped == 1 && s.skip_why != NULL,
                  "'%s': %d, %d taken, %d skipped", c->query, rc, s.n,
                  s.skipped);
  else
    ck_assert_msg(rc == c->rc, "'%s': %d", c->query, rc);
  for (i = 0; i < s.n; i++)
    ck_assert_uint_eq(strlen(s.msgs[i].text),
                      strcspn(s.msgs[i].text, "\x01"));
  for (i = 0; i < s.nstatuses; i++)
    if (s.statuses[i].error_text != NULL)
      ck_assert_str_eq(s.statuses[i].error_text, FFFD FFFD);
  inbound_set_free(&s);
}
END_TEST

START_TEST(parse_long_text)
{
  struct buf q = BUF_INIT;
  struct inbound_set s = {0};
  int i;

  ck_assert_int_eq(buf_puts(&q, SECRET_Q "&sender=%2B6281234567890&id=x"
                                "&coding=0&text="), 0);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_puts(&q, i % 2 ? "%C3%A9" : "a"), 0);
  ck_assert_int_eq(run_get(q.data, &s), 0);
  ck_assert_int_eq(s.n, 1);
  ck_assert_uint_eq(strlen(s.msgs[0].text), 15000);
  inbound_set_free(&s);

  /* 10 000 characters of UTF-16BE. */
  buf_reset(&q);
  ck_assert_int_eq(buf_puts(&q, SECRET_Q "&sender=%2B6281234567890&id=x"
                                "&coding=2&text="), 0);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_puts(&q, "%20%1C"), 0);
  ck_assert_int_eq(run_get(q.data, &s), 0);
  ck_assert_uint_eq(strlen(s.msgs[0].text), 30000);
  inbound_set_free(&s);

  /* A 10 000-character id is not taken (acknowledged and counted). */
  buf_reset(&q);
  ck_assert_int_eq(buf_puts(&q, SECRET_Q "&sender=%2B6281234567890&text=x"
                                "&id="), 0);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_puts(&q, "9"), 0);
  ck_assert_int_eq(run_get(q.data, &s), 0);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(s.skipped, 1);
  inbound_set_free(&s);
  buf_free(&q);
}
END_TEST

/* ---- Delivery reports -------------------------------------------------- */

struct dlr_case {
  const char *status;
  int n;
  enum delivery d;
  const char *code;
  const char *text;
};

static const struct dlr_case dlr_cases[] = {
  {"1", 1, DELIVERY_DELIVERED, NULL, NULL},
  {"2", 1, DELIVERY_FAILED, "2", "NACK/0x0000000b/Invalid Destination"},
  {"4", 1, DELIVERY_SENT, NULL, NULL},
  {"8", 1, DELIVERY_SENT, NULL, NULL},
  {"16", 1, DELIVERY_FAILED, "16", "NACK/0x0000000b/Invalid Destination"},
  {"3", 0, DELIVERY_SENT, NULL, NULL},
  {"32", 0, DELIVERY_SENT, NULL, NULL},
};

START_TEST(dlr_table)
{
  const struct dlr_case *c = &dlr_cases[_i];
  struct inbound_set s = {0};
  char q[256];

  snprintf(q, sizeof(q), "%s&type=dlr&outbox=42&status=%s"
           "&answer=NACK%%2F0x0000000b%%2FInvalid+Destination", SECRET_Q,
           c->status);
  ck_assert_int_eq(run_get(q, &s), 0);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(s.nstatuses, c->n);
  ck_assert_str_eq(s.ack_type, "text/plain");
  ck_assert_str_eq(s.ack_body, "");
  if (c->n == 1) {
    ck_assert_str_eq(s.statuses[0].provider_id, "outbox:42");
    ck_assert_int_eq(s.statuses[0].status, c->d);
    if (c->code != NULL) {
      ck_assert_str_eq(s.statuses[0].error_code, c->code);
      ck_assert_str_eq(s.statuses[0].error_text, c->text);
    } else {
      ck_assert_ptr_null(s.statuses[0].error_code);
      ck_assert_ptr_null(s.statuses[0].error_text);
    }
  }
  inbound_set_free(&s);
}
END_TEST

START_TEST(dlr_failure_without_answer)
{
  struct inbound_set s = {0};

  ck_assert_int_eq(run_get(SECRET_Q "&type=dlr&outbox=7&status=16", &s), 0);
  ck_assert_int_eq(s.nstatuses, 1);
  ck_assert_str_eq(s.statuses[0].provider_id, "outbox:7");
  ck_assert_str_eq(s.statuses[0].error_code, "16");
  ck_assert_str_eq(s.statuses[0].error_text, "refused by the SMSC");
  inbound_set_free(&s);
  ck_assert_int_eq(run_get(SECRET_Q "&type=dlr&outbox=7&status=2&answer=",
                           &s), 0);
  ck_assert_str_eq(s.statuses[0].error_text, "not delivered to the phone");
  inbound_set_free(&s);
}
END_TEST

/*
 * The two DLR GETs of the fixture, made for another application's
 * dlr-url: without type=dlr they are not reports (and lack a sender); with
 * our type and outbox added, their %d values 8 then 1 read as sent, then
 * delivered, whatever the SMSC's answer text says.
 */
START_TEST(dlr_fixture)
{
  static const enum delivery want[] = {DELIVERY_SENT, DELIVERY_DELIVERED};
  struct httpd_request *r;
  struct inbound_set s = {0};
  struct buf t = BUF_INIT;
  size_t len, pos = 0, used;
  char *text = fixture("kannel-dlr-callback.txt", &len);
  int n = 0;

  while ((r = tu_request_parse(text + pos, len - pos, &used)) != NULL) {
    ck_assert_int_lt(n, 2);
    pos += used;
    tu_request_add_header(r, "X-Aduan-Secret", SECRET);
    /* As it comes, without our outbox: nothing to take. */
    ck_assert_int_eq(run(r, &s), 0);
    ck_assert_int_eq(s.nstatuses, 0);
    ck_assert_int_eq(s.skipped, 1);
    inbound_set_free(&s);
    buf_reset(&t);
    ck_assert_int_eq(buf_printf(&t, "/webhook/sms?%s&type=dlr&outbox=123",
                                r->query), 0);
    tu_request_set_target(r, t.data);
    ck_assert_int_eq(run(r, &s), 0);
    ck_assert_int_eq(s.nstatuses, 1);
    ck_assert_str_eq(s.statuses[0].provider_id, "outbox:123");
    ck_assert_int_eq(s.statuses[0].status, want[n]);
    inbound_set_free(&s);
    tu_request_free(r);
    n++;
  }
  ck_assert_int_eq(n, 2);
  buf_free(&t);
  free(text);
}
END_TEST

/* ---- Sending ----------------------------------------------------------- */

static char *
build(struct ka *k, const char *to, const char *text, int64_t outbox)
{
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  char *url;

  m.outbox_id = outbox;
  m.to = to;
  m.kind = OUT_TEXT;
  m.text = text;
  ck_assert_int_eq(k->ops->build_send(&k->cfg, &k->ch, &m, &req), 0);
  ck_assert_str_eq(req.method, "GET");
  ck_assert_uint_eq(req.body.len, 0);
  ck_assert_ptr_null(req.headers[0]);
  url = xstrdup(req.url);
  provider_request_free(&req);
  return url;
}

START_TEST(send_gsm7)
{
  struct ka k;
  char *url;

  ka_init(&k, PUBLIC_URL);
  url = build(&k, "+6281234567890", "Laporan Anda diterima", 42);
  ck_assert_str_eq(url, SENDSMS "?username=pengaduan&password=rahasia123"
                   "&from=1708&to=%2B6281234567890&text=Laporan+Anda+diterima"
                   "&charset=UTF-8&coding=0&dlr-mask=31&dlr-url=" DLR_URL_42);
  free(url);
  ka_free(&k);
}
END_TEST

/* Case 1 of kannel-sendsms-request.txt: the same request up to the
 * delivery report, whose URL and mask are ours. */
START_TEST(send_matches_fixture)
{
  struct httpd_request *r;
  struct ka k;
  size_t len;
  char *text = fixture("kannel-sendsms-request.txt", &len), *url;
  const char *cut;

  r = tu_request_parse(text, len, NULL);
  ck_assert_ptr_nonnull(r);
  ka_init(&k, PUBLIC_URL);
  url = build(&k, "+6281339401122", "Laporan Anda diterima. No tiket "
              "ADU-2026-000417. Terima kasih.", 42);
  cut = strstr(r->url, "&dlr-mask=");
  ck_assert_ptr_nonnull(cut);
  ck_assert_int_eq(strncmp(url + strlen("http://127.0.0.1:13013"), r->url,
                           (size_t)(cut - r->url)), 0);
  ck_assert_str_eq(url + strlen("http://127.0.0.1:13013") + (cut - r->url),
                   "&dlr-mask=31&dlr-url=" DLR_URL_42);
  free(url);
  ka_free(&k);
  tu_request_free(r);
  free(text);
}
END_TEST

START_TEST(send_ucs2)
{
  struct ka k;
  char *url;

  ka_init(&k, NULL);
  url = build(&k, "+6285712345678", CURLY_TEXT, 5);
  ck_assert_str_eq(url, SENDSMS "?username=pengaduan&password=rahasia123"
                   "&from=1708&to=%2B6285712345678&text=" CURLY_UCS2
                   "&charset=UTF-16BE&coding=2");
  free(url);
  /* "Rp 50.000 – “biaya”": the dash and the quotes are not GSM-7. */
  url = build(&k, "+6285712345678", "Rp 50.000 \xe2\x80\x93 \xe2\x80\x9c"
              "biaya\xe2\x80\x9d", 5);
  ck_assert_str_eq(url, SENDSMS "?username=pengaduan&password=rahasia123"
                   "&from=1708&to=%2B6285712345678&text="
                   "%00R%00p%00+%005%000%00.%000%000%000%00++%13%00++%1C"
                   "%00b%00i%00a%00y%00a+%1D&charset=UTF-16BE&coding=2");
  free(url);
  /* Broken UTF-8 goes as UCS-2 with U+FFFD, never as bytes. */
  url = build(&k, "+6285712345678", "a\xff", 5);
  ck_assert_str_eq(url, SENDSMS "?username=pengaduan&password=rahasia123"
                   "&from=1708&to=%2B6285712345678&text=%00a%FF%FD"
                   "&charset=UTF-16BE&coding=2");
  free(url);
  ka_free(&k);
}
END_TEST

START_TEST(send_without_optional_keys)
{
  struct ka k;
  char *url;

  ka_init(&k, NULL);
  free(k.ch.username);
  free(k.ch.password);
  free(k.ch.from);
  k.ch.username = k.ch.password = k.ch.from = NULL;
  free(k.ch.sendsms_url);
  k.ch.sendsms_url = xstrdup(SENDSMS "?smsc=telkomsel");
  url = build(&k, "+6281234567890", "Halo {x} \xe2\x82\xac 5", 1);
  /* Extension characters are GSM-7 too. */
  ck_assert_str_eq(url, SENDSMS "?smsc=telkomsel&to=%2B6281234567890"
                   "&text=Halo+%7Bx%7D+%E2%82%AC+5&charset=UTF-8&coding=0");
  free(url);
  ka_free(&k);
}
END_TEST

/* What build_send asks Kannel to call back, filled in as Kannel would,
 * comes back through verify and parse as the report for that outbox. */
START_TEST(send_dlr_round_trip)
{
  struct httpd_request *r;
  struct inbound_set s = {0};
  struct form f;
  struct buf target = BUF_INIT;
  struct ka k;
  const char *dlr, *p;
  char *url;

  ka_init(&k, PUBLIC_URL);
  url = build(&k, "+6281234567890", "Tes", 987654321012LL);
  p = strchr(url, '?');
  ck_assert_int_eq(form_parse(&f, p + 1, strlen(p + 1)), 0);
  ck_assert_str_eq(form_get(&f, "dlr-mask"), "31");
  dlr = form_get(&f, "dlr-url");
  ck_assert_ptr_nonnull(dlr);
  p = PUBLIC_URL "/webhook/sms?";
  ck_assert_int_eq(strncmp(dlr, p, strlen(p)), 0);
  /* Kannel puts %d = 2 and the SMSC's answer, URL-encoded, in place. */
  for (p = dlr + strlen(PUBLIC_URL); *p != '\0'; p++) {
    if (p[0] == '%' && p[1] == 'd') {
      ck_assert_int_eq(buf_puts(&target, "2"), 0);
      p++;
    } else if (p[0] == '%' && p[1] == 'A') {
      ck_assert_int_eq(buf_puts(&target, "NACK%2F11%2FInvalid+Destination"),
                       0);
      p++;
    } else {
      ck_assert_int_eq(buf_append(&target, p, 1), 0);
    }
  }
  r = tu_request_new("GET", target.data, NULL, NULL, 0);
  ck_assert_int_eq(k.ops->verify(&k.cfg, &k.ch, r), 0);
  ck_assert_int_eq(run(r, &s), 0);
  ck_assert_int_eq(s.nstatuses, 1);
  ck_assert_str_eq(s.statuses[0].provider_id, "outbox:987654321012");
  ck_assert_int_eq(s.statuses[0].status, DELIVERY_FAILED);
  ck_assert_str_eq(s.statuses[0].error_code, "2");
  ck_assert_str_eq(s.statuses[0].error_text, "NACK/11/Invalid Destination");
  inbound_set_free(&s);
  tu_request_free(r);
  form_free(&f);
  buf_free(&target);
  free(url);
  ka_free(&k);
}
END_TEST

/* The dlr-url Kannel is given (and logs) holds no secret that would let
 * its reader post inbound messages: only a signature of that report. */
START_TEST(dlr_url_carries_no_secret)
{
  struct form f;
  struct ka k;
  const char *dlr;
  char *url;

  ka_init(&k, PUBLIC_URL);
  url = build(&k, "+6281234567890", "Tes", 42);
  ck_assert_int_eq(form_parse(&f, strchr(url, '?') + 1,
                              strlen(strchr(url, '?') + 1)), 0);
  dlr = form_get(&f, "dlr-url");
  ck_assert_ptr_nonnull(dlr);
  ck_assert_ptr_null(strstr(dlr, "secret"));
  ck_assert_ptr_null(strstr(dlr, SECRET));
  ck_assert_ptr_null(strstr(dlr, "s3cr%2Bt"));
  ck_assert_ptr_nonnull(strstr(dlr, "&sig=" SIG_42 "&"));
  form_free(&f);
  free(url);
  ka_free(&k);
}
END_TEST

/* A signed report is taken for the outbox it was signed for and no
 * other; a signature never lets anything but a report in.  Reports with
 * the secret (dlr-urls handed to Kannel before signing) still count. */
START_TEST(dlr_signature_checked)
{
  struct inbound_set s = {0};

  ck_assert_int_eq(run_get("type=dlr&outbox=42&sig=" SIG_42 "&status=1", &s),
                   0);
  ck_assert_int_eq(s.nstatuses, 1);
  ck_assert_str_eq(s.statuses[0].provider_id, "outbox:42");
  inbound_set_free(&s);
  ck_assert_int_eq(run_get("type=dlr&outbox=43&sig=" SIG_42 "&status=1", &s),
                   AERR_AUTH);
  ck_assert_int_eq(run_get("type=dlr&outbox=42&sig=" SIG_42 "0&status=1", &s),
                   AERR_AUTH);
  ck_assert_int_eq(run_get("type=dlr&outbox=42&sig=00&status=1", &s),
                   AERR_AUTH);
  ck_assert_int_eq(run_get("type=dlr&outbox=42&sig=&status=1", &s),
                   AERR_AUTH);
  ck_assert_int_eq(run_get("outbox=42&sig=" SIG_42 "&sender=%2B6281234567890"
                           "&text=x&id=1", &s), AERR_AUTH);
  ck_assert_int_eq(run_get("type=sms&outbox=42&sig=" SIG_42
                           "&sender=%2B6281234567890&text=x&id=1", &s),
                   AERR_AUTH);
  ck_assert_int_eq(s.n, 0);
  ck_assert_int_eq(run_get(SECRET_Q "&type=dlr&outbox=42&status=1", &s), 0);
  ck_assert_int_eq(s.nstatuses, 1);
  inbound_set_free(&s);
}
END_TEST

START_TEST(send_refusals)
{
  static const enum outbound_kind kinds[] = {OUT_TEMPLATE, OUT_LIST,
                                             OUT_BUTTONS};
  struct provider_request req = {0};
  struct outbound_msg m = {0};
  struct ka k;
  size_t i;

  ka_init(&k, PUBLIC_URL);
  m.to = "+6281234567890";
  m.text = "x";
  for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++) {
    m.kind = kinds[i];
    ck_assert_int_eq(k.ops->build_send(&k.cfg, &k.ch, &m, &req),
                     AERR_UNSUPPORTED);
  }
  m.kind = OUT_TEXT;
  m.to = NULL;
  ck_assert_int_eq(k.ops->build_send(&k.cfg, &k.ch, &m, &req), AERR_PARSE);
  m.to = "+6281234567890";
  free(k.ch.sendsms_url);
  k.ch.sendsms_url = NULL;
  ck_assert_int_eq(k.ops->build_send(&k.cfg, &k.ch, &m, &req), AERR_CONFIG);
  ka_free(&k);
}
END_TEST

/* ---- Answers ----------------------------------------------------------- */

/* Every line of kannel-sendsms-responses.txt: 2xx is accepted, 5xx is
 * tried again, anything else fails with Kannel's words kept. */
START_TEST(classify_fixture)
{
  const struct provider_ops *ops = provider_for(CHANNEL_KANNEL);
  struct send_result r;
  size_t len;
  char *text = fixture("kannel-sendsms-responses.txt", &len);
  char *line = text, *nl, *tab, want[512];
  long status;
  int n = 0;

  for (; line < text + len; line = nl + 1) {
    nl = strchr(line, '\n');
    if (nl == NULL)
      nl = text + len;
    *nl = '\0';
    if (line[0] == '#' || line[0] == '\0')
      continue;
    tab = strchr(line, '\t');
    ck_assert_ptr_nonnull(tab);
    status = strtol(line, NULL, 10);
    ops->classify(NULL, status, NULL, tab + 1, strlen(tab + 1), &r);
    if (status >= 200 && status < 300) {
      ck_assert_int_eq(r.outcome, SEND_OK);
      ck_assert_ptr_null(r.provider_id);
      ck_assert_ptr_null(r.error);
    } else {
      ck_assert_int_eq(r.outcome, status >= 500 ? SEND_RETRY : SEND_FAIL);
      snprintf(want, sizeof(want), "%ld %s", status, tab + 1);
      ck_assert_str_eq(r.error, want);
    }
    send_result_free(&r);
    n++;
  }
  ck_assert_int_eq(n, 17);
  free(text);
}
END_TEST

struct classify_case {
  long status;
  const char *body;
  enum send_outcome outcome;
  const char *error;
};

static const struct classify_case classify_cases[] = {
  {0, "", SEND_RETRY, "no answer from Kannel"},
  {202, "0: Accepted for delivery", SEND_OK, NULL},
  {202, "3: Queued for later delivery\r\n", SEND_OK, NULL},
  {200, "Sent. Message splits: 2", SEND_OK, NULL},
  {503, "Temporal failure, try again later.\n", SEND_RETRY,
   "503 Temporal failure, try again later."},
  {502, "", SEND_RETRY, "HTTP 502"},
  /* a proxy in front of Kannel that limits the rate */
  {429, "Too Many Requests", SEND_RETRY, "429 Too Many Requests"},
  {403, "  Authorization failed for sendsms  ", SEND_FAIL,
   "403 Authorization failed for sendsms"},
  {400, "Sender missing and no global set, rejected", SEND_FAIL,
   "400 Sender missing and no global set, rejected"},
  {404, "", SEND_FAIL, "HTTP 404"},
  {400, "bad \xff byte", SEND_FAIL, "400 bad " FFFD " byte"},
};

START_TEST(classify_table)
{
  const struct classify_case *c = &classify_cases[_i];
  const struct provider_ops *ops = provider_for(CHANNEL_KANNEL);
  struct send_result r;

  ops->classify(NULL, c->status, "5", c->body, strlen(c->body), &r);
  ck_assert_int_eq(r.outcome, c->outcome);
  ck_assert_ptr_null(r.provider_id);
  ck_assert_int_eq(r.retry_after_ms, 0);
  if (c->error != NULL)
    ck_assert_str_eq(r.error, c->error);
  else
    ck_assert_ptr_null(r.error);
  send_result_free(&r);
}
END_TEST

START_TEST(classify_long_body_cut)
{
  const struct provider_ops *ops = provider_for(CHANNEL_KANNEL);
  struct send_result r;
  char body[10001];

  memset(body, 'x', sizeof(body) - 1);
  body[sizeof(body) - 1] = '\0';
  ops->classify(NULL, 400, NULL, body, strlen(body), &r);
  ck_assert_int_eq(r.outcome, SEND_FAIL);
  ck_assert_uint_eq(strlen(r.error), 4 + 300);
  send_result_free(&r);
  ops->classify(NULL, 400, NULL, NULL, 5, &r);
  ck_assert_str_eq(r.error, "HTTP 400");
  send_result_free(&r);
}
END_TEST

START_TEST(adapter_registered)
{
  const struct provider_ops *ops = provider_for(CHANNEL_KANNEL);

  ck_assert_ptr_nonnull(ops);
  ck_assert_int_eq(ops->type, CHANNEL_KANNEL);
  ck_assert_str_eq(ops->family, "sms");
  ck_assert_int_eq(ops->inline_replies, 0);
  ck_assert(ops->handshake == NULL);
  ck_assert(ops->family_of == NULL);
}
END_TEST

/* Kannel calls its get-url with GET: the webhook parses a GET as it does
 * a POST.  It sends SMS, billed by the segment (GSM-7: 160 characters in
 * one, 153 a segment beyond; UCS-2: 70, and 67). */
START_TEST(facts_sms_and_get)
{
  struct ka k;
  char gsm[162], ucs2[71 * 2 + 1];
  int i;

  ka_init(&k, PUBLIC_URL);
  ck_assert_int_eq(provider_takes_method(k.ops, HTTP_GET), 1);
  ck_assert_int_eq(provider_takes_method(k.ops, HTTP_POST), 1);
  ck_assert_int_eq(provider_takes_method(k.ops, HTTP_PUT), 0);
  ck_assert_str_eq(provider_send_family(&k.ch), "sms");
  memset(gsm, 'a', sizeof(gsm) - 1);
  gsm[160] = '\0';
  ck_assert_int_eq(provider_segments(&k.ch, gsm), 1);
  gsm[160] = 'a';
  gsm[161] = '\0';
  ck_assert_int_eq(provider_segments(&k.ch, gsm), 2);
  for (i = 0; i < 71; i++)
    memcpy(ucs2 + 2 * i, "\xc3\xa9", 2);   /* é is GSM-7; make one not */
  memcpy(ucs2, "\xc5\x8d", 2);             /* o with macron: UCS-2 */
  ucs2[2 * 71] = '\0';
  ck_assert_int_eq(provider_segments(&k.ch, ucs2), 2);
  ucs2[2 * 70] = '\0';
  ck_assert_int_eq(provider_segments(&k.ch, ucs2), 1);
  ck_assert(provider_free_form_until(&k.ch, 0) == INT64_MAX);
  ck_assert_int_eq(k.ops->console, 0);
  ka_free(&k);
}
END_TEST

static Suite *
provider_kannel_suite(void)
{
  Suite *s = suite_create("provider_kannel");
  TCase *sec = tcase_create("secret");
  TCase *in = tcase_create("inbound");
  TCase *dlr = tcase_create("dlr");
  TCase *out = tcase_create("send");

  tcase_add_test(sec, secret_checks);
  tcase_add_test(sec, secret_unset_refuses);
  suite_add_tcase(s, sec);

  tcase_add_test(in, get_url_fixture);
  tcase_add_test(in, post_url_fixture);
  tcase_add_test(in, derived_ids_differ);
  tcase_add_test(in, nul_in_id_is_not_a_prefix);
  tcase_add_loop_test(in, text_decoding, 0,
                      sizeof(text_cases) / sizeof(text_cases[0]));
  tcase_add_test(in, post_ucs2_body);
  tcase_add_loop_test(in, parse_hostile, 0,
                      sizeof(bad_cases) / sizeof(bad_cases[0]));
  tcase_add_test(in, parse_long_text);
  suite_add_tcase(s, in);

  tcase_add_loop_test(dlr, dlr_table, 0,
                      sizeof(dlr_cases) / sizeof(dlr_cases[0]));
  tcase_add_test(dlr, dlr_failure_without_answer);
  tcase_add_test(dlr, dlr_fixture);
  tcase_add_test(dlr, dlr_url_carries_no_secret);
  tcase_add_test(dlr, dlr_signature_checked);
  suite_add_tcase(s, dlr);

  tcase_add_test(out, send_gsm7);
  tcase_add_test(out, send_matches_fixture);
  tcase_add_test(out, send_ucs2);
  tcase_add_test(out, send_without_optional_keys);
  tcase_add_test(out, send_dlr_round_trip);
  tcase_add_test(out, send_refusals);
  tcase_add_test(out, classify_fixture);
  tcase_add_loop_test(out, classify_table, 0,
                      sizeof(classify_cases) / sizeof(classify_cases[0]));
  tcase_add_test(out, classify_long_body_cut);
  tcase_add_test(out, adapter_registered);
  tcase_add_test(out, facts_sms_and_get);
  suite_add_tcase(s, out);
  return s;
}

UNIT_MAIN(provider_kannel_suite)
