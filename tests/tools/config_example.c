/*
 * config_example: print the documented example config rendered from the
 * directive table.  `cmake --build build --target config-example`
 * rewrites config/aduand.conf.example with it; a unit test checks that
 * the two agree.
 */
#include <stdio.h>

#include "base/buf.h"
#include "conf/config.h"

int
main(void)
{
  struct buf b = BUF_INIT;
  int rc = config_example(&b);

  if (rc == 0 && fwrite(b.data, 1, b.len, stdout) != b.len)
    rc = -1;
  buf_free(&b);
  return rc == 0 ? 0 : 1;
}
