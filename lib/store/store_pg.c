/*
 * store_pg.c: the PostgreSQL backend of the store (see store.h and
 * store_pg_internal.h), for several daemons that serve one hotline.
 *
 * Design notes
 *
 * Connection.  One libpq connection per store, used from one thread (the
 * daemon's loop), opened from the connection string the config names
 * (a secret: it may hold a password, so it never reaches a message).  A
 * statement blocks the loop for its round trip to the server; the server
 * is expected on the same machine or the same switch, and lock_timeout
 * (the store's busy timeout) bounds the longest wait on another daemon's
 * lock.
 *
 * Durability.  Without caller_syncs, COMMIT returns once the server has
 * flushed the batch to its WAL on disk (synchronous_commit on, the
 * server's default) and store_sync() has nothing to do.  With
 * caller_syncs (the daemon's commit pipeline, lib/io/commit.c) that wait
 * would block the loop for a disk sync per batch, so the work is split
 * as in the SQLite backend: the loop's connection runs with
 * synchronous_commit off, so that COMMIT returns once the commit record
 * is in the server's WAL buffers, and store_sync(), on the pipeline's
 * worker thread, makes those commits durable on a second connection of
 * its own, with synchronous_commit on, by committing a transaction that
 * has a transaction id and wrote WAL: SELECT pg_logical_emit_message(
 * true, 'aduan.sync', ''), alone in its transaction (a transactional
 * message takes a transaction id and is one small WAL record; logical
 * decoding passes it on only to a consumer that asks for messages).  Why
 * that is enough (PostgreSQL's documentation, "Asynchronous Commit" and
 * synchronous_commit, and its WAL internals, XLogFlush):
 *   - the commit mode is chosen per transaction, from the session's
 *     synchronous_commit when its commit begins: synchronous and
 *     asynchronous commits mix on one server;
 *   - a transaction with a transaction id writes a commit record and,
 *     under synchronous_commit on, waits until the WAL is flushed up to
 *     the end of that record; a flush is of a position in the one WAL
 *     stream, so every record before it is flushed too.  A transaction
 *     without one (read only) writes no commit record and waits for
 *     nothing.  Nor does one that wrote no WAL before its commit record
 *     (the server's RecordTransactionCommit treats it as asynchronous):
 *     SELECT txid_current() alone is such a one (measured on PostgreSQL
 *     15: 50 of them, 2 WAL syncs; 50 of the message above, 50);
 *   - a COMMIT of the loop that returned before store_sync() began had
 *     its commit record inserted before the sync transaction's;
 *   - after a crash the server replays the WAL up to the last record
 *     flushed, in commit order.
 * So a store_sync() that returned 0 covers every commit that returned
 * before it began, as synchronous_commit on would have, with one WAL
 * flush per sync instead of one per batch.
 *
 * One trap: a flush by the server running now says nothing of commits a
 * crash and restart of the server lost before it.  A connection that is
 * still open proves the server has not restarted since it was opened (a
 * restart ends every session), so the sync connection only vouches for
 * commits the loop sent after it was opened: the loop counts the
 * statements that may commit (a COMMIT, or any statement outside a
 * transaction) as it sends them (sync->commits, counted before sending),
 * the sync connection notes the count when it opens, and a sync that
 * would cover commits sent earlier fails with -EBUSY (the pipeline
 * answers their requests 503 and the providers send them again).  A
 * batch's other statements do not count: a restart before its COMMIT
 * ends the loop's transaction, and the COMMIT fails.  Hence the sync
 * connection is opened with the store, before the loop's, and again at
 * once after a failed sync (the pipeline commits the next batch only
 * when that sync has returned, so the next sync can vouch for it); when
 * that fails too, the next sync opens it, and fails as well if the loop
 * committed anything in between.  A daemon thus holds two connections.
 *
 * Threads.  The sync connection and its counts belong to store_sync(),
 * which runs on the pipeline's worker and, during a stop, once more on
 * the loop while the worker may still be syncing (a mutex keeps it to
 * one at a time); everything else belongs to the loop.  The two share
 * nothing mutable: conninfo is not changed after open, sync->commits is
 * an atomic counter, and store_sync() leaves errmsg (the loop's) alone.
 *
 * Going away and coming back.  When the connection breaks, the open
 * batch is lost (its requests are answered 503 and the providers send
 * them again) and every call fails with -EBUSY until a reconnect
 * succeeds; reconnects are tried at the next call after a backoff that
 * doubles from 100 ms up to 5 s.  A reconnect never waits for the server
 * (a host that drops packets would otherwise hold the loop for the
 * connect timeout): it is started with PQconnectStartParams() and each
 * later call takes it as far as the server's answers so far allow
 * (PQconnectPoll() while its socket is ready, polled with no timeout),
 * answering -EBUSY meanwhile; it is given up after 3 s.  Only the
 * lookup of a host name, which libpq does when it starts, may wait.  The
 * first connection, at open, before anything is served, does wait.
 * Statements are prepared again on the new connection as they are used.
 *
 * Transactions, batches and savepoints: as in the SQLite backend (see
 * store_sqlite.c), with BEGIN ... COMMIT for a batch and SAVEPOINT req
 * for a request.  PostgreSQL aborts a transaction at its first error;
 * inside a savepoint only the savepoint is spoilt (pg->failed, every
 * later call fails until store_sp_rollback(), and store_sp_release()
 * rolls it back and returns the error), outside one the batch is lost.
 *
 * Migrations.  migrations/postgres/ is built into the binary
 * (migrate_builtin_pg); they are applied at open in one transaction
 * under an advisory lock, so that two daemons started together migrate
 * once.  A database newer than the binary is refused untouched.
 */
