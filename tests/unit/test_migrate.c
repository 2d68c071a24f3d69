/*
 * test_migrate.c: numbered migrations applied in one transaction,
 * recorded, never re-applied, and refused on a database newer than the
 * binary or when one of them fails.
 */
#include <sqlite3.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "store/migrate.h"
#include "testutil.h"

/* A fresh database file in its own temporary folder. */
struct fixture {
  char *dir;
  char *path;
  sqlite3 *db;
};

static void
fx_open(struct fixture *fx)
{
  fx->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(fx->dir);
  fx->path = tu_path(fx->dir, "m.db");
  ck_assert_ptr_nonnull(fx->path);
  ck_assert_int_eq(sqlite3_open(fx->path, &fx->db), SQLITE_OK);
}

static void
fx_close(struct fixture *fx)
{
  sqlite3_close(fx->db);
  tu_rmrf(fx->dir);
  free(fx->path);
  free(fx->dir);
}

/* The one integer that sql yields. */
static int64_t
q_int(sqlite3 *db, const char *sql)
{
  sqlite3_stmt *stmt = NULL;
  int64_t v;

  ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
  ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
  v = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return v;
}

/* 1 when a table of that name exists. */
static int
has_table(sqlite3 *db, const char *name)
{
  sqlite3_stmt *stmt = NULL;
  int found;

  ck_assert_int_eq(sqlite3_prepare_v2(db,
                                      "SELECT count(*) FROM sqlite_master "
                                      "WHERE type = 'table' AND name = ?1",
                                      -1, &stmt, NULL),
                   SQLITE_OK);
  sqlite3_bind_text(stmt, 1, name, -1, SQLITE_STATIC);
  ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
  found = sqlite3_column_int(stmt, 0) > 0;
  sqlite3_finalize(stmt);
  return found;
}

static int
builtin_count(void)
{
  int n = 0;

  while (migrate_builtin[n].name != NULL)
    n++;
  return n;
}

START_TEST(fresh_database_gets_every_builtin)
{
  static const char *const tables[] = {
    "reporters", "inbound", "sessions", "tickets", "ticket_events",
    "evidence", "outbox", "schema_migrations",
  };
  struct fixture fx = {0};
  char err[256];
  int applied = -1, version = -1;
  size_t i;

  fx_open(&fx);
  ck_assert_int_ge(builtin_count(), 1);
  ck_assert_int_eq(migrate_apply(fx.db, migrate_builtin, &applied, err,
                                 sizeof(err)), 0);
  ck_assert_int_eq(applied, builtin_count());
  ck_assert_int_eq(migrate_version(fx.db, &version), 0);
  ck_assert_int_eq(version, migrate_latest(migrate_builtin));
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM schema_migrations"),
                   builtin_count());
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM schema_migrations "
                                "WHERE version = 1 AND name = "
                                "'0001_init.sql' AND applied_at > 0"), 1);
  for (i = 0; i < sizeof(tables) / sizeof(tables[0]); i++)
    ck_assert_msg(has_table(fx.db, tables[i]), "no table %s", tables[i]);
  ck_assert_int_eq(sqlite3_get_autocommit(fx.db), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(applying_again_changes_nothing)
{
  struct fixture fx = {0};
  char err[256];
  int64_t cookie, objects, at;
  int applied = -1;

  fx_open(&fx);
  ck_assert_int_eq(migrate_apply(fx.db, migrate_builtin, &applied, err,
                                 sizeof(err)), 0);
  ck_assert_int_gt(applied, 0);
  cookie = q_int(fx.db, "PRAGMA schema_version");
  objects = q_int(fx.db, "SELECT count(*) FROM sqlite_master");
  at = q_int(fx.db, "SELECT sum(applied_at) FROM schema_migrations");
  ck_assert_int_eq(migrate_apply(fx.db, migrate_builtin, &applied, err,
                                 sizeof(err)), 0);
  ck_assert_int_eq(applied, 0);
  ck_assert_int_eq(q_int(fx.db, "PRAGMA schema_version"), cookie);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM sqlite_master"),
                   objects);
  ck_assert_int_eq(q_int(fx.db, "SELECT sum(applied_at) FROM "
                                "schema_migrations"), at);
  fx_close(&fx);
}
END_TEST

/*
 * 0007 rebuilds the evidence table: rows, ids and indexes survive, ids
 * are never given twice from then on, and (0009) every deleted row is
 * queued with its file's digest.
 */
