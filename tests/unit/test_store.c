/*
 * test_store.c: the store through its public interface, on the SQLite
 * backend: opening (file mode, WAL, folder, refusals), reporters,
 * inbound de-duplication, the outbox, batches and savepoints, and the
 * mapping of busy, full and read-only databases to their codes.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/crypto.h"
#include "base/err.h"
#include "store/migrate.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "testutil.h"

/* A temporary folder and a store opened on a database inside it. */
struct fixture {
  char *dir;
  char *path;
  struct store *st;
};

static int
fx_reopen(struct fixture *fx, uint64_t busy_ms)
{
  struct store_opts o = {0};
  char err[256];
  int rc;

  o.path = fx->path;
  o.busy_timeout_ms = busy_ms;
  rc = store_open(&fx->st, &o, err, sizeof(err));
  ck_assert_msg(rc == 0, "store_open: %s", err);
  return rc;
}

static void
fx_open(struct fixture *fx, const char *name)
{
  fx->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx->dir);
  fx->path = tu_path(fx->dir, name);
  ck_assert_ptr_nonnull(fx->path);
  fx_reopen(fx, 1000);
}

static void
fx_close(struct fixture *fx)
{
  store_close(fx->st);
  tu_rmrf(fx->dir);
  free(fx->path);
  free(fx->dir);
}

/* A second, plain SQLite connection to the same file. */
static sqlite3 *
raw_open(const char *path)
{
  sqlite3 *db = NULL;

  ck_assert_int_eq(sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL),
                   SQLITE_OK);
  return db;
}

/* The one integer that sql (with ?1 bound to a, when given) yields. */
static int64_t
q_int(sqlite3 *db, const char *sql, int64_t a)
{
  return tu_sql_int(db, sql, a);
}

/* The one string that sql yields, copied. */
static char *
q_str(sqlite3 *db, const char *sql, int64_t a)
{
  sqlite3_stmt *stmt = NULL;
  const unsigned char *s;
  char *v;

  ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_bind_parameter_count(stmt) > 0)
    sqlite3_bind_int64(stmt, 1, a);
  ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
  s = sqlite3_column_text(stmt, 0);
  v = strdup(s != NULL ? (const char *)s : "(null)");
  sqlite3_finalize(stmt);
  return v;
}

/* Rows in reporters, read on the store's own connection. */
static int64_t
reporters(struct store *st)
{
  return q_int(store_sqlite_handle(st), "SELECT count(*) FROM reporters", 0);
}

static int64_t
new_reporter(struct store *st, const char *phone)
{
  int64_t id = 0;

  ck_assert_int_eq(store_reporter_ensure(st, phone, 1000, &id), 0);
  ck_assert_int_gt(id, 0);
  return id;
}

static struct store_inbound
inbound(const char *channel, const char *provider_id, int64_t reporter)
{
  struct store_inbound in = {0};

  in.channel = channel;
  in.provider_id = provider_id;
  in.reporter_id = reporter;
  in.kind = "text";
  in.body = "halo";
  in.payload = "{\"x\":1}";
  in.payload_len = 7;
  in.received_at = 2000;
  return in;
}

/* SQLite keeps no count of its memory (a process-wide mutex at every
 * allocation): the daemon reads none. */
START_TEST(sqlite_counts_no_memory)
{
  struct fixture fx = {0};

  fx_open(&fx, "aduan.db");
  new_reporter(fx.st, "+6281234567890");
  new_reporter(fx.st, "+6281234567891");
  ck_assert_int_eq(sqlite3_memory_used(), 0);
  ck_assert_int_eq(sqlite3_memory_highwater(0), 0);
  fx_close(&fx);
}
END_TEST

START_TEST(open_creates_private_wal_database)
{
  struct fixture fx = {0};
  struct stat sb;
  char *wal, *mode, *dir;
  int version = -1;
  sqlite3 *db;

  umask(022);
  fx.dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx.dir);
  dir = tu_path(fx.dir, "state");
  fx.path = tu_path(dir, "aduan.db");
  fx_reopen(&fx, 1000);

  ck_assert_int_eq(stat(dir, &sb), 0);
  ck_assert(S_ISDIR(sb.st_mode));
  ck_assert_int_eq(sb.st_mode & 0777, 0700);
  ck_assert_int_eq(stat(fx.path, &sb), 0);
  ck_assert_int_eq(sb.st_mode & 0777, 0600);

  new_reporter(fx.st, "+6281234567890");
  wal = tu_path(dir, "aduan.db-wal");
  ck_assert_int_eq(stat(wal, &sb), 0);
  ck_assert_int_eq(sb.st_mode & 0777, 0600);

  db = raw_open(fx.path);
  mode = q_str(db, "PRAGMA journal_mode", 0);
  ck_assert_str_eq(mode, "wal");
  free(mode);
  sqlite3_close(db);
  ck_assert_int_eq(q_int(store_sqlite_handle(fx.st), "PRAGMA synchronous", 0),
                   2);
  ck_assert_int_eq(q_int(store_sqlite_handle(fx.st), "PRAGMA foreign_keys",
                         0), 1);

  ck_assert_int_eq(store_ping(fx.st), 0);
  ck_assert_int_eq(store_schema_version(fx.st, &version), 0);
  ck_assert_int_eq(version, migrate_latest(migrate_builtin));
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  free(wal);
  free(dir);
  fx_close(&fx);
}
END_TEST

