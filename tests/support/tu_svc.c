/*
 * tu_svc.c: a service's parts without a server (see tu_svc.h).
 */
#include "tu_svc.h"

#include <check.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/commit.h"
#include "io/curlev.h"
#include "conf/config.h"
#include "base/diag.h"
#include "base/metrics.h"
#include "store/store.h"
#include "fakeprov.h"
#include "testutil.h"

static int64_t
fixed_now(void *arg)
{
  const struct tu_svc *t = arg;

  return t->now;
}

void
tu_svc_open(struct tu_svc *t, int64_t now)
{
  struct store_opts o = {0};
  char err[256], *db;

  memset(t, 0, sizeof(*t));
  t->now = now;
  t->dir = tu_tmpdir();
  ck_assert_ptr_nonnull(t->dir);
  ck_assert_int_eq(uv_loop_init(&t->loop), 0);
  ck_assert_int_eq(config_defaults(&t->cfg), 0);
  o.backend = "sqlite";
  db = tu_path(t->dir, "aduan.db");
  o.path = db;
  o.busy_timeout_ms = 1000;
  ck_assert_msg(store_open(&t->st, &o, err, sizeof(err)) == 0,
                "store_open: %s", err);
  free(db);
  ck_assert_int_eq(metrics_new(&t->metrics), 0);
  ck_assert_int_eq(clock_init(&t->clock, NULL), 0);
  t->clock.now = fixed_now;
  t->clock.arg = t;
  ck_assert_int_eq(commit_new(&t->commit, &t->loop, t->st, t->metrics), 0);
  t->ctx.loop = &t->loop;
  t->ctx.cfg = t->cfg;
  t->ctx.store = t->st;
  t->ctx.metrics = t->metrics;
  t->ctx.clock = &t->clock;
  t->ctx.commit = t->commit;
}

void
tu_svc_open_net(struct tu_svc *t, int64_t now)
{
  tu_svc_open(t, now);
  ck_assert_int_eq(fakeprov_start(&t->fp), 0);
  ck_assert_int_eq(curlev_new(&t->cv, &t->loop), 0);
}

void
tu_svc_open_net_thread(struct tu_svc *t, int64_t now)
{
  tu_svc_open(t, now);
  ck_assert_int_eq(fakeprov_start(&t->fp), 0);
  ck_assert_int_eq(curlev_new_thread(&t->cv, &t->loop), 0);
}

void
tu_svc_close_net(struct tu_svc *t)
{
  curlev_close(t->cv, NULL, NULL);
  fakeprov_stop(t->fp);
  tu_svc_close(t);
}

int64_t
tu_svc_reporter(struct tu_svc *t, const char *phone, int64_t at)
{
  int64_t id = 0;

  ck_assert_int_eq(store_reporter_ensure(t->st, phone, at, &id), 0);
  return id;
}

void
tu_svc_config(struct tu_svc *t, const char *text)
{
  char *path = tu_path(t->dir, "aduand.conf");
  struct config *cfg = NULL;
  struct diag d;
  int rc;

  ck_assert_int_eq(tu_write_file(path, text), 0);
  ck_assert_int_eq(chmod(path, 0600), 0);
  diag_init(&d);
  rc = config_load(path, &cfg, &d);
  ck_assert_msg(rc == 0, "config_load: %s",
                d.text.data != NULL ? d.text.data : "?");
  diag_free(&d);
  free(path);
  config_free(t->cfg);
  t->cfg = cfg;
  t->ctx.cfg = cfg;
}

void
tu_svc_close(struct tu_svc *t)
{
  commit_close(t->commit, NULL, NULL);
  uv_run(&t->loop, UV_RUN_DEFAULT);
  ck_assert_int_eq(uv_loop_close(&t->loop), 0);
  commit_free(t->commit);
  clock_free(&t->clock);
  metrics_free(t->metrics);
  store_close(t->st);
  config_free(t->cfg);
  tu_rmrf(t->dir);
  free(t->dir);
  memset(t, 0, sizeof(*t));
}

static void
on_tick(uv_timer_t *h)
{
  (void)h;
}

/* A timer wakes the loop every few ms, so that done() is asked again
 * even when nothing else happens. */
int
tu_loop_run_until(uv_loop_t *loop, int (*done)(void *arg), void *arg,
                  int timeout_ms)
{
  int64_t until = tu_now_ms() + tu_scaled_ms(timeout_ms);
  uv_timer_t tick;
  int rc = 0;

  uv_timer_init(loop, &tick);
  uv_timer_start(&tick, on_tick, 5, 5);
  while (!done(arg)) {
    if (tu_now_ms() > until) {
      rc = -1;
      break;
    }
    uv_run(loop, UV_RUN_ONCE);
  }
  uv_close((uv_handle_t *)&tick, NULL);
  uv_run(loop, UV_RUN_NOWAIT);
  return rc;
}

int
tu_svc_run_until(struct tu_svc *t, int (*done)(void *arg), void *arg,
                 int timeout_ms)
{
  return tu_loop_run_until(&t->loop, done, arg, timeout_ms);
}

/* A request made from its own thread, so that the loop can answer it. */
struct call {
  int port;
  const char *method, *path, *body;
  struct tu_resp *r;
  int rc;
  volatile int done;
};

static void *
call_thread(void *arg)
{
  struct call *c = arg;

  c->rc = tu_http(c->port, c->method, c->path,
                  c->body != NULL ? "application/json" : NULL, c->body,
                  c->r);
  __atomic_store_n(&c->done, 1, __ATOMIC_RELEASE);
  return NULL;
}

static int
call_done(void *arg)
{
  struct call *c = arg;

  return __atomic_load_n(&c->done, __ATOMIC_ACQUIRE);
}

int
tu_svc_http(struct tu_svc *t, int port, const char *method, const char *path,
            const char *body, struct tu_resp *r)
{
  struct call c = {port, method, path, body, r, -1, 0};
  pthread_t th;

  memset(r, 0, sizeof(*r));
  ck_assert_int_eq(pthread_create(&th, NULL, call_thread, &c), 0);
  if (tu_svc_run_until(t, call_done, &c, 10000) != 0) {
    pthread_join(th, NULL);
    return -1;
  }
  pthread_join(th, NULL);
  return c.rc;
}
