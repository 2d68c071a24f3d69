/*
 * test_provider_whatsapp.c: the WhatsApp Cloud API adapter against the
 * project's samples (tests/fixtures/whatsapp-*): signatures, the GET
 * handshake, every inbound webhook, send bodies, answers to sends, media
 * look-ups, and hostile input.
 */
#include <http_parser.h>
#include <json-c/json.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/err.h"
#include "provider/provider.h"
#include "testutil.h"
#include "base/utf8.h"

extern const struct provider_ops provider_whatsapp;

#define WA (&provider_whatsapp)
#define PNID "305917264810452"
#define API_BASE "http://127.0.0.1:9/v21.0"

/* Channel settings (arrays, so that the struct's char * can point here). */
static char ch_name[] = "wa";
static char ch_secret[] = "test-app-secret-not-real";
static char ch_verify[] = "pengaduan-verify-2026";
static char ch_access[] = "test-access-token";
static char ch_pnid[] = PNID;
static char ch_base[] = API_BASE;
static char ch_media_hosts[] = "lookaside.fbsbx.com";   /* the default */
static char ch_media_local[] = "127.0.0.1";             /* fakes, tests */

static struct config_channel
channel(void)
{
  struct config_channel ch;

  memset(&ch, 0, sizeof(ch));
  ch.name = ch_name;
  ch.type = CHANNEL_WHATSAPP_CLOUD;
  ch.api_base = ch_base;
  ch.app_secret = ch_secret;
  ch.verify_token = ch_verify;
  ch.access_token = ch_access;
  ch.phone_number_id = ch_pnid;
  ch.media_hosts = ch_media_hosts;
  return ch;
}

/* ---- Requests --------------------------------------------------------- */

#define TREQ_HEADERS 6

struct treq {
  struct httpd_request r;
  struct httpd_header h[TREQ_HEADERS];
};

static void
treq_init(struct treq *t, int method, const char *query, const char *body,
          size_t len)
{
  memset(t, 0, sizeof(*t));
  t->r.method = method;
  t->r.method_name = method == HTTP_GET ? "GET" : "POST";
  t->r.path = strdup("/webhook/wa");
  t->r.query = strdup(query != NULL ? query : "");
  ck_assert_ptr_nonnull(t->r.path);
  ck_assert_ptr_nonnull(t->r.query);
  t->r.headers = t->h;
  buf_init(&t->r.body, 0);
  if (body != NULL)
    ck_assert_int_eq(buf_append(&t->r.body, body, len), 0);
}

static void
treq_header(struct treq *t, const char *name, const char *value)
{
  ck_assert_int_lt(t->r.nheaders, TREQ_HEADERS);
  t->h[t->r.nheaders].name = strdup(name);
  t->h[t->r.nheaders].value = strdup(value);
  t->r.nheaders++;
}

static void
treq_free(struct treq *t)
{
  int i;

  for (i = 0; i < t->r.nheaders; i++) {
    free(t->h[i].name);
    free(t->h[i].value);
  }
  free(t->r.path);
  free(t->r.query);
  buf_free(&t->r.body);
}

/* A JSON POST carrying body[0..len). */
static void
treq_post(struct treq *t, const char *body, size_t len)
{
  treq_init(t, HTTP_POST, NULL, body, len);
  treq_header(t, "Content-Type", "application/json");
}

/* "sha256=<hex HMAC-SHA256(secret, body)>" into out. */
static void
sign(const char *secret, const char *body, size_t len, char out[80])
{
  unsigned char mac[CRYPTO_SHA256_LEN];

  ck_assert_int_eq(crypto_hmac_sha256(secret, strlen(secret), body, len, mac),
                   0);
  memcpy(out, "sha256=", 7);
  crypto_hex(mac, sizeof(mac), out + 7);
}

/* ---- Fixtures --------------------------------------------------------- */

static char *
fixture(const char *name, size_t *len)
{
  char *path = tu_path(ADUAN_FIXTURES_DIR, name);
  char *data;

  ck_assert_ptr_nonnull(path);
  data = tu_read_file(path, len);
  ck_assert_msg(data != NULL, "cannot read fixture %s", path);
  free(path);
  return data;
}

static struct json_object *
fixture_json(const char *name)
{
  char *text = fixture(name, NULL);
  struct json_object *o = json_tokener_parse(text);

  ck_assert_msg(o != NULL, "fixture %s is not JSON", name);
  free(text);
  return o;
}

/* Parse body with the adapter, as the webhook does. */
static int
parse_body(const struct config_channel *ch, const char *body, size_t len,
           struct inbound_set *set, const char **why)
{
  struct treq t;
  int rc;

  treq_post(&t, body, len);
  *why = NULL;
  rc = WA->parse(ch, &t.r, set, why);
  treq_free(&t);
  return rc;
}

static int
parse_str(const char *body, struct inbound_set *set, const char **why)
{
  struct config_channel ch = channel();

  return parse_body(&ch, body, strlen(body), set, why);
}

/* The envelope Meta wraps around the items of one change. */
#define ENV_HEAD "{\"object\":\"whatsapp_business_account\",\"entry\":[{" \
  "\"id\":\"102938475610293\",\"changes\":[{\"field\":\"messages\","     \
  "\"value\":{\"messaging_product\":\"whatsapp\",\"metadata\":{"         \
  "\"display_phone_number\":\"6282110001500\",\"phone_number_id\":\""    \
  PNID "\"},"
#define ENV_TAIL "}}]}]}"
#define ENV(items) ENV_HEAD items ENV_TAIL
#define MSG(fields) \
  "{\"from\":\"6281234567890\",\"id\":\"wamid.T1\",\"timestamp\":\"1\"," \
  fields "}"

/* ---- The table of providers -------------------------------------------- */

START_TEST(registered)
{
  ck_assert_ptr_eq(provider_for(CHANNEL_WHATSAPP_CLOUD), WA);
  ck_assert_int_eq(WA->type, CHANNEL_WHATSAPP_CLOUD);
  ck_assert_str_eq(WA->family, "whatsapp");
  ck_assert_int_eq(WA->inline_replies, 0);
  ck_assert(WA->verify != NULL);
  ck_assert(WA->parse != NULL);
  ck_assert(WA->handshake != NULL);
  ck_assert(WA->build_send != NULL);
  ck_assert(WA->classify != NULL);
  ck_assert(WA->media_request != NULL);
}
END_TEST

/* ---- Signatures ------------------------------------------------------- */

static const char *const inbound_fixtures[] = {
  "whatsapp-text.json", "whatsapp-image.json", "whatsapp-document.json",
  "whatsapp-audio.json", "whatsapp-location.json",
  "whatsapp-interactive-button.json", "whatsapp-interactive-list.json",
  "whatsapp-button.json", "whatsapp-unsupported.json",
  "whatsapp-status-sent.json", "whatsapp-status-delivered.json",
  "whatsapp-status-read.json", "whatsapp-status-failed.json",
  "whatsapp-bsuid-only.json", "whatsapp-bsuid-and-phone.json",
  "whatsapp-user-changed-number.json", "whatsapp-group.json",
  "whatsapp-reaction.json", "whatsapp-no-sender.json",
  "whatsapp-status-bsuid.json",
};
#define NINBOUND ((int)(sizeof(inbound_fixtures) / sizeof(inbound_fixtures[0])))

/* Run verify on body with header name: value (none when name is NULL). */
static int
verify_with(const struct config_channel *ch, const char *body, size_t len,
            const char *name, const char *value)
{
  struct treq t;
  int rc;

  treq_post(&t, body, len);
  if (name != NULL)
    treq_header(&t, name, value);
  rc = WA->verify(NULL, ch, &t.r);
  treq_free(&t);
  return rc;
}

START_TEST(verify_every_fixture)
{
  struct config_channel ch = channel();
  size_t len;
  char *body = fixture(inbound_fixtures[_i], &len);
  char sig[80];

  sign(ch_secret, body, len, sig);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig), 0);
  /* Header names are matched without regard to case. */
  ck_assert_int_eq(verify_with(&ch, body, len, "x-hub-signature-256", sig), 0);
  free(body);
}
END_TEST

START_TEST(verify_changed_byte)
{
  struct config_channel ch = channel();
  size_t len, i;
  char *body = fixture("whatsapp-text.json", &len);
  char sig[80];

  sign(ch_secret, body, len, sig);
  /* Every single changed byte breaks it, wherever it is. */
  for (i = 0; i < len; i += 7) {
    body[i] ^= 0x01;
    ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                     AERR_AUTH);
    body[i] ^= 0x01;
  }
  /* A byte more or less too. */
  ck_assert_int_eq(verify_with(&ch, body, len - 1, "X-Hub-Signature-256", sig),
                   AERR_AUTH);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig), 0);
  free(body);
}
END_TEST

START_TEST(verify_missing_header)
{
  struct config_channel ch = channel();
  size_t len;
  char *body = fixture("whatsapp-text.json", &len);

  ck_assert_int_eq(verify_with(&ch, body, len, NULL, NULL), AERR_AUTH);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", ""),
                   AERR_AUTH);
  free(body);
}
END_TEST

START_TEST(verify_other_secret)
{
  struct config_channel ch = channel();
  size_t len;
  char *body = fixture("whatsapp-image.json", &len);
  char sig[80];

  sign("another-app-secret", body, len, sig);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                   AERR_AUTH);
  free(body);
}
END_TEST

/* A channel prepared for serving keys its app secret once; it verifies
 * exactly as one that keys it per request, webhook after webhook. */
START_TEST(verify_prepared_channel)
{
  struct config_channel ch = channel();
  size_t len, i;
  char *body = fixture("whatsapp-text.json", &len);
  char sig[80], other[80];

  ck_assert(WA->prepare != NULL);
  WA->prepare(&ch);
  ck_assert_ptr_nonnull(ch.sig_mac);
  sign(ch_secret, body, len, sig);
  sign("another-app-secret", body, len, other);
  for (i = 0; i < 3; i++) {
    ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                     0);
    ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256",
                                 other), AERR_AUTH);
    ck_assert_int_eq(verify_with(&ch, body, len - 1, "X-Hub-Signature-256",
                                 sig), AERR_AUTH);
  }
  crypto_mac_free(ch.sig_mac);
  free(body);
}
END_TEST

/* The legacy SHA-1 header of older Graph webhooks proves nothing here. */
START_TEST(verify_legacy_sha1)
{
  struct config_channel ch = channel();
  unsigned char mac[CRYPTO_SHA1_LEN];
  char sig[80], hex[2 * CRYPTO_SHA1_LEN + 1];
  size_t len;
  char *body = fixture("whatsapp-text.json", &len);

  ck_assert_int_eq(crypto_hmac_sha1(ch_secret, strlen(ch_secret), body, len,
                                    mac), 0);
  crypto_hex(mac, sizeof(mac), hex);
  snprintf(sig, sizeof(sig), "sha1=%s", hex);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature", sig),
                   AERR_AUTH);
  /* Nor in the SHA-256 header, in either spelling. */
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                   AERR_AUTH);
  snprintf(sig, sizeof(sig), "sha256=%s", hex);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                   AERR_AUTH);
  /* Only the header named X-Hub-Signature-256 counts, whatever it holds. */
  sign(ch_secret, body, len, sig);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature", sig),
                   AERR_AUTH);
  free(body);
}
END_TEST

/* Headers that are not "sha256=" and 64 hex digits. */
START_TEST(verify_malformed)
{
  struct config_channel ch = channel();
  size_t len;
  char *body = fixture("whatsapp-text.json", &len);
  char good[80], bad[200];

  sign(ch_secret, body, len, good);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", good),
                   0);

  /* One hex digit short, one too many. */
  snprintf(bad, sizeof(bad), "%.*s", (int)strlen(good) - 1, good);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", bad),
                   AERR_AUTH);
  snprintf(bad, sizeof(bad), "%s0", good);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", bad),
                   AERR_AUTH);
  /* A non-hex digit in place of a right one. */
  snprintf(bad, sizeof(bad), "%s", good);
  bad[20] = 'g';
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", bad),
                   AERR_AUTH);
  /* The digits alone, another prefix, another case of prefix. */
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256",
                               good + 7), AERR_AUTH);
  snprintf(bad, sizeof(bad), "sha512=%s", good + 7);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", bad),
                   AERR_AUTH);
  snprintf(bad, sizeof(bad), "SHA256=%s", good + 7);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", bad),
                   AERR_AUTH);
  /* Two signatures in one value. */
  snprintf(bad, sizeof(bad), "%s,%s", good, good);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", bad),
                   AERR_AUTH);
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256",
                               "sha256="), AERR_AUTH);
  free(body);
}
END_TEST

/* Each hex digit of a right signature counts, the last as the first. */
START_TEST(verify_every_digit)
{
  struct config_channel ch = channel();
  size_t len, i;
  char *body = fixture("whatsapp-location.json", &len);
  char sig[80];

  sign(ch_secret, body, len, sig);
  for (i = 7; sig[i] != '\0'; i++) {
    char keep = sig[i];
    sig[i] = keep == '0' ? '1' : '0';
    ck_assert_msg(verify_with(&ch, body, len, "X-Hub-Signature-256", sig) ==
                  AERR_AUTH, "digit %zu", i - 7);
    sig[i] = keep;
  }
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig), 0);
  free(body);
}
END_TEST

