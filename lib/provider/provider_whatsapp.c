/*
 * provider_whatsapp.c: the `whatsapp_cloud` channel, Meta's WhatsApp
 * Business Cloud API (Graph API).
 *
 *   GET  /webhook/NAME?hub.mode=subscribe&hub.verify_token=T&hub.challenge=C
 *        the verification handshake: 200 with C when T is ours
 *   POST /webhook/NAME  Content-Type: application/json
 *        X-Hub-Signature-256: sha256=<hex HMAC-SHA256(app secret, body)>
 *        {"object":"whatsapp_business_account","entry":[{"changes":[{
 *          "field":"messages","value":{"metadata":{"phone_number_id":..},
 *          "messages":[..],"statuses":[..]}}]}]}
 *
 * Sending: POST {api_base}/{phone_number_id}/messages with the access
 * token as a bearer; media: GET {api_base}/{media_id}, then GET the URL
 * that answer names, with the same bearer, but only when that URL is
 * https on one of the channel's media_hosts: the answer could name any
 * host, and the token must not go anywhere but Meta.
 *
 * Policy for what a webhook carries (Meta retries a refused webhook for
 * days and holds back later events meanwhile, so one odd item must not
 * block the rest):
 *  - Messages and statuses addressed to another of the app's numbers
 *    (metadata.phone_number_id differs from the channel's, or is absent)
 *    are not taken, so that one app serving two numbers never mixes their
 *    reporters; they are counted in inbound_set.skipped.
 *  - A sender is a number ("from"), a business-scoped user id (BSUID,
 *    "from_user_id" or the contact's "user_id": WhatsApp usernames), or
 *    both; the parent BSUID ("parent_user_id") spans businesses and is
 *    never taken.  Replies to a reporter without a number go in the send
 *    body's "recipient" instead of "to".  A system message
 *    user_changed_number becomes an id_change (old and new identifiers).
 *  - Group messages ("group_id") and reactions are not conversations with
 *    the hotline: skipped and counted, like the items below.
 *  - An item that cannot be read at all (no usable id or sender, wrong
 *    types) is skipped and counted; status values we do not know are
 *    skipped and counted too, even when nothing else in the body is
 *    usable: the body is still acknowledged (SPEC 2), and the webhook
 *    layer logs event=webhook.ignored.
 *  - A body that is not Meta's envelope (not JSON, entry/changes/value/
 *    messages/statuses of the wrong JSON type) is refused as a whole
 *    (AERR_PARSE, so 400) when nothing else in it is usable.
 *  - A message with a good id and sender whose type-specific part is
 *    missing or malformed (a text without a body, a location out of
 *    range) is kept as MSG_UNSUPPORTED: its id is recorded and the
 *    reporter gets the polite "not understood" reply.
 *  - Every string taken in is valid UTF-8 afterwards: bytes that are not
 *    (and NUL characters) become U+FFFD.  Escaped surrogate pairs are
 *    joined by json-c into one code point.
 */
#include <json-c/json.h>
#include <inttypes.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/err.h"
#include "base/form.h"
#include <http_parser.h>
#include "provider/provider.h"
#include "base/units.h"
#include "base/utf8.h"

#define WA_SIG_HEADER "X-Hub-Signature-256"
#define WA_SIG_PREFIX "sha256="
#define WA_OBJECT "whatsapp_business_account"
#define WA_ID_MAX 256           /* wamid and other ids, bytes */
#define WA_DIGITS_MAX 15        /* E.164 */
#define WA_CHALLENGE_MAX 512    /* handshake challenge, bytes */
#define WA_ERRTEXT_MAX 200      /* provider reasons kept, characters */
#define WA_URL_MAX 4096         /* media download URL, bytes */
#define WA_RETRY_AFTER_MAX 86400 /* seconds */

/* Meta's limits on interactive messages, in characters (README of the
 * fixtures, 1.6; body limits from Meta's message reference). */
#define WA_ROWS_MAX 10
#define WA_BUTTONS_MAX 3
#define WA_ROW_TITLE_MAX 24
#define WA_BUTTON_TITLE_MAX 20
#define WA_LIST_LABEL_MAX 20
#define WA_ROW_ID_MAX 200
#define WA_BUTTON_ID_MAX 256
#define WA_INTERACTIVE_BODY_MAX 1024

/* ---- Small helpers ---------------------------------------------------- */

/*
 * The length in bytes of the first maxchars characters of s[0..len) (all
 * of it when maxchars is 0 or s is shorter): a well-formed sequence is
 * one character, and so is each byte that does not start one.  The cut
 * thus falls between two characters, never inside one.
 */
static size_t
wa_cut(const char *s, size_t len, size_t maxchars)
{
  size_t i = 0, nchars = 0;
  uint32_t cp;

  if (maxchars == 0)
    return len;
  while (i < len && nchars < maxchars) {
    int n = (unsigned char)s[i] < 0x80 ? 1 : utf8_decode(s + i, len - i, &cp);
    i += n > 0 ? (size_t)n : 1;
    nchars++;
  }
  return i;
}

/*
 * A copy of s[0..len) that is valid UTF-8: every byte that does not start
 * a well-formed sequence, and every NUL, becomes U+FFFD (utf8_sanitize).
 * With maxchars above 0, at most that many characters are kept (see
 * wa_cut).  Returns a new string or NULL when out of memory.
 */
static char *
wa_clean(const char *s, size_t len, size_t maxchars)
{
  return utf8_sanitize(s, wa_cut(s, len, maxchars));
}

/* The number of characters (code points, bad bytes counting one each) in
 * the NUL-terminated s. */
static size_t
wa_chars(const char *s)
{
  size_t len = strlen(s), i = 0, n = 0;
  uint32_t cp;

  while (i < len) {
    int k = utf8_decode(s + i, len - i, &cp);
    i += k > 0 ? (size_t)k : 1;
    n++;
  }
  return n;
}

/* 1 when s[0..len) is 1 to max printable ASCII characters (no space):
 * the form of every id Meta gives (wamid.<base64>, digits). */
static int
wa_id_ok(const char *s, size_t len, size_t max)
{
  size_t i;

  if (s == NULL || len == 0 || len > max)
    return 0;
  for (i = 0; i < len; i++)
    if ((unsigned char)s[i] <= 0x20 || (unsigned char)s[i] >= 0x7f)
      return 0;
  return 1;
}

/* 1 when s is 1 to max letters, digits, '_' or '-': safe as one segment
 * of a URL path (phone number ids, media ids). */
static int
wa_segment_ok(const char *s, size_t max)
{
  size_t i;

  if (s == NULL || s[0] == '\0')
    return 0;
  for (i = 0; s[i] != '\0'; i++) {
    char c = s[i];
    if (i >= max)
      return 0;
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
          (c >= 'A' && c <= 'Z') || c == '_' || c == '-'))
      return 0;
  }
  return 1;
}

/* 1 when s holds no control characters (so it can go in a header line). */
static int
wa_header_safe(const char *s)
{
  for (; *s != '\0'; s++)
    if ((unsigned char)*s < 0x20 || (unsigned char)*s == 0x7f)
      return 0;
  return 1;
}

/* The member key of o when o is an object and the member has type t;
 * else NULL. */
