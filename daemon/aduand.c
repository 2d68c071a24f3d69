/* aduand: placeholder main until the server lands in this tree. */
#include <stdio.h>

int
main(void)
{
  puts("aduand " ADUAN_VERSION);
  return 0;
}
