/*
 * tu_conv.c: a citizen's side of the conversation (see tu_conv.h).
 */
#include "tu_conv.h"

#include <json-c/json.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "conf/catalog.h"
#include "conf/config.h"
#include "base/diag.h"
#include "engine/conv.h"
#include "testutil.h"
#include "tu_sign.h"

static struct catalog *tu_cat;
static pthread_once_t tu_cat_once = PTHREAD_ONCE_INIT;

static void
load_catalog(void)
{
  struct diag d;

  diag_init(&d);
  if (catalog_load(ADUAN_SOURCE_DIR "/config/messages.id.conf",
                   conv_catalog_keys, conv_catalog_nkeys, &tu_cat, &d) != 0)
    tu_cat = NULL;
  diag_free(&d);
}

/* Point a config path at the shipped file config/name. */
static void
set_path(char **field, const char *name)
{
  char *p = tu_path(ADUAN_SOURCE_DIR "/config", name);

  ck_assert_ptr_nonnull(p);
  free(*field);
  *field = p;
}

void
tu_conv_new(struct conv **cv, struct config *cfg)
{
  struct diag d;

  set_path(&cfg->conversation.catalog, "messages.id.conf");
  set_path(&cfg->conversation.places, "wilayah.txt");
  set_path(&cfg->conversation.lexicon, "lexicon.txt");
  set_path(&cfg->conversation.allowlist, "allowlist.txt");
  set_path(&cfg->conversation.stopwords, "stopwords.id.txt");
  set_path(&cfg->conversation.threat_model, "threat-model.txt");
  set_path(&cfg->ticket.holidays, "holidays.txt");
  diag_init(&d);
  ck_assert_int_eq(conv_new(cv, cfg, &d), 0);
  diag_free(&d);
}

static int
parse_replies(const char *body, struct tu_replies *r)
{
  struct json_object *root, *arr;
  size_t i, n;

  root = json_tokener_parse(body ? body : "");
  if (root == NULL)
    return 0;
  if (json_object_object_get_ex(root, "replies", &arr) &&
      json_object_is_type(arr, json_type_array)) {
    n = json_object_array_length(arr);
    r->v = calloc(n + 1, sizeof(char *));
    for (i = 0; r->v != NULL && i < n; i++)
      r->v[r->n++] = strdup(json_object_get_string(
        json_object_array_get_idx(arr, i)));
  }
  json_object_put(root);
  return 0;
}

int
tu_ks_say(struct tu_daemon *d, const char *channel, const char *secret,
          const char *from, const char *text, struct tu_replies *r)
{
  static int seq;
  struct buf t = BUF_INIT;
  struct tu_resp resp;
  long long last, max, i;
  char sql[96];
  int rc = -1;

  memset(r, 0, sizeof(*r));
  last = tu_db_int(d, "SELECT coalesce(max(id), 0) FROM outbox");
  buf_printf(&t, "/webhook/%s?secret=", channel);
  tu_form_enc(&t, secret);
  buf_puts(&t, "&sender=");
  tu_form_enc(&t, from);
  buf_puts(&t, "&receiver=1708&text=");
  tu_form_enc(&t, text);
  buf_printf(&t, "&id=tu-ks-%d-%d&coding=0&charset=UTF-8", (int)getpid(),
             ++seq);
  if (tu_http_ex(d->port, "GET", t.data, NULL, NULL, 0, &resp) == 0) {
    r->status = resp.status;
    rc = resp.status == 200 ? 0 : -1;
    tu_resp_free(&resp);
  }
  buf_free(&t);
  max = tu_db_int(d, "SELECT coalesce(max(id), 0) FROM outbox");
  if (rc != 0 || last < 0 || max < last)
    return -1;
  r->v = calloc((size_t)(max - last) + 1, sizeof(char *));
  for (i = last + 1; r->v != NULL && i <= max; i++) {
    snprintf(sql, sizeof(sql), "SELECT body FROM outbox WHERE id = %lld", i);
    r->v[r->n++] = tu_db_text(d, sql);
  }
  return r->v != NULL ? 0 : -1;
}

int
tu_say_json(struct tu_daemon *d, const char *json, struct tu_replies *r)
{
  struct tu_resp resp;

  memset(r, 0, sizeof(*r));
  if (tu_http(d->port, "POST", "/webhook/dev", "application/json", json,
              &resp) != 0)
    return -1;
  r->status = resp.status;
  parse_replies(resp.body, r);
  tu_resp_free(&resp);
  return 0;
}

int
tu_say(struct tu_daemon *d, const char *from, const char *text,
       const char *id, struct tu_replies *r)
{
  struct json_object *o = json_object_new_object();
  int rc;

  json_object_object_add(o, "from", json_object_new_string(from));
  json_object_object_add(o, "text", json_object_new_string(text));
  if (id != NULL)
    json_object_object_add(o, "id", json_object_new_string(id));
  rc = tu_say_json(d, json_object_to_json_string(o), r);
  json_object_put(o);
  return rc;
}