START_TEST(committed_data_survives_reopen)
{
  struct fixture fx = {0};
  struct store_inbound in;
  int64_t rid, rid2 = 0, iid = 0, iid2 = 0;

  fx_open(&fx, "aduan.db");
  rid = new_reporter(fx.st, "+6281234567890");
  in = inbound("wa", "wamid.1", rid);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &iid), 0);
  store_close(fx.st);
  fx.st = NULL;

  fx_reopen(&fx, 1000);
  ck_assert_int_eq(store_reporter_ensure(fx.st, "+6281234567890", 5, &rid2),
                   0);
  ck_assert_int_eq(rid2, rid);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &iid2), AERR_DUP);
  ck_assert_int_eq(iid2, iid);
  ck_assert_int_eq(reporters(fx.st), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(reporter_ensure_is_idempotent)
{
  static const char alphabet[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
  struct fixture fx = {0};
  int64_t a, a2, b;
  char *ha, *hb;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  a = new_reporter(fx.st, "+6281234567890");
  a2 = new_reporter(fx.st, "+6281234567890");
  b = new_reporter(fx.st, "+6285137377763");
  ck_assert_int_eq(a, a2);
  ck_assert_int_ne(a, b);
  ck_assert_int_eq(reporters(fx.st), 2);
  ha = q_str(db, "SELECT handle FROM reporters WHERE id = ?1", a);
  hb = q_str(db, "SELECT handle FROM reporters WHERE id = ?1", b);
  ck_assert_str_ne(ha, hb);
  ck_assert_uint_eq(strlen(ha), 12);
  ck_assert(strncmp(ha, "R-", 2) == 0);
  ck_assert_uint_eq(strspn(ha + 2, alphabet), 10);
  ck_assert_int_eq(q_int(db, "SELECT created_at FROM reporters WHERE id = ?1",
                         a), 1000);
  ck_assert_int_eq(store_reporter_ensure(fx.st, "", 1, &a), -EINVAL);
  free(ha);
  free(hb);
  fx_close(&fx);
}
END_TEST

/* Handles come from the store's block of random bytes: a hundred new
 * reporters take more than one block, and no two share a handle. */
START_TEST(reporter_handles_differ_across_blocks)
{
  struct fixture fx = {0};
  char phone[32];
  int i;

  fx_open(&fx, "aduan.db");
  for (i = 0; i < 100; i++) {
    snprintf(phone, sizeof(phone), "+62812000%05d", i);
    new_reporter(fx.st, phone);
  }
  ck_assert_int_gt(100 * 7, CRYPTO_RAND_BLOCK);
  ck_assert_int_eq(q_int(store_sqlite_handle(fx.st), "SELECT count(DISTINCT "
                         "handle) FROM reporters", 0), 100);
  fx_close(&fx);
}
END_TEST

START_TEST(inbound_is_unique_per_channel)
{
  static const char raw[] = {'a', '\0', 'b', '\'', ';'};
  struct fixture fx = {0};
  struct store_inbound in;
  int64_t rid, first = 0, again = 0, other = 0;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  rid = new_reporter(fx.st, "+6281234567890");
  in = inbound("wa", "wamid.7", rid);
  in.payload = raw;
  in.payload_len = sizeof(raw);
  in.body = "'; DROP TABLE inbound; --";
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &first), 0);
  ck_assert_int_gt(first, 0);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &again), AERR_DUP);
  ck_assert_int_eq(again, first);
  ck_assert_ptr_nonnull(strstr(store_errmsg(fx.st), "wamid.7"));
  in.channel = "sms";
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &other), 0);
  ck_assert_int_ne(other, first);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM inbound", 0), 2);
  ck_assert_int_eq(q_int(db, "SELECT typeof(payload) = 'blob' AND "
                             "length(payload) = 5 FROM inbound WHERE id = ?1",
                         first), 1);
  ck_assert_int_eq(q_int(db, "SELECT hex(payload) = '610062273B' FROM "
                             "inbound WHERE id = ?1", first), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(outbox_replies_in_order)
{
  static const char *const bodies[] = {"satu", "dua", "tiga"};
  struct fixture fx = {0};
  struct store_inbound in;
  struct store_outbox o = {0};
  struct store_strings r = {NULL, 0};
  int64_t rid, i1 = 0, i2 = 0, oid = 0, sent = 0;
  sqlite3 *db;
  size_t i;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  rid = new_reporter(fx.st, "+6281234567890");
  in = inbound("wa", "m1", rid);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &i1), 0);
  in.provider_id = "m2";
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &i2), 0);

  o.channel = "wa";
  o.reporter_id = rid;
  o.kind = "text";
  o.status = "queued";
  o.created_at = 5000;
  o.inbound_id = i2;
  o.body = "for the other one";
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  o.inbound_id = i1;
  for (i = 0; i < 3; i++) {
    o.body = bodies[i];
    ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  }
  o.inbound_id = 0;
  o.status = "sent";
  o.body = "notification";
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &sent), 0);

  ck_assert_int_eq(store_outbox_replies(fx.st, i1, &r), 0);
  ck_assert_int_eq(r.n, 3);
  for (i = 0; i < 3; i++)
    ck_assert_str_eq(r.v[i], bodies[i]);
  store_strings_free(&r);
  ck_assert_ptr_null(r.v);
  ck_assert_int_eq(r.n, 0);

  ck_assert_int_eq(q_int(db, "SELECT next_attempt_at = 5000 AND "
                             "updated_at = 5000 AND created_at = 5000 AND "
                             "attempts = 0 AND ticket_id IS NULL FROM outbox "
                             "WHERE id = ?1", oid), 1);
  ck_assert_int_eq(q_int(db, "SELECT next_attempt_at IS NULL AND "
                             "inbound_id IS NULL AND status = 'sent' "
                             "FROM outbox WHERE id = ?1", sent), 1);
  ck_assert_int_eq(store_outbox_replies(fx.st, sent + 100, &r), 0);
  ck_assert_int_eq(r.n, 0);
  store_strings_free(&r);
  fx_close(&fx);
}
END_TEST

/*
 * For the tests that add +62811111111, +62822222222 and +62833333333 in
 * one batch and drop the second's savepoint: another connection sees no
 * reporter before the batch commits, then the first and third only.
 */
static void
commit_shows_all_but_second(struct fixture *fx)
{
  sqlite3 *db = raw_open(fx->path);

  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM reporters", 0), 0);
  ck_assert_int_eq(store_batch_commit(fx->st), 0);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM reporters", 0), 2);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM reporters WHERE phone = "
                             "'+62822222222'", 0), 0);
  sqlite3_close(db);
}

START_TEST(rolled_back_savepoint_leaves_rest_of_batch)
{
  struct fixture fx = {0};

  fx_open(&fx, "aduan.db");
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_batch_open(fx.st), 1);
  ck_assert_int_eq(store_batch_begin(fx.st), 0);

  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  new_reporter(fx.st, "+62811111111");
  ck_assert_int_eq(store_sp_release(fx.st), 0);

  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  new_reporter(fx.st, "+62822222222");
  store_sp_rollback(fx.st);

  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  new_reporter(fx.st, "+62833333333");
  ck_assert_int_eq(store_sp_release(fx.st), 0);
  ck_assert_int_eq(store_batch_open(fx.st), 1);

  commit_shows_all_but_second(&fx);
  ck_assert_int_eq(store_batch_open(fx.st), 0);

  store_close(fx.st);
  fx_reopen(&fx, 1000);
  ck_assert_int_eq(reporters(fx.st), 2);
  ck_assert_int_eq(store_batch_commit(fx.st), AERR_STATE);
  fx_close(&fx);
}
END_TEST

/* A step for store_sp_run: add the reporter *arg names, then fail with
 * the code after it when there is one. */
struct sp_step {
  const char *phone;
  int fail;
  int calls;
};

static int
add_then_maybe_fail(struct store *st, void *arg)
{
  struct sp_step *s = arg;
  int64_t id;
  int rc;

  s->calls++;
  rc = store_reporter_ensure(st, s->phone, 1000, &id);
  return rc != 0 ? rc : s->fail;
}

START_TEST(sp_run_keeps_or_drops_one_request)
{
  struct fixture fx = {0};
  struct sp_step ok = {"+62811111111", 0, 0};
  struct sp_step bad = {"+62822222222", AERR_STATE, 0};
  struct sp_step late = {"+62833333333", 0, 0};
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  /* It opens the batch itself and leaves it open for the commit. */
  ck_assert_int_eq(store_sp_run(fx.st, add_then_maybe_fail, &ok), 0);
  ck_assert_int_eq(store_batch_open(fx.st), 1);
  ck_assert_int_eq(store_sp_run(fx.st, add_then_maybe_fail, &bad),
                   AERR_STATE);
  ck_assert_int_eq(store_batch_open(fx.st), 1);
  ck_assert_int_eq(store_sp_run(fx.st, add_then_maybe_fail, &late), 0);
  ck_assert_int_eq(ok.calls + bad.calls + late.calls, 3);
  commit_shows_all_but_second(&fx);

  /* When the batch cannot begin, the step does not run. */
  store_close(fx.st);
  fx_reopen(&fx, 50);
  db = raw_open(fx.path);
  ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(store_sp_run(fx.st, add_then_maybe_fail, &late), -EBUSY);
  ck_assert_int_eq(late.calls, 1);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  ck_assert_int_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  fx_close(&fx);
}
END_TEST

START_TEST(batch_rollback_discards)
{
  struct fixture fx = {0};

  fx_open(&fx, "aduan.db");
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  new_reporter(fx.st, "+62811111111");
  ck_assert_int_eq(store_sp_release(fx.st), 0);
  ck_assert_int_eq(reporters(fx.st), 1);
  store_batch_rollback(fx.st);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  ck_assert_int_eq(reporters(fx.st), 0);

  /* A batch left open at close is rolled back too. */
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  new_reporter(fx.st, "+62822222222");
  store_close(fx.st);
  fx_reopen(&fx, 1000);
  ck_assert_int_eq(reporters(fx.st), 0);
  fx_close(&fx);
}
END_TEST

START_TEST(savepoint_without_batch_is_its_own_transaction)
{
  struct fixture fx = {0};

  fx_open(&fx, "aduan.db");
  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  ck_assert_int_eq(store_batch_open(fx.st), 1);
  new_reporter(fx.st, "+62811111111");
  ck_assert_int_eq(store_sp_release(fx.st), 0);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  ck_assert_int_eq(sqlite3_get_autocommit(store_sqlite_handle(fx.st)), 1);

  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  new_reporter(fx.st, "+62822222222");
  store_sp_rollback(fx.st);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  ck_assert_int_eq(sqlite3_get_autocommit(store_sqlite_handle(fx.st)), 1);
  ck_assert_int_eq(reporters(fx.st), 1);
  ck_assert_int_eq(store_sp_release(fx.st), AERR_STATE);
  fx_close(&fx);
}
END_TEST