static struct json_object *
wa_get(struct json_object *o, const char *key, enum json_type t)
{
  struct json_object *v;

  if (o == NULL || !json_object_is_type(o, json_type_object) ||
      !json_object_object_get_ex(o, key, &v) || !json_object_is_type(v, t))
    return NULL;
  return v;
}

/* The string member key of o with its length, or NULL.  Without len the
 * caller reads it as a C string, so a string with a "\u0000" inside
 * (whose C length is not its length) is NULL too: "read\u0000x" must not
 * pass for "read". */
static const char *
wa_str(struct json_object *o, const char *key, size_t *len)
{
  struct json_object *v = wa_get(o, key, json_type_string);
  size_t n;

  if (v == NULL)
    return NULL;
  n = (size_t)json_object_get_string_len(v);
  if (len != NULL)
    *len = n;
  else if (strlen(json_object_get_string(v)) != n)
    return NULL;
  return json_object_get_string(v);
}

/* A cleaned copy of the string member key of o (see wa_clean); NULL when
 * it is absent, not a string, or memory runs out (*oom then set). */
static char *
wa_str_dup(struct json_object *o, const char *key, size_t maxchars, int *oom)
{
  size_t len;
  const char *s = wa_str(o, key, &len);
  char *c;

  if (s == NULL)
    return NULL;
  c = wa_clean(s, len, maxchars);
  if (c == NULL)
    *oom = 1;
  return c;
}

