/*
 * provider_twilio.c: the `twilio` channel: SMS and WhatsApp through Twilio
 * Programmable Messaging.
 *
 * Inbound: Twilio POSTs a form (MessageSid, From, To, Body, NumMedia,
 * MediaUrlN, MediaContentTypeN, Latitude, Longitude, ButtonPayload, ...)
 * for a message, and the same kind of form with MessageStatus for a
 * delivery status callback.  Each request is signed in X-Twilio-Signature:
 * base64 HMAC-SHA1 under the account's auth token of the URL Twilio
 * called (public_url + path + query) followed by every POST parameter,
 * sorted by name, as name then value.  We answer with an empty TwiML
 * document: replies go through the REST API, never in the answer.
 *
 * Outbound: POST {api_base}/2010-04-01/Accounts/{sid}/Messages.json with
 * Basic auth and a form body (To, From, Body, StatusCallback).  A channel
 * whose `from` is a "whatsapp:" address sends WhatsApp, else SMS.
 *
 * Media: GET MediaUrlN, which is on api_base and redirects to Twilio's
 * file store; with Basic auth (accounts may require it for media) when
 * the URL is on api_base's scheme, host and port, never beyond.
 *
 * One channel carries SMS and WhatsApp alike; a message's family follows
 * its From ("whatsapp:+62..." is the WhatsApp family), so that one person
 * writing by SMS and by WhatsApp has two conversations, as with two
 * channels.
 *
 * WhatsApp usernames: Twilio's documentation of them was not at hand; like
 * the other platforms that pass Meta's business-scoped user id on, a From
 * of "whatsapp:" + a BSUID (ID.4471920083316652) is read as a reporter
 * known by that id, and replies to them go To "whatsapp:" + the BSUID.  A
 * From that is neither a number nor such an id is acknowledged and
 * skipped (webhook.ignored).
 */
#include <json-c/json.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/crypto.h"
#include "base/err.h"
#include "base/form.h"
#include "provider/provider.h"
#include "base/utf8.h"

#define TWILIO_WA_PREFIX "whatsapp:"
#define TWILIO_SIG_B64_LEN 28     /* base64 of 20 bytes */
#define TWILIO_MAX_MEDIA 10       /* Twilio's own limit per message */
#define TWILIO_ID_MAX 128         /* longest message sid we accept */
#define TWILIO_MIME_MAX 127
#define TWILIO_ERROR_MAX 300      /* bytes of provider text kept */
#define TWILIO_RETRY_AFTER_MAX 86400

static const char twiml_empty[] =
  "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response/>";

/* 1 when the Content-Type names a urlencoded form (parameters allowed). */
static int
is_form(const char *ctype)
{
  static const char want[] = "application/x-www-form-urlencoded";
  size_t n = sizeof(want) - 1;

  if (ctype == NULL)
    return 0;
  while (*ctype == ' ' || *ctype == '\t')
    ctype++;
  return strncasecmp(ctype, want, n) == 0 &&
         (ctype[n] == '\0' || ctype[n] == ';' || ctype[n] == ' ' ||
          ctype[n] == '\t');
}

static int
has_prefix_ci(const char *s, const char *prefix)
{
  return s != NULL && strncasecmp(s, prefix, strlen(prefix)) == 0;
}

/* ---- Signature --------------------------------------------------------- */

/* Order of form pairs for signing: by name, then by value, bytewise. */
static int
pair_cmp(const void *a, const void *b)
{
  const struct form_pair *x = *(const struct form_pair *const *)a;
  const struct form_pair *y = *(const struct form_pair *const *)b;
  size_t n;
  int c;

  c = strcmp(x->name, y->name);
  if (c != 0)
    return c;
  n = x->value_len < y->value_len ? x->value_len : y->value_len;
  c = memcmp(x->value, y->value, n);
  if (c != 0)
    return c;
  return x->value_len < y->value_len ? -1 : x->value_len > y->value_len;
}

static int
pair_same(const struct form_pair *x, const struct form_pair *y)
{
  return strcmp(x->name, y->name) == 0 && x->value_len == y->value_len &&
         memcmp(x->value, y->value, x->value_len) == 0;
}

