/*
 * test_multi.c: two daemons on one PostgreSQL database serve one hotline.
 *
 * 200 reporters hold complete conversations over signed WhatsApp
 * webhooks at the same time; each message goes to the other daemon than
 * the one before (as a load balancer may send them), and a message that
 * is not answered 200 is sent again, to the other daemon, as Meta
 * retries.  At the story step each reporter also sends two more parts of
 * the story at the same moment, one to each daemon: both must end up in
 * the ticket (one daemon at a time advances a reporter's conversation,
 * the other answers 503 until it may).  Midway one daemon is killed
 * with SIGKILL and started again.
 * At the end: 200 tickets with unique, gapless numbers, every message
 * stored once, every reply sent, and no reply sent twice except those
 * the killed daemon had in flight (the sender's concurrency bounds them:
 * at-least-once is the retry contract).
 *
 * Runs only on PostgreSQL (ctest's pg/test_multi); the SQLite copy skips.
 */
#include <errno.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/buf.h"
#include "fakeprov.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_pg.h"
#include "tu_sign.h"

#define SECRET "multi-secret"
#define NCONV 200
#define NTHREADS 8
#define CONCURRENCY 8       /* the sender's cap per channel and daemon */

static const char *const script[] = {
  "Halo", "1", "pungli", "Kepala Seksi Perizinan Dinas", "Kota Kupang",
  "kemarin", NULL /* the kronologi: tu_story() */, "LANJUT", "LEWATI", "3",
  "KIRIM",
};
#define NSCRIPT ((int)(sizeof(script) / sizeof(script[0])))
#define STORY_STEP 6
/* The two parts conversation c sends together after its story, one to
 * each daemon: stories of their own (tu_story() numbers them). */
#define PART(c, i) (NCONV + 2 * (c) + (i))
#define TOTAL (NCONV * (NSCRIPT + 2))

/* What the clients share with the test. */
static struct {
  _Atomic int port[2];      /* each daemon's port; 0 while it is down */
  _Atomic int answered;     /* messages answered 200 */
  _Atomic int retries;      /* sends that were not */
  _Atomic int failed;       /* messages given up on */
  pthread_mutex_t mu;
  pthread_cond_t cv;
} g = { .mu = PTHREAD_MUTEX_INITIALIZER, .cv = PTHREAD_COND_INITIALIZER };

/* Send text as message k of conversation c until one daemon answers
 * 200, starting with the daemon which, turning to the other after each
 * failure.  0, or -1 when no daemon took it in time. */
static int
send_text(int c, int k, int which, const char *text)
{
  char digits[16], id[48];
  int64_t deadline = tu_now_ms() + tu_scaled_ms(60000);

  snprintf(digits, sizeof(digits), "62812%08d", c);
  snprintf(id, sizeof(id), "wamid.multi.%d.%d", c, k);
  while (tu_now_ms() < deadline) {
    int port = atomic_load(&g.port[which]);
    int status = port > 0 ? tu_wa_say(port, "/webhook/wa", SECRET, digits,
                                      id, text) : -1;
    if (status == 200)
      return 0;
    atomic_fetch_add(&g.retries, 1);
    which = 1 - which;
    if (atomic_load(&g.port[which]) == 0)
      usleep(20 * 1000);   /* both down: the restart is awaited */
  }
  return -1;
}

/* Count one message answered, waking the test. */
static void
answered(void)
{
  pthread_mutex_lock(&g.mu);
  atomic_fetch_add(&g.answered, 1);
  pthread_cond_broadcast(&g.cv);
  pthread_mutex_unlock(&g.mu);
}

/* Message k of the script for conversation c, to daemon (c + k) % 2. */
static int
send_one(int c, int k)
{
  char story[512];
  const char *text = script[k];

  if (text == NULL) {
    tu_story(c, story, sizeof(story));
    text = story;
  }
  return send_text(c, k, (c + k) % 2, text);
}

/* Part i of conversation c's two, to daemon (c + i) % 2. */
static int
send_part(int c, int i)
{
  char text[512];

  tu_story(PART(c, i), text, sizeof(text));
  return send_text(c, NSCRIPT + i, (c + i) % 2, text);
}

