/*
 * test_textdist.c: the optimal-string-alignment distance (textdist.h),
 * and its short way for a budget of one edit, which must agree with the
 * full table.
 */
#include <string.h>

#include "base/textdist.h"
#include "testutil.h"

static const struct {
  const char *a, *b;
  int d;                      /* the distance, or 3 for "more than 2" */
} cases[] = {
  {"", "", 0},
  {"kupang", "kupang", 0},
  {"kupang", "kupan", 1},         /* a letter left out, at the end */
  {"kupang", "kpang", 1},         /* ... inside */
  {"kupang", "xkupang", 1},       /* one more, at the start */
  {"kupang", "kupung", 1},        /* one for another */
  {"kupang", "kuapng", 1},        /* two neighbours swapped */
  {"kupang", "ukpagn", 2},        /* two swaps */
  {"kupang", "kpuagn", 2},
  {"soe", "seo", 1},
  {"ende", "nede", 1},
  {"ende", "edne", 1},
  {"ende", "ened", 1},
  {"ab", "ba", 1},
  {"a", "", 1},
  {"", "ab", 2},
  {"lewoleba", "lewolbea", 1},
  {"lewoleba", "lewolbe", 2},
  {"maumere", "maumree", 1},
  {"maumere", "muamree", 2},
  {"waingapu", "wangapu", 1},
  {"waingapu", "wingapuu", 2},
  {"kalabahi", "atambua", 3},
  {"abc", "cab", 2},              /* no transposition of a non-neighbour */
};

START_TEST(textdist_table)
{
  const char *a = cases[_i].a, *b = cases[_i].b;
  int n = (int)strlen(a), m = (int)strlen(b), max;

  ck_assert_msg(textdist_osa(a, n, b, m, 2) == cases[_i].d,
                "'%s' '%s': %d, want %d", a, b, textdist_osa(a, n, b, m, 2),
                cases[_i].d);
  /* Every budget gives the distance, or budget + 1 above it; the budgets
   * of 0 and 1 take the short way. */
  for (max = 0; max <= 2; max++)
    ck_assert_int_eq(textdist_osa(a, n, b, m, max),
                     cases[_i].d > max ? max + 1 : cases[_i].d);
  ck_assert_int_eq(textdist_osa(b, m, a, n, 1), textdist_osa(a, n, b, m, 1));
}
END_TEST

START_TEST(textdist_too_long)
{
  char w[TEXTDIST_WORD_MAX + 2];

  memset(w, 'a', sizeof(w));
  ck_assert_int_eq(textdist_osa(w, TEXTDIST_WORD_MAX + 1, w,
                                TEXTDIST_WORD_MAX + 1, 1), 2);
  ck_assert_int_eq(textdist_osa(w, TEXTDIST_WORD_MAX, w, TEXTDIST_WORD_MAX,
                                1), 0);
}
END_TEST

static Suite *
textdist_suite(void)
{
  Suite *s = suite_create("textdist");
  TCase *tc = tcase_create("osa");

  tcase_add_loop_test(tc, textdist_table, 0, sizeof(cases) / sizeof(cases[0]));
  tcase_add_test(tc, textdist_too_long);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(textdist_suite)
