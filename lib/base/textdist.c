/*
 * textdist.c: edit distance between short words (see textdist.h).
 */
#include "base/textdist.h"

int
textdist_osa(const char *a, int n, const char *b, int m, int max)
{
  int d[3][TEXTDIST_WORD_MAX + 1];
  int *r0, *r1, *r2;
  int i, j, v, best;

  if (n < 0 || m < 0 || n > TEXTDIST_WORD_MAX || m > TEXTDIST_WORD_MAX)
    return max + 1;
  for (j = 0; j <= m; j++)
    d[0][j] = j;
  for (i = 1; i <= n; i++) {
    r2 = d[i % 3];
    r1 = d[(i - 1) % 3];
    r0 = d[(i + 1) % 3];  /* row i - 2, read only when i > 1 */
    r2[0] = i;
    best = i;
    for (j = 1; j <= m; j++) {
      v = r1[j - 1] + (a[i - 1] != b[j - 1]);
      if (r1[j] + 1 < v)
        v = r1[j] + 1;
      if (r2[j - 1] + 1 < v)
        v = r2[j - 1] + 1;
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
          r0[j - 2] + 1 < v)
        v = r0[j - 2] + 1;
      r2[j] = v;
      if (v < best)
        best = v;
    }
    /* A transposition skips a row but never gets below the row it
     * skips, so a row entirely above max settles it. */
    if (best > max)
      return max + 1;
  }
  v = d[n % 3][m];
  return v > max ? max + 1 : v;
}