START_TEST(verify_uppercase_hex)
{
  struct config_channel ch = channel();
  size_t len, i;
  char *body = fixture("whatsapp-audio.json", &len);
  char sig[80];

  sign(ch_secret, body, len, sig);
  for (i = 7; sig[i] != '\0'; i++)
    if (sig[i] >= 'a' && sig[i] <= 'f')
      sig[i] = (char)(sig[i] - 'a' + 'A');
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig), 0);
  free(body);
}
END_TEST

/* A channel without an app secret accepts nothing, not even a signature
 * made with the empty key. */
START_TEST(verify_no_secret)
{
  struct config_channel ch = channel();
  size_t len;
  char *body = fixture("whatsapp-text.json", &len);
  char sig[80];
  static char empty[] = "";

  sign("", body, len, sig);
  ch.app_secret = NULL;
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                   AERR_AUTH);
  ch.app_secret = empty;
  ck_assert_int_eq(verify_with(&ch, body, len, "X-Hub-Signature-256", sig),
                   AERR_AUTH);
  free(body);
}
END_TEST

/* ---- Handshake -------------------------------------------------------- */

static int
handshake(const struct config_channel *ch, int method, const char *query,
          char **body)
{
  struct treq t;
  int status;

  treq_init(&t, method, query, NULL, 0);
  status = WA->handshake(ch, &t.r, body);
  treq_free(&t);
  return status;
}

/* Every case of whatsapp-verify-get.txt, with its EXPECT lines. */
START_TEST(handshake_fixture)
{
  struct config_channel ch = channel();
  char *text = fixture("whatsapp-verify-get.txt", NULL);
  char *line, *next, query[512] = "", challenge[128] = "";
  static char token[64];
  const char *k;
  int cases = 0, status = 0;
  char *body = NULL;

  for (line = text; *line != '\0'; line = next) {
    next = line + strcspn(line, "\n");
    if (*next == '\n')
      *next++ = '\0';
    k = strstr(line, "Configured verify token for this fixture: ");
    if (k != NULL) {
      snprintf(token, sizeof(token), "%s",
               k + strlen("Configured verify token for this fixture: "));
      ch.verify_token = token;
    } else if (strncmp(line, "GET ", 4) == 0) {
      const char *q = strchr(line, '?'), *end = strstr(line, " HTTP/1.1");
      const char *c;
      ck_assert_ptr_nonnull(q);
      ck_assert_ptr_nonnull(end);
      snprintf(query, sizeof(query), "%.*s", (int)(end - q - 1), q + 1);
      c = strstr(query, "hub.challenge=");
      ck_assert_ptr_nonnull(c);
      snprintf(challenge, sizeof(challenge), "%.*s",
               (int)strcspn(c + 14, "&"), c + 14);
      free(body);
      body = NULL;
      status = handshake(&ch, HTTP_GET, query, &body);
      ck_assert_ptr_nonnull(body);
    } else if (strncmp(line, "EXPECT: ", 8) == 0) {
      cases++;
      if (strncmp(line + 8, "200", 3) == 0) {
        ck_assert_msg(status == 200, "%s: %d", query, status);
      } else {
        ck_assert_msg(status >= 400 && status < 500, "%s: %d", query, status);
        ck_assert_str_ne(body, challenge);
        ck_assert_ptr_null(strstr(body, challenge));
        if (strstr(line, "401 or 403") != NULL)
          ck_assert_int_eq(status, 403);
      }
    } else if (strncmp(line, "EXPECT-BODY: ", 13) == 0) {
      ck_assert_str_eq(body, line + 13);
      ck_assert_str_eq(body, challenge);
    }
  }
  ck_assert_ptr_eq(ch.verify_token, token);
  ck_assert_int_eq(cases, 4);
  free(body);
  free(text);
}
END_TEST

struct hs_case {
  int method;
  const char *query;
  int status;
  const char *body;     /* exact body wanted, or NULL: any, but not "C" */
};

static const struct hs_case hs_cases[] = {
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-2026"
             "&hub.challenge=C", 200, "C"},
  /* Values are URL-decoded; the challenge comes back decoded. */
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan%2Dverify-2026"
             "&hub.challenge=a%20b+c", 200, "a b c"},
  /* Missing pieces. */
  {HTTP_GET, "", 403, NULL},
  {HTTP_GET, "hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub.mode=subscribe&hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub.verify_token=pengaduan-verify-2026&hub.challenge=C", 403,
   NULL},
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=&hub.challenge=C", 403,
   NULL},
  /* Near misses of the token and the mode. */
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-202"
             "&hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-20266"
             "&hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-2026%00x"
             "&hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub.mode=Subscribe&hub.verify_token=pengaduan-verify-2026"
             "&hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub.mode=subscribe%00&hub.verify_token=pengaduan-verify-2026"
             "&hub.challenge=C", 403, NULL},
  {HTTP_GET, "hub_mode=subscribe&hub_verify_token=pengaduan-verify-2026"
             "&hub_challenge=C", 403, NULL},
  /* Right token, but no challenge to give back, or one we will not. */
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-2026",
   400, NULL},
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-2026"
             "&hub.challenge=", 400, NULL},
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-2026"
             "&hub.challenge=C%0D%0AX-Evil:%201", 400, NULL},
  /* A query that does not decode. */
  {HTTP_GET, "hub.mode=subscribe&hub.verify_token=%zz&hub.challenge=C", 400,
   NULL},
  /* The handshake is a GET. */
  {HTTP_POST, "hub.mode=subscribe&hub.verify_token=pengaduan-verify-2026"
              "&hub.challenge=C", 405, NULL},
};

START_TEST(handshake_table)
{
  const struct hs_case *c = &hs_cases[_i];
  struct config_channel ch = channel();
  char *body = NULL;
  int status = handshake(&ch, c->method, c->query, &body);

  ck_assert_msg(status == c->status, "'%s': %d, want %d", c->query, status,
                c->status);
  ck_assert_ptr_nonnull(body);
  if (c->body != NULL) {
    ck_assert_str_eq(body, c->body);
  } else {
    ck_assert_str_ne(body, "C");
    ck_assert_msg(body[0] == '{', "error body '%s' is not JSON", body);
    json_object_put(json_tokener_parse(body));
  }
  free(body);
}
END_TEST

START_TEST(handshake_long_challenge)
{
  struct config_channel ch = channel();
  char query[1200], *body = NULL;
  int n;

  n = snprintf(query, sizeof(query), "hub.mode=subscribe&hub.verify_token=%s"
               "&hub.challenge=", ch_verify);
  memset(query + n, '7', 512);
  query[n + 512] = '\0';
  ck_assert_int_eq(handshake(&ch, HTTP_GET, query, &body), 200);
  ck_assert_uint_eq(strlen(body), 512);
  free(body);
  body = NULL;
  query[n + 512] = '7';
  query[n + 513] = '\0';
  ck_assert_int_eq(handshake(&ch, HTTP_GET, query, &body), 400);
  free(body);
}
END_TEST

/* A channel whose verify token is empty never completes a handshake. */
START_TEST(handshake_no_token)
{
  struct config_channel ch = channel();
  static char empty[] = "";
  char *body = NULL;

  ch.verify_token = empty;
  ck_assert_int_eq(handshake(&ch, HTTP_GET, "hub.mode=subscribe&"
                             "hub.verify_token=&hub.challenge=C", &body), 403);
  free(body);
  body = NULL;
  ch.verify_token = NULL;
  ck_assert_int_eq(handshake(&ch, HTTP_GET, "hub.mode=subscribe&"
                             "hub.verify_token=&hub.challenge=C", &body), 403);
  free(body);
}
END_TEST

/* ---- Inbound messages ------------------------------------------------- */

struct in_case {
  const char *file;
  const char *id;
  const char *phone;
  enum msg_kind kind;
  const char *text;
  const char *media_id;
  const char *media_mime;
  double lat, lng;
};

static const struct in_case in_cases[] = {
  {"whatsapp-text.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEE3RDIwQzFFNUI5RjNBNkM0RTgxAA==",
   "+6281339401122", MSG_TEXT,
   "Selamat siang, saya mau melapor pungli di kantor Kelurahan Oebobo, "
   "Kupang. Urus KTP diminta bayar Rp 100.000 tanpa kuitansi "
   "\xf0\x9f\x99\x8f",
   NULL, NULL, 0, 0},
  {"whatsapp-image.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEE3RDIwQzFFNUI5RjNBNkM0RTgyAA==",
   "+6281339401122", MSG_MEDIA, "Foto kuitansi yang tidak resmi dari loket",
   "5820394716253849", "image/jpeg", 0, 0},
  {"whatsapp-document.json",
   "wamid.HBgNNjI4NTIzOTEwNzc4OBUCABIYFEIzRTkxRjBBNkMyRDhFNUI3QTE0AA==",
   "+6285239107788", MSG_MEDIA, "Surat pernyataan warga RT 07 soal pungutan",
   "5820394716253850", "application/pdf", 0, 0},
  {"whatsapp-audio.json",
   "wamid.HBgNNjI4NTIzOTEwNzc4OBUCABIYFEIzRTkxRjBBNkMyRDhFNUI3QTE1AA==",
   "+6285239107788", MSG_MEDIA, NULL, "5820394716253851",
   "audio/ogg; codecs=opus", 0, 0},
  {"whatsapp-location.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEE3RDIwQzFFNUI5RjNBNkM0RTgzAA==",
   "+6281339401122", MSG_LOCATION, NULL, NULL, NULL, -10.1654233, 123.5827411},
  {"whatsapp-interactive-button.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEE3RDIwQzFFNUI5RjNBNkM0RTg0AA==",
   "+6281339401122", MSG_CHOICE, "kategori_pungli", NULL, NULL, 0, 0},
  {"whatsapp-interactive-list.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEE3RDIwQzFFNUI5RjNBNkM0RTg1AA==",
   "+6281339401122", MSG_CHOICE, "sub_pungli_kelurahan", NULL, NULL, 0, 0},
  {"whatsapp-button.json",
   "wamid.HBgNNjI4NTIzOTEwNzc4OBUCABIYFEIzRTkxRjBBNkMyRDhFNUI3QTE2AA==",
   "+6285239107788", MSG_CHOICE, "LIHAT_STATUS", NULL, NULL, 0, 0},
  {"whatsapp-unsupported.json",
   "wamid.HBgNNjI4NTIzOTEwNzc4OBUCABIYFEIzRTkxRjBBNkMyRDhFNUI3QTE3AA==",
   "+6285239107788", MSG_UNSUPPORTED, NULL, NULL, NULL, 0, 0},
};

static void
assert_opt_str(const char *got, const char *want, const char *what)
{
  if (want == NULL)
    ck_assert_msg(got == NULL, "%s: '%s', want none", what, got);
  else {
    ck_assert_msg(got != NULL, "%s: none, want '%s'", what, want);
    ck_assert_str_eq(got, want);
  }
}

START_TEST(parse_message_fixtures)
{
  const struct in_case *c = &in_cases[_i];
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  const struct inbound_msg *m;
  const char *why;
  size_t len;
  char *body = fixture(c->file, &len);

  ck_assert_msg(parse_body(&ch, body, len, &set, &why) == 0, "%s: %s",
                c->file, why);
  ck_assert_int_eq(set.n, 1);
  ck_assert_int_eq(set.nstatuses, 0);
  ck_assert_int_eq(set.skipped, 0);
  m = &set.msgs[0];
  ck_assert_str_eq(m->provider_id, c->id);
  ck_assert_str_eq(m->phone, c->phone);
  ck_assert_msg(m->kind == c->kind, "%s: kind %s", c->file,
                msg_kind_name(m->kind));
  assert_opt_str(m->text, c->text, "text");
  assert_opt_str(m->media_id, c->media_id, "media_id");
  assert_opt_str(m->media_mime, c->media_mime, "media_mime");
  ck_assert_ptr_null(m->media_url);
  if (c->kind == MSG_LOCATION) {
    ck_assert_double_eq_tol(m->lat, c->lat, 1e-9);
    ck_assert_double_eq_tol(m->lng, c->lng, 1e-9);
  }
  if (m->text != NULL)
    ck_assert_uint_eq(utf8_check(m->text, strlen(m->text)), strlen(m->text));
  ck_assert_ptr_null(set.ack_type);
  ck_assert_ptr_null(set.ack_body);
  inbound_set_free(&set);
  free(body);
}
END_TEST

struct st_case {
  const char *file;
  const char *id;
  enum delivery status;
  const char *code;
  const char *text;
};

static const struct st_case st_cases[] = {
  {"whatsapp-status-sent.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEM1RjA4QjJENEE2RTFDM0Y5RDI3AA==",
   DELIVERY_SENT, NULL, NULL},
  {"whatsapp-status-delivered.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEM1RjA4QjJENEE2RTFDM0Y5RDI3AA==",
   DELIVERY_DELIVERED, NULL, NULL},
  {"whatsapp-status-read.json",
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEM1RjA4QjJENEE2RTFDM0Y5RDI3AA==",
   DELIVERY_READ, NULL, NULL},
  {"whatsapp-status-failed.json",
   "wamid.HBgNNjI4NTIzOTEwNzc4OBUCABIYFEM1RjA4QjJENEE2RTFDM0Y5RDMxAA==",
   DELIVERY_FAILED, "131047", "Re-engagement message"},
};

