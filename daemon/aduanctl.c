/* aduanctl: placeholder main until the server lands in this tree. */
#include <stdio.h>

int
main(void)
{
  puts("aduanctl " ADUAN_VERSION);
  return 0;
}
