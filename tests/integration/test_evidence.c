/*
 * test_evidence.c: evidence downloads through the real daemon: a photo
 * sent at the evidence step is fetched from the (fake) provider at once,
 * stored under its SHA-256 with mode 0600, and recorded; a failing
 * download is retried, one that cannot succeed fails at once, an
 * oversized one is refused; a late download never lands on another row;
 * files go with the last row referring to them, and with a purged
 * reporter's draft; and, at random (lifecycle), every file stays
 * referenced by exactly the rows it was fetched for.
 */
#include <dirent.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "base/crypto.h"
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

/* SPEC 3: a photo that is a reporter's first message, before any draft,
 * opens a draft and is downloaded at once for it. */
START_TEST(photo_before_a_draft_is_fetched_for_it)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  struct tu_replies r;
  char json[512], *url;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  fakeprov_default(fp, 200, "\xff\xd8\xff\xe0 early photo");
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  url = fakeprov_url(fp, "/media/early.jpg");
  snprintf(json, sizeof(json), "{\"from\":\"081260000009\",\"media\":"
           "{\"url\":\"%s\",\"mime\":\"image/jpeg\"}}", url);
  ck_assert_int_eq(tu_say_json(&d, json, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert(tu_is(&r, 0, "bukti.started"));
  ck_assert(tu_is(&r, r.n - 1, "ask.kategori"));
  tu_replies_free(&r);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=evidence.stored", 10000),
                   0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM evidence e JOIN "
                                 "sessions s ON s.id = e.session_id WHERE "
                                 "e.status = 'stored' AND s.step = "
                                 "'kategori'"), 1);
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

/* A fake provider that answers every path with "content of PATH", then
 * a daemon started with o (NULL: the defaults): for the tests that tell
 * files apart by their paths. */
static void
start_with_content(struct tu_daemon *d, struct fakeprov **fp,
                   const struct tu_daemon_opts *o)
{
  struct tu_daemon_opts none = {0};

  ck_assert_int_eq(fakeprov_start(fp), 0);
  fakeprov_default(*fp, 200, "content of {path}");
  ck_assert_int_eq(tu_daemon_start_opts(d, o != NULL ? o : &none), 0);
}

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

  start_with_content(&d, &fp, NULL);
  fakeprov_hold(fp, "/slow/");
  sha_hex("content of /slow/a.jpg", a_sha);
  sha_hex("content of /fast/b.jpg", b_sha);
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

  start_with_content(&d, &fp, NULL);
  fakeprov_route(fp, "/same/", 200, "one photo, sent twice");
  sha_hex("content of /own/a.jpg", own);
  sha_hex("one photo, sent twice", shared);
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

/* Write body to the file name in d's evidence folder. */
static void
plant_file(struct tu_daemon *d, const char *name, const char *body)
{
  char path[4096];
  FILE *f;

  snprintf(path, sizeof(path), "%s/var/evidence/%s", d->dir, name);
  f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(body, f);
  ck_assert_int_eq(fclose(f), 0);
}

/* At start-up the folder is swept of files no row refers to (left by a
 * crash between a commit and the unlink) and of unfinished downloads;
 * a file a row refers to stays. */
START_TEST(start_up_sweeps_files_without_rows)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char kept[2 * CRYPTO_SHA256_LEN + 1], stray[2 * CRYPTO_SHA256_LEN + 1];
  int status;

  start_with_content(&d, &fp, NULL);
  sha_hex("content of /kept.jpg", kept);
  sha_hex("nobody's photo", stray);
  walk_to_bukti(&d, "081260000061");
  send_media_stored(&d, fp, "081260000061", "/kept.jpg");
  ck_assert_int_eq(tu_daemon_kill(&d, SIGKILL), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 10000, &status), 0);
  plant_file(&d, stray, "nobody's photo");
  plant_file(&d, ".part-99-0", "half a ph");
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  ck_assert(tu_daemon_log_has(&d, "reason=orphan"));
  ck_assert(!evidence_file_exists(&d, stray));
  ck_assert(!evidence_file_exists(&d, ".part-99-0"));
  ck_assert(evidence_file_exists(&d, kept));
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

  sha_hex("content of /filed.jpg", filed);
  sha_hex("content of /loose.jpg", loose);
  snprintf(admin, sizeof(admin), "[admin]\noperators = tester=%d\n",
           (int)getuid());
  o.extra = admin;
  o.storage = "personal_retention = 60d\npurge_every = 0\n";
  start_with_content(&d, &fp, &o);
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
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 10000, &status), 0);
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

/* ---- The evidence lifecycle, at random ------------------------------- */