START_TEST(parse_status_fixtures)
{
  const struct st_case *c = &st_cases[_i];
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  const char *why;
  size_t len;
  char *body = fixture(c->file, &len);

  ck_assert_msg(parse_body(&ch, body, len, &set, &why) == 0, "%s: %s",
                c->file, why);
  ck_assert_int_eq(set.n, 0);
  ck_assert_int_eq(set.nstatuses, 1);
  ck_assert_str_eq(set.statuses[0].provider_id, c->id);
  ck_assert_str_eq(delivery_name(set.statuses[0].status),
                   delivery_name(c->status));
  assert_opt_str(set.statuses[0].error_code, c->code, "error_code");
  assert_opt_str(set.statuses[0].error_text, c->text, "error_text");
  inbound_set_free(&set);
  free(body);
}
END_TEST

/* The message id of the send answer is the one the status callbacks name. */
START_TEST(status_matches_send_answer)
{
  struct config_channel ch = channel();
  struct send_result r = {0};
  struct inbound_set set = {0};
  const char *why;
  size_t len, slen;
  char *answer = fixture("whatsapp-send-response.json", &len);
  char *status = fixture("whatsapp-status-delivered.json", &slen);

  WA->classify(&ch, 200, NULL, answer, len, &r);
  ck_assert_int_eq(r.outcome, SEND_OK);
  ck_assert_int_eq(parse_body(&ch, status, slen, &set, &why), 0);
  ck_assert_int_eq(set.nstatuses, 1);
  ck_assert_str_eq(set.statuses[0].provider_id, r.provider_id);
  inbound_set_free(&set);
  send_result_free(&r);
  free(answer);
  free(status);
}
END_TEST

START_TEST(parse_content_type)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  const char *why = NULL;
  size_t len;
  char *body = fixture("whatsapp-text.json", &len);
  struct treq t;

  treq_init(&t, HTTP_POST, NULL, body, len);
  ck_assert_int_eq(WA->parse(&ch, &t.r, &set, &why), AERR_PARSE);
  ck_assert_ptr_nonnull(why);
  ck_assert_int_eq(set.n, 0);
  treq_header(&t, "Content-Type", "text/plain");
  ck_assert_int_eq(WA->parse(&ch, &t.r, &set, &why), AERR_PARSE);
  treq_free(&t);

  treq_init(&t, HTTP_POST, NULL, body, len);
  treq_header(&t, "content-type", "application/json; charset=utf-8");
  ck_assert_int_eq(WA->parse(&ch, &t.r, &set, &why), 0);
  ck_assert_int_eq(set.n, 1);
  inbound_set_free(&set);
  treq_free(&t);
  free(body);
}
END_TEST

/* Messages for another number of the same Meta app are not ours. */
START_TEST(parse_other_number)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  static char other[] = "998877665544332";
  const char *why;
  size_t len;
  char *body = fixture("whatsapp-text.json", &len);
  char *st = fixture("whatsapp-status-read.json", NULL);

  ch.phone_number_id = other;
  ck_assert_int_eq(parse_body(&ch, body, len, &set, &why), 0);
  ck_assert_int_eq(set.n, 0);
  ck_assert_int_eq(set.skipped, 1);
  inbound_set_free(&set);
  ck_assert_int_eq(set.skipped, 0);
  ck_assert_int_eq(parse_body(&ch, st, strlen(st), &set, &why), 0);
  ck_assert_int_eq(set.nstatuses, 0);
  ck_assert_int_eq(set.skipped, 1);
  inbound_set_free(&set);

  /* A change without metadata cannot be shown to be ours either. */
  ck_assert_int_eq(parse_str(
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":"
    "[{\"field\":\"messages\",\"value\":{\"messages\":["
    MSG("\"type\":\"text\",\"text\":{\"body\":\"x\"}") "]}}]}]}",
    &set, &why), 0);
  ck_assert_int_eq(set.n, 0);
  ck_assert_int_eq(set.skipped, 1);
  inbound_set_free(&set);

  /* A channel that names no number takes them all. */
  ch.phone_number_id = NULL;
  ck_assert_int_eq(parse_body(&ch, body, len, &set, &why), 0);
  ck_assert_int_eq(set.n, 1);
  inbound_set_free(&set);
  free(body);
  free(st);
}
END_TEST

/* Several entries, changes, messages and statuses in one POST: all read,
 * in order; changes of other fields and other numbers left out. */
START_TEST(parse_batch)
{
  const char *body =
    "{\"object\":\"whatsapp_business_account\",\"entry\":["
    "{\"id\":\"1\",\"changes\":["
      "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":"
      "\"" PNID "\"},\"messages\":["
        "{\"from\":\"6281234567890\",\"id\":\"wamid.A\",\"type\":\"text\","
        "\"text\":{\"body\":\"satu\"}},"
        "{\"from\":\"6285712345678\",\"id\":\"wamid.B\",\"type\":\"text\","
        "\"text\":{\"body\":\"dua\"}}],"
      "\"statuses\":[{\"id\":\"wamid.S1\",\"status\":\"played\"},"
        "{\"id\":\"wamid.S2\",\"status\":\"deleted\"}]}},"
      "{\"field\":\"account_update\",\"value\":{\"event\":\"VERIFIED\"}}]},"
    "{\"id\":\"2\",\"changes\":["
      "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":"
      "\"777\"},\"messages\":[{\"from\":\"6281234567890\",\"id\":\"wamid.X\","
      "\"type\":\"text\",\"text\":{\"body\":\"bukan untuk kita\"}}]}},"
      "{\"field\":\"messages\",\"value\":{\"metadata\":{\"phone_number_id\":"
      "\"" PNID "\"},\"messages\":[{\"from\":\"14155550123\",\"id\":"
      "\"wamid.C\",\"type\":\"text\",\"text\":{\"body\":\"tiga\"}}]}}]}]}";
  struct inbound_set set = {0};
  const char *why;

  ck_assert_int_eq(parse_str(body, &set, &why), 0);
  ck_assert_int_eq(set.n, 3);
  ck_assert_str_eq(set.msgs[0].provider_id, "wamid.A");
  ck_assert_str_eq(set.msgs[0].text, "satu");
  ck_assert_str_eq(set.msgs[1].phone, "+6285712345678");
  ck_assert_str_eq(set.msgs[1].text, "dua");
  ck_assert_str_eq(set.msgs[2].provider_id, "wamid.C");
  ck_assert_str_eq(set.msgs[2].phone, "+14155550123");
  ck_assert_int_eq(set.nstatuses, 1);
  ck_assert_str_eq(set.statuses[0].provider_id, "wamid.S1");
  ck_assert_int_eq(set.statuses[0].status, DELIVERY_READ);
  /* "deleted" and the message for number 777. */
  ck_assert_int_eq(set.skipped, 2);
  inbound_set_free(&set);
}
END_TEST

/* Bodies that carry nothing for us are fine: an empty set. */
START_TEST(parse_nothing)
{
  static const char *const bodies[] = {
    "{\"object\":\"whatsapp_business_account\",\"entry\":[]}",
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"1\"}]}",
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[]}]}",
    ENV("\"contacts\":[]"),
    ENV("\"messages\":[],\"statuses\":[]"),
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[{"
    "\"field\":\"message_template_status_update\",\"value\":{\"event\":"
    "\"APPROVED\",\"message_template_name\":\"status_laporan\"}}]}]}",
  };
  size_t i;

  for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
    struct inbound_set set = {0};
    const char *why = NULL;
    ck_assert_msg(parse_str(bodies[i], &set, &why) == 0, "%s: %s", bodies[i],
                  why);
    ck_assert_int_eq(set.n, 0);
    ck_assert_int_eq(set.nstatuses, 0);
    ck_assert_int_eq(set.skipped, 0);
    inbound_set_free(&set);
  }
}
END_TEST

struct kind_case {
  const char *body;
  enum msg_kind kind;
  const char *text;       /* NULL: none */
};

/* Message types and shapes beyond the fixtures. */
static const struct kind_case kind_cases[] = {
  {ENV("\"messages\":[" MSG("\"type\":\"video\",\"video\":{\"id\":\"55\","
       "\"mime_type\":\"video/mp4\",\"caption\":\"rekaman\"}") "]"),
   MSG_MEDIA, "rekaman"},
  {ENV("\"messages\":[" MSG("\"type\":\"image\",\"image\":{\"id\":\"56\"}")
       "]"), MSG_MEDIA, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"sticker\",\"sticker\":{\"id\":\"57\","
       "\"mime_type\":\"image/webp\",\"animated\":false}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"contacts\",\"contacts\":[{\"name\":{"
       "\"formatted_name\":\"Budi\"},\"phones\":[{\"phone\":\"+62857\"}]}]")
       "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"order\",\"order\":{}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"text\":{\"body\":\"tanpa type\"}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"interactive\",\"interactive\":{"
       "\"type\":\"nfm_reply\",\"nfm_reply\":{\"response_json\":\"{}\"}}")
       "]"), MSG_UNSUPPORTED, NULL},
  /* A template quick reply without payload: its text. */
  {ENV("\"messages\":[" MSG("\"type\":\"button\",\"button\":{\"text\":"
       "\"Ya\"}") "]"), MSG_CHOICE, "Ya"},
  {ENV("\"messages\":[" MSG("\"type\":\"button\",\"button\":{\"payload\":"
       "\"\",\"text\":\"Tidak\"}") "]"), MSG_CHOICE, "Tidak"},
  /* The type's part missing or of the wrong type: unsupported. */
  {ENV("\"messages\":[" MSG("\"type\":\"text\"") "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":\"halo\"") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":{\"body\":42}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":[\"halo\"]") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"image\",\"image\":{\"id\":7}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"image\",\"image\":{\"id\":\"a b\"}")
       "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"document\",\"document\":[]") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":5") "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"interactive\",\"interactive\":{"
       "\"type\":\"list_reply\",\"list_reply\":{\"id\":\"\"}}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"interactive\",\"interactive\":{"
       "\"type\":\"button_reply\",\"button_reply\":{\"id\":3}}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"interactive\",\"interactive\":{"
       "\"type\":\"button_reply\",\"list_reply\":{\"id\":\"x\"}}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"button\",\"button\":{\"payload\":7}")
       "]"), MSG_UNSUPPORTED, NULL},
  /* Locations: integers are numbers too; out of range, strings, missing
   * or infinite coordinates are not a place. */
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":{"
       "\"latitude\":-10,\"longitude\":123}") "]"), MSG_LOCATION, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":{"
       "\"latitude\":-91.0,\"longitude\":123.6}") "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":{"
       "\"latitude\":-10.2,\"longitude\":180.5}") "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":{"
       "\"latitude\":\"-10.2\",\"longitude\":\"123.6\"}") "]"),
   MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":{"
       "\"latitude\":-10.2}") "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":{"
       "\"latitude\":1e999,\"longitude\":1}") "]"), MSG_UNSUPPORTED, NULL},
  {ENV("\"messages\":[" MSG("\"type\":\"location\",\"location\":null") "]"),
   MSG_UNSUPPORTED, NULL},
  /* Text is made valid UTF-8: NUL and lone surrogates become U+FFFD. */
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":{\"body\":"
       "\"a\\u0000b\"}") "]"), MSG_TEXT, "a\xef\xbf\xbd" "b"},
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":{\"body\":"
       "\"x\\ud83dy\"}") "]"), MSG_TEXT, "x\xef\xbf\xbdy"},
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":{\"body\":"
       "\"\\\"kutip\\\" \\\\ \\n\\t\\u00e9\"}") "]"),
   MSG_TEXT, "\"kutip\" \\ \n\t\xc3\xa9"},
  {ENV("\"messages\":[" MSG("\"type\":\"text\",\"text\":{\"body\":\"\"}")
       "]"), MSG_TEXT, ""},
};

START_TEST(parse_kinds)
{
  const struct kind_case *c = &kind_cases[_i];
  struct inbound_set set = {0};
  const char *why = NULL;

  ck_assert_msg(parse_str(c->body, &set, &why) == 0, "%s: %s", c->body, why);
  ck_assert_int_eq(set.n, 1);
  ck_assert_str_eq(set.msgs[0].provider_id, "wamid.T1");
  ck_assert_str_eq(set.msgs[0].phone, "+6281234567890");
  ck_assert_msg(set.msgs[0].kind == c->kind, "%s: kind %s", c->body,
                msg_kind_name(set.msgs[0].kind));
  assert_opt_str(set.msgs[0].text, c->text, "text");
  if (c->kind == MSG_MEDIA)
    ck_assert_ptr_nonnull(set.msgs[0].media_id);
  else
    ck_assert_ptr_null(set.msgs[0].media_id);
  inbound_set_free(&set);
}
END_TEST

/* Items without a usable id or sender are skipped and counted, and the
 * body is still taken (SPEC 2: a signed webhook is never refused for what
 * it carries); only an item that is not even an object, alone in its
 * body, makes the body refused as not Meta's. */
