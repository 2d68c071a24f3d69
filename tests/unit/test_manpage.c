/*
 * test_manpage.c: one description, two renderings.  The -h text wraps
 * and lays out items; the man page escapes what roff would take as
 * commands; aduand.conf(5) carries every key of the directive table, the
 * same table that renders aduand.conf.example.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/manpage.h"
#include "conf/config.h"
#include "ops/manual.h"
#include "testutil.h"

static const char *const syn[] = {"tool [-x] FILE", "tool -h", NULL};

static const struct manpage_item items[] = {
  {"-x", "a short one"},
  {"--a-very-long-option-name=VALUE", "its text starts on the next line"},
  {NULL, NULL}
};

static const struct manpage_section sections[] = {
  {"OPTIONS", "after the items", items, 0},
  {"FILES", ".starts with a dot\n\n'and a quote, back\\slash", NULL, 1},
  {NULL, NULL, NULL, 0}
};

static const struct manpage page = {
  .name = "tool", .section = 8, .summary = "a tool",
  .synopsis = syn,
  .description = "one two three four five six seven eight nine ten eleven "
                 "twelve thirteen fourteen fifteen sixteen seventeen",
  .sections = sections,
};

START_TEST(help_wraps_and_lays_out)
{
  struct buf b = BUF_INIT;
  const char *p;

  ck_assert_int_eq(manpage_help(&page, &b), 0);
  ck_assert_int_eq(strncmp(b.data, "usage: tool [-x] FILE\n"
                                   "       tool -h\n\n", 38), 0);
  /* No line is longer than 76 columns. */
  for (p = b.data; *p != '\0';) {
    size_t n = strcspn(p, "\n");

    ck_assert_msg(n <= 76, "line too long: %.*s", (int)n, p);
    p += n + (p[n] == '\n');
  }
  ck_assert_ptr_nonnull(strstr(b.data, "Options:\n  -x                       "
                                       "a short one\n"));
  ck_assert_ptr_nonnull(strstr(b.data, "  --a-very-long-option-name=VALUE\n"
                                       "                           its"));
  ck_assert_ptr_nonnull(strstr(b.data, "\nafter the items\n"));
  /* A man-only section stays out of the help. */
  ck_assert_ptr_null(strstr(b.data, "starts with a dot"));
  buf_free(&b);
}
END_TEST

START_TEST(roff_escapes)
{
  struct buf b = BUF_INIT;

  ck_assert_int_eq(manpage_roff(&page, "1.2", "2026-01-02", &b), 0);
  ck_assert_int_eq(strncmp(b.data, ".TH TOOL 8 2026-01-02 \"aduan 1.2\"", 33),
                   0);
  ck_assert_ptr_nonnull(strstr(b.data, ".SH NAME\ntool \\- a tool\n"));
  ck_assert_ptr_nonnull(strstr(b.data, ".B tool [\\-x] FILE\n.br\n"));
  ck_assert_ptr_nonnull(strstr(b.data, "\\&.starts with a dot\n.PP\n"
                                       "\\&'and a quote, back\\eslash\n"));
  ck_assert_ptr_nonnull(strstr(b.data, ".TP\n.B \\-\\-a\\-very"));
  buf_free(&b);
}
END_TEST

/* The real pages: both help texts and every config key. */
START_TEST(real_pages_are_complete)
{
  struct buf b = BUF_INIT, ex = BUF_INIT;
  const char *p;

  ck_assert_int_eq(manpage_help(&manual_aduand, &b), 0);
  ck_assert_ptr_nonnull(strstr(b.data, "usage: aduand [-c FILE] [-t]"));
  buf_reset(&b);
  ck_assert_int_eq(manpage_roff(&manual_aduanctl, "v", "d", &b), 0);
  ck_assert_ptr_nonnull(strstr(b.data, ".B reveal NUMBER \\-\\-reason"));
  buf_reset(&b);

  /* Every "#key = value" line of the example names a key of the page. */
  ck_assert_int_eq(config_example(&ex), 0);
  ck_assert_int_eq(config_manual(&b, "v", "d"), 0);
  for (p = strstr(ex.data, "\n#"); p != NULL; p = strstr(p + 1, "\n#")) {
    char key[64], want[80];
    size_t n = strcspn(p + 2, " =\n");

    if (n == 0 || n >= sizeof(key) || strncmp(p + 2 + n, " = ", 3) != 0 ||
        p[2] == '[')
      continue;
    memcpy(key, p + 2, n);
    key[n] = '\0';
    snprintf(want, sizeof(want), ".TP\n.B %s", key);
    /* roff escapes the key's minus signs; config keys have none. */
    ck_assert_msg(strstr(b.data, want) != NULL, "no entry for %s", key);
  }
  buf_free(&ex);
  buf_free(&b);
}
END_TEST

static Suite *
manpage_suite(void)
{
  Suite *s = suite_create("manpage");
  TCase *tc = tcase_create("manpage");

  tcase_add_test(tc, help_wraps_and_lays_out);
  tcase_add_test(tc, roff_escapes);
  tcase_add_test(tc, real_pages_are_complete);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(manpage_suite)