START_TEST(locked_database_is_busy)
{
  struct fixture fx = {0};
  struct store_inbound in;
  int64_t rid, id = 0;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  rid = new_reporter(fx.st, "+62811111111");
  store_close(fx.st);
  fx_reopen(&fx, 50);

  db = raw_open(fx.path);
  ck_assert_int_eq(sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(store_batch_begin(fx.st), -EBUSY);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  ck_assert_str_ne(store_errmsg(fx.st), "");
  in = inbound("wa", "m1", rid);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &id), -EBUSY);
  ck_assert_int_eq(store_sp_begin(fx.st), -EBUSY);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  /* Reading still works while another connection writes. */
  ck_assert_int_eq(store_ping(fx.st), 0);

  ck_assert_int_eq(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &id), 0);
  ck_assert_int_eq(store_batch_commit(fx.st), 0);
  fx_close(&fx);
}
END_TEST

START_TEST(full_database_loses_the_batch)
{
  struct fixture fx = {0};
  struct store_inbound in;
  static char big[256 * 1024];
  int64_t rid, id = 0, pages;
  char pragma[64];
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  rid = new_reporter(fx.st, "+62811111111");
  pages = q_int(db, "PRAGMA page_count", 0);
  snprintf(pragma, sizeof(pragma), "PRAGMA max_page_count = %lld",
           (long long)pages + 2);
  ck_assert_int_eq(sqlite3_exec(db, pragma, NULL, NULL, NULL), SQLITE_OK);

  memset(big, 'x', sizeof(big));
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  in = inbound("wa", "small", rid);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &id), 0);
  ck_assert_int_eq(store_sp_release(fx.st), 0);
  ck_assert_int_eq(store_sp_begin(fx.st), 0);
  in = inbound("wa", "big", rid);
  in.payload = big;
  in.payload_len = sizeof(big);
  /* A full disk makes SQLite roll back the whole transaction (this
   * single-row insert has no statement journal to undo it alone): the
   * batch is lost, and says so until it is closed. */
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &id), -ENOSPC);
  ck_assert_ptr_nonnull(strstr(store_errmsg(fx.st), "full"));
  ck_assert_int_eq(sqlite3_get_autocommit(db), 1);
  store_sp_rollback(fx.st);
  ck_assert_int_eq(store_batch_open(fx.st), 1);
  ck_assert_int_eq(store_sp_begin(fx.st), -ENOSPC);
  ck_assert_int_eq(store_reporter_ensure(fx.st, "+62822222222", 1, &id),
                   -ENOSPC);
  ck_assert_int_eq(store_sp_release(fx.st), -ENOSPC);
  ck_assert_int_eq(store_batch_commit(fx.st), -ENOSPC);
  ck_assert_int_eq(store_batch_open(fx.st), 0);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM inbound", 0), 0);
  ck_assert_int_eq(reporters(fx.st), 1);

  /* With room again, the next batch works. */
  ck_assert_int_eq(sqlite3_exec(db, "PRAGMA max_page_count = 1000000", NULL,
                                NULL, NULL), SQLITE_OK);
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  in = inbound("wa", "small", rid);
  ck_assert_int_eq(store_inbound_add(fx.st, &in, &id), 0);
  ck_assert_int_eq(store_batch_commit(fx.st), 0);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM inbound", 0), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(readonly_database_refuses_writes)
{
  struct fixture fx = {0};
  struct store_opts o = {0};
  struct store *ro = NULL;
  char err[256], *missing;
  int64_t id = 0, rid;
  int rc;

  fx_open(&fx, "aduan.db");
  rid = new_reporter(fx.st, "+62811111111");
  store_close(fx.st);
  fx.st = NULL;

  o.path = fx.path;
  o.readonly = 1;
  ck_assert_int_eq(store_open(&ro, &o, err, sizeof(err)), 0);
  ck_assert_int_eq(store_ping(ro), 0);
  ck_assert_int_eq(store_reporter_ensure(ro, "+62811111111", 1, &id), 0);
  ck_assert_int_eq(id, rid);
  ck_assert_int_eq(store_reporter_ensure(ro, "+62822222222", 1, &id),
                   -EROFS);
  /* SQLite may grant BEGIN IMMEDIATE on a read-only WAL database; the
   * first write inside the batch is refused then. */
  rc = store_batch_begin(ro);
  ck_assert_msg(rc == 0 || rc == -EROFS, "store_batch_begin: %d", rc);
  if (rc == 0) {
    ck_assert_int_eq(store_reporter_ensure(ro, "+62822222222", 1, &id),
                     -EROFS);
    store_batch_rollback(ro);
  }
  ck_assert_int_eq(store_batch_open(ro), 0);
  store_close(ro);

  /* A database older than the binary cannot be migrated read-only. */
  missing = tu_path(fx.dir, "empty.db");
  ck_assert_int_eq(tu_write_file(missing, ""), 0);
  o.path = missing;
  ck_assert_int_eq(store_open(&ro, &o, err, sizeof(err)), AERR_STORE);
  ck_assert_ptr_null(ro);
  ck_assert_ptr_nonnull(strstr(err, "readonly"));
  free(missing);

  missing = tu_path(fx.dir, "missing.db");
  o.path = missing;
  ro = NULL;
  ck_assert_int_ne(store_open(&ro, &o, err, sizeof(err)), 0);
  ck_assert_ptr_null(ro);
  ck_assert_int_ne(access(missing, F_OK), 0);
  free(missing);
  fx_close(&fx);
}
END_TEST

START_TEST(unknown_backend_is_refused)
{
  struct store_opts o = {0};
  struct store *st = (struct store *)&o;
  char err[256], *dir, *path;

  dir = tu_tmpdir();
  ck_assert_ptr_nonnull(dir);
  path = tu_path(dir, "state/aduan.db");
  o.backend = "oracle";
  o.path = path;
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), AERR_CONFIG);
  ck_assert_ptr_null(st);
  ck_assert_ptr_nonnull(strstr(err, "\"oracle\""));
  ck_assert_ptr_nonnull(strstr(err, " sqlite"));
  ck_assert_ptr_nonnull(strstr(err, " postgres"));
  ck_assert_int_ne(access(path, F_OK), 0);

  /* PostgreSQL needs its connection string. */
  o.backend = "postgres";
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), AERR_CONFIG);
  ck_assert_ptr_null(st);
  ck_assert_ptr_nonnull(strstr(err, "connection string"));

  o.backend = NULL;
  o.path = NULL;
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), AERR_CONFIG);
  ck_assert_str_ne(err, "");
  store_close(NULL);
  ck_assert_str_ne(store_errmsg(NULL), "");
  tu_rmrf(dir);
  free(path);
  free(dir);
}
END_TEST

START_TEST(unusable_folder_fails_cleanly)
{
  struct store_opts o = {0};
  struct store *st = NULL;
  char err[256], *dir, *deep, *file, *under;

  dir = tu_tmpdir();
  ck_assert_ptr_nonnull(dir);
  deep = tu_path(dir, "no/such/aduan.db");
  o.path = deep;
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), -ENOENT);
  ck_assert_ptr_null(st);
  ck_assert_ptr_nonnull(strstr(err, "no/such"));

  file = tu_path(dir, "plain");
  ck_assert_int_eq(tu_write_file(file, "not a folder\n"), 0);
  under = tu_path(file, "aduan.db");
  o.path = under;
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), -ENOTDIR);
  ck_assert_ptr_null(st);

  /* A file that is not a database is refused, not overwritten. */
  o.path = file;
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), AERR_STORE);
  ck_assert_ptr_null(st);
  ck_assert_ptr_nonnull(strstr(err, "not a database"));
  free(under);
  under = tu_read_file(file, NULL);
  ck_assert_str_eq(under, "not a folder\n");

  free(under);
  free(file);
  free(deep);
  tu_rmrf(dir);
  free(dir);
}
END_TEST

