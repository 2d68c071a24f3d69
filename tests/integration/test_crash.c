/*
 * test_crash.c: SPEC section 8's "kill -9 at any moment under load loses
 * no acknowledged message and sends no reply twice beyond the provider's
 * at-least-once contract", shown on the real daemon.
 *
 * Thirty reporters file complete reports at once over signed WhatsApp
 * webhooks; the replies go to the fake provider.  Meanwhile the daemon is
 * killed with SIGKILL five times, each time once a number of webhooks
 * drawn from a fixed-seed generator has been acknowledged, and started
 * again.  Each reporter behaves as a provider does: a webhook that got no
 * 200 is posted again, same id and same body, until one comes.
 *
 * After every kill, while the daemon is down: every webhook acknowledged
 * so far is in the database, and the database is sound.  At the end,
 * once the sender has drained the outbox: every acknowledged webhook is
 * stored exactly once, every reporter has exactly one ticket, every reply
 * was sent at least once and no more often than one request per life of
 * the daemon, and PRAGMA integrity_check says ok.
 */
#include <json-c/json.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>

#include "base/buf.h"
#include "fakeprov.h"
#include "base/log.h"
#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_pg.h"
#include "tu_sign.h"

#define WA_SECRET "wa-crash-secret"
#define REPORTERS 30
#define KILLS 5
#define SEED 20260312u
#define MESSAGE_MS 60000        /* a bound per message (scaled), far above
                                   what a kill and a restart cost */

/* The happy path of a report; turn 3 (who) and turn 6 (the story) are
 * made different for every reporter, so that none is a duplicate. */
static const char *const story[] = {
  "Halo", "1", "pungli", NULL, "Ende", "kemarin", NULL, "LANJUT", "LEWATI",
  "3", "KIRIM",
};
#define NSTORY ((int)(sizeof(story) / sizeof(story[0])))
#define TOTAL (REPORTERS * NSTORY)

/* What the reporters and the killer share. */
struct load {
  pthread_mutex_t mu;
  pthread_cond_t cv;
  int port;                 /* where the daemon listens now */
  int gen;                  /* how many times it was started again */
  int acked[REPORTERS];     /* messages acknowledged, in order */
  int acked_total;
  int posts;                /* webhooks posted, retries included */
  int finished;             /* reporters done */
  int gave_up;              /* a message was refused for MESSAGE_MS */
};

struct reporter {
  struct load *load;
  int i;
};

/* Reporter i's number, digits only as WhatsApp gives it. */
static void
number_of(int i, char *out, size_t len)
{
  snprintf(out, len, "6281377%06d", i);
}

/* The signed WhatsApp webhook for message step of reporter i. */
static void
webhook_of(int i, int step, struct buf *body, char **sig)
{
  char from[24], who[64], tale[400], id[40];
  const char *text = story[step];

  number_of(i, from, sizeof(from));
  snprintf(id, sizeof(id), "wamid.crash.%02d.%02d", i, step);
  if (step == 3) {
    snprintf(who, sizeof(who), "Kepala Bidang %d Dinas Perhubungan", i);
    text = who;
  } else if (step == 6) {
    tu_story(i, tale, sizeof(tale));
    text = tale;
  }
  tu_wa_text_body(body, from, id, text);
  *sig = tu_whatsapp_signature(body->data, body->len, WA_SECRET);
}

/* One post; the HTTP status, or -1 when no answer came. */
static int
post(int port, const struct buf *body, const char *sig)
{
  struct tu_resp r;
  char head[160];
  int status;

  snprintf(head, sizeof(head), "Content-Type: application/json\r\n"
           "X-Hub-Signature-256: %s\r\n", sig);
  if (tu_http_ex(port, "POST", "/webhook/wa", head, body->data, body->len,
                 &r) != 0)
    return -1;
  status = r.status;
  tu_resp_free(&r);
  return status;
}

/*
 * One reporter: each message is posted until it is acknowledged.  After
 * a failure the reporter waits until the daemon has been started again
 * (or, for a 503 from a daemon that is up, a moment), as a provider's
 * retry timer would.  No check here: the main thread checks.
 */