/*
 * Append the signed form of the POST parameters to out: sorted by name
 * (bytewise), a repeated name's values sorted and exact repeats dropped
 * (as Twilio's own validators do), each as name then value without any
 * separator.  Returns 0, -ENOMEM or a buf error.
 */
static int
append_sorted_params(const struct form *f, struct buf *out)
{
  const struct form_pair **v;
  int i, rc = 0;

  if (f->n == 0)
    return 0;
  v = malloc((size_t)f->n * sizeof(*v));
  if (v == NULL)
    return -ENOMEM;
  for (i = 0; i < f->n; i++)
    v[i] = &f->v[i];
  qsort(v, (size_t)f->n, sizeof(*v), pair_cmp);
  for (i = 0; i < f->n && rc == 0; i++) {
    if (i > 0 && pair_same(v[i - 1], v[i]))
      continue;
    rc = buf_puts(out, v[i]->name);
    if (rc == 0)
      rc = buf_append(out, v[i]->value, v[i]->value_len);
  }
  free(v);
  return rc;
}

/*
 * The same URL with the scheme's default port toggled: added when absent
 * (":443" for https, ":80" for http), removed when present.  Twilio signs
 * one or the other depending on how the URL was configured, so official
 * validators try both.  Returns 1 with *out set, 0 when url has another
 * port or scheme, or a buf error.
 */
static int
toggle_default_port(const char *url, struct buf *out)
{
  const char *port, *host, *colon = NULL, *p;
  size_t hlen, plen, i;

  if (has_prefix_ci(url, "https://")) {
    port = "443";
    host = url + 8;
  } else if (has_prefix_ci(url, "http://")) {
    port = "80";
    host = url + 7;
  } else {
    return 0;
  }
  hlen = strcspn(host, "/?#");
  /* The port follows the last ':' after any IPv6 literal's ']'. */
  for (p = host; p < host + hlen; p++) {
    if (*p == ']')
      colon = NULL;
    else if (*p == ':')
      colon = p;
  }
  if (colon == NULL) {
    if (buf_append(out, url, (size_t)(host - url) + hlen) != 0 ||
        buf_printf(out, ":%s", port) != 0 ||
        buf_puts(out, host + hlen) != 0)
      return -ENOMEM;
    return 1;
  }
  plen = (size_t)(host + hlen - colon - 1);
  if (plen != strlen(port))
    return 0;
  for (i = 0; i < plen; i++)
    if (colon[1 + i] != port[i])
      return 0;
  if (buf_append(out, url, (size_t)(colon - url)) != 0 ||
      buf_puts(out, host + hlen) != 0)
    return -ENOMEM;
  return 1;
}

/* 1 when given is the signature of url followed by params under key. */
static int
signature_matches(const char *key, const char *url, const struct buf *params,
                  const char *given)
{
  unsigned char mac[CRYPTO_SHA1_LEN];
  char b64[TWILIO_SIG_B64_LEN + 1];
  struct buf data = BUF_INIT;
  int ok = 0;

  if (buf_puts(&data, url) == 0 &&
      buf_append(&data, params->data, params->len) == 0 &&
      crypto_hmac_sha1(key, strlen(key), data.data, data.len, mac) == 0) {
    crypto_base64(mac, sizeof(mac), b64);
    ok = crypto_equal(given, strlen(given), b64, strlen(b64));
  }
  buf_free(&data);
  return ok;
}

/*
 * Check X-Twilio-Signature against public_url + path (+ '?' query) and the
 * form body's parameters, and against the same URL with the default port
 * toggled.  No header, no public_url, no auth token, or a body that does
 * not parse: AERR_AUTH, since nothing can be checked.
 */