START_TEST(evidence_rebuild_keeps_rows_and_never_reuses_ids)
{
  struct migration upto6[7];
  struct fixture fx = {0};
  char err[256];
  int applied = -1, i;

  for (i = 0; i < 6; i++)
    upto6[i] = migrate_builtin[i];
  memset(&upto6[6], 0, sizeof(upto6[6]));
  ck_assert_int_eq(upto6[5].version, 6);
  fx_open(&fx);
  ck_assert_int_eq(migrate_apply(fx.db, upto6, &applied, err, sizeof(err)),
                   0);
  ck_assert_int_eq(sqlite3_exec(fx.db,
    "INSERT INTO reporters (id, phone, handle, created_at)"
    " VALUES (1, '+6281200000001', 'R-1', 0);"
    "INSERT INTO inbound (id, channel, provider_id, reporter_id, kind,"
    " received_at) VALUES (1, 'dev', 'p1', 1, 'media', 0);"
    "INSERT INTO evidence (id, inbound_id, sha256, status, received_at,"
    " attempts, source_url) VALUES (5, 1, 'aa', 'stored', 7, 2, 'u5'),"
    " (9, 1, NULL, 'pending', 8, 1, 'u9');", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq(migrate_apply(fx.db, migrate_builtin, &applied, err,
                                 sizeof(err)), 0);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM evidence WHERE "
                                "(id = 5 AND sha256 = 'aa' AND attempts = 2"
                                " AND received_at = 7 AND source_url = 'u5')"
                                " OR (id = 9 AND status = 'pending' AND "
                                "attempts = 1 AND source_url = 'u9')"), 2);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM sqlite_master WHERE "
                                "type = 'index' AND name IN "
                                "('evidence_status', 'evidence_ticket')"), 2);
  ck_assert_int_eq(sqlite3_exec(fx.db,
    "DELETE FROM evidence WHERE id = 9;"
    "INSERT INTO evidence (inbound_id, status, received_at)"
    " VALUES (1, 'pending', 9);", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq(q_int(fx.db, "SELECT max(id) FROM evidence"), 10);
  ck_assert_int_eq(sqlite3_exec(fx.db, "DELETE FROM evidence WHERE id >= 5",
                                NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM evidence_dropped "
                                "WHERE (evidence_id = 9 AND sha256 IS NULL)"
                                " OR (evidence_id = 5 AND sha256 = 'aa')"
                                " OR evidence_id = 10"), 3);
  ck_assert_int_eq(sqlite3_exec(fx.db,
    "INSERT INTO evidence (inbound_id, status, received_at)"
    " VALUES (1, 'pending', 10);", NULL, NULL, NULL), SQLITE_OK);
  ck_assert_int_eq(q_int(fx.db, "SELECT max(id) FROM evidence"), 11);
  fx_close(&fx);
}
END_TEST

/* The built-in migrations older than version into out (cap entries, the
 * end mark included), for a database as an older release left it. */
static void
builtin_before(struct migration *out, int cap, int version)
{
  int n = 0;

  while (migrate_builtin[n].name != NULL &&
         migrate_builtin[n].version < version) {
    ck_assert_int_lt(n, cap - 1);
    out[n] = migrate_builtin[n];
    n++;
  }
  memset(&out[n], 0, sizeof(out[n]));
}

/* A database at the migration before version, rows put in by sql, then
 * migrated to the newest: the rows an upgrade finds. */
static void
upgrade_with_rows(struct fixture *fx, int version, const char *sql)
{
  struct migration before[64];
  char err[256];
  int applied = -1;

  builtin_before(before, 64, version);
  fx_open(fx);
  ck_assert_int_eq(migrate_apply(fx->db, before, &applied, err, sizeof(err)),
                   0);
  ck_assert_msg(sqlite3_exec(fx->db, sql, NULL, NULL, NULL) == SQLITE_OK,
                "%s", sqlite3_errmsg(fx->db));
  ck_assert_int_eq(migrate_apply(fx->db, migrate_builtin, &applied, err,
                                 sizeof(err)), 0);
  ck_assert_int_ge(applied, 1);
}

/*
 * 0017 gives tickets the finest place their lokasi matched: its level,
 * code and label; tickets filed before it keep every field and read NULL
 * there.
 */
START_TEST(finest_place_columns_added_to_old_tickets)
{
  struct fixture fx = {0};

  upgrade_with_rows(&fx, 17,
    "INSERT INTO reporters (id, phone, handle, created_at)"
    " VALUES (1, '+6281200000001', 'R-1', 0);"
    "INSERT INTO tickets (number, year, seq, reporter_id, channel, status,"
    " lokasi, lokasi_kode, created_at, updated_at) VALUES ('NTT-2026-00001',"
    " 2026, 1, 1, 'dev', 'diterima', 'Ende', '5311', 1, 1);");
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM tickets WHERE lokasi ="
                                " 'Ende' AND lokasi_kode = '5311' AND "
                                "lokasi_tingkat IS NULL AND "
                                "lokasi_tempat_kode IS NULL AND "
                                "lokasi_tempat IS NULL"), 1);
  ck_assert_int_eq(sqlite3_exec(fx.db,
    "UPDATE tickets SET lokasi_tingkat = 'desa', lokasi_tempat_kode ="
    " '53.08.08.2001', lokasi_tempat = 'Desa X'", NULL, NULL, NULL),
    SQLITE_OK);
  fx_close(&fx);
}
END_TEST