/* 1 when the Content-Type names JSON (parameters such as charset allowed). */
static int
wa_is_json(const char *ctype)
{
  size_t n = strlen("application/json");

  if (ctype == NULL)
    return 0;
  while (*ctype == ' ')
    ctype++;
  return strncasecmp(ctype, "application/json", n) == 0 &&
         (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ');
}

static int
wa_hexval(char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

/* ---- Signature -------------------------------------------------------- */

/*
 * The webhook is Meta's when X-Hub-Signature-256 is "sha256=" and the 64
 * hex digits of HMAC-SHA256(app_secret, raw body).  The digits are decoded
 * and the bytes compared in constant time.  No header, another form
 * (including the legacy "X-Hub-Signature: sha1=" alone), or a channel
 * without an app secret: AERR_AUTH.  Only POSTs are verified; the GET
 * handshake checks its own token.
 */
static int
wa_verify(const struct config *cfg, const struct config_channel *ch,
          const struct httpd_request *req)
{
  unsigned char want[CRYPTO_SHA256_LEN], got[CRYPTO_SHA256_LEN];
  const char *h, *hex, *body;
  size_t plen = strlen(WA_SIG_PREFIX), hlen, i;

  (void)cfg;
  if (ch->app_secret == NULL || ch->app_secret[0] == '\0')
    return AERR_AUTH;
  h = httpd_header(req, WA_SIG_HEADER);
  if (h == NULL)
    return AERR_AUTH;
  while (*h == ' ' || *h == '\t')
    h++;
  hlen = strlen(h);
  while (hlen > 0 && (h[hlen - 1] == ' ' || h[hlen - 1] == '\t'))
    hlen--;
  if (hlen != plen + 2 * CRYPTO_SHA256_LEN ||
      strncmp(h, WA_SIG_PREFIX, plen) != 0)
    return AERR_AUTH;
  hex = h + plen;
  for (i = 0; i < CRYPTO_SHA256_LEN; i++) {
    int hi = wa_hexval(hex[2 * i]), lo = wa_hexval(hex[2 * i + 1]);
    if (hi < 0 || lo < 0)
      return AERR_AUTH;
    got[i] = (unsigned char)(hi << 4 | lo);
  }
  /* The secret keyed once (wa_prepare) when it could be, else now. */
  body = req->body.data != NULL ? req->body.data : "";
  if ((ch->sig_mac != NULL
           ? crypto_mac_sha256(ch->sig_mac, body, req->body.len, want)
           : crypto_hmac_sha256(ch->app_secret, strlen(ch->app_secret), body,
                                req->body.len, want)) != 0)
    return AERR_AUTH;
  return crypto_equal(got, sizeof(got), want, sizeof(want)) ? 0 : AERR_AUTH;
}

/* Key ch's app secret once for every webhook's signature (wa_verify);
 * when that fails, wa_verify keys it per request. */
static void
wa_prepare(struct config_channel *ch)
{
  if (ch->app_secret != NULL && ch->app_secret[0] != '\0')
    ch->sig_mac = crypto_mac_new(ch->app_secret, strlen(ch->app_secret));
}

/* ---- Verification handshake ------------------------------------------ */

/* The first value named name in f with its decoded length, or NULL. */
static const char *
wa_form_value(const struct form *f, const char *name, size_t *len)
{
  int i;

  for (i = 0; i < f->n; i++)
    if (strcmp(f->v[i].name, name) == 0) {
      *len = f->v[i].value_len;
      return f->v[i].value;
    }
  return NULL;
}

/* Set *body to a copy of text and return status (503 when the copy
 * cannot be made: then *body stays NULL). */
static int
wa_answer(char **body, int status, const char *text, size_t len)
{
  *body = malloc(len + 1);
  if (*body == NULL)
    return 503;
  memcpy(*body, text, len);
  (*body)[len] = '\0';
  return status;
}

#define WA_ANSWER(body, status, lit) \
  wa_answer((body), (status), (lit), sizeof(lit) - 1)

/*
 * Meta's GET handshake.  hub.mode must be "subscribe" and hub.verify_token
 * equal (in constant time) the channel's verify_token; then the answer is
 * 200 with hub.challenge as the whole body, byte for byte.  Otherwise 403
 * with a short JSON error that never echoes the challenge; 400 for a query
 * that cannot be decoded or, once the token is right, a challenge that is
 * empty, over 512 bytes or holds control characters; 405 for a method
 * other than GET.  *body is always allocated, except on 503 (no memory).
 */
static int
wa_handshake(const struct config_channel *ch, const struct httpd_request *req,
             char **body)
{
  const char *query = req->query != NULL ? req->query : "";
  const char *mode, *token, *challenge;
  size_t mlen = 0, tlen = 0, clen = 0, i;
  struct form q;
  int rc, ok;

  *body = NULL;
  if (req->method != HTTP_GET)
    return WA_ANSWER(body, 405, "{\"error\":\"method not allowed\"}");
  rc = form_parse(&q, query, strlen(query));
  if (rc == -ENOMEM)
    return 503;
  if (rc != 0)
    return WA_ANSWER(body, 400, "{\"error\":\"malformed query\"}");
  mode = wa_form_value(&q, "hub.mode", &mlen);
  token = wa_form_value(&q, "hub.verify_token", &tlen);
  challenge = wa_form_value(&q, "hub.challenge", &clen);
  ok = mode != NULL && mlen == strlen("subscribe") &&
       strcmp(mode, "subscribe") == 0 && token != NULL &&
       ch->verify_token != NULL && ch->verify_token[0] != '\0' &&
       crypto_equal(token, tlen, ch->verify_token, strlen(ch->verify_token));
  if (!ok) {
    form_free(&q);
    return WA_ANSWER(body, 403, "{\"error\":\"verification failed\"}");
  }
  ok = challenge != NULL && clen > 0 && clen <= WA_CHALLENGE_MAX;
  for (i = 0; ok && i < clen; i++)
    if ((unsigned char)challenge[i] < 0x20 ||
        (unsigned char)challenge[i] == 0x7f)
      ok = 0;
  if (!ok) {
    form_free(&q);
    return WA_ANSWER(body, 400, "{\"error\":\"bad hub.challenge\"}");
  }
  rc = wa_answer(body, 200, challenge, clen);
  form_free(&q);
  return rc;
}

/* ---- Inbound webhook -------------------------------------------------- */

/* State of one parse. */
struct wa_parse {
  const struct config_channel *ch;
  struct inbound_set *out;
  int broken;             /* parts not shaped as Meta sends them */
  const char *why;        /* the reason for the first of those */
  int oom;
};

/* A message or status that cannot be taken (no usable id or sender): it
 * is content, acknowledged and counted (SPEC 2). */
static void
wa_bad(struct wa_parse *p, const char *why)
{
  inbound_skip(p->out, why);
}

/* A part of the envelope that is not shaped as Meta sends it: skipped
 * beside usable items, but a body with nothing else is refused. */
static void
wa_broken(struct wa_parse *p, const char *why)
{
  if (p->broken++ == 0)
    p->why = why;
  inbound_skip(p->out, why);
}

/* Fill m with a media message of type t ("image", ...) from M.<t>; the
 * message stays MSG_UNSUPPORTED when M.<t>.id is unusable. */
static void
wa_media(struct wa_parse *p, struct json_object *msg, const char *t,
         struct inbound_msg *m)
{
  struct json_object *o = wa_get(msg, t, json_type_object);
  const char *id;
  size_t len;

  id = wa_str(o, "id", &len);
  if (!wa_id_ok(id, len, WA_ID_MAX))
    return;
  m->media_id = wa_clean(id, len, 0);
  if (m->media_id == NULL) {
    p->oom = 1;
    return;
  }
  m->kind = MSG_MEDIA;
  m->media_mime = wa_str_dup(o, "mime_type", 255, &p->oom);
  m->text = wa_str_dup(o, "caption", 0, &p->oom);
}

/* Fill m from M.location when its coordinates are numbers in range. */
static void
wa_location(struct json_object *msg, struct inbound_msg *m)
{
  struct json_object *o = wa_get(msg, "location", json_type_object);
  struct json_object *la, *lo;
  double lat, lng;

  la = wa_get(o, "latitude", json_type_double);
  if (la == NULL)
    la = wa_get(o, "latitude", json_type_int);
  lo = wa_get(o, "longitude", json_type_double);
  if (lo == NULL)
    lo = wa_get(o, "longitude", json_type_int);
  if (la == NULL || lo == NULL)
    return;
  lat = json_object_get_double(la);
  lng = json_object_get_double(lo);
  if (!isfinite(lat) || !isfinite(lng) || !(lat >= -90 && lat <= 90) ||
      !(lng >= -180 && lng <= 180))
    return;
  m->kind = MSG_LOCATION;
  m->lat = lat;
  m->lng = lng;
}

/* Fill m as MSG_CHOICE with text from o.key, when that is a non-empty
 * string. */
static void
wa_choice(struct wa_parse *p, struct json_object *o, const char *key,
          struct inbound_msg *m)
{
  size_t len;
  const char *s = wa_str(o, key, &len);

  if (s == NULL || len == 0)
    return;
  m->text = wa_clean(s, len, 0);
  if (m->text == NULL) {
    p->oom = 1;
    return;
  }
  m->kind = MSG_CHOICE;
}

/* Fill phone (E.164) from the digits Meta writes for a number ("from",
 * "wa_id").  1 when s is such a number, else 0 (phone is then ""). */
static int
wa_phone(const char *s, size_t len, char phone[PHONE_MAX])
{
  char e164[1 + WA_DIGITS_MAX + 1];
  size_t i;

  phone[0] = '\0';
  if (s == NULL || len == 0 || len > WA_DIGITS_MAX)
    return 0;
  e164[0] = '+';
  for (i = 0; i < len; i++) {
    if (s[i] < '0' || s[i] > '9')
      return 0;
    e164[i + 1] = s[i];
  }
  e164[len + 1] = '\0';
  return phone_normalize(e164, phone) == 0;
}

/* Copy o.key into bsuid when it has the BSUID form (kept as given).
 * 1 when copied, else 0 (bsuid is then ""). */
static int
wa_bsuid(struct json_object *o, const char *key, char bsuid[PHONE_BSUID_MAX])
{
  size_t len = 0;
  const char *s = wa_str(o, key, &len);

  bsuid[0] = '\0';
  if (!phone_bsuid_ok(s, len))
    return 0;
  memcpy(bsuid, s, len);
  bsuid[len] = '\0';
  return 1;
}

/* The BSUID of the sender from V.contacts[] when the message itself has
 * none: the contact whose wa_id is the sender's number, else the only
 * contact.  The parent BSUID (parent_user_id) spans businesses and is
 * never taken. */
static void
wa_contact_bsuid(struct json_object *contacts, const char *from,
                 size_t fromlen, char bsuid[PHONE_BSUID_MAX])
{
  size_t i, n = contacts != NULL ? json_object_array_length(contacts) : 0;

  for (i = 0; i < n; i++) {
    struct json_object *c = json_object_array_get_idx(contacts, i);
    size_t len = 0;
    const char *wa = wa_str(c, "wa_id", &len);
    if (n == 1 || (from != NULL && wa != NULL && len == fromlen &&
                   memcmp(wa, from, len) == 0)) {
      wa_bsuid(c, "user_id", bsuid);
      return;
    }
  }
}

/* A system message: a reporter's number or BSUID changed.  The change
 * names the old identifiers (the sender, previous_user_id) and the new
 * ones (system.wa_id, system.user_id); other system messages are
 * skipped. */
static void
wa_system(struct wa_parse *p, struct json_object *msg, const char *id,
          size_t idlen, const char *old_phone, const char *old_bsuid)
{
  struct json_object *sys = wa_get(msg, "system", json_type_object);
  const char *t = wa_str(sys, "type", NULL), *wa;
  struct id_change *c;
  size_t len = 0;

  if (t == NULL || (strcmp(t, "user_changed_number") != 0 &&
                    strcmp(t, "user_changed_user_id") != 0)) {
    wa_bad(p, "system message not tracked");
    return;
  }
  c = inbound_set_add_change(p->out);
  if (c == NULL || (c->provider_id = wa_clean(id, idlen, 0)) == NULL) {
    p->oom = 1;
    return;
  }
  memcpy(c->old_phone, old_phone, sizeof(c->old_phone));
  if (!wa_bsuid(sys, "previous_user_id", c->old_bsuid))
    memcpy(c->old_bsuid, old_bsuid, sizeof(c->old_bsuid));
  wa = wa_str(sys, "wa_id", &len);
  if (wa == NULL)
    wa = wa_str(sys, "new_wa_id", &len);
  wa_phone(wa, len, c->new_phone);
  wa_bsuid(sys, "user_id", c->new_bsuid);
}

/* Read one element of V.messages[] into a new message of p->out;
 * contacts is V.contacts (or NULL).  A message is taken from a sender
 * known by a number ("from"), a BSUID ("from_user_id", or the contact's
 * "user_id"), or both. */
static void
wa_message(struct wa_parse *p, struct json_object *msg,
           struct json_object *contacts)
{
  char phone[PHONE_MAX], bsuid[PHONE_BSUID_MAX];
  struct inbound_msg *m;
  struct json_object *o;
  const char *id, *from, *type;
  size_t idlen, fromlen = 0;

  if (!json_object_is_type(msg, json_type_object)) {
    wa_broken(p, "message must be an object");
    return;
  }
  id = wa_str(msg, "id", &idlen);
  if (!wa_id_ok(id, idlen, WA_ID_MAX)) {
    wa_bad(p, "message without a valid 'id'");
    return;
  }
  if (json_object_object_get_ex(msg, "group_id", NULL)) {
    wa_bad(p, "group message");
    return;
  }
  type = wa_str(msg, "type", NULL);
  if (type != NULL && strcmp(type, "reaction") == 0) {
    wa_bad(p, "reaction");
    return;
  }
  from = wa_str(msg, "from", &fromlen);
  wa_phone(from, fromlen, phone);
  if (!wa_bsuid(msg, "from_user_id", bsuid))
    wa_contact_bsuid(contacts, from, fromlen, bsuid);
  if (phone[0] == '\0' && bsuid[0] == '\0') {
    wa_bad(p, "message without a sender");
    return;
  }
  if (type != NULL && strcmp(type, "system") == 0) {
    wa_system(p, msg, id, idlen, phone, bsuid);
    return;
  }

  m = inbound_set_add(p->out);
  if (m == NULL) {
    p->oom = 1;
    return;
  }
  m->provider_id = wa_clean(id, idlen, 0);
  if (m->provider_id == NULL) {
    p->oom = 1;
    return;
  }
  memcpy(m->phone, phone, sizeof(m->phone));
  memcpy(m->bsuid, bsuid, sizeof(m->bsuid));
  m->kind = MSG_UNSUPPORTED;

  if (type == NULL)
    return;
  if (strcmp(type, "text") == 0) {
    o = wa_get(msg, "text", json_type_object);
    m->text = wa_str_dup(o, "body", 0, &p->oom);
    if (m->text != NULL)
      m->kind = MSG_TEXT;
  } else if (strcmp(type, "image") == 0 || strcmp(type, "document") == 0 ||
             strcmp(type, "audio") == 0 || strcmp(type, "video") == 0) {
    wa_media(p, msg, type, m);
  } else if (strcmp(type, "location") == 0) {
    wa_location(msg, m);
  } else if (strcmp(type, "interactive") == 0) {
    const char *itype;
    o = wa_get(msg, "interactive", json_type_object);
    itype = wa_str(o, "type", NULL);
    if (itype != NULL && (strcmp(itype, "button_reply") == 0 ||
                          strcmp(itype, "list_reply") == 0))
      wa_choice(p, wa_get(o, itype, json_type_object), "id", m);
  } else if (strcmp(type, "button") == 0) {
    /* A template's quick-reply button: the payload is what we set; the
     * text is what the reporter saw. */
    o = wa_get(msg, "button", json_type_object);
    wa_choice(p, o, "payload", m);
    if (m->kind != MSG_CHOICE && !p->oom)
      wa_choice(p, o, "text", m);
  }
  /* sticker, contacts, unsupported and unknown types stay
   * MSG_UNSUPPORTED. */
}

/* Read one element of V.statuses[] into a new status update of p->out. */
static void
wa_status(struct wa_parse *p, struct json_object *st)
{
  static const struct {
    const char *name;
    enum delivery d;
  } map[] = {
    {"sent", DELIVERY_SENT},
    {"delivered", DELIVERY_DELIVERED},
    {"read", DELIVERY_READ},
    {"played", DELIVERY_READ},   /* a voice note was listened to */
    {"failed", DELIVERY_FAILED},
  };
  struct status_update *u;
  struct json_object *errs, *e0, *code;
  const char *id, *status;
  size_t idlen, i;

  if (!json_object_is_type(st, json_type_object)) {
    wa_broken(p, "status must be an object");
    return;
  }
  id = wa_str(st, "id", &idlen);
  if (!wa_id_ok(id, idlen, WA_ID_MAX)) {
    wa_bad(p, "status without a valid 'id'");
    return;
  }
  status = wa_str(st, "status", NULL);
  if (status == NULL) {
    wa_bad(p, "status without a valid 'status'");
    return;
  }
  for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
    if (strcmp(status, map[i].name) == 0)
      break;
  if (i == sizeof(map) / sizeof(map[0])) {
    /* A state we do not track (Meta adds some now and then). */
    inbound_skip(p->out, "status not tracked");
    return;
  }

  u = inbound_set_add_status(p->out);
  if (u == NULL) {
    p->oom = 1;
    return;
  }
  u->status = map[i].d;
  wa_bsuid(st, "recipient_user_id", u->bsuid);
  u->provider_id = wa_clean(id, idlen, 0);
  if (u->provider_id == NULL) {
    p->oom = 1;
    return;
  }
  errs = wa_get(st, "errors", json_type_array);
  e0 = errs != NULL && json_object_array_length(errs) > 0
         ? json_object_array_get_idx(errs, 0) : NULL;
  if (e0 == NULL || !json_object_is_type(e0, json_type_object))
    return;
  code = wa_get(e0, "code", json_type_int);
  if (code != NULL) {
    struct buf b = BUF_INIT;
    if (buf_printf(&b, "%" PRId64, json_object_get_int64(code)) != 0) {
      buf_free(&b);
      p->oom = 1;
      return;
    }
    u->error_code = buf_steal(&b);
  } else {
    u->error_code = wa_str_dup(e0, "code", 32, &p->oom);
  }
  u->error_text = wa_str_dup(e0, "title", WA_ERRTEXT_MAX, &p->oom);
  if (u->error_text == NULL && !p->oom)
    u->error_text = wa_str_dup(e0, "message", WA_ERRTEXT_MAX, &p->oom);
}

/* How many elements the array member key of v has (0 when none). */
static size_t
wa_count(struct json_object *v, const char *key)
{
  struct json_object *a = wa_get(v, key, json_type_array);

  return a != NULL ? json_object_array_length(a) : 0;
}

/* Read one entry[].changes[] element. */
static void
wa_change(struct wa_parse *p, struct json_object *change)
{
  struct json_object *v, *a, *md;
  const char *field, *pnid;
  size_t i, n;

  if (!json_object_is_type(change, json_type_object)) {
    wa_broken(p, "change must be an object");
    return;
  }
  field = wa_str(change, "field", NULL);
  if (field != NULL && strcmp(field, "messages") != 0)
    return;  /* another subscription (account updates, ...) */
  v = wa_get(change, "value", json_type_object);
  if (v == NULL) {
    wa_broken(p, "change without a 'value' object");
    return;
  }
  md = wa_get(v, "metadata", json_type_object);
  pnid = wa_str(md, "phone_number_id", NULL);
  if (p->ch->phone_number_id != NULL && p->ch->phone_number_id[0] != '\0' &&
      (pnid == NULL || strcmp(pnid, p->ch->phone_number_id) != 0)) {
    /* For another of the app's numbers: not ours to take. */
    n = wa_count(v, "messages") + wa_count(v, "statuses");
    inbound_skip_n(p->out, n, "for another number of the account");
    return;
  }

  if (json_object_object_get_ex(v, "messages", &a)) {
    if (!json_object_is_type(a, json_type_array)) {
      wa_broken(p, "'messages' must be an array");
    } else {
      n = json_object_array_length(a);
      for (i = 0; i < n && !p->oom; i++)
        wa_message(p, json_object_array_get_idx(a, i),
                   wa_get(v, "contacts", json_type_array));
    }
  }
  if (json_object_object_get_ex(v, "statuses", &a)) {
    if (!json_object_is_type(a, json_type_array)) {
      wa_broken(p, "'statuses' must be an array");
    } else {
      n = json_object_array_length(a);
      for (i = 0; i < n && !p->oom; i++)
        wa_status(p, json_object_array_get_idx(a, i));
    }
  }
}

/*
 * Parse Meta's webhook into out (see the policy at the top of the file).
 * Returns 0 (out may then be empty: a change that carries neither
 * messages nor statuses), AERR_PARSE with a constant reason in *why, or
 * -ENOMEM.  On error out may hold part of the body; the caller frees it.
 */
static int
wa_parse(const struct config_channel *ch, const struct httpd_request *req,
         struct inbound_set *out, const char **why)
{
  struct wa_parse p = {0};
  struct json_object *root, *entry, *changes, *e;
  const char *object;
  size_t i, j, n, nc;

  if (!wa_is_json(httpd_header(req, "Content-Type"))) {
    *why = "content type must be application/json";
    return AERR_PARSE;
  }
  if (req->body.len == 0) {
    *why = "body is empty";
    return AERR_PARSE;
  }
  root = provider_json_parse(req->body.data, req->body.len, 1, &p.oom);
  if (root == NULL) {
    *why = p.oom ? "out of memory" : "body is not valid JSON";
    return p.oom ? -ENOMEM : AERR_PARSE;
  }
  if (!json_object_is_type(root, json_type_object)) {
    json_object_put(root);
    *why = "body must be a JSON object";
    return AERR_PARSE;
  }
  object = wa_str(root, "object", NULL);
  if (object == NULL || strcmp(object, WA_OBJECT) != 0) {
    json_object_put(root);
    *why = "field 'object' must be \"" WA_OBJECT "\"";
    return AERR_PARSE;
  }
  entry = wa_get(root, "entry", json_type_array);
  if (entry == NULL) {
    json_object_put(root);
    *why = "field 'entry' (array) is required";
    return AERR_PARSE;
  }

  p.ch = ch;
  p.out = out;
  n = json_object_array_length(entry);
  for (i = 0; i < n && !p.oom; i++) {
    e = json_object_array_get_idx(entry, i);
    if (!json_object_is_type(e, json_type_object)) {
      wa_broken(&p, "entry must be an object");
      continue;
    }
    if (!json_object_object_get_ex(e, "changes", &changes))
      continue;
    if (!json_object_is_type(changes, json_type_array)) {
      wa_broken(&p, "'changes' must be an array");
      continue;
    }
    nc = json_object_array_length(changes);
    for (j = 0; j < nc && !p.oom; j++)
      wa_change(&p, json_object_array_get_idx(changes, j));
  }
  json_object_put(root);

  if (p.oom) {
    *why = "out of memory";
    return -ENOMEM;
  }
  if (p.broken > 0 && out->n == 0 && out->nstatuses == 0 &&
      out->nchanges == 0) {
    *why = p.why;
    return AERR_PARSE;
  }
  return 0;
}

/* ---- Sending ---------------------------------------------------------- */

/* Add key: a new string, copied from s made valid UTF-8 and cut to
 * maxchars characters (0: no cut).  Returns 0 or -ENOMEM. */
static int
wa_add_str(struct json_object *o, const char *key, const char *s,
           size_t maxchars)
{
  struct json_object *v;
  char *c = wa_clean(s, strlen(s), maxchars);

  if (c == NULL)
    return -ENOMEM;
  v = json_object_new_string(c);
  free(c);
  if (v == NULL)
    return -ENOMEM;
  if (json_object_object_add(o, key, v) != 0) {
    json_object_put(v);
    return -ENOMEM;
  }
  return 0;
}

/* Add key: a new object (t json_type_object) or array (json_type_array),
 * returned in *child (borrowed: o owns it).  Returns 0 or -ENOMEM. */
static int
wa_add_new(struct json_object *o, const char *key, enum json_type t,
           struct json_object **child)
{
  struct json_object *v = t == json_type_array ? json_object_new_array()
                                               : json_object_new_object();

  *child = v;
  if (v == NULL)
    return -ENOMEM;
  if (json_object_object_add(o, key, v) != 0) {
    json_object_put(v);
    *child = NULL;
    return -ENOMEM;
  }
  return 0;
}

/* Append a new object to array a, returned in *child (borrowed). */
static int
wa_push_obj(struct json_object *a, struct json_object **child)
{
  struct json_object *v = json_object_new_object();

  *child = v;
  if (v == NULL)
    return -ENOMEM;
  if (json_object_array_add(a, v) != 0) {
    json_object_put(v);
    *child = NULL;
    return -ENOMEM;
  }
  return 0;
}

/*
 * Template parameters: Meta refuses new lines, tabs and long runs of
 * spaces in them, so control characters become spaces and runs of spaces
 * become one.  Returns a new string or NULL (no memory).
 */
static char *
wa_flatten(const char *s)
{
  size_t n = strlen(s), i, o = 0;
  char *d = malloc(n + 1);

  if (d == NULL)
    return NULL;
  for (i = 0; i < n; i++) {
    char c = (unsigned char)s[i] < 0x20 ? ' ' : s[i];
    if (c == ' ' && o > 0 && d[o - 1] == ' ')
      continue;
    d[o++] = c;
  }
  d[o] = '\0';
  return d;
}

/* The options of a list or a set of buttons are usable: 1..max of them,
 * each with an id of at most idmax bytes and a title. */
static int
wa_options_ok(const struct outbound_msg *msg, int max, size_t idmax)
{
  int i;

  if (msg->options == NULL || msg->noptions < 1 || msg->noptions > max)
    return 0;
  for (i = 0; i < msg->noptions; i++) {
    const struct outbound_option *op = &msg->options[i];
    if (op->id == NULL || op->id[0] == '\0' || strlen(op->id) > idmax ||
        op->title == NULL || op->title[0] == '\0')
      return 0;
  }
  return 1;
}

/* The "interactive" object of a list or buttons message into o. */
static int
wa_interactive(const struct outbound_msg *msg, struct json_object *o)
{
  struct json_object *it, *body, *action, *arr, *sec, *row, *reply;
  struct json_object *rows = NULL;  /* set by wa_add_new; gcc -O2 cannot
                                       tell */
  int i, rc;

  rc = wa_add_new(o, "interactive", json_type_object, &it);
  if (rc == 0)
    rc = wa_add_str(it, "type", msg->kind == OUT_LIST ? "list" : "button", 0);
  if (rc == 0)
    rc = wa_add_new(it, "body", json_type_object, &body);
  if (rc == 0)
    rc = wa_add_str(body, "text", msg->text, 0);
  if (rc == 0)
    rc = wa_add_new(it, "action", json_type_object, &action);
  if (rc != 0)
    return rc;

  if (msg->kind == OUT_LIST) {
    rc = wa_add_str(action, "button", msg->button_label, WA_LIST_LABEL_MAX);
    if (rc == 0)
      rc = wa_add_new(action, "sections", json_type_array, &arr);
    if (rc == 0)
      rc = wa_push_obj(arr, &sec);
    if (rc == 0)
      rc = wa_add_new(sec, "rows", json_type_array, &rows);
    for (i = 0; rc == 0 && i < msg->noptions; i++) {
      rc = wa_push_obj(rows, &row);
      if (rc == 0)
        rc = wa_add_str(row, "id", msg->options[i].id, 0);
      if (rc == 0)
        rc = wa_add_str(row, "title", msg->options[i].title,
                        WA_ROW_TITLE_MAX);
    }
    return rc;
  }

  rc = wa_add_new(action, "buttons", json_type_array, &arr);
  for (i = 0; rc == 0 && i < msg->noptions; i++) {
    rc = wa_push_obj(arr, &row);
    if (rc == 0)
      rc = wa_add_str(row, "type", "reply", 0);
    if (rc == 0)
      rc = wa_add_new(row, "reply", json_type_object, &reply);
    if (rc == 0)
      rc = wa_add_str(reply, "id", msg->options[i].id, 0);
    if (rc == 0)
      rc = wa_add_str(reply, "title", msg->options[i].title,
                      WA_BUTTON_TITLE_MAX);
  }
  return rc;
}

/* The "template" object into o. */
static int
wa_template(const struct outbound_msg *msg, struct json_object *o)
{
  struct json_object *t, *lang, *comps, *comp, *param;
  struct json_object *params = NULL;  /* as above */
  const char *code = msg->template_lang != NULL && msg->template_lang[0]
                       ? msg->template_lang : "id";
  int i, rc;

  rc = wa_add_new(o, "template", json_type_object, &t);
  if (rc == 0)
    rc = wa_add_str(t, "name", msg->template_name, 0);
  if (rc == 0)
    rc = wa_add_new(t, "language", json_type_object, &lang);
  if (rc == 0)
    rc = wa_add_str(lang, "code", code, 0);
  if (rc != 0 || msg->ntemplate_params <= 0)
    return rc;
  rc = wa_add_new(t, "components", json_type_array, &comps);
  if (rc == 0)
    rc = wa_push_obj(comps, &comp);
  if (rc == 0)
    rc = wa_add_str(comp, "type", "body", 0);
  if (rc == 0)
    rc = wa_add_new(comp, "parameters", json_type_array, &params);
  for (i = 0; rc == 0 && i < msg->ntemplate_params; i++) {
    char *flat = wa_flatten(msg->template_params[i]);
    if (flat == NULL)
      return -ENOMEM;
    rc = wa_push_obj(params, &param);
    if (rc == 0)
      rc = wa_add_str(param, "type", "text", 0);
    if (rc == 0)
      rc = wa_add_str(param, "text", flat, 0);
    free(flat);
  }
  return rc;
}

/* Check msg before anything is built: 0, AERR_PARSE (a message that no
 * channel could send) or AERR_UNSUPPORTED (one WhatsApp cannot carry in
 * this form: the plain text form may still go). */
static int
wa_check_msg(const struct outbound_msg *msg)
{
  int i;

  switch (msg->kind) {
  case OUT_TEXT:
    return msg->text != NULL && msg->text[0] != '\0' ? 0 : AERR_PARSE;
  case OUT_LIST:
  case OUT_BUTTONS:
    if (msg->text == NULL || msg->text[0] == '\0')
      return AERR_PARSE;
    if (wa_chars(msg->text) > WA_INTERACTIVE_BODY_MAX)
      return AERR_UNSUPPORTED;
    if (msg->kind == OUT_LIST)
      return msg->button_label != NULL && msg->button_label[0] != '\0' &&
             wa_options_ok(msg, WA_ROWS_MAX, WA_ROW_ID_MAX)
               ? 0 : AERR_UNSUPPORTED;
    return wa_options_ok(msg, WA_BUTTONS_MAX, WA_BUTTON_ID_MAX)
             ? 0 : AERR_UNSUPPORTED;
  case OUT_TEMPLATE:
    if (msg->template_name == NULL || msg->template_name[0] == '\0' ||
        msg->ntemplate_params < 0 ||
        (msg->ntemplate_params > 0 && msg->template_params == NULL))
      return AERR_PARSE;
    for (i = 0; i < msg->ntemplate_params; i++)
      if (msg->template_params[i] == NULL)
        return AERR_PARSE;
    return 0;
  }
  return AERR_UNSUPPORTED;
}

/*
 * Fill out with method, url (base + "/" + tail) and the bearer header, plus
 * a JSON content type when json.  0, or -ENOMEM (out then emptied).
 */
static int
wa_request(const struct config_channel *ch, const char *method,
           const char *base, const char *tail, int json,
           struct provider_request *out)
{
  struct buf b = BUF_INIT;
  size_t blen = strlen(base);
  int rc;

  /* Every send builds these two strings: they are put together piece
   * by piece, without a printf's pass over its format (twice when the
   * text outgrows the buffer's first room). */
  out->method = method;
  if (tail == NULL) {
    rc = buf_puts(&b, base);
  } else {
    if (blen > 0 && base[blen - 1] == '/')
      blen--;
    rc = buf_append(&b, base, blen);
    if (rc == 0)
      rc = buf_append(&b, "/", 1);
    if (rc == 0)
      rc = buf_puts(&b, tail);
  }
  out->url = rc == 0 ? buf_steal(&b) : NULL;
  buf_free(&b);
  if (rc == 0 && out->url == NULL)
    rc = -ENOMEM;
  if (rc == 0)
    rc = buf_puts(&b, "Authorization: Bearer ");
  if (rc == 0)
    rc = buf_puts(&b, ch->access_token);
  if (rc == 0) {
    out->headers[0] = buf_steal(&b);
    if (out->headers[0] == NULL)
      rc = -ENOMEM;
  }
  buf_free(&b);
  if (rc == 0 && json) {
    out->headers[1] = strdup("Content-Type: application/json");
    if (out->headers[1] == NULL)
      rc = -ENOMEM;
  }
  if (rc != 0)
    provider_request_free(out);
  return rc;
}

/* 0 when ch has what a request to the Graph API needs, else AERR_CONFIG. */
static int
wa_check_channel(const struct config_channel *ch)
{
  if (ch->api_base == NULL || ch->api_base[0] == '\0' ||
      !wa_header_safe(ch->api_base) || ch->access_token == NULL ||
      ch->access_token[0] == '\0' || !wa_header_safe(ch->access_token))
    return AERR_CONFIG;
  return 0;
}

/* Append the JSON body of msg, a template, list or buttons (see
 * wa_build_send, whose checks it has passed), built with json-c, to
 * out.  0, AERR_UNSUPPORTED, AERR_PARSE or -ENOMEM. */
static int
wa_json_body(const struct outbound_msg *msg, const char *digits,
             struct buf *out)
{
  static const char *const types[] = {
    [OUT_TEXT] = "text", [OUT_TEMPLATE] = "template",
    [OUT_LIST] = "interactive", [OUT_BUTTONS] = "interactive",
  };
  struct json_object *root = json_object_new_object();
  const char *json;
  int rc;

  if (root == NULL)
    return -ENOMEM;
  rc = wa_add_str(root, "messaging_product", "whatsapp", 0);
  if (rc == 0)
    rc = wa_add_str(root, "recipient_type", "individual", 0);
  if (rc == 0)
    rc = msg->to != NULL ? wa_add_str(root, "to", digits, 0)
                         : wa_add_str(root, "recipient", msg->recipient, 0);
  if (rc == 0)
    rc = wa_add_str(root, "type", types[msg->kind], 0);
  if (rc == 0) {
    switch (msg->kind) {
    case OUT_TEXT:
      rc = AERR_STATE;  /* written by wa_text_body, never here */
      break;
    case OUT_LIST:
    case OUT_BUTTONS:
      rc = wa_interactive(msg, root);
      break;
    case OUT_TEMPLATE:
      rc = wa_template(msg, root);
      break;
    }
  }
  if (rc == 0) {
    json = json_object_to_json_string_ext(root, JSON_C_TO_STRING_PLAIN |
                                                JSON_C_TO_STRING_NOSLASHESCAPE);
    rc = json != NULL ? buf_puts(out, json) : -ENOMEM;
  }
  json_object_put(root);
  return rc;
}

/*
 * Append the JSON body of a free-text send (whatsapp-send-text.json: the
 * same members in the same order as the other kinds' bodies, which json-c
 * writes) to out, for the recipient digits (msg->to) or msg->recipient.
 * Every reply goes this way, so it is written straight, without building
 * json-c objects; strings are made valid UTF-8 first, as wa_add_str does.
 * Returns 0 or -ENOMEM.
 */
static int
wa_text_body(const struct outbound_msg *msg, const char *digits,
             struct buf *out)
{
  const char *who = msg->to != NULL ? digits : msg->recipient;
  char *to = wa_clean(who, strlen(who), 0);
  char *text = wa_clean(msg->text, strlen(msg->text), 0);
  int rc = to != NULL && text != NULL ? 0 : -ENOMEM;

  if (rc == 0)
    rc = buf_puts(out, msg->to != NULL
                  ? "{\"messaging_product\":\"whatsapp\","
                    "\"recipient_type\":\"individual\",\"to\":"
                  : "{\"messaging_product\":\"whatsapp\","
                    "\"recipient_type\":\"individual\",\"recipient\":");
  if (rc == 0)
    rc = buf_json_str(out, to);
  if (rc == 0)
    rc = buf_puts(out, ",\"type\":\"text\",\"text\":{\"preview_url\":false,"
                       "\"body\":");
  if (rc == 0)
    rc = buf_json_str(out, text);
  if (rc == 0)
    rc = buf_puts(out, "}}");
  free(to);
  free(text);
  return rc;
}

/*
 * Render msg as a POST to {api_base}/{phone_number_id}/messages (see the
 * send fixtures).  out must be empty (zeroed).  Returns 0; AERR_UNSUPPORTED
 * for a list or buttons WhatsApp cannot show (no options, more than 10
 * rows or 3 buttons, an option without id or title, no list label, a body
 * over 1024 characters), so the sender falls back to text; AERR_PARSE for a
 * message without a valid recipient, text or template name; AERR_CONFIG
 * when the channel lacks api_base, access_token or a usable
 * phone_number_id; -ENOMEM.  Titles longer than WhatsApp shows are cut
 * between characters.  On error out is left empty.
 */
static int
wa_build_send(const struct config *cfg, const struct config_channel *ch,
              const struct outbound_msg *msg, struct provider_request *out)
{
  char digits[WA_DIGITS_MAX + 1], tail[96];
  const char *to = msg->to;
  size_t n = 0;
  int rc;

  (void)cfg;
  rc = wa_check_channel(ch);
  if (rc == 0 && !wa_segment_ok(ch->phone_number_id, 64))
    rc = AERR_CONFIG;
  if (rc != 0)
    return rc;
  if (to == NULL) {
    /* A reporter known only by a BSUID: Meta takes it as "recipient". */
    if (msg->recipient == NULL ||
        !phone_bsuid_ok(msg->recipient, strlen(msg->recipient)))
      return AERR_PARSE;
  } else {
    if (*to == '+')
      to++;
    for (; *to != '\0'; to++) {
      if (*to < '0' || *to > '9' || n >= WA_DIGITS_MAX)
        return AERR_PARSE;
      digits[n++] = *to;
    }
    if (n < 8)
      return AERR_PARSE;
    digits[n] = '\0';
  }
  rc = wa_check_msg(msg);
  if (rc != 0)
    return rc;
  rc = msg->kind == OUT_TEXT ? wa_text_body(msg, digits, &out->body)
                             : wa_json_body(msg, digits, &out->body);
  if (rc == 0) {
    size_t tl = strlen(ch->phone_number_id);
    memcpy(tail, ch->phone_number_id, tl);
    memcpy(tail + tl, "/messages", sizeof("/messages"));
    rc = wa_request(ch, "POST", ch->api_base, tail, 1, out);
  }
  if (rc != 0)
    provider_request_free(out);
  return rc;
}

/* 1 for the error codes that mean "too fast, slow down": 130429 (number
 * throughput), 131056 (pair rate), 131048 (spam rate limit), 80007
 * (Business Account rate limit), and the Graph API's general 4 (app
 * request limit) and 2 (service temporarily unavailable). */
static int
wa_throttled(int64_t code)
{
  return code == 130429 || code == 131056 || code == 131048 ||
         code == 80007 || code == 4 || code == 2;
}

/* Retry-After in seconds as milliseconds (capped at a day); 0 when absent
 * or not a number of seconds (an HTTP date is left to the backoff). */
static int64_t
wa_retry_after(const char *s)
{
  int64_t secs = 0;
  int digits = 0;

  if (s == NULL)
    return 0;
  while (*s == ' ' || *s == '\t')
    s++;
  for (; *s >= '0' && *s <= '9'; s++, digits++)
    if (secs <= WA_RETRY_AFTER_MAX)
      secs = secs * 10 + (*s - '0');
  while (*s == ' ' || *s == '\t')
    s++;
  if (digits == 0 || *s != '\0')
    return 0;
  if (secs > WA_RETRY_AFTER_MAX)
    secs = WA_RETRY_AFTER_MAX;
  return secs * 1000;
}

/* out->error = "CODE: message" (or "CODE", or "HTTP STATUS" without a
 * code), the message made valid UTF-8 and cut to 200 characters. */
static void
wa_set_error(struct send_result *out, long status, int has_code, int64_t code,
             const char *msg, size_t msglen)
{
  struct buf b = BUF_INIT;
  char *clean = NULL;
  int rc;

  if (msg != NULL && msglen > 0)
    clean = wa_clean(msg, msglen, WA_ERRTEXT_MAX);
  if (has_code && clean != NULL)
    rc = buf_printf(&b, "%" PRId64 ": %s", code, clean);
  else if (has_code)
    rc = buf_printf(&b, "%" PRId64, code);
  else if (clean != NULL)
    rc = buf_printf(&b, "HTTP %ld: %s", status, clean);
  else
    rc = buf_printf(&b, "HTTP %ld", status);
  free(clean);
  out->error = rc == 0 ? buf_steal(&b) : NULL;
  buf_free(&b);
}

/*
 * Read the Graph API's answer to a send into out (which must be empty).
 * 2xx with messages[0].id: SEND_OK.  Error 131047 (24-hour window
 * closed): SEND_TEMPLATE.  Throttling codes (see wa_throttled), 429, 5xx
 * and no answer at all (status 0): SEND_RETRY, with Retry-After honoured.
 * Anything else (other 4xx such as 190, a 2xx without an id, 3xx):
 * SEND_FAIL.  error holds "code: message" whenever the outcome is not OK.
 */
static void
wa_classify(const struct config_channel *ch, long status,
            const char *retry_after, const char *body, size_t len,
            struct send_result *out)
{
  struct json_object *root = NULL, *err, *msgs, *m0, *code;
  const char *emsg = NULL, *id;
  size_t emlen = 0, idlen = 0;
  int64_t c = 0;
  int has_code = 0, oom = 0;

  (void)ch;
  out->outcome = SEND_FAIL;
  out->provider_id = NULL;
  out->error = NULL;
  out->bsuid = NULL;
  out->retry_after_ms = 0;
  if (status == 0) {
    out->outcome = SEND_RETRY;
    out->error = strdup("no answer from the provider");
    return;
  }
  root = provider_json_parse(body, len, 1, &oom);
  err = wa_get(root, "error", json_type_object);
  code = wa_get(err, "code", json_type_int);
  if (code != NULL) {
    c = json_object_get_int64(code);
    has_code = 1;
  }
  emsg = wa_str(err, "message", &emlen);

  if (status >= 200 && status < 300 && err == NULL) {
    msgs = wa_get(root, "messages", json_type_array);
    m0 = msgs != NULL && json_object_array_length(msgs) > 0
           ? json_object_array_get_idx(msgs, 0) : NULL;
    id = wa_str(m0, "id", &idlen);
    if (wa_id_ok(id, idlen, WA_ID_MAX)) {
      struct json_object *cs = wa_get(root, "contacts", json_type_array);
      char bsuid[PHONE_BSUID_MAX];
      out->outcome = SEND_OK;
      out->provider_id = wa_clean(id, idlen, 0);
      /* The answer names the recipient's BSUID once Meta has one. */
      if (cs != NULL && json_object_array_length(cs) > 0 &&
          wa_bsuid(json_object_array_get_idx(cs, 0), "user_id", bsuid))
        out->bsuid = strdup(bsuid);
    } else {
      out->outcome = SEND_FAIL;
      out->error = strdup("no message id");
    }
    json_object_put(root);
    return;
  }

  if (has_code && c == 131047) {
    out->outcome = SEND_TEMPLATE;
  } else if ((has_code && wa_throttled(c)) || status == 429 ||
             status >= 500) {
    out->outcome = SEND_RETRY;
    out->retry_after_ms = wa_retry_after(retry_after);
  } else {
    out->outcome = SEND_FAIL;
  }
  wa_set_error(out, status, has_code, c, emsg, emlen);
  json_object_put(root);
}

/* ---- Media ------------------------------------------------------------ */

/* 1 when url is an http(s) URL without blanks or control characters. */
static int
wa_url_ok(const char *url, size_t len)
{
  size_t i;

  if (len > WA_URL_MAX || strlen(url) != len ||
      (strncmp(url, "https://", 8) != 0 && strncmp(url, "http://", 7) != 0))
    return 0;
  for (i = 0; i < len; i++)
    if ((unsigned char)url[i] <= 0x20 || (unsigned char)url[i] == 0x7f)
      return 0;
  return 1;
}

/* 0 when the bearer token may go with a GET of url: https (or loopback,
 * see provider_transport_ok) to a host of the channel's media_hosts.
 * Otherwise AERR_DENIED with out->refused naming the host (or AERR_PARSE,
 * -ENOMEM). */
static int
wa_media_host_ok(const struct config_channel *ch, const char *url,
                 struct provider_request *out)
{
  struct url_origin o;
  struct buf why = BUF_INIT;
  int rc;

  rc = provider_url_origin(url, &o);
  if (rc != 0)
    return rc;
  if (!provider_host_listed(o.host, ch->media_hosts))
    rc = buf_printf(&why, "media host not allowed: %s", o.host);
  else if (!provider_transport_ok(&o))
    rc = buf_printf(&why, "media URL not https: %s", o.host);
  else
    return 0;
  out->refused = rc == 0 ? buf_steal(&why) : NULL;
  buf_free(&why);
  return out->refused != NULL ? AERR_DENIED : -ENOMEM;
}

/*
 * The requests that fetch m's media: step 0 is GET {api_base}/{media_id};
 * step 1 reads that answer (prev: {"url", "mime_type", "file_size", "id"})
 * and GETs the url, both with the bearer token; step 2 and later return 1
 * (done).  out must be empty.  AERR_PARSE when m has no usable media_id,
 * when step 1's answer is not JSON with an http(s) url or names another
 * media id, or for a negative step; AERR_DENIED (out->refused says why)
 * when that url is not on a host of media_hosts or not https
 * (provider_transport_ok); AERR_CONFIG when the channel lacks api_base or
 * access_token; -ENOMEM.
 */
static int
wa_media_request(const struct config_channel *ch, const struct inbound_msg *m,
                 int step, const char *prev, size_t prevlen,
                 struct provider_request *out)
{
  struct json_object *root;
  const char *url, *id;
  size_t ulen = 0, idlen = 0;
  int rc, oom = 0;

  if (step >= 2)
    return 1;
  if (step < 0 || m == NULL || !wa_segment_ok(m->media_id, WA_ID_MAX))
    return AERR_PARSE;
  rc = wa_check_channel(ch);
  if (rc != 0)
    return rc;
  if (step == 0)
    return wa_request(ch, "GET", ch->api_base, m->media_id, 0, out);

  root = provider_json_parse(prev, prevlen, 1, &oom);
  if (root == NULL)
    return oom ? -ENOMEM : AERR_PARSE;
  url = wa_str(root, "url", &ulen);
  id = wa_str(root, "id", &idlen);
  /* An answer about another media id is not the one we asked for. */
  if (id == NULL && json_object_object_get_ex(root, "id", NULL))
    id = "";
  if (url == NULL || !wa_url_ok(url, ulen) ||
      (id != NULL && (idlen != strlen(m->media_id) ||
                      memcmp(id, m->media_id, idlen) != 0))) {
    json_object_put(root);
    return AERR_PARSE;
  }
  rc = wa_media_host_ok(ch, url, out);
  if (rc == 0)
    rc = wa_request(ch, "GET", url, NULL, 0, out);
  json_object_put(root);
  return rc;
}

/* ---- Facts ------------------------------------------------------------ */

/* Free text may go for 24 hours after the reporter's last message; after
 * that only an approved template (Meta's customer service window).  A
 * channel without template_name has nothing else to send: free text is
 * tried whatever the time (the provider may refuse it). */
static int64_t
wa_free_form_until(const struct config_channel *ch, int64_t last_inbound_ms)
{
  if (ch->template_name == NULL || last_inbound_ms > INT64_MAX - DAY_MS)
    return INT64_MAX;
  return last_inbound_ms + DAY_MS;
}

/* The Cloud API posts a status for every message to the app's webhook. */
static int
wa_reports_delivery(const struct config *cfg, const struct config_channel *ch)
{
  (void)cfg;
  (void)ch;
  return 1;
}

const struct provider_ops provider_whatsapp = {
  .type = CHANNEL_WHATSAPP_CLOUD,
  .family = "whatsapp",
  .inline_replies = 0,
  .media_by_id = 1,
  .verify = wa_verify,
  .parse = wa_parse,
  .handshake = wa_handshake,
  .free_form_until = wa_free_form_until,
  .reports_delivery = wa_reports_delivery,
  .build_send = wa_build_send,
  .classify = wa_classify,
  .media_request = wa_media_request,
  .prepare = wa_prepare,
};