START_TEST(parse_bad_items)
{
  static const struct {
    const char *item;
    int rc;
  } bad[] = {
    {MSG("\"type\":\"text\",\"text\":{\"body\":\"x\"},\"id\":\"\""), 0},
    {"{\"from\":\"6281234567890\",\"type\":\"text\"}", 0},
    {"{\"from\":\"6281234567890\",\"id\":12345}", 0},
    {"{\"from\":\"6281234567890\",\"id\":\"wamid with space\"}", 0},
    {"{\"from\":\"6281234567890\",\"id\":\"wamid.\\u0000\"}", 0},
    {"{\"id\":\"wamid.N\"}", 0},
    {"{\"from\":6281234567890,\"id\":\"wamid.N\"}", 0},
    {"{\"from\":\"+6281234567890\",\"id\":\"wamid.N\"}", 0},
    {"{\"from\":\"0812-3456-7890\",\"id\":\"wamid.N\"}", 0},
    {"{\"from\":\"62\",\"id\":\"wamid.N\"}", 0},
    {"{\"from\":\"1234567890123456\",\"id\":\"wamid.N\"}", 0},
    {"{\"from\":\"\",\"id\":\"wamid.N\"}", 0},
    {"{\"from\":null,\"id\":\"wamid.N\"}", 0},
    {"[]", AERR_PARSE},
    {"\"wamid.N\"", AERR_PARSE},
    {"null", AERR_PARSE},
  };
  char body[512];
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    struct inbound_set set = {0};
    const char *why = NULL;

    snprintf(body, sizeof(body), ENV("\"messages\":[%s]"), bad[i].item);
    ck_assert_msg(parse_str(body, &set, &why) == bad[i].rc, "%s",
                  bad[i].item);
    if (bad[i].rc != 0) {
      ck_assert_ptr_nonnull(why);
    } else {
      ck_assert_int_eq(set.n, 0);
      ck_assert_int_eq(set.skipped, 1);
      ck_assert_ptr_nonnull(set.skip_why);
    }
    inbound_set_free(&set);

    /* Next to a good message: the good one is taken, the bad counted. */
    snprintf(body, sizeof(body), ENV("\"messages\":[%s,%s]"), bad[i].item,
             MSG("\"type\":\"text\",\"text\":{\"body\":\"ok\"}"));
    ck_assert_msg(parse_str(body, &set, &why) == 0, "%s: %s", bad[i].item,
                  why);
    ck_assert_int_eq(set.n, 1);
    ck_assert_str_eq(set.msgs[0].text, "ok");
    ck_assert_int_eq(set.skipped, 1);
    inbound_set_free(&set);
  }
}
END_TEST

/*
 * A "\u0000" inside a string Meta uses as a key (phone number id, message
 * type, status) would make it compare equal to its first part when read
 * as a C string: such a value is taken as absent, so the item is not
 * ours, unsupported or unknown; never mistaken for the real thing.  A
 * NUL in a message's id or sender skips that message alone.
 */
START_TEST(parse_nul_in_keys)
{
  struct inbound_set set = {0};
  const char *why = NULL;

  ck_assert_int_eq(parse_str(
    "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":"
    "[{\"field\":\"messages\",\"value\":{\"metadata\":{"
    "\"phone_number_id\":\"" PNID "\\u0000x\"},\"messages\":["
    MSG("\"type\":\"text\",\"text\":{\"body\":\"x\"}") "]}}]}]}",
    &set, &why), 0);
  ck_assert_int_eq(set.n, 0);
  ck_assert_int_eq(set.skipped, 1);
  inbound_set_free(&set);

  ck_assert_int_eq(parse_str(ENV("\"messages\":[" MSG("\"type\":"
    "\"text\\u0000\",\"text\":{\"body\":\"x\"}") "]"), &set, &why), 0);
  ck_assert_int_eq(set.n, 1);
  ck_assert_int_eq(set.msgs[0].kind, MSG_UNSUPPORTED);
  inbound_set_free(&set);

  ck_assert_int_eq(parse_str(ENV("\"statuses\":[{\"id\":\"wamid.S\","
    "\"status\":\"read\\u0000\"},{\"id\":\"wamid.S2\",\"status\":"
    "\"sent\"}]"), &set, &why), 0);
  ck_assert_int_eq(set.nstatuses, 1);
  ck_assert_str_eq(set.statuses[0].provider_id, "wamid.S2");
  ck_assert_int_eq(set.skipped, 1);
  inbound_set_free(&set);

  ck_assert_int_eq(parse_str(ENV("\"messages\":["
    "{\"from\":\"6281234567890\\u0000\",\"id\":\"wamid.N\"},"
    MSG("\"type\":\"text\",\"text\":{\"body\":\"ok\"}") "]"),
    &set, &why), 0);
  ck_assert_int_eq(set.n, 1);
  ck_assert_str_eq(set.msgs[0].text, "ok");
  ck_assert_int_eq(set.skipped, 1);
  inbound_set_free(&set);
}
END_TEST

/* Statuses without a usable id or status are skipped and counted; a
 * status that is not an object, alone, makes the body refused. */
START_TEST(parse_bad_statuses)
{
  static const struct {
    const char *item;
    int rc;
  } bad[] = {
    {"{\"status\":\"read\"}", 0},
    {"{\"id\":5,\"status\":\"read\"}", 0},
    {"{\"id\":\"wamid.S\"}", 0},
    {"{\"id\":\"wamid.S\",\"status\":3}", 0},
    {"7", AERR_PARSE},
  };
  char body[512];
  size_t i;

  for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
    struct inbound_set set = {0};
    const char *why = NULL;

    snprintf(body, sizeof(body), ENV("\"statuses\":[%s]"), bad[i].item);
    ck_assert_msg(parse_str(body, &set, &why) == bad[i].rc, "%s",
                  bad[i].item);
    if (bad[i].rc != 0)
      ck_assert_ptr_nonnull(why);
    else
      ck_assert_int_eq(set.skipped, 1);
    ck_assert_int_eq(set.nstatuses, 0);
    inbound_set_free(&set);
  }
}
END_TEST

/* Errors of a failed status in other shapes. */
START_TEST(parse_status_errors)
{
  struct inbound_set set = {0};
  const char *why;

  ck_assert_int_eq(parse_str(ENV("\"statuses\":["
    "{\"id\":\"wamid.1\",\"status\":\"failed\",\"errors\":[{\"code\":131026,"
    "\"message\":\"Message undeliverable\"}]},"
    "{\"id\":\"wamid.2\",\"status\":\"failed\",\"errors\":[{\"code\":\"470\","
    "\"title\":7}]},"
    "{\"id\":\"wamid.3\",\"status\":\"failed\",\"errors\":[]},"
    "{\"id\":\"wamid.4\",\"status\":\"failed\",\"errors\":{\"code\":1}},"
    "{\"id\":\"wamid.5\",\"status\":\"failed\",\"errors\":[\"x\"]}]"),
    &set, &why), 0);
  ck_assert_int_eq(set.nstatuses, 5);
  ck_assert_str_eq(set.statuses[0].error_code, "131026");
  ck_assert_str_eq(set.statuses[0].error_text, "Message undeliverable");
  ck_assert_str_eq(set.statuses[1].error_code, "470");
  ck_assert_ptr_null(set.statuses[1].error_text);
  for (int i = 2; i < 5; i++) {
    ck_assert_int_eq(set.statuses[i].status, DELIVERY_FAILED);
    ck_assert_ptr_null(set.statuses[i].error_code);
    ck_assert_ptr_null(set.statuses[i].error_text);
  }
  inbound_set_free(&set);
}
END_TEST

/* Bodies refused as a whole: never a crash, always AERR_PARSE and a
 * reason. */
static const char *const refused[] = {
  "{",
  "{}",
  "[]",
  "null",
  "42",
  "\"whatsapp_business_account\"",
  "{\"object\":\"page\",\"entry\":[]}",
  "{\"object\":5,\"entry\":[]}",
  "{\"object\":null,\"entry\":[]}",
  "{\"entry\":[]}",
  "{\"object\":\"whatsapp_business_account\"}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":{}}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":\"x\"}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[1,2,3]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[[]]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":{}}]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":[5]}]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":"
  "[{\"field\":\"messages\"}]}]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"changes\":"
  "[{\"field\":\"messages\",\"value\":[]}]}]}",
  ENV("\"messages\":{}"),
  ENV("\"messages\":\"x\""),
  ENV("\"messages\":[1,2,3]"),
  ENV("\"statuses\":{\"id\":\"wamid.S\",\"status\":\"read\"}"),
  ENV("\"messages\":[[[[[]]]]]"),
  /* Not JSON, or not only JSON. */
  "{\"object\":\"whatsapp_business_account\",\"entry\":[]} x",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[]}{}",
  "{'object':'whatsapp_business_account','entry':[]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[],}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[/* c */]}",
  "{\"object\":\"whatsapp_business_account\xff\",\"entry\":[]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[\"\xc3\"]}",
  "{\"object\":\"whatsapp_business_account\",\"entry\":[NaN]}",
};

START_TEST(parse_refused)
{
  struct inbound_set set = {0};
  const char *why = NULL;

  ck_assert_msg(parse_str(refused[_i], &set, &why) == AERR_PARSE, "%s",
                refused[_i]);
  ck_assert_ptr_nonnull(why);
  ck_assert_int_gt((int)strlen(why), 0);
  inbound_set_free(&set);
}
END_TEST

START_TEST(parse_empty_body)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  const char *why = NULL;

  ck_assert_int_eq(parse_body(&ch, "", 0, &set, &why), AERR_PARSE);
  ck_assert_ptr_nonnull(why);
  /* A NUL inside the body is not JSON either. */
  ck_assert_int_eq(parse_body(&ch, "{\"object\"\0:1}", 13, &set, &why),
                   AERR_PARSE);
}
END_TEST

/* Every truncation of every inbound fixture is refused cleanly. */
START_TEST(parse_truncated)
{
  struct config_channel ch = channel();
  size_t len, cut;
  char *body = fixture(inbound_fixtures[_i], &len);

  for (cut = 0; cut < len; cut++) {
    struct inbound_set set = {0};
    const char *why = NULL;
    ck_assert_msg(parse_body(&ch, body, cut, &set, &why) == AERR_PARSE,
                  "%s cut at %zu", inbound_fixtures[_i], cut);
    inbound_set_free(&set);
  }
  free(body);
}
END_TEST

/* A body cut short, or wrong in the middle, leaves nothing behind for the
 * next one: after each, the whole fixture reads as it does alone (the
 * parser keeps its JSON reader from body to body). */
START_TEST(parse_after_refused)
{
  struct config_channel ch = channel();
  struct inbound_set alone = {0};
  const char *why = NULL;
  size_t len, cut;
  char *body = fixture(inbound_fixtures[_i], &len);
  char *bad = malloc(len);

  ck_assert_ptr_nonnull(bad);
  ck_assert_int_eq(parse_body(&ch, body, len, &alone, &why), 0);
  for (cut = 1; cut < len; cut++) {
    struct inbound_set set = {0};
    memcpy(bad, body, len);
    if (cut % 2 == 0) {
      ck_assert_int_eq(parse_body(&ch, bad, cut, &set, &why), AERR_PARSE);
    } else {
      bad[cut] = '\x01';
      parse_body(&ch, bad, len, &set, &why);
    }
    inbound_set_free(&set);
    ck_assert_msg(parse_body(&ch, body, len, &set, &why) == 0,
                  "%s after a cut at %zu", inbound_fixtures[_i], cut);
    ck_assert_int_eq(set.n, alone.n);
    ck_assert_int_eq(set.nstatuses, alone.nstatuses);
    if (set.n > 0)
      ck_assert_str_eq(set.msgs[0].provider_id, alone.msgs[0].provider_id);
    inbound_set_free(&set);
  }
  inbound_set_free(&alone);
  free(bad);
  free(body);
}
END_TEST

/* Every byte of every fixture replaced by a character that changes the
 * structure (one per position, in turn): whatever comes out is clean (a
 * parse error, or messages that all have an id and a sender). */
START_TEST(parse_mutated)
{
  static const char subst[] = {'"', '{', '[', '1', ']'};
  struct config_channel ch = channel();
  size_t len, i;
  char *body = fixture(inbound_fixtures[_i], &len);
  int parsed = 0, refused_n = 0;

  for (i = 0; i < len; i++) {
    struct inbound_set set = {0};
    const char *why = NULL;
    char keep = body[i];
    int rc, j;

    body[i] = subst[(i + (size_t)_i) % sizeof(subst)];
    rc = parse_body(&ch, body, len, &set, &why);
    ck_assert_msg(rc == 0 || rc == AERR_PARSE, "rc %d", rc);
    if (rc == AERR_PARSE) {
      ck_assert_ptr_nonnull(why);
      refused_n++;
    } else {
      parsed++;
    }
    for (j = 0; j < set.n; j++) {
      ck_assert_ptr_nonnull(set.msgs[j].provider_id);
      /* A sender: a number, or (WhatsApp usernames) a BSUID. */
      if (set.msgs[j].phone[0] != '+')
        ck_assert(phone_bsuid_ok(set.msgs[j].bsuid,
                                 strlen(set.msgs[j].bsuid)));
    }
    for (j = 0; j < set.nstatuses; j++)
      ck_assert_ptr_nonnull(set.statuses[j].provider_id);
    inbound_set_free(&set);
    body[i] = keep;
  }
  /* Changes inside strings leave the body readable; the others do not. */
  ck_assert_int_gt(parsed, 0);
  ck_assert_int_gt(refused_n, 0);
  free(body);
}
END_TEST

/* Large arrays: thousands of messages are all read; thousands of junk
 * items are refused; deep nesting is refused. */
