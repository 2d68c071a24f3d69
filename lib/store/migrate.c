/*
 * migrate.c: brings a SQLite database to the schema this binary knows
 * (see migrate.h).
 *
 * This file owns the table schema_migrations and the rules around it: a
 * database is read before anything is written, refused untouched when it
 * is newer than the binary, and otherwise migrated in one IMMEDIATE
 * transaction that either applies and records every missing migration or
 * leaves the database exactly as it was.
 */
#include "store/migrate.h"

#include <sqlite3.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <time.h>

#include "base/err.h"

static const char sql_create_table[] =
  "CREATE TABLE IF NOT EXISTS schema_migrations ("
  " version INTEGER PRIMARY KEY,"
  " name TEXT NOT NULL,"
  " applied_at INTEGER NOT NULL)";

static const char sql_table_exists[] =
  "SELECT count(*) FROM sqlite_master"
  " WHERE type = 'table' AND name = 'schema_migrations'";

static const char sql_max_version[] =
  "SELECT coalesce(max(version), 0) FROM schema_migrations";

static const char sql_record[] =
  "INSERT INTO schema_migrations (version, name, applied_at)"
  " VALUES (?1, ?2, ?3)";

/* Write a sentence into err, when the caller gave room for one. */
static void __attribute__((format(printf, 3, 4)))
migrate_err(char *err, size_t errlen, const char *fmt, ...)
{
  va_list ap;

  if (err == NULL || errlen == 0)
    return;
  va_start(ap, fmt);
  vsnprintf(err, errlen, fmt, ap);
  va_end(ap);
}

/* Milliseconds since the epoch, UTC. */
static int64_t
migrate_now_ms(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/*
 * Run a statement that yields one integer row and store that integer.
 * Returns the SQLite result code.
 */
static int
migrate_query_int(sqlite3 *db, const char *sql, int64_t *out)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, sql, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    *out = sqlite3_column_int64(stmt, 0);
    rc = SQLITE_OK;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_ERROR;
  }
  sqlite3_finalize(stmt);
  return rc;
}

/*
 * The recorded version as a SQLite result code, so that callers can
 * report sqlite3_errmsg() next to it.  A database without the table is
 * at version 0.
 */
static int
migrate_read_version(sqlite3 *db, int *version)
{
  int64_t n = 0;
  int rc = migrate_query_int(db, sql_table_exists, &n);

  *version = 0;
  if (rc != SQLITE_OK || n == 0)
    return rc;
  rc = migrate_query_int(db, sql_max_version, &n);
  if (rc == SQLITE_OK)
    *version = n > 0x7fffffff ? 0x7fffffff : (int)n;
  return rc;
}

int
migrate_version(struct sqlite3 *db, int *version)
{
  return migrate_read_version(db, version) == SQLITE_OK ? 0 : AERR_STORE;
}

int
migrate_latest(const struct migration *list)
{
  int latest = 0;

  for (; list->name != NULL; list++)
    latest = list->version;
  return latest;
}

/* Check that versions are positive and strictly increasing. */
static int
migrate_check_list(const struct migration *list, char *err, size_t errlen)
{
  int prev = 0;

  for (; list->name != NULL; list++) {
    if (list->sql == NULL || list->version <= prev) {
      migrate_err(err, errlen,
                  "migration list is invalid: %s (version %d) does not "
                  "come after version %d or has no SQL",
                  list->name, list->version, prev);
      return AERR_STORE;
    }
    prev = list->version;
  }
  return 0;
}

