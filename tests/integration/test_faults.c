/*
 * test_faults.c: the database failing under the real daemon (SPEC
 * section 8: "database busy or full: 503, so the provider retries").
 *
 *  - A full disk: the database lives on a small tmpfs that a filler file
 *    fills up.  Webhooks get 503 (never 200, never 500), the daemon stays
 *    up, and once the filler is gone the next webhook gets 200 and is
 *    stored, with nothing done to the daemon.
 *  - A locked database: another connection holds the write lock longer
 *    than [storage] busy_timeout.  Webhooks get 503 with a JSON error;
 *    once the lock is released they get 200.
 *  - A read-only file system: Linux refuses to remount a file system
 *    read-only while a process has a file on it open for writing (EBUSY),
 *    so a running daemon's database cannot be made read-only under it.
 *    What can happen is a daemon started while its database is read-only:
 *    it must refuse to start with a message naming the file (not crash,
 *    not run without a database), and start normally once the file
 *    system is writable again, with everything stored before intact.
 *
 * In every case no webhook answered 200 lacks its inbound row.
 *
 * Mounting needs root (CAP_SYS_ADMIN).  Each test that mounts first moves
 * its process into a mount namespace of its own, so the mount is private
 * to the test and its daemon and disappears with them; without the
 * privilege those tests say so and pass without checking anything.
 */
#define _GNU_SOURCE

#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <signal.h>
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mount.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/buf.h"
#include "fakeprov.h"
#include "base/log.h"
#include "testutil.h"
#include "tu_daemon.h"
#include "tu_pg.h"
#include "tu_sign.h"

#define WA_SECRET "wa-faults-secret"

#define FILL_TRIES 400     /* webhooks posted at most to fill the disk */

/* What a fault test remembers about its webhooks. */
struct sent {
  char ids[FILL_TRIES + 64][32];
  int ok[FILL_TRIES + 64];     /* answered 200 */
  int n;
};

/*
 * Give this test process a mount namespace of its own, with no
 * propagation to the parent's.  0, or -1 when not permitted.
 */
static int
private_mounts(void)
{
  if (unshare(CLONE_NEWNS) != 0)
    return -1;
  if (mount(NULL, "/", NULL, MS_REC | MS_PRIVATE, NULL) != 0)
    return -1;
  return 0;
}

/* setup hook: a tmpfs of the size in arg on the folder "db". */
static int
mount_db(struct tu_daemon *d, void *arg)
{
  char *dir = tu_path(d->dir, "db"), opts[64];
  int rc;

  snprintf(opts, sizeof(opts), "size=%s,mode=0700", (const char *)arg);
  rc = dir != NULL && mkdir(dir, 0700) == 0 &&
       mount("tmpfs", dir, "tmpfs", MS_NOSUID | MS_NODEV, opts) == 0 ? 0 : -1;
  free(dir);
  return rc;
}

/* Start a daemon whose database is on a tmpfs of size.  0, or -1 when
 * mounting is not permitted here (the test is then skipped). */
static int
start_on_tmpfs(struct tu_daemon *d, const char *size, const char *extra)
{
  struct tu_daemon_opts o = {0};

  if (private_mounts() != 0) {
    fprintf(stderr, "faults: cannot mount here (%s): skipped\n",
            strerror(errno));
    return -1;
  }
  o.extra = extra;
  o.db = "db/aduan.db";
  o.setup = mount_db;
  o.arg = (void *)(uintptr_t)size;
  ck_assert_int_eq(tu_daemon_start_opts(d, &o), 0);
  return 0;
}

/* Unmount the tmpfs (lazily: the daemon may still hold it) and clean
 * up. */
static void
finish(struct tu_daemon *d)
{
  char *dir = tu_path(d->dir, "db");

  umount2(dir, MNT_DETACH);
  free(dir);
  tu_daemon_cleanup(d);
}

/* Post message number i (its id "fault-i") from one reporter; remember
 * the answer.  Returns the HTTP status (-1: no answer). */
