/*
 * curlev.c: libcurl multi on libuv (see curlev.h).
 *
 * curl tells us, through the socket callback, which sockets to watch and
 * for what; each watched socket gets a struct sock with a uv_poll_t,
 * attached to curl's socket with curl_multi_assign and freed only in its
 * close callback.  curl tells us through the timer callback when to call
 * it back at the latest; that is one uv_timer_t.  Every poll event or
 * timeout calls curl_multi_socket_action(), then finished transfers are
 * collected from curl_multi_info_read() and their owners told.
 *
 * A driver with a thread (curlev_new_thread) is a front on the owner's
 * loop for such a driver (the inner one) on the thread's loop.  They share
 * three lists under one mutex: transfers handed over and not yet started
 * (inbox), transfers ended and not yet told (ended, in the order they
 * ended), and the requests of the moment (connections to keep, one
 * transfer to stop, stop everything).  Each side wakes the other with a
 * uv_async_t, so many hand-overs cost one wake-up.
 */
#include "io/curlev.h"

#include <pthread.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <uv.h>

#include "base/err.h"

struct transfer {
  CURL *easy;
  curlev_done_cb done;
  void *arg;
  CURLcode result;            /* with a thread: how it ended */
  struct curlev_thread *th;   /* with a thread: whose */
  struct transfer *next;
};

struct curlev_thread;

struct curlev {
  uv_loop_t *loop;
  CURLM *multi;
  uv_timer_t timer;
  struct transfer *transfers;
  struct sock *socks;         /* every watched socket */
  int running;
  int open_handles;           /* the timer and every sock's poll */
  int closing;
  long keep;                  /* CURLMOPT_MAXCONNECTS as last set; 0: not */
  void (*close_cb)(void *arg);
  void *close_arg;
  struct curlev_thread *th;   /* not NULL: this is a thread's front */
};

static void finish_close(struct curlev *cv);
static void on_handle_closed(uv_handle_t *h);

struct sock {
  uv_poll_t poll;
  struct curlev *cv;
  curl_socket_t fd;
  struct sock *prev, *next;
};

/* Stop watching s and close it; it is freed in on_handle_closed. */
static void
sock_close(struct sock *s)
{
  struct curlev *cv = s->cv;

  if (s->prev != NULL)
    s->prev->next = s->next;
  else
    cv->socks = s->next;
  if (s->next != NULL)
    s->next->prev = s->prev;
  curl_multi_assign(cv->multi, s->fd, NULL);
  uv_poll_stop(&s->poll);
  uv_close((uv_handle_t *)&s->poll, on_handle_closed);
}


static void
on_handle_closed(uv_handle_t *h)
{
  struct curlev *cv;

  if (h->type == UV_POLL) {
    struct sock *s = h->data;
    cv = s->cv;
    free(s);
  } else {
    cv = h->data;
  }
  cv->open_handles--;
  if (cv->closing && cv->open_handles == 0)
    finish_close(cv);
}

/* Tell the owners of finished transfers. */
static void
drain(struct curlev *cv)
{
  CURLMsg *msg;
  int left;

  while ((msg = curl_multi_info_read(cv->multi, &left)) != NULL) {
    struct transfer **pp, *t = NULL;
    CURL *easy;
    CURLcode result;

    if (msg->msg != CURLMSG_DONE)
      continue;
    easy = msg->easy_handle;
    result = msg->data.result;
    curl_multi_remove_handle(cv->multi, easy);
    for (pp = &cv->transfers; *pp != NULL; pp = &(*pp)->next) {
      if ((*pp)->easy == easy) {
        t = *pp;
        *pp = t->next;
        break;
      }
    }
    if (t == NULL)
      continue;
    cv->running--;
    t->done(easy, result, t->arg);
    free(t);
  }
}