/*
 * Several reporters send evidence (some of it slow to download, some of
 * it the same content under several URLs), cancel, file, and let drafts
 * expire while downloads are in flight, with the daemon killed and
 * restarted half-way.  Once everything has settled, every file must be
 * referenced by the rows whose URL served exactly its content, every row
 * must have its file, and nothing else may be in the folder.  The seed is
 * printed; ADUAN_TEST_SEED=N replays a run.
 */
#define LIFE_REPORTERS 5
#define LIFE_ACTIONS 70
#define LIFE_SHARED "one photo under several URLs"

struct life {
  struct tu_daemon d;
  struct fakeprov *fp;
  unsigned seed;
  unsigned rng;
  int state[LIFE_REPORTERS];          /* 0 menu, 1 at bukti, 2 expired */
  int media;                          /* URLs handed out so far */
  int stories;
  int sent, cancelled, filed, duplicates, expiries;
};

static unsigned
life_rand(struct life *l, unsigned n)
{
  return (unsigned)rand_r(&l->rng) % n;
}

static void
life_phone(int i, char out[16])
{
  snprintf(out, 16, "0812700000%02d", i);
}

/* What the fake provider serves at path (see life_run's routes). */
static void
life_content(const char *path, char *out, size_t len)
{
  if (strncmp(path, "/same/", 6) == 0)
    snprintf(out, len, "%s", LIFE_SHARED);
  else
    snprintf(out, len, "content of %s", path);
}

/* Say text from reporter i; the key of the last reply must be one of
 * keys (NULL-terminated). */