/* The second of the two parts sent together (a thread of its own). */
static void *
second_part(void *arg)
{
  int c = (int)(intptr_t)arg;

  if (send_part(c, 1) == 0)
    answered();
  else
    atomic_fetch_add(&g.failed, 1);
  return NULL;
}

/* The two parts of conversation c, one to each daemon at once. */
static void
send_parts(int c)
{
  pthread_t th;

  ck_assert_int_eq(pthread_create(&th, NULL, second_part,
                                  (void *)(intptr_t)c), 0);
  if (send_part(c, 0) == 0)
    answered();
  else
    atomic_fetch_add(&g.failed, 1);
  pthread_join(th, NULL);
}

/* One client: conversations t, t + NTHREADS, ... advanced one step at a
 * time, so that all 200 are open together. */
static void *
client(void *arg)
{
  int t = (int)(intptr_t)arg, k, c;

  for (k = 0; k < NSCRIPT; k++)
    for (c = t; c < NCONV; c += NTHREADS) {
      if (send_one(c, k) != 0) {
        atomic_fetch_add(&g.failed, 1);
        continue;
      }
      answered();
      if (k == STORY_STEP)
        send_parts(c);
    }
  return NULL;
}

/* Wait until at least n messages were answered (bounded). */
static void
wait_answered(int n)
{
  struct timespec ts;

  tu_deadline(&ts, CLOCK_REALTIME, tu_scaled_ms(120000));
  pthread_mutex_lock(&g.mu);
  while (atomic_load(&g.answered) < n)
    if (pthread_cond_timedwait(&g.cv, &g.mu, &ts) == ETIMEDOUT)
      break;
  pthread_mutex_unlock(&g.mu);
  ck_assert_int_ge(atomic_load(&g.answered), n);
}

/* Start daemon d named name on the database conninfo (shared). */
static void
start(struct tu_daemon *d, const char *name, const char *conninfo,
      int fp_port)
{
  struct tu_daemon_opts o;
  char storage[64], extra[768];

  memset(&o, 0, sizeof(o));
  snprintf(storage, sizeof(storage), "instance = %s\n", name);
  snprintf(extra, sizeof(extra),
           "[limits]\nmessages_per_minute = 0\ntickets_per_day = 0\n"
           "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " SECRET "\n"
           "verify_token = v\naccess_token = a\n"
           "phone_number_id = 112233445566778\n"
           "api_base = http://127.0.0.1:%d/v21.0\nrate = 1000\n"
           "concurrency = %d\n", fp_port, CONCURRENCY);
  o.extra = extra;
  o.storage = storage;
  o.pg = conninfo;
  ck_assert_int_eq(tu_daemon_start_opts(d, &o), 0);
}

/* The outbox rows not yet sent, waited for until none is left. */
static long long
wait_outbox_drained(struct tu_daemon *d)
{
  int64_t deadline = tu_now_ms() + tu_scaled_ms(60000);
  long long left;

  while ((left = tu_db_int(d, "SELECT count(*) FROM outbox WHERE "
                              "status <> 'sent'")) != 0 &&
         tu_now_ms() < deadline)
    usleep(50 * 1000);   /* another process's rows: no event to wait on */
  return left;
}

