/*
 * test_outage.c: the PostgreSQL server goes away and comes back.
 *
 * The daemon runs on a cluster of this test's own (so that stopping it
 * touches no other test): a reporter starts a report, the server stops
 * as a crash would, the next webhooks are answered 503 (the provider
 * keeps them and sends them again) and /healthz says the daemon cannot
 * serve; once the server is back the same messages are taken, the
 * report is filed, and everything answered 200 before the outage is
 * still there.  Nothing was acknowledged that was not kept.
 *
 * Runs only on PostgreSQL (ctest's pg/test_outage); the SQLite copy
 * skips.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_pg.h"

static char *top;        /* this test's folder */
static char *state;      /* its cluster's state folder */

/* Run pg_cluster.sh verb on this test's cluster, with more arguments
 * (may be ""): its exit status. */
static int
cluster(const char *verb, const char *more)
{
  char cmd[1024];

  snprintf(cmd, sizeof(cmd), "sh '%s/tests/support/pg_cluster.sh' %s '%s' "
           "%s >/dev/null", ADUAN_SOURCE_DIR, verb, state, more);
  return system(cmd);
}

static void
setup(void)
{
  top = tu_tmpdir();
  ck_assert_ptr_nonnull(top);
  state = tu_path(top, "pg");
  /* The test clusters commit without waiting for their WAL (speed); a
   * server stopped as a crash would then loses the last commits, which
   * is what this test must not see: this one is durable, as a production
   * server is. */
  ck_assert_int_eq(cluster("start", "--durable"), 0);
  /* tu_pg.h and tu_daemon make their databases in this cluster. */
  setenv("ADUAN_PG_STATE", state, 1);
}

static void
teardown(void)
{
  cluster("stop", "");
  tu_rmrf(top);
  free(state);
  free(top);
}

/* Say text with message id until the daemon answers 200 (bounded: the
 * daemon retries the server after a backoff of at most 5 s).  The
 * statuses seen before, in order, go to seen (room for 64). */
static void
say_until_taken(struct tu_daemon *d, const char *from, const char *text,
                const char *id)
{
  int64_t deadline = tu_now_ms() + tu_scaled_ms(30000);
  struct tu_replies r;

  for (;;) {
    ck_assert_int_eq(tu_say(d, from, text, id, &r), 0);
    if (r.status == 200)
      break;
    ck_assert_int_eq(r.status, 503);
    tu_replies_free(&r);
    ck_assert_msg(tu_now_ms() < deadline, "'%s' never taken", text);
    usleep(100 * 1000);   /* the daemon's reconnect is timed, not an event */
  }
  tu_replies_free(&r);
}

START_TEST(server_goes_away_and_comes_back)
{
  static const char *const before[] = { "Halo", "1", "pungli" };
  static const char *const after[] = {
    "Kepala Seksi Perizinan Dinas", "Kota Kupang", "kemarin",
    "Saya diminta membayar uang pelicin lima ratus ribu rupiah oleh "
    "petugas loket perizinan agar izin usaha saya cepat keluar.",
    "LANJUT", "LEWATI", "3", "KIRIM",
  };
  const char *from = "+6281298765432";
  struct tu_daemon d;
  struct tu_replies r;
  struct tu_resp h;
  char id[32];
  size_t i, mark;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i < 3; i++) {
    snprintf(id, sizeof(id), "out-%zu", i);
    ck_assert_int_eq(tu_say(&d, from, before[i], id, &r), 0);
    ck_assert_int_eq(r.status, 200);
    tu_replies_free(&r);
  }

  /* The server dies: webhooks are refused with 503, none taken. */
  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(cluster("pause", ""), 0);
  snprintf(id, sizeof(id), "out-%d", 3);
  ck_assert_int_eq(tu_say(&d, from, after[0], id, &r), 0);
  ck_assert_int_eq(r.status, 503);
  tu_replies_free(&r);
  ck_assert_int_eq(tu_say(&d, from, after[0], id, &r), 0);
  ck_assert_int_eq(r.status, 503);
  tu_replies_free(&r);
  ck_assert_int_eq(tu_http(d.port, "GET", "/healthz", NULL, NULL, &h), 0);
  ck_assert_int_eq(h.status, 503);
  tu_resp_free(&h);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=store.", 5000), 0);

  /* It comes back: the same message is taken, the report goes on. */
  ck_assert_int_eq(cluster("resume", ""), 0);
  for (i = 0; i < sizeof(after) / sizeof(after[0]); i++) {
    snprintf(id, sizeof(id), "out-%zu", i + 3);
    say_until_taken(&d, from, after[i], id);
  }
  ck_assert_int_eq(tu_daemon_log_has(&d, "event=ticket.created"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound"),
                   3 + (long long)(sizeof(after) / sizeof(after[0])));
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets WHERE "
                                 "category = 'pemerasan' AND kronologi LIKE "
                                 "'%uang pelicin%'"), 1);
  ck_assert_int_eq(tu_http(d.port, "GET", "/healthz", NULL, NULL, &h), 0);
  ck_assert_int_eq(h.status, 200);
  tu_resp_free(&h);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
outage_suite(void)
{
  Suite *s = suite_create("outage");
  TCase *tc = tcase_create("postgres");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, server_goes_away_and_comes_back);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  if (!tu_store_pg()) {
    printf("test_outage: the PostgreSQL server's outage needs PostgreSQL "
           "(ADUAN_TEST_STORE=postgres): skipped\n");
    return 77;
  }
  return tu_run_suite(outage_suite());
}
