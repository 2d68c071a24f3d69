/*
 * commit.c: the group commit, pipelined (see commit.h).
 *
 * Three lists of waiters: the open batch's (head), the group whose batch
 * is committed and being synced by the worker (flight), and nothing
 * else: while a sync runs, the prepare handle leaves the open batch open,
 * so it grows until the sync returns, and then commits it and starts the
 * next sync at once.  Writes made outside any batch (autocommit) are
 * synced too: a sync starts whenever store_writes() moved since the last
 * one began, waiters or not.
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

/* A list of waiters, oldest first, and what they ask to wake. */
struct wlist {
  struct commit_wait *head;
  struct commit_wait *tail;
  int n;
  unsigned flags;
};

struct commit {
  uv_loop_t *loop;
  struct store *store;
  struct metrics *metrics;
  uv_prepare_t prepare;
  struct commit_hooks hooks;
  struct wlist open;             /* waiting for the open batch */
  struct wlist flight;           /* committed, waiting for the sync */
  int flight_rc;                 /* the commit of flight's batch */
  int syncing;                   /* the worker runs store_sync() */
  uv_work_t work;
  int (*sync)(void *arg);        /* store_sync() unless replaced */
  void *sync_arg;
  int work_rc;                   /* what the worker's sync returned */
  uint64_t writes_synced;        /* store_writes() when the last sync began */
  uint64_t answered;
  void (*close_cb)(void *arg);
  void *close_arg;
};

static void
wlist_push(struct wlist *l, struct commit_wait *w)
{
  w->next = NULL;
  if (l->tail != NULL)
    l->tail->next = w;
  else
    l->head = w;
  l->tail = w;
  l->n++;
  l->flags |= w->flags & (COMMIT_QUEUED | COMMIT_MEDIA);
}

/* Move everything of from to the end of to. */
static void
wlist_move(struct wlist *to, struct wlist *from)
{
  if (from->head == NULL)
    return;
  if (to->tail != NULL)
    to->tail->next = from->head;
  else
    to->head = from->head;
  to->tail = from->tail;
  to->n += from->n;
  to->flags |= from->flags;
  memset(from, 0, sizeof(*from));
}

static void
count(struct commit *c, const char *name, const char *help, uint64_t n)
{
  metrics_add(c->metrics, name, help, "", n);
}

/* Answer w after a commit and sync that ended with rc, and free it. */
static void
answer(struct commit *c, struct commit_wait *w, int rc)
{
  if (w->req == NULL) {
    w->done(w->arg, rc);
  } else if (rc == 0) {
    metrics_observe_latency(c->metrics, (double)(uv_now(c->loop) -
                                                 w->req->started_ms) /
                                          1000.0);
    httpd_respond(w->req, 200, w->ctype, NULL, w->body.data, w->body.len);
  } else {
    httpd_respond_error(w->req, 503, "temporarily unavailable, retry later");
  }
  if (w->req != NULL)
    c->answered++;
  commit_wait_free(w);
}

/* Answer every waiter of l (emptied) after rc; on success, tell the
 * hooks what they asked to wake. */
static void
answer_all(struct commit *c, struct wlist *l, int rc)
{
  struct wlist g = *l;
  struct commit_wait *w, *next;
  unsigned flags = g.flags;

  uint64_t reqs = 0;

  memset(l, 0, sizeof(*l));
  for (w = g.head; w != NULL; w = next) {
    next = w->next;
    reqs += w->req != NULL;
    answer(c, w, rc);
  }
  if (reqs > 0)
    count(c, "aduan_commit_requests_total",
          "Requests (webhooks, admin changes) answered after a sync", reqs);
  if ((uint64_t)g.n > reqs)
    count(c, "aduan_commit_records_total",
          "Sender and downloader records made durable by a sync",
          (uint64_t)g.n - reqs);
  if (rc != 0)
    return;
  if (store_evidence_dropped_since(c->store))
    flags |= COMMIT_DROPPED;
  /* A sync of writes nobody waited for has nothing to tell. */
  if (c->hooks.committed != NULL && (g.n > 0 || flags != 0))
    c->hooks.committed(c->hooks.arg, flags);
}

/* Commit the open batch, if any; its waiters join flight with that
 * commit's outcome.  Returns the commit's code. */