static int
say(struct tu_daemon *d, struct sent *s, int i, const char *text)
{
  struct tu_resp r;
  int status;

  ck_assert_int_lt(s->n, (int)(sizeof(s->ids) / sizeof(s->ids[0])));
  snprintf(s->ids[s->n], sizeof(s->ids[0]), "fault-%d", i);
  if (tu_dev_say(d->port, "081234567890", text, s->ids[s->n], &r) != 0)
    return -1;
  status = r.status;
  if (status == 503) {
    /* A JSON error that tells the provider to come back. */
    ck_assert_ptr_nonnull(strstr(r.head, "application/json"));
    ck_assert_ptr_nonnull(strstr(r.body, "\"error\""));
  }
  tu_resp_free(&r);
  s->ok[s->n] = status == 200;
  s->n++;
  return status;
}

/* Every webhook answered 200 is stored once; *stored is how many were. */
static void
check_acked_stored(struct tu_daemon *d, const struct sent *s)
{
  char sql[128];
  int i;

  for (i = 0; i < s->n; i++) {
    if (!s->ok[i])
      continue;
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM inbound WHERE "
             "provider_id = '%s'", s->ids[i]);
    ck_assert_msg(tu_db_int(d, sql) == 1, "%s answered 200, not stored",
                  s->ids[i]);
  }
}

static void
check_integrity(struct tu_daemon *d)
{
  char *ok = tu_db_text(d, "SELECT integrity_check FROM "
                           "pragma_integrity_check");

  ck_assert_ptr_nonnull(ok);
  ck_assert_str_eq(ok, "ok");
  free(ok);
}

/* The daemon is up and answers its health check. */
static void
check_alive(struct tu_daemon *d)
{
  struct tu_resp r;

  ck_assert_int_eq(tu_daemon_kill(d, 0), 0);
  ck_assert_int_eq(tu_http(d->port, "GET", "/healthz", NULL, NULL, &r), 0);
  ck_assert(r.status == 200 || r.status == 503);
  tu_resp_free(&r);
}

/* Fill the file system of path with a filler file until it is full.
 * Returns the filler's path (allocated). */
static char *
fill(struct tu_daemon *d)
{
  char *path = tu_path(d->dir, "db/filler");
  static char chunk[4096];
  int fd;

  memset(chunk, 'x', sizeof(chunk));
  fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
  ck_assert_int_ge(fd, 0);
  for (;;) {
    ssize_t w = write(fd, chunk, sizeof(chunk));
    if (w < 0 && errno == EINTR)
      continue;
    if (w < (ssize_t)sizeof(chunk))
      break;
  }
  ck_assert_int_eq(errno, ENOSPC);
  close(fd);
  return path;
}

/* A long text, so that the database grows quickly. */
static void
long_text(char *out, size_t len, int i)
{
  size_t o = 0;

  while (o + 64 < len)
    o += (size_t)snprintf(out + o, len - o, "laporan %d tentang pungutan "
                          "liar di kantor desa. ", i);
}

