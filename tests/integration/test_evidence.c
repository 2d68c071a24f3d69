/*
 * test_evidence.c: evidence downloads through the real daemon: a photo
 * sent at the evidence step is fetched from the (fake) provider at once,
 * stored under its SHA-256 with mode 0600, and recorded; a failing
 * download is retried; an oversized one is refused.
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

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

/* Entries in folder dir other than . and .. (-1 when unreadable); the
 * first one's name in first. */
static int
count_files(const char *dir, char *first, size_t len)
{
  DIR *d = opendir(dir);
  struct dirent *e;
  int n = 0;

  first[0] = '\0';
  if (d == NULL)
    return -1;
  while ((e = readdir(d)) != NULL)
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0 &&
        n++ == 0)
      snprintf(first, len, "%s", e->d_name);
  closedir(d);
  return n;
}

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
  {
    struct tu_daemon_opts o = {0};
    o.evidence = "max_size = 1k\n";
    ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  }
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
 * With [evidence] allow_private_addresses at its default (no), a media URL
 * that leads to this machine is refused however it is written, at once
 * and for good: the row ends "failed" with the reason, the fake provider
 * never sees a request, nothing is stored.  (That the filter also holds
 * for every redirect hop is shown in test_fetchguard.c, since here every
 * first hop is loopback too.)
 */
START_TEST(private_addresses_are_refused)
{
  /* Hosts that all mean this machine. */
  static const char *const hosts[] = {
    "127.0.0.1", "2130706433", "[::1]", "localhost", "0x7f.1",
  };
  const int n = (int)(sizeof(hosts) / sizeof(hosts[0]));
  struct tu_daemon_opts o = {0};
  struct tu_daemon d;
  struct fakeprov *fp;
  char url[128], name[256], *dir;
  int i, files = 0, status;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, "\xff\xd8\xff\xe0 private");
  o.evidence = "allow_private_addresses = no\n";
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  walk_to_bukti(&d, "081260000004");
  /* One at a time, so that each outcome is known before the next. */
  for (i = 0; i < n; i++) {
    size_t mark = tu_daemon_mark(&d);
    snprintf(url, sizeof(url), "http://%s:%d/media/%d.jpg", hosts[i],
             fakeprov_port(fp), i);
    send_media(&d, "081260000004", url, "image/jpeg");
    ck_assert_msg(tu_daemon_wait_log(&d, mark, "event=evidence.failed",
                                     10000) == 0, "%s not refused", url);
  }
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "status = 'failed' AND last_error LIKE "
                                 "'address not allowed%'"), n);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "sha256 IS NOT NULL OR stored_at IS NOT NULL"),
                   0);
  ck_assert(tu_daemon_log_now(&d, "reason=\"address not allowed: 127.0.0.1 "
                                  "(loopback)\""));
  ck_assert(tu_daemon_log_now(&d, "reason=\"address not allowed: ::1 "
                                  "(loopback)\""));
  ck_assert(!tu_daemon_log_now(&d, "event=evidence.retry"));
  ck_assert(!tu_daemon_log_now(&d, "event=evidence.stored"));
  ck_assert_int_eq(fakeprov_count(fp), 0);
  /* Nothing was kept, not even a partial file (looked at once the daemon
   * has stopped, since it removes a partial file after logging). */
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, tu_scaled_ms(10000), &status), 0);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  dir = malloc(strlen(d.dir) + 32);
  snprintf(dir, strlen(d.dir) + 32, "%s/var/evidence", d.dir);
  files = count_files(dir, name, sizeof(name));
  ck_assert_msg(files == 0, "%d files, such as %s", files, name);
  free(dir);
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
  tcase_add_test(tc, private_addresses_are_refused);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(evidence_suite)
