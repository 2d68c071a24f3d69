/*
 * test_pg_store.c: the PostgreSQL backend's connection, migrations,
 * batches and reconnects, against the test cluster (skipped without it).
 */
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/err.h"
#include "store/migrate.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_pg.h"

static struct store *
open_pg_opts(const char *conninfo, int readonly, int caller_syncs, int *rc,
             char *err, size_t len)
{
  struct store_opts o = {0};
  struct store *st = NULL;

  o.backend = "postgres";
  o.conninfo = conninfo;
  o.busy_timeout_ms = 2000;
  o.readonly = readonly;
  o.caller_syncs = caller_syncs;
  o.instance = "test";
  *rc = store_open(&st, &o, err, len);
  return st;
}

static struct store *
open_pg(const char *conninfo, int readonly, int *rc, char *err, size_t len)
{
  return open_pg_opts(conninfo, readonly, 0, rc, err, len);
}

/* One batch that writes a row (a new reporter) and commits. */
static void
commit_one(struct store *st, int i)
{
  char phone[32];
  int64_t id = 0;

  snprintf(phone, sizeof(phone), "+6281200%06d", i);
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_reporter_ensure(st, phone, 1000 + i, &id), 0);
  ck_assert_int_gt(id, 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
}

/* Sessions of the database ci names (its last "dbname=") whose
 * application_name is app. */
static int64_t
sessions_named(const char *admin, const char *ci, const char *app)
{
  char sql[256];

  snprintf(sql, sizeof(sql), "SELECT count(*) FROM pg_stat_activity WHERE "
           "datname = '%s' AND application_name = '%s'",
           strrchr(ci, '=') + 1, app);
  return tu_pg_int(admin, sql, 0, 0);
}

/* A new database is migrated to this binary's last version and records
 * every migration once; opening it again applies nothing. */
START_TEST(test_open_migrates_once)
{
  char *ci = tu_pg_newdb(), err[256];
  int rc, version = 0, n = 0;
  struct store *st = open_pg(ci, 0, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  ck_assert_int_eq(store_schema_version(st, &version), 0);
  ck_assert_int_eq(version, migrate_latest(migrate_builtin_pg));
  ck_assert_int_eq(store_ping(st), 0);
  store_close(st);
  while (migrate_builtin_pg[n].version != 0)
    n++;
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM schema_migrations",
                             0, 0), n);
  st = open_pg(ci, 0, &rc, err, sizeof(err));
  ck_assert_msg(rc == 0, "reopen: %s", err);
  store_close(st);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM schema_migrations",
                             0, 0), n);
  /* The same tables as SQLite: one of each family is there. */
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM information_schema"
                             ".tables WHERE table_name IN ('reporters',"
                             "'inbound','sessions','tickets','outbox')",
                             0, 0), 5);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* A database newer than the binary is refused, untouched; a read-only
 * store opens a current one and writes nothing. */
START_TEST(test_newer_refused_readonly)
{
  char *ci = tu_pg_newdb(), err[256];
  int rc;
  struct store *st = open_pg(ci, 0, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  store_close(st);
  st = open_pg(ci, 1, &rc, err, sizeof(err));
  ck_assert_msg(rc == 0, "read-only open: %s", err);
  ck_assert_int_eq(store_ping(st), 0);
  store_close(st);
  tu_pg_exec(ci, "INSERT INTO schema_migrations VALUES (9999, "
                 "'9999_future.sql', 0)");
  st = open_pg(ci, 0, &rc, err, sizeof(err));
  ck_assert_ptr_null(st);
  ck_assert_int_eq(rc, AERR_SCHEMA);
  ck_assert_ptr_nonnull(strstr(err, "newer than this binary"));
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM schema_migrations "
                             "WHERE version = 9999", 0, 0), 1);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* No server: the open fails with "try later" and a reason that does not
 * repeat the password of the connection string. */
START_TEST(test_unreachable)
{
  char *dir = tu_tmpdir(), ci[512], err[512];
  int rc;
  struct store *st;

  snprintf(ci, sizeof(ci), "host=%s port=5 user=x password=s3cr3tpw "
           "dbname=none", dir);
  st = open_pg(ci, 0, &rc, err, sizeof(err));
  ck_assert_ptr_null(st);
  ck_assert_int_eq(rc, -EBUSY);
  ck_assert_ptr_nonnull(strstr(err, "cannot connect"));
  ck_assert_ptr_null(strstr(err, "s3cr3tpw"));
  tu_rmrf(dir);
  free(dir);
}
END_TEST

