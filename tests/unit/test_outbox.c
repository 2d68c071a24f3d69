/*
 * test_outbox.c: the sender on its own (outbox.h): the service's parts
 * (tu_svc.h, the clock standing still), a Kannel channel pointed at a
 * fake provider, curl on a thread of its own as in the daemon, and rows
 * put in the store by hand.  What the sender did is read back from the
 * store's row counts and from the requests the fake provider saw.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "io/commit.h"
#include "io/curlev.h"
#include "fakeprov.h"
#include "service/outbox.h"
#include "store/store.h"
#include "testutil.h"
#include "tu_svc.h"

#define T0 1773540000000LL
#define BASE_MS 1000
#define MAX_MS 8000

static struct tu_svc t;
static struct outbox *ob;

/* The parts, with a Kannel channel "ks" sending to the fake provider at
 * rate rows a second, giving up after max_attempts; outbox: more lines
 * of the [outbox] section (and of sections after it, before the
 * channel's); extra: more lines of the channel's section. */
static void
start_conf(const char *outbox, int rate, int max_attempts, const char *extra)
{
  struct buf conf = BUF_INIT;

  tu_svc_open_net_thread(&t, T0);
  buf_printf(&conf, "[outbox]\nbackoff_base = %dms\nbackoff_max = %dms\n"
             "max_attempts = %d\ntimeout = 5s\n%s"
             "[channel.ks]\ntype = kannel\nsecret = s3cret-s3cret-s3cret\n"
             "sendsms_url = http://127.0.0.1:%d/cgi-bin/sendsms\n"
             "username = aduan\npassword = pw\nfrom = 1708\nrate = %d\n%s",
             BASE_MS, MAX_MS, max_attempts, outbox, fakeprov_port(t.fp), rate,
             extra);
  tu_svc_config(&t, conf.data);
  buf_free(&conf);
  ck_assert_int_eq(outbox_new(&ob, &t.ctx, t.cv), 0);
  commit_start(t.commit);
}

static void
start_with(int rate, int max_attempts, const char *extra)
{
  start_conf("", rate, max_attempts, extra);
}

static void
start(int rate, int max_attempts)
{
  start_with(rate, max_attempts, "");
}

static void
stop(void)
{
  outbox_close(ob, NULL, NULL);
  tu_svc_close_net(&t);
}

/* n queued rows for one reporter on "ks", committed. */
static void
queue_rows(int n)
{
  struct store_outbox o = {0};
  int64_t reporter = 0, id = 0;
  int i;

  ck_assert_int_eq(store_batch_begin(t.st), 0);
  reporter = tu_svc_reporter(&t, "+6281234567890", T0);
  o.channel = "ks";
  o.reporter_id = reporter;
  o.kind = "text";
  o.body = "Laporan Anda kami terima.";
  o.status = "queued";
  o.created_at = T0;
  for (i = 0; i < n; i++)
    ck_assert_int_eq(store_outbox_add(t.st, &o, &id), 0);
  ck_assert_int_eq(commit_now(t.commit), 0);
}

static int
rows(const char *status)
{
  int n = -1;

  ck_assert_int_eq(store_outbox_count(t.st, status, &n), 0);
  return n;
}

/* Run the loop until want rows have status. */
struct want {
  const char *status;
  int n;
};

static int
reached(void *arg)
{
  const struct want *w = arg;

  return rows(w->status) == w->n;
}

static int
heard(void *arg)
{
  return fakeprov_count(t.fp) >= *(const int *)arg;
}

/* Run the loop until the provider has had n requests. */
static void
run_until_requests(int n)
{
  ck_assert_msg(tu_svc_run_until(&t, heard, &n, 10000) == 0,
                "the provider had %d requests, not %d", fakeprov_count(t.fp),
                n);
}

static void
run_until_rows(const char *status, int n)
{
  struct want w = {status, n};

  ck_assert_msg(tu_svc_run_until(&t, reached, &w, 10000) == 0,
                "never %d %s rows (now %d)", n, status, rows(status));
}

static int
settled(void *arg)
{
  return rows("sending") == 0 && rows("sent") >= *(const int *)arg;
}

/* Run the loop until at least n rows are sent and none is under way. */
static void
run_until_sent(int n)
{
  ck_assert_msg(tu_svc_run_until(&t, settled, &n, 10000) == 0,
                "never %d sent rows (now %d)", n, rows("sent"));
}

/* One row, one answer from the provider: the row's state after it. */
START_TEST(outcomes)
{
  static const struct {
    int status;
    const char *body;
    int max_attempts;
    const char *row;           /* what the row becomes */
  } cases[] = {
    {202, "0: Accepted for delivery", 10, "sent"},
    {400, "Not routable. Do not try again.", 10, "failed"},
    {503, "Temporal failure, try again later.", 10, "queued"},
    {503, "Temporal failure, try again later.", 1, "dead"},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    start(100, cases[i].max_attempts);
    fakeprov_default(t.fp, cases[i].status, cases[i].body);
    queue_rows(1);
    ck_assert_int_eq(outbox_start(ob), 0);
    run_until_requests(1);
    run_until_rows("sending", 0);
    ck_assert_msg(rows(cases[i].row) == 1, "#%zu: no %s row", i,
                  cases[i].row);
    ck_assert_int_eq(fakeprov_count(t.fp), 1);
    stop();
  }
}
END_TEST