static int
commit_batch(struct commit *c)
{
  int rc = 0;

  if (store_batch_open(c->store)) {
    rc = store_batch_commit(c->store);
    count(c, "aduan_commit_batches_total", "Batches committed", 1);
  }
  if (rc != 0) {
    log_error("event=store.commit_failed err=%s msg=%s", err_name(rc),
              store_errmsg(c->store));
    /* A failed batch kept nothing: answer its waiters now. */
    answer_all(c, &c->open, rc);
    return rc;
  }
  wlist_move(&c->flight, &c->open);
  return 0;
}

static int
sync_store(void *arg)
{
  return store_sync(arg);
}

static void
on_sync(uv_work_t *req)
{
  struct commit *c = req->data;

  c->work_rc = c->sync(c->sync_arg);
}

static void start_sync(struct commit *c);

static void
on_synced(uv_work_t *req, int status)
{
  struct commit *c = req->data;
  int rc = status != 0 ? AERR_STORE : c->work_rc;

  c->syncing = 0;
  if (rc != 0)
    log_error("event=store.sync_failed err=%s", err_name(rc));
  answer_all(c, &c->flight, rc);
  /* The batch that grew meanwhile goes now, not a loop turn later. */
  start_sync(c);
}

/* Commit the open batch and, when it or earlier writes are not durable
 * yet, start the worker's sync; unless a sync runs already, in which case
 * the batch stays open. */
static void
start_sync(struct commit *c)
{
  uint64_t writes;

  if (c->syncing || c->close_cb != NULL)
    return;
  if (commit_batch(c) != 0 && c->flight.head == NULL)
    return;
  writes = store_writes(c->store);
  if (c->flight.head == NULL && writes == c->writes_synced)
    return;
  c->writes_synced = writes;
  c->syncing = 1;
  c->work.data = c;
  count(c, "aduan_commit_syncs_total", "Syncs of committed batches", 1);
  if (uv_queue_work(c->loop, &c->work, on_sync, on_synced) != 0) {
    /* No worker: sync here. */
    c->work_rc = c->sync(c->sync_arg);
    on_synced(&c->work, 0);
  }
}

static void
on_prepare(uv_prepare_t *h)
{
  struct commit *c = h->data;

  start_sync(c);
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
  c->writes_synced = store_writes(st);
  c->sync = sync_store;
  c->sync_arg = st;
  *out = c;
  return 0;
}

void
commit_set_hooks(struct commit *c, const struct commit_hooks *h)
{
  c->hooks = *h;
}

void
commit_set_sync(struct commit *c, int (*fn)(void *arg), void *arg)
{
  c->sync = fn;
  c->sync_arg = arg;
}

void
commit_start(struct commit *c)
{
  uv_prepare_start(&c->prepare, on_prepare);
}

int
commit_now(struct commit *c)
{
  struct wlist all = {0};
  int crc, rc;

  crc = commit_batch(c);
  /* The worker's sync, if one runs, finds no waiter left: this one
   * covers them. */
  wlist_move(&all, &c->flight);
  if (all.head == NULL && store_writes(c->store) == c->writes_synced)
    return crc;
  c->writes_synced = store_writes(c->store);
  count(c, "aduan_commit_syncs_total", "Syncs of committed batches", 1);
  rc = c->sync(c->sync_arg);
  if (rc != 0)
    log_error("event=store.sync_failed err=%s", err_name(rc));
  answer_all(c, &all, rc);
  return crc != 0 ? crc : rc;
}

int
commit_after(struct commit *c, void (*done)(void *arg, int rc), void *arg)
{
  struct commit_wait *w = calloc(1, sizeof(*w));

  if (w == NULL)
    return -ENOMEM;
  w->done = done;
  w->arg = arg;
  commit_queue(c, w);
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
  wlist_push(&c->open, w);
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
  return c->open.n + c->flight.n;
}

int
commit_syncing(const struct commit *c)
{
  return c->syncing;
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

static void
noop_close(void *arg)
{
  (void)arg;
}

void
commit_close(struct commit *c, void (*cb)(void *arg), void *arg)
{
  c->close_cb = cb != NULL ? cb : noop_close;
  c->close_arg = arg;
  uv_close((uv_handle_t *)&c->prepare, on_closed);
}

void
commit_free(struct commit *c)
{
  free(c);
}