static void
on_poll(uv_poll_t *p, int status, int events)
{
  struct sock *s = p->data;
  int flags = 0, running = 0;

  if (status < 0)
    flags = CURL_CSELECT_ERR;
  if (events & UV_READABLE)
    flags |= CURL_CSELECT_IN;
  if (events & UV_WRITABLE)
    flags |= CURL_CSELECT_OUT;
  curl_multi_socket_action(s->cv->multi, s->fd, flags, &running);
  drain(s->cv);
}

static void
on_timer(uv_timer_t *t)
{
  struct curlev *cv = t->data;
  int running = 0;

  curl_multi_socket_action(cv->multi, CURL_SOCKET_TIMEOUT, 0, &running);
  drain(cv);
}

/* curl's CURLMOPT_TIMERFUNCTION: -1 stops the timer, 0 means "soon". */
static int
timer_cb(CURLM *multi, long timeout_ms, void *userp)
{
  struct curlev *cv = userp;

  (void)multi;
  if (cv->closing)
    return 0;
  if (timeout_ms < 0)
    uv_timer_stop(&cv->timer);
  else
    uv_timer_start(&cv->timer, on_timer,
                   (uint64_t)(timeout_ms == 0 ? 1 : timeout_ms), 0);
  return 0;
}

/* curl's CURLMOPT_SOCKETFUNCTION: start, change or stop watching s. */
static int
socket_cb(CURL *easy, curl_socket_t fd, int what, void *userp, void *socketp)
{
  struct curlev *cv = userp;
  struct sock *s = socketp;
  int events = 0;

  (void)easy;
  if (cv->closing)
    return 0;
  if (what == CURL_POLL_REMOVE) {
    if (s != NULL)
      sock_close(s);
    return 0;
  }
  if (s == NULL) {
    s = calloc(1, sizeof(*s));
    if (s == NULL)
      return -1;
    s->cv = cv;
    s->fd = fd;
    if (uv_poll_init_socket(cv->loop, &s->poll, fd) != 0) {
      free(s);
      return -1;
    }
    s->poll.data = s;
    cv->open_handles++;
    s->next = cv->socks;
    if (cv->socks != NULL)
      cv->socks->prev = s;
    cv->socks = s;
    curl_multi_assign(cv->multi, fd, s);
  }
  if (what == CURL_POLL_IN || what == CURL_POLL_INOUT)
    events |= UV_READABLE;
  if (what == CURL_POLL_OUT || what == CURL_POLL_INOUT)
    events |= UV_WRITABLE;
  uv_poll_start(&s->poll, events, on_poll);
  return 0;
}

int
curlev_new(struct curlev **out, uv_loop_t *loop)
{
  struct curlev *cv = calloc(1, sizeof(*cv));

  *out = NULL;
  if (cv == NULL)
    return -ENOMEM;
  cv->loop = loop;
  cv->multi = curl_multi_init();
  if (cv->multi == NULL) {
    free(cv);
    return AERR_STATE;
  }
  uv_timer_init(loop, &cv->timer);
  cv->timer.data = cv;
  cv->open_handles = 1;
  curl_multi_setopt(cv->multi, CURLMOPT_SOCKETFUNCTION, socket_cb);
  curl_multi_setopt(cv->multi, CURLMOPT_SOCKETDATA, cv);
  curl_multi_setopt(cv->multi, CURLMOPT_TIMERFUNCTION, timer_cb);
  curl_multi_setopt(cv->multi, CURLMOPT_TIMERDATA, cv);
  *out = cv;
  return 0;
}

static int th_add(struct curlev *cv, CURL *easy, curlev_done_cb done,
                  void *arg);
static int th_remove(struct curlev *cv, CURL *easy);
static void th_keep(struct curlev *cv, long n);
static void th_close(struct curlev *cv);

int
curlev_add(struct curlev *cv, CURL *easy, curlev_done_cb done, void *arg)
{
  struct transfer *t;

  if (cv->closing || done == NULL)
    return -EINVAL;
  if (cv->th != NULL)
    return th_add(cv, easy, done, arg);
  t = calloc(1, sizeof(*t));
  if (t == NULL)
    return -ENOMEM;
  t->easy = easy;
  t->done = done;
  t->arg = arg;
  /* curl calls the timer callback from here with 0: the transfer starts
   * on the next loop iteration, never inside this call. */
  if (curl_multi_add_handle(cv->multi, easy) != CURLM_OK) {
    free(t);
    return AERR_STATE;
  }
  t->next = cv->transfers;
  cv->transfers = t;
  cv->running++;
  return 0;
}

