/*
 * ctl_client.c: aduanctl's client side (see ctl_client.h).
 *
 * The chat client blocks on each request: it is a terminal tool, not part
 * of the daemon's loop.
 */
#include "ctl_client.h"

#include <curl/curl.h>
#include <json-c/json.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "crypto.h"
#include "err.h"
#include "phone.h"

#define CHAT_MAX_REPLY (1024 * 1024)

char *
ctl_dev_url(const struct config *cfg, const char **token)
{
  struct buf b = BUF_INIT;
  const char *host = cfg->server.listen_host;
  int i;

  for (i = 0; i < cfg->nchannels; i++) {
    const struct config_channel *ch = &cfg->channels[i];
    if (ch->type != CHANNEL_DEV)
      continue;
    if (strcmp(host, "0.0.0.0") == 0)
      host = "127.0.0.1";
    else if (strcmp(host, "::") == 0)
      host = "::1";
    if (strchr(host, ':') != NULL)
      buf_printf(&b, "http://[%s]:%d/webhook/%s", host,
                 cfg->server.listen_port, ch->name);
    else
      buf_printf(&b, "http://%s:%d/webhook/%s", host,
                 cfg->server.listen_port, ch->name);
    *token = ch->token;
    return buf_steal(&b);
  }
  return NULL;
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
  struct buf *b = arg;

  if (buf_append(b, p, size * n) != 0)
    return 0;
  return size * n;
}

static int
print_replies(const struct buf *body, FILE *out, FILE *err)
{
  struct json_object *root, *replies;
  size_t i, n;

  root = json_tokener_parse(body->data ? body->data : "");
  if (root == NULL || !json_object_object_get_ex(root, "replies", &replies) ||
      !json_object_is_type(replies, json_type_array)) {
    fprintf(err, "aduanctl: unexpected answer from the daemon\n");
    json_object_put(root);
    return AERR_PARSE;
  }
  n = json_object_array_length(replies);
  for (i = 0; i < n; i++) {
    struct json_object *r = json_object_array_get_idx(replies, i);
    fprintf(out, "%s\n\n", json_object_get_string(r));
  }
  fflush(out);
  json_object_put(root);
  return 0;
}

int
ctl_chat_send(const char *url, const char *token, const char *number,
              const char *text, FILE *out, FILE *err)
{
  struct json_object *msg;
  struct curl_slist *hdr = NULL;
  struct buf body = BUF_INIT, tokhdr = BUF_INIT;
  unsigned char rnd[12];
  char id[40];
  long status = 0;
  CURLcode cc;
  CURL *c;
  int rc = 0;

  if (crypto_random(rnd, sizeof(rnd)) != 0)
    return AERR_STATE;
  memcpy(id, "chat-", 5);
  crypto_hex(rnd, sizeof(rnd), id + 5);
  msg = json_object_new_object();
  json_object_object_add(msg, "from", json_object_new_string(number));
  json_object_object_add(msg, "text", json_object_new_string(text));
  json_object_object_add(msg, "id", json_object_new_string(id));

  c = curl_easy_init();
  if (c == NULL) {
    json_object_put(msg);
    return -ENOMEM;
  }
  body.max = CHAT_MAX_REPLY;
  hdr = curl_slist_append(hdr, "Content-Type: application/json");
  if (token != NULL) {
    buf_printf(&tokhdr, "X-Aduan-Token: %s", token);
    hdr = curl_slist_append(hdr, tokhdr.data);
  }
  curl_easy_setopt(c, CURLOPT_URL, url);
  curl_easy_setopt(c, CURLOPT_HTTPHEADER, hdr);
  curl_easy_setopt(c, CURLOPT_POSTFIELDS, json_object_to_json_string(msg));
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &body);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, 30L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  cc = curl_easy_perform(c);
  if (cc != CURLE_OK) {
    fprintf(err, "aduanctl: %s: %s\n", url, curl_easy_strerror(cc));
    rc = -EIO;
  } else {
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
    if (status != 200) {
      fprintf(err, "aduanctl: the daemon answered %ld: %s\n", status,
              body.data ? body.data : "");
      rc = AERR_STATE;
    } else {
      rc = print_replies(&body, out, err);
    }
  }
  curl_slist_free_all(hdr);
  curl_easy_cleanup(c);
  json_object_put(msg);
  buf_free(&body);
  buf_free(&tokhdr);
  return rc;
}

int
ctl_chat(const char *url, const char *token, const char *number, FILE *in,
         FILE *out, FILE *err)
{
  char line[4096];
  int rc = 0;

  while (fgets(line, sizeof(line), in) != NULL) {
    size_t n = strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
      line[--n] = '\0';
    if (n == 0)
      continue;
    if (strcmp(line, "/quit") == 0)
      break;
    rc = ctl_chat_send(url, token, number, line, out, err);
    if (rc != 0 && rc != AERR_STATE)
      return rc;
  }
  return rc;
}
