/*
 * test_limits.c: the limits of SPEC section 8 on the real daemon: the
 * global and per-client connection caps, slow-loris heads, slow bodies
 * and idle clients cut after their timeouts, and the per-reporter cap on
 * tickets per day (one notice, nothing filed, accepted again the next
 * WITA day).
 */
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/time.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"

static double
now_s(void)
{
  struct timeval tv;

  gettimeofday(&tv, NULL);
  return (double)tv.tv_sec + tv.tv_usec / 1e6;
}

/* limit seconds, stretched by CK_TIMEOUT_MULTIPLIER: how late a cut may
 * come when the daemon runs slowly (valgrind, sanitizers, a busy
 * machine).  Which timer made the cut the log line's detail says. */
static double
slow_s(double limit)
{
  return limit * tu_scaled_ms(1000) / 1000.0;
}

/* One GET /healthz on an open connection; the status, or -1. */
static int
health(struct tu_conn *c)
{
  static const char req[] = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  struct tu_resp r;
  int status;

  if (tu_conn_send(c, req, sizeof(req) - 1) != 0 || tu_conn_read(c, &r) != 0)
    return -1;
  status = r.status;
  tu_resp_free(&r);
  return status;
}

#define CAP 5

START_TEST(connection_cap_turns_the_next_away)
{
  struct tu_daemon_opts o = {0};
  struct tu_daemon d;
  struct tu_conn c[CAP], extra;
  struct tu_resp r;
  int i, tries, refused = 0, status = -1;
  int64_t deadline;

  o.server = "max_connections = 5\nheader_timeout = 10s\n"
             "idle_timeout = 10s\n";
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  /* Five connections, each proven accepted by an answer. */
  for (i = 0; i < CAP; i++) {
    ck_assert_int_eq(tu_conn_open(&c[i], d.port), 0);
    ck_assert_int_eq(health(&c[i]), 200);
  }
  /* The sixth gets 503 and is closed. */
  ck_assert_int_eq(tu_conn_open(&extra, d.port), 0);
  ck_assert_int_eq(tu_conn_read(&extra, &r), 0);
  ck_assert_int_eq(r.status, 503);
  ck_assert_ptr_nonnull(strstr(r.head, "Connection: close"));
  ck_assert_ptr_nonnull(strstr(r.body, "too many connections"));
  tu_resp_free(&r);
  ck_assert_int_eq(tu_conn_wait_closed(&extra, 5000), 1);
  tu_conn_close(&extra);
  ck_assert(tu_daemon_log_has(&d, "event=http.conn_limit"));
  /* The five are still served, webhooks included. */
  for (i = 0; i < CAP; i++)
    ck_assert_int_eq(health(&c[i]), 200);
  {
    static const char body[] = "{\"from\":\"081234567890\",\"text\":\"Halo\","
                               "\"id\":\"cap-1\"}";
    char req[256];
    int n = snprintf(req, sizeof(req), "POST /webhook/dev HTTP/1.1\r\n"
                     "Host: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: %zu\r\n\r\n%s", sizeof(body) - 1, body);
    ck_assert_int_eq(tu_conn_send(&c[0], req, (size_t)n), 0);
    ck_assert_int_eq(tu_conn_read(&c[0], &r), 0);
    ck_assert_int_eq(r.status, 200);
    tu_resp_free(&r);
  }
  /* One leaves: a newcomer is served as soon as the daemon has seen it
   * go.  Each refused try is answered at once; the tries are bounded by
   * a time that stretches for slow runs (valgrind), not by a count. */
  tu_conn_close(&c[CAP - 1]);
  deadline = tu_now_ms() + tu_scaled_ms(10000);
  for (tries = 0; status != 200 && tu_now_ms() < deadline; tries++) {
    ck_assert_int_eq(tu_conn_open(&extra, d.port), 0);
    status = health(&extra);
    tu_conn_close(&extra);
    if (status == 503)
      refused++;
  }
  ck_assert_msg(status == 200, "no newcomer served after %d tries "
                "(%d answered 503, last %d)", tries, refused, status);
  for (i = 0; i < CAP - 1; i++)
    tu_conn_close(&c[i]);
  tu_daemon_cleanup(&d);
}
END_TEST

/*
 * A client that drips, against a daemon d started with the [server]
 * settings server.  It posts a JSON body of body_len bytes and sends one
 * byte every 300 ms, each well within any per-read timeout, until the
 * daemon acts: the head's bytes when drip_head is set, else the whole
 * head at once and then the body's.  The daemon must act before the last
 * byte: answer 408 between 0.9 and 3 s after the first dripped byte,
 * close the connection, log detail and store nothing.  The answer is
 * left in *r for the caller to look at and free.
 */
