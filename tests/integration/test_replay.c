/*
 * test_replay.c: the citizen conversations of tests/conversations/
 * (see its README) replayed through the real daemon, on the dev channel
 * and on an SMS channel (kannel, its gateway the fake provider), each in
 * a daemon of its own so that one run's tickets are no duplicates for the
 * other's.
 *
 * Every conversation must end filed, each "= key" line must match one of
 * the replies to the line before, no SMS reply may take more than two
 * segments, and the shortest complete report must cost at most
 * MAX_SHORTEST SMS segments.  A table of exchanges and segments per
 * conversation is printed.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/sms.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

#define CONV_DIR ADUAN_SOURCE_DIR "/tests/conversations"
#define KS_SECRET "kannel-secret-replay"
#define MAX_CONVS 64
#define MAX_SHORTEST 12
#define MAX_REPLY_SEGMENTS 2

/* What one replay cost. */
struct cost {
  int exchanges;        /* messages the reporter sent */
  int replies;          /* messages the bot sent */
  int segments;         /* SMS segments of those (SMS run) */
  int max_reply;        /* the costliest single reply, in segments */
};

/* The conversation files, sorted (allocated names). */
static int
conv_files(char *names[MAX_CONVS])
{
  DIR *dir = opendir(CONV_DIR);
  struct dirent *e;
  int n = 0, i, j;

  ck_assert_ptr_nonnull(dir);
  while ((e = readdir(dir)) != NULL) {
    size_t len = strlen(e->d_name);
    if (len > 4 && strcmp(e->d_name + len - 4, ".txt") == 0) {
      ck_assert_int_lt(n, MAX_CONVS);
      names[n++] = strdup(e->d_name);
    }
  }
  closedir(dir);
  for (i = 1; i < n; i++)
    for (j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char *tmp = names[j];
      names[j] = names[j - 1];
      names[j - 1] = tmp;
    }
  return n;
}

/* 1 when one of r's replies is key's text (its .sms form when sms). */
static int
has_key(const struct tu_replies *r, const char *key, int sms)
{
  int i;

  for (i = 0; i < r->n; i++)
    if (sms ? tu_is_sms(r, i, key) : tu_is(r, i, key))
      return 1;
  return 0;
}

/* Replay the file name as reporter from, on the dev channel (sms 0) or
 * the kannel channel "ks" (sms 1), into *c. */
static void
replay(struct tu_daemon *d, const char *name, const char *from, int sms,
       struct cost *c)
{
  char path[512], line[2048];
  struct tu_replies r = {0};
  struct sms_info info;
  FILE *f;
  size_t len;
  int i, lineno = 0, filed = 0;

  memset(c, 0, sizeof(*c));
  snprintf(path, sizeof(path), "%s/%s", CONV_DIR, name);
  f = fopen(path, "r");
  ck_assert_ptr_nonnull(f);
  while (fgets(line, sizeof(line), f) != NULL) {
    lineno++;
    len = strlen(line);
    while (len > 0 && (line[len - 1] == '\n' || line[len - 1] == '\r'))
      line[--len] = '\0';
    if (strncmp(line, "> ", 2) == 0) {
      tu_replies_free(&r);
      if (sms)
        ck_assert_int_eq(tu_ks_say(d, "ks", KS_SECRET, from, line + 2, &r), 0);
      else
        ck_assert_int_eq(tu_say(d, from, line + 2, NULL, &r), 0);
      ck_assert_int_eq(r.status, 200);
      c->exchanges++;
      c->replies += r.n;
      for (i = 0; sms && i < r.n; i++) {
        sms_measure(r.v[i], &info);
        c->segments += info.segments;
        if (info.segments > c->max_reply)
          c->max_reply = info.segments;
        ck_assert_msg(info.gsm7, "%s:%d: reply not GSM-7: %s", name, lineno,
                      r.v[i]);
      }
      filed = filed || has_key(&r, "ticket.created", sms);
    } else if (strncmp(line, "= ", 2) == 0) {
      ck_assert_msg(has_key(&r, line + 2, sms), "%s:%d (%s): expected %s, "
                    "got '%s'", name, lineno, sms ? "sms" : "dev", line + 2,
                    r.n > 0 ? r.v[r.n - 1] : "(no reply)");
    }
  }
  fclose(f);
  tu_replies_free(&r);
  ck_assert_msg(filed, "%s (%s): not filed", name, sms ? "sms" : "dev");
}

/* A daemon with the dev channel and a kannel channel on fp. */
static void
start(struct tu_daemon *d, struct fakeprov **fp)
{
  struct buf conf = BUF_INIT;

  ck_assert_int_eq(fakeprov_start(fp), 0);
  fakeprov_default(*fp, 202, "0: Accepted for delivery");
  buf_printf(&conf,
             "[outbox]\nbackoff_base = 100ms\nbackoff_max = 400ms\n"
             "timeout = 2s\n"
             "[channel.ks]\ntype = kannel\nsecret = " KS_SECRET "\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = pw\nfrom = 1708\n",
             fakeprov_port(*fp));
  ck_assert_int_eq(tu_daemon_start(d, conf.data), 0);
  buf_free(&conf);
}

START_TEST(conversations_are_filed_cheaply)
{
  char *names[MAX_CONVS], from[24];
  struct cost dev[MAX_CONVS], sms[MAX_CONVS];
  struct tu_daemon d;
  struct fakeprov *fp;
  int n, i, run, shortest = -1;

  n = conv_files(names);
  ck_assert_int_ge(n, 20);
  for (run = 0; run < 2; run++) {
    start(&d, &fp);
    for (i = 0; i < n; i++) {
      snprintf(from, sizeof(from), "+62813%02d%06d", 40 + run, i + 1);
      replay(&d, names[i], from, run, run ? &sms[i] : &dev[i]);
    }
    ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), n);
    tu_daemon_cleanup(&d);
    fakeprov_stop(fp);
  }
  printf("%-32s %9s %9s %9s %9s %9s\n", "conversation", "dev msgs",
         "sms msgs", "sms repl", "sms segs", "max/repl");
  for (i = 0; i < n; i++) {
    printf("%-32s %9d %9d %9d %9d %9d\n", names[i], dev[i].exchanges,
           sms[i].exchanges, sms[i].replies, sms[i].segments,
           sms[i].max_reply);
    ck_assert_msg(sms[i].max_reply <= MAX_REPLY_SEGMENTS, "%s: a reply of "
                  "%d segments", names[i], sms[i].max_reply);
    if (shortest < 0 || sms[i].exchanges < sms[shortest].exchanges ||
        (sms[i].exchanges == sms[shortest].exchanges &&
         sms[i].segments < sms[shortest].segments))
      shortest = i;
  }
  printf("shortest complete report: %s, %d messages, %d SMS segments\n",
         names[shortest], sms[shortest].exchanges, sms[shortest].segments);
  fflush(stdout);
  ck_assert_int_le(sms[shortest].segments, MAX_SHORTEST);
  for (i = 0; i < n; i++)
    free(names[i]);
}
END_TEST

static Suite *
replay_suite(void)
{
  Suite *s = suite_create("replay");
  TCase *tc = tcase_create("replay");

  tcase_set_timeout(tc, 300);
  tcase_add_test(tc, conversations_are_filed_cheaply);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(replay_suite)
