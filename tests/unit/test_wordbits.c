/*
 * test_wordbits.c: words and their classes: a word has the classes added
 * to it and no others, a word never added (or only a prefix of one) has
 * none, every class number up to the bound works, keys survive the table
 * growing, and the union of several words' sets is their sets together.
 */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "rules/wordbits.h"
#include "testutil.h"

static struct wordbits_set
set_of(const struct wordbits *m, const char *w)
{
  struct wordbits_set s;

  memset(&s, 0, sizeof(s));
  wordbits_or(m, w, strlen(w), &s);
  return s;
}

static int
count(const struct wordbits_set *s)
{
  int n = 0;
  unsigned c;

  for (c = 0; c < WORDBITS_MAX; c++)
    n += wordbits_has(s, c);
  return n;
}

START_TEST(classes_of_a_word)
{
  struct wordbits m;
  struct wordbits_set s;

  wordbits_init(&m);
  s = set_of(&m, "camat");
  ck_assert_int_eq(count(&s), 0);
  ck_assert_int_eq(wordbits_add(&m, "camat", 5, 3), 0);
  ck_assert_int_eq(wordbits_add(&m, "camat", 5, 70), 0);
  ck_assert_int_eq(wordbits_add(&m, "bunuh", 5, 8), 0);
  ck_assert_int_eq(wordbits_add(&m, "camat", 5, 3), 0);
  s = set_of(&m, "camat");
  ck_assert(wordbits_has(&s, 3));
  ck_assert(wordbits_has(&s, 70));
  ck_assert(!wordbits_has(&s, 8));
  ck_assert_int_eq(count(&s), 2);
  s = set_of(&m, "bunuh");
  ck_assert(wordbits_has(&s, 8));
  ck_assert_int_eq(count(&s), 1);
  ck_assert_uint_eq(m.n, 2);
  wordbits_free(&m);
}
END_TEST

START_TEST(other_words_have_none)
{
  struct wordbits m;
  struct wordbits_set s;
  const char *other[] = {"cama", "camatt", "Camat", "", "camat ", "bunuh"};
  size_t k;

  wordbits_init(&m);
  ck_assert_int_eq(wordbits_add(&m, "camat", 5, 1), 0);
  for (k = 0; k < sizeof(other) / sizeof(other[0]); k++) {
    s = set_of(&m, other[k]);
    ck_assert_msg(count(&s) == 0, "'%s' has classes", other[k]);
  }
  /* A key given by length: "camatnya" cut to five letters is "camat". */
  memset(&s, 0, sizeof(s));
  wordbits_or(&m, "camatnya", 5, &s);
  ck_assert(wordbits_has(&s, 1));
  wordbits_free(&m);
}
END_TEST

START_TEST(every_class_number)
{
  struct wordbits m;
  struct wordbits_set s;
  unsigned c;

  wordbits_init(&m);
  for (c = 0; c < WORDBITS_MAX; c += 1 + (c % 7))
    ck_assert_int_eq(wordbits_add(&m, "x", 1, c), 0);
  ck_assert_int_eq(wordbits_add(&m, "x", 1, 63), 0);
  ck_assert_int_eq(wordbits_add(&m, "x", 1, 64), 0);
  ck_assert_int_eq(wordbits_add(&m, "x", 1, WORDBITS_MAX - 1), 0);
  ck_assert_int_eq(wordbits_add(&m, "x", 1, WORDBITS_MAX), -EINVAL);
  s = set_of(&m, "x");
  for (c = 0; c < WORDBITS_MAX; c++) {
    int want = c == 63 || c == 64 || c == WORDBITS_MAX - 1, d;

    for (d = 0; d < (int)WORDBITS_MAX; d += 1 + (d % 7))
      if ((unsigned)d == c)
        want = 1;
    ck_assert_msg(wordbits_has(&s, c) == want, "class %u", c);
  }
  ck_assert(!wordbits_has(&s, WORDBITS_MAX));
  wordbits_free(&m);
}
END_TEST

START_TEST(keys_survive_growing)
{
  struct wordbits m;
  struct wordbits_set s;
  char w[32];
  int k;

  wordbits_init(&m);
  for (k = 0; k < 5000; k++) {
    snprintf(w, sizeof(w), "kata%d", k);
    ck_assert_int_eq(wordbits_add(&m, w, strlen(w), (unsigned)(k % 100)),
                     0);
  }
  ck_assert_uint_eq(m.n, 5000);
  ck_assert((m.mask + 1) >= 2 * m.n);
  for (k = 0; k < 5000; k++) {
    snprintf(w, sizeof(w), "kata%d", k);
    s = set_of(&m, w);
    ck_assert_msg(wordbits_has(&s, (unsigned)(k % 100)) && count(&s) == 1,
                  "%s", w);
  }
  s = set_of(&m, "kata5000");
  ck_assert_int_eq(count(&s), 0);
  wordbits_free(&m);
  s = set_of(&m, "kata1");
  ck_assert_int_eq(count(&s), 0);
}
END_TEST

START_TEST(union_of_words)
{
  struct wordbits m;
  struct wordbits_set s;

  wordbits_init(&m);
  ck_assert_int_eq(wordbits_add(&m, "leher", 5, 2), 0);
  ck_assert_int_eq(wordbits_add(&m, "lehernya", 8, 100), 0);
  memset(&s, 0, sizeof(s));
  wordbits_or(&m, "lehernya", 8, &s);
  wordbits_or(&m, "leher", 5, &s);
  wordbits_or(&m, "tidak", 5, &s);
  ck_assert(wordbits_has(&s, 2) && wordbits_has(&s, 100));
  ck_assert_int_eq(count(&s), 2);
  wordbits_free(&m);
}
END_TEST

static Suite *
wordbits_suite(void)
{
  Suite *s = suite_create("wordbits");
  TCase *tc = tcase_create("wordbits");

  tcase_add_test(tc, classes_of_a_word);
  tcase_add_test(tc, other_words_have_none);
  tcase_add_test(tc, every_class_number);
  tcase_add_test(tc, keys_survive_growing);
  tcase_add_test(tc, union_of_words);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(wordbits_suite)