START_TEST(parse_huge)
{
  struct buf b = BUF_INIT;
  struct inbound_set set = {0};
  const char *why = NULL;
  int i;

  ck_assert_int_eq(buf_puts(&b, ENV_HEAD "\"messages\":["), 0);
  for (i = 0; i < 3000; i++)
    ck_assert_int_eq(buf_printf(&b, "%s{\"from\":\"6281234567890\",\"id\":"
                                "\"wamid.%d\",\"type\":\"text\",\"text\":{"
                                "\"body\":\"%d\"}}", i ? "," : "", i, i), 0);
  ck_assert_int_eq(buf_puts(&b, "]" ENV_TAIL), 0);
  ck_assert_int_eq(parse_str(b.data, &set, &why), 0);
  ck_assert_int_eq(set.n, 3000);
  ck_assert_str_eq(set.msgs[2999].provider_id, "wamid.2999");
  ck_assert_str_eq(set.msgs[2999].text, "2999");
  inbound_set_free(&set);

  buf_reset(&b);
  ck_assert_int_eq(buf_puts(&b, ENV_HEAD "\"messages\":["), 0);
  for (i = 0; i < 20000; i++)
    ck_assert_int_eq(buf_puts(&b, i ? ",0" : "0"), 0);
  ck_assert_int_eq(buf_puts(&b, "]" ENV_TAIL), 0);
  ck_assert_int_eq(parse_str(b.data, &set, &why), AERR_PARSE);
  ck_assert_int_eq(set.skipped, 20000);
  inbound_set_free(&set);

  buf_reset(&b);
  ck_assert_int_eq(buf_puts(&b, ENV_HEAD "\"messages\":"), 0);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_puts(&b, "["), 0);
  ck_assert_int_eq(parse_str(b.data, &set, &why), AERR_PARSE);
  inbound_set_free(&set);

  /* A 10 000-character text arrives whole. */
  buf_reset(&b);
  ck_assert_int_eq(buf_puts(&b, ENV_HEAD "\"messages\":[{\"from\":"
                            "\"6281234567890\",\"id\":\"wamid.L\",\"type\":"
                            "\"text\",\"text\":{\"body\":\""), 0);
  for (i = 0; i < 10000; i++)
    ck_assert_int_eq(buf_puts(&b, "a"), 0);
  ck_assert_int_eq(buf_puts(&b, "\"}}]" ENV_TAIL), 0);
  ck_assert_int_eq(parse_str(b.data, &set, &why), 0);
  ck_assert_uint_eq(strlen(set.msgs[0].text), 10000);
  inbound_set_free(&set);
  buf_free(&b);
}
END_TEST

/* ---- Sending ---------------------------------------------------------- */

static const struct outbound_option category_buttons[] = {
  {"kategori_pungli", "Pungutan liar"},
  {"kategori_layanan", "Layanan publik"},
  {"kategori_lain", "Lainnya"},
};

static const struct outbound_option place_rows[] = {
  {"sub_pungli_kelurahan", "Kantor kelurahan"},
  {"sub_pungli_samsat", "Loket Samsat"},
  {"sub_pungli_sekolah", "Sekolah"},
};

/* Build msg; on success check URL and headers and return the body's JSON. */
static struct json_object *
build(const struct config_channel *ch, const struct outbound_msg *msg)
{
  struct provider_request r;
  struct json_tokener *tok;
  struct json_object *o;

  memset(&r, 0, sizeof(r));
  ck_assert_int_eq(WA->build_send(NULL, ch, msg, &r), 0);
  ck_assert_str_eq(r.method, "POST");
  ck_assert_str_eq(r.url, API_BASE "/" PNID "/messages");
  ck_assert_str_eq(r.headers[0], "Authorization: Bearer test-access-token");
  ck_assert_str_eq(r.headers[1], "Content-Type: application/json");
  ck_assert_ptr_null(r.headers[2]);
  /* The body is strict JSON in valid UTF-8. */
  tok = json_tokener_new();
  json_tokener_set_flags(tok, JSON_TOKENER_STRICT |
                              JSON_TOKENER_VALIDATE_UTF8);
  o = json_tokener_parse_ex(tok, r.body.data, (int)r.body.len);
  ck_assert_msg(o != NULL, "not JSON: %s", r.body.data);
  ck_assert_uint_eq(json_tokener_get_parse_end(tok), r.body.len);
  json_tokener_free(tok);
  provider_request_free(&r);
  return o;
}

static const char *
jpath(struct json_object *o, const char *path)
{
  char key[64];
  const char *p = path;

  while (o != NULL && *p != '\0') {
    size_t n = strcspn(p, ".");
    snprintf(key, sizeof(key), "%.*s", (int)n, p);
    if (key[0] >= '0' && key[0] <= '9')
      o = json_object_is_type(o, json_type_array)
            ? json_object_array_get_idx(o, strtoul(key, NULL, 10)) : NULL;
    else if (!json_object_object_get_ex(o, key, &o))
      o = NULL;
    p += n;
    if (*p == '.')
      p++;
  }
  return o != NULL ? json_object_get_string(o) : NULL;
}

static void
assert_json_eq(struct json_object *got, struct json_object *want)
{
  ck_assert_msg(json_object_equal(got, want), "got %s\nwant %s",
                json_object_to_json_string(got),
                json_object_to_json_string(want));
}

START_TEST(send_text_fixture)
{
  struct config_channel ch = channel();
  struct json_object *want = fixture_json("whatsapp-send-text.json");
  struct outbound_msg msg = {0};
  struct json_object *got;

  msg.to = "+6281339401122";
  msg.kind = OUT_TEXT;
  msg.text = jpath(want, "text.body");
  ck_assert_ptr_nonnull(msg.text);
  got = build(&ch, &msg);
  assert_json_eq(got, want);
  json_object_put(got);
  json_object_put(want);
}
END_TEST

/* A free text of any bytes goes as strict JSON whose body is the text
 * made valid UTF-8 (quotes, backslashes, every control character, DEL,
 * slashes, emoji, U+2028, bytes that are not UTF-8), to a number or to
 * a BSUID, with the fixture's members and nothing else. */
START_TEST(send_text_any_bytes)
{
  static const char *const texts[] = {
    "kata \"kutip\" dan \\ garis miring terbalik",
    "baris\nbaru\r\ttab \b\f\x01\x1f\x7f akhir",
    "</script> 50% & <b>tebal</b> \xf0\x9f\x98\x80 \xe2\x80\xa8 ok",
    "bukan UTF-8: \xff\xfe \xc3 \xe2\x82 selesai", "",
  };
  struct config_channel ch = channel();
  struct json_object *want = fixture_json("whatsapp-send-text.json");
  struct json_object *got, *text;
  struct outbound_msg msg = {0};
  size_t i;
  int bsuid;

  for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
    for (bsuid = 0; bsuid < 2; bsuid++) {
      char *clean = utf8_sanitize(texts[i], strlen(texts[i]));
      msg.to = bsuid ? NULL : "+6281339401122";
      msg.recipient = bsuid ? "ID.4471920083316652" : NULL;
      msg.kind = OUT_TEXT;
      msg.text = texts[i];
      if (texts[i][0] == '\0') {
        struct provider_request r = {0};
        ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
        free(clean);
        continue;
      }
      got = build(&ch, &msg);
      ck_assert_str_eq(jpath(got, "text.body"), clean);
      /* The rest is the fixture's, member for member. */
      ck_assert(json_object_object_get_ex(got, "text", &text));
      json_object_object_add(text, "body", json_object_new_string(
                             jpath(want, "text.body")));
      if (bsuid) {
        ck_assert_str_eq(jpath(got, "recipient"), "ID.4471920083316652");
        json_object_object_del(got, "recipient");
        json_object_object_add(got, "to",
                               json_object_new_string("6281339401122"));
      }
      assert_json_eq(got, want);
      json_object_put(got);
      free(clean);
    }
  json_object_put(want);
}
END_TEST

START_TEST(send_buttons_fixture)
{
  struct config_channel ch = channel();
  struct json_object *want =
    fixture_json("whatsapp-send-interactive-button.json");
  struct outbound_msg msg = {0};
  struct json_object *got;

  msg.to = "+6281339401122";
  msg.kind = OUT_BUTTONS;
  msg.text = "Pilih kategori pengaduan Anda:";
  msg.options = category_buttons;
  msg.noptions = 3;
  got = build(&ch, &msg);
  assert_json_eq(got, want);
  json_object_put(got);
  json_object_put(want);
}
END_TEST

START_TEST(send_template_fixture)
{
  struct config_channel ch = channel();
  struct json_object *want = fixture_json("whatsapp-send-template.json");
  static const char *const params[] = {"ADU-2026-000417",
                                        "sedang diperiksa Inspektorat"};
  struct outbound_msg msg = {0};
  struct json_object *got;

  msg.to = "+6285239107788";
  msg.kind = OUT_TEMPLATE;
  msg.text = "Laporan ADU-2026-000417 sedang diperiksa Inspektorat.";
  msg.template_name = "status_laporan_diperbarui";
  msg.template_lang = "id";
  msg.template_params = params;
  msg.ntemplate_params = 2;
  got = build(&ch, &msg);
  assert_json_eq(got, want);
  json_object_put(got);

  /* The language defaults to Indonesian. */
  msg.template_lang = NULL;
  got = build(&ch, &msg);
  assert_json_eq(got, want);
  json_object_put(got);
  json_object_put(want);
}
END_TEST

/* Our lists have one untitled section; everything else as in the fixture. */
START_TEST(send_list_fixture)
{
  struct config_channel ch = channel();
  struct json_object *want =
    fixture_json("whatsapp-send-interactive-list.json");
  struct outbound_msg msg = {0};
  struct json_object *got, *rows;
  static const char *const same[] = {
    "messaging_product", "recipient_type", "to", "type", "interactive.type",
    "interactive.body.text", "interactive.action.button",
  };
  size_t i;

  msg.to = "+6281339401122";
  msg.kind = OUT_LIST;
  msg.text = jpath(want, "interactive.body.text");
  msg.button_label = jpath(want, "interactive.action.button");
  msg.options = place_rows;
  msg.noptions = 3;
  got = build(&ch, &msg);
  for (i = 0; i < sizeof(same) / sizeof(same[0]); i++) {
    ck_assert_ptr_nonnull(jpath(got, same[i]));
    ck_assert_str_eq(jpath(got, same[i]), jpath(want, same[i]));
  }
  ck_assert_int_eq(json_object_array_length(
    json_object_object_get(json_object_object_get(
      json_object_object_get(got, "interactive"), "action"), "sections")), 1);
  ck_assert_ptr_null(jpath(got, "interactive.header"));
  ck_assert_str_eq(jpath(got, "interactive.action.sections.0.rows.0.id"),
                   jpath(want, "interactive.action.sections.0.rows.0.id"));
  ck_assert_str_eq(jpath(got, "interactive.action.sections.0.rows.1.title"),
                   jpath(want, "interactive.action.sections.0.rows.1.title"));
  ck_assert_str_eq(jpath(got, "interactive.action.sections.0.rows.2.id"),
                   jpath(want, "interactive.action.sections.1.rows.0.id"));
  ck_assert_str_eq(jpath(got, "interactive.action.sections.0.rows.2.title"),
                   jpath(want, "interactive.action.sections.1.rows.0.title"));
  rows = json_object_object_get(json_object_array_get_idx(
    json_object_object_get(json_object_object_get(json_object_object_get(
      got, "interactive"), "action"), "sections"), 0), "rows");
  ck_assert_int_eq(json_object_array_length(rows), 3);
  json_object_put(got);
  json_object_put(want);
}
END_TEST

/* The number of characters of s (s is valid UTF-8). */
static size_t
nchars(const char *s)
{
  size_t n = 0;

  for (; *s != '\0'; s++)
    if (((unsigned char)*s & 0xc0) != 0x80)
      n++;
  return n;
}

/* Titles longer than WhatsApp shows are cut between characters. */
START_TEST(send_titles_cut)
{
  struct config_channel ch = channel();
  static const struct outbound_option long_opts[] = {
    /* 30 characters, an emoji (4 bytes) across position 20 and 24. */
    {"a", "Pelayanan publik \xf0\x9f\x99\x8f\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f"
          "\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f"
          "\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f"
          "\xf0\x9f\x99\x8f\xf0\x9f\x99\x8f"},
    {"b", "Benturan kepentingan pejabat"},
    {"c", "Gratifikasi"},
  };
  struct outbound_msg msg = {0};
  struct json_object *got;
  const char *t;

  msg.to = "+6281234567890";
  msg.text = "Pilih kategori:";
  msg.options = long_opts;
  msg.noptions = 3;
  msg.kind = OUT_BUTTONS;
  got = build(&ch, &msg);
  t = jpath(got, "interactive.action.buttons.0.reply.title");
  ck_assert_uint_eq(nchars(t), 20);
  ck_assert_uint_eq(utf8_check(t, strlen(t)), strlen(t));
  ck_assert_str_eq(jpath(got, "interactive.action.buttons.1.reply.title"),
                   "Benturan kepentingan");
  ck_assert_str_eq(jpath(got, "interactive.action.buttons.2.reply.title"),
                   "Gratifikasi");
  json_object_put(got);

  msg.kind = OUT_LIST;
  msg.button_label = "Pilih salah satu kategori";
  got = build(&ch, &msg);
  t = jpath(got, "interactive.action.sections.0.rows.0.title");
  ck_assert_uint_eq(nchars(t), 24);
  ck_assert_uint_eq(utf8_check(t, strlen(t)), strlen(t));
  ck_assert_str_eq(jpath(got, "interactive.action.sections.0.rows.1.title"),
                   "Benturan kepentingan pej");
  ck_assert_str_eq(jpath(got, "interactive.action.button"),
                   "Pilih salah satu kat");
  json_object_put(got);
}
END_TEST

/* Lists and buttons WhatsApp cannot show: AERR_UNSUPPORTED (the sender
 * then sends text); ten rows and three buttons are the most that go. */
