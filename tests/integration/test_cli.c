/*
 * test_cli.c: the command lines of aduand and aduanctl: config checks,
 * help and version, and `aduanctl chat` against a running daemon.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>

#include "base/buf.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

#define EXITED_WITH(st, code) (WIFEXITED(st) && WEXITSTATUS(st) == (code))

/* Remove the fresh folder dir a test wrote its config conf in, and free
 * both paths. */
static void
remove_conf_dir(char *dir, char *conf)
{
  tu_rmrf(dir);
  free(conf);
  free(dir);
}

START_TEST(check_default_config)
{
  const char *argv[] = {ADUAND_BIN, "-t", "-c",
                  ADUAN_SOURCE_DIR "/config/aduand.conf", NULL};
  char *out, *err;
  int st;

  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert_msg(EXITED_WITH(st, 0), "stderr: %s", err);
  ck_assert_str_eq(out, "configuration OK\n");
  free(out);
  free(err);
}
END_TEST

START_TEST(check_names_every_bad_line)
{
  char *dir = tu_tmpdir(), *conf = tu_path(dir, "typo.conf");
  const char *argv[] = {ADUAND_BIN, "-t", "-c", conf, NULL};
  char *out, *err, want[512];
  int st;

  ck_assert_int_eq(tu_write_file(conf,
                                 "[server]\n"
                                 "listen = 127.0.0.1:8080\n"
                                 "listne = 127.0.0.1:8081\n"
                                 "[log]\n"
                                 "level = loud\n"), 0);
  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 1));
  ck_assert_ptr_null(strstr(out, "configuration OK"));
  snprintf(want, sizeof(want), "%s:3:", conf);
  ck_assert_msg(strstr(err, want) != NULL, "stderr: %s", err);
  snprintf(want, sizeof(want), "%s:5:", conf);
  ck_assert_msg(strstr(err, want) != NULL, "stderr: %s", err);
  free(out);
  free(err);
  remove_conf_dir(dir, conf);
}
END_TEST

/* aduand -t on conf_text, with the file name next to it holding text:
 * it must fail; its stderr (allocated). */
static char *
check_fails(const char *conf_text, const char *name, const char *text)
{
  char *dir = tu_tmpdir(), *conf = tu_path(dir, "a.conf");
  char *file = tu_path(dir, name);
  const char *argv[] = {ADUAND_BIN, "-t", "-c", conf, NULL};
  char *out, *err;
  int st;

  ck_assert_int_eq(tu_write_file(conf, conf_text), 0);
  ck_assert_int_eq(tu_write_file(file, text), 0);
  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 1));
  free(out);
  tu_rmrf(dir);
  free(conf);
  free(file);
  free(dir);
  return err;
}

/* A config without a channel has nothing to serve: -t and a start both
 * refuse it and say what to add (a packaged unit waits on that). */
START_TEST(check_refuses_no_channel)
{
  char *err = check_fails("[server]\nlisten = 127.0.0.1:0\n", "x.txt", "");
  char *dir = tu_tmpdir(), *conf = tu_path(dir, "a.conf");
  const char *argv[] = {ADUAND_BIN, "-c", conf, NULL};
  char *out, *err2;
  int st;

  ck_assert_msg(strstr(err, "no channel configured: add a [channel.NAME]")
                != NULL, "stderr: %s", err);
  free(err);
  ck_assert_int_eq(tu_write_file(conf, "[server]\nlisten = 127.0.0.1:0\n"),
                   0);
  ck_assert_int_eq(tu_run(argv, NULL, &out, &err2, &st), 0);
  ck_assert(EXITED_WITH(st, 1));
  ck_assert_ptr_nonnull(strstr(err2, "no channel configured"));
  free(out);
  free(err2);
  remove_conf_dir(dir, conf);
}
END_TEST

START_TEST(check_reports_a_broken_catalogue)
{
  char *err = check_fails("[conversation]\ncatalog = m.conf\n"
                          "[channel.dev]\ntype = dev\n", "m.conf",
                          "menu = Halo {siapa}\n");

  ck_assert_msg(strstr(err, "m.conf:1:") != NULL, "stderr: %s", err);
  free(err);
}
END_TEST

/* The holidays file is checked with the config, every bad line named. */
START_TEST(check_reports_a_broken_holidays_file)
{
  char *err = check_fails("[ticket]\nholidays = h.txt\n"
                          "[channel.dev]\ntype = dev\n", "h.txt",
                          "# libur\n2026-02-30\n2026-12-25\nbesok\n");

  ck_assert_msg(strstr(err, "h.txt:2: no such date: 2026-02-30") != NULL,
                "stderr: %s", err);
  ck_assert_msg(strstr(err, "h.txt:4: expected a date") != NULL,
                "stderr: %s", err);
  ck_assert_ptr_null(strstr(err, "h.txt:3:"));
  free(err);
}
END_TEST