static void
expect_drip_cut(struct tu_daemon *d, const char *server, int body_len,
                int drip_head, const char *detail, struct tu_resp *r)
{
  struct tu_daemon_opts o = {0};
  char head[160], body[64];
  const char *drip = body;
  size_t sent = 0, n;
  struct tu_conn c;
  double t0, took;

  ck_assert_int_lt(body_len, (int)sizeof(body));
  snprintf(head, sizeof(head), "POST /webhook/dev HTTP/1.1\r\nHost: x\r\n"
           "Content-Type: application/json\r\nContent-Length: %d\r\n\r\n",
           body_len);
  memset(body, '{', (size_t)body_len);
  body[body_len] = '\0';
  o.server = server;
  ck_assert_int_eq(tu_daemon_start_opts(d, &o), 0);
  ck_assert_int_eq(tu_conn_open(&c, d->port), 0);
  if (drip_head)
    drip = head;
  else
    ck_assert_int_eq(tu_conn_send(&c, head, strlen(head)), 0);
  n = strlen(drip);
  t0 = now_s();
  while (sent < n) {
    struct pollfd p = {c.fd, POLLIN, 0};
    ck_assert_int_eq(tu_conn_send(&c, drip + sent, 1), 0);
    sent++;
    /* Wait for the daemon to act, or 300 ms: the client's pace. */
    if (poll(&p, 1, 300) > 0)
      break;
  }
  ck_assert_int_lt(sent, n);
  ck_assert_int_eq(tu_conn_read(&c, r), 0);
  took = now_s() - t0;
  ck_assert_int_eq(r->status, 408);
  ck_assert_int_eq(tu_conn_wait_closed(&c, 5000), 1);
  tu_conn_close(&c);
  ck_assert_msg(took >= 0.9 && took < slow_s(3.0), "cut after %.2f s", took);
  ck_assert(tu_daemon_log_has(d, detail));
  ck_assert_int_eq(tu_db_int(d, "SELECT count(*) FROM inbound"), 0);
}

/*
 * A client sending its head one byte every 300 ms: each byte comes well
 * within any per-read timeout, but the whole head does not come within
 * header_timeout (1 s) of the first byte, so it is cut with 408.
 */