START_TEST(send_unsupported)
{
  struct config_channel ch = channel();
  struct outbound_option opts[11], bad_opts[2];
  char ids[11][8];
  struct outbound_msg msg = {0};
  struct provider_request r;
  struct json_object *got;
  char longid[300];
  int i;

  for (i = 0; i < 11; i++) {
    snprintf(ids[i], sizeof(ids[i]), "opt%d", i);
    opts[i].id = ids[i];
    opts[i].title = ids[i];
  }
  msg.to = "+6281234567890";
  msg.text = "Pilih:";
  msg.button_label = "Pilih";
  msg.options = opts;

  msg.kind = OUT_LIST;
  msg.noptions = 10;
  got = build(&ch, &msg);
  ck_assert_str_eq(jpath(got, "interactive.action.sections.0.rows.9.id"),
                   "opt9");
  json_object_put(got);
  msg.kind = OUT_BUTTONS;
  msg.noptions = 3;
  got = build(&ch, &msg);
  json_object_put(got);

  memset(&r, 0, sizeof(r));
  msg.kind = OUT_LIST;
  msg.noptions = 11;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);
  msg.noptions = 0;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);
  msg.noptions = 2;
  msg.button_label = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);
  msg.button_label = "Pilih";
  msg.kind = OUT_BUTTONS;
  msg.noptions = 4;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);
  msg.options = NULL;
  msg.noptions = 2;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);

  bad_opts[0] = opts[0];
  bad_opts[1].id = "x";
  bad_opts[1].title = "";
  msg.options = bad_opts;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);
  memset(longid, 'i', sizeof(longid) - 1);
  longid[sizeof(longid) - 1] = '\0';
  bad_opts[1].id = longid;
  bad_opts[1].title = "t";
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);
  ck_assert_ptr_null(r.url);
  ck_assert_uint_eq(r.body.len, 0);
  ck_assert_ptr_null(r.headers[0]);
}
END_TEST

/* Any text goes out as valid JSON, and comes back as it was (bytes that
 * are not UTF-8 as U+FFFD). */
START_TEST(send_escaping)
{
  struct config_channel ch = channel();
  struct outbound_msg msg = {0};
  struct json_object *got;
  const char *text = "Kutip \"ya\", garis \\ miring / baris\nbaru\ttab \x01"
                     " </script> \xf0\x9f\x99\x8f emoji; rusak \xff\xfe.";

  msg.to = "+6281234567890";
  msg.kind = OUT_TEXT;
  msg.text = text;
  got = build(&ch, &msg);
  ck_assert_str_eq(jpath(got, "text.body"),
                   "Kutip \"ya\", garis \\ miring / baris\nbaru\ttab \x01"
                   " </script> \xf0\x9f\x99\x8f emoji; rusak "
                   "\xef\xbf\xbd\xef\xbf\xbd.");
  ck_assert_str_eq(jpath(got, "to"), "6281234567890");
  json_object_put(got);
}
END_TEST

START_TEST(send_template_params)
{
  struct config_channel ch = channel();
  static const char *const params[] = {"baris satu\nbaris\tdua   tiga"};
  struct outbound_msg msg = {0};
  struct json_object *got;

  msg.to = "+6285712345678";
  msg.kind = OUT_TEMPLATE;
  msg.template_name = "pengingat";
  msg.template_lang = "en_US";
  got = build(&ch, &msg);
  ck_assert_str_eq(jpath(got, "template.language.code"), "en_US");
  ck_assert_ptr_null(jpath(got, "template.components"));
  json_object_put(got);

  msg.template_params = params;
  msg.ntemplate_params = 1;
  got = build(&ch, &msg);
  ck_assert_str_eq(jpath(got, "template.components.0.parameters.0.text"),
                   "baris satu baris dua tiga");
  json_object_put(got);
}
END_TEST

/* Messages no channel could send, and channels that cannot send. */
START_TEST(send_refused)
{
  struct config_channel ch = channel();
  struct outbound_msg msg = {0};
  struct provider_request r;
  static const char *const bad_to[] = {"", "+", "+62", "+6281234abc",
                                       "+62812345678901234", "6281 234"};
  static const char *const params[] = {"a", NULL};
  static char bad_pnid[] = "../me";
  static char bad_token[] = "abc\r\nX-Evil: 1";
  size_t i;

  memset(&r, 0, sizeof(r));
  msg.kind = OUT_TEXT;
  msg.text = "halo";
  msg.to = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  for (i = 0; i < sizeof(bad_to) / sizeof(bad_to[0]); i++) {
    msg.to = bad_to[i];
    ck_assert_msg(WA->build_send(NULL, &ch, &msg, &r) == AERR_PARSE, "%s",
                  bad_to[i]);
  }
  msg.to = "+6281234567890";
  msg.text = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  msg.text = "";
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  msg.kind = OUT_TEMPLATE;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  msg.template_name = "x";
  msg.template_params = params;
  msg.ntemplate_params = 2;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  msg.kind = (enum outbound_kind)99;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_UNSUPPORTED);

  msg.kind = OUT_TEXT;
  msg.text = "halo";
  ch.phone_number_id = bad_pnid;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_CONFIG);
  ch.phone_number_id = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_CONFIG);
  ch = channel();
  ch.access_token = bad_token;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_CONFIG);
  ch.access_token = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_CONFIG);
  ch = channel();
  ch.api_base = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_CONFIG);
  ck_assert_ptr_null(r.url);
  ck_assert_uint_eq(r.body.len, 0);
}
END_TEST

START_TEST(send_base_slash)
{
  struct config_channel ch = channel();
  static char base[] = API_BASE "/";
  struct outbound_msg msg = {0};
  struct provider_request r;

  memset(&r, 0, sizeof(r));
  ch.api_base = base;
  msg.to = "6281234567890";
  msg.kind = OUT_TEXT;
  msg.text = "halo";
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), 0);
  ck_assert_str_eq(r.url, API_BASE "/" PNID "/messages");
  provider_request_free(&r);
}
END_TEST

/* ---- Answers to sends ------------------------------------------------- */

struct cl_case {
  long status;
  const char *retry_after;
  const char *body;        /* "@name": a fixture */
  enum send_outcome outcome;
  const char *id;          /* SEND_OK */
  const char *error;       /* other outcomes: exact, or NULL: any */
  int64_t retry_ms;
};

#define ERRBODY(code, msg) \
  "{\"error\":{\"message\":\"" msg "\",\"type\":\"OAuthException\"," \
  "\"code\":" #code ",\"fbtrace_id\":\"Axyz\"}}"

static const struct cl_case cl_cases[] = {
  {200, NULL, "@whatsapp-send-response.json", SEND_OK,
   "wamid.HBgNNjI4MTMzOTQwMTEyMhUCABIYFEM1RjA4QjJENEE2RTFDM0Y5RDI3AA==", NULL,
   0},
  {201, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}]}", SEND_OK, "wamid.Z",
   NULL, 0},
  {200, NULL, "{\"messaging_product\":\"whatsapp\"}", SEND_FAIL, NULL,
   "no message id", 0},
  /* Success answers of every shape: white space, members around and
   * twice, escapes, numbers, deep nesting, "error" inside, and bodies
   * that are not one object with an id. */
  {200, NULL, " \n{ \"messages\" : [ { \"id\" : \"wamid.Z\" } ] } \r\n",
   SEND_OK, "wamid.Z", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}],\"meta\":{\"a\":[true,"
   "false,null,{}],\"b\":[],\"\":\"\"}}", SEND_OK, "wamid.Z", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.A\"}],\"messages\":[{\"id\":"
   "\"wamid.B\"}]}", SEND_OK, "wamid.B", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.A\",\"id\":\"wamid.B\"}]}",
   SEND_OK, "wamid.B", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.\\u0041\"}]}", SEND_OK,
   "wamid.A", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"},{\"id\":\"wamid.Y\"}],"
   "\"n\":1.5}", SEND_OK, "wamid.Z", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}],\"note\":\"caf\xc3\xa9\"}",
   SEND_OK, "wamid.Z", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}],"
   "\"d\":[[[[[[[[[[]]]]]]]]]]}", SEND_OK, "wamid.Z", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\",\"x\":{\"error\":true}}]}",
   SEND_OK, "wamid.Z", NULL, 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid Z\"}]}", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}]}x", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}],}", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}]", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}],\"x\":\"a\tb\"}", SEND_OK,
   "wamid.Z", NULL, 0},
  {200, NULL, "[{\"messages\":[{\"id\":\"wamid.Z\"}]}]", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"x\":{\"messages\":[{\"id\":\"wamid.Z\"}]}}", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":null}]}", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[[{\"id\":\"wamid.Z\"}]]}", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":\"wamid.Z\"}],\"error\":{\"code\":100,"
   "\"message\":\"x\"}}", SEND_FAIL, NULL, "100: x", 0},
  {200, NULL, "{\"messages\":[]}", SEND_FAIL, NULL, "no message id", 0},
  {200, NULL, "{\"messages\":[{\"id\":5}]}", SEND_FAIL, NULL, "no message id",
   0},
  {200, NULL, "{\"messages\":{\"id\":\"wamid.Z\"}}", SEND_FAIL, NULL,
   "no message id", 0},
  {200, NULL, "not json", SEND_FAIL, NULL, "no message id", 0},
  {200, NULL, "", SEND_FAIL, NULL, "no message id", 0},
  {400, NULL, ERRBODY(131047, "Re-engagement message"), SEND_TEMPLATE, NULL,
   "131047: Re-engagement message", 0},
  {400, NULL, "@whatsapp-send-error-130429.json", SEND_RETRY, NULL,
   "130429: (#130429) Rate limit hit", 0},
  {429, "7", "@whatsapp-send-error-130429.json", SEND_RETRY, NULL,
   "130429: (#130429) Rate limit hit", 7000},
  {400, NULL, ERRBODY(131056, "(#131056) Pair rate limit hit"), SEND_RETRY,
   NULL, NULL, 0},
  {400, NULL, ERRBODY(131048, "Spam rate limit hit"), SEND_RETRY, NULL, NULL,
   0},
  {400, "30", ERRBODY(80007, "Rate limit issues"), SEND_RETRY, NULL, NULL,
   30000},
  {401, NULL, ERRBODY(190, "Error validating access token: Session has "
                      "expired"), SEND_FAIL, NULL,
   "190: Error validating access token: Session has expired", 0},
  {400, NULL, ERRBODY(131026, "Message undeliverable"), SEND_FAIL, NULL,
   "131026: Message undeliverable", 0},
  {400, NULL, "{\"error\":{\"code\":100}}", SEND_FAIL, NULL, "100", 0},
  {400, NULL, "{\"error\":{\"code\":\"131047\",\"message\":\"x\"}}",
   SEND_FAIL, NULL, "HTTP 400: x", 0},
  {404, NULL, "", SEND_FAIL, NULL, "HTTP 404", 0},
  {404, NULL, "<html>Not Found</html>", SEND_FAIL, NULL, "HTTP 404", 0},
  {302, NULL, NULL, SEND_FAIL, NULL, "HTTP 302", 0},
  {429, "7", "", SEND_RETRY, NULL, "HTTP 429", 7000},
  {429, " 12 ", NULL, SEND_RETRY, NULL, NULL, 12000},
  {429, "Wed, 21 Oct 2026 07:28:00 GMT", NULL, SEND_RETRY, NULL, NULL, 0},
  {429, "-5", NULL, SEND_RETRY, NULL, NULL, 0},
  {429, "99999999999999999999999", NULL, SEND_RETRY, NULL, NULL, 86400000},
  {429, "", NULL, SEND_RETRY, NULL, NULL, 0},
  {500, NULL, ERRBODY(131000, "Something went wrong"), SEND_RETRY, NULL,
   "131000: Something went wrong", 0},
  {502, NULL, "<html>Bad Gateway</html>", SEND_RETRY, NULL, "HTTP 502", 0},
  {503, "3", NULL, SEND_RETRY, NULL, "HTTP 503", 3000},
  {0, NULL, NULL, SEND_RETRY, NULL, NULL, 0},
};

START_TEST(classify_table)
{
  const struct cl_case *c = &cl_cases[_i];
  struct config_channel ch = channel();
  struct send_result r;
  char *file = NULL;
  const char *body = c->body;
  size_t len = body != NULL ? strlen(body) : 0;

  if (body != NULL && body[0] == '@')
    body = file = fixture(body + 1, &len);
  memset(&r, 0, sizeof(r));
  WA->classify(&ch, c->status, c->retry_after, body, len, &r);
  ck_assert_msg(r.outcome == c->outcome, "case %d: outcome %d, want %d", _i,
                r.outcome, c->outcome);
  if (c->outcome == SEND_OK) {
    ck_assert_str_eq(r.provider_id, c->id);
    ck_assert_ptr_null(r.error);
  } else {
    ck_assert_ptr_null(r.provider_id);
    ck_assert_ptr_nonnull(r.error);
    if (c->error != NULL)
      ck_assert_str_eq(r.error, c->error);
  }
  ck_assert_int_eq(r.retry_after_ms, c->retry_ms);
  send_result_free(&r);
  free(file);
}
END_TEST

/* A long reason from the provider is kept short and valid. */
START_TEST(classify_long_reason)
{
  struct config_channel ch = channel();
  struct send_result r;
  struct buf b = BUF_INIT;
  int i;

  ck_assert_int_eq(buf_puts(&b, "{\"error\":{\"code\":131009,\"message\":\""),
                   0);
  for (i = 0; i < 1000; i++)
    ck_assert_int_eq(buf_puts(&b, "\\u00e9"), 0);
  ck_assert_int_eq(buf_puts(&b, "\"}}"), 0);
  memset(&r, 0, sizeof(r));
  WA->classify(&ch, 400, NULL, b.data, b.len, &r);
  ck_assert_int_eq(r.outcome, SEND_FAIL);
  ck_assert_uint_eq(nchars(r.error), strlen("131009: ") + 200);
  ck_assert_uint_eq(utf8_check(r.error, strlen(r.error)), strlen(r.error));
  send_result_free(&r);
  buf_free(&b);
}
END_TEST

/* ---- Media ------------------------------------------------------------ */

/* The image message of the fixture. */
static void
image_message(struct inbound_set *set)
{
  struct config_channel ch = channel();
  const char *why;
  size_t len;
  char *body = fixture("whatsapp-image.json", &len);

  ck_assert_int_eq(parse_body(&ch, body, len, set, &why), 0);
  ck_assert_int_eq(set->n, 1);
  free(body);
}

START_TEST(media_steps)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  struct provider_request r;
  size_t len;
  char *answer = fixture("whatsapp-media-url-response.json", &len);

  image_message(&set);
  memset(&r, 0, sizeof(r));
  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], 0, NULL, 0, &r), 0);
  ck_assert_str_eq(r.method, "GET");
  ck_assert_str_eq(r.url, API_BASE "/5820394716253849");
  ck_assert_str_eq(r.headers[0], "Authorization: Bearer test-access-token");
  ck_assert_ptr_null(r.headers[1]);
  ck_assert_uint_eq(r.body.len, 0);
  provider_request_free(&r);

  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], 1, answer, len, &r),
                   0);
  ck_assert_str_eq(r.method, "GET");
  ck_assert_str_eq(r.url, "https://lookaside.fbsbx.com/whatsapp_business/"
                   "attachments/?mid=5820394716253849&ext=1778547995&"
                   "hash=ATq4Lk8vR2nX0bW6cJ3d");
  ck_assert_str_eq(r.headers[0], "Authorization: Bearer test-access-token");
  ck_assert_ptr_null(r.headers[1]);
  provider_request_free(&r);

  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], 2, NULL, 0, &r), 1);
  ck_assert_ptr_null(r.url);
  inbound_set_free(&set);
  free(answer);
}
END_TEST

