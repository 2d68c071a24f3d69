/*
 * tu_daemon.h: run the real aduand for an integration test, and speak
 * HTTP to it.
 *
 * tu_daemon_start() writes a config into a fresh temporary folder
 * (listening on 127.0.0.1 port 0, the database in the folder, a `dev`
 * channel, evidence downloads allowed to reach 127.0.0.1, plus whatever
 * the test adds), starts the aduand binary of this
 * build, and returns once its log says event=server.ready, with the port
 * it bound.  A thread copies the daemon's stderr into memory so tests can
 * wait for a log line instead of sleeping.
 *
 * With ADUAN_TEST_STORE=postgres in the environment (ctest's pg/ copies of
 * the integration suites) the daemon runs on PostgreSQL instead: a fresh
 * database of the test cluster per tu_daemon (tu_pg.h), named in the
 * config as [storage] backend = postgres, and tu_db_int()/tu_db_text()
 * read that database.
 *
 * With ADUAN_TEST_VALGRIND=1 in the environment every daemon runs under
 * valgrind memcheck (--leak-check=full); tu_daemon_cleanup() then stops it
 * with SIGTERM so that the leak check runs, prints valgrind's summary
 * lines to stderr, and fails the test when valgrind found errors.
 */
#ifndef ADUAN_TU_DAEMON_H
#define ADUAN_TU_DAEMON_H

#include <pthread.h>
#include <stddef.h>
#include <sys/types.h>

struct tu_daemon {
  pid_t pid;
  int port;
  char *dir;            /* temporary folder, removed by cleanup */
  char *conf;           /* config file path */
  char *db;             /* database file path (SQLite) */
  char *pg;             /* with ADUAN_TEST_STORE=postgres: the connection
                           string of this daemon's database, dropped by
                           cleanup unless pg_shared; NULL on SQLite */
  int pg_shared;        /* pg was given by the test (opts.pg) */
  char *extra;          /* config text appended for every start */
  char **env;           /* "NAME=VALUE" set in the daemon's environment
                           on every start; NULL-terminated, or NULL */
  char *server;         /* lines of [server] given by the test */
  char *storage;        /* lines of [storage] given by the test */
  char *ticket;         /* lines of [ticket] given by the test */
  char *evidence;       /* lines of [evidence] given by the test */
  int valgrind;         /* running under valgrind memcheck */
  int wall_clock;       /* no clock-offset file (tu_daemon_opts) */
  int errfd;            /* read end of the daemon's stderr */
  int logfd;            /* aduand.log in dir: a copy of the log, owned by
                           the reader thread */
  pthread_t reader;
  int reader_running;
  pthread_mutex_t mu;
  pthread_cond_t cv;
  char *log;            /* everything the daemon wrote */
  size_t loglen;
  int eof;              /* stderr closed: the process is ending */
  int status;           /* wait status once reaped */
  int reaped;
};

/* Start a daemon; extra is config text appended after the defaults
 * (sections such as [limits] or more channels).  0 or -1. */
int tu_daemon_start(struct tu_daemon *d, const char *extra);

/* The same, with env ("NAME=VALUE" strings, NULL-terminated) added to the
 * daemon's environment, on this start and every restart (NOTIFY_SOCKET,
 * WATCHDOG_USEC, CREDENTIALS_DIRECTORY...).  0 or -1. */
int tu_daemon_start_env(struct tu_daemon *d, const char *extra,
                        const char *const *env);
/* What a test may change beyond tu_daemon_start(); NULL fields keep the
 * defaults. */
struct tu_daemon_opts {
  const char *extra;    /* as for tu_daemon_start() */
  const char *server;   /* "key = value" lines for [server]; a key given
                           here replaces the default of that key */
  const char *storage;  /* more lines for [storage] (not path) */
  const char *ticket;   /* more lines for [ticket] (not holidays) */
  const char *evidence; /* lines for [evidence]; a key given here
                           replaces the default of that key
                           (allow_private_addresses = yes, since the fake
                           providers serve media on 127.0.0.1) */
  const char *db;       /* the database file, relative to the folder
                           (default "aduan.db"); its folder must exist
                           or be made by setup */
  /* Runs once the folder exists and before the daemon first starts (to
   * mount a file system there, say); non-zero fails the start. */
  int (*setup)(struct tu_daemon *d, void *arg);
  void *arg;
  /* "NAME=VALUE" strings, NULL-terminated, added to the daemon's
   * environment on every start and restart. */
  const char *const *env;
  /* With ADUAN_TEST_STORE=postgres: the connection string of a database
   * to share with other daemons (the test made it with tu_pg_newdb() and
   * drops it), instead of a fresh one of this daemon's own. */
  const char *pg;
  /* No clock-offset file: the daemon reads the wall clock alone, as when
   * deployed (tu_daemon_advance() then has no effect).  For benchmarks:
   * the file is opened at every reading of the clock, a few a message. */
  int wall_clock;
};

int tu_daemon_start_opts(struct tu_daemon *d, const struct tu_daemon_opts *o);

/* Start again in the same folder (after a stop or a kill). */
int tu_daemon_restart(struct tu_daemon *d);

/* Bytes of log so far: a mark to wait from. */
size_t tu_daemon_mark(struct tu_daemon *d);

/* Wait until needle appears in the log after mark; 0, or -1 on timeout or
 * when the daemon exits first. */
