/*
 * provider_kannel.c: the `kannel` channel: SMS through a Kannel gateway
 * (a telco SMSC or a GSM modem).
 *
 * Inbound, as admins write Kannel's sms-service (SPEC §10):
 *   get-url = "http://HOST/webhook/NAME?secret=S&sender=%p&receiver=%P
 *              &text=%b&id=%I&ts=%T&coding=%c&charset=%C"
 * (config/kannel.conf is the whole Kannel side).  %b is the message's
 * bytes as the SMSC gave them, form-encoded by smsbox (a space, also a
 * 0x20 byte inside UTF-16, as '+'); %a would squeeze runs of spaces and
 * garble UCS-2.
 * or a post-url with the same query (at least secret), the text as the
 * body and X-Kannel-From / -Time / -Coding headers; the body's charset is
 * in its Content-Type.  Other parameters are ignored.  Kannel signs
 * nothing: the shared secret travels in the query (or X-Aduan-Secret) and
 * is compared in constant time.
 *
 * Text: what Kannel 1.4 sends for %b is, for a GSM-7 message, its text
 * recoded by bearerbox as UTF-8 (coding 0, charset UTF-8); for UCS-2
 * (coding 2, charset UTF-16BE) the raw UTF-16BE bytes, converted here;
 * ISO-8859-1 / WINDOWS-1252 likewise.  UTF-8 is kept.  Whatever does not decode becomes U+FFFD, so the text stored is
 * always valid UTF-8 without NUL bytes.
 *
 * Message ids: Kannel's %I (the `id` parameter).  Without it the id is
 * derived, stable across Kannel's retries of one message:
 *   "derived:" + the first 32 hex digits of
 *   SHA-256(sender E.164 "\n" ts "\n" text as UTF-8)
 * with ts from `ts` (%T), `time` (%t) or X-Kannel-Time.  With neither id
 * nor a time the request is refused: two equal answers ("1") from one
 * reporter would otherwise be taken for one.
 *
 * Delivery reports: the dlr-url that build_send gives Kannel points at the
 * same webhook with
 *   ?type=dlr&outbox=<our outbox id>&sig=<hex>&status=%d&answer=%A
 * where sig is HMAC-SHA256(secret, "dlr\n" channel name "\n" outbox id),
 * so the secret, which lets anyone post inbound messages, never lands in
 * Kannel's store and logs: a dlr-url read there can only report on its
 * own message.  A request with sig is taken only as that report;
 * dlr-urls handed to Kannel before signing carry secret=S instead and
 * are still accepted through the secret.  The report becomes a status
 * update for provider id "outbox:<id>" (Kannel's
 * sendsms answer names no message, so the outbox row is matched by its
 * own id).  %d: 1 delivered, 2 not delivered to the phone (failed),
 * 4 queued on the SMSC (sent), 8 accepted by the SMSC (sent), 16 refused
 * by the SMSC (failed).  %A, the SMSC's own reply, is kept only as the
 * reason of a failure; decisions follow %d alone.
 *
 * Outbound: GET sendsms_url?username=&password=&from=&to=&text=&charset=
 * &coding=&dlr-mask=31&dlr-url=...  A text that fits GSM-7 goes as UTF-8
 * with coding=0; anything else as the UTF-16BE bytes with coding=2 and
 * charset=UTF-16BE, so that a Kannel built without iconv still delivers
 * it (SPEC §2).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/err.h"
#include "base/form.h"
#include <http_parser.h>
#include "provider/provider.h"
#include "base/sms.h"
#include "base/utf8.h"

#define KANNEL_ID_MAX 128         /* longest %I we accept */
#define KANNEL_TS_MAX 64          /* longest time stamp we accept */
#define KANNEL_CHARSET_MAX 32
#define KANNEL_ERROR_MAX 300      /* bytes of provider text kept */
#define KANNEL_DLR_MASK "31"      /* 1 + 2 + 4 + 8 + 16: every event */
#define KANNEL_DERIVED_HEX 32

