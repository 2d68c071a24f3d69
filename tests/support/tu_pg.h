/*
 * tu_pg.h: a fresh PostgreSQL database for a test, in the throwaway
 * cluster that ctest's fixture "pg" starts (tests/support/pg_cluster.sh).
 *
 * ctest tells the suites where the cluster is with ADUAN_PG_STATE (the
 * folder holding its conninfo).  A suite that needs PostgreSQL asks
 * tu_pg_available() first and exits 77 (skipped) without it.
 */
#ifndef ADUAN_TU_PG_H
#define ADUAN_TU_PG_H

#include <stdint.h>
#include <stdio.h>

/* 1 when the integration suites are to run their daemons on PostgreSQL
 * (ADUAN_TEST_STORE=postgres, as ctest's pg/test_* copies set it): each
 * daemon of tu_daemon.h then gets a fresh database of the cluster. */
int tu_store_pg(void);

/* In a test whose subject exists only in SQLite (its file, its WAL, a
 * full disk under it): on PostgreSQL, say so and end the test here
 * (passed). */
#define TU_SQLITE_ONLY(why)                                                \
  do {                                                                     \
    if (tu_store_pg()) {                                                   \
      printf("%s: skipped on PostgreSQL: %s\n", __func__, why);            \
      fflush(stdout);                                                      \
      return;                                                              \
    }                                                                      \
  } while (0)

/* 1 when a cluster is there to use. */
int tu_pg_available(void);

/* main() of a unit suite of the PostgreSQL backend: skipped (77) without
 * a cluster, else suite_fn() run as UNIT_MAIN runs it. */
#define PG_UNIT_MAIN(suite_fn)                                             \
  int main(void)                                                           \
  {                                                                        \
    if (!tu_pg_available())                                                \
      return 77;                                                           \
    tu_default_timeout();                                                  \
    return tu_run_suite(suite_fn());                                       \
  }

/* The libpq connection string of the cluster's maintenance database
 * ("postgres"), allocated; NULL without a cluster. */
char *tu_pg_admin_conninfo(void);

/* Create an empty database of a unique name and return its connection
 * string (allocated); the test aborts when it cannot. */
char *tu_pg_newdb(void);

/* Drop the database conninfo names (from tu_pg_newdb), ending its
 * sessions first; quiet when it is gone already. */
void tu_pg_dropdb(const char *conninfo);

/* Run sql (no parameters, or $1 = a1 when has_arg) on the database
 * conninfo names and return the first column of its first row as a
 * number; the test aborts on an error or no row. */
int64_t tu_pg_int(const char *conninfo, const char *sql, int has_arg,
                  int64_t a1);

/* Run sql, which yields nothing, on the database conninfo names; the
 * test aborts on an error. */
void tu_pg_exec(const char *conninfo, const char *sql);

#endif