/* A reply's status changes three times in its life (queued, sending,
 * sent): no index of the outbox that every row is in is keyed by it, so
 * that each change rewrites only the partial indexes of the rows still
 * to go (outbox_queue, outbox_waiting) or ended badly (outbox_ended). */
START_TEST(outbox_status_keys_only_partial_indexes)
{
  struct fixture fx = {0};
  sqlite3 *db;
  sqlite3_stmt *st = NULL;
  int keyed = 0;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  ck_assert_int_eq(sqlite3_prepare_v2(db,
                   "SELECT l.name FROM pragma_index_list('outbox') l"
                   " JOIN pragma_index_info(l.name) c"
                   " WHERE l.partial = 0 AND c.name = 'status'",
                   -1, &st, NULL), SQLITE_OK);
  while (sqlite3_step(st) == SQLITE_ROW) {
    fprintf(stderr, "index %s keys every row by status\n",
            (const char *)sqlite3_column_text(st, 0));
    keyed++;
  }
  sqlite3_finalize(st);
  ck_assert_int_eq(keyed, 0);
  fx_close(&fx);
}
END_TEST

/* A reply has a provider's id only once it is sent: outbox_provider,
 * which finds the reply a delivery report is about, holds only those,
 * so a reply's insert and its move to "sending" do not touch it. */
START_TEST(outbox_provider_index_holds_sent_rows_only)
{
  struct fixture fx = {0};
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM pragma_index_list("
                             "'outbox') WHERE name = 'outbox_provider'", 0),
                   1);
  ck_assert_int_eq(q_int(db, "SELECT partial FROM pragma_index_list("
                             "'outbox') WHERE name = 'outbox_provider'", 0),
                   1);
  fx_close(&fx);
}
END_TEST

/* The outbox's rows are counted by status right however the count is
 * made: n rows of each status, and none of a status no row has. */
START_TEST(outbox_counts_every_status)
{
  static const char *const statuses[] = {"queued", "sending", "sent",
                                         "failed", "dead"};
  struct fixture fx = {0};
  struct store_outbox o = {0};
  int64_t oid = 0;
  size_t i, k;
  int n;

  fx_open(&fx, "aduan.db");
  o.channel = "wa";
  o.reporter_id = new_reporter(fx.st, "+6281234567890");
  o.kind = "text";
  o.body = "Laporan Anda kami terima.";
  o.created_at = 5000;
  for (i = 0; i < 5; i++) {
    o.status = statuses[i];
    for (k = 0; k <= i; k++)
      ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  }
  for (i = 0; i < 5; i++) {
    n = -1;
    ck_assert_int_eq(store_outbox_count(fx.st, statuses[i], &n), 0);
    ck_assert_msg(n == (int)i + 1, "%s: %d rows, not %d", statuses[i], n,
                  (int)i + 1);
  }
  n = -1;
  ck_assert_int_eq(store_outbox_count(fx.st, "unknown", &n), 0);
  ck_assert_int_eq(n, 0);
  fx_close(&fx);
}
END_TEST

/* store_outbox_next names the earliest due reply of every channel that
 * may go: not one waiting behind an older reply of its reporter that is
 * under way, and not a later one of another channel. */
START_TEST(outbox_next_is_the_earliest_of_every_channel)
{
  struct fixture fx = {0};
  struct store_outbox o = {0};
  int64_t r1, r2, oid = 0, next = 0;

  fx_open(&fx, "aduan.db");
  r1 = new_reporter(fx.st, "+6281234567890");
  r2 = new_reporter(fx.st, "+6281234567891");
  ck_assert_int_eq(store_outbox_next(fx.st, &next), AERR_NOTFOUND);
  o.kind = "text";
  o.body = "Laporan Anda kami terima.";
  o.channel = "a";
  o.reporter_id = r1;
  o.status = "sending";
  o.created_at = 50;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  ck_assert_int_eq(store_outbox_next(fx.st, &next), AERR_NOTFOUND);
  o.status = "queued";
  o.created_at = 100;                 /* behind r1's reply under way */
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  ck_assert_int_eq(store_outbox_next(fx.st, &next), AERR_NOTFOUND);
  o.reporter_id = r2;
  o.created_at = 500;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  ck_assert_int_eq(store_outbox_next(fx.st, &next), 0);
  ck_assert_int_eq(next, 500);
  o.channel = "b";
  o.reporter_id = r1;
  o.created_at = 300;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  o.channel = "c";
  o.reporter_id = r2;
  o.created_at = 200;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  ck_assert_int_eq(store_outbox_next(fx.st, &next), 0);
  ck_assert_int_eq(next, 200);
  fx_close(&fx);
}
END_TEST

/* A session read and written back keeps its row and takes every new
 * value; one whose id no longer names its row (dropped, or another
 * reporter's) is stored under its reporter and family as a new row. */
START_TEST(session_written_back_in_place)
{
  struct fixture fx = {0};
  struct store_session s = {0}, g = {0};
  char family[] = "whatsapp", channel[] = "wa", step[] = "terlapor";
  char draft[] = "{\"kategori\":\"pemerasan\"}";
  int64_t rid, other, first;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  rid = new_reporter(fx.st, "+6281234567890");
  other = new_reporter(fx.st, "+6281234567891");
  s.reporter_id = rid;
  s.family = family;
  s.channel = channel;
  s.step = step;
  s.updated_at = 3000;
  ck_assert_int_eq(store_session_put(fx.st, &s), 0);
  first = s.id;
  ck_assert_int_eq(store_session_get(fx.st, rid, "whatsapp", &g), 0);
  ck_assert_int_eq(g.id, first);
  free(g.draft);
  g.draft = strdup(draft);
  ck_assert_ptr_nonnull(g.draft);
  g.invalid_count = 2;
  g.updated_at = 4000;
  g.expires_at = 9000;
  ck_assert_int_eq(store_session_put(fx.st, &g), 0);
  ck_assert_int_eq(g.id, first);
  store_session_clear(&g);
  ck_assert_int_eq(store_session_get(fx.st, rid, "whatsapp", &g), 0);
  ck_assert_str_eq(g.draft, draft);
  ck_assert_int_eq(g.invalid_count, 2);
  ck_assert_int_eq(g.updated_at, 4000);
  ck_assert_int_eq(g.expires_at, 9000);
  ck_assert_int_eq(q_int(db, "SELECT last_inbound_at FROM sessions"
                             " WHERE id = ?1", first), 4000);
  store_session_clear(&g);

  /* The id of another reporter's session: a row of its own. */
  s.id = first;
  s.reporter_id = other;
  ck_assert_int_eq(store_session_put(fx.st, &s), 0);
  ck_assert_int_ne(s.id, first);
  ck_assert_int_eq(q_int(db, "SELECT reporter_id FROM sessions"
                             " WHERE id = ?1", first), rid);
  /* A row gone since it was read: stored again. */
  ck_assert_int_eq(sqlite3_exec(db, "DELETE FROM sessions", NULL, NULL,
                                NULL), SQLITE_OK);
  s.reporter_id = rid;
  s.id = first;
  ck_assert_int_eq(store_session_put(fx.st, &s), 0);
  ck_assert_int_eq(store_session_get(fx.st, rid, "whatsapp", &g), 0);
  ck_assert_int_eq(g.id, s.id);
  ck_assert_str_eq(g.step, "terlapor");
  store_session_clear(&g);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM sessions", 0), 1);
  fx_close(&fx);
}
END_TEST

/* The plan of sql: every step's detail, one per line, into out. */
static void
query_plan(sqlite3 *db, const char *sql, char *out, size_t len)
{
  char eqp[4096];
  sqlite3_stmt *st = NULL;
  size_t o = 0;

  snprintf(eqp, sizeof(eqp), "EXPLAIN QUERY PLAN %s", sql);
  ck_assert_msg(sqlite3_prepare_v2(db, eqp, -1, &st, NULL) == SQLITE_OK,
                "%s: %s", sql, sqlite3_errmsg(db));
  out[0] = '\0';
  while (sqlite3_step(st) == SQLITE_ROW && o < len)
    o += (size_t)snprintf(out + o, len - o, "%s\n",
                          (const char *)sqlite3_column_text(st, 3));
  sqlite3_finalize(st);
}