/* Stop the transfer of easy on cv (without a thread): 0 and its done's
 * arg in *arg, or -ENOENT. */
static int
take(struct curlev *cv, CURL *easy, void **arg)
{
  struct transfer **pp, *t;

  for (pp = &cv->transfers; *pp != NULL; pp = &(*pp)->next) {
    if ((*pp)->easy != easy)
      continue;
    t = *pp;
    *pp = t->next;
    curl_multi_remove_handle(cv->multi, easy);
    cv->running--;
    *arg = t->arg;
    free(t);
    return 0;
  }
  return -ENOENT;
}

int
curlev_remove(struct curlev *cv, CURL *easy)
{
  void *arg;

  if (cv->th != NULL)
    return th_remove(cv, easy);
  return take(cv, easy, &arg);
}

void
curlev_keep_connections(struct curlev *cv, long n)
{
  if (n < 0)
    n = 0;
  if (n == cv->keep)
    return;
  if (cv->th != NULL) {
    th_keep(cv, n);
    cv->keep = n;
    return;
  }
  /* 0 is curl's own default too (four per transfer running). */
  if (curl_multi_setopt(cv->multi, CURLMOPT_MAXCONNECTS, n) == CURLM_OK)
    cv->keep = n;
}

int
curlev_running(const struct curlev *cv)
{
  return cv->running;
}

static void
finish_close(struct curlev *cv)
{
  void (*cb)(void *) = cv->close_cb;
  void *arg = cv->close_arg;

  curl_multi_cleanup(cv->multi);
  free(cv);
  if (cb != NULL)
    cb(arg);
}

void
curlev_close(struct curlev *cv, void (*cb)(void *arg), void *arg)
{
  struct transfer *t, *next;

  if (cv->closing)
    return;
  cv->close_cb = cb;
  cv->close_arg = arg;
  if (cv->th != NULL) {
    cv->closing = 1;
    th_close(cv);
    return;
  }
  /* Owners hear of their aborted transfers first; curl's socket callback
   * is ignored from here on, and its sockets are closed below. */
  cv->closing = 1;
  for (t = cv->transfers; t != NULL; t = next) {
    next = t->next;
    curl_multi_remove_handle(cv->multi, t->easy);
    cv->running--;
    t->done(t->easy, CURLE_ABORTED_BY_CALLBACK, t->arg);
    free(t);
  }
  cv->transfers = NULL;
  /* Sockets curl keeps for reuse are still watched: close them too. */
  while (cv->socks != NULL)
    sock_close(cv->socks);
  uv_timer_stop(&cv->timer);
  uv_close((uv_handle_t *)&cv->timer, on_handle_closed);
}

/* ---- A driver on a thread of its own ---------------------------------- */

struct curlev_thread {
  struct curlev *front;       /* on the owner's loop */
  struct curlev *inner;       /* on the thread's loop, the thread's alone */
  uv_loop_t loop;             /* the thread's */
  uv_thread_t thread;
  uv_async_t wake;            /* on loop: something was asked */
  uv_async_t told;            /* on the owner's loop: transfers ended */
  uv_mutex_t lock;
  uv_cond_t answered;         /* a stop request has its answer */
  /* Under lock: */
  struct transfer *inbox, **inbox_tail;
  struct transfer *ended, **ended_tail;
  long keep;                  /* connections to keep, when keep_set */
  int keep_set;
  CURL *stop_easy;            /* a transfer to stop, while stop_asked */
  int stop_asked;
  int stop_rc;                /* its answer, once !stop_asked */
  int quit;                   /* abort everything and end the thread */
};

static void on_front_closed(uv_handle_t *h);

