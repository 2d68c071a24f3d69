/*
 * provider.c: the table of channel adapters and the inbound message set
 * they fill (see provider.h).
 */
#include "provider/provider.h"

#include <ctype.h>
#include <stdint.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <json-c/json.h>

#include "base/err.h"
#include <http_parser.h>
#include "base/netaddr.h"
#include "base/sms.h"

extern const struct provider_ops provider_dev;
extern const struct provider_ops provider_whatsapp;
extern const struct provider_ops provider_twilio;
extern const struct provider_ops provider_kannel;

static const struct provider_ops *const providers[CHANNEL_TYPE_COUNT] = {
  [CHANNEL_DEV] = &provider_dev,
  [CHANNEL_WHATSAPP_CLOUD] = &provider_whatsapp,
  [CHANNEL_TWILIO] = &provider_twilio,
  [CHANNEL_KANNEL] = &provider_kannel,
};

const struct provider_ops *
provider_for(enum channel_type t)
{
  if ((int)t < 0 || t >= CHANNEL_TYPE_COUNT)
    return NULL;
  return providers[t];
}

/* ---- Facts about a channel -------------------------------------------- */

void
provider_prepare(struct config *cfg)
{
  const struct provider_ops *ops;
  int i;

  for (i = 0; i < cfg->nchannels; i++) {
    ops = provider_for(cfg->channels[i].type);
    if (ops != NULL && ops->prepare != NULL &&
        cfg->channels[i].sig_mac == NULL)
      ops->prepare(&cfg->channels[i]);
  }
}

int
provider_takes_method(const struct provider_ops *ops, int method)
{
  return method == HTTP_POST || (method == HTTP_GET && ops->accepts_get);
}

const struct config_channel *
provider_console(const struct config *cfg)
{
  const struct provider_ops *ops;
  int i;

  for (i = 0; i < cfg->nchannels; i++) {
    ops = provider_for(cfg->channels[i].type);
    if (ops != NULL && ops->console)
      return &cfg->channels[i];
  }
  return NULL;
}

const char *
provider_send_family(const struct config_channel *ch)
{
  const struct provider_ops *ops = provider_for(ch->type);

  if (ops == NULL)
    return "sms";
  if (ops->send_family != NULL)
    return ops->send_family(ch);
  return ops->family;
}

int
provider_segments(const struct config_channel *ch, const char *text)
{
  struct sms_info info;

  if (strcmp(provider_send_family(ch), "sms") != 0)
    return 0;
  sms_measure(text, &info);
  return info.segments;
}

int64_t
provider_free_form_until(const struct config_channel *ch,
                         int64_t last_inbound_ms)
{
  const struct provider_ops *ops = provider_for(ch->type);

  if (ops == NULL || ops->free_form_until == NULL)
    return INT64_MAX;
  return ops->free_form_until(ch, last_inbound_ms);
}

int
provider_reports_delivery(const struct config *cfg,
                          const struct config_channel *ch)
{
  const struct provider_ops *ops = provider_for(ch->type);

  if (ops == NULL || ops->reports_delivery == NULL)
    return 0;
  return ops->reports_delivery(cfg, ch);
}

int
provider_media_request(const struct config_channel *ch, char *source,
                       char *mime, int step, const char *prev,
                       size_t prevlen, struct provider_request *out)
{
  const struct provider_ops *ops = ch != NULL ? provider_for(ch->type)
                                              : NULL;
  struct inbound_msg m = {0};

  if (ops == NULL || ops->media_request == NULL) {
    if (step != 0)
      return 1;
    out->method = "GET";
    out->url = strdup(source);
    return out->url != NULL ? 0 : -ENOMEM;
  }
  if (ops->media_by_id)
    m.media_id = source;
  else
    m.media_url = source;
  m.media_mime = mime;
  return ops->media_request(ch, &m, step, prev, prevlen, out);
}