/* The table (or its alias) a "SCAN t" step of plan reads whole, when
 * one does (a scan of a subquery's result or of a constant row is no
 * table's); else NULL.  "SCAN t USING COVERING INDEX" reads a whole
 * index: a scan too. */
static const char *
scanned_table(const char *plan, char *name, size_t len)
{
  const char *p;

  for (p = plan; (p = strstr(p, "SCAN ")) != NULL; p += 5) {
    size_t n = strcspn(p + 5, " \n");
    if ((p != plan && p[-1] != '\n') || p[5] == '(' ||
        strncmp(p + 5, "CONSTANT ROW", 12) == 0 || n == 0 || n >= len)
      continue;
    memcpy(name, p + 5, n);
    name[n] = '\0';
    return name;
  }
  return NULL;
}

/* How many statements of the store whose kind store_sqlite_statement()
 * gives as kind (or any kind but 0 when kind is -1) read a whole table,
 * each listed on stderr with its plan; *checked counts those looked at. */
static int
count_scans(sqlite3 *db, int kind, int *checked)
{
  char plan[4096], name[64];
  const char *sql;
  int i, n, k, bad = 0;

  *checked = 0;
  n = store_sqlite_statement(0, &sql, &k);
  for (i = 0; i < n; i++) {
    store_sqlite_statement(i, &sql, &k);
    if (kind == -1 ? k == 0 : k != kind)
      continue;
    query_plan(db, sql, plan, sizeof(plan));
    ++*checked;
    if (scanned_table(plan, name, sizeof(name)) != NULL) {
      fprintf(stderr, "statement %d scans %s:\n  %s\n%s", i, name, sql,
              plan);
      bad++;
    }
  }
  return bad;
}

/* The plan of the last statement of the store that holds both a and b
 * (b may be NULL), into plan; fails the test when none does. */
static const char *
statement_plan(struct fixture *fx, const char *a, const char *b,
               char *plan, size_t len)
{
  const char *sql = NULL, *s;
  int i, n, kind;

  n = store_sqlite_statement(0, &s, &kind);
  for (i = 0; i < n; i++) {
    store_sqlite_statement(i, &s, &kind);
    if (strstr(s, a) != NULL && (b == NULL || strstr(s, b) != NULL))
      sql = s;
  }
  ck_assert_msg(sql != NULL, "no statement holds '%s'", a);
  query_plan(store_sqlite_handle(fx->st), sql, plan, len);
  return sql;
}

/* No statement a message or its reply runs reads a whole table: each
 * finds its rows through a key or an index (EXPLAIN QUERY PLAN). */
START_TEST(message_path_statements_use_indexes)
{
  struct fixture fx = {0};
  int checked, bad;

  fx_open(&fx, "aduan.db");
  bad = count_scans(store_sqlite_handle(fx.st), -1, &checked);
  ck_assert_int_gt(checked, 20);
  ck_assert_msg(bad == 0, "%d statements of the message path scan a table "
                "(listed above)", bad);
  fx_close(&fx);
}
END_TEST

/* The questions a reporter waits on come out of their index in the order
 * asked for (latest first), without a sort: SQ_QUESTION_WAITING runs for
 * most messages, and a sorter opened for it cost about as much as the
 * rest of the statement (EXPLAIN QUERY PLAN: no "USE TEMP B-TREE"). */
START_TEST(waiting_question_needs_no_sort)
{
  struct fixture fx = {0};
  char plan[4096];
  const char *sql;

  fx_open(&fx, "aduan.db");
  sql = statement_plan(&fx, "FROM questions q", "q.answered_at IS NULL",
                       plan, sizeof(plan));
  ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "%s\n%s", sql, plan);
  fx_close(&fx);
}
END_TEST

/* A reply's insert writes an entry into every index of the outbox that
 * is not partial: one such index (outbox_reporter, by reporter and
 * inbound message), which serves the purge of a reporter and the inline
 * replies of a message both; the other indexes hold only the rows still
 * to go, sent with a provider's id, or ended. */
START_TEST(outbox_has_one_index_every_row_is_in)
{
  struct fixture fx = {0};
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM pragma_index_list("
                             "'outbox') WHERE partial = 0", 0), 1);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM pragma_index_list("
                             "'outbox') l JOIN pragma_index_info(l.name) c"
                             " WHERE l.name = 'outbox_reporter'", 0), 2);
  fx_close(&fx);
}
END_TEST

/* The inline replies of a message come out of outbox_reporter in their
 * order, found by key and without a sort (EXPLAIN QUERY PLAN). */
START_TEST(inline_replies_need_no_sort)
{
  struct fixture fx = {0};
  char plan[4096];
  const char *sql;

  fx_open(&fx, "aduan.db");
  sql = statement_plan(&fx, "SELECT body FROM outbox", NULL, plan,
                       sizeof(plan));
  ck_assert_msg(strncmp(sql, "SELECT body FROM outbox", 23) == 0, "%s", sql);
  ck_assert_msg(strstr(plan, "TEMP B-TREE") == NULL, "%s\n%s", sql, plan);
  ck_assert_msg(strstr(plan, "SEARCH outbox USING INDEX outbox_reporter")
                != NULL, "%s\n%s", sql, plan);
  fx_close(&fx);
}
END_TEST

/* outbox_unconfirmed_due holds only the replies a delivery report is
 * awaited for: a reply sent where none will come (no_report) and an
 * inline reply (stored as sent, never through a provider) write no entry
 * of it, and the check never flags them; a reply sent where a report is
 * awaited is flagged as before. */
START_TEST(unconfirmed_index_holds_awaited_reports_only)
{
  struct fixture fx = {0};
  struct store_outbox o = {0};
  struct store_outbox_outcome out = {0};
  struct store_unconfirmed *rows = NULL;
  int64_t rid, awaited = 0, silent = 0, inline_id = 0;
  int n = -1;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  rid = new_reporter(fx.st, "+6281234567890");
  o.channel = "ks";
  o.reporter_id = rid;
  o.kind = "text";
  o.body = "halo";
  o.status = "queued";
  o.created_at = 1000;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &awaited), 0);
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &silent), 0);
  o.status = "sent";
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &inline_id), 0);
  out.status = "sent";
  out.attempts = 1;
  out.provider_id = "p1";
  out.now = 2000;
  ck_assert_int_eq(store_outbox_set(fx.st, awaited, &out), 0);
  out.provider_id = "p2";
  out.no_report = 1;
  ck_assert_int_eq(store_outbox_set(fx.st, silent, &out), 0);
  ck_assert_int_eq(q_int(db, "SELECT sum(ncell) FROM dbstat WHERE name ="
                             " 'outbox_unconfirmed_due' AND pagetype ="
                             " 'leaf'", 0), 1);
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  ck_assert_int_eq(store_outbox_flag_unconfirmed(fx.st, "ks", 5000, 6000, 10,
                                                 &rows, &n), 0);
  ck_assert_int_eq(store_batch_commit(fx.st), 0);
  ck_assert_int_eq(n, 1);
  ck_assert_int_eq(rows[0].id, awaited);
  store_unconfirmed_free(rows, n);
  fx_close(&fx);
}
END_TEST

/* The statements the start-up runs to read the open tickets find them
 * through an index: with 1 000 000 tickets of which 100 000 are open, a
 * scan reads ten times the rows it needs (and the whole file). */
START_TEST(start_up_statements_use_indexes)
{
  struct fixture fx = {0};
  int checked, bad;

  fx_open(&fx, "aduan.db");
  bad = count_scans(store_sqlite_handle(fx.st), 2, &checked);
  ck_assert_int_gt(checked, 0);
  ck_assert_msg(bad == 0, "%d statements of the start-up scan a table "
                "(listed above)", bad);
  fx_close(&fx);
}
END_TEST