START_TEST(media_refused)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  struct provider_request r;
  struct inbound_msg m;
  static char bad_id[] = "../../me";
  static const char *const answers[] = {
    "",
    "{}",
    "[]",
    "{\"url\":5}",
    "{\"url\":\"ftp://lookaside.fbsbx.com/x\"}",
    "{\"url\":\"https://lookaside.fbsbx.com/a b\"}",
    "{\"url\":\"https://lookaside.fbsbx.com/a\\r\\nX-Evil: 1\"}",
    "{\"url\":\"https://lookaside.fbsbx.com/a\",\"id\":\"999\"}",
    "{\"url\":\"https://lookaside.fbsbx.com/a\",\"id\":5820394716253849}",
    "{\"url\":\"https://lookaside.fbsbx.com/a\"",
  };
  size_t i;

  memset(&r, 0, sizeof(r));
  memset(&m, 0, sizeof(m));
  ck_assert_int_eq(WA->media_request(&ch, &m, 0, NULL, 0, &r), AERR_PARSE);
  m.media_id = bad_id;
  ck_assert_int_eq(WA->media_request(&ch, &m, 0, NULL, 0, &r), AERR_PARSE);

  image_message(&set);
  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], -1, NULL, 0, &r),
                   AERR_PARSE);
  for (i = 0; i < sizeof(answers) / sizeof(answers[0]); i++)
    ck_assert_msg(WA->media_request(&ch, &set.msgs[0], 1, answers[i],
                                    strlen(answers[i]), &r) == AERR_PARSE,
                  "%s", answers[i]);
  ck_assert_ptr_null(r.url);
  /* Without an id the answer is taken as given. */
  ch.media_hosts = ch_media_local;
  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], 1,
                   "{\"url\":\"http://127.0.0.1:9/media/1\"}",
                   strlen("{\"url\":\"http://127.0.0.1:9/media/1\"}"), &r),
                   0);
  ck_assert_str_eq(r.url, "http://127.0.0.1:9/media/1");
  provider_request_free(&r);
  ch.access_token = NULL;
  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], 0, NULL, 0, &r),
                   AERR_CONFIG);
  inbound_set_free(&set);
}
END_TEST

/* The token goes with a download only over https to a host of
 * media_hosts; anywhere else the download is refused, naming the host. */
START_TEST(media_token_only_to_media_hosts)
{
  static const struct {
    const char *hosts;
    const char *url;
    const char *refused;    /* NULL: allowed */
  } cases[] = {
    {NULL, "https://lookaside.fbsbx.com/whatsapp_business/attachments/?mid=1",
     NULL},
    {NULL, "https://LookAside.FBSBX.com:443/a", NULL},
    {NULL, "https://evil.example/a", "media host not allowed: evil.example"},
    {NULL, "http://lookaside.fbsbx.com/a",
     "media URL not https: lookaside.fbsbx.com"},
    {NULL, "https://lookaside.fbsbx.com.evil.example/a",
     "media host not allowed: lookaside.fbsbx.com.evil.example"},
    {NULL, "https://fbsbx.com/a", "media host not allowed: fbsbx.com"},
    {NULL, "https://lookaside.fbsbx.com@evil.example/a",
     "media host not allowed: evil.example"},
    {NULL, "https://evil.example/?u=https://lookaside.fbsbx.com/",
     "media host not allowed: evil.example"},
    {NULL, "http://127.0.0.1:9/m", "media host not allowed: 127.0.0.1"},
    /* Tests list their fake; plain http only to a loopback address. */
    {"lookaside.fbsbx.com, 127.0.0.1", "http://127.0.0.1:9/m", NULL},
    {"lookaside.fbsbx.com, 127.0.0.1", "https://lookaside.fbsbx.com/a", NULL},
    {"127.0.0.1", "http://localhost:9/m",
     "media host not allowed: localhost"},
    {"::1", "http://[::1]:9/m", NULL},
    {"10.0.0.5", "http://10.0.0.5/m", "media URL not https: 10.0.0.5"},
    {"10.0.0.5", "https://10.0.0.5/m", NULL},
  };
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  struct provider_request r;
  char answer[256];
  size_t i;
  int rc;

  image_message(&set);
  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    char hosts[64];
    snprintf(hosts, sizeof(hosts), "%s",
             cases[i].hosts ? cases[i].hosts : ch_media_hosts);
    ch.media_hosts = hosts;
    snprintf(answer, sizeof(answer), "{\"url\":\"%s\"}", cases[i].url);
    memset(&r, 0, sizeof(r));
    rc = WA->media_request(&ch, &set.msgs[0], 1, answer, strlen(answer), &r);
    if (cases[i].refused == NULL) {
      ck_assert_msg(rc == 0, "%s refused: %s", cases[i].url,
                    r.refused ? r.refused : err_name(rc));
      ck_assert_str_eq(r.url, cases[i].url);
      ck_assert_str_eq(r.headers[0], "Authorization: Bearer "
                       "test-access-token");
    } else {
      ck_assert_msg(rc == AERR_DENIED, "%s: %s", cases[i].url, err_name(rc));
      ck_assert_ptr_nonnull(r.refused);
      ck_assert_str_eq(r.refused, cases[i].refused);
      ck_assert_ptr_null(r.url);
      ck_assert_ptr_null(r.headers[0]);
    }
    provider_request_free(&r);
  }
  /* No list at all: nowhere. */
  ch.media_hosts = NULL;
  snprintf(answer, sizeof(answer), "{\"url\":\"%s\"}", cases[0].url);
  memset(&r, 0, sizeof(r));
  ck_assert_int_eq(WA->media_request(&ch, &set.msgs[0], 1, answer,
                                     strlen(answer), &r), AERR_DENIED);
  provider_request_free(&r);
  inbound_set_free(&set);
}
END_TEST

/* Free text for 24 hours after the reporter's last message, then the
 * template; without a template, free text whatever the time. */
START_TEST(facts_window)
{
  struct config_channel ch = channel();
  char tmpl[] = "aduan_status_update";
  const int64_t last = 1798761600000LL;   /* 2027-01-01 00:00 UTC */

  ch.template_name = tmpl;
  ck_assert(provider_free_form_until(&ch, last) ==
            last + 24LL * 3600 * 1000);
  ck_assert(provider_free_form_until(&ch, INT64_MAX - 5) == INT64_MAX);
  ch.template_name = NULL;
  ck_assert(provider_free_form_until(&ch, last) == INT64_MAX);
}
END_TEST

/* WhatsApp sends no SMS; its GET is the handshake, not a message; no
 * console. */
START_TEST(facts_family_and_methods)
{
  struct config_channel ch = channel();
  struct config cfg;

  ck_assert_str_eq(provider_send_family(&ch), "whatsapp");
  ck_assert_int_eq(provider_segments(&ch, "halo"), 0);
  ck_assert_int_eq(provider_takes_method(WA, HTTP_POST), 1);
  ck_assert_int_eq(provider_takes_method(WA, HTTP_GET), 0);
  memset(&cfg, 0, sizeof(cfg));
  cfg.channels = &ch;
  cfg.nchannels = 1;
  ck_assert_ptr_null(provider_console(&cfg));
}
END_TEST

/* The evidence row keeps the media id alone: fetching from it gives the
 * look-up, then the download, as from the message. */
START_TEST(facts_media_from_stored_id)
{
  struct config_channel ch = channel();
  struct provider_request r;
  size_t len;
  char *answer = fixture("whatsapp-media-url-response.json", &len);
  char id[] = "5820394716253849", mime[] = "image/jpeg";

  memset(&r, 0, sizeof(r));
  ck_assert_int_eq(provider_media_request(&ch, id, mime, 0, NULL, 0, &r), 0);
  ck_assert_str_eq(r.url, API_BASE "/5820394716253849");
  ck_assert_str_eq(r.headers[0], "Authorization: Bearer test-access-token");
  provider_request_free(&r);
  ck_assert_int_eq(provider_media_request(&ch, id, mime, 1, answer, len, &r),
                   0);
  ck_assert_str_eq(r.url, "https://lookaside.fbsbx.com/whatsapp_business/"
                   "attachments/?mid=5820394716253849&ext=1778547995&"
                   "hash=ATq4Lk8vR2nX0bW6cJ3d");
  provider_request_free(&r);
  ck_assert_int_eq(provider_media_request(&ch, id, mime, 2, NULL, 0, &r), 1);
  free(answer);
}
END_TEST

/* ---- WhatsApp usernames (business-scoped user ids) -------------------- */

/* What a username-era fixture must parse into. */
struct bsuid_case {
  const char *file;
  int n;                      /* messages taken */
  const char *phone;          /* of the first: "" when none */
  const char *bsuid;
  int skipped;
  const char *skip_why;
};

static const struct bsuid_case bsuid_cases[] = {
  {"whatsapp-bsuid-only.json", 1, "", "ID.4471920083316652", 0, NULL},
  {"whatsapp-bsuid-and-phone.json", 1, "+6285239107788",
   "ID.8830126645190734", 0, NULL},
  {"whatsapp-group.json", 0, NULL, NULL, 1, "group message"},
  {"whatsapp-reaction.json", 0, NULL, NULL, 1, "reaction"},
  {"whatsapp-no-sender.json", 0, NULL, NULL, 1, "message without a sender"},
};

/* A reporter known only by a BSUID is taken; the parent BSUID never is;
 * group messages, reactions and sender-less messages are acknowledged
 * and counted, never refused. */
START_TEST(parse_bsuid_fixtures)
{
  const struct bsuid_case *c = &bsuid_cases[_i];
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  const char *why = NULL;
  size_t len;
  char *body = fixture(c->file, &len);

  ck_assert_msg(parse_body(&ch, body, len, &set, &why) == 0, "%s: %s",
                c->file, why);
  ck_assert_int_eq(set.n, c->n);
  ck_assert_int_eq(set.skipped, c->skipped);
  assert_opt_str(set.skip_why, c->skip_why, "skip_why");
  if (c->n > 0) {
    ck_assert_str_eq(set.msgs[0].phone, c->phone);
    ck_assert_str_eq(set.msgs[0].bsuid, c->bsuid);
    ck_assert_int_eq(set.msgs[0].kind, MSG_TEXT);
  }
  inbound_set_free(&set);
  free(body);
}
END_TEST

/* user_changed_number names the old and the new number and BSUID. */
START_TEST(parse_changed_number)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  const char *why = NULL;
  size_t len;
  char *body = fixture("whatsapp-user-changed-number.json", &len);

  ck_assert_int_eq(parse_body(&ch, body, len, &set, &why), 0);
  ck_assert_int_eq(set.n, 0);
  ck_assert_int_eq(set.skipped, 0);
  ck_assert_int_eq(set.nchanges, 1);
  ck_assert_str_eq(set.changes[0].old_phone, "+6285239107788");
  ck_assert_str_eq(set.changes[0].old_bsuid, "ID.8830126645190734");
  ck_assert_str_eq(set.changes[0].new_phone, "+6285239105566");
  ck_assert_str_eq(set.changes[0].new_bsuid, "ID.5520938817364021");
  ck_assert_ptr_nonnull(set.changes[0].provider_id);
  inbound_set_free(&set);
  free(body);
}
END_TEST