/* The server ends the connection: the batch in progress fails with
 * -EBUSY, and after the backoff the next call reconnects by itself. */
START_TEST(test_reconnects)
{
  char *ci = tu_pg_newdb(), *admin = tu_pg_admin_conninfo(), err[256];
  char sql[256];
  const char *db = strrchr(ci, '=') + 1;
  int rc, tries = 0;
  struct store *st = open_pg(ci, 0, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  ck_assert_int_eq(store_batch_begin(st), 0);
  snprintf(sql, sizeof(sql), "SELECT count(pg_terminate_backend(pid)) FROM "
           "pg_stat_activity WHERE datname = '%s'", db);
  ck_assert_int_ge(tu_pg_int(admin, sql, 0, 0), 1);
  ck_assert_int_eq(store_ping(st), -EBUSY);
  ck_assert_int_eq(store_batch_commit(st), -EBUSY);
  ck_assert_int_eq(store_batch_open(st), 0);
  do {
    rc = store_ping(st);
    if (rc != 0)
      usleep(50 * 1000);   /* the backoff is measured in time, not events */
  } while (rc != 0 && ++tries < 100);
  ck_assert_msg(rc == 0, "no reconnect: %s", store_errmsg(st));
  ck_assert_int_eq(store_batch_begin(st), 0);
  ck_assert_int_eq(store_batch_commit(st), 0);
  store_close(st);
  tu_pg_dropdb(ci);
  free(admin);
  free(ci);
}
END_TEST

/* Two stores opened together on a new database migrate it once. */
START_TEST(test_two_open_together)
{
  char *ci = tu_pg_newdb(), err[256];
  int rc, n = 0, status = -1;
  pid_t pid = fork();
  struct store *st;

  ck_assert_int_ne(pid, -1);
  st = open_pg(ci, 0, &rc, err, sizeof(err));
  if (pid == 0)
    _exit(rc == 0 ? 0 : 1);
  ck_assert_msg(rc == 0, "open: %s", err);
  store_close(st);
  ck_assert_int_eq(waitpid(pid, &status, 0), pid);
  ck_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  while (migrate_builtin_pg[n].version != 0)
    n++;
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM schema_migrations",
                             0, 0), n);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Allow connections to the database ci names, or not. */
static void
allow_connections(const char *admin, const char *ci, int yes)
{
  char sql[256];

  snprintf(sql, sizeof(sql), "ALTER DATABASE %s ALLOW_CONNECTIONS %s",
           strrchr(ci, '=') + 1, yes ? "true" : "false");
  tu_pg_exec(admin, sql);
}

/* End the sync connection's session on the server. */
static void
kill_sync_session(const char *admin, const char *ci)
{
  char sql[256];

  snprintf(sql, sizeof(sql), "SELECT count(pg_terminate_backend(pid)) FROM "
           "pg_stat_activity WHERE datname = '%s' AND application_name = "
           "'aduand sync'", strrchr(ci, '=') + 1);
  ck_assert_int_eq(tu_pg_int(admin, sql, 0, 0), 1);
}

/* With caller_syncs, store_sync() makes the commits durable on a
 * connection of its own.  When the server ends that connection, the sync
 * fails with -EBUSY (the commit pipeline then answers the batch's
 * requests 503, not 200) and opens it again at once, so that the batch
 * that was open meanwhile, committed after, is synced by the next one;
 * the loop's connection never noticed. */
START_TEST(test_sync_fails_then_reconnects)
{
  char *ci = tu_pg_newdb(), *admin = tu_pg_admin_conninfo(), err[256];
  int64_t id = 0;
  int rc;
  struct store *st = open_pg_opts(ci, 0, 1, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  commit_one(st, 1);
  ck_assert_int_eq(store_sync(st), 0);
  ck_assert_int_eq(sessions_named(admin, ci, "aduand sync"), 1);
  commit_one(st, 2);
  ck_assert_int_eq(store_batch_begin(st), 0);     /* grows during the sync */
  ck_assert_int_eq(store_reporter_ensure(st, "+628120000099", 5, &id), 0);
  kill_sync_session(admin, ci);
  ck_assert_int_eq(store_sync(st), -EBUSY);
  ck_assert_int_eq(sessions_named(admin, ci, "aduand sync"), 1);
  ck_assert_int_eq(store_batch_commit(st), 0);
  ck_assert_int_eq(store_sync(st), 0);
  commit_one(st, 3);
  ck_assert_int_eq(store_sync(st), 0);
  ck_assert_int_eq(store_ping(st), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0), 4);
  store_close(st);
  tu_pg_dropdb(ci);
  free(admin);
  free(ci);
}
END_TEST

