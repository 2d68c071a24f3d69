/*
 * test_chores.c: the daemon's chores on their own, on the service's parts
 * (tu_svc.h) with the clock standing still: the retention purge
 * (retention.h), asked for through an httpd on the test loop as the admin
 * socket asks for it, and the service-level check (sla.h) on its timer.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "io/commit.h"
#include "conf/config.h"
#include "engine/conv.h"
#include "base/diag.h"
#include "io/httpd.h"
#include "service/retention.h"
#include "service/sla.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_svc.h"

#define T0 1773540000000LL           /* Sunday 15-03-2026 10.00 WITA */
#define DAY (86400 * 1000LL)

static struct tu_svc t;

static int64_t
reporter(void)
{
  int64_t id = 0;

  ck_assert_int_eq(store_reporter_ensure(t.st, "+6281234567890", T0, &id),
                   0);
  return id;
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

/* Point a config path at the shipped file config/name. */
static void
set_path(char **field, const char *name)
{
  free(*field);
  *field = tu_path(ADUAN_SOURCE_DIR "/config", name);
  ck_assert_ptr_nonnull(*field);
}

static void
sla_setup(void)
{
  struct diag d;

  tu_svc_open(&t, T0);
  set_path(&t.cfg->conversation.catalog, "messages.id.conf");
  set_path(&t.cfg->conversation.places, "wilayah.txt");
  set_path(&t.cfg->conversation.lexicon, "lexicon.txt");
  set_path(&t.cfg->conversation.allowlist, "allowlist.txt");
  set_path(&t.cfg->conversation.stopwords, "stopwords.id.txt");
  set_path(&t.cfg->ticket.holidays, "holidays.txt");
  diag_init(&d);
  ck_assert_int_eq(conv_new(&cv, t.cfg, &d), 0);
  diag_free(&d);
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
  return s;
}

UNIT_MAIN(chores_suite)