static int
twilio_verify(const struct config *cfg, const struct config_channel *ch,
              const struct httpd_request *req)
{
  const char *given = httpd_header(req, "X-Twilio-Signature");
  struct buf url = BUF_INIT, alt = BUF_INIT, params = BUF_INIT;
  struct form f = {0};
  int ok = 0, rc;

  if (given == NULL || ch->auth_token == NULL || ch->auth_token[0] == '\0' ||
      cfg->server.public_url == NULL)
    return AERR_AUTH;
  if (is_form(httpd_header(req, "Content-Type")) &&
      form_parse(&f, req->body.data, req->body.len) != 0)
    return AERR_AUTH;
  rc = append_sorted_params(&f, &params);
  form_free(&f);
  if (rc == 0)
    rc = buf_printf(&url, "%s%s%s%s", cfg->server.public_url, req->path,
                    req->query[0] != '\0' ? "?" : "", req->query);
  /* Building the data needs no secret, so it may take its time; the
   * comparisons below are each constant-time. */
  if (rc == 0) {
    ok = signature_matches(ch->auth_token, url.data, &params, given);
    if (toggle_default_port(url.data, &alt) == 1)
      ok |= signature_matches(ch->auth_token, alt.data, &params, given);
  }
  buf_free(&url);
  buf_free(&alt);
  buf_free(&params);
  return ok ? 0 : AERR_AUTH;
}

/* ---- Inbound ----------------------------------------------------------- */

/* 1 when s is a plausible id: 1 to TWILIO_ID_MAX printable ASCII bytes. */
static int
good_id(const char *s)
{
  size_t i;

  if (s == NULL || s[0] == '\0')
    return 0;
  for (i = 0; s[i] != '\0'; i++)
    if (i >= TWILIO_ID_MAX || (unsigned char)s[i] <= 0x20 ||
        (unsigned char)s[i] >= 0x7f)
      return 0;
  return 1;
}

/* A copy of a provider text as clean UTF-8 (see utf8_sanitize), or NULL
 * when the parameter is absent or empty. *oom is set when out of memory. */
static char *
text_of(const struct form *f, const char *name, int *oom)
{
  const struct form_pair *p = form_find(f, name);
  char *s;

  if (p == NULL || p->value_len == 0)
    return NULL;
  s = utf8_sanitize(p->value, p->value_len);
  if (s == NULL)
    *oom = 1;
  return s;
}

/* Parse a decimal coordinate within [-limit, limit]; 0 or -1. */
static int
coordinate(const char *s, double limit, double *out)
{
  char *end;
  double v;

  if (s == NULL || s[0] == '\0')
    return -1;
  v = strtod(s, &end);
  if (*end != '\0' || !isfinite(v) || v < -limit || v > limit)
    return -1;
  *out = v;
  return 0;
}

/* NumMedia: 0 to TWILIO_MAX_MEDIA, absent is 0.  -1 when malformed. */
static int
media_count(const char *s)
{
  int n = 0;

  if (s == NULL || s[0] == '\0')
    return 0;
  for (; *s != '\0'; s++) {
    if (*s < '0' || *s > '9')
      return -1;
    n = n * 10 + (*s - '0');
    if (n > TWILIO_MAX_MEDIA)
      return -1;
  }
  return n;
}

/* 1 when s is a usable media type: printable ASCII with a '/'. */
static int
good_mime(const char *s)
{
  size_t i;

  if (s == NULL || strchr(s, '/') == NULL)
    return 0;
  for (i = 0; s[i] != '\0'; i++)
    if (i >= TWILIO_MIME_MAX || (unsigned char)s[i] < 0x20 ||
        (unsigned char)s[i] >= 0x7f)
      return 0;
  return 1;
}

/*
 * MessageType values (WhatsApp) that we understand; any other type
 * (sticker, reaction, contacts, unknown, ...) is MSG_UNSUPPORTED.  SMS
 * carries no MessageType.
 */
static int
known_type(const char *t)
{
  static const char *const known[] = {
    "text", "image", "video", "audio", "document", "media", "location",
    "button", "interactive"
  };
  size_t i;

  if (t == NULL || t[0] == '\0')
    return 1;
  for (i = 0; i < sizeof(known) / sizeof(known[0]); i++)
    if (strcmp(t, known[i]) == 0)
      return 1;
  return 0;
}

/* Add one message with the given id (copied); NULL with *why set. */
static struct inbound_msg *
add_msg(struct inbound_set *out, const char *id, const char *phone,
        const char *family, const char **why)
{
  struct inbound_msg *m = inbound_set_add(out);

  if (m == NULL) {
    *why = "out of memory";
    return NULL;
  }
  m->provider_id = strdup(id);
  if (m->provider_id == NULL) {
    *why = "out of memory";
    return NULL;
  }
  memcpy(m->phone, phone, PHONE_MAX);
  m->family = family;
  return m;
}