/* ---- Verification ------------------------------------------------------ */

/*
 * The first value named name in the query q, decoded into a new string
 * (*len bytes, NUL-terminated); NULL when absent or not decodable.  Only
 * that parameter is decoded, so a malformed escape elsewhere (say in the
 * text) is a parse error later, not an authentication failure.
 */
static char *
query_value(const char *q, const char *name, size_t *len)
{
  size_t n = strlen(name);
  const char *seg = q, *end;
  struct form f;
  char *v = NULL;

  while (*seg != '\0' && v == NULL) {
    end = strchr(seg, '&');
    if (end == NULL)
      end = seg + strlen(seg);
    if ((size_t)(end - seg) > n && strncmp(seg, name, n) == 0 &&
        seg[n] == '=' &&
        form_parse(&f, seg, (size_t)(end - seg)) == 0) {
      if (f.n == 1) {
        v = f.v[0].value;
        *len = f.v[0].value_len;
        f.v[0].value = NULL;
      }
      form_free(&f);
    }
    seg = *end == '&' ? end + 1 : end;
  }
  return v;
}

/* The signature of the delivery reports of outbox (its decimal digits)
 * on ch, as 64 hex digits and a NUL in hex.  0 or -ENOMEM. */
static int
dlr_signature(const struct config_channel *ch, const char *outbox,
              char hex[2 * CRYPTO_SHA256_LEN + 1])
{
  unsigned char mac[CRYPTO_SHA256_LEN];
  struct buf msg = BUF_INIT;
  int rc;

  rc = buf_printf(&msg, "dlr\n%s\n%s", ch->name, outbox);
  if (rc == 0)
    rc = crypto_hmac_sha256(ch->secret, strlen(ch->secret), msg.data,
                            msg.len, mac) == 0 ? 0 : -ENOMEM;
  if (rc == 0)
    crypto_hex(mac, sizeof(mac), hex);
  buf_free(&msg);
  return rc;
}

/* 1 when the query is a delivery report (its first type is "dlr") whose
 * sig (given, len bytes) is the signature of its first outbox. */
static int
dlr_signature_ok(const struct config_channel *ch, const char *query,
                 const char *given, size_t len)
{
  char want[2 * CRYPTO_SHA256_LEN + 1];
  char *type, *outbox;
  size_t n;
  int ok = 0;

  type = query_value(query, "type", &n);
  outbox = query_value(query, "outbox", &n);
  if (type != NULL && strcmp(type, "dlr") == 0 && outbox != NULL &&
      strlen(outbox) == n && dlr_signature(ch, outbox, want) == 0)
    ok = crypto_equal(given, len, want, strlen(want));
  free(type);
  free(outbox);
  return ok;
}

/*
 * The request is Kannel's when it carries the channel's secret, in the
 * X-Aduan-Secret header or else the `secret` query parameter; or, for a
 * delivery report alone, the report's signature as `sig` (see the top of
 * this file).  A channel without a secret accepts nothing.  0 or
 * AERR_AUTH.
 */
static int
kannel_verify(const struct config *cfg, const struct config_channel *ch,
              const struct httpd_request *req)
{
  const char *given;
  char *q;
  size_t len = 0;
  int ok;

  (void)cfg;
  if (ch->secret == NULL || ch->secret[0] == '\0')
    return AERR_AUTH;
  q = query_value(req->query, "sig", &len);
  if (q != NULL) {
    ok = dlr_signature_ok(ch, req->query, q, len);
    free(q);
    return ok ? 0 : AERR_AUTH;
  }
  given = httpd_header(req, "X-Aduan-Secret");
  if (given != NULL)
    return crypto_equal(given, strlen(given), ch->secret, strlen(ch->secret))
             ? 0 : AERR_AUTH;
  q = query_value(req->query, "secret", &len);
  if (q == NULL)
    return AERR_AUTH;
  ok = crypto_equal(q, len, ch->secret, strlen(ch->secret));
  free(q);
  return ok ? 0 : AERR_AUTH;
}