/* A retry waits base * 2^(attempt-1), jittered over its upper half. */
START_TEST(backoff_within_bounds)
{
  int64_t next = 0;

  start(100, 10);
  fakeprov_default(t.fp, 503, "Temporal failure, try again later.");
  queue_rows(1);
  ck_assert_int_eq(outbox_start(ob), 0);
  run_until_requests(1);
  run_until_rows("queued", 1);
  ck_assert_int_eq(store_outbox_next(t.st, &next), 0);
  ck_assert_int_ge(next, T0 + BASE_MS / 2);
  ck_assert_int_le(next, T0 + BASE_MS);
  /* Not due while the clock stands still: nothing is sent again. */
  outbox_kick(ob);
  run_until_rows("queued", 1);
  ck_assert_int_eq(fakeprov_count(t.fp), 1);
  /* The second attempt, once due, waits twice as long. */
  t.now = next;
  outbox_kick(ob);
  run_until_requests(2);
  run_until_rows("sending", 0);
  ck_assert_int_eq(store_outbox_next(t.st, &next), 0);
  ck_assert_int_ge(next, t.now + BASE_MS);
  ck_assert_int_le(next, t.now + 2 * BASE_MS);
  stop();
}
END_TEST

/* A row is claimed ("sending") once: a second poll while its request is
 * under way sends nothing more. */
START_TEST(claimed_once)
{
  start(100, 10);
  fakeprov_default(t.fp, 202, "0: Accepted for delivery");
  fakeprov_hold(t.fp, "/cgi-bin/sendsms");
  queue_rows(1);
  ck_assert_int_eq(outbox_start(ob), 0);
  run_until_requests(1);
  run_until_rows("sending", 1);
  ck_assert_int_eq(outbox_inflight(ob), 1);
  outbox_kick(ob);
  run_until_rows("sending", 1);
  fakeprov_release(t.fp);
  run_until_rows("sent", 1);
  ck_assert_int_eq(fakeprov_count(t.fp), 1);
  stop();
}
END_TEST

/* rate = 2: two rows a second, however many are due. */
START_TEST(token_bucket)
{
  start(2, 10);
  fakeprov_default(t.fp, 202, "0: Accepted for delivery");
  queue_rows(5);
  ck_assert_int_eq(outbox_start(ob), 0);
  run_until_sent(2);
  ck_assert_int_eq(rows("sent"), 2);
  ck_assert_int_eq(rows("queued"), 3);
  /* A second later the bucket holds two tokens again, no more. */
  t.now += 1000;
  outbox_kick(ob);
  run_until_sent(4);
  ck_assert_int_eq(rows("sent"), 4);
  ck_assert_int_eq(rows("queued"), 1);
  ck_assert_int_eq(fakeprov_count(t.fp), 4);
  stop();
}
END_TEST

/* One row with body for the reporter phone on "ks", committed. */
static void
queue_text(const char *phone, const char *body)
{
  struct store_outbox o = {0};
  int64_t id = 0;

  ck_assert_int_eq(store_batch_begin(t.st), 0);
  o.channel = "ks";
  o.reporter_id = tu_svc_reporter(&t, phone, T0);
  o.kind = "text";
  o.body = body;
  o.status = "queued";
  o.created_at = T0;
  ck_assert_int_eq(store_outbox_add(t.st, &o, &id), 0);
  ck_assert_int_eq(commit_now(t.commit), 0);
}

/* 1 when the provider's request i carried text (form-encoded, spaces as
 * '+'). */
static int
request_has(int i, const char *text)
{
  struct fp_request r;
  int has;

  ck_assert_int_eq(fakeprov_request(t.fp, i, &r), 0);
  has = r.query != NULL && strstr(r.query, text) != NULL;
  fp_request_free(&r);
  return has;
}

/* Replies to one number go out in the order they were written: while the
 * first waits for its retry, the newer one waits behind it; another
 * number's reply is not held up. */
START_TEST(one_number_in_order)
{
  int64_t next = 0;

  start(100, 10);
  fakeprov_script(t.fp, 1, 503, NULL, "Temporal failure, try again later.");
  fakeprov_default(t.fp, 202, "0: Accepted for delivery");
  queue_text("+6281234567890", "pertama");
  queue_text("+6281234567890", "kedua");
  queue_text("+6281299990000", "lain");
  ck_assert_int_eq(outbox_start(ob), 0);
  run_until_requests(2);
  run_until_rows("sending", 0);
  ck_assert_msg(rows("sent") == 1, "%d rows sent, only the other number's "
                "was due", rows("sent"));
  ck_assert_int_eq(rows("queued"), 2);
  ck_assert_int_eq(fakeprov_count(t.fp), 2);
  ck_assert(request_has(0, "pertama") || request_has(1, "pertama"));
  ck_assert(request_has(0, "lain") || request_has(1, "lain"));
  /* The retry comes first, then the newer reply. */
  ck_assert_int_eq(store_outbox_next(t.st, &next), 0);
  t.now = next;
  outbox_kick(ob);
  run_until_sent(3);
  ck_assert_int_eq(fakeprov_count(t.fp), 4);
  ck_assert(request_has(2, "pertama"));
  ck_assert(request_has(3, "kedua"));
  stop();
}
END_TEST