START_TEST(full_disk_answers_503_and_recovers)
{
  static struct sent s;
  struct tu_daemon d;
  char text[3000], *filler;
  int i, status, first503 = -1, more = 0;

  TU_SQLITE_ONLY("the full disk is a tmpfs under the SQLite file");
  memset(&s, 0, sizeof(s));
  if (start_on_tmpfs(&d, "2m", "[limits]\nmessages_per_minute = 0\n") != 0)
    return;
  long_text(text, sizeof(text), 0);
  ck_assert_int_eq(say(&d, &s, 0, text), 200);
  filler = fill(&d);

  /* Post until the disk is noticed: every answer is 200 or 503. */
  for (i = 1; i < FILL_TRIES && first503 < 0; i++) {
    long_text(text, sizeof(text), i);
    status = say(&d, &s, i, text);
    ck_assert_msg(status == 200 || status == 503, "message %d: %d", i,
                  status);
    if (status == 503)
      first503 = i;
  }
  ck_assert_msg(first503 > 0, "%d webhooks on a full disk, no 503",
                FILL_TRIES);
  /* Still full: still 503, and the daemon stays up. */
  for (; more < 3; more++, i++) {
    status = say(&d, &s, i, text);
    ck_assert_int_eq(status, 503);
  }
  check_alive(&d);
  check_acked_stored(&d, &s);
  ck_assert(tu_daemon_log_has(&d, "err=ENOSPC"));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound WHERE "
                                 "provider_id = 'fault-1' OR "
                                 "provider_id = 'fault-0'"),
                   first503 > 1 ? 2 : 1);

  /* Space again: the next webhook is stored, with no help. */
  ck_assert_int_eq(unlink(filler), 0);
  status = say(&d, &s, i, "halo lagi");
  ck_assert_int_eq(status, 200);
  /* The provider's retry of the refused one is stored now too. */
  {
    struct tu_resp r;
    char id[32];
    snprintf(id, sizeof(id), "fault-%d", first503);
    ck_assert_int_eq(tu_dev_say(d.port, "081234567890", text, id, &r), 0);
    ck_assert_int_eq(r.status, 200);
    tu_resp_free(&r);
    s.ok[first503] = 1;
  }
  check_acked_stored(&d, &s);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"),
                   tu_db_int(&d, "SELECT count(DISTINCT provider_id) FROM "
                                 "inbound"));
  check_integrity(&d);
  fprintf(stderr, "faults: full disk: %d webhooks stored before the first "
          "503, %d answered 503, recovered with 200\n", first503,
          more + 1);
  free(filler);
  finish(&d);
}
END_TEST

START_TEST(locked_database_answers_503_until_released)
{
  static struct sent s;
  struct tu_daemon_opts o = {0};
  struct tu_daemon d;
  sqlite3 *db = NULL;
  size_t mark;
  int i;

  TU_SQLITE_ONLY("the lock is SQLite's write lock on its file");
  memset(&s, 0, sizeof(s));
  o.storage = "busy_timeout = 200ms\n";
  o.extra = "[limits]\nmessages_per_minute = 0\n";
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  ck_assert_int_eq(say(&d, &s, 0, "Halo"), 200);

  /* Another process's transaction holds the write lock. */
  ck_assert_int_eq(sqlite3_open_v2(d.db, &db, SQLITE_OPEN_READWRITE, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   SQLITE_OK);
  mark = tu_daemon_mark(&d);
  for (i = 1; i <= 3; i++)
    ck_assert_int_eq(say(&d, &s, i, "1"), 503);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=store.unavailable",
                                      5000), 0);
  ck_assert(tu_daemon_log_has(&d, "err=EBUSY"));
  check_alive(&d);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 1);

  /* Released: the provider's retries go through, once each. */
  ck_assert_int_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
  for (i = 1; i <= 3; i++) {
    struct tu_resp r;
    ck_assert_int_eq(tu_dev_say(d.port, "081234567890", "1", s.ids[i], &r),
                     0);
    ck_assert_int_eq(r.status, 200);
    tu_resp_free(&r);
    s.ok[i] = 1;
  }
  check_acked_stored(&d, &s);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 4);
  /* The conversation moved once for "1" and then saw two more. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM sessions WHERE step "
                                 "<> 'menu'"), 1);
  check_integrity(&d);
  sqlite3_close(db);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A signed WhatsApp text message; the HTTP status. */
static int
wa_say(struct tu_daemon *d, const char *id, const char *text)
{
  struct buf b = BUF_INIT;
  struct tu_resp r;
  char *sig, head[160];
  int status = -1;

  buf_printf(&b, "{\"object\":\"whatsapp_business_account\",\"entry\":[{"
             "\"id\":\"1\",\"changes\":[{\"value\":{\"messaging_product\":"
             "\"whatsapp\",\"metadata\":{\"display_phone_number\":\"62821\","
             "\"phone_number_id\":\"112233445566778\"},\"messages\":[{"
             "\"from\":\"6281234567890\",\"id\":\"%s\",\"timestamp\":"
             "\"1773469800\",\"type\":\"text\",\"text\":{\"body\":\"%s\"}}]},"
             "\"field\":\"messages\"}]}]}", id, text);
  sig = tu_whatsapp_signature(b.data, b.len, WA_SECRET);
  snprintf(head, sizeof(head), "Content-Type: application/json\r\n"
           "X-Hub-Signature-256: %s\r\n", sig);
  if (tu_http_ex(d->port, "POST", "/webhook/wa", head, b.data, b.len,
                 &r) == 0) {
    status = r.status;
    tu_resp_free(&r);
  }
  free(sig);
  buf_free(&b);
  return status;
}

