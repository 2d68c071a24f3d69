/*
 * mangen: write the man pages aduand(8), aduanctl(8) and aduand.conf(5)
 * into a folder, rendered from the same descriptions as `-h` and the
 * config's directive table (the build runs it; the pages are installed).
 *
 *   mangen DIR DATE
 */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "conf/config.h"
#include "ops/manual.h"

static int
write_page(const char *dir, const char *file, const struct buf *b)
{
  char path[4096];
  FILE *f;
  int ok;

  snprintf(path, sizeof(path), "%s/%s", dir, file);
  f = fopen(path, "w");
  if (f == NULL) {
    perror(path);
    return -1;
  }
  ok = fwrite(b->data, 1, b->len, f) == b->len;
  if (fclose(f) != 0 || !ok) {
    perror(path);
    return -1;
  }
  return 0;
}

int
main(int argc, char **argv)
{
  struct buf d = BUF_INIT, c = BUF_INIT, conf = BUF_INIT;
  int rc;

  if (argc != 3) {
    fprintf(stderr, "usage: mangen DIR DATE\n");
    return 2;
  }
  rc = manpage_roff(&manual_aduand, ADUAN_VERSION, argv[2], &d);
  rc |= manpage_roff(&manual_aduanctl, ADUAN_VERSION, argv[2], &c);
  rc |= config_manual(&conf, ADUAN_VERSION, argv[2]);
  if (rc == 0)
    rc = write_page(argv[1], "aduand.8", &d) |
         write_page(argv[1], "aduanctl.8", &c) |
         write_page(argv[1], "aduand.conf.5", &conf);
  buf_free(&d);
  buf_free(&c);
  buf_free(&conf);
  return rc == 0 ? 0 : 1;
}