/* A new sync connection cannot tell whether the server lost commits made
 * before it existed (a crash and restart in between): a commit made
 * while there was none fails the sync that opens one, and the next sync
 * succeeds. */
START_TEST(test_sync_new_connection_vouches_for_later_commits)
{
  char *ci = tu_pg_newdb(), *admin = tu_pg_admin_conninfo(), err[256];
  int rc;
  struct store *st = open_pg_opts(ci, 0, 1, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  commit_one(st, 1);
  ck_assert_int_eq(store_sync(st), 0);
  allow_connections(admin, ci, 0);
  kill_sync_session(admin, ci);
  ck_assert_int_eq(store_sync(st), -EBUSY);    /* and cannot reconnect */
  ck_assert_int_eq(sessions_named(admin, ci, "aduand sync"), 0);
  commit_one(st, 2);                            /* no sync connection */
  allow_connections(admin, ci, 1);
  ck_assert_int_eq(store_sync(st), -EBUSY);
  ck_assert_int_eq(sessions_named(admin, ci, "aduand sync"), 1);
  commit_one(st, 3);
  ck_assert_int_eq(store_sync(st), 0);
  store_close(st);
  tu_pg_dropdb(ci);
  free(admin);
  free(ci);
}
END_TEST

/* What store_sync() does is a WAL flush on the server: after it, the
 * WAL is flushed past where it ended when the sync began (the loop's
 * commits alone, with synchronous_commit off, need not be: the server's
 * WAL writer flushes them within a fraction of a second).  A transaction
 * that only takes a transaction id writes no WAL before its commit
 * record and commits as if synchronous_commit were off: this catches a
 * sync made of one. */
START_TEST(test_sync_flushes_the_wal)
{
  char *ci = tu_pg_newdb(), err[256];
  int rc, i;
  struct store *st = open_pg_opts(ci, 0, 1, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  for (i = 0; i < 5; i++) {
    int64_t inserted;

    commit_one(st, i);
    inserted = tu_pg_int(ci, "SELECT (pg_current_wal_insert_lsn() - "
                         "'0/0'::pg_lsn)::bigint", 0, 0);
    ck_assert_int_eq(store_sync(st), 0);
    ck_assert_int_ge(tu_pg_int(ci, "SELECT (pg_current_wal_flush_lsn() - "
                               "'0/0'::pg_lsn)::bigint", 0, 0), inserted);
  }
  store_close(st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

/* Without caller_syncs (or read-only) every commit is durable when it
 * returns: no second connection, store_sync() has nothing to do. */
START_TEST(test_sync_not_asked)
{
  char *ci = tu_pg_newdb(), *admin = tu_pg_admin_conninfo(), err[256];
  int rc;
  struct store *st = open_pg_opts(ci, 0, 0, &rc, err, sizeof(err));

  ck_assert_msg(rc == 0, "open: %s", err);
  commit_one(st, 1);
  ck_assert_int_eq(store_sync(st), 0);
  ck_assert_int_eq(sessions_named(admin, ci, "aduand sync"), 0);
  store_close(st);
  st = open_pg_opts(ci, 1, 1, &rc, err, sizeof(err));
  ck_assert_msg(rc == 0, "read-only open: %s", err);
  ck_assert_int_eq(store_sync(st), 0);
  ck_assert_int_eq(sessions_named(admin, ci, "aduand sync"), 0);
  store_close(st);
  tu_pg_dropdb(ci);
  free(admin);
  free(ci);
}
END_TEST

/* The commit pipeline calls store_sync() on its worker thread while the
 * loop goes on with the next batches (and, on a stop, once more from the
 * loop): both at once must be safe (run under the sanitizers). */
#define SYNC_ROUNDS 60

struct syncer {
  struct store *st;
  int failures;
};

static void *
sync_many(void *arg)
{
  struct syncer *s = arg;
  int i;

  for (i = 0; i < SYNC_ROUNDS; i++)
    if (store_sync(s->st) != 0)
      s->failures++;
  return NULL;
}

START_TEST(test_sync_from_another_thread)
{
  char *ci = tu_pg_newdb(), err[256];
  struct syncer s = {0};
  pthread_t t;
  int rc, i;

  s.st = open_pg_opts(ci, 0, 1, &rc, err, sizeof(err));
  ck_assert_msg(rc == 0, "open: %s", err);
  ck_assert_int_eq(pthread_create(&t, NULL, sync_many, &s), 0);
  for (i = 0; i < SYNC_ROUNDS; i++) {
    commit_one(s.st, i);
    ck_assert_int_eq(store_ping(s.st), 0);
    if (i % 10 == 0)
      ck_assert_int_eq(store_sync(s.st), 0);   /* as commit_now() does */
  }
  ck_assert_int_eq(pthread_join(t, NULL), 0);
  ck_assert_int_eq(s.failures, 0);
  ck_assert_int_eq(store_sync(s.st), 0);
  ck_assert_int_eq(tu_pg_int(ci, "SELECT count(*) FROM reporters", 0, 0),
                   SYNC_ROUNDS);
  store_close(s.st);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST


/* ---- A relay to the cluster that can fall silent ---- */

/*
 * A TCP listener on 127.0.0.1 whose connections are forwarded to the
 * cluster's unix socket while forward is set, and otherwise accepted and
 * never answered (a server that hangs, or a host whose packets are lost):
 * such a silent connection counts in silent, and in hung_up once its
 * client closes it.
 */
struct relay {
  int lfd, port;
  char upstream[256];          /* the cluster's socket path */
  _Atomic int forward;
  _Atomic int silent, hung_up, stop;
  pthread_t th;
};

/* Copy between a and b until either closes (or the relay stops).  The
 * writes are sends with MSG_NOSIGNAL: when the server ends a connection
 * while the relay still forwards to it, that is a closed side, not a
 * SIGPIPE that kills the test. */
static void
relay_pump(struct relay *r, int a, int b)
{
  char buf[8192];

  while (!atomic_load(&r->stop)) {
    struct pollfd p[2] = { { a, POLLIN, 0 }, { b, POLLIN, 0 } };
    int i;

    if (poll(p, 2, 100) < 0)
      break;
    for (i = 0; i < 2; i++)
      if (p[i].revents != 0) {
        ssize_t n = read(p[i].fd, buf, sizeof(buf));
        if (n <= 0 || send(p[1 - i].fd, buf, (size_t)n, MSG_NOSIGNAL) != n)
          return;
      }
  }
}

/* One connection, on a thread of its own. */
struct relay_conn {
  struct relay *r;
  int fd;
};

static void *
relay_serve(void *arg)
{
  struct relay_conn *rc = arg;
  struct relay *r = rc->r;
  char byte;

  if (atomic_load(&r->forward)) {
    struct sockaddr_un sa = { .sun_family = AF_UNIX };
    int up = socket(AF_UNIX, SOCK_STREAM, 0);

    if (strlen(r->upstream) < sizeof(sa.sun_path))
      memcpy(sa.sun_path, r->upstream, strlen(r->upstream) + 1);
    if (up >= 0 && connect(up, (struct sockaddr *)&sa, sizeof(sa)) == 0)
      relay_pump(r, rc->fd, up);
    if (up >= 0)
      close(up);
  } else {
    struct pollfd p = { rc->fd, POLLIN, 0 };

    atomic_fetch_add(&r->silent, 1);
    while (!atomic_load(&r->stop))
      if (poll(&p, 1, 100) > 0) {
        if (read(rc->fd, &byte, 1) <= 0) {   /* the client gave up */
          atomic_fetch_add(&r->hung_up, 1);
          break;
        }
      }
  }
  close(rc->fd);
  free(rc);
  return NULL;
}

static void *
relay_accept(void *arg)
{
  struct relay *r = arg;

  while (!atomic_load(&r->stop)) {
    struct pollfd p = { r->lfd, POLLIN, 0 };
    struct relay_conn *rc;
    pthread_t th;
    int fd;

    if (poll(&p, 1, 100) <= 0 || (fd = accept(r->lfd, NULL, NULL)) < 0)
      continue;
    rc = malloc(sizeof(*rc));
    ck_assert_ptr_nonnull(rc);
    rc->r = r;
    rc->fd = fd;
    ck_assert_int_eq(pthread_create(&th, NULL, relay_serve, rc), 0);
    pthread_detach(th);
  }
  return NULL;
}

/* Start r in front of the cluster that admin (a conninfo with host=DIR
 * and port=N) names. */
static void
relay_start(struct relay *r, const char *admin)
{
  struct sockaddr_in sa = { .sin_family = AF_INET };
  socklen_t len = sizeof(sa);
  const char *host = strstr(admin, "host="), *port = strstr(admin, "port=");

  ck_assert(host != NULL && port != NULL);
  memset(r, 0, sizeof(*r));
  snprintf(r->upstream, sizeof(r->upstream), "%.*s/.s.PGSQL.%d",
           (int)strcspn(host + 5, " "), host + 5, atoi(port + 5));
  atomic_store(&r->forward, 1);
  r->lfd = socket(AF_INET, SOCK_STREAM, 0);
  ck_assert_int_ge(r->lfd, 0);
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(bind(r->lfd, (struct sockaddr *)&sa, sizeof(sa)), 0);
  ck_assert_int_eq(listen(r->lfd, 16), 0);
  ck_assert_int_eq(getsockname(r->lfd, (struct sockaddr *)&sa, &len), 0);
  r->port = ntohs(sa.sin_port);
  ck_assert_int_eq(pthread_create(&r->th, NULL, relay_accept, r), 0);
}

static void
relay_stop(struct relay *r)
{
  atomic_store(&r->stop, 1);
  pthread_join(r->th, NULL);
  close(r->lfd);
}

/* The server stops answering while the daemon reconnects: the store's
 * calls answer "try later" at once instead of waiting for it (the
 * silent connection is still open, not given up on, when they return),
 * and once the server answers again the store is back by itself. */
START_TEST(test_reconnect_does_not_wait)
{
  char *admin = tu_pg_admin_conninfo(), *ci = tu_pg_newdb(), err[256];
  char via[512], sql[256];
  const char *db = strrchr(ci, '=') + 1;
  struct relay r;
  struct store *st;
  int rc, tries = 0;

  relay_start(&r, admin);
  snprintf(via, sizeof(via), "host=127.0.0.1 port=%d user=aduan dbname=%s",
           r.port, db);
  st = open_pg(via, 0, &rc, err, sizeof(err));
  ck_assert_msg(rc == 0, "open through the relay: %s", err);
  ck_assert_int_eq(store_ping(st), 0);

  /* The connection breaks and the server falls silent. */
  atomic_store(&r.forward, 0);
  snprintf(sql, sizeof(sql), "SELECT count(pg_terminate_backend(pid)) FROM "
           "pg_stat_activity WHERE datname = '%s'", db);
  ck_assert_int_ge(tu_pg_int(admin, sql, 0, 0), 1);
  ck_assert_int_eq(store_ping(st), -EBUSY);
  do {
    rc = store_ping(st);
    if (atomic_load(&r.silent) == 0)
      usleep(20 * 1000);   /* the backoff is measured in time */
  } while (atomic_load(&r.silent) == 0 && ++tries < 500);
  ck_assert_int_eq(atomic_load(&r.silent), 1);
  ck_assert_int_eq(rc, -EBUSY);
  ck_assert_int_eq(store_ping(st), -EBUSY);
  ck_assert_msg(atomic_load(&r.hung_up) == 0, "the store waited for the "
                "silent server until it gave up on it");

  /* It answers again: the reconnect under way gives up on the silent
   * connection, and the next one gets through. */
  atomic_store(&r.forward, 1);
  tries = 0;
  while ((rc = store_ping(st)) != 0 && ++tries < 400)
    usleep(25 * 1000);
  ck_assert_msg(rc == 0, "no reconnect: %s", store_errmsg(st));
  ck_assert_msg(atomic_load(&r.hung_up) == 1, "the silent connection was "
                "not given up");
  store_close(st);
  relay_stop(&r);
  tu_pg_dropdb(ci);
  free(ci);
  free(admin);
}
END_TEST

static Suite *
pg_store_suite(void)
{
  Suite *s = suite_create("pg_store");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, test_open_migrates_once);
  tcase_add_test(tc, test_newer_refused_readonly);
  tcase_add_test(tc, test_unreachable);
  tcase_add_test(tc, test_reconnects);
  tcase_add_test(tc, test_two_open_together);
  tcase_add_test(tc, test_sync_fails_then_reconnects);
  tcase_add_test(tc, test_sync_new_connection_vouches_for_later_commits);
  tcase_add_test(tc, test_sync_flushes_the_wal);
  tcase_add_test(tc, test_sync_not_asked);
  tcase_add_test(tc, test_sync_from_another_thread);
  tcase_add_test(tc, test_reconnect_does_not_wait);
  suite_add_tcase(s, tc);
  return s;
}

PG_UNIT_MAIN(pg_store_suite)