static void *
reporter_main(void *arg)
{
  struct reporter *rp = arg;
  struct load *l = rp->load;
  int step;

  for (step = 0; step < NSTORY; step++) {
    struct buf body = BUF_INIT;
    char *sig = NULL;
    int64_t end;
    int acked;

    webhook_of(rp->i, step, &body, &sig);
    /* A time, not a count of tries: each try while the daemon is down
     * costs a 100 ms wait, and a restart under valgrind takes far more
     * than a few of those. */
    end = tu_now_ms() + tu_scaled_ms(MESSAGE_MS);
    acked = 0;
    while (tu_now_ms() < end) {
      int port, gen, status;
      struct timespec ts;

      pthread_mutex_lock(&l->mu);
      port = l->port;
      gen = l->gen;
      pthread_mutex_unlock(&l->mu);
      status = post(port, &body, sig);
      pthread_mutex_lock(&l->mu);
      l->posts++;
      if (status == 200) {
        l->acked[rp->i]++;
        l->acked_total++;
        pthread_cond_broadcast(&l->cv);
        pthread_mutex_unlock(&l->mu);
        acked = 1;
        break;
      }
      tu_deadline(&ts, CLOCK_REALTIME, 100);
      while (l->gen == gen)
        if (pthread_cond_timedwait(&l->cv, &l->mu, &ts) != 0)
          break;
      pthread_mutex_unlock(&l->mu);
    }
    free(sig);
    buf_free(&body);
    if (!acked) {
      pthread_mutex_lock(&l->mu);
      l->gave_up++;
      pthread_mutex_unlock(&l->mu);
      break;
    }
  }
  pthread_mutex_lock(&l->mu);
  l->finished++;
  pthread_cond_broadcast(&l->cv);
  pthread_mutex_unlock(&l->mu);
  return NULL;
}

/* xorshift32: the same kill points on every run. */
static uint32_t
next_rand(uint32_t *x)
{
  *x ^= *x << 13;
  *x ^= *x >> 17;
  *x ^= *x << 5;
  return *x;
}

/* KILLS thresholds of acknowledged webhooks, increasing, spread over
 * the run: one in each of KILLS equal slices of [10, TOTAL - 10). */
static void
kill_points(int *at)
{
  uint32_t x = SEED;
  int span = (TOTAL - 20) / KILLS, k;

  for (k = 0; k < KILLS; k++)
    at[k] = 10 + k * span + (int)(next_rand(&x) % (uint32_t)span);
}

/* Wait until cond holds, for at most ms (scaled by CK_TIMEOUT_MULTIPLIER:
 * under valgrind the daemon answers 10-30 times slower); the caller holds
 * l->mu. */
#define WAIT_UNTIL(l, cond, ms)                                            \
  do {                                                                     \
    struct timespec ts_;                                                   \
    tu_deadline(&ts_, CLOCK_REALTIME, tu_scaled_ms(ms));                 \
    while (!(cond))                                                        \
      if (pthread_cond_timedwait(&(l)->cv, &(l)->mu, &ts_) != 0)           \
        break;                                                             \
  } while (0)

/* Every acknowledged message of every reporter is stored; at most the
 * one each reporter has in flight is stored beyond those. */
static void
check_acked_stored(struct tu_daemon *d, const int *acked)
{
  char sql[160];
  int i;

  for (i = 0; i < REPORTERS; i++) {
    long long n;
    snprintf(sql, sizeof(sql), "SELECT count(*) FROM inbound WHERE "
             "provider_id LIKE 'wamid.crash.%02d.%%'", i);
    n = tu_db_int(d, sql);
    ck_assert_msg(n >= acked[i] && n <= acked[i] + 1,
                  "reporter %d: %d acknowledged, %lld stored", i, acked[i],
                  n);
  }
}

/* SQLite's own check of its file after each kill; PostgreSQL's database
 * is its server's to keep whole (the test's counts still hold it to the
 * contract). */
static void
check_integrity(struct tu_daemon *d)
{
  char *ok;

  TU_SQLITE_ONLY("PRAGMA integrity_check is SQLite's");
  ok = tu_db_text(d, "SELECT integrity_check FROM pragma_integrity_check");
  ck_assert_ptr_nonnull(ok);
  ck_assert_str_eq(ok, "ok");
  free(ok);
}

/* Wait until no outbox row is queued or being sent: after each
 * event=outbox.sent line the database is asked again. */
static void
wait_drained(struct tu_daemon *d)
{
  int rounds;

  for (rounds = 0; rounds < 2000; rounds++) {
    size_t mark = tu_daemon_mark(d);
    long long left = tu_db_int(d, "SELECT count(*) FROM outbox WHERE "
                                  "status IN ('queued', 'sending')");
    ck_assert_int_ge(left, 0);
    if (left == 0)
      return;
    ck_assert_msg(tu_daemon_wait_log(d, mark, "event=outbox.sent", 20000) == 0,
                  "%lld replies still unsent and the sender is silent",
                  left);
  }
  ck_abort_msg("the outbox did not drain");
}