static void
life_say(struct life *l, int i, const char *text, const char *const *keys)
{
  struct tu_replies r;
  char from[16];
  int k, ok = 0;

  life_phone(i, from);
  ck_assert_int_eq(tu_say(&l->d, from, text, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  for (k = 0; keys[k] != NULL && !ok; k++)
    ok = r.n > 0 && tu_is(&r, r.n - 1, keys[k]);
  ck_assert_msg(ok, "reporter %d, \"%s\": unexpected reply %s", i, text,
                r.n > 0 ? r.v[r.n - 1] : "(none)");
  tu_replies_free(&r);
}

#define LIFE_SAY(l, i, text, ...)                                          \
  do {                                                                     \
    const char *const keys_[] = {__VA_ARGS__, NULL};                       \
    life_say((l), (i), (text), keys_);                                     \
  } while (0)

/* Bring reporter i to the evidence step, with a story of their own or,
 * now and then, one told before (so that filing it is a duplicate). */
static void
life_walk(struct life *l, int i)
{
  char story[512];
  size_t k;

  /* A draft idle past draft_ttl is held, and MENU drops it; past
   * draft_ttl + draft_keep it is gone, and the reporter is told. */
  if (l->state[i] == 2)
    LIFE_SAY(l, i, "MENU", "expired", "menu");
  l->state[i] = 0;
  if (life_rand(l, 3) == 0)
    snprintf(story, sizeof(story), "%s", steps[6][0]);
  else
    tu_story(100 + l->stories++, story, sizeof(story));
  LIFE_SAY(l, i, "MENU", "menu");
  for (k = 1; k < sizeof(steps) / sizeof(steps[0]); k++)
    LIFE_SAY(l, i, k == 6 ? story : steps[k][0], steps[k][1]);
  l->state[i] = 1;
}

static void
life_send_media(struct life *l, int i)
{
  unsigned kind = life_rand(l, 6);
  char path[64], from[16], *url;

  snprintf(path, sizeof(path), "/%s/%d.jpg",
           kind < 2 ? "slow" : kind == 2 ? "same" : "fast", ++l->media);
  life_phone(i, from);
  url = fakeprov_url(l->fp, path);
  send_media(&l->d, from, url, "image/jpeg");
  free(url);
  l->sent++;
}

static void
life_file(struct life *l, int i)
{
  struct tu_replies r;
  char from[16];

  LIFE_SAY(l, i, "LANJUT", "ask.identitas");
  LIFE_SAY(l, i, "3", "konfirmasi");
  life_phone(i, from);
  ck_assert_int_eq(tu_say(&l->d, from, "KIRIM", NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  if (r.n > 0 && tu_is(&r, r.n - 1, "ticket.created")) {
    l->filed++;
  } else {
    /* Like an open ticket: the reporter chooses, by turns adding to it
     * (its evidence goes to that ticket) or dropping the draft. */
    int dup = r.n > 0 && (tu_is(&r, r.n - 1, "duplicate.same") ||
                          tu_is(&r, r.n - 1, "duplicate.other"));
    if (dup && l->duplicates++ % 2 == 0)
      LIFE_SAY(l, i, "TAMBAH", "addition.received", "support.received");
    else if (dup)
      LIFE_SAY(l, i, "BATAL", "cancelled");
  }
  tu_replies_free(&r);
  l->state[i] = 0;
}

/* One random step. */
static void
life_step(struct life *l)
{
  int i = (int)life_rand(l, LIFE_REPORTERS), j;
  unsigned what = life_rand(l, 10);

  if (what == 9) {
    /* A day passes (every open draft is held), or eight (every open
     * draft is gone). */
    ck_assert_int_eq(tu_daemon_advance(&l->d, (life_rand(l, 2) ? 25LL :
                                               8 * 24LL + 1) * 3600 * 1000),
                     0);
    for (j = 0; j < LIFE_REPORTERS; j++)
      if (l->state[j] == 1)
        l->state[j] = 2;
    l->expiries++;
    return;
  }
  if (l->state[i] != 1)
    life_walk(l, i);
  if (what < 6) {
    life_send_media(l, i);
  } else if (what < 8) {
    LIFE_SAY(l, i, "BATAL", "cancelled");
    l->state[i] = 0;
    l->cancelled++;
  } else {
    life_file(l, i);
  }
}

/* Wait (on the daemon's evidence log lines, at most 60 s) until nothing
 * is pending or queued for removal (no queue at all: an older schema).
 * Then no download runs: a temporary file left is a file without a row.
 * Returns a mark of the log taken before the state was read: what the
 * daemon still does for the rows it took comes after it. */
static size_t
life_settle(struct life *l)
{
  time_t end = time(NULL) + 60;

  while (time(NULL) < end) {
    size_t mark = tu_daemon_mark(&l->d);
    if (tu_db_int(&l->d, "SELECT count(*) FROM evidence WHERE status = "
                         "'pending'") == 0 &&
        tu_db_int(&l->d, "SELECT count(*) FROM evidence_dropped") <= 0)
      return mark;
    tu_daemon_wait_log(&l->d, mark, "event=evidence.", 1000);
  }
  ck_abort_msg("evidence did not settle: %lld pending (seed %u)",
               tu_db_int(&l->d, "SELECT count(*) FROM evidence WHERE "
                                "status = 'pending'"), l->seed);
  return 0;
}

/*
 * An empty queue means the batch that took the deleted rows committed;
 * their files are removed (and their downloads stopped) only once that
 * batch is also synced, so a file whose last row went may still be there.
 * Wait, from mark (life_settle's), for the line that says each such entry
 * went: a digest without a row for "evidence.removed sha256=<it>", a
 * temporary file .part-ID-... for "evidence.dropped id=ID".  An entry
 * whose line never comes (at most 30 s in all) is left to be counted.
 */
static void
life_wait_removals(struct life *l, size_t mark)
{
  char dir[4096], sql[512], needle[384];
  time_t end = time(NULL) + 30;
  DIR *dh;
  struct dirent *e;

  snprintf(dir, sizeof(dir), "%s/var/evidence", l->d.dir);
  dh = opendir(dir);
  ck_assert_ptr_nonnull(dh);
  while ((e = readdir(dh)) != NULL) {
    long long id;
    int wait_ms = (int)(end - time(NULL)) * 1000;
    if (strncmp(e->d_name, ".part-", 6) == 0 &&
        sscanf(e->d_name + 6, "%lld", &id) == 1) {
      snprintf(needle, sizeof(needle), "event=evidence.dropped id=%lld ",
               id);
    } else if (strlen(e->d_name) == 2 * CRYPTO_SHA256_LEN &&
               strspn(e->d_name, "0123456789abcdef") ==
                 2 * CRYPTO_SHA256_LEN) {
      snprintf(sql, sizeof(sql), "SELECT count(*) FROM evidence WHERE "
               "sha256 = '%s'", e->d_name);
      if (tu_db_int(&l->d, sql) != 0)
        continue;
      snprintf(needle, sizeof(needle), "event=evidence.removed sha256=%s",
               e->d_name);
    } else {
      continue;
    }
    tu_daemon_wait_log(&l->d, mark, needle, wait_ms > 0 ? wait_ms : 1);
  }
  closedir(dh);
}

/* Each row (id, source_url, status, sha256; l at arg): stored, with the
 * digest of what its URL served, and its file there with that content. */
static void
life_check_row(void *arg, int ncols, const char *const *cols)
{
  struct life *l = arg;
  const char *id = cols[0] != NULL ? cols[0] : "NULL";
  const char *url = cols[1];
  const char *status = cols[2];
  const char *sha = cols[3];
  char want[2 * CRYPTO_SHA256_LEN + 1], got[2 * CRYPTO_SHA256_LEN + 1];
  char content[128], path[4096], *file;
  const char *p = url ? strstr(url, "127.0.0.1:") : NULL;
  size_t len;

  ck_assert_int_eq(ncols, 4);
  ck_assert_ptr_nonnull(p);
  p = strchr(p, '/');
  ck_assert_ptr_nonnull(p);
  ck_assert_msg(status != NULL && strcmp(status, "stored") == 0,
                "row %s (%s) is %s (seed %u)", id, p,
                status ? status : "NULL", l->seed);
  life_content(p, content, sizeof(content));
  sha_hex(content, want);
  ck_assert_msg(sha != NULL && strcmp(sha, want) == 0,
                "row %s (%s) holds another URL's content (seed %u)", id, p,
                l->seed);
  snprintf(path, sizeof(path), "%s/var/evidence/%s", l->d.dir, sha);
  file = tu_read_file(path, &len);
  ck_assert_msg(file != NULL, "row %s: file %s missing (seed %u)", id, sha,
                l->seed);
  {
    unsigned char dg[CRYPTO_SHA256_LEN];
    crypto_sha256(file, len, dg);
    crypto_hex(dg, sizeof(dg), got);
  }
  ck_assert_str_eq(got, sha);
  free(file);
}

START_TEST(evidence_lifecycle_at_random)
{
  struct life l;
  struct tu_daemon_opts o = {0};
  const char *env = getenv("ADUAN_TEST_SEED");
  unsigned seed = env ? (unsigned)strtoul(env, NULL, 10)
                      : (unsigned)time(NULL) ^ (unsigned)getpid();
  int a, files, digests, status;

  memset(&l, 0, sizeof(l));
  l.rng = l.seed = seed;
  fprintf(stderr, "evidence_lifecycle_at_random: seed=%u "
          "(ADUAN_TEST_SEED=%u replays it)\n", seed, seed);
  o.extra = "[limits]\nmessages_per_minute = 0\ntickets_per_day = 0\n";
  start_with_content(&l.d, &l.fp, &o);
  fakeprov_route(l.fp, "/same/", 200, LIFE_SHARED);
  fakeprov_hold(l.fp, "/slow/");
  for (a = 0; a < LIFE_ACTIONS; a++) {
    if (a == LIFE_ACTIONS / 2) {
      /* Killed with downloads in flight, then back. */
      ck_assert_int_eq(tu_daemon_kill(&l.d, SIGKILL), 0);
      ck_assert_int_eq(tu_daemon_wait_exit(&l.d, 10000, &status), 0);
      ck_assert_int_eq(tu_daemon_restart(&l.d), 0);
    }
    life_step(&l);
  }
  fakeprov_release(l.fp);
  life_wait_removals(&l, life_settle(&l));

  ck_assert_int_ge(tu_db_rows(&l.d, "SELECT id, source_url, status, sha256 "
                                    "FROM evidence", life_check_row, &l), 0);
  /* No file without a row: the folder holds exactly the digests of the
   * rows. */
  {
    char dir[4096], first[256];
    snprintf(dir, sizeof(dir), "%s/var/evidence", l.d.dir);
    files = count_files(dir, first, sizeof(first));
  }
  digests = (int)tu_db_int(&l.d, "SELECT count(DISTINCT sha256) FROM "
                                 "evidence");
  fprintf(stderr, "evidence_lifecycle_at_random: seed=%u media=%d "
          "cancelled=%d filed=%d duplicates=%d expiries=%d rows=%lld "
          "files=%d stopped=%d late=%d removed=%d orphans=%d\n", seed,
          l.sent, l.cancelled, l.filed, l.duplicates, l.expiries,
          tu_db_int(&l.d, "SELECT count(*) FROM evidence"), files,
          tu_daemon_log_count(&l.d, "reason=cancelled"),
          tu_daemon_log_count(&l.d, "reason=finished_late"),
          tu_daemon_log_count(&l.d, "event=evidence.removed"),
          tu_daemon_log_count(&l.d, "reason=orphan"));
  ck_assert_msg(files == digests, "%d files for %d digests (seed %u)", files,
                digests, l.seed);
  tu_daemon_cleanup(&l.d);
  fakeprov_stop(l.fp);
}
END_TEST

static Suite *
evidence_suite(void)
{
  Suite *s = suite_create("evidence");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, photo_is_fetched_and_stored_by_digest);
  tcase_add_test(tc, photo_before_a_draft_is_fetched_for_it);
  tcase_add_test(tc, failed_download_is_retried);
  tcase_add_test(tc, oversized_download_is_refused);
  tcase_add_test(tc, private_addresses_are_refused);
  tcase_add_test(tc, late_download_never_lands_on_another_row);
  tcase_add_test(tc, cancelled_draft_files_go_with_their_last_row);
  tcase_add_test(tc, purged_reporter_draft_evidence_goes);
  tcase_add_test(tc, permanent_download_error_fails_at_once);
  tcase_add_test(tc, start_up_sweeps_files_without_rows);
  suite_add_tcase(s, tc);
  tc = tcase_create("lifecycle");
  tcase_set_timeout(tc, 180);
  tcase_add_test(tc, evidence_lifecycle_at_random);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(evidence_suite)
