/*
 * test_buf.c: the capped byte buffer, the error names, the log
 * masking helpers and the log file.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/buf.h"
#include "base/err.h"
#include "base/log.h"
#include "testutil.h"

START_TEST(buf_appends_and_caps)
{
  struct buf b;

  buf_init(&b, 8);
  ck_assert_int_eq(buf_puts(&b, "abcd"), 0);
  ck_assert_int_eq(buf_printf(&b, "%d", 123), 0);
  ck_assert_str_eq(b.data, "abcd123");
  ck_assert_int_eq(buf_puts(&b, "xy"), AERR_TOOBIG);
  ck_assert_str_eq(b.data, "abcd123");
  ck_assert_int_eq(buf_puts(&b, "z"), 0);
  ck_assert_uint_eq(b.len, 8);
  buf_free(&b);
  ck_assert_ptr_null(b.data);
}
END_TEST

/* A format that fits the room already allocated, one that does not, and
 * one past the cap although it would fit the room (the cap still holds
 * and the refused text leaves the buffer as it was), one up to the cap. */
START_TEST(buf_printf_room_and_cap)
{
  struct buf b;
  char big[300];

  buf_init(&b, 40);
  ck_assert_int_eq(buf_puts(&b, "ab"), 0);          /* 64 bytes allocated */
  ck_assert_int_eq(buf_printf(&b, "[%s|%d]", "cd", -5), 0);
  ck_assert_str_eq(b.data, "ab[cd|-5]");
  ck_assert_uint_eq(b.len, 9);
  ck_assert_int_eq(buf_printf(&b, "%040d", 7), AERR_TOOBIG);
  ck_assert_str_eq(b.data, "ab[cd|-5]");
  ck_assert_uint_eq(b.len, 9);
  ck_assert_int_eq(buf_printf(&b, "%031d", 7), 0);  /* up to the cap */
  ck_assert_uint_eq(b.len, 40);
  ck_assert_int_eq(strncmp(b.data, "ab[cd|-5]0000", 13), 0);
  ck_assert_int_eq(b.data[39], '7');
  ck_assert_int_eq(b.data[40], '\0');
  buf_free(&b);

  buf_init(&b, 0);
  memset(big, 'x', sizeof(big) - 1);
  big[sizeof(big) - 1] = '\0';
  ck_assert_int_eq(buf_printf(&b, "%s", big), 0);
  ck_assert_int_eq(buf_printf(&b, "%s.", big), 0);
  ck_assert_uint_eq(b.len, 2 * (sizeof(big) - 1) + 1);
  ck_assert_int_eq(b.data[b.len - 1], '.');
  ck_assert_uint_eq(strlen(b.data), b.len);
  buf_free(&b);
}
END_TEST

START_TEST(buf_json_escapes)
{
  struct buf b = BUF_INIT;

  ck_assert_int_eq(buf_json_str(&b, "a\"b\\c\n\x01"), 0);
  ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\n\\u0001\"");
  buf_free(&b);
}
END_TEST

/* Escapes at the start, between and at the end of plain runs, a string
 * with none and one with nothing else; UTF-8 and '/' go as they are. */
START_TEST(buf_json_runs)
{
  static const struct {
    const char *in, *out;
  } cases[] = {
    {"", "\"\""},
    {"halo / dunia \xc3\xa9", "\"halo / dunia \xc3\xa9\""},
    {"\"kutip\" di\ttengah\\", "\"\\\"kutip\\\" di\\ttengah\\\\\""},
    {"\r\n\x1f\x7f", "\"\\r\\n\\u001f\\u007f\""},
    {"a\bb\fc", "\"a\\u0008b\\u000cc\""},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    struct buf b = BUF_INIT;
    ck_assert_int_eq(buf_puts(&b, "x"), 0);
    ck_assert_int_eq(buf_json_str(&b, cases[i].in), 0);
    ck_assert_str_eq(b.data + 1, cases[i].out);
    buf_free(&b);
  }
}
END_TEST

START_TEST(buf_steal_empty)
{
  struct buf b = BUF_INIT;
  char *s = buf_steal(&b);

  ck_assert_ptr_nonnull(s);
  ck_assert_str_eq(s, "");
  free(s);
}
END_TEST

START_TEST(err_names)
{
  ck_assert_str_eq(err_name(0), "OK");
  ck_assert_str_eq(err_name(AERR_PARSE), "AERR_PARSE");
  ck_assert_str_eq(err_name(AERR_UNSUPPORTED), "AERR_UNSUPPORTED");
  ck_assert_str_eq(err_name(-ENOMEM), "ENOMEM");
  ck_assert_str_eq(err_str(AERR_SCHEMA),
                   "database schema is newer than this program");
}
END_TEST

START_TEST(log_phone_masks)
{
  char b[LOG_PHONE_LEN];

  ck_assert_str_eq(log_phone("+6281234567890", b), "+62812****7890");
  ck_assert_str_eq(log_phone("+6285137377763", b), "+62851****7763");
  ck_assert_str_eq(log_phone("081234567890", b), "****");
  ck_assert_str_eq(log_phone("+62", b), "****");
  ck_assert_str_eq(log_phone(NULL, b), "-");
}
END_TEST

