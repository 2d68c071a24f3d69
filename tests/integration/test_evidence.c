/*
 * test_evidence.c: evidence downloads through the real daemon: a photo
 * sent at the evidence step is fetched from the (fake) provider at once,
 * stored under its SHA-256 with mode 0600, and recorded; a failing
 * download is retried; an oversized one is refused.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "crypto.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

static const char *const steps[][2] = {
  {"Halo", "menu"}, {"1", "ask.kategori"}, {"3", "ask.terlapor"},
  {"Kepala Dinas X", "ask.lokasi"}, {"Ende", "ask.waktu"},
  {"kemarin", "ask.kronologi"},
  {"Petugas meminta uang pelicin untuk mengurus izin usaha saya di kantor",
   "kronologi.more"},
  {"LANJUT", "ask.bukti"},
};

static void
walk_to_bukti(struct tu_daemon *d, const char *from)
{
  size_t i;

  for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
    tu_expect(d, from, steps[i][0], steps[i][1]);
}

static void
send_media(struct tu_daemon *d, const char *from, const char *url,
           const char *mime)
{
  struct tu_replies r;
  char json[512];

  snprintf(json, sizeof(json), "{\"from\":\"%s\",\"media\":{\"url\":\"%s\","
           "\"mime\":\"%s\"}}", from, url, mime);
  ck_assert_int_eq(tu_say_json(d, json, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert(tu_is(&r, 0, "bukti.received"));
  tu_replies_free(&r);
}

/* The hex SHA-256 of s. */
static void
sha_hex(const char *s, char hex[2 * CRYPTO_SHA256_LEN + 1])
{
  unsigned char dg[CRYPTO_SHA256_LEN];

  crypto_sha256(s, strlen(s), dg);
  crypto_hex(dg, sizeof(dg), hex);
}

/* 1 when the evidence folder holds a file named name. */
static int
evidence_file_exists(struct tu_daemon *d, const char *name)
{
  char path[4096];
  struct stat st;

  snprintf(path, sizeof(path), "%s/var/evidence/%s", d->dir, name);
  return stat(path, &st) == 0;
}

START_TEST(photo_is_fetched_and_stored_by_digest)
{
  static const char photo[] = "\xff\xd8\xff\xe0 not really a jpeg";
  struct tu_daemon d;
  struct fakeprov *fp;
  unsigned char dg[CRYPTO_SHA256_LEN];
  char hex[2 * CRYPTO_SHA256_LEN + 1], *url, *path, *sha, *file;
  struct stat st;
  size_t len;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, photo);
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk_to_bukti(&d, "081260000001");
  url = fakeprov_url(fp, "/media/photo-1.jpg");
  send_media(&d, "081260000001", url, "image/jpeg");
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.stored", 10000),
                   0);
  crypto_sha256(photo, strlen(photo), dg);
  crypto_hex(dg, sizeof(dg), hex);
  sha = tu_db_text(&d, "SELECT sha256 FROM evidence WHERE status = 'stored'");
  ck_assert_ptr_nonnull(sha);
  ck_assert_str_eq(sha, hex);
  ck_assert_int_eq(tu_db_int(&d, "SELECT size FROM evidence"),
                   (long long)strlen(photo));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "stored_at IS NOT NULL AND mime = "
                                 "'image/jpeg' AND inbound_id IS NOT NULL"),
                   1);
  /* The file is named by its digest, readable by the daemon alone. */
  path = malloc(strlen(d.dir) + 100);
  snprintf(path, strlen(d.dir) + 100, "%s/var/evidence/%s", d.dir, hex);
  ck_assert_int_eq(stat(path, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0600);
  file = tu_read_file(path, &len);
  ck_assert_uint_eq(len, strlen(photo));
  ck_assert_int_eq(memcmp(file, photo, len), 0);
  /* The provider saw one GET for the file. */
  {
    struct fp_request rq;
    ck_assert_int_eq(fakeprov_request(fp, 0, &rq), 0);
    ck_assert_str_eq(rq.method, "GET");
    ck_assert_str_eq(rq.path, "/media/photo-1.jpg");
    fp_request_free(&rq);
  }
  free(file);
  free(path);
  free(sha);
  free(url);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

START_TEST(failed_download_is_retried)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char *url;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_script(fp, 1, 503, NULL, "busy");
  fakeprov_default(fp, 200, "second time lucky");
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk_to_bukti(&d, "081260000002");
  url = fakeprov_url(fp, "/media/doc.pdf");
  send_media(&d, "081260000002", url, "application/pdf");
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.retry", 10000),
                   0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.stored", 20000),
                   0);
  ck_assert_int_eq(fakeprov_count(fp), 2);
  ck_assert_int_eq(tu_db_int(&d, "SELECT attempts FROM evidence"), 1);
  free(url);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

START_TEST(oversized_download_is_refused)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char *big = malloc(4096 + 1), *url;

  memset(big, 'x', 4096);
  big[4096] = '\0';
  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, big);
  ck_assert_int_eq(tu_daemon_start(&d, "[evidence]\nmax_size = 1k\n"), 0);
  walk_to_bukti(&d, "081260000003");
  url = fakeprov_url(fp, "/media/huge.jpg");
  send_media(&d, "081260000003", url, "image/jpeg");
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.failed", 10000),
                   0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "status = 'failed' AND last_error LIKE "
                                 "'larger than%'"), 1);
  free(url);
  free(big);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

/*
 * A download still running when its draft is cancelled must not write into
 * the row the next reporter's evidence gets: the cancelled row's id is
 * never given again, and the late outcome is discarded with its file.
 */
START_TEST(late_download_never_lands_on_another_row)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char a_sha[2 * CRYPTO_SHA256_LEN + 1], b_sha[2 * CRYPTO_SHA256_LEN + 1];
  char *url, *sha;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, "content of {path}");
  fakeprov_hold(fp, "/slow/");
  sha_hex("content of /slow/a.jpg", a_sha);
  sha_hex("content of /fast/b.jpg", b_sha);
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk_to_bukti(&d, "081260000011");
  walk_to_bukti(&d, "081260000012");
  url = fakeprov_url(fp, "/slow/a.jpg");
  send_media(&d, "081260000011", url, "image/jpeg");
  free(url);
  ck_assert_int_eq(fakeprov_wait(fp, 1, 10000), 0);  /* A's is in flight */
  tu_expect(&d, "081260000011", "BATAL", "cancelled");
  url = fakeprov_url(fp, "/fast/b.jpg");
  send_media(&d, "081260000012", url, "image/jpeg");
  free(url);
  fakeprov_release(fp);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.stored", 10000),
                   0);
  /* B's row holds B's photo, whatever finished first. */
  sha = tu_db_text(&d, "SELECT sha256 FROM evidence WHERE status = 'stored'");
  ck_assert_ptr_nonnull(sha);
  ck_assert_str_eq(sha, b_sha);
  free(sha);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.dropped", 10000),
                   0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence"), 1);
  ck_assert(evidence_file_exists(&d, b_sha));
  ck_assert(!evidence_file_exists(&d, a_sha));
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

static Suite *
evidence_suite(void)
{
  Suite *s = suite_create("evidence");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, photo_is_fetched_and_stored_by_digest);
  tcase_add_test(tc, failed_download_is_retried);
  tcase_add_test(tc, oversized_download_is_refused);
  tcase_add_test(tc, late_download_never_lands_on_another_row);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(evidence_suite)
