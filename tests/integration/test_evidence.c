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
#include <sys/wait.h>
#include <unistd.h>

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

/* send_media, then wait until the download is recorded as stored. */
static void
send_media_stored(struct tu_daemon *d, struct fakeprov *fp, const char *from,
                  const char *path)
{
  size_t mark = tu_daemon_mark(d);
  char *url = fakeprov_url(fp, path);

  send_media(d, from, url, "image/jpeg");
  free(url);
  ck_assert_int_eq(tu_daemon_wait_log(d, mark, "event=evidence.stored",
                                      10000), 0);
}

/*
 * Files are named by content, so one file may serve several rows: it goes
 * with the last row that refers to it, and only then.
 */
START_TEST(cancelled_draft_files_go_with_their_last_row)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char own[2 * CRYPTO_SHA256_LEN + 1], shared[2 * CRYPTO_SHA256_LEN + 1];
  size_t mark;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, "content of {path}");
  fakeprov_route(fp, "/same/", 200, "one photo, sent twice");
  sha_hex("content of /own/a.jpg", own);
  sha_hex("one photo, sent twice", shared);
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk_to_bukti(&d, "081260000031");
  walk_to_bukti(&d, "081260000032");
  send_media_stored(&d, fp, "081260000031", "/own/a.jpg");
  send_media_stored(&d, fp, "081260000031", "/same/1.jpg");
  send_media_stored(&d, fp, "081260000032", "/same/2.jpg");
  ck_assert(evidence_file_exists(&d, own));
  ck_assert(evidence_file_exists(&d, shared));

  /* A cancels: A's own file goes, the shared one stays for B. */
  mark = tu_daemon_mark(&d);
  tu_expect(&d, "081260000031", "BATAL", "cancelled");
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=evidence.removed", 10000),
                   0);
  ck_assert(!evidence_file_exists(&d, own));
  ck_assert(evidence_file_exists(&d, shared));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence"), 1);

  /* B cancels: the last row that referred to it is gone, so is the file. */
  mark = tu_daemon_mark(&d);
  tu_expect(&d, "081260000032", "BATAL", "cancelled");
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=evidence.removed", 10000),
                   0);
  ck_assert(!evidence_file_exists(&d, shared));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence"), 0);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

/* Run `aduanctl -s SOCK args...` against d; its exit code. */
static int
ctl(struct tu_daemon *d, const char *a1, const char *a2, const char *a3,
    const char *a4, const char *a5)
{
  char *sock = tu_path(d->dir, "var/admin.sock"), *out = NULL, *err = NULL;
  const char *argv[] = {ADUANCTL_BIN, "-s", sock, a1, a2, a3, a4, a5, NULL};
  int st = -1;

  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert_msg(WIFEXITED(st) && WEXITSTATUS(st) == 0, "%s %s", out, err);
  free(out);
  free(err);
  free(sock);
  return WEXITSTATUS(st);
}

/*
 * The retention purge removes the evidence of a purged reporter's draft
 * (never filed) with the draft, rows and files; a ticket's evidence stays
 * with the ticket, as the ticket does.
 */
START_TEST(purged_reporter_draft_evidence_goes)
{
  struct tu_daemon d;
  struct tu_daemon_opts o = {0};
  struct fakeprov *fp;
  char filed[2 * CRYPTO_SHA256_LEN + 1], loose[2 * CRYPTO_SHA256_LEN + 1];
  char admin[64], sql[200], *number;
  size_t mark;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, "content of {path}");
  sha_hex("content of /filed.jpg", filed);
  sha_hex("content of /loose.jpg", loose);
  snprintf(admin, sizeof(admin), "[admin]\noperators = tester=%d\n",
           (int)getuid());
  o.extra = admin;
  o.storage = "personal_retention = 60d\npurge_every = 0\n";
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  /* A files a report with a photo; the ticket is then closed. */
  walk_to_bukti(&d, "081260000041");
  send_media_stored(&d, fp, "081260000041", "/filed.jpg");
  tu_expect(&d, "081260000041", "LANJUT", "ask.identitas");
  tu_expect(&d, "081260000041", "3", "konfirmasi");
  tu_expect(&d, "081260000041", "KIRIM", "ticket.created");
  number = tu_db_text(&d, "SELECT number FROM tickets");
  ck_assert_ptr_nonnull(number);
  ctl(&d, "status", number, "diverifikasi", "--note", "Lengkap.");
  ctl(&d, "status", number, "ditolak", "--note",
      "terlalu_umum: mohon laporkan lagi lebih rinci.");
  /* B leaves a draft with a photo. */
  walk_to_bukti(&d, "081260000042");
  send_media_stored(&d, fp, "081260000042", "/loose.jpg");

  ck_assert_int_eq(tu_daemon_advance(&d, 61LL * 24 * 3600 * 1000), 0);
  mark = tu_daemon_mark(&d);
  ctl(&d, "purge", "--json", NULL, NULL, NULL);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM reporters WHERE "
                                 "purged_at IS NOT NULL"), 2);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=evidence.removed", 10000),
                   0);
  ck_assert(!evidence_file_exists(&d, loose));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "ticket_id IS NULL"), 0);
  ck_assert(evidence_file_exists(&d, filed));
  snprintf(sql, sizeof(sql), "SELECT count(*) FROM evidence WHERE ticket_id "
           "IS NOT NULL AND sha256 = '%s'", filed);
  ck_assert_int_eq(tu_db_int(&d, sql), 1);
  free(number);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

/* A URL no retry can help (a protocol not allowed, a malformed URL)
 * fails at once instead of being retried for retry_for. */
START_TEST(permanent_download_error_fails_at_once)
{
  static const char *const urls[] = {"ftp://127.0.0.1:1/photo.jpg",
                                     "http://exa mple/photo.jpg"};
  struct tu_daemon d;
  size_t mark, i;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  walk_to_bukti(&d, "081260000051");
  for (i = 0; i < sizeof(urls) / sizeof(urls[0]); i++) {
    mark = tu_daemon_mark(&d);
    send_media(&d, "081260000051", urls[i], "image/jpeg");
    ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=evidence.failed",
                                        5000), 0);
  }
  ck_assert(!tu_daemon_log_now(&d, "event=evidence.retry"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence WHERE "
                                 "status = 'failed' AND attempts = 1"), 2);
  tu_daemon_cleanup(&d);
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
  tcase_add_test(tc, cancelled_draft_files_go_with_their_last_row);
  tcase_add_test(tc, purged_reporter_draft_evidence_goes);
  tcase_add_test(tc, permanent_download_error_fails_at_once);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(evidence_suite)