/*
 * 0025: replies sent before it keep report_expected 1, so that the
 * unconfirmed check still looks at them, through its index.
 */
START_TEST(replies_sent_before_0025_still_await_a_report)
{
  struct fixture fx = {0};

  upgrade_with_rows(&fx, 25,
    "INSERT INTO reporters (id, phone, handle, created_at)"
    " VALUES (1, '+6281200000001', 'R-1', 0);"
    "INSERT INTO outbox (id, channel, reporter_id, kind, body, status,"
    " created_at, updated_at, sent_at) VALUES"
    " (1, 'wa', 1, 'text', 'a', 'sent', 1, 1, 1),"
    " (2, 'wa', 1, 'text', 'b', 'queued', 1, 1, NULL);");
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM outbox"
                                " WHERE report_expected = 1"), 2);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM outbox"
                                " INDEXED BY outbox_unconfirmed_due"
                                " WHERE channel = 'wa' AND status = 'sent'"
                                " AND delivery IS NULL AND unconfirmed_at"
                                " IS NULL AND report_expected = 1"
                                " AND sent_at <= 1"), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(only_new_migrations_are_applied)
{
  static const struct migration two[] = {
    {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
    {2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"},
    {0, NULL, NULL},
  };
  static const struct migration three[] = {
    {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
    {2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"},
    {3, "0003_c.sql", "CREATE TABLE c (x INTEGER);\n"
                      "INSERT INTO a (x) VALUES (7);"},
    {0, NULL, NULL},
  };
  struct fixture fx = {0};
  char err[256];
  int applied = -1, version = -1;

  fx_open(&fx);
  ck_assert_int_eq(migrate_latest(two), 2);
  ck_assert_int_eq(migrate_latest(three), 3);
  ck_assert_int_eq(migrate_apply(fx.db, two, &applied, err, sizeof(err)), 0);
  ck_assert_int_eq(applied, 2);
  ck_assert_int_eq(migrate_apply(fx.db, three, &applied, err, sizeof(err)),
                   0);
  ck_assert_int_eq(applied, 1);
  ck_assert_int_eq(migrate_version(fx.db, &version), 0);
  ck_assert_int_eq(version, 3);
  ck_assert(has_table(fx.db, "c"));
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM a"), 1);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM schema_migrations"),
                   3);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM schema_migrations "
                                "WHERE version = 3 AND name = "
                                "'0003_c.sql'"), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(newer_database_is_refused_untouched)
{
  struct fixture fx = {0};
  char err[256];
  int64_t objects, cookie;
  int applied = -1, version = -1;

  fx_open(&fx);
  ck_assert_int_eq(sqlite3_exec(fx.db,
                                "CREATE TABLE schema_migrations ("
                                " version INTEGER PRIMARY KEY,"
                                " name TEXT NOT NULL,"
                                " applied_at INTEGER NOT NULL);"
                                "INSERT INTO schema_migrations VALUES "
                                "(99, '0099_future.sql', 1);",
                                NULL, NULL, NULL),
                   SQLITE_OK);
  objects = q_int(fx.db, "SELECT count(*) FROM sqlite_master");
  cookie = q_int(fx.db, "PRAGMA schema_version");
  ck_assert_int_eq(migrate_apply(fx.db, migrate_builtin, &applied, err,
                                 sizeof(err)), AERR_SCHEMA);
  ck_assert_int_eq(applied, 0);
  ck_assert_ptr_nonnull(strstr(err, "schema version 99"));
  ck_assert_ptr_nonnull(strstr(err, "use a newer aduand"));
  ck_assert(!has_table(fx.db, "reporters"));
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM sqlite_master"),
                   objects);
  ck_assert_int_eq(q_int(fx.db, "PRAGMA schema_version"), cookie);
  ck_assert_int_eq(migrate_version(fx.db, &version), 0);
  ck_assert_int_eq(version, 99);
  fx_close(&fx);
}
END_TEST

START_TEST(failing_migration_rolls_back_the_run)
{
  static const struct migration bad[] = {
    {1, "0001_good.sql", "CREATE TABLE good (x INTEGER);"},
    {2, "0002_broken.sql", "CREATE TABLE broken (x INTEGER);\n"
                           "INSERT INTO nowhere VALUES (1);"},
    {0, NULL, NULL},
  };
  static const struct migration good_only[] = {
    {1, "0001_good.sql", "CREATE TABLE good (x INTEGER);"},
    {0, NULL, NULL},
  };
  struct fixture fx = {0};
  char err[256];
  int applied = -1, version = -1;

  fx_open(&fx);
  ck_assert_int_eq(migrate_apply(fx.db, bad, &applied, err, sizeof(err)),
                   AERR_STORE);
  ck_assert_int_eq(applied, 0);
  ck_assert_ptr_nonnull(strstr(err, "0002_broken.sql"));
  ck_assert_ptr_nonnull(strstr(err, "no such table: nowhere"));
  ck_assert(!has_table(fx.db, "good"));
  ck_assert(!has_table(fx.db, "broken"));
  ck_assert(!has_table(fx.db, "schema_migrations"));
  ck_assert_int_eq(sqlite3_get_autocommit(fx.db), 1);
  ck_assert_int_eq(migrate_version(fx.db, &version), 0);
  ck_assert_int_eq(version, 0);
  /* The database is usable afterwards: the good one alone applies. */
  ck_assert_int_eq(migrate_apply(fx.db, good_only, &applied, err,
                                 sizeof(err)), 0);
  ck_assert_int_eq(applied, 1);
  ck_assert(has_table(fx.db, "good"));
  fx_close(&fx);
}
END_TEST

START_TEST(transaction_statements_are_refused_in_migrations)
{
  static const struct migration sneaky[] = {
    {1, "0001_commits.sql", "CREATE TABLE early (x INTEGER);\nCOMMIT;\n"
                            "CREATE TABLE late (x INTEGER);"},
    {0, NULL, NULL},
  };
  struct fixture fx = {0};
  char err[256];

  fx_open(&fx);
  ck_assert_int_eq(migrate_apply(fx.db, sneaky, NULL, err, sizeof(err)),
                   AERR_STORE);
  ck_assert_ptr_nonnull(strstr(err, "0001_commits.sql"));
  ck_assert_ptr_nonnull(strstr(err, "not allowed"));
  ck_assert(!has_table(fx.db, "early"));
  ck_assert(!has_table(fx.db, "late"));
  ck_assert_int_eq(sqlite3_get_autocommit(fx.db), 1);
  fx_close(&fx);
}
END_TEST

START_TEST(unordered_lists_are_refused)
{
  static const struct migration backwards[] = {
    {2, "0002_b.sql", "CREATE TABLE b (x INTEGER);"},
    {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
    {0, NULL, NULL},
  };
  static const struct migration twice[] = {
    {1, "0001_a.sql", "CREATE TABLE a (x INTEGER);"},
    {1, "0001_again.sql", "CREATE TABLE again (x INTEGER);"},
    {0, NULL, NULL},
  };
  static const struct migration zero[] = {
    {-1, "bad.sql", "CREATE TABLE z (x INTEGER);"},
    {0, NULL, NULL},
  };
  struct fixture fx = {0};
  char err[256];

  fx_open(&fx);
  ck_assert_int_eq(migrate_apply(fx.db, backwards, NULL, err, sizeof(err)),
                   AERR_STORE);
  ck_assert_ptr_nonnull(strstr(err, "0001_a.sql"));
  ck_assert_int_eq(migrate_apply(fx.db, twice, NULL, err, sizeof(err)),
                   AERR_STORE);
  ck_assert_ptr_nonnull(strstr(err, "0001_again.sql"));
  ck_assert_int_eq(migrate_apply(fx.db, zero, NULL, err, sizeof(err)),
                   AERR_STORE);
  ck_assert_int_eq(q_int(fx.db, "SELECT count(*) FROM sqlite_master"), 0);
  fx_close(&fx);
}
END_TEST

static Suite *
migrate_suite(void)
{
  Suite *s = suite_create("migrate");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, fresh_database_gets_every_builtin);
  tcase_add_test(tc, applying_again_changes_nothing);
  tcase_add_test(tc, finest_place_columns_added_to_old_tickets);
  tcase_add_test(tc, replies_sent_before_0025_still_await_a_report);
  tcase_add_test(tc, only_new_migrations_are_applied);
  tcase_add_test(tc, evidence_rebuild_keeps_rows_and_never_reuses_ids);
  tcase_add_test(tc, newer_database_is_refused_untouched);
  tcase_add_test(tc, failing_migration_rolls_back_the_run);
  tcase_add_test(tc, transaction_statements_are_refused_in_migrations);
  tcase_add_test(tc, unordered_lists_are_refused);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(migrate_suite)
