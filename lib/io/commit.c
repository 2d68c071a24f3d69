/*
 * commit.c: the group commit (see commit.h).
 */
#include "io/commit.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

#include "base/err.h"
#include "io/httpd.h"
#include "base/log.h"
#include "base/metrics.h"
#include "store/store.h"

struct commit {
  uv_loop_t *loop;
  struct store *store;
  struct metrics *metrics;
  uv_prepare_t prepare;
  struct commit_hooks hooks;
  struct commit_wait *head;      /* requests waiting for the commit */
  struct commit_wait *tail;
  int nwait;
  uint64_t answered;
  void (*close_cb)(void *arg);
  void *close_arg;
};

static void
on_prepare(uv_prepare_t *h)
{
  struct commit *c = h->data;

  commit_now(c);
  if (c->hooks.turn != NULL)
    c->hooks.turn(c->hooks.arg);
}

int
commit_new(struct commit **out, uv_loop_t *loop, struct store *st,
           struct metrics *m)
{
  struct commit *c = calloc(1, sizeof(*c));

  *out = NULL;
  if (c == NULL)
    return -ENOMEM;
  c->loop = loop;
  c->store = st;
  c->metrics = m;
  uv_prepare_init(loop, &c->prepare);
  c->prepare.data = c;
  *out = c;
  return 0;
}

void
commit_set_hooks(struct commit *c, const struct commit_hooks *h)
{
  c->hooks = *h;
}

void
commit_start(struct commit *c)
{
  uv_prepare_start(&c->prepare, on_prepare);
}

/* Answer w after a commit that returned rc, and free it. */
static void
answer(struct commit *c, struct commit_wait *w, int rc)
{
  if (rc == 0) {
    metrics_observe_latency(c->metrics, (double)(uv_now(c->loop) -
                                                 w->req->started_ms) /
                                          1000.0);
    httpd_respond(w->req, 200, w->ctype, NULL, w->body.data, w->body.len);
  } else {
    httpd_respond_error(w->req, 503, "temporarily unavailable, retry later");
  }
  c->answered++;
  commit_wait_free(w);
}

int
commit_now(struct commit *c)
{
  struct commit_wait *w, *next;
  unsigned flags = 0;
  int batch = store_batch_open(c->store), rc = 0;

  if (c->head == NULL && !batch)
    return 0;
  if (batch)
    rc = store_batch_commit(c->store);
  if (rc != 0)
    log_error("event=store.commit_failed err=%s msg=%s", err_name(rc),
              store_errmsg(c->store));
  for (w = c->head; w != NULL; w = next) {
    next = w->next;
    if (rc == 0)
      flags |= w->flags & (COMMIT_QUEUED | COMMIT_MEDIA);
    answer(c, w, rc);
  }
  c->head = c->tail = NULL;
  c->nwait = 0;
  if (rc != 0)
    return rc;
  if (store_evidence_dropped_since(c->store))
    flags |= COMMIT_DROPPED;
  if (c->hooks.committed != NULL)
    c->hooks.committed(c->hooks.arg, flags);
  return 0;
}

struct commit_wait *
commit_wait_new(struct httpd_request *req)
{
  struct commit_wait *w = calloc(1, sizeof(*w));

  if (w == NULL)
    return NULL;
  buf_init(&w->body, 0);
  w->req = req;
  w->ctype = "application/json";
  return w;
}

void
commit_wait_free(struct commit_wait *w)
{
  if (w == NULL)
    return;
  buf_free(&w->body);
  free(w);
}

void
commit_queue(struct commit *c, struct commit_wait *w)
{
  w->next = NULL;
  if (c->tail != NULL)
    c->tail->next = w;
  else
    c->head = w;
  c->tail = w;
  c->nwait++;
}

void
commit_defer(struct commit *c, struct httpd_request *req, const char *body,
             unsigned flags)
{
  struct commit_wait *w = commit_wait_new(req);

  if (w == NULL || buf_puts(&w->body, body) != 0) {
    commit_wait_free(w);
    httpd_respond_error(req, 503, "out of memory");
    return;
  }
  w->flags = flags;
  commit_queue(c, w);
}

int
commit_waiting(const struct commit *c)
{
  return c->nwait;
}

uint64_t
commit_answered(const struct commit *c)
{
  return c->answered;
}

static void
on_closed(uv_handle_t *h)
{
  struct commit *c = h->data;

  if (c->close_cb != NULL)
    c->close_cb(c->close_arg);
}

void
commit_close(struct commit *c, void (*cb)(void *arg), void *arg)
{
  c->close_cb = cb;
  c->close_arg = arg;
  uv_close((uv_handle_t *)&c->prepare, on_closed);
}

void
commit_free(struct commit *c)
{
  free(c);
}
