/*
 * provider_dev.c: the `dev` channel, for local trials and `aduanctl chat`.
 *
 *   POST /webhook/NAME  Content-Type: application/json
 *   {"from": "+6281234567890", "text": "...", "id": "optional-unique-id"}
 *   (or "location": {"lat": .., "lng": ..}, or "media": {"url", "mime"})
 *
 * Replies go back inline: {"replies": ["...", ...]}.  When the channel has
 * a token, the request must carry it as X-Aduan-Token or ?token=.
 *
 * Text and caption are handed on as clean UTF-8, as every adapter hands
 * them on: json-c's UTF-8 check lets overlong forms and encoded
 * surrogates through, so each byte that is not well-formed UTF-8, and each
 * "\u0000", becomes U+FFFD (see utf8_sanitize).  A "\u0000" in a field
 * that identifies the message (from, id, media url and mime) refuses the
 * body instead: read as a C string the field would be cut short.
 */
#include <json-c/json.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/crypto.h"
#include "base/err.h"
#include "base/form.h"
#include "provider/provider.h"
#include "base/utf8.h"

#define DEV_ID_MAX 128

static int
dev_verify(const struct config *cfg, const struct config_channel *ch,
           const struct httpd_request *req)
{
  const char *given;
  struct form q;
  int ok;

  (void)cfg;
  if (ch->token == NULL || ch->token[0] == '\0')
    return 0;
  given = httpd_header(req, "X-Aduan-Token");
  if (given != NULL)
    return crypto_equal(given, strlen(given), ch->token, strlen(ch->token))
             ? 0 : AERR_AUTH;
  if (form_parse(&q, req->query, strlen(req->query)) != 0)
    return AERR_AUTH;
  given = form_get(&q, "token");
  ok = given != NULL &&
       crypto_equal(given, strlen(given), ch->token, strlen(ch->token));
  form_free(&q);
  return ok ? 0 : AERR_AUTH;
}

/* 1 when the Content-Type names JSON (parameters such as charset allowed). */
static int
is_json(const char *ctype)
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
get_number(struct json_object *o, const char *key, double *out)
{
  struct json_object *v;

  if (!json_object_object_get_ex(o, key, &v))
    return -1;
  if (!json_object_is_type(v, json_type_double) &&
      !json_object_is_type(v, json_type_int))
    return -1;
  *out = json_object_get_double(v);
  return 0;
}

/* The JSON string v as a C string, or NULL when it holds a "\u0000":
 * then its C length is not its length and reading it as a C string would
 * cut it short. */
static const char *
c_string(struct json_object *v)
{
  const char *s = json_object_get_string(v);

  return strlen(s) == (size_t)json_object_get_string_len(v) ? s : NULL;
}

/* The string member key of o, or NULL when it is absent or not a
 * string; *nul is set when it is a string with a "\u0000" inside. */
static const char *
get_string(struct json_object *o, const char *key, int *nul)
{
  struct json_object *v;
  const char *s;

  if (!json_object_object_get_ex(o, key, &v) ||
      !json_object_is_type(v, json_type_string))
    return NULL;
  s = c_string(v);
  if (s == NULL)
    *nul = 1;
  return s;
}

/* The JSON string v as clean UTF-8 (allocated), embedded NULs included in
 * the cleaning; NULL when out of memory. */
static char *
clean_text(struct json_object *v)
{
  return utf8_sanitize(json_object_get_string(v),
                       (size_t)json_object_get_string_len(v));
}