#include <errno.h>
#include <poll.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/err.h"
#include "store/migrate.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "store/store_pg_internal.h"

#define PG_BACKOFF_FIRST_MS 100
#define PG_BACKOFF_MAX_MS 5000
#define PG_DIAL_TIMEOUT_MS 3000      /* a reconnect's longest wait for the
                                        server (as connect_timeout) */

static const struct pg_stmt pg_version_stmt = {
  "version", "SELECT coalesce(max(version), 0) FROM schema_migrations" };
static const struct pg_stmt pg_lock_wait_stmt = {
  "lock_wait", "SELECT pg_advisory_xact_lock($1::int, $2::int)" };
static const struct pg_stmt pg_lock_try_stmt = {
  "lock_try", "SELECT pg_try_advisory_xact_lock($1::int, $2::int)" };
static const struct pg_stmt pg_set_stmt = {
  "set", "SELECT set_config($1, $2, false)" };
static const struct pg_stmt pg_record_stmt = {
  "record", "INSERT INTO schema_migrations (version, name, applied_at)"
            " VALUES ($1, $2, $3)" };

/* caller_syncs: store_sync()'s side (see "Durability" and "Threads" at
 * the top).  Only commits is touched by the loop, atomically. */
struct pg_sync {
  pthread_mutex_t lock;           /* one pg_sync() at a time */
  PGconn *conn;                   /* synchronous_commit on; NULL: closed */
  uint64_t commits;               /* statements that may commit the loop
                                     began to send */
  uint64_t opened_at;             /* commits when conn was opened */
  uint64_t answered;              /* commits when the last sync began */
};