static void
append(struct transfer ***tail, struct transfer *t)
{
  t->next = NULL;
  **tail = t;
  *tail = &t->next;
}

/* Thread: a transfer ended (or was aborted); hand it to the owner. */
static void
th_ended(CURL *easy, CURLcode result, void *arg)
{
  struct transfer *t = arg;
  struct curlev_thread *th = t->th;

  (void)easy;
  t->result = result;
  uv_mutex_lock(&th->lock);
  append(&th->ended_tail, t);
  uv_mutex_unlock(&th->lock);
  uv_async_send(&th->told);
}

static void
on_inner_closed(void *arg)
{
  struct curlev_thread *th = arg;

  th->inner = NULL;
  uv_close((uv_handle_t *)&th->wake, NULL);  /* and the loop ends */
}

/* Thread: do what the owner asked. */
static void
on_wake(uv_async_t *a)
{
  struct curlev_thread *th = a->data;
  struct transfer *t, *next, *inbox;
  long keep = 0;
  int keep_set, quit;

  if (th->inner == NULL)
    return;  /* closing already */
  uv_mutex_lock(&th->lock);
  inbox = th->inbox;
  th->inbox = NULL;
  th->inbox_tail = &th->inbox;
  keep_set = th->keep_set;
  th->keep_set = 0;
  if (keep_set)
    keep = th->keep;
  if (th->stop_asked) {
    void *arg;
    th->stop_rc = take(th->inner, th->stop_easy, &arg);
    if (th->stop_rc == 0)
      free(arg);
    th->stop_asked = 0;
    uv_cond_signal(&th->answered);
  }
  quit = th->quit;
  uv_mutex_unlock(&th->lock);

  if (keep_set)
    curlev_keep_connections(th->inner, keep);
  for (t = inbox; t != NULL; t = next) {
    next = t->next;
    if (curlev_add(th->inner, t->easy, th_ended, t) != 0)
      th_ended(t->easy, CURLE_FAILED_INIT, t);
  }
  if (quit)
    curlev_close(th->inner, on_inner_closed, th);
}

static void
th_main(void *arg)
{
  struct curlev_thread *th = arg;

  uv_run(&th->loop, UV_RUN_DEFAULT);
}

/* Owner: tell the owners of the transfers that ended, in that order. */
static void
tell(struct curlev_thread *th)
{
  struct curlev *cv = th->front;
  struct transfer *t, *next;

  uv_mutex_lock(&th->lock);
  t = th->ended;
  th->ended = NULL;
  th->ended_tail = &th->ended;
  uv_mutex_unlock(&th->lock);
  for (; t != NULL; t = next) {
    next = t->next;
    cv->running--;
    t->done(t->easy, t->result, t->arg);
    free(t);
  }
}

static void
on_told(uv_async_t *a)
{
  tell(a->data);
}

static void
on_front_closed(uv_handle_t *h)
{
  struct curlev_thread *th = h->data;
  struct curlev *cv = th->front;
  void (*cb)(void *) = cv->close_cb;
  void *arg = cv->close_arg;

  uv_cond_destroy(&th->answered);
  uv_mutex_destroy(&th->lock);
  free(th);
  free(cv);
  if (cb != NULL)
    cb(arg);
}

static int
th_add(struct curlev *cv, CURL *easy, curlev_done_cb done, void *arg)
{
  struct curlev_thread *th = cv->th;
  struct transfer *t = calloc(1, sizeof(*t));

  if (t == NULL)
    return -ENOMEM;
  t->easy = easy;
  t->done = done;
  t->arg = arg;
  t->th = th;
  uv_mutex_lock(&th->lock);
  append(&th->inbox_tail, t);
  uv_mutex_unlock(&th->lock);
  cv->running++;
  uv_async_send(&th->wake);
  return 0;
}

