/*
 * test_ctl_client.c: aduanctl's printers for people.  What reporters
 * wrote reaches the operator's terminal through them, so no control
 * character may pass raw and no reporter's line may pass for a field or a
 * ticket line of aduanctl's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ops/ctl_client.h"
#include "testutil.h"

/* Run a printer on json; its output (allocated). */
static char *
print_with(int (*print)(const char *, FILE *), const char *json)
{
  char *text = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&text, &len);

  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(print(json, f), 0);
  ck_assert_int_eq(fclose(f), 0);
  return text;
}

/* No C0 control but newline, no DEL, no C1 control (UTF-8 C2 80..9F). */
static void
assert_no_controls(const char *out)
{
  const unsigned char *p;

  for (p = (const unsigned char *)out; *p != '\0'; p++) {
    ck_assert_msg(*p == '\n' || (*p >= 0x20 && *p != 0x7f),
                  "control 0x%02x at offset %td in:\n%s", *p,
                  (const char *)p - out, out);
    ck_assert_msg(!(p[0] == 0xc2 && p[1] >= 0x80 && p[1] <= 0x9f),
                  "C1 control at offset %td", (const char *)p - out);
  }
}

/* How many lines of out start with prefix. */
static int
lines_starting(const char *out, const char *prefix)
{
  const char *p = out;
  int n = 0;

  while (p != NULL && *p != '\0') {
    if (strncmp(p, prefix, strlen(prefix)) == 0)
      n++;
    p = strchr(p, '\n');
    if (p != NULL)
      p++;
  }
  return n;
}

/* A title escape, a screen clear (C1 CSI), a bell, a carriage return and
 * a line made to look like one of show's fields. */
#define HOSTILE "a\\u001b]0;pwned\\u0007b \\u009b2J c\\rd\\nnumber       " \
  "NTT-2026-99999\\nstatus       selesai"

START_TEST(show_escapes_controls)
{
  const char *json =
    "{\"number\":\"NTT-2026-00001\",\"status\":\"diterima\","
    "\"kronologi\":\"" HOSTILE "\",\"terlapor\":\"x\\u001b[2Jy\","
    "\"events\":[{\"at\":\"2026-01-01 10:00\",\"from\":\"diterima\","
    "\"to\":\"diverifikasi\",\"actor\":\"ops\",\"note\":\"" HOSTILE "\"}],"
    "\"evidence\":[],"
    "\"questions\":[{\"asked\":\"2026-01-01 11:00\",\"actor\":\"ops\","
    "\"question\":\"kapan?\",\"answered\":\"2026-01-01 12:00\","
    "\"answer\":\"" HOSTILE "\"}]}";
  char *out = print_with(ctl_print_ticket, json);

  assert_no_controls(out);
  tu_assert_has_all(out, "\\x1b]0;pwned\\x07b", "\\u009b2J", "c\\x0dd", NULL);
  /* The reporter's lines stay readable, indented under their field. */
  ck_assert_int_eq(lines_starting(out, "number"), 1);
  ck_assert_int_eq(lines_starting(out, "status"), 1);
  ck_assert_int_eq(lines_starting(out, "  2026-01-01"), 3);
  free(out);
}
END_TEST

START_TEST(tickets_escape_controls_and_newlines)
{
  const char *json =
    "{\"tickets\":[{\"number\":\"NTT-2026-00001\",\"status\":\"diterima\","
    "\"category\":\"a\\nNTT-2026-99999 selesai\",\"lokasi\":\"\\u001b[31m\","
    "\"created\":\"2026-01-01 10:00\",\"reporter\":\"R-\\u009b1\"}]}";
  char *out = print_with(ctl_print_tickets, json);

  assert_no_controls(out);
  ck_assert_int_eq(lines_starting(out, "NTT-"), 1);
  tu_assert_has_all(out, "a\\nNTT-2026-99999", "\\x1b[31m", "R-\\u009b1",
                    NULL);
  free(out);
}
END_TEST

/* Unicode direction controls (an override, an isolate, the marks) can
 * reorder what the operator reads ("Trojan Source"); line and paragraph
 * separators can break a line: each is written as \uNNNN. */
START_TEST(direction_controls_are_escaped)
{
  const char *json =
    "{\"tickets\":[{\"number\":\"NTT-2026-00001\",\"status\":\"diterima\","
    "\"category\":\"a\\u202eb\\u2066c\",\"lokasi\":\"x\\u2028y\\u2029z\","
    "\"created\":\"2026-01-01 10:00\","
    "\"reporter\":\"R\\u2069d\\u200fe\\u061cf\"}]}";
  static const char *const raw[] = {
    "\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x81\xa9", "\xe2\x80\x8f",
    "\xd8\x9c", "\xe2\x80\xa8", "\xe2\x80\xa9",
  };
  char *out = print_with(ctl_print_tickets, json);
  size_t i;

  for (i = 0; i < sizeof(raw) / sizeof(raw[0]); i++)
    ck_assert_msg(strstr(out, raw[i]) == NULL, "control %zu kept raw:\n%s",
                  i, out);
  tu_assert_has_all(out, "a\\u202eb\\u2066c", "x\\u2028y\\u2029z",
                    "R\\u2069d\\u200fe\\u061cf", NULL);
  free(out);
}
END_TEST

/* A refusal's reason is escaped too; without JSON the answer itself. */
START_TEST(errors_are_escaped)
{
  char *out = print_with(ctl_print_error,
                         "{\"error\":\"no ticket a\\u001b[2Jb\\u202ec\"}");

  assert_no_controls(out);
  ck_assert_str_eq(out, "aduanctl: no ticket a\\x1b[2Jb\\u202ec\n");
  free(out);
  out = print_with(ctl_print_error, "Bad Gateway\r");
  ck_assert_str_eq(out, "aduanctl: Bad Gateway\\x0d\n");
  free(out);
  out = print_with(ctl_print_error, "");
  ck_assert_str_eq(out, "aduanctl: failed\n");
  free(out);
}
END_TEST

static Suite *
ctl_client_suite(void)
{
  Suite *s = suite_create("ctl_client");
  TCase *tc = tcase_create("print");

  tcase_add_test(tc, show_escapes_controls);
  tcase_add_test(tc, tickets_escape_controls_and_newlines);
  tcase_add_test(tc, direction_controls_are_escaped);
  tcase_add_test(tc, errors_are_escaped);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(ctl_client_suite)
