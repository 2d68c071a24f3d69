/*
 * test_lines.c: the line reader for files admins edit: line numbers, line
 * ends, the byte order mark, each comment style, trimming, blank lines,
 * the NUL and UTF-8 check, and reading a file with a size cap.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/err.h"
#include "base/lines.h"
#include "testutil.h"

/*
 * Every line of text under flags, as "LINENO:line|" (a '!' after the
 * number when ls.bad is set), into out (initialised here).
 */
static void
collect(const char *text, size_t len, unsigned flags, struct diag *d,
        struct buf *out)
{
  struct lines ls;
  const char *p;
  size_t n;

  buf_init(out, 0);
  lines_init(&ls, "F", text, len, flags, d);
  while (lines_next(&ls, &p, &n)) {
    ck_assert_int_eq(buf_printf(out, "%d%s:", ls.lineno, ls.bad ? "!" : ""),
                     0);
    ck_assert_int_eq(buf_append(out, p, n), 0);
    ck_assert_int_eq(buf_puts(out, "|"), 0);
  }
  lines_close(&ls);
}

/* collect() of a NUL-terminated text, compared with want. */
static void
check_lines(const char *text, unsigned flags, const char *want)
{
  struct buf got;

  collect(text, strlen(text), flags, NULL, &got);
  ck_assert_msg(strcmp(got.data != NULL ? got.data : "", want) == 0,
                "flags %#x on \"%s\": got \"%s\", want \"%s\"", flags, text,
                got.data != NULL ? got.data : "", want);
  buf_free(&got);
}

START_TEST(lines_ends_and_numbers)
{
  /* LF, CRLF, a last line without its end; a lone CR stays. */
  check_lines("a\nb\r\n\nc\rd\ne", 0, "1:a|2:b|3:|4:c\rd|5:e|");
  check_lines("a\n", 0, "1:a|");
  check_lines("", 0, "");
  check_lines("\r\n", 0, "1:|");
  /* The byte order mark goes, only at the start. */
  check_lines("\xef\xbb\xbf" "a\n\xef\xbb\xbf" "b\n", 0,
              "1:a|2:\xef\xbb\xbf" "b|");
  /* Without flags a line is handed out as it stands. */
  check_lines("  # x  \n\t\n", 0, "1:  # x  |2:\t|");
}
END_TEST

START_TEST(lines_comments)
{
  const char *text = "# all\n  # indented\nkey = a#b # tail\n#\n";

  /* Only whole comment lines go; numbers still count them. */
  check_lines(text, LINES_COMMENT_LINE, "3:key = a#b # tail|");
  /* Any '#' starts one. */
  check_lines(text, LINES_COMMENT_ANY, "1:|2:  |3:key = a|4:|");
  /* A '#' at the start or after a blank. */
  check_lines(text, LINES_COMMENT_WORD, "1:|2:  |3:key = a#b |4:|");
  check_lines("a\t#b\n", LINES_COMMENT_WORD, "1:a\t|");
}
END_TEST

START_TEST(lines_trim_and_blanks)
{
  const char *text = " \ta b\t \n\n   \n x # c\n# d\n";

  check_lines(text, LINES_TRIM, "1:a b|2:|3:|4:x # c|5:# d|");
  check_lines(text, LINES_SKIP_BLANK, "1: \ta b\t |4: x # c|5:# d|");
  check_lines(text, LINES_TRIM | LINES_SKIP_BLANK | LINES_COMMENT_ANY,
              "1:a b|4:x|");
  /* A blank line inside kept (the catalogue counts them). */
  check_lines(text, LINES_COMMENT_LINE, "1: \ta b\t |2:|3:   |4: x # c|");
  /* CRLF with trailing blanks and a comment. */
  check_lines("2026-12-24  # cuti\r\n   2027-01-01\t# baru\r\n",
              LINES_TRIM | LINES_SKIP_BLANK | LINES_COMMENT_ANY,
              "1:2026-12-24|2:2027-01-01|");
}
END_TEST