/* Fill m from the parsed object; returns a reason on failure, else NULL. */
static const char *
dev_fill(struct json_object *root, struct inbound_msg *m)
{
  struct json_object *v;
  const char *s;
  char idbuf[40];
  unsigned char rnd[16];
  int nul = 0;

  s = get_string(root, "from", &nul);
  if (nul)
    return "field 'from' must not contain a NUL character";
  if (s == NULL)
    return "field 'from' (string) is required";
  if (phone_normalize(s, m->phone) != 0)
    return "field 'from' is not a phone number";

  if (json_object_object_get_ex(root, "id", &v) &&
      !json_object_is_type(v, json_type_null)) {
    if (!json_object_is_type(v, json_type_string))
      return "field 'id' must be a string";
    s = c_string(v);
    if (s == NULL)
      return "field 'id' must not contain a NUL character";
    if (s[0] == '\0' || strlen(s) > DEV_ID_MAX)
      return "field 'id' must be 1 to 128 characters";
    m->provider_id = strdup(s);
  } else {
    /* No id: every post is a new message. */
    if (crypto_random(rnd, sizeof(rnd)) != 0)
      return "no random source";
    memcpy(idbuf, "dev-", 4);
    crypto_hex(rnd, sizeof(rnd), idbuf + 4);
    m->provider_id = strdup(idbuf);
  }
  if (m->provider_id == NULL)
    return "out of memory";

  if (json_object_object_get_ex(root, "text", &v)) {
    if (!json_object_is_type(v, json_type_string))
      return "field 'text' must be a string";
    m->kind = MSG_TEXT;
    m->text = clean_text(v);
    return m->text ? NULL : "out of memory";
  }
  if (json_object_object_get_ex(root, "location", &v)) {
    if (!json_object_is_type(v, json_type_object) ||
        get_number(v, "lat", &m->lat) != 0 ||
        get_number(v, "lng", &m->lng) != 0)
      return "field 'location' needs numbers 'lat' and 'lng'";
    if (m->lat < -90 || m->lat > 90 || m->lng < -180 || m->lng > 180)
      return "field 'location' is out of range";
    m->kind = MSG_LOCATION;
    return NULL;
  }
  if (json_object_object_get_ex(root, "media", &v)) {
    struct json_object *caption;
    const char *url, *mime;
    if (!json_object_is_type(v, json_type_object))
      return "field 'media' must be an object";
    url = get_string(v, "url", &nul);
    mime = get_string(v, "mime", &nul);
    if (nul)
      return "field 'media' must not contain a NUL character";
    if (url == NULL || mime == NULL)
      return "field 'media' needs strings 'url' and 'mime'";
    m->kind = MSG_MEDIA;
    m->media_url = strdup(url);
    m->media_mime = strdup(mime);
    if (json_object_object_get_ex(v, "caption", &caption) &&
        json_object_is_type(caption, json_type_string)) {
      m->text = clean_text(caption);
      if (m->text == NULL)
        return "out of memory";
    }
    return m->media_url && m->media_mime ? NULL : "out of memory";
  }
  return "one of 'text', 'location' or 'media' is required";
}

static int
dev_parse(const struct config_channel *ch, const struct httpd_request *req,
          struct inbound_set *out, const char **why)
{
  struct json_object *root;
  struct inbound_msg *m;
  const char *reason;
  int oom;

  (void)ch;
  if (!is_json(httpd_header(req, "Content-Type"))) {
    *why = "content type must be application/json";
    return AERR_PARSE;
  }
  if (req->body.len == 0) {
    *why = "body is empty";
    return AERR_PARSE;
  }
  root = provider_json_parse(req->body.data, req->body.len, 1, &oom);
  if (root == NULL) {
    *why = oom ? "out of memory" : "body is not valid JSON";
    return oom ? -ENOMEM : AERR_PARSE;
  }
  if (!json_object_is_type(root, json_type_object)) {
    json_object_put(root);
    *why = "body must be a JSON object";
    return AERR_PARSE;
  }
  m = inbound_set_add(out);
  if (m == NULL) {
    json_object_put(root);
    *why = "out of memory";
    return -ENOMEM;
  }
  reason = dev_fill(root, m);
  json_object_put(root);
  if (reason != NULL) {
    *why = reason;
    return AERR_PARSE;
  }
  return 0;
}

const struct provider_ops provider_dev = {
  .type = CHANNEL_DEV,
  .family = "dev",
  .inline_replies = 1,
  .console = 1,
  .verify = dev_verify,
  .parse = dev_parse,
};