/* A status addressed by BSUID only (no recipient_id) still finds its row
 * by the message id, and names the BSUID. */
START_TEST(parse_status_by_bsuid)
{
  struct config_channel ch = channel();
  struct inbound_set set = {0};
  struct send_result r = {0};
  const char *why = NULL;
  size_t len, alen;
  char *body = fixture("whatsapp-status-bsuid.json", &len);
  char *answer = fixture("whatsapp-send-response-bsuid.json", &alen);

  ck_assert_int_eq(parse_body(&ch, body, len, &set, &why), 0);
  ck_assert_int_eq(set.nstatuses, 1);
  ck_assert_int_eq(set.skipped, 0);
  ck_assert_str_eq(delivery_name(set.statuses[0].status), "delivered");
  ck_assert_str_eq(set.statuses[0].bsuid, "ID.4471920083316652");
  WA->classify(&ch, 200, NULL, answer, alen, &r);
  ck_assert_int_eq(r.outcome, SEND_OK);
  ck_assert_str_eq(set.statuses[0].provider_id, r.provider_id);
  ck_assert_str_eq(r.bsuid, "ID.4471920083316652");
  send_result_free(&r);
  inbound_set_free(&set);
  free(body);
  free(answer);
}
END_TEST

/* The BSUID's form is checked where the sender is read: a malformed
 * from_user_id is no sender, beside a good number it is dropped; the
 * contact's user_id serves when the message has none. */
START_TEST(parse_bsuid_forms)
{
  static const struct {
    const char *fields;      /* sender fields of one text message */
    const char *contacts;    /* "" or a contacts member */
    int n;
    const char *phone, *bsuid;
  } t[] = {
    {"\"from_user_id\":\"ID.4471920083316652\"", "", 1, "",
     "ID.4471920083316652"},
    {"\"from_user_id\":\"ID.\"", "", 0, NULL, NULL},
    {"\"from_user_id\":\"ID4471920083316652\"", "", 0, NULL, NULL},
    {"\"from_user_id\":\"ID.4471-9200\"", "", 0, NULL, NULL},
    {"\"from_user_id\":\"US.ENT.11815799212886844830\"", "", 0, NULL, NULL},
    {"\"from_user_id\":42", "", 0, NULL, NULL},
    {"\"from\":\"6281234567890\",\"from_user_id\":\"ID.x-y\"", "", 1,
     "+6281234567890", ""},
    {"\"from\":\"abc\",\"from_user_id\":\"ID.4471920083316652\"", "", 1, "",
     "ID.4471920083316652"},
    {"\"from\":\"6281234567890\"",
     "\"contacts\":[{\"wa_id\":\"6281234567890\",\"user_id\":\"ID.77\","
     "\"parent_user_id\":\"ID.ENT.1\"}],", 1, "+6281234567890", "ID.77"},
    {"\"from\":\"6281234567890\"",
     "\"contacts\":[{\"wa_id\":\"6289999999999\",\"user_id\":\"ID.77\"},"
     "{\"wa_id\":\"6288888888888\",\"user_id\":\"ID.78\"}],", 1,
     "+6281234567890", ""},
    {"", "\"contacts\":[{\"user_id\":\"ID.99\"}],", 1, "", "ID.99"},
    {"", "\"contacts\":[{\"parent_user_id\":\"ID.ENT.99\"}],", 0, NULL,
     NULL},
  };
  size_t i;

  for (i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
    struct inbound_set set = {0};
    const char *why = NULL;
    struct buf b = BUF_INIT;

    ck_assert_int_eq(buf_printf(&b, ENV_HEAD "%s\"messages\":[{%s%s"
                                "\"id\":\"wamid.B%zu\",\"type\":\"text\","
                                "\"text\":{\"body\":\"halo\"}}]" ENV_TAIL,
                                t[i].contacts, t[i].fields,
                                t[i].fields[0] != '\0' ? "," : "", i), 0);
    ck_assert_msg(parse_str(b.data, &set, &why) == 0, "%zu: %s", i, why);
    ck_assert_msg(set.n == t[i].n, "case %zu: n %d", i, set.n);
    if (t[i].n == 0) {
      ck_assert_int_eq(set.skipped, 1);
      ck_assert_str_eq(set.skip_why, "message without a sender");
    } else {
      ck_assert_str_eq(set.msgs[0].phone, t[i].phone);
      ck_assert_msg(strcmp(set.msgs[0].bsuid, t[i].bsuid) == 0,
                    "case %zu: bsuid '%s'", i, set.msgs[0].bsuid);
    }
    inbound_set_free(&set);
    buf_free(&b);
  }
}
END_TEST

/* One unusable message never costs the others of the same body. */
START_TEST(parse_bsuid_batch)
{
  struct inbound_set set = {0};
  const char *why = NULL;
  const char *body = ENV("\"messages\":["
    "{\"id\":\"wamid.N1\",\"type\":\"text\",\"text\":{\"body\":\"a\"}},"
    "{\"from\":\"6281234567890\",\"id\":\"wamid.N2\",\"group_id\":\"1203\","
    "\"type\":\"text\",\"text\":{\"body\":\"b\"}},"
    "{\"from_user_id\":\"ID.4471920083316652\",\"id\":\"wamid.N3\","
    "\"type\":\"reaction\",\"reaction\":{\"emoji\":\"x\"}},"
    "{\"from_user_id\":\"ID.4471920083316652\",\"id\":\"wamid.N4\","
    "\"type\":\"text\",\"text\":{\"body\":\"c\"}},"
    "{\"from_user_id\":\"ID.4471920083316652\",\"id\":\"wamid.N5\","
    "\"type\":\"future_kind\",\"future_kind\":{}}]");

  ck_assert_int_eq(parse_str(body, &set, &why), 0);
  ck_assert_int_eq(set.n, 2);
  ck_assert_str_eq(set.msgs[0].provider_id, "wamid.N4");
  ck_assert_str_eq(set.msgs[0].text, "c");
  /* An unknown type from a known sender gets the polite reply (SPEC 2). */
  ck_assert_str_eq(set.msgs[1].provider_id, "wamid.N5");
  ck_assert_int_eq(set.msgs[1].kind, MSG_UNSUPPORTED);
  ck_assert_int_eq(set.skipped, 3);
  ck_assert_str_eq(set.skip_why, "message without a sender");
  inbound_set_free(&set);
}
END_TEST

/* A reporter without a number is written to in "recipient"; a number,
 * when there is one, keeps "to". */
START_TEST(send_bsuid_fixture)
{
  struct config_channel ch = channel();
  struct json_object *want = fixture_json("whatsapp-send-text-bsuid.json");
  struct outbound_msg msg = {0};
  struct provider_request r = {0};
  struct json_object *got;

  msg.recipient = "ID.4471920083316652";
  msg.kind = OUT_TEXT;
  msg.text = jpath(want, "text.body");
  got = build(&ch, &msg);
  assert_json_eq(got, want);
  json_object_put(got);

  msg.to = "+6281339401122";
  got = build(&ch, &msg);
  ck_assert_str_eq(jpath(got, "to"), "6281339401122");
  ck_assert_ptr_null(jpath(got, "recipient"));
  json_object_put(got);

  /* A template to a BSUID goes the same way. */
  {
    const char *params[] = {"NTT-2026-00042"};
    msg.to = NULL;
    msg.kind = OUT_TEMPLATE;
    msg.template_name = "status_laporan";
    msg.template_lang = "id";
    msg.template_params = params;
    msg.ntemplate_params = 1;
    got = build(&ch, &msg);
    ck_assert_str_eq(jpath(got, "recipient"), "ID.4471920083316652");
    ck_assert_ptr_null(jpath(got, "to"));
    json_object_put(got);
    msg.kind = OUT_TEXT;
  }

  msg.to = NULL;
  msg.recipient = "US.ENT.11815799212886844830";
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  provider_request_free(&r);
  msg.recipient = NULL;
  ck_assert_int_eq(WA->build_send(NULL, &ch, &msg, &r), AERR_PARSE);
  provider_request_free(&r);
  json_object_put(want);
}
END_TEST

/* The send answer's contacts[0].user_id is kept; an answer without one
 * (the older form) gives none. */
START_TEST(classify_bsuid)
{
  struct config_channel ch = channel();
  struct send_result r = {0};
  size_t len;
  char *answer = fixture("whatsapp-send-response.json", &len);

  WA->classify(&ch, 200, NULL, answer, len, &r);
  ck_assert_int_eq(r.outcome, SEND_OK);
  ck_assert_ptr_null(r.bsuid);
  send_result_free(&r);
  free(answer);
  answer = fixture("whatsapp-send-response-bsuid.json", &len);
  WA->classify(&ch, 200, NULL, answer, len, &r);
  ck_assert_int_eq(r.outcome, SEND_OK);
  ck_assert_str_eq(r.bsuid, "ID.4471920083316652");
  send_result_free(&r);
  free(answer);
}
END_TEST

static Suite *
provider_whatsapp_suite(void)
{
  Suite *s = suite_create("provider_whatsapp");
  TCase *tc;

  tc = tcase_create("verify");
  tcase_add_test(tc, registered);
  tcase_add_loop_test(tc, verify_every_fixture, 0, NINBOUND);
  tcase_add_test(tc, verify_changed_byte);
  tcase_add_test(tc, verify_missing_header);
  tcase_add_test(tc, verify_other_secret);
  tcase_add_test(tc, verify_prepared_channel);
  tcase_add_test(tc, verify_legacy_sha1);
  tcase_add_test(tc, verify_malformed);
  tcase_add_test(tc, verify_every_digit);
  tcase_add_test(tc, verify_uppercase_hex);
  tcase_add_test(tc, verify_no_secret);
  suite_add_tcase(s, tc);

  tc = tcase_create("handshake");
  tcase_add_test(tc, handshake_fixture);
  tcase_add_loop_test(tc, handshake_table, 0,
                      (int)(sizeof(hs_cases) / sizeof(hs_cases[0])));
  tcase_add_test(tc, handshake_long_challenge);
  tcase_add_test(tc, handshake_no_token);
  suite_add_tcase(s, tc);

  tc = tcase_create("parse");
  tcase_add_loop_test(tc, parse_message_fixtures, 0,
                      (int)(sizeof(in_cases) / sizeof(in_cases[0])));
  tcase_add_loop_test(tc, parse_status_fixtures, 0,
                      (int)(sizeof(st_cases) / sizeof(st_cases[0])));
  tcase_add_test(tc, status_matches_send_answer);
  tcase_add_loop_test(tc, parse_bsuid_fixtures, 0,
                      sizeof(bsuid_cases) / sizeof(bsuid_cases[0]));
  tcase_add_test(tc, parse_changed_number);
  tcase_add_test(tc, parse_status_by_bsuid);
  tcase_add_test(tc, parse_bsuid_forms);
  tcase_add_test(tc, parse_bsuid_batch);
  tcase_add_test(tc, send_bsuid_fixture);
  tcase_add_test(tc, classify_bsuid);
  tcase_add_test(tc, parse_content_type);
  tcase_add_test(tc, parse_other_number);
  tcase_add_test(tc, parse_batch);
  tcase_add_test(tc, parse_nothing);
  tcase_add_loop_test(tc, parse_kinds, 0,
                      (int)(sizeof(kind_cases) / sizeof(kind_cases[0])));
  tcase_add_test(tc, parse_bad_items);
  tcase_add_test(tc, parse_nul_in_keys);
  tcase_add_test(tc, parse_bad_statuses);
  tcase_add_test(tc, parse_status_errors);
  suite_add_tcase(s, tc);

  tc = tcase_create("hostile");
  tcase_add_loop_test(tc, parse_refused, 0,
                      (int)(sizeof(refused) / sizeof(refused[0])));
  tcase_add_test(tc, parse_empty_body);
  tcase_add_loop_test(tc, parse_truncated, 0, NINBOUND);
  tcase_add_loop_test(tc, parse_after_refused, 0, NINBOUND);
  tcase_add_loop_test(tc, parse_mutated, 0, NINBOUND);
  tcase_add_test(tc, parse_huge);
  suite_add_tcase(s, tc);

  tc = tcase_create("send");
  tcase_add_test(tc, send_text_fixture);
  tcase_add_test(tc, send_text_any_bytes);
  tcase_add_test(tc, send_buttons_fixture);
  tcase_add_test(tc, send_template_fixture);
  tcase_add_test(tc, send_list_fixture);
  tcase_add_test(tc, send_titles_cut);
  tcase_add_test(tc, send_unsupported);
  tcase_add_test(tc, send_escaping);
  tcase_add_test(tc, send_template_params);
  tcase_add_test(tc, send_refused);
  tcase_add_test(tc, send_base_slash);
  tcase_add_loop_test(tc, classify_table, 0,
                      (int)(sizeof(cl_cases) / sizeof(cl_cases[0])));
  tcase_add_test(tc, classify_long_reason);
  suite_add_tcase(s, tc);

  tc = tcase_create("media");
  tcase_add_test(tc, media_steps);
  tcase_add_test(tc, media_refused);
  tcase_add_test(tc, media_token_only_to_media_hosts);
  tcase_add_test(tc, facts_media_from_stored_id);
  suite_add_tcase(s, tc);

  tc = tcase_create("facts");
  tcase_add_test(tc, facts_window);
  tcase_add_test(tc, facts_family_and_methods);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(provider_whatsapp_suite)