/*
 * The disk fills while a reply is with the provider: its outcome cannot
 * be recorded.  Once there is room again the reply must end "sent" (or be
 * sent again) without a restart, rather than stay "sending" for good.
 */
/* A fake provider and a daemon with a WhatsApp channel on it, its
 * database on a tmpfs; backoff is the [outbox] backoff_base.  0, or -1
 * when mounting is not permitted (nothing is left running). */
static int
start_wa(struct tu_daemon *d, struct fakeprov **fp, const char *backoff)
{
  struct buf conf = BUF_INIT;
  int rc;

  log_setup(LOG_WARN, 0);
  ck_assert_int_eq(fakeprov_start(fp), 0);
  buf_printf(&conf, "[outbox]\nbackoff_base = %s\nbackoff_max = 4s\n"
             "timeout = 30s\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " WA_SECRET
             "\nverify_token = v\naccess_token = a\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\n", backoff,
             fakeprov_port(*fp));
  rc = start_on_tmpfs(d, "2m", conf.data);
  buf_free(&conf);
  if (rc != 0)
    fakeprov_stop(*fp);
  return rc;
}

START_TEST(full_disk_while_sending_recovers)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char *filler;
  size_t mark;
  int sent;

  TU_SQLITE_ONLY("the full disk is a tmpfs under the SQLite file");
  if (start_wa(&d, &fp, "100ms") != 0)
    return;
  fakeprov_stall(fp, 1);
  ck_assert_int_eq(wa_say(&d, "wamid.full1", "Halo"), 200);
  ck_assert_int_eq(fakeprov_wait(fp, 1, 10000), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "status = 'sending'"), 1);

  /* The provider accepts while the disk is full. */
  filler = fill(&d);
  mark = tu_daemon_mark(&d);
  fakeprov_stall(fp, 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "err=ENOSPC", 10000), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "status = 'sent'"), 0);

  /* Room again: the reply ends sent, with no restart. */
  ck_assert_int_eq(unlink(filler), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=outbox.sent", 10000),
                   0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE "
                                 "status = 'sent'"), 1);
  /* Once or twice: at least once, within the contract. */
  sent = fakeprov_count(fp);
  ck_assert_int_le(sent, 2);
  /* And the sender carries on. */
  ck_assert_int_eq(wa_say(&d, "wamid.full2", "1"), 200);
  ck_assert_int_eq(fakeprov_wait(fp, sent + 1, 10000), 0);
  check_integrity(&d);
  free(filler);
  finish(&d);
  fakeprov_stop(fp);
}
END_TEST

/*
 * A reply falls due while the disk is full: it must not be sent at all
 * until its "sending" mark can be committed, or every poll would send it
 * again.
 */
START_TEST(full_disk_sends_nothing_twice)
{
  struct tu_daemon d;
  struct fakeprov *fp;
  char *filler;
  size_t mark;

  TU_SQLITE_ONLY("the full disk is a tmpfs under the SQLite file");
  if (start_wa(&d, &fp, "2s") != 0)
    return;
  /* The first attempt fails: the row waits a second or two, queued. */
  fakeprov_script(fp, 1, 500, NULL, "{}");
  ck_assert_int_eq(wa_say(&d, "wamid.due1", "Halo"), 200);
  ck_assert_int_eq(tu_daemon_wait_log(&d, 0, "event=outbox.retry", 10000),
                   0);
  filler = fill(&d);
  /* It falls due on a full disk: two polls fail... */
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=store.commit_failed",
                                      10000), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=store.commit_failed",
                                      10000), 0);
  /* ...and nothing went out. */
  ck_assert_int_eq(fakeprov_count(fp), 1);
  ck_assert_int_eq(unlink(filler), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=outbox.sent", 10000),
                   0);
  ck_assert_int_eq(fakeprov_count(fp), 2);
  ck_assert_int_eq(tu_db_int(&d, "SELECT attempts FROM outbox WHERE "
                                 "status = 'sent'"), 2);
  free(filler);
  finish(&d);
  fakeprov_stop(fp);
}
END_TEST