static int64_t
pg_mono_ms(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

static int64_t
pg_wall_ms(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_REALTIME, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* ---- Parameters and results ---- */

void
pa_init(struct pg_args *a)
{
  a->n = 0;
}

/* The next parameter's slot; the last one is reused past PG_MAXARGS (a
 * statement with that many is a bug that pg_run() reports). */
static int
pa_next(struct pg_args *a)
{
  if (a->n < PG_MAXARGS)
    a->n++;
  return a->n - 1;
}

void
pa_text(struct pg_args *a, const char *s)
{
  int i = pa_next(a);

  a->v[i] = s;
  a->len[i] = 0;
  a->fmt[i] = 0;
}

void
pa_int(struct pg_args *a, int64_t v)
{
  int i = pa_next(a);

  snprintf(a->num[i], sizeof(a->num[i]), "%lld", (long long)v);
  a->v[i] = a->num[i];
  a->len[i] = 0;
  a->fmt[i] = 0;
}

void
pa_id(struct pg_args *a, int64_t v)
{
  if (v == 0)
    pa_text(a, NULL);
  else
    pa_int(a, v);
}

void
pa_real(struct pg_args *a, double v)
{
  int i = pa_next(a);

  snprintf(a->num[i], sizeof(a->num[i]), "%.17g", v);
  a->v[i] = a->num[i];
  a->len[i] = 0;
  a->fmt[i] = 0;
}

void
pa_bytes(struct pg_args *a, const void *p, size_t len)
{
  int i = pa_next(a);

  a->v[i] = p;
  a->len[i] = (int)len;
  a->fmt[i] = 1;
}

void
pa_limit(struct pg_args *a, int limit)
{
  if (limit >= 0)
    pa_int(a, limit);
  else
    pa_text(a, NULL);
}

int64_t
pg_get_int(const PGresult *r, int row, int col)
{
  if (PQgetisnull(r, row, col))
    return 0;
  return strtoll(PQgetvalue(r, row, col), NULL, 10);
}

double
pg_get_real(const PGresult *r, int row, int col)
{
  if (PQgetisnull(r, row, col))
    return 0;
  return strtod(PQgetvalue(r, row, col), NULL);
}

char *
pg_get_dup(const PGresult *r, int row, int col, int *oom)
{
  char *s;

  if (PQgetisnull(r, row, col))
    return NULL;
  s = strdup(PQgetvalue(r, row, col));
  if (s == NULL)
    *oom = 1;
  return s;
}

int
pg_get_null(const PGresult *r, int row, int col)
{
  return PQgetisnull(r, row, col);
}

/* ---- Errors ---- */

int
pg_fail(struct pg_store *pg, int code, const char *fmt, ...)
{
  va_list ap;

  va_start(ap, fmt);
  vsnprintf(pg->base.errmsg, sizeof(pg->base.errmsg), fmt, ap);
  va_end(ap);
  return code;
}

/* Our code for a SQLSTATE (see store_pg_internal.h). */
static int
pg_map(const char *state)
{
  if (state == NULL)
    return -EBUSY;                 /* no answer: the connection is gone */
  if (strcmp(state, "23505") == 0)
    return AERR_DUP;
  if (strcmp(state, "40001") == 0 || strcmp(state, "40P01") == 0 ||
      strcmp(state, "55P03") == 0 || strcmp(state, "57014") == 0 ||
      strncmp(state, "08", 2) == 0 || strncmp(state, "57P", 3) == 0)
    return -EBUSY;
  if (strcmp(state, "53100") == 0)
    return -ENOSPC;
  if (strcmp(state, "25006") == 0)
    return -EROFS;
  return AERR_STORE;
}

/* Forget the connection: the next call reconnects after the backoff. */
static void
pg_disconnect(struct pg_store *pg)
{
  if (pg->conn != NULL)
    PQfinish(pg->conn);
  pg->conn = NULL;
  pg->nprepared = 0;
  pg->retry_at = pg_mono_ms() + (int64_t)pg->backoff_ms;
  pg->backoff_ms = pg->backoff_ms * 2 > PG_BACKOFF_MAX_MS
                     ? PG_BACKOFF_MAX_MS : pg->backoff_ms * 2;
}

/*
 * Record the failure res (NULL: no result at all) of what, and return
 * its code.  Spoils the innermost savepoint or loses the batch (see the
 * notes at the top); a broken connection is dropped.
 */
static int
pg_failed(struct pg_store *pg, PGresult *res, const char *what)
{
  const char *state = res ? PQresultErrorField(res, PG_DIAG_SQLSTATE) : NULL;
  const char *msg = res ? PQresultErrorMessage(res) : "";
  int code = pg_map(state);
  size_t n;

  if (msg[0] == '\0' && pg->conn != NULL)
    msg = PQerrorMessage(pg->conn);
  pg_fail(pg, code, "%s: %s", what, msg[0] ? msg : "no answer");
  n = strlen(pg->base.errmsg);   /* libpq ends its messages with \n */
  while (n > 0 && (pg->base.errmsg[n - 1] == '\n' ||
                   pg->base.errmsg[n - 1] == ' '))
    pg->base.errmsg[--n] = '\0';
  if (pg->conn == NULL || PQstatus(pg->conn) != CONNECTION_OK) {
    pg_disconnect(pg);
    code = -EBUSY;
  }
  if (pg->batch && !pg->lost) {
    if (pg->sp_depth > 0 && pg->conn != NULL) {
      if (!pg->failed)
        pg->failed = code;
    } else {
      pg->lost = code;
      pg->sp_depth = 0;
      snprintf(pg->base.errmsg + n, sizeof(pg->base.errmsg) - n,
               " (the batch was rolled back)");
    }
  }
  return code;
}

/* ---- Connecting ---- */

/* The loop is about to send a statement, which is a COMMIT (commit) or
 * not: count it when it may commit (see "One trap" at the top). */
static void
pg_sending(struct pg_store *pg, int commit)
{
  if (pg->sync != NULL &&
      (commit || PQtransactionStatus(pg->conn) == PQTRANS_IDLE))
    __atomic_add_fetch(&pg->sync->commits, 1, __ATOMIC_SEQ_CST);
}

/* Run a statement that takes nothing and yields nothing, unprepared
 * (transaction control, which has no values). */
static int
pg_cmd(struct pg_store *pg, const char *sql, const char *what)
{
  PGresult *res;
  int rc = 0;

  if (pg->conn == NULL)
    return pg_fail(pg, -EBUSY, "%s: the database is not connected", what);
  pg_sending(pg, strcmp(sql, "COMMIT") == 0);
  res = PQexec(pg->conn, sql);
  if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
    rc = pg_failed(pg, res, what);
  PQclear(res);
  return rc;
}

/* Set a session setting through a prepared statement. */
static int
pg_setting(struct pg_store *pg, const char *name, const char *value)
{
  struct pg_args a;

  pa_init(&a);
  pa_text(&a, name);
  pa_text(&a, value);
  return pg_run(pg, &pg_set_stmt, &a, NULL, "cannot configure the session");
}

/* A new connection to conninfo (blocking, bounded by connect_timeout),
 * named app in the server's views unless conninfo names it; NULL when out
 * of memory, else see PQstatus(). */
static PGconn *
pg_dial(const char *conninfo, const char *app)
{
  const char *keys[] = { "connect_timeout", "dbname",
                         "fallback_application_name", NULL };
  const char *vals[] = { "3", conninfo, app, NULL };

  return PQconnectdbParams(keys, vals, 1);
}

/* A connection that could not be made: its reason into errmsg, the
 * backoff begun.  Returns -EBUSY. */
static int
pg_dial_failed(struct pg_store *pg, PGconn *c, const char *why)
{
  size_t n;

  if (why == NULL)
    why = c != NULL ? PQerrorMessage(c) : "out of memory";
  pg_fail(pg, -EBUSY, "cannot connect to PostgreSQL: %s", why);
  n = strlen(pg->base.errmsg);
  while (n > 0 && pg->base.errmsg[n - 1] == '\n')
    pg->base.errmsg[--n] = '\0';
  if (c != NULL)
    PQfinish(c);
  pg_disconnect(pg);
  return -EBUSY;
}

/* Set up the session of the new connection pg->conn.  Returns 0, or a
 * code with the reason in errmsg. */
static int
pg_session_setup(struct pg_store *pg)
{
  char ms[32];
  int rc;

  pg->nprepared = 0;
  if (PQserverVersion(pg->conn) < 100000) {
    pg_fail(pg, AERR_CONFIG, "PostgreSQL %d is too old: 10 or newer is "
            "needed", PQserverVersion(pg->conn));
    pg_disconnect(pg);
    return AERR_CONFIG;
  }
  PQsetClientEncoding(pg->conn, "UTF8");
  snprintf(ms, sizeof(ms), "%llums", (unsigned long long)pg->lock_timeout_ms);
  rc = pg_setting(pg, "lock_timeout", ms);
  if (rc == 0)
    rc = pg_setting(pg, "TimeZone", "UTC");
  if (rc == 0 && pg->readonly)
    rc = pg_setting(pg, "default_transaction_read_only", "on");
  if (rc == 0 && pg->sync != NULL)   /* store_sync() makes commits durable */
    rc = pg_setting(pg, "synchronous_commit", "off");
  if (rc != 0)
    return rc;
  pg->backoff_ms = PG_BACKOFF_FIRST_MS;
  return 0;
}

/* Connect, waiting for it (at open, before the daemon serves anything),
 * and set the session up.  Returns 0 or a code with the reason in
 * errmsg. */
static int
pg_connect(struct pg_store *pg)
{
  PGconn *c = pg_dial(pg->conninfo, "aduand");

  if (c == NULL || PQstatus(c) != CONNECTION_OK)
    return pg_dial_failed(pg, c, NULL);
  pg->conn = c;
  return pg_session_setup(pg);
}

/* Start a reconnect without waiting for the server (the loop must not
 * wait for a server that does not answer).  Returns -EBUSY: the caller
 * is answered "try later" until pg_dial_step() has finished it. */
static int
pg_dial_start(struct pg_store *pg)
{
  const char *keys[] = { "dbname", "fallback_application_name", NULL };
  const char *vals[] = { pg->conninfo, "aduand", NULL };
  PGconn *c = PQconnectStartParams(keys, vals, 1);

  if (c == NULL || PQstatus(c) == CONNECTION_BAD)
    return pg_dial_failed(pg, c, NULL);
  pg->dialing = c;
  pg->dial_wants = PGRES_POLLING_WRITING;
  pg->dial_until = pg_mono_ms() + PG_DIAL_TIMEOUT_MS;
  return pg_fail(pg, -EBUSY, "reconnecting to PostgreSQL");
}

/*
 * Take the reconnect under way as far as the server's answers so far
 * allow, without waiting (its socket is polled with no timeout; libpq
 * itself does not block once started, except to look the host name up).
 * Returns 0 once connected and set up, -EBUSY while it goes on or after
 * it failed (the backoff then begins).
 */
static int
pg_dial_step(struct pg_store *pg)
{
  PGconn *c = pg->dialing;

  for (;;) {
    struct pollfd pfd = { PQsocket(c), 0, 0 };

    if (pg->dial_wants == PGRES_POLLING_OK) {
      pg->dialing = NULL;
      pg->conn = c;
      return pg_session_setup(pg);
    }
    if (pg->dial_wants == PGRES_POLLING_FAILED || pfd.fd < 0) {
      pg->dialing = NULL;
      return pg_dial_failed(pg, c, NULL);
    }
    pfd.events = pg->dial_wants == PGRES_POLLING_READING ? POLLIN : POLLOUT;
    if (poll(&pfd, 1, 0) <= 0) {
      if (pg_mono_ms() < pg->dial_until)
        return pg_fail(pg, -EBUSY, "reconnecting to PostgreSQL");
      pg->dialing = NULL;
      return pg_dial_failed(pg, c, "no answer in time");
    }
    pg->dial_wants = PQconnectPoll(c);
  }
}

/* A connection to run on: the one there is, or a new one, made without
 * waiting, once the backoff allows.  Returns 0 or -EBUSY. */
static int
pg_ready(struct pg_store *pg)
{
  int rc;

  if (pg->conn != NULL)
    return 0;
  if (pg->dialing != NULL)
    return pg_dial_step(pg);
  if (pg_mono_ms() < pg->retry_at)
    return pg_fail(pg, -EBUSY, "the database is unreachable (next try in "
                   "%lld ms)", (long long)(pg->retry_at - pg_mono_ms()));
  rc = pg_dial_start(pg);
  return pg->dialing != NULL ? pg_dial_step(pg) : rc;
}

/* ---- Running statements ---- */

/* Prepare s on the connection unless it is already. */
static int
pg_prepare(struct pg_store *pg, const struct pg_stmt *s)
{
  PGresult *res;
  int i, rc = 0;

  for (i = 0; i < pg->nprepared; i++)
    if (pg->prepared[i] == s)
      return 0;
  if (pg->nprepared == PG_MAXSTMT)
    return pg_fail(pg, AERR_STORE, "too many statements (%d)", PG_MAXSTMT);
  res = PQprepare(pg->conn, s->name, s->sql, 0, NULL);
  if (res == NULL || PQresultStatus(res) != PGRES_COMMAND_OK)
    rc = pg_failed(pg, res, "cannot prepare a statement");
  else
    pg->prepared[pg->nprepared++] = s;
  PQclear(res);
  return rc;
}

int
pg_run(struct pg_store *pg, const struct pg_stmt *s, const struct pg_args *a,
       PGresult **res, const char *what)
{
  PGresult *r;
  ExecStatusType status;
  int rc;

  if (res != NULL)
    *res = NULL;
  if (pg->lost)
    return pg->lost;
  if (pg->failed)
    return pg->failed;
  if (a != NULL && a->n == PG_MAXARGS)
    return pg_fail(pg, AERR_STORE, "%s: too many parameters", what);
  rc = pg_ready(pg);
  if (rc == 0)
    rc = pg_prepare(pg, s);
  if (rc != 0)
    return rc;
  pg_sending(pg, 0);
  r = PQexecPrepared(pg->conn, s->name, a ? a->n : 0, a ? a->v : NULL,
                     a ? a->len : NULL, a ? a->fmt : NULL, 0);
  status = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
  if (status != PGRES_COMMAND_OK && status != PGRES_TUPLES_OK) {
    rc = pg_failed(pg, r, what);
    PQclear(r);
    return rc;
  }
  if (PQcmdTuples(r)[0] != '\0' && strncmp(PQcmdStatus(r), "SELECT", 6) != 0)
    pg->writes += strtoull(PQcmdTuples(r), NULL, 10);
  if (res != NULL)
    *res = r;
  else
    PQclear(r);
  return 0;
}

int
pg_exec(struct pg_store *pg, const struct pg_stmt *s, const struct pg_args *a,
        int64_t *n, const char *what)
{
  PGresult *r;
  int rc = pg_run(pg, s, a, &r, what);

  if (rc != 0)
    return rc;
  if (n != NULL)
    *n = PQcmdTuples(r)[0] ? strtoll(PQcmdTuples(r), NULL, 10) : 0;
  PQclear(r);
  return 0;
}

int
pg_int(struct pg_store *pg, const struct pg_stmt *s, const struct pg_args *a,
       int64_t *v, const char *what)
{
  PGresult *r;
  int rc = pg_run(pg, s, a, &r, what);

  if (rc != 0)
    return rc;
  if (PQntuples(r) == 0 || PQgetisnull(r, 0, 0))
    rc = AERR_NOTFOUND;
  else
    *v = pg_get_int(r, 0, 0);
  PQclear(r);
  return rc;
}

int
pg_count(struct pg_store *pg, const struct pg_stmt *s, const struct pg_args *a,
         int *n, const char *what)
{
  int64_t v = 0;
  int rc = pg_int(pg, s, a, &v, what);

  *n = rc == 0 ? (int)v : 0;
  return rc;
}

int
pg_rows(struct pg_store *pg, const struct pg_stmt *s, const struct pg_args *a,
        size_t size, pg_fill_fn fill, void (*drop)(void *v, int n), void **v,
        int *n, const char *what)
{
  PGresult *r;
  char *arr = NULL;
  int rc, i, count, oom = 0;

  *v = NULL;
  *n = 0;
  rc = pg_run(pg, s, a, &r, what);
  if (rc != 0)
    return rc;
  count = PQntuples(r);
  if (count > 0 && (arr = calloc((size_t)count, size)) == NULL)
    oom = 1;
  for (i = 0; arr != NULL && i < count; i++)
    fill(r, i, arr + (size_t)i * size, &oom);
  PQclear(r);
  if (oom) {
    if (arr != NULL)
      drop(arr, count);
    return pg_fail(pg, -ENOMEM, "%s: out of memory", what);
  }
  *v = arr;
  *n = count;
  return 0;
}

int
pg_lock(struct pg_store *pg, int cls, int64_t key, int wait)
{
  struct pg_args a;
  PGresult *r;
  int rc;

  pa_init(&a);
  pa_int(&a, cls);
  pa_int(&a, (int32_t)key);   /* the second key is an int4: ids fold */
  rc = pg_run(pg, wait ? &pg_lock_wait_stmt : &pg_lock_try_stmt, &a, &r,
              "cannot take a lock");
  if (rc != 0)
    return rc;
  if (!wait && strcmp(PQgetvalue(r, 0, 0), "t") != 0)
    rc = pg_fail(pg, -EBUSY, "another daemon holds the lock (%d, %lld)",
                 cls, (long long)key);
  PQclear(r);
  return rc;
}

/* ---- Migrations ---- */

/* Apply the migrations newer than the database's, under the migration
 * lock, in one transaction.  Returns 0 or a code with the reason. */
static int
pg_migrate(struct pg_store *pg, const struct migration *list)
{
  int64_t have = 0;
  int rc, i, latest = migrate_latest(list);

  rc = pg_cmd(pg, "BEGIN", "cannot start the migration");
  if (rc != 0)
    return rc;
  rc = pg_lock(pg, PG_LOCK_MIGRATE, 0, 1);
  if (rc == 0)
    rc = pg_cmd(pg, "CREATE TABLE IF NOT EXISTS schema_migrations ("
                    " version bigint PRIMARY KEY, name text NOT NULL,"
                    " applied_at bigint NOT NULL)",
                "cannot create schema_migrations");
  if (rc == 0)
    rc = pg_int(pg, &pg_version_stmt, NULL, &have, "cannot read the schema "
                "version");
  if (rc == 0 && have > latest)
    rc = pg_fail(pg, AERR_SCHEMA, "the database is at schema version %lld, "
                 "newer than this binary (%d): upgrade aduand",
                 (long long)have, latest);
  for (i = 0; rc == 0 && list[i].version != 0; i++) {
    struct pg_args a;
    char what[160];

    if (list[i].version <= have)
      continue;
    snprintf(what, sizeof(what), "migration %s failed", list[i].name);
    rc = pg_cmd(pg, list[i].sql, what);
    pa_init(&a);
    pa_int(&a, list[i].version);
    pa_text(&a, list[i].name);
    pa_int(&a, pg_wall_ms());
    if (rc == 0)
      rc = pg_run(pg, &pg_record_stmt, &a, NULL, "cannot record a migration");
  }
  if (rc != 0) {
    char keep[STORE_ERRMSG_LEN];

    memcpy(keep, pg->base.errmsg, sizeof(keep));
    pg_cmd(pg, "ROLLBACK", "cannot roll back the migration");
    memcpy(pg->base.errmsg, keep, sizeof(keep));
    return rc;
  }
  return pg_cmd(pg, "COMMIT", "cannot commit the migration");
}

/* A read-only store needs the database at this binary's version. */
static int
pg_check_version(struct pg_store *pg, const struct migration *list)
{
  int64_t have = 0;
  int rc, latest = migrate_latest(list);

  rc = pg_int(pg, &pg_version_stmt, NULL, &have, "cannot read the schema "
              "version");
  if (rc != 0)
    return rc;
  if (have != latest)
    return pg_fail(pg, AERR_SCHEMA, "the database is at schema version "
                   "%lld, this binary needs %d", (long long)have, latest);
  return 0;
}

/* ---- Durability (caller_syncs; see the notes at the top) ---- */

/* Open the sync connection.  Returns 0 or -EBUSY. */
static int
pg_sync_open(struct pg_sync *s, const char *conninfo)
{
  PGresult *res = NULL;
  int ok;

  s->conn = pg_dial(conninfo, "aduand sync");
  ok = s->conn != NULL && PQstatus(s->conn) == CONNECTION_OK;
  if (ok) {
    res = PQexec(s->conn, "SET synchronous_commit = on");
    ok = PQresultStatus(res) == PGRES_COMMAND_OK;
  }
  PQclear(res);
  if (!ok) {
    PQfinish(s->conn);
    s->conn = NULL;
    return -EBUSY;
  }
  s->opened_at = __atomic_load_n(&s->commits, __ATOMIC_SEQ_CST);
  return 0;
}

/* Commit a transaction that has a transaction id and wrote WAL on the
 * sync connection: the server flushes its WAL up to that commit record.
 * A failure closes the connection.  Returns 0 or the error's code. */
static int
pg_sync_flush(struct pg_sync *s)
{
  PGresult *res = PQexec(s->conn, "SELECT pg_logical_emit_message(true, "
                                  "'aduan.sync', '')");
  int rc = 0;

  if (PQresultStatus(res) != PGRES_TUPLES_OK) {
    rc = PQstatus(s->conn) != CONNECTION_OK
           ? -EBUSY : pg_map(PQresultErrorField(res, PG_DIAG_SQLSTATE));
    PQfinish(s->conn);
    s->conn = NULL;
  }
  PQclear(res);
  return rc;
}

/* Make durable every commit that returned before this call (store.h):
 * from the commit pipeline's worker, on the sync connection, which this
 * opens again after a failure. */
static int
pg_sync(struct store *st)
{
  struct pg_sync *s = pg_of(st)->sync;
  const char *conninfo = pg_of(st)->conninfo;
  uint64_t upto;
  int rc = 0;

  if (s == NULL)
    return 0;
  pthread_mutex_lock(&s->lock);
  upto = __atomic_load_n(&s->commits, __ATOMIC_SEQ_CST);
  if (s->conn == NULL)
    rc = pg_sync_open(s, conninfo);
  /* Commits sent before the connection opened are not its to vouch
   * for: the server may have lost them in a restart since. */
  if (rc == 0 && s->answered < s->opened_at && s->answered < upto)
    rc = -EBUSY;
  if (rc == 0) {
    rc = pg_sync_flush(s);
    if (rc != 0)          /* at once, for the batch committed next */
      pg_sync_open(s, conninfo);
  }
  s->answered = upto;    /* failed or not: those requests are answered */
  pthread_mutex_unlock(&s->lock);
  return rc;
}

/* caller_syncs: make pg->sync and open its connection before the loop's
 * (a failure to connect is left to the first sync).  Returns 0 or
 * -ENOMEM. */
static int
pg_sync_new(struct pg_store *pg)
{
  pg->sync = calloc(1, sizeof(*pg->sync));
  if (pg->sync == NULL || pthread_mutex_init(&pg->sync->lock, NULL) != 0) {
    free(pg->sync);
    pg->sync = NULL;
    return -ENOMEM;
  }
  pg_sync_open(pg->sync, pg->conninfo);
  return 0;
}

static void
pg_sync_free(struct pg_sync *s)
{
  if (s == NULL)
    return;
  PQfinish(s->conn);
  pthread_mutex_destroy(&s->lock);
  free(s);
}

/* ---- Opening and closing ---- */

static void pg_close(struct store *st);

static int
pg_open(struct store **out, const struct store_opts *o, char *err,
        size_t errlen)
{
  struct pg_store *pg = calloc(1, sizeof(*pg));
  int rc;

  if (pg == NULL) {
    snprintf(err, errlen, "out of memory");
    return -ENOMEM;
  }
  pg->base.ops = &store_pg_ops;
  crypto_rand_init(&pg->base.rand);
  pg->readonly = o->readonly;
  pg->lock_timeout_ms = o->busy_timeout_ms;
  pg->backoff_ms = PG_BACKOFF_FIRST_MS;
  if (o->instance != NULL && o->instance[0] != '\0')
    snprintf(pg->instance, sizeof(pg->instance), "%s", o->instance);
  else if (gethostname(pg->instance, sizeof(pg->instance)) != 0)
    snprintf(pg->instance, sizeof(pg->instance), "aduand");
  pg->instance[sizeof(pg->instance) - 1] = '\0';
  if (o->conninfo == NULL || o->conninfo[0] == '\0') {
    snprintf(err, errlen, "no PostgreSQL connection string was given");
    free(pg);
    return AERR_CONFIG;
  }
  pg->conninfo = strdup(o->conninfo);
  if (pg->conninfo == NULL) {
    snprintf(err, errlen, "out of memory");
    free(pg);
    return -ENOMEM;
  }
  if (o->caller_syncs && !pg->readonly && pg_sync_new(pg) != 0) {
    snprintf(err, errlen, "out of memory");
    pg_close(&pg->base);
    return -ENOMEM;
  }
  rc = pg_connect(pg);
  if (rc == 0)
    rc = pg->readonly ? pg_check_version(pg, migrate_builtin_pg)
                      : pg_migrate(pg, migrate_builtin_pg);
  if (rc != 0) {
    snprintf(err, errlen, "%s", pg->base.errmsg);
    pg_close(&pg->base);
    return rc;
  }
  *out = &pg->base;
  return 0;
}

static void
pg_close(struct store *st)
{
  struct pg_store *pg = pg_of(st);

  if (pg->conn != NULL)
    PQfinish(pg->conn);
  if (pg->dialing != NULL)
    PQfinish(pg->dialing);
  pg_sync_free(pg->sync);
  if (pg->conninfo != NULL) {
    memset(pg->conninfo, 0, strlen(pg->conninfo));   /* may hold a password */
    free(pg->conninfo);
  }
  crypto_rand_wipe(&pg->base.rand);
  free(pg);
}

/* ---- Batches and savepoints ---- */

static void
pg_batch_clear(struct pg_store *pg)
{
  pg->batch = 0;
  pg->sp_depth = 0;
  pg->sp_owns_batch = 0;
  pg->lost = 0;
  pg->failed = 0;
}

/* Roll back whatever is open, keeping the last message. */
static void
pg_rollback_quiet(struct pg_store *pg)
{
  char keep[STORE_ERRMSG_LEN];

  if (pg->conn == NULL || PQtransactionStatus(pg->conn) == PQTRANS_IDLE)
    return;
  memcpy(keep, pg->base.errmsg, sizeof(keep));
  pg->lost = 0;
  pg->failed = 0;
  pg_cmd(pg, "ROLLBACK", "cannot roll back");
  memcpy(pg->base.errmsg, keep, sizeof(keep));
}

static int
pg_batch_begin(struct store *st)
{
  struct pg_store *pg = pg_of(st);
  int rc;

  if (pg->batch)
    return pg->lost;
  rc = pg_ready(pg);
  if (rc == 0)
    rc = pg_cmd(pg, "BEGIN", "cannot start a batch");
  if (rc != 0)
    return rc;
  pg_batch_clear(pg);
  pg->batch = 1;
  return 0;
}

static int
pg_batch_commit(struct store *st)
{
  struct pg_store *pg = pg_of(st);
  int rc;

  if (!pg->batch) {
    store_set_errmsg(st, "no batch is open to commit");
    return AERR_STATE;
  }
  if (pg->lost || pg->failed) {
    rc = pg->lost ? pg->lost : pg->failed;
    pg_rollback_quiet(pg);
    pg_batch_clear(pg);
    return rc;
  }
  rc = pg_cmd(pg, "COMMIT", "cannot commit the batch");
  if (rc != 0)
    pg_rollback_quiet(pg);
  pg_batch_clear(pg);
  return rc;
}

static void
pg_batch_rollback(struct store *st)
{
  struct pg_store *pg = pg_of(st);

  if (!pg->batch)
    return;
  pg_rollback_quiet(pg);
  pg_batch_clear(pg);
}

static int
pg_batch_open(const struct store *st)
{
  return pg_of_const(st)->batch;
}

static uint64_t
pg_writes(const struct store *st)
{
  return pg_of_const(st)->writes;
}

static int
pg_sp_begin(struct store *st)
{
  struct pg_store *pg = pg_of(st);
  int owns = 0, rc;

  if (pg->lost)
    return pg->lost;
  if (pg->failed)
    return pg->failed;
  if (!pg->batch) {
    rc = pg_batch_begin(st);
    if (rc != 0)
      return rc;
    owns = 1;
  }
  rc = pg_cmd(pg, "SAVEPOINT req", "cannot start a savepoint");
  if (rc != 0) {
    if (owns)
      pg_batch_rollback(st);
    return rc;
  }
  if (owns)
    pg->sp_owns_batch = 1;
  pg->sp_depth++;
  return 0;
}

/* Undo the innermost savepoint's work and close it. */
static void
pg_sp_undo(struct pg_store *pg)
{
  char keep[STORE_ERRMSG_LEN];

  memcpy(keep, pg->base.errmsg, sizeof(keep));
  pg->failed = 0;
  if (pg_cmd(pg, "ROLLBACK TO SAVEPOINT req", "cannot roll back a "
             "savepoint") == 0)
    pg_cmd(pg, "RELEASE SAVEPOINT req", "cannot close a savepoint");
  if (pg->sp_depth > 0)
    pg->sp_depth--;
  memcpy(pg->base.errmsg, keep, sizeof(keep));
}

static int
pg_sp_release(struct store *st)
{
  struct pg_store *pg = pg_of(st);
  int rc;

  if (pg->lost) {
    rc = pg->lost;
    if (pg->sp_owns_batch)
      pg_batch_rollback(st);
    return rc;
  }
  if (pg->sp_depth == 0) {
    store_set_errmsg(st, "no savepoint is open to release");
    return AERR_STATE;
  }
  if (pg->failed) {
    rc = pg->failed;
    pg_sp_undo(pg);
  } else {
    rc = pg_cmd(pg, "RELEASE SAVEPOINT req", "cannot release a savepoint");
    if (rc == 0)
      pg->sp_depth--;
    else if (!pg->lost)
      pg_sp_undo(pg);
  }
  if (pg->sp_owns_batch && pg->sp_depth == 0) {
    if (rc != 0) {
      pg_batch_rollback(st);
      return rc;
    }
    return pg_batch_commit(st);
  }
  return rc;
}

static void
pg_sp_rollback(struct store *st)
{
  struct pg_store *pg = pg_of(st);

  if (!pg->lost && pg->sp_depth > 0)
    pg_sp_undo(pg);
  if (pg->sp_owns_batch && pg->sp_depth == 0)
    pg_batch_rollback(st);
}

/* ---- Reads ---- */

static int
pg_ping(struct store *st)
{
  int64_t v;

  return pg_int(pg_of(st), &pg_version_stmt, NULL, &v,
                "cannot read the schema version");
}

static int
pg_schema_version(struct store *st, int *version)
{
  int64_t v = 0;
  int rc = pg_int(pg_of(st), &pg_version_stmt, NULL, &v,
                  "cannot read the schema version");

  *version = (int)v;
  return rc;
}

const struct store_ops store_pg_ops = {
  .name = "postgres",
  .open = pg_open,
  .close = pg_close,
  .batch_begin = pg_batch_begin,
  .batch_commit = pg_batch_commit,
  .batch_rollback = pg_batch_rollback,
  .batch_open = pg_batch_open,
  .sync = pg_sync,
  .writes = pg_writes,
  .sp_begin = pg_sp_begin,
  .sp_release = pg_sp_release,
  .sp_rollback = pg_sp_rollback,
  .ping = pg_ping,
  .schema_version = pg_schema_version,
  .reporter_ensure = pg_reporter_ensure,
  .reporter_renumber = pg_reporter_renumber,
  .outbox_bsuid = pg_outbox_bsuid,
  .inbound_add = pg_inbound_add,
  .inbound_find = pg_inbound_find,
  .outbox_add = pg_outbox_add,
  .outbox_replies = pg_outbox_replies,
  .session_get = pg_session_get,
  .session_put = pg_session_put,
  .ticket_create = pg_ticket_create,
  .ticket_by_id = pg_ticket_by_id,
  .ticket_by_number = pg_ticket_by_number,
  .inbound_count_since = pg_inbound_count_since,
  .ticket_count_since = pg_ticket_count_since,
  .reporter_set_name = pg_reporter_set_name,
  .evidence_add = pg_evidence_add,
  .evidence_count = pg_evidence_count,
  .evidence_attach = pg_evidence_attach,
  .evidence_drop = pg_evidence_drop,
  .outbox_take = pg_outbox_take,
  .outbox_next = pg_outbox_next,
  .outbox_resume = pg_outbox_resume,
  .outbox_set = pg_outbox_set,
  .outbox_delivery = pg_outbox_delivery,
  .outbox_count = pg_outbox_count,
  .outbox_flag_unconfirmed = pg_outbox_flag_unconfirmed,
  .outbox_unconfirmed = pg_outbox_unconfirmed,
  .outbox_count_unconfirmed = pg_outbox_count_unconfirmed,
  .evidence_due = pg_evidence_due,
  .evidence_set = pg_evidence_set,
  .evidence_take_dropped = pg_evidence_take_dropped,
  .evidence_referenced = pg_evidence_referenced,
  .evidence_dropped_since = pg_evidence_dropped_since,
  .ticket_list = pg_ticket_list,
  .reporter_handle = pg_reporter_handle,
  .ticket_events = pg_ticket_events,
  .ticket_evidence = pg_ticket_evidence,
  .ticket_set_status = pg_ticket_set_status,
  .ticket_note = pg_ticket_note,
  .ticket_count_status = pg_ticket_count_status,
  .session_count_active = pg_session_count_active,
  .purge_step = pg_purge_step,
  .ticket_identity = pg_ticket_identity,
  .reveal_add = pg_reveal_add,
  .ticket_reveals = pg_ticket_reveals,
  .question_add = pg_question_add,
  .question_waiting = pg_question_waiting,
  .question_answer = pg_question_answer,
  .ticket_questions = pg_ticket_questions,
  .sla_pending = pg_sla_pending,
  .sla_mark = pg_sla_mark,
};