/* ---- Text decoding ----------------------------------------------------- */

/* Write cp as UTF-8 at o; returns the length (1 to 4). */
static size_t
put_utf8(char *o, uint32_t cp)
{
  if (cp == 0 || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
    cp = UTF8_REPLACEMENT;
  if (cp < 0x80) {
    o[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    o[0] = (char)(0xC0 | (cp >> 6));
    o[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    o[0] = (char)(0xE0 | (cp >> 12));
    o[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    o[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  o[0] = (char)(0xF0 | (cp >> 18));
  o[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  o[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  o[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

/*
 * UTF-16 s[0..n) to a new UTF-8 string: big-endian unless a byte order
 * mark (which is dropped) says otherwise.  Surrogate pairs are joined; a
 * lone surrogate, U+0000 or an odd last byte becomes U+FFFD.  NULL when
 * out of memory.
 */
static char *
utf16_to_utf8(const unsigned char *s, size_t n)
{
  size_t i = 0, o = 0;
  int le = 0;
  uint32_t u, lo;
  char *out;

  /* Two input bytes never give more than three output bytes, and a lone
   * last byte gives three. */
  if (n > (SIZE_MAX - 4) / 2)
    return NULL;
  out = malloc(2 * n + 4);
  if (out == NULL)
    return NULL;
  if (n >= 2 && s[0] == 0xFE && s[1] == 0xFF) {
    i = 2;
  } else if (n >= 2 && s[0] == 0xFF && s[1] == 0xFE) {
    i = 2;
    le = 1;
  }
  while (i + 1 < n) {
    u = le ? (uint32_t)(s[i] | (s[i + 1] << 8))
           : (uint32_t)((s[i] << 8) | s[i + 1]);
    i += 2;
    if (u >= 0xD800 && u <= 0xDBFF && i + 1 < n) {
      lo = le ? (uint32_t)(s[i] | (s[i + 1] << 8))
              : (uint32_t)((s[i] << 8) | s[i + 1]);
      if (lo >= 0xDC00 && lo <= 0xDFFF) {
        u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
        i += 2;
      }
    }
    o += put_utf8(out + o, u);
  }
  if (i < n)
    o += put_utf8(out + o, UTF8_REPLACEMENT);
  out[o] = '\0';
  return out;
}

/* Windows-1252 for 0x80..0x9F (0: undefined there); ISO-8859-1 has C1
 * controls at those places, which no phone sends as text. */
static const uint16_t cp1252_high[32] = {
  0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
  0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
  0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
  0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178
};

/* ISO-8859-1 / Windows-1252 s[0..n) to a new UTF-8 string; NULL when out
 * of memory. */
static char *
cp1252_to_utf8(const unsigned char *s, size_t n)
{
  size_t i, o = 0;
  uint32_t cp;
  char *out;

  if (n > (SIZE_MAX - 1) / 3)
    return NULL;
  out = malloc(3 * n + 1);
  if (out == NULL)
    return NULL;
  for (i = 0; i < n; i++) {
    cp = s[i];
    if (cp >= 0x80 && cp <= 0x9F)
      cp = cp1252_high[cp - 0x80] != 0 ? cp1252_high[cp - 0x80]
                                       : UTF8_REPLACEMENT;
    o += put_utf8(out + o, cp);
  }
  out[o] = '\0';
  return out;
}

static int
charset_is(const char *cs, const char *const *names)
{
  for (; *names != NULL; names++)
    if (strcasecmp(cs, *names) == 0)
      return 1;
  return 0;
}

/*
 * The text s[0..n) as clean UTF-8 (a new string, NULL when out of
 * memory).  The charset decides when it names one we know; otherwise
 * coding 2 means UTF-16BE and anything else UTF-8.
 */
static char *
decode_text(const char *s, size_t n, const char *coding, const char *charset)
{
  static const char *const utf16[] = {
    "UTF-16BE", "UTF-16", "UCS-2", "UCS-2BE", "UCS2", "UTF16BE", NULL
  };
  static const char *const latin[] = {
    "ISO-8859-1", "ISO8859-1", "ISO_8859-1", "LATIN1", "LATIN-1",
    "WINDOWS-1252", "CP1252", NULL
  };
  static const char *const utf8[] = {"UTF-8", "UTF8", "GSM", NULL};
  const unsigned char *u = (const unsigned char *)s;

  if (charset != NULL && charset[0] != '\0') {
    if (charset_is(charset, utf16))
      return utf16_to_utf8(u, n);
    if (charset_is(charset, latin))
      return cp1252_to_utf8(u, n);
    if (charset_is(charset, utf8))
      return utf8_sanitize(s, n);
  }
  if (coding != NULL && strcmp(coding, "2") == 0)
    return utf16_to_utf8(u, n);
  return utf8_sanitize(s, n);
}

/* ---- Inbound ----------------------------------------------------------- */

/* 1 when s is 1 to max printable ASCII bytes without spaces. */
static int
good_token(const char *s, size_t max)
{
  size_t i;

  if (s == NULL || s[0] == '\0')
    return 0;
  for (i = 0; s[i] != '\0'; i++)
    if (i >= max || (unsigned char)s[i] <= 0x20 ||
        (unsigned char)s[i] >= 0x7f)
      return 0;
  return 1;
}

/* 1 when s is 1 to max printable ASCII bytes (spaces allowed). */
static int
good_line(const char *s, size_t max)
{
  size_t i;

  if (s == NULL || s[0] == '\0')
    return 0;
  for (i = 0; s[i] != '\0'; i++)
    if (i >= max || (unsigned char)s[i] < 0x20 ||
        (unsigned char)s[i] >= 0x7f)
      return 0;
  return 1;
}

/* The charset parameter of a Content-Type into out (KANNEL_CHARSET_MAX
 * bytes), quotes removed; "" when there is none. */
static void
content_charset(const char *ctype, char *out)
{
  const char *p;
  size_t n = 0;

  out[0] = '\0';
  if (ctype == NULL)
    return;
  for (p = ctype; *p != '\0'; p++)
    if (strncasecmp(p, "charset=", 8) == 0)
      break;
  if (*p == '\0')
    return;
  p += 8;
  if (*p == '"')
    p++;
  while (p[n] != '\0' && p[n] != '"' && p[n] != ';' && p[n] != ' ' &&
         n + 1 < KANNEL_CHARSET_MAX)
    n++;
  memcpy(out, p, n);
  out[n] = '\0';
}

static const char *
first_of(const char *a, const char *b)
{
  return a != NULL && a[0] != '\0' ? a : b;
}

/* "derived:<hex>" for a message without Kannel's id (see the file
 * comment) into out (KANNEL_DERIVED_HEX + 9 bytes). */
static int
derived_id(const char *phone, const char *ts, const char *text, char *out)
{
  unsigned char md[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1];
  struct buf b = BUF_INIT;
  int rc;

  rc = buf_printf(&b, "%s\n%s\n%s", phone, ts, text);
  if (rc == 0)
    rc = crypto_sha256(b.data, b.len, md);
  buf_free(&b);
  if (rc != 0)
    return rc;
  crypto_hex(md, sizeof(md), hex);
  memcpy(out, "derived:", 8);
  memcpy(out + 8, hex, KANNEL_DERIVED_HEX);
  out[8 + KANNEL_DERIVED_HEX] = '\0';
  return 0;
}

/*
 * An inbound SMS from the query (get-url) or from the headers and body
 * (post-url; query values fill what the headers lack).  0, AERR_PARSE or
 * -ENOMEM.
 */
static int
parse_sms(const struct form *q, const struct httpd_request *req,
          struct inbound_set *out, const char **why)
{
  int post = strcmp(req->method_name, "POST") == 0;
  const struct form_pair *tp = form_find(q, "text");
  const char *sender, *id, *ts, *coding, *charset;
  const char *text_bytes = NULL;
  char cs[KANNEL_CHARSET_MAX], derived[KANNEL_DERIVED_HEX + 9];
  char phone[PHONE_MAX];
  struct inbound_msg *m;
  size_t text_len = 0;
  char *text;

  sender = form_get(q, "sender");
  coding = form_get(q, "coding");
  charset = form_get(q, "charset");
  ts = first_of(form_get(q, "ts"), form_get(q, "time"));
  id = form_get(q, "id");
  if (tp != NULL) {
    text_bytes = tp->value;
    text_len = tp->value_len;
  }
  if (post) {
    sender = first_of(httpd_header(req, "X-Kannel-From"), sender);
    coding = first_of(httpd_header(req, "X-Kannel-Coding"), coding);
    content_charset(httpd_header(req, "Content-Type"), cs);
    charset = first_of(cs, charset);
    ts = first_of(ts, httpd_header(req, "X-Kannel-Time"));
    if (req->body.len > 0 || tp == NULL) {
      text_bytes = req->body.data;
      text_len = req->body.len;
    }
  }

  /* An operator's promotion from "TELKOMSEL" or an empty message is
   * acknowledged and logged, not refused (SPEC 2). */
  if (sender == NULL || phone_normalize(sender, phone) != 0)
    return inbound_skip(out, "sender is not a phone number");
  if (text_bytes == NULL)
    return inbound_skip(out, "text is missing");
  if (id != NULL && id[0] != '\0' && !good_token(id, KANNEL_ID_MAX))
    return inbound_skip(out, "id is malformed");
  if ((id == NULL || id[0] == '\0') && !good_line(ts, KANNEL_TS_MAX)) {
    *why = "neither id (%I) nor ts (%T) given to tell messages apart";
    return AERR_PARSE;
  }

  text = decode_text(text_bytes, text_len, coding, charset);
  if (text == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  if (id == NULL || id[0] == '\0') {
    if (derived_id(phone, ts, text, derived) != 0) {
      free(text);
      *why = "out of memory";
      return -ENOMEM;
    }
    id = derived;
  }
  m = inbound_set_add(out);
  if (m == NULL) {
    free(text);
    *why = "out of memory";
    return -ENOMEM;
  }
  m->kind = MSG_TEXT;
  m->text = text;
  memcpy(m->phone, phone, PHONE_MAX);
  m->provider_id = strdup(id);
  if (m->provider_id == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  return 0;
}

/* A positive decimal that fits int64_t; -1 otherwise. */
static int64_t
positive(const char *s)
{
  int64_t v = 0;

  if (s == NULL || s[0] == '\0')
    return -1;
  for (; *s != '\0'; s++) {
    if (*s < '0' || *s > '9' || v > (INT64_MAX - 9) / 10)
      return -1;
    v = v * 10 + (*s - '0');
  }
  return v > 0 ? v : -1;
}

/*
 * A delivery report (see the file comment).  An event value we do not
 * know adds nothing and is still acknowledged.  0, AERR_PARSE or -ENOMEM.
 */
static int
parse_dlr(const struct form *q, struct inbound_set *out, const char **why)
{
  const struct form_pair *answer = form_find(q, "answer");
  const char *reason;
  struct status_update *u;
  enum delivery d;
  int64_t outbox, event;
  char id[32];
  size_t n;

  outbox = positive(form_get(q, "outbox"));
  event = positive(form_get(q, "status"));
  if (outbox < 0)
    return inbound_skip(out, "outbox is not a positive number");
  if (event < 0)
    return inbound_skip(out, "status is not a positive number");
  switch (event) {
  case 1: d = DELIVERY_DELIVERED; reason = NULL; break;
  case 2: d = DELIVERY_FAILED; reason = "not delivered to the phone"; break;
  case 4: d = DELIVERY_SENT; reason = NULL; break;
  case 8: d = DELIVERY_SENT; reason = NULL; break;
  case 16: d = DELIVERY_FAILED; reason = "refused by the SMSC"; break;
  default: return 0;
  }
  snprintf(id, sizeof(id), "outbox:%lld", (long long)outbox);
  u = inbound_set_add_status(out);
  if (u == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  u->status = d;
  u->provider_id = strdup(id);
  if (u->provider_id == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  if (d != DELIVERY_FAILED)
    return 0;
  snprintf(id, sizeof(id), "%lld", (long long)event);
  u->error_code = strdup(id);
  if (answer != NULL && answer->value_len > 0) {
    n = answer->value_len;
    if (n > KANNEL_ERROR_MAX) {
      n = KANNEL_ERROR_MAX;
      while (n > 0 && ((unsigned char)answer->value[n] & 0xC0) == 0x80)
        n--;
    }
    u->error_text = utf8_sanitize(answer->value, n);
  } else {
    u->error_text = strdup(reason);
  }
  if (u->error_code == NULL || u->error_text == NULL) {
    *why = "out of memory";
    return -ENOMEM;
  }
  return 0;
}

/*
 * The query without its secret parameters, as the audit copy of a GET
 * (which has no body) into out->payload.  Every parameter decodes, since
 * the whole query did.  0 or -ENOMEM.
 */
static int
audit_copy(const char *query, struct inbound_set *out)
{
  struct buf b = BUF_INIT;
  const char *seg = query, *end;
  struct form f;
  int rc = 0, keep;

  while (rc == 0 && *seg != '\0') {
    end = strchr(seg, '&');
    if (end == NULL)
      end = seg + strlen(seg);
    rc = form_parse(&f, seg, (size_t)(end - seg));
    if (rc == 0) {
      keep = f.n == 1 && strcmp(f.v[0].name, "secret") != 0;
      form_free(&f);
      if (keep && b.len > 0)
        rc = buf_append(&b, "&", 1);
      if (keep && rc == 0)
        rc = buf_append(&b, seg, (size_t)(end - seg));
    }
    seg = *end == '&' ? end + 1 : end;
  }
  if (rc == 0 && b.data == NULL)
    rc = buf_append(&b, "", 0);
  if (rc != 0) {
    buf_free(&b);
    return rc == -ENOMEM ? rc : 0;
  }
  out->payload_len = b.len;
  out->payload = buf_steal(&b);
  return out->payload != NULL ? 0 : -ENOMEM;
}

/*
 * A Kannel request: a delivery report when the query says type=dlr, else
 * an inbound SMS.  The answer is an empty text/plain body: with
 * max-messages = 0 Kannel sends nothing back to the phone.
 */
static int
kannel_parse(const struct config_channel *ch, const struct httpd_request *req,
             struct inbound_set *out, const char **why)
{
  const char *type;
  struct form q;
  int rc;

  (void)ch;
  rc = form_parse(&q, req->query, strlen(req->query));
  if (rc != 0) {
    *why = rc == -ENOMEM ? "out of memory" : "query string is malformed";
    return rc;
  }
  type = form_get(&q, "type");
  if (type != NULL && strcmp(type, "dlr") == 0)
    rc = parse_dlr(&q, out, why);
  else
    rc = parse_sms(&q, req, out, why);
  form_free(&q);
  if (rc == 0 && req->method == HTTP_GET && out->n > 0) {
    rc = audit_copy(req->query, out);
    if (rc != 0)
      *why = "out of memory";
  }
  if (rc == 0) {
    out->ack_type = "text/plain";
    out->ack_body = "";
  }
  return rc;
}

/* ---- Sending ----------------------------------------------------------- */

/* Append "name=value" to a query, '&' first unless it is the first one;
 * the value (n bytes) is form-encoded. */
static int
add_param(struct buf *b, int *first, const char *name, const void *value,
          size_t n)
{
  int rc = 0;

  if (!*first)
    rc = buf_append(b, "&", 1);
  *first = 0;
  if (rc == 0)
    rc = buf_printf(b, "%s=", name);
  if (rc == 0)
    rc = form_encode(b, value, n);
  return rc;
}

static int
add_str(struct buf *b, int *first, const char *name, const char *value)
{
  return add_param(b, first, name, value, strlen(value));
}

/* The dlr-url for msg (see the file comment) into b. */
static int
dlr_url(const struct config *cfg, const struct config_channel *ch,
        const struct outbound_msg *msg, struct buf *b)
{
  char outbox[24], sig[2 * CRYPTO_SHA256_LEN + 1];
  int rc;

  snprintf(outbox, sizeof(outbox), "%lld", (long long)msg->outbox_id);
  rc = buf_printf(b, "%s/webhook/%s?type=dlr&outbox=%s",
                  cfg->server.public_url, ch->name, outbox);
  if (rc == 0 && ch->secret != NULL && ch->secret[0] != '\0') {
    rc = dlr_signature(ch, outbox, sig);
    if (rc == 0)
      rc = buf_printf(b, "&sig=%s", sig);
  }
  if (rc == 0)
    rc = buf_puts(b, "&status=%d&answer=%A");
  return rc;
}

/*
 * The sendsms GET for msg (OUT_TEXT only: AERR_UNSUPPORTED otherwise).
 * AERR_CONFIG without sendsms_url; AERR_PARSE when msg has no recipient
 * or text.  username, password and from are sent when configured; the
 * delivery report request (dlr-mask, dlr-url) only when public_url is set,
 * since Kannel could not reach us otherwise.
 */
static int
kannel_build_send(const struct config *cfg, const struct config_channel *ch,
                  const struct outbound_msg *msg,
                  struct provider_request *out)
{
  struct buf url = BUF_INIT, ucs2 = BUF_INIT, dlr = BUF_INIT;
  struct sms_info info;
  size_t blen;
  int first = 1, rc = 0;

  if (msg->kind != OUT_TEXT)
    return AERR_UNSUPPORTED;
  if (ch->sendsms_url == NULL || ch->sendsms_url[0] == '\0')
    return AERR_CONFIG;
  if (msg->to == NULL || msg->to[0] == '\0' || msg->text == NULL)
    return AERR_PARSE;

  memset(out, 0, sizeof(*out));
  buf_init(&out->body, 0);
  out->method = "GET";

  rc = buf_puts(&url, ch->sendsms_url);
  blen = strlen(ch->sendsms_url);
  if (rc == 0 && strchr(ch->sendsms_url, '?') == NULL)
    rc = buf_append(&url, "?", 1);
  else if (rc == 0 && ch->sendsms_url[blen - 1] != '?' &&
           ch->sendsms_url[blen - 1] != '&')
    rc = buf_append(&url, "&", 1);
  if (rc == 0 && ch->username != NULL)
    rc = add_str(&url, &first, "username", ch->username);
  if (rc == 0 && ch->password != NULL)
    rc = add_str(&url, &first, "password", ch->password);
  if (rc == 0 && ch->from != NULL)
    rc = add_str(&url, &first, "from", ch->from);
  if (rc == 0)
    rc = add_str(&url, &first, "to", msg->to);

  sms_measure(msg->text, &info);
  if (rc == 0 && info.gsm7 && !info.bad_utf8) {
    rc = add_str(&url, &first, "text", msg->text);
    if (rc == 0)
      rc = buf_puts(&url, "&charset=UTF-8&coding=0");
  } else if (rc == 0) {
    rc = sms_to_ucs2(msg->text, &ucs2);
    if (rc == 0)
      rc = add_param(&url, &first, "text", ucs2.data, ucs2.len);
    if (rc == 0)
      rc = buf_puts(&url, "&charset=UTF-16BE&coding=2");
  }

  if (rc == 0 && cfg->server.public_url != NULL) {
    rc = buf_puts(&url, "&dlr-mask=" KANNEL_DLR_MASK);
    if (rc == 0)
      rc = dlr_url(cfg, ch, msg, &dlr);
    if (rc == 0)
      rc = add_param(&url, &first, "dlr-url", dlr.data, dlr.len);
  }
  if (rc == 0) {
    out->url = buf_steal(&url);
    if (out->url == NULL)
      rc = -ENOMEM;
  }
  buf_free(&url);
  buf_free(&ucs2);
  buf_free(&dlr);
  if (rc != 0)
    provider_request_free(out);
  return rc;
}

/* ---- Answers to sends -------------------------------------------------- */

/* "<status> <body>" with the body trimmed, cleaned and cut, or
 * "HTTP <status>" when it is empty. */
static char *
error_text(long status, const char *body, size_t len)
{
  struct buf b = BUF_INIT;
  char *clean, *out;
  int rc;

  while (len > 0 && (body[0] == ' ' || body[0] == '\t' || body[0] == '\r' ||
                     body[0] == '\n')) {
    body++;
    len--;
  }
  while (len > 0 && (body[len - 1] == ' ' || body[len - 1] == '\t' ||
                     body[len - 1] == '\r' || body[len - 1] == '\n'))
    len--;
  if (len > KANNEL_ERROR_MAX) {
    len = KANNEL_ERROR_MAX;
    while (len > 0 && ((unsigned char)body[len] & 0xC0) == 0x80)
      len--;
  }
  if (len == 0) {
    rc = buf_printf(&b, "HTTP %ld", status);
    out = rc == 0 ? buf_steal(&b) : NULL;
    buf_free(&b);
    return out;
  }
  clean = utf8_sanitize(body, len);
  if (clean == NULL)
    return NULL;
  rc = buf_printf(&b, "%ld %s", status, clean);
  free(clean);
  out = rc == 0 ? buf_steal(&b) : NULL;
  buf_free(&b);
  return out;
}

/*
 * 2xx ("0: Accepted for delivery", "3: Queued for later delivery",
 * "Sent."): SEND_OK without a provider id (Kannel names none; delivery
 * reports carry our outbox id).  0 (no answer), 5xx ("Temporal failure,
 * try again later.", "Sending failed.") and 429 (a rate-limiting proxy in
 * front of Kannel): SEND_RETRY.  Anything else (4xx
 * "Authorization failed for sendsms", "Not routable. Do not try again.",
 * ...): SEND_FAIL with Kannel's words kept.  Kannel sends no Retry-After.
 */
static void
kannel_classify(const struct config_channel *ch, long status,
                const char *retry_after, const char *body, size_t len,
                struct send_result *out)
{
  (void)ch;
  (void)retry_after;
  memset(out, 0, sizeof(*out));
  if (body == NULL)
    len = 0;
  if (status == 0) {
    out->outcome = SEND_RETRY;
    out->error = strdup("no answer from Kannel");
    return;
  }
  if (status >= 200 && status < 300) {
    out->outcome = SEND_OK;
    return;
  }
  out->outcome = status >= 500 || status == 429 ? SEND_RETRY : SEND_FAIL;
  out->error = error_text(status, body, len);
}

/* Delivery reports (dlr-mask, dlr-url) are asked for only when
 * public_url is set (see kannel_build_send). */
static int
kannel_reports_delivery(const struct config *cfg,
                        const struct config_channel *ch)
{
  (void)ch;
  return cfg->server.public_url != NULL;
}

const struct provider_ops provider_kannel = {
  .type = CHANNEL_KANNEL,
  .family = "sms",
  .inline_replies = 0,
  .accepts_get = 1,
  .verify = kannel_verify,
  .parse = kannel_parse,
  .reports_delivery = kannel_reports_delivery,
  .build_send = kannel_build_send,
  .classify = kannel_classify,
};