START_TEST(two_daemons_one_killed)
{
  struct fakeprov *fp;
  struct tu_daemon a, b;
  pthread_t th[NTHREADS];
  char *ci = tu_pg_newdb();
  long long outbox, sent_by_provider;
  int i, status, at_kill;

  ck_assert_int_eq(fakeprov_start(&fp), 0);
  start(&a, "a", ci, fakeprov_port(fp));
  start(&b, "b", ci, fakeprov_port(fp));
  atomic_store(&g.port[0], a.port);
  atomic_store(&g.port[1], b.port);
  for (i = 0; i < NTHREADS; i++)
    ck_assert_int_eq(pthread_create(&th[i], NULL, client,
                                    (void *)(intptr_t)i), 0);

  /* Midway, daemon a dies without a word, then comes back. */
  wait_answered(TOTAL / 2);
  atomic_store(&g.port[0], 0);
  ck_assert_int_eq(tu_daemon_kill(&a, SIGKILL), 0);
  ck_assert_int_eq(tu_daemon_wait_exit(&a, 10000, &status), 0);
  ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
  at_kill = atomic_load(&g.answered);
  ck_assert_int_eq(tu_daemon_restart(&a), 0);
  atomic_store(&g.port[0], a.port);

  for (i = 0; i < NTHREADS; i++)
    pthread_join(th[i], NULL);
  printf("test_multi: %d messages answered (%d when a was killed), %d sends "
         "retried, %d given up\n", atomic_load(&g.answered), at_kill,
         atomic_load(&g.retries), atomic_load(&g.failed));
  ck_assert_int_eq(atomic_load(&g.failed), 0);
  ck_assert_int_eq(atomic_load(&g.answered), TOTAL);
  ck_assert_int_lt(at_kill, TOTAL);

  /* 200 tickets, one per reporter, numbered 1..200 without a gap. */
  ck_assert_int_eq(tu_db_int(&b, "SELECT count(*) FROM tickets"), NCONV);
  ck_assert_int_eq(tu_db_int(&b, "SELECT count(DISTINCT number) FROM "
                                 "tickets"), NCONV);
  ck_assert_int_eq(tu_db_int(&b, "SELECT count(DISTINCT reporter_id) FROM "
                                 "tickets"), NCONV);
  ck_assert_int_eq(tu_db_int(&b, "SELECT min(seq) FROM tickets"), 1);
  ck_assert_int_eq(tu_db_int(&b, "SELECT max(seq) FROM tickets"), NCONV);
  ck_assert_int_eq(tu_db_int(&b, "SELECT count(DISTINCT year) FROM "
                                 "tickets"), 1);
  /* Both parts sent together are in every story: neither daemon wrote
   * over the other's. */
  for (i = 0; i < NCONV; i++) {
    char sql[256];

    snprintf(sql, sizeof(sql), "SELECT count(*) FROM tickets WHERE "
             "kronologi LIKE '%%nomor %d yang%%' AND kronologi LIKE "
             "'%%nomor %d yang%%' AND kronologi LIKE '%%nomor %d yang%%'",
             i, PART(i, 0), PART(i, 1));
    ck_assert_msg(tu_db_int(&b, sql) == 1, "conversation %d lost a part", i);
  }
  /* Every message stored once, whichever daemon or retry took it. */
  ck_assert_int_eq(tu_db_int(&b, "SELECT count(*) FROM inbound"), TOTAL);
  ck_assert_int_eq(tu_db_int(&b, "SELECT count(*) FROM reporters"), NCONV);

  /* Every reply sent; repeats only for what a had in flight. */
  ck_assert_int_eq(wait_outbox_drained(&b), 0);
  outbox = tu_db_int(&b, "SELECT count(*) FROM outbox");
  ck_assert_int_ge(outbox, TOTAL);
  ck_assert_int_eq(fakeprov_wait(fp, (int)outbox, 30000), 0);
  sent_by_provider = fakeprov_count(fp);
  printf("test_multi: %lld replies, %lld sends seen by the provider\n",
         outbox, sent_by_provider);
  ck_assert_int_ge(sent_by_provider, outbox);
  ck_assert_int_le(sent_by_provider - outbox, CONCURRENCY);
  ck_assert_int_gt(tu_db_int(&b, "SELECT count(*) FROM outbox WHERE "
                                 "claimed_by = 'a'"), 0);
  ck_assert_int_gt(tu_db_int(&b, "SELECT count(*) FROM outbox WHERE "
                                 "claimed_by = 'b'"), 0);

  tu_daemon_cleanup(&a);
  tu_daemon_cleanup(&b);
  fakeprov_stop(fp);
  tu_pg_dropdb(ci);
  free(ci);
}
END_TEST

static Suite *
multi_suite(void)
{
  Suite *s = suite_create("multi");
  TCase *tc = tcase_create("postgres");

  tcase_set_timeout(tc, 600);
  tcase_add_test(tc, two_daemons_one_killed);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  if (!tu_store_pg()) {
    printf("test_multi: several daemons need PostgreSQL "
           "(ADUAN_TEST_STORE=postgres): skipped\n");
    return 77;
  }
  return tu_run_suite(multi_suite());
}