void
tu_replies_free(struct tu_replies *r)
{
  int i;

  for (i = 0; i < r->n; i++)
    free(r->v[i]);
  free(r->v);
  memset(r, 0, sizeof(*r));
}

const char *
tu_text(const char *key)
{
  static __thread char buf[4096];
  const char *t, *brace;
  size_t n;

  pthread_once(&tu_cat_once, load_catalog);
  if (tu_cat == NULL)
    return NULL;
  t = catalog_text(tu_cat, key, 0);
  if (t == NULL)
    return NULL;
  brace = strchr(t, '{');
  n = brace ? (size_t)(brace - t) : strlen(t);
  if (n >= sizeof(buf))
    n = sizeof(buf) - 1;
  memcpy(buf, t, n);
  buf[n] = '\0';
  return buf;
}

int
tu_is(const struct tu_replies *r, int i, const char *key)
{
  const char *want = tu_text(key);

  if (want == NULL || i < 0 || i >= r->n)
    return 0;
  return strncmp(r->v[i], want, strlen(want)) == 0;
}

const char *
tu_say_key(struct tu_daemon *d, const char *from, const char *text,
           const char *const *keys, char *out, size_t len)
{
  struct tu_replies r;
  const char *got = NULL;
  size_t k;
  int i;

  ck_assert_int_eq(tu_say(d, from, text, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_int_gt(r.n, 0);
  for (i = r.n - 1; i >= 0 && got == NULL; i--)
    for (k = 0; keys[k] != NULL && got == NULL; k++)
      if (tu_is(&r, i, keys[k]))
        got = keys[k];
  snprintf(out, len, "%s", r.v[r.n - 1]);
  tu_replies_free(&r);
  return got;
}

#define TU_STEP_TRIES 3

const char *
tu_answer_step(struct tu_daemon *d, const char *from, const char *text,
               const char *const next[2], char *out, size_t len)
{
  const char *keys[] = {next[0], next[1], "lokasi.pilih", NULL};
  const char *got = NULL;
  int k;

  for (k = 0; k < TU_STEP_TRIES; k++) {
    got = tu_say_key(d, from, got != NULL && strcmp(got, "lokasi.pilih") == 0
                                  ? "1" : text, keys, out, len);
    if (got == next[0] || got == next[1])
      return got;
  }
  return NULL;
}

int
tu_is_sms(const struct tu_replies *r, int i, const char *key)
{
  const char *want, *brace;
  size_t n;

  pthread_once(&tu_cat_once, load_catalog);
  want = tu_cat != NULL ? catalog_text(tu_cat, key, 1) : NULL;
  if (want == NULL || i < 0 || i >= r->n)
    return 0;
  brace = strchr(want, '{');
  n = brace != NULL ? (size_t)(brace - want) : strlen(want);
  return strncmp(r->v[i], want, n) == 0;
}

int
tu_has(const struct tu_replies *r, const char *needle)
{
  int i;

  for (i = 0; i < r->n; i++)
    if (strstr(r->v[i], needle) != NULL)
      return 1;
  return 0;
}

char *
tu_json_str(const char *s)
{
  struct buf b = BUF_INIT;
  char *out;

  buf_json_str(&b, s ? s : "");
  out = strndup(b.data + 1, b.len - 2);
  buf_free(&b);
  return out;
}

void
tu_story(int i, char *out, size_t len)
{
  static const char *const words[] = {
    "petugas", "kepala", "desa", "sekolah", "puskesmas", "jalan", "jembatan",
    "bantuan", "beras", "pupuk", "sapi", "kapal", "pelabuhan", "pasar",
    "retribusi", "izin", "tanah", "sertifikat", "proyek", "dana", "sumur",
    "listrik", "air", "guru", "bidan", "ambulans", "kantor", "camat",
    "lurah", "polisi", "terminal", "bus", "nelayan", "garam", "kopi",
    "tenun", "gereja", "masjid", "pemuda", "koperasi", "bank", "pinjaman",
    "kartu", "beasiswa", "rapor", "ijazah", "obat", "vaksin", "rumah",
    "sakit", "kamar", "mayat", "jenazah", "kebun", "hutan", "kayu", "batu",
    "pasir", "truk", "solar",
  };
  static const char *const glue[] = {"yang", "di", "dan", "untuk",
                                     "dengan", "ke", "dari", "itu"};
  unsigned x = (unsigned)i * 2654435761u + 12345u;
  size_t o = 0, k;

  o += (size_t)snprintf(out, len, "Saya melaporkan bahwa nomor %d", i);
  for (k = 0; k < 14 && o < len; k++) {
    x = x * 1103515245u + 12345u;
    o += (size_t)snprintf(out + o, len - o, " %s %s", glue[k % 8],
                          words[(x >> 16) % (sizeof(words) / sizeof(words[0]))]);
  }
}
