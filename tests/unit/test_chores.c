/*
 * test_chores.c: the daemon's chores on their own, on the service's parts
 * (tu_svc.h) with the clock standing still: the retention purge
 * (retention.h), asked for through an httpd on the test loop as the admin
 * socket asks for it, the service-level check (sla.h) on its timer, and
 * the chore both run on (chore.h) with steps of the test's own.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/commit.h"
#include "conf/config.h"
#include "engine/conv.h"
#include "io/httpd.h"
#include "base/err.h"
#include "service/chore.h"
#include "service/retention.h"
#include "service/sla.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_svc.h"

#define T0 1773540000000LL           /* Sunday 15-03-2026 10.00 WITA */
#define DAY (86400 * 1000LL)

static struct tu_svc t;

static int64_t
reporter(void)
{
  return tu_svc_reporter(&t, "+6281234567890", T0);
}

/* ---- Retention ------------------------------------------------------- */

static struct retention *purge;
static struct httpd *h;

static void
on_purge_request(struct httpd_request *req, void *arg)
{
  retention_run_now(arg, req);
}

static void
retention_setup(void)
{
  struct httpd_opts o;

  tu_svc_open(&t, T0);
  ck_assert_int_eq(retention_new(&purge, &t.ctx), 0);
  httpd_opts_default(&o);
  ck_assert_int_eq(httpd_new(&h, &t.loop, &o, on_purge_request, purge), 0);
  ck_assert_int_eq(httpd_listen(h, "127.0.0.1", 0), 0);
  commit_start(t.commit);
}

static void
retention_teardown(void)
{
  httpd_close(h, NULL, NULL);
  retention_close(purge, NULL, NULL);
  tu_svc_close(&t);
}

/* An inbound message with a payload, received at. */
static void
add_inbound(const char *id, int64_t at)
{
  struct store_inbound in = {0};
  int64_t row = 0;

  in.channel = "dev";
  in.provider_id = id;
  in.reporter_id = reporter();
  in.kind = "text";
  in.body = "halo";
  in.payload = "{\"text\":\"halo\"}";
  in.payload_len = strlen(in.payload);
  in.received_at = at;
  ck_assert_int_eq(store_inbound_add(t.st, &in, &row), 0);
}

/* Payloads older than payload_retention go; a run reports what went. */
START_TEST(purge_on_a_fixed_clock)
{
  static const char *const want[] = {
    "{\"payloads\":1,\"reporters\":0}",
    "{\"payloads\":0,\"reporters\":0}",   /* nothing is left to remove */
  };
  size_t i;

  t.cfg->storage.payload_retention_ms = 30 * DAY;
  t.cfg->storage.personal_retention_ms = 0;
  ck_assert_int_eq(store_batch_begin(t.st), 0);
  add_inbound("old", T0 - 31 * DAY);
  add_inbound("new", T0 - 29 * DAY);
  ck_assert_int_eq(commit_now(t.commit), 0);
  for (i = 0; i < sizeof(want) / sizeof(want[0]); i++) {
    struct tu_resp r;
    ck_assert_int_eq(tu_svc_http(&t, httpd_port(h), "POST", "/purge", NULL,
                                 &r), 0);
    ck_assert_int_eq(r.status, 200);
    ck_assert_str_eq(r.body, want[i]);
    tu_resp_free(&r);
  }
}
END_TEST

/* ---- Service-level check --------------------------------------------- */

static struct conv *cv;
static struct sla *timers;

static void
sla_setup(void)
{
  tu_svc_open(&t, T0);
  tu_conv_new(&cv, t.cfg);
  ck_assert_int_eq(sla_new(&timers, &t.ctx, cv), 0);
  commit_start(t.commit);
}

static void
sla_teardown(void)
{
  sla_close(timers, NULL, NULL);
  tu_svc_close(&t);
  conv_free(cv);
}

/* A ticket filed at, still diterima. */
static void
file_ticket(int64_t at)
{
  struct store_ticket_new tn = {0};
  int64_t id = 0;
  char number[32];

  tn.reporter_id = reporter();
  tn.channel = "dev";
  tn.category = "pungli";
  tn.kronologi = "Diminta membayar di kantor kecamatan.";
  tn.created_at = at;
  ck_assert_int_eq(store_ticket_create(t.st, &tn, "NTT", "test", &id,
                                       number), 0);
}