/* What store_open_tickets() gave, one line per ticket. */
static int
walk_line(void *arg, int64_t id, int64_t reporter_id, const char *category,
          const char *terlapor, const char *kronologi)
{
  struct buf *b = arg;

  buf_printf(b, "%lld %lld %s|%s|%s\n", (long long)id,
             (long long)reporter_id, category ? category : "(null)",
             terlapor ? terlapor : "(null)", kronologi ? kronologi : "(null)");
  return 0;
}

/* Counts the tickets in *arg and stops the walk at the second. */
static int
walk_stop(void *arg, int64_t id, int64_t reporter_id, const char *category,
          const char *terlapor, const char *kronologi)
{
  int *n = arg;

  (void)id;
  (void)reporter_id;
  (void)category;
  (void)terlapor;
  (void)kronologi;
  return ++*n == 2 ? 7 : 0;
}

/* The walk over the open tickets that the start-up reads gives what the
 * open listing gives, in its order (oldest first, then by id): every
 * status but selesai and ditolak, whatever the ids' order. */
START_TEST(open_tickets_walk_like_the_list)
{
  static const int64_t created[] = {5000, 1000, 3000, 3000, 2000, 4000,
                                    6000, 2500};
  static const char *const to[] = {NULL, "diverifikasi", "selesai",
                                   "ditolak", "ditunda", "diproses", NULL,
                                   "diverifikasi"};
  struct fixture fx = {0};
  struct store_ticket_new tn = {0};
  struct store_ticket_filter f = {0};
  struct store_ticket_list l = {0};
  struct buf walk = BUF_INIT, list = BUF_INIT;
  char number[32];
  int64_t id;
  int i;

  fx_open(&fx, "t.db");
  tn.channel = "dev";
  tn.identitas = "anonim";
  for (i = 0; i < 8; i++) {
    tn.reporter_id = new_reporter(fx.st, i % 2 ? "+6281200000001"
                                               : "+6281200000002");
    tn.category = i == 6 ? NULL : "pemerasan";
    tn.terlapor = i % 3 ? "Kepala desa" : "Camat";
    tn.kronologi = i == 7 ? NULL : "Kepala desa meminta uang.";
    tn.created_at = created[i];
    ck_assert_int_eq(store_ticket_create(fx.st, &tn, "NTT", "bot", &id,
                                         number), 0);
    if (to[i] != NULL)
      ck_assert_int_eq(store_ticket_set_status(fx.st, id, "diterima", to[i],
                                               "op", "catatan", NULL,
                                               created[i] + 1), 0);
  }

  f.open_only = 1;
  ck_assert_int_eq(store_ticket_list(fx.st, &f, &l), 0);
  ck_assert_int_eq(l.n, 6);
  for (i = 0; i < l.n; i++)
    walk_line(&list, l.v[i].id, l.v[i].reporter_id, l.v[i].category,
              l.v[i].terlapor, l.v[i].kronologi);
  store_ticket_list_free(&l);
  ck_assert_int_eq(store_open_tickets(fx.st, walk_line, &walk), 0);
  ck_assert_str_eq(walk.data, list.data);
  /* Ids 2 (1000), 5 (2000), 8 (2500), 1, 6, 7: no closed one, in time. */
  ck_assert_int_eq(strtol(walk.data, NULL, 10), 2);

  /* A non-zero answer of the callback stops the walk and is returned. */
  i = 0;
  ck_assert_int_eq(store_open_tickets(fx.st, walk_stop, &i), 7);
  ck_assert_int_eq(i, 2);
  /* The statements were reset: a second walk gives the same again. */
  buf_reset(&list);
  ck_assert_int_eq(store_open_tickets(fx.st, walk_line, &list), 0);
  ck_assert_str_eq(walk.data, list.data);
  buf_free(&walk);
  buf_free(&list);
  fx_close(&fx);
}
END_TEST

/* Bytes of the file at path, or -1. */
static long long
file_size(const char *path)
{
  struct stat st;

  return stat(path, &st) == 0 ? (long long)st.st_size : -1;
}

/* With caller_syncs, store_sync() moves a grown WAL into the database,
 * so that the WAL starts over instead of growing with every batch. */
START_TEST(caller_syncs_keeps_the_wal_bounded)
{
  static char big[64 * 1024];
  struct fixture fx = {0};
  struct store_opts o = {0};
  struct store_inbound in;
  char err[256], id[32], *wal;
  int64_t rid, iid;
  long long most = 0;
  int b, i;

  fx.dir = tu_tmpdir();
  fx.path = tu_path(fx.dir, "aduan.db");
  o.path = fx.path;
  o.busy_timeout_ms = 1000;
  o.caller_syncs = 1;
  ck_assert_msg(store_open(&fx.st, &o, err, sizeof(err)) == 0, "%s", err);
  wal = tu_path(fx.dir, "aduan.db-wal");
  memset(big, 'x', sizeof(big));
  rid = new_reporter(fx.st, "+6281234567890");
  /* 64 batches of 1 MiB each, synced as the daemon does: while one
   * batch syncs, the next is open and being written. */
  ck_assert_int_eq(store_batch_begin(fx.st), 0);
  for (b = 0; b <= 64; b++) {
    for (i = 0; b < 64 && i < 16; i++) {
      snprintf(id, sizeof(id), "wamid.%d.%d", b, i);
      in = inbound("wa", id, rid);
      in.payload = big;
      in.payload_len = sizeof(big);
      ck_assert_int_eq(store_inbound_add(fx.st, &in, &iid), 0);
    }
    ck_assert_int_eq(store_batch_commit(fx.st), 0);
    ck_assert_int_eq(store_batch_begin(fx.st), 0);
    ck_assert_int_eq(store_sync(fx.st), 0);
    if (file_size(wal) > most)
      most = file_size(wal);
  }
  store_batch_rollback(fx.st);
  ck_assert_int_gt(file_size(fx.path), 32LL << 20);
  ck_assert_msg(most < 16LL << 20, "the WAL grew to %lld bytes", most);
  free(wal);
  fx_close(&fx);
}
END_TEST

START_TEST(newer_database_is_refused_by_open)
{
  struct fixture fx = {0};
  struct store_opts o = {0};
  struct store *st = NULL;
  char err[256];
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  new_reporter(fx.st, "+62811111111");
  store_close(fx.st);
  fx.st = NULL;

  db = raw_open(fx.path);
  ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO schema_migrations VALUES "
                                    "(99, '0099_future.sql', 1)",
                                NULL, NULL, NULL),
                   SQLITE_OK);
  sqlite3_close(db);

  o.path = fx.path;
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), AERR_SCHEMA);
  ck_assert_ptr_null(st);
  ck_assert_ptr_nonnull(strstr(err, fx.path));
  ck_assert_ptr_nonnull(strstr(err, "schema version 99"));

  db = raw_open(fx.path);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM reporters", 0), 1);
  ck_assert_int_eq(q_int(db, "SELECT max(version) FROM schema_migrations",
                         0), 99);
  sqlite3_close(db);
  fx_close(&fx);
}
END_TEST

/* A ticket keeps the finest place its lokasi matched, and gives it back
 * by id, by number and in lists; one without it reads as NULL. */
