/*
 * test_evidence.c: the evidence downloader on its own (evidence.h): the
 * service's parts (tu_svc.h), a dev channel, curl on the test loop, a
 * fake provider serving the media, and evidence rows put in the store by
 * hand.  (The integration suite of the same name drives a whole daemon.)
 *
 * A download ends with the row stored and the file named by its SHA-256,
 * pending again (a retryable answer) or failed (an answer no retry
 * mends: too large, an address downloads must not reach).
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "io/commit.h"
#include "conf/config.h"
#include "base/crypto.h"
#include "io/curlev.h"
#include "service/evidence.h"
#include "fakeprov.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "testutil.h"
#include "tu_svc.h"

#define T0 1773540000000LL

static struct tu_svc t;
static struct evidence *ev;

#define WA_MEDIA_ID "5820394716253849"

/* The parts; more is added to the [evidence] section.  with_wa adds a
 * WhatsApp Cloud channel "wa" whose API is the fake provider's /v21.0. */
static void
start_with(const char *more, int with_wa)
{
  struct buf conf = BUF_INIT;
  char *dir, *api;

  tu_svc_open_net(&t, T0);
  dir = tu_path(t.dir, "evidence");
  buf_printf(&conf, "[evidence]\ndir = %s\n%s\n"
             "[channel.dev]\ntype = dev\ntoken = t0k\n", dir, more);
  free(dir);
  if (with_wa) {
    api = fakeprov_url(t.fp, "/v21.0");
    buf_printf(&conf, "[channel.wa]\ntype = whatsapp_cloud\n"
               "api_base = %s\napp_secret = s3cret\nverify_token = v\n"
               "access_token = wa-token\nphone_number_id = 305917264810452\n"
               "media_hosts = 127.0.0.1\n", api);
    free(api);
  }
  tu_svc_config(&t, conf.data);
  buf_free(&conf);
  ck_assert_int_eq(evidence_new(&ev, &t.ctx, t.cv), 0);
  commit_start(t.commit);
}

static void
start(const char *more)
{
  start_with(more, 0);
}

static void
stop(void)
{
  evidence_close(ev, NULL, NULL);
  tu_svc_close_net(&t);
}

/* An evidence row for a message on channel whose media source (what
 * the adapter named it by) is source; its id. */
static int64_t
add_row_on(const char *channel, const char *source)
{
  struct store_inbound in = {0};
  struct store_evidence e = {0};
  int64_t reporter = 0, inbound = 0, id = 0;

  ck_assert_int_eq(store_batch_begin(t.st), 0);
  reporter = tu_svc_reporter(&t, "+6281234567890", T0);
  in.channel = channel;
  in.provider_id = "m1";
  in.reporter_id = reporter;
  in.kind = "media";
  in.payload = "{}";
  in.payload_len = 2;
  in.received_at = T0;
  ck_assert_int_eq(store_inbound_add(t.st, &in, &inbound), 0);
  e.inbound_id = inbound;
  e.mime = "image/jpeg";
  e.source_url = source;
  e.received_at = T0;
  ck_assert_int_eq(store_evidence_add(t.st, &e, &id), 0);
  ck_assert_int_eq(commit_now(t.commit), 0);
  return id;
}

/* An evidence row for a message on "dev" whose media is at path on the
 * fake provider; its id. */
static int64_t
add_row(const char *path)
{
  char *url = fakeprov_url(t.fp, path);
  int64_t id = add_row_on("dev", url);

  free(url);
  return id;
}

/* The row's status and sha256 (NULL when none), into the buffers. */
static void
row_of(int64_t id, char status[16], char sha[80])
{
  sqlite3_stmt *st;
  const unsigned char *v;

  ck_assert_int_eq(sqlite3_prepare_v2(store_sqlite_handle(t.st),
                                      "SELECT status, sha256 FROM evidence "
                                      "WHERE id = ?", -1, &st, NULL),
                   SQLITE_OK);
  sqlite3_bind_int64(st, 1, id);
  ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
  snprintf(status, 16, "%s", (const char *)sqlite3_column_text(st, 0));
  v = sqlite3_column_text(st, 1);
  snprintf(sha, 80, "%s", v != NULL ? (const char *)v : "");
  sqlite3_finalize(st);
}

static int
idle(void *arg)
{
  (void)arg;
  return fakeprov_count(t.fp) >= 1 && evidence_inflight(ev) == 0;
}

/* Start the downloader and run the loop until its first download ends. */
static void
download(void)
{
  ck_assert_int_eq(evidence_start(ev), 0);
  ck_assert_msg(tu_svc_run_until(&t, idle, NULL, 10000) == 0,
                "the download never ended (%d requests)",
                fakeprov_count(t.fp));
}