int tu_daemon_wait_log(struct tu_daemon *d, size_t mark, const char *needle,
                       int timeout_ms);

/* 1 when needle is in the log anywhere, waiting up to 5 s for it. */
int tu_daemon_log_has(struct tu_daemon *d, const char *needle);

/* 1 when needle is in the log read so far (no waiting): for checking
 * that something is absent, after waiting for a line that came later. */
int tu_daemon_log_now(struct tu_daemon *d, const char *needle);

/* How many times needle is in the log read so far (every start), read
 * under the reader thread's lock: d->log moves when it grows, so a test
 * never reads it without that lock. */
int tu_daemon_log_count(struct tu_daemon *d, const char *needle);

/* Move the daemon's clock forward by ms (it reads the offset from a
 * file in its folder on every message).  0 or -1. */
int tu_daemon_advance(struct tu_daemon *d, long long ms);

/* The first column of the first row of sql, read from the daemon's
 * database (read-only; SQLite's file or PostgreSQL's database): an
 * integer (-1 on error; a NULL reads as 0, a boolean as 0 or 1) or a copy
 * of the text (NULL on error or for a NULL; the caller frees).  Write sql
 * that both read: no ? parameters, no function of one dialect only. */
long long tu_db_int(struct tu_daemon *d, const char *sql);
char *tu_db_text(struct tu_daemon *d, const char *sql);

/* Every row of sql, read from the daemon's database as tu_db_int() reads
 * it: fn gets each row's columns (at most TU_DB_MAX_COLS) as text, NULL
 * for a NULL, "1" or "0" for a boolean.  The number of rows, or -1 on an
 * error. */
#define TU_DB_MAX_COLS 16
typedef void (*tu_db_row_fn)(void *arg, int ncols, const char *const *cols);
int tu_db_rows(struct tu_daemon *d, const char *sql, tu_db_row_fn fn,
               void *arg);

/* Run sql, which writes, on the daemon's database (SQLite's file or
 * PostgreSQL's database; while the daemon is stopped, or alongside it).
 * Write sql that both accept.  0, or -1 with the error on stderr. */
int tu_db_exec(struct tu_daemon *d, const char *sql);

/* Wait until needle appears in the file at path (which may not exist yet,
 * and may be replaced meanwhile), woken by inotify rather than by
 * polling; 0, or -1 after timeout_ms (scaled by CK_TIMEOUT_MULTIPLIER, as
 * every wait here is).  For logs written to a file. */
int tu_wait_file(const char *path, const char *needle, int timeout_ms);

/* Send a signal. */
int tu_daemon_kill(struct tu_daemon *d, int sig);

/* Wait for the process to exit (bounded); 0 with *status set to the wait
 * status, or -1 on timeout. */
int tu_daemon_wait_exit(struct tu_daemon *d, int timeout_ms, int *status);

/* Stop with SIGTERM if running (failing the test unless it exits 0 with
 * no sanitizer report in its log), reap, remove the folder, free
 * everything. */
/* The first Indonesian mobile number written out in full in log (a run
 * of 10 or more digits starting 628, +628 or 08, not inside a word), or
 * NULL: numbers must only ever be logged masked. */
const char *tu_log_find_number(const char *log);

/* Kill if running, reap, remove the folder, free everything.  Fails the
 * test when the daemon's log holds a number in full (see
 * tu_log_find_number) or valgrind found errors. */
void tu_daemon_cleanup(struct tu_daemon *d);

/* The same outside a Check test: returns 1 when the daemon stopped
 * cleanly, 0 otherwise (with the end of its log on stderr). */
int tu_daemon_stop(struct tu_daemon *d);

/* A connection to the daemon (blocking, with 10 s timeouts, scaled by
 * CK_TIMEOUT_MULTIPLIER). */
struct tu_conn {
  int fd;
  char *buf;            /* bytes read and not yet consumed */
  size_t len;
};

struct tu_resp {
  int status;
  char *head;           /* status line and headers */
  char *body;
  size_t body_len;
};

int tu_conn_open(struct tu_conn *c, int port);
void tu_conn_close(struct tu_conn *c);
int tu_conn_send(struct tu_conn *c, const void *p, size_t n);

/* Read one response (Content-Length framed).  0, or -1 when the
 * connection closed or timed out first. */
int tu_conn_read(struct tu_conn *c, struct tu_resp *r);

/* 1 when the server closed the connection (EOF) within timeout_ms
 * (scaled by CK_TIMEOUT_MULTIPLIER). */
int tu_conn_wait_closed(struct tu_conn *c, int timeout_ms);

void tu_resp_free(struct tu_resp *r);

/* One request on a new connection.  ctype and body may be NULL. */
int tu_http(int port, const char *method, const char *path,
            const char *ctype, const char *body, struct tu_resp *r);

/* POST {"from","text","id"} to /webhook/dev; id may be NULL. */
int tu_dev_say(int port, const char *from, const char *text, const char *id,
               struct tu_resp *r);

/*
 * Run argv (argv[0] is the program's path) with input on its stdin;
 * collect stdout and stderr (the caller frees them) and the wait status.
 * 0, or -1 when it could not be run.  A program still running after 30 s
 * (scaled by CK_TIMEOUT_MULTIPLIER) is killed by SIGALRM, which its wait
 * status then says.
 */
int tu_run(const char *const argv[], const char *input, char **out, char **err,
           int *status);

#endif