const char *
msg_kind_name(enum msg_kind k)
{
  switch (k) {
  case MSG_TEXT: return "text";
  case MSG_LOCATION: return "location";
  case MSG_MEDIA: return "media";
  case MSG_CHOICE: return "choice";
  case MSG_UNSUPPORTED: return "unsupported";
  }
  return "unsupported";
}

struct inbound_msg *
inbound_set_add(struct inbound_set *s)
{
  struct inbound_msg *m;

  m = realloc(s->msgs, (size_t)(s->n + 1) * sizeof(*m));
  if (m == NULL)
    return NULL;
  s->msgs = m;
  m = &s->msgs[s->n++];
  memset(m, 0, sizeof(*m));
  return m;
}

int
inbound_skip_n(struct inbound_set *s, size_t n, const char *why)
{
  if (n == 0)
    return 0;
  if (s->skipped == 0)
    s->skip_why = why;
  s->skipped = n > (size_t)(INT_MAX - s->skipped) ? INT_MAX
                                                  : s->skipped + (int)n;
  return 0;
}

int
inbound_skip(struct inbound_set *s, const char *why)
{
  return inbound_skip_n(s, 1, why);
}

struct status_update *
inbound_set_add_status(struct inbound_set *s)
{
  struct status_update *u;

  u = realloc(s->statuses, (size_t)(s->nstatuses + 1) * sizeof(*u));
  if (u == NULL)
    return NULL;
  s->statuses = u;
  u = &s->statuses[s->nstatuses++];
  memset(u, 0, sizeof(*u));
  return u;
}

struct id_change *
inbound_set_add_change(struct inbound_set *s)
{
  struct id_change *c;

  c = realloc(s->changes, (size_t)(s->nchanges + 1) * sizeof(*c));
  if (c == NULL)
    return NULL;
  s->changes = c;
  c = &s->changes[s->nchanges++];
  memset(c, 0, sizeof(*c));
  return c;
}

const char *
delivery_name(enum delivery d)
{
  switch (d) {
  case DELIVERY_SENT: return "sent";
  case DELIVERY_DELIVERED: return "delivered";
  case DELIVERY_READ: return "read";
  case DELIVERY_FAILED: return "failed";
  }
  return "failed";
}

void
provider_request_free(struct provider_request *r)
{
  int i;

  /* The URL (Kannel's password), a header ("Authorization: ...") and
   * userpwd may hold credentials: wiped (explicit_bzero, which the
   * compiler keeps before a free), not only freed. */
  if (r->url != NULL)
    explicit_bzero(r->url, strlen(r->url));
  free(r->url);
  r->url = NULL;
  for (i = 0; i < 8; i++) {
    if (r->headers[i] != NULL)
      explicit_bzero(r->headers[i], strlen(r->headers[i]));
    free(r->headers[i]);
    r->headers[i] = NULL;
  }
  buf_free(&r->body);
  if (r->userpwd != NULL)
    explicit_bzero(r->userpwd, strlen(r->userpwd));
  free(r->userpwd);
  r->userpwd = NULL;
  free(r->refused);
  r->refused = NULL;
}

int
provider_url_origin(const char *url, struct url_origin *o)
{
  struct http_parser_url u;
  const char *schema, *host;
  size_t slen, hlen, i;

  memset(o, 0, sizeof(*o));
  if (url == NULL)
    return AERR_PARSE;
  http_parser_url_init(&u);
  if (http_parser_parse_url(url, strlen(url), 0, &u) != 0 ||
      !(u.field_set & (1 << UF_SCHEMA)) || !(u.field_set & (1 << UF_HOST)))
    return AERR_PARSE;
  schema = url + u.field_data[UF_SCHEMA].off;
  slen = u.field_data[UF_SCHEMA].len;
  host = url + u.field_data[UF_HOST].off;
  hlen = u.field_data[UF_HOST].len;
  if (slen == 5 && strncasecmp(schema, "https", 5) == 0)
    o->https = 1;
  else if (!(slen == 4 && strncasecmp(schema, "http", 4) == 0))
    return AERR_PARSE;
  if (hlen == 0 || hlen >= sizeof(o->host))
    return AERR_PARSE;
  for (i = 0; i < hlen; i++)
    o->host[i] = (char)tolower((unsigned char)host[i]);
  o->host[hlen] = '\0';
  o->port = (u.field_set & (1 << UF_PORT)) ? u.port : o->https ? 443 : 80;
  return 0;
}

