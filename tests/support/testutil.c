/*
 * testutil.c: shared helpers for the Check suites (see testutil.h).
 */
#include "testutil.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

int
tu_run_suite(Suite *s)
{
  SRunner *sr = srunner_create(s);
  int failed;

  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
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
  const char *base = getenv("TMPDIR");
  char *p;
  size_t n;

  if (base == NULL || *base == '\0')
    base = "/tmp";
  n = strlen(base) + 32;
  p = malloc(n);
  if (p == NULL)
    return NULL;
  snprintf(p, n, "%s/aduan-test-XXXXXX", base);
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
