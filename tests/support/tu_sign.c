/*
 * tu_sign.c: provider signatures for tests (see tu_sign.h).
 */
#include "tu_sign.h"

#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/form.h"
#include "tu_daemon.h"

static int
cmp_pair(const void *a, const void *b)
{
  const struct form_pair *x = a, *y = b;
  int c = strcmp(x->name, y->name);

  return c != 0 ? c : strcmp(x->value, y->value);
}

char *
tu_twilio_signature(const char *url, const char *form, const char *token)
{
  struct form f;
  struct buf s = BUF_INIT;
  unsigned char mac[CRYPTO_SHA1_LEN];
  char b64[64];
  int i;

  if (form_parse(&f, form, strlen(form)) != 0)
    return NULL;
  qsort(f.v, (size_t)f.n, sizeof(f.v[0]), cmp_pair);
  buf_puts(&s, url);
  for (i = 0; i < f.n; i++) {
    buf_puts(&s, f.v[i].name);
    buf_puts(&s, f.v[i].value);
  }
  crypto_hmac_sha1(token, strlen(token), s.data, s.len, mac);
  crypto_base64(mac, sizeof(mac), b64);
  buf_free(&s);
  form_free(&f);
  return strdup(b64);
}

char *
tu_whatsapp_signature(const char *body, size_t len, const char *secret)
{
  unsigned char mac[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1], out[80];

  crypto_hmac_sha256(secret, strlen(secret), body, len, mac);
  snprintf(out, sizeof(out), "sha256=%s", crypto_hex(mac, sizeof(mac), hex));
  return strdup(out);
}

int
tu_http_ex(int port, const char *method, const char *target,
           const char *headers, const char *body, size_t len,
           struct tu_resp *r)
{
  struct tu_conn c;
  struct buf req = BUF_INIT;
  int rc;

  if (tu_conn_open(&c, port) != 0)
    return -1;
  buf_printf(&req, "%s %s HTTP/1.1\r\nHost: 127.0.0.1\r\n%s"
             "Content-Length: %zu\r\nConnection: close\r\n\r\n", method,
             target, headers ? headers : "", len);
  if (len > 0)
    buf_append(&req, body, len);
  rc = tu_conn_send(&c, req.data, req.len);
  if (rc == 0)
    rc = tu_conn_read(&c, r);
  tu_conn_close(&c);
  buf_free(&req);
  return rc;
}

void
tu_form_enc(struct buf *b, const char *s)
{
  static const char hex[] = "0123456789ABCDEF";

  for (; *s != '\0'; s++) {
    unsigned char c = (unsigned char)*s;
    if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
        (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.') {
      buf_append(b, s, 1);
    } else if (c == ' ') {
      buf_append(b, "+", 1);
    } else {
      char e[3] = {'%', hex[c >> 4], hex[c & 15]};
      buf_append(b, e, 3);
    }
  }
}

void
tu_wa_text_body(struct buf *b, const char *digits, const char *id,
                const char *text)
{
  struct json_object *msg = json_object_new_string(text);

  buf_printf(b, "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
             "\"id\":\"102938475610293\",\"changes\":[{\"value\":{"
             "\"messaging_product\":\"whatsapp\",\"metadata\":{"
             "\"display_phone_number\":\"6282110001500\","
             "\"phone_number_id\":\"112233445566778\"},\"contacts\":[{"
             "\"profile\":{\"name\":\"Warga\"},\"wa_id\":\"%s\"}],"
             "\"messages\":[{\"from\":\"%s\",\"id\":\"%s\",\"timestamp\":"
             "\"1773469800\",\"type\":\"text\",\"text\":{\"body\":%s}}]},"
             "\"field\":\"messages\"}]}]}", digits, digits, id,
             json_object_to_json_string(msg));
  json_object_put(msg);
}

int
tu_wa_post(int port, const char *path, const char *secret, const char *body,
           size_t len)
{
  struct buf h = BUF_INIT;
  struct tu_resp r;
  char *sig = tu_whatsapp_signature(body, len, secret);
  int status = -1;

  buf_printf(&h, "Content-Type: application/json\r\n"
             "X-Hub-Signature-256: %s\r\n", sig);
  if (tu_http_ex(port, "POST", path, h.data, body, len, &r) == 0) {
    status = r.status;
    tu_resp_free(&r);
  }
  free(sig);
  buf_free(&h);
  return status;
}

void
tu_wa_envelope(struct buf *b, const char *pnid, const char *items)
{
  buf_printf(b, "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
             "\"id\":\"284610937751032\",\"changes\":[{\"value\":{"
             "\"messaging_product\":\"whatsapp\",\"metadata\":{"
             "\"display_phone_number\":\"6281338000150\","
             "\"phone_number_id\":\"%s\"},%s},\"field\":"
             "\"messages\"}]}]}", pnid, items);
}

int
tu_wa_say(int port, const char *path, const char *secret, const char *digits,
          const char *id, const char *text)
{
  struct buf b = BUF_INIT;
  int status;

  tu_wa_text_body(&b, digits, id, text);
  status = tu_wa_post(port, path, secret, b.data, b.len);
  buf_free(&b);
  return status;
}