/*
 * One MSG_MEDIA per medium: MediaUrlN (http or https, required) and
 * MediaContentTypeN (application/octet-stream when absent or odd).  The
 * first keeps the MessageSid as its id and carries the Body as caption;
 * the others are "MessageSid/N", so that each is stored once.
 */
static int
parse_media(const struct form *f, struct inbound_set *out, const char *sid,
            const char *phone, const char *family, int n, const char **why)
{
  char name[32], id[TWILIO_ID_MAX + 16];
  struct inbound_msg *m;
  const char *url, *mime;
  int i, oom = 0;

  for (i = 0; i < n; i++) {
    snprintf(name, sizeof(name), "MediaUrl%d", i);
    url = form_get(f, name);
    if (url == NULL ||
        !(has_prefix_ci(url, "https://") || has_prefix_ci(url, "http://")))
      return inbound_skip(out, "MediaUrlN missing or not an http(s) URL");
    snprintf(name, sizeof(name), "MediaContentType%d", i);
    mime = form_get(f, name);
    if (!good_mime(mime))
      mime = "application/octet-stream";
    if (i == 0)
      snprintf(id, sizeof(id), "%s", sid);
    else
      snprintf(id, sizeof(id), "%s/%d", sid, i);
    m = add_msg(out, id, phone, family, why);
    if (m == NULL)
      return -ENOMEM;
    m->kind = MSG_MEDIA;
    m->media_url = strdup(url);
    m->media_mime = strdup(mime);
    if (i == 0)
      m->text = text_of(f, "Body", &oom);
    if (m->media_url == NULL || m->media_mime == NULL || oom) {
      *why = "out of memory";
      return -ENOMEM;
    }
  }
  return 0;
}

static int parse_kinds(const struct form *f, struct inbound_set *out,
                       const char *sid, const char *phone,
                       const char *family, const char **why);

/* An inbound message (see the file comment).  0, AERR_PARSE or -ENOMEM. */
static int
parse_message(const struct form *f, struct inbound_set *out,
              const char **why)
{
  const char *sid = form_get(f, "MessageSid");
  const char *from = form_get(f, "From");
  const char *family;
  char phone[PHONE_MAX], bsuid[PHONE_BSUID_MAX] = "";
  int rc, first, i;

  if (sid == NULL)
    sid = form_get(f, "SmsMessageSid");
  if (!good_id(sid))
    return inbound_skip(out, "MessageSid missing or malformed");
  if (from == NULL)
    return inbound_skip(out, "From is not a phone number");
  family = has_prefix_ci(from, TWILIO_WA_PREFIX) ? "whatsapp" : "sms";
  first = out->n;
  if (phone_normalize(from, phone) != 0) {
    /* A WhatsApp username: the BSUID where the number was (SPEC 2). */
    const char *id = from + strlen(TWILIO_WA_PREFIX);
    if (strcmp(family, "whatsapp") != 0 || !phone_bsuid_ok(id, strlen(id)))
      return inbound_skip(out, "From is not a phone number");
    phone[0] = '\0';
    snprintf(bsuid, sizeof(bsuid), "%s", id);
  }
  rc = parse_kinds(f, out, sid, phone, family, why);
  for (i = first; rc == 0 && i < out->n; i++)
    memcpy(out->msgs[i].bsuid, bsuid, sizeof(bsuid));
  return rc;
}

/* The messages of one inbound form from phone (or from a BSUID, phone
 * "", which the caller sets): media, a location, a choice or text.  0,
 * AERR_PARSE or -ENOMEM. */