int
provider_same_origin(const struct url_origin *a, const struct url_origin *b)
{
  return a->https == b->https && a->port == b->port &&
         strcmp(a->host, b->host) == 0;
}

int
provider_host_listed(const char *host, const char *list)
{
  size_t n = strlen(host), len;

  while (list != NULL && *list != '\0') {
    list += strspn(list, " \t,");
    len = strcspn(list, " \t,");
    if (len > 0 && len == n && strncasecmp(list, host, n) == 0)
      return 1;
    list += len;
  }
  return 0;
}

int
provider_transport_ok(const struct url_origin *o)
{
  return o->https || netaddr_is_loopback_literal(o->host);
}

void
send_result_free(struct send_result *r)
{
  free(r->provider_id);
  free(r->error);
  free(r->bsuid);
  r->provider_id = NULL;
  r->error = NULL;
  r->bsuid = NULL;
}

void
inbound_set_free(struct inbound_set *s)
{
  int i;

  for (i = 0; i < s->n; i++) {
    struct inbound_msg *m = &s->msgs[i];
    free(m->provider_id);
    free(m->text);
    free(m->media_url);
    free(m->media_id);
    free(m->media_mime);
  }
  free(s->msgs);
  s->msgs = NULL;
  s->n = 0;
  for (i = 0; i < s->nstatuses; i++) {
    free(s->statuses[i].provider_id);
    free(s->statuses[i].error_code);
    free(s->statuses[i].error_text);
  }
  free(s->statuses);
  s->statuses = NULL;
  s->nstatuses = 0;
  for (i = 0; i < s->nchanges; i++)
    free(s->changes[i].provider_id);
  free(s->changes);
  s->changes = NULL;
  s->nchanges = 0;
  s->skipped = 0;
  s->skip_why = NULL;
  free(s->payload);
  s->payload = NULL;
  s->payload_len = 0;
}

/* This thread's tokener (see provider_json_parse); lives as long as the
 * thread. */
static _Thread_local struct json_tokener *json_tok;

/* 1 when p[0..n) is JSON white space alone. */
static int
json_only_space(const char *p, size_t n)
{
  size_t i;

  for (i = 0; i < n; i++)
    if (p[i] != ' ' && p[i] != '\n' && p[i] != '\r' && p[i] != '\t')
      return 0;
  return 1;
}

struct json_object *
provider_json_parse(const char *p, size_t len, int strict, int *oom)
{
  struct json_object *root;
  size_t end;

  *oom = 0;
  if (p == NULL || len == 0 || len > INT_MAX)
    return NULL;
  if (json_tok == NULL) {
    json_tok = json_tokener_new();
    if (json_tok == NULL) {
      *oom = 1;
      return NULL;
    }
  }
  /* Whatever the last text left (an error, a value cut short) goes. */
  json_tokener_reset(json_tok);
  json_tokener_set_flags(json_tok, strict ? JSON_TOKENER_STRICT |
                                            JSON_TOKENER_VALIDATE_UTF8
                                          : 0);
  root = json_tokener_parse_ex(json_tok, p, (int)len);
  if (root == NULL || !strict)
    return root;
  end = json_tokener_get_parse_end(json_tok);
  if (json_tokener_get_error(json_tok) != json_tokener_success ||
      end > len || !json_only_space(p + end, len - end)) {
    json_object_put(root);
    root = NULL;
  }
  return root;
}
