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
#include <pthread.h>
#include <semaphore.h>
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
  /* pipelined: a sync that waits for the gate, and what ran meanwhile */
  sem_t gate;
  volatile int syncs;        /* syncs begun (worker thread) */
  int answered_at_second;    /* commit_answered() when /second ran */
  int syncs_at_second;
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
  else if (strcmp(req->path, "/second") == 0) {
    /* The loop runs this while the first batch syncs: open the gate. */
    f->answered_at_second = (int)commit_answered(f->t.commit);
    f->syncs_at_second = __atomic_load_n(&f->syncs, __ATOMIC_ACQUIRE);
    sem_post(&f->gate);
  } else if (strcmp(req->path, "/bad") == 0)
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

/* The worker's sync: wait for the gate, which stays open afterwards. */
static int
gated_sync(void *arg)
{
  struct fx *f = arg;

  __atomic_add_fetch(&f->syncs, 1, __ATOMIC_ACQ_REL);
  sem_wait(&f->gate);
  sem_post(&f->gate);
  return 0;
}

struct client {
  int port;
  const char *path;
  struct tu_resp r;
  int rc;
  volatile int done;
};

static void *
client_thread(void *arg)
{
  struct client *c = arg;

  c->rc = tu_http(c->port, "POST", c->path, "application/json", "{}", &c->r);
  __atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static int
client_done(void *arg)
{
  return __atomic_load_n(&((struct client *)arg)->done, __ATOMIC_ACQUIRE);
}

static int
first_syncing(void *arg)
{
  return __atomic_load_n(&((struct fx *)arg)->syncs, __ATOMIC_ACQUIRE) > 0;
}

/* While a batch syncs, the loop takes the next request and does its work
 * in a new batch; the first is answered only once its sync returned, the
 * second only after a sync of its own. */
START_TEST(the_loop_works_while_a_batch_syncs)
{
  struct client a = {fx.port, "/ok", {0}, -1, 0};
  struct client b = {fx.port, "/second", {0}, -1, 0};
  pthread_t ta, tb;

  ck_assert_int_eq(sem_init(&fx.gate, 0, 0), 0);
  commit_set_sync(fx.t.commit, gated_sync, &fx);
  ck_assert_int_eq(pthread_create(&ta, NULL, client_thread, &a), 0);
  ck_assert_int_eq(tu_svc_run_until(&fx.t, first_syncing, &fx, 10000), 0);
  ck_assert_int_eq(commit_waiting(fx.t.commit), 1);
  ck_assert_int_eq(commit_syncing(fx.t.commit), 1);
  ck_assert_int_eq(client_done(&a), 0);

  ck_assert_int_eq(pthread_create(&tb, NULL, client_thread, &b), 0);
  ck_assert_int_eq(tu_svc_run_until(&fx.t, client_done, &b, 10000), 0);
  ck_assert_int_eq(tu_svc_run_until(&fx.t, client_done, &a, 10000), 0);
  pthread_join(ta, NULL);
  pthread_join(tb, NULL);
  ck_assert_int_eq(a.r.status, 200);
  ck_assert_int_eq(b.r.status, 200);
  /* /second ran on the loop while the first sync was still waiting. */
  ck_assert_int_eq(fx.answered_at_second, 0);
  ck_assert_int_eq(fx.syncs_at_second, 1);
  ck_assert_int_eq(__atomic_load_n(&fx.syncs, __ATOMIC_ACQUIRE), 2);
  ck_assert_uint_eq(commit_answered(fx.t.commit), 2);
  ck_assert_int_eq(fx.calls, 2);
  tu_resp_free(&a.r);
  tu_resp_free(&b.r);
  sem_destroy(&fx.gate);
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
  tcase_add_test(tc, the_loop_works_while_a_batch_syncs);
  suite_add_tcase(s, tc);
  return s;
}

UNIT_MAIN(commit_suite)
