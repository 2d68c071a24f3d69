/*
 * test_curlev.c: libcurl's multi interface on the loop (curlev.h), both
 * drivers: on the caller's loop, and on a thread of its own.  Each case
 * runs for both (loop test index 0: no thread, 1: a thread), against the
 * fake provider on 127.0.0.1.
 */
#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "fakeprov.h"
#include "io/curlev.h"
#include "testutil.h"
#include "tu_svc.h"

struct got {
  int done;                   /* done calls */
  CURLcode result;
  long status;
  int wrong_thread;           /* done called off the owner's thread */
};

struct fix {
  uv_loop_t loop;
  struct fakeprov *fp;
  struct curlev *cv;
  pthread_t owner;
  int closed;                 /* curlev_close's cb calls */
};

static struct fix f;

static void
open_fix(int threaded)
{
  memset(&f, 0, sizeof(f));
  ck_assert_int_eq(uv_loop_init(&f.loop), 0);
  ck_assert_int_eq(fakeprov_start(&f.fp), 0);
  fakeprov_default(f.fp, 200, "{\"ok\":{n}}");
  if (threaded)
    ck_assert_int_eq(curlev_new_thread(&f.cv, &f.loop), 0);
  else
    ck_assert_int_eq(curlev_new(&f.cv, &f.loop), 0);
  f.owner = pthread_self();
}

static void
on_closed(void *arg)
{
  (*(int *)arg)++;
}

static void
close_fix(void)
{
  if (f.cv != NULL)
    curlev_close(f.cv, on_closed, &f.closed);
  uv_run(&f.loop, UV_RUN_DEFAULT);
  ck_assert_int_eq(f.closed, 1);
  ck_assert_int_eq(uv_loop_close(&f.loop), 0);
  fakeprov_stop(f.fp);
}

static size_t
on_body(char *p, size_t size, size_t n, void *arg)
{
  (void)p;
  (void)arg;
  return size * n;
}