START_TEST(help_and_version)
{
  const char *h[] = {ADUAND_BIN, "-h", NULL};
  const char *v[] = {ADUAND_BIN, "-V", NULL};
  const char *bad[] = {ADUAND_BIN, "-x", NULL};
  const char *ch[] = {ADUANCTL_BIN, "-h", NULL};
  const char *cbad[] = {ADUANCTL_BIN, "frobnicate", NULL};
  char *out, *err;
  int st;

  ck_assert_int_eq(tu_run(h, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 0));
  ck_assert_ptr_nonnull(strstr(out, "usage: aduand"));
  ck_assert_ptr_nonnull(strstr(out, "-t"));
  free(out);
  free(err);
  ck_assert_int_eq(tu_run(v, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 0));
  ck_assert_int_eq(strncmp(out, "aduand ", 7), 0);
  free(out);
  free(err);
  ck_assert_int_eq(tu_run(bad, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 2));
  free(out);
  free(err);
  ck_assert_int_eq(tu_run(ch, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 0));
  ck_assert_ptr_nonnull(strstr(out, "chat NUMBER"));
  free(out);
  free(err);
  ck_assert_int_eq(tu_run(cbad, NULL, &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 2));
  free(out);
  free(err);
}
END_TEST

START_TEST(chat_talks_to_the_daemon)
{
  struct tu_daemon d;
  char url[128];
  const char *argv[] = {ADUANCTL_BIN, "chat", "081234567890", "--url", url, NULL};
  char *out, *err;
  int st;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  snprintf(url, sizeof(url), "http://127.0.0.1:%d/webhook/dev", d.port);
  ck_assert_int_eq(tu_run(argv, "Halo\n1\n", &out, &err, &st), 0);
  ck_assert_msg(EXITED_WITH(st, 0), "stderr: %s", err);
  ck_assert_ptr_nonnull(strstr(out, tu_text("menu")));
  ck_assert_ptr_nonnull(strstr(out, tu_text("ask.kategori")));
  free(out);
  free(err);
  /* A daemon that is not there: a clear error and exit 1. */
  snprintf(url, sizeof(url), "http://127.0.0.1:1/webhook/dev");
  ck_assert_int_eq(tu_run(argv, "Halo\n", &out, &err, &st), 0);
  ck_assert(EXITED_WITH(st, 1));
  ck_assert_ptr_nonnull(strstr(err, "aduanctl:"));
  free(out);
  free(err);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(sighup_with_bad_config_keeps_serving)
{
  struct tu_daemon d;
  struct tu_replies r;
  size_t mark;
  char *text;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  text = tu_read_file(d.conf, NULL);
  ck_assert_ptr_nonnull(text);
  ck_assert_int_eq(tu_write_file(d.conf, "[server]\nbogus = 1\n"), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=config.reload_refused",
                                      10000), 0);
  ck_assert(tu_daemon_log_has(&d, "aduand.conf:2:"));
  ck_assert_int_eq(tu_say(&d, "081234567890", "Halo", NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert(tu_is(&r, 0, "menu"));
  tu_replies_free(&r);
  /* A good file is taken. */
  ck_assert_int_eq(tu_write_file(d.conf, text), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=config.reloaded",
                                      10000), 0);
  free(text);
  tu_daemon_cleanup(&d);
}
END_TEST

/* The shipped catalogue and word lists, for a config in another folder. */
#define SHIPPED_LISTS \
  "[conversation]\n" \
  "catalog = " ADUAN_SOURCE_DIR "/config/messages.id.conf\n" \
  "lexicon = " ADUAN_SOURCE_DIR "/config/lexicon.txt\n" \
  "allowlist = " ADUAN_SOURCE_DIR "/config/allowlist.txt\n" \
  "stopwords = " ADUAN_SOURCE_DIR "/config/stopwords.id.txt\n" \
  "places = " ADUAN_SOURCE_DIR "/config/wilayah.txt\n" \
  "[ticket]\n" \
  "holidays = " ADUAN_SOURCE_DIR "/config/holidays.txt\n"

/* aduand -c conf on conf_text (written to conf with mode), with -t when
 * check: it must exit with code.  Returns its stderr and, when out_stdout
 * is not NULL, sets it to its stdout (both allocated). */
static char *
run_conf_at(const char *conf, const char *conf_text, mode_t mode, int check,
            int code, char **out_stdout)
{
  const char *argv[] = {ADUAND_BIN, "-c", conf, check ? "-t" : NULL, NULL};
  char *out, *err;
  int st;

  ck_assert_int_eq(tu_write_file(conf, conf_text), 0);
  ck_assert_int_eq(chmod(conf, mode), 0);
  ck_assert_int_eq(tu_run(argv, NULL, &out, &err, &st), 0);
  ck_assert_msg(EXITED_WITH(st, code), "stdout: %s\nstderr: %s", out, err);
  if (out_stdout != NULL)
    *out_stdout = out;
  else
    free(out);
  return err;
}

/* run_conf_at() on a.conf in a fresh folder, mode 0600. */
static char *
run_conf(const char *conf_text, int check, int code, char **out_stdout)
{
  char *dir = tu_tmpdir(), *conf = tu_path(dir, "a.conf");
  char *err = run_conf_at(conf, conf_text, 0600, check, code, out_stdout);

  remove_conf_dir(dir, conf);
  return err;
}

/* A dev channel without a token on an address others can reach: -t
 * names file and line and exits 1, start-up refuses before it listens. */
START_TEST(open_dev_channel_is_refused)
{
  static const char conf[] =
    "[server]\n"
    "listen = 0.0.0.0:8080\n"
    "[storage]\n"
    "path = a.db\n"
    "[channel.dev]\n"
    "type = dev\n"
    SHIPPED_LISTS;
  /* An address this machine does not have: were the config taken, the
   * start would fail on the bind instead, and never listen anywhere. */
  static const char conf_start[] =
    "[server]\n"
    "listen = 192.0.2.1:0\n"
    "[storage]\n"
    "path = a.db\n"
    "[channel.dev]\n"
    "type = dev\n"
    SHIPPED_LISTS;
  char *err, *out;

  err = run_conf(conf, 1, 1, &out);
  ck_assert_msg(strstr(err, "/a.conf:5: [channel.dev]: a dev channel "
                            "without a token") != NULL, "stderr: %s", err);
  ck_assert_ptr_null(strstr(out, "configuration OK"));
  free(out);
  free(err);
  err = run_conf(conf_start, 0, 1, NULL);
  ck_assert_msg(strstr(err, "/a.conf:5: [channel.dev]: a dev channel "
                            "without a token") != NULL, "stderr: %s", err);
  free(err);
}
END_TEST

/* A literal secret in a config others can read: -t warns (file, line,
 * key; never the value) and still passes. */
START_TEST(check_warns_of_readable_literal_secret)
{
  char *dir = tu_tmpdir(), *conf = tu_path(dir, "a.conf");
  char *out, *err, want[512];

  err = run_conf_at(conf,
                    "[channel.dev]\n"
                    "type = dev\n"
                    "token = sangat-rahasia\n"
                    SHIPPED_LISTS, 0644, 1, 0, &out);
  ck_assert_str_eq(out, "configuration OK\n");
  snprintf(want, sizeof(want), "%s:3: warning: token: ", conf);
  ck_assert_msg(strstr(err, want) != NULL, "stderr: %s", err);
  ck_assert_ptr_null(strstr(err, "sangat-rahasia"));
  free(out);
  free(err);
  remove_conf_dir(dir, conf);
}
END_TEST

/* SIGHUP with a config that opens the dev channel to everyone: refused,
 * the old config kept, the daemon serving. */
START_TEST(sighup_opening_dev_channel_is_refused)
{
  struct tu_daemon d;
  struct tu_replies r;
  struct buf text = BUF_INIT;
  const char *at;
  char *old;
  size_t mark;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  old = tu_read_file(d.conf, NULL);
  ck_assert_ptr_nonnull(old);
  /* The same file with [server] listen on every address. */
  at = strstr(old, "listen = 127.0.0.1:");
  ck_assert_ptr_nonnull(at);
  ck_assert_int_eq(buf_printf(&text, "%.*slisten = 0.0.0.0:%s",
                              (int)(at - old), old,
                              at + strlen("listen = 127.0.0.1:")), 0);
  ck_assert_int_eq(tu_write_file(d.conf, text.data), 0);
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGHUP), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=config.reload",
                                      10000), 0);
  ck_assert(tu_daemon_log_has(&d, "event=config.reload_refused"));
  ck_assert(tu_daemon_log_has(&d, "a dev channel without a token"));
  ck_assert_int_eq(tu_say(&d, "081234567890", "Halo", NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  tu_replies_free(&r);
  ck_assert_int_eq(tu_write_file(d.conf, old), 0);
  buf_free(&text);
  free(old);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
cli_suite(void)
{
  Suite *s = suite_create("cli");
  TCase *tc = tcase_create("cli");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, check_default_config);
  tcase_add_test(tc, check_names_every_bad_line);
  tcase_add_test(tc, check_refuses_no_channel);
  tcase_add_test(tc, check_reports_a_broken_catalogue);
  tcase_add_test(tc, check_reports_a_broken_holidays_file);
  tcase_add_test(tc, help_and_version);
  tcase_add_test(tc, chat_talks_to_the_daemon);
  tcase_add_test(tc, sighup_with_bad_config_keeps_serving);
  tcase_add_test(tc, open_dev_channel_is_refused);
  tcase_add_test(tc, check_warns_of_readable_literal_secret);
  tcase_add_test(tc, sighup_opening_dev_channel_is_refused);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(cli_suite)