/* Remount the tmpfs of d's database read-only (ro 1) or writable. */
static int
remount(struct tu_daemon *d, int ro)
{
  char *dir = tu_path(d->dir, "db");
  int rc = mount(NULL, dir, NULL, MS_REMOUNT | MS_NOSUID | MS_NODEV |
                 (ro ? MS_RDONLY : 0), NULL);

  if (rc != 0)
    rc = -errno;
  free(dir);
  return rc;
}

START_TEST(read_only_database_refuses_start_then_recovers)
{
  static struct sent s;
  struct tu_daemon d;
  size_t mark;
  int status;

  TU_SQLITE_ONLY("the read-only file system holds the SQLite file");
  memset(&s, 0, sizeof(s));
  if (start_on_tmpfs(&d, "4m", NULL) != 0)
    return;
  ck_assert_int_eq(say(&d, &s, 0, "Halo"), 200);

  /* While the daemon writes there, Linux will not make it read-only. */
  ck_assert_int_eq(remount(&d, 1), -EBUSY);
  ck_assert_int_eq(say(&d, &s, 1, "1"), 200);

  /* Stopped, it can be; a daemon started then must refuse clearly. */
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 20000, &status), 0);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  ck_assert_int_eq(remount(&d, 1), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_restart(&d), -1);
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 20000, &status), 0);
  ck_assert_msg(WIFEXITED(status) && WEXITSTATUS(status) == 1,
                "a daemon on a read-only database ended with status %#x",
                status);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=server.init_failed",
                                      1000), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "aduan.db", 1000), 0);
  /* What was stored is intact, and readable as it lies. */
  {
    char *uri = malloc(strlen(d.db) + 32);
    sqlite3 *db = NULL;
    sqlite3_stmt *st = NULL;
    snprintf(uri, strlen(d.db) + 32, "file:%s?immutable=1", d.db);
    ck_assert_int_eq(sqlite3_open_v2(uri, &db, SQLITE_OPEN_READONLY |
                                     SQLITE_OPEN_URI, NULL), SQLITE_OK);
    ck_assert_int_eq(sqlite3_prepare_v2(db, "SELECT count(*) FROM inbound "
                                        "WHERE provider_id IN ('fault-0', "
                                        "'fault-1')", -1, &st, NULL),
                     SQLITE_OK);
    ck_assert_int_eq(sqlite3_step(st), SQLITE_ROW);
    ck_assert_int_eq(sqlite3_column_int(st, 0), 2);
    sqlite3_finalize(st);
    sqlite3_close(db);
    free(uri);
  }

  /* Writable again: it starts and serves, nothing lost. */
  ck_assert_int_eq(remount(&d, 0), 0);
  ck_assert_int_eq(tu_daemon_restart(&d), 0);
  ck_assert_int_eq(say(&d, &s, 2, "3"), 200);
  check_acked_stored(&d, &s);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"), 3);
  check_integrity(&d);
  finish(&d);
}
END_TEST

static Suite *
faults_suite(void)
{
  Suite *s = suite_create("faults");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, full_disk_answers_503_and_recovers);
  tcase_add_test(tc, full_disk_while_sending_recovers);
  tcase_add_test(tc, full_disk_sends_nothing_twice);
  tcase_add_test(tc, locked_database_answers_503_until_released);
  tcase_add_test(tc, read_only_database_refuses_start_then_recovers);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(faults_suite)