static CURL *
easy_for(const char *path, struct got *g)
{
  CURL *easy = curl_easy_init();
  char *url = fakeprov_url(f.fp, path);

  ck_assert_ptr_nonnull(easy);
  curl_easy_setopt(easy, CURLOPT_URL, url);
  curl_easy_setopt(easy, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(easy, CURLOPT_TIMEOUT_MS, 10000L);
  curl_easy_setopt(easy, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(easy, CURLOPT_WRITEDATA, g);
  free(url);
  return easy;
}

static void
on_done(CURL *easy, CURLcode result, void *arg)
{
  struct got *g = arg;

  g->done++;
  g->result = result;
  if (!pthread_equal(pthread_self(), f.owner))
    g->wrong_thread++;
  if (result == CURLE_OK)
    curl_easy_getinfo(easy, CURLINFO_RESPONSE_CODE, &g->status);
  curl_easy_cleanup(easy);
}

/* Run the owner's loop until done(arg); 0, or -1 after timeout_ms. */
static int
run_until(int (*done)(void *arg), void *arg, int timeout_ms)
{
  return tu_loop_run_until(&f.loop, done, arg, timeout_ms);
}

#define N 24

static int
all_done(void *arg)
{
  const struct got *g = arg;
  int i;

  for (i = 0; i < N; i++)
    if (g[i].done == 0)
      return 0;
  return 1;
}

static int
all_done_one(void *arg)
{
  return ((const struct got *)arg)->done > 0;
}

static int
provider_has(void *arg)
{
  return fakeprov_count(f.fp) >= *(const int *)arg;
}

/* Transfers run and end; each owner hears once, on the owner's thread. */
START_TEST(transfers_end_on_owner)
{
  struct got g[N];
  int i;

  open_fix(_i);
  memset(g, 0, sizeof(g));
  for (i = 0; i < N; i++)
    ck_assert_int_eq(curlev_add(f.cv, easy_for("/send", &g[i]), on_done,
                                &g[i]), 0);
  ck_assert_int_eq(curlev_running(f.cv), N);
  /* Never told from inside curlev_add. */
  for (i = 0; i < N; i++)
    ck_assert_int_eq(g[i].done, 0);
  ck_assert_int_eq(run_until(all_done, g, 10000), 0);
  for (i = 0; i < N; i++) {
    ck_assert_int_eq(g[i].done, 1);
    ck_assert_int_eq(g[i].result, CURLE_OK);
    ck_assert_int_eq(g[i].status, 200);
    ck_assert_int_eq(g[i].wrong_thread, 0);
  }
  ck_assert_int_eq(curlev_running(f.cv), 0);
  ck_assert_int_eq(fakeprov_count(f.fp), N);
  close_fix();
}
END_TEST

/* A transfer stopped while the provider holds it: its owner is not told,
 * the handle is the caller's again; one not running: -ENOENT. */
START_TEST(remove_running)
{
  struct got held = {0}, other = {0};
  CURL *easy, *stranger = curl_easy_init();
  int one = 1;

  open_fix(_i);
  easy = easy_for("/held", &held);
  fakeprov_hold(f.fp, "/held");
  ck_assert_int_eq(curlev_add(f.cv, easy, on_done, &held), 0);
  ck_assert_int_eq(run_until(provider_has, &one, 10000), 0);
  ck_assert_int_eq(curlev_remove(f.cv, easy), 0);
  ck_assert_int_eq(curlev_running(f.cv), 0);
  ck_assert_int_eq(curlev_remove(f.cv, easy), -ENOENT);
  ck_assert_int_eq(curlev_remove(f.cv, stranger), -ENOENT);
  fakeprov_release(f.fp);
  /* Another transfer ends; the stopped one was never told. */
  ck_assert_int_eq(curlev_add(f.cv, easy_for("/send", &other), on_done,
                              &other), 0);
  ck_assert_int_eq(run_until(all_done_one, &other, 10000), 0);
  ck_assert_int_eq(held.done, 0);
  curl_easy_cleanup(easy);
  curl_easy_cleanup(stranger);
  close_fix();
}
END_TEST

/* A transfer stopped before it started is never sent. */
START_TEST(remove_before_start)
{
  struct got g = {0}, other = {0};
  CURL *easy;

  open_fix(_i);
  easy = easy_for("/never", &g);
  ck_assert_int_eq(curlev_add(f.cv, easy, on_done, &g), 0);
  ck_assert_int_eq(curlev_remove(f.cv, easy), 0);
  ck_assert_int_eq(curlev_add(f.cv, easy_for("/send", &other), on_done,
                              &other), 0);
  ck_assert_int_eq(run_until(all_done_one, &other, 10000), 0);
  ck_assert_int_eq(g.done, 0);
  ck_assert_int_eq(fakeprov_count(f.fp), 1);
  curl_easy_cleanup(easy);
  close_fix();
}
END_TEST

/* Closing aborts the transfers still running, telling their owners from
 * inside curlev_close; its cb comes once everything is closed. */
START_TEST(close_aborts)
{
  struct got g[3];
  int i, three = 3;

  open_fix(_i);
  memset(g, 0, sizeof(g));
  fakeprov_hold(f.fp, "/held");
  for (i = 0; i < 3; i++)
    ck_assert_int_eq(curlev_add(f.cv, easy_for("/held", &g[i]), on_done,
                                &g[i]), 0);
  ck_assert_int_eq(run_until(provider_has, &three, 10000), 0);
  curlev_close(f.cv, on_closed, &f.closed);
  f.cv = NULL;
  for (i = 0; i < 3; i++) {
    ck_assert_int_eq(g[i].done, 1);
    ck_assert_int_eq(g[i].result, CURLE_ABORTED_BY_CALLBACK);
    ck_assert_int_eq(g[i].wrong_thread, 0);
  }
  fakeprov_release(f.fp);
  close_fix();
}
END_TEST

/* Connections kept: transfers one after another use one connection. */
START_TEST(keeps_connections)
{
  struct got g[4];
  struct fp_request r0, r;
  int i;

  open_fix(_i);
  memset(g, 0, sizeof(g));
  curlev_keep_connections(f.cv, 2);
  for (i = 0; i < 4; i++) {
    ck_assert_int_eq(curlev_add(f.cv, easy_for("/send", &g[i]), on_done,
                                &g[i]), 0);
    ck_assert_int_eq(run_until(all_done_one, &g[i], 10000), 0);
    ck_assert_int_eq(g[i].result, CURLE_OK);
  }
  ck_assert_int_eq(fakeprov_request(f.fp, 0, &r0), 0);
  for (i = 1; i < 4; i++) {
    ck_assert_int_eq(fakeprov_request(f.fp, i, &r), 0);
    ck_assert_str_eq(r.peer, r0.peer);
    fp_request_free(&r);
  }
  fp_request_free(&r0);
  close_fix();
}
END_TEST

static Suite *
suite(void)
{
  Suite *s = suite_create("curlev");
  TCase *tc = tcase_create("core");

  tcase_set_timeout(tc, 60);
  tcase_add_loop_test(tc, transfers_end_on_owner, 0, 2);
  tcase_add_loop_test(tc, remove_running, 0, 2);
  tcase_add_loop_test(tc, remove_before_start, 0, 2);
  tcase_add_loop_test(tc, close_aborts, 0, 2);
  tcase_add_loop_test(tc, keeps_connections, 0, 2);
  suite_add_tcase(s, tc);
  return s;
}

int
main(void)
{
  SRunner *sr = srunner_create(suite());
  int failed;

  curl_global_init(CURL_GLOBAL_DEFAULT);
  srunner_run_all(sr, CK_NORMAL);
  failed = srunner_ntests_failed(sr);
  srunner_free(sr);
  curl_global_cleanup();
  return failed == 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