static int
parse_kinds(const struct form *f, struct inbound_set *out, const char *sid,
            const char *phone, const char *family, const char **why)
{
  const char *type = form_get(f, "MessageType");
  const char *choice;
  struct inbound_msg *m;
  double lat, lng;
  int nmedia, oom = 0;

  nmedia = media_count(form_get(f, "NumMedia"));
  if (nmedia < 0)
    return inbound_skip(out, "NumMedia is not a number from 0 to 10");
  if (!known_type(type)) {
    m = add_msg(out, sid, phone, family, why);
    if (m == NULL)
      return -ENOMEM;
    m->kind = MSG_UNSUPPORTED;
    m->text = text_of(f, "Body", &oom);
    return oom ? -ENOMEM : 0;
  }
  if (nmedia > 0)
    return parse_media(f, out, sid, phone, family, nmedia, why);

  if (form_get(f, "Latitude") != NULL || form_get(f, "Longitude") != NULL) {
    if (coordinate(form_get(f, "Latitude"), 90, &lat) != 0 ||
        coordinate(form_get(f, "Longitude"), 180, &lng) != 0)
      return inbound_skip(out, "Latitude/Longitude malformed or out of range");
    m = add_msg(out, sid, phone, family, why);
    if (m == NULL)
      return -ENOMEM;
    m->kind = MSG_LOCATION;
    m->lat = lat;
    m->lng = lng;
    m->text = text_of(f, "Body", &oom);
    return oom ? -ENOMEM : 0;
  }

  /* A tap on a quick-reply button (ButtonPayload) or a list row (ListId). */
  choice = "ButtonPayload";
  if (form_find(f, choice) == NULL || form_find(f, choice)->value_len == 0)
    choice = "ListId";
  if (form_find(f, choice) != NULL && form_find(f, choice)->value_len > 0) {
    m = add_msg(out, sid, phone, family, why);
    if (m == NULL)
      return -ENOMEM;
    m->kind = MSG_CHOICE;
    m->text = text_of(f, choice, &oom);
    return oom ? -ENOMEM : 0;
  }

  if (form_find(f, "Body") == NULL && form_get(f, "NumMedia") == NULL)
    return inbound_skip(out, "neither Body nor NumMedia: not a message");
  m = add_msg(out, sid, phone, family, why);
  if (m == NULL)
    return -ENOMEM;
  m->kind = MSG_TEXT;
  m->text = text_of(f, "Body", &oom);
  if (m->text == NULL && !oom)
    m->text = strdup("");
  return m->text == NULL ? -ENOMEM : 0;
}

/*
 * A delivery status callback: MessageStatus sent, delivered, read,
 * undelivered, failed (also canceled, partially_delivered).  Interim
 * states (queued, sending, accepted, scheduled) and unknown ones add
 * nothing; the callback is still acknowledged.
 */
static int
parse_status(const struct form *f, const char *status,
             struct inbound_set *out, const char **why)
{
  static const struct {
    const char *name;
    enum delivery d;
  } map[] = {
    {"sent", DELIVERY_SENT},
    {"delivered", DELIVERY_DELIVERED},
    {"partially_delivered", DELIVERY_DELIVERED},
    {"read", DELIVERY_READ},
    {"undelivered", DELIVERY_FAILED},
    {"failed", DELIVERY_FAILED},
    {"canceled", DELIVERY_FAILED},
  };
  const char *sid = form_get(f, "MessageSid");
  const char *code;
  struct status_update *u;
  size_t i;
  int oom = 0;