/* Tickets the check has not logged as overdue. */
static int
unlogged(void)
{
  struct store_sla_row *rows = NULL;
  int n = 0;

  ck_assert_int_eq(store_sla_pending(t.st, 0, 100, &rows, &n), 0);
  store_sla_rows_free(rows, n);
  return n;
}

static int
one_unlogged(void *arg)
{
  (void)arg;
  return unlogged() == 1;
}

/* verify_within = 3 working days: a ticket filed ten days ago is
 * overdue, one filed now is not; only the first is logged. */
START_TEST(overdue_on_a_fixed_clock)
{
  t.cfg->ticket.verify_within = 3;
  t.cfg->ticket.overdue_check_every_ms = 1;
  ck_assert_int_eq(store_batch_begin(t.st), 0);
  file_ticket(T0 - 10 * DAY);
  file_ticket(T0);
  ck_assert_int_eq(commit_now(t.commit), 0);
  ck_assert_int_eq(unlogged(), 2);
  sla_start(timers);
  ck_assert_msg(tu_svc_run_until(&t, one_unlogged, NULL, 2000) == 0,
                "%d tickets left unlogged", unlogged());
}
END_TEST

/* ---- The chore itself ----------------------------------------------- */

/* A chore of three steps; each writes an inbound row "step-N" and the
 * step numbered fail_at (if any) then fails. */
struct fake {
  uint64_t every;
  int work;           /* begin()'s answer */
  int fail_at;
  int steps;          /* steps run in the current run */
  int afters;
  int after_rc;       /* the rc the last after() saw */
  int runs;           /* runs ended */
  int end_rc;
  int closed;
  int turn_at[4];     /* the loop's turn each step ran in (turns, below) */
  uv_loop_t *stop;    /* end() stops it, when set */
};

static struct fake fk;
static struct chore *ch;
static uv_prepare_t turn_prep;
static int turns;     /* prepare phases run, the group commit's among them */

static void
on_turn(uv_prepare_t *p)
{
  (void)p;
  turns++;
}

static uint64_t
fake_every(void *arg)
{
  return ((struct fake *)arg)->every;
}

static int
fake_begin(void *arg)
{
  struct fake *f = arg;

  f->steps = 0;
  return f->work;
}

static int
fake_step(struct store *st, void *arg)
{
  struct fake *f = arg;
  char id[24];

  f->steps++;
  if (f->steps < 4)
    f->turn_at[f->steps] = turns;
  snprintf(id, sizeof(id), "step-%d", f->steps);
  add_inbound(id, T0);
  (void)st;
  return f->steps == f->fail_at ? AERR_STATE : 0;
}

static int
fake_after(void *arg, int rc)
{
  struct fake *f = arg;

  f->afters++;
  f->after_rc = rc;
  return f->steps < 3;
}

static void
fake_end(void *arg, int rc)
{
  struct fake *f = arg;

  f->runs++;
  f->end_rc = rc;
  if (f->stop != NULL)
    uv_stop(f->stop);
}

static const struct chore_ops fake_ops = {
  fake_every, fake_begin, fake_step, fake_after, fake_end,
};

static void
chore_setup(void)
{
  tu_svc_open(&t, T0);
  memset(&fk, 0, sizeof(fk));
  fk.every = 3600 * 1000;
  fk.work = 1;
  ck_assert_int_eq(chore_new(&ch, &t.loop, t.st, &fake_ops, &fk), 0);
  commit_start(t.commit);
  turns = 0;
  ck_assert_int_eq(uv_prepare_init(&t.loop, &turn_prep), 0);
  ck_assert_int_eq(uv_prepare_start(&turn_prep, on_turn), 0);
  uv_unref((uv_handle_t *)&turn_prep);
}

static void
on_chore_closed(void *arg)
{
  ((struct fake *)arg)->closed = 1;
}

static void
chore_teardown(void)
{
  if (ch != NULL)
    chore_close(ch, NULL, NULL);
  ch = NULL;
  uv_close((uv_handle_t *)&turn_prep, NULL);
  tu_svc_close(&t);
}

static int
runs_at_least(void *arg)
{
  return fk.runs >= *(int *)arg;
}

static int
row_kept(const char *id)
{
  int64_t row = 0;
  int rc = store_inbound_find(t.st, "dev", id, &row);

  ck_assert(rc == 0 || rc == AERR_NOTFOUND);
  return rc == 0;
}

