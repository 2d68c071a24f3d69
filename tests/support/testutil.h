/*
 * testutil.h: shared helpers for the Check suites.
 *
 * Unit suites end with UNIT_MAIN(<module>_suite).  Temporary folders are
 * made under $TMPDIR (or /tmp) and removed by the test that made them.
 */
#ifndef ADUAN_TESTUTIL_H
#define ADUAN_TESTUTIL_H

#include <check.h>
#include <stdint.h>
#include <stddef.h>
#include <time.h>

/* Run one suite (forking, with Check's default timeout scaled by
 * CK_TIMEOUT_MULTIPLIER); returns the process exit status. */
int tu_run_suite(Suite *s);

/*
 * The timeout of every test whose tcase sets none: Check's own 4 s is a
 * hang detector tuned for an idle machine, and on a busy one (ctest -j2
 * beside other work, the load above 10) tests that read a whole corpus,
 * index 20000 tickets, write and sync 64 MiB or make a PostgreSQL
 * database each took longer without hanging.  Sets CK_DEFAULT_TIMEOUT
 * to TU_DEFAULT_TIMEOUT seconds unless the caller's environment set it;
 * Check reads it, and CK_TIMEOUT_MULTIPLIER, in tcase_create(), so this
 * runs before the suite is built.
 */
#define TU_DEFAULT_TIMEOUT 60
void tu_default_timeout(void);

#define UNIT_MAIN(suite_fn) \
  int main(void) { tu_default_timeout(); return tu_run_suite(suite_fn()); }

/* timeout_ms scaled by CK_TIMEOUT_MULTIPLIER (sanitizers, valgrind), so
 * waits for events stretch with the slowdown. */
int tu_scaled_ms(int timeout_ms);

/* *ts = now on clock (CLOCK_REALTIME for pthread_cond_timedwait) plus
 * ms milliseconds. */
void tu_deadline(struct timespec *ts, clockid_t clock, int ms);

/* Milliseconds on the monotonic clock, for bounding a loop of tries. */
int64_t tu_now_ms(void);

/* A new empty folder; the caller frees the path and removes the folder
 * with tu_rmrf(). */
char *tu_tmpdir(void);

/* Remove path and everything below it. */
void tu_rmrf(const char *path);

/* Write a file (creating or truncating it).  Returns 0 or -errno. */
int tu_write_file(const char *path, const char *text);

/* Read a whole file; the caller frees.  NULL on error.  *len may be NULL. */
char *tu_read_file(const char *path, size_t *len);

/* path joined to name, allocated. */
char *tu_path(const char *dir, const char *name);

/* Assert that text holds each of the strings that follow, up to a NULL:
 * for tests that look for a list of fragments in one output.  A failure
 * names the missing fragment. */
void tu_assert_has_all(const char *text, ...);

/* The value of field (such as "VmRSS:") in /proc/PID/status, in KiB, or
 * -1 when the process or the field is not there: for the benchmarks that
 * watch the daemon's memory. */
long tu_proc_status_kib(int pid, const char *field);

/* A port on 127.0.0.1 kept for the test: bound, with SO_REUSEADDR, but
 * not listening.  The kernel hands it to no one who asks for any port
 * (port 0), so another test running alongside cannot take it; while
 * nothing listens there a connection to it is refused; and a program
 * told to listen on it can, as it binds with SO_REUSEADDR too (libuv,
 * Kannel).  A port found free by binding and closing could be taken by
 * anyone before its program binds it, or between two runs of it.
 * Returns the port with *fd set (close it when done), or -1. */
int tu_reserve_port(int *fd);

struct sqlite3;

/* The one integer that sql yields on db, with ?1 bound to a1 when sql has
 * a parameter (aborts the test when there is no row). */
int64_t tu_sql_int(struct sqlite3 *db, const char *sql, int64_t a1);

#endif