/* One outbox row: where it goes, what it says, and the provider requests
 * that carried it. */
struct row {
  char *to;                 /* digits, as the Graph API request has it */
  char *body;
  int attempts;
  int requests;
};

/* The rows load_rows() has read so far. */
struct rows {
  struct row *v;
  int n;
};

/* One outbox row (phone, body, attempts) into the struct rows at arg. */
static void
add_row(void *arg, int ncols, const char *const *cols)
{
  struct rows *rs = arg;
  struct row *v;

  ck_assert_int_eq(ncols, 3);
  ck_assert(cols[0] != NULL && cols[1] != NULL && cols[2] != NULL);
  v = realloc(rs->v, (size_t)(rs->n + 1) * sizeof(*v));
  ck_assert_ptr_nonnull(v);
  rs->v = v;
  v = &rs->v[rs->n++];
  v->to = strdup(cols[0][0] == '+' ? cols[0] + 1 : cols[0]);
  v->body = strdup(cols[1]);
  v->attempts = (int)strtol(cols[2], NULL, 10);
  v->requests = 0;
}

static int
load_rows(struct tu_daemon *d, struct row **out)
{
  struct rows rs = {NULL, 0};

  ck_assert_int_ge(tu_db_rows(d, "SELECT r.phone, o.body, o.attempts FROM "
                                 "outbox o JOIN reporters r ON r.id = "
                                 "o.reporter_id ORDER BY o.id", add_row,
                              &rs), 0);
  *out = rs.v;
  return rs.n;
}

/* Count the provider's requests per outbox row; every request must
 * belong to a row.  Returns how many requests there were. */
static int
match_requests(struct fakeprov *fp, struct row *rows, int nrows)
{
  int n = fakeprov_count(fp), i, k;

  for (i = 0; i < n; i++) {
    struct fp_request rq;
    struct json_object *root, *to, *text, *body;
    int found = 0;

    ck_assert_int_eq(fakeprov_request(fp, i, &rq), 0);
    root = json_tokener_parse(rq.body);
    ck_assert_msg(root != NULL, "request %d is not JSON", i);
    ck_assert(json_object_object_get_ex(root, "to", &to));
    ck_assert(json_object_object_get_ex(root, "text", &text));
    ck_assert(json_object_object_get_ex(text, "body", &body));
    for (k = 0; k < nrows && !found; k++)
      if (strcmp(rows[k].to, json_object_get_string(to)) == 0 &&
          strcmp(rows[k].body, json_object_get_string(body)) == 0) {
        rows[k].requests++;
        found = 1;
      }
    ck_assert_msg(found, "request %d matches no outbox row", i);
    json_object_put(root);
    fp_request_free(&rq);
  }
  return n;
}