  if (sid == NULL)
    sid = form_get(f, "SmsSid");
  if (!good_id(sid))
    return inbound_skip(out, "MessageSid missing or malformed");
  for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
    if (strcmp(status, map[i].name) == 0)
      break;
  if (i == sizeof(map) / sizeof(map[0]))
    return 0;
  u = inbound_set_add_status(out);
  if (u != NULL)
    u->provider_id = strdup(sid);
  if (u == NULL || u->provider_id == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  u->status = map[i].d;
  if (u->status != DELIVERY_FAILED)
    return 0;
  code = form_get(f, "ErrorCode");
  if (code != NULL && code[0] != '\0' && good_id(code)) {
    u->error_code = strdup(code);
    if (u->error_code == NULL)
      oom = 1;
  }
  u->error_text = text_of(f, "ErrorMessage", &oom);
  if (u->error_text == NULL && !oom)
    u->error_text = strdup(status);
  if (oom || u->error_text == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  return 0;
}

/*
 * A Twilio webhook: a status callback when MessageStatus (or, lacking it,
 * SmsStatus) is present and is neither "received" nor "receiving", else
 * an inbound message.  The answer is an empty TwiML document either way.
 */
static int
twilio_parse(const struct config_channel *ch, const struct httpd_request *req,
             struct inbound_set *out, const char **why)
{
  const char *status;
  struct form f;
  int rc;

  (void)ch;
  if (!is_form(httpd_header(req, "Content-Type"))) {
    *why = "content type must be application/x-www-form-urlencoded";
    return AERR_PARSE;
  }
  rc = form_parse(&f, req->body.data, req->body.len);
  if (rc != 0) {
    *why = rc == -ENOMEM ? "out of memory" : "body is not a valid form";
    return rc;
  }
  status = form_get(&f, "MessageStatus");
  if (status == NULL)
    status = form_get(&f, "SmsStatus");
  if (status != NULL && strcmp(status, "received") != 0 &&
      strcmp(status, "receiving") != 0)
    rc = parse_status(&f, status, out, why);
  else
    rc = parse_message(&f, out, why);
  form_free(&f);
  if (rc == 0) {
    out->ack_type = "text/xml";
    out->ack_body = twiml_empty;
  }
  return rc;
}

static const char *
twilio_family_of(const struct inbound_msg *m)
{
  return m->family != NULL ? m->family : "sms";
}

/* ---- Sending ----------------------------------------------------------- */

/* Append "&name=value" (no '&' before the first), value form-encoded. */
static int
add_param(struct buf *b, const char *name, const char *prefix,
          const char *value)
{
  int rc = 0;

  if (b->len > 0)
    rc = buf_append(b, "&", 1);
  if (rc == 0)
    rc = buf_puts(b, name);
  if (rc == 0)
    rc = buf_append(b, "=", 1);
  if (rc == 0 && prefix != NULL)
    rc = form_encode(b, prefix, strlen(prefix));
  if (rc == 0)
    rc = form_encode(b, value, strlen(value));
  return rc;
}

/*
 * The REST request for msg (OUT_TEXT only: AERR_UNSUPPORTED otherwise).
 * AERR_CONFIG when the channel lacks account_sid, auth_token, from or
 * api_base; AERR_PARSE when msg has no recipient or text.  The
 * StatusCallback is public_url + "/webhook/" + the channel's name, left
 * out when public_url is unset.
 */
static int
twilio_build_send(const struct config *cfg, const struct config_channel *ch,
                  const struct outbound_msg *msg,
                  struct provider_request *out)
{
  struct buf cred = BUF_INIT, hdr = BUF_INIT, cb = BUF_INIT;
  const char *wa = NULL, *to = msg->to;
  char *b64 = NULL;
  size_t baselen;
  int rc;

  if (msg->kind != OUT_TEXT)
    return AERR_UNSUPPORTED;
  if (ch->account_sid == NULL || ch->auth_token == NULL ||
      ch->from == NULL || ch->api_base == NULL)
    return AERR_CONFIG;
  if (msg->text == NULL)
    return AERR_PARSE;
  if (msg->to == NULL || msg->to[0] == '\0') {
    /* A reporter known only by a BSUID: reached over WhatsApp alone. */
    if (!has_prefix_ci(ch->from, TWILIO_WA_PREFIX) ||
        msg->recipient == NULL ||
        !phone_bsuid_ok(msg->recipient, strlen(msg->recipient)))
      return AERR_PARSE;
    to = msg->recipient;
  }
  if (has_prefix_ci(ch->from, TWILIO_WA_PREFIX) &&
      !has_prefix_ci(to, TWILIO_WA_PREFIX))
    wa = TWILIO_WA_PREFIX;

  memset(out, 0, sizeof(*out));
  buf_init(&out->body, 0);
  out->method = "POST";
  baselen = strlen(ch->api_base);
  if (baselen > 0 && ch->api_base[baselen - 1] == '/')
    baselen--;
  rc = buf_append(&hdr, ch->api_base, baselen);
  if (rc == 0)
    rc = buf_puts(&hdr, "/2010-04-01/Accounts/");
  if (rc == 0)
    rc = form_encode(&hdr, ch->account_sid, strlen(ch->account_sid));
  if (rc == 0)
    rc = buf_puts(&hdr, "/Messages.json");
  if (rc == 0) {
    out->url = buf_steal(&hdr);
    rc = out->url != NULL ? 0 : -ENOMEM;
  }

  if (rc == 0)
    rc = buf_printf(&cred, "%s:%s", ch->account_sid, ch->auth_token);
  if (rc == 0) {
    b64 = malloc(4 * ((cred.len + 2) / 3) + 1);
    rc = b64 != NULL ? 0 : -ENOMEM;
  }
  if (rc == 0) {
    crypto_base64(cred.data, cred.len, b64);
    rc = buf_printf(&hdr, "Authorization: Basic %s", b64);
  }
  if (rc == 0)
    out->headers[0] = buf_steal(&hdr);
  out->headers[1] = strdup("Content-Type: application/x-www-form-urlencoded");
  out->headers[2] = strdup("Accept: application/json");
  if (rc == 0 && (out->headers[0] == NULL || out->headers[1] == NULL ||
                  out->headers[2] == NULL))
    rc = -ENOMEM;

  if (rc == 0)
    rc = add_param(&out->body, "To", wa, to);
  if (rc == 0)
    rc = add_param(&out->body, "From", NULL, ch->from);
  if (rc == 0)
    rc = add_param(&out->body, "Body", NULL, msg->text);
  if (rc == 0 && cfg->server.public_url != NULL) {
    rc = buf_printf(&cb, "%s/webhook/%s", cfg->server.public_url, ch->name);
    if (rc == 0)
      rc = add_param(&out->body, "StatusCallback", NULL, cb.data);
  }

  /* The credentials need not outlive the request. */
  if (cred.data != NULL)
    memset(cred.data, 0, cred.len);
  if (b64 != NULL)
    memset(b64, 0, strlen(b64));
  free(b64);
  buf_free(&cred);
  buf_free(&hdr);
  buf_free(&cb);
  if (rc != 0)
    provider_request_free(out);
  return rc;
}

/* ---- Answers to sends -------------------------------------------------- */

/* Retry-After as delta-seconds, in ms; 0 when absent or an HTTP date (the
 * sender's own backoff then applies).  Capped at a day. */
static int64_t
retry_after_ms(const char *v)
{
  int64_t s = 0;

  if (v == NULL)
    return 0;
  while (*v == ' ' || *v == '\t')
    v++;
  if (*v < '0' || *v > '9')
    return 0;
  for (; *v >= '0' && *v <= '9'; v++) {
    s = s * 10 + (*v - '0');
    if (s > TWILIO_RETRY_AFTER_MAX)
      s = TWILIO_RETRY_AFTER_MAX;
  }
  while (*v == ' ' || *v == '\t')
    v++;
  return *v == '\0' ? s * 1000 : 0;
}

/* The JSON object in body, or NULL. */
static struct json_object *
parse_json(const char *body, size_t len)
{
  struct json_object *o;
  int oom;

  o = provider_json_parse(body, len, 0, &oom);
  if (o != NULL && !json_object_is_type(o, json_type_object)) {
    json_object_put(o);
    o = NULL;
  }
  return o;
}

/* "code: message" from a Twilio error body, else "HTTP <status>".  Text is
 * cleaned (utf8_sanitize) and cut to TWILIO_ERROR_MAX bytes. */
static char *
error_text(long status, struct json_object *o)
{
  struct json_object *code = NULL, *message = NULL;
  struct buf b = BUF_INIT;
  char *clean;
  size_t n;
  int rc;

  if (o != NULL && json_object_object_get_ex(o, "code", &code) &&
      json_object_is_type(code, json_type_int))
    rc = buf_printf(&b, "%lld", (long long)json_object_get_int64(code));
  else
    rc = buf_printf(&b, "HTTP %ld", status);
  if (rc == 0 && o != NULL &&
      json_object_object_get_ex(o, "message", &message) &&
      json_object_is_type(message, json_type_string))
    rc = buf_printf(&b, ": %s", json_object_get_string(message));
  if (rc != 0) {
    buf_free(&b);
    return NULL;
  }
  n = b.len;
  if (n > TWILIO_ERROR_MAX) {
    n = TWILIO_ERROR_MAX;
    /* Cut before a character, never inside one. */
    while (n > 0 && ((unsigned char)b.data[n] & 0xC0) == 0x80)
      n--;
  }
  clean = utf8_sanitize(b.data, n);
  buf_free(&b);
  return clean;
}

/*
 * 0 (no answer), 429 and 5xx: SEND_RETRY (429 with its Retry-After).  2xx
 * with a "sid": SEND_OK.  A 2xx without one is SEND_FAIL: the message may
 * have gone, and sending it again could send it twice.  Anything else:
 * SEND_FAIL with "code: message" (21610 is the recipient's STOP).
 */
static void
twilio_classify(const struct config_channel *ch, long status,
                const char *retry_after, const char *body, size_t len,
                struct send_result *out)
{
  struct json_object *o, *sid;

  (void)ch;
  memset(out, 0, sizeof(*out));
  if (status == 0) {
    out->outcome = SEND_RETRY;
    out->error = strdup("no answer from Twilio");
    return;
  }
  o = parse_json(body, len);
  if (status >= 200 && status < 300) {
    if (o != NULL && json_object_object_get_ex(o, "sid", &sid) &&
        json_object_is_type(sid, json_type_string) &&
        good_id(json_object_get_string(sid))) {
      out->outcome = SEND_OK;
      out->provider_id = strdup(json_object_get_string(sid));
    } else {
      out->outcome = SEND_FAIL;
      out->error = strdup("accepted without a message sid");
    }
    json_object_put(o);
    return;
  }
  if (status == 429 || status >= 500) {
    out->outcome = SEND_RETRY;
    out->retry_after_ms = retry_after_ms(retry_after);
  } else {
    out->outcome = SEND_FAIL;
  }
  out->error = error_text(status, o);
  json_object_put(o);
}

/* ---- Media ------------------------------------------------------------ */

/*
 * The request that fetches m's media: GET media_url (step 0); step 1 and
 * later return 1 (done).  The account's Basic auth goes with it, as
 * out->userpwd (which libcurl sends to that scheme, host and port only,
 * not to the file store Twilio redirects to), when media_url is on the
 * scheme, host and port of api_base and provider_transport_ok; a URL
 * elsewhere is fetched without credentials.  AERR_PARSE when m has no
 * http(s) media_url or for a negative step; -ENOMEM.
 */
static int
twilio_media_request(const struct config_channel *ch,
                     const struct inbound_msg *m, int step, const char *prev,
                     size_t prevlen, struct provider_request *out)
{
  struct url_origin media, base;
  struct buf cred = BUF_INIT;
  int rc = 0;

  (void)prev;
  (void)prevlen;
  if (step >= 1)
    return 1;
  if (step < 0 || m == NULL || provider_url_origin(m->media_url, &media) != 0)
    return AERR_PARSE;
  out->method = "GET";
  out->url = strdup(m->media_url);
  if (out->url == NULL)
    return -ENOMEM;
  if (ch->account_sid != NULL && ch->auth_token != NULL &&
      provider_url_origin(ch->api_base, &base) == 0 &&
      provider_same_origin(&media, &base) && provider_transport_ok(&media)) {
    rc = buf_printf(&cred, "%s:%s", ch->account_sid, ch->auth_token);
    out->userpwd = rc == 0 ? buf_steal(&cred) : NULL;
    if (out->userpwd == NULL)
      rc = -ENOMEM;
  }
  buf_free(&cred);
  if (rc != 0)
    provider_request_free(out);
  return rc;
}

/* ---- Facts ------------------------------------------------------------ */

/* What ch sends: WhatsApp when its `from` is a "whatsapp:" address (see
 * twilio_build_send), else SMS. */
static const char *
twilio_send_family(const struct config_channel *ch)
{
  return ch->from != NULL && has_prefix_ci(ch->from, TWILIO_WA_PREFIX)
           ? "whatsapp" : "sms";
}

/* Status callbacks are asked for only when public_url is set (see
 * twilio_build_send). */
static int
twilio_reports_delivery(const struct config *cfg,
                        const struct config_channel *ch)
{
  (void)ch;
  return cfg->server.public_url != NULL;
}

const struct provider_ops provider_twilio = {
  .type = CHANNEL_TWILIO,
  .family = "sms",
  .inline_replies = 0,
  .verify = twilio_verify,
  .parse = twilio_parse,
  .family_of = twilio_family_of,
  .send_family = twilio_send_family,
  .reports_delivery = twilio_reports_delivery,
  .build_send = twilio_build_send,
  .classify = twilio_classify,
  .media_request = twilio_media_request,
};
