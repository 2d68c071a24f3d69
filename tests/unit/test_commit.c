/*
 * test_commit.c: the group commit on its own (commit.h): a loop, a
 * temporary store, an httpd whose handler does its work in the open batch
 * and waits on the commit module, and a client on another thread.
 *
 * The handler reads what to do from the path: "/ok" waits with no flag,
 * "/queued" and "/media" flag the sender and the downloader, "/bad"
 * leaves a row that breaks a deferred foreign key, so that the commit
 * fails.
 */
#include <sqlite3.h>
#include <stdlib.h>
#include <string.h>

#include "io/commit.h"
#include "io/httpd.h"
#include "store/store.h"
#include "store/store_internal.h"
#include "testutil.h"
#include "tu_svc.h"

struct fx {
  struct tu_svc t;
  struct httpd *h;
  int port;
  int calls;                 /* committed() calls */
  unsigned flags;            /* what the last one was told */
  int batch_open;            /* the batch was open during committed() */
  int turns;
};

static struct fx fx;

static void
on_request(struct httpd_request *req, void *arg)
{
  struct fx *f = arg;
  struct sqlite3 *db = store_sqlite_handle(f->t.st);
  unsigned flags = 0;

  ck_assert_int_eq(store_batch_begin(f->t.st), 0);
  if (strcmp(req->path, "/queued") == 0)
    flags = COMMIT_QUEUED;
  else if (strcmp(req->path, "/media") == 0)
    flags = COMMIT_MEDIA;
  else if (strcmp(req->path, "/bad") == 0)
    ck_assert_int_eq(sqlite3_exec(db, "INSERT INTO tc(p) VALUES (42)", NULL,
                                  NULL, NULL), SQLITE_OK);
  commit_defer(f->t.commit, req, "{\"done\":1}", flags);
}

static void
on_committed(void *arg, unsigned flags)
{
  struct fx *f = arg;

  f->calls++;
  f->flags = flags;
  f->batch_open = store_batch_open(f->t.st);
}

static void
on_turn(void *arg)
{
  ((struct fx *)arg)->turns++;
}

static void
setup(void)
{
  struct httpd_opts o;
  struct commit_hooks hooks = {on_committed, on_turn, &fx};

  memset(&fx, 0, sizeof(fx));
  tu_svc_open(&fx.t, 1773540000000LL);
  ck_assert_int_eq(sqlite3_exec(store_sqlite_handle(fx.t.st),
                                "CREATE TABLE tp(id INTEGER PRIMARY KEY);"
                                "CREATE TABLE tc(p INTEGER REFERENCES tp(id)"
                                " DEFERRABLE INITIALLY DEFERRED)",
                                NULL, NULL, NULL), SQLITE_OK);
  httpd_opts_default(&o);
  ck_assert_int_eq(httpd_new(&fx.h, &fx.t.loop, &o, on_request, &fx), 0);
  ck_assert_int_eq(httpd_listen(fx.h, "127.0.0.1", 0), 0);
  fx.port = httpd_port(fx.h);
  commit_set_hooks(fx.t.commit, &hooks);
  commit_start(fx.t.commit);
}

static void
teardown(void)
{
  httpd_close(fx.h, NULL, NULL);
  tu_svc_close(&fx.t);
}

/* One request; its answer's status. */
static int
call(const char *path, struct tu_resp *r)
{
  ck_assert_int_eq(tu_svc_http(&fx.t, fx.port, "POST", path, "{}", r), 0);
  return r->status;
}

START_TEST(answers_after_the_commit)
{
  static const struct {
    const char *path;
    unsigned flags;
  } cases[] = {
    {"/ok", 0}, {"/queued", COMMIT_QUEUED}, {"/media", COMMIT_MEDIA},
  };
  size_t i;

  for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
    struct tu_resp r;
    int before = fx.calls;
    ck_assert_int_eq(call(cases[i].path, &r), 200);
    ck_assert_str_eq(r.body, "{\"done\":1}");
    tu_resp_free(&r);
    ck_assert_int_eq(fx.calls, before + 1);
    ck_assert_uint_eq(fx.flags, cases[i].flags);
    ck_assert_int_eq(fx.batch_open, 0);
    ck_assert_uint_eq(commit_answered(fx.t.commit), i + 1);
  }
  ck_assert_int_eq(commit_waiting(fx.t.commit), 0);
  ck_assert_int_gt(fx.turns, 0);
}
END_TEST

START_TEST(a_failed_commit_answers_503)
{
  struct tu_resp r;

  ck_assert_int_eq(call("/bad", &r), 503);
  ck_assert_ptr_nonnull(strstr(r.body, "retry later"));
  tu_resp_free(&r);
  ck_assert_int_eq(fx.calls, 0);
  ck_assert_uint_eq(commit_answered(fx.t.commit), 1);
  ck_assert_int_eq(commit_waiting(fx.t.commit), 0);
}
END_TEST

START_TEST(nothing_answered_twice)
{
  struct tu_resp r;

  ck_assert_int_eq(call("/queued", &r), 200);
  tu_resp_free(&r);
  /* The list is empty now: more commits answer nobody again. */
  ck_assert_int_eq(commit_now(fx.t.commit), 0);
  ck_assert_int_eq(commit_now(fx.t.commit), 0);
  ck_assert_uint_eq(commit_answered(fx.t.commit), 1);
  ck_assert_int_eq(fx.calls, 1);
}
END_TEST

static Suite *
commit_suite(void)
{
  Suite *s = suite_create("commit");
  TCase *tc = tcase_create("core");

  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, answers_after_the_commit);
  tcase_add_test(tc, a_failed_commit_answers_503);
  tcase_add_test(tc, nothing_answered_twice);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(commit_suite)