static void
on_guard(uv_timer_t *g)
{
  uv_stop(g->loop);
}

/* A run asked for takes its steps one after the other, each kept, until
 * after() says no more; then end() is told once.  The loop runs as the
 * daemon runs it (UV_RUN_DEFAULT) until end() stops it. */
START_TEST(chore_runs_its_steps)
{
  uv_timer_t guard;

  uv_timer_init(&t.loop, &guard);
  uv_timer_start(&guard, on_guard, (uint64_t)tu_scaled_ms(2000), 0);
  fk.stop = &t.loop;
  chore_run_now(ch);
  uv_run(&t.loop, UV_RUN_DEFAULT);
  fk.stop = NULL;
  uv_close((uv_handle_t *)&guard, NULL);
  uv_run(&t.loop, UV_RUN_NOWAIT);
  ck_assert_int_eq(fk.runs, 1);
  ck_assert_int_eq(fk.steps, 3);
  ck_assert_int_eq(fk.afters, 3);
  ck_assert_int_eq(fk.after_rc, 0);
  ck_assert_int_eq(fk.end_rc, 0);
  ck_assert_int_eq(chore_running(ch), 0);
  ck_assert(row_kept("step-1") && row_kept("step-3"));
  /* Each step on a turn of its own, after the one before was committed:
   * never the whole run in one turn's timers, holding the loop. */
  ck_assert_int_gt(fk.turn_at[2], fk.turn_at[1]);
  ck_assert_int_gt(fk.turn_at[3], fk.turn_at[2]);
}
END_TEST

/* A step that fails is rolled back, ends the run with its error, and no
 * step follows it. */
START_TEST(chore_failed_step_ends_the_run)
{
  int want = 1;

  fk.fail_at = 2;
  chore_run_now(ch);
  ck_assert_int_eq(tu_svc_run_until(&t, runs_at_least, &want, 2000), 0);
  ck_assert_int_eq(fk.steps, 2);
  ck_assert_int_eq(fk.after_rc, AERR_STATE);
  ck_assert_int_eq(fk.end_rc, AERR_STATE);
  ck_assert(row_kept("step-1"));
  ck_assert(!row_kept("step-2"));
}
END_TEST

/* Scheduled runs follow each other every every_ms (sooner than first_ms),
 * a run with nothing to do ends without a step, and a paused chore runs
 * no more. */
START_TEST(chore_schedules_the_next_run)
{
  int want = 3;

  fk.every = 1;
  fk.work = 0;
  chore_schedule(ch, 60 * 1000);
  ck_assert_int_eq(tu_svc_run_until(&t, runs_at_least, &want, 2000), 0);
  ck_assert_int_eq(fk.afters, 0);
  chore_pause(ch);
  want = fk.runs;
  chore_run_now(ch);
  uv_run(&t.loop, UV_RUN_NOWAIT);
  ck_assert_int_eq(fk.runs, want);
  ck_assert_int_eq(chore_paused(ch), 1);
}
END_TEST

/* Closing calls back once the timer is closed. */
START_TEST(chore_close_calls_back)
{
  chore_close(ch, on_chore_closed, &fk);
  ch = NULL;
  uv_run(&t.loop, UV_RUN_NOWAIT);
  ck_assert_int_eq(fk.closed, 1);
}
END_TEST

static Suite *
chores_suite(void)
{
  Suite *s = suite_create("chores");
  TCase *tc = tcase_create("retention");

  tcase_add_checked_fixture(tc, retention_setup, retention_teardown);
  tcase_add_test(tc, purge_on_a_fixed_clock);
  suite_add_tcase(s, tc);
  tc = tcase_create("sla");
  tcase_add_checked_fixture(tc, sla_setup, sla_teardown);
  tcase_add_test(tc, overdue_on_a_fixed_clock);
  suite_add_tcase(s, tc);
  tc = tcase_create("chore");
  tcase_add_checked_fixture(tc, chore_setup, chore_teardown);
  tcase_add_test(tc, chore_runs_its_steps);
  tcase_add_test(tc, chore_failed_step_ends_the_run);
  tcase_add_test(tc, chore_schedules_the_next_run);
  tcase_add_test(tc, chore_close_calls_back);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(chores_suite)