static int
th_remove(struct curlev *cv, CURL *easy)
{
  struct curlev_thread *th = cv->th;
  struct transfer **pp, *t;
  int rc;

  if (cv->closing)
    return -ENOENT;
  uv_mutex_lock(&th->lock);
  for (pp = &th->inbox; *pp != NULL; pp = &(*pp)->next) {
    if ((*pp)->easy != easy)
      continue;
    /* Not started yet: it never will be. */
    t = *pp;
    *pp = t->next;
    if (*pp == NULL)
      th->inbox_tail = pp;
    uv_mutex_unlock(&th->lock);
    cv->running--;
    free(t);
    return 0;
  }
  for (t = th->ended; t != NULL; t = t->next) {
    if (t->easy == easy) {
      uv_mutex_unlock(&th->lock);
      return -ENOENT;  /* its owner hears of it on the next turn */
    }
  }
  th->stop_easy = easy;
  th->stop_asked = 1;
  uv_async_send(&th->wake);
  while (th->stop_asked)
    uv_cond_wait(&th->answered, &th->lock);
  rc = th->stop_rc;
  uv_mutex_unlock(&th->lock);
  if (rc == 0)
    cv->running--;
  return rc;
}

static void
th_keep(struct curlev *cv, long n)
{
  struct curlev_thread *th = cv->th;

  uv_mutex_lock(&th->lock);
  th->keep = n;
  th->keep_set = 1;
  uv_mutex_unlock(&th->lock);
  uv_async_send(&th->wake);
}

/* Owner: the thread aborts its transfers and ends; those it never
 * started are aborted here; everyone is told, then the front closes. */
static void
th_close(struct curlev *cv)
{
  struct curlev_thread *th = cv->th;
  struct transfer *t, *next, *inbox;

  uv_mutex_lock(&th->lock);
  inbox = th->inbox;
  th->inbox = NULL;
  th->inbox_tail = &th->inbox;
  th->quit = 1;
  uv_mutex_unlock(&th->lock);
  uv_async_send(&th->wake);
  uv_thread_join(&th->thread);
  uv_loop_close(&th->loop);
  tell(th);
  for (t = inbox; t != NULL; t = next) {
    next = t->next;
    cv->running--;
    t->done(t->easy, CURLE_ABORTED_BY_CALLBACK, t->arg);
    free(t);
  }
  uv_close((uv_handle_t *)&th->told, on_front_closed);
}

int
curlev_new_thread(struct curlev **out, uv_loop_t *loop)
{
  struct curlev *cv;
  struct curlev_thread *th;
  sigset_t all, old;
  int rc;

  *out = NULL;
  cv = calloc(1, sizeof(*cv));
  th = calloc(1, sizeof(*th));
  if (cv == NULL || th == NULL || uv_loop_init(&th->loop) != 0) {
    free(cv);
    free(th);
    return -ENOMEM;
  }
  if (curlev_new(&th->inner, &th->loop) != 0) {
    uv_loop_close(&th->loop);
    free(cv);
    free(th);
    return AERR_STATE;
  }
  cv->loop = loop;
  cv->th = th;
  th->front = cv;
  th->inbox_tail = &th->inbox;
  th->ended_tail = &th->ended;
  uv_mutex_init(&th->lock);
  uv_cond_init(&th->answered);
  uv_async_init(&th->loop, &th->wake, on_wake);
  th->wake.data = th;
  uv_async_init(loop, &th->told, on_told);
  th->told.data = th;
  /* The thread blocks every signal: the owner's loop takes them. */
  sigfillset(&all);
  pthread_sigmask(SIG_SETMASK, &all, &old);
  rc = uv_thread_create(&th->thread, th_main, th);
  pthread_sigmask(SIG_SETMASK, &old, NULL);
  if (rc != 0) {
    /* Nothing runs on the thread's loop: undo it here. */
    curlev_close(th->inner, NULL, NULL);
    uv_close((uv_handle_t *)&th->wake, NULL);
    uv_run(&th->loop, UV_RUN_DEFAULT);
    uv_loop_close(&th->loop);
    uv_close((uv_handle_t *)&th->told, on_front_closed);
    return AERR_STATE;
  }
  *out = cv;
  return 0;
}
