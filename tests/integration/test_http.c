/*
 * test_http.c: the real aduand over loopback HTTP: limits, errors,
 * framing, pipelining, timeouts, idempotent webhooks, graceful stop.
 */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>

#include "testutil.h"
#include "tu_conv.h"
#include "tu_daemon.h"
#include "tu_pg.h"

static int
count_rows(struct tu_daemon *d, const char *sql)
{
  return (int)tu_db_int(d, sql);
}

START_TEST(healthz_answers)
{
  struct tu_daemon d;
  struct tu_resp r;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  ck_assert_int_eq(tu_http(d.port, "GET", "/healthz", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_ptr_nonnull(strstr(r.body, "\"ok\""));
  tu_resp_free(&r);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(dev_message_gets_reply)
{
  struct tu_daemon d;
  struct tu_resp r;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  ck_assert_int_eq(tu_dev_say(d.port, "081234567890", "halo", "m1", &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_ptr_nonnull(strstr(r.body, "\"replies\":["));
  ck_assert_ptr_nonnull(strstr(r.head, "application/json"));
  tu_resp_free(&r);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM inbound"), 1);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM outbox"), 1);
  /* The log masks the number and never carries the text at info. */
  ck_assert(tu_daemon_log_has(&d, "from=+62812****7890"));
  ck_assert(tu_daemon_log_has(&d, "path=/webhook/dev status=200"));
  ck_assert(!tu_daemon_log_now(&d, "081234567890"));
  ck_assert(!tu_daemon_log_now(&d, "+6281234567890"));
  ck_assert(!tu_daemon_log_now(&d, "halo"));
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(body_over_limit_is_413)
{
  struct tu_daemon d;
  struct tu_resp r;
  char *big = malloc(300 * 1024);

  memset(big, 'a', 300 * 1024 - 1);
  big[300 * 1024 - 1] = '\0';
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  ck_assert_int_eq(tu_http(d.port, "POST", "/webhook/dev", "application/json",
                           big, &r), 0);
  ck_assert_int_eq(r.status, 413);
  ck_assert_ptr_nonnull(strstr(r.body, "\"error\""));
  tu_resp_free(&r);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM inbound"), 0);
  free(big);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(malformed_json_is_400)
{
  static const char *const bodies[] = {
    "{\"from\": \"081234567890\", \"text\": ",   /* cut short */
    "not json at all",
    "[1,2,3]",                                   /* not an object */
    "{\"text\": \"halo\"}",                      /* no from */
    "{\"from\": \"halo\", \"text\": \"x\"}",     /* from not a number */
    "{\"from\": \"081234567890\"}",              /* nothing said */
    "{\"from\": \"081234567890\", \"text\": 5}", /* wrong type */
    "{\"from\": \"081234567890\", \"text\": \"\xff\xfe\"}", /* bad UTF-8 */
    "",
  };
  struct tu_daemon d;
  struct tu_resp r;
  size_t i;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i < sizeof(bodies) / sizeof(bodies[0]); i++) {
    ck_assert_int_eq(tu_http(d.port, "POST", "/webhook/dev",
                             "application/json", bodies[i], &r), 0);
    ck_assert_msg(r.status == 400, "body %zu: status %d", i, r.status);
    ck_assert_ptr_nonnull(strstr(r.body, "\"error\""));
    tu_resp_free(&r);
  }
  /* Wrong content type. */
  ck_assert_int_eq(tu_http(d.port, "POST", "/webhook/dev", "text/plain",
                           "{\"from\":\"081234567890\",\"text\":\"x\"}", &r),
                   0);
  ck_assert_int_eq(r.status, 400);
  tu_resp_free(&r);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM inbound"), 0);
  /* Every error is logged with its request id. */
  ck_assert(tu_daemon_log_has(&d, "event=webhook.bad_request req="));
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(unknown_channel_is_404_and_method_405)
{
  struct tu_daemon d;
  struct tu_resp r;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  ck_assert_int_eq(tu_http(d.port, "POST", "/webhook/nope",
                           "application/json", "{}", &r), 0);
  ck_assert_int_eq(r.status, 404);
  tu_resp_free(&r);
  ck_assert_int_eq(tu_http(d.port, "GET", "/elsewhere", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 404);
  tu_resp_free(&r);
  ck_assert_int_eq(tu_http(d.port, "GET", "/webhook/dev", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 405);
  tu_resp_free(&r);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(one_byte_writes_are_parsed)
{
  const char *body = "{\"from\":\"081234567890\",\"text\":\"pelan\","
                     "\"id\":\"slow-1\"}";
  struct tu_daemon d;
  struct tu_conn c;
  struct tu_resp r;
  char req[512];
  size_t i, n;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  n = (size_t)snprintf(req, sizeof(req),
                       "POST /webhook/dev HTTP/1.1\r\nHost: x\r\n"
                       "Content-Type: application/json\r\n"
                       "Content-Length: %zu\r\n\r\n%s", strlen(body), body);
  ck_assert_int_eq(tu_conn_open(&c, d.port), 0);
  for (i = 0; i < n; i++)
    ck_assert_int_eq(tu_conn_send(&c, req + i, 1), 0);
  ck_assert_int_eq(tu_conn_read(&c, &r), 0);
  ck_assert_int_eq(r.status, 200);
  ck_assert_ptr_nonnull(strstr(r.body, "\"replies\":[\""));
  tu_resp_free(&r);
  tu_conn_close(&c);
  tu_daemon_cleanup(&d);
}
END_TEST

/*
 * Three messages of one reporter in one write: they must be handled in
 * order (the second answer is the category question only if "Halo" came
 * first) and answered in order, followed by a health check.
 */
START_TEST(pipelined_requests_in_order)
{
  static const char *const says[] = {"Halo", "1", "3"};
  static const char *const keys[] = {"menu", "ask.kategori", "ask.terlapor"};
  struct tu_daemon d;
  struct tu_conn c;
  struct tu_resp r;
  char req[2048];
  size_t n = 0;
  int i;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i < 3; i++) {
    char body[128];
    int blen = snprintf(body, sizeof(body),
                        "{\"from\":\"081234567890\",\"text\":\"%s\","
                        "\"id\":\"p%d\"}", says[i], i);
    n += (size_t)snprintf(req + n, sizeof(req) - n,
                          "POST /webhook/dev HTTP/1.1\r\nHost: x\r\n"
                          "Content-Type: application/json\r\n"
                          "Content-Length: %d\r\n\r\n%s", blen, body);
  }
  n += (size_t)snprintf(req + n, sizeof(req) - n,
                        "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  ck_assert_int_eq(tu_conn_open(&c, d.port), 0);
  ck_assert_int_eq(tu_conn_send(&c, req, n), 0);
  for (i = 0; i < 3; i++) {
    char *want;
    ck_assert_int_eq(tu_conn_read(&c, &r), 0);
    ck_assert_int_eq(r.status, 200);
    want = tu_json_str(tu_text(keys[i]));
    ck_assert_msg(strstr(r.body, want) != NULL, "answer %d: %s", i, r.body);
    free(want);
    tu_resp_free(&r);
  }
  ck_assert_int_eq(tu_conn_read(&c, &r), 0);
  ck_assert_ptr_nonnull(strstr(r.body, "\"ok\""));
  tu_resp_free(&r);
  tu_conn_close(&c);
  tu_daemon_cleanup(&d);
}
END_TEST

START_TEST(half_header_is_cut)
{
  struct tu_daemon d;
  struct tu_conn c;
  const char *half = "POST /webhook/dev HTTP/1.1\r\nHost: x\r\nContent-";

  /* The test config sets header_timeout = 2s. */
  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  ck_assert_int_eq(tu_conn_open(&c, d.port), 0);
  ck_assert_int_eq(tu_conn_send(&c, half, strlen(half)), 0);
  ck_assert_int_eq(tu_conn_wait_closed(&c, 8000), 1);
  tu_conn_close(&c);
  /* The daemon still serves others. */
  {
    struct tu_resp r;
    ck_assert_int_eq(tu_http(d.port, "GET", "/healthz", NULL, NULL, &r), 0);
    ck_assert_int_eq(r.status, 200);
    tu_resp_free(&r);
  }
  tu_daemon_cleanup(&d);
}
END_TEST

/*
 * "sekali" from +6281234567890 with provider id, then the same id again
 * from from (saying text): both are answered 200 with the same replies,
 * one inbound and one reporter row stand, and the repeat is logged.
 */
static void
say_same_id_twice(struct tu_daemon *d, const char *id, const char *from,
                  const char *text)
{
  struct tu_resp a, b;

  ck_assert_int_eq(tu_dev_say(d->port, "+6281234567890", "sekali", id, &a),
                   0);
  ck_assert_int_eq(tu_dev_say(d->port, from, text, id, &b), 0);
  ck_assert_int_eq(a.status, 200);
  ck_assert_int_eq(b.status, 200);
  /* The repeat answers the same replies again. */
  ck_assert_str_eq(a.body, b.body);
  ck_assert_int_eq(count_rows(d, "SELECT count(*) FROM inbound"), 1);
  ck_assert_int_eq(count_rows(d, "SELECT count(*) FROM reporters"), 1);
  ck_assert(tu_daemon_log_has(d, "event=message.duplicate"));
  tu_resp_free(&a);
  tu_resp_free(&b);
}

START_TEST(same_id_twice_is_stored_once)
{
  struct tu_daemon d;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  say_same_id_twice(&d, "dup-1", "081234567890", "sekali");
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM outbox"), 1);
  tu_daemon_cleanup(&d);
}
END_TEST

/* A repeated id from another sender is the same message delivered
 * again: it changes nothing, and no reporter row is made for the sender
 * it now names. */
START_TEST(same_id_from_another_sender_adds_no_reporter)
{
  struct tu_daemon d;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  say_same_id_twice(&d, "dup-2", "+6281298765432", "lain");
  tu_daemon_cleanup(&d);
}
END_TEST

#define STOP_CLIENTS 40

/*
 * SIGTERM while requests are half received: the daemon stops accepting,
 * reads the rest of each request, commits and answers every one, then
 * exits 0.  Nothing received is lost.
 */
START_TEST(sigterm_finishes_requests_in_flight)
{
  struct tu_daemon d;
  struct tu_conn c[STOP_CLIENTS];
  struct tu_resp r;
  char body[STOP_CLIENTS][160];
  int blen[STOP_CLIENTS], i, status = -1;
  size_t mark;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i < STOP_CLIENTS; i++) {
    char head[256];
    int n;
    blen[i] = snprintf(body[i], sizeof(body[i]),
                       "{\"from\":\"0812345678%02d\",\"text\":\"Halo\","
                       "\"id\":\"stop-%d\"}", i, i);
    n = snprintf(head, sizeof(head),
                 "POST /webhook/dev HTTP/1.1\r\nHost: x\r\n"
                 "Content-Type: application/json\r\n"
                 "Content-Length: %d\r\n\r\n", blen[i]);
    ck_assert_int_eq(tu_conn_open(&c[i], d.port), 0);
    ck_assert_int_eq(tu_conn_send(&c[i], head, (size_t)n), 0);
    ck_assert_int_eq(tu_conn_send(&c[i], body[i], 10), 0);
  }
  /* One answered request after them: the daemon has read what came
   * before it. */
  ck_assert_int_eq(tu_http(d.port, "GET", "/healthz", NULL, NULL, &r), 0);
  ck_assert_int_eq(r.status, 200);
  tu_resp_free(&r);

  mark = tu_daemon_mark(&d);
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  ck_assert_int_eq(tu_daemon_wait_log(&d, mark, "event=server.stopping",
                                      10000), 0);
  /* New connections are refused now... */
  {
    struct tu_conn late;
    int refused = tu_conn_open(&late, d.port) != 0;
    if (!refused) {
      refused = tu_conn_wait_closed(&late, 5000);
      tu_conn_close(&late);
    }
    ck_assert(refused);
  }
  /* ...while the requests under way are finished and answered. */
  for (i = 0; i < STOP_CLIENTS; i++) {
    ck_assert_int_eq(tu_conn_send(&c[i], body[i] + 10,
                                  (size_t)blen[i] - 10), 0);
  }
  for (i = 0; i < STOP_CLIENTS; i++) {
    ck_assert_msg(tu_conn_read(&c[i], &r) == 0, "request %d unanswered", i);
    ck_assert_int_eq(r.status, 200);
    ck_assert_ptr_nonnull(strstr(r.head, "Connection: close"));
    tu_resp_free(&r);
    tu_conn_close(&c[i]);
  }
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 20000, &status), 0);
  ck_assert(WIFEXITED(status));
  ck_assert_int_eq(WEXITSTATUS(status), 0);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM inbound"),
                   STOP_CLIENTS);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM outbox"),
                   STOP_CLIENTS);
  /* SQLite's file is whole (PostgreSQL's server keeps its own). */
  if (!tu_store_pg())
    ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM "
                                    "pragma_integrity_check WHERE "
                                    "integrity_check = 'ok'"), 1);
  ck_assert(tu_daemon_log_has(&d, "event=server.stopped"));
  tu_daemon_cleanup(&d);
}
END_TEST

/*
 * SIGTERM racing with complete requests: whatever the daemon answered
 * 200 is stored, and whatever it stored it answered.
 */
START_TEST(sigterm_race_answers_only_what_it_stored)
{
  struct tu_daemon d;
  struct tu_conn c[STOP_CLIENTS];
  int ok = 0, i, status = -1;

  ck_assert_int_eq(tu_daemon_start(&d, NULL), 0);
  for (i = 0; i < STOP_CLIENTS; i++) {
    char body[160], req[512];
    int blen = snprintf(body, sizeof(body),
                        "{\"from\":\"0812345678%02d\",\"text\":\"t\","
                        "\"id\":\"race-%d\"}", i, i);
    int n = snprintf(req, sizeof(req),
                     "POST /webhook/dev HTTP/1.1\r\nHost: x\r\n"
                     "Content-Type: application/json\r\n"
                     "Content-Length: %d\r\n\r\n%s", blen, body);
    ck_assert_int_eq(tu_conn_open(&c[i], d.port), 0);
    ck_assert_int_eq(tu_conn_send(&c[i], req, (size_t)n), 0);
  }
  ck_assert_int_eq(tu_daemon_kill(&d, SIGTERM), 0);
  for (i = 0; i < STOP_CLIENTS; i++) {
    struct tu_resp r;
    if (tu_conn_read(&c[i], &r) == 0) {
      ck_assert_int_eq(r.status, 200);
      ok++;
      tu_resp_free(&r);
    }
    tu_conn_close(&c[i]);
  }
  ck_assert_int_eq(tu_daemon_wait_exit(&d, 20000, &status), 0);
  ck_assert(WIFEXITED(status));
  ck_assert_int_eq(WEXITSTATUS(status), 0);
  ck_assert_int_eq(count_rows(&d, "SELECT count(*) FROM inbound"), ok);
  tu_daemon_cleanup(&d);
}
END_TEST

static Suite *
http_suite(void)
{
  Suite *s = suite_create("http");
  TCase *tc = tcase_create("daemon");

  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, healthz_answers);
  tcase_add_test(tc, dev_message_gets_reply);
  tcase_add_test(tc, body_over_limit_is_413);
  tcase_add_test(tc, malformed_json_is_400);
  tcase_add_test(tc, unknown_channel_is_404_and_method_405);
  tcase_add_test(tc, one_byte_writes_are_parsed);
  tcase_add_test(tc, pipelined_requests_in_order);
  tcase_add_test(tc, half_header_is_cut);
  tcase_add_test(tc, same_id_twice_is_stored_once);
  tcase_add_test(tc, same_id_from_another_sender_adds_no_reporter);
  tcase_add_test(tc, sigterm_finishes_requests_in_flight);
  tcase_add_test(tc, sigterm_race_answers_only_what_it_stored);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(http_suite)
