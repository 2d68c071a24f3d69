/*
 * textdist.c: edit distance between short words (see textdist.h).
 */
#include "base/textdist.h"

#include <string.h>

/* The distance of a[0..n) and b[0..m) when it is 0 or 1 (a
 * transposition is one), else 2; in linear time, for the many look-ups
 * that forgive one letter. */
static int
one_edit(const char *a, int n, const char *b, int m)
{
  int i = 0;

  if (n < m)
    return one_edit(b, m, a, n);
  if (n - m > 1)
    return 2;
  while (i < m && a[i] == b[i])
    i++;
  if (i == m)
    return n == m ? 0 : 1;
  if (n > m)    /* a letter of a left out of b */
    return memcmp(a + i + 1, b + i, (size_t)(m - i)) == 0 ? 1 : 2;
  if (memcmp(a + i + 1, b + i + 1, (size_t)(m - i - 1)) == 0)
    return 1;   /* one letter for another */
  return i + 1 < m && a[i] == b[i + 1] && a[i + 1] == b[i] &&
                 memcmp(a + i + 2, b + i + 2, (size_t)(m - i - 2)) == 0
             ? 1 : 2;
}

int
textdist_osa(const char *a, int n, const char *b, int m, int max)
{
  int d[3][TEXTDIST_WORD_MAX + 1];
  int *r0, *r1, *r2;
  int i, j, v, best;

  if (n < 0 || m < 0 || n > TEXTDIST_WORD_MAX || m > TEXTDIST_WORD_MAX)
    return max + 1;
  if (max <= 1) {
    v = one_edit(a, n, b, m);
    return v > max ? max + 1 : v;
  }
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