/* Record one applied migration.  Returns the SQLite result code. */
static int
migrate_record(sqlite3 *db, const struct migration *m)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, sql_record, -1, &stmt, NULL);

  if (rc != SQLITE_OK)
    return rc;
  sqlite3_bind_int(stmt, 1, m->version);
  sqlite3_bind_text(stmt, 2, m->name, -1, SQLITE_STATIC);
  sqlite3_bind_int64(stmt, 3, migrate_now_ms());
  rc = sqlite3_step(stmt);
  sqlite3_finalize(stmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

/*
 * Fail the run if a migration broke a foreign key (a table rebuilt the
 * wrong way, say).  Returns the SQLite result code; a violation is
 * reported as SQLITE_CONSTRAINT with the offending table in err.
 */
static int
migrate_check_foreign_keys(sqlite3 *db, const char *name, char *err,
                           size_t errlen)
{
  sqlite3_stmt *stmt = NULL;
  int rc = sqlite3_prepare_v2(db, "PRAGMA foreign_key_check", -1, &stmt,
                              NULL);

  if (rc != SQLITE_OK) {
    migrate_err(err, errlen, "checking foreign keys after %s failed: %s",
                name, sqlite3_errmsg(db));
    return rc;
  }
  rc = sqlite3_step(stmt);
  if (rc == SQLITE_ROW) {
    migrate_err(err, errlen,
                "after %s, table %s has a row whose foreign key points "
                "nowhere", name, (const char *)sqlite3_column_text(stmt, 0));
    rc = SQLITE_CONSTRAINT;
  } else if (rc == SQLITE_DONE) {
    rc = SQLITE_OK;
  } else {
    migrate_err(err, errlen, "checking foreign keys after %s failed: %s",
                name, sqlite3_errmsg(db));
  }
  sqlite3_finalize(stmt);
  return rc;
}

/* Undo the open migration transaction, if SQLite has not already. */
static void
migrate_rollback(sqlite3 *db)
{
  if (!sqlite3_get_autocommit(db))
    sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
}

/* The sentence for a database newer than list. */
static int
migrate_too_new(int current, int latest, char *err, size_t errlen)
{
  migrate_err(err, errlen,
              "database is at schema version %d but this aduand knows only "
              "up to %d; use a newer aduand", current, latest);
  return AERR_SCHEMA;
}

/*
 * The authorizer in force while migration SQL runs: it refuses BEGIN,
 * COMMIT, ROLLBACK and SAVEPOINT, which would break the one transaction
 * every run is applied in, and notes that it did.
 */
static int
migrate_authorize(void *arg, int action, const char *a, const char *b,
                  const char *c, const char *d)
{
  int *refused = arg;

  (void)a;
  (void)b;
  (void)c;
  (void)d;
  if (action == SQLITE_TRANSACTION || action == SQLITE_SAVEPOINT) {
    *refused = 1;
    return SQLITE_DENY;
  }
  return SQLITE_OK;
}

/* Run one migration's SQL text.  Returns 0 or AERR_STORE with err set. */
static int
migrate_exec(sqlite3 *db, const struct migration *m, char *err,
             size_t errlen)
{
  char *msg = NULL;
  int refused = 0, rc;

  sqlite3_set_authorizer(db, migrate_authorize, &refused);
  rc = sqlite3_exec(db, m->sql, NULL, NULL, &msg);
  sqlite3_set_authorizer(db, NULL, NULL);
  if (rc == SQLITE_OK)
    return 0;
  if (refused)
    migrate_err(err, errlen,
                "migration %s failed: BEGIN, COMMIT, ROLLBACK and SAVEPOINT "
                "are not allowed in a migration", m->name);
  else
    migrate_err(err, errlen, "migration %s failed: %s", m->name,
                msg != NULL ? msg : sqlite3_errstr(rc));
  sqlite3_free(msg);
  return AERR_STORE;
}

/*
 * Apply, inside the transaction the caller opened, every migration of
 * list newer than current, recording each.  Returns 0 or AERR_STORE with
 * err naming the migration that failed; the caller rolls back.
 */
static int
migrate_run(sqlite3 *db, const struct migration *list, int current,
            int *applied, char *err, size_t errlen)
{
  const struct migration *m;
  const char *last = NULL;
  int rc;

  for (m = list; m->name != NULL; m++) {
    if (m->version <= current)
      continue;
    rc = migrate_exec(db, m, err, errlen);
    if (rc != 0)
      return rc;
    rc = migrate_record(db, m);
    if (rc != SQLITE_OK) {
      migrate_err(err, errlen, "recording migration %s failed: %s",
                  m->name, sqlite3_errmsg(db));
      return AERR_STORE;
    }
    last = m->name;
    (*applied)++;
  }
  if (last != NULL && migrate_check_foreign_keys(db, last, err, errlen) !=
                          SQLITE_OK)
    return AERR_STORE;
  return 0;
}

/*
 * Read the version without writing anything; refuse a database that is
 * newer than list; stop there when nothing is missing.  Otherwise take
 * the write lock, read the version again (another process may have
 * migrated in between), and apply what is missing in one transaction.
 */
int
migrate_apply(struct sqlite3 *db, const struct migration *list,
              int *applied, char *err, size_t errlen)
{
  int latest = migrate_latest(list);
  int current = 0, count = 0, rc;

  if (applied != NULL)
    *applied = 0;
  migrate_err(err, errlen, "%s", "");
  rc = migrate_check_list(list, err, errlen);
  if (rc != 0)
    return rc;
  if (migrate_read_version(db, &current) != SQLITE_OK) {
    migrate_err(err, errlen, "cannot read the schema version: %s",
                sqlite3_errmsg(db));
    return AERR_STORE;
  }
  if (current > latest)
    return migrate_too_new(current, latest, err, errlen);
  if (current == latest && current > 0)
    return 0;

  if (sqlite3_exec(db, "BEGIN IMMEDIATE", NULL, NULL, NULL) != SQLITE_OK) {
    migrate_err(err, errlen, "cannot start the migration transaction: %s",
                sqlite3_errmsg(db));
    return AERR_STORE;
  }
  if (sqlite3_exec(db, sql_create_table, NULL, NULL, NULL) != SQLITE_OK) {
    migrate_err(err, errlen, "cannot create schema_migrations: %s",
                sqlite3_errmsg(db));
    migrate_rollback(db);
    return AERR_STORE;
  }
  if (migrate_read_version(db, &current) != SQLITE_OK) {
    migrate_err(err, errlen, "cannot read the schema version: %s",
                sqlite3_errmsg(db));
    migrate_rollback(db);
    return AERR_STORE;
  }
  if (current > latest) {
    migrate_rollback(db);
    return migrate_too_new(current, latest, err, errlen);
  }
  rc = migrate_run(db, list, current, &count, err, errlen);
  if (rc != 0) {
    migrate_rollback(db);
    return rc;
  }
  if (sqlite3_exec(db, "COMMIT", NULL, NULL, NULL) != SQLITE_OK) {
    migrate_err(err, errlen, "cannot commit the migrations: %s",
                sqlite3_errmsg(db));
    migrate_rollback(db);
    return AERR_STORE;
  }
  if (applied != NULL)
    *applied = count;
  return 0;
}
