/*
 * testutil.c: shared helpers for the Check suites (see testutil.h).
 */
#include "testutil.h"
#include "tu_pg.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <sqlite3.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

/*
 * A failed check ends its test process at once, before the test stops its
 * daemons or removes its folders.  Each test folder is named after the
 * runner (aduan-test-PID-...), and a daemon's log is also kept in its
 * folder (aduand.log): after a run with failures, the runner prints the
 * end of every log left behind, so that a failure seen only in CI can be
 * understood from its output, and removes the folders (unless
 * ADUAN_TEST_KEEP is set).
 */
static const char *
tmp_base(void)
{
  const char *base = getenv("TMPDIR");

  return base != NULL && *base != '\0' ? base : "/tmp";
}

static void
report_leftovers(long runner)
{
  const char *base = tmp_base();
  char prefix[64], path[4096];
  DIR *dir = opendir(base);
  struct dirent *e;

  if (dir == NULL)
    return;
  snprintf(prefix, sizeof(prefix), "aduan-test-%ld-", runner);
  while ((e = readdir(dir)) != NULL) {
    size_t len = 0;
    char *text;
    if (strncmp(e->d_name, prefix, strlen(prefix)) != 0)
      continue;
    snprintf(path, sizeof(path), "%s/%s/aduand.log", base, e->d_name);
    text = tu_read_file(path, &len);
    if (text != NULL) {
      size_t n = len > 6000 ? 6000 : len;
      fprintf(stderr, "-- the end of the log of a daemon in %s/%s (its test "
              "failed):\n%s\n", base, e->d_name, text + len - n);
      free(text);
    }
    if (getenv("ADUAN_TEST_KEEP") == NULL) {
      snprintf(path, sizeof(path), "%s/%s", base, e->d_name);
      tu_rmrf(path);
    }
  }
  closedir(dir);
}

int
tu_run_suite(Suite *s)
{
  SRunner *sr = srunner_create(s);
  char pid[32];
  int failed;

  /* The pg/ copies of the suites need the cluster of ctest's fixture. */
  if (tu_store_pg() && !tu_pg_available()) {
    printf("SKIPPED: ADUAN_TEST_STORE=postgres but no PostgreSQL cluster "
           "(ADUAN_PG_STATE)\n");
    srunner_free(sr);
    return 77;
  }
  snprintf(pid, sizeof(pid), "%ld", (long)getpid());
  setenv("ADUAN_TEST_RUNNER", pid, 1);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  if (failed > 0)
    report_leftovers((long)getpid());
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}

void
tu_default_timeout(void)
{
  char text[16];

  snprintf(text, sizeof(text), "%d", TU_DEFAULT_TIMEOUT);
  setenv("CK_DEFAULT_TIMEOUT", text, 0);
}

void
tu_deadline(struct timespec *ts, clockid_t clock, int ms)
{
  clock_gettime(clock, ts);
  ts->tv_sec += ms / 1000;
  ts->tv_nsec += (long)(ms % 1000) * 1000000L;
  if (ts->tv_nsec >= 1000000000L) {
    ts->tv_sec++;
    ts->tv_nsec -= 1000000000L;
  }
}

int64_t
tu_now_ms(void)
{
  struct timespec ts;

  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (int64_t)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

int
tu_scaled_ms(int timeout_ms)
{
  const char *m = getenv("CK_TIMEOUT_MULTIPLIER");
  long k = m != NULL ? strtol(m, NULL, 10) : 1;

  if (k < 1 || k > 100)
    k = 1;
  return (int)(timeout_ms * k);
}

char *
tu_tmpdir(void)
{
  const char *base = tmp_base();
  const char *runner = getenv("ADUAN_TEST_RUNNER");
  char *p;
  size_t n;

  n = strlen(base) + 64;
  p = malloc(n);
  if (p == NULL)
    return NULL;
  snprintf(p, n, "%s/aduan-test-%ld-XXXXXX", base,
           runner != NULL ? strtol(runner, NULL, 10) : (long)getpid());
  if (mkdtemp(p) == NULL) {
    free(p);
    return NULL;
  }
  return p;
}

static int
rm_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw)
{
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

void
tu_rmrf(const char *path)
{
  if (path != NULL)
    nftw(path, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

int
tu_write_file(const char *path, const char *text)
{
  FILE *f = fopen(path, "w");
  size_t n = strlen(text);

  if (f == NULL)
    return -errno;
  if (fwrite(text, 1, n, f) != n) {
    fclose(f);
    return -EIO;
  }
  return fclose(f) == 0 ? 0 : -errno;
}

char *
tu_read_file(const char *path, size_t *len)
{
  FILE *f = fopen(path, "rb");
  char *p = NULL;
  size_t cap = 0, n = 0, r;

  if (f == NULL)
    return NULL;
  for (;;) {
    if (n + 4096 + 1 > cap) {
      char *q;
      cap = cap ? cap * 2 : 8192;
      q = realloc(p, cap);
      if (q == NULL) {
        free(p);
        fclose(f);
        return NULL;
      }
      p = q;
    }
    r = fread(p + n, 1, 4096, f);
    n += r;
    if (r == 0)
      break;
  }
  fclose(f);
  p[n] = '\0';
  if (len != NULL)
    *len = n;
  return p;
}

char *
tu_path(const char *dir, const char *name)
{
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);

  if (p != NULL)
    snprintf(p, n, "%s/%s", dir, name);
  return p;
}

void
tu_assert_has_all(const char *text, ...)
{
  const char *needle;
  va_list ap;

  ck_assert_ptr_nonnull(text);
  va_start(ap, text);
  while ((needle = va_arg(ap, const char *)) != NULL)
    ck_assert_msg(strstr(text, needle) != NULL, "\"%s\" is missing", needle);
  va_end(ap);
}

long
tu_proc_status_kib(int pid, const char *field)
{
  char path[64], line[256];
  size_t n = strlen(field);
  long kib = -1;
  FILE *f;

  snprintf(path, sizeof(path), "/proc/%d/status", pid);
  f = fopen(path, "r");
  if (f == NULL)
    return -1;
  while (fgets(line, sizeof(line), f) != NULL)
    if (strncmp(line, field, n) == 0)
      kib = strtol(line + n, NULL, 10);
  fclose(f);
  return kib;
}

int64_t
tu_sql_int(struct sqlite3 *db, const char *sql, int64_t a1)
{
  sqlite3_stmt *stmt = NULL;
  int64_t v;

  ck_assert_int_eq(sqlite3_prepare_v2(db, sql, -1, &stmt, NULL), SQLITE_OK);
  if (sqlite3_bind_parameter_count(stmt) > 0)
    sqlite3_bind_int64(stmt, 1, a1);
  ck_assert_int_eq(sqlite3_step(stmt), SQLITE_ROW);
  v = sqlite3_column_int64(stmt, 0);
  sqlite3_finalize(stmt);
  return v;
}

int
tu_reserve_port(int *fd)
{
  struct sockaddr_in a;
  socklen_t len = sizeof(a);
  int on = 1;

  *fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  if (*fd < 0)
    return -1;
  memset(&a, 0, sizeof(a));
  a.sin_family = AF_INET;
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (setsockopt(*fd, SOL_SOCKET, SO_REUSEADDR, &on, sizeof(on)) != 0 ||
      bind(*fd, (struct sockaddr *)&a, sizeof(a)) != 0 ||
      getsockname(*fd, (struct sockaddr *)&a, &len) != 0) {
    close(*fd);
    *fd = -1;
    return -1;
  }
  return ntohs(a.sin_port);
}