START_TEST(slow_loris_is_cut)
{
  struct tu_daemon d;
  struct tu_resp r;

  expect_drip_cut(&d, "header_timeout = 1s\nidle_timeout = 10s\n", 10, 1,
                  "detail=header", &r);
  ck_assert_ptr_nonnull(strstr(r.body, "\"error\""));
  tu_resp_free(&r);
  ck_assert(tu_daemon_log_has(&d, "event=http.timeout"));
  /* Everyone else is served. */
  {
    struct tu_resp h;
    ck_assert_int_eq(tu_http(d.port, "GET", "/healthz", NULL, NULL, &h), 0);
    ck_assert_int_eq(h.status, 200);
    tu_resp_free(&h);
  }
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(idle_keep_alive_is_cut)
{
  struct tu_daemon_opts o = {0};
  struct tu_daemon d;
  struct tu_conn c;
  double t0, took;

  o.server = "idle_timeout = 1s\n";
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  ck_assert_int_eq(tu_conn_open(&c, d.port), 0);
  /* Busy connections stay: three requests, kept alive. */
  ck_assert_int_eq(health(&c), 200);
  ck_assert_int_eq(health(&c), 200);
  ck_assert_int_eq(health(&c), 200);
  t0 = now_s();
  ck_assert_int_eq(tu_conn_wait_closed(&c, 5000), 1);
  took = now_s() - t0;
  tu_conn_close(&c);
  ck_assert_msg(took >= 0.8 && took < slow_s(3.0), "idle connection cut "
                "after %.2f s", took);
  ck_assert(tu_daemon_log_has(&d, "event=http.idle_close"));
  tu_daemon_cleanup(&d);
}
END_TEST

/*
 * A body sent one byte every 300 ms: each byte well within idle_timeout,
 * but the body as a whole not within body_timeout (1 s), so it is cut with
 * 408 and the connection freed.
 */
START_TEST(slow_body_is_cut)
{
  struct tu_daemon d;
  struct tu_resp r;

  expect_drip_cut(&d, "body_timeout = 1s\nidle_timeout = 10s\n", 40, 0,
                  "detail=body", &r);
  tu_resp_free(&r);
  tu_daemon_cleanup(&d);
}
END_TEST

/* max_connections_per_client = 2: a third connection from 127.0.0.1 gets
 * 503 while max_connections has room; the two keep being served. */
START_TEST(per_client_cap_turns_the_next_away)
{
  struct tu_daemon_opts o = {0};
  struct tu_daemon d;
  struct tu_conn c[2], extra;
  struct tu_resp r;
  int i;

  o.server = "max_connections = 10\nmax_connections_per_client = 2\n";
  ck_assert_int_eq(tu_daemon_start_opts(&d, &o), 0);
  for (i = 0; i < 2; i++) {
    ck_assert_int_eq(tu_conn_open(&c[i], d.port), 0);
    ck_assert_int_eq(health(&c[i]), 200);
  }
  ck_assert_int_eq(tu_conn_open(&extra, d.port), 0);
  ck_assert_int_eq(tu_conn_read(&extra, &r), 0);
  ck_assert_int_eq(r.status, 503);
  ck_assert_ptr_nonnull(strstr(r.body, "too many connections"));
  tu_resp_free(&r);
  ck_assert_int_eq(tu_conn_wait_closed(&extra, 5000), 1);
  tu_conn_close(&extra);
  ck_assert(tu_daemon_log_has(&d, "event=http.client_conn_limit"));
  for (i = 0; i < 2; i++) {
    ck_assert_int_eq(health(&c[i]), 200);
    tu_conn_close(&c[i]);
  }
  tu_daemon_cleanup(&d);
}
END_TEST

/* The report's answers; who and tale make each report different. */
static void
report(struct tu_daemon *d, const char *from, const char *who,
       const char *tale, const char *last_key)
{
  tu_expect(d, from, "MENU", "menu");
  tu_expect(d, from, "1", "ask.kategori");
  tu_expect(d, from, "pungli", "ask.terlapor");
  tu_expect(d, from, who, "ask.lokasi");
  tu_expect(d, from, "Ende", "ask.waktu");
  tu_expect(d, from, "kemarin", "ask.kronologi");
  tu_expect(d, from, tale, "kronologi.more");
  tu_expect(d, from, "LANJUT", "ask.bukti");
  tu_expect(d, from, "LEWATI", "ask.identitas");
  tu_expect(d, from, "3", "konfirmasi");
  tu_expect(d, from, "KIRIM", last_key);
}

START_TEST(tickets_per_day_cap)
{
  struct tu_daemon d;
  const char *n = "081290000001";
  char first[400], second[400];
  struct tu_replies r;

  ck_assert_int_eq(tu_daemon_start(&d, "[limits]\ntickets_per_day = 1\n"
                                       "messages_per_minute = 0\n"), 0);
  tu_story(101, first, sizeof(first));
  tu_story(202, second, sizeof(second));
  report(&d, n, "Kepala Dinas Pendidikan", first, "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);

  /* A second report the same day: one notice, nothing filed. */
  report(&d, n, "Camat Maulafa", second, "ticket.limit");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  ck_assert(tu_daemon_log_has(&d, "reason=tickets_per_day"));
  /* The notice named the limit. */
  ck_assert_int_eq(tu_say(&d, n, "KIRIM", NULL, &r), 0);
  ck_assert(tu_is(&r, r.n - 1, "ticket.limit"));
  ck_assert(tu_has(&r, " 1 "));
  tu_replies_free(&r);
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 1);
  /* Someone else is not held back by it. */
  report(&d, "081290000002", "Lurah Oebobo", second, "ticket.created");
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets"), 2);

  /* The next WITA day the same reporter is heard again. */
  tu_expect(&d, n, "MENU", "menu");
  ck_assert_int_eq(tu_daemon_advance(&d, 24LL * 3600 * 1000), 0);
  {
    char third[400];
    tu_story(303, third, sizeof(third));
    report(&d, n, "Camat Maulafa", third, "ticket.created");
  }
  ck_assert_int_eq(tu_db_int(&d, "SELECT count(*) FROM tickets t JOIN "
                                 "reporters r ON r.id = t.reporter_id WHERE "
                                 "r.phone = '+6281290000001'"), 2);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
limits_suite(void)
{
  Suite *s = suite_create("limits");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, connection_cap_turns_the_next_away);
  tcase_add_test(tc, slow_loris_is_cut);
  tcase_add_test(tc, idle_keep_alive_is_cut);
  tcase_add_test(tc, slow_body_is_cut);
  tcase_add_test(tc, per_client_cap_turns_the_next_away);
  tcase_add_test(tc, tickets_per_day_cap);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(limits_suite)