/* A WhatsApp BSUID is personal data like a number: only its country and
 * last four characters reach a log line. */
START_TEST(log_phone_masks_bsuid)
{
  char b[LOG_PHONE_LEN];

  ck_assert_str_eq(log_phone("ID.4471920083316652", b), "ID.****6652");
  ck_assert_str_eq(log_phone("US.13491208655302741918", b), "US.****1918");
  /* Too short to show four characters and hide the rest: all hidden. */
  ck_assert_str_eq(log_phone("ID.1234567", b), "****");
  /* Not the form (a parent BSUID, stray characters): all hidden. */
  ck_assert_str_eq(log_phone("US.ENT.11815799212886844830", b), "****");
  ck_assert_str_eq(log_phone("ID.4471920083316652 ", b), "****");
}
END_TEST

START_TEST(log_quote_escapes_and_cuts)
{
  char b[LOG_QUOTE_LEN];
  char small[16];

  ck_assert_str_eq(log_quote("plain", b, sizeof(b)), "plain");
  ck_assert_str_eq(log_quote("a b", b, sizeof(b)), "\"a b\"");
  ck_assert_str_eq(log_quote("x=\"y\"\n", b, sizeof(b)),
                   "\"x=\\\"y\\\"\\x0a\"");
  ck_assert_str_eq(log_quote("", b, sizeof(b)), "\"\"");
  log_quote("abcdefghijklmnopqrstuvwxyz", small, sizeof(small));
  ck_assert_uint_lt(strlen(small), sizeof(small));
  ck_assert_ptr_nonnull(strstr(small, "..."));
}
END_TEST

START_TEST(log_text_hidden_unless_allowed)
{
  char b[LOG_QUOTE_LEN];

  log_setup(LOG_DEBUG, 0);
  ck_assert_str_eq(log_text("rahasia", b), "[hidden]");
  log_setup(LOG_DEBUG, 1);
  ck_assert_str_eq(log_text("rahasia", b), "rahasia");
  log_setup(LOG_INFO, 0);
  ck_assert_int_eq(log_level_enabled(LOG_DEBUG), 0);
  ck_assert_int_eq(log_level_parse("warn"), LOG_WARN);
  ck_assert_int_eq(log_level_parse("verbose"), -1);
}
END_TEST

/* The log goes to the file log_open names, appended; opened again under
 * the same name after a rename, it starts a new file; NULL is stderr. */
START_TEST(log_open_appends_and_reopens)
{
  char *dir = tu_tmpdir(), *path = tu_path(dir, "aduand.log");
  char *moved = tu_path(dir, "aduand.log.1"), *text;
  struct stat st;
  mode_t mask = umask(0);

  umask(mask);
  ck_assert_int_eq(tu_write_file(path, "kept\n"), 0);
  log_setup(LOG_INFO, 0);
  ck_assert_int_eq(log_open(path), 0);
  log_info("event=test.one");
  ck_assert_int_eq(rename(path, moved), 0);
  log_info("event=test.two");        /* still the open file, now moved */
  ck_assert_int_eq(log_open(path), 0);
  log_info("event=test.three");
  ck_assert_int_eq(log_open(NULL), 0);
  log_info("event=test.stderr");

  text = tu_read_file(moved, NULL);
  ck_assert_ptr_nonnull(text);
  ck_assert_int_eq(strncmp(text, "kept\n", 5), 0);
  ck_assert_ptr_nonnull(strstr(text, "level=info event=test.one\n"));
  ck_assert_ptr_nonnull(strstr(text, "event=test.two\n"));
  ck_assert_ptr_null(strstr(text, "event=test.three"));
  free(text);
  text = tu_read_file(path, NULL);
  ck_assert_ptr_nonnull(text);
  ck_assert_ptr_nonnull(strstr(text, "event=test.three\n"));
  ck_assert_ptr_null(strstr(text, "event=test.stderr"));
  free(text);
  ck_assert_int_eq(stat(path, &st), 0);
  ck_assert_int_eq(st.st_mode & 0777, 0640 & ~mask);
  /* A file that cannot be opened: an error, and the log stays put. */
  ck_assert_int_lt(log_open("/nonexistent/folder/aduand.log"), 0);
  tu_rmrf(dir);
  free(path);
  free(moved);
  free(dir);
}
END_TEST

static Suite *
buf_suite(void)
{
  Suite *s = suite_create("buf");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, buf_appends_and_caps);
  tcase_add_test(tc, buf_printf_room_and_cap);
  tcase_add_test(tc, buf_json_escapes);
  tcase_add_test(tc, buf_json_runs);
  tcase_add_test(tc, buf_steal_empty);
  tcase_add_test(tc, err_names);
  tcase_add_test(tc, log_phone_masks);
  tcase_add_test(tc, log_phone_masks_bsuid);
  tcase_add_test(tc, log_quote_escapes_and_cuts);
  tcase_add_test(tc, log_text_hidden_unless_allowed);
  tcase_add_test(tc, log_open_appends_and_reopens);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(buf_suite)