START_TEST(lines_check_text)
{
  static const char text[] = "ok\nbad\xff" "x\nn\0ul\n# \xc0\xaf\nboth\0\xfe\n";
  static const char want[] = "1:ok|2!:bad\xff" "x|3!:n\0ul|5!:both\0\xfe|";
  struct diag d;
  struct buf got;

  diag_init(&d);
  collect(text, sizeof(text) - 1, LINES_CHECK | LINES_COMMENT_LINE, &d,
          &got);
  /* A broken line is still handed out, marked; a comment is checked too
   * but not handed out. */
  ck_assert_uint_eq(got.len, sizeof(want) - 1);
  ck_assert_int_eq(memcmp(got.data, want, got.len), 0);
  ck_assert_int_eq(d.errors, 5);
  ck_assert_ptr_nonnull(strstr(d.text.data, "F:2: invalid UTF-8 at byte 4 of "
                               "the line (save the file as UTF-8)\n"));
  ck_assert_ptr_nonnull(strstr(d.text.data, "F:3: the line holds a NUL "
                               "byte\n"));
  ck_assert_ptr_nonnull(strstr(d.text.data, "F:4: invalid UTF-8 at byte 3"));
  ck_assert_ptr_nonnull(strstr(d.text.data, "F:5: the line holds a NUL "
                               "byte\nF:5: invalid UTF-8 at byte 6"));
  buf_free(&got);
  diag_free(&d);

  /* Without the flag nothing is reported. */
  diag_init(&d);
  collect(text, sizeof(text) - 1, 0, &d, &got);
  ck_assert_int_eq(d.errors, 0);
  buf_free(&got);
  diag_free(&d);
}
END_TEST

START_TEST(lines_files)
{
  char *dir = tu_tmpdir();
  char *path = tu_path(dir, "list.txt");
  char *missing = tu_path(dir, "missing.txt");
  struct lines ls;
  struct diag d;
  const char *p;
  size_t n;

  diag_init(&d);
  ck_assert_int_eq(tu_write_file(path, "\xef\xbb\xbfsatu\r\n# dua\ntiga"), 0);
  ck_assert_int_eq(lines_open(&ls, path, 64, LINES_COMMENT_LINE, &d), 0);
  ck_assert_int_eq(lines_next(&ls, &p, &n), 1);
  ck_assert_int_eq(ls.lineno, 1);
  ck_assert_int_eq((int)n, 4);
  ck_assert_int_eq(memcmp(p, "satu", 4), 0);
  ck_assert_int_eq(lines_next(&ls, &p, &n), 1);
  ck_assert_int_eq(ls.lineno, 3);
  ck_assert_int_eq(memcmp(p, "tiga", n), 0);
  ck_assert_int_eq(lines_next(&ls, &p, &n), 0);
  ck_assert_int_eq(lines_next(&ls, &p, &n), 0);
  lines_close(&ls);
  lines_close(&ls);
  ck_assert_int_eq(d.errors, 0);

  /* Too large: the file as a whole is reported, no lines. */
  ck_assert_int_eq(lines_open(&ls, path, 8, 0, &d), AERR_CONFIG);
  ck_assert_int_eq(lines_next(&ls, &p, &n), 0);
  lines_close(&ls);
  ck_assert_int_eq(lines_open(&ls, missing, 64, 0, &d), -ENOENT);
  ck_assert_int_eq(lines_next(&ls, &p, &n), 0);
  lines_close(&ls);
  ck_assert_int_eq(d.errors, 2);
  ck_assert_ptr_nonnull(strstr(d.text.data, "list.txt: the file is larger "
                               "than"));
  ck_assert_ptr_nonnull(strstr(d.text.data, "missing.txt: cannot open"));
  diag_free(&d);
  tu_rmrf(dir);
  free(dir);
  free(path);
  free(missing);
}
END_TEST

static Suite *
lines_suite(void)
{
  Suite *s = suite_create("lines");
  TCase *tc = tcase_create("lines");

  tcase_add_test(tc, lines_ends_and_numbers);
  tcase_add_test(tc, lines_comments);
  tcase_add_test(tc, lines_trim_and_blanks);
  tcase_add_test(tc, lines_check_text);
  tcase_add_test(tc, lines_files);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(lines_suite)