START_TEST(stored_by_its_digest)
{
  static const char photo[] = "\xff\xd8\xff\xe0 not really a JPEG";
  unsigned char d[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1], status[16], sha[80];
  char *path, *got;
  size_t len = 0;
  int64_t id;

  start("allow_private_addresses = yes");
  fakeprov_route(t.fp, "/media/1", 200, photo);
  id = add_row("/media/1");
  download();
  row_of(id, status, sha);
  ck_assert_str_eq(status, "stored");
  ck_assert_int_eq(crypto_sha256(photo, strlen(photo), d), 0);
  crypto_hex(d, sizeof(d), hex);
  ck_assert_str_eq(sha, hex);
  path = tu_path(t.cfg->evidence.dir, hex);
  got = tu_read_file(path, &len);
  ck_assert_ptr_nonnull(got);
  ck_assert_uint_eq(len, strlen(photo));
  ck_assert_mem_eq(got, photo, len);
  free(got);
  free(path);
  stop();
}
END_TEST

static int
looked_up_and_fetched(void *arg)
{
  (void)arg;
  return fakeprov_count(t.fp) >= 2 && evidence_inflight(ev) == 0;
}

/* A WhatsApp row keeps the media id alone: the downloader looks it up
 * with the channel's token, then fetches the URL the answer names. */
START_TEST(whatsapp_media_by_id)
{
  static const char photo[] = "\xff\xd8\xff\xe0 a photo by WhatsApp";
  struct buf look = BUF_INIT;
  struct fp_request rq;
  char status[16], sha[80], *file;
  int64_t id;

  start_with("allow_private_addresses = yes", 1);
  file = fakeprov_url(t.fp, "/file/1");
  buf_printf(&look, "{\"url\":\"%s\",\"mime_type\":\"image/jpeg\","
             "\"id\":\"" WA_MEDIA_ID "\"}", file);
  fakeprov_route(t.fp, "/v21.0/" WA_MEDIA_ID, 200, look.data);
  fakeprov_route(t.fp, "/file/1", 200, photo);
  id = add_row_on("wa", WA_MEDIA_ID);
  ck_assert_int_eq(evidence_start(ev), 0);
  ck_assert_msg(tu_svc_run_until(&t, looked_up_and_fetched, NULL, 2000) == 0,
                "no look-up and download (%d requests)", fakeprov_count(t.fp));
  row_of(id, status, sha);
  ck_assert_str_eq(status, "stored");
  ck_assert_int_eq(fakeprov_count(t.fp), 2);
  ck_assert_int_eq(fakeprov_request(t.fp, 0, &rq), 0);
  ck_assert_str_eq(rq.path, "/v21.0/" WA_MEDIA_ID);
  ck_assert_str_eq(rq.authorization, "Bearer wa-token");
  fp_request_free(&rq);
  free(file);
  buf_free(&look);
  stop();
}
END_TEST

static int
decided(void *arg)
{
  char status[16], sha[80];

  row_of(*(const int64_t *)arg, status, sha);
  return strcmp(status, "pending") != 0;
}

/* What one answer, or one refusal, leaves the row as. */
START_TEST(outcomes)
{
  static const struct {
    const char *more;          /* [evidence] settings */
    int status;
    int size;                  /* bytes of body */
    const char *row;
  } cases[] = {
    {"allow_private_addresses = yes", 503, 10, "pending"},
    {"allow_private_addresses = yes", 404, 10, "pending"},
    {"allow_private_addresses = yes\nmax_size = 1k", 200, 4000, "failed"},
    {"allow_private_addresses = no", 200, 10, "failed"},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    char *body = malloc((size_t)cases[i].size + 1), status[16], sha[80];
    int64_t id;
    ck_assert_ptr_nonnull(body);
    memset(body, 'x', (size_t)cases[i].size);
    body[cases[i].size] = '\0';
    start(cases[i].more);
    fakeprov_route(t.fp, "/media/1", cases[i].status, body);
    id = add_row("/media/1");
    if (strstr(cases[i].more, "= no") == NULL) {
      download();
    } else {
      /* Refused before anything is sent: wait for the row instead. */
      ck_assert_int_eq(evidence_start(ev), 0);
      ck_assert_int_eq(tu_svc_run_until(&t, decided, &id, 10000), 0);
      ck_assert_int_eq(fakeprov_count(t.fp), 0);
    }
    row_of(id, status, sha);
    ck_assert_msg(strcmp(status, cases[i].row) == 0, "#%zu: %s, not %s", i,
                  status, cases[i].row);
    ck_assert_str_eq(sha, "");
    free(body);
    stop();
  }
}
END_TEST

static Suite *
evidence_suite(void)
{
  Suite *s = suite_create("evidence");
  TCase *tc = tcase_create("downloader");

  tcase_add_test(tc, stored_by_its_digest);
  tcase_add_test(tc, outcomes);
  tcase_add_test(tc, whatsapp_media_by_id);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(evidence_suite)