/* Connections the provider saw for its first n requests. */
static int
connections(int n)
{
  char seen[64][64];
  int i, k, nseen = 0;

  for (i = 0; i < n; i++) {
    struct fp_request r;
    ck_assert_int_eq(fakeprov_request(t.fp, i, &r), 0);
    for (k = 0; k < nseen && strcmp(seen[k], r.peer) != 0; k++)
      ;
    if (k == nseen && nseen < 64)
      memcpy(seen[nseen++], r.peer, sizeof(r.peer));
    fp_request_free(&r);
  }
  return nseen;
}

/* Rows sent one after another reuse the provider connection (keep-alive)
 * instead of opening one per row. */
START_TEST(connections_are_kept_alive)
{
  int i;

  start(1000, 10);
  fakeprov_default(t.fp, 202, "0: Accepted for delivery");
  ck_assert_int_eq(outbox_start(ob), 0);
  for (i = 1; i <= 12; i++) {
    queue_rows(1);
    outbox_kick(ob);
    run_until_sent(i);
  }
  ck_assert_int_eq(fakeprov_count(t.fp), 12);
  ck_assert_int_eq(connections(12), 1);
  stop();
}
END_TEST

/* One reply to each of n numbers at once (sent side by side). */
static void
queue_burst(int n)
{
  char phone[32];
  int i;

  for (i = 0; i < n; i++) {
    snprintf(phone, sizeof(phone), "+62812345600%02d", i);
    queue_text(phone, "Laporan Anda kami terima.");
  }
}

/* The connections opened for a burst stay open through a lull, when
 * replies go out one at a time: the next burst finds them all instead of
 * connecting again (curl's default keeps four per transfer running). */
START_TEST(connections_outlive_a_lull)
{
  int i, sent = 0;

  start_with(1000, 10, "concurrency = 8\n");
  fakeprov_default(t.fp, 202, "0: Accepted for delivery");
  ck_assert_int_eq(outbox_start(ob), 0);
  queue_burst(8);
  outbox_kick(ob);
  run_until_sent(sent += 8);
  for (i = 0; i < 8; i++) {
    queue_rows(1);
    outbox_kick(ob);
    run_until_sent(++sent);
  }
  queue_burst(8);
  outbox_kick(ob);
  run_until_sent(sent += 8);
  ck_assert_int_eq(fakeprov_count(t.fp), sent);
  ck_assert_msg(connections(sent) <= 8, "%d connections for %d requests "
                "at most 8 at a time", connections(sent), sent);
  stop();
}
END_TEST

/* A reply sent where a delivery report was asked for (Kannel with
 * [server] public_url) is one the unconfirmed check looks at later; one
 * sent where none will come (no public_url: Kannel asks for none), or
 * while [outbox] unconfirmed_after is off, never is. */
START_TEST(unconfirmed_only_where_a_report_is_awaited)
{
  static const struct {
    const char *outbox;
    int flagged;
  } cases[] = {
    {"", 0},
    {"[server]\npublic_url = https://aduan.example.go.id\n", 1},
    {"unconfirmed_after = 0\n"
     "[server]\npublic_url = https://aduan.example.go.id\n", 0},
  };
  struct store_unconfirmed *u = NULL;
  size_t i;
  int n;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    start_conf(cases[i].outbox, 100, 10, "");
    fakeprov_default(t.fp, 202, "0: Accepted for delivery");
    queue_rows(1);
    ck_assert_int_eq(outbox_start(ob), 0);
    run_until_sent(1);
    ck_assert_int_eq(store_batch_begin(t.st), 0);
    ck_assert_int_eq(store_outbox_flag_unconfirmed(t.st, "ks", T0 + 3600000,
                                                   T0 + 3600000, 10, &u, &n),
                     0);
    ck_assert_int_eq(commit_now(t.commit), 0);
    ck_assert_msg(n == cases[i].flagged, "#%zu: %d flagged, not %d", i, n,
                  cases[i].flagged);
    store_unconfirmed_free(u, n);
    stop();
  }
}
END_TEST

static Suite *
outbox_suite(void)
{
  Suite *s = suite_create("outbox");
  TCase *tc = tcase_create("core");

  tcase_add_test(tc, outcomes);
  tcase_add_test(tc, backoff_within_bounds);
  tcase_add_test(tc, claimed_once);
  tcase_add_test(tc, token_bucket);
  tcase_add_test(tc, one_number_in_order);
  tcase_add_test(tc, connections_are_kept_alive);
  tcase_add_test(tc, connections_outlive_a_lull);
  tcase_add_test(tc, unconfirmed_only_where_a_report_is_awaited);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(outbox_suite)