START_TEST(sigkill_under_load_loses_nothing)
{
  static struct reporter rp[REPORTERS];
  static pthread_t th[REPORTERS];
  struct load l;
  struct tu_daemon d;
  struct fakeprov *fp;
  struct buf conf = BUF_INIT;
  struct row *rows;
  int at[KILLS], snap[REPORTERS];
  int i, k, status, nrows, requests, posts, most = 0;
  long long tickets;

  /* The fake provider logs through this process's log: keep it quiet. */
  log_setup(LOG_WARN, 0);
  ck_assert_int_eq(fakeprov_start(&fp), 0);
  buf_printf(&conf,
             "[limits]\nmessages_per_minute = 0\n"
             "[outbox]\nbackoff_base = 100ms\nbackoff_max = 400ms\n"
             "timeout = 2s\n"
             "[channel.wa]\ntype = whatsapp_cloud\napp_secret = " WA_SECRET
             "\nverify_token = verify-me\naccess_token = wa-access\n"
             "phone_number_id = 112233445566778\n"
             "api_base = http://127.0.0.1:%d/v21.0\n", fakeprov_port(fp));
  ck_assert_int_eq(tu_daemon_start(&d, conf.data), 0);
  buf_free(&conf);

  memset(&l, 0, sizeof(l));
  pthread_mutex_init(&l.mu, NULL);
  pthread_cond_init(&l.cv, NULL);
  l.port = d.port;
  for (i = 0; i < REPORTERS; i++) {
    rp[i].load = &l;
    rp[i].i = i;
    ck_assert_int_eq(pthread_create(&th[i], NULL, reporter_main, &rp[i]), 0);
  }

  kill_points(at);
  for (k = 0; k < KILLS; k++) {
    pthread_mutex_lock(&l.mu);
    WAIT_UNTIL(&l, l.acked_total >= at[k] || l.finished == REPORTERS, 60000);
    ck_assert_msg(l.acked_total >= at[k], "kill %d: only %d of %d "
                  "acknowledged", k + 1, l.acked_total, at[k]);
    pthread_mutex_unlock(&l.mu);

    ck_assert_int_eq(tu_daemon_kill(&d, SIGKILL), 0);
    ck_assert_int_eq(tu_daemon_wait_exit(&d, 20000, &status), 0);
    ck_assert(WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL);
    /* Down: nothing more can be acknowledged, so the snapshot is what
     * the daemon promised. */
    pthread_mutex_lock(&l.mu);
    memcpy(snap, l.acked, sizeof(snap));
    pthread_mutex_unlock(&l.mu);
    check_acked_stored(&d, snap);
    check_integrity(&d);

    ck_assert_int_eq(tu_daemon_restart(&d), 0);
    pthread_mutex_lock(&l.mu);
    l.port = d.port;
    l.gen++;
    pthread_cond_broadcast(&l.cv);
    pthread_mutex_unlock(&l.mu);
  }

  pthread_mutex_lock(&l.mu);
  WAIT_UNTIL(&l, l.finished == REPORTERS, 120000);
  ck_assert_int_eq(l.finished, REPORTERS);
  pthread_mutex_unlock(&l.mu);
  for (i = 0; i < REPORTERS; i++)
    pthread_join(th[i], NULL);
  ck_assert_int_eq(l.gave_up, 0);
  ck_assert_int_eq(l.acked_total, TOTAL);
  posts = l.posts;

  /* Every acknowledged webhook, exactly once. */
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM inbound WHERE "
                                 "channel = 'wa'"), TOTAL);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT provider_id) FROM "
                                 "inbound WHERE channel = 'wa' AND "
                                 "provider_id LIKE 'wamid.crash.%'"), TOTAL);
  /* Every reporter filed once and was told the number. */
  tickets = tu_db_int(&d, "SELECT count(*) FROM tickets");
  ck_assert_int_eq(tickets, REPORTERS);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT reporter_id) FROM "
                                 "tickets"), REPORTERS);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM (SELECT reporter_id "
                                 "FROM tickets GROUP BY reporter_id HAVING "
                                 "count(*) <> 1) AS twice"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT max(seq) FROM tickets"), REPORTERS);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(DISTINCT reporter_id) FROM "
                                 "outbox WHERE body LIKE '%NTT-20%'"),
                   REPORTERS);

  /* Every reply owed was sent, each by at most one request per life of
   * the daemon. */
  wait_drained(&d);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM outbox WHERE status "
                                 "<> 'sent'"), 0);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM (SELECT DISTINCT "
                                 "reporter_id, body FROM outbox) AS owed"),
                   tu_db_int(&d, "SELECT count(*) FROM outbox"));
  nrows = load_rows(&d, &rows);
  ck_assert_int_ge(nrows, TOTAL);
  requests = match_requests(fp, rows, nrows);
  for (i = 0; i < nrows; i++) {
    ck_assert_msg(rows[i].requests >= 1, "reply %d was never sent", i);
    ck_assert_msg(rows[i].requests <= KILLS + 1, "reply %d was sent %d "
                  "times", i, rows[i].requests);
    ck_assert_int_le(rows[i].attempts, KILLS + 1);
    if (rows[i].requests > most)
      most = rows[i].requests;
  }
  check_integrity(&d);

  fprintf(stderr, "crash: kills=%d webhooks=%d acked=%d tickets=%lld "
          "replies=%d provider_requests=%d most_requests_per_reply=%d "
          "kill_points=", KILLS, posts, TOTAL, tickets, nrows, requests,
          most);
  for (k = 0; k < KILLS; k++)
    fprintf(stderr, "%s%d", k > 0 ? "," : "", at[k]);
  fprintf(stderr, "\n");

  for (i = 0; i < nrows; i++) {
    free(rows[i].to);
    free(rows[i].body);
  }
  free(rows);
  pthread_mutex_destroy(&l.mu);
  pthread_cond_destroy(&l.cv);
  tu_daemon_cleanup(&d);
  fakeprov_stop(fp);
}
END_TEST

static Suite *
crash_suite(void)
{
  Suite *s = suite_create("crash");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 240);
  tcase_add_test(tc, sigkill_under_load_loses_nothing);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(crash_suite)