START_TEST(ticket_keeps_the_finest_place)
{
  struct fixture fx = {0};
  struct store_ticket_new tn = {0};
  struct store_ticket t;
  struct store_ticket_filter f = {0};
  struct store_ticket_list l = {0};
  char number[32], other[32];
  int64_t id = 0, id2 = 0;

  fx_open(&fx, "t.db");
  tn.reporter_id = new_reporter(fx.st, "+6281200000001");
  tn.channel = "dev";
  tn.category = "pemerasan";
  tn.terlapor = "Kepala desa";
  tn.lokasi = "Oesao";
  tn.lokasi_kode = "5303";
  tn.lokasi_tingkat = "kecamatan";
  tn.lokasi_tempat_kode = "53.01.06";
  tn.lokasi_tempat = "Kecamatan Kupang Timur, Kabupaten Kupang";
  tn.kronologi = "Kepala desa meminta uang untuk surat tanah.";
  tn.identitas = "anonim";
  tn.created_at = 1000;
  ck_assert_int_eq(store_ticket_create(fx.st, &tn, "NTT", "bot", &id,
                                       number), 0);
  tn.lokasi = "Kampung Lumbung Sari";
  tn.lokasi_kode = NULL;
  tn.lokasi_tingkat = NULL;
  tn.lokasi_tempat_kode = NULL;
  tn.lokasi_tempat = NULL;
  ck_assert_int_eq(store_ticket_create(fx.st, &tn, "NTT", "bot", &id2,
                                       other), 0);

  ck_assert_int_eq(store_ticket_by_id(fx.st, id, &t), 0);
  ck_assert_str_eq(t.lokasi_tingkat, "kecamatan");
  ck_assert_str_eq(t.lokasi_tempat_kode, "53.01.06");
  ck_assert_str_eq(t.lokasi_tempat,
                   "Kecamatan Kupang Timur, Kabupaten Kupang");
  store_ticket_clear(&t);
  ck_assert_int_eq(store_ticket_by_number(fx.st, number, &t), 0);
  ck_assert_str_eq(t.lokasi_tingkat, "kecamatan");
  store_ticket_clear(&t);
  ck_assert_int_eq(store_ticket_by_number(fx.st, other, &t), 0);
  ck_assert_ptr_null(t.lokasi_tingkat);
  ck_assert_ptr_null(t.lokasi_tempat_kode);
  ck_assert_ptr_null(t.lokasi_tempat);
  store_ticket_clear(&t);

  f.until = 2000;
  ck_assert_int_eq(store_ticket_list(fx.st, &f, &l), 0);
  ck_assert_int_eq(l.n, 2);
  ck_assert_str_eq(l.v[0].lokasi_tempat_kode, "53.01.06");
  ck_assert_str_eq(l.v[0].lokasi_tingkat, "kecamatan");
  ck_assert_ptr_null(l.v[1].lokasi_tempat);
  store_ticket_list_free(&l);
  fx_close(&fx);
}
END_TEST

START_TEST(memory_database_works)
{
  struct store_opts o = {0};
  struct store *st = NULL;
  char err[256];
  int64_t a = 0, b = 0;
  int version = 0;

  o.path = ":memory:";
  ck_assert_int_eq(store_open(&st, &o, err, sizeof(err)), 0);
  ck_assert_int_eq(store_schema_version(st, &version), 0);
  ck_assert_int_eq(version, migrate_latest(migrate_builtin));
  ck_assert_int_eq(store_reporter_ensure(st, "+62811111111", 1, &a), 0);
  ck_assert_int_eq(store_reporter_ensure(st, "+62811111111", 2, &b), 0);
  ck_assert_int_eq(a, b);
  ck_assert_int_ne(access(":memory:", F_OK), 0);
  store_close(st);
}
END_TEST

/* A reporter is a number, a BSUID, or both, linked (SPEC 2, WhatsApp
 * usernames): the same person arriving first one way, then the other,
 * is one reporter. */
START_TEST(reporter_known_by_bsuid)
{
  struct fixture fx = {0};
  enum store_id_how how;
  int64_t a = 0, b = 0, c = 0, d = 0, e = 0;
  char *v;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  /* Only a BSUID: a new reporter, without a number. */
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, "ID.4471920083316652",
                                           10, &a, &how), 0);
  ck_assert_int_eq(how, STORE_ID_NEW);
  v = q_str(db, "SELECT bsuid FROM reporters WHERE id = ?1", a);
  ck_assert_str_eq(v, "ID.4471920083316652");
  free(v);
  v = q_str(db, "SELECT phone FROM reporters WHERE id = ?1", a);
  ck_assert(strncmp(v, "bsuid:R-", 8) == 0);
  free(v);
  /* Then with a number too: the same reporter takes the number. */
  ck_assert_int_eq(store_reporter_identify(fx.st, "+6281339401122",
                                           "ID.4471920083316652", 20, &b,
                                           &how), 0);
  ck_assert_int_eq(b, a);
  ck_assert_int_eq(how, STORE_ID_LINKED);
  /* Then by the number alone, and by the BSUID alone. */
  ck_assert_int_eq(store_reporter_identify(fx.st, "+6281339401122", "", 30,
                                           &c, &how), 0);
  ck_assert_int_eq(c, a);
  ck_assert_int_eq(how, STORE_ID_FOUND);
  ck_assert_int_eq(new_reporter(fx.st, "+6281339401122"), a);
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, "ID.4471920083316652",
                                           40, &d, NULL), 0);
  ck_assert_int_eq(d, a);

  /* The other way round: a number first, then number and BSUID, then
   * the BSUID alone. */
  e = new_reporter(fx.st, "+6285239107788");
  ck_assert_int_eq(store_reporter_identify(fx.st, "+6285239107788",
                                           "ID.8830126645190734", 50, &b,
                                           &how), 0);
  ck_assert_int_eq(b, e);
  ck_assert_int_eq(how, STORE_ID_LINKED);
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, "ID.8830126645190734",
                                           60, &c, &how), 0);
  ck_assert_int_eq(c, e);
  ck_assert_int_eq(how, STORE_ID_FOUND);
  ck_assert_int_eq(reporters(fx.st), 2);

  /* A number and a BSUID that are two reporters already: the number's
   * reporter is used and neither changes. */
  ck_assert_int_eq(store_reporter_identify(fx.st, "+6281339401122",
                                           "ID.8830126645190734", 70, &c,
                                           &how), 0);
  ck_assert_int_eq(c, a);
  ck_assert_int_eq(how, STORE_ID_CONFLICT);
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, NULL, 1, &c, &how),
                   -EINVAL);
  fx_close(&fx);
}
END_TEST

/* user_changed_number: the reporter keeps their rows under the new
 * number and BSUID; a new identifier someone else holds changes nothing. */
START_TEST(reporter_renumbered)
{
  struct fixture fx = {0};
  int64_t a, b, id = 0, t = 0;
  sqlite3 *db;
  char *v;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  ck_assert_int_eq(store_reporter_identify(fx.st, "+6285239107788",
                                           "ID.8830126645190734", 1, &a,
                                           NULL), 0);
  b = new_reporter(fx.st, "+6281339401122");
  ck_assert_int_eq(store_reporter_renumber(fx.st, "+6285239107788",
                                           "ID.8830126645190734",
                                           "+6285239105566",
                                           "ID.5520938817364021", &id), 0);
  ck_assert_int_eq(id, a);
  ck_assert_int_eq(new_reporter(fx.st, "+6285239105566"), a);
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, "ID.5520938817364021",
                                           2, &t, NULL), 0);
  ck_assert_int_eq(t, a);
  /* By the old BSUID when the old number is not given. */
  ck_assert_int_eq(store_reporter_renumber(fx.st, NULL,
                                           "ID.5520938817364021",
                                           "+6285239104433", NULL, &id), 0);
  ck_assert_int_eq(id, a);
  v = q_str(db, "SELECT phone FROM reporters WHERE id = ?1", a);
  ck_assert_str_eq(v, "+6285239104433");
  free(v);
  ck_assert_int_eq(store_reporter_renumber(fx.st, "+6285239104433", NULL,
                                           "+6281339401122", NULL, &id),
                   AERR_DUP);
  ck_assert_int_eq(store_reporter_renumber(fx.st, "+6289999999999", NULL,
                                           "+6281339401123", NULL, &id),
                   AERR_NOTFOUND);
  ck_assert_int_eq(new_reporter(fx.st, "+6281339401122"), b);
  ck_assert_int_eq(reporters(fx.st), 2);
  fx_close(&fx);
}
END_TEST

/* The sender reads a BSUID-only reporter's rows with no number and their
 * BSUID; a BSUID a send answer named is kept for a reporter who has
 * none; the identity shows both; the purge removes both. */
