/*
 * tu_pg.c: fresh PostgreSQL databases for tests (see tu_pg.h).
 */
#include "tu_pg.h"

#include <check.h>
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"

char *
tu_pg_admin_conninfo(void)
{
  const char *state = getenv("ADUAN_PG_STATE");
  char *path, *text;
  size_t n;

  if (state == NULL || state[0] == '\0')
    return NULL;
  path = tu_path(state, "conninfo");
  text = path ? tu_read_file(path, NULL) : NULL;
  free(path);
  if (text == NULL)
    return NULL;
  n = strlen(text);
  while (n > 0 && (text[n - 1] == '\n' || text[n - 1] == ' '))
    text[--n] = '\0';
  return text;
}

int
tu_store_pg(void)
{
  const char *v = getenv("ADUAN_TEST_STORE");

  return v != NULL && strcmp(v, "postgres") == 0;
}

int
tu_pg_available(void)
{
  char *ci = tu_pg_admin_conninfo();
  int ok = ci != NULL;

  free(ci);
  return ok;
}

/* A connection to conninfo; the test aborts when there is none. */
static PGconn *
tu_pg_connect(const char *conninfo)
{
  PGconn *c = PQconnectdb(conninfo);

  ck_assert_msg(c != NULL && PQstatus(c) == CONNECTION_OK,
                "cannot connect to the test cluster: %s",
                c ? PQerrorMessage(c) : "out of memory");
  return c;
}

void
tu_pg_exec(const char *conninfo, const char *sql)
{
  PGconn *c = tu_pg_connect(conninfo);
  PGresult *r = PQexec(c, sql);

  ck_assert_msg(PQresultStatus(r) == PGRES_COMMAND_OK ||
                PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql,
                PQresultErrorMessage(r));
  PQclear(r);
  PQfinish(c);
}

int64_t
tu_pg_int(const char *conninfo, const char *sql, int has_arg, int64_t a1)
{
  PGconn *c = tu_pg_connect(conninfo);
  char num[24];
  const char *v[1] = { num };
  PGresult *r;
  int64_t out;

  snprintf(num, sizeof(num), "%lld", (long long)a1);
  r = PQexecParams(c, sql, has_arg ? 1 : 0, NULL, has_arg ? v : NULL, NULL,
                   NULL, 0);
  ck_assert_msg(PQresultStatus(r) == PGRES_TUPLES_OK, "%s: %s", sql,
                PQresultErrorMessage(r));
  ck_assert_msg(PQntuples(r) > 0, "%s: no row", sql);
  out = strtoll(PQgetvalue(r, 0, 0), NULL, 10);
  PQclear(r);
  PQfinish(c);
  return out;
}

char *
tu_pg_newdb(void)
{
  static unsigned counter;
  char *admin = tu_pg_admin_conninfo();
  char name[64], sql[128], *out;
  size_t n;

  ck_assert_msg(admin != NULL, "no PostgreSQL cluster (ADUAN_PG_STATE)");
  snprintf(name, sizeof(name), "aduan_t_%ld_%u_%ld", (long)getpid(),
           counter++, (long)(tu_now_ms() % 1000000));
  snprintf(sql, sizeof(sql), "CREATE DATABASE %s", name);
  tu_pg_exec(admin, sql);
  /* The admin string ends with dbname=postgres: a later dbname wins. */
  n = strlen(admin) + strlen(name) + 16;
  out = malloc(n);
  ck_assert_ptr_nonnull(out);
  snprintf(out, n, "%s dbname=%s", admin, name);
  free(admin);
  return out;
}

void
tu_pg_dropdb(const char *conninfo)
{
  const char *p = conninfo ? strrchr(conninfo, '=') : NULL;
  char *admin = tu_pg_admin_conninfo();
  char sql[160];

  if (p == NULL || admin == NULL || strncmp(p + 1, "aduan_t_", 8) != 0) {
    free(admin);
    return;
  }
  snprintf(sql, sizeof(sql), "DROP DATABASE IF EXISTS %s WITH (FORCE)",
           p + 1);
  tu_pg_exec(admin, sql);
  free(admin);
}