START_TEST(outbox_and_identity_carry_bsuid)
{
  struct fixture fx = {0};
  struct store_outbox o = {0};
  struct store_outbox_row *rows = NULL;
  struct store_purge p = {0};
  struct store_identity idn = {0};
  int64_t a, b, oid = 0, oid2 = 0;
  int n = 0;
  sqlite3 *db;

  fx_open(&fx, "aduan.db");
  db = store_sqlite_handle(fx.st);
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, "ID.4471920083316652",
                                           1, &a, NULL), 0);
  b = new_reporter(fx.st, "+6281339401122");
  o.channel = "wa";
  o.kind = "text";
  o.status = "queued";
  o.created_at = 5;
  o.body = "halo";
  o.reporter_id = a;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid), 0);
  o.reporter_id = b;
  ck_assert_int_eq(store_outbox_add(fx.st, &o, &oid2), 0);
  ck_assert_int_eq(store_outbox_take(fx.st, "wa", 10, 10, &rows, &n), 0);
  ck_assert_int_eq(n, 2);
  ck_assert_ptr_null(rows[0].phone);
  ck_assert_str_eq(rows[0].bsuid, "ID.4471920083316652");
  ck_assert_str_eq(rows[1].phone, "+6281339401122");
  ck_assert_ptr_null(rows[1].bsuid);
  store_outbox_rows_free(rows, n);

  ck_assert_int_eq(store_outbox_bsuid(fx.st, oid2, "ID.2290417730058813"), 0);
  ck_assert_int_eq(store_outbox_bsuid(fx.st, oid2, "ID.2290417730058814"),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_outbox_bsuid(fx.st, oid, "ID.2290417730058813"),
                   AERR_NOTFOUND);
  ck_assert_int_eq(store_reporter_identify(fx.st, NULL, "ID.2290417730058813",
                                           2, &oid, NULL), 0);
  ck_assert_int_eq(oid, b);

  /* Identity and purge, through a ticket of the BSUID-only reporter. */
  ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO tickets (id, number, year,"
                                " seq, reporter_id, channel, status,"
                                " created_at, updated_at) VALUES (7,"
                                " 'NTT-2026-00007', 2026, 7, 1, 'wa',"
                                " 'selesai', 1, 1)", NULL, NULL, NULL),
                   SQLITE_OK);
  ck_assert_int_eq(store_ticket_identity(fx.st, 7, &idn), 0);
  ck_assert_ptr_null(idn.phone);
  ck_assert_str_eq(idn.bsuid, "ID.4471920083316652");
  store_identity_clear(&idn);
  ck_assert_int_eq(sqlite3_exec(db, "UPDATE outbox SET status = 'sent'",
                                NULL, NULL, NULL), SQLITE_OK);
  p.now = 1000000000;
  p.personal_before = 1000000000;
  p.limit = 100;
  ck_assert_int_eq(store_purge_step(fx.st, &p), 0);
  ck_assert_int_eq(p.reporters, 2);
  ck_assert_int_eq(q_int(db, "SELECT count(*) FROM reporters WHERE bsuid IS"
                         " NOT NULL OR phone LIKE '+%'", 0), 0);
  ck_assert_int_eq(store_ticket_identity(fx.st, 7, &idn), 0);
  ck_assert_ptr_null(idn.phone);
  ck_assert_ptr_null(idn.bsuid);
  store_identity_clear(&idn);
  fx_close(&fx);
}
END_TEST

/* The duplicate check's read of a candidate gives what it compares,
 * exactly as the whole ticket has it, and nothing of a missing one. */
START_TEST(ticket_texts_are_the_ticket_s)
{
  struct fixture fx = {0};
  struct store_ticket_new tn = {0};
  struct store_ticket t, w;
  char number[32];
  int64_t id = 0;

  fx_open(&fx, "t.db");
  tn.reporter_id = new_reporter(fx.st, "+6281200000001");
  tn.channel = "dev";
  tn.category = "pemerasan";
  tn.terlapor = "Kepala desa";
  tn.lokasi = "Oesao";
  tn.lokasi_kode = "5303";
  tn.waktu = "kemarin";
  tn.waktu_tanggal = "2026-03-14";
  tn.kronologi = "Kepala desa meminta uang untuk surat tanah.";
  tn.identitas = "anonim";
  tn.created_at = 1000;
  ck_assert_int_eq(store_ticket_create(fx.st, &tn, "NTT", "bot", &id,
                                       number), 0);
  ck_assert_int_eq(store_ticket_by_id(fx.st, id, &w), 0);
  ck_assert_int_eq(store_ticket_texts(fx.st, id, &t), 0);
  ck_assert_int_eq(t.id, id);
  ck_assert_int_eq(t.reporter_id, w.reporter_id);
  ck_assert_str_eq(t.number, w.number);
  ck_assert_str_eq(t.status, "diterima");
  ck_assert_str_eq(t.terlapor, w.terlapor);
  ck_assert_str_eq(t.lokasi_kode, w.lokasi_kode);
  ck_assert_str_eq(t.waktu, w.waktu);
  ck_assert_str_eq(t.waktu_tanggal, w.waktu_tanggal);
  ck_assert_str_eq(t.kronologi, w.kronologi);
  store_ticket_clear(&t);
  store_ticket_clear(&w);
  ck_assert_int_eq(store_ticket_texts(fx.st, id + 1, &t), AERR_NOTFOUND);
  store_ticket_clear(&t);
  fx_close(&fx);
}
END_TEST

static Suite *
store_suite(void)
{
  Suite *s = suite_create("store");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, open_creates_private_wal_database);
  tcase_add_test(tc, sqlite_counts_no_memory);
  tcase_add_test(tc, committed_data_survives_reopen);
  tcase_add_test(tc, reporter_ensure_is_idempotent);
  tcase_add_test(tc, reporter_handles_differ_across_blocks);
  tcase_add_test(tc, reporter_known_by_bsuid);
  tcase_add_test(tc, reporter_renumbered);
  tcase_add_test(tc, outbox_and_identity_carry_bsuid);
  tcase_add_test(tc, inbound_is_unique_per_channel);
  tcase_add_test(tc, outbox_replies_in_order);
  tcase_add_test(tc, outbox_status_keys_only_partial_indexes);
  tcase_add_test(tc, outbox_provider_index_holds_sent_rows_only);
  tcase_add_test(tc, outbox_counts_every_status);
  tcase_add_test(tc, outbox_next_is_the_earliest_of_every_channel);
  tcase_add_test(tc, session_written_back_in_place);
  tcase_add_test(tc, rolled_back_savepoint_leaves_rest_of_batch);
  tcase_add_test(tc, sp_run_keeps_or_drops_one_request);
  tcase_add_test(tc, batch_rollback_discards);
  tcase_add_test(tc, savepoint_without_batch_is_its_own_transaction);
  tcase_add_test(tc, locked_database_is_busy);
  tcase_add_test(tc, full_database_loses_the_batch);
  tcase_add_test(tc, readonly_database_refuses_writes);
  tcase_add_test(tc, unknown_backend_is_refused);
  tcase_add_test(tc, unusable_folder_fails_cleanly);
  tcase_add_test(tc, message_path_statements_use_indexes);
  tcase_add_test(tc, start_up_statements_use_indexes);
  tcase_add_test(tc, waiting_question_needs_no_sort);
  tcase_add_test(tc, outbox_has_one_index_every_row_is_in);
  tcase_add_test(tc, inline_replies_need_no_sort);
  tcase_add_test(tc, unconfirmed_index_holds_awaited_reports_only);
  tcase_add_test(tc, open_tickets_walk_like_the_list);
  tcase_add_test(tc, caller_syncs_keeps_the_wal_bounded);
  tcase_add_test(tc, newer_database_is_refused_by_open);
  tcase_add_test(tc, memory_database_works);
  tcase_add_test(tc, ticket_keeps_the_finest_place);
  tcase_add_test(tc, ticket_texts_are_the_ticket_s);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(store_suite)
